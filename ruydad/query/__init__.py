"""One query model for every face: what a question asks, and what it was read as.

``Filters`` says which events (in the analyst's words); ``QueryContext.resolve`` reads it against what
a store holds and returns a ``Query``: one SQL condition used by the store's pages, every analysis,
``check``, the brief, the HTTP API and the dashboard, plus a statement of what each term matched.
Nothing here imports an engine: the condition is SQL text built with sqlglot for the engine at hand.
"""

from ruydad.query.actors import (
    AMBIGUOUS,
    MATCHED,
    NO_EVENTS,
    UNKNOWN,
    ActorIndex,
    ActorTerm,
    NameMatch,
    NameReading,
    read_name,
)
from ruydad.query.catalog import Catalog, Coverage, StoredName, ibis_runner, sql_runner
from ruydad.query.filters import (
    ACTOR_COLUMNS,
    NON_STATE_CATEGORIES,
    Filters,
    Period,
    filters_from_options,
    names_of,
    parse_day,
)
from ruydad.query.places import PlaceMatch, canonical_names, match_place
from ruydad.query.resolve import KNOWN_DATASETS, Query, QueryContext

__all__ = [
    "ACTOR_COLUMNS",
    "AMBIGUOUS",
    "KNOWN_DATASETS",
    "MATCHED",
    "NON_STATE_CATEGORIES",
    "NO_EVENTS",
    "UNKNOWN",
    "ActorIndex",
    "ActorTerm",
    "Catalog",
    "Coverage",
    "Filters",
    "NameMatch",
    "NameReading",
    "Period",
    "PlaceMatch",
    "Query",
    "QueryContext",
    "StoredName",
    "canonical_names",
    "filters_from_options",
    "ibis_runner",
    "match_place",
    "names_of",
    "parse_day",
    "read_name",
    "sql_runner",
]
