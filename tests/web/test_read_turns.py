"""Reads take turns (:func:`ruydad.web.deps.read_turn`): at most ``RUYDAD_READ_SLOTS`` requests read
the store at once, the others wait in arrival order without holding a server thread, and a request
that gets no turn within the query budget answers 503 saying the server is busy.

A route added to the real app reads through the same dependency as every route and keeps its turn
for a moment, so overlapping requests show how many read at once; the server is a real uvicorn on
loopback and the clients real HTTP connections.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from ruydad.errors import InputError
from ruydad.store import Store
from ruydad.web import create_app, deps
from ruydad.web.deps import ReadStore
from ruydad.web.state import READ_SLOTS_ENV, read_slots
from tests.web.conftest import _free_port


def _serve_and_read(store: Store, clients: int, hold: float) -> tuple[int, list[int | str]]:
    """The most requests seen reading at once, and each client's status (and 503 detail)."""
    import uvicorn

    app = create_app(store, cache=False)
    lock = threading.Lock()
    reading = [0, 0]  # now, most

    @app.get("/held")
    def held(store: ReadStore) -> int:
        with lock:
            reading[0] += 1
            reading[1] = max(reading)
        try:
            time.sleep(hold)  # a slow read keeps its turn
            return int(store.count_events())
        finally:
            with lock:
                reading[0] -= 1

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    answers: list[int | str] = []

    def call() -> None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/held", timeout=30) as response:
                answers.append(response.status)
        except urllib.error.HTTPError as exc:
            answers.append(f"{exc.code} {json.loads(exc.read())['detail']}")

    try:
        callers = [threading.Thread(target=call) for _ in range(clients)]
        for caller in callers:
            caller.start()
        for caller in callers:
            caller.join(timeout=60)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    return reading[1], answers


@pytest.mark.parametrize("slots", [2, 8])
def test_no_more_requests_read_at_once_than_there_are_turns(
        store_location: str | Path, monkeypatch: pytest.MonkeyPatch, slots: int) -> None:
    monkeypatch.setenv(READ_SLOTS_ENV, str(slots))
    with Store.open(store_location) as store:
        most, answers = _serve_and_read(store, clients=8, hold=0.3)
    assert answers == [200] * 8
    assert most == slots  # never more; and as many as allowed when that many are waiting


def test_a_request_that_gets_no_turn_within_the_budget_answers_503(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(READ_SLOTS_ENV, "1")
    monkeypatch.setattr(deps, "QUERY_SECONDS", 0.4)
    with Store.open(tmp_path / "turns.duckdb") as store:
        most, answers = _serve_and_read(store, clients=2, hold=1.5)
    assert most == 1
    assert sorted(answers, key=str) == [200, "503 the server is busy: no reading turn came within 0.4 s; "
                                              "try again shortly"]


def test_the_number_of_turns_is_a_whole_number(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(READ_SLOTS_ENV, "12")
    assert read_slots() == 12
    monkeypatch.delenv(READ_SLOTS_ENV)
    assert read_slots() >= 4
    for bad in ("0", "many", "-3"):
        monkeypatch.setenv(READ_SLOTS_ENV, bad)
        with pytest.raises(InputError, match=f"{READ_SLOTS_ENV}=.*whole number"):
            read_slots()
