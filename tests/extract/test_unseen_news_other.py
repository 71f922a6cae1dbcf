"""Failure classes seen on real news from theatres other than the default one (issue 12, third
round), each on sentences written for the test: datelines the parser reads as the subject,
casualty figures that are not deaths, deaths stated as a noun, several incidents told in one
paragraph, one actor on both sides, scare quotes and determiners in an actor's words, suicide
drones, the story's country among several, and events that keep ACLED's sub-event type."""

from __future__ import annotations

from datetime import date

import pytest

from ruydad.extract import Event, extract

PUBLISHED = "2022-08-18"  # a Thursday


def _events(text: str) -> list[Event]:
    return extract(text, published=PUBLISHED).events


def _only(text: str) -> Event:
    events = _events(text)
    assert len(events) == 1, [e.to_dict() for e in events]
    return events[0]


# -- datelines --------------------------------------------------------------------------------------

def test_a_death_toll_after_a_colon_dateline_is_counted():
    # the parser hangs "were killed" on the dateline's city as a relative clause
    event = _only("Nyala: At least 40 people were killed and 13 others were injured in an attack by the Rapid "
                  "Support Forces (RSF) on a market on Monday, according to volunteer groups.")
    assert event.fatalities == 40
    assert event.date == date(2022, 8, 15)


def test_the_dateline_city_is_not_the_people_killed():
    # "Dakar" and "soldiers" are both parsed as passive subjects of "killed": the one nearest the verb counts
    event = _only("Dakar, Senegal — Two soldiers were killed early Sunday in the north in an attack on their post, "
                  "the army said.")
    assert event.fatalities == 2


def test_a_day_month_dateline_is_not_part_of_an_actor_name():
    result = extract("KINSHASA, 12 Jun The Congolese Armed Forces (FARDC) killed 15 rebels in an attack in the "
                     "east on Monday.", published=PUBLISHED)
    assert all(not a.name.startswith(("Jun", "KINSHASA")) for a in result.actors)
    event = result.events[0]
    assert event.actor1 == "Congolese Armed Forces"
    assert event.fatalities == 15


# -- what a figure counts ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Twenty people were killed and wounded on Monday when a missile hit a market, local sources said.",
    "Gunmen killed and wounded 12 villagers in the hills on Monday.",
])
def test_killed_and_wounded_together_is_a_casualty_figure_not_a_death_toll(text: str):
    assert _only(text).fatalities is None


def test_a_death_toll_beside_a_separate_wounded_figure_still_counts():
    assert _only("Thirty people were wounded and 14 were killed on Monday when a missile hit a market.").fatalities \
        == 14


@pytest.mark.parametrize(("text", "killed"), [
    ("Security forces raided a rebel hideout in the hills on Monday, resulting in the death of six militants.", 6),
    ("The shelling of the market on Monday caused the deaths of 12 people, officials said.", 12),
])
def test_deaths_stated_as_a_noun_are_counted(text: str, killed: int):
    assert _only(text).fatalities == killed


def test_a_death_that_is_not_the_outcome_of_an_event_reports_nothing():
    assert _events("Police said they will investigate the death of a man in custody.") == []


# -- several incidents in one paragraph ----------------------------------------------------------------

def test_another_operation_is_another_event():
    events = _events("Drones killed four people on Monday in an attack on the town. In another operation, "
                     "soldiers killed three rebels.")
    assert [e.fatalities for e in events] == [4, 3]


def test_what_happened_after_the_first_attack_is_a_second_event():
    events = _events("In the first raid, soldiers killed five rebels in the hills on Monday. Two hours after the "
                     "first raid, another armed group stormed a police post in the valley, killing two policemen.")
    assert [e.fatalities for e in events] == [5, 2]
    assert events[1].actor1 == "armed group"


# -- actors -----------------------------------------------------------------------------------------

def test_scare_quotes_and_determiners_are_not_part_of_an_actor():
    event = _only('At least eight soldiers were killed in an ambush by some "armed bandits" in eastern Chad on '
                  "Friday, the ministry said.")
    assert event.actor1 == "armed bandits"
    assert event.actor2 == "Military Forces of Chad"


def test_the_doer_of_the_attack_the_victims_died_in_is_the_first_actor():
    event = _only("Twenty soldiers have been killed in an attack by jihadists in eastern Chad, the country's army "
                  "says. The soldiers were on patrol near the town when hundreds of fighters attacked them on Friday, "
                  "the defence minister said.")
    assert (event.actor1, event.actor2) == ("jihadists", "Military Forces of Chad")


