"""One event per reported incident (issue 12): a lead that sums up separate attacks and the
sentences that tell each of them; sentences written for the test in the style of wire copy."""

from __future__ import annotations

import pytest

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


def test_victims_from_a_province_to_the_east_do_not_place_another_event():
    events = _events("A roadside bomb killed six people in Kunar province on Wednesday, officials said. The victims "
                     "were civilians from eastern Nuristan province who were on their way to a wedding when their "
                     "vehicle struck the bomb.")
    assert [(e.admin1_code, e.fatalities) for e in events] == [("AF-KNR", 6)], [e.to_dict() for e in events]


def test_wounded_told_with_a_title_that_names_another_district_are_the_same_fight():
    events = _events("Government forces killed 12 militants in heavy fighting in Kunduz province on Wednesday. "
                     "Mohammad Karim, the police commander of Kabul's fifth district, and several soldiers were "
                     "wounded in the fighting.")
    assert [(e.admin1_code, e.fatalities) for e in events] == [("AF-KDZ", 12)], [e.to_dict() for e in events]


def test_wounded_in_another_province_on_another_day_are_another_event():
    events = _events("Government forces killed 12 militants in heavy fighting in Kunduz province on Wednesday. "
                     "On Thursday, three soldiers were wounded in an attack in Baghlan province.")
    assert sorted(e.admin1_code or "" for e in events) == ["AF-BGL", "AF-KDZ"], [e.to_dict() for e in events]


def test_an_in_which_clause_tells_the_toll_of_the_attack_on_the_place():
    events = _events("Militants attacked a village in Kunduz province on Wednesday, in which three farmers and a "
                     "policeman were killed, while five others were wounded.")
    assert [(e.admin1_code, e.fatalities) for e in events] == [("AF-KDZ", 4)], [e.to_dict() for e in events]


def test_a_quoted_toll_of_martyrs_is_a_toll():
    events = _events("Gunmen attacked a checkpoint in Kunduz province on Wednesday. \"The terrorists opened fire on "
                     "our men and three policemen were martyred,\" the police spokesman said.")
    assert [e.fatalities for e in events] == [3], [e.to_dict() for e in events]


def test_what_a_months_long_rampage_did_is_no_incident():
    events = _events("The province has already faced a months-long rampage in which residents said the militia "
                     "looted homes, killed scores of civilians and displaced thousands.")
    assert events == [], [e.to_dict() for e in events]


def test_a_siege_that_lasted_days_does_not_hide_the_attack_told_with_its_day():
    events = _events("Gunmen killed five guards in an attack on a prison in Kunduz city on Wednesday.")
    assert [e.fatalities for e in events] == [5]


def test_a_fresh_target_attacked_is_another_attack():
    events = _events("Two soldiers were killed in an attack on an army post in Kunduz province on Wednesday night, "
                     "officials said. On Wednesday night, police said that militants attacked a police convoy on the "
                     "highway, which left four policemen dead.")
    assert sorted(e.fatalities or 0 for e in events) == [2, 4], [e.to_dict() for e in events]


def test_the_same_target_named_again_is_the_same_attack():
    events = _events("Militants attacked an army post in Kunduz province on Wednesday night, killing two soldiers. "
                     "The militants attacked the post from three sides, officials said.")
    assert [e.fatalities for e in events] == [2], [e.to_dict() for e in events]


def test_meanwhile_opens_another_incident():
    events = _events("A roadside bomb killed three soldiers in Kunduz province on Wednesday. Meanwhile, gunmen "
                     "killed two shopkeepers in the provincial capital.")
    assert sorted(e.fatalities or 0 for e in events) == [2, 3], [e.to_dict() for e in events]


def test_the_adjacent_province_a_front_line_connects_to_is_not_where_the_fight_was():
    events = _events("Government troops in Kunduz province said they had repelled an assault on Thursday. The "
                     "militants attacked their positions on Wednesday in a range of hills which connect the Gulbagh "
                     "area with the adjacent Takhar province, officials said.")
    assert "AF-TAK" not in {e.admin1_code for e in events}, [e.to_dict() for e in events]


