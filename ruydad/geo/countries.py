"""Country names as each dataset writes them -> ISO 3166-1 alpha-3 codes.

ACLED and UCDP name some countries differently from ISO and from each other (a short name, a former
name in parentheses), so events are stored with the ISO code and filtered by it. pycountry knows
the ISO names; the datasets' own spellings that ISO does not use are data, in
``ruydad/theatres/country_names.csv`` (``name,iso3``, lower case), like everything else that names a
country. A parenthesised former name is tried without the parentheses too.
"""

from __future__ import annotations

import csv
import functools
import io
import re

from ruydad.theatres import shipped_file


@functools.cache
def dataset_names() -> dict[str, str]:
    """The datasets' own country spellings (casefolded) -> alpha-3, from ``country_names.csv``."""
    text = shipped_file("country_names.csv").read_text(encoding="utf-8")
    return {row["name"].casefold(): row["iso3"].upper() for row in csv.DictReader(io.StringIO(text))}


@functools.cache
def _iso_names() -> dict[str, str]:
    import pycountry

    names: dict[str, str] = {}
    for country in pycountry.countries:
        for name in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)):
            if name:
                names[name.casefold()] = country.alpha_3
        names[country.alpha_3.casefold()] = country.alpha_3
        names[country.alpha_2.casefold()] = country.alpha_3
    names.update(dataset_names())
    return names


def country_names() -> dict[str, str]:
    """Every known spelling (casefolded) -> alpha-3, for joining in SQL."""
    return dict(_iso_names())


def country_code(name: str | None) -> str | None:
    """The ISO 3166-1 alpha-3 code of a country name or code as any dataset writes it, or None."""
    if not name or not name.strip():
        return None
    key = name.strip().casefold()
    names = _iso_names()
    if key in names:
        return names[key]
    bare = re.sub(r"\s*\([^)]*\)\s*", " ", key).strip()
    return names.get(bare)
