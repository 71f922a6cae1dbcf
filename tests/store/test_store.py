from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from ruydad.errors import StoreError
from ruydad.model import EVENT_COLUMN_NAMES
from ruydad.store import Store, default_db_path
from ruydad.store.migrate import available_migrations


def test_new_store_has_every_model_column_in_order(store: Store) -> None:
    columns = store.table_columns("events")
    assert columns == list(EVENT_COLUMN_NAMES)


def test_revisions_table_is_events_plus_supersession(store: Store) -> None:
    columns = store.table_columns("event_revisions")
    # every event column (those added by later migrations come after the supersession columns)
    assert sorted(columns) == sorted([*EVENT_COLUMN_NAMES, "superseded_at", "superseded_by_batch", "change"])
    assert len(columns) == len(set(columns))


def test_migrations_are_recorded_once_and_reopening_applies_nothing(store_location: str | Path) -> None:
    Store.open(store_location).close()
    with Store.open(store_location) as store:
        versions = [r[0] for r in store.con.execute(
            "SELECT version FROM schema_migrations ORDER BY version").fetchall()]
    assert versions == [m.version for m in available_migrations()]


def test_store_from_a_newer_ruydad_is_refused(store_location: str | Path) -> None:
    with Store.open(store_location) as store:
        store.con.execute("INSERT INTO schema_migrations VALUES (9999, 'future', now())")
    with pytest.raises(StoreError, match="newer than this Ruydad knows"):
        Store.open(store_location)


@pytest.mark.duckdb_only
def test_store_from_a_newer_ruydad_is_refused_when_written_by_duckdb_itself(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    Store.open(path).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_migrations VALUES (9999, 'future', now())")
    con.close()
    with pytest.raises(StoreError, match="newer than this Ruydad knows"):
        Store.open(path)


@pytest.mark.duckdb_only
def test_a_file_that_is_not_a_database_is_refused_with_its_path(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match=str(path)):
        Store.open(path)


@pytest.mark.duckdb_only
def test_default_path_follows_ruydad_db(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("RUYDAD_DB", str(tmp_path / "x.duckdb"))
    assert default_db_path() == tmp_path / "x.duckdb"
    monkeypatch.delenv("RUYDAD_DB")
    assert default_db_path().name == "ruydad.duckdb"


def test_empty_store_summary(store: Store) -> None:
    summary = store.summary()
    assert summary.events == 0
    assert summary.by_dataset == {}
    assert summary.first_date is None


def test_unknown_column_is_an_input_error(store: Store) -> None:
    from ruydad.errors import InputError

    with pytest.raises(InputError, match="bogus"):
        store.events(columns=["event_date", "bogus"])


def test_a_reader_sees_what_the_store_committed(store: Store) -> None:
    store.con.execute("INSERT INTO events (dataset, dataset_event_id, event_date) VALUES ('acled', 'X1', "
                      "DATE '2022-01-01')")
    reader = store.reader()
    try:
        assert reader.count_events() == 1
        assert reader.backend == store.backend
    finally:
        reader.close()
