"""One store, many processes: how a long-running server shares the store with the command line.

A DuckDB file takes one lock per process: a read-write connection excludes every other process, a
read-only one excludes writers. A dashboard that kept its connection open would lock the analyst's
shell out of the store for as long as the page is open. So the server holds the file only while it
answers (:class:`SharedStore`):

- reads lease a cursor of one read-only connection (kept for the next request when done), opened
  on the first request and closed again, with its cursors, ``idle_seconds`` after the last lease
  ends, so ``ruydad status`` and ``ruydad events`` work beside it (read-only locks are shared) and
  ``ruydad ingest`` gets the file between requests;
- a write (an upload, an article) switches to a read-write connection once the reads in flight
  have finished; reads continue on cursors of that connection, which is closed as soon as they
  have, so reads go back to a read-only connection;
- a process that wants to write first takes the write turn (:mod:`ruydad.store.turn`); the others,
  even when their requests overlap and never leave them idle (several server workers under load),
  then finish the reads in flight, let go of the file and wait for the write to end;
- each new connection sees what other processes committed meanwhile, and :meth:`data_version`
  changes with every such commit, so cached responses are never staler than the store.

When the other process keeps the file (a long ingest), opening waits up to ``wait_seconds`` and
then fails with a :class:`~ruydad.errors.StoreError` naming the process that holds it.
:class:`HeldStore` gives a store opened by the caller (tests, PostgreSQL) the same interface.
PostgreSQL needs no such care: the server handles many connections and their locks itself.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import duckdb

from ruydad.errors import StoreError
from ruydad.store.deadlines import DEADLINES, Deadline
from ruydad.store.embedded import Store
from ruydad.store.turn import WriteTurn, turn_for

if TYPE_CHECKING:
    from ruydad.store.summary import SummaryState

LOCK_WAIT_ENV = "RUYDAD_LOCK_WAIT"
"""Seconds a command waits for another process to release the store file (default 10)."""
_HOLDER = re.compile(r"PID (\d+)")
SERVING_SETTINGS = "SET disabled_optimizers = 'compressed_materialization'"
"""DuckDB settings of a serving connection. Compressed materialization packs the values a sort or a
join holds to save memory on large results; a server's answers sort and join a page or a few
thousand summary rows, where the packing only costs: a 100-row page of 45 columns 3.9 -> 3.3 ms of
CPU on the 1M-event bench store (four paired runs)."""
IDLE_CURSORS = 32
"""Cursors of the read connection kept between requests (one per worker thread that reads at once):
opening and closing a cursor per request cost a few per cent of a small read's CPU."""


class StoreAccess(Protocol):
    """What the web app needs of a store: reads by many threads, one short write at a time."""

    path: str
    backend: str

    def reader(self) -> Store: ...

    def writing(self) -> Any: ...

    def data_version(self) -> object: ...

    def close(self) -> None: ...


def lock_wait_seconds() -> float:
    try:
        return float(os.environ.get(LOCK_WAIT_ENV, "10"))
    except ValueError:
        raise StoreError(f"{LOCK_WAIT_ENV}={os.environ[LOCK_WAIT_ENV]!r} is not a number of seconds") from None


def describe_holder(message: str) -> str:
    """'process 1234 (ruydad serve --port 8000)' from DuckDB's lock message, as far as it can be known."""
    found = _HOLDER.search(message)
    if not found:
        return "another process"
    pid = found.group(1)
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        words = [Path(a.decode(errors="replace")).name if i == 0 else a.decode(errors="replace")
                 for i, a in enumerate(argv) if a]
        # `python -m ruydad ...` or `.venv/bin/ruydad ...`: show from the ruydad word on
        start = next((i for i, w in enumerate(words) if w.startswith("ruydad")), 0)
        command = " ".join(words[start:])[:120]
    except OSError:
        command = ""
    return f"process {pid}" + (f" ({command})" if command else "")


