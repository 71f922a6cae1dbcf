"""A summary lead and the paragraphs that detail it report the same people once; the same people
named again are not more people; an overnight operation began the day before; a date that names
another event ("the March 3 bombing") is not this event's day (issue 12). Text written for the tests."""

from __future__ import annotations

from datetime import date

import pytest

from ruydad.extract import extract

PUBLISHED = "2022-08-18"  # a Thursday


def _total(text: str, field: str) -> int:
    return sum(getattr(e, field) or 0 for e in extract(text, published=PUBLISHED).events)


def test_a_summary_lead_is_not_added_to_the_operations_it_sums_up():
    text = ("Security forces detained 12 suspects in operations in Kunduz and Balkh provinces on Tuesday. "
            "In Kunduz province, police detained seven suspects in Imam Sahib district. "
            "In Balkh province, soldiers detained five suspects near Mazar-i-Sharif.")
    result = extract(text, published=PUBLISHED)
    assert sum(e.detained or 0 for e in result.events) == 12
    assert {e.admin1_code for e in result.events} >= {"AF-KDZ", "AF-BAL"}


def test_separate_operations_lead_with_one_detail():
    text = ("Government troops captured two commanders and detained several fighters during separate "
            "operations in Logar province on Monday. In Charkh district, troops captured a commander and "
            "detained one fighter.")
    assert _total(text, "detained") == 2


def test_a_lead_that_sums_nothing_up_keeps_its_figure():
    text = ("Police detained four suspects in Kunduz province on Tuesday. "
            "The suspects were taken to the provincial headquarters for questioning.")
    assert _total(text, "detained") == 4


def test_the_same_people_named_again_are_not_counted_twice():
    text = ("Soldiers captured a bomb-maker and several other militants in Kandahar province on Tuesday. "
            "The soldiers searched a compound west of the city and captured the bomb-maker. "
            "Several other militants were also captured.")
    assert _total(text, "detained") == 4


def test_other_people_detained_later_still_add():
    text = ("Soldiers captured a bomb-maker in Kandahar province on Tuesday. "
            "They also detained two of his drivers.")
    assert _total(text, "detained") == 3


def test_an_overnight_operation_began_the_day_before_the_report():
    event = extract("Commandos killed three fighters in Kunar province overnight, officials said.",
                    published=PUBLISHED).events[0]
    assert event.date == date(2022, 8, 17)


def test_a_date_naming_another_event_is_not_the_events_day():
    text = ("An air strike killed a commander linked to the August 2 bombing in Kunduz province today.")
    event = extract(text, published=PUBLISHED).events[0]
    assert event.date == date(2022, 8, 18)


def test_fighters_of_the_other_side_are_other_people():
    text = ("Resistance fighters killed eight Taliban fighters in a firefight in Baghlan province on Tuesday. "
            "Two NRF fighters were also killed, a spokesman said.")
    assert _total(text, "fatalities") == 10


def test_an_inverted_passive_counts_its_subject():
    text = ("A commander was killed in an air strike in Kunar province on Saturday. "
            "Also killed in the strike were more than a dozen armed fighters.")
    assert _total(text, "fatalities") == 14


def test_a_name_the_tagger_calls_plural_is_one_person():
    text = "Soldiers fired on Tuesday in Logar province, killing Malawi Sahib."
    assert _total(text, "fatalities") == 1


def test_a_tally_since_a_day_is_not_an_event():
    text = ("Soldiers detained a commander in Kandahar province last night. "
            "Since May 1, soldiers have captured and killed a large number of commanders in Kandahar province.")
    assert _total(text, "fatalities") == 0


def test_an_event_word_that_names_a_unit_is_not_an_event():
    text = "Police detained two members of an assassination cell in Kandahar province yesterday."
    assert _total(text, "fatalities") == 0
    assert _total(text, "detained") == 2


def test_what_forces_focus_on_is_not_what_they_did():
    text = ("Police detained a commander in Kandahar province last night. Police have focused their efforts "
            "on capturing and killing key commanders in the province.")
    assert _total(text, "fatalities") == 0


def test_separate_locatives_in_one_sentence_are_separate_events():
    text = ("Officials said three women and three children were killed in Paktika and a house collapsed "
            "while two women were killed in Khost where a house was targeted.")
    events = extract(text, published=PUBLISHED).events
    assert {(e.admin1_code, e.fatalities) for e in events} == {("AF-PKA", 6), ("AF-KHO", 2)}


def test_one_locative_listing_provinces_stays_one_summary():
    events = extract("Security forces detained 12 suspects in Kunduz and Balkh provinces on Tuesday.",
                     published=PUBLISHED).events
    assert sum(e.detained or 0 for e in events) == 12
    assert len(events) == 1


def test_a_reference_point_is_not_where_it_happened():
    text = "Fighters clashed with government forces in the Salang valley north of Kabul on Monday, killing eight."
    events = extract(text, published=PUBLISHED).events
    assert "AF-KAB" not in {e.admin1_code for e in events}


