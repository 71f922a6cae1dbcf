"""Places in running text of a theatre other than the default, and theatre packs without a gazetteer.

The sentences are my own, in the style of wire reports from the second theatre
(``tests/data/theatres/borno_yobe/``: Borno and Yobe, ten LGAs, one town in ``places.csv``).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from ruydad.errors import InputError
from ruydad.extract import extract
from ruydad.theatres import THEATRES_PATH_ENV, Theatre, as_theatre

DATA = Path(__file__).resolve().parents[1] / "data" / "theatres"


@pytest.fixture(scope="module")
def theatres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The shipped test theatre plus two copies of it: one without geo/, one with a broken units.csv."""
    root = tmp_path_factory.mktemp("theatres")
    shutil.copytree(DATA / "borno_yobe", root / "borno_yobe")
    bare = root / "borno_yobe_nogeo"
    shutil.copytree(DATA / "borno_yobe", bare)
    shutil.rmtree(bare / "geo")
    broken = root / "borno_yobe_badgeo"
    shutil.copytree(DATA / "borno_yobe", broken)
    units = broken / "geo" / "units.csv"
    units.write_text(units.read_text(encoding="utf-8").replace("level,", "lvl,", 1), encoding="utf-8")
    for folder in (bare, broken):
        yaml = folder / "theatre.yaml"
        yaml.write_text(yaml.read_text(encoding="utf-8").replace("name: borno_yobe", f"name: {folder.name}"),
                        encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(THEATRES_PATH_ENV, str(root))
        mp.setenv("RUYDAD_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield root


def _places(text: str, theatre: Theatre | str) -> list[tuple[str | None, str | None]]:
    return [(e.admin1_code, e.admin2) for e in extract(text, theatre=theatre).events]


@pytest.mark.parametrize(("text", "expected"), [
    ("Gunmen attacked a village in Gwoza on Monday, killing five people, officials said.", ("NG-BO", "Gwoza")),
    ("Insurgents killed three soldiers in Konduga LGA on Tuesday.", ("NG-BO", "Konduga")),
    ("A suicide bomber killed four people in Damaturu, the Yobe state capital, on Friday.", ("NG-YO", "Damaturu")),
    ("Fighters raided a military base near Geidam on Sunday and killed two soldiers.", ("NG-YO", "Geidam")),
    ("Militants stormed a camp in Gudumbali town on Sunday, killing two soldiers.", ("NG-BO", "Guzamala")),
])
def test_lgas_and_towns_are_found_in_running_text(theatres: Path, text: str, expected: tuple[str, str]) -> None:
    assert _places(text, as_theatre("borno_yobe")) == [expected]


def test_a_theatre_without_a_gazetteer_finds_no_theatre_place(theatres: Path) -> None:
    # documented in ruydad.extract.places.has_gazetteer: the event is kept, without a place
    events = extract("Insurgents killed three soldiers in Konduga LGA on Tuesday.",
                     theatre="borno_yobe_nogeo").events
    assert len(events) == 1 and (events[0].admin1_code, events[0].admin2) == (None, None)


def test_a_broken_gazetteer_is_an_error_not_an_empty_result(theatres: Path) -> None:
    with pytest.raises(InputError, match=r"units\.csv, line 2: no level"):
        extract("Insurgents killed three soldiers in Konduga LGA on Tuesday.", theatre="borno_yobe_badgeo")
