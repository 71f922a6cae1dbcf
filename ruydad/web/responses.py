"""How the HTTP API writes answers: JSON with Ruydad's encoder, result objects as data, CSV pages.

Shared by every router in :mod:`ruydad.web.routes`, so a date or an Arrow value reads the same in
every answer (and as the CLI's ``--json`` writes it).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from fastapi.responses import Response

from ruydad.output import dump_bytes


class JSONText(Response):
    """JSON written with Ruydad's encoder (:func:`ruydad.output.dump_bytes`: dates, Arrow values)."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return dump_bytes(content)


def plain_data(value: Any) -> Any:
    """A result object as JSON-ready data: its ``as_dict()``, a dataclass's fields, or itself."""
    if hasattr(value, "as_dict"):
        return value.as_dict()
    if hasattr(value, "__dataclass_fields__"):
        from dataclasses import asdict

        return asdict(value)
    return value


def csv_text(rows: list[dict[str, Any]], columns: list[str], *, keep_formulas: bool = False) -> str:
    """Rows as CSV, text cells a spreadsheet would run as formulas made inert unless ``keep_formulas``
    (:mod:`ruydad.csvsafe`)."""
    from ruydad.csvsafe import neutralise_cell

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v if keep_formulas else neutralise_cell(v) for k, v in row.items()})
    return buffer.getvalue()
