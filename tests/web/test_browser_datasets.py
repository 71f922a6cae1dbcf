"""The dashboard over a store holding two datasets (an ACLED-format export and the UCDP sample), in headless
Chromium: figures come from one dataset at a time, never their sum, and the reader can switch."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ruydad.ingest import ingest_file
from tests.conftest import BACKENDS
from tests.web.conftest import serving, store_on, wait_until
from tests.web.test_browser import _page, _wait_for_rows

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module", params=BACKENDS)
def two_dataset_server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with store_on(request, tmp_path_factory.mktemp("web2")) as store:
        ingest_file(store, ROOT / "tests" / "data" / "acled" / "afghanistan_2021-2022_export.csv", "acled")
        ingest_file(store, ROOT / "ruydad" / "data" / "sample" / "ucdp_aec_afghanistan.csv", "ucdp")
        with serving(store) as url:
            yield url


def _events_kpi(page: Any) -> int:
    page.wait_for_selector(".kpis .kpi")
    text = page.locator(".kpis .kpi .value").first.inner_text()
    digits = "".join(ch for ch in text if ch.isdigit())
    return int(digits) if digits else -1


def test_overview_shows_one_dataset_and_switches(browser: Any, two_dataset_server: str) -> None:
    page = _page(browser)
    page.goto(f"{two_dataset_server}/#/")
    _wait_for_rows(page)
    select = page.locator('select[name="dataset"]')
    assert select.input_value() == "ucdp"  # the larger of the two (1,024 against 472 events)
    assert _events_kpi(page) == 1024  # not 1,496: the datasets are never added up
    links = page.locator("table tbody tr td a[href^='#/event/']")
    datasets = {links.nth(i).get_attribute("href").split("/")[2] for i in range(links.count())}
    assert datasets == {"ucdp"}
    select.select_option("acled")
    page.locator("form.filters button[type=submit]").click()
    wait_until(page, lambda: "dataset=acled" in page.url, "the dataset in the URL")
    _wait_for_rows(page)
    wait_until(page, lambda: _events_kpi(page) == 472, "the ACLED events figure")
    assert page.errors == []


def test_the_event_table_says_what_the_actor_matched(browser: Any, two_dataset_server: str) -> None:
    page = _page(browser)
    page.goto(f"{two_dataset_server}/#/?actor=NRF&dataset=acled")
    _wait_for_rows(page)
    read = page.locator("ul.matched").inner_text()
    assert 'actor NRF: "National Resistance Front" (acled, 290 events)' in read
    page.goto(f"{two_dataset_server}/#/?actor=Zzyzx%20Brigade&dataset=acled")
    page.wait_for_selector("ul.matched")
    assert "no actor of that name" in page.locator("ul.matched").inner_text()
    assert page.errors == []
