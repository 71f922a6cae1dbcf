"""Ruydad: a sourced, geo-referenced record of armed actors and what they do.

Start with :func:`open_store`; ``store.events(actor="Taliban")`` is ``ruydad events --actor Taliban``.
"""

from ruydad.query import Filters, Period
from ruydad.store import Store, open_store

__version__ = "0.1.0"
__all__ = ["Filters", "Period", "Store", "__version__", "open_store"]
