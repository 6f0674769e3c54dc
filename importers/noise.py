"""Lines that are not part of the minutes' content: page markers, chart numbers, running headers,
and where the signature block begins."""

from __future__ import annotations

from collections import defaultdict

from .model import Block
from .vocabulary import (
    LINK_REFERENCE_RE,
    LONE_NUMBER_RE,
    PAGE_MARKER_RE,
    SIGNATURE_CUES,
    fold,
    match_prefix,
    match_term,
)

_NEAR_PAGE_BREAK = 3  # a running header stands within this many lines of a page marker


def is_page_marker(text: str) -> bool:
    """"3/7", "Sida 2 av 5", "- 3 -" (see PAGE_MARKER_RE)."""
    first = text.lstrip()[:1]
    # most lines start with a letter that no page marker starts with: ruled out without the regex
    # (ſ: with IGNORECASE the long s matches the "s" of "sida")
    return (not first.isalpha() or first in "sSpPſ") and bool(PAGE_MARKER_RE.match(text))


def is_lone_number(text: str) -> bool:
    """A line of digits only, or a web page's link reference ("[3] https://...")."""
    first = text.lstrip()[:1]
    return (first.isdecimal() or first in "+-[") and bool(LONE_NUMBER_RE.match(text) or LINK_REFERENCE_RE.match(text))


def noise_indices(blocks: list[Block]) -> set[int]:
    """Indices of page markers, lone numbers and running headers/footers."""
    noise = {i for i, b in enumerate(blocks) if b.kind != "heading" and b.text and
             (is_page_marker(b.text) or is_lone_number(b.text))}
    page_breaks = {i for i in noise if is_page_marker(blocks[i].text)} | _page_changes(blocks)
    return noise | _running_headers(blocks, page_breaks)


def _page_changes(blocks: list[Block]) -> set[int]:
    """Where a reader that knows pages (PDF, Word) moved to the next page."""
    return {i for i in range(1, len(blocks)) if blocks[i].page is not None and blocks[i].page != blocks[i - 1].page}


def _running_headers(blocks: list[Block], page_breaks: set[int]) -> set[int]:
    """Lines repeated at page breaks (document title, "Protokoll 2024-03-12", "CONFIDENTIAL")."""
    if not page_breaks:
        return set()
    seen: dict[str, list[int]] = defaultdict(list)
    for i, block in enumerate(blocks):
        if block.text and len(block.text) < 100:
            seen[fold(block.text)].append(i)
    headers: set[int] = set()
    for indices in seen.values():
        near = [i for i in indices if any(abs(i - p) <= _NEAR_PAGE_BREAK for p in page_breaks)]
        if len(indices) >= 2 and len(near) >= max(2, len(indices) // 2):
            headers |= set(near)
    return headers


def is_signature_cue(text: str) -> bool:
    """"Vid protokollet", "Justeras:", "Signed: ____", "Minutes taken by Jane": the signature block."""
    text = text.strip()
    if len(text.split()) > 8:
        return False
    if match_term(text.rstrip("_ ."), SIGNATURE_CUES):
        return True
    found = match_prefix(text, SIGNATURE_CUES)
    return bool(found) and (not found[1] or found[1][:1] in ":_ .(" or found[1][:1].isupper())
