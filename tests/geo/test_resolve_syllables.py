"""Spellings written syllable by syllable (a romanisation that spaces every syllable) match only as written."""

from __future__ import annotations

import pytest

from ruydad.geo import resolve_place
from ruydad.geo.resolve import _syllabic


@pytest.mark.parametrize("key", ["ke bu er", "qia li ka er", "mai ma na"])
def test_a_spelling_of_short_syllables_is_syllabic(key):
    assert _syllabic(key)


@pytest.mark.parametrize("key", ["deh mir sad", "sar e pul", "kabul", "do ab", "کوت میر بچه"])
def test_names_of_words_are_not_syllabic(key):
    assert not _syllabic(key)


def test_a_syllabic_spelling_still_matches_as_written():
    assert resolve_place("ke bu er")[0].name == "Kabul"


def test_a_syllabic_spelling_is_no_fuzzy_match_for_another_name():
    # 'Khyber' folds close to the run-together syllables of a spelling of Kabul
    assert not any(c.name == "Kabul" for c in resolve_place("Khyber district"))
