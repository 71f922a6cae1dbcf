"""Which addresses a URL fetch may connect to: public ones only, unless the operator says otherwise.

A server that fetches any URL it is given can be made to read its own network (server-side
request forgery): ``http://127.0.0.1:5432/``, a cloud metadata address, a router's admin page.
The check has to happen where the connection is made, after DNS resolution and for every hop of a
redirect chain, or a public name that resolves to 127.0.0.1 (or redirects there) slips through.
So the HTTP client gets a network backend whose ``connect_tcp`` resolves the name itself, refuses
the connection when any resolved address is not public, and connects to the checked address (TLS
still verifies the certificate against the name).

Every refusal, and every failure to resolve or connect, reads the same (:data:`REFUSED`), so the
error text cannot be used to tell open ports from closed ones or private hosts from absent ones.

The operator allows networks with ``RUYDAD_FETCH_ALLOW`` (comma-separated addresses or CIDR blocks,
e.g. ``127.0.0.1`` for a local test server, ``10.0.0.0/8`` for an intranet news mirror).
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterable, Sequence
from typing import Any

import httpcore
import httpx

ALLOW_ENV = "RUYDAD_FETCH_ALLOW"
REFUSED = ("not fetched: the address cannot be reached or is not public (private, loopback and "
           f"link-local addresses are refused unless allowed with {ALLOW_ENV})")
"""The one text for every refused, unresolvable or unreachable address."""

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class AddressRefused(Exception):
    """A connection to a non-public (and not allowed) address, or one that could not be made."""


def allowed_networks(value: str | None = None) -> list[Network]:
    """The networks named in ``value`` (default: ``$RUYDAD_FETCH_ALLOW``); a bad entry is an error."""
    text = os.environ.get(ALLOW_ENV, "") if value is None else value
    networks: list[Network] = []
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            from ruydad.errors import InputError

            raise InputError(f"{ALLOW_ENV}: {item!r} is not an address or CIDR block "
                             "(e.g. 127.0.0.1 or 10.0.0.0/8)") from None
    return networks


def is_public(address: str) -> bool:
    """True for a globally routable unicast address (not private, loopback, link-local, reserved...)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return bool(ip.is_global) and not ip.is_multicast


def permitted(address: str, allow: Iterable[Network]) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    return is_public(address) or any(ip in network for network in allow if ip.version == network.version)


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's socket backend, resolving names itself and connecting only to permitted addresses."""

    def __init__(self, allow: Sequence[Network]) -> None:
        self.allow = list(allow)

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None, socket_options: Any = None) -> httpcore.NetworkStream:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as exc:
            raise AddressRefused(REFUSED) from exc
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        # All of them, not the first: a name may list a public and a private address.
        if not addresses or not all(permitted(a, self.allow) for a in addresses):
            raise AddressRefused(REFUSED)
        last: Exception | None = None
        for address in addresses:
            try:
                return super().connect_tcp(address, port, timeout=timeout, local_address=local_address,
                                           socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        raise AddressRefused(REFUSED) from last


class GuardedTransport(httpx.HTTPTransport):
    """An httpx transport whose connections go through :class:`GuardedBackend` (no proxies)."""

    def __init__(self, allow: Sequence[Network]) -> None:
        super().__init__()
        self._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(),
                                             network_backend=GuardedBackend(allow))
