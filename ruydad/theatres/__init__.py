"""Theatres: one folder of data per country, so that a second country is data, not code.

A theatre is a folder holding ``theatre.yaml`` (name, country, ISO 3166-1 codes, the country's
demonyms) and data packs beside it: ``geo/`` (gazetteer and boundaries, read by :mod:`ruydad.geo`),
``actors/`` (the actor registry), and optional YAML files read through :meth:`Theatre.data`:
``targets.yaml`` (the target groups of :mod:`ruydad.analysis.targets`, and the words a claim names
them with), ``acled.yaml`` (how ACLED writes the country: region, actor names, sources; read by the
ingest benchmark) and ``demo.yaml`` (the sample data ``ruydad demo`` loads). A theatre without one
of these files gets the generic default beside this module (``targets.yaml``), or none.

The code is generic: everything that names a country, its actors or its places lives in these
folders. A :class:`Theatre` object is what the faces hand to every step; the steps accept a
theatre's name too (:func:`as_theatre`), and their default is :data:`DEFAULT_THEATRE`, written here
and nowhere else.

The folders shipped with the package live here; more can be added without touching the package by
listing their parent folders in ``RUYDAD_THEATRES_PATH`` (``os.pathsep``-separated). A folder found
there shadows a shipped theatre of the same name.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ruydad.errors import InputError

DEFAULT_THEATRE = "afghanistan"
THEATRES_PATH_ENV = "RUYDAD_THEATRES_PATH"
_SHIPPED = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Theatre:
    """A theatre: what ``theatre.yaml`` says about it, where its folder is, and its data packs.

    ``str(theatre)`` is its name, so a theatre can stand wherever a name is written (a cache key,
    a column value, a message)."""

    name: str
    country: str
    iso3: str
    iso2: str
    numeric: int
    path: Path
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __str__(self) -> str:
        return self.name

    @property
    def demonyms(self) -> tuple[str, ...]:
        """How the press names the country's people ("<demonym> forces"), from ``theatre.yaml``."""
        return tuple(str(d) for d in self.extra.get("demonyms") or ())

    def unit_word(self, level: int) -> str:
        """What the country calls its admin units of ``level`` ("province", "state", "district"), from
        ``geo.admin_levels`` in ``theatre.yaml``; "province" and "district" when it does not say."""
        levels = (self.extra.get("geo") or {}).get("admin_levels") or {}
        return str(levels.get(level) or ("province" if level == 1 else "district"))

    @property
    def boundaries_source(self) -> str | None:
        """Where the theatre's boundary polygons come from (``geo.boundaries_source``), for attribution."""
        source = (self.extra.get("geo") or {}).get("boundaries_source")
        return str(source) if source else None

    def data(self, filename: str) -> Any:
        """The parsed YAML file ``filename`` of this theatre's folder, or None when it has none."""
        return _read_yaml(self.path / filename)

    def data_or_default(self, filename: str) -> Any:
        """The theatre's own ``filename``, else the generic one shipped beside this module."""
        own = self.data(filename)
        return own if own is not None else generic_data(filename)


TheatreInfo = Theatre
"""The earlier name of :class:`Theatre`."""

TheatreLike = Theatre | str
"""A theatre or its name: what every step accepts."""


def _search_path() -> list[Path]:
    extra = [Path(p).expanduser() for p in os.environ.get(THEATRES_PATH_ENV, "").split(os.pathsep) if p]
    return [*extra, _SHIPPED]


def _theatre_dirs() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for root in _search_path():
        if not root.is_dir():
            continue
        for child in sorted(root.iterdir()):
            if (child / "theatre.yaml").is_file():
                found.setdefault(child.name, child)
    return found


def available_theatres() -> list[str]:
    """Names of every theatre found, sorted."""
    return sorted(_theatre_dirs())


def theatre_dir(name: TheatreLike = DEFAULT_THEATRE) -> Path:
    """The folder of theatre ``name``; an unknown name is an :class:`InputError` naming the known ones."""
    if isinstance(name, Theatre):
        return name.path
    if name and name not in (".", "..") and Path(name).name == name:
        # one stat per search root, in their order (a request names its theatre; listing every
        # pack's folder each time cost a web read several per cent of its CPU)
        for root in _search_path():
            if (root / name / "theatre.yaml").is_file():
                return root / name
    dirs = _theatre_dirs()
    if name not in dirs:
        known = ", ".join(sorted(dirs)) or "none"
        raise InputError(f"unknown theatre {name!r}; known theatres: {known} "
                         f"(add a folder with theatre.yaml, or list its parent in ${THEATRES_PATH_ENV})")
    return dirs[name]


def theatre_info(name: TheatreLike = DEFAULT_THEATRE) -> Theatre:
    """The theatre called ``name`` (an unknown name is an :class:`InputError`)."""
    if isinstance(name, Theatre):
        return name
    return _read_info(theatre_dir(name))


def as_theatre(theatre: TheatreLike | None = None) -> Theatre:
    """The :class:`Theatre` a step was handed: itself, the one of that name, or the default."""
    return theatre_info(DEFAULT_THEATRE if theatre is None else theatre)


def theatre_name(theatre: TheatreLike | None = None) -> str:
    """The name of the theatre a step was handed (the default's when none), without reading its folder."""
    if theatre is None:
        return DEFAULT_THEATRE
    return theatre.name if isinstance(theatre, Theatre) else theatre


def shipped_file(filename: str) -> Path:
    """A data file shipped beside this module (not a theatre's): generic defaults and world tables
    such as ``country_names.csv``, the datasets' own country spellings."""
    path = _SHIPPED / filename
    if not path.is_file():
        raise InputError(f"{path} is missing: reinstall Ruydad (the package's theatre data is incomplete)")
    return path


def generic_data(filename: str) -> Any:
    """The generic ``filename`` shipped beside this module (what a theatre without its own gets)."""
    return _read_yaml(_SHIPPED / filename)


@functools.cache
def _read_yaml(path: Path) -> Any:
    if not path.is_file():
        return None
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: not valid YAML ({exc}); fix the file or remove it") from exc


@functools.cache
def _read_info(path: Path) -> Theatre:
    with (path / "theatre.yaml").open(encoding="utf-8") as handle:
        raw = yaml.safe_load(handle) or {}
    missing = [k for k in ("country", "iso3", "iso2", "numeric") if k not in raw]
    if missing:
        raise InputError(f"{path / 'theatre.yaml'}: missing {', '.join(missing)}")
    known = {"name", "country", "iso3", "iso2", "numeric"}
    return Theatre(
        name=str(raw.get("name", path.name)), country=str(raw["country"]), iso3=str(raw["iso3"]).upper(),
        iso2=str(raw["iso2"]).upper(), numeric=int(raw["numeric"]), path=path,
        extra={k: v for k, v in raw.items() if k not in known},
    )


def theatre_for_country(code_or_name: str) -> str | None:
    """The theatre covering a country given by ISO3, ISO2, numeric code or name; None if none does."""
    wanted = code_or_name.strip().casefold()
    for name in available_theatres():
        info = theatre_info(name)
        if wanted in {info.iso3.casefold(), info.iso2.casefold(), str(info.numeric), info.country.casefold()}:
            return name
    return None


__all__ = [
    "DEFAULT_THEATRE",
    "THEATRES_PATH_ENV",
    "Theatre",
    "TheatreInfo",
    "TheatreLike",
    "as_theatre",
    "available_theatres",
    "generic_data",
    "shipped_file",
    "theatre_dir",
    "theatre_for_country",
    "theatre_info",
    "theatre_name",
]
