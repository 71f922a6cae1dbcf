"""The news watch: sources, incidents and their reports, reconciliation against a dataset.

Thin faces over :mod:`ruydad.watch` and :mod:`ruydad.incidents` (the same functions as ``ruydad
watch status``, ``ruydad incidents list|show`` and ``ruydad reconcile``). Read-only: polling and
the analyst's split/merge decisions go through the CLI, which owns the store's single writer.

No ``from __future__ import annotations``: FastAPI reads the route annotations at run time.
"""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import JSONResponse, Response

from ruydad.errors import InputError
from ruydad.web.deps import ReadStore
from ruydad.web.responses import JSONText

router = APIRouter(tags=["news watch"])


@router.get("/api/watch/sources")
def watch_sources(store: ReadStore) -> Response:
    """Every watched source with its kind, last success, last error and article count."""
    from ruydad.watch.sources import list_sources

    return JSONText([s.as_dict() for s in list_sources(store)])


@router.get("/api/incidents")
def incidents(store: ReadStore,
              date_from: Annotated[date | None, Query(description="Incidents ending on or after")] = None,
              date_to: Annotated[date | None, Query(description="Incidents starting on or before")] = None,
              admin1: Annotated[str | None, Query(max_length=100, description="Province name or code")] = None,
              merged: Annotated[bool, Query(description="Only incidents merged from 2+ reports")] = False,
              limit: Annotated[int, Query(ge=1, le=1000)] = 100,
              offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0) -> Response:
    """Incidents, newest first, with the low/best/high of killed, wounded and detained over their reports."""
    from ruydad.incidents import count_incidents, list_incidents

    rows = list_incidents(store, date_from=date_from, date_to=date_to, admin1=admin1,
                          min_reports=2 if merged else 1, limit=limit, offset=offset)
    return JSONText({"total": count_incidents(store), "incidents": rows})


@router.get("/api/incidents/{incident_id}")
def incident(store: ReadStore, incident_id: Annotated[str, Path(max_length=40)]) -> Response:
    """One incident with every report: outlet, URL, figures, sentence and why it was merged."""
    from ruydad.incidents import get_incident

    try:
        return JSONText(get_incident(store, incident_id))
    except InputError as exc:
        return JSONResponse({"detail": str(exc)}, status_code=404)


@router.get("/api/reconcile")
def reconcile(store: ReadStore,
              period: Annotated[str, Query(max_length=40, description="2022H1, 2022Q2, 2022-06, 2022 or A..B")],
              dataset: Annotated[str, Query(max_length=40)] = "acled",
              admin1: Annotated[list[str] | None, Query(max_length=100)] = None) -> Response:
    """News incidents against a dataset's events: in both, only in the news, only in the dataset,
    with match rates by province and event type."""
    from ruydad.incidents import reconcile as reconcile_news

    return JSONText(reconcile_news(store, dataset=dataset, period=period, admin1=admin1 or []).as_dict())


@router.get("/api/news-claims")
def news_claims(store: ReadStore,
                repeated: Annotated[bool, Query(description="Only claims carried by two or more outlets")] = False,
                theatre: Annotated[str | None, Query(max_length=60)] = None,
                limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> Response:
    """Claims quoted in the news, the same claim from several articles grouped with its outlets and reports."""
    from ruydad.incidents import news_claims as grouped

    return JSONText(grouped(store, theatre=theatre, min_outlets=2 if repeated else 1, limit=limit))
