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
