"""Claims, their documents and candidate actors in the store (tables of migration 0002).

Every function takes a :class:`ruydad.store.Store`; writes run in ``store.transaction()`` so a
batch of claims lands whole or not at all. Saving a claim again with the same id replaces it, which
makes loading a seed twice harmless.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from typing import Any

import pyarrow as pa

from ruydad.actors.claims import Claim, Document, predicate
from ruydad.actors.resolve import CandidateActor
from ruydad.actors.seed import load_seeds
from ruydad.store import Store

# Claim field -> claims column (the column names are the schema's, kept in the analyst's words).
_CLAIM_COLUMNS: dict[str, str] = {f.name: f.name for f in fields(Claim)} | {"id": "claim_id"}
_FIELD_BY_COLUMN = {column: name for name, column in _CLAIM_COLUMNS.items()}
CLAIM_COLUMNS: tuple[str, ...] = tuple(_CLAIM_COLUMNS.values())


def save_document(store: Store, document: Document) -> None:
    """Insert or replace one document row."""
    with store.transaction():
        _insert_document(store, document)


def _insert_document(store: Store, document: Document) -> None:
    store.upsert(
        "documents", ("document_id", "title", "url", "outlet", "published", "language", "text_sha256", "text_chars",
                      "path", "theatre"),
        [[document.id, document.title, document.url, document.outlet, document.published, document.language,
          document.text_sha256, document.text_chars, document.path, document.theatre]], now=("added_at",))


def save_claims(store: Store, claims: Iterable[Claim], documents: Sequence[Document] = ()) -> int:
    """Insert or replace claims (and the documents they cite); returns how many claims were written."""
    listed = list(claims)
    for claim in listed:
        predicate(claim.predicate)  # an unknown predicate fails before anything is written
    rows = [[getattr(c, name) for name in _CLAIM_COLUMNS] for c in listed]
    with store.transaction():
        for document in documents:
            _insert_document(store, document)
        store.upsert("claims", CLAIM_COLUMNS, rows, now=("created_at",))
    return len(rows)


@dataclass(frozen=True)
class SeedReport:
    documents: int
    claims: int


def save_seed_claims(store: Store, theatre: str) -> SeedReport:
    """Load every curated claim seed of the theatre into the store."""
    seeds = load_seeds(theatre)
    written = 0
    for seed in seeds:
        written += save_claims(store, seed.claims, [seed.document])
    return SeedReport(len(seeds), written)


@dataclass
class ClaimFilter:
    """Which claims to list. ``actor`` matches the subject or the object; ``claimed_by`` the claimant."""

    actor: str | None = None
    predicate: str | None = None
    claimed_by: str | None = None
    document_id: str | None = None
    stance: str | None = None
    theatre: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses, params = [], []
        if self.actor:
            clauses.append("(subject_actor_id = ? OR object_actor_id = ?)")
            params += [self.actor, self.actor]
        for column, value in (("predicate", self.predicate), ("claimed_by_actor_id", self.claimed_by),
                              ("document_id", self.document_id), ("stance", self.stance),
                              ("theatre", self.theatre)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        return (" AND ".join(clauses) or "TRUE"), params


def claims_table(store: Store, filters: ClaimFilter | None = None, /, **filter_args: Any) -> pa.Table:
    """Claims as an Arrow table, in document order (document, offset, id).

    Filters come as a :class:`ClaimFilter` or as its fields by keyword: ``claims_table(store, actor="nrf")``.
    """
    if filters is not None and filter_args:
        raise TypeError("give filters either as a ClaimFilter or as keywords, not both")
    filters = filters or ClaimFilter(**filter_args)
    where, params = filters.where()
    sql = (f"SELECT {', '.join(CLAIM_COLUMNS)} FROM claims WHERE {where} "
           "ORDER BY document_id NULLS LAST, start_char NULLS LAST, claim_id")
    return store.con.execute(sql, params).arrow().read_all()


def load_claims(store: Store, filters: ClaimFilter | None = None, /, **filter_args: Any) -> list[Claim]:
    """Claims as :class:`Claim` objects (same filters as :func:`claims_table`)."""
    return claims_from_table(claims_table(store, filters, **filter_args))


def claims_from_table(table: pa.Table) -> list[Claim]:
    """:class:`Claim` objects from rows of the claims table (as :func:`claims_table` returns them)."""
    return [Claim(**{_FIELD_BY_COLUMN[k]: v for k, v in row.items() if k in _FIELD_BY_COLUMN})
            for row in table.to_pylist()]


def documents_table(store: Store) -> pa.Table:
    return store.con.execute("SELECT * FROM documents ORDER BY document_id").arrow().read_all()


def _candidate_id(theatre: str, normalized: str, document_id: str | None) -> str:
    return "cand-" + hashlib.sha1(f"{theatre}\x1f{normalized}\x1f{document_id or ''}".encode()).hexdigest()[:16]


def save_candidates(store: Store, candidates: Iterable[CandidateActor], *, theatre: str,
                    document_id: str | None = None) -> int:
    """Record candidate new actors for review; an already recorded one keeps its review status."""
    rows = [[_candidate_id(theatre, c.normalized_name, document_id), theatre, c.name, c.normalized_name,
             c.acronym, document_id, c.start, c.end, c.count] for c in candidates]
    with store.transaction() as con:
        for row in rows:
            con.execute(
                "INSERT INTO candidate_actors (candidate_id, theatre, name, normalized_name, acronym, "
                "document_id, start_char, end_char, mentions, status, first_seen_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', now()) "
                "ON CONFLICT (candidate_id) DO UPDATE SET mentions = excluded.mentions", row)
    return len(rows)


def candidates_table(store: Store, status: str | None = None) -> pa.Table:
    sql = "SELECT * FROM candidate_actors"
    params: list[Any] = []
    if status:
        sql += " WHERE status = ?"
        params.append(status)
    return store.con.execute(sql + " ORDER BY first_seen_at, name", params).arrow().read_all()
