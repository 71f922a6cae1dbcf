"""News incidents held against a dataset's events: in both, only in the news, only in the dataset.

An incident and a dataset event match when any report of the incident matches the event under
the same rule that merges reports (:func:`ruydad.incidents.match.compare`: dates within the
window, same province and district, compatible type, a score at or over the threshold). One
incident can match several dataset events (ACLED codes one event per actor pair, day and
location, so one attack can be two rows) and one event several incidents; each side is counted
once in the rates.

The rates by province and by event type say how much of each side the other covers:
``news_coverage`` is the share of the dataset's events that the news incidents found,
``dataset_coverage`` the share of news incidents that the dataset holds. Every row carries the ids
that lead back to its reports (incident id, article URLs) and events (dataset event ids).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ruydad.errors import InputError
from ruydad.incidents.build import ARTICLE_DATASET, INCIDENT_COLUMNS, report_from_row
from ruydad.incidents.match import THRESHOLD, WINDOW_DAYS, Match, Report, compare

_EVENT_SQL = """
SELECT e.dataset_event_id, e.dataset, e.event_date, e.event_date_end, e.event_type, e.sub_event_type,
       e.actor1, e.actor2, e.admin1, e.admin1_code, e.admin2, e.admin2_pcode, e.location, e.latitude,
       e.longitude, e.fatalities, e.tags, e.notes, e.ingested_at, NULL, NULL, NULL, NULL
FROM events e WHERE e.dataset = ? AND e.event_date BETWEEN ? AND ?
"""

_INCIDENT_REPORTS_SQL = """
SELECT e.dataset_event_id, e.dataset, e.event_date, e.event_date_end, e.event_type, e.sub_event_type,
       e.actor1, e.actor2, e.admin1, e.admin1_code, e.admin2, e.admin2_pcode, e.location, e.latitude,
       e.longitude, e.fatalities, e.tags, e.notes, e.ingested_at, r.document_id, r.outlet, r.url, r.published,
       r.incident_id
FROM incident_reports r JOIN events e ON e.dataset = ? AND e.dataset_event_id = r.dataset_event_id
"""


@dataclass
class Reconciliation:
    dataset: str
    period: str
    admin1: list[str]
    both: list[dict[str, Any]] = field(default_factory=list)
    news_only: list[dict[str, Any]] = field(default_factory=list)
    dataset_only: list[dict[str, Any]] = field(default_factory=list)
    by_admin1: list[dict[str, Any]] = field(default_factory=list)
    by_event_type: list[dict[str, Any]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        incidents = len(self.both) + len(self.news_only)
        events = len({e for row in self.both for e in row["events"]}) + len(self.dataset_only)
        matched_events = events - len(self.dataset_only)
        return {"incidents": incidents, "incidents_in_dataset": len(self.both), "dataset_events": events,
                "dataset_events_in_news": matched_events,
                "dataset_coverage": round(len(self.both) / incidents, 4) if incidents else None,
                "news_coverage": round(matched_events / events, 4) if events else None}

    def as_dict(self) -> dict[str, Any]:
        return {"dataset": self.dataset, "period": self.period, "admin1": self.admin1, "summary": self.summary(),
                "both": self.both, "news_only": self.news_only, "dataset_only": self.dataset_only,
                "by_admin1": self.by_admin1, "by_event_type": self.by_event_type}


def _province(r: Report | dict[str, Any]) -> str:
    code = r.admin1_code if isinstance(r, Report) else r.get("admin1_code")
    name = r.admin1 if isinstance(r, Report) else r.get("admin1")
    return str(code or name or "").casefold()


def _wanted(admin1: list[str], code: str | None, name: str | None) -> bool:
    if not admin1:
        return True
    values = {a.casefold() for a in admin1}
    return (code or "").casefold() in values or (name or "").casefold() in values


def reconcile(store: Any, *, dataset: str = "acled", period: str, admin1: list[str] | None = None,
              window: int = WINDOW_DAYS, threshold: float = THRESHOLD) -> Reconciliation:
    """Match the stored incidents of ``period`` (``2022H1``, ``2022-01-01..2022-06-30``...) to the
    dataset's events of the same period (widened by the window at both ends for matching only)."""
    from ruydad.query.filters import Period

    span = Period.parse(period)
    provinces = [a.strip() for a in (admin1 or []) if a.strip()]
    if dataset == ARTICLE_DATASET:
        raise InputError("reconcile news incidents against a dataset (acled, ucdp), not against the articles")
    result = Reconciliation(dataset=dataset, period=str(span), admin1=provinces)
    widened = (span.start - timedelta(days=window), span.end + timedelta(days=window))
    events = [report_from_row(r) for r in store.con.execute(_EVENT_SQL, [dataset, *widened]).fetchall()]
    if not store.con.execute("SELECT 1 FROM events WHERE dataset = ? LIMIT 1", [dataset]).fetchone():
        raise InputError(f"the store holds no {dataset} events; ingest them first (`ruydad ingest {dataset} FILE`)")
    incidents = {row[0]: dict(zip(INCIDENT_COLUMNS, row, strict=True)) for row in store.con.execute(
        f"SELECT {', '.join(INCIDENT_COLUMNS)} FROM incidents WHERE first_date <= ? AND last_date >= ?",
        [span.end, span.start]).fetchall()}
    incidents = {k: v for k, v in incidents.items() if _wanted(provinces, v["admin1_code"], v["admin1"])}
    reports: dict[str, list[Report]] = {}
    for row in store.con.execute(_INCIDENT_REPORTS_SQL, [ARTICLE_DATASET]).fetchall():
        if row[-1] in incidents:
            reports.setdefault(row[-1], []).append(report_from_row(row[:-1]))
    by_province: dict[str, list[Report]] = {}
    for event in events:
        if event.date is not None:
            by_province.setdefault(_province(event), []).append(event)
    for bucket in by_province.values():
        bucket.sort(key=lambda e: e.date or date.min)
    starts = {k: [e.date or date.min for e in v] for k, v in by_province.items()}
    reach = timedelta(days=window + 31)  # week/month-precision dates reach further than the window
    matched_events: set[str] = set()
    for incident_id, incident in sorted(incidents.items(), key=lambda kv: (str(kv[1]["first_date"]), kv[0])):
        found: dict[str, tuple[Match, Report]] = {}
        for report in reports.get(incident_id, []):
            key = _province(report)
            if report.date is None or key not in by_province:
                continue
            lo = bisect_left(starts[key], report.date - reach)
            hi = bisect_right(starts[key], (report.date_end or report.date) + reach)
            for event in by_province[key][lo:hi]:
                m = compare(report, event, window=window)
                if m is not None and m.score >= threshold and (event.key not in found or
                                                               m.score > found[event.key][0].score):
                    found[event.key] = (m, event)
        row = _incident_summary(incident, reports.get(incident_id, []))
        if found:
            best = max(found.values(), key=lambda mv: mv[0].score)
            row.update(events=sorted(found), score=best[0].score, reason=best[0].reason())
            result.both.append(row)
            matched_events.update(found)
        else:
            result.news_only.append(row)
    for event in events:
        in_period = event.date is not None and span.start <= event.date <= span.end
        if in_period and event.key not in matched_events and _wanted(provinces, event.admin1_code, event.admin1):
            result.dataset_only.append(_event_summary(event))
    in_period_events = [e for e in events if e.date is not None and span.start <= e.date <= span.end
                        and _wanted(provinces, e.admin1_code, e.admin1)]
    result.by_admin1 = _rates(result, in_period_events, matched_events, lambda x: _label(x, "admin1"))
    result.by_event_type = _rates(result, in_period_events, matched_events, lambda x: _label(x, "event_type"))
    return result


