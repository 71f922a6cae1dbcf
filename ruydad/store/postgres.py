"""The event store on a PostgreSQL server: the team-server face of :class:`ruydad.store.Store`.

Chosen by a database URL (``postgresql://user@host:5432/ruydad``) wherever a store path is accepted
(``Store.open``, ``open_store``, ``RUYDAD_DB``). The tables, their columns and their order are the
DuckDB store's (rendered from one declaration, :mod:`ruydad.store.schema`, by the same versioned
mechanism), so every reader of the store sees the same thing on either backend.

:class:`PostgresStore` implements the backend interface of :mod:`ruydad.store.backend`:
:class:`PgConnection` is its :class:`~ruydad.store.backend.Connection` over psycopg 3 (``?``
placeholders become psycopg's ``%s``; results read with ``fetchone``, ``fetchall`` or ``arrow``),
``fetch_table`` gives event columns the Arrow types DuckDB gives them, and upserts are rendered
from the tables' declared keys like on DuckDB. Nothing is rewritten: SQL that only DuckDB reads
fails here, and the module that needs it has a PostgreSQL branch (the bulk ingest,
:mod:`ruydad.ingest.postgres`).

Concurrency: each ``PostgresStore`` holds one connection, so give each thread or process its own
store. Ingests serialise per dataset on a transaction-scoped advisory lock (see
:func:`dataset_lock`), so two writers of the same dataset never classify against a stale table,
while writers of different datasets (an ACLED ingest next to article inserts) run side by side;
the unique key on ``(dataset, dataset_event_id)`` is the last line of defence.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ruydad.errors import QueryTimeout, StoreError
from ruydad.model import EVENT_COLUMNS
from ruydad.store.embedded import Store
from ruydad.store.location import normalise_url
from ruydad.store.migrate import migrate
from ruydad.store.schema import Dialect

ARROW_BY_SQL_TYPE: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(), "DATE": pa.date32(), "INTEGER": pa.int32(), "TINYINT": pa.int8(),
    "SMALLINT": pa.int16(), "DOUBLE": pa.float64(), "BIGINT": pa.int64(), "TIMESTAMP": pa.timestamp("us"),
}
"""The Arrow type DuckDB gives each model SQL type; the PostgreSQL store returns the same."""

_ARROW_BY_OID: dict[int, pa.DataType] = {
    16: pa.bool_(), 20: pa.int64(), 21: pa.int16(), 23: pa.int32(), 26: pa.int64(), 700: pa.float32(),
    701: pa.float64(), 1700: pa.float64(), 1082: pa.date32(), 1114: pa.timestamp("us"),
    1184: pa.timestamp("us", tz="UTC"), 25: pa.string(), 1043: pa.string(), 1042: pa.string(), 19: pa.string(),
}


def redact_url(url: str) -> str:
    """The URL without its password, for messages and ``summary().path``."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def as_model_types(table: pa.Table) -> pa.Table:
    """Event columns with the Arrow types DuckDB gives them (``time_precision`` is int8, not
    PostgreSQL's int2), so both backends return identical tables; other columns are kept."""
    types = {c.name: ARROW_BY_SQL_TYPE[c.sql_type] for c in EVENT_COLUMNS}
    schema = pa.schema([pa.field(f.name, types.get(f.name, f.type)) for f in table.schema])
    return table.cast(schema)


def to_pg_sql(sql: str) -> str:
    """DuckDB-style ``?`` placeholders to psycopg's ``%s`` (and a literal ``%`` to ``%%``).

    ``?`` inside quoted strings, quoted identifiers and comments is left alone, so
    ``'?' || inter1`` keeps meaning a question mark.
    """
    out: list[str] = []
    i, n = 0, len(sql)
    while i < n:
        ch = sql[i]
        if ch in ("'", '"'):
            end = i + 1
            while end < n:
                if sql[end] == ch:
                    if end + 1 < n and sql[end + 1] == ch:
                        end += 2
                        continue
                    break
                end += 1
            out.append(sql[i:end + 1].replace("%", "%%"))
            i = end + 1
        elif ch == "-" and sql.startswith("--", i):
            end = sql.find("\n", i)
            end = n if end < 0 else end
            out.append(sql[i:end].replace("%", "%%"))
            i = end
        elif ch == "?":
            out.append("%s")
            i += 1
        elif ch == "%":
            out.append("%%")
            i += 1
        else:
            out.append(ch)
            i += 1
    return "".join(out)


