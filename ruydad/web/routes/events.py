"""Events: what the store holds, pages of events (JSON, CSV, GeoJSON), one event's revisions, and
ingesting an uploaded export. The same calls as ``ruydad status``, ``events``, ``history`` and
``ingest``.

No ``from __future__ import annotations``: FastAPI reads the route annotations at run time.
"""

import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response
from starlette.datastructures import UploadFile as StarletteUploadFile

from ruydad.model import EVENT_COLUMN_NAMES
from ruydad.store.summary import page_cursor
from ruydad.web.deps import AppTheatre, Filter, ReadStore, State, Writer
from ruydad.web.responses import JSONText, csv_text

router = APIRouter(tags=["events"])

MAX_PAGE_SIZE = 1000
MAX_UPLOAD_BODY = 512 * 1024 * 1024
UPLOAD_NAME_CHARS = 200


@router.get("/api/summary", response_class=JSONText)
def summary(store: ReadStore) -> Any:
    """What the store holds: events by dataset, dates, revisions, quarantine."""
    return JSONText(store.summary().__dict__)


@router.get("/api/events", response_class=JSONText,
            responses={200: {"content": {"text/csv": {}, "application/geo+json": {}}}})
def list_events(
    store: ReadStore,
    theatre: AppTheatre,
    filters: Filter,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    after: Annotated[str | None, Query(max_length=600, description=(
        "Page cursor: the `next` value of the previous page; the page starts right after its last event "
        "(keyset paging: as fast on page 1000 as on page 1, and stable while events are stored)"))] = None,
    fields: Annotated[str | None, Query(max_length=2000, description=(
        "Comma-separated event columns to return (as ACLED's API `fields`); the date, dataset and "
        "event id are always included, for the page cursor and links. Default: every column"))] = None,
    format: Annotated[str, Query(pattern="^(json|csv|geojson)$")] = "json",
    formulas: Annotated[str, Query(pattern="^(neutralise|keep)$", description=(
        "CSV only: `neutralise` (default) puts a quote before text cells starting with = + - @ tab or CR, "
        "so spreadsheets do not run them as formulas (OWASP CSV injection); `keep` for trusted pipelines"
    ))] = "neutralise",
) -> Response:
    """Events matching the filters, newest first, a page at a time (JSON, CSV or GeoJSON)."""
    query = store.query_context(theatre).resolve(filters)  # names read with the theatre's registry and gazetteer
    table = store.events(query, limit=limit, offset=offset, after=after, columns=_fields(fields, format))
    total = store.count_events(query)
    if format == "csv":
        return Response(csv_text(table.to_pylist(), table.column_names, keep_formulas=formulas == "keep"),
                        media_type="text/csv", headers={"X-Total-Count": str(total)})
    if format == "geojson":
        from ruydad.output import geojson

        return JSONText({**geojson(table), "total": total}, media_type="application/geo+json")
    rows = table.to_pylist()
    return JSONText({"total": total, "limit": limit, "offset": offset, "matched": query.matched(),
                     "problems": query.problems, "events": rows,
                     "next": page_cursor(rows[-1]) if len(rows) == limit else None})


def _fields(fields: str | None, format: str) -> list[str] | None:
    """The columns ``fields`` asks for, with those a page always needs; an unknown one is a 400
    naming it and the known columns."""
    if fields is None or not fields.strip():
        return None
    asked = [f.strip() for f in fields.split(",") if f.strip()]
    unknown = [f for f in asked if f not in EVENT_COLUMN_NAMES]
    if unknown:
        raise HTTPException(400, f"fields: unknown event column(s) {', '.join(unknown)}; "
                                 f"known: {', '.join(EVENT_COLUMN_NAMES)}")
    needed = ["event_date", "dataset", "dataset_event_id"] + (["latitude", "longitude"] if format == "geojson" else [])
    return list(dict.fromkeys([*needed, *asked]))


@router.get("/api/events/{dataset}/{event_id}", response_class=JSONText)
def event_detail(store: ReadStore, dataset: str, event_id: str) -> Any:
    """One event with every stored revision."""
    history = store.event_history(dataset, event_id).to_pylist()
    if not history:
        raise HTTPException(404, f"no event {event_id!r} in dataset {dataset!r}")
    current = [h for h in history if h["change"] == "current"]
    return JSONText({"event": current[0] if current else None, "revisions": history})


@router.post("/api/ingest/{dataset}", response_class=JSONText, max_body_size=MAX_UPLOAD_BODY,
             openapi_extra={"requestBody": {"content": {"multipart/form-data": {"schema": {
                 "type": "object", "required": ["file"],
                 "properties": {"file": {"type": "string", "format": "binary", "description": "CSV export"}}}}}}})
async def ingest(dataset: str, user: Writer, state: State, request: Request) -> Any:
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
        name = upload_name(file.filename)
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


def upload_name(filename: str | None) -> str:
    """The uploaded file's own name (no directories), or 422 saying why it cannot be used."""
    name = Path((filename or "upload.csv").replace("\\", "/")).name
    if name in ("", ".", "..") or len(name) > UPLOAD_NAME_CHARS or any(ord(c) < 32 for c in name):
        raise HTTPException(422, f"the upload's file name cannot be used: give a plain name of 1 to "
                                 f"{UPLOAD_NAME_CHARS} characters, such as export.csv")
    return name
