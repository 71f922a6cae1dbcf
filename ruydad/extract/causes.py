"""Step ``causes``: deaths the text puts down to nature, an accident, disease, a family quarrel or a
robbery are no conflict event.

News of a war-torn country reports earthquakes, floods, avalanches, road accidents and outbreaks in
the words it uses for attacks ("an earthquake killed more than 1,000 people", "a bus plunged into a
ravine, killing 15", "twelve people died of cholera"), and its crime pages tell of men who killed
their wives or brothers over land and of robbers who shot a money changer. Read as events, they
would be counted as violence against civilians: a confident wrong answer in every figure built on
them. ACLED codes none of them (it leaves out domestic violence and ordinary crime).

The events step builds an event from a sentence's deaths, arrests or attacks. This step, run after
it, reads the cause the sentence gives each death, from spaCy's parse:

- the subject of the killing verb ("lightning killed three shepherds", "a gas cylinder explosion
  killed four", "robbers killed a money changer", "a man killed his wife");
- what the dead were killed or died in, by, of, from or over ("killed in a road accident", "died of
  cholera", "stabbed to death by her husband", "shot dead over a land dispute");
- the act a participle or a "when" clause hangs on ("a bus plunged into a ravine, killing 15",
  "killed when their vehicle overturned").

An event is dropped only when its sentence gives such a cause and names no armed group or act of
war (no bomb, shelling, gunmen, militants or fighting; a private killing may still be "shot" or
"stabbed"): "a mortar shell left from the war exploded, killing three children" stays, as ACLED
keeps it, and so does "militiamen killed a man over a land dispute". A sentence that gives no
cause, act or actor ("17 people were reported injured.") takes the cause its story told last.

Two more kinds of sentence tell no conflict event, and are dropped the same way:

- an arrest for an ordinary crime ("police arrested three men for illegally transporting a lion",
  "detained on drug trafficking charges"): ACLED codes arrests of political figures, activists and
  suspected fighters, not the police blotter; an arrest that names an armed group, an attack or a
  political cause stays;
- a standing conflict told as background, with no toll of its own ("the cartel has been fighting a
  years-long battle against local gangs"): no incident happened on any day.
"""

from __future__ import annotations

from typing import Any

from ruydad.extract.document import Document, Event
from ruydad.taxonomy import ARMED_GROUP_CATEGORIES

HAZARD_NOUNS = frozenset({
    # nature
    "earthquake", "quake", "tremor", "aftershock", "flood", "flooding", "deluge", "avalanche", "landslide",
    "landslip", "mudslide", "rockslide", "storm", "rainstorm", "snowstorm", "blizzard", "snowfall", "rain",
    "downpour", "cyclone", "hurricane", "typhoon", "tornado", "lightning", "heatwave", "cold", "frost",
    "drought", "tsunami", "wildfire",
    # accidents
    "accident", "crash", "collision", "stampede", "drowning", "electrocution", "fire", "blaze", "leak",
    "cave-in", "derailment",
    # disease and want
    "disease", "illness", "cholera", "measles", "malaria", "dengue", "diarrhoea", "diarrhea", "covid",
    "covid-19", "coronavirus", "virus", "outbreak", "epidemic", "pandemic", "infection", "hunger",
    "starvation", "malnutrition", "famine", "exposure", "hypothermia", "overdose",
})
"""Causes of death that are no act of violence (lemmas, lower case)."""

ACCIDENTAL_EXPLOSIONS = frozenset({"gas", "cylinder", "boiler", "firework", "fireworks", "accidental", "lpg",
                                   "pipeline", "transformer"})
"""Words that make an explosion an accident ("a gas cylinder explosion", "a boiler blast")."""

MISHAP_VERBS = frozenset({"plunge", "overturn", "collide", "crash", "capsize", "collapse", "derail", "skid",
                          "topple", "sink", "drown", "freeze", "electrocute", "bury", "sweep", "flood", "hit",
                          "strike", "fall", "roll", "veer", "catch"})
