"""The app's own HTTP middleware: query strings refused at the edge, and cached reads.

Module-level functions over ``request.app.state.ruydad`` (:class:`~ruydad.web.state.AppState`), so
:func:`ruydad.web.app.create_app` only installs them. The host, header and error-body guards are in
:mod:`ruydad.web.guard`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from ruydad.web.cache import cache_key
from ruydad.web.state import AppState

DATE_PARAMETERS = ("date_from", "date_to", "at", "published")
EARLIEST_DATE, LATEST_DATE = "1900-01-01", "2199-12-31"
"""Dates outside this range are refused at the edge: no dataset reaches them, and arithmetic on
them (a baseline window before 0001-01-01) would fail deep inside an analysis."""

CallNext = Callable[[Request], Awaitable[Response]]


async def refuse_bad_query(request: Request, call_next: CallNext) -> Response:
    """422 for a NUL character anywhere in the query string, or a date far outside any dataset."""
    if "\x00" in request.url.query or "%00" in request.url.query:
        return JSONResponse({"detail": "query parameters may not contain NUL characters"}, status_code=422)
    for name in DATE_PARAMETERS:
        value = request.query_params.get(name, "")
        if len(value) == 10 and value[4] == "-" and not (EARLIEST_DATE <= value <= LATEST_DATE):
            return JSONResponse({"detail": f"{name}: {value} is outside {EARLIEST_DATE}..{LATEST_DATE}"},
                                status_code=422)
    return await call_next(request)


async def cached_reads(request: Request, call_next: CallNext) -> Response:
    """``GET /api/...`` answered from the response cache when it can be (``x-cache: hit``), and the
    cache emptied by every successful write (:mod:`ruydad.web.cache`)."""
    state: AppState = request.app.state.ruydad
    cacheable = state.cache_enabled and request.method == "GET" and request.url.path.startswith("/api/")
    if not cacheable:
        response = await call_next(request)
        if request.method != "GET" and response.status_code < 400:
            state.cache.clear()
        return response
    key = cache_key(request.app, request)
    if key is None:
        return await call_next(request)
    hit = state.fresh_cache().get(key)
    if hit is not None:
        status, body, headers = hit
        cached = Response(content=body, status_code=status)
        cached.raw_headers = [*headers, (b"x-cache", b"hit")]
        return cached
    response = await call_next(request)
    body = b"".join([chunk async for chunk in response.body_iterator])  # type: ignore[attr-defined]
    headers = [(k, v) for k, v in response.raw_headers if k.lower() != b"content-length"]
    state.cache.put(key, response.status_code, body, [*headers, (b"content-length", str(len(body)).encode())])
    fresh = Response(content=body, status_code=response.status_code)
    fresh.raw_headers = [*headers, (b"content-length", str(len(body)).encode()), (b"x-cache", b"miss")]
    return fresh
