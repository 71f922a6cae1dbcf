"""What a store holds, in the few numbers that resolving a question needs.

A question is written in the analyst's words ("NRF", "Panjshir", "ACLED"); the events are written in
each dataset's own ("National Resistance Front", "Panjsher", "acled"). Resolving one to the other
needs the distinct actor names each dataset uses (with the dates and number of events of each) and
each dataset's coverage (first and last day per country). Both come from two grouped scans of the
events table, in SQL that DuckDB, PostgreSQL, SQLite and Spark all read, so the catalog is built the
same way over a store connection or over any Ibis table; a store with a current summary reads them
from its rollups instead (:meth:`Catalog.from_rollups`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ruydad.query.filters import ACTOR_COLUMNS

RunSQL = Callable[[str], Sequence[Sequence[Any]]]
"""Runs one SELECT and returns its rows; ``{table}`` in the text names the events table."""

_ACTOR_SQL = " UNION ALL ".join(
    f"SELECT '{c}' AS col, dataset, {c} AS name, min(event_date) AS first_day, max(event_date) AS last_day, "
    f"count(*) AS n FROM {{table}} WHERE {c} IS NOT NULL GROUP BY dataset, {c}"
    for c in ACTOR_COLUMNS
)
_COVERAGE_SQL = ("SELECT dataset, country_code, country, min(event_date) AS first_day, max(event_date) AS last_day, "
                 "count(*) AS n FROM {table} GROUP BY dataset, country_code, country")


_ROLLUP_ACTOR_SQL = " UNION ALL ".join(
    f"SELECT '{c}' AS col, dataset, {c} AS name, min(first_day) AS first_day, max(last_day) AS last_day, "
    f"sum(events) AS n FROM {{table}} WHERE {c} IS NOT NULL GROUP BY dataset, {c}"
    for c in ACTOR_COLUMNS
)
_ROLLUP_COVERAGE_SQL = ("SELECT dataset, country_code, country, min(first_day) AS first_day, "
                        "max(last_day) AS last_day, sum(events) AS n FROM {table} "
                        "GROUP BY dataset, country_code, country")

_ROLLUP_PROVINCE_SQL = ("SELECT admin1, admin1_pcode, admin1_code, sum(events) AS n FROM {table} "
                        "GROUP BY admin1, admin1_pcode, admin1_code")


@dataclass(frozen=True)
class StoredProvince:
    """A province as the events write it: the name, P-code and ISO 3166-2 code stored together."""

    name: str | None
    pcode: str | None
    iso_code: str | None
    events: int


@dataclass(frozen=True)
class StoredName:
    """One actor name as one dataset writes it in one column, with when and how often it occurs."""

    column: str
    dataset: str
    name: str
    first: date | None
    last: date | None
    events: int


@dataclass(frozen=True)
class Coverage:
    """The days a dataset covers in one country: its first and last recorded event."""

    dataset: str
    country_code: str | None
    country: str | None
    first: date | None
    last: date | None
    events: int


@dataclass(frozen=True)
class Catalog:
    names: tuple[StoredName, ...] = ()
    coverage: tuple[Coverage, ...] = ()
    provinces: tuple[StoredProvince, ...] | None = None
    """Every (province name, P-code, ISO code) the events hold; None where the catalog did not read
    them (one built from the events alone), so a province filter keeps its general form."""
    _by_column: dict[str, tuple[StoredName, ...]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, run: RunSQL, table: str = "events") -> Catalog:
        return cls._read(run(_ACTOR_SQL.format(table=table)), run(_COVERAGE_SQL.format(table=table)))

    @classmethod
    def from_rollups(cls, run: RunSQL, actors_table: str, totals_table: str,
                     places_table: str | None = None) -> Catalog:
        """The same catalog from a store's summary rollups (:mod:`ruydad.store.summary`): the actor
        columns by month and the totals by month and country, each with its groups' first and last
        day, instead of two grouped scans of every event (a million events: 70 ms -> a few); with
        ``places_table`` (provinces by month), the provinces the events hold as well."""
        return cls._read(run(_ROLLUP_ACTOR_SQL.format(table=actors_table)),
                         run(_ROLLUP_COVERAGE_SQL.format(table=totals_table)),
                         None if places_table is None else run(_ROLLUP_PROVINCE_SQL.format(table=places_table)))

    @classmethod
    def _read(cls, name_rows: Iterable[Sequence[Any]], coverage_rows: Iterable[Sequence[Any]],
              province_rows: Iterable[Sequence[Any]] | None = None) -> Catalog:
        names = tuple(StoredName(str(r[0]), str(r[1]), str(r[2]), _day(r[3]), _day(r[4]), int(r[5]))
                      for r in name_rows)
        coverage = tuple(Coverage(str(r[0]), r[1], r[2], _day(r[3]), _day(r[4]), int(r[5])) for r in coverage_rows)
        provinces = None if province_rows is None else tuple(
            StoredProvince(r[0], r[1], r[2], int(r[3])) for r in province_rows)
        return cls(names, coverage, provinces)

    @property
    def datasets(self) -> dict[str, int]:
        """Events per dataset."""
        found: dict[str, int] = {}
        for c in self.coverage:
            found[c.dataset] = found.get(c.dataset, 0) + c.events
        return dict(sorted(found.items()))

    def in_column(self, column: str) -> tuple[StoredName, ...]:
        if column not in self._by_column:
            self._by_column[column] = tuple(n for n in self.names if n.column == column)
        return self._by_column[column]

    def distinct_names(self, columns: Iterable[str] = ACTOR_COLUMNS) -> set[str]:
        wanted = set(columns)
        return {n.name for n in self.names if n.column in wanted}

    def dataset_span(self, dataset: str, country: str | None = None) -> tuple[date | None, date | None]:
        """First and last day a dataset covers (in one country, by ISO code or name, when given)."""
        rows = [c for c in self.coverage if c.dataset == dataset and (
            country is None or country.upper() == (c.country_code or "").upper()
            or country.casefold() == (c.country or "").casefold())]
        firsts = [c.first for c in rows if c.first]
        lasts = [c.last for c in rows if c.last]
        return (min(firsts) if firsts else None, max(lasts) if lasts else None)


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def sql_runner(con: Any) -> RunSQL:
    """A runner over a DB-API style connection (DuckDB's, psycopg's)."""

    def run(sql: str) -> Sequence[Sequence[Any]]:
        cur = con.execute(sql)
        return list(cur.fetchall())

    return run


def ibis_runner(table: Any) -> tuple[RunSQL, str]:
    """A runner over any Ibis table: the SQL runs on the table's own backend, the table named ``ev``."""

    def run(sql: str) -> Sequence[Sequence[Any]]:
        result = table.alias("ev").sql(sql, dialect="duckdb").to_pyarrow()
        return [tuple(row.values()) for row in result.to_pylist()]

    return run, "ev"
