"""Shared fixtures: a real DuckDB store in a temp dir, the bundled UCDP sample, ACLED-format files."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ruydad.bench import write_synthetic_acled
from ruydad.store import Store

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
