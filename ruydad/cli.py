"""The ``ruydad`` command line: a thin face over the Python API.

Each command parses options, calls one function of the package and prints its result; no
analysis or storage logic lives here. ``--db`` (or ``RUYDAD_DB``) selects the store for every
command that uses one.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from ruydad.errors import RuydadError
from ruydad.output import LiveConsole, OutputFormat, dumps, write_table

if TYPE_CHECKING:  # the store (DuckDB, pyarrow) loads when a command uses it: `ruydad --help` stays instant
    from ruydad.store import Store

app = typer.Typer(
    name="ruydad",
    help="Ruydad: a sourced, geo-referenced record of armed actors and what they do.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
ingest_app = typer.Typer(help="Load dataset exports (ACLED, UCDP) into the store.", no_args_is_help=True)
app.add_typer(ingest_app, name="ingest")


def _mount_faces() -> None:
    """Sub-commands that live with their capability (geography, actors, ...)."""
    from ruydad.geo.cli import app as geo_app

    app.add_typer(geo_app, name="geo", help="Places: resolve names, locate points, list units, export boundaries.")

    from ruydad.actors.cli import actors_app, claims_app

    app.add_typer(actors_app, name="actors", help="The actor registry: list actors, show a profile.")
    app.add_typer(claims_app, name="claims", help="Sourced claims about actors, and their conflicts.")

    from ruydad.analysis.cli import register as register_analysis

    register_analysis(app)

    from ruydad.spark.cli import spark_app

    app.add_typer(spark_app, name="spark", help="Corpus-scale extraction and analysis on Apache Spark.")

    from ruydad.extract.cli import add_article_command, extract_command

    app.command("extract", help="Read an article (file, URL, - or JSONL) and print what it reports, as JSON.")(
        extract_command)
    app.command("add-article", help="Extract an article and store its document, claims and events.")(
        add_article_command)

    from ruydad.extract.classify_cli import classify_command

    app.command("classify", help="Classify event texts into ACLED event/sub-event types (or non-ACLED classes).")(
        classify_command)

    from ruydad.watch.cli import incidents_app, reconcile_command, watch_app

    app.add_typer(watch_app, name="watch", help="Watch news feeds and sitemaps: add sources, poll, status.")
    app.add_typer(incidents_app, name="incidents", help="Incidents merged from article reports.")
    app.command("reconcile", help="News incidents against a dataset's events: in both, news only, dataset only.")(
        reconcile_command)


_mount_faces()

console = LiveConsole(stderr=True)
out_console = LiveConsole(soft_wrap=True)
_state: dict[str, Any] = {"db": None}

T = TypeVar("T")


@app.callback()
def _main(
    db: Annotated[
        str | None,
        typer.Option("--db", envvar="RUYDAD_DB",
                     help="Store file or PostgreSQL URL (default: RUYDAD_DB or the user data dir)."),
    ] = None,
) -> None:
    _state["db"] = db


def db_path() -> str | Path:
    """The store every command uses: --db, else RUYDAD_DB, else the user data dir (a file or a URL)."""
    from ruydad.store import default_db

    return _state["db"] or default_db()


@contextmanager
def open_cli_store(read_only: bool = False) -> Iterator[Store]:
    """The store chosen by --db/RUYDAD_DB; a read-only open of a missing store is an error.

    Reading commands open a DuckDB file read-only: that lock is shared, so they run beside an open
    dashboard (``ruydad serve``) and each other. A PostgreSQL store is opened for writing either way,
    so that a newer Ruydad migrates it first."""
    from ruydad.store import Store, is_database_url

    path = db_path()
    if read_only and not is_database_url(path) and not Path(path).exists():
        raise RuydadError(f"no store at {path}: ingest data first (`ruydad ingest ...`) or pass --db")
    store = Store.open(path, read_only=read_only and not is_database_url(path))
    try:
        yield store
    finally:
        store.close()


def run_guarded(fn: Callable[[], T]) -> T:
    """Run a command body, turning Ruydad's user errors into a one-line message and exit code 1."""
    try:
        return fn()
    except RuydadError as exc:
        console.print(f"[bold red]error:[/] {exc}", highlight=False)
        raise typer.Exit(1) from None


