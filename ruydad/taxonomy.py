"""The ACLED event taxonomy, as data.

Everything in Ruydad that names an event type, a sub-event type, an actor category or an
interaction code reads it from here, so a change in ACLED's codebook is a change in one file.
The definitions paraphrase ACLED's codebook (2023 edition, "ACLED Codebook" sections 3-4); they
are shown to users next to counts, so that "Battles" always means the same thing.

ACLED changed two encodings over time: ``inter1``/``inter2`` were numbers (1-8) and are now
category names ("State forces"); ``interaction`` was a two-digit code ("12") and is now a
phrase ("State forces-Rebel group").  :func:`actor_category` and :func:`interaction_label`
accept both forms so that old and new exports land in one model.
"""

from __future__ import annotations

from dataclasses import dataclass

POLITICAL_VIOLENCE = "Political violence"
DEMONSTRATIONS = "Demonstrations"
STRATEGIC_DEVELOPMENTS = "Strategic developments"
DISORDER_TYPES: tuple[str, ...] = (
    POLITICAL_VIOLENCE,
    DEMONSTRATIONS,
    STRATEGIC_DEVELOPMENTS,
    "Political violence; Demonstrations",
)


@dataclass(frozen=True)
class SubEventType:
    name: str
    event_type: str
    definition: str


@dataclass(frozen=True)
class EventType:
    name: str
    disorder_type: str
    definition: str
    sub_event_types: tuple[SubEventType, ...]


def _event_type(name: str, disorder: str, definition: str, subs: list[tuple[str, str]]) -> EventType:
    return EventType(
        name=name,
        disorder_type=disorder,
        definition=definition,
        sub_event_types=tuple(SubEventType(s, name, d) for s, d in subs),
    )


EVENT_TYPES: tuple[EventType, ...] = (
    _event_type(
        "Battles",
        POLITICAL_VIOLENCE,
        "A violent interaction between two organized armed groups at a particular time and location.",
        [
            ("Armed clash", "Armed, organized groups engage in a battle and no reports indicate a change "
             "of territorial control."),
            ("Government regains territory", "Government forces or their affiliates regain control of a "
             "location from competing state forces or non-state groups."),
            ("Non-state actor overtakes territory", "A non-state group or foreign state actor captures "
             "territory from an opposing government or non-state group, taking control of a location."),
        ],
    ),
    _event_type(
        "Explosions/Remote violence",
        POLITICAL_VIOLENCE,
        "One-sided violence in which the tool for engaging in conflict creates asymmetry by taking away "
        "the ability of the target to respond.",
        [
            ("Chemical weapon", "Chemical weapons are used in warfare without any other engagement."),
            ("Air/drone strike", "Air or drone strikes take place without any other engagement."),
            ("Suicide bomb", "A suicide bombing or suicide vehicle-borne improvised explosive device attack."),
            ("Shelling/artillery/missile attack", "Long-range artillery, missile systems or other heavy "
             "weapons fire without any other engagement."),
            ("Remote explosive/landmine/IED", "Remotely- or victim-activated devices, including landmines "
             "and IEDs, are detonated."),
            ("Grenade", "A grenade or similar hand-thrown explosive is used."),
        ],
    ),
    _event_type(
        "Violence against civilians",
        POLITICAL_VIOLENCE,
        "Violent events where an organized armed group inflicts violence upon unarmed non-combatants.",
        [
            ("Sexual violence", "Any sexual act, attempt or threat carried out by an armed group against "
             "civilians."),
            ("Attack", "An armed group attacks civilians."),
            ("Abduction/forced disappearance", "An armed group abducts or detains civilians, or they "
             "disappear after being taken, without legal process."),
        ],
    ),
    _event_type(
        "Protests",
        DEMONSTRATIONS,
        "A public demonstration in which the participants do not engage in violence.",
        [
            ("Peaceful protest", "Demonstrators gather for a protest and do not engage in violence or "
             "face intervention."),
            ("Protest with intervention", "A peaceful protest is physically dispersed or suppressed "
             "without serious injury, or participants are arrested."),
            ("Excessive force against protesters", "Peaceful protesters are targeted with lethal or "
             "serious violence by state or non-state forces."),
        ],
    ),
    _event_type(
        "Riots",
        DEMONSTRATIONS,
        "Violent events where demonstrators or mobs engage in disruptive acts or violence.",
        [
            ("Violent demonstration", "Demonstrators engage in violence or destructive acts."),
            ("Mob violence", "Rioters violently interact with other rioters, civilians or property in the "
             "absence of a demonstration."),
        ],
    ),
    _event_type(
        "Strategic developments",
        STRATEGIC_DEVELOPMENTS,
        "Contextually important information about activities of political and armed groups that are "
        "not themselves political violence or demonstrations.",
        [
            ("Agreement", "Records agreements between groups: peace deals, ceasefires, prisoner exchanges."),
            ("Arrests", "State forces or other actors arrest key individuals or conduct mass arrests."),
            ("Change to group/activity", "Significant changes in a group's activity, structure or "
             "alliances."),
            ("Disrupted weapons use", "An attack is prevented or weapons are seized or defused."),
            ("Headquarters or base established", "A group establishes a permanent or semi-permanent base."),
            ("Looting/property destruction", "Looting or destruction of property without violence against "
             "people."),
            ("Non-violent transfer of territory", "Territory changes hands without fighting."),
            ("Other", "Any other strategically important development."),
        ],
    ),
)

