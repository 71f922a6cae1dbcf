"""The claims phrasebook: every real-world claim sentence is read as stated and gets the stated verdict.

The sentences and their expected readings are in ``tests/data/claims/phrasebook.yaml`` (with their
sources); the fixture store (an ACLED-format export with real ACLED actor names, plus the real UCDP
sample) is built by ``tests/data/claims/phrasebook_runner.py``. No claim may get a wrong verdict: a
claim the store cannot bear must be "cannot check", with the reason the phrasebook names.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ruydad.analysis import Analysis
from ruydad.analysis.claims import CANNOT_CHECK, CONTRADICTED, SUPPORTED

RUNNER = Path(__file__).resolve().parents[1] / "data" / "claims" / "phrasebook_runner.py"
_spec = importlib.util.spec_from_file_location("phrasebook_runner", RUNNER)
assert _spec is not None and _spec.loader is not None
runner: Any = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(runner)

BOOK = runner.load_phrasebook()
ENTRIES = BOOK["entries"]


@pytest.fixture(scope="module")
def analysis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Analysis]:
    store = runner.build_store(tmp_path_factory.mktemp("phrasebook") / "claims.duckdb")
    yield Analysis.from_store(store)
    store.close()


def test_phrasebook_is_large_sourced_and_covers_every_verdict() -> None:
    assert len(ENTRIES) >= 80
    ids = [e["id"] for e in ENTRIES]
    assert len(ids) == len(set(ids)), "phrasebook ids must be unique"
    for e in ENTRIES:
        source = str(e["source"])
        assert source.startswith("http") or source in BOOK["sources"], f"{e['id']}: source {source!r} unknown"
        assert e["readings"], f"{e['id']}: no reading stated"
        for r in e["readings"]:
            assert set(r) == set(runner.COMPARED), f"{e['id']}: a reading states {sorted(r)}"
    verdicts = Counter(e["verdict"] for e in ENTRIES)
    assert set(verdicts) == {SUPPORTED, CONTRADICTED, CANNOT_CHECK}


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["id"] for e in ENTRIES])
def test_phrasebook_entry(analysis: Analysis, entry: dict[str, Any]) -> None:
    readings, verdict = runner.run(analysis, entry)
    expected = [{k: (str(v) if k in ("period", "baseline") and v is not None else v) for k, v in r.items()}
                for r in entry["readings"]]
    assert readings == expected
    assert verdict.verdict == entry["verdict"], verdict.reason
    assert verdict.understood, "every verdict says what the claim was understood as"
    if entry["verdict"] == CANNOT_CHECK:
        assert entry["reason_contains"] in verdict.reason
    else:
        assert verdict.figure is not None


JUDGED = [e for e in ENTRIES if e["verdict"] != CANNOT_CHECK]


@pytest.fixture(scope="module")
def pg_analysis(pg_server: Any) -> Iterator[Analysis]:
    store = runner.build_store(pg_server.create_database("phrasebook"))
    yield Analysis.from_store(store)
    store.close()


@pytest.mark.postgres
@pytest.mark.parametrize("entry", JUDGED, ids=[e["id"] for e in JUDGED])
def test_phrasebook_verdicts_on_postgres(pg_analysis: Analysis, entry: dict[str, Any]) -> None:
    """Every claim the phrasebook judges gets the same reading and verdict on a PostgreSQL store."""
    readings, verdict = runner.run(pg_analysis, entry)
    assert [r["period"] for r in readings] == [r["period"] and str(r["period"]) for r in entry["readings"]]
    assert verdict.verdict == entry["verdict"], verdict.reason
