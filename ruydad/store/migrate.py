"""Apply the numbered SQL files in ``migrations/`` that a store has not seen yet.

Each migration runs in its own transaction together with the row that records it, so a
store is never left half-migrated. A store written by a newer Ruydad (a version we do not
know) is refused rather than silently misread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

import duckdb

from ruydad.errors import StoreError

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def available_migrations() -> list[Migration]:
    found = []
    for entry in resources.files("ruydad.store.migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), match.group(2), entry.read_text("utf-8")))
    return sorted(found, key=lambda m: m.version)


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        "version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    row = con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()
    return int(row[0]) if row else 0


def migrate(con: duckdb.DuckDBPyConnection) -> list[Migration]:
    """Bring the store to the newest schema; returns the migrations applied now."""
    version = current_version(con)
    migrations = available_migrations()
    newest = migrations[-1].version if migrations else 0
    if version > newest:
        raise StoreError(
            f"this store has schema version {version}, newer than this Ruydad knows ({newest}); "
            "upgrade Ruydad to open it"
        )
    applied = []
    for migration in migrations:
        if migration.version <= version:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(migration.sql)
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, now())", [migration.version, migration.name]
            )
            con.execute("COMMIT")
        except Exception as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"migration {migration.version:04d}_{migration.name} failed: {exc}") from exc
        applied.append(migration)
    return applied
