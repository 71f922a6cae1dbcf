"""Ingest batches: the one writer of ``ingest_batches``.

Every write of events into the store is one batch, whatever brought the events: a dataset export
(:func:`ruydad.ingest.ingest_file`, on DuckDB or PostgreSQL), a list of withdrawn ids
(:func:`ruydad.ingest.delete_events`), an article (:func:`ruydad.ingest.articles.add_article`) or
the output of a Spark extraction (:func:`ruydad.watch.spark_load.load_extracted`). The batch row
says what came from where and what became of it; every stored event and every revision names
the batch that wrote it, so ``ruydad batches`` and ``ruydad history`` can always say where a
value came from.

A batch lives in three calls:

1. :func:`start_batch` records the attempt as ``running``. A dataset ingest on DuckDB commits this
   row before any work, so a killed process leaves a trace that the next start of the store lists
   as failed; the other writers start it inside their transaction.
2. :func:`finish_batch` records the counts and ``ok``. It runs inside the write's transaction,
   just before the commit, and it is the one place every successful write passes through: work
   that must commit together with the events (derived tables refreshed per batch) belongs here.
3. :func:`record_failed_batch`, after a rollback, keeps the attempt and its error on its own.

The SQL is portable: it runs on the embedded DuckDB connection and on the PostgreSQL store's.
"""

from __future__ import annotations

from typing import Any, Protocol


class BatchCounts(Protocol):
    """What a finished batch did (an :class:`~ruydad.ingest.IngestReport` is one, an article's
    :class:`~ruydad.ingest.articles.EventCounts` another)."""

    @property
    def rows_read(self) -> int: ...
    @property
    def stored(self) -> int: ...
    @property
    def updated(self) -> int: ...
    @property
    def unchanged(self) -> int: ...
    @property
    def rejected(self) -> int: ...
    @property
    def deleted(self) -> int: ...


def next_batch_id(con: Any) -> int:
    """A new batch id from the store's sequence (ids are never reused, even after a rollback)."""
    row = con.execute("SELECT nextval('batch_id_seq')").fetchone()
    if row is None:  # pragma: no cover - a sequence always answers
        raise RuntimeError("the store's batch_id_seq returned nothing")
    return int(row[0])


def start_batch(con: Any, batch_id: int, *, dataset: str, reader: str, source: str) -> None:
    """Record the attempt as running."""
    con.execute(
        "INSERT INTO ingest_batches (batch_id, dataset, reader, source, started_at, status) "
        "VALUES (?, ?, ?, ?, now(), 'running')",
        [batch_id, dataset, reader, source],
    )


def finish_batch(con: Any, batch_id: int, counts: BatchCounts) -> None:
    """Record what the batch did and mark it ``ok``; called inside the write's transaction."""
    con.execute(
        "UPDATE ingest_batches SET finished_at = now(), status = 'ok', rows_read = ?, rows_stored = ?, "
        "rows_updated = ?, rows_unchanged = ?, rows_rejected = ?, rows_deleted = ? WHERE batch_id = ?",
        [counts.rows_read, counts.stored, counts.updated, counts.unchanged, counts.rejected, counts.deleted,
         batch_id],
    )
    from ruydad.store.summary import refresh

    refresh(con, batch_id)  # the summary tables commit with the events they count


def record_failed_batch(con: Any, batch_id: int, *, dataset: str, reader: str, source: str, message: str) -> None:
    """After a rollback, keep a trace of the attempt so ``ruydad batches`` shows what failed and why."""
    try:
        con.execute("DELETE FROM ingest_batches WHERE batch_id = ?", [batch_id])
        con.execute(
            "INSERT INTO ingest_batches (batch_id, dataset, reader, source, started_at, finished_at, status, "
            "message) VALUES (?, ?, ?, ?, now(), now(), 'failed', ?)",
            [batch_id, dataset, reader, source, message[:2000]],
        )
    except Exception:  # the store itself is gone (killed connection): the caller's error is what matters
        pass
