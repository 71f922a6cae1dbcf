"""Contradictions between claims, found so that they can be shown side by side, not resolved.

Three kinds, each on claims about the same subject:

- ``stance``: same predicate and object, one asserts and one denies (a front says it is active in a
  province; an official of its enemy says nobody there has heard of it). A denial without an object is a
  blanket one ("controls no territory") and meets every assertion of the predicate;
- ``value``: a functional predicate (one value at a time) asserted with different values
  (bases "mobile" and "permanent");
- ``incompatible``: two predicates that cannot both hold between the same two actors, both
  asserted (``no_relation_with`` and ``cooperates_with``).

Symmetric predicates are compared in both directions: "A allied with B" meets "B allied with A".
Nothing here decides who is right; a conflict is a pair of claims to read together.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from ruydad.actors.claims import ASSERTS, INCOMPATIBLE, PREDICATES, Claim, ObjectKind


@dataclass(frozen=True)
class Conflict:
    kind: str
    subject_key: str
    predicates: tuple[str, ...]
    object_key: str | None
    claims: tuple[Claim, ...]
    explanation: str

    def as_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "subject_key": self.subject_key, "predicates": list(self.predicates),
                "object_key": self.object_key, "claim_ids": [c.id for c in self.claims],
                "explanation": self.explanation}


def _pair_key(claim: Claim) -> tuple[str, str | None]:
    """(subject, object) with symmetric predicates put in a fixed order."""
    subject, obj = claim.subject_key, claim.object_key
    spec = PREDICATES.get(claim.predicate)
    if spec is not None and spec.symmetric and obj is not None and obj < subject:
        return obj, subject
    return subject, obj


def _who(claim: Claim) -> str:
    return claim.claimed_by_name or claim.claimed_by_actor_id or "unattributed"


def _takes_place_or_actor(pred: str) -> bool:
    spec = PREDICATES.get(pred)
    return spec is not None and spec.object_kind in (ObjectKind.actor, ObjectKind.place)


def _stance_conflicts(claims: list[Claim]) -> list[Conflict]:
    groups: dict[tuple[str, str, str | None], list[Claim]] = {}
    for claim in claims:
        subject, obj = _pair_key(claim)
        groups.setdefault((subject, claim.predicate, obj), []).append(claim)
    blanket = {(subject, pred): [c for c in group if c.stance != ASSERTS]
               for (subject, pred, obj), group in groups.items() if obj is None}
    found = []
    for (subject, pred, obj), group in groups.items():
        asserted = [c for c in group if c.stance == ASSERTS]
        denied = [c for c in group if c.stance != ASSERTS]
        if obj is not None and _takes_place_or_actor(pred):
            denied += blanket.get((subject, pred), [])
        if asserted and denied:
            asserters, deniers = sorted({_who(c) for c in asserted}), sorted({_who(c) for c in denied})
            found.append(Conflict(
                "stance", subject, (pred,), obj, tuple(asserted + denied),
                f"{', '.join(asserters)} assert{'s' if len(asserters) == 1 else ''} {pred}; "
                f"{', '.join(deniers)} den{'ies' if len(deniers) == 1 else 'y'} it"))
    return found


def _value_conflicts(claims: list[Claim]) -> list[Conflict]:
    groups: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        spec = PREDICATES.get(claim.predicate)
        if spec is not None and spec.functional and claim.stance == ASSERTS and claim.object_value:
            groups.setdefault((claim.subject_key, claim.predicate), []).append(claim)
    found = []
    for (subject, pred), group in groups.items():
        values = sorted({c.object_value.casefold() for c in group if c.object_value})
        if len(values) > 1:
            found.append(Conflict("value", subject, (pred,), None, tuple(group),
                                  f"{pred} has {len(values)} different values: {', '.join(values)}"))
    return found


def _incompatible_conflicts(claims: list[Claim]) -> list[Conflict]:
    by_pair: dict[tuple[str, str | None], list[Claim]] = {}
    for claim in claims:
        if claim.stance == ASSERTS and claim.object_key is not None:
            by_pair.setdefault(tuple(sorted((claim.subject_key, claim.object_key))), []).append(claim)  # type: ignore[arg-type]
    found = []
    for (first, second), group in by_pair.items():
        for left, right in combinations(group, 2):
            if frozenset((left.predicate, right.predicate)) not in INCOMPATIBLE:
                continue
            if not (_holds_between(left, right) or _holds_between(right, left)):
                continue
            found.append(Conflict(
                "incompatible", left.subject_key, (left.predicate, right.predicate), left.object_key,
                (left, right), f"{left.predicate} ({_who(left)}) and {right.predicate} ({_who(right)}) "
                               f"cannot both hold between {first} and {second}"))
    return found


def _holds_between(one: Claim, other: Claim) -> bool:
    """Same direction, or opposite direction where either predicate is symmetric."""
    if one.subject_key == other.subject_key and one.object_key == other.object_key:
        return True
    symmetric = any(PREDICATES[c.predicate].symmetric for c in (one, other) if c.predicate in PREDICATES)
    return symmetric and one.subject_key == other.object_key and one.object_key == other.subject_key


def find_conflicts(claims: Iterable[Claim]) -> list[Conflict]:
    """Every stance, value and incompatibility conflict among ``claims``."""
    listed = list(claims)
    return _stance_conflicts(listed) + _value_conflicts(listed) + _incompatible_conflicts(listed)