"""Acts a deadly mishap is told with; they count only when what did them is a vehicle, a building or
a hazard ("a bus plunged", "floods swept away", "an earthquake struck": a car bomb that hit a convoy
is no mishap)."""

MISHAP_SUBJECTS = frozenset({
    "bus", "minibus", "car", "vehicle", "truck", "lorry", "van", "coach", "tanker", "train", "boat", "ferry",
    "vessel", "plane", "aircraft", "airplane", "helicopter", "motorcycle", "rickshaw", "building", "roof", "wall",
    "house", "bridge", "mine", "dam", "river", "water", "wave", "snow", "mud", "rock", "debris", "tree",
}) | HAZARD_NOUNS
"""What a mishap verb's subject is when the verb tells an accident or a disaster."""

DEATH_VERBS = frozenset({"kill", "die", "perish", "claim", "injure", "wound", "hurt", "destroy", "damage",
                         "leave", "drown", "bury", "sweep"})
"""Verbs that tell the deaths, injuries or damage an event was built from."""

VICTIM_SUBJECT_VERBS = frozenset({"die", "perish", "drown"})
"""Death verbs whose subject is the dead, not who killed them."""

CAUSE_PREPOSITIONS = frozenset({"in", "by", "of", "from", "during", "after", "due", "amid", "as", "following"})

VIOLENCE_WORDS = frozenset({
    "attack", "attacker", "bomb", "bombing", "bomber", "explosive", "ied", "mine", "landmine", "grenade",
    "mortar", "shell", "shelling", "rocket", "missile", "artillery", "gunman", "gunmen", "gunfire", "gun",
    "shoot", "shooting", "shot", "militant", "insurgent", "fighter", "rebel", "terrorist", "jihadist", "clash",
    "fight", "fighting", "battle", "ambush", "raid", "assault", "airstrike", "strike", "drone", "suicide",
    "assassinate", "assassination", "execute", "execution", "behead", "torture", "abduct", "kidnap", "arson",
    "arsonist", "torch", "militia", "offensive", "combat", "massacre", "murder", "stab", "lynch", "sniper",
    "troops", "soldier", "army", "target",
})
"""Words that name an act of violence or its arms; a sentence with any of them keeps its event.
("strike" counts only as a noun: an earthquake "struck".)"""

PERSONAL_ACTS = frozenset({"shoot", "shooting", "shot", "gun", "murder", "stab", "gunfire", "behead"})
"""Acts of violence one person does to another as readily as an armed group: with no armed group
in the sentence, a killing told with them may still be a family quarrel or a robbery."""

KIN = frozenset({
    "wife", "husband", "brother", "sister", "son", "daughter", "father", "mother", "cousin", "uncle", "aunt",
    "nephew", "niece", "relative", "stepmother", "stepfather", "stepson", "stepdaughter", "fiance", "fiancee",
    "brother-in-law", "sister-in-law", "father-in-law", "mother-in-law", "son-in-law", "daughter-in-law",
    "grandfather", "grandmother", "grandson", "granddaughter", "child", "children", "family",
})
"""Kin: a killing among them ("a man killed his wife", "stabbed to death by her husband") is no
political violence; ACLED leaves domestic violence out."""

PLAIN_PEOPLE = frozenset({"man", "woman", "youth", "boy", "girl", "person", "teenager", "neighbour", "neighbor",
                          "shopkeeper", "farmer", "driver", "student", "resident"})
"""Who a domestic killing is told of ("a man", "a youth"), as against a group or a force."""

CRIMINALS = frozenset({"robber", "thief", "burglar", "mugger", "carjacker", "pickpocket", "smuggler"})
"""Those whose killings ACLED leaves out as ordinary crime (bandits and gangs that fight for ground
are armed groups, not these)."""

MOTIVES = frozenset({"dispute", "feud", "quarrel", "argument", "row", "robbery", "theft", "burglary", "mugging",
                     "honour", "honor", "jealousy", "debt", "altercation", "brawl", "squabble", "vendetta"})
