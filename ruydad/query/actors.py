"""Actor names as the analyst writes them, matched to the names each dataset really stores.

One group goes by a full name in ACLED, an acronym in UCDP and a longer name in an extracted
article; and a dataset reuses a name when power changes hands (UCDP's "Government of <country>"
stands for one actor up to the day the government fell and another from then on).
Matching runs in two directions:

1. every distinct name in the store (per dataset and column, associated-actor lists split on ";") is
   read by the registry's resolver (:mod:`ruydad.actors.resolve`: dataset names with their dates,
   acronyms, names and aliases, "X: " prefixes and "(...)" qualifiers stripped, close spellings), which
   gives an index registry actor -> stored names, each with the dates it stands for that actor;
2. the analyst's term is read by the same resolver; the actor and the actors under it (a movement's
   government and its forces) select their stored names from the index.

A term the registry does not know matches stored names with the same normalised spelling, else the
stored names that contain it as whole words; ``=Name`` matches one stored name exactly. Every match
says how it was made, so an answer can state what it counted, and a term that matches nothing, or
several registry actors, is reported as such instead of being counted as zero.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from ruydad.query.catalog import Catalog, StoredName

MATCHED = "matched"
UNKNOWN = "unknown"
AMBIGUOUS = "ambiguous"
NO_EVENTS = "no events"


@dataclass(frozen=True)
class NameMatch:
    """One stored name a term stands for, with the dates it does (None: always)."""

    dataset: str
    name: str
    events: int
    matched_by: str
    registry_id: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None

    def label(self) -> str:
        when = ""
        if self.valid_from or self.valid_to:
            when = f", {self.valid_from or '...'}..{self.valid_to or '...'}"
        return f'"{self.name}" ({self.dataset}, {self.events} events{when})'


@dataclass(frozen=True)
class ActorTerm:
    """What one actor term of a question matched."""

    term: str
    status: str
    names: tuple[NameMatch, ...] = ()
    registry_id: str | None = None
    registry_name: str | None = None
    candidates: tuple[str, ...] = ()

    def describe(self) -> str:
        if self.status == UNKNOWN:
            return f"{self.term} -> no actor of that name in the registry or the store"
        if self.status == NO_EVENTS:
            return f"{self.term} -> {self.registry_name or self.registry_id}: none of its names is in the store"
        head = self.term if self.registry_id is None else f"{self.term} ({self.registry_id})"
        note = f" [ambiguous: {', '.join(self.candidates)}]" if self.status == AMBIGUOUS else ""
        return f"{head} -> " + ", ".join(n.label() for n in self.names) + note

    def as_dict(self) -> dict[str, Any]:
        return {"term": self.term, "status": self.status, "registry_id": self.registry_id,
                "candidates": list(self.candidates),
                "names": [{"dataset": n.dataset, "name": n.name, "events": n.events, "matched_by": n.matched_by,
                           "registry_id": n.registry_id,
                           "from": n.valid_from.isoformat() if n.valid_from else None,
                           "to": n.valid_to.isoformat() if n.valid_to else None} for n in self.names]}


@dataclass(frozen=True)
class _Reading:
    registry_id: str
    matched_by: str
    valid_from: date | None = None
    valid_to: date | None = None


def split_associated(value: str) -> list[str]:
    """ACLED lists several associated actors in one cell, separated by semicolons."""
    return [p.strip() for p in value.split(";") if p.strip()]


class ActorIndex:
    """The registry's reading of every actor name in one store (see the module docstring)."""

    def __init__(self, catalog: Catalog, resolver: Any | None) -> None:
        self.catalog = catalog
        self.resolver = resolver
        self._readings: dict[tuple[str, str], list[_Reading]] = {}
        self._events: dict[tuple[str, str], int] = {}
        for stored in catalog.names:
            parts = split_associated(stored.name) if stored.column.startswith("assoc") else [stored.name]
            for part in parts:
                key = (stored.dataset, part)
                self._events[key] = self._events.get(key, 0) + stored.events
                if key not in self._readings:
                    self._readings[key] = self._read(stored.dataset, part)

    def _read(self, dataset: str, name: str) -> list[_Reading]:
        if self.resolver is None:
            return []
        # the resolver's index of dataset names (one entry per name an actor has in a dataset)
        actors = {a.id: a for ds, a in self.resolver.by_dataset_name.get(name.casefold(), []) if ds == dataset}
        dated = [
            _Reading(actor.id, "dataset name", dn.valid_from, dn.valid_to)
            for actor in actors.values() for dn in actor.dataset_names
            if dn.dataset == dataset and dn.name.casefold() == name.casefold()
            and (dn.valid_from is not None or dn.valid_to is not None)
        ]
        if dated:
            return dated
        match = self.resolver.resolve(name, dataset=dataset)
        if match is None:
            return []
        return [_Reading(match.actor_id, match.method.replace("_", " "))]

    # -- what the store holds ------------------------------------------------------------------

    def unmatched(self) -> list[tuple[str, str, int]]:
        """(dataset, name, events) of stored names no registry actor claims, most frequent first."""
        rows = [(ds, name, self._events[(ds, name)]) for (ds, name), r in self._readings.items() if not r]
        return sorted(rows, key=lambda r: (-r[2], r[0], r[1]))

    def registry_of(self, dataset: str, name: str, on: date | None = None) -> list[str]:
        """The registry actors a stored name stands for (on a day, when given)."""
        return [r.registry_id for r in self._readings.get((dataset, name), [])
                if on is None or ((r.valid_from is None or r.valid_from <= on)
                                  and (r.valid_to is None or on <= r.valid_to))]

    # -- terms -------------------------------------------------------------------------------

    def match(self, term: str) -> ActorTerm:
        term = term.strip()
        if term.startswith("="):
            exact = term[1:].strip().casefold()
            names = self._names(lambda ds, n: n.casefold() == exact, "exact")
            return ActorTerm(term, MATCHED if names else UNKNOWN, names)
        found = self._registry_actor(term)
        if found is not None and not found.alternatives:
            return self._registry_term(term, found)
        key = _normal(term)
        names = self._names(lambda ds, n: _normal(n) == key, "name")
        if not names and len(key) >= 3:
            words = re.compile(rf"(?<!\w){re.escape(key)}(?!\w)")
            names = self._names(lambda ds, n: bool(words.search(_normal(n))), "words")
        if found is not None:  # a dataset name the registry gives to several actors by date
            candidates = (found.actor_id, *found.alternatives)
            return ActorTerm(term, AMBIGUOUS if names else UNKNOWN, names, candidates=candidates)
        return ActorTerm(term, MATCHED if names else UNKNOWN, names)

    def _registry_actor(self, term: str) -> Any | None:
        return None if self.resolver is None else _resolve(self.resolver, term)

    def _registry_term(self, term: str, found: Any) -> ActorTerm:
        assert self.resolver is not None  # a registry actor was found through it
        registry = self.resolver.registry
        ids, todo = [found.actor_id], [found.actor_id]
        while todo:
            for child in registry.children(todo.pop()):
                ids.append(child.id)
                todo.append(child.id)
        wanted = set(ids)
        names = []
        for (ds, name), readings in self._readings.items():
            for r in readings:
                if r.registry_id in wanted:
                    names.append(NameMatch(ds, name, self._events[(ds, name)], r.matched_by, r.registry_id,
                                           r.valid_from, r.valid_to))
        names.sort(key=lambda n: (n.dataset, -n.events, n.name))
        status = MATCHED if names else NO_EVENTS
        return ActorTerm(term, status, tuple(names), found.actor_id, found.actor.name)

    def _names(self, keep: Any, how: str) -> tuple[NameMatch, ...]:
        found = [NameMatch(ds, n, self._events[(ds, n)], how) for (ds, n) in self._readings if keep(ds, n)]
        return tuple(sorted(found, key=lambda m: (m.dataset, -m.events, m.name)))

    def stored_values(self, names: Iterable[NameMatch], column: str) -> list[StoredName]:
        """The raw values of ``column`` that hold any of ``names`` (an associated-actor cell holds
        several names, so its raw value is kept whole)."""
        wanted = {(n.dataset, n.name) for n in names}
        rows = self.catalog.in_column(column)
        if column.startswith("assoc"):
            return [s for s in rows if any((s.dataset, p) in wanted for p in split_associated(s.name))]
        return [s for s in rows if (s.dataset, s.name) in wanted]


