"""The schema rendered from one declaration (ruydad.store.schema) is the schema the hand-written
migrations made, on both backends; stores made by those migrations open and upgrade.

``schema_v16/`` freezes the SQL of the migrations as they were last written by hand (versions 1 to
16, DuckDB and PostgreSQL twins). It is never edited: it stands for the stores users already have.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from ruydad.ingest import ingest_file
from ruydad.model import EVENT_COLUMN_NAMES
from ruydad.store import Store
from ruydad.store.migrate import available_migrations
from ruydad.store.schema import TABLES, check_declaration, upsert_sql
from tests.conftest import BACKENDS

FROZEN = Path(__file__).parent / "schema_v16"


@dataclass
class Place:
    backend: str
    new: str
    old: str


@pytest.fixture(params=BACKENDS)
def places(request: pytest.FixtureRequest, tmp_path: Path) -> Place:
    """Two empty stores of one backend: one for the rendered schema, one for the frozen SQL."""
    if request.param == "postgres":
        server = request.getfixturevalue("pg_server")
        names = [f"s{os.getpid()}_{uuid.uuid4().hex[:8]}" for _ in range(2)]
        return Place("postgres", *(server.create_database(n) for n in names))
    return Place("duckdb", str(tmp_path / "new.duckdb"), str(tmp_path / "old.duckdb"))


def build_with_frozen_sql(place: Place, upto: int) -> None:
    """What the hand-written migrations made of an empty store, up to version ``upto``."""
    files = sorted((FROZEN / place.backend).glob("*.sql"))
    statements = ["CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
                  "applied_at TIMESTAMP NOT NULL)"]
    for f in files:
        version, name = int(f.name[:4]), f.stem[5:]
        if version <= upto:
            statements += [f.read_text("utf-8"),
                           f"INSERT INTO schema_migrations VALUES ({version}, '{name}', now())"]
    for sql in statements:
        _raw_execute(place, sql)


def _raw_execute(place: Place, sql: str) -> list[tuple[Any, ...]]:
    """Run SQL on the old store without Ruydad (which would migrate it); the rows it returns."""
    if place.backend == "postgres":
        import psycopg

        with psycopg.connect(place.old, autocommit=True) as conn:
            cur = conn.execute(sql.encode())
            return cur.fetchall() if cur.description else []
    import duckdb

    with duckdb.connect(place.old) as con:
        return con.execute(sql).fetchall()


def describe(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Tables, columns (order, type, nullability, default), keys, checks, indexes and sequences, from
    the catalogs; names a server makes up (PostgreSQL's not-null constraints) are left out."""
    con = store.con
    here = "current_schema()"
    found = {
        "columns": con.execute(
            "SELECT table_name, ordinal_position, column_name, data_type, is_nullable, column_default "
            f"FROM information_schema.columns WHERE table_schema = {here} ORDER BY 1, 2").fetchall(),
        "keys": con.execute(
            "SELECT tc.table_name, tc.constraint_name, tc.constraint_type, k.column_name, k.ordinal_position "
            "FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage k "
            "ON k.constraint_name = tc.constraint_name AND k.table_name = tc.table_name "
            f"WHERE tc.table_schema = {here} AND tc.constraint_type <> 'CHECK' ORDER BY 1, 2, 5").fetchall(),
        "checks": con.execute(
            "SELECT constraint_name, check_clause FROM information_schema.check_constraints "
            f"WHERE constraint_schema = {here} AND check_clause NOT LIKE '%IS NOT NULL' ORDER BY 1").fetchall(),
    }
    if store.backend == "postgres":
        found["indexes"] = con.execute(
            f"SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = {here} ORDER BY 1").fetchall()
        found["sequences"] = con.execute(
            "SELECT sequence_name, start_value, data_type FROM information_schema.sequences "
            f"WHERE sequence_schema = {here} ORDER BY 1").fetchall()
    else:
        found["indexes"] = con.execute("SELECT index_name, sql FROM duckdb_indexes() ORDER BY 1").fetchall()
        found["sequences"] = con.execute(
            "SELECT sequence_name, start_value FROM duckdb_sequences() ORDER BY 1").fetchall()
    return found


@pytest.fixture
def opened() -> Iterator[list[Store]]:
    stores: list[Store] = []
    yield stores
    for s in stores:
        s.close()


