"""Progress of an ingest's reading stage, as the share of the file read so far.

DuckDB reads, maps and validates a CSV in one statement. Its own progress figure for that statement
stays at 0% while the file is read and then jumps, so a bar driven by it sits still for most of a
large ingest. What moves steadily is the number of bytes the process has read: the operating system
counts them for every process (``rchar`` in ``/proc/self/io`` on Linux, which counts every ``read``
and ``pread``, whether the page cache served it or the disk). :class:`ReadProgress` polls that count
while the statement runs and reports the share of the file read, never going backwards; where the
count is not available (macOS, Windows) it falls back to DuckDB's figure.

The count is the whole process's: other reads at the same time (a spilled sort, another thread)
make the bar run ahead a little, never behind, and it stops at the end of the stage until the
statement is done.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

Progress = Callable[[str, float], None]
"""Called with a stage name and the fraction of the whole ingest done (0..1)."""

PROC_IO = Path("/proc/self/io")
POLL_SECONDS = 0.1
STEP = 0.001
"""The least move worth reporting (a tenth of a percent of the whole ingest)."""


def bytes_read() -> int | None:
    """Bytes this process has read so far (all threads), or None where the system does not say."""
    try:
        text = PROC_IO.read_text()
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith("rchar:"):
            return int(line.split(":", 1)[1])
    return None


class ReadProgress:
    """While one statement reads ``path``, report ``stage`` moving from ``start`` to ``end`` with the
    share of the file read (a context manager around the statement)."""

    def __init__(self, con: Any, path: str | Path, progress: Progress | None, stage: str,
                 start: float, end: float, *, poll_seconds: float = POLL_SECONDS) -> None:
        self.con, self.progress, self.stage, self.start, self.end = con, progress, stage, start, end
        self.poll_seconds = poll_seconds
        try:
            self.size = max(os.path.getsize(path), 1)
        except OSError:
            self.size = 0
        self._base: int | None = None
        self._done = 0.0
        self.reported: list[float] = []
        """Every fraction of the whole ingest reported, in order (what the bar showed)."""
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="ruydad-read-progress", daemon=True)

    def fraction(self) -> float:
        """The share of this stage done: the file's bytes read, else DuckDB's own figure; never less
        than before."""
        share = None
        if self._base is not None and self.size:
            now = bytes_read()
            if now is not None:
                share = (now - self._base) / self.size
        if share is None:
            try:
                done = self.con.query_progress()
            except Exception:
                done = None
            share = done / 100 if done is not None and done >= 0 else 0.0
        self._done = max(self._done, min(share, 1.0))
        return self._done

    def _report(self, share: float) -> None:
        if self.progress is None:
            return
        value = self.start + (self.end - self.start) * share
        last = self.reported[-1] if self.reported else None
        if last is None or value >= last + STEP or (share == 1.0 and value > last):
            self.reported.append(value)
            self.progress(self.stage, value)

    def _run(self) -> None:
        while not self._stop.wait(self.poll_seconds):
            self._report(self.fraction())

    def __enter__(self) -> ReadProgress:
        if self.progress is not None:
            self._base = bytes_read()
            self._report(0.0)
            self._thread.start()
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()
        if exc_type is None:
            self._report(1.0)
