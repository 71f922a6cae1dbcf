"""``ruydad extract``, ``ruydad add-article`` and ``ruydad classify``: articles and texts in, JSON out.

``extract`` is :func:`ruydad.extract.extract` (or :func:`~ruydad.extract.extract_many` with
``--jsonl``) and prints one JSON object per document (the output contract of
:meth:`~ruydad.extract.Findings.to_dict`); with ``--jsonl`` it reads ``{"id", "text",
"published"?}`` lines and writes one line per input line, in order, with the same id (a line that
cannot be processed gets an ``error`` field instead of failing the batch). ``add-article`` is
:func:`ruydad.ingest.articles.add_article`. ``classify`` is
:func:`ruydad.extract.classify.classify_many` (or :func:`~ruydad.extract.classify.classify_jsonl`).

Two input forms for ``classify``, because the two users differ: someone pasting one article
pipes it in as plain text; a pipeline wants JSON Lines in and out, one record per text, in order.
spaCy and the classifier load when a command runs, not for ``--help``.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from ruydad.cli.common import open_cli_store, run_guarded
from ruydad.cli.options import DbOption, OptionalTheatreOption
from ruydad.errors import InputError

SourceArgument = Annotated[str, typer.Argument(help="Text or HTML file, http(s) URL, or - for stdin.")]
PublishedOption = Annotated[
    str | None, typer.Option("--published", help="Publication date YYYY-MM-DD (overrides metadata and dateline).")
]


def _dump(obj: dict[str, Any], pretty: bool) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None)


def extract_command(
    source: SourceArgument,
    published: PublishedOption = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Input is JSONL: one {id, text, published?} per line.")]
    = False,
    pretty: Annotated[bool, typer.Option("--pretty", help="Indent the JSON (single documents).")] = False,
    theatre: OptionalTheatreOption = None,
) -> None:
    """Extract actors, places, quotes, claims, statistics and events from an article, as JSON."""
    from ruydad.extract import extract, extract_many, load_document, parse_published, read_jsonl

    def body() -> None:
        if not jsonl:
            doc = load_document(source, published=published)
            typer.echo(_dump(extract(doc, published, theatre=theatre).to_dict(), pretty))
            return
        pub = parse_published(published)
        if source == "-":
            lines: Any = sys.stdin
        else:
            path = Path(source)
            if not path.is_file():
                raise InputError(f"{path}: no such file")
            lines = path.open(encoding="utf-8")
        for extraction in extract_many(read_jsonl(lines, published=pub), theatre=theatre, errors="report"):
            typer.echo(_dump(extraction.to_dict(), False))

    run_guarded(body)


def add_article_command(
    source: SourceArgument,
    published: PublishedOption = None,
    db: DbOption = None,
    theatre: OptionalTheatreOption = None,
    document_id: Annotated[str | None, typer.Option(
        "--id", help="Document id (default: a hash of the text). Add a corrected text under the same id: "
                     "its changed events are revised, earlier versions kept (ruydad history article ID:N).")]
    = None,
) -> None:
    """Extract an article and store its document, claims and reported events (all or nothing)."""
    from ruydad.extract import load_document
    from ruydad.ingest.articles import add_article

    def body() -> None:
        doc = load_document(source, published=published, id=document_id)
        with open_cli_store(db=db) as store:
            report = add_article(store, doc, published, theatre=theatre)
        typer.echo(f"stored {report.document_id}: {report.events} events ({report.stored} new, {report.updated} "
                   f"revised, {report.unchanged} unchanged, {report.deleted} no longer reported), "
                   f"{report.claims} claims ({report.claims_skipped} skipped), {report.candidates} candidate "
                   f"actors, batch {report.batch_id}")

    run_guarded(body)


@contextmanager
def _open_input(path: Path | None) -> Iterator[tuple[IO[str], str]]:
    """The input stream and its id for plain-text mode. Undecodable bytes become U+FFFD instead of a
    crash, because a scraped article with one bad byte is still worth classifying."""
    if path is None or str(path) == "-":
        buffer = getattr(sys.stdin, "buffer", None)
        if buffer is None:  # stdin replaced by a text-only stream (some test runners, embedding)
            yield sys.stdin, "stdin"
            return
        wrapper = io.TextIOWrapper(buffer, encoding="utf-8", errors="replace")
        try:
            yield wrapper, "stdin"
        finally:
            wrapper.detach()  # leave sys.stdin open for the caller
        return
    if not path.is_file():
        raise InputError(f"{path}: no such file; give a text file, a JSON Lines file with --jsonl, or '-'")
    with path.open(encoding="utf-8", errors="replace") as stream:
        yield stream, str(path)


def classify_command(
    path: Annotated[
        Path | None,
        typer.Argument(help="Text file to classify; '-' or nothing reads standard input."),
    ] = None,
    jsonl: Annotated[
        bool,
        typer.Option("--jsonl", help='Input is JSON Lines {"id", "text"}: classify each line.'),
    ] = False,
) -> None:
    """Classify news text into an ACLED event type and sub-event type (or a non-ACLED class).

    Plain text input is one text; the output is one JSON line with id "stdin" or the file name.
    """
    from ruydad.extract.classify import classify_jsonl, classify_many, output_record

    def body() -> None:
        with _open_input(path) as (stream, source_id):
            if jsonl:
                for record in classify_jsonl(stream):
                    typer.echo(json.dumps(record, ensure_ascii=False))
            else:
                result = classify_many([stream.read()])[0]
                typer.echo(json.dumps(output_record(source_id, result), ensure_ascii=False))

    run_guarded(body)


def register(target: typer.Typer) -> None:
    """Mount the article commands on the root app."""
    target.command("extract", help="Read an article (file, URL, - or JSONL) and print what it reports, as JSON.")(
        extract_command)
    target.command("add-article", help="Extract an article and store its document, claims and events.")(
        add_article_command)
    target.command("classify", help="Classify event texts into ACLED event/sub-event types (or non-ACLED "
                                    "classes).")(classify_command)
