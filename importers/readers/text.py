"""Plain text: one Block per line.

Bulleted lines ("- ", "• ", "* ", and the "o "/"e " that OCR makes of round bullets) become list items
with a nesting level from their indentation; tab-separated lines keep their cells. Word processors often
export some Markdown into plain text ("**bold**", "[text](#)"), so links and bold are unwrapped too.
"""

from __future__ import annotations

import re

from ..model import BLANK, Block, Document
from ..noise import is_page_marker
from .decode import decode_bytes
from .inline import split_whole_bold, strip_inline_markup
from .markdown import looks_like_markdown, markdown_blocks

#: Bullet characters; "o", "e", "»", "«" only when a capital letter or "(" follows (OCR'd bullets).
_LYNX_REFERENCE = re.compile(r"\[\d{1,4}\](?=\S)")  # "[4]Pull requests": a web page dumped as text
_PIPE_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?$")
_BULLET = re.compile(r"(?:[-*•▪■●◦‣∙·–—►➢➤→✓]|\uf0b7|\uf0a7|(?:[oe»«]|\.)(?=\s+[A-ZÅÄÖÉÜ(]))\s+")
_BULLET_STARTS = frozenset("-*•▪■●◦‣∙·–—►➢➤→✓\uf0b7\uf0a7oe»«.")  # what a _BULLET match can start with


def read_text(data: bytes, path: str) -> Document:
    """Decode a plain-text file and split it into line blocks (Markdown blocks if it is Markdown)."""
    text = decode_bytes(data, path)
    if looks_like_markdown(text):
        return Document(path=path, format="markdown", blocks=markdown_blocks(text), text=text)
    return Document(path=path, format="text", blocks=text_blocks(text), text=text)


def text_blocks(text: str) -> list[Block]:
    """The blocks of already decoded plain text."""
    return [line_block(line) for line in text.split("\n")]


def line_block(line: str) -> Block:
    """One line of plain text as a Block."""
    stripped = line.strip()
    if not stripped:
        return BLANK
    if is_page_marker(stripped):  # "- 3 -" is a page number, not a bullet
        return Block(stripped)
    markers = 0
    body = stripped
    while body[:1] in _BULLET_STARTS and (m := _BULLET.match(body)):
        markers += 1
        body = body[m.end():]
    if "[" in body:
        body = _LYNX_REFERENCE.sub("", body)
    body, bold = split_whole_bold(body)
    body = strip_inline_markup(body, markdown=False)
    if body.lstrip()[:1] in "|:-" and _PIPE_SEPARATOR.match(body):  # "-----|-----" under a table's header row
        return BLANK
    cells = _cells(body)
    if markers and body:
        level = max((_indent_width(line) + 1) // 2, markers - 1)
        return Block(body, kind="list_item", level=level, bold=bold, cells=cells)
    return Block(body, kind="line", bold=bold, cells=cells)


def _cells(body: str) -> tuple[str, ...]:
    """The cells of a tab-separated line or of a pipe-separated one ("Karin Ström  | Digg")."""
    if "\t" in body:
        return tuple(c.strip() for c in body.split("\t") if c.strip())
    if "|" in body and re.search(r"\S\s*\|\s*\S", body) and not re.search(r"\|\|", body):
        cells = tuple(c.strip() for c in body.strip("|").split("|"))
        return cells if len(cells) >= 2 and all(cells) else ()
    return ()


def _indent_width(line: str) -> int:
    prefix = line[: len(line) - len(line.lstrip())]
    return sum(4 if c == "\t" else 1 for c in prefix)
