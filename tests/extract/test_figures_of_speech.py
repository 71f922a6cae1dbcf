"""Words of violence used of things that are no act of violence: a killed hope, a plan executed,
officials fired, prices that shot up, a decision attacked in a statement, a killing remembered on its
anniversary, a war that could kill. None is an event; the same verbs with people, places or forces as
their objects stay events. Sentences written for these tests in the style of wire reports."""

import pytest

from ruydad.extract import extract

PUBLISHED = "2023-03-15"

NO_EVENT = [
    "The decision killed hopes of a peace deal, analysts said.",
    "The Taliban attacked the UN decision in a statement on Monday, calling it interference.",
    "The Taliban fired 20 officials from the health ministry in Kabul on Monday.",
    "Prices of flour shot up in Kabul markets on Monday.",
    "The Taliban executed the plan to rebuild the road in Kandahar last month.",
    "Relatives gathered in Kabul on Monday to mark the anniversary of the attack that killed 90 students.",
    "If the talks fail, fighting could kill thousands more in the north, the envoy warned.",
]

EVENT = [
    "Gunmen killed two teachers in Kunduz province on Monday, officials said.",
    "Taliban fighters attacked a police checkpoint in Takhar province on Monday.",
    "Soldiers fired on protesters in Herat on Monday, killing two, witnesses said.",
    "The Taliban executed a former army officer in Kandahar last month, his family said.",
    "Fighting killed 12 people in Baghlan province on Tuesday, officials said.",
]


@pytest.mark.parametrize("text", NO_EVENT)
def test_words_of_violence_used_of_no_act_of_violence_make_no_event(text):
    found = extract(text, published=PUBLISHED)
    assert found.events == [], [(e.event_type, e.fatalities) for e in found.events]


@pytest.mark.parametrize("text", EVENT)
def test_the_same_verbs_with_people_places_or_forces_stay_events(text):
    assert len(extract(text, published=PUBLISHED).events) == 1
