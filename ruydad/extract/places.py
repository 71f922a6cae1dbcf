"""Step ``places``: place names in the text, resolved to administrative units.

Candidate spans come from three sources, so that a name the statistical tagger misses is still
seen: spaCy's GPE/LOC/FAC entities; names in front of a kind word ("Andar district", "Baghlan
province", "Salang valley"), including coordinated lists in front of a plural kind word ("the
Andarab and Khost-Farang districts", "Sar-e-Pol, Nuristan and Faryab provinces"); and proper
nouns after a locative preposition ("in Kapisa"). A parenthetical right after a name stays
with it ("Khost (Hindukush)"), because it is how writers disambiguate.

Each span is resolved by the geography layer (:func:`ruydad.geo.resolve_place`), with the kind
word as a hint and the paragraph as context, so that a district is read inside the provinces
the paragraph names: "Khost (Hindukush)" beside Andarab is Khost wa Fereng district of Baghlan,
not Khost province. A name the text puts in a province ("Khost district of Baghlan province",
"the Hesarak area of Nangarhar", "Baghlan's Khost district", "Najarab district, Kapisa
province") is looked for only inside that province (more loosely: 'Najarab' is Nijrab), and
the same name later in the article keeps that reading; if the province has no such place the
name is left out, never read elsewhere. A village, valley or area the text puts in a district ("the
<Village> area of <District> district", "... of <District> district in <Province>") is looked for only inside
that district (the district's own province after it, else its one reading, else the one in the
provinces the text names), and is the district itself when the district has no such place: a
namesake elsewhere (a village of the same name in the province the story names first) is never
taken, since a writer who names the district has said where it is. A district name the gazetteer
does not know as written ("Anaba district") is looked for inside the provinces the article names,
and kept when exactly one has it. A name whose readings lie in different provinces that the text does not decide
between ("Baharak district" alone) becomes a place of kind ``ambiguous`` with its readings in
``alternatives``; it places no event. In a story from a country the theatre does not cover, the
names of that country's ISO 3166-2 subdivisions ("Yobe state", via pycountry) are its provinces;
the country may be named, also after a direction word ("in western <Country>"), or, in a story
with no place of the theatre, only by its people ("<Demonym> shelling", derived from the
country's name), and a subdivision written in another romanisation ("<Name>iya province" for
"As <Name>iyah" governorate) matches when no other subdivision comes as close. A story that names
no country and no place of the theatre is placed by "<name> state/province/governorate" when
exactly one subdivision in the world has that name and that ISO type (also when the countries it
names have none: a backer's or a neighbour's name does not hide it). GeoNames' names of a country's
provinces count as well ("North Kivu" for the ISO "Nord-Kivu"), and a second-level ISO unit ("<Name>
province" inside a region) is a district of the province GeoNames has at its first level.

Other names of a story from another country are read in the world index (:mod:`ruydad.geo.world`,
GeoNames) inside the countries it names as places (by name, in a dateline, or by one of their provinces; by their
people only when it names none): a town or district there gives its province and district when all
its namesakes there lie in one province, else it is an ``ambiguous`` place; a bare name must be a
town of :data:`MIN_BARE_TOWN_POPULATION` people; a town outside the provinces its paragraph names is
someone else's; "in southern <Town>" is the province around it; "near/outside <capital>" and
"adjacent to <X>" place nothing (a capital is often a province of its own). A name the index does
not know that the text puts in a unit ("<Town>, in <Name> province") is in that unit everywhere in
the story. A story that names no country is placed by the regions it puts its names in ("south
<Region>'s <Name> district", "the <Name> district of <Region>"), else by the first-level divisions its
other names are ("in <Region>" ... "<Name> district"), else, for a unit the writer calls a district, by the
one province in the world that holds a district of that name: the name is read only inside those
divisions, and placed when its readings there lie in one province. The theatre's gazetteer is asked
first, always: the world index only reads what it does not know.
Spans that overlap an actor mention (a group name, "Kapisa Resistance") or a news outlet's name
("<City> Now", "the <City> Times", "Radio Free <Place>": :func:`outlet_spans`) are not places; a
facility named after its place ("<City> International Airport", "<District> Air Base") is in
that place. Country names are resolved with pycountry (kind ``country``). Names the gazetteer
does not know are left out rather than guessed.

``doc.place_spans`` keeps every resolved span with its place for the events step; the place in
a wire dateline ("CITY, Country (Jan. 25, 2013)", "CITY: ...", "MOSCOW (Sputnik) - ...")
is where the story was filed, not where anything happened, and is flagged by leaving it out
of ``place_spans`` (it stays in ``doc.places``).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from ruydad.extract.dates import dateline_span
from ruydad.extract.document import Document, Mention, Place
from ruydad.theatres import TheatreLike, theatre_name

KIND_WORD = r"(?:province|district|valley|city|village|town|region|area|state|governorate)s?"
_NAME = r"[A-Z][\w'’.]{0,30}(?:[ -](?:e|i|ye|al|wa|va|[A-Z][\w'’]{0,30})){0,4}"
_AREA_KINDS = frozenset({"area", "region"})
_DIRECTION = re.compile(r"(?i)^(?:north|south|east|west|northern|southern|eastern|western|central|"
                        r"north-?east(?:ern)?|north-?west(?:ern)?|south-?east(?:ern)?|south-?west(?:ern)?)\s+")
_FILED_FROM = re.compile(
    r"(?:^|\n)[ \t]*(?P<city>[A-Z][A-Za-z'’.-]{1,30}(?:[ -][A-Z][A-Za-z'’.-]{1,30})?)"
    r"(?:,\s*(?P<country>[A-Z][A-Za-z .'’-]{1,30}?))?(?:\s*\([^)\n]{1,40}\))?\s*(?::|[—–]|--?)\s")
"""A dateline without a date ("CITY: ...", "City (Country): ...", "MOSCOW (Sputnik) - ..."):
where the story was filed, not where anything happened."""
"""Kind words that are not part of a gazetteer name ("the Hesarak area", "Andarab areas")."""
# Bounded repetitions throughout: on a run of capitalised words without a kind word an unbounded
# pattern backtracks quadratically (a 100 kB text of "Abc Abc ..." took minutes).
_KIND_SPAN = re.compile(
    rf"(?P<names>{_NAME}(?:\s*\([A-Za-z][\w ’'-]{{0,30}}\))?(?:(?:,\s*|\s+and\s+|,\s+and\s+)(?:the\s+)?{_NAME}"
    rf"(?:\s*\([A-Za-z][\w ’'-]{{0,30}}\))?){{0,8}})"
    rf"\s+(?P<tribal>(?i:tribal)\s+)?(?P<kind>(?i:{KIND_WORD}))\b")  # "<Name> tribal district"
_KIND_BEFORE = re.compile(
    rf"\b(?P<kind>(?i:province|state|governorate|district|territory|city))\s+of\s+(?P<name>{_NAME})\b")
_SPLIT_LIST = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_LOCATIVE = {"in", "near", "at", "from", "across", "around", "outside", "inside", "to", "of", "with", "between",
             "toward", "towards", "into", "through", "via", "along", "beyond", "on"}
_STOP_NAMES = frozenset({"Islamic", "International", "National", "The", "A", "An", "In", "Also"})
"""Capitalised words that open a phrase before a kind word but never a place name; the theatre adds
its demonyms and its ``extract.yaml`` ``not_place_words`` (:func:`_stop_names`)."""
MIN_LOCATIVE_SCORE = 95.0
MIN_ENTITY_SCORE = 90.0
MIN_MINOR_PLACE_SCORE = 97.0
"""A bare name read as a village or town must match a spelling almost exactly: thousands of
hamlets share their names with people and tribes ("Alaudin", "Haqqani")."""


@cache
def _geo() -> Any:
    """The geography package (the gazetteer's resolver): part of Ruydad, imported when first needed."""
    import ruydad.geo as geo

    return geo


@cache
def _country(name: str) -> tuple[str, str] | None:
    """(ISO 3166-1 alpha-3, official short name) for a country name, via pycountry."""
    import pycountry

    if len(name) < 4 or not name[0].isupper():
        return None
    try:
        country = pycountry.countries.lookup(name)
    except LookupError:
        # a name ISO does not use, as the datasets write it (``theatres/country_names.csv``)
        from ruydad.geo.countries import dataset_names

        code = dataset_names().get(name.casefold())
        known = pycountry.countries.get(alpha_3=code) if code else None
        return (str(known.alpha_3), str(known.name)) if known is not None else None
    return str(country.alpha_3), str(country.name)


_DEMONYM_STEMS = (("n", ""), ("ese", ""), ("lese", ""), ("ien", ""), ("ian", ""), ("an", ""), ("i", ""), ("", "a"),
                  ("ian", "e"), ("ish", "ey"), ("can", "que"), ("", "istan"), ("", "s"))
"""How an English demonym is formed from its country's name (<name>-n, <name>-i, <name>-ese, <name>-an,
<stem>(a), <stem>-ish for <stem>-ey, <stem>(istan), a plural name's singular); the stem must be a country's
name exactly."""
_CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z]{3,20}\b")


@cache
def _demonym_country(word: str) -> str | None:
    """The ISO alpha-3 code of the country whose people ``word`` names ("Syrian", "Iraqi",
    "Sudanese"), derived from the country's name; None when no country's name gives it."""
    import pycountry

    for suffix, ending in _DEMONYM_STEMS:
        if suffix and not word.endswith(suffix):
            continue
        stem = (word[:-len(suffix)] if suffix else word) + ending
        if len(stem) < 4:
            continue
        try:
            country = pycountry.countries.lookup(stem)
        except LookupError:
            continue
        names = {str(getattr(country, k, "")).casefold() for k in ("name", "common_name", "official_name")}
        if stem.casefold() in names:
            return str(country.alpha_3)
    return None


