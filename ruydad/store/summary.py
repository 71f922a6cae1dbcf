"""Summary tables: event counts kept current at every write, so that grouped figures, totals and the
place of a deep page are read from the counts instead of from every event.

Two tables, and smaller ones summed from them, all rebuilt in the transaction that writes the events
(:func:`refresh`, called by :func:`ruydad.ingest.batches.finish_batch`, the one place every successful
write passes through):

- ``summary_days``: events, fatalities and the low/high estimates per dataset, day, country,
  province (its name, ISO 3166-2 code and P-code), event type, sub-event type, disorder type,
  civilian targeting, actor categories and the four actor columns as stored (:data:`DAY_KEYS`);
- ``summary_months``: the same per month, without the actor columns (:data:`MONTH_KEYS`), with the
  first and last day of each group;
- the rollups (:data:`ROLLUPS`, schema version 18), each a few rows per month or day: totals per
  dataset, month and country (the store's overview); the same with the province (the map), with the
  types (types over time), with the actor columns (an actor's figures and pages); and totals per
  day (a date range that does not fall on month boundaries). On real data the days table holds
  nearly a row per event (the actor pair and place of an event are rarely repeated on one day), so
  these are what make the common questions cheap.

The query model decides which to read (:func:`source_for`): a question whose condition and grouping
use only columns a table has (and, for the months table, whose dates fall on month boundaries) is
answered from it; any other falls back to the events. The answer is the same either way (the
counts are sums of the same rows): ``tests/store/test_summary.py`` compares them on both backends.

``summary_state`` holds a version stamp, moved by every refresh, and what the summary has seen: the
number of events it counts (DuckDB, compared with the table's row count, which DuckDB keeps) or the
number of statements that had written to the events (PostgreSQL, compared with a counter a statement
trigger moves). :func:`state` reads both in one cheap query, which is also what
:meth:`ruydad.store.Store.query_context` keys its catalog on (no scan of the events). A summary that
missed a write (rows written by hand, outside a batch) is not used until the next batch rebuilds it.

The SQL is portable: it runs on DuckDB and on the PostgreSQL store's connection.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

import sqlglot.expressions as sx

if TYPE_CHECKING:
    import pyarrow as pa

DAY_TABLE = "summary_days"
MONTH_TABLE = "summary_months"
TOTAL_TABLE = "summary_totals"
PLACE_MONTH_TABLE = "summary_place_months"
TYPE_MONTH_TABLE = "summary_type_months"
ACTOR_MONTH_TABLE = "summary_actor_months"
DAY_TOTAL_TABLE = "summary_day_totals"
STATE_TABLE = "summary_state"

PLACE_COLUMNS: tuple[str, ...] = ("country", "country_code", "admin1", "admin1_code", "admin1_pcode")
TYPE_COLUMNS: tuple[str, ...] = ("event_type", "sub_event_type", "disorder_type", "civilian_targeting")
ACTOR_KEY_COLUMNS: tuple[str, ...] = ("inter1", "inter2", "actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
DAY_KEYS: tuple[str, ...] = ("dataset", "event_date", *PLACE_COLUMNS, *TYPE_COLUMNS, *ACTOR_KEY_COLUMNS)
"""The event columns ``summary_days`` groups by."""
MONTH_KEYS: tuple[str, ...] = ("dataset", "month", *PLACE_COLUMNS, *TYPE_COLUMNS)
"""The columns ``summary_months`` groups by (``month``: the first day of the month)."""
TOTAL_KEYS: tuple[str, ...] = ("dataset", "month", "country", "country_code")
"""The columns ``summary_totals`` groups by: a few rows per month, read by the store's overview and by
every question that filters on datasets, countries and whole months alone."""
PLACE_MONTH_KEYS: tuple[str, ...] = ("dataset", "month", *PLACE_COLUMNS)
TYPE_MONTH_KEYS: tuple[str, ...] = ("dataset", "month", "country", "country_code", *TYPE_COLUMNS)
ACTOR_MONTH_KEYS: tuple[str, ...] = ("dataset", "month", "country", "country_code", *ACTOR_KEY_COLUMNS)
DAY_TOTAL_KEYS: tuple[str, ...] = ("dataset", "event_date", "country", "country_code")
METRICS: tuple[str, ...] = ("events", "fatalities", "fatalities_low", "fatalities_high")

_SUMS = ("count(*) AS events, sum(fatalities) AS fatalities, sum(fatalities_low) AS fatalities_low, "
         "sum(fatalities_high) AS fatalities_high")
_RESUMS = ("sum(events) AS events, sum(fatalities) AS fatalities, sum(fatalities_low) AS fatalities_low, "
           "sum(fatalities_high) AS fatalities_high")
_MONTH_OF = "CAST(date_trunc('month', {col}) AS DATE)"


# -- writing -------------------------------------------------------------------------------------

def _day_insert(where: str) -> str:
    keys = ", ".join(DAY_KEYS)
    return (f"INSERT INTO {DAY_TABLE} ({keys}, {', '.join(METRICS)}) "
            f"SELECT {keys}, {_SUMS} FROM events e WHERE {where} GROUP BY {keys}")


def _month_insert(where: str) -> str:
    rest = ", ".join((*PLACE_COLUMNS, *TYPE_COLUMNS))
    month = _MONTH_OF.format(col="event_date")
    return (f"INSERT INTO {MONTH_TABLE} (dataset, month, {rest}, first_day, last_day, {', '.join(METRICS)}) "
            f"SELECT dataset, {month}, {rest}, min(event_date), max(event_date), {_RESUMS} "
            f"FROM {DAY_TABLE} d WHERE {where} GROUP BY dataset, {month}, {rest}")


@dataclass(frozen=True)
class Rollup:
    """A summary table summed from a finer one: by month from ``summary_months`` (when its keys are
    among that table's) or from ``summary_days``, or by day from ``summary_days``."""

    table: str
    keys: tuple[str, ...]
    """Its grouping columns: ``dataset``, ``month`` or ``event_date``, then the rest."""

    @property
    def by_month(self) -> bool:
        return "month" in self.keys

    @property
    def parent(self) -> str:
        return MONTH_TABLE if self.by_month and set(self.keys) <= set(MONTH_KEYS) else DAY_TABLE

    def insert(self, where: str) -> str:
        """The rows of the groups that pass ``where`` (on the parent's alias ``p``), summed from the parent."""
        rest = ", ".join(k for k in self.keys if k not in ("dataset", "month", "event_date"))
        metrics = ", ".join(METRICS)
        if not self.by_month:
            return (f"INSERT INTO {self.table} (dataset, event_date, {rest}, {metrics}) "
                    f"SELECT dataset, event_date, {rest}, {_RESUMS} FROM {self.parent} p WHERE {where} "
                    f"GROUP BY dataset, event_date, {rest}")
        if self.parent == MONTH_TABLE:
            month, first, last = "month", "min(first_day)", "max(last_day)"
        else:
            month, first, last = _MONTH_OF.format(col="event_date"), "min(event_date)", "max(event_date)"
        return (f"INSERT INTO {self.table} (dataset, month, {rest}, first_day, last_day, {metrics}) "
                f"SELECT dataset, {month}, {rest}, {first}, {last}, {_RESUMS} FROM {self.parent} p "
                f"WHERE {where} GROUP BY dataset, {month}, {rest}")


ROLLUPS: tuple[Rollup, ...] = (
    Rollup(TOTAL_TABLE, TOTAL_KEYS),
    Rollup(PLACE_MONTH_TABLE, PLACE_MONTH_KEYS),
    Rollup(TYPE_MONTH_TABLE, TYPE_MONTH_KEYS),
    Rollup(ACTOR_MONTH_TABLE, ACTOR_MONTH_KEYS),
    Rollup(DAY_TOTAL_TABLE, DAY_TOTAL_KEYS),
)
"""The smaller tables summed from the day and month tables (schema version 18), so the questions a
dashboard asks most (totals, a map of provinces, types over time, an actor's events, a date range)
read a few thousand rows instead of one per event."""

ROLLUP_SQL: tuple[str, ...] = tuple(r.insert("TRUE") for r in ROLLUPS)
"""Every rollup from the day and month tables (migration 18 runs these on a store that has them)."""

REBUILD_SQL: tuple[str, ...] = (
    f"DELETE FROM {DAY_TABLE}",
    f"DELETE FROM {MONTH_TABLE}",
    *(f"DELETE FROM {r.table}" for r in ROLLUPS),
    _day_insert("TRUE"),
    _month_insert("TRUE"),
    *ROLLUP_SQL,
)
"""Every summary row from the events (a new store, or a migration of one that has events)."""


def refresh(con: Any, batch_id: int) -> None:
    """Bring the summary up to date after batch ``batch_id`` wrote events (inside its transaction).

    Recounts the days the batch touched (the days of the events it stored and of the versions it
    replaced or deleted), then the months of those days; a dataset whose summary then counts other
    than its events (a writer that removed rows without keeping them as revisions, rows written by
    hand since the last batch) is recounted whole. Finally the version stamp moves, so query contexts
    and cached catalogs see the write.
    """
    if not has_summary(con):
        return
    batch = int(batch_id)
    con.execute("DROP TABLE IF EXISTS ruydad_summary_touched")
    con.execute(
        "CREATE TEMP TABLE ruydad_summary_touched AS "
        f"SELECT DISTINCT dataset, event_date FROM events WHERE batch_id = {batch} "
        f"UNION SELECT DISTINCT dataset, event_date FROM event_revisions WHERE superseded_by_batch = {batch}")
    touched = ("EXISTS (SELECT 1 FROM ruydad_summary_touched t WHERE t.dataset = {a}.dataset "
               "AND t.event_date IS NOT DISTINCT FROM {a}.event_date)")
    con.execute(f"DELETE FROM {DAY_TABLE} WHERE " + touched.format(a=DAY_TABLE))
    con.execute(_day_insert(touched.format(a="e")))
    month_touched = ("EXISTS (SELECT 1 FROM ruydad_summary_touched t WHERE t.dataset = {a}.dataset AND "
                     f"{_MONTH_OF.format(col='t.event_date')} IS NOT DISTINCT FROM {{m}})")
    con.execute(f"DELETE FROM {MONTH_TABLE} WHERE " + month_touched.format(a=MONTH_TABLE, m=f"{MONTH_TABLE}.month"))
    con.execute(_month_insert(month_touched.format(a="d", m=_MONTH_OF.format(col="d.event_date"))))
    for rollup in ROLLUPS:
        if rollup.by_month:
            con.execute(f"DELETE FROM {rollup.table} WHERE "
                        + month_touched.format(a=rollup.table, m=f"{rollup.table}.month"))
            parent_month = "p.month" if rollup.parent == MONTH_TABLE else _MONTH_OF.format(col="p.event_date")
            con.execute(rollup.insert(month_touched.format(a="p", m=parent_month)))
        else:
            con.execute(f"DELETE FROM {rollup.table} WHERE " + touched.format(a=rollup.table))
            con.execute(rollup.insert(touched.format(a="p")))
    con.execute("DROP TABLE ruydad_summary_touched")
    held = dict(con.execute("SELECT dataset, count(*) FROM events GROUP BY dataset").fetchall())
    counted = dict(con.execute(f"SELECT dataset, sum(events) FROM {DAY_TABLE} GROUP BY dataset").fetchall())
    for dataset in sorted((set(held) | set(counted)) - {None}, key=str):
        if int(held.get(dataset) or 0) != int(counted.get(dataset) or 0):
            rebuild_dataset(con, dataset)
    _stamp(con)


def rebuild_dataset(con: Any, dataset: str) -> None:
    """Recount one dataset's summary rows from its events."""
    quoted = "'" + dataset.replace("'", "''") + "'"
    con.execute(f"DELETE FROM {DAY_TABLE} WHERE dataset = {quoted}")
    for table in (MONTH_TABLE, *(r.table for r in ROLLUPS)):
        con.execute(f"DELETE FROM {table} WHERE dataset = {quoted}")
    con.execute(_day_insert(f"e.dataset = {quoted}"))
    con.execute(_month_insert(f"d.dataset = {quoted}"))
    for rollup in ROLLUPS:
        con.execute(rollup.insert(f"p.dataset = {quoted}"))


def rebuild(con: Any) -> None:
    """Recount the whole summary from the events (in the caller's transaction) and move the stamp."""
    for sql in REBUILD_SQL:
        con.execute(sql)
    _stamp(con)


def _stamp(con: Any) -> None:
    """Move the version and record what the summary now counts (on PostgreSQL, also how many
    statements had written to the events: the trigger's counter)."""
    writes = "(SELECT last_value FROM events_writes)" if _is_postgres(con) else "NULL"
    con.execute(f"UPDATE {STATE_TABLE} SET version = version + 1, "
                f"summary_events = (SELECT coalesce(sum(events), 0) FROM {MONTH_TABLE}), writes = {writes}")


def _is_postgres(con: Any) -> bool:
    return hasattr(con, "raw")  # the PostgreSQL store's connection adapter (ruydad.store.postgres)


# -- state ---------------------------------------------------------------------------------------

def has_summary(con: Any) -> bool:
    """Whether the store has the summary tables (every migrated store does)."""
    row = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
                      [STATE_TABLE]).fetchone()
    return bool(row and row[0])


