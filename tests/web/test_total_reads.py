"""Every read is total over any stored data (issue 16, finding 5): events without dates, NULs and
formula characters in names, empty stores. Hypothesis stores random events; every GET route of the
app and the reading CLI commands must answer without a 500 or a traceback.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ruydad.store import Store
from ruydad.web import create_app

NAMES = st.one_of(
    st.none(),
    st.sampled_from(["Taliban", "NRF", "Islamic State (Afghanistan)", "Civilians (Afghanistan)", "Unidentified"]),
    st.text(alphabet=st.sampled_from(list("aZ =+-@\t\r\x00,\"'é")), max_size=12),
)
EVENTS = st.fixed_dictionaries({
    "event_date": st.one_of(st.none(), st.dates(date(2019, 1, 1), date(2023, 12, 31))),
    "event_type": st.one_of(st.none(), st.sampled_from(
        ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "\x00"])),
    "sub_event_type": st.one_of(st.none(), st.sampled_from(["Armed clash", "Attack", "Air/drone strike"])),
    "actor1": NAMES, "actor2": NAMES, "assoc_actor_1": NAMES,
    "admin1": st.one_of(st.none(), st.sampled_from(["Panjshir", "Baghlan", "Kabul", "=1+1", "\x00"])),
    "admin2": NAMES,
    "country": st.one_of(st.none(), st.sampled_from(["Afghanistan", "Pakistan"])),
    "dataset": st.sampled_from(["acled", "ucdp", "article"]),
    "fatalities": st.one_of(st.none(), st.integers(0, 500)),
    "latitude": st.one_of(st.none(), st.floats(29, 39)),
    "longitude": st.one_of(st.none(), st.floats(60, 75)),
    "notes": NAMES,
})

EXAMPLE_QUERY = {
    "period_a": "2021-08-15..2021-12-31", "period_b": "2022H1", "claim": "up to 300 clashes NRF 2022H1",
    "date_from": "2022-01-01", "date_to": "2022-06-30", "name": "Khost",
}
"""Values for the query parameters some routes require."""


def _store(path: Path, events: list[dict[str, Any]]) -> None:
    with Store.open(path) as store:
        for number, event in enumerate(events):
            row = {**event, "dataset_event_id": f"E{number}", "event_id_cnty": f"E{number}", "revision": 1,
                   "batch_id": 1, "year": event["event_date"].year if event["event_date"] else None}
            columns = ", ".join(row)
            store.con.execute(f"INSERT INTO events ({columns}) VALUES ({', '.join('?' * len(row))})",
                              list(row.values()))


def _calls(app: Any, events: list[dict[str, Any]]) -> list[tuple[str, dict[str, str]]]:
    """Every GET route with its required parameters filled, plain and asking for events behind figures."""
    calls = []
    for route in app.routes:
        if not isinstance(route, APIRoute) or "GET" not in route.methods:
            continue
        path = route.path
        if "{dataset}" in path:
            if not events:
                continue
            path = path.replace("{dataset}", events[0]["dataset"]).replace("{event_id}", "E0")
        path = path.replace("{actor}", "NRF")
        if "{" in path:
            continue
        required = {p.alias for p in route.dependant.query_params if p.field_info.is_required()}
        if not required <= set(EXAMPLE_QUERY):
            continue  # a route of another feature needing values this test cannot make up
        params = {name: EXAMPLE_QUERY[name] for name in required}
        calls.append((path, params))
        names = {p.alias for p in route.dependant.query_params}
        for sub in route.dependant.dependencies:
            names |= {p.alias for p in sub.query_params}
        if "events" in names:
            calls.append((path, {**params, "events": "5"}))
        if "by" in names and path == "/api/stats":
            calls.append((path, {**params, "by": "actor,admin1,month", "events": "5"}))
        if path == "/api/events":
            calls.append((path, {**params, "format": "csv"}))
            calls.append((path, {**params, "format": "geojson", "actor": "NRF"}))
    return calls


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(events=st.lists(EVENTS, max_size=12))
def test_every_read_route_answers_without_500_over_random_events(events: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        _store(Path(tmp) / "random.duckdb", events)
        with Store.open(Path(tmp) / "random.duckdb") as store:
            app = create_app(store, cache=False)
            client = TestClient(app, raise_server_exceptions=False)
            calls = _calls(app, events)
            assert len(calls) > 20
            for path, params in calls:
                answer = client.get(path, params=params)
                assert answer.status_code < 500, (path, params, answer.text[:500])


CLI_COMMANDS = [
    ["trend"], ["stats", "--by", "actor"], ["stats", "--by", "admin1,month", "--events"],
    ["events", "--format", "csv", "--limit", "0"], ["events", "--format", "json"], ["emerging"],
    ["emerging", "--period", "2022H1"], ["surges"], ["attribution"], ["targets"], ["infighting"], ["status"],
    ["batches"],
]


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(events=st.lists(EVENTS, max_size=12))
def test_reading_commands_never_show_a_traceback_over_random_events(events: list[dict[str, Any]]) -> None:
    from ruydad.cli import app

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "random.duckdb"
        _store(db, events)
        for command in CLI_COMMANDS:
            result = CliRunner().invoke(app, ["--db", str(db), *command])
            assert result.exit_code in (0, 1), (command, result.output[-2000:], result.exception)
            assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), (
                command, repr(result.exception))


def test_an_article_event_without_a_date_leaves_trend_and_the_dashboard_working(tmp_path: Path) -> None:
    """The finding as reported: `add-article` of a sentence without a date, then `trend` and /api/trend."""
    from ruydad.analysis import Analysis
    from ruydad.extract import from_text
    from ruydad.ingest.articles import add_article

    with Store.open(tmp_path / "undated.duckdb") as store:
        add_article(store, from_text("Taliban attacked NRF in Panjshir."))
        assert store.con.execute("SELECT count(*) FROM events WHERE event_date IS NULL").fetchone() == (1,)
        Analysis.from_store(store).trend("month")
        client = TestClient(create_app(store))
        for path in ("/api/trend", "/api/summary", "/api/stats?by=admin1", "/api/events"):
            assert client.get(path).status_code == 200, path


@pytest.mark.parametrize("params", [{"events": "5"}, {"period": "2022H1", "events": "5"}])
def test_a_nul_in_a_stored_actor_name_does_not_break_emerging(tmp_path: Path, params: dict[str, str]) -> None:
    events = [{"event_date": date(2022, 3, d), "event_type": "Battles", "sub_event_type": "Armed clash",
               "actor1": "New\x00Front", "actor2": "Taliban", "assoc_actor_1": None, "admin1": "Panjshir",
               "admin2": None, "country": "Afghanistan", "dataset": "acled", "fatalities": 1, "latitude": 35.3,
               "longitude": 69.5, "notes": None} for d in range(1, 8)]
    _store(tmp_path / "nul.duckdb", events)
    with Store.open(tmp_path / "nul.duckdb") as store:
        answer = TestClient(create_app(store), raise_server_exceptions=False).get("/api/emerging", params=params)
    assert answer.status_code == 200, answer.text[:500]
