"""A theatre's own lists are read from its folder, checked, and fall back to the generic ones.

Each test writes a small theatre folder under a temporary ``RUYDAD_THEATRES_PATH`` entry, so what is
read is exactly what the test wrote.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ruydad.analysis.targets import claim_words, target_group, target_groups
from ruydad.demo import demo_sample
from ruydad.errors import InputError
from ruydad.theatres import DEFAULT_THEATRE, THEATRES_PATH_ENV, Theatre, as_theatre, theatre_dir, theatre_name

THEATRE_YAML = "name: {name}\ncountry: Testland\niso3: TST\niso2: TS\nnumeric: 999\ndemonyms: [Testlander]\n"


@pytest.fixture
def theatres(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv(THEATRES_PATH_ENV, str(tmp_path))
    yield tmp_path


def _theatre(root: Path, name: str, **files: str) -> Theatre:
    folder = root / name
    folder.mkdir()
    (folder / "theatre.yaml").write_text(THEATRE_YAML.format(name=name), encoding="utf-8")
    for filename, text in files.items():
        (folder / filename.replace("_yaml", ".yaml")).write_text(text, encoding="utf-8")
    return as_theatre(name)


def test_a_theatre_or_its_name_stands_for_it(theatres: Path) -> None:
    t = _theatre(theatres, "plain")
    assert as_theatre(t) is t and as_theatre("plain") == t and str(t) == "plain"
    assert theatre_name(t) == theatre_name("plain") == "plain"
    assert theatre_name(None) == DEFAULT_THEATRE and as_theatre(None).name == DEFAULT_THEATRE
    assert theatre_dir(t) == theatres / "plain"
    assert t.demonyms == ("Testlander",) and t.data("targets.yaml") is None
    with pytest.raises(InputError, match="unknown theatre 'nowhere'"):
        as_theatre("nowhere")


def test_without_targets_yaml_the_generic_groups(theatres: Path) -> None:
    t = _theatre(theatres, "plain")
    assert [g.name for g in target_groups(t)] == [
        "civilians", "former_security_forces", "women", "journalists", "ethnic_or_religious"]
    assert [group for _, group in claim_words(t)] == ["journalists", "women", "former_security_forces", "civilians"]


def test_a_theatre_lists_generic_groups_by_name_and_adds_its_own(theatres: Path) -> None:
    t = _theatre(theatres, "own", targets_yaml="""
groups:
  - civilians
  - name: herders
    description: Pastoralist communities
    actor_patterns: ["%herders%", "%pastoralists%"]
claim_words:
  - {group: herders, words: "herders?|pastoralists?"}
  - {group: civilians, words: "civilians?"}
""")
    assert [g.name for g in target_groups(t)] == ["civilians", "herders"]
    herders = target_group("herders", t)
    assert (herders.description, herders.actor_patterns) == ("Pastoralist communities", ("%herders%", "%pastoralists%"))
    assert target_group("civilians", t) == target_group("civilians", _theatre(theatres, "plain"))
    assert claim_words(t) == (("herders?|pastoralists?", "herders"), ("civilians?", "civilians"))
    with pytest.raises(KeyError, match="known: civilians, herders"):
        target_group("women", t)


@pytest.mark.parametrize(("text", "message"), [
    ("groups: [militias]\n", "'militias' is not a generic target group"),
    ("groups:\n  - {name: x, patterns: ['%x%']}\n", "unknown field\\(s\\) patterns"),
    ("groups: [civilians]\nclaim_words:\n  - {group: women, words: women}\n", "claim_words names 'women'"),
    ("groups: [civilians]\nclaim_words:\n  - {group: civilians, words: 'civilians(?'}\n", "not a valid regular"),
    ("groups: [civilians]\nclaim_words:\n  - civilians\n", "needs a group and its words"),
])
def test_a_wrong_targets_yaml_says_what_and_where(theatres: Path, text: str, message: str) -> None:
    t = _theatre(theatres, "wrong", targets_yaml=text)
    with pytest.raises(InputError, match=message) as caught:
        target_groups(t)
        claim_words(t)
    assert "targets.yaml" in str(caught.value)


def test_a_theatre_without_a_sample_says_what_demo_needs(theatres: Path) -> None:
    t = _theatre(theatres, "bare")
    with pytest.raises(InputError, match=r"demo\.yaml"):
        demo_sample(t)
    assert demo_sample().events.is_file() and demo_sample().article.is_file()


@pytest.mark.parametrize("name", ["../theatres/afghanistan", "afghanistan/", ".", "..", ""])
def test_a_theatre_is_named_by_its_folder_name_alone(name: str) -> None:
    """A theatre name is looked up as one folder name in each search root, never as a path."""
    with pytest.raises(InputError, match="unknown theatre"):
        theatre_dir(name)
    assert theatre_dir("afghanistan").name == "afghanistan"
