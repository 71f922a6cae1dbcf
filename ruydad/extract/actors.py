"""Step ``actors``: the armed actors (and other organisations) named in the text.

Finding and naming actors is the actors package's job (``ruydad.actors``): its
``find_actor_mentions`` gives the mentions with offsets, including acronyms the text defines
("the National Resistance Front (NRF)") and unknown candidate groups ("X Front"), and
``resolve_actor`` maps a mention to the registry's canonical name, id and ACLED category. This
step calls those two functions, groups the mentions by canonical actor and records every span
in ``doc.actor_spans`` so that the quote, claim, statistic and event steps can ask "which actor
is named here?".

When ``ruydad.actors`` is not installed the step falls back to spaCy's ORG/NORP entities and
to capitalised phrases ending in a group word ("... Front", "... Movement"), with acronyms
defined in parentheses; no registry id and ``new`` set for every group. The fallback knows no
names: it is there so the pipeline runs, not to replace the registry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

from ruydad.extract.document import Actor, Document, Mention
from ruydad.taxonomy import ARMED_GROUP_CATEGORIES
from ruydad.theatres import TheatreLike, theatre_name

_GROUP_WORDS = (r"Front|Movement|Army|Brigades?|Network|Party|Council|Union|Forces|Militia|"
                r"Resistance|Alliance|Organi[sz]ation|Group|State|Qaeda|Emirate|Battalion|Corps|Jihad|Jamaat")


@cache
def _group_pattern(theatre: str | None) -> re.Pattern[str]:
    """Capitalised phrases ending in a group word, or in one of the theatre's one-word group names
    (``extract.yaml`` ``group_names``)."""
    from ruydad.theatres import as_theatre

    own = (as_theatre(theatre).data("extract.yaml") or {}).get("group_names") or ()
    words = _GROUP_WORDS + "".join("|" + re.escape(str(w)) for w in own)
    return re.compile(rf"\b(?:[A-Z][\w'’&-]*\s+|(?:of|the|and|&)\s+){{0,6}}(?:{words})\b")
_ACRONYM_DEF = re.compile(r"\(([A-Z][A-Z&-]{1,9})(?:\)|,\s)|\[([A-Z][A-Z&-]{1,9})\]")
"""An acronym defined after a name, in parentheses or square brackets: "(RSF)", "[RSF]", "(RSF, or
<other form> in <language>)"."""


@cache
def _category(actor_id: str, theatre: str | None) -> str | None:
    try:
        from ruydad.actors.registry import load_registry

        registry = load_registry(theatre) if theatre else load_registry()
        return str(registry.get(actor_id).category)
    except Exception:  # an id the registry cannot describe still names the actor
        return None


def _field(obj: Any, *names: str) -> Any:
    for name in names:
        if isinstance(obj, dict) and name in obj:
            return obj[name]
        if hasattr(obj, name):
            return getattr(obj, name)
    return None


