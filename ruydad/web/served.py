"""The app as each worker process of ``ruydad serve --workers N`` builds it.

One Python process answers requests one at a time wherever Python runs (the GIL), so on a machine
with several cores a busy server leaves cores idle while requests queue. With ``--workers N``,
:func:`run_workers` starts N processes, each listening on the port with a socket of its own
(``SO_REUSEPORT``), and the kernel hands each new connection to one of them. Each worker builds its
app with :func:`app_from_env`, which reads what to serve (the store, the theatre, the cache, the
trusted hosts) from :data:`SERVE_ENV`, set by the serving command, and opens its own store:

- a DuckDB file through its own :class:`~ruydad.store.shared.SharedStore` (read-only locks are
  shared; a worker that writes takes the write turn, :mod:`ruydad.store.turn`, and the others let go
  of the file until its write is done), with its share of DuckDB's memory and threads;
- a PostgreSQL server through its own connection pool.

What a process keeps for itself is divided among the workers, so N workers do not take N times the
configured share: the extraction pool's processes and queue, the anonymous extraction rate, and the
reading turns (``RUYDAD_READ_SLOTS`` when set is per worker; by default the machine's turns are
shared out, equally at start and then in proportion to each worker's queue, one at least:
:class:`TurnBoard`). The response cache is per worker.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import replace
from typing import Any

from ruydad.errors import InputError

SERVE_ENV = "RUYDAD_SERVE"
"""What the workers serve, as JSON written by ``ruydad serve`` (:func:`serve_options`)."""


def serve_options(*, db: str, cache: bool, allowed_hosts: list[str], theatre: str, workers: int) -> str:
    return json.dumps({"db": db, "cache": cache, "allowed_hosts": allowed_hosts, "theatre": theatre,
                       "workers": workers})


def open_served_store(location: str, processes: int = 1) -> Any:
    """The store a serving process answers from: a PostgreSQL server held open, or a DuckDB file
    shared with the other processes (:class:`~ruydad.store.shared.SharedStore`); close it with
    :func:`close_served_store`."""
    from ruydad.store import Store, is_database_url
    from ruydad.store.shared import HeldStore, SharedStore

    if is_database_url(location):
        return HeldStore(Store.open(location))
    return SharedStore.open(location, processes=processes)


def close_served_store(shared: Any) -> None:
    from ruydad.store.shared import HeldStore

    if isinstance(shared, HeldStore):
        shared.store.close()  # the held store is the server's own
    shared.close()


def app_from_env() -> Any:
    """The app of one worker process (uvicorn's factory: ``ruydad.web.served:app_from_env``)."""
    from ruydad.web import create_app
    from ruydad.web.jobs import ExtractLimits
    from ruydad.web.state import READ_SLOTS_ENV

    raw = os.environ.get(SERVE_ENV)
    if not raw:
        raise InputError(f"{SERVE_ENV} is not set: start the workers with `ruydad serve --workers N`")
    options = json.loads(raw)
    workers = max(1, int(options["workers"]))
    location = str(options["db"])
    shared = open_served_store(location, processes=workers)
    app = create_app(shared, cache=bool(options["cache"]), allowed_hosts=list(options["allowed_hosts"]),
                     theatre=str(options["theatre"]), limits=divided(ExtractLimits.from_env(), workers))
    state = app.state.ruydad
    if not os.environ.get(READ_SLOTS_ENV, "").strip():  # the machine's reading turns, shared by the workers
        machine_turns = state.read_slots
        state.read_slots = max(2, math.ceil(machine_turns / workers))
        spec = os.environ.get(BOARD_ENV)
        if spec and workers > 1:
            board = TurnBoard(spec)
            tasks: list[Any] = []

            async def start_sharing() -> None:
                import asyncio

                tasks.append(asyncio.get_running_loop().create_task(share_turns(state, board, machine_turns)))

            async def stop_sharing() -> None:
                for task in tasks:
                    task.cancel()
                board.memory.close()

            app.router.add_event_handler("startup", start_sharing)
            app.router.add_event_handler("shutdown", stop_sharing)

    app.router.add_event_handler("shutdown", lambda: close_served_store(shared))
    settle_for_serving(app)
    return app


WORKER_EXIT_GRACE = 30.0
"""Seconds the workers get to finish their requests when the server stops."""
EARLY_EXIT_SECONDS = 20.0
"""A worker that ends this soon after it started failed to start: stop, do not restart it."""


def run_workers(count: int, host: str, port: int) -> int:
    """Serve with ``count`` worker processes, each listening on ``host:port`` with a socket of its
    own (``SO_REUSEPORT``), until interrupted; a worker that dies later is started again. Returns
    the exit status (non-zero when a worker could not start: its error is on stderr).

    Why not uvicorn's own ``--workers``: its workers share one listening socket, and whichever
    wakes first accepts every connection waiting, so 50 clients connecting at once were split 43/7
    (and 29/21, 29/21 in the next two tries); the busier worker answered its clients at half the
    speed. With a socket each, the kernel spreads connections over the workers by their addresses."""
    import multiprocessing
    import signal
    import threading
    import time
    from multiprocessing import shared_memory

    _check_free(host, port)  # the workers share the port with each other, never with another server
    context = multiprocessing.get_context("spawn")
    stop = threading.Event()
    previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
    board = shared_memory.SharedMemory(create=True, size=8 * count)  # each worker's demand (TurnBoard)
    assert board.buf is not None
    board.buf[:] = bytes(8 * count)

    def start(index: int) -> tuple[Any, float]:
        process = context.Process(target=_serve_one, args=(host, port, f"{board.name}:{index}:{count}"),
                                  name=f"ruydad-worker-{index}")
        process.start()
        return process, time.monotonic()

    workers = [start(i) for i in range(count)]
    status = 0
    try:
        while not stop.wait(0.5):
            for i, (process, started) in enumerate(workers):
                if process.is_alive():
                    continue
                if time.monotonic() - started < EARLY_EXIT_SECONDS:
                    status = process.exitcode or 1
                    stop.set()
                    break
                workers[i] = start(i)  # died while serving: its clients reconnect to the others meanwhile
    finally:
        for process, _ in workers:
            if process.is_alive():
                process.terminate()  # SIGTERM: uvicorn finishes the requests in flight
        deadline = time.monotonic() + WORKER_EXIT_GRACE
        for process, _ in workers:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        board.close()
        board.unlink()
    return status


def _family(host: str) -> int:
    import socket

    return socket.AF_INET6 if ":" in host else socket.AF_INET


def _check_free(host: str, port: int) -> None:
    """An :class:`~ruydad.errors.InputError` when ``host:port`` is taken (by any program, a Ruydad
    server with workers included: their sockets let only each other share the port)."""
    import socket

    probe = socket.socket(_family(host), socket.SOCK_STREAM)
    try:
        probe.bind((host, port))
    except OSError as exc:
        raise InputError(f"cannot listen on {host}:{port}: {exc.strerror or exc}; stop what uses it or choose "
                         "another --port") from None
    finally:
        probe.close()


def _serve_one(host: str, port: int, board: str) -> None:
    """One worker: its own listening socket on the shared port, then the app (:func:`app_from_env`),
    which finds its place on the workers' board (:class:`TurnBoard`) in :data:`BOARD_ENV`."""
    import socket

    import uvicorn

    os.environ[BOARD_ENV] = board

    sock = socket.socket(_family(host), socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    config = uvicorn.Config("ruydad.web.served:app_from_env", factory=True, host=host, port=port,
                            log_level="warning")
    uvicorn.Server(config).run(sockets=[sock])


BOARD_ENV = "RUYDAD_WORKER_BOARD"
"""``<shared memory name>:<this worker's index>:<workers>``, set by :func:`run_workers` in each worker."""
BOARD_SECONDS = 0.1
"""How often a worker posts its demand and takes its share of the reading turns."""


class TurnBoard:
    """Where the workers post how many requests each has in the store or waiting for it, so that
    each takes a share of the machine's reading turns in proportion (:func:`turn_share`).

    Why: the kernel spreads connections over the workers' sockets by their addresses, not by load,
    so one worker may hold 31 of 50 clients and the other 19. With equal turns each answers at the
    same rate, and the first's clients wait half as long again (on the bench: a median of 150 ms
    and a 90th percentile of 330 ms). Turns in proportion to demand give every client the same wait."""

    def __init__(self, spec: str) -> None:
        from multiprocessing import shared_memory

        name, index, count = spec.rsplit(":", 2)
        # the serving command owns and removes it; its workers share its resource tracker, so
        # attaching here does not hand the memory to another tracker
        self.memory = shared_memory.SharedMemory(name=name)
        self.index, self.count = int(index), int(count)

    def post(self, demand: float) -> list[float]:
        """Post this worker's demand; every worker's, this one's included."""
        import struct

        buffer = self.memory.buf
        assert buffer is not None
        struct.pack_into("d", buffer, 8 * self.index, demand)
        return list(struct.unpack_from(f"{self.count}d", buffer, 0))


def turn_share(total: int, mine: float, demands: list[float]) -> int:
    """This worker's reading turns: ``total`` shared in proportion to the workers' demands, at least
    one; an equal share when nobody waits."""
    everyone = sum(demands)
    if everyone <= 0:
        return max(1, math.ceil(total / max(1, len(demands))))
    return max(1, round(total * mine / everyone))


async def share_turns(state: Any, board: TurnBoard, total: int) -> None:
    """Post this worker's demand (smoothed) and take its share of the turns, every :data:`BOARD_SECONDS`."""
    import anyio

    limiter = state.read_limiter()
    smoothed = 0.0
    while True:
        stats = limiter.statistics()
        smoothed = 0.5 * smoothed + 0.5 * (stats.borrowed_tokens + stats.tasks_waiting)
        limiter.total_tokens = turn_share(total, smoothed, board.post(smoothed))
        state.read_slots = limiter.total_tokens
        await anyio.sleep(BOARD_SECONDS)


GC_THRESHOLDS = (50_000, 20, 20)
"""The serving process's garbage-collector thresholds (Python's default: 700, 10, 10). A page of
events makes thousands of objects that reference counting frees at once; collecting every 700 new
ones walked the young objects hundreds of times a second."""


def settle_for_serving(app: Any) -> None:
    """Prepare a serving process: load what every request needs (the analysis modules, the store's
    query context for the theatre) on startup, then move everything loaded into the collector's
    permanent generation (``gc.freeze``) and collect less often (:data:`GC_THRESHOLDS`).

    Why: a server process holds a large heap for its lifetime (the gazetteer and its spelling index,
    the actor registry, Ibis). Each full collection walked all of it with the interpreter stopped:
    on the 1M-event bench, five such pauses in 15 s under 50 clients, up to 128 ms each, which every
    request in flight waited out. Frozen, the full collections walk only what came after (22 ms at
    most). For the serving command only, not for an app built in someone else's process."""

    async def startup() -> None:
        import anyio

        await anyio.to_thread.run_sync(_warm, app.state.ruydad)

    app.router.add_event_handler("startup", startup)


def _warm(state: Any) -> None:
    import gc
    import logging

    try:
        import ruydad.analysis  # noqa: F401  # Ibis and the analysis modules, loaded by the first figure

        store = state.store.reader()
        try:
            store.query_context(state.theatre)
        finally:
            store.close()
    except Exception as exc:  # a store that cannot be read now still serves; requests will say why
        logging.getLogger("ruydad.web").warning("warming the server up failed: %s", exc)
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def divided(limits: Any, workers: int) -> Any:
    """``limits`` (:class:`~ruydad.web.jobs.ExtractLimits`) for one of ``workers`` processes: each gets
    its share of the extraction processes, the queue and the anonymous rate (at least one of each
    that was not zero)."""
    def share(value: int) -> int:
        return 0 if value <= 0 else max(1, math.ceil(value / workers))

    return replace(limits, workers=share(limits.workers), queue=share(limits.queue),
                   anonymous_per_minute=share(limits.anonymous_per_minute))
