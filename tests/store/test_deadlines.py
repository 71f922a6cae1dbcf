"""One thread for every deadline (the query budget, the shared store's idle close)."""

from __future__ import annotations

import threading

from ruydad.store.deadlines import Deadlines


def test_a_deadline_calls_back_when_due_and_not_when_cancelled() -> None:
    deadlines = Deadlines()
    called: list[str] = []
    done = threading.Event()
    kept = deadlines.after(0.05, lambda: called.append("kept"))
    cancelled = deadlines.after(0.01, lambda: called.append("cancelled"))
    deadlines.after(0.2, done.set)
    cancelled.cancel()
    assert done.wait(5)
    assert called == ["kept"]
    assert not kept.cancelled
    assert deadlines.pending() == 0


def test_calls_come_in_deadline_order_from_one_thread() -> None:
    deadlines = Deadlines()
    order: list[tuple[int, str]] = []
    done = threading.Event()
    for delay in (0.15, 0.05, 0.1):
        deadlines.after(delay, lambda d=delay: order.append((int(d * 100), threading.current_thread().name)))
    deadlines.after(0.3, done.set)
    assert done.wait(5)
    assert [d for d, _ in order] == [5, 10, 15]
    assert {name for _, name in order} == {"ruydad-deadlines"}


def test_a_failing_call_does_not_stop_the_others() -> None:
    deadlines = Deadlines()
    done = threading.Event()

    def fail() -> None:
        raise RuntimeError("boom")

    deadlines.after(0.01, fail)
    deadlines.after(0.05, done.set)
    assert done.wait(5)


def test_many_cancelled_deadlines_do_not_pile_up() -> None:
    deadlines = Deadlines()
    for _ in range(5000):
        deadlines.after(60, lambda: None).cancel()
    live = deadlines.after(60, lambda: None)
    assert deadlines.pending() == 1
    assert len(deadlines._heap) < 200  # cancelled calls are dropped as new ones come
    live.cancel()


def test_a_call_due_before_the_one_the_watcher_waits_for_wakes_it() -> None:
    """The watcher sleeps until the earliest call; a later call added meanwhile leaves it asleep, an
    earlier one wakes it (else it would come only when the long wait ends)."""
    import time

    deadlines = Deadlines()
    deadlines.after(30.0, lambda: None)  # the watcher now waits 30 s
    time.sleep(0.05)
    deadlines.after(20.0, lambda: None)  # due later than nothing new: no wake-up needed
    soon = threading.Event()
    started = time.monotonic()
    deadlines.after(0.05, soon.set)
    assert soon.wait(5)
    assert time.monotonic() - started < 2
