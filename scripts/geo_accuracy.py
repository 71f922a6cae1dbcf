"""Admin-name resolution accuracy against two references, with every failure listed.

References:
- the UCDP sample (ruydad/data/sample/ucdp_aec_afghanistan.csv): its distinct
  (province, district) names, scored against the hand-checked crosswalk
  ruydad/theatres/afghanistan/geo/ucdp_admin_names_to_pcodes.csv;
- ACLED's admin names -> P-codes crosswalk (shared/data/gazetteer_afg/
  acled_hdx_admin_names_to_pcodes_afg.csv), 34 provinces and 398 districts.

Each is measured twice: with the full pack, and with that reference's own spellings left out of
the pack (``held out``), which is what a new file with unseen spellings would get. Names are
resolved the way the ingest enricher resolves them (province first, district within it).

    .venv/bin/python scripts/geo_accuracy.py [--shared ../shared/data]
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import Counter
from pathlib import Path

from ruydad.geo.enrich import _resolve_names
from ruydad.geo.gazetteer import Gazetteer, load_gazetteer
from ruydad.geo.resolve import resolve_place
from ruydad.theatres import theatre_dir

ROOT = Path(__file__).resolve().parents[1]
Case = tuple[str, str, str | None, str | None]  # admin1, admin1_pcode, admin2, admin2_pcode


def ucdp_cases() -> list[Case]:
    gold = theatre_dir("afghanistan") / "geo" / "ucdp_admin_names_to_pcodes.csv"
    with gold.open(encoding="utf-8") as handle:
        crosswalk = {(r["admin1"], r["admin2"]): r for r in csv.DictReader(handle)}
    sample = ROOT / "ruydad" / "data" / "sample" / "ucdp_aec_afghanistan.csv"
    cases: dict[Case, None] = {}
    with sample.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            admin1 = _strip(row["location_adm1_name"], "province")
            admin2 = _strip(row["location_adm2_name"], "district")
            if admin1 is None:
                continue
            ref = crosswalk[(admin1, admin2 or "")]
            cases[(admin1, ref["admin1_pcode"], admin2, ref["admin2_pcode"] or None)] = None
    return list(cases)


def _strip(value: str, suffix: str) -> str | None:
    """As the UCDP reader does: drop a trailing ' province' / ' district'."""
    text = re.sub(rf"\s+{suffix}$", "", value.strip(), flags=re.I)
    return text or None


def acled_cases(shared: Path) -> list[Case]:
    path = shared / "gazetteer_afg" / "acled_hdx_admin_names_to_pcodes_afg.csv"
    with path.open(encoding="utf-8") as handle:
        return [(r["Admin1"], r["Admin1 Pcode"], r["Admin2"], r["Admin2 Pcode"]) for r in csv.DictReader(handle)]


def measure(label: str, cases: list[Case], gaz: Gazetteer) -> None:
    admin1_votes = Counter((a1, p1) for a1, p1, _, _ in cases)
    admin1_ref: dict[str, str] = {}
    for (name, pcode), _ in sorted(admin1_votes.items(), key=lambda kv: kv[1]):
        admin1_ref[name] = pcode  # the majority P-code of each province name
    fails1 = []
    for name, pcode in sorted(admin1_ref.items()):
        found = resolve_place(name, level=1, limit=1, gazetteer=gaz, theatre=gaz.theatre.name)
        got1 = found[0].admin1_pcode if found else None
        if got1 != pcode:
            fails1.append(f"{name}: expected {pcode}, got {got1}")
    fails2 = []
    districts = [(a1, a2, p2) for a1, _, a2, p2 in cases if a2]
    for admin1, admin2, pcode2 in districts:
        got = _resolve_names(gaz, admin1, admin2).admin2_pcode
        if got != pcode2:
            expected = gaz.units[pcode2].name if pcode2 and pcode2 in gaz.units else "?"
            actual = gaz.units[got].name if got else "not found"
            fails2.append(f"{admin1} / {admin2}: expected {pcode2} ({expected}), got {got} ({actual})")
    _report(label, len(admin1_ref), fails1, len(districts), fails2)


def _report(label: str, n1: int, fails1: list[str], n2: int, fails2: list[str]) -> None:
    print(f"\n## {label}")
    print(f"admin1: {n1 - len(fails1)}/{n1} = {100 * (n1 - len(fails1)) / max(n1, 1):.1f}%")
    print(f"admin2: {n2 - len(fails2)}/{n2} = {100 * (n2 - len(fails2)) / max(n2, 1):.1f}%")
    for fail in fails1 + fails2:
        print(f"  FAIL {fail}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    full = load_gazetteer("afghanistan")
    measure("UCDP sample, full pack", ucdp_cases(), full)
    measure("UCDP sample, UCDP spellings held out", ucdp_cases(),
            load_gazetteer("afghanistan", frozenset({"ucdp"})))
    measure("ACLED crosswalk, full pack", acled_cases(args.shared), full)
    measure("ACLED crosswalk, ACLED spellings held out", acled_cases(args.shared),
            load_gazetteer("afghanistan", frozenset({"acled"})))


if __name__ == "__main__":
    main()