class ActorsStep:
    """Pipeline step: ``doc.actors`` (one per canonical actor) and ``doc.actor_spans``."""

    name = "actors"

    def __init__(self, theatre: TheatreLike | None = None, *, registry: bool = True) -> None:
        self.theatre: str = theatre_name(theatre)
        self.registry = registry
        """False: find actors by group words alone, without the actor registry (a deliberate choice,
        never a fallback: the default step needs :mod:`ruydad.actors` and fails without it)."""

    def __call__(self, doc: Document) -> Document:
        if self.registry:
            import ruydad.actors as api

            found = list(self._registry_mentions(api, doc))
            if found and _story_elsewhere(doc.text, self.theatre):
                found = [(start, end, self._outside_the_theatre(doc.text[start:end], actor))
                         for start, end, actor in found]
            if any(_unidentified(actor) for _s, _e, actor in found) and (
                    _story_elsewhere(doc.text, self.theatre) or not _theatre_words(self.theatre).search(doc.text)):
                # the theatre's unidentified armed group is the story's country's (a story that names
                # no country and no place keeps the registry's, as it did)
                elsewhere = self._unidentified_group(api, doc, found)
                if _story_elsewhere(doc.text, self.theatre) or elsewhere.name.endswith(")"):
                    found = [(start, end, elsewhere if _unidentified(actor) else actor)
                             for start, end, actor in found]
            found += self._plural_mentions(api, doc, found)
            found += self._state_force_mentions(api, doc, found)
            found += self._longer_defined_names(api, doc, found)
            found += self._groups_named_by_members(api, doc, found)
            found += self._unknown_armed_groups(api, doc, found)
            found += self._defined_groups(doc, found)
            found += self._groups_defined_as_such(doc, found)
            found += self._groups_named_by_a_leading_group_word(doc, found)
            found += self._groups_named_in_the_plural(doc, found)
            found += self._named_forces(api, doc, found)
            found += self._other_forms_of_new_groups(doc, found)
            found += self._forces_of_the_only_country(api, doc, found)
            found = _numbered_units_of_the_army(doc.text, found)
            found += self._unnamed_armed_men(api, doc, found)
            found = _one_actor_per_definition(doc.text, found)
            found = _without_descriptors_of_affiliates(doc.text, found)
            found += _the_groups_own(doc.text, found)
        else:
            found = list(self._group_word_mentions(doc))
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        actors: dict[str, Actor] = {}
        spans: list[tuple[int, int, str]] = []
        last_end = -1
        for start, end, actor in found:
            if start < last_end:
                continue
            last_end = end
            known = actors.setdefault(actor.name, actor)
            known.mentions.append(Mention(doc.text[start:end], start, end))
            spans.append((start, end, actor.name))
        doc.actors = list(actors.values())
        doc.actor_spans = spans
        return doc

    def _registry_mentions(self, api: Any, doc: Document) -> Iterable[tuple[int, int, Actor]]:
        kwargs: dict[str, Any] = {"theatre": self.theatre} if self.theatre else {}
        for mention in api.find_actor_mentions(doc.text, **kwargs):
            start, end = _field(mention, "start"), _field(mention, "end")
            if start is None or end is None:
                continue
            actor_id = _field(mention, "actor_id", "registry_id")
            name = _field(mention, "name", "canonical_name") or doc.text[start:end]
            category = _category(str(actor_id), self.theatre) if actor_id else None
            yield start, end, Actor(name=str(name), registry_id=None if actor_id is None else str(actor_id),
                                    category=category, new=actor_id is None)

    def _outside_the_theatre(self, mention: str, actor: Actor) -> Actor:
        """In a story set in another country, a theatre branch the registry gives a group's bare
        press names ("<Group>" is its "<Region> Province" in this theatre) is the group itself, its
        parent: unless the mention names the branch (a word, or in an acronym the initial, of the
        branch's name that the parent's lacks)."""
        if actor.registry_id is None:
            return actor
        try:
            from ruydad.actors.registry import load_registry

            registry = load_registry(self.theatre) if self.theatre else load_registry()
            branch = registry.get(actor.registry_id)
            link = branch.parent
            if link is None or not re.search(r"(?i)\b(?:province|branch|wing|affiliate)\b", link.relation):
                return actor
            parent = registry.get(link.actor_id)
        except Exception:  # an id the registry cannot describe: keep the actor as found
            return actor
        own = set(re.findall(r"[a-z]+", branch.name.lower())) - set(re.findall(r"[a-z]+", parent.name.lower()))
        if not own:
            return actor
        words = set(re.findall(r"[a-z]+", mention.lower()))
        if mention.replace("-", "").isupper() and " " not in mention:
            if any(w[0].upper() in mention for w in own):
                return actor  # an acronym with the branch's initial
        elif words & own:
            return actor
        return Actor(name=str(parent.name), registry_id=str(parent.id),
                     category=_category(str(parent.id), self.theatre), new=False)

    def _registry_actor(self, api: Any, names: Iterable[str]) -> Actor | None:
        """The registry actor the first of ``names`` names exactly (a name, alias, acronym or dataset
        name; never a fuzzy match, which would turn a group's members into another group)."""
        kwargs: dict[str, Any] = {"theatre": self.theatre} if self.theatre else {}
        for name in names:
            try:
                match = api.resolve_actor(name, **kwargs)
            except Exception:  # the registry refusing a name: not that actor
                match = None
            if match is not None and getattr(match, "method", "fuzzy") != "fuzzy":
                actor = match.actor
                return Actor(name=str(actor.name), registry_id=str(actor.id),
                             category=_category(str(actor.id), self.theatre), new=False)
        return None

    def _plural_mentions(self, api: Any, doc: Document,
                         found: list[tuple[int, int, Actor]]) -> list[tuple[int, int, Actor]]:
        """Plurals of registry names ("the <Name>s", "<Demonym> <Name>s'"): the registry lists a
        group's name, the press also counts its members by it. The longest capitalised phrase
        ending in the plural whose singular the registry knows exactly."""
        extra: list[tuple[int, int, Actor]] = []
        for m in _PLURAL_PHRASE.finditer(doc.text):
            if _overlaps(m.start(), m.end("last"), found + extra):
                continue
            starts = [m.start("words") + w.start() for w in _PHRASE_WORD.finditer(m["words"] or "")]
            for start in [*starts, m.start("last")]:
                head = re.sub(r"\s+", " ", doc.text[start:m.end("last")])
                actor = self._registry_actor(api, _singulars(head))
                if actor is not None:
                    extra.append((start, m.end("last"), actor))
                    break
        return extra

    def _state_force_mentions(self, api: Any, doc: Document,
                              found: list[tuple[int, int, Actor]]) -> list[tuple[int, int, Actor]]:
        """A state's forces named by what they used or where they came from: "a <demonym> air
        strike", "jets from <country>", "strikes carried out by <country>", "<country> border guards".
        The country (pycountry, from the name or its demonym) is looked up in the registry as
        "<Country> forces"; a state the registry does not know gives "Military Forces of <Country>"
        (ACLED's naming), new; a registry actor that is not a state's forces is not one."""
        if getattr(api, "resolve_actor", None) is None:
            return []
        extra: list[tuple[int, int, Actor]] = []
        for m in _STATE_FORCE.finditer(doc.text):
            group = next(g for g in ("who", "who2", "who3") if m[g])
            start, end = m.span(group)
            country = _country_name(m[group])
            if country is None:
                continue
            candidates = [f for f in found if f[0] < m.end() and start < f[1]]
            if candidates and all(a.registry_id is None and a.category is None and s >= start
                                  for s, _e, a in candidates):
                # "the <Demonym> National Army": a name the registry only guessed to be a group
                for candidate in candidates:
                    found.remove(candidate)
                end = max(end, *(e for _s, e, _a in candidates))
            if _overlaps(start, end, found + extra):
                continue
            if group == "who" and m[0][m.end("who") - m.start():].strip()[:1].isupper():
                before = doc.text[max(0, start - 30):start].split()
                if before and before[-1][:1].isupper() and before[-1] not in ("The", "A", "An"):
                    continue  # "Free <Demonym> Army": a longer name that starts with someone else's word
            acronym = _ACRONYM_AFTER.match(doc.text, m.end()) if group == "who" else None
            if acronym is not None and m[0][m.end("who") - m.start():].strip()[:1].isupper():
                # "the <Demonym> Armed Forces (ACR)": the forces under the proper name the text
                # defines, and the acronym wherever it is used
                proper = Actor(name=m[0], registry_id=None, category="State forces", new=True)
                extra.append((start, m.end(), proper))
                _add_acronym_uses(doc.text, acronym["acronym"], proper, found, extra)
                continue
            if group == "who" and re.search(r"(?i)\b(?:police|constables?|gendarmes?)\b", m[0]):
                police = self._registry_actor(api, [f"{m[group]} police", f"{country} police"])
                extra.append((start, end, police or Actor(name=f"Police Forces of {_acled_country(country, of=True)}",
                                                          registry_id=None, category="State forces", new=True)))
                continue
            word = m[group]
            actor = self._state_actor(api, word, country, extra=(f"{word}ian forces", f"{word}i forces"))
            if actor is not None:
                extra.append((start, end, actor))
        return extra

    def _longer_defined_names(self, api: Any, doc: Document,
                              found: list[tuple[int, int, Actor]]) -> list[tuple[int, int, Actor]]:
        """A known name that the text continues with more capitalised words and an acronym of their
        own ("<Known Name> West Africa Province (ACR)", "<Known Name> of <Region> Province (ACR)")
        names another organisation, a branch or offshoot whose full name only starts like the known
        one: news defines an organisation once, in full and with its acronym, and the acronym
        starts with the name's first letter. The longer name, and its acronym wherever used, is that
        organisation (new), unless the registry knows the acronym (then the registry's actor is
        meant: "<Known Name> of <A> and <B> (ACR)")."""
        extra: list[tuple[int, int, Actor]] = []
        text = doc.text
        for start, end, _actor in list(found):
            m = _NAME_CONTINUATION.match(text, end)
            if m is None or m["acronym"][0] != _core(text[start:end])[:1].upper() or \
                    self._registry_actor(api, [m["acronym"]]) is not None:
                continue  # an acronym of the whole longer name starts as the name does
            actor = Actor(name=_canonical(text[start:m.end("name")]), registry_id=None, category=None, new=True)
            extra.append((start, m.end("name"), actor))
            _add_acronym_uses(text, m["acronym"], actor, found, extra)
        return extra

    def _groups_named_by_members(self, api: Any, doc: Document,
                                 found: list[tuple[int, int, Actor]]) -> list[tuple[int, int, Actor]]:
        """A group the text names as what its members belong to: "fighters of the <Name> Front",
        "terrorists who are members of the <Name> and <Name> (ACR, or <Other> in <Language>)",
        "militants loyal to the <Name> Movement". The name is an organisation when it ends in a
        group word, is an acronym itself, or the text gives its acronym right after it (a place
        would not have one: "fighters from <Region>"); the registry's actor when the registry knows the name, else new,
        and the acronym, wherever used, is the same group."""
        extra: list[tuple[int, int, Actor]] = []
        text = doc.text
        for m in _MEMBERS_OF.finditer(text):
            start, end = m.span("name")
            words = m["name"].split()
            acronym = _ACRONYM_AFTER.match(text, end)
            if words[0] in _NOT_GROUP_WORDS or _country_name(words[-1]) is not None or \
                    _country_name(m["name"]) is not None:
                continue
            if acronym is None and not re.fullmatch(_GROUP_WORDS, words[-1]) and \
                    not (len(words) == 1 and re.fullmatch(r"[A-Z][A-Z0-9&-]{1,9}", words[0])):
                continue  # a place ("fighters from <Region>"), unless an acronym: "rebels of the <ACR>"
            if acronym is not None:
                _drop_guessed_parts(found, start, end)  # "<Name> <Group word>" guessed inside the defined name
            if _overlaps(start, end, found + extra):
                continue
            known = self._registry_actor(api, _name_forms(m["name"]))
            actor = known or Actor(name=m["name"], registry_id=None, category=None, new=True)
            extra.append((start, end, actor))
            if acronym is not None:
                _add_acronym_uses(text, acronym["acronym"], actor, found, extra)
        return extra

    def _unnamed_armed_men(self, api: Any, doc: Document,
                           found: list[tuple[int, int, Actor]]) -> list[tuple[int, int, Actor]]:
        """Armed men named by what they are, not by a group: "gunmen", "bandits", "armed men",
        "kidnappers", "assailants", "the militants", "the terrorists", "jihadists". News names a
        group once and then by its kind, so in a text that names exactly one armed group (not a
        state's forces) these words are that group; in a text that names none, the words for men
        nobody identified ("gunmen", "bandits", "armed men", "kidnappers", or any of them said to be
        "unknown" or "unidentified") are ACLED's "Unidentified Armed Group" (the registry's, in a
        story of the theatre; "Unidentified Armed Group (<Country>)" in a story set in another
        country); with several groups, nobody can say
        which one, and they are left alone. A word after a capitalised name ("<Group> gunmen") or
        before "of/from <Name>" is someone's, found by the other rules; one the text describes by a
        side ("separatist militants", "pro-government gunmen", "former insurgents") is that side,
        which its own words name better than a guess."""
        groups = {actor.name: actor for _s, _e, actor in _kept(found)
                  if _armed_group(actor) and not _DEFENSIVE_NAME.search(actor.name)}
        if len(groups) > 1:
            return []
        group: Actor | None = next(iter(groups.values())) if groups else None
        if group is not None and all(_in_another_incident(doc, s_) for s_, _e, actor in _kept(found)
                                     if actor.name == group.name):
            group = None  # named only in another incident ("Separately, a <Group> commander was killed")
        named_by_words: Actor | None = None
        unknown: Actor | None = None
        extra: list[tuple[int, int, Actor]] = []
        for m in _ARMED_MEN.finditer(doc.text):
            start, end = m.span("men")
            before = _line_before(doc.text, m.start()).split()
            if before and before[-1][:1].isupper() and before[-1] not in ("The", "A", "An", "Suspected") and \
                    not before[-1].endswith((".", ",", ":", '"', "”")):
                continue  # "<Group> gunmen": the group's, found by the named-fighter rule
            if _OF_A_NAME.match(doc.text, m.end()) or _described(doc, start, end) or \
                    _in_scare_quotes(doc.text, m.start(), m.end()):
                continue  # someone's / described / a label in scare quotes, kept in the source's words
            if _overlaps(start, end, found + extra):
                continue
            if group is not None and not _in_another_incident(doc, start):
                extra.append((start, end, group))
            elif re.search(r"(?i)unknown|unidentified", m["qualifier"]):
                unknown = unknown or self._unidentified_group(api, doc, found)
                extra.append((start, end, unknown))
            elif _UNKNOWN_MEN.fullmatch(m["men"]):
                # "Bandits abducted ...", "gunmen stormed ...": men nobody named, under the text's
                # own word for them (its first use), one actor however often they are mentioned
                named_by_words = named_by_words or Actor(name=m["men"], registry_id=None,
                                                         category="Political militia", new=True)
                extra.append((start, end, named_by_words))
            # else "the attackers", "jihadists": a kind the text may describe otherwise, left alone
        return extra

    def _unidentified_group(self, api: Any, doc: Document, found: list[tuple[int, int, Actor]]) -> Actor:
        """ACLED's unidentified armed group for the story: the registry's in the theatre, else
        "Unidentified Armed Group (<Country>)" when the story names its one country or, naming none
        and nothing of the theatre, its places lie in one (:meth:`_country_of_places`, as for bare
        forces), else without a country."""
        from ruydad.theatres import as_theatre

        text = doc.text
        at_home = bool(_theatre_words(self.theatre).search(text))
        country: str | None = None
        if _story_elsewhere(text, self.theatre) or not at_home:
            country = _story_country(text)
            if country is None or len(_namesakes(country)) > 1:
                country = self._country_of_places(doc, found, _namesakes(country) if country else None) or country
            if country is not None and _country_code_of(country) != _country_code_of(as_theatre(self.theatre).country):
                name = f"Unidentified Armed Group ({_acled_country(country)})"
                return Actor(name=name, registry_id=None, category="Political militia", new=True)
        known = self._registry_actor(api, ["Unidentified Armed Group"]) if at_home else None
        return known or Actor(name="Unidentified Armed Group", registry_id=None, category="Political militia", new=True)

    def _unknown_armed_groups(self, api: Any, doc: Document,
                              found: list[tuple[int, int, Actor]]) -> list[tuple[int, int, Actor]]:
        """Groups named by what their members are: "Boko Haram Islamist militants", "Al Shabaab
        fighters". A name the registry knows in another form (its plural, "<Name>s", or with or
        without the Arabic article, "al-<Name>") is the registry's actor; any other is ``new``,
        with no registry id. A nationality or a country ("<demonym> fighters") is not a group."""
        extra: list[tuple[int, int, Actor]] = []
        names: dict[str, str] = {}
        dates = [(d.start, d.end) for d in doc.dates]
        for m in (m for pattern in _NAMED_FIGHTERS for m in pattern.finditer(doc.text)):
            start, end = m.span("name")
            if any(s < end and start < e for s, e in dates) or m["name"].split()[0] in _CALENDAR_WORDS:
                continue  # "on Tuesday insurgents attacked": a day, not a group's name
            if _TOLD_OR_CITED.search(doc.text[max(0, start - 30):start]):
                continue  # "residents told <Agency> gunmen attacked", "citing <Name> members": who was told, a source
            surface = m["name"]
            trimmed = re.sub(r"(?:[ -]+(?:Islamist|Jihadist|Muslim|Armed))+$", "", surface)
            end -= len(surface) - len(trimmed)
            surface = trimmed
            words = surface.split()
            while len(words) > 1 and words[0] in _NOT_GROUP_WORDS:
                # "The <Name> militia attacked", "Suspected <Name> militants": the article or the
                # qualifier is not the name
                start += len(surface) - len(surface.split(" ", 1)[1])
                surface = surface.split(" ", 1)[1]
                words = words[1:]
            if words[0] in _NOT_GROUP_WORDS or _overlaps(start, end, found + extra) or \
                    _country_name(words[-1]) is not None or _country_name(surface) is not None:
                continue
            known = self._registry_actor(api, _name_forms(surface))
            if known is not None:
                extra.append((start, end, known))
                continue
            name = names.setdefault(surface.lower().replace("-", " "), re.sub(r"\s*-\s*", " ", surface))
            extra.append((start, end, Actor(name=name, registry_id=None, category=None, new=True)))
        return extra

    def _named_forces(self, api: Any, doc: Document,
                      found: list[tuple[int, int, Actor]]) -> list[tuple[int, int, Actor]]:
        """Armed organisations named "<Name> Forces" / "<Name> Force" that the registry lacks ("the
        paramilitary <Name> Support Forces", "<Demonym> Democratic Forces"): a capitalised name of
        two words or more with at least one word that is not a generic force word or a country
        ("Security Forces", "Special Forces", "<Country> Armed Forces" are not a group's name);
        ``new``, no registry id."""
        extra: list[tuple[int, int, Actor]] = []
        for m in _FORCES_NAME.finditer(doc.text):
            start, end = m.span("name")
            words = m["name"].split()
            while words and words[0] in ("The", "A", "An"):
                start += len(words[0]) + 1
                words = words[1:]
            body = words[:-1]
            if not body or _overlaps(start, end, found + extra) or \
                    _TOLD_OR_CITED.search(doc.text[max(0, start - 30):start]):
                continue
            if all(w in _GENERIC_FORCE_WORDS or _country_name(w) is not None for w in body):
                continue
            name = " ".join(words)
            known = self._registry_actor(api, [name])
            extra.append((start, end, known or Actor(name=name, registry_id=None, category=None, new=True)))
        return extra

    def _other_forms_of_new_groups(self, doc: Document,
                                   found: list[tuple[int, int, Actor]]) -> list[tuple[int, int, Actor]]:
        """A new group named again in another form ("Houthi rebels" ... "the Houthis"; "Shabaab
        militants" ... "Al-Shabaab") or spelling ("al-Shabaab" ... "al-Shabab": news copy mixes the
        transliterations of one name, doubled vowels, o/u, e/i): its plural, the name with or without
        the Arabic article, or a spelling with the same transliteration skeleton, is the same group,
        under the fullest name the text gives first ("Al Shabaab")."""
        from ruydad.geo.names import fold, normalize

        extra: list[tuple[int, int, Actor]] = []
        groups: dict[str, list[Actor]] = {}
        for _s, _e, actor in found:
            if actor.new and actor.registry_id is None and actor.category is None:
                groups.setdefault(fold(normalize(_core(actor.name))), []).append(actor)
        for key, same in groups.items():
            actor = same[0]
            core = _core(actor.name)
            if len(key) < 3:
                continue
            with_article = False
            for variant in dict.fromkeys(_core(a.name) for a in same):
                body = r"[- ]+".join(re.escape(w) for w in variant.split())
                pattern = re.compile(rf"(?<![\w-])(?P<al>[Aa]l[- ]+)?{body}(?P<plural>e?s)?(?![\w-])")
                for m in pattern.finditer(doc.text):
                    with_article = with_article or bool(m["al"])
                    if not (m["al"] or m["plural"] or " " in variant):
                        continue  # a one-word name as it was found may describe people ("a <Name> journalist")
                    if not _overlaps(m.start(), m.end(), found + extra):
                        extra.append((m.start(), m.end(), actor))
            name = f"Al {core}" if with_article or any(re.match(r"(?i)al\s", a.name) for a in same) else actor.name
            for other in same:
                other.name = name  # one group: "Shabaab militants", "Al Shabaab fighters", "al-Shabab"
        return extra

    def _forces_of_the_only_country(self, api: Any, doc: Document,
                                    found: list[tuple[int, int, Actor]]) -> list[tuple[int, int, Actor]]:
        """In a text that names no state's forces and happened in one country, "the army", "soldiers",
        "troops", "the armed forces", "security forces" and "police(men)" are that country's forces
        ("four soldiers were killed in northern <Country> ... the army counter-attacked"; "eight
        policemen were killed after <Group> stormed a checkpoint in <Province>"): ACLED names them
        "Military Forces of <Country>" and "Police Forces of <Country>" (the country as ACLED writes
        it). The country is the one the text names, or describes its places by ("the <Demonym>
        province of ..."), else the theatre's when the text names the theatre's places, else the one
        country of the places the text names ("soldiers were killed in <Name> state": news often
        names only the state); the places also decide a short name two countries share
        ("<City>, <Name>" where "<Name>" is one country's name and the start of another's).
        Not "former soldiers" (people, no longer a force),
        not "<Group> soldiers" (someone's), not a force named as the source ("the army said"). Where
        the text also names an armed group, bare military words are still the state's (ACLED codes
        "<Group> fighters killed 15 soldiers" as the group against the country's military), except
        words that make them the group's own ("its troops", "rebel soldiers"); police words are
        always the state's."""
        if not _BARE_FORCES.search(doc.text):
            return []
        country = _story_country(doc.text)
        if country is None and not _story_elsewhere(doc.text, self.theatre) and \
                _theatre_words(self.theatre).search(doc.text):
            from ruydad.theatres import as_theatre

            country = as_theatre(self.theatre).country
            if not _theatre_country_words(self.theatre).search(doc.text):
                # the theatre named only by a word one of its units bears ("<Name>", a person's name
                # too): the story's places, where they lie in one country, say whose forces these are
                country = self._country_of_places(doc, found, None) or country
        if country is None or len(_namesakes(country)) > 1:
            country = self._country_of_places(doc, found, _namesakes(country) if country else None) or country
        if country is None:
            return []
        known = [actor for _s, _e, actor in found if actor.category in _STATE_CATEGORIES
                 and not actor.name.startswith("Police") and country.casefold() in actor.name.casefold()]
        military = known[0] if known else self._state_actor(api, country, country)
        others = [actor for _s, _e, actor in _kept(found) if _armed_group(actor)]
        police = Actor(name=f"Police Forces of {_acled_country(country, of=True)}", registry_id=None,
                       category="State forces", new=True)
        spans: list[tuple[int, int, Actor]] = []
        for m in _BARE_FORCES.finditer(doc.text):
            before = _line_before(doc.text, m.start()).split()
            if before and before[-1][:1].isupper() and before[-1].lower() not in _NEUTRAL_MODIFIERS | _STATES_OWN and \
                    not before[-1].endswith((".", ",", ":")):
                continue  # "<Group> soldiers", "<Demonym> troops": someone's, not the country's ("Three
                # soldiers" opening a sentence is a count)
            if before and re.fullmatch(r"(?i)former|ex-?|retired|off-duty|veteran", before[-1]):
                continue
            if others and before and re.fullmatch(_SOMEONES_FORCES, before[-1]):
                continue  # "its troops", "rebel soldiers": a named group's own men, not the state's
            if _SPEAKS_AFTER.match(doc.text, m.end()):
                continue  # "the army said", "police officials": who reports, not who fought
            start, end = m.span("force")
            if _overlaps(start, end, found + spans):
                continue
            if re.search(r"(?i)police|constable|gendarme", m["force"]):
                spans.append((start, end, police))
                acronym = _ACRONYM_AFTER.match(doc.text, end)
                if acronym is not None and " " in m["force"]:
                    # "the Divisional Police Officer (ACR)": the post, wherever its acronym is used
                    _add_acronym_uses(doc.text, acronym["acronym"], police, found, spans)
            elif military is not None:
                spans.append((start, end, military))
        return spans

    def _country_of_places(self, doc: Document, found: list[tuple[int, int, Actor]],
                           among: frozenset[str] | None) -> str | None:
        """The one country of the places a story names, as the places step resolves them (a
        first-level subdivision, "<Name> state", or a town or district the world index places in
        one country): for a story that names no country ("soldiers were killed in <Name> state"),
        or names one by a short name several countries share (then only one of ``among``). None
        when its places lie in several countries or in none: a name is never guessed. The places
        step is run on a copy of the document, with the actors found so far (a group's name is not
        a place), so the step itself decides what a name is, and nothing of it is kept."""
        import copy

        from ruydad.extract.places import PlacesStep

        probe = copy.copy(doc)
        probe.actor_spans = [(s, e, a.name) for s, e, a in _kept(found)]
        probe.places, probe.place_spans = [], []
        PlacesStep(self.theatre)(probe)
        codes = {p.admin1_code[:2] for p in probe.places if p.kind != "country" and p.admin1_code}
        if len(codes) != 1 or (among is not None and not codes <= among):
            return None
        return _country_of_code(codes.pop())

    def _state_actor(self, api: Any, word: str, country: str, extra: Iterable[str] = ()) -> Actor | None:
        """The registry's actor for a country's forces ("<word> forces", "<Country> forces", then the
        ``extra`` queries), else "Military Forces of <Country>" under ACLED's name for the country
        (new); None when the registry's actor of that name is not a state's forces. Only an exact
        registry name counts: a fuzzy match of one demonym is another country's ("<Demonym>ian
        forces" one letter from a neighbour's)."""
        actor = self._registry_actor(api, [f"{word} forces", f"{country} forces", *extra])
        if actor is None:
            return Actor(name=f"Military Forces of {_acled_country(country, of=True)}", registry_id=None,
                         category="State forces", new=True)
        return actor if actor.category in _STATE_CATEGORIES else None

    def _defined_groups(self, doc: Document, found: list[tuple[int, int, Actor]]) -> list[tuple[int, int, Actor]]:
        """Organisations the registry does not know that the text names in full with their acronym
        ("the Kurdistan Workers' Party (PKK)": a capitalised name ending in a group word, then the
        acronym in parentheses), and the acronym wherever it is used after; ``new``, no registry id."""
        extra: list[tuple[int, int, Actor]] = []
        text = doc.text
        taken = [(s, e) for s, e, _a in found]
        for m in _group_pattern(self.theatre).finditer(text):
            acronym = _ACRONYM_DEF.match(text, m.end() + 1) if text[m.end():m.end() + 2] in (" (", " [") else None
            if acronym is None:
                continue
            start = _name_start(text, m.start(), m.end())
            if any(s < acronym.end() and start < e for s, e in taken) or len(text[start:m.end()].split()) < 2:
                continue
            actor = Actor(name=_canonical(text[start:m.end()]), registry_id=None, category=None, new=True)
            extra.append((start, m.end(), actor))
            taken.append((start, acronym.end()))
            for use in re.finditer(rf"\b{re.escape(acronym.group(1) or acronym.group(2))}\b", text):
                if not any(s < use.end() and use.start() < e for s, e in taken):
                    extra.append((use.start(), use.end(), actor))
        return extra

    def _groups_defined_as_such(self, doc: Document,
                                found: list[tuple[int, int, Actor]]) -> list[tuple[int, int, Actor]]:
        """A name the text defines with its acronym and then calls a group ("the <Name> (ACR) group",
        "the <Name> (ACR) militia", "<Name> (ACR) rebels"): an organisation though its name ends in no
        group word ("Cooperative for the Development of ..."), as a place or a person is never so
        described; ``new``, with the acronym wherever used after."""
        extra: list[tuple[int, int, Actor]] = []
        text = doc.text
        for m in _DEFINED_AS_GROUP.finditer(text):
            start = _name_start(text, m.start("name"), m.end("name"))
            if _overlaps(start, m.end("acronym") + 1, found + extra) or len(text[start:m.end("name")].split()) < 2:
                continue
            actor = Actor(name=_canonical(text[start:m.end("name")]), registry_id=None, category=None, new=True)
            extra.append((start, m.end("name"), actor))
            _add_acronym_uses(text, m["acronym"], actor, found, extra)
        return extra

    def _groups_named_by_a_leading_group_word(self, doc: Document, found: list[tuple[int, int, Actor]]
                                              ) -> list[tuple[int, int, Actor]]:
        """An organisation whose name opens with the armed word and says what for, defined with its acronym
        ("<Volunteers/Front/Movement/Group> for the <Cause> of <Name> (ACR)"): the name ends in no group word,
        so the other rules miss it; ``new``, with the acronym wherever used after."""
        extra: list[tuple[int, int, Actor]] = []
        text = doc.text
        for m in _LEADING_GROUP_WORD.finditer(text):
            start, end = m.span("name")
            if _overlaps(start, m.end("acronym") + 1, found + extra):
                continue
            actor = Actor(name=_canonical(m["name"]), registry_id=None, category=None, new=True)
            extra.append((start, end, actor))
            _add_acronym_uses(text, m["acronym"], actor, found, extra)
        return extra

    def _groups_named_in_the_plural(self, doc: Document,
                                    found: list[tuple[int, int, Actor]]) -> list[tuple[int, int, Actor]]:
        """A group the press names by its members in the plural, alone ("<Name>s attacked government
        troops", "the <Name>s were forced to withdraw"), that the registry does not know: the plural is
        the group when the text also uses the name as an armed word's qualifier ("a <Name> assault",
        "<Name> fighters") and the plural is the subject of an active verb at least once (a people or a
        community is more often what was done to: "<Name>s were killed"). Peoples of a country and
        words that open a sentence anyway ("Officials", "Residents") are not: the singular must be
        used as a qualifier. A plural named as the doer of an act of violence ("gunned down by <Name>s",
        "an ambush by <Name>s", "<Name>s ambushed the patrol") is the group without one. Every plural
        mention is then the group, under its singular name."""
        if doc.nlp is None:
            return []
        text = doc.text
        plurals: dict[str, list[tuple[int, int]]] = {}
        active: set[str] = set()
        violent: set[str] = set()
        for token in doc.nlp:
            word = token.text
            if len(word) < 5 or not word[0].isupper() or not word.endswith("s") or not word[1:].islower():
                continue
            singular = word[:-1]
            if singular in _NOT_GROUP_WORDS or singular in _CALENDAR_WORDS or _names_a_country(singular) \
                    or _names_a_country(word):
                continue
            plurals.setdefault(singular, []).append((token.idx, token.idx + len(word)))
            # the doer of violence, capitalised inside a sentence (a proper name, not a sentence's first word:
            # "Clashes killed ..."), alone (not the last word of a longer name: "<Name> Forces") and not a word
            # for armed men ("Bandits", "Insurgents")
            named = not token.is_sent_start and token.i > 0 and token.nbor(-1).is_alpha and \
                (token.nbor(-1).is_lower or token.nbor(-1).text == "The") and not _ARMED_MEN.fullmatch(word)
            if token.dep_ == "nsubj" and token.head.pos_ == "VERB":
                active.add(singular)
                if named and token.head.lemma_.lower() in _VIOLENT_LEMMAS:
                    violent.add(singular)
            if named and token.dep_ == "pobj" and token.head.lower_ == "by" and \
                    token.head.head.lemma_.lower() in _VIOLENT_LEMMAS:
                violent.add(singular)  # "gunned down by <Name>s", "an ambush by <Name>s"
        extra: list[tuple[int, int, Actor]] = []
        for singular, spans in plurals.items():
            if singular not in violent and (
                    singular not in active or not re.search(rf"\b{re.escape(singular)}\s+{_ARMED_NOUN}\b", text)):
                continue
            actor = Actor(name=singular, registry_id=None, category=None, new=True)
            extra += [(s, e, actor) for s, e in spans if not _overlaps(s, e, found + extra)]
        return extra

    def _group_word_mentions(self, doc: Document) -> Iterable[tuple[int, int, Actor]]:
        text = doc.text
        spans: list[tuple[int, int]] = []
        if doc.nlp is not None:
            spans += [(e.start_char, e.end_char) for e in doc.entities if e.label_ in ("ORG", "NORP")]
        for m in _group_pattern(self.theatre).finditer(text):
            spans.append((_name_start(text, m.start(), m.end()), m.end()))
        acronyms: dict[str, str] = {}
        for start, end in spans:
            after = _ACRONYM_DEF.match(text, end + 1) if end + 1 < len(text) else None
            if after:
                acronyms[after.group(1) or after.group(2)] = _canonical(text[start:end])
        for acronym in acronyms:
            spans += [(m.start(), m.end()) for m in re.finditer(rf"\b{re.escape(acronym)}\b", text)]
        for start, end in spans:
            surface = text[start:end]
            name = acronyms.get(surface, _canonical(surface))
            if len(name) < 3 or not name[0].isupper():
                continue
            yield start, end, Actor(name=name, registry_id=None, category=None, new=True)


