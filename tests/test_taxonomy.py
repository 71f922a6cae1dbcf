from __future__ import annotations

import pytest

from ruydad import taxonomy


def test_codebook_counts() -> None:
    assert len(taxonomy.EVENT_TYPES) == 6
    assert len(taxonomy.SUB_EVENT_TYPES) == 25
    assert len(taxonomy.ACTOR_CATEGORIES) == 8


def test_every_sub_event_type_has_a_definition_and_its_event_type() -> None:
    for sub in taxonomy.SUB_EVENT_TYPES.values():
        assert sub.definition
        assert taxonomy.event_type_of(sub.name) == sub.event_type


@pytest.mark.parametrize(("value", "expected"), [
    ("1", "State forces"), (2, "Rebel group"), ("Rebel groups", "Rebel group"),
    ("External/Other forces", "External/Other forces"), ("0", None), ("", None), (None, None),
])
def test_actor_category_accepts_old_and_new_encodings(value: str | int | None, expected: str | None) -> None:
    assert taxonomy.actor_category(value) == expected


def test_unknown_actor_category_is_refused() -> None:
    with pytest.raises(ValueError, match="9"):
        taxonomy.actor_category("9")


def test_interaction_codes_put_the_lower_category_first() -> None:
    assert taxonomy.interaction_label("12") == "State forces-Rebel group"
    assert taxonomy.interaction_label("10") == "State forces only"
    assert taxonomy.interaction_for("Civilians", "Rebel group") == "Rebel group-Civilians"
    assert taxonomy.interaction_for("State forces", None) == "State forces only"
    with pytest.raises(ValueError):
        taxonomy.interaction_label("99")
