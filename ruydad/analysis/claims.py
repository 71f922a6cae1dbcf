"""Claims and quoted figures held against the events: a verdict, the figure, the events, and why.

The kinds of claim:

- :class:`CountClaim`: "up to 300 clashes involving the NRF in the first half of 2022". The
  measure is events (optionally of one kind: infighting, cross-border, emerging groups),
  fatalities (civilian deaths are bounded: see :func:`_check_civilian_deaths`), provinces
  (distinct admin1 with events) or actors (groups first recorded in the period).
- :class:`RatioClaim`: "a rate nearly quadruple that of the period before": a rate ratio B/A.
- :class:`ShareClaim`: a share of the events: "around 59% blamed on <group>" (a perpetrator),
  "half of them targeting journalists" (a target group), "most in <province> and <province>" (places).
- :class:`PlaceClaim`: "we are fighting in <province> and <province>": places against the places where
  the actor has recorded events; :class:`MostInClaim`: most of the events are in these places.

A claim in words goes through :func:`check_text`: :mod:`ruydad.analysis.claim_parse` reads each
figure of the sentence into a :class:`~ruydad.analysis.claim_parse.ClaimReading`, and
:func:`check_reading` holds it against each dataset that covers it.

How a verdict is reached. A qualifier turns the quoted figure into the interval of true values it
allows (:data:`QUALIFIERS`): "about 300" is 270-330 (``tolerance`` 10%), "nearly 4" is 3.6-4,
"at least 59" is 59 or more, "over 40" is more than 40, "up to 300" is 150-300 (a figure quoted
as a maximum is expected to be near it: ``up_to_floor`` 0.5), "between 20 and 30" is 20-30. A count
is *supported* when the computed figure falls in that interval and *contradicted* when it does not.
A ratio or share is supported when the claimed interval overlaps the computed 95% confidence
interval (so sampling noise in small counts does not contradict a claim) and contradicted when they
are disjoint.

A verdict is never reached on evidence that cannot bear it: the verdict is **cannot check**, with
the reason, when the claim was not understood (:mod:`ruydad.analysis.claim_parse` says what it
read and what it could not), when a name in it matches nothing in the store, when the store holds
no events of the dataset for the period, or when the period lies outside what the dataset covers.
A claim that names no dataset is held against each dataset that covers it; when they disagree the
answer says so instead of summing them. Every verdict says what the claim was understood as.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import ibis.expr.types as ir
import pyarrow as pa

from ruydad.analysis.claim_parse import ActorRef, ClaimReading, read_claims, with_base
from ruydad.analysis.core import Analysis, foreign_state, may_be_foreign
from ruydad.analysis.results import fetch_events
from ruydad.errors import InputError
from ruydad.query import Filters, Period
from ruydad.theatres import TheatreLike

SUPPORTED = "supported"
CONTRADICTED = "contradicted"
CANNOT_CHECK = "cannot check"
NOT_ENOUGH_DATA = CANNOT_CHECK
"""The former name of :data:`CANNOT_CHECK`."""

QUALIFIERS: dict[str, str] = {
    "": "about", "exactly": "exact", "about": "about", "around": "about", "approximately": "about",
    "roughly": "about", "some": "about", "an estimated": "about", "nearly": "nearly", "almost": "nearly",
    "close to": "nearly", "just under": "nearly", "at least": "at_least", "no fewer than": "at_least",
    "over": "over", "more than": "over", "above": "over", "in excess of": "over", "up to": "up_to",
    "as many as": "up_to", "at most": "at_most", "no more than": "at_most", "fewer than": "under",
    "less than": "under", "under": "under", "below": "under", "between": "between",
}
"""Qualifier as written -> its rule (see the module docstring for each rule's interval)."""

KINDS = ("events", "infighting", "cross_border", "emerging", "civilian_deaths")
"""What a count counts: ``civilian_deaths`` are the fatalities of civilians, which the events bound
from below (fatalities of violence against civilians) and above (all fatalities)."""
MEASURES = ("events", "fatalities", "provinces", "actors")


def claimed_interval(value: float, qualifier: str, tolerance: float = 0.1,
                     up_to_floor: float = 0.5, high: float | None = None) -> tuple[float, float, bool, bool]:
    """(low, high, low_open, high_open): the true values a quoted figure allows (``high`` closes a
    range: "between 20 and 30")."""
    rule = QUALIFIERS.get(qualifier.strip().lower())
    if rule is None:
        raise InputError(f"unknown qualifier {qualifier!r}; known: {', '.join(q for q in QUALIFIERS if q)}")
    if rule == "between" or high is not None:
        return (min(value, high or value), max(value, high or value), False, False)
    return {
        "exact": (value, value, False, False),
        "about": (value * (1 - tolerance), value * (1 + tolerance), False, False),
        "nearly": (value * (1 - tolerance), value, False, False),
        "at_least": (value, math.inf, False, False),
        "over": (value, math.inf, True, False),
        "up_to": (value * up_to_floor, value, False, False),
        "at_most": (0.0, value, False, False),
        "under": (0.0, value, False, True),
    }[rule]


def _inside(x: float, interval: tuple[float, float, bool, bool]) -> bool:
    lo, hi, lo_open, hi_open = interval
    return (x > lo if lo_open else x >= lo) and (x < hi if hi_open else x <= hi)


def _describe(interval: tuple[float, float, bool, bool]) -> str:
    lo, hi, lo_open, hi_open = interval
    if math.isinf(hi):
        return f"{'>' if lo_open else '>='} {lo:g}"
    if lo == 0:
        return f"{'<' if hi_open else '<='} {hi:g}"
    return f"{lo:g} to {hi:g}"


@dataclass(frozen=True)
class CountClaim:
    value: float
    qualifier: str = ""
    measure: str = "events"
    kind: str = "events"
    filters: Filters = field(default_factory=Filters)
    text: str | None = None
    value_high: float | None = None
    """The top of a range ("between 20 and 30")."""


@dataclass(frozen=True)
class RatioClaim:
    value: float
    period_a: Period
    period_b: Period
    qualifier: str = ""
    kind: str = "events"
    filters: Filters = field(default_factory=Filters)
    text: str | None = None


@dataclass(frozen=True)
class ShareClaim:
    """A share of the events that pass ``filters``: blamed on ``perpetrator`` (actor1), or, when
    ``target`` is given, aimed at that target group (:mod:`ruydad.analysis.targets`), or, when
    ``places`` are given, in those provinces or districts."""

    value: float
    """A share between 0 and 1."""
    perpetrator: str | None
    qualifier: str = ""
    filters: Filters = field(default_factory=Filters)
    text: str | None = None
    target: str | None = None
    places: tuple[str, ...] = ()
    involving: bool = False
    """The share of events with ``perpetrator`` on either side, not as actor1 ("half involved the NRF")."""


@dataclass(frozen=True)
class PlaceClaim:
    actor: str
    places: tuple[str, ...]
    level: str = "admin1"
    filters: Filters = field(default_factory=Filters)
    text: str | None = None


@dataclass(frozen=True)
class MostInClaim:
    """"Most of these engagements took place in <province> and <province>": the named places together hold
    more than half of the events that pass ``filters``."""

    places: tuple[str, ...]
    filters: Filters = field(default_factory=Filters)
    text: str | None = None


Claim = CountClaim | RatioClaim | ShareClaim | PlaceClaim | MostInClaim


@dataclass
class Verdict:
    """The verdict, the computed figure beside the claimed one, the reason, the events, and what the
    claim was understood as."""

    verdict: str
    claim: str
    claimed: str
    figure: Any
    reason: str
    details: dict[str, Any]
    expr: ir.Table | None = field(default=None, repr=False)
    understood: str = ""
    reading: dict[str, Any] | list[dict[str, Any]] | None = None

    def events(self, limit: int | None = None) -> pa.Table:
        if self.expr is None:
            return pa.table({})
        return fetch_events(self.expr, limit=limit)

    def as_dict(self) -> dict[str, Any]:
        return {"verdict": self.verdict, "understood": self.understood or self.claimed, "claim": self.claim,
                "claimed": self.claimed, "figure": self.figure, "reason": self.reason, "reading": self.reading,
                "details": self.details}


def _coverage_note(coverage: dict[str, Any]) -> str:
    sets = ", ".join(f"{k} {v}" for k, v in coverage["datasets"].items()) or "none"
    return f"the store holds {coverage['events']} events for that period and place ({sets})"


def _kind_filters(a: Analysis, f: Filters, kind: str) -> Filters:
    if kind == "infighting":
        return a.infighting_filter(f)
    if kind == "cross_border":
        def foreign(t: ir.Table) -> ir.BooleanValue:
            return may_be_foreign(t) & foreign_state(t).notnull()
        return f.but(extra=(*f.extra, foreign))
    if kind in ("events", "emerging", "civilian_deaths"):
        return f
    raise InputError(f"unknown kind {kind!r}; known: {', '.join(KINDS)}")


def check(a: Analysis, claim: Claim, *, tolerance: float = 0.1, up_to_floor: float = 0.5) -> Verdict:
    """Hold one claim against the store; see the module docstring for the rules."""
    if isinstance(claim, CountClaim):
        return _check_count(a, claim, tolerance, up_to_floor)
    if isinstance(claim, RatioClaim):
        return _check_ratio(a, claim, tolerance)
    if isinstance(claim, ShareClaim):
        return _check_share(a, claim, tolerance)
    if isinstance(claim, MostInClaim):
        return _check_most_in(a, claim)
    return _check_places(a, claim)


def _label(claim: Claim) -> str:
    return claim.text or repr(claim)


def _other_datasets(a: Analysis, c: CountClaim) -> str:
    """When a claim names a dataset the store lacks, say what the store does hold for it."""
    if not c.filters.dataset:
        return ""
    others = a.coverage(c.filters.but(dataset=None))
    if not others["events"]:
        return ""
    sets = ", ".join(f"{k} {v}" for k, v in others["datasets"].items())
    return (f"; for that period and place the store holds {others['events']} events from other datasets "
            f"({sets}), coded by their own rules")


def _check_count(a: Analysis, c: CountClaim, tolerance: float, up_to_floor: float) -> Verdict:
    interval = claimed_interval(c.value, c.qualifier, tolerance, up_to_floor, c.value_high)
    written = f"between {c.value:g} and {c.value_high:g}" if c.value_high is not None else (
        f"{c.qualifier + ' ' if c.qualifier else ''}{c.value:g}")
    claimed = f"{written} {c.measure} ({_describe(interval)})"
    coverage = a.coverage(c.filters)
    details: dict[str, Any] = {"filters": c.filters.as_dict(), "kind": c.kind, "coverage": coverage}
    if coverage["events"] == 0:
        return Verdict(CANNOT_CHECK, _label(c), claimed, None,
                       f"no events at all in the store for {c.filters.describe()}{_other_datasets(a, c)}", details)
    if c.kind == "civilian_deaths":
        return _check_civilian_deaths(a, c, interval, claimed, details)
    if c.kind == "emerging":
        period = Period(c.filters.date_from or coverage["first"], c.filters.date_to or coverage["last"])
        emerging = a.emerging_actors(period, c.filters.but(date_from=None, date_to=None))
        figure: float = emerging.summary["emerging_actors"] if c.measure == "actors" else (
            emerging.summary["battles"] if c.filters.event_type == "Battles" else emerging.summary["events"])
        details["actors"] = emerging.table["actor"].to_pylist()
        expr = emerging.events_expr()
    else:
        f = _kind_filters(a, c.filters, c.kind)
        if c.measure == "provinces":
            places = a.counts("admin1", f)
            names = [r["admin1"] for r in places.rows() if r["admin1"]]
            figure, details["provinces"], expr = len(names), names, places.events_expr()
        else:
            count = a.count(f)
            figure = count.fatalities if c.measure == "fatalities" else count.events_count
            expr = count.expr
            if c.measure == "fatalities" and count.events_count == 0:
                return Verdict(CANNOT_CHECK, _label(c), claimed, None,
                               f"no recorded event matches {c.filters.describe()}: there are no fatalities to "
                               f"compare; {_coverage_note(coverage)}", details)
            days = (c.filters.date_to - c.filters.date_from).days + 1 if c.filters.date_from and c.filters.date_to \
                else None
            if count.events_count == 0 and days is not None and days <= SHORT_PERIOD_DAYS:
                return Verdict(CANNOT_CHECK, _label(c), claimed, 0,
                               f"no recorded event matches {c.filters.describe()} in those {days} days: an incident "
                               "the dataset missed or dated differently cannot be told from one that did not "
                               f"happen; {_coverage_note(coverage)}", details)
    ok = _inside(figure, interval)
    why = (f"the store records {figure:g} {c.measure} for {c.filters.describe()}"
           f"{'' if c.kind == 'events' else f' ({c.kind})'}, "
           f"{'inside' if ok else 'outside'} the claimed range {_describe(interval)}; {_coverage_note(coverage)}")
    return Verdict(SUPPORTED if ok else CONTRADICTED, _label(c), claimed, figure, why, details, expr)


SHORT_PERIOD_DAYS = 7
"""A count over this many days or fewer that finds no event is not evidence that none happened."""


def _check_civilian_deaths(a: Analysis, c: CountClaim, interval: tuple[float, float, bool, bool], claimed: str,
                           details: dict[str, Any]) -> Verdict:
    """Civilians killed: the events do not tell civilian from combatant deaths, except in violence
    against civilians. The fatalities of those events are a lower bound and all fatalities an upper
    bound; the claim is judged only where the bounds decide it."""
    every = a.count(c.filters)
    if every.events_count == 0:
        return Verdict(CANNOT_CHECK, _label(c), claimed, None,
                       f"no recorded event matches {c.filters.describe()}: there are no fatalities to compare",
                       details)
    low = a.count(c.filters.but(event_type="Violence against civilians")).fatalities
    high = every.fatalities
    lo, hi, lo_open, hi_open = interval
    details.update(civilian_deaths_low=low, civilian_deaths_high=high)
    bounds = (f"the store records between {low} (fatalities of violence against civilians) and {high} (all "
              f"fatalities of {every.events_count} events) civilian deaths for {c.filters.describe()}")
    if low > hi or (hi_open and low >= hi):
        return Verdict(CONTRADICTED, _label(c), claimed, [low, high], f"{bounds}: even the lower bound is above "
                       f"the claimed range {_describe(interval)}", details, every.expr)
    if high < lo or (lo_open and high <= lo):
        return Verdict(CONTRADICTED, _label(c), claimed, [low, high], f"{bounds}: even the upper bound is below "
                       f"the claimed range {_describe(interval)}", details, every.expr)
    if _inside(low, interval) and _inside(high, interval):
        return Verdict(SUPPORTED, _label(c), claimed, [low, high], f"{bounds}: both inside the claimed range "
                       f"{_describe(interval)}", details, every.expr)
    return Verdict(CANNOT_CHECK, _label(c), claimed, [low, high], f"{bounds}; the claimed range "
                   f"{_describe(interval)} lies between them, so the events cannot decide it", details, every.expr)


def _overlap(interval: tuple[float, float, bool, bool], lo: float, hi: float) -> bool:
    return not (hi < interval[0] or lo > interval[1])


def _check_ratio(a: Analysis, c: RatioClaim, tolerance: float) -> Verdict:
    interval = claimed_interval(c.value, c.qualifier, tolerance)
    claimed = f"rate ratio {c.qualifier + ' ' if c.qualifier else ''}{c.value:g} ({_describe(interval)})"
    f = _kind_filters(a, c.filters, c.kind)
    cmp = a.compare(c.period_a, c.period_b, f)
    r = cmp.result
    details = cmp.as_dict()
    if r.ratio is None or r.ci_low is None or r.ci_high is None:
        return Verdict(CANNOT_CHECK, _label(c), claimed, None,
                       f"no events in either period for {c.filters.describe()} ({c.kind})", details, cmp.expr_b)
    ok = _overlap(interval, r.ci_low, r.ci_high)
    why = (f"{r.count_a} events in {c.period_a} ({cmp.rate_a_per_30_days:.2f} per 30 days) and {r.count_b} in "
           f"{c.period_b} ({cmp.rate_b_per_30_days:.2f}): ratio {r.ratio:.2f}, 95% CI {r.ci_low:.2f} to "
           f"{r.ci_high:.2f} ({r.test}, p={r.p_value:.3g}); the claimed range {_describe(interval)} "
           f"{'overlaps' if ok else 'lies outside'} the interval")
    return Verdict(SUPPORTED if ok else CONTRADICTED, _label(c), claimed, r.ratio, why, details, cmp.expr_b)


def _check_share(a: Analysis, c: ShareClaim, tolerance: float) -> Verdict:
    """A share of the events: the part (blamed on the perpetrator, aimed at the target group, or in
    the places) over all the events that pass the filters, with its Wilson interval. A perpetrator's
    share is also taken over the events whose perpetrator is identified (reports say "59% blamed on
    X" of either): a claim that fits only that share cannot be checked."""

    interval = claimed_interval(c.value, c.qualifier, tolerance)
    written = f"{c.qualifier + ' ' if c.qualifier else ''}{c.value:.0%}"
    if c.target:
        whose = f"aimed at {c.target}"
    elif c.places:
        whose = f"in {', '.join(c.places)}"
    elif c.involving:
        whose = f"involving {c.perpetrator}"
    else:
        whose = f"by {c.perpetrator}"
    claimed = f"{written} {whose} ({_describe(interval)})"
    total = a.count(c.filters)
    details: dict[str, Any] = {"filters": c.filters.as_dict(), "total_events": total.events_count}
    if total.events_count == 0:
        return Verdict(CANNOT_CHECK, _label(c), claimed, None, f"no events for {c.filters.describe()}", details)
    part = a.count(_share_part(a, c))
    n, N = part.events_count, total.events_count
    share = n / N
    lo, hi = _interval(n, N)
    details.update(part_events=n, share=share, ci_low=lo, ci_high=hi)
    ok = _overlap(interval, lo, hi)
    why = f"{n} of {N} events ({share:.0%}, Wilson 95% CI {lo:.0%} to {hi:.0%}) are {whose}"
    if c.perpetrator and not (c.target or c.places or c.involving):
        unidentified = a.count(c.filters.but(extra=(*c.filters.extra, _unidentified))).events_count
        identified = N - unidentified
        details.update(unidentified_events=unidentified, identified_events=identified)
        why += f"; {unidentified} have no identified perpetrator"
        if identified:
            lo2, hi2 = _interval(n, identified)
            details.update(share_of_identified=n / identified, ci_low_of_identified=lo2, ci_high_of_identified=hi2)
            why += f" (share of identified: {n / identified:.0%}, CI {lo2:.0%} to {hi2:.0%})"
            if not ok and _overlap(interval, lo2, hi2):
                return Verdict(CANNOT_CHECK, _label(c), claimed, share,
                               why + f"; the claimed range {_describe(interval)} fits the share of events with an "
                               "identified perpetrator but not the share of all events, and the claim does not say "
                               "which it means", details, part.expr)
    why += f"; the claimed range {_describe(interval)} {'overlaps' if ok else 'lies outside'} the interval"
    return Verdict(SUPPORTED if ok else CONTRADICTED, _label(c), claimed, share, why, details, part.expr)


def _interval(n: int, total: int) -> tuple[float, float]:
    """The Wilson 95% interval of n of total (total > 0)."""
    from ruydad.analysis.statistics import wilson_interval

    lo, hi = wilson_interval(n, total)
    return (lo if lo is not None else 0.0), (hi if hi is not None else 1.0)


def _unidentified(t: ir.Table) -> ir.BooleanValue:
    return t.actor1.isnull() | t.actor1.lower().startswith("unidentified")


def _share_part(a: Analysis, c: ShareClaim) -> Filters:
    """The filters of the part whose share is claimed."""
    f = c.filters
    if c.target:
        from ruydad.analysis.targets import target_group

        group = target_group(c.target, a.theatre)
        return f.but(extra=(*f.extra, lambda t: group.matches(t)))
    if c.places:
        return f.but(extra=(*f.extra, _places_predicate(a, c.places)))
    if c.involving:
        return f.but(actor=c.perpetrator)
    return f.but(actor1=c.perpetrator)


def _places_predicate(a: Analysis, places: tuple[str, ...]) -> Any:
    """Events in any of the places (provinces or districts, any spelling the gazetteer knows)."""
    spellings: set[str] = set()
    for place in places:
        for level in (1, 2):
            spellings.update(s.lower() for s in (a.resolve_place(place, level) or ()))
        spellings.add(place.lower())

    def predicate(t: ir.Table) -> ir.BooleanValue:
        values = sorted(spellings)
        return (t.admin1.lower().isin(values) | t.admin2.lower().isin(values)
                | t.admin1_pcode.isin([v.upper() for v in values])
                | t.admin2_pcode.isin([v.upper() for v in values])).fill_null(False)

    return predicate


def _check_most_in(a: Analysis, c: MostInClaim) -> Verdict:
    """Supported when the places' share of the events is above one half, contradicted when it is not;
    the Wilson 95% interval of the share is given beside it."""
    from ruydad.analysis.statistics import wilson_interval

    labels = [_place_label(a, p) for p in c.places]
    claimed = f"most events in {', '.join(labels)} (share > 50%)"
    total = a.count(c.filters)
    if total.events_count == 0:
        return Verdict(CANNOT_CHECK, _label(c), claimed, None, f"no events for {c.filters.describe()}",
                       {"filters": c.filters.as_dict()})
    inside = {label: _place_count(a, c.filters, p) for label, p in zip(labels, c.places, strict=True)}
    n = sum(inside.values())
    share = n / total.events_count
    lo, hi = wilson_interval(n, total.events_count)
    ok = share > 0.5
    top = a.counts("admin1", c.filters, top=5).rows()
    why = (f"{n} of {total.events_count} events for {c.filters.describe()} ({share:.0%}, Wilson 95% CI {lo:.0%} to "
           f"{hi:.0%}) are in {', '.join(labels)}; the most frequent provinces are "
           + ", ".join(f"{r['admin1']} {r['events']}" for r in top))
    return Verdict(SUPPORTED if ok else CONTRADICTED, _label(c), claimed, share,
                   why, {"per_place": inside, "total": total.events_count, "ci_low": lo, "ci_high": hi},
                   total.expr)


def _check_places(a: Analysis, c: PlaceClaim) -> Verdict:
    f = c.filters.but(actor=c.actor)
    claimed = f"{c.actor} active in {', '.join(_place_label(a, p) for p in c.places)}"
    counts = a.counts(c.level, f)
    if counts.summary["total_events"] == 0:
        return Verdict(CANNOT_CHECK, _label(c), claimed, {_place_label(a, p): 0 for p in c.places},
                       f"no events of {c.actor} in the store for {c.filters.describe()}",
                       {"filters": f.as_dict()})
    recorded = {r[c.level]: r["events"] for r in counts.rows() if r[c.level]}
    per_place = {_place_label(a, p): _place_count(a, f, p) for p in c.places}
    missing = [p for p, n in per_place.items() if n == 0]
    found = [p for p, n in per_place.items() if n > 0]
    why = (f"{c.actor} has recorded events in {len(found)} of the {len(c.places)} claimed places"
           + (f"; none in {', '.join(missing)}" if missing else "")
           + f"; recorded places: {', '.join(f'{k} {v}' for k, v in recorded.items())}")
    verdict = CONTRADICTED if missing else SUPPORTED
    return Verdict(verdict, _label(c), claimed, per_place, why,
                   {"per_place": per_place, "recorded": recorded, "filters": f.as_dict()}, counts.events_expr())


def _country_name(code: str) -> str | None:
    """A country for an ISO 3166-1 alpha-2 or alpha-3 code (a claim about a whole country)."""
    import pycountry

    if not re.fullmatch(r"[A-Za-z]{2,3}", code):
        return None
    found = pycountry.countries.get(alpha_2=code.upper()) if len(code) == 2 else pycountry.countries.get(
        alpha_3=code.upper())
    return str(found.name) if found is not None else None


def _place_count(a: Analysis, f: Filters, place: str) -> int:
    """The actor's events in a place given as a province, a district or a whole country."""
    country = _country_name(place)
    if country is not None:
        return a.count(f.but(country=country)).events_count
    n = a.count(f.but(admin1=place)).events_count
    return n or a.count(f.but(admin2=place)).events_count


def _place_label(a: Analysis, place: str) -> str:
    """The place as a reader knows it: "AF0907 (Andarab)" rather than a bare code."""
    country = _country_name(place)
    if country is not None:
        return f"{place} ({country})"
    if a.resolve_place is None:
        return place
    for level in (1, 2):
        names = a.resolve_place(place, level) or ()
        words = [n for n in names if n.upper() != place.upper() and not re.search(r"\d|^[A-Z]{2}-", n)
                 and n.isascii()]
        if words and any(n.upper() == place.upper() for n in names):
            return place if place in words else f"{place} ({words[0]})"
    return place


# -- a claim in words ---------------------------------------------------------------------------------

_COMPACT_PERIOD = re.compile(r"(?<![\w.])(\d{4}(?:-\d{2}){0,2}\.\.\d{4}(?:-\d{2}){0,2}|\d{4}[HhQq]\d)(?![\w.])")
"""Periods as the options write them (2022H1, 2022Q3, 2022-01-01..2022-06-30), in a claim typed as a
line ("up to 300 clashes NRF 2022H1 per ACLED")."""


def _compact_periods(text: str) -> tuple[str, list[Period]]:
    found = [Period.parse(m.group(1)) for m in _COMPACT_PERIOD.finditer(text)]
    return _COMPACT_PERIOD.sub(" ", text), found


def read_text(text: str, *, periods: list[str] | None = None, base: Filters | None = None,
              published: date | str | None = None,
              theatre: TheatreLike | None = None) -> tuple[list[ClaimReading], Filters]:
    """The readings of a claim in words, completed by the options (``base``, ``periods``), and the
    base filters with any period the line itself gave."""
    f = base or Filters()
    body, compact = _compact_periods(text)
    listed = [Period.parse(p) for p in periods or []] + compact
    if len(listed) == 1 and not (f.date_from or f.date_to):
        f = f.with_period(listed[0])
    readings = read_claims(body, published=published, theatre=theatre)
    out = []
    for r in readings:
        r = with_base(r, f)
        if r.form == "ratio" and len(listed) == 2:
            r = replace(r, baseline=listed[0], period=listed[1],
                        problems=tuple(p for p in r.problems if not p.startswith("a ratio needs")))
        out.append(replace(r, text=text))
    return out, f


def check_text(a: Analysis, text: str, *, periods: list[str] | None = None, base: Filters | None = None,
               published: date | str | None = None, tolerance: float = 0.1, up_to_floor: float = 0.5) -> Verdict:
    """Read a claim sentence (:mod:`ruydad.analysis.claim_parse`) and hold each of its figures against
    the store. The verdict is *cannot check* unless every part was understood and matched; a sentence
    with a contradicted figure is contradicted; it is supported when every figure is."""
    readings, f = read_text(text, periods=periods, base=base, published=published, theatre=a.theatre)
    verdicts = [check_reading(a, r, f, tolerance=tolerance, up_to_floor=up_to_floor) for r in readings]
    if len(verdicts) == 1:
        return verdicts[0]
    kinds = {v.verdict for v in verdicts}
    verdict = CONTRADICTED if CONTRADICTED in kinds else SUPPORTED if kinds == {SUPPORTED} else CANNOT_CHECK
    reason = " | ".join(f"[{v.understood}] {v.verdict}: {v.reason}" for v in verdicts)
    expr = next((v.expr for v in verdicts if v.expr is not None), None)
    return Verdict(verdict, text, "; ".join(v.claimed for v in verdicts), [v.figure for v in verdicts], reason,
                   {"parts": [v.as_dict() for v in verdicts]}, expr,
                   understood=" + ".join(v.understood for v in verdicts),
                   reading=[r.as_dict() for r in readings])


def _cannot(r: ClaimReading, why: str, understood: str | None = None, details: dict[str, Any] | None = None) -> Verdict:
    return Verdict(CANNOT_CHECK, r.text, r.claimed(), None, why, details or {},
                   understood=understood or r.understood(), reading=r.as_dict())


def check_reading(a: Analysis, r: ClaimReading, base: Filters | None = None, *, tolerance: float = 0.1,
                  up_to_floor: float = 0.5) -> Verdict:
    """One reading against the store, dataset by dataset (see the module docstring)."""
    if r.problems:
        return _cannot(r, "; ".join(r.problems))
    try:
        by_name = a.use_registry
        f = r.filters(base, by_name=by_name) if r.base_count is None else r.base_count.filters(base, by_name=by_name)
        problems = _match_problems(a, f, r)
        if problems:
            return _cannot(r, "; ".join(problems))
        if r.opponent is not None:
            f, problem = _with_opponent(a, f, r.opponent)
            if problem:
                return _cannot(r, problem)
        datasets = [f.dataset] if f.dataset else _datasets_holding(a, f, r)
    except InputError as exc:
        return _cannot(r, str(exc))
    if not datasets:
        when = f"{r.period}" if r.period else "any period"
        return _cannot(r, f"the store holds no events at all for {when}{_place_words(f)}: nothing to check it against")
    per = {ds: _check_in_dataset(a, r, f.but(dataset=ds), tolerance, up_to_floor) for ds in datasets}
    return _combine(r, per)


def _place_words(f: Filters) -> str:
    places = [p for p in (f.admin1, f.admin2, f.country) if p]
    return f" in {', '.join(places)}" if places else ""


def _match_problems(a: Analysis, f: Filters, r: ClaimReading) -> list[str]:
    """Names of the claim that match nothing (or several things) in the store, per the query model."""
    problems: list[str] = []
    query = a.query(f)
    problems += query.problems
    if r.of_an_actor and r.perpetrator is not None:
        problems += a.query(Filters(actor=_term(a, r.perpetrator))).problems
    return [f"{p}: the store records no events under any name of it" if "none of its names" in p else p
            for p in problems]


def _with_opponent(a: Analysis, f: Filters, opponent: ActorRef) -> tuple[Filters, str | None]:
    """``f`` narrowed to events where the opponent ("clashes with <group> forces") is a side too; the
    opponent is read as its whole family (a group's forces and government are the group)."""
    from ruydad.actors.registry import load_registry

    name = opponent.name
    try:
        registry = load_registry(a.theatre)
        actor = registry.get(opponent.registry_id)
        while actor.parent is not None:
            actor = registry.get(actor.parent.actor_id)
        name = actor.name
    except InputError:  # an actor outside the registry keeps its own name
        pass
    query = a.query(Filters(actor=name))
    if query.problems or not query.actors:
        return f, f"the opponent {opponent.mention!r} matches nothing in the store: {'; '.join(query.problems)}"
    names = query.actors[0][1].names

    def predicate(t: ir.Table) -> ir.BooleanValue:
        import ibis

        preds = []
        for n in names:
            side = (t.actor1 == n.name) | (t.actor2 == n.name)
            side = side | t.assoc_actor_1.contains(n.name) | t.assoc_actor_2.contains(n.name)
            if n.valid_from is not None:
                side = side & (t.event_date >= n.valid_from)
            if n.valid_to is not None:
                side = side & (t.event_date <= n.valid_to)
            preds.append(side.fill_null(False))
        return ibis.or_(*preds) if preds else ibis.literal(False)

    return f.but(extra=(*f.extra, predicate)), None


def _datasets_holding(a: Analysis, f: Filters, r: ClaimReading) -> list[str]:
    """The datasets with events in the claim's period (and baseline) and place, whatever the actor."""
    periods: list[Period | None] = [p for p in (r.period, r.baseline) if p is not None] or [None]
    found: set[str] = set()
    for p in periods:
        g = f.with_period(p) if p is not None else f
        found.update(a.coverage(g)["datasets"])
    return sorted(found)


def _dataset_span(a: Analysis, dataset: str, f: Filters) -> tuple[date | None, date | None]:
    cov = a.coverage(Filters(dataset=dataset, country=f.country))
    return cov["first"], cov["last"]


def _check_in_dataset(a: Analysis, r: ClaimReading, f: Filters, tolerance: float, up_to_floor: float) -> Verdict:
    ds = f.dataset or ""
    first, last = _dataset_span(a, ds, f)
    if first is None or last is None:
        return _cannot(r, f"the store holds no {ds} events")
    period = r.period or (Period(f.date_from, f.date_to) if f.date_from and f.date_to else None)
    for p in (period, r.baseline):
        if p is not None and (p.start < first or p.end > last):
            return _cannot(r, f"the period {p} runs outside what {ds} covers in this store ({first}..{last}): "
                              "a figure over part of it would be compared as if whole")
    if r.kind == "emerging" and period is not None and (period.start - first).days < 365:
        return _cannot(r, f"{ds} events start on {first}: a group's first recorded event needs a year of data "
                          f"before {period.start} to tell a new group from an old one")
    for who, term in (("actor", f.actor), ("perpetrator", _term(a, r.perpetrator) if r.perpetrator else None)):
        if term and r.form != "ratio" and a.count(Filters(actor=term, dataset=ds)).events_count == 0:
            return _cannot(r, f"{ds} records no events of {term} at any date: it does not name this {who}")
    if r.form != "ratio" and period is not None and not a.coverage(f.with_period(period))["events"]:
        return _cannot(r, f"the store holds no {ds} events at all for {period}{_place_words(f)}")
    claim = to_claim(r, f, by_name=a.use_registry)
    return check(a, claim, tolerance=tolerance, up_to_floor=up_to_floor)


def _term(a: Analysis, ref: ActorRef) -> str:
    """An actor as the query model should read it: the registry's name, or, for an analysis that
    reads names without the registry, as the sentence wrote it."""
    return ref.name if a.use_registry else ref.mention


def to_claim(r: ClaimReading, f: Filters, *, by_name: bool = True) -> Claim:
    """The claim a reading makes, on the events ``f`` selects."""
    assert r.value is not None
    if r.form == "ratio":
        assert r.period is not None and r.baseline is not None
        return RatioClaim(r.value, r.baseline, r.period, r.qualifier, r.kind, f.but(date_from=None, date_to=None),
                          r.text)
    if r.form == "share":
        perp = ((r.perpetrator.name if by_name else r.perpetrator.mention)
                if r.perpetrator and r.of_an_actor else None)
        places = (*r.admin1, *r.admin2) if r.share_of == "places" else ()
        return ShareClaim(r.value, perp, r.qualifier, f, r.text, target=r.target if r.share_of == "target" else None,
                          places=places, involving=r.share_of == "involving")
    qualifier = "" if r.qualifier == "between" else r.qualifier
    return CountClaim(r.value, qualifier, r.measure, r.kind, f, r.text, r.value_high)


def _combine(r: ClaimReading, per: dict[str, Verdict]) -> Verdict:
    names = [ds.upper() for ds in per]
    understood = r.understood().replace(
        r.dataset.upper() if r.dataset else "any dataset",
        names[0] if len(names) == 1 else " and ".join(names) + ", each on its own")
    checked = {ds: v for ds, v in per.items() if v.verdict in (SUPPORTED, CONTRADICTED)}
    details = {"datasets": {ds: v.as_dict() for ds, v in per.items()}}
    if len(per) == 1:
        v = next(iter(per.values()))
        v.understood, v.reading, v.claim = understood, r.as_dict(), r.text
        if v.verdict == CANNOT_CHECK:
            v.claimed = v.claimed if v.claimed != "no figure" else r.claimed()
        return v
    reasons = "; ".join(f"{ds}: {v.verdict}, {v.reason}" for ds, v in per.items())
    verdicts = {v.verdict for v in checked.values()}
    first = next(iter(checked.values()), next(iter(per.values())))
    if len(verdicts) == 1:
        figure = {ds: v.figure for ds, v in checked.items()}
        return Verdict(verdicts.pop(), r.text, first.claimed, figure, reasons, details, first.expr,
                       understood=understood, reading=r.as_dict())
    if not checked:
        return Verdict(CANNOT_CHECK, r.text, first.claimed, None, reasons, details, understood=understood,
                       reading=r.as_dict())
    return Verdict(CANNOT_CHECK, r.text, first.claimed, {ds: v.figure for ds, v in checked.items()},
                   "the datasets disagree, each coding events by its own rules: " + reasons
                   + "; name one (--dataset, or 'according to ACLED' in the claim)", details,
                   understood=understood, reading=r.as_dict())


def parse_claim(text: str, *, periods: list[str] | None = None, base: Filters | None = None,
                published: date | str | None = None, by_name: bool = False) -> Claim:
    """The first figure of a claim in words as a :class:`Claim` on the events ``base`` selects, for a
    caller that holds it against the store itself; an :class:`InputError` says what was not
    understood. Actors are given as written (the query model reads them with the registry, or without
    it); ``by_name`` gives their registry names. :func:`check_text` is the whole path (every figure,
    names matched, datasets apart)."""
    readings, f = read_text(text, periods=periods, base=base, published=published)
    r = readings[0]
    if r.problems:
        raise InputError(f"cannot read {text!r} as a claim: {'; '.join(r.problems)} (understood as: {r.understood()})")
    g = (r.filters(f) if r.base_count is None else r.base_count.filters(f)) if by_name else (
        r.filters(f, by_name=False) if r.base_count is None else r.base_count.filters(f, by_name=False))
    return to_claim(r, g, by_name=by_name)


def _dataset_names() -> set[str]:
    from ruydad.ingest import READERS

    return {r.dataset for r in READERS.values()}


def source_dataset(attributed_to: str | None) -> str | None:
    """The store's dataset name for a figure's attributed source ("ACLED" -> "acled"), if it is one.

    A figure quoted from ACLED is held against ACLED's events only: counting UCDP's events for it
    would compare two coding schemes, not the claim with its evidence.
    """
    if not attributed_to:
        return None
    words = set(re.findall(r"[a-z]+", attributed_to.lower()))
    return next((d for d in sorted(_dataset_names()) if d in words), None)


def statistic_claim(stat: Any, base: Filters | None = None) -> CountClaim:
    """A :class:`CountClaim` from an extracted statistic (``ruydad.extract``'s value, qualifier,
    unit, measure, event_type, actor, period_start, period_end, attributed_to)."""
    f = (base or Filters()).but(actor=getattr(stat, "actor", None), event_type=getattr(stat, "event_type", None),
                                date_from=getattr(stat, "period_start", None),
                                date_to=getattr(stat, "period_end", None))
    dataset = source_dataset(getattr(stat, "attributed_to", None))
    if dataset and not f.dataset:
        f = f.but(dataset=dataset)
    unit = (getattr(stat, "unit", "") or "").lower()
    measure = getattr(stat, "measure", None) or {"groups": "actors", "places": "provinces", "fatalities": "fatalities",
                                                 "deaths": "fatalities", "killed": "fatalities"}.get(unit, "events")
    if measure not in MEASURES:
        measure = "events"
    return CountClaim(float(stat.value), getattr(stat, "qualifier", "") or "", measure, "events", f,
                      getattr(stat, "sentence", None))


PLACE_PREDICATES = ("operates_in", "controls", "has_base")


def stored_claims(a: Analysis) -> pa.Table:
    """The claims table written by the article pipeline (empty when the store has none)."""
    backend = a.backend
    if backend is None or "claims" not in backend.list_tables():
        return pa.table({})
    return backend.table("claims").to_pyarrow()


def claim_from_row(row: dict[str, Any]) -> Claim:
    """A claim from a row of the claims table: a place claim when it names a place, a count claim
    when it carries a number (``object_value``)."""
    actor = row.get("subject_actor_id") or row.get("subject_text")
    text = row.get("sentence")
    if not actor:
        raise InputError(f"claim {row.get('claim_id')} has no subject actor to check")
    place = row.get("object_place_pcode") or row.get("object_place_code")
    if place and row.get("predicate") in PLACE_PREDICATES:
        return PlaceClaim(str(actor), (str(place),), text=text)
    value = row.get("object_value")
    try:
        number = float(value) if value is not None else None
    except (TypeError, ValueError):
        number = None
    if number is not None:
        return CountClaim(number, "", filters=Filters(actor=str(actor)), text=text)
    raise InputError(f"claim {row.get('claim_id')} ({row.get('predicate')}) names neither a place nor a number: "
                     "nothing in the events can check it")


def stored_claim(a: Analysis, claim_id: str) -> Claim:
    """The stored claim with this id, ready for :func:`check`."""
    table = stored_claims(a)
    if "claim_id" not in table.column_names:
        raise InputError("the store has no claims yet: load some with `ruydad claims ...` first")
    for row in table.to_pylist():
        if str(row["claim_id"]) == str(claim_id):
            return claim_from_row(row)
    raise InputError(f"no stored claim with id {claim_id!r}")


@dataclass(frozen=True)
class BoardEntry:
    """A stored place claim (all the places one speaker gave for one actor) and its verdict."""

    actor: str
    claimed_by: str | None
    predicate: str
    sentence: str | None
    verdict: Verdict


def place_claims_board(a: Analysis, filters: Filters | None = None) -> list[BoardEntry]:
    """Every stored place claim (operates in, controls, has a base in), grouped by actor, speaker,
    predicate and sentence, each checked against the actor's recorded events (denials skipped)."""
    table = stored_claims(a)
    if "predicate" not in table.column_names:
        return []
    groups: dict[tuple[Any, ...], list[str]] = {}
    for row in table.to_pylist():
        place = row.get("object_place_pcode") or row.get("object_place_code")
        actor = row.get("subject_actor_id")
        if row.get("predicate") not in PLACE_PREDICATES or not place or not actor or row.get("stance") == "denies":
            continue
        speaker = row.get("claimed_by_name") or row.get("claimed_by_role")
        key = (actor, speaker, row["predicate"], row.get("sentence"))
        groups.setdefault(key, []).append(str(place))
    board = []
    for (actor, speaker, pred, sentence), places in groups.items():
        claim = PlaceClaim(str(actor), tuple(dict.fromkeys(places)), filters=filters or Filters(), text=sentence)
        board.append(BoardEntry(str(actor), speaker, pred, sentence, check(a, claim)))
    return board