"""Reasons a text gives for a private killing ("over a land dispute", "in a family feud")."""

PRIVATE_DEATH_VERBS = frozenset({"kill", "shoot", "stab", "murder", "strangle", "beat", "hack", "poison", "slay",
                                 "behead", "injure", "wound"})


ARREST_VERBS = frozenset({"arrest", "detain", "apprehend", "nab", "hold", "capture", "seize", "charge", "book",
                          "round"})
"""Verbs an arrest is told with ("rounded up" is ``round``)."""

CRIMES = frozenset({
    "traffic", "trafficking", "trafficker", "smuggle", "smuggling", "smuggler", "poach", "poaching", "poacher",
    "theft", "steal", "stealing", "robbery", "rob", "burglary", "fraud", "forgery", "counterfeit", "drug",
    "narcotic", "heroin", "opium", "hashish", "cannabis", "methamphetamine", "cocaine", "contraband", "bribery",
    "embezzlement", "extortion", "gambling", "prostitution", "illegally", "unlicensed", "speeding", "vandalism",
})
"""Ordinary crimes an arrest may be for; ACLED leaves such arrests out."""

POLITICAL_WORDS = frozenset({
    "protest", "protester", "protestor", "demonstration", "demonstrator", "activist", "journalist", "reporter",
    "opposition", "party", "critic", "dissident", "politician", "candidate", "lawmaker", "leader", "official",
    "spy", "spying", "espionage", "terrorism", "terrorist", "treason", "sedition", "insurgency", "rebellion",
    "coup", "collaborator", "collaboration", "support", "supporter", "link", "affiliation", "member",
    "commander", "fighter", "militant", "insurgent", "rebel",
})
"""Words that make an arrest political or tie it to the conflict ("for supporting the rebels",
"on terrorism charges", "two journalists"): such an arrest is ACLED's."""

STANDING_WORDS = frozenset({"years-long", "decades-long", "long-running", "long-standing", "longstanding",
                            "protracted", "years", "decades"})
"""Words that make a fight a standing conflict rather than an incident ("a years-long battle", "have
fought for decades")."""

NEW_STORY = ("in a separate", "in another", "separately", "meanwhile", "elsewhere", "in other news")
"""Sentence openings that start another story: the cause told before them does not reach past them."""


class CausesStep:
    """Pipeline step: drops from ``doc.events`` those whose deaths the text puts down to a
    natural hazard, an accident, disease, a family quarrel or a crime (see the module's docstring)."""

    name = "causes"

    def __call__(self, doc: Document) -> Document:
        if doc.nlp is None or not doc.events:
            return doc
        story = _story_causes(doc)
        doc.events = [event for event in doc.events if not caused_outside_conflict(doc, event, story)
                      and not _tells_no_incident(doc, event)]
        return doc


def _tells_no_incident(doc: Document, event: Event) -> bool:
    """An event with no dead built from a sentence that tells an arrest for an ordinary crime or a
    standing conflict (see the module's docstring), and names no act of war."""
    if event.fatalities:
        return False
    span = _span(doc, event.start, event.end)
    if span is None:
        return False
    if event.detained:
        places = {offset for start, end, _place in doc.place_spans for offset in range(start, end)}
        if any(_crime_arrest(token, places) for token in span if token.lemma_.lower() in ARREST_VERBS):
            return not any(_armed(token) for token in span) and not _armed_group_side(doc, event)
    return any(_standing_fight(token) for token in span)


def _armed_group_side(doc: Document, event: Event) -> bool:
    """One of the event's sides, or a group its sentence names, is an armed group ("arrested a
    commander of <Group> on drug charges", "for extortion on behalf of <Group>"): the arrest is part of
    the conflict, whatever the charge."""
    if {doc.category_of(event.actor1), doc.category_of(event.actor2)} & ARMED_GROUP_CATEGORIES:
        return True
    return any(actor.category in ARMED_GROUP_CATEGORIES or (actor.category is None and not actor.new)
               for actor in doc.actors for mention in actor.mentions if event.start <= mention.start < event.end)