def demonym_countries(text: str) -> frozenset[str]:
    """Countries the text names by their people ("<Demonym> forces", "the <Demonym> army"); a people's word
    two countries share by name ("<Name>ese" of "<Name>" and of "<Name>, The ... Republic of the") names
    both, and the story's places tell which (:func:`_namesakes_of`)."""
    return frozenset(namesake for word in set(_CAPITALISED_WORD.findall(text))
                     if (code := _demonym_country(word)) is not None for namesake in _namesakes_of(code))


@cache
def _namesakes_of(alpha3: str) -> frozenset[str]:
    """A country and those whose ISO name is its name followed by a comma ("<Name>, The Democratic Republic
    of the"): news calls the people of both by one word, and mostly means the larger."""
    import pycountry

    country = pycountry.countries.get(alpha_3=alpha3)
    if country is None:
        return frozenset({alpha3})
    prefix = f"{country.name},"
    return frozenset({alpha3} | {str(c.alpha_3) for c in pycountry.countries if str(c.name).startswith(prefix)})


_JOINED_NAME = re.compile(r"\b[A-Z][a-z]{2,20}\s+and\s+[A-Z][a-z]{2,20}\b")


@cache
def _subdivision_keys() -> frozenset[str]:
    """The name keys of every subdivision in the world (ISO's names and GeoNames')."""
    return frozenset(key for key, _type in _world_subdivisions())


def _joined_subdivisions(text: str) -> list[tuple[int, int, str | None]]:
    """Subdivisions whose one name joins two words with "and" ("<Name> and <Name>'s <District> district"):
    the list patterns and the parser split them, and the first word alone is a town or district of its
    own (a wrong district). The whole name is a candidate, tried first, only where it is a subdivision's."""
    return [(m.start(), m.end(), None) for m in _JOINED_NAME.finditer(text)
            if _subdivision_key(m.group(0)) in _subdivision_keys()]


_POSSESSIVE_COUNTRY = re.compile(r"\b(?P<name>[A-Z][a-z]{3,20}(?:\s+[A-Z][a-z]{3,20})?)['’]s\s+(?=[a-zA-Z])")


def _owners_of_forces(text: str) -> frozenset[str]:
    """Countries the text names by a possessive ("<Country>'s military", "<Country>'s Armed Forces") or as
    the owner of forces it qualifies ("<Country> government soldiers", "<Country> army"), also where the
    words are an actor's mention and so no place: the country is named, as its people's word would name
    it ("<Demonym> troops")."""
    return frozenset(found[0] for pattern in (_POSSESSIVE_COUNTRY, _COUNTRY_FORCES) for m in pattern.finditer(text)
                     if (found := _country(m["name"]) or _country(m["name"].split()[-1])))


_COUNTRY_FORCES = re.compile(
    r"\b(?P<name>[A-Z][a-z]{3,20}(?:\s+[A-Z][a-z]{3,20})?)\s+(?:government\s+|security\s+|armed\s+)?"
    r"(?:army|military|troops|soldiers|forces|police|policemen|navy|air\s+force|gendarmes|gendarmerie)\b")
"""A country's name as the owner of the forces it qualifies ("<Country> government soldiers")."""


def _possessive_countries(text: str) -> list[tuple[int, int, str | None]]:
    """"<Country>'s <Name> region": the country, whatever the parser calls the word (a person's name
    in front of "'s" more often than not)."""
    return [(m.start("name"), m.end("name"), None) for m in _POSSESSIVE_COUNTRY.finditer(text)
            if _country(m["name"]) is not None]


@cache
def _theatre_iso3(theatre: str | None) -> str | None:
    from ruydad.theatres import DEFAULT_THEATRE, theatre_info

    return theatre_info(theatre or DEFAULT_THEATRE).iso3


def _paragraph(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start:len(text) if end < 0 else end]


@cache
def _stop_names(theatre: str | None) -> frozenset[str]:
    """:data:`_STOP_NAMES` plus the theatre's demonyms and ``extract.yaml`` ``not_place_words``."""
    from ruydad.theatres import as_theatre

    info = as_theatre(theatre)
    own = (info.data("extract.yaml") or {}).get("not_place_words") or ()
    return _STOP_NAMES | {str(w) for w in (*info.demonyms, *own)}


def candidate_spans(doc: Document, theatre: str | None = None) -> list[tuple[int, int, str | None]]:
    """(start, end, kind hint) for every stretch of text that may name a place."""
    stop_names = _stop_names(theatre)
    text = doc.text
    spans: list[tuple[int, int, str | None]] = []
    for m in _KIND_BEFORE.finditer(text):  # "the province of <Name>", "<Country>'s northern province of <Name>"
        spans.append((m.start("name"), m.end("name"), m["kind"].lower()))
    for m in _KIND_SPAN.finditer(text):
        kind = m["kind"].lower().rstrip("s")
        kind = "province" if kind == "governorate" else kind  # "<Name> governorate": a province by another word
        names_start = m.start("names")
        parts = _SPLIT_LIST.split(m["names"])
        offset = names_start
        for part in parts:
            part_start = text.index(part, offset)
            offset = part_start + len(part)
            clean_start = part_start + (4 if part.startswith("the ") else 0)
            possessive = re.search(r"['’]s\s+", text[clean_start:offset])
            if possessive:  # "Baghlan's Khost district": the name after the possessive province
                clean_start += possessive.end()
            first_word = text[clean_start:offset].split(" ")[0]
            if first_word in stop_names or _demonym_country(first_word) is not None:
                continue  # "the <Demonym> city of <Name>": a people's adjective, not a place's name
            if kind in _AREA_KINDS:
                spans.append((clean_start, offset, "area"))
                continue
            if kind == "state":
                spans.append((clean_start, offset, "state"))
                continue
            end = m.end() if part is parts[-1] and not m["tribal"] else offset
            spans.append((clean_start, end, kind))
    if doc.nlp is not None:
        for ent in doc.entities:
            if ent.label_ in ("GPE", "LOC", "FAC"):
                start = ent.start_char + (4 if ent.text.lower().startswith("the ") else 0)
                spans.append((start, _with_parenthetical(text, ent.end_char), None))
        for token in doc.nlp:
            before = token.nbor(-1) if token.i > 0 else None
            directed = False
            if before is not None and token.i > 1 and _DIRECTION.match(before.lower_ + " ") and \
                    before.lower_ not in _LOCATIVE:
                before = token.nbor(-2)  # "in western <name>", "in northern <name>"
                directed = True
            # the parser often calls a country after a direction word a person ("in northern <Country>");
            # a person's name found so is dropped later unless it reads as a country or a province
            # (nor is the object of "in"/"at"/"near" a person or a people, whatever the tagger says: "killed
            # three people in <Province>", where it calls the name a person's; the gazetteer decides)
            named_place = token.dep_ == "pobj" and before.lower_ in ("in", "at", "near") if before is not None \
                else False
            if named_place and token.i + 1 < len(doc.nlp) and doc.nlp[token.i + 1].lower_ in ("'s", "’s"):
                named_place = False
            if token.pos_ == "PROPN" and before is not None and before.lower_ in _LOCATIVE and \
                    (token.ent_type_ not in ("PERSON", "NORP") or (directed and token.ent_type_ == "PERSON") or
                     named_place) and \
                    (token.ent_type_ != "DATE" or token.lower_[:3] not in _CALENDAR_WORDS):
                end_token = token
                while end_token.i + 1 < len(doc.nlp) and doc.nlp[end_token.i + 1].pos_ == "PROPN":
                    end_token = doc.nlp[end_token.i + 1]
                spans.append((token.idx, _with_parenthetical(text, end_token.idx + len(end_token)), "locative"))
    for m in _UNIT_AFTER.finditer(text):  # "<Name> Territory", "<Name> Local Government Area"
        possessive = re.search(r"['’]s\s+", m["name"])  # "<Region>'s <Name> local government area"
        lower = _LOWER_UNIT.match(text, m.end("name"))  # "<Name> tehsil/woreda/sub-district": below a district
        spans.append((m.start("name") + (possessive.end() if possessive else 0), m.end("name"),
                      "town" if lower else "district"))
    for m in _IN_UNIT.finditer(text):  # "<Town>, in <Name> province": the town
        spans.append((m.start("name"), m.end("name"), "locative"))
    for m in _POST_AFTER.finditer(text):  # "the <Town> post", "the <Town> military camp"
        spans.append((m.start("name"), m.end("name"), "locative"))
    for run in _CAPITAL_RUN.finditer(text):
        head = _FACILITY_TAIL.search(text, run.start(), run.end())
        if head is not None and head.start() > run.start() and head.end() == run.end():
            spans.append((run.start(), head.start(), "locative"))  # "<City> International Airport"
    spans += _compass_compounds(text, spans)
    spans += _possessive_countries(text)
    for m in _ROAD.finditer(text):  # "the <A>-<B> road": both ends are candidates
        spans += [(m.start("a"), m.end("a"), "locative"), (m.start("b"), m.end("b"), "locative")]
    spans += _joined_subdivisions(text)
    for m in _FILED_FROM.finditer(text[:600]):  # "<CITY>, <Country> (<Agency>) -": the parser often misses it
        if m["country"]:
            spans.append((m.start("country"), m.end("country"), None))
    spans += _list_continuations(text, spans)
    return spans


_COMPASS_PART = re.compile(r"-(?:nord|sud|est|ouest|centre|center|centro|norte|sur|este|oeste|north|south|east|"
                           r"west|central|oriental|occidental)\b")
_COMPASS_COMPOUND = re.compile(rf"\b(?P<name>[A-Z][a-z]{{2,20}}{_COMPASS_PART.pattern}(?:\s+(?P<kind>(?i:region|"
                               rf"province|state|department|district)))?)")


