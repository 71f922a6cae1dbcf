"""Tables and figures for people: they fit the terminal and read as numbers; CSV and JSON stay exact."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pytest
from rich.console import Console
from typer.testing import CliRunner

from ruydad.cli import app
from ruydad.output import OutputFormat, human_number, write_table


@pytest.mark.parametrize(("value", "text"), [
    (3.6861878453038672, "3.69"), (3.47e-18, "<0.001"), (-3.47e-18, ">-0.001"), (0.1142578125, "0.114"),
    (0.0918, "0.0918"), (12.345, "12.3"), (1111.0, "1,111"), (123456.7, "123,457"), (-2.5, "-2.5"),
    (0.0, "0"), (1.0, "1"), (float("nan"), ""),
])
def test_figures_read_as_numbers_for_people(value: float, text: str) -> None:
    assert human_number(value) == text


def render(table: pa.Table, width: int) -> list[str]:
    buffer = io.StringIO()
    write_table(table, OutputFormat.table, console=Console(file=buffer, width=width, color_system=None))
    return buffer.getvalue().splitlines()


EVENTS = pa.table({
    "event_id_cnty": ["doc-8f93d34a2e65c0cf:1", "UCDP-447441"],
    "event_date": ["2022-08-15", "2022-09-09"],
    "event_type": ["Battles", "Violence against civilians"],
    "sub_event_type": ["Armed clash", "Attack"],
    "actor1": ["National Resistance Front of Afghanistan", "Government of Afghanistan"],
    "actor2": ["Taliban", "Civilians"],
    "admin1": ["Panjshir", "Takhar"],
    "admin2": ["Dara", "Dashti Qala"],
    "location": ["Darah-ye Abdullah Khel river", "Dashti Qala"],
    "fatalities": [12, 1],
    "share": [0.1142578125, 3.47e-18],
})


def test_a_wide_table_fits_an_80_column_terminal_without_splitting_ids() -> None:
    lines = render(EVENTS, 80)
    assert max(len(line) for line in lines) <= 80
    assert any("doc-8f93d34a2e65c0cf:1" in line for line in lines)  # an id is never cut in two
    assert any("Violence against" in line for line in lines)  # text wraps at spaces, not every 4 letters
    note = " ".join(lines[-3:])
    assert "not shown" in note and "share" in note and "--format csv/json" in note


def test_a_wide_terminal_shows_every_column_with_figures_rounded() -> None:
    lines = render(EVENTS, 220)
    text = "\n".join(lines)
    assert max(len(line) for line in lines) <= 220
    assert "not shown" not in text
    assert "0.114" in text and "<0.001" in text
    assert "0.1142578125" not in text and "e-18" not in text


def test_one_record_too_wide_for_the_terminal_is_shown_field_by_field() -> None:
    record = pa.table({f"figure_{i}": [i + 0.123456] for i in range(15)})
    lines = render(record, 60)
    assert max(len(line) for line in lines) <= 60
    assert sum("figure_" in line for line in lines) == 15
    assert any("figure_14" in line and "14.1" in line for line in lines)


def test_machine_formats_keep_exact_values(tmp_path: Path, acled_file: Callable[..., Path]) -> None:
    db = str(tmp_path / "out.duckdb")
    runner = CliRunner()
    assert runner.invoke(app, ["--db", db, "ingest", "acled", str(acled_file(rows=5))]).exit_code == 0
    result = runner.invoke(app, ["--db", db, "events", "--limit", "3", "--format", "json",
                                 "--columns", "event_id_cnty,latitude,longitude"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert len(rows) == 3 and all(isinstance(r["latitude"], float) for r in rows)
    table = runner.invoke(app, ["--db", db, "events", "--limit", "3", "--columns", "event_id_cnty,latitude"],
                          env={"COLUMNS": "100"})
    shown = [line.split()[-2] for line in table.output.splitlines() if line.startswith("│")]
    assert sorted(shown) == sorted(human_number(r["latitude"]) for r in rows)  # rounded for people
    assert any(human_number(r["latitude"]) != repr(r["latitude"]) for r in rows)
