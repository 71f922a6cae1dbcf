"""The situation brief: one self-contained HTML file a reader can open offline.

Everything in it comes from :class:`~ruydad.analysis.Analysis` calls (the same ones the CLI makes),
drawn with inline SVG and CSS: no script, font or tile is fetched. Sections: headline figures with
the change against the previous period of the same length (rate ratio and exact test), a province
choropleth of violent events, monthly (or weekly) trends, surges, top actors, emerging groups,
attribution of violence against civilians, the claims board (stored claims and claims given on the
command line, each beside its verdict and evidence), the sources, and the methods.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

from ruydad.analysis.claims import CANNOT_CHECK, BoardEntry, Verdict, check_text, place_claims_board
from ruydad.analysis.core import Analysis, NoCoverageError
from ruydad.analysis.statistics import pct_change, trend_band
from ruydad.errors import RuydadError
from ruydad.query import Filters, Period
from ruydad.theatres import Theatre, TheatreLike, as_theatre

PALETTE = ("#fff5eb", "#fdd0a2", "#fdae6b", "#fd8d3c", "#e6550d", "#a63603")
VERDICT_CLASS = {"supported": "ok", "contradicted": "bad", CANNOT_CHECK: "na"}


def esc(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _num(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        if math.isinf(value):
            return "∞"
        return f"{value:,.2f}" if abs(value) < 100 else f"{value:,.0f}"
    return f"{value:,}" if isinstance(value, int) else esc(value)


def _table(headers: Sequence[str], rows: Sequence[Sequence[Any]], cls: str = "") -> str:
    if not rows:
        return '<p class="muted">None in this period.</p>'
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


# -- headline ------------------------------------------------------------------------------------

def headline(a: Analysis, period: Period, base: Filters) -> str:
    """Four figures, each against the previous period of the same length."""
    previous = Period(period.start - timedelta(days=period.days), period.start - timedelta(days=1))
    cards = []
    for label, f in (("Violent events", base.but(violent=True)), ("Battles", base.but(event_type="Battles")),
                     ("Events targeting civilians", base.but(civilian_targeting=True)),
                     ("Reported fatalities", base.but(violent=True))):
        try:
            cmp = a.compare(previous, period, f)
        except NoCoverageError:  # the data start after the baseline: there is nothing to compare with
            counted = a.count(f.with_period(period))
            figure = counted.fatalities if label == "Reported fatalities" else counted.events_count
            cards.append(f'<div class="card"><div class="label">{esc(label)}</div><div class="big">{_num(figure)}'
                         f'</div><div class="change no-coverage">no coverage of {esc(str(previous))}</div>'
                         '<div class="muted small">no baseline: the data start later</div></div>')
            continue
        if label == "Reported fatalities":
            now, before = cmp.fatalities_b, cmp.fatalities_a
            change = pct_change(now, before)
            test = ""
        else:
            now, before = cmp.result.count_b, cmp.result.count_a
            change = pct_change(now / cmp.period_b.days, before / cmp.period_a.days)
            p = cmp.result.p_value
            test = f"p = {p:.2g}" if p is not None else ""
        band = trend_band(change)
        arrow = "" if change is None else ("▲" if change > 0 else "▼" if change < 0 else "■")
        change_text = "new" if change is not None and math.isinf(change) else (
            "–" if change is None else f"{change:+.0f}%")
        cards.append(
            f'<div class="card"><div class="label">{esc(label)}</div><div class="big">{_num(now)}</div>'
            f'<div class="change {esc((band or "").replace(" ", "-"))}">{arrow} {change_text} '
            f'<span class="muted">vs {_num(before)}</span></div>'
            f'<div class="muted small">{esc(band or "no baseline")}{"; " + esc(test) if test else ""}</div></div>')
    return ('<div class="cards">' + "".join(cards) + "</div>"
            f'<p class="muted small">Each figure against the previous {previous.days} days ({previous}); changes '
            "compare daily rates, p is the exact test of the two rates.</p>")


# -- map -----------------------------------------------------------------------------------------

def _rings(geometry: dict[str, Any]) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return list(geometry["coordinates"])
    return [ring for polygon in geometry["coordinates"] for ring in polygon]


def choropleth(a: Analysis, period: Period, base: Filters, theatre: Theatre) -> str:
    """The theatre's first-level units (provinces, states) shaded by violent events (quantile-free
    classes on a square-root scale)."""
    unit = theatre.unit_word(1)
    try:
        from ruydad.geo import boundaries_geojson

        geo = boundaries_geojson(level=1, theatre=theatre.name)
    except (ImportError, RuydadError, OSError) as exc:
        return f'<p class="muted">No {esc(unit)} boundaries for this theatre ({esc(exc)}).</p>'
    counts = a.counts("admin1", base.but(violent=True).with_period(period))
    per_unit: dict[str, int] = {}
    unplaced = 0
    for row in counts.rows():
        code = _pcode_of(a, row["admin1"])
        if code is None:
            unplaced += row["events"]
        else:
            per_unit[code] = per_unit.get(code, 0) + row["events"]
    top = max(per_unit.values(), default=0)
    lons = [pt[0] for f in geo["features"] for ring in _rings(f["geometry"]) for pt in ring]
    lats = [pt[1] for f in geo["features"] for ring in _rings(f["geometry"]) for pt in ring]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    kx = math.cos(math.radians((south + north) / 2))
    width = 760.0
    scale = width / ((east - west) * kx)
    height = (north - south) * scale

    def xy(pt: Sequence[float]) -> str:
        return f"{(pt[0] - west) * kx * scale:.1f},{(north - pt[1]) * scale:.1f}"

    paths: list[str] = []
    candidates: list[tuple[int, float, float, str]] = []
    for feature in geo["features"]:
        props = feature["properties"]
        code = props.get("admin1_pcode") or props.get("pcode")
        n = per_unit.get(code, 0)
        shade = _shade(n, top)
        d = " ".join("M" + " L".join(_dedupe([xy(p) for p in ring])) + "Z" for ring in _rings(feature["geometry"]))
        paths.append(f'<path d="{d}" fill="{PALETTE[shade]}"><title>{esc(props.get("name"))}: {n} violent events'
                     f'</title></path>')
        if n:
            cx, cy = _centre(feature["geometry"])
            candidates.append((n, (cx - west) * kx * scale, (north - cy) * scale, str(props.get("name"))))
    legend = "".join(f'<span><i style="background:{PALETTE[i]}"></i>{esc(text)}</span>'
                     for i, text in _legend_classes(top))
    labels: list[str] = []
    placed: list[tuple[float, float]] = []
    for n, x, y, name in sorted(candidates, reverse=True)[:8]:
        if all(abs(x - px) > 70 or abs(y - py) > 16 for px, py in placed):
            placed.append((x, y))
            labels.append(f'<text x="{x:.0f}" y="{y:.0f}">{esc(name)} {n}</text>')
    note = f" {unplaced} events could not be placed on a {esc(unit)}." if unplaced else ""
    source = f" Boundaries: {esc(theatre.boundaries_source)}." if theatre.boundaries_source else ""
    return (f'<svg class="map" viewBox="0 0 {width:.0f} {height:.0f}" role="img" aria-label="Violent events by '
            f'{esc(unit)}">{"".join(paths)}<g class="labels">{"".join(labels)}</g></svg>'
            f'<div class="legend">{legend}</div><p class="muted small">Violent events (battles, explosions/remote '
            f'violence, violence against civilians) by {esc(unit)}, {period}.{source}{note}</p>')


def _shade(n: int, top: int) -> int:
    """Class 0 for no events, else 1-5 on a square-root scale of the largest count."""
    return 0 if n <= 0 or top <= 0 else 1 + min(4, int(math.sqrt(n / top) * 5 - 1e-9))


def _legend_classes(top: int) -> list[tuple[int, str]]:
    """(class, "lo–hi") for the classes that some count from 1 to ``top`` falls in."""
    bounds: dict[int, list[int]] = {}
    for n in range(1, top + 1):
        bounds.setdefault(_shade(n, top), []).append(n)
    return [(0, "0")] + [(k, f"{v[0]}–{v[-1]}" if v[-1] > v[0] else f"{v[0]}") for k, v in sorted(bounds.items())]


def _dedupe(points: list[str]) -> list[str]:
    out = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
    return out if len(out) >= 3 else points


def _centre(geometry: dict[str, Any]) -> tuple[float, float]:
    ring = max(_rings(geometry), key=len)
    return sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)


def _pcode_of(a: Analysis, admin1: str | None) -> str | None:
    """The P-code of a grouped province name, by the theatre's gazetteer (codes differ in shape by country)."""
    return a.place_pcode(admin1, 1) if admin1 else None


