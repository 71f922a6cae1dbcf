"""Sentences that tell no conflict event: an arrest for an ordinary crime (ACLED codes arrests of
political figures, activists and suspected fighters, not the police blotter) and a standing conflict
told as background. Arrests that name an armed group, an attack or a political cause stay events.
Sentences written for the test."""

from __future__ import annotations

import pytest

from ruydad.extract import extract

PUBLISHED = "2023-05-03"


def _events(text: str) -> list[tuple[str | None, int | None]]:
    return [(e.event_type, e.detained) for e in extract(text, published=PUBLISHED).events]


@pytest.mark.parametrize("text", [
    "Police arrested three men on Tuesday for illegally transporting a lion in the state.",
    "Police detained five people on drug trafficking charges in Kandahar on Monday.",
    "Border police arrested two men for smuggling fuel in Herat province on Monday.",
    "Police in Kabul arrested four people over the theft of cars on Sunday.",
])
def test_an_arrest_for_an_ordinary_crime_is_no_event(text: str) -> None:
    assert _events(text) == []


@pytest.mark.parametrize(("text", "detained"), [
    ("Police arrested three suspected militants for planting bombs in Kabul on Monday.", 3),
    ("The Taliban arrested four civilians in Panjshir on Monday for supporting the resistance.", 4),
    ("Police arrested a Taliban commander on drug trafficking charges in Kandahar on Monday.", 1),
    ("Security forces detained two activists for organising a protest in Herat on Monday.", 2),
    ("Security forces arrested two men for extortion on behalf of al-Shabaab in Mogadishu on Monday.", 2),
])
def test_an_arrest_tied_to_the_conflict_or_to_politics_stays(text: str, detained: int) -> None:
    assert [d for _, d in _events(text)] == [detained]


def test_a_standing_conflict_told_as_background_is_no_event() -> None:
    text = ("Gunmen killed seven people in an ambush on an army patrol near the town on Monday, officials said. "
            "The cartel has been fighting a years-long territorial battle against local gangs in the state.")
    assert [t for t, _ in _events(text)] == ["Battles"]


def test_fighters_who_have_fought_for_two_days_are_an_event() -> None:
    assert [t for t, _ in _events("Taliban and NRF fighters have been fighting for two days in Andarab, "
                                  "sources said on Monday.")] == ["Battles"]
