"""Article extraction: from a news article to sourced, geo-referenced actors, places, quotes,
claims, statistics and events, each with its sentence and character offsets.

Extraction only reads: nothing in this package writes to a store (storing an article, its
claims and its events is :func:`ruydad.ingest.articles.add_article`). Every face (the CLI, the web
extraction workers, the news watch, the Spark job) calls the one entry point, :func:`extract`, or
its batch form :func:`extract_many`.

The pipeline (:class:`Pipeline`) is a sequence of named steps over one :class:`Document`:
clean, sentences (spaCy, once per document), dates, actors, places, quotes, claims, statistics,
events, causes (which drops the deaths a text puts down to nature, an accident, disease or a private
quarrel); each step's module docstring says how it works. It is built for one theatre
(:mod:`ruydad.theatres`), whose registry and gazetteer the steps read. Public surface:

- :func:`extract` one text or document -> :class:`Findings` (``.to_dict()`` is the JSON contract);
- :func:`extract_many` a stream of documents (spaCy's ``nlp.pipe`` underneath), output in order;
- :func:`load_document` a path, URL or ``-``; :func:`read_jsonl` a JSONL batch;
- :func:`classify` / :func:`classify_many` the event-type classifier.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache

from ruydad.errors import RuydadError
from ruydad.extract.classify import Classification, classify, classify_many
from ruydad.extract.document import (
    Actor,
    Claim,
    DateExpression,
    Document,
    Event,
    Findings,
    Mention,
    Place,
    Quote,
    Sentence,
    Speaker,
    Statistic,
)
from ruydad.extract.load import from_html, from_text, load_document, parse_published, read_jsonl
from ruydad.extract.pipeline import STEP_ORDER, Pipeline, Step
from ruydad.theatres import TheatreLike, theatre_name


def default_pipeline(theatre: TheatreLike | None = None) -> Pipeline:
    """The default pipeline for ``theatre`` (the default theatre when None), built once per process
    and theatre (spaCy and the gazetteer load lazily, on the first document)."""
    return _pipeline_for(theatre_name(theatre))


@cache
def _pipeline_for(theatre: str) -> Pipeline:
    return Pipeline(theatre=theatre)


def _as_document(item: str | Document, published: str | date | None) -> Document:
    doc = item if isinstance(item, Document) else from_text(item)
    pub = parse_published(published)
    if pub is not None:
        doc.published = pub
        doc.published_from = "option"
    return doc


def extract(item: str | Document, published: str | date | None = None, *, theatre: TheatreLike | None = None,
            pipeline: Pipeline | None = None) -> Findings:
    """Everything the pipeline finds in one article (plain text or a loaded :class:`Document`).

    ``published`` (a date or YYYY-MM-DD) overrides any date from metadata or a dateline; relative
    dates ("yesterday") are resolved against it. ``theatre`` (a :class:`~ruydad.theatres.Theatre`
    or its name) is the country the article is read against; ``pipeline`` a pipeline of one's own
    (which carries its theatre).
    """
    doc = _as_document(item, published)
    return Findings(_pipeline(pipeline, theatre)(doc))


def _pipeline(pipeline: Pipeline | None, theatre: TheatreLike | None) -> Pipeline:
    if pipeline is None:
        return default_pipeline(theatre)
    if theatre is not None and theatre_name(theatre) != pipeline.theatre.name:
        raise ValueError(f"the pipeline was built for theatre {pipeline.theatre.name!r}, not "
                         f"{theatre_name(theatre)!r}; pass one or the other")
    return pipeline


def extract_many(items: Iterable[str | Document], published: str | date | None = None, *,
                 theatre: TheatreLike | None = None, pipeline: Pipeline | None = None, batch_size: int = 64,
                 errors: str = "raise") -> Iterator[Findings]:
    """Findings for many documents, in input order, with spaCy batching.

    With ``errors="report"`` a document that cannot be processed (too long, binary) yields
    :class:`Findings` whose ``error`` says why, and the batch goes on.
    """
    pipe = _pipeline(pipeline, theatre)
    docs = (_as_document(item, published) for item in items)
    if errors == "raise":
        for doc in pipe.pipe(docs, batch_size=batch_size):
            yield Findings(doc)
        return
    clean = pipe.get("clean")
    rest = Pipeline([s for s in pipe.steps if s.name != "clean"], theatre=pipe.theatre)
    pending: list[Document] = []
    for doc in docs:
        try:
            clean(doc)
        except RuydadError as exc:
            yield from (Findings(d) for d in rest.pipe(pending, batch_size=batch_size))
            pending = []
            yield Findings(doc, error=str(exc))
            continue
        pending.append(doc)
        if len(pending) >= batch_size:
            yield from (Findings(d) for d in rest.pipe(pending, batch_size=batch_size))
            pending = []
    yield from (Findings(d) for d in rest.pipe(pending, batch_size=batch_size))


__all__ = [
    "STEP_ORDER",
    "Actor",
    "Claim",
    "Classification",
    "DateExpression",
    "Document",
    "Event",
    "Findings",
    "Mention",
    "Pipeline",
    "Place",
    "Quote",
    "Sentence",
    "Speaker",
    "Statistic",
    "Step",
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