def _resolve(resolver: Any, name: str, **options: Any) -> Any | None:
    """The registry's reading of a name typed by a person: acronyms are case-sensitive in the
    registry ("IS" is not "is"), so a short all-letter word that matches nothing is tried in capitals
    ("nrf" -> NRF)."""
    found = resolver.resolve(name, **options)
    if found is None and name.isalpha() and len(name) <= 6 and name != name.upper():
        found = resolver.resolve(name.upper(), **options)
    return found


def _normal(text: str) -> str:
    from ruydad.actors.registry import normalize_name

    return normalize_name(text)


@dataclass(frozen=True)
class NameReading:
    """Which registry actor a name, as a dataset or the press writes it, means on a day."""

    name: str
    status: str
    registry_id: str | None = None
    registry_name: str | None = None
    matched_by: str | None = None
    candidates: tuple[str, ...] = ()
    on: date | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "status": self.status, "registry_id": self.registry_id,
                "registry_name": self.registry_name, "matched_by": self.matched_by,
                "candidates": list(self.candidates), "on": self.on.isoformat() if self.on else None}


def read_name(name: str, resolver: Any, on: date | None = None, dataset: str | None = None) -> NameReading:
    """The registry's reading of one name: the actor (how it was matched), or unknown, or ambiguous
    when the name stands for several actors and no day tells them apart (UCDP's "Government of
    <country>" is one state before a change of power and another after)."""
    found = _resolve(resolver, name, on=on, dataset=dataset)
    if found is None:
        return NameReading(name, UNKNOWN, on=on)
    candidates = (found.actor_id, *found.alternatives)
    if found.alternatives and on is None:
        return NameReading(name, AMBIGUOUS, matched_by=found.method.replace("_", " "), candidates=candidates)
    return NameReading(name, MATCHED, found.actor_id, found.actor.name, found.method.replace("_", " "),
                       candidates=candidates if found.alternatives else (), on=on)
