"""The app's own HTTP middleware: query strings refused at the edge, and cached reads.

Both are plain ASGI classes over ``scope["app"].state.ruydad`` (:class:`~ruydad.web.state.AppState`),
so :func:`ruydad.web.app.create_app` only installs them. Not Starlette's ``BaseHTTPMiddleware``
(``@app.middleware("http")``): that runs every request through a task group and a memory stream of
its own, which cost about as much as answering a small question from the store. The host, header
and error-body guards are in :mod:`ruydad.web.guard`.
"""

from __future__ import annotations

from starlette.datastructures import QueryParams
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ruydad.web.cache import cache_key
from ruydad.web.state import AppState

DATE_PARAMETERS = ("date_from", "date_to", "at", "published")
EARLIEST_DATE, LATEST_DATE = "1900-01-01", "2199-12-31"
"""Dates outside this range are refused at the edge: no dataset reaches them, and arithmetic on
them (a baseline window before 0001-01-01) would fail deep inside an analysis."""


def query_problem(query_string: str) -> str | None:
    """Why a query string is refused at the edge (a NUL character, a date far outside any dataset), or None."""
    if "\x00" in query_string or "%00" in query_string:
        return "query parameters may not contain NUL characters"
    params = QueryParams(query_string)
    for name in DATE_PARAMETERS:
        value = params.get(name, "")
        if len(value) == 10 and value[4] == "-" and not (EARLIEST_DATE <= value <= LATEST_DATE):
            return f"{name}: {value} is outside {EARLIEST_DATE}..{LATEST_DATE}"
    return None


class RefuseBadQuery:
    """422 for a query string :func:`query_problem` refuses, before any route reads it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            problem = query_problem(scope.get("query_string", b"").decode("latin-1"))
            if problem is not None:
                await JSONResponse({"detail": problem}, status_code=422)(scope, receive, send)
                return
        await self.app(scope, receive, send)


class CachedReads:
    """``GET /api/...`` answered from the response cache when it can be (``x-cache: hit``), and the
    cache emptied by every successful write (:mod:`ruydad.web.cache`)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state: AppState = scope["app"].state.ruydad
        method = scope["method"]
        if not (state.cache_enabled and method == "GET" and scope["path"].startswith("/api/")):
            await self._uncached(scope, receive, send, state, clears=method != "GET")
            return
        key = cache_key(scope["app"], Request(scope))
        if key is None:
            await self.app(scope, receive, send)
            return
        hit = state.fresh_cache().get(key)
        if hit is not None:
            status, body, headers = hit
            cached = Response(content=body, status_code=status)
            cached.raw_headers = [*headers, (b"x-cache", b"hit")]
            await cached(scope, receive, send)
            return
        await self._kept(scope, receive, send, state, key)

    async def _uncached(self, scope: Scope, receive: Receive, send: Send, state: AppState, *, clears: bool) -> None:
        """Pass the request on; a write that succeeded empties the cache once its answer is sent."""
        status = 500

        async def watch(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        await self.app(scope, receive, watch if clears else send)
        if clears and status < 400:
            state.cache.clear()

    async def _kept(self, scope: Scope, receive: Receive, send: Send, state: AppState, key: str) -> None:
        """Answer from the route, keeping the whole answer in the cache before it is sent."""
        start: Message = {}
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, keep)
        body = b"".join(chunks)
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(body)).encode()))
        state.cache.put(key, start["status"], body, headers)
        await send({"type": "http.response.start", "status": start["status"],
                    "headers": [*headers, (b"x-cache", b"miss")]})
        await send({"type": "http.response.body", "body": body})
