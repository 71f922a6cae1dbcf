"""Nothing stored is lost: corrupted files and killed processes never remove or damage events."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ruydad.bench import write_synthetic_acled
from ruydad.errors import RuydadError
from ruydad.ingest import ingest_file
from ruydad.store import Store

BASE_ROWS = 30


def _snapshot(store: Store) -> dict[str, tuple[object, ...]]:
    rows = store.events(columns=["dataset_event_id", "event_date", "fatalities", "actor1", "revision"])
    return {r["dataset_event_id"]: tuple(r.values()) for r in rows.to_pylist()}


corruption = st.one_of(
    st.tuples(st.just("truncate"), st.floats(0.0, 1.0)),
    st.tuples(st.just("flip"), st.lists(st.tuples(st.floats(0.0, 1.0), st.integers(0, 255)), min_size=1,
                                        max_size=20)),
    st.tuples(st.just("insert"), st.floats(0.0, 1.0), st.binary(min_size=1, max_size=200)),
    st.tuples(st.just("delete"), st.floats(0.0, 1.0), st.integers(1, 400)),
)


def _corrupt(data: bytes, how: tuple) -> bytes:  # type: ignore[type-arg]
    kind = how[0]
    if kind == "truncate":
        return data[: int(len(data) * how[1])]
    if kind == "flip":
        mutable = bytearray(data)
        for where, value in how[1]:
            mutable[min(int(len(mutable) * where), len(mutable) - 1)] = value
        return bytes(mutable)
    at = int(len(data) * how[1])
    if kind == "insert":
        return data[:at] + how[2] + data[at:]
    return data[:at] + data[at + how[2]:]


@pytest.fixture(scope="module")
def clean_export(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("export") / "clean.csv"
    write_synthetic_acled(path, BASE_ROWS)
    return path.read_bytes()


@pytest.mark.duckdb_only  # one file per example; tests/postgres kills a PostgreSQL ingest mid-COPY instead
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(how=corruption)
def test_a_corrupted_export_never_loses_a_stored_event(
    tmp_path: Path, clean_export: bytes, how: tuple  # type: ignore[type-arg]
) -> None:
    db = tmp_path / f"prop_{os.getpid()}_{time.monotonic_ns()}.duckdb"
    clean = tmp_path / "clean.csv"
    clean.write_bytes(clean_export)
    corrupted = tmp_path / "corrupted.csv"
    corrupted.write_bytes(_corrupt(clean_export, how))
    with Store.open(db) as store:
        ingest_file(store, clean, "acled")
        before = _snapshot(store)
        try:
            report = ingest_file(store, corrupted, "acled")
        except RuydadError:
            report = None
        after = _snapshot(store)
        assert set(before) <= set(after), "a stored event disappeared"
        if report is not None:
            assert report.stored + report.updated + report.unchanged + report.rejected \
                + report.duplicates_in_file == report.rows_read
        revised = {k for k in before if after[k] != before[k]}
        history_rows = store.summary().revisions
        assert history_rows == len(revised), "every changed event keeps its earlier revision"


@pytest.mark.slow
def test_killed_ingest_leaves_the_store_as_it_was(tmp_path: Path, store_location: str | Path) -> None:
    db = store_location
    small, big = tmp_path / "small.csv", tmp_path / "big.csv"
    write_synthetic_acled(small, 100)
    write_synthetic_acled(big, 300_000, seed=0.7)
    with Store.open(db) as store:
        ingest_file(store, small, "acled")
        before = _snapshot(store)
    code = (
        "import sys; from ruydad.store import Store; from ruydad.ingest import ingest_file; "
        "s = Store.open(sys.argv[1]); print('started', flush=True); ingest_file(s, sys.argv[2], 'acled')"
    )
    proc = subprocess.Popen([sys.executable, "-c", code, str(db), str(big)], stdout=subprocess.PIPE)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == b"started"
    time.sleep(0.5)
    proc.send_signal(signal.SIGKILL)
    assert proc.wait(timeout=30) == -signal.SIGKILL, "the ingest finished before it could be interrupted"
    with Store.open(db) as store:
        assert _snapshot(store) == before
        assert store.count_events() == 100
