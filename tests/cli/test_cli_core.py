"""The CLI as a user runs it: a real store file chosen by --db or RUYDAD_DB."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from ruydad.cli import app

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env=env)
    return result.exit_code, result.output


def test_ingest_prints_a_summary_and_events_lists_them(tmp_path: Path, ucdp_sample: Path) -> None:
    db = str(tmp_path / "cli.duckdb")
    code, out = run("--db", db, "ingest", "ucdp", str(ucdp_sample))
    assert code == 0, out
    assert "read 1024, stored 1024" in out
    code, out = run("--db", db, "ingest", "ucdp", str(ucdp_sample))
    assert "stored 0, updated 0, unchanged 1024" in out
    code, out = run("--db", db, "events", "--actor", "NRF", "--admin1", "Panjsher", "--limit", "3", "--format", "json")
    assert code == 0, out
    events = json.loads(out)
    assert len(events) == 3
    assert all("NRF" in (e["actor1"] + (e["actor2"] or "")) and e["admin1"] == "Panjsher" for e in events)


def test_ruydad_db_environment_variable_selects_the_store(tmp_path: Path, ucdp_sample: Path) -> None:
    env = {"RUYDAD_DB": str(tmp_path / "env.duckdb")}
    assert run("ingest", "ucdp", str(ucdp_sample), env=env)[0] == 0
    code, out = run("status", "--format", "json", env=env)
    assert code == 0
    assert json.loads(out)["events"] == 1024
    assert (tmp_path / "env.duckdb").exists()


def test_events_filters_and_csv_output(tmp_path: Path, ucdp_sample: Path) -> None:
    db = str(tmp_path / "cli.duckdb")
    run("--db", db, "ingest", "ucdp", str(ucdp_sample))
    code, out = run("--db", db, "events", "--event-type", "Violence against civilians", "--from", "2021-08-15",
                    "--to", "2022-12-31", "--limit", "0", "--format", "csv")
    assert code == 0, out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows, "expected one-sided events after the takeover"
    assert {r["event_type"] for r in rows} == {"Violence against civilians"}
    assert min(r["event_date"] for r in rows) >= "2021-08-15"


def test_events_parquet_to_file(tmp_path: Path, ucdp_sample: Path) -> None:
    db = str(tmp_path / "cli.duckdb")
    run("--db", db, "ingest", "ucdp", str(ucdp_sample))
    target = tmp_path / "events.parquet"
    code, out = run("--db", db, "events", "--limit", "0", "--format", "parquet", "--out", str(target))
    assert code == 0, out
    assert pq.read_table(target).num_rows == 1024


@pytest.mark.parametrize(("args", "message"), [
    (["events", "--from", "yesterday"], "--from: 'yesterday' is not a date"),
    (["ingest", "acled", "missing.csv"], "no such file"),
    (["history", "acled", "AFG1"], "no event 'AFG1'"),
])
def test_user_errors_are_one_line_messages(tmp_path: Path, ucdp_sample: Path, args: list[str], message: str) -> None:
    db = str(tmp_path / "cli.duckdb")
    run("--db", db, "ingest", "ucdp", str(ucdp_sample))
    code, out = run("--db", db, *args)
    assert code == 1
    assert message in out.replace("\n", " ")
    assert "Traceback" not in out


def test_quarantine_command_shows_rejected_rows(tmp_path: Path, acled_file: object) -> None:
    def edit(rows: list[dict[str, str]]) -> None:
        rows[1]["fatalities"] = "lots"

    path = acled_file(3, edit)  # type: ignore[operator]
    db = str(tmp_path / "cli.duckdb")
    code, out = run("--db", db, "ingest", "acled", str(path))
    assert "rejected 1" in out and "fatalities 1" in out
    code, out = run("--db", db, "quarantine", "--format", "json")
    assert code == 0
    [row] = json.loads(out)
    assert row["field"] == "fatalities" and row["row_number"] == 2


def test_demo_loads_the_sample_and_reports_the_store(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.duckdb")
    code, out = run("--db", db, "demo", "--no-serve")
    assert code == 0, out
    assert "stored 1024" in out
    assert "article newsweek-2022-08-30" in out and "claims" in out
    assert "ucdp: 1024" in out
    events_line = next(line for line in out.splitlines() if line.startswith("events:"))
    code, again = run("--db", db, "demo", "--no-serve")
    assert "unchanged 1024" in again
    assert "curated claims" in again
    assert events_line in again.splitlines(), "loading the demo twice must not duplicate anything"


def test_bench_ingest_prints_figures(tmp_path: Path) -> None:
    code, out = run("bench", "ingest", "--rows", "2000", "--dir", str(tmp_path))
    assert code == 0, out
    assert "rows 2,000" in out and "duckdb read_csv" in out and "peak RSS" in out
