"""Ruydad: a sourced, geo-referenced record of armed actors and what they do.

Start with :func:`open_store`; ``store.events(event_type="Battles")`` is ``ruydad events --event-type Battles``.
"""

from typing import TYPE_CHECKING

from ruydad._lazy import lazy_exports

if TYPE_CHECKING:
    from ruydad.query import Filters, Period
    from ruydad.store import Store, open_store

_EXPORTS = {
    "Filters": "ruydad.query",
    "Period": "ruydad.query",
    "Store": "ruydad.store",
    "open_store": "ruydad.store",
}
lazy_exports(__name__, _EXPORTS)

__version__ = "0.1.0"
__all__ = ["Filters", "Period", "Store", "__version__", "open_store"]
