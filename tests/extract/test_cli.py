import json

import typer
from typer.testing import CliRunner

from ruydad.cli.extract import add_article_command, extract_command
from ruydad.store import open_store

runner = CliRunner()


def app() -> typer.Typer:
    cli = typer.Typer()
    cli.command("extract")(extract_command)
    cli.command("add-article")(add_article_command)
    return cli


def test_extract_a_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("KABUL, Afghanistan (Feb. 1, 2011)\nIn Watahpur district, Kunar province, coalition forces "
                    "engaged the enemy position, killing one insurgent.", encoding="utf-8")
    result = runner.invoke(app(), ["extract", str(path)])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["document"]["published"] == "2011-02-01"
    assert out["events"][0]["admin1_code"] == "AF-KNR"


def test_extract_stdin_with_published():
    result = runner.invoke(app(), ["extract", "-", "--published", "2022-08-30"],
                           input="Fighters clashed with the Taliban yesterday in Panjshir province.")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["document"]["published"] == "2022-08-30"


def test_extract_jsonl_keeps_order_and_ids(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [{"id": f"n{i}", "text": f"Text {i} about Kabul.", "published": "2022-08-30"} for i in range(4)]
    lines.insert(2, {"id": "huge", "text": "x " * 200_000})
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    result = runner.invoke(app(), ["extract", str(path), "--jsonl"])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert [o["document"]["id"] for o in out] == ["n0", "n1", "huge", "n2", "n3"]
    assert "error" in out[2] and "error" not in out[0]


def test_extract_missing_file_is_an_error_not_a_traceback(tmp_path):
    result = runner.invoke(app(), ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert "no such file" in result.output


def test_add_article_stores_events_and_claims(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("KABUL, Afghanistan (Feb. 1, 2011)\nIn Watahpur district, Kunar province, coalition forces "
                       "engaged the enemy position, killing one insurgent.", encoding="utf-8")
    db = tmp_path / "store.duckdb"
    result = runner.invoke(app(), ["add-article", str(article), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "1 events" in result.output
    with open_store(db) as store:
        rows = store.con.execute("SELECT dataset, dataset_event_id, admin1_code, fatalities FROM events").fetchall()
    assert rows[0][0] == "article" and rows[0][1].endswith(":1") and rows[0][2:] == ("AF-KNR", 1)


def test_add_article_again_under_its_id_revises_its_events(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("In Watahpur district, Kunar province, coalition forces engaged the enemy position on "
                       "1 February 2011, killing one insurgent.", encoding="utf-8")
    db = tmp_path / "store.duckdb"
    first = runner.invoke(app(), ["add-article", str(article), "--db", str(db), "--id", "kunar-report"])
    assert first.exit_code == 0, first.output
    assert "1 events (1 new, 0 revised" in first.output
    article.write_text(article.read_text(encoding="utf-8").replace("killing one insurgent", "killing two insurgents"),
                       encoding="utf-8")
    again = runner.invoke(app(), ["add-article", str(article), "--db", str(db), "--id", "kunar-report"])
    assert again.exit_code == 0, again.output
    assert "stored kunar-report: 1 events (0 new, 1 revised, 0 unchanged" in again.output
    with open_store(db) as store:
        history = store.event_history("article", "kunar-report:1").to_pylist()
    assert [(h["revision"], h["fatalities"]) for h in history] == [(1, 1), (2, 2)]
