"""The pipeline is built for a theatre, and a missing component is an error, never a quieter step."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ruydad.errors import InputError, RuydadError
from ruydad.extract import Pipeline, extract, from_text
from ruydad.extract.actors import ActorsStep
from ruydad.extract.pipeline import REQUIREMENTS, STEP_ORDER
from ruydad.theatres import DEFAULT_THEATRE, THEATRES_PATH_ENV

TEXT = "Fighters of the National Resistance Front attacked a checkpoint in Panjshir on 12 May 2022."


def test_a_missing_library_stops_the_pipeline_saying_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sklearn", None)  # as if scikit-learn were not installed
    with pytest.raises(RuydadError, match=r"scikit-learn \(for the events step\).*pip install scikit-learn"):
        Pipeline()


def test_every_library_the_steps_need_is_installed() -> None:
    assert set(REQUIREMENTS) <= set(STEP_ORDER)
    Pipeline()  # the checks pass where Ruydad is installed with its dependencies


def test_the_actors_step_fails_without_the_actor_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = extract(from_text(TEXT)).document
    monkeypatch.setitem(sys.modules, "ruydad.actors", None)  # as if the actors package were broken
    with pytest.raises(ImportError, match=r"ruydad\.actors"):
        ActorsStep()(doc)


def test_finding_actors_without_the_registry_is_a_choice_of_its_own() -> None:
    doc = extract(from_text(TEXT)).document
    found = ActorsStep(registry=False)(doc).actors
    assert any(a.name.endswith("National Resistance Front") for a in found)
    assert all(a.registry_id is None and a.new for a in found)  # group words only: no registry actor
    assert extract(from_text(TEXT)).actors[0].registry_id is not None  # the default step reads the registry


def test_the_steps_are_built_for_the_pipelines_theatre(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "testland").mkdir()
    (tmp_path / "testland" / "theatre.yaml").write_text(
        "name: testland\ncountry: Testland\niso3: TST\niso2: TL\nnumeric: 999\n", encoding="utf-8")
    monkeypatch.setenv(THEATRES_PATH_ENV, str(tmp_path))
    pipeline = Pipeline(theatre="testland")
    assert pipeline.theatre.country == "Testland"
    assert [getattr(pipeline.get(s), "theatre", None) for s in ("actors", "places")] == ["testland", "testland"]
    assert Pipeline().theatre.name == DEFAULT_THEATRE
    with pytest.raises(InputError, match="unknown theatre 'nowhere'"):
        Pipeline(theatre="nowhere")
    with pytest.raises(ValueError, match="built for theatre 'testland'"):
        extract(TEXT, theatre=DEFAULT_THEATRE, pipeline=pipeline)


def test_findings_are_frozen() -> None:
    import dataclasses

    found = extract(TEXT)
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.error = "changed"  # type: ignore[misc]
