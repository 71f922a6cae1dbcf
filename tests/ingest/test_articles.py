"""Storing articles (ruydad.ingest.articles): one batch per add, revisions kept like a dataset's.

Runs on every backend (``store`` is the backend-parametrised store of tests/ingest)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ruydad.extract import Findings, extract, from_text
from ruydad.ingest.articles import add_article, event_rows
from ruydad.store import Store
from ruydad.theatres import THEATRES_PATH_ENV, Theatre, as_theatre

DATA = Path(__file__).resolve().parents[1] / "data" / "extract"
THEATRES = Path(__file__).resolve().parents[1] / "data" / "theatres"
STORY = ("Taliban fighters attacked NRF positions in Panjshir on 12 May 2022, killing three fighters.\n\n"
         "Separately, Taliban forces detained 12 people in Baghlan on 14 May 2022.")
STORY_EDITED = "Taliban fighters attacked NRF positions in Panjshir on 12 May 2022, killing five fighters."


@pytest.fixture(scope="module")
def article() -> Findings:
    return extract((DATA / "newsweek_2022-08-30.txt").read_text(encoding="utf-8"), published="2022-08-30")


def counts(store: Store) -> tuple[int, ...]:
    con = store.con
    return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("events", "claims", "documents"))


def story(text: str) -> Findings:
    return extract(from_text(text, id="story-1"), "2022-05-15")


def test_article_claims_and_events_join_the_store(store: Store, article: Findings) -> None:
    report = add_article(store, article)
    assert report.claims > 10 and report.events >= 1
    assert counts(store) == (report.events, report.claims, 1)
    row = store.con.execute("SELECT subject_actor_id, origin, document_id FROM claims "
                            "WHERE predicate = 'no_relation_with'").fetchone()
    assert row == ("watandost-front", "extracted", article.document.id)
    dataset_ids = [r[0] for r in store.con.execute("SELECT dataset_event_id FROM events").fetchall()]
    assert all(i.startswith(article.document.id + ":") for i in dataset_ids)


def test_adding_again_replaces(store: Store, article: Findings) -> None:
    add_article(store, article)
    first = counts(store)
    again = add_article(store, article)
    assert counts(store) == first
    assert (again.stored, again.updated, again.deleted, again.unchanged) == (0, 0, 0, again.events)
    assert store.summary().revisions == 0


def test_failure_stores_nothing(store: Store, article: Findings, monkeypatch: pytest.MonkeyPatch) -> None:
    import ruydad.ingest.articles as module

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(module, "write_article_events", boom)
    with pytest.raises(RuntimeError):
        add_article(store, article)
    assert counts(store) == (0, 0, 0)


def test_each_add_is_one_ingest_batch(store: Store) -> None:
    first = add_article(store, story(STORY))
    second = add_article(store, story(STORY))
    batches = [b for b in store.batches().to_pylist() if b["dataset"] == "article"]
    assert [(b["batch_id"], b["reader"], b["status"]) for b in batches] == [
        (first.batch_id, "extract", "ok"), (second.batch_id, "extract", "ok")]
    assert (batches[0]["rows_read"], batches[0]["rows_stored"]) == (2, 2)
    assert (batches[1]["rows_stored"], batches[1]["rows_unchanged"]) == (0, 2)
    stamped = store.con.execute("SELECT DISTINCT batch_id FROM events WHERE dataset = 'article'").fetchall()
    assert stamped == [(first.batch_id,)]


def test_an_edited_article_keeps_every_version_of_its_events(store: Store) -> None:
    """Added, then its text changed and added again: the changed event is revised (revision 2, the
    first version in its history), the event the text no longer reports is kept as deleted."""
    first = add_article(store, story(STORY))
    assert (first.events, first.stored) == (2, 2)
    edited = add_article(store, story(STORY_EDITED))
    assert (edited.events, edited.updated, edited.deleted, edited.stored) == (1, 1, 1, 0)
    row = store.con.execute("SELECT fatalities, revision, batch_id FROM events WHERE dataset = 'article' "
                            "AND dataset_event_id = 'story-1:1'").fetchone()
    assert row == (5, 2, edited.batch_id)
    history = store.event_history("article", "story-1:1").to_pylist()
    assert [(h["revision"], h["fatalities"]) for h in history] == [(1, 3), (2, 5)]
    gone = store.event_history("article", "story-1:2").to_pylist()
    assert [(h["revision"], h["change"], h["superseded_by_batch"]) for h in gone] == [(1, "deleted", edited.batch_id)]
    assert store.count_events(dataset="article") == 1
    assert store.summary().revisions == 2


def test_an_article_whose_id_begins_another_is_not_confused_with_it(store: Store) -> None:
    add_article(store, extract(from_text(STORY_EDITED, id="story_1"), "2022-05-15"))
    add_article(store, extract(from_text(STORY, id="storyX1"), "2022-05-15"))
    again = add_article(store, extract(from_text(STORY_EDITED, id="story_1"), "2022-05-15"))
    assert (again.unchanged, again.deleted) == (1, 0)
    assert store.count_events(dataset="article") == 3


def test_events_carry_the_theatres_country(tmp_path: Path) -> None:
    other = Theatre(name="testland", country="Testland", iso3="TST", iso2="TL", numeric=999, path=tmp_path)
    found = story(STORY)
    rows = event_rows(found, other)
    assert {(r["country"], r["country_code"], r["iso"]) for r in rows} == {("Testland", "TST", 999)}
    home = as_theatre()
    assert {(r["country"], r["country_code"]) for r in event_rows(found)} == {(home.country, home.iso3)}
    assert [r["notes"] for r in rows] == [e.sentence for e in found.events]


def test_an_article_of_the_second_theatre_is_read_and_stored_as_that_theatres(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The theatre reaches extraction (its registry and gazetteer) and the stored rows (its country)."""
    monkeypatch.setenv(THEATRES_PATH_ENV, str(THEATRES))
    other = as_theatre("borno_yobe")
    text = (THEATRES / "news" / "ripples-2021-03-13-iswap-borno.txt").read_text(encoding="utf-8")
    report = add_article(store, from_text(text, id="ripples-iswap"), "2021-03-13", theatre=other)
    assert report.events == 1
    row = store.con.execute("SELECT country, country_code, iso, admin1_code, actor1, fatalities FROM events "
                            "WHERE dataset = 'article'").fetchone()
    assert row[:4] == (other.country, other.iso3, other.numeric, "NG-BO")
    assert row[4:] == ("Islamic State West Africa Province", 19)
    assert store.con.execute("SELECT theatre FROM documents").fetchall() == [("borno_yobe",)]


