"""From positioned text lines of a PDF back to the lines and paragraphs the author wrote.

A PDF only knows where glyphs stand. The layout is undone here, independent of the PDF library:
running headers and footers (the same text at the top or bottom of most pages) and page numbers
("Sida 2 av 5", "Page 3", "3/7") are dropped; a line that the layout wrapped (the next line's first
word would not have fitted on it) is joined to the next, undoing hyphenation at the break; a larger
vertical gap than the usual line spacing is a blank line; larger type is a heading.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from ..model import Block
from .text import line_block

_PAGE_NUMBER = re.compile(
    r"^(?:[-–(]?\s*\d{1,4}\s*[-–)]?|(?:sida|page|sid|s\.|p\.)\s*\d{1,4}(?:\s*(?:av|of|/)\s*\d{1,4})?"
    r"|\d{1,4}\s*(?:/|av|of)\s*\d{1,4})$", re.I)
_DIGITS = re.compile(r"\d+")
_BULLET = re.compile(r"^[-•●▪■◦‣∙·–—►➢➤✓o\uf0b7\uf0a7]\s")
_LIST_START = re.compile(r"^(?:[-•●▪■◦‣∙·–—►➢➤✓\uf0b7\uf0a7]|\d{1,3}[.)]|[a-zA-Z][.)])\s")
_HYPHENS = ("-", "\xad", "\x02")
#: "metod- och kvalitetsfrågor", "för- eller nackdelar": a hyphen before these words is the author's.
_SUSPENDED_BEFORE = {"och", "eller", "samt", "resp", "respektive", "till", "som", "and", "or", "nor", "to"}
_BAND = 0.09  # share of the page height at the top and bottom where headers and footers stand


@dataclass
class Line:
    """One line of text on a page, in PDF points (y grows upwards)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # font size of most of the line
    bold: bool
    page: int
    page_height: float
    page_width: float
    char_width: float  # average width of one character, to measure words

    @property
    def in_band(self) -> bool:
        return self.top > self.page_height * (1 - _BAND) or self.bottom < self.page_height * _BAND


def lines_to_blocks(lines: list[Line]) -> list[Block]:
    """The Blocks of a document from its lines in reading order."""
    lines = _without_running_lines(lines)
    if not lines:
        return []
    body_size = Counter(round(line.size) for line in lines for _ in line.text).most_common(1)[0][0]
    spacing = _line_spacing(lines, body_size)
    right = _right_edges(lines)
    indents = sorted({round(line.x0 / 4) for line in lines if _BULLET.match(line.text)})
    heading_sizes = sorted({round(line.size) for line in lines if line.size > body_size * 1.08}, reverse=True)
    blocks: list[Block] = []
    previous: Line | None = None
    for line in lines:
        if previous is not None:
            if _continues(previous, line, right, spacing * line.size / body_size):
                blocks[-1] = _joined(blocks[-1], line.text)
                previous = line
                continue
            if previous.page == line.page and previous.bottom - line.top > spacing * 0.9:
                blocks.append(Block("", kind="blank", page=line.page))
        blocks.append(_block(line, indents, heading_sizes))
        previous = line
    return blocks


def _without_running_lines(lines: list[Line]) -> list[Line]:
    """Lines minus page numbers and the headers and footers repeated on most pages: the same text
    (numbers aside) at the same height, near the top or bottom edge."""
    pages = {line.page for line in lines}
    seen = {(_running_key(line), line.page) for line in lines if line.in_band}
    repeated = Counter(key for key, _page in seen)
    running = {key for key, n in repeated.items() if len(pages) >= 2 and n >= max(2, len(pages) // 2)}
    return [
        line for line in lines
        if not (line.in_band and (_PAGE_NUMBER.match(line.text.strip()) or _running_key(line) in running))
    ]


def _running_key(line: Line) -> tuple[str, int]:
    return _DIGITS.sub("#", line.text), round(line.top / 6)


def _line_spacing(lines: list[Line], body_size: int) -> float:
    """The usual distance between the baselines of two body lines of one paragraph."""
    gaps = Counter(
        round(a.bottom - b.bottom)
        for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page and round(a.size) == round(b.size) == body_size and a.bottom > b.bottom
    )
    return float(gaps.most_common(1)[0][0]) if gaps else body_size * 1.4


def _right_edges(lines: list[Line]) -> dict[int, float]:
    """Where the text column ends on each page: the furthest any line reaches, and no less than the
    left margin mirrored (a page of short lines, such as OCR output, must not look fully wrapped)."""
    left = min(line.x0 for line in lines)
    furthest = max(line.x1 for line in lines)
    return {line.page: max(furthest, line.page_width - left) for line in lines}


def _continues(previous: Line, line: Line, right: dict[int, float], spacing: float) -> bool:
    """True when `line` is the rest of a paragraph that the layout wrapped after `previous`."""
    if round(previous.size) != round(line.size) or previous.bold != line.bold:
        return False
    if "\t" in previous.text or "\t" in line.text or _LIST_START.match(line.text):
        return False
    if previous.page == line.page and not 0 < previous.bottom - line.bottom <= spacing * 1.25:
        return False
    if previous.page != line.page and not (previous.bottom < previous.page_height * 0.25
                                           and line.top > line.page_height * 0.7):
        return False
    first_word = len(line.text.split(" ", 1)[0]) + 1
    return previous.x1 + first_word * previous.char_width > right[previous.page] - previous.char_width


def _joined(block: Block, more: str) -> Block:
    """A wrapped line joined to the line it continues, undoing a hyphenation at the break."""
    text = block.text
    if text.endswith(_HYPHENS) and len(text) > 1 and text[-2].isalpha() and more[:1].islower():
        stem = text[:-1]
        word = re.search(r"(\w+)$", stem)
        if text.endswith("-") and word and word.group(1).isupper():  # "MONA-" + "support" keeps its hyphen
            return replace(block, text=text + more)
        if text.endswith("-") and more.split(" ", 1)[0].strip(",.") in _SUSPENDED_BEFORE:
            return replace(block, text=f"{text} {more}")
        return replace(block, text=stem + more)
    return replace(block, text=f"{text} {more}")


def _block(line: Line, indents: list[int], heading_sizes: list[int]) -> Block:
    """A line as the text reader would see it (bullets, cells), with its heading level or boldness."""
    if round(line.size) in heading_sizes:
        level = heading_sizes.index(round(line.size)) + 1
        return Block(line.text.replace("\t", " "), kind="heading", level=level, bold=line.bold, page=line.page)
    depth = indents.index(round(line.x0 / 4)) if round(line.x0 / 4) in indents else 0
    block = line_block("  " * depth + line.text)
    return replace(block, bold=block.bold or line.bold, page=line.page)
