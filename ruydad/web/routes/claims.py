"""Sourced claims about actors, and the claims that contradict each other: the same calls as
``ruydad claims`` and ``claims conflicts``.

No ``from __future__ import annotations``: FastAPI reads the route annotations at run time.
"""

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from ruydad.errors import InputError
from ruydad.web.deps import AppTheatre, ReadStore
from ruydad.web.responses import JSONText

router = APIRouter(tags=["claims"])


@router.get("/api/claims", response_class=JSONText)
def claims(store: ReadStore, theatre: AppTheatre, actor: Annotated[str | None, Query(max_length=200)] = None,
           predicate: Annotated[str | None, Query(max_length=60)] = None,
           limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> Any:
    from ruydad.actors import ClaimFilter, UnknownActorError, claims_table, find_actor

    actor_id = None
    if actor:
        try:
            actor_id = find_actor(actor, theatre).id
        except (UnknownActorError, InputError) as exc:
            raise HTTPException(404, str(exc)) from exc
    rows = claims_table(store, ClaimFilter(actor=actor_id, predicate=predicate)).to_pylist()
    return JSONText(rows[:limit])


@router.get("/api/claims/conflicts", response_class=JSONText)
def conflicts(store: ReadStore) -> Any:
    """Claims that contradict each other, side by side."""
    from ruydad.actors import find_conflicts, load_claims

    return JSONText([c.as_dict() for c in find_conflicts(load_claims(store))])
