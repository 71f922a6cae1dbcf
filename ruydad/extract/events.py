"""Step ``events``: the violent and strategic events the article reports, ACLED-style.

Algorithm:

1. **Triggers.** In each sentence, outside quotation marks (a quote is a claim, not the
   writer's report; a few words in scare quotes, "were "sent to hell"", are the writer's),
   spaCy's parse gives the verbs and nouns that report an event: killing
   (kill, assassinate, execute, die, "left seven people dead"), detention (detain, arrest,
   capture, apprehend) and other violence (attack, ambush, clash, strike, bomb, shell, seize,
   abduct...). A trigger only counts when it reports a past event: not negated ("no civilians
   were injured"), not under a modal or "to" ("planning to attack", "an operation to capture"),
   not present tense ("he coordinates attacks"), not inside what someone is accused of or linked
   to ("responsible for / linked to / suspected of an attack that killed four soldiers"), not a
   relative clause that says who someone is ("the insurgents who conducted the Dec. 2 attack"),
   and not dated by a period in its own clause ("40 people had been killed since January" is a
   trend, reported by the statistics step; "since Wednesday evening" is not a period but the
   start of what is reported). A trigger noun ("an offensive on August 15", "a drone strike in
   the capital late last month") counts when the sentence dates it, or when it reports an incident by
   itself: the subject of a past verb of happening ("fighting broke out", "clashes were
   reported", "a separate blast wounded three"), what forces carried out ("<demonym> forces
   conducted air strikes"; a person's "conducted attacks" is biography), or what a source
   reported ("sources reported the execution of an officer"). "captured three outposts" takes
   ground, it detains no one; the takeover of a state ("since they seized power") is background;
   a perfect infinitive after a verb of report ("were reported to have been killed") is an event.
2. **Counts.** The people killed or detained are the object of the verb (its subject in the
   passive), with every conjunct ("a rebel leader and several associates") and "along with"
   phrase. A noun phrase counts as its number ("three insurgents"; "more than 15" is 16, the
   smallest number the words allow), one for "a/an/the" + a singular noun or a name, two for a
   bare plural ("detained suspected insurgents"), and, for vague quantifiers, the smallest number
   the word is normally used for (:data:`VAGUE_COUNTS`: "a couple" 2, "several" 3, "numerous" 4).
   A pronoun ("detained him") is someone already counted. A toll in a source's quoted speech
   ("'Eight soldiers were killed,' he said"; "'two dead on the army's side and five on the
   attackers' side,' it added") is the incident's toll too, never added to the writer's figure for
   the same people (the larger stands; another named source's, the lower), and not a tally, a
   side's boast ("we killed 30") or a quotation with no incident told just before it.
3. **Grouping.** News copy states an event and then details it; so a sentence joins the
   previous event (up to :data:`MERGE_WINDOW` sentences later) unless it names another place or
   another date, and its counts replace the event's when larger ("detained several insurgents"
   ... "detained three insurgents"), or add to them when the sentence marks an addition ("also",
   "in addition", "other", "another"). ACLED's unit is one location, day, actor and activity: a
   further blast with no spot or day of its own ("a second bomb went off minutes later") is more of
   the same event, one with its own spot, another part of a city ("in western <City>") or "a
   separate" incident is another; a claim dated by the week or month after an incident's day
   ("Last week, the air force said it had killed 35") is another operation. Arrests are placed
   where the people were taken ("detained <Name> from <Town>"), and as many people as one
   locative lists districts ("<A> and <B> ... in <X> and <Y> districts") are one arrest each.
4. **Attributes.** Date: the earliest day/week/month expression of the event's sentences ("ISAF
   confirmed today that ... was killed Friday" is Friday), never the dateline's (that is when the
   story was filed); else the first dated sentence of the body; else the publication date with
   precision ``week``. Events that ended more than :data:`HISTORY_DAYS` before publication are
   background and dropped. Place: the most specific place resolved in the sentences (district
   over province), else the place the text last named, never the dateline city. Actors: the
   actor named in the subject (the agent in the passive) and in the object, else the subject's
   words when they name people or forces ("gunmen", "<demonym> border guards"; not "three
   blasts", "local media"), else the actors the sentence names, in order (not a speaker's
   organisation, not "anti-X"). Places after "from" (unless an arrest took someone from there),
   "residents of", "the anniversary of", "the fall of" are not where the event was; a date that
   says when someone spoke ("police said Thursday"; not a day written before the verb and its
   speaker: "... Sunday, local media reported") is used only when the following sentences do not
   give the incident's own day.
   Type: the event classifier (:mod:`ruydad.extract.classify`) on the sentences of the event;
   the codebook decides over it where the words do (:func:`_cue_type`: a bombing, blast,
   shelling or air strike with no fighting is Explosions/Remote violence with the weapon's
   sub-event; an execution, or civilians killed with no fighting, Violence against civilians;
   soldiers or fighters killed, Battles); where it returns a class ACLED does not code, or a
   non-violent type for an event with deaths, rules decide from the triggers (air strike words ->
   Explosions/Remote violence, killing -> Battles, detention -> Strategic developments: Arrests).
5. **Held-back news (issue 12).** Shelling and air strikes joined in one phrase are two events
   (the toll once, to the means told first); arrests told "after" an incident are another event;
   "In the second, ...", "Hours later, ..." open another incident; a count whose noun is left out
   ("two soldiers in <A> and three in <B>") counts in its own place; the dead of another side told
   later add to the toll; a toll update ("the death toll rose to 25 on Saturday") is dated by the
   incident, not the update; people "found dead" are dead; a perfect over "recent months" is a
   tally. The target of an incident is actor2: what a blast "was aimed at", what a bomb "hit", the
   owner of a base or convoy struck; a machine nobody owns ("a drone") and armed men named again
   in plain words are no new actor. A quoted account of the incident gives its spot (inside the
   event's province). Explosives found or seized are not the means; "people" killed with no fight
   are civilians; ground taken back by the state is Government regains territory.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from ruydad.extract.dates import dateline_span
from ruydad.extract.document import DateExpression, Document, Event, Place
from ruydad.extract.numbers import words_to_number

KILL_LEMMAS = frozenset({"kill", "assassinate", "execute", "behead", "slay", "die", "murder", "shoot", "hang",
                         "lynch", "massacre"})
DETAIN_LEMMAS = frozenset({"detain", "arrest", "capture", "apprehend"})
VIOLENCE_LEMMAS = frozenset({
    "attack", "ambush", "clash", "strike", "bomb", "shell", "seize", "abduct", "kidnap", "raid",
    "overrun", "explode", "detonate", "engage", "wound", "injure", "fight", "battle", "storm", "fire", "target",
})
EVENT_NOUNS = frozenset({
    "attack", "offensive", "strike", "airstrike", "clash", "ambush", "bombing", "explosion", "killing",
    "assassination", "raid", "battle", "assault", "abduction", "blast", "fighting", "firefight", "skirmish",
    "shelling", "execution", "gunfight", "bombardment", "incident", "conflict", "confrontation", "encounter",
    "combat", "kidnapping", "massacre",
})
INCIDENT_VERBS = frozenset({
    "break", "erupt", "occur", "happen", "take", "continue", "report", "rage", "hit", "strike", "cause", "target",
    "rip", "tear", "rock", "kill", "leave", "wound", "injure", "claim", "go", "start", "begin", "last", "hurt",
})
"""Verbs of which an event noun is the subject when the noun reports an incident: "fighting
broke out", "clashes were reported", "a separate blast caused 11 casualties"."""
PLACE_OBJECTS = frozenset({
    "district", "village", "town", "city", "base", "outpost", "post", "checkpoint", "position", "area",
    "territory", "hill", "headquarters", "compound", "valley", "province", "center", "centre", "station",
    "stronghold", "garrison", "bases", "outposts", "posts", "checkpoints", "positions",
})
"""What "captured" takes when it reports taken ground, not detained people ("captured three outposts")."""
AGENT_NOUNS = frozenset({
    "force", "fighter", "gunman", "militant", "soldier", "police", "policeman", "guard", "troop", "assailant",
    "attacker", "insurgent", "agent", "man", "bomber", "member", "militia", "rebel", "army", "military", "unit",
    "jet", "aircraft", "drone", "helicopter", "commando", "operative", "officer", "personnel", "group",
    "terrorist", "jihadist", "extremist", "combatant", "regime", "government", "authority", "mujahideen",
    "bandit", "kidnapper", "abductor", "raider", "squad", "brigade", "battalion", "militiaman",
})
"""Head nouns of a subject that names who acted ("gunmen", "<demonym> border guards"); a subject
headed by anything else ("three blasts", "local media", "one") is not an actor."""
_MACHINES = frozenset({"jet", "aircraft", "drone", "helicopter", "warplane"})
"""Agent nouns that name a machine: an actor only with its owner ("<Demonym> drones", "army helicopters")."""
TAKEOVER_OBJECTS = frozenset({"control", "power"})
_EXPLOSIVE_NOUNS = frozenset({"bomb", "explosive", "device", "mine", "landmine", "ied", "grenade", "shell", "mortar",
                              "rocket", "blast", "explosion", "charge"})
"""What "went off" when an explosion is reported ("a bomb went off")."""
BACKGROUND_LEMMAS = frozenset({
    "link", "responsible", "involve", "suspect", "associate", "accuse", "blame", "plan", "believe",
    "tie", "know", "involvement", "connect", "wanted", "want", "facilitate", "coordinate",
    "orchestrate", "mastermind", "direct", "oversee", "responsibility", "behind",
    "anniversary", "commemorate", "commemoration", "memorial", "remembrance",
})
"""Words above a trigger that make it background. "claim" is not one: "the NRF claimed to have
killed eight rebels" reports a killing (attributed); "claimed responsibility for an attack"
is caught by "responsibility"."""
MERGE_WINDOW = 15
"""A sentence more than this many sentences after an event's last one starts a new event."""
MODALS = frozenset({"will", "would", "could", "may", "might", "should", "must", "can", "shall"})
VAGUE_COUNTS: dict[str, int] = {
    "couple": 2, "few": 2, "several": 3, "multiple": 3, "number": 3, "some": 2, "many": 4,
    "numerous": 4, "tens": 10, "dozens": 12, "scores": 40, "hundreds": 100, "thousands": 1000,
}
"""The smallest number each vague quantifier is normally used for (ISAF's annotators read
"several" as 3 and "numerous" as 4; a reader asking for a minimum reads them the same way). The
round plurals are ACLED's own codes for vague tolls, its most conservative estimate: "tens" 10,
"dozens" 12, "hundreds" 100 (https://acleddata.com/knowledge-base/, "How does ACLED code
fatalities?"); "scores" is at least two score."""
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "a": 1, "an": 1}
_ADDITIVE = re.compile(r"(?i:\b(?:also|in addition|additionally|additional|other|another|"
                       r"more(?!\s+than\b)(?!\s+(?:were\s+|others?\s+)?(?:wounded|injured|hurt)\b)))\b")
"""Words that tell more people than those counted before (not "more than 35", nor "several more injured":
more wounded)."""
_COUNT_MORE = re.compile(r"(?i:\b(?:\d+|several|a\s+few|" + "|".join(w for w in _NUMBER_WORDS if len(w) > 2) +
                         r")\s+more\s+(?!than\b))")
"""People counted as more than those told ("two more soldiers died of their wounds"): never the same
people told again, whatever kind they are."""
_SOURCES_TOO = re.compile(
    r"(?i:\balso\s+(?:said|says|reported|reports|told|confirmed|stated|claimed|put|gave|cited)\b"
    r"|\b(?:other|another|more)\s+(?:\w+\s+)?(?:media|outlets?|sources?|officials?|reports?|witnesses|residents|"
    r"agenc(?:y|ies)|journalists|monitors)\b)")
""""Also" and "other" that tell of more sources, not more dead ("other local media also reported the
strike, with some outlets saying nine people had been killed"): the figure is another source's
count of the same dead."""
_WOUNDED_DIED = re.compile(r"(?i:\bof\s+the\s+(?:\w+\s+)?(?:wounded|injured)\b|\b(?:died|succumbed)\s+(?:later\s+)?"
                           r"(?:of|from|to)\s+(?:their|his|her)\s+(?:wounds|injuries)\b)")
"""The wounded who died later ("three of the wounded soldiers died in hospital", "died of their
wounds"): dead who were not counted among the dead before."""
_AIR = re.compile(r"(?i:\b(?:air ?strikes?|air strikes?|drone|bombers?|aircraft|helicopters?|precision strike|"
                  r"air ?raids?|air force|warplanes?)\b)")
_QUOTE = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”")
_SCARE_WORDS = 3


def _scare_quotes(quote: str) -> bool:
    """A few words the writer puts in quotation marks inside a sentence of their own ("nine
    terrorists were "sent to hell"", "ten militants were "successfully neutralised""): the
    source's wording, not a quotation of what someone said; the writer reports the act."""
    inner = quote[1:-1].strip()
    return len(inner.split()) <= _SCARE_WORDS and not re.search(r"[.!?,;:]", inner)


_DATELINE_PREFIX = re.compile(
    r"^[A-Z][A-Za-z .'-]+?(?:,[^—–(\n]*)?(?:\s*\([^)]*\))?(?:\s*[—–]+\s*|\s+-{1,2}\s+|\s*:\s+)"
    r"|^[A-Z][A-Za-z .'-]+?,\s*\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+"
    r"(?:\(\w+\)\s+)?(?=[A-Z])")
"""A dateline before the story: "CITY, Country — ", "CITY (AP) -- ", "CITY: ", "CITY, 21 Mar "."""
_SUBJECT_SKIP = re.compile(r"^(?:an?|the|some|another|other)\s+", re.I)
_QUOTE_MARKS = "\"'“”‘’«»"


_Day = date  # (the draft's own ``date`` field hides the type inside the class)


@dataclass
class _Draft:
    sentences: list[int]
    start: int
    end: int
    killed: int | None
    detained: int | None
    kinds: set[str]
    date: DateExpression | None
    place: Place | None
    place_text: str | None
    actor1: str | None
    actor2: str | None
    texts: list[str] = field(default_factory=list)
    weak_date: bool = False
    """The date is only when someone spoke ("police said Thursday"), not when it happened."""
    victims: dict[str, dict[tuple[str, str | None], int]] = field(default_factory=dict)
    """Per kind ("kill", "detain"), the head nouns of the people counted, with the actor each phrase
    names (("fighter", "<group A>"), ("insurgent", None)), and how many each phrase counted."""
    sources: dict[str, set[str]] = field(default_factory=dict)
    """Per kind, who gave the figures ("police", "the group"); none for the writer's own voice."""
    weekday: str | None = None
    """The weekday the sentence gives the event when it could not be placed on the calendar (no
    publication date): two such days that differ are two events."""
    summary: bool = False
    """The sentence sums up several operations ("detained 12 suspects in operations in X and Y
    provinces", "during separate operations"): news copy details them next."""
    elsewhere: bool = False
    """The sentence has a locative of its own ("near the mosque", "at a checkpoint"), so a further
    blast it tells ("a second bomb went off near the mosque") is at another spot."""
    quarter: str | None = None
    """The part of the place the sentence names ("in western <City>" is "west"): two parts of one
    city are two locations, so two bombs in them are two events."""
    pending: dict[str, int] = field(default_factory=dict)
    """Per kind, a count the event's first sentence gave without a place ("agents detained two
    men, <A> and <B>"), and ``placed`` how many of them later sentences placed ("<A> was arrested in
    <X> district"): the people of the count that a sentence places elsewhere are another event's."""
    placed: dict[str, int] = field(default_factory=dict)
    quoted_only: bool = False
    """The sentence tells the event only in a source's quoted words (see
    :meth:`EventsStep._quoted_toll`): a detail of the incident told before, not another one."""
    details: dict[str, list[int]] = field(default_factory=dict)
    """Per kind, the counts of the sentences merged into the event after its first (see
    :func:`_split_lead_total`)."""
    others: bool = False
    """The event counted dead as "other(s)" ("several other insurgents were killed"): apart from
    someone, whom a later sentence may count ("the commander was killed")."""
    new_group: bool = False
    """The sentence kills "all <N>" of a group of N a sentence just before brought in ("a group of 11
    insurgents approached ... killing all 11 insurgents"): others than the dead counted before."""
    target: str | None = None
    """What the sentence's attack verb took, named afresh with "a"/"an" ("militants attacked a police
    detachment"): a target no sentence of the event named before is another attack's."""
    unknown_place: str | None = None
    """The name by which the sentence says where, when no gazetteer knows it (see
    :func:`_unknown_place_name`)."""
    doc_text: str = ""
    """The whole text (a reference, not a copy): what was told between two drafts (see :func:`_opens_elsewhere`)."""
    published: _Day | None = None
    """The text's publication day (see :func:`_earlier_claim`)."""
    means: str | None = None
    """The sub-event one sentence that tells two means of remote violence gives each of its two
    events ("artillery fire and airstrikes killed eight": ACLED codes the shelling and the air
    strikes apart, see :func:`_two_means`)."""


def _count_np(head: Any) -> int | None:
    """People counted by one noun phrase (see :data:`VAGUE_COUNTS`); None when it says no number."""
    lower = head.lower_
    if head.pos_ == "PRON":
        return None  # "detained him": someone already counted
    if head.lemma_.lower() in _ANIMALS or any(
            c.lemma_.lower() in _ANIMALS for p_ in head.children if p_.dep_ == "prep" and p_.lower_ == "of"
            for c in p_.children if c.dep_ == "pobj"):
        return None  # "killing 10 livestock", "dozens of cattle": no people
    if lower == "total" and head.pos_ == "NOUN":
        # "A total of 15 people were killed": the people the total counts
        of = [c for p_ in head.children if p_.dep_ == "prep" and p_.lower_ == "of" for c in p_.children
              if c.dep_ == "pobj"]
        return _count_np(of[0]) if of else None
    if head.pos_ == "NUM" or (lower in _NUMBER_WORDS and head.dep_ != "det"):
        value = _number_at(head)
        return value + 1 if value is not None and _more_than(head) else value
    if any(c.lower_ in _UNKNOWN_NUMBER for c in head.children if c.dep_ in ("amod", "compound")):
        return None  # "an unspecified number of soldiers": how many is what the text does not know
    if (lower in VAGUE_COUNTS and head.pos_ != "NOUN") or lower in ("number", "couple", "tens", "dozens", "hundreds",
                                                                    "scores", "thousands", "many", "several"):
        return VAGUE_COUNTS.get(lower, 3)
    for child in head.children:
        if child.dep_ == "nummod":
            value = _number_at(child)
            if value is not None:
                return value + 1 if _more_than(child) else value
        if child.lower_ in VAGUE_COUNTS and child.dep_ in ("amod", "det", "nummod", "quantmod"):
            return VAGUE_COUNTS[child.lower_]
    for modifier in head.children:
        # "Thirteen government soldiers": the parser may hang the number on a modifier of the noun
        if modifier.dep_ in ("compound", "amod") and modifier.i < head.i:
            for number in modifier.children:
                if number.dep_ in ("compound", "nummod") and number.pos_ == "NUM" and number.i < modifier.i:
                    value = _number_at(number)
                    if value is not None:
                        return value + 1 if _more_than(number) else value
    # The tagger calls some names plural ("killing <Given> Sahib"); an English plural name ends in -s.
    plural = head.tag_ in ("NNS", "NNPS") and not (head.pos_ == "PROPN" and not head.lower_.endswith("s"))
    if not plural:
        if any(c.dep_ in ("det", "poss") for c in head.children) or head.pos_ == "PROPN":
            return 1
        return 1 if head.pos_ == "NOUN" else None
    if not any(c.dep_ in ("det", "poss") for c in head.children):
        return 2  # a bare plural ("detained suspected insurgents") is at least two people
    return None


_UNKNOWN_NUMBER = frozenset({"unspecified", "unknown", "undisclosed", "unconfirmed", "undetermined", "uncertain",
                             "unclear", "unidentified", "indeterminate"})


def _more_than(number: Any) -> bool:
    """"more than 15 insurgents": at least 16, the smallest number the words allow."""
    words = " ".join(t.lower_ for t in number.doc[max(0, number.i - 3):number.i])
    words = words[:-2] if words.endswith(" a") else words  # "more than a dozen"
    return words.endswith(("more than", "over", "upwards of", "in excess of"))


_TO_DEATH_NOT_KILLED = frozenset({"sentence", "condemn", "scare", "frighten", "bore", "threaten", "worry", "love"})
"""Verbs whose "to death" is not a killing ("sentenced to death", "scared to death")."""
_ALIVE_LEMMAS = frozenset({"burn", "bury"})
_DYING_LEMMAS = frozenset({"die", "perish"})
_INJURY_NOUNS = frozenset({"injury", "wound", "burn"})


def _dies(verb: Any) -> bool:
    """A verb whose subject died: "died", "perished", "succumbed to their injuries", "embraced martyrdom",
    "paid the ultimate sacrifice", "laid down their lives"."""
    lemma = verb.lemma_.lower()
    if lemma in _DYING_LEMMAS:
        return True
    if lemma == "embrace" and any(c.dep_ == "dobj" and c.lower_ in ("martyrdom", "shahadat") for c in verb.children):
        return True  # "a soldier embraced martyrdom": military communiqués' word for their own dead
    if lemma == "pay" and any(c.dep_ == "dobj" and c.lemma_.lower() == "sacrifice" and any(
            m.lower_ in ("ultimate", "supreme") for m in c.children) for c in verb.children):
        return True  # "four soldiers paid the ultimate sacrifice": the same communiqués' words
    if lemma == "lay" and any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children) and \
            any(c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in verb.children):
        return True  # "two policemen laid down their lives"
    return lemma == "succumb" and any(c.lemma_.lower() in _INJURY_NOUNS for p_ in verb.children
                                      if p_.dep_ == "prep" and p_.lower_ == "to" for c in p_.children)


def _shot_dead(verb: Any) -> bool:
    """"shot dead", with "dead" on the verb or, as the parser reads "shot dead two policemen", on
    the object that follows it."""
    return any(c.lower_ == "dead" for c in verb.children) or (
        verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].lower_ == "dead" and
        verb.doc[verb.i + 1].head.head == verb)


_RECORDINGS = frozenset({"video", "camera", "footage", "image", "photo", "photograph", "picture", "recording",
                         "film", "clip", "cctv"})
_RECORDED = _RECORDINGS | frozenset({"sound", "moment", "scene", "attention", "imagination", "mood", "essence"})


def _captures_no_one(verb: Any) -> bool:
    """"captured" that detains nobody: a recording's ("a video captured the sound of the blast"), or
    what no one can hold ("captured the moment", "captured the attention of")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    patient = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    agent = next((c for p_ in verb.children if p_.dep_ == "agent" for c in p_.children if c.dep_ == "pobj"), None)
    return any(t is not None and t.lemma_.lower() in _RECORDINGS for t in (subject, agent)) or \
        (patient is not None and patient.lemma_.lower() in _RECORDED)


def _detain_idiom(verb: Any) -> bool:
    """Ways news tells an arrest with another verb: "took/taken into custody", "rounded up"."""
    lemma = verb.lemma_.lower()
    if lemma == "take" and any(c.lower_ == "custody" for p_ in verb.children if p_.dep_ == "prep" and
                               p_.lower_ == "into" for c in p_.children):
        return True
    return lemma == "round" and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)


def _kill_idiom(verb: Any) -> bool:
    """Ways news tells a killing with another verb: "gunned down", "hacked/beaten/stabbed to death",
    "burned alive", "perished", "succumbed to their injuries"."""
    lemma = verb.lemma_.lower()
    if _dies(verb):
        return True
    if lemma == "gun" and any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children):
        return True
    if lemma == "martyr" and verb.tag_ in ("VBN", "VBD"):
        return True  # "six civilians were martyred": the word of many sources for their side's dead
    if lemma not in _TO_DEATH_NOT_KILLED and any(
            c.lower_ == "death" for p_ in verb.children if p_.dep_ == "prep" and p_.lower_ == "to"
            for c in p_.children if c.dep_ == "pobj"):
        return True
    return lemma in _ALIVE_LEMMAS and (
        any(c.lower_ == "alive" for c in verb.children) or
        (verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].lower_ == "alive"))


_NUMBER_JOINERS = frozenset({"-", "‐", "‑", "–", "—", "and"})
_SCALE_WORDS = frozenset({"hundred", "thousand", "million"})


def _number_at(token: Any) -> int | None:
    """The number a token is part of: "Forty-one" and "one hundred and forty-one" are parsed as
    several tokens; the whole run of number words (with hyphens and "and") is read."""
    doc = token.doc
    low = next((c for c in token.children if c.dep_ == "quantmod" and c.pos_ == "NUM" and c.i < token.i), None)
    if low is not None and any(c.dep_ == "quantmod" and c.lower_ in ("to", "or") for c in token.children):
        return _number_at(low)  # "two to three people", "10 to 12": a range, its lowest

    def joins(i: int) -> bool:
        # "and" joins the parts of one number only after "hundred" ("one hundred and forty-one"),
        # never two numbers ("between 10 and 15")
        # nor does a dash join two figures ("10-15 people": a range, of which the lowest is read)
        if doc[i].text not in _NUMBER_JOINERS or (doc[i].lower_ == "and" and doc[i - 1].lower_ not in _SCALE_WORDS):
            return False
        return not (doc[i - 1].text.isdigit() and i + 1 < len(doc) and doc[i + 1].text.isdigit())

    left = token.i
    while left > 0 and (doc[left - 1].pos_ == "NUM" or (left > 1 and joins(left - 1) and doc[left - 2].pos_ == "NUM")):
        left -= 1
    right = token.i
    while right + 1 < len(doc) and (doc[right + 1].pos_ == "NUM" or (
            right + 2 < len(doc) and joins(right + 1) and doc[right + 2].pos_ == "NUM")):
        right += 1
    if left == right:
        return _number(token.text)
    value = _number(" ".join(t.text for t in doc[left:right + 1]))
    return value if value is not None else _number(token.text)


def _number(text: str) -> int | None:
    word = text.lower().replace(",", "")
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    value = words_to_number(word)
    return int(value) if value is not None and value == int(value) and value < 1e7 else None


def _count_phrase(head: Any) -> int | None:
    """A noun phrase with its conjuncts and 'along with' companions."""
    total: int | None = None
    for np in _conjuncts(head):
        value = _count_np(np)
        if value is not None:
            total = (total or 0) + value
    return total


_PLACE_UNITS = frozenset({"district", "province", "region", "area", "village", "city", "town", "valley", "state",
                          "county", "governorate", "territory", "municipality"})
"""Nouns of a kind of place: "detained five men in <X> and <Y> districts", where the parser may join
"districts" to "men", names places, not more people."""


_ANIMALS = frozenset({"livestock", "cattle", "cow", "goat", "sheep", "camel", "animal", "donkey", "horse", "ox",
                      "buffalo", "mule", "dog", "chicken", "herd"})
"""Who a killing counts that are no people ("killing 10 livestock"): ACLED's fatalities are people."""
_NOT_PEOPLE = _ANIMALS | frozenset({"wound", "wounding", "injury", "damage", "destruction", "loss", "displacement",
                                    "bomb"}) | EVENT_NOUNS
