"""Incidents built in a real store from real reports (tests/data/feeds/reports.json), the analyst's
split and merge surviving re-runs, and news held against an ACLED-format export."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from ruydad.extract import from_text
from ruydad.incidents import (
    build_incidents,
    decision_list,
    get_incident,
    incident_counts,
    list_incidents,
    merge_incidents,
    news_claims,
    reconcile,
    split_incident,
)
from ruydad.ingest.articles import add_article
from ruydad.store import Store

REPORTS = Path(__file__).resolve().parents[1] / "data" / "feeds" / "reports.json"
KHAIR_KHANA = ["kbl-khairkhana-dailybeast", "kbl-khairkhana-medialine", "kbl-khairkhana-tbs",
               "kbl-khairkhana-breaknlinks"]


@pytest.fixture(scope="module")
def reports_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store file holding every real report, extracted and stored (built once: extraction is slow)."""
    path = tmp_path_factory.mktemp("incidents") / "reports.duckdb"
    with Store.open(path) as store:
        for r in json.loads(REPORTS.read_text("utf-8")):
            add_article(store, from_text(f"{r['title']}\n\n{r['text']}", id=r["id"], title=r["title"],
                                         published=date.fromisoformat(r["published"]), source=r["outlet"],
                                         url=r["url"]))
    return path


@pytest.fixture
def store(reports_db: Path, tmp_path: Path) -> Iterator[Store]:
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(reports_db.read_bytes())
    with Store.open(copy) as opened:
        build_incidents(opened)
        yield opened


def incident_of(store: Store, document_id: str) -> str:
    row = store.con.execute("SELECT incident_id FROM incident_reports WHERE document_id = ? LIMIT 1",
                            [document_id]).fetchone()
    assert row is not None, document_id
    return str(row[0])


def test_four_outlets_reporting_one_bombing_are_one_incident_with_a_range(store: Store) -> None:
    ids = {incident_of(store, d) for d in KHAIR_KHANA}
    assert len(ids) == 1
    incident = get_incident(store, ids.pop())
    assert (incident["reports"], incident["outlets"], incident["admin1"]) == (4, 4, "Kabul")
    assert incident["first_date"] == date(2022, 8, 17)
    # killed as reported: at least 10 (Daily Beast, Media Line), 21 (police via TBS), 20 (Breaknlinks)
    assert (incident["killed_low"], incident["killed_high"]) == (10, 21)
    assert incident["killed_low"] <= incident["killed_best"] <= incident["killed_high"]
    killed = sorted(r["killed"] for r in incident["report_list"] if r["killed"] is not None)
    assert incident["killed_best"] in killed  # a figure somebody reported, not an average
    outlets = {r["outlet"] for r in incident["report_list"]}
    assert outlets == {"The Daily Beast", "The Media Line", "The Business Standard", "Breaknlinks"}
    joined = [r for r in incident["report_list"] if r["joined_with"]]
    assert len(joined) == 3 and all("score" in r["reason"] and "date" in r["reason"] for r in joined)


def test_same_province_next_day_other_district_stays_apart(store: Store) -> None:
    mosque = incident_of(store, "kdz-imamsahib-shafaqna")
    airport = incident_of(store, "kdz-airport-isw")
    assert mosque != airport
    assert incident_of(store, "kdz-imamsahib-mehr") == mosque
    assert incident_of(store, "kdz-airport-pledge") == airport


def test_split_survives_a_rebuild(store: Store) -> None:
    incident_id = incident_of(store, "kbl-khairkhana-tbs")
    tbs = [r["dataset_event_id"] for r in get_incident(store, incident_id)["report_list"]
           if r["document_id"] == "kbl-khairkhana-tbs"]
    split_incident(store, incident_id, tbs, note="police toll is a later update")
    assert incident_of(store, "kbl-khairkhana-tbs") != incident_of(store, "kbl-khairkhana-medialine")
    build_incidents(store)
    assert incident_of(store, "kbl-khairkhana-tbs") != incident_of(store, "kbl-khairkhana-medialine")
    assert incident_of(store, "kbl-khairkhana-breaknlinks") == incident_of(store, "kbl-khairkhana-medialine")
    assert {d["kind"] for d in decision_list(store)} >= {"split"}


def test_merge_survives_a_rebuild_and_a_later_split_undoes_it(store: Store) -> None:
    # two Dasht-e-Barchi attacks five months apart: never merged automatically
    school, kaaj = incident_of(store, "kbl-school-channels"), incident_of(store, "kbl-kaaj-kenyanpost")
    assert school != kaaj
    merge_incidents(store, [school, kaaj], note="analyst: treat as one campaign")
    build_incidents(store)
    merged = incident_of(store, "kbl-school-channels")
    assert merged == incident_of(store, "kbl-kaaj-kenyanpost") == incident_of(store, "kbl-kaaj-frontier")
    assert get_incident(store, merged)["first_date"] == date(2022, 4, 19)
    kaaj_reports = [r["dataset_event_id"] for r in get_incident(store, merged)["report_list"]
                    if r["document_id"].startswith("kbl-kaaj")]
    split_incident(store, merged, kaaj_reports)
    build_incidents(store)
    assert incident_of(store, "kbl-school-channels") != incident_of(store, "kbl-kaaj-kenyanpost")
    assert incident_of(store, "kbl-kaaj-frontier") == incident_of(store, "kbl-kaaj-kenyanpost")


