"""Step ``quotes``: quotations, who said them, and who each reported sentence is attributed to.

Algorithm:

1. *Attribution.* In every sentence, a verb of saying (say, tell, add, argue, assert, warn,
   explain, acknowledge, point out, highlight, "according to" ...) is looked up in spaCy's parse;
   its subject (or the object of "according to") is the speaker. The subject phrase gives the
   speaker's **name** (a PERSON entity, else the proper-noun chain of the head word), **role**
   (an apposition, "head of the National Resistance Front's foreign relations", or the words in
   front of the name, "Liberation Movement spokesperson") and **affiliation** (an
   actor mentioned in the role, or the actor a role noun belongs to: "a spokesperson for the
   Freedom Front").
2. *Reference.* A pronoun ("he said") refers back to the last named speaker of that gender, a
   surname ("Nazary said") to the speaker whose name ends with it, and a bare role ("the
   spokesperson added") to the last speaker with that role. The first mention of a person in
   the document, with its apposition, defines them; later mentions reuse that definition.
3. *Quotes.* Text between double quotes (straight or curly) is a quote; its speaker is the
   attribution of the sentence it ends in, else of the sentence it starts in, else (a paragraph
   that is only a quote) the previous speaker in the document. Short quoted phrases that are
   names or scare quotes ("the lion of the valley") are quotes only when an attribution exists,
   and two or three quoted words that do not end a sentence (a "clearance operation") are a term
   someone used, never a quote.

``doc.attributions`` keeps, for each attributed sentence, its speaker, so that the claims and
statistics steps can say who made a claim or gave a figure.
"""

from __future__ import annotations

import re
from typing import Any

from ruydad.extract.document import Document, Quote, Speaker

SPEECH_LEMMAS = frozenset({
    "say", "tell", "add", "argue", "assert", "note", "warn", "explain", "state", "acknowledge",
    "highlight", "insist", "deny", "confirm", "announce", "stress", "write",
    "accuse", "reject", "tout", "discuss", "estimate", "point", "allege", "contend", "maintain",
    "reply", "respond", "recall", "admit", "suggest", "emphasize", "emphasise", "declare",
    "observe", "concede", "remark", "comment", "caution",
})
ROLE_NOUNS = frozenset({
    "spokesperson", "spokesman", "spokeswoman", "official", "officials", "commander", "leader",
    "head", "chief", "minister", "governor", "analyst", "source", "sources", "representative",
    "director", "member", "officer", "adviser", "advisor", "founder", "researcher", "activist",
    "police", "army", "statement", "ministry", "council", "resident", "residents", "witness",
    "witnesses", "elder", "elders", "deputy", "general", "president", "authority", "authorities", "lawmaker",
    "mayor", "prefect", "administrator", "survivor", "villager", "medic", "doctor", "nurse", "monitor",
})
_PERSON_NOUNS = frozenset({
    "man", "woman", "mother", "father", "son", "daughter", "brother", "sister", "wife", "husband", "widow",
    "resident", "villager", "farmer", "teacher", "student", "trader", "shopkeeper", "driver", "survivor", "witness",
    "relative", "neighbour", "neighbor", "doctor", "nurse", "journalist", "elder", "worker", "fisherman", "herder",
    "boy", "girl", "grandmother", "grandfather", "cousin", "uncle", "aunt", "mechanic", "labourer", "laborer",
})
"""What an apposition calls a person ("<Name>, a 34-year-old mother of five"): the name is a person's
even where the entity tagger calls it an organisation."""
_GROUP_WORD = re.compile(r"(?i:\b(?:group|organi[sz]ation|movement|faction|front)\b)")
PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f", "they": None, "it": None}
_QUOTE = re.compile(r"\"([^\"\n]{2,3000}?)\"|“([^”\n]{2,3000}?)”|«([^»\n]{2,3000}?)»")


SCARE_QUOTE_WORDS = 3
"""Quotation marks around this many words or fewer, with no verb or pronoun and not ending a
sentence, mark a term, not a quote: what they called a "clearance operation", the "general
amnesty". A short clause ("are mobile," / "We welcome them,") is still a quote."""


def _scare_quote(doc: Document, start: int, end: int) -> bool:
    stripped = doc.text[start:end].strip()
    if len(stripped.split()) > SCARE_QUOTE_WORDS or re.search(r"[.!?…]['’\"”]?$", stripped):
        return False
    if doc.nlp is None:
        return True
    span = doc.nlp.char_span(start, end, alignment_mode="expand")
    return span is not None and not any(t.pos_ in ("VERB", "AUX", "PRON") for t in span)


