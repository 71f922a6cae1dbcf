"""Write ``acled_afghanistan_fixture.csv``: a small ACLED-format export whose right answers are stated here.

Actor names are those real ACLED exports use ("National Resistance Front", "Military Forces of Afghanistan
(2021-)", "Islamic State Khorasan Province (ISKP)", "Civilians (Afghanistan)"); the events are made up, in
numbers chosen so each claim of the phrasebook has a known answer. The export covers 2020-01-01 to
2022-08-31. Run ``python tests/data/claims/make_acled_fixture.py`` after changing a number here, and
update the phrasebook's expectations with it.

What it holds (all in Afghanistan):

- Taliban vs "Military Forces of Afghanistan (2004-2021)": battles every 5 days, 2020-01-01..2021-08-14
  (Kandahar, Helmand).
- ISKP ("Islamic State Khorasan Province (ISKP)"): 10 explosions in Nangarhar, 2020-2021.
- NRF ("National Resistance Front") vs "Military Forces of Afghanistan (2021-)": 40 battles in Panjshir,
  2021-09-01..2021-12-31, and 280 battles in 2022H1 (Baghlan 187, Panjshir 93).
- AFF ("Afghanistan Freedom Front") vs the Taliban's forces: 62 battles 2022-03-01..2022-08-30 (Parwan,
  Baghlan), 40 of them in 2022H1. AFF and 8 other groups first appear in 2022: 9 new groups; the other 8
  fight 9 battles each in 2022H1 (72), so groups first recorded in 2022 fought 112 battles in 2022H1.
- ISKP ("Islamic State Khorasan Province (ISKP)"): 20 explosions in 2022 (Jan-Aug), 10 aimed at civilians
  of the Hazara and Shia groups in Kabul, 10 at the Taliban's forces in Nangarhar.
- Violence against civilians 2021-08-15..2022-06-30: 100 events, 59 by the Taliban's forces ("Military
  Forces of Afghanistan (2021-)", "Police Forces of Afghanistan (2021-)"), 41 by unidentified groups, the
  two interleaved over the period (the first on 2021-08-15 is unidentified).
- Infighting (Taliban military vs Taliban police forces): 15 battles 2021-08-15..2021-12-31, 58 in 2022H1.
- Cross-border: 30 Pakistani air/drone strikes (Khost, Kunar) and 12 clashes with Iranian forces (Nimroz) in
  2022H1: 42.
- Protests: one each in Kabul on 2020-01-01 and 2022-08-31 (the ends of the coverage).
"""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "acled_afghanistan_fixture.csv"
COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
)
PLACES = {  # admin1 -> (admin2, location, lat, lon)
    "Kandahar": ("Kandahar", "Kandahar", 31.6133, 65.7101), "Helmand": ("Lashkargah", "Lashkar Gah", 31.5938, 64.3700),
    "Nangarhar": ("Jalalabad", "Jalalabad", 34.4265, 70.4515), "Panjshir": ("Rukha", "Rukha", 35.3270, 69.4754),
    "Baghlan": ("Andarab", "Banu", 35.6308, 69.2606), "Parwan": ("Salang", "Salang", 35.3167, 69.0333),
    "Kabul": ("Kabul", "Kabul", 34.5281, 69.1723), "Khost": ("Khost", "Khost", 33.3395, 69.9204),
    "Kunar": ("Asadabad", "Asadabad", 34.8741, 71.1528), "Nimroz": ("Zaranj", "Zaranj", 30.9596, 61.8603),
}
TALIBAN_ARMY = "Military Forces of Afghanistan (2021-)"
TALIBAN_POLICE = "Police Forces of Afghanistan (2021-)"
CIVILIANS = "Civilians (Afghanistan)"
UNIDENTIFIED = "Unidentified Armed Group (Afghanistan)"
ISKP = "Islamic State Khorasan Province (ISKP)"
NEW_GROUPS = ("Afghanistan Islamic National and Liberation Movement", "Andarab Resistance Front",
              "Freedom Corps", "National Liberation Front of Afghanistan", "Soldiers of Hazaristan",
              "Turkestan Freedom Tigers", "Unity and Liberation Front", "Afghanistan Liberation Movement")
SUB = {"Battles": ("Political violence", "Armed clash"),
       "Explosions/Remote violence": ("Political violence", "Remote explosive/landmine/IED"),
       "Violence against civilians": ("Political violence", "Attack"),
       "Protests": ("Demonstrations", "Peaceful protest")}


