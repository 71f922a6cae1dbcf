"""Shared fixtures: the Newsweek article and ISAF sample, extracted once per test session."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ruydad.extract import Findings, extract

DATA = Path(__file__).resolve().parents[1] / "data" / "extract"


@pytest.fixture(scope="session")
def article_text() -> str:
    return (DATA / "newsweek_2022-08-30.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def article(article_text: str) -> Findings:
    return extract(article_text, published="2022-08-30")


@pytest.fixture(scope="session")
def isaf_rows() -> list[dict[str, Any]]:
    lines = (DATA / "isaf_sample.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]
