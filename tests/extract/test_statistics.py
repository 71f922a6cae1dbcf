from datetime import date

import pytest

from ruydad.extract import extract
from ruydad.extract.statistics import qualifier_of


@pytest.mark.parametrize(("prefix", "qualifier"), [
    ("with up to ", "up_to"), ("as many as ", "up_to"), ("at least ", "at_least"), ("more than ", "over"),
    ("over ", "over"), ("nearly ", "nearly"), ("almost ", "nearly"), ("around ", "about"),
    ("about ", "about"), ("fewer than ", "under"), ("the ", "exactly"),
])
def test_qualifier_words(prefix, qualifier):
    assert qualifier_of(prefix)[0] == qualifier


def test_acled_figure_with_qualifier_actor_period_and_source(article):
    stats = [s for s in article.statistics if s.value == 300]
    assert len(stats) == 1
    stat = stats[0]
    assert (stat.qualifier, stat.unit, stat.measure, stat.event_type) == ("up_to", "events", "clashes", "Battles")
    assert stat.actor is not None and "National Resistance Front" in stat.actor
    assert (stat.period_start, stat.period_end) == (date(2022, 1, 1), date(2022, 6, 30))
    assert stat.attributed_to == "ACLED"


@pytest.mark.parametrize(("value", "qualifier", "period_start", "period_end"), [
    (59, "about", None, None),
    (100, "over", date(2022, 1, 1), date(2022, 6, 30)),
    (60, "nearly", date(2022, 1, 1), date(2022, 6, 30)),
    (40, "over", date(2022, 1, 1), date(2022, 6, 30)),
])
def test_every_acled_figure_of_the_article(article, value, qualifier, period_start, period_end):
    matches = [s for s in article.statistics if s.value == value and s.qualifier == qualifier]
    assert matches, f"{qualifier} {value} not found"
    if period_start:
        assert (matches[0].period_start, matches[0].period_end) == (period_start, period_end)
    assert matches[0].attributed_to == "ACLED"


def test_since_formation_period(article):
    stat = next(s for s in article.statistics if s.value == 59 and s.qualifier == "at_least")
    assert (stat.period_start, stat.period_end) == (date(2022, 3, 1), date(2022, 8, 30))
    assert stat.actor == "Afghanistan Freedom Front"


def test_years_and_durations_are_not_statistics():
    found = extract("The 20-year war ended in 2021, and 300 fighters surrendered.", published="2022-01-05")
    assert [(s.value, s.measure) for s in found.statistics] == [(300, "fighters")]


def test_statistic_offsets_point_at_the_figure(article):
    text = article.document.text
    for stat in article.statistics:
        assert any(ch.isdigit() or ch.isalpha() for ch in text[stat.start:stat.end])
        assert stat.sentence in text


def test_ordinal_like_numbers_are_not_statistics():
    found = extract("The group remains in phase two of its strategy.", published="2022-08-30")
    assert found.statistics == []
