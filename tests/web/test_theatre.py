"""The app serves the theatre it was created for: ``create_app(store, theatre=...)``.

The second theatre of the tests (``tests/data/theatres/borno_yobe``: two states of another country,
its own actors) behind the HTTP API: units, boundaries, actors, filters, grouped figures, the brief
and extraction all read that theatre's data without a ``theatre`` parameter, and the parameter still
picks another theatre where a route has it. Figures are those stated in
``tests/data/theatres/write_borno_yobe_acled.py`` (and asserted in tests/theatres).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from ruydad.errors import InputError
from ruydad.ingest import ingest_file
from ruydad.store import Store
from ruydad.theatres import DEFAULT_THEATRE, THEATRES_PATH_ENV, as_theatre
from ruydad.web import create_app
from ruydad.web.jobs import ExtractLimits

DATA = Path(__file__).resolve().parents[1] / "data" / "theatres"
NAME = "borno_yobe"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(THEATRES_PATH_ENV, str(DATA))
        mp.setenv("RUYDAD_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        with Store.open(tmp_path_factory.mktemp("store") / "theatre.duckdb") as store:
            assert ingest_file(store, DATA / "borno_yobe_acled.csv", "acled").stored == 24
            limits = ExtractLimits(workers=1, queue=1, deadline=120.0)
            with TestClient(create_app(store, theatre=NAME, limits=limits)) as test_client:
                yield test_client


def test_units_boundaries_and_actors_are_the_theatres_own(client: TestClient) -> None:
    states = client.get("/api/geo/units").json()
    assert sorted(u["name"] for u in states) == ["Borno", "Yobe"]
    boundaries = client.get("/api/geo/boundaries").json()
    assert len(boundaries["features"]) == 2
    names = {a["name"] for a in client.get("/api/actors").json()}
    assert "Islamic State West Africa Province" in names and len(names) == 4
    other = client.get("/api/geo/units", params={"theatre": DEFAULT_THEATRE}).json()
    assert len(other) == 34  # the parameter still picks another theatre


def test_filters_and_figures_read_with_the_theatres_registry_and_gazetteer(client: TestClient) -> None:
    by_state = client.get("/api/stats", params={"by": "admin1"}).json()["rows"]
    assert {r["admin1"]: r["events"] for r in by_state} == {"Borno": 20, "Yobe": 4}
    page = client.get("/api/events", params={"actor": "ISWAP", "event_type": "Battles"}).json()
    assert page["total"] == 10
    assert page["matched"]["actor"]["registry_id"] == "iswap"
    assert client.get("/api/events", params={"admin1": "NG-YO"}).json()["total"] == 4


def test_brief_of_the_theatre_without_a_parameter(client: TestClient) -> None:
    html = client.get("/brief", params={"date_from": "2021-01-01", "date_to": "2021-06-30"}).text
    assert "Nigeria: situation brief" in html and "Borno" in html
    assert as_theatre().country not in html


def test_extraction_reads_the_theatres_actors_and_places(client: TestClient) -> None:
    report = (DATA / "news" / "ripples-2021-03-13-iswap-borno.txt").read_text(encoding="utf-8")
    answer = client.post("/api/extract", json={"text": report, "published": "2021-03-13"})
    assert answer.status_code == 200, answer.text
    found = answer.json()
    assert {"iswap", "cjtf"} <= {a.get("registry_id") for a in found["actors"]}
    assert ("Borno", "NG-BO") in {(p["name"], p.get("admin1_code")) for p in found["places"]}


def test_an_unknown_theatre_is_refused_when_the_app_is_made(tmp_path: Path) -> None:
    with Store.open(tmp_path / "x.duckdb") as store, pytest.raises(InputError, match="atlantis"):
        create_app(store, theatre="atlantis")
