"""The watched sources and what happened to them, in the store (tables of migration 0015).

A source is one feed or sitemap URL with the outlet's name and the theatre its articles belong
to. ``watch_items`` keeps every item ever seen per source (so nothing is fetched twice) and
``watch_log`` every failure, against the source it happened in; a source's row carries its last
success, last error and article count, which is what ``ruydad watch status`` shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from ruydad.errors import InputError

_COLUMNS = ("source_id", "url", "name", "theatre", "kind", "active", "etag", "last_modified", "added_at",
            "last_polled_at", "last_success_at", "last_error_at", "last_error", "articles")


@dataclass(frozen=True)
class Source:
    source_id: int
    url: str
    name: str | None
    theatre: str | None
    kind: str | None
    active: bool
    etag: str | None
    last_modified: str | None
    added_at: datetime
    last_polled_at: datetime | None
    last_success_at: datetime | None
    last_error_at: datetime | None
    last_error: str | None
    articles: int

    @property
    def outlet(self) -> str:
        return self.name or urlsplit(self.url).netloc

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def add_source(store: Any, url: str, *, name: str | None = None, theatre: str | None = None) -> Source:
    """Watch a feed or sitemap URL; adding a URL already watched updates its name/theatre and reactivates it."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputError(f"{url!r} is not an http(s) URL; give the address of an RSS/Atom feed or a news sitemap")
    with store.transaction() as con:
        row = con.execute("SELECT source_id FROM watch_sources WHERE url = ?", [url]).fetchone()
        if row:
            con.execute("UPDATE watch_sources SET name = coalesce(?, name), theatre = coalesce(?, theatre), "
                        "active = TRUE WHERE source_id = ?", [name, theatre, row[0]])
            source_id = int(row[0])
        else:
            top = con.execute("SELECT coalesce(max(source_id), 0) FROM watch_sources").fetchone()
            source_id = int(top[0]) + 1 if top else 1
            con.execute("INSERT INTO watch_sources (source_id, url, name, theatre, active, added_at, articles) "
                        "VALUES (?, ?, ?, ?, TRUE, ?, 0)", [source_id, url, name, theatre, now()])
    return get_source(store, source_id)


def get_source(store: Any, ref: int | str) -> Source:
    """A source by id or URL."""
    text = str(ref).strip()
    if text.isdigit():
        row = store.con.execute(f"SELECT {', '.join(_COLUMNS)} FROM watch_sources WHERE source_id = ?",
                                [int(text)]).fetchone()
    else:
        row = store.con.execute(f"SELECT {', '.join(_COLUMNS)} FROM watch_sources WHERE url = ?", [text]).fetchone()
    if row is None:
        raise InputError(f"no watched source {ref!r}; `ruydad watch list` shows the ids and URLs")
    return Source(*row)


def list_sources(store: Any, *, active_only: bool = False) -> list[Source]:
    sql = f"SELECT {', '.join(_COLUMNS)} FROM watch_sources"
    if active_only:
        sql += " WHERE active"
    return [Source(*row) for row in store.con.execute(sql + " ORDER BY source_id").fetchall()]


def remove_source(store: Any, ref: int | str) -> Source:
    """Stop watching a source. Its articles, events and log stay in the store (they are evidence);
    the source row is kept inactive so its history can still be read."""
    source = get_source(store, ref)
    with store.transaction() as con:
        con.execute("UPDATE watch_sources SET active = FALSE WHERE source_id = ?", [source.source_id])
    return get_source(store, source.source_id)


def log(store: Any, source_id: int, message: str, *, url: str | None = None, level: str = "error") -> None:
    """Hold a failure against its source: a log row, and for errors the source's last error."""
    at = now()
    with store.transaction() as con:
        con.execute("INSERT INTO watch_log (source_id, logged_at, level, url, message) VALUES (?, ?, ?, ?, ?)",
                    [source_id, at, level, url, message])
        if level == "error":
            con.execute("UPDATE watch_sources SET last_error_at = ?, last_error = ? WHERE source_id = ?",
                        [at, message, source_id])


def source_log(store: Any, source_id: int | None = None, limit: int = 50) -> list[dict[str, Any]]:
    sql = "SELECT source_id, logged_at, level, url, message FROM watch_log"
    params: list[Any] = []
    if source_id is not None:
        sql += " WHERE source_id = ?"
        params.append(source_id)
    rows = store.con.execute(sql + f" ORDER BY logged_at DESC LIMIT {int(limit)}", params).fetchall()
    return [dict(zip(("source_id", "logged_at", "level", "url", "message"), r, strict=True)) for r in rows]


def items(store: Any, source_id: int | None = None) -> list[dict[str, Any]]:
    cols = ("source_id", "guid", "url", "title", "published", "first_seen_at", "fetched_at", "status",
            "document_id", "events", "error")
    sql = f"SELECT {', '.join(cols)} FROM watch_items"
    params: list[Any] = []
    if source_id is not None:
        sql += " WHERE source_id = ?"
        params.append(source_id)
    rows = store.con.execute(sql + " ORDER BY source_id, first_seen_at, guid", params).fetchall()
    return [dict(zip(cols, r, strict=True)) for r in rows]
