"""The embedded default's main job: load the bundled sample data into a store.

Used by ``ruydad demo`` (the README's first command). What the sample is belongs to the theatre:
its ``demo.yaml`` names the events file, the dataset it is in, and the founding article with its
date and title (the files themselves ship under ``ruydad/data/``). Loading is idempotent: running it
again re-ingests the same sample, which changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ruydad.errors import InputError
from ruydad.ingest import ingest_file
from ruydad.store import Store
from ruydad.theatres import DEFAULT_THEATRE, Theatre, TheatreLike, as_theatre


@dataclass(frozen=True)
class DemoSample:
    """A theatre's sample: events of one dataset and the article the project grew from."""

    events: Path
    dataset: str
    label: str
    article: Path
    published: str
    title: str


def _data_file(relative: str) -> Path:
    return Path(str(resources.files("ruydad") / "data" / relative))


def demo_sample(theatre: TheatreLike = DEFAULT_THEATRE) -> DemoSample:
    """The theatre's sample, as its ``demo.yaml`` names it."""
    t: Theatre = as_theatre(theatre)
    raw = t.data("demo.yaml")
    if not raw or "events" not in raw or "article" not in raw:
        raise InputError(f"theatre {t.name!r} has no sample to load: expected {t.path / 'demo.yaml'} naming "
                         "'events' (file, dataset, label) and 'article' (file, published, title)")
    events, article = raw["events"], raw["article"]
    return DemoSample(events=_data_file(str(events["file"])), dataset=str(events["dataset"]),
                      label=str(events.get("label", events["dataset"])), article=_data_file(str(article["file"])),
                      published=str(article["published"]), title=str(article.get("title", "")))


def sample_events_path(theatre: TheatreLike = DEFAULT_THEATRE) -> Path:
    return demo_sample(theatre).events


def sample_article_path(theatre: TheatreLike = DEFAULT_THEATRE) -> Path:
    return demo_sample(theatre).article


def load_demo(store: Store, theatre: TheatreLike = DEFAULT_THEATRE) -> list[str]:
    """Ingest the sample events and the theatre's curated claims; one line per step for the user."""
    from ruydad.actors import save_seed_claims

    t = as_theatre(theatre)
    sample = demo_sample(t)
    report = ingest_file(store, sample.events, sample.dataset)
    lines = [
        f"sample events ({sample.label}): read {report.rows_read}, stored {report.stored}, "
        f"unchanged {report.unchanged}, updated {report.updated}, rejected {report.rejected}",
    ]
    lines += [f"  warning: {w}" for w in report.warnings]
    seeded = save_seed_claims(store, t.name)
    lines.append(f"curated claims of the {t.name} theatre: {seeded.claims} claims from {seeded.documents} document(s)")
    lines.append(_add_founding_article(store, sample, t))
    return lines


def _add_founding_article(store: Store, sample: DemoSample, theatre: Theatre) -> str:
    """Read the article the project grew from and store what it reports (claims, events, actors)."""
    from ruydad.extract import load_document
    from ruydad.ingest.articles import add_article

    document = load_document(sample.article, published=sample.published)
    document.title = document.title or sample.title
    report = add_article(store, document, theatre=theatre.name)
    return (f"article {sample.article.name} (document {report.document_id}): {report.events} reported events, "
            f"{report.claims} claims, {report.candidates} candidate new actors stored")
