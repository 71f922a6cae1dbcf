"""Places outside the theatre's gazetteer: towns and districts of other countries -> their province.

The sentences are written for these tests in the style of wire reports (names of real places, events
invented); what each asserts follows from GeoNames (``ruydad/data/world/``) and ISO 3166-2.
"""

from __future__ import annotations

import pytest

from ruydad.extract import Findings, extract
from ruydad.geo.world import match_subdivision, world_place, world_places


def run(text: str) -> Findings:
    return extract(text, published="2023-05-02")


def event_places(found: Findings) -> set[tuple[str | None, str | None]]:
    return {(e.admin1_code, e.admin2) for e in found.events}


def provinces(found: Findings) -> set[str]:
    return {p.admin1_code for p in found.places if p.admin1_code}


# --- the index ---------------------------------------------------------------------------------

def test_a_town_gives_its_province_as_an_iso_code():
    place = world_place("Peshawar", ["PAK"])
    assert place is not None and (place.admin1_code, place.kind) == ("PK-KP", "city")


@pytest.mark.parametrize(("alpha2", "name", "code"), [
    ("CD", "Nord Kivu", "CD-NK"),         # GeoNames' spelling, ISO's "Nord-Kivu"
    ("ML", "Tombouctou", "ML-6"),
    ("SO", "Galgudud", "SO-GA"),          # ISO's "Galguduud"
    ("IQ", "Sulaimaniya", "IQ-SU"),       # ISO's "As Sulaymānīyah", a governorate nested in a region
    ("SY", "Idleb", "SY-ID"),
    ("BF", "Sahel", "BF-12"),
])
def test_a_geonames_province_name_maps_to_its_iso_subdivision(alpha2, name, code):
    assert match_subdivision(alpha2, name) == code


def test_a_name_no_subdivision_has_maps_to_nothing():
    assert match_subdivision("ML", "Atlantis") is None


def test_a_spelling_that_differs_in_romanisation_still_finds_the_town():
    # GeoNames writes "Dhuusamarreeb"; news writes "Dhusamareb"
    place = world_place("Dhusamareb", ["SOM"])
    assert place is not None and place.admin1_code == "SO-GA"


def test_a_second_level_unit_gives_its_district_and_province():
    place = world_place("Lubero Territory", ["COD"])
    assert place is not None and (place.admin1_code, place.admin2, place.kind) == ("CD-NK", "Lubero", "district")


def test_namesakes_in_two_provinces_give_no_reading():
    found = world_places("Daura", ["NGA"])
    assert {p.admin1_code for p in found} >= {"NG-KT", "NG-YO"}
    assert world_place("Daura", ["NGA"]) is None


def test_a_town_is_looked_for_only_in_the_countries_given():
    assert world_places("Peshawar", ["SOM", "MLI"]) == ()


# --- extraction ---------------------------------------------------------------------------------

def test_a_datelined_city_places_the_event_in_its_province():
    found = run("PESHAWAR, Pakistan -- A suicide bomber blew himself up inside a mosque in the Gulshan "
                "neighbourhood of Peshawar on Friday, killing at least 12 worshippers, police said.")
    assert ("PK-KP", "Peshawar") in event_places(found)


@pytest.mark.parametrize("region", ["North Kivu", "Nord-Kivu"])
def test_a_region_in_english_or_french_is_its_iso_province(region):
    found = run(f"Rebels killed 14 villagers overnight in Lubero Territory in {region} province, in the east of "
                "the Democratic Republic of Congo, local officials said on Monday.")
    assert event_places(found) == {("CD-NK", "Lubero")}


def test_a_second_level_province_is_a_district_of_its_region():
    found = run("Jihadists attacked a military detachment between Djibo and Gaskinde in northern Burkina Faso on "
                "Tuesday, killing six soldiers, security sources said. Djibo, in Soum province, has been under "
                "blockade for months.")
    soum = next(p for p in found.places if p.name == "Soum")
    assert (soum.admin1_code, soum.admin2) == ("BF-12", "Soum")
    # the town the text puts in it is there too, though the world index does not know it
    assert ("BF-12", "Soum") in event_places(found)


def test_a_post_named_after_its_town_is_in_the_towns_province():
    found = run("Two Malian soldiers were killed on Sunday when gunmen attacked the Niafunke post in "
                "the north of Mali, the army said.")
    assert {code for code, _district in event_places(found)} == {"ML-6"}


def test_a_district_of_another_country_keeps_its_name_and_province():
    found = run("A Turkish drone strike killed three PKK fighters in Sharbazher district of Sulaimaniya province "
                "in Iraq on Friday, officials said.")
    assert event_places(found) == {("IQ-SU", "Sharbazher")}


