"""The analysis commands: thin faces over :class:`ruydad.analysis.Analysis`, one method each.

``ruydad stats`` is ``Analysis.counts``, ``ruydad trend`` is ``Analysis.trend``, ``check`` is
:func:`ruydad.analysis.questions.check_question`, and so on; the options are the method's arguments
and the filter block (:func:`ruydad.cli.options.filter_options`, the same as ``ruydad events``).
Commands that print figures take the figures' output block (``--format table|csv|json``,
``--events`` for the events behind the figures, narrowed with ``--key column=value``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ruydad.analysis.dimensions import DIMENSIONS
from ruydad.cli.common import console, open_analysis, run_guarded, wrapped_console
from ruydad.cli.options import (
    DATES,
    DbOption,
    EventsLimitOption,
    FigureOutput,
    FilterOptions,
    TableFormatOption,
    TheatreOption,
    figure_output,
    filter_options,
)
from ruydad.errors import InputError
from ruydad.output import OutputFormat, dumps, write_table
from ruydad.theatres import DEFAULT_THEATRE

if TYPE_CHECKING:  # the engine (Ibis, scipy, pyarrow) loads when a command runs, not for --help
    import pyarrow as pa

    from ruydad.analysis.core import Analysis
    from ruydad.analysis.results import Figures
    from ruydad.query import Filters

def _day(value: str | None, option: str) -> date | None:
    from ruydad.query.filters import parse_day  # the query model's reading of a day, loaded when used

    return parse_day(value, option)


def _answer(filters: FilterOptions, output: FigureOutput, theatre: str, db: str | None,
            ask: Callable[[Analysis, Filters], Figures]) -> None:
    """Read the filters, open the analysis, ask it one question and print the figures."""

    def body() -> None:
        f = filters.filters()
        with open_analysis(db, theatre) as a:
            emit_figures(ask(a, f), output)

    run_guarded(body)


# -- printing figures ---------------------------------------------------------------------------

def _printable(table: pa.Table) -> pa.Table:
    """Lists (baseline windows, actor pairs) as text, so CSV and the terminal can show them (the
    terminal table rounds the figures for people: :func:`ruydad.output.human_number`)."""
    import pyarrow as pa

    columns = []
    for name in table.column_names:
        col = table[name]
        if pa.types.is_list(col.type) or pa.types.is_large_list(col.type):
            col = pa.array(["; ".join("" if v is None else str(v) for v in (x or [])) for x in col.to_pylist()],
                           pa.string())
        columns.append(col)
    return pa.Table.from_arrays(columns, names=table.column_names)


def _parse_key(pairs: list[str], figures: Figures) -> dict[str, Any]:
    key: dict[str, Any] = {}
    for pair in pairs:
        if "=" not in pair:
            raise InputError(f"--key {pair!r}: write column=value")
        name, value = pair.split("=", 1)
        if name not in figures.keys:
            raise InputError(f"--key {name}: this result's keys are {', '.join(figures.keys)}")
        sample = next((r[name] for r in figures.rows() if r.get(name) is not None), None)
        key[name] = date.fromisoformat(value) if isinstance(sample, date) else value
    return key


def emit_figures(figures: Figures, output: FigureOutput) -> None:
    """Print figures (or their events) in the chosen format; table output adds method and summary."""
    fmt = output.fmt
    if output.events:
        rows = figures.events(limit=output.limit or None, **_parse_key(output.key, figures))
        if fmt is OutputFormat.table:
            rows = rows.select([c for c in ("event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1",
                                            "actor2", "admin1", "admin2", "fatalities", "dataset")
                                if c in rows.column_names])
        write_table(rows, fmt, console=wrapped_console)
        return
    if fmt is OutputFormat.json:
        sys.stdout.write(dumps(figures.as_dict(), indent=2) + "\n")
        return
    write_table(_printable(figures.table), fmt, console=wrapped_console, title=figures.title)
    if fmt is OutputFormat.table:
        for line in _matched_lines(figures.matched):
            console.print(f"[dim]matched {line}[/]", highlight=False)
        summary = "; ".join(f"{k}: {_fmt(v)}" for k, v in figures.summary.items())
        console.print(f"[dim]{figures.method}. Filters: {figures.filters.describe()}."
                      + (f" {summary}." if summary else "") + "[/]", highlight=False)


def _matched_lines(matched: dict[str, Any]) -> list[str]:
    """What the filters' terms matched, one line each (the query model's reading, from JSON form)."""
    lines = []
    for field, value in matched.items():
        if isinstance(value, dict) and "names" in value:
            names = ", ".join(f'"{n["name"]}" ({n["dataset"]}, {n["events"]} events)' for n in value["names"])
            lines.append(f"{field}: {value['term']} -> {names or value['status']}")
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{field}: " + ", ".join(f"{p['term']} -> {p['name']}" for p in value))
        elif field == "notes":
            lines += [str(v) for v in value]
    return lines


def _fmt(value: Any) -> str:
    """A summary figure for people: 3.69 rather than 3.6861878453038672, <0.001 rather than 3.47e-18."""
    from ruydad.output import human_value

    if isinstance(value, list):
        return ", ".join(map(human_value, value))
    return human_value(value)


# -- commands ----------------------------------------------------------------------------------

@filter_options()
@figure_output()
def stats_command(
    by: Annotated[list[str] | None,
                  typer.Option("--by", help=f"Group by (repeatable): {', '.join(DIMENSIONS)}.")] = None,
    top: Annotated[int | None, typer.Option(help="Only the N largest groups.")] = None,
    *, filters: FilterOptions, output: FigureOutput,
    theatre: TheatreOption = DEFAULT_THEATRE, db: DbOption = None,
) -> None:
    """Counts and fatalities by actor, category, event type, place or time (Analysis.counts)."""
    _answer(filters, output, theatre, db, lambda a, f: a.counts(by or [], f, top=top))


@filter_options()
@figure_output()
def trend_command(
    every: Annotated[str, typer.Option("--every", help="day, week, month, quarter or year.")] = "month",
    by: Annotated[str | None, typer.Option("--by", help="One trend per value of this dimension.")] = None,
    baseline: Annotated[int, typer.Option(help="Compare with the mean of this many previous periods.", min=1)] = 1,
    *, filters: FilterOptions, output: FigureOutput,
    theatre: TheatreOption = DEFAULT_THEATRE, db: DbOption = None,
) -> None:
    """Events per period with change, ACLED trend band and an exact test (Analysis.trend)."""
    _answer(filters, output, theatre, db, lambda a, f: a.trend(every, by, f, baseline_periods=baseline))


@filter_options(exclude=DATES)
@figure_output()
def surges_command(
    unit: Annotated[str, typer.Option(help="admin1, admin2, actor, or any dimension.")] = "admin1",
    at: Annotated[str | None, typer.Option(help="Last day of the current window (default: last event).")] = None,
    window: Annotated[str, typer.Option(help="week, month or a number of days.")] = "week",
    baseline: Annotated[int, typer.Option(help="Number of previous windows in the baseline.", min=1)] = 4,
    min_ratio: Annotated[float, typer.Option(help="Rule: current >= this times the baseline mean.")] = 2.0,
    min_baseline: Annotated[float, typer.Option(help="Rule: only units with at least this baseline mean.")] = 0.0,
    acled: Annotated[bool, typer.Option("--acled", help="ACLED's definition: admin1, violent events, last week vs "
                                                        "4 weeks, x2, baseline >= 1/week.")] = False,
    only_surges: Annotated[bool, typer.Option("--only-surges", help="Only units meeting the rule.")] = False,
    *, filters: FilterOptions, output: FigureOutput,
    theatre: TheatreOption = DEFAULT_THEATRE, db: DbOption = None,
) -> None:
    """Units whose last window exceeds their trailing baseline, with Poisson and negative-binomial
    p-values (Analysis.surges, Analysis.acled_surges)."""

    def ask(a: Analysis, f: Filters) -> Figures:
        day = _day(at, "--at")
        if acled:
            return a.acled_surges(f, at=day)
        length: str | int = int(window) if window.isdigit() else window
        return a.surges(unit, f, at=day, period=length, baseline_periods=baseline, min_ratio=min_ratio,
                        min_baseline_mean=min_baseline, only_surges=only_surges)

    _answer(filters, output, theatre, db, ask)


@filter_options(exclude=DATES)
def compare_command(
    periods: Annotated[list[str], typer.Option("--period", help="Two periods, A then B (A is the baseline).")],
    infighting: Annotated[bool, typer.Option("--infighting", help="Only infighting events.")] = False,
    cross_border: Annotated[bool, typer.Option("--cross-border", help="Only cross-border events.")] = False,
    *, filters: FilterOptions,
    events: Annotated[str | None, typer.Option("--events", help="Print period a's or b's events instead.")] = None,
    limit: EventsLimitOption = 50,
    theatre: TheatreOption = DEFAULT_THEATRE, fmt: TableFormatOption = OutputFormat.table, db: DbOption = None,
) -> None:
    """Two periods' rates normalised by length: rate ratio B/A with an exact interval (Analysis.compare)."""
    from ruydad.analysis.questions import compare_kind

    def body() -> None:
        if len(periods) != 2:
            raise InputError("give exactly two periods: --period A --period B")
        f = filters.filters()
        with open_analysis(db, theatre) as a:
            kind = "infighting" if infighting else "cross_border" if cross_border else "events"
            result = compare_kind(a, periods[0], periods[1], f, kind)
            if events:
                write_table(result.events(events, limit=limit or None), fmt, console=wrapped_console)
                return
            data = result.as_dict()
        if fmt is OutputFormat.json:
            sys.stdout.write(dumps(data, indent=2) + "\n")
            return
        import pyarrow as pa

        table = pa.Table.from_pylist([{k: v for k, v in data.items() if k != "filters"}])
        write_table(table, fmt, console=wrapped_console, title="Period comparison (B against A)")

    run_guarded(body)


