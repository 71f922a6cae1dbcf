"""A bare name ("in <Name>") of another country that is a district there, whose town GeoNames lists with no
population: the district's name, not a hamlet's.

The sentences are written for these tests in the style of wire reports (names of real places, events
invented); what each asserts follows from GeoNames (``ruydad/data/world/``) and ISO 3166-2.
"""

from __future__ import annotations

import pytest

from ruydad.geo.names import fold, normalize
from tests.extract.test_world_places import run


def placed(text: str) -> set[tuple[str | None, str | None]]:
    return {(e.admin1_code, fold(normalize(e.admin2)) if e.admin2 else None) for e in run(text).events}


@pytest.mark.parametrize(("text", "expected"), [
    ("Islamic State fighters fired mortars at a Peshmerga position in Makhmur on Sunday, killing two, "
     "Iraqi officials said.", ("IQ-AR", fold("makhmur"))),
    ("Al-Shabaab fighters overran a Somali army base in Adado on Monday, killing four soldiers.",
     ("SO-GA", fold("adado"))),
    ("Gunmen abducted six travellers and killed their driver on a road in Bwari, Nigeria, on Tuesday.",
     ("NG-FC", fold("bwari"))),
])
def test_a_bare_name_that_is_a_district_there_is_placed_though_its_town_has_no_population(text, expected):
    assert expected in placed(text)


def test_a_bare_hamlet_with_no_district_of_its_name_stays_unplaced():
    # GeoNames lists the town with no population and no district of that name
    found = placed("Militants attacked a checkpoint in Dibis, Iraq, on Sunday, killing a soldier.")
    assert {code for code, _district in found} <= {None}


def test_a_district_the_index_lacks_is_in_the_one_province_its_sentence_names():
    text = ("Somali troops based in the Hiiraan region said they killed six al-Shabaab militants in an operation "
            "in the Mahas district on Monday.")
    assert ("SO-HI", fold("mahas")) in placed(text)


def test_a_district_the_index_lacks_in_a_sentence_of_two_provinces_is_not_placed():
    text = ("Troops moved from the Hiiraan region to the Galgaduud region and fought al-Shabaab militants in the "
            "Mahas district on Monday, killing six.")
    assert not any(district == fold("mahas") for _code, district in placed(text))


def test_a_mount_named_after_a_district_is_in_that_district():
    text = "Two Yazidi fighters were killed when a drone struck their car on Mount Sinjar in northern Iraq on Tuesday."
    assert ("IQ-NI", fold("sinjar")) in placed(text)


def test_a_mount_that_names_no_district_places_nothing():
    text = "Jets bombed positions on Mount Qandil in Iraq on Tuesday, killing three fighters, officials said."
    assert {code for code, _district in placed(text)} <= {None}
