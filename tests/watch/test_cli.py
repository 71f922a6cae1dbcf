"""From a clean store, as a user runs it: `watch add` the test server's feeds, `watch run --once`,
incidents with merged reports, `reconcile` against an ingested ACLED-format file."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ruydad.cli import app
from ruydad.cli.watch import parse_every

from .conftest import FeedServer

runner = CliRunner()


def run(db: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--db", str(db), *args])
    return result.exit_code, result.output


def _kabul_and_helmand(rows: list[dict[str, str]]) -> None:
    rows[0].update(event_date="17 August 2022", year="2022", disorder_type="Political violence",
                   event_type="Explosions/Remote violence", sub_event_type="Suicide bomb", admin1="Kabul",
                   admin2="Kabul", location="Kabul", latitude="34.5553", longitude="69.2075", fatalities="21")
    rows[1].update(event_date="10 May 2022", year="2022", disorder_type="Political violence", event_type="Battles",
                   sub_event_type="Armed clash", admin1="Helmand", admin2="Nad Ali", location="Marja",
                   latitude="31.5217", longitude="64.1144", fatalities="3")
    del rows[2:]


def test_watch_to_incidents_to_reconcile(feed_server: FeedServer, tmp_path: Path,
                                         acled_file: Callable[..., Path]) -> None:
    db = tmp_path / "clean.duckdb"
    for path, name in (("/feeds/rss.xml", "World desk"), ("/feeds/atom.xml", "Regional news"),
                       ("/broken.xml", "Broken outlet")):
        code, out = run(db, "watch", "add", feed_server.url(path), "--name", name, "--theatre", "afghanistan")
        assert code == 0 and "watching source" in out, out
    code, out = run(db, "watch", "list")
    assert code == 0 and out.count(feed_server.base) == 3

    code, out = run(db, "watch", "run", "--once", "--min-interval", "0", "--timeout", "2")
    assert code == 0, out
    assert "HTTP 500" in out and "4 stored" in out and "3 stored" in out
    assert "merged from several reports" in out

    code, out = run(db, "watch", "status", "--json")
    status = json.loads(out)
    by_name = {s["name"]: s for s in status["sources"]}
    assert by_name["World desk"]["articles"] == 4 and by_name["Regional news"]["articles"] == 3
    assert "HTTP 500" in by_name["Broken outlet"]["last_error"] and by_name["Broken outlet"]["last_success_at"] is None
    code, out = run(db, "watch", "status")
    assert "last error" in out and "articles 4" in out

    code, out = run(db, "incidents", "list", "--merged", "--json")
    merged = json.loads(out)
    kabul = next(i for i in merged if i["admin1"] == "Kabul")
    assert kabul["reports"] == 3 and kabul["outlets"] == 2  # two from the World desk feed, one from Regional news
    code, out = run(db, "incidents", "show", kabul["incident_id"])
    assert code == 0 and "killed" in out and feed_server.url("/articles/kbl-khairkhana-tbs.html") in out

    code, out = run(db, "ingest", "acled", str(acled_file(rows=3, edit=_kabul_and_helmand)))
    assert code == 0, out
    code, out = run(db, "reconcile", "--dataset", "acled", "--period", "2022", "--json")
    assert code == 0, out
    result = json.loads(out)
    assert [row["incident_id"] for row in result["both"]] == [kabul["incident_id"]]
    assert [row["admin1"] for row in result["dataset_only"]] == ["Helmand"]
    assert result["news_only"] and result["summary"]["dataset_events"] == 2
    code, out = run(db, "reconcile", "--period", "2022", "--admin1", "Helmand")
    assert code == 0 and "only in acled: 1" in out and "in both: 0" in out

    report_ids = [r["dataset_event_id"] for r in json.loads(run(db, "incidents", "show", kabul["incident_id"],
                                                                "--json")[1])["report_list"]]
    code, out = run(db, "incidents", "split", kabul["incident_id"], "--report", report_ids[-1])
    assert code == 0, out
    code, out = run(db, "incidents", "build")
    assert "1 analyst decisions kept" in out or "analyst decisions kept" in out
    after = json.loads(run(db, "incidents", "list", "--admin1", "Kabul", "--json")[1])
    assert sorted(i["reports"] for i in after) == [1, 2]

    code, out = run(db, "watch", "remove", feed_server.url("/broken.xml"))
    assert code == 0 and "stopped watching" in out
    assert run(db, "watch", "list")[1].count(feed_server.base) == 2


def test_errors_are_one_line_with_what_to_do(tmp_path: Path) -> None:
    db = tmp_path / "e.duckdb"
    code, out = run(db, "watch", "add", "not a url")
    assert code == 1 and "http(s) URL" in out
    code, out = run(db, "incidents", "show", "inc-nope")
    assert code == 1 and "ruydad incidents list" in out
    code, out = run(db, "reconcile", "--period", "2022H1")
    assert code == 1 and "ingest them first" in out
    code, out = run(db, "watch", "run", "--every", "1s")
    assert code == 1 and "at most every 10 seconds" in out


@pytest.mark.parametrize(("text", "seconds"), [("15m", 900), ("1h", 3600), ("90s", 90), ("120", 120)])
def test_every_reads_durations(text: str, seconds: float) -> None:
    assert parse_every(text) == seconds
