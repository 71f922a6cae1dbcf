from ruydad.actors.claims import PREDICATES


def claims_of(article, predicate):
    return [c for c in article.claims if c.predicate == predicate]


def test_every_predicate_is_in_the_vocabulary(article):
    assert {c.predicate for c in article.claims} <= set(PREDICATES)


def test_operates_in_with_admin_code_and_speaker(article):
    found = [c for c in claims_of(article, "operates_in") if c.object_admin1_code == "AF-BGL"
             and "National Resistance Front" in c.subject]
    assert found and found[0].claimed_by == "Ali Maisam Nazary"


def test_no_relation_with_is_attributed(article):
    found = claims_of(article, "no_relation_with")
    assert found and found[0].subject == "Watandost Front" and found[0].claimed_by == "Zahra Sadat"


def test_shared_supply_chain_for_both_groups(article):
    subjects = {c.subject for c in claims_of(article, "shares_supply_chain_with")}
    assert {"Afghanistan Freedom Front", "Andarab Resistance Front"} <= subjects


def test_led_by(article):
    assert any(c.object == "Ahmad Massoud" for c in claims_of(article, "led_by"))


def test_founded_on_from_since_its_formation(article):
    assert any(c.object == "2022-03" and c.subject == "Afghanistan Freedom Front"
               for c in claims_of(article, "founded_on"))


def test_negated_control_is_a_denial(article):
    assert any(c.stance == "denies" for c in claims_of(article, "controls"))


def test_claim_offsets_slice_the_sentence(article):
    text = article.document.text
    for claim in article.claims:
        assert text[claim.start:claim.end] == claim.sentence


def test_first_person_control_belongs_to_the_speakers_group(article):
    found = [c for c in claims_of(article, "controls") if c.claimed_by == "Ali Maisam Nazary"]
    assert found and all("National Resistance Front" in c.subject for c in found)


def test_civilians_are_never_claim_subjects(article):
    assert all(c.subject != "Civilians" for c in article.claims)