def test_an_ambiguous_town_places_nothing_and_says_why():
    found = run("Bandits killed five farmers in Daura on Tuesday, Nigerian police said.")
    daura = next(p for p in found.places if p.name == "Daura")
    assert daura.kind == "ambiguous" and not daura.admin1_code
    assert any("NG-KT" in a for a in daura.alternatives) and any("NG-YO" in a for a in daura.alternatives)
    assert {code for code, _district in event_places(found)} == {None}


def test_a_town_of_a_country_the_story_does_not_name_gives_no_province():
    # Dhusamareb is a town of another country than the one this story names
    found = run("Mali's army said a roadside bomb killed four soldiers in Dhusamareb on Monday.")
    assert provinces(found) == set()


def test_a_town_in_a_story_that_names_no_country_gives_no_province():
    found = run("A roadside bomb killed four soldiers in Dhusamareb on Monday, officials said.")
    assert provinces(found) == set()


def test_the_theatres_gazetteer_wins_over_the_world_index():
    found = run("Pakistani forces fired rockets into Dangam district of Kunar province on Monday, killing two "
                "civilians, officials said.")
    assert event_places(found) == {("AF-KNR", "Dangam")}
    assert not any(code.startswith("PK-") for code in provinces(found))


def test_near_a_capital_is_not_in_the_capitals_province():
    # a capital is often a province of its own: what is near it may lie in the next one
    near = run("Al Shabaab fighters killed four soldiers near Mogadishu on Monday, Somali officials said.")
    assert "SO-BN" not in {code for code, _district in event_places(near)}
    inside = run("A roadside bomb killed four soldiers in Mogadishu on Monday, Somali officials said.")
    assert {code for code, _district in event_places(inside)} == {"SO-BN"}


def test_a_district_named_only_as_a_neighbour_places_nothing():
    found = run("A drone strike killed six people in a market in the district of Maqbana in Taiz province, "
                "adjacent to the district of Hays, Yemeni officials said.")
    assert event_places(found) == {("YE-TA", "Maqbanah")}
    assert all(p.name != "Hays" for p in found.places)


def test_a_town_the_paragraph_puts_in_another_province_is_not_read_in_its_namesakes():
    # the index's only Damboa lies in another state than the one the sentence names
    found = run("Insurgents attacked Damboa in Yobe state on Monday, killing six farmers, Nigerian officials said.")
    assert provinces(found) == {"NG-YO"}
    alone = run("Insurgents killed six farmers in Damboa on Monday, Nigerian officials said.")
    assert provinces(alone) == {"NG-BO"}


def test_a_direction_before_a_town_makes_it_the_region_around_it():
    around = run("A suicide bomber killed six people in northern Maiduguri on Monday, Nigerian officials said.")
    assert event_places(around) == {("NG-BO", None)}
    inside = run("A suicide bomber killed six people in Maiduguri on Monday, Nigerian officials said.")
    assert event_places(inside) == {("NG-BO", "Maiduguri")}


def test_a_country_named_as_the_datasets_write_it_is_that_country():
    found = run("Rebels killed 14 villagers in Lubero Territory in the Democratic Republic of Congo on Monday, "
                "local officials said.")
    assert {p.country_code for p in found.places if p.kind == "country"} == {"COD"}
    assert event_places(found) == {("CD-NK", "Lubero")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Gunmen killed nine farmers in the Kajuru Local Government Area of Kaduna State on Saturday, Nigerian "
     "police said.", ("NG-KD", "Kajuru")),
    ("Gunmen killed nine farmers in Kaduna State's Kajuru local government area on Saturday, Nigerian police "
     "said.", ("NG-KD", "Kajuru")),
    ("Rebels killed 14 villagers overnight in Beni territory, in the east of the Democratic Republic of Congo, "
     "officials said on Monday.", ("CD-NK", "Beni")),
])
def test_the_second_level_unit_of_other_countries_is_a_district(text, expected):
    assert event_places(run(text)) == {expected}


