"""What only the PostgreSQL backend has to prove: selection by URL, paired migrations, concurrent
writers that lose nothing, and a killed ingest that leaves the server's store as it was.

The behaviour both backends share (ingest, revisions, quarantine, deletions) is tested once, on
both, in tests/store and tests/ingest.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import psycopg
import pytest

from ruydad.bench import write_synthetic_acled
from ruydad.errors import StoreError
from ruydad.ingest import IngestReport, delete_events, ingest_file
from ruydad.model import EVENT_COLUMN_NAMES
from ruydad.store import PostgresStore, Store, default_db, is_database_url, open_store
from ruydad.store.migrate import available_migrations
from ruydad.store.postgres import to_pg_sql

pytestmark = pytest.mark.postgres


def test_a_url_opens_the_postgres_store_and_a_path_the_duckdb_one(pg_url: str, tmp_path: Path) -> None:
    with open_store(pg_url) as pg, Store.open(tmp_path / "x.duckdb") as duck:
        assert isinstance(pg, PostgresStore) and pg.backend == "postgres"
        assert type(duck) is Store and duck.backend == "duckdb"


def test_a_url_folded_by_pathlib_is_refused_not_repaired(pg_url: str) -> None:
    folded = Path(pg_url)  # a URL held as a path: postgresql:/user@host...
    assert str(folded).startswith("postgresql:/") and is_database_url(folded)
    with pytest.raises(StoreError, match="pass the URL as a string"):
        Store.open(folded)


def test_every_db_option_of_the_cli_keeps_a_url_whole(pg_url: str) -> None:
    """``--db`` is a string wherever a command takes it (the root, analysis, actors): the URL
    reaches the server as typed, with no repair of a folded ``//``."""
    from typer.testing import CliRunner

    from ruydad.cli import app

    runner = CliRunner()
    for args in (["--db", pg_url, "status", "--format", "json"], ["stats", "--db", pg_url, "--format", "json"],
                 ["claims", "--db", pg_url, "--format", "json"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (args, result.output)


def test_ruydad_db_url_selects_postgres(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RUYDAD_DB", pg_url)
    assert default_db() == pg_url
    with Store.open() as store:
        assert store.backend == "postgres"


def test_unreachable_server_is_a_store_error_without_the_password() -> None:
    with pytest.raises(StoreError, match="cannot connect") as info:
        Store.open("postgresql://ruydad:s3cret@127.0.0.1:1/ruydad")
    assert "s3cret" not in str(info.value)


def test_every_duckdb_migration_has_a_postgres_twin() -> None:
    duck = [(m.version, m.name) for m in available_migrations("duckdb")]
    pg = [(m.version, m.name) for m in available_migrations("postgres")]
    assert pg == duck, "every schema version renders for both backends (ruydad/store/migrations/README.md)"


def test_every_table_has_the_same_columns_on_both_backends(pg_url: str, tmp_path: Path) -> None:
    with Store.open(pg_url) as pg, Store.open(tmp_path / "x.duckdb") as duck:
        tables = [r[0] for r in duck.con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE NOT temporary ORDER BY 1").fetchall()]
        for table in tables:
            assert pg.table_columns(table) == duck.table_columns(table), table


def test_question_marks_in_literals_are_not_placeholders() -> None:
    assert to_pg_sql("SELECT '?' || ?, 'it''s ?', 5 % 2 -- why?") == "SELECT '?' || %s, 'it''s ?', 5 %% 2 -- why?"


def test_store_tables_come_back_typed_as_on_duckdb(pg_url: str, tmp_path: Path, acled_file: Any) -> None:
    path = acled_file(20)
    with Store.open(pg_url) as pg, Store.open(tmp_path / "x.duckdb") as duck:
        ingest_file(pg, path, "acled")
        ingest_file(duck, path, "acled")
        ours, theirs = pg.events(), duck.events()
        assert ours.schema == theirs.schema
        keep = [c for c in EVENT_COLUMN_NAMES if c not in ("batch_id", "ingested_at")]
        assert ours.select(keep).to_pylist() == theirs.select(keep).to_pylist()


# -- concurrent writers -----------------------------------------------------------------------

def _article_events(url: str, rounds: int, per_round: int, errors: list[BaseException]) -> None:
    """A third writer of the events table (article-like rows: a document's rows deleted, inserted anew)."""
    try:
        with Store.open(url) as store:
            marks = ", ".join("?" for _ in EVENT_COLUMN_NAMES)
            for n in range(rounds):
                rows = []
                for k in range(per_round):
                    values = dict.fromkeys(EVENT_COLUMN_NAMES)
                    values.update(dataset="article", dataset_event_id=f"doc{n}:{k}", event_id_cnty=f"doc{n}:{k}",
                                  actor1="Taliban", event_type="Battles", country="Afghanistan", revision=1)
                    rows.append([values[c] for c in EVENT_COLUMN_NAMES])
                with store.transaction() as con:
                    con.execute("DELETE FROM events WHERE dataset = 'article' AND dataset_event_id LIKE ?",
                                [f"doc{n}:%"])
                    con.executemany(f"INSERT INTO events ({', '.join(EVENT_COLUMN_NAMES)}) VALUES ({marks})", rows)
    except BaseException as exc:
        errors.append(exc)


def _ingest(url: str, path: Path, dataset: str, reports: list[IngestReport], errors: list[BaseException]) -> None:
    try:
        with Store.open(url) as store:
            reports.append(ingest_file(store, path, dataset))
    except BaseException as exc:
        errors.append(exc)


def test_two_ingests_and_article_inserts_at_once_lose_nothing(
    pg_url: str, tmp_path: Path, ucdp_sample: Path
) -> None:
    acled = write_synthetic_acled(tmp_path / "acled.csv", 5000)
    Store.open(pg_url).close()  # migrate first, so the threads race on data, not on schema
    reports: list[IngestReport] = []
    errors: list[BaseException] = []
    threads = [
        threading.Thread(target=_ingest, args=(pg_url, acled, "acled", reports, errors)),
        threading.Thread(target=_ingest, args=(pg_url, ucdp_sample, "ucdp", reports, errors)),
        threading.Thread(target=_article_events, args=(pg_url, 20, 5, errors)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not errors, errors
    with Store.open(pg_url) as store:
        by_dataset = store.summary().by_dataset
        stored = {r.dataset: r.stored for r in reports}
        assert by_dataset == {"acled": 5000, "ucdp": stored["ucdp"], "article": 100}
        assert [r["status"] for r in store.batches().to_pylist()] == ["ok", "ok"]


def test_two_ingests_of_one_dataset_at_once_apply_one_after_the_other(pg_url: str, tmp_path: Path) -> None:
    first = write_synthetic_acled(tmp_path / "a.csv", 3000)
    second = tmp_path / "b.csv"
    lines = first.read_text(encoding="utf-8").splitlines(keepends=True)
    more = write_synthetic_acled(tmp_path / "more.csv", 3500).read_text(encoding="utf-8").splitlines(keepends=True)
    # the second export changes the notes of 100 events and adds 500 new ones
    second.write_text("".join([lines[0], *(_edit_notes(x) for x in lines[1:101]), *lines[101:], *more[3001:]]),
                      encoding="utf-8")
    Store.open(pg_url).close()
    reports: list[IngestReport] = []
    errors: list[BaseException] = []
    threads = [threading.Thread(target=_ingest, args=(pg_url, p, "acled", reports, errors)) for p in (first, second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not errors, errors
    with Store.open(pg_url) as store:
        assert store.count_events() == 3500
        assert sum(r.stored for r in reports) == 3500, "each event was new to exactly one of the two ingests"
        assert sum(r.updated for r in reports) == store.summary().revisions
        assert store.summary().revisions in (0, 100)  # 100 when the edited export landed first, then was undone


def _edit_notes(line: str) -> str:
    """The same event with its notes changed (the notes are the first quoted field)."""
    start = line.index('"') + 1
    return line[:start] + "Revised: " + line[start:]


def test_a_deletion_next_to_an_ingest_of_its_dataset_loses_nothing(pg_url: str, tmp_path: Path) -> None:
    path = write_synthetic_acled(tmp_path / "a.csv", 2000)
    with Store.open(pg_url) as store:
        ingest_file(store, path, "acled")
        reports: list[IngestReport] = []
        errors: list[BaseException] = []
        ingest = threading.Thread(target=_ingest, args=(pg_url, path, "acled", reports, errors))
        ingest.start()
        report = delete_events(store, "acled", ["AFG100000", "AFG100001"], source="test")
        ingest.join(timeout=120)
        assert not errors
        assert report.deleted == 2
        # in either order nothing is lost: deleted first, the re-delivery stores the two again
        assert reports[0].stored in (0, 2)
        assert store.count_events() == 1998 + reports[0].stored
        assert reports[0].unchanged + reports[0].stored == 2000


# -- a killed ingest ---------------------------------------------------------------------------

def test_ingest_killed_during_the_copy_leaves_the_store_as_it_was(pg_url: str, tmp_path: Path) -> None:
    small, big = tmp_path / "small.csv", tmp_path / "big.csv"
    write_synthetic_acled(small, 100)
    write_synthetic_acled(big, 300_000, seed=0.7)
    with Store.open(pg_url) as store:
        ingest_file(store, small, "acled")
        before = store.events().to_pylist()
    code = (
        "import sys; from ruydad.store import Store; from ruydad.ingest import ingest_file; "
        "s = Store.open(sys.argv[1]); ingest_file(s, sys.argv[2], 'acled')"
    )
    proc = subprocess.Popen([sys.executable, "-c", code, pg_url, str(big)])
    try:
        _wait_for_query(pg_url, "COPY%", proc)
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
    with Store.open(pg_url) as store:
        _wait_for_no_writer(pg_url)
        assert store.events().to_pylist() == before
        assert store.summary().quarantined == 0
        assert store.count_events() == 100


def _wait_for_query(url: str, pattern: str, proc: subprocess.Popen[Any], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    with psycopg.connect(url, autocommit=True) as conn:
        while time.monotonic() < deadline:
            row = conn.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'ruydad' "
                               "AND state = 'active' AND query LIKE %s", [pattern]).fetchone()
            if row and row[0]:
                return
            assert proc.poll() is None, "the ingest ended before it reached the copy"
            time.sleep(0.02)
    raise AssertionError(f"no {pattern} query seen within {timeout}s")


def _wait_for_no_writer(url: str, timeout: float = 30) -> None:
    """The server notices the killed client's closed socket and rolls its transaction back."""
    deadline = time.monotonic() + timeout
    with psycopg.connect(url, autocommit=True) as conn:
        while time.monotonic() < deadline:
            row = conn.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'ruydad' "
                               "AND state <> 'idle' AND pid <> pg_backend_pid()").fetchone()
            if row and not row[0]:
                return
            time.sleep(0.05)


def test_an_article_is_stored_alike_on_both_backends(pg_url: str, tmp_path: Path) -> None:
    from ruydad.actors.store import claims_table
    from ruydad.extract import extract
    from ruydad.ingest.articles import add_article

    text = (Path(__file__).resolve().parents[1] / "data" / "extract" / "newsweek_2022-08-30.txt").read_text()
    extraction = extract(text, "2022-08-30")
    with Store.open(pg_url) as pg, Store.open(tmp_path / "x.duckdb") as duck:
        ours, theirs = add_article(pg, extraction), add_article(duck, extraction)
        assert (ours.events, ours.claims) == (theirs.events, theirs.claims)
        again = add_article(pg, extraction)  # replaces, never duplicates
        assert pg.count_events(dataset="article") == again.events == theirs.events
        keep = ["subject_text", "predicate", "stance", "start_char"]
        assert claims_table(pg).select(keep).to_pylist() == claims_table(duck).select(keep).to_pylist()
