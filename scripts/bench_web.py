"""Load benchmark: `ruydad serve` on a 1,000,000-event store, driven by wrk from a second process.

Usage: .venv/bin/python scripts/bench_web.py [--rows 1000000] [--connections 50] [--seconds 20]
       [--cache off|on|both] [--rebuild] [--source DIR] [--single] [--urls all|events|stats] [--workers N]

Builds (once, cached under bench-out/) a store from a synthetic ACLED export with the current
ingest (``--rebuild`` builds it again: the ingest's layout and summary tables are part of what is
measured), starts the server on loopback, and runs wrk against a rotation of distinct URLs: event
pages (filters, offsets and a keyset cursor), grouped stats, and what the dashboard asks for when it
opens (/api/summary, the totals, the map's provinces, the monthly trend). It reports wrk's latency
percentiles and errors, with the response cache on and off, and the load average before and after
(other processes on the machine take from the same cores). ``--single`` also prints each URL's
latency alone (median of 5, one client). ``--source DIR`` serves another checkout of the package
(``git archive REV | tar -x -C DIR``) for figures before a change. wrk comes from Debian
(installed here if missing and we are root).
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
    # what the dashboard asks for when it opens (ruydad/web/static/app.js, overview)
    "/api/summary",
    "/api/stats?",
    "/api/stats?by=admin1_code",
    "/api/trend?period=month",
]
KEYSET = "/api/events?limit=100&after={cursor}"
"""A keyset page deep in the events; the cursor is read from the server (``next`` of page 500)."""


def ensure_store(rows: int, directory: Path, rebuild: bool = False) -> Path:
    db = directory / f"web_{rows}.duckdb"
    if rebuild:
        for stale in (db, Path(f"{db}.wal")):
            stale.unlink(missing_ok=True)
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
    # wrk leaves requests slower than its timeout (2 s by default) out of the latency percentiles:
    # 30 s keeps every answer in them, so a starved request shows in p99 instead of vanishing
    cmd = [wrk, "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s", "--latency", "-s", str(script), base]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def serve(db: Path, port: int, cache: bool, source: Path | None = None, workers: int = 1) -> subprocess.Popen[bytes]:
    # this interpreter; with ``source``, that checkout's package (figures before and after a change)
    start = "from ruydad.cli import main; main()"
    env = dict(os.environ)
    if source is not None:
        env["PYTHONPATH"] = str(source)
        start = f"import os; os.chdir({str(source)!r}); " + start
    args = [sys.executable, "-c", start, "--db", str(db.resolve()), "serve", "--port", str(port)]
    if not cache:
        args.append("--no-cache")
    if workers > 1:
        args += ["--workers", str(workers)]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    sys.exit("server did not start")


def _process_stats() -> dict[int, list[str]]:
    """Each process's ``/proc/PID/stat`` fields after the command name (Linux)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                found[int(entry.name)] = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
    return found


def cpu_seconds(pid: int) -> tuple[float, float] | None:
    """CPU seconds used so far by process ``pid`` with its children (the server's workers) and by
    the whole machine (Linux ``/proc``), so a run can say whether the server had the cores to itself
    and how busy they were."""
    try:
        machine = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        return None
    stats = _process_stats()
    if pid not in stats:
        return None
    tree, changed = {pid}, True
    while changed:
        grown = tree | {p for p, fields in stats.items() if int(fields[1]) in tree}
        changed, tree = grown != tree, grown
    ticks = os.sysconf("SC_CLK_TCK")
    busy = sum(int(v) for i, v in enumerate(machine[:8]) if i not in (3, 4))  # all but idle and iowait
    return sum(int(stats[p][11]) + int(stats[p][12]) for p in tree) / ticks, busy / ticks


def fetch(base: str, path: str) -> tuple[float, bytes]:
    import urllib.request

    started = time.perf_counter()
    with urllib.request.urlopen(base + path, timeout=60) as response:
        body: bytes = response.read()
    return time.perf_counter() - started, body


