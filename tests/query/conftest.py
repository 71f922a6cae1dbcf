"""A store holding an ACLED-format export (real ACLED actor names) and the real UCDP sample, on DuckDB and
on PostgreSQL: the two datasets record many of the same events under different names and spellings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ruydad.ingest import ingest_file
from ruydad.store import Store

ROOT = Path(__file__).resolve().parents[2]
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