_THE_GROUPS_OWN = re.compile(
    r"\b[Tt]he\s+(?:group|movement|organi[sz]ation|outfit|militia|insurgents|rebels|militants)['’]s?\s+"
    r"(?:forces|fighters|militants|members|men|gunmen|troops|cadres)\b")
"""Men named as "the group's" ("the group's forces have killed ...", "the movement's fighters")."""


def _the_groups_own(text: str, found: list[tuple[int, int, Actor]]) -> list[tuple[int, int, Actor]]:
    """"The group's forces", "the movement's fighters": the armed group the text named last before,
    when there is one (a story names the group, then speaks of "the group"); none is guessed."""
    spans: list[tuple[int, int, Actor]] = []
    groups = sorted(((start, actor) for start, _end, actor in found if _armed_group(actor)), key=lambda g: g[0])
    for m in _THE_GROUPS_OWN.finditer(text):
        if _overlaps(m.start(), m.end(), found):
            continue
        before = [actor for start, actor in groups if start < m.start()]
        if before:
            spans.append((m.start(), m.end(), before[-1]))
    return spans


_FORCE_WORDS = (r"forces|force|military|army|air force|navy|troops|soldiers?|servicem[ae]n|junta|regime|jets|"
                r"warplanes|aircraft|drones?|air ?strikes?|drone strikes?|policem[ae]n|police officers?|police|"
                r"constables?|gendarmes?|"
                r"artillery|shelling|shells|rockets|border guards|border police|guards|helicopters|gunships|"
                r"(?:pro-?)?government militiam[ae]n|(?:pro-?)?government militias?")
