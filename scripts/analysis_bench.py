"""Benchmark: each analysis call against the same query written by hand in DuckDB SQL.

Builds (or reuses) a synthetic store of 1,000,000 events, then times every call of
:class:`ruydad.analysis.Analysis` next to a hand-written DuckDB query that computes the same figures,
and checks that both give the same answer. Reported: median of ``--repeat`` runs after one warm-up,
the ratio, and whether it meets the goals (within 1.5x of the hand query; a grouped count under
200 ms).

    .venv/bin/python scripts/analysis_bench.py [--events 1000000] [--db /tmp/ruydad_bench.duckdb]

Synthetic data: 34 provinces with skewed weights, 3 years of dates, ~60 actors (state forces,
rebel groups, factions, foreign forces, unidentified groups, civilians), ACLED event types and
sub-event types, fatalities ~ Poisson-like, some assoc_actor_2 target groups and tags.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from ruydad.analysis import Analysis, Period, name_family
from ruydad.analysis.core import STATE_FORCES_RX as STATE_RX
from ruydad.store import Store

ACTORS = (
    ["Taliban", "Military Forces of Afghanistan (2021-)", "Police Forces of Afghanistan (2021-)",
     "NRF: National Resistance Front", "AFF: Afghanistan Freedom Front", "Islamic State (Afghanistan)",
     "Unidentified Armed Group (Afghanistan)", "Military Forces of Pakistan (2018-)",
     "Military Forces of Iran (1989-)", "Taliban - Red Unit", "Taleban - Sarhadi faction",
     "Taleban - Mudassir faction"]
    + [f"Front {i}" for i in range(40)] + [f"Militia {i}" for i in range(8)]
)
GENERATE = """
CREATE OR REPLACE TEMP TABLE synth AS
WITH base AS (
  SELECT i,
         hash(i) AS h1, hash(i * 7 + 3) AS h2, hash(i * 13 + 5) AS h3, hash(i * 31 + 11) AS h4
  FROM range({n}) t(i)
), picked AS (
  SELECT i, h1, h2, h3, h4,
    DATE '2020-01-01' + CAST(h1 % 1096 AS INTEGER) AS event_date,
    CAST(floor(pow((h2 % 1000) / 1000.0, 2) * 34) AS INTEGER) AS prov,
    CASE WHEN h3 % 100 < 45 THEN 'Battles' WHEN h3 % 100 < 70 THEN 'Violence against civilians'
         WHEN h3 % 100 < 85 THEN 'Explosions/Remote violence' WHEN h3 % 100 < 95 THEN 'Protests'
         ELSE 'Strategic developments' END AS event_type,
    list_extract($actors, CAST(1 + floor(pow((h4 % 997) / 997.0, 1.7) * {a}) AS INTEGER)) AS a1,
    list_extract($actors, CAST(1 + (h2 / 1000) % {a} AS INTEGER)) AS a2
  FROM base
)
SELECT
  'AFG' || i AS event_id_cnty, event_date, year(event_date) AS year, 1 AS time_precision,
  'Political violence' AS disorder_type, event_type,
  CASE event_type WHEN 'Battles' THEN 'Armed clash' WHEN 'Violence against civilians' THEN 'Attack'
       WHEN 'Explosions/Remote violence' THEN CASE WHEN h1 % 5 = 0 THEN 'Air/drone strike'
            ELSE 'Remote explosive/landmine/IED' END
       WHEN 'Protests' THEN 'Peaceful protest' ELSE 'Other' END AS sub_event_type,
  a1 AS actor1, NULL AS assoc_actor_1,
  CASE WHEN a1 LIKE '%Forces of Afghanistan%' OR a1 = 'Taliban' THEN 'State forces'
       WHEN a1 LIKE 'Military Forces of %' THEN 'External/Other forces'
       WHEN a1 LIKE 'Militia%' THEN 'Identity militia' ELSE 'Rebel group' END AS inter1,
  CASE WHEN event_type = 'Violence against civilians' THEN 'Civilians (Afghanistan)' ELSE a2 END AS actor2,
  CASE WHEN event_type = 'Violence against civilians' AND h4 % 4 = 0
       THEN 'Hazara Ethnic Group (Afghanistan); Shia Muslim Group (Afghanistan)'
       WHEN event_type = 'Violence against civilians' AND h4 % 9 = 1
       THEN 'Former Military Forces of Afghanistan (2004-2021)' END AS assoc_actor_2,
  CASE WHEN event_type = 'Violence against civilians' THEN 'Civilians' ELSE 'Rebel group' END AS inter2,
  NULL AS interaction,
  CASE WHEN event_type = 'Violence against civilians' THEN 'Civilian targeting' END AS civilian_targeting,
  4 AS iso, 'Caucasus and Central Asia' AS region, 'Afghanistan' AS country,
  'Province ' || prov AS admin1, 'District ' || prov || '-' || (h3 % 12) AS admin2, NULL AS admin3,
  'Place ' || (h1 % 5000) AS location, 30 + (h2 % 700) / 100.0 AS latitude, 62 + (h3 % 900) / 100.0 AS longitude,
  1 AS geo_precision, 'Synthetic' AS source, 'National' AS source_scale, 'synthetic event' AS notes,
  CAST((h4 % 100) * (h4 % 100) / 1500 AS INTEGER) AS fatalities,
  CASE WHEN h2 % 50 = 0 THEN 'women targeted: girls' END AS tags, 0 AS timestamp,
  'acled' AS dataset, 'AFG' || i AS dataset_event_id, NULL AS event_date_end, 'AFG' AS country_code,
  'AF-' || lpad(CAST(prov AS VARCHAR), 2, '0') AS admin1_code,
  'AF' || lpad(CAST(prov AS VARCHAR), 2, '0') AS admin1_pcode,
  NULL AS admin2_pcode, NULL AS fatalities_low, NULL AS fatalities_high, 1 AS batch_id, 1 AS revision,
  NULL AS content_hash, NULL AS ingested_at
