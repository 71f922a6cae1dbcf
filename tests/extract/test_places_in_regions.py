"""A name the text puts in a region, in a story that names no country ("<Region>'s <Name> district").

The sentences are written for these tests in the style of wire reports (names of real places, events
invented); what each asserts follows from GeoNames (``ruydad/data/world/``) and ISO 3166-2.
"""

from __future__ import annotations

import pytest

from ruydad.geo.names import fold, normalize
from ruydad.geo.world import provinces_named
from tests.extract.test_world_places import run


def placed(text: str) -> set[tuple[str | None, str | None]]:
    """(province code, folded district) of the events."""
    return {(e.admin1_code, fold(normalize(e.admin2)) if e.admin2 else None) for e in run(text).events}


def test_a_region_is_the_division_that_bears_its_name_or_a_short_name_of_it():
    assert provinces_named("Borno") == {"NG-BO"}
    assert provinces_named("Kashmir") == {"IN-JK"}  # an alias of the one division; not "Azad Kashmir"
    assert provinces_named("Punjab") == {"IN-PB", "PK-PB"}  # two countries' divisions: the name decides
    assert not provinces_named("Army")


@pytest.mark.parametrize(("text", "expected"), [
    ("Gunmen shot dead a policeman in north Kashmir's Baramulla district on Sunday, officials said.",
     ("IN-JK", fold("baramula"))),
    ("Insurgents burnt down a market and killed five traders in Borno's Gwoza local government area on Monday.",
     ("NG-BO", fold("gwoza"))),
    # the region's name is two countries' provinces; only one of them has the district
    ("Two brothers were shot dead by unknown attackers in Punjab's Jhang district late on Tuesday.",
     ("PK-PB", fold("jhang"))),
    # the region after the name
    ("Militants ambushed an army patrol in the Kupwara district of north Kashmir on Friday, killing a soldier.",
     ("IN-JK", fold("kupwara"))),
])
def test_a_district_put_in_a_region_is_placed_in_a_story_that_names_no_country(text, expected):
    assert expected in placed(text)


def test_the_region_gives_the_story_its_country_for_the_names_after_it():
    text = ("A soldier was killed in a gunfight in Kashmir's Kupwara district on Monday. "
            "On Wednesday, militants fired on a police post in Sopore, wounding two constables.")
    found = run(text)
    sopore = [p for p in found.places if p.mentions and p.mentions[0].text == "Sopore"]
    assert sopore and sopore[0].admin1_code == "IN-JK"


@pytest.mark.parametrize("text", [
    # the district lies in another province than the one the writer names: no province at all
    "Gunmen killed four labourers in Sindh's Kech district on Saturday, police said.",
    # a possessive that no division bears places nothing
    "Gunmen killed four labourers in the Army's Kech district camp on Saturday, police said.",
])
def test_a_district_outside_the_region_it_is_put_in_places_nothing(text):
    assert {code for code, _d in placed(text)} <= {None}


@pytest.mark.parametrize(("text", "expected"), [
    ("Unknown gunmen shot dead two farmers in Churachandpur district on Monday. The killings are the latest in "
     "a string of attacks in Manipur, officials said.", ("IN-MN", fold("churachandpur"))),
    # the region after the district in the story, in another sentence
    ("Maoist rebels ambushed a police patrol in Sukma district on Saturday, killing three. Security operations "
     "have been stepped up across Chhattisgarh since January.", ("IN-CG", fold("sukma"))),
    # a district name two states bear: the state the story names decides
    ("Maoist rebels killed two villagers they accused of being informers in Bijapur district on Sunday, police "
     "in Chhattisgarh said.", ("IN-CG", fold("bijapur"))),
])
def test_a_district_is_read_inside_the_region_the_story_names_elsewhere(text, expected):
    assert expected in placed(text)


def test_a_district_the_story_names_outside_its_regions_places_nothing():
    text = "Gunmen killed two farmers in Kech district on Monday, days after unrest in Manipur, officials said."
    assert {code for code, _d in placed(text)} <= {None}


def test_a_district_one_province_in_the_world_holds_is_placed_where_nothing_else_says():
    text = "Gunmen opened fire on a passenger van in Kupwara district on Monday, killing three people, police said."
    assert ("IN-JK", fold("kupwara")) in placed(text)


def test_a_district_name_two_provinces_hold_places_nothing_where_nothing_else_says():
    text = "Rebels killed two villagers they accused of being informers in Bijapur district on Sunday, police said."
    assert {code for code, _d in placed(text)} <= {None}
