"""One local Spark session (local[2]) for all Spark tests; skipped, saying why, without PySpark or Java."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "extract"


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    pytest.importorskip("pyspark", reason="Spark tests need PySpark (pip install pyspark)")
    from ruydad.errors import RuydadError
    from ruydad.spark import spark_session

    try:
        session = spark_session("local[2]", "ruydad-tests", **{"spark.sql.shuffle.partitions": "2"})
    except RuydadError as exc:
        pytest.skip(f"Spark: {exc}")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A JSONL corpus of 27 documents: the 25 ISAF press releases, the Newsweek article, and an empty
    text (which must not fail the job)."""
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    lines = []
    for n, line in enumerate((DATA / "isaf_sample.jsonl").read_text(encoding="utf-8").splitlines()):
        record = json.loads(line)
        lines.append({"id": f"isaf-{n}", "text": record["text"], "published": record.get("published")})
    lines.append({"id": "newsweek", "text": (DATA / "newsweek_2022-08-30.txt").read_text(encoding="utf-8"),
                  "published": "2022-08-30", "source": "Newsweek"})
    lines.append({"id": "empty", "text": ""})
    path.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    return path
