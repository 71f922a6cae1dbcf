"""From a written name to a registry actor, and from a text to the actors it mentions.

:func:`resolve_actor` tries, in order, and stops at the first hit:

1. an acronym the surrounding text defines ("Andarab Resistance Front (ARF)" makes "ARF" mean it);
2. a dataset name, exactly ("Taleban" in UCDP), honouring the period the dataset uses it for;
3. a registry acronym, case-sensitively ("IS" is an acronym, "is" is not);
4. a name or alias after :func:`~ruydad.actors.registry.normalize_name`;
5. the same with dataset qualifiers removed ("ABC: Full Name", "Name (<country>)", "(2021-)");
6. a fuzzy match (rapidfuzz token-sort ratio >= 90) on names of five letters or more, which
   absorbs press spellings ("Jamaat Ansurallah") without merging different fronts
   ("<Province> Resistance Front" is not the "National Resistance Front").

:func:`find_actor_mentions` scans a text for every registry name and acronym (longest match
wins, so a group whose name holds another's, with the country's demonym before it, is that group and
not the other), binds acronyms defined in the text, and
surfaces capitalised group names the registry lacks ("X Front", "X Movement", "Lashkar-e-X") as
candidate new actors instead of dropping them. Offsets are Python string indices into the text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz, process

from ruydad.actors.registry import Actor, Registry, load_registry, normalize_name
from ruydad.theatres import DEFAULT_THEATRE, TheatreLike, theatre_name

FUZZY_CUTOFF = 90.0
_MIN_FUZZY_LEN = 5


@dataclass(frozen=True)
class ActorMatch:
    """A registry actor for a written name, with how it was found.

    ``method`` is one of ``defined_acronym``, ``dataset_name``, ``acronym``, ``name``,
    ``qualifier_stripped``, ``fuzzy``; ``score`` is 100 for exact methods. ``alternatives`` lists
    other actors the name could mean when no date told them apart.
    """

    actor: Actor
    mention: str
    method: str
    score: float
    matched_name: str
    alternatives: tuple[str, ...] = ()

    @property
    def actor_id(self) -> str:
        return self.actor.id


@dataclass(frozen=True)
class Mention:
    """A span of text naming an actor; ``actor_id`` is None for a candidate new actor.

    ``name`` is the actor's canonical name, or the candidate's own name. ``acronym`` is set on the
    span that defines one ("National Resistance Front (NRF)" carries ``acronym="NRF"``).
    """

    start: int
    end: int
    text: str
    actor_id: str | None
    name: str
    method: str
    score: float = 100.0
    acronym: str | None = None

    @property
    def is_candidate(self) -> bool:
        return self.actor_id is None


# -- the resolver ----------------------------------------------------------------------------------

_ACLED_PREFIX = re.compile(r"^(?P<acr>[A-Za-z][A-Za-z0-9.&-]{1,12}):\s+(?P<rest>.+)$")
_TRAILING_PARENS = re.compile(r"\s*\([^()]*\)\s*$")


class Resolver:
    """The indexes of one registry: names, acronyms, dataset names and fuzzy choices."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.by_name: dict[str, str] = {}
        self.by_acronym: dict[str, str] = {}
        self.by_dataset_name: dict[str, list[tuple[str, Actor]]] = {}
        for actor in registry:
            for acronym in actor.acronyms:
                self.by_acronym[acronym] = actor.id
        for actor in registry:
            for name in actor.names:
                if _is_acronym_like(name):  # a dataset name such as UCDP's "IS" must not match "is"
                    self.by_acronym.setdefault(name, actor.id)
                else:
                    self.by_name.setdefault(normalize_name(name), actor.id)
            for dn in actor.dataset_names:
                self.by_dataset_name.setdefault(dn.name.casefold(), []).append((dn.dataset, actor))
        self._fuzzy_keys = [k for k in self.by_name if len(k) >= _MIN_FUZZY_LEN]

    def resolve(self, mention: str, *, context: str | None = None, on: date | None = None,
                dataset: str | None = None) -> ActorMatch | None:
        text = mention.strip()
        if not text:
            return None
        if context:
            entry = self.defined_acronyms(context).get(text)
            if entry is not None:
                actor_id, long_form = entry
                return ActorMatch(self.registry.get(actor_id), mention, "defined_acronym", 100.0, long_form)
        return (self._by_dataset_name(text, mention, on, dataset) or self._exact(text, mention)
                or self._stripped(text, mention) or self._fuzzy(text, mention))

    def _by_dataset_name(self, text: str, mention: str, on: date | None,
                         dataset: str | None) -> ActorMatch | None:
        entries = [(ds, a) for ds, a in self.by_dataset_name.get(text.casefold(), [])
                   if (dataset is None or ds == dataset) and _same_name(a, ds, text)]
        if not entries:
            return None
        fitting = [a for _, a in entries
                   if any(_same_spelling(dn.name, text) and dn.covers(on) for dn in a.dataset_names)]
        actors = list({a.id: a for a in (fitting or [a for _, a in entries])}.values())
        if on is None and len(actors) > 1:
            actors.sort(key=lambda a: _last_use(a, text), reverse=True)
        return ActorMatch(actors[0], mention, "dataset_name", 100.0, text,
                          alternatives=tuple(a.id for a in actors[1:]))

    def _exact(self, text: str, mention: str, method: str | None = None) -> ActorMatch | None:
        if text in self.by_acronym:
            return ActorMatch(self.registry.get(self.by_acronym[text]), mention, method or "acronym", 100.0, text)
        key = normalize_name(text)
        if key in self.by_name:
            return ActorMatch(self.registry.get(self.by_name[key]), mention, method or "name", 100.0, text)
        return None

    def _stripped(self, text: str, mention: str) -> ActorMatch | None:
        """Dataset qualifiers: "NRF: National Resistance Front", "Civilians (<country>)", "(2021-)"."""
        tries: list[str] = []
        prefixed = _ACLED_PREFIX.match(text)
        if prefixed:
            tries += [prefixed.group("rest"), prefixed.group("acr")]
        unbracketed = _TRAILING_PARENS.sub("", text)
        if unbracketed and unbracketed != text:
            tries.append(unbracketed)
        for candidate in tries:
            found = self._exact(candidate, mention, "qualifier_stripped")
            if found:
                return found
        return None

    def _fuzzy(self, text: str, mention: str) -> ActorMatch | None:
        key = normalize_name(_TRAILING_PARENS.sub("", text) or text)
        if len(key) < _MIN_FUZZY_LEN:
            return None
        best = process.extractOne(key, self._fuzzy_keys, scorer=fuzz.token_sort_ratio,
                                  score_cutoff=FUZZY_CUTOFF)
        if best is None:
            return None
        matched, score, _ = best
        return ActorMatch(self.registry.get(self.by_name[matched]), mention, "fuzzy", float(score), matched)

    def defined_acronyms(self, text: str) -> dict[str, tuple[str, str] | None]:
        """Acronyms the text defines, each -> (actor id, long form), or None for an unknown long form."""
        found: dict[str, tuple[str, str] | None] = {}
        for definition in acronym_definitions(text):
            match = self._exact(definition.long_form, definition.long_form) or self._fuzzy(
                definition.long_form, definition.long_form)
            found[definition.acronym] = (match.actor_id, definition.long_form) if match else None
        return found