_STATE_FORCE = re.compile(
    rf"\b(?P<who>[A-Z][a-z]{{2,20}})(?:['’]s)?\s+"
    rf"(?i:(?:security|border|armed|military|air|regular|special|government|national|federal|defen[cs]e)\s+){{0,2}}"
    rf"(?i:{_FORCE_WORDS})\b"
    rf"|\b(?:{_FORCE_WORDS}|strikes|attacks|bombardment)\s+(?:carried out |conducted |launched |fired )?"
    rf"(?:by|from)\s+(?:the\s+)?(?P<who2>[A-Z][a-z]{{2,20}})\b"
    rf"|\b(?:carried out|conducted|launched)\s+by\s+(?P<who3>[A-Z][a-z]{{2,20}})\b")
_DEFINED_AS_GROUP = re.compile(
    r"(?P<name>(?:[A-Z][\w'’-]*\s+(?:(?:of|for|the|and)\s+)*){1,7}[A-Z][\w'’-]*)\s+\((?P<acronym>[A-Z][A-Z&-]{1,9})\)"
    r"(?:\s+(?:armed|rebel|militia|militant|jihadist|insurgent|terrorist|separatist))?\s+"
    r"(?:group|militia|militias|rebels|fighters|militants|movement|faction|insurgents)\b")
