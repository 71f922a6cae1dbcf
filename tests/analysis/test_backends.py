"""The same analysis gives identical figures on every store backend (the UCDP sample).

The sample is ingested once into an embedded DuckDB store and once into a PostgreSQL store; each
question is then asked of both and the whole result (every row, every column, and the events
behind it) must match, so "works on PostgreSQL" means "answers as DuckDB does", not "runs".
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from ruydad.analysis import Analysis
from ruydad.ingest import ingest_file
from ruydad.store import Store

SAMPLE = Path(__file__).resolve().parents[2] / "ruydad" / "data" / "sample" / "ucdp_aec_afghanistan.csv"
AFTER_TAKEOVER = date(2021, 8, 15)

QUESTIONS: dict[str, Callable[[Analysis], Any]] = {
    "count": lambda a: a.count(actor="NRF", event_type="Battles", date_from=date(2022, 1, 1),
                               date_to=date(2022, 6, 30)),
    "counts_admin1": lambda a: a.counts("admin1", event_type="Battles"),
    "counts_actor_year": lambda a: a.counts(["actor", "year"], top=20),
    "trend_month": lambda a: a.trend("month", actor="NRF", date_from=date(2022, 1, 1), date_to=date(2022, 8, 31)),
    "trend_quarter_by_type": lambda a: a.trend("quarter", by="event_type", date_from=date(2020, 1, 1)),
    "surges": lambda a: a.surges("admin1", at=date(2022, 7, 24), period="month", baseline_periods=3),
    "compare": lambda a: a.compare("2021-08-15..2021-12-31", "2022H1"),
    "attribution": lambda a: a.attribution(civilian_targeting=True, date_from=AFTER_TAKEOVER, of="Taliban"),
    "attribution_family": lambda a: a.attribution(by_family=True),
}


@pytest.fixture(scope="module")
def duckdb_sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Analysis]:
    store = Store.open(tmp_path_factory.mktemp("backends") / "sample.duckdb")
    ingest_file(store, SAMPLE, "ucdp")
    yield Analysis.from_store(store)
    store.close()


@pytest.fixture(scope="module")
def postgres_sample(pg_server: Any) -> Iterator[Analysis]:
    store = Store.open(pg_server.create_database("backends_sample"))
    ingest_file(store, SAMPLE, "ucdp")
    yield Analysis.from_store(store)
    store.close()


def canonical(result: Any) -> Any:
    """A result as plain data: figures rows (sorted, so row order ties do not matter), summaries,
    counts, the ids of the events behind it; floats rounded to 9 digits (engines sum in their own order),
    lists of names sorted (see :func:`_plain`)."""
    if hasattr(result, "table") and hasattr(result, "summary"):
        out: dict[str, Any] = {"rows": sorted((_plain(r) for r in result.rows()), key=repr),
                               "summary": _plain(result.summary), "columns": result.table.column_names}
    elif hasattr(result, "as_dict"):
        out = {"result": _plain(result.as_dict())}
    else:
        raise TypeError(type(result))
    events = result.events() if not hasattr(result, "period_a") else result.events("b")
    out["events"] = sorted(events.column("dataset_event_id").to_pylist())
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        items = [_plain(v) for v in value]
        # lists of names (attribution's "names") come in the engine's group order, which no engine
        # promises; compare them as sets of names until the analysis sorts them itself
        return sorted(items) if items and all(isinstance(v, str) for v in items) else items
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, 9)
    if isinstance(value, pa.Scalar):
        return _plain(value.as_py())
    return value


@pytest.mark.postgres
@pytest.mark.parametrize("question", list(QUESTIONS))
def test_postgres_answers_as_duckdb(question: str, duckdb_sample: Analysis, postgres_sample: Analysis) -> None:
    ask = QUESTIONS[question]
    assert canonical(ask(postgres_sample)) == canonical(ask(duckdb_sample))


@pytest.mark.postgres
def test_the_questions_have_non_trivial_answers(duckdb_sample: Analysis) -> None:
    """Guard against comparing two empty results."""
    assert QUESTIONS["count"](duckdb_sample).events_count == 2
    assert len(QUESTIONS["counts_admin1"](duckdb_sample).rows()) > 5
    assert QUESTIONS["compare"](duckdb_sample).result.count_b == 12
    assert QUESTIONS["attribution"](duckdb_sample).summary["total_events"] == 21