# -- trend ---------------------------------------------------------------------------------------

def trend_chart(a: Analysis, period: Period, base: Filters) -> str:
    """Bars of violent events per month (per week for periods under four months), coloured by band."""
    every = "week" if period.days < 120 else "month"
    t = a.trend(every, filters=base.but(violent=True).with_period(period))
    rows = t.rows()
    if not rows:
        return '<p class="muted">No violent events in this period.</p>'
    top = max(r["events"] for r in rows) or 1
    w, h, pad = 760, 220, 40
    bar = (w - pad) / len(rows)
    colours = {"large increase": "#c0392b", "moderate increase": "#e67e22", "limited change": "#7f8c8d",
               "large decrease": "#2980b9"}
    bars = []
    for i, r in enumerate(rows):
        bh = (h - pad) * r["events"] / top
        x = pad + i * bar
        colour = colours.get(r["band"] or "", "#95a5a6")
        title = (f"{r[every]}: {r['events']} violent events, {r['fatalities']} fatalities; "
                 f"{r['band'] or 'no baseline'}; p = {_num(r['p_value'])}")
        bars.append(f'<rect x="{x + 1:.1f}" y="{h - pad - bh:.1f}" width="{max(bar - 2, 1):.1f}" height="{bh:.1f}" '
                    f'fill="{colour}"><title>{esc(title)}</title></rect>')
        if len(rows) <= 14 or i % max(1, len(rows) // 12) == 0:
            label = r[every].strftime("%b %y" if every == "month" else "%d %b")
            bars.append(f'<text x="{x + bar / 2:.1f}" y="{h - 12}" class="tick">{esc(label)}</text>')
    axis = (f'<text x="{pad - 4}" y="12" class="tick" style="text-anchor:end">{top}</text>'
            f'<text x="{pad - 4}" y="{h - pad}" class="tick" style="text-anchor:end">0</text>'
            f'<line x1="{pad}" y1="6" x2="{w}" y2="6" stroke="#eee"/>'
            f'<line x1="{pad}" y1="{h - pad}" x2="{w}" y2="{h - pad}" stroke="#999"/>')
    legend = "".join(f'<span><i style="background:{c}"></i>{esc(b)}</span>' for b, c in colours.items())
    return (f'<svg class="chart" viewBox="0 0 {w} {h}" role="img" aria-label="Violent events per {every}">'
            f'{axis}{"".join(bars)}</svg><div class="legend">{legend}</div>'
            f'<p class="muted small">Violent events per {every}; colour is ACLED\'s trend band of the change against '
            f'the previous {every} (daily rates). Hover a bar for the figures and the exact test.</p>')


# -- tables --------------------------------------------------------------------------------------

def surges_section(a: Analysis, period: Period, base: Filters, unit: str = "province") -> str:
    """Surges of the first-level units (``unit`` is what the theatre calls them) and of actors."""
    acled = a.acled_surges(base, at=period.end)
    weekly = [r for r in acled.rows() if r["current"] or r["baseline_mean"] >= 1][:10]
    rows = [[esc(r["admin1"]), r["current"], _num(r["baseline_mean"]), _num(r["ratio"]),
             "yes" if r["rule_surge"] else "", _num(r["p_value"]), _num(r["p_negbin"])] for r in weekly]
    monthly = a.surges("actor", base.but(violent=True), at=period.end, period="month", baseline_periods=3)
    actor_rows = [[esc(r["actor"]), r["current"], _num(r["baseline_mean"]), _num(r["ratio"]), _num(r["p_value"]),
                   _num(r["p_negbin"])] for r in monthly.rows() if r["current"] >= 2][:8]
    return (f"<h3>{esc(_plural(unit).capitalize())}, last week to {period.end} (ACLED definition)</h3>"
            + (_table([unit.capitalize(), "Last week", "Weekly mean, 4 weeks before", "Ratio", "ACLED surge",
                       "p (Poisson)", "p (neg. binomial)"], rows) if rows else
               f'<p class="muted">No {esc(unit)} had violent events '
               "in the last week or averaged one a week in the four weeks before.</p>")
            + "<h3>Actors, last 30 days against the 3 months before</h3>"
            + _table(["Actor", "Last 30 days", "Mean per 30 days", "Ratio", "p (Poisson)", "p (neg. binomial)"],
                     actor_rows))


def actors_section(a: Analysis, period: Period, base: Filters) -> str:
    top = a.counts(["actor", "actor_category"], base.but(violent=True).with_period(period), top=12)
    rows = [[esc(r["actor"]), esc(r["actor_category"] or ""), r["events"], r["fatalities"]] for r in top.rows()
            if r["actor"]]
    emerging = a.emerging_actors(period, base.but(violent=True))
    new_rows = [[esc(r["actor"]), esc(r["category"]), r["first_event"].isoformat(), r["events"], r["battles"]]
                for r in emerging.rows()]
    return ("<h3>Most active actors (violent events)</h3>"
            + _table(["Actor", "Category", "Events", "Fatalities"], rows)
            + "<h3>Groups first recorded in this period</h3>"
            + _table(["Group", "Category", "First event", "Events", "Battles"], new_rows))


def attribution_section(a: Analysis, period: Period, base: Filters) -> str:
    att = a.attribution(base.but(civilian_targeting=True).with_period(period))
    s = att.summary
    rows = [[esc(r["perpetrator"]), r["events"], f"{r['share']:.0%}",
             f"{r['ci_low']:.0%}–{r['ci_high']:.0%}"] for r in att.rows()[:8]]
    unidentified = s.get("unidentified_share")
    lead = (f"<p>{s['total_events']} events targeting civilians; "
            + ("all with an identified perpetrator.</p>" if not unidentified else
               f"{unidentified:.0%} with no identified perpetrator.</p>"))
    return lead + _table(["Perpetrator", "Events", "Share", "95% interval"], rows)


def _actor_name(theatre: Theatre) -> Callable[[str], str]:
    """Registry id -> the actor's name (the id itself when there is no registry or no such actor)."""
    try:
        from ruydad.actors import load_registry

        registry = load_registry(theatre)
    except (ImportError, RuydadError):
        return lambda actor_id: actor_id

    def name(actor_id: str) -> str:
        return registry.get(actor_id).name if actor_id in registry else actor_id

    return name


def _verdict_block(v: Verdict, what: str) -> str:
    cls = VERDICT_CLASS.get(v.verdict, "na")
    n_events = v.events().num_rows if v.expr is not None else 0
    return (f'<div class="claim"><div class="verdict {cls}">{esc(v.verdict)}</div><div><b>{what}</b>'
            f'<p>{esc(v.reason)} <span class="muted">({n_events} events behind the figure)</span></p></div></div>')


def claims_section(a: Analysis, period: Period, claims: Sequence[str], base: Filters, theatre: Theatre) -> str:
    """Claims given on the command line, then stored place claims grouped by the sentence they come from."""
    parts = []
    for text in claims:
        try:  # read as `ruydad check` reads it: what it understood, or "cannot check" with the reason
            verdict = check_text(a, text, base=base, published=period.end)
        except RuydadError as exc:
            verdict = Verdict(CANNOT_CHECK, text, text, None, str(exc), {})
        understood = f"; understood as: {esc(verdict.understood)}" if verdict.understood else ""
        parts.append(_verdict_block(verdict, f"{esc(text)} <span class='muted'>(claimed: {esc(verdict.claimed)}; "
                                             f"computed: {_num(verdict.figure)}{understood})</span>"))
    by_sentence: dict[str, list[BoardEntry]] = {}
    for entry in place_claims_board(a):
        by_sentence.setdefault(entry.sentence or entry.verdict.claim, []).append(entry)
    name = _actor_name(theatre)
    for sentence, entries in by_sentence.items():
        who = entries[0].claimed_by or "unknown speaker"
        parts.append(f'<blockquote class="quote">“{esc(sentence)}” <span class="muted small">— {esc(who)}'
                     "</span></blockquote>")
        for e in entries:
            places = e.verdict.figure if isinstance(e.verdict.figure, dict) else {}
            listed = ", ".join(places) or "the claimed places"
            parts.append(_verdict_block(e.verdict, f"{esc(name(e.actor))} {esc(e.predicate.replace('_', ' '))} "
                                                   f"{esc(listed)}"))
    if not parts:
        return '<p class="muted">No claims stored and none given (use <code>--claim</code>).</p>'
    return "".join(parts)


def sources_section(a: Analysis, period: Period, dataset: str | None = None) -> str:
    cov = a.coverage(Filters().with_period(period))
    sets = ", ".join(f"{esc(k)}: {v:,} events" for k, v in cov["datasets"].items()) or "none"
    used = (f" The figures above come from <strong>{esc(dataset)}</strong> alone: datasets record many of the "
            "same events, so they are never added up." if dataset else "")
    parts = [f"<p>Events in this period by dataset: {sets}.{used}</p>"]
    backend = a.backend
    if backend is not None:
        tables = set(backend.list_tables())
        if "ingest_batches" in tables:
            batches = backend.table("ingest_batches").to_pyarrow().to_pylist()
            rows = [[esc(b["dataset"]), esc(Path(str(b["source"])).name),
                     esc(str(b["finished_at"] or b["started_at"])[:10]),
                     _num(b.get("rows_stored"))] for b in batches]
            parts.append(_table(["Dataset", "File", "Ingested", "Rows stored"], rows))
        if "documents" in tables:
            docs = backend.table("documents").to_pyarrow().to_pylist()
            rows = [[esc(d.get("title")), esc(d.get("outlet")), esc(d.get("published")),
                     f'<a href="{esc(d.get("url"))}">{esc(d.get("url"))}</a>' if d.get("url") else ""] for d in docs]
            if rows:
                parts.append("<h3>Articles behind the claims</h3>" + _table(["Title", "Outlet", "Published", "URL"],
                                                                           rows))
    parts.append('<p class="muted small">UCDP GED: Sundberg &amp; Melander (2013), Davies et al. ACLED: Raleigh '
                 "et al. (2010). Figures count the events in this store only.</p>")
    return "".join(parts)


def _plural(word: str) -> str:
    return word if word.endswith("s") else word + "s"


def methods(unit: str = "province") -> str:
    """The methods section; ``unit`` is what the theatre calls its first-level units."""
    return _METHODS.replace("a province", f"a {unit}").replace("provinces", _plural(unit))


_METHODS = """
<ul>
<li><b>Violent events</b>: ACLED's battles, explosions/remote violence and violence against civilians.</li>
<li><b>Change</b>: daily rate against the previous period of the same length; ACLED trend bands: large increase
(&gt;25%), moderate increase (10–25%), limited change (−25% to +10%), large decrease (&lt;−25%). The p-value is the
exact conditional binomial test of two Poisson rates.</li>
<li><b>Surge (ACLED)</b>: a province whose violent events in the last week are at least double its weekly average
over the previous four weeks, among provinces averaging at least one a week. Beside it, a one-sided exact test
(Poisson) and a negative-binomial tail with the dispersion estimated from the baseline weeks.</li>
<li><b>Emerging group</b>: first recorded event in the store falls in the period (ACLED's own definition, violent
in the last month and not the year before, is <code>ruydad emerging --acled</code>).</li>
<li><b>Attribution</b>: perpetrator is actor1; names starting "Unidentified" count as unidentified. Wilson 95%
intervals.</li>
<li><b>Claims</b>: a count is supported when it falls in the range its qualifier allows; a ratio or share when the
claimed range overlaps the 95% interval; a place claim when the actor has events in every claimed place.</li>
</ul>
"""


def primary_dataset(a: Analysis, period: Period, base: Filters) -> str | None:
    """The dataset the brief's figures come from when none is chosen: the one with the most events in
    the period (datasets are never added up; the sources section lists the others)."""
    held = a.coverage(base.with_period(period))["datasets"]
    return max(sorted(held), key=lambda d: held[d]) if held else None


def render_brief(a: Analysis, period: Period, *, theatre: TheatreLike | None = None, claims: Sequence[str] = (),
                 title: str | None = None, dataset: str | None = None) -> str:
    """The brief as one HTML string (see the module docstring), for ``theatre`` (default: the
    analysis's own theatre)."""
    # an unknown theatre is the caller's error (exit 1, HTTP 400), not a page saying so
    theatre = as_theatre(a.theatre if theatre is None else theatre)
    country = theatre.country
    base = Filters(country=country, dataset=dataset or primary_dataset(a, period, Filters(country=country)))
    template = Template(resources.files("ruydad.analysis").joinpath("templates/brief.html").read_text("utf-8"))
    return template.substitute(
        title=esc(title or f"{country.title()}: situation brief"),
        period=esc(f"{period.start:%d %B %Y} – {period.end:%d %B %Y}"),
        generated=esc(datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")),
        headline=headline(a, period, base),
        map=choropleth(a, period, base, theatre),
        trend=trend_chart(a, period, base),
        surges=surges_section(a, period, base, theatre.unit_word(1)),
        actors=actors_section(a, period, base),
        attribution=attribution_section(a, period, base),
        claims=claims_section(a, period, claims, base, theatre),
        sources=sources_section(a, period, base.dataset),
        methods=methods(theatre.unit_word(1)),
        unit=esc(theatre.unit_word(1)),
    )


def write_brief(a: Analysis, period: Period, out: Path, *, theatre: TheatreLike | None = None,
                claims: Sequence[str] = (), dataset: str | None = None) -> Path:
    """Write the brief to ``out`` and return its path."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_brief(a, period, theatre=theatre, claims=claims, dataset=dataset), encoding="utf-8")
    return out



