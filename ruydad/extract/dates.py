"""Step ``dates``: find time expressions and resolve them against the publication date.

Algorithm (rules, no model):

1. *Atomic expressions* are matched by a list of patterns, each with a resolver that turns the
   match into an inclusive period and a precision: full dates ("Jan. 25, 2013", "25 January
   2013", "2013-01-25"), dates without a year ("August 15", "Feb. 6"), months ("August 2021",
   "in March", "last August", "late last month"), years ("2021", "the end of 2021", "the
   1990s"), relative days ("yesterday", "today", "last night", "on Friday"), relative periods
   ("last week", "earlier this month", "this year", "the past 24 hours", "the last two
   decades") and parts of a year ("the first six months of this year", "the first half of
   2022"). Overlapping matches keep the longest.
2. *Compound expressions* join atomic ones: "since <X>" (an open period from X to the
   publication date, e.g. "since its formation in March") and "between <X> and <Y>" / "from <X>
   to <Y>" (X's start to Y's end, e.g. "between the takeover last August and the end of 2021");
   the night between two days in a row ("between Saturday night and Sunday morning", "the night of
   Thursday and Friday") is the day it began.

Resolution rules that are a matter of convention, chosen to match how news copy is written:
a date without a year is the latest such date no more than a week after publication; "last
<Month>" is the latest such month strictly before the publication month (so "last August",
written on 2022-08-30, is August 2021); "in <Month>" is the latest such month not after the
publication month; a weekday is the latest such day on or before publication (wire copy names
the weekday even for the same day). Periods that run into the future ("this year") are cut at
the publication date. Month names are matched case-sensitively so that "may" and "march" in
running text are not taken for dates.

The publication date itself comes from metadata, the ``--published`` option, or a dateline
(:func:`find_dateline`): "CITY, Country (Jan. 25, 2013)", "CITY, Jan. 25 (Agency) -"; a dateline
without a year ("(Sept. 1)") borrows the year of the document's stamp near the top of the text
(a release number, a full date, a month and year). Relative days resolve against it: "yesterday",
"last night" and "overnight" are the day before, "this morning" and "today" the day itself, "two
days ago" two days before.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ruydad.extract.document import DateExpression, Document

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
# Abbreviated or full month names, capitalised; "May" is only taken where a day or year follows, or
# after a preposition of time ("In May, ...", "since May": the modal verb follows no preposition).
MONTH_ABBR = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
              r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
MONTH_FULL = r"(?:January|February|March|April|June|July|August|September|October|November|December)"
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a dozen": 12,
    "twenty-four": 24, "twenty four": 24, "several": 3, "few": 3, "a few": 3,
}
_UNIT_WORDS = r"(?:hours?|days?|weeks?|months?|years?|decades?)"
_NUM = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|" \
       r"twenty[- ]four|several|a few|few)"
_ORDINAL_HALF = {"first": 1, "second": 2}


def _month(token: str) -> int:
    return _MONTHS[token.strip(".").lower()[:3]]


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_period(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), _month_end(year, month)


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _year_of_day(month: int, day: int, pub: date) -> int:
    try:
        candidate = date(pub.year, month, day)
    except ValueError:
        return pub.year - 1
    return pub.year if candidate <= pub + timedelta(days=7) else pub.year - 1


@dataclass(frozen=True)
class Resolved:
    start: date | None
    end: date | None
    precision: str
    kind: str = "absolute"


Resolver = Callable[[re.Match[str], date | None], Resolved | None]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _full_mdy(m: re.Match[str], pub: date | None) -> Resolved | None:
    d = _safe_date(int(m["y"]), _month(m["m"]), int(m["d"]))
    return Resolved(d, d, "day") if d else None


def _iso_date(m: re.Match[str], pub: date | None) -> Resolved | None:
    d = _safe_date(int(m["y"]), int(m["mo"]), int(m["d"]))
    return Resolved(d, d, "day") if d else None


def _numeric_date(m: re.Match[str], pub: date | None) -> Resolved | None:
    """'28/01/2021', '28.01.2021', '01/28/2021', '2021/01/28': read only when the order is
    certain (a part above 12 is the day, or both parts are the same); '03/08/2021' is left out."""
    if m["y2"]:
        d = _safe_date(int(m["y2"]), int(m["p"]), int(m["q"]))
        return Resolved(d, d, "day") if d else None
    first, second, year = int(m["a"]), int(m["b"]), int(m["y"])
    if first > 12 or first == second:
        d = _safe_date(year, second, first)
    elif second > 12:
        d = _safe_date(year, first, second)
    else:
        return None
    return Resolved(d, d, "day") if d else None


def _month_day(m: re.Match[str], pub: date | None) -> Resolved | None:
    month, day = _month(m["m"]), int(m["d"])
    if not 1 <= day <= 31:
        return None
    if pub is None:
        return Resolved(None, None, "day", "relative")
    d = _safe_date(_year_of_day(month, day, pub), month, day)
    return Resolved(d, d, "day", "relative") if d else None


def _month_year(m: re.Match[str], pub: date | None) -> Resolved | None:
    start, end = _month_period(int(m["y"]), _month(m["m"]))
    if m["part"]:
        start, end = _part_of_month(m["part"], start, end)
    return Resolved(start, end, "month")


def _part_of_month(part: str, start: date, end: date) -> tuple[date, date]:
    part = part.lower().strip()
    if part.startswith("early"):
        return start, start.replace(day=10)
    if part.startswith("mid"):
        return start.replace(day=11), start.replace(day=20)
    if part.startswith("late") or part.startswith("end"):
        return start.replace(day=21), end
    return start, end


def _named_month(m: re.Match[str], pub: date | None) -> Resolved | None:
    """'last August', 'in March', 'since March', 'early this month'-like month mentions."""
    if pub is None:
        return Resolved(None, None, "month", "relative")
    month = _month(m["m"])
    rel = (m["rel"] or "").lower()
    if rel == "last":
        year = pub.year if month < pub.month else pub.year - 1
    elif rel == "next":
        year = pub.year if month > pub.month else pub.year + 1
    elif rel == "this":
        year = pub.year
    else:
        year = pub.year if month <= pub.month else pub.year - 1
    start, end = _month_period(year, month)
    if m["part"]:
        start, end = _part_of_month(m["part"], start, end)
    return Resolved(start, min(end, pub) if year == pub.year and month == pub.month else end, "month",
                    "relative")


def _month_range(m: re.Match[str], pub: date | None) -> Resolved | None:
    """'between January and March', 'from May to July': months named without a year are the last
    ones before the report (the later month this year or last, the earlier one before it)."""
    if pub is None:
        return Resolved(None, None, "range", "between")
    first, last = _month(m["m"]), _month(m["m2"])
    last_year = pub.year if last <= pub.month else pub.year - 1
    first_year = last_year if first <= last else last_year - 1
    start = _month_period(first_year, first)[0]
    end = _month_period(last_year, last)[1]
    return Resolved(start, min(end, pub), "range", "between")


def _relative_month(m: re.Match[str], pub: date | None) -> Resolved | None:
    """'last month', 'late last month', 'earlier this month', 'next month'."""
    if pub is None:
        return Resolved(None, None, "month", "relative")
    rel = m["rel"].lower()
    delta = {"last": -1, "this": 0, "next": 1}[rel]
    year, month = _shift_month(pub.year, pub.month, delta)
    start, end = _month_period(year, month)
    part = (m["part"] or "").lower()
    if part.startswith("earlier"):
        end = pub
    elif part:
        start, end = _part_of_month(part, start, end)
    if delta == 0:
        end = min(end, pub)
    return Resolved(start, end, "month", "relative")


def _relative_year(m: re.Match[str], pub: date | None) -> Resolved | None:
    """'this year', 'earlier this year', 'last year', 'late last year'."""
    if pub is None:
        return Resolved(None, None, "year", "relative")
    rel = m["rel"].lower()
    year = pub.year + {"last": -1, "this": 0, "next": 1}[rel]
    start, end = date(year, 1, 1), date(year, 12, 31)
    part = (m["part"] or "").lower()
    if part.startswith("earl"):
        end = date(year, 4, 30) if part.startswith("early") else pub
    elif part.startswith("late"):
        start = date(year, 9, 1)
    if year == pub.year:
        end = min(end, pub)
    return Resolved(start, end, "year", "relative")


def _relative_week(m: re.Match[str], pub: date | None) -> Resolved | None:
    if pub is None:
        return Resolved(None, None, "week", "relative")
    monday = pub - timedelta(days=pub.weekday())
    if m["rel"].lower() == "last":
        return Resolved(monday - timedelta(days=7), monday - timedelta(days=1), "week", "relative")
    if m["rel"].lower() == "next":
        return Resolved(monday + timedelta(days=7), monday + timedelta(days=13), "week", "relative")
    return Resolved(monday, pub, "week", "relative")


def _previous_day(m: re.Match[str], pub: date | None) -> Resolved | None:
    """"the previous day", "the day before": the day before the day the sentence tells (see
    :func:`_combine`), else before publication."""
    if pub is None:
        return Resolved(None, None, "day", "previous")
    d = pub - timedelta(days=1)
    return Resolved(d, d, "day", "previous")


def _relative_day(m: re.Match[str], pub: date | None) -> Resolved | None:
    if pub is None:
        return Resolved(None, None, "day", "relative")
    word = m.group(0).lower()
    if "before yesterday" in word:
        d = pub - timedelta(days=2)
    elif "yesterday" in word or "last night" in word or "last evening" in word or "overnight" in word:
        # An overnight operation began the evening before the day the report was written.
        d = pub - timedelta(days=1)
    elif "tomorrow" in word:
        d = pub + timedelta(days=1)
    else:
        d = pub
    return Resolved(d, d, "day", "relative")


def _ago(m: re.Match[str], pub: date | None) -> Resolved | None:
    """'two days ago' (that day), 'three weeks ago' (that day, to the week), 'a month ago' (that
    month), 'two years ago' (that year): counted back from the publication date."""
    unit = m["unit"].lower().rstrip("s")
    if pub is None:
        return Resolved(None, None, "day" if unit == "day" else unit, "relative")
    count = _count(m["n"])
    if unit in ("day", "week"):
        d = pub - timedelta(days=count * (7 if unit == "week" else 1))
        return Resolved(d, d, unit, "relative")
    if unit == "month":
        year, month = _shift_month(pub.year, pub.month, -count)
        start, end = _month_period(year, month)
        return Resolved(start, end, "month", "relative")
    return Resolved(date(pub.year - count, 1, 1), date(pub.year - count, 12, 31), "year", "relative")


def _weekday(m: re.Match[str], pub: date | None) -> Resolved | None:
    if pub is None:
        return Resolved(None, None, "day", "relative")
    target = _WEEKDAYS.index(m["wd"].lower())
    back = (pub.weekday() - target) % 7
    if (m["rel"] or "").lower() == "last" and back == 0:
        back = 7
    d = pub - timedelta(days=back)
    return Resolved(d, d, "day", "relative")


def _past_span(m: re.Match[str], pub: date | None) -> Resolved | None:
    """'the past 24 hours', 'the last two decades', 'the past three months'."""
    if pub is None:
        return Resolved(None, None, "range", "relative")
    count = _count(m["n"]) if m["n"] else 1
    unit = m["unit"].lower().rstrip("s")
    days = {"hour": count / 24, "day": count, "week": 7 * count, "month": 30.44 * count,
            "year": 365.25 * count, "decade": 3652.5 * count}[unit]
    start = pub - timedelta(days=max(1, round(days)))
    return Resolved(start, pub, "range", "relative")


def _count(word: str) -> int:
    word = word.lower().strip()
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word.replace("-", " "), _NUMBER_WORDS.get(word, 1))


def _part_of_year(m: re.Match[str], pub: date | None) -> Resolved | None:
    """'the first six months of this year', 'the first half of 2022', 'the second half of the year'."""
    year_text = m["year"].lower()
    if year_text.isdigit():
        year = int(year_text)
    elif pub is None:
        return Resolved(None, None, "range", "relative")
    else:
        year = pub.year - 1 if "last" in year_text else pub.year
    which = (m["which"] or "first").lower()
    if m["half"]:
        half = _ORDINAL_HALF.get(which, 1)
        start, end = (date(year, 1, 1), date(year, 6, 30)) if half == 1 else (date(year, 7, 1),
                                                                                date(year, 12, 31))
    else:
        months = _count(m["n"]) if m["n"] else 3
        months = max(1, min(12, months))
        if which == "last":
            start, end = date(year, 13 - months, 1), date(year, 12, 31)
        else:
            start, end = date(year, 1, 1), _month_end(year, months)
    kind = "absolute" if year_text.isdigit() else "relative"
    return Resolved(start, end, "range", kind)


def _year(m: re.Match[str], pub: date | None) -> Resolved | None:
    year = int(m["y"])
    part = (m["part"] or "").lower()
    if "end" in part or "late" in part:
        return Resolved(date(year, 12, 31) if "end" in part else date(year, 9, 1), date(year, 12, 31),
                        "month" if "end" in part else "year")
    if "begin" in part or "start" in part or "early" in part:
        return Resolved(date(year, 1, 1), date(year, 1, 31) if "early" not in part else date(year, 4, 30),
                        "month" if "early" not in part else "year")
    end = date(year, 12, 31)
    if pub is not None and year == pub.year:
        end = min(end, pub)
    return Resolved(date(year, 1, 1), end, "year")


def _decade(m: re.Match[str], pub: date | None) -> Resolved | None:
    start = int(m["y"])
    return Resolved(date(start, 1, 1), date(start + 9, 12, 31), "decade")


_PART = r"(?:(?P<part>early|mid-?|late|the end of|end of|the beginning of|the start of)\s+)?"
PATTERNS: list[tuple[str, re.Pattern[str], Resolver]] = [
    ("iso_date", re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)\b"), _iso_date),
    ("month_day_year", re.compile(
        rf"\b(?P<m>{MONTH_ABBR})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{{2}})\b"), _full_mdy),
    ("day_month_year", re.compile(
        rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{MONTH_ABBR})\.?,?\s+(?P<y>(?:19|20)\d{{2}})\b"),
     _full_mdy),
    ("numeric_date", re.compile(
        r"\b(?:(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d{2})"
        r"|(?P<y2>(?:19|20)\d{2})/(?P<p>\d{1,2})/(?P<q>\d{1,2}))\b(?![/.]\d)"), _numeric_date),
    ("month_day", re.compile(rf"\b(?P<m>{MONTH_ABBR})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?![-/:]?\d)"),
     _month_day),
    ("day_month", re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{MONTH_FULL})\b"),
     _month_day),
    ("month_year", re.compile(
        rf"\b(?i:(?P<part>early|mid-?|late|the end of|end of)\s+)?(?P<m>{MONTH_ABBR}|May)\s+(?:of\s+)?"
        rf"(?P<y>(?:19|20)\d{{2}})\b"), _month_year),
    ("part_of_year", re.compile(
        r"(?i:\b(?:the\s+)?(?P<which>first|second|last)\s+(?:(?P<half>half)|(?P<n>" + _NUM +
        r")\s+months|quarter)\s+of\s+(?P<year>(?:19|20)\d{2}|this year|last year|the year|the current year)\b)"),
     _part_of_year),
    ("relative_month", re.compile(
        r"(?i:\b(?P<part>earlier|early|mid-?|late|the end of|end of)?\s*(?P<rel>last|this|next)\s+month\b)"),
     _relative_month),
    ("relative_year", re.compile(
        r"(?i:\b(?:(?P<part>earlier|early|late|later)\s+)?(?P<rel>last|this|next)\s+year\b)"), _relative_year),
    ("relative_week", re.compile(r"(?i:\b(?P<rel>last|this|next)\s+week\b)"), _relative_week),
    ("named_month", re.compile(
        rf"(?:\b(?i:(?P<part>early|mid-?|late|the end of|end of)\s+)?(?i:(?P<rel>last|this|next)\s+)"
        rf"(?P<m>{MONTH_FULL}|May)\b)"
        rf"|(?:\b(?P<prep>in|In|of|since|Since|during|During|until|by|from|From)\s+"
        rf"(?i:(?P<part2>early|mid-?|late)\s+)?(?P<m2>{MONTH_FULL}|May)\b(?!\s+\d))"), None),  # type: ignore[list-item]
    ("month_range", re.compile(
        rf"\b(?:between|Between|from|From)\s+(?P<m>{MONTH_FULL}|May)\s+(?:and|to|until|through)\s+"
        rf"(?P<m2>{MONTH_FULL}|May)\b(?!\s+\d)"), _month_range),
    ("relative_day", re.compile(
        r"(?i:\b(?:the day before yesterday|yesterday|(?:earlier |later )?today|tonight|last night|last evening|"
        r"(?<!\ban\s)(?<!\bthe\s)(?<!\bAn\s)(?<!\bThe\s)overnight|tomorrow|(?:(?:early|earlier|late|later)\s+)?this\s+(?:morning|afternoon|evening))\b)"),
     _relative_day),
    ("ago", re.compile(r"(?i:\b(?P<n>" + _NUM + r")\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b)"), _ago),
    ("weekday", re.compile(
        r"\b(?:(?i:(?P<rel>last|this|on|late|early)\s+))?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|"
        r"Saturday|Sunday)\b"), _weekday),
    ("previous_day", re.compile(
        r"(?i:\b(?:the\s+(?:previous|preceding)\s+day|(?:the|a)\s+day\s+(?:before|earlier)(?=\s*(?:[,.;]|$)))\b)"),
     _previous_day),
    ("past_span", re.compile(
        r"(?i:\b(?:the\s+)?(?:past|last|previous)\s+(?:(?P<n>" + _NUM + r")\s+)?(?P<unit>" + _UNIT_WORDS
        + r")\b)"), _past_span),
    ("decade", re.compile(r"\b(?:the\s+)?(?:(?i:early|mid-?|late)\s+)?(?P<y>(?:19|20)\d0)'?s\b"), _decade),
    ("year", re.compile(
        r"(?:\b(?i:(?P<part>the end of|end of|late|the beginning of|the start of|early)\s+))?"
        r"(?<![\d-])\b(?P<y>(?:19|20)\d{2})\b(?![-/]\d)(?!-[A-Z])"), _year),
]


def _named_month_dispatch(m: re.Match[str], pub: date | None) -> Resolved | None:
    class _View:
        def __init__(self, match: re.Match[str]) -> None:
            self.match = match

        def __getitem__(self, key: str) -> str | None:
            if key == "m":
                return self.match["m"] or self.match["m2"]
            if key == "part":
                return self.match["part"] or self.match["part2"]
            return self.match[key]

    return _named_month(_View(m), pub)  # type: ignore[arg-type]


PATTERNS = [(n, p, r if r is not None else _named_month_dispatch) for n, p, r in PATTERNS]

_SINCE = re.compile(r"(?i:\bsince\b)")
_BETWEEN = re.compile(r"(?i:\b(between|from)\b)")
_AND = re.compile(r"(?i:\b(and|to|until|through)\b)")
_NIGHT_OF = re.compile(r"(?i:\bnight\s+of\s+$)")


def _one_night(text: str, start: int, first: DateExpression, second: DateExpression) -> bool:
    """Two days in a row told as the night between them ("between Saturday night and Sunday
    morning", "the night between Friday and Saturday", "the night of Thursday and Friday")."""
    if first.precision != "day" or second.precision != "day" or first.period_start is None or \
            second.period_start is None or second.period_start - first.period_start != timedelta(days=1):
        return False
    return bool(re.search(r"(?i:\bnight\b)", text[max(0, start - 16):second.start]))


def find_dates(text: str, published: date | None) -> list[DateExpression]:
    """All time expressions in ``text``, resolved against ``published`` (None: relative ones unresolved)."""
    found: list[tuple[int, int, Resolved]] = []
    for _name, pattern, resolver in PATTERNS:
        for m in pattern.finditer(text):
            resolved = resolver(m, published)
            if resolved is not None:
                start, end = m.span()
                if "prep" in m.groupdict() and m["prep"]:
                    start = m.end("prep")
                while start < end and text[start].isspace():
                    start += 1
                found.append((start, end, resolved))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    atomic: list[tuple[int, int, Resolved]] = []
    for item in found:
        if atomic and item[0] < atomic[-1][1]:
            if item[1] - item[0] > atomic[-1][1] - atomic[-1][0]:
                atomic[-1] = item
            continue
        atomic.append(item)
    expressions = [DateExpression(text[s:e], s, e, r.start, r.end, r.precision, kind=r.kind) for s, e, r in atomic]
    return _combine(text, expressions, published)


def _combine(text: str, atoms: list[DateExpression], published: date | None) -> list[DateExpression]:
    """Join 'since X' and 'between X and Y' into periods; the atoms they consume are dropped.
    "the previous day" after a day in the same sentence ("police said on Tuesday that ... the
    previous day") is the day before that one."""
    for i, atom in enumerate(atoms):
        if atom.kind != "previous" or i == 0:
            continue
        told = atoms[i - 1]
        if told.precision == "day" and told.period_start is not None and \
                not re.search(r"[.!?]\s", text[told.end:atom.start]):
            day = told.period_start - timedelta(days=1)
            atoms[i] = replace(atom, period_start=day, period_end=day)
    out: list[DateExpression] = []
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        window_start = max(0, atom.start - 45)
        before = text[window_start:atom.start]
        since = list(_SINCE.finditer(before))
        if since and "." not in before[since[-1].end():] and atom.period_start is not None:
            start = window_start + since[-1].start()
            end = published if published and (atom.period_end is None or atom.period_end <= published) \
                else atom.period_end
            out.append(DateExpression(text[start:atom.end], start, atom.end, atom.period_start, end,
                                      "range", kind="since"))
            i += 1
            continue
        between = list(_BETWEEN.finditer(before))
        if between and i + 1 < len(atoms) and "." not in before[between[-1].end():]:
            nxt = atoms[i + 1]
            gap = text[atom.end:nxt.start]
            # the two ends are near ("Saturday night and Sunday morning"), not a later "to" of
            # another phrase ("the toll from Friday's bombing rose to 25 on Saturday")
            if len(gap) <= 60 and len(gap.split()) <= 5 and _AND.search(gap) and "." not in gap and \
                    atom.period_start and nxt.period_end:
                start = window_start + between[-1].start()
                if _one_night(text, start, atom, nxt):
                    # "between Saturday night and Sunday morning", "the night between Friday and
                    # Saturday": one night, dated on the day it began
                    out.append(replace(atom, text=text[start:nxt.end], start=start, end=nxt.end))
                else:
                    out.append(DateExpression(text[start:nxt.end], start, nxt.end, atom.period_start,
                                              nxt.period_end, "range", kind="between"))
                i += 2
                continue
        night_of = _NIGHT_OF.search(before)
        if night_of and i + 1 < len(atoms) and _one_night(text, atom.start, atom, atoms[i + 1]) and \
                re.fullmatch(r"\s+and\s+", text[atom.end:atoms[i + 1].start]):
            nxt = atoms[i + 1]  # "on the intervening night of Thursday and Friday": the Thursday
            start = window_start + night_of.start()
            out.append(replace(atom, text=text[start:nxt.end], start=start, end=nxt.end))
            i += 2
            continue
        out.append(atom)
        i += 1
    return out


_PATTERN = {name: pattern for name, pattern, _resolver in PATTERNS}
_CITY = r"[A-Z][A-Za-z.']{0,30}(?:[ -][A-Z][A-Za-z.']{0,30}){0,5}(?:,[ \t]*[A-Z][A-Za-z.]{0,30}" \
        r"(?:[ \t][A-Z][A-Za-z.]{0,30}){0,3})?"
_DATELINE = re.compile(rf"(?m)^[ \t]*{_CITY}[ \t]*\((?P<inner>[^()\n]{{3,40}})\)")
"""A dateline with its date in parentheses: "CITY, Country (Jan. 25, 2013)", "(Sept. 1)"."""
_WIRE_DATELINE = re.compile(
    rf"(?m)^[ \t]*{_CITY}(?:[ \t]*\[[^\[\]\n]{{1,40}}\])?,[ \t]*"
    rf"(?P<inner>{MONTH_ABBR}[ \t]+\d{{1,2}}(?:,?[ \t]+(?:19|20)\d{{2}})?"
    rf"|\d{{1,2}}[ \t]+{MONTH_ABBR}\.?(?:,?[ \t]+(?:19|20)\d{{2}})?)"
    r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:--?|[\u2014\u2013:])")
"""A wire dateline with the date after the city: "CITY, Jan 28 (Reuters) -", "CITY, Country,
March 3, 2021 \u2014", "CITY, 28 January (Agency) --", "City [Country], November 4 (Agency):"."""
# Words exclude the hyphen that also separates them, and repetitions are bounded: a pattern in
# which "Abc-Def" can split two ways backtracks exponentially on hostile input.
_RELEASE_NUMBER = re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<mo>0?[1-9]|1[0-2])-[A-Z]{1,3}-\d+")
_BARE_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_DAY_MONTH_ABBR = re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{MONTH_ABBR})")


