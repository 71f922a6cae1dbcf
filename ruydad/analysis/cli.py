"""The analysis commands: thin faces over :class:`ruydad.analysis.Analysis`, one method each.

``ruydad stats`` is ``Analysis.counts``, ``ruydad trend`` is ``Analysis.trend``, and so on; the
options are the method's arguments and the :class:`~ruydad.analysis.Filters` fields. Every command
takes ``--format table|csv|json`` and ``--events`` (print the events behind the figures instead,
optionally narrowed with ``--key column=value``). :data:`COMMANDS` maps command names to functions
for the main ``ruydad`` app to mount.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ruydad.analysis.dimensions import DIMENSIONS
from ruydad.errors import InputError, RuydadError
from ruydad.output import LiveConsole, OutputFormat, dumps, write_table

if TYPE_CHECKING:  # the engine (Ibis, scipy, pyarrow) loads when a command runs, not for --help
    import pyarrow as pa

    from ruydad.analysis.core import Analysis
    from ruydad.analysis.results import Figures
    from ruydad.query import Filters

out_console = LiveConsole()
err_console = LiveConsole(stderr=True)

DbOption = Annotated[str | None, typer.Option("--db", help="Store file or postgresql:// URL (default: ruydad --db, "
                                                         "RUYDAD_DB or the user data dir).")]
FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="table, csv or json.")]
ActorOption = Annotated[str | None, typer.Option(help="Actor in any actor column (substring; '=NAME' exact; "
                                                      "registry names resolve to dataset names).")]
Actor1Option = Annotated[str | None, typer.Option(help="Actor1 (initiator; perpetrator of violence against "
                                                       "civilians).")]
Actor2Option = Annotated[str | None, typer.Option(help="Actor2 (opponent or target).")]
CategoryOption = Annotated[str | None, typer.Option(help="Actor category on either side, e.g. 'Rebel group'.")]
EventTypeOption = Annotated[str | None, typer.Option(help="ACLED event type(s), comma-separated.")]
SubEventOption = Annotated[str | None, typer.Option(help="ACLED sub-event type(s), comma-separated.")]
Admin1Option = Annotated[str | None, typer.Option(help="Province: name (any spelling), ISO 3166-2 or P-code.")]
Admin2Option = Annotated[str | None, typer.Option(help="District: name or P-code.")]
CountryOption = Annotated[str | None, typer.Option(help="Country name or ISO3 code.")]
DatasetOption = Annotated[str | None, typer.Option(help="acled, ucdp, article...")]
FromOption = Annotated[str | None, typer.Option("--from", help="First day, YYYY-MM-DD.")]
ToOption = Annotated[str | None, typer.Option("--to", help="Last day, YYYY-MM-DD.")]
PeriodOption = Annotated[str | None, typer.Option("--period", help="A period instead of --from/--to: "
                                                                   "2022H1, 2022Q2, 2022-06, A..B.")]
ViolentOption = Annotated[bool, typer.Option("--violent", help="Only ACLED's political violence event types.")]
CivilianOption = Annotated[bool, typer.Option("--civilian-targeting", help="Only events targeting civilians.")]
EventsOption = Annotated[bool, typer.Option("--events", help="Print the events behind the figures instead.")]
KeyOption = Annotated[list[str] | None, typer.Option("--key", help="With --events: one row's key, column=value "
                                                                   "(repeatable).")]
LimitOption = Annotated[int, typer.Option(help="With --events: at most this many events (0: all).", min=0)]
TheatreOption = Annotated[str, typer.Option(help="Theatre (actor registry and gazetteer).")]


def _date(value: str | None, option: str) -> date | None:
    from ruydad.query.filters import parse_day  # the query model's reading of a day, loaded when used

    return parse_day(value, option)


def build_filters(**options: Any) -> Filters:
    """The command's filter options as one :class:`ruydad.query.Filters` (``filters_from_options``)."""
    from ruydad.query import filters_from_options

    return filters_from_options(**options)


@contextmanager
def open_analysis(db: str | Path | None, theatre: str = "afghanistan") -> Iterator[Analysis]:
    """An Analysis over the chosen store, opened read-only (analysis never writes)."""
    from ruydad.analysis.core import Analysis
    from ruydad.store import Store, is_database_url

    if db is None:
        from ruydad.cli import db_path

        db = db_path()
    if not is_database_url(str(db)) and not Path(db).exists():
        raise RuydadError(f"no store at {db}: ingest data first (`ruydad ingest ...`) or pass --db")
    store = Store.open(db, read_only=True)
    try:
        yield Analysis.from_store(store, theatre=theatre)
    finally:
        store.close()


