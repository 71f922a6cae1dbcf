"""The small interface every store backend implements, and all that code outside the store may use.

Why an interface: the PostgreSQL store used to imitate a DuckDB connection (rewriting DuckDB-only
SQL by regex), and each gap in the imitation surfaced as a failure in some other module. Now the
surface is declared here, each backend implements it, and everything else (the store's own reads,
claims, tokens, the watch, incidents, migrations) is written against it:

- :class:`Connection` (``store.con``): ``execute(sql, params)`` with ``?`` placeholders and
  ``executemany``; a :class:`Result` reads with ``fetchone``, ``fetchall`` or ``arrow()``. DuckDB's
  own connection is one; :class:`ruydad.store.postgres.PgConnection` is the psycopg one.
- :class:`StoreBackend`: the connection, plus ``upsert`` (rendered from the table's declared key,
  :func:`ruydad.store.schema.upsert_sql`), ``transaction``, ``fetch_table`` (an Arrow table with
  the event model's types on every backend) and ``table_columns``.

SQL sent through it must be SQL both DuckDB and PostgreSQL read; where a module needs one backend's
own SQL (the bulk ingest), it checks ``store.backend``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import pyarrow as pa

    from ruydad.store.schema import Dialect


class Result(Protocol):
    """The rows of one statement."""

    def fetchone(self) -> tuple[Any, ...] | None: ...

    def fetchall(self) -> list[tuple[Any, ...]]: ...

    def arrow(self) -> pa.RecordBatchReader: ...


class Connection(Protocol):
    """SQL with ``?`` placeholders on one connection of a store."""

    def execute(self, sql: str, params: Sequence[Any] | None = None, /) -> Result: ...

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]], /) -> object: ...


class StoreBackend(Protocol):
    """What each backend's store implements; the rest of :class:`ruydad.store.Store` is built on it."""

    backend: Dialect

    @property
    def con(self) -> Connection: ...

    def upsert(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]], *,
               now: Sequence[str] = (), update: Sequence[str] | None = None) -> int: ...

    def transaction(self) -> AbstractContextManager[Connection]: ...

    def fetch_table(self, sql: str, params: Sequence[Any] | None = None) -> pa.Table: ...

    def table_columns(self, table: str) -> list[str]: ...

    def close(self) -> None: ...
