"""Storing articles: what findings found in one article joins the store as one ingest batch.

:mod:`ruydad.extract` only reads; this module writes. An article's reported events go into the
``events`` table like a dataset's, under the same rules (:mod:`ruydad.ingest.pipeline`):

- keyed by ``dataset='article'`` and ``dataset_event_id='<document id>:<n>'``, with the event
  model's columns (ACLED's names; :func:`event_rows` is the mapping, shared with the Spark job);
- each write is a batch of :mod:`ruydad.ingest.batches`;
- adding an article again changes only what changed: an event whose fields (the model's
  :data:`~ruydad.model.HASHED_COLUMNS`) are the same is left as it is, a changed one keeps its
  stored version in ``event_revisions`` and is stored with ``revision + 1``, and an event the
  article no longer reports is moved to ``event_revisions`` as ``deleted``. ``ruydad history
  article <id>`` shows every version; nothing is lost.

The document and its claims go through the actors package's persistence functions
(:func:`ruydad.actors.store.save_claims`, ``save_candidates``), so extracted claims sit beside
seeded and manual ones; the article's extracted claims are replaced by the new reading. The
actors package opens its own transactions, so it is handed a view of the store whose
``transaction()`` joins the one already open: if any part fails, nothing of the article is stored.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from ruydad.extract import Document, Event, Findings, extract
from ruydad.ingest.batches import finish_batch, next_batch_id, start_batch
from ruydad.model import EVENT_COLUMN_NAMES, HASHED_COLUMNS
from ruydad.taxonomy import disorder_type_of, interaction_for
from ruydad.theatres import Theatre, TheatreLike, as_theatre

DATASET = "article"
READER = "extract"
_PRECISION = {"day": 1, "week": 2, "month": 3}
_GEO_PRECISION = {"village": 1, "town": 1, "city": 1, "admin2": 2, "valley": 2, "admin1": 3}


@dataclass
class AddArticleReport:
    """What :func:`add_article` stored. ``events`` is how many events the article reports;
    ``stored``/``updated``/``unchanged``/``deleted`` say what that did to the store."""

    document_id: str
    events: int = 0
    claims: int = 0
    claims_skipped: int = 0
    candidates: int = 0
    batch_id: int | None = None
    stored: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class EventCounts:
    """What writing one document's events did (see :func:`write_article_events`)."""

    stored: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0

    def add(self, other: EventCounts) -> None:
        self.stored += other.stored
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.deleted += other.deleted

    @property
    def rows_read(self) -> int:
        """Events read: each one given is stored, updated or unchanged (``deleted`` ones were not given)."""
        return self.stored + self.updated + self.unchanged

    @property
    def rejected(self) -> int:
        return 0  # an extracted event is never quarantined


def add_article(store: Any, item: Findings | Document | str, published: str | date | None = None, *,
                theatre: TheatreLike | None = None) -> AddArticleReport:
    """Extract (unless given an :class:`~ruydad.extract.Findings`) and store one article:
    document, claims, candidate actors and events, all or nothing, as one ingest batch."""
    place = as_theatre(theatre)
    findings = item if isinstance(item, Findings) else extract(item, published, theatre=place)
    doc = findings.document
    rows = event_rows(findings, place)
    report = AddArticleReport(document_id=doc.id, events=len(rows))
    with store.transaction() as con:
        joined = _JoinedStore(store)
        report.claims, report.claims_skipped = _save_claims(joined, doc, place.name)
        report.candidates = _save_candidates(joined, doc, place.name)
        report.batch_id = next_batch_id(con)
        start_batch(con, report.batch_id, dataset=DATASET, reader=READER, source=doc.url or doc.id)
        lock_articles(store, con)
        counts = write_article_events(con, report.batch_id, doc.id, rows)
        report.stored, report.updated, report.unchanged, report.deleted = (
            counts.stored, counts.updated, counts.unchanged, counts.deleted)
        finish_batch(con, report.batch_id, counts)
    return report


