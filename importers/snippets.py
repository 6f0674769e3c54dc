"""Snippets for full-text hits: a few words of an item's text around the first match, with the
matched words marked. Built here rather than by FTS5's snippet(), which re-runs the query for
every hit and costs milliseconds each for prefix queries on a large archive."""

from __future__ import annotations

import re

from .folding import fold

MATCH_START = "\x02"
MATCH_END = "\x03"
_WORD = re.compile(r"\w+")


def snippet(text: str, query_words: list[str], last_is_prefix: bool, width: int = 12) -> str:
    """About `width` words of `text` around the first word the query matches, matches marked.

    Words are compared folded (case and accents ignored), as FTS5's tokenizer does; the last
    query word matches as a prefix when `last_is_prefix`.
    """
    wanted = [fold(w) for w in query_words]
    words = list(_WORD.finditer(text))
    hits = [i for i, m in enumerate(words) if _matches(fold(m.group()), wanted, last_is_prefix)]
    if not words:
        return ""
    first, marked = (hits[0] if hits else 0), set(hits)
    start = max(0, min(first - width // 3, len(words) - width))
    end = min(len(words), start + width)
    pieces = ["…" if start > 0 else ""]
    cursor = words[start].start()
    for i in range(start, end):
        match = words[i]
        pieces.append(text[cursor : match.start()])
        pieces.append(f"{MATCH_START}{match.group()}{MATCH_END}" if i in marked else match.group())
        cursor = match.end()
    pieces.append("…" if end < len(words) else text[cursor:])
    return "".join(pieces).strip()


def _matches(word: str, wanted: list[str], last_is_prefix: bool) -> bool:
    if word in wanted[:-1] or word == wanted[-1]:
        return True
    return last_is_prefix and word.startswith(wanted[-1])
