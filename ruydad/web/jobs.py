"""Article extraction over HTTP as bounded work: a fixed pool of worker processes, a short queue,
a hard deadline per job and a per-client rate for anonymous callers.

Why processes: extraction is CPU-bound Python (spaCy, rules) and a URL job waits on someone
else's server. A thread cannot be stopped, so a 150k-character text or a server that sends one
byte every five seconds would hold it, and the memory it grew, for as long as it liked. A worker
process can be killed: when a job passes its deadline (fetch and extraction together), its worker
is killed and a fresh one takes its place, and the client gets 503 at the deadline.

Admission: at most ``workers`` jobs run and ``queue`` more wait; the next one is answered at once
with 503 and ``Retry-After`` instead of piling up threads. Anonymous callers (no token) also get
a rate per client address (``anonymous_per_minute``; 0 means extraction needs a token), answered
with 429 and ``Retry-After``. Holders of a token are not rate limited, only queued.

Workers are started on the first job (a worker loads spaCy once, a few seconds) and stay up.
"""

from __future__ import annotations

import dataclasses
import math
import multiprocessing
import os
import queue
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from ruydad.errors import RuydadError

WORKER_NICENESS = 10
START_SECONDS = 120.0
"""Longest a new worker may take to load the extraction pipeline before it counts as broken."""


@dataclass(frozen=True)
class ExtractLimits:
    """How much extraction one server does at once. Environment variables override the defaults
    for ``ruydad serve``: ``RUYDAD_EXTRACT_WORKERS``, ``RUYDAD_EXTRACT_QUEUE``,
    ``RUYDAD_EXTRACT_DEADLINE`` (seconds), ``RUYDAD_EXTRACT_PER_MINUTE`` (anonymous, per client) and
    ``RUYDAD_EXTRACT_WORKER_MB`` (a worker above this after a job is replaced)."""

    workers: int = 2
    queue: int = 8
    deadline: float = 30.0
    anonymous_per_minute: int = 10
    worker_mb: int = 1024
    """A worker whose memory grew past this after a job is replaced (long texts leave big heaps)."""

    @classmethod
    def from_env(cls) -> ExtractLimits:
        def number(name: str, default: float) -> float:
            value = os.environ.get(name, "").strip()
            if not value:
                return default
            try:
                return float(value)
            except ValueError:
                from ruydad.errors import InputError

                raise InputError(f"{name}: {value!r} is not a number") from None

        base = cls()
        return cls(workers=max(1, int(number("RUYDAD_EXTRACT_WORKERS", base.workers))),
                   queue=max(0, int(number("RUYDAD_EXTRACT_QUEUE", base.queue))),
                   deadline=number("RUYDAD_EXTRACT_DEADLINE", base.deadline),
                   anonymous_per_minute=max(0, int(number("RUYDAD_EXTRACT_PER_MINUTE", base.anonymous_per_minute))),
                   worker_mb=max(64, int(number("RUYDAD_EXTRACT_WORKER_MB", base.worker_mb))))