def event_rows(findings: Findings, theatre: TheatreLike | None = None) -> list[dict[str, Any]]:
    """The article's events in the event model's columns, as they are stored (``batch_id`` unset).

    The country columns are the theatre's; ``notes`` is the sentence that reports the event.
    """
    place = as_theatre(theatre)
    doc = findings.document
    categories = {a.name: a.category for a in doc.actors}
    stamp = datetime.now(UTC).replace(tzinfo=None)
    rows = []
    for n, event in enumerate(doc.events, start=1):
        values = _event_values(doc, event, f"{doc.id}:{n}", categories, place)
        values.update(batch_id=None, revision=1, content_hash=content_hash(values), ingested_at=stamp)
        rows.append({c: values.get(c) for c in EVENT_COLUMN_NAMES})
    return rows


def content_hash(values: dict[str, Any]) -> str:
    """Hash of an article event's :data:`~ruydad.model.HASHED_COLUMNS` (a change of any makes a revision)."""
    return hashlib.sha1(repr([(c, str(values.get(c))) for c in HASHED_COLUMNS]).encode()).hexdigest()


def lock_articles(store: Any, con: Any) -> None:
    """On PostgreSQL, serialise writers of article events (two adds of one article at once would
    both see an event as new); DuckDB has one writing process already."""
    if getattr(store, "backend", "duckdb") == "postgres":
        from ruydad.store.postgres import dataset_lock

        dataset_lock(con, DATASET)


def write_article_events(con: Any, batch_id: int, document_id: str, rows: Sequence[dict[str, Any]]) -> EventCounts:
    """Bring the stored events of ``document_id`` to ``rows``, keeping every earlier version.

    Runs inside the caller's transaction (with :func:`lock_articles` taken on PostgreSQL).
    """
    stored = _stored_events(con, document_id)
    counts = EventCounts()
    revised: list[tuple[str, str]] = []
    writes: list[dict[str, Any]] = []
    for row in rows:
        key = str(row["dataset_event_id"])
        old = stored.pop(key, None)
        if old is None:
            counts.stored += 1
            writes.append({**row, "revision": 1})
        elif old["content_hash"] == row["content_hash"] or all(old[c] == row.get(c) for c in HASHED_COLUMNS):
            counts.unchanged += 1
        else:
            counts.updated += 1
            revised.append((key, "updated"))
            writes.append({**row, "revision": int(old["revision"] or 0) + 1})
    revised += [(key, "deleted") for key in stored]
    counts.deleted = len(stored)
    cols = ", ".join(EVENT_COLUMN_NAMES)
    for key, change in revised:
        con.execute(f"INSERT INTO event_revisions ({cols}, superseded_at, superseded_by_batch, change) "
                    f"SELECT {cols}, now(), ?, ? FROM events WHERE dataset = ? AND dataset_event_id = ?",
                    [batch_id, change, DATASET, key])
        con.execute("DELETE FROM events WHERE dataset = ? AND dataset_event_id = ?", [DATASET, key])
    if writes:
        marks = ", ".join("?" for _ in EVENT_COLUMN_NAMES)
        con.executemany(f"INSERT INTO events ({cols}) VALUES ({marks})",
                        [[{**w, "batch_id": batch_id}.get(c) for c in EVENT_COLUMN_NAMES] for w in writes])
    return counts


def _stored_events(con: Any, document_id: str) -> dict[str, dict[str, Any]]:
    """The stored events of one document, by id (``<document id>:<n>``, n a number: a document
    whose id starts with this one's is not mistaken for it)."""
    prefix = f"{document_id}:"
    columns = ("dataset_event_id", "revision", "content_hash", *HASHED_COLUMNS)
    found = con.execute(f"SELECT {', '.join(columns)} FROM events WHERE dataset = ? AND "
                        "substr(dataset_event_id, 1, ?) = ?", [DATASET, len(prefix), prefix]).fetchall()
    rows = (dict(zip(columns, r, strict=True)) for r in found)
    return {str(r["dataset_event_id"]): r for r in rows if str(r["dataset_event_id"])[len(prefix):].isdigit()}


class _JoinedStore:
    """A store whose ``transaction()`` joins the transaction already open on its connection."""

    def __init__(self, store: Any) -> None:
        self._store = store
        self.con = store.con
        self.path = store.path

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        yield self.con

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def _actor_ids(doc: Document) -> dict[str, str]:
    return {a.name: a.registry_id for a in doc.actors if a.registry_id}


