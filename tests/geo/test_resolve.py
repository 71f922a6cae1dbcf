"""Resolver behaviour on real names: press spellings, misspellings, scripts, ambiguity, context."""

from __future__ import annotations

import pytest

from ruydad.geo import load_gazetteer, resolve_place


def best(name: str, context: str | None = None, **kwargs: object):  # type: ignore[no-untyped-def]
    found = resolve_place(name, context, **kwargs)  # type: ignore[arg-type]
    assert found, f"{name!r} not resolved"
    return found[0]


@pytest.mark.parametrize(("name", "pcode", "iso"), [
    ("Panjshir", "AF08", "AF-PAN"), ("Panjsher", "AF08", "AF-PAN"),
    ("Nangarhar", "AF06", "AF-NAN"), ("Ningarhar", "AF06", "AF-NAN"),
    ("Uruzgan", "AF25", "AF-URU"), ("Urozgan", "AF25", "AF-URU"), ("Oruzgan", "AF25", "AF-URU"),
    ("Sar-e Pul", "AF22", "AF-SAR"), ("Sar-e-Pol", "AF22", "AF-SAR"), ("Sari Pul", "AF22", "AF-SAR"),
    ("Wardak", "AF04", "AF-WAR"), ("Maidan Wardak", "AF04", "AF-WAR"),
    ("Paktya", "AF13", "AF-PIA"), ("Paktia", "AF13", "AF-PIA"),
    ("Hilmand province", "AF30", "AF-HEL"), ("Kābul", "AF01", "AF-KAB"),
])
def test_press_spellings_of_provinces_resolve_to_the_province(name: str, pcode: str, iso: str) -> None:
    found = best(name, level=1)
    assert (found.pcode, found.admin1_code) == (pcode, iso)


@pytest.mark.parametrize(("name", "pcode"), [("Kandahr", "AF27"), ("Badakhshaan", "AF17"), ("Nangrhar", "AF06")])
def test_misspelled_province_resolves_with_a_lower_score(name: str, pcode: str) -> None:
    found = best(name)
    assert found.pcode == pcode
    assert found.score < 100


@pytest.mark.parametrize(("name", "pcode"), [("پنجشیر", "AF08"), ("ننگرهار", "AF06"), ("قندهار", "AF27"),
                                             ("ولایت هرات", "AF32")])
def test_dari_and_pashto_script_names_resolve(name: str, pcode: str) -> None:
    assert best(name).pcode == pcode


def test_district_in_arabic_script_resolves_to_the_district() -> None:
    assert best("جاغوری").pcode == "AF1114"


def test_unknown_name_is_not_found_rather_than_guessed() -> None:
    assert resolve_place("Xyzzyville") == []
    assert resolve_place("Springfield district") == []


def test_district_name_shared_by_two_provinces_returns_both() -> None:
    found = resolve_place("Arghandab", level=2)
    assert {c.pcode for c in found[:2]} == {"AF2702", "AF2605"}


def test_province_in_context_picks_the_district_of_that_province() -> None:
    assert best("Arghandab", "fighting in Kandahar province", level=2).pcode == "AF2702"
    assert best("Arghandab", "Zabul", level=2).pcode == "AF2605"
    assert best("Arghandab district (Zabul)").pcode == "AF2605"


def test_khost_alone_is_the_province() -> None:
    assert best("Khost").pcode == "AF14"


def test_khost_beside_andarab_is_khost_wa_firing_in_baghlan() -> None:
    found = best("Khost (Hindukush)", "Taliban attacked Andarab and Khost (Hindukush)")
    assert (found.pcode, found.admin1_pcode) == ("AF0913", "AF09")


def test_district_named_by_its_centre_in_parentheses() -> None:
    assert best("Nahri Sarraj district (Greshk)").pcode == "AF3004"
    assert best("Khost(Matun)", level=2).pcode == "AF1401"


def test_valley_suffix_finds_the_valley_with_its_district() -> None:
    found = best("Korengal valley")
    assert found.kind == "valley"
    assert found.admin1_pcode == "AF15"
    assert found.latitude is not None


def test_village_resolves_with_coordinates_and_admin_codes() -> None:
    found = best("Delaram", level=3)
    assert found.kind == "village"
    assert found.admin2_pcode == "AF3405"


def test_province_ranks_above_its_capital_district_of_the_same_name() -> None:
    found = resolve_place("Kabul")
    assert [c.kind for c in found[:2]] == ["admin1", "admin2"]


def test_within_a_province_accepts_looser_spellings() -> None:
    without_acled = load_gazetteer("afghanistan", frozenset({"acled"}))  # 'Fersi' is ACLED's spelling
    assert resolve_place("Fersi", level=2, gazetteer=without_acled) == []
    assert best("Fersi", level=2, within="AF32", gazetteer=without_acled).pcode == "AF3215"
