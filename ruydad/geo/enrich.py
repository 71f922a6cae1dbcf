"""The ingest enricher that fills ``admin1_code``, ``admin1_pcode`` and ``admin2_pcode``.

Register it once with ``ruydad.ingest.register_enricher(fill_admin_codes)``. It runs inside the
ingest transaction on the staging table and changes only the three derived columns, never what
the dataset said (names, coordinates).

Names first, then coordinates. Datasets repeat a handful of place names over millions of rows,
so the work is done on DISTINCT ``(country_code, admin1, admin2)`` tuples in Python and joined
back in one SQL UPDATE; coordinates are then used, again on DISTINCT points, only for rows the
names left without a province or district. When a district resolves outside the province the
dataset named, the P-code hierarchy wins (ACLED files Gizab under Daykundi; OCHA puts it in
Uruzgan), so that a province filter always finds its districts' events; such a district must
border the named province, else the name is reported as unresolved rather than guessed. Names that resolve to
nothing are reported in the returned warnings, and their rows are kept.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from ruydad.geo.gazetteer import Gazetteer, load_gazetteer
from ruydad.geo.locate import borders, locate_many
from ruydad.geo.resolve import resolve_place
from ruydad.theatres import theatre_for_country

MAX_LISTED = 10
PLACE_AS_DISTRICT_SCORE = 90.0


@dataclass
class _Codes:
    admin1_code: str | None = None
    admin1_pcode: str | None = None
    admin2_pcode: str | None = None


def fill_admin_codes(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    """Fill admin codes of ``table`` in place from admin names, then from coordinates."""
    tuples = con.execute(
        f"SELECT DISTINCT country_code, admin1, admin2 FROM {table} WHERE country_code IS NOT NULL"
    ).fetchall()
    theatres = {code: theatre_for_country(code) for code in {t[0] for t in tuples}}
    rows: list[tuple[str, str | None, str | None, str | None, str | None, str | None]] = []
    unresolved1: dict[tuple[str, str], None] = {}
    unresolved2: dict[tuple[str, str, str], None] = {}
    for country_code, admin1, admin2 in tuples:
        theatre = theatres[country_code]
        if theatre is None:
            continue
        codes = _resolve_names(load_gazetteer(theatre), admin1, admin2)
        if admin1 and codes.admin1_pcode is None:
            unresolved1[(admin1, country_code)] = None
        if admin2 and codes.admin2_pcode is None:
            unresolved2[(admin2, admin1 or "", country_code)] = None
        rows.append((country_code, admin1, admin2, codes.admin1_code, codes.admin1_pcode, codes.admin2_pcode))
    if rows:
        _update_from_names(con, table, rows)
    for theatre in {t for t in theatres.values() if t is not None}:
        codes_of = [c for c, t in theatres.items() if t == theatre]
        _update_from_points(con, table, theatre, codes_of)
    return _warnings(unresolved1, unresolved2)


def _resolve_names(gaz: Gazetteer, admin1: str | None, admin2: str | None) -> _Codes:
    codes = _Codes()
    theatre = gaz.theatre.name
    if admin1:
        found = resolve_place(admin1, theatre=theatre, level=1, limit=1, gazetteer=gaz)
        if found:
            codes.admin1_code, codes.admin1_pcode = found[0].admin1_code, found[0].admin1_pcode
    if admin2:
        found = []
        if codes.admin1_pcode:
            found = resolve_place(admin2, theatre=theatre, level=2, within=codes.admin1_pcode, limit=1,
                                  gazetteer=gaz)
        if not found:  # filed under a neighbouring province (boundary changes: Gizab)
            found = [c for c in resolve_place(admin2, theatre=theatre, level=2, limit=3, gazetteer=gaz)
                     if codes.admin1_pcode is None or borders(theatre, codes.admin1_pcode, c.admin2_pcode)][:1]
        if not found and codes.admin1_pcode:  # a town named as a district (UCDP's 'Dilaram')
            found = [c for c in resolve_place(admin2, theatre=theatre, level=3, within=codes.admin1_pcode,
                                              limit=1, gazetteer=gaz) if c.score >= PLACE_AS_DISTRICT_SCORE]
        if found and found[0].admin2_pcode:
            best = found[0]
            codes.admin2_pcode = best.admin2_pcode
            codes.admin1_code, codes.admin1_pcode = best.admin1_code, best.admin1_pcode
    return codes


def _update_from_names(con: duckdb.DuckDBPyConnection, table: str,
                       rows: list[tuple[str, str | None, str | None, str | None, str | None, str | None]]) -> None:
    frame = pd.DataFrame(rows, columns=["country_code", "admin1", "admin2", "a1_code", "a1_pcode", "a2_pcode"],
                         dtype=object)
    con.register("_geo_name_codes", frame)
    try:
        con.execute(
            f"UPDATE {table} AS t SET admin1_code = c.a1_code, admin1_pcode = c.a1_pcode, "
            "admin2_pcode = c.a2_pcode FROM _geo_name_codes AS c "
            "WHERE t.country_code = c.country_code AND t.admin1 IS NOT DISTINCT FROM c.admin1 "
            "AND t.admin2 IS NOT DISTINCT FROM c.admin2"
        )
    finally:
        con.unregister("_geo_name_codes")


def _update_from_points(con: duckdb.DuckDBPyConnection, table: str, theatre: str, country_codes: list[str]) -> None:
    """Rows with coordinates and a missing code: fill what the point says, where it agrees."""
    points = con.execute(
        f"SELECT DISTINCT latitude, longitude FROM {table} WHERE country_code IN "
        f"({', '.join('?' for _ in country_codes)}) AND latitude IS NOT NULL AND longitude IS NOT NULL "
        "AND (admin1_pcode IS NULL OR admin2_pcode IS NULL)", country_codes,
    ).df()
    if points.empty:
        return
    gaz = load_gazetteer(theatre)
    district = locate_many(points["latitude"].to_numpy(), points["longitude"].to_numpy(), theatre)
    parents = {u.pcode: u.parent_pcode for u in gaz.units.values()}
    iso = {u.pcode: u.iso_code for u in gaz.units.values() if u.level == 1}
    points["a2_pcode"] = district
    points["a1_pcode"] = [parents.get(d) if d else None for d in district]
    points["a1_code"] = [iso.get(p) if p else None for p in points["a1_pcode"]]
    points = points[points["a2_pcode"].notna()]
    con.register("_geo_point_codes", points)
    try:
        con.execute(
            f"UPDATE {table} AS t SET admin1_code = coalesce(t.admin1_code, p.a1_code), "
            "admin1_pcode = coalesce(t.admin1_pcode, p.a1_pcode), admin2_pcode = p.a2_pcode "
            "FROM _geo_point_codes AS p WHERE t.latitude = p.latitude AND t.longitude = p.longitude "
            f"AND t.country_code IN ({', '.join('?' for _ in country_codes)}) AND t.admin2_pcode IS NULL "
            "AND (t.admin1_pcode IS NULL OR t.admin1_pcode = p.a1_pcode)", country_codes,
        )
        # A point in another province than the named one still fills nothing but a missing province.
        con.execute(
            f"UPDATE {table} AS t SET admin1_code = p.a1_code, admin1_pcode = p.a1_pcode "
            "FROM _geo_point_codes AS p WHERE t.latitude = p.latitude AND t.longitude = p.longitude "
            f"AND t.country_code IN ({', '.join('?' for _ in country_codes)}) AND t.admin1_pcode IS NULL",
            country_codes,
        )
    finally:
        con.unregister("_geo_point_codes")


def _warnings(unresolved1: dict[tuple[str, str], None],
              unresolved2: dict[tuple[str, str, str], None]) -> list[str]:
    warnings = []
    if unresolved1:
        listed = ", ".join(f"{name} ({country})" for name, country in list(unresolved1)[:MAX_LISTED])
        more = f" and {len(unresolved1) - MAX_LISTED} more" if len(unresolved1) > MAX_LISTED else ""
        warnings.append(f"{len(unresolved1)} admin1 names not resolved: {listed}{more}")
    if unresolved2:
        listed = ", ".join(f"{name} ({admin1 or country})" for name, admin1, country in
                           list(unresolved2)[:MAX_LISTED])
        more = f" and {len(unresolved2) - MAX_LISTED} more" if len(unresolved2) > MAX_LISTED else ""
        warnings.append(f"{len(unresolved2)} admin2 names not resolved: {listed}{more}")
    return warnings
