from ruydad.extract import extract


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
