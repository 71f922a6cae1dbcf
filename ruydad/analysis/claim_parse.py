"""Reading a claim sentence as a structured claim: figure, qualifier, unit, measure, actor, event type,
place, period and dataset, and what was not understood.

The words are read by the article pipeline (:mod:`ruydad.extract`): its statistics step finds each
figure with its qualifier, the noun it counts, the event type that noun names and the period
(relative dates such as "the first six months of this year" or "since March" resolved against the
publication date); its places step finds provinces and districts. Actors are found only by the actor
registry's resolver (:func:`ruydad.actors.resolve.find_actor_mentions`): a word the registry does not
know is never taken for an actor. On top of the pipeline this module reads what a news sentence
says about its figures:

- **counts** ("up to 300 clashes", "over 40 cross-border incidents", "between 20 and 30 attacks",
  "nine new groups have emerged": a count of groups first recorded in the period);
- **shares** of events blamed on a perpetrator ("around 59% of these attacks have been blamed on
  <group>"), aimed at a target group ("half of them targeting journalists"; the theatre's groups and
  their words, :func:`ruydad.analysis.targets.claim_words`) or in places ("a third of the attacks took
  place in <province>", "most of these engagements took place in <province> and <province>"), with
  fractions written as words ("half", "a third", "two-thirds", "most");
- **rate ratios** between two periods ("a rate nearly quadruple that of the period between ... and
  the end of 2021", "infighting nearly four times more frequent", "more than doubled", "fell by 30%").

Each reading is a :class:`ClaimReading` (one per figure; a sentence may carry several) whose
``problems`` say what could not be read: a figure that counts something the events do not record
(people detained), an actor the registry does not know, a ratio without its baseline period, a period
written relative to a publication date that was not given. ``ruydad check`` answers "cannot check"
for any reading with a problem, and its text always says what it understood
(:meth:`ClaimReading.understood`).
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from ruydad.analysis.targets import claim_words
from ruydad.query import Filters, Period
from ruydad.theatres import Theatre, TheatreLike, as_theatre

QUALIFIER_WORDS: dict[str, str] = {
    "exactly": "", "up_to": "up to", "at_least": "at least", "over": "over", "nearly": "nearly",
    "about": "about", "under": "under",
}
"""The extraction's qualifier names -> the words :data:`ruydad.analysis.claims.QUALIFIERS` knows.
A bare figure ("20 explosions") is read as "about": reports round, and datasets code differently."""

FRACTIONS: dict[str, float] = {
    "half": 1 / 2, "a half": 1 / 2, "one half": 1 / 2, "a third": 1 / 3, "one third": 1 / 3,
    "one-third": 1 / 3, "two thirds": 2 / 3, "two-thirds": 2 / 3, "a quarter": 1 / 4, "one quarter": 1 / 4,
    "one-quarter": 1 / 4, "three quarters": 3 / 4, "three-quarters": 3 / 4, "a fifth": 1 / 5,
    "one fifth": 1 / 5, "one in five": 1 / 5, "one in four": 1 / 4, "one in three": 1 / 3, "one in ten": 1 / 10,
    "a tenth": 1 / 10, "two in three": 2 / 3, "nine in ten": 9 / 10, "most": 1 / 2, "the majority": 1 / 2,
    "a majority": 1 / 2,
}
"""Fractions written as words. "Most" and "the majority" are read as "over one half"."""

RATIO_WORDS: dict[str, float] = {
    "doubled": 2, "double": 2, "doubling": 2, "twice": 2, "tripled": 3, "triple": 3, "trebled": 3,
    "tripling": 3, "quadrupled": 4, "quadruple": 4, "quadrupling": 4, "fivefold": 5, "quintupled": 5,
    "halved": 0.5, "twofold": 2, "threefold": 3, "fourfold": 4, "tenfold": 10,
}
_SMALL_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                  "ten": 10}


DATASET_WORDS: dict[str, str] = {
    "acled": "acled", "armed conflict location & event data": "acled",
    "armed conflict location and event data": "acled", "ucdp": "ucdp", "uppsala conflict data": "ucdp",
}

_PERPETRATOR_CUE = re.compile(
    r"(?i:\b(?:blamed on|attributed to|carried out by|claimed by|committed by|perpetrated by|conducted by|"
    r"caused by|responsible)\b)")
_TARGET_CUE = r"(?:targeting|targeted|target|aimed at|against|on|were|of them|of which)"
_INFIGHTING = re.compile(r"(?i:\binfighting\b|\bin-fighting\b|\binternal (?:clashes|fighting)\b)")
_CROSS_BORDER = re.compile(r"(?i:\bcross[- ]border\b|\bacross the (?:\w+[- ])*border\b)")
_EMERGING = re.compile(r"(?i:\b(?:emerged|emerging|new (?:armed )?(?:groups|factions|fronts|militias))\b)")
_KILLED = re.compile(r"(?i:\b(?:killed|kill|killing|dead|deaths?|died|fatalities|lives|slain|massacred)\b)")


@functools.cache
def _any_dead(theatre: Theatre) -> re.Pattern[str]:
    """Counted dead the events can stand for: everyone killed in an event, or civilians in attacks on
    them; "<demonym> people" and the demonym's plural ("<the country's people>") count as everyone."""
    adjectives = "|".join(["local", "innocent", *(re.escape(d.lower()) for d in theatre.demonyms)])
    nouns = "|".join(["people", "persons", "civilians", "individuals", "lives", "dead", "deaths", "fatalities",
                      *(re.escape(d.lower()) for d in theatre.demonyms)])
    return re.compile(rf"(?i:^(?:(?:{adjectives})\s+)?(?:{nouns})$)")
_RELATIVE = re.compile(r"(?i:\b(?:this|last|next|past|previous) (?:year|month|week|spring|summer|autumn|winter)\b|"
                       r"\byesterday\b|\btoday\b|\bsince (?:january|february|march|april|may|june|july|august|"
                       r"september|october|november|december)\b|\bof the year\b|\brecent months\b)")
_THESE = re.compile(r"(?i:\b(?:these|those|them|such)\b)")
_BASELINE_CUE = re.compile(r"(?i:\b(?:that of|than|compared (?:with|to)|from|relative to|over|versus|vs\.?)\s*$)")


@dataclass(frozen=True)
class ActorRef:
    """An actor as the sentence names it and as the registry knows it."""

    mention: str
    registry_id: str
    name: str

    def label(self) -> str:
        """"NRF" for an acronym the registry gives it, else the registry's name with the mention."""
        if self.mention.isupper() and self.mention.lower() == self.registry_id:
            return self.mention
        if self.mention.strip().lower() in (self.name.lower(), f"the {self.name.lower()}"):
            return self.name
        return f"{self.name} ({self.mention})"

    def as_dict(self) -> dict[str, Any]:
        return {"mention": self.mention, "registry_id": self.registry_id, "name": self.name}


