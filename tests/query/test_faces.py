"""Every face gives the question one answer: the CLI's events, the analysis commands, the HTTP API and the
actor commands all read filters through the query model and say what they matched."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ruydad.analysis import Analysis
from ruydad.cli import app
from ruydad.query import Filters
from ruydad.store import Store
from ruydad.web import create_app

runner = CliRunner()


def ids(table) -> set[tuple[str, str]]:
    return set(zip(table["dataset"].to_pylist(), table["dataset_event_id"].to_pylist(), strict=True))


ACTORS = [None, "NRF", "Taliban", "AFF", "ISKP", "Pakistan", "=Taleban", "Islamic State", "Civilians",
          "National Resistance Front of Afghanistan", "Hazara"]
PLACES = [None, "Panjshir", "Panjsher", "AF-PAN", "Kunar", "Nangarhar,Kabul", "AF0806", "Khost"]
TYPES = [None, "Battles", "Violence against civilians", "explosions/remote violence", "Battles,Riots"]
DAYS = [None, date(2001, 1, 1), date(2021, 8, 15), date(2022, 1, 1), date(2022, 6, 30)]

filters_strategy = st.builds(
    lambda actor, actor1, admin1, event_type, dataset, start, length, civilians: Filters(
        actor=actor, actor1=actor1, admin1=admin1, event_type=event_type, dataset=dataset, date_from=start,
        date_to=None if start is None or length is None else start + timedelta(days=length),
        civilian_targeting=civilians),
    st.sampled_from(ACTORS), st.sampled_from([None, "Taliban", "Military Forces of Pakistan (2018-)"]),
    st.sampled_from(PLACES), st.sampled_from(TYPES), st.sampled_from([None, "acled", "ucdp", "UCDP"]),
    st.sampled_from(DAYS), st.sampled_from([None, 0, 30, 400, 9000]), st.booleans())


_clients: dict[int, TestClient] = {}


def client_of(store: Store) -> TestClient:
    if id(store) not in _clients:
        _clients[id(store)] = TestClient(create_app(store))
    return _clients[id(store)]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture],
          phases=(Phase.explicit, Phase.reuse, Phase.generate))
@given(f=filters_strategy)
def test_every_face_selects_the_same_events(both: Store, f: Filters) -> None:
    listed = ids(both.events(f))
    assert both.count_events(f) == len(listed)
    a = Analysis.from_store(both)
    assert ids(a.events(f)) == listed
    assert sum(r["events"] for r in a.counts("dataset", f).rows()) == len(listed)
    params = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in f.as_dict().items()}
    response = client_of(both).get("/api/events", params={**params, "limit": 1000})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == len(listed)
    assert {(e["dataset"], e["dataset_event_id"]) for e in body["events"]} == listed or len(listed) > 1000


def test_cli_events_and_stats_agree_and_say_what_matched(both_db: str) -> None:
    db = both_db
    events = runner.invoke(app, ["--db", db, "events", "--actor", "NRF", "--admin1", "Panjshir", "--limit", "0",
                                 "--format", "json"])
    assert events.exit_code == 0, events.output
    listed = json.loads(events.stdout)
    stats = runner.invoke(app, ["--db", db, "stats", "--actor", "NRF", "--admin1", "Panjshir", "--format", "json"])
    assert stats.exit_code == 0, stats.output
    data = json.loads(stats.stdout)
    assert sum(r["events"] for r in data["rows"]) == len(listed)
    assert {n["name"] for n in data["matched"]["actor"]["names"]} >= {"National Resistance Front", "NRF"}
    table = runner.invoke(app, ["--db", db, "events", "--actor", "NRF", "--limit", "2"])
    assert 'matched actor: NRF (nrf) -> "National Resistance Front" (acled' in table.output


def test_cli_misspelt_event_type_is_an_error_not_zero(both_db: str) -> None:
    result = runner.invoke(app, ["--db", both_db, "stats", "--event-type", "Battle"])
    assert result.exit_code == 1
    assert "did you mean 'Battles'" in result.output


def test_http_misspelt_dataset_is_a_client_error(both: Store) -> None:
    response = TestClient(create_app(both)).get("/api/stats", params={"by": "admin1", "dataset": "acledd"})
    assert response.status_code in (400, 422)
    assert "did you mean 'acled'" in response.text


def test_actors_resolve_says_which_actor_a_name_means_on_a_date() -> None:
    found = runner.invoke(app, ["actors", "resolve", "Taleban", "-f", "json"])
    assert found.exit_code == 0
    assert json.loads(found.stdout) | {} == json.loads(found.stdout)
    body = json.loads(found.stdout)
    assert body["registry_id"] == "taliban" and body["matched_by"] and body["status"] == "matched"
    ambiguous = runner.invoke(app, ["actors", "resolve", "Government of Afghanistan", "--dataset", "ucdp",
                                    "-f", "json"])
    assert ambiguous.exit_code == 0
    assert json.loads(ambiguous.stdout)["status"] == "ambiguous"
    assert set(json.loads(ambiguous.stdout)["candidates"]) >= {"iea", "ira"}
    dated = json.loads(runner.invoke(app, ["actors", "resolve", "Government of Afghanistan", "--dataset", "ucdp",
                                           "--date", "2022-03-01", "-f", "json"]).stdout)
    assert dated["registry_id"] == "iea"
    unknown = runner.invoke(app, ["actors", "resolve", "Zzyzx Brigade"])
    assert unknown.exit_code == 2 and "unknown" in unknown.output


def test_actors_unmatched_lists_names_no_registry_actor_claims(both_db: str) -> None:
    result = runner.invoke(app, ["actors", "unmatched", "--db", both_db, "--limit", "0", "-f", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    names = {r["name"] for r in rows}
    assert "National Resistance Front" not in names and "Taliban" not in names
    assert rows == sorted(rows, key=lambda r: (-r["events"], r["dataset"], r["name"]))


@pytest.mark.parametrize("argv", [
    ["trend", "--every", "month", "--actor", "NRF", "--dataset", "acled"],
    ["attribution", "--of", "Taliban", "--event-type", "Violence against civilians", "--from", "2021-08-15",
     "--to", "2022-06-30"],
])
def test_readme_analysis_commands_run(both_db: str, argv: list[str]) -> None:
    result = runner.invoke(app, ["--db", both_db, *argv])
    assert result.exit_code == 0, result.output


def test_the_python_api_takes_dates_as_text_like_the_other_faces(both: Store) -> None:
    """``date_from="2022-01"`` means what ``--from 2022-01`` and ``?date_from=2022-01`` mean (the first
    or last day of the month, quarter, half or year); text that is no date is an InputError."""
    from ruydad.errors import InputError
    from ruydad.query import Filters

    assert Filters(date_from="2022-03", date_to="2022Q2") == Filters(  # type: ignore[arg-type]
        date_from=date(2022, 3, 1), date_to=date(2022, 6, 30))
    assert both.count_events(date_from="2022-01-01", date_to="2022") == both.count_events(
        date_from=date(2022, 1, 1), date_to=date(2022, 12, 31))
    with pytest.raises(InputError, match="date_to: '2022-13-45' is not a date"):
        Filters(date_to="2022-13-45")  # type: ignore[arg-type]