def _open(location: str, opened: list[Store]) -> Store:
    store = Store.open(location)
    opened.append(store)
    return store


def _versions(store: Store) -> list[tuple[Any, ...]]:
    return store.con.execute("SELECT version, name, applied_at FROM schema_migrations ORDER BY 1").fetchall()


def test_the_declaration_lists_every_version_it_uses() -> None:
    check_declaration()


def test_a_new_store_has_the_schema_the_hand_written_migrations_made(places: Place, opened: list[Store]) -> None:
    build_with_frozen_sql(places, upto=16)
    new, old = _open(places.new, opened), _open(places.old, opened)
    theirs = describe(old)
    assert describe(new) == theirs
    assert {r[0] for r in theirs["columns"]} == {t.name for t in TABLES} | {"schema_migrations"}
    assert [r[:2] for r in _versions(new)] == [r[:2] for r in _versions(old)]


def test_a_store_of_the_hand_written_migrations_opens_and_takes_ingests(
    places: Place, opened: list[Store], acled_file: Any
) -> None:
    build_with_frozen_sql(places, upto=16)
    before = _raw_execute(places, "SELECT version, name, applied_at FROM schema_migrations ORDER BY 1")
    store = _open(places.old, opened)
    versions = _versions(store)
    assert versions[:len(before)] == before, "versions 1 to 16 are kept as the hand-written SQL recorded them"
    assert [r[0] for r in versions] == [m.version for m in available_migrations(places.backend)]  # type: ignore[arg-type]
    path = acled_file(5)
    assert ingest_file(store, path, "acled").stored == 5
    assert ingest_file(store, path, "acled").unchanged == 5
    assert store.count_events() == 5
    assert store.table_columns("events") == list(EVENT_COLUMN_NAMES)


def test_a_store_from_before_version_16_is_upgraded_to_the_same_schema(
    places: Place, opened: list[Store], acled_file: Any
) -> None:
    build_with_frozen_sql(places, upto=15)
    _raw_execute(places, "INSERT INTO events (dataset, dataset_event_id, revision) VALUES ('acled', 'X1', 1)")
    upgraded = _open(places.old, opened)
    assert describe(upgraded) == describe(_open(places.new, opened))
    assert [r[0] for r in _versions(upgraded)] == [m.version for m in available_migrations(places.backend)]  # type: ignore[arg-type]
    assert upgraded.event("acled", "X1") is not None, "the rows it had are kept"
    assert ingest_file(upgraded, acled_file(3), "acled").stored == 3


def test_upserts_name_the_key_and_the_columns_they_change() -> None:
    assert upsert_sql("api_tokens", ["token_id", "name", "token_hash"], now=["created_at"]) == (
        "INSERT INTO api_tokens (token_id, name, token_hash, created_at) VALUES (?, ?, ?, now()) "
        "ON CONFLICT (token_id) DO UPDATE SET name = excluded.name, token_hash = excluded.token_hash, "
        "created_at = excluded.created_at")
    assert upsert_sql("watch_items", ["source_id", "guid", "url"], update=()).endswith(
        "ON CONFLICT (source_id, guid) DO NOTHING")
    with pytest.raises(ValueError, match="key column"):
        upsert_sql("api_tokens", ["name"])
    with pytest.raises(ValueError, match="no primary key"):
        upsert_sql("events", ["dataset"])
    with pytest.raises(ValueError, match="bogus"):
        upsert_sql("api_tokens", ["token_id", "bogus"])


def test_an_upsert_replaces_on_the_primary_key_and_can_keep_the_existing_row(store: Store) -> None:
    """(Was: PostgreSQL's rewriting of INSERT OR REPLACE / OR IGNORE; now one upsert on every backend.)"""
    columns = ("token_id", "name", "token_hash")
    assert store.upsert("api_tokens", columns, [["t1", "first", "h1"]], now=("created_at",)) == 1
    with store.transaction():
        store.upsert("api_tokens", columns, [["t1", "renamed", "h1"], ["t2", "second", "h2"]], now=("created_at",))
    store.upsert("api_tokens", columns, [["t2", "ignored", "h2"]], now=("created_at",), update=())
    rows = store.con.execute("SELECT token_id, name FROM api_tokens ORDER BY token_id").fetchall()
    assert rows == [("t1", "renamed"), ("t2", "second")]
