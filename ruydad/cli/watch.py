"""``ruydad watch``, ``ruydad incidents`` and ``ruydad reconcile``: thin faces over
:mod:`ruydad.watch` and :mod:`ruydad.incidents`.

Each command opens the store, makes one call (``add_source``, ``run_once``/``run_forever``,
``list_incidents``, ``reconcile``...) and prints plain lines, or JSON with ``--json``. Heavy
imports (httpx, feedparser, spaCy through the extraction) happen inside the commands, so
``ruydad --help`` does not pay for them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Annotated, Any

import typer

from ruydad.cli.common import echo_json, open_cli_store, run_guarded
from ruydad.cli.options import FromOption, JsonOption, LimitOption, OptionalTheatreOption, ToOption
from ruydad.errors import InputError

watch_app = typer.Typer(help="Watch news feeds and sitemaps: add sources, poll them, see their state.",
                        no_args_is_help=True)
incidents_app = typer.Typer(help="Incidents merged from article reports: list, show, split, merge.",
                            no_args_is_help=True)


def parse_every(text: str) -> float:
    """``15m``, ``1h``, ``90s`` or plain seconds -> seconds."""
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text.lower())
    if not found:
        raise InputError(f"--every {text!r}: give a duration like 90s, 15m, 1h")
    seconds = float(found.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[found.group(2)]
    if seconds < 10:
        raise InputError(f"--every {text!r}: poll at most every 10 seconds (be polite to the outlets)")
    return seconds


# -- watch -----------------------------------------------------------------------------------

@watch_app.command("add")
def watch_add(url: Annotated[str, typer.Argument(help="RSS 2.0 / Atom feed or news sitemap URL.")],
              name: Annotated[str | None, typer.Option("--name", help="The outlet's name (provenance).")] = None,
              theatre: OptionalTheatreOption = None,
              as_json: JsonOption = False) -> None:
    """Watch a feed or news sitemap."""
    from ruydad.watch import add_source

    def body() -> None:
        with open_cli_store() as store:
            source = add_source(store, url, name=name, theatre=theatre)
        if as_json:
            echo_json(source.as_dict())
        else:
            typer.echo(f"watching source {source.source_id}: {source.url} ({source.outlet})")

    run_guarded(body)


@watch_app.command("list")
def watch_list(all_sources: Annotated[bool, typer.Option("--all", help="Include removed sources.")] = False,
               as_json: JsonOption = False) -> None:
    """The watched sources."""
    from ruydad.watch import list_sources

    def body() -> None:
        with open_cli_store() as store:
            sources = list_sources(store, active_only=not all_sources)
        if as_json:
            echo_json([s.as_dict() for s in sources])
            return
        if not sources:
            typer.echo("no sources; add one with `ruydad watch add URL --name OUTLET`")
        for s in sources:
            flag = "" if s.active else " (removed)"
            typer.echo(f"{s.source_id:>4}  {s.kind or '?':8} {s.outlet:30} {s.url}{flag}")

    run_guarded(body)


@watch_app.command("remove")
def watch_remove(source: Annotated[str, typer.Argument(help="Source id or URL.")]) -> None:
    """Stop watching a source (its articles and log stay in the store)."""
    from ruydad.watch import remove_source

    def body() -> None:
        with open_cli_store() as store:
            removed = remove_source(store, source)
        typer.echo(f"stopped watching source {removed.source_id}: {removed.url}")

    run_guarded(body)


@watch_app.command("status")
def watch_status(log: Annotated[int, typer.Option("--log", help="Also show the last N log lines.")] = 0,
                 as_json: JsonOption = False) -> None:
    """Each source's last success, last error and article count."""
    from ruydad.watch import list_sources, source_log

    def body() -> None:
        with open_cli_store() as store:
            sources = list_sources(store, active_only=False)
            lines = source_log(store, limit=log) if log else []
        if as_json:
            echo_json({"sources": [s.as_dict() for s in sources], "log": lines})
            return
        for s in sources:
            typer.echo(f"{s.source_id:>4} {s.outlet} [{s.kind or 'not read yet'}]{'' if s.active else ' (removed)'}")
            typer.echo(f"       articles {s.articles}; last success {_when(s.last_success_at)}; "
                       f"last polled {_when(s.last_polled_at)}")
            if s.last_error:
                typer.echo(f"       last error {_when(s.last_error_at)}: {s.last_error}")
        for line in lines:
            typer.echo(f"{_when(line['logged_at'])} source {line['source_id']} {line['level']}: {line['message']}")

    run_guarded(body)


