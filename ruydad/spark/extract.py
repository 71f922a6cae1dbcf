"""Article extraction over a corpus as a Spark job.

The corpus (JSONL or Parquet with ``text`` and optionally ``id``, ``title``, ``source``, ``url``,
``published``, ``theatre``) is split into partitions; each partition goes through ``mapInArrow`` to
a Python worker that runs :func:`ruydad.extract.extract_many` with the worker's one pipeline per
theatre (:func:`ruydad.extract.default_pipeline` is cached per process and theatre, and Spark
reuses Python workers, so spaCy and the gazetteers load once per worker, not once per document or
batch). Each document is read against its record's ``theatre`` (the news watch writes its
source's), else the job's (``--theatre``), else the default theatre; its events carry that
theatre's country.

Why ``mapInArrow`` rather than ``mapInPandas``: a document's result is nested (lists of events,
claims and statistics); Arrow carries those lists of structs as they are, where pandas would turn
them into object columns and back. The job writes each document's nested result once to
``OUTPUT/_extractions`` and then splits it into four Parquet datasets, so the extraction runs once
however many tables are written:

- ``documents``: one row per input document (counts of what was found, ``error`` when it failed);
- ``events``: the reported events in the event model's columns (``dataset = 'article'``, the rows
  :func:`ruydad.ingest.articles.add_article` stores: :func:`ruydad.ingest.articles.event_rows`)
  plus ``document_id``, ``start_char``, ``end_char``;
  an events table the analysis can read (:func:`ruydad.spark.analysis_from_parquet`);
- ``claims`` and ``statistics``: the extraction's JSON contract, one row each, with ``document_id``.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import partial
from itertools import groupby
from pathlib import Path
from typing import Any

import pyarrow as pa

from ruydad.errors import InputError, RuydadError
from ruydad.model import EVENT_COLUMNS
from ruydad.store.postgres import ARROW_BY_SQL_TYPE
from ruydad.theatres import TheatreLike, as_theatre, theatre_name

CORPUS_COLUMNS = ("id", "text", "title", "source", "url", "published", "theatre")

DOCUMENT_FIELDS = [
    pa.field("document_id", pa.string()), pa.field("title", pa.string()), pa.field("published", pa.date32()),
    pa.field("source", pa.string()), pa.field("url", pa.string()), pa.field("chars", pa.int64()),
    pa.field("actors", pa.int32()), pa.field("places", pa.int32()), pa.field("quotes", pa.int32()),
    pa.field("claims", pa.int32()), pa.field("statistics", pa.int32()), pa.field("events", pa.int32()),
    pa.field("error", pa.string()), pa.field("theatre", pa.string()),
]
EVENT_STRUCT = pa.struct(
    [pa.field(c.name, ARROW_BY_SQL_TYPE[c.sql_type]) for c in EVENT_COLUMNS]
    + [pa.field("start_char", pa.int64()), pa.field("end_char", pa.int64())]
)
CLAIM_STRUCT = pa.struct([
    pa.field("subject", pa.string()), pa.field("predicate", pa.string()), pa.field("object", pa.string()),
    pa.field("object_admin1_code", pa.string()), pa.field("stance", pa.string()),
    pa.field("claimed_by", pa.string()), pa.field("sentence", pa.string()), pa.field("start", pa.int64()),
    pa.field("end", pa.int64()),
])
STATISTIC_STRUCT = pa.struct([
    pa.field("value", pa.float64()), pa.field("qualifier", pa.string()), pa.field("unit", pa.string()),
    pa.field("measure", pa.string()), pa.field("event_type", pa.string()), pa.field("actor", pa.string()),
    pa.field("period_start", pa.date32()), pa.field("period_end", pa.date32()),
    pa.field("attributed_to", pa.string()), pa.field("sentence", pa.string()), pa.field("start", pa.int64()),
    pa.field("end", pa.int64()),
])
RESULT_SCHEMA = pa.schema([
    *DOCUMENT_FIELDS, pa.field("event_rows", pa.list_(EVENT_STRUCT)), pa.field("claim_rows", pa.list_(CLAIM_STRUCT)),
    pa.field("statistic_rows", pa.list_(STATISTIC_STRUCT)),
])
"""One row per document: its counts, and its events, claims and statistics as lists."""


@dataclass(frozen=True)
class SparkExtractReport:
    """What ``ruydad spark extract`` wrote: row counts per table, the output folder, the wall time."""

    output: str
    documents: int
    failed: int
    events: int
    claims: int
    statistics: int
    partitions: int
    seconds: float

    @property
    def documents_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "documents_per_second": round(self.documents_per_second, 2)}


def result_rows(records: Iterable[dict[str, Any]], batch_size: int = 32, *,
                theatre: TheatreLike | None = None) -> Iterator[dict[str, Any]]:
    """Extract each corpus record (a dict of :data:`CORPUS_COLUMNS`) into one :data:`RESULT_SCHEMA` row,
    in order, reading it against the record's ``theatre``, else ``theatre``, else the default one.

    Plain Python, no Spark: the Spark job calls it per partition, and the single-process baseline
    and the tests call it directly, so both paths produce the very same rows.
    """
    default = theatre_name(theatre)
    runs = groupby(records, key=lambda r: _text_or_none(r.get("theatre")) or default)
    for name, run in runs:
        yield from _theatre_rows(list(run), name, batch_size)


def _theatre_rows(records: list[dict[str, Any]], name: str, batch_size: int) -> Iterator[dict[str, Any]]:
    from ruydad.extract import Findings, extract_many

    docs = [_document(record) for record in records]
    try:
        theatre = as_theatre(name)
    except RuydadError as exc:  # a record naming an unknown theatre fails alone, the batch goes on
        yield from (_result_row(Findings(doc, error=str(exc)), name, []) for doc in docs)
        return
    from ruydad.ingest.articles import event_rows

    for findings in extract_many(docs, theatre=theatre, batch_size=batch_size, errors="report"):
        yield _result_row(findings, theatre.name, event_rows(findings, theatre))


def _document(record: dict[str, Any]) -> Any:
    from ruydad.extract.load import from_text, parse_published

    text = record.get("text")
    published = record.get("published")
    return from_text(
        text if isinstance(text, str) else "", id=_text_or_none(record.get("id")),
        title=_text_or_none(record.get("title")), source=_text_or_none(record.get("source")),
        url=_text_or_none(record.get("url")),
        published=published if isinstance(published, date) else parse_published(_text_or_none(published)),
    )


def _text_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def _result_row(findings: Any, theatre: str, events: list[dict[str, Any]]) -> dict[str, Any]:
    """One :data:`RESULT_SCHEMA` row: the document's counts, and its events (``batch_id`` unset: no
    ingest batch yet; ``start_char``/``end_char`` added), claims and statistics."""
    doc = findings.document
    for row, event in zip(events, doc.events, strict=True):
        row["start_char"], row["end_char"] = event.start, event.end
    return {
        "document_id": doc.id, "title": doc.title, "published": doc.published, "source": doc.source,
        "url": doc.url, "chars": len(doc.text), "actors": len(doc.actors), "places": len(doc.places),
        "quotes": len(doc.quotes), "claims": len(doc.claims), "statistics": len(doc.statistics),
        "events": len(doc.events), "error": findings.error, "theatre": theatre,
        "event_rows": events,
        "claim_rows": [c.to_dict() for c in doc.claims],
        "statistic_rows": [_statistic(s) for s in doc.statistics],
    }


def _statistic(stat: Any) -> dict[str, Any]:
    out = stat.to_dict()
    out["value"] = float(stat.value)
    out["period_start"], out["period_end"] = stat.period_start, stat.period_end
    return out


def _partition(batches: Iterator[pa.RecordBatch], theatre: str) -> Iterator[pa.RecordBatch]:
    """The ``mapInArrow`` function: runs in a Spark Python worker, on one partition."""
    for batch in batches:
        records = batch.to_pylist()
        if records:
            yield pa.RecordBatch.from_pylist(list(result_rows(records, theatre=theatre)), schema=RESULT_SCHEMA)


def read_corpus(spark: Any, path: str | Path) -> Any:
    """The corpus as a Spark DataFrame with :data:`CORPUS_COLUMNS` (missing ones NULL, all text)."""
    from pyspark.sql import functions as F

    source = Path(path)
    if not source.exists():
        raise InputError(f"{source}: no such file or folder")
    name = source.name.lower()
    if name.endswith((".jsonl", ".json", ".ndjson", ".jsonl.gz")):
        frame = spark.read.json(str(source))
    elif name.endswith(".parquet") or source.is_dir():
        frame = spark.read.parquet(str(source))
    else:
        raise InputError(f"{source}: give a corpus as JSONL (.jsonl) or Parquet (.parquet or a folder of them)")
    if "text" not in frame.columns:
        raise InputError(f"{source}: the corpus has no 'text' column (columns: {', '.join(frame.columns)})")
    return frame.select(*[
        (F.col(c).cast("string") if c in frame.columns else F.lit(None).cast("string")).alias(c)
        for c in CORPUS_COLUMNS
    ])


def extract_corpus(spark: Any, corpus: str | Path, output: str | Path, *, partitions: int | None = None,
                   overwrite: bool = False, theatre: TheatreLike | None = None) -> SparkExtractReport:
    """Run the extraction over ``corpus`` on ``spark`` and write the four Parquet datasets to ``output``.

    ``theatre`` is for records that name none (the default theatre when None)."""
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import from_arrow_schema

    out = Path(output)
    if out.exists() and any(out.iterdir()):
        if not overwrite:
            raise InputError(f"{out}: exists and is not empty; choose another folder or pass --overwrite")
        shutil.rmtree(out)
    job_theatre = as_theatre(theatre).name  # an unknown theatre fails here, before Spark runs anything
    started = time.perf_counter()
    frame = read_corpus(spark, corpus)
    n_partitions = partitions or max(2, int(spark.sparkContext.defaultParallelism))
    frame = frame.repartition(n_partitions)
    nested = out / "_extractions"
    extract_partition = partial(_partition, theatre=job_theatre)
    frame.mapInArrow(extract_partition, from_arrow_schema(RESULT_SCHEMA)).write.parquet(str(nested))
    results = spark.read.parquet(str(nested))
    documents = results.select(*[f.name for f in DOCUMENT_FIELDS])
    documents.write.parquet(str(out / "documents"))
    for column, table in (("event_rows", "events"), ("claim_rows", "claims"), ("statistic_rows", "statistics")):
        (results.select("document_id", F.explode(column).alias("r"))
         .select("document_id", "r.*").write.parquet(str(out / table)))
    counts = documents.agg(F.count("*").alias("n"), F.count("error").alias("failed"),
                           F.sum("events").alias("events"), F.sum("claims").alias("claims"),
                           F.sum("statistics").alias("statistics")).collect()[0]
    shutil.rmtree(nested, ignore_errors=True)
    return SparkExtractReport(output=str(out), documents=int(counts["n"]), failed=int(counts["failed"]),
                              events=int(counts["events"] or 0), claims=int(counts["claims"] or 0),
                              statistics=int(counts["statistics"] or 0), partitions=n_partitions,
                              seconds=time.perf_counter() - started)
