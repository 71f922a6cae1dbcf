"""Dataset ingestion: ACLED and UCDP exports and APIs into the event store.

Public surface: :func:`ingest_file` for CSV exports, :func:`ingest_ucdp_json` for saved UCDP
API pages, :func:`delete_events` for withdrawn events, :func:`add_article` for what extraction
found in an article (:mod:`ruydad.ingest.articles`), the API clients, and the registries
(:func:`register_reader`, :func:`register_enricher`) through which new datasets and derived
columns plug in.
"""

from ruydad.ingest.articles import AddArticleReport, add_article
from ruydad.ingest.files import ingest_ucdp_json, read_deleted_ids, ucdp_records_from_json
from ruydad.ingest.pipeline import (
    IngestReport,
    delete_events,
    ingest_file,
    register_enricher,
)
from ruydad.ingest.readers import READERS, Reader, register_reader

__all__ = [
    "READERS",
    "AddArticleReport",
    "IngestReport",
    "Reader",
    "add_article",
    "delete_events",
    "ingest_file",
    "ingest_ucdp_json",
    "read_deleted_ids",
    "register_enricher",
    "register_reader",
    "ucdp_records_from_json",
]


def _register_default_enrichers() -> None:
    """Admin codes from the theatre gazetteers fill every ingested event (see ruydad.geo.enrich)."""
    from ruydad.geo.enrich import fill_admin_codes

    register_enricher(fill_admin_codes)


_register_default_enrichers()
