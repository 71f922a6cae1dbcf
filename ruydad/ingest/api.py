"""HTTP clients for the ACLED and UCDP APIs.

Both clients page through results, retry what is worth retrying (HTTP 429 and 5xx, dropped
connections) with exponential backoff that honours ``Retry-After``, and turn refusals into
messages that say which credential or parameter to fix. Pages are written to a temporary CSV
and go through the same validated pipeline as a downloaded export, so an API ingest and a file
ingest of the same events are indistinguishable in the store.

ACLED offers two authentication schemes: the current OAuth password grant (account e-mail and
password exchanged for a bearer token at ``/oauth/token``, client id ``acled``) and the legacy
access key + e-mail query parameters. UCDP's API takes an access token in the
``x-ucdp-access-token`` header and links pages with ``NextPageUrl``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import httpx

from ruydad.errors import InputError, RemoteError
from ruydad.ingest.pipeline import IngestReport, Progress, delete_events, ingest_file
from ruydad.ingest.staging import records_to_csv
from ruydad.store.embedded import Store

ACLED_API_URL = "https://acleddata.com/api/acled/read"
ACLED_DELETED_URL = "https://acleddata.com/api/deleted/read"
ACLED_TOKEN_URL = "https://acleddata.com/oauth/token"
UCDP_API_URL = "https://ucdpapi.pcr.uu.se/api/gedevents"

Sleep = Callable[[float], None]


@dataclass
class RetryPolicy:
    attempts: int = 5
    backoff_seconds: float = 1.0
    max_wait_seconds: float = 60.0
    sleep: Sleep = field(default=time.sleep, repr=False)

    def wait(self, attempt: int, response: httpx.Response | None) -> None:
        delay = self.backoff_seconds * (2 ** attempt)
        if response is not None and response.headers.get("Retry-After", "").strip().isdigit():
            delay = float(response.headers["Retry-After"])
        self.sleep(min(delay, self.max_wait_seconds))


def _explain_refusal(service: str, response: httpx.Response, hint: str) -> RemoteError:
    detail = ""
    try:
        body = response.json()
        if isinstance(body, dict):
            error = body.get("error") or body.get("message") or body.get("messages")
            detail = f": {error}" if error else ""
    except ValueError:
        detail = f": {response.text[:200]}" if response.text else ""
    status = response.status_code
    if status == 401:
        return RemoteError(f"{service} refused the credentials (HTTP 401){detail}. {hint}")
    if status == 403:
        return RemoteError(f"{service} denied access (HTTP 403){detail}. Your account may lack API access "
                           f"or this data; {hint}")
    if status == 429:
        return RemoteError(f"{service} is rate-limiting us (HTTP 429) and kept refusing after retries; "
                           "wait a while, or ask for fewer pages (narrow the dates or country)")
    return RemoteError(f"{service} answered HTTP {status}{detail} for {response.request.url}")


def _request(client: httpx.Client, method: str, url: str, service: str, hint: str, retry: RetryPolicy,
             **kwargs: Any) -> httpx.Response:
    last: httpx.Response | None = None
    for attempt in range(retry.attempts):
        try:
            response = client.request(method, url, **kwargs)
        except httpx.TransportError as exc:
            if attempt == retry.attempts - 1:
                raise RemoteError(f"{service} could not be reached at {url}: {exc}") from exc
            retry.wait(attempt, None)
            continue
        if response.status_code == 429 or response.status_code >= 500:
            last = response
            if attempt < retry.attempts - 1:
                retry.wait(attempt, response)
                continue
        if response.status_code >= 400:
            raise _explain_refusal(service, response, hint)
        return response
    assert last is not None
    raise _explain_refusal(service, last, hint)


def _json(response: httpx.Response, service: str) -> Any:
    try:
        return response.json()
    except ValueError as exc:
        raise RemoteError(f"{service} sent something that is not JSON from {response.request.url}: "
                          f"{response.text[:120]!r}") from exc


@dataclass
class AcledCredentials:
    """Either ``email`` + ``password`` (OAuth), ``email`` + ``key`` (legacy), or a bearer ``token``."""

    email: str | None = None
    password: str | None = None
    key: str | None = None
    token: str | None = None

    def check(self) -> None:
        if self.token or (self.email and (self.password or self.key)):
            return
        raise InputError("ACLED credentials missing: give --email with --password (OAuth) or --key (legacy "
                         "access key), or --token; or set ACLED_EMAIL and ACLED_PASSWORD / ACLED_KEY")


class AcledClient:
    """Pages through ACLED's read endpoint (5,000 events a page by default)."""

    HINT = "Check --email and --password (or --key / --token), as registered at acleddata.com."

    def __init__(self, credentials: AcledCredentials, *, api_url: str = ACLED_API_URL,
                 deleted_url: str = ACLED_DELETED_URL, token_url: str = ACLED_TOKEN_URL,
                 page_size: int = 5000, timeout: float = 60.0, retry: RetryPolicy | None = None) -> None:
        credentials.check()
        if page_size < 1:
            raise InputError("page size must be at least 1")
        self.credentials = credentials
        self.api_url, self.deleted_url, self.token_url = api_url, deleted_url, token_url
        self.page_size = page_size
        self.retry = retry or RetryPolicy()
        self.http = httpx.Client(timeout=timeout, follow_redirects=True,
                                 headers={"User-Agent": "ruydad (conflict event research)"})
        self._token: str | None = credentials.token

    def close(self) -> None:
        self.http.close()

    def _auth(self) -> tuple[dict[str, str], dict[str, str]]:
        """Headers and query parameters that authenticate a request."""
        creds = self.credentials
        if creds.key and creds.email and not creds.password and not creds.token:
            return {}, {"key": creds.key, "email": creds.email}
        if self._token is None:
            response = _request(
                self.http, "POST", self.token_url, "ACLED", self.HINT, self.retry,
                data={"username": creds.email or "", "password": creds.password or "",
                      "grant_type": "password", "client_id": "acled"},
            )
            token = _json(response, "ACLED").get("access_token")
            if not token:
                raise RemoteError("ACLED's token endpoint answered without an access_token")
            self._token = str(token)
        return {"Authorization": f"Bearer {self._token}"}, {}

    def _pages(self, url: str, query: dict[str, str]) -> Iterator[list[dict[str, Any]]]:
        page = 1
        while True:
            headers, auth_params = self._auth()
            params = {"_format": "json", **query, **auth_params, "limit": str(self.page_size), "page": str(page)}
            body = _json(_request(self.http, "GET", url, "ACLED", self.HINT, self.retry,
                                  params=params, headers=headers), "ACLED")
            if not isinstance(body, dict) or not isinstance(body.get("data"), list):
                raise RemoteError(f"ACLED answered page {page} without a 'data' list")
            if body.get("success") is False:
                raise RemoteError(f"ACLED refused the query: {body.get('error') or body.get('messages')}")
            rows = body["data"]
            if rows:
                yield rows
            if len(rows) < self.page_size:
                return
            page += 1

    def events(self, *, country: str | None = None, date_from: date | None = None,
               date_to: date | None = None, extra: dict[str, str] | None = None) -> Iterator[list[dict[str, Any]]]:
        query: dict[str, str] = dict(extra or {})
        if country:
            query["country"] = country
        if date_from or date_to:
            query["event_date"] = f"{date_from or date(1997, 1, 1)}|{date_to or date.today()}"
            query["event_date_where"] = "BETWEEN"
        return self._pages(self.api_url, query)

    def deleted_ids(self, since_timestamp: int) -> list[str]:
        ids: list[str] = []
        query = {"deleted_timestamp": str(since_timestamp), "deleted_timestamp_where": ">="}
        for rows in self._pages(self.deleted_url, query):
            ids += [str(r["event_id_cnty"]) for r in rows if r.get("event_id_cnty")]
        return ids


