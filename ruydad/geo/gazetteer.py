"""A theatre's gazetteer: its administrative units, places and every spelling of their names.

The pack format (files in ``<theatre>/geo/``), the same for every country:

- ``units.csv``: ``level`` (1 province, 2 district), ``pcode`` (OCHA P-code, the key),
  ``iso_code`` (ISO 3166-2, level 1), ``name``, ``name_fa``, ``name_ps`` (local-script names;
  columns ``name_<lang>`` are all read), ``parent_pcode``, ``latitude``, ``longitude``.
- ``names.csv``: ``pcode, name, lang, source``: alternate spellings, each with where it came
  from, so that a spelling can be traced and a source left out (to measure held-out accuracy).
- ``places.csv.gz`` (optional): ``name, kind, latitude, longitude, admin1_pcode, admin2_pcode,
  alt_names ('|'-separated), source``: villages, towns, valleys.
- ``kind_words.csv`` (optional): ``word, kind``: the theatre's words that say what kind of place a
  name is ("Borno State", a local word for "district"), beside the English ones.
- ``admin1.geojson.gz`` / ``admin2.geojson.gz``: polygons with a ``pcode`` property.
"""

from __future__ import annotations

import csv
import functools
import gzip
import io
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ruydad.errors import InputError
from ruydad.geo.names import KIND_WORDS, fold, normalize, split_kind, strip_parenthetical
from ruydad.theatres import DEFAULT_THEATRE, TheatreInfo, TheatreLike, theatre_info


@dataclass(frozen=True)
class Unit:
    """An administrative unit: a province (level 1) or a district (level 2)."""

    pcode: str
    level: int
    name: str
    iso_code: str | None
    parent_pcode: str | None
    latitude: float | None
    longitude: float | None
    local_names: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Place:
    """A named point below the district level (village, town, valley) with its admin codes."""

    name: str
    kind: str
    latitude: float
    longitude: float
    admin1_pcode: str | None
    admin2_pcode: str | None
    source: str


@dataclass(frozen=True)
class Spelling:
    """One way of writing one target's name, as indexed."""

    written: str
    key: str
    target: int
    source: str


@dataclass
class Gazetteer:
    """Units, places and their spellings, indexed for exact and fuzzy lookup.

    ``targets`` holds units first, then places; a spelling points to a target by index.
    """

    theatre: TheatreInfo
    units: dict[str, Unit]
    targets: list[Unit | Place]
    spellings: list[Spelling]
    by_key: dict[str, list[int]]
    by_fold: dict[str, list[int]]
    by_first_word: dict[str, list[int]]
    fold_choices: list[str]
    excluded_sources: frozenset[str]
    fold_choices_by_level: dict[int, list[str]] = field(default_factory=dict)
    """Fuzzy choices of each level (1, 2, 3 for places): a level-restricted query scans only these."""
    unit_spellings_in: dict[str, list[int]] = field(default_factory=dict)
    """Spellings of the units inside each unit (a province's districts, itself), by P-code."""
    kind_words: dict[str, str] = field(default_factory=lambda: dict(KIND_WORDS))
    """Words that say what kind of place a name is: the English ones and the theatre's own."""

    def unit(self, pcode: str) -> Unit:
        try:
            return self.units[pcode]
        except KeyError:
            raise InputError(f"no unit with P-code {pcode!r} in theatre {self.theatre.name!r}") from None

    def admin1_of(self, target: Unit | Place) -> Unit | None:
        """The province a unit or place lies in."""
        if isinstance(target, Unit):
            if target.level == 1:
                return target
            return self.units.get(target.parent_pcode or "")
        return self.units.get(target.admin1_pcode or "")

    def levels(self, level: int) -> list[Unit]:
        return [u for u in self.units.values() if u.level == level]


def _open_text(path: Path) -> Iterator[dict[str, str]]:
    raw = path.read_bytes()
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    yield from csv.DictReader(io.StringIO(raw.decode("utf-8")))


def _float(value: str | None) -> float | None:
    return float(value) if value not in (None, "") else None


_UNIT_COLUMNS = ("level", "pcode", "name")


def _read_units(geo: Path) -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    path = geo / "units.csv"
    for line, row in enumerate(_open_text(path), start=2):
        missing = [c for c in _UNIT_COLUMNS if not row.get(c)]
        if missing:
            raise InputError(f"{path}, line {line}: no {', '.join(missing)}; every row of units.csv needs the "
                             f"columns {', '.join(_UNIT_COLUMNS)} (see ruydad/geo/gazetteer.py's docstring)")
        local = {k[5:]: v for k, v in row.items() if k.startswith("name_") and v}
        units[row["pcode"]] = Unit(
            pcode=row["pcode"], level=int(row["level"]), name=row["name"], iso_code=row.get("iso_code") or None,
            parent_pcode=row.get("parent_pcode") or None, latitude=_float(row.get("latitude")),
            longitude=_float(row.get("longitude")), local_names=local,
        )
    return units