def _figures_command(method: str, doc: str) -> Callable[..., None]:
    """Commands that take only filters: targets, infighting, cross-border."""

    @filter_options()
    @figure_output()
    def command(*, filters: FilterOptions, output: FigureOutput,
                theatre: TheatreOption = DEFAULT_THEATRE, db: DbOption = None) -> None:
        _answer(filters, output, theatre, db, lambda a, f: getattr(a, method)(f))

    command.__doc__ = doc
    command.__name__ = f"{method}_command"
    return command


targets_command = _figures_command("targets", "Who the events were aimed at: civilians, former security forces, "
                                              "women, journalists, ethnic or religious groups (Analysis.targets).")
infighting_command = _figures_command("infighting", "Events whose two sides belong to one actor family "
                                                    "(Analysis.infighting).")
cross_border_command = _figures_command("cross_border", "Incidents involving foreign state forces, strikes into "
                                                        "the country included (Analysis.cross_border).")


@filter_options(exclude=("actor1",))
@figure_output()
def attribution_command(
    of: Annotated[str | None, typer.Option("--of", help="Report this actor's share (e.g. Taliban).")] = None,
    by_family: Annotated[bool, typer.Option("--by-family", help="Merge names of one actor family.")] = False,
    *, filters: FilterOptions, output: FigureOutput,
    theatre: TheatreOption = DEFAULT_THEATRE, db: DbOption = None,
) -> None:
    """Who the events are blamed on, unidentified perpetrators included (Analysis.attribution)."""
    _answer(filters, output, theatre, db, lambda a, f: a.attribution(f, by_family=by_family, of=of))


