"""Whether two reports describe the same incident, and the clustering of reports into incidents.

A *report* is one event as one source tells it: an article event (``dataset='article'``) or, for
reconciliation, a dataset's event. Two reports are compared field by field (:func:`compare`):

- **hard limits**, any of which keeps them apart: both need a date and a province (admin1);
  dates more than ``window`` days apart (intervals, so a week-precision date still matches);
  different provinces; different districts (admin2 P-codes) when both name one; points over
  ``max_km`` apart when both have coordinates; a protest or riot against political violence;
  two reports placed only at province level unless they give the same day and the same or a
  compatible type (a province holds many incidents a week; a district or a named place is what
  makes two reports one incident).
- **a score** in [0, 1] from what agrees: ``0.30 * date + 0.35 * place + 0.20 * type + 0.15 * actors``.
  date: 1 for the same day, falling linearly to 1/(window+1) at the window's edge; place: 1 for
  the same district, the same named location or points within 10 km, 0.4 for the same province
  only; type: 1 for the same ACLED event type, 0.6 for types the same incident is often coded as
  (an explosion that kills civilians: "Explosions/Remote violence" or "Violence against
  civilians"), 0.5 when one is missing, 0.3 otherwise; actors: 1 when a named actor is shared,
  0.5 when one side names none, 0.2 when both name actors and none is shared (extracted actor
  names are noisy, so a mismatch lowers the score rather than forbidding the merge; numbers and
  words such as "first" or "explosion" that extraction sometimes returns as actors are ignored).

:func:`cluster` merges greedily, best pair first: two clusters join when their best pair scores
at least ``threshold`` and *no* pair across them breaks a hard limit (so a chain of near matches
cannot drag reports from two districts into one incident). The analyst's decisions come first:
``must`` pairs are joined before anything else, ``cannot`` pairs are never joined, and a report
the analyst placed by hand does not hold others out by the hard limits (the analyst has said
the incident spans what it spans).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

WINDOW_DAYS = 2
THRESHOLD = 0.6
MAX_KM = 50.0
WEIGHTS = {"date": 0.30, "place": 0.35, "type": 0.20, "actors": 0.15}

_COMPATIBLE_TYPES = {frozenset({"Explosions/Remote violence", "Violence against civilians"}),
                     frozenset({"Battles", "Violence against civilians"})}
_DEMONSTRATIONS = {"Protests", "Riots"}
_POLITICAL_VIOLENCE = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_ACTOR_NOISE = {"the", "a", "an", "of", "and", "forces", "fighters", "members", "militants", "group", "unidentified",
                "armed", "men", "gunmen", "people", "explosion", "blast", "attack", "bomb", "suicide", "bomber",
                "first", "second", "third", "other", "several", "some", "many", "dozens", "local"}


@dataclass
class Report:
    """One event as one source reports it, with the figures it gives."""

    key: str                        # dataset_event_id (article events: '<document id>:<n>')
    dataset: str
    date: dt.date | None
    date_end: dt.date | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    admin1: str | None = None
    admin1_code: str | None = None
    admin2: str | None = None
    admin2_pcode: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    killed: int | None = None
    wounded: int | None = None
    detained: int | None = None
    document_id: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    sentence: str | None = None
    order: Any = None               # when it was stored: the earliest report names the incident

    @property
    def placed(self) -> bool:
        return self.date is not None and bool(self.admin1_code or self.admin1)

    def actors(self) -> set[str]:
        words: set[str] = set()
        for name in (self.actor1, self.actor2):
            if name:
                found = re.findall(r"[a-z][a-z0-9]*", name.lower())
                words |= {w for w in found if w not in _ACTOR_NOISE and len(w) > 1}
        return words


@dataclass(frozen=True)
class Match:
    score: float
    fields: dict[str, str] = field(default_factory=dict)

    def reason(self) -> str:
        return "; ".join(f"{k}: {v}" for k, v in self.fields.items()) + f"; score {self.score:.2f}"


def _interval_gap(a: Report, b: Report) -> int:
    assert a.date is not None and b.date is not None
    a_end, b_end = a.date_end or a.date, b.date_end or b.date
    if a_end < b.date:
        return (b.date - a_end).days
    if b_end < a.date:
        return (a.date - b_end).days
    return 0


def _km(a: Report, b: Report) -> float | None:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))  # type: ignore[arg-type]
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _below_province(r: Report) -> bool:
    """Whether the report is placed more precisely than its province (a province's name as the
    location comes with the province's centroid, which says nothing about where in it)."""
    return bool(r.location) and (r.location or "").casefold() != (r.admin1 or "").casefold()


def _same(x: str | None, y: str | None) -> bool | None:
    if not x or not y:
        return None
    return x.strip().casefold() == y.strip().casefold()


def compare(a: Report, b: Report, *, window: int = WINDOW_DAYS, max_km: float = MAX_KM) -> Match | None:
    """The match of two reports, or None when a hard limit keeps them apart (see the module doc)."""
    if not a.placed or not b.placed:
        return None
    gap = _interval_gap(a, b)
    if gap > window:
        return None
    fields: dict[str, str] = {"date": "same day" if gap == 0 else f"{gap} day(s) apart"}
    province = _same(a.admin1_code, b.admin1_code)
    if province is None:
        province = _same(a.admin1, b.admin1)
    if province is False:
        return None
    district = _same(a.admin2_pcode, b.admin2_pcode)
    if district is None:
        district = _same(a.admin2, b.admin2)
    if district is False:
        return None
    km = _km(a, b) if _below_province(a) and _below_province(b) else None
    if km is not None and km > max_km:
        return None
    if district:
        place, fields["place"] = 1.0, f"same district ({a.admin2 or a.admin2_pcode})"
    elif _same(a.location, b.location) and _below_province(a):
        place, fields["place"] = 1.0, f"same place ({a.location})"
    elif km is not None and km <= 10:
        place, fields["place"] = 1.0, f"{km:.1f} km apart"
    else:
        place, fields["place"] = 0.4, f"same province only ({a.admin1 or a.admin1_code})"
    types = {t for t in (a.event_type, b.event_type) if t}
    if len(types) == 2 and types & _DEMONSTRATIONS and types & _POLITICAL_VIOLENCE:
        return None
    if place < 1 and (gap > 0 or (len(types) == 2 and frozenset(types) not in _COMPATIBLE_TYPES)):
        return None  # a province is too coarse: it needs the same day and an agreeing type
    if a.event_type and a.event_type == b.event_type:
        kind, fields["type"] = 1.0, f"same ({a.event_type})"
    elif len(types) < 2:
        kind, fields["type"] = 0.5, "one report has no type"
    elif frozenset(types) in _COMPATIBLE_TYPES:
        kind, fields["type"] = 0.6, f"compatible ({a.event_type} / {b.event_type})"
    else:
        kind, fields["type"] = 0.3, f"different ({a.event_type} / {b.event_type})"
    words_a, words_b = a.actors(), b.actors()
    shared = words_a & words_b
    if shared:
        actors, fields["actors"] = 1.0, f"shared ({', '.join(sorted(shared))})"
    elif not words_a or not words_b:
        actors, fields["actors"] = 0.5, "one report names no actor"
    else:
        actors, fields["actors"] = 0.2, "no actor in common"
    day = 1.0 - gap / (window + 1)
    score = (WEIGHTS["date"] * day + WEIGHTS["place"] * place + WEIGHTS["type"] * kind
             + WEIGHTS["actors"] * actors)
    return Match(round(score, 4), fields)


@dataclass
class Cluster:
    reports: list[Report]
    joins: dict[str, tuple[str, Match | None, str]] = field(default_factory=dict)
    """report key -> (the report it joined through, the match, why), for every report but the first."""


def cluster(reports: Iterable[Report], *, must: Iterable[tuple[str, str]] = (),
            cannot: Iterable[tuple[str, str]] = (), window: int = WINDOW_DAYS,
            threshold: float = THRESHOLD) -> list[Cluster]:
    """Group reports into incidents (see the module docstring for the rule)."""
    items = list(reports)
    index = {r.key: i for i, r in enumerate(items)}
    parent = list(range(len(items)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    edges: list[tuple[int, int, Match | None, str]] = []
    blocked = {frozenset((a, b)) for a, b in cannot}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int, match: Match | None, why: str) -> None:
        ri, rj = find(i), find(j)
        keep, gone = (ri, rj) if len(members[ri]) >= len(members[rj]) else (rj, ri)
        parent[gone] = keep
        members[keep].extend(members.pop(gone))
        edges.append((i, j, match, why))

    manual: set[int] = set()
    for a, b in must:
        if a in index and b in index:
            manual |= {index[a], index[b]}
            if find(index[a]) != find(index[b]):
                union(index[a], index[b], None, "merged by the analyst")
    scored: list[tuple[float, int, int, Match]] = []
    for i, j in _candidate_pairs(items, window):
        m = compare(items[i], items[j], window=window)
        if m is not None:
            scored.append((m.score, i, j, m))
    compatible = {frozenset((i, j)) for _, i, j, _ in scored}
    scored.sort(key=lambda t: (-t[0], items[t[1]].key, items[t[2]].key))
    for score, i, j, m in scored:
        if score < threshold:
            break
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        if any(frozenset((items[p].key, items[q].key)) in blocked
               or (frozenset((p, q)) not in compatible and p not in manual and q not in manual)
               for p in members[ri] for q in members[rj]):
            continue
        union(i, j, m, m.reason())
    return sorted((_tree(items, idx, edges) for idx in members.values()),
                  key=lambda c: (c.reports[0].date or dt.date.min, c.reports[0].key))


def _tree(items: list[Report], idx: list[int], edges: list[tuple[int, int, Match | None, str]]) -> Cluster:
    """The cluster with each report's join: the edge towards the earliest-stored report."""
    group = sorted((items[k] for k in idx), key=lambda r: (str(r.order or ""), r.key))
    inside = set(idx)
    neighbours: dict[int, list[tuple[int, Match | None, str]]] = {}
    for i, j, m, why in edges:
        if i in inside:
            neighbours.setdefault(i, []).append((j, m, why))
            neighbours.setdefault(j, []).append((i, m, why))
    root = next(k for k in idx if items[k].key == group[0].key)
    joins: dict[str, tuple[str, Match | None, str]] = {}
    queue, seen = [root], {root}
    while queue:
        here = queue.pop(0)
        for there, m, why in neighbours.get(here, []):
            if there not in seen:
                seen.add(there)
                joins[items[there].key] = (items[here].key, m, why)
                queue.append(there)
    return Cluster(group, joins)


def _candidate_pairs(items: list[Report], window: int) -> list[tuple[int, int]]:
    """Pairs that can match at all: same province, dates within the window (sorted sweep)."""
    by_province: dict[str, list[int]] = {}
    for i, r in enumerate(items):
        if r.placed:
            by_province.setdefault((r.admin1_code or r.admin1 or "").casefold(), []).append(i)
    pairs: list[tuple[int, int]] = []
    for idx in by_province.values():
        idx.sort(key=lambda i: items[i].date or dt.date.min)
        for n, i in enumerate(idx):
            start = items[i].date
            for j in idx[n + 1:]:
                other = items[j].date
                if start and other and (other - start).days > window + 31:  # week/month intervals reach further
                    break
                pairs.append((i, j))
    return pairs


_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                 "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
                 "forty": 40, "fifty": 50, "dozen": 12, "a dozen": 12}
_NUM = r"(\d[\d,]*|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_WOUNDED = [re.compile(r"(?i)\b(?:wounding|injuring)\s+(?:at least\s+|more than\s+|about\s+)?" + _NUM + r"\b"),
            re.compile(r"(?i)\b" + _NUM + r"\s+(?:(?!and\b|killed\b|dead\b)\w+\s+){0,3}"
                       r"(?:(?:were|was|are|had been|have been|has been)\s+)?(?:wounded|injured|hurt)\b")]


def wounded_in(sentence: str | None) -> int | None:
    """The number wounded that a report's sentence gives ("wounding 33", "27 people were injured").

    The event model carries fatalities and detentions but not the wounded, so the incident
    reads them from the event's own sentence; a sentence with no such figure gives None.
    """
    if not sentence:
        return None
    for pattern in _WOUNDED:
        found = pattern.search(sentence)
        if found:
            token = found.group(1).lower().replace(",", "")
            return int(token) if token.isdigit() else _NUMBER_WORDS.get(token)
    return None
