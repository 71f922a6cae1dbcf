"""Writes ``borno_yobe_acled.csv``: an ACLED-format export for the test theatre ``borno_yobe``.

It is not ACLED data. It follows ACLED's export layout (31 columns, ISO dates, ``inter1``/``inter2``
as category names) and names the actors the way ACLED names them in north-east Nigeria ("Islamic
State West Africa Province (ISWAP)", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
"Military Forces of Nigeria (2015-2023)", "CJTF: Civilian Joint Task Force", "Civilians (Nigeria)",
"Unidentified Armed Group (Nigeria)"). Its counts, which the tests state:

- 2021-01-01..2021-06-30, 24 events: 14 battles (8 ISWAP against the military: 2 in January, 3 in
  February, 3 in March, in Monguno, Guzamala and Konduga; 4 Boko Haram against the military in Gwoza
  and Bama in April and May; 2 ISWAP against the CJTF in Geidam, Yobe, in June) and 10 events of
  violence against civilians (5 by Boko Haram, 3 by ISWAP, 2 by unidentified armed groups);
- 20 events in Borno, 4 in Yobe (the two Geidam battles and two attacks on civilians in Damaturu).

Run it again to rebuild the file (it is deterministic).
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

HEADER = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
          "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
          "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
          "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
          "fatalities", "tags", "timestamp"]
PLACES = {  # admin2 -> (admin1, location, latitude, longitude)
    "Monguno": ("Borno", "Monguno", 12.67, 13.61), "Guzamala": ("Borno", "Gudumbali", 12.94, 13.20),
    "Konduga": ("Borno", "Konduga", 11.65, 13.42), "Gwoza": ("Borno", "Gwoza", 11.08, 13.70),
    "Bama": ("Borno", "Bama", 11.52, 13.69), "Maiduguri": ("Borno", "Maiduguri", 11.85, 13.16),
    "Damboa": ("Borno", "Damboa", 11.16, 12.76), "Geidam": ("Yobe", "Geidam", 12.89, 11.93),
    "Damaturu": ("Yobe", "Damaturu", 11.75, 11.96),
}
ISWAP = ("Islamic State West Africa Province (ISWAP)", "Rebel group")
JAS = ("Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", "Rebel group")
MILITARY = ("Military Forces of Nigeria (2015-2023)", "State forces")
CJTF = ("CJTF: Civilian Joint Task Force", "Political militia")
CIVILIANS = ("Civilians (Nigeria)", "Civilians")
UNIDENTIFIED = ("Unidentified Armed Group (Nigeria)", "Political militia")
BATTLE = ("Battles", "Armed clash")
ATTACK = ("Violence against civilians", "Attack")

EVENTS = [  # day, (event type, sub-event type), side 1, side 2, admin2, fatalities
    (date(2021, 1, 9), BATTLE, ISWAP, MILITARY, "Monguno", 6),
    (date(2021, 1, 23), BATTLE, ISWAP, MILITARY, "Guzamala", 4),
    (date(2021, 2, 3), BATTLE, ISWAP, MILITARY, "Konduga", 3),
    (date(2021, 2, 14), BATTLE, ISWAP, MILITARY, "Monguno", 8),
    (date(2021, 2, 27), BATTLE, ISWAP, MILITARY, "Guzamala", 5),
    (date(2021, 3, 11), BATTLE, ISWAP, MILITARY, "Guzamala", 19),
    (date(2021, 3, 20), BATTLE, ISWAP, MILITARY, "Monguno", 7),
    (date(2021, 3, 29), BATTLE, ISWAP, MILITARY, "Konduga", 2),
    (date(2021, 4, 6), BATTLE, JAS, MILITARY, "Gwoza", 5),
    (date(2021, 4, 18), BATTLE, JAS, MILITARY, "Bama", 3),
    (date(2021, 5, 2), BATTLE, JAS, MILITARY, "Gwoza", 4),
    (date(2021, 5, 16), BATTLE, JAS, MILITARY, "Bama", 2),
    (date(2021, 6, 5), BATTLE, ISWAP, CJTF, "Geidam", 3),
    (date(2021, 6, 19), BATTLE, ISWAP, CJTF, "Geidam", 1),
    (date(2021, 1, 15), ATTACK, JAS, CIVILIANS, "Gwoza", 4),
    (date(2021, 2, 8), ATTACK, JAS, CIVILIANS, "Bama", 2),
    (date(2021, 3, 3), ATTACK, JAS, CIVILIANS, "Konduga", 6),
    (date(2021, 4, 12), ATTACK, JAS, CIVILIANS, "Gwoza", 1),
    (date(2021, 5, 24), ATTACK, JAS, CIVILIANS, "Damboa", 3),
    (date(2021, 2, 19), ATTACK, ISWAP, CIVILIANS, "Guzamala", 2),
    (date(2021, 4, 25), ATTACK, ISWAP, CIVILIANS, "Monguno", 5),
    (date(2021, 6, 11), ATTACK, ISWAP, CIVILIANS, "Maiduguri", 1),
    (date(2021, 3, 14), ATTACK, UNIDENTIFIED, CIVILIANS, "Damaturu", 1),
    (date(2021, 5, 8), ATTACK, UNIDENTIFIED, CIVILIANS, "Damaturu", 0),
]


def rows() -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for n, (day, (event_type, sub), (actor1, inter1), (actor2, inter2), admin2, fatalities) in enumerate(EVENTS, 1):
        admin1, location, lat, lon = PLACES[admin2]
        civilian = event_type == "Violence against civilians"
        out.append({
            "event_id_cnty": f"NIG{20000 + n}", "event_date": day.isoformat(), "year": day.year, "time_precision": 1,
            "disorder_type": "Political violence", "event_type": event_type, "sub_event_type": sub,
            "actor1": actor1, "assoc_actor_1": "", "inter1": inter1, "actor2": actor2, "assoc_actor_2": "",
            "inter2": inter2, "interaction": f"{inter1}-{inter2}", "civilian_targeting": "Civilian targeting"
            if civilian else "", "iso": 566, "region": "Western Africa", "country": "Nigeria", "admin1": admin1,
            "admin2": admin2, "admin3": "", "location": location, "latitude": lat, "longitude": lon,
            "geo_precision": 1, "source": "Premium Times; HumAngle", "source_scale": "National",
            "notes": f"{actor1} and {actor2} in {location} ({admin2}, {admin1} state).", "fatalities": fatalities,
            "tags": "", "timestamp": 1620000000 + n,
        })
    return sorted(out, key=lambda r: (str(r["event_date"]), str(r["event_id_cnty"])), reverse=True)


def main() -> None:
    path = Path(__file__).with_name("borno_yobe_acled.csv")
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, HEADER)
        writer.writeheader()
        writer.writerows(rows())


if __name__ == "__main__":
    main()