def _label(item: Report | dict[str, Any], what: str) -> str:
    value = getattr(item, what) if isinstance(item, Report) else item.get(what)
    return str(value) if value else "(unknown)"


def _incident_summary(incident: dict[str, Any], reports: list[Report]) -> dict[str, Any]:
    return {"incident_id": incident["incident_id"], "first_date": incident["first_date"],
            "last_date": incident["last_date"], "admin1": incident["admin1"], "admin1_code": incident["admin1_code"],
            "admin2": incident["admin2"], "location": incident["location"], "event_type": incident["event_type"],
            "reports": incident["reports"], "killed_best": incident["killed_best"],
            "urls": sorted({r.url for r in reports if r.url})}


def _event_summary(event: Report) -> dict[str, Any]:
    return {"dataset_event_id": event.key, "event_date": event.date, "admin1": event.admin1,
            "admin1_code": event.admin1_code, "admin2": event.admin2, "location": event.location,
            "event_type": event.event_type, "actor1": event.actor1, "actor2": event.actor2,
            "fatalities": event.killed}


def _rates(result: Reconciliation, events: list[Report], matched: set[str], key: Any) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}

    def row(name: str) -> dict[str, Any]:
        return rows.setdefault(name, {"name": name, "incidents": 0, "incidents_in_dataset": 0, "dataset_events": 0,
                                      "dataset_events_in_news": 0})

    for incident in result.both:
        r = row(key(incident))
        r["incidents"] += 1
        r["incidents_in_dataset"] += 1
    for incident in result.news_only:
        row(key(incident))["incidents"] += 1
    for event in events:
        r = row(key(event))
        r["dataset_events"] += 1
        r["dataset_events_in_news"] += event.key in matched
    for r in rows.values():
        r["dataset_coverage"] = round(r["incidents_in_dataset"] / r["incidents"], 4) if r["incidents"] else None
        r["news_coverage"] = (round(r["dataset_events_in_news"] / r["dataset_events"], 4)
                              if r["dataset_events"] else None)
    return sorted(rows.values(), key=lambda r: (-r["dataset_events"], -r["incidents"], r["name"]))
