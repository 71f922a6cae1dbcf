"""The actor registry: the armed actors of a theatre, under every name they go by.

The registry is data, one folder per theatre: ``ruydad/theatres/<theatre>/actors/actors.yaml``
(the actors) and ``sources.yaml`` (what their facts cite). The files are checked at the edge with
pydantic, then held as frozen dataclasses, so a typo in the data fails loudly when the registry is
first read rather than as a silent non-match later:

- ids are unique, lower-case slugs; parents exist and form no cycle;
- every actor cites at least one source, and every cited id is in ``sources.yaml``;
- a name (after :func:`normalize_name`) or an acronym belongs to one actor only;
- a dataset name ("Government of <country>" in UCDP) may belong to several actors only for
  periods that do not overlap, because the datasets reuse a name when power changes hands.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ruydad.errors import InputError
from ruydad.taxonomy import ACTOR_CATEGORY_BY_NAME
from ruydad.theatres import DEFAULT_THEATRE, TheatreLike, theatre_dir, theatre_name

_PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class RegistryError(InputError):
    """The registry data of a theatre is missing or inconsistent; the message names file and fix."""


class UnknownActorError(InputError):
    """An actor id or name is not in the registry."""


# -- normalisation -------------------------------------------------------------------------------

_NON_WORD = re.compile(r"[^\w]+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-"})


def normalize_name(text: str) -> str:
    """The key two spellings of one name share: no accents, case, punctuation or leading "the".

    "the National Resistance Front's" and "National Resistance Front" give the same key, and so do
    "Islamic National & Liberation" and "Islamic National and Liberation". Non-Latin letters are kept.
    """
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"'s\b", "", text).replace("&", " and ")
    text = _NON_WORD.sub(" ", text).replace("_", " ").strip()
    return re.sub(r"^the\s+", "", re.sub(r"\s+", " ", text))


# -- the file edge (pydantic) --------------------------------------------------------------------

def _as_text(value: Any) -> Any:
    """YAML reads 2021-08-15 as a date and 2016 as an int; the registry keeps partial dates as text."""
    return value.isoformat() if isinstance(value, date) else (str(value) if isinstance(value, int) else value)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class _DatedFactFile(_Strict):
    date: str = Field(pattern=_PARTIAL_DATE)
    cite: list[str] = Field(min_length=1)

    _text = field_validator("date", mode="before")(_as_text)


class _ParentFile(_Strict):
    id: str
    relation: str
    cite: list[str] = Field(min_length=1)


class _LeaderFile(_Strict):
    name: str
    role: str
    since: str | None = Field(default=None, pattern=_PARTIAL_DATE)
    until: str | None = Field(default=None, pattern=_PARTIAL_DATE)
    cite: list[str] = Field(min_length=1)

    _text = field_validator("since", "until", mode="before")(_as_text)


class _DatasetNameFile(_Strict):
    dataset: str = Field(pattern=r"^[a-z][a-z0-9_-]*$")
    name: str = Field(min_length=1)
    valid_from: date | None = Field(default=None, alias="from")
    valid_to: date | None = Field(default=None, alias="to")
    cite: list[str] = Field(min_length=1)
    note: str | None = None


class _ActorFile(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    acronyms: list[str] = Field(default_factory=list)
    local_names: dict[str, str] = Field(default_factory=dict)
    category: str
    parent: _ParentFile | None = None
    founded: _DatedFactFile | None = None
    dissolved: _DatedFactFile | None = None
    leaders: list[_LeaderFile] = Field(default_factory=list)
    dataset_names: list[_DatasetNameFile] = Field(default_factory=list)
    cite: list[str] = Field(min_length=1)
    note: str | None = None

    @field_validator("category")
    @classmethod
    def _known_category(cls, value: str) -> str:
        category = ACTOR_CATEGORY_BY_NAME.get(value.lower())
        if category is None:
            raise ValueError(f"{value!r} is not an ACLED actor category")
        return category.name


class _RegistryFile(_Strict):
    actors: list[_ActorFile]


class _SourceFile(BaseModel):
    model_config = ConfigDict(extra="allow")
    kind: str
    title: str
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    note: str | None = None


# -- the registry inside (dataclasses) -----------------------------------------------------------

@dataclass(frozen=True)
class Source:
    """A document the registry cites (an article, a dataset, a codebook, a reference list)."""

    id: str
    kind: str
    title: str
    outlet: str | None
    url: str | None
    published: date | None
    note: str | None


@dataclass(frozen=True)
class DatedFact:
    date: str
    cite: tuple[str, ...]


@dataclass(frozen=True)
class ParentLink:
    actor_id: str
    relation: str
    cite: tuple[str, ...]


@dataclass(frozen=True)
class Leader:
    name: str
    role: str
    since: str | None
    until: str | None
    cite: tuple[str, ...]


@dataclass(frozen=True)
class DatasetName:
    """A name a dataset uses for an actor, for the period the dataset uses it for that actor."""

    dataset: str
    name: str
    valid_from: date | None
    valid_to: date | None
    cite: tuple[str, ...]
    note: str | None = None

    def covers(self, on: date | None) -> bool:
        """True when ``on`` falls in the period; an unknown day is covered by every period."""
        if on is None:
            return True
        return (self.valid_from is None or on >= self.valid_from) and (
            self.valid_to is None or on <= self.valid_to)

    def overlaps(self, other: DatasetName) -> bool:
        lo = max(self.valid_from or date.min, other.valid_from or date.min)
        hi = min(self.valid_to or date.max, other.valid_to or date.max)
        return lo <= hi


@dataclass(frozen=True)
class Actor:
    """One actor of a theatre. ``category`` is an ACLED actor category name."""

    id: str
    name: str
    aliases: tuple[str, ...]
    acronyms: tuple[str, ...]
    local_names: tuple[tuple[str, str], ...]
    category: str
    parent: ParentLink | None
    founded: DatedFact | None
    dissolved: DatedFact | None
    leaders: tuple[Leader, ...]
    dataset_names: tuple[DatasetName, ...]
    cite: tuple[str, ...]
    note: str | None
    theatre: str

    @property
    def names(self) -> tuple[str, ...]:
        """Every written name matched case-insensitively: canonical, aliases, local and dataset names."""
        found = [self.name, *self.aliases, *(n for _, n in self.local_names),
                 *(d.name for d in self.dataset_names)]
        return tuple(dict.fromkeys(found))

    @property
    def parent_id(self) -> str | None:
        return self.parent.actor_id if self.parent else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "aliases": list(self.aliases), "acronyms": list(self.acronyms),
            "local_names": dict(self.local_names), "category": self.category,
            "parent": self.parent.__dict__ if self.parent else None,
            "founded": self.founded.__dict__ if self.founded else None,
            "dissolved": self.dissolved.__dict__ if self.dissolved else None,
            "leaders": [leader.__dict__ for leader in self.leaders],
            "dataset_names": [d.__dict__ for d in self.dataset_names],
            "cite": list(self.cite), "note": self.note, "theatre": self.theatre,
        }


def _to_actor(raw: _ActorFile, theatre: str) -> Actor:
    def fact(f: _DatedFactFile | None) -> DatedFact | None:
        return DatedFact(f.date, tuple(f.cite)) if f else None

    return Actor(
        id=raw.id, name=raw.name, aliases=tuple(raw.aliases), acronyms=tuple(raw.acronyms),
        local_names=tuple(sorted(raw.local_names.items())), category=raw.category,
        parent=ParentLink(raw.parent.id, raw.parent.relation, tuple(raw.parent.cite)) if raw.parent else None,
        founded=fact(raw.founded), dissolved=fact(raw.dissolved),
        leaders=tuple(Leader(le.name, le.role, le.since, le.until, tuple(le.cite)) for le in raw.leaders),
        dataset_names=tuple(DatasetName(d.dataset, d.name, d.valid_from, d.valid_to, tuple(d.cite), d.note)
                            for d in raw.dataset_names),
        cite=tuple(raw.cite), note=raw.note, theatre=theatre,
    )


class Registry:
    """The actors of one theatre, by id, with their family tree and dataset names."""

    def __init__(self, theatre: str, actors: list[Actor], sources: dict[str, Source]) -> None:
        self.theatre = theatre
        self.sources = sources
        self._actors = {a.id: a for a in actors}
        self._children: dict[str, list[str]] = {}
        for actor in actors:
            if actor.parent_id:
                self._children.setdefault(actor.parent_id, []).append(actor.id)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._actors.values())

    def __len__(self) -> int:
        return len(self._actors)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._actors

    def get(self, actor_id: str) -> Actor:
        """The actor with this id; an unknown id is an error that suggests the closest ids."""
        try:
            return self._actors[actor_id]
        except KeyError:
            import difflib

            close = difflib.get_close_matches(actor_id, list(self._actors), n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise UnknownActorError(
                f"no actor {actor_id!r} in the {self.theatre} registry{hint} "
                "(`ruydad actors list` shows them all)") from None

    def children(self, actor_id: str) -> list[Actor]:
        return [self._actors[c] for c in self._children.get(actor_id, [])]

    def ancestors(self, actor_id: str) -> list[Actor]:
        """Parent, grandparent, ... up to the root (cycles are refused when the registry is read)."""
        chain: list[Actor] = []
        parent = self.get(actor_id).parent_id
        while parent:
            chain.append(self._actors[parent])
            parent = self._actors[parent].parent_id
        return chain

    def root_of(self, actor_id: str) -> Actor:
        chain = self.ancestors(actor_id)
        return chain[-1] if chain else self.get(actor_id)

    def family_of(self, actor_id: str) -> frozenset[str]:
        """Every actor under the same root, the actor included.

        Wings, forces, factions and splinters hang from the organisation they came from, so two
        actors of one family fighting each other is infighting (a movement and its mutineers).
        """
        root = self.root_of(actor_id).id
        family, todo = {root}, [root]
        while todo:
            for child in self._children.get(todo.pop(), []):
                family.add(child)
                todo.append(child)
        return frozenset(family)

    def dataset_names(self, actor_id: str, dataset: str | None = None) -> tuple[DatasetName, ...]:
        """The names ACLED, UCDP... use for the actor (with the period each name applies to)."""
        names = self.get(actor_id).dataset_names
        return tuple(d for d in names if dataset is None or d.dataset == dataset)

    def citations(self, actor_id: str) -> list[Source]:
        """The sources behind every fact of the actor, each once, in the order first cited."""
        actor = self.get(actor_id)
        ids = [*actor.cite]
        for part in (actor.parent, actor.founded, actor.dissolved, *actor.leaders, *actor.dataset_names):
            if part is not None:
                ids += part.cite
        return [self.sources[s] for s in dict.fromkeys(ids)]


# -- loading and checking ------------------------------------------------------------------------

def actors_dir(theatre: TheatreLike = DEFAULT_THEATRE) -> Path:
    """The registry folder of a theatre (found through :mod:`ruydad.theatres`)."""
    folder = theatre_dir(theatre) / "actors"
    if not (folder / "actors.yaml").is_file():
        raise RegistryError(f"theatre {theatre_name(theatre)!r} has no actor registry: "
                            f"expected {folder / 'actors.yaml'}")
    return folder


def _read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml: 8x faster
    except yaml.YAMLError as exc:
        raise RegistryError(f"{path}: not valid YAML ({exc})") from exc


def _validation_message(path: Path, exc: ValidationError, raw: Any) -> str:
    problems = []
    for err in exc.errors()[:10]:
        loc = list(err["loc"])
        where = ".".join(str(p) for p in loc)
        if len(loc) >= 2 and loc[0] == "actors" and isinstance(loc[1], int):
            actor_id = (raw.get("actors") or [{}])[loc[1]].get("id", "?")
            where = f"actor {actor_id!r}: " + ".".join(str(p) for p in loc[2:])
        problems.append(f"{where}: {err['msg']}")
    return f"{path}: " + "; ".join(problems)


def _load_sources(path: Path) -> dict[str, Source]:
    raw = _read_yaml(path) if path.is_file() else {}
    if not isinstance(raw, dict):
        raise RegistryError(f"{path}: expected a mapping of source id -> source")
    sources = {}
    for key, value in raw.items():
        try:
            entry = _SourceFile.model_validate(value)
        except ValidationError as exc:
            raise RegistryError(f"{path}: source {key!r}: {exc.errors()[0]['msg']}") from exc
        sources[str(key)] = Source(str(key), entry.kind, entry.title, entry.outlet, entry.url,
                                   entry.published, entry.note)
    return sources


def _check_references(actors: list[Actor], sources: dict[str, Source]) -> list[str]:
    problems = []
    ids = [a.id for a in actors]
    problems += [f"actor id {i!r} is used twice" for i in sorted({i for i in ids if ids.count(i) > 1})]
    by_id = {a.id: a for a in actors}
    for actor in actors:
        if actor.parent_id and actor.parent_id not in by_id:
            problems.append(f"actor {actor.id!r}: parent {actor.parent_id!r} is not in the registry")
        cited = [*actor.cite]
        for part in (actor.parent, actor.founded, actor.dissolved, *actor.leaders, *actor.dataset_names):
            if part is not None:
                cited += part.cite
        problems += [f"actor {actor.id!r} cites {c!r}, which is not in sources.yaml"
                     for c in dict.fromkeys(cited) if c not in sources]
    for actor in actors:
        seen, parent = {actor.id}, actor.parent_id
        while parent and parent in by_id:
            if parent in seen:
                problems.append(f"actor {actor.id!r}: its parents form a cycle through {parent!r}")
                break
            seen.add(parent)
            parent = by_id[parent].parent_id
    return problems


def _check_names(actors: list[Actor]) -> list[str]:
    """A name or acronym may point at one actor only, or resolution would be a coin toss."""
    problems = []
    owner: dict[str, str] = {}
    acronym_owner: dict[str, str] = {}
    for actor in actors:
        plain_names = [actor.name, *actor.aliases, *(n for _, n in actor.local_names)]
        for key in dict.fromkeys(normalize_name(n) for n in plain_names):
            if not key:
                problems.append(f"actor {actor.id!r}: a name is empty after normalisation")
            elif owner.setdefault(key, actor.id) != actor.id:
                problems.append(f"name {key!r} belongs to both {owner[key]!r} and {actor.id!r}")
        for acronym in actor.acronyms:
            if acronym_owner.setdefault(acronym, actor.id) != actor.id:
                problems.append(f"acronym {acronym!r} belongs to both {acronym_owner[acronym]!r} "
                                f"and {actor.id!r}")
    problems += _check_dataset_names(actors)
    return problems


def _check_dataset_names(actors: list[Actor]) -> list[str]:
    problems = []
    seen: dict[tuple[str, str], list[tuple[str, DatasetName]]] = {}
    for actor in actors:
        for dn in actor.dataset_names:
            key = (dn.dataset, dn.name.casefold())
            for other_id, other in seen.get(key, []):
                if other_id != actor.id and dn.overlaps(other):
                    problems.append(f"{dn.dataset} name {dn.name!r} belongs to both {other_id!r} and "
                                    f"{actor.id!r} for overlapping periods; give each a from/to")
            seen.setdefault(key, []).append((actor.id, dn))
    return problems


def read_registry(folder: Path, theatre: str) -> Registry:
    """Read and check a registry folder; every problem found is reported at once."""
    path = folder / "actors.yaml"
    raw = _read_yaml(path)
    try:
        parsed = _RegistryFile.model_validate(raw)
    except ValidationError as exc:
        raise RegistryError(_validation_message(path, exc, raw if isinstance(raw, dict) else {})) from exc
    sources = _load_sources(folder / "sources.yaml")
    actors = [_to_actor(a, theatre) for a in parsed.actors]
    problems = _check_references(actors, sources) + _check_names(actors)
    if problems:
        raise RegistryError(f"{path}: " + "; ".join(problems))
    return Registry(theatre, actors, sources)


@functools.cache
def _cached_registry(folder: Path, theatre: str) -> Registry:
    """Read once per process, and kept between commands in the user cache (YAML parsing and
    validation take a tenth of a second; loading the checked result, a millisecond)."""
    from ruydad.cache import cached

    inputs = [*sorted(folder.glob("*.yaml")), Path(__file__)]
    return cached(f"registry-{theatre}", inputs, str(folder), lambda: read_registry(folder, theatre))


def load_registry(theatre: TheatreLike = DEFAULT_THEATRE) -> Registry:
    """The registry of a theatre (a :class:`~ruydad.theatres.Theatre` or its name), read once per process."""
    return _cached_registry(actors_dir(theatre), theatre_name(theatre))


def family_of(actor_id: str, theatre: TheatreLike = DEFAULT_THEATRE) -> frozenset[str]:
    """The ids of the actor's family (same root organisation); see :meth:`Registry.family_of`."""
    return load_registry(theatre).family_of(actor_id)


def dataset_names(actor_id: str, theatre: TheatreLike = DEFAULT_THEATRE,
                  dataset: str | None = None) -> tuple[DatasetName, ...]:
    """The names the datasets use for the actor; see :meth:`Registry.dataset_names`."""
    return load_registry(theatre).dataset_names(actor_id, dataset)