"""Nouns joined to the dead that count no dead: animals, the harm told beside the deaths ("the death of
two fighters and the injury of another", "the deaths of three members and injuries to two others"), and
incidents ("a blast that killed five worshippers and three bombings of minivans that killed nine":
the parser joins the bombings to the worshippers, but they are no people)."""


def _speaks_next(conjunct: Any) -> bool:
    """A conjunct right before a verb of saying ("ten civilians, locals and media reports said"):
    the parser joined the speakers to the dead; they are the verb's subject."""
    after = conjunct.right_edge.i + 1
    if after >= len(conjunct.doc):
        return False
    verb = conjunct.doc[after]
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in SAY_LEMMAS and verb.i > conjunct.head.i


def _conjuncts(head: Any) -> list[Any]:
    found = [head]
    for child in head.children:
        if child.dep_ == "conj" and (child.lemma_.lower() in _PLACE_UNITS or child.lemma_.lower() in _NOT_PEOPLE or
                                     child.lemma_.lower() in _PROPERTY):
            continue  # "killed two men and 20 cattle", "killing seven farmers and burning houses"
        if child.dep_ == "conj" and _speaks_next(child):
            continue  # "killed ten civilians, locals and media reports said": who spoke, not more dead
        if child.dep_ == "conj" and (child.pos_ in ("NOUN", "PROPN", "NUM", "PRON")
                                     or child.lower_ in VAGUE_COUNTS or child.lower_ in _NUMBER_WORDS):
            found += _conjuncts(child)
        if child.dep_ == "prep" and child.lower_ == "with" and head.doc[child.i - 1].lower_ == "along":
            found += [c for c in child.children if c.dep_ == "pobj"]
        if child.dep_ == "prep" and child.lower_ == "along":
            for grand in child.children:
                if grand.lower_ == "with":
                    found += [c for c in grand.children if c.dep_ == "pobj"]
    return found


_REPORTED_AS = frozenset({"report", "say", "believe", "confirm", "claim", "understand", "think", "know", "appear",
                          "seem"})
"""Verbs of report that take a perfect infinitive of what happened: "15 people were reported to
have been killed", "he is said to have died"."""


_CUMULATIVE = re.compile(
    r"(?i:\b(?:since the (?:beginning|start) of (?:the|this|last) (?:year|month|week|war|conflict|offensive|"
    r"operation|campaign)|so far (?:this|in) (?:year|month|week|\d{4})|to date\b|since (?:January|February|"
    r"March|April|May|June|July|August|September|October|November|December|\d{4})\b|"
    r"(?:in|over|during) the (?:past|last) (?:few|several|\w+) (?:weeks|months|years)))")
"""A span that makes a count a running total, not one incident's toll."""


def _own_modifiers(token: Any) -> str:
    """The text of the verb's own adverbial and prepositional modifiers, without the clauses nested
    in them ("arrested three men on Wednesday, according to officials, who said 40 had been killed
    since January": the running total is the officials' clause, not the arrest's)."""
    nested = ("relcl", "ccomp", "advcl", "acl", "xcomp", "conj")
    words: list[Any] = []

    def walk(node: Any) -> None:
        words.append(node)
        for child in node.children:
            if child.dep_ not in nested:
                walk(child)

    for child in token.children:
        if child.dep_ in ("prep", "advmod", "npadvmod"):
            walk(child)
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))


def _reports_past_event(token: Any, dated_clause: bool = False) -> bool:
    """A trigger verb that reports something that happened (see the module docstring).
    ``dated_clause``: the verb's own clause carries a day ("the man, who was detained in the city on
    Tuesday"), so a relative clause about a person still reports an event."""
    if any(c.dep_ == "neg" for c in token.children):
        return False
    if any((c.dep_ in ("nsubj", "nsubjpass", "dobj") and any(d.lower_ in ("no", "none") for d in c.children))
           or c.lower_ in ("none", "nobody", "nothing") for c in token.children):
        return False
    if any(c.lower_ in MODALS for c in token.children if c.dep_ == "aux"):
        return False
    if token.tag_ in ("VBZ", "VBP", "VB"):
        return False
    if _CUMULATIVE.search(_own_modifiers(token)):
        return False  # "one of more than 50 insurgents killed since the beginning of the year": a tally
    if token.dep_ == "conj" and token.head.lemma_ == "be" and token.head.tag_ in ("VBZ", "VBP"):
        return False  # "they are enemies, and fought each other before": a description, not an incident
    if token.tag_ == "VBG" and token.dep_ == "conj" and token.head.tag_ == "VBG" and token.head.i != token.i:
        return _reports_past_event(token.head, dated_clause)  # "on capturing and killing": as the first gerund
    if token.tag_ == "VBG" and token.dep_ in ("advcl", "xcomp", "conj") and _generic_tally(token):
        return False  # "the group has carried out revenge attacks in the state, killing and detaining civilians"
    if _in_long_spell(token):
        return False  # "a months-long rampage in which the militia killed scores of civilians"
    if token.tag_ == "VBG":
        if any(c.dep_ == "aux" and c.lower_ in ("is", "are", "am", "be") for c in token.children):
            return False
        if token.dep_ in ("nsubj", "csubj") and any(c.dep_ == "aux" and c.lower_ in MODALS
                                                    for c in token.head.children):
            return False  # "fighting could kill thousands": what might happen
        if token.dep_ in ("pobj", "csubj", "compound", "amod"):
            return False
        if token.dep_ == "xcomp" and token.head.tag_ not in ("VBD", "VBN"):
            return False  # "continues killing"; but "engaged the position, killing one insurgent" counts
        if token.dep_ == "pcomp" and token.head.lower_ in ("for", "of", "in", "about", "to", "from", "after",
                                                           "before", "without", "on", "at"):
            return False  # "responsible for killing", "suspected of detaining", "focused on capturing"
    if token.dep_ == "relcl" and token.head.lemma_ in EVENT_NOUNS and token.head.dep_ == "attr" and \
            token.head.head.lemma_ == "be" and token.head.head.tag_ in ("VBZ", "VBP"):
        return False  # "this is the second incident this week in which they have detained ...": a tally
    if token.dep_ == "relcl" and token.head.pos_ in ("NOUN", "PROPN") and \
            token.head.lemma_ not in EVENT_NOUNS | _FIGHT_NOUNS and \
            not _event_clause_misplaced(token) and \
            not dated_clause and not any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children) and \
            not _where_clause(token):
        # (a clause opened by the conjunction "that" is what someone reported, which the parser
        # may hang on a noun: "sources report that agents have detained two men"; one opened by
        # "where" tells what happened at a place: "attacked a settlement, where they killed one")
        return False  # "the insurgents who conducted the Dec. 2 attack": who they are, not what happened
    reported_past = token.dep_ == "xcomp" and token.head.lemma_.lower() in _REPORTED_AS and any(
        c.dep_ == "aux" and c.lower_ == "have" for c in token.children)  # "were reported to have been killed"
    own_subject = any(c.dep_ == "nsubj" for c in token.children)  # "said jets bombed houses", parsed as amod
    if (token.dep_ == "amod" and not own_subject) or (token.dep_ == "xcomp" and token.tag_ != "VBG"
                                                      and not reported_past) or \
            (token.dep_ == "acl" and token.tag_ == "VBN" and token.lemma_ != "kill"):
        return False
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and not reported_past:
        return False
    return not _under_background(token)


_FIGHT_NOUNS = frozenset({"gunbattle", "shootout", "siege", "standoff", "exchange", "operation", "stampede"})
"""Nouns of an incident besides :data:`EVENT_NOUNS` whose relative clause tells what it did ("a
gunbattle that left 10 people dead")."""
_ATTACK_VERBS = frozenset({"attack", "ambush", "raid", "storm", "bomb", "shell", "overrun"})


def _fresh_target(sent: Any, quoted: list[tuple[int, int]]) -> str | None:
    """The head noun of what the sentence's attack verb (past, active) took when it is named with
    "a"/"an" ("attacked a police detachment"), see :attr:`_Draft.target`."""
    for token in sent:
        if token.pos_ != "VERB" or token.tag_ != "VBD" or token.lemma_.lower() not in _ATTACK_VERBS or \
                _inside(quoted, token.idx):
            continue
        target = next((c for c in token.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        if target is not None and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in target.children):
            return str(target.lemma_.lower())
    return None


_STATE_WORDS = re.compile(r"(?i:^(?:military|police) forces of\b|\b(?:police|army|troops|soldiers|security|"
                          r"intelligence|authorities|government|gendarmes?|forces)\b)")


def _state_side(actor: str | None) -> bool:
    """An actor of the state's side: its forces as the registry names them, or the words for them."""
    return actor is not None and bool(_STATE_WORDS.search(actor))


def _add_nouns(victim_nouns: dict[str, dict[tuple[str, str | None], int]],
               nouns: dict[tuple[str, str | None], int]) -> None:
    """Record who a killing idiom ("lost their lives", "left six soldiers dead") counted, as the
    verbs' counts do, so that the dead of each side are told apart (see :func:`_other_side`)."""
    here = victim_nouns.setdefault("kill", {})
    for noun, number in nouns.items():
        here[noun] = here.get(noun, 0) + number


def _states_number(victims: Any) -> bool:
    """Whether a counted phrase says how many ("six people", "dozens of villagers", "a soldier"),
    not only that there were some ("killed people, including women")."""
    for np in _conjuncts(victims):
        if np.pos_ == "NUM" or np.lower_ in _NUMBER_WORDS or np.lower_ in VAGUE_COUNTS or np.tag_ in ("NN", "NNP"):
            return True
        if any(c.dep_ in ("nummod", "det", "quantmod") or c.lower_ in VAGUE_COUNTS for c in np.children):
            return True
    return False


def _event_clause_misplaced(clause: Any) -> bool:
    """A relative clause that tells what an incident did, which the parser hangs on the place after
    the incident's noun ("a bombing in the capital that killed six", "an attack on a checkpoint which
    left five dead"): opened by "that"/"which", on the object of a preposition of an event noun."""
    noun = clause.head
    if not any(c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in clause.children):
        return False
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.lemma_.lower() in EVENT_NOUNS:
        return True
    # ", which left four policemen dead" after "attacked a detachment on the road": the attack's
    # outcome (a comma before "which"), hung on the last noun of what the attack verb took
    if clause.i < 2 or clause.doc[max(0, clause.i - 3):clause.i].text.find(",") < 0:
        return False
    head = noun
    while head.dep_ in ("pobj", "prep", "compound", "dobj", "appos") and head.head.i != head.i:
        head = head.head
        if head.pos_ == "VERB":
            break
    return head.pos_ == "VERB" and head.tag_ in ("VBD", "VBN") and head.lemma_.lower() in VIOLENCE_LEMMAS


_LONG_SPELL = re.compile(r"(?i)^(?:days?|weeks?|months?|years?|decades?)[- ]?long$")


def _generic_tally(participle: Any) -> bool:
    """A participle that says what a run of incidents did to people in general: under a verb in the
    present perfect whose object is incidents in the plural ("has carried out revenge attacks"), with
    people named by a bare plural ("killing and detaining civilians"), no number and no article."""
    first = participle
    while first.dep_ == "conj" and first.head.tag_ == "VBG" and first.head.i != first.i:
        first = first.head  # "killing and detaining": the first participle's head
    verb = first.head
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ != "VBN" or \
            not any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children) or \
            not any(c.dep_ == "dobj" and c.tag_ == "NNS" and c.lemma_.lower() in EVENT_NOUNS | {"operation"}
                    for c in verb.children):
        return False
    # the people the run of participles took ("killing and detaining civilians")
    people = next((c for t in [participle, *first.subtree] if t.tag_ == "VBG" for c in t.children
                   if c.dep_ == "dobj"), None)
    return people is not None and people.tag_ == "NNS" and not any(
        c.dep_ in ("det", "nummod", "quantmod", "amod") and (c.pos_ in ("DET", "NUM") or c.lower_ in VAGUE_COUNTS)
        for c in people.children)


def _long_spell(noun: Any) -> bool:
    return noun.pos_ == "NOUN" and any(c.dep_ in ("amod", "compound") and _LONG_SPELL.match(
        "".join(t.text for t in c.subtree)) for c in noun.children)


def _in_long_spell(token: Any) -> bool:
    """A trigger inside what is said of a spell of violence that lasted days or more ("a months-long
    rampage in which ... killed scores"), or joined to the verb that names the spell ("has faced a
    months-long rampage ..., killed scores of civilians", as the parser reads it): a tally of that
    spell, not one incident."""
    if any(_long_spell(a) for a in token.ancestors):
        return True
    verb = token
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
        if any(c.dep_ in ("dobj", "nsubj") and _long_spell(c) for c in verb.children):
            return True
    return False


_DESCRIBING_PARTICIPLES = frozenset({
    "link", "suspect", "believe", "tie", "connect", "associate", "accuse", "know", "involve", "blame",
})
"""Background words that also come as a participle describing a noun ("terrorists linked to <X>",
"gunmen suspected to be working with <X>", "men believed to belong to <X>")."""


def _under_background(token: Any) -> bool:
    """Whether a background word ("suspected", "linked", "responsible", "behind"...) governs the
    trigger: the trigger is inside the word's clause or its prepositional or "to" phrase ("men
    suspected of killing", "the group behind the bombing"). A participle that only describes the
    subject of the trigger does not ("Terrorists suspected to be working with <X> have abducted 37
    commuters", "Gunmen linked to <X> abducted ..."): the parser may hang the tensed main verb on
    the participle as its conjunct or adverbial clause, but in English news the participle right
    after a bare noun, with no auxiliary and no object of its own, is a reduced relative clause
    telling who the subject is, and the tensed verb after it is what the subject did."""
    child = token
    for ancestor in token.ancestors:
        if ancestor.lemma_.lower() in BACKGROUND_LEMMAS and not _describes_subject_of(ancestor, child) and \
                not _of_claim(ancestor, token):
            return True
        child = ancestor
    return False


def _of_claim(word: Any, trigger: Any) -> bool:
    """"responsibility" (or "behind") of a claim or a denial, above a trigger that tells the
    claimed incident ("<X> claimed responsibility for the blast, which killed six", "No group has
    claimed responsibility behind the attack"): the incident happened; the claim only says who did
    it. A trigger in what the claimant said ("claimed responsibility in a statement, in which they
    said they had killed 14") is the claimant's word, still background."""
    path = [trigger, *[a for a in trigger.ancestors if a.i != word.i and word in a.ancestors]]
    if any(t.lemma_.lower() in SAY_LEMMAS for t in path):
        return False
    top = path[-1]
    if not (top.dep_ == "prep" and top.lower_ in ("for", "behind", "of")) and top.lemma_.lower() not in \
            EVENT_NOUNS | {"attack", "blast", "bombing", "explosion"}:
        return False
    if not all(_the_incident(t) for t in path if t.dep_ == "pobj" and t.head.lower_ in ("for", "behind", "of")):
        return False
    verb = word.head
    if word.lemma_.lower() == "behind" and verb.lemma_.lower() == "responsibility":
        verb = verb.head
    elif word.lemma_.lower() not in ("responsibility", "behind"):
        return False
    return verb.lemma_.lower() in _CLAIM_LEMMAS | {"deny"} and verb.pos_ in ("VERB", "AUX") and \
        any(c.dep_ == "dobj" and c.lemma_.lower() == "responsibility" for c in verb.children)


_CLAIM_LEMMAS = frozenset({"claim", "accept", "assume", "take"})


def _claims_responsibility(verb: Any) -> bool:
    """A verb that claims responsibility ("<X> claimed responsibility for the attack", "has
    claimed responsibility behind the blast"), not negated and not under a modal."""
    if not (verb.lemma_.lower() in _CLAIM_LEMMAS and verb.pos_ in ("VERB", "AUX") and
            any(c.dep_ == "dobj" and c.lemma_.lower() == "responsibility" for c in verb.children) and
            not any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in MODALS) for c in verb.children)):
        return False
    objects = [c for r in verb.subtree if r.dep_ == "prep" and r.lower_ in ("for", "behind", "of")
               for c in r.children if c.dep_ == "pobj"]
    return all(_the_incident(noun) for noun in objects)


def _fold_claim(told: _Draft, claim: _Draft, index: int) -> None:
    """A claim of responsibility told after an incident ("A bomb hit a market on Monday. No group
    has claimed responsibility for the blast, which killed six") names that incident again, on the
    day of the claim if any: it adds the toll, place and actors the incident lacked, not an event."""
    if told.killed is None:
        told.killed = claim.killed
    if told.detained is None:
        told.detained = claim.detained
    if told.place is None:
        told.place, told.place_text = claim.place, claim.place_text
    if told.actor1 is None and claim.actor1 != told.actor2:
        told.actor1 = claim.actor1
    if told.actor2 is None and claim.actor2 != told.actor1:
        told.actor2 = claim.actor2
    if index not in told.sentences:
        told.sentences.append(index)
    told.end = max(told.end, claim.end)


def _the_incident(noun: Any) -> bool:
    """What a claim of responsibility is for names the incident just told ("the attack", "Monday's
    blast"), not another ("a similar attack last year", "several attacks", "previous bombings"). An
    incident told by what it did ("a suicide bombing in <City> that killed six") is one incident."""
    told = any(c.dep_ == "relcl" and c.tag_ == "VBD" for c in noun.children) or any(
        c.dep_ == "relcl" and c.tag_ == "VBD" and _event_clause_misplaced(c)
        for p_ in noun.children if p_.dep_ == "prep" for n in p_.children if n.dep_ == "pobj" for c in n.children)
    if any((c.lower_ in ("a", "an") and not told) or c.lower_ in (
            "several", "many", "some", "other", "previous", "earlier", "past", "similar", "recent", "numerous",
            "multiple", "most", "all", "these") for c in noun.children):
        return False
    return not any(t.ent_type_ == "DATE" and t.lower_ in ("year", "month", "week", "years", "months", "weeks", "ago")
                   for t in noun.subtree)


def _describes_subject_of(participle: Any, child: Any) -> bool:
    """A participle describing its own subject noun ("Terrorists linked to <X>") with the clause
    of ``child`` (the next step down to the trigger) as the subject's tensed main verb."""
    if participle.lemma_.lower() not in _DESCRIBING_PARTICIPLES or participle.tag_ not in ("VBN", "VBD"):
        return False
    if child.dep_ not in ("conj", "advcl", "ccomp") or child.i < participle.i or child.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
        return False  # "police believed gunmen attacked the post": what was believed
    if child.tag_ != "VBD" and not (child.tag_ == "VBN" and any(
            c.dep_ == "aux" and c.lemma_ == "have" for c in child.children)):
        return False  # the main verb is tensed: "abducted", "have abducted"
    if any(c.dep_ in ("aux", "auxpass", "dobj", "neg") for c in participle.children):
        return False  # "they were suspected and arrested", "police suspected the men and ...": a verb of its own
    subject = next((c for c in participle.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i > participle.i or subject.pos_ not in ("NOUN", "PROPN"):
        return False
    return max(t.i for t in subject.subtree) == participle.i - 1  # the participle right after its noun


def _in_where_clause(doc: Document, expression: DateExpression) -> bool:
    """A date inside a relative clause opened by "where" that has an event of its own ("in <X>
    district, where a double suicide bombing killed 43 people last week"): the place's past."""
    if doc.nlp is None:
        return False
    span = doc.nlp.char_span(expression.start, max(expression.start + 1, expression.end), alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    clause = next((a for a in span[0].ancestors if a.dep_ == "relcl"), None)
    return clause is not None and any(c.lower_ == "where" and c.dep_ == "advmod" for c in clause.children) and \
        clause.lemma_.lower() in KILL_LEMMAS | VIOLENCE_LEMMAS


def _dead_count(doc: Document, token: Any, counted: set[int]) -> int | None:
    """The number of "<N> dead" at the token "dead" ("two dead on the army's side"), once per
    number; none for "12 dead and wounded" (casualties, the dead among them unknown)."""
    if re.match(r"\s*(?:and|or|&)\s+(?:wounded|injured|hurt)\b", doc.text[token.idx + len(token):]):
        return None
    number = next((c for c in token.children if c.dep_ == "nummod"), None)
    if number is None and token.i > token.sent.start and token.doc[token.i - 1].like_num:
        number = token.doc[token.i - 1]
    if number is None or number.i in counted:
        return None
    counted.add(number.i)
    return _number_at(number)


_SIDES_TOLL = re.compile(r"(?i:\btoll\s+(?:is|was|stands\s+at|stood\s+at)\b)")
"""A toll told as a list of the dead ("The toll is two dead on the army's side and five dead on the
attackers' side")."""


def _neutralised_people(verb: Any) -> bool:
    """"Neutralised" said of fighters ("15 terrorists were neutralised", "the army neutralised 20
    jihadists") is how military statements report enemies killed; said of a thing ("neutralised an
    explosive device") it is not."""
    patient = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if patient is None:
        return False
    head = patient
    if head.pos_ == "NUM" or head.lower_ in VAGUE_COUNTS:  # "15 of the attackers"
        head = next((c for p_ in head.children if p_.dep_ == "prep" and p_.lower_ == "of"
                     for c in p_.children if c.dep_ == "pobj"), head)
    return head.lemma_.lower() in AGENT_NOUNS - {"jet", "aircraft", "drone", "helicopter", "army", "military",
                                                 "regime", "government", "authority", "group", "unit"}


def _where_clause(verb: Any) -> bool:
    """A relative clause opened by "where" on a place that an event verb just named ("Bandits
    attacked a settlement, where they killed one local and abducted 19 others"): the clause tells
    what was done there, in the past tense, not who someone is; also opened by "in which" ("attacked a
    village, in which four civilians were killed")."""
    past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ in ("was", "were")
                                                            for c in verb.children))
    opened = any(c.lower_ == "where" and c.dep_ == "advmod" for c in verb.children) or any(
        c.dep_ == "prep" and c.lower_ in ("in", "during") and any(g.lower_ == "which" for g in c.children)
        for c in verb.children)
    if not past or not opened:
        return False
    if any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree):
        return False  # "in <X> district, where a bombing killed 43 people last week": the place's past
    head = verb.head  # up from the place through "in <X> of <Y>" to the verb whose object or locative it is
    while head.dep_ in ("pobj", "prep", "compound", "appos", "conj", "npadvmod") and head.head.i != head.i:
        head = head.head
    if head.dep_ == "dobj":
        head = head.head
    return head.pos_ == "VERB" and head.tag_ in ("VBD", "VBN") and head.i != verb.i


def _actor_within(doc: Document, tokens: list[Any]) -> str | None:
    if not tokens:
        return None
    start, end = min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)
    for a_start, a_end, name in doc.actor_spans:
        if a_start >= start and a_end <= end:
            return name
    return None


