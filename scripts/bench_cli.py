"""Start-up benchmark: whole `ruydad` processes on the demo store, as a user at a shell sees them.

Usage: .venv/bin/python scripts/bench_cli.py [--runs 7] [--db bench-out/cli_demo.duckdb] [--source DIR]

Each command is run ``--runs`` times as a fresh process (the interpreter, every import, opening
the store, the work and the output), after one untimed warm-up run that fills the OS file cache;
min / median / max wall-clock seconds are printed next to the target. ``--source DIR`` runs another
checkout of the package (``git archive HEAD | tar -x -C DIR``) with this interpreter, to print the
figures before a change next to the figures after it. The demo store is built once with
``ruydad demo --no-serve`` when missing. Figures only: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "ruydad" / "data" / "articles" / "newsweek-2022-08-30-afghan-rebel-groups.txt"

# (label, arguments after `ruydad --db DB`, target seconds from issue 13)
COMMANDS: list[tuple[str, list[str], float]] = [
    ("--help", ["--help"], 0.3),
    ("status", ["status"], 0.8),
    ("events --limit 5", ["events", "--limit", "5"], 0.8),
    ("stats --by admin1", ["stats", "--by", "admin1"], 1.5),
    ("extract (one article)", ["extract", str(ARTICLE), "--published", "2022-08-30"], 3.0),
]


def ruydad_command(source: Path | None) -> tuple[list[str], dict[str, str]]:
    """The command line that starts `ruydad` from this checkout or from ``source``."""
    env = {**os.environ, "COLUMNS": "120"}
    env.pop("RUYDAD_DB", None)
    if source is None:
        return [sys.executable, "-c", "from ruydad.cli import main; main()"], env
    env["PYTHONPATH"] = str(source)
    # run from inside the other checkout: `python -c` puts the working directory first on sys.path
    return [sys.executable, "-c", f"import os; os.chdir({str(source)!r}); from ruydad.cli import main; main()"], env


def ensure_demo_store(db: Path, source: Path | None) -> None:
    if db.exists():
        return
    db.parent.mkdir(parents=True, exist_ok=True)
    cmd, env = ruydad_command(source)
    print(f"building the demo store at {db} ...", flush=True)
    subprocess.run([*cmd, "--db", str(db), "demo", "--no-serve"], env=env, check=True,
                   stdout=subprocess.DEVNULL)


def time_once(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one run. On a shared machine the CPU time is
    the steadier figure: it does not grow when other processes take the cores."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        child = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(cmd)} failed ({child.returncode}):\n{errors.read()[-2000:].decode()}")
    return elapsed, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="timed runs per command")
    parser.add_argument("--db", type=Path, default=ROOT / "bench-out" / "cli_demo.duckdb", help="demo store")
    parser.add_argument("--source", type=Path, default=None, help="another checkout of the package to time")
    parser.add_argument("--only", default=None, help="time only commands whose label contains this")
    args = parser.parse_args()

    ensure_demo_store(args.db, args.source)
    base, env = ruydad_command(args.source)
    where = args.source or ROOT
    print(f"ruydad from {where}; store {args.db}; {args.runs} runs each; {os.cpu_count()} CPUs; "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'seconds':<24}{'wall min':>9}{'median':>8}{'max':>8}{'cpu med':>9}{'target':>8}")
    for label, command_args, target in COMMANDS:
        if args.only and args.only not in label:
            continue
        cmd = [*base, "--db", str(args.db), *command_args]
        time_once(cmd, env)  # warm the file cache
        runs = [time_once(cmd, env) for _ in range(args.runs)]
        wall = [w for w, _ in runs]
        cpu = statistics.median(c for _, c in runs)
        mark = "" if statistics.median(wall) < target else "  (over target)"
        print(f"{label:<24}{min(wall):>9.2f}{statistics.median(wall):>8.2f}{max(wall):>8.2f}{cpu:>9.2f}"
              f"{target:>8.1f}{mark}", flush=True)


if __name__ == "__main__":
    main()
