"""What each worker process of `ruydad serve --workers N` takes for itself (ruydad/web/served.py).

The workers themselves (two real processes on one port, a command ingesting while they serve) are
tested in tests/store/test_shared.py."""

from __future__ import annotations

import pytest

from ruydad.errors import InputError
from ruydad.web.jobs import ExtractLimits
from ruydad.web.served import SERVE_ENV, app_from_env, divided


def test_workers_divide_the_extraction_pool_queue_and_anonymous_rate() -> None:
    limits = ExtractLimits(workers=2, queue=8, deadline=30.0, anonymous_per_minute=10, worker_mb=512)
    two = divided(limits, 2)
    assert (two.workers, two.queue, two.anonymous_per_minute) == (1, 4, 5)
    three = divided(limits, 3)
    assert (three.workers, three.queue, three.anonymous_per_minute) == (1, 3, 4)  # rounded up, never zero
    assert (three.deadline, three.worker_mb) == (30.0, 512)
    assert divided(limits, 1) == limits
    closed = divided(ExtractLimits(queue=0, anonymous_per_minute=0), 4)
    assert (closed.queue, closed.anonymous_per_minute) == (0, 0)  # what was off stays off


def test_a_worker_started_without_the_serving_command_says_how_to_start_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SERVE_ENV, raising=False)
    with pytest.raises(InputError, match="ruydad serve --workers"):
        app_from_env()
