"""Filters and periods as Ibis expressions, shared by every analysis function.

The fields mirror :class:`ruydad.store.EventFilter` (same names, same meaning), so
``ruydad events --actor NRF`` and ``ruydad stats --actor NRF`` select the same events. They are
applied as Ibis predicates, never as SQL text, so the same filter runs on any Ibis backend.

Actor matching: a plain name is a case-insensitive substring of any actor column (dataset names
carry qualifiers: "Military Forces of Afghanistan (2021-)"); a name starting with ``=`` is an exact,
case-insensitive match ("=IS" matches UCDP's "IS" and not "Islamic ..."). When the actor registry
resolves a name to an actor, the registry's dataset names are used as exact matches instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from typing import Any

import ibis
import ibis.expr.types as ir

from ruydad.errors import InputError
from ruydad.taxonomy import VIOLENT_EVENT_TYPES

ACTOR_COLUMNS: tuple[str, ...] = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
NON_STATE_CATEGORIES: tuple[str, ...] = ("Rebel group", "Political militia", "Identity militia")

DatedName = tuple[str, date | None, date | None]
ActorResolver = Callable[[str], Sequence[str | DatedName] | None]
"""Maps a user's actor name to the exact dataset names it stands for, or None if unknown. A name can
come with the dates it applies (name, from, to): UCDP's "Government of Afghanistan" is the Taliban
only from 15 August 2021."""


@dataclass(frozen=True)
class Period:
    """A closed range of days. ``days`` is what rates are normalised by."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise InputError(f"period {self.start}..{self.end} ends before it starts")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def __str__(self) -> str:
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    @classmethod
    def parse(cls, text: str) -> Period:
        """``2022-01-01..2022-06-30``, ``2022``, ``2022H1``, ``2022Q3``, ``2022-06``."""
        value = text.strip()
        try:
            if ".." in value:
                a, b = value.split("..", 1)
                return cls(_day(a, end=False), _day(b, end=True))
            return cls(_day(value, end=False), _day(value, end=True))
        except ValueError:
            raise InputError(
                f"{text!r} is not a period: use FROM..TO (YYYY-MM-DD..YYYY-MM-DD), YYYY, YYYYH1, "
                "YYYYQ2 or YYYY-MM"
            ) from None


def _month_end(year: int, month: int) -> date:
    first_next = date(year + (month == 12), month % 12 + 1, 1)
    return first_next - timedelta(days=1)


def _day(text: str, *, end: bool) -> date:
    text = text.strip()
    if m := re.fullmatch(r"(\d{4})", text):
        y = int(m[1])
        return date(y, 12, 31) if end else date(y, 1, 1)
    if m := re.fullmatch(r"(\d{4})[Hh]([12])", text):
        y, h = int(m[1]), int(m[2])
        return _month_end(y, 6 * h) if end else date(y, 6 * h - 5, 1)
    if m := re.fullmatch(r"(\d{4})[Qq]([1-4])", text):
        y, q = int(m[1]), int(m[2])
        return _month_end(y, 3 * q) if end else date(y, 3 * q - 2, 1)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
        y, mo = int(m[1]), int(m[2])
        return _month_end(y, mo) if end else date(y, mo, 1)
    return date.fromisoformat(text)


@dataclass(frozen=True)
class Filters:
    """Which events an analysis looks at. Every field is optional; empty means no constraint.

    ``actor`` looks in every actor column; ``actor1`` (the initiator, for violence against
    civilians the perpetrator) and ``actor2`` (the opponent or target) look in one.
    ``event_type`` and ``sub_event_type`` accept one name or several. ``violent`` keeps ACLED's
    three political-violence event types (battles, explosions/remote violence, violence against
    civilians).
    """

    actor: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    actor_category: str | None = None
    event_type: str | tuple[str, ...] | None = None
    sub_event_type: str | tuple[str, ...] | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    dataset: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    violent: bool = False
    civilian_targeting: bool = False
    extra: tuple[Any, ...] = field(default=(), compare=False)
    """Further Ibis predicates (deferred ``ibis._`` expressions or callables of the table)."""

    def with_period(self, period: Period | None) -> Filters:
        if period is None:
            return self
        return replace(self, date_from=period.start, date_to=period.end)

    def but(self, **changes: Any) -> Filters:
        return replace(self, **changes)

    def describe(self) -> str:
        parts = []
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "extra" or value in (None, False, ()):
                continue
            parts.append(f"{f.name}={value}")
        return ", ".join(parts) or "all events"

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)
                if f.name != "extra" and getattr(self, f.name) not in (None, False, ())}


