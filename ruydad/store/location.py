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
_BROKEN_SCHEME = re.compile(r"^(postgres(?:ql)?):/(?!/)")


def is_database_url(location: object) -> bool:
    """True for a PostgreSQL URL, also after ``pathlib.Path`` has folded its ``//`` into ``/``."""
    text = str(location)
    return text.startswith(URL_SCHEMES) or bool(_BROKEN_SCHEME.match(text))


def normalise_url(location: str | Path) -> str:
    """The URL as psycopg wants it: ``Path("postgresql://h/db")`` prints as ``postgresql:/h/db``."""
    return _BROKEN_SCHEME.sub(r"\1://", str(location), count=1)


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
