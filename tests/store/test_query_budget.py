"""The query time budget, on every backend: a query past it is stopped and reported as QueryTimeout.

The HTTP API answers such a request 503 with Retry-After (ruydad/web/app.py); DuckDB stops the query
by interrupting its connection, PostgreSQL by ``statement_timeout``.
"""

from __future__ import annotations

import time

import pytest

from ruydad.errors import QueryTimeout
from ruydad.store import Store

SLOW_SQL = {
    "duckdb": "SELECT count(*) FROM range(1000000000000) a",
    "postgres": "SELECT pg_sleep(30)",
}


def test_a_query_past_its_budget_is_stopped(store: Store) -> None:
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match=r"longer than 0\.5 s"), store.query_budget(0.5):
        store.con.execute(SLOW_SQL[store.backend]).fetchall()
    assert time.monotonic() - started < 20


def test_queries_within_the_budget_run_and_the_store_stays_usable(store: Store) -> None:
    with store.query_budget(30):
        assert store.count_events() == 0
    with pytest.raises(QueryTimeout), store.query_budget(0.2):
        store.con.execute(SLOW_SQL[store.backend]).fetchall()
    assert store.count_events() == 0  # neither the interrupt nor the timeout outlives the budget
    if store.backend == "postgres":
        row = store.con.execute("SHOW statement_timeout").fetchone()
        assert row is not None and row[0] == "0"
