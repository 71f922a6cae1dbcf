"""Articles: extraction of actors, places, quotes, claims, statistics and events from a text, an
HTML page or a URL (nothing stored), and storing an article (token required): the same calls as
``ruydad extract`` and ``add-article``.

Extraction runs in the app's bounded worker pool (:mod:`ruydad.web.jobs`), never in a server thread.

No ``from __future__ import annotations``: FastAPI reads the route annotations at run time.
"""

from datetime import date
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, Field

from ruydad.web.deps import AppTheatre, State, TokenUser, Writer
from ruydad.web.jobs import Job
from ruydad.web.responses import JSONText, plain_data
from ruydad.web.state import AppState

router = APIRouter(tags=["articles"])


class ArticleIn(BaseModel):
    text: str | None = Field(default=None, max_length=1_000_000, description="Plain text of the article")
    html: str | None = Field(default=None, max_length=1_000_000, description="HTML of the article page")
    url: str | None = Field(default=None, max_length=2000, description="Fetch the article from this URL")
    published: date | None = Field(default=None, description="Publication date, if the text has none")
    title: str | None = Field(default=None, max_length=500)
    id: str | None = Field(default=None, max_length=200, description="Document id (default: a hash of the text); "
                           "storing a corrected text under the same id revises its events, earlier versions kept")


def _extraction(state: AppState, body: ArticleIn) -> Any:
    """The article extracted by the server's worker pool (bounded, with a deadline), read against
    the theatre the app serves."""
    given = [x for x in (body.text, body.html, body.url) if x]
    if len(given) != 1:
        raise HTTPException(422, "give exactly one of text, html or url")
    if body.url and not body.url.startswith(("http://", "https://")):
        raise HTTPException(422, "url must start with http:// or https://")
    return state.extractions.run(Job(text=body.text, html=body.html, url=body.url, published=body.published,
                                     title=body.title, theatre=state.theatre, id=body.id))


@router.post("/api/extract", response_class=JSONText,
             responses={429: {"description": "Too many extractions from this client without a token"},
                        503: {"description": "All extraction workers busy, or the job passed its deadline"}})
def extract_article(body: ArticleIn, request: Request, state: State, user: TokenUser) -> Any:
    """Extract actors, places, quotes, claims, statistics and events from an article (nothing stored).

    Runs in a fixed pool of worker processes with a deadline per job; without a token, each
    client address has a rate limit (429 with Retry-After); when the queue is full, 503."""
    if user is None:
        state.anonymous_rate.check(request.client.host if request.client else "unknown")
    return JSONText(_extraction(state, body).to_dict())


@router.post("/api/articles", response_class=JSONText)
def add_article_route(body: ArticleIn, state: State, theatre: AppTheatre, user: Writer) -> Any:
    """Extract and store an article: its claims and reported events join the store (token required)."""
    from ruydad.ingest.articles import add_article as store_article

    extraction = _extraction(state, body)
    with state.store.writing() as store:
        report = store_article(store, extraction, theatre=theatre)
    return JSONText({"report": plain_data(report), "extraction": extraction.to_dict()})