_NP_DEPS = frozenset({"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "punct", "case"})


def _noun_phrase(head: Any) -> list[Any]:
    """The head noun with the modifiers in front of it ("<demonym> border guards", "Al-Shabab
    militants"), up to the first word that is not one (a dateline, a clause)."""
    start = head.i
    while start > 0:
        previous = head.doc[start - 1]
        if previous.dep_ not in _NP_DEPS or previous.text in (",", "(", ")", "—", "–", ":") or \
                previous.text in _QUOTE_MARKS or \
                not any(a.i == head.i for a in [previous, *previous.ancestors]):
            break
        start -= 1
    return list(head.doc[start:head.i + 1])


def _subject_text(tokens: list[Any]) -> str | None:
    if not tokens:
        return None
    tokens = sorted(tokens, key=lambda t: t.i)
    text = "".join(t.text_with_ws for t in tokens[0].doc[tokens[0].i:tokens[-1].i + 1])
    text = _SUBJECT_SKIP.sub("", _DATELINE_PREFIX.sub("", text.strip())).strip(_QUOTE_MARKS + " ")
    text = _SUBJECT_SKIP.sub("", text)  # 'some "armed terrorists"': the words inside the scare quotes
    return text if 0 < len(text) <= 80 and text.lower() not in ("he", "she", "they", "it", "we", "i") else None


class EventsStep:
    """Pipeline step: ``doc.events``."""

    name = "events"

    def __init__(self, use_classifier: bool = True) -> None:
        self.use_classifier = use_classifier

    def __call__(self, doc: Document) -> Document:
        doc.events = []
        if doc.nlp is None:
            return doc
        quoted = [(m.start(), m.end()) for m in _QUOTE.finditer(doc.text) if not _scare_quotes(m.group())]
        drafts: list[_Draft] = []
        lead_date = self._lead_date(doc)
        turned: tuple[int, Place, str | None] | None = None
        for index, sent in enumerate(doc.nlp.sents):
            main, earlier, days = _split_days_after(sent, doc)
            reprisal = None
            if earlier is None:
                main, reprisal = _split_reprisal(sent)
            if earlier is not None:
                # the earlier event first: what the text says next details the main one
                anchor = self._event_date(doc, main)[0]
                if anchor is None and drafts and not _sentence_has_trigger_date(doc, main) and \
                        (drafts[-1].sentences[-1] >= index - 1 or
                         (_refers_back(main) and drafts[-1].sentences[-1] >= index - 4)) and not drafts[-1].weak_date:
                    anchor = drafts[-1].date  # "The shelling came a day after ...": the day of the event just told
                for draft in self._sentence_event(doc, earlier, index, quoted):
                    if anchor is not None and anchor.period_start is not None and anchor.precision == "day" and \
                            draft.date is None and days >= 0:
                        day = anchor.period_start - timedelta(days=days)
                        draft.date = replace(anchor, period_start=day, period_end=day, kind="relative")
                    if days == LAPSE_UNSAID:
                        drafts.append(draft)  # an incident some days before: never a detail of the one told
                        continue
                    self._merge(drafts, draft, earlier.text, lead_date)
            found = self._sentence_event(doc, main, index, quoted)
            if any(d.quoted_only for d in found) and not (drafts and drafts[-1].sentences[-1] >= index - 2):
                found = []  # a source's quoted toll details the incident just told, or none
            if not found and earlier is None:
                place, place_text = self._sentence_place(doc, main)
                if place is not None and place.admin1_code and _TURNS_TO.match(main.text):
                    turned = (index, place, place_text)  # "In <Province>, forces have been shelling ...": moves there
            for draft in found:
                placed = next((d for d in reversed(drafts) if d.place is not None), None)
                if draft.place is None and turned is not None and placed is not None and placed.place is not None and \
                        turned[0] > max(d.sentences[-1] for d in drafts) and turned[0] >= index - 2 and \
                        placed.place.admin1_code != turned[1].admin1_code:
                    # "Five civilians were killed in the attacks on Friday night, it said": where the
                    # sentence before turned the story, not the province of the event told before it
                    draft.place, draft.place_text = turned[1], turned[2]
                if any(_claims_responsibility(t) for t in main) and drafts and \
                        drafts[-1].sentences[-1] >= index - 3:
                    _fold_claim(drafts[-1], draft, index)  # "<X> claimed responsibility for the attack that ..."
                    continue
                if earlier is not None and days < 0:
                    drafts.append(draft)  # "detained three suspects after a bomb killed two soldiers": another act
                    continue
                self._merge(drafts, draft, main.text, lead_date)
            if reprisal is not None and found:
                # "... were killed in an attack, while the other side retaliated by arresting four civilians":
                # the arrests are an act of their own
                drafts.extend(self._sentence_event(doc, reprisal, index, quoted))
            if not found and drafts and drafts[-1].killed is None and drafts[-1].sentences[-1] == index - 1 and \
                    _no_casualties(main.text, main.start_char, quoted):
                drafts[-1].killed = 0  # "A bomb hit a police car. Nobody was hurt, police said."
        _split_lead_total(drafts)
        _resolve_summaries(drafts)
        drafts[:] = [part for draft in drafts for part in self._one_per_listed_place(doc, draft)]
        self._claimed_by(doc, drafts)
        kept: list[_Draft] = []
        for position, draft in enumerate(drafts):
            if draft.weak_date:
                following = drafts[position + 1].start if position + 1 < len(drafts) else len(doc.text)
                draft.date = self._incident_date_after(doc, draft, following) or draft.date
            if draft.place is None or (draft.place.admin2 is None and draft.place.kind != "ambiguous"):
                following = drafts[position + 1].start if position + 1 < len(drafts) else len(doc.text)
                detail = self._detail_place(doc, draft, quoted, following)
                if detail is None and draft.place is not None and draft.place.admin1_code:
                    detail = self._detail_place(doc, draft, quoted, following, told=True)
                if detail is not None:
                    draft.place, draft.place_text = detail
            if draft.place is None and not (position > 0 and self._names_unknown_place(doc, draft)):
                # (another incident at a place of its own that no gazetteer knows ("In a separate
                # incident, a bomb killed three people in <Town>") is not where the one before was)
                draft.place, draft.place_text = self._place_before(doc, draft.end, _countries_named(doc, draft))
            if draft.date is None:
                draft.date = lead_date if lead_date is None or lead_date.start < draft.end else None
            if _is_history(doc, draft):
                continue
            doc.events.append(self._finish(doc, draft))
            kept.append(draft)
        drafts[:] = kept
        self._type(doc, drafts)
        return doc

    def _claimed_by(self, doc: Document, drafts: list[_Draft]) -> None:
        """"<Group> claimed responsibility for the attack": the group is the attack's perpetrator
        (ACLED's actor 1 for a claimed attack), given to the incident the claim sentence tells, else
        the one told just before it, else the one told just after it (a lead that gives the claim
        first) when that incident names no perpetrator of its own (none, or only words such as "a
        suicide bomber", "gunmen"). "No group has claimed responsibility" names nobody."""
        if not drafts or doc.nlp is None:
            return
        named = {a.name for a in doc.actors}
        for index, sent in enumerate(doc.nlp.sents):
            claimer = next((name for token in sent if _claims_responsibility(token)
                            for name in [self._claimer(doc, token)] if name), None)
            if claimer is None:
                continue
            draft = next((d for d in drafts if index in d.sentences), None)
            if draft is None:
                before = [d for d in drafts if d.sentences[-1] < index and d.sentences[-1] >= index - 3]
                after = [d for d in drafts if d.sentences[0] > index and d.sentences[0] <= index + 3]
                draft = before[-1] if before else after[0] if after else None
            if draft is None or claimer in (draft.actor1, draft.actor2) or \
                    (draft.actor1 is not None and draft.actor1 in named):
                continue
            draft.actor1 = claimer

    def _claimer(self, doc: Document, verb: Any) -> str | None:
        """The registry's actor that the subject of a claim of responsibility names, if any."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or any(c.lower_ in ("no", "none") for c in subject.children) or \
                subject.lower_ in ("none", "nobody", "noone"):
            return None
        return _actor_within(doc, list(subject.subtree))

    # -- one sentence ---------------------------------------------------------------------------

    def _sentence_event(self, doc: Document, sent: Any, index: int, quoted: list[tuple[int, int]]) -> list[_Draft]:
        killed: int | None = None
        detained: int | None = None
        kinds: set[str] = set()
        actor1: str | None = None
        actor2: str | None = None
        counted: set[int] = set()
        victim_nouns: dict[str, dict[tuple[str, str | None], int]] = {}
        counted_at: list[tuple[int, str, int]] = []  # (trigger token, kind, people) for each count
        others = False
        sources: dict[str, set[str]] = {}
        for token in sent:
            if _inside(quoted, token.idx):
                continue
            lemma = token.lemma_.lower()
            if lemma in ("neutralise", "neutralize", "eliminate") and token.pos_ == "VERB" and \
                    _neutralised_people(token):
                lemma = "kill"  # military communiqués: "at least 15 terrorists were neutralised/eliminated" (killed)
            elif lemma == "send" and token.pos_ == "VERB" and _neutralised_people(token) and any(
                    c.lower_ == "hell" for p_ in token.children if p_.dep_ == "prep" and p_.lower_ == "to"
                    for c in p_.children):
                lemma = "kill"  # "three terrorists were sent to hell": the same communiqués' word for enemies killed
            if token.pos_ == "VERB" and lemma not in KILL_LEMMAS and _kill_idiom(token):
                lemma = "kill"  # "gunned down", "hacked to death", "burned alive", "perished"
            elif token.pos_ == "VERB" and lemma not in DETAIN_LEMMAS and _detain_idiom(token):
                lemma = "detain"  # "took five suspects into custody", "rounded up 30 people"
            if lemma == "claim" and token.pos_ == "VERB" and _reports_past_event(token) and any(
                    c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in token.children):
                # "the blast claimed the lives of six soldiers", "claimed six lives"
                lives = next(c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() == "life")
                of = [c for p_ in lives.children if p_.dep_ == "prep" and p_.lower_ == "of"
                      for c in p_.children if c.dep_ == "pobj"]
                victims = of[0] if of else lives
                kinds.add("kill")
                if victims.i not in counted:
                    counted.add(victims.i)
                    count = _count_phrase(victims)
                    if count is not None:
                        killed = (killed or 0) + count
                        counted_at.append((token.i, "kill", count))
                        nouns_here = victim_nouns.setdefault("kill", {})
                        for noun, number in _head_nouns(doc, victims).items():
                            nouns_here[noun] = nouns_here.get(noun, 0) + number
                if actor1 is None:
                    actor1 = self._agent(doc, self._roles(token)[0])
                continue
            if lemma == "hit" and token.pos_ == "VERB" and _hit_by_weapon(token):
                lemma = "strike"  # "a roadside bomb hit a <Group> vehicle": what it hit is the target
            if lemma == "lose" and token.pos_ == "VERB" and _reports_past_event(token) and any(
                    c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in token.children):
                # "Five people lost their lives in an attack": the idiom of dying
                subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
                kinds.add("kill")
                if subject is not None and subject.i not in counted:
                    counted.add(subject.i)
                    count = _count_phrase(subject)
                    if count is not None:
                        killed = (killed or 0) + count
                        counted_at.append((token.i, "kill", count))
                        _add_nouns(victim_nouns, _head_nouns(doc, subject))
                continue
            if lemma == "leave" and token.pos_ == "VERB" and _reports_past_event(token) and any(
                    c.lower_ == "dead" or (c.dep_ == "dobj" and any(g.lower_ == "dead" for g in c.children))
                    for c in token.children):
                victims = next((c for c in token.children if c.dep_ == "dobj"), None) or next(
                    (c for c in token.children if c.lower_ == "dead" and any(g.dep_ == "nummod" for g in c.children)),
                    None)  # "have left at least one dead": the number is parsed onto "dead"
                kinds.add("kill")  # "the attack left seven people dead"
                if victims is not None and victims.i not in counted:
                    counted.add(victims.i)
                    count = _count_phrase(victims)
                    killed = (killed or 0) + count if count is not None else killed
                    if count is not None:
                        counted_at.append((token.i, "kill", count))
                        _add_nouns(victim_nouns, _head_nouns(doc, victims))
                continue
            if token.pos_ == "NOUN" and lemma == "death" and _outcome_of_event(token):
                of = [c for p_ in token.children if p_.dep_ == "prep" and p_.lower_ == "of"
                      for c in p_.children if c.dep_ == "pobj"]
                count = _count_phrase(of[0]) if of and of[0].i not in counted else None
                if count is not None:
                    kinds.add("kill")  # "..., resulting in the death of six militants"
                    counted.add(of[0].i)
                    killed = (killed or 0) + count
                    counted_at.append((token.i, "kill", count))
                continue
            if token.pos_ == "VERB" and lemma in _FOUND_LEMMAS and _reports_past_event(token):
                dead = next((c for c in token.children if (c.lower_ == "dead" and
                             c.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "advmod")) or
                             (c.dep_ == "xcomp" and c.lemma_.lower() in KILL_LEMMAS)), None)  # "found shot dead"
                found_people = None if dead is None else next(
                    (c for c in [*token.children, *dead.children] if c.dep_ in ("nsubjpass", "nsubj", "dobj") and
                     c.pos_ in ("NOUN", "PROPN", "NUM") and c.head == (token if c.dep_ != "nsubj" else dead)), None)
                if found_people is not None and found_people.i not in counted:
                    count = _count_phrase(found_people)
                    kinds |= {"kill", "bodies"}  # "two students were later found dead", "found two men dead"
                    counted.add(found_people.i)
                    if count is not None:
                        killed = (killed or 0) + count
                        counted_at.append((token.i, "kill", count))
                    continue
            if token.pos_ == "NOUN" and lemma == "body" and token.tag_ == "NNS" and _bodies_found(token):
                of = [c for p_ in token.children if p_.dep_ == "prep" and p_.lower_ == "of"
                      for c in p_.children if c.dep_ == "pobj"]
                count = _count_phrase(of[0]) if of else _count_np(token)
                if count is not None and token.i not in counted:
                    kinds |= {"kill", "bodies"}  # "the bodies of 12 men were found dumped outside the town"
                    counted.add(token.i)
                    killed = (killed or 0) + count
                    counted_at.append((token.i, "kill", count))
                continue
            if token.pos_ == "VERB" and _takes_place(token) and (_reports_past_event(token) or (
                    token.lower_ == "retook" and not any(c.dep_ in ("neg", "aux") for c in token.children))):
                # (the parser tags the irregular past "retook" as a present)
                kinds.add("territory")  # "rebels seized control of the town"
                if actor1 is None:
                    actor1 = self._agent(doc, self._roles(token)[0])
                if lemma in _REGAIN_LEMMAS and actor1 is not None and \
                        actor1.startswith(("Military Forces of", "Police Forces of")):
                    kinds.add("regain")  # "the army regained control of the town": ACLED's government regains territory
                continue
            if token.pos_ == "VERB" and _destroys_property(token) and _reports_past_event(token):
                kinds.add("loot")  # "looted shops", "torched houses", "set fire to the market"
                if actor1 is None:
                    actor1 = self._agent(doc, self._roles(token)[0])
                continue
            if token.pos_ == "VERB" and lemma == "go" and _reports_past_event(token) and \
                    any(c.dep_ == "prt" and c.lower_ == "off" for c in token.children) and \
                    any(c.dep_ == "nsubj" and c.lemma_.lower() in _EXPLOSIVE_NOUNS for c in token.children):
                kinds.add("violence")  # "a magnetic bomb went off in the city"
                continue
            if token.pos_ == "NOUN" and lemma == "target" and token.head.lemma_ == "be" and \
                    token.head.tag_ == "VBD" and any(
                        c.lemma_.lower() in EVENT_NOUNS or c.lemma_.lower() in _EXPLOSIVE_NOUNS
                        for p_ in token.children if p_.dep_ == "prep" and p_.lower_ == "of" for c in p_.children):
                kinds.add("violence")  # "a truck carrying fighters was the target of a bomb"
                continue
            if token.pos_ == "VERB" and lemma == "aim" and _aimed_at(token):
                kinds.add("violence")  # "at least one (blast) was aimed at a <Group> vehicle": its target
                if actor2 is None:
                    actor2 = _actor_within(doc, [t for p_ in token.children if p_.dep_ == "prep" and p_.lower_ == "at"
                                                 for c in p_.children if c.dep_ == "pobj" for t in c.subtree])
                continue
            if token.pos_ == "VERB" and lemma == "blow" and _reports_past_event(token) and \
                    any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children):
                kinds.add("violence")  # "blew himself up at a checkpoint", "blew up a police vehicle"
                if actor1 is None:
                    actor1 = self._agent(doc, self._roles(token)[0])
                continue
            if token.pos_ == "VERB" and lemma == "open" and _reports_past_event(token) and \
                    any(c.dep_ == "dobj" and c.lemma_.lower() == "fire" for c in token.children):
                kinds.add("violence")  # "opened fire on a check post"
                if actor1 is None:
                    actor1 = self._agent(doc, self._roles(token)[0])
                continue
            if token.pos_ == "VERB" and (lemma in KILL_LEMMAS or lemma in DETAIN_LEMMAS or lemma in VIOLENCE_LEMMAS):
                if not (_reports_past_event(token, self._dated_clause(doc, token)) or _headline_verb(doc, token) or
                        _under_dateline(token)) or self._dated_by_period(doc, token):
                    continue
                if _is_takeover(token):
                    continue  # "since the rebels seized power", "took control of the country": background
                if _figurative(token):
                    continue  # "killed hopes of a deal", "fired 20 officials", "a video captured the sound"
                if lemma == "target" and (_in_headline(doc, token.idx) or not (
                        (token.tag_ == "VBD" and any(c.dep_ == "dobj" for c in token.children)) or
                        (token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in token.children)))):
                    # "a force targeting a leader", "attacks targeting civilians", a headline's
                    # "<Leaders> Targeted": who an operation was after, not an attack told
                    continue
                if lemma in ("capture", "seize") and self._object_is_place(doc, token):
                    kinds.add("territory")
                    if actor1 is None:
                        actor1 = self._agent(doc, self._roles(token)[0])
                    continue
                if lemma == "shoot" and not _shot_dead(token):
                    kinds.add("violence")
                    continue
                kind = "kill" if lemma in KILL_LEMMAS else "detain" if lemma in DETAIN_LEMMAS else "violence"
                subject, victims = self._roles(token)
                if victims is None and _headline_verb(doc, token):
                    # headlines defeat the parser ("<X> shelling kills at least 5 villagers"): the
                    # first noun after the verb is who it struck
                    victims = next((t for t in token.doc[token.i + 1:sent.end] if t.pos_ == "NOUN"), None)
                if victims is not None and (victims.lower_ in ("none", "nobody", "no-one") or any(
                        c.lower_ in ("no", "neither") for c in victims.children)):
                    continue  # "no women or children were injured or detained" (the patient shared by "and")
                kinds.add(kind)
                if kind == "kill" and _with_wounded(token):
                    continue  # "14 civilians were killed and injured": casualties, not how many died
                if kind in ("kill", "detain") and victims is not None and victims.i not in counted:
                    counted.add(victims.i)
                    count = _count_phrase(victims)
                    if count is None and victims.lower_ in ("him", "her"):
                        count = 0 if (killed if kind == "kill" else detained) else 1  # "... and detained him"
                    for companion in self._companions(token):
                        extra = _count_phrase(companion)
                        if extra is not None:
                            count = (count or 0) + extra
                    if count is not None:
                        parts = [(np.i, _count_np(np)) for np in _conjuncts(victims)]
                        if len(parts) >= 2 and all(n is not None for _i, n in parts) and \
                                sum(n or 0 for _i, n in parts) == count:
                            # "two soldiers in <A> and three civilians in <B> died": each phrase's
                            # people are where its own locative says (see _split_by_place)
                            counted_at += [(i, kind, n or 0) for i, n in parts]
                        else:
                            counted_at.append((token.i, kind, count))
                        # "killed two soldiers in <A> and three in <B>": the number the parser joins
                        # to the verb, with its own locative, counts more people of the same kind
                        for number in token.children:
                            extra = _number_at(number) if number.dep_ == "conj" and number.pos_ == "NUM" and \
                                number.i > victims.i and any(g.dep_ == "prep" or g.lower_ == "more"
                                                             for g in number.children) else None
                            if extra:
                                counted_at.append((number.i, kind, extra))
                                count += extra
                        # a source's figure is a number it states: "killed people" (at least two) is none
                        source = _source_of(token) if _states_number(victims) else None
                        known = sources.setdefault(kind, set())
                        # Two sources giving one death toll ("officers put the dead at 15; the group
                        # said 21 were killed"): the lowest, ACLED's conservative estimate. Arrests
                        # reported by several sources are usually of different people: they add up.
                        disagree = kind == "kill" and source is not None and bool(known - {source}) and \
                            not _other_side(_head_nouns(doc, victims), victim_nouns.get(kind, {}))
                        # (each side's dead told by its enemy: "the army said 40 militants were killed,
                        # while the rebels said they had killed 25 soldiers" are more dead, not one toll)
                        if source is not None:
                            known.add(source)
                        if kind == "kill":
                            killed = min(killed, count) if disagree and killed is not None else (killed or 0) + count
                        else:
                            detained = (min(detained, count) if disagree and detained is not None
                                        else (detained or 0) + count)
                        nouns_here = victim_nouns.setdefault(kind, {})
                        for noun, number in _head_nouns(doc, victims).items():
                            nouns_here[noun] = nouns_here.get(noun, 0) + number
                        if kind == "kill" and any(c.lower_ in ("other", "others") for c in victims.subtree):
                            others = True
                sides = [self._agent(doc, side) for side in _between_sides(subject)] if subject is not None else []
                if len(sides) == 2 and all(sides) and actor1 is None and actor2 is None:
                    actor1, actor2 = sides  # "fighting between the army and the RSF killed 12 civilians"
                if subject is not None and actor1 is None:
                    actor1 = self._agent(doc, subject)
                if victims is not None and actor2 is None:
                    actor2 = _actor_within(doc, list(victims.subtree))
            elif token.pos_ == "NOUN" and (lemma in EVENT_NOUNS or _another_operation(token)) and \
                    token.dep_ != "compound" and (
                    token.tag_ == "NN" or self._is_incident(token, doc)):  # not "an assassination cell"
                if any((a.lemma_.lower() in BACKGROUND_LEMMAS and not _of_claim(a, token)) or a.dep_ == "relcl"
                       for a in token.ancestors):
                    continue
                if token.dep_ == "attr" and token.head.lemma_ == "be" and token.head.tag_ in ("VBZ", "VBP"):
                    continue  # "this is the third incident this month": a tally of incidents, not one
                if token.dep_ == "dobj" and token.tag_ == "NNS" and any(
                        _generic_tally(c) for c in token.head.children if c.tag_ == "VBG"):
                    continue  # "has carried out revenge attacks ..., killing and detaining civilians": a tally
                if self._sentence_date(doc, sent) is not None or self._is_incident(token, doc):
                    kinds.add("kill" if lemma in ("killing", "assassination", "execution") else "violence")
                    if lemma in ("killing", "assassination", "execution"):
                        victims_of = [c for p_ in token.children if p_.dep_ == "prep" and p_.lower_ == "of"
                                      for c in p_.children if c.dep_ == "pobj"]
                        count = _count_phrase(victims_of[0]) if victims_of else None
                        killed = max(killed or 0, count or 1)
                    if actor1 is None:
                        agents = _by_agents(token)
                        actor1 = self._agent(doc, agents[0]) if agents else None
        if _no_casualties(sent.text, sent.start_char, quoted):
            # "a bomb went off ...; no one was hurt": the parser often hangs the bombing on "hurt"
            # and loses its verb, but the explosion named beside the nil toll is the incident
            if not kinds and any(t.pos_ == "NOUN" and t.lemma_.lower() in _EXPLOSIVE_NOUNS | EVENT_NOUNS and
                                 not any(a.lemma_.lower() in _FOUND_NOT_SET_OFF for a in t.ancestors)
                                 for t in sent):
                kinds.add("violence")
            if kinds and killed is None:
                killed = 0
        for m in _TOLL.finditer(sent.text):
            value = _number(m["n"])
            if value is None or _inside(quoted, sent.start_char + m.start()):
                continue
            source = m["who"].strip().lower()
            known = sources.setdefault("kill", set())
            disagree = bool(known - {source})
            known.add(source)
            kinds.add("kill")
            killed = value if killed is None else min(killed, value) if disagree else max(killed, value)
        if _SIDES_TOLL.search(sent.text):
            seen: set[int] = set()
            listed = [_dead_count(doc, t, seen) for t in sent if t.lower_ == "dead" and not _inside(quoted, t.idx)]
            if any(n is not None for n in listed):
                kinds.add("kill")  # the toll of each side adds up; the same people told again do not
                killed = max(killed or 0, sum(n or 0 for n in listed))
        quoted_nouns: dict[tuple[str, str | None], int] = {}
        quoted_toll = self._quoted_toll(doc, sent, quoted, quoted_nouns)
        quoted_only = quoted_toll is not None and not kinds
        if quoted_toll is not None and quoted_only:
            _add_nouns(victim_nouns, quoted_nouns)  # whose dead the source counts: the other side's add up
        if quoted_toll is not None:
            kinds.add("kill")  # the same people the writer counted, or more: never added to them
            killed = quoted_toll if killed is None else max(killed, quoted_toll)
            speaker = self._speaker(sent, quoted)
            if speaker is not None:
                sources.setdefault("kill", set()).add(speaker)  # another source's toll: the lower stands
        toll_only = not kinds
        for m in _TOLL_NOW.finditer(sent.text):
            value = _number(m["n"] or m["m"])
            if value is not None and not _inside(quoted, sent.start_char + m.start()):
                kinds.add("kill")  # "the death toll rose to eight": the figure now, not more deaths
                killed = value if killed is None else max(killed, value)
        if not kinds:
            return []
        date_expr, weak = self._event_date(doc, sent)
        if toll_only and date_expr is not None:
            weak = True  # "The death toll rose to 25 on Saturday": the day the figure was given, not the incident's
        if date_expr is None and self._is_aggregate(doc, sent):
            return []
        if date_expr is not None and date_expr.precision == "month" and _SEVERAL_INCIDENTS.search(sent.text):
            return []  # "In May, bombers killed 100 worshippers in two different incidents": a month's tally
        place, place_text = self._sentence_place(doc, sent)
        if actor1 is None or actor2 is None:
            actor1, actor2 = self._sentence_actors(doc, sent, quoted, actor1, actor2)
        if actor2 is not None and actor2 == actor1:
            actor2 = None  # the victims named as the attackers' own side: one side known
        draft = _Draft(sentences=[index], start=sent.start_char, end=sent.end_char, killed=killed, doc_text=doc.text,
                       published=doc.published,
                       unknown_place=_unknown_place_name(doc, sent) if place is None else None,
                       detained=detained, kinds=kinds, date=date_expr, place=place, place_text=place_text,
                       actor1=actor1, actor2=actor2, texts=[sent.text], weak_date=weak, victims=victim_nouns,
                       summary=self._is_summary(doc, sent), sources=sources, target=_fresh_target(sent, quoted),
                       new_group=_kills_new_group(doc, sent), others=others,
                       weekday=_unplaced_weekday(doc, sent), quoted_only=quoted_only,
                       quarter=_quarter(doc, sent, place), elsewhere=_own_locative(sent),
                       pending={k: n for k, n in (("kill", killed), ("detain", detained))
                                if place is None and n is not None and n >= 2})
        means = _two_means(sent)
        if means is None:
            return self._split_by_place(doc, sent, draft, counted_at)
        # the toll goes to the means told first; the other is an event with no toll of its own
        draft.means = means[0]
        twin = replace(draft, killed=None, detained=None, kinds=set(draft.kinds), sentences=list(draft.sentences),
                       texts=list(draft.texts), victims={}, sources={}, pending={}, placed={}, means=means[1])
        return [draft, twin]

    def _quoted_toll(self, doc: Document, sent: Any, quoted: list[tuple[int, int]],
                     nouns: dict[tuple[str, str | None], int] | None = None) -> int | None:
        """The toll a source gives in its own words ("'Eight members of the security forces were
        killed,' he said"; "'The toll is two dead on the army's side and five dead on the
        attackers' side,' it added"): a quotation of speech (four words or more, with a verb of
        saying or "according to" outside it in the sentence) that counts the dead with a number,
        by a past killing verb or "N dead". The parts of one quotation add up (the dead of each
        side); the writer's own figure for the same incident is not added to, the larger stands.
        Other quoted words (a claim, a scare quote, what someone is accused of) count nothing."""
        spans = [(a, b) for a, b in quoted if sent.start_char <= a < sent.end_char and
                 len(doc.text[a:b].split()) >= 4]
        if any(a <= d.start < b and d.precision in ("year", "decade", "range") for a, b in spans for d in doc.dates):
            return None  # "'Since January, 40 people have been killed here,' he said": a tally, not the toll
        if not spans:
            return None
        outside = [t for t in sent if not _inside(spans, t.idx)]
        if not any((t.lemma_.lower() in SAY_LEMMAS and t.pos_ in ("VERB", "AUX")) or
                   (t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to")
                   for t in outside):
            return None
        total: int | None = None
        counted: set[int] = set()
        for token in sent:
            if not _inside(spans, token.idx):
                continue
            count: int | None = None
            if token.lower_ == "dead" and token.pos_ in ("ADJ", "NOUN"):
                count = _dead_count(doc, token, counted)  # "two dead on the army's side"
            elif token.pos_ == "VERB" and (token.lemma_.lower() in KILL_LEMMAS or _neutralised_people(token) or
                                           _kill_idiom(token)) and \
                    _reports_past_event(token) and not _with_wounded(token):
                doer, victims = self._roles(token)
                if doer is not None and doer.lower_ in ("we", "i"):
                    continue  # "'We killed 30 of them,' the group said": a side's claim of its own feat
                if victims is not None and victims.i not in counted and any(
                        t.like_num for t in victims.subtree):
                    counted.add(victims.i)
                    count = _count_phrase(victims)  # a number written out, not "my brother"
                    if nouns is not None:
                        for noun, number in _head_nouns(doc, victims).items():
                            nouns[noun] = nouns.get(noun, 0) + number
                    for other in token.children:  # "A commander and three fighters were killed", the
                        # parser giving the passive two subjects: the first, joined by "and", counts too
                        if other.dep_ == "nsubjpass" and other.i < victims.i and other.i not in counted and \
                                any(c.dep_ == "cc" for c in other.children):
                            counted.add(other.i)
                            count = (count or 0) + (_count_phrase(other) or 0)
            if count is not None:
                total = (total or 0) + count
        return total

    def _speaker(self, sent: Any, quoted: list[tuple[int, int]]) -> str | None:
        """Who speaks the sentence's quotation: the subject, outside the quotation marks, of its
        verb of saying ("..., a spokesman for the group said"); None for a pronoun ("it added",
        "he said": the source already named) or when no one is named."""
        for token in sent:
            if _inside(quoted, token.idx) or token.pos_ not in ("VERB", "AUX") or \
                    token.lemma_.lower() not in _SOURCE_VERBS:
                continue
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None or subject.pos_ == "PRON" or _inside(quoted, subject.idx):
                return None
            return " ".join(t.lower_ for t in subject.subtree)
        return None

    def _split_by_place(self, doc: Document, sent: Any, draft: _Draft,
                        counted_at: list[tuple[int, str, int]]) -> list[_Draft]:
        """One event per province when the sentence reports what happened in each in a locative
        of its own ("shells landed in X district, killing four children, and in Y district"; "three
        were killed in X and two in Y"). A list under one preposition ("in X and Y provinces") sums
        several operations up and stays one (see :func:`_resolve_summaries`). Each count goes to the
        province inside its verb's phrase, else the last one named before the verb."""
        if draft.summary:
            return [draft]
        places: list[tuple[int, Place, int | None, str]] = []
        inside_sentence = [p for start, _e, p in doc.place_spans if sent.start_char <= start < sent.end_char]
        for start, _end, place in doc.place_spans:
            # a country counts as a place of its own where the sentence names nothing finer in it
            # ("two soldiers in <Country A> and three civilians in <Country B> died")
            country = place.kind == "country" and place.country_code is not None and not any(
                p.kind != "country" and p.country_code == place.country_code for p in inside_sentence)
            if not sent.start_char <= start < sent.end_char or (place.kind == "country" and not country) or \
                    not (place.admin1_code or country) or \
                    _not_where(doc, start, sent.start_char) or _describes(doc, start):
                continue
            span = doc.nlp.char_span(start, start + 1, alignment_mode="expand")
            token = span[0] if span is not None and len(span) else None
            # the locative preposition above the name (the parser may attach a second one as a conjunct)
            prep = next((a.i for a in token.ancestors if a.lower_ in _LOCATIVE_PREPS and a.pos_ == "ADP"),
                        None) if token is not None else None
            places.append((start, place, prep, place.admin1_code or f"@{place.country_code}"))
        codes = list(dict.fromkeys(code for _s, _pl, _p, code in places))
        if len(codes) == 1:
            # two districts of one province, each in a locative of its own ("eight were killed in
            # <X> district, while four others were killed in <Y> district"): one event each
            # (not a reference point: "a market in <X> near <Y>")
            districts: list[tuple[int, Place, int | None, str]] = [
                (s_, pl, p_, f"{code}/{pl.admin2.casefold()}") for s_, pl, p_, code in places
                if pl.admin2 and p_ is not None and sent.doc[p_].lower_ in ("in", "at")]
            if len({c for _s, _pl, _p, c in districts}) >= 2:
                places = districts
                codes = list(dict.fromkeys(code for _s, _pl, _p, code in places))
        if len(codes) < 2:
            return [draft]
        preps = {code: {p for _s, _pl, p, c in places if c == code} for code in codes}
        if any(None in preps[c] or preps[a] & preps[c] for a in codes for c in codes if a < c) or \
                any(None in v for v in preps.values()):
            return [draft]  # one locative lists them: a summary, not one event each
        sums: dict[str, dict[str, int]] = {code: {} for code in codes}
        own_places: set[str] = set()
        counting = {i for i, _kind, _count in counted_at}
        for i, kind, count in counted_at:
            verb = sent.doc[i]
            # the verb's own phrase, without what is joined to it ("killing four, and in Y") or the
            # clause of another count the parser hangs under it ("Four soldiers died in X, three
            # civilians were killed in Y": "died" is parsed as a clause of "killed")
            joined = {t.idx for c in verb.children if c.dep_ in ("conj", "cc") or c.i in counting for t in c.subtree}
            own = {t.idx for t in verb.subtree} - joined
            inside = [c for start, _pl, _p, c in places if start in own]
            before = [c for start, _pl, _p, c in places if start < verb.idx]
            code = inside[0] if inside else before[-1] if before else codes[0]
            sums[code][kind] = sums[code].get(kind, 0) + count
            own_places.update(inside[:1])
        if any(code.startswith("@") for code in codes) and len(own_places) < 2:
            return [draft]  # countries are split only where each count says its own ("<N> in <A> and <M> in <B>")
        tracked_killed = sum(v.get("kill", 0) for v in sums.values())
        tracked_detained = sum(v.get("detain", 0) for v in sums.values())
        out: list[_Draft] = []
        for n, code in enumerate(codes):
            best = max((place for _s, place, _p, c in places if c == code), key=_place_rank)
            killed = sums[code].get("kill")
            detained = sums[code].get("detain")
            if n == 0 and draft.killed is not None and draft.killed > tracked_killed:
                killed = (killed or 0) + draft.killed - tracked_killed
            if n == 0 and draft.detained is not None and draft.detained > tracked_detained:
                detained = (detained or 0) + draft.detained - tracked_detained
            text = next(doc.text[s:e] for s, e, p in doc.place_spans if p is best)
            out.append(replace(draft, place=best, place_text=text, killed=killed, detained=detained,
                               kinds=set(draft.kinds), victims={}, sentences=list(draft.sentences),
                               texts=list(draft.texts)))
        return out

    def _one_per_listed_place(self, doc: Document, draft: _Draft) -> list[_Draft]:
        """Arrests of as many people as the places one locative lists ("<A> and <B>, who were
        arrested from their homes in <X> and <Y> districts"): a person is arrested in one place, so
        each place is one arrest, one event (ACLED codes an event per location). With more people
        than places the text does not say who was where: one event, at the first place."""
        count = draft.detained
        if doc.nlp is None or draft.summary or draft.killed or count is None or count < 2:
            return [draft]
        sentences = list(doc.nlp.sents)
        for index in draft.sentences:
            if index >= len(sentences):
                continue
            sent = sentences[index]
            # places written as one list ("in <X> and <Y> districts", "<X>, <Y> and <Z>")
            runs: list[list[tuple[int, int, Place]]] = []
            for start, end, place in doc.place_spans:
                if not sent.start_char <= start < sent.end_char or place.kind in ("country", "admin1") or \
                        not place.admin1_code:
                    continue
                if runs and _LIST_GAP.match(doc.text[runs[-1][-1][1]:start]):
                    runs[-1].append((start, end, place))
                elif re.search(r"(?i:\b(?:in|at|near|inside)\s+(?:the\s+)?$)", doc.text[max(0, start - 12):start]):
                    runs.append([(start, end, place)])
            listed = {n: run for n, run in enumerate(runs) if len(run) >= 2}
            for places in listed.values():
                distinct = list({(p.admin1_code, p.admin2_pcode or p.name): (s_, e_, p)
                                 for s_, e_, p in places}.values())
                if len(distinct) != count or len({p.admin1_code for _s, _e, p in distinct}) != 1:
                    continue
                return [replace(draft, place=place, place_text=doc.text[s_:e_], detained=1, kinds=set(draft.kinds),
                                victims={}, sentences=list(draft.sentences), texts=list(draft.texts))
                        for s_, e_, place in distinct]
        return [draft]

    def _is_summary(self, doc: Document, sent: Any) -> bool:
        """A lead that sums up several operations: it lists places in two or more provinces ("in
        X and Y provinces"), or says the operations were several ("separate operations",
        "operations across ...")."""
        if _SEVERAL_OPERATIONS.search(sent.text):
            return True
        if not _PLURAL_UNITS.search(sent.text):
            return False
        provinces = {place.admin1_code for start, _end, place in doc.place_spans
                     if sent.start_char <= start < sent.end_char and place.admin1_code}
        return len(provinces) >= 2

    def _sentence_actors(self, doc: Document, sent: Any, quoted: list[tuple[int, int]], actor1: str | None,
                         actor2: str | None) -> tuple[str | None, str | None]:
        """Actors the sentence names, for an event whose verb did not give them ("fighting broke
        out between the rebels and the NRF"): in order, not a speaker's organisation ("a
        spokesman for the NRF said"), not "anti-rebel", not civilians."""
        categories = {a.name: a.category for a in doc.actors}
        for a_start, _a_end, name in doc.actor_spans:
            if not sent.start_char <= a_start < sent.end_char or _inside(quoted, a_start):
                continue
            prefix = doc.text[max(sent.start_char, a_start - 40):a_start].lower()
            suffix = doc.text[_a_end:min(sent.end_char, _a_end + 60)]
            if re.search(r"(?:spokes(?:man|woman|person)|official|commander|head|leader|member|minister|"
                         r"representative)s?\s+(?:for|of)\s+(?:the\s+)?$|(?:anti|pro)-$|according\s+to\s+(?:the\s+)?"
                         r"(?:\w+\s+)?$", prefix) or _SOURCE_AFTER.match(suffix) or _LINKED_TO.search(prefix) or \
                    categories.get(name) in ("Civilians", "Protesters"):
                continue
            if _owns_target(doc, a_start) and actor2 is None and name != actor1:
                actor2 = name  # "a bomb exploded near a military base": whose base it was, the target
            elif actor1 is None and name != actor2:
                actor1 = name
            elif actor2 is None and name != actor1:
                actor2 = name
        return actor1, actor2

    def _incident_date_after(self, doc: Document, draft: _Draft, limit: int) -> DateExpression | None:
        """For an event dated only by when someone spoke ("police said Thursday"): the day a
        following sentence gives the incident itself ("the attack Wednesday night"), up to the
        next event and at most three sentences on."""
        sentences = list(doc.nlp.sents) if doc.nlp is not None else []
        first, last = draft.sentences[0], draft.sentences[-1]  # sentences merged into it count too
        for sent in sentences[first + 1:max(first, last) + 4]:
            if sent.start_char >= limit:
                break
            if not any((t.pos_ == "NOUN" and t.lemma_.lower() in EVENT_NOUNS) or
                       (t.pos_ == "VERB" and t.lemma_.lower() in VIOLENCE_LEMMAS and t.tag_ == "VBD") for t in sent):
                continue  # the incident told again: "the attack Wednesday night", "... attacked the post on Saturday"
            found, weak = self._event_date(doc, sent)
            if found is not None and not weak and found.precision == "day":
                return found
        return None

    def _dated_clause(self, doc: Document, verb: Any) -> bool:
        """A relative clause with its own day ("who was detained in the city on Tuesday")."""
        if verb.dep_ != "relcl":
            return False
        start, end = verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)
        return any(start <= d.start < end and d.precision == "day" for d in doc.dates)

    def _is_incident(self, noun: Any, doc: Document) -> bool:
        """An event noun that reports an incident by itself: the subject of a past-tense verb of
        happening ("fighting broke out", "clashes were reported", "a separate blast caused ..."),
        or what someone reported ("sources reported the execution of an army officer")."""
        head = noun.head
        if noun.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX") and \
                head.lemma_.lower() in INCIDENT_VERBS and _reports_past_event(head) and head.tag_ in ("VBD", "VBN"):
            return True
        if noun.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in INCIDENT_VERBS and head.tag_ == "VBN" and \
                any(c.dep_ == "aux" and c.lower_ in ("have", "has", "had") for c in head.children):
            return True
        if noun.dep_ == "dobj" and head.lemma_.lower() in ("conduct", "carry", "launch", "stage", "mount") and \
                _reports_past_event(head):
            # "<demonym> forces conducted air strikes on houses"; but "Yasir organized and conducted
            # attacks" is what a person is known for, not an incident
            doer = next((c for c in head.children if c.dep_ == "nsubj"), None)
            if doer is None and head.dep_ == "conj":
                doer = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
            return doer is not None and (doer.lemma_.lower() in AGENT_NOUNS or doer.ent_type_ == "NORP" or any(
                a <= t.idx < b for t in doer.subtree for a, b, _n in doc.actor_spans))  # "<Group>'s special unit"
        return noun.dep_ == "dobj" and head.lemma_.lower() in ("report", "confirm") and \
            head.tag_ in ("VBD", "VBN", "VBP", "VBZ") and not any(c.dep_ == "neg" for c in head.children)

    def _agent(self, doc: Document, subject: Any | None) -> str | None:
        """Who a subject names: an actor of the registry inside it, else its words when they name
        people or forces ("gunmen", "<demonym> border guards"); "its forces" is the group named before."""
        if subject is None:
            return None
        sent = subject.sent
        dateline = _DATELINE_PREFIX.match(sent.text)
        if dateline and subject.idx < sent.start_char + dateline.end():
            # "CITY, Country (AP) — <group> militants attacked": the parser may make the
            # dateline's city the subject, with the real subject as its apposition.
            real = [t for t in subject.subtree if t.dep_ == "appos" and t.idx >= sent.start_char + dateline.end()]
            if not real:
                return None
            subject = real[0]
        if subject.lower_ in ("they", "it", "we") and subject.pos_ == "PRON":
            # "Police said they had arrested 25 suspects": the speaker is the doer
            speaker = next((c for a in subject.head.ancestors if a.lemma_.lower() in SAY_LEMMAS
                            for c in a.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
            if speaker is None or speaker.sent != subject.sent:
                return None
            subject = speaker
        tokens = list(subject.subtree)
        found = _actor_within(doc, tokens)
        if found:
            return found
        head = subject
        if head.lemma_.lower() not in AGENT_NOUNS and not (head.pos_ == "PROPN" and head.ent_type_ in ("ORG", "NORP")) \
                and not _named_group_plural(head):
            return None
        if head.lemma_.lower() in _MACHINES and not any(
                c.dep_ in ("compound", "amod", "poss", "nmod") and
                (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG") or c.lower_ in ("its", "their"))
                for c in head.children):
            return None  # "a drone targeted their vehicle": a machine nobody is said to own names no one
        if any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in head.children):
            before = [name for a_start, _e, name in doc.actor_spans if a_start < head.idx]
            return before[-1] if before else None
        if _named_group_plural(head):
            return str(head.text)  # "the <Sponsor>-backed <Name>s": the name, not what is said of it
        return _subject_text(_noun_phrase(head))

    def _lead_date(self, doc: Document) -> DateExpression | None:
        """The first day-precision date of the body (not the dateline's): news dates an event once,
        in the lead, and the sentences that detail it do not repeat the date."""
        dateline = _dateline_span(doc)
        for expression in doc.dates:
            if dateline and expression.start < dateline[1]:
                continue
            if expression.resolved and expression.precision == "day" and expression.sentence >= 0 and \
                    not _in_header(doc, expression.start):
                return expression
        return None

    def _detail_place(self, doc: Document, draft: _Draft, quoted: list[tuple[int, int]],
                             limit: int, told: bool = False) -> tuple[Place, str] | None:
        """The place a source's quoted account of the incident gives, among the event's sentences or
        in the two after them ('"The terrorists opened fire on a checkpoint in the <X> area," the statement
        said'): the incident's own spot, taken when it lies inside the event's province (or the
        event has none) and is more precise than what the event has. A quotation tells the incident
        when it has a verb or noun of violence; it adds no event of its own (see _quoted_toll).

        ``told``: the writer's own detail sentence instead ("... shelling in <Province>. Officials said
        the military fired 40 missiles in <X> district during the past 24 hours"), for an event placed
        in a province only, when the sentence names the means or act and no day of its own."""
        if doc.nlp is None or (not quoted and not told):
            return None
        sentences = list(doc.nlp.sents)
        first, last = draft.sentences[0], max(draft.sentences)
        for sent in sentences[first + 1:last + 3]:
            if sent.start_char >= limit:
                break
            the_incident = told and _THE_INCIDENT_WAS.search(sent.text) is not None
            if not the_incident and not any(
                    _inside(quoted, t.idx) != told and t.pos_ in ("NOUN", "VERB") and
                    t.lemma_.lower() in EVENT_NOUNS | KILL_LEMMAS | VIOLENCE_LEMMAS | _WEAPON_NOUNS | _ATTACKERS
                    for t in sent):
                continue
            if told and not the_incident and \
                    any(sent.start_char <= d.start < sent.end_char and d.precision == "day" for d in doc.dates):
                continue  # a day of its own: maybe another incident (not "the raid was conducted on Friday in <X>")
            best: tuple[Place, str] | None = None
            for start, end, place in doc.place_spans:
                if not (sent.start_char <= start < sent.end_char and _inside(quoted, start) != told) or \
                        place.kind in ("country", "ambiguous") or _not_where(doc, start, sent.start_char):
                    continue
                if draft.place is not None and (not _same_area(draft.place, place) or
                                                _place_rank(place) <= _place_rank(draft.place)):
                    continue
                if best is None or _place_rank(place) > _place_rank(best[0]):
                    best = (place, doc.text[start:end])
            if best is not None:
                return best
        return None

    def _names_unknown_place(self, doc: Document, draft: _Draft) -> bool:
        """Whether the event's first sentence says where it was by a name no place reading covers:
        a locative preposition ("in", "at", "near") with a proper name, not a date, an actor or a place
        found."""
        if doc.nlp is None:
            return False
        sentences = list(doc.nlp.sents)
        if draft.sentences[0] >= len(sentences):
            return False
        return _unknown_place_name(doc, sentences[draft.sentences[0]]) is not None

    def _place_before(self, doc: Document, offset: int,
                      countries: frozenset[str] = frozenset()) -> tuple[Place | None, str | None]:
        """The place the text last named before ``offset`` (news names the place once, in the
        lead, and the details that follow happen there); else the first place of the text. Where the
        event's own sentences name the country it happened in ("strikes on villages in southern
        <Country>"), only a place of that country."""
        chosen: tuple[int, int, Place] | None = None
        inner: tuple[int, int, Place] | None = None
        for span in doc.place_spans:
            if span[2].kind == "country" or _not_where(doc, span[0], 0) or \
                    _describes(doc, span[0]) or (countries and span[2].country_code not in countries):
                continue
            if span[0] < offset:
                # "<District> Local Government Area of <State>": the state named last holds the district
                # named just before it, which says more of where
                inner = chosen if chosen is not None and span[0] - chosen[1] <= 40 and \
                    _same_area(chosen[2], span[2]) and _place_rank(chosen[2]) > _place_rank(span[2]) else None
                chosen = span
            elif chosen is None:
                chosen = span
                break
        if chosen is None:
            return None, None
        if inner is not None and chosen[0] < offset:
            chosen = inner
        return chosen[2], doc.text[chosen[0]:chosen[1]]

    def _dated_by_period(self, doc: Document, verb: Any) -> bool:
        """A trigger whose own clause is dated by a period ("40 people had been killed ... since
        January") counts a trend, which the statistics step reports; it is not one event."""
        start, end = verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)
        clauses = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for t in verb.subtree for c in t.children
                   if c.dep_ in ("relcl", "ccomp", "advcl", "acl", "conj") and c.pos_ in ("VERB", "AUX")
                   and c is not verb]
        if any(start <= d.start < end and d.precision in ("range", "year", "decade") and not _short_since(d)
               and not any(a <= d.start < b for a, b in clauses) for d in doc.dates):
            return True
        # "Since May 1, forces have captured and killed a large number of leaders": the present
        # perfect with "since" tallies a period, also when the period cannot be resolved; but
        # "have been fighting since Wednesday evening" starts what is reported.
        perfect = any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in
                      [*verb.children, *(verb.head.children if verb.dep_ == "conj" else [])])
        # ("since May 1", or a clause: "have killed at least 200 former soldiers since they took power";
        # not one with a day: "have been fighting since militants attacked the base on Tuesday")
        since = any(t.lower_ == "since" and ((t.dep_ == "prep" and t.head.i in (verb.i, verb.head.i)) or
                                             (t.dep_ == "mark" and t.head.head.i in (verb.i, verb.head.i) and
                                              not any(t.head.left_edge.idx <= d.start <= t.head.right_edge.idx and
                                                      d.precision == "day" for d in doc.dates)))
                    for t in verb.sent)
        if perfect and _RECENT_PERIOD.search(doc.text[start:end]):
            return True  # "Similar attacks have killed dozens in the province in recent months": a tally
        return perfect and since and not any(start <= d.start < end and _short_since(d) for d in doc.dates)

    def _is_aggregate(self, doc: Document, sent: Any) -> bool:
        """A sentence dated only by a period ("in the 1990s", "since March", "this year") states a
        trend or history, not one event."""
        return any(sent.start_char <= d.start < sent.end_char and d.precision in ("year", "decade", "range")
                   and not _short_since(d) for d in doc.dates)

    def _object_is_place(self, doc: Document, verb: Any) -> bool:
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubjpass"):
                start, end = child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
                return (any(start <= s < end for s, _e, _p in doc.place_spans) and child.ent_type_ in (
                    "GPE", "LOC", "FAC")) or child.lemma_.lower() in PLACE_OBJECTS or child.lower_ in PLACE_OBJECTS
        return False

    def _roles(self, verb: Any) -> tuple[Any | None, Any | None]:
        """(agent, patient) of a trigger verb, in the active or the passive."""
        subject = patient = None
        # "CITY, Country — Two soldiers were killed": the parser may make the dateline's city a
        # second subject of the verb; a verb has one, the one nearest it
        children = list(verb.children)
        for dep in ("nsubj", "nsubjpass"):
            subjects = [c for c in children if c.dep_ == dep and c.i < verb.i]
            kept = subjects[-1] if subjects else None
            if len(subjects) >= 2 and _count_np(subjects[-1]) is None and _count_np(subjects[-2]) is not None:
                kept = subjects[-2]  # "Six people, all members of one family, were killed": the appositive counts none
            children = [c for c in children if c.dep_ != dep or c is kept]
        # "resulted in over 40 fighters killed", "left six soldiers killed", a headline's "<Source> says 10
        # soldiers killed": the participle of an outcome or of what is said, with a subject and no auxiliary
        # or object, is a passive, its subject who died
        outcome = verb.head.head if verb.dep_ == "pcomp" else verb.head
        reduced = verb.tag_ == "VBN" and verb.lemma_.lower() in KILL_LEMMAS and \
            verb.dep_ in ("advcl", "ccomp", "pcomp") and (outcome.lemma_.lower() in _OUTCOME_VERBS or (
                verb.dep_ == "ccomp" and outcome.lemma_.lower() in SAY_LEMMAS)) and \
            not any(c.dep_ in ("aux", "auxpass", "dobj") for c in children)
        for child in children:
            if child.dep_ == "nsubj":
                dies = _dies(verb) or reduced
                subject = child if not dies else None
                if dies:
                    patient = child
            elif (child.dep_ == "dobj" or child.dep_ == "nsubjpass") and patient is None:
                patient = child  # the first: an appositive the parser reads as a second object is not more people
            elif child.dep_ == "agent":
                subject = next((c for c in child.children if c.dep_ == "pobj"), subject)
        if subject is None and verb.dep_ in ("advcl", "conj", "xcomp"):
            head_subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
            subject = head_subject
        if patient is None and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _REPORTED_AS and (any(
                c.dep_ == "auxpass" for c in verb.children) or _dies(verb)):
            # "15 people were reported to have been killed", "two of the victims were said to have died":
            # the raised subject is the patient
            patient = next((c for c in verb.head.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if patient is None and verb.dep_ == "conj" and verb.tag_ == "VBN":
            # "was tortured and killed (by X)": the second verb shares the first one's patient
            patient = next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
            subject = subject or next((c for p_ in verb.head.children if p_.dep_ == "agent" for c in p_.children
                                       if c.dep_ == "pobj"), None)
        if patient is None and verb.tag_ == "VBN":
            # "Also killed in the strike were more than a dozen insurgents": the inverted passive's
            # subject follows its auxiliary, which the parser reads as the attribute of "were"
            patient = next((c for aux in verb.children if aux.dep_ == "auxpass" for c in aux.children
                            if c.dep_ == "attr" and c.i > aux.i), None)
        if verb.tag_ == "VBN" and verb.dep_ in ("pcomp", "advcl") and verb.head.lower_ in ("with", "without") and \
                subject is not None and patient is None:
            subject, patient = None, subject  # "with two people killed": the absolute participle's subject died
        if patient is None and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN") \
                and verb.head.lemma_.lower() not in EVENT_NOUNS:
            patient = verb.head  # "abducted, with one person killed": the participle's noun is who died
        if patient is not None and patient.pos_ == "PROPN":
            # "CITY, Country — At least 10 people were killed": the parser may make the dateline's
            # city the patient, with the people killed as its apposition
            sent = patient.sent
            dateline = _DATELINE_PREFIX.match(sent.text)
            if dateline and patient.idx < sent.start_char + dateline.end():
                patient = next((t for t in patient.children if t.dep_ == "appos" and
                                t.idx >= sent.start_char + dateline.end()), None)
        if patient is not None and patient.lower_ in ("them", "they") and patient.dep_ == "dobj":
            patient = None
        if subject is None and verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children):
            # "were killed in an attack by X": the doer of the event the passive happened in
            subject = next((agent for p_ in verb.children if p_.dep_ == "prep" and p_.lower_ in ("in", "during")
                            for n in p_.children if n.dep_ == "pobj" and n.lemma_.lower() in EVENT_NOUNS
                            for agent in _by_agents(n)), None)
        return subject, patient

    def _companions(self, verb: Any) -> list[Any]:
        """People counted with the patient through the verb: "killed X along with a number of Y"."""
        found: list[Any] = []
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("along", "together"):
                for grand in child.children:
                    if grand.lower_ == "with":
                        found += [c for c in grand.children if c.dep_ == "pobj"]
            if child.dep_ == "prep" and child.lower_ == "with" and child.i > 0 and \
                    verb.doc[child.i - 1].lower_ in ("along", "together"):  # "along" parsed as the verb's particle
                found += [c for c in child.children if c.dep_ == "pobj"]
        return found

    def _sentence_date(self, doc: Document, sent: Any) -> DateExpression | None:
        return self._event_date(doc, sent)[0]

    def _event_date(self, doc: Document, sent: Any) -> tuple[DateExpression | None, bool]:
        """The earliest day/week/month of the sentence ("confirmed today that ... was killed
        Friday" is Friday), and whether it is only the day of a report ("police said Thursday"):
        a report's day is used when the sentence has no other, and marked weak."""
        best: DateExpression | None = None
        said: DateExpression | None = None
        dateline = _dateline_span(doc)
        for expression in doc.dates:
            if dateline and dateline[0] <= expression.start < dateline[1]:
                continue
            if not sent.start_char <= expression.start < sent.end_char or not expression.resolved:
                continue
            if _WEEKDAY_ONLY.search(expression.text) and any(
                    0 <= other.start - expression.end <= 3 and other.precision == "day" for other in doc.dates):
                continue  # "on Tuesday, September 18": the calendar date says which day, not the weekday
            if _short_since(expression):
                expression = replace(expression, precision="day", period_end=expression.period_start)
            if expression.precision not in ("day", "week", "month"):
                continue
            if _said_on(doc, expression) or _bodies_found_on(doc, expression) or \
                    _AS_OF.search(doc.text[max(sent.start_char, expression.start - 12):expression.start]):
                # ("By Tuesday, the ministry said 23 had died": a figure as of then; "the bodies were found
                # on Sunday": when the dead were found)
                said = said or expression
                continue
            if _in_where_clause(doc, expression):
                continue  # "targeted in <X> district, where a bombing killed 43 people last week": another time
            if _SINCE_BEFORE.search(doc.text[max(sent.start_char, expression.start - 80):expression.start]):
                continue  # "the first blasts since US forces withdrew on 30 August": another time
            if _NAMES_ANOTHER.search(doc.text[max(sent.start_char, expression.start - 8):expression.start]) and \
                    re.match(r"\s+[a-z]", doc.text[expression.end:expression.end + 3]):
                continue  # "linked to the July 2 attack": a date that names another event, not this one's day
            if best is None or (_rank(expression), expression.period_start or date.max) < \
                    (_rank(best), best.period_start or date.max):
                best = expression
        if best is None and said is not None:
            return said, True
        return best, False

    def _sentence_place(self, doc: Document, sent: Any) -> tuple[Place | None, str | None]:
        best: tuple[Place, str] | None = None
        for start, end, place in doc.place_spans:
            if sent.start_char <= start < sent.end_char and place.kind != "country" and \
                    not _not_where(doc, start, sent.start_char) and not _outside_its_whole(doc, end, place) and \
                    (best is None or _place_rank(place) > _place_rank(best[0])):
                best = (place, doc.text[start:end])
        if best is None:
            return None, None
        return best

    # -- grouping -----------------------------------------------------------------------------------

    def _merge(self, drafts: list[_Draft], new: _Draft, text: str, lead: DateExpression | None = None) -> None:
        """Join ``new`` to the last event unless it tells another (see the module docstring);
        ``lead`` is the day an undated event will take (the lead's), compared like its own."""
        if not drafts:
            drafts.append(new)
            return
        last = drafts[-1]
        if new.means is not None and last.means is not None and new.means != last.means:
            drafts.append(new)  # "artillery fire and airstrikes": the second means is its own event
            return
        if last.means is not None and len(drafts) >= 2 and drafts[-2].means is not None and \
                last.sentences[0] in drafts[-2].sentences and _means_told(text) == {drafts[-2].means}:
            last = drafts[-2]  # "The shelling hit a house, killing five": a detail of the shelling
        came_back = False
        if new.date is not None and not new.weak_date and new.date.period_start is not None:
            # news comes back to an earlier incident ("On September 18, three explosions killed ..."
            # after the story of the 19th): the event of that day told just before, not a new one
            for earlier in reversed(drafts[-3:-1]):
                if earlier.date is not None and not earlier.weak_date and not earlier.summary and \
                        earlier.date.period_start == new.date.period_start and \
                        (last.date is None or last.date.period_start != new.date.period_start) and \
                        (earlier.place is None or new.place is None or _same_area(earlier.place, new.place)):
                    last = earlier
                    came_back = True
                    break
        if new.place is not None and last.place is not None and not _same_area(last.place, new.place):
            # "Two soldiers in <A> and three civilians in <B> died ... The two soldiers were killed by a
            # bomb in <region of A>": the region details the event placed only by its country
            for earlier in reversed(drafts[-3:-1]):
                if earlier.place is not None and earlier.place.kind == "country" and \
                        earlier.place.country_code == new.place.country_code and \
                        (new.date is None or new.weak_date or earlier.date is None or
                         earlier.date.period_start == new.date.period_start):
                    last = earlier
                    break
        last_date = last.date
        if last_date is None and lead is not None and lead.start < last.end:
            last_date = lead
        far = new.sentences[0] - last.sentences[-1] > MERGE_WINDOW
        other_place = new.place is not None and last.place is not None and (
            not _same_area(last.place, new.place) or
            (new.quarter is not None and last.quarter is not None and new.quarter != last.quarter))
        other_date = (new.date is not None and last_date is not None and not new.weak_date and
                      not last.weak_date and new.date.period_start != last_date.period_start) or \
            (new.weekday is not None and last.weekday is not None and new.weekday != last.weekday) or \
            _earlier_claim(new, last_date)
        if new.killed is None and new.detained is None and not other_place and _WHEN_IT_HAPPENED.search(text):
            other_date = False  # "The gunfight took place on Wednesday night": the day of the incident told
        if new.quoted_only or (_TOLL_NOW.search(text) and not other_place):
            # a source's words on the incident just told, or its toll as it stands ("On Saturday,
            # police said the death toll had risen to seven"), whatever day they name
            other_date = False
        aside = other_place and new.killed is None and new.detained is None and new.kinds <= {"violence"} and \
            bool(_BACK_REFERENCE.search(text))
        if aside:
            # "<Name>, the commander of <X> district, and several soldiers were injured in the
            # fighting": the wounded of the incident told, whatever place a title names
            other_place = False
        detail = last.summary and not new.summary and (new.killed is not None or new.detained is not None)
        if new.kinds == {"detain"} and "detain" not in last.kinds and last.kinds & {"kill", "violence"} and (
                (_state_side(new.actor1) and last.actor1 is not None and not _state_side(last.actor1)) or
                _ARRESTED_OVER.search(text)):
            detail = True  # "Gunmen killed 15 ... Police said they had arrested three suspects": another act
        if new.target is not None and not came_back and not new.quoted_only and not _ADDITIVE.search(text) and \
                (last.kinds & {"kill", "violence"}) and \
                not any(re.search(rf"(?i)\b{re.escape(new.target)}", t) for t in last.texts) and \
                not _same_people(last, new):
            # (the dead a headline counted, told again with what was attacked, are that attack's)
            detail = True  # "ISIS militants attacked a police detachment" after a post's attack: another attack
        repeated = bool(_REPEATED_BLAST.search(text)) and not new.elsewhere and new.place is None and \
            not _NEW_INCIDENT.search(_REPEATED_BLAST.sub(" ", text))
        if _TURN_OPENER.match(text) and not new.quoted_only and (
                _FRESH_INCIDENT.search(text) or (_FRESH_ARREST.search(text) and not _ADDING.match(text))):
            detail = True  # "Later that day, militants attacked a checkpoint ...": what the day brought next
        if _opens_elsewhere(text, last, new) or _at_unknown_place_elsewhere(last, new):
            detail = True  # "In <Town>, two soldiers were killed when a roadside bomb struck their vehicle"
        if far or other_place or other_date or detail or (_NEW_INCIDENT.search(text) and not repeated and
                                                          not _TOLL_NOW.search(text)):
            if other_place and not (far or other_date or detail):
                _hand_over(last, new)
            drafts.append(new)  # a detail of a summary lead is its own event (see _resolve_summaries)
            return
        # ("two more soldiers died of their wounds, bringing the toll to 10": the toll now, not more dead)
        more_words = bool(_ADDITIVE.search(_SOURCES_TOO.sub(" ", text))) or bool(_WOUNDED_DIED.search(text))
        additive = (more_words or repeated or new.new_group) and not new.quoted_only and not _TOLL_NOW.search(text)
        if new.place is not None and not additive:
            for kind, attribute in (("kill", "killed"), ("detain", "detained")):
                count = getattr(new, attribute)
                if last.pending.get(kind) and count:
                    last.placed[kind] = last.placed.get(kind, 0) + count  # "<A> was arrested in <X>"
        for kind, attribute in (("kill", "killed"), ("detain", "detained")):
            # The same people named again ("captured a facilitator and several insurgents" ...
            # "they also detained several insurgents") are not more people, "also" or not.
            nouns = new.victims.get(kind, {})
            before = last.victims.setdefault(kind, {})
            restated = bool(nouns) and all(_named_before(noun, number, before) for noun, number in nouns.items()) \
                and not _COUNT_MORE.search(text) and not _WOUNDED_DIED.search(text)
            mine, theirs = last.sources.get(kind, set()), new.sources.get(kind, set())
            # "Several other insurgents were killed in the strike" ... "the commander was killed":
            # the one the others were counted apart from
            the_one = kind == "kill" and last.others and sum(nouns.values()) == 1 and \
                not any(noun == old for noun, _a in nouns for old, _b in before)
            if kind == "kill" and not additive and (_other_side(nouns, before) or the_one or
                                                    _perpetrators_killed(nouns, before, last.actor1)):
                # "killing seven officers" ... "Four attackers were killed in the ensuing gunfight":
                # the dead of the other side are more dead, whatever words mark it
                setattr(last, attribute, _combine(getattr(last, attribute), getattr(new, attribute), True))
            elif kind == "kill" and mine and theirs and not (mine & theirs) and not additive and \
                    not _UPDATE.search(text) and _same_kind(nouns, before) and \
                    getattr(last, attribute) is not None and getattr(new, attribute) is not None:
                setattr(last, attribute, min(getattr(last, attribute), getattr(new, attribute)))  # sources differ
            else:
                setattr(last, attribute, _combine(getattr(last, attribute), getattr(new, attribute),
                                                  additive and not restated))
            last.sources.setdefault(kind, set()).update(theirs)
            for noun, number in nouns.items():
                before[noun] = max(before.get(noun, 0), number) if restated else before.get(noun, 0) + number
        for kind, attribute in (("kill", "killed"), ("detain", "detained")):
            if getattr(new, attribute):
                last.details.setdefault(kind, []).append(getattr(new, attribute))
        last.others = last.others or new.others
        if new.summary and not last.summary and _same_people(last, new):
            last.summary = True  # a headline's toll, then the lead that says it sums up several operations
        last.kinds |= new.kinds
        last.sentences += new.sentences
        last.texts += new.texts
        last.end = max(last.end, new.end)
        if last.date is None or (last.weak_date and new.date is not None and not new.weak_date):
            last.date, last.weak_date = new.date, new.weak_date
        if new.place is not None and not aside and (last.place is None or
                                                    _place_rank(new.place) > _place_rank(last.place)):
            last.place, last.place_text = new.place, new.place_text
        # one actor is never on both sides: a name the event already has is not its other side
        if last.actor1 is None and new.actor1 != last.actor2:
            last.actor1 = new.actor1
        if last.actor2 is None:
            # the other side: the new sentence's second actor, else its first when the event
            # already has its second as the first ("Clashes between <A> and <B>" ... "<B> killed <A>")
            # ("The attackers also burned homes" after "Gunmen killed 30 villagers" names the
            # same side again in plainer words: not the other side)
            last.actor2 = next((a for a in (new.actor2, new.actor1) if a is not None and a != last.actor1 and
                                not (a is new.actor1 and _same_side_again(last.actor1, a))), None)
        last.weekday = last.weekday or new.weekday
        last.quarter = last.quarter or new.quarter
        last.means = last.means or new.means  # a headline's "shelling", then "shelling and airstrikes"

    def _finish(self, doc: Document, draft: _Draft) -> Event:
        date_expr = draft.date
        if date_expr is not None:
            event_date, precision, date_end = date_expr.period_start, date_expr.precision, date_expr.period_end
        elif doc.published is not None:
            # Undated: news reports what happened in the days before publication; the publication
            # day is the date, with week precision (ACLED's time_precision 2) to say it is not exact.
            event_date, precision, date_end = doc.published, "week", doc.published
        else:
            event_date, precision, date_end = None, None, None
        place = draft.place
        first = doc.sentences[draft.sentences[0]] if draft.sentences[0] < len(doc.sentences) else None
        return Event(
            date=event_date, date_precision=precision, event_type=None, sub_event_type=None,
            actor1=draft.actor1, actor2=draft.actor2 if draft.actor2 != draft.actor1 else None,
            admin1_code=place.admin1_code if place else None,
            admin2=place.admin2 if place else None,
            location=place.name if place else None,
            fatalities=draft.killed, detained=draft.detained,
            sentence=first.text if first else draft.texts[0], start=first.start if first else draft.start,
            end=first.end if first else draft.end,
            admin1=place.admin1 if place else None, admin2_pcode=place.admin2_pcode if place else None,
            lat=place.lat if place else None, lon=place.lon if place else None,
            date_end=date_end,
        )

    def _told_with(self, doc: Document, draft: _Draft, drafts: list[_Draft]) -> str:
        """The event's text with what news copy says next about how it was done ("officials said
        roadside bombs hit the convoy"): up to two sentences after its last, never into the next event."""
        following = [d.start for d in drafts if d.start > draft.start]
        limit = min(following) if following else len(doc.text)
        last = draft.sentences[-1] + 2
        end = doc.sentences[last].end if last < len(doc.sentences) else len(doc.text)
        return doc.text[draft.start:max(draft.end, min(end, limit))]

    def _type(self, doc: Document, drafts: list[_Draft]) -> None:
        results: list[Any] = [None] * len(drafts)
        if self.use_classifier and drafts:
            from ruydad.extract.classify import classify_many

            results = list(classify_many([" ".join(d.texts) for d in drafts]))
        for event, draft, result in zip(doc.events, drafts, results, strict=True):
            rule_type, rule_sub = _rule_type(draft)
            event_type = getattr(result, "event_type", None)
            sub = getattr(result, "sub_event_type", None)
            violent = draft.killed or "kill" in draft.kinds or "violence" in draft.kinds
            peaceful_label = event_type == "Strategic developments" or (
                event_type == "Protests" and sub != "Excessive force against protesters")
            # an arrest type holds a raid that also killed no one; dead make it the violence it was
            if event_type not in _ACLED_TYPES or (violent and peaceful_label and
                                                  ("detain" not in draft.kinds or draft.killed)):
                event_type, sub = rule_type, rule_sub
            told, told_with = " ".join(draft.texts), self._told_with(doc, draft, drafts)
            cue = _cue_type(draft, told_with)
            if cue is not None:
                event_type, sub = cue
            elif event_type == "Violence against civilians" and _FIGHTING.search(told):
                event_type, sub = "Battles", "Armed clash"  # two armed sides fought: not a one-sided attack
            elif event_type == "Explosions/Remote violence" and sub in _CLOSE_EXPLOSIVES and \
                    _FIGHTING.search(told) and _armed_dead_only(draft):
                event_type, sub = "Battles", "Armed clash"  # a bomb in a fight: the fight, as ACLED codes it
            elif event_type == "Violence against civilians" and _armed_dead_only(draft):
                event_type, sub = "Battles", "Armed clash"  # "stormed a police station, killing eight policemen"
            elif (sub == "Non-state actor overtakes territory" and "territory" not in draft.kinds) or \
                    (sub == "Government regains territory" and "regain" not in draft.kinds):
                event_type, sub = rule_type, rule_sub
            if draft.means is not None:
                event_type, sub = "Explosions/Remote violence", draft.means
            if "regain" in draft.kinds and not draft.killed:
                event_type, sub = "Battles", "Government regains territory"
            if event_type == "Battles" and _civilians_a_side(doc, event) and \
                    not _FIGHT_BETWEEN.search(told):
                # ACLED's battle has two armed sides: civilians struck by one are its attack or its shelling
                remote = getattr(result, "event_type", None) == "Explosions/Remote violence"
                event_type, sub = (result.event_type, result.sub_event_type) if remote else \
                    ("Violence against civilians", "Attack")
            if event_type == "Violence against civilians" and sub == "Attack":
                # civilians hit by rockets, shells, bombs or aircraft are ACLED's remote violence, whatever
                # the aim: the weapon is often told only in the sentences after ("rockets hit the area")
                sub = _remote_weapon(told_with) or sub
                event_type = "Explosions/Remote violence" if sub != "Attack" else event_type
            event.event_type, event.sub_event_type = event_type, sub
            event.confidence = getattr(result, "confidence", None)


_FIGHT_BETWEEN = re.compile(
    r"(?i:\b(?:clash(?:es)?|fighting|battles?|gunfights?|firefights?|skirmish(?:es)?|exchanges? of fire)\s+"
    r"between\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,4}?\s+and\s+(?:the\s+)?[\w'’-]+)")
"""Fighting the text says was between two sides ("clashes between militants and paramilitary forces"):
ACLED's battle, whoever else was killed in it."""


def _civilians_a_side(doc: Document, event: Event) -> bool:
    """One of the event's two actors is civilians (the registry's category), not an armed side."""
    return "Civilians" in (doc.category_of(event.actor1), doc.category_of(event.actor2))


HISTORY_DAYS = 365
"""An event that ended more than this long before publication is the story's background (a
leader's record, an old attack), not a reported event."""


def _is_history(doc: Document, draft: _Draft) -> bool:
    if doc.published is None or draft.date is None or draft.date.period_end is None:
        return False
    return (doc.published - draft.date.period_end).days > HISTORY_DAYS


SAY_LEMMAS = frozenset({"say", "tell", "report", "confirm", "announce", "add", "emerge", "state", "claim", "note",
                        "mark", "tweet", "post", "write", "quote", "complain", "accuse", "condemn", "blame",
                        "allege", "deny", "protest"})
_NOT_WHERE = re.compile(
    r"(?i:(?:\bfrom|\bresidents?\s+of|\bnatives?\s+of|\bpeople\s+of|\banniversary\s+of|\bfall\s+of|"
    r"\btaking\s+of|\btakeover\s+of|\bcapture\s+of|\btook\s+over|\bsince|"
    r"\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|\b(?:kilomet(?:re|er)s?|km|miles)\s+(?:from|of)|"
    r"\bwith\s+the\s+(?:adjacent|neighbou?ring|bordering)|\b(?:hospitals?|clinics?|morgue|mortuary)\s+(?:in|of|at))"
    r"\s+(?:the\s+|their\s+|its\s+)?(?:(?:north|south|east|west|central)(?:-?(?:east|west))?(?:ern)?\s+)?"
    r"(?:(?:city|capital|province)\s+of\s+)?$)")
"""Words before a place that make it not where the event was: a reference point ("the valley
north of the capital", "40 km from X"), origin ("a man from Kapisa", "civilians from eastern <X>",
"residents of Kapisa") and background ("the anniversary of their taking of the capital", "since the
fall of the capital")."""


_TAKE_LEMMAS = DETAIN_LEMMAS | frozenset({"abduct", "kidnap", "take", "seize", "snatch", "pick", "remove", "drag",
                                         "round"})
"""Verbs of taking people away: "detained a man from his shop", "abducted two teachers from a school"."""
_NAMING_LEMMAS = frozenset({"name", "call", "identify", "know"})


_PART_OF = re.compile(r"(?i:^\s+(?:area|areas|village|valley|region|locality|neighbourhood|neighborhood)?\s*"
                      r"(?:of|in)\s+(?:the\s+)?$)")


def _outside_its_whole(doc: Document, end: int, place: Place) -> bool:
    """A place the text names as part of the next one ("the <X> area of <Y> district", "<X>
    village in <Y> province") that the gazetteer puts outside that district or province: the
    gazetteer's <X> is another place of the same name, and the whole the text names is where it was."""
    for start, _end, whole in doc.place_spans:
        if start < end or start - end > 30 or not _PART_OF.match(doc.text[end:start]):
            continue
        if whole.kind not in ("admin1", "admin2") or whole.admin1_code is None:
            return False
        if place.admin1_code != whole.admin1_code:
            return True
        return whole.kind == "admin2" and bool(place.admin2_pcode and whole.admin2_pcode) and \
            place.admin2_pcode != whole.admin2_pcode
    return False


def _countries_named(doc: Document, draft: _Draft) -> frozenset[str]:
    """The countries the event's own sentences name as places ("villages in southern <Country>")."""
    return frozenset(place.country_code for start, _end, place in doc.place_spans if place.kind == "country" and
                     place.country_code and any(s <= start < e for s, e in _sentence_spans(doc, draft)))


def _sentence_spans(doc: Document, draft: _Draft) -> list[tuple[int, int]]:
    sentences = doc.sentences
    return [(sentences[i].start, sentences[i].end) for i in draft.sentences if i < len(sentences)]


def _not_where(doc: Document, start: int, floor: int) -> bool:
    """Whether the words before the place at ``start`` (not before ``floor``) make it not where the
    event was (:data:`_NOT_WHERE`). "from" is the place of an arrest or abduction when it goes with
    the verb of taking ("detained a civilian named <Name> from <Town>", "abducted two teachers from
    <Village>": where they were taken), not origin ("a man from <Town>", "originally from")."""
    end = next((e for s_, e, _p in doc.place_spans if s_ == start), None)
    if end is not None and re.match(r"[-‐‑]based\b", doc.text[end:end + 8]):
        return True  # "a <City>-based group": where the group has its base, not where it struck
    if not _NOT_WHERE.search(doc.text[max(floor, start - 40):start]):
        return False
    return not _taken_from(doc, start)


def _taken_from(doc: Document, start: int) -> bool:
    if doc.nlp is None or not re.search(r"(?i:\bfrom\s+(?:the\s+|their\s+|its\s+|his\s+|her\s+)?$)",
                                        doc.text[max(0, start - 20):start]):
        return False
    span = doc.nlp.char_span(start, start + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    token = span[0]
    while token.dep_ in ("compound", "amod", "nmod") and token.head.i != token.i:
        token = token.head
    preposition = token.head
    if preposition.lower_ != "from" or preposition.pos_ != "ADP" or re.search(
            r"(?i:\b(?:originally|born|hails?|hailing|natives?|come|comes|came|coming)\s+$)",
            doc.text[max(0, preposition.idx - 12):preposition.idx]):
        return False  # "a soldier originally from <X>", "who hails from <X>": origin
    head = preposition.head
    # up through the taken person's noun and "named <Name>" to the verb
    while head.head.i != head.i and (head.pos_ in ("NOUN", "PROPN") or (
            head.pos_ == "VERB" and head.lemma_.lower() in _NAMING_LEMMAS and head.dep_ == "acl")) and \
            head.dep_ in ("dobj", "nsubjpass", "acl", "oprd", "appos", "compound", "conj"):
        head = head.head
    return head.pos_ == "VERB" and head.lemma_.lower() in _TAKE_LEMMAS and not any(
        c.dep_ == "prep" and c.lower_ in ("in", "at", "inside") for c in head.children)


_AS_OF = re.compile(r"(?i:\b(?:by|as\s+of)\s+(?:late\s+|early\s+)?$)")
"""A day that dates a figure as it then stood ("By Tuesday, 23 had died"), not when the incident was."""
_WEEKDAY_ONLY = re.compile(r"(?i)^(?:on\s+|last\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$")
_NAMES_ANOTHER = re.compile(r"(?i:\b(?:the|an?|its|their|his|her|this|that)\s+$)")
_SINCE_BEFORE = re.compile(r"(?i:\bsince\b[^,.;:]{3,80}$)")


def _describes(doc: Document, offset: int) -> bool:
    """A place in a sentence in the present tense describes someone ("the leader operates in X",
    "provides support between Kandahar City and the Herat area"); it is not where an event was."""
    if doc.nlp is None:
        return False
    first_line = doc.text.split("\n", 1)[0].strip()
    if offset < len(doc.text.split("\n", 1)[0]) and "\n" in doc.text and len(first_line.split()) <= 20 and \
            not first_line.endswith((".", "!", "?")):
        return False  # a headline tells what happened in the present tense ("Explosions kill 30 in the capital")
    span = doc.nlp.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span[0].sent.root
    return root.tag_ in ("VBZ", "VBP") and not any((c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBN"))
                                                     or c.lower_ in ("has", "have") for c in root.children)


LAPSE_UNSAID = -2
"""How many days before for "days after" / "hours after": more than none, not said."""
_DAYS_BEFORE = {"a day": 1, "one day": 1, "the day": 1, "two days": 2, "three days": 3, "a week": 7, "one week": 7}


def _sentence_has_trigger_date(doc: Document, span: Any) -> bool:
    """Whether a span gives any date of its own."""
    return any(span.start_char <= d.start < span.end_char for d in doc.dates)


def _split_days_after(sent: Any, doc: Document | None = None) -> tuple[Any, Any | None, int]:
    """A sentence that tells an event "a day after" another ("a bomb hit a truck on Sunday, a day
    after two people were killed in blasts"), or arrests after an incident whose clause has its own
    doer and violence ("police arrested two suspects after gunmen killed an officer"): the main clause
    and the earlier event's clause, with how many days before it was (-1: not said); (sentence,
    None, 0) when there is none."""
    for token in sent:
        if token.lower_ != "after" or token.i - sent.start < 3:
            continue
        before = sent.doc[token.i - 2:token.i].text.lower()
        days = _DAYS_BEFORE.get(before)
        if days is None and sent.doc[token.i - 1].lower_ in ("days", "hours", "weeks", "months", "month") and \
                token.dep_ in ("prep", "mark") and sent.doc[token.i - 1].dep_ == "npadvmod":
            # "The attack came days after a suicide bomber targeted ...", "comes months after a bombing
            # killed the police chief": another, earlier incident
            days = LAPSE_UNSAID
        if days is None:
            continue
        if not any(t.pos_ == "VERB" for t in sent.doc[token.i + 1:sent.end]):
            continue  # "a day after the vote": no event told
        start = token.i - 2
        return sent.doc[sent.start:start], sent.doc[start:sent.end], days
    triggers = KILL_LEMMAS | VIOLENCE_LEMMAS | DETAIN_LEMMAS
    for token in sent:
        # "Police arrested two suspects on Tuesday after gunmen killed an officer on Monday": an
        # act told after another incident that the clause tells with its own doer (how many days
        # before is not said: -1)
        if token.lower_ != "after" or token.dep_ != "mark" or token.i - sent.start < 3:
            continue
        verb = token.head
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in triggers or verb.i < token.i or not (
                verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children))):
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        main = sent.doc[sent.start:token.i]
        clause = sent.doc[token.i:verb.right_edge.i + 1]
        if doc is not None and _days_apart(doc, main, clause):
            # "The rebels clashed with the militia on 2 August after militia members killed five
            # civilians on 31 July": two incidents, each on its own day
            return main, clause, -1
        if verb.lemma_.lower() in DETAIN_LEMMAS or not any(
                t.pos_ == "VERB" and t.lemma_.lower() in DETAIN_LEMMAS and t.tag_ in ("VBD", "VBN") for t in main):
            # "eight policemen were killed after militants stormed a checkpoint", "residents fled
            # after gunmen killed five": one incident, told with what it brought
            continue
        return main, sent.doc[token.i:verb.right_edge.i + 1], -1
    return sent, None, 0


def _split_reprisal(sent: Any) -> tuple[Any, Any | None]:
    """A sentence that tells an incident and, in a clause with a doer of its own, arrests that answered
    it ("Four fighters were killed in an attack last night, while the other side retaliated by arresting
    four civilians"): the main clause and the arrests' clause; (sentence, None) when there is none."""
    for token in sent:
        if token.lower_ not in ("while", "whereas") or token.dep_ != "mark" or token.i - sent.start < 3:
            continue
        verb = token.head
        if verb.i < token.i or verb.tag_ != "VBD" or not any(c.dep_ == "nsubj" for c in verb.children):
            continue
        arrest = verb if verb.lemma_.lower() in DETAIN_LEMMAS else next(
            (t for p_ in verb.children if p_.dep_ == "prep" and p_.lower_ == "by" for t in p_.children
             if t.dep_ == "pcomp" and t.lemma_.lower() in DETAIN_LEMMAS), None)
        if arrest is None or verb.lemma_.lower() not in DETAIN_LEMMAS | {"retaliate", "respond", "react"}:
            continue
        main = sent.doc[sent.start:token.i]
        if not any(t.lemma_.lower() in KILL_LEMMAS | VIOLENCE_LEMMAS and t.pos_ == "VERB" for t in main):
            continue
        return main, sent.doc[token.i:verb.right_edge.i + 1]
    return sent, None


def _days_apart(doc: Document, main: Any, clause: Any) -> bool:
    """Whether two parts of a sentence each give a day of their own, and the days differ."""
    def days(span: Any) -> set[date]:
        return {d.period_start for d in doc.dates if span.start_char <= d.start < span.end_char and
                d.precision == "day" and d.period_start is not None and not _said_on(doc, d)}

    mine, theirs = days(main), days(clause)
    return bool(mine) and bool(theirs) and not (mine & theirs)


def _refers_back(span: Any) -> bool:
    """A clause whose subject points back to the incident told ("This operation came a day after
    ...", "The attack came two days after ..."), however many detail sentences came between."""
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.lemma_.lower() in EVENT_NOUNS | {"operation", "it"} and
               (t.lower_ == "it" or any(c.lower_ in ("this", "that", "the") for c in t.children)) for t in span)


def _in_headline(doc: Document, offset: int) -> bool:
    """In a headline: the first line of a longer text, short and without a full stop."""
    first_line = doc.text.split("\n", 1)[0]
    stripped = first_line.strip()
    return "\n" in doc.text and offset < len(first_line) and 0 < len(stripped.split()) <= 20 and \
        not stripped.endswith((".", "!", "?"))


def _named_group_plural(head: Any) -> bool:
    """A group named by its members' plural, with the article: "the <Name>s" (not a demonym: "the
    <Demonym>s" are a country's people, whose forces the actors step names)."""
    from ruydad.extract.actors import _country_name

    text = head.text
    return head.tag_ in ("NNPS", "NNP") and text.endswith("s") and not text.endswith("ss") and text[:1].isupper() \
        and len(text) > 3 and \
        any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) and \
        _country_name(text[:-1]) is None and _country_name(text) is None


