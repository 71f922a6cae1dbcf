"""The registry data: complete for the theatre, every fact cited, and checked loudly when wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ruydad.actors import (
    RegistryError,
    UnknownActorError,
    dataset_names,
    family_of,
    load_registry,
    resolve_actor,
)
from ruydad.actors.registry import read_registry
from ruydad.taxonomy import ACTOR_CATEGORIES

REQUIRED = [
    "taliban", "iea", "iea-forces", "ira", "andsf", "nrf", "aff", "arf", "watandost-front", "alm",
    "hazara-militias", "iskp", "al-qaeda", "ttp", "imu", "etim", "jamaat-ansarullah",
    "pakistan-forces", "iran-forces", "us-forces", "civilians", "unidentified-armed-group",
]


@pytest.fixture(scope="module")
def registry():
    return load_registry("afghanistan")


@pytest.mark.parametrize("actor_id", REQUIRED)
def test_registry_seeds_the_actors_the_issue_names(registry, actor_id):
    assert actor_id in registry


def test_every_seeded_fact_cites_a_known_source(registry):
    for actor in registry:
        facts = [actor, actor.parent, actor.founded, actor.dissolved, *actor.leaders, *actor.dataset_names]
        for fact in filter(None, facts):
            assert fact.cite, f"{actor.id}: {fact} has no citation"
            assert all(c in registry.sources for c in fact.cite)
        assert registry.citations(actor.id)


def test_categories_are_acled_actor_categories(registry):
    names = {c.name for c in ACTOR_CATEGORIES}
    assert {a.category for a in registry} <= names
    assert registry.get("nrf").category == "Rebel group"
    assert registry.get("iea-forces").category == "State forces"
    assert registry.get("pakistan-forces").category == "External/Other forces"
    assert registry.get("hazara-militias").category == "Identity militia"


def test_family_of_groups_wings_forces_and_splinters_under_their_root():
    taliban = family_of("iea-forces")
    assert {"taliban", "iea", "iea-forces", "haqqani-network", "taliban-mutineers",
            "high-council-iea"} <= taliban
    assert "ttp" not in taliban  # the Pakistani Taliban are a separate organisation
    assert family_of("nrf") == frozenset({"nrf"})
    assert family_of("aqis") == frozenset({"al-qaeda", "aqis"})


def test_dataset_names_are_the_names_acled_and_ucdp_use():
    names = {(d.dataset, d.name) for d in dataset_names("nrf")}
    assert names == {("acled", "National Resistance Front"), ("ucdp", "NRF")}
    acled = [d.name for d in dataset_names("iea-forces", dataset="acled")]
    assert acled == ["Military Forces of Afghanistan (2021-)", "Police Forces of Afghanistan (2021-)"]


def test_ucdp_government_of_afghanistan_changes_hands_with_kabul(registry):
    periods = {(a.id, d.valid_from, d.valid_to) for a in registry for d in a.dataset_names
               if d.name == "Government of Afghanistan"}
    assert {p[0] for p in periods} == {"iea", "ira"}


def test_get_unknown_id_suggests_close_ids(registry):
    with pytest.raises(UnknownActorError, match="did you mean nrf"):
        registry.get("nrff")


# -- broken registry data fails loudly ---------------------------------------------------------------

SOURCES = {"s1": {"kind": "reference", "title": "A source"}}


def write_registry(folder: Path, actors: list[dict], sources: dict | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "actors.yaml").write_text(yaml.safe_dump({"actors": actors}), encoding="utf-8")
    (folder / "sources.yaml").write_text(yaml.safe_dump(sources or SOURCES), encoding="utf-8")
    return folder


def actor(actor_id: str, name: str, **extra: object) -> dict:
    return {"id": actor_id, "name": name, "category": "Rebel group", "cite": ["s1"], **extra}


@pytest.mark.parametrize(("actors", "message"), [
    ([actor("a", "Alpha Front"), actor("b", "Beta Front", aliases=["alpha front"])], "belongs to both"),
    ([actor("a", "Alpha Front", cite=["nowhere"])], "not in sources.yaml"),
    ([actor("a", "Alpha Front", parent={"id": "zeta", "relation": "wing of", "cite": ["s1"]})],
     "parent 'zeta' is not in the registry"),
    ([actor("a", "Alpha Front", category="Freedom fighters")], "not an ACLED actor category"),
    ([actor("a", "Alpha Front", cite=[])], "cite"),
    ([actor("a", "Alpha Front", founded={"date": "2021"})], "cite"),
    ([actor("a", "Alpha Front", dataset_names=[{"dataset": "ucdp", "name": "Gov", "cite": ["s1"]}]),
      actor("b", "Beta Front", dataset_names=[{"dataset": "ucdp", "name": "Gov", "cite": ["s1"]}])],
     "overlapping periods"),
    ([actor("a", "Alpha Front", parent={"id": "b", "relation": "x", "cite": ["s1"]}),
      actor("b", "Beta Front", parent={"id": "a", "relation": "x", "cite": ["s1"]})], "cycle"),
    ([actor("A!", "Alpha Front")], "id"),
])
def test_broken_registry_is_refused_with_the_reason(tmp_path, actors, message):
    folder = write_registry(tmp_path / "actors", actors)
    with pytest.raises(RegistryError, match=message):
        read_registry(folder, "testland")


def test_a_dataset_name_may_be_reused_for_periods_that_do_not_overlap(tmp_path):
    folder = write_registry(tmp_path / "actors", [
        actor("a", "Alpha", dataset_names=[{"dataset": "ucdp", "name": "Gov", "to": "2001-01-01", "cite": ["s1"]}]),
        actor("b", "Beta", dataset_names=[{"dataset": "ucdp", "name": "Gov", "from": "2001-01-02", "cite": ["s1"]}]),
    ])
    assert len(read_registry(folder, "testland")) == 2


def test_a_second_theatre_is_data_only(tmp_path, monkeypatch):
    """Nothing assumes Afghanistan: a theatre folder on RUYDAD_THEATRES_PATH brings its own actors."""
    theatre = tmp_path / "testland"
    theatre.mkdir()
    (theatre / "theatre.yaml").write_text(
        "name: testland\ncountry: Testland\niso3: TST\niso2: TS\nnumeric: 999\n", encoding="utf-8")
    write_registry(theatre / "actors", [actor("ulf", "Upland Liberation Front", acronyms=["ULF"])])
    monkeypatch.setenv("RUYDAD_THEATRES_PATH", str(tmp_path))
    assert [a.id for a in load_registry("testland")] == ["ulf"]
    match = resolve_actor("ULF", theatre="testland")
    assert match is not None and match.actor_id == "ulf"
    assert resolve_actor("National Resistance Front", theatre="testland") is None
