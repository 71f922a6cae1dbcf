"""Every store table, declared once; the DDL of each backend and each schema version is rendered from it.

Why: the tables used to be written as SQL twice (DuckDB and PostgreSQL migrations) and the event
columns three times more (``events``, ``event_revisions``, the model). Now the event columns come from
:mod:`ruydad.model` alone, ``event_revisions`` is those columns plus :data:`SUPERSESSION_COLUMNS`, and
the other tables are declared here. :func:`version_ddl` renders what one schema version adds, in the
dialect of a backend (:data:`TYPES` maps the few type names that differ).

How the schema changes (see also ``migrations/README.md``):

1. Declare the change here (a new :class:`Table`, or a ``Column(..., since=N)`` on an existing one)
   with a new version number ``N``, the next free one after :data:`VERSIONS`' last.
2. Add ``Version(N, "name", "why")`` to :data:`VERSIONS`. Its DDL (new tables, added columns,
   indexes) is rendered from the declaration for both backends; existing stores get it on their next
   open, new stores replay every version in order, so both end with the same columns in the same order.
3. Only what cannot be declared (moving data, a backfill) goes into ``migrations/NNNN_name.sql``: plain
   SQL that both DuckDB and PostgreSQL read, run after the rendered DDL in the same transaction. A
   file whose number has no :data:`VERSIONS` entry is a version of its own (its name from the file).

Versions already released are never renumbered or edited: stores record the numbers they have.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from ruydad.model import EVENT_COLUMNS, Column

Dialect = Literal["duckdb", "postgres"]
DIALECTS: tuple[Dialect, ...] = ("duckdb", "postgres")

TYPES: dict[Dialect, dict[str, str]] = {
    "duckdb": {},
    "postgres": {"TINYINT": "SMALLINT", "DOUBLE": "DOUBLE PRECISION"},
}
"""Declared (DuckDB) type names that another backend spells differently; the rest are standard SQL."""


@dataclass(frozen=True)
class Version:
    number: int
    name: str
    why: str


VERSIONS: tuple[Version, ...] = (
    Version(1, "events", "events, their revisions, ingest batches and the quarantine"),
    Version(2, "actors_claims", "documents, the claims made in them (who said what about whom, where), "
            "candidate new actors"),
    Version(10, "api_tokens", "API tokens for writes over HTTP"),
    Version(15, "watch_incidents", "news sources watched, the items seen in them and a log of their failures; "
            "incidents merged from article reports, and the analyst's split/merge decisions"),
    Version(16, "quality_flags", "data-quality notes on a dataset's own values (UCDP GED events whose high "
            "fatality estimate is below the low one are stored as given and flagged, not quarantined)"),
    Version(17, "event_summary", "summary tables of event counts kept current at every batch, so grouped "
            "figures, totals and deep pages read counts instead of every event (ruydad.store.summary)"),
    Version(18, "summary_rollups", "smaller summary tables summed from the day and month tables: totals per "
            "dataset, month and country, and the same with the province, with the types and with the actor "
            "columns, and totals per day (ruydad.store.summary.ROLLUPS)"),
)
"""Every schema version, in order. Numbers are sparse: those between were never released."""


@dataclass(frozen=True)
class Index:
    name: str
    columns: tuple[str, ...]
    unique: bool = False
    dialects: tuple[Dialect, ...] = DIALECTS
    why: str = ""
    since: int | None = None
    """The version that adds it; None: its table's."""


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    since: int = 1
    primary_key: tuple[str, ...] = ()
    unique: tuple[str, ...] = ()
    """Columns each unique on its own."""
    checks: Mapping[str, str] = field(default_factory=dict)
    """Column -> the condition its values must meet (SQL both backends read)."""
    indexes: tuple[Index, ...] = ()

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(f"{self.name} has no column {name!r}")


def _c(name: str, sql_type: str, description: str = "", *, not_null: bool = False, since: int = 1) -> Column:
    return Column(name, sql_type, description, not_null=not_null, since=since)


