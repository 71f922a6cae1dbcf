"""Point in polygon: coordinates to province and district."""

from __future__ import annotations

import numpy as np
import pytest

from ruydad.geo import locate, locate_many


def test_kabul_city_point_is_in_kabul_district() -> None:
    where = locate(34.5281, 69.1723)
    assert (where.admin1_code, where.admin1_pcode, where.admin2_pcode) == ("AF-KAB", "AF01", "AF0101")


def test_lashkar_gah_point_is_in_hilmand() -> None:
    assert locate(31.5938, 64.3706).admin2_pcode == "AF3001"


def test_point_outside_the_country_has_no_codes() -> None:
    where = locate(0.0, 0.0)
    assert where.admin1_pcode is None and where.admin2_pcode is None
    assert locate(33.72, 73.06).admin1_pcode is None  # Islamabad


def test_missing_coordinates_give_none() -> None:
    assert list(locate_many([np.nan, 34.5281], [69.1, 69.1723])) == [None, "AF0101"]


@pytest.mark.slow
def test_a_million_points_are_located_in_one_call() -> None:
    # how fast is measured by scripts/bench_locate.py, not here (a loaded machine is no failure)
    rng = np.random.default_rng(0)
    lats, lons = rng.uniform(29.5, 38.5, 1_000_000), rng.uniform(60.5, 74.9, 1_000_000)
    codes = locate_many(lats, lons)
    assert len(codes) == 1_000_000
    assert 0.3 < np.mean(codes != None) < 0.9  # noqa: E711 - elementwise on an object array
    assert codes[0] == locate(lats[0], lons[0]).admin2_pcode and codes[-1] == locate(lats[-1], lons[-1]).admin2_pcode