@dataclass(frozen=True)
class SummaryState:
    """The version stamp and what the summary counts, next to what the events table holds now:
    on DuckDB its row count (kept by DuckDB, no scan), on PostgreSQL the number of statements that
    have written to it (a trigger's counter)."""

    version: int
    counted: int | None
    """Events the summary counts (DuckDB) or writes it has seen (PostgreSQL)."""
    now: int | None
    """Events in the table (DuckDB) or writes so far (PostgreSQL)."""

    @property
    def current(self) -> bool:
        """Whether the summary counts what the events table holds."""
        return self.counted == self.now

    @property
    def stamp(self) -> tuple[int, int | None]:
        """Changes with every write of events (a refresh, or rows written outside a batch)."""
        return (self.version, self.now)


def state(con: Any, backend: str) -> SummaryState | None:
    """The summary's state, in one query (None: a store without summary tables)."""
    if backend == "duckdb":  # DuckDB keeps the row count: no scan
        sql = f"SELECT version, summary_events, (SELECT count(*) FROM events) FROM {STATE_TABLE}"
    else:
        sql = f"SELECT version, writes, (SELECT last_value FROM events_writes) FROM {STATE_TABLE}"
    try:
        row = con.execute(sql).fetchone()
    except Exception:  # a store not yet migrated to the summary (a reader of an older PostgreSQL store)
        return None
    if row is None:
        return None
    return SummaryState(int(row[0]), None if row[1] is None else int(row[1]), None if row[2] is None else int(row[2]))