def _when(value: Any) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S UTC") if value else "never"


def _print_watch_report(report: Any, as_json: bool) -> None:
    """One poll's :class:`~ruydad.watch.WatchReport`: a line per source, then the incidents rebuilt."""
    if as_json:
        echo_json(report.as_dict())
        return
    for s in report.sources:
        state = f"error: {s.error}" if s.error else ("not modified" if s.not_modified else
                                                      f"{s.items} items, {s.new} new, {s.stored} stored, "
                                                      f"{s.events} events, {s.failed} failed")
        extra = f", {s.duplicates} duplicate GUIDs" if s.duplicates else ""
        extra += f", {s.robots} disallowed by robots.txt" if s.robots else ""
        typer.echo(f"source {s.source_id} {s.url}: {state}{extra}")
    if report.incidents:
        i = report.incidents
        typer.echo(f"incidents: {i['incidents']} from {i['placed']} placed reports "
                   f"({i['merged']} merged from several reports)")


@watch_app.command("run")
def watch_run(once: Annotated[bool, typer.Option("--once", help="Poll every source once, then stop.")] = False,
              every: Annotated[str, typer.Option("--every", help="Time between polls (90s, 15m, 1h).")] = "15m",
              min_interval: Annotated[float, typer.Option("--min-interval",
                                                          help="Seconds between two requests to one host.")] = 1.0,
              timeout: Annotated[float, typer.Option("--timeout", help="Seconds before a request gives up.")] = 20.0,
              max_new: Annotated[int, typer.Option("--max-new", help="New articles fetched per source per poll "
                                                                     "(the rest wait for the next poll).")] = 100,
              corpus: Annotated[Path | None, typer.Option(
                  "--corpus", help="Fetch and read new articles but do not extract them: append them to this "
                                   "JSONL file for `ruydad spark extract` (with --once).")] = None,
              as_json: JsonOption = False) -> None:
    """Poll the sources: fetch new articles, extract and store them, rebuild incidents."""
    from functools import partial

    from ruydad.watch import Fetcher, run_forever, run_once

    show = partial(_print_watch_report, as_json=as_json)

    def body() -> None:
        seconds = None if once else parse_every(every)
        if corpus is not None and seconds is not None:
            raise InputError("--corpus writes one batch for Spark: use it with --once")
        with open_cli_store() as store, Fetcher(min_interval=min_interval, timeout=timeout) as fetcher:
            if corpus is not None:
                with corpus.open("a", encoding="utf-8") as out:
                    show(run_once(store, fetcher=fetcher, corpus=out, max_new_items=max_new))
            elif seconds is None:
                show(run_once(store, fetcher=fetcher, max_new_items=max_new))
            else:
                try:
                    run_forever(store, seconds, fetcher=fetcher, on_poll=show, max_new_items=max_new)
                except KeyboardInterrupt:
                    typer.echo("stopped")

    run_guarded(body)


@watch_app.command("load")
def watch_load(folder: Annotated[Path, typer.Argument(help="The --output folder of `ruydad spark extract`.")],
               theatre: OptionalTheatreOption = None,
               as_json: JsonOption = False) -> None:
    """Store what `ruydad spark extract` found in a --corpus file (documents, events), then rebuild incidents."""
    from ruydad.watch import load_extracted

    def body() -> None:
        with open_cli_store() as store:
            report = load_extracted(store, folder, theatre=theatre)
        if as_json:
            echo_json(report.as_dict())
            return
        typer.echo(f"loaded {report.documents} documents ({report.failed_documents} failed in extraction), "
                   f"{report.events} events, batch {report.batch_id}")
        if report.incidents:
            typer.echo(f"incidents: {report.incidents['incidents']} ({report.incidents['merged']} merged)")

    run_guarded(body)


# -- incidents -------------------------------------------------------------------------------