class Busy(Exception):
    """No room: the caller should answer with ``status`` and ``Retry-After: retry_after``."""

    def __init__(self, status: int, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.status, self.message, self.retry_after = status, message, retry_after


@dataclass(frozen=True)
class Job:
    """One article to extract: exactly one of text, html, url; read against ``theatre`` (a theatre's
    name: the worker loads its registry and gazetteer; None is the default theatre). ``id`` is the
    document's (default: a hash of its text)."""

    text: str | None = None
    html: str | None = None
    url: str | None = None
    published: Any = None
    title: str | None = None
    theatre: str | None = None
    id: str | None = None


def _run_job(job: Job) -> Any:
    """In the worker: the document (fetched when a URL), extracted; spaCy objects dropped so the result
    can travel back to the server."""
    from ruydad.extract import extract, from_html, from_text, load_document

    if job.url:
        doc = load_document(job.url, published=job.published, id=job.id)
    elif job.html:
        doc = from_html(job.html, published=job.published, id=job.id)
    else:
        doc = from_text(job.text or "", published=job.published, title=job.title, id=job.id)
    if job.title and not doc.title:
        doc.title = job.title
    extraction = extract(doc, job.published, theatre=job.theatre)
    return dataclasses.replace(extraction, document=dataclasses.replace(extraction.document, nlp=None, entities=[]))


def warm_up_text(theatre: str | None) -> str:
    """A sentence with one of the theatre's actors, one of its provinces and a date: extracting it
    loads every lookup a real job needs (spaCy, the actor finder, the gazetteer)."""
    from ruydad.actors import load_registry
    from ruydad.geo import units
    from ruydad.theatres import as_theatre

    place = as_theatre(theatre)
    actor = next(iter(load_registry(place.name))).name
    province = units(1, place.name)[0].name
    return f"{actor} fighters attacked positions in {province} on 12 May 2022."


def _worker_main(conn: Connection, theatre: str | None = None) -> None:
    """A worker's life: load the pipeline, say ready, then run jobs one at a time until closed.

    Workers run at a lower CPU priority: on a small machine, loading spaCy or a long extraction
    must not slow the server's own threads, which answer the dashboard."""
    try:
        os.nice(WORKER_NICENESS)
    except OSError:  # not allowed here: run at the server's priority
        pass
    try:
        from ruydad.extract import extract, from_text

        extract(from_text(warm_up_text(theatre)), None, theatre=theatre)
        conn.send(("ready", None))
    except Exception as exc:  # the server reports it with the first job
        conn.send(("broken", f"{type(exc).__name__}: {exc}"))
        return
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", _run_job(job)))
        except RuydadError as exc:
            conn.send(("input", str(exc)))
        except Exception as exc:
            conn.send(("failed", type(exc).__name__))


class _Worker:
    def __init__(self, theatre: str | None = None) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, theatre), name="ruydad-extract",
                                       daemon=True)
        self.process.start()
        child.close()
        if not self.conn.poll(START_SECONDS):
            self.kill()
            raise Busy(503, "the extraction worker did not start; try again shortly", 30)
        status, detail = self.conn.recv()
        if status != "ready":
            self.kill()
            raise RuntimeError(f"the extraction worker cannot start: {detail}")

    def rss_mb(self) -> float:
        """Resident memory in MB (0 where /proc cannot tell)."""
        try:
            for line in Path(f"/proc/{self.process.pid}/status").read_text(encoding="ascii").splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    def alive(self) -> bool:
        return self.process.is_alive()

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class ExtractionPool:
    """``workers`` processes, ``queue`` waiting places, one deadline per job (see the module doc)."""

    def __init__(self, limits: ExtractLimits, theatre: str | None = None) -> None:
        self.limits = limits
        self.theatre = theatre
        """The theatre new workers load at start (jobs name their own; the app's is the usual one)."""
        self._free: queue.Queue[_Worker | None] = queue.Queue()
        for _ in range(limits.workers):
            self._free.put(None)
        self._admitted = 0
        self._lock = threading.Lock()
        self._workers: list[_Worker] = []

    def run(self, job: Job) -> Any:
        """The job's :class:`~ruydad.extract.Findings`; :class:`Busy` when full or past the deadline; the job's own
        :class:`RuydadError` (a refused URL, no text) as it is."""
        limits = self.limits
        with self._lock:
            if self._admitted >= limits.workers + limits.queue:
                raise Busy(503, f"the server is extracting {limits.workers} articles and has "
                                f"{limits.queue} waiting; try again shortly", self._retry_after())
            self._admitted += 1
        try:
            try:
                worker = self._free.get(timeout=limits.deadline)
            except queue.Empty:
                raise Busy(503, "no extraction worker came free in time; try again shortly",
                           self._retry_after()) from None
            try:
                worker = self._ready(worker)
                worker.conn.send(job)
                if not worker.conn.poll(limits.deadline):
                    worker.kill()
                    worker = None
                    raise Busy(503, f"the extraction took longer than {limits.deadline:.0f} s and was "
                                    "stopped; give a shorter text or a faster URL", self._retry_after())
                status, payload = worker.conn.recv()
                if worker.rss_mb() > limits.worker_mb:
                    worker.kill()
                    worker = None
            except (EOFError, OSError, BrokenPipeError):
                if worker is not None:
                    worker.kill()
                worker = None
                raise Busy(503, "the extraction worker stopped unexpectedly; try again", 5) from None
            finally:
                self._free.put(worker)
        finally:
            with self._lock:
                self._admitted -= 1
        if status == "ok":
            return payload
        if status == "input":
            from ruydad.errors import InputError

            raise InputError(str(payload))
        raise RuntimeError(f"extraction failed in the worker ({payload})")

    def _ready(self, worker: _Worker | None) -> _Worker:
        if worker is not None and worker.alive():
            return worker
        fresh = _Worker(self.theatre)
        with self._lock:
            self._workers = [w for w in self._workers if w.alive()] + [fresh]
        return fresh

    def _retry_after(self) -> int:
        return max(1, math.ceil(self.limits.deadline / max(1, self.limits.workers)))

    def close(self) -> None:
        with self._lock:
            workers, self._workers = self._workers, []
        for worker in workers:
            worker.kill()


class RateLimiter:
    """A token bucket per client: ``per_minute`` requests a minute, in bursts of up to that many."""

    def __init__(self, per_minute: int, clients: int = 10_000) -> None:
        self.per_minute, self.clients = per_minute, clients
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def check(self, client: str) -> None:
        """Take one request from ``client``'s bucket, or raise :class:`Busy` (429)."""
        if self.per_minute <= 0:
            raise Busy(401, "extraction over HTTP needs `Authorization: Bearer <token>` on this server; "
                            "create one with `ruydad token create NAME`", 0)
        rate = self.per_minute / 60.0
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.pop(client, (float(self.per_minute), now))
            tokens = min(float(self.per_minute), tokens + (now - last) * rate)
            if tokens < 1.0:
                self._buckets[client] = (tokens, now)
                raise Busy(429, f"more than {self.per_minute} extractions a minute from one client without a "
                                "token; wait, or use a token", math.ceil((1.0 - tokens) / rate))
            self._buckets[client] = (tokens - 1.0, now)
            while len(self._buckets) > self.clients:
                self._buckets.popitem(last=False)
