"""The event model: ACLED's export columns plus what Ruydad needs to keep provenance.

One row is one event as one dataset reports it. The key is ``(dataset, dataset_event_id)``:
UCDP and ACLED may describe the same clash, and each description is kept, never merged, so
that every figure can be traced to the dataset that produced it.

The first block of columns is ACLED's export layout (same names, same meaning, so an ACLED
user reads a Ruydad table without a glossary). The second block is Ruydad's own.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """One column of a store table, declared once: the store renders its DDL for each backend
    (:mod:`ruydad.store.schema`)."""

    name: str
    sql_type: str
    """DuckDB's name for the type; :mod:`ruydad.store.schema` maps it for other backends."""
    description: str
    not_null: bool = False
    since: int = 1
    """The schema version that added the column (see ``ruydad.store.schema.VERSIONS``)."""


ACLED_COLUMNS: tuple[Column, ...] = (
    Column("event_id_cnty", "VARCHAR", "ACLED's event id (country prefix + number); 'UCDP-<id>' for UCDP"),
    Column("event_date", "DATE", "Day the event took place (UCDP: first day)"),
    Column("year", "INTEGER", "Year of event_date"),
    Column("time_precision", "TINYINT", "1 exact day, 2 within a week, 3 within a month"),
    Column("disorder_type", "VARCHAR", "Political violence, Demonstrations or Strategic developments"),
    Column("event_type", "VARCHAR", "One of ACLED's six event types"),
    Column("sub_event_type", "VARCHAR", "One of ACLED's 25 sub-event types"),
    Column("actor1", "VARCHAR", "Named actor; for violence against civilians the perpetrator"),
    Column("assoc_actor_1", "VARCHAR", "Actors allied with actor1, ';'-separated"),
    Column("inter1", "VARCHAR", "Actor category of actor1 (State forces, Rebel group, ...)"),
    Column("actor2", "VARCHAR", "Second actor (the target or opponent)"),
    Column("assoc_actor_2", "VARCHAR", "Actors allied with actor2"),
    Column("inter2", "VARCHAR", "Actor category of actor2"),
    Column("interaction", "VARCHAR", "Pair of actor categories, e.g. 'State forces-Rebel group'"),
    Column("civilian_targeting", "VARCHAR", "'Civilian targeting' when civilians were the target"),
    Column("iso", "SMALLINT", "ISO 3166-1 numeric country code"),
    Column("region", "VARCHAR", "ACLED region"),
    Column("country", "VARCHAR", "Country name"),
    Column("admin1", "VARCHAR", "Largest sub-national unit (province) as the dataset names it"),
    Column("admin2", "VARCHAR", "Second-level unit (district)"),
    Column("admin3", "VARCHAR", "Third-level unit"),
    Column("location", "VARCHAR", "Named location of the event"),
    Column("latitude", "DOUBLE", "WGS84 latitude"),
    Column("longitude", "DOUBLE", "WGS84 longitude"),
    Column("geo_precision", "TINYINT", "1 exact place, 2 near or part of a region, 3 province-level"),
    Column("source", "VARCHAR", "Sources of the report"),
    Column("source_scale", "VARCHAR", "Scale of the sources (Local, National, International, ...)"),
    Column("notes", "VARCHAR", "Short description of the event"),
    Column("fatalities", "INTEGER", "Reported fatalities (UCDP: best estimate)"),
    Column("tags", "VARCHAR", "ACLED tags, ';'-separated"),
    Column("timestamp", "BIGINT", "Unix time of the dataset's last change to the event"),
)

RUYDAD_COLUMNS: tuple[Column, ...] = (
    Column("dataset", "VARCHAR", "Dataset of origin: acled, ucdp, article, ..."),
    Column("dataset_event_id", "VARCHAR", "The event's id in its dataset"),
    Column("event_date_end", "DATE", "Last day of the event when the dataset gives a range"),
    Column("country_code", "VARCHAR", "ISO 3166-1 alpha-3 country code"),
    Column("admin1_code", "VARCHAR", "ISO 3166-2 code of admin1 (e.g. AF-PAN)"),
    Column("admin1_pcode", "VARCHAR", "OCHA P-code of admin1 (e.g. AF08)"),
    Column("admin2_pcode", "VARCHAR", "OCHA P-code of admin2 (e.g. AF0801)"),
    Column("fatalities_low", "INTEGER", "Low fatality estimate where the dataset gives one"),
    Column("fatalities_high", "INTEGER", "High fatality estimate where the dataset gives one"),
    Column("batch_id", "BIGINT", "Ingest batch that wrote this revision"),
    Column("revision", "INTEGER", "1 for the first version stored, +1 for each change"),
    Column("content_hash", "VARCHAR", "Hash of the dataset's fields, to tell a change from a re-delivery"),
    Column("ingested_at", "TIMESTAMP", "When this revision was stored"),
    Column("quality_flags", "VARCHAR", "Data-quality notes on the dataset's own values, ';'-separated (e.g. "
           "fatalities_high_below_low): such rows are real events, kept as the dataset gives them", since=16),
)

EVENT_COLUMNS: tuple[Column, ...] = ACLED_COLUMNS + RUYDAD_COLUMNS
EVENT_COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in EVENT_COLUMNS)
ACLED_COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in ACLED_COLUMNS)
BOOKKEEPING_COLUMN_NAMES: tuple[str, ...] = ("batch_id", "revision", "content_hash", "ingested_at")
"""Written by the store at each ingest, not read from the dataset."""
DATA_COLUMN_NAMES: tuple[str, ...] = tuple(n for n in EVENT_COLUMN_NAMES if n not in BOOKKEEPING_COLUMN_NAMES)
"""What an ingest stages from a file: every column but the bookkeeping ones."""
WRITE_COLUMN_NAMES: tuple[str, ...] = (*DATA_COLUMN_NAMES, *BOOKKEEPING_COLUMN_NAMES)
"""The order ingest INSERTs list the columns in: the staged data, then the bookkeeping."""

HASHED_COLUMNS: tuple[str, ...] = (
    *ACLED_COLUMN_NAMES, "event_date_end", "country_code", "fatalities_low", "fatalities_high",
)
"""Columns whose change makes a new revision. Admin codes are derived by Ruydad, not by the
dataset, so a better gazetteer does not create a spurious revision."""
