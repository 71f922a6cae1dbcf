"""The analysis on Spark (Ibis's PySpark backend over Parquet events) answers as on DuckDB."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from ruydad.analysis import Analysis
from ruydad.ingest import ingest_file
from ruydad.spark import analysis_from_parquet
from ruydad.store import Store
from tests.analysis.test_backends import QUESTIONS, SAMPLE, canonical

pytestmark = pytest.mark.spark


@pytest.fixture(scope="module")
def duckdb_and_parquet(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Analysis, Path]]:
    work = tmp_path_factory.mktemp("spark_analysis")
    store = Store.open(work / "sample.duckdb")
    ingest_file(store, SAMPLE, "ucdp")
    parquet = work / "events.parquet"
    pq.write_table(store.events(), parquet)  # what `ruydad events --format parquet --limit 0` writes
    yield Analysis.from_store(store), parquet
    store.close()


@pytest.mark.parametrize("question", list(QUESTIONS))
def test_spark_answers_as_duckdb(question: str, spark: Any, duckdb_and_parquet: tuple[Analysis, Path]) -> None:
    duck, parquet = duckdb_and_parquet
    on_spark = analysis_from_parquet(spark, parquet)
    ask = QUESTIONS[question]
    assert canonical(ask(on_spark)) == canonical(ask(duck))
