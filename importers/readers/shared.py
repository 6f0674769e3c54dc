"""Helpers the word-processor, PDF and HTML readers share: tables, zip checks, the document text.

Every reader hands the recogniser Blocks that look like what the text and Markdown readers produce,
so the recogniser needs no format-specific code. Tables are where formats differ most: an attendance
table with a presence column ("Närvarande: X") is turned into a present group and an absent group,
which is how such lists read in plain text.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile

from ..errors import DocumentError
from ..model import Block, Document

#: Header words of a column that marks who attended, and the cell values that mean "absent".
_PRESENCE_HEADERS = re.compile(r"^(närvar\w*|närvaro|deltog|deltar|present|attended|attendance|närvarande\?)$", re.I)
_ABSENCE_HEADERS = re.compile(r"^(frånvar\w*|förhinder|absent|apologies|regrets)$", re.I)
_NO_MARKS = {"", "-", "–", "nej", "no", "n", "0", "frånvarande", "absent", "förhinder", "✗", "✘"}
_SPACE = re.compile(r"[ \t\u00a0]+")


def clean(text: str) -> str:
    """One line of document text: NFC, non-breaking and runs of spaces collapsed, trimmed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def open_zip(data: bytes, path: str, kind: str) -> zipfile.ZipFile:
    """The zip container of a .docx/.odt, or a one-line DocumentError when it is damaged."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        bad = archive.testzip()
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError):
        raise DocumentError(path, f"not a readable {kind} file (damaged or truncated)") from None
    if bad is not None:
        raise DocumentError(path, f"not a readable {kind} file (damaged part {bad})")
    return archive


def table_blocks(rows: list[list[str]], page: int | None = None) -> list[Block]:
    """The rows of a table as table_row Blocks; an attendance table with a presence column becomes
    a "present" group and an "absent" group, each headed like a plain-text attendance list."""
    rows = [[clean(c) for c in row] for row in rows if any(c.strip() for c in row)]
    if not rows:
        return []
    grouped = _presence_groups(rows, page)
    if grouped is not None:
        return grouped
    return [_row(cells, page) for cells in rows]


def _row(cells: list[str], page: int | None) -> Block:
    kept = tuple(c for c in cells if c)
    return Block(" | ".join(kept), kind="table_row", cells=kept, page=page)


def _presence_groups(rows: list[list[str]], page: int | None) -> list[Block] | None:
    header = [c.lower().rstrip(":?") for c in rows[0]]
    column = next((i for i, h in enumerate(header) if _PRESENCE_HEADERS.match(h) or _ABSENCE_HEADERS.match(h)), None)
    if column is None or len(rows) < 2:
        return None
    marks_absence = bool(_ABSENCE_HEADERS.match(header[column]))
    english = bool(re.match(r"^(present|attended|attendance|absent|apologies|regrets)$", header[column]))
    present: list[list[str]] = []
    absent: list[list[str]] = []
    for row in rows[1:]:
        mark = row[column].strip().lower() if column < len(row) else ""
        rest = [c for i, c in enumerate(row) if i != column]
        marked = mark not in _NO_MARKS
        (absent if marked == marks_absence else present).append(rest)
    labels = ("Present:", "Absent:") if english else ("Närvarande:", "Frånvarande:")
    blocks: list[Block] = []
    for label, group in zip(labels, (present, absent), strict=True):
        if group:
            blocks += [Block(label, page=page), *(_row(r, page) for r in group), Block("", kind="blank")]
    return blocks


def block_line(block: Block) -> str:
    """How a block reads as a line of plain text (the raw text kept in the archive)."""
    if block.kind == "table_row":
        return "\t".join(block.cells)
    if block.kind == "list_item":
        marker = f"{block.number}." if block.number else "-"
        return f"{'  ' * block.level}{marker} {block.text}"
    return block.text


def make_document(path: str, fmt: str, blocks: list[Block]) -> Document:
    """A Document whose text is its blocks as plain lines (what search and OCR repair read)."""
    text = "\n".join(block_line(b) for b in blocks)
    return Document(path=path, format=fmt, blocks=blocks, text=text)


def format_number(value: int, fmt: str) -> str:
    """A list counter as Word or LibreOffice shows it: 3, c, C, iii, III."""
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        while value > 0:
            value, rest = divmod(value - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.lower() if fmt == "lowerRoman" else roman
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for number, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            out += letters
            value -= number
    return out
