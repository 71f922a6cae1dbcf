"""Writing tables for people and programs: one function per output format, shared by all commands."""

from __future__ import annotations

import datetime as dt
import decimal
import json
import sys
from enum import Enum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ruydad.errors import InputError

if TYPE_CHECKING:  # pyarrow and Rich's tables load when a table is written, not for --help
    import pyarrow as pa
    from rich.console import Console


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    parquet = "parquet"


def json_default(value: Any) -> Any:
    """JSON for the values our tables hold: dates as ISO strings, decimals as numbers."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    if hasattr(value, "as_dict"):
        return value.as_dict()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def dumps(value: Any, *, indent: int | None = None) -> str:
    return json.dumps(value, default=json_default, ensure_ascii=False, indent=indent)


def write_table(
    table: pa.Table,
    fmt: OutputFormat,
    *,
    out: Path | None = None,
    console: Console | None = None,
    title: str | None = None,
    max_width: int = 60,
) -> None:
    """Write an Arrow table as a Rich table, CSV, JSON (one array of objects) or Parquet.

    Parquet is binary, so it needs ``out`` unless stdout is redirected to a file.
    """
    if fmt is OutputFormat.parquet:
        import pyarrow.parquet as pq

        if out is None:
            if sys.stdout.isatty():
                raise InputError("parquet output is binary: give --out FILE or redirect stdout to a file")
            pq.write_table(table, sys.stdout.buffer)
        else:
            pq.write_table(table, out)
        return
    if fmt is OutputFormat.csv:
        import pyarrow as pa
        import pyarrow.csv as pacsv

        from ruydad.csvsafe import keep_formulas_by_default, neutralise_table

        if not keep_formulas_by_default():  # cells a spreadsheet would run (see ruydad.csvsafe)
            table = neutralise_table(table)
        if out is not None:
            pacsv.write_csv(table, out)
        else:
            sink = pa.BufferOutputStream()
            pacsv.write_csv(table, sink)
            sys.stdout.write(sink.getvalue().to_pybytes().decode("utf-8"))
        return
    if fmt is OutputFormat.json:
        text = dumps(table.to_pylist(), indent=2)
        _emit(text, out)
        return
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    rich_table = Table(title=title, show_lines=False)
    for name in table.column_names:
        rich_table.add_column(name, overflow="fold", max_width=max_width)
    for row in table.to_pylist():
        rich_table.add_row(*("" if v is None else str(v) for v in row.values()))
    console.print(rich_table)


def _emit(text: str, out: Path | None, stream: IO[str] | None = None) -> None:
    if out is not None:
        out.write_text(text + "\n", encoding="utf-8")
    else:
        (stream or sys.stdout).write(text + "\n")
