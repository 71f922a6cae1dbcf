"""Places of other theatres in wire copy (issue 12): districts and countries the way wire reports write them.

The sentences are written for these tests in the style of wire reports (names of real places, events
invented); what each asserts follows from GeoNames (``ruydad/data/world/``) and ISO 3166-2.
"""

from __future__ import annotations

import pytest

from tests.extract.test_world_places import event_places, run

# --- a wire dateline names the country the story's towns are in --------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("MOGADISHU, Somalia (AP) - A roadside bomb killed three soldiers in the Balcad district on Monday, "
     "police said.", ("SO-SD", "Balcad")),
    ("MAIDUGURI, Nigeria (Reuters) - Suspected insurgents killed nine farmers in Jere local government area "
     "on Sunday, residents said.", ("NG-BO", "Jere")),
])
def test_the_country_of_a_dateline_with_an_agency_counts_as_named(text, expected):
    assert expected in event_places(run(text))


def test_the_country_of_a_dateline_is_a_country_whatever_the_parser_calls_it():
    found = run("BAMAKO, Mali (Reuters) - Jihadists killed 12 soldiers in an attack on an army post on Sunday, "
                "the army said.")
    assert any(p.kind == "country" and p.country_code == "MLI" for p in found.places)


def test_an_agency_after_a_dateline_city_is_not_a_country():
    found = run("KABUL (Reuters) - A bomb killed three people in Kabul on Monday, police said.")
    assert not any(p.kind == "country" and p.country_code != "AFG" for p in found.places)


# --- "<Name> district" of another country --------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # GeoNames knows the town of Afgooye and no district of that name
    ("Al-Shabaab fighters killed four Somali soldiers in a roadside bomb attack in the Afgoye district of "
     "Lower Shabelle on Monday, officials said.", ("SO-SH", "Afgooye")),
    ("Al-Shabaab fighters killed four soldiers in Somalia's Afgoye district on Monday.", ("SO-SH", "Afgooye")),
])
def test_a_district_the_world_index_knows_only_as_its_town_is_the_district_around_the_town(text, expected):
    assert expected in event_places(run(text))


def test_a_bare_town_stays_a_town_in_the_district_of_its_name():
    # GeoNames gives the town no district; the index has a district of the town's own name in its province
    found = run("Al-Shabaab fighters killed four Somali soldiers in a roadside bomb attack in Afgoye on Monday.")
    afgoye = next(p for p in found.places if p.name == "Afgooye")
    assert afgoye.kind == "town" and afgoye.admin2 == "Afgooye"


def test_a_bare_town_with_no_district_of_its_name_has_none():
    found = run("Al-Shabaab fighters killed four Somali soldiers in a roadside bomb attack in Mogadishu on Monday.")
    mogadishu = next(p for p in found.places if p.name == "Mogadishu")
    assert mogadishu.kind == "town" and mogadishu.admin2 is None


@pytest.mark.parametrize(("text", "expected"), [
    # neither district is in GeoNames; the text puts each in a province it knows
    ("ISIS militants attacked Al-Islah village in the Jalawla district of Diyala province in Iraq late on Monday, "
     "killing four civilians and a soldier.", ("IQ-DI", "Jalawla")),
    ("Somali troops killed 13 al-Shabab militants in an operation in the Janale district of Lower Shabelle "
     "region on Friday, the army said.", ("SO-SH", "Janale")),
])
def test_an_unknown_district_the_text_puts_in_a_province_is_a_district_of_it(text, expected):
    assert expected in event_places(run(text))


def test_an_unknown_town_the_text_puts_in_a_province_is_no_district():
    found = run("Gunmen killed four people in Sabon Gari Dankolo, in Kaduna state, Nigeria, on Friday.")
    assert ("NG-KD", None) in event_places(found)


# --- region names compounded with a compass word in lower case ----------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Jihadists ambushed a supply convoy in Namsiguia, in the Centre-nord region of Burkina Faso, on Monday, "
     "killing 31 soldiers, the army said.", "BF-05"),
    ("Gunmen killed nine civilians in the village of Noaka in Burkina Faso's Sud-ouest region on Monday.", "BF-13"),
])
def test_a_compass_compound_in_lower_case_is_the_whole_region_not_its_first_word(text, expected):
    codes = {code for code, _district in event_places(run(text))}
    assert codes == {expected}


