import pytest

from ruydad.extract import extract
from ruydad.extract.places import outlet_spans


def codes(extraction):
    return {p.admin1_code for p in extraction.places if p.admin1_code}


def test_khost_hindukush_is_a_district_of_baghlan_not_khost_province(article):
    assert "AF-KHO" not in codes(article)


def test_article_provinces(article):
    for code in ("AF-PAN", "AF-BGL", "AF-PAR", "AF-TAK", "AF-SAR", "AF-NUR", "AF-FYB", "AF-KAB", "AF-KAN", "AF-HER",
                 "AF-KAP", "AF-NAN", "AF-LAG", "AF-GHA", "AF-WAR", "AF-ZAB", "AF-PKA", "AF-PIA", "AF-HEL",
                 "AF-LOG", "AF-URU"):
        assert code in codes(article), code


def test_district_resolves_with_its_province():
    found = extract("Fighters attacked a checkpoint in Andar district, Ghazni province, yesterday.",
                    published="2013-01-25")
    andar = next(p for p in found.places if p.kind == "admin2")
    assert (andar.admin1_code, andar.admin2) == ("AF-GHA", "Andar")
    assert andar.admin2_pcode


def test_person_names_are_not_places():
    found = extract("KABUL, Afghanistan (Jan. 25, 2013)\nA force killed the Taliban leader, Alaudin, in Andar "
                    "district, Ghazni province. Alaudin oversaw a group of insurgents.")
    assert all(p.kind != "village" for p in found.places)


def test_countries_have_iso_codes(article):
    countries = {p.name: p.country_code for p in article.places if p.kind == "country"}
    assert countries.get("Pakistan") == "PAK"


def test_place_mention_offsets(article):
    text = article.document.text
    for place in article.places:
        for mention in place.mentions:
            assert text[mention.start:mention.end] == mention.text


def test_khost_hindukush_resolves_to_khost_wa_fereng_district_of_baghlan(article):
    place = next(p for p in article.places if any(m.text == "Khost (Hindukush)" for m in p.mentions))
    assert (place.kind, place.admin1_code) == ("admin2", "AF-BGL")


def test_list_of_provinces_after_a_kind_word_and_in_a_quote(article):
    codes_found = {p.admin1_code for p in article.places}
    assert {"AF-SAR", "AF-NUR", "AF-FYB", "AF-URU", "AF-ZAB"} <= codes_found


# News outlets named after a place (own sentences): the outlet is the source of the report, not
# where anything happened.
@pytest.mark.parametrize("text", [
    "A relative of the victim told Kabul Now that gunmen shot dead a former soldier in Chahar Bolak district of "
    "Balkh province on Monday.",
    "According to Kabul Now, gunmen shot dead a former soldier in Chahar Bolak district of Balkh province on Monday.",
    "Gunmen shot dead a former soldier in Chahar Bolak district of Balkh province on Monday, Kabul Now reported.",
    "Gunmen shot dead a former soldier in Chahar Bolak district of Balkh province on Monday, the Herat Times said.",
    "Gunmen shot dead a former soldier in Chahar Bolak district of Balkh province on Monday, Radio Kandahar said.",
    "Gunmen shot dead a former soldier in Chahar Bolak district of Balkh province on Monday, Kunduz International "
    "reported.",
])
def test_an_outlet_named_after_a_place_places_nothing(text):
    found = extract(text, published="2022-03-10")
    assert codes(found) == {"AF-BAL"}
    assert {e.admin1_code for e in found.events} == {"AF-BAL"}


def test_an_outlet_as_the_only_place_leaves_the_event_unplaced():
    found = extract("Gunmen shot dead a shopkeeper on Friday, a relative told Kabul Now.", published="2022-03-10")
    assert codes(found) == set()
    assert [e.admin1_code for e in found.events] == [None]


def test_a_place_name_before_other_capitalised_words_is_still_a_place():
    found = extract("A bomb exploded near Kabul International Airport on Monday, killing two guards.",
                    published="2022-03-10")
    assert "AF-KAB" in codes(found)


def test_outlet_spans():
    text = "Sources told Kabul Now and the Herat Times; Radio Free Kandahar and Kunduz News Agency reported it."
    assert [name for _s, _e, name in outlet_spans(text)] == ["Kabul Now", "Herat Times", "Radio Free Kandahar",
                                                             "Kunduz News Agency"]
    assert outlet_spans("Fighting reached Kabul International Airport.") == []


# Where a person is from is not where the event was (own sentences).
def test_a_residents_home_is_not_the_event_place_when_the_sentence_names_another():
    found = extract("Intelligence agents detained Ahmad, a resident of Bazarak, in Kabul city on Tuesday.",
                    published="2022-03-10")
    assert {e.admin1_code for e in found.events} == {"AF-KAB"}


