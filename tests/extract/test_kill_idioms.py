"""Killings told without "killed" (issue 12): wire copy says "shot dead", "gunned down", "hacked to
death", "burned alive", "perished", "succumbed to their injuries" and "claimed the lives of"; each
is a toll, and idioms that are not killings ("sentenced to death") stay none. Sentences written for
the test."""

from __future__ import annotations

import pytest

from ruydad.extract import extract

PUBLISHED = "2023-03-10"  # a Friday


def _killed(text: str) -> list[int | None]:
    return [e.fatalities for e in extract(text, published=PUBLISHED).events]


@pytest.mark.parametrize(("text", "killed"), [
    ("Unknown gunmen shot dead three shopkeepers in the town on Tuesday.", 3),
    ("Two guards were shot dead at the gate of the compound on Tuesday.", 2),
    ("Gunmen gunned down four farmers on their way to the fields on Tuesday.", 4),
    ("Five herders were gunned down by raiders on Tuesday.", 5),
    ("The raiders hacked to death six villagers on Tuesday.", 6),
    ("Two traders were beaten to death by a mob on Tuesday.", 2),
    ("The attackers stabbed three pilgrims to death on Tuesday.", 3),
    ("Militiamen burned alive seven villagers in their homes on Tuesday.", 7),
    ("Eight passengers perished in the ambush on Tuesday.", 8),
    ("Two soldiers embraced martyrdom in an exchange of fire with militants on Tuesday.", 2),
    ("A roadside bomb claimed the lives of four soldiers on Tuesday.", 4),
    ("The explosion claimed nine lives on Tuesday.", 9),
])
def test_a_killing_told_by_an_idiom_is_a_toll(text: str, killed: int) -> None:
    assert _killed(text) == [killed]


def test_the_wounded_who_later_died_are_dead():
    assert sum(n or 0 for n in _killed("Militants attacked a police post on Tuesday, killing two officers. Three "
                                       "more policemen later succumbed to their injuries in hospital.")) >= 2


def test_sentenced_to_death_is_no_killing():
    assert all(not n for n in _killed("A court sentenced to death two men convicted of a bombing on Tuesday."))


def test_shot_without_dead_is_no_toll():
    assert all(not n for n in _killed("Gunmen shot two guards at the gate of the compound on Tuesday."))


def test_militiamen_who_hacked_villagers_to_death_are_the_actor():
    events = extract("Two women were hacked to death by militiamen on Tuesday.", published=PUBLISHED).events
    assert [(e.actor1, e.fatalities) for e in events] == [("militiamen", 2)]


def test_martyred_is_killed():
    assert _killed("Four border guards were martyred when militants attacked their post on Tuesday.") == [4]


# -- who is not counted -------------------------------------------------------------------------------

def test_animals_killed_are_no_fatalities():
    events = extract("Shells hit a village on Tuesday, killing 15 livestock and destroying two houses.",
                     published=PUBLISHED).events
    assert all(not e.fatalities for e in events), [e.to_dict() for e in events]


def test_people_and_animals_killed_count_the_people():
    assert _killed("Raiders killed two herders and 30 cattle near the river on Tuesday.") == [2]


def test_a_recording_that_captured_a_blast_detains_nobody():
    events = extract("Militants attacked a patrol in the district on Tuesday, killing one soldier. A video released "
                     "by the group captured the sound of the explosion.", published=PUBLISHED).events
    assert [(e.fatalities, e.detained) for e in events] == [(1, None)], [e.to_dict() for e in events]


def test_captured_fighters_are_still_detained():
    events = extract("Troops captured three fighters in a raid on Tuesday.", published=PUBLISHED).events
    assert [e.detained for e in events] == [3]


def test_a_second_source_saying_people_were_killed_gives_no_lower_toll():
    events = extract("Gunmen killed 23 villagers in an attack on a market on Tuesday, the police said. The local "
                     "Red Cross said the attackers killed people with guns and machetes. At least nine people were "
                     "burned alive in their shops, it added.", published=PUBLISHED).events
    assert [e.fatalities for e in events] == [23], [e.to_dict() for e in events]


def test_property_joined_to_the_dead_counts_no_dead():
    assert _killed("Insurgents raided a village on Tuesday, killing five herders and burning houses.") == [5]


@pytest.mark.parametrize(("text", "killed"), [
    ("Between 10 and 15 people were killed in the attack on Tuesday.", 10),
    ("The blast killed 10-15 people on Tuesday.", 10),
    ("Two to three people were killed on Tuesday.", 2),
    ("The blast killed 10 to 12 people on Tuesday.", 10),
    ("One hundred and forty-one people were killed on Tuesday.", 141),
    ("Forty-one people were killed on Tuesday.", 41),
])
def test_a_range_of_dead_is_its_lowest_figure(text: str, killed: int) -> None:
    assert _killed(text) == [killed]


def test_the_dead_after_a_dateline_are_counted_not_the_dateline_city():
    assert _killed("MAIDUGURI, Nigeria — At least 10 people were killed when a suicide car bomb exploded at a "
                   "busy junction in Maiduguri on Sunday, police said.") == [10]


@pytest.mark.parametrize(("text", "detained"), [
    ("Security forces took five suspected militants into custody on Tuesday.", 5),
    ("Security forces took into custody four suspects on Tuesday.", 4),
    ("A journalist was taken into custody by intelligence agents in the city on Tuesday.", 1),
    ("Police rounded up 30 people after the attack on Tuesday.", 30),
])
def test_an_arrest_told_by_an_idiom_is_a_detention(text: str, detained: int) -> None:
    assert [e.detained for e in extract(text, published=PUBLISHED).events] == [detained]
