"""ACLED's codebook types an explosion that is part of a fight as the fight: bombs or shells and then
rifles on a post, a patrol or troops are an armed clash, while shells that kill villagers, air strikes
and a roadside bomb with no fire told stay Explosions/Remote violence. Sentences written for the test."""

from __future__ import annotations

import pytest

from ruydad.extract import extract

PUBLISHED = "2024-05-20"


def _types(text: str) -> list[tuple[str | None, str | None]]:
    return [(e.event_type, e.sub_event_type) for e in extract(text, published=PUBLISHED).events]


@pytest.mark.parametrize("text", [
    "Rebels attacked an army outpost in the district on Sunday night. They first fired mortars at the post and "
    "then targeted it with light and heavy weapons, killing three soldiers.",
    "Eight soldiers died on Saturday when a unit was the target of an attack combining roadside bombs and "
    "heavy weapons, the army said.",
    "Militants detonated an explosive device under a police patrol and then opened fire on the officers, "
    "killing four policemen on Monday.",
])
def test_bombs_or_shells_then_rifles_on_an_armed_side_are_a_battle(text: str) -> None:
    assert _types(text)[:1] == [("Battles", "Armed clash")]


@pytest.mark.parametrize(("text", "sub"), [
    ("Soldiers opened fire on a border post on Sunday and then shelled nearby villages, killing five villagers, "
     "officials said.", "Shelling/artillery/missile attack"),
    ("A villager was killed when shells fired by the army hit his house on Sunday, his brother said; troops had "
     "exchanged small-arms fire with rebels nearby.", "Shelling/artillery/missile attack"),
    ("Drones struck a rebel base on Sunday and gunships opened fire on the fleeing fighters, killing 12 of them, "
     "the army said.", "Air/drone strike"),
    ("A roadside bomb hit a police patrol on Sunday, killing two officers.", "Remote explosive/landmine/IED"),
])
def test_explosions_with_no_fight_on_an_armed_side_stay_remote_violence(text: str, sub: str) -> None:
    assert _types(text)[:1] == [("Explosions/Remote violence", sub)]


@pytest.mark.parametrize("text", [
    "Troops killed six militants in a raid on their hideout on Monday; two of them were wearing explosive "
    "vests, the army said.",
    "Special forces killed four insurgents carrying suicide belts in an operation in the desert on Monday.",
])
def test_fighters_killed_wearing_explosive_vests_are_no_suicide_bombing(text: str) -> None:
    assert _types(text)[:1] == [("Battles", "Armed clash")]


def test_a_bomber_who_wore_a_vest_and_blew_himself_up_is_a_suicide_bombing() -> None:
    text = ("A bomber wearing an explosive vest blew himself up at a police checkpoint on Monday, killing three "
            "officers.")
    assert _types(text)[:1] == [("Explosions/Remote violence", "Suicide bomb")]


@pytest.mark.parametrize("text", [
    "Seven policemen died when a suicide bomber drove an explosives-laden vehicle into the gate of the police "
    "training school, followed by an armed assault, officials said on Friday.",
    "At least ten militants were killed in a face-off with troops in the state on Thursday, after they tried to "
    "break into the troops' camp with a car bomb.",
])
def test_a_car_bomb_in_an_assault_or_a_face_off_is_a_battle(text: str) -> None:
    assert _types(text)[:1] == [("Battles", "Armed clash")]


def test_a_raid_that_killed_a_fighter_and_arrested_his_family_is_no_mere_arrest() -> None:
    text = ("Police forces killed a member of the Islamic State and arrested his wife and two children in a raid "
            "in the city on Friday.")
    assert _types(text) == [("Battles", "Armed clash")]


def test_a_raid_that_only_arrested_is_an_arrest() -> None:
    assert _types("Police arrested five suspects in a raid in the city on Friday.") == [
        ("Strategic developments", "Arrests")]