def test_split_refuses_a_report_that_is_not_in_the_incident(store: Store) -> None:
    from ruydad.errors import InputError

    with pytest.raises(InputError, match="not in"):
        split_incident(store, incident_of(store, "kbl-khairkhana-tbs"), ["pjs-aug15-8am:1"])


def test_list_filters_and_counts(store: Store) -> None:
    merged = list_incidents(store, min_reports=2)
    assert merged and all(i["reports"] >= 2 for i in merged)
    kabul = list_incidents(store, admin1="AF-KAB")
    assert kabul and all(i["admin1_code"] == "AF-KAB" for i in kabul)
    august = list_incidents(store, date_from=date(2022, 8, 1), date_to=date(2022, 8, 31))
    assert {str(i["first_date"])[:7] for i in august} == {"2022-08"}


def test_reconcile_lists_both_news_only_and_dataset_only(store: Store, acled_file: Callable[..., Path]) -> None:
    from ruydad.ingest import ingest_file

    def edit(rows: list[dict[str, str]]) -> None:
        kabul, mazar, helmand = rows[0], rows[1], rows[2]
        kabul.update(event_date="17 August 2022", year="2022", event_type="Explosions/Remote violence",
                     sub_event_type="Suicide bomb", admin1="Kabul", admin2="Kabul", location="Kabul",
                     latitude="34.5553", longitude="69.2075", fatalities="21", disorder_type="Political violence")
        mazar.update(event_date="21 April 2022", year="2022", event_type="Explosions/Remote violence",
                     sub_event_type="Suicide bomb", admin1="Balkh", admin2="Mazar-e-Sharif",
                     location="Mazar-e-Sharif", latitude="36.7090", longitude="67.1109", fatalities="31",
                     disorder_type="Political violence")
        helmand.update(event_date="10 May 2022", year="2022", event_type="Battles", sub_event_type="Armed clash",
                       admin1="Helmand", admin2="Nad Ali", location="Marja", latitude="31.5217",
                       longitude="64.1144", fatalities="3", disorder_type="Political violence")
        del rows[3:]

    ingest_file(store, acled_file(rows=3, edit=edit), "acled")
    result = reconcile(store, dataset="acled", period="2022")
    both = {row["incident_id"]: row for row in result.both}
    khair_khana = incident_of(store, "kbl-khairkhana-tbs")
    mazar = incident_of(store, "mzr-sehdokan-sputnik")
    assert set(both) == {khair_khana, mazar}
    assert len(both[khair_khana]["events"]) == 1 and both[khair_khana]["urls"]
    assert [e["admin1"] for e in result.dataset_only] == ["Helmand"]
    assert incident_of(store, "kdz-imamsahib-mehr") in {r["incident_id"] for r in result.news_only}
    assert {r["first_date"].year for r in result.news_only} == {2022}  # 2021 incidents are outside the period
    provinces = {r["name"]: r for r in result.by_admin1}
    assert provinces["Helmand"]["news_coverage"] == 0.0
    assert provinces["Kabul"]["dataset_events_in_news"] == 1
    assert result.summary()["news_coverage"] == round(2 / 3, 4)
    by_type = {r["name"]: r for r in result.by_event_type}
    assert by_type["Battles"]["dataset_events"] == 1

    only_balkh = reconcile(store, dataset="acled", period="2022H1", admin1=["Balkh"])
    assert [r["incident_id"] for r in only_balkh.both] == [mazar]
    assert not only_balkh.dataset_only


def test_reconcile_says_when_the_dataset_is_missing(store: Store) -> None:
    from ruydad.errors import InputError

    with pytest.raises(InputError, match="no ucdp events"):
        reconcile(store, dataset="ucdp", period="2022H1")


def test_the_same_claim_from_two_outlets_is_one_row(store: Store) -> None:
    repeated = news_claims(store, min_outlets=2)
    fights = next(c for c in repeated if c["predicate"] == "fights" and c["subject_actor_id"] == "taliban")
    assert fights["object_actor_id"] == "nrf" and fights["articles"] == 2
    assert sorted(fights["outlets"]) == ["Daily News Brief", "Hasht-e Subh"]
    assert {r["url"] for r in fights["reports"]} == {"https://8am.af/eng/58-taliban-rebels-killed-in-panjshir/",
                                                      "https://dailynewsbrief.com/news/at-least-58-taliban-reported-"
                                                      "killed-in-panjshir-clashes/"}
    assert all(len(c["outlets"]) >= 2 for c in repeated)
    assert len(news_claims(store)) > len(repeated)
    assert news_claims(store, date_from=date(2023, 1, 1)) == []


def test_analysis_of_the_news_counts_incidents_not_reports(store: Store) -> None:
    by_province = {r["admin1"]: r for r in incident_counts(store, "admin1")}
    kabul = by_province["Kabul"]
    assert kabul["reports"] > kabul["incidents"]  # four outlets on one bombing count once
    assert sum(r["incidents"] for r in by_province.values()) == len(list_incidents(store, limit=None))
    assert kabul["killed_low"] <= kabul["killed_best"] <= kabul["killed_high"]
    months = incident_counts(store, "month", date_from=date(2022, 4, 1), date_to=date(2022, 4, 30))
    assert [r["month"] for r in months] == ["2022-04"]
    from ruydad.errors import InputError

    with pytest.raises(InputError, match="count incidents by one of"):
        incident_counts(store, "actor")