def _subject_of(verb: Any) -> Any | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    # "…, he added" may be parsed with the verb as a conj/parataxis of another verb
    if verb.dep_ in ("conj", "advcl") and verb.head is not verb:
        return _subject_of(verb.head) if verb.head.lemma_ in SPEECH_LEMMAS else None
    return None


def _speech_subjects(sent: Any) -> list[tuple[Any, Any]]:
    """(verb, subject token) pairs for the verbs of saying in a spaCy sentence."""
    pairs: list[tuple[Any, Any]] = []
    for token in sent:
        if token.lemma_.lower() == "accord" and token.i + 1 < len(token.doc) and \
                token.doc[token.i + 1].lower_ == "to":
            objects = [c for c in token.doc[token.i + 1].children if c.dep_ == "pobj"]
            if objects:
                pairs.append((token, objects[0]))
            continue
        if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in SPEECH_LEMMAS:
            continue
        if token.lemma_.lower() == "point" and not any(c.lower_ == "out" for c in token.children):
            continue
        if token.dep_ in ("acl", "amod") and token.tag_ == "VBN":
            continue  # "individuals said to be captives"
        subject = _subject_of(token) or _person_before(token)
        if subject is not None:
            pairs.append((token, subject))
    return pairs


def _person_before(verb: Any) -> Any | None:
    """A name right before a verb the parser left without subject ("..., Khalid Aziz, told ...");
    an apposition is replaced by the noun it describes, which carries the role."""
    i = verb.i - 1
    while i >= 0 and verb.doc[i].is_punct:
        i -= 1
    if i < 0 or verb.doc[i].ent_type_ != "PERSON":
        return None
    token = verb.doc[i]
    return token.head if token.dep_ == "appos" and token.head.pos_ == "NOUN" else token


class SpeakerBook:
    """The speakers of one document, in order, and how to resolve a reference to one of them."""

    def __init__(self) -> None:
        self.speakers: list[Speaker] = []
        self.last: Speaker | None = None

    def _add(self, speaker: Speaker) -> Speaker:
        for known in self.speakers:
            if known.name == speaker.name:
                known.role = known.role or speaker.role
                known.affiliation = known.affiliation or speaker.affiliation
                return known
        self.speakers.append(speaker)
        return speaker

    def by_surname(self, name: str) -> Speaker | None:
        key = name.lower().split()[-1]
        for known in reversed(self.speakers):
            words = known.name.lower().split()
            if known.role and " " in known.name and not words[0][0].isalpha():
                continue
            if any(w == key or (len(key) > 4 and w.endswith(key)) for w in words):
                return known
        return None

    def by_role(self, role: str) -> Speaker | None:
        for known in reversed(self.speakers):
            if known.role and role in known.role.lower():
                return known
        return None

    def by_pronoun(self, pronoun: str) -> Speaker | None:
        gender = PRONOUNS.get(pronoun.lower())

        def fits(known: Speaker) -> bool:
            return gender is None or (known.person and known.gender in (None, gender))

        if self.last is not None and fits(self.last):
            return self.last
        for known in reversed(self.speakers):
            if fits(known):
                return known
        return None

    def note(self, speaker: Speaker, pronoun: str | None = None) -> Speaker:
        gender = PRONOUNS.get(pronoun.lower()) if pronoun else None
        if gender and speaker.gender is None:
            speaker.gender = gender
        self.last = speaker
        return speaker

    def define(self, speaker: Speaker) -> Speaker:
        return self.note(self._add(speaker))


def _actor_in(doc: Document, start: int, end: int) -> str | None:
    for a_start, a_end, name in doc.actor_spans:
        if a_start >= start and a_end <= end:
            return name
    return None


def _person_name(doc: Document, tokens: Any) -> tuple[str, int, int] | None:
    """A person's name within a token span: a PERSON entity, else a proper-noun chain not an actor."""
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    for ent in doc.entities:
        if ent.label_ == "PERSON" and ent.start_char >= start and ent.end_char <= end and \
                _actor_in(doc, ent.start_char, ent.end_char) is None:
            return _strip_title(ent.text), ent.start_char, ent.end_char
    return None


_TITLES = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Maj|Capt|Sgt|President|Minister)\.?\s+")


def _strip_title(name: str) -> str:
    name = re.sub(r"['’]s$", "", name.strip())
    return _TITLES.sub("", name)


