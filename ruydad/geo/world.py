"""Places of the whole world, outside any theatre's gazetteer: towns and districts -> provinces.

A theatre's gazetteer knows its own country in detail. A story from elsewhere ("PESHAWAR, <Country>",
"a district in central <Country>", "the <Town> post") names towns and districts that only a world
gazetteer knows. This module reads the one shipped under ``ruydad/data/world/`` (GeoNames, CC BY 4.0:
every populated place of 500 people or more and every second-level division, see its README), and
answers, for a name and the countries a story names, the places of that name in those countries with
their province as an ISO 3166-2 code (the code every event carries) and their district.

- :func:`world_places`: every place of a name in the given countries (exact spelling first, then the
  looser transliteration-folded skeleton of :func:`ruydad.geo.names.fold`);
- :func:`world_place`: the one reading those places agree on, or None when they lie in different
  provinces (the name is ambiguous there: never guessed) or there are none;
- :func:`capital_of`: a country's capital ("the <Demonym> capital");
- :func:`match_subdivision`: a division's name -> the ISO 3166-2 code of the country's subdivision of
  that name (folded, then fuzzy), how the index's GeoNames provinces were given their ISO codes;
- :func:`province_aliases`: the other names of first-level divisions ("North Kivu" for "Nord-Kivu").

The index is read on first use (about a third of a second) and each country's part is indexed when
a story first names that country. Nothing here names a country: the countries come from the text.
"""

from __future__ import annotations

import gzip
import hashlib
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import astuple, dataclass, replace
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import ruydad.geo.names as names_module
from ruydad.errors import InputError
from ruydad.geo.names import fold, normalize

DATA = ("data", "world")
"""Where the index lies inside the ``ruydad`` package."""
SUBDIVISION_FUZZY = 90.0
"""A subdivision name written in another romanisation ("<Name>iya" for "<Name>iyah") matches when its
folded spelling is this close (rapidfuzz ratio) and no other subdivision comes as close."""
DISTRICT_WORDS = frozenset({"district", "districts", "territory", "cercle", "commune", "county", "department",
                            "municipality", "subdistrict", "sub", "prefecture", "lga", "tehsil", "woreda", "zone"})
"""Words after a name that make it a second-level division ("Lubero Territory", "<Name> cercle", "<Name> Zone",
the second level of some countries)."""
PLACE_WORDS = frozenset({"city", "town", "village", "area", "locality", "post", "camp", "the"})
"""Words around a name that say nothing of its level ("the <Town> post", "<Name> town")."""
PROVINCE_WORDS = frozenset({"province", "region", "state", "governorate"})
_ARTICLES = frozenset({"al", "as", "ad", "an", "ar", "ash", "at", "az", "el"})


@dataclass(frozen=True, slots=True)
class WorldPlace:
    """A place of the world index: ``kind`` is ``city`` (a populated place), ``district`` (a
    second-level division) or ``province``; ``admin1_code`` is the ISO 3166-2 code of its province
    (None where ISO has no code for the GeoNames division)."""

    name: str
    kind: str
    country: str
    admin1_code: str | None
    admin1: str | None
    admin2: str | None
    population: int
    capital: bool = False
    """The country's capital (GeoNames): often a first-level division of its own, so that a place
    "near" or "outside" it may lie in another."""


@lru_cache(maxsize=100_000)
def subdivision_key(name: str) -> str:
    """The key subdivision names are compared on: normalised, kind words and a leading Arabic article
    dropped ("As <Name>" is written "<Name>"), folded (:func:`ruydad.geo.names.fold`)."""
    words = [w for w in normalize(name).split() if w not in PROVINCE_WORDS and w != "the"]
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    return fold(" ".join(words))


@lru_cache(maxsize=20000)
def match_subdivision(alpha2: str, name: str) -> str | None:
    """The ISO 3166-2 code of the subdivision of country ``alpha2`` that ``name`` names: the one whose
    folded name is the same (a first-level one when a lower level has the same name), else the one
    whose folded name alone comes within :data:`SUBDIVISION_FUZZY`; None when none or several do."""
    import pycountry
    from rapidfuzz import fuzz

    key = subdivision_key(name)
    if len(key) < 3:
        return None
    exact: list[tuple[bool, str]] = []
    near: list[tuple[float, str]] = []
    for sub in pycountry.subdivisions.get(country_code=alpha2) or ():
        sub_key = subdivision_key(str(sub.name))
        if sub_key == key:
            exact.append((sub.parent_code is None, str(sub.code)))
        elif len(key) >= 5 and (ratio := fuzz.ratio(sub_key, key)) >= SUBDIVISION_FUZZY:
            near.append((ratio, str(sub.code)))
    if exact:
        top = [code for first, code in exact if first] or [code for _first, code in exact]
        return top[0] if len(top) == 1 else None
    return near[0][1] if len(near) == 1 else None


