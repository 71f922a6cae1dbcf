"""The watch loop against a real local HTTP server: articles in with provenance, every failure held
against its own source, nothing fetched twice, conditional GET, robots.txt and size limits."""

from __future__ import annotations

from pathlib import Path

import pytest

from ruydad.store import Store
from ruydad.watch import Fetcher, add_source, get_source, list_sources, remove_source, run_once, source_log
from ruydad.watch.sources import items

from .conftest import FeedServer


@pytest.fixture(scope="module")
def polled(feed_server: FeedServer, tmp_path_factory: pytest.TempPathFactory):
    """A store watching good and broken sources, polled once (extraction is the slow part, so once per module)."""
    store = Store.open(tmp_path_factory.mktemp("watch") / "watch.duckdb")
    add_source(store, feed_server.url("/feeds/rss.xml"), name="World desk", theatre="afghanistan")
    add_source(store, feed_server.url("/broken.xml"), name="Broken outlet")
    add_source(store, feed_server.url("/feeds/malformed.xml"), name="Malformed outlet")
    add_source(store, feed_server.url("/loop.xml"), name="Looping outlet")
    add_source(store, feed_server.url("/slow.xml"), name="Slow outlet")
    add_source(store, feed_server.url("/feeds/atom.xml"), name="Regional news")
    add_source(store, feed_server.url("/feeds/news-sitemap.xml"))
    with Fetcher(min_interval=0, timeout=1.0, page_max_bytes=2 * 1024 * 1024) as fetcher:
        report = run_once(store, fetcher=fetcher)
    yield store, report
    store.close()


def _by_url(report, server: FeedServer, path: str):
    return next(s for s in report.sources if s.url == server.url(path))


def test_good_sources_store_every_new_article(polled, feed_server: FeedServer) -> None:
    store, report = polled
    rss = _by_url(report, feed_server, "/feeds/rss.xml")
    assert (rss.kind, rss.items, rss.new, rss.stored) == ("rss", 6, 6, 4)
    atom = _by_url(report, feed_server, "/feeds/atom.xml")
    assert (atom.kind, atom.stored, atom.failed) == ("atom", 3, 0)
    sitemap = _by_url(report, feed_server, "/feeds/news-sitemap.xml")
    assert (sitemap.kind, sitemap.stored, sitemap.duplicates) == ("sitemap", 2, 1)
    stored = store.con.execute("SELECT count(*) FROM documents").fetchone()
    assert stored == (9,)


def test_articles_keep_their_provenance(polled, feed_server: FeedServer) -> None:
    store, _ = polled
    url = feed_server.url("/articles/kbl-khairkhana-tbs.html")
    row = store.con.execute(
        "SELECT d.outlet, d.url, d.published, i.fetched_at, i.status FROM documents d "
        "JOIN watch_items i ON i.document_id = d.document_id WHERE i.url = ?", [url]).fetchone()
    assert row is not None
    outlet, doc_url, published, fetched_at, status = row
    assert (outlet, doc_url, str(published), status) == ("World desk", url, "2022-08-18", "stored")
    assert fetched_at is not None
    # a news sitemap names its publication: the outlet of a source added without --name
    sitemap_outlet = store.con.execute("SELECT outlet FROM documents WHERE url = ?",
                                       [feed_server.url("/articles/pjs-aug15-8am.html")]).fetchone()
    assert sitemap_outlet == ("Hasht-e Subh",)
    events = store.con.execute("SELECT count(*) FROM events WHERE dataset = 'article'").fetchone()
    assert events is not None and events[0] >= 9


@pytest.mark.parametrize(("path", "words"), [
    ("/broken.xml", "HTTP 500"),
    ("/feeds/malformed.xml", "not a readable RSS/Atom feed"),
    ("/loop.xml", "redirect loop"),
    ("/slow.xml", "timed out"),
])
def test_a_broken_source_is_logged_against_itself(polled, feed_server: FeedServer, path: str, words: str) -> None:
    store, report = polled
    source_report = _by_url(report, feed_server, path)
    assert words in (source_report.error or "")
    source = get_source(store, feed_server.url(path))
    assert words in (source.last_error or "") and source.last_error_at is not None
    assert source.last_success_at is None and source.articles == 0
    assert any(words in line["message"] for line in source_log(store, source.source_id))


