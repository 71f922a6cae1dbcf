"""Analysis of the event store: one Python API for the CLI, the HTTP API and the dashboard.

Start with ``Analysis.from_store(store)``; every method returns figures with ``.events()``::

    a = Analysis.from_store(store)
    a.count(actor="NRF", event_type="Battles", date_from=date(2022, 1, 1), date_to=date(2022, 6, 30))
    a.counts(by="admin1", actor="NRF", event_type="Battles")
    a.compare("2021-08-15..2021-12-31", "2022H1", a.infighting_filter())

The analysis is written once in Ibis (no engine named); see :mod:`ruydad.analysis.core`.
"""

from ruydad.analysis.core import DIMENSIONS, Analysis, PeriodComparison
from ruydad.analysis.families import name_family
from ruydad.analysis.results import Count, Figures
from ruydad.analysis.statistics import (
    TREND_BANDS,
    RateRatio,
    negbin_p_value,
    rate_ratio,
    surge_p_value,
    trend_band,
    wilson_interval,
)
from ruydad.analysis.targets import TARGET_GROUPS, TargetGroup
from ruydad.query import NON_STATE_CATEGORIES, Filters, Period

__all__ = [
    "DIMENSIONS",
    "NON_STATE_CATEGORIES",
    "TARGET_GROUPS",
    "TREND_BANDS",
    "Analysis",
    "Count",
    "Figures",
    "Filters",
    "Period",
    "PeriodComparison",
    "RateRatio",
    "TargetGroup",
    "name_family",
    "negbin_p_value",
    "rate_ratio",
    "surge_p_value",
    "trend_band",
    "wilson_interval",
]
