"""``ruydad geo``: the geography layer from the shell, a thin face over :mod:`ruydad.geo`.

``ruydad geo resolve NAME`` is :func:`ruydad.geo.resolve_place`, ``locate`` is
:func:`ruydad.geo.locate`, ``units`` is :func:`ruydad.geo.units`, ``export`` is
:func:`ruydad.geo.boundaries_geojson`. None of them needs a store: the gazetteer and boundaries
ship with the theatre.
"""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from ruydad.cli.common import run_guarded
from ruydad.cli.common import wrapped_console as out_console
from ruydad.cli.options import FormatOption, OutOption, TheatreOption
from ruydad.errors import InputError
from ruydad.output import OutputFormat, dumps, write_table
from ruydad.theatres import DEFAULT_THEATRE

app = typer.Typer(help="Place names, coordinates and administrative units of a theatre.", no_args_is_help=True,
                  pretty_exceptions_enable=False)


class ExportFormat(str, Enum):
    geojson = "geojson"


@app.command("resolve")
def resolve_command(
    name: Annotated[str, typer.Argument(help="Place name, any spelling or script.")],
    context: Annotated[str | None, typer.Option("--context", "-c", help="Text around the name.")] = None,
    level: Annotated[int | None, typer.Option(help="Only provinces (1), districts (2) or places (3).")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many candidates.")] = 5,
    theatre: TheatreOption = DEFAULT_THEATRE,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Ranked candidates for a place name; exit code 1 when nothing matches."""

    def body() -> None:
        import pyarrow as pa

        from ruydad.geo import resolve_place

        found = resolve_place(name, context, theatre=theatre, level=level, limit=limit)
        if not found:
            raise InputError(f"{name!r}: not found in theatre {theatre!r} (no spelling close enough); "
                             "try another spelling, or --context with the province")
        table = pa.Table.from_pylist([c.as_dict() for c in found])
        if fmt is OutputFormat.table:
            table = table.select(["name", "kind", "pcode", "admin1_code", "admin1_pcode", "admin2_pcode",
                                  "latitude", "longitude", "score", "matched"])
        write_table(table, fmt, console=out_console)

    run_guarded(body)


@app.command("locate")
def locate_command(
    lat: Annotated[float, typer.Argument(help="WGS84 latitude.")],
    lon: Annotated[float, typer.Argument(help="WGS84 longitude.")],
    theatre: TheatreOption = DEFAULT_THEATRE,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """The province and district a point falls in; exit code 1 outside the theatre."""

    def body() -> None:
        import pyarrow as pa

        from ruydad.geo import locate

        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise InputError(f"({lat}, {lon}) is not a WGS84 latitude, longitude")
        where = locate(lat, lon, theatre)
        if where.admin1_pcode is None:
            raise InputError(f"({lat}, {lon}) is outside theatre {theatre!r}")
        write_table(pa.Table.from_pylist([where.__dict__]), fmt, console=out_console)

    run_guarded(body)


@app.command("units")
def units_command(
    level: Annotated[int, typer.Option(min=1, max=2, help="1 provinces, 2 districts.")] = 1,
    theatre: TheatreOption = DEFAULT_THEATRE,
    fmt: FormatOption = OutputFormat.table,
    out: OutOption = None,
) -> None:
    """Every province or district with its codes and names."""

    def body() -> None:
        import pyarrow as pa

        from ruydad.geo import units

        chosen = units(level, theatre)
        languages = sorted({lang for u in chosen for lang in u.local_names})
        table = pa.Table.from_pylist([
            {"pcode": u.pcode, "iso_code": u.iso_code, "name": u.name,
             **{f"name_{lang}": u.local_names.get(lang) for lang in languages},
             "parent_pcode": u.parent_pcode, "latitude": u.latitude, "longitude": u.longitude}
            for u in chosen])
        write_table(table, fmt, out=out, console=out_console)

    run_guarded(body)


@app.command("export")
def export_command(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Export format.")] = ExportFormat.geojson,
    level: Annotated[int, typer.Option(min=1, max=2, help="1 provinces, 2 districts.")] = 2,
    theatre: TheatreOption = DEFAULT_THEATRE,
    out: OutOption = None,
) -> None:
    """Boundaries with their codes as GeoJSON, for maps."""

    def body() -> None:
        from ruydad.geo import boundaries_geojson

        text = dumps(boundaries_geojson(level, theatre))
        if out is not None:
            out.write_text(text + "\n", encoding="utf-8")
        else:
            sys.stdout.write(text + "\n")

    run_guarded(body)
