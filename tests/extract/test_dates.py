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


@pytest.mark.parametrize(("text", "day"), [
    ("Gunmen opened fire on the checkpoint early this morning.", PUB),
    ("The blast hit the market this afternoon.", PUB),
    ("Police said the attack took place earlier today.", PUB),
    ("The convoy was ambushed last evening.", date(2022, 8, 29)),
    ("The fighters raided the village two days ago.", date(2022, 8, 28)),
    ("A week ago the militants seized the crossing.", date(2022, 8, 23)),
])
def test_relative_days_count_from_the_publication_day(text, day):
    found = one(text)
    assert (found.period_start, found.period_end) == (day, day)


def test_months_and_years_ago():
    assert (one("The base fell three months ago.").period_start, one("The base fell three months ago.").period_end) \
        == (date(2022, 5, 1), date(2022, 5, 31))
    assert one("The base fell two years ago.").period_start == date(2020, 1, 1)


def test_wire_dateline_with_the_date_after_the_city():
    text = "TOWNVILLE, March 3, 2021 (Wire Agency) - Two soldiers were killed on Tuesday."
    found, span = find_dateline(text)
    assert found == date(2021, 3, 3)
    assert span is not None and text[span[0]:span[1]] == "March 3, 2021"


def test_wire_dateline_without_year_takes_the_year_of_the_header_date():
    text = "Posted 4 January 2021\nTOWNVILLE, Jan 3 (Wire Agency) - Two soldiers were killed yesterday."
    assert find_dateline(text)[0] == date(2021, 1, 3)


def test_dateline_without_year_across_the_turn_of_the_year():
    text = "Release 2012-01-S-004\nTOWNVILLE, Somewhere (Dec. 31) - A patrol detained a man."
    assert find_dateline(text)[0] == date(2011, 12, 31)


def test_dateline_without_year_takes_a_month_and_year_stamp():
    text = "Operations update, January 2011\nTOWNVILLE, Somewhere (Jan. 28) - A patrol detained a man today."
    assert find_dateline(text)[0] == date(2011, 1, 28)


def test_dateline_without_any_year_in_the_text_gives_no_date():
    text = "TOWNVILLE, Somewhere (Jan. 28) - A patrol detained a man today."
    assert find_dateline(text) == (None, None)
    text = "TOWNVILLE, Jan 28 (Wire Agency) - A patrol detained a man today."
    assert find_dateline(text) == (None, None)


def test_header_date_written_day_first():
    assert find_header_date("Published 12 January 2021\nTwo policemen were killed yesterday.") == date(2021, 1, 12)


def test_dated_dateline_sets_the_day_relative_words_count_from():
    from ruydad.extract import extract

    text = ("Posted 4 January 2021\nTOWNVILLE, Jan 3 (Wire Agency) - Gunmen killed two policemen at a checkpoint "
            "last night, police said.")
    found = extract(text)
    assert found.document.published == date(2021, 1, 3)
    assert [e.date for e in found.events] == [date(2021, 1, 2)]


@pytest.mark.parametrize(("text", "day"), [
    ("Gunmen attacked the post on 28/01/2021.", date(2021, 1, 28)),
    ("Gunmen attacked the post on 28.01.2021.", date(2021, 1, 28)),
    ("Gunmen attacked the post on 01/28/2021.", date(2021, 1, 28)),
    ("Gunmen attacked the post on 2021/01/28.", date(2021, 1, 28)),
])
def test_numeric_dates_whose_order_is_certain(text, day):
    found = one(text)
    assert (found.period_start, found.period_end, found.precision) == (day, day, "day")


def test_a_numeric_date_of_uncertain_order_is_only_its_year():
    found = one("Gunmen attacked the post on 03/08/2021.")
    assert (found.text, found.precision) == ("2021", "year")


def test_header_date_written_with_numbers():
    assert find_header_date("Published: 28.01.2021 10:32\nGunmen killed two policemen yesterday.") == date(2021, 1, 28)


