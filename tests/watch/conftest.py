"""A real HTTP server on loopback serving the feed, sitemap and article fixtures of tests/data/feeds,
and every failure a news source can show: an HTTP 500, a redirect loop, a feed slower than the
timeout, malformed XML, a 50 MB page (streamed without a length, and declared up front) and a path
robots.txt disallows. Fixtures name their host ``http://feeds.test``; the server rewrites it to
its own address. Every request is recorded (path and headers) so tests can check what was asked.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.spark.conftest import spark  # noqa: F401 - the Spark tests' local session
from tests.web.conftest import browser, shots  # noqa: F401 - the dashboard tests' Chromium and screenshots

FEEDS = Path(__file__).resolve().parents[1] / "data" / "feeds"
PLACEHOLDER = b"http://feeds.test"
HUGE_BYTES = 50 * 1024 * 1024


@dataclass
class FeedServer:
    base: str
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def paths(self) -> list[str]:
        return [p for p, _ in self.requests]


def _handler(server_state: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _send(self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            try:
                self.wfile.write(body)
            except OSError:
                pass  # the client gave up (the slow feed's timeout): nothing to answer

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            server_state.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            base = server_state.base.encode()
            if path == "/robots.txt":
                self._send(200, (FEEDS / "robots.txt").read_bytes(), "text/plain")
            elif path.startswith("/feeds/") and (FEEDS / path[len("/feeds/"):]).is_file():
                body = (FEEDS / path[len("/feeds/"):]).read_bytes().replace(PLACEHOLDER, base)
                etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                kind = "application/atom+xml" if "atom" in path else "application/xml"
                self._send(200, body, kind, {"ETag": etag, "Last-Modified": "Thu, 18 Aug 2022 11:00:00 GMT"})
            elif path.startswith("/articles/") and (FEEDS / path[1:]).is_file():
                self._send(200, (FEEDS / path[1:]).read_bytes(), "text/html; charset=utf-8")
            elif path == "/broken.xml":
                self._send(500, b"<html><body>Internal Server Error</body></html>", "text/html")
            elif path == "/loop.xml":
                self.send_response(302)
                self.send_header("Location", "/loop.xml")
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif path == "/slow.xml":
                time.sleep(3)
                self._send(200, (FEEDS / "rss.xml").read_bytes().replace(PLACEHOLDER, base), "application/xml")
            elif path == "/huge.html":
                self._stream_huge()
            elif path == "/huge-declared.html":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(HUGE_BYTES))
                self.end_headers()
                try:
                    self.wfile.write(b"<html>" + b" " * 65536)
                except OSError:
                    pass
            else:
                self._send(404, b"not found", "text/plain")

        def _stream_huge(self) -> None:
            """50 MB of HTML with no Content-Length: only counting while reading can stop it."""
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65530 + b"</p>"
            sent = 0
            try:
                while sent < HUGE_BYTES:
                    self.wfile.write(chunk)
                    sent += len(chunk)
            except OSError:
                pass  # the client stopped reading: what we want
            self.close_connection = True

    return Handler


@pytest.fixture(scope="module", autouse=True)
def allow_loopback_fetches() -> Iterator[None]:
    """The feed server runs on 127.0.0.1, which fetches refuse unless the operator allows it (module
    scope: the module-wide polls are set up before any test's own fixtures)."""
    saved = os.environ.get("RUYDAD_FETCH_ALLOW")
    os.environ["RUYDAD_FETCH_ALLOW"] = "127.0.0.1"
    yield
    if saved is None:
        os.environ.pop("RUYDAD_FETCH_ALLOW", None)
    else:
        os.environ["RUYDAD_FETCH_ALLOW"] = saved


@pytest.fixture(scope="module")
def feed_server() -> Iterator[FeedServer]:
    state = FeedServer(base="")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield state
    httpd.shutdown()
    httpd.server_close()
