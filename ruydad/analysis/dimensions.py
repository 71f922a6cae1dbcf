"""What figures can be grouped by: the names ``Analysis.counts(by=...)`` and ``ruydad stats --by`` take.

Kept apart from :mod:`ruydad.analysis.core` so the command line can list them in its help without
loading the analysis engine.
"""

from __future__ import annotations

TIME_DIMENSIONS: tuple[str, ...] = ("day", "week", "month", "quarter", "year")
ACTOR_DIMENSIONS: tuple[str, ...] = ("actor", "actor_category")
COLUMN_DIMENSIONS: tuple[str, ...] = (
    "event_type", "sub_event_type", "disorder_type", "admin1", "admin2", "admin1_code", "admin1_pcode",
    "admin2_pcode", "country", "dataset", "actor1", "actor2", "inter1", "inter2", "interaction", "location",
)
DIMENSIONS: tuple[str, ...] = ACTOR_DIMENSIONS + TIME_DIMENSIONS + COLUMN_DIMENSIONS
