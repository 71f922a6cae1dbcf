"""Finding 8 of issue 16 seen from the operator's shell, with real processes: a leaked token revoked
while `ruydad serve` runs, a killed ingest listed as failed, `brief` on a bad theatre failing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from ruydad.bench import write_synthetic_acled
from ruydad.store import Store
from tests.web.conftest import _free_port

CLI = [sys.executable, "-c", "from ruydad.cli import main; main()"]


def _ruydad(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, "--db", str(db), *args], capture_output=True, text=True, timeout=180,
                          env={**os.environ, "COLUMNS": "200"})


def test_a_token_revoked_from_the_shell_is_refused_by_the_running_server(tmp_path: Path) -> None:
    db = tmp_path / "serve.duckdb"
    created = _ruydad(db, "token", "create", "leaked-laptop")
    assert created.returncode == 0, created.stderr
    token = next(line.strip() for line in created.stdout.splitlines() if line.strip().startswith("rdt_"))
    token_id = token[4:12]
    export = tmp_path / "small.csv"
    write_synthetic_acled(export, 5)
    port = _free_port()
    server = subprocess.Popen([*CLI, "--db", str(db), "serve", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/api/summary", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)

        def upload() -> int:
            with export.open("rb") as handle:
                return httpx.post(f"{base}/api/ingest/acled", headers={"Authorization": f"Bearer {token}"},
                                  files={"file": ("small.csv", handle, "text/csv")}, timeout=120).status_code

        assert upload() == 200
        revoked = _ruydad(db, "token", "revoke", token_id)
        assert revoked.returncode == 0, revoked.stderr
        assert upload() == 401
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)


def test_a_killed_ingest_is_listed_as_failed_by_batches(tmp_path: Path) -> None:
    db, big = tmp_path / "killed.duckdb", tmp_path / "big.csv"
    write_synthetic_acled(big, 300_000, seed=0.3)
    Store.open(db).close()
    code = ("import sys; from ruydad.store import Store; from ruydad.ingest import ingest_file; "
            "s = Store.open(sys.argv[1]); print('started', flush=True); ingest_file(s, sys.argv[2], 'acled')")
    proc = subprocess.Popen([sys.executable, "-c", code, str(db), str(big)], stdout=subprocess.PIPE)
    assert proc.stdout is not None and proc.stdout.readline().strip() == b"started"
    time.sleep(1.0)
    proc.send_signal(signal.SIGKILL)
    assert proc.wait(timeout=30) == -signal.SIGKILL, "the ingest finished before it could be interrupted"
    listed = _ruydad(db, "batches", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    import json

    batches = json.loads(listed.stdout)
    assert len(batches) == 1
    assert batches[0]["status"] == "failed" and "interrupted" in batches[0]["message"]
    assert batches[0]["source"] == str(big)
    with Store.open(db, read_only=True) as store:
        assert store.count_events() == 0


def test_brief_on_an_unknown_theatre_exits_non_zero(tmp_path: Path) -> None:
    db = tmp_path / "brief.duckdb"
    Store.open(db).close()
    out = tmp_path / "brief.html"
    done = _ruydad(db, "brief", "--theatre", "bogus", "--from", "2022-01-01", "--to", "2022-06-30", "--out", str(out))
    assert done.returncode == 1
    assert "unknown theatre 'bogus'" in done.stderr.replace("\n", " ")
    assert not out.exists()


def test_serve_on_an_unknown_theatre_exits_non_zero_before_listening(tmp_path: Path) -> None:
    db = tmp_path / "serve.duckdb"
    Store.open(db).close()
    done = _ruydad(db, "serve", "--theatre", "bogus", "--port", str(_free_port()))
    assert done.returncode == 1
    assert "unknown theatre 'bogus'" in done.stderr.replace("\n", " ")


def test_an_oversized_csv_field_is_refused_with_the_reason_and_without_echoing_it(tmp_path: Path) -> None:
    import csv

    from fastapi.testclient import TestClient

    from ruydad.web import create_app, create_token

    export = tmp_path / "export.csv"
    write_synthetic_acled(export, 5)
    with export.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[2]["notes"] = "FIELD" * (3 * 1024 * 1024)  # 15 MB in one cell
    with export.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with Store.open(tmp_path / "big-field.duckdb") as store:
        token = create_token(store, "uploader").token
        client = TestClient(create_app(store))
        with export.open("rb") as handle:
            answer = client.post("/api/ingest/acled", headers={"Authorization": f"Bearer {token}"},
                                 files={"file": ("export.csv", handle, "text/csv")})
        assert store.count_events() == 0
    assert answer.status_code == 400
    detail = answer.json()["detail"]
    assert "a line is" in detail and "bytes, more than the 10,000,000 one record may hold" in detail
    assert "FIELDFIELD" not in answer.text and len(answer.text) < 2000
