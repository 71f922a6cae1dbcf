"""Analysis over HTTP: counts, trends, surges, comparisons, attribution, targets, emerging groups,
infighting, cross-border events, claim checks and the situation brief.

The same calls as the CLI's analysis commands (``ruydad stats``, ``trend``, ``surges``...). Every
route takes the event filters of ``/api/events`` and answers the figures with the method used and,
on request (``events=N``), the events behind them; grouped rows come a page at a time (``rows_limit``,
``rows_offset``).

No ``from __future__ import annotations``: FastAPI reads the route annotations at run time.
"""

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import HTMLResponse

from ruydad.web.deps import AnalysisOf, Filter, Page, ReadStore, RowPage, Theatre
from ruydad.web.responses import JSONText, plain_data

router = APIRouter(tags=["analysis"])

Events = Annotated[int, Query(ge=0, le=1000, description="Also return up to N events behind the figures")]
EARLIEST_BRIEF, LATEST_BRIEF = date(1946, 1, 1), date(2200, 1, 1)


def figures_page(figures: Any, events: int, page: RowPage | None = None) -> dict[str, Any]:
    """The result as data, its rows cut to one page (``total_rows``, ``rows_limit``, ``rows_offset``
    say which; ask for the next with ``rows_offset``), with up to ``events`` events behind it."""
    page = page or RowPage()
    data = figures.as_dict()
    rows = data.get("rows")
    if isinstance(rows, list):
        data.update(total_rows=len(rows), rows_limit=page.limit, rows_offset=page.offset,
                    rows=rows[page.offset:page.offset + page.limit])
    if events:
        data["events"] = figures.events(limit=events).to_pylist() if hasattr(figures, "events") else []
    return data


@router.get("/api/stats", response_class=JSONText)
def stats(a: AnalysisOf, page: Page, filters: Filter,
          by: Annotated[str, Query(max_length=100, description="Comma-separated dimensions")] = "",
          violent: bool = False, events: Events = 0) -> Any:
    """Events and fatalities grouped by up to three of actor, actor_category, event_type,
    sub_event_type, admin1, admin2, day, week, month."""
    dims = [d.strip() for d in by.split(",") if d.strip()]
    if len(dims) > 3:
        raise HTTPException(422, "group by at most three dimensions")
    return JSONText(figures_page(a.counts(dims, filters.but(violent=violent)), events, page))


@router.get("/api/trend", response_class=JSONText)
def trend(a: AnalysisOf, page: Page, filters: Filter,
          period: Annotated[str, Query(pattern="^(day|week|month)$")] = "month",
          by: Annotated[str | None, Query(max_length=40)] = None, violent: bool = False,
          events: Events = 0) -> Any:
    """Events per day, week or month with the change against the previous period and its test."""
    return JSONText(figures_page(a.trend(period, by, filters.but(violent=violent)), events, page))


@router.get("/api/surges", response_class=JSONText)
def surges(a: AnalysisOf, page: Page, filters: Filter,
           unit: Annotated[str, Query(pattern="^(admin1|admin2|actor)$")] = "admin1",
           at: date | None = None, definition: Annotated[str, Query(pattern="^(ruydad|acled)$")] = "ruydad",
           events: Events = 0) -> Any:
    """Units whose recent violence is well above their own baseline (with a p-value)."""
    result = a.acled_surges(filters, at=at) if definition == "acled" else a.surges(unit, filters, at=at)
    return JSONText(figures_page(result, events, page))


@router.get("/api/compare", response_class=JSONText)
def compare(a: AnalysisOf, filters: Filter,
            period_a: Annotated[str, Query(max_length=40, description="e.g. 2021-08-15..2021-12-31")],
            period_b: Annotated[str, Query(max_length=40, description="e.g. 2022H1")],
            infighting: bool = False) -> Any:
    """Two periods' event rates per 30 days, their ratio and its confidence interval (the same call as
    `ruydad compare`)."""
    from ruydad.analysis.questions import compare_kind

    return JSONText(plain_data(compare_kind(a, period_a, period_b, filters, "infighting" if infighting else "events")))


@router.get("/api/attribution", response_class=JSONText)
def attribution(a: AnalysisOf, page: Page, filters: Filter, by_family: bool = True, events: Events = 0) -> Any:
    """Shares of events by perpetrator (actor1), unidentified perpetrators included."""
    return JSONText(figures_page(a.attribution(filters, by_family=by_family), events, page))


@router.get("/api/targets", response_class=JSONText)
def targets(a: AnalysisOf, page: Page, filters: Filter, events: Events = 0) -> Any:
    return JSONText(figures_page(a.targets(filters), events, page))


@router.get("/api/emerging", response_class=JSONText)
def emerging(a: AnalysisOf, page: Page, filters: Filter, period: Annotated[str | None, Query(max_length=40)] = None,
             at: date | None = None, events: Events = 0) -> Any:
    """Groups first recorded in a period (or ACLED's definition at a date when no period)."""
    result = a.emerging_actors(period, filters) if period else a.acled_emerging_actors(filters, at=at)
    return JSONText(figures_page(result, events, page))


@router.get("/api/infighting", response_class=JSONText)
def infighting(a: AnalysisOf, page: Page, filters: Filter, events: Events = 0) -> Any:
    return JSONText(figures_page(a.infighting(filters), events, page))


@router.get("/api/cross-border", response_class=JSONText)
def cross_border(a: AnalysisOf, page: Page, filters: Filter, events: Events = 0) -> Any:
    return JSONText(figures_page(a.cross_border(filters), events, page))


@router.get("/api/check", response_class=JSONText)
def check_claim(a: AnalysisOf, filters: Filter, claim: Annotated[str, Query(min_length=1, max_length=1000)],
                published: date | None = None, events: Events = 0) -> Any:
    """Hold a claim sentence against the events (the same as `ruydad check`): supported, contradicted
    or cannot check, with what it was understood as and why. The filters fill what the sentence
    leaves out; ``published`` resolves "this year" and "since March"."""
    from ruydad.analysis.questions import check_question

    verdict = check_question(a, filters, text=claim, published=published)
    data = verdict.as_dict()
    if events:
        data["events"] = verdict.events(limit=events).to_pylist()
    return JSONText(data)


@router.get("/brief", response_class=HTMLResponse)
def brief(store: ReadStore, theatre: Theatre, date_from: date, date_to: date) -> HTMLResponse:
    """The situation brief for a period: one self-contained HTML page (the same as `ruydad brief`)."""
    from ruydad.analysis import Analysis, Period
    from ruydad.analysis.brief import render_brief

    if date_from > date_to:
        raise HTTPException(422, "date_from is after date_to")
    if date_from < EARLIEST_BRIEF or date_to > LATEST_BRIEF:
        raise HTTPException(422, "dates must be between 1946-01-01 (the earliest dataset coverage) and 2200")
    html = render_brief(Analysis.from_store(store, theatre=theatre), Period(date_from, date_to), theatre=theatre)
    return HTMLResponse(html)