def _compass_compounds(text: str, spans: list[tuple[int, int, str | None]]) -> list[tuple[int, int, str | None]]:
    """Region names compounded with a compass word written in lower case ("Centre-nord region",
    "Sud-ouest"): the parser and the name patterns stop at the hyphen, and the first part alone is
    another region ("Centre"), a wrong province. The whole compound is a candidate too (tried first,
    being longer); where it names nothing the shorter span is read as before."""
    found: list[tuple[int, int, str | None]] = []
    for m in _COMPASS_COMPOUND.finditer(text):
        kind = m["kind"].lower() if m["kind"] else None
        found.append((m.start("name"), m.end("name"), kind if kind in ("province", "state", "district") else
                      "area" if kind else None))
    return found


_UNIT_AFTER = re.compile(
    rf"(?P<name>{_NAME})\s+(?:(?i:territory|local\s+government\s+area|cercle|prefecture|sub-?district|woreda|"
    rf"tehsil)|LGA|County|Commune|Zone)\b")
"""A second-level unit named by the word other countries use for it ("<Name> Territory", "<Name> Local
Government Area", "<Name> cercle"): a district, looked up in the world index (:mod:`ruydad.geo.world`)."""
_LOWER_UNIT = re.compile(r"\s+(?i:tehsil|woreda|sub-?district)\b")
"""Words of units below the second level ("<Name> tehsil" inside a district, "<Name> woreda" inside a zone):
the place is read as the town of that name, in the district the world index gives it, never as a district
named after it."""
_IN_UNIT = re.compile(rf"(?P<name>{_NAME}),\s+in\s+(?:the\s+)?{_NAME}\s+(?i:province|region|state|district|territory|"
                      rf"governorate)\b")
_POST_AFTER = re.compile(
    rf"\bthe\s+(?P<name>{_NAME})\s+(?:(?:military|army|police|security|border)\s+)?"
    rf"(?:post|outpost|camp|garrison|checkpoint|detachment|barracks)\b")
"""A post named after its place ("the <Town> post"): the place is where the post is."""
_FACILITY_TAIL = re.compile(
    r"(?:\s+(?:International|Military|Civil|Central|Regional|Provincial|Civilian|Main|Grand|Old|New|National|"
    r"Public|Teaching|Government|Civic))*\s+(?:Airport|Airfield|Air\s+Base|Air\s+Field|Base|Prison|Jail|Hospital|"
    r"University|Stadium|Mosque|Shrine|Market|Bazaar|Square|Highway|Bridge|Dam|Hotel|Garrison|Cantonment)$")
"""What follows the place in a facility's name ("<City> International Airport", "<District> Air
Base", "<City> Regional Hospital"): the place before it is where the facility is."""
_AFTER_DIRECTION = re.compile(r"(?i)\b(?:north|south|east|west|central)(?:-?(?:east|west))?(?:ern)?\s+$")
"""A country's name after a direction word ("western <Country>") is the country even where the parser
also calls the word a person."""
_CALENDAR_WORDS = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
                             "mon", "tue", "wed", "thu", "fri", "sat", "sun", "eid", "ram", "new", "chr", "eas",
                             "ash", "naw", "now", "muh"})
"""First letters of the words of a date the parser tags DATE ("in August", "on Monday", "during
Ramadan", "by Nowruz"); another name it tags DATE after a locative ("in western <Country>") is
still a candidate place."""
_CONTINUATION = re.compile(
    r"(?:,\s*(?:and\s+)?|\s+and\s+)(?P<name>[A-Z][\w'’]{0,30}(?:[ -](?:e|i|[A-Z][\w'’]{0,30})){0,3})")


def _list_continuations(text: str, spans: list[tuple[int, int, str | None]]) -> list[tuple[int, int, str | None]]:
    """Names that continue a list after a place ("Parwan, Kapisa, Ningarhar ... and Urozgan")."""
    found: list[tuple[int, int, str | None]] = []
    walked: set[int] = set()
    for _start, end, _hint in spans:
        position = end
        while position not in walked and (m := _CONTINUATION.match(text, position)) is not None:
            walked.add(position)
            name_end = _with_parenthetical(text, m.end("name"))
            found.append((m.start("name"), name_end, "list"))
            position = name_end
    return found


def _with_parenthetical(text: str, end: int) -> int:
    m = re.match(r"\s*\([A-Z][\w ’'-]{1,30}\)", text[end:end + 40])
    return end + m.end() if m else end


def _overlaps(start: int, end: int, spans: list[tuple[int, int, str]]) -> bool:
    return any(s < end and start < e for s, e, _ in spans)


_OUTLET_LAST = frozenset({"News", "Now", "Press", "Times", "TV", "Television", "Radio", "Daily", "Tribune", "Online",
                          "Herald", "Journal", "Gazette", "Observer", "Chronicle", "Telegraph", "Broadcasting",
                          "Newspaper", "Weekly", "Magazine", "Media"})
"""Last words of a news outlet's name ("<Place> Now", "<Place> Times", "<Name> Press")."""
_OUTLET_TAIL = frozenset({"Agency", "Service", "Network", "Channel", "Wire", "Corporation"})
_OUTLET_MEDIA = frozenset({"News", "Press", "Radio", "TV", "Television", "Media", "Broadcasting"})
"""A name ending in a tail word is an outlet when a media word is in it ("<Name> News Agency")."""
_OUTLET_FIRST = frozenset({"Radio", "Voice"})
"""First words of an outlet's name ("Radio Free <Place>", "Voice of <Place>")."""
_OUTLET_FRAMED = frozenset({"Post", "Express", "Monitor", "International", "Today", "Standard", "Mail", "Review",
                            "Report", "Insider", "Dispatch", "Update"})
"""Last words that make a name an outlet only where the text cites it as one ("told <Place> International")."""
_CAPITAL_RUN = re.compile(r"\b[A-Z][\w'’/-]{0,30}(?:[ \t]+(?:(?:of|the|for)[ \t]+)?[A-Z][\w'’/-]{0,30}){0,6}")
_CITES_BEFORE = re.compile(
    r"(?i:\b(?:told|tell|tells|telling|according\s+to|(?:speaking|spoke|talking|talked)\s+(?:to|with)|interview\s+with|"
    r"(?:quoted|reported|cited|published|aired|broadcast)\s+by|via|in\s+a\s+(?:report|statement)\s+(?:by|to))\s+"
    r"(?:the\s+)?)$")
_CITES_AFTER = re.compile(
    r"(?i:^(?:['’]s\s+(?:\w+\s+)?(?:reporters?|correspondents?|journalists?|sources?|reports?|reporting)\b"
    r"|,?\s+(?:has\s+|had\s+)?(?:reported|reports|quoted|cited|learned|learnt|revealed|wrote|published|"
    r"broadcast|aired)\b))")


def outlet_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of news outlets the text names: "<City> Now", "the <City> Times", "Radio Free
    <Place>", "<Name> News Agency", and, where the text cites it as a source ("told <Name>
    International", "<Name> Post reported"), names ending in a weaker word. A place inside an
    outlet's name says nothing about where anything happened."""
    found: list[tuple[int, int, str]] = []
    for m in _CAPITAL_RUN.finditer(text):
        words = [re.sub(r"['’]s$", "", w) for w in m.group(0).split()]
        start, end = m.start(), m.end()
        if m.group(0).endswith(("'s", "’s")):
            end -= 2
        last = words[-1]
        cited = bool(_CITES_BEFORE.search(text[max(0, start - 40):start]) or _CITES_AFTER.match(text[end:end + 60]))
        if len(words) >= 2 and (last in _OUTLET_LAST or (last in _OUTLET_TAIL and _OUTLET_MEDIA & set(words))
                                or words[0] in _OUTLET_FIRST or (cited and last in _OUTLET_FRAMED)):
            found.append((start, end, text[start:end]))
    return found


_HINT_ORDER = {"locative": 1, "list": 2, None: 3}
"""Order of the hints of one stretch of text (kind words, at 0, first)."""
_KIND_HINTS = frozenset({"province", "district", "valley", "city", "village", "town", "region", "area"})
_CONTAINER_AFTER = re.compile(
    r"\s*(?:(?i:district|area|valley|village|region|town|city)s?\s*)?"
    r"(?:,\s*(?:in\s+)?(?:the\s+)?(?P<comma>[A-Z][\w'’-]{2,30}(?:[ -][A-Z][\w'’-]{2,30})?)\s+(?i:province)\b"
    r"|\s+(?:in|of)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|north-?eastern|north-?western|"
    r"south-?eastern|south-?western)\s+)?(?P<name>[A-Z][\w'’-]{2,30}(?:[ -][A-Z][\w'’-]{2,30})?)"
    r"(?!['’]s)(?:\s+(?i:province))?)")
_IN_DISTRICT = re.compile(
    r"\s*(?:(?i:area|valley|village|locality)s?\s*)?\s+(?:of|in)\s+(?:the\s+)?"
    r"(?P<district>[A-Z][\w'’-]{2,30}(?:[ -][A-Z][\w'’-]{2,30})?)\s+(?i:district)\b"
    r"(?:\s*,\s*(?:in\s+)?|\s+(?:in|of)\s+)?(?:the\s+)?(?P<province>[A-Z][\w'’-]{2,30}(?:[ -][A-Z][\w'’-]{2,30})?)?")
"""A place the text puts in a district ("the <Village> area of <District> district", "... in <Province>")."""
_CONTAINER_BEFORE = re.compile(r"(?P<name>[A-Z][\w'’-]{2,30})['’]s\s+(?:(?:restive|remote|northern|southern|eastern|"
                               r"western|central)\s+)?$")
