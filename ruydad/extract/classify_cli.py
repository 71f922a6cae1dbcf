"""``ruydad classify``: the event classifier as a command, a thin face over :mod:`ruydad.extract.classify`.

Two input forms, because the two users differ: someone pasting one article wants to pipe it in as
plain text; a pipeline wants JSON Lines in and out, one record per text, in the same order, so that
outputs can be zipped back onto inputs by line as well as by id.

Output lines carry ``id``, ``event_type``, ``sub_event_type`` and ``confidence`` (the fields of
:class:`~ruydad.extract.classify.Classification` a downstream table needs); the CASE code and cues are
in the Python API. A bad JSON Lines line is an :class:`~ruydad.errors.InputError` naming its line
number; lines are classified in chunks, so output for earlier chunks may already have been written.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from ruydad.errors import InputError, RuydadError
from ruydad.extract.classify import Classification, classify_many

CHUNK = 512
"""Texts classified per batch in JSON Lines mode: large enough to amortise the model call, small
enough that a long stream starts producing output at once."""


def output_record(record_id: Any, result: Classification) -> dict[str, Any]:
    """The JSON object written for one classified text."""
    return {
        "id": record_id,
        "event_type": result.event_type,
        "sub_event_type": result.sub_event_type,
        "confidence": result.confidence,
    }


def parse_jsonl_line(line: str, number: int) -> tuple[Any, str] | None:
    """(id, text) from one input line; None for a blank line; InputError naming the line otherwise."""
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"line {number}: not valid JSON ({exc.msg}); expected {{\"id\": ..., \"text\": ...}}"
                         ) from None
    if not isinstance(record, dict):
        raise InputError(f"line {number}: expected a JSON object with \"id\" and \"text\", "
                         f"got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(f"line {number}: \"text\" must be a string, got {type(text).__name__}")
    record_id = record.get("id")
    if isinstance(record_id, dict | list):
        raise InputError(f"line {number}: \"id\" must be a string, number or null")
    return record_id, text


def classify_jsonl(lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    """Classify JSON Lines records ``{"id", "text"}`` in order, yielding one output record each."""
    batch: list[tuple[Any, str]] = []
    for number, line in enumerate(lines, start=1):
        parsed = parse_jsonl_line(line, number)
        if parsed is not None:
            batch.append(parsed)
        if len(batch) >= CHUNK:
            yield from _classify_batch(batch)
            batch = []
    yield from _classify_batch(batch)


def _classify_batch(batch: list[tuple[Any, str]]) -> Iterator[dict[str, Any]]:
    if not batch:
        return
    results = classify_many(text for _, text in batch)
    for (record_id, _), result in zip(batch, results, strict=True):
        yield output_record(record_id, result)


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
    try:
        with _open_input(path) as (stream, source_id):
            if jsonl:
                for record in classify_jsonl(stream):
                    typer.echo(json.dumps(record, ensure_ascii=False))
            else:
                result = classify_many([stream.read()])[0]
                typer.echo(json.dumps(output_record(source_id, result), ensure_ascii=False))
    except RuydadError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
