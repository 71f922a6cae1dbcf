"""``ruydad spark extract``: the extraction as a Spark job gives what the single process gives."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from ruydad.cli.spark import spark_app
from ruydad.spark import extract_corpus, result_rows

pytestmark = pytest.mark.spark


def _records(corpus: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]


def _events_by_id(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["dataset_event_id"]: {k: v for k, v in r.items() if k != "ingested_at"} for r in rows}


def test_spark_job_finds_what_the_single_process_finds(spark: Any, corpus: Path, tmp_path: Path) -> None:
    report = extract_corpus(spark, corpus, tmp_path / "out", partitions=2)
    single = list(result_rows(_records(corpus)))
    assert report.documents == len(single) == 27
    assert report.failed == sum(1 for r in single if r["error"])
    documents = pq.read_table(tmp_path / "out" / "documents").to_pylist()
    assert sorted(d["document_id"] for d in documents) == sorted(r["document_id"] for r in single)
    expected_events = [dict(e, document_id=r["document_id"]) for r in single for e in r["event_rows"]]
    got_events = pq.read_table(tmp_path / "out" / "events").to_pylist()
    assert report.events == len(expected_events) > 0
    assert _events_by_id(got_events) == _events_by_id(expected_events)
    claims = pq.read_table(tmp_path / "out" / "claims")
    assert claims.num_rows == report.claims == sum(len(r["claim_rows"]) for r in single)
    assert pq.read_table(tmp_path / "out" / "statistics").num_rows == report.statistics
    assert not (tmp_path / "out" / "_extractions").exists()


def test_events_are_in_the_event_model_columns(spark: Any, corpus: Path, tmp_path: Path) -> None:
    from ruydad.model import EVENT_COLUMN_NAMES

    extract_corpus(spark, corpus, tmp_path / "out")
    columns = pq.read_table(tmp_path / "out" / "events").column_names
    assert columns[: 1 + len(EVENT_COLUMN_NAMES)] == ["document_id", *EVENT_COLUMN_NAMES]


def test_parquet_corpus_reads_like_jsonl(spark: Any, corpus: Path, tmp_path: Path) -> None:
    import pyarrow as pa

    records = _records(corpus)[:3]
    pq.write_table(pa.Table.from_pylist(records), tmp_path / "corpus.parquet")
    report = extract_corpus(spark, tmp_path / "corpus.parquet", tmp_path / "out")
    assert report.documents == 3


def test_a_non_empty_output_is_refused_unless_overwritten(spark: Any, corpus: Path, tmp_path: Path) -> None:
    from ruydad.errors import InputError

    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    with pytest.raises(InputError, match="--overwrite"):
        extract_corpus(spark, corpus, out)


def test_cli_extract_prints_the_report(spark: Any, corpus: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(spark_app, ["extract", "--input", str(corpus), "--output", str(tmp_path / "o"),
                                            "--master", "local[2]", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output.strip().splitlines()[-1])
    assert report["documents"] == 27


def test_cli_missing_corpus_is_an_error(spark: Any, tmp_path: Path) -> None:
    result = CliRunner().invoke(spark_app, ["extract", "--input", str(tmp_path / "nope.jsonl"),
                                            "--output", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "no such file" in result.output