@incidents_app.command("list")
def incidents_list(date_from: FromOption = None,
                   date_to: ToOption = None,
                   admin1: Annotated[str | None, typer.Option("--admin1", help="Province name or code.")] = None,
                   merged: Annotated[bool, typer.Option("--merged", help="Only incidents of 2+ reports.")] = False,
                   limit: LimitOption = 50, as_json: JsonOption = False) -> None:
    """Incidents, newest first, with their reports count and casualty range (low/best/high)."""
    from ruydad.extract.load import parse_published
    from ruydad.incidents import list_incidents

    def body() -> None:
        with open_cli_store() as store:
            rows = list_incidents(store, date_from=parse_published(date_from, "--from"),
                                  date_to=parse_published(date_to, "--to"), admin1=admin1,
                                  min_reports=2 if merged else 1, limit=limit or None)
        if as_json:
            echo_json(rows)
            return
        for r in rows:
            place = f"{r['admin1'] or '?'} / {r['admin2'] or r['location'] or '?'}"
            typer.echo(f"{r['incident_id']}  {r['first_date']}  {place}  {r['event_type'] or '?'}  "
                       f"reports {r['reports']} ({r['outlets']} outlets)  "
                       f"killed {_range(r, 'killed')}  wounded {_range(r, 'wounded')}")

    run_guarded(body)


def _range(row: dict[str, Any], what: str) -> str:
    low, best, high = row[f"{what}_low"], row[f"{what}_best"], row[f"{what}_high"]
    if best is None:
        return "-"
    return str(best) if low == high else f"{best} ({low}-{high})"


@incidents_app.command("show")
def incidents_show(incident_id: str, as_json: JsonOption = False) -> None:
    """One incident: every report with its outlet, URL, figures and why it was merged."""
    from ruydad.incidents import get_incident

    def body() -> None:
        with open_cli_store() as store:
            incident = get_incident(store, incident_id)
        if as_json:
            echo_json(incident)
            return
        typer.echo(f"{incident['incident_id']}: {incident['event_type']} in {incident['admin1']}"
                   f"{' / ' + incident['admin2'] if incident['admin2'] else ''}, {incident['first_date']}"
                   f"{'' if incident['last_date'] == incident['first_date'] else '..' + str(incident['last_date'])}")
        typer.echo(f"  killed {_range(incident, 'killed')}, wounded {_range(incident, 'wounded')}, "
                   f"detained {_range(incident, 'detained')} (best (low-high) over {incident['reports']} reports)")
        for r in incident["report_list"]:
            typer.echo(f"  - {r['dataset_event_id']}  {r['outlet'] or '?'} {r['published'] or ''}  {r['url'] or ''}")
            typer.echo(f"      killed {r['killed']}, wounded {r['wounded']}, detained {r['detained']}: {r['sentence']}")
            typer.echo(f"      {r['reason']}" + (f" (joined {r['joined_with']})" if r["joined_with"] else ""))

    run_guarded(body)


@incidents_app.command("split")
def incidents_split(incident_id: str,
                    reports: Annotated[list[str], typer.Option("--report", help="Article event id to split off "
                                                                                "(repeat for several).")],
                    note: Annotated[str | None, typer.Option("--note", help="Why (kept with the decision).")] = None
                    ) -> None:
    """Take reports out of an incident into one of their own; the decision survives re-runs."""
    from ruydad.incidents import split_incident

    def body() -> None:
        with open_cli_store() as store:
            built = split_incident(store, incident_id, reports, note=note)
        typer.echo(f"split {len(reports)} report(s) off {incident_id}; {built.incidents} incidents now")

    run_guarded(body)


@incidents_app.command("merge")
def incidents_merge(incident_ids: Annotated[list[str], typer.Argument(help="Two or more incident ids.")],
                    note: Annotated[str | None, typer.Option("--note", help="Why (kept with the decision).")] = None
                    ) -> None:
    """Merge incidents into one; the decision survives re-runs."""
    from ruydad.incidents import merge_incidents

    def body() -> None:
        with open_cli_store() as store:
            built = merge_incidents(store, incident_ids, note=note)
        typer.echo(f"merged {', '.join(incident_ids)}; {built.incidents} incidents now")

    run_guarded(body)


@incidents_app.command("build")
def incidents_build(window: Annotated[int, typer.Option("--window", help="Days two reports may differ by.")] = 2,
                    threshold: Annotated[float, typer.Option("--threshold", help="Least score to merge.")] = 0.6,
                    as_json: JsonOption = False) -> None:
    """Rebuild incidents from every stored article event (the watch loop does this after each poll)."""
    from ruydad.incidents import build_incidents

    def body() -> None:
        with open_cli_store() as store:
            built = build_incidents(store, window=window, threshold=threshold)
        if as_json:
            echo_json(built.as_dict())
        else:
            typer.echo(f"{built.incidents} incidents from {built.placed} placed reports of {built.reports} "
                       f"({built.merged} merged from several reports; {built.decisions} analyst decisions kept)")

    run_guarded(body)


