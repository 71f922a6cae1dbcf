"""The analysis library: counts, trends, surges, comparisons, attribution, targets, actors.

Written once as Ibis expressions over the ``events`` table; the engine is whatever Ibis backend the
:class:`Analysis` was built on (``Analysis.from_store`` takes the store's own Ibis backend;
``Analysis(ibis_table)`` takes an events table on any backend). Nothing here names an engine or
writes SQL text.

Conventions shared by every method:

- Filters are the fields of :class:`~ruydad.query.Filters`, given as a ``Filters`` or as keywords
  (``a.counts(by="admin1", actor="NRF", event_type="Battles")``). They are read once by the query
  model (:mod:`ruydad.query`), the same reading the store's event pages use, and ``last_query`` keeps
  what the terms matched so every answer can say so.
- An event counts once per group. When grouping by ``actor`` or ``actor_category`` an event appears
  under each of its two sides (actor1 and actor2), once if both sides are the same.
- Rates are events per day of the period, so periods of different length compare fairly.
- Every result has ``.events()``: the rows behind the figures.
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

import pyarrow as pa

from ruydad._lazy import lazy_module
from ruydad.analysis.dimensions import ACTOR_DIMENSIONS, COLUMN_DIMENSIONS, DIMENSIONS, TIME_DIMENSIONS
from ruydad.analysis.families import FamilyOf, default_family_of
from ruydad.analysis.results import Count, Figures, fetch_events
from ruydad.analysis.statistics import (
    RateRatio,
    negbin_p_value,
    pct_change,
    rate_p_value,
    rate_ratio,
    surge_p_value,
    trend_band,
    wilson_interval,
)
from ruydad.analysis.targets import TargetGroup, target_groups
from ruydad.errors import InputError
from ruydad.query import (
    NON_STATE_CATEGORIES,
    Catalog,
    Filters,
    Period,
    Query,
    QueryContext,
    canonical_names,
    ibis_runner,
    match_place,
)
from ruydad.query.to_ibis import ibis_predicate
from ruydad.taxonomy import VIOLENT_EVENT_TYPES
from ruydad.theatres import DEFAULT_THEATRE, TheatreLike, as_theatre, theatre_name

if TYPE_CHECKING:
    import ibis
    import ibis.expr.types as ir
else:
    ibis = lazy_module("ibis")  # imported when first used: figures read from the summary never need it

UNIDENTIFIED = "Unidentified"
COUNT_METHOD = "count of events (each event once per group) and sum of reported fatalities"
STRIKE_SUB_EVENT_TYPES = ("Air/drone strike", "Shelling/artillery/missile attack")
_TRUNC = {"week": "W", "month": "M", "quarter": "Q", "year": "Y"}
_PERIOD_DAYS = {"day": 1, "week": 7, "month": 30}
STATE_FORCES_RX = (r"^(?:(?:[Mm]ilitary|[Pp]olice|[Ss]ecurity|[Aa]rmed) [Ff]orces|[Gg]overnment) of (?:the )?"
                   r"([^(]*[^( ])\s*(?:\(.*)?$")
"""A state's forces or government as ACLED and UCDP name them; the group is the state. Written without
inline flags or lazy quantifiers, which engines treat differently (PostgreSQL wraps the pattern)."""


def _time_key(t: ir.Table, dim: str) -> ir.DateValue:
    return t.event_date if dim == "day" else t.event_date.truncate(_TRUNC[dim])


def _period_start(day: date, dim: str) -> date:
    if dim == "day":
        return day
    if dim == "week":
        return day - timedelta(days=day.weekday())
    if dim == "month":
        return day.replace(day=1)
    if dim == "quarter":
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return date(day.year, 1, 1)


def _next_period(start: date, dim: str) -> date:
    if dim == "day":
        return start + timedelta(days=1)
    if dim == "week":
        return start + timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12}[dim]
    m = start.month - 1 + months
    return date(start.year + m // 12, m % 12 + 1, 1)


@dataclass
class PeriodComparison:
    """Two periods' counts normalised by their length, with the rate ratio B/A and its test."""

    period_a: Period
    period_b: Period
    filters: Filters
    result: RateRatio
    fatalities_a: int
    fatalities_b: int
    expr_a: ir.Table = field(repr=False)
    expr_b: ir.Table = field(repr=False)
    notes: list[str] = field(default_factory=list)
    matched: dict[str, Any] = field(default_factory=dict)

    @property
    def rate_a_per_30_days(self) -> float:
        return self.result.count_a / self.period_a.days * 30

    @property
    def rate_b_per_30_days(self) -> float:
        return self.result.count_b / self.period_b.days * 30

    def events(self, which: str = "b", limit: int | None = None) -> pa.Table:
        if which not in ("a", "b"):
            raise InputError("which period's events: 'a' or 'b'")
        return fetch_events(self.expr_a if which == "a" else self.expr_b, limit=limit)

    def as_dict(self) -> dict[str, Any]:
        r = self.result
        return {
            "period_a": str(self.period_a), "period_b": str(self.period_b), "days_a": self.period_a.days,
            "days_b": self.period_b.days, "events_a": r.count_a, "events_b": r.count_b,
            "fatalities_a": self.fatalities_a, "fatalities_b": self.fatalities_b,
            "rate_a_per_30_days": round(self.rate_a_per_30_days, 3),
            "rate_b_per_30_days": round(self.rate_b_per_30_days, 3),
            "rate_ratio": r.ratio, "ci_low": r.ci_low, "ci_high": r.ci_high, "confidence": r.confidence,
            "p_value": r.p_value, "test": r.test, "filters": self.filters.as_dict(), "notes": self.notes,
            "matched": self.matched,
        }


R = TypeVar("R")


class NoCoverageError(InputError):
    """A period asked about lies outside what the datasets cover: there is nothing to compare."""


def states_what_matched(method: Callable[..., R]) -> Callable[..., R]:
    """Hand the result the query model's reading of its filters, so every answer says what it
    counted (stored actor names per dataset, units, datasets)."""
    @functools.wraps(method)
    def wrapper(self: Analysis, *args: Any, **kwargs: Any) -> R:
        outermost = self._depth == 0
        if outermost:
            self.last_query = None
            self._dataset_note = None
        self._depth += 1
        try:
            result = method(self, *args, **kwargs)
        finally:
            self._depth -= 1
        if not outermost:
            return result
        if self.last_query is not None and hasattr(result, "matched"):
            result.matched = self.last_query.matched()
        if self._dataset_note:
            if isinstance(getattr(result, "summary", None), dict):
                result.summary["dataset_note"] = self._dataset_note  # type: ignore[attr-defined]
            if isinstance(getattr(result, "notes", None), list):
                result.notes.append(self._dataset_note)  # type: ignore[attr-defined]
        return result

    return wrapper


