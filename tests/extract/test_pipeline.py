import json

import pytest

from ruydad.errors import InputError
from ruydad.extract import STEP_ORDER, Document, Pipeline, extract, extract_many, from_html, from_text

CONTRACT = {
    "document": {"id", "title", "published", "source"},
    "actors": {"name", "registry_id", "category", "new", "mentions"},
    "places": {"name", "kind", "country_code", "admin1", "admin1_code", "admin2", "admin2_pcode", "lat", "lon",
               "mentions", "alternatives"},
    "quotes": {"speaker", "role", "speaker_actor", "text", "start", "end"},
    "claims": {"subject", "predicate", "object", "object_admin1_code", "stance", "claimed_by", "sentence",
               "start", "end"},
    "statistics": {"value", "qualifier", "unit", "measure", "event_type", "actor", "period_start", "period_end",
                   "attributed_to", "sentence", "start", "end"},
    "events": {"date", "date_precision", "event_type", "sub_event_type", "actor1", "actor2", "admin1_code",
               "admin2", "location", "fatalities", "detained", "sentence", "start", "end"},
}


def test_output_follows_the_contract(article):
    out = json.loads(json.dumps(article.to_dict()))
    assert set(out) == set(CONTRACT)
    assert set(out["document"]) == CONTRACT["document"]
    for key, fields in CONTRACT.items():
        if key != "document":
            assert out[key], f"no {key} in the article"
            for item in out[key]:
                assert set(item) == fields, key


def test_actor_mentions_point_into_the_text(article):
    text = article.document.text
    for actor in article.actors:
        for mention in actor.mentions:
            assert text[mention.start:mention.end] == mention.text


def test_article_armed_groups(article):
    ids = {a.registry_id for a in article.actors}
    for group in ("taliban", "iskp", "al-qaeda", "nrf", "alm", "aff", "arf", "watandost-front", "ttp"):
        assert group in ids


def test_steps_are_named_in_order():
    assert Pipeline().names == list(STEP_ORDER)


def test_a_step_can_be_replaced():
    class NoEvents:
        name = "events"

        def __call__(self, doc: Document) -> Document:
            doc.events = []
            return doc

    pipeline = Pipeline()
    pipeline.replace("events", NoEvents())
    found = extract("KABUL, Afghanistan (Feb. 1, 2011)\nCoalition forces killed one insurgent in Kunar province.",
                    pipeline=pipeline)
    assert found.events == []


def test_extract_many_keeps_order_and_ids():
    docs = [from_text(f"Text number {i}.", id=f"d{i}") for i in range(5)]
    assert [x.document.id for x in extract_many(docs, batch_size=2)] == [f"d{i}" for i in range(5)]


def test_empty_text_gives_an_empty_extraction():
    out = extract("").to_dict()
    assert out["actors"] == [] and out["events"] == [] and out["quotes"] == []


def test_whitespace_and_punctuation_only():
    assert extract(" \n\n ... \"\" \n").to_dict()["events"] == []


def test_huge_text_is_refused_loudly():
    with pytest.raises(InputError, match="split it"):
        extract("word " * 100_000)


def test_huge_text_in_a_batch_is_reported_and_the_batch_goes_on():
    docs = [from_text("a " * 200_000, id="big"), from_text("Small text.", id="small")]
    results = list(extract_many(docs, errors="report"))
    assert [r.document.id for r in results] == ["big", "small"]
    assert results[0].error and results[1].error is None


def test_binary_text_is_refused():
    with pytest.raises(InputError, match="binary"):
        extract("\x00\x01\x02\x03" * 100)


def test_html_with_scripts_keeps_only_the_article():
    html = ("<html><head><title>Clash in Kunar</title><script>var killed = 99; alert('x')</script>"
            "<meta property='article:published_time' content='2011-02-01'></head><body><nav>Home | World</nav>"
            "<article><h1>Clash in Kunar</h1><p>In Watahpur district, Kunar province, coalition forces engaged "
            "the enemy position yesterday, killing one insurgent.</p><p>No civilians were injured during the "
            "operation, officials said on Tuesday in a statement.</p></article>"
            "<script>document.write('ignore me')</script></body></html>")
    doc = from_html(html)
    assert "alert" not in doc.text and "ignore me" not in doc.text
    assert doc.title == "Clash in Kunar"
    found = extract(doc)
    assert [e.fatalities for e in found.events] == [1]


def test_control_characters_are_replaced_without_moving_offsets():
    text = "KABUL, Afghanistan (Feb. 1, 2011)\u2028In Kunar province\x07 coalition forces killed one insurgent."
    found = extract(text)
    assert len(found.document.text) == len(text)
    assert found.events and found.events[0].fatalities == 1


@pytest.mark.parametrize("text", [
    "Abc-Def-e " * 2000, "Abc " * 5000, "Kabul, " * 3000, '"a ' * 5000, "1, " * 5000,
    "National Liberation Front of Abc " * 600, "KABUL (Abc-Def (Ghi " * 1000, "x" * 100_000,
], ids=["hyphenated-capitals", "capitals", "comma-list", "open-quotes", "digits", "group-names", "parens",
        "one-word"])
def test_hostile_text_finishes_quickly(text):
    import time

    started = time.perf_counter()
    extract(text, published="2022-01-01")
    assert time.perf_counter() - started < 30  # regex backtracking would take minutes
