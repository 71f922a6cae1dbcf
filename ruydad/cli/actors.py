"""``ruydad actors`` and ``ruydad claims``: thin faces over :mod:`ruydad.actors`.

``actors list`` is :func:`~ruydad.actors.registry.load_registry`; ``actors show`` is
:func:`~ruydad.actors.profile.actor_profile`; ``actors resolve`` is :func:`ruydad.query.read_name`;
``claims`` is :func:`~ruydad.actors.store.claims_table` with a :class:`~ruydad.actors.store.ClaimFilter`;
``claims conflicts`` is :func:`~ruydad.actors.conflicts.find_conflicts`; ``claims seed`` is
:func:`~ruydad.actors.store.save_seed_claims`. The registry needs no store: ``actors show`` without
one prints the registry's part and says what is missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from ruydad.cli.common import console as err_console
from ruydad.cli.common import missing_store, open_cli_store, run_guarded, store_location
from ruydad.cli.common import wrapped_console as out_console
from ruydad.cli.options import DbOption, FormatOption, LimitOption, TheatreOption
from ruydad.output import OutputFormat, dumps, write_table
from ruydad.theatres import DEFAULT_THEATRE

if TYPE_CHECKING:  # the registry (pydantic, networkx), pyarrow and the store load when a command runs
    import pyarrow as pa

    from ruydad.actors.claims import Claim
    from ruydad.actors.profile import ActorProfile
    from ruydad.actors.registry import Actor
    from ruydad.store import Store

actors_app = typer.Typer(help="The actor registry: who the armed actors are, under every name.",
                         no_args_is_help=True)
claims_app = typer.Typer(help="Claims: who said what about whom, where, with the sentence.",
                         invoke_without_command=True)

NO_CLAIMS_HINT = "load claims with `ruydad claims seed`"


@contextmanager
def _store_if_any(db: str | None) -> Iterator[Store | None]:
    """The chosen store, or None when it does not exist (the registry alone still answers)."""
    if missing_store(store_location(db)):
        yield None
        return
    with open_cli_store(db=db) as store:
        yield store


# -- ruydad actors ---------------------------------------------------------------------------------

def _actors_table(actors: list[Actor]) -> pa.Table:
    import pyarrow as pa

    return pa.Table.from_pylist([{
        "id": a.id, "name": a.name, "category": a.category, "parent": a.parent_id or "",
        "acronyms": ", ".join(a.acronyms), "aliases": ", ".join(a.aliases),
        "dataset_names": "; ".join(f"{d.dataset}: {d.name}" for d in a.dataset_names),
    } for a in actors])


@actors_app.command("list")
def list_actors(
    theatre: TheatreOption = DEFAULT_THEATRE,
    category: Annotated[str | None, typer.Option(help="Only this ACLED actor category.")] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Every actor of the theatre's registry, with its category, parent and names."""
    from ruydad.actors.registry import load_registry

    def body() -> None:
        actors = [a for a in load_registry(theatre)
                  if category is None or a.category.casefold() == category.casefold()]
        write_table(_actors_table(actors), fmt, console=out_console)

    run_guarded(body)