def test_a_lead_over_recent_days_gives_way_to_its_details():
    text = ("Police have detained at least three men in Kunduz province over recent days, sources said. "
            "Police detained two men on Tuesday. Another man was detained in Imam Sahib district on Monday.")
    assert _total(text, "detained") == 3


def test_a_lead_says_how_and_its_details_where():
    text = ("A minister said on Monday that jets bombed houses in the provinces of Paktika and Khost. "
            "He said three women were killed in Paktika and a house collapsed while two women were killed "
            "in Khost where a house was targeted.")
    events = extract(text, published=PUBLISHED).events
    assert {(e.admin1_code, e.fatalities) for e in events} == {("AF-PKA", 3), ("AF-KHO", 2)}
    assert {e.event_type for e in events} == {"Explosions/Remote violence"}


def test_a_companion_after_along_with_is_counted():
    text = ("Sources confirmed that in clashes in Nahrin district of Baghlan province on Wednesday, one of the "
            "commanders of the front is killed along with his bodyguard, and 9 fighters are killed either.")
    assert _total(text, "fatalities") == 11


def test_a_hanging_after_a_house_is_stormed_is_violence_against_civilians():
    text = ("A former district governor was hanged by gunmen in Uruzgan province, local media reported on "
            "Saturday. The gunmen stormed his house, dragged him out and later hanged him from a tree.")
    events = extract(text, published=PUBLISHED).events
    assert [e.event_type for e in events] == ["Violence against civilians"]


def test_a_description_joined_to_a_copula_is_not_an_incident():
    text = ("A bomb killed five people in Jalalabad on Sunday. The two groups are enemies, and fought each "
            "other even before the takeover last month.")
    events = extract(text, published=PUBLISHED).events
    assert len(events) == 1 and events[0].fatalities == 5


def test_sources_that_disagree_on_a_toll_give_the_lowest():
    text = ("Militants killed at least 15 soldiers in an attack on a base in Lower Shabelle, officials said. "
            "A military officer put the number of dead at 15; the militants said 21 were killed.")
    assert _total(text, "fatalities") == 15


def test_a_toll_that_rose_is_the_new_figure():
    text = ("A bomb killed five people in a market in Kunduz province on Sunday, police said. "
            "The death toll rose to eight people killed, hospital officials said.")
    assert _total(text, "fatalities") == 8


def test_arrests_reported_by_two_sources_add_up():
    text = ("Police detained two men in Kunduz province on Sunday, residents said. "
            "Police also detained three more men in the province, officials said.")
    assert _total(text, "detained") == 5


def test_a_second_locative_joined_after_the_count_is_its_own_event():
    text = ("Officials said artillery shells landed in Sarkano district of Kunar province on Thursday night, "
            "killing four children, and in Goshta district of Nangarhar province.")
    events = extract(text, published=PUBLISHED).events
    assert {(e.admin1_code, e.fatalities) for e in events} == {("AF-KNR", 4), ("AF-NAN", None)}


def test_left_at_least_one_dead_counts_one():
    text = "Clashes between two armed groups in Nimroz province on Sunday have left at least one dead, police said."
    assert _total(text, "fatalities") == 1


def test_a_detail_sentence_that_names_the_attackers_gives_the_district():
    text = ("Unknown gunmen killed three Taliban fighters in Kunduz province, sources said. The gunmen came to "
            "their post in a village of Imam Sahib district at night and took their weapons.")
    events = extract(text, published=PUBLISHED).events
    assert [(e.admin1_code, e.admin2) for e in events] == [("AF-KDZ", "Imam Sahib")]



@pytest.mark.parametrize(("text", "published", "district"), [
    ("Police forces killed a militant and arrested two of his relatives in Parwan province, officials said. "
     "A spokesman said that the raid was conducted on Friday in Charikar city, the provincial capital.", None,
     "Charikar"),
    ("Troops killed two militants in Kunduz province, the army said. The army said the operation took place on "
     "Sunday in Imam Sahib district.", PUBLISHED, "Imam Sahib"),
])
def test_the_sentence_that_tells_when_and_where_the_incident_was_gives_the_district(
        text: str, published: str | None, district: str) -> None:
    events = extract(text, published=published).events
    assert [e.admin2 for e in events] == [district]


def test_a_detail_with_no_place_takes_the_district_the_lead_named_before_its_state():
    text = ("The group has carried out a series of attacks in Damboa Local Government Area of Borno State, "
            "resulting in the loss of three displaced persons. Reports indicate that four loggers went out about "
            "7km from Damboa to gather firewood. It was during this routine activity that the terrorists launched "
            "their deadly assault, killing three individuals.")
    events = extract(text).events
    assert {(e.admin1_code, e.admin2) for e in events} == {("NG-BO", "Damboa")}


def test_the_operation_told_next_gives_the_district_of_the_raid():
    text = ("Federal forces killed ten militants and arrested five others in an operation in Anbar province, the "
            "counter-terrorism service said in a statement. It said that the operation focused on areas near Rutba.")
    events = extract(text, published=PUBLISHED).events
    assert [(e.admin1_code, e.admin2) for e in events] == [("IQ-AN", "Al-Rutba")]
