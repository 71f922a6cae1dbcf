"""Run the claims phrasebook: each sentence read and checked against the fixture store.

Shared by the parametrised test (``tests/analysis/test_check_phrasebook.py``) and the evaluation script
(``scripts/phrasebook_eval.py``). The fixture store holds the ACLED-format export of
``acled_afghanistan_fixture.csv`` (see ``make_acled_fixture.py`` for what it holds) and the real UCDP
sample shipped with the package.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
PHRASEBOOK = HERE / "phrasebook.yaml"
ACLED_FIXTURE = HERE / "acled_afghanistan_fixture.csv"
UCDP_SAMPLE = HERE.parents[2] / "ruydad" / "data" / "sample" / "ucdp_aec_afghanistan.csv"

COMPARED = ("form", "figure", "figure_high", "qualifier", "measure", "kind", "actor", "opponent", "perpetrator",
            "target", "share_of", "event_type", "admin1", "period", "baseline", "dataset")
"""The parts of a reading each phrasebook entry states."""
OPTIONS = ("dataset", "event_type", "actor", "date_from", "date_to", "civilian_targeting")


def load_phrasebook(path: Path = PHRASEBOOK) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        return dict(yaml.safe_load(handle))


def build_store(path: Path | str) -> Any:
    """The fixture store: the ACLED-format fixture and the UCDP sample, ingested as a user would."""
    from ruydad.ingest import ingest_file
    from ruydad.store import Store

    store = Store.open(path)
    ingest_file(store, ACLED_FIXTURE, "acled")
    ingest_file(store, UCDP_SAMPLE, "ucdp")
    return store


def base_filters(options: dict[str, Any] | None) -> Any:
    from ruydad.query import Filters

    opts = dict(options or {})
    unknown = set(opts) - set(OPTIONS)
    if unknown:
        raise ValueError(f"unknown phrasebook options {sorted(unknown)}; known: {OPTIONS}")
    for key in ("date_from", "date_to"):
        if isinstance(opts.get(key), str):
            opts[key] = date.fromisoformat(opts[key])
    return Filters(**opts)


def view(reading: dict[str, Any]) -> dict[str, Any]:
    """A reading as the phrasebook states it: registry ids for actors, shares rounded."""
    out: dict[str, Any] = {}
    for key in COMPARED:
        value = reading.get(key)
        if key in ("actor", "opponent", "perpetrator"):
            value = value["registry_id"] if value else None
        elif key == "figure" and isinstance(value, float):
            value = round(value, 4)
            value = int(value) if value.is_integer() else value
        elif key == "figure_high" and isinstance(value, float) and value.is_integer():
            value = int(value)
        elif key == "admin1":
            value = list(value or [])
        out[key] = value
    return out


def run(analysis: Any, entry: dict[str, Any]) -> tuple[list[dict[str, Any]], Any]:
    """(the readings as the phrasebook states them, the verdict) for one entry."""
    from ruydad.analysis.claims import check_text

    published = entry.get("published")
    verdict = check_text(analysis, entry["text"], base=base_filters(entry.get("options")),
                         published=str(published) if published else None)
    reading = verdict.reading
    readings = reading if isinstance(reading, list) else [reading] if reading else []
    return [view(r) for r in readings], verdict
