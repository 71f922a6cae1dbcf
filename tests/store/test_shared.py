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
    port = _free_port()
    child = subprocess.Popen([*RUYDAD, "--db", str(sample_db), "serve", "--port", str(port)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, "RUYDAD_LOCK_WAIT": "2"})
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