# -- which table answers -------------------------------------------------------------------------

@dataclass(frozen=True)
class Source:
    """A summary table that can answer a question: its name and the column that holds the date."""

    table: str
    date_column: str
    keys: tuple[str, ...]

    @property
    def by_month(self) -> bool:
        return self.date_column == "month"


DAYS = Source(DAY_TABLE, "event_date", DAY_KEYS)
MONTHS = Source(MONTH_TABLE, "month", MONTH_KEYS)
TOTALS = Source(TOTAL_TABLE, "month", TOTAL_KEYS)
PLACE_MONTHS = Source(PLACE_MONTH_TABLE, "month", PLACE_MONTH_KEYS)
TYPE_MONTHS = Source(TYPE_MONTH_TABLE, "month", TYPE_MONTH_KEYS)
ACTOR_MONTHS = Source(ACTOR_MONTH_TABLE, "month", ACTOR_MONTH_KEYS)
DAY_TOTALS = Source(DAY_TOTAL_TABLE, "event_date", DAY_TOTAL_KEYS)
MONTHLY_SOURCES: tuple[Source, ...] = (TOTALS, PLACE_MONTHS, TYPE_MONTHS, MONTHS, ACTOR_MONTHS)
"""The tables by month, smallest first: the first whose keys hold a question's columns answers it."""
DAILY_SOURCES: tuple[Source, ...] = (DAY_TOTALS, DAYS)
"""The tables by day, smallest first (dates that do not fall on month boundaries, days and weeks)."""


