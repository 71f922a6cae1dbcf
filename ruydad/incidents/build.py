"""Incidents in the store: built from article events, listed, shown, split and merged by hand.

:func:`build_incidents` reads every article event (``events.dataset = 'article'``) with its
document's outlet, URL and publication date, clusters them (:func:`ruydad.incidents.match.cluster`)
and rewrites the ``incidents`` and ``incident_reports`` tables in one transaction. Building is a
pure function of the reports and the analyst's decisions, so it can run after every poll.

Decisions (``incident_decisions``) are about reports, not incident ids, which is why they
survive re-runs: :func:`split_incident` records that the named reports stay apart from the rest
(and together), :func:`merge_incidents` that the reports of two incidents belong together. A later
decision about the same pair of reports replaces an earlier one.

Figures: each report keeps its own killed/wounded/detained; the incident gives their range as
UCDP does: low (smallest figure reported), high (largest) and best (the median of the reports
that give a figure, the lower middle one for an even count: a report's figure, never an average
nobody reported). An incident's id is ``inc-`` and a hash of its earliest-stored report, so it
stays the same when later reports join it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Any

from ruydad.errors import InputError
from ruydad.incidents.match import THRESHOLD, WINDOW_DAYS, Cluster, Report, cluster, wounded_in
from ruydad.watch.sources import now

ARTICLE_DATASET = "article"

_REPORT_SQL = """
SELECT e.dataset_event_id, e.dataset, e.event_date, e.event_date_end, e.event_type, e.sub_event_type,
       e.actor1, e.actor2, e.admin1, e.admin1_code, e.admin2, e.admin2_pcode, e.location, e.latitude,
       e.longitude, e.fatalities, e.tags, e.notes, e.ingested_at, d.document_id, d.outlet, d.url, d.published
FROM events e
LEFT JOIN documents d ON d.document_id = split_part(e.dataset_event_id, ':', 1)
WHERE e.dataset = ?
"""


@dataclass
class BuildReport:
    reports: int
    placed: int
    incidents: int
    merged: int               # incidents of more than one report
    decisions: int

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _detained(tags: str | None) -> int | None:
    for part in (tags or "").split(";"):
        name, _, value = part.strip().partition("=")
        if name == "detained" and value.strip().isdigit():
            return int(value)
    return None


def report_from_row(row: tuple[Any, ...]) -> Report:
    (key, dataset, day, day_end, event_type, sub_type, actor1, actor2, admin1, admin1_code, admin2, pcode,
     location, lat, lon, fatalities, tags, notes, ingested_at, document_id, outlet, url, published) = row
    return Report(key=str(key), dataset=str(dataset), date=day, date_end=day_end, event_type=event_type,
                  sub_event_type=sub_type, actor1=actor1, actor2=actor2, admin1=admin1, admin1_code=admin1_code,
                  admin2=admin2, admin2_pcode=pcode, location=location, latitude=lat, longitude=lon,
                  killed=fatalities, wounded=wounded_in(notes) if dataset == ARTICLE_DATASET else None,
                  detained=_detained(tags), document_id=document_id, outlet=outlet, url=url, published=published,
                  sentence=notes, order=ingested_at)


def article_reports(store: Any) -> list[Report]:
    return [report_from_row(r) for r in store.con.execute(_REPORT_SQL, [ARTICLE_DATASET]).fetchall()]


def decisions(store: Any) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The analyst's (must, cannot) report pairs, the latest decision per pair winning."""
    latest: dict[frozenset[str], tuple[str, str, str]] = {}
    for kind, a, b in store.con.execute(
            "SELECT kind, report_a, report_b FROM incident_decisions ORDER BY decision_id").fetchall():
        latest[frozenset((a, b))] = (kind, a, b)
    must = [(a, b) for kind, a, b in latest.values() if kind == "merge"]
    cannot = [(a, b) for kind, a, b in latest.values() if kind == "split"]
    return must, cannot


