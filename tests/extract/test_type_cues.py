"""Event types the words decide (issue 12): unexploded ordnance that goes off is remote violence, and
people killed who are civilians by their trade ("vaccinators", "drivers", "migrants") are violence
against civilians. Sentences written for the test."""

from __future__ import annotations

import pytest

from ruydad.extract import extract

PUBLISHED = "2023-08-14"


def _types(text: str) -> list[str | None]:
    return [e.event_type for e in extract(text, published=PUBLISHED).events]


def test_unexploded_ordnance_that_went_off_is_remote_violence():
    assert _types("Three boys were killed when a piece of unexploded ordnance they found in a field exploded in "
                  "the village on Sunday.") == ["Explosions/Remote violence"]


@pytest.mark.parametrize("text", [
    "Militants killed two polio vaccinators in the district on Sunday.",
    "Militants killed four truck drivers on the highway on Sunday.",
    "Fighters killed three tribal elders in the village on Sunday.",
    "Rebels killed 12 migrants near the border on Sunday.",
    "Insurgents killed six labourers at a quarry on Sunday.",
])
def test_people_killed_who_are_civilians_by_their_trade(text: str) -> None:
    assert _types(text) == ["Violence against civilians"]


def test_civilians_killed_by_shelling_told_next_stay_remote_violence():
    assert _types("At least 31 people were killed, including seven children, in an attack on a camp for displaced "
                  "people in the city on Saturday, volunteers said. The camp was hit by intense artillery shelling, "
                  "the group said.") == ["Explosions/Remote violence"]


def test_civilians_struck_by_one_side_are_no_battle_even_when_the_story_tells_fighting():
    # ACLED's battle has two armed sides; the guards' fight does not make the killing of villagers one
    text = ("Suspected rebels killed at least 22 civilians in a village in Kunduz province early on Sunday, "
            "officials said. The attackers struck the village at around 4 a.m. and fought with local guards "
            "before they fled.")
    events = extract(text, published="2023-06-11").events
    assert [(e.event_type, e.actor2) for e in events] == [("Violence against civilians", "Civilians")]


def test_fighting_between_two_sides_that_killed_civilians_is_their_battle():
    text = "Fighting between the army and the RSF killed 12 civilians in El Fasher, Sudan, on Monday."
    events = extract(text, published="2023-06-11").events
    assert [(e.event_type, e.actor1, e.actor2, e.fatalities) for e in events] == [
        ("Battles", "Military Forces of Sudan", "RSF", 12)]


def test_civilians_killed_in_clashes_between_two_armed_sides_are_in_their_battle():
    text = ("Militants claimed a series of attacks on Friday. In Bajaur district, five people, including three "
            "civilians, were killed during clashes between militants and paramilitary forces, officials said.")
    assert _types(text) == ["Battles"]
