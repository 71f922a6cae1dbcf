"""An actor's profile: registry facts, claimed relations, claims with their sources, and its events.

This is what ``ruydad actors show`` prints and what a web page would render; it only gathers,
it decides nothing. Events are found by the names the datasets use for the actor (with their
periods), never by a substring of its name, so a group does not pull in the rows of another group
whose name contains its own (a foreign branch named "<demonym> <group>").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from ruydad.actors.claims import Claim
from ruydad.actors.conflicts import Conflict, find_conflicts
from ruydad.actors.graph import Relation, relations_graph, relations_of
from ruydad.actors.registry import Actor, Registry, load_registry
from ruydad.actors.resolve import resolve_actor
from ruydad.actors.store import load_claims
from ruydad.query import Filters
from ruydad.store import Store
from ruydad.theatres import DEFAULT_THEATRE, TheatreLike

EVENT_COLUMNS = ["event_date", "dataset", "event_type", "sub_event_type", "actor1", "actor2", "admin1",
                 "location", "fatalities"]


def find_actor(id_or_name: str, theatre: TheatreLike = DEFAULT_THEATRE) -> Actor:
    """An actor by registry id, else by any name the resolver knows; unknown is an error."""
    registry = load_registry(theatre)
    if id_or_name in registry:
        return registry.get(id_or_name)
    match = resolve_actor(id_or_name, theatre)
    if match is not None:
        return match.actor
    return registry.get(id_or_name)  # neither an id nor a name: raises, naming the closest ids


def actor_events(store: Store, actor: Actor, limit: int | None = 20, *,
                 family: Registry | None = None) -> tuple[pa.Table, int]:
    """The actor's stored events, newest first, and how many there are in all: the events of the
    actor and the actors under it, read by the query model like ``ruydad events --actor``.

    With ``family`` (the registry), the events of its whole family count too: a movement that takes
    power has its later events recorded under its government's and forces' names.
    """
    root = family.root_of(actor.id) if family else actor
    query = store.query(Filters(actor=root.name))
    return store.events(query, limit=limit, columns=EVENT_COLUMNS), store.count_events(query)


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
