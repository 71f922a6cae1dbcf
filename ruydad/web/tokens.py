"""API tokens: writes over HTTP need one; the store keeps only a hash.

A token is shown once, when created. Its first 8 characters after the ``rdt_`` prefix are its
public id (shown in listings and usable to revoke it); the whole token is hashed with SHA-256,
which is enough for random 256-bit secrets (no password stretching needed).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

import pyarrow as pa

from ruydad.errors import InputError
from ruydad.store import Store

PREFIX = "rdt_"


@dataclass(frozen=True)
class NewToken:
    token_id: str
    name: str
    token: str


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(store: Store, name: str) -> NewToken:
    name = name.strip()
    if not name:
        raise InputError("a token needs a name saying who or what uses it (e.g. 'field-team-laptop')")
    secret = secrets.token_urlsafe(32)
    token = f"{PREFIX}{secret}"
    token_id = secret[:8]
    with store.transaction() as con:
        con.execute("INSERT INTO api_tokens VALUES (?, ?, ?, now(), NULL, NULL)", [token_id, name, _hash(token)])
    return NewToken(token_id=token_id, name=name, token=token)


def check_token(store: Store, token: str) -> tuple[str, str] | None:
    """``(token_id, name)`` if the token is valid and not revoked, else None (reads only)."""
    if not token.startswith(PREFIX):
        return None
    digest = _hash(token)
    row = store.con.execute(
        "SELECT token_id, name, token_hash FROM api_tokens WHERE token_id = ? AND revoked_at IS NULL",
        [token[len(PREFIX):len(PREFIX) + 8]],
    ).fetchone()
    if row is None or not hmac.compare_digest(str(row[2]), digest):
        return None
    return str(row[0]), str(row[1])


def record_token_use(store: Store, token_id: str) -> None:
    """Set the token's ``last_used_at`` in a transaction of its own.

    Callers that verify tokens in parallel (the web app) must serialise these calls: on DuckDB two
    transactions updating the same row conflict, and the second fails."""
    with store.transaction() as con:
        con.execute("UPDATE api_tokens SET last_used_at = now() WHERE token_id = ?", [token_id])


def verify_token(store: Store, token: str) -> str | None:
    """The token's name if it is valid and not revoked (its use recorded), else None."""
    found = check_token(store, token)
    if found is None:
        return None
    record_token_use(store, found[0])
    return found[1]


def list_tokens(store: Store) -> pa.Table:
    return store.con.execute(
        "SELECT token_id, name, created_at, last_used_at, revoked_at FROM api_tokens ORDER BY created_at"
    ).arrow().read_all()


def revoke_token(store: Store, token_id: str) -> None:
    with store.transaction() as con:
        row = con.execute("SELECT count(*) FROM api_tokens WHERE token_id = ? AND revoked_at IS NULL",
                          [token_id]).fetchone()
        if not row or not row[0]:
            raise InputError(f"no active token with id {token_id!r} (see `ruydad token list`)")
        con.execute("UPDATE api_tokens SET revoked_at = now() WHERE token_id = ?", [token_id])
