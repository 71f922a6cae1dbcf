"""How many incidents a report tells and how many died in them (issue 12): sentences written for the test in
the style of wire copy and of armed groups' statements, modelled on the ways news counts go wrong."""

from __future__ import annotations

import pytest

from ruydad.extract import Event, extract

PUBLISHED = "2024-03-09"  # a Saturday


def _events(text: str) -> list[Event]:
    return extract(text, published=PUBLISHED).events


def _killed(events: list[Event]) -> int:
    return sum(e.fatalities or 0 for e in events)


@pytest.mark.parametrize(("text", "killed"), [
    ("The rebels claimed an ambush on an army patrol in Kunduz province on Thursday, resulting in the deaths of four "
     "soldiers and injuries to five others.", 4),
    ("A roadside bomb struck a police pickup in Herat on Wednesday. The blast led to the death of one officer and the "
     "injury of two more, the police said.", 1),
    ("Gunmen opened fire on a checkpoint in Balkh on Friday, causing the deaths of two guards and serious injuries to "
     "a passer-by.", 2),
])
def test_injuries_told_beside_deaths_are_no_dead(text: str, killed: int):
    events = _events(text)
    assert _killed(events) == killed, [e.to_dict() for e in events]


@pytest.mark.parametrize(("text", "day"), [
    ("Insurgents stormed a village in the district between Wednesday night and Thursday morning, killing six "
     "farmers, officials said.", "2024-03-06"),
    ("Two policemen were killed in a gunfight at a checkpoint in Bannu on the night between Tuesday and Wednesday, "
     "police said on Friday.", "2024-03-05"),
    ("Gunmen killed four villagers on the intervening night of Monday and Tuesday, police said.", "2024-03-04"),
])
def test_a_night_between_two_days_is_dated_on_the_first(text: str, day: str):
    events = _events(text)
    assert [e.date.isoformat() for e in events if e.date] == [day], [e.to_dict() for e in events]


def test_an_earlier_operation_of_the_month_is_its_own_incident():
    events = _events("Two soldiers were martyred and four terrorists were killed in an exchange of fire in Bannu "
                     "district on the night between Wednesday and Thursday, the military said on Friday. Earlier "
                     "this month, security forces killed three terrorists in an operation in the same district.")
    assert len(events) == 2, [e.to_dict() for e in events]
    assert sorted(e.fatalities or 0 for e in events) == [3, 6], [e.to_dict() for e in events]


def test_words_in_scare_quotes_are_the_writers_report():
    events = _events("Security forces raided a militant hideout in Bajaur district on Thursday, during which seven "
                     "terrorists were \u201csent to hell\u201d and two others were arrested, the military said.")
    assert _killed(events) == 7, [e.to_dict() for e in events]


def test_a_military_statement_on_several_districts_is_one_event_per_district():
    events = _events("Four soldiers were martyred and 19 terrorists were killed in engagements in three districts of "
                     "Khyber Pakhtunkhwa, the military said on Saturday. It said troops repulsed an attack on a post "
                     "in Bannu district and killed five terrorists, while four soldiers embraced martyrdom. In Lakki "
                     "Marwat district, an intelligence-based operation was conducted during which eight terrorists "
                     "were \u201csent to hell\u201d. In another operation in Khyber district, six terrorists were "
                     "\u201csuccessfully neutralised\u201d, the statement said.")
    assert len(events) == 3, [e.to_dict() for e in events]
    assert _killed(events) == 23, [e.to_dict() for e in events]


def test_an_outcome_told_as_people_killed_counts_them():
    events = _events("According to a statement issued by the Ministry of Defence of the Federal Government, the first "
                     "operation near the town of Bulo Burde resulted in over 20 Al-Shabaab fighters killed.")
    assert _killed(events) == 21, [e.to_dict() for e in events]


def test_more_than_a_number_adds_no_one():
    events = _events("Troops killed 10 fighters in a raid on a camp in Hiiraan region on Thursday. The raid led to the "
                     "death of more than 12 fighters in all, the army said.")
    assert len(events) == 1 and _killed(events) == 13, [e.to_dict() for e in events]


def test_a_press_release_on_operations_in_several_regions_gives_one_event_each():
    events = _events("Army kills 50 militants in multi-region operations\n\nThe government said on Thursday that "
                     "it had killed 50 militants in a series of operations across the Hiiraan, Galguduud and Bay "
                     "regions. The first operation, near the town of Bulo Burde, resulted in 20 militants killed. "
                     "Another operation occurred in a forest near the village of Qalqalo. It led to the death of 24 "
                     "fighters. In a third strike, troops hit militant hideouts in Baidoa district, killing six.")
    assert len(events) == 3, [e.to_dict() for e in events]
    assert _killed(events) == 50, [e.to_dict() for e in events]


