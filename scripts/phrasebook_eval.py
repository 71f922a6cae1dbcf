"""How `ruydad check` does on the claims phrasebook: understood / cannot check / each verdict.

Reads every sentence of ``tests/data/claims/phrasebook.yaml``, checks it against the fixture store
(the ACLED-format fixture plus the real UCDP sample, built in a temporary directory) and prints:

- **understood**: claims whose every figure was read with no problem (whatever the verdict);
- **verdicts**: supported / contradicted / cannot check, and why claims could not be checked;
- **agreement with the phrasebook**: readings and verdicts as the phrasebook states them (the test
  asserts all of them; this script counts, so a change shows its size).

Run: ``.venv/bin/python scripts/phrasebook_eval.py [--show cannot|supported|contradicted|wrong]``
"""

from __future__ import annotations

import argparse
import importlib.util
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

RUNNER = Path(__file__).resolve().parents[1] / "tests" / "data" / "claims" / "phrasebook_runner.py"


def _runner() -> Any:
    spec = importlib.util.spec_from_file_location("phrasebook_runner", RUNNER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", choices=["cannot", "supported", "contradicted", "wrong"],
                        help="also print the claims with this verdict (or those that disagree with the phrasebook)")
    args = parser.parse_args()
    from ruydad.analysis import Analysis

    runner = _runner()
    book = runner.load_phrasebook()
    entries = book["entries"]
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        store = runner.build_store(Path(tmp) / "claims.duckdb")
        built = time.perf_counter() - started
        analysis = Analysis.from_store(store)
        verdicts: Counter[str] = Counter()
        reasons: Counter[str] = Counter()
        understood = reading_ok = verdict_ok = 0
        shown = []
        started = time.perf_counter()
        for e in entries:
            readings, verdict = runner.run(analysis, e)
            problems = [p for r in (verdict.reading if isinstance(verdict.reading, list) else [verdict.reading])
                        if r for p in r.get("problems", [])]
            understood += not problems
            verdicts[verdict.verdict] += 1
            if verdict.verdict == "cannot check":
                reasons[e.get("reason_contains") or "?"] += 1
            expected = [{k: (str(v) if k in ("period", "baseline") and v is not None else v) for k, v in r.items()}
                        for r in e["readings"]]
            reading_ok += readings == expected
            verdict_ok += verdict.verdict == e["verdict"]
            wrong = readings != expected or verdict.verdict != e["verdict"]
            if (args.show == "wrong" and wrong) or (args.show and args.show in verdict.verdict):
                shown.append(f"{e['id']}: {verdict.verdict.upper()} [{verdict.understood}] {verdict.reason[:300]}")
        elapsed = time.perf_counter() - started
        store.close()
    n = len(entries)
    print(f"phrasebook: {n} claim sentences ({built:.1f} s to build the fixture store, "
          f"{elapsed:.1f} s to read and check all, {1000 * elapsed / n:.0f} ms each)")
    print(f"understood (every figure read with no problem): {understood}")
    print(f"not understood or matching nothing:             {n - understood}")
    for name in ("supported", "contradicted", "cannot check"):
        print(f"verdict {name:<13} {verdicts[name]}")
    print("cannot check, by the phrasebook's reason:")
    for reason, count in reasons.most_common():
        print(f"  {count:3d}  {reason}")
    print(f"readings as the phrasebook states: {reading_ok}/{n}; verdicts as stated: {verdict_ok}/{n}")
    for line in shown:
        print(line)


if __name__ == "__main__":
    main()
