"""Reading a source: RSS 2.0 and Atom through feedparser, news sitemaps through lxml.

A source is recognised by its content, not its URL: an XML document whose root is ``urlset``
or ``sitemapindex`` in the sitemaps namespace is a sitemap (Google's news extension gives the
title, publication and date of each URL); anything else goes to feedparser, which reads RSS
0.9x-2.0, RSS 1.0 and Atom and tolerates most real-world breakage. A document from which no
entries can be read is a :class:`FeedError` naming the parser's complaint.

Each item's key is the feed's ``guid``/``id`` (else its link): the watch store keeps one row per
(source, key), so an item is fetched once however often the feed repeats it. Two entries of one
document with the same key are reported (``duplicates``) and the second is dropped.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ruydad.errors import InputError

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
MAX_SITEMAP_CHILDREN = 20


class FeedError(InputError):
    """The document is not a feed or sitemap that can be read."""


@dataclass(frozen=True)
class FeedItem:
    guid: str
    url: str
    title: str | None
    published: datetime | None      # UTC, naive
    outlet: str | None = None       # a news sitemap names its publication


@dataclass
class Feed:
    kind: str                       # rss, atom, sitemap, sitemapindex
    title: str | None
    items: list[FeedItem] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)   # children of a sitemap index
    duplicates: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def parse_feed(data: bytes, url: str, content_type: str | None = None) -> Feed:
    """The items of a feed or sitemap document (``url`` resolves relative links; ``content_type``
    is the server's, which feedparser uses to choose the encoding)."""
    head = data[:4096].lstrip()
    if b"<urlset" in head or b"<sitemapindex" in head:
        return _parse_sitemap(data, url)
    return _parse_feedparser(data, url, content_type or "application/xml")


def _parse_feedparser(data: bytes, url: str, content_type: str) -> Feed:
    import feedparser

    parsed: Any = feedparser.parse(data, response_headers={"content-location": url, "content-type": content_type})
    version = str(parsed.get("version") or "")
    entries = list(parsed.get("entries") or [])
    if parsed.get("bozo") and not entries:
        problem = parsed.get("bozo_exception")
        raise FeedError(f"{url}: not a readable RSS/Atom feed or sitemap ({type(problem).__name__}: {problem})")
    if not version and not entries:
        raise FeedError(f"{url}: no RSS, Atom or sitemap found in the document")
    feed = Feed(kind="atom" if version.startswith("atom") else "rss",
                title=(parsed.get("feed") or {}).get("title"))
    if parsed.get("bozo"):
        feed.warnings.append(f"feed is not well-formed, read what could be read: {parsed.get('bozo_exception')}")
    seen: set[str] = set()
    for entry in entries:
        link = entry.get("link") or ""
        guid = entry.get("id") or link
        if not link or not guid:
            feed.warnings.append(f"entry without a link skipped: {entry.get('title')!r}")
            continue
        if guid in seen:
            feed.duplicates.append(guid)
            continue
        seen.add(guid)
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = datetime.fromtimestamp(calendar.timegm(stamp), UTC).replace(tzinfo=None) if stamp else None
        feed.items.append(FeedItem(guid=str(guid), url=str(link), title=entry.get("title"), published=published))
    return feed


def _parse_sitemap(data: bytes, url: str) -> Feed:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise FeedError(f"{url}: the sitemap is not well-formed XML ({exc})") from None
    tag = etree.QName(root).localname
    if tag == "sitemapindex":
        locs = [(loc.text or "").strip() for loc in root.iter(f"{{{SITEMAP_NS}}}loc")]
        feed = Feed(kind="sitemapindex", title=None, sitemaps=[u for u in locs if u][:MAX_SITEMAP_CHILDREN])
        if len(locs) > MAX_SITEMAP_CHILDREN:
            feed.warnings.append(f"sitemap index lists {len(locs)} sitemaps; read the first {MAX_SITEMAP_CHILDREN}")
        return feed
    feed = Feed(kind="sitemap", title=None)
    seen: set[str] = set()
    for node in root.iter(f"{{{SITEMAP_NS}}}url"):
        loc = (node.findtext(f"{{{SITEMAP_NS}}}loc") or "").strip()
        if not loc:
            continue
        if loc in seen:
            feed.duplicates.append(loc)
            continue
        seen.add(loc)
        news = node.find(f"{{{NEWS_NS}}}news")
        title = outlet = None
        stamp = node.findtext(f"{{{SITEMAP_NS}}}lastmod")
        if news is not None:
            title = news.findtext(f"{{{NEWS_NS}}}title")
            outlet = news.findtext(f"{{{NEWS_NS}}}publication/{{{NEWS_NS}}}name")
            stamp = news.findtext(f"{{{NEWS_NS}}}publication_date") or stamp
        feed.items.append(FeedItem(guid=loc, url=loc, title=title, published=_w3c_datetime(stamp), outlet=outlet))
    return feed


def _w3c_datetime(text: str | None) -> datetime | None:
    """A sitemap date (W3C datetime: YYYY-MM-DD or with time and zone) as naive UTC."""
    if not text:
        return None
    value = text.strip().replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed
