"""The response cache: recent read answers kept in memory, dropped whenever the store changes.

Dashboards ask the same questions again and again; answering those from memory keeps tail latency
low. The cache is cleared by the app's own writes and whenever the store's data version moves
(another process, such as ``ruydad ingest``, committed: :meth:`ruydad.web.state.AppState.fresh_cache`).
:class:`ruydad.web.middleware.CachedReads` puts it in front of every ``GET /api/...`` route.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.routing import APIRoute

CachedResponse = tuple[int, bytes, list[tuple[bytes, bytes]]]


class ResponseCache:
    """Recent read responses, dropped whenever the app writes (see the module docstring).

    Bounded twice: by entries and by the bytes the bodies hold (least recently used go first), and
    keyed on the route's own parameters only (:func:`cache_key`), so junk query parameters neither
    fill it nor miss it.
    """

    def __init__(self, entries: int = 1024, max_body: int = 2 * 1024 * 1024,
                 max_bytes: int = 64 * 1024 * 1024) -> None:
        self.entries, self.max_body, self.max_bytes = entries, max_body, max_bytes
        self._data: OrderedDict[str, CachedResponse] = OrderedDict()
        self._lock = threading.Lock()
        self.bytes = 0

    def get(self, key: str) -> CachedResponse | None:
        with self._lock:
            hit = self._data.get(key)
            if hit is not None:
                self._data.move_to_end(key)
            return hit

    def put(self, key: str, status: int, body: bytes, headers: list[tuple[bytes, bytes]]) -> None:
        if status != 200 or len(body) > self.max_body:
            return
        with self._lock:
            old = self._data.pop(key, None)
            self.bytes -= len(old[1]) if old else 0
            self._data[key] = (status, body, headers)
            self.bytes += len(body)
            while len(self._data) > self.entries or self.bytes > self.max_bytes:
                _, dropped = self._data.popitem(last=False)
                self.bytes -= len(dropped[1])

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self.bytes = 0


def _query_names(dependant: Any) -> set[str]:
    """The query parameters a route reads, its dependencies' included."""
    names = {str(p.alias) for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def cache_key(app: FastAPI, request: Request) -> str | None:
    """The route's path and its declared query parameters, sorted; None for a path no route serves.

    Each route's parameter names are worked out once and kept on ``app.state.query_parameters``."""
    from starlette.routing import Match

    known: dict[str, frozenset[str]] = app.state.query_parameters
    for route in app.routes:
        if not isinstance(route, APIRoute) or route.matches(request.scope)[0] is not Match.FULL:
            continue
        names = known.get(route.path)
        if names is None:
            names = frozenset(_query_names(route.dependant))
            known[route.path] = names
        params = sorted((k, v) for k, v in request.query_params.multi_items() if k in names)
        return f"{request.url.path}?{urlencode(params)}"
    return None
