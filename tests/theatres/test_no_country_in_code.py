"""Nothing outside ``ruydad/theatres/`` names a country: a theatre is data, the code is generic.

Why: a country written in the code (a default argument, a list of its groups, an example in a
docstring that a reader copies) is a country the code silently assumes, and a second theatre then
half works. The rule covers the whole package, comments and docstrings included, because a comment
naming a country is usually the sign of a rule written for that country.

The names looked for: every ISO 3166-1 country name and common name (pycountry), the datasets' own
spellings (``ruydad/theatres/country_names.csv``), and every theatre's country and demonyms
(``theatre.yaml``). Files read: the package's code and markup (``.py``, ``.html``, ``.js``, ``.css``,
``.sql``). Left out: ``ruydad/theatres/`` itself and the folders of shipped data files
(:data:`DATA_FOLDERS`), which are data by definition (sample events, a training corpus).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pycountry

from ruydad.geo.countries import dataset_names
from ruydad.theatres import available_theatres, theatre_info

PACKAGE = Path(__file__).resolve().parents[2] / "ruydad"
CODE_SUFFIXES = {".py", ".html", ".js", ".css", ".sql"}
DATA_FOLDERS = (PACKAGE / "theatres", PACKAGE / "data", PACKAGE / "extract" / "data")


@cache
def country_words() -> re.Pattern[str]:
    """One case-insensitive pattern of whole words: every country name and every theatre's demonyms."""
    names: set[str] = set()
    for country in pycountry.countries:
        names.update(n for n in (country.name, getattr(country, "common_name", None)) if n)
    names.update(dataset_names())
    for theatre in available_theatres():
        info = theatre_info(theatre)
        names.add(info.country)
        names.update(info.demonyms)
    words = sorted({n.casefold() for n in names}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w])", re.IGNORECASE)


def code_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*") if p.is_file() and p.suffix in CODE_SUFFIXES
                  and not any(p.is_relative_to(folder) for folder in DATA_FOLDERS))


def country_mentions(paths: list[Path]) -> list[str]:
    """``path:line: name`` for each country name in the files."""
    pattern = country_words()
    found = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            found += [f"{path.relative_to(PACKAGE.parent)}:{number}: {m.group(0)}" for m in pattern.finditer(line)]
    return found


def test_the_names_looked_for_include_every_theatre_and_the_world() -> None:
    pattern = country_words()
    for theatre in available_theatres():
        info = theatre_info(theatre)
        assert pattern.search(f"forces of {info.country}"), info.country
        for demonym in info.demonyms:
            assert pattern.search(f"{demonym} forces"), demonym
    assert pattern.search("DR Congo (Zaire)") and pattern.search("a town in Chad")
    assert not pattern.search("the national resistance front holds no ground")


def test_no_country_is_named_outside_the_theatres() -> None:
    """Covers the whole package (CLI, web and extraction included)."""
    mentions = country_mentions(code_files())
    assert not mentions, (f"{len(mentions)} country name(s) outside ruydad/theatres/; move the list or default "
                          "into the theatre pack (ruydad/theatres/<name>/*.yaml) and write examples without a "
                          "country:\n" + "\n".join(mentions))
