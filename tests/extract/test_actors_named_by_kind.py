"""Actors named by what they are: attackers nobody names ("miscreants"), a government's militiamen, a police
officer by the title of his post.

Sentences written for these tests in wire style (real places, invented events).
"""

from __future__ import annotations

from ruydad.extract import extract
from ruydad.extract.actors import _country_name


def event_actors(text: str) -> set[str]:
    return {a for e in extract(text, published="2023-05-02").events for a in (e.actor1, e.actor2) if a}


def test_miscreants_are_armed_men_nobody_names():
    text = "Armed miscreants shot dead a shopkeeper and his son in Bishnupur district, Manipur, on Friday."
    assert any("miscreants" in a or a.startswith("Unidentified Armed Group") for a in event_actors(text))


def test_unknown_miscreants_are_the_unidentified_armed_group_of_the_story_country():
    text = "Unknown miscreants hurled a bomb at a police outpost in Khulna, Bangladesh, on Sunday, killing a constable."
    assert "Unidentified Armed Group (Bangladesh)" in event_actors(text)


def test_a_demonym_that_is_the_plural_name_less_its_s_names_the_country():
    assert _country_name("Philippine") == "Philippines"


def test_a_government_s_militiamen_are_its_forces():
    text = ("Three Philippine government militiamen were killed when communist guerrillas ambushed their patrol in "
            "Samar province on Tuesday, the army said.")
    assert "Military Forces of the Philippines" in event_actors(text)


def test_a_police_officer_named_by_his_post_and_its_acronym_is_the_police():
    text = ("Gunmen killed the District Police Officer (DPO) of Ikara in Kaduna State, Nigeria, on Monday. "
            "The DPO was ambushed on his way to the station, the command said.")
    assert "Police Forces of Nigeria" in event_actors(text)


def actor_names(text: str) -> set[str]:
    return {a.name for a in extract(text, published="2023-05-02").actors}


def test_a_plural_named_as_the_doer_of_violence_is_a_group():
    text = "Four policemen were gunned down by Naxalites in Gadchiroli district, Maharashtra, on Monday."
    assert "Naxalite" in event_actors(text)


def test_a_plural_opening_a_sentence_or_a_word_for_armed_men_is_no_group_name():
    text = ("Clashes killed nine people in the Tillaberi region of Niger on Monday. Bandits attacked a market in "
            "the same area on Tuesday, and Insurgents ambushed a convoy nearby.")
    assert not actor_names(text) & {"Clashe", "Bandit", "Insurgent"}


def test_a_count_over_ten_in_front_of_soldiers_is_no_owner():
    text = "Seventeen soldiers were killed when jihadists attacked their base in central Mali on Sunday."
    assert "Military Forces of Mali" in event_actors(text)


def test_a_group_named_to_describe_its_affiliate_is_not_the_actor():
    text = ("Troops killed the leader of an al-Qaeda affiliate, Jamaat Nusrat al-Islam wal-Muslimin, in a raid in "
            "the Mopti region of Mali on Sunday, the army said.")
    found = extract(text, published="2023-05-02")
    assert not any("Qaida" in (a or "") or "Qaeda" in (a or "") for e in found.events for a in (e.actor1, e.actor2))


def test_the_federal_police_are_the_state_s_police():
    text = ("Islamic State militants attacked a checkpoint of the federal police in Kirkuk province, Iraq, on Monday, "
            "killing two officers.")
    assert "Police Forces of Iraq" in actor_names(text)