def condition_columns(condition: Any) -> set[str]:
    """The event columns a query model condition reads."""
    return set() if condition is None else {c.name for c in condition.find_all(sx.Column)}


def _month_aligned(condition: Any) -> bool:
    """Whether every date bound of the condition falls on a month boundary (a lower bound on the
    first day of a month, an upper bound on the last), so whole months answer it."""
    if condition is None:
        return True
    for column in condition.find_all(sx.Column):
        if column.name != "event_date":
            continue
        parent = column.parent
        bound = getattr(parent, "expression", None)
        if parent is None or parent.this is not column or not isinstance(bound, sx.Literal) or not bound.is_string:
            return False
        try:
            day = date.fromisoformat(bound.this)
        except ValueError:
            return False
        if isinstance(parent, sx.GTE):
            if day.day != 1:
                return False
        elif isinstance(parent, sx.LTE):
            if (day + timedelta(days=1)).day != 1:
                return False
        else:
            return False
    return True


def source_for(query: Any, columns: Iterable[str] = (), *, by_day: bool = False) -> Source | None:
    """The smallest summary table that answers ``query`` grouped or selected on ``columns`` (event
    columns; ``event_date`` for any time grouping, ``by_day`` when days or weeks are needed), or None
    when only the events can."""
    if getattr(query.filters, "extra", ()):
        return None
    needed = condition_columns(query.condition) | set(columns)
    if not by_day and _month_aligned(query.condition):
        for source in MONTHLY_SOURCES:
            if needed <= set(source.keys) | {"event_date"}:
                return source
    for source in DAILY_SOURCES:
        if needed <= set(source.keys):
            return source
    return None


def where_sql(query: Any, source: Source, dialect: str) -> str:
    """The query's condition on ``source`` (dates read from its date column)."""
    return str(query.where_on(source.date_column, dialect))


# -- reading -------------------------------------------------------------------------------------

TIME_TRUNC = {"week": "week", "month": "month", "quarter": "quarter", "year": "year"}
SIDE_DIMENSIONS = ("actor", "actor_category")


def group_columns(dims: Sequence[str], place_names: dict[str, dict[str, str]]) -> tuple[set[str], bool] | None:
    """The event columns grouping by ``dims`` reads and whether it needs days (None: a dimension
    no summary has)."""
    needed: set[str] = set()
    by_day = False
    for dim in dims:
        if dim in ("day", "week"):
            needed.add("event_date")
            by_day = True
        elif dim in TIME_TRUNC:
            needed.add("event_date")
        elif dim == "actor":
            needed |= {"actor1", "actor2"}
        elif dim == "actor_category":
            needed |= {"inter1", "inter2"}
        elif dim in ("admin1",) and place_names.get(dim):
            needed |= {"admin1", "admin1_pcode"}
        elif dim in DAY_KEYS:
            needed.add(dim)
        else:
            return None
    return needed, by_day


def _key_sql(dim: str, source: Source, place_names: dict[str, dict[str, str]]) -> str:
    if dim == "day":
        return "event_date"
    if dim in TIME_TRUNC:
        if dim == "month" and source.by_month:
            return "month"
        return f"CAST(date_trunc('{TIME_TRUNC[dim]}', {source.date_column}) AS DATE)"
    names = place_names.get(dim)
    if names:
        code = f"{dim}_pcode"
        whens = " ".join(f"WHEN {_lit(k)} THEN {_lit(v)}" for k, v in sorted(names.items()))
        return f"CASE {code} {whens} ELSE {dim} END"
    return dim


