"""The event store: an embedded DuckDB file by default, a PostgreSQL server when given a URL.

Public surface: :class:`Store` (open it with :func:`open_store`; ``open_store("postgresql://...")``
returns a :class:`PostgresStore`, a Store with the same methods),
:func:`default_db_path`, :func:`default_db` and :func:`is_database_url`.
"""

from ruydad.store.embedded import Store, StoreSummary, default_db, default_db_path, open_store
from ruydad.store.postgres import PostgresStore, is_database_url

__all__ = [
    "PostgresStore",
    "Store",
    "StoreSummary",
    "default_db",
    "default_db_path",
    "is_database_url",
    "open_store",
]
