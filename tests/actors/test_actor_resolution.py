"""From dataset and press names to registry actors: the UCDP sample resolves in full."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from ruydad.actors import resolve_actor


def test_every_ucdp_sample_side_name_resolves(ucdp_rows):
    unresolved: Counter[str] = Counter()
    total = 0
    for row in ucdp_rows:
        on = date.fromisoformat(row["start_date"])
        for side in ("side_a_name", "side_b_name"):
            total += 1
            match = resolve_actor(row[side], on=on, dataset="ucdp")
            if match is None or match.method != "dataset_name":
                unresolved[row[side]] += 1
    assert total == 2048
    assert not unresolved, f"unresolved UCDP names: {dict(unresolved)}"


@pytest.mark.parametrize(("name", "on", "expected"), [
    ("Government of Afghanistan", date(2001, 9, 23), "iea"),
    ("Government of Afghanistan", date(2010, 6, 1), "ira"),
    ("Government of Afghanistan", date(2021, 8, 14), "ira"),
    ("Government of Afghanistan", date(2021, 8, 15), "iea"),
    ("Government of Afghanistan", date(2022, 8, 13), "iea"),
])
def test_ucdp_government_name_resolves_by_date(name, on, expected):
    match = resolve_actor(name, on=on, dataset="ucdp")
    assert match is not None and match.actor_id == expected


def test_undated_reused_name_picks_the_current_holder_and_lists_the_other():
    match = resolve_actor("Government of Afghanistan")
    assert match is not None and match.actor_id == "iea" and match.alternatives == ("ira",)


@pytest.mark.parametrize(("name", "expected"), [
    ("Taliban", "taliban"),
    ("Military Forces of Afghanistan (2021-)", "iea-forces"),
    ("Military Forces of Afghanistan (2004-2021)", "andsf"),
    ("NRF: National Resistance Front", "nrf"),
    ("AFF: Afghanistan Freedom Front", "aff"),
    ("Islamic State (Afghanistan)", "iskp"),
    ("Islamic State Khorasan Province (ISKP)", "iskp"),
    ("Unidentified Armed Group (Afghanistan)", "unidentified-armed-group"),
    ("Civilians (Afghanistan)", "civilians"),
    ("Military Forces of Pakistan (2018-)", "pakistan-forces"),
    ("TTP: Tehreek-i-Taliban Pakistan", "ttp"),
    ("HQN: Haqqani Network", "haqqani-network"),
])
def test_acled_actor_names_resolve(name, expected):
    match = resolve_actor(name, dataset="acled")
    assert match is not None and match.actor_id == expected


@pytest.mark.parametrize("name", ["ISIS", "IS-K", "ISKP", "ISIS-K", "Islamic State Khorasan", "Daesh",
                                  "ISIS-Khorasan", "Islamic State", "داعش"])
def test_press_variants_of_islamic_state_khorasan(name):
    match = resolve_actor(name)
    assert match is not None and match.actor_id == "iskp"


@pytest.mark.parametrize(("name", "expected"), [
    ("Jamaat Ansurallah", "jamaat-ansarullah"),
    ("Tajik Taliban", "jamaat-ansarullah"),
    ("Pakistani Taliban", "ttp"),
    ("Islamic Union of Uzbekistan", "imu"),
    ("Turkistan Islamic Party", "etim"),
    ("TIP", "etim"),
    ("Afghan National Security Forces", "andsf"),
    ("the National Resistance Front's", "nrf"),
    ("Afghanistan Islamic National and Liberation Movement", "alm"),
    ("جبهه مقاومت ملی افغانستان", "nrf"),
])
def test_aliases_spellings_and_local_names(name, expected):
    match = resolve_actor(name)
    assert match is not None and match.actor_id == expected


def test_acronyms_are_case_sensitive():
    assert resolve_actor("is") is None
    assert resolve_actor("us") is None
    us = resolve_actor("US")
    assert us is not None and us.actor_id == "us-forces"


def test_dataset_qualifiers_are_stripped_for_names_the_registry_lacks():
    match = resolve_actor("Civilians (Pakistan)")
    assert match is not None and (match.actor_id, match.method) == ("civilians", "qualifier_stripped")


def test_fuzzy_match_absorbs_a_misspelling():
    match = resolve_actor("Jamaat Ansarulah")
    assert match is not None and match.actor_id == "jamaat-ansarullah" and match.method == "fuzzy"
    assert 90 <= match.score < 100


@pytest.mark.parametrize("name", ["Panjshir Resistance Front", "Andarab Freedom Front", "Baghlan Liberation Movement",
                                  "Resistance", "Front"])
def test_fuzzy_match_does_not_merge_different_groups(name):
    assert resolve_actor(name) is None


def test_acronym_defined_in_the_context():
    context = "Fighters of the Andarab Resistance Front (ARF) attacked. ARF said so."
    assert resolve_actor("ARF") is None
    match = resolve_actor("ARF", context=context)
    assert match is not None and (match.actor_id, match.method) == ("arf", "defined_acronym")
