"""A dateline says where a story was filed, not where anything happened, also when its date cannot
be read ("<City>, Feb 15:" with no year and no publication day) or it names the country in brackets;
an event whose sentence names only its country ("villages in southern <Country>") takes no place of
another country told later. Sentences written for the test."""

from __future__ import annotations

import pytest

from ruydad.extract import extract
from ruydad.extract.dates import dateline_span


@pytest.mark.parametrize("text", [
    "Kabul, Feb 15: At least 11 people have been killed in a blast in a mosque, officials said.",
    "Kabul [Afghanistan], November 4 (ANI): At least 11 people have been killed in a blast in a mosque.",
])
def test_a_dateline_city_with_no_year_is_no_event_place(text: str) -> None:
    assert dateline_span(text) is not None
    assert [e.admin1_code for e in extract(text).events] == [None]


def test_a_city_at_the_start_of_a_sentence_is_no_dateline() -> None:
    assert dateline_span("Kandahar city saw two blasts on Monday, killing four people.") is None


def test_an_event_in_a_named_country_takes_no_place_of_another_country() -> None:
    text = ("Eleven people were killed in air strikes on villages in eastern Afghanistan on "
            "Wednesday, officials said. The strikes came after weeks of tension along the border with Pakistan's "
            "Khyber Pakhtunkhwa province.")
    assert [e.admin1_code for e in extract(text, published="2024-02-15").events] == [None]


def test_a_dateline_day_is_no_event_day_when_the_page_gives_the_publication_day() -> None:
    text = ("Manila [Philippines], November 4 (ANI/Xinhua): Two soldiers were killed in a clash with rebels in the "
            "central province, the military said. The military said the fighting, which broke out on Wednesday "
            "in a town in Negros Occidental province, lasted an hour.")
    events = extract(text, published="2021-11-04").events
    assert [(str(e.date), e.fatalities) for e in events] == [("2021-11-03", 2)]
