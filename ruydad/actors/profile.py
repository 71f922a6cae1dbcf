"""An actor's profile: registry facts, claimed relations, claims with their sources, and its events.

This is what ``ruydad actors show`` prints and what a web page would render; it only gathers,
it decides nothing. Events are found by the names the datasets use for the actor (with their
periods), never by a substring of its name, so "Taliban" does not pull in "Pakistani Taliban" rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pyarrow as pa

from ruydad.actors.claims import Claim
from ruydad.actors.conflicts import Conflict, find_conflicts
from ruydad.actors.graph import Relation, relations_graph, relations_of
from ruydad.actors.registry import DEFAULT_THEATRE, Actor, DatasetName, Registry, load_registry
from ruydad.actors.resolve import resolve_actor
from ruydad.actors.store import load_claims
from ruydad.store import EventFilter, Store

EVENT_COLUMNS = ["event_date", "dataset", "event_type", "sub_event_type", "actor1", "actor2", "admin1",
                 "location", "fatalities"]


def find_actor(id_or_name: str, theatre: str = DEFAULT_THEATRE) -> Actor:
    """An actor by registry id, else by any name the resolver knows; unknown is an error."""
    registry = load_registry(theatre)
    if id_or_name in registry:
        return registry.get(id_or_name)
    match = resolve_actor(id_or_name, theatre)
    if match is not None:
        return match.actor
    return registry.get(id_or_name)  # neither an id nor a name: raises, naming the closest ids


def _name_clause(name: DatasetName) -> tuple[str, list[Any]]:
    in_list = "list_contains(regexp_split_to_array(coalesce({col}, ''), '\\s*;\\s*'), ?)"
    clause = ("(dataset = ? AND (actor1 = ? OR actor2 = ? OR "
              f"{in_list.format(col='assoc_actor_1')} OR {in_list.format(col='assoc_actor_2')})")
    params: list[Any] = [name.dataset, name.name, name.name, name.name, name.name]
    if name.valid_from:
        clause += " AND event_date >= ?"
        params.append(name.valid_from)
    if name.valid_to:
        clause += " AND event_date < ?"
        params.append(name.valid_to + timedelta(days=1))
    return clause + ")", params


def actor_event_filter(*actors: Actor) -> EventFilter:
    """Events whose actor columns hold one of the actors' dataset names, within that name's period."""
    names = [n for actor in actors for n in actor.dataset_names]
    if not names:
        return EventFilter(extra=[("FALSE", [])])
    parts = [_name_clause(n) for n in names]
    clause = "(" + " OR ".join(p[0] for p in parts) + ")"
    return EventFilter(extra=[(clause, [v for p in parts for v in p[1]])])


def actor_events(store: Store, actor: Actor, limit: int | None = 20, *,
                 family: Registry | None = None) -> tuple[pa.Table, int]:
    """The actor's stored events, newest first, and how many there are in all.

    With ``family`` (the registry), the events of its whole family count too: the Taliban's events
    after August 2021 are recorded under the Islamic Emirate's names.
    """
    actors = [family.get(i) for i in sorted(family.family_of(actor.id))] if family else [actor]
    filters = actor_event_filter(*actors)
    return store.events(filters, limit=limit, columns=EVENT_COLUMNS), store.count_events(filters)


@dataclass
class ActorProfile:
    actor: Actor
    family: list[str]
    relations: list[Relation] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    events: pa.Table | None = None
    event_count: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor.as_dict(), "family": self.family,
            "relations": [{"other": r.other, "other_name": r.other_name, "predicate": r.predicate,
                           "stance": r.stance, "relation": r.relation, "direction": r.direction,
                           "claim_ids": [c.id for c in r.claims]} for r in self.relations],
            "claims": [c.as_dict() for c in self.claims],
            "conflicts": [c.as_dict() for c in self.conflicts],
            "event_count": self.event_count,
            "events": self.events.to_pylist() if self.events is not None else [],
        }


def actor_profile(actor: Actor, registry: Registry, store: Store | None, event_limit: int | None = 20, *,
                  family_events: bool = False) -> ActorProfile:
    """Everything known about an actor: the registry's facts and, with a store, claims and events."""
    profile = ActorProfile(actor, sorted(registry.family_of(actor.id)))
    if store is None:
        return profile
    about = load_claims(store, actor=actor.id)
    by_actor = load_claims(store, claimed_by=actor.id)
    profile.claims = about
    everything = {c.id: c for c in about + by_actor}
    profile.relations = relations_of(relations_graph(everything.values(), registry), actor.id)
    profile.conflicts = find_conflicts(about)
    profile.events, profile.event_count = actor_events(store, actor, event_limit,
                                                       family=registry if family_events else None)
    return profile