def _incident_id(first: Report) -> str:
    return "inc-" + hashlib.sha1(first.key.encode()).hexdigest()[:12]


def _range(values: list[int | None]) -> tuple[int | None, int | None, int | None]:
    given = sorted(v for v in values if v is not None)
    if not given:
        return None, None, None
    return given[0], given[(len(given) - 1) // 2], given[-1]


def _common(values: list[Any]) -> Any:
    """The value most reports give (ties: the first report's), ignoring missing ones."""
    counts: dict[Any, int] = {}
    for v in values:
        if v is not None and v != "":
            counts[v] = counts.get(v, 0) + 1
    return max(counts, key=lambda v: counts[v]) if counts else None


def incident_row(c: Cluster) -> dict[str, Any]:
    rs = c.reports
    dates = [r.date for r in rs if r.date]
    actors: list[str] = []
    for r in rs:
        for name in (r.actor1, r.actor2):
            if name and name not in actors:
                actors.append(name)
    k = _range([r.killed for r in rs])
    w = _range([r.wounded for r in rs])
    d = _range([r.detained for r in rs])
    return {
        "incident_id": _incident_id(rs[0]), "first_date": min(dates) if dates else None,
        "last_date": max(dates) if dates else None, "event_type": _common([r.event_type for r in rs]),
        "sub_event_type": _common([r.sub_event_type for r in rs]), "actors": "; ".join(actors[:6]) or None,
        "admin1": _common([r.admin1 for r in rs]), "admin1_code": _common([r.admin1_code for r in rs]),
        "admin2": _common([r.admin2 for r in rs]), "admin2_pcode": _common([r.admin2_pcode for r in rs]),
        "location": _common([r.location for r in rs]), "latitude": _common([r.latitude for r in rs]),
        "longitude": _common([r.longitude for r in rs]), "reports": len(rs),
        "outlets": len({r.outlet or r.url or r.document_id for r in rs}),
        "killed_low": k[0], "killed_best": k[1], "killed_high": k[2],
        "wounded_low": w[0], "wounded_best": w[1], "wounded_high": w[2],
        "detained_low": d[0], "detained_best": d[1], "detained_high": d[2],
    }


INCIDENT_COLUMNS = ("incident_id", "first_date", "last_date", "event_type", "sub_event_type", "actors", "admin1",
                    "admin1_code", "admin2", "admin2_pcode", "location", "latitude", "longitude", "reports",
                    "outlets", "killed_low", "killed_best", "killed_high", "wounded_low", "wounded_best",
                    "wounded_high", "detained_low", "detained_best", "detained_high", "built_at")
REPORT_COLUMNS = ("dataset_event_id", "incident_id", "document_id", "outlet", "url", "published", "event_date",
                  "killed", "wounded", "detained", "score", "joined_with", "reason")


def build_incidents(store: Any, *, window: int = WINDOW_DAYS, threshold: float = THRESHOLD) -> BuildReport:
    """Rebuild every incident from the stored article events and the analyst's decisions."""
    reports = article_reports(store)
    placed = [r for r in reports if r.placed]
    must, cannot = decisions(store)
    clusters = cluster(placed, must=must, cannot=cannot, window=window, threshold=threshold)
    built_at = now()
    incident_rows: list[list[Any]] = []
    report_rows: list[list[Any]] = []
    for c in clusters:
        row = incident_row(c)
        row["built_at"] = built_at
        incident_rows.append([row[k] for k in INCIDENT_COLUMNS])
        for r in c.reports:
            joined_with, match, why = c.joins.get(r.key, (None, None, "first report of the incident"))
            report_rows.append([r.key, row["incident_id"], r.document_id, r.outlet, r.url, r.published, r.date,
                                r.killed, r.wounded, r.detained, match.score if match else None, joined_with, why])
    with store.transaction() as con:
        con.execute("DELETE FROM incident_reports")
        con.execute("DELETE FROM incidents")
        if incident_rows:
            con.executemany(f"INSERT INTO incidents ({', '.join(INCIDENT_COLUMNS)}) VALUES "
                            f"({', '.join('?' for _ in INCIDENT_COLUMNS)})", incident_rows)
        if report_rows:
            con.executemany(f"INSERT INTO incident_reports ({', '.join(REPORT_COLUMNS)}) VALUES "
                            f"({', '.join('?' for _ in REPORT_COLUMNS)})", report_rows)
    return BuildReport(reports=len(reports), placed=len(placed), incidents=len(clusters),
                       merged=sum(1 for c in clusters if len(c.reports) > 1), decisions=len(must) + len(cannot))


# -- reading ---------------------------------------------------------------------------------

def list_incidents(store: Any, *, date_from: date | None = None, date_to: date | None = None,
                   admin1: str | None = None, min_reports: int = 1, limit: int | None = 100,
                   offset: int = 0) -> list[dict[str, Any]]:
    """Incidents, newest first (``min_reports=2``: only those merged from several reports)."""
    where: list[str] = ["reports >= ?"]
    params: list[Any] = [min_reports]
    if date_from:
        where.append("last_date >= ?")
        params.append(date_from)
    if date_to:
        where.append("first_date <= ?")
        params.append(date_to)
    if admin1:
        where.append("(lower(admin1) = lower(?) OR lower(admin1_code) = lower(?))")
        params += [admin1, admin1]
    sql = (f"SELECT {', '.join(INCIDENT_COLUMNS)} FROM incidents WHERE {' AND '.join(where)} "
           "ORDER BY first_date DESC NULLS LAST, incident_id")
    if limit is not None:
        sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
    return [dict(zip(INCIDENT_COLUMNS, r, strict=True)) for r in store.con.execute(sql, params).fetchall()]


def count_incidents(store: Any) -> int:
    row = store.con.execute("SELECT count(*) FROM incidents").fetchone()
    return int(row[0]) if row else 0


def get_incident(store: Any, incident_id: str) -> dict[str, Any]:
    """One incident with every report: its outlet, URL, figures, sentence and why it joined."""
    row = store.con.execute(f"SELECT {', '.join(INCIDENT_COLUMNS)} FROM incidents WHERE incident_id = ?",
                            [incident_id]).fetchone()
    if row is None:
        raise InputError(f"no incident {incident_id!r}; `ruydad incidents list` shows the ids")
    incident = dict(zip(INCIDENT_COLUMNS, row, strict=True))
    cols = [f"r.{c}" for c in REPORT_COLUMNS] + ["e.event_type", "e.admin2", "e.location", "e.actor1", "e.actor2",
                                                  "e.notes"]
    rows = store.con.execute(
        f"SELECT {', '.join(cols)} FROM incident_reports r JOIN events e ON e.dataset = ? "
        "AND e.dataset_event_id = r.dataset_event_id WHERE r.incident_id = ? ORDER BY r.published, "
        "r.dataset_event_id", [ARTICLE_DATASET, incident_id]).fetchall()
    names = [*REPORT_COLUMNS, "event_type", "admin2", "location", "actor1", "actor2", "sentence"]
    incident["report_list"] = [dict(zip(names, r, strict=True)) for r in rows]
    return incident


# -- the analyst's decisions ----------------------------------------------------------------

def _report_keys(store: Any, incident_id: str) -> list[str]:
    keys = [str(r[0]) for r in store.con.execute(
        "SELECT dataset_event_id FROM incident_reports WHERE incident_id = ? ORDER BY dataset_event_id",
        [incident_id]).fetchall()]
    if not keys:
        raise InputError(f"no incident {incident_id!r}; `ruydad incidents list` shows the ids")
    return keys


def _record(con: Any, kind: str, pairs: list[tuple[str, str]], note: str | None) -> None:
    top = con.execute("SELECT coalesce(max(decision_id), 0) FROM incident_decisions").fetchone()
    next_id = int(top[0]) + 1 if top else 1
    at = now()
    for n, (a, b) in enumerate(pairs):
        con.execute("INSERT INTO incident_decisions (decision_id, kind, report_a, report_b, note, made_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)", [next_id + n, kind, a, b, note, at])


def split_incident(store: Any, incident_id: str, reports: list[str], *, note: str | None = None) -> BuildReport:
    """Take ``reports`` (article event ids) out of an incident into one of their own; kept on re-runs."""
    keys = _report_keys(store, incident_id)
    chosen = [k for k in reports if k in keys]
    missing = sorted(set(reports) - set(keys))
    if missing:
        raise InputError(f"report(s) {', '.join(missing)} are not in {incident_id}; its reports: {', '.join(keys)}")
    rest = [k for k in keys if k not in chosen]
    if not chosen or not rest:
        raise InputError("name at least one report to split off, and leave at least one in the incident")
    with store.transaction() as con:
        _record(con, "split", [(a, b) for a in chosen for b in rest], note)
        _record(con, "merge", [(chosen[0], other) for other in chosen[1:]], note)
    return build_incidents(store)


def merge_incidents(store: Any, incident_ids: list[str], *, note: str | None = None) -> BuildReport:
    """Put the reports of several incidents into one; kept on re-runs."""
    if len(incident_ids) < 2:
        raise InputError("name two or more incidents to merge")
    groups = [_report_keys(store, i) for i in incident_ids]
    pairs = [(a, b) for n, g in enumerate(groups) for a in g for h in groups[n + 1:] for b in h]
    with store.transaction() as con:
        _record(con, "merge", pairs, note)
    return build_incidents(store)


def decision_list(store: Any) -> list[dict[str, Any]]:
    cols = ("decision_id", "kind", "report_a", "report_b", "note", "made_at")
    return [dict(zip(cols, r, strict=True)) for r in store.con.execute(
        f"SELECT {', '.join(cols)} FROM incident_decisions ORDER BY decision_id").fetchall()]


INCIDENT_DIMENSIONS = {"admin1": "admin1", "admin2": "admin2", "event_type": "event_type",
                       "month": "strftime(first_date, '%Y-%m')", "year": "CAST(year(first_date) AS VARCHAR)"}


def incident_counts(store: Any, by: str = "admin1", *, date_from: date | None = None,
                    date_to: date | None = None) -> list[dict[str, Any]]:
    """Incidents (not reports) counted by one dimension, with the reports behind them and the sums
    of each incident's killed range: the news counted the way analysis counts events."""
    if by not in INCIDENT_DIMENSIONS:
        raise InputError(f"count incidents by one of {', '.join(INCIDENT_DIMENSIONS)}, not {by!r}")
    expression = INCIDENT_DIMENSIONS[by]
    if by == "month" and getattr(store, "backend", "duckdb") == "postgres":
        expression = "to_char(first_date, 'YYYY-MM')"
    elif by == "year" and getattr(store, "backend", "duckdb") == "postgres":
        expression = "CAST(extract(year FROM first_date) AS INTEGER)::VARCHAR"
    where: list[str] = ["TRUE"]
    params: list[Any] = []
    if date_from:
        where.append("last_date >= ?")
        params.append(date_from)
    if date_to:
        where.append("first_date <= ?")
        params.append(date_to)
    sql = (f"SELECT {expression} AS k, count(*), sum(reports), sum(killed_low), sum(killed_best), "
           f"sum(killed_high) FROM incidents WHERE {' AND '.join(where)} GROUP BY k ORDER BY count(*) DESC, k")
    names = (by, "incidents", "reports", "killed_low", "killed_best", "killed_high")
    return [dict(zip(names, (r[0], *(None if v is None else int(v) for v in r[1:])), strict=True))
            for r in store.con.execute(sql, params).fetchall()]
