"""A Spark session for Ruydad's jobs, and the analysis over an events table on Spark.

Spark is optional: ``pip install pyspark`` and a Java 17 runtime. A local session
(``local[N]``) is the cluster-less way to use every core of one machine; give ``--master`` a
cluster URL (``spark://host:7077``, ``yarn``) to run the same job on a cluster.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Any

from ruydad.errors import RuydadError


def spark_session(master: str = "local[*]", app_name: str = "ruydad", **config: str) -> Any:
    """Get or create a Spark session; a clear error when PySpark or Java is missing.

    The defaults suit one machine: no web UI, few shuffle partitions (Ruydad's tables are small
    next to what Spark's default of 200 is tuned for), and Arrow batches for Python UDFs.
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise RuydadError("Spark support needs PySpark: pip install pyspark (and a Java 17 runtime)") from exc
    if not os.environ.get("JAVA_HOME") and shutil.which("java") is None:
        raise RuydadError("Spark needs a Java runtime (Debian: apt-get install openjdk-17-jre-headless)")
    # Python workers must run this interpreter (its virtual environment has Ruydad); on a cluster,
    # pass spark.pyspark.python pointing at the executors' environment instead.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.master(master).appName(app_name)
    settings = {
        "spark.ui.enabled": "false",
        "spark.sql.shuffle.partitions": "8",
        "spark.sql.execution.arrow.pyspark.enabled": "true",
        "spark.sql.session.timeZone": "UTC",
        "spark.driver.memory": "2g",
        "spark.pyspark.python": os.environ["PYSPARK_PYTHON"],
        **config,
    }
    for key, value in settings.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def register_events(spark: Any, path: str | Path, table: str = "events") -> Any:
    """Register a Parquet events table (a store export, or ``spark extract``'s ``events``) as a view."""
    frame = spark.read.parquet(str(path))
    frame.createOrReplaceTempView(table)
    return frame


def analysis_from_parquet(spark: Any, path: str | Path, table: str = "events", **kwargs: Any) -> Any:
    """``Analysis`` over Parquet events on Spark, through Ibis's PySpark backend: the same code as on
    the embedded store, executed by Spark."""
    import ibis

    from ruydad.analysis import Analysis

    register_events(spark, path, table)
    return Analysis.from_backend(ibis.pyspark.connect(spark), table=table, **kwargs)