def keyset_url(base: str) -> str | None:
    """A keyset page after the 500th page of 100 (None when the server has no cursors: an older build)."""
    import json

    _, body = fetch(base, "/api/events?limit=100&offset=50000")
    cursor = json.loads(body).get("next")
    return KEYSET.format(cursor=cursor) if cursor else None


def single_latencies(base: str, urls: list[str]) -> None:
    import statistics

    for url in urls:
        times = [fetch(base, url)[0] for _ in range(6)][1:]
        print(f"  {statistics.median(times) * 1000:8.1f} ms  {url[:100]}")


def requests(output: str) -> int:
    """How many requests a wrk run completed (its "N requests in" line)."""
    found = re.search(r"(\d+) requests in", output)
    return int(found.group(1)) if found else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--dir", type=Path, default=ROOT / "bench-out")
    parser.add_argument("--cache", choices=("off", "on", "both"), default="both",
                        help="run with the response cache off, on, or both (default)")
    parser.add_argument("--rebuild", action="store_true", help="build the store again with the current ingest")
    parser.add_argument("--source", type=Path, default=None, help="serve another checkout of the package")
    parser.add_argument("--single", action="store_true", help="also time each URL alone (one client)")
    parser.add_argument("--workers", type=int, default=1, help="server processes (`ruydad serve --workers`)")
    parser.add_argument("--urls", choices=("all", "events", "stats"), default="all",
                        help="rotate over every URL (default), the event pages only, or the grouped statistics only")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    db = ensure_store(args.rows, args.dir, args.rebuild)
    wrk = ensure_wrk()
    script = args.dir / "rotate.lua"
    for cache in {"off": (False,), "on": (True,), "both": (False, True)}[args.cache]:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        proc = serve(db, port, cache, args.source, args.workers)
        try:
            keyset = keyset_url(base)
            urls = [u for u in URLS + ([keyset] if keyset else [])
                    if args.urls == "all" or u.startswith(f"/api/{args.urls}?")]
            paths = ", ".join(f'"{u}"' for u in urls)
            script.write_text(
                f"local paths = {{{paths}}}\nlocal i = 0\n"
                "request = function()\n  i = i + 1\n  return wrk.format('GET', paths[(i % #paths) + 1])\nend\n")
            if args.single and not cache:
                print(f"== each URL alone (one client, median of 5), load average {os.getloadavg()[0]:.1f}")
                single_latencies(base, urls)
            output = run_wrk(wrk, base, 5, 3, script)  # warm-up
            before = os.getloadavg()[0]
            cpu_before, started = cpu_seconds(proc.pid), time.monotonic()
            output = run_wrk(wrk, base, args.connections, args.seconds, script)
            cpu_after, elapsed = cpu_seconds(proc.pid), time.monotonic() - started
            after = os.getloadavg()[0]
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        print(f"== {args.rows:,} events, {len(urls)} URLs, {args.connections} connections, {args.seconds} s, "
              f"{args.workers} server process{'es' if args.workers > 1 else ''}, "
              f"response cache {'on' if cache else 'off'}; load average {before:.1f} before, {after:.1f} after "
              f"({os.cpu_count()} CPUs)")
        if cpu_before and cpu_after:
            print(f"  CPU: server {(cpu_after[0] - cpu_before[0]) / elapsed:.0%} of one core, machine "
                  f"{(cpu_after[1] - cpu_before[1]) / elapsed:.0%} (of {os.cpu_count() or 1:.0%}); "
                  f"{(cpu_after[0] - cpu_before[0]) * 1000 / max(1, requests(output)):.1f} ms of server CPU a request")
        for line in output.splitlines():
            if re.search(r"(50|75|90|99)%|Requests/sec|requests in|Non-2xx|Socket errors|Latency", line):
                print("  " + line.strip())


if __name__ == "__main__":
    main()