def _between_sides(noun: Any) -> list[Any]:
    """The two sides an event noun names ("fighting/clashes between <X> and <Y>"): who fought, not
    the dead the verb after it counts."""
    if noun.lemma_.lower() not in EVENT_NOUNS | {"fight", "fighting"}:
        return []
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "between":
            first = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if first is not None:
                return [first, *(c for c in first.children if c.dep_ == "conj")][:2]
    return []


def _by_agents(noun: Any) -> list[Any]:
    """Who an event noun names as its doer: "an attack by X", "a massacre committed / carried out by X"."""
    found = [c for p_ in noun.children if p_.dep_ == "prep" and p_.lower_ == "by"
             for c in p_.children if c.dep_ == "pobj"]
    for participle in noun.children:
        if participle.dep_ == "acl" and participle.tag_ == "VBN":
            found += [c for p_ in participle.children if p_.dep_ == "agent" or (p_.dep_ == "prep" and p_.lower_ == "by")
                      for c in p_.children if c.dep_ == "pobj"]
    return found


_LOOT_LEMMAS = frozenset({"loot", "plunder", "ransack", "pillage", "vandalize", "vandalise"})
_BURN_LEMMAS = frozenset({"torch", "burn", "raze", "demolish", "destroy"})
_PROPERTY = frozenset({
    "house", "home", "shop", "store", "vehicle", "car", "truck", "market", "village", "school", "church", "mosque",
    "crop", "building", "property", "office", "hut", "granary", "warehouse", "clinic", "hospital", "farm",
    "compound", "dwelling", "livestock", "bank", "station",
})


