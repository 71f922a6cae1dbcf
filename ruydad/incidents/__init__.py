"""Incidents: the reports of one event in several articles merged, and held against the datasets.

Public surface:

- :func:`build_incidents` cluster every article event into incidents (rule: :mod:`ruydad.incidents.match`);
- :func:`list_incidents`, :func:`get_incident` (each report with its outlet, figures and why it joined),
  :func:`incident_counts` incidents, not reports, counted by province, district, type, month or year;
- :func:`split_incident`, :func:`merge_incidents` the analyst's decisions, kept across re-runs;
- :func:`reconcile` news incidents against a dataset's events: in both, only news, only dataset;
- :func:`news_claims` claims quoted in the news, the same claim from several articles grouped.
"""

from ruydad.incidents.build import (
    BuildReport,
    build_incidents,
    count_incidents,
    decision_list,
    get_incident,
    incident_counts,
    list_incidents,
    merge_incidents,
    split_incident,
)
from ruydad.incidents.claims import news_claims
from ruydad.incidents.match import Match, Report, cluster, compare, wounded_in
from ruydad.incidents.reconcile import Reconciliation, reconcile

__all__ = [
    "BuildReport",
    "Match",
    "Reconciliation",
    "Report",
    "build_incidents",
    "cluster",
    "compare",
    "count_incidents",
    "decision_list",
    "get_incident",
    "incident_counts",
    "list_incidents",
    "merge_incidents",
    "news_claims",
    "reconcile",
    "split_incident",
    "wounded_in",
]
