"""Build the Afghanistan geo pack (this folder) from the source files in ``shared/data``.

Run once, by a maintainer, when a source changes:

    .venv/bin/python ruydad/theatres/afghanistan/geo/build_pack.py ../shared/data

Not part of the installed package (the theatre folder is data); it documents how every file here
was made. What it does:

1. **Units** (``units.csv``): OCHA COD-AB P-codes (34 provinces, 401 districts, 2021-11-17) are
   the backbone. Provinces get their ISO 3166-2 code by matching pycountry's names; Dari and
   Pashto names come from the abubaker47 list, coordinates from GeoNames capitals and district
   centres (else the centroid of the polygon).
2. **Boundaries** (``admin1.geojson.gz``, ``admin2.geojson.gz``): geoBoundaries' simplified
   polygons (AIMS 2014, 398 districts). Each district polygon lies in one province polygon; its
   name is matched within that province against the OCHA and ACLED names to give its P-code.
3. **Names** (``names.csv``): every spelling with its source: OCHA, ISO/pycountry,
   geoBoundaries, abubaker47 (English, Dari, Pashto), GeoNames district centres that sit inside
   the district they are named like (with all their alternate names, Latin and Arabic script),
   ACLED's crosswalk, UCDP's spellings (``ucdp_admin_names_to_pcodes.csv``, checked by hand) and
   common press spellings (``press_spellings.csv``, curated here).
4. **Places** (``places.csv.gz``): villages (abubaker47) and GeoNames towns with coordinates,
   plus curated valleys (``valleys.csv``); each gets its admin codes from the polygons.
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import shapely
from rapidfuzz import fuzz
from shapely.geometry import mapping, shape

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[3]))

from ruydad.geo.names import fold, normalize, strip_parenthetical  # noqa: E402

NEW_DISTRICT_PARENTS = {"AF2116": None, "AF2409": None, "AF2506": None}
"""Districts of OCHA's 2021 list with no polygon in the 2014 set."""