def _crime_arrest(verb: Any, places: set[int]) -> bool:
    """The arrest is told as being for an ordinary crime ("for illegally transporting a lion", "on
    drug trafficking charges", "over smuggling fuel"), and nothing in its reasons or its people makes
    it political (``places``: the offsets of the text's places, which the parser may tag as organisations)."""
    arrested = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    # the parser hangs the reason on the verb or on who was arrested ("detained five people on drug charges")
    reasons = [c for head in (verb, *arrested) for c in head.children
               if (c.dep_ == "advcl" and head is verb) or (c.dep_ == "prep" and c.lower_ in ("for", "on", "over"))]
    words = {t.lemma_.lower() for r in reasons for t in r.subtree} | {t.lower_ for r in reasons for t in r.subtree}
    people = {t.lemma_.lower() for c in arrested for t in c.subtree}
    if words & POLITICAL_WORDS or people & POLITICAL_WORDS:
        return False
    if any(t.ent_type_ in ("ORG", "NORP") and t.idx not in places for r in reasons for t in r.subtree):
        return False  # "for extortion on behalf of <Group>": a named organisation ties it to the conflict
    return bool(words & CRIMES)


def _standing_fight(token: Any) -> bool:
    """"has been fighting a years-long battle", "have fought for decades": a fight told as lasting
    years, in the perfect, not an incident on a day."""
    if token.lemma_.lower() not in ("fight", "battle", "wage", "clash"):
        return False
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    lasting = any(t.lower_ in STANDING_WORDS for t in verb.subtree)
    return perfect and lasting


def caused_outside_conflict(doc: Document, event: Event, story: list[tuple[int, str | None]] | None = None) -> bool:
    """Whether the sentences the event was told in put its deaths down to nature, an accident,
    disease, a family quarrel or a crime, and name no act of war.

    An event built from a detail sentence ("He said three women were killed ...") is read with the
    sentence that told it ("... jets bombed houses"), which gives the act. An event whose sentences
    give no cause, no act and no actor ("17 people were reported injured.") takes the cause the
    story told last before it (``story``, from :func:`_story_causes`)."""
    spans = [span for span in (_span(doc, event.start, event.end), _told_in(doc, event)) if span is not None]
    if not spans:
        return False
    verdicts = {_verdict(span) for span in spans}
    if "violence" in verdicts:
        return False
    if verdicts & {"mishap", "private"}:
        return True
    if event.actor1 or event.actor2 or not story:
        return False
    before = [cause for start, cause in story if start < min(span.start_char for span in spans)]
    return bool(before) and before[-1] in ("mishap", "private")


def _story_causes(doc: Document) -> list[tuple[int, str | None]]:
    """Each sentence's start with the cause the story stands at there (``violence``, ``private``,
    ``mishap``; see :func:`_verdict`), or None where the story has told none yet or another starts."""
    causes: list[tuple[int, str | None]] = []
    current: str | None = None
    for sent in doc.nlp.sents if doc.nlp is not None else ():
        if sent.text.lstrip().lower().startswith(NEW_STORY):
            current = None
        current = _verdict(sent) or current
        causes.append((sent.start_char, current))
    return causes


def _verdict(span: Any) -> str | None:
    """``violence`` when the span names an armed group or an act of violence, ``private`` when its
    killing is a family quarrel or a crime and no armed group takes part, ``mishap`` when it puts a
    death down to a hazard and names no act of violence, else None."""
    if any(_armed(token) for token in span):
        return "violence"
    if any(_private_cause(token) for token in span if token.lemma_.lower() in PRIVATE_DEATH_VERBS):
        return "private"
    if any(_violent(token) for token in span):
        return "violence"
    if any(_mishap_cause(token) for token in span if token.lemma_.lower() in DEATH_VERBS):
        return "mishap"
    return None


