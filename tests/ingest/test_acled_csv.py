"""ACLED CSV exports: mapping, bad input, quarantine, revisions, deletions, atomicity."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from ruydad.errors import InputError, WrongDatasetError
from ruydad.ingest import delete_events, ingest_file, read_deleted_ids
from ruydad.ingest import pipeline as pipeline_module
from ruydad.store import Store

MakeFile = Callable[..., Path]


def _ids(store: Store) -> set[str]:
    return {r["dataset_event_id"] for r in store.events(columns=["dataset_event_id"]).to_pylist()}


def _quarantined(store: Store, batch: int) -> list[dict[str, object]]:
    return store.quarantine(batch).to_pylist()


def test_clean_export_is_stored_whole(store: Store, acled_file: MakeFile) -> None:
    report = ingest_file(store, acled_file(50), "acled")
    assert (report.rows_read, report.stored, report.rejected) == (50, 50, 0)
    event = store.event("acled", "AFG100000")
    assert event["dataset"] == "acled"
    assert event["event_id_cnty"] == "AFG100000"
    assert event["revision"] == 1
    assert event["country_code"] == "AFG"


def test_numeric_inter_and_interaction_codes_are_normalised(store: Store, acled_file: MakeFile) -> None:
    def edit(rows: list[dict[str, str]]) -> None:
        rows[0].update(inter1="1", inter2="2", interaction="12")
        rows[1].update(inter1="Rebel group", inter2="State forces", interaction="")

    ingest_file(store, acled_file(3, edit), "acled")
    first, second = (
        store.event("acled", i) for i in ("AFG100000", "AFG100001")
    )
    assert (first["inter1"], first["inter2"], first["interaction"]) == (
        "State forces", "Rebel group", "State forces-Rebel group")
    assert second["interaction"] == "State forces-Rebel group"


def test_iso_dates_and_acled_long_dates_both_parse(store: Store, acled_file: MakeFile) -> None:
    def edit(rows: list[dict[str, str]]) -> None:
        rows[0].update(event_date="2022-08-15", year="2022")
        rows[1].update(event_date="15 August 2022", year="2022")

    report = ingest_file(store, acled_file(2, edit), "acled")
    assert report.rejected == 0
    dates = {str(r["event_date"]) for r in store.events().to_pylist()}
    assert dates == {"2022-08-15"}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("fatalities", "many", "fatalities 'many' is not a whole number"),
        ("fatalities", "-3", "is not a whole number of zero or more"),
        ("event_type", "Skirmish", "unknown event type 'Skirmish'"),
        ("sub_event_type", "Air/drone strike", "belongs to Explosions/Remote violence"),
        ("event_date", "31 February 2022", "is not a date"),
        ("event_date", "1900-01-01", "out of range"),
        ("event_date", "2099-01-01", "out of range"),
        ("latitude", "north", "latitude 'north' is not a number"),
        ("longitude", "200", "between -180 and 180"),
        ("inter1", "9", "unknown actor category '9'"),
        ("actor1", "", "missing actor1"),
        ("event_id_cnty", "", "missing event id"),
        ("geo_precision", "7", "geo precision '7' is not 1, 2 or 3"),
    ],
)
def test_bad_field_is_quarantined_with_record_field_and_value(
    store: Store, acled_file: MakeFile, field: str, value: str, message: str
) -> None:
    def edit(rows: list[dict[str, str]]) -> None:
        rows[2][field] = value
        if field == "sub_event_type":
            rows[2]["event_type"] = "Battles"
        if field == "event_date":
            rows[2]["year"] = ""

    report = ingest_file(store, acled_file(5, edit), "acled")
    assert (report.stored, report.rejected) == (4, 1)
    [row] = _quarantined(store, report.batch_id)
    assert row["row_number"] == 3
    assert row["field"] == field
    assert message in str(row["reason"])
    raw = json.loads(str(row["raw"]))
    assert raw[field] == value or (value == "" and raw[field] in ("", None))
    assert report.reasons == {field: 1}
    assert "record 3" in report.examples[0]


def test_malformed_lines_are_quarantined_with_line_numbers(store: Store, acled_file: MakeFile) -> None:
    path = acled_file(4)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(2, "AFG999,only,three\n")
    lines.append("AFG998," + ",".join(["x"] * 40) + "\n")
    path.write_text("".join(lines), encoding="utf-8")
    report = ingest_file(store, path, "acled")
    assert (report.rows_read, report.stored, report.rejected) == (6, 4, 2)
    lines_quarantined = sorted(int(r["line"]) for r in _quarantined(store, report.batch_id))
    assert lines_quarantined == [3, 7]


def test_invalid_utf8_line_is_quarantined_and_latin1_option_reads_it(
    store: Store, acled_file: MakeFile
) -> None:
    def edit(rows: list[dict[str, str]]) -> None:
        rows[1]["location"] = "Qal-MARK-ye Village 1"

    path = acled_file(3, edit)
    path.write_bytes(path.read_bytes().replace(b"-MARK-", b"\xe1"))
    report = ingest_file(store, path, "acled")
    assert (report.stored, report.rejected) == (2, 1)
    [row] = _quarantined(store, report.batch_id)
    assert "not utf-8" in str(row["reason"]).lower() or "unicode" in str(row["reason"]).lower()
    report = ingest_file(store, path, "acled", encoding="latin-1")
    assert report.stored == 1
    locations = {r["location"] for r in store.events().to_pylist()}
    assert "Qaláye Village 1" in locations


def test_utf16_file_without_option_gets_a_hint(store: Store, acled_file: MakeFile) -> None:
    path = acled_file(2)
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    with pytest.raises(InputError, match="utf-16"):
        ingest_file(store, path, "acled")
    assert ingest_file(store, path, "acled", encoding="utf-16").stored == 2


def test_empty_file_is_refused_with_its_name(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    with pytest.raises(InputError, match=r"empty\.csv: the file is empty"):
        ingest_file(store, path, "acled")


def test_missing_file_is_refused(store: Store, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        ingest_file(store, tmp_path / "nope.csv", "acled")


def test_header_only_file_reads_zero_rows(store: Store, acled_file: MakeFile) -> None:
    path = acled_file(1)
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    report = ingest_file(store, path, "acled")
    assert (report.rows_read, report.stored) == (0, 0)


def test_ucdp_file_given_to_acled_names_the_right_command(store: Store, ucdp_sample: Path) -> None:
    with pytest.raises(WrongDatasetError, match="ruydad ingest ucdp"):
        ingest_file(store, ucdp_sample, "acled")


def test_unrelated_csv_lists_missing_columns(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "prices.csv"
    path.write_text("date,price\n2022-01-01,3\n", encoding="utf-8")
    with pytest.raises(WrongDatasetError, match=r"missing column.*event_id_cnty"):
        ingest_file(store, path, "acled")


def test_uppercase_header_is_accepted(store: Store, acled_file: MakeFile) -> None:
    path = acled_file(3)
    text = path.read_text(encoding="utf-8")
    header, rest = text.split("\n", 1)
    path.write_text(header.upper() + "\n" + rest, encoding="utf-8")
    assert ingest_file(store, path, "acled").stored == 3


def test_duplicate_id_in_one_file_keeps_the_later_record(store: Store, acled_file: MakeFile) -> None:
    def edit(rows: list[dict[str, str]]) -> None:
        rows[3].update(event_id_cnty=rows[1]["event_id_cnty"], fatalities="77")

    report = ingest_file(store, acled_file(5, edit), "acled")
    assert (report.stored, report.duplicates_in_file) == (4, 1)
    event = store.event("acled", "AFG100001")
    assert event["fatalities"] == 77


def test_newer_export_revises_changed_events_only(store: Store, acled_file: MakeFile) -> None:
    ingest_file(store, acled_file(6), "acled")

    def edit(rows: list[dict[str, str]]) -> None:
        rows[4].update(fatalities="40", timestamp="1800000000")

    report = ingest_file(store, acled_file(6, edit), "acled")
    assert (report.updated, report.unchanged, report.stored) == (1, 5, 0)
    history = store.event_history("acled", "AFG100004").to_pylist()
    assert [(h["revision"], h["change"]) for h in history] == [(1, "updated"), (2, "current")]
    assert history[-1]["fatalities"] == 40
    assert history[0]["superseded_by_batch"] == report.batch_id


def test_deleted_events_leave_the_table_but_stay_in_history(
    store: Store, acled_file: MakeFile, tmp_path: Path
) -> None:
    ingest_file(store, acled_file(4), "acled")
    deleted_csv = tmp_path / "deleted.csv"
    deleted_csv.write_text("event_id_cnty,deleted_timestamp\nAFG100002,1700000500\nAFG404,1700000500\n")
    ids = read_deleted_ids(deleted_csv)
    report = delete_events(store, "acled", ids, source=str(deleted_csv))
    assert (report.deleted, report.unchanged) == (1, 1)
    assert "AFG100002" not in _ids(store)
    history = store.event_history("acled", "AFG100002").to_pylist()
    assert [h["change"] for h in history] == ["deleted"]


def test_deleted_ids_from_api_json(tmp_path: Path) -> None:
    path = tmp_path / "deleted.json"
    path.write_text(json.dumps({"success": True, "data": [{"event_id_cnty": "AFG1", "deleted_timestamp": 1}]}))
    assert read_deleted_ids(path) == ["AFG1"]


def test_failure_during_ingest_rolls_back_everything(store: Store, acled_file: MakeFile) -> None:
    ingest_file(store, acled_file(5), "acled")
    before = store.events().to_pylist()

    def broken_enricher(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
        raise RuntimeError("disk full (simulated)")

    pipeline_module.register_enricher(broken_enricher)
    try:
        def edit(rows: list[dict[str, str]]) -> None:
            rows[0]["fatalities"] = "99"

        with pytest.raises(RuntimeError, match="disk full"):
            ingest_file(store, acled_file(8, edit), "acled")
    finally:
        pipeline_module.ENRICHERS.remove(broken_enricher)
    assert store.events().to_pylist() == before
    assert store.summary().revisions == 0
    statuses = [r["status"] for r in store.batches().to_pylist()]
    assert statuses == ["ok", "failed"]


def test_unsupported_encoding_is_refused(store: Store, acled_file: MakeFile) -> None:
    with pytest.raises(InputError, match="unsupported encoding"):
        ingest_file(store, acled_file(1), "acled", encoding="klingon")