AMBIGUITY_MARGIN = 5.0
_INNER_HINTS = frozenset({"area", "village", "valley", "locative", "list", None})
"""Hints of names that may lie inside a district (not "district" or "province" themselves)."""
"""Candidates within this many points of the best one, in another province, make a name ambiguous."""


@cache
def has_gazetteer(theatre: str | None) -> bool:
    """Whether the theatre's pack has a gazetteer (``geo/units.csv``).

    A theatre without one is a documented case (the theatres README: the geo files are needed
    "for places"): extraction then finds no place of the theatre, only countries and foreign
    subdivisions. This is checked here by the file's presence, never by catching errors, so a
    gazetteer that is present but broken (a bad row, an unknown parent) stops extraction with the
    gazetteer's own error naming the file."""
    from ruydad.theatres import as_theatre

    return (as_theatre(theatre).path / "geo" / "units.csv").is_file()


_CODE = re.compile(r"[A-Z]{2,4}")


def _named_not_coded(name: str, candidates: Any) -> tuple[Any, ...]:
    """The candidates matched by a name, not by a short code the gazetteer also lists (an airport's
    "BIN" is no spelling of the word "Beni"); a code written as such ("BIN") still matches it."""
    return tuple(c for c in candidates
                 if not (_CODE.fullmatch(str(getattr(c, "matched", "") or "")) and c.matched != name.strip()))


@lru_cache(maxsize=20000)
def _lookup(name: str, theatre: str | None) -> tuple[Any, ...]:
    if not has_gazetteer(theatre):
        return ()
    return _named_not_coded(name, _geo().resolve_place(name, **({"theatre": theatre} if theatre else {})))


@lru_cache(maxsize=20000)
def _lookup_within(name: str, within: str, theatre: str | None) -> tuple[Any, ...]:
    if not has_gazetteer(theatre):
        return ()
    return _named_not_coded(name, _geo().resolve_place(name, within=within,
                                                      **({"theatre": theatre} if theatre else {})))


@lru_cache(maxsize=5000)
def _province(name: str, theatre: str | None) -> Any | None:
    """The province a name is, when it is one (exactly): the container in "X district of Y"."""
    if not has_gazetteer(theatre):
        return None
    found = _geo().resolve_place(name, level=1, **({"theatre": theatre} if theatre else {}))
    return found[0] if found and found[0].score >= 95 else None


_SUBDIVISION_KINDS = {"state": ("state",), "region": ("region",), "province": ("province", "governorate"),
                      "governorate": ("governorate", "province")}
"""Kind words in the text and the ISO 3166-2 subdivision types they name (news calls a
governorate a province)."""
SUBDIVISION_FUZZY = 90.0
"""A subdivision name written in another romanisation ("<Name>iya" for "<Name>iyah") matches when
its folded spelling is this close (rapidfuzz ratio) and no other subdivision comes as close."""


def _subdivision_key(name: str) -> str:
    from ruydad.geo.world import subdivision_key

    return subdivision_key(name)


@cache
def _province_names(alpha2: str) -> tuple[tuple[str, str], ...]:
    """(ISO 3166-2 code, name) of a country's first-level divisions under the other names GeoNames
    gives them ("North Kivu" for the ISO "Nord-Kivu"), for :func:`_subdivision`."""
    from ruydad.geo.world import province_aliases

    return tuple((code, name) for code, name in province_aliases() if code.startswith(f"{alpha2}-"))


@lru_cache(maxsize=5000)
def _subdivision(name: str, countries: frozenset[str], kind: str | None = None) -> tuple[str, str, str] | None:
    """(ISO 3166-2 code, name, country alpha-3) of the one first-level subdivision of ``countries``
    that ``name`` ("Yobe", "Borno state") names, or of a lower-level one whose ISO type the name's
    kind word gives ("<name> province", or ``kind``: "the province of <name>"); None when none or
    several do. A spelling that differs only in romanisation matches when exactly one subdivision
    comes close (:data:`SUBDIVISION_FUZZY`)."""
    if not countries:
        return None
    import pycountry
    from rapidfuzz import fuzz

    from ruydad.geo.names import normalize

    name = re.sub(r"\s*\([^)]*\)", " ", name)  # "<name> (<acronym>) province"
    words = normalize(name).split()
    kind = words[-1] if words and words[-1] in _SUBDIVISION_KINDS else kind
    key = _subdivision_key(name)
    if len(key) < 3:
        return None
    hits: list[tuple[str, str, str]] = []
    near: list[tuple[float, tuple[str, str, str]]] = []
    for alpha3 in sorted(countries):
        country = pycountry.countries.get(alpha_3=alpha3)
        if country is None:
            continue
        for sub in pycountry.subdivisions.get(country_code=country.alpha_2) or ():
            # a first-level subdivision, or one of a lower level the text names by its ISO type
            # ("<name> province" where the country's provinces lie inside its regions)
            if not (sub.parent_code is None or
                    (kind is not None and str(sub.type).lower() in _SUBDIVISION_KINDS[kind])):
                continue
            sub_key = _subdivision_key(str(sub.name))
            entry = (str(sub.code), str(sub.name), alpha3)
            if sub_key == key:
                hits.append(entry)
            elif len(key) >= 5 and (ratio := fuzz.ratio(sub_key, key)) >= SUBDIVISION_FUZZY:
                near.append((ratio, entry))
        if not hits:  # the province's other names: "North Kivu" for "Nord-Kivu"
            hits += [aliased for code, alias in _province_names(str(country.alpha_2))
                     if _subdivision_key(alias) == key and (aliased := _iso_entry(code, alpha3)) is not None]
    hits = list(dict.fromkeys(hits))
    if hits:
        return hits[0] if len(hits) == 1 else None
    close = list(dict.fromkeys(entry for _ratio, entry in near))
    return close[0] if len(close) == 1 else None


def _iso_entry(code: str, alpha3: str) -> tuple[str, str, str] | None:
    import pycountry

    sub = pycountry.subdivisions.get(code=code)
    return (code, str(sub.name), alpha3) if sub is not None else None


@cache
def _geonames_provinces() -> frozenset[str]:
    """ISO 3166-2 codes of the divisions GeoNames has at its first level: a country's provinces as
    events carry them (ISO nests some of them in regions, and some countries' ISO provinces in
    GeoNames' regions)."""
    from ruydad.geo.world import province_aliases

    return frozenset(code for code, _name in province_aliases())


def _as_province(code: str, name: str) -> tuple[str, str, str | None]:
    """(province code, province name, district name) of an ISO subdivision: a second-level one
    ("Oudalan" province in the "Sahel" region, where GeoNames' first level is the regions) is a
    district of its parent."""
    import pycountry

    sub = pycountry.subdivisions.get(code=code)
    parent = getattr(sub, "parent_code", None) if sub is not None else None
    if code in _geonames_provinces() or not parent or parent not in _geonames_provinces():
        return code, name, None
    parent_sub = pycountry.subdivisions.get(code=parent)
    return str(parent), str(parent_sub.name) if parent_sub is not None else str(parent), name


@cache
def _world_subdivisions() -> dict[tuple[str, str], list[tuple[str, str, str]]]:
    """(name key, ISO type in lower case) -> [(ISO 3166-2 code, name, country alpha-3)], over every
    country pycountry knows, under ISO's names and GeoNames' (kept in the user's cache: building it
    folds some 18,000 names, half a second)."""
    from importlib.metadata import version

    import ruydad.geo.names
    import ruydad.geo.world
    from ruydad.cache import cached

    inputs = [ruydad.geo.world.data_path("admin1.tsv"), Path(ruydad.geo.world.__file__),
              Path(ruydad.geo.names.__file__), Path(__file__)]
    return cached("world-subdivisions", inputs, f"pycountry {version('pycountry')}", _build_world_subdivisions)


def _build_world_subdivisions() -> dict[tuple[str, str], list[tuple[str, str, str]]]:
    import pycountry

    index: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for sub in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None:
            continue
        index.setdefault((_subdivision_key(str(sub.name)), str(sub.type).lower()), []).append(
            (str(sub.code), str(sub.name), str(country.alpha_3)))
    from ruydad.geo.world import province_aliases

    for code, alias in province_aliases():  # GeoNames' other names for them ("North Kivu")
        sub = pycountry.subdivisions.get(code=code)
        country = pycountry.countries.get(alpha_2=code[:2])
        if sub is None or country is None:
            continue
        entries = index.setdefault((_subdivision_key(alias), str(sub.type).lower()), [])
        entry = (code, str(sub.name), str(country.alpha_3))
        if entry not in entries:
            entries.append(entry)
    return index


@lru_cache(maxsize=5000)
def _world_subdivision(name: str, kind: str | None = None) -> tuple[str, str, str] | None:
    """The one subdivision in the world that "<name> state", "<name> province" or "<name>
    governorate" names: its kind word must be written and its ISO type must be that kind; the
    spelling must be the same (folded). None when none or several (in any countries) match."""
    from ruydad.geo.names import normalize

    name = re.sub(r"\s*\([^)]*\)", " ", name)
    words = normalize(name).split()
    kind = words[-1] if words and words[-1] in _SUBDIVISION_KINDS else kind
    key = _subdivision_key(name)
    if kind is None or kind == "region" or len(key) < 4:
        return None
    hits = [hit for iso_type in _SUBDIVISION_KINDS[kind] for hit in _world_subdivisions().get((key, iso_type), ())]
    return hits[0] if len(hits) == 1 else None


@cache
def _province_pcode(iso_code: str, theatre: str | None) -> str | None:
    """The gazetteer P-code of a province given by its ISO 3166-2 code."""
    from ruydad.geo.gazetteer import load_gazetteer
    from ruydad.theatres import DEFAULT_THEATRE

    if not has_gazetteer(theatre):
        return None
    gazetteer = load_gazetteer(theatre or DEFAULT_THEATRE)
    for unit in gazetteer.units.values():
        if unit.level == 1 and getattr(unit, "iso_code", None) == iso_code:
            return str(unit.pcode)
    return None


