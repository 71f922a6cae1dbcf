"""A request whose queries run past the time budget answers 503 with Retry-After, on every backend,
and the server keeps answering (the budget is a dependency of every reading route,
:data:`ruydad.web.deps.ReadStore`).

A real slow query needs a route that runs one: the test adds it to the real app, reading through the
same dependency as every route; the budget is shortened so the test takes about a second.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from ruydad.store import Store
from ruydad.web import create_app, deps
from ruydad.web.deps import ReadStore

SLOW_SQL = {
    "duckdb": "SELECT count(*) FROM range(1000000000000) a",
    "postgres": "SELECT pg_sleep(30)",
}


def test_a_request_past_the_query_budget_answers_503_and_the_server_goes_on(
        store_location: str | Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(deps, "QUERY_SECONDS", 0.5)
    with Store.open(store_location) as store:
        app = create_app(store, cache=False)

        @app.get("/slow")
        def slow(reading: ReadStore) -> int:
            return len(reading.con.execute(SLOW_SQL[reading.backend]).fetchall())

        client = TestClient(app)
        answer = client.get("/slow")
        assert answer.status_code == 503, answer.text
        assert answer.headers["retry-after"] == "5"
        assert "narrow the filters" in answer.json()["detail"]
        assert client.get("/api/summary").json()["events"] == 0
