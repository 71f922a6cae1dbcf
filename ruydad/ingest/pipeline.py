"""The ingest pipeline shared by every dataset reader.

Steps 1-4 (**staging**) always run in DuckDB, which reads and validates a CSV fast and in
parallel; steps 5-6 (**applying**) run in the store. On the embedded DuckDB store everything runs on
the store's own connection inside one transaction. On a PostgreSQL store the file is staged in a
private in-memory DuckDB and the validated rows and quarantine rows are then copied into
PostgreSQL and applied there, again in one transaction (``ruydad.ingest.postgres``).

1. **read** the CSV as text (``all_varchar``), numbering records; lines DuckDB cannot parse
   (wrong column count, invalid UTF-8) go to DuckDB's rejects table with their line number.
2. **map** raw columns onto the event model with the reader's SQL expressions.
3. **type and validate**: every field is cast with ``TRY_CAST`` and checked against the ACLED
   taxonomy and plausible ranges; each failing record gets a reason naming its field and value.
4. **quarantine** failing records and unparsable lines, with their raw content.
5. **upsert** by ``(dataset, dataset_event_id)``: a record whose content hash is unchanged is a
   no-op, a changed one moves the stored version to ``event_revisions`` and stores the new one
   with ``revision + 1``, a new one is inserted with revision 1.
6. **enrich**: registered enrichers (admin codes from the gazetteer) fill derived columns.

A failure anywhere rolls everything back, so an interrupted or failed ingest leaves the store
as it was; the failed attempt is then recorded in ``ingest_batches`` on its own.

Staging leaves two tables on the DuckDB connection: ``ingest_incoming`` (valid, de-duplicated
records with the event model's columns and ``content_hash``) and ``ingest_quarantine`` (rejected
records and lines, with the quarantine table's columns); :func:`stage_file` is the shared part.
"""

from __future__ import annotations

import csv
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pycountry

from ruydad import taxonomy
from ruydad.errors import InputError, RuydadError, WrongDatasetError
from ruydad.ingest.batches import finish_batch, next_batch_id, record_failed_batch, start_batch
from ruydad.ingest.progress import ReadProgress
from ruydad.ingest.readers import READERS, Reader, identify, readers_for
from ruydad.model import DATA_COLUMN_NAMES, EVENT_COLUMN_NAMES, EVENT_COLUMNS, HASHED_COLUMNS, WRITE_COLUMN_NAMES
from ruydad.store.embedded import LIVE_BATCHES, Store

Progress = Callable[[str, float], None]
"""Called with a stage name and the fraction of the whole ingest done (0..1)."""

Enricher = Callable[[duckdb.DuckDBPyConnection, str], list[str]]
"""Fills derived columns of a staging table in place; returns warnings for the user."""

ENRICHERS: list[Enricher] = []

EARLIEST_EVENT_DATE = date(1946, 1, 1)  # UCDP's coverage starts in 1946, ACLED's in 1997.
SUPPORTED_ENCODINGS = ("utf-8", "utf-16", "latin-1")
INGEST_MEMORY_LIMIT = "750MB"
"""DuckDB's memory cap during an ingest: staging spills to disk beyond it, so a file of any
size ingests within a laptop's memory (the benchmark's budget is 1.5 GB for the process)."""


def register_enricher(enricher: Enricher) -> None:
    if enricher not in ENRICHERS:
        ENRICHERS.append(enricher)


@dataclass
class IngestReport:
    batch_id: int
    dataset: str
    reader: str
    source: str
    rows_read: int = 0
    stored: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    duplicates_in_file: int = 0
    deleted: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
    examples: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


# -- reading the header: the wrong-dataset check happens before DuckDB reads a byte ----------

