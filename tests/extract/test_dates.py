from datetime import date

import pytest

from ruydad.extract.dates import find_dateline, find_dates, find_header_date

PUB = date(2022, 8, 30)  # a Tuesday


def one(text: str, published: date | None = PUB):
    found = find_dates(text, published)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


@pytest.mark.parametrize(("text", "start", "end", "precision"), [
    ("It happened yesterday.", date(2022, 8, 29), date(2022, 8, 29), "day"),
    ("They struck on Friday.", date(2022, 8, 26), date(2022, 8, 26), "day"),
    ("an offensive on August 15 in the valley", date(2022, 8, 15), date(2022, 8, 15), "day"),
    ("the withdrawal last August", date(2021, 8, 1), date(2021, 8, 31), "month"),
    ("a drone strike in Kabul late last month", date(2022, 7, 21), date(2022, 7, 31), "month"),
    ("in the first six months of this year", date(2022, 1, 1), date(2022, 6, 30), "range"),
    ("during the first half of the year", date(2022, 1, 1), date(2022, 6, 30), "range"),
    ("during the first six months of 2022", date(2022, 1, 1), date(2022, 6, 30), "range"),
    ("clashes since its formation in March", date(2022, 3, 1), PUB, "range"),
    ("the period between the takeover last August and the end of 2021", date(2021, 8, 1), date(2021, 12, 31),
     "range"),
    ("attacks this year", date(2022, 1, 1), PUB, "year"),
    ("in the 1990s", date(1990, 1, 1), date(1999, 12, 31), "decade"),
    ("on Jan. 25, 2013", date(2013, 1, 25), date(2013, 1, 25), "day"),
    ("on 25 January 2013", date(2013, 1, 25), date(2013, 1, 25), "day"),
    ("in August 2021", date(2021, 8, 1), date(2021, 8, 31), "month"),
    ("over the past 24 hours", date(2022, 8, 29), PUB, "range"),
])
def test_expression_resolves_against_publication_date(text, start, end, precision):
    found = one(text)
    assert (found.period_start, found.period_end, found.precision) == (start, end, precision)
    assert text[found.start:found.end] == found.text


def test_weekday_on_publication_day_is_that_day():
    assert one("on Tuesday").period_start == PUB


def test_date_without_year_after_publication_is_last_year():
    assert one("on December 20").period_start == date(2021, 12, 20)


def test_relative_dates_stay_unresolved_without_publication_date():
    found = one("yesterday", published=None)
    assert found.period_start is None and not found.resolved


def test_lower_case_may_and_march_are_not_dates():
    assert find_dates("they may march on the capital", PUB) == []


def test_release_numbers_are_not_years():
    assert [d.text for d in find_dates("2013-01-S-025 was issued", PUB)] == []


def test_dateline_with_year():
    text = "2013-01-S-025\n\nKABUL, Afghanistan (Jan. 25, 2013)\nDuring a security operation..."
    found, span = find_dateline(text)
    assert found == date(2013, 1, 25)
    assert span is not None and text[span[0]:span[1]] == "Jan. 25, 2013"


def test_dateline_without_year_takes_release_number_year():
    text = "2010-09-CA-005 For Immediate Release\nDownload PDF\nKABUL, Afghanistan (Sept. 1) - An Afghan force"
    assert find_dateline(text)[0] == date(2010, 9, 1)


def test_header_date_when_no_dateline():
    assert find_header_date("Dec. 6: Operations Conducted in Laghman\n2009-12-CA-060 For Immediate Release") == \
        date(2009, 12, 6)
