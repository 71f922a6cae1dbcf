"""The event store: an embedded DuckDB file by default, a PostgreSQL server when given a URL.

Public surface: :class:`Store` (open it with :func:`open_store`; ``open_store("postgresql://...")``
returns a :class:`PostgresStore`, a Store with the same methods),
:func:`default_db_path`, :func:`default_db` and :func:`is_database_url`.

The backends (DuckDB, psycopg, pyarrow) load when a store is opened, not when this package is
imported: every command names a store, and ``ruydad --help`` must not wait for them.
"""

from typing import TYPE_CHECKING

from ruydad._lazy import lazy_exports
from ruydad.store.location import default_db, default_db_path, is_database_url

if TYPE_CHECKING:
    from ruydad.store.embedded import Store, StoreSummary, open_store
    from ruydad.store.postgres import PostgresStore

lazy_exports(__name__, {
    "Store": "ruydad.store.embedded",
    "StoreSummary": "ruydad.store.embedded",
    "open_store": "ruydad.store.embedded",
    "PostgresStore": "ruydad.store.postgres",
})

__all__ = [
    "PostgresStore",
    "Store",
    "StoreSummary",
    "default_db",
    "default_db_path",
    "is_database_url",
    "open_store",
]