"""A name with its acronym, then a word that makes it an organisation: "the <Name> (ACR) group"."""
_DEFENSIVE_NAME = re.compile(r"(?i)\b(?:volunteers|vigilantes?|self-defen[cs]e|defen[cs]e\s+of|home\s+guards?|"
                             r"civilian\s+joint\s+task\s+force|protection)\b")
"""Names of armed men who defend a place or a community, with or for the state ("Volunteers for the Defense of
the <Name>", "<Name> Self-Defense Group"): the attackers a story names by a word ("jihadists", "gunmen") are
not they."""
_LEADING_GROUP_WORD = re.compile(
    r"\b(?P<name>(?:Volunteers|Front|Movement|Group|Forces|Army|Brigades?|Militia|Coalition|Alliance)\s+(?:for|of)\s+"
    r"(?:the\s+)?(?:[A-Z][\w'’-]*\s+(?:(?:of|for|the|and|in)\s+)*){0,6}[A-Z][\w'’-]*)\s+"
    r"\((?P<acronym>[A-Z][A-Z&-]{1,9})\)")
"""A name that opens with its armed word, then what for, with its acronym: "<Front> for the <Cause> of <Name> (ACR)"."""
_ARMED_NOUN = (r"(?:assault|attacks?|offensive|fighters|rebels|militants|militia|militiamen|forces|troops|"
               r"insurgents|gunmen|drones?|missiles?|shelling|positions|commanders?|movement|group)")
"""Nouns a group's name qualifies ("a <Name> assault", "<Name> fighters", "<Name> positions")."""
_VIOLENT_LEMMAS = frozenset({"kill", "gun", "shoot", "ambush", "attack", "abduct", "kidnap", "storm", "raid",
                             "behead", "massacre", "bomb", "torch", "execute", "assassinate", "murder", "slaughter"})
"""Acts of violence whose doer, named by a plural ("gunned down by <Name>s", "<Name>s ambushed ..."), is a
group: a people or a community the text names is more often what was done to."""
_STATE_CATEGORIES = frozenset({"External/Other forces", "State forces"})
_GROUP_KIND = r"(?:extremist|militant|jihadist|Islamist|insurgent|terrorist|armed|rebel|separatist)"
_NAMED_FIGHTERS = (re.compile(
    r"\b(?P<name>(?:[Aa]l[- ]+)?(?:(?:[A-Z][\w'’]+|al)[ -]){0,3}[A-Z][\w'’]+)\s+(?:Islamist\s+|jihadist\s+|armed\s+)?"
    r"(?:militants|fighters|insurgents|rebels|jihadists|gunmen|militiamen|members|militias?|separatists|"
    r"mercenaries)\b"), re.compile(
    rf"\b(?P<name>(?:[Aa]l[- ]+)?(?:[A-Z][\w'’]+[ -]){{0,3}}[A-Z][\w'’]+)\s+(?:{_GROUP_KIND}\s+){{1,2}}"
    r"(?:group|movement|organi[sz]ation|outfit|faction)\b"), re.compile(
    rf"\b{_GROUP_KIND}\s+(?:group|movement|organi[sz]ation|outfit|faction),?\s+"
    r"(?P<name>(?:[Aa]l[- ]+)?(?:[A-Z][\w'’]+[ -]){0,2}[A-Z][\w'’]+)"), re.compile(
    r"\b[Tt]he\s+(?P<name>(?:[Aa]l[- ]+)?(?:[A-Z][\w'’]+[ -]){0,2}[A-Z][\w'’]+)\s+"
    r"(?:faction|outfit|splinter group|group|insurgency)\b"), re.compile(
    r"\b(?P<name>(?:[Aa]l[- ]+)?(?:[A-Z][\w'’]+[ -]){0,3}[A-Z][\w'’]+)\s+(?:(?:has|have|had|later|quickly|"
    r"swiftly|also|reportedly)\s+){0,2}claimed\s+(?:responsibility|the\s+(?:attack|bombing|killing|raid))"))
"""A group named by what its members are ("Al Shabaab fighters"), by what it is ("the Al Shabaab
extremist group", "the jihadist group Al-Shabaab") or as a faction or group ("the <Name> faction of
<Other>", "the <Name> group"), or as the one that claimed an attack ("<Name> claimed responsibility":
only an organisation claims one)."""
_NOT_GROUP_WORDS = frozenset({
    "The", "A", "An", "Several", "Some", "Many", "Armed", "Islamist", "Local", "Suspected", "Unidentified",
    "Unknown", "Foreign", "Enemy", "Both", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
    "At", "Of", "In", "On", "Its", "Their", "His", "Her", "Our", "Government", "Militia", "Resistance",
    "Security", "Border", "Police", "Army", "Military", "Rebel", "Shiite", "Sunni", "Shia", "Muslim",
    "Another", "Other", "This", "That", "These", "Those", "Each", "Every", "Any", "No", "Such", "One", "Which",
    # words that describe armed men at the start of a sentence ("Rival militias clashed", "Masked gunmen")
    "Rival", "Masked", "Hooded", "Alleged", "Rogue", "Renegade", "Breakaway", "Heavily", "Dozens", "Hundreds",
    "Scores", "Gun-wielding", "Motorcycle-borne", "Former", "Disgruntled",
})


_CALENDAR_WORDS = frozenset({
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December", "Today", "Yesterday",
})
"""Capitalised words of a date ("on Tuesday insurgents attacked"), never a group's name."""
_NAME_CONTINUATION = re.compile(
    r"(?P<name>(?:\s+(?:(?:of|and|for|in|the)\s+)*[A-Z][\w'’-]*){1,5})\s*\((?P<acronym>[A-Z]{2,}[A-Za-z&-]{0,8})[),]")