def _destroys_property(verb: Any) -> bool:
    """Looting or destroying property ("looted shops", "torched houses", "set fire to the market"):
    ACLED's Looting/property destruction when nobody is hurt."""
    lemma = verb.lemma_.lower()
    if lemma in _LOOT_LEMMAS:
        return True
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if lemma == "set" and any(c.dep_ == "dobj" and c.lower_ == "fire" for c in verb.children):
        objects = [g for p_ in verb.children if p_.dep_ == "prep" and p_.lower_ in ("to", "on")
                   for g in p_.children if g.dep_ == "pobj"]
    elif lemma not in _BURN_LEMMAS:
        return False
    return any(o.lemma_.lower() in _PROPERTY or any(c.lemma_.lower() in _PROPERTY for c in o.conjuncts)
               for o in objects)


_FOUND_LEMMAS = frozenset({"find", "discover", "recover", "retrieve", "dump", "uncover", "pull", "exhume"})


def _bodies_found(noun: Any) -> bool:
    """"The bodies of 12 men were found", "police recovered 12 bodies": people killed, found."""
    head = noun.head
    return noun.dep_ in ("nsubjpass", "dobj", "nsubj") and head.pos_ == "VERB" and \
        head.lemma_.lower() in _FOUND_LEMMAS and head.tag_ in ("VBD", "VBN") and \
        not any(c.dep_ == "neg" for c in head.children) and \
        not any(c.dep_ == "aux" and (c.lower_ in MODALS or c.lower_ == "to") for c in head.children)