def _ambiguous(candidates: tuple[Any, ...]) -> bool:
    """Whether readings in other provinces come as close as the best one. A district or province
    written exactly is not made ambiguous by hamlets of the same name elsewhere: a writer who
    means the village says so ("<name> village")."""
    best = candidates[0]
    exact_unit = best.kind in ("admin1", "admin2") and best.score >= 99
    return any(c.admin1_code != best.admin1_code and best.score - c.score <= AMBIGUITY_MARGIN
               and not (exact_unit and c.kind not in ("admin1", "admin2"))
               for c in candidates[1:])


class PlacesStep:
    """Pipeline step: ``doc.places`` (one per resolved unit) and ``doc.place_spans``.

    Resolution runs in two passes. A name is first looked up alone (cached per process); when
    its best readings lie in different provinces ("Khost": the province, or Khost wa Fereng in
    Baghlan), the reading in a province the same paragraph, else the document, names without
    ambiguity wins; failing that, the geography layer is asked again with the paragraph as
    context.
    """

    name = "places"

    def __init__(self, theatre: TheatreLike | None = None) -> None:
        self.theatre: str = theatre_name(theatre)

    def __call__(self, doc: Document) -> Document:
        dateline = dateline_span(doc.text, doc.published)
        dateline_line = (doc.text.rfind("\n", 0, dateline[0]) + 1, dateline[1]) if dateline else None
        filed = [(m.start("city"), m.end("city")) for m in _FILED_FROM.finditer(doc.text[:600])]
        # the country of a dateline is one, whatever the parser calls the word ("BAMAKO, <Country> -")
        dateline_countries = {m.start("country") for m in _FILED_FROM.finditer(doc.text[:600]) if m["country"]} | \
            {start for start, _end, _hint in _possessive_countries(doc.text)}
        outlets = outlet_spans(doc.text)
        # one order on every run: the same stretch found with several hints is read with the most
        # telling one first (a kind word, then a locative, then a list, then the parser alone)
        spans = sorted({s for s in candidate_spans(doc, self.theatre) if not _overlaps(s[0], s[1], outlets)},
                       key=lambda s: (s[0], -(s[1] - s[0]), _HINT_ORDER.get(s[2], 0), s[2] or ""))
        readings: list[tuple[int, int, str | None, Any]] = []
        sure: dict[str, set[str]] = {"document": set()}
        people = {w for e in doc.entities if e.label_ == "PERSON" for w in (e.text, e.text.split()[-1])}
        gpes = {e.text for e in doc.entities if e.label_ == "GPE"}
        last_end = -1
        contained: dict[str, tuple[Any, ...]] = {}
        unresolved: list[tuple[int, int, str | None]] = []
        abroad: list[tuple[int, int, str | None]] = []
        for start, end, hint in spans:
            if start < last_end or _overlaps(start, end, doc.actor_spans):
                continue
            surface = doc.text[start:end].strip()
            container = self._container(doc.text, start, end, surface)
            reading: Place | tuple[Any, ...] | None
            if container is not None:
                # "Khost district of Baghlan", "the Hesarak area of Nangarhar": the name is read
                # inside the province the text puts it in, or not at all (never elsewhere).
                reading = _lookup_within(surface, container.admin1_pcode, self.theatre)
                contained[_name_key(surface)] = reading
                last_end = end
                sure["document"].add(container.admin1_code)
                sure.setdefault(_paragraph_key(doc.text, start), set()).add(container.admin1_code)
                if not reading:
                    continue
            elif hint in _INNER_HINTS and (district := self._district_container(doc, start, end, sure)) is not None:
                # "the <Village> area of <District> district": the name is read inside that
                # district, or is the district itself (never a namesake elsewhere).
                reading = _lookup_within(surface, district.pcode, self.theatre) or (district,)
                contained[_name_key(surface)] = reading
                last_end = end
                sure["document"].add(district.admin1_code)
                sure.setdefault(_paragraph_key(doc.text, start), set()).add(district.admin1_code)
            elif _name_key(surface) in contained:
                reading = contained[_name_key(surface)]  # the same name later in the article
                last_end = end
                if not reading:
                    continue
            else:
                reading = self._first_pass(surface, hint)
            if reading is None:
                if hint in ("district", "area", "village", "valley"):
                    unresolved.append((start, end, hint))
                if hint in ("area", "state", "province", "locative", "list", None) or hint in WORLD_HINTS:
                    abroad.append((start, end, hint))
                continue
            if surface in people and surface not in gpes and hint not in _KIND_HINTS and \
                    start not in dateline_countries and \
                    not (isinstance(reading, Place) and reading.kind == "country" and
                         _AFTER_DIRECTION.search(doc.text[max(0, start - 20):start])) and (
                    isinstance(reading, Place) or reading[0].kind not in ("admin1", "admin2")):
                continue  # a person's name; one the parser also calls a place elsewhere is a place
            last_end = end
            readings.append((start, end, hint, reading))
            if not isinstance(reading, Place) and not _ambiguous(reading):
                code = reading[0].admin1_code
                if code:
                    sure["document"].add(code)
                    sure.setdefault(_paragraph_key(doc.text, start), set()).add(code)
        # A district or village name the gazetteer does not know as written ("Anaba district") is
        # looked for, more loosely, inside the provinces the article names; kept when exactly one
        # of them has it.
        home = _theatre_iso3(self.theatre)
        elsewhere = frozenset(r.country_code for _s, _e, _h, r in readings if isinstance(r, Place) and
                              r.kind == "country" and r.country_code and r.country_code != home)
        for start, end, hint in unresolved:
            surface = doc.text[start:end].strip()
            if elsewhere and _world_place(surface, elsewhere, hint) is not None:
                continue  # a unit of the other country the story names, as written: not a home one spelt loosely
            found = {code: _lookup_within(surface, _province_pcode(code, self.theatre) or "", self.theatre)
                     for code in sorted(sure["document"])}
            found = {code: hit for code, hit in found.items() if hit}
            if len(found) == 1 and not any(s < end and start < e for s, e, _h, _r in readings):
                readings.append((start, end, hint, next(iter(found.values()))))
        foreign = {_paragraph_key(doc.text, s_) for s_, _e, _h, r in readings
                   if isinstance(r, Place) and r.kind == "country" and r.country_code and r.country_code != home}
        # In a story that names no province of the theatre for sure, a paragraph about another
        # country keeps only exact names ("<name> state, northeast <country>" is not a home district of a similar name).
        home_named = any(not isinstance(r[3], Place) and r[3][0].score >= 99 and r[3][0].level == 1 for r in readings)
        # A story that names another country and no province of the theatre is read the same way
        # throughout: a near-miss spelling elsewhere in it ("<foreign> district" ~ a home district
        # written in another alphabet's romanisation) is no home place.
        kept = [r for r in readings if home_named or isinstance(r[3], Place) or not foreign or r[3][0].score >= 99]
        # A story that gives nothing of the theatre for sure (no name of it spelt as the gazetteer
        # spells it, not its country) reads no near-miss spelling as a home place either: "<Name>
        # town" one letter off a home district's name is more likely a place the theatre lacks.
        cued = any((isinstance(r[3], Place) and r[3].country_code == home) or
                   (not isinstance(r[3], Place) and r[3][0].score >= 99) for r in kept)
        if not cued:
            kept = [r for r in kept if isinstance(r[3], Place) or r[3][0].score >= MIN_LOCATIVE_SCORE]
        # such a name is read abroad like any other the theatre does not know
        abroad += [(s_, e_, h_) for s_, e_, h_, r_ in readings if r_ is not None and not any(r_ is k[3] for k in kept)]
        readings = kept
        readings += self._foreign_subdivisions(doc, readings, abroad)
        readings += _demonym_capitals(doc, readings, home)
        readings = _roads_between_provinces(doc.text, readings)
        readings.sort(key=lambda r: r[0])
        places: dict[tuple[str, str], Place] = {}
        resolved_spans: list[tuple[int, int, Place]] = []
        for start, end, _hint, reading in readings:
            place = reading if isinstance(reading, Place) else self._choose(
                doc, start, end, reading, sure.get(_paragraph_key(doc.text, start), set()), sure["document"])
            if place is None:
                continue
            key = (place.kind, place.admin2_pcode or place.admin1_code or place.name,
                   # a world place has no P-code: its district and name tell it from others of its province
                   *((place.admin2 or "", place.name) if place.admin1_code and not place.admin2_pcode and
                     place.kind in ("admin2", "town") else ()))
            known = places.setdefault(key, place)
            known.mentions.append(Mention(doc.text[start:end], start, end))
            if (dateline_line and dateline_line[0] <= start < dateline_line[1]) or place.kind == "ambiguous" or \
                    any(a <= start < b for a, b in filed):
                continue
            resolved_spans.append((start, end, known))
        doc.places = list(places.values())
        doc.place_spans = resolved_spans
        return doc

    def _foreign_subdivisions(self, doc: Document, readings: list[tuple[int, int, str | None, Any]],
                              spans: list[tuple[int, int, str | None]]) -> list[tuple[int, int, str | None, Any]]:
        """In a story from a country the theatre's gazetteer does not cover ("a village in <name>
        state, northeast <country>"), names of that country's subdivisions (ISO 3166-2, via pycountry,
        and their GeoNames names) are its provinces, and other names are looked up in the world index
        (:mod:`ruydad.geo.world`) inside the countries the story names: a town or district there gives
        its province (and district) when all the places of that name there lie in one province, and
        is reported ambiguous when they do not. A subdivision found in a story that names no country
        makes its country the story's for the names after it ("<Name> Territory in <Region>")."""
        home = _theatre_iso3(self.theatre)
        named = {r.country_code for _s, _e, _h, r in readings if isinstance(r, Place) and r.kind == "country"
                 and r.country_code and r.country_code != home}
        if not named and not any(not isinstance(r, Place) for _s, _e, _h, r in readings):
            # a story that names no country and no place of the theatre, filed from a capital: the capital's
            # country ("ADDIS ABABA - ... in <Name> Zone of <Region> Region")
            named = {code for code in _dateline_capital_countries(doc.text) if code != home}
        countries = set(named)
        if not any(not isinstance(r, Place) for _s, _e, _h, r in readings):
            # a story with no place of the theatre: the countries it names by their people count
            # too ("<Demonym> shelling killed six in <name> province")
            countries |= {code for code in demonym_countries(doc.text) | _owners_of_forces(doc.text) if code != home}
        # a story that names no country and no place of the theatre: "<name> state" is the one
        # subdivision of that name and type in the world, if there is exactly one
        anywhere = not countries and not any(not isinstance(r, Place) for _s, _e, _h, r in readings)
        story_regions = _story_regions(doc.text, spans) if anywhere else frozenset()
        found: list[tuple[int, int, str | None, Any]] = []
        for start, end, hint in spans:
            if any(s < end and start < e for s, e, _h, _r in readings + found):
                continue
            kind = hint if hint in _SUBDIVISION_KINDS else None
            subdivision = _subdivision(doc.text[start:end], frozenset(countries), kind) if countries else \
                _world_subdivision(doc.text[start:end], kind) if anywhere else None
            if subdivision is None and countries:
                # "<name> province" that is no subdivision of the countries named (a backer's, a
                # neighbour's) but the one of that name and type in the world
                subdivision = _world_subdivision(doc.text[start:end], kind)
            if subdivision is not None:
                code, name, district = _as_province(subdivision[0], subdivision[1])
                found.append((start, end, hint, Place(
                    name=subdivision[1], kind="admin2" if district else "admin1", country_code=subdivision[2],
                    admin1=name, admin1_code=code, admin2=district)))
            elif anywhere and (regional := _regional_place(doc.text, start, end, hint, story_regions, home)) \
                    is not None:
                found.append((start, end, hint, regional))
        # towns are looked for in the countries the story names as places (by name, or by one of their
        # provinces); in those its people name ("<Demonym> troops", the forces of a neighbour) only
        # when it names none
        placed = named | {r.country_code for _s, _e, _h, r in found if r.country_code}
        countries = placed or countries

        def sentence_countries(start: int) -> frozenset[str]:
            # a story of the theatre that names no other country: a sentence with no place of the
            # theatre that names a neighbour's people ("seven <Demonym> soldiers were killed in the
            # country's <Name> region") is set in that neighbour
            index = doc.sentence_at(start)
            if index < 0:
                return frozenset()
            sentence = doc.sentences[index]
            if any(sentence.start <= r_start < sentence.end and not isinstance(r, Place)
                   for r_start, _e, _h, r in readings):
                return frozenset()
            return frozenset(code for code in demonym_countries(sentence.text) if code != home)

        named_provinces: dict[str, set[str]] = {}
        for s_, _e, _h, r in found:
            named_provinces.setdefault(_paragraph_key(doc.text, s_), set()).add(r.admin1_code)
        rest: list[tuple[int, int, str | None]] = []
        lookups: dict[int, frozenset[str]] = {}
        for start, end, hint in spans:
            if any(s < end and start < e for s, e, _h, _r in readings + found):
                continue
            before = doc.text[max(0, start - 40):start]
            if _BESIDE.search(before):
                continue  # "adjacent to <X>": not where it was, nor in the unit named after it
            lookup = frozenset(countries) if countries else sentence_countries(start)
            if not lookup:
                continue
            if hint in ("locative", None) and _TOWN_OF.search(before):
                hint = "town"  # "the town of <Name>": a town by the writer's word, however few its people
            place = _world_place(doc.text[start:end].strip(), lookup, hint) or _mount_of_district(
                doc.text[start:end].strip(), lookup)
            if place is not None and _around_capital(doc.text, start, place.name, lookup):
                continue  # "near <capital>": the capital's own province is likely not where it was
            if place is not None and place.kind == "town" and _AFTER_DIRECTION.search(before):
                # "in southern <Name>": the region around the town, its province
                place = Place(name=place.name, kind="admin1", country_code=place.country_code, admin1=place.admin1,
                              admin1_code=place.admin1_code)
            paragraph = named_provinces.get(_paragraph_key(doc.text, start))
            if place is not None and place.admin1_code and paragraph and place.admin1_code not in paragraph and \
                    not _named_district(doc.text, end, hint, place):
                continue  # the paragraph names the provinces: a town of that name in another is someone else's
            if place is not None:
                found.append((start, end, hint, place))
                lookups[start] = lookup
            elif hint in WORLD_HINTS:
                rest.append((start, end, hint))
        found = _decided_by_paragraph(doc.text, found, lookups)
        return found + self._contained_abroad(doc, found, rest)

    def _contained_abroad(self, doc: Document, found: list[tuple[int, int, str | None, Any]],
                          rest: list[tuple[int, int, str | None]]) -> list[tuple[int, int, str | None, Any]]:
        """Names the world index does not know that the text puts in a province or district it does
        ("<Town>, in <Name> province", "<Village> village, <Name> Territory"): every mention of the
        name in the story is in that unit (a town, no district unless the unit is one)."""
        units = [(s, r) for s, _e, _h, r in found if isinstance(r, Place) and r.kind in ("admin1", "admin2")]
        inside: dict[str, Place] = {}
        for start, end, hint in rest:
            for unit_start, unit in units:
                if unit_start >= end and _CONTAINED_BY.fullmatch(doc.text[end:unit_start]):
                    inside.setdefault(_name_key(doc.text[start:end]), _inside_unit(doc.text[start:end], hint, unit))
        placed = [(start, end, hint, place) for start, end, hint in rest
                  if (place := inside.get(_name_key(doc.text[start:end]))) is not None]
        for start, end, hint in rest:
            # "<Name> district" in a sentence whose one place is a province ("... based in the <Province>
            # region ... killed in the <Name> district"): a district of that province, as written
            if hint != "district" or _name_key(doc.text[start:end]) in inside:
                continue
            index = doc.sentence_at(start)
            if index < 0:
                continue
            sentence = doc.sentences[index]
            near = [r for s, _e, _h, r in found if sentence.start <= s < sentence.end and isinstance(r, Place)]
            if len({r.admin1_code for r in near}) == 1 and all(r.kind == "admin1" for r in near):
                place = _inside_unit(doc.text[start:end], hint, near[0])
                inside[_name_key(doc.text[start:end])] = place
                placed.append((start, end, hint, place))
        taken = [(s, e) for s, e, _h, _r in found + placed] + [(s, e) for s, e, _n in doc.actor_spans]
        for place in {id(p): p for p in inside.values()}.values():  # its mentions the parser did not tag
            for m in re.finditer(rf"\b{re.escape(place.name)}\b", doc.text):
                if not any(s < m.end() and m.start() < e for s, e in taken):
                    placed.append((m.start(), m.end(), "locative", place))
        return placed

    def _container(self, text: str, start: int, end: int, surface: str) -> Any | None:
        """The province the text puts a name in: "X district of/in Y (province)", "X, Y province",
        "Y's X district"; None when it names none (or the name is itself a province)."""
        m = _CONTAINER_AFTER.match(text, end, min(len(text), end + 80))
        before = _CONTAINER_BEFORE.search(text[max(0, start - 40):start])
        name = (m["comma"] or m["name"]) if m else before["name"] if before else None
        if name is None:
            return None
        province = _province(name, self.theatre)
        if province is None:
            return None
        own = _province(re.sub(r"(?i)\s+province$", "", surface), self.theatre)
        if own is not None:
            return None  # "Kunduz of Kunduz province", "Kunduz in the country": a province is in no other
        return province

    def _district_container(self, doc: Document, start: int, end: int, sure: dict[str, set[str]]) -> Any | None:
        """The district the text puts a village, valley or area in ("the <X> area of <Y> district",
        "<X> village in <Y> district of <Z> province"): the one district of that name, in the
        province named after it, else in the provinces the paragraph or the article names when
        its namesakes lie in several; None when the text names no district or does not decide."""
        m = _IN_DISTRICT.match(doc.text, end, min(len(doc.text), end + 120))
        if m is None or not has_gazetteer(self.theatre):
            return None
        province = _province(m["province"], self.theatre) if m["province"] else None
        if province is not None:
            found = _lookup_within(m["district"], province.admin1_pcode, self.theatre)
        else:
            found = tuple(_geo().resolve_place(m["district"], level=2,
                                               **({"theatre": self.theatre} if self.theatre else {})))
        found = tuple(c for c in found if c.level == 2 and c.score >= MIN_LOCATIVE_SCORE)
        if not found:
            return None
        close = [c for c in found if found[0].score - c.score <= AMBIGUITY_MARGIN]
        for scope in ({c.admin1_code for c in close}, sure.get(_paragraph_key(doc.text, start), set()),
                      sure["document"]):
            inside = [c for c in close if c.admin1_code in scope]
            if len({c.admin2_pcode for c in inside}) == 1:
                return inside[0]
        return None

    def _first_pass(self, name: str, hint: str | None) -> Place | tuple[Any, ...] | None:
        if hint is None or hint in ("locative", "list", "area"):
            country = _country(_without_agency(_DIRECTION.sub("", re.sub(r"^the\s+", "", name))))
            if country is not None:
                return Place(name=country[1], kind="country", country_code=country[0])
        # "the city of <Name>": read as "<Name> city" (the town, in a province named after it its capital's
        # district), not the province of that name
        candidates = (_lookup(f"{name} city", self.theatre) if hint == "city" else ()) or _lookup(name, self.theatre)
        if not candidates:
            return None
        best = candidates[0]
        if hint in ("locative", "list", "area", "state") and best.score < MIN_LOCATIVE_SCORE:
            return None
        if hint is None and best.score < MIN_ENTITY_SCORE:
            return None
        if best.kind not in ("admin1", "admin2", "valley") and best.score < MIN_MINOR_PLACE_SCORE and \
                hint not in ("village", "city", "town", "area"):
            return None
        return candidates

    def _choose(self, doc: Document, start: int, end: int, candidates: tuple[Any, ...],
                paragraph: set[str], document: set[str]) -> Place | None:
        best = candidates[0]
        if _ambiguous(candidates):
            close = [c for c in candidates if best.score - c.score <= AMBIGUITY_MARGIN]
            preferred = [c for c in close if c.admin1_code in paragraph] or \
                [c for c in close if c.admin1_code in document]
            if preferred:
                best = preferred[0]
            else:
                geo = _geo()
                again = geo.resolve_place(doc.text[start:end], context=_paragraph(doc.text, start),
                                          **({"theatre": self.theatre} if self.theatre else {}))
                if not again or _ambiguous(tuple(again)):
                    return _ambiguous_place(doc.text[start:end].strip(), again or candidates)
                best = again[0]
        close = [c for c in candidates if best.score - c.score <= AMBIGUITY_MARGIN
                 and c.admin1_code == best.admin1_code]
        if best.level == 2 and len({c.admin2_pcode for c in close if c.level == 2}) > 1:
            # Two districts of one province answer to the name (Kapisa's two Kohistans): the
            # province is known, the district is not.
            return Place(name=best.admin1_name or best.name, kind="admin1", country_code=_theatre_iso3(self.theatre),
                         admin1=best.admin1_name, admin1_code=best.admin1_code)
        return Place(
            name=best.name, kind=best.kind, country_code=_theatre_iso3(self.theatre),
            admin1=best.admin1_name, admin1_code=best.admin1_code,
            admin2=best.admin2_name if best.level >= 2 else None,
            admin2_pcode=best.admin2_pcode if best.level >= 2 else None,
            lat=best.latitude, lon=best.longitude,
        )