@cache
def _admin1() -> dict[str, tuple[str | None, str, tuple[str, ...]]]:
    """GeoNames first-level code -> (ISO 3166-2 code or None, name, aliases)."""
    found: dict[str, tuple[str | None, str, tuple[str, ...]]] = {}
    for line in _read("admin1.tsv").splitlines()[1:]:
        code, iso, name, aliases = [*line.split("\t"), "", "", ""][:4]
        found[code] = (iso or None, name, tuple(a for a in aliases.split("|") if a))
    return found


@cache
def province_aliases() -> tuple[tuple[str, str], ...]:
    """(ISO 3166-2 code, name) for every name GeoNames gives a first-level division that has an ISO
    code: its own name and its aliases ("North Kivu" for the ISO "Nord-Kivu")."""
    return tuple((iso, name) for iso, own, aliases in _admin1().values() if iso for name in (own, *aliases))


def data_path(filename: str) -> Path:
    """The path of one of the index's files (``admin1.tsv``, ``places.tsv.gz``)."""
    return Path(str(resources.files("ruydad").joinpath(*DATA, filename)))


def _read(filename: str) -> str:
    path = data_path(filename)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path} is missing: reinstall Ruydad, or regenerate it with "
                         "scripts/build_world_places.py (see ruydad/data/world/README.md)") from None
    return (gzip.decompress(raw) if filename.endswith(".gz") else raw).decode("utf-8")


@cache
def _rows() -> list[str]:
    """The index's rows (header first), sorted: a country's rows are one run, found by bisection."""
    return _read("places.tsv.gz").splitlines()


def _country_rows(alpha2: str) -> list[str]:
    rows = _rows()
    return rows[bisect_left(rows, f"{alpha2}\t", 1):bisect_left(rows, f"{alpha2}\u000b", 1)]


class _Index:
    """One country's places by name: (normalised name -> places, folded name -> places), each place
    with whether the key is its own name (not one of its alternate names).

    Kept in the user's cache (:mod:`ruydad.cache`), since folding a large country's names takes a
    good part of a second; kept there as plain values (each key's places as numbers into a list of
    tuples), and a place made only when a name finds it: reading a country of 16,000 places as
    objects took 0.24 s and most of an article's place reading, as numbers 0.04 s."""

    __slots__ = ("_made", "exact", "loose", "rows")

    def __init__(self, exact: dict[str, tuple[int, ...]], loose: dict[str, tuple[int, ...]],
                 rows: list[tuple[Any, ...]]) -> None:
        self.exact, self.loose, self.rows = exact, loose, rows
        self._made: dict[int, WorldPlace] = {}

    def __getstate__(self) -> tuple[Any, ...]:
        return self.exact, self.loose, self.rows

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self.exact, self.loose, self.rows = state
        self._made = {}

    def places(self, loose: bool, key: str) -> list[tuple[WorldPlace, bool]]:
        """The places ``key`` names (a folded key when ``loose``), each with whether it is their own name."""
        return [(self.place(n >> 1), bool(n & 1)) for n in (self.loose if loose else self.exact).get(key, ())]

    def place(self, number: int) -> WorldPlace:
        found = self._made.get(number)
        if found is None:
            found = self._made[number] = WorldPlace(*self.rows[number])
        return found

    def every_place(self) -> list[WorldPlace]:
        return [self.place(n) for n in range(len(self.rows))]


@lru_cache(maxsize=64)
def _country_index(alpha2: str) -> _Index:
    """One country's :class:`_Index`, from the user's cache or built."""
    from ruydad.cache import cached

    inputs = [Path(__file__), Path(names_module.__file__)]
    return cached(f"world-places-{alpha2}", inputs, f"{alpha2} {_data_digest()}", lambda: _build_country_index(alpha2))


@cache
def _data_digest() -> str:
    """A digest of the index's files, computed once per process (not once per country)."""
    digest = hashlib.sha256()
    for filename in ("admin1.tsv", "places.tsv.gz"):
        digest.update(data_path(filename).read_bytes())
    return digest.hexdigest()[:16]


