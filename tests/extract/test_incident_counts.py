"""How many incidents a report tells and how many died in them (issue 12): sentences written for the test in
the style of wire copy and of armed groups' statements, modelled on the ways news counts go wrong."""

from __future__ import annotations

import pytest

from ruydad.extract import Event, extract

PUBLISHED = "2024-03-09"  # a Saturday


def _events(text: str) -> list[Event]:
    return extract(text, published=PUBLISHED).events


def _killed(events: list[Event]) -> int:
    return sum(e.fatalities or 0 for e in events)


@pytest.mark.parametrize(("text", "killed"), [
    ("The rebels claimed an ambush on an army patrol in Kunduz province on Thursday, resulting in the deaths of four "
     "soldiers and injuries to five others.", 4),
    ("A roadside bomb struck a police pickup in Herat on Wednesday. The blast led to the death of one officer and the "
     "injury of two more, the police said.", 1),
    ("Gunmen opened fire on a checkpoint in Balkh on Friday, causing the deaths of two guards and serious injuries to "
     "a passer-by.", 2),
])
def test_injuries_told_beside_deaths_are_no_dead(text: str, killed: int):
    events = _events(text)
    assert _killed(events) == killed, [e.to_dict() for e in events]


@pytest.mark.parametrize(("text", "day"), [
    ("Insurgents stormed a village in the district between Wednesday night and Thursday morning, killing six "
     "farmers, officials said.", "2024-03-06"),
    ("Two policemen were killed in a gunfight at a checkpoint in Bannu on the night between Tuesday and Wednesday, "
     "police said on Friday.", "2024-03-05"),
    ("Gunmen killed four villagers on the intervening night of Monday and Tuesday, police said.", "2024-03-04"),
])
def test_a_night_between_two_days_is_dated_on_the_first(text: str, day: str):
    events = _events(text)
    assert [e.date.isoformat() for e in events if e.date] == [day], [e.to_dict() for e in events]


def test_an_earlier_operation_of_the_month_is_its_own_incident():
    events = _events("Two soldiers were martyred and four terrorists were killed in an exchange of fire in Bannu "
                     "district on the night between Wednesday and Thursday, the military said on Friday. Earlier "
                     "this month, security forces killed three terrorists in an operation in the same district.")
    assert len(events) == 2, [e.to_dict() for e in events]
    assert sorted(e.fatalities or 0 for e in events) == [3, 6], [e.to_dict() for e in events]
