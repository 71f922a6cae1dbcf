"""The HTTP API with FastAPI's test client over a real store holding the UCDP sample, on every backend
(DuckDB, and PostgreSQL on a real throwaway server: ``store_location`` in tests/conftest.py)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from ruydad.ingest import ingest_file
from ruydad.store import Store
from ruydad.web import create_app, create_token


@pytest.fixture
def loaded(store_location: str | Path, ucdp_sample: Path) -> Iterator[Store]:
    with Store.open(store_location) as store:
        ingest_file(store, ucdp_sample, "ucdp")
        yield store


@pytest.fixture
def client(loaded: Store) -> TestClient:
    return TestClient(create_app(loaded))


def test_events_page_with_filters_and_total(client: TestClient) -> None:
    response = client.get("/api/events", params={"actor": "NRF", "limit": 5})
    assert response.status_code == 200
    body = response.json()
    assert body["limit"] == 5 and len(body["events"]) == 5
    assert body["total"] >= 5
    assert all("NRF" in (e["actor1"] + (e["actor2"] or "")) for e in body["events"])
    dates = [e["event_date"] for e in body["events"]]
    assert dates == sorted(dates, reverse=True)


def test_events_paging_does_not_repeat_events(client: TestClient) -> None:
    first = client.get("/api/events", params={"limit": 10, "offset": 0}).json()["events"]
    second = client.get("/api/events", params={"limit": 10, "offset": 10}).json()["events"]
    assert not {e["dataset_event_id"] for e in first} & {e["dataset_event_id"] for e in second}


def test_events_as_csv_and_geojson(client: TestClient) -> None:
    response = client.get("/api/events", params={"limit": 3, "format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 3 and "event_id_cnty" in rows[0]
    geo = client.get("/api/events", params={"limit": 3, "format": "geojson"}).json()
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 3


def test_events_with_fields_carry_those_columns_and_what_a_page_needs(client: TestClient) -> None:
    """``fields`` (as ACLED's API): the columns asked for, plus date, dataset and id (the cursor and
    the links need them); the same events, values and cursor as the full rows."""
    full = client.get("/api/events", params={"limit": 20, "actor": "Taliban"}).json()
    some = client.get("/api/events", params={"limit": 20, "actor": "Taliban", "fields": "actor1, fatalities"}).json()
    assert [set(e) for e in some["events"]] == [{"event_date", "dataset", "dataset_event_id", "actor1",
                                                 "fatalities"}] * 20
    assert some["events"] == [{k: e[k] for k in some["events"][0]} for e in full["events"]]
    assert (some["total"], some["next"]) == (full["total"], full["next"])
    csv_rows = list(csv.DictReader(io.StringIO(client.get(
        "/api/events", params={"limit": 3, "format": "csv", "fields": "notes"}).text)))
    assert list(csv_rows[0]) == ["event_date", "dataset", "dataset_event_id", "notes"]
    geo = client.get("/api/events", params={"limit": 3, "format": "geojson", "fields": "notes"}).json()
    whole = client.get("/api/events", params={"limit": 3, "format": "geojson"}).json()
    assert [f["geometry"] for f in geo["features"]] == [f["geometry"] for f in whole["features"]]
    assert set(geo["features"][0]["properties"]) == {"event_date", "dataset", "dataset_event_id", "latitude",
                                                     "longitude", "notes"}
    bad = client.get("/api/events", params={"fields": "actor1,casualties"})
    assert bad.status_code == 400 and "unknown event column(s) casualties" in bad.json()["detail"]


@pytest.mark.parametrize("params", [
    {"limit": 0}, {"limit": 5000}, {"offset": -1}, {"date_from": "yesterday"}, {"format": "xml"},
    {"date_from": "2022-02-01", "date_to": "2022-01-01"},
])
def test_bad_parameters_are_4xx_with_a_reason(client: TestClient, params: dict[str, object]) -> None:
    response = client.get("/api/events", params=params)
    assert 400 <= response.status_code < 500
    assert response.json()["detail"]


def test_event_detail_and_404(client: TestClient) -> None:
    body = client.get("/api/events/ucdp/444946").json()
    assert body["event"]["actor2"] == "NRF"
    assert len(body["revisions"]) == 1
    missing = client.get("/api/events/ucdp/nope")
    assert missing.status_code == 404 and "nope" in missing.json()["detail"]


def test_summary(client: TestClient) -> None:
    assert client.get("/api/summary").json()["events"] == 1024


def test_writes_need_a_valid_token(client: TestClient, loaded: Store, acled_file: object) -> None:
    path = acled_file(4)  # type: ignore[operator]
    files = {"file": ("export.csv", path.read_bytes(), "text/csv")}
    assert client.post("/api/ingest/acled", files=files).status_code == 401
    bad = client.post("/api/ingest/acled", files=files, headers={"Authorization": "Bearer rdt_forged"})
    assert bad.status_code == 401
    token = create_token(loaded, "test-suite").token
    ok = client.post("/api/ingest/acled", files=files, headers={"Authorization": f"Bearer {token}"})
    assert ok.status_code == 200, ok.text
    assert ok.json()["stored"] == 4
    stored = loaded.con.execute("SELECT token_hash FROM api_tokens").fetchone()
    assert stored is not None and token not in str(stored[0])


def test_revoked_token_is_refused(client: TestClient, loaded: Store, acled_file: object) -> None:
    from ruydad.web import revoke_token

    new = create_token(loaded, "temp")
    revoke_token(loaded, new.token_id)
    files = {"file": ("export.csv", acled_file(1).read_bytes(), "text/csv")}  # type: ignore[operator]
    assert client.post("/api/ingest/acled", files=files,
                       headers={"Authorization": f"Bearer {new.token}"}).status_code == 401


def test_oversized_body_is_refused(client: TestClient) -> None:
    response = client.post("/api/extract", content=b"x" * (3 * 1024 * 1024),
                           headers={"Content-Type": "application/json"})
    assert response.status_code == 413


def test_openapi_schema_lists_the_routes(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/stats", "/api/actors", "/api/claims", "/api/geo/boundaries", "/api/extract"):
        assert path in paths


def test_dashboard_and_static_files_are_served(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    assert "http" not in client.get("/static/app.js").text.split("createElementNS")[0].split("//")[0]
    assert client.get("/static/app.css").status_code == 200


def test_repeated_reads_are_served_from_cache_until_a_write(client: TestClient, loaded: Store,
                                                            acled_file: object) -> None:
    first = client.get("/api/summary")
    assert first.headers["x-cache"] == "miss"
    # PostgreSQL's version is the server's WAL position, which the server's own work (autovacuum, page
    # pruning, other databases) may also move: that costs a miss, so a hit is asked of a few repeats
    repeats = [client.get("/api/summary") for _ in range(4)]
    assert "hit" in [r.headers["x-cache"] for r in repeats]
    assert all(r.json() == first.json() for r in repeats)
    token = create_token(loaded, "cache-test").token
    files = {"file": ("export.csv", acled_file(2).read_bytes(), "text/csv")}  # type: ignore[operator]
    written = client.post("/api/ingest/acled", files=files, headers={"Authorization": f"Bearer {token}"})
    assert written.status_code == 200
    after = client.get("/api/summary")
    assert after.headers["x-cache"] == "miss"
    assert after.json()["events"] == first.json()["events"] + 2



def test_grouped_stats_agree_with_the_event_pages(client: TestClient) -> None:
    stats = client.get("/api/stats", params={"by": "admin1"})
    assert stats.status_code == 200, stats.text
    rows = stats.json()["rows"]
    assert sum(r["events"] for r in rows) == 1024
    top = max(rows, key=lambda r: r["events"])
    page = client.get("/api/events", params={"admin1": top["admin1"], "dataset": "ucdp", "limit": 1}).json()
    assert page["total"] == top["events"]
    trend = client.get("/api/trend", params={"period": "month", "dataset": "ucdp"})
    assert trend.status_code == 200, trend.text
    assert sum(r["events"] for r in trend.json()["rows"]) == 1024


def test_a_write_from_another_connection_reaches_cached_answers(client: TestClient, store_location: str | Path,
                                                                acled_file: object) -> None:
    # another process (here: another connection) ingests while the app serves from its cache
    before = client.get("/api/summary").json()
    assert client.get("/api/summary").headers["x-cache"] == "hit"
    with Store.open(store_location) as other:
        ingest_file(other, acled_file(3), "acled")  # type: ignore[operator]
    after = client.get("/api/summary")
    assert after.headers["x-cache"] == "miss"
    assert after.json()["events"] == before["events"] + 3


def test_an_article_stored_again_under_its_id_revises_its_events(client: TestClient, loaded: Store) -> None:
    auth = {"Authorization": f"Bearer {create_token(loaded, 'articles').token}"}
    text = ("In Watahpur district, Kunar province, coalition forces engaged the enemy position on 1 February 2011, "
            "killing one insurgent.")
    first = client.post("/api/articles", json={"text": text, "id": "kunar-report"}, headers=auth)
    assert first.status_code == 200, first.text
    assert first.json()["extraction"]["document"]["id"] == "kunar-report"
    corrected = text.replace("killing one insurgent", "killing two insurgents")
    again = client.post("/api/articles", json={"text": corrected, "id": "kunar-report"}, headers=auth)
    assert again.status_code == 200, again.text
    assert {k: again.json()["report"][k] for k in ("events", "stored", "updated")} == {
        "events": 1, "stored": 0, "updated": 1}
    history = loaded.event_history("article", "kunar-report:1").to_pylist()
    assert [(h["revision"], h["fatalities"]) for h in history] == [(1, 1), (2, 2)]
