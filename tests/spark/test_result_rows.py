"""The Spark job's per-partition function, run without Spark: each document is read against its
theatre (the record's, else the job's, else the default) and its events carry that theatre's country."""

from __future__ import annotations

from pathlib import Path

import pytest

from ruydad.spark import result_rows
from ruydad.theatres import THEATRES_PATH_ENV, as_theatre

THEATRES = Path(__file__).resolve().parents[1] / "data" / "theatres"
HOME = "Taliban fighters attacked NRF positions in Panjshir on 12 May 2022, killing three fighters."


@pytest.fixture(autouse=True)
def second_theatre(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(THEATRES_PATH_ENV, str(THEATRES))


def _countries(row: dict[str, object]) -> set[tuple[object, object]]:
    events = row["event_rows"]
    assert isinstance(events, list)
    return {(e["country"], e["country_code"]) for e in events}


def test_each_record_is_read_against_its_theatre() -> None:
    other = as_theatre("borno_yobe")
    report = (THEATRES / "news" / "ripples-2021-03-13-iswap-borno.txt").read_text(encoding="utf-8")
    rows = list(result_rows([
        {"id": "home", "text": HOME, "published": "2022-05-15"},
        {"id": "away", "text": report, "published": "2021-03-13", "theatre": "borno_yobe"},
        {"id": "lost", "text": HOME, "theatre": "nowhere"},
    ]))
    assert [(r["document_id"], r["theatre"]) for r in rows] == [
        ("home", as_theatre().name), ("away", "borno_yobe"), ("lost", "nowhere")]
    assert _countries(rows[0]) == {(as_theatre().country, as_theatre().iso3)}
    assert _countries(rows[1]) == {(other.country, other.iso3)}
    assert rows[1]["event_rows"][0]["admin1_code"] == "NG-BO"  # type: ignore[index]
    assert rows[2]["error"] is not None and "unknown theatre 'nowhere'" in str(rows[2]["error"])
    assert rows[2]["event_rows"] == [] and rows[0]["error"] is None


def test_the_jobs_theatre_is_for_records_that_name_none() -> None:
    other = as_theatre("borno_yobe")
    (row,) = result_rows([{"id": "x", "text": HOME}], theatre="borno_yobe")
    assert row["theatre"] == "borno_yobe" and _countries(row) == {(other.country, other.iso3)}
    assert row["event_rows"][0]["admin1_code"] is None  # type: ignore[index]  # not a place of that theatre
    (row,) = result_rows([{"id": "x", "text": HOME, "theatre": as_theatre().name}], theatre="borno_yobe")
    assert _countries(row) == {(as_theatre().country, as_theatre().iso3)}
    first = row["event_rows"][0]  # type: ignore[index]
    assert (first["start_char"], first["end_char"], first["batch_id"]) == (0, len(HOME), None)
