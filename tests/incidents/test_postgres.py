"""The watch and incident tables on the PostgreSQL twin of migration 0015, on a real server."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from ruydad.extract import from_text
from ruydad.incidents import (
    build_incidents,
    get_incident,
    incident_counts,
    list_incidents,
    reconcile,
    split_incident,
)
from ruydad.ingest.articles import add_article
from ruydad.store import Store
from ruydad.watch import add_source, list_sources, remove_source, source_log
from ruydad.watch.sources import log

pytestmark = pytest.mark.postgres

REPORTS = Path(__file__).resolve().parents[1] / "data" / "feeds" / "reports.json"


def _kabul(rows: list[dict[str, str]]) -> None:
    rows[0].update(event_date="17 August 2022", year="2022", disorder_type="Political violence",
                   event_type="Explosions/Remote violence", sub_event_type="Suicide bomb", admin1="Kabul",
                   admin2="Kabul", location="Kabul", latitude="34.5553", longitude="69.2075", fatalities="21")
    del rows[1:]


def test_incidents_and_sources_on_postgres(pg_url: str, acled_file: Callable[..., Path]) -> None:
    from ruydad.ingest import ingest_file

    reports = [r for r in json.loads(REPORTS.read_text("utf-8")) if r["id"].startswith(("kbl-khairkhana", "kdz-"))]
    with Store.open(pg_url) as store:
        for r in reports:
            add_article(store, from_text(f"{r['title']}\n\n{r['text']}", id=r["id"], title=r["title"],
                                         published=date.fromisoformat(r["published"]), source=r["outlet"],
                                         url=r["url"]))
        built = build_incidents(store)
        assert built.reports == len(reports) and built.incidents < len(reports)
        kabul = next(i for i in list_incidents(store) if i["admin1"] == "Kabul")
        assert kabul["reports"] == 4 and kabul["killed_low"] == 10 and kabul["killed_high"] == 21
        detail = get_incident(store, kabul["incident_id"])
        keys = [r["dataset_event_id"] for r in detail["report_list"]
                if r["document_id"] == "kbl-khairkhana-breaknlinks"]
        split_incident(store, kabul["incident_id"], keys)
        build_incidents(store)
        assert sorted(i["reports"] for i in list_incidents(store, admin1="AF-KAB")) == [1, 3]
        months = {r["month"]: r["incidents"] for r in incident_counts(store, "month")}
        assert months["2022-08"] == 2 and sum(months.values()) == len(list_incidents(store))
        assert {r["year"] for r in incident_counts(store, "year")} == {"2021", "2022"}  # Kunduz 2021 and 2022
        ingest_file(store, acled_file(rows=2, edit=_kabul), "acled")
        result = reconcile(store, dataset="acled", period="2022")
        assert {row["admin1"] for row in result.both} == {"Kabul"} and result.dataset_only == []
        assert {row["admin1"] for row in result.news_only} == {"Kunduz"}

        source = add_source(store, "https://example.org/feed.xml", name="Example")
        log(store, source.source_id, "the server answered HTTP 500", url=source.url)
        assert source_log(store, source.source_id)[0]["message"] == "the server answered HTTP 500"
        assert list_sources(store)[0].last_error == "the server answered HTTP 500"
        remove_source(store, source.source_id)
        assert list_sources(store, active_only=True) == []
