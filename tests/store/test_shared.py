"""One DuckDB store, many processes: the dashboard (`ruydad serve`) and the command line side by side.

Real processes throughout: the server is `ruydad serve` in a child process, the commands are
`ruydad ...` child processes, and "a writer holds the file" is a child holding a read-write
DuckDB connection. DuckDB's file locks are per process, so nothing less would test them.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ruydad.errors import QueryTimeout
from ruydad.ingest import ingest_file
from ruydad.store import Store
from ruydad.store.shared import SharedStore

pytestmark = pytest.mark.duckdb_only

RUYDAD = [sys.executable, "-c", "from ruydad.cli import main; main()"]


def ruydad(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*RUYDAD, *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "COLUMNS": "200", **(env or {})})


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str) -> tuple[int, dict[str, object]]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


@pytest.fixture
def sample_db(tmp_path: Path, ucdp_sample: Path) -> Path:
    db = tmp_path / "shared.duckdb"
    with Store.open(db) as store:
        ingest_file(store, ucdp_sample, "ucdp")
    return db


@pytest.fixture
def dashboard(sample_db: Path) -> Iterator[str]:
    """`ruydad serve` on the sample store, in its own process (response cache on, as users run it)."""
    yield from _serving(sample_db)


@pytest.fixture
def two_workers(sample_db: Path) -> Iterator[str]:
    """`ruydad serve --workers 2` on the sample store: two server processes on one port. A read waits
    up to 20 s for a writer's turn: the test is that reads never fail while a command writes, and on
    a loaded machine (CI beside other jobs) a 25-row ingest has been seen to hold the file over 2 s."""
    yield from _serving(sample_db, "--workers", "2", lock_wait=20)


def _serving(db: Path, *options: str, lock_wait: int = 2) -> Iterator[str]:
    port = _free_port()
    child = subprocess.Popen([*RUYDAD, "--db", str(db), "serve", "--port", str(port), *options],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, "RUYDAD_LOCK_WAIT": str(lock_wait)})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/api/summary", timeout=5).close()
            break
        except OSError:
            if child.poll() is not None or time.monotonic() > deadline:
                child.kill()
                pytest.fail(f"ruydad serve did not start: {child.communicate()[1][-2000:]}")
            time.sleep(0.2)
    yield base
    child.terminate()
    child.wait(timeout=20)


@pytest.fixture
def holder(sample_db: Path) -> Iterator[Callable[[], int]]:
    """Start a process that holds the store open for writing until the test ends; returns its pid."""
    children: list[subprocess.Popen[str]] = []

    def start() -> int:
        code = ("import duckdb, sys\ncon = duckdb.connect(sys.argv[1])\nprint('holding', flush=True)\n"
                "sys.stdin.read()")
        child = subprocess.Popen([sys.executable, "-c", code, str(sample_db)], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None and child.stdout.readline().strip() == "holding"
        children.append(child)
        return child.pid

    yield start
    for child in children:
        child.communicate(timeout=20)  # closing stdin lets it exit


def test_cli_reads_the_store_while_the_dashboard_serves_it(dashboard: str, sample_db: Path) -> None:
    assert get(dashboard + "/api/summary")[1]["events"] == 1024
    status = ruydad("--db", str(sample_db), "status", "--format", "json")
    assert status.returncode == 0, status.stderr
    assert json.loads(status.stdout)["events"] == 1024
    events = ruydad("--db", str(sample_db), "events", "--limit", "5", "--format", "json")
    assert events.returncode == 0, events.stderr
    assert len(json.loads(events.stdout)) == 5


def test_cli_ingest_shows_in_the_open_dashboard_on_its_next_request(
        dashboard: str, sample_db: Path, acled_file: Callable[..., Path]) -> None:
    before = get(dashboard + "/api/summary")[1]
    assert before["events"] == 1024 and before["by_dataset"] == {"ucdp": 1024}
    assert get(dashboard + "/api/summary")[1] == before  # answered from the cache now
    done = ruydad("--db", str(sample_db), "ingest", "acled", str(acled_file(rows=25)))
    assert done.returncode == 0, done.stderr
    after = get(dashboard + "/api/summary")[1]
    assert after["events"] == 1024 + 25
    assert after["by_dataset"] == {"acled": 25, "ucdp": 1024}
    page = get(dashboard + "/api/events?dataset=acled&limit=100")[1]
    assert page["total"] == 25


def test_a_command_blocked_by_a_writer_names_the_process_and_what_to_do(
        sample_db: Path, holder: Callable[[], int]) -> None:
    pid = holder()
    done = ruydad("--db", str(sample_db), "status", env={"RUYDAD_LOCK_WAIT": "0.5"})
    assert done.returncode == 1
    message = " ".join(done.stderr.split())
    assert f"process {pid}" in message
    assert "is writing to it" in message and "try again" in message and "RUYDAD_LOCK_WAIT" in message


def test_the_dashboard_answers_503_naming_the_writer_while_one_holds_the_file(
        dashboard: str, holder: Callable[[], int]) -> None:
    time.sleep(1.0)  # the dashboard lets go of the file when idle (0.5 s)
    pid = holder()
    status, body = get(dashboard + "/api/events?limit=3&dataset=ucdp")
    assert status == 503
    assert f"process {pid}" in str(body["detail"])


def test_shared_store_lets_go_of_the_file_when_idle_and_reads_beside_a_write(sample_db: Path) -> None:
    shared = SharedStore.open(sample_db, idle_seconds=0.2)
    try:
        reader = shared.reader()
        assert reader.count_events() == 1024
        assert shared.holds_file()
        reader.close()
        time.sleep(0.6)
        assert not shared.holds_file()
        # another process may now take the file for writing
        other = subprocess.run([sys.executable, "-c", "import duckdb, sys; duckdb.connect(sys.argv[1]).close()",
                                str(sample_db)], capture_output=True, text=True, timeout=60)
        assert other.returncode == 0, other.stderr

        counts: list[int] = []
        with shared.writing() as writer:
            writer.con.execute("CREATE TABLE scratch (x INTEGER)")

            def read() -> None:
                lease = shared.reader()
                try:
                    counts.append(lease.count_events())
                finally:
                    lease.close()

            thread = threading.Thread(target=read)
            thread.start()
            thread.join(timeout=30)
        assert counts == [1024]  # a read during the write went ahead on the write connection
    finally:
        shared.close()


def test_the_summary_state_is_read_once_per_read_only_connection_and_again_after_a_write(
        sample_db: Path, acled_file: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    from ruydad.store import summary

    reads: list[int] = []
    read_state = summary.state

    def counted(con: object, backend: str) -> object:
        reads.append(1)
        return read_state(con, backend)

    monkeypatch.setattr(summary, "state", counted)
    shared = SharedStore.open(sample_db, idle_seconds=30)
    try:
        for _ in range(3):  # three requests on the read-only connection: one read of the state
            lease = shared.reader()
            try:
                assert lease.count_events(dataset="ucdp") == 1024
            finally:
                lease.close()
        assert len(reads) == 1
        with shared.writing() as writer:
            ingest_file(writer, acled_file(rows=25), "acled")
        lease = shared.reader()  # on the read-write connection now: the state is read again
        try:
            assert lease.summary_state() is not None and lease.summary_state().current
            assert lease.count_events() == 1024 + 25
        finally:
            lease.close()
        assert len(reads) >= 2
    finally:
        shared.close()


def test_a_reading_cursor_and_its_ibis_backend_serve_the_next_request_but_not_after_an_interrupt(
        sample_db: Path) -> None:
    """Requests reuse the read connection's cursors (and the Ibis backend made on one) instead of
    opening a cursor each; a cursor whose query the time budget interrupted is closed, not reused."""
    from ruydad.analysis import Analysis

    shared = SharedStore.open(sample_db, idle_seconds=30)
    try:
        first = shared.reader()
        cursor = first.duck
        backend = first.ibis_backend()
        assert Analysis.from_store(first).trend("year").rows()
        first.close()
        second = shared.reader()
        assert second.duck is cursor and second.ibis_backend() is backend
        assert second.count_events() == 1024
        with pytest.raises(QueryTimeout, match="took longer"), second.query_budget(0.01):
            second.con.execute("SELECT count(*) FROM range(10000000000)").fetchone()
        second.close()
        third = shared.reader()
        assert third.duck is not cursor and third.count_events() == 1024
        third.close()
    finally:
        shared.close()
    assert not shared.holds_file()


# -- the write turn: writers get the file from servers that are never idle ----------------------------

BUSY_READER = """
import sys, threading, time
from ruydad.store.shared import SharedStore

