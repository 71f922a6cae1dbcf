"""The event store: an embedded DuckDB file by default.

Public surface: :class:`Store` (open it with :func:`open_store`), :class:`EventFilter`, and
:func:`default_db_path`.
"""

from ruydad.store.embedded import EventFilter, Store, StoreSummary, default_db_path, open_store

__all__ = ["EventFilter", "Store", "StoreSummary", "default_db_path", "open_store"]
