"""Target groups, as data: who an event was aimed at, read from sub-event types, actors and tags.

ACLED records the target of violence against civilians as ``actor2`` ("Civilians (<country>)")
and names the group in ``assoc_actor_2`` ("Journalists (<country>)", "Women (<country>)", an ethnic
or religious group); some targets appear only in ``tags`` ("women targeted: girls"). A group
matches an event when any of its patterns (case-insensitive SQL LIKE) matches its column. An event
can belong to several groups. Notes are free text and are only searched when asked
(``use_notes=True``), because a mention in the notes is weaker evidence than a coded actor.

Which groups there are is theatre data: ``targets.yaml`` in the theatre's folder, else the generic
groups of ``ruydad/theatres/targets.yaml`` (:func:`target_groups`). The same files say how a claim
names each group (:func:`claim_words`), so ``ruydad check`` reads "targeting journalists" as the group
the figures count.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ruydad._lazy import lazy_module
from ruydad.errors import InputError
from ruydad.theatres import DEFAULT_THEATRE, Theatre, TheatreLike, as_theatre, generic_data

if TYPE_CHECKING:
    import ibis
    import ibis.expr.types as ir
else:
    ibis = lazy_module("ibis")  # imported when first used: figures read from the summary never need it

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


_FILE = "targets.yaml"


def _group(raw: Any, generic: dict[str, TargetGroup], where: str) -> TargetGroup:
    """One entry of a ``groups:`` list: a generic group's name, or a group written out."""
    if isinstance(raw, str):
        if raw not in generic:
            raise InputError(f"{where}: {raw!r} is not a generic target group ({', '.join(generic)}); "
                             "write the group out (name, description, patterns)")
        return generic[raw]
    if not isinstance(raw, dict) or not raw.get("name"):
        raise InputError(f"{where}: each target group needs a name (got {raw!r})")
    known = {"name", "description", "actor_patterns", "tag_patterns", "note_patterns", "civilian_event"}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise InputError(f"{where}: target group {raw['name']!r} has unknown field(s) {', '.join(unknown)}; "
                         f"known: {', '.join(sorted(known))}")
    return TargetGroup(
        name=str(raw["name"]), description=str(raw.get("description", raw["name"])),
        actor_patterns=tuple(raw.get("actor_patterns") or ()), tag_patterns=tuple(raw.get("tag_patterns") or ()),
        note_patterns=tuple(raw.get("note_patterns") or ()), civilian_event=bool(raw.get("civilian_event", False)),
    )


@functools.cache
def _groups(theatre: Theatre) -> tuple[TargetGroup, ...]:
    generic_raw = generic_data(_FILE) or {}
    where = f"ruydad/theatres/{_FILE}"
    generic = {g.name: g for g in (_group(r, {}, where) for r in generic_raw.get("groups") or ())}
    own = theatre.data(_FILE)
    if own is None:
        return tuple(generic.values())
    return tuple(_group(r, generic, str(theatre.path / _FILE)) for r in own.get("groups") or ())


def target_groups(theatre: TheatreLike = DEFAULT_THEATRE) -> tuple[TargetGroup, ...]:
    """The target groups of a theatre, in the order its ``targets.yaml`` lists them."""
    return _groups(as_theatre(theatre))


@functools.cache
def _claim_words(theatre: Theatre) -> tuple[tuple[str, str], ...]:
    own = theatre.data(_FILE)
    if own is not None:
        raw, where = own, str(theatre.path / _FILE)
    else:
        raw, where = generic_data(_FILE), f"ruydad/theatres/{_FILE}"
    names = {g.name for g in _groups(theatre)}
    words = []
    for entry in (raw or {}).get("claim_words") or ():
        if not isinstance(entry, dict) or not entry.get("words"):
            raise InputError(f"{where}: each claim_words entry needs a group and its words (got {entry!r})")
        group = str(entry.get("group", ""))
        if group not in names:
            raise InputError(f"{where}: claim_words names {group!r}, which is not one of the "
                             f"theatre's target groups ({', '.join(sorted(names))})")
        try:
            re.compile(str(entry["words"]))
        except re.error as exc:
            raise InputError(f"{where}: the words of {group!r} are not a valid regular expression ({exc})") from exc
        words.append((str(entry["words"]), group))
    return tuple(words)


def claim_words(theatre: TheatreLike = DEFAULT_THEATRE) -> tuple[tuple[str, str], ...]:
    """(regular expression, group name) pairs: how a claim names each target group, tried in order."""
    return _claim_words(as_theatre(theatre))


def __getattr__(name: str) -> Any:
    """``TARGET_GROUPS`` and ``TARGET_GROUP_NAMES``: the default theatre's groups, read when first asked."""
    if name == "TARGET_GROUPS":
        return target_groups()
    if name == "TARGET_GROUP_NAMES":
        return tuple(g.name for g in target_groups())
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def target_group(name: str, theatre: TheatreLike = DEFAULT_THEATRE,
                 groups: Sequence[TargetGroup] | None = None) -> TargetGroup:
    """The target group called ``name`` among a theatre's (or among ``groups``)."""
    found = tuple(groups) if groups is not None else target_groups(theatre)
    for group in found:
        if group.name == name:
            return group
    raise KeyError(f"unknown target group {name!r}; known: {', '.join(g.name for g in found)}")