@dataclass(frozen=True)
class ClaimReading:
    """One figure of a sentence, read as a claim about the events.

    ``form`` is ``count`` (``measure`` events, fatalities, provinces or actors), ``share`` (of the
    events: ``share_of`` says whose: a perpetrator, a target group or places) or ``ratio`` (the rate
    in ``period`` over the rate in ``baseline``). ``value_high`` closes a range ("between 20 and
    30"). ``problems`` are the reasons it cannot be checked as read.
    """

    text: str
    form: str
    value: float | None
    qualifier: str = ""
    value_high: float | None = None
    unit: str | None = None
    measure: str = "events"
    kind: str = "events"
    actor: ActorRef | None = None
    opponent: ActorRef | None = None
    perpetrator: ActorRef | None = None
    target: str | None = None
    share_of: str | None = None
    event_type: str | None = None
    civilian_targeting: bool = False
    violent: bool = False
    admin1: tuple[str, ...] = ()
    admin2: tuple[str, ...] = ()
    country: str | None = None
    period: Period | None = None
    baseline: Period | None = None
    dataset: str | None = None
    problems: tuple[str, ...] = ()
    base_count: ClaimReading | None = field(default=None, repr=False)
    """For "20 attacks, half of them ...": the count the share is of."""
    at: int = field(default=-1, repr=False, compare=False)
    """Where the figure starts in the sentence."""

    @property
    def understood_ok(self) -> bool:
        return not self.problems

    @property
    def of_an_actor(self) -> bool:
        """A share of the events by one actor (blamed on it, or involving it): the actor is the part,
        not a filter on the whole."""
        return self.form == "share" and self.share_of in ("perpetrator", "involving")

    def filters(self, base: Filters | None = None, *, by_name: bool = True) -> Filters:
        """The events the claim is about, on top of ``base`` (options the user gave). Actors are
        given by their registry name (``by_name``), else as the sentence wrote them, for a store
        read without the registry."""
        f = base or Filters()
        if self.actor and not f.actor and not self.of_an_actor:
            f = f.but(actor=self.actor.name if by_name else self.actor.mention)
        if self.event_type and not f.event_type:
            f = f.but(event_type=self.event_type)
        if self.violent and not (f.event_type or f.violent):
            f = f.but(violent=True)
        if self.civilian_targeting and not (f.civilian_targeting or f.event_type):
            f = f.but(civilian_targeting=True)
        if self.admin1 and not f.admin1 and self.share_of != "places":
            f = f.but(admin1=",".join(self.admin1))
        if self.admin2 and not f.admin2 and self.share_of != "places":
            f = f.but(admin2=",".join(self.admin2))
        if self.country and not f.country:
            f = f.but(country=self.country)
        if self.dataset and not f.dataset:
            f = f.but(dataset=self.dataset)
        if self.period and not (f.date_from or f.date_to) and self.form != "ratio":
            f = f.with_period(self.period)
        return f

    def what(self) -> str:
        """The events in words: "Battles involving <group>", "Violence against civilians in <province>"."""
        kind = {"infighting": "infighting ", "cross_border": "cross-border ", "emerging": ""}.get(self.kind, "")
        if self.event_type:
            noun = self.event_type
        elif self.civilian_targeting:
            noun = "events targeting civilians"
        elif self.violent:
            noun = "political violence events"
        else:
            noun = "events"
        text = f"{kind}{noun}" if kind else noun
        if self.kind == "civilian_deaths":
            text = "civilian deaths in events"
        text = text[0].upper() + text[1:]
        if self.kind == "emerging":
            text = f"{text} of groups first recorded in the period"
        if self.actor and not self.of_an_actor:
            text += f" involving {self.actor.label()}"
        if self.opponent:
            text += f" with {self.opponent.label()}"
        places = [*self.admin1, *self.admin2] + ([self.country] if self.country else [])
        if places and self.share_of != "places":
            text += f" in {', '.join(places)}"
        return text

    def claimed(self) -> str:
        """The figure as read: "up to 300", "about 59% blamed on <group>", "rate ratio nearly 4"."""
        if self.value is None:
            return "no figure"
        q = f"{self.qualifier} " if self.qualifier else ""
        if self.form == "share":
            whose = {"perpetrator": f"blamed on {self.perpetrator.label() if self.perpetrator else '?'}",
                     "involving": f"involving {self.perpetrator.label() if self.perpetrator else '?'}",
                     "target": f"aimed at {self.target}", "places": f"in {', '.join(self.admin1 + self.admin2)}"}
            return f"{q}{self.value:.0%} {whose.get(self.share_of or '', '')}".strip()
        if self.form == "ratio":
            return f"rate ratio {q}{self.value:g}"
        unit = "" if self.measure == "events" else f" {self.measure}"
        if self.value_high is not None:
            return f"between {self.value:g} and {self.value_high:g}{unit}"
        return f"{q}{self.value:g}{unit}"

    def understood(self) -> str:
        """"Battles involving NRF, 2022-01-01..2022-06-30, ACLED, up to 300"."""
        parts = [self.what()]
        if self.form == "ratio":
            parts.append(f"{self.period or 'no period'} against {self.baseline or 'no baseline period'}")
        else:
            parts.append(str(self.period) if self.period else "no period")
        parts.append(self.dataset.upper() if self.dataset else "any dataset")
        parts.append(self.claimed())
        if self.base_count is not None:
            parts.append(f"of {self.base_count.claimed()}")
        return ", ".join(parts)

    def as_dict(self) -> dict[str, Any]:
        return {
            "form": self.form, "figure": self.value, "figure_high": self.value_high, "qualifier": self.qualifier,
            "unit": self.unit, "measure": self.measure, "kind": self.kind,
            "actor": self.actor.as_dict() if self.actor else None,
            "opponent": self.opponent.as_dict() if self.opponent else None,
            "perpetrator": self.perpetrator.as_dict() if self.perpetrator else None,
            "target": self.target, "share_of": self.share_of, "event_type": self.event_type,
            "civilian_targeting": self.civilian_targeting, "admin1": list(self.admin1), "admin2": list(self.admin2),
            "country": self.country, "period": str(self.period) if self.period else None,
            "baseline": str(self.baseline) if self.baseline else None, "dataset": self.dataset,
            "understood": self.understood(), "problems": list(self.problems),
        }


# -- reading -----------------------------------------------------------------------------------------

@dataclass
class _Sentence:
    """What the pipeline and the registry found in the sentence, with offsets."""

    text: str
    published: date | None
    stats: list[Any]
    dates: list[Any]
    places: list[Any]
    mentions: list[Any]
    theatre: Theatre
    figure_starts: list[int] = field(default_factory=list)
    """Where the sentence's counted figures start: a place belongs to the figure nearest before it."""


def _analyse(text: str, published: date | None, theatre: Theatre) -> _Sentence:
    from ruydad.actors.resolve import find_actor_mentions
    from ruydad.extract import extract

    doc = extract(text, published=published, theatre=theatre).document
    mentions = [m for m in find_actor_mentions(text, theatre) if m.actor_id is not None or _armed_name(m.name)]
    return _Sentence(text, published, list(doc.statistics), [d for d in doc.dates if d.period_start],
                     list(doc.places), mentions, theatre)


def _armed_name(name: str) -> bool:
    return bool(re.search(r"(?i:\b(?:front|movement|brigade|army|militia|battalion|lashkar|jamaat|forces)\b)", name))


