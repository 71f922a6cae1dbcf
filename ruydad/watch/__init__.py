"""Watching the news: feeds and news sitemaps polled, new articles fetched, extracted and stored.

Public surface:

- :func:`add_source`, :func:`remove_source`, :func:`list_sources`, :func:`get_source` the
  watched sources (RSS 2.0, Atom, news sitemaps) and their state;
- :func:`run_once` one poll of every source (then incidents rebuilt), :func:`run_forever` the loop;
- :class:`Fetcher` the polite HTTP client (robots.txt, per-host rate limit, conditional GET, size limit);
- :func:`parse_feed` a feed or sitemap document to its items.

The steps and why they fail one source at a time are in :mod:`ruydad.watch.loop`.
"""

from ruydad.watch.feeds import Feed, FeedError, FeedItem, parse_feed
from ruydad.watch.fetch import Fetcher, FetchError
from ruydad.watch.loop import SourceReport, WatchReport, poll_source, run_forever, run_once
from ruydad.watch.sources import Source, add_source, get_source, list_sources, remove_source, source_log

__all__ = [
    "Feed",
    "FeedError",
    "FeedItem",
    "FetchError",
    "Fetcher",
    "Source",
    "SourceReport",
    "WatchReport",
    "add_source",
    "get_source",
    "list_sources",
    "parse_feed",
    "poll_source",
    "remove_source",
    "run_forever",
    "run_once",
    "source_log",
]
