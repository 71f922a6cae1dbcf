"""Curated claim seeds: claims read by hand from a document, shipped as data with the theatre.

A seed file (``ruydad/theatres/<theatre>/actors/claims_*.yaml``) names one document (a source id of
``sources.yaml`` and the path of its text inside the package), reusable claimants, and the claims,
each with its exact sentence and offsets. Loading checks what a hand-written file gets wrong: the
text's hash (the offsets are only valid for that text), that every offset slices its sentence,
that subjects, objects and claimants are registry ids, and that predicates are in the vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ruydad.actors.claims import Claim, Document, text_sha256, validate_claim
from ruydad.actors.registry import Registry, RegistryError, actors_dir, load_registry
from ruydad.errors import InputError
from ruydad.theatres import DEFAULT_THEATRE, TheatreLike, theatre_name


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _DocumentFile(_Strict):
    id: str
    source: str
    text: str
    sha256: str
    language: str = "en"


class _ClaimantFile(_Strict):
    name: str | None = None
    role: str | None = None
    actor: str | None = None


class _PlaceFile(_Strict):
    code: str | None = None
    pcode: str | None = None
    text: str


class _SeedClaimFile(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    subject: str | None = None
    subject_text: str
    predicate: str
    stance: str = "asserts"
    claimed_by: str
    object: str | None = None
    object_text: str | None = None
    places: list[_PlaceFile] = Field(default_factory=list)
    value: str | None = None
    claimed_on: date | None = None
    sentence: str
    start_char: int
    end_char: int
    note: str | None = None


class _SeedFile(_Strict):
    document: _DocumentFile
    claimants: dict[str, _ClaimantFile]
    claims: list[_SeedClaimFile]


@dataclass(frozen=True)
class Seed:
    """A document, its text, and the claims curated from it."""

    document: Document
    text: str
    claims: tuple[Claim, ...]


def seed_paths(theatre: TheatreLike = DEFAULT_THEATRE) -> list[Path]:
    """Every claim seed file of a theatre, by name."""
    return sorted(actors_dir(theatre).glob("claims_*.yaml"))


def _read(path: Path) -> _SeedFile:
    try:
        raw: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
        return _SeedFile.model_validate(raw)
    except yaml.YAMLError as exc:
        raise RegistryError(f"{path}: not valid YAML ({exc})") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        raise RegistryError(f"{path}: {'.'.join(str(p) for p in first['loc'])}: {first['msg']}") from exc


def _document_text(path: Path, relative: str, expected_sha: str) -> str:
    text = resources.files("ruydad").joinpath(relative).read_text(encoding="utf-8")
    if text_sha256(text) != expected_sha:
        raise RegistryError(f"{path}: the text {relative} has changed since the seed was written "
                            "(sha256 differs), so its offsets cannot be trusted; re-derive them")
    return text


def _expand(entry: _SeedClaimFile, base: dict[str, Any]) -> list[Claim]:
    """One claim per place; the id gets the place's code so that each stays addressable."""
    if not entry.places:
        return [Claim(id=entry.id, **base)]
    claims = []
    for place in entry.places:
        suffix = (place.pcode or place.code or place.text).lower().replace(" ", "-")
        claims.append(Claim(id=f"{entry.id}--{suffix}", object_place_code=place.code,
                            object_place_pcode=place.pcode, object_text=place.text, **base))
    return claims


def _check_ids(path: Path, registry: Registry, entry: _SeedClaimFile, claimant: _ClaimantFile) -> None:
    for role, actor_id in (("subject", entry.subject), ("object", entry.object), ("claimant", claimant.actor)):
        if actor_id is not None and actor_id not in registry:
            raise RegistryError(f"{path}: claim {entry.id}: {role} {actor_id!r} is not in the registry")


def load_seed(path: Path, theatre: str = DEFAULT_THEATRE) -> Seed:
    """Read and check one seed file."""
    parsed = _read(path)
    registry = load_registry(theatre)
    source = registry.sources.get(parsed.document.source)
    if source is None:
        raise RegistryError(f"{path}: document source {parsed.document.source!r} is not in sources.yaml")
    text = _document_text(path, parsed.document.text, parsed.document.sha256)
    document = Document(id=parsed.document.id, title=source.title, url=source.url, outlet=source.outlet,
                        published=source.published, language=parsed.document.language,
                        text_sha256=parsed.document.sha256, text_chars=len(text),
                        path=f"ruydad/{parsed.document.text}", theatre=theatre)
    claims: list[Claim] = []
    for entry in parsed.claims:
        claimant = parsed.claimants.get(entry.claimed_by)
        if claimant is None:
            raise RegistryError(f"{path}: claim {entry.id}: claimant {entry.claimed_by!r} is not in claimants")
        _check_ids(path, registry, entry, claimant)
        base = dict(
            subject_actor_id=entry.subject, subject_text=entry.subject_text, predicate=entry.predicate,
            stance=entry.stance, object_actor_id=entry.object, object_value=entry.value,
            claimed_by_name=claimant.name, claimed_by_role=claimant.role, claimed_by_actor_id=claimant.actor,
            claimed_on=entry.claimed_on or document.published, document_id=document.id,
            sentence=entry.sentence, start_char=entry.start_char, end_char=entry.end_char,
            theatre=theatre, origin="seed", note=entry.note,
        )
        if not entry.places:
            base["object_text"] = entry.object_text
        try:
            claims += [validate_claim(c, text) for c in _expand(entry, base)]
        except InputError as exc:
            raise RegistryError(f"{path}: {exc}") from exc
    ids = [c.id for c in claims]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise RegistryError(f"{path}: claim ids used twice: {', '.join(duplicates)}")
    return Seed(document, text, tuple(claims))


def load_seeds(theatre: TheatreLike = DEFAULT_THEATRE) -> list[Seed]:
    """Every claim seed of a theatre."""
    return [load_seed(path, theatre_name(theatre)) for path in seed_paths(theatre)]
