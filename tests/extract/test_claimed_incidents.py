"""A claim of responsibility that tells the incident by what it did (issue 12): "<Group> claimed
responsibility for a suicide bombing in <City> that killed six" reports one incident and its toll,
whether the parser hangs the clause on the bombing or on the place after it; a claim for "a similar
attack last year" stays background. Sentences written for the test."""

from __future__ import annotations

from ruydad.extract import extract

PUBLISHED = "2023-03-10"


def _tolls(text: str) -> list[int | None]:
    return [e.fatalities for e in extract(text, published=PUBLISHED).events]


def test_an_indefinite_incident_told_by_its_toll_is_the_claimed_incident():
    assert _tolls("The group has claimed responsibility for a suicide bombing in the capital that killed at least "
                  "seven people.") == [7]


def test_the_claim_gives_its_toll_to_the_incident_told_before():
    assert _tolls("A blast hit the offices of the prosecution service on Monday afternoon. The group has claimed "
                  "responsibility for a suicide bombing in the city that killed at least seven people.") == [7]


def test_a_claim_for_a_similar_attack_last_year_is_background():
    assert _tolls("The group claimed responsibility for a similar attack last year that killed 30 people.") == []
