"""The HTTP API and the dashboard: one FastAPI app over the same Python API as the CLI.

:func:`create_app` only assembles the app: its state (:mod:`ruydad.web.state`), middleware
(:mod:`ruydad.web.middleware`, :mod:`ruydad.web.guard`), error handlers and the routers of
:mod:`ruydad.web.routes`, each route a thin call into ``ruydad.store``, ``ruydad.analysis``,
``ruydad.geo``, ``ruydad.actors`` or ``ruydad.extract``. Reads are open; writes (ingest, article
submission) need a bearer token made with ``ruydad token create``. Limits keep one client from
starving the others: page size, request body size and a per-query time budget.

The app serves a :class:`~ruydad.store.shared.StoreAccess`: ``ruydad serve`` gives it a
:class:`~ruydad.store.shared.SharedStore`, which holds the DuckDB file only while requests run, so
the command line reads and writes the same store beside the dashboard; a store opened by the caller
(tests, PostgreSQL) is wrapped in a :class:`~ruydad.store.shared.HeldStore`. Each request reads
through its own store (a cursor, or a PostgreSQL connection) under a time budget that each backend
enforces its own way (DuckDB: interrupt; PostgreSQL: ``statement_timeout``); writes are short and
one at a time.
"""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from ruydad.errors import RemoteError, RuydadError, StoreError
from ruydad.store import Store
from ruydad.store.shared import StoreAccess
from ruydad.theatres import DEFAULT_THEATRE
from ruydad.web import guard
from ruydad.web.jobs import Busy, ExtractLimits
from ruydad.web.middleware import CachedReads, RefuseBadQuery
from ruydad.web.routes import ROUTERS
from ruydad.web.routes.dashboard import STATIC_DIR
from ruydad.web.state import AppState

MAX_JSON_BODY = 2 * 1024 * 1024
DESCRIPTION = ("Conflict events, actors and claims, with sources. Reads are open; writes "
               "need `Authorization: Bearer <token>` (create one with `ruydad token create`).")


def create_app(store: Store | StoreAccess, *, cache: bool = True, limits: ExtractLimits | None = None,
               allowed_hosts: Sequence[str] | None = None, theatre: str = DEFAULT_THEATRE) -> FastAPI:
    """The app over an open store (the caller keeps it open for the app's lifetime), or over a
    :class:`~ruydad.store.shared.SharedStore` that it opens and releases as requests come.

    ``cache=False`` answers every read from the store (used to measure uncached latency).
    ``limits`` bounds article extraction (default: :meth:`ExtractLimits.from_env`);
    ``allowed_hosts`` adds ``Host`` names to trust besides loopback (see :mod:`ruydad.web.guard`);
    ``theatre`` is the theatre the app serves (routes with a ``theatre`` parameter default to it).
    """
    from ruydad.theatres import theatre_dir

    theatre_dir(theatre)  # an unknown theatre fails here, naming the known ones, not at the first request
    app = FastAPI(title="Ruydad", version="0.1.0", max_body_size=MAX_JSON_BODY, description=DESCRIPTION)
    state = AppState(store, limits or ExtractLimits.from_env(), theatre=theatre, cache=cache)
    app.state.ruydad = state
    app.state.query_parameters = {}
    app.router.add_event_handler("shutdown", state.extractions.close)
    app.add_middleware(RefuseBadQuery)
    app.add_middleware(CachedReads)
    app.add_exception_handler(Busy, busy)  # type: ignore[arg-type]
    app.add_exception_handler(RuydadError, ruydad_error)  # type: ignore[arg-type]
    for router in ROUTERS:
        app.router.routes.extend(router.routes)  # see the note below
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    guard.install(app, allowed_hosts)
    return app


# Why the routers' routes are added to the app's own list rather than with ``include_router``: FastAPI
# (0.16x) wraps an included router in one opaque route, so ``app.routes`` would no longer list the
# API's routes for the response cache (:func:`ruydad.web.cache.cache_key`), tests and tools to read.
# The routers have no prefix or dependencies of their own, so nothing else about a route changes.


async def busy(request: Request, exc: Busy) -> JSONResponse:
    """No room for the work (extraction pool full, rate limit): the status and when to retry."""
    headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after else {"WWW-Authenticate": "Bearer"}
    return JSONResponse({"detail": exc.message}, status_code=exc.status, headers=headers)


async def ruydad_error(request: Request, exc: RuydadError) -> JSONResponse:
    """Ruydad's own errors: 502 for a remote source, 503 for the store, else 400 (the input)."""
    status = 502 if isinstance(exc, RemoteError) else 503 if isinstance(exc, StoreError) else 400
    return JSONResponse({"detail": str(exc)}, status_code=status)


__all__ = ["create_app"]
