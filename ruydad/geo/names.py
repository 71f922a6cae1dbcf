"""Turning a place name as written into the keys the gazetteer is indexed by.

Names of the same place differ in ways that carry no meaning: diacritics (Kābul), hyphens and
connectors of the Persian ezafe (Sar-e Pul, Sar-i-Pul, Sari Pul), doubled letters (Sarraj,
Saraj), vowel choices of romanisation (Urozgan, Uruzgan, Oruzgan) and, in Arabic script, the
Arabic and Persian forms of the same letter (ي / ی, ك / ک). Two keys absorb this:

- :func:`normalize` keeps the words (lower case, no diacritics, no punctuation): an exact match
  on it is as good as an exact match on the name.
- :func:`fold` is a looser phonetic skeleton (no ezafe, no spaces, no doubled letters, vowels and
  a few consonant pairs merged) on which fuzzy matching runs.

Trailing words that say what kind of place a name is ('province', 'district', 'valley', 'city',
and the theatre's own words for them) are split off by :func:`split_kind` and become a level hint.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

# Arabic-script letters written differently in Arabic, Dari and Pashto texts.
_ARABIC_FOLD = str.maketrans({
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا", "آ": "ا",
    "ٱ": "ا", "ؤ": "و", "\u0640": "", "\u200c": " ", "\u200d": "", "\u200f": "", "\u200e": "",
})
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670]")
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)

KIND_WORDS: dict[str, str] = {
    "province": "admin1", "provinces": "admin1", "district": "admin2", "districts": "admin2",
    "valley": "valley", "city": "city", "town": "city", "village": "village",
}
"""English words that, at the end (or start) of a name, say what kind of place it is. A theatre adds
its own (the local words for its units, "state", "LGA") in its geo pack's ``kind_words.csv``."""

_EZAFE = {"e", "i", "y", "ye", "yi", "al", "ul", "el", "us", "os"}


def normalize(name: str) -> str:
    """Lower case, no diacritics, punctuation as single spaces; Arabic letters unified."""
    text = unicodedata.normalize("NFKC", name).translate(_ARABIC_FOLD)
    text = _ARABIC_MARKS.sub("", text)
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in decomposed if not unicodedata.combining(ch) or _is_arabic(ch))
    # apostrophes and the letters that write an ayn or a hamza in romanised names ("Taʻizz" = "Taizz")
    text = re.sub("[‘’'`\u02bb\u02bc\u02be\u02bf]", "", text)
    return _NON_WORD.sub(" ", text.casefold()).replace("_", " ").strip()


def _is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff"


def split_kind(normalized: str, kind_words: Mapping[str, str] = KIND_WORDS) -> tuple[str, str | None]:
    """``'panjshir valley'`` -> ``('panjshir', 'valley')``; the kind word may lead or trail.
    ``kind_words`` are the theatre's (its gazetteer's ``kind_words``), the English ones by default."""
    words = normalized.split()
    if len(words) > 1 and words[-1] in kind_words:
        return " ".join(words[:-1]), kind_words[words[-1]]
    if len(words) > 1 and words[0] in kind_words:
        return " ".join(words[1:]), kind_words[words[0]]
    return normalized, None


def fold(normalized: str) -> str:
    """The phonetic skeleton fuzzy matching runs on (Latin script; Arabic script loses spaces only)."""
    words = [w for w in normalized.split() if w not in _EZAFE]
    text = "".join(words) or normalized.replace(" ", "")
    if not text.isascii():
        return text
    for old, new in (("kh", "k"), ("gh", "g"), ("q", "k"), ("zh", "z"), ("dh", "d"), ("ph", "f"),
                     ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ow", "o"), ("aw", "o"), ("ay", "ai"),
                     ("o", "u"), ("e", "i"), ("y", "i"), ("w", "u")):
        text = text.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", text)


def consonants(folded: str) -> str:
    """The consonant skeleton of a folded name ('najarab' and 'nijrab' are both 'njrb')."""
    return re.sub(r"[aeiou]", "", folded) if folded.isascii() else folded


def strip_parenthetical(name: str) -> tuple[str, str | None]:
    """``'Nad Ali district (Marja)'`` -> ``('Nad Ali district', 'Marja')``."""
    match = re.match(r"^\s*(.*?)\s*\(([^)]*)\)\s*(.*?)\s*$", name)
    if not match:
        return name.strip(), None
    head = " ".join(p for p in (match.group(1), match.group(3)) if p)
    return head, match.group(2).strip() or None
