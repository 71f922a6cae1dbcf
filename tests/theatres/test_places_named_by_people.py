"""Places of a story about a country the theatre does not cover, when the text names that country
by its people ("Syrian shelling", "Iraqi soldiers") or after a direction word ("in western
Niger"), and subdivisions spelt in another romanisation ("Taiz" for Taʻizz, "Sulaimaniya province"
for As Sulaymānīyah governorate). Sentences of my own; the default theatre reads them."""

from __future__ import annotations

import pytest

from ruydad.extract import extract
from ruydad.extract.places import _demonym_country, _subdivision, _world_subdivision, demonym_countries


@pytest.mark.parametrize(("word", "alpha3"), [
    ("Syrian", "SYR"), ("Iraqi", "IRQ"), ("Yemeni", "YEM"), ("Sudanese", "SDN"), ("Nigerian", "NGA"),
    ("Nigerien", "NER"), ("Malian", "MLI"), ("Somali", "SOM"), ("Pakistani", "PAK"), ("Chadian", "TCD"),
    ("Mozambican", "MOZ"), ("Ukrainian", "UKR"), ("Taliban", None), ("Christian", None), ("Islamic", None),
])
def test_a_demonym_names_its_country(word: str, alpha3: str | None) -> None:
    assert _demonym_country(word) == alpha3


def test_demonyms_in_running_text() -> None:
    assert demonym_countries("Yemeni officials said the Houthi drone hit a market.") == {"YEM"}


@pytest.mark.parametrize(("name", "countries", "code"), [
    ("Taiz province", {"YEM"}, "YE-TA"),
    ("Sulaimaniya province", {"IRQ"}, "IQ-SU"),  # a governorate inside a region: "province" names it
    ("Anbar province", {"IRQ"}, "IQ-AN"),  # "Al Anbār": the article is not part of the name
    ("Kirkuk province", {"IRQ"}, "IQ-KI"),
    ("Lower Shabelle", {"SOM"}, "SO-SH"),  # the English name GeoNames gives "Shabeellaha Hoose"
    ("Barire", {"SOM"}, None),  # a town, no subdivision of the country: left out, not guessed
])
def test_subdivisions_in_another_romanisation(name: str, countries: set[str], code: str | None) -> None:
    found = _subdivision(name, frozenset(countries))
    assert (found[0] if found else None) == code


@pytest.mark.parametrize(("text", "code"), [
    ("Government shelling killed six civilians on Saturday in Idlib province, a Syrian monitor said.", "SY-ID"),
    ("Four Iraqi soldiers were killed when militants opened fire on a checkpoint in Kirkuk province on Monday.",
     "IQ-KI"),
    ("A drone hit a market in Taiz province on Sunday, killing six people, Yemeni officials said.", "YE-TA"),
    ("At least twelve soldiers were killed in an attack in the Tillaberi region in western Niger on Thursday.",
     "NE-6"),
])
def test_a_story_about_another_country_is_placed_in_its_subdivision(text: str, code: str) -> None:
    found = extract(text, published="2023-09-30")
    assert code in {p.admin1_code for p in found.places}
    assert {e.admin1_code for e in found.events} == {code}
    assert not any((p.admin1_code or "").startswith("AF-") for p in found.places)


def test_a_demonym_does_not_move_a_story_placed_in_the_theatre() -> None:
    found = extract("Pakistani forces shelled Dangam district of Kunar province on Monday, killing two children.",
                    published="2023-09-30")
    assert {e.admin1_code for e in found.events} == {"AF-KNR"}


def test_regions_listed_with_a_word_in_parentheses() -> None:
    found = extract("Jihadists attacked army posts in the Mopti (centre) and Gao (north) regions on Monday, killing "
                    "four soldiers, the Malian army said.", published="2023-09-30")
    assert {"ML-5", "ML-7"} <= {p.admin1_code for p in found.places}


def test_the_province_of_a_name() -> None:
    found = extract("A drone strike killed four militants in Iraq's northern province of Sulaimaniya on Friday.",
                    published="2023-09-30")
    assert {e.admin1_code for e in found.events} == {"IQ-SU"}


@pytest.mark.parametrize(("name", "code"), [
    ("Zamfara State", "NG-ZA"), ("Rakhine State", "MM-16"),
    ("Punjab province", "PK-PB"),  # the ISO type decides: the other one is a state
    ("Eastern Province", None),  # several countries have one
    ("Islamic State", None), ("Tigray", None),  # no kind word, no guess
])
def test_one_subdivision_in_the_world_by_name_and_kind(name: str, code: str | None) -> None:
    found = _world_subdivision(name)
    assert (found[0] if found else None) == code


def test_a_story_that_names_no_country_is_placed_by_a_unique_state() -> None:
    found = extract("Gunmen on motorcycles attacked a village in Zamfara State on Thursday, abducting dozens of "
                    "women and children.", published="2023-09-30")
    assert {e.admin1_code for e in found.events} == {"NG-ZA"}


def test_a_country_after_a_direction_word_is_a_country_where_the_parser_also_calls_it_a_person() -> None:
    found = extract("Jihadists killed twelve soldiers in an attack in western Niger on Thursday, Niger's defence "
                    "minister General Ali Sani said.", published="2023-09-30")
    assert [(p.kind, p.country_code) for p in found.places] == [("country", "NER")]
