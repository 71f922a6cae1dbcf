"""The one ``ruydad`` Typer app: the root options and where each command group is mounted.

Why a module of its own: the command groups (one module each in this package) depend on
:mod:`ruydad.cli.common` and :mod:`ruydad.cli.options` only; this module depends on them all, so
nothing imports it back and there is no cycle. Every group module imports its engines inside its
commands, so mounting them all costs no engine at start-up (``tests/cli/test_startup.py``).
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ruydad.cli import actors, analysis, bench, events, extract, geo, ingest, serve, spark, tokens, watch
from ruydad.cli.common import _state, report_error
from ruydad.errors import RuydadError

app = typer.Typer(
    name="ruydad",
    help="Ruydad: a sourced, geo-referenced record of armed actors and what they do.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


@app.callback()
def _main(
    db: Annotated[
        str | None,
        typer.Option("--db", envvar="RUYDAD_DB",
                     help="Store file or PostgreSQL URL (default: RUYDAD_DB or the user data dir)."),
    ] = None,
) -> None:
    _state["db"] = db


# Typer lists the commands mounted one by one (analysis, extract, reconcile) first, then the
# groups in the order added here; unnamed groups (events, serve) list their commands in place.
analysis.register(app)
extract.register(app)
app.command("reconcile", help="News incidents against a dataset's events: in both, news only, dataset only.")(
    watch.reconcile_command)
app.add_typer(events.app)
app.add_typer(serve.app)
app.add_typer(ingest.app, name="ingest")
app.add_typer(geo.app, name="geo", help="Places: resolve names, locate points, list units, export boundaries.")
app.add_typer(actors.actors_app, name="actors", help="The actor registry: list actors, show a profile.")
app.add_typer(actors.claims_app, name="claims", help="Sourced claims about actors, and their conflicts.")
app.add_typer(spark.spark_app, name="spark", help="Corpus-scale extraction and analysis on Apache Spark.")
app.add_typer(watch.watch_app, name="watch", help="Watch news feeds and sitemaps: add sources, poll, status.")
app.add_typer(watch.incidents_app, name="incidents", help="Incidents merged from article reports.")
app.add_typer(tokens.app, name="token")
app.add_typer(bench.app, name="bench")


def main() -> None:
    """The console script ``ruydad``."""
    try:
        app()
    except RuydadError as exc:  # errors raised outside run_guarded (e.g. in callbacks)
        report_error(exc)
        sys.exit(1)
