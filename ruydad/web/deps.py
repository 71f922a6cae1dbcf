"""FastAPI dependencies: what a route may ask for, read from the app's state.

Every router in :mod:`ruydad.web.routes` declares what it needs in its signature (``store:
ReadStore``, ``theatre: Theatre``, ``user: Writer``...) instead of reaching into the app:

- :data:`ReadStore`: a store for this request only (a cursor, or a PostgreSQL connection) under the
  query time budget; a query past it answers 503 with ``Retry-After``. Closed when the route returns.
- :data:`Theatre` (the ``theatre`` query parameter, else the theatre the app serves) and
  :data:`AppTheatre` (the app's, for routes without the parameter).
- :data:`Writer` (a valid bearer token, else 401 before the body is read) and :data:`TokenUser`
  (the token's name, or None).
- :data:`Filter` (the event filters every event and analysis route shares) and :data:`Page` (which
  rows of a long result one answer carries).
- :data:`State`: the :class:`~ruydad.web.state.AppState` itself (the write turn, the extraction pool).

Dependencies that only read the request are ``async``: FastAPI runs a plain ``def`` dependency on a
worker thread, one hop per dependency per request. Those that may wait on the store stay plain, so
they never hold up the event loop, except :func:`read_store`, which takes a ready cursor on the loop
and sends only what may wait to a worker thread.

No ``from __future__ import annotations``: FastAPI reads these annotations at run time.
"""

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import anyio
from fastapi import Depends, Header, HTTPException, Query, Request

from ruydad.errors import QueryTimeout
from ruydad.query import Filters, filters_from_options
from ruydad.store import Store
from ruydad.web.state import AppState

QUERY_SECONDS = 20.0
"""The longest one request's queries may run before the request answers 503."""
MAX_ROWS = 10_000
"""The most rows of a grouped result one answer carries (``rows_limit``)."""


async def app_state(request: Request) -> AppState:
    """The app's :class:`AppState` (set by :func:`ruydad.web.app.create_app`)."""
    state: AppState = request.app.state.ruydad
    return state


State = Annotated[AppState, Depends(app_state)]


async def read_turn(state: State) -> AsyncIterator[None]:
    """Wait, in arrival order and without holding a server thread, for one of the app's reading
    turns (:attr:`AppState.read_slots`); 503 when none came within :data:`QUERY_SECONDS`.

    Why: fifty clients at once would otherwise start fifty reads on two cores, each getting a
    fiftieth of them, so every answer came late and the slowest very late (p99 at twice the median,
    and requests timing out). With a few reads at a time the rest queue and each read runs at full
    speed. Extractions are not reads (their own pool, :mod:`ruydad.web.jobs`), so they never hold a
    turn."""
    limiter = state.read_limiter()
    token = object()
    try:
        with anyio.fail_after(QUERY_SECONDS):
            await limiter.acquire_on_behalf_of(token)
    except TimeoutError:
        raise HTTPException(503, f"the server is busy: no reading turn came within {QUERY_SECONDS:g} s; "
                                 "try again shortly", headers={"Retry-After": "5"}) from None
    try:
        yield
    finally:
        limiter.release_on_behalf_of(token)


async def read_store(state: State, _turn: Annotated[None, Depends(read_turn, scope="function")]
                     ) -> AsyncIterator[Store]:
    """A store for this request's reads, under :data:`QUERY_SECONDS`, in a reading turn; closed when
    the route returns.

    Each backend enforces the budget its own way (DuckDB: interrupt; PostgreSQL: ``statement_timeout``).

    ``async``, so taking the store costs no trip to a worker thread when the shared DuckDB store has
    a cursor ready (:meth:`~ruydad.store.shared.SharedStore.try_reader`: it never waits); opening a
    connection, waiting for a write, or a PostgreSQL connection go to a worker thread as before."""
    try_reader = getattr(state.store, "try_reader", None)
    ready: Store | None = try_reader() if try_reader is not None else None
    quick = ready is not None
    store: Store = ready if ready is not None else await anyio.to_thread.run_sync(state.store.reader)
    try:
        with store.query_budget(QUERY_SECONDS):
            yield store
    except QueryTimeout as exc:
        raise HTTPException(503, f"query took longer than {QUERY_SECONDS:.0f} s; narrow the filters",
                            headers={"Retry-After": "5"}) from exc
    finally:
        if quick:
            store.close()  # a cursor back to the pool: nothing to wait for
        else:
            await anyio.to_thread.run_sync(store.close)


ReadStore = Annotated[Store, Depends(read_store, scope="function")]


async def app_theatre(state: State) -> str:
    """The theatre the app was created for."""
    return state.theatre


async def theatre(state: State, theatre: Annotated[str | None, Query(
        max_length=60, description="Theatre (its gazetteer and actor registry); default: the server's")] = None) -> str:
    """The ``theatre`` query parameter, else the theatre the app was created for."""
    return theatre or state.theatre


