"""Shared fixtures: a real store in a temp dir, the bundled UCDP sample, ACLED-format files.

``store`` is an embedded DuckDB store. ``backend_store`` (and ``store_location``, to open and
reopen one yourself) is parametrised over every backend the project supports: DuckDB, and
PostgreSQL on a real throwaway server (one per test session and worker, a fresh database per
test). tests/store and tests/ingest make ``store`` mean ``backend_store``, so their tests run on
both; select one backend with ``-m postgres`` or ``-m "not postgres"``.
"""

from __future__ import annotations

import csv
import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from ruydad.bench import write_synthetic_acled
from ruydad.ingest import ingest_file
from ruydad.store import Store
from ruydad.store.pgtemp import TempPostgres, start_temp_postgres

BACKENDS = [pytest.param("duckdb", id="duckdb"), pytest.param("postgres", id="postgres", marks=pytest.mark.postgres)]
_databases = itertools.count(1)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "postgres: runs against a real PostgreSQL server (skipped without one)")
    config.addinivalue_line("markers", "duckdb_only: inspects DuckDB internals, so runs on DuckDB alone")
    config.addinivalue_line("markers", "spark: runs a local Spark session (local[2])")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[TempPostgres]:
    """A PostgreSQL server for the whole session; skipped, saying why, when none can be started."""
    try:
        server = start_temp_postgres()
    except FileNotFoundError as exc:
        pytest.skip(f"PostgreSQL backend: {exc}")
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server: TempPostgres) -> str:
    """A fresh, empty database on the session's server."""
    return pg_server.create_database(f"t{os.getpid()}_{next(_databases)}")


@pytest.fixture(params=BACKENDS)
def store_location(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """Where a new store of each backend lives: a DuckDB file path or a PostgreSQL URL."""
    if request.param == "postgres":
        return str(request.getfixturevalue("pg_url"))
    return tmp_path / "ruydad.duckdb"


@pytest.fixture
def backend_store(store_location: str | Path) -> Iterator[Store]:
    with Store.open(store_location) as opened:
        yield opened

ROOT = Path(__file__).resolve().parents[1]
UCDP_SAMPLE = ROOT / "ruydad" / "data" / "sample" / "ucdp_aec_afghanistan.csv"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "ruydad.duckdb") as opened:
        yield opened


@pytest.fixture
def ucdp_sample() -> Path:
    return UCDP_SAMPLE


AcledRows = list[dict[str, str]]


@pytest.fixture
def acled_file(tmp_path: Path) -> Callable[..., Path]:
    """Write an ACLED-format export of ``rows`` synthetic events, optionally edited first.

    ``edit`` receives the rows as dicts (ACLED column -> text) and may change them in place, so a
    test states exactly which record is wrong and how.
    """
    counter = iter(range(1000))

    def make(rows: int = 10, edit: Callable[[AcledRows], None] | None = None, name: str | None = None) -> Path:
        path = tmp_path / (name or f"acled_{next(counter)}.csv")
        write_synthetic_acled(path, rows)
        if edit is not None:
            with path.open(encoding="utf-8", newline="") as handle:
                reader = csv.DictReader(handle)
                fields = list(reader.fieldnames or [])
                records = list(reader)
            edit(records)
            with path.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.DictWriter(handle, fieldnames=fields, extrasaction="ignore")
                writer.writeheader()
                writer.writerows(records)
        return path

    return make


# A store holding an ACLED-format export (real ACLED actor names) and the real UCDP sample, on DuckDB and
# on PostgreSQL: the two datasets record many of the same events under different names and spellings.
# Read by tests/query and tests/store/test_summary.py; session-scoped, so tests only read it.
ROOT = Path(__file__).resolve().parents[1]
ACLED_EXPORT = ROOT / "tests" / "data" / "acled" / "afghanistan_2021-2022_export.csv"
UCDP_SAMPLE = ROOT / "ruydad" / "data" / "sample" / "ucdp_aec_afghanistan.csv"


def _load(store: Store) -> Store:
    ingest_file(store, ACLED_EXPORT, "acled")
    ingest_file(store, UCDP_SAMPLE, "ucdp")
    return store


@pytest.fixture(scope="session")
def both_duckdb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = _load(Store.open(tmp_path_factory.mktemp("query") / "both.duckdb"))
    yield store
    store.close()


@pytest.fixture(scope="session")
def both_postgres(pg_server: Any) -> Iterator[Store]:
    store = _load(Store.open(pg_server.create_database("query_both")))
    yield store
    store.close()


@pytest.fixture(scope="session", params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def both(request: pytest.FixtureRequest) -> Store:
    """The ACLED export and the UCDP sample in one store, on each backend."""
    return request.getfixturevalue(f"both_{request.param}")


@pytest.fixture(scope="session")
def both_duckdb_file(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The same store as a closed DuckDB file, for commands that open it themselves."""
    path = tmp_path_factory.mktemp("query-cli") / "both.duckdb"
    _load(Store.open(path)).close()
    return str(path)


@pytest.fixture(scope="session", params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def both_db(request: pytest.FixtureRequest) -> str:
    """Where the ACLED export and the UCDP sample are stored: a DuckDB file or a PostgreSQL URL."""
    if request.param == "duckdb":
        return str(request.getfixturevalue("both_duckdb_file"))
    return str(request.getfixturevalue("both_postgres").url)
