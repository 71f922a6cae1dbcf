"""Target groups, as data: who an event was aimed at, read from sub-event types, actors and tags.

ACLED records the target of violence against civilians as ``actor2`` ("Civilians (Afghanistan)")
and names the group in ``assoc_actor_2`` ("Hazara Ethnic Group (Afghanistan); Shia Muslim Group
(Afghanistan)", "Journalists (Afghanistan)", "Women (Afghanistan)", "Former Military Forces of
Afghanistan (2004-2021)"); some targets appear only in ``tags`` ("women targeted: girls"). A group
matches an event when any of its patterns (case-insensitive SQL LIKE) matches its column. An event
can belong to several groups. Notes are free text and are only searched when asked
(``use_notes=True``), because a mention in the notes is weaker evidence than a coded actor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ibis
import ibis.expr.types as ir

TARGET_COLUMNS = ("actor2", "assoc_actor_2")


def like_regex(patterns: tuple[str, ...]) -> str:
    """SQL LIKE patterns (``%`` any text, ``_`` one character) as one case-insensitive regex."""
    parts = []
    for pattern in patterns:
        body = pattern.strip("%")
        regex = ".*".join(".".join(re.escape(x) for x in piece.split("_")) for piece in body.split("%"))
        parts.append(("" if pattern.startswith("%") else "^") + regex + ("" if pattern.endswith("%") else "$"))
    return "(?i)(?:" + "|".join(parts) + ")"


@dataclass(frozen=True)
class TargetGroup:
    name: str
    description: str
    actor_patterns: tuple[str, ...] = ()
    tag_patterns: tuple[str, ...] = ()
    note_patterns: tuple[str, ...] = ()
    civilian_event: bool = False

    def matches(self, t: ir.Table, use_notes: bool = False) -> ir.BooleanValue:
        """One case-insensitive regular expression per column (the LIKE patterns joined), which
        engines evaluate far faster than one ILIKE per pattern."""
        preds: list[ir.BooleanValue] = []
        if self.actor_patterns:
            preds += [t[c].re_search(like_regex(self.actor_patterns)).fill_null(False) for c in TARGET_COLUMNS]
        if self.tag_patterns:
            preds.append(t.tags.re_search(like_regex(self.tag_patterns)).fill_null(False))
        if use_notes and self.note_patterns:
            preds.append(t.notes.re_search(like_regex(self.note_patterns)).fill_null(False))
        if self.civilian_event:
            preds += [
                t.civilian_targeting.notnull(),
                (t.inter2 == "Civilians").fill_null(False),
                (t.event_type == "Violence against civilians").fill_null(False),
            ]
        return ibis.or_(*preds) if preds else ibis.literal(False)


TARGET_GROUPS: tuple[TargetGroup, ...] = (
    TargetGroup("civilians", "Civilians: violence against civilians, civilian targeting, or civilians as actor2",
                actor_patterns=("civilians%",), civilian_event=True),
    TargetGroup("former_security_forces", "Members of the former state's security forces or government",
                actor_patterns=("%former military forces%", "%former police forces%", "%former government%",
                                "%(2004-2021)%"),
                tag_patterns=("%former security%", "%former military%", "%former police%"),
                note_patterns=("%former ANDSF%", "%former ANSF%", "%former security%", "%former soldier%",
                               "%former police%", "%former army%", "%former military%")),
    TargetGroup("women", "Women and girls", actor_patterns=("women%", "%; women%", "%girls%"),
                tag_patterns=("%women targeted%",), note_patterns=("% woman %", "% women %", "%girls%")),
    TargetGroup("journalists", "Journalists and media workers", actor_patterns=("%journalist%", "%media%"),
                tag_patterns=("%journalist%",), note_patterns=("%journalist%", "%reporter%")),
    TargetGroup("ethnic_or_religious", "Groups singled out for ethnicity or religion",
                actor_patterns=("%ethnic group%", "%religious group%", "%muslim group%", "%christian group%",
                                "%hindu group%", "%sikh group%", "%hazara%", "%shia%", "%shiite%", "%sufi%"),
                tag_patterns=("%ethnic%", "%religious%", "%sectarian%"),
                note_patterns=("%hazara%", "% shia %", "%shiite%", "%sikh%", "%sufi%")),
    TargetGroup("hazara_or_shia", "Hazaras and Shia Muslims",
                actor_patterns=("%hazara%", "%shia %", "%shia)%", "%shiite%"),
                tag_patterns=("%hazara%", "%shia%"),
                note_patterns=("%hazara%", "% shia %", "%shiite%")),
)
TARGET_GROUP_NAMES: tuple[str, ...] = tuple(g.name for g in TARGET_GROUPS)


def target_group(name: str) -> TargetGroup:
    for group in TARGET_GROUPS:
        if group.name == name:
            return group
    raise KeyError(f"unknown target group {name!r}; known: {', '.join(TARGET_GROUP_NAMES)}")