def _full_date(text: str) -> tuple[int, date] | None:
    """(offset, date) of the first full date in ``text``: "Jan. 25, 2013", "25 January 2013", "2013-01-25"."""
    found: list[tuple[int, date]] = []
    for name in ("month_day_year", "day_month_year", "iso_date", "numeric_date"):
        for m in _PATTERN[name].finditer(text):
            if name == "numeric_date":
                resolved = _numeric_date(m, None)
                d = resolved.start if resolved else None
            else:
                d = _safe_date(int(m["y"]), int(m["mo"]) if name == "iso_date" else _month(m["m"]), int(m["d"]))
            if d is not None:
                found.append((m.start(), d))
                break
    return min(found) if found else None


def _header_stamp(head: str) -> tuple[int, int | None] | None:
    """(year, month or None) of the document's own stamp: a release number ("2011-01-S-025"), else
    the first full date, else the first month and year ("January 2011"), else the first year, in
    the first 600 characters."""
    release = _RELEASE_NUMBER.search(head)
    if release:
        return int(release["y"]), int(release["mo"])
    head = head[:600]
    full = _full_date(head)
    if full:
        return full[1].year, full[1].month
    month_year = _PATTERN["month_year"].search(head)
    if month_year:
        return int(month_year["y"]), _month(month_year["m"])
    year = _BARE_YEAR.search(head)
    return (int(year.group(1)), None) if year else None