def read_claims(text: str, *, published: date | str | None = None,
                theatre: TheatreLike | None = None) -> list[ClaimReading]:
    """Every figure of a claim sentence as a :class:`ClaimReading` (one with a problem when the
    sentence holds no figure at all), read with the theatre's registry, gazetteer and target groups
    (the default theatre's when none is given)."""
    pub = date.fromisoformat(published) if isinstance(published, str) else published
    try:
        s = _analyse(text.strip(), pub, as_theatre(theatre))
    except (KeyError, ValueError, IndexError) as exc:  # the reader failed on this text: say so, judge nothing
        return [ClaimReading(text, "count", None, problems=(
            f"the extraction pipeline could not read this sentence ({type(exc).__name__}: {exc})",))]
    readings: list[ClaimReading] = []
    used: list[tuple[int, int]] = []
    for reading, span in _ratios(s):
        readings.append(reading)
        used.append(span)
    _add_times_counts(s, used)
    parts = _n_of_m(s)
    counts = _counts(s, used)
    counts = [(_whole_of_part(s, c, span, parts), span) for c, span in counts]
    shares = _shares(s, used, counts)
    for n_start, n_end, value, qualifier in parts:
        part = _share_reading(s, n_start, n_end, value, qualifier, counts)
        if part is not None:
            shares.append((part, (n_start, n_end)))
    for reading, span in counts + shares:
        readings.append(reading)
        used.append(span)
    readings = [_stance(s, r) for r in readings]
    readings.sort(key=lambda r: _order(r, text))
    if not readings:
        readings.append(ClaimReading(text, "count", None, problems=(
            "no figure found: a claim to check gives a number, a percentage, a fraction (half, a third) or a "
            "ratio (doubled, four times)",)))
    return readings


@dataclass
class _Figure:
    """A figure the statistics reader does not report on its own, in its shape: "clashed 280 times"."""

    value: float
    qualifier: str
    start: int
    end: int
    measure: str
    event_type: str | None
    unit: str = "events"
    actor: str | None = None
    period_start: date | None = None
    period_end: date | None = None


_TIMES_COUNT = re.compile(r"(?i:\b(?P<verb>clashed|fought|battled|attacked|struck|engaged|skirmished)\s+"
                          r"(?:(?P<q>about|around|nearly|almost|more than|over|at least|some|up to)\s+)?"
                          r"(?P<n>\d[\d,]*)\s+times\b)")


def _add_times_counts(s: _Sentence, used: list[tuple[int, int]]) -> None:
    """"<Group A> and <group B> clashed 280 times": a count of events, named by its verb."""
    from ruydad.extract.statistics import qualifier_of

    for m in _TIMES_COUNT.finditer(s.text):
        if _inside(used, m.start("n")):
            continue
        s.stats = [st for st in s.stats if st.start != m.start("n")]  # read as "times": counted here
        verb = m["verb"].lower()
        event_type = "Battles" if verb in ("clashed", "fought", "battled", "engaged", "skirmished") else None
        qualifier = qualifier_of(m["q"] + " ")[0] if m["q"] else "exactly"
        s.stats.append(_Figure(float(m["n"].replace(",", "")), qualifier, m.start("n"), m.end("n"), "times",
                               event_type))
    s.stats.sort(key=lambda st: st.start)


_NUMBER_WORD = r"\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|[a-z]+ty(?:-[a-z]+)?"
_N_OF_M = re.compile(rf"(?i:(?:(?P<q>about|around|roughly|nearly|almost|more than|over|at least|some|up to)\s+)?"
                     rf"\b(?P<n>{_NUMBER_WORD})\s+(?:out\s+)?of\s+(?:the\s+|these\s+|those\s+|all\s+|its\s+)?"
                     rf"(?P<m>{_NUMBER_WORD})\b)")


def _n_of_m(s: _Sentence) -> list[tuple[int, int, float, str]]:
    """"ISKP claimed 10 of the 20 bombings": a share (10/20) of the events the second figure counts;
    (start, end, share, qualifier) of each, the second figure being one the statistics reader found."""
    from ruydad.extract.statistics import parse_number

    found = []
    for m in _N_OF_M.finditer(s.text):
        whole = next((st for st in s.stats if st.start == m.start("m")), None)
        if whole is None or not whole.value:
            continue
        try:
            part = parse_number(m["n"])
        except (KeyError, ValueError):
            continue
        if part > whole.value:
            continue
        q = _q(m["q"]) if m["q"] else ""
        found.append((m.start("n") if not m["q"] else m.start(), m.end("n"), part / whole.value, q))
        s.stats = [st for st in s.stats if st.start != m.start("n")]  # the part is not a count of its own
    return found


def _whole_of_part(s: _Sentence, reading: ClaimReading, span: tuple[int, int],
                   parts: list[tuple[int, int, float, str]]) -> ClaimReading:
    """The whole of "10 of the 20 bombings" counts everyone's events: the actor before it ("ISKP
    claimed") did the part, not the whole."""
    for start, _end, _v, _q2 in parts:
        if 0 < span[0] - start <= 30 and reading.actor is not None:
            named = [m for m in s.mentions if span[0] <= m.start <= _noun_end_of(s, span)]
            if not any(m.actor_id == reading.actor.registry_id for m in named):
                return replace(reading, actor=None, opponent=None)
    return reading


def _noun_end_of(s: _Sentence, span: tuple[int, int]) -> int:
    stat = next((st for st in s.stats if st.start == span[0]), None)
    if stat is None or not stat.measure:
        return span[1]
    found = s.text.find(stat.measure, span[1])
    return found + len(stat.measure) if 0 <= found - span[1] <= 30 else span[1]


_QUALIFIER_PHRASES = re.compile(r"(?i:\b(?:no|not)\s+(?:more|fewer|less)\s+than\b|\bnot\s+only\b)")
_NEGATED = re.compile(r"(?i:\b(?:not|never|no longer|denied|denies|deny|denying|refuted|refutes|rejected|rejects|"
                      r"dismissed|false|untrue)\b|n't\b)")
_HYPOTHETICAL = re.compile(r"(?-i:\b(?:could|might|may|would|will)\b)|(?i:\b(?:expects?|expected|forecasts?|"
                           r"predicts?|predicted|projects?|projected|plans?|planned|aims? to|threatens?|threatened|"
                           r"warns?|warned|if)\b)")
_LOWER_BOUND_NOT = re.compile(r"(?i:\b(?:no|not)\s+(?:fewer|less)\s+than\s+\S)")
_UPPER_BOUND_NOT = re.compile(r"(?i:\b(?:no|not)\s+more\s+than\s+\S)")


def _stance(s: _Sentence, r: ClaimReading) -> ClaimReading:
    """What the sentence does with its figure: "no more than 25" bounds it from above (the reader
    saw "more than"); "did not", "denied" negate it and "could", "expected to" make it a forecast, so
    neither is a record that the events can support or contradict."""
    if r.at < 0:
        return r
    before = s.text[:r.at]
    around = s.text[max(0, r.at - 8):r.at + 16]  # a figure's start may include its qualifier
    if r.form == "count" and _UPPER_BOUND_NOT.search(around):
        r = replace(r, qualifier="at most")
    elif r.form == "count" and _LOWER_BOUND_NOT.search(around):
        r = replace(r, qualifier="at least")
    clause = re.split(r"[;:]|,\s+(?:but|while|whereas)\b", before)[-1]
    plain = _QUALIFIER_PHRASES.sub(" ", clause)
    plain = re.sub(r"\bMay\s+(?=\d)", " ", plain)
    problems = list(r.problems)
    if (m := _NEGATED.search(plain)) is not None:
        problems.append(f"the sentence negates or denies the figure ({m.group(0)!r}): it states no figure to hold "
                        "against the events")
    elif (m := _HYPOTHETICAL.search(plain)) is not None:
        problems.append(f"the figure is a forecast or a possibility ({m.group(0)!r}), not a record of events")
    return replace(r, problems=tuple(problems)) if problems != list(r.problems) else r


def _order(r: ClaimReading, text: str) -> int:
    return {"count": 0, "share": 1, "ratio": 2}.get(r.form, 3)


# -- pieces shared by every form ---------------------------------------------------------------------

def _dataset(text: str) -> str | None:
    lowered = text.lower()
    for words, name in DATASET_WORDS.items():
        if re.search(rf"(?<!\w){re.escape(words)}(?!\w)", lowered):
            return name
    return None


