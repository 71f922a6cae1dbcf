"""Claims quoted in the news, with the same claim from several articles grouped as one.

Extraction already puts every claim it finds in an article ("the front said it killed 58 fighters",
"the government controls X") on the claims board (``claims`` table, ``origin='extracted'``), each with
its document and so its outlet. When the watch brings in ten reports of one statement, the board
would show ten rows. :func:`news_claims` groups them: one row per (subject, predicate, object,
stance), with how many articles repeat it, which outlets, who was quoted, the first and last date,
and each document's URL. Subjects and objects are compared by registry id where extraction
resolved one, else by their text, case-folded.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ruydad.theatres import TheatreLike, theatre_name

_SQL = """
SELECT c.claim_id, c.subject_actor_id, c.subject_text, c.predicate, c.object_actor_id, c.object_place_code,
       c.object_text, c.object_value, c.stance, c.claimed_by_name, c.claimed_on, c.sentence, c.theatre,
       d.document_id, d.outlet, d.url, d.published
FROM claims c LEFT JOIN documents d ON d.document_id = c.document_id
WHERE c.origin = 'extracted'
ORDER BY COALESCE(c.claimed_on, d.published) NULLS LAST, c.claim_id
"""
"""Earliest report first, so a group reads in its first report's words, whatever order the engine keeps."""


def _key(row: dict[str, Any]) -> tuple[str, str, str, str]:
    subject = row["subject_actor_id"] or (row["subject_text"] or "").casefold()
    obj = (row["object_actor_id"] or row["object_place_code"] or (row["object_text"] or "").casefold()
           or (row["object_value"] or "").casefold())
    return subject, row["predicate"], obj, row["stance"]


def news_claims(store: Any, *, theatre: TheatreLike | None = None, min_outlets: int = 1, date_from: date | None = None,
                date_to: date | None = None, limit: int | None = 200) -> list[dict[str, Any]]:
    """Claims from articles, repeated ones grouped, most repeated first (``min_outlets=2``: only
    claims that two or more outlets carried)."""
    cols = ("claim_id", "subject_actor_id", "subject_text", "predicate", "object_actor_id", "object_place_code",
            "object_text", "object_value", "stance", "claimed_by_name", "claimed_on", "sentence", "theatre",
            "document_id", "outlet", "url", "published")
    groups: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    for raw in store.con.execute(_SQL).fetchall():
        row = dict(zip(cols, raw, strict=True))
        when = row["claimed_on"] or row["published"]
        if theatre and row["theatre"] != theatre_name(theatre):
            continue
        if (date_from and (when is None or when < date_from)) or (date_to and (when is None or when > date_to)):
            continue
        group = groups.setdefault(_key(row), {
            "subject": row["subject_text"], "subject_actor_id": row["subject_actor_id"], "predicate": row["predicate"],
            "object": row["object_text"] or row["object_value"], "object_actor_id": row["object_actor_id"],
            "object_place_code": row["object_place_code"], "stance": row["stance"], "articles": 0, "outlets": [],
            "claimed_by": [], "first_date": when, "last_date": when, "reports": []})
        group["articles"] += 1
        for field, value in (("outlets", row["outlet"]), ("claimed_by", row["claimed_by_name"])):
            if value and value not in group[field]:
                group[field].append(value)
        if when and (group["first_date"] is None or when < group["first_date"]):
            group["first_date"] = when
        if when and (group["last_date"] is None or when > group["last_date"]):
            group["last_date"] = when
        group["reports"].append({"claim_id": row["claim_id"], "document_id": row["document_id"],
                                 "outlet": row["outlet"], "url": row["url"], "claimed_by": row["claimed_by_name"],
                                 "claimed_on": when, "sentence": row["sentence"]})
    rows = [g for g in groups.values() if len(g["outlets"]) >= min_outlets]
    rows.sort(key=lambda g: (-len(g["outlets"]), -g["articles"], str(g["last_date"] or ""), g["subject"] or ""))
    return rows[:limit] if limit else rows
