"""Loading what ``ruydad spark extract`` found back into the store, so incidents are built from it.

The path for many sources: ``ruydad watch run --once --corpus pages.jsonl`` fetches and reads the
new articles, ``ruydad spark extract --input pages.jsonl --output out/`` extracts them on a
cluster, and :func:`load_extracted` (``ruydad watch load out/``) writes the ``documents/`` and
``events/`` Parquet datasets into the store, then incidents are rebuilt as after a poll.

The events are the rows ``add_article`` would have stored (the Spark job builds them with the
same mapping, :func:`ruydad.spark.extract.result_rows`), so the load only gives them an ingest
batch. Everything is one transaction, and loading the same output twice replaces rather than
duplicates (events are keyed by ``<document id>:<n>``, documents by id). Claims are not loaded:
a stored claim is checked against the article's text, which the Spark output does not carry;
``add-article`` or the in-process watch stores them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruydad.errors import InputError
from ruydad.model import EVENT_COLUMN_NAMES
from ruydad.watch.sources import now

DATASET = "article"


@dataclass
class LoadReport:
    documents: int
    failed_documents: int
    events: int
    batch_id: int
    incidents: dict[str, Any] | None = None

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _table(folder: Path, name: str) -> Any:
    import pyarrow.dataset as ds

    path = folder / name
    if not path.is_dir():
        raise InputError(f"{folder}: no {name}/ folder; give the --output folder of `ruydad spark extract`")
    return ds.dataset(str(path), format="parquet").to_table()


def load_extracted(store: Any, folder: str | Path, *, theatre: str | None = None, build: bool = True) -> LoadReport:
    """Store the documents and events of a ``spark extract`` output folder; rebuild incidents."""
    out = Path(folder)
    documents = _table(out, "documents").to_pylist()
    events = _table(out, "events")
    missing = [c for c in EVENT_COLUMN_NAMES if c not in events.column_names and c not in ("batch_id",)]
    if missing:
        raise InputError(f"{out}/events: not spark extract's event columns (missing {', '.join(missing[:5])})")
    good = [d for d in documents if not d.get("error")]
    keep = {d["document_id"] for d in good}
    rows = [r for r in events.to_pylist() if r.get("document_id") in keep]
    stamp = now()
    with store.transaction() as con:
        top = con.execute("SELECT nextval('batch_id_seq')").fetchone()
        batch_id = int(top[0]) if top else 0
        con.execute("INSERT INTO ingest_batches (batch_id, dataset, reader, source, started_at, status) "
                    "VALUES (?, ?, 'spark-extract', ?, now(), 'running')", [batch_id, DATASET, str(out)])
        for d in good:
            con.execute("DELETE FROM documents WHERE document_id = ?", [d["document_id"]])
            con.execute("INSERT INTO documents (document_id, title, url, outlet, published, language, text_chars, "
                        "theatre, added_at) VALUES (?, ?, ?, ?, ?, 'en', ?, ?, ?)",
                        [d["document_id"], d.get("title"), d.get("url"), d.get("source"), d.get("published"),
                         d.get("chars"), theatre, stamp])
            con.execute("DELETE FROM events WHERE dataset = ? AND dataset_event_id LIKE ?",
                        [DATASET, f"{d['document_id']}:%"])
        values = []
        for r in rows:
            r = {**r, "batch_id": batch_id, "ingested_at": stamp}
            values.append([r.get(c) for c in EVENT_COLUMN_NAMES])
        if values:
            marks = ", ".join("?" for _ in EVENT_COLUMN_NAMES)
            con.executemany(f"INSERT INTO events ({', '.join(EVENT_COLUMN_NAMES)}) VALUES ({marks})", values)
        per_document: dict[str, int] = {}
        for r in rows:
            per_document[r["document_id"]] = per_document.get(r["document_id"], 0) + 1
        for document_id in keep:
            con.execute("UPDATE watch_items SET status = 'stored', events = ? WHERE document_id = ? "
                        "AND status = 'fetched'", [per_document.get(document_id, 0), document_id])
        con.execute("UPDATE ingest_batches SET finished_at = now(), status = 'done', rows_read = ?, rows_stored = ? "
                    "WHERE batch_id = ?", [len(rows), len(rows), batch_id])
    report = LoadReport(documents=len(good), failed_documents=len(documents) - len(good), events=len(rows),
                        batch_id=batch_id)
    if build:
        from ruydad.incidents import build_incidents

        report.incidents = build_incidents(store).as_dict()
    return report
