"""Actor families: which dataset names belong to one organisation, for infighting and grouping.

The actor registry (:mod:`ruydad.actors`) knows the families of a theatre's actors (it maps a state's
dataset names, such as UCDP's "Government of <country>" and ACLED's "Military Forces of <country>
(<years>)", to whoever held the state in those years). When the theatre has no registry or it does
not know a name, :func:`name_family` falls back
on the name itself: factions written "X - Y faction" or "X: long name" belong to X, qualifiers in
parentheses are dropped unless they are dates (a regime's years separate two different forces),
and a state's military, police and government are one family ("forces of <country> (<years>)").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from ruydad.errors import RuydadError
from ruydad.theatres import DEFAULT_THEATRE, TheatreLike

FamilyOf = Callable[[str], str | None]

_STATE = re.compile(r"^(?:(?:military|police|security|armed) forces|government) of (?:the )?(.+)$", re.I)


def base_name(name: str) -> str:
    """The organisation's name without faction or qualifier: "Taleban - Sarhadi faction" -> "Taleban"."""
    text = re.sub(r"\s*\([^)]*\)", "", name).strip()
    return re.split(r"\s+-\s+|:\s*", text, maxsplit=1)[0].strip()


def name_family(name: str) -> str:
    """The family a dataset actor name belongs to, judged from the name alone."""
    years = " ".join(re.findall(r"\([^)]*\d[^)]*\)", name))
    text = base_name(name)
    if m := _STATE.match(text):
        text = f"forces of {m[1]}"
    return f"{text} {years}".strip().lower()


def _registry(theatre: TheatreLike) -> Any:
    """The theatre's actor registry, or None when the theatre has none or it cannot be read."""
    from ruydad.actors import load_registry

    try:
        return load_registry(theatre)
    except RuydadError:
        return None


@functools.lru_cache(maxsize=16)
def _family_table(registry: Any) -> dict[str, str]:
    """Root organisation by casefolded name, worked out once per registry (the registry is read once
    per process; every analysis, one per web request, asks for this table)."""
    roots: dict[str, set[str]] = {}
    for actor in registry:
        root = registry.root_of(actor.id).id
        for name in actor.names:
            roots.setdefault(name.casefold(), set()).add(root)
    return {name: next(iter(found)) for name, found in roots.items() if len(found) == 1}


def registry_family(theatre: TheatreLike = DEFAULT_THEATRE) -> FamilyOf | None:
    """Family by dataset name from the registry: the id of the name's root organisation.

    A name the registry gives to actors of different families at different dates (UCDP's
    "Government of <country>") is left to :func:`name_family`: a name alone cannot say which.
    """
    registry = _registry(theatre)
    if registry is None:
        return None
    table = _family_table(registry)

    def family(name: str) -> str | None:
        return table.get(name.casefold())

    return family


def default_family_of(theatre: TheatreLike = DEFAULT_THEATRE) -> FamilyOf:
    """The registry's answer when it has one, else the name's."""
    registry = registry_family(theatre)
    if registry is None:
        return name_family

    def family(name: str) -> str | None:
        return registry(name) or registry(base_name(name)) or name_family(name)

    return family