def connect_duckdb(path: str | Path, *, read_only: bool,
                   wait_seconds: float | None = None) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection to ``path``, waiting while another process holds a conflicting lock.

    After ``wait_seconds`` (default :func:`lock_wait_seconds`) the error says which process holds the
    file and what to do about it.
    """
    wait = lock_wait_seconds() if wait_seconds is None else wait_seconds
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" not in str(exc).lower():
            raise StoreError(f"cannot open the store {path}: {exc}") from exc
    if read_only or str(path) == ":memory:":
        return _connect_waiting(path, read_only, wait)
    # a writer takes the write turn while it waits, so servers sharing the file let go of it
    # (ruydad.store.turn); the turn ends once the file is ours: DuckDB's lock holds it from then on
    with turn_for(path).held(wait):
        return _connect_waiting(path, read_only, wait)


def _connect_waiting(path: str | Path, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + wait
    delay = 0.02
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            text = str(exc)
            if "lock" not in text.lower():
                raise StoreError(f"cannot open the store {path}: {text}") from exc
            if time.monotonic() >= deadline:
                holder = describe_holder(text)
                mode = "read" if read_only else "write to"
                raise StoreError(
                    f"cannot {mode} the store {path}: {holder} is writing to it (waited {wait:.0f} s). "
                    f"Wait for it to finish and try again, or stop it; {LOCK_WAIT_ENV}=SECONDS waits longer"
                ) from exc
            time.sleep(delay)
            delay = min(delay * 2, 0.1)


def _memory_share_mb(processes: int) -> int:
    """One of ``processes`` equal shares of DuckDB's default memory limit (80% of physical memory), in MB."""
    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return max(256, int(total * 0.8 / processes / 2**20))