def _read_kind_words(geo: Path) -> dict[str, str]:
    """The English kind words and the theatre's own (``kind_words.csv``: ``word,kind``, kind one of
    admin1, admin2, valley, city, village)."""
    words = dict(KIND_WORDS)
    path = geo / "kind_words.csv"
    if path.exists():
        known = set(KIND_WORDS.values())
        for row in _open_text(path):
            if row["kind"] not in known:
                raise InputError(f"{path}: kind {row['kind']!r} of {row['word']!r} is not one of "
                                 f"{', '.join(sorted(known))}")
            words[normalize(row["word"])] = row["kind"]
    return words


def _read_places(geo: Path) -> list[tuple[Place, list[str]]]:
    path = geo / "places.csv.gz"
    if not path.exists():
        path = geo / "places.csv"
    if not path.exists():
        return []
    out: list[tuple[Place, list[str]]] = []
    for row in _open_text(path):
        place = Place(name=row["name"], kind=row["kind"], latitude=float(row["latitude"]),
                      longitude=float(row["longitude"]), admin1_pcode=row.get("admin1_pcode") or None,
                      admin2_pcode=row.get("admin2_pcode") or None, source=row.get("source", ""))
        out.append((place, [a for a in (row.get("alt_names") or "").split("|") if a]))
    return out


def build_gazetteer(info: TheatreInfo, exclude_sources: frozenset[str] = frozenset()) -> Gazetteer:
    """Read a theatre's geo pack and index every spelling (see the module docstring for the files)."""
    geo = info.path / "geo"
    if not (geo / "units.csv").is_file():
        raise InputError(f"theatre {info.name!r} has no gazetteer: {geo / 'units.csv'} is missing")
    units = _read_units(geo)
    kind_words = _read_kind_words(geo)
    index = {pcode: i for i, pcode in enumerate(units)}
    targets: list[Unit | Place] = list(units.values())
    spellings: list[Spelling] = []

    def add(written: str, target: int, source: str) -> None:
        head, _ = strip_parenthetical(written)  # 'Khost(Matun)' is also a spelling 'Khost'
        for form in dict.fromkeys((written, head)):
            key, _ = split_kind(normalize(form), kind_words)
            if key:
                spellings.append(Spelling(written, key, target, source))

    for i, unit in enumerate(targets):
        assert isinstance(unit, Unit)
        add(unit.name, i, "units")
        for local in unit.local_names.values():
            add(local, i, "units")
    for row in _open_text(geo / "names.csv"):
        if row["source"] not in exclude_sources and row["pcode"] in index:
            add(row["name"], index[row["pcode"]], row["source"])
    for place, alternates in _read_places(geo):
        targets.append(place)
        for written in (place.name, *alternates):
            add(written, len(targets) - 1, place.source.split(":")[0])
    gazetteer = _index(info, units, targets, spellings, exclude_sources)
    gazetteer.kind_words = kind_words
    return gazetteer


def _index(info: TheatreInfo, units: dict[str, Unit], targets: list[Unit | Place], spellings: list[Spelling],
           exclude_sources: frozenset[str]) -> Gazetteer:
    by_key: dict[str, list[int]] = defaultdict(list)
    by_fold: dict[str, list[int]] = defaultdict(list)
    by_first_word: dict[str, list[int]] = defaultdict(list)
    by_level: dict[int, dict[str, None]] = defaultdict(dict)
    unit_spellings_in: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(spellings):
        target = targets[s.target]
        folded = fold(s.key)
        by_key[s.key].append(i)
        by_fold[folded].append(i)
        by_level[target.level if isinstance(target, Unit) else 3][folded] = None
        if not isinstance(target, Unit):
            continue
        if " " in s.key:
            by_first_word[s.key.split()[0]].append(i)
        for container in {target.pcode, target.parent_pcode} - {None}:
            unit_spellings_in[str(container)].append(i)
    return Gazetteer(theatre=info, units=units, targets=targets, spellings=spellings, by_key=dict(by_key),
                     by_fold=dict(by_fold), by_first_word=dict(by_first_word), fold_choices=list(by_fold),
                     excluded_sources=exclude_sources, unit_spellings_in=dict(unit_spellings_in),
                     fold_choices_by_level={k: list(v) for k, v in by_level.items()})


@functools.cache
def load_gazetteer(theatre: TheatreLike = DEFAULT_THEATRE, exclude_sources: frozenset[str] = frozenset()) -> Gazetteer:
    """The gazetteer of a theatre, built once per process (and per set of left-out sources).

    Building it reads and normalises ~19,000 spellings (half a second); the result is kept in the
    user's cache directory (:func:`ruydad.cache.cached`), keyed on the pack's files and on the code
    that reads them, so the next command loads it in a few milliseconds."""
    from ruydad.cache import cached

    info = theatre_info(theatre)
    geo = info.path / "geo"
    inputs = [*sorted(geo.glob("*.csv*")), info.path / "theatre.yaml", Path(__file__),
              Path(__file__).with_name("names.py")]
    return cached(f"gazetteer-{info.name}", inputs, repr(sorted(exclude_sources)),
                  lambda: build_gazetteer(info, exclude_sources))