class PgResult:
    """The rows of one statement (:class:`ruydad.store.backend.Result`)."""

    def __init__(self, columns: list[str], oids: list[int], rows: list[tuple[Any, ...]]) -> None:
        self.columns, self.oids, self.rows = columns, oids, rows
        self._next = 0

    def fetchone(self) -> tuple[Any, ...] | None:
        if self._next >= len(self.rows):
            return None
        self._next += 1
        return self.rows[self._next - 1]

    def fetchall(self) -> list[tuple[Any, ...]]:
        rest, self._next = self.rows[self._next:], len(self.rows)
        return rest

    def to_arrow_table(self, schema: pa.Schema | None = None) -> pa.Table:
        arrays = []
        fields = []
        for j, (name, oid) in enumerate(zip(self.columns, self.oids, strict=True)):
            values = [row[j] for row in self.rows]
            wanted = schema.field(name).type if schema is not None and name in schema.names else None
            arrow_type = wanted or _ARROW_BY_OID.get(oid) or _infer_type(values)
            arrays.append(pa.array([_plain(v) for v in values], type=arrow_type))
            fields.append(pa.field(name, arrow_type))
        return pa.Table.from_arrays(arrays, schema=pa.schema(fields))

    def arrow(self) -> pa.RecordBatchReader:
        """A reader, as DuckDB 1.4+ returns, so ``.arrow().read_all()`` works on both backends."""
        table = self.to_arrow_table()
        return pa.RecordBatchReader.from_batches(table.schema, table.to_batches())


def _plain(value: Any) -> Any:
    """Values Arrow converts: numerics of ``numeric`` columns as floats, other types as they are."""
    from decimal import Decimal

    return float(value) if isinstance(value, Decimal) else value


def _infer_type(values: list[Any]) -> pa.DataType:
    sample = next((v for v in values if v is not None), None)
    if isinstance(sample, datetime):
        return pa.timestamp("us")
    if isinstance(sample, date):
        return pa.date32()
    return pa.array([sample]).type if sample is not None else pa.string()


class PgConnection:
    """A psycopg 3 connection as a :class:`ruydad.store.backend.Connection` (``?`` placeholders).

    Runs in autocommit mode: a statement outside :meth:`PostgresStore.transaction` is its own
    transaction, as in DuckDB; ``BEGIN``/``COMMIT`` sent as SQL (the migrations) work as well.
    ``raw`` is the psycopg connection, for what only PostgreSQL does (``COPY``).
    """

    def __init__(self, conn: Any) -> None:
        self.raw = conn

    def execute(self, sql: str, params: Sequence[Any] | None = None, /) -> PgResult:
        with self.raw.cursor() as cur:
            if params is None:
                cur.execute(sql)  # without parameters psycopg sends the text as it is
            else:
                cur.execute(to_pg_sql(sql), list(params))
            return _result(cur)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]], /) -> PgResult:
        with self.raw.cursor() as cur:
            cur.executemany(to_pg_sql(sql), [list(r) for r in rows])
        return PgResult([], [], [])

    def close(self) -> None:
        self.raw.close()


def _result(cur: Any) -> PgResult:
    if cur.description is None:
        return PgResult([], [], [])
    columns = [d.name for d in cur.description]
    oids = [d.type_code for d in cur.description]
    return PgResult(columns, oids, cur.fetchall())


def dataset_lock(con: PgConnection, dataset: str) -> None:
    """Hold, until the current transaction ends, the lock that serialises writers of ``dataset``.

    A transaction-scoped advisory lock keyed by the dataset name: the second ingest of the same
    dataset waits for the first to commit and then classifies against what it stored, instead of
    both seeing an event as new and one failing on the unique key.
    """
    key = zlib.crc32(f"ruydad:dataset:{dataset}".encode())
    con.execute("SELECT pg_advisory_xact_lock(?, ?)", [0x52554459, key - (1 << 31)])