def test_the_day_a_statement_was_issued_dates_no_second_incident():
    events = _events("The Freedom Front claimed an attack on a Taliban convoy in Takhar province on Thursday evening "
                     "that killed two Taliban members. On Friday, the group issued a statement asserting that the "
                     "convoy had been ambushed while returning from a raid on nearby villages.")
    assert len(events) == 1, [e.to_dict() for e in events]
    assert events[0].date is not None and events[0].date.isoformat() == "2024-03-07"


def test_when_the_incident_told_took_place_is_no_second_incident():
    events = _events("Four farmers were shot dead by gunmen in Bishnupur district on Friday, police said. A village "
                     "guard was also killed during a gunfight at Kangchup in Kangpokpi district. According to "
                     "residents, the gunfight took place on Thursday night after gunmen attacked Kangchup from the "
                     "nearby hills.")
    assert len(events) == 2, [e.to_dict() for e in events]
    assert sorted(e.date.isoformat() for e in events if e.date) == ["2024-03-07", "2024-03-08"]


def test_a_headline_toll_told_again_with_what_was_attacked_is_one_incident():
    events = _events("Government says at least 12 soldiers killed, but local sources say the toll may be higher.\n"
                     "At least 12 soldiers were killed and others wounded when insurgents attacked an army post in "
                     "Tillaberi region on Thursday, the government said.")
    assert len(events) == 1 and _killed(events) == 12, [e.to_dict() for e in events]


def test_a_toll_after_an_agency_dateline_counts():
    events = _events("Maiduguri [Nigeria], March 7 (ANI/Xinhua): Three soldiers were killed and five others wounded in "
                     "an ambush by insurgents in Borno state, the army said on Thursday.")
    assert _killed(events) == 3, [e.to_dict() for e in events]


