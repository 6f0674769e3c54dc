"""Markdown, read line by line into Blocks.

Hand-written rather than a full CommonMark parser: minutes use a small part of Markdown (headings,
lists, bold lines, tables, links), and a line-based reader keeps every line where the author put it,
which is what the structure recogniser needs. ATX and setext headings, nested lists (level from
indentation), bold-only lines, pipe tables, block quotes and code fences are understood.
"""

from __future__ import annotations

import re

from ..model import BLANK, Block, Document
from .decode import decode_bytes
from .inline import split_whole_bold, strip_inline_markup

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(={3,}|-{3,})[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_LIST = re.compile(r"^(?P<indent>[ \t]*)(?:(?P<bullet>[-*+•])|(?P<number>\d{1,3})[.)])[ \t]+(?P<text>.*)$")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_QUOTE = re.compile(r"^ {0,3}>[ ]?")
_FENCE_STARTS = frozenset("`~")
_SETEXT_STARTS = frozenset("=-")
_HARD_BREAK = re.compile(r"(\\|  +)$")
_HTML_COMMENT = re.compile(r"<!--.*?-->")
_ATX_LINE = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE)
_PIPE_TABLE_LINE = re.compile(r"^\s*\|.*\|\s*$", re.MULTILINE)


def looks_like_markdown(text: str) -> bool:
    """True for text that uses Markdown headings or tables (many ".txt" minutes are Markdown)."""
    return (("#" in text and len(_ATX_LINE.findall(text)) >= 2)
            or ("|" in text and len(_PIPE_TABLE_LINE.findall(text)) >= 3)
            or _setext_headings(text) >= 2)


def _setext_headings(text: str) -> int:
    """Headings underlined with "===" or "---" about as long as the heading (not a full-width rule)."""
    if "===" not in text and "---" not in text:
        return 0
    count = 0
    previous = ""
    for line in text.split("\n"):
        heading = previous.strip()
        if (_SETEXT.match(line) and heading and not previous.startswith((" ", "\t"))
                and len(heading.split()) <= 10 and abs(len(line.strip()) - len(heading)) <= max(3, len(heading) // 3)):
            count += 1
        previous = line
    return count


def read_markdown(data: bytes, path: str) -> Document:
    """Decode a Markdown file and split it into blocks."""
    text = decode_bytes(data, path)
    return Document(path=path, format="markdown", blocks=markdown_blocks(text), text=text)


def markdown_blocks(text: str) -> list[Block]:
    """The blocks of already decoded Markdown text."""
    blocks: list[Block] = []
    list_indents: list[int] = []
    in_fence = False
    for raw in (_HTML_COMMENT.sub("", text) if "<!--" in text else text).split("\n"):
        start = raw.lstrip()[:1]  # each pattern below needs its own first character: most lines try none
        if start in _FENCE_STARTS and _FENCE.match(raw):
            in_fence = not in_fence
            continue
        if in_fence:
            blocks.append(Block(raw.strip(), kind="line") if raw.strip() else BLANK)
            continue
        line = raw
        if start == ">":
            line = _strip_quote(raw)
            start = line.lstrip()[:1]
        underline = start in _SETEXT_STARTS and _SETEXT.match(line)
        block = underline and _setext_heading(line, blocks) or _block(line, list_indents)
        if block.kind == "heading" and blocks and underline:
            blocks[-1] = block
        else:
            blocks.append(block)
    return blocks


def _strip_quote(line: str) -> str:
    while m := _QUOTE.match(line):
        line = line[m.end():]
    return line


def _setext_heading(line: str, blocks: list[Block]) -> Block | None:
    """A "===" or "---" line under a paragraph line turns that line into a heading."""
    m = _SETEXT.match(line)
    if not m or not blocks or blocks[-1].kind != "line" or blocks[-1].cells:
        return None
    return Block(blocks[-1].text, kind="heading", level=1 if m.group(1)[0] == "=" else 2, bold=blocks[-1].bold)


def _block(line: str, list_indents: list[int]) -> Block:
    start = line.lstrip()[:1]  # each pattern below needs its own first character: most lines try none
    if not start or start in "-*_" and _RULE.match(line):
        return BLANK
    if start == "#" and (m := _ATX.match(line)):
        text, bold = _clean(m.group(2) or "")
        list_indents.clear()
        return Block(text, kind="heading", level=len(m.group(1)), bold=bold)
    if start == "|" and _TABLE_ROW.match(line):
        if _TABLE_SEPARATOR.match(line):
            return BLANK
        cells = tuple(_clean(c)[0].strip() for c in re.split(r"(?<!\\)\|", line.strip().strip("|")))
        return Block(" | ".join(c for c in cells if c), kind="table_row", cells=cells)
    if m := _LIST.match(line):
        text, bold = _clean(m["text"])
        level = _list_level(_indent_width(m["indent"]), list_indents)
        return Block(text, kind="list_item", level=level, bold=bold, number=m["number"], cells=_cells(text))
    if not line.startswith((" ", "\t")):
        list_indents.clear()
    text, bold = _clean(line.strip())
    return Block(text, kind="line", bold=bold, cells=_cells(text))


def _clean(text: str) -> tuple[str, bool]:
    text, bold = split_whole_bold(text.strip())
    text = strip_inline_markup(text).strip()
    if text.endswith(("\\", "  ")):  # hard line breaks
        text = _HARD_BREAK.sub("", text)
    return text.strip(), bold


def _cells(text: str) -> tuple[str, ...]:
    return tuple(c.strip() for c in text.split("\t") if c.strip()) if "\t" in text else ()


def _list_level(indent: int, list_indents: list[int]) -> int:
    """Nesting depth of a list item from its indentation relative to the items above it."""
    while list_indents and indent < list_indents[-1]:
        list_indents.pop()
    if not list_indents or indent > list_indents[-1]:
        list_indents.append(indent)
    return len(list_indents) - 1


def _indent_width(prefix: str) -> int:
    return sum(4 if c == "\t" else 1 for c in prefix)
