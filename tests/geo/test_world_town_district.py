"""A town that GeoNames gives no district, named in a spelling only the town lists, takes the district
of the town's own name in its province (real GeoNames rows shipped in ruydad/data/world)."""

from __future__ import annotations

from ruydad.geo.world import world_place


def test_a_town_spelt_another_way_takes_the_district_of_its_own_name() -> None:
    place = world_place("Afgoye", ["SO"])
    assert place is not None and (place.admin1_code, place.admin2) == ("SO-SH", "Afgooye")


def test_a_town_with_no_district_of_its_name_keeps_none() -> None:
    place = world_place("Mogadishu", ["SO"])
    assert place is not None and place.admin2 is None
