"""The web face: HTTP API (FastAPI) and the offline dashboard, over the same Python API.

Public surface: :func:`create_app` (an app over an open store) and the token functions.
``ruydad serve`` runs it with uvicorn.
"""

from ruydad.web.app import create_app
from ruydad.web.tokens import create_token, list_tokens, revoke_token, verify_token

__all__ = ["create_app", "create_token", "list_tokens", "revoke_token", "verify_token"]
