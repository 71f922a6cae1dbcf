"""`check` on claim sentences: what it understood, and "cannot check" instead of a verdict it has not earned.

Each failure seen before issue 11 is pinned here (its old wrong reading in the test's docstring), on the
fixture store of the phrasebook: an ACLED-format export with real ACLED actor names plus the UCDP sample.
"""

from __future__ import annotations

import importlib.util
import shlex
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ruydad.analysis import Analysis
from ruydad.analysis.claim_parse import read_claims
from ruydad.analysis.claims import CANNOT_CHECK, CONTRADICTED, SUPPORTED, check_text, parse_claim
from ruydad.query import Filters

ROOT = Path(__file__).resolve().parents[2]
RUNNER = ROOT / "tests" / "data" / "claims" / "phrasebook_runner.py"
_spec = importlib.util.spec_from_file_location("phrasebook_runner", RUNNER)
assert _spec is not None and _spec.loader is not None
runner: Any = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(runner)

NRF_SENTENCE = ("The NRF has ramped up its attacks, with up to 300 clashes with Taliban forces in the first six "
                "months of this year")
ACLED = Filters(dataset="acled")


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("check") / "claims.duckdb"
    runner.build_store(path).close()
    yield path


@pytest.fixture(scope="module")
def analysis(store_path: Path) -> Iterator[Analysis]:
    from ruydad.store import Store

    store = Store.open(store_path, read_only=True)
    yield Analysis.from_store(store)
    store.close()


def test_nrf_sentence_reads_the_registry_actor_not_leftover_words(analysis: Analysis) -> None:
    """Before: actor "NRF has ramped Taliban forces first six months this year", verdict contradicted."""
    (reading,) = read_claims(NRF_SENTENCE, published="2022-08-30")
    assert (reading.actor and reading.actor.registry_id, reading.opponent and reading.opponent.registry_id) == (
        "nrf", "taliban")
    assert (reading.value, reading.qualifier, reading.event_type, str(reading.period)) == (
        300, "up to", "Battles", "2022-01-01..2022-06-30")
    v = check_text(analysis, NRF_SENTENCE, published="2022-08-30", base=ACLED)
    assert v.verdict == SUPPORTED and v.figure == 280
    assert v.understood == ("Battles involving NRF with Taliban (Taliban forces), 2022-01-01..2022-06-30, ACLED, "
                            "up to 300")
    assert v.as_dict()["understood"] == v.understood


def test_nrf_sentence_without_a_dataset_is_not_summed_over_two(analysis: Analysis) -> None:
    v = check_text(analysis, NRF_SENTENCE, published="2022-08-30")
    assert v.verdict == CANNOT_CHECK
    assert "datasets disagree" in v.reason and "acled: supported" in v.reason and "ucdp: contradicted" in v.reason
    assert "ACLED and UCDP, each on its own" in v.understood


def test_relative_period_without_publication_date_cannot_be_checked(analysis: Analysis) -> None:
    v = check_text(analysis, NRF_SENTENCE, base=ACLED)
    assert v.verdict == CANNOT_CHECK and "--published" in v.reason
    assert "no period" in v.understood


def test_iskp_explosions_reads_iskp(analysis: Analysis) -> None:
    """Before: actor "ISKP carried out explosions", verdict contradicted."""
    (reading,) = read_claims("ISKP carried out 20 explosions in 2022", published="2022-08-30")
    assert reading.actor is not None and (reading.actor.registry_id, reading.actor.mention) == ("iskp", "ISKP")
    assert reading.event_type == "Explosions/Remote violence" and str(reading.period) == "2022-01-01..2022-08-30"
    v = check_text(analysis, "ISKP carried out 20 explosions in 2022", published="2022-08-30", base=ACLED)
    assert v.verdict == SUPPORTED and v.figure == 20
    # the whole of 2022 runs past the end of the data: not a verdict on part of a year
    whole_year = check_text(analysis, "ISKP carried out 20 explosions in 2022", base=ACLED)
    assert whole_year.verdict == CANNOT_CHECK and "runs outside what acled covers" in whole_year.reason


@pytest.mark.parametrize("text", [
    "The NRF fought up to 300 clashes in the first half of 2022",
    "Half of the 280 NRF battles in the first half of 2022 took place in Baghlan.",
])
def test_half_is_a_period_or_a_share_never_a_rate_ratio(text: str) -> None:
    """Before: anything with "half" failed with "a rate ratio needs two periods"."""
    readings = read_claims(text)
    assert all(r.form != "ratio" for r in readings)
    assert any(str(r.period) == "2022-01-01..2022-06-30" for r in readings)
    parse_claim(text)  # no InputError


