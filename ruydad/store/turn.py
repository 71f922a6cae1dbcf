"""The write turn: how a process that wants to write a DuckDB store asks the others to let go of it.

DuckDB locks a store file per process: one read-write connection, or any number of read-only ones.
A server that is never idle (several workers under steady load, each holding a read-only connection
between overlapping requests) would never let a writer in, and the writer would give up after its
wait (:data:`ruydad.store.shared.LOCK_WAIT_ENV`). So a writer first takes the *turn*: an exclusive
``flock`` on a small file beside the store (``<store>.turn``). Readers that share the file through
:class:`ruydad.store.shared.SharedStore` look at the turn before each request: while another process
holds it, they finish the requests in flight, close their connection and wait for the turn to end
before opening the file again. The writer opens the file as soon as they have let go.

A lock on a file, not a message between processes: it is released by the kernel when its holder
dies, so a killed writer never leaves the store locked. Where the file cannot be made (a read-only
directory), there is no turn and every process falls back to DuckDB's own lock and its wait.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from ruydad.errors import StoreError

POLL_SECONDS = 0.01
"""How often a waiting process looks at the turn again."""


class WriteTurn:
    """The write turn of one store file, as this process sees it (one per file and process:
    :func:`turn_for`). Holding it is re-entrant within the process."""

    def __init__(self, store_path: str) -> None:
        self.path = f"{store_path}.turn"
        self._fd: int | None = None
        self._unavailable = False
        self._holds = 0
        self._lock = threading.Lock()

    def _descriptor(self) -> int | None:
        """The turn file, opened once (None: it cannot be made here, so there is no turn)."""
        if self._fd is None and not self._unavailable:
            try:
                self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError:
                self._unavailable = True
        return self._fd

    def wanted_elsewhere(self) -> bool:
        """Whether another process holds the turn now (it waits to write, or writes)."""
        with self._lock:
            if self._holds:
                return False
            fd = self._descriptor()
            if fd is None:
                return False
            try:
                fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(fd, fcntl.LOCK_UN)
            return False

    @contextmanager
    def held(self, seconds: float) -> Iterator[None]:
        """Hold the turn (waiting up to ``seconds`` for another process's to end) for the block.

        Threads of this process share one hold: the second waits for nothing, and the turn ends when
        the last leaves. After ``seconds`` a :class:`StoreError` says that another process is writing."""
        self._acquire(seconds)
        try:
            yield
        finally:
            self._release()

    def _acquire(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while True:
            with self._lock:
                if self._holds:
                    self._holds += 1
                    return
                fd = self._descriptor()
                if fd is None:
                    self._holds += 1  # no turn file here: DuckDB's lock alone decides
                    return
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    pass
                else:
                    self._holds += 1
                    return
            if time.monotonic() >= deadline:
                raise StoreError(f"another process is writing to the store ({self.path} is held; waited "
                                 f"{seconds:.0f} s). Wait for it to finish and try again")
            time.sleep(POLL_SECONDS)

    def _release(self) -> None:
        with self._lock:
            self._holds -= 1
            if self._holds == 0 and self._fd is not None:
                fcntl.flock(self._fd, fcntl.LOCK_UN)


_TURNS: dict[str, WriteTurn] = {}
_TURNS_LOCK = threading.Lock()


def turn_for(store_path: str | os.PathLike[str]) -> WriteTurn:
    """This process's :class:`WriteTurn` of a store file (one per file, so holds nest across callers)."""
    key = os.path.realpath(os.fspath(store_path))
    with _TURNS_LOCK:
        found = _TURNS.get(key)
        if found is None:
            found = _TURNS[key] = WriteTurn(key)
        return found
