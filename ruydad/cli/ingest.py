"""``ruydad ingest ...``: dataset exports and dataset APIs into the store, with a summary.

Each command is one call into :mod:`ruydad.ingest` (``ingest_file``, ``ingest_ucdp_json``,
``delete_events``, ``ingest_acled_api``, ``ingest_ucdp_api``) inside one store transaction; the
report it returns is printed by :func:`print_ingest_report`, the same for every source.
"""

from __future__ import annotations

from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from ruydad.cli.common import open_cli_store, out_console, progress_bar, run_guarded
from ruydad.cli.options import FormatOption, FromOption, ToOption
from ruydad.output import OutputFormat, dumps

app = typer.Typer(help="Load dataset exports (ACLED, UCDP) into the store.", no_args_is_help=True)

EncodingOption = Annotated[str, typer.Option(help="File encoding: utf-8, utf-16 or latin-1.")]


def print_ingest_report(report: Any, fmt: OutputFormat) -> None:
    """An :class:`~ruydad.ingest.IngestReport` as JSON, or one line with the rejects explained."""
    if fmt is OutputFormat.json:
        out_console.print_json(dumps(report.as_dict()))
        return
    out_console.print(
        f"[bold]{report.source}[/] ({report.reader}, batch {report.batch_id}): "
        f"read {report.rows_read}, stored {report.stored}, updated {report.updated}, "
        f"unchanged {report.unchanged}, rejected {report.rejected}"
        + (f", duplicate ids in file {report.duplicates_in_file}" if report.duplicates_in_file else "")
        + (f", deleted {report.deleted}" if report.deleted else "")
        + f" in {report.seconds:.2f} s",
        highlight=False,
    )
    if report.reasons:
        out_console.print("rejected by field: " + ", ".join(f"{k} {v}" for k, v in report.reasons.items()))
        for example in report.examples:
            out_console.print(f"  {example}", highlight=False)
        out_console.print(f"  see all with `ruydad quarantine --batch {report.batch_id}`")
    for warning in report.warnings:
        out_console.print(f"[yellow]warning:[/] {warning}", highlight=False)


def _ingest(dataset: str, file: Path, encoding: str, fmt: OutputFormat) -> None:
    """Ingest a CSV export, or a saved UCDP API page (.json), with a progress bar and a summary."""
    from ruydad.ingest import ingest_file, ingest_ucdp_json

    def body() -> None:
        with open_cli_store() as store, progress_bar(f"ingest {file.name}") as update:
            if dataset == "ucdp" and file.suffix.lower() == ".json":
                report = ingest_ucdp_json(store, file, progress=update)
            else:
                report = ingest_file(store, file, dataset, encoding=encoding, progress=update)
        print_ingest_report(report, fmt)

    run_guarded(body)


def ingest_export(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="The export file: CSV, or for ucdp a saved UCDP API page (.json).")],
    encoding: EncodingOption = "utf-8",
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """One command per dataset reader, named after it (``ingest acled``, ``ingest ucdp``)."""
    _ingest(ctx.info_name or "", file, encoding, fmt)


app.command("acled", help="Ingest an ACLED CSV export: new events stored, changed ones revised, bad rows "
                          "quarantined.")(ingest_export)
app.command("ucdp", help="Ingest UCDP events (GED CSV, a saved UCDP API JSON page, or UCDP-AEC records).")(
    ingest_export)


@app.command("acled-deleted")
def ingest_acled_deleted(
    file: Annotated[Path, typer.Argument(help="CSV or JSON of deleted ACLED events (event_id_cnty column).")],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Remove events ACLED has deleted; their last version stays in the revision history."""
    from ruydad.ingest import delete_events, read_deleted_ids

    def body() -> None:
        ids = read_deleted_ids(file)
        with open_cli_store() as store:
            report = delete_events(store, "acled", ids, source=str(file))
        print_ingest_report(report, fmt)

    run_guarded(body)


def _day(value: str | None, option: str) -> date | None:
    from ruydad.query.filters import parse_day  # the query model's reading of a day, loaded when used

    return parse_day(value, option)


@app.command("acled-api")
def ingest_acled_api_command(
    email: Annotated[str | None, typer.Option(envvar="ACLED_EMAIL", help="ACLED account e-mail.")] = None,
    password: Annotated[str | None, typer.Option(envvar="ACLED_PASSWORD", help="ACLED password (OAuth).")] = None,
    key: Annotated[str | None, typer.Option(envvar="ACLED_KEY", help="Legacy ACLED access key.")] = None,
    token: Annotated[str | None, typer.Option(envvar="ACLED_TOKEN", help="An OAuth bearer token.")] = None,
    country: Annotated[str | None, typer.Option(help="Country name as ACLED spells it.")] = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    deleted_since: Annotated[int | None, typer.Option(help="Also apply ACLED deletions since this Unix time.")] = None,
    api_url: Annotated[str, typer.Option(help="ACLED read endpoint.")] = "https://acleddata.com/api/acled/read",
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Fetch events from the ACLED API (paged, retried) and ingest them as one batch."""
    from ruydad.ingest.api import AcledClient, AcledCredentials, ingest_acled_api

    def body() -> None:
        creds = AcledCredentials(email=email, password=password, key=key, token=token)
        with closing(AcledClient(creds, api_url=api_url)) as client, open_cli_store() as store, \
                progress_bar("ACLED API") as update:
            reports = ingest_acled_api(store, client, country=country, date_from=_day(date_from, "--from"),
                                       date_to=_day(date_to, "--to"), deleted_since=deleted_since,
                                       progress=update)
        for report in reports:
            print_ingest_report(report, fmt)

    run_guarded(body)


@app.command("ucdp-api")
def ingest_ucdp_api_command(
    version: Annotated[str, typer.Option(help="UCDP GED API version, e.g. 25.1.")],
    token: Annotated[str | None, typer.Option(envvar="UCDP_TOKEN", help="UCDP API access token.")] = None,
    country: Annotated[str | None, typer.Option(help="Gleditsch-Ward country code, e.g. 700.")] = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    api_url: Annotated[str, typer.Option(help="UCDP API base.")] = "https://ucdpapi.pcr.uu.se/api/gedevents",
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Fetch GED events from the UCDP API and ingest them as one batch."""
    from ruydad.ingest.api import UcdpClient, ingest_ucdp_api

    def body() -> None:
        with closing(UcdpClient(version=version, token=token, api_url=api_url)) as client, open_cli_store() as store, \
                progress_bar("UCDP API") as update:
            report = ingest_ucdp_api(store, client, country=country, date_from=_day(date_from, "--from"),
                                     date_to=_day(date_to, "--to"), progress=update)
        print_ingest_report(report, fmt)

    run_guarded(body)