"""More of a capitalised name after a known one, then an acronym: " West Africa Province (ACR)"."""
_ACRONYM_AFTER = re.compile(r"\s*\((?P<acronym>[A-Z]{2,}[A-Za-z&-]{0,8})[),]")
_MEMBERS_OF = re.compile(
    r"\b(?i:militants|fighters|insurgents|jihadists|gunmen|militiamen|terrorists|rebels|members|operatives|"
    r"commanders|cadres)\s+(?:of|from|belonging\s+to|affiliated\s+(?:to|with)|linked\s+to|loyal\s+to)\s+"
    r"(?:the\s+)?(?P<name>(?:[Aa]l[- ]+)?[A-Z][\w'’-]*(?:\s+(?:(?:of|for|and|al|wal|the)\s+)*(?:(?:al|wal|el|ul)-)?"
    r"[A-Z][\w'’-]*){0,6})")
"""A group named as what its members belong to: "members of the <Name> (ACR)", "fighters of the <Name> Front",
"fighters of <Name> <Name> al-<Name> (ACR)" (an Arabic article joined by a hyphen, in lower case)."""
_ARMED_MEN = re.compile(
    r"\b(?P<qualifier>(?:(?i:unknown|unidentified|armed|suspected|masked|heavily)\s+)*)"
    r"(?P<men>[Gg]unmen|[Bb]andits|[Aa]rmed men|[Kk]idnappers|[Aa]bductors|[Aa]ssailants|[Aa]ttackers|[Rr]aiders|"
    r"[Hh]erdsmen|[Mm]iscreants|"
    r"[Mm]ilitants|[Tt]errorists|[Jj]ihadists|[Ii]nsurgents|[Ee]xtremists)\b")
"""Armed men named by what they are, not by their group."""
_TOLD_OR_CITED = re.compile(r"(?i:\b(?:told|tells|telling|informed|citing|quoting|according\s+to)\s+(?:the\s+)?$)")
"""Words after which a name is who was told or who is the source of a report, not a group's."""
_UNKNOWN_MEN = re.compile(r"(?i)gunmen|bandits|armed men|kidnappers|abductors|herdsmen|miscreants")
"""Words the press uses for armed men it cannot name (ACLED's unidentified armed group), unlike
"attackers" or "jihadists", which are said of a group the text may describe otherwise; "herdsmen" is the
Sahel and Nigerian press's word for armed herders nobody names, "miscreants" the South Asian press's for
attackers nobody names."""
_OF_A_NAME = re.compile(r"\s+(?:of|from|belonging\s+to|loyal\s+to|linked\s+to|affiliated\s+(?:to|with))\s+"
                        r"(?:the\s+)?(?:[Aa]l[- ]+)?[A-Z]")
_NOT_ARMED_NAME = re.compile(
    r"(?i)\b(?:council|union|party|organi[sz]ation|programme|program|agency|committee|commission|mission|office|"
    r"ministry|department|directorate|association|institute|bank|fund|court|nations|cross|crescent|observatory|"
    r"watch|times|news|press|radio|television|tv)\b")
"""Words of an organisation's name that is not an armed group ("<Name> Council", "<Name> Watch")."""


_ANOTHER_INCIDENT = re.compile(
    r"(?i)^\W*(?:separately|elsewhere|meanwhile|in\s+(?:a|another)\s+(?:separate\s+)?(?:incident|attack|development))\b")


def _in_another_incident(doc: Document, offset: int) -> bool:
    """The words are in a sentence that opens another incident ("Separately, bandits killed ..."):
    its armed men are not the group the story named for the first one."""
    index = doc.sentence_at(offset)
    return index >= 0 and bool(_ANOTHER_INCIDENT.match(doc.sentences[index].text))


def _line_before(text: str, offset: int) -> str:
    """Up to 30 characters before ``offset`` on its line: a byline or a dateline on the line
    above is not a word in front of the name."""
    before = text[max(0, offset - 30):offset]
    return before.rsplit("\n", 1)[-1]


_NEUTRAL_MODIFIERS = frozenset({
    "unknown", "unidentified", "armed", "suspected", "masked", "heavily", "alleged", "several", "some", "many",
    "dozens", "hundreds", "scores", "more", "other", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "fleeing", "motorcycle", "motorbike", "the", "a", "an", "these", "those", "local", "gun-wielding",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
})
"""Words in front of "gunmen" / "militants" that do not say whose they are."""
_STATES_OWN = frozenset({"government", "federal", "national", "regular", "state", "security"})
"""Words in front of "troops" / "forces" that make them the state's ("Government troops killed ...", "Security
troops killed ..." opening a sentence), not a named group's."""


def _described(doc: Document, start: int, end: int) -> bool:
    """Whether the noun at ``start``-``end`` has a modifier that says whose or what side it is
    ("separatist militants", "pro-government gunmen", "former insurgents"), by the parse when there
    is one, else by the word in front."""
    if doc.nlp is not None:
        span = doc.nlp.char_span(start, end, alignment_mode="expand")
        if span is not None:
            head = span.root
            return any(c.dep_ in ("amod", "compound", "nmod", "npadvmod") and c.i < head.i and
                       c.lower_ not in _NEUTRAL_MODIFIERS and not c.like_num and c.pos_ != "NUM"
                       for c in head.children)
    before = _line_before(doc.text, start).split()
    return bool(before) and before[-1].lower() not in _NEUTRAL_MODIFIERS and bool(
        re.fullmatch(r"[a-z][a-z-]*(?:ist|ite|ese|ian|an|al|ive|ent|er|ex-)", before[-1].lower()))


def _in_scare_quotes(text: str, start: int, end: int) -> bool:
    """Whether ``start``-``end`` is a short phrase in quotation marks (some "armed bandits"): a label
    the source uses, which the text keeps at a distance and the extraction keeps in its words."""
    if text[end:end + 1] not in ('"', "”", "’", "'"):
        return False
    before = text[max(0, start - 40):start]
    opening = max(before.rfind(q) for q in ('"', "“", "‘", "'"))
    return opening >= 0 and len(before[opening + 1:].split()) <= 3


@lru_cache(maxsize=4096)
def _names_a_country(word: str) -> bool:
    """Whether a capitalised word is a country's name or its people's (:func:`_country_name`), kept per
    process: every capitalised plural of every text is asked, and pycountry's lookups are slow."""
    return _country_name(word) is not None


def _drop_guessed_parts(found: list[tuple[int, int, Actor]], start: int, end: int) -> None:
    """Drop the candidate groups the registry only guessed (no id, no category) that lie inside a longer
    name the text defines with its acronym ("Jamaat <Name>" inside "Jamaat <Name> al-<Name> wal-<Name>
    (ACR)"): the defined name is the group, its first words are not another."""
    inside = [f for f in found if start <= f[0] and f[1] <= end]
    if inside and all(a.registry_id is None and a.category is None for _s, _e, a in inside):
        for guessed in inside:
            found.remove(guessed)


def _one_actor_per_definition(text: str, found: list[tuple[int, int, Actor]]) -> list[tuple[int, int, Actor]]:
    """One actor for what the text defines as one: a group found under an acronym the text defines for
    another actor ("the <Name> Forces (ACR) ... five ACR fighters", read by another rule as a new group
    "ACR") is that actor, and so is a unit the text gives as an actor's own ("<ACR>'s <Name> Corps")."""
    defined: dict[str, Actor] = {}
    for start, end, actor in _kept(found):
        acronym = _ACRONYM_AFTER.match(text, end)
        if acronym is not None and text[start:end] != acronym["acronym"]:
            defined.setdefault(acronym["acronym"], actor)
    named = {text[s:e]: a for s, e, a in _kept(found)}
    out: list[tuple[int, int, Actor]] = []
    for start, end, actor in found:
        owner = re.match(r"(?P<owner>[\w-]+(?:\s+[\w-]+){0,3})['’]s\s+[A-Z]", actor.name)
        if actor.new and actor.registry_id is None and actor.category is None:
            if actor.name in defined and defined[actor.name] is not actor:
                actor = defined[actor.name]
            elif owner is not None and (mine := defined.get(owner["owner"]) or named.get(owner["owner"])) \
                    is not None and mine is not actor:
                actor = mine
        out.append((start, end, actor))
    return out


_AFFILIATE_AFTER = re.compile(r"\s+(?:affiliate|offshoot|splinter\s+group|branch|faction|wing|franchise)\s*,?\s+"
                              r"(?:the\s+|called\s+|named\s+|known\s+as\s+)?")


def _without_descriptors_of_affiliates(text: str, found: list[tuple[int, int, Actor]]
                                       ) -> list[tuple[int, int, Actor]]:
    """A group named only to describe another that the text then names ("an <Group> affiliate <Name>",
    "a <Group> splinter group, <Name>") is not an actor there: the affiliate is."""
    starts = {s: a for s, _e, a in found}
    out: list[tuple[int, int, Actor]] = []
    for start, end, actor in found:
        m = _AFFILIATE_AFTER.match(text, end)
        if m is not None and (other := starts.get(m.end())) is not None and other is not actor:
            continue
        out.append((start, end, actor))
    return out


_UNIT_NAME = re.compile(r"\b(?:Corps|Division|Brigade|Battalion|Regiment)$")
_ARMY_UNIT_BEFORE = re.compile(
    r"(?i:(?:\b(?:military|army|armed\s+forces)['’]s\s+(?:the\s+)?)?\b(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|"
    r"fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+)$")


