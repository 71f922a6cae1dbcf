"""Ingest on PostgreSQL next to DuckDB, and concurrent writers on PostgreSQL.

    .venv/bin/python scripts/bench_postgres.py --rows 100000 --rows 1000000 [--url postgresql://...]

Without ``--url`` a throwaway server is started (``ruydad.store.pgtemp``, fsync on, as a team server
would run). For each size: a synthetic ACLED export (``ruydad.bench.write_synthetic_acled``) is
ingested into a fresh DuckDB file and into a fresh PostgreSQL database (first load), then again
(every row unchanged: the classify path), then an export with 1% of events changed (revisions).
Then the concurrency figures: two ingests of one dataset at once (they serialise on the dataset
lock), and article-like event inserts (5 events a transaction) running beside an ingest, with the
latency of those inserts. Prints a Markdown table; ``--json`` for the raw figures.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from ruydad.bench import write_synthetic_acled
from ruydad.ingest import ingest_file
from ruydad.model import EVENT_COLUMN_NAMES
from ruydad.store import Store
from ruydad.store.pgtemp import TempPostgres, start_temp_postgres


def _timed_ingest(location: str | Path, path: Path) -> tuple[float, Any]:
    with Store.open(location) as store:
        started = time.perf_counter()
        report = ingest_file(store, path, "acled")
        return time.perf_counter() - started, report


def _changed_copy(source: Path, target: Path, every: int = 100) -> Path:
    """The export with the notes of every ``every``-th event changed (1%: a typical re-export)."""
    with source.open(encoding="utf-8") as handle, target.open("w", encoding="utf-8") as out:
        for i, line in enumerate(handle):
            if i and i % every == 0 and '"' in line:
                start = line.index('"') + 1
                line = line[:start] + "Revised: " + line[start:]
            out.write(line)
    return target


def bench_size(rows: int, work: Path, server: TempPostgres | None, url: str | None) -> dict[str, Any]:
    export = write_synthetic_acled(work / f"acled_{rows}.csv", rows)
    changed = _changed_copy(export, work / f"acled_{rows}_changed.csv")
    result: dict[str, Any] = {"rows": rows, "file_mb": round(export.stat().st_size / 1e6, 1)}
    targets: dict[str, str | Path] = {"duckdb": work / f"bench_{rows}.duckdb"}
    targets["postgres"] = server.create_database(f"bench_{rows}") if server else str(url)
    for backend, location in targets.items():
        first, report = _timed_ingest(location, export)
        again, again_report = _timed_ingest(location, export)
        revised, revised_report = _timed_ingest(location, changed)
        assert report.stored == rows and again_report.unchanged == rows, (report, again_report)
        result[backend] = {"first_load_s": round(first, 2), "rows_per_s": round(rows / first),
                           "unchanged_reingest_s": round(again, 2),
                           "one_percent_changed_s": round(revised, 2), "revised": revised_report.updated}
    return result


def _article_writer(url: str, stop: threading.Event, latencies: list[float], worker: int) -> None:
    marks = ", ".join("?" for _ in EVENT_COLUMN_NAMES)
    with Store.open(url) as store:
        n = 0
        while not stop.is_set():
            rows = []
            for k in range(5):
                values = dict.fromkeys(EVENT_COLUMN_NAMES)
                values.update(dataset="article", dataset_event_id=f"w{worker}-{n}:{k}", actor1="Taliban",
                              event_type="Battles", country="Afghanistan", revision=1)
                rows.append([values[c] for c in EVENT_COLUMN_NAMES])
            started = time.perf_counter()
            with store.transaction() as con:
                con.executemany(f"INSERT INTO events ({', '.join(EVENT_COLUMN_NAMES)}) VALUES ({marks})", rows)
            latencies.append(time.perf_counter() - started)
            n += 1


def bench_concurrency(rows: int, work: Path, server: TempPostgres | None, url: str | None) -> dict[str, Any]:
    export = write_synthetic_acled(work / f"acled_{rows}.csv", rows)
    second = write_synthetic_acled(work / f"acled_{rows}_b.csv", rows, seed=0.9)  # same ids, other content
    location = server.create_database(f"conc_{rows}") if server else str(url)
    Store.open(location).close()
    times: dict[str, float] = {}

    def run(name: str, path: Path) -> None:
        times[name], _ = _timed_ingest(location, path)

    started = time.perf_counter()
    threads = [threading.Thread(target=run, args=(n, p)) for n, p in (("a", export), ("b", second))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    both = time.perf_counter() - started
    with Store.open(location) as store:
        summary = store.summary()
    stop = threading.Event()
    latencies: list[float] = []
    writers = [threading.Thread(target=_article_writer, args=(location, stop, latencies, w)) for w in range(2)]
    for w in writers:
        w.start()
    third = _changed_copy(export, work / f"acled_{rows}_c.csv", every=10)
    alone_started = time.perf_counter()
    _, report = _timed_ingest(location, third)
    with_writers = time.perf_counter() - alone_started
    stop.set()
    for w in writers:
        w.join()
    return {
        "rows": rows, "two_same_dataset_ingests_wall_s": round(both, 2),
        "each_s": {k: round(v, 2) for k, v in times.items()}, "events_after": summary.events,
        "revisions_after": summary.revisions,
        "ingest_with_2_article_writers_s": round(with_writers, 2), "ingest_updated": report.updated,
        "article_transactions": len(latencies),
        "article_latency_ms_median": round(statistics.median(latencies) * 1000, 1) if latencies else None,
        "article_latency_ms_max": round(max(latencies) * 1000, 1) if latencies else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, action="append", help="sizes to time (default 100000)")
    parser.add_argument("--concurrency-rows", type=int, default=100_000)
    parser.add_argument("--url", help="an existing PostgreSQL server's database (emptied tables expected)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    server = None if args.url else start_temp_postgres(fsync=True)
    try:
        with tempfile.TemporaryDirectory(prefix="ruydad-bench-pg-") as tmp:
            work = Path(tmp)
            _timed_ingest(work / "warm.duckdb", write_synthetic_acled(work / "warm.csv", 100))  # load gazetteers
            sizes = [bench_size(n, work, server, args.url) for n in (args.rows or [100_000])]
            concurrency = bench_concurrency(args.concurrency_rows, work, server, args.url)
    finally:
        if server:
            server.stop()
    if args.json:
        print(json.dumps({"sizes": sizes, "concurrency": concurrency}, indent=2))
        return
    print("| rows | backend | first load (s) | rows/s | re-ingest unchanged (s) | 1% changed (s) |")
    print("|---:|---|---:|---:|---:|---:|")
    for s in sizes:
        for backend in ("duckdb", "postgres"):
            b = s[backend]
            print(f"| {s['rows']:,} | {backend} | {b['first_load_s']} | {b['rows_per_s']:,} | "
                  f"{b['unchanged_reingest_s']} | {b['one_percent_changed_s']} |")
    print()
    print(json.dumps(concurrency, indent=2))


if __name__ == "__main__":
    main()