def test_relative_days_count_from_a_dateline_filed_before_publication():
    from ruydad.extract import extract

    text = "TOWNVILLE, March 10 (Wire Agency) - Gunmen killed two policemen at a checkpoint yesterday, police said."
    found = extract(text, published="2022-03-11")
    assert [d.period_start for d in found.document.dates if d.text == "yesterday"] == [date(2022, 3, 9)]
    assert found.document.published == date(2022, 3, 11)


def test_a_dateline_long_before_publication_is_not_the_reference_day():
    from ruydad.extract import extract

    text = "TOWNVILLE, March 1 (Wire Agency) - Gunmen killed two policemen at a checkpoint yesterday, police said."
    found = extract(text, published="2022-03-11")
    assert [d.period_start for d in found.document.dates if d.text == "yesterday"] == [date(2022, 3, 10)]


def test_a_dateline_without_year_takes_the_publication_year():
    assert find_dateline("TOWNVILLE, Dec. 31 (Wire Agency) - A patrol detained a man.", date(2022, 1, 2))[0] == \
        date(2021, 12, 31)


def test_from_and_a_far_later_to_are_no_range():
    # "from" opens the incident's name and "to" is the toll's: two days, not a period between them
    found = find_dates("The death toll from Friday's suicide bombing at a mosque in the city rose to 25 on Saturday.",
                       PUB)
    assert [(d.precision, d.period_start) for d in found] == [("day", date(2022, 8, 26)), ("day", date(2022, 8, 27))]
    found = find_dates("The roads were closed from Friday night to Sunday morning.", PUB)
    assert [(d.precision, d.period_start, d.period_end) for d in found] == \
        [("range", date(2022, 8, 26), date(2022, 8, 28))]


def test_the_previous_day_is_the_day_before_the_day_the_sentence_tells():
    found = find_dates("Police said on Friday that gunmen had killed five people the previous day.", PUB)
    assert [(d.precision, d.period_start, d.period_end) for d in found][-1] == \
        ("day", date(2022, 8, 25), date(2022, 8, 25))
    found = find_dates("Gunmen killed five people the previous day, police said.", PUB)
    assert [(d.precision, d.period_start) for d in found] == [("day", date(2022, 8, 29))]
    assert find_dates("The attack came a day before the elections.", PUB) == []


def test_a_dateline_without_a_year_takes_the_one_year_the_whole_text_gives():
    from ruydad.extract.dates import find_dateline

    filler = " The patrol searched several compounds in the valley." * 40
    text = "KABUL, Afghanistan (Jan. 28) - A patrol detained two men today." + filler + \
        " The cell had planted bombs along the highway in November 2012."
    assert find_dateline(text)[0] == date(2013, 1, 28)  # a January dateline after a November stamp: the next year


def test_a_dateline_without_a_year_takes_none_when_the_text_gives_two_years():
    from ruydad.extract.dates import find_dateline

    filler = " The patrol searched several compounds in the valley." * 40
    text = "KABUL, Afghanistan (Jan. 28) - A patrol detained two men today." + filler + \
        " The cell was formed in March 2011 and has planted bombs since 2012-05."
    assert find_dateline(text)[0] is None


def test_months_named_without_a_year_as_a_range_are_the_last_ones_before_the_report():
    found = find_dates("Fighting between January and March killed 300 people.", date(2023, 6, 11))
    assert [(d.text, d.kind, d.period_start, d.period_end) for d in found] == [
        ("between January and March", "between", date(2023, 1, 1), date(2023, 3, 31))]
    found = find_dates("From November to February, the group abducted 40 people.", date(2023, 6, 11))
    assert [(d.period_start, d.period_end) for d in found] == [(date(2022, 11, 1), date(2023, 2, 28))]


def test_a_toll_over_months_is_a_tally_not_an_event():
    from ruydad.extract import extract

    for text in ("Fighting between January and March killed 300 people, the UN said.",
                 "Between January and March, 300 people were killed in clashes, the UN said."):
        assert extract(text, published="2023-06-11").events == []
