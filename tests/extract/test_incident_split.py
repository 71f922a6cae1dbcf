"""One event per reported incident (issue 12): a lead that sums up separate attacks and the
sentences that tell each of them; sentences written for the test in the style of wire copy."""

from __future__ import annotations

from ruydad.extract import Event, extract

PUBLISHED = "2023-03-10"  # a Friday


def _events(text: str) -> list[Event]:
    return extract(text, published=PUBLISHED).events


def test_a_country_wide_summary_of_separate_attacks_is_not_an_event_of_its_own():
    events = _events("Two separate attacks killed eleven people in Nigeria on Monday. In the first, gunmen killed "
                     "six traders in Kaduna state. In the second, herders killed five farmers in Benue state.")
    assert sorted((e.admin1_code, e.fatalities) for e in events) == [("NG-BE", 5), ("NG-KD", 6)], \
        [e.to_dict() for e in events]


def test_a_summary_whose_details_name_no_place_keeps_its_toll():
    events = _events("Two separate attacks killed eleven people in Nigeria on Monday, police said.")
    assert sum(e.fatalities or 0 for e in events) == 11