_DISTRICT_TAIL = re.compile(r"(?i)\s+(?:district|sub-?district|tehsil|woreda|territory|local\s+government\s+area|"
                            r"lga|county|cercle|commune|prefecture|zone)s?$")


_MOUNT = re.compile(r"(?:Mount|Mt\.?|Jabal|Jebel)\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)$")


def _mount_of_district(surface: str, countries: frozenset[str]) -> Place | None:
    """"Mount <Name>" where <Name> is a second-level division of the story's countries (the world index
    has no mountains): the mountain that gives the district its name lies in it. A town of the name alone,
    or namesakes in several provinces, place nothing."""
    from ruydad.geo.world import world_places

    m = _MOUNT.match(surface)
    if m is None or not countries:
        return None
    if not any(p.kind == "district" for p in world_places(m["name"], countries, "district")):
        return None
    place = _world_place(m["name"], countries, "district")
    return place if place is not None and place.kind == "admin2" else None


_ALTERNATIVE_CODE = re.compile(r"\((?P<code>[A-Z]{2}-[A-Z0-9]{1,3})\)$")


def _decided_by_paragraph(text: str, found: list[tuple[int, int, str | None, Any]],
                          lookups: dict[int, frozenset[str]]) -> list[tuple[int, int, str | None, Any]]:
    """A world name whose namesakes lie in several provinces is read in the one of them that its paragraph's
    other places, placed without doubt, lie in ("shelling in the village of <Name> ..., <City>'s military
    administration said"), as a name of the theatre is; otherwise it stays ambiguous."""
    decided = list(found)
    for n, (start, end, hint, place) in enumerate(found):
        if place.kind != "ambiguous" or start not in lookups:
            continue
        key = _paragraph_key(text, start)
        near = {r.admin1_code for s, _e, _h, r in found
                if r.kind != "ambiguous" and r.admin1_code and _paragraph_key(text, s) == key}
        codes = {m["code"] for alternative in place.alternatives
                 if (m := _ALTERNATIVE_CODE.search(alternative)) is not None and m["code"] in near}
        if len(codes) == 1:
            reading = _world_place(text[start:end].strip(), lookups[start], hint, frozenset(codes))
            if reading is not None and reading.kind != "ambiguous":
                decided[n] = (start, end, hint, reading)
    return decided


