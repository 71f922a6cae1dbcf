"""The analysis commands on a small Typer app, over a store built from the real UCDP sample."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from ruydad.cli.analysis import register
from ruydad.store import Store
from tests.analysis.stores import SAMPLE

runner = CliRunner(env={"COLUMNS": "240"})


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from ruydad.ingest import ingest_file

    path = tmp_path_factory.mktemp("cli") / "x.duckdb"
    with Store.open(path) as store:
        ingest_file(store, SAMPLE, "ucdp")
    return path


def run(app: typer.Typer, db: Path, *args: str) -> str:
    result = runner.invoke(app, [*args, "--db", str(db)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_stats_by_admin1_as_json(app, db):
    data = json.loads(run(app, db, "stats", "--by", "admin1", "--actor", "NRF", "--event-type", "Battles",
                          "--format", "json"))
    assert {r["admin1"]: r["events"] for r in data["rows"]} == {"Panjsher": 5, "Baghlan": 3, "Kapisa": 1}


def test_stats_events_behind_one_row_as_csv(app, db):
    out = run(app, db, "stats", "--by", "admin1", "--actor", "NRF", "--event-type", "Battles", "--events",
              "--key", "admin1=Baghlan", "--format", "csv")
    assert out.count("\n") == 4  # header + 3 events


def test_stats_with_period(app, db):
    data = json.loads(run(app, db, "stats", "--actor", "NRF", "--event-type", "Battles", "--period", "2022H1",
                          "--format", "json"))
    assert data["rows"][0]["events"] == 2


def test_trend_table(app, db):
    out = run(app, db, "trend", "--every", "month", "--actor", "NRF", "--from", "2022-01-01", "--to", "2022-08-31")
    assert "large increase" in " ".join(out.split()) or "large" in out  # table cells may wrap on narrow terminals
    assert "Trend by month" in out


def test_trend_csv_has_a_row_per_month(app, db):
    out = run(app, db, "trend", "--actor", "NRF", "--period", "2022-01-01..2022-08-31", "--format", "csv")
    assert out.strip().count("\n") == 8


def test_surges_acled_json(app, db):
    data = json.loads(run(app, db, "surges", "--acled", "--at", "2022-07-24", "--format", "json"))
    assert data["summary"]["at"] == "2022-07-24"


def test_surges_per_actor_csv(app, db):
    out = run(app, db, "surges", "--unit", "actor", "--window", "month", "--baseline", "3", "--at", "2022-08-31",
              "--format", "csv")
    assert out.splitlines()[0].startswith('"actor","current"')


def test_compare_periods(app, db):
    data = json.loads(run(app, db, "compare", "--period", "2021-08-15..2021-12-31", "--period", "2022H1",
                          "--format", "json"))
    assert (data["events_a"], data["events_b"]) == (3, 12)
    assert data["ci_low"] < data["rate_ratio"] < data["ci_high"]


def test_compare_needs_two_periods(app, db):
    result = runner.invoke(app, ["compare", "--period", "2022H1", "--db", str(db)])
    assert result.exit_code == 1
    assert "two periods" in result.output


def test_attribution_of_taliban(app, db):
    data = json.loads(run(app, db, "attribution", "--civilian-targeting", "--from", "2021-08-15", "--of", "Taliban",
                          "--format", "json"))
    assert data["summary"]["total_events"] == 21


@pytest.mark.parametrize("command", ["targets", "infighting", "cross-border"])
def test_filter_only_commands(app, db, command):
    data = json.loads(run(app, db, command, "--format", "json"))
    assert "rows" in data


def test_emerging_in_2022(app, db):
    data = json.loads(run(app, db, "emerging", "--period", "2022", "--format", "json"))
    assert [r["actor"] for r in data["rows"]] == ["AFF"]


def test_check_count_claim(app, db):
    out = run(app, db, "check", "up to 300 clashes NRF 2022-01-01..2022-06-30")
    assert "CONTRADICTED" in out and "2 events" in out


def test_check_place_claim_json_with_events(app, db):
    data = json.loads(run(app, db, "check", "--actor", "NRF", "--places", "Panjshir,Baghlan", "--events",
                          "--format", "json"))
    assert data["verdict"] == "supported"
    assert len(data["events"]) == 9


def test_check_ratio_claim(app, db):
    out = run(app, db, "check", "nearly quadruple infighting", "--period", "2021-08-15..2021-12-31",
              "--period", "2022H1")
    assert "CANNOT CHECK" in out and "no events in either period" in out
    assert "understood as: Infighting events, 2022-01-01..2022-06-30 against 2021-08-15..2021-12-31" in out


def test_missing_store_is_a_clear_error(app, tmp_path):
    result = runner.invoke(app, ["stats", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "no store" in result.output


def test_check_most_in(app, db):
    out = run(app, db, "check", "--most-in", "Baghlan,Panjshir", "--actor", "NRF", "--event-type", "Battles")
    assert "SUPPORTED" in out  # 8 of 9 NRF battles in the sample
