"""The bundled UCDP sample: every row stored or quarantined, re-ingest a no-op, UCDP mapped as documented."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from ruydad.errors import WrongDatasetError
from ruydad.ingest import ingest_file, ingest_ucdp_json
from ruydad.store import Store


def _event(store: Store, event_id: str) -> dict[str, object]:
    rows = [r for r in [store.event("ucdp", event_id)] if r is not None]
    assert len(rows) == 1
    return rows[0]


def test_every_sample_row_is_stored_or_quarantined(store: Store, ucdp_sample: Path) -> None:
    with ucdp_sample.open(encoding="utf-8") as handle:
        rows = sum(1 for _ in csv.DictReader(handle))
    report = ingest_file(store, ucdp_sample, "ucdp")
    assert report.rows_read == rows == 1024
    assert report.stored + report.rejected == rows
    assert store.count_events() == report.stored
    quarantined = store.quarantine(report.batch_id).num_rows
    assert quarantined == report.rejected
    assert all(r["reason"] for r in store.quarantine(report.batch_id).to_pylist())


def test_second_ingest_of_the_same_file_changes_nothing(store: Store, ucdp_sample: Path) -> None:
    first = ingest_file(store, ucdp_sample, "ucdp")
    before = store.events().to_pylist()
    second = ingest_file(store, ucdp_sample, "ucdp")
    assert (second.stored, second.updated, second.unchanged) == (0, 0, first.stored)
    after = store.events().to_pylist()
    assert after == before
    assert store.summary().revisions == 0


def test_changed_record_in_newer_export_is_revised_and_old_version_kept(
    store: Store, ucdp_sample: Path, tmp_path: Path
) -> None:
    ingest_file(store, ucdp_sample, "ucdp")
    with ucdp_sample.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = list(reader.fieldnames or []), list(reader)
    target = next(r for r in rows if r["id"] == "444946")
    target["deaths_side_b"] = str(int(target["deaths_side_b"]) + 4)
    target["deaths_high"] = str(int(target["deaths_high"]) + 4)
    newer = tmp_path / "newer.csv"
    with newer.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    report = ingest_file(store, newer, "ucdp")
    assert (report.updated, report.stored, report.unchanged) == (1, 0, 1023)
    history = store.event_history("ucdp", "444946").to_pylist()
    assert [h["revision"] for h in history] == [1, 2]
    assert [h["change"] for h in history] == ["updated", "current"]
    assert history[1]["fatalities"] == history[0]["fatalities"] + 4


def test_ucdp_state_based_event_maps_to_battles_between_state_and_rebels(
    store: Store, ucdp_sample: Path
) -> None:
    ingest_file(store, ucdp_sample, "ucdp")
    event = _event(store, "444946")  # Government of Afghanistan vs NRF, Baghlan, Khost Wa Firing
    assert event["event_type"] == "Battles"
    assert event["sub_event_type"] == "Armed clash"
    assert event["actor1"] == "Government of Afghanistan"
    assert event["inter1"] == "State forces"
    assert event["actor2"] == "NRF"
    assert event["inter2"] == "Rebel group"
    assert event["interaction"] == "State forces-Rebel group"
    assert event["admin1"] == "Baghlan"
    assert event["admin2"] == "Khost Wa Firing"
    assert event["country_code"] == "AFG"
    assert event["iso"] == 4
    assert event["event_id_cnty"] == "UCDP-444946"


def test_ucdp_one_sided_violence_targets_civilians(store: Store, ucdp_sample: Path) -> None:
    ingest_file(store, ucdp_sample, "ucdp")
    event = _event(store, "447441")
    assert (event["event_type"], event["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert event["civilian_targeting"] == "Civilian targeting"
    assert event["inter2"] == "Civilians"


def test_foreign_government_is_external_force(store: Store, ucdp_sample: Path) -> None:
    ingest_file(store, ucdp_sample, "ucdp")
    event = _event(store, "60680")  # Government of Afghanistan vs Government of Pakistan, 2007
    assert event["inter2"] == "External/Other forces"
    assert event["fatalities"] == 11  # 6 side a + 5 unknown
    assert (event["fatalities_low"], event["fatalities_high"]) == (11, 11)


def test_ucdp_ged_csv_layout(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "ged.csv"
    path.write_text(
        "id,relid,year,type_of_violence,side_a,side_b,country,region,adm_1,adm_2,where_coordinates,"
        "latitude,longitude,where_prec,date_prec,date_start,date_end,best,low,high,source_office,"
        "source_headline\n"
        "1001,AFG-2021-1,2021,1,Government of Afghanistan,Taleban,Afghanistan,Asia,Kandahar province,"
        "Arghandab district,Arghandab town,31.6536,65.6533,1,1,2021-07-10,2021-07-10,12,10,20,"
        "Pajhwok,Heavy fighting in Arghandab\n"
        "1002,AFG-2021-2,2021,3,IS,Civilians,Afghanistan,Asia,Kabul province,,Kabul city,34.5,69.2,2,4,"
        "2021-08-26 00:00:00.000,2021-08-26 00:00:00.000,170,150,183,AP,Airport bombing\n",
        encoding="utf-8",
    )
    report = ingest_file(store, path, "ucdp")
    assert (report.reader, report.stored, report.rejected) == ("ucdp-ged", 2, 0)
    clash = _event(store, "1001")
    assert (clash["admin1"], clash["admin2"], clash["geo_precision"]) == ("Kandahar", "Arghandab", 1)
    assert (clash["fatalities"], clash["fatalities_low"], clash["fatalities_high"]) == (12, 10, 20)
    bombing = _event(store, "1002")
    assert bombing["time_precision"] == 3  # UCDP date_prec 4 = within a month
    assert str(bombing["event_date"]) == "2021-08-26"


def test_ucdp_api_json_page_ingests(store: Store, tmp_path: Path) -> None:
    import json

    page = {"TotalCount": 1, "TotalPages": 1, "PreviousPageUrl": "", "NextPageUrl": "", "Result": [
        {"id": 5005, "year": 2022, "type_of_violence": 1, "side_a": "Government of Afghanistan",
         "side_b": "NRF", "country": "Afghanistan", "adm_1": "Panjsher province", "adm_2": "Dara district",
         "date_start": "2022-05-10T00:00:00", "date_end": "2022-05-11T00:00:00", "date_prec": 2,
         "where_prec": 3, "latitude": 35.3, "longitude": 69.8, "best": 7, "low": 5, "high": 9,
         "source_office": "Amu TV"}]}
    path = tmp_path / "ucdp_page.json"
    path.write_text(json.dumps(page), encoding="utf-8")
    report = ingest_ucdp_json(store, path)
    assert report.stored == 1
    event = _event(store, "5005")
    assert (event["admin1"], event["time_precision"], event["geo_precision"]) == ("Panjsher", 2, 2)
    assert str(event["event_date_end"]) == "2022-05-11"


def test_acled_file_given_to_ucdp_is_refused_before_anything_is_written(
    store: Store, acled_file: object
) -> None:
    path = acled_file(5)  # type: ignore[operator]
    with pytest.raises(WrongDatasetError, match="ruydad ingest acled"):
        ingest_file(store, path, "ucdp")
    assert store.count_events() == 0


def test_default_ingest_fills_admin_codes_from_the_gazetteer(store: Store, ucdp_sample: Path) -> None:
    ingest_file(store, ucdp_sample, "ucdp")
    event = _event(store, "444946")  # Baghlan / Khost Wa Firing
    assert (event["admin1_code"], event["admin1_pcode"], event["admin2_pcode"]) == ("AF-BGL", "AF09", "AF0913")


def _edited_sample(ucdp_sample: Path, tmp_path: Path, edits: dict[str, dict[str, str]]) -> Path:
    with ucdp_sample.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = list(reader.fieldnames or []), list(reader)
    for row in rows:
        row.update(edits.get(row["id"], {}))
    path = tmp_path / "edited.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_high_estimate_below_low_is_a_real_event_kept_with_a_flag(
    store: Store, ucdp_sample: Path, tmp_path: Path
) -> None:
    # seen in real UCDP GED files: the dataset's high estimate below its low one
    path = _edited_sample(ucdp_sample, tmp_path, {"444946": {"deaths_low": "9", "deaths_high": "5"}})
    report = ingest_file(store, path, "ucdp")
    assert report.rejected == 0 and report.stored == 1024
    event = _event(store, "444946")
    assert (event["fatalities_low"], event["fatalities_high"]) == (9, 5)  # the dataset's values, as given
    assert event["quality_flags"] == "fatalities_high_below_low"
    assert _event(store, "193178")["quality_flags"] is None


def test_dataset_country_spellings_are_stored_with_iso_codes(
    store: Store, ucdp_sample: Path, tmp_path: Path
) -> None:
    path = _edited_sample(ucdp_sample, tmp_path, {
        "193178": {"location_root_name": "Myanmar (Burma)", "location_adm1_name": "", "location_adm2_name": ""},
        "60680": {"location_root_name": "DR Congo (Zaire)", "location_adm1_name": "", "location_adm2_name": ""}})
    ingest_file(store, path, "ucdp")
    assert _event(store, "193178")["country_code"] == "MMR"
    assert _event(store, "60680")["country_code"] == "COD"
    assert store.count_events(country="Myanmar") == store.count_events(country="MMR") == 1
    assert store.count_events(country="Democratic Republic of Congo") == 1
    assert store.count_events(country="AFG") == 1022
