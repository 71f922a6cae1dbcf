"""One event per reported incident (issue 12): an operation told as separate and the arrests that
followed an attack are incidents of their own; sentences written for the test in the style of wire copy."""

from __future__ import annotations

import pytest

from ruydad.extract import Event, extract

PUBLISHED = "2023-03-10"  # a Friday


def _events(text: str) -> list[Event]:
    return extract(text, published=PUBLISHED).events


@pytest.mark.parametrize("opener", ["In a separate operation", "In a separate raid", "In another operation"])
def test_an_operation_told_as_separate_is_another_event(opener: str):
    events = _events("Security forces killed two militants in a raid in Kabul on Monday, officials said. "
                     f"{opener}, intelligence forces killed three militants in the east of the city.")
    assert sorted(e.fatalities or 0 for e in events) == [2, 3], [e.to_dict() for e in events]


@pytest.mark.parametrize("arrest", [
    "Provincial officials said three suspects have been arrested in connection with the killing.",
    "Three men were later detained over the attack, a police spokesman said.",
    "Officials said three suspects had been arrested for their alleged involvement in the shooting.",
])
def test_arrests_over_an_attack_are_another_event(arrest: str):
    events = _events(f"Gunmen shot dead a former army officer in Herat city on Sunday, a local source said. {arrest}")
    assert len(events) == 2, [e.to_dict() for e in events]
    assert [(e.fatalities, e.detained) for e in events] == [(1, None), (None, 3)], [e.to_dict() for e in events]


def test_arrests_made_in_the_raid_itself_stay_the_raid():
    events = _events("Security forces killed two militants and detained three others in a raid in Kabul on Monday. "
                     "The three detained men were wounded in the raid, officials said.")
    assert [(e.fatalities, e.detained) for e in events] == [(2, 3)], [e.to_dict() for e in events]


@pytest.mark.parametrize("text", [
    "Fighters of the group carried out three attacks on Taliban posts in Kabul and Parwan on Thursday, killing nine "
    "Taliban members. In Parwan, they attacked a checkpoint near Bagram, killing five. In Kabul, two attacks killed "
    "four Taliban fighters.",
    "At least nine people have been killed in two days of clashes between Taliban and resistance fighters in Parwan "
    "and Kabul, local sources said. On Wednesday, five Taliban fighters were killed in Parwan. On Thursday, four "
    "resistance fighters died in the fighting in Kabul.",
])
def test_a_lead_that_sums_up_attacks_or_days_of_fighting_is_not_counted_again(text: str):
    events = _events(text)
    assert sorted((e.admin1_code, e.fatalities) for e in events) == [("AF-KAB", 4), ("AF-PAR", 5)], \
        [e.to_dict() for e in events]


@pytest.mark.parametrize("text", [
    "A suicide car bomb killed the deputy governor of Kunduz province and his driver in Kunduz city on Tuesday. "
    "Several other people were wounded. The attack comes months after a bombing killed the provincial police chief, "
    "along with two other officers.",
    "A roadside bomb killed two soldiers in Kunar province on Tuesday. The bombing came two weeks after gunmen killed "
    "three soldiers in the same district.",
])
def test_an_incident_weeks_or_months_before_is_another_event(text: str):
    events = _events(text)
    assert sorted(e.fatalities or 0 for e in events) == [2, 3], [e.to_dict() for e in events]


@pytest.mark.parametrize("text", [
    "A car bomb exploded near a military base in Mogadishu on Thursday, killing four soldiers, police said. Later in "
    "the day, Al Shabaab fighters clashed with government troops in the Lower Shabelle region, leaving seven "
    "militants dead.",
    "Al Shabaab militants attacked a military base in Middle Shabelle on Tuesday, killing four soldiers. The "
    "following day, a roadside bomb killed seven soldiers in the Lower Shabelle region.",
    "Resistance fighters attacked a Taliban post in Khenj district of Panjshir on Thursday, killing four Taliban "
    "fighters. Moreover, a roadside bomb blew up a Taliban vehicle in the district, leaving seven Taliban dead.",
])
def test_a_sentence_that_moves_on_to_an_incident_named_afresh_is_another_event(text: str):
    events = _events(text)
    assert sorted(e.fatalities or 0 for e in events) == [4, 7], [e.to_dict() for e in events]


def test_later_deaths_of_the_wounded_stay_the_incident():
    events = _events("A roadside bomb killed four soldiers in Kunar province on Tuesday. Later that day, three of "
                     "the wounded soldiers died in hospital.")
    assert [e.fatalities for e in events] == [7], [e.to_dict() for e in events]


