"""Article extraction: from a news article to sourced, geo-referenced actors, places, quotes,
claims, statistics and events, each with its sentence and character offsets.

The pipeline (:class:`Pipeline`) is a sequence of named steps over one :class:`Document`:
clean, sentences (spaCy, once per document), dates, actors, places, quotes, claims, statistics,
events; each step's module docstring says how it works. Public surface:

- :func:`extract` one text or document -> :class:`Extraction` (``.to_dict()`` is the JSON contract);
- :func:`extract_many` a stream of documents (spaCy's ``nlp.pipe`` underneath), output in order;
- :func:`load_document` a path, URL or ``-``; :func:`read_jsonl` a JSONL batch;
- :func:`add_article` extraction stored in one transaction (document, claims, events);
- :func:`classify` / :func:`classify_many` the event-type classifier.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache

from ruydad.errors import RuydadError
from ruydad.extract.document import (
    Actor,
    Claim,
    DateExpression,
    Document,
    Event,
    Extraction,
    Mention,
    Place,
    Quote,
    Sentence,
    Speaker,
    Statistic,
)
from ruydad.extract.load import from_html, from_text, load_document, parse_published, read_jsonl
from ruydad.extract.pipeline import STEP_ORDER, Pipeline, Step
from ruydad.extract.store import AddArticleReport, add_article

try:
    from ruydad.extract.classify import Classification, classify, classify_many
except ImportError:  # pragma: no cover - the classifier ships with the package
    pass


@cache
def default_pipeline() -> Pipeline:
    """The default pipeline, built once per process (spaCy and the gazetteer load lazily)."""
    return Pipeline()


def _as_document(item: str | Document, published: str | date | None) -> Document:
    doc = item if isinstance(item, Document) else from_text(item)
    pub = parse_published(published)
    if pub is not None:
        doc.published = pub
        doc.published_from = "option"
    return doc


def extract(item: str | Document, published: str | date | None = None, *,
            pipeline: Pipeline | None = None) -> Extraction:
    """Everything the pipeline finds in one article (plain text or a loaded :class:`Document`).

    ``published`` (a date or YYYY-MM-DD) overrides any date from metadata or a dateline; relative
    dates ("yesterday") are resolved against it.
    """
    doc = _as_document(item, published)
    return Extraction((pipeline or default_pipeline())(doc))


def extract_many(items: Iterable[str | Document], published: str | date | None = None, *,
                 pipeline: Pipeline | None = None, batch_size: int = 64,
                 errors: str = "raise") -> Iterator[Extraction]:
    """Extractions for many documents, in input order, with spaCy batching.

    With ``errors="report"`` a document that cannot be processed (too long, binary) yields an
    :class:`Extraction` whose ``error`` says why, and the batch goes on.
    """
    pipe = pipeline or default_pipeline()
    docs = (_as_document(item, published) for item in items)
    if errors == "raise":
        for doc in pipe.pipe(docs, batch_size=batch_size):
            yield Extraction(doc)
        return
    clean = pipe.get("clean")
    rest = Pipeline([s for s in pipe.steps if s.name != "clean"])
    pending: list[Document] = []
    for doc in docs:
        try:
            clean(doc)
        except RuydadError as exc:
            yield from (Extraction(d) for d in rest.pipe(pending, batch_size=batch_size))
            pending = []
            yield Extraction(doc, error=str(exc))
            continue
        pending.append(doc)
        if len(pending) >= batch_size:
            yield from (Extraction(d) for d in rest.pipe(pending, batch_size=batch_size))
            pending = []
    yield from (Extraction(d) for d in rest.pipe(pending, batch_size=batch_size))


__all__ = [
    "STEP_ORDER",
    "Actor",
    "AddArticleReport",
    "Claim",
    "Classification",
    "DateExpression",
    "Document",
    "Event",
    "Extraction",
    "Mention",
    "Pipeline",
    "Place",
    "Quote",
    "Sentence",
    "Speaker",
    "Statistic",
    "Step",
    "add_article",
    "classify",
    "classify_many",
    "default_pipeline",
    "extract",
    "extract_many",
    "from_html",
    "from_text",
    "load_document",
    "read_jsonl",
]
