"""A province filter written on the names the store holds (the catalog's provinces) selects exactly
the events of the general condition (any spelling, P-code or ISO code), and keeps the general form
wherever a list of names could not say the same thing."""

from __future__ import annotations

import pytest

from ruydad.query.catalog import StoredProvince
from ruydad.query.places import PlaceMatch
from ruydad.query.resolve import _place_condition, _stored_names
from ruydad.store import Store

PANJSHIR = PlaceMatch("Panjshir", 1, "Panjshir", "AF08", "AF-PAN", ("Panjshir", "Panjsher", "AF08", "AF-PAN"))


def _general(store: Store, term: str) -> str:
    """The condition without the store's provinces: what the exact one must equal."""
    query = store.query(admin1=term)
    (_, match), = query.places
    return _place_condition([match], 1).sql(store.SQL_DIALECT)


@pytest.mark.parametrize("term", ["Panjshir", "Panjsher", "AF-PAN", "af08", "Kabul", "Nowhere"])
def test_the_stored_names_select_the_same_events(both: Store, term: str) -> None:
    assert both.query_context().catalog.provinces, "the rollup catalog reads the provinces"
    exact = both.query(admin1=term).where(both.SQL_DIALECT)
    assert "lower(" not in exact.lower() and "upper(" not in exact.lower()
    general = _general(both, term)

    def selected(where: str) -> set[tuple[str, str]]:
        rows = both.con.execute(f"SELECT dataset, dataset_event_id FROM events WHERE {where}").fetchall()
        return {(str(d), str(i)) for d, i in rows}

    assert selected(exact) == selected(general)
    if term != "Nowhere":
        assert selected(exact), term


def test_both_spellings_of_one_unit_are_listed() -> None:
    stored = [StoredProvince("Panjshir", "AF08", "AF-PAN", 10), StoredProvince("Panjsher", "AF08", None, 4),
              StoredProvince("Kabul", "AF01", "AF-KAB", 30)]
    assert _stored_names(stored, {"panjshir", "panjsher"}, {"AF08"}, {"AF-PAN"}, set()) == ["Panjsher", "Panjshir"]
    where = _place_condition([PANJSHIR], 1, stored).sql("duckdb")
    assert where == "admin1 IN ('Panjsher', 'Panjshir')"


def test_a_name_coded_only_by_its_code_is_found() -> None:
    # an export that writes the province in a way no spelling covers, but with the right P-code
    stored = [StoredProvince("Panjshir Province", "AF08", "AF-PAN", 3), StoredProvince("Kabul", "AF01", None, 9)]
    assert _stored_names(stored, {"panjshir"}, {"AF08"}, {"AF-PAN"}, set()) == ["Panjshir Province"]


def test_no_list_where_a_name_is_on_both_sides() -> None:
    # the same name stored under two units: only the codes can tell its rows apart
    stored = [StoredProvince("Khost", "AF14", "AF-KHO", 5), StoredProvince("Khost", None, None, 2),
              StoredProvince("Baghlan", "AF09", "AF-BGL", 7)]
    assert _stored_names(stored, {"baghlan"}, {"AF09"}, {"AF-BGL"}, set()) == ["Baghlan"]
    shared = [StoredProvince("Khost", "AF14", "AF-KHO", 5), StoredProvince("Khost", "AF09", None, 2)]
    assert _stored_names(shared, set(), {"AF14"}, set(), set()) is None  # asked by P-code alone
    assert "lower(admin1)" in _place_condition(
        [PlaceMatch("AF14", 1, "Khost", "AF14", "AF-KHO", ("AF14",))], 1, shared).sql("duckdb").lower()


def test_no_list_for_a_selected_row_without_a_name_or_a_name_outside_ascii() -> None:
    unnamed = [StoredProvince(None, "AF08", "AF-PAN", 2), StoredProvince("Panjshir", "AF08", "AF-PAN", 5)]
    assert _stored_names(unnamed, {"panjshir"}, {"AF08"}, {"AF-PAN"}, set()) is None
    accented = [StoredProvince("Panjshīr", "AF08", "AF-PAN", 2)]
    assert _stored_names(accented, {"panjshir"}, {"AF08"}, {"AF-PAN"}, set()) is None
    unrelated_unnamed = [StoredProvince(None, None, None, 4), StoredProvince("Panjshir", "AF08", "AF-PAN", 5)]
    assert _stored_names(unrelated_unnamed, {"panjshir"}, {"AF08"}, {"AF-PAN"}, set()) == ["Panjshir"]


def test_a_province_the_store_lacks_selects_nothing() -> None:
    stored = [StoredProvince("Kabul", "AF01", "AF-KAB", 30)]
    assert _stored_names(stored, {"panjshir"}, {"AF08"}, {"AF-PAN"}, set()) == []
    assert _place_condition([PANJSHIR], 1, stored).sql("duckdb") == "FALSE"


def test_a_catalog_built_from_the_events_keeps_the_general_form() -> None:
    assert "lower(admin1)" in _place_condition([PANJSHIR], 1, None).sql("duckdb").lower()
