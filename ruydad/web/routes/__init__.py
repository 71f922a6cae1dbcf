"""The HTTP routes, one :class:`fastapi.APIRouter` per subject, each route a thin call into the
Python API (``ruydad.store``, ``ruydad.analysis``, ``ruydad.geo``, ``ruydad.actors``,
``ruydad.extract``, ``ruydad.incidents``).

Routes ask for what they need (a store under the time budget, the theatre, a token) through the
dependencies in :mod:`ruydad.web.deps`; :func:`ruydad.web.app.create_app` includes :data:`ROUTERS`.
"""

from __future__ import annotations

from fastapi import APIRouter

from ruydad.web.routes import actors, analysis, articles, claims, dashboard, events, geo, watch

ROUTERS: tuple[APIRouter, ...] = (events.router, geo.router, analysis.router, actors.router, claims.router,
                                  articles.router, watch.router, dashboard.router)
"""In the order the OpenAPI schema lists them."""

__all__ = ["ROUTERS"]