class Analysis:
    """Analysis over an events table on any Ibis backend.

    ``family_of`` maps a dataset actor name to its family (default: the actor registry, else the
    name, see :mod:`ruydad.analysis.families`). ``theatre`` (a :class:`~ruydad.theatres.Theatre` or its
    name) picks the registry and gazetteer the query model reads actor and place names with, and the
    target groups; ``resolve_actor=False`` reads actor names without the
    registry (same spelling or whole words of a stored name) and ``resolve_place=False`` place names
    without the gazetteer (as written).
    """

    def __init__(self, events: ir.Table | None, *, family_of: FamilyOf | None = None,
                 resolve_actor: bool | None = None, resolve_place: bool | None = None,
                 theatre: TheatreLike = DEFAULT_THEATRE, context: QueryContext | None = None) -> None:
        self._table = events
        self._backend: Any = None
        self._store: Any = None
        self.use_summary = True
        """Answer counts from the store's summary tables when they can (:mod:`ruydad.store.summary`)."""
        self.theatre = as_theatre(theatre)
        self.family_of = family_of or default_family_of(self.theatre)
        self.use_registry = resolve_actor is not False
        self.use_gazetteer = resolve_place is not False
        if context is not None and (context.use_registry, context.use_gazetteer) != (
                self.use_registry, self.use_gazetteer):
            context = QueryContext(context.catalog, self.theatre.name, self.use_registry, self.use_gazetteer)
        self._context = context
        self.last_query: Query | None = None
        self._dataset_note: str | None = None
        self._depth = 0  # nesting of public calls: only the outermost one reports what it matched

    @property
    def table(self) -> ir.Table:
        """The events table (from a store, opened on first use: answers read from the store's summary
        tables never need it)."""
        if self._table is None:
            self._table = self.backend.table("events")
        return self._table

    @property
    def backend(self) -> Any:
        """The Ibis backend of the events (None for a bare table)."""
        if self._backend is None and self._store is not None:
            self._backend = self._store.ibis_backend()
        return self._backend

    @backend.setter
    def backend(self, value: Any) -> None:
        self._backend = value

    @property
    def context(self) -> QueryContext:
        """What the query model needs to read names against these events (built on first use)."""
        if self._context is None:
            run, name = ibis_runner(self.table)
            self._context = QueryContext(Catalog.build(run, name), self.theatre.name, self.use_registry,
                                         self.use_gazetteer)
        return self._context

    @classmethod
    def from_store(cls, store: Any, **kwargs: Any) -> Analysis:
        """Analysis over a :class:`ruydad.store.Store` (embedded or PostgreSQL): the store hands over
        an Ibis backend on its own engine, so nothing here names one, and its query context."""
        kwargs.setdefault("context", store.query_context(theatre_name(kwargs.get("theatre"))))
        analysis = cls(None, **kwargs)
        analysis._store = store
        return analysis

    @classmethod
    def from_backend(cls, backend: Any, table: str = "events", **kwargs: Any) -> Analysis:
        """Analysis over any connected Ibis backend holding an events table."""
        analysis = cls(backend.table(table), **kwargs)
        analysis.backend = backend
        return analysis

    def resolve_place(self, name: str, level: int) -> tuple[str, ...] | None:
        """Every spelling and code of the unit a place name stands for (None: not in the gazetteer)."""
        if not self.use_gazetteer:
            return None
        found = match_place(name, level, self.theatre.name)
        return found.spellings if found.resolved else None

    def place_pcode(self, name: str, level: int) -> str | None:
        """The P-code of the unit a place name stands for (None: not in the gazetteer, or none used)."""
        if not self.use_gazetteer:
            return None
        return match_place(name, level, self.theatre.name).pcode

    def query(self, filters: Filters | None = None, **kw: Any) -> Query:
        """The filters as the query model reads them against these events (what each term matched)."""
        return self.context.resolve(self._filters(filters, kw))

    def _apply(self, t: ir.Table, f: Filters, *, remember: bool = True) -> ir.Table:
        """``t`` cut to the events ``f`` selects, by the query model's one condition."""
        q = self.context.resolve(f)
        if remember:
            self.last_query = q
        out = t if q.condition is None else t.filter(ibis_predicate(t, q.condition))
        for extra in f.extra:
            out = out.filter(extra(out) if callable(extra) else extra.resolve(out))
        return out

    # -- datasets and coverage -----------------------------------------------------------------

    def datasets_in(self, t: ir.Table) -> dict[str, int]:
        """Events per dataset among ``t`` (one scan only when the store holds several datasets)."""
        held = self.context.catalog.datasets
        if len(held) <= 1:
            return dict(held)
        rows = t.group_by("dataset").aggregate(n=t.count()).to_pyarrow().to_pylist()
        return {str(r["dataset"]): int(r["n"]) for r in sorted(rows, key=lambda r: str(r["dataset"]))}

    def one_dataset(self, f: Filters, base: ir.Table, what: str) -> tuple[Filters, ir.Table]:
        """Never add up datasets (ACLED and UCDP record many of the same events): when the selected
        events come from several and ``what`` cannot be given per dataset, answer for the one with
        the most events and say so (``dataset_note`` in the result); ``--dataset`` picks another."""
        found = self.datasets_in(base)
        if len(found) <= 1 or f.dataset:
            return f, base
        chosen = max(sorted(found), key=lambda d: found[d])
        listed = ", ".join(f"{d} ({n} events)" for d, n in found.items())
        self._dataset_note = (f"{what}: the selected events come from {listed}, which record many of the same "
                              f"events and are never added up; this answer uses {chosen}, the largest "
                              f"(choose with --dataset)")
        return f.but(dataset=chosen), base.filter(base.dataset == chosen)

    def coverage_span(self, f: Filters) -> tuple[date | None, date | None]:
        """The days the filters' datasets cover (all the store's datasets when none is named): from the
        first to the last recorded event of those datasets (in the filtered country, when given)."""
        catalog = self.context.catalog
        datasets = self.context.resolve(Filters(dataset=f.dataset)).datasets or tuple(catalog.datasets)
        spans = [catalog.dataset_span(d, f.country) for d in datasets]
        firsts = [a for a, _ in spans if a]
        lasts = [b for _, b in spans if b]
        return (min(firsts) if firsts else None, max(lasts) if lasts else None)

    def covered(self, period: Period, f: Filters) -> Period | None:
        """The part of ``period`` the datasets cover (None: none of it)."""
        first, last = self.coverage_span(f)
        if first is None or last is None:
            return None
        start, end = max(period.start, first), min(period.end, last)
        return Period(start, end) if start <= end else None

    # -- selection ---------------------------------------------------------------------------

    def _filters(self, filters: Filters | None, kw: dict[str, Any]) -> Filters:
        if filters is not None and kw:
            raise TypeError("give filters either as a Filters or as keywords, not both")
        if filters is not None:
            return filters
        for key in ("event_type", "sub_event_type"):
            if isinstance(kw.get(key), list):
                kw[key] = tuple(kw[key])
        return Filters(**kw)

    def select(self, filters: Filters | None = None, **kw: Any) -> ir.Table:
        """The filtered events as an Ibis expression, for analyses of your own."""
        return self._apply(self.table, self._filters(filters, kw))

    def events(self, filters: Filters | None = None, *, limit: int | None = None, **kw: Any) -> pa.Table:
        return fetch_events(self.select(filters, **kw), limit=limit)

    def _sides(self, t: ir.Table, dims: Sequence[str], columns: Sequence[str] | None = None) -> ir.Table:
        """One row per (event, side): actor and actor_category from actor1/inter1 and actor2/inter2.

        The second side is dropped when it repeats the first on the grouped dimensions, so an event
        counts once per distinct group.
        """
        keep = list(t.columns) if columns is None else list(dict.fromkeys(
            [*columns, *(d for d in dims if d in COLUMN_DIMENSIONS),
             *(f"{d}_pcode" for d in dims if d in ("admin1", "admin2"))]))  # _place_key reads the P-code
        side1 = t.select(*keep, actor=t.actor1, actor_category=t.inter1)
        same = ibis.and_(*[
            (t[a] == t[b]).fill_null(False)
            for d, a, b in (("actor", "actor1", "actor2"), ("actor_category", "inter1", "inter2"))
            if d in dims
        ])
        present = t.actor2.notnull() if "actor" in dims else t.inter2.notnull()
        side2 = t.filter(present & ~same).select(*keep, actor=t.actor2, actor_category=t.inter2)
        return side1.union(side2, distinct=False)

    def _grouped(self, t: ir.Table, dims: Sequence[str],
                 columns: Sequence[str] | None = None) -> tuple[ir.Table, dict[str, ir.Value]]:
        """The table to group (one row per side when grouping by actor) and the group keys;
        ``columns`` limits the sides' columns to what the aggregation needs (None: all)."""
        unknown = [d for d in dims if d not in DIMENSIONS]
        if unknown:
            raise InputError(f"cannot group by {', '.join(unknown)}; choose from {', '.join(DIMENSIONS)}")
        if any(d in ACTOR_DIMENSIONS for d in dims):
            t = self._sides(t, dims, columns)
        keys: dict[str, ir.Value] = {}
        for d in dims:
            place = self._place_key(t, d)
            keys[d] = _time_key(t, d) if d in TIME_DIMENSIONS else t[d] if place is None else place
        return t, keys

    def _place_key(self, t: ir.Table, dim: str) -> ir.Value | None:
        """A province or district as one name: the gazetteer's name of its P-code, so two datasets'
        spellings of one province never split a row (the stored name where the unit has no P-code)."""
        if dim not in ("admin1", "admin2") or not self.use_gazetteer:
            return None
        names = canonical_names(self.theatre.name, 1 if dim == "admin1" else 2)
        if not names:
            return None
        code = t.admin1_pcode if dim == "admin1" else t.admin2_pcode
        return code.substitute(names, else_=t[dim])

    # -- counts ------------------------------------------------------------------------------

    @states_what_matched
    def count(self, filters: Filters | None = None, **kw: Any) -> Count:
        """Events and fatalities matching the filters (e.g. NRF battles in 2022H1)."""
        f = self._filters(filters, kw)
        t = self._apply(self.table, f)
        row = t.aggregate(events=t.count(), fatalities=t.fatalities.sum().fill_null(0)).to_pyarrow().to_pylist()[0]
        return Count(int(row["events"]), int(row["fatalities"]), f, t)

    @states_what_matched
    def counts(self, by: str | Sequence[str] = (), filters: Filters | None = None, *,
               top: int | None = None, **kw: Any) -> Figures:
        """Events, fatalities and share by any of :data:`DIMENSIONS` (several at once allowed).

        ``share`` is the group's events over all filtered events; grouped by actor an event has two
        sides, so shares add up to more than 1. Time groups are listed in order, others by events.
        """
        dims = [by] if isinstance(by, str) else list(by)
        f = self._filters(filters, kw)
        summed = self._counts_from_summary(dims, f, top)
        if summed is not None:
            return summed
        base = self._apply(self.table, f)
        totals = self.datasets_in(base) if "dataset" not in dims else {}
        per_dataset = len(totals) > 1
        if per_dataset:  # never add up datasets that record the same events: one row set per dataset
            dims = [*dims, "dataset"]
        t, keys = self._grouped(base, dims, ("event_date", "fatalities", "fatalities_low", "fatalities_high",
                                             "dataset"))
        metrics = {
            "events": t.count(),
            "fatalities": t.fatalities.sum().fill_null(0),
            "fatalities_low": t.fatalities_low.sum(),
            "fatalities_high": t.fatalities_high.sum(),
        }
        expr = t.group_by(**keys).aggregate(**metrics) if keys else t.aggregate(**metrics)
        if dims and all(d in TIME_DIMENSIONS for d in dims[:1]):
            expr = expr.order_by([expr[d] for d in dims])
        elif dims:
            expr = expr.order_by([expr.events.desc(), *[expr[d] for d in dims]])
        if top:
            expr = expr.limit(top)
        table = expr.to_pyarrow()
        if per_dataset:
            total = sum(totals.values())
            shares = [e / totals[d] if totals.get(d) else None
                      for e, d in zip(table["events"].to_pylist(), table["dataset"].to_pylist(), strict=True)]
        else:
            total = (
                int(base.count().to_pyarrow().as_py()) if any(d in ACTOR_DIMENSIONS for d in dims) or top
                else int(pa.compute.sum(table["events"]).as_py() or 0)
            )
            shares = [e / total if total else None for e in table["events"].to_pylist()]
        table = table.append_column("share", pa.array(shares, pa.float64()))

        return Figures(
            title=f"Events by {', '.join(dims) or 'all'}", table=table, filters=f, keys=tuple(dims),
            drill=self._drill(lambda: base, dims), method=COUNT_METHOD,
            summary={"total_events": total, **({"per_dataset": totals} if per_dataset else {})},
        )

    def _drill(self, base: Callable[[], ir.Table], dims: Sequence[str]) -> Callable[[dict[str, Any]], ir.Table]:
        """The events behind one row of grouped counts (``base()``: the filtered events)."""

        def drill(key: dict[str, Any]) -> ir.Table:
            events = base()
            grouped, gkeys = self._grouped(events, dims)
            preds = [gkeys[k] == v if v is not None else gkeys[k].isnull() for k, v in key.items()]
            rows = grouped.filter(*preds) if preds else grouped
            return rows.select(*events.columns).distinct() if any(d in ACTOR_DIMENSIONS for d in dims) else rows

        return drill

    def _counts_from_summary(self, dims: list[str], f: Filters, top: int | None) -> Figures | None:
        """:meth:`counts` read from the store's summary tables, when they hold every column the
        question needs (the query model decides, :func:`ruydad.store.summary.source_for`); None:
        count the events. The figures are the same either way (tests/store/test_summary.py)."""
        if not self.use_summary or self._store is None or f.extra:
            return None
        from ruydad.store import summary

        con, dialect = self._store.con, self._store.SQL_DIALECT
        current = self._store.summary_state()
        if current is None or not current.current:
            return None
        unknown = [d for d in dims if d not in DIMENSIONS]
        if unknown:
            raise InputError(f"cannot group by {', '.join(unknown)}; choose from {', '.join(DIMENSIONS)}")
        q = self.context.resolve(f)
        places = {d: canonical_names(self.theatre.name, 1 if d == "admin1" else 2)
                  for d in dims if d in ("admin1", "admin2") and self.use_gazetteer}
        wanted = summary.group_columns([*dims, "dataset"], places)
        source = summary.source_for(q, wanted[0], by_day=wanted[1]) if wanted else None
        if source is None:
            return None
        self.last_query = q
        totals: dict[str, int] = {}
        if "dataset" not in dims and len(self.context.catalog.datasets) > 1:
            totals = {str(r[0]): int(r[1]) for r in con.execute(summary.totals_sql(q, source, dialect)).fetchall()}
        per_dataset = len(totals) > 1
        if per_dataset:
            dims = [*dims, "dataset"]
        read, of = summary.grouped(con, q, source, dims, dialect, place_names=places, top=top,
                                   shares="dataset" if per_dataset else "all", dataset_totals=totals)
        table = _summary_types(read)
        if of is not None:
            total = of
        else:
            row = con.execute(summary.count_sql(q, source, dialect)).fetchone()
            total = int(row[0]) if row else 0
        return Figures(
            title=f"Events by {', '.join(dims) or 'all'}", table=table, filters=f, keys=tuple(dims),
            drill=self._drill(lambda: self._apply(self.table, f, remember=False), dims), method=COUNT_METHOD,
            summary={"total_events": total, **({"per_dataset": totals} if per_dataset else {})},
        )

    # -- trends ------------------------------------------------------------------------------

    @states_what_matched
    def trend(self, period: str = "month", by: str | None = None, filters: Filters | None = None, *,
              baseline_periods: int = 1, **kw: Any) -> Figures:
        """Events per period (zero-filled), with the change against the trailing baseline.

        The baseline is the mean daily rate of the ``baseline_periods`` periods before; ``pct_change``
        compares daily rates (months differ in length; a period cut by the date range counts only its
        days in range). ``band`` is ACLED's trend band of that change. ``p_value`` is the exact
        conditional binomial test of the period's rate against the baseline's (two-sided), so a user
        can tell a real change from noise in small counts.
        """
        if period not in TIME_DIMENSIONS:
            raise InputError(f"period must be one of {', '.join(TIME_DIMENSIONS)}")
        f = self._filters(filters, kw)
        if len(self.context.catalog.datasets) > 1:  # else no need for the events table (summary answers)
            selected = self._apply(self.table, f)
            if by is None and len(self.datasets_in(selected)) > 1:
                by = "dataset"  # one series per dataset, never their sum
            elif by is not None and by != "dataset":
                f, selected = self.one_dataset(f, selected, f"a trend by {by}")
        dims = [period] + ([by] if by else [])
        counted = self.counts(dims, f)
        # an event without a date (an article that gave none) cannot be placed on the time line
        rows = [r for r in counted.rows() if r[period] is not None]
        if not rows:
            return Figures(f"Trend by {period}", "no dated events", counted.table, f, counted.keys, counted.drill)
        # the series runs over the days the data cover, so a period cut short by the end of the data
        # (or of the date range) is counted for its days only, and flagged
        cov_first, cov_last = self.coverage_span(f)
        starts_at = [d for d in (f.date_from, cov_first) if d]
        ends_at = [d for d in (f.date_to, cov_last) if d]
        first = max(starts_at) if starts_at else min(r[period] for r in rows)
        last = min(ends_at) if ends_at else max(r[period] for r in rows)
        starts = []
        cursor = _period_start(first, period)
        while cursor <= last:
            starts.append(cursor)
            cursor = _next_period(cursor, period)

        def exposure(start: date) -> int:
            end = min(_next_period(start, period) - timedelta(days=1), last)
            return max((end - max(start, first)).days + 1, 1)

        def full_length(start: date) -> int:
            return (_next_period(start, period) - start).days

        by_unit: dict[Any, dict[date, dict[str, Any]]] = defaultdict(dict)
        for r in rows:
            by_unit[r[by] if by else None][r[period]] = r
        out: list[dict[str, Any]] = []
        for unit, series in by_unit.items():
            history: list[tuple[int, int]] = []
            for start in starts:
                r = series.get(start, {})
                n, days = int(r.get("events", 0)), exposure(start)
                base = history[-baseline_periods:]
                base_n, base_days = sum(h[0] for h in base), sum(h[1] for h in base)
                change = pct_change(n / days, base_n / base_days) if base_days else None
                p = rate_p_value(base_n, base_days, n, days) if base_days else None
                row: dict[str, Any] = {period: start}
                if by:
                    row[by] = unit
                partial = days < full_length(start)
                band = trend_band(change)
                if partial and days * 2 < full_length(start):
                    band = f"partial {period} ({days} days)"  # too short a stretch to name a trend
                row.update(events=n, fatalities=int(r.get("fatalities", 0) or 0), days=days, partial=partial,
                           events_per_30_days=n / days * 30,
                           baseline_per_30_days=base_n / base_days * 30 if base_days else None,
                           pct_change=None if change is None or math.isinf(change) else change,
                           band=band, p_value=p)
                out.append(row)
                history.append((n, days))
        return Figures(
            title=f"Trend by {period}" + (f" and {by}" if by else ""),
            method=(f"events per {period}; change of the daily rate against the mean of the previous "
                    f"{baseline_periods} {period}(s); ACLED trend bands; exact conditional binomial test; "
                    f"periods cut by the data's coverage ({first}..{last}) counted for their days and flagged"),
            table=pa.Table.from_pylist(out), filters=f, keys=counted.keys, drill=counted.drill,
        )

    # -- surges ------------------------------------------------------------------------------

    @states_what_matched
    def surges(self, unit: str = "admin1", filters: Filters | None = None, *, at: date | None = None,
               period: str | int = "week", baseline_periods: int = 4, min_ratio: float = 2.0,
               min_baseline_mean: float = 0.0, alpha: float = 0.05, only_surges: bool = False,
               **kw: Any) -> Figures:
        """Units whose events in the last period exceed their own trailing baseline.

        Windows end at ``at`` (default: the last event date that passes the filters): the current
        window is the ``period`` days up to ``at`` (week 7, month 30, or a number of days); the baseline
        is the ``baseline_periods`` windows before it. For each unit:

        - ``ratio`` = current / baseline mean; ``rule_surge`` is ``ratio >= min_ratio`` for units whose
          baseline mean is at least ``min_baseline_mean`` (ACLED's rule with 2.0 and 1.0).
        - ``p_value``: exact one-sided conditional binomial test of current against baseline
          (Poisson rates); ``p_negbin``: negative-binomial upper tail with the dispersion estimated
          from the baseline windows (see :mod:`ruydad.analysis.statistics`). ``significant`` is
          ``p_value < alpha``.
        """
        f = self._filters(filters, kw)
        length = period if isinstance(period, int) else _PERIOD_DAYS.get(period)
        if not length or length < 1:
            raise InputError("period must be 'day', 'week', 'month' or a number of days")
        base = self._apply(self.table, f)
        f, base = self.one_dataset(f, base, "surges")
        if at is None:
            latest = base.event_date.max().to_pyarrow().as_py()
            if latest is None:
                return Figures("Surges", "no events", pa.table({}), f, (unit,), lambda k: base)
            at = latest
        start = at - timedelta(days=length * (baseline_periods + 1) - 1)
        window = self._apply(self.table, f.but(date_from=max(start, f.date_from or start),
                                               date_to=min(at, f.date_to or at)))
        grouped, keys = self._grouped(window, [unit], columns=("event_date",))
        idx = grouped.event_date.delta(ibis.literal(at), unit="day").negate() // length
        counts = grouped.group_by(unit=keys[unit], window=idx).aggregate(events=grouped.count()).to_pyarrow()
        per_unit: dict[Any, list[int]] = defaultdict(lambda: [0] * (baseline_periods + 1))
        for r in counts.to_pylist():
            per_unit[r["unit"]][int(r["window"])] += int(r["events"])
        out = []
        for name, series in per_unit.items():
            current, baseline = series[0], series[1:]
            mean = sum(baseline) / baseline_periods
            ratio = current / mean if mean else (math.inf if current else None)
            rule = mean >= min_baseline_mean and mean > 0 and current >= min_ratio * mean
            p = surge_p_value(current, sum(baseline), baseline_periods)
            p_nb, dispersion = negbin_p_value(current, baseline)
            row = {unit: name, "current": current, "baseline_mean": mean, "baseline": baseline,
                   "ratio": None if ratio is None or math.isinf(ratio) else ratio,
                   "rule_surge": bool(rule), "p_value": p, "p_negbin": p_nb, "dispersion": dispersion,
                   "significant": p < alpha}
            if not only_surges or rule:
                out.append(row)
        # ties broken by name: the engines return groups in different orders, the answer must not differ
        out.sort(key=lambda r: (not r["rule_surge"], r["p_value"], -r["current"], str(r[unit])))
        current_from = at - timedelta(days=length - 1)

        def drill(key: dict[str, Any]) -> ir.Table:
            rows, gkeys = self._grouped(base.filter(base.event_date >= current_from, base.event_date <= at), [unit])
            preds = [gkeys[unit] == v for v in key.values()]
            rows = rows.filter(*preds) if preds else rows
            return rows.select(*base.columns).distinct() if unit in ACTOR_DIMENSIONS else rows

        table = pa.Table.from_pylist(out) if out else pa.table({unit: pa.array([], pa.string())})
        return Figures(
            title=f"Surges by {unit}, {current_from}..{at} against the {baseline_periods} previous windows",
            method=(f"current {length}-day window vs mean of {baseline_periods} preceding windows; rule: ratio >= "
                    f"{min_ratio} with baseline mean >= {min_baseline_mean}; exact one-sided conditional binomial "
                    f"test (p_value) and negative-binomial tail (p_negbin); alpha {alpha}"),
            table=table, filters=f, keys=(unit,), drill=drill,
            summary={"at": at, "current_from": current_from, "baseline_from": start,
                     "surges": sum(1 for r in out if r["rule_surge"]),
                     "significant": sum(1 for r in out if r["significant"])},
        )

    @states_what_matched
    def acled_surges(self, filters: Filters | None = None, *, at: date | None = None, **kw: Any) -> Figures:
        """ACLED's surge definition: an admin1 unit whose violent events in the last week are at least
        double its weekly average over the previous month (four weeks), among units averaging at
        least one event a week. The p-values of :meth:`surges` come with it."""
        f = self._filters(filters, kw).but(violent=True)
        return self.surges("admin1", f, at=at, period="week", baseline_periods=4, min_ratio=2.0,
                           min_baseline_mean=1.0)

    # -- period comparison -------------------------------------------------------------------

    @states_what_matched
    def compare(self, period_a: Period | str, period_b: Period | str, filters: Filters | None = None, *,
                confidence: float = 0.95, **kw: Any) -> PeriodComparison:
        """Rates in two periods, normalised by their length: rate ratio B/A with an exact interval.

        The test is the exact conditional binomial test of two Poisson rates (see
        :func:`ruydad.analysis.statistics.rate_ratio`): "nearly quadruple" becomes a ratio and an
        interval.
        """
        asked_a = Period.parse(period_a) if isinstance(period_a, str) else period_a
        asked_b = Period.parse(period_b) if isinstance(period_b, str) else period_b
        f = self._filters(filters, kw)
        base = self._apply(self.table, f.but(date_from=None, date_to=None))
        f, base = self.one_dataset(f, base, "a period comparison")
        a, b = self._covered_or_refuse(asked_a, f, "A"), self._covered_or_refuse(asked_b, f, "B")
        notes = [f"period {w} cut to the data's coverage: {asked} -> {got}"
                 for w, asked, got in (("A", asked_a, a), ("B", asked_b, b)) if asked != got]
        in_a = base.event_date.between(a.start, a.end)
        in_b = base.event_date.between(b.start, b.end)
        row = base.aggregate(
            events_a=in_a.ifelse(1, 0).sum().fill_null(0), events_b=in_b.ifelse(1, 0).sum().fill_null(0),
            fat_a=in_a.ifelse(base.fatalities, 0).sum().fill_null(0),
            fat_b=in_b.ifelse(base.fatalities, 0).sum().fill_null(0),
        ).to_pyarrow().to_pylist()[0]
        result = rate_ratio(int(row["events_a"]), a.days, int(row["events_b"]), b.days, confidence)
        return PeriodComparison(a, b, f, result, int(row["fat_a"]), int(row["fat_b"]),
                                base.filter(in_a), base.filter(in_b), notes=notes)

    def _covered_or_refuse(self, period: Period, f: Filters, which: str) -> Period:
        covered = self.covered(period, f)
        if covered is None:
            first, last = self.coverage_span(f)
            span = f"{first}..{last}" if first else "nothing"
            raise NoCoverageError(f"no coverage: period {which} ({period}) lies outside what the data cover "
                                  f"({span}); there is nothing to compare it with")
        return covered

    # -- attribution and targets -------------------------------------------------------------

    @states_what_matched
    def attribution(self, filters: Filters | None = None, *, by_family: bool = False, of: str | None = None,
                    confidence: float = 0.95, **kw: Any) -> Figures:
        """Who the events are blamed on (actor1, the perpetrator), with unidentified perpetrators kept.

        An event with no actor1, or one whose actor1 begins "Unidentified" (ACLED's convention), is
        unidentified. ``share`` is over all events, ``share_of_identified`` over those with a named
        perpetrator (a report's "59% blamed on <group>" may be either). Intervals are Wilson score
        intervals at ``confidence``. ``by_family`` merges names of one family (one registry actor
        under its several dataset names). ``of`` names one actor whose share is put in the summary,
        matched like the ``actor1`` filter (with the registry, by date: a dataset name such as UCDP's
        "Government of <country>" stands for whichever actor held the state on the event's day).
        """
        f = self._filters(filters, kw)
        base = self._apply(self.table, f)
        datasets = self.datasets_in(base)
        if len(datasets) > 1:  # shares within each dataset: one dataset's events are not another's
            return self._attribution_per_dataset(f, list(datasets), by_family=by_family, of=of,
                                                 confidence=confidence)
        summary_of: dict[str, Any] = {}
        if of:
            named = self._apply(base, Filters(actor1=of), remember=False).count().to_pyarrow().as_py()
            summary_of = {"of": of, "of_events": int(named)}
        counts = base.group_by(name=base.actor1).aggregate(
            events=base.count(), fatalities=base.fatalities.sum().fill_null(0)).to_pyarrow().to_pylist()
        groups: dict[str, dict[str, Any]] = {}
        for r in counts:
            name = r["name"]
            unidentified = name is None or str(name).lower().startswith(UNIDENTIFIED.lower())
            label = (UNIDENTIFIED if unidentified else
                     (self.family_of(name) or name) if by_family else name)
            g = groups.setdefault(label, {"perpetrator": label, "identified": not unidentified, "events": 0,
                                          "fatalities": 0, "names": []})
            g["events"] += int(r["events"])
            g["fatalities"] += int(r["fatalities"])
            g["names"].append(name)
        total = sum(g["events"] for g in groups.values())
        identified = sum(g["events"] for g in groups.values() if g["identified"])
        rows = []
        for g in sorted(groups.values(), key=lambda g: (-g["events"], str(g["perpetrator"]))):  # ties by name
            lo, hi = wilson_interval(g["events"], total, confidence)
            rows.append({**g, "share": g["events"] / total if total else None, "ci_low": lo, "ci_high": hi,
                         "share_of_identified": g["events"] / identified if g["identified"] and identified else None})
        names_of = {g["perpetrator"]: g["names"] for g in groups.values()}

        def drill(key: dict[str, Any]) -> ir.Table:
            if not key:
                return base
            names = names_of.get(key["perpetrator"], [])
            real = [n for n in names if n is not None]
            pred = base.actor1.isin(real) if real else ibis.literal(False)
            if None in names:
                pred = pred | base.actor1.isnull()
            return base.filter(pred)

        return Figures(
            title="Attribution (perpetrator = actor1)", table=_table(rows, "perpetrator"), filters=f,
            keys=("perpetrator",), drill=drill,
            method=f"share of events by actor1; unidentified = no actor1 or 'Unidentified...'; Wilson {confidence:.0%} "
                   "interval",
            summary={"total_events": total, "identified_events": identified,
                     "unidentified_events": total - identified,
                     "unidentified_share": (total - identified) / total if total else None,
                     **_share_summary(summary_of, total, identified, confidence)},
        )

    def _attribution_per_dataset(self, f: Filters, datasets: list[str], **kwargs: Any) -> Figures:
        parts = {d: self.attribution(f.but(dataset=d), **kwargs) for d in datasets}
        rows = [{"dataset": d, **r} for d, fig in parts.items() for r in fig.rows()]

        def drill(key: dict[str, Any]) -> ir.Table:
            if "dataset" not in key:
                return self._apply(self.table, f)
            rest = {k: v for k, v in key.items() if k != "dataset"}
            return parts[key["dataset"]].drill(rest)

        first = next(iter(parts.values()))
        return Figures(title=first.title + ", per dataset", method=first.method + "; each dataset on its own",
                       table=_table(rows, "perpetrator"), filters=f, keys=("dataset", "perpetrator"), drill=drill,
                       summary={"per_dataset": {d: fig.summary for d, fig in parts.items()}})

    @states_what_matched
    def targets(self, filters: Filters | None = None, *, groups: Sequence[TargetGroup] | None = None,
                use_notes: bool = False, confidence: float = 0.95, **kw: Any) -> Figures:
        """How many of the filtered events were aimed at each target group, with Wilson intervals.

        Groups (the theatre's, :func:`ruydad.analysis.targets.target_groups`, unless ``groups`` are
        given) are read from actor2, assoc_actor_2, tags and the event type; an event can count in
        several groups, so shares do not add to 1.
        """
        groups = target_groups(self.theatre) if groups is None else groups
        f = self._filters(filters, kw)
        base = self._apply(self.table, f)
        f, base = self.one_dataset(f, base, "target profiles")
        metrics = {g.name: g.matches(base, use_notes).ifelse(1, 0).sum().fill_null(0) for g in groups}
        metrics.update({f"{g.name}__fatalities": g.matches(base, use_notes).ifelse(base.fatalities, 0).sum()
                        .fill_null(0) for g in groups})
        row = base.aggregate(total=base.count(), **metrics).to_pyarrow().to_pylist()[0]
        total = int(row["total"])
        rows = []
        for g in groups:
            n = int(row[g.name])
            lo, hi = wilson_interval(n, total, confidence)
            rows.append({"target": g.name, "description": g.description, "events": n,
                         "fatalities": int(row[f"{g.name}__fatalities"]),
                         "share": n / total if total else None, "ci_low": lo, "ci_high": hi})
        by_name = {g.name: g for g in groups}

        def drill(key: dict[str, Any]) -> ir.Table:
            if not key:
                return base
            return base.filter(by_name[key["target"]].matches(base, use_notes))

        return Figures("Target profile", "events matching each target group's patterns; Wilson interval",
                       _table(rows, "target"), f, ("target",), drill, {"total_events": total})

    # -- actors ------------------------------------------------------------------------------

    @states_what_matched
    def emerging_actors(self, period: Period | str, filters: Filters | None = None, *,
                        categories: Sequence[str] | None = NON_STATE_CATEGORIES, **kw: Any) -> Figures:
        """Actors whose first recorded event in the store falls inside ``period``.

        "First recorded" looks at all dates (other filters still apply, e.g. ``country`` or
        ``violent``), so an actor seen before the period is not new. For each: first and last event,
        events, battles and fatalities from its first event to the end of the period. ``categories``
        keeps actors of those ACLED categories (default: non-state armed groups); None keeps all.
        """
        p = Period.parse(period) if isinstance(period, str) else period
        f = self._filters(filters, kw)
        base = self._apply(self.table, f.but(date_from=None, date_to=None))
        f, base = self.one_dataset(f, base, "emerging actors")
        sides = self._sides(base.filter(base.event_date <= p.end), ["actor"],
                            ("event_date", "event_type", "fatalities"))
        sides = sides.filter(sides.actor.notnull(), _named(sides.actor))
        if categories:
            sides = sides.filter(sides.actor_category.isin(list(categories)))
        stats = sides.group_by("actor").aggregate(
            category=sides.actor_category.mode(), first_event=sides.event_date.min(),
            last_event=sides.event_date.max(), events=sides.count(),
            battles=(sides.event_type == "Battles").ifelse(1, 0).sum(),
            fatalities=sides.fatalities.sum().fill_null(0),
        )
        rows = stats.order_by([stats.first_event, stats.actor]).to_pyarrow().to_pylist()
        # a group a dataset renamed is not new: its names count as one actor, by the registry
        dataset = f.dataset or next(iter(self.datasets_in(base)), None)
        earliest: dict[str, date] = {}
        for r in rows:
            k = self._actor_key(dataset, r["actor"])
            earliest[k] = min(earliest.get(k, r["first_event"]), r["first_event"])
        kept = [r for r in rows if earliest[self._actor_key(dataset, r["actor"])] >= p.start]
        table = pa.Table.from_pylist(kept, schema=stats.schema().to_pyarrow())
        names = table["actor"].to_pylist()

        def drill(key: dict[str, Any]) -> ir.Table:
            wanted = [key["actor"]] if key else names
            return base.filter(base.event_date.between(p.start, p.end),
                               base.actor1.isin(wanted) | base.actor2.isin(wanted))

        return Figures(
            f"Actors first recorded in {p}", "first recorded event (any date) inside the period", table, f,
            ("actor",), drill,
            {"emerging_actors": table.num_rows, "events": int(pa.compute.sum(table["events"]).as_py() or 0),
             "battles": int(pa.compute.sum(table["battles"]).as_py() or 0)},
        )

    def _actor_key(self, dataset: str | None, name: str) -> str:
        """One key per actor: the registry actor a stored name stands for (when exactly one), else the name."""
        if self.use_registry and dataset:
            ids = set(self.context.actors.registry_of(dataset, name))
            if len(ids) == 1:
                return f"registry:{ids.pop()}"
        return name

    @states_what_matched
    def acled_emerging_actors(self, filters: Filters | None = None, *, at: date | None = None,
                              **kw: Any) -> Figures:
        """ACLED's definition: a non-state group violent in the last month (30 days to ``at``) but not
        in the year (365 days) before. Unlike :meth:`emerging_actors`, a group dormant for over a year
        counts as emerging again."""
        f = self._filters(filters, kw).but(violent=True, date_from=None, date_to=None)
        base = self._apply(self.table, f)
        f, base = self.one_dataset(f, base, "emerging actors")
        if at is None:
            at = base.event_date.max().to_pyarrow().as_py()
            if at is None:
                return Figures("Emerging actors (ACLED)", "no events", pa.table({}), f, ("actor",), lambda k: base)
        month_from = at - timedelta(days=29)
        year_from = month_from - timedelta(days=365)
        sides = self._sides(base.filter(base.event_date.between(year_from, at)), ["actor"],
                            ("event_date", "fatalities"))
        sides = sides.filter(sides.actor.notnull(), _named(sides.actor),
                             sides.actor_category.isin(list(NON_STATE_CATEGORIES)))
        recent = sides.event_date >= month_from
        stats = sides.group_by("actor").aggregate(
            category=sides.actor_category.mode(), events_last_month=recent.ifelse(1, 0).sum(),
            events_year_before=(~recent).ifelse(1, 0).sum(), first_event=sides.event_date.min(),
            fatalities=recent.ifelse(sides.fatalities, 0).sum().fill_null(0),
        )
        stats = stats.filter(stats.events_last_month > 0, stats.events_year_before == 0).order_by("actor")
        table = stats.to_pyarrow()
        names = table["actor"].to_pylist()

        def drill(key: dict[str, Any]) -> ir.Table:
            wanted = [key["actor"]] if key else names
            return base.filter(base.event_date.between(month_from, at),
                               base.actor1.isin(wanted) | base.actor2.isin(wanted))

        return Figures(f"Emerging non-state groups (ACLED definition) at {at}",
                       "violent in the last 30 days, not in the 365 days before", table, f, ("actor",), drill,
                       {"at": at, "emerging_actors": table.num_rows})

    def infighting_pairs(self, filters: Filters | None = None, **kw: Any) -> list[tuple[str, str, str]]:
        """(actor1, actor2, family) for every pair of distinct names in one family among the events."""
        base = self.select(filters, **kw)
        pairs = base.filter(base.actor1.notnull(), base.actor2.notnull()).select("actor1", "actor2").distinct()
        out = []
        for r in pairs.to_pyarrow().to_pylist():
            fam1, fam2 = self.family_of(r["actor1"]), self.family_of(r["actor2"])
            if fam1 is not None and fam1 == fam2:
                out.append((r["actor1"], r["actor2"], fam1))
        return out

    def infighting_filter(self, filters: Filters | None = None, *,
                          pairs: Sequence[tuple[str, str, str]] | None = None, **kw: Any) -> Filters:
        """The filters narrowed to infighting (both sides of one family), for counts, trends, compare."""
        f = self._filters(filters, kw)
        if pairs is None:
            pairs = self.infighting_pairs(f.but(date_from=None, date_to=None))
        keys = [f"{a}\x1f{b}" for a, b, _ in pairs]

        def predicate(t: ir.Table) -> ir.BooleanValue:
            return (t.actor1 + "\x1f" + t.actor2).isin(keys).fill_null(False) if keys else ibis.literal(False)

        return f.but(extra=(*f.extra, predicate))

    @states_what_matched
    def infighting(self, filters: Filters | None = None, **kw: Any) -> Figures:
        """Events whose two sides belong to one actor family (see :mod:`ruydad.analysis.families`)."""
        f = self._filters(filters, kw)
        f, _ = self.one_dataset(f, self._apply(self.table, f), "infighting")
        pairs = self.infighting_pairs(f)
        family_of_pair = {(a, b): fam for a, b, fam in pairs}
        narrowed = self.infighting_filter(f, pairs=pairs)
        counted = self.counts(["actor1", "actor2"], narrowed)
        fams: dict[str, dict[str, Any]] = {}
        for r in counted.rows():
            fam = family_of_pair[(r["actor1"], r["actor2"])]
            g = fams.setdefault(fam, {"family": fam, "events": 0, "fatalities": 0, "pairs": []})
            g["events"] += r["events"]
            g["fatalities"] += r["fatalities"]
            g["pairs"].append(f"{r['actor1']} vs {r['actor2']}")
        rows = sorted(fams.values(), key=lambda g: (-g["events"], str(g["family"])))  # ties by name, on every engine
        base = self.select(narrowed)

        def drill(key: dict[str, Any]) -> ir.Table:
            if not key:
                return base
            keys = [f"{a}\x1f{b}" for a, b, fam in pairs if fam == key["family"]]
            return base.filter((base.actor1 + "\x1f" + base.actor2).isin(keys))

        return Figures("Infighting (both sides of one actor family)",
                       "actor1 and actor2 map to the same family", _table(rows, "family"), f, ("family",), drill,
                       {"total_events": sum(g["events"] for g in rows)})

    # -- cross-border ------------------------------------------------------------------------

    def _foreign(self, t: ir.Table) -> ir.Table:
        return with_foreign_state(t)

    @states_what_matched
    def cross_border(self, filters: Filters | None = None, **kw: Any) -> Figures:
        """Incidents involving a foreign state's forces in the country: clashes with them, their
        attacks on civilians, and their strikes (air/drone, shelling) into the country, by foreign
        state and sub-event type."""
        f = self._filters(filters, kw)
        base = self._apply(self.table, f)
        f, base = self.one_dataset(f, base, "cross-border events")
        marked = self._foreign(base.filter(may_be_foreign(base)))
        marked = marked.filter(marked.foreign_state.notnull())
        expr = marked.group_by("foreign_state", "event_type", "sub_event_type").aggregate(
            events=marked.count(), fatalities=marked.fatalities.sum().fill_null(0))
        table = expr.order_by([expr.events.desc(), expr.foreign_state]).to_pyarrow()
        rows = table.to_pylist()
        strikes = sum(r["events"] for r in rows if r["sub_event_type"] in STRIKE_SUB_EVENT_TYPES)

        def drill(key: dict[str, Any]) -> ir.Table:
            preds = [marked[k] == v for k, v in key.items()]
            return (marked.filter(*preds) if preds else marked).drop("foreign_state")

        return Figures("Cross-border incidents (foreign state forces)",
                       "a side is another state's forces (by name) or External/Other forces", table, f,
                       ("foreign_state", "event_type", "sub_event_type"), drill,
                       {"total_events": sum(r["events"] for r in rows), "strikes": strikes,
                        "foreign_states": sorted({r["foreign_state"] for r in rows})})

    # -- helpers for claims and briefs -------------------------------------------------------

    def places(self, filters: Filters | None = None, level: str = "admin1", **kw: Any) -> Figures:
        """Where the filtered events happened: counts by admin1 (or admin2), with codes when known."""
        return self.counts([level], filters, **kw)

    def coverage(self, filters: Filters | None = None, **kw: Any) -> dict[str, Any]:
        """What the store holds for the filters, whatever the actor: datasets, dates and events.

        Used to tell "no events" (the data say nothing happened) from "no data" (nothing recorded)."""
        f = self._filters(filters, kw)
        base = self._apply(self.table, Filters(country=f.country, dataset=f.dataset, date_from=f.date_from,
                                               date_to=f.date_to), remember=False)
        by = base.group_by("dataset").aggregate(events=base.count(), first=base.event_date.min(),
                                                last=base.event_date.max()).to_pyarrow().to_pylist()
        return {"events": sum(r["events"] for r in by), "datasets": {r["dataset"]: r["events"] for r in by},
                "first": min((r["first"] for r in by), default=None),
                "last": max((r["last"] for r in by), default=None)}

    def violent(self) -> tuple[str, ...]:
        return VIOLENT_EVENT_TYPES


