"""The head of the minutes: title, the body that met, and the meeting date with where it came from."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from .attendance import attendance_header, parse_entries
from .dates import date_from_filename, date_spans, find_dates
from .model import Block
from .noise import is_lone_number, is_page_marker
from .vocabulary import (
    AGENDA_CUES,
    AGENDA_LIST_HEADERS,
    GENERIC_BODIES,
    HEADER_KEYS,
    HELD_PREFIXES,
    TITLE_FILLER,
    fold,
    has_title_cue,
    match_term,
)

_MAX_TITLE_CANDIDATES = 12
_MIN_TITLE_SCORE = 3
_COMPOUND_MEETING = re.compile(r"(?i)(\w)-\s+(möte|mötet|sammanträde)\b")
_MEETING_SUFFIX = re.compile(r"(?i)(\w{4,}?)s?(möte|mötet|sammanträde|sammanträdet)$")
_SWEDISH_MEETING_END = re.compile(r"\s(?:mote|motet|sammantrade)\W*(?:\d[\d\s.-]*)?$")
_GENITIVE = re.compile(r"^\w{4,}(?:ens|ets|ns|ts)$")
_WEEKDAYS = re.compile(
    r"(?i)\b(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)(?:en)?\b,?"
)
_SEPARATORS = " \t,;:–—-|/"
_MEETING_NUMBER = re.compile(r"(?i)(?<!\w)(?:no|nr|number|nummer|#)\.?\s*\d+\b")  # "meeting no. 14"
_COLUMN_GAP = re.compile(r"(?<=\S)\s{3,}(?=\S)")
_TRAILING_LINK_WORD = re.compile(r"(?i)\s+(?:den|on|held|at|in|of|the|på|i|vid|från|held on|of the)$")


@lru_cache(maxsize=1 << 16)  # asked of every line, more than once
def is_header_info(text: str) -> bool:
    """"Datum: 2026-05-25", "Plats: Stockholm", "Time: 18:00": facts about the meeting."""
    label, sep, rest = text.partition(":")
    return bool(sep) and len(label.split()) <= 3 and match_term(label, HEADER_KEYS) is not None


def find_title(blocks: list[Block], limit: int) -> int | None:
    """Index of the title among the first blocks (before `limit`), or None when there is none.

    The title is the line that reads most like one: a heading, a word such as "möte"/"minutes", a date.
    A name block above it (the author: "Susanne Dahllöf / MONA-support") is passed over. When no line
    reads like a title, the first line is taken if it could be one (not a sentence, not a date).
    """
    candidates = [i for i, b in enumerate(blocks[:limit]) if b.kind != "blank" and b.text.strip()]
    candidates = candidates[:_MAX_TITLE_CANDIDATES]
    scored = [(_title_score(blocks[i]), -i) for i in candidates]
    if not scored:
        return None
    best_score, best = max(scored)
    if best_score >= _MIN_TITLE_SCORE:
        return -best
    first = candidates[0]
    text = blocks[first].text.strip()
    if _title_score(blocks[first]) >= 0 and not find_dates(text) and not text.endswith((".", "?", "!")):
        return first
    return None


def _title_score(block: Block) -> int:
    text = block.text.strip()
    if (is_page_marker(text) or is_lone_number(text) or is_header_info(text) or attendance_header(text)
            or match_term(text, AGENDA_CUES) or match_term(text, AGENDA_LIST_HEADERS)):
        return -10
    if fold(text).startswith(HELD_PREFIXES):
        return -10  # "Meeting held on 27/06/2023 at 18:00": when and where, not the title
    people = parse_entries(text)
    if people and all(not p.affiliation and not p.role for p in people) or len(text.split()) > 20:
        return -10
    cue = has_title_cue(text)
    score = 4 if cue else 0
    score += 3 + (block.level == 1) if block.kind == "heading" else 0
    score += 2 if find_dates(text, compact=True) else 0
    return score - (3 if people and not cue else 0)


def clean_title(text: str) -> str:
    """The title as a line of text: columns of a page header that are page numbers or labels go."""
    columns = [c for c in _COLUMN_GAP.split(text.strip())
               if not is_page_marker(c) and not match_term(c, HEADER_KEYS)] or [text.strip()]
    return " ".join(columns).strip().rstrip(":").strip()


def title_and_body(blocks: list[Block], index: int | None) -> tuple[str | None, str | None]:
    """The title at `index` and the body it names.

    A title that names no body ("Protokoll 2025-11-03", "Meeting notes, May 25, 2026") is joined to
    the line right above it, when that line is not a person: that is where the body's name stands.
    """
    if index is None:
        return None, None
    title = clean_title(blocks[index].text)
    body = body_from_title(title)
    if body is not None and fold(body) not in GENERIC_BODIES:
        return title, body
    above = blocks[index - 1] if index > 0 else None
    below = _next_text(blocks, index)
    if above is not None and above.kind != "blank" and _title_score(above) > -10:
        title = f"{clean_title(above.text)} – {title}"
    elif body is None and below is not None and _names_a_body(below):
        title = f"{title} – {clean_title(below.text)}"  # "Minnesanteckningar" / "Möte i samverkansgruppen"
    return title, body_from_title(title)


def _next_text(blocks: list[Block], index: int) -> Block | None:
    following = next((b for b in blocks[index + 1:index + 3] if b.kind != "blank"), None)
    return following


def _names_a_body(block: Block) -> bool:
    """A line under a bare "Protokoll" that can name the body: not a date, a fact, a person, an item."""
    text = clean_title(block.text)
    return (_title_score(block) > -10 and not find_dates(text) and not text.endswith((".", ":"))
            and len(text.split()) <= 12 and body_from_title(text) is not None)


def body_from_title(title: str | None) -> str | None:
    """The body that met, from a title: "Minutes of the Board of Directors Meeting" -> "Board of Directors"."""
    if not title:
        return None
    text = _cut_dates(title)
    text = _MEETING_NUMBER.sub(" ", text)
    text = _WEEKDAYS.sub(" ", text)
    text = _COMPOUND_MEETING.sub(r"\1\2", text)
    text = " ".join(text.split())
    previous = None
    while text != previous:
        previous = text
        text = _strip_filler(text.strip(_SEPARATORS))
        text = _TRAILING_LINK_WORD.sub("", text)
    words = text.split()
    if words and (m := _MEETING_SUFFIX.match(words[-1])):
        words[-1] = m.group(1)
    elif words and _SWEDISH_MEETING_END.search(fold(title)) and _GENITIVE.match(words[-1]):
        words[-1] = words[-1][:-1]  # "ledningsgruppens möte" -> "ledningsgruppen"
    if words and (m := _MEETING_SUFFIX.match(words[0])) and len(words) > 1:
        words[0] = m.group(1)
    body = " ".join(words).strip(_SEPARATORS)
    return body or None


def _cut_dates(text: str) -> str:
    for start, end in sorted(date_spans(text), reverse=True):
        text = text[:start] + " " + text[end:]
    return re.sub(r"(?<![\w-])\d{6,8}(?![\w-])", " ", text)


_FILLER_KEYS = tuple(fold(phrase) for phrase in sorted(TITLE_FILLER, key=len, reverse=True))


def _strip_filler(text: str) -> str:
    """Remove one filler phrase ("Protokoll från", "Meeting") from the start or the end of `text`."""
    folded = fold(text)
    for key in _FILLER_KEYS:
        if folded.startswith(key + " ") or folded == key:
            return text[len(key):]
        if folded.endswith(" " + key):
            return text[: len(text) - len(key)]
    return text


def find_date(title: str | None, header_texts: list[str], filename: str) -> tuple[dt.date | None, str | None]:
    """(date, source): from the title, else from the lines of the head, else from the file name."""
    if title and (dates := find_dates(title, compact=True)):
        return dates[0][1], "title"
    for text in header_texts:
        if dates := find_dates(text):
            return dates[0][1], "text"
    if found := date_from_filename(filename):
        return found, "filename"
    return None, None
