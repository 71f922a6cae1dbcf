"""A story that names its country only as the owner of forces ("<Country> army soldiers") is set there.

Sentences written for these tests in wire style (real places, invented events).
"""

from __future__ import annotations

import pytest

from tests.extract.test_world_places import run


def provinces(text: str) -> set[str | None]:
    return {e.admin1_code for e in run(text).events}


@pytest.mark.parametrize(("text", "expected"), [
    ("Two Cameroon army soldiers were killed by separatist fighters in the Southwest region on Monday, "
     "officials said.", "CM-SW"),
    ("Four Niger government troops died when their convoy hit a mine in the Tillaberi region on Sunday.", "NE-6"),
])
def test_a_country_named_as_the_owner_of_forces_places_its_regions(text, expected):
    assert expected in provinces(text)
