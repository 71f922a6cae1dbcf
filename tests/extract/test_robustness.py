"""Extraction never fails on text: property tests over number words, hyphenations, unicode
punctuation, very short and very long texts (the whole pipeline, spaCy included)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ruydad.errors import RuydadError
from ruydad.extract import extract
from ruydad.extract.numbers import words_to_number
from ruydad.extract.statistics import parse_number

NUMBER_WORDS = ["one", "two", "eleven", "twenty", "forty", "Forty", "ninety", "hundred", "thousand", "million",
                "a dozen", "dozens", "several", "zero", "fourty", "1,200", "3.5", "41", "007", "1e5", "½", "٣"]
JOINERS = ["-", "‐", "‑", "–", "—", " ", "  ", "-and-", " and ", "/", ":", ".", ","]
WORDS = ["Taliban", "killed", "were", "detained", "arrested", "captured", "outposts", "soldiers", "civilians",
         "at least", "more than", "district", "province", "Panjshir", "Khost wa Firing", "Sar-e-Pul",
         "Mazar-i-Sharif", "Hesarak", "Anaba", "since Wednesday evening", "on August 15", "yesterday",
         "said", "sources", "Pakistani forces", "shelling", "mosque", "bombing", "the", "in", "of", "ISKP",
         "\"clearance operation\"", "“", "”", "‘", "’", "«", "»", "(", ")", "[", "]", "…", "—", "\n", "\n\n",
         "؟", "،", "کابل", "é", "ß", "🙂", "\u200b", "\u00a0", "\u2028", "\t", "%", "per cent"]

token = st.one_of(
    st.sampled_from(WORDS),
    st.builds(lambda a, j, b: a + j + b, st.sampled_from(NUMBER_WORDS), st.sampled_from(JOINERS),
              st.sampled_from(NUMBER_WORDS)),
    st.sampled_from(NUMBER_WORDS),
    st.text(min_size=1, max_size=12),
)
texts = st.lists(token, min_size=0, max_size=60).map(" ".join)


def _check(text: str) -> None:
    try:
        result = extract(text, published="2022-08-30")
    except RuydadError:
        # The only refusal allowed: binary-looking input, with an error that says so: more than a
        # tenth control characters (not the line and page breaks and tabs text has), DEL or U+FFFD
        # (what a wrong decoding leaves), counted over the first 20,000 characters.
        head = text[:20000]
        binary = sum((ch < " " and ch not in "\n\r\t\x0b\x0c") or ch in "\x7f\ufffd" for ch in head)
        assert binary > 0.1 * min(len(text), 20000)
        return
    out = result.to_dict()
    for group in ("statistics", "events", "quotes", "claims"):
        for item in out[group]:
            assert 0 <= item["start"] <= item["end"] <= len(text), (group, item)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
@example("Taliban Taliban Taliban Taliban Taliban detained 000\x1f 00\x1f\x1f\x1f 00\x1f\x1f\x7f")  # DEL counts
def test_extract_never_raises_on_word_soup(text: str) -> None:
    _check(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_extract_never_raises_on_any_unicode(text: str) -> None:
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(NUMBER_WORDS + JOINERS), max_size=8).map("".join),
       st.sampled_from([None, "thousand", "million", "billion", "lakh"]))
def test_number_reader_returns_a_value_or_none(text: str, scale: str | None) -> None:
    value = words_to_number(text, scale)
    assert value is None or value >= 0


@pytest.mark.parametrize("text, value", [
    ("forty-one", 41), ("Forty–One", 41), ("ninety nine", 99), ("one hundred and forty-one", 141),
    ("a dozen", 12), ("two thousand", 2000), ("1,200", 1200), ("3.5", 3.5),
])
def test_number_words(text: str, value: float) -> None:
    assert words_to_number(text) == value
    assert parse_number(text) == value


def test_parse_number_says_what_is_not_a_number() -> None:
    with pytest.raises(ValueError, match="not a number: 'forty-eleventy'"):
        parse_number("forty-eleventy")


def test_forty_one_is_read_as_a_figure_and_a_death_toll() -> None:
    result = extract("Forty-one soldiers were killed in the attack on Tuesday.", published="2022-08-30")
    assert [s.value for s in result.statistics] == [41.0]
    assert [e.fatalities for e in result.events] == [41]


@pytest.mark.parametrize("text", [
    "", " ", "\n", "x", "41", "-", "—", "forty-", "-one", "“", "\"", "'", "...",
    "Taliban " * 3000,
    ("At least forty-one people were killed in Kabul on Monday, officials said. " * 400),
    "Abc " * 20000,
])
def test_extract_never_raises_on_edge_texts(text: str) -> None:
    _check(text)
