"""The event store, on an embedded DuckDB file by default.

:class:`Store` is what every face reads and writes. Its reading methods (pages of events, an
event's history, the quarantine, the summary) are written once, against the small backend
interface of :mod:`ruydad.store.backend` (``con``, ``upsert``, ``transaction``, ``fetch_table``);
this class implements that interface on DuckDB and :class:`ruydad.store.postgres.PostgresStore` on
PostgreSQL.

The store owns one DuckDB connection. Every write that touches events (an ingest, a deletion)
runs in a single transaction: either the whole batch lands, or nothing does and the events
that were there before are exactly as they were.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from ruydad.errors import InputError, QueryTimeout, StoreError
from ruydad.model import EVENT_COLUMN_NAMES
from ruydad.store.backend import Connection
from ruydad.store.location import DB_ENV_VAR, default_db, default_db_path, is_database_url
from ruydad.store.migrate import migrate, pending_migrations
from ruydad.store.schema import Dialect, upsert_sql

PAGE_ORDER = "event_date DESC NULLS LAST, dataset, dataset_event_id"
"""The order of event pages on every backend: newest first, undated events last, a day's events by
their dataset and id, so a page holds the same events on PostgreSQL as on DuckDB and a cursor
(:func:`ruydad.store.summary.page_cursor`) is a position in it."""
ARROW_BATCH_ROWS = 2048
"""Rows per Arrow batch when a query's result is read (DuckDB's vector size; see ``Store.fetch_table``)."""
LIVE_BATCHES: set[int] = set()
"""Ingest batches this process is running now (the pipeline adds and removes them)."""
INTERRUPTED = ("interrupted: the process ended before the ingest finished (killed or the machine stopped); "
               "nothing of it was stored, run the ingest again")

if TYPE_CHECKING:
    import pyarrow as pa

    from ruydad.query import Catalog, Filters, Query, QueryContext
    from ruydad.store.summary import SummaryState

__all__ = ["DB_ENV_VAR", "Store", "StoreSummary", "default_db", "default_db_path", "open_store"]


@dataclass(frozen=True)
class StoreSummary:
    path: str
    schema_version: int
    events: int
    by_dataset: dict[str, int]
    first_date: date | None
    last_date: date | None
    revisions: int
    quarantined: int
    batches: int
    countries: list[str]


class Store:
    """An event store. Open it with :meth:`open`; use it as a context manager to close it.

    ``Store.open(path)`` opens the embedded DuckDB file; ``Store.open("postgresql://...")`` returns
    a :class:`ruydad.store.postgres.PostgresStore`, a subclass with the same methods.
    ``backend`` says which ("duckdb" or "postgres") for the few places that need their own SQL.

    ``con`` is the :class:`~ruydad.store.backend.Connection` portable SQL goes through; ``duck`` is
    the DuckDB connection itself, for the DuckDB-only work of the ingest (registering Arrow tables,
    query progress), which a PostgreSQL store does not have.
    """

    backend: Dialect = "duckdb"
    con: Connection
    _query_contexts: dict[str, tuple[tuple[Any, ...], QueryContext]]
    """Set on first use (:meth:`query_context`); readers made by :meth:`reader` share their parent's."""

    interrupted = False
    """Set when :meth:`query_budget` interrupted a query of this store's connection."""

    reads_once = False
    """True on a store made for one request's reads (:meth:`reader`): it reads the summary's state
    once (:meth:`summary_state`), though a request asks for it several times (the page, its count,
    the catalog's freshness), so the request's answers all rest on the state of one moment."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str) -> None:
        self._duck = con
        self.con = con
        self.path = path

    @property
    def duck(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection itself (DuckDB-only work; :class:`StoreError` on other backends)."""
        return self._duck

    @classmethod
    def open(cls, path: str | Path | None = None, *, read_only: bool = False,
             wait_seconds: float | None = None) -> Store:
        """Open the store; ``read_only`` takes a lock other readers share (the dashboard, another
        command), so use it whenever nothing is written. While another process writes to the file,
        opening waits up to ``wait_seconds`` (default ``$RUYDAD_LOCK_WAIT`` or 10 s) and then says
        which process holds it (:func:`ruydad.store.shared.connect_duckdb`)."""
        from ruydad.store.shared import connect_duckdb

        location = path if path is not None else default_db()
        if is_database_url(location):
            from ruydad.store.postgres import PostgresStore

            return PostgresStore.open(location, read_only=read_only)
        target = Path(location).expanduser()
        if str(target) != ":memory:":
            target.parent.mkdir(parents=True, exist_ok=True)
        try:
            con = connect_duckdb(target, read_only=read_only, wait_seconds=wait_seconds)
            if read_only and pending_migrations(con):
                con.close()  # a read-only connection cannot migrate: migrate once, then read
                cls.open(target, wait_seconds=wait_seconds).close()
                con = connect_duckdb(target, read_only=True, wait_seconds=wait_seconds)
        except duckdb.Error as exc:
            raise StoreError(f"{target} is not a Ruydad store (DuckDB said: {exc})") from exc
        # Track query progress (for Rich progress bars) without DuckDB printing its own bar.
        con.execute("SET enable_progress_bar = true; SET enable_progress_bar_print = false")
        store = cls(con, str(target))
        if not read_only:
            migrate(con)
        return store

    def close(self) -> None:
        self.duck.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the backend interface (ruydad.store.backend.StoreBackend) -----------------------------

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One all-or-nothing unit of work: committed on success, rolled back on any error."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def upsert(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]], *,
               now: Sequence[str] = (), update: Sequence[str] | None = None) -> int:
        """Insert rows into ``table``, or update the rows already there with the same key (the table's
        declared primary key); returns how many rows were given. ``now`` columns take the time of the
        write; ``update`` limits what an existing row takes from the new one (empty: keep it).
        Runs in the open transaction, if any."""
        listed = [list(r) for r in rows]
        if listed:
            self.con.executemany(upsert_sql(table, columns, now=now, update=update), listed)
        return len(listed)

    def fetch_table(self, sql: str, params: Sequence[Any] | None = None) -> pa.Table:
        """The rows of a query as an Arrow table; event columns have the model's types on every backend.

        Read in batches of :data:`ARROW_BATCH_ROWS`: DuckDB sizes each batch's buffers for the batch
        before it fills them, so its default of a million rows cost a 100-row page of 45 columns a
        fifth of its time (1.3 ms of 6.7, ``scripts/bench_web.py`` on a million events)."""
        return self.duck.execute(sql, params).arrow(ARROW_BATCH_ROWS).read_all()

    def table_columns(self, table: str) -> list[str]:
        """The columns of one store table, in order (the schema tests compare backends with it)."""
        rows = self.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = ? ORDER BY ordinal_position", [table]).fetchall()
        return [str(r[0]) for r in rows]

    # -- sharing -----------------------------------------------------------------------------

    def reader(self) -> Store:
        """A store for one more reading thread (a web request): a cursor on this DuckDB connection.
        Close it when done; the PostgreSQL store returns a new read-only connection instead."""
        reader = Store(self.duck.cursor(), self.path)
        reader._query_contexts = self._shared_contexts()
        reader.reads_once = True
        return reader

    def summary_state(self) -> SummaryState | None:
        """The summary tables' state (:func:`ruydad.store.summary.state`; None: a store without them)."""
        from ruydad.store.summary import state

        if not self.reads_once:
            return state(self.con, self.backend)
        if "_summary_state" not in self.__dict__:
            self.__dict__["_summary_state"] = state(self.con, self.backend)
        found: SummaryState | None = self.__dict__["_summary_state"]
        return found

    def data_version(self) -> object:
        """A value that changes when any process commits to the store (cached answers key on it)."""
        from ruydad.store.shared import file_version

        return None if self.path == ":memory:" else file_version(self.path)

    @contextmanager
    def query_budget(self, seconds: float) -> Iterator[None]:
        """Stop any query of this store still running after ``seconds``: :class:`QueryTimeout`.

        DuckDB is interrupted from the process's deadline thread (:mod:`ruydad.store.deadlines`);
        PostgreSQL sets ``statement_timeout``."""
        import threading

        from ruydad.store.deadlines import DEADLINES

        guard = threading.Lock()
        running = [True]

        def stop() -> None:
            with guard:  # never after the budget has ended: the connection may serve another request then
                if running[0]:
                    self.interrupted = True
                    self.duck.interrupt()

        deadline = DEADLINES.after(seconds, stop)
        try:
            yield
        except duckdb.InterruptException as exc:
            raise QueryTimeout(f"the query took longer than {seconds:g} s; narrow the filters") from exc
        finally:
            with guard:
                running[0] = False
            deadline.cancel()

    def ibis_backend(self) -> Any:
        """An Ibis backend over this store's connection, for ``Analysis.from_backend``."""
        import ibis

        return ibis.duckdb.from_connection(self.duck)

    # -- reading -----------------------------------------------------------------------------

    SQL_DIALECT = "duckdb"
    """The sqlglot dialect this store's SQL is written in (the query model renders conditions in it)."""

    def query_context(self, theatre: str | None = None) -> QueryContext:
        """What resolving a question against this store needs (its catalog, the theatre's registry
        and gazetteer), rebuilt only when an ingest has changed the events."""
        from ruydad.query import Catalog, QueryContext, sql_runner
        from ruydad.theatres import DEFAULT_THEATRE

        theatre = theatre or DEFAULT_THEATRE
        from ruydad.store.summary import version_stamp

        version = version_stamp(self)  # one cheap read (no scan of the events on PostgreSQL)
        contexts = self._shared_contexts()
        cached = contexts.get(theatre)
        if cached is not None and cached[0] == version:
            return cached[1]
        context = QueryContext(self._catalog(Catalog, sql_runner(self.con)), theatre)
        contexts[theatre] = (version, context)
        return context

    def _catalog(self, catalog: type[Catalog], run: Any) -> Catalog:
        """The store's catalog: from the summary rollups when they are current, else from the events."""
        from ruydad.store import summary

        found = self.summary_state()
        if found is not None and found.current:
            return catalog.from_rollups(run, summary.ACTOR_MONTH_TABLE, summary.TOTAL_TABLE,
                                        summary.PLACE_MONTH_TABLE)
        return catalog.build(run)

    def _shared_contexts(self) -> dict[str, tuple[tuple[Any, ...], QueryContext]]:
        """Query contexts by theatre, shared with the readers made from this store (:meth:`reader`):
        a web request must not rebuild the catalog (two scans of the events) when nothing changed."""
        found: dict[str, tuple[tuple[Any, ...], QueryContext]] = self.__dict__.setdefault("_query_contexts", {})
        return found

    def query(self, filters: Filters | None = None, **filter_args: Any) -> Query:
        """The filters read against this store: the condition and what each term matched."""
        from ruydad.query import Filters

        if filters is None:
            filters = Filters(**filter_args)
        elif filter_args:
            raise TypeError("give filters either as a Filters or as keywords, not both")
        return self.query_context().resolve(filters)

    def events(
        self,
        filters: Filters | Query | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
        columns: Sequence[str] | None = None,
        after: str | None = None,
        **filter_args: Any,
    ) -> pa.Table:
        """Events matching the filters, newest first, as an Arrow table (a page when ``limit`` is given;
        events of one day come by dataset and id, :data:`PAGE_ORDER`, on every backend).

        ``after`` is a page cursor (:func:`ruydad.store.summary.page_cursor` of the last event of the
        previous page): the page starts right after that event, wherever writes have moved it since.

        Filters can be given as a :class:`ruydad.query.Filters` (or an already resolved ``Query``) or
        as its fields by keyword: ``store.events(actor="Taliban", admin1="Panjshir", limit=10)``.
        """
        query = self._resolved(filters, filter_args)
        selected = list(columns) if columns else list(EVENT_COLUMN_NAMES)
        unknown = [c for c in selected if c not in EVENT_COLUMN_NAMES]
        if unknown:
            raise InputError(f"unknown event column(s): {', '.join(unknown)}")
        if limit is not None and limit < 0:
            raise InputError("limit must be zero or more")
        where = query.where(self.SQL_DIALECT)
        window, compact = "", False
        if after:
            from ruydad.store.summary import place_after

            placed = place_after(self, after, query, limit)
            where, window = f"({where}) AND {placed.where}", placed.bounds
        elif limit:
            from ruydad.store.summary import narrow_page

            placed = narrow_page(self, query, where, limit, offset)  # only the days holding it
            where, offset, window = placed.where, placed.skip, placed.bounds
        if limit and window:
            compact = placed.held is not None and self._compact_window(placed.first, placed.last, placed.held)
        if limit and not window and self.PAGE_BY_ROWID:
            where, offset, window = self._page_days(where, limit, offset)
        return self.fetch_table(self._events_sql(selected, where, limit, offset, window, compact=compact))

    COMPACT_HELD = 4096
    COMPACT_WINDOW_ROWS = 24_576
    """A page whose window holds at most :data:`COMPACT_HELD` selected events among about this many
    rows (twelve of DuckDB's vectors) is read in one sorted pass: the rowid form's second scan and
    join cost more than reading every column of so few rows. Measured on the 1M-event bench store
    (CPU, one thread): a 1-row page 2.4 -> 0.8 ms, a month's first 100 events 4.4 -> 4.0, a
    province's two months 9.6 -> 6.1; beyond, the rowid form wins (a type and a province over
    seven months: 8.8 against 17 ms), as it does when the window holds many more events than the page."""

    def _compact_window(self, first: date | None, last: date | None, held: int) -> bool:
        """Whether a window holds few enough rows for :data:`COMPACT_WINDOW_ROWS` (its days within the
        events' dates, at the store's mean events a day, from the catalog)."""
        if not self.PAGE_BY_ROWID or held > self.COMPACT_HELD or first is None or last is None:
            return False
        coverage = self.query_context().catalog.coverage
        starts = [c.first for c in coverage if c.first]
        ends = [c.last for c in coverage if c.last]
        if not starts or not ends:
            return False
        begin, end = max(first, min(starts)), min(last, max(ends))
        per_day = sum(c.events for c in coverage) / ((max(ends) - min(starts)).days + 1)
        return ((end - begin).days + 1) * per_day <= self.COMPACT_WINDOW_ROWS

    def _page_days(self, where: str, limit: int, offset: int) -> tuple[str, int, str]:
        """The condition and offset of a page narrowed to the days it lies on, found by sorting the
        selected events' dates alone; ``where`` and ``offset`` unchanged when the page is empty or
        reaches events without a date.

        Why: a page is ordered on :data:`PAGE_ORDER`, and sorting every selected event
        on its three keys costs several times more than sorting the dates alone and then the page's few
        days (a date filter of five months on a million events: 17 ms against 6). Pages the summary
        tables already placed (:func:`ruydad.store.summary.narrow_page`) skip this."""
        row = self.con.execute(
            "SELECT min(event_date), max(event_date), count(*), count(event_date) FROM (SELECT event_date "
            f"FROM events WHERE {where} ORDER BY event_date DESC NULLS LAST LIMIT {int(limit)} OFFSET {int(offset)})"
        ).fetchone()
        if row is None or not row[2] or row[2] != row[3]:
            return where, offset, ""
        first, last = row[0].isoformat(), row[1].isoformat()
        newer = self.con.execute(
            f"SELECT count(*) FROM events WHERE ({where}) AND event_date > CAST('{last}' AS DATE)").fetchone()
        bounds = f"event_date >= CAST('{first}' AS DATE) AND event_date <= CAST('{last}' AS DATE)"
        return f"({where}) AND {bounds}", offset - int(newer[0] if newer else 0), bounds

    def _resolved(self, filters: Filters | Query | None, filter_args: dict[str, Any]) -> Query:
        from ruydad.query import Query

        if isinstance(filters, Query):
            if filter_args:
                raise TypeError("give filters either as a Query or as keywords, not both")
            query = filters
        else:
            query = self.query(filters, **filter_args)
        if query.filters.extra:
            raise TypeError("Filters.extra holds Ibis predicates for analyses; the store's pages take the query "
                            "model's fields only")
        return query

    def event(self, dataset: str, dataset_event_id: str) -> dict[str, Any] | None:
        """The current version of one event, or None."""
        cols = ", ".join(EVENT_COLUMN_NAMES)
        rows = self.fetch_table(f"SELECT {cols} FROM events WHERE dataset = ? AND dataset_event_id = ?",
                                [dataset, dataset_event_id]).to_pylist()
        return rows[0] if rows else None

    PAGE_BY_ROWID = True
    """Pages are cut on their sort keys and rowid alone and only then are their rows fetched: sorting
    a million rows on three columns and reading 44 columns for one page keeps a page under ~100 ms."""

    def _events_sql(self, selected: list[str], where: str, limit: int | None, offset: int, window: str = "",
                    *, compact: bool = False) -> str:
        """The page's SQL; ``window`` (plain bounds on event_date, :func:`ruydad.store.summary.narrow_page`)
        also bounds the rows the page's columns are read from, so zone maps skip the rest; ``compact``:
        one sorted pass over the window (:data:`COMPACT_WINDOW_ROWS`)."""
        columns = ", ".join(selected)
        order = PAGE_ORDER
        if limit is None or not self.PAGE_BY_ROWID or compact:
            sql = f"SELECT {columns} FROM events WHERE {where} ORDER BY {order}"
            if limit is None:
                return f"{sql} OFFSET {int(offset)}" if offset else sql
            return f"{sql} LIMIT {int(limit)} OFFSET {int(offset)}"
        page = f"SELECT rowid FROM events WHERE {where} ORDER BY {order} LIMIT {int(limit)} OFFSET {int(offset)}"
        bounded = f"{window} AND " if window else ""
        return f"SELECT {columns} FROM events WHERE {bounded}rowid IN ({page}) ORDER BY {order}"

    def count_events(self, filters: Filters | Query | None = None, **filter_args: Any) -> int:
        from ruydad.store.summary import count

        query = self._resolved(filters, filter_args)
        summed = count(self, query)  # from the summary tables when they hold the query's columns
        if summed is not None:
            return summed
        where = query.where(self.SQL_DIALECT)
        row = self.con.execute(f"SELECT count(*) FROM events WHERE {where}").fetchone()
        return int(row[0]) if row else 0

    def event_history(self, dataset: str, dataset_event_id: str) -> pa.Table:
        """Every stored version of one event, oldest first: earlier revisions, then the current one."""
        cols = ", ".join(EVENT_COLUMN_NAMES)
        sql = (
            f"SELECT {cols}, superseded_at, superseded_by_batch, change FROM event_revisions "
            "WHERE dataset = ? AND dataset_event_id = ? "
            f"UNION ALL SELECT {cols}, NULL, NULL, 'current' FROM events "
            "WHERE dataset = ? AND dataset_event_id = ? ORDER BY revision, superseded_at NULLS LAST"
        )
        params = [dataset, dataset_event_id] * 2
        return self.fetch_table(sql, params)

    def quarantine(self, batch_id: int | None = None, limit: int | None = None) -> pa.Table:
        sql = "SELECT * FROM quarantine"
        params: list[Any] = []
        if batch_id is not None:
            sql += " WHERE batch_id = ?"
            params.append(batch_id)
        sql += " ORDER BY batch_id, row_number NULLS LAST, line NULLS LAST"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return self.fetch_table(sql, params)

    def batches(self) -> pa.Table:
        """Every ingest attempt. An attempt still marked 'running' that no ingest of this process is
        running was cut short (a killed process: DuckDB lets one writing process at a time, and
        it is gone, or this store could not have been opened): it is listed as failed, saying so."""
        live = ", ".join(str(int(b)) for b in LIVE_BATCHES)
        stale = f"status = 'running' AND batch_id NOT IN ({live})" if live else "status = 'running'"
        return self.fetch_table(
            f"SELECT * REPLACE (CASE WHEN {stale} THEN 'failed' ELSE status END AS status, "
            f"CASE WHEN {stale} THEN ? ELSE message END AS message) FROM ingest_batches ORDER BY batch_id",
            [INTERRUPTED])

    def summary(self) -> StoreSummary:
        con = self.con

        def scalar(sql: str) -> Any:
            row = con.execute(sql).fetchone()
            return row[0] if row else None

        from ruydad.store.summary import overview

        counted = overview(self)  # from the summary tables: no scan of the events
        if counted is None:
            by_dataset = dict(con.execute(
                "SELECT dataset, count(*) FROM events GROUP BY dataset ORDER BY dataset").fetchall())
            countries = [r[0] for r in con.execute(
                "SELECT DISTINCT country FROM events WHERE country IS NOT NULL ORDER BY 1").fetchall()]
            events = int(scalar("SELECT count(*) FROM events"))
            first, last = scalar("SELECT min(event_date) FROM events"), scalar("SELECT max(event_date) FROM events")
        else:
            by_dataset, countries = counted.by_dataset, counted.countries
            events, first, last = counted.events, counted.first_date, counted.last_date
        counts = con.execute(  # one statement: each costs a fixed share of a small read
            "SELECT (SELECT max(version) FROM schema_migrations), (SELECT count(*) FROM event_revisions), "
            "(SELECT count(*) FROM quarantine), (SELECT count(*) FROM ingest_batches)").fetchone() or (0, 0, 0, 0)
        return StoreSummary(
            path=self.path,
            schema_version=int(counts[0] or 0),
            events=events,
            by_dataset={str(k): int(v) for k, v in by_dataset.items()},
            first_date=first,
            last_date=last,
            revisions=int(counts[1]),
            quarantined=int(counts[2]),
            batches=int(counts[3]),
            countries=countries,
        )


def open_store(path: str | Path | None = None, *, read_only: bool = False) -> Store:
    """Open (creating and migrating if needed) the store at ``path`` or the default location."""
    return Store.open(path, read_only=read_only)
