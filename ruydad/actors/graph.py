"""Alliances and hostilities as a graph, drawn from claims, with the claims on its edges.

Nodes are actor ids (or ``text:<name>`` for an object the registry could not resolve). There is
one directed edge per (subject, object, predicate, stance), keyed ``"<predicate>:<stance>"``, whose
``claims`` attribute lists every claim behind it, so a reader can always go from "A is allied with B"
to who said so, where. A denied alliance stays an edge with ``stance="denies"``: the graph records
what was claimed; callers choose which stances to draw.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from ruydad.actors.claims import PREDICATES, Claim
from ruydad.actors.registry import Registry


def relations_graph(claims: Iterable[Claim], registry: Registry | None = None) -> nx.MultiDiGraph:
    """A MultiDiGraph of actor-to-actor claims (predicates with a ``relation``)."""
    graph = nx.MultiDiGraph()
    for claim in claims:
        spec = PREDICATES.get(claim.predicate)
        if spec is None or spec.relation is None or claim.object_key is None:
            continue
        source, target = claim.subject_key, claim.object_key
        for node, text in ((source, claim.subject_text), (target, claim.object_text)):
            if node not in graph:
                graph.add_node(node, **_node_attrs(node, text, registry))
        key = f"{claim.predicate}:{claim.stance}"
        if graph.has_edge(source, target, key):
            graph.edges[source, target, key]["claims"].append(claim)
        else:
            graph.add_edge(source, target, key=key, predicate=claim.predicate, stance=claim.stance,
                           relation=spec.relation, claims=[claim])
    return graph


def _node_attrs(node: str, text: str | None, registry: Registry | None) -> dict[str, str | None]:
    if registry is not None and node in registry:
        actor = registry.get(node)
        return {"name": actor.name, "category": actor.category}
    return {"name": text or node.removeprefix("text:"), "category": None}


@dataclass(frozen=True)
class Relation:
    """One edge seen from an actor: the other actor, the predicate, its direction and the claims."""

    other: str
    other_name: str
    predicate: str
    stance: str
    relation: str
    direction: str  # "out": the actor is the subject; "in": the actor is the object
    claims: tuple[Claim, ...]


def relations_of(graph: nx.MultiDiGraph, actor_id: str) -> list[Relation]:
    """Every claimed relation touching ``actor_id``, outgoing first."""
    if actor_id not in graph:
        return []
    found = []
    for _, other, data in graph.out_edges(actor_id, data=True):
        found.append(_relation(graph, other, data, "out"))
    for other, _, data in graph.in_edges(actor_id, data=True):
        found.append(_relation(graph, other, data, "in"))
    return found


def _relation(graph: nx.MultiDiGraph, other: str, data: dict[str, object], direction: str) -> Relation:
    claims = data["claims"]
    assert isinstance(claims, list)
    return Relation(other, str(graph.nodes[other].get("name") or other), str(data["predicate"]),
                    str(data["stance"]), str(data["relation"]), direction, tuple(claims))