def _span(doc: Document, start: int, end: int) -> Any | None:
    span = doc.nlp.char_span(start, end, alignment_mode="expand") if doc.nlp is not None else None
    return span if span is not None and len(span) else None


def _told_in(doc: Document, event: Event) -> Any | None:
    """The sentence the event was told in, where it is not the one its offsets point at."""
    if not event.sentence or doc.text[event.start:event.end] == event.sentence:
        return None
    start = doc.text.find(event.sentence)
    return _span(doc, start, start + len(event.sentence)) if start >= 0 else None


def _armed(token: Any) -> bool:
    """A word of violence that is not one a private quarrel is also told with."""
    return _violent(token) and token.lemma_.lower() not in PERSONAL_ACTS and token.lower_ not in PERSONAL_ACTS


def _violent(token: Any) -> bool:
    word = token.lemma_.lower()
    if word == "strike" and token.pos_ == "VERB":
        return False  # "an earthquake struck"
    if word in ("shoot", "shot") and any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children):
        return False  # "prices shot up"
    if word in ("explosion", "blast"):
        return not _hazard_phrase(token)  # a blast is a bomb's unless its words make it an accident
    if word == "explode":
        return not any(c.dep_ in ("nsubj", "nsubjpass") and (_hazard_phrase(c) or _accidental(c))
                       for c in token.children)
    if word == "mine" and _pit(token):
        return False  # "a coal mine collapsed": a pit, not a landmine
    if token.pos_ == "NOUN" and (word in PERSONAL_ACTS or token.lower_ in PERSONAL_ACTS):
        return False  # "the woman accused of the murder": the killing told before, named again
    return word in VIOLENCE_WORDS or token.lower_ in VIOLENCE_WORDS


def _private_cause(verb: Any) -> bool:
    """The killing is told as a family quarrel or a crime: kin killed kin, a robber killed, or the
    text gives a private motive ("over a land dispute"). A killer who is neither kin, a criminal nor a
    plain person ("militiamen killed a man over a land dispute") keeps the event."""
    agents = [c for c in verb.children if c.dep_ == "nsubj"] + [
        o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    if any(a.lemma_.lower() not in KIN | CRIMINALS | PLAIN_PEOPLE for a in agents):
        return False
    if any(_kin(a) or a.lemma_.lower() in CRIMINALS for a in agents):
        return True  # "robbers killed", "stabbed to death by her husband"
    for child in verb.children:
        if child.dep_ == "dobj" and _kin(child) and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in PLAIN_PEOPLE for c in verb.children):
            return True  # "a man killed his wife"
        if child.dep_ == "prep" and child.lower_ in ("over", "in", "during", "after", "following", "amid") and any(
                o.lemma_.lower() in MOTIVES for o in child.children if o.dep_ == "pobj"):
            return True  # "over a land dispute", "in a family feud"
    return False


def _kin(noun: Any) -> bool:
    """"his wife", "her husband": kin named as someone's."""
    return noun.lemma_.lower() in KIN and any(c.dep_ == "poss" for c in noun.children)


def _mishap_cause(verb: Any) -> bool:
    """The cause the parse gives ``verb`` (a death, injury or damage verb), or the verbs it is
    joined with ("killed and injured in floods"), is a hazard."""
    if _killed_by_someone(verb):
        return False  # "gunmen killed two men after floods hit the province": someone killed them
    return any(_own_cause(joined) for joined in (verb, *verb.conjuncts))


def _killed_by_someone(verb: Any) -> bool:
    """An active, transitive use with a subject that is no hazard ("the militants killed two men")."""
    if verb.lemma_.lower() in VICTIM_SUBJECT_VERBS or not any(c.dep_ == "dobj" for c in verb.children):
        return False
    return any(not _hazard_phrase(c) and c.lower_ not in ("it", "which", "that")
               for c in verb.children if c.dep_ == "nsubj")