def test_two_districts_of_one_province_each_with_its_toll_are_two_events():
    events = _events("Security forces killed 12 militants in two separate operations in Kandahar province on "
                     "Wednesday, officials said. Eight militants were killed in Spin Boldak district, while four "
                     "others were killed in Maiwand district.")
    assert sorted((e.admin2 or "", e.fatalities) for e in events) == [("Maywand", 4), ("Spin Boldak", 8)], \
        [e.to_dict() for e in events]


def test_a_district_named_as_a_reference_point_is_no_second_event():
    events = _events("A suicide bomber killed nine people at a market in Spin Boldak district near Kandahar city on "
                     "Wednesday.")
    assert [e.fatalities for e in events] == [9], [e.to_dict() for e in events]


def test_an_attack_days_before_is_another_event():
    events = _events("At least 11 soldiers were killed when militants attacked a convoy in Kunar province on "
                     "Wednesday. The attack came days after a suicide bomber targeted a police station in the "
                     "provincial capital, killing three policemen.")
    assert sorted(e.fatalities or 0 for e in events) == [3, 11], [e.to_dict() for e in events]


def test_fighting_in_recent_hours_after_an_attack_is_the_same_fight():
    events = _events("Fighting between the army and the rebels in Kunar province has left 30 people dead, a source "
                     "said on Wednesday. Fierce fighting has been going on in recent hours after the rebels attacked "
                     "army positions west of the city.")
    assert [e.fatalities for e in events] == [30], [e.to_dict() for e in events]


def test_arrests_by_police_after_an_attack_by_gunmen_are_another_event():
    events = _events("Gunmen killed nine villagers in an attack in Kunduz province on Wednesday. Police said they had "
                     "arrested four suspects.")
    assert sorted((e.fatalities or 0, e.detained or 0) for e in events) == [(0, 4), (9, 0)], \
        [e.to_dict() for e in events]


def test_detentions_by_the_force_that_fought_are_the_same_operation():
    events = _events("Security forces killed three militants in a raid in Kunduz province on Wednesday. The security "
                     "forces also detained two suspects.")
    assert [(e.fatalities, e.detained) for e in events] == [(3, 2)], [e.to_dict() for e in events]


def test_a_series_of_attacks_last_month_is_a_tally():
    events = _events("Gunmen killed 15 people in an attack in Kunduz province on Wednesday. Last month, more than 100 "
                     "people were killed in a series of attacks in the province.")
    assert [e.fatalities for e in events] == [15], [e.to_dict() for e in events]


def test_a_toll_after_the_story_turns_to_another_province_is_placed_there():
    events = _events("In Khost province, at least 30 civilians were killed when jets bombed four villages on Friday "
                     "night, officials said. In Kunar, the army has been shelling the area for the past three days in "
                     "Marawara district, an official said. Five civilians were killed in the attacks on Friday night, "
                     "he said.")
    assert ("AF-KNR", 5) in [(e.admin1_code, e.fatalities) for e in events], [e.to_dict() for e in events]


def test_in_that_incident_after_an_earlier_incident_is_that_one():
    events = _events("Gunmen stormed a mosque in Kunduz province on Wednesday, killing 13 worshippers. Officials said "
                     "the attack was a reprisal for a recent ambush by villagers on the gunmen's hideout. In that "
                     "incident, four gunmen were killed.")
    assert sorted(e.fatalities or 0 for e in events) == [4, 13], [e.to_dict() for e in events]


def test_what_a_run_of_attacks_did_to_people_in_general_is_no_incident():
    events = _events("Militiamen killed at least 40 villagers in Kunduz province on Friday, activists said. Activists "
                     "said the militia has carried out revenge attacks in the province, killing and detaining "
                     "civilians and displacing thousands.")
    assert [(e.fatalities, e.detained) for e in events] == [(40, None)], [e.to_dict() for e in events]


def test_attacks_that_killed_a_number_told_in_the_present_perfect_still_count():
    events = _events("Militants have carried out attacks on two checkpoints in Kunduz province, killing six "
                     "policemen, officials said on Friday.")
    assert [e.fatalities for e in events] == [6], [e.to_dict() for e in events]


