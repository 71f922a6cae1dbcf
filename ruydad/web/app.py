"""The HTTP API and the dashboard: one FastAPI app over the same Python API as the CLI.

Every route is a thin call into ``ruydad.store``, ``ruydad.analysis``, ``ruydad.geo``,
``ruydad.actors`` or ``ruydad.extract``. Reads are open; writes (ingest, article submission)
need a bearer token made with ``ruydad token create``. Limits keep one client from starving
the others: page size, request body size and a per-query time budget.

The app serves a :class:`~ruydad.store.shared.StoreAccess`: ``ruydad serve`` gives it a
:class:`~ruydad.store.shared.SharedStore`, which holds the DuckDB file only while requests run, so
the command line reads and writes the same store beside the dashboard; a store opened by the caller
(tests, PostgreSQL) is wrapped in a :class:`~ruydad.store.shared.HeldStore`. Each request reads
through its own store (a cursor, or a PostgreSQL connection) under a time budget that each backend
enforces its own way (DuckDB: interrupt; PostgreSQL: ``statement_timeout``); writes are short and
one at a time.

No ``from __future__ import annotations`` here: FastAPI reads the route annotations at run time.
"""


import csv
import io
import logging
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.datastructures import UploadFile as StarletteUploadFile

from ruydad.errors import QueryTimeout, RemoteError, RuydadError, StoreError
from ruydad.output import dumps
from ruydad.query import Filters, filters_from_options
from ruydad.store import Store
from ruydad.store.shared import HeldStore, StoreAccess
from ruydad.web import guard
from ruydad.web.jobs import Busy, ExtractionPool, ExtractLimits, RateLimiter
from ruydad.web.tokens import check_token, record_token_use

STATIC_DIR = Path(__file__).parent / "static"
MAX_PAGE_SIZE = 1000
MAX_JSON_BODY = 2 * 1024 * 1024
MAX_UPLOAD_BODY = 512 * 1024 * 1024
TOKEN_USE_SECONDS = 10.0
"""A token's ``last_used_at`` is accurate to this many seconds (it is written at most that often)."""
QUERY_SECONDS = 20.0
DATE_PARAMETERS = ("date_from", "date_to", "at", "published")
EARLIEST_DATE, LATEST_DATE = "1900-01-01", "2199-12-31"
"""Dates outside this range are refused at the edge: no dataset reaches them, and arithmetic on
them (a baseline window before 0001-01-01) would fail deep inside an analysis."""



class JSONText(Response):
    """JSON written with Ruydad's encoder (dates, Arrow values)."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return dumps(content).encode("utf-8")


class AppState:
    def __init__(self, store: Store | StoreAccess, limits: ExtractLimits) -> None:
        self.store: StoreAccess = HeldStore(store) if isinstance(store, Store) else store
        self.write_lock = threading.Lock()
        self.cache = ResponseCache()
        self.cache_version: object = None
        self.extractions = ExtractionPool(limits)
        self.anonymous_rate = RateLimiter(limits.anonymous_per_minute)
        self.token_lock = threading.Lock()
        self._token_uses: dict[str, float] = {}
        self._recording = threading.Lock()

    def token_user(self, authorization: str | None) -> str | None:
        """The name of the token in an ``Authorization: Bearer`` header, None when absent or invalid.

        Checked against the store on every request, so ``ruydad token revoke`` takes effect at once.
        Its use is recorded in the background (:meth:`_note_use`): no request waits on that write.
        """
        if not authorization or not authorization.lower().startswith("bearer "):
            return None
        cursor = self.store.reader()
        try:
            found = check_token(cursor, authorization.split(" ", 1)[1].strip())
        finally:
            cursor.close()
        if found is None:
            return None
        self._note_use(found[0])
        return found[1]

    def _note_use(self, token_id: str) -> None:
        """Write ``last_used_at`` at most every :data:`TOKEN_USE_SECONDS` per token, from a thread of
        its own, one write at a time: parallel updates of one row conflict in DuckDB, and a request
        that waited for the store's write turn behind an ingest would hold a server thread."""
        now = time.monotonic()
        with self.token_lock:
            if now - self._token_uses.get(token_id, -TOKEN_USE_SECONDS) < TOKEN_USE_SECONDS:
                return
            self._token_uses[token_id] = now
        threading.Thread(target=self._record_use, args=(token_id,), name="ruydad-token-use", daemon=True).start()

    def _record_use(self, token_id: str) -> None:
        try:
            with self._recording, self.store.writing() as writer:
                record_token_use(writer, token_id)
        except Exception as exc:  # the store closed under it (shutdown): the use goes unrecorded, said so
            logging.getLogger("ruydad.web").warning("could not record the use of token %s: %s", token_id, exc)

    def fresh_cache(self) -> "ResponseCache":
        """The response cache, emptied first when any process has committed to the store since."""
        version = self.store.data_version()
        if version != self.cache_version:
            self.cache.clear()
            self.cache_version = version
        return self.cache


