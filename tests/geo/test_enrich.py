"""The ingest enricher on real sample data: admin codes from names, then from coordinates."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from ruydad.geo.enrich import fill_admin_codes
from ruydad.ingest import ingest_file, register_enricher
from ruydad.ingest.pipeline import ENRICHERS
from ruydad.store.embedded import Store

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "geo"
SAMPLE = Path(__file__).resolve().parents[2] / "ruydad" / "data" / "sample" / "ucdp_aec_afghanistan.csv"
COLUMNS = ("country_code VARCHAR, admin1 VARCHAR, admin2 VARCHAR, latitude DOUBLE, longitude DOUBLE, "
           "admin1_code VARCHAR, admin1_pcode VARCHAR, admin2_pcode VARCHAR")


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect()
    connection.execute(f"CREATE TABLE t ({COLUMNS})")
    return connection


def test_names_fill_iso_and_pcodes_without_touching_dataset_fields(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("INSERT INTO t VALUES ('AFG', 'Sari Pul', 'Sangcharak', NULL, NULL, NULL, NULL, NULL), "
                "('AFG', 'Hilmand', 'Nahri Sarraj district (Greshk)', 31.8, 64.5, NULL, NULL, NULL)")
    assert fill_admin_codes(con, "t") == []
    assert con.execute("SELECT admin1, admin2, latitude, admin1_code, admin1_pcode, admin2_pcode FROM t "
                       "ORDER BY admin1").fetchall() == [
        ("Hilmand", "Nahri Sarraj district (Greshk)", 31.8, "AF-HEL", "AF30", "AF3004"),
        ("Sari Pul", "Sangcharak", None, "AF-SAR", "AF22", "AF2205"),
    ]


def test_unresolved_names_are_reported_and_coordinates_fill_in(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("INSERT INTO t VALUES ('AFG', 'Kabul', 'Nowhereabad', 34.5281, 69.1723, NULL, NULL, NULL), "
                "('AFG', 'Atlantis', NULL, NULL, NULL, NULL, NULL, NULL)")
    warnings = fill_admin_codes(con, "t")
    assert "1 admin1 names not resolved: Atlantis (AFG)" in warnings
    assert "1 admin2 names not resolved: Nowhereabad (Kabul)" in warnings
    assert con.execute("SELECT admin2_pcode FROM t WHERE admin1 = 'Kabul'").fetchone() == ("AF0101",)
    assert con.execute("SELECT count(*) FROM t").fetchone() == (2,)


def test_district_filed_under_a_neighbouring_province_follows_the_pcode_hierarchy(
        con: duckdb.DuckDBPyConnection) -> None:
    con.execute("INSERT INTO t VALUES ('AFG', 'Daykundi', 'Gizab', NULL, NULL, NULL, NULL, NULL)")
    assert fill_admin_codes(con, "t") == []
    assert con.execute("SELECT admin1_pcode, admin2_pcode FROM t").fetchone() == ("AF25", "AF2507")


def test_district_of_a_distant_province_is_not_guessed(con: duckdb.DuckDBPyConnection) -> None:
    # Achin is in Nangarhar, nowhere near Samangan: report it rather than move the event.
    con.execute("INSERT INTO t VALUES ('AFG', 'Samangan', 'Achin', NULL, NULL, NULL, NULL, NULL)")
    assert fill_admin_codes(con, "t") == ["1 admin2 names not resolved: Achin (Samangan)"]
    assert con.execute("SELECT admin1_pcode, admin2_pcode FROM t").fetchone() == ("AF20", None)


def test_a_town_named_as_district_gives_its_district(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("INSERT INTO t VALUES ('AFG', 'Nimroz', 'Dilaram', NULL, NULL, NULL, NULL, NULL)")
    fill_admin_codes(con, "t")
    assert con.execute("SELECT admin2_pcode FROM t").fetchone() == ("AF3405",)


def test_rows_of_a_country_without_theatre_are_left_alone(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("INSERT INTO t VALUES ('PAK', 'Kabul', NULL, 34.5, 69.2, NULL, NULL, NULL)")
    assert fill_admin_codes(con, "t") == []
    assert con.execute("SELECT admin1_pcode FROM t").fetchone() == (None,)


def test_a_million_rows_are_enriched_in_seconds(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("INSERT INTO t SELECT 'AFG', ['Kandahar', 'Hilmand', 'Paktya'][1 + i % 3], "
                "['Maywand', 'Sangin', 'Zurmat'][1 + i % 3], 31 + (i % 1000) / 500, 65 + (i % 997) / 300, "
                "NULL, NULL, NULL FROM range(1000000) r(i)")
    started = time.perf_counter()
    fill_admin_codes(con, "t")
    assert time.perf_counter() - started < 20
    assert con.execute("SELECT count(*) FROM t WHERE admin2_pcode IS NULL").fetchone() == (0,)


@pytest.fixture
def registered() -> Iterator[None]:
    """The enricher registered for the test, and the registry left as it was found afterwards
    (ruydad.ingest registers it by default: removing it would leak into every later test)."""
    before = list(ENRICHERS)
    register_enricher(fill_admin_codes)
    yield
    ENRICHERS[:] = before


def test_ingest_of_the_ucdp_sample_fills_admin_codes(tmp_path: Path, registered: None) -> None:
    store = Store.open(tmp_path / "x.duckdb")
    try:
        report = ingest_file(store, SAMPLE, "ucdp")
        assert report.stored > 1000
        assert report.warnings == []
        missing = store.con.execute(
            "SELECT count(*) FILTER (WHERE admin1 IS NOT NULL AND admin1_pcode IS NULL), "
            "count(*) FILTER (WHERE admin2 IS NOT NULL AND admin2_pcode IS NULL), "
            "count(*) FILTER (WHERE admin1_code IS NOT NULL) FROM events").fetchone()
        assert missing is not None and missing[:2] == (0, 0) and missing[2] > 1000
        row = store.con.execute("SELECT admin1_code, admin1_pcode, admin2_pcode FROM events "
                                "WHERE admin2 = 'Sangcharak' LIMIT 1").fetchone()
        assert row == ("AF-SAR", "AF22", "AF2205")
    finally:
        store.close()


def test_ingest_of_acled_rows_uses_names_then_coordinates(tmp_path: Path, registered: None) -> None:
    store = Store.open(tmp_path / "x.duckdb")
    try:
        report = ingest_file(store, FIXTURES / "acled_admin_names_sample.csv", "acled")
        assert report.stored == 5, report.examples
        assert report.warnings == ["1 admin2 names not resolved: Unknownabad (Nangarhar)"]
        rows = dict(store.con.execute(
            "SELECT event_id_cnty, admin1_code || ' ' || admin1_pcode || ' ' || admin2_pcode FROM events"
        ).fetchall())
        assert rows == {
            "AFG90001": "AF-PAN AF08 AF0801", "AFG90002": "AF-BGL AF09 AF0913",
            "AFG90003": "AF-NAN AF06 AF0601", "AFG90004": "AF-KAN AF27 AF2701",
            "AFG90005": "AF-URU AF25 AF2502",
        }
        names = store.con.execute("SELECT admin2 FROM events WHERE event_id_cnty = 'AFG90003'").fetchone()
        assert names == ("Unknownabad",)
    finally:
        store.close()