def _actor_ref(m: Any) -> ActorRef | None:
    if m.actor_id is None:
        return None
    return ActorRef(m.text, m.actor_id, m.name)


def _is_target_mention(s: _Sentence, m: Any) -> bool:
    prefix = s.text[max(0, m.start - 16):m.start].lower()
    if prefix.endswith(("anti-", "pro-", "non-")):
        return True
    words = prefix.replace("the ", " ").split()
    if words and words[-1] == "and" and re.search(r"(?i:\bbetween\b)", s.text[max(0, m.start - 50):m.start]):
        return True  # "between <A> and <B>": the second is the opponent
    return bool(words) and words[-1] in ("with", "against", "on", "at", "targeting", "versus", "vs", "between")


def _civilian(s: _Sentence, m: Any) -> bool:
    """Civilians named as the victims, never a side: a registry actor of ACLED's category Civilians, or
    a name the registry lacks that is the word itself ("Civilian Joint Task Force" is a militia)."""
    if m.actor_id is None:
        return bool(re.fullmatch(r"(?i:civilians?(?:\s*\(.*\))?)", m.name.strip()))
    from ruydad.actors.registry import load_registry

    registry = load_registry(s.theatre)
    return m.actor_id in registry and registry.get(m.actor_id).category == "Civilians"


def _subject(s: _Sentence, at: int, stat_actor: str | None) -> tuple[Any | None, Any | None]:
    """The actor a figure is about and the one it is against ("clashes with <group> forces"); the
    registry's mentions only."""
    noun_end = _noun_end(s, at)
    candidates = [m for m in s.mentions if not _civilian(s, m) and not s.text[max(0, m.start - 5):m.start]
                  .lower().endswith(("anti-", "-")) and not at <= m.start < noun_end]
    if stat_actor:
        named = [m for m in candidates if m.name == stat_actor]
        subject = min(named, key=lambda m: abs(m.start - at), default=None) if named else None
    else:
        subject = None
    if subject is None:
        free = [m for m in candidates if not _is_target_mention(s, m) and not _perpetrator_mention(s, m)]
        before = [m for m in free if m.end <= at]
        after = [m for m in free if m.start >= at and "," not in s.text[at:m.start]]
        subject = before[-1] if before else (after[0] if after else None)
        first = next((m for m in candidates if subject is not None and m.end < subject.start
                      and re.fullmatch(r"(?i:\s+and\s+(?:the\s+)?)", s.text[m.end:subject.start])), None)
        if first is not None:  # "<A> and <B> clashed": the first is the actor, the second its opponent
            return first, _family(s.theatre, subject)
    opponent = None
    if subject is not None:
        others = [m for m in candidates if m.actor_id != subject.actor_id and _is_target_mention(s, m)
                  and not s.text[max(0, m.start - 6):m.start].lower().endswith("anti-")]
        if others:
            opponent = min(others, key=lambda m: abs(m.start - at))
    return subject, _family(s.theatre, opponent)


def _family(theatre: Theatre, m: Any | None) -> Any | None:
    """An opponent read as its whole family: "clashes with <group> forces" are clashes with the group
    (its forces, police and government alike, as the datasets name them)."""
    if m is None or m.actor_id is None:
        return m
    from ruydad.actors.registry import load_registry

    registry = load_registry(theatre)
    actor = registry.get(m.actor_id)
    while actor.parent is not None:
        actor = registry.get(actor.parent.actor_id)
    return replace(m, actor_id=actor.id, name=actor.name)


def _noun_end(s: _Sentence, at: int) -> int:
    """Where the counted noun phrase of the figure at ``at`` ends ("four US soldiers"): a name inside it
    is who was counted, not who acted."""
    stat = next((st for st in s.stats if st.start <= at < st.end or st.start == at), None)
    if stat is None or not stat.measure or stat.unit in ("events", "percent"):  # "NRF clashes" are the NRF's
        return at
    found = s.text.find(stat.measure, stat.end)
    return found + len(stat.measure) if 0 <= found - stat.end <= 30 else at


def _perpetrator_mention(s: _Sentence, m: Any) -> bool:
    return bool(_PERPETRATOR_CUE.search(s.text[max(0, m.start - 30):m.start]))


def _unknown_actor_problem(s: _Sentence, subject: Any | None) -> str | None:
    if subject is not None and subject.actor_id is None:
        return (f"actor {subject.text!r} is not in the actor registry: add it "
                "(ruydad/theatres/<theatre>/actors/actors.yaml) or name a known actor")
    return None


_PRONOUN_SUBJECT = re.compile(r"(?i:(?:^|[,;]\s+|\bthat\s+)(the (?:group|organi[sz]ation|militants|insurgents|jihadis|"
                              r"movement|front|faction|rebels)|they|it)\s+(?:has|have|had|was|were|is|are|carried|claimed|"
                              r"killed|conducted|launched|staged|engaged|fought|said|also)\b)")
_DOER_CUE = re.compile(r"(?i:^[^.;]{0,40}?\b(?:attributed to|blamed on|carried out by|claimed by|committed by|"
                       r"perpetrated by|conducted by)\s+(?P<who>(?:the\s+)?[\w'-]+))(?P<more>(?:\s+[A-Z][\w'-]+){0,4})")


def _unread_doer(s: _Sentence, end: int) -> str | None:
    """A figure attributed to someone the registry does not know ("attributed to the jihadis"): its
    actor is not understood, and counting everyone's events instead would mislead."""
    m = _DOER_CUE.match(s.text[end:])
    if m is None:
        return None
    at = end + m.start("who")
    if any(at <= mention.start < end + m.end("more") + 2 and mention.actor_id for mention in s.mentions):
        return None
    who = m["who"] + m["more"]
    return (f"the figure is attributed to {who!r}, which the actor registry does not know: name the actor (e.g. "
            "ISKP) or give --actor")


def _places(s: _Sentence, figure: int | None = None) -> tuple[tuple[str, ...], tuple[str, ...], str | None]:
    """The places of the sentence; with several figures, each place goes to the figure nearest before
    it ("72 killed in Kunduz on October 8, and 63 in Kandahar")."""
    admin1: list[str] = []
    admin2: list[str] = []
    country = None
    owned = {f: [p for p in s.places if p.mentions and _owner(s.figure_starts, p.mentions[0].start) == f]
             for f in s.figure_starts}
    if figure is not None and len(s.figure_starts) > 1:
        later = [f for f in s.figure_starts if f >= figure]
        # a figure naming no place of its own shares the next one's ("20 rebels and three soldiers killed in X")
        own = next((owned[f] for f in later if owned[f]), [])
    for p in s.places:
        if figure is not None and len(s.figure_starts) > 1 and p not in own:
            continue
        if p.kind == "admin1" and p.admin1:
            admin1.append(p.admin1)
        elif p.kind == "admin2" and p.admin2:
            admin2.append(p.admin2)
        elif p.kind == "country" and p.mentions:
            m = p.mentions[0]
            if re.search(r"(?i:\b(?:in|across|throughout|inside)\s+$)", s.text[max(0, m.start - 12):m.start]):
                country = p.name
    # a district named with its province counts once, as the district
    provinces_of_districts = {p.admin1 for p in s.places if p.kind == "admin2"}
    admin1 = [a for a in admin1 if a not in provinces_of_districts]
    return tuple(dict.fromkeys(admin1)), tuple(dict.fromkeys(admin2)), country