def test_a_lead_that_counts_the_explosions_sums_up_the_ones_told_next():
    events = _events("Two explosions in Kabul have killed at least four people, officials said. The first blast hit a "
                     "minibus in the west of the city on Saturday morning, killing three passengers. Hours later, a "
                     "second explosion targeted a police vehicle in the city, killing one policeman.")
    assert sorted(e.fatalities or 0 for e in events) == [1, 3], [e.to_dict() for e in events]


def test_a_lead_total_whose_parts_are_told_at_two_places_is_not_counted_twice():
    events = _events("Gunmen killed seven people in Kunduz province, officials said. Four villagers were killed in "
                     "Imam Sahib district on Friday. Three others were killed in Chahar Dara district on Saturday.")
    assert sum(e.fatalities or 0 for e in events) == 7, [e.to_dict() for e in events]


def test_the_rest_of_a_lead_total_told_elsewhere_leaves_the_lead_its_part():
    events = _events("The Taliban have detained five people in Takhar province, sources said. Taliban intelligence "
                     "detained the two former soldiers in Taloqan city on Friday. The other three were arrested in "
                     "Rustaq district on Saturday.")
    assert sorted(e.detained or 0 for e in events) == [2, 3], [e.to_dict() for e in events]


def test_a_lead_total_with_more_dead_told_elsewhere_is_kept():
    events = _events("Gunmen killed seven people in Kunduz province on Friday, officials said. Four of them were "
                     "farmers. On Saturday, two soldiers were killed in Chahar Dara district.")
    assert sum(e.fatalities or 0 for e in events) == 9, [e.to_dict() for e in events]


def test_insurgents_who_struck_again_the_next_day_are_another_event():
    events = _events("Insurgents attacked a village in Kunduz province, beheading two farmers. Insurgents struck "
                     "again the next day, entering a second village and burning homes.")
    assert len(events) == 2, [e.to_dict() for e in events]


def test_no_reports_of_any_casualties_is_a_nil_toll():
    events = _events("Insurgents attacked a village in Kunduz province on Tuesday, but there were no reports of any "
                     "casualties.")
    assert [e.fatalities for e in events] == [0], [e.to_dict() for e in events]


@pytest.mark.parametrize("text", [
    "A bomb exploded near a police station in Kunduz city on Tuesday. The blast did not result in any casualties.",
    "A bomb exploded near a police station in Kunduz city on Tuesday. The attack did not lead to casualties.",
])
def test_a_blast_that_did_not_result_in_casualties_has_a_nil_toll(text: str) -> None:
    assert [e.fatalities for e in _events(text)] == [0]


def test_no_word_on_casualties_is_no_toll():
    events = _events("A bomb exploded near a police station in Kunduz city on Tuesday. There was no immediate word on "
                     "casualties.")
    assert [e.fatalities for e in events] == [None], [e.to_dict() for e in events]


def test_another_incident_at_a_place_no_gazetteer_knows_does_not_take_the_province_before():
    events = _events("Gunmen killed two policemen in Kunduz province on Tuesday. In a separate incident, a bomb "
                     "killed three people in Gulbahar.")
    assert sorted((e.fatalities or 0, e.admin1_code or "") for e in events) == [(2, "AF-KDZ"), (3, "")], \
        [e.to_dict() for e in events]


def test_a_detail_without_a_place_of_its_own_keeps_the_province_told_before():
    events = _events("Gunmen killed two policemen in Kunduz province on Tuesday. In a separate incident, a bomb "
                     "killed three people at a market.")
    assert sorted((e.fatalities or 0, e.admin1_code or "") for e in events) == [(2, "AF-KDZ"), (3, "AF-KDZ")], \
        [e.to_dict() for e in events]


def test_a_group_based_in_a_province_struck_where_the_sentence_says():
    events = _events("A Kandahar-based militant group killed three soldiers in Helmand province on Saturday.")
    assert [e.admin1_code for e in events] == ["AF-HEL"], [e.to_dict() for e in events]


def test_the_hospital_the_wounded_were_taken_to_is_not_another_event():
    events = _events("A blast killed three soldiers in Kunar province on Saturday, and the wounded were taken to a "
                     "hospital in Jalalabad city.")
    assert [(e.admin1_code, e.fatalities) for e in events] == [("AF-KNR", 3)], [e.to_dict() for e in events]
