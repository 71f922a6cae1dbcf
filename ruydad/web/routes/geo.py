"""Geography: the theatre's admin units, their boundaries for maps, and place names resolved to
units (the same calls as ``ruydad geo units``, ``geo export`` and ``geo resolve``).

No ``from __future__ import annotations``: FastAPI reads the route annotations at run time.
"""

from typing import Annotated, Any

from fastapi import APIRouter, Query

from ruydad.web.deps import Theatre
from ruydad.web.responses import JSONText, plain_data

router = APIRouter(tags=["geography"])


@router.get("/api/geo/units", response_class=JSONText)
def geo_units(theatre: Theatre, level: Annotated[int, Query(ge=1, le=2)] = 1) -> Any:
    from ruydad.geo import units

    return JSONText([_unit_dict(u) for u in units(level, theatre)])


@router.get("/api/geo/boundaries", response_class=JSONText)
def geo_boundaries(theatre: Theatre, level: Annotated[int, Query(ge=1, le=2)] = 1) -> Any:
    """Simplified boundaries as GeoJSON, for maps."""
    from ruydad.geo import boundaries_geojson

    return JSONText(boundaries_geojson(level, theatre), media_type="application/geo+json")


@router.get("/api/geo/resolve", response_class=JSONText)
def geo_resolve(theatre: Theatre, name: Annotated[str, Query(min_length=1, max_length=200)],
                context: Annotated[str | None, Query(max_length=2000)] = None) -> Any:
    from ruydad.geo import resolve_place

    return JSONText([plain_data(c) for c in resolve_place(name, context=context, theatre=theatre)])


def _unit_dict(unit: Any) -> dict[str, Any]:
    """A unit without its long name lists (the dashboard needs codes and one name)."""
    data = plain_data(unit)
    if isinstance(data, dict):
        data.pop("alternate_names", None)
        data.pop("names", None)
    return data if isinstance(data, dict) else {"unit": str(unit)}
