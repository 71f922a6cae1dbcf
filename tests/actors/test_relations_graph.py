"""Alliances and hostilities as a graph whose edges carry the claims behind them."""

from __future__ import annotations

import pytest

from ruydad.actors import load_registry, load_seeds, relations_graph, relations_of


@pytest.fixture(scope="module")
def graph():
    (seed,) = load_seeds("afghanistan")
    return relations_graph(seed.claims, load_registry("afghanistan"))


def test_edges_carry_the_claims_with_their_sentences(graph, article):
    edge = graph.edges["watandost-front", "nrf", "no_relation_with:asserts"]
    (claim,) = edge["claims"]
    assert edge["relation"] == "separation"
    assert claim.claimed_by_name == "Zahra Sadat"
    assert article[claim.start_char:claim.end_char] == claim.sentence


def test_claims_on_the_same_relation_share_one_edge(graph):
    edge = graph.edges["nrf", "iea-forces", "fights:asserts"]
    assert edge["relation"] == "hostility"
    assert {c.claimed_by_name for c in edge["claims"]} == {"Ali Maisam Nazary", "Sam Jones"}


def test_alliances_and_hostilities(graph):
    relations = {(u, v, d["relation"]) for u, v, d in graph.edges(data=True)}
    assert ("arf", "nrf", "alliance") in relations
    assert ("aff", "nrf", "alliance") in relations
    assert ("alm", "iskp", "hostility") in relations
    assert ("us-forces", "al-qaeda", "hostility") in relations


def test_denied_relations_stay_edges_marked_denied(graph):
    edge = graph.edges["hazara-militias", "nrf", "commanded_by:denies"]
    assert edge["stance"] == "denies"


def test_nodes_are_registry_actors_with_names(graph):
    assert graph.nodes["nrf"] == {"name": "National Resistance Front of Afghanistan", "category": "Rebel group"}


def test_relations_of_an_actor_in_both_directions(graph):
    relations = relations_of(graph, "nrf")
    assert {("out", "iea-forces")} <= {(r.direction, r.other) for r in relations}
    assert {("in", "watandost-front"), ("in", "arf"), ("in", "aff")} <= {(r.direction, r.other) for r in relations}
    assert relations_of(graph, "no-such-actor") == []
