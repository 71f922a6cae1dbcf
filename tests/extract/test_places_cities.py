"""'The city of <Name>': a city, not the province named after it (issue 12).

Sentences written for these tests in wire style (real places, invented events). In the default
theatre a province and its capital often share a name; the capital is a district of the gazetteer.
"""

from __future__ import annotations

import pytest

from ruydad.extract import extract


def places(text: str) -> set[tuple[str | None, str | None]]:
    return {(e.admin1_code, e.admin2) for e in extract(text, published="2023-05-02").events}


@pytest.mark.parametrize(("text", "expected"), [
    ("Suicide bombers attacked a Shiite mosque in the southern Afghan city of Kandahar during Friday prayers, "
     "killing at least 33 worshippers.", ("AF-KAN", "Kandahar")),
    ("A magnetic bomb exploded in the city of Kunduz on Friday, killing three people, police said.",
     ("AF-KDZ", "Kunduz")),
    ("A bomb exploded in the northern city of Taloqan on Friday, killing three people.", ("AF-TAK", "Taloqan")),
])
def test_the_city_of_a_provinces_name_is_its_capitals_district(text, expected):
    assert places(text) == {expected}


def test_a_bare_provinces_name_stays_the_province():
    assert places("A magnetic bomb exploded in Kunduz on Friday, killing three people, police said.") == \
        {("AF-KDZ", None)}


def test_the_city_of_a_town_abroad_gives_its_district():
    found = places("Syrian government forces shelled the city of Ariha in Idlib province, killing five civilians.")
    assert found == {("SY-ID", "Ariha")}
