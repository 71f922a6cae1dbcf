"""What one app keeps between requests, on ``app.state.ruydad``: the store, the theatre, the
response cache, the extraction pool, rate limits and token-use bookkeeping.

Routes never reach it directly: they ask for what they need through the dependencies in
:mod:`ruydad.web.deps`.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from typing import Any

from ruydad.errors import InputError
from ruydad.store import Store
from ruydad.store.shared import HeldStore, StoreAccess
from ruydad.web.cache import ResponseCache
from ruydad.web.jobs import ExtractionPool, ExtractLimits, RateLimiter
from ruydad.web.tokens import check_token, record_token_use

READ_SLOTS_ENV = "RUYDAD_READ_SLOTS"
"""How many requests may read the store at once (default: two per CPU core, plus two)."""
TOKEN_USE_SECONDS = 10.0
"""A token's ``last_used_at`` is accurate to this many seconds (it is written at most that often)."""


def read_slots() -> int:
    """:data:`READ_SLOTS_ENV`, else two reads per core plus two: enough to keep the cores busy while
    some reads wait on I/O, few enough that each read gets its share of them (module doc of
    :mod:`ruydad.web.deps`)."""
    configured = os.environ.get(READ_SLOTS_ENV, "").strip()
    if not configured:
        return 2 * (os.cpu_count() or 1) + 2
    try:
        slots = int(configured)
    except ValueError:
        slots = 0
    if slots < 1:
        raise InputError(f"{READ_SLOTS_ENV}={configured!r}: give a whole number of reads, 1 or more")
    return slots


class AppState:
    """The app's store (wrapped in a :class:`~ruydad.store.shared.HeldStore` when the caller holds
    it open), the theatre it serves, and the shared machinery every request may use."""

    def __init__(self, store: Store | StoreAccess, limits: ExtractLimits, *, theatre: str,
                 cache: bool = True) -> None:
        self.store: StoreAccess = HeldStore(store) if isinstance(store, Store) else store
        self.theatre = theatre
        self.cache_enabled = cache
        self.cache = ResponseCache()
        self.cache_version: object = None
        self.extractions = ExtractionPool(limits, theatre)
        self.anonymous_rate = RateLimiter(limits.anonymous_per_minute)
        self.token_lock = threading.Lock()
        self._token_uses: dict[str, float] = {}
        self._recording = threading.Lock()
        self.read_slots = read_slots()
        self._read_limiter: Any = None

    def read_limiter(self) -> Any:
        """The :class:`anyio.CapacityLimiter` of :data:`read_slots` reading turns (made on first use,
        inside the server's event loop)."""
        if self._read_limiter is None:
            import anyio

            self._read_limiter = anyio.CapacityLimiter(self.read_slots)
        return self._read_limiter

    def token_user(self, authorization: str | None) -> str | None:
        """The name of the token in an ``Authorization: Bearer`` header, None when absent or invalid.

        Checked against the store on every request, so ``ruydad token revoke`` takes effect at once.
        Its use is recorded in the background (:meth:`_note_use`): no request waits on that write.
        """
        if not authorization or not authorization.lower().startswith("bearer "):
            return None
        cursor = self.store.reader()
        try:
            found = check_token(cursor, authorization.split(" ", 1)[1].strip())
        finally:
            cursor.close()
        if found is None:
            return None
        self._note_use(found[0])
        return found[1]

    def _note_use(self, token_id: str) -> None:
        """Write ``last_used_at`` at most every :data:`TOKEN_USE_SECONDS` per token, from a thread of
        its own, one write at a time: parallel updates of one row conflict in DuckDB, and a request
        that waited for the store's write turn behind an ingest would hold a server thread."""
        now = time.monotonic()
        with self.token_lock:
            if now - self._token_uses.get(token_id, -TOKEN_USE_SECONDS) < TOKEN_USE_SECONDS:
                return
            self._token_uses[token_id] = now
        threading.Thread(target=self._record_use, args=(token_id,), name="ruydad-token-use", daemon=True).start()

    def _record_use(self, token_id: str) -> None:
        try:
            with self._recording, self.store.writing() as writer:
                record_token_use(writer, token_id)
        except Exception as exc:  # the store closed under it (shutdown): the use goes unrecorded, said so
            logging.getLogger("ruydad.web").warning("could not record the use of token %s: %s", token_id, exc)

    def fresh_cache(self) -> ResponseCache:
        """The response cache, emptied first when any process has committed to the store since."""
        version = self.store.data_version()
        if version != self.cache_version:
            self.cache.clear()
            self.cache_version = version
        return self.cache