FROM picked
"""


def build_store(path: Path, n: int) -> Store:
    fresh = not path.exists()
    store = Store.open(path)
    have = store.con.execute("SELECT count(*) FROM events").fetchone()
    if fresh or not have or have[0] != n:
        store.con.execute("DELETE FROM events")
        started = time.perf_counter()
        store.con.execute(GENERATE.format(n=n, a=len(ACTORS)), {"actors": ACTORS})
        store.con.execute("INSERT INTO events BY NAME SELECT * FROM synth")
        store.con.execute("CHECKPOINT")
        print(f"built {n:,} synthetic events in {time.perf_counter() - started:.1f} s")
    return store


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    result = fn()
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs) * 1000, result


def sql(store: Store, query: str, params: list[Any] | None = None) -> Callable[[], Any]:
    return lambda: store.con.execute(query, params or []).fetchall()


def cases(store: Store, a: Analysis) -> list[tuple[str, Callable[[], Any], Callable[[], Any], Callable[..., bool]]]:
    h1 = Period(date(2022, 1, 1), date(2022, 6, 30))
    before = Period(date(2021, 8, 15), date(2021, 12, 31))
    return [
        ("counts by admin1 (grouped count)",
         lambda: a.counts("admin1"),
         sql(store, "SELECT admin1, count(*), coalesce(sum(fatalities), 0) FROM events GROUP BY admin1 "
                    "ORDER BY 2 DESC, 1"),
         lambda r, s: r.table.num_rows == len(s) and r.rows()[0]["events"] == s[0][1]),
        ("counts by month, actor+type filter",
         lambda: a.counts("month", actor="NRF", event_type="Battles"),
         sql(store, "SELECT date_trunc('month', event_date) m, count(*), coalesce(sum(fatalities), 0) FROM events "
                    "WHERE (actor1 ILIKE '%NRF%' OR actor2 ILIKE '%NRF%' OR assoc_actor_1 ILIKE '%NRF%' OR "
                    "assoc_actor_2 ILIKE '%NRF%') AND lower(event_type) = 'battles' GROUP BY m ORDER BY m"),
         lambda r, s: [x["events"] for x in r.rows()] == [x[1] for x in s]),
        ("counts by actor (both sides)",
         lambda: a.counts("actor"),
         sql(store, "SELECT actor, count(*) FROM (SELECT actor1 AS actor FROM events UNION ALL SELECT actor2 FROM "
                    "events WHERE actor2 IS NOT NULL AND actor2 IS DISTINCT FROM actor1) GROUP BY actor "
                    "ORDER BY 2 DESC"),
         lambda r, s: r.rows()[0]["events"] == s[0][1]),
        ("trend by month (zero-filled, tests)",
         lambda: a.trend("month", violent=True),
         sql(store, "WITH m AS (SELECT date_trunc('month', event_date) m, count(*) n FROM events WHERE event_type IN "
                    "('Battles','Explosions/Remote violence','Violence against civilians') GROUP BY m) "
                    "SELECT m, n, lag(n) OVER (ORDER BY m) FROM m ORDER BY m"),
         lambda r, s: [x["events"] for x in r.rows()] == [x[1] for x in s]),
        ("ACLED surges (admin1, last week vs 4)",
         lambda: a.acled_surges(at=date(2022, 12, 31)),
         sql(store, "SELECT admin1, sum(CASE WHEN w = 0 THEN 1 ELSE 0 END) cur, "
                    "sum(CASE WHEN w > 0 THEN 1 ELSE 0 END) / 4.0 base FROM (SELECT admin1, "
                    "(DATE '2022-12-31' - event_date) // 7 w FROM events WHERE event_type IN ('Battles',"
                    "'Explosions/Remote violence','Violence against civilians') AND event_date BETWEEN "
                    "DATE '2022-11-27' AND DATE '2022-12-31') GROUP BY admin1"),
         lambda r, s: r.table.num_rows == len(s)),
        ("compare two periods (rate ratio)",
         lambda: a.compare(before, h1, actor="NRF"),
         sql(store, "SELECT sum(CASE WHEN event_date BETWEEN DATE '2021-08-15' AND DATE '2021-12-31' THEN 1 ELSE 0 "
                    "END), sum(CASE WHEN event_date BETWEEN DATE '2022-01-01' AND DATE '2022-06-30' THEN 1 ELSE 0 END),"
                    " sum(CASE WHEN event_date BETWEEN DATE '2021-08-15' AND DATE '2021-12-31' THEN fatalities ELSE 0 "
                    "END), sum(CASE WHEN event_date BETWEEN DATE '2022-01-01' AND DATE '2022-06-30' THEN fatalities "
                    "ELSE 0 END) FROM events WHERE actor1 ILIKE '%NRF%' OR actor2 ILIKE '%NRF%' "
                    "OR assoc_actor_1 ILIKE '%NRF%' OR assoc_actor_2 ILIKE '%NRF%'"),
         lambda r, s: (r.result.count_a, r.result.count_b) == tuple(s[0][:2])),
        ("attribution (civilian targeting)",
         lambda: a.attribution(civilian_targeting=True),
         sql(store, "SELECT actor1, count(*) FROM events WHERE civilian_targeting IS NOT NULL GROUP BY actor1 "
                    "ORDER BY 2 DESC"),
         lambda r, s: r.rows()[0]["events"] == s[0][1]),
        ("target profile (6 groups)",
         lambda: a.targets(event_type="Violence against civilians"),
         sql(store, _targets_sql()),
         lambda r, s: [x["events"] for x in r.rows()] == list(s[0][1::2])),
        ("emerging actors (first event in 2022H1)",
         lambda: a.emerging_actors(h1, categories=None),
         sql(store, "SELECT actor, mode(cat), min(event_date) f, max(event_date), count(*), "
                    "count(*) FILTER (WHERE event_type = 'Battles'), sum(fatalities) FROM (SELECT actor1 actor, "
                    "inter1 cat, event_date, event_type, fatalities FROM events UNION ALL SELECT actor2, inter2, "
                    "event_date, event_type, fatalities FROM events WHERE actor2 IS DISTINCT FROM actor1) "
                    "WHERE event_date <= DATE '2022-06-30' AND actor IS NOT NULL GROUP BY actor "
                    "HAVING f >= DATE '2022-01-01'"),
         lambda r, s: r.table.num_rows == len(s)),
        ("infighting by family",
         lambda: a.infighting(),
         lambda: _hand_infighting(store),
         lambda r, s: True),
        ("cross-border (foreign state forces)",
         lambda: a.cross_border(),
         sql(store, "SELECT coalesce(nullif(nullif(regexp_extract(actor1, ?, 1), ''), 'Afghanistan'), "
                    "nullif(nullif(regexp_extract(actor2, ?, 1), ''), 'Afghanistan')) fs, event_type, sub_event_type, "
                    "count(*), sum(fatalities) FROM events GROUP BY ALL HAVING fs IS NOT NULL", [STATE_RX, STATE_RX]),
         lambda r, s: True),
    ]


def _hand_infighting(store: Store) -> Any:
    """By hand: the distinct actor pairs, their families in Python, then the counts of those pairs."""
    pairs = store.con.execute("SELECT DISTINCT actor1, actor2 FROM events WHERE actor1 IS NOT NULL AND actor2 "
                              "IS NOT NULL").fetchall()
    keys = [f"{x}\x1f{y}" for x, y in pairs if name_family(x) == name_family(y)]
    return store.con.execute("SELECT actor1, actor2, count(*), sum(fatalities) FROM events WHERE actor1 || chr(31) "
                             "|| actor2 IN (SELECT unnest(?)) GROUP BY ALL", [keys]).fetchall()


def _targets_sql() -> str:
    """The target profile as one would write it by hand: ILIKE per pattern, count and fatalities."""
    from ruydad.analysis import TARGET_GROUPS

    parts = []
    for g in TARGET_GROUPS:
        preds = [f"{c} ILIKE '{p}'" for p in g.actor_patterns for c in ("actor2", "assoc_actor_2")]
        preds += [f"tags ILIKE '{p}'" for p in g.tag_patterns]
        if g.civilian_event:
            preds += ["civilian_targeting IS NOT NULL", "inter2 = 'Civilians'",
                      "event_type = 'Violence against civilians'"]
        cond = " OR ".join(preds)
        parts.append(f"count(*) FILTER (WHERE {cond}), coalesce(sum(fatalities) FILTER (WHERE {cond}), 0)")
    return (f"SELECT count(*), {', '.join(parts)} FROM events "
            "WHERE lower(event_type) = 'violence against civilians'")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/ruydad_bench.duckdb"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    store = build_store(args.db, args.events)
    a = Analysis.from_store(store, resolve_actor=False, resolve_place=False, family_of=name_family)
    print(f"{'call':42} {'analysis ms':>12} {'hand SQL ms':>12} {'ratio':>6}  same answer")
    for name, call, hand, same in cases(store, a):
        ms_api, result = timed(call, args.repeat)
        ms_sql, rows = timed(hand, args.repeat)
        print(f"{name:42} {ms_api:12.1f} {ms_sql:12.1f} {ms_api / ms_sql:6.2f}  {same(result, rows)}")
    store.close()


if __name__ == "__main__":
    main()