def _pair_priority(pair: tuple[Any, Any]) -> tuple[int, int]:
    """People and roles before organisations ("ISIS has claimed ..., Hanafi said"), main verb first."""
    verb, subject = pair
    personal = (subject.pos_ in ("PROPN", "PRON") and subject.ent_type_ not in ("ORG", "NORP", "GPE")) or \
        subject.lemma_.lower() in ROLE_NOUNS
    return (0 if personal else 1, 0 if verb.dep_ == "ROOT" else 1)


def _speaker_from_subject(doc: Document, book: SpeakerBook, subject: Any) -> Speaker | None:
    """Resolve the subject of a verb of saying to a speaker (defining it on first mention)."""
    lower = subject.lower_
    if lower in PRONOUNS and lower not in ("it", "her", "him"):
        found = book.by_pronoun(lower)
        return book.note(found, lower) if found else None
    subtree = list(subject.subtree)
    # keep the subject phrase, not a relative clause hanging off it
    phrase = [t for t in subtree if not any(a.dep_ in ("relcl", "acl") and a in t.ancestors
                                            for a in subtree)]
    # the words before a relative clause, without the commas around it ("a police spokesman, who
    # asked not to be named, said")
    cut = next((n for n, t in enumerate(phrase) if n and t.i != phrase[n - 1].i + 1), len(phrase))
    phrase = phrase[:cut]
    while phrase and phrase[-1].is_punct:
        phrase.pop()
    if not phrase:
        return None
    person = _person_name(doc, phrase)
    if person is None and subject.pos_ == "PROPN" and subject.ent_type_ not in ("ORG", "GPE", "NORP", "LOC"):
        chain = [c for c in subject.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [subject]
        name = " ".join(t.text for t in chain)
        if _actor_in(doc, chain[0].idx, chain[-1].idx + len(chain[-1])) is None:
            person = (_strip_title(name), chain[0].idx, chain[-1].idx + len(chain[-1]))
    if person is None and subject.pos_ == "PROPN" and _described_as_person(subject) and \
            _actor_in(doc, subject.idx, subject.idx + len(subject)) is None:
        # "said Amina, a 34-year-old mother of five": a person, whatever the entity tagger says
        chain = [c for c in subject.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [subject]
        person = (" ".join(t.text for t in chain), chain[0].idx, chain[-1].idx + len(chain[-1]))
    if person is None:
        appositive = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if appositive is not None and appositive.ent_type_ not in ("ORG", "GPE", "NORP", "LOC"):
            chain = [c for c in appositive.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [appositive]
            person = (" ".join(t.text for t in chain), chain[0].idx, chain[-1].idx + len(chain[-1]))
    phrase_start, phrase_end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
    if person is not None:
        name, p_start, p_end = person
        known = book.by_surname(name)
        if known is not None and (" " not in name or known.name == name):
            return book.note(known)
        role = _role_around(doc, phrase_start, phrase_end, p_start, p_end)
        affiliation = _actor_in(doc, phrase_start, phrase_end) or _organisation_in(doc, phrase_start, phrase_end,
                                                                                   (p_start, p_end))
        if affiliation is None and role and (_GROUP_WORD.search(role) or
                                             re.match(r"(?i:whose|its|their)\b", role)):
            affiliation = _last_actor_before(doc, phrase_start)
        if role:
            role = re.sub(r"^(?i:whose|its|their)\s+", "", role)
        return book.define(Speaker(name=name, role=role, affiliation=affiliation))
    role_token = subject if subject.lemma_.lower() in ROLE_NOUNS else next(
        (t for t in phrase if t.lemma_.lower() in ROLE_NOUNS and t.pos_ == "NOUN"), None)
    if role_token is not None:
        subject = role_token
        head = subject.lemma_.lower()
        phrase_start = subject.left_edge.idx
        phrase_end = max(phrase_start, min(phrase_end, subject.right_edge.idx + len(subject.right_edge)))
        text = doc.text[phrase_start:phrase_end]
        affiliation = _actor_in(doc, phrase_start, phrase_end)
        determiner = subject.doc[phrase[0].i].lower_ if phrase else ""
        if affiliation is None and determiner == "the":
            known = book.by_role(head)
            if known is not None:
                return book.note(known)
        from_context = False
        if affiliation is None and _GROUP_WORD.search(text):
            affiliation = _last_actor_before(doc, phrase_start)
            from_context = True
        name = re.sub(r"^(?:a|an|the)\s+", "", text, flags=re.I)
        if affiliation and from_context:
            name = f"{subject.text} of {affiliation}"
        return book.define(Speaker(name=name, role=subject.text.lower(), affiliation=affiliation, person=False))
    actor = _actor_in(doc, phrase_start, phrase_end)
    if actor is not None:
        return book.define(Speaker(name=actor, role=None, affiliation=actor, person=False))
    organisation = next((e for e in doc.entities if e.label_ == "ORG" and phrase_start <= e.start_char < phrase_end),
                        None)
    if organisation is not None:
        # an organisation the registry does not list ("according to the United Nations", "the <Agency>
        # said"): the source of what is said, not an armed actor
        name = re.sub(r"^(?:a|an|the)\s+", "", doc.text[phrase_start:phrase_end], flags=re.I)
        if len(name.split()) > 8:
            name = organisation.text
        return book.define(Speaker(name=name, role=None, affiliation=None, person=False))
    return None


def _described_as_person(name: Any) -> bool:
    """A name with an apposition that describes a person: "<Name>, a 34-year-old mother of five"."""
    for appositive in (c for c in name.children if c.dep_ == "appos"):
        words = {t.lemma_.lower() for t in appositive.subtree}
        if appositive.lemma_.lower() in _PERSON_NOUNS or ("old" in words and "year" in words):
            return True
    return False


def _organisation_in(doc: Document, start: int, end: int, skip: tuple[int, int]) -> str | None:
    """An organisation (spaCy ORG) named in a speaker's role: "head of communications for ACLED"."""
    for ent in doc.entities:
        if ent.label_ == "ORG" and ent.start_char >= start and ent.end_char <= end and \
                not (ent.start_char < skip[1] and skip[0] < ent.end_char):
            return re.sub(r"^(?:the|The)\s+", "", ent.text)
    return None


def _last_actor_before(doc: Document, offset: int) -> str | None:
    """The last actor named before ``offset`` that is not a target ("has taken on the rebels")."""
    best: str | None = None
    for start, _end, name in doc.actor_spans:
        if start >= offset:
            break
        prefix = doc.text[max(0, start - 16):start].lower().replace("the ", " ").rstrip()
        if not prefix.endswith(("against", "with", " on", "anti-", " by", " of", "fighting", "fight")):
            best = name
    return best


def _role_around(doc: Document, phrase_start: int, phrase_end: int, p_start: int, p_end: int) -> str | None:
    """The role words next to a name: an apposition after it or a title before it."""
    after = doc.text[p_end:phrase_end].strip(" ,")
    before = doc.text[phrase_start:p_start].strip(" ,")
    before = re.sub(r"^(?:a|an|the)\s+", "", before, flags=re.I)
    role = after or before
    if role:
        role = re.sub(r"^(?:a|an|the)\s+", "", role, flags=re.I).strip(" ,")
        if role.lower().startswith(("who ", "which ", "whose ")):
            return before or None
    return role or None


def _paragraph_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, (len(text) if end < 0 else end)


class QuotesStep:
    """Pipeline step: ``doc.speakers``, ``doc.attributions`` and ``doc.quotes``."""

    name = "quotes"

    def __call__(self, doc: Document) -> Document:
        book = SpeakerBook()
        doc.attributions = []
        if doc.nlp is None:
            return doc
        by_sentence: dict[int, Speaker] = {}
        for index, sent in enumerate(doc.nlp.sents):
            pairs = sorted(_speech_subjects(sent), key=_pair_priority)
            for _verb, subject in pairs:
                speaker = _speaker_from_subject(doc, book, subject)
                if speaker is not None:
                    by_sentence[index] = speaker
                    doc.attributions.append((sent.start_char, sent.end_char, speaker))
                    break
        doc.speakers = book.speakers
        doc.quotes = self._quotes(doc)
        return doc

    def _quotes(self, doc: Document) -> list[Quote]:
        quotes: list[Quote] = []
        previous: Speaker | None = None
        previous_end = -1
        for m in _QUOTE.finditer(doc.text):
            group = next(i for i in (1, 2, 3) if m.group(i) is not None)
            start, end = m.start(group), m.end(group)
            speaker = doc.speaker_at(max(start, end - 1)) or doc.speaker_at(start)
            if speaker is None:
                p_start, p_end = _paragraph_bounds(doc.text, start)
                rest = doc.text[m.end():p_end]
                speaker = doc.speaker_at(m.end() + 1) if rest.strip() else None
                if speaker is None and previous is not None and (
                        not doc.text[p_start:m.start()].strip() or previous_end >= p_start):
                    speaker = previous
            if speaker is None or len(m.group(group).split()) < 2 or _scare_quote(doc, start, end):
                continue
            previous, previous_end = speaker, end
            quotes.append(Quote(text=doc.text[start:end], start=start, end=end, speaker=speaker.name,
                                role=speaker.role, speaker_actor=speaker.affiliation,
                                sentence=doc.sentence_at(start)))
        return quotes
