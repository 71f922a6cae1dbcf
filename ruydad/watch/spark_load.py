"""Loading what ``ruydad spark extract`` found back into the store, so incidents are built from it.

The path for many sources: ``ruydad watch run --once --corpus pages.jsonl`` fetches and reads the
new articles, ``ruydad spark extract --input pages.jsonl --output out/`` extracts them on a
cluster, and :func:`load_extracted` (``ruydad watch load out/``) writes the ``documents/`` and
``events/`` Parquet datasets into the store, then incidents are rebuilt as after a poll.

The events are the rows ``add_article`` would have stored (the Spark job builds them with the
same mapping, :func:`ruydad.ingest.articles.event_rows`), and they are written the same way: one
ingest batch (:mod:`ruydad.ingest.batches`), each document's events brought to what the output
says with :func:`ruydad.ingest.articles.write_article_events`, so loading the same output twice
changes nothing and a newer extraction of a document keeps the earlier version of each changed
event in ``event_revisions``. Everything is one transaction. Claims are not loaded: a stored claim
is checked against the article's text, which the Spark output does not carry; ``add-article`` or
the in-process watch stores them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruydad.errors import InputError
from ruydad.ingest.articles import DATASET, EventCounts, lock_articles, write_article_events
from ruydad.ingest.batches import finish_batch, next_batch_id, start_batch
from ruydad.model import EVENT_COLUMN_NAMES
from ruydad.theatres import theatre_name
from ruydad.watch.sources import now

READER = "spark-extract"


@dataclass
class LoadReport:
    """What :func:`load_extracted` stored: ``events`` the output's events of the documents loaded,
    ``stored``/``updated``/``unchanged``/``deleted`` what that did to the store."""

    documents: int
    failed_documents: int
    events: int
    batch_id: int
    incidents: dict[str, Any] | None = None
    stored: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _table(folder: Path, name: str) -> Any:
    import pyarrow.dataset as ds

    path = folder / name
    if not path.is_dir():
        raise InputError(f"{folder}: no {name}/ folder; give the --output folder of `ruydad spark extract`")
    return ds.dataset(str(path), format="parquet").to_table()


def load_extracted(store: Any, folder: str | Path, *, theatre: str | None = None, build: bool = True) -> LoadReport:
    """Store the documents and events of a ``spark extract`` output folder; rebuild incidents.

    A document's theatre is the one it was extracted for; ``theatre`` is for output written before
    documents carried theirs."""
    out = Path(folder)
    documents = _table(out, "documents").to_pylist()
    events = _table(out, "events")
    missing = [c for c in EVENT_COLUMN_NAMES if c not in events.column_names and c not in ("batch_id",)]
    if missing:
        raise InputError(f"{out}/events: not spark extract's event columns (missing {', '.join(missing[:5])})")
    good = [d for d in documents if not d.get("error")]
    keep = {d["document_id"] for d in good}
    per_document: dict[str, list[dict[str, Any]]] = {document_id: [] for document_id in keep}
    for r in events.to_pylist():
        if r.get("document_id") in keep:
            per_document[r["document_id"]].append(r)
    stamp = now()
    counts = EventCounts()
    with store.transaction() as con:
        batch_id = next_batch_id(con)
        start_batch(con, batch_id, dataset=DATASET, reader=READER, source=str(out))
        lock_articles(store, con)
        for d in good:
            con.execute("DELETE FROM documents WHERE document_id = ?", [d["document_id"]])
            con.execute("INSERT INTO documents (document_id, title, url, outlet, published, language, text_chars, "
                        "theatre, added_at) VALUES (?, ?, ?, ?, ?, 'en', ?, ?, ?)",
                        [d["document_id"], d.get("title"), d.get("url"), d.get("source"), d.get("published"),
                         d.get("chars"), d.get("theatre") or theatre_name(theatre), stamp])
            rows = [{**r, "ingested_at": stamp} for r in per_document[d["document_id"]]]
            counts.add(write_article_events(con, batch_id, d["document_id"], rows))
        for document_id in keep:
            con.execute("UPDATE watch_items SET status = 'stored', events = ? WHERE document_id = ? "
                        "AND status = 'fetched'", [len(per_document[document_id]), document_id])
        report = LoadReport(documents=len(good), failed_documents=len(documents) - len(good),
                            events=sum(len(rows) for rows in per_document.values()), batch_id=batch_id,
                            stored=counts.stored, updated=counts.updated, unchanged=counts.unchanged,
                            deleted=counts.deleted)
        finish_batch(con, batch_id, counts)
    if build:
        from ruydad.incidents import build_incidents

        report.incidents = build_incidents(store).as_dict()
    return report
