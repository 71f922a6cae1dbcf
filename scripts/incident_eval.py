"""Precision and recall of incident merging on real report pairs (tests/data/feeds/reports.json).

Each report is a real news report (outlet, URL and date kept; text condensed from the article)
labelled with the incident it describes. The reports go through the whole path an article takes
in the watch loop: extraction, ``add_article`` into a fresh DuckDB store, ``build_incidents``.
Then, over every pair of reports (articles):

- predicted "same incident": some incident holds events of both articles;
- gold "same incident": both carry the same label.

Precision = correct same-incident pairs / predicted pairs; recall = correct / gold pairs. Pairs of
different incidents on the same day or in the same province are counted separately, because they
are the hard negatives. Prints the figures and each error; ``--json`` prints them as JSON.

    python scripts/incident_eval.py [--window 2] [--threshold 0.6] [--json]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

REPORTS = ROOT / "tests" / "data" / "feeds" / "reports.json"


def evaluate(window: int, threshold: float) -> dict[str, object]:
    from ruydad.extract import from_text
    from ruydad.incidents import build_incidents
    from ruydad.ingest.articles import add_article
    from ruydad.store import Store

    reports = json.loads(REPORTS.read_text("utf-8"))
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "eval.duckdb") as store:
        started = time.perf_counter()
        for r in reports:
            doc = from_text(f"{r['title']}\n\n{r['text']}", id=r["id"], published=date.fromisoformat(r["published"]),
                            title=r["title"], source=r["outlet"], url=r["url"])
            add_article(store, doc)
        extract_s = time.perf_counter() - started
        built = build_incidents(store, window=window, threshold=threshold)
        rows = store.con.execute("SELECT document_id, incident_id FROM incident_reports").fetchall()
        events = store.con.execute("SELECT count(*) FROM events WHERE dataset = 'article'").fetchone()
    incidents_of: dict[str, set[str]] = {}
    for document_id, incident_id in rows:
        incidents_of.setdefault(document_id, set()).add(incident_id)
    gold = {r["id"]: r["incident"] for r in reports}
    meta = {r["id"]: r for r in reports}
    tp = fp = fn = tn = 0
    hard_negatives = hard_negative_errors = 0
    errors: list[str] = []
    for a, b in itertools.combinations(sorted(gold), 2):
        predicted = bool(incidents_of.get(a, set()) & incidents_of.get(b, set()))
        same = gold[a] == gold[b]
        same_place = gold[a].split("-")[0] == gold[b].split("-")[0]
        hard = not same and (meta[a]["published"] == meta[b]["published"] or same_place)
        hard_negatives += hard
        if predicted and same:
            tp += 1
        elif predicted:
            fp += 1
            hard_negative_errors += hard
            errors.append(f"merged, but different incidents: {a} ({gold[a]}) / {b} ({gold[b]})")
        elif same:
            fn += 1
            errors.append(f"kept apart, but the same incident: {a} / {b} ({gold[a]})")
        else:
            tn += 1
    unplaced = sorted(r for r in gold if r not in incidents_of)
    return {
        "reports": len(reports), "gold_incidents": len(set(gold.values())),
        "article_events": events[0] if events else 0,
        "incidents_built": built.incidents, "merged_incidents": built.merged, "reports_without_incident": unplaced,
        "pairs_same": tp + fn, "pairs_different": fp + tn, "true_positive": tp, "false_positive": fp,
        "false_negative": fn, "precision": round(tp / (tp + fp), 3) if tp + fp else None,
        "recall": round(tp / (tp + fn), 3) if tp + fn else None,
        "hard_negative_pairs": hard_negatives, "hard_negatives_merged": hard_negative_errors,
        "window_days": window, "threshold": threshold, "extract_and_store_s": round(extract_s, 2), "errors": errors,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--window", type=int, default=2)
    parser.add_argument("--threshold", type=float, default=0.6)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = evaluate(args.window, args.threshold)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    for key, value in result.items():
        if key != "errors":
            print(f"{key:28} {value}")
    for line in result["errors"]:  # type: ignore[union-attr]
        print("  " + line)


if __name__ == "__main__":
    main()