# --- a district named as such in a paragraph that names another province -------------------------

def test_a_district_named_as_such_is_kept_beside_another_province_of_its_paragraph():
    found = run("Houthi fighters attacked government troops in Yemen on Saturday in a range of mountains which "
                "connect the Merkhah Al Ulya district with the adjacent Bayda province, killing four soldiers.")
    assert ("YE-SH", "Merkhah Al Ulya") in {(p.admin1_code, p.admin2) for p in found.places}


def test_a_bare_town_in_a_paragraph_that_names_another_province_is_still_someone_elses():
    # Ariha is a town of Idlib; the paragraph names only Aleppo province
    found = run("Syrian government forces shelled Ariha in Aleppo province on Monday, killing five civilians.")
    assert "SY-ID" not in {p.admin1_code for p in found.places}


# --- "<Name> governorate" ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Turkish drones struck PKK positions in the Qandil mountains in Iraq's Erbil governorate on Sunday, "
     "killing four fighters.", "IQ-AR"),
    ("Syrian government forces shelled villages in Idlib governorate on Monday, killing five civilians.", "SY-ID"),
])
def test_a_governorate_is_a_province(text, expected):
    assert {code for code, _district in event_places(run(text))} == {expected}


# --- "<Country>'s <Name> region" ----------------------------------------------------------------------

def test_a_possessive_country_is_a_country_named_whatever_the_parser_calls_it():
    found = run("Two soldiers were killed when their vehicle hit an IED in Mali's Timbuktu region on Tuesday.")
    assert any(p.kind == "country" and p.country_code == "MLI" for p in found.places)
    assert {code for code, _district in event_places(found)} == {"ML-6"}


def test_a_possessive_person_is_no_country():
    found = run("Gunmen shot dead Ahmad's brother in Kunduz province on Tuesday, police said.")
    assert not any(p.kind == "country" for p in found.places)


# --- a dateline that gives only a capital --------------------------------------------------------------

def test_a_capital_in_the_dateline_names_its_country_for_a_story_with_no_other():
    found = run("ADDIS ABABA - More than 20 people were killed in a drone attack on Monday night in a rural town, "
                "East Gojjam Zone of Amhara Region, sources said.")
    assert {code for code, _district in event_places(found)} == {"ET-AM"}


def test_a_capital_in_the_dateline_adds_no_country_to_a_story_of_the_theatre():
    # filed from a neighbour's capital about the theatre: the story's names are not looked for there
    found = run("ISLAMABAD: Taliban fighters attacked a security post in Kunar province on Monday, killing "
                "two guards, officials said.")
    assert {code for code, _district in event_places(found)} == {"AF-KNR"}
    assert not any(p.country_code == "PAK" for p in found.places)


# --- "<Name> Zone", the second level of some countries ----------------------------------------------

def test_a_zone_is_a_district_under_its_name_without_the_word():
    from ruydad.geo.world import world_place

    place = world_place("East Gojjam Zone", ["ETH"])
    assert place is not None and (place.admin1_code, place.admin2, place.kind) == ("ET-AM", "East Gojjam", "district")
    found = run("Ethiopian troops killed 20 Fano fighters in North Wollo Zone of Amhara region on Monday.")
    assert ("ET-AM", "North Wollo") in event_places(found)


def test_a_numbered_zone_keeps_its_number():
    from ruydad.geo.world import world_places

    assert any(p.admin2 == "Zone 1" for p in world_places("Zone 1", ["ETH"]))


# --- a subdivision whose name joins two words with "and" ----------------------------------------------

def test_a_subdivision_named_with_and_is_one_name_not_a_list():
    found = run("Indian security forces killed two militants in Jammu and Kashmir's Kulgam district on Tuesday, "
                "police said.")
    assert event_places(found) == {("IN-JK", "Kulgam")}


