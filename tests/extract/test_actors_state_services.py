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
