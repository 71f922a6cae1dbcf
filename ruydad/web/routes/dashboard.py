"""The dashboard: one HTML page and its static scripts and styles (``ruydad/web/static``).

No ``from __future__ import annotations``: FastAPI reads the route annotations at run time.
"""

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"

router = APIRouter(include_in_schema=False)


@router.get("/")
def dashboard() -> FileResponse:
    return FileResponse(STATIC_DIR / "index.html")