_ISO_YEAR_MONTH = re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<mo>0[1-9]|1[0-2])(?!\d)")


def _document_stamp(text: str) -> tuple[int, int | None] | None:
    """(year, month or None) a whole document gives when its top has no stamp: the one year of all
    its full dates ("Jan. 25, 2013", "2013-01-25") and year-months ("2013-01", "January 2013");
    None when they give two years or none (a year is never guessed)."""
    found: set[tuple[int, int]] = set()
    for name in ("month_day_year", "day_month_year", "iso_date", "month_year"):
        for m in _PATTERN[name].finditer(text):
            month = int(m["mo"]) if name == "iso_date" else _month(m["m"])
            found.add((int(m["y"]), month))
    found |= {(int(m["y"]), int(m["mo"])) for m in _ISO_YEAR_MONTH.finditer(text)}
    years = {year for year, _month_ in found}
    if len(years) != 1:
        return None
    months = {month for _year, month in found}
    return years.pop(), (months.pop() if len(months) == 1 else None)


def _year_for(month: int, stamp: tuple[int, int | None] | None) -> int | None:
    """The year of a month-and-day date in a document stamped ``stamp``: the stamp's year, except
    across the turn of a year (a "Dec. 31" dateline on a January release is the year before)."""
    if stamp is None:
        return None
    year, stamp_month = stamp
    if stamp_month is not None and month - stamp_month > 6:
        return year - 1
    if stamp_month is not None and stamp_month - month > 6:
        return year + 1
    return year


