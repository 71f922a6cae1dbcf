"""Applying a staged ingest to a PostgreSQL store: quarantine, classify, revise, upsert, in one transaction.

The file is read and validated by the shared DuckDB staging (:func:`ruydad.ingest.pipeline.stage_file`)
in a private in-memory DuckDB, where the enrichers also fill the derived columns. Only then is the
PostgreSQL transaction opened, so the server holds locks for the copy and the upsert, not for the
parsing:

1. take the dataset's advisory lock (:func:`ruydad.store.postgres.dataset_lock`): two ingests of
   one dataset apply one after the other, each against what the other stored;
2. record the batch as running, ``COPY`` the quarantine rows;
3. on a dataset's first load, enrich and ``COPY`` the rows straight into ``events``;
4. otherwise ``COPY`` only each row's key and content hash, let the server name the rows that
   are new or whose hash differs, and drop the rest from the staging table (a re-delivered export,
   the common case, then moves a few bytes a row instead of the whole row); enrich and ``COPY``
   the remaining rows into a temporary table, confirm each "changed" column by column (as on
   DuckDB: the hash is not promised stable across DuckDB versions), keep the stored version of
   each changed event in ``event_revisions`` and ``INSERT ... ON CONFLICT (dataset,
   dataset_event_id) DO UPDATE``;
5. finish the batch row and commit.

The copies go through CSV that DuckDB writes in parallel and PostgreSQL parses in C: faster than
row-by-row binary ``write_row`` from Python, and lossless (DuckDB writes doubles round-trip exact,
NULL unquoted and the empty string quoted, which is PostgreSQL's CSV convention too).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ruydad.ingest.batches import finish_batch, next_batch_id, start_batch
from ruydad.ingest.pipeline import (
    ENRICHERS,
    INGEST_MEMORY_LIMIT,
    IngestReport,
    Progress,
    _drop_staging,
    _record_failed_batch,
    failure_message,
    stage_file,
)
from ruydad.ingest.readers import Reader
from ruydad.model import DATA_COLUMN_NAMES, EVENT_COLUMN_NAMES, HASHED_COLUMNS, WRITE_COLUMN_NAMES
from ruydad.store.postgres import PgConnection, PostgresStore, dataset_lock

DATA_COLUMNS = DATA_COLUMN_NAMES
"""The columns a dataset gives (or the enrichers derive); the last four are Ruydad's bookkeeping."""
QUARANTINE_COLUMNS = ("batch_id", "dataset", "source", "row_number", "line", "dataset_event_id", "field",
                      "reason", "raw")
COPY_CHUNK = 1 << 20


def ingest_file_postgres(store: PostgresStore, path: Path, reader: Reader, present: frozenset[str], *,
                         encoding: str, source: str, progress: Progress | None) -> IngestReport:
    """Stage ``path`` in DuckDB, then apply it to the PostgreSQL store in one transaction."""
    started = time.monotonic()
    con = store.pg
    report = IngestReport(batch_id=next_batch_id(con), dataset=reader.dataset, reader=reader.name,
                          source=source)
    staging = duckdb.connect()
    staging.execute(f"SET memory_limit = '{INGEST_MEMORY_LIMIT}'")
    try:
        with tempfile.TemporaryDirectory(prefix="ruydad-ingest-") as scratch:
            staging.execute(f"SET temp_directory = '{scratch}/spill'")
            stage_file(staging, path, encoding, reader, present, report, progress)
            if progress:
                progress("storing", 0.65)
            with store.transaction():
                _apply(con, staging, report, Path(scratch), progress)
    except BaseException as exc:
        _record_failed_batch(con, report, failure_message(exc))
        raise
    finally:
        _drop_staging(staging)
        staging.close()
    report.seconds = time.monotonic() - started
    if progress:
        progress("done", 1.0)
    return report


def _enrich(staging: duckdb.DuckDBPyConnection, report: IngestReport, progress: Progress | None) -> None:
    """The enrichers fill derived columns of the rows about to be written (new or changed), as on DuckDB."""
    if progress:
        progress("enriching", 0.75)
    for enricher in ENRICHERS:
        report.warnings.extend(enricher(staging, "ingest_incoming"))
    if progress:
        progress("storing", 0.85)


def _apply(con: PgConnection, staging: duckdb.DuckDBPyConnection, report: IngestReport, scratch: Path,
           progress: Progress | None) -> None:
    dataset_lock(con, report.dataset)
    start_batch(con, report.batch_id, dataset=report.dataset, reader=report.reader, source=report.source)
    if report.rejected:
        copy_from_duckdb(con, staging, f"SELECT {', '.join(QUARANTINE_COLUMNS)} FROM ingest_quarantine",
                         "quarantine", QUARANTINE_COLUMNS, scratch)
    first_load = not con.execute("SELECT 1 FROM events WHERE dataset = ? LIMIT 1", [report.dataset]).fetchone()
    if first_load:
        row = staging.execute("SELECT count(*) FROM ingest_incoming").fetchone()
        report.stored = int(row[0]) if row else 0
        if report.stored:
            _enrich(staging, report, progress)
            select = (f"SELECT {', '.join(DATA_COLUMNS)}, {int(report.batch_id)} AS batch_id, 1 AS revision, "
                      "content_hash, now()::TIMESTAMP AS ingested_at FROM ingest_incoming")
            copy_from_duckdb(con, staging, select, "events", WRITE_COLUMN_NAMES, scratch)
    else:
        _drop_unchanged(con, staging, report, scratch)
        if _staged(staging):
            _enrich(staging, report, progress)
            _upsert(con, staging, report, scratch)
    finish_batch(con, report.batch_id, report)