@pytest.mark.parametrize("text", [
    "Twenty soldiers have been killed in eastern Chad, the country's army says. The soldiers were on patrol near "
    "the town when fighters attacked them on Friday, the defence minister said.",
    "Soldiers killed five soldiers in a mutiny at a barracks in eastern Chad on Friday.",
])
def test_one_actor_is_never_on_both_sides(text: str):
    for event in _events(text):
        assert event.actor2 is None or event.actor2 != event.actor1


def test_the_country_a_story_happened_in_names_its_soldiers_among_neighbours():
    # three countries are named; the soldiers are those of the one the ambush happened in
    event = _only("At least ten soldiers were killed in an ambush in southwest Chad, not far from the Sudan "
                  "border, on Friday. The area borders Niger and Libya.")
    assert "Military Forces of Chad" in (event.actor1, event.actor2)


@pytest.mark.parametrize(("text", "actor"), [
    ("Local sources said the Houthis targeted a school with a drone on Sunday, killing six people.", "Houthis"),
    ("Eight civilians were killed on Sunday in a massacre committed by the Iran-backed Houthis in the village.",
     "Houthis"),
    ("At least 32 civilians were killed in an attack by the paramilitary Rapid Support Forces [RSF] in the city on "
     "Monday, according to the Sudanese army.", "Rapid Support Forces"),
])
def test_the_doer_is_found_and_the_source_of_the_report_is_not(text: str, actor: str):
    event = _only(text)
    assert event.actor1 == actor


def test_a_unit_named_by_its_group_that_carried_out_an_attack_reports_it():
    events = _events("In one attack, the front's special squad carried out a roadside bomb attack on an army convoy "
                     "on Monday, killing 12 soldiers. In another operation, the front's fighters targeted a police "
                     "patrol on Tuesday. Two policemen were killed in the attack.")
    assert [(e.date, e.fatalities) for e in events] == [(date(2022, 8, 15), 12), (date(2022, 8, 16), 2)]


def test_gendarmes_killed_by_rebels_are_a_battle():
    event = _only("Three gendarmes were attacked and killed at their checkpoint by rebels, the prefect said on "
                  "Sunday.")
    assert event.event_type == "Battles"


def test_a_determiner_before_a_group_word_is_not_a_group_name():
    result = extract("Another armed group attacked the village on Friday, killing four people.", published=PUBLISHED)
    assert all(a.name != "Another" for a in result.actors)


# -- types --------------------------------------------------------------------------------------------

