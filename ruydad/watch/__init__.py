"""Watching the news: feeds and news sitemaps polled, new articles fetched, extracted and stored.

Public surface:

- :func:`add_source`, :func:`remove_source`, :func:`list_sources`, :func:`get_source` the
  watched sources (RSS 2.0, Atom, news sitemaps) and their state;
- :func:`run_once` one poll of every source (then incidents rebuilt), :func:`run_forever` the loop;
- :class:`Fetcher` the polite HTTP client (robots.txt, per-host rate limit, conditional GET, size limit);
- :func:`parse_feed` a feed or sitemap document to its items;
- :func:`load_extracted` the output of ``ruydad spark extract`` over a ``--corpus`` file, into the store.

The steps and why they fail one source at a time are in :mod:`ruydad.watch.loop`.
"""

from importlib import import_module
from typing import Any

_EXPORTS = {
    "Feed": "feeds", "FeedError": "feeds", "FeedItem": "feeds", "parse_feed": "feeds",
    "Fetcher": "fetch", "FetchError": "fetch",
    "SourceReport": "loop", "WatchReport": "loop", "poll_source": "loop", "run_forever": "loop", "run_once": "loop",
    "Source": "sources", "add_source": "sources", "get_source": "sources", "list_sources": "sources",
    "remove_source": "sources", "source_log": "sources",
    "LoadReport": "spark_load", "load_extracted": "spark_load",
}


def __getattr__(name: str) -> Any:
    """Exports load on first use, so ``ruydad --help`` (which imports the CLI face) stays fast."""
    if name in _EXPORTS:
        return getattr(import_module(f"ruydad.watch.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module 'ruydad.watch' has no attribute {name!r}")


__all__ = [
    "Feed",
    "FeedError",
    "FeedItem",
    "FetchError",
    "Fetcher",
    "LoadReport",
    "Source",
    "SourceReport",
    "WatchReport",
    "add_source",
    "get_source",
    "list_sources",
    "load_extracted",
    "parse_feed",
    "poll_source",
    "remove_source",
    "run_forever",
    "run_once",
    "source_log",
]
