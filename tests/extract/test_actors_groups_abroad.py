"""Armed groups the actor registry does not know, named the way wire copy names them (issue 12).

Sentences written for these tests in wire style (real group names, invented events).
"""

from __future__ import annotations

import pytest

from ruydad.extract import extract


def actors(text: str) -> set[str]:
    return {a.name for a in extract(text, published="2023-05-02").actors}


def event_actors(text: str) -> set[str]:
    return {a for e in extract(text, published="2023-05-02").events for a in (e.actor1, e.actor2) if a}


# --- a group named by its members in the plural -------------------------------------------------

def test_a_plural_that_acts_and_qualifies_an_armed_word_is_a_group():
    text = ("Houthis attacked Yemeni government forces in Shabwa province on Saturday, killing four soldiers. "
            "Government troops said they had repelled a Houthi assault on their positions.")
    assert "Houthi" in event_actors(text)


def test_a_people_named_only_as_victims_is_no_group():
    text = ("Christians were killed when gunmen attacked a church in Kaduna state, Nigeria, on Sunday. "
            "Christian leaders condemned the attack.")
    assert "Christian" not in actors(text)


def test_a_plural_never_used_as_a_qualifier_is_no_group():
    text = "Witnesses said Hazaras fled the village after gunmen attacked it in Ghor province on Monday."
    assert "Hazara" not in actors(text)


# --- a name defined with its acronym and called a group ---------------------------------------------

def test_a_name_with_its_acronym_called_a_group_is_an_organisation():
    text = ("More than 45 civilians were killed in an attack on a camp in Congo's Ituri province on Monday. "
            "The Cooperative for the Development of the Congo (CODECO) group, one of many militias operating in "
            "the east, was responsible for the killings, the UN said. CODECO fighters often attack camps.")
    found = extract(text, published="2023-05-02")
    codeco = [a for a in found.actors if a.name == "Cooperative for the Development of the Congo"]
    assert codeco and any(m.text == "CODECO" for m in codeco[0].mentions)


def test_a_place_with_an_acronym_is_no_group():
    text = "Gunmen killed four people in the Federal Capital Territory (FCT) of Nigeria on Monday."
    assert not any("Capital" in name for name in actors(text))


# --- herdsmen ------------------------------------------------------------------------------------------

def test_herdsmen_who_attack_are_men_nobody_named_under_the_texts_word():
    text = ("Suspected herdsmen have killed the Divisional Police Officer in charge of Gwer West Local Government "
            "Area of Benue State and two other officers, police said on Tuesday.")
    assert "herdsmen" in event_actors(text)


def test_herdsmen_counted_as_victims_are_no_actor():
    text = "Three herdsmen were killed by gunmen in Benue State, Nigeria, on Monday, police said."
    assert "herdsmen" not in event_actors(text)


# --- names with a hyphenated Arabic article, defined with their acronym ---------------------------------

def test_members_of_a_name_with_a_hyphenated_article_and_an_acronym_are_that_group():
    text = ("Fighters of Hayat Tahrir al-Sham (HTS) attacked Syrian army positions in Idlib province, killing seven "
            "soldiers, a war monitor said.")
    assert "Hayat Tahrir al-Sham" in event_actors(text)


def test_a_defined_name_wins_over_a_guess_at_its_first_words():
    text = ("Militants belonging to Jamaat Nusrat al-Islam wal-Muslimin (JNIM) attacked an army post in Mali's "
            "Mopti region, killing 12 soldiers. JNIM said it had seized weapons.")
    found = extract(text, published="2023-05-02")
    names = {a.name for a in found.actors}
    assert "Jamaat Nusrat al-Islam wal-Muslimin" in names and "Jamaat Nusrat" not in names


# --- the state's own troops opening a sentence ---------------------------------------------------------

def test_government_troops_opening_a_sentence_are_the_countrys_forces():
    text = ("Government troops killed 20 militants in an operation in Somalia's Hiraan region on Sunday, the "
            "defence ministry said.")
    assert "Military Forces of Somalia" in event_actors(text)


@pytest.mark.parametrize("words", ["Federal forces", "Government forces", "Security troops"])
def test_the_states_forces_by_a_generic_name_are_the_countrys_forces(words):
    text = f"{words} killed ten Islamic State militants in an operation in Anbar province, Iraq, on Tuesday."
    assert "Military Forces of Iraq" in event_actors(text)


def test_rebel_forces_are_not_the_countrys():
    text = "Rebel forces killed ten soldiers in an attack in Anbar province, Iraq, on Tuesday."
    assert [a for a in event_actors(text) if a.startswith("Rebel")]


def test_a_groups_troops_opening_a_sentence_are_not_the_countrys():
    text = "Wagner troops killed 20 civilians in a raid on a village in Mali's Mopti region on Sunday."
    assert "Military Forces of Mali" not in event_actors(text)


def test_the_groups_forces_are_the_group_the_text_named_before():
    text = ("The Taliban police in Parwan province claimed that the group's forces have killed a member of the "
            "Islamic State on Friday.")
    assert "Taliban" in event_actors(text)


def test_the_groups_fighters_with_no_group_named_before_stay_unnamed():
    text = "The group's fighters killed five soldiers in Lower Shabelle, Somalia, on Monday."
    assert not any(a.startswith(("Taliban", "Al", "Islamic")) for a in event_actors(text))
