"""A second theatre, as data only, runs the whole chain: ingest, extraction, analysis, claims, brief.

``tests/data/theatres/borno_yobe/`` is a small theatre of another country (two states of north-east
Nigeria, ten local government areas, four armed actors; origins in its README). The tests put its
parent folder on ``RUYDAD_THEATRES_PATH`` and pass the theatre by name or as a
:class:`~ruydad.theatres.Theatre`, as a face would. Every figure below is stated in
``tests/data/theatres/write_borno_yobe_acled.py``; nothing here may fall back to the default theatre
(its registry, gazetteer or target groups would find nothing in these events).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import ruydad
from ruydad.analysis import Analysis
from ruydad.analysis.brief import render_brief
from ruydad.analysis.claims import SUPPORTED, check_text
from ruydad.analysis.targets import claim_words, target_groups
from ruydad.bench import write_synthetic_acled
from ruydad.extract import extract
from ruydad.ingest import ingest_file
from ruydad.query import Period
from ruydad.store import Store
from ruydad.theatres import DEFAULT_THEATRE, THEATRES_PATH_ENV, Theatre, as_theatre, theatre_for_country

DATA = Path(__file__).resolve().parents[1] / "data" / "theatres"
EXPORT = DATA / "borno_yobe_acled.csv"
REPORT = DATA / "news" / "ripples-2021-03-13-iswap-borno.txt"
NAME = "borno_yobe"
HALF = Period.parse("2021-01-01..2021-06-30")


@pytest.fixture(scope="module", autouse=True)
def second_theatre(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Theatre]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(THEATRES_PATH_ENV, str(DATA))
        mp.setenv("RUYDAD_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield as_theatre(NAME)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, second_theatre: Theatre) -> Iterator[Store]:
    s = ruydad.open_store(tmp_path_factory.mktemp("store") / "ruydad.duckdb")
    report = ingest_file(s, EXPORT, "acled")
    assert (report.stored, report.rejected) == (24, 0)
    yield s
    s.close()


@pytest.fixture(scope="module")
def analysis(store: Store, second_theatre: Theatre) -> Analysis:
    return Analysis.from_store(store, theatre=second_theatre)


def test_the_theatre_is_data_beside_the_shipped_one(second_theatre: Theatre) -> None:
    assert (second_theatre.country, second_theatre.iso3, second_theatre.demonyms) == (
        "Nigeria", "NGA", ("Nigerian", "Nigerians"))
    assert theatre_for_country("NGA") == NAME and theatre_for_country("Nigeria") == NAME
    assert DEFAULT_THEATRE != NAME and as_theatre().country != second_theatre.country
    # no targets.yaml of its own: the generic groups, none of the default theatre's own
    assert [g.name for g in target_groups(second_theatre)] == [
        "civilians", "former_security_forces", "women", "journalists", "ethnic_or_religious"]
    assert {g for _, g in claim_words(second_theatre)} <= {g.name for g in target_groups(second_theatre)}


def test_the_gazetteer_reads_the_theatres_own_kind_words(second_theatre: Theatre) -> None:
    from ruydad.geo import resolve_place

    state = resolve_place("Yobe State", theatre=second_theatre, limit=1)
    lga = resolve_place("Gwoza LGA", theatre=second_theatre, limit=1)
    town = resolve_place("Gudumbali", theatre=second_theatre, limit=1)
    assert [(c.pcode, c.level) for c in state + lga] == [("NG036", 1), ("NG008011", 2)]
    assert [(c.admin1_code, c.admin2_pcode, c.kind) for c in town] == [("NG-BO", "NG008010", "town")]


def test_ingest_fills_the_theatres_own_codes(store: Store) -> None:
    rows = store.events(limit=None, columns=["admin1", "admin1_code", "admin1_pcode", "admin2", "admin2_pcode",
                                             "country_code"]).to_pylist()
    assert {r["country_code"] for r in rows} == {"NGA"}
    units = {(r["admin1_code"], r["admin1_pcode"], r["admin2"], r["admin2_pcode"]) for r in rows}
    assert ("NG-BO", "NG008", "Guzamala", "NG008010") in units
    assert ("NG-YO", "NG036", "Geidam", "NG036006") in units
    assert all(r["admin2_pcode"] for r in rows)


def test_counts_by_state_and_actors_read_with_the_theatres_registry(analysis: Analysis) -> None:
    by_state = {r["admin1"]: r["events"] for r in analysis.counts("admin1").rows()}
    assert by_state == {"Borno": 20, "Yobe": 4}
    iswap = analysis.count(actor="ISWAP", event_type="Battles")
    assert iswap.events_count == 10
    assert iswap.matched["actor"]["registry_id"] == "iswap"
    assert analysis.count(actor="Boko Haram", event_type="Battles").events_count == 4
    assert analysis.count(admin1="NG-YO").events_count == 4


def test_trend_of_one_actor(analysis: Analysis) -> None:
    trend = analysis.trend("month", actor="ISWAP", event_type="Battles")
    assert [(str(r["month"]), r["events"]) for r in trend.rows()] == [
        ("2021-01-01", 2), ("2021-02-01", 3), ("2021-03-01", 3), ("2021-04-01", 0), ("2021-05-01", 0),
        ("2021-06-01", 2)]


def test_attribution_and_targets(analysis: Analysis) -> None:
    blamed = analysis.attribution(event_type="Violence against civilians", of="Boko Haram")
    assert [(r["perpetrator"], r["events"]) for r in blamed.rows()] == [
        ("Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", 5),
        ("Islamic State West Africa Province (ISWAP)", 3), ("Unidentified", 2)]
    assert (blamed.summary["of_events"], blamed.summary["of_share"]) == (5, 0.5)
    targets = {r["target"]: r["events"] for r in analysis.targets(event_type="Violence against civilians").rows()}
    assert targets == {"civilians": 10, "former_security_forces": 0, "women": 0, "journalists": 0,
                       "ethnic_or_religious": 0}


def test_claims_are_read_with_the_theatres_actors(analysis: Analysis) -> None:
    count = check_text(analysis, "There were 3 clashes between ISWAP and Nigerian troops in February 2021")
    assert count.verdict == SUPPORTED, count.reason
    assert "ISWAP with Nigerian Army" in count.understood
    # "Civilian Joint Task Force" is a militia, a side of the fighting, not the civilians it is named after
    militia = check_text(analysis, "There were 2 clashes between the CJTF and ISWAP",
                         periods=["2021-01-09..2021-06-19"])
    assert militia.verdict == SUPPORTED, militia.reason
    assert "CJTF with ISWAP" in militia.understood
    share = check_text(analysis, "Half of the attacks on civilians were carried out by Boko Haram",
                       periods=["2021-01-09..2021-06-19"])
    assert share.verdict == SUPPORTED, share.reason


def test_extraction_of_a_report_from_the_theatre(second_theatre: Theatre) -> None:
    found = extract(REPORT.read_text(encoding="utf-8"), published="2021-03-13", theatre=second_theatre).document
    assert {"iswap", "cjtf"} <= {a.registry_id for a in found.actors}
    borno = [p for p in found.places if p.kind == "admin1"]
    assert [(p.name, p.admin1_code, p.country_code) for p in borno] == [("Borno", "NG-BO", "NGA")]
    battles = [e for e in found.events if e.event_type == "Battles"]
    assert battles and battles[0].actor1 == "Islamic State West Africa Province"
    assert battles[0].fatalities == 19  # 15 soldiers and four militia fighters


def test_an_article_from_the_theatre_is_stored_with_its_codes(tmp_path: Path, second_theatre: Theatre) -> None:
    from ruydad.ingest.articles import add_article

    s = ruydad.open_store(tmp_path / "articles.duckdb")
    try:
        report = add_article(s, REPORT.read_text(encoding="utf-8"), published="2021-03-13", theatre=second_theatre)
        rows = s.events(limit=None, columns=["dataset", "event_type", "actor1", "admin1_code", "country_code",
                                             "fatalities"]).to_pylist()
    finally:
        s.close()
    assert report.events == 1
    assert rows == [{"dataset": "article", "event_type": "Battles", "actor1": "Islamic State West Africa Province",
                     "admin1_code": "NG-BO", "country_code": "NGA", "fatalities": 19}]


def test_brief_of_the_theatre(analysis: Analysis, second_theatre: Theatre) -> None:
    html = render_brief(analysis, HALF, theatre=second_theatre)
    assert "Nigeria: situation brief" in html
    assert "Borno" in html and "Islamic State West Africa Province" in html
    assert "<svg class=\"map\"" in html and "No state boundaries" not in html  # the map drew its own states
    assert "Where: violent events by state" in html and "States, last week" in html  # its own word for them
    assert "Boundaries: schematic rectangles" in html  # its own attribution
    assert "could not be placed" not in html and ">Borno 20</text>" in html  # every event on its state
    assert as_theatre().country not in html and "province" not in html


def test_synthetic_export_in_the_theatres_names(tmp_path: Path, second_theatre: Theatre) -> None:
    path = write_synthetic_acled(tmp_path / "synthetic.csv", 40, theatre=second_theatre)
    s = ruydad.open_store(tmp_path / "synthetic.duckdb")
    try:
        assert ingest_file(s, path, "acled").stored == 40
        rows = s.events(limit=None, columns=["country_code", "admin2_pcode"]).to_pylist()
    finally:
        s.close()
    assert {r["country_code"] for r in rows} == {"NGA"}
    assert {r["admin2_pcode"] for r in rows} == {"NG008010"}  # the pack's one village-level place


def test_the_command_line_takes_the_theatre_through(tmp_path: Path, second_theatre: Theatre) -> None:
    """The face hands the theatre to every step: ingest, figures, a claim check, the brief."""
    from typer.testing import CliRunner

    from ruydad.cli import app

    runner = CliRunner()
    db = str(tmp_path / "cli.duckdb")

    def run(*args: str) -> str:
        result = runner.invoke(app, ["--db", db, *args])
        assert result.exit_code == 0, result.output
        return result.output

    assert "stored 24" in run("ingest", "acled", str(EXPORT))
    stats = json.loads(run("stats", "--theatre", NAME, "--by", "admin1", "--actor", "ISWAP", "--event-type", "Battles",
                           "-f", "json"))
    assert {r["admin1"]: r["events"] for r in stats["rows"]} == {"Borno": 8, "Yobe": 2}
    check = run("check", "--theatre", NAME, "There were 3 clashes between ISWAP and Nigerian troops in February 2021")
    words = " ".join(check.split())  # the console wraps long lines
    assert words.startswith("SUPPORTED") and "Battles involving ISWAP with Nigerian Army" in words
    out = tmp_path / "brief.html"
    run("brief", "--theatre", NAME, "--from", "2021-01-01", "--to", "2021-06-30", "--out", str(out))
    html = out.read_text(encoding="utf-8")
    assert "Nigeria: situation brief" in html and "Where: violent events by state" in html
