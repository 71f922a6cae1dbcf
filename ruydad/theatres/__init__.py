"""Theatres: one folder of data per country, so that a second country is data, not code.

A theatre is a folder holding ``theatre.yaml`` (name, country, ISO 3166-1 codes) and data packs
beside it: ``geo/`` (gazetteer and boundaries, read by :mod:`ruydad.geo`) and ``actors/``
(the actor registry). The folders shipped with the package live here; more can be added without
touching the package by listing their parent folders in ``RUYDAD_THEATRES_PATH``
(``os.pathsep``-separated). A folder found there shadows a shipped theatre of the same name.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ruydad.errors import InputError

DEFAULT_THEATRE = "afghanistan"
THEATRES_PATH_ENV = "RUYDAD_THEATRES_PATH"
_SHIPPED = Path(__file__).resolve().parent


@dataclass(frozen=True)
class TheatreInfo:
    """What ``theatre.yaml`` says about a theatre, plus where its folder is."""

    name: str
    country: str
    iso3: str
    iso2: str
    numeric: int
    path: Path
    extra: dict[str, Any]


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


def theatre_dir(name: str = DEFAULT_THEATRE) -> Path:
    """The folder of theatre ``name``; an unknown name is an :class:`InputError` naming the known ones."""
    dirs = _theatre_dirs()
    if name not in dirs:
        known = ", ".join(sorted(dirs)) or "none"
        raise InputError(f"unknown theatre {name!r}; known theatres: {known} "
                         f"(add a folder with theatre.yaml, or list its parent in ${THEATRES_PATH_ENV})")
    return dirs[name]


def theatre_info(name: str = DEFAULT_THEATRE) -> TheatreInfo:
    """The parsed ``theatre.yaml`` of theatre ``name``."""
    return _read_info(theatre_dir(name))


@functools.cache
def _read_info(path: Path) -> TheatreInfo:
    with (path / "theatre.yaml").open(encoding="utf-8") as handle:
        raw = yaml.safe_load(handle) or {}
    missing = [k for k in ("country", "iso3", "iso2", "numeric") if k not in raw]
    if missing:
        raise InputError(f"{path / 'theatre.yaml'}: missing {', '.join(missing)}")
    known = {"name", "country", "iso3", "iso2", "numeric"}
    return TheatreInfo(
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
    "TheatreInfo",
    "available_theatres",
    "theatre_dir",
    "theatre_for_country",
    "theatre_info",
]
