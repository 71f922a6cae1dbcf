"""Writing tables for people and programs: one function per output format, shared by all commands."""

from __future__ import annotations

import datetime as dt
import decimal
import io
import json
import math
import sys
from enum import Enum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ruydad.errors import InputError

if TYPE_CHECKING:  # pyarrow and Rich's tables load when a table is written, not for --help
    import pyarrow as pa
    from rich.console import Console


class LiveConsole:
    """A Rich console made anew at each use, so the width it prints at is the terminal's (or
    ``COLUMNS``) when it prints, not when its module was imported: commands import their modules
    lazily, so a console made at import would keep whatever width was set at that moment."""

    def __init__(self, **options: Any) -> None:
        self._options = options

    def __getattr__(self, name: str) -> Any:
        from rich.console import Console

        return getattr(Console(**self._options), name)


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    parquet = "parquet"
    xlsx = "xlsx"
    geojson = "geojson"


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


def dump_bytes(value: Any) -> bytes:
    """Compact JSON as UTF-8 bytes, for the HTTP API: orjson writes a page of events several times
    faster than :func:`json.dumps`. Dates and times as ISO text, keys that are not text as text,
    and NaN or infinity as null (``json.dumps`` writes ``NaN``, which JSON parsers refuse)."""
    import orjson

    return orjson.dumps(value, default=json_default, option=orjson.OPT_NON_STR_KEYS)


def write_table(
    table: pa.Table,
    fmt: OutputFormat,
    *,
    out: Path | None = None,
    console: Console | LiveConsole | None = None,
    title: str | None = None,
    max_width: int = 60,
) -> None:
    """Write an Arrow table as a Rich table, CSV, JSON (one array of objects), Parquet, an Excel
    workbook or GeoJSON (points from ``latitude``/``longitude``, the other columns as properties).

    Parquet and Excel are binary, so they need ``out`` unless stdout is redirected to a file.
    """
    if fmt is OutputFormat.xlsx:
        _binary(lambda sink: write_xlsx(table, sink, title=title), out, "xlsx")
        return
    if fmt is OutputFormat.geojson:
        _emit(dumps(geojson(table)), out)
        return
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

    console = console or Console()
    console.print(people_table(table, console.width, title=title, max_width=max_width))


