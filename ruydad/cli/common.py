"""What every command group shares at run time: the chosen store, the consoles, the error guard.

Why one module: each command group used to keep its own ``_guarded``, its own store opener and its
own idea of the default store, and three of them imported the root command line back to ask it
which store ``ruydad --db`` had chosen. Here the root callback records its ``--db`` in
:data:`_state`; every group asks :func:`store_location` (a command's own ``--db``, else the root's,
else ``RUYDAD_DB`` or the user data dir), so the groups depend on this module and never on the app
that mounts them.

Nothing here imports the store or an engine at load time: ``ruydad --help`` must stay instant
(``tests/cli/test_startup.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import typer

from ruydad.errors import RuydadError
from ruydad.output import LiveConsole

if TYPE_CHECKING:  # the store (DuckDB, pyarrow) and the engines load when a command uses them
    from ruydad.analysis.core import Analysis
    from ruydad.store import Store

T = TypeVar("T")

_state: dict[str, Any] = {"db": None}
"""What the root callback read: ``ruydad --db`` (or ``RUYDAD_DB``), None when neither was given."""

console = LiveConsole(stderr=True)
"""Notes, warnings and summaries for people: standard error, so standard output stays data."""
out_console = LiveConsole(soft_wrap=True)
"""Standard output of the store commands (events, status...): long lines are never folded."""
wrapped_console = LiveConsole()
"""Standard output of the analysis, actor and geography commands: text folds at the terminal width."""


def store_location(db: str | None = None) -> str | Path:
    """The store a command uses: its own ``--db``, else ``ruydad --db``/``RUYDAD_DB``, else the user
    data dir. A URL stays the string it was given (``postgresql://`` keeps both slashes)."""
    from ruydad.store import default_db

    return db or _state["db"] or default_db()


def missing_store(location: str | Path) -> bool:
    """True when ``location`` names a DuckDB file that does not exist (a URL never is missing here)."""
    from ruydad.store import is_database_url

    return not is_database_url(location) and not Path(location).exists()


@contextmanager
def open_cli_store(read_only: bool = False, db: str | None = None, *, must_exist: bool | None = None,
                   hint: str = "ingest data first (`ruydad ingest ...`)") -> Iterator[Store]:
    """The chosen store. Opening a missing one is an error saying what to do (``hint``) when it
    ``must_exist`` (by default: when opened read-only, since there is nothing to read).

    Reading commands open a DuckDB file read-only: that lock is shared, so they run beside an open
    dashboard (``ruydad serve``) and each other. A PostgreSQL store is opened for writing either way,
    so that a newer Ruydad migrates it first."""
    from ruydad.store import Store, is_database_url

    path = store_location(db)
    if (read_only if must_exist is None else must_exist) and missing_store(path):
        raise RuydadError(f"no store at {path}: {hint} or pass --db")
    store = Store.open(path, read_only=read_only and not is_database_url(path))
    try:
        yield store
    finally:
        store.close()


@contextmanager
def open_analysis(db: str | None, theatre: str) -> Iterator[Analysis]:
    """An :class:`~ruydad.analysis.Analysis` over the chosen store, opened read-only (analysis never writes)."""
    from ruydad.analysis.core import Analysis
    from ruydad.store import Store

    path = store_location(db)
    if missing_store(path):
        raise RuydadError(f"no store at {path}: ingest data first (`ruydad ingest ...`) or pass --db")
    store = Store.open(path, read_only=True)  # on PostgreSQL too: a read-only session, never a migration
    try:
        yield Analysis.from_store(store, theatre=theatre)
    finally:
        store.close()


def report_error(exc: RuydadError) -> None:
    """One line on standard error, never folded and never read as Rich markup (messages quote user
    input, which may hold brackets)."""
    from rich.console import Console
    from rich.text import Text

    Console(stderr=True, soft_wrap=True).print(Text.assemble(("error:", "bold red"), f" {exc}"))


def run_guarded(fn: Callable[[], T]) -> T:
    """Run a command body, turning Ruydad's user errors into a one-line message and exit code 1."""
    try:
        return fn()
    except RuydadError as exc:
        report_error(exc)
        raise typer.Exit(1) from None


def echo_json(value: Any, *, indent: int | None = 2) -> None:
    """Print a value as JSON (dates as ISO strings) on standard output."""
    from ruydad.output import dumps

    typer.echo(dumps(value, indent=indent))


@contextmanager
def progress_bar(description: str) -> Iterator[Callable[[str, float], None]]:
    """A progress bar on standard error (shown only on a terminal), updated as ``update(stage, fraction)``."""
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
