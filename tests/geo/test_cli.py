"""`ruydad geo` commands, run on the sub-app directly."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from ruydad.cli.geo import app

runner = CliRunner()


def test_resolve_prints_ranked_candidates_as_json() -> None:
    result = runner.invoke(app, ["resolve", "Panjsher", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows[0]["pcode"] == "AF08" and rows[0]["admin1_code"] == "AF-PAN"


def test_resolve_uses_context() -> None:
    result = runner.invoke(app, ["resolve", "Khost", "--context", "Andarab, Baghlan", "-f", "json"])
    assert json.loads(result.stdout)[0]["pcode"] == "AF0913"


def test_resolve_unknown_name_fails_with_a_message() -> None:
    result = runner.invoke(app, ["resolve", "Xyzzyville"])
    assert result.exit_code == 1
    assert "not found" in result.output


def test_locate_prints_the_district() -> None:
    result = runner.invoke(app, ["locate", "34.5281", "69.1723", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["admin2_pcode"] == "AF0101"


def test_locate_outside_the_theatre_fails() -> None:
    assert runner.invoke(app, ["locate", "--", "-33.9", "18.4"]).exit_code == 1


def test_units_lists_34_provinces() -> None:
    result = runner.invoke(app, ["units", "--level", "1", "-f", "json"])
    assert len(json.loads(result.stdout)) == 34


def test_export_writes_geojson() -> None:
    result = runner.invoke(app, ["export", "--format", "geojson", "--level", "1"])
    data = json.loads(result.stdout)
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 34