def guarded(body: Callable[[], None]) -> None:
    try:
        body()
    except RuydadError as exc:
        err_console.print(f"[bold red]error:[/] {exc}", highlight=False)
        raise typer.Exit(1) from None


def _printable(table: pa.Table, for_people: bool = False) -> pa.Table:
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


def _parse_key(pairs: list[str] | None, figures: Figures) -> dict[str, Any]:
    key: dict[str, Any] = {}
    for pair in pairs or []:
        if "=" not in pair:
            raise InputError(f"--key {pair!r}: write column=value")
        name, value = pair.split("=", 1)
        if name not in figures.keys:
            raise InputError(f"--key {name}: this result's keys are {', '.join(figures.keys)}")
        sample = next((r[name] for r in figures.rows() if r.get(name) is not None), None)
        key[name] = date.fromisoformat(value) if isinstance(sample, date) else value
    return key


def emit_figures(figures: Figures, fmt: OutputFormat, *, events: bool = False, key: list[str] | None = None,
                 limit: int = 50) -> None:
    """Print figures (or their events) in the chosen format; table output adds method and summary."""
    if events:
        rows = figures.events(limit=limit or None, **_parse_key(key, figures))
        if fmt is OutputFormat.table:
            rows = rows.select([c for c in ("event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1",
                                            "actor2", "admin1", "admin2", "fatalities", "dataset")
                                if c in rows.column_names])
        write_table(rows, fmt, console=out_console)
        return
    if fmt is OutputFormat.json:
        sys.stdout.write(dumps(figures.as_dict(), indent=2) + "\n")
        return
    write_table(_printable(figures.table, fmt is OutputFormat.table), fmt, console=out_console,
                title=figures.title)
    if fmt is OutputFormat.table:
        for line in _matched_lines(figures.matched):
            err_console.print(f"[dim]matched {line}[/]", highlight=False)
        summary = "; ".join(f"{k}: {_fmt(v)}" for k, v in figures.summary.items())
        err_console.print(f"[dim]{figures.method}. Filters: {figures.filters.describe()}."
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


def stats_command(
    by: Annotated[list[str] | None,
                  typer.Option("--by", help=f"Group by (repeatable): {', '.join(DIMENSIONS)}.")] = None,
    top: Annotated[int | None, typer.Option(help="Only the N largest groups.")] = None,
    actor: ActorOption = None, actor1: Actor1Option = None, actor2: Actor2Option = None,
    actor_category: CategoryOption = None, event_type: EventTypeOption = None, sub_event_type: SubEventOption = None,
    admin1: Admin1Option = None, admin2: Admin2Option = None, country: CountryOption = None,
    dataset: DatasetOption = None, date_from: FromOption = None, date_to: ToOption = None,
    period: PeriodOption = None, violent: ViolentOption = False, civilian_targeting: CivilianOption = False,
    events: EventsOption = False, key: KeyOption = None, limit: LimitOption = 50,
    theatre: TheatreOption = "afghanistan", fmt: FormatOption = OutputFormat.table, db: DbOption = None,
) -> None:
    """Counts and fatalities by actor, category, event type, place or time (Analysis.counts)."""
    def body() -> None:
        f = build_filters(actor=actor, actor1=actor1, actor2=actor2, actor_category=actor_category,
                          event_type=event_type, sub_event_type=sub_event_type, admin1=admin1, admin2=admin2,
                          country=country, dataset=dataset, date_from=date_from, date_to=date_to, period=period,
                          violent=violent, civilian_targeting=civilian_targeting)
        with open_analysis(db, theatre) as a:
            emit_figures(a.counts(by or [], f, top=top), fmt, events=events, key=key, limit=limit)
    guarded(body)


def trend_command(
    every: Annotated[str, typer.Option("--every", help="day, week, month, quarter or year.")] = "month",
    by: Annotated[str | None, typer.Option("--by", help="One trend per value of this dimension.")] = None,
    baseline: Annotated[int, typer.Option(help="Compare with the mean of this many previous periods.", min=1)] = 1,
    actor: ActorOption = None, actor1: Actor1Option = None, actor2: Actor2Option = None,
    actor_category: CategoryOption = None, event_type: EventTypeOption = None, sub_event_type: SubEventOption = None,
    admin1: Admin1Option = None, admin2: Admin2Option = None, country: CountryOption = None,
    dataset: DatasetOption = None, date_from: FromOption = None, date_to: ToOption = None,
    period: PeriodOption = None, violent: ViolentOption = False, civilian_targeting: CivilianOption = False,
    events: EventsOption = False, key: KeyOption = None, limit: LimitOption = 50,
    theatre: TheatreOption = "afghanistan", fmt: FormatOption = OutputFormat.table, db: DbOption = None,
) -> None:
    """Events per period with change, ACLED trend band and an exact test (Analysis.trend)."""
    def body() -> None:
        f = build_filters(actor=actor, actor1=actor1, actor2=actor2, actor_category=actor_category,
                          event_type=event_type, sub_event_type=sub_event_type, admin1=admin1, admin2=admin2,
                          country=country, dataset=dataset, date_from=date_from, date_to=date_to, period=period,
                          violent=violent, civilian_targeting=civilian_targeting)
        with open_analysis(db, theatre) as a:
            emit_figures(a.trend(every, by, f, baseline_periods=baseline), fmt, events=events, key=key, limit=limit)
    guarded(body)


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
    actor: ActorOption = None, actor1: Actor1Option = None, actor2: Actor2Option = None,
    actor_category: CategoryOption = None, event_type: EventTypeOption = None, sub_event_type: SubEventOption = None,
    admin1: Admin1Option = None, admin2: Admin2Option = None, country: CountryOption = None,
    dataset: DatasetOption = None, violent: ViolentOption = False, civilian_targeting: CivilianOption = False,
    events: EventsOption = False, key: KeyOption = None, limit: LimitOption = 50,
    theatre: TheatreOption = "afghanistan", fmt: FormatOption = OutputFormat.table, db: DbOption = None,
) -> None:
    """Units whose last window exceeds their trailing baseline, with Poisson and negative-binomial
    p-values (Analysis.surges, Analysis.acled_surges)."""
    def body() -> None:
        f = build_filters(actor=actor, actor1=actor1, actor2=actor2, actor_category=actor_category,
                          event_type=event_type, sub_event_type=sub_event_type, admin1=admin1, admin2=admin2,
                          country=country, dataset=dataset, violent=violent, civilian_targeting=civilian_targeting)
        day = _date(at, "--at")
        with open_analysis(db, theatre) as a:
            if acled:
                result = a.acled_surges(f, at=day)
            else:
                length: str | int = int(window) if window.isdigit() else window
                result = a.surges(unit, f, at=day, period=length, baseline_periods=baseline, min_ratio=min_ratio,
                                  min_baseline_mean=min_baseline, only_surges=only_surges)
            emit_figures(result, fmt, events=events, key=key, limit=limit)
    guarded(body)