def test_oversize_page_duplicate_guid_and_robots_are_logged_and_the_rest_stored(polled, feed_server) -> None:
    store, _ = polled
    rss = get_source(store, feed_server.url("/feeds/rss.xml"))
    assert rss.last_success_at is not None and rss.articles == 4
    messages = [line["message"] for line in source_log(store, rss.source_id)]
    assert any("duplicate GUID" in m and "medialine-2022-08-18-kabul-mosque" in m for m in messages)
    assert any("robots.txt" in m and "/private/briefing.html" in m for m in messages)
    assert any("huge.html" in m and "bytes" in m for m in messages)
    by_status = {i["url"].rsplit("/", 1)[-1]: i["status"] for i in items(store, rss.source_id)}
    assert by_status["huge.html"] == "failed"
    assert by_status["briefing.html"] == "robots"
    assert "/private/briefing.html" not in feed_server.paths()  # robots.txt obeyed: never requested


def test_second_poll_fetches_nothing_again_and_uses_conditional_get(polled, feed_server: FeedServer) -> None:
    store, _ = polled
    before = len(feed_server.requests)
    with Fetcher(min_interval=0, timeout=1.0) as fetcher:
        again = run_once(store, fetcher=fetcher, build=False)
    rss = _by_url(again, feed_server, "/feeds/rss.xml")
    assert rss.not_modified and rss.stored == 0
    later = feed_server.requests[before:]
    feed_requests = [h for p, h in later if p == "/feeds/rss.xml"]
    assert feed_requests and "if-none-match" in feed_requests[0]
    assert not [p for p, _ in later if p.startswith("/articles/")]
    assert all("ruydad-watch" in h.get("user-agent", "") for _, h in later)


def test_incidents_are_built_after_the_poll(polled) -> None:
    store, report = polled
    assert report.incidents is not None and report.incidents["merged"] >= 1
    khair_khana = store.con.execute(
        "SELECT i.incident_id, i.reports, i.outlets FROM incidents i WHERE i.reports >= 3 AND admin1 = 'Kabul'"
    ).fetchall()
    assert khair_khana, "the three Khair Khana reports (RSS x2, Atom) should form one incident"


def test_sitemap_index_reads_its_children_and_logs_a_missing_one(feed_server: FeedServer, tmp_path: Path) -> None:
    with Store.open(tmp_path / "index.duckdb") as store:
        add_source(store, feed_server.url("/feeds/sitemap-index.xml"), name="Index outlet")
        with Fetcher(min_interval=0, timeout=2.0) as fetcher:
            from ruydad.watch import poll_source

            result = poll_source(store, fetcher, list_sources(store)[0])
        assert (result.kind, result.items, result.stored) == ("sitemap", 2, 2)
        warnings = [line["message"] for line in source_log(store)]
        assert any("missing-sitemap.xml" in m and "404" in m for m in warnings)


def test_remove_keeps_the_history_and_stops_polling(feed_server: FeedServer, tmp_path: Path) -> None:
    with Store.open(tmp_path / "rm.duckdb") as store:
        source = add_source(store, feed_server.url("/broken.xml"), name="Gone")
        removed = remove_source(store, source.source_id)
        assert not removed.active
        assert list_sources(store, active_only=True) == []
        assert run_once(store, fetcher=Fetcher(min_interval=0), build=False).sources == []
        again = add_source(store, feed_server.url("/broken.xml"))
        assert again.source_id == source.source_id and again.active and again.name == "Gone"


def test_add_refuses_what_is_not_a_web_address(tmp_path: Path) -> None:
    from ruydad.errors import InputError

    with Store.open(tmp_path / "bad.duckdb") as store, pytest.raises(InputError, match="not an http"):
        add_source(store, "ftp://example.org/feed.xml")