def human_number(value: float) -> str:
    """A figure as a person reads it: three significant digits, never an exponent, thousands grouped
    (``3.69``, ``0.114``, ``12,345``); below 0.001, ``<0.001``. Machines get the exact value (JSON, CSV)."""
    if math.isnan(value):
        return ""
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    magnitude = abs(value)
    if magnitude == 0:
        return "0"
    if magnitude >= 1000:
        return f"{value:,.0f}"
    if magnitude < 0.001:
        return "<0.001" if value > 0 else ">-0.001"
    decimals = max(0, 2 - math.floor(math.log10(magnitude)))
    text = f"{value:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def human_value(value: Any) -> str:
    """One table cell as text for people: numbers rounded, dates in ISO form, lists joined."""
    if value is None:
        return ""
    if isinstance(value, float):
        return human_number(value)
    if isinstance(value, decimal.Decimal):
        return human_number(float(value))
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    if isinstance(value, list | tuple):
        return "; ".join(human_value(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {human_value(v)}" for k, v in value.items())
    return str(value)


SHORT_COLUMN = 14
"""Columns whose widest cell fits in this many characters (dates, codes, counts) keep their width;
only the wider ones (names, notes) give way when the terminal is narrow."""
MIN_WIDE_COLUMN = 10
"""A column of text is never squeezed below this: its text wraps at spaces within it."""
RIGID_CODE = 26
"""Identifiers and codes (no spaces) up to this wide are never wrapped: half an event id is no use."""


def people_table(table: pa.Table, width: int, *, title: str | None = None, max_width: int = 60) -> Any:
    """A Rich table of ``table`` that fits ``width`` terminal columns.

    Short columns keep their natural width; wide ones share what is left (at least
    :data:`MIN_WIDE_COLUMN` each) and wrap their text at spaces. When even that does not fit, the
    rightmost columns are left out and a last line says which, and how to see them.
    """
    from rich.table import Table

    names = list(table.column_names)
    rows = [[human_value(v) for v in row.values()] for row in table.to_pylist()]
    natural = [min(max_width, max([len(n) for n in _header_lines(name, 10_000)]
                                  + [len(r[i]) for r in rows[:500]], default=1))
               for i, name in enumerate(names)]
    rigid = [natural[i] <= SHORT_COLUMN or (natural[i] <= RIGID_CODE and not any(" " in r[i] for r in rows[:500]))
             for i in range(len(names))]
    # a text column is not squeezed below its longest word (up to RIGID_CODE): words are not cut
    floor = [min(natural[i], max(MIN_WIDE_COLUMN, min(RIGID_CODE, max(
        (len(word) for r in rows[:500] for word in r[i].split()), default=0)))) for i in range(len(names))]
    shown, widths = _fit(natural, rigid, floor, width)
    hidden = names[len(shown):]
    if hidden and len(rows) == 1:  # one record (a comparison, a verdict): one line per field
        import pyarrow as pa

        fields = pa.table({"field": names, "value": rows[0]})
        return people_table(fields, width, title=title, max_width=max(max_width, width))
    rich_table = Table(title=title, show_lines=False)
    for i in shown:
        wide = natural[i] > widths[i]
        rich_table.add_column("\n".join(_header_lines(names[i], widths[i])), width=widths[i], no_wrap=not wide,
                              overflow="fold" if wide else "ellipsis",
                              justify="right" if _is_numeric(table, names[i]) else "left")
    for row in rows:
        rich_table.add_row(*(row[i] for i in shown))
    if not hidden:
        return rich_table
    from rich.console import Group
    from rich.text import Text

    note = (f"{len(hidden)} more column(s) not shown: {', '.join(hidden)} (a wider terminal, --columns, "
            "or --format csv/json shows them)")
    return Group(rich_table, Text(note, style="dim"))


def _fit(natural: list[int], rigid: list[bool], floor: list[int], width: int) -> tuple[list[int], dict[int, int]]:
    """Which columns to show (a prefix) and their widths, for a terminal ``width`` wide: rigid
    columns (short ones, codes without spaces) keep their width, the others share the rest, none
    below its ``floor``."""
    count = len(natural)
    while count > 1:
        room = width - (3 * count + 1) - sum(natural[i] for i in range(count) if rigid[i])
        flexible = [i for i in range(count) if not rigid[i]]
        if room >= sum(floor[i] for i in flexible) and room >= 0:
            break
        count -= 1  # "| " before each cell, " " after it and the closing "|" are the 3 * count + 1
    widths = {i: natural[i] for i in range(count)}
    flexible = [i for i in range(count) if not rigid[i]]
    room = width - (3 * count + 1) - sum(natural[i] for i in range(count) if rigid[i])
    want = sum(natural[i] for i in flexible)
    if flexible and want > room:
        spare = room - sum(floor[i] for i in flexible)
        extra = sum(natural[i] - floor[i] for i in flexible) or 1
        for i in flexible:  # each its floor, then the rest in proportion to what each still wants
            widths[i] = floor[i] + max(0, spare) * (natural[i] - floor[i]) // extra
    return list(range(count)), widths


def _header_lines(name: str, width: int) -> list[str]:
    """A column name broken after underscores into lines of at most ``width`` (where it can be)."""
    parts = [p + "_" for p in name.split("_")]
    parts[-1] = parts[-1][:-1]
    lines = [""]
    for part in parts:
        if lines[-1] and len(lines[-1]) + len(part) > width:
            lines.append("")
        lines[-1] += part
    return lines


def _is_numeric(table: pa.Table, name: str) -> bool:
    import pyarrow as pa

    kind = table.schema.field(name).type
    return bool(pa.types.is_integer(kind) or pa.types.is_floating(kind) or pa.types.is_decimal(kind))


def _binary(write: Any, out: Path | None, kind: str) -> None:
    """Run ``write(sink)`` into ``out``, or into stdout when it is not a terminal."""
    if out is not None:
        write(out)
        return
    if sys.stdout.isatty():
        raise InputError(f"{kind} output is binary: give --out FILE or redirect stdout to a file")
    buffer = io.BytesIO()
    write(buffer)
    sys.stdout.buffer.write(buffer.getvalue())
    sys.stdout.flush()


EXCEL_MAX_ROWS = 1_048_576


def write_xlsx(table: pa.Table, sink: Path | IO[bytes], *, title: str | None = None) -> None:
    """The table as an Excel workbook: one sheet, a bold frozen header with filters, dates as Excel
    dates, numbers as numbers, and text always stored as text (a cell starting with ``=`` is shown,
    never run as a formula)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    if table.num_rows + 1 > EXCEL_MAX_ROWS:
        raise InputError(f"{table.num_rows:,} rows do not fit in one Excel sheet ({EXCEL_MAX_ROWS - 1:,} at most): "
                         "narrow the filters, or use --format csv or parquet")
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_sheet_name(title))
    names = list(table.column_names)
    widths = [min(60, max(10, len(n) + 2)) for n in names]
    for i, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    if names:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(names))}{table.num_rows + 1}"
    bold = Font(bold=True)
    header = []
    for name in names:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in table.to_pylist():
        cells = []
        for value in row.values():
            cell = WriteOnlyCell(sheet, value=_excel_value(value))
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, even when it starts with "=": openpyxl would store a formula
            elif isinstance(value, dt.datetime):
                cell.number_format = "yyyy-mm-dd hh:mm:ss"
            elif isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
            cells.append(cell)
        sheet.append(cells)
    book.save(sink)


def _sheet_name(title: str | None) -> str:
    name = "".join(c for c in (title or "ruydad") if c not in "[]:*?/\\")[:31].strip()
    return name or "ruydad"


def _excel_value(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str | dt.date):
        if isinstance(value, dt.datetime) and value.tzinfo is not None:
            return value.replace(tzinfo=None)  # Excel has no time zones; Ruydad stores UTC
        return value
    if isinstance(value, decimal.Decimal):
        return float(value)
    return human_value(value)


def geojson(table: pa.Table) -> dict[str, Any]:
    """Rows with ``latitude`` and ``longitude`` as GeoJSON points (RFC 7946: longitude first), every
    column in the properties; a row without coordinates is a feature with no geometry."""
    if "latitude" not in table.column_names or "longitude" not in table.column_names:
        raise InputError("GeoJSON needs the latitude and longitude columns: add them to --columns")
    features = []
    for row in table.to_pylist():
        lat, lon = row.get("latitude"), row.get("longitude")
        geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        features.append({"type": "Feature", "geometry": geometry, "properties": row})
    return {"type": "FeatureCollection", "features": features}


def _emit(text: str, out: Path | None, stream: IO[str] | None = None) -> None:
    if out is not None:
        out.write_text(text + "\n", encoding="utf-8")
    else:
        (stream or sys.stdout).write(text + "\n")
