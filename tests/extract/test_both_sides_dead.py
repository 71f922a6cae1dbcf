"""The dead of both sides add up (issue 12): attackers killed after their victims were counted are
more dead, not the same told again; the victims restated are not. Sentences written for the test."""

from __future__ import annotations

from ruydad.extract import extract

PUBLISHED = "2023-03-10"


def _tolls(text: str) -> list[int | None]:
    return [e.fatalities for e in extract(text, published=PUBLISHED).events]


def test_the_attackers_killed_after_their_victims_add_to_the_toll():
    assert _tolls("Gunmen stormed a hotel in the city on Tuesday, killing at least 14 people, mostly guests, "
                  "officials said. The four attackers were killed by police after a six-hour siege.") == [18]


def test_militants_who_attacked_and_were_killed_add_to_the_toll():
    assert _tolls("Militants stormed a wedding hall on Tuesday, killing nine guests. Two militants were killed in "
                  "the ensuing exchange of fire, police said.") == [11]


def test_militants_killed_by_an_air_strike_are_not_more_than_its_dead():
    # the air force's dead "people" may be the militants: the later count is not added
    assert _tolls("An air strike killed 12 people in a village on Tuesday. Officials said ten militants were "
                  "killed.") == [12]


def test_soldiers_who_lost_their_lives_add_to_the_insurgents_killed():
    assert _tolls("Troops repelled an attack on their base on Tuesday, killing 20 insurgents. Three soldiers lost "
                  "their lives in the attack.") == [23]


def test_soldiers_left_dead_add_to_the_attackers_killed():
    assert _tolls("Security forces killed six attackers who stormed a checkpoint on Tuesday. The assault left two "
                  "policemen dead, officials said.") == [8]


def test_each_sides_dead_told_by_its_enemy_in_one_sentence_add_up():
    assert _tolls("The army said 40 militants were killed in the fighting on Tuesday, while the rebels said they had "
                  "killed 25 soldiers.") == [65]


def test_two_sources_on_the_same_dead_give_the_lowest():
    assert _tolls("Police said 12 civilians were killed in the attack on Tuesday, while residents said 15 villagers "
                  "were killed.") == [12]


def test_the_other_sides_dead_in_a_quoted_statement_add_up():
    assert _tolls("Militants killed 12 soldiers in an attack on an army post on Sunday, the defence ministry said. "
                  "\"Our forces killed 21 terrorists,\" the ministry said in a statement.") == [33]


def test_a_quoted_toll_of_the_same_dead_is_not_added():
    assert _tolls("Militants killed 12 soldiers in an attack on an army post on Sunday, officials said. \"Twelve of "
                  "our soldiers were killed,\" the army spokesman said.") == [12]


def test_a_group_brought_in_and_killed_to_a_man_adds_to_the_dead_before():
    assert _tolls("Troops raided a compound in the valley on Tuesday, killing three militants. As they withdrew, a "
                  "group of seven armed men on motorcycles approached the troops. Helicopters fired on the group, "
                  "killing all seven men.") == [10]


def test_all_the_dead_counted_again_are_not_more():
    assert _tolls("Troops raided a compound in the valley on Tuesday and killed seven militants. Officials said "
                  "the troops killed all seven militants inside the compound.") == [7]


def test_the_one_the_others_were_counted_apart_from_adds_to_them():
    assert _tolls("An air strike hit a meeting of militants in the district on Tuesday. Several other militants "
                  "were killed in the strike. Police said the group's leader was killed in the strike.") == [4]


def test_the_dead_named_again_after_others_are_not_more():
    assert _tolls("An air strike hit a meeting of militants in the district on Tuesday. Four other militants were "
                  "killed in the strike. Police said four militants were killed.") == [4]
