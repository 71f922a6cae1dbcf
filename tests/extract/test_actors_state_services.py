"""A state's own services named in full, and the forces of a story whose only word of the theatre is a name.

Sentences written for these tests in wire style (real names, invented events).
"""

from __future__ import annotations

import pytest

from ruydad.extract import extract
from ruydad.extract.actors import _state_service


def mention_actor(text: str, word: str) -> str | None:
    """The actor the first mention of ``word`` is read as."""
    found = extract(text, published="2023-05-02")
    return next((a.name for a in found.actors for m in a.mentions if m.text == word), None)


@pytest.mark.parametrize("name", ["Nigeria Security and Civil Defence Corps", "Iraqi Counter-Terrorism Service",
                                  "Kenya Police Reserve"])
def test_a_name_that_opens_with_a_country_and_holds_a_service_word_is_a_state_service(name):
    assert _state_service(name)


@pytest.mark.parametrize("name", ["Sudan People's Liberation Army", "Syrian Democratic Forces", "Arakan Army",
                                  "Free Syrian Army", "Kurdistan Workers' Party"])
def test_a_movement_against_the_state_is_no_state_service(name):
    assert not _state_service(name)


def test_armed_men_are_not_the_state_service_the_story_names():
    text = ("Bandits killed nine villagers in Zurmi, Zamfara State, on Sunday night. Two officers of the Nigeria "
            "Security and Civil Defence Corps (NSCDC) were among the dead, a police spokesman said.")
    assert mention_actor(text, "Bandits") not in (None, "Nigeria Security and Civil Defence Corps")


def test_bare_forces_belong_to_the_country_of_the_places_when_the_theatre_is_named_only_by_a_name():
    # "Farah" is a person's name here, and the name of a province of the default theatre
    text = ("Somali troops killed 30 al-Shabaab fighters near Bardhere in the Gedo region on Sunday, commander "
            "Abdi Farah told reporters. Two soldiers died in the fighting.")
    assert mention_actor(text, "soldiers") == "Military Forces of Somalia"


def actor_names(text: str) -> set[str]:
    return {a.name for a in extract(text, published="2023-05-02").actors}


def test_a_group_found_under_an_acronym_another_actor_defines_is_that_actor():
    text = ("The Sudanese Armed Forces (SAF) said the paramilitary Rapid Support Forces (RSF) shelled a market in "
            "Omdurman on Sunday, killing nine civilians. Clashes nearby killed five RSF fighters.")
    names = actor_names(text)
    assert "Rapid Support Forces" in names and "RSF" not in names


def test_a_unit_the_text_gives_as_an_actor_s_own_is_that_actor():
    text = ("The Sudanese Armed Forces (SAF) said on Monday that the Rapid Support Forces (RSF) had attacked the "
            "SAF's Signal Corps headquarters in Khartoum, killing four soldiers.")
    assert mention_actor(text, "SAF's Signal Corps") in (None, "Sudanese Armed Forces")
    assert not any("Signal Corps" in name for name in actor_names(text))


def test_a_headline_that_opens_with_a_country_says_whose_the_bare_forces_are():
    text = ("Pakistan: Militants kill six soldiers in attack on border post\n"
            "Militants attacked a border post in the Kurram district, killing six soldiers, officials said. "
            "Islamabad accused Afghanistan of sheltering the attackers, a charge Kabul denied.")
    assert mention_actor(text, "soldiers") == "Military Forces of Pakistan"


def test_a_name_that_opens_with_its_armed_word_and_its_cause_is_an_organisation():
    text = ("Gunmen attacked a post of the Volunteers for the Defense of the Homeland (VDP) in Bam province, "
            "Burkina Faso, on Thursday, killing six.")
    assert "Volunteers for the Defense of the Homeland" in actor_names(text)
    assert mention_actor(text, "Gunmen") != "Volunteers for the Defense of the Homeland"


def test_attackers_named_by_a_word_are_not_the_defence_volunteers_they_attacked():
    text = ("Suspected jihadists killed 12 members of the Volunteers for the Defense of the Homeland (VDP) in an "
            "attack on their post in northern Burkina Faso on Sunday, security sources said.")
    assert mention_actor(text, "jihadists") != "Volunteers for the Defense of the Homeland"


def test_a_numbered_formation_is_a_unit_of_the_state_s_army():
    text = ("The Nigerian military's 4th Thunder Brigade said on Monday that its soldiers killed nine insurgents in "
            "an operation in Borno state.")
    assert mention_actor(text, "Thunder Brigade") in (None, "Military Forces of Nigeria")
    assert "Thunder Brigade" not in actor_names(text)