def test_a_trigger_the_parser_hangs_on_an_agency_dateline_reports_the_event():
    # "<City> [<Country>], <Month> <D> (<Agency>/<Agency>): Two soldiers were killed ...", with the parse spaCy gave
    # such a dateline: the verb a relative clause of the agency's name, behind "):"
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from ruydad.extract.events import _under_dateline

    words = ["Davao", "[", "Philippines", "]", ",", "March", "7", "(", "ANI", "/", "Xinhua", "):", "Two", "soldiers",
             "were", "killed", "."]
    heads = [0, 10, 10, 2, 3, 10, 5, 10, 10, 10, 10, 10, 13, 15, 15, 10, 10]
    deps = ["ROOT", "nmod", "nmod", "punct", "punct", "npadvmod", "nummod", "punct", "nmod", "punct", "ROOT", "punct",
            "nummod", "nsubjpass", "auxpass", "relcl", "punct"]
    tags = ["NNP", "XX", "NNP", "-RRB-", ",", "NNP", "CD", "-LRB-", "NNP", "SYM", "NNP", ":", "CD", "NNS", "VBD",
            "VBN", "."]
    pos = ["PROPN", "X", "PROPN", "PUNCT", "PUNCT", "PROPN", "NUM", "PUNCT", "PROPN", "SYM", "PROPN", "PUNCT", "NUM",
           "NOUN", "AUX", "VERB", "PUNCT"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    assert _under_dateline(doc[15])


def test_an_unspecified_number_of_dead_is_no_figure():
    events = _events("Bandits killed an unspecified number of soldiers during an attack on a military base in Zamfara "
                     "state on Tuesday, residents said.")
    assert len(events) == 1 and events[0].fatalities is None, [e.to_dict() for e in events]


def test_victims_said_to_have_died_are_dead():
    events = _events("Gunmen stormed a village in Zamfara state on Tuesday and shot five farmers. Three of the victims "
                     "were said to have died on the spot, residents said.")
    assert _killed(events) == 3, [e.to_dict() for e in events]


def test_the_rest_of_the_wounded_is_no_part_of_a_lead_toll():
    events = _events("At least 20 villagers were killed by gunmen in Gatawa village in Zamfara state. The gunmen were "
                     "said to have raided the village on Tuesday night. This comes a few days after gunmen killed an "
                     "unspecified number of vigilantes during an attack on a camp in the same area. It was learnt "
                     "that the gunmen also attacked Kasuwa village and shot four farmers. Two of the victims were "
                     "said to have died instantly while the remaining two are receiving treatment.")
    assert _killed(events) == 22, [e.to_dict() for e in events]


@pytest.mark.parametrize("text", [
    "At least nine policemen have been killed and several more injured after militants attacked checkpoints in "
    "Baghlan province, officials said.",
    "Policemen killed in militant attacks on checkpoints\nAt least nine policemen have been killed and several more "
    "injured after militants attacked checkpoints in Baghlan province, officials said.",
])
def test_more_wounded_told_beside_the_dead_leave_the_toll_alone(text: str):
    events = _events(text)
    assert _killed(events) == 9, [e.to_dict() for e in events]


def test_a_larger_figure_that_holds_the_first_is_no_disagreement():
    events = _events("Local officials in Nangarhar province said a tribal elder was killed in an attack by "
                     "unidentified gunmen on Thursday night. According to the district chief, four members of the "
                     "elder's family, including himself and his son, were killed in the attack.")
    assert _killed(events) == 4, [e.to_dict() for e in events]


def test_two_sources_counting_the_same_soldiers_give_the_lowest():
    events = _events("At least 10 soldiers were killed when insurgents attacked an army post in Tillaberi region on "
                     "Thursday, the government said. An army officer told reporters that about 30 troops had been "
                     "killed in the attack.")
    assert _killed(events) == 10, [e.to_dict() for e in events]


def test_a_killing_reported_weeks_before_an_undated_clash_is_an_earlier_incident():
    events = extract("Officials said the clash between border guards and the Taliban in Nimroz province has ended. "
                     "Six civilians were injured by a mortar shell in the clash, sources said. Earlier too, the two "
                     "sides fought at the border. A news agency in early May reported that a border guard had been "
                     "killed in a clash with the Taliban in the Nimroz border region.", published="2023-05-27").events
    assert len(events) == 2 and _killed(events) == 1, [e.to_dict() for e in events]


def test_the_day_bodies_were_found_dates_no_second_incident():
    events = _events("Twelve policemen were gunned down by Maoists in Bijapur district in one of the deadliest attacks "
                     "this year. The bodies of the 12 policemen, who were missing after a gunfight in the forest, were "
                     "found on Friday, police said. Earlier on Thursday, a patrol of 300 policemen had launched an "
                     "operation in the area when about 200 rebels ambushed them, leaving 10 policemen injured.")
    assert len(events) == 1 and _killed(events) == 12, [e.to_dict() for e in events]
    assert events[0].date is not None and events[0].date.isoformat() == "2024-03-07"


def test_an_after_clause_with_a_day_of_its_own_is_an_earlier_incident():
    events = _events("The Arakan Army on 5 March clashed with the Arakan Rohingya Salvation Army after ARSA members "
                     "killed four villagers on 2 March. The ARSA on 2 March ambushed a truck travelling to Buthidaung "
                     "township. The AA fighters later captured seven ARSA members.")
    assert len(events) == 2, [e.to_dict() for e in events]
    assert sorted(e.date.isoformat() for e in events if e.date) == ["2024-03-02", "2024-03-05"]


def test_arrests_that_answered_an_attack_are_an_act_of_their_own():
    events = _events("At least three Taliban fighters were killed in a resistance attack in Rokha district of Panjshir "
                     "province on Thursday night, while the Taliban retaliated by arresting five villagers in the "
                     "area on suspicion of helping the attackers.")
    assert len(events) == 2, [e.to_dict() for e in events]
    assert sorted((e.fatalities or 0, e.detained or 0) for e in events) == [(0, 5), (3, 0)]


def test_a_bomber_killed_by_guards_adds_to_the_toll():
    events = _events("A suicide bomb explosion outside a ministry building in Kabul on Wednesday killed at least one "
                     "person, officials said. The blast occurred when guards at the gate intercepted and killed a "
                     "suicide bomber, a spokesman said.")
    assert _killed(events) == 2, [e.to_dict() for e in events]


def test_arrests_in_connection_with_the_event_are_their_own_act():
    events = _events("A car bomb killed a police chief in Badakhshan province on Monday. According to the interior "
                     "ministry, two more people were killed and two others were injured in the bombing. Four people "
                     "were reportedly arrested in connection with the event.")
    assert len(events) == 2, [e.to_dict() for e in events]
    assert sorted((e.fatalities or 0, e.detained or 0) for e in events) == [(0, 4), (3, 0)]
