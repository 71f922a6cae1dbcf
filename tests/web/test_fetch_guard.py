"""URL fetching as an attacker would use it: private addresses, redirects there, slow servers.

Findings 1 (the whole fetch has a deadline, in the CLI too) and 2 (server-side request forgery)
of issue 16, against real servers on loopback.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import pytest

from ruydad.errors import InputError
from ruydad.extract.load import fetch_url
from ruydad.extract.netguard import ALLOW_ENV, REFUSED, is_public
from tests.web.slowserver import serving


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_loopback_is_refused_with_one_text_whether_the_port_is_open_or_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ALLOW_ENV, raising=False)
    with serving() as base, pytest.raises(InputError) as open_port:
        fetch_url(f"{base}/article")
    with pytest.raises(InputError) as closed_port:
        fetch_url(f"http://127.0.0.1:{_closed_port()}/article")
    assert REFUSED in str(open_port.value) and REFUSED in str(closed_port.value)
    assert str(open_port.value).split(": ", 1)[1] == str(closed_port.value).split(": ", 1)[1]


@pytest.mark.parametrize("url", ["http://localhost:9/", "http://[::1]:9/", "http://169.254.169.254/latest/",
                                 "http://10.0.0.1/", "http://0.0.0.0:9/", "http://[::ffff:127.0.0.1]:9/"])
def test_private_loopback_and_link_local_names_are_refused(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ALLOW_ENV, raising=False)
    with pytest.raises(InputError, match="not public"):
        fetch_url(url, deadline=5)


def test_a_redirect_to_a_refused_address_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """The operator allows 127.0.0.2 only; it redirects to 127.0.0.1, which stays refused."""
    monkeypatch.setenv(ALLOW_ENV, "127.0.0.2")
    with serving("127.0.0.1") as target, serving("127.0.0.2") as redirector:
        body, _ = fetch_url(f"{redirector}/article")
        assert b"Panjshir" in body
        with pytest.raises(InputError, match="not public"):
            fetch_url(f"{redirector}/redirect?to={target}/article")


def test_the_operator_can_allow_a_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ALLOW_ENV, "127.0.0.0/8")
    with serving() as base:
        body, content_type = fetch_url(f"{base}/article")
    assert b"Panjshir" in body and "html" in content_type


def test_public_addresses_are_public() -> None:
    assert is_public("93.184.216.34") and is_public("2606:4700::1111")
    assert not any(is_public(a) for a in ("127.0.0.1", "10.1.2.3", "192.168.0.1", "172.16.0.1", "169.254.1.1",
                                          "::1", "fe80::1", "fc00::1", "0.0.0.0", "224.0.0.1", "100.64.0.1"))


def test_a_server_sending_a_byte_a_second_is_cut_at_the_whole_fetch_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ALLOW_ENV, "127.0.0.1")
    with serving() as base:
        started = time.monotonic()
        with pytest.raises(InputError, match="not fetched"):
            fetch_url(f"{base}/drip?interval=0.5&total=100", deadline=2)
        took = time.monotonic() - started
    assert took < 5, f"the fetch went on for {took:.1f} s past a 2 s deadline"


def test_cli_extract_of_a_slow_url_ends_with_an_error(tmp_path: object) -> None:
    """`ruydad extract URL` against a server that never finishes: a one-line error, not a hang."""
    with serving() as base:
        env = {**os.environ, "RUYDAD_FETCH_ALLOW": "127.0.0.1", "RUYDAD_FETCH_DEADLINE": "3"}
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-c", "from ruydad.cli import main; main()", "extract",
                               f"{base}/drip?interval=1&total=600"],
                              capture_output=True, text=True, env=env, timeout=120)
        took = time.monotonic() - started
    assert done.returncode != 0
    assert "not fetched" in done.stderr + done.stdout
    assert "Traceback" not in done.stderr
    assert took < 60
