"""Civilians struck by rockets, shells, bombs or aircraft are ACLED's Explosions/Remote violence, not
Violence against civilians, even where the report says they were the target and tells the weapon only
in the sentences after. Civilians shot, executed or killed near explosives that were only found stay
Violence against civilians. Sentences written for the test."""

from __future__ import annotations

import pytest

from ruydad.extract import extract

PUBLISHED = "2024-05-20"


def _types(text: str) -> list[tuple[str | None, str | None]]:
    return [(e.event_type, e.sub_event_type) for e in extract(text, published=PUBLISHED).events]


@pytest.mark.parametrize(("text", "sub"), [
    ("Border forces targeted civilians in the district on Thursday night, killing two, a spokesman claimed. "
     "\"Rockets hit several houses in the village,\" he said.", "Shelling/artillery/missile attack"),
    ("Militants attacked civilians at a wedding in the province on Friday, killing six guests, police said. "
     "A bomb hidden in a cart went off as the guests arrived, they said.", "Remote explosive/landmine/IED"),
])
def test_civilians_struck_by_a_weapon_told_after_are_remote_violence(text: str, sub: str) -> None:
    assert _types(text)[:1] == [("Explosions/Remote violence", sub)]


@pytest.mark.parametrize("text", [
    "Gunmen shot dead three civilians in the market on Monday, police said. Officers later defused a bomb "
    "found nearby.",
    "Militants executed four villagers accused of spying on Monday. The group is known for making roadside "
    "bombs.",
])
def test_civilians_shot_or_executed_stay_violence_against_civilians(text: str) -> None:
    assert [t for t, _ in _types(text)][:1] == ["Violence against civilians"]