def read_header(path: Path, encoding: str) -> list[str]:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, give a CSV file")
    if path.stat().st_size == 0:
        raise InputError(f"{path}: the file is empty (0 bytes); expected a CSV export with a header row")
    python_encoding = "utf-8-sig" if encoding == "utf-8" else encoding
    with path.open(encoding=python_encoding, errors="replace", newline="") as handle:
        sample = handle.read(64 * 1024)
    if "\x00" in sample and encoding == "utf-8":
        raise InputError(
            f"{path}: contains NUL bytes; this is not a UTF-8 CSV file (a UTF-16 export? "
            "try --encoding utf-16)"
        )
    first_line = sample.splitlines()[0] if sample.strip() else ""
    if not first_line.strip():
        raise InputError(f"{path}: the first line is blank; expected a header row")
    try:
        dialect = csv.Sniffer().sniff(first_line, delimiters=",;\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    return [h.strip().strip('"').lower() for h in next(csv.reader([first_line], delimiter=delimiter))]


def choose_reader(path: Path, header: list[str], dataset: str) -> Reader:
    columns = frozenset(header)
    candidates = readers_for(dataset)
    if not candidates:
        known = ", ".join(sorted({r.dataset for r in READERS.values()}))
        raise InputError(f"unknown dataset {dataset!r}; known datasets: {known}")
    for reader in candidates:
        if reader.matches(columns):
            missing = sorted(reader.required - columns)
            if missing:
                raise InputError(f"{path}: looks like {reader.description} but lacks column(s) "
                                 f"{', '.join(missing)}")
            return reader
    other = identify(columns)
    if other is not None:
        raise WrongDatasetError(
            f"{path}: this is a {other.description} file, not {dataset}; "
            f"ingest it with `{other.ingest_command} {path}`"
        )
    expected = candidates[0]
    missing = sorted(expected.required - columns)
    raise WrongDatasetError(
        f"{path}: not a {expected.description}: missing column(s) {', '.join(missing)} "
        f"(header has: {', '.join(header[:12])}{'...' if len(header) > 12 else ''})"
    )


# -- SQL building blocks -----------------------------------------------------------------------

def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _category_sql(expr: str) -> str:
    """Canonical ACLED actor category for a text or numeric inter value; '?'-prefixed if unknown."""
    whens = []
    for key, category in sorted(taxonomy.ACTOR_CATEGORY_BY_NAME.items()):
        whens.append(f"WHEN {_quote(key)} THEN {_quote(category.name)}")
    for code, category in taxonomy.ACTOR_CATEGORY_BY_CODE.items():
        whens.append(f"WHEN '{code}' THEN {_quote(category.name)}")
    return (f"CASE WHEN {expr} IS NULL OR {expr} = '0' THEN NULL ELSE "
            f"CASE lower({expr}) {' '.join(whens)} ELSE '?' || {expr} END END")


def _category_code_sql(expr: str) -> str:
    whens = " ".join(f"WHEN {_quote(c.name)} THEN {c.code}" for c in taxonomy.ACTOR_CATEGORIES)
    return f"(CASE {expr} {whens} END)"


def _interaction_sql(raw: str, inter1: str, inter2: str) -> str:
    code_whens = " ".join(
        f"WHEN {_quote(code)} THEN {_quote(label)}" for code, label in taxonomy.INTERACTION_CODES.items()
    )
    c1, c2 = _category_code_sql(inter1), _category_code_sql(inter2)
    derived = (
        f"CASE WHEN {c1} IS NULL THEN NULL WHEN {c2} IS NULL THEN {inter1} || ' only' "
        f"WHEN {c1} <= {c2} THEN {inter1} || '-' || {inter2} ELSE {inter2} || '-' || {inter1} END"
    )
    return (f"CASE WHEN {raw} IS NULL THEN ({derived}) "
            f"WHEN regexp_matches({raw}, '^[0-9]+$') THEN (CASE {raw} {code_whens} ELSE '?' || {raw} END) "
            f"ELSE {raw} END")


def _date_sql(expr: str) -> str:
    return (f"coalesce(TRY_CAST({expr} AS DATE), TRY_CAST(TRY_CAST({expr} AS TIMESTAMP) AS DATE), "
            f"TRY_CAST(TRY_STRPTIME({expr}, '%d %B %Y') AS DATE), "
            f"TRY_CAST(TRY_STRPTIME({expr}, '%d-%B-%Y') AS DATE))")


def _staging_sql(reader: Reader, present: frozenset[str], dataset: str, source: str) -> str:
    """One pass over the CSV: mapped text (m_*), typed values, content hash and validation verdict.

    One statement, so DuckDB reads the file once and in parallel; the staged table keeps file
    order, so its rowid order gives the record number reported for a rejected row.
    """
    mapping = reader.mapping(present)
    mapped = ",\n  ".join(f"{expr} AS m_{name}" for name, expr in mapping.items())
    event_types = ", ".join(_quote(e) for e in taxonomy.EVENT_TYPE_NAMES)
    sub_pairs = " ".join(
        f"WHEN {_quote(s.name)} THEN {_quote(s.event_type)}" for s in taxonomy.SUB_EVENT_TYPES.values()
    )
    today = date.today().isoformat()
    typed = {
        "dataset": _quote(dataset),
        "dataset_event_id": "m_dataset_event_id",
        "event_id_cnty": "m_event_id_cnty",
        "event_date": _date_sql("m_event_date"),
        "event_date_end": _date_sql("m_event_date_end"),
        "year": "coalesce(TRY_CAST(m_year AS INTEGER), year(" + _date_sql("m_event_date") + "))",
        "time_precision": "TRY_CAST(m_time_precision AS TINYINT)",
        "disorder_type": "m_disorder_type",
        "event_type": "m_event_type",
        "sub_event_type": "m_sub_event_type",
        "actor1": "m_actor1",
        "assoc_actor_1": "m_assoc_actor_1",
        "inter1": _category_sql("m_inter1"),
        "actor2": "m_actor2",
        "assoc_actor_2": "m_assoc_actor_2",
        "inter2": _category_sql("m_inter2"),
        "civilian_targeting": "m_civilian_targeting",
        "iso": "TRY_CAST(m_iso AS SMALLINT)",
        "region": "m_region",
        "country": "m_country",
        "admin1": "m_admin1",
        "admin2": "m_admin2",
        "admin3": "m_admin3",
        "location": "m_location",
        "latitude": "TRY_CAST(m_latitude AS DOUBLE)",
        "longitude": "TRY_CAST(m_longitude AS DOUBLE)",
        "geo_precision": "TRY_CAST(m_geo_precision AS TINYINT)",
        "source": "m_source",
        "source_scale": "m_source_scale",
        "notes": "m_notes",
        "fatalities": "TRY_CAST(m_fatalities AS INTEGER)",
        "tags": "m_tags",
        "timestamp": "TRY_CAST(m_timestamp AS BIGINT)",
        "country_code": "m_country_code",
        "admin1_code": "CAST(NULL AS VARCHAR)",
        "admin1_pcode": "CAST(NULL AS VARCHAR)",
        "admin2_pcode": "CAST(NULL AS VARCHAR)",
        "fatalities_low": "TRY_CAST(m_fatalities_low AS INTEGER)",
        "fatalities_high": "TRY_CAST(m_fatalities_high AS INTEGER)",
        # UCDP GED has rows whose high estimate is below the low one: real events, kept with a flag
        "quality_flags": "CASE WHEN TRY_CAST(m_fatalities_high AS INTEGER) < TRY_CAST(m_fatalities_low AS INTEGER) "
                         "THEN 'fatalities_high_below_low' END",
    }
    sql_types = {c.name: c.sql_type for c in EVENT_COLUMNS}
    typed_sql = ",\n  ".join(f"CAST({expr} AS {sql_types[name]}) AS {name}" for name, expr in typed.items())

    def bad(field_name: str, condition: str, message: str) -> tuple[str, str, str]:
        return field_name, condition, message

    checks = [
        bad("dataset_event_id", "m_dataset_event_id IS NULL", "'missing event id'"),
        bad("event_date", "m_event_date IS NULL", "'missing event date'"),
        bad("event_date", "m_event_date IS NOT NULL AND event_date IS NULL",
            "'''' || m_event_date || ''' is not a date (expected YYYY-MM-DD or e.g. 25 August 2022)'"),
        bad("event_date", f"event_date < DATE '{EARLIEST_EVENT_DATE}' OR event_date > DATE '{today}' + 1",
            f"'date ' || event_date || ' is out of range ({EARLIEST_EVENT_DATE} to today)'"),
        bad("event_date_end", "m_event_date_end IS NOT NULL AND (event_date_end IS NULL OR "
            "event_date_end < event_date)",
            "'end date ''' || m_event_date_end || ''' is not a date on or after the event date'"),
        bad("year", "m_year IS NOT NULL AND (TRY_CAST(m_year AS INTEGER) IS NULL OR "
            "TRY_CAST(m_year AS INTEGER) <> year(event_date))",
            "'year ''' || m_year || ''' does not match the event date'"),
        bad("event_type", "m_event_type IS NULL", "'missing event type'"),
        bad("event_type", f"m_event_type IS NOT NULL AND m_event_type NOT IN ({event_types})",
            "'unknown event type ''' || m_event_type || ''' (expected one of ACLED''s six event types)'"),
        bad("sub_event_type", f"m_sub_event_type IS NOT NULL AND (CASE m_sub_event_type {sub_pairs} END) "
            "IS NULL", "'unknown sub-event type ''' || m_sub_event_type || ''''"),
        bad("sub_event_type", f"m_sub_event_type IS NOT NULL AND m_event_type IN ({event_types}) AND "
            f"(CASE m_sub_event_type {sub_pairs} END) <> m_event_type",
            f"'sub-event type ''' || m_sub_event_type || ''' belongs to ' || "
            f"(CASE m_sub_event_type {sub_pairs} END) || ', not ' || m_event_type"),
        bad("actor1", "m_actor1 IS NULL", "'missing actor1'"),
        bad("inter1", "starts_with(inter1, '?')",
            "'unknown actor category ''' || m_inter1 || ''' (expected 1-8 or e.g. State forces)'"),
        bad("inter2", "starts_with(inter2, '?')",
            "'unknown actor category ''' || m_inter2 || ''' (expected 1-8 or e.g. State forces)'"),
        bad("interaction", "starts_with(interaction, '?')",
            "'unknown interaction code ''' || m_interaction || ''''"),
        bad("country", "m_country IS NULL", "'missing country'"),
        bad("latitude", "m_latitude IS NOT NULL AND (latitude IS NULL OR latitude NOT BETWEEN -90 AND 90)",
            "'latitude ''' || m_latitude || ''' is not a number between -90 and 90'"),
        bad("longitude", "m_longitude IS NOT NULL AND (longitude IS NULL OR longitude NOT BETWEEN -180 AND "
            "180)", "'longitude ''' || m_longitude || ''' is not a number between -180 and 180'"),
        bad("fatalities", "m_fatalities IS NOT NULL AND (fatalities IS NULL OR fatalities < 0)",
            "'fatalities ''' || m_fatalities || ''' is not a whole number of zero or more'"),
        bad("fatalities_low", "m_fatalities_low IS NOT NULL AND (fatalities_low IS NULL OR fatalities_low < 0)",
            "'low fatality estimate ''' || m_fatalities_low || ''' is not a whole number of zero or more'"),
        bad("fatalities_high",
            "m_fatalities_high IS NOT NULL AND (fatalities_high IS NULL OR fatalities_high < 0)",
            "'high fatality estimate ''' || m_fatalities_high || ''' is not a whole number of zero or more'"),
        bad("time_precision", "m_time_precision IS NOT NULL AND coalesce(time_precision NOT BETWEEN 1 AND 3, "
            "TRUE)", "'time precision ''' || m_time_precision || ''' is not 1, 2 or 3'"),
        bad("geo_precision", "m_geo_precision IS NOT NULL AND coalesce(geo_precision NOT BETWEEN 1 AND 3, "
            "TRUE)", "'geo precision ''' || m_geo_precision || ''' is not 1, 2 or 3'"),
        bad("iso", "m_iso IS NOT NULL AND TRY_CAST(m_iso AS SMALLINT) IS NULL",
            "'iso ''' || m_iso || ''' is not a numeric ISO 3166-1 code'"),
        bad("timestamp", "m_timestamp IS NOT NULL AND timestamp IS NULL",
            "'timestamp ''' || m_timestamp || ''' is not a Unix time'"),
    ]
    checks = [(_source_field(mapping, name), cond, msg) for name, cond, msg in checks]
    reason = "concat_ws('; ', " + ", ".join(
        f"CASE WHEN coalesce({cond}, FALSE) THEN '{name}: ' || coalesce({msg}, '(invalid)') END"
        for name, cond, msg in checks
    ) + ")"
    first_field = "coalesce(" + ", ".join(
        f"CASE WHEN coalesce({cond}, FALSE) THEN '{name}' END" for name, cond, _ in checks
    ) + ")"
    interaction = _interaction_sql("m_interaction", "inter1", "inter2")
    model_columns = ", ".join(DATA_COLUMN_NAMES)
    return f"""
CREATE OR REPLACE TEMP TABLE ingest_incoming AS
WITH mapped AS (
  SELECT {mapped}, r AS _raw FROM {source} r
), typed_base AS (
  SELECT m.*, {typed_sql} FROM mapped m
), typed AS (
  SELECT *, {interaction} AS interaction FROM typed_base
), checked AS (
  SELECT *, {reason} AS _reason, {first_field} AS _field FROM typed
)
SELECT {model_columns}, {_hash_sql()} AS content_hash, _reason, _field,
  CASE WHEN _reason <> '' THEN to_json(_raw)::VARCHAR END AS _raw_json
FROM checked
"""


def _source_field(mapping: dict[str, str], model_field: str) -> str:
    """The file's own column name for a model field, so errors name what the user sees."""
    referenced = set(re.findall(r'r\."([^"]+)"', mapping.get(model_field, "")))
    return referenced.pop() if len(referenced) == 1 else model_field


def _hash_sql() -> str:
    """A fast 64-bit hash of the dataset's fields: the cheap first test of "unchanged".

    DuckDB's ``hash`` is not promised stable across DuckDB versions, so a differing hash is
    confirmed column by column before a revision is made (see ``_classify_against_store``).
    """
    return f"CAST(hash({', '.join(HASHED_COLUMNS)}) AS VARCHAR)"


def _fill_country_codes(con: duckdb.DuckDBPyConnection) -> None:
    """ISO 3166-1 alpha-3 and numeric codes for datasets that give only a country name (UCDP writes a
    country's name with its former name in brackets; see :mod:`ruydad.geo.countries`). The few distinct names
    are read in Python and joined back on equality, so a million rows cost one hash join."""
    from ruydad.geo.countries import country_code

    names = [r[0] for r in con.execute(
        "SELECT DISTINCT country FROM ingest_incoming WHERE country_code IS NULL AND country IS NOT NULL").fetchall()]
    numeric = {c.alpha_3: int(c.numeric) for c in pycountry.countries}
    rows = [(name, code, numeric.get(code)) for name in names if (code := country_code(name))]
    con.execute("CREATE OR REPLACE TEMP TABLE ruydad_country_names (country VARCHAR, alpha3 VARCHAR, numeric SMALLINT)")
    if rows:
        con.executemany("INSERT INTO ruydad_country_names VALUES (?, ?, ?)", rows)
    con.execute(
        "UPDATE ingest_incoming i SET country_code = c.alpha3, iso = coalesce(i.iso, c.numeric) "
        "FROM ruydad_country_names c WHERE i.country_code IS NULL AND i.country = c.country"
    )


# -- the pipeline ------------------------------------------------------------------------------

def ingest_file(
    store: Store,
    path: str | Path,
    dataset: str,
    *,
    encoding: str = "utf-8",
    source: str | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest one CSV export of ``dataset`` ('acled' or 'ucdp') into the store.

    Raises :class:`InputError` (nothing written) when the file as a whole is unusable: missing,
    empty, of another dataset. Individual bad records are quarantined and reported instead.
    """
    path = Path(path)
    if encoding.lower().replace("_", "-") not in SUPPORTED_ENCODINGS:
        raise InputError(f"unsupported encoding {encoding!r}; use one of {', '.join(SUPPORTED_ENCODINGS)}")
    header = read_header(path, encoding)
    reader = choose_reader(path, header, dataset)
    if store.backend == "postgres":
        from ruydad.ingest.postgres import ingest_file_postgres
        from ruydad.store.postgres import PostgresStore

        assert isinstance(store, PostgresStore)

        return ingest_file_postgres(store, path, reader, frozenset(header), encoding=encoding,
                                    source=source or str(path), progress=progress)
    started = time.monotonic()
    con = store.duck
    batch_id = next_batch_id(con)
    report = IngestReport(batch_id=batch_id, dataset=reader.dataset, reader=reader.name,
                          source=source or str(path))
    memory_limit = con.execute("SELECT current_setting('memory_limit')").fetchone()
    con.execute(f"SET memory_limit = '{INGEST_MEMORY_LIMIT}'")
    # The attempt is recorded (and committed) before any work: a process killed mid-way leaves this
    # 'running' row, which the next start of the store lists as failed (Store.batches, Store.open).
    start_batch(con, batch_id, dataset=reader.dataset, reader=reader.name, source=report.source)
    LIVE_BATCHES.add(batch_id)
    try:
        # Staging and enrichment write only temporary tables; the store changes in one transaction.
        stage_file(con, path, encoding, reader, frozenset(header), report, progress)
        _enrich(con, report, progress)
        with store.transaction():
            if report.rejected:
                con.execute("INSERT INTO quarantine SELECT * FROM ingest_quarantine")
            _upsert(con, report, progress)
            finish_batch(con, report.batch_id, report)
    except BaseException as exc:
        _record_failed_batch(con, report, failure_message(exc))
        raise
    finally:
        LIVE_BATCHES.discard(batch_id)
        _drop_staging(con)
        if memory_limit:
            con.execute(f"SET memory_limit = '{memory_limit[0]}'")
    report.seconds = time.monotonic() - started
    if progress:
        progress("done", 1.0)
    return report


def stage_file(con: duckdb.DuckDBPyConnection, path: Path, encoding: str, reader: Reader,
               present: frozenset[str], report: IngestReport, progress: Progress | None) -> None:
    """Steps 1-4 on a DuckDB connection: read, map, type and validate ``path`` into
    ``ingest_incoming``, move rejected records and lines into ``ingest_quarantine``, drop repeated
    ids, and fill the report's read/rejected counts, reasons and examples. Writes no store table."""
    _stage(con, path, encoding, reader, present, progress)
    _quarantine(con, report)


def _explain_duckdb_error(path: Path, exc: duckdb.Error) -> str:
    """DuckDB's reason in a sentence: its first line and its explanation, never the offending line
    itself (it can be megabytes, and an error must not echo input)."""
    lines = [line.strip() for line in str(exc).strip().splitlines()]
    text = lines[0] if lines and lines[0] else type(exc).__name__
    oversize = re.search(r"Maximum line size of (\d+) bytes exceeded\. Actual Size:\s*(\d+)", str(exc))
    if oversize:
        # (DuckDB's line number is of the chunk it was reading, not of the file: not repeated here)
        return (f"{path}: a line is {int(oversize.group(2)):,} bytes, "
                f"more than the {int(oversize.group(1)):,} one record may hold; ACLED and UCDP records are a few "
                "kilobytes, so a field is damaged (an unclosed quote?) or the file is not an export. Nothing was "
                "stored")
    reason = next((line for line in lines[1:] if line and not line.startswith(
        ("Original Line", "Possible Solution", "file =", "LINE "))), "")
    return f"{path}: cannot be read as a CSV export ({text}{'; ' + reason[:300] if reason else ''})"


MAX_LINE_BYTES = 10_000_000
"""The longest record a CSV line may hold (a larger one is refused as damaged)."""
READ_BUFFER_BYTES = 2 * MAX_LINE_BYTES
"""How much of the file DuckDB reads at a time. Its default is 16 lines of the longest size (160 MB
here), which reads a file of that size whole before anything else happens, so the progress bar
(which follows the bytes read, :mod:`ruydad.ingest.progress`) stood still; 20 MB at a time moves it
through the file at the same speed of reading."""


def _read_csv_sql(path: Path, encoding: str) -> str:
    options = (
        f"header = true, all_varchar = true, encoding = {_quote(encoding)}, "
        "store_rejects = true, rejects_table = 'ingest_rejects', rejects_scan = 'ingest_reject_scans', "
        f"max_line_size = {MAX_LINE_BYTES}, buffer_size = {READ_BUFFER_BYTES}, normalize_names = false"
    )
    return f"read_csv({_quote(str(path))}, {options})"


def _stage(con: duckdb.DuckDBPyConnection, path: Path, encoding: str, reader: Reader,
           present: frozenset[str], progress: Progress | None) -> None:
    con.execute("DROP TABLE IF EXISTS ingest_rejects; DROP TABLE IF EXISTS ingest_reject_scans")
    sql = _staging_sql(reader, present, reader.dataset, _read_csv_sql(path, encoding))
    with ReadProgress(con, path, progress, "reading and validating", 0.0, 0.6):  # moves with the bytes read
        try:
            con.execute(sql)
        except (duckdb.InvalidInputException, duckdb.ConversionException, duckdb.IOException,
                duckdb.BinderException) as exc:  # Binder: a damaged header DuckDB sniffs as data
            raise InputError(_explain_duckdb_error(path, exc)) from exc
    # Country codes for datasets that give only a name (UCDP) or only the numeric code (ACLED).
    _fill_country_codes(con)


QUARANTINE_COLUMNS_SQL = (
    "batch_id BIGINT, dataset VARCHAR, source VARCHAR, row_number BIGINT, line BIGINT, "
    "dataset_event_id VARCHAR, field VARCHAR, reason VARCHAR, raw VARCHAR"
)
"""The quarantine table's columns, in order, for the staged ``ingest_quarantine``."""


def _quarantine(con: duckdb.DuckDBPyConnection, report: IngestReport) -> None:
    """Move failing records and unparsable lines into ``ingest_quarantine``, with their reasons."""
    row = con.execute("SELECT count(*), count(*) FILTER (WHERE _reason <> '') FROM ingest_incoming").fetchone()
    parsed, invalid = (int(row[0]), int(row[1])) if row else (0, 0)
    row = con.execute("SELECT count(DISTINCT line) FROM ingest_rejects").fetchone()
    unparsable = int(row[0]) if row else 0
    report.rows_read = parsed + unparsable
    report.rejected = invalid + unparsable
    params = [report.batch_id, report.dataset, report.source]
    con.execute(f"CREATE OR REPLACE TEMP TABLE ingest_quarantine ({QUARANTINE_COLUMNS_SQL})")
    if invalid:
        con.execute(
            "INSERT INTO ingest_quarantine SELECT ?, ?, ?, rowid - (SELECT min(rowid) FROM ingest_incoming) + 1, "
            "NULL, dataset_event_id, _field, _reason, _raw_json FROM ingest_incoming WHERE _reason <> ''",
            params)
        con.execute("DELETE FROM ingest_incoming WHERE _reason <> ''")
    if unparsable:
        con.execute(
            "INSERT INTO ingest_quarantine SELECT ?, ?, ?, NULL, line, NULL, "
            "string_agg(DISTINCT coalesce(column_name, ''), ', '), "
            "string_agg(DISTINCT error_type || ': ' || error_message, '; '), any_value(csv_line) "
            "FROM ingest_rejects GROUP BY line", params)
    if invalid or unparsable:
        _summarise_rejections(con, report)
    _drop_duplicate_ids(con, report, parsed - invalid)


def _summarise_rejections(con: duckdb.DuckDBPyConnection, report: IngestReport) -> None:
    for field_name, count in con.execute(
        "SELECT coalesce(field, '(line)'), count(*) FROM ingest_quarantine WHERE batch_id = ? "
        "GROUP BY 1 ORDER BY 2 DESC", [report.batch_id]
    ).fetchall():
        report.reasons[str(field_name)] = int(count)
    for row_number, line, reason in con.execute(
        "SELECT row_number, line, reason FROM ingest_quarantine WHERE batch_id = ? "
        "ORDER BY row_number NULLS LAST, line LIMIT 5", [report.batch_id]
    ).fetchall():
        where = f"record {row_number}" if row_number is not None else f"line {line}"
        report.examples.append(f"{report.source}, {where}: {reason}")


def _drop_duplicate_ids(con: duckdb.DuckDBPyConnection, report: IngestReport, valid: int) -> None:
    """An id twice in one file: the later record wins, as in a re-export."""
    row = con.execute("SELECT count(DISTINCT dataset_event_id) FROM ingest_incoming").fetchone()
    distinct = int(row[0]) if row else 0
    report.duplicates_in_file = valid - distinct
    if report.duplicates_in_file:
        con.execute(
            "DELETE FROM ingest_incoming WHERE rowid NOT IN (SELECT max(rowid) FROM ingest_incoming "
            "GROUP BY dataset_event_id)")


def _enrich(con: duckdb.DuckDBPyConnection, report: IngestReport, progress: Progress | None) -> None:
    """Derived columns (admin codes) on the staged rows.

    Runs before the store transaction opens: the staged table is then ordinary temporary data,
    which DuckDB updates in place in a fraction of a second, whereas updating a million rows
    created inside an open transaction costs it tens of seconds.
    """
    if progress:
        progress("enriching", 0.65)
    for enricher in ENRICHERS:
        report.warnings.extend(enricher(con, "ingest_incoming"))


def _upsert(con: duckdb.DuckDBPyConnection, report: IngestReport, progress: Progress | None) -> None:
    """Store new records, revise changed ones, skip identical ones (by content hash).

    Rows are written in date order (file order within a day), so the events of a period lie
    together in the file: DuckDB's zone maps then skip the rest when a page or a period is read.
    """
    if progress:
        progress("storing", 0.75)
    row = con.execute("SELECT count(*) FROM events WHERE dataset = ?", [report.dataset]).fetchone()
    first_load = not (row and row[0])
    cols = ", ".join(WRITE_COLUMN_NAMES)
    data_cols = ", ".join(f"i.{c}" for c in DATA_COLUMN_NAMES)
    if first_load:
        row = con.execute("SELECT count(*) FROM ingest_incoming").fetchone()
        report.stored = int(row[0]) if row else 0
        if report.stored:
            con.execute(f"INSERT INTO events ({cols}) SELECT {data_cols}, ?, 1, i.content_hash, now() "
                        "FROM ingest_incoming i ORDER BY i.event_date, i.rowid", [report.batch_id])
        return
    _classify_against_store(con, report)
    if report.stored or report.updated:
        con.execute(
            f"INSERT INTO events ({cols}) SELECT {data_cols}, ?, s.old_revision + 1, i.content_hash, now() "
            "FROM ingest_incoming i JOIN ingest_status s USING (dataset_event_id) WHERE s.status <> 'same' "
            "ORDER BY i.event_date, i.rowid", [report.batch_id])


def _classify_against_store(con: duckdb.DuckDBPyConnection, report: IngestReport) -> None:
    """new / same / changed for each staged record; changed ones move to the revision history."""
    differs = " OR ".join(f"i.{c} IS DISTINCT FROM e.{c}" for c in HASHED_COLUMNS)
    con.execute(
        "CREATE OR REPLACE TEMP TABLE ingest_status AS "
        "SELECT i.dataset_event_id, "
        "CASE WHEN e.dataset_event_id IS NULL THEN 'new' "
        f"WHEN e.content_hash = i.content_hash OR NOT ({differs}) THEN 'same' ELSE 'changed' END AS status, "
        "coalesce(e.revision, 0) AS old_revision "
        "FROM ingest_incoming i LEFT JOIN (SELECT * FROM events "
        "WHERE dataset = ?) e USING (dataset_event_id)",
        [report.dataset],
    )
    counts = dict(con.execute("SELECT status, count(*) FROM ingest_status GROUP BY 1").fetchall())
    report.stored = int(counts.get("new", 0))
    report.updated = int(counts.get("changed", 0))
    report.unchanged = int(counts.get("same", 0))
    cols = ", ".join(EVENT_COLUMN_NAMES)
    if report.updated:
        con.execute(
            f"INSERT INTO event_revisions ({cols}, superseded_at, superseded_by_batch, change) "
            f"SELECT {cols}, now(), ?, 'updated' FROM events "
            "WHERE dataset = ? AND dataset_event_id IN "
            "(SELECT dataset_event_id FROM ingest_status WHERE status = 'changed')",
            [report.batch_id, report.dataset],
        )
        con.execute(
            "DELETE FROM events WHERE dataset = ? AND dataset_event_id IN "
            "(SELECT dataset_event_id FROM ingest_status WHERE status = 'changed')",
            [report.dataset],
        )


def failure_message(exc: BaseException) -> str:
    """What `ruydad batches` shows for a failed ingest: a user error as it is, anything else with its type."""
    return str(exc) if isinstance(exc, RuydadError) else f"{type(exc).__name__}: {exc}"


def _record_failed_batch(con: Any, report: IngestReport, message: str) -> None:
    record_failed_batch(con, report.batch_id, dataset=report.dataset, reader=report.reader, source=report.source,
                        message=message)


def _drop_staging(con: duckdb.DuckDBPyConnection) -> None:
    for table in ("ingest_status", "ingest_incoming", "ingest_quarantine", "ingest_rejects", "ingest_reject_scans"):
        con.execute(f"DROP TABLE IF EXISTS {table}")


def delete_events(store: Store, dataset: str, event_ids: list[str], *, source: str) -> IngestReport:
    """Remove events a dataset has withdrawn (ACLED publishes deleted ids); keeps them as revisions.

    The SQL is portable, so it runs as it is on the PostgreSQL store's connection adapter; there it
    first takes the dataset's write lock, like an ingest.
    """
    con: Any = store.con
    batch_id = next_batch_id(con)
    report = IngestReport(batch_id=batch_id, dataset=dataset, reader=f"{dataset}-deleted", source=source)
    report.rows_read = len(event_ids)
    cols = ", ".join(EVENT_COLUMN_NAMES)
    with store.transaction():
        start_batch(con, batch_id, dataset=dataset, reader=report.reader, source=source)
        if store.backend == "postgres":
            from ruydad.store.postgres import dataset_lock

            dataset_lock(con, dataset)
        con.execute("DROP TABLE IF EXISTS ingest_deleted")
        con.execute("CREATE TEMP TABLE ingest_deleted (dataset_event_id VARCHAR)")
        con.executemany("INSERT INTO ingest_deleted VALUES (?)", [[i] for i in event_ids])
        con.execute(
            f"INSERT INTO event_revisions ({cols}, superseded_at, superseded_by_batch, change) "
            f"SELECT {cols}, now(), ?, 'deleted' FROM events "
            "WHERE dataset = ? AND dataset_event_id IN (SELECT dataset_event_id FROM ingest_deleted)",
            [batch_id, dataset])
        row = con.execute(
            "SELECT count(*) FROM events WHERE dataset = ? AND dataset_event_id IN "
            "(SELECT dataset_event_id FROM ingest_deleted)", [dataset]).fetchone()
        report.deleted = int(row[0]) if row else 0
        report.unchanged = len(set(event_ids)) - report.deleted
        con.execute(
            "DELETE FROM events WHERE dataset = ? AND dataset_event_id IN "
            "(SELECT dataset_event_id FROM ingest_deleted)", [dataset])
        con.execute("DROP TABLE ingest_deleted")
        finish_batch(con, report.batch_id, report)
    return report
