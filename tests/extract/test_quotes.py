from ruydad.extract import extract


def speakers(extraction):
    return {q.speaker for q in extraction.quotes}


def test_named_speaker_with_role_and_affiliation(article):
    quote = next(q for q in article.quotes if q.text.startswith("there are still parts"))
    assert quote.speaker == "Ali Maisam Nazary"
    assert quote.role == "head of the National Resistance Front's foreign relations"
    assert quote.speaker_actor is not None and "National Resistance Front" in quote.speaker_actor


def test_he_said_refers_back_to_the_named_speaker(article):
    quote = next(q for q in article.quotes if q.text.startswith("In order for us to fight"))
    assert quote.speaker == "Ali Maisam Nazary"


def test_surname_refers_to_the_full_name(article):
    quote = next(q for q in article.quotes if q.text.startswith("We can't be left all alone"))
    assert quote.speaker == "Ali Maisam Nazary"


def test_unnamed_spokesperson_is_tied_to_the_group(article):
    quote = next(q for q in article.quotes if q.text == "are mobile,")
    assert quote.speaker_actor == "Afghanistan Freedom Front"
    assert quote.role == "spokesperson"


def test_quote_offsets(article):
    text = article.document.text
    for quote in article.quotes:
        assert text[quote.start:quote.end] == quote.text


def test_every_speaker_of_the_article(article):
    found = " ".join(f"{q.speaker} {q.speaker_actor}" for q in article.quotes)
    for name in ("Nazary", "Aziz", "Waziri", "Afghanistan Freedom Front", "Andarab Resistance Front", "Sadat",
                 "Hazar", "Wardak", "Jones"):
        assert name in found


def test_pronoun_without_antecedent_gives_no_speaker():
    found = extract('"We will win," he said.', published="2022-01-01")
    assert found.quotes == []


def test_speaker_in_apposition_after_whose_role(article):
    quote = next(q for q in article.quotes if q.text.startswith("at the forefront of the fight"))
    assert (quote.speaker, quote.role) == ("Khalid Aziz", "military commander")
    assert quote.speaker_actor == "Afghanistan Islamic National & Liberation Movement"


def test_the_organizations_spokesperson_speaks_for_the_group_named_before(article):
    quote = next(q for q in article.quotes if q.text.startswith("are active in big cities"))
    assert (quote.speaker, quote.speaker_actor) == ("Zahra Sadat", "Watandost Front")


def test_the_spokesperson_is_the_last_spokesperson_introduced(article):
    quote = next(q for q in article.quotes if q.text.startswith("We are in sync with them"))
    assert quote.speaker_actor == "Andarab Resistance Front"


def test_organisation_subject_does_not_take_a_persons_quote(article):
    quote = next(q for q in article.quotes if q.text.startswith("the detection and security forces"))
    assert quote.speaker == "Alhanafi Wardak"