def _read_csv(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def _score(a: str, b: str) -> float:
    """Name similarity on folded keys, also trying the part outside and inside parentheses."""
    best = 0.0
    for x in _variants(a):
        for y in _variants(b):
            best = max(best, fuzz.ratio(fold(normalize(x)), fold(normalize(y))))
    return best


def _variants(name: str) -> list[str]:
    head, inner = strip_parenthetical(name)
    return [v for v in (name, head, inner) if v]


def _greedy(pairs: list[tuple[float, str, str]]) -> dict[str, tuple[str, float]]:
    """One-to-one assignment, best scores first."""
    taken_left: dict[str, tuple[str, float]] = {}
    taken_right: set[str] = set()
    for score, left, right in sorted(pairs, reverse=True):
        if left in taken_left or right in taken_right:
            continue
        taken_left[left] = (right, score)
        taken_right.add(right)
    return taken_left


def build(src: Path) -> None:
    gaz, bnd = src / "gazetteer_afg", src / "boundaries_geoboundaries_afg"
    ocha = _read_csv(gaz / "ocha_cod_ab_pcodes_afg_adm1_adm2.csv")
    acled = _read_csv(gaz / "acled_hdx_admin_names_to_pcodes_afg.csv")
    iso = _read_csv(gaz / "pycountry_iso3166_2_AF.csv")
    geonames = _read_csv(gaz / "geonames_cities500_AF.tsv", delimiter="\t")
    abubaker = json.loads((gaz / "afg_provinces_districts_en_fa_ps.json").read_text(encoding="utf-8"))
    villages = json.loads((gaz / "afg_villages.json").read_text(encoding="utf-8"))
    adm1_fc = json.loads((bnd / "geoBoundaries-AFG-ADM1_simplified.geojson").read_text(encoding="utf-8"))
    adm2_fc = json.loads((bnd / "geoBoundaries-AFG-ADM2_simplified.geojson").read_text(encoding="utf-8"))

    provinces = {r["P-Code"]: r for r in ocha if r["Admin Level"] == "1"}
    districts = {r["P-Code"]: r for r in ocha if r["Admin Level"] == "2"}
    names: list[tuple[str, str, str, str]] = []  # pcode, name, lang, source

    def add(pcode: str, name: str, lang: str, source: str) -> None:
        name = " ".join(name.split())
        if name and normalize(name):
            names.append((pcode, name, lang, source))

    # Province spellings known to belong together, to anchor the fuzzy joins below.
    # Majority P-code per ACLED province name (ACLED puts Gizab, AF2507, under Daykundi).
    votes = Counter((r["Admin1"], r["Admin1 Pcode"]) for r in acled)
    acled_adm1: dict[str, str] = {}
    for (name, pcode), _ in sorted(votes.items(), key=lambda kv: kv[1]):
        acled_adm1[name] = pcode
    for p in provinces.values():
        add(p["P-Code"], p["Name"], "en", "ocha")
    for name, pcode in acled_adm1.items():
        add(pcode, name, "en", "acled")

    def province_of(name: str) -> tuple[str, float]:
        pairs = [(_score(name, n), pc) for pc, n, _, _ in names if pc in provinces]
        best = max(pairs)
        return best[1], best[0]

    # ISO 3166-2 code per province: best one-to-one match of pycountry's names against OCHA's
    # (ACLED's spelling agreeing adds 5). Printed for review: all 34 checked by hand.
    iso_pairs = [(_score(row["name"], p["Name"]) + (5 if _score(row["name"], a) > 90 else 0), row["code"], pc)
                 for row in iso for pc, p in provinces.items() for a, apc in acled_adm1.items() if apc == pc]
    iso_of: dict[str, str] = {}
    for code, (pcode, score) in _greedy(iso_pairs).items():
        iso_of[pcode] = code
        print(f"ISO {code} -> {pcode} {provinces[pcode]['Name']} ({score:.0f})")
    for r in iso:
        pcode = next(pc for pc, c in iso_of.items() if c == r["code"])
        add(pcode, r["name"], "en", "iso3166-2")

    # Province polygons.
    adm1_shapes: dict[str, Any] = {}
    for feat in adm1_fc["features"]:
        pcode, score = province_of(feat["properties"]["shapeName"])
        assert pcode not in adm1_shapes, feat["properties"]
        adm1_shapes[pcode] = shape(feat["geometry"])
        add(pcode, feat["properties"]["shapeName"], "en", "geoboundaries")
        if score < 90:
            print(f"ADM1 {feat['properties']['shapeName']} -> {provinces[pcode]['Name']} ({score:.0f})")
    assert len(adm1_shapes) == 34

    # District polygons -> P-codes, matched within their province.
    adm1_codes = list(adm1_shapes)
    adm1_tree = shapely.STRtree([adm1_shapes[c] for c in adm1_codes])
    district_names: dict[str, list[str]] = defaultdict(list)
    for d in districts.values():
        district_names[d["P-Code"]].append(d["Name"])
    ocha_key = {(d["Parent P-Code"], normalize(d["Name"])): pc for pc, d in districts.items()}
    acled = [r for r in acled if not _conflicts(r, ocha_key)]
    for r in acled:
        district_names[r["Admin2 Pcode"]].append(r["Admin2"])
    pairs: list[tuple[float, str, str]] = []
    adm2_shapes: dict[str, Any] = {}
    for i, feat in enumerate(adm2_fc["features"]):
        geom = shape(feat["geometry"])
        key = f"{i}:{feat['properties']['shapeName'].strip()}"
        adm2_shapes[key] = geom
        point = geom.representative_point()
        hits = adm1_tree.query(point, predicate="within")
        province = adm1_codes[int(hits[0])] if len(hits) else None
        for pc, dnames in district_names.items():
            # The 2007 province polygons disagree with OCHA's hierarchy in places (Gizab, Miyanshin,
            # Panjshir's districts), so the province is a bonus, not a filter.
            bonus = 10 if districts[pc]["Parent P-Code"] == province else 0
            pairs.append((max(_score(key.split(":", 1)[1], n) for n in dnames) + bonus, key, pc))
    polygon_pcode = _greedy(pairs)
    for key in list(polygon_pcode):
        name = key.split(":", 1)[1]
        if name in POLYGON_OVERRIDES:
            polygon_pcode[key] = (POLYGON_OVERRIDES[name], 100.0)
    for key, (pc, score) in sorted(polygon_pcode.items(), key=lambda kv: kv[1][1]):
        if score < 90:
            print(f"ADM2 {key} -> {pc} {district_names[pc]} ({score:.0f})")
    unmatched = set(districts) - {pc for pc, _ in polygon_pcode.values()}
    print("districts without polygon:", sorted(unmatched), [districts[u]["Name"] for u in sorted(unmatched)])
    for key, (pc, _) in polygon_pcode.items():
        add(pc, key.split(":", 1)[1], "en", "geoboundaries")
    for d in districts.values():
        add(d["P-Code"], d["Name"], "en", "ocha")
    for r in acled:
        add(r["Admin2 Pcode"], r["Admin2"], "en", "acled")

    pcode_shape = {pc: adm2_shapes[key] for key, (pc, _) in polygon_pcode.items()}
    # Province polygons for lookup and maps are dissolved from the districts, so that a point's
    # province is always its district's parent in OCHA's hierarchy.
    by_parent: dict[str, list[Any]] = defaultdict(list)
    for pc, geom in pcode_shape.items():
        by_parent[districts[pc]["Parent P-Code"]].append(shapely.set_precision(geom, 1e-5))
    adm1_shapes = {pc: shapely.union_all(geoms) for pc, geoms in by_parent.items()}
    adm1_codes = list(adm1_shapes)
    adm1_tree = shapely.STRtree([adm1_shapes[c] for c in adm1_codes])
    adm2_codes = list(pcode_shape)
    adm2_tree = shapely.STRtree([pcode_shape[c] for c in adm2_codes])

    def locate(lat: float, lon: float) -> tuple[str | None, str | None]:
        pt = shapely.Point(lon, lat)
        hits = adm2_tree.query(pt, predicate="within")
        if len(hits):
            pc = adm2_codes[int(hits[0])]
            return districts[pc]["Parent P-Code"], pc
        hits = adm1_tree.query(pt, predicate="within")
        return (adm1_codes[int(hits[0])] if len(hits) else None), None

    # abubaker47: English/Dari/Pashto names, matched within the province.
    for prov in abubaker:
        if prov["name"] == "N/A":
            continue
        ppc, score = province_of(prov["name"])
        print(f"abubaker province {prov['name']} -> {provinces[ppc]['Name']} ({score:.0f})") if score < 90 else None
        add(ppc, prov["name"], "en", "abubaker47")
        add(ppc, prov["nameFa"], "fa", "abubaker47")
        add(ppc, prov["namePa"], "ps", "abubaker47")
        candidates = [pc for pc, d in districts.items() if d["Parent P-Code"] == ppc]
        for dist in prov["districts"]:
            scored = sorted(((max(_score(dist["name"], n) for n in district_names[pc]), pc)
                             for pc in candidates), reverse=True)
            if not scored or scored[0][0] < 85:
                continue
            pc = scored[0][1]
            add(pc, dist["name"], "en", "abubaker47")
            add(pc, dist["nameFa"], "fa", "abubaker47")
            add(pc, dist["namePa"], "ps", "abubaker47")

    # GeoNames: capitals and district centres named like the district they sit in. An alternate
    # name that is another district's name (Taloqan's 'Khanabad', Kohsan's 'Kohistan') is left out.
    official = {fold(normalize(n)): pc for pc, ns in district_names.items() for n in ns}
    places: list[dict[str, Any]] = []
    centre: dict[str, tuple[float, float]] = {}
    for g in geonames:
        if g.get("feature_code") in (None, "", "feature_code"):
            continue
        lat, lon = float(g["latitude"]), float(g["longitude"])
        a1, a2 = locate(lat, lon)
        alternates = [a for a in g["alternatenames"].split(",") if a]
        spellings = [g["name"], g["asciiname"], *alternates]
        if a2 and g["feature_code"] in ("PPLA2", "PPLA", "PPLC", "PPL"):
            named_like = max(_score(g["asciiname"].replace("Wuleswali", "").replace("Woluswali", ""), n)
                             for n in district_names[a2])
            if named_like >= 85:
                centre.setdefault(a2, (lat, lon))
                for s in spellings:
                    spelling = _strip_prefix(s)
                    owner = official.get(fold(normalize(spelling)), a2)
                    if _is_district_spelling(s) and owner == a2:
                        add(a2, spelling, "ar" if not s.isascii() else "en", "geonames")
        if g["feature_code"] in ("PPLA", "PPLC") and a1:
            centre.setdefault(a1, (lat, lon))
        places.append({"name": g["name"], "kind": "town", "latitude": lat, "longitude": lon,
                       "admin1_pcode": a1, "admin2_pcode": a2, "alt_names": "|".join(dict.fromkeys(
                           s for s in [g["asciiname"], *alternates] if s != g["name"])),
                       "source": f"geonames:{g['geonameid']}"})
    for v in villages:
        lat, lon = float(v["Latitude"]), float(v["Longitude"])
        a1, a2 = locate(lat, lon)
        places.append({"name": v["Village Name"].strip(), "kind": "village", "latitude": lat, "longitude": lon,
                       "admin1_pcode": a1, "admin2_pcode": a2, "alt_names": "",
                       "source": f"abubaker47:{v['No']}"})
    for v in _read_csv(HERE / "valleys.csv"):
        lat, lon = float(v["latitude"]), float(v["longitude"])
        a1, a2 = locate(lat, lon)
        places.append({"name": v["name"], "kind": "valley", "latitude": lat, "longitude": lon,
                       "admin1_pcode": a1, "admin2_pcode": a2, "alt_names": v["alt_names"],
                       "source": "curated"})

    # Curated files kept in this folder.
    for r in _read_csv(HERE / "press_spellings.csv"):
        add(r["pcode"], r["name"], "en", "press")
    for r in _read_csv(HERE / "ucdp_admin_names_to_pcodes.csv"):
        add(r["admin1_pcode"], r["admin1"], "en", "ucdp")
        if r["admin2"]:
            add(r["admin2_pcode"], r["admin2"], "en", "ucdp")

    _write_units(provinces, districts, iso_of, abubaker_names(names), centre, adm1_shapes, pcode_shape)
    _write_names(names)
    _write_places(places)
    _write_boundaries("admin1", adm1_shapes, {pc: p["Name"] for pc, p in provinces.items()})
    _write_boundaries("admin2", pcode_shape, {pc: d["Name"] for pc, d in districts.items()})


POLYGON_OVERRIDES = {"Bahrami Shahid (Jaghatu)": "AF1106", "Jaghatu": "AF0408"}
"""Two polygons both called Jaghatu: Ghazni's carries its official name, Bahrami Shahid (as
Ghazni's Khogyani carries Wali Muhammadi Shahid); the other is Wardak's."""


def _conflicts(row: dict[str, str], ocha_key: dict[tuple[str, str], str]) -> bool:
    """An ACLED spelling that is OCHA's name for another district of the province (ACLED swaps
    Ghazni's Jaghuri and Jaghatu): kept out of the pack, reported by the accuracy script."""
    other = ocha_key.get((row["Admin1 Pcode"], normalize(row["Admin2"])))
    if other is not None and other != row["Admin2 Pcode"]:
        print(f"ACLED conflict dropped: {row['Admin1']} / {row['Admin2']} -> {row['Admin2 Pcode']} "
              f"(OCHA's {row['Admin2']} is {other})")
        return True
    return False


def _is_district_spelling(s: str) -> bool:
    return not any(w in s.lower() for w in ("markaz", "bazar", "bāzār"))


def _strip_prefix(s: str) -> str:
    for prefix in ("Wuleswali ", "Woluswali ", "Woluswālī ", "Wulêswālī ", "Wuluswali ", "Wuluswālī ",
                   "Olusvali ", "Oluswali ", "Oluswālī ", "Olusvālī ", "Woludwali ", "Woludwālī ",
                   "Ulusvali-", "Vulusvali-", "Uluswali ", "ولسوالی "):
        if s.startswith(prefix):
            return s[len(prefix):]
    return s


def abubaker_names(names: list[tuple[str, str, str, str]]) -> dict[str, dict[str, str]]:
    """First Dari and Pashto name of each unit."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for pcode, name, lang, source in names:
        if source == "abubaker47" and lang in ("fa", "ps"):
            out[pcode].setdefault(lang, name)
    return out


def _write_units(provinces: dict[str, dict[str, str]], districts: dict[str, dict[str, str]],
                 iso_of: dict[str, str], local: dict[str, dict[str, str]],
                 centre: dict[str, tuple[float, float]], adm1: dict[str, Any], adm2: dict[str, Any]) -> None:
    with (HERE / "units.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["level", "pcode", "iso_code", "name", "name_fa", "name_ps", "parent_pcode",
                         "latitude", "longitude", "has_boundary", "valid_from"])
        for level, units, shapes in ((1, provinces, adm1), (2, districts, adm2)):
            for pc, u in units.items():
                lat_lon = centre.get(pc)
                if lat_lon is None and pc in shapes:
                    p = shapes[pc].representative_point()
                    lat_lon = (p.y, p.x)
                if lat_lon is None:
                    lat_lon = _new_district_point(pc, districts, adm1)
                writer.writerow([level, pc, iso_of.get(pc, ""), u["Name"], local[pc].get("fa", ""),
                                 local[pc].get("ps", ""), u["Parent P-Code"] if level == 2 else "",
                                 f"{lat_lon[0]:.5f}", f"{lat_lon[1]:.5f}", int(pc in shapes),
                                 u["Valid from date"]])


def _new_district_point(pc: str, districts: dict[str, dict[str, str]], adm1: dict[str, Any]
                        ) -> tuple[float, float]:
    p = adm1[districts[pc]["Parent P-Code"]].representative_point()
    return (p.y, p.x)


def _write_names(names: list[tuple[str, str, str, str]]) -> None:
    seen: set[tuple[str, str, str]] = set()
    with (HERE / "names.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["pcode", "name", "lang", "source"])
        for pcode, name, lang, source in names:
            key = (pcode, name, source)
            if key not in seen:
                seen.add(key)
                writer.writerow([pcode, name, lang, source])


def _write_places(places: list[dict[str, Any]]) -> None:
    with gzip.open(HERE / "places.csv.gz", "wt", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["name", "kind", "latitude", "longitude", "admin1_pcode",
                                                    "admin2_pcode", "alt_names", "source"])
        writer.writeheader()
        for p in places:
            writer.writerow({**p, "latitude": f"{p['latitude']:.5f}", "longitude": f"{p['longitude']:.5f}"})


def _write_boundaries(level: str, shapes: dict[str, Any], unit_names: dict[str, str]) -> None:
    features = []
    for pc in sorted(shapes):
        geom = shapely.set_precision(shapes[pc], 1e-5)
        features.append({"type": "Feature", "properties": {"pcode": pc, "name": unit_names[pc]},
                         "geometry": mapping(geom)})
    text = json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))
    with gzip.open(HERE / f"{level}.geojson.gz", "wt", encoding="utf-8") as handle:
        handle.write(text)


if __name__ == "__main__":
    build(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"))
