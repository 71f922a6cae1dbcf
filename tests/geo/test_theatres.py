"""Theatre registry and pack: a theatre is a folder of data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ruydad.errors import InputError
from ruydad.geo import boundaries_geojson, units
from ruydad.geo.gazetteer import build_gazetteer
from ruydad.theatres import available_theatres, theatre_dir, theatre_for_country, theatre_info


def test_afghanistan_is_available_with_its_country_codes() -> None:
    assert "afghanistan" in available_theatres()
    info = theatre_info("afghanistan")
    assert (info.iso3, info.iso2, info.numeric) == ("AFG", "AF", 4)
    assert theatre_for_country("AFG") == "afghanistan"
    assert theatre_for_country("PAK") is None


def test_unknown_theatre_is_an_error_naming_the_known_ones() -> None:
    with pytest.raises(InputError, match="afghanistan"):
        theatre_dir("atlantis")


def test_pack_has_34_provinces_with_iso_codes_and_401_districts() -> None:
    provinces, districts = units(1), units(2)
    assert len(provinces) == 34 and len(districts) == 401
    assert all(p.iso_code and p.iso_code.startswith("AF-") for p in provinces)
    assert len({p.iso_code for p in provinces}) == 34
    assert all(d.parent_pcode in {p.pcode for p in provinces} for d in districts)
    assert all(p.local_names.get("fa") for p in provinces)


def test_boundaries_cover_every_province_and_the_398_district_polygons() -> None:
    assert len(boundaries_geojson(1)["features"]) == 34
    features = boundaries_geojson(2)["features"]
    assert len(features) == 398
    assert {"pcode", "name", "admin1_code", "admin1_pcode"} <= set(features[0]["properties"])


def test_a_second_theatre_is_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "testland" / "geo"
    folder.mkdir(parents=True)
    (tmp_path / "testland" / "theatre.yaml").write_text("country: Testland\niso3: TST\niso2: TT\nnumeric: 999\n")
    (folder / "units.csv").write_text("level,pcode,iso_code,name,parent_pcode,latitude,longitude\n"
                                      "1,TT01,TT-A,Alpha,,1.0,1.0\n2,TT0101,,Beta,TT01,1.1,1.1\n")
    (folder / "names.csv").write_text("pcode,name,lang,source\nTT0101,Betta,en,test\n")
    monkeypatch.setenv("RUYDAD_THEATRES_PATH", str(tmp_path))
    assert "testland" in available_theatres()
    gaz = build_gazetteer(theatre_info("testland"))
    from ruydad.geo import resolve_place

    assert resolve_place("Betta", gazetteer=gaz)[0].pcode == "TT0101"
    shutil.rmtree(tmp_path / "testland")