class UcdpClient:
    """Pages through UCDP's GED API (``/gedevents/<version>``), following ``NextPageUrl``."""

    HINT = "Check --token (UCDP API access token) and --version (e.g. 25.1)."

    def __init__(self, *, version: str, token: str | None = None, api_url: str = UCDP_API_URL,
                 page_size: int = 1000, timeout: float = 60.0, retry: RetryPolicy | None = None) -> None:
        if not version.strip():
            raise InputError("UCDP API version missing (e.g. --version 25.1)")
        self.url = f"{api_url.rstrip('/')}/{version.strip()}"
        self.page_size = page_size
        self.retry = retry or RetryPolicy()
        headers = {"User-Agent": "ruydad (conflict event research)"}
        if token:
            headers["x-ucdp-access-token"] = token
        self.http = httpx.Client(timeout=timeout, follow_redirects=True, headers=headers)

    def close(self) -> None:
        self.http.close()

    def events(self, *, country: str | None = None, date_from: date | None = None,
               date_to: date | None = None) -> Iterator[list[dict[str, Any]]]:
        params: dict[str, str] | None = {"pagesize": str(self.page_size)}
        assert params is not None
        if country:
            params["Country"] = country
        if date_from:
            params["StartDate"] = date_from.isoformat()
        if date_to:
            params["EndDate"] = date_to.isoformat()
        url: str | None = self.url
        while url:
            body = _json(_request(self.http, "GET", url, "UCDP", self.HINT, self.retry, params=params), "UCDP")
            if not isinstance(body, dict) or not isinstance(body.get("Result"), list):
                raise RemoteError(f"UCDP answered {url} without a 'Result' list")
            if body["Result"]:
                yield body["Result"]
            url = body.get("NextPageUrl") or None
            params = None  # NextPageUrl carries the query


