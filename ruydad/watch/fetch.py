"""Fetching feeds and article pages politely, and failing one URL at a time.

One :class:`Fetcher` serves a whole poll: one httpx client (connection reuse), a user agent that
names Ruydad, a per-host minimum interval between requests, robots.txt read once per host and
obeyed (:mod:`urllib.robotparser`), conditional GET for feeds (``ETag`` / ``If-Modified-Since``
give a 304 and no body when nothing changed), a body size limit enforced while streaming (a
server that sends 50 MB, declared or not, is cut off at the limit) and a redirect limit (a loop
ends as an error, not a hang). Every failure is a :class:`FetchError` whose message says what
happened to which URL; the caller logs it against the source and goes on.

robots.txt follows RFC 9309: a 4xx answer means no rules (everything allowed); a 5xx answer or
no answer means "assume disallowed" for this poll; rules are cached per host for the poll.
"""

from __future__ import annotations

import time
import urllib.robotparser
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from ruydad.errors import RemoteError

USER_AGENT = "ruydad-watch/0.1 (+https://github.com/ruydad; news monitor for conflict research)"
ROBOTS_AGENT = "ruydad-watch"
FEED_MAX_BYTES = 5 * 1024 * 1024
PAGE_MAX_BYTES = 5 * 1024 * 1024
"""A news feed or article page is kilobytes; anything over a few MB is not what we asked for."""
TIMEOUT_S = 20.0
ROBOTS_MAX_BYTES = 512 * 1024
MAX_CRAWL_DELAY_S = 30.0
"""A robots.txt ``Crawl-delay`` is honoured (it spaces our requests to that host) up to this."""
MAX_REDIRECTS = 5


class FetchError(RemoteError):
    """One URL could not be fetched (timeout, HTTP error, redirect loop, oversize body, robots)."""


class DisallowedByRobots(FetchError):
    """robots.txt of the host does not allow our user agent to fetch this URL."""


@dataclass
class Response:
    url: str                      # after redirects
    status: int                   # 200, or 304 when the conditional GET found nothing new
    body: bytes
    content_type: str
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    """A polite HTTP client for one poll (use as a context manager).

    ``min_interval`` is the least time between two requests to the same host (seconds), raised
    for a host whose robots.txt asks for a longer ``Crawl-delay`` (up to 30 s);
    ``respect_robots=False`` is for a source the analyst owns (never the default).
    """

    def __init__(self, *, min_interval: float = 1.0, timeout: float = TIMEOUT_S, user_agent: str = USER_AGENT,
                 feed_max_bytes: int = FEED_MAX_BYTES, page_max_bytes: int = PAGE_MAX_BYTES,
                 respect_robots: bool = True, honor_crawl_delay: bool = True, transport: Any = None) -> None:
        self.min_interval = min_interval
        self.feed_max_bytes = feed_max_bytes
        self.page_max_bytes = page_max_bytes
        self.respect_robots = respect_robots
        self.honor_crawl_delay = honor_crawl_delay
        self._host_interval: dict[str, float] = {}
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        if transport is None:  # feeds and pages are fetched under the same address rules as `ruydad extract URL`
            from ruydad.extract.netguard import GuardedTransport, allowed_networks

            transport = GuardedTransport(allowed_networks())
        self._client = httpx.Client(timeout=timeout, follow_redirects=True, max_redirects=MAX_REDIRECTS,
                                    headers={"User-Agent": user_agent}, transport=transport)
        self.requests = 0

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # -- politeness --------------------------------------------------------------------------

    def _wait_for(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is not None:
            delay = max(self.min_interval, self._host_interval.get(host, 0.0)) - (time.monotonic() - last)
            if delay > 0:
                time.sleep(delay)
        self._last_request[host] = time.monotonic()

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's host lets us fetch it (fetched once per host)."""
        if not self.respect_robots:
            return True
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self._robots:
            self._robots[host] = self._read_robots(host)
        rules = self._robots[host]
        return rules is not None and rules.can_fetch(ROBOTS_AGENT, url)

    def _read_robots(self, host: str) -> urllib.robotparser.RobotFileParser | None:
        parser = urllib.robotparser.RobotFileParser(f"{host}/robots.txt")
        netloc = urlsplit(host).netloc
        self._wait_for(netloc)
        self.requests += 1
        try:
            with self._client.stream("GET", f"{host}/robots.txt") as response:
                if response.status_code >= 500:
                    return None
                if response.status_code >= 400:
                    parser.parse([])  # no robots.txt: everything is allowed
                    return parser
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) >= ROBOTS_MAX_BYTES:  # RFC 9309 2.5: parse at least the first 500 KiB
                        break
        except httpx.HTTPError:
            return None  # unreachable: assume disallowed for this poll (RFC 9309 2.3.1.4)
        parser.parse(bytes(body[:ROBOTS_MAX_BYTES]).decode("utf-8", "replace").splitlines())
        delay = parser.crawl_delay(ROBOTS_AGENT) if self.honor_crawl_delay else None
        if delay:
            self._host_interval[netloc] = min(float(delay), MAX_CRAWL_DELAY_S)
        return parser

    # -- fetching ----------------------------------------------------------------------------

    def get(self, url: str, *, max_bytes: int, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET one URL under every rule above; raises :class:`FetchError` saying what went wrong."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(f"{url}: only http and https URLs can be watched")
        if not self.allowed(url):
            raise DisallowedByRobots(f"{url}: robots.txt of {urlsplit(url).netloc} disallows {ROBOTS_AGENT}")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        self._wait_for(urlsplit(url).netloc)
        self.requests += 1
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304:
                    return Response(str(response.url), 304, b"", "", etag, last_modified)
                if response.status_code >= 400:
                    raise FetchError(f"{url}: the server answered HTTP {response.status_code}")
                body = _read_limited(response, url, max_bytes)
                return Response(str(response.url), response.status_code, body,
                                response.headers.get("content-type", ""), response.headers.get("etag"),
                                response.headers.get("last-modified"))
        except httpx.TooManyRedirects:
            raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects (a redirect loop?)") from None
        except httpx.TimeoutException as exc:
            raise FetchError(f"{url}: timed out ({type(exc).__name__})") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"{url}: could not fetch it ({type(exc).__name__}: {exc})") from None

    def feed(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        return self.get(url, max_bytes=self.feed_max_bytes, etag=etag, last_modified=last_modified)

    def page(self, url: str) -> Response:
        return self.get(url, max_bytes=self.page_max_bytes)


def _read_limited(response: httpx.Response, url: str, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"{url}: {int(declared):,} bytes declared, more than the {max_bytes:,} allowed; skipped")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{url}: more than {max_bytes:,} bytes sent; cut off and skipped")
        chunks.append(chunk)
    return b"".join(chunks)