def _same_spelling(dataset_name: str, text: str) -> bool:
    """Dataset names match regardless of case, except acronym-like ones: UCDP's "IS" is not "is"."""
    if _is_acronym_like(dataset_name):
        return dataset_name == text
    return dataset_name.casefold() == text.casefold()


def _same_name(actor: Actor, dataset: str, text: str) -> bool:
    return any(dn.dataset == dataset and _same_spelling(dn.name, text) for dn in actor.dataset_names)


def _last_use(actor: Actor, name: str) -> date:
    """The last day a dataset uses ``name`` for the actor; an open-ended period runs forever."""
    return max(dn.valid_to or date.max for dn in actor.dataset_names if _same_spelling(dn.name, name))


def resolver_for(theatre: TheatreLike = DEFAULT_THEATRE) -> Resolver:
    """The resolver over a theatre's registry (a :class:`~ruydad.theatres.Theatre` or its name), built once."""
    return _resolver(theatre_name(theatre))


@functools.cache
def _resolver(theatre: str) -> Resolver:
    return Resolver(load_registry(theatre))


def resolve_actor(mention: str, theatre: TheatreLike = DEFAULT_THEATRE, context: str | None = None, *,
                  on: date | None = None, dataset: str | None = None) -> ActorMatch | None:
    """The registry actor a written name refers to, or None.

    ``context`` is the surrounding text, read for acronym definitions. ``on`` is the day the name
    was used: a dataset's "Government of <country>" names whoever held the state that day.
    Without it the most recent holder of a reused dataset name wins and the others are listed
    in ``alternatives``. ``dataset`` limits dataset-name matching to one dataset ("ucdp").
    """
    return resolver_for(theatre).resolve(mention, context=context, on=on, dataset=dataset)


