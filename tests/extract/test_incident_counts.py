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
