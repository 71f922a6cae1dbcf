"""The scale path end to end on a real local Spark: the watch writes a corpus, `spark extract`
extracts it, the output is loaded into the store and incidents are built from it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ruydad.store import Store
from ruydad.watch import Fetcher, add_source, load_extracted, run_once
from ruydad.watch.sources import items

from .conftest import FeedServer

pytestmark = pytest.mark.spark


def test_corpus_to_spark_to_store_to_incidents(spark: Any, feed_server: FeedServer, tmp_path: Path) -> None:
    from ruydad.spark import extract_corpus

    corpus = tmp_path / "pages.jsonl"
    with Store.open(tmp_path / "spark.duckdb") as store:
        add_source(store, feed_server.url("/feeds/rss.xml"), name="World desk", theatre="afghanistan")
        add_source(store, feed_server.url("/feeds/atom.xml"), name="Regional news", theatre="afghanistan")
        with Fetcher(min_interval=0, timeout=2.0) as fetcher, corpus.open("w", encoding="utf-8") as out:
            fetched = run_once(store, fetcher=fetcher, corpus=out)
        assert fetched.stored == 7
        assert store.con.execute("SELECT count(*) FROM events").fetchone() == (0,)

        result = extract_corpus(spark, corpus, tmp_path / "out")
        assert result.documents == 7 and result.failed == 0 and result.events >= 7

        loaded = load_extracted(store, tmp_path / "out", theatre="afghanistan")
        assert (loaded.documents, loaded.events) == (7, result.events)
        stored = store.con.execute("SELECT count(*) FROM events WHERE dataset = 'article'").fetchone()
        assert stored == (result.events,)
        outlets = {r[0] for r in store.con.execute("SELECT outlet FROM documents").fetchall()}
        assert outlets == {"World desk", "Regional news"}
        assert {i["status"] for i in items(store) if i["document_id"]} == {"stored"}
        assert loaded.incidents is not None and loaded.incidents["merged"] >= 1
        kabul = store.con.execute("SELECT reports FROM incidents WHERE admin1 = 'Kabul' ORDER BY reports DESC"
                                  ).fetchone()
        assert kabul is not None and kabul[0] == 3  # the Khair Khana reports of both feeds, merged

        again = load_extracted(store, tmp_path / "out", theatre="afghanistan")  # loading twice replaces
        assert store.con.execute("SELECT count(*) FROM events WHERE dataset = 'article'").fetchone() == stored
        assert again.events == loaded.events


def test_load_refuses_a_folder_that_is_not_spark_output(tmp_path: Path) -> None:
    from ruydad.errors import InputError

    with Store.open(tmp_path / "x.duckdb") as store, pytest.raises(InputError, match="spark extract"):
        load_extracted(store, tmp_path)
