"""Contradicting claims are found and kept together; compatible ones are not flagged."""

from __future__ import annotations

from ruydad.actors import Claim, find_conflicts, load_seeds


def seed_conflicts():
    (seed,) = load_seeds("afghanistan")
    return find_conflicts(seed.claims)


def test_the_taliban_empty_name_conflicts_with_the_nrf_saying_it_is_a_capable_force():
    (conflict,) = [c for c in seed_conflicts() if c.kind == "stance" and c.subject_key == "nrf"
                   and c.predicates == ("active",)]
    by = {(c.claimed_by_name, c.stance) for c in conflict.claims}
    assert by == {("Ali Maisam Nazary", "asserts"), ("Alhanafi Wardak", "denies")}


def test_nrf_presence_in_panjshir_is_asserted_and_denied():
    (conflict,) = [c for c in seed_conflicts() if c.subject_key == "nrf" and c.predicates == ("operates_in",)]
    assert conflict.object_key == "AF-PAN"
    assert {c.claimed_by_name for c in conflict.claims} == {"Ali Maisam Nazary", "Sam Jones", "Alhanafi Wardak"}


def test_watandost_no_relation_yet_helps_the_nrf():
    (conflict,) = [c for c in seed_conflicts() if c.kind == "incompatible"]
    assert set(conflict.predicates) == {"no_relation_with", "cooperates_with"}
    assert {c.subject_actor_id for c in conflict.claims} == {"watandost-front"}


def test_seed_has_no_spurious_conflicts():
    kinds = sorted((c.kind, c.subject_key) for c in seed_conflicts())
    assert kinds == [("incompatible", "watandost-front"), ("stance", "iskp"), ("stance", "nrf"),
                     ("stance", "nrf")]


def claim(subject: str, predicate: str, stance: str = "asserts", **kw: str) -> Claim:
    return Claim(subject_text=subject, subject_actor_id=subject, predicate=predicate, stance=stance, **kw)


def test_different_values_of_a_functional_predicate_conflict():
    conflicts = find_conflicts([claim("aff", "base_type", object_value="mobile"),
                                claim("aff", "base_type", object_value="permanent")])
    assert [c.kind for c in conflicts] == ["value"]


def test_same_value_from_two_claimants_is_no_conflict():
    assert find_conflicts([claim("aff", "base_type", object_value="Mobile", claimed_by_name="a"),
                           claim("aff", "base_type", object_value="mobile", claimed_by_name="b")]) == []


def test_different_subjects_do_not_conflict():
    assert find_conflicts([claim("aff", "base_type", object_value="mobile"),
                           claim("nrf", "base_type", object_value="permanent")]) == []


def test_symmetric_predicates_meet_in_either_direction():
    conflicts = find_conflicts([claim("arf", "allied_with", object_actor_id="nrf"),
                                claim("nrf", "allied_with", "denies", object_actor_id="arf")])
    assert [c.kind for c in conflicts] == ["stance"]


def test_a_denied_command_and_asserted_cooperation_are_compatible():
    assert find_conflicts([claim("hazara-militias", "commanded_by", "denies", object_actor_id="nrf"),
                           claim("hazara-militias", "cooperates_with", object_actor_id="nrf")]) == []


def test_fighting_and_alliance_between_the_same_pair_conflict():
    conflicts = find_conflicts([claim("alm", "fights", object_actor_id="taliban"),
                                claim("taliban", "allied_with", object_actor_id="alm")])
    assert [c.kind for c in conflicts] == ["incompatible"]


def test_a_blanket_denial_meets_every_assertion_of_the_predicate():
    conflicts = find_conflicts([claim("aff", "controls", "denies"),
                                claim("aff", "controls", object_place_code="AF-BGL", object_text="Andarab")])
    assert [(c.kind, c.object_key) for c in conflicts] == [("stance", "AF-BGL")]


def test_a_denial_about_one_place_leaves_other_places_alone():
    assert find_conflicts([claim("nrf", "operates_in", "denies", object_place_code="AF-PAN"),
                           claim("nrf", "operates_in", object_place_code="AF-BGL")]) == []
