"""``ruydad spark``: Ruydad's jobs on Spark, thin faces over :mod:`ruydad.spark`.

``ruydad spark extract --input corpus.jsonl --output DIR`` is :func:`ruydad.spark.extract_corpus`;
``ruydad spark analyse`` runs one analysis question over Parquet events on Spark
(:func:`ruydad.spark.analysis_from_parquet`), as ``ruydad stats`` does over the store. PySpark loads
only when one of them runs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from ruydad.cli.common import run_guarded
from ruydad.cli.options import JsonOption, OptionalTheatreOption

spark_app = typer.Typer(help="Run Ruydad's jobs on Spark (local cores or a cluster).", no_args_is_help=True)

MasterOption = Annotated[
    str, typer.Option("--master", help="Spark master: local[N] for N cores of this machine, or a cluster URL.")
]


@spark_app.command("extract")
def extract_command(
    input: Annotated[Path, typer.Option("--input", "-i", help="Corpus: JSONL or Parquet with text (id, title, "
                                        "source, url, published optional).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for documents/, events/, claims/, "
                                         "statistics/ (Parquet).")],
    master: MasterOption = "local[*]",
    partitions: Annotated[int | None, typer.Option("--partitions", help="Partitions (default: the cores).")]
    = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace a non-empty output folder.")] = False,
    theatre: OptionalTheatreOption = None,
    as_json: JsonOption = False,
) -> None:
    """Extract events, claims and statistics from every article of a corpus, as a Spark job."""
    from ruydad.spark import extract_corpus, spark_session

    report = run_guarded(lambda: extract_corpus(spark_session(master, "ruydad-extract"), input, output,
                                                partitions=partitions, overwrite=overwrite, theatre=theatre))
    if as_json:
        typer.echo(json.dumps(report.as_dict()))
        return
    typer.echo(f"{report.documents} documents ({report.failed} failed) in {report.seconds:.1f} s "
               f"({report.documents_per_second:.1f}/s, {report.partitions} partitions): {report.events} events, "
               f"{report.claims} claims, {report.statistics} statistics -> {report.output}")


@spark_app.command("analyse")
def analyse_command(
    events: Annotated[Path, typer.Option("--events", help="Parquet events (ruydad events --format parquet "
                                         "--limit 0 --out ..., or spark extract's events/).")],
    by: Annotated[str, typer.Option("--by", help="Count events by this dimension (admin1, actor, month, ...).")]
    = "admin1",
    master: MasterOption = "local[*]",
) -> None:
    """Event counts by a dimension over Parquet events, computed by Spark (the analysis layer on Ibis)."""
    from ruydad.spark import analysis_from_parquet, spark_session

    figures = run_guarded(lambda: analysis_from_parquet(spark_session(master, "ruydad-analyse"), events).counts(by))
    for row in figures.rows():
        typer.echo(json.dumps(row, default=str))