def _owner(figures: list[int], at: int) -> int:
    before = [f for f in figures if f <= at]
    return before[-1] if before else figures[0]


_CLAUSE_BREAK = re.compile(r"[,;:\"“”]|\bwhich\b")
_CARRIED = re.compile(r"(?i:^\s*(?:\w+ing|with|including|amid)\b)")


def _clause_kind(s: _Sentence, at: int) -> str:
    """The kind of events a figure counts, read from its clause ("groups have emerged in 2022, engaging
    in over 100 clashes": a clause opened by a participle or "with" carries the kind of the one before
    it), not from a later clause about one group ("the most active of which ... 59 clashes")."""
    cuts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(s.text)] + [len(s.text) + 1]
    clauses = [(a, b) for a, b in itertools.pairwise(cuts) if a < b]
    i = next(k for k, (a, b) in enumerate(clauses) if a <= at < b)
    while i >= 0:
        a, b = clauses[i]
        kind = _kind(s.text[a:b])
        if kind != "events" or not _CARRIED.match(s.text[a:b]) or i == 0:
            return kind
        i -= 1
        while i > 0 and not s.text[clauses[i][0]:clauses[i][1]].strip(" ,\"“”"):
            i -= 1
    return "events"


def _kind(text: str) -> str:
    if _INFIGHTING.search(text):
        return "infighting"
    if _CROSS_BORDER.search(text):
        return "cross_border"
    if _EMERGING.search(text):
        return "emerging"
    return "events"


def _period_problem(s: _Sentence, period: Period | None) -> str | None:
    if period is not None:
        return None
    if s.published is None and _RELATIVE.search(s.text):
        return ("the period is written relative to the publication date ('this year', 'since March'): "
                "give --published YYYY-MM-DD")
    return "no period: say when (a year, 'the first half of 2022'), or give --from/--to"


def _figure_period(s: _Sentence, start: int, end: int) -> Period | None:
    """The period a figure is about: the first date after it that is not a baseline ("compared with
    2020", "than in 2021"), else the last date before it; None when the sentence has no date."""
    dates = [d for d in s.dates if d.period_start and d.period_end and d.period_end >= d.period_start]
    baseline = [d for d in dates if _BASELINE_CUE.search(s.text[max(0, d.start - 24):d.start])
                or _SAME_LAST_YEAR.match(s.text[max(0, d.start - 20):d.end + 1].strip())]
    usable = [d for d in dates if d not in baseline]
    after = [d for d in usable if d.start >= end]
    before = [d for d in usable if d.end <= start]
    chosen = after[0] if after else (before[-1] if before else None)
    months = _month_range(s)
    if months is not None and (chosen is None or months[0] <= (chosen.start if chosen else 0)):
        return months[1]
    return Period(chosen.period_start, chosen.period_end) if chosen is not None else None


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH_RANGE = re.compile(r"(?i:\b(?:between|from)\s+(?P<a>" + "|".join(_MONTHS) + r")(?:\s+(?P<ya>\d{4}))?\s+"
                          r"(?:and|to|until|through)\s+(?:the end of\s+)?(?P<b>" + "|".join(_MONTHS)
                          + r")(?:\s+(?P<yb>\d{4}))?)")


def _month_range(s: _Sentence) -> tuple[int, Period] | None:
    """"between July and September" (the year from the text or the publication date), which the date
    reader leaves unresolved when no year is written."""
    m = _MONTH_RANGE.search(s.text)
    if m is None:
        return None
    year_b = int(m["yb"]) if m["yb"] else (s.published.year if s.published else None)
    if year_b is None:
        return None
    a, b = _MONTHS.index(m["a"].lower()) + 1, _MONTHS.index(m["b"].lower()) + 1
    year_a = int(m["ya"]) if m["ya"] else (year_b if a <= b else year_b - 1)
    start = Period.parse(f"{year_a:04d}-{a:02d}").start
    end = Period.parse(f"{year_b:04d}-{b:02d}").end
    if end < start:
        return None
    return m.start(), _clip(Period(start, end), s.published)


_SAME_LAST_YEAR = re.compile(
    r"(?i:(?:the\s+)?same (?:period|time|months?|quarter) (?:of |in )?(?:last|the previous|\d{4}) ?(?:year)?)")


def _stat_period(stat: Any) -> Period | None:
    if stat.period_start and stat.period_end and stat.period_end >= stat.period_start:
        return Period(stat.period_start, stat.period_end)
    return None


def _event_type_of(stat: Any, text: str) -> tuple[str | None, bool, bool]:
    """(event type, civilian targeting, violent) of the counted noun."""
    if stat.event_type:
        return stat.event_type, False, False
    noun = (stat.measure or "").lower()
    after = text[stat.end:stat.end + 50].lower()
    if re.search(r"\b(?:attacks?|killings?|incidents?|violence)\b", noun) and re.search(
            r"^\W*(?:\w+\s+){0,3}(?:on|against|targeting)\s+(?:\w+\s+)?civilians", after):
        return "Violence against civilians", False, False
    if re.search(r"\bprotests?\b|\bdemonstrations?\b", noun):
        return "Protests", False, False
    if re.search(r"\battacks?\b|\bincidents?\b|\bevents?\b|\boperations?\b", noun):
        return None, False, True
    return None, False, False


def _measure(stat: Any, s: _Sentence, kind: str) -> tuple[str, str | None]:
    """(measure, problem): what a counted noun is in the events."""
    unit = stat.unit
    noun = stat.measure or ""
    if unit == "events":
        return "events", None
    if unit == "groups":
        if kind == "emerging" or re.search(r"(?i:\bactive\b)", s.text):
            return "actors", None
        return "actors", None
    if unit == "places":
        if re.search(r"(?i:\bprovinces?\b)", noun):
            return "provinces", None
        return "events", f"the figure counts {noun or 'places'}; only provinces with events can be counted"
    if unit == "people":
        before = re.split(r"[,;]", s.text[max(0, stat.start - 40):stat.start])[-1]
        after = re.split(r"[,;]|\band\b", s.text[stat.end:stat.end + 60])[0]
        if _KILLED.search(before + " " + after):
            if noun and not _any_dead(s.theatre).search(noun):
                return "fatalities", (f"the figure counts deaths of {noun}; the events record all the fatalities of "
                                      "an event, not who the dead were")
            return "fatalities", None
        return "events", (f"the figure counts people ({noun}); the events record fatalities, not people "
                          "detained, wounded, displaced or under arms")
    return "events", f"the figure counts {noun!r}, which is not something the events record" if noun else (
        "the figure does not say what it counts")


# -- counts ------------------------------------------------------------------------------------------

_RANGE = re.compile(r"(?i:\bbetween\s+(?P<a>[\d,.]+|\w+)\s+and\s+(?P<b>[\d,.]+|\w+)\b|"
                    r"\b(?P<c>\d[\d,]*)\s*(?:-|–|to)\s*(?P<d>\d[\d,]*)\s+(?=[a-z]))")


def _counts(s: _Sentence, used: list[tuple[int, int]]) -> list[tuple[ClaimReading, tuple[int, int]]]:
    out: list[tuple[ClaimReading, tuple[int, int]]] = []
    fractions = [(m.start(), m.end()) for m in _FRACTION_RE.finditer(s.text)]
    stats = [st for st in s.stats if st.unit != "percent" and not _inside(used, st.start)
             and not _inside(fractions, st.start)]
    s.figure_starts = [st.start for st in stats]
    ranges = list(_RANGE.finditer(s.text))
    skip: set[int] = set()
    for i, st in enumerate(stats):
        if i in skip:
            continue
        high = None
        for r in ranges:
            if r.start() <= st.start < r.end() and i + 1 < len(stats) and stats[i + 1].start < r.end():
                high = stats[i + 1].value
                skip.add(i + 1)
        reading = _count_reading(s, st, high)
        if reading is not None:
            out.append((reading, (st.start, st.end)))
    return out


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    return any(a <= at < b for a, b in spans)