class PostgresStore(Store):
    """The event store on PostgreSQL; same methods as the DuckDB store. Open with :meth:`open`."""

    backend: Dialect = "postgres"
    SQL_DIALECT = "postgres"

    def __init__(self, con: PgConnection, url: str) -> None:
        self.con = con
        self.pg = con
        self.url = url
        self.path = redact_url(url)
        self._ibis: Any = None
        self._budget_ms: int | None = None

    @classmethod
    def open(cls, path: str | Path | None = None, *, read_only: bool = False,
             wait_seconds: float | None = None) -> PostgresStore:
        """Connect (``wait_seconds`` is for DuckDB files: PostgreSQL queues lock waits itself)."""
        if path is None:
            raise StoreError("give the PostgreSQL store a URL: postgresql://user@host:port/database")
        url = normalise_url(path)
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - depends on the installation
            raise StoreError("a PostgreSQL store needs psycopg 3: pip install 'psycopg[binary]'") from exc
        try:
            raw = psycopg.connect(url, autocommit=True, application_name="ruydad")
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to the store {redact_url(url)}: {str(exc).strip()}") from exc
        raw.execute("SET TIME ZONE 'UTC'")
        con = PgConnection(raw)
        store = cls(con, url)
        if read_only:
            raw.execute("SET default_transaction_read_only = on")
        else:
            _migrate_locked(con)
        return store

    def close(self) -> None:
        if self._ibis is not None:
            try:
                self._ibis.disconnect()
            except Exception:
                pass
            self._ibis = None
        self.pg.close()

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """One all-or-nothing unit of work; nested calls become savepoints of the outer one."""
        with self.pg.raw.transaction():
            yield self.con

    @property
    def duck(self) -> duckdb.DuckDBPyConnection:
        raise StoreError("this is a PostgreSQL store: DuckDB-only work needs a PostgreSQL branch "
                         "(check store.backend)")

    def fetch_table(self, sql: str, params: Sequence[Any] | None = None) -> pa.Table:
        return as_model_types(self.pg.execute(sql, params).to_arrow_table())

    PAGE_BY_ROWID = False  # PostgreSQL has no rowid; its planner pages with an index-free sort

    def batches(self) -> pa.Table:
        """Every ingest attempt. Several processes write to a server at once, so a 'running' row may
        be live: it is listed as it is."""
        return self.fetch_table("SELECT * FROM ingest_batches ORDER BY batch_id")

    def reader(self) -> PostgresStore:
        """A read-only store on a new connection, for one more reading thread (psycopg connections
        are not shared between threads' transactions)."""
        reader = PostgresStore.open(self.url, read_only=True)
        reader._query_contexts = self._shared_contexts()
        reader.reads_once = True
        return reader

    def data_version(self) -> object:
        """The server's transaction snapshot (``pg_current_snapshot()``): it changes when a transaction
        that wrote commits or aborts, from any process (also other databases' on the same server, which
        only costs a cache miss), at once (``synchronous_commit = off`` does not delay it). Not the
        write-ahead log position: reads write WAL of their own (pruning a page a refresh left dead rows
        in), so the first read after every ingest looked like another process's write and emptied the
        web app's response cache."""
        try:
            row = self.con.execute("SELECT pg_current_snapshot()::text").fetchone()
        except Exception:  # no right to read it: no cross-process version
            return None
        return row[0] if row else None

    @contextmanager
    def query_budget(self, seconds: float) -> Iterator[None]:
        """Stop any statement of this store (its analysis connection too) still running after
        ``seconds``: PostgreSQL's ``statement_timeout``, then :class:`QueryTimeout`."""
        import psycopg

        millis = max(1, int(seconds * 1000))
        raws = [self.pg.raw] + ([self._ibis.con] if self._ibis is not None else [])
        self._budget_ms = millis
        for raw in raws:
            raw.execute(f"SET statement_timeout = {millis}")
        try:
            yield
        except psycopg.errors.QueryCanceled as exc:
            raise QueryTimeout(f"the query took longer than {seconds:g} s; narrow the filters") from exc
        finally:
            self._budget_ms = None
            for raw in [self.pg.raw] + ([self._ibis.con] if self._ibis is not None else []):
                if not raw.closed:
                    raw.execute("SET statement_timeout = 0")

    def ibis_backend(self) -> Any:
        """An Ibis PostgreSQL backend on a second connection, so analysis reads never run inside
        (or block) a write transaction of this store."""
        if self._ibis is None:
            import ibis
            import psycopg

            raw = psycopg.connect(self.url, autocommit=True, application_name="ruydad-analysis")
            raw.execute("SET TIME ZONE 'UTC'")
            if self._budget_ms:  # opened inside query_budget: the budget holds here too
                raw.execute(f"SET statement_timeout = {int(self._budget_ms)}")
            self._ibis = ibis.postgres.from_connection(raw)
        return self._ibis


def _migrate_locked(con: PgConnection) -> None:
    """Migrate under a session advisory lock, so two processes opening a new server at once do not
    both create the tables."""
    con.execute("SELECT pg_advisory_lock(?)", [0x52554459])
    try:
        migrate(con, "postgres")
    finally:
        con.execute("SELECT pg_advisory_unlock(?)", [0x52554459])
