"""Bring a store to the schema this Ruydad declares, one recorded version at a time.

The versions and what each adds are declared once in :mod:`ruydad.store.schema`; the SQL of each is
rendered for the store's backend (DuckDB or PostgreSQL), plus the hand-written SQL of
``migrations/NNNN_name.sql`` where a version has some (data moves the declaration cannot say). A new
store replays every version in order, so a new store and an upgraded one have the same tables with
the same columns in the same order.

Each version runs in its own transaction together with the row that records it, so a store is
never left half-migrated. A store written by a newer Ruydad (a version we do not know) is refused
rather than silently misread. The mechanism needs only a connection whose ``execute(sql, params)``
takes ``?`` placeholders (:class:`ruydad.store.backend.Connection`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ruydad.errors import StoreError
from ruydad.store.schema import SCHEMA_MIGRATIONS, VERSIONS, Dialect, create_table, version_ddl

_FILE = re.compile(r"^(\d{4})_([a-z0-9_]+?)(?:\.(duckdb|postgres))?\.sql$")
_FILES = "ruydad.store.migrations"

__all__ = ["Dialect", "Migration", "available_migrations", "migrate", "pending_migrations"]


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def _files(dialect: Dialect) -> dict[int, tuple[str, str]]:
    """Version -> (name, SQL) of ``migrations/NNNN_name.sql`` followed by ``NNNN_name.<dialect>.sql``
    where one backend needs text of its own: what both backends share is written once."""
    portable: dict[int, tuple[str, str]] = {}
    own: dict[int, tuple[str, str]] = {}
    for entry in resources.files(_FILES).iterdir():
        match = _FILE.match(entry.name)
        if not match:
            continue
        version, name, only = int(match.group(1)), match.group(2), match.group(3)
        if only is None:
            portable[version] = (name, entry.read_text("utf-8"))
        elif only == dialect:
            own[version] = (name, entry.read_text("utf-8"))
    versions = portable.keys() | own.keys()
    return {v: ((portable.get(v) or own[v])[0],
                "\n".join(part[1] for part in (portable.get(v), own.get(v)) if part)) for v in versions}


def available_migrations(dialect: Dialect = "duckdb") -> list[Migration]:
    """Every schema version, in order, as SQL for ``dialect``."""
    files = _files(dialect)
    declared = {v.number: v.name for v in VERSIONS}
    found = []
    for version in sorted(declared.keys() | files.keys()):
        name, extra = files.get(version, (declared.get(version, ""), ""))
        if version in declared and name != declared[version]:
            raise StoreError(f"migrations/{version:04d}_{name}.sql is named differently from schema version "
                             f"{version} ({declared[version]!r}); rename the file or the version")
        sql = "\n".join(part for part in (version_ddl(version, dialect), extra) if part.strip())
        found.append(Migration(version, name, sql))
    return found


def applied_versions(con: Any, dialect: Dialect = "duckdb") -> set[int]:
    con.execute(create_table(SCHEMA_MIGRATIONS, dialect, if_not_exists=True))
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
    done = applied_versions(con, dialect)
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
