"""Armed groups the actor registry does not know, named the way wire copy names them (issue 12).

Sentences written for these tests in wire style (real group names, invented events).
"""

from __future__ import annotations

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