# -- acronyms defined in a text --------------------------------------------------------------------

@dataclass(frozen=True)
class AcronymDefinition:
    long_form: str
    acronym: str
    start: int  # of the long form
    end: int  # after the closing parenthesis


_CONNECTORS = {"of", "the", "and", "for", "&", "in", "al", "e", "i", "ul", "de"}
_DEFINITION = re.compile(
    r"(?P<long>(?:[A-Z][\w'’.-]*|&)(?:\s+(?:[A-Z][\w'’.-]*|&|of|the|and|for|in|al|e|i|ul|de)){0,9})"
    r"\s+\((?P<acr>[A-Z][A-Za-z0-9.&-]{1,11})\)")


def _initials(words: list[str]) -> str:
    return "".join(w[0].upper() for w in words if w.lower() not in _CONNECTORS and w[0].isalpha())


def acronym_definitions(text: str) -> list[AcronymDefinition]:
    """"Long Form (ACR)" pairs in which ACR spells the initials of the long form's last words.

    The long form is cut to the shortest tail whose initials start with the acronym's capitals, so
    "fighting the National Resistance Front (NRF)" defines NRF as "National Resistance Front".
    """
    found = []
    for match in _DEFINITION.finditer(text):
        acronym = match.group("acr")
        letters = "".join(ch for ch in acronym if ch.isupper())
        if len(letters) < 2:
            continue
        words = match.group("long").split()
        for first in range(len(words) - 1, -1, -1):
            tail = words[first:]
            if tail[0].lower() in _CONNECTORS or not tail[0][0].isupper():
                continue
            initials = _initials(tail)
            if initials == letters or (len(initials) > len(letters) and initials.startswith(letters)
                                       and first == 0):
                long_form = " ".join(tail)
                start = _find_tail_start(text, match.start("long"), match.end("long"), long_form)
                found.append(AcronymDefinition(long_form, acronym, start, match.end()))
                break
    return found


def _find_tail_start(text: str, lo: int, hi: int, long_form: str) -> int:
    """Where the cut long form starts: its last occurrence in the matched words."""
    pattern = r"\s+".join(re.escape(w) for w in long_form.split())
    hits = list(re.finditer(pattern, text[lo:hi]))
    return lo + hits[-1].start() if hits else lo


# -- mentions in a text ----------------------------------------------------------------------------

_HEADS = (
    "Front|Movement|Brigade|Brigades|Battalion|Battalions|Army|Militia|Militias|Resistance|"
    "Mujahideen|Mujahidin|Corps|Legion|Forces|Alliance|Uprising|Network|Group|Council|Party|"
    "Organization|Organisation|Union|Command|Regiment|Division|Guard|Guards|Emirate|Jamaat"
)
_LEAD_NOUNS = "Lashkar|Jaish|Harakat|Tehreek|Tehrik|Jabhat|Hizb|Hezb|Katibat|Liwa|Ansar|Jamaat|Jamiat"
_CAP = r"[A-Z][\w'’-]*"
_LINK = r"(?:of|the|and|for|&|al|e|i|ul|de)"
_CANDIDATE = re.compile(
    rf"(?<![\w-])(?:{_CAP}\s+(?:{_LINK}\s+)*){{1,6}}(?:{_HEADS})(?:\s+of\s+(?:the\s+)?{_CAP}(?:\s+{_CAP})?)?(?![\w-])"
    rf"|(?<![\w-])(?:{_LEAD_NOUNS})[-\s](?:(?:e|i|ul|al|ut|un)[-\s])?{_CAP}(?:[-\s]{_CAP}){{0,3}}(?![\w-])"
)
# A known name followed by a head noun is the start of a longer, different name:
# "<Province> Resistance Front" is not the "<Province> resistance" (an alias of another front).
_HEAD_AFTER = re.compile(rf"\s+(?:{_HEADS})(?![\w-])")
# Capitalised words that begin a sentence or describe people rather than name a group.
_NOT_A_NAME_START = {
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "members",
    "member", "fighters", "fighter", "leader", "leaders", "head", "commander", "spokesperson",
    "spokesman", "officials", "both", "while", "when", "but", "and", "as", "in", "on", "at", "for",
    "from", "with", "of", "by", "after", "before", "since", "during", "according", "said", "says",
}
# Heads that, alone after an ordinary word, rarely name an armed group ("Security Council").
_WEAK_HEADS = {"council", "party", "organization", "organisation", "union", "command", "group",
               "network", "division", "guard", "guards", "emirate", "forces", "alliance"}