def _numbered_units_of_the_army(text: str, found: list[tuple[int, int, Actor]]) -> list[tuple[int, int, Actor]]:
    """A formation the text numbers ("the 207th <Name> Corps", "the military's 3rd <Name> Brigade") is a unit
    of a state's army, not a group of its own: where the text names one state's military forces, it is
    they (a new group found under the unit's name is dropped for them)."""
    states = {a.name: a for _s, _e, a in found if a.category in _STATE_CATEGORIES and a.name.startswith("Military")}
    if len(states) != 1:
        return found
    military = next(iter(states.values()))
    out: list[tuple[int, int, Actor]] = []
    for start, end, actor in found:
        if actor.new and actor.registry_id is None and actor.category is None and _UNIT_NAME.search(actor.name) \
                and _ARMY_UNIT_BEFORE.search(text[max(0, start - 40):start]):
            actor = military
        out.append((start, end, actor))
    return out


def _kept(found: list[tuple[int, int, Actor]]) -> list[tuple[int, int, Actor]]:
    """The mentions that survive overlaps as the step resolves them (the earliest, then the longest):
    "<Known Name>" inside "<Known Name> West Africa Province" is not a mention of its own."""
    kept: list[tuple[int, int, Actor]] = []
    last_end = -1
    for start, end, actor in sorted(found, key=lambda f: (f[0], -(f[1] - f[0]))):
        if start >= last_end:
            kept.append((start, end, actor))
            last_end = end
    return kept


def _unidentified(actor: Actor) -> bool:
    """ACLED's unidentified armed group (the registry's or a country's)."""
    return actor.name.startswith("Unidentified Armed Group") or (actor.registry_id or "").startswith("unidentified")


def _armed_group(actor: Actor) -> bool:
    """An armed group other than a state's forces: a registry rebel group or militia (not the
    unidentified armed group), or a new group whose name is not an office, a party, a newsroom or a
    state's own service (:func:`_state_service`)."""
    if _unidentified(actor):
        return False
    if actor.category in ARMED_GROUP_CATEGORIES:
        return True
    return actor.category is None and actor.new and not _NOT_ARMED_NAME.search(actor.name) and \
        not _state_service(actor.name)


_SERVICE_WORDS = re.compile(
    r"\b(?:Security|Civil\s+Defen[cs]e|Police|Gendarmerie|Army|Armed\s+Forces|Air\s+Force|Navy|Corps|Guards?|"
    r"Intelligence|Customs|Immigration|Counter[- ]?[Tt]errorism)\b")
_INSURGENT_WORDS = re.compile(
    r"\b(?:Liberation|Resistance|Freedom|Free|Revolution\w*|Front|Movement|Democratic|People['’]?s?|Popular|"
    r"Islamic|Salvation|Patriotic|Independence|Rebels?|Insurgents?|Mujahideen)\b")


def _state_service(name: str) -> bool:
    """Whether a name the registry lacks is a state's own service: it opens with a country's name or
    its people's and holds a service word ("<Country> Security and Civil Defence Corps", "<Demonym>
    Counter-Terrorism Service"), and no word of an insurgency ("<Country> People's Liberation Army",
    "<Demonym> Democratic Forces", "<Country> Freedom Front" are movements against the state)."""
    first = name.split()[0] if name.split() else ""
    return len(first) >= 4 and first[0].isupper() and _names_a_country(first) and \
        bool(_SERVICE_WORDS.search(name)) and not _INSURGENT_WORDS.search(name)


_PLACE_NOUN = r"(?:province|state|region|district|town|city|village|county|territory|capital)"
_DEMONYM_PLACE = re.compile(
    rf"\b(?:the|a|an)\s+(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)"
    rf"(?:ern)?\s+)?(?P<demonym>[A-Z][a-z]{{2,}})\s+{_PLACE_NOUN}\b")
"""A country named by its demonym and a place ("the northern <Demonym> province of ...")."""


@cache
def _acled_country_forms() -> dict[str, tuple[str, str]]:
    """ISO alpha-3 -> (ACLED's name of the country, the form ACLED writes after "Forces of"), from
    ``theatres/acled_country_names.csv``: ACLED has names of its own (not always ISO's) and writes "the"
    before some ("Military Forces of the <Name> Republic of <Name>"); data, not code."""
    import csv
    import io

    from ruydad.theatres import shipped_file

    text = shipped_file("acled_country_names.csv").read_text(encoding="utf-8")
    return {row["iso3"].upper(): (row["name"], row["of_form"]) for row in csv.DictReader(io.StringIO(text))}


def _acled_country(country: str, *, of: bool = False) -> str:
    """A country as ACLED writes it in an actor's name: its own name ("Unidentified Armed Group
    (<name>)"), or with ``of`` the form after "Forces of"; the name as given where ACLED uses ISO's."""
    from ruydad.geo.countries import country_code

    forms = _acled_country_forms().get(country_code(country) or "")
    if forms is None:
        return country
    return forms[1] if of else forms[0]


def _namesakes(country: str) -> frozenset[str]:
    """The ISO alpha-2 codes of the countries a short name may mean: its own, and every country whose
    ISO name starts with it ("<Name>" and "<Name>, <The Other> Republic of the": news writes both
    by the short name)."""
    import pycountry

    from ruydad.geo.countries import country_code

    code = country_code(country)
    own = pycountry.countries.get(alpha_3=code) if code else None
    prefix = country.casefold() + ","
    return frozenset({str(c.alpha_2) for c in pycountry.countries if str(c.name).casefold().startswith(prefix)} |
                     ({str(own.alpha_2)} if own is not None else set()))


def _country_code_of(country: str) -> str | None:
    """ISO alpha-3 of a country name as the text or pycountry writes it (``ruydad.geo.countries``)."""
    from ruydad.geo.countries import country_code

    return country_code(country)


def _country_of_code(alpha2: str) -> str | None:
    import pycountry

    country = pycountry.countries.get(alpha_2=alpha2)
    return None if country is None else str(getattr(country, "common_name", None) or country.name)


def _story_country(text: str) -> str | None:
    """The one country a story happened in: the one it names (not as a neighbour or an origin, not
    by its border); among several, the one it says it happened in ("in southwest <Country>");
    else the one its places are described by ("the northern <Demonym> province of <Name>")."""
    named = [(m, name) for m in _COUNTRY_CANDIDATE.finditer(text)
             if not _NEIGHBOUR.search(text[max(0, m.start() - 30):m.start()])
             and not _BORDER_AFTER.match(text, m.end())
             and (name := _country_by_name(m[0])) is not None]
    countries = {name for _m, name in named}
    if len(countries) > 1:
        # a wire headline that opens with the country ("<Country>: ...") says where the story is set
        headline = {name for m, name in named if m.start() == len(text) - len(text.lstrip()) and
                    text[m.end():m.end() + 1] == ":"}
        countries = headline or {name for m, name in named
                                 if _IN_COUNTRY.search(text[max(0, m.start() - 40):m.start()])}
    if not countries:
        countries = {c for m in _DEMONYM_PLACE.finditer(text) if (c := _country_name(m["demonym"])) is not None}
    return countries.pop() if len(countries) == 1 else None


_FORCES_NAME = re.compile(r"(?<![\w-])(?P<name>(?:[A-Z][\w'’-]+\s+){1,4}Forces?)\b")
_GENERIC_FORCE_WORDS = frozenset({
    "Security", "Armed", "Defence", "Defense", "Special", "Government", "Federal", "National", "Regular", "Police",
    "Military", "Air", "Ground", "Land", "Naval", "Coalition", "Allied", "Joint", "Border", "Operations",
    "Operation", "Task", "Rapid", "Reaction", "Response", "Peacekeeping", "Marine", "Navy", "Army", "State",
    "Public", "Internal", "Interior", "Local", "Provincial", "Regional", "International", "Foreign", "Enemy",
    "Opposition", "Rebel", "Pro-government", "Government-backed", "Combined", "Multinational", "Elite",
})
"""Words of a force's description, not of an organisation's name ("Special Operations Forces")."""
_COUNTRY_CANDIDATE = re.compile(r"\b[A-Z][a-zà-ÿ]+(?:(?:\s+(?:of\s+(?:the\s+)?)?|\s+d['’])[A-Z][a-zà-ÿ]+){0,3}\b")
"""A capitalised phrase that may be a country's name, "of (the)" and a French "d'" included ("<Name>
Republic of <Name>", "<Name> d'<Name>")."""
_NEIGHBOUR = re.compile(r"(?i:(?:border(?:s|ing)?(?:\s+with)?|neighbou?ring|from|fled\s+to)\s+(?:the\s+)?$)")
"""A country named as a neighbour or an origin ("near the border with X"), not where it happened."""
_BORDER_AFTER = re.compile(r"['’]?s?\s+(?:border|frontier)\b")
"""A country named by its border ("not far from the X border"): a neighbour."""
_IN_COUNTRY = re.compile(r"(?i:\bin\s+(?:the\s+)?(?:(?:north|south|east|west|central|centre|center|far|"
                         r"(?:north|south)[- ]?(?:east|west))(?:ern)?\s+)?$)")
