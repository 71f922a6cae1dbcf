"""Country names as each dataset writes them -> ISO 3166-1 alpha-3 codes.

ACLED and UCDP name countries differently ("Myanmar" / "Myanmar (Burma)", "Democratic Republic of
Congo" / "DR Congo (Zaire)", "Serbia" / "Serbia (Yugoslavia)"), so events are stored with the ISO
code and filtered by it. pycountry knows the ISO names; :data:`DATASET_NAMES` adds the datasets' own
spellings that ISO does not use. A parenthesised former name is tried without the parentheses too.
"""

from __future__ import annotations

import functools
import re

DATASET_NAMES: dict[str, str] = {
    "dr congo": "COD", "democratic republic of congo": "COD", "democratic republic of the congo": "COD",
    "republic of congo": "COG", "congo": "COG", "ivory coast": "CIV", "cote d'ivoire": "CIV",
    "russia": "RUS", "iran": "IRN", "syria": "SYR", "turkey": "TUR", "laos": "LAO", "bolivia": "BOL",
    "venezuela": "VEN", "tanzania": "TZA", "vietnam": "VNM", "moldova": "MDA", "south korea": "KOR",
    "north korea": "PRK", "palestine": "PSE", "bosnia-herzegovina": "BIH", "bosnia and herzegovina": "BIH",
    "macedonia, fyr": "MKD", "macedonia": "MKD", "north macedonia": "MKD", "kingdom of eswatini": "SWZ",
    "eswatini": "SWZ", "swaziland": "SWZ", "east timor": "TLS", "cape verde": "CPV", "czech republic": "CZE",
    "micronesia": "FSM", "brunei": "BRN", "kosovo": "XKX", "taiwan": "TWN", "gambia": "GMB",
    "yemen (north yemen)": "YEM", "cambodia (kampuchea)": "KHM", "zimbabwe (rhodesia)": "ZWE",
    "madagascar (malagasy)": "MDG", "russia (soviet union)": "RUS", "serbia (yugoslavia)": "SRB",
    "vietnam (north vietnam)": "VNM", "burkina faso (upper volta)": "BFA", "sri lanka (ceylon)": "LKA",
    "iran (persia)": "IRN", "benin (dahomey)": "BEN", "suriname (surinam)": "SUR",
}


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
    names.update(DATASET_NAMES)
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
