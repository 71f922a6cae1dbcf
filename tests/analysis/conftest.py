"""Fixtures: small hand-built stores whose right answers the tests state, and the real UCDP sample
(on DuckDB and on a SQLite copy, so every sample test runs on two engines)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from ruydad.analysis import Analysis, name_family
from ruydad.store import Store
from tests.analysis.stores import SAMPLE, copy_to_sqlite, load


@pytest.fixture
def make_analysis(tmp_path: Path) -> Iterator[Callable[[list[dict[str, Any]]], Analysis]]:
    stores: list[Store] = []

    def build(rows: list[dict[str, Any]], **kwargs: Any) -> Analysis:
        """An analysis over ``rows``; by default without the actor registry, so that names are
        matched as substrings and families come from the names (pass ``resolve_actor=None`` and
        ``family_of=None`` to use the registry)."""
        store = Store.open(tmp_path / f"hand{len(stores)}.duckdb")
        stores.append(store)
        load(store, rows)
        kwargs.setdefault("resolve_actor", False)
        kwargs.setdefault("family_of", name_family)
        kwargs.setdefault("resolve_place", False)
        return Analysis.from_store(store, **kwargs)

    yield build
    for s in stores:
        s.close()


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    from ruydad.ingest import ingest_file

    store = Store.open(tmp_path_factory.mktemp("sample") / "x.duckdb")
    ingest_file(store, SAMPLE, "ucdp")
    yield store
    store.close()


@pytest.fixture(scope="session")
def sample_pg_store(pg_server: Any) -> Iterator[Store]:
    """The sample ingested into a PostgreSQL store (skipped where no server can be started)."""
    from ruydad.ingest import ingest_file

    store = Store.open(pg_server.create_database("analysis_sample"))
    ingest_file(store, SAMPLE, "ucdp")
    yield store
    store.close()


@pytest.fixture(scope="session", params=["duckdb", "sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def sample(request: pytest.FixtureRequest, sample_store: Store) -> Analysis:
    """The sample as an Analysis on each engine: the embedded DuckDB store, a SQLite copy through Ibis,
    and a PostgreSQL store. The analysis code is the same on all three."""
    if request.param == "duckdb":
        return Analysis.from_store(sample_store)
    if request.param == "postgres":
        return Analysis.from_store(request.getfixturevalue("sample_pg_store"))
    return Analysis.from_backend(copy_to_sqlite(sample_store))
