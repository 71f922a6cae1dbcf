"""English numbers written in words or digits -> values, for the statistics and events steps.

``words_to_number`` reads what news copy writes: digits with thousands separators ("1,200"),
decimals ("1.5"), cardinal words with or without hyphens or spaces ("forty-one", "forty one",
"Forty–One" with a dash), hundreds and thousands ("one hundred and forty-one", "two thousand"),
"a dozen" / "a hundred", and a trailing scale word ("1.5 million"). Anything else is ``None``:
a caller treats an unreadable number as no number, never as an error.
"""

from __future__ import annotations

import re

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES: dict[str, float] = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_SPLIT = re.compile(r"[\s\-‐‑‒–—]+")


def words_to_number(text: str, scale: str | None = None) -> float | None:
    """The value of a number as written, times ``scale`` ("thousand", "million"); None if unreadable."""
    raw = text.strip().lower()
    value: float | None
    if _DIGITS.fullmatch(raw):
        value = float(raw.replace(",", ""))
    else:
        value = _words(raw)
    if value is None:
        return None
    if scale:
        factor = SCALES.get(scale.strip().lower())
        if factor is None:
            return None
        value *= factor
    return value


def _words(raw: str) -> float | None:
    words = [w for w in _SPLIT.split(raw) if w and w != "and"]
    if not words:
        return None
    if words[0] in ("a", "an") and len(words) > 1:
        words[0] = "one"
    if words == ["one", "dozen"] or words == ["dozen"]:
        return 12.0
    total = 0.0
    current = 0.0
    seen = False
    for word in words:
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = (current or 1.0) * 100.0
        elif word in SCALES:
            total += (current or 1.0) * SCALES[word]
            current = 0.0
        elif _DIGITS.fullmatch(word):
            current += float(word.replace(",", ""))
        else:
            return None
        seen = True
    return total + current if seen else None