def ingest_pages(store: Store, pages: Iterator[list[dict[str, Any]]], dataset: str, source: str,
                 progress: Progress | None = None) -> IngestReport:
    """Collect API pages and ingest them as one batch (one transaction) through the shared pipeline."""
    records: list[dict[str, Any]] = []
    for number, page in enumerate(pages, start=1):
        records += page
        if progress:
            progress(f"page {number}, {len(records)} events", 0.0)
    if not records:
        raise InputError(f"{source}: the API returned no events for this query")
    path, _ = records_to_csv(records)
    try:
        return ingest_file(store, path, dataset, source=source, progress=progress)
    finally:
        path.unlink(missing_ok=True)


def ingest_acled_api(store: Store, client: AcledClient, *, country: str | None = None,
                     date_from: date | None = None, date_to: date | None = None,
                     deleted_since: int | None = None, progress: Progress | None = None) -> list[IngestReport]:
    """Fetch and ingest ACLED events; optionally apply ACLED's deletions since a Unix time."""
    source = f"ACLED API {client.api_url} country={country or 'all'} {date_from or ''}..{date_to or ''}"
    reports = [ingest_pages(store, client.events(country=country, date_from=date_from, date_to=date_to),
                            "acled", source, progress)]
    if deleted_since is not None:
        ids = client.deleted_ids(deleted_since)
        if ids:
            reports.append(delete_events(store, "acled", ids, source=f"ACLED deletions since {deleted_since}"))
    return reports


def ingest_ucdp_api(store: Store, client: UcdpClient, *, country: str | None = None,
                    date_from: date | None = None, date_to: date | None = None,
                    progress: Progress | None = None) -> IngestReport:
    source = f"UCDP API {client.url} country={country or 'all'} {date_from or ''}..{date_to or ''}"
    return ingest_pages(store, client.events(country=country, date_from=date_from, date_to=date_to),
                        "ucdp", source, progress)