def _dateline_date(inner: str, head: str, published: date | None = None, text: str = "") -> date | None:
    """The date a dateline's date part gives; one without a year takes it from the publication
    date when known, else from the header stamp, else from the one year the whole ``text`` gives
    (:func:`_document_stamp`)."""
    full = _full_date(inner)
    if full:
        return full[1]
    partial = _PATTERN["month_day"].search(inner) or _DAY_MONTH_ABBR.search(inner)
    if partial is None:
        return None
    month, day = _month(partial["m"]), int(partial["d"])
    year = _year_of_day(month, day, published) if published else \
        _year_for(month, _header_stamp(head) or _document_stamp(text))
    return _safe_date(year, month, day) if year else None


DATELINE_LAG_DAYS = 3
"""A dateline up to this many days before the publication date is the day the story was written:
its "yesterday" and "on Tuesday" count from the dateline, not from when the page was published."""


def find_dateline(text: str, published: date | None = None) -> tuple[date | None, tuple[int, int] | None]:
    """The date of a wire-style dateline near the top of the text, and its offsets.

    "CITY, Country (Jan. 25, 2013)" and "CITY, Jan. 25, 2013 (Agency) -" give 2013-01-25. A
    dateline without a year, e.g. "(Sept. 1)" or "CITY, Sept. 1 (Agency) -", takes the year of the
    document's stamp (:func:`_header_stamp`): a release number ("2010-09-CA-005"), a full date, a
    month and year or a year near the top of the text, else the one year all the full dates and
    year-months of the text give; no stamp, no date (a year is never guessed).
    With ``published`` known, a dateline without a year takes the year that puts it closest
    before publication.
    """
    head = text[:1500]
    lines = sorted([*_DATELINE.finditer(head), *_WIRE_DATELINE.finditer(head)], key=lambda m: m.start())
    for m in lines:
        found = _dateline_date(m["inner"], head, published, text)
        if found:
            return found, (m.start("inner"), m.end("inner"))
    return None, None