def _lit(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


TOTAL_COLUMN = "share_of"
"""The column of :func:`grouped_sql` (with ``shares``) that holds the total each share is of."""


def grouped(con: Any, query: Any, source: Source, dims: Sequence[str], dialect: str, *,
            place_names: dict[str, dict[str, str]] | None = None, top: int | None = None,
            shares: str | None = None, dataset_totals: dict[str, int] | None = None) -> tuple[pa.Table, int | None]:
    """The rows of :func:`grouped_sql`, read through ``con``, with each group's share when ``shares``
    asks for it, and the total the shares are of (None without shares).

    Where every summary row falls in exactly one group (no actor sides), the total is the groups'
    sum, or per dataset the caller's ``dataset_totals``, so the query loses its join on a second
    pass over the source (a grouped figure of the dashboard 2.3 -> 1.0 ms on the million-event
    bench store). Grouped by actor side, an event counts under both sides and the groups' sum
    exceeds the events: the query joins the total. The shares are worked out with Arrow's compute
    functions, which (unlike arrays made from Python values) do not load pandas into a command."""
    import pyarrow as pa  # not at import: `ruydad status` reads the summary without Arrow
    import pyarrow.compute as pc

    def read(sql: str) -> pa.Table:
        return con.execute(sql).arrow().read_all()

    if shares is None:
        return read(grouped_sql(query, source, dims, dialect, place_names=place_names, top=top)), None
    sides = any(d in SIDE_DIMENSIONS for d in dims)
    if shares == "dataset" and dataset_totals and not sides:
        table = read(grouped_sql(query, source, dims, dialect, place_names=place_names, top=top,
                                 share_totals=dataset_totals))
        return table, sum(dataset_totals.values())
    if sides or shares == "dataset":
        table = read(grouped_sql(query, source, dims, dialect, place_names=place_names, top=top, shares=shares))
        if shares == "dataset":  # each row carries its dataset's total: the caller's sum is the whole
            total = sum(dataset_totals.values()) if dataset_totals else None
        else:
            total = table.column(TOTAL_COLUMN)[0].as_py() if table.num_rows else None
        return table.drop_columns([TOTAL_COLUMN]), None if total is None else int(total)
    table = read(grouped_sql(query, source, dims, dialect, place_names=place_names))
    events = table.column("events")
    summed = pc.sum(events)
    if summed.as_py():
        share = pc.divide(pc.cast(events, pa.float64()), pc.cast(summed, pa.float64()))
    else:  # nothing selected, or only groups of none: no share of nothing
        share = pa.nulls(table.num_rows, pa.float64())
    table = table.append_column("share", share)
    return (table.slice(0, top) if top else table), int(summed.as_py() or 0)


def grouped_sql(query: Any, source: Source, dims: Sequence[str], dialect: str, *,
                place_names: dict[str, dict[str, str]] | None = None, top: int | None = None,
                shares: str | None = None, share_totals: dict[str, int] | None = None) -> str:
    """Events, fatalities and the low/high estimates grouped by ``dims``, read from ``source``: the
    same rows, order and types as :meth:`ruydad.analysis.Analysis.counts` computes from the events.
    ``shares`` adds each group's share of the selected events (``"all"``) or of its dataset's
    (``"dataset"``), and the total it is a share of (:data:`TOTAL_COLUMN`, on every row: the
    caller's total without a query of its own).

    Grouped by actor or actor category, each summary row counts under both of its sides, once when
    both sides are the same on the grouped dimensions."""
    names = place_names or {}
    found = group_columns(dims, names)
    if found is None:
        raise ValueError(f"the summary cannot group by {', '.join(dims)}")
    needed, _ = found
    base = f"SELECT * FROM {source.table} WHERE {where_sql(query, source, dialect)}"
    sides = [d for d in dims if d in SIDE_DIMENSIONS]
    if sides:
        keep = ", ".join([*sorted(source.date_column if c == "event_date" else c for c in needed), *METRICS])
        pairs = {"actor": ("actor1", "actor2"), "actor_category": ("inter1", "inter2")}
        same = " AND ".join(f"coalesce({pairs[d][0]} = {pairs[d][1]}, FALSE)" for d in sides)
        present = "actor2 IS NOT NULL" if "actor" in sides else "inter2 IS NOT NULL"
        first = ", ".join(f"{pairs[d][0]} AS {d}" for d in sides)
        second = ", ".join(f"{pairs[d][1]} AS {d}" for d in sides)
        rows = (f"SELECT {keep}, {first} FROM ({base}) s1 "
                f"UNION ALL SELECT {keep}, {second} FROM ({base}) s2 WHERE {present} AND NOT ({same})")
    else:
        rows = base
    keys = [(d, d if d in SIDE_DIMENSIONS else _key_sql(d, source, names)) for d in dims]
    sums = ("sum(events) AS events, sum(fatalities) AS fatalities, sum(fatalities_low) AS fatalities_low, "
            "sum(fatalities_high) AS fatalities_high")
    metrics = ("CAST(coalesce(sum(events), 0) AS BIGINT) AS events, "
               "CAST(coalesce(sum(fatalities), 0) AS BIGINT) AS fatalities, "
               "CAST(sum(fatalities_low) AS BIGINT) AS fatalities_low, "
               "CAST(sum(fatalities_high) AS BIGINT) AS fatalities_high")
    if any(expr != d for d, expr in keys):
        # first the columns the keys read, then the keys: a key computed per group (a province's
        # gazetteer name, a month) costs a few hundred evaluations instead of one per summary row;
        # keys that are columns as stored are grouped once (by type: 1.85 -> 1.44 ms of CPU)
        raw = sorted({c for d in dims for c in _key_columns(d, source, names)})
        rows = f"SELECT {', '.join(raw)}, {sums} FROM ({rows}) r GROUP BY {', '.join(raw)}"
    select = ", ".join(f"{expr} AS {_ident(d)}" for d, expr in keys)
    if share_totals is not None:  # each group's share of its dataset's total, known beforehand
        whens = " ".join(f"WHEN {_lit(k)} THEN {int(v)}" for k, v in sorted(share_totals.items()))
        metrics += (f", CAST(coalesce(sum(events), 0) AS FLOAT8) / NULLIF(CASE dataset {whens} END, 0) AS share")
    sql = f"SELECT {select + ', ' if select else ''}{metrics} FROM ({rows}) r"
    if keys:
        sql += " GROUP BY " + ", ".join(expr for _, expr in keys)
    if shares is not None:
        where = where_sql(query, source, dialect)
        if shares == "dataset":
            totals = (f"SELECT dataset AS total_of, CAST(sum(events) AS BIGINT) AS total FROM {source.table} "
                      f"WHERE {where} GROUP BY dataset")
            joined = f"LEFT JOIN ({totals}) t ON g.{_ident('dataset')} = t.total_of"
        else:
            joined = (f"CROSS JOIN (SELECT CAST(coalesce(sum(events), 0) AS BIGINT) AS total FROM {source.table} "
                      f"WHERE {where}) t")
        sql = (f"SELECT g.*, CASE WHEN t.total > 0 THEN CAST(g.events AS FLOAT8) / t.total END AS share, "
               f"t.total AS {TOTAL_COLUMN} FROM ({sql}) g {joined}")
        sql = f"SELECT {', '.join([*(_ident(d) for d in dims), *METRICS, 'share', TOTAL_COLUMN])} FROM ({sql}) x"
    if keys:
        ordered = [f"{_ident(d)} ASC NULLS LAST" for d, _ in keys]
        if dims[0] in ("day", *TIME_TRUNC):
            sql += " ORDER BY " + ", ".join(ordered)
        else:
            sql += " ORDER BY events DESC, " + ", ".join(ordered)
    if top:
        sql += f" LIMIT {int(top)}"
    return sql


def _key_columns(dim: str, source: Source, place_names: dict[str, dict[str, str]]) -> tuple[str, ...]:
    """The columns the grouping key of ``dim`` is computed from."""
    if dim == "day" or dim in TIME_TRUNC:
        return (source.date_column,)
    if place_names.get(dim):
        return (dim, f"{dim}_pcode")
    return (dim,)


def _ident(name: str) -> str:
    return f'"{name}"'


def totals_sql(query: Any, source: Source, dialect: str) -> str:
    """Events per dataset among the events ``query`` selects."""
    return (f"SELECT dataset, CAST(sum(events) AS BIGINT) FROM {source.table} "
            f"WHERE {where_sql(query, source, dialect)} GROUP BY dataset ORDER BY dataset")


def count_sql(query: Any, source: Source, dialect: str) -> str:
    return (f"SELECT CAST(coalesce(sum(events), 0) AS BIGINT) FROM {source.table} "
            f"WHERE {where_sql(query, source, dialect)}")


def periods_sql(query: Any, source: Source, dialect: str) -> str:
    """Events per day (or month) among those ``query`` selects, newest first."""
    col = source.date_column
    return (f"SELECT {col}, CAST(sum(events) AS BIGINT) FROM {source.table} "
            f"WHERE {where_sql(query, source, dialect)} GROUP BY {col} ORDER BY {col} DESC NULLS LAST")


@dataclass(frozen=True)
class Window:
    """Where a page of events lies: the days that hold it, and the rows to skip within them."""

    first: date
    last: date
    skip: int
    total: int


def page_window(periods: Sequence[tuple[Any, int]], source: Source, offset: int, limit: int,
                total: int) -> Window | None:
    """The days holding events ``offset`` to ``offset + limit`` (newest first) from the counts per day
    or month (newest first, dated ones only); None when the page reaches undated events."""
    seen = 0
    start: date | None = None
    skip = 0
    for period, n in periods:
        if period is None:
            return None
        day = period if isinstance(period, date) else date.fromisoformat(str(period)[:10])
        if start is None:
            if seen + n <= offset:
                seen += n
                continue
            start = _period_end(day, source)
            skip = offset - seen
        seen += n
        if seen >= offset + limit:
            return Window(day, start, skip, total)
    if start is None:
        return None  # past the last event: the page is empty
    if seen < total:
        return None  # undated events follow
    return Window(date.min, start, skip, total)


def _period_end(day: date, source: Source) -> date:
    if not source.by_month:
        return day
    nxt = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return nxt - timedelta(days=1)


# -- what the store's reading methods ask ----------------------------------------------------------

DEEP_PAGE = 1000
"""From this offset on, a page is narrowed to its days even when only the days table can say where
they are (a scan of the counts, cheaper then than sorting that many events)."""


def version_stamp(store: Any) -> tuple[Any, ...]:
    """A value that changes whenever the store's events change, read without scanning them: the
    summary's stamp (a store without summary tables: its row count and latest batch and revision)."""
    found = store.summary_state()
    if found is not None:
        return ("summary", *found.stamp)
    row = store.con.execute("SELECT count(*), max(batch_id), max(revision) FROM events").fetchone()
    return tuple(row) if row else ()


def _answerable(store: Any, query: Any, columns: Iterable[str] = (), *, by_day: bool = False) -> Source | None:
    source = source_for(query, columns, by_day=by_day)
    if source is None:
        return None
    found = store.summary_state()
    return source if found is not None and found.current else None


def count(store: Any, query: Any) -> int | None:
    """How many events ``query`` selects, from the summary (None: only the events can say)."""
    source = _answerable(store, query)
    if source is None:
        return None
    for placed_by in (source, DAY_TOTALS):
        read = _read_periods(store).get(periods_sql(query, placed_by, store.SQL_DIALECT))
        if read is not None:  # the request's page already read them
            return sum(n for _, n in read)
    row = store.con.execute(count_sql(query, source, store.SQL_DIALECT)).fetchone()
    return int(row[0]) if row else 0


def _read_periods(store: Any) -> dict[str, list[tuple[Any, int]]]:
    """The periods a one-request reader (``reads_once``) has read, by their SQL: its summary state
    is fixed for the request, so the page and its count need one read of them, not two."""
    if not getattr(store, "reads_once", False):
        return {}
    found: dict[str, list[tuple[Any, int]]] = store.__dict__.setdefault("_periods_read", {})
    return found


def _periods(store: Any, query: Any, source: Source) -> list[tuple[Any, int]]:
    """Events per day (or month) that ``query`` selects, newest first (:func:`periods_sql`)."""
    sql = periods_sql(query, source, store.SQL_DIALECT)
    read = _read_periods(store)
    if sql not in read:
        rows = [(p, int(n)) for p, n in store.con.execute(sql).fetchall()]
        if not getattr(store, "reads_once", False):
            return rows
        read[sql] = rows
    return read[sql]


class PagePlace(NamedTuple):
    """Where :func:`narrow_page` placed a page: the narrowed condition and offset, the window's
    bounds alone ("" when not narrowed), its first and last day, and how many selected events it
    holds (None when not narrowed)."""

    where: str
    skip: int
    bounds: str
    first: date | None = None
    last: date | None = None
    held: int | None = None


def narrow_page(store: Any, query: Any, where: str, limit: int, offset: int) -> PagePlace:
    """The condition and offset of a page of events, narrowed to the days that hold it, and those
    days' bounds alone ("" when not narrowed: a plain condition on event_date, for the page's other
    reads).

    Pages are ordered newest first; the summary says how many selected events each day (or month)
    holds, so rows before the page's first day need not be sorted, nor rows after its last read.
    Returns ``where`` and ``offset`` unchanged when the summary cannot answer the query, when
    the page would reach events without a date, or when narrowing would not pay."""
    if limit <= 0:
        return PagePlace(where, offset, "")
    source = _answerable(store, query)
    if source is None or (source == DAYS and offset < DEEP_PAGE):
        return PagePlace(where, offset, "")
    if source.by_month and offset >= DEEP_PAGE and _answerable(store, query, by_day=True) == DAY_TOTALS:
        source = DAY_TOTALS  # deep in the events a month holds many pages: place the page on its days
    periods = _periods(store, query, source)
    total = sum(n for _, n in periods)
    window = page_window(periods, source, offset, limit, total)
    if window is None:
        return PagePlace(where, offset, "")
    bounds = _date_bounds(None if window.first == date.min else window.first, window.last)
    held = sum(n for p, n in periods if p is not None and window.first <= p <= window.last)
    return PagePlace(f"({where}) AND {bounds}", window.skip, bounds, window.first, window.last, held)


def _date_bounds(first: date | None, last: date) -> str:
    """A window of days as plain bounds on event_date (no lower bound when ``first`` is None)."""
    upper = f"event_date <= CAST('{last.isoformat()}' AS DATE)"
    return upper if first is None else f"event_date >= CAST('{first.isoformat()}' AS DATE) AND {upper}"


@dataclass(frozen=True)
class Overview:
    """What ``Store.summary`` reports of the events, from the summary."""

    events: int
    by_dataset: dict[str, int]
    first_date: date | None
    last_date: date | None
    countries: list[str]


def overview(store: Any) -> Overview | None:
    """Events by dataset, first and last day and countries, from the totals table (None: the summary
    is not current, or absent)."""
    found = store.summary_state()
    if found is None or not found.current:
        return None
    # one pass over the few rows per month of the totals (the dashboard reads this whenever it opens)
    rows = store.con.execute(
        f"SELECT dataset, country, CAST(sum(events) AS BIGINT), min(first_day), max(last_day) "
        f"FROM {TOTAL_TABLE} GROUP BY dataset, country").fetchall()
    by_dataset: dict[str, int] = {}
    for dataset, _country, n, _first, _last in rows:
        by_dataset[str(dataset)] = by_dataset.get(str(dataset), 0) + int(n)
    by_dataset = dict(sorted(by_dataset.items()))
    countries = sorted({str(r[1]) for r in rows if r[1] is not None})
    firsts = [d for d in (_as_day(r[3]) for r in rows) if d is not None]
    lasts = [d for d in (_as_day(r[4]) for r in rows) if d is not None]
    first, last = (min(firsts) if firsts else None), (max(lasts) if lasts else None)
    return Overview(sum(by_dataset.values()), by_dataset, first, last, countries)


def _as_day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


# -- keyset pages ----------------------------------------------------------------------------------

def page_cursor(row: dict[str, Any]) -> str:
    """A cursor for the page after ``row`` (the last event of a page): its day and its key, so the next
    page starts right after it however many events were stored meanwhile (``after=`` in
    :meth:`ruydad.store.Store.events` and ``/api/events``)."""
    import base64
    import json

    day = row.get("event_date")
    payload = [day.isoformat() if isinstance(day, date) else None, row["dataset"], row["dataset_event_id"]]
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


def after_condition(store: Any, cursor: str, query: Any = None, limit: int | None = None) -> str:
    """The events that come after ``cursor`` in page order (newest first), as SQL for the store.

    Every backend orders a day's events by their key (:data:`ruydad.store.embedded.PAGE_ORDER`), so
    the cursor's day and key are its position, and the next page starts right after it even when its
    event has since been updated or deleted. Given the page's ``query`` and ``limit``, the summary also
    bounds how far back the page can reach."""
    return place_after(store, cursor, query, limit).where


def place_after(store: Any, cursor: str, query: Any = None, limit: int | None = None) -> PagePlace:
    """The condition of :func:`after_condition` as a placed page: when the summary bounds how far
    back the page reaches, its window's days and how many selected events they hold at most."""
    import base64
    import binascii
    import json

    from ruydad.errors import InputError

    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        day_text, dataset, event_id = json.loads(raw)
        day = None if day_text is None else date.fromisoformat(day_text)
        if not isinstance(dataset, str) or not isinstance(event_id, str):
            raise ValueError(dataset)
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise InputError("after: not a page cursor; use the `next` value of the previous page") from None
    key = f"({_lit(dataset)}, {_lit(event_id)})"
    if day is None:  # undated events come last, in key order
        return PagePlace(f"(event_date IS NULL AND (dataset, dataset_event_id) > {key})", 0, "")
    reach = None if query is None or not limit else _reach(store, query, day, limit)
    older = f"event_date < CAST('{day.isoformat()}' AS DATE)"
    # the day as a bound of its own, so an index or a zone map narrows the read to the days left
    bounded = f"event_date <= CAST('{day.isoformat()}' AS DATE) AND ({older} OR (dataset, dataset_event_id) > {key})"
    if reach is not None:  # the page ends among dated events: undated ones, sorted last, are out of reach
        first, held = reach
        return PagePlace(f"({bounded} AND event_date >= CAST('{first.isoformat()}' AS DATE))", 0,
                         _date_bounds(first, day), first, day, held)
    undated = store.con.execute("SELECT count(*) FROM (SELECT 1 FROM events WHERE event_date IS NULL LIMIT 1) u"
                                ).fetchone()
    if undated and undated[0]:  # undated events follow every dated one
        return PagePlace(f"(({bounded}) OR event_date IS NULL)", 0, "")
    return PagePlace(f"({bounded})", 0, "")


def _reach(store: Any, query: Any, day: date, limit: int) -> tuple[date, int] | None:
    """How far back a page of ``limit`` events after ``day`` can reach, from the summary's counts of
    the days (or months) before ``day``'s, and the selected events from there to ``day``'s period at
    most (None when it cannot say or the page would run past the oldest dated event)."""
    source = _answerable(store, query)
    if source is None:
        return None
    if source.by_month and _answerable(store, query, by_day=True) == DAY_TOTALS:
        source = DAY_TOTALS  # a cursor is a day: reach back by days, not whole months, where they are summed
    start = date(day.year, day.month, 1) if source.by_month else day
    seen = held = 0
    for period, n in _periods(store, query, source):
        first = _as_day(period)
        if first is None or first > start:
            continue  # undated, or newer than the cursor's period
        held += int(n)
        if first == start:
            continue
        seen += int(n)
        if seen >= limit:
            return first, held
    return None