@filter_options(only=("actor", "event_type", "admin1", "country", "dataset", "violent"))
@figure_output()
def emerging_command(
    period: Annotated[str | None, typer.Option("--period", help="Actors first recorded in this period.")] = None,
    acled: Annotated[bool, typer.Option("--acled", help="ACLED's definition: violent in the 30 days to --at, not "
                                                        "in the year before.")] = False,
    at: Annotated[str | None, typer.Option(help="With --acled: the last day (default: last event).")] = None,
    all_categories: Annotated[bool, typer.Option("--all-categories", help="Not only non-state groups.")] = False,
    *, filters: FilterOptions, output: FigureOutput,
    theatre: TheatreOption = DEFAULT_THEATRE, db: DbOption = None,
) -> None:
    """Actors first recorded in a period, or emerging by ACLED's definition (Analysis.emerging_actors)."""

    def ask(a: Analysis, f: Filters) -> Figures:
        from ruydad.query import NON_STATE_CATEGORIES

        if acled:
            return a.acled_emerging_actors(f, at=_day(at, "--at"))
        if not period:
            raise InputError("give --period (e.g. 2022H1) or --acled")
        return a.emerging_actors(period, f, categories=None if all_categories else NON_STATE_CATEGORIES)

    _answer(filters, output, theatre, db, ask)


@filter_options(only=("actor", "event_type", "admin1", "country", "dataset", "date_from", "date_to", "violent",
                      "civilian_targeting"))
