"""The document model every extraction step reads and annotates.

One :class:`Document` holds the text and, as the steps run, lists of annotations. Every
annotation carries ``start``/``end`` character offsets into ``Document.text`` and, where it
makes sense, the index of its sentence, so any item in the output can be shown in place and
checked against the source. Steps never rewrite the text: the clean step replaces characters
one for one (same length), so offsets into the cleaned text are offsets into the input.

These are plain dataclasses (pydantic lives at the edges); :meth:`Findings.to_dict` is the
JSON output contract read by other tools, and its keys must stay stable.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Mention:
    """A stretch of the document: its text and offsets."""

    text: str
    start: int
    end: int

    def as_list(self) -> list[Any]:
        return [self.text, self.start, self.end]


@dataclass
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class DateExpression:
    """A time expression resolved against the publication date.

    ``precision`` is ``day``, ``week``, ``month``, ``year``, ``decade`` or ``range`` (an explicit
    period such as "the first six months of this year"); ``start``/``end`` of the period are
    inclusive days. ``resolved`` is False when the publication date was unknown and a relative
    expression ("yesterday") could not be placed.
    """

    text: str
    start: int
    end: int
    period_start: date | None
    period_end: date | None
    precision: str
    sentence: int = -1
    kind: str = "absolute"  # absolute | relative | since | between

    @property
    def resolved(self) -> bool:
        return self.period_start is not None


@dataclass
class Actor:
    """An armed actor (or other organisation) found in the text, with every mention."""

    name: str
    registry_id: str | None
    category: str | None
    new: bool
    mentions: list[Mention] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "registry_id": self.registry_id, "category": self.category,
                "new": self.new, "mentions": [m.as_list() for m in self.mentions]}


@dataclass
class Place:
    """A place resolved to an admin unit; ``kind`` is country, admin1, admin2 or populated_place."""

    name: str
    kind: str
    country_code: str | None = None
    admin1: str | None = None
    admin1_code: str | None = None
    admin2: str | None = None
    admin2_pcode: str | None = None
    lat: float | None = None
    lon: float | None = None
    mentions: list[Mention] = field(default_factory=list)
    alternatives: list[str] = field(default_factory=list)
    """For ``kind == "ambiguous"``: the readings ("Kohistan, Badakhshan (AF-BDS)") the text did not
    choose between; such a place has no codes and places no event."""

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "country_code": self.country_code,
                "admin1": self.admin1, "admin1_code": self.admin1_code, "admin2": self.admin2,
                "admin2_pcode": self.admin2_pcode, "lat": self.lat, "lon": self.lon,
                "mentions": [m.as_list() for m in self.mentions], "alternatives": list(self.alternatives)}


@dataclass
class Speaker:
    """Someone quoted or paraphrased: a named person, or a role ("a spokesperson for X")."""

    name: str
    role: str | None = None
    affiliation: str | None = None  # canonical actor or organisation name
    gender: str | None = None  # 'm' / 'f' when a pronoun told us
    person: bool = True  # False for a role or an organisation ("a spokesperson for X", "the ministry")


@dataclass
class Quote:
    text: str
    start: int
    end: int
    speaker: str | None
    role: str | None
    speaker_actor: str | None
    sentence: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "role": self.role, "speaker_actor": self.speaker_actor,
                "text": self.text, "start": self.start, "end": self.end}


@dataclass
class Claim:
    subject: str
    predicate: str
    object: str | None
    stance: str
    claimed_by: str | None
    sentence: str
    start: int
    end: int
    object_admin1_code: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"subject": self.subject, "predicate": self.predicate, "object": self.object,
                "object_admin1_code": self.object_admin1_code, "stance": self.stance,
                "claimed_by": self.claimed_by, "sentence": self.sentence, "start": self.start,
                "end": self.end}


@dataclass
class Statistic:
    value: float
    qualifier: str
    unit: str
    measure: str | None
    event_type: str | None
    actor: str | None
    period_start: date | None
    period_end: date | None
    attributed_to: str | None
    sentence: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        return {"value": value, "qualifier": self.qualifier, "unit": self.unit, "measure": self.measure,
                "event_type": self.event_type, "actor": self.actor,
                "period_start": _iso(self.period_start), "period_end": _iso(self.period_end),
                "attributed_to": self.attributed_to, "sentence": self.sentence, "start": self.start,
                "end": self.end}


@dataclass
class Event:
    date: date | None
    date_precision: str | None
    event_type: str | None
    sub_event_type: str | None
    actor1: str | None
    actor2: str | None
    admin1_code: str | None
    admin2: str | None
    location: str | None
    fatalities: int | None
    detained: int | None
    sentence: str
    start: int
    end: int
    admin1: str | None = None
    admin2_pcode: str | None = None
    lat: float | None = None
    lon: float | None = None
    date_end: dt.date | None = None
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"date": _iso(self.date), "date_precision": self.date_precision,
                "event_type": self.event_type, "sub_event_type": self.sub_event_type,
                "actor1": self.actor1, "actor2": self.actor2, "admin1_code": self.admin1_code,
                "admin2": self.admin2, "location": self.location, "fatalities": self.fatalities,
                "detained": self.detained, "sentence": self.sentence, "start": self.start,
                "end": self.end}


@dataclass
class Document:
    """The text and everything the steps have found in it.

    ``nlp`` holds the spaCy ``Doc`` once the sentences step has run (steps that need tokens,
    entities or the parse read it from there, so spaCy runs once per document).
    """

    text: str
    id: str = ""
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    published_from: str | None = None  # metadata | dateline | option | None
    nlp: Any = None
    entities: list[Any] = field(default_factory=list)  # spaCy entity spans, read once (Doc.ents is costly)
    sentences: list[Sentence] = field(default_factory=list)
    dates: list[DateExpression] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    actor_spans: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, actor name)
    places: list[Place] = field(default_factory=list)
    place_spans: list[tuple[int, int, Place]] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    attributions: list[tuple[int, int, Speaker]] = field(default_factory=list)  # sentence spans -> speaker
    claims: list[Claim] = field(default_factory=list)
    statistics: list[Statistic] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def category_of(self, name: str | None) -> str | None:
        """The category of the actor the text names ``name`` (an event's side), None for none."""
        return next((actor.category for actor in self.actors if actor.name == name), None) if name else None

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (binary search), -1 if none."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return mid
        return -1

    def speaker_at(self, offset: int) -> Speaker | None:
        """The speaker a sentence is attributed to ("he said", "according to X"), if any."""
        for start, end, speaker in self.attributions:
            if start <= offset < end:
                return speaker
        return None


@dataclass(frozen=True)
class Findings:
    """What the pipeline found in one document: its actors, places, dates, quotes, claims,
    statistics and events, each with its offsets and sentence in ``document.text``.

    The result of :func:`ruydad.extract.extract`; nothing here is written anywhere (storing an
    article is :func:`ruydad.ingest.articles.add_article`). ``error`` says why a document of a
    batch could not be read (then nothing was found). ``to_dict()`` is the JSON output contract.
    """

    document: Document
    error: str | None = None

    @property
    def actors(self) -> list[Actor]:
        return self.document.actors

    @property
    def places(self) -> list[Place]:
        return self.document.places

    @property
    def quotes(self) -> list[Quote]:
        return self.document.quotes

    @property
    def claims(self) -> list[Claim]:
        return self.document.claims

    @property
    def statistics(self) -> list[Statistic]:
        return self.document.statistics

    @property
    def events(self) -> list[Event]:
        return self.document.events

    @property
    def dates(self) -> list[DateExpression]:
        return self.document.dates

    def to_dict(self) -> dict[str, Any]:
        doc = self.document
        out: dict[str, Any] = {
            "document": {"id": doc.id, "title": doc.title, "published": _iso(doc.published),
                         "source": doc.source},
            "actors": [a.to_dict() for a in doc.actors],
            "places": [p.to_dict() for p in doc.places],
            "quotes": [q.to_dict() for q in doc.quotes],
            "claims": [c.to_dict() for c in doc.claims],
            "statistics": [s.to_dict() for s in doc.statistics],
            "events": [e.to_dict() for e in doc.events],
        }
        if self.error is not None:
            out["error"] = self.error
        return out


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