def _own_cause(verb: Any) -> bool:
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj") and _hazard_phrase(child):
            return True
        if child.dep_ in ("prep", "agent") and child.lower_ in CAUSE_PREPOSITIONS and any(
                _hazard_phrase(_through_result(obj)) for obj in child.children if obj.dep_ == "pobj"):
            return True
        if child.dep_ == "advcl" and _mishap_clause(child):
            return True  # "killed when their bus overturned"
    if verb.dep_ in ("acl", "relcl") and _hazard_phrase(verb.head):
        return True  # "the earthquake that killed 1,000"
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj") and _mishap_act(verb.head):
        return True  # "a bus plunged into a ravine, killing 15"
    return verb.lemma_.lower() in ("drown", "bury", "sweep") and not any(
        child.dep_ in ("nsubj", "agent") for child in verb.children)


def _through_result(noun: Any) -> Any:
    """"as a result of the earthquake", "in the aftermath of floods": the noun the phrase is about."""
    if noun.lemma_.lower() in ("result", "consequence", "aftermath", "wake"):
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                return next((o for o in prep.children if o.dep_ == "pobj"), noun)
    return noun


def _mishap_clause(clause: Any) -> bool:
    """A "when" or "after" clause that tells a mishap; the parser sometimes hangs it on its subject
    ("when [their car] overturned" with the verb as the noun's modifier)."""
    if not any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "after", "as") for c in clause.subtree):
        return False
    if clause.pos_ in ("NOUN", "PROPN"):
        return clause.lemma_.lower() in MISHAP_SUBJECTS and any(
            c.dep_ in ("acl", "relcl") and c.lemma_.lower() in MISHAP_VERBS for c in clause.children)
    return _mishap_act(clause) or any(c.dep_ == "nsubj" and _hazard_phrase(c) for c in clause.children)


def _mishap_act(verb: Any) -> bool:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.lemma_.lower() == "explode":
        return any(_accidental(s) for s in subjects)  # "a gas tanker exploded"; a car that exploded is a bomb
    if verb.lemma_.lower() not in MISHAP_VERBS:
        return False
    # the whole phrase: the parser makes "A bus carrying pilgrims" a phrase headed by "pilgrims"
    return any(_hazard_phrase(s) or any(t.lemma_.lower() in MISHAP_SUBJECTS for t in s.subtree) for s in subjects)


def _accidental(noun: Any) -> bool:
    """A phrase whose own words make what blew up an accident ("a gas tanker", "a boiler")."""
    return any(t.lower_ in ACCIDENTAL_EXPLOSIONS or t.lemma_.lower() in ACCIDENTAL_EXPLOSIONS for t in noun.subtree)


MINERALS = frozenset({"coal", "gold", "copper", "salt", "lapis", "jade", "emerald", "chromite", "iron", "talc",
                      "marble", "gypsum", "lithium", "uranium", "mining"})


def _pit(mine: Any) -> bool:
    """"a coal mine", "the gold mine", a mine that collapsed: a pit, not a landmine."""
    return any(c.lower_ in MINERALS for c in mine.children if c.dep_ in ("compound", "amod")) or (
        mine.dep_ in ("nsubj", "nsubjpass") and mine.head.lemma_.lower() in ("collapse", "cave", "flood"))


def _hazard_phrase(noun: Any) -> bool:
    """A noun phrase that names a hazard: its head ("floods", "a road accident") or an explosion
    its own words make an accident ("a gas cylinder explosion")."""
    head = noun.lemma_.lower()
    if head in HAZARD_NOUNS or noun.lower_ in HAZARD_NOUNS:
        return True
    if head in ("explosion", "blast"):
        return _accidental(noun)
    if head in ("toll", "death", "casualty"):
        return any(c.dep_ == "prep" and c.lower_ in ("from", "of", "in")
                   and any(_hazard_phrase(o) for o in c.children if o.dep_ == "pobj") for c in noun.children)
    return False
