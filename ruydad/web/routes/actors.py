"""Actors: the theatre's registry and one actor's profile (names, category, relations, claims and
recorded events), the same calls as ``ruydad actors list`` and ``actors show``.

No ``from __future__ import annotations``: FastAPI reads the route annotations at run time.
"""

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from ruydad.errors import InputError
from ruydad.web.deps import ReadStore, Theatre
from ruydad.web.responses import JSONText

router = APIRouter(tags=["actors"])


@router.get("/api/actors", response_class=JSONText)
def actors(theatre: Theatre) -> Any:
    from ruydad.actors import load_registry

    return JSONText([_actor_row(a) for a in load_registry(theatre)])


@router.get("/api/actors/{actor}", response_class=JSONText)
def actor_profile(store: ReadStore, theatre: Theatre, actor: str,
                  events: Annotated[int, Query(ge=0, le=500)] = 20) -> Any:
    """Profile: names, category, relations, claims (who said them, where) and recorded events."""
    from ruydad.actors import UnknownActorError, actor_profile, find_actor, load_registry

    try:
        found = find_actor(actor, theatre)
    except (UnknownActorError, InputError) as exc:
        raise HTTPException(404, str(exc)) from exc
    return JSONText(actor_profile(found, load_registry(theatre), store, event_limit=events).as_dict())


def _actor_row(actor: Any) -> dict[str, Any]:
    return {
        "id": actor.id, "name": actor.name, "category": getattr(actor, "category", None),
        "aliases": list(actor.aliases)[:12], "acronyms": list(actor.acronyms), "parent": actor.parent_id,
    }