def _save_claims(store: Any, doc: Document, theatre: str) -> tuple[int, int]:
    from ruydad.actors.claims import PREDICATES, ObjectKind, text_sha256, validate_claim
    from ruydad.actors.claims import Claim as StoredClaim
    from ruydad.actors.claims import Document as StoredDocument
    from ruydad.actors.store import save_claims

    ids = _actor_ids(doc)
    speakers = {s.name: s for s in doc.speakers}
    places = {p.name: p for p in doc.places}
    stored: list[Any] = []
    skipped = 0
    for claim in doc.claims:
        spec = PREDICATES.get(claim.predicate)
        if spec is None:
            skipped += 1
            continue
        kind = spec.object_kind
        speaker = speakers.get(claim.claimed_by or "")
        place = places.get(claim.object or "") if kind is ObjectKind.place else None
        candidate = StoredClaim(
            subject_text=claim.subject, predicate=claim.predicate, stance=claim.stance,
            subject_actor_id=ids.get(claim.subject),
            object_actor_id=ids.get(claim.object or "") if kind is ObjectKind.actor else None,
            object_text=claim.object if kind in (ObjectKind.actor, ObjectKind.place) else None,
            object_place_code=claim.object_admin1_code if kind is ObjectKind.place else None,
            object_place_pcode=place.admin2_pcode if place else None,
            object_value=claim.object if kind is ObjectKind.value else None,
            claimed_by_name=claim.claimed_by, claimed_by_role=speaker.role if speaker else None,
            claimed_by_actor_id=ids.get(speaker.affiliation or "") if speaker else None,
            claimed_on=doc.published, document_id=doc.id, sentence=claim.sentence, start_char=claim.start,
            end_char=claim.end, theatre=theatre, origin="extracted",
        )
        try:
            stored.append(validate_claim(candidate, doc.text))
        except Exception:  # a claim the vocabulary rejects (no object) is counted, not stored
            skipped += 1
    document = StoredDocument(id=doc.id, title=doc.title, url=doc.url, outlet=doc.source, published=doc.published,
                              language="en", text_sha256=text_sha256(doc.text), text_chars=len(doc.text),
                              theatre=theatre)
    store.con.execute("DELETE FROM claims WHERE document_id = ? AND origin = 'extracted'", [doc.id])
    return save_claims(store, stored, documents=[document]), skipped


def _save_candidates(store: Any, doc: Document, theatre: str) -> int:
    from ruydad.actors.resolve import candidate_actors
    from ruydad.actors.store import save_candidates

    return int(save_candidates(store, candidate_actors(doc.text, theatre), theatre=theatre, document_id=doc.id))


def _event_values(doc: Document, event: Event, event_id: str, categories: dict[str, str | None],
                  theatre: Theatre) -> dict[str, Any]:
    inter1 = categories.get(event.actor1 or "")
    inter2 = categories.get(event.actor2 or "")
    try:
        interaction = interaction_for(inter1, inter2)
    except KeyError:
        interaction = None
    place_kind = next((p.kind for p in doc.places if p.name == event.location), None)
    return {
        "event_id_cnty": event_id, "event_date": event.date, "year": event.date.year if event.date else None,
        "time_precision": _PRECISION.get(event.date_precision or "", 3),
        "disorder_type": disorder_type_of(event.event_type) if event.event_type else None,
        "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "actor1": event.actor1, "inter1": inter1, "actor2": event.actor2, "inter2": inter2,
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if event.event_type == "Violence against civilians" else None,
        "iso": theatre.numeric, "country": theatre.country, "admin1": event.admin1, "admin2": event.admin2,
        "location": event.location, "latitude": event.lat, "longitude": event.lon,
        "geo_precision": _GEO_PRECISION.get(place_kind or "", 3) if event.location else None,
        "source": doc.source or doc.url or doc.title, "source_scale": None, "notes": event.sentence,
        "fatalities": event.fatalities, "dataset": DATASET, "dataset_event_id": event_id,
        "event_date_end": event.date_end, "country_code": theatre.iso3, "admin1_code": event.admin1_code,
        "admin2_pcode": event.admin2_pcode,
        "tags": f"detained={event.detained}" if event.detained else None,
    }
