"""Ingest entry points for files other than plain CSV exports."""

from __future__ import annotations

import csv
from pathlib import Path

from ruydad.errors import InputError
from ruydad.ingest.pipeline import IngestReport, Progress, ingest_file
from ruydad.ingest.staging import load_json, records_to_csv
from ruydad.store.embedded import Store


def ucdp_records_from_json(payload: object, source: str) -> list[dict[str, object]]:
    """The event records of a UCDP API response (``{"Result": [...]}``) or a bare list of them."""
    if isinstance(payload, dict):
        if "Result" not in payload:
            raise InputError(f"{source}: not a UCDP API response (no 'Result' key; keys: "
                             f"{', '.join(list(payload)[:8])})")
        payload = payload["Result"]
    if not isinstance(payload, list) or not all(isinstance(r, dict) for r in payload):
        raise InputError(f"{source}: expected a list of UCDP event objects")
    return payload


def ingest_ucdp_json(store: Store, path: str | Path, *, progress: Progress | None = None) -> IngestReport:
    """Ingest a saved UCDP API page (GED event objects) through the shared pipeline."""
    path = Path(path)
    records = ucdp_records_from_json(load_json(path), str(path))
    if not records:
        raise InputError(f"{path}: the UCDP response holds no events")
    csv_path, _ = records_to_csv(records)
    try:
        return ingest_file(store, csv_path, "ucdp", source=str(path), progress=progress)
    finally:
        csv_path.unlink(missing_ok=True)


def read_deleted_ids(path: str | Path) -> list[str]:
    """Event ids from ACLED's deleted-events list, as CSV (event_id_cnty column) or API JSON."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        payload = load_json(path)
        data = payload.get("data", payload) if isinstance(payload, dict) else payload
        if not isinstance(data, list):
            raise InputError(f"{path}: expected a list of deleted events or {{'data': [...]}}")
        ids = [str(r.get("event_id_cnty", "")).strip() for r in data if isinstance(r, dict)]
    else:
        if not path.exists():
            raise InputError(f"{path}: no such file")
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            fields = [f.strip().lower() for f in (reader.fieldnames or [])]
            if "event_id_cnty" not in fields:
                raise InputError(f"{path}: no event_id_cnty column (header: {', '.join(fields) or 'none'})")
            key = (reader.fieldnames or [])[fields.index("event_id_cnty")]
            ids = [str(row.get(key) or "").strip() for row in reader]
    ids = [i for i in ids if i]
    if not ids:
        raise InputError(f"{path}: no deleted event ids found")
    return ids