def compare_command(
    periods: Annotated[list[str], typer.Option("--period", help="Two periods, A then B (A is the baseline).")],
    infighting: Annotated[bool, typer.Option("--infighting", help="Only infighting events.")] = False,
    cross_border: Annotated[bool, typer.Option("--cross-border", help="Only cross-border events.")] = False,
    actor: ActorOption = None, actor1: Actor1Option = None, actor2: Actor2Option = None,
    actor_category: CategoryOption = None, event_type: EventTypeOption = None, sub_event_type: SubEventOption = None,
    admin1: Admin1Option = None, admin2: Admin2Option = None, country: CountryOption = None,
    dataset: DatasetOption = None, violent: ViolentOption = False, civilian_targeting: CivilianOption = False,
    events: Annotated[str | None, typer.Option("--events", help="Print period a's or b's events instead.")] = None,
    limit: LimitOption = 50, theatre: TheatreOption = "afghanistan",
    fmt: FormatOption = OutputFormat.table, db: DbOption = None,
) -> None:
    """Two periods' rates normalised by length: rate ratio B/A with an exact interval (Analysis.compare)."""
    def body() -> None:
        if len(periods) != 2:
            raise InputError("give exactly two periods: --period A --period B")
        f = build_filters(actor=actor, actor1=actor1, actor2=actor2, actor_category=actor_category,
                          event_type=event_type, sub_event_type=sub_event_type, admin1=admin1, admin2=admin2,
                          country=country, dataset=dataset, violent=violent, civilian_targeting=civilian_targeting)
        with open_analysis(db, theatre) as a:
            from ruydad.analysis.claims import _kind_filters

            kind = "infighting" if infighting else "cross_border" if cross_border else "events"
            result = a.compare(periods[0], periods[1], _kind_filters(a, f, kind))
            if events:
                write_table(result.events(events, limit=limit or None), fmt, console=out_console)
                return
            data = result.as_dict()
            import pyarrow as pa

            if fmt is OutputFormat.json:
                sys.stdout.write(dumps(data, indent=2) + "\n")
                return
            table = pa.Table.from_pylist([{k: v for k, v in data.items() if k != "filters"}])
            write_table(table, fmt, console=out_console, title="Period comparison (B against A)")
    guarded(body)