def _count_reading(s: _Sentence, st: Any, high: float | None) -> ClaimReading | None:
    kind = _clause_kind(s, st.start)
    measure, problem = _measure(st, s, kind)
    if kind == "emerging" and measure == "events" and not re.search(r"(?i:\bclash|battle|engage)", st.measure or ""):
        measure = "actors"
    event_type, civ, violent = _event_type_of(st, s.text)
    if measure in ("actors", "provinces", "fatalities") and not st.event_type:
        event_type, civ, violent = None, False, measure == "actors"
    if measure == "fatalities" and re.search(r"(?i:\bcivilians?\b)", st.measure or ""):
        kind = "civilian_deaths"
    elif measure == "fatalities" and event_type is None:
        event_type = _noun_event_type(s.text[st.end:st.end + 80])
    if kind == "infighting" and event_type is None:
        violent = False
    if kind == "cross_border" and event_type is None:
        violent = False
    subject, opponent = _subject(s, st.start, st.actor)
    problems = [p for p in (problem, _unknown_actor_problem(s, subject), _unread_doer(s, st.end)) if p]
    if subject is None and (who := _PRONOUN_SUBJECT.search(s.text[:st.start])) is not None:
        problems.append(f"the figure is about {who.group(1)!r}, named in an earlier sentence: give the actor (--actor)")
    period = _figure_period(s, st.start, st.end) or _stat_period(st)
    if (p := _period_problem(s, period)) is not None:
        problems.append(p)
    admin1, admin2, country = _places(s, st.start)
    qualifier = QUALIFIER_WORDS.get(st.qualifier, "")
    if high is not None:
        qualifier = "between"
    return ClaimReading(
        s.text, "count", float(st.value), qualifier, high, st.measure, measure, kind,
        actor=_actor_ref(subject) if subject is not None else None,
        opponent=_actor_ref(opponent) if opponent is not None else None, event_type=event_type,
        civilian_targeting=civ, violent=violent, admin1=admin1, admin2=admin2, country=country, period=period,
        dataset=_dataset(s.text), problems=tuple(problems), at=st.start)


# -- shares ------------------------------------------------------------------------------------------

_FRACTION_RE = re.compile(
    r"(?i:(?<![\w-])(?P<q>(?:about|around|roughly|nearly|almost|more than|over|less than|under|just under|"
    r"just over|at least|some)\s+)?(?P<f>" + "|".join(sorted((re.escape(k) for k in FRACTIONS), key=len, reverse=True))
    + r")(?![\w-]))")
_NOT_A_SHARE = re.compile(r"(?i:^(?:first|second|latter|last|past|next|early|late|the first|the second)\s*$)")


def _shares(s: _Sentence, used: list[tuple[int, int]],
            counts: list[tuple[ClaimReading, tuple[int, int]]]) -> list[tuple[ClaimReading, tuple[int, int]]]:
    out: list[tuple[ClaimReading, tuple[int, int]]] = []
    found: list[tuple[int, int, float, str]] = []
    for st in s.stats:
        if st.unit == "percent" and not _inside(used, st.start) and not _inside(used, st.end - 1):
            found.append((st.start, st.end, st.value / 100, QUALIFIER_WORDS.get(st.qualifier, "")))
    for m in _FRACTION_RE.finditer(s.text):
        before = s.text[max(0, m.start() - 14):m.start()]
        after = s.text[m.end():m.end() + 24].lower()
        word = m["f"].lower()
        if _NOT_A_SHARE.search(before.strip().split(" ")[-1] if before.strip() else "") or \
                re.match(r"\s+of\s+(?:the\s+|this\s+|last\s+)?(?:year|month|\d{4})", after) or \
                _inside(used, m.start()):
            continue
        if word == "most" and not re.match(r"\s+(?:of\s+)?(?:the|these|those|them|\w+s\b)", after):
            continue
        value = FRACTIONS[word]
        q = (m["q"] or "").strip().lower()
        qualifier = {"more than": "over", "just over": "over", "at least": "at least", "less than": "under",
                     "just under": "nearly", "some": "about", "roughly": "about", "around": "about"}.get(q, q)
        if word in ("most", "the majority", "a majority"):
            qualifier = "over"
        found.append((m.start(), m.end(), value, qualifier))
    for start, end, value, qualifier in found:
        reading = _share_reading(s, start, end, value, qualifier, counts)
        if reading is not None:
            out.append((reading, (start, end)))
    return out


def _target(text: str, theatre: Theatre) -> str | None:
    """Who a share of events was aimed at: the theatre's target group whose words the text uses."""
    for pattern, group in claim_words(theatre):
        if re.search(rf"(?i:\b(?:{pattern})\b)", text):
            return group
    return None


