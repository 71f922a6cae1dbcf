"""HTTP routes over the analysis, actors/claims and extraction APIs.

Kept apart from :mod:`ruydad.web.app` (store, geography, dashboard) so each face stays small.
Every analysis route takes the same event filters as ``/api/events`` and returns the figures
together with the method used and, on request (``events=N``), the events behind them.
"""


from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from ruydad.errors import InputError
from ruydad.query import Filters


def _analysis_filters(f: Filters, **more: Any) -> Filters:
    return f.but(**more) if more else f


MAX_ROWS = 10_000


@dataclass(frozen=True)
class RowPage:
    """Which of a result's rows one response carries: grouped figures can run to millions of rows."""

    limit: int = 1000
    offset: int = 0


def _row_page(rows_limit: Annotated[int, Query(ge=1, le=MAX_ROWS, description="Rows per page")] = 1000,
              rows_offset: Annotated[int, Query(ge=0, le=100_000_000, description="Rows to skip")] = 0) -> RowPage:
    return RowPage(rows_limit, rows_offset)


Page = Annotated[RowPage, Depends(_row_page)]


def _figures(figures: Any, events: int, page: RowPage | None = None) -> dict[str, Any]:
    """The result as data, its rows cut to one page (``total_rows``, ``rows_limit``, ``rows_offset``
    say which; ask for the next with ``rows_offset``)."""
    page = page or RowPage()
    data = figures.as_dict()
    rows = data.get("rows")
    if isinstance(rows, list):
        data.update(total_rows=len(rows), rows_limit=page.limit, rows_offset=page.offset,
                    rows=rows[page.offset:page.offset + page.limit])
    if events:
        data["events"] = figures.events(limit=events).to_pylist() if hasattr(figures, "events") else []
    return data