@actors_app.command("show")
def show_actor(
    actor: Annotated[str, typer.Argument(help="Registry id or any name, alias or acronym.")],
    theatre: TheatreOption = DEFAULT_THEATRE,
    db: DbOption = None,
    events: Annotated[int, typer.Option("--events", min=0, help="At most this many events (0: all).")] = 10,
    family: Annotated[bool, typer.Option("--family", help="Include the events of its whole family.")] = False,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """An actor's profile: names, category, family, relations, claims with who said them, events."""
    from ruydad.actors.profile import actor_profile, find_actor
    from ruydad.actors.registry import load_registry

    def body() -> None:
        found = find_actor(actor, theatre)
        with _store_if_any(db) as store:
            profile = actor_profile(found, load_registry(theatre), store, events or None, family_events=family)
            if fmt is OutputFormat.json:
                out_console.print_json(dumps(profile.as_dict()))
                return
            _print_profile(profile, has_store=store is not None, family_events=family)

    run_guarded(body)


@actors_app.command("resolve")
def resolve_name_command(
    name: Annotated[str, typer.Argument(help="A name as a dataset or the press writes it.")],
    on: Annotated[str | None, typer.Option("--date", help="The day the name is used (YYYY-MM-DD): some dataset "
                                                          "names mean different actors at different dates.")] = None,
    dataset: Annotated[str | None, typer.Option(help="The dataset that writes the name (acled, ucdp...).")] = None,
    theatre: TheatreOption = DEFAULT_THEATRE,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Which registry actor a name means (on a date), or that it is unknown or ambiguous."""

    def body() -> None:
        from ruydad.actors.resolve import resolver_for
        from ruydad.query import MATCHED, parse_day, read_name

        reading = read_name(name, resolver_for(theatre), parse_day(on, "--date"), dataset)
        if fmt is OutputFormat.json:
            out_console.print_json(dumps(reading.as_dict()))
            return
        if reading.status == MATCHED:
            out_console.print(f"{escape(name)} -> {reading.registry_id} ({escape(reading.registry_name or '')}), "
                              f"matched by {reading.matched_by}", highlight=False)
        elif reading.candidates:
            out_console.print(f"{escape(name)} -> ambiguous: {', '.join(reading.candidates)}; give --date",
                              highlight=False)
        else:
            out_console.print(f"{escape(name)} -> unknown: no registry actor of that name", highlight=False)
        if reading.status != MATCHED:
            raise typer.Exit(2)

    run_guarded(body)


@actors_app.command("unmatched")
def unmatched_names(
    theatre: TheatreOption = DEFAULT_THEATRE,
    db: DbOption = None,
    limit: LimitOption = 50,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Actor names in the store that no registry actor claims, most frequent first, so they can be
    added to the registry (as a dataset name or alias) instead of being silently missed."""
    import pyarrow as pa

    def body() -> None:
        with open_cli_store(db=db, must_exist=True, hint=NO_CLAIMS_HINT) as store:
            rows = store.query_context(theatre).actors.unmatched()
        table = pa.Table.from_pylist([{"dataset": d, "name": n, "events": e} for d, n, e in rows[:limit or None]],
                                     schema=pa.schema([("dataset", pa.string()), ("name", pa.string()),
                                                       ("events", pa.int64())]))
        write_table(table, fmt, console=out_console)

    run_guarded(body)


def _print_profile(profile: ActorProfile, *, has_store: bool, family_events: bool = False) -> None:
    from ruydad.actors.registry import load_registry

    a = profile.actor
    registry = load_registry(a.theatre)
    out_console.print(f"[bold]{escape(a.name)}[/] ({a.id}) - {a.category}")
    if a.parent:
        _line(f"{a.parent.relation} {registry.get(a.parent.actor_id).name} ({a.parent.actor_id})")
    for label, values in (("aliases", a.aliases), ("acronyms", a.acronyms),
                          ("local names", [f"{n} ({lang})" for lang, n in a.local_names])):
        if values:
            _line(f"{label}: {', '.join(values)}")
    if a.founded:
        _line(f"founded: {a.founded.date} [{', '.join(a.founded.cite)}]")
    if a.dissolved:
        _line(f"dissolved: {a.dissolved.date} [{', '.join(a.dissolved.cite)}]")
    for leader in a.leaders:
        _line(f"{leader.role}: {leader.name} [{', '.join(leader.cite)}]")
    for dn in a.dataset_names:
        period = f" {dn.valid_from or '...'} to {dn.valid_to or '...'}" if dn.valid_from or dn.valid_to else ""
        _line(f"{dn.dataset} name: {dn.name}{period}")
    if len(profile.family) > 1:
        _line(f"family: {', '.join(profile.family)}")
    _line("sources: " + "; ".join(f"{s.id} ({s.title})" for s in registry.citations(a.id)))
    if not has_store:
        err_console.print("no store: claims and events are not shown (pass --db or load claims first)")
        return
    _print_relations(profile)
    _print_claims(profile)
    if profile.events is not None:
        whose = "its family's" if family_events else "its"
        out_console.print(f"\n[bold]Events[/] ({profile.event_count} recorded under {whose} dataset names)")
        if profile.events.num_rows:
            write_table(profile.events, OutputFormat.table, console=out_console)


def _line(text: str) -> None:
    """Print plain text: registry data holds brackets ("[wikipedia-nrf]") that Rich would eat as markup."""
    out_console.print(text, markup=False, highlight=False)


def _print_relations(profile: ActorProfile) -> None:
    import pyarrow as pa

    if not profile.relations:
        return
    out_console.print("\n[bold]Relations[/] (claimed)")
    rows = [{"direction": r.direction, "predicate": r.predicate, "stance": r.stance, "other": r.other_name,
             "claimed by": "; ".join(sorted({c.claimed_by_name or c.claimed_by_role or "?" for c in r.claims}))}
            for r in profile.relations]
    write_table(pa.Table.from_pylist(rows), OutputFormat.table, console=out_console)


def _print_claims(profile: ActorProfile) -> None:
    if not profile.claims:
        return
    out_console.print(f"\n[bold]Claims[/] ({len(profile.claims)})")
    write_table(_claims_view(profile.claims), OutputFormat.table, console=out_console)
    for conflict in profile.conflicts:
        _line(f"conflict ({conflict.kind}): {conflict.explanation}: " + ", ".join(c.id for c in conflict.claims))


def _claims_view(claims: list[Claim]) -> pa.Table:
    import pyarrow as pa

    return pa.Table.from_pylist([{
        "subject": c.subject_actor_id or c.subject_text, "predicate": c.predicate, "stance": c.stance,
        "object": c.object_actor_id or c.object_place_code or c.object_value or c.object_text or "",
        "claimed by": c.claimed_by_name or c.claimed_by_role or "", "on": c.claimed_on,
        "where": f"{c.document_id}:{c.start_char}-{c.end_char}" if c.document_id else "",
    } for c in claims])


# -- ruydad claims ----------------------------------------------------------------------------------

def _actor_id(value: str | None, theatre: str) -> str | None:
    from ruydad.actors.profile import find_actor

    return find_actor(value, theatre).id if value else None


@claims_app.callback()
def list_claims(
    ctx: typer.Context,
    actor: Annotated[str | None, typer.Option(help="Claims about this actor (subject or object): id or name.")] = None,
    predicate: Annotated[str | None, typer.Option(help="Only this predicate, e.g. operates_in.")] = None,
    by: Annotated[str | None, typer.Option("--by", help="Only claims made by this actor: id or name.")] = None,
    stance: Annotated[str | None, typer.Option(help="asserts or denies.")] = None,
    theatre: TheatreOption = DEFAULT_THEATRE,
    db: DbOption = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List stored claims with their provenance; `ruydad claims conflicts` shows the contradictions."""
    from ruydad.actors.claims import predicate as vocabulary
    from ruydad.actors.store import ClaimFilter, claims_from_table, claims_table

    if ctx.invoked_subcommand is not None:
        return

    def body() -> None:
        if predicate:
            vocabulary(predicate)  # an unknown predicate is an error naming the known ones
        filters = ClaimFilter(actor=_actor_id(actor, theatre), predicate=predicate,
                              claimed_by=_actor_id(by, theatre), stance=stance)
        with open_cli_store(db=db, must_exist=True, hint=NO_CLAIMS_HINT) as store:
            table = claims_table(store, filters)
        if fmt is OutputFormat.table:
            write_table(_claims_view(claims_from_table(table)), fmt, console=out_console)
            err_console.print(f"{table.num_rows} claims")
        else:
            write_table(table, fmt, console=out_console)

    run_guarded(body)


@claims_app.command("conflicts")
def claims_conflicts(
    actor: Annotated[str | None, typer.Option(help="Only conflicts about this actor: id or name.")] = None,
    theatre: TheatreOption = DEFAULT_THEATRE,
    db: DbOption = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Claims that contradict each other, shown side by side (nothing is decided)."""
    import pyarrow as pa

    from ruydad.actors.conflicts import find_conflicts
    from ruydad.actors.store import load_claims

    def body() -> None:
        with open_cli_store(db=db, must_exist=True, hint=NO_CLAIMS_HINT) as store:
            claims = load_claims(store, actor=_actor_id(actor, theatre))
        conflicts = find_conflicts(claims)
        if fmt is not OutputFormat.table:
            rows = [{"conflict": i, "kind": k.kind, "explanation": k.explanation, **c.as_dict()}
                    for i, k in enumerate(conflicts, 1) for c in k.claims]
            write_table(pa.Table.from_pylist(rows) if rows else pa.table({"conflict": pa.array([], pa.int64())}),
                        fmt, console=out_console)
            return
        for i, conflict in enumerate(conflicts, 1):
            out_console.print(f"\n[bold]{i}. {conflict.kind}[/]: {escape(conflict.explanation)}", highlight=False)
            for claim in conflict.claims:
                who = claim.claimed_by_name or claim.claimed_by_role or "unattributed"
                _line(f"  [{claim.stance}] {who} ({claim.document_id}:{claim.start_char}-"
                     f"{claim.end_char}): {claim.sentence}")
        err_console.print(f"{len(conflicts)} conflicts")

    run_guarded(body)


@claims_app.command("seed")
def claims_seed(theatre: TheatreOption = DEFAULT_THEATRE, db: DbOption = None) -> None:
    """Load the theatre's curated claims (claims_*.yaml) into the store; loading again is harmless."""
    from ruydad.actors.store import save_seed_claims

    def body() -> None:
        with open_cli_store(db=db) as store:
            report = save_seed_claims(store, theatre)
        out_console.print(f"stored {report.claims} claims from {report.documents} documents in "
                          f"{store_location(db)}",
                          highlight=False)

    run_guarded(body)