def _share_reading(s: _Sentence, start: int, end: int, value: float, qualifier: str,
                   counts: list[tuple[ClaimReading, tuple[int, int]]]) -> ClaimReading | None:
    rest = s.text[end:]
    base_count = next((c for c, span in counts if span[1] <= start), None) or next(
        (c for c, span in counts if 0 <= span[0] - end <= 14 and re.match(r"\s+of\s+(?:the\s+)?$",
                                                                              s.text[end:span[0]])), None)
    problems: list[str] = []
    perpetrator = None
    cue = _PERPETRATOR_CUE.search(rest)
    if cue is not None:
        after_cue = [m for m in s.mentions if m.start >= end + cue.end() - 1 and not _civilian(s, m)]
        after_cue.sort(key=lambda m: m.start)
        if after_cue:
            perpetrator = after_cue[0]
    if perpetrator is None:
        perpetrator = next((m for m in s.mentions if m.start >= end and not _civilian(s, m) and
                            re.search(r"(?i:\bby\s+(?:the\s+)?$)", s.text[max(0, m.start - 8):m.start])), None)
    noun_match = _SHARE_NOUN.match(s.text[end:])
    tail = s.text[end + (noun_match.end() if noun_match else 0):][:120]
    target = None
    m_target = re.search(rf"(?i:\b{_TARGET_CUE}\b(?P<who>[^.;]*))", tail)
    if perpetrator is None and m_target is not None:
        target = _target(m_target["who"], s.theatre)
    if perpetrator is None and target is None:
        perpetrator = _doer(s, start, end)
    admin1, admin2, country = _places(s)
    places_after = [p for p in s.places if p.mentions and p.mentions[0].start > end and p.kind in ("admin1", "admin2")]
    share_of: str | None
    if perpetrator is not None:
        share_of = "perpetrator"
    elif target is not None:
        share_of = "target"
    elif places_after and re.search(r"(?i:\b(?:in|took place in|occurred in|were in|happened in)\b)", tail):
        share_of = "places"
    elif (doer := _doer(s, start, end)) is not None:
        perpetrator, share_of = doer, "perpetrator"
    elif (side := _involved(s, end)) is not None:
        perpetrator, share_of = side, "involving"
    else:
        share_of = None
        problems.append("the share does not say of what: blamed on whom, aimed at whom, or in which places")
    subject_at = start
    subject, _opp = _subject(s, subject_at, None)
    if perpetrator is not None and subject is not None and subject.start == perpetrator.start:
        subject = None
    actor: ActorRef | None
    if base_count is not None and base_count.actor is not None and subject is None:
        actor = base_count.actor
    else:
        actor = _actor_ref(subject) if subject is not None and share_of not in ("perpetrator", "involving") \
            else None
    if perpetrator is not None and perpetrator.actor_id is None:
        problems.append(_unknown_actor_problem(s, perpetrator) or "")
    stat = next((st for st in s.stats if st.start <= start < st.end or (st.unit != "percent" and st.start > end)),
                None)
    noun = _share_noun(s.text, end)
    if value > 1:
        problems.append(f"{value:.0%} is not a share of events (a share is at most 100%)")
    if noun and _PEOPLE_NOUN.search(_head(noun)):
        problems.append(f"a share of {noun}: the events record events and their fatalities, not casualties or "
                        "people by who caused them")
    event_type, civ, violent = (None, False, True)
    if stat is not None and stat.unit == "percent" and stat.event_type:
        event_type, violent = stat.event_type, False
    if noun and re.search(r"(?i:\b(?:clash|battle|engagement|fighting))", noun):
        event_type, violent = "Battles", False
    if noun and re.search(r"(?i:\b(?:air ?strike|drone|bombing|explosion))", noun):
        event_type, violent = "Explosions/Remote violence", False
    if share_of == "perpetrator" and _target(s.text[:start] + " " + (noun or ""), s.theatre) == "civilians":
        event_type, civ, violent = None, True, False
    if noun and re.search(r"(?i:\b(?:violence against|attacks on|attacks against) civilians\b)", noun):
        event_type, civ, violent = "Violence against civilians", False, False
    if base_count is not None:
        event_type, civ, violent = base_count.event_type, base_count.civilian_targeting, base_count.violent
    if base_count is not None:
        problems += base_count.problems
    period = base_count.period if base_count is not None else _sentence_period(s)
    if base_count is None and (p := _period_problem(s, period)) is not None:
        problems.append(p)
    if base_count is None and _THESE.search(s.text[max(0, start - 5):end + 25]) and period is None:
        problems.append("'these'/'them' refers to an earlier sentence: give what it refers to with the options "
                        "(--actor, --event-type, --from/--to)")
    return ClaimReading(
        s.text, "share", value, qualifier, None, noun, "share", _kind(s.text),
        actor=actor, perpetrator=_actor_ref(perpetrator) if perpetrator is not None else None, target=target,
        share_of=share_of, event_type=event_type, civilian_targeting=civ, violent=violent,
        admin1=admin1, admin2=admin2, country=country, period=period, dataset=_dataset(s.text),
        problems=tuple(p for p in problems if p), base_count=base_count, at=start)


_DOER_VERB = re.compile(r"(?i:\b(?:carried out|was responsible for|were responsible for|accounted for|committed|"
                        r"claimed|perpetrated|conducted|is behind|was behind|were behind)\b)")


def _doer(s: _Sentence, start: int, end: int) -> Any | None:
    """The perpetrator of a share written with the actor as subject ("ISKP carried out 40% of the
    attacks") or, in a line typed as shorthand, right after the figure ("59% <group>")."""
    mentions = [m for m in s.mentions if not _civilian(s, m)]
    before = [m for m in mentions if m.end <= start and _DOER_VERB.search(s.text[m.end:start])]
    if before:
        return before[-1]
    return next((m for m in mentions if m.start >= end and not s.text[end:m.start].strip()), None)


_PEOPLE_NOUN = re.compile(r"(?i:\b(?:casualties|population|people|civilians|deaths|dead|victims|children|women|"
                          r"men|non-combatants|injuries|wounded|voters|residents|fatalities|killings)\b)")


def _involved(s: _Sentence, end: int) -> Any | None:
    """"Nearly half of all clashes involved the NRF": a share of the events with the actor on a side."""
    return next((m for m in s.mentions if m.start >= end and not _civilian(s, m) and re.search(
        r"(?i:\b(?:involved|involving|included|including|fought by|featured)\s+(?:the\s+)?$)",
        s.text[max(0, m.start - 16):m.start])), None)


def _head(noun: str) -> str:
    """The head of a noun phrase: "violence" in "violence against civilians"."""
    return re.split(r"(?i:\s+(?:against|on|of|in|by|targeting|from|with)\s+)", noun)[0]


_SHARE_NOUN = re.compile(r"\s+of\s+(?:the\s+|these\s+|those\s+|all\s+)?(?:[\d,]+\s+)?((?:[\w'-]+\s+){0,3}?[\w-]+s"
                         r"(?:\s+(?:on|against)\s+civilians)?)\b")


def _share_noun(text: str, end: int) -> str | None:
    m = _SHARE_NOUN.match(text[end:])
    return m.group(1) if m else None


def _sentence_period(s: _Sentence) -> Period | None:
    periods = [d for d in s.dates if d.period_start and d.period_end]
    if not periods:
        return None
    d = periods[0]
    return Period(d.period_start, d.period_end)


# -- ratios ------------------------------------------------------------------------------------------

_TIMES = re.compile(r"(?i:(?P<q>(?:about|around|roughly|nearly|almost|more than|over|at least|some)\s+)?"
                    r"(?P<n>\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)\s+times\b"
                    r"(?=\s+(?:more|less|fewer|higher|lower|greater|larger|bigger|as|the|that|than|over)\b))")
_RATIO_WORD = re.compile(r"(?i:(?P<q>(?:about|around|roughly|nearly|almost|more than|over|at least|some)\s+)?"
                         r"(?:a\s+rate\s+)?\b(?P<w>" + "|".join(RATIO_WORDS) + r")\b)")
_CHANGE = re.compile(r"(?i:(?:\b(?P<dir>rose|risen|rise|increased|grew|jumped|climbed|"
                     r"(?:is|are|was|were|been|went)\s+up|"
                     r"fell|fallen|dropped|decreased|declined|(?:is|are|was|were|been|went)\s+down|"
                     r"(?:an?\s+)?(?:increase|rise|decrease|decline|drop|fall)\s+of)\s+(?:by\s+)?"
                     r"(?P<q>(?:about|around|nearly|almost|more than|over|some)\s+)?(?:(?P<n>\d+(?:\.\d+)?)\s?"
                     r"(?:%|percent\b|per cent\b)|(?P<f>half|a third|a quarter|two-thirds|two thirds|a fifth)\b)))")


_CHANGE_NOUN = re.compile(r"(?i:(?P<q>(?:about|around|nearly|almost|more than|over|some)\s+)?\b(?P<n>\d+(?:\.\d+)?)\s?"
                          r"(?:%|percent\b|per cent\b)\s+(?P<dir>increase|rise|jump|decrease|drop|fall|decline|"
                          r"reduction)\b)")


