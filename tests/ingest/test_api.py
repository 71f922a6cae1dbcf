"""API clients against a real local HTTP server that serves pages in ACLED's and UCDP's formats."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from ruydad.errors import InputError, RemoteError
from ruydad.ingest.api import (
    AcledClient,
    AcledCredentials,
    RetryPolicy,
    UcdpClient,
    ingest_acled_api,
    ingest_ucdp_api,
)
from ruydad.store import Store

Reply = tuple[int, dict[str, str], Any]


@dataclass
class FakeService:
    """Records requests and answers each with the next scripted reply for its path."""

    routes: dict[str, Callable[[dict[str, list[str]], dict[str, str], bytes], Reply]]
    requests: list[tuple[str, str, dict[str, list[str]], dict[str, str]]] = field(default_factory=list)
    base: str = ""


@pytest.fixture
def service() -> Iterator[FakeService]:
    fake = FakeService(routes={})

    class Handler(BaseHTTPRequestHandler):
        def _handle(self, method: str) -> None:
            parsed = urlparse(self.path)
            query = parse_qs(parsed.query)
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            headers = {k.lower(): v for k, v in self.headers.items()}
            fake.requests.append((method, parsed.path, query, headers))
            route = fake.routes.get(parsed.path)
            status, extra_headers, payload = route(query, headers, body) if route else (404, {}, {"error": "nope"})
            data = json.dumps(payload).encode() if not isinstance(payload, bytes) else payload
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            for key, value in extra_headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            self._handle("GET")

        def do_POST(self) -> None:
            self._handle("POST")

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fake.base = f"http://127.0.0.1:{server.server_address[1]}"
    yield fake
    server.shutdown()
    server.server_close()


def acled_row(n: int, **overrides: Any) -> dict[str, Any]:
    row = {
        "event_id_cnty": f"AFG{n}", "event_date": "2022-08-15", "year": "2022", "time_precision": "1",
        "disorder_type": "Political violence", "event_type": "Battles", "sub_event_type": "Armed clash",
        "actor1": "NRF: National Resistance Front", "assoc_actor_1": "", "inter1": "2",
        "actor2": "Taliban", "assoc_actor_2": "", "inter2": "1", "interaction": "12",
        "civilian_targeting": "", "iso": "4", "region": "Caucasus and Central Asia", "country": "Afghanistan",
        "admin1": "Panjshir", "admin2": "Dara", "admin3": "", "location": "Dara", "latitude": "35.37",
        "longitude": "69.86", "geo_precision": "2", "source": "Afghanistan International",
        "source_scale": "National", "notes": f"Clash number {n}.", "fatalities": "3", "tags": "",
        "timestamp": "1661000000",
    }
    row.update(overrides)
    return row


NO_WAIT = RetryPolicy(attempts=3, backoff_seconds=0.0, sleep=lambda s: None)


def acled_client(service: FakeService, creds: AcledCredentials, page_size: int = 2) -> AcledClient:
    return AcledClient(creds, api_url=f"{service.base}/api/acled/read",
                       deleted_url=f"{service.base}/api/deleted/read", token_url=f"{service.base}/oauth/token",
                       page_size=page_size, retry=NO_WAIT)


def paged(rows: list[dict[str, Any]], size: int) -> Callable[[dict[str, list[str]], dict[str, str], bytes], Reply]:
    def answer(query: dict[str, list[str]], headers: dict[str, str], body: bytes) -> Reply:
        page = int(query["page"][0])
        chunk = rows[(page - 1) * size: page * size]
        return 200, {}, {"status": 200, "success": True, "count": len(chunk), "data": chunk}
    return answer


def test_oauth_login_then_bearer_pages_until_a_short_page(service: FakeService, store: Store) -> None:
    service.routes["/oauth/token"] = lambda q, h, b: (200, {}, {"access_token": "tok-123", "expires_in": 86400})
    service.routes["/api/acled/read"] = paged([acled_row(i) for i in range(5)], 2)
    client = acled_client(service, AcledCredentials(email="a@b.org", password="pw"))
    [report] = ingest_acled_api(store, client, country="Afghanistan")
    assert (report.stored, report.rejected) == (5, 0)
    token_request = service.requests[0]
    assert token_request[0] == "POST" and token_request[1] == "/oauth/token"
    reads = [r for r in service.requests if r[1] == "/api/acled/read"]
    assert [r[2]["page"][0] for r in reads] == ["1", "2", "3"]
    assert all(r[3]["authorization"] == "Bearer tok-123" for r in reads)
    assert reads[0][2]["country"] == ["Afghanistan"]
    event = store.event("acled", "AFG0")
    assert (event["inter1"], event["interaction"]) == ("Rebel group", "State forces-Rebel group")


def test_legacy_key_and_email_go_in_the_query(service: FakeService, store: Store) -> None:
    service.routes["/api/acled/read"] = paged([acled_row(1)], 2)
    client = acled_client(service, AcledCredentials(email="a@b.org", key="KEY"))
    ingest_acled_api(store, client)
    [read] = service.requests
    assert read[2]["key"] == ["KEY"] and read[2]["email"] == ["a@b.org"]
    assert "authorization" not in read[3]


def test_date_range_uses_acled_between_syntax(service: FakeService, store: Store) -> None:
    from datetime import date

    service.routes["/api/acled/read"] = paged([acled_row(1)], 2)
    client = acled_client(service, AcledCredentials(token="t"))
    ingest_acled_api(store, client, date_from=date(2022, 1, 1), date_to=date(2022, 6, 30))
    query = service.requests[0][2]
    assert query["event_date"] == ["2022-01-01|2022-06-30"]
    assert query["event_date_where"] == ["BETWEEN"]


def test_server_errors_and_rate_limits_are_retried(service: FakeService, store: Store) -> None:
    answers = iter([(503, {}, {"error": "busy"}), (429, {"Retry-After": "0"}, {"error": "slow down"})])
    good = paged([acled_row(1)], 2)

    def flaky(q: dict[str, list[str]], h: dict[str, str], b: bytes) -> Reply:
        return next(answers, None) or good(q, h, b)

    service.routes["/api/acled/read"] = flaky
    [report] = ingest_acled_api(store, acled_client(service, AcledCredentials(token="t")))
    assert report.stored == 1
    assert len(service.requests) == 3


@pytest.mark.parametrize(("status", "message"), [
    (401, "refused the credentials"), (403, "denied access"), (429, "rate-limiting"),
])
def test_refusals_become_clear_errors(service: FakeService, store: Store, status: int, message: str) -> None:
    service.routes["/api/acled/read"] = lambda q, h, b: (status, {}, {"error": "no"})
    with pytest.raises(RemoteError, match=message):
        ingest_acled_api(store, acled_client(service, AcledCredentials(token="t")))
    assert store.count_events() == 0


def test_missing_credentials_are_refused_before_any_request() -> None:
    with pytest.raises(InputError, match="credentials missing"):
        AcledClient(AcledCredentials(email="a@b.org"))


def test_deleted_ids_are_applied_after_the_ingest(service: FakeService, store: Store) -> None:
    service.routes["/api/acled/read"] = paged([acled_row(i) for i in range(3)], 5)
    service.routes["/api/deleted/read"] = paged([{"event_id_cnty": "AFG1", "deleted_timestamp": "1700000000"}], 5)
    reports = ingest_acled_api(store, acled_client(service, AcledCredentials(token="t"), page_size=5),
                               deleted_since=1690000000)
    assert [r.deleted for r in reports] == [0, 1]
    assert store.count_events() == 2


def test_ucdp_pages_follow_next_page_url_with_token_header(service: FakeService, store: Store) -> None:
    def ged(n: int) -> dict[str, Any]:
        return {"id": n, "year": 2022, "type_of_violence": 1, "side_a": "Government of Afghanistan",
                "side_b": "NRF", "country": "Afghanistan", "adm_1": "Baghlan province", "adm_2": "Andarab district",
                "date_start": "2022-06-01T00:00:00", "date_end": "2022-06-01T00:00:00", "date_prec": 1,
                "where_prec": 3, "latitude": 35.6, "longitude": 69.3, "best": 4, "low": 4, "high": 6}

    def page(q: dict[str, list[str]], h: dict[str, str], b: bytes) -> Reply:
        number = int(q.get("page", ["0"])[0])
        nxt = f"{service.base}/api/gedevents/25.1?pagesize=2&page={number + 1}" if number < 1 else ""
        return 200, {}, {"TotalCount": 4, "TotalPages": 2, "NextPageUrl": nxt,
                         "Result": [ged(2 * number + 1), ged(2 * number + 2)]}

    service.routes["/api/gedevents/25.1"] = page
    client = UcdpClient(version="25.1", token="ucdp-token", api_url=f"{service.base}/api/gedevents", page_size=2,
                        retry=NO_WAIT)
    report = ingest_ucdp_api(store, client, country="700")
    assert report.stored == 4
    assert service.requests[0][2]["Country"] == ["700"]
    assert all(r[3]["x-ucdp-access-token"] == "ucdp-token" for r in service.requests)
    assert len(service.requests) == 2


def test_ucdp_non_json_answer_is_reported(service: FakeService, store: Store) -> None:
    service.routes["/api/gedevents/25.1"] = lambda q, h, b: (200, {}, b"<html>maintenance</html>")
    client = UcdpClient(version="25.1", api_url=f"{service.base}/api/gedevents", retry=NO_WAIT)
    with pytest.raises(RemoteError, match="not JSON"):
        ingest_ucdp_api(store, client)
