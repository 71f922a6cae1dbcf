"""Event classifier: label mapping, lexicon entries, per-class behaviour, CLI and hostile input.

The per-class sentences below were written for these tests: they are neither CASE 2021 snippets nor
seed-corpus lines, so they check that the classifier carries to new wording.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from ruydad.cli.extract import classify_command
from ruydad.errors import InputError
from ruydad.extract.classify import (
    _RULE_PRIORITY,
    CASE_LABELS,
    LABELS,
    NON_ACLED_EVENT_TYPES,
    UNCLASSIFIABLE,
    Classification,
    EventClassifier,
    _read_data,
    case_label_for,
    classify,
    classify_jsonl,
    classify_many,
    default_classifier,
    lexicon,
    match_cues,
    normalise,
    parse_labelled_tsv,
    parse_lexicon,
    training_data,
)
from ruydad.taxonomy import SUB_EVENT_TYPES

HELD_OUT = [
    ("ARMED_CLASH",
     "Fighting erupted between the national army and the separatist militia near the river crossing."),
    ("ARMED_CLASH",
     "Police and bandits exchanged gunfire for two hours in the forest, leaving four bandits and one officer dead."),
    ("GOV_REGAINS_TERIT",
     "Government soldiers recaptured the northern village from jihadists on Wednesday, the army chief said."),
    ("GOV_REGAINS_TERIT",
     "The military announced it had regained control of the mining town after driving out the rebels."),
    ("NON_STATE_ACTOR_OVERTAKES_TER",
     "Insurgents seized control of the district headquarters after soldiers fled their posts."),
    ("NON_STATE_ACTOR_OVERTAKES_TER",
     "The border town fell to the rebels overnight, residents told reporters by phone."),
    ("NON_VIOL_TERRIT_TRANSFER",
     "The last troops withdrew from the base and handed it over to the tribal militia without a fight."),
    ("CHEM_WEAP",
     "Medics said the victims showed symptoms consistent with exposure to sarin after the attack on the town."),
    ("AIR_STRIKE", "A drone strike on a vehicle near the border killed two suspected militants on Monday."),
    ("AIR_STRIKE", "Warplanes pounded opposition positions in the hills, the monitoring group said."),
    ("SUIC_BOMB",
     "A suicide bomber detonated an explosive vest at the entrance of the mosque, killing nine worshippers."),
    ("REM_EXPLOS",
     "An improvised explosive device hidden on the roadside hit a police truck, wounding five officers."),
    ("REM_EXPLOS", "Three farmers were killed when their tractor hit a landmine in the border area."),
    ("GRENADE", "An attacker threw a hand grenade into a crowded cafe, injuring six customers."),
    ("ART_MISS_ATTACK",
     "Mortar shells landed in a residential neighbourhood of the city, killing two children."),
    ("ART_MISS_ATTACK", "Rockets fired from the south hit an industrial zone, the defence ministry said."),
    ("ATTACK", "Gunmen opened fire on villagers returning from the market, killing eleven people."),
    ("ATTACK", "Armed men stormed a farming village at dawn and shot dead seven civilians."),
    ("ABDUCT_DISSAP", "Armed men kidnapped a doctor from his clinic and have demanded a ransom."),
    ("ABDUCT_DISSAP", "Twelve passengers were abducted from a bus by militants on the highway."),
    ("SEX_VIOL", "Two women were raped by soldiers at a checkpoint, a local rights group reported."),
    ("PEACE_PROTEST", "Thousands of teachers marched peacefully to the ministry to demand higher wages."),
    ("PEACE_PROTEST", "Students held a rally outside parliament against the education reform."),
    ("PROTEST_WITH_INTER",
     "Police used tear gas and water cannon to disperse a peaceful opposition rally and detained its leaders."),
    ("FORCE_AGAINST_PROTEST",
     "Security forces opened fire on unarmed demonstrators, killing at least five protesters."),
    ("VIOL_DEMONSTR", "Rioters set fire to tyres, hurled stones at the police and smashed shop windows."),
    ("MOB_VIOL", "A mob lynched a man accused of stealing a goat in the village."),
    ("AGREEMENT",
     "The government and the insurgents signed a ceasefire agreement brokered by regional mediators."),
    ("ARREST", "Police arrested the opposition spokesman at his home on Tuesday night."),
    ("CHANGE_TO_GROUP_ACT",
     "A top commander and his fighters defected from the rebel group to join the government side."),
    ("DISR_WEAP", "The army defused a bomb planted under a bridge on the main highway."),
    ("DISR_WEAP", "Police seized a large cache of rifles and ammunition in a raid on a warehouse."),
    ("HQ_ESTABLISHED", "Foreign troops have set up a new military base near the oil fields."),
    ("PROPERTY_DISTRUCT", "Looters ransacked shops and set fire to a warehouse in the town centre."),
    ("ORG_CRIME", "Police seized 500 kilograms of heroin and arrested members of a drug trafficking gang."),
    ("ORG_CRIME", "Armed robbers raided a jewellery shop and escaped with gold worth thousands of dollars."),
    ("NATURAL_DISASTER", "A powerful earthquake shook the coastal region, killing at least thirty people."),
    ("NATURAL_DISASTER", "Flash floods after heavy rains swept away homes in the valley."),
    ("MAN_MADE_DISASTER", "A fire broke out at a textile factory, killing twelve workers trapped inside."),
    ("MAN_MADE_DISASTER", "A passenger train derailed near the capital, injuring dozens."),
    ("DIPLO", "The foreign minister held talks with his counterpart on trade and border security."),
    ("DIPLO", "The government expelled the ambassador and imposed sanctions on the neighbouring country."),
    ("ATTRIB", "The militant group claimed responsibility for the bombing in an online statement."),
    ("ATTRIB", "Officials blamed the separatists for the attack on the railway line."),
    ("OTHER",
     "Investigators found a mass grave containing the remains of dozens of people near the former front line."),
]


# --- mapping -------------------------------------------------------------------------------------


def test_mapping_has_thirty_distinct_classes() -> None:
    assert len(CASE_LABELS) == 30
    assert len(set(CASE_LABELS.values())) == 30


def test_mapping_covers_every_acled_sub_event_type_with_its_event_type() -> None:
    acled = {sub: event for event, sub in CASE_LABELS.values() if sub is not None}
    assert set(acled) == set(SUB_EVENT_TYPES)
    for sub, event in acled.items():
        assert SUB_EVENT_TYPES[sub].event_type == event


def test_non_acled_classes_have_no_sub_event_type() -> None:
    for label in ("ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"):
        event_type, sub = CASE_LABELS[label]
        assert sub is None and event_type in NON_ACLED_EVENT_TYPES


def test_case_other_is_strategic_developments_other() -> None:
    assert CASE_LABELS["OTHER"] == ("Strategic developments", "Other")
    assert CASE_LABELS["ATTRIB"] == ("Attribution of responsibility", None)
    assert CASE_LABELS["GOV_REGAINS_TERIT"] == ("Battles", "Government regains territory")


@pytest.mark.parametrize("label", LABELS)
def test_case_label_for_inverts_the_mapping(label: str) -> None:
    assert case_label_for(*CASE_LABELS[label]) == label


def test_case_label_for_unknown_pair_is_none() -> None:
    assert case_label_for("Battles", "Picnic") is None


# --- lexicon --------------------------------------------------------------------------------------


def test_every_class_has_a_cue_that_names_it() -> None:
    strong = {cue.label for cue in lexicon() if cue.weight == 2}
    assert strong == set(LABELS)


@pytest.mark.parametrize(
    ("phrase", "label"),
    [
        ("troops and rebels clashed", "ARMED_CLASH"),
        ("an exchange of fire", "ARMED_CLASH"),
        ("fighting broke out in the east", "ARMED_CLASH"),
        ("the army recaptured the town", "GOV_REGAINS_TERIT"),
        ("militants took control of the district", "NON_STATE_ACTOR_OVERTAKES_TER"),
        ("the town fell to the Taliban", "NON_STATE_ACTOR_OVERTAKES_TER"),
        ("they entered without any resistance", "NON_VIOL_TERRIT_TRANSFER"),
        ("a chlorine attack", "CHEM_WEAP"),
        ("an airstrike hit", "AIR_STRIKE"),
        ("a drone strike killed", "AIR_STRIKE"),
        ("a suicide bomber struck", "SUIC_BOMB"),
        ("he blew himself up", "SUIC_BOMB"),
        ("a roadside bomb exploded", "REM_EXPLOS"),
        ("an IED detonated", "REM_EXPLOS"),
        ("a landmine killed two", "REM_EXPLOS"),
        ("a grenade was hurled", "GRENADE"),
        ("heavy shelling", "ART_MISS_ATTACK"),
        ("a rocket-propelled grenade", "ART_MISS_ATTACK"),
        ("gunmen opened fire on worshippers", "ATTACK"),
        ("the pastor was kidnapped", "ABDUCT_DISSAP"),
        ("girls were raped", "SEX_VIOL"),
        ("hundreds protested", "PEACE_PROTEST"),
        ("police fired tear gas", "PROTEST_WITH_INTER"),
        ("troops opened fire on protesters", "FORCE_AGAINST_PROTEST"),
        ("rioters burned cars", "VIOL_DEMONSTR"),
        ("a mob lynched him", "MOB_VIOL"),
        ("a ceasefire took effect", "AGREEMENT"),
        ("police arrested him", "ARREST"),
        ("the commander defected", "CHANGE_TO_GROUP_ACT"),
        ("the bomb was defused", "DISR_WEAP"),
        ("police seized weapons and ammunition", "DISR_WEAP"),
        ("they set up an observation post", "HQ_ESTABLISHED"),
        ("shops were looted", "PROPERTY_DISTRUCT"),
        ("a cocaine seizure", "ORG_CRIME"),
        ("an earthquake struck", "NATURAL_DISASTER"),
        ("a gas leak at the plant", "MAN_MADE_DISASTER"),
        ("the ambassador was recalled", "DIPLO"),
        ("the group claimed responsibility", "ATTRIB"),
        ("a mass grave was found", "OTHER"),
    ],
)
def test_cue_phrase_speaks_for_its_class(phrase: str, label: str) -> None:
    assert label in match_cues(normalise(phrase)).scores


@pytest.mark.parametrize(
    ("phrase", "label"),
    [
        ("an airstrike hit the town", "PEACE_PROTEST"),  # "strike" is a protest cue only as a strike
        ("a rocket-propelled grenade hit the tank", "GRENADE"),
        ("fighting erupted near the river", "NATURAL_DISASTER"),
        ("she was gang-raped", "ORG_CRIME"),
        ("a coal miner", "REM_EXPLOS"),
    ],
)
def test_cue_does_not_fire_inside_another_phrase(phrase: str, label: str) -> None:
    assert label not in match_cues(normalise(phrase)).scores


def test_riot_police_hint_at_a_riot_but_do_not_name_one() -> None:
    assert match_cues("riot police stood by").scores == {"VIOL_DEMONSTR": 1}
    assert match_cues("rioters stood by").scores == {"VIOL_DEMONSTR": 2}


def test_bad_lexicon_line_names_the_line() -> None:
    with pytest.raises(ValueError, match="line 2"):
        parse_lexicon("# comment\nARMED_CLASH\t3\tclash\n")
    with pytest.raises(ValueError, match="bad pattern"):
        parse_lexicon("ARMED_CLASH\t2\tclash(\n")


# --- training data ---------------------------------------------------------------------------------


def test_seed_corpus_covers_every_class() -> None:
    _, labels = parse_labelled_tsv(_read_data("seed_corpus.tsv"), "seed")
    assert {label: labels.count(label) >= 5 for label in LABELS} == dict.fromkeys(LABELS, True)


def test_seed_corpus_does_not_copy_case_snippets() -> None:
    seed, _ = parse_labelled_tsv(_read_data("seed_corpus.tsv"), "seed")
    dev, _ = parse_labelled_tsv(_read_data("case2021_task2_dev.tsv"), "dev")
    assert not {s.lower() for s in seed} & {d.lower() for d in dev}


def test_case_snippets_are_all_shipped() -> None:
    texts, labels = parse_labelled_tsv(_read_data("case2021_task2_dev.tsv"), "dev")
    assert len(texts) == 281 and set(labels) == set(LABELS)


def test_training_is_fast_enough_for_first_use() -> None:
    texts, labels = training_data()
    start = time.process_time()
    EventClassifier().fit(texts, labels)
    assert time.process_time() - start < 10  # ~1 s on a laptop; generous for a shared CI machine


# --- behaviour per class -----------------------------------------------------------------------------


@pytest.mark.parametrize(("label", "text"), HELD_OUT, ids=[f"{lab}-{i}" for i, (lab, _) in enumerate(HELD_OUT)])
def test_new_sentence_gets_its_class(label: str, text: str) -> None:
    result = classify(text)
    assert result.label == label
    assert (result.event_type, result.sub_event_type) == CASE_LABELS[label]


def test_every_class_is_covered_by_a_new_sentence() -> None:
    assert {label for label, _ in HELD_OUT} == set(LABELS)


def test_result_carries_confidence_and_the_cues_found() -> None:
    result = classify("A suicide bomber blew himself up outside the police headquarters.")
    assert result.label == "SUIC_BOMB"
    assert 0.5 < result.confidence <= 1.0
    assert "blew himself up" in result.cues
    assert result.as_dict()["sub_event_type"] == "Suicide bomb"


def test_classify_many_keeps_order_and_agrees_with_classify() -> None:
    texts = [text for _, text in HELD_OUT[:6]]
    assert classify_many(texts) == [classify(t) for t in texts]
    assert classify_many([]) == []


def test_rules_only_baseline_uses_the_lexicon() -> None:
    rules = default_classifier().classify_by_rules
    assert rules("Rebels fired mortars at the airport.").label == "ART_MISS_ATTACK"
    no_cue = rules("The festival season began on a quiet note.")
    assert (no_cue.label, no_cue.confidence) == ("OTHER", 0.0)
    assert rules("").label is None


def test_rules_tie_break_order_names_every_class_once() -> None:
    assert sorted(_RULE_PRIORITY) == sorted(LABELS)


def test_classifying_before_fit_is_an_error() -> None:
    with pytest.raises(RuntimeError, match="fit"):
        EventClassifier().classify("clashes")


# --- hostile input -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\t ", "12345 67 -- !!", "\x00\x01\x02"])
def test_text_without_letters_is_unclassifiable(text: str) -> None:
    assert classify(text) == UNCLASSIFIABLE
    assert UNCLASSIFIABLE.event_type == "Other" and UNCLASSIFIABLE.label is None


def test_binary_junk_is_classified_without_error() -> None:
    junk = bytes(range(256)).decode("utf-8", errors="replace") * 20
    result = classify(junk)
    assert result.label in CASE_LABELS or result.label is None
    assert 0.0 <= result.confidence <= 1.0


def test_huge_text_is_cut_and_classified_quickly() -> None:
    text = "Warplanes bombed the rebel-held town at dawn. " + "Residents fled the area. " * 400_000
    start = time.perf_counter()
    result = classify(text)
    assert time.perf_counter() - start < 5
    assert result.label == "AIR_STRIKE"


def test_normalise_collapses_space_and_drops_control_characters() -> None:
    assert normalise("opened\n\n fire\x00 on\u00a0protesters\ufffd") == "opened fire on protesters"


# --- CLI ---------------------------------------------------------------------------------------------


@pytest.fixture
def cli() -> typer.Typer:
    app = typer.Typer()
    app.command("classify")(classify_command)

    @app.command("other")
    def _other() -> None:  # a second command, so the test app dispatches by name like `ruydad`
        pass

    return app


def _lines(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_cli_plain_text_from_stdin_is_one_record(cli: typer.Typer) -> None:
    result = CliRunner().invoke(cli, ["classify"], input="Rebels shelled the city centre with artillery.\n")
    assert result.exit_code == 0, result.output
    [record] = _lines(result.stdout)
    assert set(record) == {"id", "event_type", "sub_event_type", "confidence"}
    assert record["id"] == "stdin"
    assert record["sub_event_type"] == "Shelling/artillery/missile attack"


def test_cli_plain_text_from_file_uses_the_file_name(cli: typer.Typer, tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text("A magnitude 7 earthquake struck the coast.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["classify", str(path)])
    assert result.exit_code == 0, result.output
    [record] = _lines(result.stdout)
    assert record == {"id": str(path), "event_type": "Natural disaster", "sub_event_type": None,
                      "confidence": record["confidence"]}


def test_cli_jsonl_keeps_order_and_ids(cli: typer.Typer) -> None:
    records = [{"id": "a", "text": "Police arrested two opposition leaders."},
               {"id": 7, "text": "A landmine exploded under a bus."},
               {"text": "The foreign minister met the ambassador."}]
    stdin = "\n".join(json.dumps(r) for r in records[:2]) + "\n\n" + json.dumps(records[2]) + "\n"
    result = CliRunner().invoke(cli, ["classify", "--jsonl", "-"], input=stdin)
    assert result.exit_code == 0, result.output
    out = _lines(result.stdout)
    assert [r["id"] for r in out] == ["a", 7, None]
    assert [r["sub_event_type"] for r in out] == ["Arrests", "Remote explosive/landmine/IED", None]
    assert out[2]["event_type"] == "Diplomatic event"


@pytest.mark.parametrize(
    ("line", "message"),
    [("not json", "line 2: not valid JSON"), ("[1, 2]", "line 2: expected a JSON object"),
     ('{"id": 1}', 'line 2: "text" must be a string'), ('{"id": [1], "text": "x"}', 'line 2: "id"')],
)
def test_cli_jsonl_bad_line_is_an_error_naming_it(cli: typer.Typer, line: str, message: str) -> None:
    stdin = json.dumps({"id": 1, "text": "Troops clashed with rebels."}) + "\n" + line + "\n"
    result = CliRunner().invoke(cli, ["classify", "--jsonl"], input=stdin)
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_classify_jsonl_raises_input_error() -> None:
    with pytest.raises(InputError, match="line 1"):
        list(classify_jsonl(["{oops"]))


def test_cli_missing_file_is_an_error(cli: typer.Typer, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["classify", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert "no such file" in result.stderr


def test_cli_binary_input_does_not_crash(cli: typer.Typer, tmp_path: Path) -> None:
    path = tmp_path / "junk.bin"
    path.write_bytes(bytes(range(256)) * 50)
    result = CliRunner().invoke(cli, ["classify", str(path)])
    assert result.exit_code == 0, result.output
    assert len(_lines(result.stdout)) == 1


def test_cli_empty_input_is_unclassifiable(cli: typer.Typer) -> None:
    result = CliRunner().invoke(cli, ["classify"], input="")
    assert result.exit_code == 0
    assert _lines(result.stdout) == [{"id": "stdin", "event_type": "Other", "sub_event_type": None,
                                      "confidence": 0.0}]


def test_classification_is_a_plain_dataclass() -> None:
    assert Classification("Battles", "Armed clash", "ARMED_CLASH", 0.9).cues == ()


def test_the_numpy_scorer_reproduces_scikit_learn_on_the_training_texts() -> None:
    import numpy as np

    from ruydad.extract.classify import match_cues

    texts, labels = training_data()
    model = EventClassifier().fit(texts, labels)
    clean = [normalise(t) for t in texts] + ["", "ok", "Drone strike near Bagram: 3 killed, 2-3 wounded."]
    matches = [match_cues(t, model.cues) for t in clean]
    by_sklearn = model._probabilities(model._features(clean, matches))
    assert model._scorer is not None
    by_numpy = model._scorer.probabilities(clean, model._cue_rows(matches))
    assert np.abs(by_sklearn - by_numpy).max() < 1e-6
    assert (by_sklearn.argmax(axis=1) == by_numpy.argmax(axis=1)).all()


def test_the_default_classifier_loads_from_the_cache_without_scikit_learn(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = ("import sys\nfrom ruydad.extract.classify import classify\n"
            "c = classify('Rebels fired mortars at the airport.')\n"
            "print(c.label, 'sklearn' in sys.modules, 'scipy' in sys.modules)")
    env = {**os.environ, "RUYDAD_CACHE_DIR": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert first.stdout.split() == ["ART_MISS_ATTACK", "True", "True"]  # trained with scikit-learn once
    assert second.stdout.split() == ["ART_MISS_ATTACK", "False", "False"]  # then loaded without it


# --- Issue 12: real ACLED-style single-event descriptions (tests/data/event_types) ---------------------------

EVENT_DESCRIPTIONS = Path(__file__).resolve().parents[1] / "data" / "event_types" / "event_descriptions.jsonl"

DESCRIPTION_FLOORS = {"dev": (0.89, 0.87), "held": (0.93, 0.81)}
"""(event type, sub-event type) floors per split, a little below what the shipped classifier measured
(dev 0.922 / 0.906, held 0.970 / 0.848 on 64 and 33 descriptions): two or three more errors fail."""


def _descriptions() -> list[dict[str, str]]:
    import json

    return [json.loads(line) for line in EVENT_DESCRIPTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_event_descriptions_are_labelled_with_real_acled_pairs_and_split_by_hash() -> None:
    import hashlib

    from ruydad.taxonomy import SUB_EVENT_TYPES

    rows = _descriptions()
    assert len(rows) >= 80
    for row in rows:
        assert SUB_EVENT_TYPES[row["sub_event_type"]].event_type == row["event_type"], row["id"]
        assert row["url"].startswith("http"), row["id"]
        digest = hashlib.sha1(f"{row['url']}\n{row['text']}".encode()).hexdigest()
        assert row["split"] == ("held" if int(digest[:8], 16) % 3 == 0 else "dev"), row["id"]


@pytest.mark.parametrize("split", ["dev", "held"])
def test_event_and_sub_event_types_of_real_descriptions_hold_their_floors(split: str) -> None:
    rows = [row for row in _descriptions() if row["split"] == split]
    got = classify_many([row["text"] for row in rows])
    types = sum(r.event_type == row["event_type"] for r, row in zip(got, rows, strict=True)) / len(rows)
    subs = sum(r.sub_event_type == row["sub_event_type"] for r, row in zip(got, rows, strict=True)) / len(rows)
    type_floor, sub_floor = DESCRIPTION_FLOORS[split]
    assert types >= type_floor, f"{split}: event type {types:.3f} < {type_floor}"
    assert subs >= sub_floor, f"{split}: sub-event type {subs:.3f} < {sub_floor}"


@pytest.mark.parametrize(("sub_event_type", "text"), [
    # drones that fire missiles are an air/drone strike, not a missile attack from the ground
    ("Air/drone strike", "An unmanned aircraft fired three missiles at a pickup truck near the village, killing "
                         "four men believed to be fighters."),
    ("Air/drone strike", "A drone fired two missiles into a house in the tribal district late on Thursday."),
    # an attack whose outcome is people taken away is an abduction
    ("Abduction/forced disappearance", "Gunmen attacked a seminary in the early hours and took away 40 students, "
                                       "the state police said."),
    # a claim of responsibility inside a bombing report does not hide the bombing
    ("Remote explosive/landmine/IED", "Three policemen were killed on Monday when a bomb planted on the roadside "
                                      "hit their pickup; the insurgents claimed responsibility."),
    ("Suicide bomb", "The militants claimed responsibility for a suicide car bomb that wounded six soldiers at a "
                     "checkpoint outside the city."),
    # a lynching is mob violence even when it starts at a police station
    ("Mob violence", "Hundreds of men stormed a police post, dragged out a prisoner accused of blasphemy and beat "
                     "him to death."),
    # defusing a bomb is a disrupted weapons use, not an explosion
    ("Disrupted weapons use", "Bomb disposal experts defused a remote-controlled device found under a culvert on "
                              "Wednesday."),
    # protesters burning a police station make a violent demonstration
    ("Violent demonstration", "A police station was set on fire by protesters during a second night of unrest in "
                              "the city."),
    # territory taken after the other side left is a non-violent transfer
    ("Non-violent transfer of territory", "The army entered the district capital on Tuesday after the insurgents "
                                          "had fled; there was no fighting."),
    # property destroyed without violence against people
    ("Looting/property destruction", "Fighters burned dozens of homes and killed cattle in the village after "
                                     "residents fled."),
])
def test_error_classes_seen_on_real_descriptions_are_fixed(sub_event_type: str, text: str) -> None:
    assert classify(text).sub_event_type == sub_event_type


def test_a_claim_that_names_the_attack_is_typed_as_the_attack_and_keeps_its_case_label() -> None:
    result = classify("Four soldiers died when a landmine blew up their truck on Friday; the rebel group claimed "
                      "responsibility for the attack.")
    assert (result.event_type, result.sub_event_type) == ("Explosions/Remote violence",
                                                          "Remote explosive/landmine/IED")
    assert result.label == "ATTRIB"


def test_a_bare_claim_of_responsibility_stays_an_attribution() -> None:
    result = classify("The militant group claimed responsibility for Tuesday's attack in a statement on its website.")
    assert result.label == "ATTRIB"
    assert result.event_type == "Attribution of responsibility"
    assert result.sub_event_type is None


def test_a_roadside_bombing_is_a_remote_explosive() -> None:
    result = classify("Six soldiers were killed on Thursday in a roadside bombing on the road to the provincial "
                      "capital, officials said.")
    assert result.sub_event_type == "Remote explosive/landmine/IED"
