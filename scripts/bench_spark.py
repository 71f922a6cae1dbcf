"""Extraction throughput: Spark local[N] (``ruydad spark extract``) against one process, same corpus.

    .venv/bin/python scripts/bench_spark.py --copies 8 --master local[2]

The corpus is the 25 ISAF press releases and the Newsweek article of tests/data/extract, repeated
``--copies`` times under distinct ids. The single process runs :func:`ruydad.spark.result_rows`
(the very function each Spark partition runs) after loading the pipeline once; the Spark figure is
the whole job (reading JSONL, extraction with one pipeline per Python worker, the four Parquet
writes), with the session already started, and also with the session's start.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "extract"


def build_corpus(path: Path, copies: int) -> int:
    base = [json.loads(line) for line in (DATA / "isaf_sample.jsonl").read_text(encoding="utf-8").splitlines()]
    base.append({"text": (DATA / "newsweek_2022-08-30.txt").read_text(encoding="utf-8"), "published": "2022-08-30"})
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for k, record in enumerate(base):
                out.write(json.dumps({"id": f"c{copy}-{k}", "text": record["text"],
                                      "published": record.get("published")}) + "\n")
                n += 1
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=8)
    parser.add_argument("--master", default="local[2]")
    args = parser.parse_args()
    from ruydad.extract import default_pipeline
    from ruydad.spark import extract_corpus, result_rows, spark_session

    with tempfile.TemporaryDirectory(prefix="ruydad-bench-spark-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        docs = build_corpus(corpus, args.copies)
        records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
        started = time.perf_counter()
        default_pipeline()
        list(result_rows(records[:1]))  # load spaCy and the gazetteers
        load_s = time.perf_counter() - started
        started = time.perf_counter()
        single = list(result_rows(records))
        single_s = time.perf_counter() - started
        started = time.perf_counter()
        spark = spark_session(args.master, "ruydad-bench")
        session_s = time.perf_counter() - started
        report = extract_corpus(spark, corpus, Path(tmp) / "out")
        spark.stop()
    print(json.dumps({
        "documents": docs, "events": sum(len(r["event_rows"]) for r in single), "spark_events": report.events,
        "single_process_pipeline_load_s": round(load_s, 1), "single_process_s": round(single_s, 1),
        "single_process_docs_per_s": round(docs / single_s, 2),
        "spark_master": args.master, "spark_partitions": report.partitions,
        "spark_session_start_s": round(session_s, 1), "spark_job_s": round(report.seconds, 1),
        "spark_docs_per_s": round(docs / report.seconds, 2),
    }, indent=2))


if __name__ == "__main__":
    main()
