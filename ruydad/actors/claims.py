"""Claims: who said what about whom, when, and where it was said, kept as claims, never as facts.

A claim has a subject (an actor), a predicate from :data:`PREDICATES`, an object (an actor, a
place, a value, or nothing), a stance (``asserts`` or ``denies``), the person or actor who made it,
the day it was made, and the document and sentence it comes from, with character offsets into that
document's text. Denial is a stance, not a predicate: "the government says the front holds no
ground" is ``front controls <province>`` with stance ``denies`` and the government as the claimant,
so it meets the front's own claim on the same key and the two are shown side by side (see
:mod:`.conflicts`).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, replace
from datetime import date
from enum import Enum
from typing import Any

from ruydad.errors import InputError

ASSERTS = "asserts"
DENIES = "denies"
STANCES = (ASSERTS, DENIES)


class ObjectKind(str, Enum):
    actor = "actor"
    place = "place"
    value = "value"
    none = "none"


@dataclass(frozen=True)
class Predicate:
    """One verb of the claims vocabulary.

    ``symmetric``: A-B is B-A (alliances, fighting). ``functional``: a subject has one value at a time,
    so two different asserted values conflict (a base is mobile or permanent). ``relation``: how the
    relations graph draws it (alliance, hostility, separation, hierarchy), None when it is no edge.
    """

    name: str
    object_kind: ObjectKind
    description: str
    symmetric: bool = False
    functional: bool = False
    relation: str | None = None


def _p(name: str, kind: ObjectKind, description: str, **flags: Any) -> Predicate:
    return Predicate(name, kind, description, **flags)


A, P, V, N = ObjectKind.actor, ObjectKind.place, ObjectKind.value, ObjectKind.none
PREDICATES: dict[str, Predicate] = {p.name: p for p in (
    _p("operates_in", P, "has forces active in a place"),
    _p("controls", P, "holds territory: the place, or (no place) any at all"),
    _p("has_base", P, "has a base in a place, or (no place) bases at all"),
    _p("base_type", V, "what its bases are like: permanent, mobile", functional=True),
    _p("active", N, "exists as an active armed force"),
    _p("fights", A, "is in armed conflict with", symmetric=True, relation="hostility"),
    _p("targets", A, "attacks or singles out (a group of people)", relation="hostility"),
    _p("allied_with", A, "is allied with, has close ties with", symmetric=True, relation="alliance"),
    _p("cooperates_with", A, "works with, helps or offers to work with", relation="alliance"),
    _p("supports", A, "gives support (arms, money, shelter) to", relation="alliance"),
    _p("shares_supply_chain_with", A, "draws on the same supply chain as", symmetric=True,
       relation="alliance"),
    _p("no_relation_with", A, "has no relation with", symmetric=True, relation="separation"),
    _p("commanded_by", A, "is under the command of", relation="hierarchy"),
    _p("member_of", A, "is part of", relation="hierarchy"),
    _p("led_by", V, "is led by (a person)"),
    _p("founded_on", V, "was founded on (a date)", functional=True),
    _p("goal", V, "fights for (an aim)"),
    _p("strength", V, "numbers, reach or capability"),
    _p("composition", V, "who its members are"),
    _p("tactic", V, "how it fights"),
)}

INCOMPATIBLE: frozenset[frozenset[str]] = frozenset(
    frozenset(pair) for pair in (
        ("no_relation_with", "allied_with"), ("no_relation_with", "cooperates_with"),
        ("no_relation_with", "supports"), ("no_relation_with", "shares_supply_chain_with"),
        ("no_relation_with", "commanded_by"), ("fights", "allied_with"),
    )
)
"""Predicate pairs that cannot both hold, asserted, between the same two actors."""


def predicate(name: str) -> Predicate:
    """The vocabulary entry for ``name``; an unknown predicate is an error listing the known ones."""
    try:
        return PREDICATES[name]
    except KeyError:
        raise InputError(f"unknown predicate {name!r}; use one of: {', '.join(PREDICATES)}") from None


@dataclass(frozen=True)
class Document:
    """A source document whose text claims point into (by character offsets)."""

    id: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    language: str | None = "en"
    text_sha256: str | None = None
    text_chars: int | None = None
    path: str | None = None
    theatre: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Claim:
    """One claim with its provenance. ``start_char``/``end_char`` slice ``sentence`` out of the
    document's text. ``claimed_by_*`` is who made the claim (the person, their role, their actor);
    the outlet that printed it is the document's."""

    subject_text: str
    predicate: str
    stance: str = ASSERTS
    subject_actor_id: str | None = None
    object_actor_id: str | None = None
    object_text: str | None = None
    object_place_code: str | None = None
    object_place_pcode: str | None = None
    object_value: str | None = None
    claimed_by_name: str | None = None
    claimed_by_role: str | None = None
    claimed_by_actor_id: str | None = None
    claimed_on: date | None = None
    document_id: str | None = None
    sentence: str | None = None
    start_char: int | None = None
    end_char: int | None = None
    theatre: str | None = None
    origin: str = "manual"
    note: str | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", claim_id(self))

    @property
    def subject_key(self) -> str:
        return self.subject_actor_id or f"text:{self.subject_text.casefold()}"

    @property
    def object_key(self) -> str | None:
        """What the claim is about besides its subject: an actor, a place, a value, or nothing.

        Values of a functional predicate are left out on purpose: "bases are mobile" and "bases are
        permanent" are about the same thing, and disagree.
        """
        spec = PREDICATES.get(self.predicate)
        kind = spec.object_kind if spec else ObjectKind.value
        if kind is ObjectKind.actor:
            return self.object_actor_id or (f"text:{self.object_text.casefold()}" if self.object_text else None)
        if kind is ObjectKind.place:
            return (self.object_place_pcode or self.object_place_code
                    or (f"text:{self.object_text.casefold()}" if self.object_text else None))
        if kind is ObjectKind.value and not (spec and spec.functional):
            return (self.object_value or "").casefold() or None
        return None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def claim_id(claim: Claim) -> str:
    """A stable id from what makes a claim itself: where it was said and what it says."""
    parts = [claim.document_id, claim.start_char, claim.end_char, claim.subject_actor_id or claim.subject_text,
             claim.predicate, claim.object_actor_id, claim.object_place_pcode or claim.object_place_code,
             claim.object_text, claim.object_value, claim.stance, claim.claimed_by_name]
    digest = hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode()).hexdigest()
    return f"c-{digest[:16]}"


