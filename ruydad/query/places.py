"""Place names as users write them, resolved to admin units through the theatre's gazetteer.

A user writes "Panjshir"; UCDP writes "Panjsher"; the enricher has stored the unit's ISO 3166-2 code
(AF-PAN) and P-code (AF08) beside both. A province or district filter is therefore a filter on the
unit's codes, with the gazetteer's spellings as a fallback for rows the enricher could not code; a
grouping by province shows the unit's one canonical name, so spellings never split a row. Without a
gazetteer (a theatre that has none), names match as written.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ruydad.errors import RuydadError


@dataclass(frozen=True)
class PlaceMatch:
    """What a place term of a question stands for: a unit (codes and spellings) or the name as written."""

    term: str
    level: int
    name: str
    pcode: str | None = None
    iso_code: str | None = None
    spellings: tuple[str, ...] = ()

    @property
    def resolved(self) -> bool:
        return self.pcode is not None

    def describe(self) -> str:
        if not self.resolved:
            return f"{self.term} -> not in the gazetteer; matched as written"
        codes = ", ".join(c for c in (self.iso_code, self.pcode) if c)
        return f"{self.term} -> {self.name} ({codes})"


@functools.cache
def _gazetteer(theatre: str) -> object | None:
    try:
        from ruydad.geo import load_gazetteer

        return load_gazetteer(theatre)
    except (ImportError, RuydadError, OSError):
        return None


@functools.cache
def _index(theatre: str) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """(code -> P-code, P-code -> spellings with the unit's own name first)."""
    gaz = _gazetteer(theatre)
    if gaz is None:
        return {}, {}
    units = gaz.units  # type: ignore[attr-defined]
    codes: dict[str, str] = {}
    for pcode, unit in units.items():
        codes[pcode.upper()] = pcode
        if unit.iso_code:
            codes[unit.iso_code.upper()] = pcode
    found: dict[str, set[str]] = {}
    for spelling in gaz.spellings:  # type: ignore[attr-defined]
        pcode = getattr(gaz.targets[spelling.target], "pcode", None)  # type: ignore[attr-defined]
        if isinstance(pcode, str) and pcode in units:
            found.setdefault(pcode, set()).add(spelling.written)
    for pcode, unit in units.items():
        found.setdefault(pcode, set()).update(n for n in (unit.name, unit.pcode, unit.iso_code) if n)
    spellings = {k: (units[k].name, *sorted(v - {units[k].name})) for k, v in found.items()}
    return codes, spellings


@functools.lru_cache(maxsize=4096)
def match_place(term: str, level: int, theatre: str) -> PlaceMatch:
    """The unit a province (level 1) or district (level 2) name or code stands for.

    Remembered per term like the gazetteer it reads (a name that is not a code goes through the
    fuzzy place resolver: about 5% of a province-filtered page's time in the server, one client);
    bounded, as the terms come from users."""
    codes, spellings = _index(theatre)
    key = term.strip()
    pcode = codes.get(key.upper())
    if pcode is None and spellings:
        from ruydad.geo import resolve_place

        candidates = resolve_place(key, theatre=theatre, level=level, limit=1)
        if candidates and candidates[0].score >= 90 and candidates[0].pcode in spellings:
            pcode = candidates[0].pcode
    if pcode is None:
        return PlaceMatch(key, level, key)
    gaz = _gazetteer(theatre)
    unit = gaz.units[pcode]  # type: ignore[attr-defined]
    return PlaceMatch(key, level, unit.name, pcode, unit.iso_code, spellings[pcode])


def canonical_names(theatre: str, level: int) -> dict[str, str]:
    """P-code -> the unit's gazetteer name, for one admin level (empty without a gazetteer)."""
    gaz = _gazetteer(theatre)
    if gaz is None:
        return {}
    return {p: u.name for p, u in gaz.units.items() if u.level == level}  # type: ignore[attr-defined]