class ResponseCache:
    """Recent read responses, dropped whenever the app writes.

    Cleared by this app's write routes, and whenever the store's data version moves (another
    process, such as ``ruydad ingest``, committed: :meth:`AppState.fresh_cache`). Dashboards ask the
    same questions again and again; answering those from memory keeps tail latency low.

    Bounded twice: by entries and by the bytes the bodies hold (least recently used go first), and
    keyed on the route's own parameters only (:func:`_cache_key`), so junk query parameters neither
    fill it nor miss it.
    """

    def __init__(self, entries: int = 1024, max_body: int = 2 * 1024 * 1024,
                 max_bytes: int = 64 * 1024 * 1024) -> None:
        from collections import OrderedDict

        self.entries, self.max_body, self.max_bytes = entries, max_body, max_bytes
        self._data: OrderedDict[str, tuple[int, bytes, list[tuple[bytes, bytes]]]] = OrderedDict()
        self._lock = threading.Lock()
        self.bytes = 0

    def get(self, key: str) -> tuple[int, bytes, list[tuple[bytes, bytes]]] | None:
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


def _cache_key(app: FastAPI, request: Request) -> str | None:
    """The route's path and its declared query parameters, sorted; None for a path no route serves."""
    from fastapi.routing import APIRoute
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


def _event_filter(
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
    if date_from and date_to and date_from > date_to:
        raise HTTPException(422, "date_from is after date_to")
    return filters_from_options(actor=actor, actor1=actor1, actor2=actor2, actor_category=actor_category,
                                event_type=event_type, sub_event_type=sub_event_type, admin1=admin1, admin2=admin2,
                                country=country, dataset=dataset, date_from=date_from, date_to=date_to,
                                civilian_targeting=civilian_targeting)


class ArticleIn(BaseModel):
    text: str | None = Field(default=None, max_length=1_000_000, description="Plain text of the article")
    html: str | None = Field(default=None, max_length=1_000_000, description="HTML of the article page")
    url: str | None = Field(default=None, max_length=2000, description="Fetch the article from this URL")
    published: date | None = Field(default=None, description="Publication date, if the text has none")
    title: str | None = Field(default=None, max_length=500)


def create_app(store: Store | StoreAccess, *, cache: bool = True, limits: ExtractLimits | None = None,
               allowed_hosts: Sequence[str] | None = None) -> FastAPI:
    """The app over an open store (the caller keeps it open for the app's lifetime), or over a
    :class:`~ruydad.store.shared.SharedStore` that it opens and releases as requests come.

    ``cache=False`` answers every read from the store (used to measure uncached latency).
    ``limits`` bounds article extraction (default: :meth:`ExtractLimits.from_env`);
    ``allowed_hosts`` adds ``Host`` names to trust besides loopback (see :mod:`ruydad.web.guard`).
    """
    app = FastAPI(title="Ruydad", version="0.1.0", max_body_size=MAX_JSON_BODY,
                  description="Conflict events, actors and claims, with sources. Reads are open; writes "
                              "need `Authorization: Bearer <token>` (create one with `ruydad token create`).")
    state = AppState(store, limits or ExtractLimits.from_env())
    app.state.ruydad = state
    app.state.query_parameters = {}
    app.router.add_event_handler("shutdown", state.extractions.close)

    @app.middleware("http")
    async def refuse_nul(request: Request, call_next: Callable[[Request], Any]) -> Any:
        if "\x00" in request.url.query or "%00" in request.url.query:
            return JSONResponse({"detail": "query parameters may not contain NUL characters"}, status_code=422)
        for name in DATE_PARAMETERS:
            value = request.query_params.get(name, "")
            if len(value) == 10 and value[4] == "-" and not (EARLIEST_DATE <= value <= LATEST_DATE):
                return JSONResponse({"detail": f"{name}: {value} is outside {EARLIEST_DATE}..{LATEST_DATE}"},
                                    status_code=422)
        return await call_next(request)

    @app.middleware("http")
    async def cached_reads(request: Request, call_next: Callable[[Request], Any]) -> Any:
        cacheable = cache and request.method == "GET" and request.url.path.startswith("/api/")
        if not cacheable:
            response = await call_next(request)
            if request.method != "GET" and response.status_code < 400:
                state.cache.clear()
            return response
        key = _cache_key(app, request)
        if key is None:
            return await call_next(request)
        hit = state.fresh_cache().get(key)
        if hit is not None:
            status, body, headers = hit
            cached = Response(content=body, status_code=status)
            cached.raw_headers = [*headers, (b"x-cache", b"hit")]
            return cached
        response = await call_next(request)
        body = b"".join([chunk async for chunk in response.body_iterator])
        headers = [(k, v) for k, v in response.raw_headers if k.lower() != b"content-length"]
        state.cache.put(key, response.status_code, body, [*headers, (b"content-length", str(len(body)).encode())])
        fresh = Response(content=body, status_code=response.status_code)
        fresh.raw_headers = [*headers, (b"content-length", str(len(body)).encode()), (b"x-cache", b"miss")]
        return fresh

    @app.exception_handler(Busy)
    async def busy(request: Request, exc: Busy) -> JSONResponse:
        headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after else {"WWW-Authenticate": "Bearer"}
        return JSONResponse({"detail": exc.message}, status_code=exc.status, headers=headers)

    @app.exception_handler(RuydadError)
    async def ruydad_error(request: Request, exc: RuydadError) -> JSONResponse:
        status = 502 if isinstance(exc, RemoteError) else 503 if isinstance(exc, StoreError) else 400
        return JSONResponse({"detail": str(exc)}, status_code=status)

    @contextmanager
    def reader() -> Iterator[Store]:
        store = state.store.reader()
        try:
            with store.query_budget(QUERY_SECONDS):
                yield store
        except QueryTimeout as exc:
            raise HTTPException(503, f"query took longer than {QUERY_SECONDS:.0f} s; narrow the filters",
                                headers={"Retry-After": "5"}) from exc
        finally:
            store.close()

    def require_token(authorization: Annotated[str | None, Header()] = None) -> str:
        if not authorization or not authorization.lower().startswith("bearer "):
            raise HTTPException(401, "this write needs `Authorization: Bearer <token>`; create one with "
                                     "`ruydad token create NAME`", headers={"WWW-Authenticate": "Bearer"})
        name = state.token_user(authorization)
        if name is None:
            raise HTTPException(401, "unknown or revoked token", headers={"WWW-Authenticate": "Bearer"})
        return name

    Filter = Annotated[Filters, Depends(_event_filter)]
    Writer = Annotated[str, Depends(require_token)]

    # -- store -------------------------------------------------------------------------------

    @app.get("/api/summary", tags=["events"], response_class=JSONText)
    def summary() -> Any:
        """What the store holds: events by dataset, dates, revisions, quarantine."""
        with reader() as store:
            return JSONText(store.summary().__dict__)

    @app.get("/api/events", tags=["events"], response_class=JSONText,
             responses={200: {"content": {"text/csv": {}, "application/geo+json": {}}}})
    def list_events(
        filters: Filter,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 100,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
        format: Annotated[str, Query(pattern="^(json|csv|geojson)$")] = "json",
        formulas: Annotated[str, Query(pattern="^(neutralise|keep)$", description=(
            "CSV only: `neutralise` (default) puts a quote before text cells starting with = + - @ tab or CR, "
            "so spreadsheets do not run them as formulas (OWASP CSV injection); `keep` for trusted pipelines"
        ))] = "neutralise",
    ) -> Response:
        """Events matching the filters, newest first, a page at a time (JSON, CSV or GeoJSON)."""
        with reader() as store:
            query = store.query(filters)
            table = store.events(query, limit=limit, offset=offset)
            total = store.count_events(query)
        rows = table.to_pylist()
        if format == "csv":
            return Response(_csv(rows, table.column_names, keep_formulas=formulas == "keep"), media_type="text/csv",
                            headers={"X-Total-Count": str(total)})
        if format == "geojson":
            return JSONText(_geojson(rows, total), media_type="application/geo+json")
        return JSONText({"total": total, "limit": limit, "offset": offset, "matched": query.matched(),
                         "problems": query.problems, "events": rows})

    @app.get("/api/events/{dataset}/{event_id}", tags=["events"], response_class=JSONText)
    def event_detail(dataset: str, event_id: str) -> Any:
        """One event with every stored revision."""
        with reader() as store:
            history = store.event_history(dataset, event_id).to_pylist()
        if not history:
            raise HTTPException(404, f"no event {event_id!r} in dataset {dataset!r}")
        current = [h for h in history if h["change"] == "current"]
        return JSONText({"event": current[0] if current else None, "revisions": history})

    @app.post("/api/ingest/{dataset}", tags=["events"], response_class=JSONText, max_body_size=MAX_UPLOAD_BODY,
              openapi_extra={"requestBody": {"content": {"multipart/form-data": {"schema": {
                  "type": "object", "required": ["file"],
                  "properties": {"file": {"type": "string", "format": "binary", "description": "CSV export"}}}}}}})
    async def ingest(dataset: str, user: Writer, request: Request) -> Any:
        """Ingest an uploaded ACLED or UCDP CSV export (multipart field ``file``; token required).

        The token is checked before a byte of the body is read, and the body is limited on the
        stream (chunked or not), so an anonymous upload never reaches the disk."""
        from starlette.concurrency import run_in_threadpool

        from ruydad.ingest import ingest_file

        if dataset not in ("acled", "ucdp"):
            raise HTTPException(404, f"unknown dataset {dataset!r}; use acled or ucdp")
        async with request.form(max_files=1, max_fields=4) as form:
            file = form.get("file")
            if not isinstance(file, StarletteUploadFile):
                raise HTTPException(422, "send the export as a multipart form field named `file`")
            name = _upload_name(file.filename)
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / name
                with path.open("wb") as handle:
                    while chunk := await file.read(1024 * 1024):
                        handle.write(chunk)

                def run() -> Any:
                    with state.store.writing() as store:
                        return ingest_file(store, path, dataset, source=f"upload by {user}: {name}")

                report = await run_in_threadpool(run)
        return JSONText(report.as_dict())

    # -- geography ---------------------------------------------------------------------------

    @app.get("/api/geo/units", tags=["geography"], response_class=JSONText)
    def geo_units(level: Annotated[int, Query(ge=1, le=2)] = 1,
                  theatre: Annotated[str, Query(max_length=60)] = "afghanistan") -> Any:
        from ruydad.geo import units

        return JSONText([_unit_dict(u) for u in units(level, theatre)])

    @app.get("/api/geo/boundaries", tags=["geography"], response_class=JSONText)
    def geo_boundaries(level: Annotated[int, Query(ge=1, le=2)] = 1,
                       theatre: Annotated[str, Query(max_length=60)] = "afghanistan") -> Any:
        """Simplified boundaries as GeoJSON, for maps."""
        from ruydad.geo import boundaries_geojson

        return JSONText(boundaries_geojson(level, theatre), media_type="application/geo+json")

    @app.get("/api/geo/resolve", tags=["geography"], response_class=JSONText)
    def geo_resolve(name: Annotated[str, Query(min_length=1, max_length=200)],
                    context: Annotated[str | None, Query(max_length=2000)] = None,
                    theatre: Annotated[str, Query(max_length=60)] = "afghanistan") -> Any:
        from ruydad.geo import resolve_place

        return JSONText([plain_data(c) for c in resolve_place(name, context=context, theatre=theatre)])

    _register_optional_routes(app, reader, state, Filter, Writer)
    from ruydad.web.routes_watch import router as watch_router

    app.include_router(watch_router)  # news watch: incidents, reconciliation (ruydad.web.routes_watch)

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    guard.install(app, allowed_hosts)
    return app


def _register_optional_routes(app: FastAPI, reader: Any, state: AppState, filter_dep: Any, writer_dep: Any) -> None:
    """Analysis, actors and articles routes (in ruydad.web.routes)."""
    from ruydad.web.routes import register

    register(app, reader, state, filter_dep, writer_dep)


UPLOAD_NAME_CHARS = 200


def _upload_name(filename: str | None) -> str:
    """The uploaded file's own name (no directories), or 422 saying why it cannot be used."""
    name = Path((filename or "upload.csv").replace("\\", "/")).name
    if name in ("", ".", "..") or len(name) > UPLOAD_NAME_CHARS or any(ord(c) < 32 for c in name):
        raise HTTPException(422, f"the upload's file name cannot be used: give a plain name of 1 to "
                                 f"{UPLOAD_NAME_CHARS} characters, such as export.csv")
    return name


def _csv(rows: list[dict[str, Any]], columns: list[str], *, keep_formulas: bool = False) -> str:
    from ruydad.csvsafe import neutralise_cell

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v if keep_formulas else neutralise_cell(v) for k, v in row.items()})
    return buffer.getvalue()


def _geojson(rows: list[dict[str, Any]], total: int) -> dict[str, Any]:
    features = []
    for row in rows:
        lat, lon = row.get("latitude"), row.get("longitude")
        geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        features.append({"type": "Feature", "geometry": geometry, "properties": row})
    return {"type": "FeatureCollection", "total": total, "features": features}


def plain_data(value: Any) -> Any:
    """A result object as JSON-ready data: its ``as_dict()``, a dataclass's fields, or itself."""
    if hasattr(value, "as_dict"):
        return value.as_dict()
    if hasattr(value, "__dataclass_fields__"):
        from dataclasses import asdict

        return asdict(value)
    return value


def _unit_dict(unit: Any) -> dict[str, Any]:
    data = plain_data(unit)
    if isinstance(data, dict):
        data.pop("alternate_names", None)
        data.pop("names", None)
    return data if isinstance(data, dict) else {"unit": str(unit)}


__all__ = ["create_app", "plain_data"]
