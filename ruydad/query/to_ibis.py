"""The query model's condition as an Ibis predicate, for analyses on any Ibis backend.

:class:`~ruydad.query.Query` holds one condition, built as a sqlglot expression; the store's pages run
its SQL text. Analyses run on Ibis tables (DuckDB, PostgreSQL, SQLite, Spark), so the same tree is
translated node by node into Ibis here. The condition uses a handful of node kinds (AND, OR, NOT,
IN, >=, <=, IS NULL, LOWER, UPPER, string literals, FALSE); any other is a programming error and is
refused loudly rather than skipped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import sqlglot.expressions as sx

from ruydad._lazy import lazy_module

if TYPE_CHECKING:
    import ibis
    import ibis.expr.types as ir
else:
    ibis = lazy_module("ibis")  # imported when first used: figures read from the summary never need it


def ibis_predicate(t: ir.Table, node: Any) -> Any:
    """``node`` (a condition of :mod:`ruydad.query.resolve`) over table ``t``."""
    if isinstance(node, sx.Paren):
        return ibis_predicate(t, node.this)
    if isinstance(node, sx.And):
        return ibis_predicate(t, node.left) & ibis_predicate(t, node.right)
    if isinstance(node, sx.Or):
        return ibis_predicate(t, node.left) | ibis_predicate(t, node.right)
    if isinstance(node, sx.Not):
        return ~ibis_predicate(t, node.this)
    if isinstance(node, sx.In):
        values = [ibis_predicate(t, v) for v in node.expressions]
        return ibis_predicate(t, node.this).isin(values).fill_null(False)
    if isinstance(node, sx.GTE):
        return (ibis_predicate(t, node.this) >= _date(node.expression)).fill_null(False)
    if isinstance(node, sx.LTE):
        return (ibis_predicate(t, node.this) <= _date(node.expression)).fill_null(False)
    if isinstance(node, sx.Is):
        return ibis_predicate(t, node.this).isnull()
    if isinstance(node, sx.Lower):
        return ibis_predicate(t, node.this).lower()
    if isinstance(node, sx.Upper):
        return ibis_predicate(t, node.this).upper()
    if isinstance(node, sx.Column):
        return t[node.name]
    if isinstance(node, sx.Literal) and node.is_string:
        return node.this
    if isinstance(node, sx.Boolean):
        return ibis.literal(bool(node.this))
    raise TypeError(f"the query condition holds a {type(node).__name__} node, which has no Ibis translation")


def _date(node: Any) -> Any:
    from datetime import date

    if not (isinstance(node, sx.Literal) and node.is_string):
        raise TypeError("a date bound of the query condition must be a 'YYYY-MM-DD' literal")
    day = date.fromisoformat(node.this)
    # CAST('YYYY-MM-DD' AS DATE) reads alike on every engine (a date literal becomes DATE_FROM_PARTS,
    # which this Ibis and sqlglot pair renders for PostgreSQL with a function it lacks)
    return ibis.literal(day.isoformat()).cast("date")
