"""``add_article``: store what the pipeline found in one article, in one transaction.

The document and its claims go through the actors package's persistence functions
(:func:`ruydad.actors.store.save_claims`, ``save_candidates``; tables of migration 0002), so
extracted claims sit beside seeded and manual ones under the same rules. The reported events go
into the ``events`` table like a dataset's: ``dataset='article'``, ``dataset_event_id =
'<document id>:<n>'``, with the event model's columns (ACLED's names) and an ingest batch row
that says where they came from. Adding the same article again replaces its events and
extracted claims instead of duplicating them.

Everything runs inside one ``store.transaction()``: the actors package's functions open their
own transaction, so they are handed a view of the store whose ``transaction()`` joins the one
already open. If any part fails, nothing of the article is stored.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from ruydad.extract.document import Document, Event, Extraction
from ruydad.model import EVENT_COLUMN_NAMES
from ruydad.taxonomy import disorder_type_of, interaction_for

DATASET = "article"
_PRECISION = {"day": 1, "week": 2, "month": 3}
_GEO_PRECISION = {"village": 1, "town": 1, "city": 1, "admin2": 2, "valley": 2, "admin1": 3}


@dataclass
class AddArticleReport:
    """What ``add_article`` stored."""

    document_id: str
    events: int = 0
    claims: int = 0
    claims_skipped: int = 0
    candidates: int = 0
    batch_id: int | None = None
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


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


def add_article(store: Any, item: Extraction | Document | str, published: str | date | None = None, *,
                theatre: str | None = None) -> AddArticleReport:
    """Extract (unless given an :class:`Extraction`) and store one article: document, claims,
    candidate actors and events, all or nothing."""
    from ruydad.extract import extract

    extraction = item if isinstance(item, Extraction) else extract(item, published)
    doc = extraction.document
    theatre_name, country, iso3, numeric = _theatre(theatre)
    report = AddArticleReport(document_id=doc.id)
    with store.transaction() as con:
        joined = _JoinedStore(store)
        report.claims, report.claims_skipped = _save_claims(joined, doc, theatre_name)
        report.candidates = _save_candidates(joined, doc, theatre_name)
        report.batch_id = _new_batch(con, doc)
        report.events = _save_events(con, doc, report.batch_id, country, iso3, numeric)
        con.execute("UPDATE ingest_batches SET finished_at = now(), status = 'done', rows_read = ?, "
                    "rows_stored = ? WHERE batch_id = ?", [report.events, report.events, report.batch_id])
    return report


def _theatre(theatre: str | None) -> tuple[str, str | None, str | None, int | None]:
    try:
        from ruydad.theatres import DEFAULT_THEATRE, theatre_info

        info = theatre_info(theatre or DEFAULT_THEATRE)
        return info.name, info.country, info.iso3, info.numeric
    except Exception:  # a store write does not need the theatre's metadata to be valid
        return theatre or "afghanistan", None, None, None


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
    try:
        from ruydad.actors.resolve import candidate_actors
        from ruydad.actors.store import save_candidates
    except ImportError:
        return 0
    return int(save_candidates(store, candidate_actors(doc.text, theatre), theatre=theatre, document_id=doc.id))


def _new_batch(con: Any, doc: Document) -> int:
    row = con.execute("SELECT nextval('batch_id_seq')").fetchone()
    batch_id = int(row[0])
    con.execute("INSERT INTO ingest_batches (batch_id, dataset, reader, source, started_at, status) "
                "VALUES (?, ?, 'extract', ?, now(), 'running')", [batch_id, DATASET, doc.url or doc.id])
    return batch_id


def _save_events(con: Any, doc: Document, batch_id: int, country: str | None, iso3: str | None,
                 numeric: int | None) -> int:
    con.execute("DELETE FROM events WHERE dataset = ? AND dataset_event_id LIKE ?", [DATASET, f"{doc.id}:%"])
    categories = {a.name: a.category for a in doc.actors}
    rows = []
    for n, event in enumerate(doc.events, start=1):
        values = _event_row(doc, event, n, batch_id, categories, country, iso3, numeric)
        rows.append([values.get(c) for c in EVENT_COLUMN_NAMES])
    if rows:
        marks = ", ".join("?" for _ in EVENT_COLUMN_NAMES)
        con.executemany(f"INSERT INTO events ({', '.join(EVENT_COLUMN_NAMES)}) VALUES ({marks})", rows)
    return len(rows)


def _event_row(doc: Document, event: Event, n: int, batch_id: int, categories: dict[str, str | None],
               country: str | None, iso3: str | None, numeric: int | None) -> dict[str, Any]:
    inter1 = categories.get(event.actor1 or "")
    inter2 = categories.get(event.actor2 or "")
    try:
        interaction = interaction_for(inter1, inter2)
    except KeyError:
        interaction = None
    event_id = f"{doc.id}:{n}"
    place_kind = next((p.kind for p in doc.places if p.name == event.location), None)
    values: dict[str, Any] = {
        "event_id_cnty": event_id, "event_date": event.date, "year": event.date.year if event.date else None,
        "time_precision": _PRECISION.get(event.date_precision or "", 3),
        "disorder_type": disorder_type_of(event.event_type) if event.event_type else None,
        "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "actor1": event.actor1, "inter1": inter1, "actor2": event.actor2, "inter2": inter2,
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if event.event_type == "Violence against civilians" else None,
        "iso": numeric, "country": country, "admin1": event.admin1, "admin2": event.admin2,
        "location": event.location, "latitude": event.lat, "longitude": event.lon,
        "geo_precision": _GEO_PRECISION.get(place_kind or "", 3) if event.location else None,
        "source": doc.source or doc.url or doc.title, "source_scale": None, "notes": event.sentence,
        "fatalities": event.fatalities, "dataset": DATASET, "dataset_event_id": event_id,
        "event_date_end": event.date_end, "country_code": iso3, "admin1_code": event.admin1_code,
        "admin2_pcode": event.admin2_pcode, "batch_id": batch_id, "revision": 1,
        "tags": f"detained={event.detained}" if event.detained else None,
    }
    digest = hashlib.sha1(repr(sorted((k, str(v)) for k, v in values.items() if k != "batch_id")).encode())
    values["content_hash"] = digest.hexdigest()
    values["ingested_at"] = datetime.now(UTC).replace(tzinfo=None)
    return values