def spread(start: date, end: date, n: int) -> list[date]:
    """``n`` days spread evenly from ``start`` to ``end`` (both included when n > 1)."""
    span = (end - start).days
    return [start + timedelta(days=(span * i) // max(n - 1, 1)) for i in range(n)]


def rows() -> list[dict[str, object]]:
    out: list[dict[str, object]] = []

    def add(day: date, event_type: str, actor1: str, inter1: str, actor2: str, inter2: str, admin1: str, *,
            sub: str | None = None, assoc2: str = "", civilian: bool = False, fatalities: int = 1) -> None:
        disorder, default_sub = SUB[event_type]
        admin2, location, lat, lon = PLACES[admin1]
        n = len(out) + 1
        out.append({
            "event_id_cnty": f"AFG{90000 + n}", "event_date": day.strftime("%d %B %Y"), "year": day.year,
            "time_precision": 1, "disorder_type": disorder, "event_type": event_type,
            "sub_event_type": sub or default_sub, "actor1": actor1, "assoc_actor_1": "", "inter1": inter1,
            "actor2": actor2, "assoc_actor_2": assoc2, "inter2": inter2, "interaction": "",
            "civilian_targeting": "Civilian targeting" if civilian else "", "iso": 4,
            "region": "Caucasus and Central Asia", "country": "Afghanistan", "admin1": admin1, "admin2": admin2,
            "admin3": "", "location": location, "latitude": lat, "longitude": lon, "geo_precision": 1,
            "source": "Fixture", "source_scale": "National",
            "notes": f"On {day.strftime('%d %B %Y')}, {' and '.join(a for a in (actor1, actor2) if a)} "
                     f"({event_type}) in {location}, {admin1}.",
            "fatalities": fatalities if event_type != "Protests" else 0, "tags": "", "timestamp": 1700000000 + n,
        })

    add(date(2020, 1, 1), "Protests", "Protesters (Afghanistan)", "Protesters", "", "", "Kabul")
    for i, d in enumerate(spread(date(2020, 1, 2), date(2021, 8, 14), 118)):
        add(d, "Battles", "Taliban", "Rebel group", "Military Forces of Afghanistan (2004-2021)", "State forces",
            "Kandahar" if i % 2 else "Helmand")
    for d in spread(date(2020, 3, 1), date(2021, 6, 1), 10):
        add(d, "Explosions/Remote violence", ISKP, "Rebel group", CIVILIANS, "Civilians",
            "Nangarhar", civilian=True)
    for d in spread(date(2021, 9, 1), date(2021, 12, 31), 40):
        add(d, "Battles", "National Resistance Front", "Rebel group", TALIBAN_ARMY, "State forces", "Panjshir")
    for i, d in enumerate(spread(date(2022, 1, 1), date(2022, 6, 30), 280)):
        add(d, "Battles", "National Resistance Front", "Rebel group", TALIBAN_ARMY, "State forces",
            "Panjshir" if i % 3 == 0 else "Baghlan")
    aff_days = spread(date(2022, 3, 1), date(2022, 6, 30), 40) + spread(date(2022, 7, 1), date(2022, 8, 30), 22)
    for i, d in enumerate(aff_days):
        add(d, "Battles", "Afghanistan Freedom Front", "Rebel group", TALIBAN_ARMY, "State forces",
            "Parwan" if i % 2 else "Baghlan")
    for g, name in enumerate(NEW_GROUPS):
        for d in spread(date(2022, 2 + g % 4, 1), date(2022, 6, 30 - g), 9):
            add(d, "Battles", name, "Rebel group", TALIBAN_ARMY, "State forces", "Baghlan" if g % 2 else "Parwan")
    for i, d in enumerate(spread(date(2022, 1, 10), date(2022, 8, 20), 20)):
        if i % 2 == 0:
            add(d, "Explosions/Remote violence", ISKP, "Rebel group", CIVILIANS,
                "Civilians", "Kabul", sub="Suicide bomb",
                assoc2="Hazara Ethnic Group (Afghanistan); Shia Muslim Group (Afghanistan)", civilian=True,
                fatalities=5)
        else:
            add(d, "Explosions/Remote violence", ISKP, "Rebel group", TALIBAN_ARMY,
                "State forces", "Nangarhar")
    for i, d in enumerate(spread(date(2021, 8, 15), date(2022, 6, 30), 100)):
        taliban = (i * 59) // 100 != ((i + 1) * 59) // 100  # 59 of 100, spread over the period
        perpetrator = (TALIBAN_ARMY if i % 2 else TALIBAN_POLICE) if taliban else UNIDENTIFIED
        add(d, "Violence against civilians", perpetrator, "State forces" if taliban else "Political militia",
            CIVILIANS, "Civilians", "Kabul" if i % 3 else "Kandahar", civilian=True)
    for d in spread(date(2021, 8, 15), date(2021, 12, 31), 15) + spread(date(2022, 1, 1), date(2022, 6, 30), 58):
        add(d, "Battles", TALIBAN_ARMY, "State forces", TALIBAN_POLICE, "State forces", "Kandahar")
    for i, d in enumerate(spread(date(2022, 1, 5), date(2022, 6, 25), 30)):
        add(d, "Explosions/Remote violence", "Military Forces of Pakistan (2018-)", "External/Other forces",
            CIVILIANS, "Civilians", "Khost" if i % 2 else "Kunar", sub="Air/drone strike", civilian=True)
    for d in spread(date(2022, 1, 15), date(2022, 6, 20), 12):
        add(d, "Battles", "Military Forces of Iran (1989-)", "External/Other forces", TALIBAN_ARMY, "State forces",
            "Nimroz")
    add(date(2022, 8, 31), "Protests", "Protesters (Afghanistan)", "Protesters", "", "", "Kabul")
    return out


def main() -> None:
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows())


if __name__ == "__main__":
    main()
