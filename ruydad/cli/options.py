"""Options declared once and shared by every command, as sqlite-utils shares its click options.

Why: the filter options (``--actor`` ... ``--civilian-targeting``) were typed again in nine
signatures, ``--db`` four times (as a ``Path`` in some: ``pathlib`` folds ``postgresql://`` into
``postgresql:/``), ``--format`` in every module. Here each is one ``Annotated`` type, and two
*blocks* stand for several options at once:

- :func:`filter_options` adds the query model's options (:func:`ruydad.query.filters_from_options`
  takes the same names) and hands the command one :class:`FilterOptions`;
- :func:`figure_output` adds ``--events``, ``--key``, ``--limit`` and ``--format`` for commands that
  print :class:`~ruydad.analysis.results.Figures`, and hands the command one :class:`FigureOutput`.

A block replaces one parameter of the decorated function by its options, at that place in the
signature (so ``--help`` lists them where the parameter stood), and at call time gathers their
values back into the one object. Nothing here loads the query model or an engine: ``--help``
builds every signature (``tests/cli/test_startup.py``).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from ruydad.output import OutputFormat

if TYPE_CHECKING:
    from ruydad.query import Filters

F = TypeVar("F", bound=Callable[..., Any])

DbOption = Annotated[str | None, typer.Option(
    "--db", help="Store file or postgresql:// URL (default: ruydad --db, RUYDAD_DB or the user data dir).")]
"""A command's own store. A string, never a ``Path``: a URL must keep its ``//``."""
FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]
TableFormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="table, csv or json.")]
TheatreOption = Annotated[str, typer.Option("--theatre", "-t", help="Theatre: its actor registry and gazetteer.")]
OptionalTheatreOption = Annotated[str | None, typer.Option(
    "--theatre", help="Theatre the articles belong to (default: the source's, else the default theatre).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
LimitOption = Annotated[int, typer.Option(min=0, help="At most this many rows (0: all).")]
EventsLimitOption = Annotated[int, typer.Option(help="With --events: at most this many events (0: all).", min=0)]
FromOption = Annotated[str | None, typer.Option("--from", help="First day, YYYY-MM-DD.")]
ToOption = Annotated[str | None, typer.Option("--to", help="Last day, YYYY-MM-DD.")]
PeriodOption = Annotated[str | None, typer.Option(
    "--period", help="Instead of --from/--to: 2022H1, 2022Q2, 2022-06, A..B.")]
OutOption = Annotated[Path | None, typer.Option("--out", help="Write to this file instead of stdout.")]

FILTERS: dict[str, tuple[Any, Any]] = {
    "actor": (Annotated[str | None, typer.Option(
        help="Actor in any actor column: a registry name, alias or acronym (matched to each dataset's own "
             "names), else a stored name; '=NAME' exact.")], None),
    "actor1": (Annotated[str | None, typer.Option(help="Actor1 (initiator; perpetrator).")], None),
    "actor2": (Annotated[str | None, typer.Option(help="Actor2 (opponent or target).")], None),
    "actor_category": (Annotated[str | None, typer.Option(
        help="Actor category on either side, e.g. 'Rebel group'.")], None),
    "event_type": (Annotated[str | None, typer.Option(help="ACLED event type(s), comma-separated.")], None),
    "sub_event_type": (Annotated[str | None, typer.Option(help="ACLED sub-event type(s), comma-separated.")], None),
    "admin1": (Annotated[str | None, typer.Option(help="Province: any spelling, ISO 3166-2 code or P-code.")], None),
    "admin2": (Annotated[str | None, typer.Option(help="District: name or P-code.")], None),
    "country": (Annotated[str | None, typer.Option(help="Country name or ISO3 code.")], None),
    "dataset": (Annotated[str | None, typer.Option(help="acled, ucdp, article...")], None),
    "date_from": (FromOption, None),
    "date_to": (ToOption, None),
    "period": (PeriodOption, None),
    "violent": (Annotated[bool, typer.Option("--violent", help="Only political violence event types.")], False),
    "civilian_targeting": (Annotated[bool, typer.Option(
        "--civilian-targeting", help="Only events targeting civilians.")], False),
}
"""The query model's options, in the order ``--help`` lists them (names as ``filters_from_options``)."""

DATES = ("date_from", "date_to", "period")
"""The options that choose days, left out by commands that choose their own window (surges, compare)."""


@dataclass(frozen=True)
class FilterOptions:
    """The filter options as given on the command line; :meth:`filters` reads them."""

    values: dict[str, Any]

    def filters(self, **overrides: Any) -> Filters:
        """One :class:`ruydad.query.Filters` (``filters_from_options``); an error names the option."""
        from ruydad.query import filters_from_options

        return filters_from_options(**{**self.values, **overrides})

    def get(self, name: str) -> Any:
        return self.values.get(name)


@dataclass(frozen=True)
class FigureOutput:
    """How a command prints figures: in a format, or the events behind them (``--events``), one
    row's events with ``--key column=value``, at most ``limit`` of them."""

    fmt: OutputFormat
    events: bool
    key: list[str]
    limit: int


def option_block(param: str, options: Mapping[str, tuple[Any, Any]],
                 build: Callable[[dict[str, Any]], Any]) -> Callable[[F], F]:
    """Replace the parameter ``param`` of a command by ``options`` (name -> (Annotated type,
    default)); the command receives ``build(values)`` as ``param``."""

    def decorate(fn: F) -> F:
        signature = inspect.signature(fn, eval_str=True)
        params = list(signature.parameters.values())
        at = [p.name for p in params].index(param)
        added = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=kind, default=default)
                 for name, (kind, default) in options.items()]
        new = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in [*params[:at], *added, *params[at + 1:]]]

        @functools.wraps(fn)
        def command(**kwargs: Any) -> Any:
            values = {name: kwargs.pop(name) for name in options}
            return fn(**kwargs, **{param: build(values)})

        command.__signature__ = signature.replace(parameters=new)  # type: ignore[attr-defined]
        command.__annotations__ = {p.name: p.annotation for p in new}
        return command  # type: ignore[return-value]

    return decorate


def filter_options(*, only: tuple[str, ...] | None = None, exclude: tuple[str, ...] = ()) -> Callable[[F], F]:
    """The filter block in place of the command's ``filters: FilterOptions`` parameter."""
    chosen = {name: spec for name, spec in FILTERS.items()
              if (only is None or name in only) and name not in exclude}
    return option_block("filters", chosen, FilterOptions)


def figure_output(*, limit: int = 50) -> Callable[[F], F]:
    """``--events``, ``--key``, ``--limit`` and ``--format`` in place of ``output: FigureOutput``."""
    options: dict[str, tuple[Any, Any]] = {
        "events": (Annotated[bool, typer.Option(
            "--events", help="Print the events behind the figures instead.")], False),
        "key": (Annotated[list[str] | None, typer.Option(
            "--key", help="With --events: one row's key, column=value (repeatable).")], None),
        "limit": (EventsLimitOption, limit),
        "fmt": (TableFormatOption, OutputFormat.table),
    }
    return option_block("output", options, lambda v: FigureOutput(v["fmt"], v["events"], v["key"] or [],
                                                                  v["limit"]))
