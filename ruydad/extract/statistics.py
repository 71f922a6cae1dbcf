"""Step ``statistics``: every reported figure, with what it counts and who reported it.

A figure is a number (digits, "1.5 million", "nine", "a dozen") or a percentage, with the
qualifier in front of it mapped to one of ``exactly``, ``about``, ``nearly``, ``up_to``,
``at_least``, ``over``, ``under`` ("as many as 25" is ``up_to``; "more than ten" is ``over``).
Numbers that are part of a date, a time, an identifier, a name, an ordinal or a compound
adjective of duration ("a 20-year war") are not figures.

For each figure:

- **measure**: the noun it counts, from spaCy's parse (the head of the number, or the object of
  "of" after a percentage: "59% of these attacks" counts attacks), with its modifiers ("armed
  clashes", "cross-border incidents");
- **unit**: ``percent``, or the family of the measure (``events``, ``people``, ``groups``,
  ``places``, ``count`` for anything else);
- **event_type**: the ACLED event type the measure names, when it names one (clashes ->
  Battles, airstrikes -> Explosions/Remote violence, attacks on civilians -> Violence against
  civilians); left empty rather than guessed;
- **actor**: the actor the figure is about: the nearest actor mention before it in the
  sentence that is not the target ("with the rebels", "on rebel forces", "anti-rebel"),
  else the nearest after it;
- **period**: the nearest time expression after the figure in the sentence, else before it
  (so "up to 300 clashes reported in the first six months of this year" is 2022-01-01 to
  2022-06-30 when written in 2022);
- **attributed_to**: whoever the sentence is attributed to by the quotes step, named by their
  organisation when they speak for one ("Sam Jones, head of communications for ACLED" gives
  ACLED), else by name.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from ruydad.extract.document import DateExpression, Document, Speaker, Statistic
from ruydad.extract.numbers import words_to_number

QUALIFIERS: list[tuple[str, str]] = [
    (r"up to|as many as|a maximum of|as much as", "up_to"),
    (r"at least|no fewer than|no less than|a minimum of|not less than", "at_least"),
    (r"more than|over|upwards of|in excess of|above|exceeding", "over"),
    (r"nearly|almost|close to|just under|just shy of", "nearly"),
    (r"about|around|roughly|approximately|some|an estimated|estimated|approx\.|circa|~", "about"),
    (r"fewer than|less than|under|below", "under"),
]
_QUALIFIER_RE = re.compile(r"(?i:\b(?P<q>" + "|".join(p for p, _ in QUALIFIERS) + r")\s+)$")
_QUALIFIER_OF = [(re.compile(rf"(?i:^(?:{p})$)"), q) for p, q in QUALIFIERS]
_NUMBER = re.compile(
    r"(?<![\w/.:-])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?i:a dozen|a hundred|a thousand|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-‐‑–—](?:one|two|three|four|five|six|seven|"
    r"eight|nine))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen))"
    r"(?:\s+(?P<scale>thousand|million|billion))?"
    r"(?P<pct>\s?(?:%|percent\b|per cent\b))?"
    r"(?![\w/:]|-(?:year|month|week|day|hour|minute|mile|kilometer|km|decade|century)\b|\.\d|,\d{3})")
_UNITS: dict[str, str] = {}
for _unit, _words in {
    "events": "clash clashes attack attacks incident incidents strike strikes airstrike airstrikes "
              "engagement engagements battle battles operation operations raid raids ambush ambushes "
              "bombing bombings explosion explosions event events killing killings assassination "
              "assassinations abduction abductions offensive offensives skirmish skirmishes",
    "people": "people person fighter fighters soldier soldiers troop troops civilian civilians member "
              "members militant militants insurgent insurgents combatant combatants casualty casualties "
              "victim victims child children woman women man men police policemen officer officers "
              "personnel detainee detainees prisoner prisoners captive captives refugee refugees",
    "groups": "group groups faction factions organization organizations organisation organisations "
              "militia militias movement movements",
    "places": "province provinces district districts village villages city cities town towns "
              "checkpoint checkpoints base bases country countries area areas",
}.items():
    for _w in _words.split():
        _UNITS[_w] = _unit
EVENT_TYPE_OF_MEASURE: dict[str, str] = {
    "clash": "Battles", "battle": "Battles", "engagement": "Battles", "skirmish": "Battles",
    "firefight": "Battles", "fighting": "Battles", "infighting": "Battles",
    "airstrike": "Explosions/Remote violence", "bombing": "Explosions/Remote violence",
    "explosion": "Explosions/Remote violence", "shelling": "Explosions/Remote violence",
    "abduction": "Violence against civilians", "kidnapping": "Violence against civilians",
}
_CIVILIAN = re.compile(r"(?i:\bcivilians?\b|\bnon-combatants?\b)")
_TARGET_PREPS = {"with", "against", "on", "at", "targeting", "versus", "vs"}


SOURCE_NOUNS = frozenset({
    "source", "official", "witness", "eyewitness", "resident", "villager", "spokesman", "spokesperson",
    "spokeswoman", "journalist", "reporter", "diplomat", "elder", "commander", "person", "people", "member",
    "officer", "doctor", "analyst", "outlet", "agency", "report", "statement",
})
"""Nouns that, as the subject of a verb of saying, are who reports, not what is counted ("two
local sources said", "three officials told AFP")."""
_SAYING = frozenset({"say", "tell", "confirm", "report", "add", "claim", "state", "speak", "describe", "note",
                     "accuse", "allege", "insist", "deny", "announce", "quote", "cite"})


def _is_source(head: Any) -> bool:
    """A figure that counts the sources of the report: "two local sources said"."""
    if head.lemma_.lower() not in SOURCE_NOUNS and head.lower_ not in SOURCE_NOUNS:
        return False
    verb = head.head
    if head.dep_ in ("nsubj",) and verb.lemma_.lower() in _SAYING:
        return True
    # "according to two officials", "told by three witnesses", "speaking to two sources"
    return head.dep_ == "pobj" and verb.lower_ in ("to", "by") and verb.head.lemma_.lower() in (
        "accord", "speak", "talk", "tell", "say", "confirm")


def parse_number(text: str, scale: str | None = None) -> float:
    """The value of a figure as written ("1,200", "forty-one", "a dozen"), times ``scale``.

    Raises ``ValueError`` naming the text when it is not a number; the statistics step itself
    uses :func:`ruydad.extract.numbers.words_to_number` and skips what it cannot read.
    """
    value = words_to_number(text, scale)
    if value is None:
        raise ValueError(f"not a number: {text!r}{f' {scale!r}' if scale else ''}; write digits or English "
                         "number words ('41', 'forty-one')")
    return value


def qualifier_of(prefix: str) -> tuple[str, int]:
    """The qualifier that ends ``prefix`` and its length in characters (``exactly``, 0 if none)."""
    m = _QUALIFIER_RE.search(prefix[-30:])
    if not m:
        return "exactly", 0
    word = m["q"].lower()
    for pattern, name in _QUALIFIER_OF:
        if pattern.match(word):
            return name, len(m.group(0))
    return "exactly", 0


class _Tokens:
    """Character offset -> spaCy token, by binary search over token starts."""

    def __init__(self, sdoc: Any) -> None:
        self.sdoc = sdoc
        self.starts = [t.idx for t in sdoc]

    def at(self, offset: int) -> Any | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.sdoc[i] if i >= 0 else None


def _measure(tokens: _Tokens | None, text: str, start: int, end: int, pct: bool) -> tuple[str | None, Any]:
    if tokens is None:
        m = re.match(r"\s+((?:[\w-]+\s+){0,2}?[a-z-]+s)\b", text[end:end + 60])
        return (m.group(1) if m else None), None
    token = tokens.at(max(start, end - 1))
    if token is None:
        return None, None
    if pct:
        for candidate in (token, token.head):
            for child in candidate.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    if objects:
                        return _noun_phrase(objects[0]), objects[0]
        return None, None
    head = token.head if token.dep_ in ("nummod", "quantmod", "compound", "amod") else None
    if head is not None and head.dep_ == "nummod":
        head = head.head
    if head is None or head.pos_ not in ("NOUN", "PROPN") or head.i < token.i:
        nxt = token.i + 1
        while nxt < len(tokens.sdoc) and tokens.sdoc[nxt].pos_ in ("ADJ", "NUM", "ADV", "PUNCT") and \
                tokens.sdoc[nxt].text != "," and nxt - token.i < 4:
            nxt += 1
        if nxt < len(tokens.sdoc) and tokens.sdoc[nxt].pos_ == "NOUN":
            head = tokens.sdoc[nxt]
        else:
            return None, None
    return _noun_phrase(head), head


def _noun_phrase(head: Any) -> str:
    """The head noun with its adjective/compound modifiers (not determiners or numbers)."""
    keep = [c for c in head.lefts if c.dep_ in ("amod", "compound") and c.pos_ != "NUM"
            and c.lower_ not in ("other", "such", "more", "these", "those")]
    words = [*keep, head]
    return "".join(t.text_with_ws for t in head.doc[words[0].i:head.i + 1]).strip()


def _actor_for(doc: Document, sent_start: int, sent_end: int, start: int) -> str | None:
    before: list[tuple[int, str]] = []
    after: list[tuple[int, str]] = []
    categories = {a.name: a.category for a in doc.actors}
    for a_start, a_end, name in doc.actor_spans:
        if not sent_start <= a_start < sent_end or categories.get(name) in ("Civilians", "Protesters"):
            continue
        if a_start >= start and "," in doc.text[start:a_start]:
            continue  # an actor in another clause after the figure is not what it counts
        prefix = doc.text[max(sent_start, a_start - 14):a_start].lower()
        if prefix.endswith(("anti-", "pro-", "non-")):
            continue
        words = prefix.replace("the ", " ").split()
        if words and words[-1] in _TARGET_PREPS:
            continue
        (before if a_end <= start else after).append((a_start, name))
    if before:
        return before[-1][1]
    return after[0][1] if after else None


def _period_for(dates: list[DateExpression], sent_start: int, sent_end: int, end: int) -> DateExpression | None:
    in_sentence = [d for d in dates if sent_start <= d.start < sent_end and d.resolved]
    after = [d for d in in_sentence if d.start >= end]
    if after:
        return after[0]
    before = [d for d in in_sentence if d.end <= end]
    return before[-1] if before else None


def speaker_label(speaker: Speaker | None, text: str) -> str | None:
    """Who a figure is attributed to: the organisation a speaker speaks for (its acronym if the
    text defines one), else the speaker's name."""
    if speaker is None:
        return None
    if speaker.affiliation:
        m = re.search(re.escape(speaker.affiliation) + r"\s*\(([A-Z][A-Za-z&]{1,9})\)", text)
        return m.group(1) if m else speaker.affiliation
    if speaker.role:
        m = re.search(r"\(([A-Z][A-Z&]{1,9})\)", speaker.role)
        if m:
            return m.group(1)
    return speaker.name


def _covered(spans: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    """Whether ``offset`` is inside a date or actor span (binary search over sorted spans)."""
    i = bisect.bisect_right(starts, offset) - 1
    while i >= 0 and starts[i] > offset - 200:  # spans may nest; look back a little
        if spans[i][0] <= offset < spans[i][1]:
            return True
        i -= 1
    return False


def _after_head(head: Any, sentence: str) -> str:
    """The words right after the counted noun ("attacks on civilians"), where its target is named."""
    if head is None:
        return sentence
    sent = head.sent
    offset = head.idx + len(head) - sent.start_char
    return str(sent.text[offset:offset + 40])


class StatisticsStep:
    """Pipeline step: ``doc.statistics``."""

    name = "statistics"

    def __call__(self, doc: Document) -> Document:
        doc.statistics = []
        tokens = _Tokens(doc.nlp) if doc.nlp is not None else None
        date_spans = [(d.start, d.end) for d in doc.dates]
        blocked = sorted(date_spans + [(s, e) for s, e, _ in doc.actor_spans])
        blocked_starts = [s for s, _e in blocked]
        for sentence in doc.sentences:
            for m in _NUMBER.finditer(sentence.text):
                start, end = sentence.start + m.start(), sentence.start + m.end()
                if _covered(blocked, blocked_starts, start):
                    continue
                stat = self._statistic(doc, tokens, sentence.start, sentence.end, sentence.text, m, start, end)
                if stat is not None:
                    doc.statistics.append(stat)
        return doc

    def _statistic(self, doc: Document, tokens: _Tokens | None, s_start: int, s_end: int, s_text: str,
                   m: re.Match[str], start: int, end: int) -> Statistic | None:
        raw = m["num"]
        if raw.isdigit() and len(raw) == 4 and 1900 <= int(raw) <= 2100 and not m["pct"]:
            return None
        after = doc.text[end:end + 3]
        if after[:2] in ("th", "st", "nd", "rd") or after[:1] in ("/", ":"):
            return None
        if re.search(r"(?i:\b(?:phase|step|part|number|no\.|chapter|article|section|stage|level)\s*)$",
                     doc.text[max(0, start - 12):start]):
            return None
        number = words_to_number(raw, m["scale"])
        if number is None:
            return None
        value = number
        pct = bool(m["pct"])
        measure, head = _measure(tokens, doc.text, start, end, pct)
        if head is not None and _is_source(head):
            return None
        if measure is None and not pct and not re.match(r"\s*,?\s*according\b", doc.text[end:end + 14]):
            return None
        qualifier, q_len = qualifier_of(doc.text[s_start:start])
        unit = "percent" if pct else _UNITS.get((head.lower_ if head is not None else (measure or "").split()[-1:]
                                                 and (measure or "").split()[-1].lower()) or "", "count")
        event_type = self._event_type(head, measure, s_text)
        period = _period_for(doc.dates, s_start, s_end, end)
        speaker = doc.speaker_at(start)
        return Statistic(
            value=value, qualifier=qualifier, unit=unit, measure=measure, event_type=event_type,
            actor=_actor_for(doc, s_start, s_end, start),
            period_start=period.period_start if period else None,
            period_end=period.period_end if period else None,
            attributed_to=speaker_label(speaker, doc.text), sentence=s_text, start=start - q_len, end=end,
        )

    def _event_type(self, head: Any, measure: str | None, sentence: str) -> str | None:
        if not measure:
            return None
        words = measure.lower().replace("-", " ").split()
        lemma = head.lemma_.lower() if head is not None else words[-1].rstrip("s")
        for word in [lemma, *words]:
            if word in EVENT_TYPE_OF_MEASURE:
                return EVENT_TYPE_OF_MEASURE[word]
        if lemma in ("attack", "killing", "incident") and _CIVILIAN.search(_after_head(head, sentence)):
            return "Violence against civilians"
        if lemma in ("strike",) and re.search(r"(?i:\b(?:air|drone)\b)", measure):
            return "Explosions/Remote violence"
        return None
