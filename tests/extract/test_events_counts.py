"""Who a toll counts (issue 12): words the parser joins to the dead that are no people add none;
sentences written for the test in the style of wire copy."""

from __future__ import annotations

import pytest

from ruydad.extract import Event, extract

PUBLISHED = "2023-03-10"  # a Friday


def _events(text: str) -> list[Event]:
    return extract(text, published=PUBLISHED).events


@pytest.mark.parametrize("text", [
    "Two explosions shook Kandahar on Tuesday, police said: a blast at a bus stop that killed four passengers and "
    "two bombings of police vehicles that killed six officers.",
    "A blast at a bus stop in Kandahar city killed four passengers and two bombings of police vehicles in the city "
    "killed six officers on Tuesday, police said.",
])
def test_incidents_joined_to_the_dead_are_no_dead(text: str):
    events = _events(text)
    assert sum(e.fatalities or 0 for e in events) == 10, [e.to_dict() for e in events]


@pytest.mark.parametrize("text", [
    "Four soldiers were martyred and 12 terrorists were eliminated in an intelligence-based operation in North "
    "Waziristan on Tuesday, the military said.",
    "Security forces eliminated 12 terrorists in an intelligence-based operation in North Waziristan on Tuesday, the "
    "military said. Four soldiers embraced martyrdom during the exchange of fire.",
    "During the intense exchange of fire in North Waziristan on Tuesday, 12 terrorists were sent to hell, while four "
    "soldiers were martyred, the military said.",
])
def test_military_statements_words_for_enemies_killed_count(text: str):
    events = _events(text)
    assert sum(e.fatalities or 0 for e in events) == 16, [e.to_dict() for e in events]


def test_eliminating_a_thing_kills_no_one():
    events = _events("Security forces eliminated a terrorist hideout and killed two militants in North Waziristan "
                     "on Tuesday, the military said.")
    assert sum(e.fatalities or 0 for e in events) == 2, [e.to_dict() for e in events]


@pytest.mark.parametrize(("text", "killed"), [
    ("Security forces killed five terrorists in an operation in Bajaur on Tuesday, the military said. During the "
     "exchange of fire, two soldiers paid the ultimate sacrifice.", 7),
    ("Militants attacked a police station in Bannu on Tuesday. Three policemen laid down their lives while repulsing "
     "the attack, police said.", 3),
])
def test_communiques_words_for_their_own_dead_count(text: str, killed: int):
    events = _events(text)
    assert sum(e.fatalities or 0 for e in events) == killed, [e.to_dict() for e in events]


@pytest.mark.parametrize("text", [
    "Militants stormed a police station in North Waziristan on Sunday, triggering a gunbattle that left 10 people "
    "dead, including four attackers, the military said.",
    "A total of 10 people were killed in the attack on the police station in North Waziristan on Sunday, among them "
    "four militants, the army said in a statement.",
])
def test_a_toll_that_includes_the_attackers_is_counted_once(text: str):
    events = _events(text)
    assert sum(e.fatalities or 0 for e in events) == 10, [e.to_dict() for e in events]


def test_an_appositive_that_describes_the_dead_does_not_hide_their_number():
    events = _events("Six people, all members of one family, were killed when a mortar shell hit their home in "
                     "Helmand on Monday. The victims included three children, officials said.")
    assert [e.fatalities for e in events] == [6], [e.to_dict() for e in events]