def _page(body: str) -> str:
    return ("<html><head><title>Clash in Panjshir</title>"
            '<link rel="canonical" href="https://news.example.org/2022/05/clash-in-panjshir"></head>'
            f"<body><article><h1>Clash in Panjshir</h1><p>{body}</p></article></body></html>")


def test_a_corrected_page_read_again_from_its_address_revises_its_events(store: Store) -> None:
    """An outlet corrects a figure; the page is read again from the same address (here with a
    tracking parameter and a fragment): the document keeps its id, so its event is revised, not
    stored twice."""
    from ruydad.extract.load import from_html, url_document_id

    url = "https://news.example.org/2022/05/clash-in-panjshir"
    first = add_article(store, extract(from_html(_page(STORY), url=url), "2022-05-15"))
    corrected = from_html(_page(STORY.replace("killing three", "killing five")),
                          url="HTTPS://News.Example.org/2022/05/clash-in-panjshir/?utm_source=feed#top")
    assert corrected.id == first.document_id == url_document_id(url)
    again = add_article(store, extract(corrected, "2022-05-15"))
    assert (again.stored, again.updated, again.unchanged) == (0, 1, 1)
    assert store.count_events(dataset="article") == 2  # not four: the correction revised the event
    history = store.event_history("article", f"{first.document_id}:1").to_pylist()
    assert [(h["revision"], h["fatalities"]) for h in history] == [(1, 3), (2, 5)]


def test_text_without_an_address_is_still_known_by_its_text() -> None:
    from ruydad.extract.load import canonical_url, document_id, url_document_id

    assert from_text(STORY).id == document_id(STORY)
    assert from_text(STORY, url="saved/page.txt").id == document_id(STORY)  # a path is not an address
    assert from_text(STORY, url="https://a.example/x?id=7&utm_medium=rss").id == url_document_id(
        "https://a.example/x?id=7")
    assert canonical_url("https://a.example:443/x/?b=2&fbclid=abc#c") == "https://a.example/x?b=2"
    assert url_document_id("https://a.example/x?id=7") != url_document_id("https://a.example/x?id=8")