@incidents_app.command("stats")
def incidents_stats(by: Annotated[str, typer.Option("--by", help="admin1, admin2, event_type, month or year")]
                    = "admin1",
                    date_from: FromOption = None,
                    date_to: ToOption = None,
                    as_json: JsonOption = False) -> None:
    """Incidents (each counted once, however many reports) by one dimension, with summed killed ranges."""
    from ruydad.extract.load import parse_published
    from ruydad.incidents import incident_counts

    def body() -> None:
        with open_cli_store() as store:
            rows = incident_counts(store, by, date_from=parse_published(date_from, "--from"),
                                   date_to=parse_published(date_to, "--to"))
        if as_json:
            echo_json(rows)
            return
        for r in rows:
            typer.echo(f"{r[by] or '(unknown)':32} incidents {r['incidents']:>5}  reports {r['reports']:>5}  "
                       f"killed {_range(r, 'killed')}")

    run_guarded(body)


@incidents_app.command("claims")
def incidents_claims(repeated: Annotated[bool, typer.Option("--repeated", help="Only claims carried by 2+ outlets.")]
                     = False,
                     theatre: OptionalTheatreOption = None,
                     limit: LimitOption = 50, as_json: JsonOption = False) -> None:
    """Claims quoted in the news, the same claim from several articles grouped with its outlets."""
    from ruydad.incidents import news_claims

    def body() -> None:
        with open_cli_store() as store:
            rows = news_claims(store, theatre=theatre, min_outlets=2 if repeated else 1, limit=limit or None)
        if as_json:
            echo_json(rows)
            return
        for r in rows:
            verb = r["predicate"] if r["stance"] == "asserts" else f"NOT {r['predicate']}"
            typer.echo(f"{r['subject']} {verb} {r['object'] or ''}  [{r['articles']} article(s), outlets: "
                       f"{', '.join(r['outlets']) or '?'}; said by: {', '.join(r['claimed_by']) or '?'}; "
                       f"{r['first_date']}..{r['last_date']}]")

    run_guarded(body)


# -- reconcile -------------------------------------------------------------------------------

def reconcile_command(
    period: Annotated[str, typer.Option("--period", help="2022H1, 2022Q2, 2022-06, 2022, or A..B.")],
    dataset: Annotated[str, typer.Option("--dataset", help="Dataset to hold the news against.")] = "acled",
    admin1: Annotated[list[str] | None, typer.Option("--admin1", help="Province (repeat for several).")] = None,
    show: Annotated[int, typer.Option("--show", help="Rows of each set to print.")] = 10,
    as_json: JsonOption = False,
) -> None:
    """News incidents against a dataset's events: in both, only in the news, only in the dataset."""
    from ruydad.incidents import reconcile

    def body() -> None:
        with open_cli_store() as store:
            result = reconcile(store, dataset=dataset, period=period, admin1=admin1 or [])
        if as_json:
            echo_json(result.as_dict())
            return
        _print_reconciliation(result, dataset, show)

    run_guarded(body)


def _print_reconciliation(result: Any, dataset: str, show: int) -> None:
    """A :class:`~ruydad.incidents.Reconciliation` for people: the totals, the rates by province and
    by event type, then up to ``show`` rows of each set."""
    s = result.summary()
    typer.echo(f"{dataset} {result.period}: {s['incidents']} news incidents, {s['dataset_events']} "
               f"{dataset} events")
    typer.echo(f"  in both: {len(result.both)} incidents; only in the news: {len(result.news_only)}; "
               f"only in {dataset}: {len(result.dataset_only)}")
    typer.echo(f"  {dataset} events found in the news: {_pct(s['news_coverage'])}; news incidents in "
               f"{dataset}: {_pct(s['dataset_coverage'])}")
    for title, rows in (("by province", result.by_admin1), ("by event type", result.by_event_type)):
        typer.echo(title + ":")
        for r in rows:
            typer.echo(f"  {r['name']:32} news {r['incidents_in_dataset']}/{r['incidents']} in {dataset} "
                       f"({_pct(r['dataset_coverage'])}); {dataset} {r['dataset_events_in_news']}/"
                       f"{r['dataset_events']} in news ({_pct(r['news_coverage'])})")
    for title, rows in (("in both", result.both), ("only in the news", result.news_only),
                        (f"only in {dataset}", result.dataset_only)):
        typer.echo(f"{title}:")
        for r in rows[:show]:
            typer.echo("  " + json.dumps(r, default=str, ensure_ascii=False))
        if len(rows) > show:
            typer.echo(f"  ... {len(rows) - show} more (--show N or --json)")


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.0f}%"