EVENT_TYPE_NAMES: tuple[str, ...] = tuple(e.name for e in EVENT_TYPES)
SUB_EVENT_TYPES: dict[str, SubEventType] = {s.name: s for e in EVENT_TYPES for s in e.sub_event_types}
VIOLENT_EVENT_TYPES: tuple[str, ...] = ("Battles", "Explosions/Remote violence", "Violence against civilians")


@dataclass(frozen=True)
class ActorCategory:
    code: int
    name: str
    definition: str


ACTOR_CATEGORIES: tuple[ActorCategory, ...] = (
    ActorCategory(1, "State forces", "Collective actors recognised to perform government functions over a "
                  "territory: military, police and other state security forces."),
    ActorCategory(2, "Rebel group", "Political organisations whose goal is to counter an established "
                  "national governing regime by violent acts."),
    ActorCategory(3, "Political militia", "Armed, organised groups created for a political purpose, often "
                  "supporting or opposing political elites, not seeking to replace the regime."),
    ActorCategory(4, "Identity militia", "Armed groups organised around a common identity: ethnic, "
                  "religious, communal, clan or regional."),
    ActorCategory(5, "Rioters", "Individuals who engage in violent demonstrations or spontaneous mob "
                  "violence."),
    ActorCategory(6, "Protesters", "Demonstrators taking part in a non-violent public gathering."),
    ActorCategory(7, "Civilians", "Unarmed, non-combatant people targeted by violence."),
    ActorCategory(8, "External/Other forces", "International organisations, state forces active outside "
                  "their main country, private security firms and other external actors."),
)
ACTOR_CATEGORY_BY_CODE: dict[int, ActorCategory] = {c.code: c for c in ACTOR_CATEGORIES}
ARMED_GROUP_CATEGORIES: frozenset[str] = frozenset(ACTOR_CATEGORY_BY_CODE[code].name for code in (2, 3, 4))
"""The categories of armed groups other than a state's forces: rebel groups and political and identity militias."""
ACTOR_CATEGORY_BY_NAME: dict[str, ActorCategory] = {c.name.lower(): c for c in ACTOR_CATEGORIES}
# ACLED's own exports use both singular and plural forms of some categories.
for _alias, _code in {"rebel groups": 2, "political militias": 3, "identity militias": 4,
                      "rioter": 5, "protester": 6, "civilian": 7, "state force": 1,
                      "external/other force": 8}.items():
    ACTOR_CATEGORY_BY_NAME[_alias] = ACTOR_CATEGORY_BY_CODE[_code]


def actor_category(value: str | int | None) -> str | None:
    """Category name for an ``inter`` value in either encoding; None for empty or 0 (no actor).

    Raises ValueError for anything else, so an unknown code is reported instead of guessed.
    """
    if value is None:
        return None
    text = str(value).strip()
    if text in ("", "0"):
        return None
    if text.isdigit():
        category = ACTOR_CATEGORY_BY_CODE.get(int(text))
    else:
        category = ACTOR_CATEGORY_BY_NAME.get(text.lower())
    if category is None:
        raise ValueError(f"unknown ACLED actor category {value!r}")
    return category.name


def _interaction_codes() -> dict[str, str]:
    codes: dict[str, str] = {}
    for first in ACTOR_CATEGORIES:
        codes[f"{first.code}0"] = f"{first.name} only"
        for second in ACTOR_CATEGORIES:
            if second.code >= first.code:
                codes[f"{first.code}{second.code}"] = f"{first.name}-{second.name}"
    return codes


INTERACTION_CODES: dict[str, str] = _interaction_codes()
"""Two-digit interaction code -> phrase, e.g. ``"12" -> "State forces-Rebel group"``.

The lower category code comes first; ``"10"`` is a sole state forces action (no second actor)."""


def interaction_label(value: str | int | None) -> str | None:
    """Interaction phrase for a numeric code or a phrase; raises ValueError if neither."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    if text.isdigit():
        if text not in INTERACTION_CODES:
            raise ValueError(f"unknown ACLED interaction code {value!r}")
        return INTERACTION_CODES[text]
    return text


def interaction_for(category1: str | None, category2: str | None) -> str | None:
    """The interaction phrase for two actor categories, in ACLED's lower-code-first order."""
    if category1 is None:
        return None
    first = ACTOR_CATEGORY_BY_NAME[category1.lower()]
    if category2 is None:
        return f"{first.name} only"
    second = ACTOR_CATEGORY_BY_NAME[category2.lower()]
    low, high = sorted((first, second), key=lambda c: c.code)
    return f"{low.name}-{high.name}"


def event_type_of(sub_event_type: str) -> str | None:
    """The event type a sub-event type belongs to, or None if it is not an ACLED sub-event type."""
    sub = SUB_EVENT_TYPES.get(sub_event_type)
    return sub.event_type if sub else None


def disorder_type_of(event_type: str) -> str | None:
    for event in EVENT_TYPES:
        if event.name == event_type:
            return event.disorder_type
    return None
