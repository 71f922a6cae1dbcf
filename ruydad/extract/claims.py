"""Step ``claims``: what actors are said to be and do, as claims attributed to whoever said it.

The vocabulary is the actors package's (:data:`ruydad.actors.claims.PREDICATES`:
``operates_in``, ``controls``, ``has_base``, ``base_type``, ``fights``, ``allied_with``,
``cooperates_with``, ``shares_supply_chain_with``, ``no_relation_with``, ``led_by``,
``founded_on``, ``goal``, ``strength`` ...); a claim is never turned into a fact here.

Algorithm: :data:`RULES` is a table of cue patterns, one or more per predicate, written from
how news copy phrases each relation ("remains active in", "controlled by us", "led by", "the
same supply chain as", "doesn't have any relation with"). For each cue found in a sentence:

- **subject**: the actor named before the cue in the sentence (not a target: "against the
  rebels"); a first-person pronoun ("we", "us", "our forces") in a quote or an attributed
  sentence is the speaker's organisation; "the group", "it", "its", "the organization" is the
  speaker's organisation, else the last actor the text was about; "they"/"the pair" after a
  sentence naming several actors stands for each of them.
- **object**: by the predicate's kind: each place resolved after the cue (with its ISO 3166-2
  code), the first actor after the cue (or, for a pronoun, the last actor named before the
  sentence), a person for ``led_by``, a date for ``founded_on``, or the words of the clause for
  ``goal``/``strength``/``base_type``.
- **stance**: ``denies`` when the cue is negated ("not", "n't", "no", "never", "without" just
  before it), else ``asserts``.
- **claimed_by**: the speaker the quotes step attributed the sentence to, else nobody (the
  outlet's own voice).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ruydad.actors.claims import PREDICATES as _VOCABULARY
from ruydad.extract.document import Claim, Document, Place, Speaker


@dataclass(frozen=True)
class ClaimRule:
    predicate: str
    cue: re.Pattern[str]
    object_kind: str  # place | actor | person | date | value | none


def _rule(predicate: str, cue: str, kind: str) -> ClaimRule:
    return ClaimRule(predicate, re.compile(cue, re.I), kind)


RULES: tuple[ClaimRule, ...] = (
    _rule("operates_in", r"\b(?:remains? active|(?:are|is|be|were|was) active|active in|operating in|"
          r"operates? in|present in|operations? in|activities are in|activities in|deployed in|"
          r"fighting in)\b", "place"),
    _rule("controls", r"\b(?:controlled by|under (?:our|their|its) control|territorial control|"
          r"(?:hold|holds|holding|held) (?:ground|territory)|claim actual territory|taken any provinces|"
          r"have more than \w+ villages)\b", "place"),
    _rule("has_base", r"\b(?:has bases|have bases|stronghold|headquarter(?:s|ed)|bases? in)\b", "place"),
    _rule("base_type", r"\bbases\W+(?:are|is)\W+(?P<value>mobile|permanent|temporary)", "value"),
    _rule("fights", r"\b(?:fight(?:s|ing)?(?: against)?|battled|battling|combat with|taken on|"
          r"attacks? (?:on|against)|waging war on|war on|offensives? against|clashes with|"
          r"inflicted .{0,40} on)\b", "actor"),
    _rule("allied_with", r"\b(?:relationship with|allied with|alliance with|in sync with|has ties|"
          r"have ties|ties (?:to|with)|aligned with|support each other)\b", "actor"),
    _rule("cooperates_with", r"\b(?:cooperat(?:e|es|ion|ing) (?:with|to)|help (?:their|its) forces|"
          r"talk to each other|work(?:s|ing)? with)\b", "actor"),
    _rule("shares_supply_chain_with", r"\bsame supply chain\b", "actor"),
    _rule("no_relation_with", r"\b(?:(?:any|no) relations? with|not necessarily under the command of)\b", "actor"),
    _rule("led_by", r"\b(?:(?:is|are|was) led by|whose (?:\w+ )?(?:commander|leader|chief)(?: is)?,?|"
          r"(?:its|their) leader,?)\s", "person"),
    _rule("founded_on", r"\b(?:since its (?:formation|founding|creation|establishment)|"
          r"(?:was|were) (?:formed|founded|established|created) (?:in|on))\b", "date"),
    _rule("goal", r"\b(?:common goal of|goals? (?:is|are|of)|fighting (?:for|to achieve)|struggle for|"
          r"aims? (?:is|to)|seek(?:s|ing)? to|striving to)\b", "value"),
    _rule("strength", r"\b(?:checkpoints in \w+ provinces|fighting in \w+ provinces|forces in \w+ provinces|"
          r"ranks included|made up mostly of|(?:\d+|hundreds|thousands) of (?:fighters|members|troops))\b",
          "value"),
)

_NEGATION = re.compile(r"(?i:\b(?:not|no|never|without|nor)\b\W*(?:\w+\W+){0,3}$|n't\s+(?:\w+\s+){0,3}$)")
_NEW_CLAUSE = re.compile(r",\s*(?:[A-Z]|(?:we|they|he|she|it|i)\b)[^,]*$")
_NOT_SUBJECTS = frozenset({"Civilians", "Protesters", "Rioters"})
_FIRST_PERSON = re.compile(r"(?i:\b(?:we|us|our)\b)")
_GROUP_WORDS = re.compile(r"(?i:\b(?:the group|the organi[sz]ation|the faction|its|it|the movement|the front|"
                          r"the pair|they|their|them|his faction|the group's)\b)")
_FIRST_PERSON_CUE = re.compile(r"(?i:^\w[\w ]{0,25}?\b(?:by us|our control|our forces|our bases)\b)")
_DEFINITE_GROUP = re.compile(r"(?i:\bthe (?:group|organi[sz]ation|faction|movement|front)\b)")
_TARGET_PREFIX = ("against", "with", "on", "anti-", "by", "of")
_PLURAL_SUBJECT = re.compile(r"(?i:^\W*(?:he said\s+)?(?:they|the pair|both|the two groups)\b)")


class ClaimsStep:
    """Pipeline step: ``doc.claims``."""

    name = "claims"

    def __call__(self, doc: Document) -> Document:
        doc.claims = []
        previous_actors: list[str] = []
        topic: str | None = None
        for sentence in doc.sentences:
            in_sentence = [(s, e, n) for s, e, n in doc.actor_spans if sentence.start <= s < sentence.end]
            speaker = doc.speaker_at(sentence.start)
            for rule in RULES:
                if rule.predicate not in _VOCABULARY:
                    continue
                for m in rule.cue.finditer(sentence.text):
                    doc.claims += self._claims(doc, sentence.start, sentence.end, sentence.text, m, rule,
                                               in_sentence, speaker, previous_actors, topic)
            names = [n for s, _e, n in in_sentence if not _is_target(doc.text, s)]
            if names:
                previous_actors = names
                topic = names[0]
            elif in_sentence:
                previous_actors = [n for _s, _e, n in in_sentence]
        doc.claims = _dedupe(doc.claims)
        return doc

    def _claims(self, doc: Document, s_start: int, s_end: int, s_text: str, m: re.Match[str], rule: ClaimRule,
                actors: list[tuple[int, int, str]], speaker: Speaker | None, previous: list[str],
                topic: str | None) -> list[Claim]:
        cue_start, cue_end = s_start + m.start(), s_start + m.end()
        subjects = self._subjects(doc, s_start, s_text, cue_start, actors, speaker, previous, topic)
        if not subjects:
            return []
        negated = bool(_NEGATION.search(doc.text[max(s_start, cue_start - 40):cue_start])) or \
            bool(re.search(r"(?i:\bno\b|\bnot\b)", m.group(0)))
        stance = "denies" if negated else "asserts"
        if negated and rule.predicate in ("goal", "strength", "led_by", "founded_on"):
            return []  # "not seeking to gain control" is not a goal
        claimed_by = speaker.name if speaker else None
        objects = self._objects(doc, rule, m, s_start, s_end, cue_start, cue_end, actors, previous)
        if objects is None:
            return []
        claims: list[Claim] = []
        for subject in subjects:
            for obj, admin1 in objects:
                if obj is not None and obj == subject:
                    continue
                claims.append(Claim(subject=subject, predicate=rule.predicate, object=obj, stance=stance,
                                    claimed_by=claimed_by, sentence=s_text, start=s_start, end=s_end,
                                    object_admin1_code=admin1))
        return claims

    def _subjects(self, doc: Document, s_start: int, s_text: str, cue_start: int,
                  actors: list[tuple[int, int, str]], speaker: Speaker | None, previous: list[str],
                  topic: str | None) -> list[str]:
        categories = {a.name: a.category for a in doc.actors}
        window = doc.text[max(s_start, cue_start - 60):cue_start]
        cue_text = doc.text[cue_start:cue_start + 40]
        if speaker is not None and speaker.affiliation and _FIRST_PERSON_CUE.search(cue_text):
            return [speaker.affiliation]  # "controlled by us", "under our control"
        before = [(s, n) for s, e, n in actors if e <= cue_start and not _is_target(doc.text, s)
                  and categories.get(n) not in _NOT_SUBJECTS and not _NEW_CLAUSE.search(doc.text[e:cue_start])]
        lead = doc.text[s_start:cue_start]
        if _PLURAL_SUBJECT.search(lead) and len(previous) > 1 and not before:
            return list(dict.fromkeys(previous))
        if before:
            return [before[-1][1]]
        if _FIRST_PERSON.search(window) and speaker is not None and speaker.affiliation:
            return [speaker.affiliation]
        if _GROUP_WORDS.search(window) or _FIRST_PERSON.search(window):
            if speaker is not None and speaker.affiliation:
                return [speaker.affiliation]
            if topic and _DEFINITE_GROUP.search(window):
                return [topic]
        return []

    def _objects(self, doc: Document, rule: ClaimRule, m: re.Match[str], s_start: int, s_end: int,
                 cue_start: int, cue_end: int, actors: list[tuple[int, int, str]],
                 previous: list[str]) -> list[tuple[str | None, str | None]] | None:
        kind = rule.object_kind
        if kind == "place":
            places = _places_after(doc, cue_end, s_end)
            if not places and rule.predicate == "operates_in":
                return None  # "operates in a dozen" says nothing about where
            return [(p.name, p.admin1_code) for p in places] or [(None, None)]
        if kind == "actor":
            after = [n for s, _e, n in actors if s >= cue_end]
            if after:
                return [(after[0], None)]
            tail = doc.text[cue_end:min(s_end, cue_end + 30)]
            if re.match(r"(?i:\W*(?:them|their|him|his)\b)", tail) and previous:
                return [(previous[0], None)]
            whom = [n for s, e, n in actors if e <= cue_start and re.search(r"(?i:\bwith whom\b)",
                                                                         doc.text[e:cue_start])]
            return [(whom[-1], None)] if whom else None
        if kind == "person":
            for ent in doc.entities:
                if ent.label_ == "PERSON" and cue_end - 2 <= ent.start_char < s_end:
                    return [(ent.text, None)]
            return None
        if kind == "date":
            for expression in doc.dates:
                if cue_start <= expression.end and expression.start < s_end and expression.period_start:
                    value = expression.period_start.isoformat()
                    if expression.precision == "month" or expression.kind == "since":
                        value = value[:7]
                    return [(value, None)]
            return None
        if kind == "value":
            value = m.groupdict().get("value") or _clause(doc.text, cue_end, s_end)
            if rule.predicate == "strength":
                value = (m.group(0) + " " + _clause(doc.text, cue_end, s_end)[:80]).strip()
            return [(value.strip(" ,.\"“”"), None)] if value and value.strip() else None
        return [(None, None)]


def _is_target(text: str, start: int) -> bool:
    prefix = text[max(0, start - 14):start].lower().replace("the ", " ").rstrip()
    return prefix.endswith(_TARGET_PREFIX)


def _places_after(doc: Document, cue_end: int, s_end: int) -> list[Place]:
    seen: dict[int, Place] = {}
    for start, _end, place in doc.place_spans:
        if cue_end <= start < s_end and place.kind != "country":
            seen.setdefault(id(place), place)
    return list(seen.values())


def _clause(text: str, start: int, end: int) -> str:
    clause = text[start:end]
    stop = re.search(r"[.;]\s|[\"”]|,\s+(?:he|she|the spokesperson|they) (?:said|added)", clause)
    clause = clause[:stop.start()] if stop else clause
    return clause[:160]


def _dedupe(claims: list[Claim]) -> list[Claim]:
    seen: set[tuple[object, ...]] = set()
    out: list[Claim] = []
    for claim in claims:
        key = (claim.subject, claim.predicate, claim.object, claim.stance, claim.start)
        if key not in seen:
            seen.add(key)
            out.append(claim)
    return out