def validate_claim(claim: Claim, text: str | None = None) -> Claim:
    """The claim if it is well formed; otherwise an InputError saying what is missing.

    With the document's ``text``, the offsets must slice exactly the claim's sentence.
    """
    where = f"claim {claim.id}"
    spec = predicate(claim.predicate)
    if claim.stance not in STANCES:
        raise InputError(f"{where}: stance must be 'asserts' or 'denies', not {claim.stance!r}")
    missing = {
        ObjectKind.actor: not (claim.object_actor_id or claim.object_text),
        ObjectKind.value: not claim.object_value,
        ObjectKind.place: False,
        ObjectKind.none: False,
    }[spec.object_kind]
    if missing:
        raise InputError(f"{where}: predicate {spec.name!r} needs an {spec.object_kind.value} object")
    if (claim.start_char is None) != (claim.end_char is None):
        raise InputError(f"{where}: give both start_char and end_char, or neither")
    if claim.start_char is not None and claim.end_char is not None:
        if not 0 <= claim.start_char < claim.end_char:
            raise InputError(f"{where}: offsets {claim.start_char}..{claim.end_char} are not a span")
        if text is not None and text[claim.start_char:claim.end_char] != claim.sentence:
            raise InputError(f"{where}: text[{claim.start_char}:{claim.end_char}] is not the claim's sentence; "
                             "fix the offsets (they are Python string indices into the document text)")
    return claim


def with_offsets(claim: Claim, text: str) -> Claim:
    """The claim with offsets found by locating its sentence in ``text`` (first occurrence)."""
    if not claim.sentence:
        raise InputError(f"claim {claim.id}: no sentence to locate")
    start = text.find(claim.sentence)
    if start < 0:
        raise InputError(f"claim {claim.id}: its sentence is not in the document text: {claim.sentence[:60]!r}")
    return replace(claim, start_char=start, end_char=start + len(claim.sentence), id="")


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