def check_command(
    claim: Annotated[str | None, typer.Argument(help="A claim in words: 'up to 300 clashes NRF 2022H1', "
                                                     "'around 59% Taliban 2021-08-15..2022-06-30'.")] = None,
    periods: Annotated[list[str] | None, typer.Option("--period", help="For a rate ratio: periods A and B; "
                                                                        "otherwise the claim's one period.")] = None,
    places: Annotated[str | None, typer.Option("--places", help="A place claim: comma-separated provinces the "
                                                                "--actor claims to be active in.")] = None,
    most_in: Annotated[str | None, typer.Option(
        "--most-in", help="A claim that most of the events (given by the filters) are in these places.")] = None,
    claim_id: Annotated[str | None, typer.Option("--claim-id", help="A claim stored in the claims table.")] = None,
    published: Annotated[str | None, typer.Option(
        "--published", help="When the claim was published (YYYY-MM-DD): resolves 'this year', 'since March', "
                            "'the first six months of this year'.")] = None,
    *, filters: FilterOptions,
    tolerance: Annotated[float, typer.Option(help="Relative tolerance of 'about' and 'nearly'.")] = 0.1,
    events: Annotated[bool, typer.Option("--events", help="Also print the events behind the figure.")] = False,
    limit: EventsLimitOption = 20,
    theatre: TheatreOption = DEFAULT_THEATRE, fmt: TableFormatOption = OutputFormat.table, db: DbOption = None,
) -> None:
    """Hold a claim or quoted figure against the events: supported, contradicted or cannot check (with the
    reason), always saying what the claim was understood as."""
    from ruydad.analysis.questions import check_question

    def body() -> None:
        f = filters.filters(period=periods[0] if periods and len(periods) == 1 else None)
        with open_analysis(db, theatre) as a:
            verdict = check_question(a, f, text=claim, claim_id=claim_id, most_in=most_in, places=places,
                                     periods=periods if periods and len(periods) == 2 else None,
                                     published=published, tolerance=tolerance)
            _print_verdict(verdict, fmt, limit if events else None)

    run_guarded(body)


def _print_verdict(verdict: Any, fmt: OutputFormat, events: int | None) -> None:
    """A :class:`~ruydad.analysis.claims.Verdict` as JSON, one CSV row, or lines for people; with
    ``events`` (a limit, 0 for all) the events behind the figure too."""
    if fmt is OutputFormat.json:
        data = verdict.as_dict()
        if events is not None:
            data["events"] = verdict.events(limit=events or None).to_pylist()
        sys.stdout.write(dumps(data, indent=2) + "\n")
        return
    if fmt is OutputFormat.csv:
        import pyarrow as pa

        write_table(pa.Table.from_pylist([{k: str(v) for k, v in verdict.as_dict().items() if k != "details"}]), fmt)
        return
    colour = {"supported": "green", "contradicted": "red"}.get(verdict.verdict, "yellow")
    wrapped_console.print(f"[bold {colour}]{verdict.verdict.upper()}[/]  {verdict.claim}", highlight=False)
    wrapped_console.print(f"understood as: {verdict.understood or verdict.claimed}", highlight=False)
    wrapped_console.print(f"claimed: {verdict.claimed}; computed: {_fmt(verdict.figure)}", highlight=False)
    wrapped_console.print(f"why: {verdict.reason}", highlight=False)
    if events is not None:
        table = verdict.events(limit=events or None)
        if table.num_rows:
            write_table(table.select(["event_id_cnty", "event_date", "event_type", "actor1", "actor2", "admin1",
                                      "fatalities", "dataset"]), fmt, console=wrapped_console)


def brief_command(
    theatre: TheatreOption = DEFAULT_THEATRE,
    date_from: Annotated[str, typer.Option("--from", help="First day, YYYY-MM-DD.")] = "",
    date_to: Annotated[str, typer.Option("--to", help="Last day, YYYY-MM-DD.")] = "",
    out: Annotated[Path, typer.Option("--out", help="HTML file to write.")] = Path("brief.html"),
    claims: Annotated[list[str] | None, typer.Option("--claim", help="A claim for the claims board "
                                                                     "(repeatable).")] = None,
    dataset: Annotated[str | None, typer.Option(help="The dataset the figures come from (default: the one "
                                                     "with the most events in the period).")] = None,
    db: DbOption = None,
) -> None:
    """Write a self-contained, offline HTML situation brief (figures, map, trends, surges, claims)."""
    from ruydad.analysis.brief import write_brief
    from ruydad.query import Period

    def body() -> None:
        start, end = _day(date_from or None, "--from"), _day(date_to or None, "--to")
        if start is None or end is None:
            raise InputError("give --from and --to")
        with open_analysis(db, theatre) as a:
            path = write_brief(a, Period(start, end), out, theatre=theatre, claims=claims or [], dataset=dataset)
        console.print(f"wrote {path}", highlight=False)

    run_guarded(body)


COMMANDS: dict[str, Callable[..., None]] = {
    "stats": stats_command,
    "trend": trend_command,
    "surges": surges_command,
    "compare": compare_command,
    "attribution": attribution_command,
    "targets": targets_command,
    "emerging": emerging_command,
    "infighting": infighting_command,
    "cross-border": cross_border_command,
    "check": check_command,
    "brief": brief_command,
}
"""Command name -> function, in the order ``ruydad --help`` lists them."""


def register(target: typer.Typer) -> None:
    """Mount every analysis command on a Typer app (the root app, or one a test builds)."""
    for name, fn in COMMANDS.items():
        target.command(name)(fn)
