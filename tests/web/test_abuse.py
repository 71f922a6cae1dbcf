"""The server as an attacker and a careless user would probe it (issue 16), on a real uvicorn server.

Extraction is bounded work (1), chunked bodies are limited on the stream and errors do not echo
input (3), one token used by parallel writers never answers 500 (4), and the smaller findings (8):
host names, browser headers, upload names.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from ruydad.store import Store
from ruydad.web import create_app, create_token
from ruydad.web.jobs import ExtractLimits
from tests.web.conftest import _free_port
from tests.web.slowserver import serving

LIMITS = ExtractLimits(workers=1, queue=1, deadline=6.0, anonymous_per_minute=3)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A server with tight extraction limits, a token, and a slow site on loopback it may fetch."""
    import uvicorn

    saved = os.environ.get("RUYDAD_FETCH_ALLOW")
    os.environ["RUYDAD_FETCH_ALLOW"] = "127.0.0.1"  # the worker processes inherit it
    store = Store.open(tmp_path_factory.mktemp("abuse") / "abuse.duckdb")
    token = create_token(store, "abuse-tests").token
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store, limits=LIMITS), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    with serving() as slow:
        yield {"base": f"http://127.0.0.1:{port}", "port": str(port), "token": token, "slow": slow,
               "db": store.path, "store": store}
    server.should_exit = True
    thread.join(timeout=10)
    store.close()
    if saved is None:
        os.environ.pop("RUYDAD_FETCH_ALLOW", None)
    else:
        os.environ["RUYDAD_FETCH_ALLOW"] = saved


def _auth(site: dict[str, Any]) -> dict[str, Any]:
    return {"Authorization": f"Bearer {site['token']}"}


def test_slow_url_extractions_are_refused_or_cut_and_the_dashboard_keeps_answering(site: dict[str, Any]) -> None:
    url = f"{site['slow']}/drip?interval=1&total=600"

    def extract(_: int) -> httpx.Response:
        return httpx.post(f"{site['base']}/api/extract", json={"url": url}, headers=_auth(site), timeout=120)

    with ThreadPoolExecutor(6) as pool:
        answers = list(pool.map(extract, range(6)))
        summary = httpx.get(f"{site['base']}/api/summary", timeout=10)
    assert summary.status_code == 200
    assert [a.status_code for a in answers] == [503] * 6
    assert all(int(a.headers["retry-after"]) > 0 for a in answers)
    details = [a.json()["detail"] for a in answers]
    assert sum("waiting" in d for d in details) >= 4, details
    assert any("longer than 6 s" in d for d in details), details


def test_anonymous_extraction_is_rate_limited_per_client(site: dict[str, Any]) -> None:
    body = {"text": "Taliban fighters attacked NRF positions in Panjshir on 12 May 2022."}
    answers = [httpx.post(f"{site['base']}/api/extract", json=body, timeout=120) for _ in range(4)]
    assert [a.status_code for a in answers[:3]] == [200, 200, 200], [a.text for a in answers]
    assert answers[3].status_code == 429 and int(answers[3].headers["retry-after"]) >= 1
    with_token = httpx.post(f"{site['base']}/api/extract", json=body, headers=_auth(site), timeout=120)
    assert with_token.status_code == 200
    assert any(a["name"] == "NRF" or "NRF" in json.dumps(a) for a in with_token.json()["actors"])


def _raw_chunked(site: dict[str, Any], path: str, headers: dict[str, Any], chunks: Iterator[bytes],
                 wait: float = 10.0) -> tuple[int, bytes]:
    """Send a chunked request by hand; return the status and body as soon as the server answers."""
    with socket.create_connection(("127.0.0.1", int(site["port"]))) as sock:
        head = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1", "Transfer-Encoding: chunked",
                *(f"{k}: {v}" for k, v in headers.items()), "", ""]
        sock.sendall("\r\n".join(head).encode())
        sock.settimeout(0.01)
        received = b""
        for chunk in chunks:
            try:
                sock.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            except OSError:  # the server answered and closed: stop sending
                break
            try:
                received += sock.recv(65536)
            except (TimeoutError, BlockingIOError):
                pass
            if b"\r\n\r\n" in received:
                break
        else:
            sock.sendall(b"0\r\n\r\n")
        sock.settimeout(wait)
        while b"\r\n\r\n" not in received:
            part = sock.recv(65536)
            if not part:
                break
            received += part
    head_text, _, body = received.partition(b"\r\n\r\n")
    assert head_text, "the server did not answer"
    return int(head_text.split(b" ")[1]), body


