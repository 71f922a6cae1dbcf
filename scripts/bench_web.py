"""Load benchmark: `ruydad serve` on a 1,000,000-event store, driven by wrk from a second process.

Usage: .venv/bin/python scripts/bench_web.py [--rows 1000000] [--connections 50] [--seconds 20]

Builds (once, cached under bench-out/) a store from a synthetic ACLED export, starts the server
on loopback, and runs wrk against a rotation of distinct URLs: event pages (filters, offsets)
and grouped stats. It reports wrk's latency percentiles and errors, with the response cache on
and off. wrk comes from Debian (installed here if missing and we are root).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

URLS = [
    "/api/events?limit=100",
    "/api/events?limit=100&offset=1000",
    "/api/events?limit=100&offset=50000",
    "/api/events?limit=50&event_type=Battles",
    "/api/events?limit=50&admin1=Panjshir",
    "/api/events?limit=50&actor=NRF",
    "/api/events?limit=50&date_from=2021-08-15&date_to=2021-12-31",
    "/api/events?limit=100&admin1=AF-BGL&event_type=Battles",
    "/api/stats?by=admin1",
    "/api/stats?by=event_type",
    "/api/stats?by=month&event_type=Battles",
    "/api/stats?by=admin1_code&date_from=2022-01-01&date_to=2022-06-30",
]


def ensure_store(rows: int, directory: Path) -> Path:
    db = directory / f"web_{rows}.duckdb"
    if db.exists():
        return db
    from ruydad.bench import write_synthetic_acled
    from ruydad.ingest import ingest_file
    from ruydad.store import Store

    export = directory / f"web_{rows}.csv"
    write_synthetic_acled(export, rows)
    with Store.open(db) as store:
        ingest_file(store, export, "acled")
    export.unlink()
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, stdout=subprocess.DEVNULL)
        return shutil.which("wrk") or "wrk"
    sys.exit("wrk is not installed (apt-get install wrk)")


def run_wrk(wrk: str, base: str, connections: int, seconds: int, script: Path) -> str:
    cmd = [wrk, "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(script), base]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def serve(db: Path, port: int, cache: bool) -> subprocess.Popen[bytes]:
    # this interpreter, so PYTHONPATH can point at another checkout (figures before and after a change)
    args = [sys.executable, "-c", "from ruydad.cli import main; main()", "--db", str(db), "serve",
            "--port", str(port)]
    if not cache:
        args.append("--no-cache")
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    sys.exit("server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--dir", type=Path, default=ROOT / "bench-out")
    parser.add_argument("--cache", choices=("off", "on", "both"), default="both",
                        help="run with the response cache off, on, or both (default)")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    db = ensure_store(args.rows, args.dir)
    wrk = ensure_wrk()
    script = args.dir / "rotate.lua"
    paths = ", ".join(f'"{u}"' for u in URLS)
    script.write_text(
        f"local paths = {{{paths}}}\nlocal i = 0\n"
        "request = function()\n  i = i + 1\n  return wrk.format('GET', paths[(i % #paths) + 1])\nend\n")
    for cache in {"off": (False,), "on": (True,), "both": (False, True)}[args.cache]:
        port = free_port()
        proc = serve(db, port, cache)
        try:
            output = run_wrk(wrk, f"http://127.0.0.1:{port}", 5, 3, script)  # warm-up
            output = run_wrk(wrk, f"http://127.0.0.1:{port}", args.connections, args.seconds, script)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        print(f"== {args.rows:,} events, {args.connections} connections, {args.seconds} s, "
              f"response cache {'on' if cache else 'off'}")
        for line in output.splitlines():
            if re.search(r"(50|75|90|99)%|Requests/sec|requests in|Non-2xx|Socket errors|Latency", line):
                print("  " + line.strip())


if __name__ == "__main__":
    main()