@contextmanager
def progress_bar(description: str) -> Iterator[Callable[[str, float], None]]:
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    bar_console = Console(stderr=True)  # one console for the bar's whole life (it keeps live state)
    with Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
        TimeElapsedColumn(), console=bar_console, transient=False, disable=not bar_console.is_terminal,
    ) as progress:
        task = progress.add_task(description, total=1.0)

        def update(stage: str, fraction: float) -> None:
            progress.update(task, completed=fraction, description=f"{description}: {stage}")

        yield update


def print_ingest_report(report: Any, fmt: OutputFormat) -> None:
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


FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]


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


EncodingOption = Annotated[str, typer.Option(help="File encoding: utf-8, utf-16 or latin-1.")]


@ingest_app.command("acled")
def ingest_acled(
    file: Annotated[Path, typer.Argument(help="ACLED CSV export.")],
    encoding: EncodingOption = "utf-8",
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Ingest an ACLED CSV export: new events stored, changed ones revised, bad rows quarantined."""
    _ingest("acled", file, encoding, fmt)


@ingest_app.command("ucdp")
def ingest_ucdp(
    file: Annotated[Path, typer.Argument(help="UCDP GED CSV, UCDP API JSON, or UCDP-AEC CSV.")],
    encoding: EncodingOption = "utf-8",
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Ingest UCDP events (GED CSV, a saved UCDP API JSON page, or UCDP-AEC records)."""
    _ingest("ucdp", file, encoding, fmt)


@ingest_app.command("acled-deleted")
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


@ingest_app.command("acled-api")
def ingest_acled_api_command(
    email: Annotated[str | None, typer.Option(envvar="ACLED_EMAIL", help="ACLED account e-mail.")] = None,
    password: Annotated[str | None, typer.Option(envvar="ACLED_PASSWORD", help="ACLED password (OAuth).")] = None,
    key: Annotated[str | None, typer.Option(envvar="ACLED_KEY", help="Legacy ACLED access key.")] = None,
    token: Annotated[str | None, typer.Option(envvar="ACLED_TOKEN", help="An OAuth bearer token.")] = None,
    country: Annotated[str | None, typer.Option(help="Country name as ACLED spells it.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="First day, YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Last day, YYYY-MM-DD.")] = None,
    deleted_since: Annotated[int | None, typer.Option(help="Also apply ACLED deletions since this Unix time.")] = None,
    api_url: Annotated[str, typer.Option(help="ACLED read endpoint.")] = "https://acleddata.com/api/acled/read",
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Fetch events from the ACLED API (paged, retried) and ingest them as one batch."""
    from ruydad.ingest.api import AcledClient, AcledCredentials, ingest_acled_api

    def body() -> None:
        creds = AcledCredentials(email=email, password=password, key=key, token=token)
        client = AcledClient(creds, api_url=api_url)
        try:
            with open_cli_store() as store, progress_bar("ACLED API") as update:
                reports = ingest_acled_api(store, client, country=country,
                                           date_from=_parse_date(date_from, "--from"),
                                           date_to=_parse_date(date_to, "--to"),
                                           deleted_since=deleted_since, progress=update)
        finally:
            client.close()
        for report in reports:
            print_ingest_report(report, fmt)

    run_guarded(body)


@ingest_app.command("ucdp-api")
def ingest_ucdp_api_command(
    version: Annotated[str, typer.Option(help="UCDP GED API version, e.g. 25.1.")],
    token: Annotated[str | None, typer.Option(envvar="UCDP_TOKEN", help="UCDP API access token.")] = None,
    country: Annotated[str | None, typer.Option(help="Gleditsch-Ward country code, e.g. 700.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="First day, YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Last day, YYYY-MM-DD.")] = None,
    api_url: Annotated[str, typer.Option(help="UCDP API base.")] = "https://ucdpapi.pcr.uu.se/api/gedevents",
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Fetch GED events from the UCDP API and ingest them as one batch."""
    from ruydad.ingest.api import UcdpClient, ingest_ucdp_api

    def body() -> None:
        client = UcdpClient(version=version, token=token, api_url=api_url)
        try:
            with open_cli_store() as store, progress_bar("UCDP API") as update:
                report = ingest_ucdp_api(store, client, country=country,
                                         date_from=_parse_date(date_from, "--from"),
                                         date_to=_parse_date(date_to, "--to"), progress=update)
        finally:
            client.close()
        print_ingest_report(report, fmt)

    run_guarded(body)


def _parse_date(value: str | None, option: str) -> date | None:
    from ruydad.query.filters import parse_day  # the query model's reading of a day, loaded when used

    return parse_day(value, option)


@app.command()
def events(
    actor: Annotated[str | None, typer.Option(help="Actor in any actor column: a registry name, alias or acronym "
                                                   "(matched to each dataset's own names), else a stored name; "
                                                   "'=NAME' exact.")] = None,
    actor1: Annotated[str | None, typer.Option(help="Actor1 (initiator; perpetrator).")] = None,
    actor2: Annotated[str | None, typer.Option(help="Actor2 (opponent or target).")] = None,
    actor_category: Annotated[str | None, typer.Option(help="Actor category on either side.")] = None,
    event_type: Annotated[str | None, typer.Option(help="ACLED event type(s), e.g. Battles.")] = None,
    sub_event_type: Annotated[str | None, typer.Option(help="ACLED sub-event type(s).")] = None,
    admin1: Annotated[str | None, typer.Option(help="Province: any spelling, ISO 3166-2 code or P-code.")] = None,
    admin2: Annotated[str | None, typer.Option(help="District: name or P-code.")] = None,
    country: Annotated[str | None, typer.Option(help="Country name or ISO3 code.")] = None,
    dataset: Annotated[str | None, typer.Option(help="acled, ucdp, article...")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="First day, YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Last day, YYYY-MM-DD.")] = None,
    period: Annotated[str | None, typer.Option("--period", help="Instead of --from/--to: 2022H1, 2022Q2, "
                                                                "2022-06, A..B.")] = None,
    violent: Annotated[bool, typer.Option("--violent", help="Only political violence event types.")] = False,
    civilian_targeting: Annotated[bool, typer.Option("--civilian-targeting",
                                                     help="Only events targeting civilians.")] = False,
    limit: Annotated[int, typer.Option(help="At most this many events (0: all).", min=0)] = 20,
    offset: Annotated[int, typer.Option(help="Skip this many events first (pages, as the HTTP API's offset).",
                                        min=0)] = 0,
    columns: Annotated[str | None, typer.Option(help="Comma-separated columns to show.")] = None,
    fmt: Annotated[OutputFormat, typer.Option(
        "--format", "-f", help="table, csv, json, parquet, xlsx (an Excel workbook) or geojson (points).")
    ] = OutputFormat.table,
    out: Annotated[Path | None, typer.Option(help="Write to this file instead of stdout.")] = None,
) -> None:
    """List stored events, newest first, with the same filters as every analysis command."""

    def body() -> None:
        from ruydad.query import filters_from_options

        filters = filters_from_options(
            actor=actor, actor1=actor1, actor2=actor2, actor_category=actor_category, event_type=event_type,
            sub_event_type=sub_event_type, admin1=admin1, admin2=admin2, country=country, dataset=dataset,
            date_from=date_from, date_to=date_to, period=period, violent=violent,
            civilian_targeting=civilian_targeting)
        default_columns = ["event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "actor2",
                           "admin1", "admin2", "location", "fatalities", "dataset"]
        chosen = [c.strip() for c in columns.split(",")] if columns else (
            default_columns if fmt is OutputFormat.table else None)
        with open_cli_store(read_only=True) as store:
            query = store.query(filters)
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
    limit: Annotated[int, typer.Option(min=0, help="At most this many rows (0: all).")] = 50,
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
        if fmt is OutputFormat.json:
            out_console.print_json(dumps(summary.__dict__))
            return
        print_summary(summary)

    run_guarded(body)


def print_summary(summary: Any) -> None:
    out_console.print(f"[bold]Store[/] {summary.path} (schema v{summary.schema_version})", highlight=False)
    by_dataset = ", ".join(f"{k}: {v}" for k, v in summary.by_dataset.items()) or "none"
    out_console.print(f"events: {summary.events} ({by_dataset})")
    out_console.print(f"dates: {summary.first_date} to {summary.last_date}")
    out_console.print(f"countries: {', '.join(summary.countries) or 'none'}")
    out_console.print(f"revisions kept: {summary.revisions}; quarantined rows: {summary.quarantined}; "
                      f"ingest batches: {summary.batches}")


token_app = typer.Typer(help="API tokens for writes over HTTP (stored hashed).", no_args_is_help=True)
app.add_typer(token_app, name="token")


@token_app.command("create")
def token_create(name: Annotated[str, typer.Argument(help="Who or what uses it, e.g. field-team-laptop.")]) -> None:
    """Create a token; it is shown once, keep it."""
    from ruydad.web.tokens import create_token

    def body() -> None:
        with open_cli_store() as store:
            new = create_token(store, name)
        out_console.print(f"token for {new.name} (id {new.token_id}), shown only now:")
        out_console.print(new.token, highlight=False)

    run_guarded(body)


@token_app.command("list")
def token_list(fmt: FormatOption = OutputFormat.table) -> None:
    """Tokens (ids and names only; the secrets are not stored)."""
    from ruydad.web.tokens import list_tokens

    def body() -> None:
        with open_cli_store(read_only=True) as store:
            write_table(list_tokens(store), fmt, console=out_console)

    run_guarded(body)


@token_app.command("revoke")
def token_revoke(token_id: Annotated[str, typer.Argument(help="The token's id (see `ruydad token list`).")]) -> None:
    """Revoke a token at once."""
    from ruydad.web.tokens import revoke_token

    def body() -> None:
        with open_cli_store() as store:
            revoke_token(store, token_id)
        out_console.print(f"revoked {token_id}")

    run_guarded(body)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port.")] = 8000,
    cache: Annotated[bool, typer.Option(help="Keep recent read responses in memory until the next write.")] = True,
    allowed_host: Annotated[list[str] | None, typer.Option(
        "--allowed-host", help="A Host name clients use to reach this server (repeatable; loopback names and "
                               "--host are always allowed; also RUYDAD_ALLOWED_HOSTS).")] = None,
) -> None:
    """Serve the HTTP API and the dashboard on the store (http://HOST:PORT/).

    Requests naming another host are refused (DNS rebinding); URL extraction fetches public
    addresses only (RUYDAD_FETCH_ALLOW adds networks) in a bounded pool of workers
    (RUYDAD_EXTRACT_WORKERS, _QUEUE, _DEADLINE, _PER_MINUTE).

    A DuckDB store is held only while requests run (:class:`ruydad.store.shared.SharedStore`), so
    other ``ruydad`` commands read and write it meanwhile and the dashboard shows what they wrote."""
    import uvicorn

    from ruydad.store import Store, is_database_url
    from ruydad.store.shared import HeldStore, SharedStore, StoreAccess
    from ruydad.web import create_app

    def body() -> None:
        path = db_path()
        shared: StoreAccess = (HeldStore(Store.open(path)) if is_database_url(path) else SharedStore.open(path))
        try:
            console.print(f"Ruydad on http://{host}:{port}/ (store {shared.path}); API docs at /docs")
            hosts = [*(allowed_host or []), *([host] if host not in ("0.0.0.0", "::") else [])]
            uvicorn.run(create_app(shared, cache=cache, allowed_hosts=hosts), host=host, port=port,
                        log_level="warning")
        finally:
            if isinstance(shared, HeldStore):
                shared.store.close()
            shared.close()

    run_guarded(body)


bench_app = typer.Typer(help="Benchmarks that print figures (never pass/fail).", no_args_is_help=True)
app.add_typer(bench_app, name="bench")


@bench_app.command("ingest")
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


@app.command()
def demo(
    serve_dashboard: Annotated[bool, typer.Option("--serve/--no-serve", help="Open the dashboard afterwards.")] = True,
    port: Annotated[int, typer.Option(min=1, max=65535, help="Dashboard port.")] = 8000,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Load the bundled sample events, claims and article into the store, show what it knows, open the dashboard."""
    from ruydad.demo import load_demo

    def body() -> None:
        with open_cli_store() as store:
            lines = load_demo(store)
            summary = store.summary()
        for line in lines:
            out_console.print(line, highlight=False)
        if fmt is OutputFormat.json:
            out_console.print_json(dumps(summary.__dict__))
        else:
            print_summary(summary)

    run_guarded(body)
    if serve_dashboard:
        import webbrowser

        url = f"http://127.0.0.1:{port}/"
        out_console.print(f"dashboard: {url} (Ctrl-C to stop)")
        threading.Timer(1.5, lambda: webbrowser.open(url)).start()
        serve(host="127.0.0.1", port=port, cache=True)


def main() -> None:
    try:
        app()
    except RuydadError as exc:  # errors raised outside run_guarded (e.g. in callbacks)
        console.print(f"[bold red]error:[/] {exc}", highlight=False)
        sys.exit(1)


if __name__ == "__main__":
    main()