def test_half_of_them_targeting_hazara(analysis: Analysis) -> None:
    text = "ISIS carried out 20 attacks this year, half of them targeting Hazara and Shia."
    count, share = read_claims(text, published="2022-08-30")
    assert (count.form, count.value, count.actor and count.actor.registry_id) == ("count", 20, "iskp")
    assert (share.form, share.value, share.target, share.share_of) == ("share", 0.5, "hazara_or_shia", "target")
    assert share.base_count == count
    v = check_text(analysis, text, published="2022-08-30", base=ACLED)
    assert v.verdict == SUPPORTED
    assert [p["figure"] for p in v.details["parts"]] == [20, 0.5]


@pytest.mark.parametrize(("text", "reason"), [
    ("Locals reported 30 clashes in Kabul in the first half of 2022, officials said.", None),
    ("The Free Mountain Brigade carried out 30 attacks in Panjshir in the first half of 2022.",
     "not in the actor registry"),
    ("Jamaat Ansarullah carried out 12 attacks in Badakhshan in the first half of 2022.",
     "none of its names is in the store"),
    ("The NRF fought over 100 battles with the Taliban in 2023.", "runs outside what acled covers"),
    ("The security force detained 11 suspected insurgents in Kandahar in the first half of 2022.",
     "counts people"),
    ("About half of the 20 attacks attributed to the jihadis this year were aimed at Hazaras.",
     "which the actor registry does not know"),
])
def test_what_is_not_understood_or_matches_nothing_cannot_be_checked(analysis: Analysis, text: str,
                                                                      reason: str | None) -> None:
    v = check_text(analysis, text, published="2022-08-30", base=ACLED)
    if reason is None:  # words the registry does not know are never taken for an actor
        readings = read_claims(text, published="2022-08-30")
        assert all(r.actor is None for r in readings)
        assert v.verdict in (SUPPORTED, CONTRADICTED, CANNOT_CHECK)
        assert "involving" not in v.understood
        return
    assert v.verdict == CANNOT_CHECK, v.reason
    assert reason in v.reason
    assert v.understood


def test_a_claim_contradicted_by_the_data_says_so(analysis: Analysis) -> None:
    v = check_text(analysis, "The NRF fought more than 500 battles with the Taliban in the first half of 2022.",
                   base=ACLED)
    assert v.verdict == CONTRADICTED and v.figure == 280 and "outside the claimed range > 500" in v.reason


def _readme_check_commands() -> list[list[str]]:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    commands = [line.split("  #")[0].strip() for line in lines if line.startswith("ruydad check")]
    return [shlex.split(c)[1:] for c in commands]


@pytest.mark.parametrize("args", _readme_check_commands(), ids=lambda a: " ".join(a)[:60])
def test_readme_check_examples_run_and_say_what_they_understood(store_path: Path, args: list[str]) -> None:
    from typer.testing import CliRunner

    from ruydad.cli import app

    result = CliRunner().invoke(app, [*args, "--db", str(store_path)])
    assert result.exit_code == 0, result.output
    first = result.output.split()[0]
    assert first in ("SUPPORTED", "CONTRADICTED", "CANNOT")
    assert "understood as:" in result.output


def test_readme_examples_include_a_sentence_with_its_publication_date() -> None:
    assert any("--published" in args for args in _readme_check_commands())


def test_check_json_carries_the_reading(store_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from ruydad.cli import app

    result = CliRunner().invoke(app, ["check", NRF_SENTENCE, "--published", "2022-08-30", "--dataset", "acled",
                                      "--db", str(store_path), "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["verdict"] == SUPPORTED and data["understood"].startswith("Battles involving NRF")
    assert data["reading"]["actor"]["registry_id"] == "nrf" and data["reading"]["problems"] == []


def test_http_check_route(store_path: Path) -> None:
    from fastapi.testclient import TestClient

    from ruydad.store import Store
    from ruydad.web import create_app

    with Store.open(store_path, read_only=True) as store:
        client = TestClient(create_app(store))
        response = client.get("/api/check", params={"claim": NRF_SENTENCE, "published": "2022-08-30",
                                                    "dataset": "acled"})
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["verdict"] == SUPPORTED and body["figure"] == 280
        assert body["understood"].endswith("ACLED, up to 300")
        unknown = client.get("/api/check", params={"claim": "The Free Mountain Brigade carried out 30 attacks "
                                                            "in 2022.", "dataset": "acled"}).json()
        assert unknown["verdict"] == CANNOT_CHECK and "not in the actor registry" in unknown["reason"]
