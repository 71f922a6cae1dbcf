"""Claims round-trip through a real DuckDB store with their provenance."""

from __future__ import annotations

from datetime import date

import pytest

from ruydad.actors import (
    Claim,
    candidate_actors,
    candidates_table,
    claims_table,
    load_claims,
    load_seeds,
    save_candidates,
    save_claims,
    save_seed_claims,
)
from ruydad.errors import InputError


def test_migration_creates_the_claims_tables(store):
    tables = {r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"documents", "claims", "candidate_actors"} <= tables
    assert store.summary().schema_version >= 2


def test_seed_claims_round_trip_with_provenance(store):
    (seed,) = load_seeds("afghanistan")
    report = save_seed_claims(store, "afghanistan")
    assert (report.documents, report.claims) == (1, len(seed.claims))
    stored = {c.id: c for c in load_claims(store)}
    assert stored == {c.id: c for c in seed.claims}
    doc = store.con.execute("SELECT outlet, published, text_sha256 FROM documents").fetchall()
    assert doc == [("Newsweek", date(2022, 8, 30), seed.document.text_sha256)]


def test_saving_the_seed_twice_does_not_duplicate(store):
    first = save_seed_claims(store, "afghanistan")
    save_seed_claims(store, "afghanistan")
    assert claims_table(store).num_rows == first.claims


def test_claims_filter_by_actor_predicate_and_claimant(seeded_store):
    about_nrf = load_claims(seeded_store, actor="nrf")
    assert about_nrf and all("nrf" in (c.subject_actor_id, c.object_actor_id) for c in about_nrf)
    (no_relation,) = load_claims(seeded_store, actor="nrf", predicate="no_relation_with")
    assert (no_relation.subject_actor_id, no_relation.claimed_by_name) == ("watandost-front", "Zahra Sadat")
    by_taliban = load_claims(seeded_store, claimed_by="taliban")
    assert {c.claimed_by_name for c in by_taliban} == {"Alhanafi Wardak", None}
    assert load_claims(seeded_store, actor="nrf", stance="denies")


def test_a_manual_claim_keeps_every_provenance_field(store):
    claim = Claim(subject_text="the Front", subject_actor_id="aff", predicate="base_type", object_value="mobile",
                  claimed_by_name="A. Spokesperson", claimed_by_role="spokesperson", claimed_by_actor_id="aff",
                  claimed_on=date(2022, 8, 1), document_id="doc-1", sentence="Our bases are mobile.",
                  start_char=10, end_char=31, theatre="afghanistan")
    assert claim.id.startswith("c-")
    save_claims(store, [claim])
    assert load_claims(store) == [claim]


def test_an_unknown_predicate_writes_nothing(store):
    good = Claim(subject_text="x", predicate="active")
    bad = Claim(subject_text="y", predicate="likes")
    with pytest.raises(InputError, match="unknown predicate"):
        save_claims(store, [good, bad])
    assert claims_table(store).num_rows == 0


def test_candidate_actors_are_kept_for_review(store):
    text = "The Baghlan Liberation Movement (BLM) attacked. BLM withdrew."
    assert save_candidates(store, candidate_actors(text), theatre="afghanistan", document_id="doc-1") == 1
    store.con.execute("UPDATE candidate_actors SET status = 'accepted'")
    save_candidates(store, candidate_actors(text + " BLM again."), theatre="afghanistan", document_id="doc-1")
    rows = candidates_table(store).to_pylist()
    assert len(rows) == 1
    assert (rows[0]["name"], rows[0]["acronym"], rows[0]["mentions"], rows[0]["status"]) == (
        "Baghlan Liberation Movement", "BLM", 4, "accepted")
