"""Every dashboard page in a real headless Chromium against a server started by the test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import wait_until

pytestmark = pytest.mark.browser
ON_DUCKDB = pytest.mark.parametrize("server", ["duckdb"], indirect=True)
"""For checks of the page itself (escaping, layout, extraction), which the store's backend cannot change."""


def _page(browser: Any, width: int = 1280, height: int = 900) -> Any:
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(90_000)  # CI runs these beside Spark and PostgreSQL on two cores
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.errors = errors
    return page


def _wait_for_rows(page: Any) -> None:
    """Rows of the event table, or fail with the error the page shows."""
    page.wait_for_selector("table tbody tr, .error")
    errors = page.locator(".error").all_inner_texts()
    assert not errors, f"the page shows an error: {errors}"
    page.wait_for_selector("table tbody tr")


def test_overview_map_filters_by_clicked_province(browser: Any, server: str, shots: Path) -> None:
    page = _page(browser)
    page.goto(f"{server}/#/")
    page.wait_for_selector(".map path")
    assert page.locator(".map path").count() == 34
    page.wait_for_selector("table tbody tr")
    page.screenshot(path=str(shots / "overview.png"), full_page=True)
    panjshir = page.locator('.map path[data-code="AF-PAN"]')
    code = panjshir.get_attribute("data-code")
    panjshir.click()
    wait_until(page, lambda: "admin1=" in page.url, "the clicked province in the URL")
    assert f"admin1={code}" in page.evaluate("location.hash")
    page.wait_for_selector(".map path.selected")
    _wait_for_rows(page)
    places = page.locator("table tbody tr td:nth-child(5)").all_inner_texts()
    assert places and all("Panj" in p for p in places)
    page.screenshot(path=str(shots / "overview-panjshir.png"), full_page=True)
    assert page.errors == []


def test_filters_live_in_the_url_and_reproduce_the_view(browser: Any, server: str) -> None:
    page = _page(browser)
    page.goto(f"{server}/#/?actor=NRF&event_type=Battles")
    page.wait_for_selector("table tbody tr")
    assert page.locator('input[name="actor"]').input_value() == "NRF"
    rows = page.locator("table tbody tr").all_inner_texts()
    assert rows and all("NRF" in r for r in rows)
    page.fill('input[name="actor"]', "Government of Pakistan")
    page.click('button[type="submit"]')
    wait_until(page, lambda: "Pakistan" in page.url, "the actor in the URL")
    page.wait_for_selector("table tbody tr")
    assert all("Pakistan" in r for r in page.locator("table tbody tr").all_inner_texts())


@ON_DUCKDB
def test_event_notes_are_escaped_not_run(browser: Any, server: str) -> None:
    page = _page(browser)
    page.goto(f"{server}/#/?actor=%3Cimg%20src%3Dx%20onerror%3Dwindow.pwned%3D1%3E")
    page.wait_for_selector(".kpi")
    assert page.evaluate("window.pwned") is None
    assert page.locator('input[name="actor"]').input_value().startswith("<img")


@ON_DUCKDB
def test_phone_width_overview_fits(browser: Any, server: str, shots: Path) -> None:
    page = _page(browser, width=390, height=844)
    page.goto(f"{server}/#/")
    page.wait_for_selector(".map path")
    page.wait_for_selector("table tbody tr")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 2
    page.screenshot(path=str(shots / "overview-phone.png"), full_page=True)


def test_event_detail_page(browser: Any, server: str) -> None:
    page = _page(browser)
    page.goto(f"{server}/#/event/ucdp/444946")
    page.wait_for_selector("table th")
    text = page.inner_text("main")
    assert "NRF" in text and "Khost Wa Firing" in text


def test_actors_and_profile_pages(browser: Any, server: str, shots: Path) -> None:
    page = _page(browser)
    page.goto(f"{server}/#/actors")
    page.wait_for_selector("table tbody tr")
    link = page.locator("table tbody tr a", has_text="National Resistance Front").first
    link.click()
    page.wait_for_selector("h1")
    page.wait_for_selector("text=Recorded events")
    assert "National Resistance Front" in page.inner_text("h1")
    page.wait_for_selector("svg[aria-label='Relations network'] line", state="attached")
    assert "Ahmad Massoud" in page.inner_text("main")
    page.screenshot(path=str(shots / "actor.png"), full_page=True)
    assert page.errors == []


def test_claims_board_page(browser: Any, server: str, shots: Path) -> None:
    page = _page(browser)
    page.goto(f"{server}/#/claims")
    page.wait_for_selector(".conflict .claim")
    text = page.inner_text("main")
    assert "Conflicting claims" in text
    assert "empty laughter" in text  # the Taliban's denial sits beside the NRF's claims
    assert page.locator(".conflict-block").count() >= 3
    page.screenshot(path=str(shots / "claims.png"), full_page=True)
    assert page.errors == []


@ON_DUCKDB
def test_article_page_extracts_and_highlights(browser: Any, server: str, shots: Path) -> None:
    article = (Path(__file__).resolve().parents[2] / "ruydad" / "data" / "articles"
               / "newsweek-2022-08-30-afghan-rebel-groups.txt").read_text(encoding="utf-8")[:6000]
    page = _page(browser)
    page.goto(f"{server}/#/article")
    page.fill("textarea", article)
    page.fill('input[name="published"]', "2022-08-30")
    page.click('button[type="submit"]')
    page.wait_for_selector("mark.actor", timeout=60_000)
    assert "National Resistance Front" in page.locator("mark.actor").all_inner_texts()
    assert page.locator("mark.place").count() > 0
    page.screenshot(path=str(shots / "article.png"), full_page=True)
    assert page.errors == []


def test_brief_page_opens_from_the_dashboard(browser: Any, server: str, shots: Path) -> None:
    page = _page(browser)
    page.goto(f"{server}/#/brief")
    page.fill('input[name="date_from"]', "2022-01-01")
    page.fill('input[name="date_to"]', "2022-08-31")
    with page.context.expect_page() as opened:
        page.click('button[type="submit"]')
    brief = opened.value
    brief.wait_for_load_state()
    assert "2022" in brief.title() or "brief" in brief.inner_text("body").lower()
    assert brief.locator("svg").count() >= 1
    brief.screenshot(path=str(shots / "brief.png"), full_page=True)
