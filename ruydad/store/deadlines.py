"""Calls due after a delay, from one thread for the whole process.

The web app bounds every request's queries by a time budget, and the shared store closes its file
a moment after the last request; each used to start a ``threading.Timer``, a new OS thread per
request, which under load cost more than the small queries they guarded. :data:`DEADLINES` keeps
them all in one heap, watched by one daemon thread started on first use. The thread is woken only
when a new call falls due before every other: a request's 20 s budget almost never does, so adding
one costs a push on the heap, not a thread switch (it was a few per cent of a server's interpreter
time under load).
"""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
import time
from collections.abc import Callable

log = logging.getLogger("ruydad.store")


class Deadline:
    """One pending call; :meth:`cancel` it when the work it guards ends first."""

    __slots__ = ("callback", "cancelled")

    def __init__(self, callback: Callable[[], object]) -> None:
        self.callback = callback
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


class Deadlines:
    """A heap of :class:`Deadline` s and the thread that runs each when it falls due."""

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, Deadline]] = []
        self._order = itertools.count()
        self._changed = threading.Condition()
        self._thread: threading.Thread | None = None
        self._compact_at = 64

    def after(self, seconds: float, callback: Callable[[], object]) -> Deadline:
        """Call ``callback`` in ``seconds`` unless the returned deadline is cancelled before."""
        deadline = Deadline(callback)
        with self._changed:
            heapq.heappush(self._heap, (time.monotonic() + seconds, next(self._order), deadline))
            if len(self._heap) > self._compact_at:  # drop cancelled calls now and then (amortised)
                self._heap = [entry for entry in self._heap if not entry[2].cancelled]
                heapq.heapify(self._heap)
                self._compact_at = max(64, 2 * len(self._heap))
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="ruydad-deadlines", daemon=True)
                self._thread.start()
            if self._heap[0][2] is deadline:  # due before all the others: the watcher must wake sooner
                self._changed.notify()
        return deadline

    def pending(self) -> int:
        """How many calls are still due (cancelled ones are not counted)."""
        with self._changed:
            return sum(1 for _, _, d in self._heap if not d.cancelled)

    def _run(self) -> None:
        while True:
            with self._changed:
                while not self._heap:
                    self._changed.wait()
                due, _, deadline = self._heap[0]
                wait = due - time.monotonic()
                if wait > 0:
                    self._changed.wait(wait)
                    continue
                heapq.heappop(self._heap)
            if not deadline.cancelled:
                try:
                    deadline.callback()
                except Exception:  # one failing call must not stop the others being made
                    log.exception("a deadline's call failed")


DEADLINES = Deadlines()
"""The process's one watcher of deadlines."""