shared = SharedStore.open(sys.argv[1], idle_seconds=30)
stop = threading.Event()
seen, errors, lock = [], [], threading.Lock()

def read():
    while not stop.is_set():
        try:
            lease = shared.reader()
            try:
                n = lease.count_events()
                time.sleep(0.005)  # reads overlap: the connection is never idle
            finally:
                lease.close()
            with lock:
                seen.append(n)
        except Exception as exc:
            with lock:
                errors.append(repr(exc))

threads = [threading.Thread(target=read) for _ in range(3)]
for t in threads:
    t.start()
while len(seen) < 20:
    time.sleep(0.01)
print("reading", flush=True)
sys.stdin.read()
stop.set()
for t in threads:
    t.join()
shared.close()
print(len(seen), max(seen), len(errors), errors[:3], flush=True)
"""


@pytest.fixture
def busy_reader(sample_db: Path) -> Iterator[Callable[[], tuple[int, int, int]]]:
    """A process serving reads of the store without a pause (three overlapping readers, as a
    server's workers under load); the returned function stops it and gives (reads, the largest
    count of events it saw, errors)."""
    child = subprocess.Popen([sys.executable, "-c", BUSY_READER, str(sample_db)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, "RUYDAD_LOCK_WAIT": "20"})
    assert child.stdout is not None
    line = child.stdout.readline().strip()
    assert line == "reading", child.stderr.read() if child.stderr else line

    def stop() -> tuple[int, int, int]:
        out, err = child.communicate(timeout=60)
        assert child.returncode == 0, err
        reads, largest, errors, *_ = out.split()
        assert errors == "0", out
        return int(reads), int(largest), int(errors)

    yield stop
    if child.poll() is None:
        child.kill()


def test_a_command_writes_while_another_process_reads_without_a_pause(
        sample_db: Path, busy_reader: Callable[[], tuple[int, int, int]], acled_file: Callable[..., Path]) -> None:
    """Without the write turn the reader never lets go of the file and the write gives up after its wait."""
    with Store.open(sample_db, wait_seconds=8) as store:
        ingest_file(store, acled_file(rows=25), "acled")
    time.sleep(0.3)  # the reader opens the file again and counts the new events
    reads, largest, errors = busy_reader()
    assert largest == 1024 + 25 and errors == 0 and reads > 20


def test_a_server_process_writes_while_another_reads_without_a_pause(
        sample_db: Path, busy_reader: Callable[[], tuple[int, int, int]], acled_file: Callable[..., Path]) -> None:
    """Two server workers on one file: one writes (an upload) while the other serves reads; after
    the write the writer reads read-only again, so the other keeps reading."""
    shared = SharedStore.open(sample_db, idle_seconds=30, wait_seconds=8)
    try:
        with shared.writing() as writer:
            ingest_file(writer, acled_file(rows=25), "acled")
        lease = shared.reader()
        try:
            assert lease.count_events() == 1024 + 25
        finally:
            lease.close()
        assert shared.holds_file() and not shared._writable  # back on a read-only connection
        time.sleep(0.3)
    finally:
        shared.close()
    reads, largest, errors = busy_reader()
    assert reads > 20
    assert largest == 1024 + 25 and errors == 0


def test_two_server_workers_serve_while_a_command_ingests_under_load(
        two_workers: str, sample_db: Path, acled_file: Callable[..., Path]) -> None:
    """Requests never stop (eight clients on two worker processes), yet the command's ingest gets the
    file (the write turn) and every worker answers with the new events right after it."""
    stop = threading.Event()
    failures: list[str] = []
    answered = [0]

    def client() -> None:
        while not stop.is_set():
            answered[0] += 1  # a new page each time: the response cache never answers in the store's place
            status, body = get(two_workers + f"/api/events?limit=20&dataset=ucdp&offset={answered[0]}")
            if status != 200:
                failures.append(f"{status} {body}")

    clients = [threading.Thread(target=client) for _ in range(8)]
    for thread in clients:
        thread.start()
    try:
        time.sleep(1.0)
        done = ruydad("--db", str(sample_db), "ingest", "acled", str(acled_file(rows=25)),
                      env={"RUYDAD_LOCK_WAIT": "20"})
        assert done.returncode == 0, done.stderr
        time.sleep(0.5)
    finally:
        stop.set()
        for thread in clients:
            thread.join(timeout=60)
    assert not failures, failures[:3]
    assert answered[0] > 20
    # each new connection may land on either worker: all of them see the ingest
    totals = {get(two_workers + "/api/summary")[1]["events"] for _ in range(12)}
    assert totals == {1024 + 25}


def test_serving_connections_skip_compressed_materialization(sample_db: Path) -> None:
    """A server's reads sort and join small results, where packing them costs more than it saves."""
    shared = SharedStore.open(sample_db)
    try:
        for lease in (shared.reader(), shared.try_reader()):
            assert lease is not None
            try:
                row = lease.con.execute("SELECT current_setting('disabled_optimizers')").fetchone()
                assert row is not None and "compressed_materialization" in str(row[0])
                assert lease.count_events() == 1024
            finally:
                lease.close()
    finally:
        shared.close()
