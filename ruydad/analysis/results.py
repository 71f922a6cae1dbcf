"""Result objects: the figures, the method that produced them, and the events behind them.

Every analysis call returns an object whose ``table`` holds the figures and whose ``events()``
returns the events that make one figure (or all of them), so no number is shown without the
rows that produced it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from ruydad.query import Filters

if TYPE_CHECKING:
    import ibis.expr.types as ir

EVENT_SORT = ("event_date", "dataset", "dataset_event_id")

Drill = Callable[[dict[str, Any]], "ir.Table"]


def fetch_events(expr: ir.Table, limit: int | None = None, columns: list[str] | None = None) -> pa.Table:
    """Run an events expression: newest first, like ``ruydad events``."""
    if columns:
        expr = expr.select(*columns)
    expr = expr.order_by([expr.event_date.desc(), expr.dataset, expr.dataset_event_id])
    if limit is not None:
        expr = expr.limit(limit)
    return expr.to_pyarrow()


@dataclass
class Figures:
    """A table of figures plus how to get the events behind any row.

    ``keys`` are the columns that identify a row: ``figures.events(admin1="Baghlan")`` returns the
    events counted in that row; ``figures.events()`` returns every event counted in the table.
    """

    title: str
    method: str
    table: pa.Table
    filters: Filters
    keys: tuple[str, ...]
    drill: Drill = field(repr=False)
    summary: dict[str, Any] = field(default_factory=dict)
    matched: dict[str, Any] = field(default_factory=dict)
    """What the filters' terms matched (stored actor names per dataset, units, datasets)."""

    def rows(self) -> list[dict[str, Any]]:
        return self.table.to_pylist()

    def row(self, **key: Any) -> dict[str, Any] | None:
        for r in self.rows():
            if all(r.get(k) == v for k, v in key.items()):
                return r
        return None

    def value(self, column: str, **key: Any) -> Any:
        r = self.row(**key)
        return None if r is None else r[column]

    def events_expr(self, **key: Any) -> ir.Table:
        unknown = [k for k in key if k not in self.keys]
        if unknown:
            raise KeyError(f"{', '.join(unknown)} not among this result's keys {self.keys}")
        return self.drill(key)

    def events(self, limit: int | None = None, columns: list[str] | None = None, **key: Any) -> pa.Table:
        return fetch_events(self.events_expr(**key), limit=limit, columns=columns)

    def as_dict(self) -> dict[str, Any]:
        return {"title": self.title, "method": self.method, "filters": self.filters.as_dict(),
                "matched": self.matched, "summary": self.summary, "rows": self.rows()}


@dataclass
class Count:
    """One number (events and fatalities) and its events."""

    events_count: int
    fatalities: int
    filters: Filters
    expr: ir.Table = field(repr=False)
    matched: dict[str, Any] = field(default_factory=dict)

    def events(self, limit: int | None = None, columns: list[str] | None = None) -> pa.Table:
        return fetch_events(self.expr, limit=limit, columns=columns)

    def as_dict(self) -> dict[str, Any]:
        return {"events": self.events_count, "fatalities": self.fatalities, "filters": self.filters.as_dict(),
                "matched": self.matched}
