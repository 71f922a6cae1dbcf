"""Point in polygon: coordinates to province and district."""

from __future__ import annotations

import time

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
def test_a_million_points_are_located_in_seconds() -> None:
    rng = np.random.default_rng(0)
    lats, lons = rng.uniform(29.5, 38.5, 1_000_000), rng.uniform(60.5, 74.9, 1_000_000)
    started = time.perf_counter()
    codes = locate_many(lats, lons)
    assert time.perf_counter() - started < 15
    assert 0.3 < np.mean(codes != None) < 0.9  # noqa: E711 - elementwise on an object array
