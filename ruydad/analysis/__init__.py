"""Analysis of the event store: one Python API for the CLI, the HTTP API and the dashboard.

Start with ``Analysis.from_store(store)``; every method returns figures with ``.events()``::

    a = Analysis.from_store(store)
    a.count(actor="NRF", event_type="Battles", date_from=date(2022, 1, 1), date_to=date(2022, 6, 30))
    a.counts(by="admin1", actor="NRF", event_type="Battles")
    a.compare("2021-08-15..2021-12-31", "2022H1", a.infighting_filter())

The analysis is written once in Ibis (no engine named); see :mod:`ruydad.analysis.core`.
"""

from typing import TYPE_CHECKING

from ruydad._lazy import lazy_exports

if TYPE_CHECKING:
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
    from ruydad.analysis.targets import TARGET_GROUPS, TargetGroup, target_groups
    from ruydad.query import NON_STATE_CATEGORIES, Filters, Period

_EXPORTS = {
    "DIMENSIONS": "ruydad.analysis.core",
    "Analysis": "ruydad.analysis.core",
    "PeriodComparison": "ruydad.analysis.core",
    "name_family": "ruydad.analysis.families",
    "Count": "ruydad.analysis.results",
    "Figures": "ruydad.analysis.results",
    "TREND_BANDS": "ruydad.analysis.statistics",
    "RateRatio": "ruydad.analysis.statistics",
    "negbin_p_value": "ruydad.analysis.statistics",
    "rate_ratio": "ruydad.analysis.statistics",
    "surge_p_value": "ruydad.analysis.statistics",
    "trend_band": "ruydad.analysis.statistics",
    "wilson_interval": "ruydad.analysis.statistics",
    "TARGET_GROUPS": "ruydad.analysis.targets",
    "TargetGroup": "ruydad.analysis.targets",
    "target_groups": "ruydad.analysis.targets",
    "NON_STATE_CATEGORIES": "ruydad.query",
    "Filters": "ruydad.query",
    "Period": "ruydad.query",
}
lazy_exports(__name__, _EXPORTS)

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
    "target_groups",
    "trend_band",
    "wilson_interval",
]