def test_an_anonymous_chunked_upload_is_refused_before_the_body_is_read(site: dict[str, Any]) -> None:
    sent = 0

    def upload() -> Iterator[bytes]:
        nonlocal sent
        yield (b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n"
               b"Content-Type: text/csv\r\n\r\n")
        for _ in range(2000):  # up to 2 GB if the server kept reading
            sent += 1
            yield b"a," * (512 * 1024)

    status, _ = _raw_chunked(site, "/api/ingest/acled", {"Content-Type": "multipart/form-data; boundary=b"}, upload())
    assert status == 401
    assert sent < 200, f"the server read {sent} MB before refusing"


def test_a_chunked_json_body_over_the_limit_is_refused_on_the_stream(site: dict[str, Any]) -> None:
    def body() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(300):  # 300 MB if the server kept reading
            yield b"ECHO" * (256 * 1024)

    status, text = _raw_chunked(site, "/api/extract", {"Content-Type": "application/json"}, body())
    assert status == 413
    assert b"ECHO" not in text


def test_validation_errors_do_not_echo_the_input(site: dict[str, Any]) -> None:
    answer = httpx.post(f"{site['base']}/api/extract", json={"text": "x", "title": "ECHO" * 500}, timeout=30)
    assert answer.status_code == 422
    assert "ECHO" not in answer.text
    assert answer.json()["detail"][0]["loc"] == ["body", "title"]


def test_one_token_used_by_eight_parallel_writers_never_answers_500(site: dict[str, Any], tmp_path: Path,
                                                                   acled_file: object) -> None:
    files = [acled_file(5) for _ in range(8)]  # type: ignore[operator]

    def write(index: int) -> list[int]:
        codes = []
        for _ in range(4):
            with files[index].open("rb") as handle:
                answer = httpx.post(f"{site['base']}/api/ingest/acled", headers=_auth(site), timeout=120,
                                    files={"file": (files[index].name, handle, "text/csv")})
            codes.append(answer.status_code)
        return codes

    with ThreadPoolExecutor(8) as pool:
        codes = [c for per_client in pool.map(write, range(8)) for c in per_client]
    assert codes == [200] * 32, codes
    # the use is recorded (in the background, at most every few seconds per token)
    deadline = time.monotonic() + 30
    last_used = None
    while last_used is None and time.monotonic() < deadline:
        row = site["store"].con.cursor().execute("SELECT max(last_used_at) FROM api_tokens").fetchone()
        last_used = row[0] if row else None
        time.sleep(0.2)
    assert last_used is not None


def test_unknown_host_names_are_refused(site: dict[str, Any]) -> None:
    rebound = httpx.get(f"{site['base']}/api/summary", headers={"Host": "attacker.example"}, timeout=10)
    assert rebound.status_code == 400
    assert httpx.get(f"{site['base']}/api/summary", headers={"Host": "localhost"}, timeout=10).status_code == 200


def test_the_dashboard_sends_csp_and_frame_headers(site: dict[str, Any]) -> None:
    page = httpx.get(f"{site['base']}/", timeout=10)
    assert page.status_code == 200
    assert page.headers["x-frame-options"] == "DENY"
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "script-src 'self'" in csp


@pytest.mark.parametrize("name", [".", "..", "a" * 300 + ".csv", "../../etc/passwd/.."])
def test_unusable_upload_names_get_a_reason_not_500(site: dict[str, Any], name: str) -> None:
    answer = httpx.post(f"{site['base']}/api/ingest/acled", headers=_auth(site), timeout=30,
                        files={"file": (name, b"event_id_cnty\n", "text/csv")})
    assert answer.status_code == 422
    assert "file name" in answer.json()["detail"]