def _build_country_index(alpha2: str) -> _Index:
    admin1 = _admin1()
    exact: dict[str, list[int]] = {}
    loose: dict[str, list[int]] = {}
    rows: list[tuple[Any, ...]] = []

    def add(names: Iterable[str], place: WorldPlace) -> None:
        number = len(rows)
        rows.append(astuple(place))
        for n, spelling in enumerate(names):
            key = normalize(spelling)
            if not key:
                continue
            exact.setdefault(key, []).append(number * 2 + (n == 0))
            loose.setdefault(_loose_key(key), []).append(number * 2 + (n == 0))

    for line in _country_rows(alpha2):
        country, kind, code, admin2, population, names = line.split("\t")
        iso, province, _aliases = admin1.get(code, (None, "", ()))
        spellings = names.split("|")
        district_names = [_strip_district_word(n) for n in spellings] if kind == "district" else spellings
        district = _strip_district_word(spellings[0] if kind == "district" else admin2)
        add(dict.fromkeys(district_names), WorldPlace(
            name=spellings[0], kind="city" if kind == "capital" else kind, country=country, admin1_code=iso,
            admin1=province or None, admin2=district or None, population=int(population or 0),
            capital=kind == "capital"))
    for code, (iso, own, aliases) in admin1.items():
        if code[:2] == alpha2:
            add(dict.fromkeys((own, *aliases)), WorldPlace(name=own, kind="province", country=alpha2,
                                                           admin1_code=iso, admin1=own, admin2=None, population=0))
    return _Index({k: tuple(v) for k, v in exact.items()}, {k: tuple(v) for k, v in loose.items()}, rows)


_DISTRICT_WORD = re.compile(r"(?i)^(?:(?:district|territory|cercle|commune|county|department|municipality|"
                            r"circunscri[cç][aã]o|distrito|circonscription|territoire)\s+(?:of|de|d['’]|da|du)?\s*)"
                            r"|\s+(?:district|territory|cercle|county|department|municipality|zone|agency)$")


def _strip_district_word(name: str) -> str:
    """'Sharbazher District' -> 'Sharbazher', 'Circunscrição de Macomia' -> 'Macomia'."""
    return _DISTRICT_WORD.sub("", name).strip() or name if name else name


def _alpha2(country: str) -> str | None:
    import pycountry

    if len(country) == 2:
        return country.upper()
    found = pycountry.countries.get(alpha_3=country.upper())
    return str(found.alpha_2) if found is not None else None


_FINAL_H = re.compile(r"(?<=[ae])h\b")


def _loose_key(normalized: str) -> str:
    """The folded skeleton (:func:`ruydad.geo.names.fold`) without a word-final h after a vowel: the
    Arabic feminine ending is written -ah or -a ("Maqbanah", "Maqbana")."""
    return fold(_FINAL_H.sub("", normalized))


_LGA = re.compile(r"\s+local government(?: area)?$")
"""The second-level unit of some countries, written out ("<Name> Local Government Area")."""


def _query(name: str) -> tuple[str, str | None]:
    """(normalised name without kind words, 'district'/'province' when a kind word says so)."""
    text = normalize(re.sub(r"\s*\([^)]*\)", " ", name))
    words = _LGA.sub(" district", text).split()
    kind: str | None = None
    while words and words[-1] in DISTRICT_WORDS | PLACE_WORDS | PROVINCE_WORDS:
        last = words.pop()
        kind = kind or ("district" if last in DISTRICT_WORDS else "province" if last in PROVINCE_WORDS else None)
    while words and words[0] in PLACE_WORDS:
        words.pop(0)
    return " ".join(words), kind


@lru_cache(maxsize=20000)
def _world_places(name: str, countries: frozenset[str], level: str | None) -> tuple[WorldPlace, ...]:
    key, kind = _query(name)
    kind = kind or level
    if len(key) < 3:
        return ()
    codes = sorted({a2 for c in countries if (a2 := _alpha2(c)) is not None})
    for loose in (False, True):
        hits = [hit for a2 in codes for hit in _country_index(a2).places(loose, _loose_key(key) if loose else key)]
        # every place the name is a spelling of, its own name or an alternate one: English exonyms are
        # GeoNames alternate names ("Timbuktu"), so a hamlet's own name does not outrank them
        found = list(dict.fromkeys(p for p, _own in hits))
        if kind is not None:
            # "<name> district": the district of that name (where there is one), not its namesake towns
            found = [p for p in found if p.kind == kind] or found
        if found:
            return tuple(found)
    return ()


def world_places(name: str, countries: Iterable[str], level: str | None = None) -> tuple[WorldPlace, ...]:
    """Every place of the world index that ``name`` names in ``countries`` (ISO alpha-2 or alpha-3
    codes): those spelled the same once normalised (own or alternate name), else those with the same
    folded skeleton. A kind
    word ("Lubero Territory", "<Name> district", "<Name> province") keeps the places of that level
    where there are any, as does ``level`` (``district`` or ``province``) where the name has none ("the
    district of <Name>")."""
    return _world_places(name, frozenset(countries), level)


_LEVEL_ORDER = {"province": 2, "city": 1, "district": 0}
"""Which of several places of one name in one province a bare name is read as: the province (a
name that is also its capital's stays at the province's level), else the largest town, else the
district (a kind word has already kept only the districts)."""


