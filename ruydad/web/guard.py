"""What stands between the app and a hostile network: host names, browser headers, error bodies.

- **Trusted hosts**: a page on ``evil.example`` whose name is re-pointed at 127.0.0.1 (DNS rebinding)
  would otherwise reach a server bound to loopback as if it were the same origin. Requests whose
  ``Host`` is not a name the operator expects are refused (400). Loopback names are trusted by
  default; ``RUYDAD_ALLOWED_HOSTS`` (comma-separated, ``*.example.org`` allowed) adds more, e.g. the
  team server's name.
- **Browser headers**: a Content-Security-Policy that lets the dashboard load only its own scripts
  and data, ``X-Frame-Options: DENY`` (no clickjacking through a frame), ``nosniff`` and no referrer.
  The API docs pages (``/docs``, ``/redoc``) load FastAPI's Swagger/ReDoc bundles from a CDN, so
  they get the frame and sniffing headers but no CSP.
- **Error bodies never echo input**: FastAPI's validation errors carry the offending value
  (``input``); a 300 MB body would come straight back. Here each error keeps only where it was
  (``loc``), what was wrong (``msg``, ``type``) and numeric limits.

Request bodies are limited on the stream, chunked or not, by FastAPI's ``max_body_size`` (set in
:func:`ruydad.web.app.create_app`), so no middleware here counts bytes.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

ALLOWED_HOSTS_ENV = "RUYDAD_ALLOWED_HOSTS"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
TEST_CLIENT_HOST = "testserver"
"""The host name Starlette's test client sends; a name no DNS answers for, so trusting it is harmless."""

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
"""Inline styles stay allowed: the dashboard and the brief set colours per element (legends, bars)."""
DOC_PATHS = ("/docs", "/redoc")


def allowed_hosts(extra: Sequence[str] | None = None) -> list[str]:
    """Loopback names, Starlette's test host, ``$RUYDAD_ALLOWED_HOSTS`` and ``extra``."""
    configured = [h.strip() for h in os.environ.get(ALLOWED_HOSTS_ENV, "").split(",") if h.strip()]
    return list(dict.fromkeys([*LOOPBACK_HOSTS, TEST_CLIENT_HOST, *configured, *(extra or [])]))


class SecurityHeaders:
    """Adds the browser security headers to every HTTP response (pure ASGI: streams stay streams)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = str(scope.get("path", "")).startswith(DOC_PATHS)

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"x-frame-options", b"DENY"), (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer")]
                if not docs:
                    headers.append((b"content-security-policy", CSP.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


def _plain_error(error: dict[str, Any]) -> dict[str, Any]:
    kept: dict[str, Any] = {k: error[k] for k in ("type", "loc", "msg") if k in error}
    limits = {k: v for k, v in (error.get("ctx") or {}).items() if isinstance(v, int | float)}
    if limits:
        kept["ctx"] = limits
    return kept


async def validation_error(request: Request, exc: Exception) -> JSONResponse:
    """422 naming each wrong field and why, without the submitted value."""
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    return JSONResponse({"detail": [_plain_error(dict(e)) for e in errors]}, status_code=422)


def install(app: FastAPI, hosts: Sequence[str] | None = None) -> None:
    """Trusted hosts, security headers and input-free validation errors on ``app``."""
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts(hosts))
