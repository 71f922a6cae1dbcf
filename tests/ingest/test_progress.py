"""The ingest's progress bar moves with the bytes of the file read, not only when a stage ends."""

from __future__ import annotations

import time
from pathlib import Path

import duckdb
import pytest

from ruydad.bench import write_synthetic_acled
from ruydad.ingest import ingest_file, progress
from ruydad.ingest.progress import ReadProgress, bytes_read
from ruydad.store import Store

READING = "reading and validating"


def test_the_share_read_follows_the_bytes_the_process_reads(tmp_path: Path) -> None:
    if bytes_read() is None:
        pytest.skip("this system does not count the bytes a process reads (/proc/self/io)")
    path = tmp_path / "data.bin"
    path.write_bytes(b"x" * 5_000_000)
    seen: list[tuple[str, float]] = []
    with ReadProgress(duckdb.connect(), path, lambda s, f: seen.append((s, f)), "reading", 0.2, 0.6,
                      poll_seconds=0.02) as reading, path.open("rb", buffering=0) as handle:
        for _ in range(5):
            handle.read(1_000_000)
            time.sleep(0.2)  # ten polls per chunk: each chunk is seen before the next is read
    values = [f for _, f in seen]
    assert values[0] == 0.2 and values[-1] == pytest.approx(0.6)
    assert values == sorted(values)
    middle = [v for v in values if 0.2 < v < 0.6]
    assert len(middle) >= 4, values  # one step per megabyte read, at least
    assert reading.reported == values


def test_an_ingest_reports_the_reading_stage_as_the_file_is_read(tmp_path: Path) -> None:
    if bytes_read() is None:
        pytest.skip("this system does not count the bytes a process reads (/proc/self/io)")
    export = write_synthetic_acled(tmp_path / "big.csv", 70_000)  # ~45 MB: three reads of 20 MB
    assert export.stat().st_size > 2 * 20_000_000
    seen: list[tuple[str, float]] = []
    with Store.open(tmp_path / "s.duckdb") as store:
        report = ingest_file(store, export, "acled", progress=lambda s, f: seen.append((s, f)))
    assert report.stored == 70_000
    reading = [f for s, f in seen if s == READING]
    assert reading == sorted(reading) and reading[0] == 0.0 and reading[-1] == pytest.approx(0.6)
    assert any(0.0 < f < 0.6 for f in reading), seen  # it moved during the read, not only at its end
    stages = [s for s, _ in seen]
    assert stages.index(READING) < stages.index("storing") < stages.index("done")
    assert [f for _, f in seen] == sorted(f for _, f in seen)


def test_without_a_byte_count_it_falls_back_to_duckdbs_own_figure(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "PROC_IO", tmp_path / "no-such-file")  # as on macOS and Windows
    assert bytes_read() is None
    con = duckdb.connect()
    with ReadProgress(con, tmp_path, lambda s, f: None, "reading", 0.0, 1.0) as reading:
        assert reading.fraction() == 0.0  # no statement running: DuckDB says -1
    assert reading.reported == [0.0, 1.0]