"""Where a story happened: "in <Country>", "in southwest <Country>", "in northern <Country>"."""
def _overlaps(start: int, end: int, spans: list[tuple[int, int, Actor]]) -> bool:
    """Whether ``start:end`` overlaps a span already read as an actor (a text span names one actor)."""
    return any(s < end and start < e for s, e, _a in spans)


def _add_acronym_uses(text: str, acronym: str, actor: Actor, found: list[tuple[int, int, Actor]],
                      extra: list[tuple[int, int, Actor]]) -> None:
    """Every use of an acronym the text defined for ``actor`` names that actor too, where no other
    actor was read there ("the <Name> Front (ACR) ... ACR fighters")."""
    for use in re.finditer(rf"\b{re.escape(acronym)}\b", text):
        if not _overlaps(use.start(), use.end(), found + extra):
            extra.append((use.start(), use.end(), actor))


_BARE_FORCES = re.compile(r"\b(?P<force>[Aa]rmy|[Mm]ilitary|[Ss]oldiers?|[Tt]roops|[Ss]ecurity forces|[Aa]rmed forces|"
                          r"(?:[Ff]ederal|[Gg]overnment|[Rr]egular|[Ss]tate)\s+forces|"
                          r"[Ss]ervicem[ae]n|[Jj]unta|[Gg]endarmes?|[Pp]olicem[ae]n|[Pp]olice officers?|"
                          r"[Ss]ecurity personnel|(?:[Ff]ederal|[Nn]ational|[Ss]tate|[Pp]rovincial|[Rr]iot)\s+police|"
                          r"[Pp]olice personnel|[Pp]olice constables?|[Cc]onstables?|"
                          r"(?:[Dd]ivisional|[Dd]istrict|[Ss]ub-?[Dd]ivisional|[Aa]rea|[Ss]tation)\s+[Pp]olice\s+"
                          r"[Oo]fficers?)\b")
"""Forces named without whose they are; a police officer by the title of a post ("the Divisional Police
Officer") is the police's too."""
_SOMEONES_FORCES = (r"(?i)its|their|whose|his|her|our|own|rebel|insurgent|militant|resistance|opposition|"
                    r"enemy|jihadist|separatist|guerrilla|group['’]s|faction['’]s")
"""A word before "soldiers", "troops" or "military" that makes them a group's, not the state's ("whose military
commander": the commander of the group just named)."""
_SPEAKS_AFTER = re.compile(r"['’]?s?\s+(?:said|says|spokes\w*|statement|officials?|sources?|chief|told|confirmed|"
                           r"added|reported|media)\b")
"""A force named as the source of a report ("the army said", "military sources")."""
"""Forces named without whose they are (checked: not after a capitalised word, "<Group> soldiers")."""


@cache
def _theatre_words(theatre: str | None) -> re.Pattern[str]:
    """The theatre's country, its demonyms and its province and district names, as one pattern: a
    story that names none of them is not set in the theatre."""
    import csv

    from ruydad.theatres import as_theatre

    info = as_theatre(theatre)
    words = {info.country, *info.demonyms}
    units = info.path / "geo" / "units.csv"
    if units.exists():
        with units.open(encoding="utf-8") as handle:
            words |= {row["name"] for row in csv.DictReader(handle)
                      if row.get("level") in ("1", "2") and row.get("name")}
    names = sorted((w for w in words if len(w) > 3), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in names) + r")\b")


@cache
def _theatre_country_words(theatre: str | None) -> re.Pattern[str]:
    """The theatre's country and its demonyms, as one pattern."""
    from ruydad.theatres import as_theatre

    info = as_theatre(theatre)
    names = sorted((w for w in {info.country, *info.demonyms} if w), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in names) + r")\b")


def _story_elsewhere(text: str, theatre: str | None) -> bool:
    """The story names another country (by name or demonym) and nothing of the theatre's."""
    if _theatre_words(theatre).search(text):
        return False
    for m in _COUNTRY_CANDIDATE.finditer(text):
        if _country_by_name(m[0]) is not None:
            return True
    return any(_country_name(w) is not None for w in set(_DEMONYM_WORD.findall(text)))


_DEMONYM_WORD = re.compile(r"\b[A-Z][a-z]{2,}(?:i|n|ese|ish)\b")


def _name_start(text: str, start: int, end: int) -> int:
    """Where a capitalised group name found between ``start`` and ``end`` begins: after a leading
    "the/of/and", and at a capitalised "The" inside it ("CITY, 21 Mar The <Name> Armed Forces": a
    name does not hold "The", what comes before it is a dateline or another phrase)."""
    inner = [m.start() for m in re.finditer(r"(?<=\s)The\s", text[start:end])]
    if inner:
        start += inner[-1]
    while text[start:end].lower().startswith(("the ", "of ", "and ")):
        start = text.index(" ", start) + 1
    return start


def _country_by_name(words: str) -> str | None:
    """The country a capitalised phrase names by its name (not a demonym): "<Country>" or its
    first words ("<Country> Faso" in "northern <Country> Faso")."""
    import pycountry

    from ruydad.geo.countries import dataset_names

    parts = words.replace("’", "'").split()  # a typographic apostrophe ("<Name> d’<Name>") is ISO's plain one
    for n in range(len(parts), 0, -1):
        candidate = " ".join(parts[:n])
        try:
            country = pycountry.countries.lookup(candidate)
        except LookupError:
            if candidate.casefold() in dataset_names():
                return candidate
            continue
        names = {str(getattr(country, a, "") or "").casefold() for a in ("name", "common_name", "official_name")}
        if candidate.casefold() in names:  # a name, not a two- or three-letter code ("At")
            return str(getattr(country, "common_name", None) or country.name)
    return None


@cache
def _demonyms() -> dict[str, str]:
    """Demonym -> country, from countryinfo's country data ("<Demonym>" -> "<Country>"); where
    one demonym is used for several countries, the most populous is meant."""
    import unicodedata

    import countryinfo

    best: dict[str, tuple[int, str]] = {}
    for country in countryinfo.all_countries():
        try:
            demonym, name, population = country.demonym(), country.name(), int(country.population() or 0)
        except Exception:  # a territory with incomplete data names no demonym
            continue
        if not demonym or not name:
            continue
        key = unicodedata.normalize("NFKD", str(demonym)).encode("ascii", "ignore").decode().casefold()
        if key not in best or population > best[key][0]:
            best[key] = (population, str(name))
    return {key: name for key, (_p, name) in best.items()}


def _country_name(word: str) -> str | None:
    """The country a name or demonym names ("<demonym>" -> the country, a demonym
    that adds to or drops letters of the name, via pycountry; else a demonym of countryinfo's
    country data, "<Demonym>" -> "<Country>"); None for anything else."""
    found = _country_name_by_form(word)
    if found is None and len(word) >= 4:
        import unicodedata

        found = _demonyms().get(unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().casefold())
    return found


def _country_name_by_form(word: str) -> str | None:
    import pycountry

    from ruydad.geo.countries import dataset_names

    # English demonyms: "-i", "-n", "-ian", "-ese", "-ish" ("<Turk>ish" -> "<Turk>ey") on the name
    for candidate in (word, word[:-1], word[:-3], word[:-2], word + "istan", word[:-1] + "a", word + "a",
                      word[:-3] + "ey", word[:-4] + "a", word[:-4] + "o", word[:-3] + "on", word + "s"):
        if len(candidate) < 4:
            continue
        try:
            country = pycountry.countries.lookup(candidate)
        except LookupError:
            if candidate.casefold() in dataset_names():  # a name the datasets use, ISO no longer does
                return candidate
            continue
        return str(getattr(country, "common_name", None) or country.name)
    return None


_PLURAL_PHRASE = re.compile(
    r"(?<![\w-])(?P<words>(?:(?:[A-Z][\w'’-]*|[Aa]l)[ -]+){0,3})(?P<last>[A-Z][\w-]*[a-z]s)(?:['’]s?)?(?![\w-])")
"""A capitalised phrase whose last word may be a plural ("<Demonym> <Name>s", "the <Name>s'")."""
_PHRASE_WORD = re.compile(r"(?!(?:The|An?)\s)(?:[A-Z][\w'’-]*|[Aa]l)(?=[ -])")


def _singulars(phrase: str) -> list[str]:
    """What a plural's singular may be: "<Name>s" -> "<Name>", "<Name>es" -> "<Name>" too, and
    the phrase itself (a registry that lists the plural as an alias)."""
    forms = [phrase[:-1]]
    if phrase.endswith("es"):
        forms.append(phrase[:-2])
    return [phrase, *forms]


def _core(name: str) -> str:
    """A group's name without the Arabic article: "Al Shabaab", "al-Shabaab" -> "Shabaab"."""
    return re.sub(r"^[Aa]l[- ]+(?=[A-Z])", "", name).strip()


def _name_forms(surface: str) -> list[str]:
    """The forms a registry may list a group under that the text names by its members' name
    ("<Name> fighters"): the name, its plural, and with and without the Arabic article."""
    core = _core(surface)
    forms = [surface, core, f"{core}s", f"al-{core}", f"Al {core}", f"al {core}"]
    return list(dict.fromkeys(forms))


def _canonical(surface: str) -> str:
    surface = re.sub(r"['’]s$", "", surface.strip())
    return re.sub(r"^(?:the|The)\s+", "", surface)
