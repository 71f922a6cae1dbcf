"""Step ``clean``: make the text safe to parse without moving a single character.

Every later step reports character offsets, and users check them against the text they gave.
So cleaning replaces characters one for one and never inserts or deletes: line and paragraph
separators (U+2028, U+2029, seen in press releases pasted from PDFs) and carriage returns
become ``\\n``; tabs, no-break and zero-width spaces and other control characters become a
space. A text that is mostly control characters is binary that slipped through the loader and
is rejected with an error rather than parsed into nonsense.
"""

from __future__ import annotations

import re

from ruydad.errors import InputError
from ruydad.extract.document import Document

_NEWLINES = "\u2028\u2029\r\x0b\x0c\x85"
_TABLE = {ord(ch): "\n" for ch in _NEWLINES}
_TABLE.update({c: " " for c in range(0x20) if chr(c) not in "\n" + _NEWLINES})
_TABLE.update({0x7F: " ", 0xA0: " ", 0x200B: " ", 0x200C: " ", 0x200D: " ", 0xFEFF: " ", 0x2007: " ",
               0x202F: " ", 0x00AD: " "})
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")

MAX_CHARS = 300_000
"""Longest text the pipeline parses. spaCy's parser needs memory in proportion to the text; a
longer input is almost always not an article (a dump, a log, a book) and is refused."""


def clean_text(text: str) -> str:
    """The text with every character replaced one for one (offsets are preserved)."""
    if len(text) > 64 and len(_CONTROL.findall(text[:20000])) > 0.1 * min(len(text), 20000):
        raise InputError("the input looks like binary data, not text: give an article as text, HTML or a URL")
    return text.translate(_TABLE)


class CleanStep:
    """Pipeline step: normalises ``doc.text`` in place, length unchanged."""

    name = "clean"

    def __init__(self, max_chars: int = MAX_CHARS) -> None:
        self.max_chars = max_chars

    def __call__(self, doc: Document) -> Document:
        if len(doc.text) > self.max_chars:
            raise InputError(
                f"document {doc.id or '(no id)'} has {len(doc.text):,} characters, more than the "
                f"{self.max_chars:,} an article can have: split it into articles (JSONL with --jsonl)"
            )
        cleaned = clean_text(doc.text)
        assert len(cleaned) == len(doc.text)
        doc.text = cleaned
        return doc
