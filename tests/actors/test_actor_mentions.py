"""Actors named in a text, with offsets: every armed group of the article, and unknown groups surfaced."""

from __future__ import annotations

import pytest

from ruydad.actors import acronym_definitions, candidate_actors, find_actor_mentions

ARTICLE_GROUPS = {
    "Taliban": "taliban",
    "Islamic Emirate": "iea",
    "Taliban forces": "iea-forces",
    "ISIS": "iskp",
    "Islamic State": "iskp",
    "ISIS-Khorasan": "iskp",
    "Al-Qaeda": "al-qaeda",
    "Al Qaeda": "al-qaeda",
    "al-Qa'ida": "al-qaeda",
    "Islamic Union of Uzbekistan": "imu",
    "East Turkestan Islamic Movement": "etim",
    "Jamaat Ansurallah": "jamaat-ansarullah",
    "Tajik Taliban": "jamaat-ansarullah",
    "Pakistani Taliban": "ttp",
    "National Resistance Front": "nrf",
    "NRF": "nrf",
    "Afghanistan Islamic National & Liberation Movement": "alm",
    "Afghanistan Liberation Movement": "alm",
    "ALM": "alm",
    "Afghanistan Freedom Front": "aff",
    "AFF": "aff",
    "Andarab Resistance Front": "arf",
    "Watandost Front": "watandost-front",
    "Hazara fighters": "hazara-militias",
    "Hazara resistance": "hazara-militias",
    "Afghan National Security Forces": "andsf",
    "Afghan government forces": "andsf",
    "U.S. military": "us-forces",
}


@pytest.fixture(scope="module")
def mentions(article):
    return find_actor_mentions(article)


@pytest.mark.parametrize(("surface", "actor_id"), sorted(ARTICLE_GROUPS.items()))
def test_every_armed_group_in_the_article_is_found(mentions, surface, actor_id):
    found = {m.actor_id for m in mentions if m.text == surface}
    assert found == {actor_id}


def test_mention_offsets_slice_the_text(article, mentions):
    assert mentions
    for mention in mentions:
        assert article[mention.start:mention.end] == mention.text


def test_the_article_has_no_unknown_groups(mentions):
    assert [m.text for m in mentions if m.is_candidate] == []


def test_anti_taliban_is_not_a_mention_of_the_taliban(article, mentions):
    for mention in mentions:
        if mention.actor_id == "taliban":
            assert not article[:mention.start].endswith("anti-")


def test_longest_name_wins(article, mentions):
    pakistani = [m for m in mentions if m.text == "Pakistani Taliban"]
    assert len(pakistani) == 1
    assert not any(m.actor_id == "taliban" and pakistani[0].start <= m.start < pakistani[0].end for m in mentions)


def test_the_acronym_defined_in_the_article_is_marked(article, mentions):
    definitions = {d.acronym: d.long_form for d in acronym_definitions(article)}
    assert definitions["NRF"] == "National Resistance Front"
    marked = [m for m in mentions if m.acronym == "NRF"]
    assert len(marked) == 1 and article[marked[0].end:marked[0].end + 6] == " (NRF)"


TEXT = ("Fighters of the Panjshir Freedom Brigade and the Baghlan Liberation Movement (BLM) attacked a "
        "checkpoint. Later BLM said the Lashkar-e-Khorasan had joined. The Security Council met. "
        "The Panjshir Resistance Front denied it.")


def test_unknown_group_names_are_surfaced_as_candidates():
    found = {m.text: m for m in find_actor_mentions(TEXT)}
    for name in ("Panjshir Freedom Brigade", "Baghlan Liberation Movement", "Lashkar-e-Khorasan",
                 "Panjshir Resistance Front"):
        assert found[name].is_candidate and found[name].method == "candidate"
        assert TEXT[found[name].start:found[name].end] == name
    assert "Security Council" not in found
    assert found["Baghlan Liberation Movement"].acronym == "BLM"


def test_acronym_of_an_unknown_group_points_to_its_candidate():
    later = [m for m in find_actor_mentions(TEXT) if m.text == "BLM"]
    assert len(later) == 2
    assert all(m.is_candidate and m.name == "Baghlan Liberation Movement" for m in later)


def test_candidate_actors_are_counted_once_per_name():
    candidates = {c.name: c for c in candidate_actors(TEXT)}
    assert candidates["Baghlan Liberation Movement"].count == 3  # the name and two uses of BLM
    assert candidates["Baghlan Liberation Movement"].acronym == "BLM"
    assert candidates["Panjshir Freedom Brigade"].count == 1


def test_a_known_group_with_an_unknown_acronym_binds_it():
    text = "The Watandost Front (WF) clashed with the Taliban. WF fighters withdrew."
    wf = [m for m in find_actor_mentions(text) if m.text == "WF"]
    assert [(m.actor_id, m.method) for m in wf] == [("watandost-front", "defined_acronym")] * 2


def test_a_misspelt_known_group_in_text_is_matched_fuzzily_not_surfaced_as_new():
    (mention,) = [m for m in find_actor_mentions("Fighters of the Afghanistan Fredom Front attacked.")
                  if m.text == "Afghanistan Fredom Front"]
    assert (mention.actor_id, mention.method) == ("aff", "fuzzy")
