"""Killings of members of forces that no longer serve (issue 12): "a former police officer", "two
former soldiers" killed out of combat are violence against civilians in ACLED's codebook, not
battles; serving soldiers killed in an attack stay a battle. Sentences written for the test."""

from __future__ import annotations

import pytest

from ruydad.extract import extract

PUBLISHED = "2023-08-14"


def _types(text: str) -> list[str | None]:
    return [e.event_type for e in extract(text, published=PUBLISHED).events]


@pytest.mark.parametrize("text", [
    "Taliban forces have killed two former soldiers in Baghlan province, sources said.",
    "Taliban gunmen killed a former army commander in Takhar province on Friday night.",
    "Unknown gunmen shot dead a retired police officer in Kandahar city on Saturday.",
])
def test_killing_former_forces_is_violence_against_civilians(text: str) -> None:
    assert _types(text) == ["Violence against civilians"]


def test_killing_serving_soldiers_in_an_attack_is_a_battle():
    assert _types("Taliban fighters attacked an army post in Takhar province on Friday night, killing three "
                  "soldiers.") == ["Battles"]
