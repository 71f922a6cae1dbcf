"""Reading articles: plain text, HTML (file or string), a URL, stdin, or JSONL batches.

HTML goes through trafilatura, which keeps the article's main text and drops navigation,
scripts and comments, and gives the metadata the output needs (title, publication date,
outlet). A URL is fetched with httpx under a timeout and a size limit: an article is never
megabytes, and a tool that follows any link must not be made to download a video. Every
refusal is an :class:`~ruydad.errors.InputError` that says what was wrong.

The document id is what the caller gives (a JSONL ``id``), else a hash of the article's address
when it has one (the URL it was fetched from, or the canonical URL a saved page names), else a
hash of the text. Running the same article twice gives the same id, and an article the outlet
has since corrected, read again from its address, keeps its id too: ``add-article`` then revises
its events (the earlier versions kept as revisions) rather than storing them a second time.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from ruydad.errors import InputError
from ruydad.extract.document import Document

MAX_BYTES = 10 * 1024 * 1024
"""Largest file or download read (HTML pages carry scripts and markup; 10 MiB is generous)."""
URL_TIMEOUT_S = 20.0
"""Longest wait for a connection or for the next bytes of a download."""
FETCH_DEADLINE_S = 30.0
"""Longest a whole download may take, redirects included."""
_HTML_SNIFF = re.compile(rb"(?is)^\s*(?:<!doctype html|<html|<head|<body|<article|<div|<p[ >]|<\?xml)")


def document_id(text: str) -> str:
    return "doc-" + hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:16]


TRACKING_PARAMETERS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid")
"""Query parameters that say how a reader came to a page, not which page it is."""


def canonical_url(url: str) -> str:
    """The address of an article as one string whatever way it was reached: scheme and host in
    lower case, no default port, no fragment, no tracking parameters, no trailing slash."""
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith(TRACKING_PARAMETERS)]
    return urlunsplit((parts.scheme.lower(), host, parts.path.rstrip("/") or "/", urlencode(query), ""))


def url_document_id(url: str) -> str:
    """The id of the article at ``url`` (:func:`canonical_url`), the same for every version of it."""
    return "url-" + hashlib.sha256(canonical_url(url).encode("utf-8", "replace")).hexdigest()[:16]


def parse_published(value: str | date | None, what: str = "published") -> date | None:
    if value is None or isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise InputError(f"{what}: {value!r} is not a date; use YYYY-MM-DD") from None


def from_text(text: str, *, id: str | None = None, published: date | None = None, title: str | None = None,
              source: str | None = None, url: str | None = None) -> Document:
    """A document from plain text (the title, when not given, is the first line if it looks like one)."""
    if title is None:
        first = text.lstrip().split("\n", 1)[0].strip()
        if 0 < len(first) <= 200 and not first.endswith((".", "\"", "”")) and "\n" in text.strip():
            title = first
    known = id or (url_document_id(url) if url and url.lower().startswith(("http://", "https://")) else None)
    return Document(text=text, id=known or document_id(text), title=title, published=published, source=source,
                    url=url, published_from="option" if published else None)


def from_html(html: str, *, url: str | None = None, id: str | None = None, published: date | None = None) -> Document:
    """A document from an HTML page: main text and metadata via trafilatura."""
    import trafilatura

    try:
        extracted: Any = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                                     include_tables=False)
    except Exception as exc:  # trafilatura raises a zoo of parser errors on broken markup
        raise InputError(f"cannot read the HTML{f' of {url}' if url else ''}: {exc}") from exc
    if extracted is not None and not isinstance(extracted, dict):
        extracted = extracted.as_dict() if hasattr(extracted, "as_dict") else vars(extracted)
    meta: dict[str, Any] = extracted or {}
    body = (meta.get("text") or "").strip()
    if not body:
        body = _strip_tags(html)
    if not body.strip():
        raise InputError(f"no article text found in the HTML{f' of {url}' if url else ''}")
    title = (meta.get("title") or "").strip() or None
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    meta_date = None
    if meta.get("date"):
        try:
            meta_date = parse_published(str(meta["date"]))
        except InputError:
            meta_date = None
    doc = from_text(text, id=id, published=published or meta_date, title=title,
                    source=meta.get("sitename") or meta.get("hostname"), url=url or meta.get("url"))
    doc.published_from = "option" if published else ("metadata" if meta_date else None)
    return doc


def _strip_tags(html: str) -> str:
    html = re.sub(r"(?is)<(script|style|noscript)[^>]*>.*?</\1>", " ", html)
    html = re.sub(r"(?s)<[^>]+>", " ", html)
    import html as html_lib

    return re.sub(r"[ \t]+", " ", html_lib.unescape(html)).strip()


def _decode(data: bytes, where: str) -> str:
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{where} is binary, not text or HTML")
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
                continue
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("cp1252", errors="replace")


def from_bytes(data: bytes, *, where: str, url: str | None = None, id: str | None = None,
               published: date | None = None, html: bool | None = None) -> Document:
    text = _decode(data, where)
    if html or (html is None and _HTML_SNIFF.match(data[:2048])):
        return from_html(text, url=url, id=id, published=published)
    return from_text(text, id=id, published=published, url=url)


def fetch_url(url: str, *, timeout: float = URL_TIMEOUT_S, max_bytes: int = MAX_BYTES,
              transport: Any = None, deadline: float | None = None) -> tuple[bytes, str]:
    """The body and content type of ``url``; refuses non-HTTP schemes, errors, oversize bodies and
    non-public addresses (:mod:`ruydad.extract.netguard`).

    ``timeout`` bounds each connect and read; ``deadline`` bounds the whole fetch (a server sending
    one byte every few seconds never trips a read timeout); it defaults to ``$RUYDAD_FETCH_DEADLINE``
    or :data:`FETCH_DEADLINE_S`. The fetch runs in a daemon thread that
    also watches the deadline, so the caller gets its answer on time and the thread stops soon after.
    """
    if not re.match(r"(?i)^https?://", url):
        raise InputError(f"{url!r}: only http and https URLs can be fetched")
    from ruydad.extract.netguard import GuardedTransport, allowed_networks

    if deadline is None:
        deadline = _deadline_setting()
    guarded = transport if transport is not None else GuardedTransport(allowed_networks())
    end = time.monotonic() + deadline
    result: list[tuple[bytes, str]] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            result.append(_fetch(url, min(timeout, deadline), max_bytes, guarded, end))
        except BaseException as exc:  # handed to the caller's thread
            failure.append(exc)

    worker = threading.Thread(target=run, name="ruydad-fetch", daemon=True)
    worker.start()
    worker.join(deadline)
    if failure:
        raise failure[0]
    if not result:
        raise InputError(f"{url}: not fetched within {deadline:.0f} s (the server is too slow); "
                         "save the page and give the file instead")
    return result[0]


def _deadline_setting() -> float:
    import os

    value = os.environ.get("RUYDAD_FETCH_DEADLINE", "")
    try:
        return float(value) if value.strip() else FETCH_DEADLINE_S
    except ValueError:
        raise InputError(f"RUYDAD_FETCH_DEADLINE: {value!r} is not a number of seconds") from None


def _fetch(url: str, timeout: float, max_bytes: int, transport: Any, end: float) -> tuple[bytes, str]:
    import httpx

    from ruydad.extract.netguard import REFUSED, AddressRefused

    try:
        with httpx.Client(timeout=timeout, follow_redirects=True, max_redirects=5, trust_env=False,
                          headers={"User-Agent": "ruydad/0.1 (article extraction)"},
                          transport=transport) as client, \
                client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise InputError(f"{url}: the server answered HTTP {response.status_code}")
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise InputError(f"{url}: {int(declared):,} bytes is more than the {max_bytes:,} an article can be")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise InputError(f"{url}: more than {max_bytes:,} bytes; not an article page")
                if time.monotonic() > end:
                    raise InputError(f"{url}: not fetched in time (the server is too slow)")
                chunks.append(chunk)
            return b"".join(chunks), response.headers.get("content-type", "")
    except AddressRefused:
        raise InputError(f"{url}: {REFUSED}") from None
    except (httpx.ConnectError, httpx.ConnectTimeout):
        raise InputError(f"{url}: {REFUSED}") from None
    except httpx.HTTPError as exc:
        raise InputError(f"{url}: could not fetch it ({type(exc).__name__})") from None


def load_document(source: str | Path, *, published: str | date | None = None, id: str | None = None) -> Document:
    """A document from a path, a URL or ``-`` (stdin); HTML is recognised by extension or content."""
    pub = parse_published(published)
    text_source = str(source)
    if text_source == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise InputError(f"stdin: more than {MAX_BYTES:,} bytes; give one article, or a JSONL batch")
        return from_bytes(data, where="stdin", id=id, published=pub)
    if re.match(r"(?i)^https?://", text_source):
        data, content_type = fetch_url(text_source)
        doc = from_bytes(data, where=text_source, url=text_source, id=id, published=pub,
                         html=True if "html" in content_type else None)
        doc.url = doc.url or text_source
        return doc
    path = Path(source).expanduser()
    if not path.is_file():
        raise InputError(f"{path}: no such file (give a text or HTML file, a URL, or - for stdin)")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(f"{path}: {size:,} bytes is more than the {MAX_BYTES:,} an article can be")
    data = path.read_bytes()
    is_html = True if path.suffix.lower() in (".html", ".htm", ".xhtml") else None
    return from_bytes(data, where=str(path), id=id or None, published=pub, html=is_html)


def read_jsonl(lines: Iterator[str] | Any, *, published: date | None = None) -> Iterator[Document]:
    """Documents from JSONL lines ``{"id", "text", "published"?, "title"?, "source"?}``, in order."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"JSONL line {number}: not JSON ({exc.msg})") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise InputError(f"JSONL line {number}: expected an object with a \"text\" string")
        pub = parse_published(record.get("published"), f"JSONL line {number}: published") or published
        raw_id = record.get("id")
        yield from_text(record["text"], id=str(raw_id) if raw_id is not None else None, published=pub,
                        title=record.get("title"), source=record.get("source"), url=record.get("url"))