_OUTCOME_VERBS = frozenset({"result", "lead", "cause", "leave", "bring"})


def _outcome_of_event(noun: Any) -> bool:
    """"death(s)" as what something that happened brought about ("the clash resulted in the death
    of six fighters", "causing the deaths of 12 people"), not a death mourned or investigated."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif noun.dep_ != "dobj":
        return False
    if head.pos_ != "VERB" or head.lemma_.lower() not in _OUTCOME_VERBS or head.tag_ in ("VB", "VBZ", "VBP"):
        return False
    return not any(c.dep_ == "neg" or (c.dep_ == "aux" and (c.lower_ in MODALS or c.lower_ == "to"))
                   for c in head.children) and not any(a.lemma_.lower() in BACKGROUND_LEMMAS for a in head.ancestors)


_OTHER_ONE = frozenset({"another", "second", "third", "fourth", "separate", "further"})


def _another_operation(noun: Any) -> bool:
    """"Another operation occurred in <Place>", "A second operation took place ...": a press release
    moving on to its next operation (an operation told with no more words is no incident)."""
    return noun.lemma_.lower() == "operation" and noun.dep_ in ("nsubj", "nsubjpass") and \
        noun.head.lemma_.lower() in ("occur", "take", "happen") and \
        any(c.lower_ in _OTHER_ONE for c in noun.children if c.dep_ in ("det", "amod"))


def _aimed_at(verb: Any) -> bool:
    """"<a blast / the attack / at least one (of them)> was aimed at <X>": the incident's target,
    the other side when X names an actor (not "talks aimed at a ceasefire"; "it was aimed at" only
    after a sentence that names an incident, not after "the decree")."""
    if verb.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in verb.children) or not _reports_past_event(verb):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None:
        return False
    if subject.lemma_.lower() in EVENT_NOUNS | _EXPLOSIVE_NOUNS:
        return True
    # "it", "(at least) one": an incident the sentence before names ("three blasts struck ...")
    sent = verb.sent
    before = verb.doc[sent.start - 1].sent if sent.start > 0 else None
    return (subject.pos_ == "NUM" or subject.lower_ in ("it", "one")) and before is not None and any(
        t.lemma_.lower() in EVENT_NOUNS | _EXPLOSIVE_NOUNS for t in before)


_WEAPON_NOUNS = _EXPLOSIVE_NOUNS | EVENT_NOUNS | frozenset({"missile", "drone", "projectile", "bullet", "round"})


_CLOSE_EXPLOSIVES = frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"})
"""Explosives set off where the sides meet, unlike shells and air strikes fired from afar."""
_ATTACKERS = frozenset({"gunman", "attacker", "assailant", "raider", "kidnapper", "abductor", "bomber", "operation"})
"""Nouns only an attack or a raid has ("unknown gunmen entered the camp", "the operation focused on areas
near <Town>"): a detail sentence with one tells the incident."""
_ARMED_PLAIN_WORDS = frozenset({
    "attacker", "attackers", "assailant", "assailants", "gunman", "gunmen", "militant", "militants", "insurgent",
    "insurgents", "fighter", "fighters", "terrorist", "terrorists", "jihadist", "jihadists", "bandit", "bandits",
    "raider", "raiders", "kidnapper", "kidnappers", "abductor", "abductors", "rebel", "rebels", "extremist",
    "extremists"})


def _same_side_again(actor1: str | None, actor: str) -> bool:
    """``actor`` only names armed men in plain words ("the attackers", "gunmen") while the event's
    first side is already armed men who are not the state's forces: the same side told again."""
    words = actor.lower().removeprefix("the ").split()
    if not words or words[-1] not in _ARMED_PLAIN_WORDS or any(w[:1].isupper() for w in actor.split()[1:]):
        return False
    return actor1 is not None and not actor1.startswith(("Military Forces of", "Police Forces of"))


_TARGET_NOUNS = frozenset({
    "base", "convoy", "post", "outpost", "station", "checkpoint", "vehicle", "camp", "barracks", "headquarters",
    "patrol", "compound", "office", "car", "truck", "bus", "building", "position", "garrison", "installation"})


def _owns_target(doc: Document, offset: int) -> bool:
    """The actor named at ``offset`` only says whose place or vehicle it is ("a military base", "a
    police vehicle", "an army convoy"), and the sentence names no one who did it there: the target."""
    if doc.nlp is None:
        return False
    span = doc.nlp.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    token = span[0]
    while token.dep_ == "compound" and token.head.pos_ == "PROPN":
        token = token.head
    head = token.head
    return token.dep_ in ("compound", "amod", "nmod") and head.pos_ == "NOUN" and head.lemma_.lower() in _TARGET_NOUNS \
        and head.dep_ in ("pobj", "dobj", "nsubjpass")


def _hit_by_weapon(verb: Any) -> bool:
    """"a bomb / an airstrike / a rocket hit <X>", "<X> was hit by a missile": a strike, not "the
    town was hit by floods" or "prices hit a record"."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"] + \
        [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return any(d.lemma_.lower() in _WEAPON_NOUNS for d in doers)


_WOUND_LEMMAS = frozenset({"wound", "injure", "hurt", "maim"})


def _with_wounded(verb: Any) -> bool:
    """A killing verb joined to a wounding one that shares its patient ("were killed and injured",
    "killed or wounded 14 people"): the figure counts casualties, the dead among them unknown."""
    def own_people(token: Any) -> bool:
        # "were killed and nearly two dozen injured": the parser may hang the second count on the
        # participle as a bare number; it still counts other people
        # ("were killed and several more injured": "more" or a vague count hung on the participle)
        return any(c.dep_ in ("nsubjpass", "dobj", "nsubj") or (c.i < token.i and (
            c.like_num or c.pos_ == "NUM" or c.lower_ in ("more", "others") or c.lower_ in VAGUE_COUNTS))
                   for c in token.children)

    if any(c.dep_ == "conj" and c.lemma_.lower() in _WOUND_LEMMAS and not own_people(c) for c in verb.children):
        return True  # "were killed and injured"
    return verb.dep_ == "conj" and verb.head.lemma_.lower() in _WOUND_LEMMAS and not own_people(verb)


def _under_dateline(token: Any) -> bool:
    """A past trigger the parser hung on the dateline's place name ("CITY: At least 31 people
    were killed ...", parsed as a relative clause of CITY): the sentence's main verb, so it reports
    the event when it is not negated, under a modal or "to", or background."""
    head = token.head
    if token.dep_ not in ("relcl", "acl", "appos", "ccomp") or head.pos_ != "PROPN" or head.i >= token.i or \
            head.i - head.sent.start > 12 or token.tag_ not in ("VBD", "VBN"):
        return False  # ("CITY [Country], Month D (Agency): ...": the parser's head is the agency's name)
    if not any(t.text in ("—", "–", "--") or t.text.endswith(":") for t in token.doc[head.i + 1:token.i]):
        return False
    return not any(c.dep_ == "neg" or (c.dep_ == "aux" and (c.lower_ in MODALS or c.lower_ == "to"))
                   for c in token.children) and not any(a.lemma_.lower() in BACKGROUND_LEMMAS for a in token.ancestors)


def _headline_verb(doc: Document, token: Any) -> bool:
    """A headline tells what happened in the present tense ("Shelling kills five villagers"): its
    present-tense trigger reports a past event, unless negated or under a modal or "to"."""
    if token.tag_ not in ("VBZ", "VBP") or not _in_headline(doc, token.idx):
        return False
    return not any(c.dep_ == "neg" or (c.dep_ == "aux" and (c.lower_ in MODALS or c.lower_ == "to"))
                   for c in token.children)


def _short_since(expression: DateExpression) -> bool:
    """"since Wednesday evening": a range of a few days that starts on a day, the start of what is
    reported (not the period of a trend like "since January"; "over the past 24 hours" stays a
    period: press releases sum several operations over it)."""
    if expression.precision != "range" or expression.period_start is None or expression.period_end is None:
        return False
    days = (expression.period_end - expression.period_start).days
    return days <= 7 and expression.text.lower().startswith("since")


_STATEMENT_NOUNS = frozenset({"statement", "release", "briefing", "conference", "communique", "communiqué", "post",
                              "message", "tweet", "interview", "update", "report", "bulletin"})


_PUBLISHING_VERBS = frozenset({"read", "issue", "release", "publish", "broadcast", "post", "air", "send", "share"})


def _saying_of(noun: Any) -> Any:
    """The verb of saying whose medium a noun names ("the army said in a statement on Monday",
    "police told reporters at a news conference on Monday": the day is the statement's, which the
    parser hangs on the noun), else the noun itself."""
    if noun.pos_ == "VERB" and noun.dep_ == "acl" and noun.lemma_.lower() in _PUBLISHING_VERBS:
        noun = noun.head  # "said in a statement read on state television on Wednesday"
    if noun.pos_ == "NOUN" and noun.lemma_.lower() in _STATEMENT_NOUNS and noun.dep_ == "pobj" and \
            noun.head.lower_ in ("in", "at", "during", "through", "via") and noun.head.head.pos_ in ("VERB", "AUX"):
        return noun.head.head
    return noun


_REMAINS = frozenset({"body", "corpse", "remains", "bodies"})


def _bodies_found_on(doc: Document, expression: DateExpression) -> bool:
    """A date that tells when the dead were found ("The bodies of the 17 personnel, who were missing
    after an encounter, were found on Sunday"): like a statement's day, it dates the incident only
    where the text gives no day of its own."""
    if doc.nlp is None:
        return False
    span = doc.nlp.char_span(expression.start, max(expression.start + 1, expression.end), alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    head = span[0].head
    if head.pos_ == "ADP" and head.i != span[0].i:
        head = head.head
    return head.pos_ == "VERB" and head.lemma_.lower() in _FOUND_LEMMAS and any(
        c.dep_ in ("nsubjpass", "dobj") and c.lemma_.lower() in _REMAINS for c in head.children)


def _said_on(doc: Document, expression: DateExpression) -> bool:
    """A date that tells when someone spoke ("police said Thursday", "residents said on Monday")."""
    if doc.nlp is None:
        return False
    span = doc.nlp.char_span(expression.start, max(expression.start + 1, expression.end), alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    token = span[0]
    while token.dep_ == "compound" or (token.head.i != token.i and token.head.pos_ in ("PROPN", "NOUN", "NUM") and
                                       token.dep_ in ("nummod", "amod", "det")):
        token = token.head
    head = token.head
    if head.pos_ == "ADP" and head.i != token.i:
        head = head.head
    head = _saying_of(head)
    if head.pos_ == "VERB" and head.lemma_.lower() in _PUBLISHING_VERBS and head.i != token.i and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _STATEMENT_NOUNS for c in head.children):
        return True  # "On Sunday, the group issued a statement saying ...": when the statement came out
    if not (head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in SAY_LEMMAS and head.i != token.i):
        return False
    # A day written before both the verb of saying and its speaker dates what is said, not the
    # saying: "a bomb hit a truck in the city Sunday, local media reported" and "On Sunday, local
    # media reported that ..." tell when the bomb went off (the parser hangs the day on the trailing
    # attribution); "police said Thursday" and "Police on Thursday said" date the statement.
    speaker = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return not (token.i < head.i and speaker is not None and speaker.i > token.i)


ABSTRACT_OBJECTS = frozenset({
    "hope", "chance", "deal", "plan", "decision", "law", "policy", "idea", "proposal", "bill", "move", "statement",
    "report", "claim", "comment", "remark", "price", "agreement", "talk", "process", "project", "order", "rule",
    "ban", "right", "freedom", "democracy", "economy", "initiative", "strategy", "programme", "program", "effort",
    "reform", "election", "vote", "result", "decree", "ruling", "verdict", "resolution", "sanction", "measure",
    "budget", "scheme", "narrative", "dream", "prospect", "possibility", "momentum", "rumour", "rumor",
    "speculation", "notion", "argument", "view", "approach", "stance", "mood", "appetite", "demand",
    "confidence", "trust", "credibility", "legitimacy", "record", "image", "reputation", "market",
})
"""What news kills, attacks or executes in figures of speech ("killed hopes of a deal", "attacked the
decision", "executed the plan"): no one is hurt."""
_FIRED_WITH = frozenset({"shot", "round", "salvo", "volley", "bullet", "gas", "shell", "artillery", "flare",
                         "warning", "weapon", "gun"})
"""What is fired when firing is shooting ("fired rockets", "fired warning shots", "fired tear gas")."""


def _figurative(verb: Any) -> bool:
    """A verb of violence used of no act of violence: its object is an abstract thing ("killed
    hopes of a peace deal", "attacked the decision in a statement", "executed the plan"), "fired"
    means dismissed ("fired 20 officials from the ministry"), "shot up" means rose ("prices shot up"), or
    "captured" a recording ("a video captured the sound of the explosion", :func:`_captures_no_one`)."""
    lemma = verb.lemma_.lower()
    if lemma == "capture" and _captures_no_one(verb):
        return True
    if lemma == "shoot" and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
        return True
    patients = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if patients and all(p.lemma_.lower() in ABSTRACT_OBJECTS for p in patients):
        return True
    if lemma == "fire" and patients and not any(
            c.dep_ == "prep" and c.lower_ in ("on", "at", "upon", "into", "toward", "towards") and
            not any(o.ent_type_ in ("DATE", "TIME") for o in c.children) for c in verb.children):
        return all(p.pos_ in ("NOUN", "PROPN", "NUM") and p.lemma_.lower() not in _WEAPON_NOUNS | _FIRED_WITH
                   for p in patients)  # "fired 20 officials": dismissed, not shot at
    return False


def _is_takeover(verb: Any) -> bool:
    """"seized power", "took control of the country": the takeover of a state, told as background."""
    if verb.lemma_.lower() not in ("seize", "take", "capture", "grab"):
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in TAKEOVER_OBJECTS for c in verb.children) and \
        not _takes_place(verb)


_REGAIN_LEMMAS = ("regain", "retake", "retook", "recapture", "reclaim")
"""Verbs of taking ground back (the parser leaves "retook" unlemmatised)."""


def _takes_place(verb: Any) -> bool:
    """"seized / took / gained control of the town": ground taken, told as an event (not "control of
    the country", a state's takeover told as background)."""
    if verb.lemma_.lower() not in ("seize", "take", "capture", "grab", "gain", "wrest", "assume", *_REGAIN_LEMMAS):
        return False
    from ruydad.extract.actors import _country_by_name

    for c in verb.children:
        if c.dep_ == "dobj" and c.lemma_.lower() == "control":
            return any(g.dep_ == "pobj" and (g.lemma_.lower() in PLACE_OBJECTS or g.ent_type_ in ("GPE", "LOC", "FAC"))
                       and g.lemma_.lower() not in ("country", "nation", "state", "government", "power")
                       and _country_by_name(" ".join(t.text for t in g.subtree if t.pos_ == "PROPN")) is None
                       for p_ in c.children if p_.dep_ == "prep" and p_.lower_ == "of" for g in p_.children)
    return False


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` falls in one of ``spans`` (sorted, non-overlapping), by binary search."""
    i = bisect.bisect_right(spans, (offset, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


def _dateline_span(doc: Document) -> tuple[int, int] | None:
    """The dateline's date: it says when the story was filed, not when anything happened, wherever
    the publication day came from (the dateline, the page or ``--published``)."""
    return dateline_span(doc.text, doc.published)


def _in_header(doc: Document, offset: int) -> bool:
    """In the first line of a text that has more (a headline or release header); not a first line
    that is a whole lead paragraph (more than 12 words ending in a full stop), whose date is the
    lead's."""
    first_break = doc.text.find("\n")
    if first_break < 0 or offset >= first_break or len(doc.sentences) <= 1:
        return False
    first_line = doc.text[:first_break].strip()
    return not (len(first_line.split()) > 12 and first_line.rstrip("\"'”’").endswith((".", "!", "?")))


def _rule_type(draft: _Draft) -> tuple[str, str]:
    text = " ".join(draft.texts)
    if draft.kinds == {"loot"} and not draft.killed:
        return "Strategic developments", "Looting/property destruction"
    if "territory" in draft.kinds and not draft.killed:
        return "Battles", "Non-state actor overtakes territory"
    if _AIR.search(text) and ("kill" in draft.kinds or "violence" in draft.kinds):
        return "Explosions/Remote violence", "Air/drone strike"
    if "kill" in draft.kinds or "violence" in draft.kinds:
        return "Battles", "Armed clash"
    return "Strategic developments", "Arrests"


_SELF_DETONATION = (
    r"bl(?:ew|own|owing|ows?)\s+(?:him|her|them|it)sel(?:f|ves)\s+up|self-detonat\w*|"
    r"(?:explosives?|suicide|bomb)(?:[- ]laden)?[- ](?:vests?|belts?|jackets?)|"
    r"detonat\w*\s+(?:his|her|their)\s+(?:own\s+)?(?:explosives?|bombs?|devices?|vests?|belts?|charges?)")
"""A bomber who dies with the bomb: "blew himself up", "detonated his explosive vest"."""
_SUICIDE = rf"suicide(?![- ]drones?\b)|{_SELF_DETONATION}"
_EXPLOSIVE = re.compile(
    rf"(?i:\b(?:{_SUICIDE}|bl(?:ew|own|owing)\s+up|"
    r"bomb(?:s|ing|ings|ed|er|ers)?|car[- ]bomb\w*|blasts?|explosions?|explosives?|IEDs?|suicide|landmines?|"
    r"(?<!coal )(?<!gold )mines?(?! workers)|"
    r"grenades?|detonat\w*|shell(?:s|ed|ing)|artillery|mortars?|rockets?|missiles?|air ?strikes?|drone strikes?|"
    r"drones?|jets|warplanes?|aircraft|air ?raids?|air force|bombard\w*|(?:unexploded\s+)?ordnance|UXOs?|"
    r"explod(?:ed|es|ing))\b)")
_CLASH = re.compile(
    r"(?i:\b(?:clash\w*|fighting|fought|firefights?|gunfights?|gun ?battles?|exchanged? (?:of )?fire|exchanged fire|"
    r"ambush\w*|storm(?:ed|ing)|overr[au]n|battles?|skirmish\w*|repel\w*|repuls\w*|(?:took|take|taking) control|"
    r"counter-?attacks?|offensive|face-?offs?|shoot-?outs?|encounters?)\b)")
_FIGHTING = re.compile(
    r"(?i:\b(?:clash\w*|fighting|fought|firefights?|gunfights?|gun ?battles?|exchanged? (?:of )?fire|face-?offs?|"
    r"shoot-?outs?|"
    r"battles?|skirmish\w*|counter-?attack\w*|repell?(?:ed|ing|s)?|repuls\w*)\b)")
"""Words of two armed sides fighting: what makes a killing a battle rather than an execution."""
_EXECUTION = re.compile(r"(?i:\b(?:execut(?:e|ed|es|ion|ions)|hang(?:ed|ing)|hanged|behead\w*|tortur\w+|"
                        r"extrajudicial(?:ly)?|summar(?:y|ily) kill\w*|shot (?:him |her )?dead)\b)")
_BACKGROUND_PHRASE = re.compile(
    r"(?i:\b(?:responsible for|involved in|linked to|suspected of|accused of|known for|facilitat\w+|plann\w+|"
    r"specialist|maker|making|cell|network|claimed responsibility)\b[^.;]*)")
_HELD_EXPLOSIVES = re.compile(
    r"(?i:\b(?:assembl\w*|stor(?:e|es|ed|ing)|stockpil\w*|seiz\w*|confiscat\w*|recover\w*|discover\w*|found|"
    r"cache[sd]?|defus\w*|hid(?:e|es|den|ing))\b[^.;]{0,50}?\b(?:explosives?|bombs?|IEDs?|mines?|grenades?|"
    r"rockets?|mortars?)\b|\b(?:wear(?:s|ing)?|wore|worn|carr(?:y|ies|ied|ying)|equipped with|strapped with)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:explosives?|suicide|bomb)[- ](?:laden[- ])?(?:vests?|belts?|jackets?)\b)")
"""Explosives that were kept, found, seized or worn ("the houses where militants were assembling
explosives", "seized weapons and explosives", "two of the militants wore explosive belts"): what the
place or the men held, not how the event was done."""
_PROTEST = re.compile(r"(?i:\b(?:protesters?|protestors?|demonstrators?|demonstrations?|protest(?:s|ed|ing)?|"
                      r"rall(?:y|ies)|marchers|sit-ins?)\b)")
_INTERVENTION = re.compile(r"(?i:\b(?:tear[- ]?gas|water[- ]cannons?|rubber bullets|batons?|dispers\w+|"
                           r"broke up|beat(?:en|ing)?|live (?:rounds|ammunition)|fired (?:shots )?in the air)\b)")
_PROTEST_LETHAL = re.compile(r"(?i:\b(?:opened fire on|shot (?:at|dead)|live (?:rounds|ammunition))\b)")
_RIOTERS = re.compile(r"(?i:\b(?:rioters?|mobs?|angry crowds?|rampaging)\b)")
_EXPLOSIVE_ATTACK = re.compile(r"(?i:\b(?:bomb\w*|blasts?|explosions?|explosives?|suicide|grenades?|IEDs?)\b)")
"""A bombing of a rally is Explosions/Remote violence, not force used on protesters."""
_SPEECH_ATTRIBUTION = re.compile(
    r"(?i:\b(?:[\w'’-]+\s+){0,4}(?:said|says|told|added|reported|confirmed|announced|stated)\b"
    r"|\b(?:said|told|according\s+to)\s+(?:the\s+)?(?:[\w'’-]+\s*){0,4}(?=[,.;]|$))")
"""Who gave the report ("police said", "said a police spokesman", "according to the army"): not victims."""
_CIVILIAN_VICTIMS = re.compile(
    r"(?i:\b(?:civilians?|women|woman|children|child|worshipp?ers?|villagers?|residents?|students?|passengers?|"
    r"famil(?:y|ies)|girls?|boys?|teachers?|doctors?|journalists?|farmers?|people|persons?|migrants?|refugees?|"
    r"traders?|shopkeepers?|(?:aid |health |construction )?workers?|labou?rers?|drivers?|vendors?|herders?|"
    r"shepherds?|vaccinators?|elders?|clerics?|imams?|pilgrims?|mourners?|shoppers?|commuters?|patients?|"
    r"guests?|passers-by|bystanders?)\b)")
_ARMED_VICTIMS = re.compile(
    r"(?i:\b(?:soldiers?|troops|fighters?|militants?|insurgents?|police(?:m[ae]n)?|officers?|guards?|"
    r"commanders?|forces|combatants?|members|gendarmes?|troopers?|militiam[ae]n|personnel|policem[ae]n|sentr(?:y|ies))\b)")
_FORMER_FORCES = re.compile(
    r"(?i:\b(?:former|ex-|retired)\s*(?:[\w-]+\s+){0,3}?(?:soldiers?|troops|police(?:m[ae]n)?|officers?|"
    r"commanders?|members|personnel|army|military|guards?|servicem[ae]n)\b)")
"""Members of forces that no longer serve ("a former police officer", "two former soldiers", "a former
member of the national army"): ACLED codes killing them, out of combat, as violence against civilians."""
_AIR_ATTACK = r"air ?strikes?|drones?|drone strikes?|jets|warplanes?|aircraft|air ?raids?"
"""Words of an attack from the air (a pattern's alternatives)."""
_DIRECT_FIRE = re.compile(
    r"(?i:\b(?:small[- ]arms|(?:light|heavy)(?: and (?:light|heavy))? weapons|machine[- ]?guns?|gunfire|gun fire|"
    r"automatic weapons|assault rifles?|rifles?|opened fire|AK-?47s?|armed assault|gun attack)\b)")
"""The attackers' own fire at close range: with a bomb or a shelling on a post it makes a fight."""
_ARMED_TARGET = re.compile(
    r"(?i:\b(?:soldiers?|troops|police(?:m[ae]n)?|officers?|guards?|fighters?|militants?|insurgents?|forces|"
    r"personnel|outposts?|check ?posts?|checkpoints?|posts?|bases?|barracks|camps?|convoys?|patrols?|positions?|"
    r"units?)\b)")
"""What an armed side holds or is: the target that makes direct fire a battle."""
_BY_AIR = re.compile(rf"(?i:\b(?:{_AIR_ATTACK}|helicopters?|gunships?)\b)")

_REMOTE_EXPLOSIVE = re.compile(
    r"(?i:\b(?:roadside\s+bombs?|IEDs?|improvised\s+explosive|landmines?|land\s+mines?|unexploded|ordnance|UXOs?|"
    r"(?:explosive|magnetic|sticky)"
    rf"\s+(?:device|bomb)s?|car[- ]bombs?|suicide\s+(?:bomb\w*|attack\w*|car\w*)|{_SELF_DETONATION})\b)")
"""Explosives set off without the bomber's side in a fight: what makes an ambush Remote violence."""
_SUB_OF_EXPLOSIVE = (
    (re.compile(rf"(?i:\b(?:{_SUICIDE})\b)"), "Suicide bomb"),
    (re.compile(rf"(?i:\b(?:{_AIR_ATTACK}|air force)\b)"), "Air/drone strike"),
    (re.compile(r"(?i:\b(?:shell(?:s|ed|ing)|artillery|mortars?|rockets?|missiles?|bombard\w*)\b)"),
     "Shelling/artillery/missile attack"),
    (re.compile(r"(?i:\b(?:hand[- ])?grenades?\b)"), "Grenade"),
)


_SHELLING_WORDS = frozenset({"shelling", "artillery", "shell", "mortar", "rocket", "missile", "bombardment"})
_AIR_WORDS = frozenset({"airstrike", "warplane", "jet", "drone", "helicopter", "aircraft"})
_AIR_MODIFIERS = frozenset({"air", "drone", "aerial", "helicopter"})
_SHELLING_SUB, _AIR_SUB = "Shelling/artillery/missile attack", "Air/drone strike"


def _means_of(noun: Any) -> str | None:
    """The sub-event a noun names as a means of remote violence: "shelling", "artillery fire",
    "mortar rounds" are shelling; "airstrikes", "air raids", "drone strikes" are air strikes."""
    lemma = noun.lemma_.lower()
    modifiers = {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod")}
    if lemma in _SHELLING_WORDS or (lemma in ("fire", "round", "strike", "attack") and modifiers & _SHELLING_WORDS):
        return _SHELLING_SUB
    if lemma in _AIR_WORDS or (lemma in ("strike", "raid", "attack", "bombing", "bombardment") and
                               modifiers & _AIR_MODIFIERS):
        return _AIR_SUB
    return None


def _two_means(sent: Any) -> tuple[str, str] | None:
    """Shelling and air strikes joined in one phrase ("Artillery fire from government territory and
    airstrikes killed eight civilians", "pounded the town with shelling and air raids"): two
    events, ACLED's two sub-events, in the order told; None when the sentence joins no two such."""
    for token in sent:
        if token.pos_ != "NOUN" or token.dep_ == "conj":
            continue
        first = _means_of(token)
        if first is None:
            continue
        # the parser often hangs the second means on the last noun of the first one's phrase
        # ("fire from government-held areas and airstrikes"): a conjunct inside that phrase counts
        for other in [*token.conjuncts, *(t for t in token.subtree if t.dep_ == "conj" and t.i > token.i)]:
            second = _means_of(other)
            if second is not None and second != first:
                return (first, second) if token.i < other.i else (second, first)
    return None


def _means_told(text: str) -> set[str]:
    """The means of remote violence a sentence's words name (see :data:`_SUB_OF_EXPLOSIVE`)."""
    return {sub for pattern, sub in _SUB_OF_EXPLOSIVE if sub in (_SHELLING_SUB, _AIR_SUB) and pattern.search(text)}


_ARMED_NOUNS = frozenset({
    "soldier", "troop", "policeman", "police", "officer", "guard", "fighter", "militant", "insurgent", "gendarme",
    "militiaman", "personnel", "commander", "combatant", "trooper", "sentry", "rebel", "jihadist", "bodyguard",
})


def _armed_dead_only(draft: _Draft) -> bool:
    """Everyone counted dead was armed (soldiers, police, fighters): killing them in an assault is a
    battle, not violence against civilians."""
    dead = draft.victims.get("kill", {})
    return bool(dead) and "kill" in draft.kinds and all(noun in _ARMED_NOUNS for noun, _actor in dead) and \
        not _EXECUTION.search(" ".join(draft.texts)) and not _FORMER_FORCES.search(" ".join(draft.texts))


def _cue_type(draft: _Draft, span: str = "") -> tuple[str, str] | None:
    """ACLED's codebook where the words decide it, over the statistical classifier: a bombing,
    blast, shelling or air strike with no fighting reported is Explosions/Remote violence (with
    the sub-event the weapon gives), an execution or killing under torture with no fighting is
    Violence against civilians, so are killings of civilians by any other means, and killings
    of soldiers, police or fighters are Battles; background phrases ("an IED facilitator", "responsible for the
    bombing") do not count."""
    text = _HELD_EXPLOSIVES.sub(" ", _BACKGROUND_PHRASE.sub(" ", " ".join(draft.texts)))
    if draft.kinds == {"loot"} and not draft.killed:
        if _RIOTERS.search(text):  # a crowd's destruction: ACLED's riots
            return "Riots", "Violent demonstration" if _PROTEST.search(text) else "Mob violence"
        return "Strategic developments", "Looting/property destruction"  # armed men, no one hurt
    if _PROTEST.search(text) and not _EXPLOSIVE_ATTACK.search(text) and not _FIGHTING.search(text):
        # force used on a demonstration: ACLED's Protests, by how much force
        if draft.killed or _PROTEST_LETHAL.search(text):
            return "Protests", "Excessive force against protesters"
        if _INTERVENTION.search(text) or "detain" in draft.kinds:
            return "Protests", "Protest with intervention"
    # the sentences between the event's own, which often say how it was done ("officials say
    # numerous roadside bombs targeted the convoy"), for the weapon of an ambush
    weapon_text = _HELD_EXPLOSIVES.sub(" ", _BACKGROUND_PHRASE.sub(" ", span)) if span else text
    if _EXECUTION.search(text) and "kill" in draft.kinds and not _FIGHTING.search(text):
        return "Violence against civilians", "Attack"  # "stormed his house, dragged him out and hanged him"
    if draft.kinds <= {"kill", "bodies"} and "bodies" in draft.kinds and not _FIGHTING.search(text) and \
            not _EXPLOSIVE.search(text):
        return "Violence against civilians", "Attack"  # bodies found dumped: people killed, no fight told
    dead = draft.victims.get("kill", {})
    if _DIRECT_FIRE.search(weapon_text) and _EXPLOSIVE.search(text) and _ARMED_TARGET.search(text) and \
            not _BY_AIR.search(text) and not any(_CIVILIAN_VICTIMS.fullmatch(noun) for noun, _actor in dead):
        # bombs or shells and then rifles on a post or a patrol: one fight, ACLED's armed clash,
        # not an explosion ("attacked the outpost with shelling, then with light and heavy weapons")
        return "Battles", "Armed clash"
    if _REMOTE_EXPLOSIVE.search(weapon_text) and not _FIGHTING.search(weapon_text) and \
            all(w.lower().startswith("ambush") for w in _CLASH.findall(weapon_text)) and \
            ("kill" in draft.kinds or "violence" in draft.kinds):
        # an "ambush" sprung with roadside bombs, with no exchange of fire: the codebook's remote
        # explosive, not a battle
        sub = "Suicide bomb" if _SUB_OF_EXPLOSIVE[0][0].search(weapon_text) else "Remote explosive/landmine/IED"
        return "Explosions/Remote violence", sub
    if _CLASH.search(text):
        return None
    if _EXPLOSIVE.search(text) and ("kill" in draft.kinds or "violence" in draft.kinds):
        for pattern, sub in _SUB_OF_EXPLOSIVE:
            if pattern.search(text):
                return "Explosions/Remote violence", sub
        return "Explosions/Remote violence", "Remote explosive/landmine/IED"
    if _EXECUTION.search(text) and "kill" in draft.kinds:
        return "Violence against civilians", "Attack"
    text = _SPEECH_ATTRIBUTION.sub(" ", text)  # "police said": who spoke, not who died
    dead = draft.victims.get("kill", {})
    if "kill" in draft.kinds and dead and _FORMER_FORCES.search(text) and not _FIGHTING.search(text) and \
            all(noun in _ARMED_NOUNS or noun == "member" for noun, _actor in dead):
        return "Violence against civilians", "Attack"  # "<Group> forces killed two former soldiers"
    text = _FORMER_FORCES.sub(" civilians ", text)  # "two former soldiers": no longer armed
    if "kill" in draft.kinds and dead and not _FIGHTING.search(text) and \
            not any(_EXPLOSIVE.search(t) for t in (weapon_text, span, *draft.texts)) and \
            all(_CIVILIAN_VICTIMS.fullmatch(noun) for noun, _actor in dead):
        return "Violence against civilians", "Attack"  # "militants killed four truck drivers": whoever killed them
    if "kill" in draft.kinds and _CIVILIAN_VICTIMS.search(text) and not _ARMED_VICTIMS.search(text):
        return "Violence against civilians", "Attack"  # people killed with no fighting and no weapon named
    if "kill" in draft.kinds and _ARMED_VICTIMS.search(text) and not _CIVILIAN_VICTIMS.search(text):
        return "Battles", "Armed clash"  # armed men killed by armed men: a battle, whoever attacked
    return None


def _remote_weapon(text: str) -> str | None:
    """The sub-event of the one remote weapon a report tells as used ("rockets hit houses", "a bomb went
    off in the market"), or None where it tells none, tells kept or found explosives only, or tells an
    execution or close fire too (a killing told with shots and shells is not only remote violence)."""
    text = _HELD_EXPLOSIVES.sub(" ", _BACKGROUND_PHRASE.sub(" ", text))
    if not _EXPLOSIVE.search(text) or _EXECUTION.search(text) or _DIRECT_FIRE.search(text):
        return None
    subs = {sub for pattern, sub in _SUB_OF_EXPLOSIVE if pattern.search(text)}
    if len(subs) > 1:
        return None
    return subs.pop() if subs else "Remote explosive/landmine/IED"


def _acled_types() -> frozenset[str]:
    from ruydad.taxonomy import EVENT_TYPE_NAMES

    return frozenset(EVENT_TYPE_NAMES)


_ACLED_TYPES = _acled_types()


_SEVERAL_OPERATIONS = re.compile(
    r"(?i:\b(?:separate|multiple|several|simultaneous|two|three|four|five|six|\d+)\s+(?:\w+\s+){0,2}"
    r"(?:operations|raids|missions)\b|\boperations\s+(?:across|throughout)\b"
    r"|\bmulti-?(?:region|district|province|state|front)(?:al)?\s+(?:\w+\s+)?(?:operations|raids|attacks|strikes)\b"
    r"|\b(?:over|in|during)\s+(?:the\s+)?(?:recent|past|last)\s+(?:few\s+|several\s+|\w+\s+)?(?:days|weeks)\b"
    r"|\bseparate\s+(?:\w+\s+)?(?:attacks|blasts|explosions|bombings|incidents|clashes|strikes|ambushes)\b"
    r"|\bin\s+(?:two|three|four|five|six|\d+)\s+(?:different\s+|separate\s+)?(?:[a-z]+\s+)?"
    r"(?:attacks|blasts|explosions|bombings|incidents|clashes|ambushes)\b"
    r"|^\W*(?:two|three|four|five|six|twin|multiple|several|\d+)\s+(?:separate\s+|deadly\s+|suicide\s+|bomb\s+)?"
    r"(?:explosions|blasts|bombings|attacks|strikes|air\s?strikes)\b"
    r"|\b(?:carried\s+out|conducted|launched|staged|mounted)\s+(?:two|three|four|five|six|multiple|several|\d+)\s+"
    r"(?:separate\s+|\w+\s+)?(?:attacks|strikes|air\s?strikes|ambushes|bombings)\b"
    r"|\b(?:two|three|four|five|six|several|\d+)\s+days\s+of\s+(?:\w+\s+)?(?:clashes|fighting|attacks|strikes|"
    r"shelling|raids)\b"
    r"|\b(?:attacks|violence|clashes|bombings|raids|incidents)\s+(?:across|throughout|around)\s+(?:the\s+)?"
    r"(?:country|nation|\w+)\b)")


_SEVERAL_INCIDENTS = re.compile(
    r"(?i:\bin\s+(?:two|three|four|five|six|several|multiple|many|\d+)\s+(?:different\s+|separate\s+)?"
    r"(?:incidents|attacks|bombings|blasts|explosions|raids)\b"
    r"|\b(?:a\s+)?(?:series|spate|wave|string|flurry)s?\s+of\s+(?:\w+\s+)?(?:incidents|attacks|bombings|blasts|"
    r"explosions|raids|killings|clashes)\b)")
"""A count over several incidents ("killed 100 worshippers in two different incidents", "in a series of
attacks"): dated only by a month, it sums past incidents up."""
_RECENT_PERIOD = re.compile(r"(?i:\b(?:in|over|during|throughout)\s+(?:the\s+)?(?:recent|past|last|previous|"
                            r"preceding)\s+(?:few\s+|several\s+|couple\s+of\s+|\w+\s+)?(?:days|weeks|months|years)\b)")
"""A period of several days or more told by its length ("in recent months", "over the past few weeks")."""
_LOCATIVE_PREPS = frozenset({"in", "at", "inside", "across", "near", "outside", "around"})
_LIST_GAP = re.compile(r"(?i:^\s*(?:,|and|or|,\s*and)\s*$)")
_PLURAL_UNITS = re.compile(r"(?i:\b(?:provinces|districts|regions|states|areas)\b)")


def _head_nouns(doc: Document, head: Any) -> dict[tuple[str, str | None], int]:
    """The nouns a counted phrase names people by, each with the actor its phrase names, and the
    number each conjunct counts: "a facilitator and several of his associates" gives
    {("facilitator", None): 1, ("associate", None): 3}, "eight <group> fighters" {("fighter", "<group>"): 8}."""
    nouns: dict[tuple[str, str | None], int] = {}
    for np in _conjuncts(head):
        number = _count_np(np) or 0
        heads = [np]
        if np.pos_ in ("NUM", "PRON") or np.lower_ in VAGUE_COUNTS or np.lower_ in _NUMBER_WORDS:
            heads = [c for p_ in np.children if p_.dep_ == "prep" and p_.lower_ == "of"
                     for c in p_.children if c.dep_ == "pobj"]
        for noun in heads:
            if noun.pos_ in ("NOUN", "PROPN"):
                modifiers = [t for t in noun.lefts if t.dep_ in ("compound", "amod", "nmod", "poss")]
                key = (noun.lemma_.lower(), _actor_within(doc, [*modifiers, noun]))
                nouns[key] = nouns.get(key, 0) + number
    return nouns


_STATE_SIDE = frozenset({"soldier", "troop", "policeman", "police", "officer", "guard", "gendarme", "personnel",
                         "trooper", "sentry", "serviceman", "servicemember", "commando", "policewoman"})
_ARMED_SIDE = frozenset({"militant", "insurgent", "attacker", "fighter", "rebel", "gunman", "assailant", "jihadist",
                         "terrorist", "bandit", "extremist", "militiaman", "raider", "kidnapper", "bomber"})
_CIVILIAN_SIDE = frozenset({"civilian", "villager", "child", "woman", "passenger", "worshipper", "resident", "farmer",
                            "student", "pupil", "herder", "shepherd", "pilgrim", "shopper", "commuter"})


def _side(noun: str) -> str | None:
    """Whose dead a head noun counts: the state's forces, an armed group's men, civilians; None
    for words of no side ("people", "men", "members")."""
    return "state" if noun in _STATE_SIDE else "armed" if noun in _ARMED_SIDE else \
        "civilian" if noun in _CIVILIAN_SIDE else None


def _other_side(new: dict[tuple[str, str | None], int], before: dict[tuple[str, str | None], int]) -> bool:
    """The people a later sentence counts are all of another side than all the event counted
    before ("seven officers" then "four attackers"): more dead, not the same told again."""
    mine = {_side(noun) for noun, _actor in before}
    theirs = {_side(noun) for noun, _actor in new}
    return bool(mine) and bool(theirs) and None not in mine | theirs and not (mine & theirs)


_PERPETRATOR_NOUNS = frozenset({"attacker", "assailant", "raider", "gunman", "bomber"})


def _perpetrators_killed(new: dict[tuple[str, str | None], int], before: dict[tuple[str, str | None], int],
                         actor1: str | None) -> bool:
    """The dead a later sentence counts are those who carried out the attack ("killing 22 people
    ... The three attackers were killed by security forces"; "Militants stormed a hotel, killing 20
    guests ... four militants were killed"): more dead, when the dead counted before were not of an
    armed side (the victims of those attackers)."""
    if not new or not before or any(_side(noun) == "armed" for noun, _actor in before):
        return False
    doers = (actor1 or "").lower()
    return all(noun in _PERPETRATOR_NOUNS or (_side(noun) == "armed" and re.search(rf"\b{re.escape(noun)}", doers))
               for noun, _actor in new)


_ANYONE = frozenset({"people", "person", "individual", "civilian", "casualty", "victim", "body", "dead"})


def _same_kind(new: dict[tuple[str, str | None], int], before: dict[tuple[str, str | None], int]) -> bool:
    """Whether two sources' figures count the same kind of people (and so disagree on one toll): the
    same nouns or nouns of one side ("soldiers", "troops"), or "people" on either side; not "a commander
    was killed" and then "five family members including himself were killed" (a larger figure that holds
    the first)."""
    mine = {lemma for lemma, _actor in new}
    told = {lemma for lemma, _actor in before}
    sides = ({_side(n) for n in mine} & {_side(n) for n in told}) - {None}
    return not mine or not told or bool(mine & told) or bool((mine | told) & _ANYONE) or bool(sides)


def _named_before(noun: tuple[str, str | None], number: int, before: dict[tuple[str, str | None], int]) -> bool:
    """The same people already counted: the same kind of people, of the same side when both
    phrases name one, and no more of them than were counted ("the facilitator" after "a
    facilitator"; not "a dozen insurgents" after "the insurgent")."""
    lemma, actor = noun
    return any(lemma == old and (actor is None or other is None or actor == other) and number <= counted
               for (old, other), counted in before.items())


_THE_REST = re.compile(r"(?i:\bthe\s+(?:other|remaining)\s+(?:\d+|[a-z]+)\b)")


_KIND_WORDS = {
    "kill": re.compile(r"(?i:\b(?:killed|died|dead|shot\s+dead|murdered|executed|lost\s+their\s+lives|perished)\b)"),
    "detain": re.compile(r"(?i:\b(?:arrested|detained|captured|apprehended|held|taken\s+into\s+custody)\b)"),
}


def _the_rest(kind: str, text: str) -> bool:
    """"The other three were arrested in <X>": the rest of a lead's count, told with what befell them (not
    "two died instantly while the remaining two are receiving treatment": the rest of the wounded)."""
    return any(_KIND_WORDS[kind].search(clause) for clause in re.split(r"[.;]|\bwhile\b|\bwhereas\b", text)
               if _THE_REST.search(clause))


def _split_lead_total(drafts: list[_Draft]) -> None:
    """A lead's total whose parts the next sentences give at different places ("detained five people
    in <Province>. ... detained the two former soldiers in <City> on Friday. The other three were
    arrested in <District> on Saturday"): the first part was merged into the lead, the others are
    events of their own; when the parts add up to the lead's figure exactly, the lead's event keeps
    its own part only, not the total."""
    for i, lead in enumerate(drafts):
        for kind, attribute in (("kill", "killed"), ("detain", "detained")):
            total, parts = getattr(lead, attribute), lead.details.get(kind, [])
            if not total or (parts and max(parts) >= total):
                continue
            following = [d for d in drafts[i + 1:]
                         if d.sentences[0] - lead.sentences[-1] <= MERGE_WINDOW and getattr(d, attribute) and
                         (d.place is None or lead.place is None or d.place.admin1_code == lead.place.admin1_code)]
            later = [getattr(d, attribute) for d in following]
            if parts and later and sum(parts) + sum(later) == total:
                setattr(lead, attribute, sum(parts))
            elif not parts and later and sum(later) < total and len(lead.sentences) > 1 and \
                    any(_the_rest(kind, " ".join(d.texts)) for d in following):
                # "... detained the two former soldiers in <City>. The other three were arrested in <X>"
                setattr(lead, attribute, total - sum(later))


def _resolve_summaries(drafts: list[_Draft]) -> None:
    """A summary lead and the events that detail it report the same people once. The summary's
    figure of a kind gives way to the details' where they give that kind ("detained more than 10
    in operations in X and Y provinces. In Y province, forces detained more than 10 ..."); a
    summary left without figures whose province a detail has is that detail's lead, not an event."""
    drop: list[int] = []
    for i, lead in enumerate(drafts):
        if not lead.summary:
            continue
        details: list[_Draft] = []
        for later in drafts[i + 1:]:
            if later.summary or later.sentences[0] - lead.sentences[-1] > MERGE_WINDOW:
                break
            details.append(later)
        if not details:
            continue
        if any(d.killed for d in details):  # a detail's nil toll ("no one was hurt") counts none of the lead's
            lead.killed = None
        if any(d.detained is not None for d in details):
            lead.detained = None
        # a lead placed by its country only ("Two separate attacks killed nine people in <Country>"),
        # or not at all, sums up details that say where: none of its own either
        place = lead.place
        broad = place is None or (place.kind == "country" and all(d.place is not None for d in details))
        if lead.killed is None and lead.detained is None and (broad or any(
                d.place is None or place is None or d.place.admin1_code == place.admin1_code for d in details)):
            drop.append(i)
            for detail in details:  # the lead says who and how; the details where and how many
                detail.date = detail.date or lead.date
                detail.actor1 = detail.actor1 or lead.actor1
                detail.actor2 = detail.actor2 or lead.actor2
                detail.kinds |= lead.kinds
                detail.texts = [*lead.texts, *detail.texts]
    for i in reversed(drop):
        del drafts[i]


_SOURCE_VERBS = frozenset({"say", "claim", "tell", "report", "state", "announce", "confirm", "put"})
_TOLL = re.compile(
    r"(?i:(?P<who>\b[\w'’ -]{2,60}?)\s+(?:put|puts|putting|placed|places)\s+the\s+(?:death\s+toll|toll|number\s+of\s+"
    r"(?:dead|deaths|people\s+killed|those\s+killed|fatalities))\s+at\s+(?P<n>\d[\d,]*|[a-z]+(?:-[a-z]+)?)\b)")
"""A source's toll: "A military officer put the number of dead at 15"."""
_TOLL_NOW = re.compile(
    r"(?i:(?:\b(?:death\s+)?toll|\bnumber\s+of\s+(?:the\s+)?(?:dead|deaths|fatalities|people\s+killed|"
    r"those\s+killed|victims))\s+(?:(?:from|of|in)\s+[^.;:!?]{1,80}?\s+)?"
    r"(?:has\s+|had\s+)?(?:later\s+|since\s+|now\s+|subsequently\s+|further\s+)?"
    r"(?:rose|risen|climbed|increased|jumped|reached|stood|stands)\s+"
    r"(?:to\s+|at\s+)(?:at\s+least\s+)?(?P<n>\d[\d,]*|[a-z]+(?:-[a-z]+)?)\b"
    r"|\b(?:bringing|taking|raising|pushing|brought|took|raised|pushed)\s+the\s+(?:overall\s+|total\s+)?"
    r"(?:death\s+)?toll\s+(?:\w+\s+){0,4}?to\s+(?:at\s+least\s+)?(?P<m>\d[\d,]*|[a-z]+(?:-[a-z]+)?)\b)")
"""A toll as it now stands: "the death toll rose to eight", "the toll stood at 20", "the death toll
from Friday's bombing has risen to 25", "the number of dead had risen to 15", "two more died of
their wounds, bringing the death toll to 10" (the figure now, which the deaths told beside it are
part of)."""
_ALL_OF = re.compile(r"(?i:\bkill\w*\s+all\s+(?:of\s+the\s+)?(?P<n>\d+|[a-z]+)\b)")
_GROUP_OF = re.compile(r"(?i:\ba\s+(?:second\s+)?group\s+of\s+(?P<n>\d+|[a-z]+)\b)")


def _kills_new_group(doc: Document, sent: Any) -> bool:
    """See :attr:`_Draft.new_group`: the number of "kill(ing) all <N>" is that of "a group of <N>" in
    this sentence or one of the two before it."""
    found = _ALL_OF.search(sent.text)
    if found is None or doc.nlp is None:
        return False
    number = _number(found["n"])
    earlier = [s for s in doc.nlp.sents if s.end <= sent.start][-2:]
    return number is not None and any(_number(m["n"]) == number for s in [*earlier, sent]
                                      for m in _GROUP_OF.finditer(s.text))


_UPDATE = re.compile(r"(?i:\b(?:rose|risen|rising|climbed|increased|jumped|reached)\s+to\b"
                     r"|\b(?:later|subsequently|since|now)\s+(?:put|puts|placed|raised|revised)\s+the\s+"
                     r"(?:death\s+)?(?:toll|number)\b)")
"""A later figure that updates a toll ("the toll rose to 20", "hospital officials later put the toll
at 12") replaces it even from another source."""


def _according_to(verb: Any) -> str | None:
    """Who "according to" names as the source of what the verb reports ("have killed at least 22
    civilians ..., according to a UN report"); None when the verb has no such phrase."""
    for prep in verb.children:
        if prep.lower_ != "according":
            continue
        for to in prep.children:
            source = next((c for c in to.children if c.dep_ == "pobj"), None) if to.lower_ == "to" else None
            if source is not None and source.pos_ != "PRON":
                return " ".join(t.lower_ for t in source.subtree)
    return None


def _source_of(token: Any) -> str | None:
    """Who gave the figure a trigger reports: the subject of the verb of saying above it ("police
    said", "the group claimed"); None in the writer's own voice."""
    according = _according_to(token)
    if according is not None:
        return according
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX") and ancestor.lemma_.lower() in _SOURCE_VERBS:
            subject = next((c for c in ancestor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None or subject.pos_ == "PRON":
                return None  # "it said": the source named before, not another one
            return " ".join(t.lower_ for t in subject.subtree)
    return None


_NO_CASUALTIES = re.compile(
    r"(?i:\b(?:no(?:body|[- ]one)(?:\s+else)?|none|no\s+(?:people|persons?|casualties|injuries|deaths|fatalities))"
    r"\s+(?:\w+\s+)?(?:was|were|has\s+been|have\s+been|had\s+been|got|is|are)\s+(?:\w+\s+)?"
    r"(?:hurt|injured|killed|harmed|wounded|reported)\b"
    r"|\bno\s+(?:immediate\s+|other\s+)?(?:reports?\s+of\s+)?(?:any\s+)?(?:casualties|injuries|deaths|fatalities|"
    r"loss\s+of\s+life)\b"
    r"|\b(?:did\s+not|didn['’]t|without)\s+(?:\w+\s+){0,2}(?:any\s+)?(?:casualties|injuries|deaths|fatalities|"
    r"loss\s+of\s+life)\b)")
"""A nil toll: "no one was hurt", "caused no casualties", "there were no immediate reports of
injuries", "did not incur any casualties". ACLED codes such an event with fatalities 0."""
_FOUND_NOT_SET_OFF = frozenset({"defuse", "disarm", "dismantle", "find", "discover", "seize", "recover", "neutralize",
                                "neutralise"})
"""Verbs above an explosive that did not go off ("police defused a bomb; no one was hurt")."""


def _no_casualties(text: str, offset: int, quoted: list[tuple[int, int]]) -> bool:
    return any(not _inside(quoted, offset + m.start()) for m in _NO_CASUALTIES.finditer(text))


def _combine(old: int | None, new: int | None, additive: bool) -> int | None:
    if new is None:
        return old
    if old is None:
        return new
    return old + new if additive else max(old, new)


_NEW_INCIDENT = re.compile(
    r"(?i:\b(?:in\s+(?:a|another)\s+(?:separate|different|new|second|similar)\s+(?:incident|attack|development|"
    r"operation|raid|strike|clash|ambush|bombing|case)"
    r"|in\s+another\s+(?:incident|attack|case|operation|raid|strike)|^\s*(?:elsewhere|separately|meanwhile)\b"
    r"|^\W*(?:in|during)\s+that\s+(?:incident|attack|ambush|raid|clash|operation|assault)\b"
    r"|\b(?:struck|attacked|raided|returned)\s+again\s+(?:the\s+(?:next|following)\s+(?:day|night|morning))\b"
    r"|^\W*in\s+the\s+(?:second|third|fourth|fifth|latter|other)\b"
    r"|\bafter\s+the\s+first\s+(?:\w+\s+)?(?:attack|blast|explosion|bombing|strike|raid|ambush|incident)\b"
    r"|^\W*(?:hours|minutes|days|shortly|soon|a\s+day|a\s+few\s+hours)\s+after\s+the\s+(?:\w+\s+)?"
    r"(?:attack|blast|explosion|bombing|strike|raid|ambush|assault)\b"
    r"|^\W*(?:(?:several|a\s+few|two|three|some)\s+)?(?:hours|days)\s+later\b"
    r"|\b(?:another|a\s+(?:second|third|fourth|separate|further))\s+(?:\w+\s+){0,2}"
    r"(?:blast|explosion|bomb|bomber|bombing|attack|air ?strike|drone strike|strike|ambush|clash|raid|incident|"
    r"operation)s?\b"
    r"|\balso\s+bl(?:ew|own)\s+(?:him|her|them)sel(?:f|ves)\s+up\b"
    r"|\b(?:then|later|subsequently)\s+(?:struck|hit|shelled|bombed|pounded|launched|carried\s+out|retaliated|"
    r"attacked|ambushed|stormed|raided)\b"
    r"|\bin\s+(?:response|retaliation|reprisal)\b))")
"""A sentence that tells a further incident, not a detail of the last one: "In a separate incident
...", "Elsewhere, ...", "A third magnetic bomb detonated in the east of the city"; a bomber who dies
with his bomb sets off one: "a second bomber", "two bombers also blew themselves up" are another."""


_INCIDENT_CAME_ABOUT = (
    r"the\s+(?:\w+\s+)?(?:attack|assault|ambush|clash|clashes|fighting|gunfight|firefight|shootout|raid|blast|"
    r"explosion|bombing|strike|shelling|killing|killings|incident|operation|encounter)\s+(?:took\s+place|occurred|"
    r"happened|was\s+(?:carried\s+out|conducted|launched)|began|started)\b")
"""Words that tell when or where "the" incident just told came about."""
_THE_INCIDENT_WAS = re.compile(rf"(?i:\b{_INCIDENT_CAME_ABOUT})")
"""A sentence, or a clause of a speaker's, that tells when or where "the" incident just told came about
("he said that the raid was conducted on Friday in <X> city"): its day is that incident's, not another's."""
_WHEN_IT_HAPPENED = re.compile(rf"(?i:^\W*(?:[^,.;]{{0,60}},\s*)?{_INCIDENT_CAME_ABOUT})")
"""A sentence that opens by telling when or how the incident told came about ("According to sources, the
gunfight took place on Wednesday night after gunmen attacked the village"): its day is that incident's,
not another's."""


_TURN_OPENER = re.compile(
    r"(?i:^\W*(?:later\s+(?:in\s+the|that|the\s+same)\s+(?:day|night|evening|morning|afternoon)|"
    r"(?:on\s+)?the\s+(?:following|next)\s+(?:day|night|morning|evening|afternoon)|"
    r"earlier\s+(?:in\s+the|that|the\s+same)\s+(?:day|night|evening|morning|afternoon|week)|"
    r"(?:(?:several|a\s+few|two|three|some)\s+)?(?:hours|minutes|days)\s+(?:earlier|before)|a\s+day\s+earlier|"
    r"(?:on\s+)?the\s+same\s+(?:day|night|morning|evening|afternoon)|also\s+(?:on|in)\s+[A-Z]\w+|"
    r"in\s+(?:another|a\s+related|a\s+further)\s+development|"
    r"moreover|furthermore|in\s+addition|additionally)\b)")
"""A sentence that opens by moving on in time or adding to the news ("Later that day, ...", "The
following day, ...", "Moreover, ..."): with an incident named afresh (see :data:`_FRESH_INCIDENT`)
it tells another incident, not more of the one told."""
_FRESH_ARREST = re.compile(r"(?i:\b(?:arrested|detained)\b)")
_ADDING = re.compile(r"(?i:^\W*(?:moreover|furthermore|in\s+addition|additionally)\b)")
"""Arrests told after "Later that day" or "The same day" are another act; told with "In addition" they
are most often made in the operation just told ("In addition, the security force detained two
suspects")."""
_OPENS_AT = re.compile(r"^\W*[Ii]n\s+(?:the\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
                       r"(?:\s+(?:province|district|state|region|governorate|county|territory|area))?\s*,")
_NOT_A_PLACE_OPENING = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                                  "september", "october", "november", "december", "addition", "total", "all",
                                  "response", "retaliation", "particular", "general", "short", "fact"})


def _same_people(last: _Draft, new: _Draft) -> bool:
    """Whether a sentence counts the very people the event counted: as many, of the same kind, or
    told as "people" on one side ("Explosions kill at least 30 in <City>" ... "At least 30 people
    were killed in three explosions at a school in <Neighbourhood>")."""
    for kind, attribute in (("kill", "killed"), ("detain", "detained")):
        count = getattr(new, attribute)
        if not count or count != getattr(last, attribute):
            continue
        mine = {lemma for lemma, _actor in new.victims.get(kind, {})}
        before = {lemma for lemma, _actor in last.victims.get(kind, {})}
        if not mine or not before or mine <= before or (mine | before) & {"people", "person"}:
            return True
    return False


def _unknown_place_name(doc: Document, sent: Any) -> str | None:
    """The name by which a sentence says where it happened when no place reading covers it: a
    locative preposition ("in", "at", "near") with a proper name that is no date, actor or place found."""
    for token in sent:
        if token.dep_ != "prep" or token.lower_ not in ("in", "at", "near"):
            continue
        for name in token.children:
            if name.dep_ != "pobj" or name.pos_ != "PROPN" or name.ent_type_ in ("NORP", "PERSON") or \
                    any(d.start <= name.idx < d.end for d in doc.dates):
                continue
            if any(s_ <= name.idx < e_ for s_, e_, _p in doc.place_spans) or \
                    any(s_ <= name.idx < e_ for s_, e_, _n in doc.actor_spans):
                continue
            return name.text
    return None


def _at_unknown_place_elsewhere(last: _Draft, new: _Draft) -> bool:
    """A sentence that counts dead or arrested of its own at a town no gazetteer knows and that was
    not named since the event told began ("Two soldiers were killed when a roadside bomb struck their
    vehicle in <Town>" after an attack elsewhere): another incident; the same people told again with
    where they were ("The three soldiers were killed at their post in <Town>") are not."""
    if new.unknown_place is None or new.place is not None or new.quoted_only or not (new.killed or new.detained):
        return False
    if _same_people(last, new):
        return False
    told = new.doc_text[last.start:new.start]
    return bool(told) and re.search(rf"\b{re.escape(new.unknown_place)}\b", told) is None


def _opens_elsewhere(text: str, last: _Draft, new: _Draft) -> bool:
    """A sentence that opens with where it happened ("In <Town>, two soldiers were killed when ...")
    and counts dead or arrested of its own, at a place not named since the event told began: another
    incident, even where no gazetteer knows the place (a lead that named it sums up; it is not left)."""
    found = _OPENS_AT.match(text)
    if found is None or new.quoted_only or not (new.killed or new.detained):
        return False
    name = found["name"]
    if name.split()[0].lower() in _NOT_A_PLACE_OPENING:
        return False
    if _same_people(last, new):
        return False  # the same people told again, now with where ("In <Town>, the five villagers were shot")
    told = new.doc_text[last.start:new.start] if new.doc_text else " ".join(last.texts)
    return re.search(rf"\b{re.escape(name)}\b", told) is None


_FRESH_INCIDENT = re.compile(
    r"(?i:\b(?:a|an)\s+(?:\w+\s+){0,2}(?:bomb|bomber|blast|explosion|attack|ambush|clash|raid|air\s?strike|strike|"
    r"bombing|gunfight|shootout|firefight|mine|IED|grenade|operation)s?\b|\b(?:attacked|ambushed|clashed|stormed|"
    r"raided|shelled|bombed)\b)")
_ARRESTED_OVER = re.compile(
    r"(?i:\b(?:arrest\w*|detain\w*|apprehend\w*|nabbed|held|taken\s+into\s+custody)\b[^.;]{0,80}?"
    r"\b(?:in\s+connection\s+(?:with|to)|over|for\s+(?:their\s+)?(?:alleged\s+|suspected\s+)?"
    r"(?:involvement|role|part|links?)\s+in|(?:suspected|accused)\s+of\s+(?:involvement\s+in|carrying\s+out|"
    r"taking\s+part\s+in))\s+(?:the|this|that|these|those)\s+(?:\w+\s+){0,2}?"
    r"(?:attacks?|killings?|bombings?|murders?|blasts?|explosions?|incidents?|ambush(?:es)?|assassinations?|"
    r"abductions?|kidnappings?|shootings?|raids?|massacres?|events?)\b)")
"""An arrest over the incident told ("three suspects have been arrested in connection with the
killing"): the arrests that followed are an act of their own (ACLED's arrest), whoever made them."""
_SOURCE_AFTER = re.compile(r"(?i:(?:['’]s)?\s+(?:\w+\s+)?(?:officials?|spokes(?:man|woman|person)|sources?|media|"
                           r"authorities)(?:,?\s+[\w'’-]+){0,3}?,?\s+(?:said|say|says|told|reported|confirmed|claimed)\b)")
"""An actor named as who spoke ("<Group> officials said", "<Group> spokesman <Name> said"), not as a
side of the incident."""
_LINKED_TO = re.compile(r"(?:links?|ties|connections?|affiliation|association|collaborat\w+|cooperat\w+)\s+"
                        r"(?:with|to)\s+(?:the\s+)?$")
"""An actor named as what people are accused of being linked to ("arrested on charges of links with
<Group>"): not a side of the arrest."""
_TURNS_TO = re.compile(r"(?i:^\W*in\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
                       r"(?:\s+(?:province|district|state|region|governorate))?\s*,)")
"""A sentence that opens with where the story turns: "In <Province>, ..."."""
_BACK_REFERENCE = re.compile(
    r"(?i:\b(?:in|during)\s+the\s+(?:same\s+|ensuing\s+|heavy\s+)?(?:fighting|attack|clash|clashes|assault|ambush|"
    r"blast|explosion|bombing|raid|incident|gunfight|firefight|battle|operation|strike|shelling|exchange)\b)")
"""A sentence that points back to the incident told ("... were injured in the fighting")."""


_QUARTER = re.compile(r"(?i:\b(north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+$|"
                      r"\bin\s+the\s+(north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+"
                      r"of\s+(?:the\s+)?$)")


def _quarter(doc: Document, sent: Any, place: Place | None) -> str | None:
    """The compass part of the event's place the sentence names: "in western <City>", "in the east
    of <City>" (see :attr:`_Draft.quarter`)."""
    if place is None:
        return None
    for start, _end, other in doc.place_spans:
        if sent.start_char <= start < sent.end_char and other is place:
            found = _QUARTER.search(doc.text[max(sent.start_char, start - 30):start])
            if found:
                return (found[1] or found[2]).lower().replace("-", "")
    return None


_REPEATED_BLAST = re.compile(
    r"(?i:\b(?:another|a\s+(?:second|third|fourth|further))\s+(?:\w+\s+){0,2}"
    r"(?:blast|explosion|bomb|bombing|device|car\s+bomb|mine|shell|rocket)s?\b)")
"""A further explosion ("a second bomb went off", "another blast"). ACLED codes the explosions of
one actor at one location on one day as one event: without a spot or day of its own, it is more of
the same event (its dead add to the toll); with one ("a second bomb went off near the mosque"), or
told as "a separate" incident, it is another."""
_NOT_A_SPOT = frozenset({"morning", "afternoon", "evening", "night", "hour", "minute", "day", "week", "time",
                         "way", "wake", "aftermath", "process", "moment", "area", "vicinity", "crowd"})


def _own_locative(sent: Any) -> bool:
    """Whether the sentence says where its own event was, beyond the place names the places step
    finds: a locative preposition with a noun that is not a time, an event or "the same area"."""
    for token in sent:
        if token.dep_ != "prep" or token.lower_ not in ("in", "at", "near", "outside", "inside", "beside", "behind"):
            continue
        for obj in token.children:
            if obj.dep_ != "pobj" or obj.pos_ not in ("NOUN", "PROPN") or obj.ent_type_ in ("DATE", "TIME"):
                continue
            lemma = obj.lemma_.lower()
            if lemma in EVENT_NOUNS or lemma in _EXPLOSIVE_NOUNS or lemma in _NOT_A_SPOT or \
                    any(c.lower_ == "same" for c in obj.children):
                continue
            return True
    return False


def _hand_over(last: _Draft, new: _Draft) -> None:
    """People of the last event's unplaced count that a sentence places elsewhere ("agents
    apprehended two men, <A> and <B>. <A> was arrested in <X> district. <B> was detained in <Y>")
    are the new event's: the last keeps those placed with it, never fewer."""
    for kind, attribute in (("kill", "killed"), ("detain", "detained")):
        total, placed, count = last.pending.get(kind), last.placed.get(kind, 0), getattr(new, attribute)
        current = getattr(last, attribute)
        if not total or not placed or not count or current is None or placed + count > total:
            continue
        setattr(last, attribute, max(placed, current - count))
        last.pending[kind] = total - count


_RECENT_DAYS = 7
"""An undated incident is of the week before publication (it takes the publication day with precision week)."""


def _earlier_claim(new: _Draft, last_date: DateExpression | None) -> bool:
    """A claim dated by a vaguer time than the day of the incident being told ("Two people were
    killed in the attack on Saturday. Last week, the air force said it had killed 35 fighters in
    raids"): a writer who dates a statement by the week or month, after giving the incident's
    day, is recalling another operation, not detailing this one; its toll is not this incident's."""
    if not new.weak_date or new.date is None or new.date.precision not in ("week", "month") or \
            new.date.period_start is None or new.date.period_end is None:
        return False
    if last_date is None:
        # the incident told is undated, so of the days before publication: a claim dated weeks before
        # ("A news agency in early May reported that a guard had been killed", in a story of late May)
        # recalls an earlier one
        return new.published is not None and bool(new.killed or new.detained) and \
            new.date.period_end < new.published - timedelta(days=_RECENT_DAYS)
    if last_date.precision != "day":
        return False
    return last_date.period_start is not None and new.date.period_start != last_date.period_start


def _unplaced_weekday(doc: Document, sent: Any) -> str | None:
    """The weekday a sentence dates its event by when there is no publication date to place it
    ("On Tuesday, the rebels arrested ..."); not the day someone spoke ("police said Tuesday")."""
    for expression in doc.dates:
        if sent.start_char <= expression.start < sent.end_char and not expression.resolved and \
                expression.precision == "day" and not _said_on(doc, expression):
            found = _WEEKDAY.search(expression.text)
            if found:
                return found[0].lower()
    return None


_WEEKDAY = re.compile(r"(?i:\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)")


def _rank(expression: DateExpression) -> int:
    return {"day": 0, "week": 1, "month": 2}.get(expression.precision, 3)


def _place_rank(place: Place) -> int:
    return {"admin2": 3, "village": 4, "town": 4, "city": 4, "valley": 2, "admin1": 1, "country": 0}.get(place.kind, 2)


def _same_area(a: Place, b: Place) -> bool:
    if a.country_code and b.country_code and a.country_code != b.country_code:
        return False
    if a.admin1_code and b.admin1_code and a.admin1_code != b.admin1_code:
        return False
    if a.admin2_pcode and b.admin2_pcode:
        return a.admin2_pcode == b.admin2_pcode
    # gazetteers outside the theatre give district names without codes: two names, two districts
    return not (a.admin2 and b.admin2 and a.admin2.casefold() != b.admin2.casefold())
