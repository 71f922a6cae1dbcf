"""``ruydad events``, ``history``, ``quarantine``, ``batches`` and ``status``: the store, read.

Each command is one call into :class:`ruydad.store.Store` (``events`` is ``Store.events`` over
``Store.query(filters)``, with the same filter options as every analysis command), then prints the
table. Reading commands open the store read-only, so they run beside ``ruydad serve``.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ruydad.cli.common import console, open_cli_store, out_console, run_guarded
from ruydad.cli.options import FilterOptions, FormatOption, LimitOption, OutOption, filter_options
from ruydad.errors import RuydadError
from ruydad.output import OutputFormat, dumps, write_table

app = typer.Typer()

EVENT_COLUMNS = ["event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "admin1",
                 "admin2", "location", "fatalities", "dataset"]
"""What ``ruydad events`` shows in a terminal table unless ``--columns`` says otherwise."""


@app.command()
@filter_options()
def events(
    filters: FilterOptions,
    limit: LimitOption = 20,
    offset: Annotated[int, typer.Option(help="Skip this many events first (pages, as the HTTP API's offset).",
                                        min=0)] = 0,
    columns: Annotated[str | None, typer.Option(help="Comma-separated columns to show.")] = None,
    fmt: Annotated[OutputFormat, typer.Option(
        "--format", "-f", help="table, csv, json, parquet, xlsx (an Excel workbook) or geojson (points).")
    ] = OutputFormat.table,
    out: OutOption = None,
) -> None:
    """List stored events, newest first, with the same filters as every analysis command."""

    def body() -> None:
        chosen = [c.strip() for c in columns.split(",")] if columns else (
            EVENT_COLUMNS if fmt is OutputFormat.table else None)
        with open_cli_store(read_only=True) as store:
            query = store.query(filters.filters())
            table = store.events(query, limit=limit or None, offset=offset, columns=chosen)
            total = store.count_events(query)
        write_table(table, fmt, out=out, console=out_console, title="events")
        for problem in query.problems:
            console.print(f"[yellow]warning:[/] {problem}", highlight=False)
        if fmt is OutputFormat.table:
            for line in query.describe():
                console.print(f"[dim]matched {line}[/]", highlight=False)
            shown = f"{offset + 1}-{offset + table.num_rows}" if offset and table.num_rows else str(table.num_rows)
            console.print(f"{shown} of {total} matching events")

    run_guarded(body)


@app.command()
def history(
    dataset: Annotated[str, typer.Argument(help="acled or ucdp.")],
    event_id: Annotated[str, typer.Argument(help="The event's id in that dataset.")],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Every stored revision of one event."""

    def body() -> None:
        with open_cli_store(read_only=True) as store:
            table = store.event_history(dataset, event_id)
        if table.num_rows == 0:
            raise RuydadError(f"no event {event_id!r} in dataset {dataset!r}")
        if fmt is OutputFormat.table:
            table = table.select(["revision", "change", "batch_id", "event_date", "event_type", "actor1",
                                  "actor2", "admin1", "fatalities", "superseded_at"])
        write_table(table, fmt, console=out_console)

    run_guarded(body)


@app.command()
def quarantine(
    batch: Annotated[int | None, typer.Option(help="Only this ingest batch.")] = None,
    limit: LimitOption = 50,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Rejected rows, with the field and the reason."""

    def body() -> None:
        with open_cli_store(read_only=True) as store:
            table = store.quarantine(batch, limit=limit or None)
        if fmt is OutputFormat.table:
            table = table.select(["batch_id", "source", "row_number", "line", "dataset_event_id", "field",
                                  "reason"])
        write_table(table, fmt, console=out_console)

    run_guarded(body)


@app.command()
def batches(fmt: FormatOption = OutputFormat.table) -> None:
    """Every ingest attempt, with its counts and status."""

    def body() -> None:
        with open_cli_store(read_only=True) as store:
            write_table(store.batches(), fmt, console=out_console)

    run_guarded(body)


@app.command()
def status(fmt: FormatOption = OutputFormat.table) -> None:
    """What the store knows: events by dataset, dates, revisions, quarantine."""

    def body() -> None:
        with open_cli_store(read_only=True) as store:
            summary = store.summary()
        print_summary(summary, fmt)

    run_guarded(body)


def print_summary(summary: Any, fmt: OutputFormat) -> None:
    """A :class:`~ruydad.store.StoreSummary` as JSON or as a few lines for people."""
    if fmt is OutputFormat.json:
        out_console.print_json(dumps(summary.__dict__))
        return
    out_console.print(f"[bold]Store[/] {summary.path} (schema v{summary.schema_version})", highlight=False)
    by_dataset = ", ".join(f"{k}: {v}" for k, v in summary.by_dataset.items()) or "none"
    out_console.print(f"events: {summary.events} ({by_dataset})")
    out_console.print(f"dates: {summary.first_date} to {summary.last_date}")
    out_console.print(f"countries: {', '.join(summary.countries) or 'none'}")
    out_console.print(f"revisions kept: {summary.revisions}; quarantined rows: {summary.quarantined}; "
                      f"ingest batches: {summary.batches}")
