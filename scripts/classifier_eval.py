"""Measure the event classifier on the CASE 2021 development snippets, honestly.

The shipped model trains on those snippets, so scoring it on them would measure memory. Instead:

- **CV micro-F1 (the figure)**: repeated stratified 5-fold cross-validation. Each fold's model is
  trained on the other folds plus the hand-written seed corpus and scored on the held-out fold.
- **Seed-only micro-F1**: trained on the seed corpus alone, scored on all 281 snippets: how the
  lexicon and seed sentences carry to text they were not fitted on.
- **Rules-only micro-F1**: the lexicon alone (no training), on all 281 snippets.
- **Held-out real news (event type)**: the shipped classifier on the excerpts of
  ``tests/data/news`` (real reports from several outlets, never used in training), per split; a
  prediction is right when it is one of the excerpt's gold event types. The ``held`` split was
  not looked at while building; it is the figure that was not tuned on.
- **ACLED-style event descriptions**: the shipped classifier's event type and sub-event type on
  ``tests/data/event_types`` (single-event sentences from public news, gold labels written by the
  ACLED codebook before any run), per split; ``held`` was split off by SHA-1 before any run and its
  errors are never printed.
- **Throughput**: texts per second of ``classify_many`` on the snippets, and the first-use training time.

The lexicon was written by someone who had read the development snippets, so all three figures are
somewhat optimistic for unseen text; the held-back CASE snippets are the independent check.

Run: ``.venv/bin/python scripts/classifier_eval.py [--repeats 3]``
"""

from __future__ import annotations

import argparse
import json
import time
import warnings
from collections import Counter
from pathlib import Path

from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import RepeatedStratifiedKFold

from ruydad.extract.classify import (
    LABELS,
    EventClassifier,
    _read_data,
    classify_many,
    codebook_examples,
    default_classifier,
    parse_labelled_tsv,
)

NEWS = Path(__file__).resolve().parents[1] / "tests" / "data" / "news" / "news_events.jsonl"
EVENT_DESCRIPTIONS = (Path(__file__).resolve().parents[1] / "tests" / "data" / "event_types"
                      / "event_descriptions.jsonl")