def may_be_foreign(t: ir.Table) -> ir.BooleanValue:
    """A cheap test that lets through every event :func:`foreign_state` could mark, so the regular
    expressions run on few rows."""
    return ibis.or_(*[
        pred.fill_null(False)
        for col, cat in ((t.actor1, t.inter1), (t.actor2, t.inter2))
        for pred in (col.ilike("%forces of %"), col.ilike("government of %"), cat == "External/Other forces")
    ])


def foreign_state(t: ir.Table) -> ir.StringValue:
    """The foreign state in an event: a side named as another state's forces or government (not the
    country the event happened in), else a side of category External/Other forces; NULL if none."""
    def side(col: ir.StringValue, cat: ir.StringValue) -> ir.StringValue:
        name = col.re_extract(STATE_FORCES_RX, 1).nullif("")
        foreign = name.notnull() & (name.lower() != t.country.lower()).fill_null(True)
        external = (cat == "External/Other forces").fill_null(False)
        return ibis.cases((foreign, name), (external, col), else_=ibis.null("string"))

    return side(t.actor1, t.inter1).coalesce(side(t.actor2, t.inter2))


def with_foreign_state(t: ir.Table) -> ir.Table:
    """``t`` with ``foreign_state`` (see :func:`foreign_state`), each regular expression evaluated once
    per row: the state names are extracted in one projection and compared in the next."""
    named = t.mutate(_state1=t.actor1.re_extract(STATE_FORCES_RX, 1).nullif(""),
                     _state2=t.actor2.re_extract(STATE_FORCES_RX, 1).nullif(""))

    def side(state: ir.StringValue, col: ir.StringValue, cat: ir.StringValue) -> ir.StringValue:
        foreign = state.notnull() & (state.lower() != named.country.lower()).fill_null(True)
        external = (cat == "External/Other forces").fill_null(False)
        return ibis.cases((foreign, state), (external, col), else_=ibis.null("string"))

    marked = named.mutate(foreign_state=side(named._state1, named.actor1, named.inter1).coalesce(
        side(named._state2, named.actor2, named.inter2)))
    return marked.drop("_state1", "_state2")


