"""From a question's words to one condition on the events, and a statement of what it matched.

:class:`QueryContext` knows what a store holds (:class:`~ruydad.query.catalog.Catalog`), the theatre's
actor registry and gazetteer. :meth:`QueryContext.resolve` reads a :class:`Filters` once:

- actor terms become the stored names they stand for (:mod:`ruydad.query.actors`), with dates;
- place terms become admin units, matched by ISO 3166-2 code and P-code (:mod:`ruydad.query.places`);
- dataset, event type, sub-event type and actor category names are checked against the datasets and
  ACLED's codebook: a misspelling is an error that names the closest valid values, never a silent
  zero ("--event-type Battle" answers "did you mean Battles?");
- everything becomes one SQL condition (built with sqlglot, so each engine gets its own quoting) that
  the store's pages and every analysis apply alike.

The :class:`Query` keeps what each term matched and the problems found (an actor no dataset names, a
dataset with no events), so every face can say what it counted, and ``check`` can refuse to judge.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlglot.expressions as sx

from ruydad.errors import InputError
from ruydad.query.actors import MATCHED, ActorIndex, ActorTerm, NameMatch
from ruydad.query.catalog import Catalog, StoredProvince
from ruydad.query.filters import ACTOR_COLUMNS, Filters, names_of
from ruydad.query.places import PlaceMatch, match_place

Condition = Any
"""A sqlglot condition expression (sqlglot's own annotations are too loose for mypy to follow)."""

KNOWN_DATASETS: tuple[str, ...] = ("acled", "ucdp", "article")
"""Datasets Ruydad reads (besides any other a store holds); a name outside these is a typo."""


@dataclass(frozen=True)
class Query:
    """A resolved question: the condition, and what each of its terms matched."""

    filters: Filters
    condition: Condition | None
    actors: tuple[tuple[str, ActorTerm], ...] = ()
    places: tuple[tuple[str, PlaceMatch], ...] = ()
    datasets: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    _sql: dict[tuple[str, str], str] = field(default_factory=dict, compare=False, repr=False)

    def where(self, dialect: str = "duckdb") -> str:
        """The condition as SQL text for one engine (``TRUE`` when nothing is filtered)."""
        return self.where_on("event_date", dialect)

    def where_on(self, date_column: str, dialect: str = "duckdb") -> str:
        """The condition as SQL text with its dates read from ``date_column`` (a summary table's
        ``month``). Written once per column and engine: a page, its placing and its count each ask
        for it, and generating SQL from the expression tree was about a tenth of a filtered page's
        interpreter time."""
        key = (date_column, dialect)
        if key not in self._sql:
            condition = self.condition
            if condition is None:
                self._sql[key] = "TRUE"
            else:
                if date_column != "event_date":
                    condition = condition.transform(_rename_column("event_date", date_column))
                self._sql[key] = str(condition.sql(dialect))
        return self._sql[key]

    @property
    def problems(self) -> list[str]:
        """Terms that matched nothing or several things: an answer over them would mislead."""
        found = [f"{fld}: {t.describe()}" for fld, t in self.actors if t.status != MATCHED]
        return found + [n for n in self.notes if n.startswith("no ")]

    def matched(self) -> dict[str, Any]:
        """What the question was read as, for JSON answers."""
        out: dict[str, Any] = {}
        for fld, term in self.actors:
            out[fld] = term.as_dict()
        for fld, place in self.places:
            out.setdefault(fld, []).append({"term": place.term, "name": place.name, "pcode": place.pcode,
                                            "iso_code": place.iso_code, "resolved": place.resolved})
        if self.datasets:
            out["datasets"] = list(self.datasets)
        if self.notes:
            out["notes"] = list(self.notes)
        return out

    def describe(self) -> list[str]:
        """One line per term, in words: ``NRF (nrf) -> "National Resistance Front" (acled, 21 events)``."""
        lines = [f"{fld}: {t.describe()}" for fld, t in self.actors]
        lines += [f"{fld}: {p.describe()}" for fld, p in self.places]
        return lines + list(self.notes)


RunSQL = Callable[[str], Sequence[Sequence[Any]]]


@dataclass
class QueryContext:
    """What resolving a question needs: the store's catalog, the theatre's registry and gazetteer."""

    catalog: Catalog
    theatre: str
    use_registry: bool = True
    use_gazetteer: bool = True
    _index: ActorIndex | None = field(default=None, repr=False)

    @property
    def actors(self) -> ActorIndex:
        if self._index is None:
            resolver = None
            if self.use_registry:
                from ruydad.actors.resolve import resolver_for
                from ruydad.errors import RuydadError

                try:
                    resolver = resolver_for(self.theatre)
                except RuydadError:
                    resolver = None
            self._index = ActorIndex(self.catalog, resolver)
        return self._index

    def resolve(self, f: Filters) -> Query:
        conds: list[Condition] = []
        actors: list[tuple[str, ActorTerm]] = []
        for fld, columns in (("actor", ACTOR_COLUMNS), ("actor1", ("actor1",)), ("actor2", ("actor2",))):
            value = getattr(f, fld)
            if value:
                term = self.actors.match(value)
                actors.append((fld, term))
                conds.append(self._actor_condition(term, columns))
        places: list[tuple[str, PlaceMatch]] = []
        for fld, level in (("admin1", 1), ("admin2", 2)):
            terms = names_of(getattr(f, fld))
            if terms:
                matches = [self._place(t, level) for t in terms]
                places += [(fld, m) for m in matches]
                conds.append(_place_condition(matches, level, self.catalog.provinces if level == 1 else None))
        notes: list[str] = []
        datasets = self._datasets(f.dataset, notes)
        if datasets:
            conds.append(_isin(sx.column("dataset"), datasets))
        conds += self._codebook(f)
        if f.country:
            conds.append(_country_condition(names_of(f.country)))
        if f.date_from:
            conds.append(sx.GTE(this=sx.column("event_date"), expression=_day(f.date_from)))
        if f.date_to:
            conds.append(sx.LTE(this=sx.column("event_date"), expression=_day(f.date_to)))
        condition = sx.and_(*conds) if conds else None
        return Query(f, condition, tuple(actors), tuple(places), tuple(datasets), tuple(notes))

    # -- pieces ------------------------------------------------------------------------------

    def _actor_condition(self, term: ActorTerm, columns: Iterable[str]) -> Condition:
        preds: list[Condition] = []
        for column in columns:
            undated = [n for n in term.names if n.valid_from is None and n.valid_to is None]
            values = sorted({s.name for s in self.actors.stored_values(undated, column)})
            if values:
                preds.append(_isin(sx.column(column), values))
            for name in term.names:
                if name.valid_from is None and name.valid_to is None:
                    continue
                raw = sorted({s.name for s in self.actors.stored_values([name], column)})
                if raw:
                    preds.append(_dated(_isin(sx.column(column), raw), name))
        return sx.or_(*preds) if preds else sx.false()

    def _place(self, term: str, level: int) -> PlaceMatch:
        if not self.use_gazetteer:
            return PlaceMatch(term, level, term)
        return match_place(term, level, self.theatre)

    def _datasets(self, value: str | None, notes: list[str]) -> list[str]:
        wanted = names_of(value)
        if not wanted:
            return []
        held = self.catalog.datasets
        known = sorted(set(KNOWN_DATASETS) | set(held))
        out = []
        for name in wanted:
            canonical = next((k for k in known if k.casefold() == name.casefold()), None)
            if canonical is None:
                raise InputError(f"unknown dataset {name!r}{_did_you_mean(name, known)}; "
                                 f"this store holds {', '.join(held) or 'no events'}")
            if canonical not in held:
                notes.append(f"no {canonical} events in this store (it holds {', '.join(held) or 'none'})")
            out.append(canonical)
        return out

    def _codebook(self, f: Filters) -> list[Condition]:
        from ruydad.taxonomy import ACTOR_CATEGORIES, EVENT_TYPES, SUB_EVENT_TYPES, VIOLENT_EVENT_TYPES

        conds: list[Condition] = []
        if f.event_type:
            types = _canonical(f.event_type, [e.name for e in EVENT_TYPES], "event type")
            conds.append(_isin(sx.column("event_type"), types))
        if f.sub_event_type:
            subs = _canonical(f.sub_event_type, list(SUB_EVENT_TYPES), "sub-event type")
            conds.append(_isin(sx.column("sub_event_type"), subs))
        if f.actor_category:
            cats = _canonical(f.actor_category, [c.name for c in ACTOR_CATEGORIES], "actor category")
            lowered = [c.lower() for c in cats]
            conds.append(sx.or_(_isin(sx.func("lower", sx.column("inter1")), lowered),
                                _isin(sx.func("lower", sx.column("inter2")), lowered)))
        if f.violent:
            conds.append(_isin(sx.column("event_type"), list(VIOLENT_EVENT_TYPES)))
        if f.civilian_targeting:
            conds.append(sx.column("civilian_targeting").is_(sx.null()).not_())
        return conds


def _rename_column(old: str, new: str) -> Callable[[Any], Any]:
    def rename(node: Any) -> Any:
        if isinstance(node, sx.Column) and node.name == old:
            return sx.column(new)
        return node

    return rename


def _canonical(value: str | Sequence[str], valid: list[str], what: str) -> list[str]:
    """Each name as the codebook writes it; an unknown one is an error naming the closest."""
    by_fold = {v.casefold(): v for v in valid}
    out = []
    for name in names_of(value):
        found = by_fold.get(name.casefold())
        if found is None:
            raise InputError(f"unknown {what} {name!r}{_did_you_mean(name, valid)}; valid: {', '.join(valid)}")
        out.append(found)
    return out


def _did_you_mean(name: str, valid: Sequence[str]) -> str:
    folded = {v.casefold(): v for v in valid}
    close = difflib.get_close_matches(name.casefold(), list(folded), n=3, cutoff=0.6)
    return f" (did you mean {' or '.join(repr(folded[c]) for c in close)}?)" if close else ""


def _isin(column: Condition, values: Iterable[str]) -> Condition:
    literals = [sx.Literal.string(v) for v in values]
    return column.isin(*literals) if literals else sx.false()


def _day(day: date) -> Condition:
    # a plain 'YYYY-MM-DD' literal: every engine compares it with a DATE (SQLite with its text dates)
    return sx.Literal.string(day.isoformat())


def _dated(pred: Condition, name: NameMatch) -> Condition:
    parts = [pred]
    if name.valid_from is not None:
        parts.append(sx.GTE(this=sx.column("event_date"), expression=_day(name.valid_from)))
    if name.valid_to is not None:
        parts.append(sx.LTE(this=sx.column("event_date"), expression=_day(name.valid_to)))
    return sx.and_(*parts)


def _place_condition(matches: list[PlaceMatch], level: int,
                     stored: Sequence[StoredProvince] | None = None) -> Condition:
    """Events in the units ``matches`` name: by any spelling (case aside), P-code or ISO code.

    With the provinces the store holds (``stored``), the same events are selected by their stored
    names alone where that is exact: one comparison of a column's own values instead of three
    columns each cased per row, which made a province's page 1.5-2x dearer than a type's."""
    name_col = "admin1" if level == 1 else "admin2"
    pcode_col = "admin1_pcode" if level == 1 else "admin2_pcode"
    pcodes = [m.pcode for m in matches if m.pcode]
    isos = [m.iso_code.upper() for m in matches if m.iso_code]
    spellings = sorted({s.lower() for m in matches for s in (m.spellings or (m.term,))})
    unresolved = [m.term.upper() for m in matches if not m.resolved]
    if stored is not None:
        exact = _stored_names(stored, set(spellings), set(pcodes), set(isos), set(unresolved))
        if exact is not None:
            return _isin(sx.column(name_col), exact)
    preds = [_isin(sx.func("lower", sx.column(name_col)), spellings)]
    if pcodes:
        preds.append(_isin(sx.column(pcode_col), pcodes))
    if level == 1 and isos:
        preds.append(_isin(sx.func("upper", sx.column("admin1_code")), isos))
    if unresolved:  # a code the gazetteer lacks may still be stored
        preds.append(_isin(sx.func("upper", sx.column(pcode_col)), unresolved))
    return sx.or_(*preds)


def _stored_names(stored: Sequence[StoredProvince], spellings: set[str], pcodes: set[str], isos: set[str],
                  unresolved: set[str]) -> list[str] | None:
    """The stored province names that select exactly the events the general condition selects, or
    None when no such list exists: a selected row without a name, a name shared by a selected and
    an unselected row, or a name outside ASCII (where SQL's and Python's lower case might differ)."""
    chosen: set[str] = set()
    left: set[str] = set()
    for p in stored:
        if p.name is not None and not p.name.isascii():
            return None
        selected = ((p.name is not None and p.name.lower() in spellings) or p.pcode in pcodes
                    or (p.iso_code is not None and p.iso_code.upper() in isos)
                    or (p.pcode is not None and p.pcode.upper() in unresolved))
        if selected and p.name is None:
            return None
        if p.name is not None:
            (chosen if selected else left).add(p.name)
    return None if chosen & left else sorted(chosen)


def _country_condition(terms: list[str]) -> Condition:
    from ruydad.geo.countries import country_code

    codes = sorted({c for t in terms if (c := country_code(t))})
    preds = [_isin(sx.func("lower", sx.column("country")), [t.lower() for t in terms])]
    if codes:
        preds.append(_isin(sx.func("upper", sx.column("country_code")), codes))
    return sx.or_(*preds)
