import pytest

from ruydad.extract import add_article
from ruydad.store import open_store


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "s.duckdb") as opened:
        yield opened


def counts(store):
    con = store.con
    return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("events", "claims", "documents"))


def test_article_claims_and_events_join_the_store(store, article):
    report = add_article(store, article)
    assert report.claims > 10 and report.events >= 1
    assert counts(store) == (report.events, report.claims, 1)
    row = store.con.execute("SELECT subject_actor_id, origin, document_id FROM claims "
                            "WHERE predicate = 'no_relation_with'").fetchone()
    assert row == ("watandost-front", "extracted", article.document.id)
    dataset_ids = [r[0] for r in store.con.execute("SELECT dataset_event_id FROM events").fetchall()]
    assert all(i.startswith(article.document.id + ":") for i in dataset_ids)


def test_adding_again_replaces(store, article):
    add_article(store, article)
    first = counts(store)
    add_article(store, article)
    assert counts(store) == first


def test_failure_stores_nothing(store, article, monkeypatch):
    import ruydad.extract.store as module

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(module, "_save_events", boom)
    with pytest.raises(RuntimeError):
        add_article(store, article)
    assert counts(store) == (0, 0, 0)
