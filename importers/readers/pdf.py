"""PDF documents with a text layer: pypdfium2 (PDFium, fast and permissively licensed), pypdf as fallback.

The characters of each page are gathered into lines with their position, size and weight, in the order
the page draws them (the reading order of every word processor's export); `pdf_layout` turns the lines
into Blocks. A scanned PDF has no text to read, and says so rather than importing an empty meeting.
"""

from __future__ import annotations

import ctypes
import io
import re
from typing import NamedTuple

from ..errors import DocumentError
from ..model import Block, Document
from .pdf_layout import Line, lines_to_blocks
from .shared import clean, make_document
from .text import line_block

NO_TEXT = "no text layer: run OCR first (this PDF is scanned images only)"
ENCRYPTED = "encrypted PDF: remove the password (print or export it to an unprotected PDF) and import again"
_COLUMN_GAP = 2.0  # a horizontal gap this many character widths wide separates table cells


def read_pdf(data: bytes, path: str) -> Document:
    """A PDF as Blocks; DocumentError for a damaged, encrypted or image-only file."""
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise DocumentError(path, "not a PDF file")
    try:
        lines = _pdfium_lines(data, path)
    except ImportError:
        return _read_with_pypdf(data, path)
    blocks = lines_to_blocks(lines)
    if not any(b.text for b in blocks):
        raise DocumentError(path, NO_TEXT)
    return make_document(path, "pdf", blocks)


def _pdfium_lines(data: bytes, path: str) -> list[Line]:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise DocumentError(path, ENCRYPTED) from None
        raise DocumentError(path, f"damaged PDF ({error})") from None
    try:
        lines: list[Line] = []
        for number in range(len(document)):
            page = document[number]
            lines += _page_lines(page.get_textpage(), number + 1, page.get_size())
        return lines
    finally:
        document.close()


class _Char(NamedTuple):
    text: str
    left: float
    right: float
    bottom: float
    top: float
    size: float
    bold: bool
    generated: bool  # a space PDFium inferred from a gap, not one the document contains


def _page_lines(textpage, page: int, page_size: tuple[float, float]) -> list[Line]:
    """The lines of one page: characters split where PDFium ends a line, cells where a wide gap is."""
    import pypdfium2.raw as raw

    handle = textpage.raw
    boxes = [ctypes.c_double() for _ in range(4)]
    lines: list[Line] = []
    chars: list[_Char] = []

    def flush() -> None:
        if any(not c.text.isspace() for c in chars):
            lines.append(_line(chars, page, page_size))
        chars.clear()

    for i in range(textpage.count_chars()):
        char = chr(raw.FPDFText_GetUnicode(handle, i))
        if char in "\r\n":
            flush()
            continue
        raw.FPDFText_GetCharBox(handle, i, *boxes)
        left, right, bottom, top = (b.value for b in boxes)
        if chars and not char.isspace() and left + 0.5 < chars[-1].left and bottom < chars[-1].top - 2:
            flush()  # the text went back left and down: a new line PDFium did not mark
        chars.append(_Char(char, left, right, bottom, top, raw.FPDFText_GetFontSize(handle, i),
                           raw.FPDFText_GetFontWeight(handle, i) >= 600, bool(raw.FPDFText_IsGenerated(handle, i))))
    flush()
    return lines


def _line(chars: list[_Char], page: int, page_size: tuple[float, float]) -> Line:
    """A line's text; a gap much wider than the line's other word gaps (table cells, tab stops) becomes
    a tab. Justified lines stretch every word gap alike, so their gaps stay spaces."""
    visible = [c for c in chars if not c.text.isspace()]
    width = sum(c.right - c.left for c in visible) / len(visible)
    gaps = [b.left - a.right for a, b in zip(visible, visible[1:], strict=False)]
    word_gaps = sorted(g for g in gaps if g > width * 0.6)
    usual = word_gaps[len(word_gaps) // 2] if len(word_gaps) >= 3 else 0.0
    text = visible[0].text
    for char, gap in zip(visible[1:], gaps, strict=True):
        if gap > _COLUMN_GAP * width and gap > 1.8 * usual:
            text += "\t"
        elif _space_between(chars, char):
            text += " "
        text += char.text
    sizes = [c.size for c in visible]
    return Line(
        text=clean_cells(text.replace("\x02", "-")),  # PDFium marks a hyphen at a line end as U+0002
        x0=visible[0].left, x1=visible[-1].right,
        top=max(c.top for c in visible), bottom=min(c.bottom for c in visible),
        size=max(set(sizes), key=sizes.count),
        bold=all(c.bold for c in visible),
        page=page, page_width=page_size[0], page_height=page_size[1], char_width=width,
    )


def _space_between(chars: list[_Char], char: _Char) -> bool:
    """Whether a space character stands right before `char` in the line."""
    index = next(i for i, c in enumerate(chars) if c is char)
    return index > 0 and chars[index - 1].text.isspace()


def clean_cells(text: str) -> str:
    return "\t".join(clean(cell) for cell in text.split("\t"))


# --- fallback: pypdf ----------------------------------------------------------------------------


def _read_with_pypdf(data: bytes, path: str) -> Document:
    """pypdf gives text without positions: lines are kept as extracted, page numbers dropped."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(path, ENCRYPTED)
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError) as error:
        raise DocumentError(path, f"damaged PDF ({error})") from None
    blocks: list[Block] = []
    for number, text in enumerate(pages, 1):
        for line in text.splitlines():
            if re.fullmatch(r"\s*(?:(?:sida|page)\s*)?\d{1,4}(?:\s*(?:av|of|/)\s*\d{1,4})?\s*", line, re.I):
                continue
            block = line_block(line)
            blocks.append(Block(block.text, block.kind, block.level, block.bold, None, block.cells, number))
    if not any(b.text for b in blocks):
        raise DocumentError(path, NO_TEXT)
    return make_document(path, "pdf", blocks)
