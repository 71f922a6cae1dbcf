"""Place names as users write them, resolved through the theatre's gazetteer.

A user writes "Panjshir"; UCDP writes "Panjsher"; the store may hold the P-code AF08. With the
gazetteer (:mod:`ruydad.geo`) a province or district filter matches every spelling the gazetteer
knows for the unit, and its ISO 3166-2 code and P-code. Without it, names match as written.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from ruydad.errors import RuydadError
from ruydad.theatres import DEFAULT_THEATRE

PlaceResolver = Callable[[str, int], Sequence[str] | None]
"""(name, level) -> every name and code of the unit it resolves to, or None if it does not."""


@functools.cache
def _codes(theatre: str) -> dict[str, str]:
    from ruydad.geo import load_gazetteer

    codes: dict[str, str] = {}
    for pcode, unit in load_gazetteer(theatre).units.items():
        codes[pcode.upper()] = pcode
        if unit.iso_code:
            codes[unit.iso_code.upper()] = pcode
    return codes


@functools.cache
def _spellings(theatre: str) -> dict[str, tuple[str, ...]]:
    from ruydad.geo import load_gazetteer

    gaz = load_gazetteer(theatre)
    found: dict[str, set[str]] = {}
    for spelling in gaz.spellings:
        target = gaz.targets[spelling.target]
        pcode = getattr(target, "pcode", None)
        if pcode in gaz.units:
            found.setdefault(pcode, set()).add(spelling.written)
    for pcode, unit in gaz.units.items():
        found.setdefault(pcode, set()).update(n for n in (unit.name, unit.pcode, unit.iso_code) if n)
    # the unit's own name first, so that callers showing one name show the gazetteer's
    return {k: (gaz.units[k].name, *sorted(v - {gaz.units[k].name})) for k, v in found.items()}


def geo_place_resolver(theatre: str = DEFAULT_THEATRE) -> PlaceResolver | None:
    """A resolver backed by the theatre's gazetteer, or None when there is none."""
    try:
        from ruydad.geo import resolve_place

        spellings = _spellings(theatre)
        codes = _codes(theatre)
    except (ImportError, RuydadError, OSError):
        return None

    def resolve(name: str, level: int) -> Sequence[str] | None:
        if name.strip().upper() in codes:
            return spellings[codes[name.strip().upper()]]
        candidates = resolve_place(name, theatre=theatre, level=level, limit=1)
        if not candidates or candidates[0].score < 90 or candidates[0].pcode is None:
            return None
        return spellings.get(candidates[0].pcode)

    return resolve