def test_suicide_drones_are_a_drone_strike_not_a_suicide_bombing():
    event = _only("The militia launched a barrage of suicide drones at the city on Monday, killing 12 civilians.")
    assert (event.event_type, event.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")


@pytest.mark.parametrize(("text", "sub"), [
    ("A roadside bomb killed three soldiers on a highway in the south on Monday.", "Remote explosive/landmine/IED"),
    ("Government artillery shelled the village on Monday, killing five civilians.",
     "Shelling/artillery/missile attack"),
    ("Police arrested six suspects in a raid on a house in the capital on Monday.", "Arrests"),
])
def test_events_keep_the_acled_sub_event_type(text: str, sub: str):
    event = _only(text)
    assert event.sub_event_type == sub
    assert event.to_dict()["sub_event_type"] == sub


@pytest.mark.parametrize("text", [
    "A joint force targeting a rebel commander detained three suspects in a village on Monday.",
    "Rebel Leaders Targeted Overnight, Several Detained\nA joint force targeting a rebel commander detained three "
    "suspects in a village on Monday.",
])
def test_who_an_operation_targeted_is_not_an_attack(text: str):
    event = _only(text)
    assert (event.event_type, event.detained) == ("Strategic developments", 3)


@pytest.mark.parametrize(("text", "killed"), [
    ("Thirteen government soldiers were killed in fierce fighting in the central province on Monday.", 13),
    ("More than thirty army soldiers were killed on Monday.", 31),
])
def test_a_number_the_parser_hangs_on_a_modifier_is_still_the_count(text: str, killed: int):
    assert _only(text).fatalities == killed


@pytest.mark.parametrize(("text", "group"), [
    ("The Wagner militia attacked the village on Monday, killing three people.", "Wagner"),
    ("Fighting broke out on Monday between the army and the Kamajor militia, killing nine people.", "Kamajor"),
])
def test_a_group_named_by_its_militia_is_an_actor(text: str, group: str):
    result = extract(text, published=PUBLISHED)
    assert group in {a.name for a in result.actors}
    assert group in (result.events[0].actor1, result.events[0].actor2)


def test_both_sides_named_across_a_headline_and_the_lead_are_kept():
    # the headline gives the group first; the lead's first actor is the army, its second the group again
    event = _only("Clashes between Kamajor militia, army in the north, 13 killed\n"
                  "Thirteen government soldiers were killed in fierce fighting between the Chadian government forces "
                  "and the Kamajor militia, a military source said.")
    assert {event.actor1, event.actor2} == {"Kamajor", "Military Forces of Chad"}


@pytest.mark.parametrize(("text", "group"), [
    ("At least 40 people were killed in clashes between the Sudanese army and the paramilitary Rapid Support "
     "Forces in the city on Thursday.", "Rapid Support Forces"),
    ("Popular Mobilization Forces fighters clashed with gunmen near the town on Monday.",
     "Popular Mobilization Forces"),
])
def test_an_organisation_named_forces_that_the_registry_lacks_is_an_actor(text: str, group: str):
    result = extract(text, published=PUBLISHED)
    assert group in {a.name for a in result.actors}
    assert group in (result.events[0].actor1, result.events[0].actor2)


@pytest.mark.parametrize("text", [
    "Special Operations Forces raided a compound on Monday.",
    "Government Security Forces killed four militants on Monday.",
    "Chadian Armed Forces shelled the town on Monday.",
])
def test_a_force_described_by_generic_words_or_a_country_is_not_a_named_group(text: str):
    new_groups = {a.name for a in extract(text, published=PUBLISHED).actors if a.new and a.category is None}
    assert not any(name.endswith(("Forces", "Force")) for name in new_groups), new_groups


def test_a_groups_bare_name_in_a_story_set_in_another_country_is_the_group_not_the_theatres_branch():
    # the registry gives the bare press names to the theatre's branch; a story in another country
    # that names nothing of the theatre means the group itself
    elsewhere = extract("Security forces arrested 12 suspected members of the Islamic State group in raids across "
                        "Anbar province on Wednesday, the Iraqi interior ministry said.", published=PUBLISHED)
    assert [a.registry_id for a in elsewhere.actors if a.category != "State forces"] == ["islamic-state"]
    at_home = extract("Islamic State militants attacked a checkpoint in Kunar province on Monday, killing three "
                      "soldiers.", published=PUBLISHED)
    assert [a.registry_id for a in at_home.actors if a.category != "State forces"] == ["iskp"]
    named_branch = extract("ISKP claimed an attack in Iraq on Monday.", published=PUBLISHED)
    assert [a.registry_id for a in named_branch.actors] == ["iskp"]


# -- protests, riots, looting, assaults on armed posts (ACLED's codebook) ------------------------------

@pytest.mark.parametrize(("text", "types"), [
    ("Police fired tear gas at hundreds of protesters who gathered outside parliament in the capital on Monday.",
     ("Protests", "Protest with intervention")),
    ("Police arrested 40 protesters at a rally in the capital on Monday.", ("Protests", "Protest with intervention")),
    ("Security forces opened fire on demonstrators in the city on Friday, killing three protesters, witnesses said.",
     ("Protests", "Excessive force against protesters")),
    ("A suicide bomber blew himself up at an election rally in the town on Monday, killing 12 people.",
     ("Explosions/Remote violence", "Suicide bomb")),
])
def test_force_used_on_a_demonstration_is_a_protest_event(text: str, types: tuple[str, str]):
    event = _only(text)
    assert (event.event_type, event.sub_event_type) == types


@pytest.mark.parametrize(("text", "types"), [
    ("Armed men looted shops and set fire to houses in the village on Tuesday night, residents said. No one was "
     "killed.", ("Strategic developments", "Looting/property destruction")),
    ("Rioters set fire to two police vehicles and looted shops in the town on Monday.", ("Riots", "Mob violence")),
])
def test_looting_and_burning_property_without_victims_is_an_event(text: str, types: tuple[str, str]):
    event = _only(text)
    assert (event.event_type, event.sub_event_type) == types


def test_burning_what_is_not_property_is_not_looting():
    assert _events("Protesters burned an effigy of the minister in the square on Monday.") == []


def test_an_assault_on_a_police_station_that_kills_policemen_is_a_battle():
    event = _only("Militants stormed a police station in the district overnight, killing eight policemen and freeing "
                  "20 prisoners, officials said on Saturday.")
    assert (event.event_type, event.fatalities) == ("Battles", 8)


# -- sources of quotes and figures --------------------------------------------------------------------

def test_a_named_person_described_by_an_apposition_is_the_speaker_whatever_the_entity_tagger_says():
    result = extract('"They took everything," said Amina, a 34-year-old mother of five. "We have nothing left."',
                     published=PUBLISHED)
    assert [(q.speaker, q.text) for q in result.quotes] == [
        ("Amina", "They took everything,"), ("Amina", "We have nothing left.")]


@pytest.mark.parametrize(("text", "source"), [
    ("More than 1,200 civilians have been killed in the region since January, according to the UN human rights "
     "office.", "UN human rights office"),
    ("The Red Cross said 40 wounded people were treated at its hospital.", "Red Cross"),
    ("A police spokesman, who asked not to be named, said 14 suspects were detained.", "police spokesman"),
    ("Local authorities said about 3,000 families had fled the fighting in the past week.", "Local authorities"),
])
def test_a_figure_is_attributed_to_the_organisation_or_official_that_gave_it(text: str, source: str):
    result = extract(text, published=PUBLISHED)
    assert [s.attributed_to for s in result.statistics] == [source]


def test_an_organisation_that_gives_a_figure_is_not_made_an_actor():
    result = extract("More than 1,200 civilians have been killed in the region since January, according to the "
                     "UN human rights office.", published=PUBLISHED)
    assert all(s.affiliation is None for s in result.document.speakers)


# -- more classes from the probes ------------------------------------------------------------------

def test_an_event_a_day_before_the_one_just_told_is_its_own_event_on_the_day_before():
    events = _events("Government forces shelled the rebel-held town on Monday, killing four civilians, a war "
                     "monitor said. The shelling came a day after a drone attack killed two soldiers near the "
                     "border.")
    assert [(e.date, e.fatalities) for e in events] == [(date(2022, 8, 15), 4), (date(2022, 8, 14), 2)]
    assert events[0].sub_event_type == "Shelling/artillery/missile attack"


@pytest.mark.parametrize(("text", "sub"), [
    ("Rebels seized control of the strategic town on Tuesday after heavy fighting with government troops, "
     "residents said.", "Non-state actor overtakes territory"),
    ("The militia took control of the district headquarters on Monday after heavy fighting that killed 12 "
     "fighters.", "Non-state actor overtakes territory"),
])
def test_control_of_a_place_taken_is_a_territorial_event(text: str, sub: str):
    event = _only(text)
    assert (event.event_type, event.sub_event_type) == ("Battles", sub)


def test_control_of_a_country_taken_long_ago_is_background():
    assert _events("Since the rebels seized control of the country in 2021, arrests have risen.") == []
    assert _events("The movement seized control of Chad on Aug. 15, 2021, forcing the president to flee.") == []


@pytest.mark.parametrize(("text", "event_type"), [
    ("Gunmen on motorcycles attacked a wedding party in the village on Saturday evening, killing 14 guests and "
     "abducting the bride, police said on Sunday.", "Violence against civilians"),
    ("Gunmen killed five people in the market on Monday, according to the police.", "Violence against civilians"),
    ("Militants ambushed a patrol on Monday, killing four soldiers, villagers said.", "Battles"),
])
def test_who_reported_a_killing_is_not_who_was_killed(text: str, event_type: str):
    assert _only(text).event_type == event_type


def test_a_death_toll_that_later_rose_is_the_new_figure():
    event = _only("At least 18 people, including five soldiers, were killed when militants attacked a village in "
                  "the north on Monday, officials said. The death toll later rose to 23, a local official said.")
    assert event.fatalities == 23


def test_the_speaker_who_says_they_did_it_is_the_doer():
    event = _only("Police said they had arrested 25 suspected gang members in a series of raids across the city "
                  "on Monday.")
    assert (event.actor1, event.detained) == ("Police", 25)


@pytest.mark.parametrize(("text", "killed"), [
    ("The bodies of 12 men, some with their hands tied behind their backs, were found dumped on the outskirts of "
     "the town on Wednesday, residents said.", 12),
    ("Police recovered nine bodies from a mass grave near the village on Tuesday.", 9),
])
def test_bodies_found_are_people_killed(text: str, killed: int):
    event = _only(text)
    assert (event.event_type, event.fatalities) == ("Violence against civilians", killed)


def test_a_strike_in_response_by_the_other_side_is_another_event():
    events = _events("Two soldiers were killed and three wounded in an attack by rebels in the north on Saturday, "
                     "the defence ministry said. Jets then struck rebel targets in the region, killing 14 rebels, it "
                     "said.")
    assert [(e.event_type, e.fatalities) for e in events] == [
        ("Battles", 2), ("Explosions/Remote violence", 14)]


def test_a_grenade_attack_is_acleds_grenade_sub_event():
    event = _only("A grenade attack on a bar in the town injured nine people late on Saturday, police said.")
    assert (event.event_type, event.sub_event_type) == ("Explosions/Remote violence", "Grenade")