def test_the_shipped_index_is_consistent_with_iso_3166_2():
    """Every ISO code of the index is a subdivision pycountry knows, of the division's own country, and
    every place's province is a division of the index."""
    import gzip

    import pycountry

    from ruydad.geo.world import data_path

    admin1 = {}
    for line in data_path("admin1.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        code, iso = line.split("\t")[:2]
        admin1[code] = iso
        if iso:
            assert pycountry.subdivisions.get(code=iso) is not None, (code, iso)
            assert iso.split("-")[0] == code.split(".")[0], (code, iso)
    assert sum(1 for iso in admin1.values() if iso) > 3000
    rows = gzip.decompress(data_path("places.tsv.gz").read_bytes()).decode("utf-8").splitlines()
    assert rows[1:] == sorted(rows[1:])  # one run per country, found by bisection
    for line in rows[1:]:
        country, kind, code, _admin2, _population, names = line.split("\t")
        assert kind in ("city", "capital", "district") and code in admin1 and code.startswith(country), line
        assert names


def test_a_region_word_with_no_country_guesses_no_province():
    """"the Sahel region" names an area across borders as well as one country's region of that name:
    a story that names no country, nor its people, gives no province (an unfinished change that read
    any "<Name> region" as the world's one ISO region of that name gave BF-12 here)."""
    found = run("Jihadists killed 12 soldiers in an attack on a military post in the Sahel region on Sunday, "
                "a security source said.")
    assert provinces(found) == set()
    assert event_places(found) == {(None, None)}


def test_a_region_of_the_country_its_people_name_is_its_province():
    found = run("Malian officials said jihadists killed 12 soldiers on Sunday in the region of Mopti.")
    assert event_places(found) == {("ML-5", None)}


@pytest.mark.parametrize(("text", "expected"), [
    # "<Demonym> city" is no place's name; read as one it matched a district of the default
    # theatre by its letters and put the shelling there
    ("Shelling killed a woman in neighbourhoods east of the Yemeni city of Taiz on Sunday.", ("YE-TA", None)),
    ("Gunmen killed three people in the Nigerian state of Zamfara on Sunday.", ("NG-ZA", None)),
])
def test_a_demonym_before_a_kind_word_is_not_a_place_name(text, expected):
    found = run(text)
    assert event_places(found) == {expected}
    assert not any(p.country_code == "AFG" for p in found.places)


def test_a_word_is_not_read_as_a_short_code_of_a_theatre_place():
    # the gazetteer lists an airport's three-letter code among a district's names; "Beni" folded
    # to it and put a massacre abroad in that district
    found = run("Suspected rebels killed 22 civilians in an overnight attack on a village in Beni territory, "
                "local officials said on Wednesday.")
    assert not any(p.country_code == "AFG" for p in found.places)
    assert event_places(found) == {(None, None)}


@pytest.mark.parametrize("text", [
    "Gunmen killed five people in an attack in Goma town on Monday, officials said.",
    "Gunmen killed five people in an attack in Gourma district on Monday, officials said.",
])
def test_a_near_miss_of_a_home_name_in_a_story_with_nothing_of_the_theatre_is_no_home_place(text):
    # one letter off a district of the default theatre ("Gomal", "Ghormach"); nothing else in the
    # story is of the theatre, so it is not read as that district
    found = run(text)
    assert not any(p.country_code == "AFG" for p in found.places)


def test_a_near_miss_beside_an_exact_home_province_is_still_read():
    found = run("Gunmen killed five people in an attack in Narh-e Saraj district, Helmand province, on Monday.")
    assert event_places(found) == {("AF-HEL", "Nahr-e-Saraj")}


def test_a_country_after_a_direction_word_is_the_country_though_the_parser_calls_it_a_person():
    found = run("Suspected jihadists killed 20 civilians in an attack on a village in central Mali's Mopti region "
                "on Wednesday.")
    assert event_places(found) == {("ML-5", None)}
    found = run("Suspected jihadists killed 20 soldiers in northern Mali on Wednesday.")
    assert any(p.kind == "country" and p.country_code == "MLI" for p in found.places)


def test_the_capital_named_by_its_peoples_word_is_that_capital():
    from ruydad.geo.world import capital_of

    capital = capital_of("SOM")
    assert capital is not None and (capital.admin1_code, capital.capital) == ("SO-BN", True)
    found = run("A car bomb exploded near a military base in the Somali capital on Sunday, killing at least eight "
                "people, police said.")
    assert event_places(found) == {("SO-BN", None)}


def test_around_the_capital_named_by_its_peoples_word_places_nothing():
    found = run("A car bomb exploded on the outskirts of the Somali capital on Sunday, killing eight people.")
    assert provinces(found) == set()


def test_a_tribal_district_is_a_district():
    found = run("Security forces killed six militants in the Kurram tribal district of northwest Pakistan on Sunday.")
    assert event_places(found) == {("PK-KP", "Kurram")}


def test_a_sentence_set_in_a_neighbour_by_its_people_is_placed_there_in_a_theatre_story():
    found = run("Pakistani jets bombed villages in Khost province overnight, killing 20 civilians, Taliban officials "
                "said on Saturday. On Friday, seven Pakistani soldiers were killed in an ambush in the country's "
                "North Waziristan tribal region.")
    assert ("PK-KP", "North Wazīristān") in event_places(found)
    assert "AF-KHO" in {code for code, _district in event_places(found)}


def test_a_sentence_with_a_theatre_place_is_not_looked_up_in_the_neighbour():
    found = run("Pakistani forces fired rockets into Dangam district of Kunar province on Friday, killing a child.")
    assert {code for code, _district in event_places(found)} == {"AF-KNR"}