def _split_candidate(text: str, start: int) -> list[tuple[str, int]]:
    """Cut "X Brigade and the Y Movement" into two names at an "and" that follows a head noun."""
    parts: list[tuple[str, int]] = []
    offset = 0
    for match in re.finditer(rf"\b(?:{_HEADS})(?P<joint>\s+(?:and|&)\s+)", text):
        parts.append((text[offset:match.start("joint")], start + offset))
        offset = match.end()
    parts.append((text[offset:], start + offset))
    return [t for part, at in parts if (t := _trim_candidate(part, at)) is not None]


def _trim_candidate(text: str, start: int) -> tuple[str, int] | None:
    words = text.split()
    while words and (words[0].lower() in _NOT_A_NAME_START or words[0].lower() in _CONNECTORS):
        cut = text.index(words[1]) if len(words) > 1 else len(text)
        start, text, words = start + cut, text[cut:], words[1:]
    if len(words) < 2 and not re.match(rf"(?:{_LEAD_NOUNS})[-\s]", text):
        return None
    return text, start


class _MentionFinder:
    """One compiled scan of a registry: a case-insensitive pattern for names, a case-sensitive one
    for acronyms."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        names: dict[str, str] = {}
        self.acronyms = dict(resolver.by_acronym)
        for actor in resolver.registry:
            for name in actor.names:
                if not _is_acronym_like(name):
                    names.setdefault(name.casefold(), name)
        self.names_re = _alternation(names.values(), re.IGNORECASE)

    def find(self, text: str) -> list[Mention]:
        defined = self.resolver.defined_acronyms(text)
        acronyms = {**self.acronyms, **{a: v[0] for a, v in defined.items() if v is not None}}
        spans = self._name_spans(text) + self._acronym_spans(text, acronyms)
        spans += self._candidate_acronym_spans(text, {a for a, v in defined.items() if v is None})
        kept = _non_overlapping(spans)
        kept += self._candidates(text, kept)
        return _mark_definitions(sorted(kept, key=lambda m: (m.start, m.end)), text)

    def _name_spans(self, text: str) -> list[Mention]:
        found = []
        for match in self.names_re.finditer(text):
            if _is_modifier(text, match.start()) or _HEAD_AFTER.match(text, match.end()):
                continue
            actor_id = self.resolver.by_name.get(normalize_name(match.group()))
            if actor_id is None:  # a dataset name that normalises differently from its spelling
                hit = self.resolver.resolve(match.group())
                actor_id = hit.actor_id if hit else None
            if actor_id:
                actor = self.resolver.registry.get(actor_id)
                found.append(Mention(match.start(), match.end(), match.group(), actor_id, actor.name, "name"))
        return found

    def _acronym_spans(self, text: str, acronyms: dict[str, str]) -> list[Mention]:
        if not acronyms:
            return []
        found = []
        for match in _alternation(acronyms, 0).finditer(text):
            if _is_modifier(text, match.start()):
                continue
            actor_id = acronyms[match.group()]
            method = "acronym" if self.acronyms.get(match.group()) == actor_id else "defined_acronym"
            actor = self.resolver.registry.get(actor_id)
            found.append(Mention(match.start(), match.end(), match.group(), actor_id, actor.name, method))
        return found

    def _candidate_acronym_spans(self, text: str, unknown: set[str]) -> list[Mention]:
        """Later uses of an acronym the text defines for a group the registry lacks."""
        long_forms = {d.acronym: d.long_form for d in acronym_definitions(text) if d.acronym in unknown}
        long_forms = {a: f for a, f in long_forms.items() if _looks_armed(f)}
        if not long_forms:
            return []
        return [Mention(m.start(), m.end(), m.group(), None, long_forms[m.group()], "candidate_acronym")
                for m in _alternation(long_forms, 0).finditer(text)]

    def _candidates(self, text: str, known: list[Mention]) -> list[Mention]:
        found = []
        for match in _CANDIDATE.finditer(text):
            for name, start in _split_candidate(match.group(), match.start()):
                mention = self._candidate(name, start, known)
                if mention is not None:
                    found.append(mention)
        return found

    def _candidate(self, name: str, start: int, known: list[Mention]) -> Mention | None:
        """A group name no known span covers: a fuzzy match to the registry, else a candidate."""
        end = start + len(name)
        if any(m.start < end and start < m.end for m in known) or not _looks_armed(name):
            return None
        hit = self.resolver.resolve(name)
        if hit is not None:
            return Mention(start, end, name, hit.actor_id, hit.actor.name, hit.method, hit.score)
        return Mention(start, end, name, None, name, "candidate", 0.0)


def _is_acronym_like(name: str) -> bool:
    return not any(ch.islower() for ch in name) and len(name) <= 8


def _looks_armed(name: str) -> bool:
    """A group name whose head word is a strong armed-group noun, or a weak one with a qualifier."""
    words = [w for w in re.split(r"[\s-]+", name) if w]
    if re.match(rf"^(?:{_LEAD_NOUNS})$", words[0]):
        return True
    head = next((w for w in reversed(words) if re.fullmatch(_HEADS, w)), None)
    if head is None:
        return False
    if head.lower() not in _WEAK_HEADS:
        return True
    return any(re.fullmatch(r"(?:Islamic|Liberation|Resistance|Mujahideen|Jihad|Freedom|Militia)", w)
               for w in words)


def _is_modifier(text: str, start: int) -> bool:
    """'anti-<group>' and 'pro-<group>' describe other groups; they do not mention the group."""
    before = text[max(0, start - 5):start].lower()
    return before.endswith(("anti-", "pro-", "non-"))


def _alternation(words: Iterable[str], flags: int) -> re.Pattern[str]:
    ordered = sorted(set(words), key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return re.compile(rf"(?<![\w.-])(?:{body})(?![\w-]|\.\w)", flags)


def _non_overlapping(spans: list[Mention]) -> list[Mention]:
    """Leftmost-longest: of overlapping spans keep the one starting first, then the longest."""
    kept: list[Mention] = []
    for span in sorted(spans, key=lambda m: (m.start, -(m.end - m.start))):
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


def _mark_definitions(mentions: list[Mention], text: str) -> list[Mention]:
    """Set ``acronym`` on the long form that a "(ACR)" right after it defines."""
    marked = []
    for i, mention in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if nxt is not None and text[mention.end:nxt.start].strip() == "(" and text[nxt.end:nxt.end + 1] == ")" \
                and nxt.actor_id == mention.actor_id and nxt.name == mention.name:
            mention = Mention(mention.start, mention.end, mention.text, mention.actor_id, mention.name,
                              mention.method, mention.score, acronym=nxt.text)
        marked.append(mention)
    return marked


@functools.cache
def _finder_for(theatre: str) -> _MentionFinder:
    return _MentionFinder(resolver_for(theatre))


def find_actor_mentions(text: str, theatre: TheatreLike = DEFAULT_THEATRE) -> list[Mention]:
    """Every actor named in ``text``, in order, with character offsets; unknown groups as candidates."""
    return _finder_for(theatre_name(theatre)).find(text)


@dataclass(frozen=True)
class CandidateActor:
    """A group name the registry lacks, with where it was first seen and how often."""

    name: str
    normalized_name: str
    acronym: str | None
    count: int
    start: int
    end: int


def candidate_actors(text: str, theatre: TheatreLike = DEFAULT_THEATRE) -> list[CandidateActor]:
    """The candidate new actors of a text, one per name (acronym uses counted with their long form)."""
    defined = {d.long_form: d.acronym for d in acronym_definitions(text)}
    grouped: dict[str, list[Mention]] = {}
    for mention in find_actor_mentions(text, theatre):
        if mention.is_candidate:
            grouped.setdefault(normalize_name(mention.name), []).append(mention)
    return [CandidateActor(ms[0].name, key, defined.get(ms[0].name), len(ms), ms[0].start, ms[0].end)
            for key, ms in grouped.items()]
