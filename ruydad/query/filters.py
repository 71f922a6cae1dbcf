"""What a user asks for: :class:`Filters` (which events) and :class:`Period` (which days).

These are plain values with no engine behind them. Every face (CLI, HTTP, dashboard, brief,
check) builds a ``Filters`` and hands it to :mod:`ruydad.query.resolve`, which turns the words in it
(actor names, place names, dataset names) into the exact values stored, once, and says what it
matched; :mod:`ruydad.query.compile` turns that into one SQL condition used by the store's pages and
by every analysis. So ``ruydad events --actor NRF`` and ``ruydad stats --actor NRF`` cannot differ.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from typing import Any

from ruydad.errors import InputError

ACTOR_COLUMNS: tuple[str, ...] = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
NON_STATE_CATEGORIES: tuple[str, ...] = ("Rebel group", "Political militia", "Identity militia")


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

    def __post_init__(self) -> None:
        # the Python API takes the dates as the CLI and HTTP API do: "2022-01-15", "2022-03", "2022Q1"
        for name, end in (("date_from", False), ("date_to", True)):
            value = getattr(self, name)
            if isinstance(value, str):
                try:
                    object.__setattr__(self, name, _day(value, end=end))
                except ValueError:
                    raise InputError(f"{name}: {value!r} is not a date (YYYY-MM-DD, YYYY-MM, YYYY, "
                                     "YYYYQ1-4 or YYYYH1-2)") from None

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


def names_of(value: str | Sequence[str] | None) -> list[str]:
    """One name or several ("Battles,Riots" or a list) as a list of stripped names."""
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()] if "," in value else [value.strip()]
    return [v.strip() for v in value if v and v.strip()]


def parse_day(value: str | date | None, option: str) -> date | None:
    """A day given as YYYY-MM-DD (a ``date`` passes through); ``option`` names the field in errors."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"{option}: {value!r} is not a date; use YYYY-MM-DD") from None


def filters_from_options(*, actor: str | None = None, actor1: str | None = None, actor2: str | None = None,
                         actor_category: str | None = None, event_type: str | None = None,
                         sub_event_type: str | None = None, admin1: str | None = None, admin2: str | None = None,
                         country: str | None = None, dataset: str | None = None,
                         date_from: str | date | None = None, date_to: str | date | None = None,
                         period: str | None = None, violent: bool = False,
                         civilian_targeting: bool = False) -> Filters:
    """Filters from the options every face takes (CLI options, HTTP query parameters); ``period``
    and ``date_from``/``date_to`` exclude each other."""
    if period and (date_from or date_to):
        raise InputError("give --period or --from/--to, not both")
    f = Filters(actor=actor or None, actor1=actor1 or None, actor2=actor2 or None,
                actor_category=actor_category or None, event_type=event_type or None,
                sub_event_type=sub_event_type or None, admin1=admin1 or None, admin2=admin2 or None,
                country=country or None, dataset=dataset or None, date_from=parse_day(date_from, "--from"),
                date_to=parse_day(date_to, "--to"), violent=violent, civilian_targeting=civilian_targeting)
    if f.date_from and f.date_to and f.date_from > f.date_to:
        raise InputError(f"--from {f.date_from} is after --to {f.date_to}")
    return f.with_period(Period.parse(period)) if period else f
