"""``ruydad actors`` and ``ruydad claims`` on a real store: the same answers as the Python API."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from ruydad.cli.actors import actors_app, claims_app

runner = CliRunner()


@pytest.fixture
def db(seeded_store) -> str:
    path = seeded_store.path
    seeded_store.close()
    return path


def test_actors_list_as_json():
    result = runner.invoke(actors_app, ["list", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {r["id"]: r for r in json.loads(result.output)}
    assert rows["nrf"]["acronyms"] == "NRF"
    assert "ucdp: NRF" in rows["nrf"]["dataset_names"]


def test_actors_list_by_category():
    result = runner.invoke(actors_app, ["list", "--category", "external/other forces", "--format", "json"])
    assert {r["id"] for r in json.loads(result.output)} >= {"pakistan-forces", "iran-forces", "us-forces"}


def test_actors_show_by_acronym_with_claims_relations_and_events(db):
    # a terminal wide enough for the relations table to keep names on one line
    result = runner.invoke(actors_app, ["show", "NRF", "--db", db], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    out = result.output
    assert "National Resistance Front of Afghanistan (nrf) - Rebel group" in out
    assert "leader: Ahmad Massoud [newsweek-2022-08-30]" in out
    assert "Relations" in out and "Watandost Front" in out
    assert "conflict (stance)" in out and "nrf-active-denied-empty-name" in out
    assert "Events (9 recorded under its dataset names)" in out


def test_actors_show_as_json(db):
    result = runner.invoke(actors_app, ["show", "watandost-front", "--db", db, "--format", "json"])
    profile = json.loads(result.output)
    assert profile["actor"]["id"] == "watandost-front"
    assert {c["predicate"] for c in profile["claims"]} >= {"no_relation_with", "cooperates_with", "operates_in"}
    assert profile["conflicts"][0]["kind"] == "incompatible"
    assert profile["event_count"] == 0


def test_actors_show_events_use_dataset_names_and_their_periods(db):
    result = runner.invoke(actors_app, ["show", "ira", "--db", db, "--format", "json", "--events", "0"])
    profile = json.loads(result.output)
    dates = [e["event_date"] for e in profile["events"]]
    assert profile["event_count"] == len(dates) > 800
    assert max(dates) <= "2021-08-14" and min(dates) >= "2001-11-13"


def test_actors_show_without_a_store_shows_the_registry(tmp_path):
    result = runner.invoke(actors_app, ["show", "Daesh", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 0
    assert "Islamic State Khorasan Province (iskp)" in result.output
    assert "province of Islamic State (central) (islamic-state)" in result.output


def test_actors_show_unknown_actor_is_an_error():
    result = runner.invoke(actors_app, ["show", "Nonexistent Brigade"])
    assert result.exit_code == 1
    assert "no actor" in result.output


def test_claims_filtered_by_actor_name_and_predicate(db):
    result = runner.invoke(claims_app, ["--actor", "Watandost Front", "--predicate", "no_relation_with",
                                        "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.output)
    assert (row["claimed_by_name"], row["object_actor_id"], row["start_char"]) == ("Zahra Sadat", "nrf", 12205)


def test_claims_by_claimant(db):
    result = runner.invoke(claims_app, ["--by", "Taliban", "--db", db, "--format", "json"])
    assert {r["claimed_by_actor_id"] for r in json.loads(result.output)} == {"taliban"}


def test_claims_conflicts_shows_both_sides_with_sentences(db):
    result = runner.invoke(claims_app, ["conflicts", "--db", db])
    assert result.exit_code == 0, result.output
    assert "[denies] Alhanafi Wardak" in result.output and "an empty name" in result.output
    assert "[asserts] Ali Maisam Nazary" in result.output


def test_claims_conflicts_as_json(db):
    result = runner.invoke(claims_app, ["conflicts", "--actor", "ISIS", "--db", db, "--format", "json"])
    rows = json.loads(result.output)
    assert {r["subject_actor_id"] for r in rows} == {"iskp"}
    assert {r["stance"] for r in rows} == {"asserts", "denies"}


def test_claims_seed_command_fills_a_new_store(tmp_path):
    path = tmp_path / "new.duckdb"
    result = runner.invoke(claims_app, ["seed", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert "stored" in result.output
    listed = runner.invoke(claims_app, ["--db", str(path), "--format", "json"])
    assert len(json.loads(listed.output)) > 60


def test_claims_errors_are_one_line(tmp_path):
    missing = runner.invoke(claims_app, ["--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1 and "no store" in missing.output
    bad = runner.invoke(claims_app, ["--predicate", "likes", "--db", str(tmp_path / "none.duckdb")])
    assert bad.exit_code == 1 and "unknown predicate" in bad.output


def test_store_defaults_to_the_main_commands_choice(db, monkeypatch):
    """Without --db the apps use the store ``ruydad --db`` / ``RUYDAD_DB`` chose, as every command does."""
    import ruydad.cli

    monkeypatch.setitem(ruydad.cli._state, "db", None)  # an earlier `ruydad --db` in this process
    monkeypatch.setenv("RUYDAD_DB", db)
    result = runner.invoke(claims_app, ["--actor", "arf", "--predicate", "allied_with", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [r["claim_id"] for r in json.loads(result.output)] == ["arf-allied-with-nrf"]


def test_actors_show_family_events_follow_the_taliban_into_government(db):
    own = json.loads(runner.invoke(actors_app, ["show", "Taliban", "--db", db, "--format", "json"]).output)
    family = json.loads(runner.invoke(actors_app, ["show", "Taliban", "--db", db, "--format", "json",
                                                   "--family"]).output)
    # the Taliban and the actors under them: UCDP's 888 "Taleban" rows and, from 15 August 2021, its
    # "Government of Afghanistan" (the Taliban's state); the same events as `ruydad events --actor Taliban`
    assert own["event_count"] == 920
    assert max(e["event_date"] for e in own["events"]) >= "2021-08-15"
    assert family["event_count"] == own["event_count"]  # the Taliban are their family's root
    state = json.loads(runner.invoke(actors_app, ["show", "iea", "--db", db, "--format", "json"]).output)
    state_family = json.loads(runner.invoke(actors_app, ["show", "iea", "--db", db, "--format", "json",
                                                         "--family"]).output)
    assert 0 < state["event_count"] < own["event_count"]  # the state's events since 15 August 2021
    assert state_family["event_count"] == 920