def _ratios(s: _Sentence) -> list[tuple[ClaimReading, tuple[int, int]]]:
    found: list[tuple[int, int, float, str]] = []
    for m in _TIMES.finditer(s.text):
        n = m["n"].lower()
        value = float(_SMALL_NUMBERS.get(n, 0) or n)
        found.append((m.start(), m.end(), value, _q(m["q"])))
    for m in _RATIO_WORD.finditer(s.text):
        if any(a <= m.start() < b for a, b, _v, _q2 in found):
            continue
        found.append((m.start(), m.end(), float(RATIO_WORDS[m["w"].lower()]), _q(m["q"])))
    for m in _CHANGE.finditer(s.text):
        pct = float(m["n"]) / 100 if m["n"] else FRACTIONS[m["f"].lower()]
        down = bool(re.search(r"(?i:fell|fallen|dropped|decrease|decline|down|drop|fall)", m["dir"]))
        q = _q(m["q"])
        if down:  # "fell by more than 50%" leaves less than half: the bound turns over
            q = {"over": "under", "at least": "at most", "nearly": "about"}.get(q, q)
        found.append((m.start(), m.end(), 1 - pct if down else 1 + pct, q))
    for m in _CHANGE_NOUN.finditer(s.text):  # "a 345% increase in", "a 30 percent drop in"
        if any(a <= m.start("n") < b for a, b, _v, _q2 in found):
            continue
        pct = float(m["n"]) / 100
        down = m["dir"].lower() in ("decrease", "drop", "fall", "decline", "reduction")
        found.append((m.start(), m.end(), 1 - pct if down else 1 + pct, _q(m["q"])))
    out = []
    for start, end, value, qualifier in found:
        out.append((_ratio_reading(s, start, end, value, qualifier), (start, end)))
    return out


def _q(word: str | None) -> str:
    q = (word or "").strip().lower()
    return {"more than": "over", "around": "about", "roughly": "about", "some": "about", "almost": "nearly"}.get(q, q)


def _ratio_reading(s: _Sentence, start: int, end: int, value: float, qualifier: str) -> ClaimReading:
    problems: list[str] = []
    period, baseline = _two_periods(s, end)
    after = s.text[end:end + 60]
    counted = re.sub(r"(?i:\b(?:violence|attacks?)\s+(?:against|on|targeting)\s+civilians\b)", " ",
                     s.text[max(0, start - 80):start] + (after if re.match(r"(?i:\s+in\b)", after) else ""))
    if _PEOPLE_NOUN.search(counted) or re.search(r"(?i:\b(?:fighters|members|ranks|recruits)\b)", counted):
        problems.append("the change is in people (casualties, fighters), which the events do not count")
    if period is None or baseline is None:
        problems.append("a ratio needs the period it is compared with (e.g. 'than in 2021', 'that of the period "
                        "between August and December 2021'); give both with --period A --period B")
    count_stat = next((st for st in s.stats if st.unit == "events"), None)
    event_type, civ, violent = (_event_type_of(count_stat, s.text) if count_stat is not None else (None, False, False))
    noun_type = _noun_event_type(s.text)
    if event_type is None and noun_type:
        event_type = noun_type
    if event_type is None and re.search(r"(?i:\battacks\b)", s.text):
        violent = True
    subject, opponent = _subject(s, start, count_stat.actor if count_stat is not None else None)
    if (p := _unknown_actor_problem(s, subject)) is not None:
        problems.append(p)
    admin1, admin2, country = _places(s)
    return ClaimReading(
        s.text, "ratio", value, qualifier, None, count_stat.measure if count_stat is not None else None, "rate",
        _kind(s.text), actor=_actor_ref(subject) if subject is not None else None,
        opponent=_actor_ref(opponent) if opponent is not None else None, event_type=event_type,
        civilian_targeting=civ, violent=violent and _kind(s.text) == "events", admin1=admin1, admin2=admin2,
        country=country, period=period, baseline=baseline, dataset=_dataset(s.text), problems=tuple(problems),
        at=start)


def _noun_event_type(text: str) -> str | None:
    if re.search(r"(?i:\b(?:clashes|battles|fighting|engagements)\b)", text) and not _INFIGHTING.search(text):
        return "Battles"
    if re.search(r"(?i:\b(?:air ?strikes|drone strikes|bombings|explosions)\b)", text):
        return "Explosions/Remote violence"
    if re.search(r"(?i:\bviolence (?:against|targeting) civilians\b|\battacks on civilians\b)", text):
        return "Violence against civilians"
    return None


_BETWEEN_YEARS = re.compile(r"(?i:\b(?:between|from)\s+(?P<a>(?:19|20)\d\d)\s+(?:and|to)\s+(?P<b>(?:19|20)\d\d)\b)")


def _two_periods(s: _Sentence, ratio_end: int) -> tuple[Period | None, Period | None]:
    """(period, baseline): the baseline is the period written after "than", "that of", "compared
    with", else the earlier of two; "between 2021 and 2022" compares the two years."""
    m = _BETWEEN_YEARS.search(s.text)
    if m:
        a, b = Period.parse(m["a"]), Period.parse(m["b"])
        return _clip(b, s.published), _clip(a, s.published)
    spans = [(d.start, Period(d.period_start, d.period_end)) for d in s.dates if d.period_start and d.period_end]
    months = _month_range(s)
    if months is not None:
        spans = [(at, p) for at, p in spans if not months[0] <= at < months[0] + 40] + [months]
    stat_periods = [(st.start, p) for st in s.stats if (p := _stat_period(st)) is not None]
    if len(spans) < 2:
        for at, p in stat_periods:
            if all(p != q for _a, q in spans):
                spans.append((at, p))
    same_last_year = _SAME_LAST_YEAR.search(s.text)
    if same_last_year:
        spans = [(at, p) for at, p in spans if not same_last_year.start() <= at < same_last_year.end() + 2]
        if not spans:
            return None, None
        _at, p = spans[0]
        if p.start.year != p.end.year:
            return None, None
        return p, _year_before(p)
    if len(spans) < 2:
        return (spans[0][1] if spans else None), None
    spans.sort()
    baseline_i = next((i for i, (at, _p) in enumerate(spans) if _BASELINE_CUE.search(s.text[max(0, at - 20):at])),
                      None)
    if baseline_i is None:
        ordered = sorted(spans, key=lambda x: x[1].start)
        return ordered[-1][1], ordered[0][1]
    baseline = spans[baseline_i][1]
    period = next(p for i, (_at, p) in enumerate(spans) if i != baseline_i)
    return period, baseline


def _year_before(p: Period) -> Period:
    def back(d: date) -> date:
        try:
            return d.replace(year=d.year - 1)
        except ValueError:  # 29 February
            return d.replace(year=d.year - 1, day=28)
    return Period(back(p.start), back(p.end))


def _clip(p: Period, published: date | None) -> Period:
    if published is not None and p.start <= published < p.end:
        return Period(p.start, published)
    return p


def _option_actor(term: str) -> ActorRef:
    """An actor given as an option, as the registry knows it (or as written when it does not)."""
    from ruydad.actors.resolve import resolve_actor

    match = resolve_actor(term)
    if match is None:
        return ActorRef(term, term, term)
    return ActorRef(term, match.actor_id, match.actor.name)


def with_base(reading: ClaimReading, base: Filters) -> ClaimReading:
    """The reading completed by the user's options: an option fills what the sentence left out, so
    a problem about a missing period, actor or referent disappears when the options give it."""
    problems = list(reading.problems)
    period = reading.period
    if isinstance(base.event_type, str) and base.event_type:
        reading = replace(reading, event_type=base.event_type, violent=False, civilian_targeting=False)
    if base.civilian_targeting:
        reading = replace(reading, civilian_targeting=True, violent=False)
    if base.actor and reading.actor is None and not (reading.of_an_actor
                                                     and reading.perpetrator is None):
        reading = replace(reading, actor=_option_actor(base.actor))
    if base.date_from and base.date_to and reading.form != "ratio":
        period = Period(base.date_from, base.date_to)
        problems = [p for p in problems if not p.startswith(("no period", "the period is written", "'these'"))]
    if (base.actor or base.event_type or base.civilian_targeting) and period is not None:
        problems = [p for p in problems if not p.startswith("'these'")]
    dataset = reading.dataset or base.dataset
    return replace(reading, period=period, dataset=dataset, problems=tuple(problems))
