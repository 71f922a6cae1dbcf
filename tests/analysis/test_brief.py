"""The situation brief renders offline from the sample store, with every section."""

from __future__ import annotations

import re
from datetime import date

from ruydad.analysis import Period
from ruydad.analysis.brief import render_brief


def test_brief_is_self_contained_and_has_every_section(sample):
    page = render_brief(sample, Period(date(2022, 1, 1), date(2022, 8, 31)),
                        claims=["up to 300 clashes NRF 2022H1"])
    for heading in ("Headline figures", "violent events by province", "trend", "Surges", "actors",
                    "Claims board", "Sources", "Methods"):
        assert heading in page
    assert "<svg class=\"map\"" in page and page.count("<path") >= 34
    assert not re.search(r"<(script|link)[^>]+(src|href)=\"https?:", page)  # nothing fetched
    assert "contradicted" in page  # the 300-clashes claim against the sample's 2


def test_brief_command_writes_a_file(tmp_path):
    import typer
    from typer.testing import CliRunner

    from ruydad.cli.analysis import register
    from ruydad.ingest import ingest_file
    from ruydad.store import Store
    from tests.analysis.stores import SAMPLE

    db = tmp_path / "x.duckdb"
    with Store.open(db) as store:
        ingest_file(store, SAMPLE, "ucdp")

    app = typer.Typer()
    register(app)
    out = tmp_path / "brief.html"
    result = CliRunner().invoke(app, ["brief", "--theatre", "afghanistan", "--from", "2022-01-01", "--to",
                                      "2022-08-31", "--out", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