def event_description_scores(show_dev_errors: bool = False) -> dict[str, tuple[int, int, int]]:
    """(event type right, sub-event type right, total) per split on the ACLED-style descriptions.

    With ``show_dev_errors`` the dev split's misclassifications are printed; the held split's never are."""
    rows = [json.loads(line) for line in EVENT_DESCRIPTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    got = classify_many([row["text"] for row in rows])
    scores: dict[str, list[int]] = {}
    for row, result in zip(rows, got, strict=True):
        entry = scores.setdefault(row["split"], [0, 0, 0])
        entry[0] += result.event_type == row["event_type"]
        entry[1] += result.sub_event_type == row["sub_event_type"]
        entry[2] += 1
        if show_dev_errors and row["split"] == "dev" and result.sub_event_type != row["sub_event_type"]:
            print(f"  {row['id']} {row['sub_event_type']:>34} -> {result.sub_event_type!s:<34} {row['text'][:110]}")
    return {split: (a, b, n) for split, (a, b, n) in scores.items()}


def news_scores() -> dict[str, tuple[int, int]]:
    """(right, total) per split of the shipped classifier's event type on the real news excerpts."""
    rows = [json.loads(line) for line in NEWS.read_text(encoding="utf-8").splitlines() if line.strip()]
    got = classify_many([row["text"] for row in rows])
    scores: dict[str, list[int]] = {}
    for row, result in zip(rows, got, strict=True):
        gold = {event["event_type"] for event in row["gold"]["events"]}
        entry = scores.setdefault(row["split"], [0, 0])
        entry[0] += result.event_type in gold
        entry[1] += 1
    return {split: (right, total) for split, (right, total) in scores.items()}


def cross_validate(dev_x: list[str], dev_y: list[str], seed_x: list[str], seed_y: list[str],
                   repeats: int) -> tuple[list[float], list[str], list[str], list[int]]:
    """Per-fold micro-F1 scores, and the pooled (truth, prediction, snippet index) over all folds."""
    folds = RepeatedStratifiedKFold(n_splits=5, n_repeats=repeats, random_state=13)
    scores: list[float] = []
    truth: list[str] = []
    pred: list[str] = []
    where: list[int] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # classes with fewer members than folds
        for train, test in folds.split(dev_x, dev_y):
            model = EventClassifier().fit([dev_x[i] for i in train] + seed_x,
                                          [dev_y[i] for i in train] + seed_y)
            got = [c.label or "OTHER" for c in model.classify_many([dev_x[i] for i in test])]
            want = [dev_y[i] for i in test]
            scores.append(f1_score(want, got, average="micro"))
            truth += want
            pred += got
            where += list(test)
    return scores, truth, pred, where


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3, help="repeats of 5-fold CV (default 3)")
    parser.add_argument("--errors", action="store_true", help="print the misclassified snippets")
    args = parser.parse_args()

    dev_x, dev_y = parse_labelled_tsv(_read_data("case2021_task2_dev.tsv"), "dev")
    seed_x, seed_y = parse_labelled_tsv(_read_data("seed_corpus.tsv"), "seed")
    book_x, book_y = codebook_examples()
    seed_x, seed_y = seed_x + book_x, seed_y + book_y  # the codebook definitions train with the seed
    print(f"dev snippets: {len(dev_x)}; seed sentences: {len(seed_x)} "
          f"(min per class {min(Counter(seed_y).get(lab, 0) for lab in LABELS)})")

    scores, truth, pred, where = cross_validate(dev_x, dev_y, seed_x, seed_y, args.repeats)
    mean = sum(scores) / len(scores)
    spread = (sum((s - mean) ** 2 for s in scores) / len(scores)) ** 0.5
    print(f"\nCV micro-F1 (5-fold x {args.repeats}, train folds + seed): {mean:.3f} ± {spread:.3f}")
    print(f"CV macro-F1 (pooled): {f1_score(truth, pred, average='macro'):.3f}")
    print(classification_report(truth, pred, digits=3, zero_division=0))
    if args.errors:
        for want, got, i in zip(truth[: len(dev_x)], pred[: len(dev_x)], where, strict=False):
            if want != got:
                print(f"  {want:>29} -> {got:<29} {dev_x[i][:160]}")

    seed_model = EventClassifier().fit(seed_x, seed_y)
    seed_pred = [c.label or "OTHER" for c in seed_model.classify_many(dev_x)]
    print(f"seed-only micro-F1 (train on seed corpus + codebook, test on all dev): "
          f"{f1_score(dev_y, seed_pred, average='micro'):.3f}")

    rules = EventClassifier()
    rule_pred = [rules.classify_by_rules(t).label or "OTHER" for t in dev_x]
    print(f"rules-only micro-F1 (lexicon, no training, all dev): {f1_score(dev_y, rule_pred, average='micro'):.3f}")

    for split, (right, total) in sorted(news_scores().items()):
        print(f"held-out real news, event type ({split} split, {total} excerpts): {right / total:.3f}")

    for split, (types, subs, total) in sorted(event_description_scores(args.errors).items()):
        print(f"ACLED-style event descriptions ({split} split, {total}): event type {types / total:.3f}, "
              f"sub-event type {subs / total:.3f}")

    start = time.perf_counter()
    default_classifier()
    print(f"\nfirst-use training time: {time.perf_counter() - start:.2f} s")
    batch = dev_x * 4
    start = time.perf_counter()
    classify_many(batch)
    elapsed = time.perf_counter() - start
    print(f"throughput: {len(batch) / elapsed:.0f} texts/s ({len(batch)} snippets, one batch)")
    start = time.perf_counter()
    for text in dev_x:
        classify_many([text])
    print(f"throughput one at a time: {len(dev_x) / (time.perf_counter() - start):.0f} texts/s")


if __name__ == "__main__":
    main()