def test_per_host_interval_spaces_requests(feed_server: FeedServer) -> None:
    with Fetcher(min_interval=0.3, timeout=2.0) as fetcher:
        import time

        started = time.monotonic()
        fetcher.feed(feed_server.url("/feeds/atom.xml"))
        fetcher.feed(feed_server.url("/feeds/rss.xml"))
        # robots.txt, then two feeds: two waits of at least 0.3 s each between them
        assert time.monotonic() - started >= 0.6


def test_a_declared_50_mb_page_is_refused_before_reading(feed_server: FeedServer) -> None:
    from ruydad.watch import FetchError

    with Fetcher(min_interval=0) as fetcher, pytest.raises(FetchError, match="52,428,800 bytes declared"):
        fetcher.page(feed_server.url("/huge-declared.html"))


def test_corpus_mode_writes_jsonl_for_spark_and_extracts_nothing(feed_server: FeedServer, tmp_path: Path) -> None:
    import io

    from ruydad.extract import read_jsonl

    out = io.StringIO()
    with Store.open(tmp_path / "corpus.duckdb") as store:
        add_source(store, feed_server.url("/feeds/atom.xml"), name="Regional news", theatre="afghanistan")
        with Fetcher(min_interval=0) as fetcher:
            report = run_once(store, fetcher=fetcher, corpus=out)
        assert report.stored == 3 and report.incidents is None
        assert store.con.execute("SELECT count(*) FROM events").fetchone() == (0,)
        assert {i["status"] for i in items(store)} == {"fetched"}
        with Fetcher(min_interval=0) as fetcher:  # fetched items are not fetched again
            assert run_once(store, fetcher=fetcher, corpus=out, build=False).sources[0].not_modified
    docs = list(read_jsonl(io.StringIO(out.getvalue())))
    assert len(docs) == 3 and all(d.source == "Regional news" and d.url and d.published for d in docs)
    assert any("Mazar-i-Sharif" in d.text for d in docs)


def test_run_forever_polls_until_told_and_reports_each_poll(feed_server: FeedServer, tmp_path: Path) -> None:
    from ruydad.watch import run_forever

    seen = []
    with Store.open(tmp_path / "loop.duckdb") as store:
        add_source(store, feed_server.url("/broken.xml"), name="Broken")
        add_source(store, feed_server.url("/feeds/news-sitemap.xml"), name="Sitemap")
        run_forever(store, 0, fetcher=Fetcher(min_interval=0), on_poll=seen.append, polls=2)
        assert len(seen) == 2
        assert [s.stored for s in seen[0].sources] == [0, 2] and seen[0].sources[0].error
        assert [s.stored for s in seen[1].sources] == [0, 0]  # the second poll finds nothing new
        assert len([line for line in source_log(store, 1) if "HTTP 500" in line["message"]]) == 2


def test_robots_crawl_delay_spaces_requests_to_that_host() -> None:
    import threading
    import time
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Polite(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            body = b"User-agent: *\nCrawl-delay: 1\n" if self.path == "/robots.txt" else b"<rss version='2.0'/>"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Polite)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        with Fetcher(min_interval=0) as fetcher:
            started = time.monotonic()
            fetcher.feed(f"{base}/a.xml")   # robots.txt, then the feed: one crawl delay between them
            fetcher.feed(f"{base}/b.xml")   # and one more
            assert time.monotonic() - started >= 2.0
        with Fetcher(min_interval=0, honor_crawl_delay=False) as fetcher:
            fetcher.feed(f"{base}/a.xml")
            assert fetcher.allowed(f"{base}/b.xml")
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_fetches_refuse_private_addresses_unless_allowed(feed_server: FeedServer, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RUYDAD_FETCH_ALLOW", raising=False)  # the operator has allowed nothing
    with Store.open(tmp_path / "guarded.duckdb") as store:
        add_source(store, feed_server.url("/feeds/rss.xml"), name="Loopback outlet")
        with Fetcher(min_interval=0, timeout=1.0) as fetcher:
            report = run_once(store, fetcher=fetcher)
        (source,) = report.sources
        assert source.error and "not fetched" in source.error  # logged against the source, nothing stored
        assert get_source(store, feed_server.url("/feeds/rss.xml")).articles == 0
