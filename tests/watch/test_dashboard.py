"""The dashboard's news-watch views in a real headless Chromium, against a server over a store of
real reports (tests/data/feeds/reports.json) merged into incidents and an ACLED-format export."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ruydad.bench import write_synthetic_acled
from ruydad.store import Store
from tests.web.conftest import serving, wait_until

pytestmark = pytest.mark.browser

REPORTS = Path(__file__).resolve().parents[1] / "data" / "feeds" / "reports.json"


def _acled(path: Path) -> Path:
    write_synthetic_acled(path, 3)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = list(reader.fieldnames or []), list(reader)
    rows[0].update(event_date="17 August 2022", year="2022", disorder_type="Political violence",
                   event_type="Explosions/Remote violence", sub_event_type="Suicide bomb", admin1="Kabul",
                   admin2="Kabul", location="Kabul", latitude="34.5553", longitude="69.2075", fatalities="21")
    rows[1].update(event_date="10 May 2022", year="2022", disorder_type="Political violence", event_type="Battles",
                   sub_event_type="Armed clash", admin1="Helmand", admin2="Nad Ali", location="Marja",
                   latitude="31.5217", longitude="64.1144", fatalities="3")
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows[:2])
    return path


@pytest.fixture(scope="module")
def watch_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from ruydad.extract import from_text
    from ruydad.incidents import build_incidents
    from ruydad.ingest import ingest_file
    from ruydad.ingest.articles import add_article

    folder = tmp_path_factory.mktemp("watchweb")
    store = Store.open(folder / "watch.duckdb")
    for r in json.loads(REPORTS.read_text("utf-8")):
        add_article(store, from_text(f"{r['title']}\n\n{r['text']}", id=r["id"], title=r["title"],
                                     published=date.fromisoformat(r["published"]), source=r["outlet"], url=r["url"]))
    build_incidents(store)
    ingest_file(store, _acled(folder / "acled.csv"), "acled")
    with serving(store) as url:
        yield url
    store.close()


def _page(browser: Any) -> Any:
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.set_default_timeout(90_000)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.errors = errors
    return page


def test_incidents_list_and_one_incident_with_its_reports(browser: Any, watch_server: str, shots: Path) -> None:
    page = _page(browser)
    page.goto(f"{watch_server}/#/incidents?merged=1")
    page.wait_for_selector("table.incidents tbody tr, .error")
    assert not page.locator(".error").all_inner_texts()
    rows = page.locator("table.incidents tbody tr")
    assert rows.count() >= 8  # the merged incidents of the report set
    assert page.locator(".top nav a.active").inner_text() == "Incidents"
    page.screenshot(path=str(shots / "incidents.png"), full_page=True)
    kabul = rows.filter(has_text="2022-08-17")
    assert "4 (4 outlets)" in kabul.inner_text()
    kabul.locator("a").first.click()
    page.wait_for_selector("table.reports tbody tr")
    reports = page.locator("table.reports tbody tr")
    assert reports.count() == 4
    text = page.locator("table.reports").inner_text()
    assert "The Business Standard" in text and "score" in text
    assert page.locator(".figure-killed").inner_text() == "10 (10–21)"
    link = page.locator("table.reports a", has_text="The Business Standard")
    assert link.get_attribute("href") == "https://www.tbsnews.net/world/death-toll-afghanistan-mosque-blast-rises-21-police-479570"
    page.screenshot(path=str(shots / "incident.png"), full_page=True)
    assert page.errors == []


def test_repeated_claims_in_the_news_are_one_row_with_their_outlets(browser: Any, watch_server: str) -> None:
    page = _page(browser)
    page.goto(f"{watch_server}/#/incidents")
    page.wait_for_selector(".news-claims li, .news-claims .error, .news-claims .empty")
    repeated = page.locator('.news-claims li[data-outlets="2"]')
    assert repeated.count() >= 1
    text = repeated.first.inner_text()
    assert "Taliban fights" in text and "Hasht-e Subh" in text and "Daily News Brief" in text
    assert page.errors == []


def test_incident_filters_live_in_the_url(browser: Any, watch_server: str) -> None:
    page = _page(browser)
    page.goto(f"{watch_server}/#/incidents")
    page.wait_for_selector("table.incidents tbody tr")
    page.fill('input[name="admin1"]', "Kunduz")
    page.click('form.filters button[type="submit"]')
    wait_until(page, lambda: "admin1=Kunduz" in page.url, "the filter in the URL")
    rows = page.locator("table.incidents tbody tr")
    wait_until(page, lambda: rows.count() > 0 and all("Kunduz" in t for t in rows.all_inner_texts()),
               "only Kunduz incidents")
    assert page.locator("table.incidents tbody tr").count() == 3


def test_reconcile_view_lists_the_three_sets_with_links(browser: Any, watch_server: str, shots: Path) -> None:
    page = _page(browser)
    page.goto(f"{watch_server}/#/reconcile?dataset=acled&period=2022")
    page.wait_for_selector(".reconcile .kpis, .error")
    assert not page.locator(".error").all_inner_texts()
    counts = {k: page.locator(f'.kpi[data-set="{k}"] .value').inner_text() for k in ("both", "news-only",
                                                                                      "dataset-only")}
    assert counts["both"] == "1" and counts["dataset-only"] == "1" and int(counts["news-only"]) >= 5
    assert "Helmand" in page.locator("ul.dataset-only").inner_text()
    both = page.locator("ul.both li")
    assert both.count() == 1 and both.locator("a").count() == 2  # the incident and the ACLED event it matched
    assert both.locator("a").nth(1).inner_text() == "AFG100000"
    province_rows = page.locator('section[aria-label="By province"] tbody tr').all_inner_texts()
    assert any(r.startswith("Helmand") and "0 (0%)" in r for r in province_rows)
    page.screenshot(path=str(shots / "reconcile.png"), full_page=True)
    page.locator("ul.both a").first.click()
    page.wait_for_selector("table.reports tbody tr")
    assert "Kabul" in page.locator("h1").inner_text()
    page.go_back()
    page.wait_for_selector("ul.dataset-only a")
    page.locator("ul.dataset-only a").first.click()
    wait_until(page, lambda: "#/event/acled/" in page.url, "the event page")
    assert page.errors == []


def test_reconcile_without_the_dataset_says_what_to_do(browser: Any, watch_server: str) -> None:
    page = _page(browser)
    page.goto(f"{watch_server}/#/reconcile?dataset=ucdp&period=2022H1")
    page.wait_for_selector(".error")
    assert "ingest them first" in page.locator(".error").inner_text()
