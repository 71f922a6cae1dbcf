"""``ruydad serve`` and ``ruydad demo``: the HTTP API and dashboard (:func:`ruydad.web.create_app`) on a store.

``demo`` loads the bundled sample (:func:`ruydad.demo.load_demo`) and then serves, so both live here.
A DuckDB store is held only while requests run (:class:`ruydad.store.shared.SharedStore`), so other
``ruydad`` commands read and write it meanwhile and the dashboard shows what they wrote.
"""

from __future__ import annotations

import threading
from typing import Annotated

import typer

from ruydad.cli.common import console, open_cli_store, out_console, run_guarded, store_location
from ruydad.cli.events import print_summary
from ruydad.cli.options import FormatOption, TheatreOption
from ruydad.output import OutputFormat
from ruydad.theatres import DEFAULT_THEATRE

app = typer.Typer()

@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port.")] = 8000,
    cache: Annotated[bool, typer.Option(help="Keep recent read responses in memory until the next write.")] = True,
    allowed_host: Annotated[list[str] | None, typer.Option(
        "--allowed-host", help="A Host name clients use to reach this server (repeatable; loopback names and "
                               "--host are always allowed; also RUYDAD_ALLOWED_HOSTS).")] = None,
    theatre: TheatreOption = DEFAULT_THEATRE,
    workers: Annotated[int, typer.Option(min=1, max=64, help=(
        "Server processes sharing the port: one per core lets a busy server use every core (each has "
        "its own response cache; extraction pools and rates are divided among them)."))] = 1,
) -> None:
    """Serve the HTTP API and the dashboard on the store (http://HOST:PORT/), for one theatre (its map,
    actors and place names; routes with a theatre parameter may ask for another).

    Requests naming another host are refused (DNS rebinding); URL extraction fetches public
    addresses only (RUYDAD_FETCH_ALLOW adds networks) in a bounded pool of workers
    (RUYDAD_EXTRACT_WORKERS, _QUEUE, _DEADLINE, _PER_MINUTE).

    A DuckDB store is held only while requests run (:class:`ruydad.store.shared.SharedStore`), so
    other ``ruydad`` commands read and write it meanwhile and the dashboard shows what they wrote."""
    import uvicorn

    from ruydad.store import is_database_url
    from ruydad.store.shared import SharedStore
    from ruydad.web import create_app
    from ruydad.web.served import close_served_store, open_served_store, settle_for_serving

    def body() -> None:
        path = store_location()
        hosts = [*(allowed_host or []), *([host] if host not in ("0.0.0.0", "::") else [])]
        if workers > 1:
            serve_workers(str(path), hosts)
            return
        shared = open_served_store(str(path))
        try:
            console.print(f"Ruydad on http://{host}:{port}/ (store {shared.path}); API docs at /docs")
            served = create_app(shared, cache=cache, allowed_hosts=hosts, theatre=theatre)
            settle_for_serving(served)
            uvicorn.run(served, host=host, port=port, log_level="warning")
        finally:
            close_served_store(shared)

    def serve_workers(path: str, hosts: list[str]) -> None:
        """``workers`` processes, each opening the store itself (:mod:`ruydad.web.served`)."""
        import os
        from pathlib import Path

        from ruydad.web.served import SERVE_ENV, run_workers, serve_options

        location = path if is_database_url(path) else str(Path(path).expanduser().resolve())
        if not is_database_url(path):
            SharedStore.open(location).close()  # create and migrate once, before the workers open it
        os.environ[SERVE_ENV] = serve_options(db=location, cache=cache, allowed_hosts=hosts, theatre=theatre,
                                              workers=workers)
        console.print(f"Ruydad on http://{host}:{port}/ (store {location}, {workers} workers); API docs at /docs")
        status = run_workers(workers, host, port)
        if status:
            raise typer.Exit(status)

    run_guarded(body)


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
        print_summary(summary, fmt)

    run_guarded(body)
    if serve_dashboard:
        import webbrowser

        url = f"http://127.0.0.1:{port}/"
        out_console.print(f"dashboard: {url} (Ctrl-C to stop)")
        threading.Timer(1.5, lambda: webbrowser.open(url)).start()
        serve(host="127.0.0.1", port=port, cache=True, workers=1)