@pytest.mark.parametrize("text", [
    "Attacks across the country killed 15 people on Sunday. Gunmen killed six soldiers at a checkpoint in Kandahar, "
    "a bomb killed five civilians in Herat and four police officers died in an ambush in Kunduz.",
    "Violence across Afghanistan left 15 people dead over the weekend. In Kandahar, gunmen killed six soldiers at a "
    "checkpoint on Saturday. In Herat, a bomb killed five civilians on Sunday. In Kunduz, four police officers died "
    "in an ambush.",
])
def test_a_lead_on_attacks_across_the_country_sums_up_the_incidents_told_next(text: str):
    events = _events(text)
    assert sorted((e.admin1_code, e.fatalities) for e in events) == [("AF-HER", 5), ("AF-KAN", 6), ("AF-KDZ", 4)], \
        [e.to_dict() for e in events]


def test_each_clause_of_a_list_of_incidents_keeps_its_own_province_and_toll():
    events = _events("Four soldiers died in an ambush in Kunduz, three civilians were killed in a raid on a village "
                     "in Baghlan, and two policemen were shot dead at a checkpoint in Takhar on Monday.")
    assert sorted((e.admin1_code, e.fatalities) for e in events) == [("AF-BGL", 3), ("AF-KDZ", 4), ("AF-TAK", 2)], \
        [e.to_dict() for e in events]


@pytest.mark.parametrize("text", [
    "Militants attacked a police checkpoint in Dera Ismail Khan on Tuesday, killing three policemen. In Bannu, two "
    "soldiers were killed when a roadside bomb struck their vehicle.",
    "Gunmen killed three police officers in Quetta on Friday. Hours earlier, a bomb blast killed two people at a "
    "market in Turbat.",
    "Gunmen killed three villagers in Kunduz province on Tuesday. In Khanabad district, two farmers were killed by "
    "a roadside bomb.",
])
def test_a_sentence_that_opens_at_a_place_not_named_before_is_another_event(text: str):
    events = _events(text)
    assert sorted(e.fatalities or 0 for e in events) == [2, 3], [e.to_dict() for e in events]


def test_a_place_the_lead_named_is_a_detail_of_the_lead():
    events = _events("Pakistani air strikes killed five civilians in Khost province on Saturday, Taliban officials "
                     "said. In Khost, five civilians were killed in the strikes, an official said.")
    assert [e.fatalities for e in events] == [5], [e.to_dict() for e in events]


@pytest.mark.parametrize("text", [
    "Militants killed three soldiers in northwest Pakistan on Tuesday, officials said. In Bannu, three soldiers were "
    "killed when militants attacked their post, police said.",
    "Gunmen killed five villagers in northern Nigeria on Sunday. In Tsafe, five villagers were shot dead on their "
    "farms, police said.",
])
def test_the_same_toll_told_again_at_a_town_is_the_same_incident(text: str):
    events = _events(text)
    assert len(events) == 1, [e.to_dict() for e in events]


@pytest.mark.parametrize("text", [
    "Militants attacked a police checkpoint in Dera Ismail Khan on Tuesday, killing three policemen. Two soldiers "
    "were killed when a roadside bomb struck their vehicle in Bannu.",
    "Al Shabaab fighters killed three soldiers in an attack on a base in Bulo Burte. Two civilians died when a mortar "
    "hit a market in Beledweyne.",
])
def test_dead_counted_at_a_town_no_gazetteer_knows_and_not_named_before_are_another_event(text: str):
    events = _events(text)
    assert sorted(e.fatalities or 0 for e in events) == [2, 3], [e.to_dict() for e in events]


def test_the_same_dead_told_with_the_town_where_they_died_stay_one_event():
    events = _events("Militants killed three soldiers in northwest Pakistan on Tuesday. The soldiers were killed "
                     "when militants attacked their post in Bannu.")
    assert [e.fatalities for e in events] == [3], [e.to_dict() for e in events]


@pytest.mark.parametrize("second", [
    "Also in Kunar, Taliban fighters attacked a police post, killing three policemen.",
    "In another development, security forces killed three militants in an operation in the province.",
    "The same day, a suicide bomber killed three people at a mosque in the province.",
    "Three soldiers were also killed when militants later attacked a checkpoint in the area.",
])
def test_a_sentence_that_turns_to_another_incident_in_the_same_province_is_another_event(second: str):
    events = _events(f"A roadside bomb killed two soldiers in Kunar province on Monday. {second}")
    assert sorted(e.fatalities or 0 for e in events) == [2, 3], [e.to_dict() for e in events]


def test_the_district_a_detail_sentence_gives_places_an_event_told_in_its_province():
    text = ("Cross-border shelling continued in eastern Kunar province, officials said. According to local "
            "officials, the military fired at least 40 missiles in Nari district during the past 24 hours, "
            "damaging houses.")
    events = extract(text, published="2023-06-11").events
    assert [(e.admin1_code, e.admin2) for e in events] == [("AF-KNR", "Nari")]


def test_a_detail_sentence_with_a_day_of_its_own_does_not_move_the_event():
    text = ("Cross-border shelling continued in eastern Kunar province on Monday, officials said. On "
            "Saturday, missiles hit houses in Nari district.")
    events = extract(text, published="2023-06-13").events
    assert ("AF-KNR", None) in [(e.admin1_code, e.admin2) for e in events]