SUPERSESSION_COLUMNS: tuple[Column, ...] = (
    _c("superseded_at", "TIMESTAMP", "When this version stopped being the current one", not_null=True),
    _c("superseded_by_batch", "BIGINT", "The ingest batch that replaced or deleted it"),
    _c("change", "VARCHAR", "What happened to it: updated, deleted, replaced", not_null=True),
)
"""What ``event_revisions`` adds to the event columns."""

_BATCH_COUNTS = tuple(_c(f"rows_{what}", "BIGINT") for what in
                      ("read", "stored", "updated", "unchanged", "rejected", "deleted"))


def _summary_columns(keys: tuple[str, ...], extra: tuple[Column, ...] = (), since: int = 17) -> tuple[Column, ...]:
    """Summary table columns (ruydad.store.summary): its keys, typed as the event columns of the same
    name, then the counts."""
    types = {c.name: c.sql_type for c in EVENT_COLUMNS} | {"month": "DATE"}
    return (*(_c(k, types[k], since=since) for k in keys), *extra,
            _c("events", "BIGINT", "Events in the group", not_null=True, since=since),
            *(_c(m, "BIGINT", f"Sum of {m} (NULL when none is known)", since=since)
              for m in ("fatalities", "fatalities_low", "fatalities_high")))


def _group_span(since: int) -> tuple[Column, ...]:
    return (_c("first_day", "DATE", "The group's first event", since=since),
            _c("last_day", "DATE", "The group's last event", since=since))


_SUMMARY_TABLES: tuple[Table, ...] = (
    Table("summary_days", "Events per dataset, day, place, type and actor names as stored, kept current at "
          "every batch (ruydad.store.summary)", _summary_columns(
              ("dataset", "event_date", "country", "country_code", "admin1", "admin1_code", "admin1_pcode",
               "event_type", "sub_event_type", "disorder_type", "civilian_targeting", "inter1", "inter2", "actor1",
               "actor2", "assoc_actor_1", "assoc_actor_2")), since=17),
    Table("summary_months", "The same per month (its first day), without the actors", _summary_columns(
        ("dataset", "month", "country", "country_code", "admin1", "admin1_code", "admin1_pcode", "event_type",
         "sub_event_type", "disorder_type", "civilian_targeting"),
        _group_span(17)), since=17),
    Table("summary_totals", "Events per dataset, month and country: the store's totals and time line "
          "in a few rows per month", _summary_columns(
              ("dataset", "month", "country", "country_code"), _group_span(18), since=18), since=18),
    Table("summary_place_months", "Events per dataset, month and province (the map)", _summary_columns(
        ("dataset", "month", "country", "country_code", "admin1", "admin1_code", "admin1_pcode"), _group_span(18),
        since=18), since=18),
    Table("summary_type_months", "Events per dataset, month, country and type (types over time)",
          _summary_columns(("dataset", "month", "country", "country_code", "event_type", "sub_event_type",
                            "disorder_type", "civilian_targeting"), _group_span(18), since=18), since=18),
    Table("summary_actor_months", "Events per dataset, month, country and the actor columns as stored "
          "(an actor's counts, time line and pages by month)", _summary_columns(
              ("dataset", "month", "country", "country_code", "inter1", "inter2", "actor1", "actor2",
               "assoc_actor_1", "assoc_actor_2"), _group_span(18), since=18), since=18),
    Table("summary_day_totals", "Events per dataset, day and country (date ranges that do not fall on "
          "month boundaries)", _summary_columns(("dataset", "event_date", "country", "country_code"),
                                                since=18), since=18),
    Table("summary_state", "One row: a version moved by every write of events, and what the summary has seen", (
        _c("version", "BIGINT", not_null=True, since=17),
        _c("summary_events", "BIGINT", "Events the summary counts", not_null=True, since=17),
        _c("writes", "BIGINT", "PostgreSQL: the statements that had written to events (a trigger's counter)",
           since=17),
    ), since=17),
)