def test_two_provinces_joined_by_and_stay_two():
    found = run("Taliban fighters clashed with resistance forces in Kunduz and Baghlan provinces on Tuesday.")
    assert {p.admin1_code for p in found.places} >= {"AF-KDZ", "AF-BGL"}


# --- a country named as the owner of its forces ("<Country>'s military") -------------------------------

def test_a_country_named_as_its_forces_owner_is_where_the_storys_places_are_looked_for():
    found = run("Mali's military said eight soldiers died in an attack on Wednesday when a unit in the Nara region "
                "was the target of an ambush combining explosive devices and heavy weapons.")
    assert {code for code, _district in event_places(found)} == {"ML-2"}


def test_a_persons_forces_name_no_country():
    found = run("Ahmad's men attacked a checkpoint in the Nara area on Wednesday, killing two guards.")
    assert not any(p.country_code == "MLI" for p in found.places)


# --- a people's word two countries share --------------------------------------------------------------

def test_a_peoples_word_two_countries_share_looks_in_both():
    found = run("Congolese soldiers and UN peacekeepers clashed with M23 rebels near Goma on Tuesday, killing four.")
    assert {code for code, _district in event_places(found)} == {"CD-NK"}


# --- "an attack on <Town>" ------------------------------------------------------------------------------

def test_the_town_an_attack_was_on_is_where_it_was():
    found = run("The Sudanese army said it had repelled an RSF attack on El Fasher on Friday, killing 12 fighters.")
    assert {code for code, _district in event_places(found)} == {"SD-DN"}


def test_a_platform_something_was_posted_on_is_no_place():
    found = run("The Taliban posted a video on Twitter on Monday showing the attack in Kunduz.")
    assert {p.admin1_code for p in found.places} == {"AF-KDZ"}


# --- "the town of <Name>" -----------------------------------------------------------------------------

def test_a_name_the_writer_calls_a_town_needs_no_population():
    # GeoNames gives At Tarmiyah no population: a bare "in Tarmiyah" is not read as the town
    found = run("A roadside bomb killed four Iraqi soldiers near the town of Tarmiyah, north of Baghdad, on Tuesday.")
    assert {code for code, _district in event_places(found)} == {"IQ-BG"}
    assert {code for code, _district in event_places(
        run("A roadside bomb killed four Iraqi soldiers in Tarmiyah on Tuesday."))} == {None}


# --- a road named by its two ends ------------------------------------------------------------------------

def test_a_road_between_two_provinces_places_nothing():
    found = run("Four people were killed when a roadside bomb hit their car on the Kabul-Jalalabad highway on Monday.")
    assert {code for code, _district in event_places(found)} == {None}


def test_a_road_whose_ends_lie_in_one_province_is_in_it():
    found = run("ISIS militants attacked a Federal Police detachment on the Kirkuk-Daquq road in Iraq on Monday, "
                "killing four policemen.")
    assert {code for code, _district in event_places(found)} == {"IQ-KI"}


def test_a_road_between_two_provinces_in_a_province_the_text_names_is_there():
    found = run("A roadside bomb hit a Taliban vehicle on the Kabul-Charikar highway in Parwan province, killing two.")
    assert {code for code, _district in event_places(found)} == {"AF-PAR"}


# --- a people's word that is a plural name's singular ---------------------------------------------------

def test_a_plural_countrys_singular_names_its_people():
    found = run("Five soldiers were killed in a clash with communist rebels in La Castellana town, Negros "
                "Occidental, the Philippine army said on Friday.")
    assert {p.country_code for p in found.places if p.admin1_code} == {"PHL"}


# --- units below the second level ("<Name> tehsil", "<Name> woreda") --------------------------------------

def test_a_unit_below_a_district_is_a_town_in_its_district_not_a_district_of_its_own():
    found = run("Pakistani security forces killed four militants in the Datta Khel tehsil of North Waziristan on "
                "Monday, the army said.")
    assert ("PK-KP", "North Wazīristān") in event_places(found)
    found = run("Fano militiamen clashed with Ethiopian troops in Dangila woreda on Monday, killing 10.")
    assert event_places(found) == {("ET-AM", None)}
