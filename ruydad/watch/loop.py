"""The watch loop: poll every source, fetch what is new, extract and store it, rebuild incidents.

One poll (:func:`run_once`) walks the active sources in order. For each: a conditional GET of the
feed (304: nothing to do), the items parsed (:mod:`ruydad.watch.feeds`), the items not seen before
recorded, then each new item's page fetched (robots.txt, rate limit and size limit in
:class:`~ruydad.watch.fetch.Fetcher`), read by trafilatura (:func:`ruydad.extract.from_html`)
and stored by :func:`ruydad.ingest.add_article` with its provenance: the outlet (the source's
name), the URL, the publication time the feed gives and the time we fetched it.

Isolation is the point: any failure of one source (timeout, HTTP error, malformed XML, redirect
loop, oversize page, duplicate GUIDs) or of one item is written to ``watch_log`` against that
source and the poll goes on to the next item or source. Only a failure of the store itself
stops the poll. After the sources, incidents are rebuilt from all article events
(:func:`ruydad.incidents.build_incidents`), keeping the analyst's split/merge decisions.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TextIO

from ruydad.errors import RuydadError, StoreError
from ruydad.watch.feeds import Feed, FeedItem, parse_feed
from ruydad.watch.fetch import DisallowedByRobots, Fetcher, FetchError
from ruydad.watch.sources import Source, list_sources, log, now

logger = logging.getLogger("ruydad.watch")

MAX_NEW_ITEMS = 100
"""New items fetched per source per poll; the rest wait for the next poll (a first poll of a
sitemap with thousands of URLs must not stall every other source)."""


@dataclass
class SourceReport:
    source_id: int
    url: str
    kind: str | None = None
    items: int = 0
    new: int = 0
    stored: int = 0
    events: int = 0
    failed: int = 0
    robots: int = 0
    duplicates: int = 0
    not_modified: bool = False
    error: str | None = None
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class WatchReport:
    sources: list[SourceReport] = field(default_factory=list)
    incidents: dict[str, Any] | None = None
    seconds: float = 0.0

    @property
    def stored(self) -> int:
        return sum(s.stored for s in self.sources)

    @property
    def errors(self) -> int:
        return sum(1 for s in self.sources if s.error) + sum(s.failed for s in self.sources)

    def as_dict(self) -> dict[str, Any]:
        return {"sources": [s.as_dict() for s in self.sources], "stored": self.stored, "errors": self.errors,
                "incidents": self.incidents, "seconds": round(self.seconds, 3)}


def run_once(store: Any, *, fetcher: Fetcher | None = None, build: bool = True,
             max_new_items: int = MAX_NEW_ITEMS, corpus: TextIO | None = None) -> WatchReport:
    """Poll every active source once; then rebuild incidents (``build=False`` skips that).

    With ``corpus`` (an open text file) new articles are fetched and read but not extracted:
    each is written as one JSONL line (``id, text, title, source, url, published, fetched_at``),
    the input of ``ruydad spark extract``, so the extraction of many sources runs on a cluster.
    """
    started = time.monotonic()
    report = WatchReport()
    own = fetcher is None
    fetcher = fetcher or Fetcher()
    try:
        for source in list_sources(store, active_only=True):
            report.sources.append(poll_source(store, fetcher, source, max_new_items=max_new_items, corpus=corpus))
    finally:
        if own:
            fetcher.close()
    if build and corpus is None:
        from ruydad.incidents import build_incidents

        report.incidents = build_incidents(store).as_dict()
    report.seconds = time.monotonic() - started
    return report


def run_forever(store: Any, every_s: float, *, fetcher: Fetcher | None = None,
                on_poll: Callable[[WatchReport], None] | None = None, polls: int | None = None,
                max_new_items: int = MAX_NEW_ITEMS) -> None:
    """Poll every ``every_s`` seconds (measured from the start of each poll) until interrupted
    (or ``polls`` polls, for tests)."""
    done = 0
    while polls is None or done < polls:
        began = time.monotonic()
        result = run_once(store, fetcher=fetcher, max_new_items=max_new_items)
        done += 1
        if on_poll:
            on_poll(result)
        if polls is not None and done >= polls:
            return
        time.sleep(max(0.0, every_s - (time.monotonic() - began)))


def poll_source(store: Any, fetcher: Fetcher, source: Source, *, max_new_items: int = MAX_NEW_ITEMS,
                corpus: TextIO | None = None) -> SourceReport:
    """One source, never raising for anything but the store: its failures go to its log."""
    report = SourceReport(source.source_id, source.url)
    began = time.monotonic()
    polled_at = now()
    try:
        feed, response_etag, response_modified, not_modified = _read_feed(fetcher, source)
    except StoreError:
        raise
    except Exception as exc:  # a broken source must never stop the others
        report.error = _message(exc)
        logger.warning("source %s (%s): %s", source.source_id, source.url, report.error)
        log(store, source.source_id, report.error, url=source.url)
        _touch(store, source, polled_at, success=False)
        report.seconds = time.monotonic() - began
        return report
    if not_modified or feed is None:
        report.not_modified = True
        _touch(store, source, polled_at, success=True)
        report.seconds = time.monotonic() - began
        return report
    report.kind = feed.kind
    report.items = len(feed.items)
    report.duplicates = len(feed.duplicates)
    for guid in feed.duplicates:
        log(store, source.source_id, f"duplicate GUID in the feed, second entry ignored: {guid}", url=source.url,
            level="warning")
    for warning in feed.warnings:
        log(store, source.source_id, warning, url=source.url, level="warning")
    new_items = _record_new(store, source, feed.items)
    report.new = len(new_items)
    for item in new_items[:max_new_items]:
        _fetch_item(store, fetcher, source, item, report, corpus)
    with store.transaction() as con:
        con.execute("UPDATE watch_sources SET kind = ?, etag = ?, last_modified = ?, articles = articles + ? "
                    "WHERE source_id = ?", [feed.kind, response_etag, response_modified, report.stored,
                                            source.source_id])
    _touch(store, source, polled_at, success=True)
    report.seconds = time.monotonic() - began
    return report


def _read_feed(fetcher: Fetcher, source: Source) -> tuple[Feed | None, str | None, str | None, bool]:
    response = fetcher.feed(source.url, etag=source.etag, last_modified=source.last_modified)
    if response.not_modified:
        return None, source.etag, source.last_modified, True
    feed = parse_feed(response.body, response.url, response.content_type or None)
    if feed.kind == "sitemapindex":
        children = feed.sitemaps
        feed = Feed(kind="sitemap", title=None, warnings=feed.warnings)
        seen: set[str] = set()
        for child in children:
            try:
                child_response = fetcher.feed(child)
                part = parse_feed(child_response.body, child, child_response.content_type or None)
            except (FetchError, RuydadError) as exc:
                feed.warnings.append(f"sitemap {child} skipped: {_message(exc)}")
                continue
            for item in part.items:
                if item.guid in seen:
                    continue
                seen.add(item.guid)
                feed.items.append(item)
            feed.duplicates.extend(part.duplicates)
    return feed, response.etag, response.last_modified, False


def _record_new(store: Any, source: Source, items: list[FeedItem]) -> list[FeedItem]:
    if not items:
        return []
    known = {str(r[0]) for r in store.con.execute(
        "SELECT guid FROM watch_items WHERE source_id = ?", [source.source_id]).fetchall()}
    new = [item for item in items if item.guid not in known]
    seen_at = now()
    with store.transaction() as con:
        for item in new:
            con.execute("INSERT INTO watch_items (source_id, guid, url, title, published, first_seen_at, status) "
                        "VALUES (?, ?, ?, ?, ?, ?, 'pending')",
                        [source.source_id, item.guid, item.url, item.title, item.published, seen_at])
    return new


def _fetch_item(store: Any, fetcher: Fetcher, source: Source, item: FeedItem, report: SourceReport,
                corpus: TextIO | None = None) -> None:
    from ruydad.extract.load import from_bytes
    from ruydad.ingest.articles import add_article

    fetched_at = now()
    try:
        response = fetcher.page(item.url)
        published = item.published.date() if item.published else None
        doc = from_bytes(response.body, where=item.url, url=item.url, published=published, html=True)
        doc.source = source.name or item.outlet or doc.source or source.outlet
        if item.title and not doc.title:
            doc.title = item.title
        if corpus is not None:
            corpus.write(json.dumps({"id": doc.id, "text": doc.text, "title": doc.title, "source": doc.source,
                                     "url": doc.url, "published": doc.published.isoformat() if doc.published else None,
                                     "fetched_at": fetched_at.isoformat(), "theatre": source.theatre},
                                    ensure_ascii=False) + "\n")
            report.stored += 1
            _item_done(store, source, item, "fetched", fetched_at, document_id=doc.id)
            return
        added = add_article(store, doc, theatre=source.theatre)
    except StoreError:
        raise
    except DisallowedByRobots as exc:
        report.robots += 1
        _item_done(store, source, item, "robots", fetched_at, error=str(exc))
        log(store, source.source_id, str(exc), url=item.url, level="warning")
        return
    except Exception as exc:  # one bad page is logged against its source, the poll goes on
        report.failed += 1
        message = _message(exc)
        logger.warning("source %s item %s: %s", source.source_id, item.url, message)
        _item_done(store, source, item, "failed", fetched_at, error=message)
        log(store, source.source_id, message, url=item.url)
        return
    report.stored += 1
    report.events += added.events
    _item_done(store, source, item, "stored", fetched_at, document_id=added.document_id, events=added.events)


def _item_done(store: Any, source: Source, item: FeedItem, status: str, fetched_at: Any, *,
               document_id: str | None = None, events: int | None = None, error: str | None = None) -> None:
    with store.transaction() as con:
        con.execute("UPDATE watch_items SET status = ?, fetched_at = ?, document_id = ?, events = ?, error = ? "
                    "WHERE source_id = ? AND guid = ?",
                    [status, fetched_at, document_id, events, error, source.source_id, item.guid])


def _touch(store: Any, source: Source, polled_at: Any, *, success: bool) -> None:
    with store.transaction() as con:
        if success:
            con.execute("UPDATE watch_sources SET last_polled_at = ?, last_success_at = ? WHERE source_id = ?",
                        [polled_at, now(), source.source_id])
        else:
            con.execute("UPDATE watch_sources SET last_polled_at = ? WHERE source_id = ?",
                        [polled_at, source.source_id])


def _message(exc: BaseException) -> str:
    if isinstance(exc, RuydadError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"
