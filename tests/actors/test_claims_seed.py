"""The article's curated claims: exact sentences at exact offsets, every id and code known."""

from __future__ import annotations

import re
from pathlib import Path

import pycountry
import pytest
import yaml

from ruydad.actors import (
    PREDICATES,
    Claim,
    RegistryError,
    load_registry,
    load_seed,
    load_seeds,
    validate_claim,
    with_offsets,
)
from ruydad.actors.seed import seed_paths
from ruydad.errors import InputError

SEED = seed_paths("afghanistan")[0]


@pytest.fixture(scope="module")
def seed():
    (only,) = load_seeds("afghanistan")
    return only


def test_seed_offsets_slice_the_shipped_article_to_the_sentence(article):
    """Read the YAML directly, so the check does not depend on the loader under test."""
    raw = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    assert len(raw["claims"]) >= 60
    for entry in raw["claims"]:
        assert article[entry["start_char"]:entry["end_char"]] == entry["sentence"], entry["id"]


def test_seed_document_is_the_newsweek_article(seed, article):
    assert seed.text == article
    assert seed.document.id == "newsweek-2022-08-30"
    assert seed.document.outlet == "Newsweek"
    assert str(seed.document.published) == "2022-08-30"
    assert seed.document.url and seed.document.url.startswith("https://www.newsweek.com/")


def test_seed_covers_every_group_newsweek_spoke_with_and_the_taliban(seed):
    claimants = {c.claimed_by_actor_id for c in seed.claims}
    assert {"nrf", "aff", "arf", "watandost-front", "alm", "taliban"} <= claimants
    subjects = {c.subject_actor_id for c in seed.claims}
    assert {"nrf", "aff", "arf", "watandost-front", "alm", "iskp", "hazara-militias"} <= subjects


def test_the_empty_name_claim_denies_the_nrf(seed):
    (empty,) = [c for c in seed.claims if "an empty name" in (c.sentence or "")]
    assert (empty.subject_actor_id, empty.predicate, empty.stance) == ("nrf", "active", "denies")
    assert (empty.claimed_by_name, empty.claimed_by_actor_id) == ("Alhanafi Wardak", "taliban")


def test_every_seed_id_predicate_and_place_code_is_known(seed):
    registry = load_registry("afghanistan")
    for claim in seed.claims:
        assert claim.predicate in PREDICATES
        for actor_id in (claim.subject_actor_id, claim.object_actor_id, claim.claimed_by_actor_id):
            assert actor_id is None or actor_id in registry
        code = claim.object_place_code
        if code:
            assert code == "AF" or pycountry.subdivisions.get(code=code) is not None, code
        if claim.object_place_pcode:
            assert re.fullmatch(r"AF\d{4}", claim.object_place_pcode)


def test_claims_with_places_expand_to_one_claim_per_place(seed):
    watandost = [c for c in seed.claims if c.subject_actor_id == "watandost-front" and c.predicate == "operates_in"]
    assert len(watandost) == 14
    assert {c.object_place_code for c in watandost} >= {"AF-KAB", "AF-NAN", "AF-URU"}
    assert len({c.id for c in watandost}) == 14


def _copy_seed(tmp_path: Path, edit) -> Path:
    raw = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    edit(raw)
    path = tmp_path / "claims_broken.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def test_wrong_offsets_are_refused(tmp_path):
    def shift(raw):
        raw["claims"][0]["start_char"] += 1
    with pytest.raises(RegistryError, match="is not the claim's sentence"):
        load_seed(_copy_seed(tmp_path, shift))


def test_changed_article_text_is_refused(tmp_path):
    def rehash(raw):
        raw["document"]["sha256"] = "0" * 64
    with pytest.raises(RegistryError, match="sha256 differs"):
        load_seed(_copy_seed(tmp_path, rehash))


@pytest.mark.parametrize(("field", "value", "message"), [
    ("subject", "no-such-actor", "not in the registry"),
    ("predicate", "likes", "unknown predicate"),
    ("claimed_by", "nobody", "not in claimants"),
    ("stance", "maybe", "stance"),
])
def test_unknown_ids_and_vocabulary_are_refused(tmp_path, field, value, message):
    def edit(raw):
        raw["claims"][0][field] = value
    with pytest.raises(RegistryError, match=message):
        load_seed(_copy_seed(tmp_path, edit))


def test_with_offsets_locates_a_sentence_for_a_new_claim(article):
    sentence = ("Rather than holding ground, the Afghanistan Freedom Front's bases \"are mobile,\" "
                "according to the spokesperson.")
    claim = with_offsets(Claim(subject_text="AFF", subject_actor_id="aff", predicate="base_type",
                               object_value="mobile", sentence=sentence), article)
    assert article[claim.start_char:claim.end_char] == sentence
    assert validate_claim(claim, article) is claim
    with pytest.raises(InputError, match="not in the document text"):
        with_offsets(Claim(subject_text="x", predicate="active", sentence="Not in the article."), article)
