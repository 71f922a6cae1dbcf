"""``ruydad bench ...``: benchmarks that print figures (never pass or fail), over :mod:`ruydad.bench`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ruydad.cli.common import out_console

app = typer.Typer(help="Benchmarks that print figures (never pass/fail).", no_args_is_help=True)


@app.command("ingest")
def bench_ingest_command(
    rows: Annotated[int, typer.Option(min=1, help="Synthetic ACLED rows to write and ingest.")] = 1_000_000,
    directory: Annotated[Path, typer.Option("--dir", help="Where to write the file and store.")] = Path(
        "bench-out"),
) -> None:
    """Ingest a synthetic ACLED export next to DuckDB's own read_csv of the same file."""
    from ruydad.bench import bench_ingest

    result = bench_ingest(rows, directory)
    out_console.print(
        f"rows {result.rows:,}; file {result.file_mb:,.0f} MB (written in {result.write_seconds:.1f} s)\n"
        f"ruydad ingest: {result.ingest_seconds:.2f} s ({result.rows / result.ingest_seconds:,.0f} rows/s), "
        f"peak RSS {result.peak_rss_mb:,.0f} MB\n"
        f"duckdb read_csv: {result.duckdb_read_csv_seconds:.2f} s; ratio {result.ratio:.2f}x",
        highlight=False,
    )