AppTheatre = Annotated[str, Depends(app_theatre)]
Theatre = Annotated[str, Depends(theatre)]


def token_user(state: State, authorization: Annotated[str | None, Header()] = None) -> str | None:
    """The name of the request's bearer token, None without a valid one."""
    return state.token_user(authorization)


def require_token(state: State, authorization: Annotated[str | None, Header()] = None) -> str:
    """The name of the request's bearer token; 401 saying how to get one when it is missing or revoked."""
    if not authorization or not authorization.lower().startswith("bearer "):
        raise HTTPException(401, "this write needs `Authorization: Bearer <token>`; create one with "
                                 "`ruydad token create NAME`", headers={"WWW-Authenticate": "Bearer"})
    name = state.token_user(authorization)
    if name is None:
        raise HTTPException(401, "unknown or revoked token", headers={"WWW-Authenticate": "Bearer"})
    return name


TokenUser = Annotated[str | None, Depends(token_user)]
Writer = Annotated[str, Depends(require_token)]


async def event_filter(
    actor: Annotated[str | None, Query(max_length=200, description="Actor in any actor column: a registry name, "
                                       "alias or acronym, else a stored name; '=NAME' exact")] = None,
    actor1: Annotated[str | None, Query(max_length=200, description="Actor1 (initiator, perpetrator)")] = None,
    actor2: Annotated[str | None, Query(max_length=200, description="Actor2 (opponent, target)")] = None,
    actor_category: Annotated[str | None, Query(max_length=100)] = None,
    event_type: Annotated[str | None, Query(max_length=100)] = None,
    sub_event_type: Annotated[str | None, Query(max_length=100)] = None,
    admin1: Annotated[str | None, Query(max_length=100, description="Name, ISO 3166-2 code or P-code")] = None,
    admin2: Annotated[str | None, Query(max_length=100)] = None,
    country: Annotated[str | None, Query(max_length=100)] = None,
    dataset: Annotated[str | None, Query(max_length=40)] = None,
    date_from: Annotated[date | None, Query(description="First day (YYYY-MM-DD)")] = None,
    date_to: Annotated[date | None, Query(description="Last day (YYYY-MM-DD)")] = None,
    civilian_targeting: Annotated[bool, Query(description="Only events targeting civilians")] = False,
) -> Filters:
    """The event filters shared by ``/api/events`` and every analysis route (:mod:`ruydad.query`)."""
    if date_from and date_to and date_from > date_to:
        raise HTTPException(422, "date_from is after date_to")
    return filters_from_options(actor=actor, actor1=actor1, actor2=actor2, actor_category=actor_category,
                                event_type=event_type, sub_event_type=sub_event_type, admin1=admin1, admin2=admin2,
                                country=country, dataset=dataset, date_from=date_from, date_to=date_to,
                                civilian_targeting=civilian_targeting)


Filter = Annotated[Filters, Depends(event_filter)]


@dataclass(frozen=True)
class RowPage:
    """Which of a result's rows one response carries: grouped figures can run to millions of rows."""

    limit: int = 1000
    offset: int = 0


async def row_page(rows_limit: Annotated[int, Query(ge=1, le=MAX_ROWS, description="Rows per page")] = 1000,
             rows_offset: Annotated[int, Query(ge=0, le=100_000_000, description="Rows to skip")] = 0) -> RowPage:
    return RowPage(rows_limit, rows_offset)


Page = Annotated[RowPage, Depends(row_page)]


class _AnalysisOnFirstUse:
    """An :class:`~ruydad.analysis.Analysis` made when the route first uses it, on the route's own
    worker thread: making one may read the store (its catalog after a write) and the first one
    imports Ibis, neither of which may run on the event loop, and a dependency of its own on a
    worker thread would cost every analysis request another hand-off."""

    def __init__(self, store: Store, theatre: str) -> None:
        self._store, self._theatre = store, theatre
        self._made: Any = None

    def __getattr__(self, name: str) -> Any:
        if self._made is None:
            from ruydad.analysis import Analysis

            self._made = Analysis.from_store(self._store, theatre=self._theatre)
        return getattr(self._made, name)


async def analysis(store: ReadStore, theatre: AppTheatre) -> "Analysis":
    """An :class:`~ruydad.analysis.Analysis` over this request's store, for the app's theatre."""
    made: Analysis = _AnalysisOnFirstUse(store, theatre)  # type: ignore[assignment]  # stands in for it
    return made


if TYPE_CHECKING:
    from ruydad.analysis import Analysis

    AnalysisOf = Annotated[Analysis, Depends(analysis)]
else:  # ruydad.analysis loads Ibis: imported when the first analysis route runs, not with the app
    AnalysisOf = Annotated[Any, Depends(analysis)]