def serving_threads(processes: int) -> int:
    """DuckDB threads for each of ``processes`` serving processes: half the machine's cores, shared.

    A server's parallelism is its requests, several reading at once; a query's own threads mostly
    add hand-offs there: on two cores a small summary read took 0.95 ms of CPU with two threads
    and 0.71 with one, and the web bench's requests about 7% less CPU each. Half the cores keeps a
    large analysis parallel on a bigger machine."""
    return max(1, (os.cpu_count() or 1) // (2 * processes))


def file_version(path: str) -> object:
    """The size and modification time of a DuckDB file and its write-ahead log: a commit by any
    process changes one of them, so answers cached under an older value are stale."""
    stamp: list[tuple[int, int] | None] = []
    for name in (path, path + ".wal"):
        try:
            st = os.stat(name)
            stamp.append((st.st_mtime_ns, st.st_size))
        except FileNotFoundError:
            stamp.append(None)
    return tuple(stamp)


class SharedStore:
    """A DuckDB store file served to many threads while other processes use it too (module docstring)."""

    backend = "duckdb"

    def __init__(self, path: str | Path, *, idle_seconds: float = 0.5, wait_seconds: float | None = None,
                 processes: int = 1) -> None:
        """``processes``: how many processes serve the file side by side (``ruydad serve
        --workers``); each connection takes its share of DuckDB's defaults, the memory limit (80% of
        the machine's memory) and the threads (one per core), so N workers together take what one
        would: more threads than cores only make queries wait on each other (on the 1M-event bench,
        two workers used 8.5 -> 8.1 ms of CPU a request with one thread each)."""
        self.path = str(Path(path).expanduser())
        self.idle_seconds = idle_seconds
        self.wait_seconds = wait_seconds
        self.processes = max(1, processes)
        self._state = threading.Condition()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._writable = False
        self._leases = 0
        self._waiting_writers = 0
        self._idle_timer: Deadline | None = None
        self._write_lock = threading.Lock()
        self._closed = False
        self._generation = 0
        self._summary_memo: tuple[int, Any] | None = None
        self._idle_cursors: list[tuple[duckdb.DuckDBPyConnection, dict[str, Any]]] = []
        self.query_contexts: dict[str, Any] = {}
        self._turn: WriteTurn = turn_for(self.path)
        self._downgrading = False

    @classmethod
    def open(cls, path: str | Path, **options: Any) -> SharedStore:
        """Create and migrate the store if needed (briefly holding it for writing), then share it."""
        shared = cls(path, **options)
        Path(shared.path).parent.mkdir(parents=True, exist_ok=True)
        Store.open(shared.path, wait_seconds=shared.wait_seconds).close()
        return shared

    # -- leases ------------------------------------------------------------------------------

    def reader(self) -> Store:
        """A store for one reading thread; close it when done (that ends the lease)."""
        with self._state:
            self._await_reading_turn()
            self._ensure(writable=False)
            return self._lease_cursor()

    def try_reader(self) -> Store | None:
        """A reading lease if one can be had at once (a connection is open and nothing makes a read
        wait), else None: then call :meth:`reader`, which may wait, from a worker thread.

        Why: the server asks for a store on its event loop, where nothing may block; handing every
        request to a worker thread just to take a cursor from the pool and back cost a third of the
        time a small read held the interpreter (``Queue.put`` and the wake-up of a thread, twice)."""
        if not self._state.acquire(blocking=False):
            return None
        try:
            if self._closed or self._con is None or self._own_write_pending() or self._other_write_pending():
                return None
            self._cancel_idle_close()
            return self._lease_cursor()
        finally:
            self._state.release()

    def _lease_cursor(self) -> Store:
        """A reading lease on a kept cursor, or a new one (caller holds ``_state``; a connection is open)."""
        assert self._con is not None
        if self._idle_cursors:
            cursor, kept = self._idle_cursors.pop()
        else:
            cursor, kept = self._con.cursor(), {}
        self._leases += 1
        return _Lease(cursor, self, reads_once=True, kept=kept)

    def _own_write_pending(self) -> bool:
        """A write of this process waits for the reads in flight, or is going back to reading
        (caller holds ``_state``); reads on its read-write connection go on meanwhile."""
        return self._downgrading or (bool(self._waiting_writers) and not self._writable)

    def _other_write_pending(self) -> bool:
        """Another process holds the write turn, and this one reads read-only (caller holds ``_state``)."""
        return not self._writable and self._turn.wanted_elsewhere()

    def _lock_wait(self) -> float:
        return lock_wait_seconds() if self.wait_seconds is None else self.wait_seconds

    def _await_reading_turn(self) -> None:
        """Wait (caller holds ``_state``) until a read may start: not while this process waits to
        write or goes back to reading after a write, and not while another process holds the write
        turn (:mod:`ruydad.store.turn`): then the reads in flight finish, the file is let go, and
        reading resumes when that process's write is done (or after the lock wait, when DuckDB's
        own lock decides)."""
        deadline: float | None = None
        while True:
            if self._own_write_pending():
                self._state.wait()  # this process's write comes first
                continue
            if not self._other_write_pending():
                return
            if self._con is not None and self._leases:
                self._state.wait(0.01)  # let the reads in flight finish
                continue
            if self._con is not None:
                self._close_now()  # let the writing process in
            if deadline is None:
                deadline = time.monotonic() + self._lock_wait()
            if time.monotonic() >= deadline:
                return  # DuckDB's lock and its wait decide from here
            self._state.wait(0.01)

    @contextmanager
    def writing(self) -> Iterator[Store]:
        """A store for one short write (writes are serialised); reads go on beside it.

        Other processes sharing the file are asked to let go of it first (the write turn,
        :mod:`ruydad.store.turn`); after the write this process reads through a read-only connection
        again, so they can come back."""
        wait = self._lock_wait()
        with self._write_lock:
            with self._state:
                self._waiting_writers += 1
                waiting = True
                while self._con is not None and not self._writable and self._leases:
                    self._state.wait()
                if self._con is not None and not self._writable:
                    self._close_now()  # held read-only while another process waits for the turn: a deadlock
            try:
                with self._turn.held(wait):
                    with self._state:
                        try:
                            self._ensure(writable=True)
                        finally:
                            self._waiting_writers -= 1
                            waiting = False
                            self._state.notify_all()
                        assert self._con is not None
                        cursor = self._con.cursor()
                        self._leases += 1
                    lease = _Lease(cursor, self)
                    try:
                        yield lease
                    finally:
                        lease.close()
                        self._back_to_reading()
            finally:
                if waiting:  # the turn never came: the reads this write held back go on
                    with self._state:
                        self._waiting_writers -= 1
                        self._state.notify_all()

    def _back_to_reading(self) -> None:
        """After a write: once the reads on the read-write connection have finished, close it, so
        the next read opens the file read-only and other processes may read (and write) again."""
        with self._state:
            self._downgrading = True
            try:
                while self._leases:
                    self._state.wait()
                if self._con is not None and self._writable:
                    self._close_now()
            finally:
                self._downgrading = False
                self._state.notify_all()

    def _ensure(self, *, writable: bool) -> None:
        """Hold a connection good enough for the lease (caller holds ``_state``)."""
        if self._closed:
            raise StoreError(f"the store {self.path} has been closed")
        self._cancel_idle_close()
        if self._con is not None and (self._writable or not writable):
            return
        if self._con is not None:  # read-only, and a write is due: no reads are in flight
            self._close_now()
        self._con = connect_duckdb(self.path, read_only=not writable, wait_seconds=self.wait_seconds)
        self._con.execute(SERVING_SETTINGS)
        threads = max(1, (os.cpu_count() or 1) // self.processes) if writable else serving_threads(self.processes)
        self._con.execute(f"SET threads = {threads}")  # a write (an upload's ingest) has the process's share
        if self.processes > 1:
            self._con.execute(f"SET memory_limit = '{_memory_share_mb(self.processes)}MiB'")
        self._writable = writable
        self._generation += 1

    def _end_lease(self, cursor: duckdb.DuckDBPyConnection | None = None, kept: dict[str, Any] | None = None,
                   generation: int = -1) -> None:
        """End a lease; a reading lease's cursor (``cursor``, with what it ``kept``) is kept for the
        next one while its connection stays open, else closed."""
        with self._state:
            if cursor is not None:
                if generation == self._generation and self._con is not None and len(
                        self._idle_cursors) < IDLE_CURSORS:
                    self._idle_cursors.append((cursor, kept or {}))
                else:
                    cursor.close()
            self._leases -= 1
            self._state.notify_all()
            if self._leases == 0 and self._con is not None:
                self._idle_timer = DEADLINES.after(self.idle_seconds, self._close_if_idle)

    def _close_idle_cursors(self) -> None:
        """Close the kept cursors (caller holds ``_state``): each holds the database open."""
        cursors, self._idle_cursors = self._idle_cursors, []
        for cursor, _kept in cursors:
            cursor.close()

    def _cancel_idle_close(self) -> None:
        if self._idle_timer is not None:
            self._idle_timer.cancel()
            self._idle_timer = None

    def _close_if_idle(self) -> None:
        with self._state:
            if self._leases == 0 and self._con is not None:
                self._close_now()

    def _close_now(self) -> None:
        """Close the connection and its kept cursors (caller holds ``_state``; no lease in flight):
        releases the file, so other processes may write now."""
        self._cancel_idle_close()
        self._close_idle_cursors()
        if self._con is not None:
            self._con.close()
        self._con = None
        self._writable = False

    def holds_file(self) -> bool:
        """Whether this process holds the store file now (for tests and diagnostics)."""
        with self._state:
            return self._con is not None

    # -- freshness ---------------------------------------------------------------------------

    def summary_state(self, read: Callable[[], Any]) -> Any:
        """The summary's state, read once per read-only connection: while this process holds the
        file read-only, DuckDB's lock keeps every other process from writing it and this one writes
        only after switching to a read-write connection, so the state cannot change. ``read`` reads
        it through a lease's cursor; with a read-write connection it is read every time."""
        with self._state:
            generation, memo = self._generation, self._summary_memo
            if self._writable:
                return read()
        if memo is not None and memo[0] == generation:
            return memo[1]
        found = read()
        with self._state:
            if self._generation == generation and not self._writable:
                self._summary_memo = (generation, found)
        return found

    def data_version(self) -> object:
        """Changes whenever any process commits to the store (:func:`file_version`)."""
        return file_version(self.path)

    def close(self) -> None:
        with self._state:
            self._closed = True
            self._cancel_idle_close()
            if self._con is not None:
                self._close_idle_cursors()
                self._con.close()
                self._con = None


class _Lease(Store):
    """A store on one cursor of a shared connection; closing it ends the lease."""

    def __init__(self, cursor: duckdb.DuckDBPyConnection, owner: SharedStore, *, reads_once: bool = False,
                 kept: dict[str, Any] | None = None) -> None:
        super().__init__(cursor, owner.path)
        self.reads_once = reads_once
        self._owner: SharedStore | None = owner
        self._generation = owner._generation
        self._kept = kept  # what the cursor carries from lease to lease (reading leases only)
        self._query_contexts = owner.query_contexts  # one catalog for every request (Store.query_context)

    def ibis_backend(self) -> Any:
        """The cursor's Ibis backend, made on its first analysis and kept with it (making one sets the
        connection's options and looks up versions: a few per cent of a small read)."""
        if self._kept is None:
            return super().ibis_backend()
        if "ibis" not in self._kept:
            self._kept["ibis"] = super().ibis_backend()
        return self._kept["ibis"]

    def summary_state(self) -> SummaryState | None:
        """A reading lease takes the state its owner keeps for the read-only connection
        (:meth:`SharedStore.summary_state`)."""
        owner = self._owner
        if owner is None or not self.reads_once:
            return super().summary_state()
        found: SummaryState | None = owner.summary_state(super().summary_state)
        return found

    def close(self) -> None:
        owner, self._owner = self._owner, None
        if owner is None:
            return
        if self._kept is not None and not self.interrupted:
            owner._end_lease(self.duck, self._kept, self._generation)  # kept for the next reader
            return
        try:
            self.duck.close()
        finally:
            owner._end_lease()


class HeldStore:
    """A store the caller opened and keeps open (tests, a PostgreSQL server), with the interface of
    :class:`SharedStore`: readers from ``store.reader()``, writes one at a time on the store itself."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.path = store.path
        self.backend: str = store.backend
        self._write_lock = threading.Lock()
        self._writes = 0

    def reader(self) -> Store:
        return self.store.reader()

    @contextmanager
    def writing(self) -> Iterator[Store]:
        with self._write_lock:
            try:
                yield self.store
            finally:
                self._writes += 1

    def data_version(self) -> object:
        """This process's writes, and what the store says of other processes' commits."""
        return (self._writes, self.store.data_version())

    def close(self) -> None:
        """The caller owns the store: it stays open."""
