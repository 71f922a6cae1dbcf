"""``ruydad extract`` and ``ruydad add-article``: thin faces over :func:`ruydad.extract.extract`,
:func:`~ruydad.extract.extract_many` and :func:`~ruydad.ingest.add_article`.

The lead mounts the two functions on the main app (``app.command("extract")(extract_command)``).
``extract`` prints one JSON object per document (the output contract of
:meth:`~ruydad.extract.Findings.to_dict`); with ``--jsonl`` it reads ``{"id", "text",
"published"?}`` lines and writes one line per input line, in order, with the same id (a line
that cannot be processed gets an ``error`` field instead of failing the batch).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from ruydad.errors import InputError, RuydadError

SourceArgument = Annotated[str, typer.Argument(help="Text or HTML file, http(s) URL, or - for stdin.")]
PublishedOption = Annotated[
    str | None, typer.Option("--published", help="Publication date YYYY-MM-DD (overrides metadata and dateline).")
]


def _fail(exc: RuydadError) -> None:
    typer.echo(f"error: {exc}", err=True)
    raise typer.Exit(1)


def _dump(obj: dict[str, Any], pretty: bool) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None)


def extract_command(
    source: SourceArgument,
    published: PublishedOption = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Input is JSONL: one {id, text, published?} per line.")]
    = False,
    pretty: Annotated[bool, typer.Option("--pretty", help="Indent the JSON (single documents).")] = False,
) -> None:
    """Extract actors, places, quotes, claims, statistics and events from an article, as JSON."""
    from ruydad.extract import extract, extract_many, load_document, parse_published, read_jsonl

    try:
        if jsonl:
            pub = parse_published(published)
            if source == "-":
                lines: Any = sys.stdin
            else:
                path = Path(source)
                if not path.is_file():
                    raise InputError(f"{path}: no such file")
                lines = path.open(encoding="utf-8")
            for extraction in extract_many(read_jsonl(lines, published=pub), errors="report"):
                typer.echo(_dump(extraction.to_dict(), False))
            return
        doc = load_document(source, published=published)
        typer.echo(_dump(extract(doc, published).to_dict(), pretty))
    except RuydadError as exc:
        _fail(exc)


def add_article_command(
    source: SourceArgument,
    published: PublishedOption = None,
    db: Annotated[Path | None, typer.Option("--db", help="Store file (default: the ruydad --db/RUYDAD_DB store).")]
    = None,
    theatre: Annotated[str | None, typer.Option(help="Theatre of the article (default: the default theatre).")]
    = None,
) -> None:
    """Extract an article and store its document, claims and reported events (all or nothing)."""
    from ruydad.extract import extract, load_document
    from ruydad.ingest.articles import add_article
    from ruydad.store import open_store

    try:
        doc = load_document(source, published=published)
        extraction = extract(doc, published)
        target: str | Path
        if db is None:
            from ruydad.cli import db_path

            target = db_path()  # the top-level --db / RUYDAD_DB store (a file or a URL)
        else:
            target = db
        store = open_store(target)
        try:
            report = add_article(store, extraction, theatre=theatre)
        finally:
            store.close()
    except RuydadError as exc:
        _fail(exc)
        return
    typer.echo(f"stored {report.document_id}: {report.events} events, {report.claims} claims "
               f"({report.claims_skipped} skipped), {report.candidates} candidate actors, batch {report.batch_id}")
