"""Every GET route answers the same on PostgreSQL as on DuckDB (issue 13: the team server's face runs
on both backends), over two store contents: the UCDP sample with the theatre's seed claims, and the
news watch's real reports merged into incidents beside an ACLED-format export (tests/watch).

The routes are read from the app itself, so a route added later is covered without editing this
test; the parameters some routes require come from :data:`EXAMPLES`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from ruydad.actors import save_seed_claims
from ruydad.ingest import ingest_file
from ruydad.store import Store
from ruydad.theatres import DEFAULT_THEATRE
from ruydad.web import create_app

pytestmark = pytest.mark.postgres

EXAMPLES = {
    "period_a": "2021-08-15..2021-12-31", "period_b": "2022H1", "claim": "up to 300 clashes NRF 2022H1",
    "date_from": "2022-01-01", "date_to": "2022-06-30", "name": "Khost", "period": "2022H1",
}
PATHS = {"{dataset}": "ucdp", "{event_id}": "444946", "{actor}": "NRF", "{incident_id}": "none"}
MORE = {"/api/stats": {"by": "admin1,month", "events": "3"}, "/api/trend": {"events": "3"},
        "/api/events": {"actor": "NRF", "limit": "50"}, "/api/attribution": {"events": "3"}}
"""Extra parameters that make a route do more of its work (events behind figures, grouping)."""
VOLATILE = {"ingested_at", "created_at", "started_at", "finished_at", "built_at", "path", "store", "batch_id",
            "elapsed_s"}
"""Keys whose values depend on when or where the store was written, not on what it holds."""


def _calls(app: Any, paths: dict[str, str]) -> list[tuple[str, dict[str, str]]]:
    calls = []
    for route in app.routes:
        if not isinstance(route, APIRoute) or "GET" not in route.methods or not route.path.startswith("/api/"):
            continue
        path = route.path
        for slot, value in {**PATHS, **paths}.items():
            path = path.replace(slot, value)
        required = {p.alias for p in route.dependant.query_params if p.field_info.is_required()}
        for sub in route.dependant.dependencies:
            required |= {p.alias for p in sub.query_params if p.field_info.is_required()}
        assert required <= set(EXAMPLES), f"{route.path} needs {required - set(EXAMPLES)}: add them to EXAMPLES"
        calls.append((path, {**{n: EXAMPLES[n] for n in required}, **MORE.get(route.path, {})}))
    return calls


def _stable(value: Any) -> Any:
    """The answer without volatile keys, floats rounded (the engines sum in different orders)."""
    if isinstance(value, dict):
        return {k: _stable(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [_stable(v) for v in value]
    if isinstance(value, float):
        return round(value, 9)
    return value


def _sample(store: Store, folder: Path) -> None:
    ingest_file(store, Path(__file__).resolve().parents[2] / "ruydad" / "data" / "sample" / "ucdp_aec_afghanistan.csv",
                "ucdp")
    save_seed_claims(store, DEFAULT_THEATRE)


def _news(store: Store, folder: Path) -> None:
    from ruydad.extract import from_text
    from ruydad.incidents import build_incidents
    from ruydad.ingest.articles import add_article
    from tests.watch.test_dashboard import REPORTS, _acled

    for r in json.loads(REPORTS.read_text("utf-8")):
        add_article(store, from_text(f"{r['title']}\n\n{r['text']}", id=r["id"], title=r["title"],
                                     published=date.fromisoformat(r["published"]), source=r["outlet"], url=r["url"]))
    build_incidents(store)
    ingest_file(store, _acled(folder / "acled.csv"), "acled")


@pytest.fixture(scope="module", params=[_sample, _news], ids=["sample", "news"])
def answers(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
            pg_server: Any) -> Iterator[dict[str, Any]]:
    """Each backend's answer to every GET route, keyed by the call, over one store content."""
    found: dict[str, Any] = {}
    folder = tmp_path_factory.mktemp("agree")
    locations = {"duckdb": folder / "agree.duckdb",
                 "postgres": pg_server.create_database(f"web_agree_{os.getpid()}_{request.param.__name__[1:]}")}
    for backend, location in locations.items():
        with Store.open(location) as store:
            request.param(store, folder)
            app = create_app(store, cache=False)
            client = TestClient(app, raise_server_exceptions=False)
            incidents = client.get("/api/incidents").json()["incidents"]
            paths = {"{incident_id}": incidents[0]["incident_id"]} if incidents else {}
            found[backend] = {f"{path} {json.dumps(params, sort_keys=True)}": client.get(path, params=params)
                              for path, params in _calls(app, paths)}
    yield found


def test_every_get_route_answers_on_postgresql(answers: dict[str, Any]) -> None:
    failed = {call: (r.status_code, r.text[:300]) for call, r in answers["postgres"].items()
              if r.status_code >= 500 or r.status_code != answers["duckdb"][call].status_code}
    assert failed == {}
    assert len(answers["postgres"]) >= 25


def test_every_get_route_answers_the_same_on_both_backends(answers: dict[str, Any]) -> None:
    differ = []
    for call, duck in answers["duckdb"].items():
        pg = answers["postgres"][call]
        if duck.headers.get("content-type", "").startswith("application/json"):
            if _stable(duck.json()) != _stable(pg.json()):
                differ.append(call)
        elif duck.content != pg.content:
            differ.append(call)
    assert differ == []
