"""Throughput and memory of the watch loop: articles per second per core, peak memory.

A local HTTP server (in this process) serves an RSS feed of N article pages built from the real
reports in tests/data/feeds/reports.json (each page made unique by a numbered closing line, so N
pages are N documents). Each measured step runs as a fresh ``ruydad`` child process pinned to one
core (``taskset -c 0`` where available), so the figures are per core and include start-up:

1. ``watch run --once``: fetch, read (trafilatura), extract, store, rebuild incidents;
2. ``watch run --once --corpus``: fetch and read only, writing JSONL for ``ruydad spark extract``;
3. with ``--spark``, ``ruydad spark extract --master local[1]`` over the JSONL of step 2;
4. in this process, ``cluster()`` over synthetic reports, for the incident step at scale.

Prints wall seconds, CPU seconds, articles per CPU second and the child's peak RSS.

    python scripts/watch_bench.py [--articles 200] [--reports 20000] [--spark]
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
REPORTS = ROOT / "tests" / "data" / "feeds" / "reports.json"


def build_site(folder: Path, articles: int, base: str) -> None:
    reports = json.loads(REPORTS.read_text("utf-8"))
    (folder / "articles").mkdir(parents=True)
    items = []
    for n in range(articles):
        r = reports[n % len(reports)]
        name = f"{r['id']}-{n}.html"
        body = "".join(f"<p>{html.escape(p)}</p>" for p in r["text"].split(". "))
        page = (f"<!doctype html><html><head><title>{html.escape(r['title'])}</title>"
                f"<meta property='og:site_name' content='{html.escape(r['outlet'])}'></head><body>"
                f"<nav><a href='/'>Home</a></nav><article><h1>{html.escape(r['title'])}</h1>{body}"
                f"<p>Reported in dispatch number {n}.</p></article><footer>Contact</footer></body></html>")
        (folder / "articles" / name).write_text(page, "utf-8")
        items.append(f"<item><title>{html.escape(r['title'])}</title><link>{base}/articles/{name}</link>"
                     f"<guid>{name}</guid><pubDate>{_rfc822(r['published'])}</pubDate></item>")
    (folder / "rss.xml").write_text("<?xml version='1.0'?><rss version='2.0'><channel><title>Bench</title>"
                                    + "".join(items) + "</channel></rss>", "utf-8")
    (folder / "robots.txt").write_text("User-agent: *\nAllow: /\n", "utf-8")


def _rfc822(day: str) -> str:
    d = date.fromisoformat(day)
    return d.strftime("%a, %d %b %Y 08:00:00 +0000")


_MEASURE = ("import json, resource, subprocess, sys, time\n"
            "t = time.perf_counter(); done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
            "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
            "print(json.dumps({'rc': done.returncode, 'wall_s': time.perf_counter() - t, "
            "'cpu_s': u.ru_utime + u.ru_stime, 'peak_rss_mb': u.ru_maxrss / 1024, 'out': done.stdout, "
            "'err': done.stderr}))")


def child(args: list[str]) -> dict[str, Any]:
    """Run ``ruydad ARGS`` pinned to one core, measured by its own parent (so the peak RSS is this
    child's alone): wall and CPU seconds, peak RSS, and its output."""
    command = [str(Path(sys.executable).with_name("ruydad")), *args]
    if shutil.which("taskset"):
        command = ["taskset", "-c", "0", *command]
    done = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout)
    if result["rc"] != 0:
        raise SystemExit(f"ruydad {' '.join(args)} failed: {result['err'] or result['out']}")
    return result


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


def cluster_bench(reports: int) -> dict[str, float]:
    from ruydad.incidents import Report, cluster

    rng = random.Random(7)
    provinces = [f"AF-P{n:02d}" for n in range(34)]
    start = date(2022, 1, 1)
    items = []
    for n in range(reports):
        p = rng.choice(provinces)
        items.append(Report(key=f"doc{n}:1", dataset="article", date=start + timedelta(days=rng.randrange(365)),
                            admin1_code=p, admin1=p, admin2_pcode=f"{p}-{rng.randrange(12)}",
                            event_type=rng.choice(["Battles", "Explosions/Remote violence",
                                                   "Violence against civilians"]),
                            actor1=rng.choice(["Taliban", "NRF", "Islamic State", None])))
    started = time.process_time()
    groups = cluster(items)
    return {"reports": reports, "incidents": len(groups), "cpu_s": time.process_time() - started}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--reports", type=int, default=20000)
    parser.add_argument("--spark", action="store_true", help="Also run `ruydad spark extract` (local[1]) on the "
                        "--corpus output: the same extraction as a Spark job")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(site)))
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        build_site(site, args.articles, base)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        env_db = str(Path(tmp) / "bench.duckdb")
        child(["--db", env_db, "watch", "add", f"{base}/rss.xml", "--name", "Bench"])
        full = child(["--db", env_db, "watch", "run", "--once", "--min-interval", "0", "--max-new", str(args.articles),
                      "--json"])
        corpus_db = str(Path(tmp) / "corpus.duckdb")
        child(["--db", corpus_db, "watch", "add", f"{base}/rss.xml", "--name", "Bench"])
        fetch = child(["--db", corpus_db, "watch", "run", "--once", "--min-interval", "0", "--max-new",
                       str(args.articles), "--corpus", str(Path(tmp) / "corpus.jsonl"), "--json"])
        baseline = child(["--db", str(Path(tmp) / "empty.duckdb"), "watch", "list"])
        spark = None
        if args.spark:
            spark = child(["spark", "extract", "--input", str(Path(tmp) / "corpus.jsonl"), "--output",
                           str(Path(tmp) / "spark-out"), "--master", "local[1]", "--json"])
        httpd.shutdown()
    print(f"one core, a fresh process per step; an empty `watch list` takes {baseline['wall_s']:.2f} s wall, "
          f"{baseline['cpu_s']:.2f} cpu-s, {baseline['peak_rss_mb']:.0f} MB peak RSS")
    for label, r in (("fetch + read + extract + store + incidents", full), ("fetch + read only (--corpus)", fetch)):
        report = json.loads(r["out"])
        n = report["stored"]
        work = r["cpu_s"] - baseline["cpu_s"]
        print(f"{label:45} {n} articles, {report['errors']} errors: wall {r['wall_s']:6.1f} s, cpu {r['cpu_s']:6.1f} s"
              f" -> {n / r['cpu_s']:5.1f} articles/cpu-s ({n / work:5.1f} without start-up); "
              f"peak RSS {r['peak_rss_mb']:.0f} MB")
    if spark is not None:
        sr = json.loads(spark["out"])
        print(f"spark extract of the corpus, local[1]: {sr['documents']} documents, {sr['events']} events, "
              f"{sr['failed']} failed; job {sr['seconds']:.1f} s ({sr['documents_per_second']:.1f} docs/s), "
              f"whole command {spark['wall_s']:.1f} s wall; peak RSS of the largest process "
              f"{spark['peak_rss_mb']:.0f} MB")
    c = cluster_bench(args.reports)
    print(f"incident clustering: {c['reports']:.0f} synthetic reports -> {c['incidents']:.0f} incidents in "
          f"{c['cpu_s']:.2f} cpu-s ({c['reports'] / c['cpu_s']:.0f} reports/s)")
    print(f"(cores on this machine: {os.cpu_count()})")


if __name__ == "__main__":
    main()
