"""A real HTTP server on loopback that misbehaves on request: slow bodies, redirects, a plain article.

Used by the abuse tests and ``scripts/bench_abuse.py``. ``/drip`` sends one byte every
``interval`` seconds for ``total`` bytes (every single read succeeds, only the whole is slow);
``/redirect?to=URL`` answers 302 to ``URL``; ``/article`` answers a short article page.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

ARTICLE = (b"<html><head><title>Clashes in Panjshir</title></head><body><article><p>Taliban fighters "
           b"attacked NRF positions in Panjshir on 12 May 2022, the front said.</p></article></body></html>")


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        if parts.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", query["to"])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if parts.path == "/drip":
            interval, total = float(query.get("interval", "1")), int(query.get("total", "100"))
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(total))
            self.end_headers()
            try:
                for _ in range(total):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(interval)
            except OSError:  # the client gave up: what the deadline is for
                return
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(ARTICLE)))
        self.end_headers()
        self.wfile.write(ARTICLE)


@contextmanager
def serving(host: str = "127.0.0.1") -> Iterator[str]:
    """Serve on ``host`` (any 127.x.y.z works on Linux) at a free port; yields the base URL."""
    server = ThreadingHTTPServer((host, 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
