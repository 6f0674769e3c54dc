"""Finding dates in titles, text and file names ("2026-05-25", "25 maj 2026", "May 25, 2026", "20201124").

Every date is checked against the calendar, so "2026-13-01" is not a date. A range ("4-5 februari 2026")
gives its first day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from .vocabulary import MONTHS

_MONTH = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_NOT_DIGIT_BEFORE = r"(?<![\d])"
_NOT_DIGIT_AFTER = r"(?![\d])"
_ORDINAL = r"(?:st|nd|rd|th|:e|:a|e)?"
_RANGE_END = r"(?:\s*[-–—]\s*\d{1,2}" + _ORDINAL + r")?"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("ymd", re.compile(_NOT_DIGIT_BEFORE + r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})" + _NOT_DIGIT_AFTER)),
    ("d_month_y", re.compile(
        r"(?<![\w])(?P<d>\d{1,2})" + _ORDINAL + r"\.?" + _RANGE_END + r"\s+(?:of\s+)?(?P<month>" + _MONTH
        + r")\.?,?\s+(?P<y>\d{4})" + _NOT_DIGIT_AFTER, re.IGNORECASE)),
    ("month_d_y", re.compile(
        r"(?<![\w])(?P<month>" + _MONTH + r")\.?\s+(?P<d>\d{1,2})" + _ORDINAL + _RANGE_END
        + r",?\s+(?P<y>\d{4})" + _NOT_DIGIT_AFTER, re.IGNORECASE)),
    ("d_m_y", re.compile(_NOT_DIGIT_BEFORE + r"(?P<d>\d{1,2})[./](?P<m>\d{1,2})(?:[./]|\s+)(?P<y>\d{4})"
                         + _NOT_DIGIT_AFTER)),
]
_COMPACT_8 = re.compile(r"(?<![A-Za-z0-9])(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?![A-Za-z0-9])")
_COMPACT_6 = re.compile(r"(?<![A-Za-z0-9])(?P<y>\d{2})(?P<m>\d{2})(?P<d>\d{2})(?![A-Za-z0-9])")
_WORD = re.compile(r"[^\W_]{3,}")
_OCR_MONTH_SLIPS = (("rn", "m"), ("1", "l"), ("0", "o"), ("5", "s"), ("vv", "w"), ("ii", "u"))
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?<![\d])(19[5-9]\d|20\d\d)(?![\d])")


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _from_match(kind: str, m: re.Match[str]) -> dt.date | None:
    year, day = int(m["y"]), int(m["d"])
    if kind in ("d_month_y", "month_d_y"):
        return _make_date(year, MONTHS[m["month"].lower()], day)
    month = int(m["m"])
    if kind == "d_m_y" and month > 12 >= day:  # US order: 5/25/2026
        day, month = month, day
    return _make_date(year, month, day)


def find_dates(text: str, compact: bool = False) -> list[tuple[int, dt.date]]:
    """All valid dates in `text` as (position, date), in order of position.

    `compact` also accepts digit runs such as "20201124" (YYYYMMDD) and "180414" (YYMMDD); only ask for
    that in titles and file names, where a bare number is unlikely to be anything else.
    """
    if not _DIGIT.search(text):  # every date has digits, and reading months back never adds one
        return []
    text = repair_months(text)
    found: dict[int, dt.date] = {}
    taken: list[range] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() in span for span in taken):
                continue
            date = _from_match(kind, m)
            if date:
                found[m.start()] = date
                taken.append(range(m.start(), m.end()))
    if compact:
        for pattern, century in ((_COMPACT_8, 0), (_COMPACT_6, 2000)):
            for m in pattern.finditer(text):
                if any(m.start() in span for span in taken):
                    continue
                date = _make_date(int(m["y"]) + century, int(m["m"]), int(m["d"]))
                if date:
                    found[m.start()] = date
                    taken.append(range(m.start(), m.end()))
    return sorted(found.items())


def repair_months(text: str) -> str:
    """Month names as OCR damaged them read back: "Novernber" -> "November", "Apri1" -> "April"."""
    def repair(m: re.Match[str]) -> str:
        word = m.group()
        lower = word.lower()
        if lower in MONTHS or not any(slip in lower for slip, _ in _OCR_MONTH_SLIPS):
            return word
        for slip, letter in _OCR_MONTH_SLIPS:
            lower = lower.replace(slip, letter)
        return lower if lower in MONTHS and len(lower) > 3 else word
    return _WORD.sub(repair, text)


def first_date(text: str, compact: bool = False) -> dt.date | None:
    """The first valid date in `text`, or None."""
    dates = find_dates(text, compact=compact)
    return dates[0][1] if dates else None


def date_spans(text: str) -> list[tuple[int, int]]:
    """Where dates stand in `text` (for cutting them out of a title)."""
    spans = []
    for kind, pattern in _PATTERNS:
        spans += [(m.start(), m.end()) for m in pattern.finditer(text) if _from_match(kind, m)]
    return spans


def date_from_filename(name: str) -> dt.date | None:
    """A date written into a file name: "2026-05-25_x.txt", "minutes-20201124.md", "protokoll_180414.txt"."""
    stem = re.sub(r"\.[A-Za-z0-9]{1,8}$", "", name)
    return first_date(stem.replace("_", " "), compact=True)


def guess_year(text: str, today: dt.date | None = None) -> int | None:
    """The year cited most often in `text` (not in the future); ties go to the earlier year.

    Minutes tend to mention the year they were written in more than any other, and to look ahead more
    than back, so on a tie the earlier year is the safer guess. This is a guess: never shown as a date.
    """
    this_year = (today or dt.date.today()).year
    counts = Counter(int(y) for y in _YEAR.findall(text) if int(y) <= this_year + 1)
    if not counts:
        return None
    best = max(counts.values())
    return min(year for year, n in counts.items() if n == best)
