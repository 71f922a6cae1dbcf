"""What each worker process of `ruydad serve --workers N` takes for itself (ruydad/web/served.py).

The workers themselves (two real processes on one port, a command ingesting while they serve) are
tested in tests/store/test_shared.py."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from ruydad.errors import InputError
from ruydad.web.jobs import ExtractLimits
from ruydad.web.served import SERVE_ENV, app_from_env, divided


def test_workers_divide_the_extraction_pool_queue_and_anonymous_rate() -> None:
    limits = ExtractLimits(workers=2, queue=8, deadline=30.0, anonymous_per_minute=10, worker_mb=512)
    two = divided(limits, 2)
    assert (two.workers, two.queue, two.anonymous_per_minute) == (1, 4, 5)
    three = divided(limits, 3)
    assert (three.workers, three.queue, three.anonymous_per_minute) == (1, 3, 4)  # rounded up, never zero
    assert (three.deadline, three.worker_mb) == (30.0, 512)
    assert divided(limits, 1) == limits
    closed = divided(ExtractLimits(queue=0, anonymous_per_minute=0), 4)
    assert (closed.queue, closed.anonymous_per_minute) == (0, 0)  # what was off stays off


def test_a_worker_started_without_the_serving_command_says_how_to_start_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SERVE_ENV, raising=False)
    with pytest.raises(InputError, match="ruydad serve --workers"):
        app_from_env()


def test_a_worker_serves_the_store_it_is_given_with_its_share_of_the_reading_turns(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fastapi.testclient import TestClient

    from ruydad.web.served import serve_options
    from ruydad.web.state import READ_SLOTS_ENV, read_slots

    db = tmp_path / "served.duckdb"
    monkeypatch.setenv(SERVE_ENV, serve_options(db=str(db), cache=False, allowed_hosts=[], theatre="afghanistan",
                                                workers=4))
    monkeypatch.delenv(READ_SLOTS_ENV, raising=False)
    app = app_from_env()
    assert app.state.ruydad.read_slots == max(2, -(-read_slots() // 4))
    assert app.state.ruydad.extractions.limits.workers == 1
    lease = app.state.ruydad.store.reader()
    try:  # a quarter of DuckDB's default memory limit (80% of the machine's) each
        row = lease.con.execute("SELECT current_setting('memory_limit')").fetchone()
    finally:
        lease.close()
    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    assert row is not None
    limit = _bytes(str(row[0]))
    assert 0.8 * total / 4 * 0.95 <= limit <= 0.8 * total / 4 * 1.05
    lease = app.state.ruydad.store.reader()
    try:  # and a quarter of half the cores, one thread at least
        threads = lease.con.execute("SELECT current_setting('threads')").fetchone()
    finally:
        lease.close()
    assert threads is not None and int(threads[0]) == max(1, (os.cpu_count() or 1) // 8)
    with TestClient(app) as client:
        answer = client.get("/api/summary")
        assert answer.status_code == 200 and answer.json()["events"] == 0
        assert answer.json()["path"] == str(db)
    monkeypatch.setenv(READ_SLOTS_ENV, "5")  # set by the operator: per worker, as given
    assert app_from_env().state.ruydad.read_slots == 5


def _bytes(text: str) -> float:
    """DuckDB's spelling of a memory size ('3.7 GiB', '950.0 MiB') in bytes."""
    found = re.fullmatch(r"([\d.]+)\s*(KiB|MiB|GiB|TiB|KB|MB|GB|TB)", text.strip())
    assert found, text
    units = {"KiB": 2**10, "MiB": 2**20, "GiB": 2**30, "TiB": 2**40, "KB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12}
    return float(found.group(1)) * units[found.group(2)]


def test_a_serving_process_loads_what_requests_need_then_freezes_its_heap(tmp_path: Path) -> None:
    import gc

    from fastapi.testclient import TestClient

    from ruydad.store.shared import SharedStore
    from ruydad.web import create_app
    from ruydad.web.served import GC_THRESHOLDS, settle_for_serving

    shared = SharedStore.open(tmp_path / "warm.duckdb")
    app = create_app(shared, cache=False)
    settle_for_serving(app)
    before = gc.get_threshold()
    gc.unfreeze()
    try:
        with TestClient(app) as client:  # startup: warmed, collected, frozen
            assert gc.get_freeze_count() > 10_000
            assert gc.get_threshold() == GC_THRESHOLDS
            assert shared.query_contexts  # the theatre's query context was built on startup
            assert client.get("/api/stats?by=event_type").status_code == 200
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
        shared.close()


def test_workers_refuse_a_port_another_program_listens_on(tmp_path: Path) -> None:
    """Worker sockets share the port with each other only: a port in use is an error, not a split."""
    import socket
    import subprocess
    import sys

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    try:
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, "-c", "from ruydad.cli import main; main()", "--db",
                               str(tmp_path / "w.duckdb"), "serve", "--workers", "2", "--port", str(port)],
                              capture_output=True, text=True, timeout=120)
    finally:
        taken.close()
    assert done.returncode != 0
    message = " ".join(done.stderr.split())
    assert f"cannot listen on 127.0.0.1:{port}" in message and "--port" in message


def test_turns_are_shared_in_proportion_to_each_workers_demand() -> None:
    from ruydad.web.served import turn_share

    assert turn_share(6, 31, [31, 19]) == 4 and turn_share(6, 19, [31, 19]) == 2
    assert turn_share(6, 0, [0, 12]) == 1  # an idle worker keeps one turn for its next request
    assert turn_share(6, 0, [0, 0]) == 3  # nobody waits: equal shares
    assert turn_share(6, 10, [10, 10, 10]) == 2


def test_a_worker_posts_its_demand_and_takes_its_share_from_the_board(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two workers on a board; the other has twelve requests waiting, this one none: it keeps one
    turn of the machine's; when the other's queue empties, it takes back an equal share."""
    import struct
    import time
    from multiprocessing import shared_memory

    from fastapi.testclient import TestClient

    from ruydad.web.served import BOARD_ENV, serve_options
    from ruydad.web.state import READ_SLOTS_ENV, read_slots

    board = shared_memory.SharedMemory(create=True, size=16)
    try:
        assert board.buf is not None
        struct.pack_into("2d", board.buf, 0, 0.0, 12.0)
        monkeypatch.setenv(BOARD_ENV, f"{board.name}:0:2")
        monkeypatch.delenv(READ_SLOTS_ENV, raising=False)
        monkeypatch.setenv(SERVE_ENV, serve_options(db=str(tmp_path / "b.duckdb"), cache=False, allowed_hosts=[],
                                                    theatre="afghanistan", workers=2))
        app = app_from_env()
        state = app.state.ruydad
        with TestClient(app):
            deadline = time.monotonic() + 10
            while state.read_slots != 1 and time.monotonic() < deadline:
                time.sleep(0.05)
            assert state.read_slots == 1
            struct.pack_into("d", board.buf, 8, 0.0)
            deadline = time.monotonic() + 10
            while state.read_slots == 1 and time.monotonic() < deadline:
                time.sleep(0.05)
            assert state.read_slots == -(-read_slots() // 2)
    finally:
        board.close()
        board.unlink()