def test_detained_men_from_a_district_are_placed_in_its_province_when_nothing_else_is_named():
    found = extract("Intelligence agents detained two men from Bazarak district of Panjshir province on Tuesday.",
                    published="2022-03-10")
    assert {e.admin1_code for e in found.events} == {"AF-PAN"}


# The neighbour's districts and towns are never the theatre's provinces (own sentences).
@pytest.mark.parametrize("text", [
    "Tribal elders in Kurram met on Sunday after clashes killed 12 people in Lower Kurram.",
    "Clashes in Upper Kurram and Parachinar left 30 dead, officials said.",
    "Gunmen killed five policemen in Miqdadiyah on Sunday.",
    "Militants attacked a checkpoint near Miqdadiyah, in Diyala, killing two soldiers.",
    "Police in Baqubah said a roadside bomb killed two soldiers near Muqdadiyah on Monday.",
    "Fighters stormed a base in Lower Shabelle on Sunday, killing four soldiers.",
    "An explosion in the Lower Shabelle region killed four soldiers on Sunday.",
])
def test_neighbour_districts_are_no_theatre_province(text):
    found = extract(text, published="2022-03-10")
    assert codes(found) == set()
    assert all(e.admin1_code is None for e in found.events)


@pytest.mark.parametrize(("text", "code"), [
    ("A bomb exploded near Kabul International Airport on Monday, killing two guards.", "AF-KAB"),
    ("Gunmen attacked Kandahar Airfield on Monday, killing a guard.", "AF-KAN"),
    ("A suicide bomber struck the Herat Regional Hospital on Monday, killing three.", "AF-HER"),
])
def test_a_facility_named_after_its_place_is_in_that_place(text, code):
    found = extract(text, published="2022-03-10")
    assert code in codes(found)
    assert {e.admin1_code for e in found.events} == {code}


# A district written exactly is the district, though hamlets elsewhere share its name (own sentences).
def test_a_district_named_alone_is_not_made_ambiguous_by_a_village_elsewhere():
    found = extract("Fighting erupted in Andarab areas on Monday, killing three fighters.", published="2022-03-10")
    assert [(e.admin1_code, e.admin2) for e in found.events] == [("AF-BGL", "Andarab")]


def test_two_districts_of_one_name_in_two_provinces_stay_ambiguous():
    found = extract("Clashes broke out in Baharak district on Monday, killing three fighters.", published="2022-03-10")
    assert [p.kind for p in found.places] == ["ambiguous"]
    assert [e.admin1_code for e in found.events] == [None]



# --- a village or area the text puts in a district (issue 12) ------------------------------------
# Own sentences. "Abdullah Khel" is a village of Panjshir's Dara district and of Kabul's Bagrami
# district in the gazetteer; "<X> area of Dara district" is the Panjshir one even where the story
# names Kabul first.

@pytest.mark.parametrize("text", [
    "Officials in Kabul denied the report.\n\nTaliban fighters clashed with resistance forces in the Abdullah "
    "Khel area of Dara district on Monday, killing three.",
    "A commander in Kabul said Taliban fighters clashed with resistance forces in the Abdullah Khel area "
    "of Dara district on Monday.",
    "Resistance fighters ambushed a Taliban patrol in the Abdullah Khel area of Dara district in Panjshir "
    "province on Monday, killing three.",
])
def test_an_area_of_a_district_is_read_inside_that_district(text):
    found = extract(text, published="2023-05-02")
    readings = {(p.name, p.admin1_code, p.admin2) for p in found.places}
    assert ("Abdullah Khel", "AF-PAN", "Dara") in readings
    assert not any(name == "Abdullah Khel" and code != "AF-PAN" for name, code, _d in readings)
    assert ("AF-PAN", "Dara") in {(e.admin1_code, e.admin2) for e in found.events}


def test_an_area_the_district_does_not_know_is_the_district_itself():
    found = extract("Officials in Kabul denied the report.\n\nFighting raged in the Qalandar Ghundai area of Dara "
                    "district on Monday, killing three Taliban fighters.", published="2023-05-02")
    by_mention = {m.text: (p.admin1_code, p.admin2) for p in found.places for m in p.mentions}
    assert by_mention["Qalandar Ghundai"] == ("AF-PAN", "Dara")
    assert {(e.admin1_code, e.admin2) for e in found.events} == {("AF-PAN", "Dara")}


@pytest.mark.parametrize(("name", "code"), [("Farah", "AF-FRA"), ("Badghis", "AF-BDG"), ("Samangan", "AF-SAM"),
                                            ("Bamyan", "AF-BAM")])
def test_a_province_the_tagger_calls_a_person_after_in_is_still_a_place(name, code):
    events = extract(f"Gunmen killed three people in {name} on Saturday.", published="2023-08-20").events
    assert [e.admin1_code for e in events] == [code]


def test_a_persons_name_after_in_with_a_possessive_is_no_place():
    found = extract("Gunmen killed three guards in Karim's house on Saturday.", published="2023-08-20")
    assert all(p.kind == "country" for p in found.places)