def _figures_command(method: str, doc: str) -> Callable[..., None]:
    """Commands that take only filters: attribution, targets, infighting, cross-border."""
    def command(
        actor: ActorOption = None, actor1: Actor1Option = None, actor2: Actor2Option = None,
        actor_category: CategoryOption = None, event_type: EventTypeOption = None,
        sub_event_type: SubEventOption = None, admin1: Admin1Option = None, admin2: Admin2Option = None,
        country: CountryOption = None, dataset: DatasetOption = None, date_from: FromOption = None,
        date_to: ToOption = None, period: PeriodOption = None, violent: ViolentOption = False,
        civilian_targeting: CivilianOption = False, events: EventsOption = False, key: KeyOption = None,
        limit: LimitOption = 50, theatre: TheatreOption = "afghanistan", fmt: FormatOption = OutputFormat.table,
        db: DbOption = None,
    ) -> None:
        def body() -> None:
            f = build_filters(actor=actor, actor1=actor1, actor2=actor2, actor_category=actor_category,
                              event_type=event_type, sub_event_type=sub_event_type, admin1=admin1, admin2=admin2,
                              country=country, dataset=dataset, date_from=date_from, date_to=date_to, period=period,
                              violent=violent, civilian_targeting=civilian_targeting)
            with open_analysis(db, theatre) as a:
                emit_figures(getattr(a, method)(f), fmt, events=events, key=key, limit=limit)
        guarded(body)

    command.__doc__ = doc
    command.__name__ = f"{method}_command"
    return command


targets_command = _figures_command("targets", "Who the events were aimed at: civilians, former security forces, "
                                              "women, journalists, ethnic or religious groups (Analysis.targets).")
infighting_command = _figures_command("infighting", "Events whose two sides belong to one actor family "
                                                    "(Analysis.infighting).")
cross_border_command = _figures_command("cross_border", "Incidents involving foreign state forces, strikes into "
                                                        "the country included (Analysis.cross_border).")


def attribution_command(
    of: Annotated[str | None, typer.Option("--of", help="Report this actor's share (e.g. Taliban).")] = None,
    by_family: Annotated[bool, typer.Option("--by-family", help="Merge names of one actor family.")] = False,
    actor: ActorOption = None, actor2: Actor2Option = None, actor_category: CategoryOption = None,
    event_type: EventTypeOption = None, sub_event_type: SubEventOption = None, admin1: Admin1Option = None,
    admin2: Admin2Option = None, country: CountryOption = None, dataset: DatasetOption = None,
    date_from: FromOption = None, date_to: ToOption = None, period: PeriodOption = None,
    violent: ViolentOption = False, civilian_targeting: CivilianOption = False, events: EventsOption = False,
    key: KeyOption = None, limit: LimitOption = 50, theatre: TheatreOption = "afghanistan",
    fmt: FormatOption = OutputFormat.table, db: DbOption = None,
) -> None:
    """Who the events are blamed on, unidentified perpetrators included (Analysis.attribution)."""
    def body() -> None:
        f = build_filters(actor=actor, actor2=actor2, actor_category=actor_category, event_type=event_type,
                          sub_event_type=sub_event_type, admin1=admin1, admin2=admin2, country=country,
                          dataset=dataset, date_from=date_from, date_to=date_to, period=period, violent=violent,
                          civilian_targeting=civilian_targeting)
        with open_analysis(db, theatre) as a:
            emit_figures(a.attribution(f, by_family=by_family, of=of), fmt, events=events, key=key, limit=limit)
    guarded(body)