def dateline_span(text: str, published: date | None = None) -> tuple[int, int] | None:
    """Where the dateline's date lies, also when the date cannot be read ("<City>, Feb 15: ..." with
    no year and no publication day): the line still says where the story was filed, not where
    anything happened."""
    found = find_dateline(text, published)[1]
    if found is not None:
        return found
    wire = _WIRE_DATELINE.search(text[:1500])
    return (wire.start("inner"), wire.end("inner")) if wire else None


def find_header_date(text: str) -> date | None:
    """A publication date from the header when there is no dateline: a full date in the first
    lines ("Evening Operational Update June 13, 2011", "Published 12 January 2021"), or a headline
    that starts with a month and day ("Dec. 6: Operations in ...") with the year of the stamp near it."""
    head = text[:400]
    full = _full_date(head)
    if full:
        return full[1]
    lead = re.match(rf"\s*(?P<m>{MONTH_ABBR})\s+(?P<d>\d{{1,2}})\b", head)
    if lead:
        year = _year_for(_month(lead["m"]), _header_stamp(head))
        if year:
            return _safe_date(year, _month(lead["m"]), int(lead["d"]))
    return None


class DatesStep:
    """Pipeline step: fills ``doc.dates`` (and ``doc.published`` from a dateline if still unknown).

    Relative expressions resolve against the publication date, or against the dateline's date
    when the story was filed up to :data:`DATELINE_LAG_DAYS` days before it was published."""

    name = "dates"

    def __call__(self, doc: Document) -> Document:
        reference = doc.published
        if doc.published is not None:
            filed, _span = find_dateline(doc.text, doc.published)
            if filed is not None and 0 < (doc.published - filed).days <= DATELINE_LAG_DAYS:
                reference = filed
        if doc.published is None:
            found, _span = find_dateline(doc.text)
            if found:
                doc.published = found
                doc.published_from = "dateline"
            else:
                header = find_header_date(doc.text)
                if header:
                    doc.published = header
                    doc.published_from = "header"
            reference = doc.published
        doc.dates = find_dates(doc.text, reference)
        for expression in doc.dates:
            expression.sentence = doc.sentence_at(expression.start)
        return doc