@lru_cache(maxsize=256)
def capital_of(country: str) -> WorldPlace | None:
    """The capital of ``country`` (ISO alpha-2 or alpha-3) that GeoNames marks as such, None when it
    marks none, or several, or the capital's province has no ISO 3166-2 code ("the <Demonym>
    capital" names it without its name)."""
    alpha2 = _alpha2(country)
    if alpha2 is None:
        return None
    capitals = {place for place in _country_index(alpha2).every_place() if place.capital}
    if len(capitals) != 1:
        return None
    capital = next(iter(capitals))
    return capital if capital.admin1_code else None


def world_place(name: str, countries: Iterable[str], level: str | None = None,
                within: Iterable[str] | None = None) -> WorldPlace | None:
    """The reading of ``name`` in ``countries``: the place when every place of that name lies in one
    province (the district too when they agree on it), None when there is none, when they lie in
    different provinces (ambiguous there: the caller reports it, never guesses), or when their province
    has no ISO 3166-2 code. ``within`` (ISO 3166-2 codes) keeps only the places in those provinces: the
    ones the text puts the name in ("<Region>'s <Name> district")."""
    found = world_places(name, countries, level)
    if within is not None:
        inside = frozenset(within)
        found = tuple(p for p in found if p.admin1_code in inside)
    provinces = {p.admin1_code for p in found}
    if len(provinces) != 1 or None in provinces:
        return None
    best = max(found, key=lambda p: (_LEVEL_ORDER[p.kind], p.population))
    if best.kind == "province":
        return replace(best, admin2=None)
    # a town and the district named after it ("Macomia", "Daquq"): the district, when there is one of
    # that name there; else the district the towns of that name agree on, if they do
    named = {p.admin2 for p in found if p.kind == "district"}
    districts = named if len(named) == 1 else {p.admin2 for p in found}
    if districts == {None} and best.kind == "city":
        # a spelling only the town lists ("Afgoye" for "Afgooye"), where GeoNames gives the town no
        # district: the district of the town's own name in its province, if there is one
        districts = {p.admin2 for p in world_places(best.name, (best.country,), "district")
                     if p.kind == "district" and p.admin1_code == best.admin1_code} or districts
    return replace(best, admin2=next(iter(districts)) if len(districts) == 1 else None)


@cache
def _province_names() -> dict[str, frozenset[str]]:
    """Normalised name (own or alias) of every first-level division with an ISO 3166-2 code -> those codes."""
    found: dict[str, set[str]] = {}
    for iso, name in province_aliases():
        key = normalize(name)
        if key:
            found.setdefault(key, set()).add(iso)
    return {key: frozenset(codes) for key, codes in found.items()}


@lru_cache(maxsize=5000)
def provinces_named(region: str, loose: bool = True) -> frozenset[str]:
    """The ISO 3166-2 codes of the first-level divisions, in any country, that ``region`` names: those
    whose own name or an alias is ``region`` (normalised, a kind word dropped: "<Name> state"); where
    none is, those whose name or alias holds it as whole words ("<Name>" of "<Other> and <Name>", the
    short name news uses for a province whose full name joins two). Empty for a name of fewer than four
    letters, or one no division bears; without ``loose``, only the divisions of that very name."""
    words = [w for w in normalize(region).split() if w not in PROVINCE_WORDS and w != "the"]
    key = " ".join(words)
    if len(key.replace(" ", "")) < 4:
        return frozenset()
    exact = _province_names().get(key)
    if exact or not loose:
        return exact or frozenset()
    pattern = re.compile(rf"(?:^| ){re.escape(key)}(?: |$)")
    return frozenset(code for name, codes in _province_names().items() if pattern.search(name) for code in codes)


@cache
def _world_districts() -> dict[str, frozenset[str]]:
    """Normalised name (a kind word dropped) of every second-level division of the index -> the ISO 3166-2
    codes of the provinces such divisions lie in, over every country (built when first asked, about a second,
    and kept in the user's cache)."""
    from ruydad.cache import cached

    inputs = [Path(__file__), Path(names_module.__file__)]
    return cached("world-districts", inputs, _data_digest(), _build_world_districts)


def _build_world_districts() -> dict[str, frozenset[str]]:
    admin1 = _admin1()
    found: dict[str, set[str]] = {}
    for line in _rows()[1:]:
        _country, kind, code, _admin2, _population, names = line.split("\t")
        iso = admin1.get(code, (None, "", ()))[0] if kind == "district" else None
        if not iso:
            continue
        for spelling in names.split("|"):
            key = normalize(_strip_district_word(spelling))
            if key:
                found.setdefault(key, set()).add(iso)
    return {key: frozenset(codes) for key, codes in found.items()}


def district_provinces(name: str) -> frozenset[str]:
    """The ISO 3166-2 codes of the provinces, in any country, that hold a second-level division of this name
    ("<Name> district": its kind word dropped); empty when none does."""
    key, _kind = _query(name)
    return _world_districts().get(key, frozenset()) if len(key) >= 5 else frozenset()
