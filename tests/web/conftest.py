"""A real server on loopback over a real store, and Debian's headless Chromium driven by Playwright.

The dashboard's stores are parametrised over every backend (``BACKENDS``: DuckDB, and PostgreSQL on
the session's throwaway server), so the main flows run on both; checks of the page itself (escaping,
layout) pin ``server`` to DuckDB with ``@pytest.mark.parametrize("server", ["duckdb"], indirect=True)``.
"""

from __future__ import annotations

import itertools
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from ruydad.ingest import ingest_file
from ruydad.store import Store
from ruydad.theatres import DEFAULT_THEATRE
from tests.conftest import BACKENDS

CHROMIUM = os.environ.get("RUYDAD_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(store: Store) -> Iterator[str]:
    """``ruydad serve``'s app over ``store`` on a free loopback port, in a thread; yields its URL."""
    import uvicorn

    from ruydad.web import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def store_on(request: pytest.FixtureRequest, directory: Path) -> Iterator[Store]:
    """A new store on the backend ``request.param`` names: a DuckDB file in ``directory``, or a fresh
    database on the session's PostgreSQL server (``pg_server`` in tests/conftest.py)."""
    if request.param == "postgres":
        server = request.getfixturevalue("pg_server")
        location: str | Path = server.create_database(f"web{os.getpid()}_{next(_databases)}")
    else:
        location = directory / "browser.duckdb"
    with Store.open(location) as store:
        yield store


_databases = itertools.count(1)


@pytest.fixture(scope="module", params=BACKENDS)
def server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The dashboard over the UCDP sample and the theatre's seed claims, on each backend."""
    sample = Path(__file__).resolve().parents[2] / "ruydad" / "data" / "sample" / "ucdp_aec_afghanistan.csv"
    with store_on(request, tmp_path_factory.mktemp("web")) as store:
        ingest_file(store, sample, "ucdp")
        from ruydad.actors import save_seed_claims

        save_seed_claims(store, DEFAULT_THEATRE)
        with serving(store) as url:
            yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not installed at {CHROMIUM} (scripts/setup.sh installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """Where screenshots go (kept under the test's temp dir; RUYDAD_SCREENSHOTS overrides)."""
    target = Path(os.environ.get("RUYDAD_SCREENSHOTS", tmp_path))
    target.mkdir(parents=True, exist_ok=True)
    return target


def wait_until(page: Any, check: Callable[[], bool], what: str, timeout: float = 90.0) -> None:
    """Poll ``check`` from the test (not inside the page: the dashboard's Content-Security-Policy
    forbids the eval that Playwright's ``wait_for_function`` uses) until it holds."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        page.wait_for_timeout(100)
