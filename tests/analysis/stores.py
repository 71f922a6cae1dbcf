"""Helpers for the analysis tests: hand-built event rows, loading them, and a SQLite copy of a store."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa

from ruydad.model import EVENT_COLUMNS
from ruydad.store import Store

SAMPLE = Path(__file__).resolve().parents[2] / "ruydad" / "data" / "sample" / "ucdp_aec_afghanistan.csv"
_ids = itertools.count(1)

ARROW_TYPES = {"VARCHAR": pa.string(), "DATE": pa.date32(), "INTEGER": pa.int32(), "TINYINT": pa.int8(),
               "SMALLINT": pa.int16(), "DOUBLE": pa.float64(), "BIGINT": pa.int64(), "TIMESTAMP": pa.timestamp("us")}


def event(day: str | date, actor1: str | None = "Taliban", actor2: str | None = None, *,
          event_type: str = "Battles", sub_event_type: str | None = None, admin1: str | None = "Kabul",
          inter1: str | None = None, inter2: str | None = None, fatalities: int = 0, **extra: Any) -> dict[str, Any]:
    """One event row with sensible defaults; every other column is NULL unless given."""
    n = next(_ids)
    d = date.fromisoformat(day) if isinstance(day, str) else day
    sub = sub_event_type or {"Battles": "Armed clash", "Violence against civilians": "Attack",
                             "Explosions/Remote violence": "Remote explosive/landmine/IED"}.get(event_type, "Other")
    row = {"event_id_cnty": f"AFG{n}", "dataset": "acled", "dataset_event_id": f"AFG{n}", "event_date": d,
           "year": d.year, "event_type": event_type, "sub_event_type": sub, "actor1": actor1, "actor2": actor2,
           "inter1": inter1, "inter2": inter2, "admin1": admin1, "country": "Afghanistan", "fatalities": fatalities,
           "revision": 1}
    row.update(extra)
    return row


def load(store: Store, rows: list[dict[str, Any]]) -> None:
    schema = pa.schema([(c.name, ARROW_TYPES[c.sql_type]) for c in EVENT_COLUMNS])
    table = pa.Table.from_pylist([{c.name: r.get(c.name) for c in EVENT_COLUMNS} for r in rows], schema=schema)
    store.con.register("incoming", table)
    store.con.execute("INSERT INTO events BY NAME SELECT * FROM incoming")
    store.con.unregister("incoming")


def copy_to_sqlite(store: Store) -> Any:
    """The store's events in an in-memory SQLite database, through Ibis: a second engine on which the
    same analysis code must give the same answers (the style guide's "works on every backend")."""
    import ibis

    events = store.con.execute("SELECT * EXCLUDE (ingested_at) FROM events").arrow().read_all()
    dates = {"event_date", "event_date_end"}

    def kind(name: str, arrow_type: pa.DataType) -> str:
        if name in dates:
            return "date"
        if pa.types.is_integer(arrow_type):
            return "int64"
        return "float64" if pa.types.is_floating(arrow_type) else "string"

    schema = ibis.schema({n: kind(n, t) for n, t in zip(events.column_names, events.schema.types, strict=True)})
    backend = ibis.sqlite.connect()
    backend.create_table("events", schema=schema)
    frame = events.to_pandas()
    for name in frame.columns:
        if name not in dates and schema[name].is_string():
            frame[name] = [None if v is None or v != v else str(v) for v in frame[name]]
    backend.insert("events", frame)
    return backend
