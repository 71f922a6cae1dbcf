"""Nothing in ruydad/extract names a country or its places: a theatre is data (ruydad/theatres)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import ruydad.extract
from ruydad.errors import InputError
from ruydad.extract.actors import ActorsStep
from ruydad.extract.document import Document
from ruydad.extract.places import candidate_spans
from ruydad.theatres import THEATRES_PATH_ENV

EXTRACT = Path(ruydad.extract.__file__).resolve().parent
COUNTRY_WORDS = re.compile(r"(?i)afghan|kabul|taliban|pakistan|iran|panjshir")


def test_extract_package_names_no_country_of_the_default_theatre() -> None:
    hits = [f"{path.relative_to(EXTRACT)}:{n}: {line.strip()}"
            for path in sorted(EXTRACT.rglob("*")) if path.is_file() and path.suffix != ".pyc"
            for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
            if COUNTRY_WORDS.search(line)]
    assert hits == []


def _testland(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A theatre pack with no demonyms and no extract.yaml: none of the default theatre's words."""
    (tmp_path / "testland").mkdir()
    (tmp_path / "testland" / "theatre.yaml").write_text(
        "name: testland\ncountry: Testland\niso3: TST\niso2: TL\nnumeric: 999\n", encoding="utf-8")
    monkeypatch.setenv(THEATRES_PATH_ENV, str(tmp_path))
    return "testland"


def test_theatre_words_come_from_the_theatre_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Document(text="Fighting spread across Taliban areas and Afghan districts near Charikar city.")
    spans = {doc.text[s:e] for s, e, _k in candidate_spans(doc, "afghanistan")}
    assert not any(s.startswith(("Taliban", "Afghan")) for s in spans)
    # A theatre without these words keeps them as candidates: the words are the theatre's data, not the code's.
    generic = {doc.text[s:e] for s, e, _k in candidate_spans(doc, _testland(tmp_path, monkeypatch))}
    assert any(s.startswith("Taliban") for s in generic)


def test_an_unknown_theatre_is_an_error_not_a_silent_default() -> None:
    with pytest.raises(InputError, match="unknown theatre 'no-such-theatre'"):
        candidate_spans(Document(text="Fighting near Charikar city."), "no-such-theatre")


def test_fallback_group_names_are_read_from_the_theatre(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ruydad.extract.actors import _group_pattern

    assert _group_pattern("afghanistan").search("the Taliban said")
    assert not _group_pattern(_testland(tmp_path, monkeypatch)).search("the Taliban said")
    assert ActorsStep("afghanistan").theatre == "afghanistan"


def test_forces_of_a_state_the_registry_lacks_come_from_country_data():
    from ruydad.extract import extract

    result = extract("Nigerian soldiers killed 20 fighters in Borno state on Monday.", published="2022-08-18")
    forces = [a for a in result.actors if a.name == "Military Forces of Nigeria"]
    assert forces and forces[0].new and forces[0].category == "State forces"
    assert result.events[0].actor1 == "Military Forces of Nigeria"


def test_a_demonym_that_drops_the_final_a_names_its_country():
    from ruydad.extract.actors import _country_name

    assert _country_name("Somali") == "Somalia"
    assert _country_name("Kenyan") == "Kenya"
    assert _country_name("Front") is None
