"""Fixtures for the actor tests: the shipped article, the UCDP sample, a store with the seed loaded."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from ruydad.actors import save_seed_claims
from ruydad.ingest import ingest_file
from ruydad.store import Store

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "ruydad" / "data" / "articles" / "newsweek-2022-08-30-afghan-rebel-groups.txt"
UCDP = ROOT / "ruydad" / "data" / "sample" / "ucdp_aec_afghanistan.csv"


@pytest.fixture(scope="session")
def article() -> str:
    return ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def ucdp_rows() -> list[dict[str, str]]:
    with UCDP.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once: ingesting the sample is the slow part, and every test gets its own copy."""
    path = tmp_path_factory.mktemp("actors") / "template.duckdb"
    with Store.open(path) as store:
        ingest_file(store, UCDP, "ucdp")
        save_seed_claims(store, "afghanistan")
    return path


@pytest.fixture
def seeded_store(tmp_path: Path, seeded_template: Path) -> Iterator[Store]:
    """A real DuckDB store holding the UCDP sample and the article's curated claims."""
    path = tmp_path / "actors.duckdb"
    shutil.copyfile(seeded_template, path)
    with Store.open(path) as store:
        yield store
