"""Where the store is: a DuckDB file or a PostgreSQL URL, and the default when none is named.

Kept apart from the backends so that choosing a store (every command does, ``--help`` included)
loads neither DuckDB, psycopg nor pyarrow.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

DB_ENV_VAR = "RUYDAD_DB"
URL_SCHEMES = ("postgresql://", "postgres://")
_FOLDED_SCHEME = re.compile(r"^postgres(?:ql)?:/(?!/)")


def is_database_url(location: object) -> bool:
    """True for a PostgreSQL URL, and for one that ``pathlib.Path`` has folded (``postgresql:/h/db``),
    so that it reaches :func:`normalise_url` and is refused there instead of naming a DuckDB file."""
    text = str(location)
    return text.startswith(URL_SCHEMES) or bool(_FOLDED_SCHEME.match(text))


def normalise_url(location: str | Path) -> str:
    """The URL as psycopg gets it, as given. A URL that went through ``pathlib.Path`` has lost one
    of its slashes; it is refused, not repaired: the caller is holding a URL as a path, which is the
    bug to fix (the command line keeps ``--db`` a string)."""
    text = str(location)
    if _FOLDED_SCHEME.match(text):
        from ruydad.errors import StoreError

        scheme = text.split(":", 1)[0]  # never the rest: it may hold a password
        raise StoreError(f"the store URL starts {scheme}:/ instead of {scheme}://, as pathlib.Path writes a URL: "
                         "pass the URL as a string, e.g. 'postgresql://user@host/ruydad'")
    return text


def default_db_path() -> Path:
    """``$RUYDAD_DB`` if set, else ``ruydad.duckdb`` in the user's data directory."""
    configured = os.environ.get(DB_ENV_VAR)
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("ruydad", appauthor=False)) / "ruydad.duckdb"


def default_db() -> str | Path:
    """The store to open when none is named: ``$RUYDAD_DB`` as given when it is a PostgreSQL URL
    (a ``Path`` would fold its ``//``), else :func:`default_db_path`."""
    configured = os.environ.get(DB_ENV_VAR)
    if configured and is_database_url(configured):
        return configured
    return default_db_path()
