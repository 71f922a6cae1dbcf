"""Deaths put down to nature, an accident or disease are no conflict event; acts of violence told
with the same words stay events. Sentences written for these tests in the style of wire reports."""

import json
from pathlib import Path

import pytest

from ruydad.extract import Pipeline, extract, from_text

PUBLISHED = "2023-03-15"

MISHAPS = [
    "An earthquake killed more than 1,000 people in Paktika province on Wednesday, officials said.",
    "Flash floods killed 30 people and destroyed hundreds of homes in Baghlan province on Friday.",
    "A traffic accident on the Salang highway killed 12 passengers on Monday, police said.",
    "An avalanche in Panjshir killed five people, the provincial disaster authority said.",
    "A fire at a market in Kandahar city destroyed 40 shops on Tuesday.",
    "Twelve people died of cholera in Herat province last week, health officials said.",
    "A bus carrying pilgrims plunged into a ravine in Kunar, killing 15, police said on Saturday.",
    "Lightning killed three shepherds in Badghis province on Thursday.",
    "A gas cylinder explosion killed four members of a family in Jalalabad on Tuesday.",
    "Seven children drowned in the Kunar river on Sunday, local officials said.",
    "Four people were killed when their car overturned on the Kabul-Jalalabad highway on Monday.",
    "Heavy snowfall and freezing cold have killed 70 people across Ghor province this month.",
    "Five people were killed when a gas tanker exploded on the highway near Kabul on Monday.",
    "Three miners were killed when a coal mine collapsed in Samangan province on Monday.",
]

ACTS = [
    "A car bomb hit a police convoy in Kabul on Monday, killing five officers.",
    "Taliban fighters killed three civilians in Panjshir during heavy rain on Monday.",
    "The building collapsed after an air strike, killing 12 civilians in Kunduz on Friday.",
    "Five people were killed in an exchange of fire between Taliban and NRF fighters in Andarab.",
    "Five civilians were killed when a mortar shell hit their house in Kunar on Tuesday.",
    "Twelve people died in a stampede after a blast at a mosque in Kabul on Friday.",
    "An explosion at a mosque in Kunduz killed 50 worshippers on Friday.",
    "Two children died when an old landmine exploded in Helmand province on Sunday.",
    "Unknown gunmen shot dead a former army officer in Herat on Monday.",
    "A vehicle carrying Taliban fighters hit a roadside bomb in Ghazni, killing four.",
    "The Taliban killed two men in Khost after floods hit the province, residents said.",
    "A car exploded near a police station in Kabul on Monday, killing five people.",
    "A mine exploded under a Taliban vehicle in Ghazni on Monday, killing three.",
]


@pytest.mark.parametrize("text", MISHAPS)
def test_a_death_put_down_to_nature_an_accident_or_disease_is_no_event(text):
    assert extract(text, published=PUBLISHED).events == []


@pytest.mark.parametrize("text", ACTS)
def test_an_act_of_violence_told_with_the_same_words_stays_an_event(text):
    events = extract(text, published=PUBLISHED).events
    assert len(events) == 1
    assert events[0].fatalities


def test_the_events_step_alone_still_builds_the_mishap_so_the_causes_step_is_what_drops_it():
    text = MISHAPS[0]
    without = Pipeline()
    without.steps = [step for step in without.steps if step.name != "causes"]
    assert without(from_text(text)).events, "the events step should read the deaths; causes drops them"
    assert Pipeline()(from_text(text)).events == []


def test_a_story_of_a_disaster_and_an_attack_keeps_the_attack_only():
    text = ("Flash floods killed 20 people in Baghlan province on Monday, officials said. In a separate "
            "incident, gunmen killed two police officers at a checkpoint in Kunduz province on Tuesday.")
    events = extract(text, published=PUBLISHED).events
    assert [e.admin1_code for e in events] == ["AF-KDZ"]
    assert events[0].fatalities == 2


def test_a_detail_sentence_is_read_with_the_sentence_that_told_the_attack():
    # the detail names a house that collapsed; the telling sentence names the bombing
    text = ("A minister said jets from across the border bombed houses in Paktika and Khost provinces on "
            "Monday. He said three women were killed in Paktika and a house collapsed while two women were "
            "killed in Khost.")
    events = extract(text, published=PUBLISHED).events
    assert sum(e.fatalities or 0 for e in events) == 5


FIXTURES = Path(__file__).resolve().parents[1] / "data" / "extract"
NO_CONFLICT_NEWS = [json.loads(line) for name in ("mishaps.jsonl", "private_killings.jsonl")
                    for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("row", NO_CONFLICT_NEWS, ids=lambda row: row["id"])
def test_real_reports_of_disasters_accidents_domestic_killings_and_robberies_give_no_event(row):
    found = extract(row["text"], published=row["published"])
    assert found.events == [], [e.sentence for e in found.events]


def test_a_detail_sentence_without_a_cause_takes_the_cause_the_story_told():
    text = ("Flash floods swept through villages in Parwan province on Sunday, killing at least 31 people. "
            "17 people were reported injured. In a separate incident, unknown gunmen killed two police officers "
            "in Kunduz province.")
    events = extract(text, published=PUBLISHED).events
    assert [e.admin1_code for e in events] == ["AF-KDZ"]


PRIVATE = [
    "A man shot dead his brother over a land dispute in Kandahar on Monday, police said.",
    "A man killed his wife and two daughters in Herat province on Tuesday, police said.",
    "Two people were killed in a family feud over land in Khost province on Sunday.",
    "Robbers killed a money changer in Kabul on Monday and fled with his cash, police said.",
    "A woman was stabbed to death by her husband in Balkh province, local officials said.",
]

ARMED_KILLINGS = [
    "The Taliban killed a man over a land dispute in Kandahar on Monday.",
    "Taliban fighters shot dead a former soldier and his brother in Herat.",
    "Gunmen killed a money changer in Kabul on Monday.",
    "A man was shot dead by unknown gunmen in Kunduz on Monday.",
    "His brother was killed by the Taliban in Panjshir on Monday.",
]


@pytest.mark.parametrize("text", PRIVATE)
def test_a_family_quarrel_or_a_robbery_is_no_event(text):
    assert extract(text, published=PUBLISHED).events == []


@pytest.mark.parametrize("text", ARMED_KILLINGS)
def test_a_killing_by_an_armed_group_stays_an_event_whatever_its_motive_or_victim(text):
    assert len(extract(text, published=PUBLISHED).events) == 1


def test_arrests_over_a_private_killing_are_no_event_either():
    text = ("A man killed his wife in Herat province on Monday, police said. The man and his brother, who is "
            "accused of helping in the murder, have been arrested in connection with the incident.")
    assert extract(text, published=PUBLISHED).events == []
