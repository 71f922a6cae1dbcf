"""Killed per incident (issue 12): a toll told again, updated or summed up counts the same dead once;
sentences written for the test in the style of wire copy."""

from __future__ import annotations

import pytest

from ruydad.extract import Event, extract

PUBLISHED = "2023-03-10"  # a Friday


def _events(text: str) -> list[Event]:
    return extract(text, published=PUBLISHED).events


def _killed(events: list[Event]) -> int:
    return sum(e.fatalities or 0 for e in events)


@pytest.mark.parametrize("text", [
    "A bomb killed 10 people at a market in Quetta on Friday. By Saturday, the number of dead had risen to 15, "
    "officials said.",
    "At least 10 people were killed in a suicide attack on a mosque in Kunduz on Friday. Later, officials said the "
    "number of people killed had increased to 15.",
    "A car bomb in Mogadishu killed at least 10 people on Sunday, police said. Hospital officials later put the toll "
    "at 15.",
])
def test_an_updated_toll_is_the_toll_now(text: str):
    events = _events(text)
    assert len(events) == 1 and _killed(events) == 15, [e.to_dict() for e in events]


def test_more_deaths_that_bring_the_toll_to_a_figure_are_part_of_it():
    events = _events("A roadside bomb killed eight soldiers in Kunar province on Tuesday. Two more soldiers later "
                     "died of their wounds, bringing the death toll to 10.")
    assert [(e.admin1_code, e.fatalities) for e in events] == [("AF-KNR", 10)], [e.to_dict() for e in events]


def test_more_deaths_told_without_a_new_toll_still_add_up():
    events = _events("A roadside bomb killed eight soldiers in Kunar province on Tuesday. Two more soldiers later "
                     "died of their wounds in hospital.")
    assert _killed(events) == 10, [e.to_dict() for e in events]


def test_two_sources_that_disagree_still_give_the_lower_toll():
    events = _events("A car bomb in Mogadishu killed at least seven people on Sunday, police said. Hospital "
                     "officials put the toll at 12.")
    assert _killed(events) == 7, [e.to_dict() for e in events]


@pytest.mark.parametrize("text", [
    "Militants killed nine soldiers in an attack on a military post in Mali's Mopti region on Sunday, the army said. "
    "Nine soldiers died and eight others were wounded, the army said in a statement on Monday.",
    "Gunmen killed nine policemen at a checkpoint in Kunduz province on Sunday. Nine policemen were killed and two "
    "were wounded, the provincial police told reporters at a news conference on Monday.",
    "Nine soldiers were killed on Sunday when militants ambushed their convoy in Mopti region. Nine soldiers lost "
    "their lives in the ambush, the ministry said in a statement read on state television on Monday.",
])
def test_a_toll_restated_on_the_day_of_a_statement_is_the_same_incident(text: str):
    events = _events(text)
    assert len(events) == 1 and _killed(events) == 9, [e.to_dict() for e in events]
    assert events[0].date is not None and events[0].date.isoformat() == "2023-03-05"


def test_speakers_the_parser_joins_to_the_dead_are_no_dead():
    events = _events("A military airstrike on a village in Sagaing region killed ten civilians, residents and local "
                     "media reports said on Wednesday.")
    assert _killed(events) == 10, [e.to_dict() for e in events]


@pytest.mark.parametrize("second", [
    "Other local media also reported the strike, with some outlets saying eight people had been killed.",
    "A local rights group also said eight people had been killed in the strike.",
])
def test_another_source_that_also_reports_the_toll_gives_the_lower_figure(second: str):
    events = _events("An airstrike killed ten civilians in a village in Sagaing region on Tuesday, residents said. "
                     f"{second}")
    assert len(events) == 1 and _killed(events) == 8, [e.to_dict() for e in events]


def test_a_toll_given_according_to_a_source_is_that_sources_figure():
    events = _events("Rebels have killed at least 12 villagers in an attack in Kaduna state on Sunday, according to "
                     "a police report. A local rights group said 15 people had been killed, including three children.")
    assert len(events) == 1 and _killed(events) == 12, [e.to_dict() for e in events]


def test_a_tally_since_a_clause_is_no_incidents_toll():
    events = _events("Gunmen killed a former police officer in Kandahar city on Monday. Rights groups say the Taliban "
                     "have killed at least 200 former members of the security forces since they took power.")
    assert _killed(events) == 1, [e.to_dict() for e in events]


def test_deaths_since_a_dated_attack_are_that_fighting():
    events = _events("Government forces and rebels have been fighting in Kunduz city since the rebels attacked the "
                     "police headquarters on Tuesday, and at least 12 people have been killed.")
    assert _killed(events) == 12, [e.to_dict() for e in events]


@pytest.mark.parametrize("text", [
    "At least 20 people were killed in clashes between rival militias in Tripoli on Monday, the health ministry said. "
    "By Tuesday the health ministry said 23 people had died.",
    "A bomb killed five people in a market in Maiduguri on Wednesday. On Thursday, police said the death toll had "
    "risen to 23 after several of the wounded died.",
])
def test_a_toll_as_it_stood_on_a_later_day_is_the_same_incident(text: str):
    events = _events(text)
    assert len(events) == 1 and _killed(events) == 23, [e.to_dict() for e in events]