def _named(actor: ir.StringValue) -> ir.BooleanValue:
    """An identified actor: ACLED's "Unidentified Armed Group (...)" is no group, so never a new one."""
    return ~actor.lower().startswith(UNIDENTIFIED.lower())


def _share_summary(of: dict[str, Any], total: int, identified: int, confidence: float) -> dict[str, Any]:
    if not of:
        return {}
    n = of["of_events"]
    lo, hi = wilson_interval(n, total, confidence)
    return {**of, "of_share": n / total if total else None, "of_ci_low": lo, "of_ci_high": hi,
            "of_share_of_identified": n / identified if identified else None}


def _table(rows: list[dict[str, Any]], key: str) -> pa.Table:
    return pa.Table.from_pylist(rows) if rows else pa.table({key: pa.array([], pa.string())})


def analysis_for(store: Any, **kwargs: Any) -> Analysis:
    return Analysis.from_store(store, **kwargs)


__all__ = ["DIMENSIONS", "Analysis", "PeriodComparison", "analysis_for"]


def _summary_types(table: pa.Table) -> pa.Table:
    """Grouped counts read from the summary with the Arrow types the events give them (the same
    already, as a rule: then nothing is converted)."""
    fields = []
    for field_ in table.schema:
        if field_.name in METRIC_TYPES:
            fields.append(pa.field(field_.name, pa.int64()))
        elif field_.name == "share":
            fields.append(pa.field(field_.name, pa.float64()))
        elif field_.name in TIME_DIMENSIONS:
            fields.append(pa.field(field_.name, pa.date32()))
        else:
            fields.append(pa.field(field_.name, pa.string()))
    schema = pa.schema(fields)
    return table if table.schema.equals(schema) else table.cast(schema)


METRIC_TYPES = ("events", "fatalities", "fatalities_low", "fatalities_high")