def _names(value: str | tuple[str, ...] | Sequence[str]) -> list[str]:
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()] if "," in value else [value]
    return list(value)


def actor_match(t: ir.Table, column: str, name: str, resolver: ActorResolver | None = None) -> ir.BooleanValue:
    """Does this actor column name the actor? See the module docstring for the rules."""
    col = t[column]
    if name.startswith("="):
        return col.lower().isin([name[1:].strip().lower()]).fill_null(False)
    resolved = resolver(name) if resolver is not None else None
    if not resolved:
        return col.ilike(f"%{name}%").fill_null(False)
    undated = [n.lower() for n in resolved if isinstance(n, str)]
    preds = [col.lower().isin(undated).fill_null(False)] if undated else []
    for item in resolved:
        if isinstance(item, str):
            continue
        exact, start, end = item
        pred = col.lower() == exact.lower()
        if start is not None:
            pred = pred & (t.event_date >= start)
        if end is not None:
            pred = pred & (t.event_date <= end)
        preds.append(pred.fill_null(False))
    return ibis.or_(*preds)


PlaceResolver = Callable[[str, int], Sequence[str] | None]


def apply_filters(t: ir.Table, f: Filters, resolver: ActorResolver | None = None,
                  places: PlaceResolver | None = None) -> ir.Table:
    """The events of ``t`` that pass ``f``, as an Ibis expression (nothing runs yet).

    ``resolver`` turns actor names into dataset names, ``places`` place names into every spelling
    and code of the unit (both optional)."""
    preds: list[ir.BooleanValue] = []
    if f.actor:
        preds.append(ibis.or_(*(actor_match(t, c, f.actor, resolver) for c in ACTOR_COLUMNS)))
    if f.actor1:
        preds.append(actor_match(t, "actor1", f.actor1, resolver))
    if f.actor2:
        preds.append(actor_match(t, "actor2", f.actor2, resolver))
    if f.actor_category:
        cats = [c.lower() for c in _names(f.actor_category)]
        preds.append(t.inter1.lower().isin(cats).fill_null(False) | t.inter2.lower().isin(cats).fill_null(False))
    if f.event_type:
        preds.append(t.event_type.lower().isin([n.lower() for n in _names(f.event_type)]))
    if f.sub_event_type:
        preds.append(t.sub_event_type.lower().isin([n.lower() for n in _names(f.sub_event_type)]))
    if f.violent:
        preds.append(t.event_type.isin(list(VIOLENT_EVENT_TYPES)))
    if f.civilian_targeting:
        preds.append(t.civilian_targeting.notnull())
    if f.admin1:
        preds.append(_place(t, f.admin1, ("admin1",), ("admin1_code", "admin1_pcode"), places, 1))
    if f.admin2:
        preds.append(_place(t, f.admin2, ("admin2",), ("admin2_pcode",), places, 2))
    if f.country:
        preds.append(_place(t, f.country, ("country",), ("country_code",)))
    if f.dataset:
        preds.append(t.dataset == f.dataset)
    if f.date_from:
        preds.append(t.event_date >= f.date_from)
    if f.date_to:
        preds.append(t.event_date <= f.date_to)
    for extra in f.extra:
        preds.append(extra(t) if callable(extra) else extra.resolve(t))
    return t.filter(*preds) if preds else t


def _place(t: ir.Table, value: str, names: Sequence[str], codes: Sequence[str],
           places: PlaceResolver | None = None, level: int = 1) -> ir.BooleanValue:
    """A place given by name (case-insensitive) or by code; several places comma-separated."""
    wanted = _names(value)
    if places is not None:
        wanted += [n for w in list(wanted) for n in (places(w, level) or ())]
    lowered = [w.lower() for w in wanted]
    upper = [w.upper() for w in wanted]
    preds = [t[c].lower().isin(lowered).fill_null(False) for c in names]
    preds += [t[c].upper().isin(upper).fill_null(False) for c in codes]
    return ibis.or_(*preds)