def _inside_unit(surface: str, hint: str | None, unit: Place) -> Place:
    """What a name the world index does not know is, once the text puts it in ``unit``: a district of the
    unit's province when the text calls it one ("<Name> district of <Province> province": its name as
    written, the kind word dropped), else a town there (in the unit's district when the unit is one)."""
    if hint == "district" and unit.kind == "admin1":
        name = _DISTRICT_TAIL.sub("", surface.strip())
        return Place(name=name, kind="admin2", country_code=unit.country_code, admin1=unit.admin1,
                     admin1_code=unit.admin1_code, admin2=name)
    return Place(name=surface.strip(), kind="town", country_code=unit.country_code, admin1=unit.admin1,
                 admin1_code=unit.admin1_code, admin2=unit.admin2 if unit.kind == "admin2" else None)


_PUT_IN = re.compile(r"\s*(?:,\s*|\s+(?:of|in)\s+)(?:the\s+)?[A-Z]")


def _named_district(text: str, end: int, hint: str | None, place: Place) -> bool:
    """Whether a name is a district the text names as such ("the <Name> district") that the world index
    knows as exactly one district in the countries of the story, with no unit written after it: such a
    name is that district even in a paragraph that names other provinces ("mountains which connect the
    <Name> district with the adjacent <Other> province"). A name the text puts in a unit ("<Name> district
    of <Province>") is left to the unit."""
    return hint == "district" and place.kind == "admin2" and place.admin2 is not None and \
        _PUT_IN.match(text, end) is None


@cache
def _capitals() -> dict[str, str]:
    """A national capital's name (case-folded) -> its country's ISO alpha-3 code (countryinfo's data)."""
    import countryinfo

    found: dict[str, str] = {}
    for country in countryinfo.all_countries():
        try:
            capital, code = country.capital(), country.iso(3)
        except Exception:  # a territory with incomplete data names no capital
            continue
        if isinstance(capital, str) and capital and isinstance(code, str):
            found[capital.casefold()] = code
    return found


def _dateline_capital_countries(text: str) -> frozenset[str]:
    """The country of a dateline's city when the city is a national capital ("ADDIS ABABA - ...",
    "MOGADISHU (HOL) -"): wire copy gives the capital alone where the country goes without saying."""
    return frozenset(code for m in _FILED_FROM.finditer(text[:600])
                     if (code := _capitals().get(m["city"].casefold())) is not None)


_ROAD = re.compile(r"\b(?P<a>[A-Z][a-z]{2,20})\s?[-–]\s?(?P<b>[A-Z][a-z]{2,20})\s+(?i:road|highway|motorway|"
                   r"expressway)\b")
"""A road named by its two ends ("the <A>-<B> highway")."""


def _reading_province(reading: Any) -> str | None:
    if isinstance(reading, Place):
        return reading.admin1_code if reading.kind not in ("country", "ambiguous") else None
    return None if _ambiguous(reading) else reading[0].admin1_code


def _roads_between_provinces(text: str, readings: list[tuple[int, int, str | None, Any]]
                             ) -> list[tuple[int, int, str | None, Any]]:
    """A road named by two ends in different provinces ("the <A>-<B> highway" from one province's capital
    to another's) places nothing: the incident was somewhere along it, in either province or one between,
    and reading the first end as the place is a guess. Ends in one province place it there as before."""
    for m in _ROAD.finditer(text):
        ends = [r for r in readings if r[0] in (m.start("a"), m.start("b")) and r[1] <= m.end("b")]
        provinces = {_reading_province(r[3]) for r in ends}
        if len({r[0] for r in ends}) == 2 and None not in provinces and len(provinces) == 2:
            readings = [r for r in readings if r not in ends]
            readings.append((m.start("a"), m.end("b"), "road", Place(
                name=text[m.start("a"):m.end("b")], kind="ambiguous",
                alternatives=[str(getattr(r[3], "name", None) or r[3][0].name) for r in ends])))
    return readings


_TOWN_OF = re.compile(r"(?i:\b(?:town|village|city|locality)\s+of\s+)$")
"""Words before a name that say it is a populated place ("the town of <Name>", "the village of <Name>")."""
_AGENCY = re.compile(r"\s*\([^()]{1,40}\)$")


def _without_agency(name: str) -> str:
    """A country's name without the parenthetical after it: in a wire dateline ("<CITY>, <Country> (AP) -")
    the parenthetical names the news agency, and the country must still count as named (the towns and
    districts of the story are looked for in it)."""
    return _AGENCY.sub("", name)


_CONTAINED_BY = re.compile(r"(?:\s+(?i:village|town|area|locality))?\s*,?\s*(?:(?:in|of)\s+)?(?:the\s+)?"
                           r"(?:(?i:north|south|east|west|central|northern|southern|eastern|western)\s+)?")
"""What stands between a name and the unit the text puts it in ("<Town>, in the ", "<Village> village, ")."""
WORLD_HINTS = frozenset({None, "locative", "list", "area", "district", "city", "town", "village"})
"""Where a span was found for a world place to be looked up: a name the parser calls a place, a
proper noun after a locative preposition, a list after a place, a name before a kind word. A name
before "province"/"state" is a subdivision or nothing (:func:`_subdivision`)."""
MIN_BARE_TOWN_POPULATION = 1000
"""A bare name ("in <Name>") read as a town of the world index must be a town of at least this many
people (GeoNames' own threshold for its main list): hamlets share their names with people, tribes
and words, and a writer who means one says so ("<Name> village", "the <Name> area")."""
_WORLD_KINDS = {"province": "admin1", "district": "admin2", "city": "town"}