TABLES: tuple[Table, ...] = (
    Table("ingest_batches", "Every ingest attempt: what was read, from where, and what became of it", (
        _c("batch_id", "BIGINT", "From the sequence batch_id_seq"),
        _c("dataset", "VARCHAR", not_null=True),
        _c("reader", "VARCHAR", "The reader that parsed the source (format and version)", not_null=True),
        _c("source", "VARCHAR", "The file, URL or API query read", not_null=True),
        _c("started_at", "TIMESTAMP", not_null=True),
        _c("finished_at", "TIMESTAMP"),
        _c("status", "VARCHAR", "running, ok or failed", not_null=True),
        *_BATCH_COUNTS,
        _c("message", "VARCHAR", "Why it failed, or what to know about it"),
    ), primary_key=("batch_id",)),
    Table("events", "The current version of every event (ruydad.model)", EVENT_COLUMNS, indexes=(
        Index("events_dataset_event_key", ("dataset", "dataset_event_id"), unique=True, dialects=("postgres",),
              why="concurrent writers upsert on it and cannot store an event twice; DuckDB has one writer"),
        Index("events_event_date", ("event_date",), dialects=("postgres",)),
    )),
    Table("event_revisions", "Every earlier version of an event, and deleted events",
          EVENT_COLUMNS + SUPERSESSION_COLUMNS, indexes=(
              Index("event_revisions_event", ("dataset", "dataset_event_id"), dialects=("postgres",)),
          )),
    Table("quarantine", "Rows an ingest rejected, with where they were and why", (
        _c("batch_id", "BIGINT", not_null=True),
        _c("dataset", "VARCHAR", not_null=True),
        _c("source", "VARCHAR", not_null=True),
        _c("row_number", "BIGINT", "Record number in the source"),
        _c("line", "BIGINT", "Line number in the source file"),
        _c("dataset_event_id", "VARCHAR"),
        _c("field", "VARCHAR", "The field at fault"),
        _c("reason", "VARCHAR", not_null=True),
        _c("raw", "VARCHAR", "The record as read"),
    ), indexes=(Index("quarantine_batch", ("batch_id",), dialects=("postgres",)),)),
    Table("documents", "Documents claims are read from", (
        _c("document_id", "VARCHAR", "Stable id, e.g. 'newsweek-2022-08-30'"),
        _c("title", "VARCHAR"),
        _c("url", "VARCHAR"),
        _c("outlet", "VARCHAR"),
        _c("published", "DATE"),
        _c("language", "VARCHAR"),
        _c("text_sha256", "VARCHAR", "Hash of the exact text the claim offsets point into"),
        _c("text_chars", "INTEGER"),
        _c("path", "VARCHAR", "Where the text is kept, if shipped or saved"),
        _c("theatre", "VARCHAR"),
        _c("added_at", "TIMESTAMP", not_null=True),
    ), since=2, primary_key=("document_id",)),
    Table("claims", "Who said what about whom, where. Claims are never facts: a denial is a row with stance "
          "'denies', and contradicting rows stay side by side", (
              _c("claim_id", "VARCHAR"),
              _c("theatre", "VARCHAR"),
              _c("subject_actor_id", "VARCHAR", "Registry id; NULL when the subject is not (yet) in the registry"),
              _c("subject_text", "VARCHAR", "The subject as written in the sentence", not_null=True),
              _c("predicate", "VARCHAR", "One of ruydad.actors.claims.PREDICATES", not_null=True),
              _c("object_actor_id", "VARCHAR"),
              _c("object_text", "VARCHAR"),
              _c("object_place_code", "VARCHAR", "ISO 3166-2, or ISO 3166-1 alpha-2 for a whole country"),
              _c("object_place_pcode", "VARCHAR", "OCHA P-code when the place is a district"),
              _c("object_value", "VARCHAR"),
              _c("stance", "VARCHAR", "asserts or denies", not_null=True),
              _c("claimed_by_name", "VARCHAR", "The person who made the claim"),
              _c("claimed_by_role", "VARCHAR"),
              _c("claimed_by_actor_id", "VARCHAR", "The actor they speak for"),
              _c("claimed_on", "DATE"),
              _c("document_id", "VARCHAR"),
              _c("sentence", "VARCHAR"),
              _c("start_char", "INTEGER", "Python string offset of the sentence in the document text"),
              _c("end_char", "INTEGER"),
              _c("origin", "VARCHAR", "seed, extracted or manual", not_null=True),
              _c("note", "VARCHAR"),
              _c("created_at", "TIMESTAMP", not_null=True),
          ), since=2, primary_key=("claim_id",), checks={"stance": "stance IN ('asserts', 'denies')"}),
    Table("candidate_actors", "Names an article mentions that no registry actor claims, for review", (
        _c("candidate_id", "VARCHAR"),
        _c("theatre", "VARCHAR"),
        _c("name", "VARCHAR", not_null=True),
        _c("normalized_name", "VARCHAR", not_null=True),
        _c("acronym", "VARCHAR"),
        _c("document_id", "VARCHAR"),
        _c("start_char", "INTEGER", "First mention in the document"),
        _c("end_char", "INTEGER"),
        _c("mentions", "INTEGER", not_null=True),
        _c("status", "VARCHAR", "new, accepted or rejected", not_null=True),
        _c("first_seen_at", "TIMESTAMP", not_null=True),
    ), since=2, primary_key=("candidate_id",)),
    Table("api_tokens", "Tokens for writes over HTTP; only a SHA-256 hash of each token is kept", (
        _c("token_id", "VARCHAR"),
        _c("name", "VARCHAR", not_null=True),
        _c("token_hash", "VARCHAR", not_null=True),
        _c("created_at", "TIMESTAMP", not_null=True),
        _c("last_used_at", "TIMESTAMP"),
        _c("revoked_at", "TIMESTAMP"),
    ), since=10, primary_key=("token_id",), unique=("token_hash",)),
    Table("watch_sources", "News sources watched: RSS 2.0, Atom, news sitemaps", (
        _c("source_id", "INTEGER"),
        _c("url", "VARCHAR", not_null=True),
        _c("name", "VARCHAR", "The outlet, as the analyst names it"),
        _c("theatre", "VARCHAR"),
        _c("kind", "VARCHAR", "rss, atom or sitemap (known after the first successful poll)"),
        _c("active", "BOOLEAN", not_null=True),
        _c("etag", "VARCHAR", "Validators for conditional GET"),
        _c("last_modified", "VARCHAR"),
        _c("added_at", "TIMESTAMP", not_null=True),
        _c("last_polled_at", "TIMESTAMP"),
        _c("last_success_at", "TIMESTAMP"),
        _c("last_error_at", "TIMESTAMP"),
        _c("last_error", "VARCHAR"),
        _c("articles", "INTEGER", "Articles stored from this source, all polls", not_null=True),
    ), since=15, primary_key=("source_id",), unique=("url",)),
    Table("watch_items", "The items seen in each source and what became of each", (
        _c("source_id", "INTEGER", not_null=True),
        _c("guid", "VARCHAR", "The feed's id/guid, else the link", not_null=True),
        _c("url", "VARCHAR", not_null=True),
        _c("title", "VARCHAR"),
        _c("published", "TIMESTAMP", "As the feed gives it"),
        _c("first_seen_at", "TIMESTAMP", not_null=True),
        _c("fetched_at", "TIMESTAMP"),
        _c("status", "VARCHAR", "stored, fetched (written for Spark), failed, robots (disallowed) or pending",
           not_null=True),
        _c("document_id", "VARCHAR"),
        _c("events", "INTEGER"),
        _c("error", "VARCHAR"),
    ), since=15, primary_key=("source_id", "guid")),
    Table("watch_log", "Every failure, held against its source", (
        _c("source_id", "INTEGER", not_null=True),
        _c("logged_at", "TIMESTAMP", not_null=True),
        _c("level", "VARCHAR", "error or warning", not_null=True),
        _c("url", "VARCHAR"),
        _c("message", "VARCHAR", not_null=True),
    ), since=15),
    Table("incidents", "Incidents merged from article reports, with the range of their figures", (
        _c("incident_id", "VARCHAR"),
        _c("first_date", "DATE"),
        _c("last_date", "DATE"),
        _c("event_type", "VARCHAR"),
        _c("sub_event_type", "VARCHAR"),
        _c("actors", "VARCHAR", "'; '-joined, as reported"),
        _c("admin1", "VARCHAR"),
        _c("admin1_code", "VARCHAR"),
        _c("admin2", "VARCHAR"),
        _c("admin2_pcode", "VARCHAR"),
        _c("location", "VARCHAR"),
        _c("latitude", "DOUBLE"),
        _c("longitude", "DOUBLE"),
        _c("reports", "INTEGER", not_null=True),
        _c("outlets", "INTEGER", not_null=True),
        *(_c(f"{figure}_{estimate}", "INTEGER") for figure in ("killed", "wounded", "detained")
          for estimate in ("low", "best", "high")),
        _c("built_at", "TIMESTAMP", not_null=True),
    ), since=15, primary_key=("incident_id",)),
    Table("incident_reports", "Each article report of an incident, its figures and why it joined", (
        _c("dataset_event_id", "VARCHAR", "The article event (events.dataset = 'article')"),
        _c("incident_id", "VARCHAR", not_null=True),
        _c("document_id", "VARCHAR"),
        _c("outlet", "VARCHAR"),
        _c("url", "VARCHAR"),
        _c("published", "DATE"),
        _c("event_date", "DATE"),
        _c("killed", "INTEGER"),
        _c("wounded", "INTEGER"),
        _c("detained", "INTEGER"),
        _c("score", "DOUBLE", "How well it matched the report it joined (NULL for the first)"),
        _c("joined_with", "VARCHAR", "That report"),
        _c("reason", "VARCHAR", "The matching fields, or the analyst's decision"),
    ), since=15, primary_key=("dataset_event_id",)),
    Table("incident_decisions", "The analyst's decisions: 'merge' keeps two reports together, 'split' apart", (
        _c("decision_id", "INTEGER"),
        _c("kind", "VARCHAR", "merge or split", not_null=True),
        _c("report_a", "VARCHAR", "Article event id", not_null=True),
        _c("report_b", "VARCHAR", "Article event id", not_null=True),
        _c("note", "VARCHAR"),
        _c("made_at", "TIMESTAMP", not_null=True),
    ), since=15, primary_key=("decision_id",), checks={"kind": "kind IN ('merge', 'split')"}),
    *_SUMMARY_TABLES,
)
"""Every store table, in the order they are created."""

