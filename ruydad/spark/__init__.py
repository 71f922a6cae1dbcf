"""Ruydad on Spark: the article extraction as a Spark job, and the analysis over events on Spark.

Public surface: :func:`spark_session`, :func:`extract_corpus` (``ruydad spark extract``) and its
:class:`SparkExtractReport`, :func:`result_rows` (the same extraction without Spark),
:func:`register_events` and :func:`analysis_from_parquet`. PySpark is imported only when a function
needs it, so importing this package costs nothing where Spark is not installed.
"""

from typing import TYPE_CHECKING

from ruydad._lazy import lazy_exports

if TYPE_CHECKING:
    from ruydad.spark.extract import SparkExtractReport, extract_corpus, read_corpus, result_rows
    from ruydad.spark.session import analysis_from_parquet, register_events, spark_session

_EXPORTS = {
    "SparkExtractReport": "ruydad.spark.extract",
    "extract_corpus": "ruydad.spark.extract",
    "read_corpus": "ruydad.spark.extract",
    "result_rows": "ruydad.spark.extract",
    "analysis_from_parquet": "ruydad.spark.session",
    "register_events": "ruydad.spark.session",
    "spark_session": "ruydad.spark.session",
}
lazy_exports(__name__, _EXPORTS)

__all__ = [
    "SparkExtractReport",
    "analysis_from_parquet",
    "extract_corpus",
    "read_corpus",
    "register_events",
    "result_rows",
    "spark_session",
]