def emerging_command(
    period: Annotated[str | None, typer.Option("--period", help="Actors first recorded in this period.")] = None,
    acled: Annotated[bool, typer.Option("--acled", help="ACLED's definition: violent in the 30 days to --at, not "
                                                        "in the year before.")] = False,
    at: Annotated[str | None, typer.Option(help="With --acled: the last day (default: last event).")] = None,
    all_categories: Annotated[bool, typer.Option("--all-categories", help="Not only non-state groups.")] = False,
    actor: ActorOption = None, event_type: EventTypeOption = None, admin1: Admin1Option = None,
    country: CountryOption = None, dataset: DatasetOption = None, violent: ViolentOption = False,
    events: EventsOption = False, key: KeyOption = None, limit: LimitOption = 50,
    theatre: TheatreOption = "afghanistan", fmt: FormatOption = OutputFormat.table, db: DbOption = None,
) -> None:
    """Actors first recorded in a period, or emerging by ACLED's definition (Analysis.emerging_actors)."""
    def body() -> None:
        f = build_filters(actor=actor, event_type=event_type, admin1=admin1, country=country, dataset=dataset,
                          violent=violent)
        with open_analysis(db, theatre) as a:
            if acled:
                result = a.acled_emerging_actors(f, at=_date(at, "--at"))
            else:
                if not period:
                    raise InputError("give --period (e.g. 2022H1) or --acled")
                result = a.emerging_actors(period, f, categories=None if all_categories else
                                           ("Rebel group", "Political militia", "Identity militia"))
            emit_figures(result, fmt, events=events, key=key, limit=limit)
    guarded(body)


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
    actor: ActorOption = None, event_type: EventTypeOption = None, admin1: Admin1Option = None,
    country: CountryOption = None, dataset: DatasetOption = None, date_from: FromOption = None,
    date_to: ToOption = None, violent: ViolentOption = False, civilian_targeting: CivilianOption = False,
    tolerance: Annotated[float, typer.Option(help="Relative tolerance of 'about' and 'nearly'.")] = 0.1,
    events: Annotated[bool, typer.Option("--events", help="Also print the events behind the figure.")] = False,
    limit: LimitOption = 20, theatre: TheatreOption = "afghanistan", fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Hold a claim or quoted figure against the events: supported, contradicted or cannot check (with the
    reason), always saying what the claim was understood as."""
    from ruydad.analysis.claims import MostInClaim, PlaceClaim, check, check_text, stored_claim

    period = periods[0] if periods and len(periods) == 1 else None

    def body() -> None:
        f = build_filters(actor=None if places else actor, event_type=event_type, admin1=admin1, country=country,
                          dataset=dataset, date_from=date_from, date_to=date_to, period=period, violent=violent,
                          civilian_targeting=civilian_targeting)
        with open_analysis(db, theatre) as a:
            if claim_id is not None:
                parsed: Any = stored_claim(a, claim_id)
            elif most_in:
                names = tuple(p.strip() for p in most_in.split(",") if p.strip())
                parsed = MostInClaim(names, f, text=f"most events ({f.describe()}) in {most_in}")
            elif places:
                if not actor:
                    raise InputError("a place claim needs --actor")
                parsed = PlaceClaim(actor, tuple(p.strip() for p in places.split(",") if p.strip()), filters=f,
                                    text=f"{actor} active in {places}")
            elif claim:
                parsed = None
            else:
                raise InputError("give a claim in words, --places with --actor, or --claim-id")
            verdict = (check(a, parsed, tolerance=tolerance) if parsed is not None else check_text(
                a, claim or "", periods=periods if periods and len(periods) == 2 else None, base=f,
                published=published, tolerance=tolerance))
            if fmt is OutputFormat.json:
                data = verdict.as_dict()
                if events:
                    data["events"] = verdict.events(limit=limit or None).to_pylist()
                sys.stdout.write(dumps(data, indent=2) + "\n")
                return
            if fmt is OutputFormat.csv:
                import pyarrow as pa

                write_table(pa.Table.from_pylist([{k: str(v) for k, v in verdict.as_dict().items()
                                                   if k != "details"}]), fmt)
                return
            colour = {"supported": "green", "contradicted": "red"}.get(verdict.verdict, "yellow")
            out_console.print(f"[bold {colour}]{verdict.verdict.upper()}[/]  {verdict.claim}", highlight=False)
            out_console.print(f"understood as: {verdict.understood or verdict.claimed}", highlight=False)
            out_console.print(f"claimed: {verdict.claimed}; computed: {_fmt(verdict.figure)}", highlight=False)
            out_console.print(f"why: {verdict.reason}", highlight=False)
            if events:
                table = verdict.events(limit=limit or None)
                if table.num_rows:
                    write_table(table.select(["event_id_cnty", "event_date", "event_type", "actor1", "actor2",
                                              "admin1", "fatalities", "dataset"]), fmt, console=out_console)
    guarded(body)


def brief_command(
    theatre: TheatreOption = "afghanistan",
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
        start, end = _date(date_from or None, "--from"), _date(date_to or None, "--to")
        if start is None or end is None:
            raise InputError("give --from and --to")
        with open_analysis(db, theatre) as a:
            path = write_brief(a, Period(start, end), out, theatre=theatre, claims=claims or [], dataset=dataset)
        err_console.print(f"wrote {path}", highlight=False)
    guarded(body)


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
"""Command name -> function, for ``app.command(name)(fn)`` on the main app."""


def register(app: typer.Typer) -> None:
    """Mount every analysis command on a Typer app."""
    for name, fn in COMMANDS.items():
        app.command(name)(fn)
