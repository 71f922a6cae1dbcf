"""The embedded default's main job: load the bundled sample data into a store.

Used by ``ruydad demo`` (the README's first command). Loading is idempotent: running it again
re-ingests the same sample, which changes nothing.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ruydad.ingest import ingest_file
from ruydad.store import Store


def sample_events_path() -> Path:
    return Path(str(resources.files("ruydad") / "data" / "sample" / "ucdp_aec_afghanistan.csv"))


def sample_article_path() -> Path:
    return Path(str(resources.files("ruydad") / "data" / "articles" / "newsweek-2022-08-30-afghan-rebel-groups.txt"))


def load_demo(store: Store, theatre: str = "afghanistan") -> list[str]:
    """Ingest the sample events and the theatre's curated claims; one line per step for the user."""
    from ruydad.actors import save_seed_claims

    report = ingest_file(store, sample_events_path(), "ucdp")
    lines = [
        f"sample events (UCDP GED via UCDP-AEC): read {report.rows_read}, stored {report.stored}, "
        f"unchanged {report.unchanged}, updated {report.updated}, rejected {report.rejected}",
    ]
    lines += [f"  warning: {w}" for w in report.warnings]
    seeded = save_seed_claims(store, theatre)
    lines.append(f"curated claims of the {theatre} theatre: {seeded.claims} claims from {seeded.documents} document(s)")
    lines.append(_add_founding_article(store))
    return lines


def _add_founding_article(store: Store) -> str:
    """Read the article the project grew from and store what it reports (claims, events, actors)."""
    from ruydad.extract import add_article, load_document

    document = load_document(sample_article_path(), published="2022-08-30")
    document.title = document.title or "A Year After U.S. Exit, Afghan Rebel Groups Are Waging War on Taliban Rule"
    report = add_article(store, document)
    return (f"article {sample_article_path().name} (document {report.document_id}): {report.events} reported events, "
            f"{report.claims} claims, {report.candidates} candidate new actors stored")
