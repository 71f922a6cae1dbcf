"""Apply the numbered SQL files in ``migrations/`` that a store has not seen yet.

Each migration runs in its own transaction together with the row that records it, so a
store is never left half-migrated. A store written by a newer Ruydad (a version we do not
know) is refused rather than silently misread.

The DuckDB files live in ``migrations/``; their PostgreSQL twins, with the same numbers and
names, in ``migrations/postgres/``. One mechanism applies both: it only needs a connection whose
``execute(sql, params)`` takes ``?`` placeholders (DuckDB's, or the PostgreSQL store's adapter).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal

from ruydad.errors import StoreError

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")

Dialect = Literal["duckdb", "postgres"]
_PACKAGES: dict[str, str] = {"duckdb": "ruydad.store.migrations", "postgres": "ruydad.store.migrations.postgres"}


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def available_migrations(dialect: Dialect = "duckdb") -> list[Migration]:
    found = []
    for entry in resources.files(_PACKAGES[dialect]).iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), match.group(2), entry.read_text("utf-8")))
    return sorted(found, key=lambda m: m.version)


def applied_versions(con: Any) -> set[int]:
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        "version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    return {int(r[0]) for r in con.execute("SELECT version FROM schema_migrations").fetchall()}


def pending_migrations(con: Any, dialect: Dialect = "duckdb") -> list[Migration]:
    """The known migrations the store has not recorded, found without writing (so on a read-only
    connection too, which cannot migrate)."""
    row = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
                      ).fetchone()
    done = ({int(r[0]) for r in con.execute("SELECT version FROM schema_migrations").fetchall()}
            if row and row[0] else set())
    return [m for m in available_migrations(dialect) if m.version not in done]


def migrate(con: Any, dialect: Dialect = "duckdb") -> list[Migration]:
    """Apply every known migration the store has not recorded; returns those applied now.

    Missing versions are applied even below the store's highest one, so migrations added on
    parallel branches land wherever they are numbered.
    """
    done = applied_versions(con)
    migrations = available_migrations(dialect)
    known = {m.version for m in migrations}
    unknown = sorted(done - known)
    if unknown:
        raise StoreError(
            f"this store has schema version(s) {', '.join(map(str, unknown))}, newer than this Ruydad knows "
            f"(up to {max(known, default=0)}); upgrade Ruydad to open it"
        )
    applied = []
    for migration in migrations:
        if migration.version in done:
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
