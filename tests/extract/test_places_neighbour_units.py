"""A unit of the other country a story names is not a home unit spelt loosely.

Sentences written for these tests in wire style (real places, invented events).
"""

from __future__ import annotations

from tests.extract.test_world_places import event_places, run


def test_a_district_of_the_named_neighbour_is_read_there_not_loosely_at_home():
    # the story names the theatre's capital (as its government) and a neighbour's district whose name a
    # loose match inside that capital's province would take
    text = ("Four paramilitary soldiers were killed in an attack in the Khyber district on Monday, officials in "
            "Pakistan said. Islamabad blamed militants based in Afghanistan, a charge denied by Kabul.")
    assert event_places(run(text)) == {("PK-KP", "Khyber")}


def test_a_former_agency_is_a_district_under_its_own_name():
    text = "A roadside bomb killed three soldiers in the Bajaur district of Pakistan on Sunday, the army said."
    assert ("PK-KP", "Bājaur") in event_places(run(text))


def test_a_name_of_several_provinces_is_read_in_the_one_its_paragraph_places():
    text = ("Russian shelling killed two people in the village of Sadove in Ukraine on Monday, "
            "the military administration of Kherson said.")
    assert ("UA-65", "Skadovsk Raion") in event_places(run(text))


def test_a_name_of_several_provinces_alone_stays_unplaced():
    text = "Russian shelling killed two people in the village of Sadove in Ukraine on Monday, officials said."
    assert {code for code, _district in event_places(run(text))} <= {None}
