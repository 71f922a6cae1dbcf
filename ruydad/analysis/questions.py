"""Questions the faces ask in one call: ``ruydad check`` and ``ruydad compare`` as Python functions.

Why: the command line used to choose which claim to build from its options, and reached into a
private helper of :mod:`ruydad.analysis.claims` to narrow a comparison to infighting or cross-border
events. That choice is analysis, not presentation; here it is public, so the CLI, the HTTP API
and a notebook make the same call and get the same answer.
"""

from __future__ import annotations

from datetime import date

from ruydad.analysis.claims import (
    Claim,
    MostInClaim,
    PlaceClaim,
    Verdict,
    _kind_filters,
    check,
    check_text,
    stored_claim,
)
from ruydad.analysis.core import Analysis, PeriodComparison
from ruydad.errors import InputError
from ruydad.query import Filters, Period


def check_question(a: Analysis, base: Filters, *, text: str | None = None, claim_id: str | None = None,
                   most_in: str | None = None, places: str | None = None, periods: list[str] | None = None,
                   published: date | str | None = None, tolerance: float = 0.1) -> Verdict:
    """Hold a claim against the events, the claim given in one of four ways, tried in this order:

    - ``claim_id``: a claim stored in the claims table;
    - ``most_in`` (comma-separated places): most of the events that pass ``base`` are there;
    - ``places`` (comma-separated): ``base.actor`` is active there (the actor is the claim's subject,
      not a filter on the events);
    - ``text``: a claim in words, read with ``periods`` (two: the rate ratio's A and B) and
      ``published`` (what "this year" means)."""
    claim: Claim | None = None
    if claim_id is not None:
        claim = stored_claim(a, claim_id)
    elif most_in:
        names = tuple(p.strip() for p in most_in.split(",") if p.strip())
        claim = MostInClaim(names, base, text=f"most events ({base.describe()}) in {most_in}")
    elif places:
        if not base.actor:
            raise InputError("a place claim needs --actor")
        claim = PlaceClaim(base.actor, tuple(p.strip() for p in places.split(",") if p.strip()),
                           filters=base.but(actor=None), text=f"{base.actor} active in {places}")
    elif not text:
        raise InputError("give a claim in words, --places with --actor, or --claim-id")
    if claim is not None:
        return check(a, claim, tolerance=tolerance)
    return check_text(a, text or "", periods=periods, base=base, published=published, tolerance=tolerance)


def compare_kind(a: Analysis, period_a: Period | str, period_b: Period | str, filters: Filters,
                 kind: str = "events") -> PeriodComparison:
    """:meth:`Analysis.compare` over one kind of event: ``events`` (all that pass ``filters``),
    ``infighting`` (both sides of one actor family) or ``cross_border`` (foreign state forces)."""
    return a.compare(period_a, period_b, _kind_filters(a, filters, kind))