@lru_cache(maxsize=5000)
def _world_place(surface: str, countries: frozenset[str], hint: str | None,
                 within: frozenset[str] | None = None) -> Place | None:
    """A name outside the theatre's gazetteer read in the world index inside ``countries`` (and inside
    the provinces ``within``, ISO 3166-2 codes, when given): its place, an ``ambiguous`` place when its
    namesakes there lie in different provinces, or None."""
    from ruydad.geo.world import world_place, world_places

    if hint not in WORLD_HINTS or len(surface) < 3 or not surface[0].isupper():
        return None
    level = "district" if hint == "district" else None
    found = tuple(p for p in world_places(surface, countries, level) if within is None or p.admin1_code in within)
    if not found:
        return None
    place = world_place(surface, countries, level, within)
    if place is None:
        readings = list(dict.fromkeys(f"{p.name}, {p.admin1} ({p.admin1_code})" for p in found if p.admin1_code))
        return Place(name=surface, kind="ambiguous", alternatives=readings) if len(readings) > 1 else None
    if place.kind == "city" and place.population < MIN_BARE_TOWN_POPULATION and hint in (None, "locative", "list") \
            and not any(p.kind == "district" for p in found):
        return None  # a hamlet's name, unless a district (a unit, no hamlet) bears it too: "in <District>"
    import pycountry

    country = pycountry.countries.get(alpha_2=place.country)
    if hint == "district" and place.kind == "city":
        return _district_named_after(place, str(country.alpha_3) if country else None)
    return Place(name=place.name, kind=_WORLD_KINDS[place.kind], country_code=str(country.alpha_3) if country else None,
                 admin1=_iso_name(place.admin1_code) or place.admin1, admin1_code=place.admin1_code,
                 admin2=place.admin2)


_REGION_BEFORE = re.compile(
    r"(?P<region>[A-Z][\w'’-]{2,30}(?:\s+(?:and\s+)?[A-Z][\w'’-]{2,30}){0,2})['’]s\s+"
    r"(?:(?:restive|remote|troubled|volatile|northern|southern|eastern|western|central)\s+)?$")
_REGION_AFTER = re.compile(
    r"\s*,?\s+(?:in|of)\s+(?:the\s+)?(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|"
    r"south-?west)(?:ern)?\s+)?(?P<region>[A-Z][\w'’-]{2,30}(?:\s+(?:and\s+)?[A-Z][\w'’-]{2,30}){0,2})"
    r"(?:\s+(?i:region|state|province))?\b(?!['’]s)")


_NAMED_UNIT_HINTS = frozenset({"district", "town", "city", "village"})


def _story_regions(text: str, spans: list[tuple[int, int, str | None]]) -> frozenset[str]:
    """The first-level divisions, in any country, that the story's other candidate names are, by their very
    name ("in <Region>", "<Region> state"): where a story that names no country may have happened."""
    from ruydad.geo.world import provinces_named

    return frozenset(code for start, end, hint in spans if hint in _REGION_HINTS
                     for code in provinces_named(text[start:end].strip(), loose=False))


_REGION_HINTS = frozenset({None, "locative", "list", "state", "province", "area"})


def _regional_place(text: str, start: int, end: int, hint: str | None,
                    story_regions: frozenset[str] = frozenset(), home: str | None = None) -> Place | None:
    """A name the text puts in a region, in a story that names no country ("south <Region>'s <Name>
    district", "<Name> district in <Region>"): the region is a first-level division (its name, or a
    short name its full name holds: :func:`ruydad.geo.world.provinces_named`), and the name is read in
    the world index only inside the divisions the region may be. A name the writer calls a unit ("<Name>
    district") with no region beside it is read inside the divisions the story names elsewhere
    (``story_regions``: "in <Region>" ... "<Name> district"); where the story names no region either, a
    district that one province in the world holds under that name (not in the theatre's own country).
    Placed when those readings lie in one province (the region's countries then become the story's),
    else nothing: the region is the writer's word for where the name is, never a guess."""
    from ruydad.geo.world import provinces_named

    if hint not in WORLD_HINTS:
        return None
    before = _REGION_BEFORE.search(text, max(0, start - 60), start)
    # after the name only where the writer says what the name is ("the <Name> district of <Region>"): a bare
    # name before "in <Region>" may be near it rather than in it
    after = _REGION_AFTER.match(text, end, min(len(text), end + 60)) if hint in _NAMED_UNIT_HINTS else None
    regions = [provinces_named(m["region"]) for m in (before, after) if m is not None]
    if hint in _NAMED_UNIT_HINTS and not any(regions):
        regions.append(story_regions)
    for codes in regions:
        if not codes:
            continue
        place = _world_place(text[start:end].strip(), frozenset(code[:2] for code in codes), hint, codes)
        if place is not None and place.kind != "ambiguous":
            return place
    if hint == "district" and not any(regions):
        # nothing of the story says where: a unit the writer calls a district that one province in the
        # world holds under that name is there (two provinces' namesakes place nothing)
        from ruydad.geo.world import district_provinces

        codes = district_provinces(text[start:end].strip())
        if len(codes) == 1:
            place = _world_place(text[start:end].strip(), frozenset(code[:2] for code in codes), hint, codes)
            if place is not None and place.kind == "admin2" and place.country_code != home:
                return place  # (the theatre's own country is its gazetteer's business)
    return None


def _district_named_after(town: Any, country_code: str | None) -> Place:
    """"<Town> district" where the world index knows only the town: the district the text names is the
    one named after (and around) the town, in the town's province. GeoNames lacks many second-level units
    (or has them under older names), and many towns carry no district at all; a writer who says
    "district" has named one, so it is kept under the town's name rather than left out."""
    return Place(name=town.name, kind="admin2", country_code=country_code,
                 admin1=_iso_name(town.admin1_code) or town.admin1, admin1_code=town.admin1_code, admin2=town.name)


_DEMONYM_CAPITAL = re.compile(r"\bthe\s+(?P<people>[A-Z][a-z]{3,20})\s+capital(?:\s+city)?\b(?!\s+of\b)")


def _demonym_capitals(doc: Document, readings: list[tuple[int, int, str | None, Any]],
                      home: str | None) -> list[tuple[int, int, str | None, Any]]:
    """"in the <Demonym> capital": that country's capital (the world index's), a city in its
    province; not "near/outside the <Demonym> capital" (around it, maybe in another province), nor
    the theatre's own capital (its gazetteer's business)."""
    from ruydad.geo.world import capital_of

    found: list[tuple[int, int, str | None, Any]] = []
    for m in _DEMONYM_CAPITAL.finditer(doc.text):
        start, end = m.start(), m.end()
        if any(s_ < end and start < e_ for s_, e_, _h, _r in readings) or \
                _AROUND.search(doc.text[max(0, start - 40):start]):
            continue
        country = _demonym_country(m["people"])
        capital = capital_of(country) if country and country != home else None
        if capital is None:
            continue
        found.append((start, end, "city", Place(
            name=capital.name, kind="city", country_code=country, admin1=_iso_name(capital.admin1_code) or
            capital.admin1, admin1_code=capital.admin1_code)))  # a capital spans several districts
    return found


_AROUND = re.compile(r"(?i:\b(?:near(?:by)?|outside|outskirts\s+of|around|close\s+to|edge\s+of|vicinity\s+of)\s+"
                     r"(?:the\s+)?(?:\w+\s+)?(?:capital(?:\s+city)?,?\s+(?:of\s+)?)?)$")
"""Words that put a place around a town rather than in it ("near <City>", "outside the <Demonym> capital")."""


_BESIDE = re.compile(r"(?i:\b(?:adjacent\s+to|bordering|neighbou?ring|next\s+to)\s+(?:the\s+)?"
                     r"(?:(?:district|province|region|town|village|city)\s+of\s+)?)$")
"""Words that name a place only as the neighbour of where something was ("adjacent to the district of <X>")."""


def _around_capital(text: str, start: int, surface: str, countries: frozenset[str]) -> bool:
    """Whether the text puts something near or outside a country's capital: a capital is often a
    first-level division of its own, so the place around it may lie in the next province; the world
    index cannot tell which, so such a mention places nothing."""
    from ruydad.geo.world import world_place

    if not _AROUND.search(text[max(0, start - 40):start]):
        return False
    place = world_place(surface, countries)
    return place is not None and place.capital


def _iso_name(code: str | None) -> str | None:
    import pycountry

    sub = pycountry.subdivisions.get(code=code) if code else None
    return str(sub.name) if sub is not None else None


def _ambiguous_place(surface: str, candidates: Any) -> Place:
    """A name the text does not place: its readings, no codes (it places no event)."""
    best = candidates[0]
    readings: list[str] = []
    for c in candidates:
        if best.score - c.score <= AMBIGUITY_MARGIN:
            label = f"{c.name}, {c.admin1_name} ({c.admin1_code})" if c.level > 1 else f"{c.name} ({c.admin1_code})"
            if label not in readings:
                readings.append(label)
    return Place(name=surface, kind="ambiguous", alternatives=readings)


def _name_key(surface: str) -> str:
    words = [w for w in re.sub(r"[^\w]+", " ", surface.lower()).split()
             if w not in ("district", "districts", "area", "areas", "province", "valley", "the")]
    return " ".join(words)


def _paragraph_key(text: str, offset: int) -> str:
    return f"p{text.rfind(chr(10), 0, offset)}"