def _staged(staging: duckdb.DuckDBPyConnection) -> int:
    row = staging.execute("SELECT count(*) FROM ingest_incoming").fetchone()
    return int(row[0]) if row else 0


def _drop_unchanged(con: PgConnection, staging: duckdb.DuckDBPyConnection, report: IngestReport,
                    scratch: Path) -> None:
    """Send keys and hashes only; keep in staging the rows that are new or whose hash differs."""
    con.execute("CREATE TEMP TABLE ingest_keys (dataset_event_id VARCHAR, content_hash VARCHAR) ON COMMIT DROP")
    copy_from_duckdb(con, staging, "SELECT dataset_event_id, content_hash FROM ingest_incoming", "ingest_keys",
                     ("dataset_event_id", "content_hash"), scratch)
    con.execute("ANALYZE ingest_keys")
    candidates = con.execute(
        "SELECT k.dataset_event_id FROM ingest_keys k LEFT JOIN events e "
        "ON e.dataset = ? AND e.dataset_event_id = k.dataset_event_id "
        "WHERE e.content_hash IS DISTINCT FROM k.content_hash", [report.dataset]).fetchall()
    staged = _staged(staging)
    report.unchanged = staged - len(candidates)
    if report.unchanged:
        keep = pa.table({"dataset_event_id": pa.array([r[0] for r in candidates], pa.string())})
        staging.register("ingest_candidates", keep)
        try:
            staging.execute("DELETE FROM ingest_incoming WHERE dataset_event_id NOT IN "
                            "(SELECT dataset_event_id FROM ingest_candidates)")
        finally:
            staging.unregister("ingest_candidates")


def _upsert(con: PgConnection, staging: duckdb.DuckDBPyConnection, report: IngestReport, scratch: Path) -> None:
    """Classify the staged rows against the stored ones, keep revisions, insert or update."""
    con.execute("CREATE TEMP TABLE ingest_incoming (LIKE events) ON COMMIT DROP")
    loaded = (*DATA_COLUMNS, "content_hash")
    copy_from_duckdb(con, staging, f"SELECT {', '.join(loaded)} FROM ingest_incoming", "ingest_incoming",
                     loaded, scratch)
    con.execute("ANALYZE ingest_incoming")
    differs = " OR ".join(f"i.{c} IS DISTINCT FROM e.{c}" for c in HASHED_COLUMNS)
    con.execute(
        "CREATE TEMP TABLE ingest_status ON COMMIT DROP AS "
        "SELECT i.dataset_event_id, "
        "CASE WHEN e.dataset_event_id IS NULL THEN 'new' "
        f"WHEN e.content_hash = i.content_hash OR NOT ({differs}) THEN 'same' ELSE 'changed' END AS status, "
        "coalesce(e.revision, 0) AS old_revision "
        "FROM ingest_incoming i LEFT JOIN events e ON e.dataset = ? AND e.dataset_event_id = i.dataset_event_id",
        [report.dataset],
    )
    counts = dict(con.execute("SELECT status, count(*) FROM ingest_status GROUP BY 1").fetchall())
    report.stored = int(counts.get("new", 0))
    report.updated = int(counts.get("changed", 0))
    report.unchanged += int(counts.get("same", 0))
    cols = ", ".join(EVENT_COLUMN_NAMES)
    if report.updated:
        con.execute(
            f"INSERT INTO event_revisions ({cols}, superseded_at, superseded_by_batch, change) "
            f"SELECT {', '.join('e.' + c for c in EVENT_COLUMN_NAMES)}, now(), ?, 'updated' "
            "FROM events e JOIN ingest_status s ON e.dataset = ? AND e.dataset_event_id = s.dataset_event_id "
            "WHERE s.status = 'changed'",
            [report.batch_id, report.dataset],
        )
    if report.stored or report.updated:
        updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in EVENT_COLUMN_NAMES if c not in ("dataset",
                                                                                            "dataset_event_id"))
        con.execute(
            f"INSERT INTO events ({', '.join(WRITE_COLUMN_NAMES)}) "
            f"SELECT {', '.join('i.' + c for c in DATA_COLUMNS)}, ?, s.old_revision + 1, i.content_hash, now() "
            "FROM ingest_incoming i JOIN ingest_status s USING (dataset_event_id) WHERE s.status <> 'same' "
            f"ON CONFLICT (dataset, dataset_event_id) DO UPDATE SET {updates}",
            [report.batch_id],
        )


def copy_from_duckdb(con: PgConnection, staging: duckdb.DuckDBPyConnection, select: str, table: str,
                     columns: tuple[str, ...], scratch: Path) -> None:
    """``COPY`` the rows of a DuckDB query into a PostgreSQL table, through a CSV file in ``scratch``."""
    target = scratch / f"{table}.csv"
    staging.execute(f"COPY ({select}) TO '{target}' (FORMAT csv, HEADER false)")
    raw: Any = con.raw
    with raw.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN (FORMAT csv)") as copy, \
            target.open("rb") as handle:
        while chunk := handle.read(COPY_CHUNK):
            copy.write(chunk)
    target.unlink()
