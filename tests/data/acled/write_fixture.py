"""Writes ``afghanistan_2021-2022_export.csv``: an ACLED-format export written for the tests.

It is not ACLED data. It follows ACLED's export as the Data Export Tool writes it in 2023 and later
(31 columns, ISO dates, ``inter1``/``inter2`` as category names, ``civilian_targeting`` as text) and
names actors the way ACLED names them ("National Resistance Front", "Afghanistan Freedom Front",
"Military Forces of Afghanistan (2021-)", "Police Forces of Afghanistan (2021-)", "Islamic State
(Afghanistan)", "Islamic State Khorasan Province (ISKP)", "Unidentified Armed Group (Afghanistan)",
"Civilians (Afghanistan)"). Its counts are chosen so the tests can state the right answers:

- 2022-01-01..2022-06-30: 280 battles between the National Resistance Front and the Taliban's forces
  (in Panjshir, Baghlan, Kapisa and Parwan), 20 battles of the Afghanistan Freedom Front;
- 2021-08-15..2022-06-30: 100 events of violence against civilians: 59 by the Taliban, 30 by
  unidentified armed groups, 11 by the Islamic State (Khorasan Province);
- 2022: 20 explosions of the Islamic State Khorasan Province (ISKP), 42 strikes and shelling of the
  Military Forces of Pakistan (2018-) in Kunar and Khost;
- the export runs from 2021-08-15 to 2022-11-29.

Run it again to rebuild the file (it is deterministic).
"""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

HEADER = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
          "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
          "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
          "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
          "fatalities", "tags", "timestamp"]
PLACES = {
    "Panjshir": ("Bazarak", "Bazarak", 35.3129, 69.5152), "Baghlan": ("Andarab", "Banu", 35.6362, 69.2725),
    "Kapisa": ("Tagab", "Tagab", 34.8434, 69.6489), "Parwan": ("Jabalussaraj", "Jabalussaraj", 35.1178, 69.2386),
    "Kabul": ("Kabul", "Kabul", 34.5553, 69.2075), "Nangarhar": ("Jalalabad", "Jalalabad", 34.4265, 70.4515),
    "Kunar": ("Asadabad", "Asadabad", 34.8741, 71.1528), "Khost": ("Khost (Matun)", "Khost", 33.3395, 69.9204),
    "Takhar": ("Taloqan", "Taloqan", 36.7361, 69.5345),
}
TALIBAN_FORCES = "Military Forces of Afghanistan (2021-)"


class Writer:
    def __init__(self) -> None:
        self.rows: list[dict[str, object]] = []

    def add(self, day: date, event_type: str, sub: str, actor1: str, inter1: str, actor2: str, inter2: str,
            admin1: str, fatalities: int, notes: str, civilian: bool = False, assoc2: str = "") -> None:
        admin2, location, lat, lon = PLACES[admin1]
        n = len(self.rows) + 1
        disorder = "Political violence"
        self.rows.append({
            "event_id_cnty": f"AFG{60000 + n}", "event_date": day.isoformat(), "year": day.year,
            "time_precision": 1, "disorder_type": disorder, "event_type": event_type, "sub_event_type": sub,
            "actor1": actor1, "assoc_actor_1": "", "inter1": inter1, "actor2": actor2, "assoc_actor_2": assoc2,
            "inter2": inter2, "interaction": f"{inter1}-{inter2}" if inter2 else f"{inter1} only",
            "civilian_targeting": "Civilian targeting" if civilian else "", "iso": 4,
            "region": "Caucasus and Central Asia", "country": "Afghanistan", "admin1": admin1, "admin2": admin2,
            "admin3": "", "location": location, "latitude": lat, "longitude": lon, "geo_precision": 1,
            "source": "Afghanistan International; Hasht-e Subh", "source_scale": "National",
            "notes": notes, "fatalities": fatalities, "tags": "",
            "timestamp": 1667000000 + n,
        })


def build() -> list[dict[str, object]]:
    w = Writer()
    h1 = date(2022, 1, 1)
    fronts = ["Panjshir", "Baghlan", "Kapisa", "Parwan"]
    for i in range(280):
        day = h1 + timedelta(days=(i * 181) // 280)
        w.add(day, "Battles", "Armed clash", "National Resistance Front", "Rebel group", TALIBAN_FORCES,
              "State forces", fronts[i % 4], i % 3, "NRF fighters clashed with Taliban forces.")
    for i in range(20):
        w.add(h1 + timedelta(days=i * 9), "Battles", "Armed clash", "Afghanistan Freedom Front", "Rebel group",
              TALIBAN_FORCES, "State forces", "Kapisa" if i % 2 else "Takhar", 1,
              "AFF fighters attacked a Taliban checkpoint.")
    start, days = date(2021, 8, 15), (date(2022, 6, 30) - date(2021, 8, 15)).days
    perpetrators = (["Taliban"] * 59 + ["Unidentified Armed Group (Afghanistan)"] * 30
                    + ["Islamic State (Afghanistan)"] * 11)
    categories = {"Taliban": "Rebel group", "Unidentified Armed Group (Afghanistan)": "Political militia",
                  "Islamic State (Afghanistan)": "Political militia"}
    for i, who in enumerate(perpetrators):
        w.add(start + timedelta(days=(i * days) // 100), "Violence against civilians", "Attack", who,
              categories[who], "Civilians (Afghanistan)", "Civilians", ["Kabul", "Nangarhar", "Panjshir"][i % 3],
              1, "Armed men killed a civilian.", civilian=True,
              assoc2="Hazara Ethnic Group (Afghanistan); Former Government of Afghanistan (2004-2021)"
              if i % 4 == 0 else "")
    for i in range(20):
        w.add(date(2022, 1, 10) + timedelta(days=i * 17), "Explosions/Remote violence",
              "Remote explosive/landmine/IED", "Islamic State Khorasan Province (ISKP)", "Political militia",
              "Civilians (Afghanistan)", "Civilians", "Kabul" if i % 2 else "Nangarhar", 3,
              "An IED claimed by ISKP exploded.", civilian=True)
    for i in range(42):
        w.add(date(2022, 1, 5) + timedelta(days=i * 8), "Explosions/Remote violence",
              "Shelling/artillery/missile attack" if i % 3 else "Air/drone strike",
              "Military Forces of Pakistan (2018-)", "External/Other forces", "Civilians (Afghanistan)", "Civilians",
              "Kunar" if i % 2 else "Khost", 0, "Pakistani forces shelled villages across the Durand Line.",
              civilian=True)
    for i in range(10):  # Taliban police, and the export's last weeks
        w.add(date(2022, 7, 1) + timedelta(days=i * 6), "Battles", "Armed clash", "National Resistance Front",
              "Rebel group", "Police Forces of Afghanistan (2021-)", "State forces", "Panjshir", 0,
              "NRF fighters clashed with Taliban police.")
    w.rows.sort(key=lambda r: (str(r["event_date"]), str(r["event_id_cnty"])), reverse=True)
    return w.rows


def main() -> None:
    path = Path(__file__).with_name("afghanistan_2021-2022_export.csv")
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=HEADER)
        writer.writeheader()
        writer.writerows(build())


if __name__ == "__main__":
    main()