def register(app: FastAPI, reader: Any, state: Any, filter_dep: Any, writer_dep: Any) -> None:
    from ruydad.web.app import JSONText, plain_data

    Events = Annotated[int, Query(ge=0, le=1000, description="Also return up to N events behind the figures")]

    def analysis(store: Any) -> Any:
        from ruydad.analysis import Analysis

        return Analysis.from_store(store)

    # -- analysis ----------------------------------------------------------------------------

    @app.get("/api/stats", tags=["analysis"], response_class=JSONText)
    def stats(page: Page, filters: filter_dep,
              by: Annotated[str, Query(max_length=100, description="Comma-separated dimensions")] = "",
              violent: bool = False, events: Events = 0) -> Any:
        """Events and fatalities grouped by up to three of actor, actor_category, event_type,
        sub_event_type, admin1, admin2, day, week, month."""
        dims = [d.strip() for d in by.split(",") if d.strip()]
        if len(dims) > 3:
            raise HTTPException(422, "group by at most three dimensions")
        with reader() as store:
            return JSONText(_figures(analysis(store).counts(dims, _analysis_filters(filters, violent=violent)),
                                     events, page))

    @app.get("/api/trend", tags=["analysis"], response_class=JSONText)
    def trend(page: Page, filters: filter_dep,
              period: Annotated[str, Query(pattern="^(day|week|month)$")] = "month",
              by: Annotated[str | None, Query(max_length=40)] = None, violent: bool = False,
              events: Events = 0) -> Any:
        """Events per day, week or month with the change against the previous period and its test."""
        with reader() as store:
            result = analysis(store).trend(period, by, _analysis_filters(filters, violent=violent))
            return JSONText(_figures(result, events, page))

    @app.get("/api/surges", tags=["analysis"], response_class=JSONText)
    def surges(page: Page, filters: filter_dep,
               unit: Annotated[str, Query(pattern="^(admin1|admin2|actor)$")] = "admin1",
               at: date | None = None, definition: Annotated[str, Query(pattern="^(ruydad|acled)$")] = "ruydad",
               events: Events = 0) -> Any:
        """Units whose recent violence is well above their own baseline (with a p-value)."""
        with reader() as store:
            a = analysis(store)
            f = _analysis_filters(filters)
            result = a.acled_surges(f, at=at) if definition == "acled" else a.surges(unit, f, at=at)
            return JSONText(_figures(result, events, page))

    @app.get("/api/compare", tags=["analysis"], response_class=JSONText)
    def compare(filters: filter_dep,
                period_a: Annotated[str, Query(max_length=40, description="e.g. 2021-08-15..2021-12-31")],
                period_b: Annotated[str, Query(max_length=40, description="e.g. 2022H1")],
                infighting: bool = False) -> Any:
        """Two periods' event rates per 30 days, their ratio and its confidence interval."""
        with reader() as store:
            a = analysis(store)
            f = _analysis_filters(filters)
            if infighting:
                f = a.infighting_filter(f)
            return JSONText(plain_data(a.compare(period_a, period_b, f)))

    @app.get("/api/attribution", tags=["analysis"], response_class=JSONText)
    def attribution(page: Page, filters: filter_dep, by_family: bool = True, events: Events = 0) -> Any:
        """Shares of events by perpetrator (actor1), unidentified perpetrators included."""
        with reader() as store:
            return JSONText(_figures(analysis(store).attribution(_analysis_filters(filters), by_family=by_family),
                                     events, page))

    @app.get("/api/targets", tags=["analysis"], response_class=JSONText)
    def targets(page: Page, filters: filter_dep, events: Events = 0) -> Any:
        with reader() as store:
            return JSONText(_figures(analysis(store).targets(_analysis_filters(filters)), events, page))

    @app.get("/api/emerging", tags=["analysis"], response_class=JSONText)
    def emerging(page: Page, filters: filter_dep, period: Annotated[str | None, Query(max_length=40)] = None,
                 at: date | None = None, events: Events = 0) -> Any:
        """Groups first recorded in a period (or ACLED's definition at a date when no period)."""
        with reader() as store:
            a = analysis(store)
            f = _analysis_filters(filters)
            result = a.emerging_actors(period, f) if period else a.acled_emerging_actors(f, at=at)
            return JSONText(_figures(result, events, page))

    @app.get("/api/infighting", tags=["analysis"], response_class=JSONText)
    def infighting(page: Page, filters: filter_dep, events: Events = 0) -> Any:
        with reader() as store:
            return JSONText(_figures(analysis(store).infighting(_analysis_filters(filters)), events, page))

    @app.get("/api/cross-border", tags=["analysis"], response_class=JSONText)
    def cross_border(page: Page, filters: filter_dep, events: Events = 0) -> Any:
        with reader() as store:
            return JSONText(_figures(analysis(store).cross_border(_analysis_filters(filters)), events, page))

    @app.get("/api/check", tags=["analysis"], response_class=JSONText)
    def check_claim(filters: filter_dep, claim: Annotated[str, Query(min_length=1, max_length=1000)],
                    published: date | None = None, events: Events = 0) -> Any:
        """Hold a claim sentence against the events (the same as `ruydad check`): supported, contradicted
        or cannot check, with what it was understood as and why. The filters fill what the sentence
        leaves out; ``published`` resolves "this year" and "since March"."""
        from ruydad.analysis.claims import check_text

        with reader() as store:
            verdict = check_text(analysis(store), claim, base=_analysis_filters(filters), published=published)
            data = verdict.as_dict()
            if events:
                data["events"] = verdict.events(limit=events).to_pylist()
            return JSONText(data)

    @app.get("/brief", tags=["analysis"], response_class=HTMLResponse)
    def brief(date_from: date, date_to: date,
              theatre: Annotated[str, Query(max_length=60)] = "afghanistan") -> HTMLResponse:
        """The situation brief for a period: one self-contained HTML page (the same as `ruydad brief`)."""
        from ruydad.analysis import Analysis, Period
        from ruydad.analysis.brief import render_brief

        if date_from > date_to:
            raise HTTPException(422, "date_from is after date_to")
        if date_from < date(1946, 1, 1) or date_to > date(2200, 1, 1):
            raise HTTPException(422, "dates must be between 1946-01-01 (the earliest dataset coverage) and 2200")
        with reader() as store:
            html = render_brief(Analysis.from_store(store, theatre=theatre), Period(date_from, date_to),
                                theatre=theatre)
        return HTMLResponse(html)

    # -- actors and claims -------------------------------------------------------------------

    @app.get("/api/actors", tags=["actors"], response_class=JSONText)
    def actors(theatre: Annotated[str, Query(max_length=60)] = "afghanistan") -> Any:
        from ruydad.actors import load_registry

        registry = load_registry(theatre)
        return JSONText([_actor_row(a) for a in registry])

    @app.get("/api/actors/{actor}", tags=["actors"], response_class=JSONText)
    def actor_profile(actor: str, theatre: Annotated[str, Query(max_length=60)] = "afghanistan",
                      events: Annotated[int, Query(ge=0, le=500)] = 20) -> Any:
        """Profile: names, category, relations, claims (who said them, where) and recorded events."""
        from ruydad.actors import UnknownActorError, actor_profile, find_actor, load_registry

        try:
            found = find_actor(actor, theatre)
        except (UnknownActorError, InputError) as exc:
            raise HTTPException(404, str(exc)) from exc
        with reader() as store:
            return JSONText(actor_profile(found, load_registry(theatre), store, event_limit=events).as_dict())

    @app.get("/api/claims", tags=["claims"], response_class=JSONText)
    def claims(actor: Annotated[str | None, Query(max_length=200)] = None,
               predicate: Annotated[str | None, Query(max_length=60)] = None,
               limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> Any:
        from ruydad.actors import ClaimFilter, UnknownActorError, claims_table, find_actor

        actor_id = None
        if actor:
            try:
                actor_id = find_actor(actor).id
            except (UnknownActorError, InputError) as exc:
                raise HTTPException(404, str(exc)) from exc
        with reader() as store:
            rows = claims_table(store, ClaimFilter(actor=actor_id, predicate=predicate)).to_pylist()
        return JSONText(rows[:limit])

    @app.get("/api/claims/conflicts", tags=["claims"], response_class=JSONText)
    def conflicts() -> Any:
        """Claims that contradict each other, side by side."""
        from ruydad.actors import find_conflicts, load_claims

        with reader() as store:
            found = find_conflicts(load_claims(store))
        return JSONText([c.as_dict() for c in found])

    # -- articles ----------------------------------------------------------------------------

    from ruydad.web.app import ArticleIn

    def _extraction(body: ArticleIn) -> Any:
        """The article extracted by the server's worker pool (bounded, with a deadline)."""
        from ruydad.web.jobs import Job

        given = [x for x in (body.text, body.html, body.url) if x]
        if len(given) != 1:
            raise HTTPException(422, "give exactly one of text, html or url")
        if body.url and not body.url.startswith(("http://", "https://")):
            raise HTTPException(422, "url must start with http:// or https://")
        return state.extractions.run(Job(text=body.text, html=body.html, url=body.url, published=body.published,
                                         title=body.title))

    @app.post("/api/extract", tags=["articles"], response_class=JSONText,
              responses={429: {"description": "Too many extractions from this client without a token"},
                         503: {"description": "All extraction workers busy, or the job passed its deadline"}})
    def extract_article(body: ArticleIn, request: Request,
                        authorization: Annotated[str | None, Header()] = None) -> Any:
        """Extract actors, places, quotes, claims, statistics and events from an article (nothing stored).

        Runs in a fixed pool of worker processes with a deadline per job; without a token, each
        client address has a rate limit (429 with Retry-After); when the queue is full, 503."""
        if state.token_user(authorization) is None:
            state.anonymous_rate.check(request.client.host if request.client else "unknown")
        return JSONText(_extraction(body).to_dict())

    @app.post("/api/articles", tags=["articles"], response_class=JSONText)
    def add_article_route(body: ArticleIn, user: writer_dep) -> Any:
        """Extract and store an article: its claims and reported events join the store (token required)."""
        from ruydad.extract import add_article

        extraction = _extraction(body)
        with state.store.writing() as store:
            report = add_article(store, extraction)
        return JSONText({"report": plain_data(report), "extraction": extraction.to_dict()})


def _actor_row(actor: Any) -> dict[str, Any]:
    return {
        "id": actor.id, "name": actor.name, "category": getattr(actor, "category", None),
        "aliases": list(actor.aliases)[:12], "acronyms": list(actor.acronyms), "parent": actor.parent_id,
    }