SEQUENCES: dict[str, int] = {"batch_id_seq": 1}
"""Sequence -> the version that created it (ingest batch ids)."""

SCHEMA_MIGRATIONS = Table("schema_migrations", "The schema versions a store has applied", (
    _c("version", "INTEGER"),
    _c("name", "VARCHAR", not_null=True),
    _c("applied_at", "TIMESTAMP", not_null=True),
), since=0, primary_key=("version",))
"""Bookkeeping of the migrations themselves (:mod:`ruydad.store.migrate`), created before any version."""

_BY_NAME = {t.name: t for t in (*TABLES, SCHEMA_MIGRATIONS)}


def table(name: str) -> Table:
    """The declaration of one store table."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise KeyError(f"no store table {name!r}; the tables are {', '.join(_BY_NAME)}") from None


def sql_type(column: Column, dialect: Dialect) -> str:
    return TYPES[dialect].get(column.sql_type, column.sql_type)


def _column_ddl(t: Table, c: Column, dialect: Dialect) -> str:
    parts = [c.name, sql_type(c, dialect)]
    if t.primary_key == (c.name,):
        parts.append("PRIMARY KEY")
    if c.not_null:
        parts.append("NOT NULL")
    if c.name in t.unique:
        parts.append("UNIQUE")
    if c.name in t.checks:
        parts.append(f"CHECK ({t.checks[c.name]})")
    return " ".join(parts)


def create_table(t: Table, dialect: Dialect, *, upto: int | None = None, if_not_exists: bool = False) -> str:
    """``CREATE TABLE`` for ``t`` with the columns of versions up to ``upto`` (all by default)."""
    columns = [c for c in t.columns if upto is None or c.since <= upto]
    lines = [_column_ddl(t, c, dialect) for c in columns]
    if len(t.primary_key) > 1:
        lines.append(f"PRIMARY KEY ({', '.join(t.primary_key)})")
    body = ",\n    ".join(lines)
    exists = "IF NOT EXISTS " if if_not_exists else ""
    return f"CREATE TABLE {exists}{t.name} (\n    {body}\n);"


def _create_index(t: Table, index: Index) -> str:
    unique = "UNIQUE " if index.unique else ""
    return f"CREATE {unique}INDEX {index.name} ON {t.name} ({', '.join(index.columns)});"


def version_ddl(version: int, dialect: Dialect) -> str:
    """What schema version ``version`` adds, as SQL for ``dialect``: its sequences, tables (with their
    columns as of that version), the columns it adds to older tables, and its indexes."""
    statements = [f"CREATE SEQUENCE IF NOT EXISTS {name} START 1;"
                  for name, since in SEQUENCES.items() if since == version]
    for t in TABLES:
        if t.since == version:
            statements.append(create_table(t, dialect, upto=version))
        elif t.since < version:
            statements.extend(f"ALTER TABLE {t.name} ADD COLUMN {c.name} {sql_type(c, dialect)};"
                              for c in t.columns if c.since == version)
    for t in TABLES:
        statements.extend(_create_index(t, i) for i in t.indexes
                          if dialect in i.dialects and (i.since or t.since) == version)
    return "\n".join(statements)


def _declared_versions() -> Iterator[int]:
    yield from SEQUENCES.values()
    for t in TABLES:
        yield t.since
        yield from (c.since for c in t.columns)
        yield from (i.since or t.since for i in t.indexes)


def check_declaration() -> None:
    """Every version the declaration uses is listed in :data:`VERSIONS`, in increasing order
    (run by the tests, so a forgotten entry fails there rather than in a user's store)."""
    numbers = [v.number for v in VERSIONS]
    if numbers != sorted(set(numbers)):
        raise AssertionError(f"VERSIONS must be in increasing order without repeats: {numbers}")
    missing = sorted(set(_declared_versions()) - set(numbers))
    if missing:
        raise AssertionError(f"the schema declaration uses version(s) {missing} that VERSIONS does not list")
    for t in TABLES:
        for c in t.columns:
            if c.since > t.since and (c.not_null or c.name in t.primary_key or c.name in t.unique):
                raise AssertionError(f"{t.name}.{c.name} is added to a table that has rows: it must be nullable "
                                     "and not a key (fill it in migrations/NNNN_name.sql, then constrain it)")


def upsert_sql(name: str, columns: Sequence[str], *, now: Sequence[str] = (),
               update: Sequence[str] | None = None) -> str:
    """``INSERT ... ON CONFLICT (key) DO UPDATE`` into table ``name``, with ``?`` placeholders for
    ``columns`` and ``now()`` for the ``now`` columns. The key is the table's primary key; ``update``
    lists the columns an existing row takes from the new one (default: every column given but the
    key; empty: keep the existing row, ``DO NOTHING``). DuckDB and PostgreSQL read the same text."""
    t = table(name)
    if not t.primary_key:
        raise ValueError(f"{name} has no primary key to upsert on")
    given = [*columns, *now]
    unknown = [c for c in given if c not in t.column_names]
    if unknown:
        raise ValueError(f"{name} has no column(s) {', '.join(unknown)}")
    missing_key = [k for k in t.primary_key if k not in columns]
    if missing_key:
        raise ValueError(f"an upsert into {name} must give its key column(s) {', '.join(missing_key)}")
    values = ", ".join(["?"] * len(columns) + ["now()"] * len(now))
    changed = [c for c in given if c not in t.primary_key] if update is None else list(update)
    action = (f"DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in changed)}" if changed else "DO NOTHING")
    return (f"INSERT INTO {name} ({', '.join(given)}) VALUES ({values}) "
            f"ON CONFLICT ({', '.join(t.primary_key)}) {action}")
