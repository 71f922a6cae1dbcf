"""Claims and quoted figures held against the events: a verdict, the figure, the events, and why.

Four kinds of claim:

- :class:`CountClaim`: "up to 300 clashes involving the NRF in the first half of 2022". The
  measure is events (optionally of one kind: infighting, cross-border, emerging groups),
  fatalities, or provinces (distinct admin1 with events).
- :class:`RatioClaim`: "a rate nearly quadruple that of the period before": a rate ratio B/A.
- :class:`ShareClaim`: "around 59% blamed on the Taliban": a perpetrator's share.
- :class:`PlaceClaim`: "we are fighting in Panjshir and Baghlan": places against the places where
  the actor has recorded events.

How a verdict is reached. A qualifier turns the quoted figure into the interval of true values it
allows (:data:`QUALIFIERS`): "about 300" is 270-330 (``tolerance`` 10%), "nearly 4" is 3.6-4,
"at least 59" is 59 or more, "over 40" is more than 40, "up to 300" is 150-300 (a figure quoted
as a maximum is expected to be near it: ``up_to_floor`` 0.5). A count is *supported* when the
computed figure falls in that interval and *contradicted* when it does not. A ratio or share is
supported when the claimed interval overlaps the computed 95% confidence interval (so sampling
noise in small counts does not contradict a claim) and contradicted when they are disjoint. The
verdict is *not enough data* when the store holds no events at all for the claim's period and
place (or for its dataset, when the claim names one), or when the computed figure has no interval.
A verdict is about the events in this store: the reason always says which datasets it holds.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import ibis.expr.types as ir
import pyarrow as pa

from ruydad.analysis.core import Analysis, foreign_state, may_be_foreign
from ruydad.analysis.filters import Filters, Period
from ruydad.analysis.results import fetch_events
from ruydad.errors import InputError

SUPPORTED = "supported"
CONTRADICTED = "contradicted"
NOT_ENOUGH_DATA = "not enough data"

QUALIFIERS: dict[str, str] = {
    "": "about", "exactly": "exact", "about": "about", "around": "about", "approximately": "about",
    "roughly": "about", "some": "about", "an estimated": "about", "nearly": "nearly", "almost": "nearly",
    "close to": "nearly", "just under": "nearly", "at least": "at_least", "no fewer than": "at_least",
    "over": "over", "more than": "over", "above": "over", "in excess of": "over", "up to": "up_to",
    "as many as": "up_to", "at most": "at_most", "no more than": "at_most", "fewer than": "under",
    "less than": "under", "under": "under", "below": "under",
}
"""Qualifier as written -> its rule (see the module docstring for each rule's interval)."""

KINDS = ("events", "infighting", "cross_border", "emerging")
MEASURES = ("events", "fatalities", "provinces", "actors")


def claimed_interval(value: float, qualifier: str, tolerance: float = 0.1,
                     up_to_floor: float = 0.5) -> tuple[float, float, bool, bool]:
    """(low, high, low_open, high_open): the true values a quoted figure allows."""
    rule = QUALIFIERS.get(qualifier.strip().lower())
    if rule is None:
        raise InputError(f"unknown qualifier {qualifier!r}; known: {', '.join(q for q in QUALIFIERS if q)}")
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
    value: float
    """A share between 0 and 1."""
    perpetrator: str
    qualifier: str = ""
    filters: Filters = field(default_factory=Filters)
    text: str | None = None


@dataclass(frozen=True)
class PlaceClaim:
    actor: str
    places: tuple[str, ...]
    level: str = "admin1"
    filters: Filters = field(default_factory=Filters)
    text: str | None = None


@dataclass(frozen=True)
class MostInClaim:
    """"Most of these engagements took place in Baghlan and Panjshir": the named places together hold
    more than half of the events that pass ``filters``."""

    places: tuple[str, ...]
    filters: Filters = field(default_factory=Filters)
    text: str | None = None


Claim = CountClaim | RatioClaim | ShareClaim | PlaceClaim | MostInClaim


@dataclass
class Verdict:
    """The verdict, the computed figure beside the claimed one, the reason, and the events."""

    verdict: str
    claim: str
    claimed: str
    figure: Any
    reason: str
    details: dict[str, Any]
    expr: ir.Table | None = field(default=None, repr=False)

    def events(self, limit: int | None = None) -> pa.Table:
        if self.expr is None:
            return pa.table({})
        return fetch_events(self.expr, limit=limit)

    def as_dict(self) -> dict[str, Any]:
        return {"verdict": self.verdict, "claim": self.claim, "claimed": self.claimed, "figure": self.figure,
                "reason": self.reason, "details": self.details}


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
    if kind in ("events", "emerging"):
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
    interval = claimed_interval(c.value, c.qualifier, tolerance, up_to_floor)
    claimed = f"{c.qualifier + ' ' if c.qualifier else ''}{c.value:g} {c.measure} ({_describe(interval)})"
    coverage = a.coverage(c.filters)
    details: dict[str, Any] = {"filters": c.filters.as_dict(), "kind": c.kind, "coverage": coverage}
    if coverage["events"] == 0:
        return Verdict(NOT_ENOUGH_DATA, _label(c), claimed, None,
                       f"no events at all in the store for {c.filters.describe()}{_other_datasets(a, c)}", details)
    if c.kind == "emerging":
        period = Period(c.filters.date_from or coverage["first"], c.filters.date_to or coverage["last"])
        emerging = a.emerging_actors(period, c.filters.but(date_from=None, date_to=None))
        figure: float = emerging.summary["emerging_actors"] if c.measure == "actors" else emerging.summary["events"]
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
    ok = _inside(figure, interval)
    why = (f"the store records {figure:g} {c.measure} for {c.filters.describe()}"
           f"{'' if c.kind == 'events' else f' ({c.kind})'}, "
           f"{'inside' if ok else 'outside'} the claimed range {_describe(interval)}; {_coverage_note(coverage)}")
    return Verdict(SUPPORTED if ok else CONTRADICTED, _label(c), claimed, figure, why, details, expr)


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
        return Verdict(NOT_ENOUGH_DATA, _label(c), claimed, None,
                       f"no events in either period for {c.filters.describe()} ({c.kind})", details, cmp.expr_b)
    ok = _overlap(interval, r.ci_low, r.ci_high)
    why = (f"{r.count_a} events in {c.period_a} ({cmp.rate_a_per_30_days:.2f} per 30 days) and {r.count_b} in "
           f"{c.period_b} ({cmp.rate_b_per_30_days:.2f}): ratio {r.ratio:.2f}, 95% CI {r.ci_low:.2f} to "
           f"{r.ci_high:.2f} ({r.test}, p={r.p_value:.3g}); the claimed range {_describe(interval)} "
           f"{'overlaps' if ok else 'lies outside'} the interval")
    return Verdict(SUPPORTED if ok else CONTRADICTED, _label(c), claimed, r.ratio, why, details, cmp.expr_b)


def _check_share(a: Analysis, c: ShareClaim, tolerance: float) -> Verdict:
    interval = claimed_interval(c.value, c.qualifier, tolerance)
    claimed = f"{c.qualifier + ' ' if c.qualifier else ''}{c.value:.0%} by {c.perpetrator}"
    att = a.attribution(c.filters, of=c.perpetrator)
    s = att.summary
    details = {"summary": s, "filters": c.filters.as_dict()}
    if not s["total_events"] or s.get("of_ci_low") is None:
        return Verdict(NOT_ENOUGH_DATA, _label(c), claimed, None, f"no events for {c.filters.describe()}", details)
    ok = _overlap(interval, s["of_ci_low"], s["of_ci_high"])
    why = (f"{s['of_events']} of {s['total_events']} events ({s['of_share']:.0%}, Wilson 95% CI "
           f"{s['of_ci_low']:.0%} to {s['of_ci_high']:.0%}) have {c.perpetrator} as perpetrator; "
           f"{s['unidentified_events']} have no identified perpetrator (share of identified: "
           f"{(s['of_share_of_identified'] or 0):.0%}); the claimed range {_describe(interval)} "
           f"{'overlaps' if ok else 'lies outside'} the interval")
    return Verdict(SUPPORTED if ok else CONTRADICTED, _label(c), claimed, s["of_share"], why, details,
                   att.events_expr())


def _check_most_in(a: Analysis, c: MostInClaim) -> Verdict:
    """Supported when the places' share of the events is above one half, contradicted when it is not;
    the Wilson 95% interval of the share is given beside it."""
    from ruydad.analysis.statistics import wilson_interval

    labels = [_place_label(a, p) for p in c.places]
    claimed = f"most events in {', '.join(labels)} (share > 50%)"
    total = a.count(c.filters)
    if total.events_count == 0:
        return Verdict(NOT_ENOUGH_DATA, _label(c), claimed, None, f"no events for {c.filters.describe()}",
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
        return Verdict(NOT_ENOUGH_DATA, _label(c), claimed, {_place_label(a, p): 0 for p in c.places},
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


# -- reading a claim written on the command line -------------------------------------------------

_NUMBER_WORDS = {"double": 2.0, "twice": 2.0, "triple": 3.0, "treble": 3.0, "quadruple": 4.0, "quintuple": 5.0,
                 "half": 0.5}
_UNITS: dict[str, tuple[str, str | None]] = {
    "clashes": ("events", "Battles"), "clash": ("events", "Battles"), "battles": ("events", "Battles"),
    "engagements": ("events", "Battles"), "attacks": ("events", None), "events": ("events", None),
    "incidents": ("events", None), "fatalities": ("fatalities", None), "deaths": ("fatalities", None),
    "killed": ("fatalities", None), "provinces": ("provinces", None), "groups": ("actors", None),
}
_STOP = {"in", "by", "involving", "with", "the", "of", "during", "between", "and", "reported", "recorded",
         "other", "armed", "a", "rate", "that", "blamed", "on", "attributed", "to", "were", "have", "been",
         "since", "from", "cross-border", "infighting", "emerged", "emerging", "new", "times"}
_PERIOD = r"\d{4}(?:-\d{2}(?:-\d{2})?)?(?:[HhQq]\d)?(?:\.\.\d{4}(?:-\d{2}(?:-\d{2})?)?(?:[HhQq]\d)?)?"


def parse_claim(text: str, *, periods: list[str] | None = None, base: Filters | None = None) -> Claim:
    """A claim written in a line: "up to 300 clashes NRF 2022-01-01..2022-06-30",
    "around 59% Taliban 2021-08-15..2022-06-30" (a share of violence against civilians unless the
    filters say otherwise), "nearly quadruple infighting" with two ``periods`` (a rate ratio),
    "over 40 cross-border incidents 2022H1", "at least 9 groups emerged 2022H1".
    Anything not understood is left to the options (``base`` filters)."""
    f = base or Filters()
    s = " " + text.strip() + " "
    found_periods = re.findall(rf"(?<![\w.])({_PERIOD})(?![\w.])", s)
    for p in found_periods:
        s = s.replace(p, " ")
    period_list = [Period.parse(p) for p in (periods or [])] + [Period.parse(p) for p in found_periods]
    kind = "events"
    lowered = s.lower()
    if "infighting" in lowered:
        kind = "infighting"
    elif "cross-border" in lowered or "cross border" in lowered:
        kind = "cross_border"
    elif "emerged" in lowered or "emerging" in lowered or "new groups" in lowered:
        kind = "emerging"
    qualifier = ""
    for q in sorted((q for q in QUALIFIERS if q), key=len, reverse=True):
        if re.search(rf"\b{re.escape(q)}\b", lowered):
            qualifier = q
            lowered = re.sub(rf"\b{re.escape(q)}\b", " ", lowered, count=1)
            break
    ratio_word = next((w for w in _NUMBER_WORDS if re.search(rf"\b{w}\b", lowered)), None)
    number = re.search(r"(\d[\d,]*(?:\.\d+)?)\s*(%|percent\b|times\b|x\b)?", lowered)
    if number is None and ratio_word is None:
        raise InputError(f"no figure found in {text!r}: write e.g. 'up to 300 clashes NRF 2022H1'")
    words = re.findall(r"[\w\-]+", re.sub(r"\d[\d,]*(?:\.\d+)?\s*(%|percent\b|times\b|x\b)?", " ", lowered))
    unit = next((w for w in words if w in _UNITS), "events")
    measure, event_type = _UNITS.get(unit, ("events", None))
    original_words = re.findall(r"[\w\-]+", s)
    # "... per ACLED": the figure's source dataset, held against that dataset's events only.
    datasets = _dataset_names()
    named = [w.lower() for w in original_words if w.lower() in datasets]
    if named and not f.dataset:
        f = f.but(dataset=named[0])
    original_words = [w for w in original_words if w.lower() not in datasets and w.lower() not in ("per", "according")]
    actor_words = [w for w in original_words if w.lower() not in _STOP and w.lower() not in _UNITS
                   and w.lower() not in _NUMBER_WORDS and not re.fullmatch(r"[\d,.%]+", w)
                   and w.lower() not in " ".join(QUALIFIERS).split() and w.lower() not in ("percent", "x")]
    actor = " ".join(actor_words) or None
    if event_type and not f.event_type:
        f = f.but(event_type=event_type)
    if len(period_list) == 1 and not (f.date_from or f.date_to):
        f = f.with_period(period_list[0])
    if ratio_word or (number and number.group(2) in ("times", "x")):
        value = _NUMBER_WORDS[ratio_word] if ratio_word else float(number.group(1).replace(",", ""))  # type: ignore[union-attr]
        if len(period_list) != 2:
            raise InputError("a rate ratio needs two periods: --period A --period B (A is the baseline)")
        if actor and not f.actor:
            f = f.but(actor=actor)
        return RatioClaim(value, period_list[0], period_list[1], qualifier, kind, f, text)
    assert number is not None
    value = float(number.group(1).replace(",", ""))
    if number.group(2) in ("%", "percent"):
        if not actor:
            raise InputError("a share claim names who the events are blamed on: 'around 59% Taliban'")
        if not (f.event_type or f.civilian_targeting):
            f = f.but(civilian_targeting=True)
        return ShareClaim(value / 100, actor, qualifier, f, text)
    if actor and not f.actor:
        f = f.but(actor=actor)
    if kind == "emerging" and measure == "events" and unit != "clashes":
        measure = "actors"
    if kind == "emerging" and not f.actor_category:
        f = f.but(violent=True)
    return CountClaim(value, qualifier, measure, kind, f, text)


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
    measure = getattr(stat, "measure", None) or _UNITS.get(unit, ("events", None))[0]
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
