"""Word documents (.docx, with python-docx); the legacy .doc through LibreOffice when it is installed.

Paragraphs and tables come in document order. A paragraph becomes a heading from its style
("Heading 2", "Rubrik 2", "Title") or outline level, a list item from its numbering (the number Word
shows is computed in `docx_numbering`), and one line per soft line break otherwise, as in a text file.
Headers and footers are separate parts of the file and are never read, so running headers cannot leak
into the minutes.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import DocumentError
from ..model import Block, Document
from .shared import clean, make_document, open_zip, table_blocks

_HEADING_STYLE = re.compile(r"^(?:heading|rubrik|überschrift|titre)\s*(\d)$", re.I)
_TITLE_STYLE = re.compile(r"^(?:title|rubrik|titel|subtitle|underrubrik)$", re.I)
_LIST_STYLE_LEVEL = re.compile(r"^(?:list|lista)\b.*?(\d)$", re.I)
_LEADING_DECORATION = re.compile(r"^(?:§|punkt|item|\()\s*", re.I)
_OUTLINE_NUMBER = re.compile(r"^\d+(?:\.\d+)+$")


def read_docx(data: bytes, path: str) -> Document:
    """A .docx file as Blocks; DocumentError for a damaged, encrypted or foreign file."""
    import docx  # imported here: only documents of this format pay for it
    from docx.opc.exceptions import PackageNotFoundError

    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # OLE: a .doc renamed, or an encrypted .docx
        raise DocumentError(path, "not a .docx file (an old Word .doc, or a password-protected file)")
    open_zip(data, path, ".docx")
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as error:
        raise DocumentError(path, f"not a Word document ({type(error).__name__})") from None
    return make_document(path, "docx", _DocxReader(document).blocks())


def read_doc(data: bytes, path: str) -> Document:
    """The legacy Word format: converted with LibreOffice when it is installed, otherwise refused."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise DocumentError(path, "old Word .doc format: open it in Word and save it as .docx "
                                  "(or install LibreOffice to convert it automatically)")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "input.doc"
        source.write_bytes(data)
        with contextlib.suppress(OSError, subprocess.TimeoutExpired):
            subprocess.run([office, "--headless", "--convert-to", "docx", "--outdir", folder, str(source)],
                           capture_output=True, timeout=120, check=False)
        converted = Path(folder) / "input.docx"
        if not converted.exists():
            raise DocumentError(path, "old Word .doc format that LibreOffice could not convert: save it as .docx")
        document = read_docx(converted.read_bytes(), path)
    document.format = "doc"
    return document


class _DocxReader:
    """Walks one python-docx Document, keeping the numbering counters and style lookups."""

    def __init__(self, document) -> None:
        from .docx_numbering import Numbering

        self.document = document
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            numbering = None
        self.numbering = Numbering(numbering)

    def blocks(self) -> list[Block]:
        out: list[Block] = []
        for part in self.document.iter_inner_content():
            if hasattr(part, "rows"):
                out += self._table(part)
            else:
                out += self._paragraph(part)
        return out

    # --- tables ---------------------------------------------------------------------------------

    def _table(self, table) -> list[Block]:
        rows: list[list[str]] = []
        for row in table.rows:
            cells, seen = [], set()
            for cell in row.cells:
                if id(cell._tc) in seen:  # a merged cell is repeated for every column it spans
                    continue
                seen.add(id(cell._tc))
                cells.append(" ".join(p.text for p in cell.paragraphs if p.text.strip()))
            rows.append(cells)
        if rows and max(len(r) for r in rows) == 1:  # a one-column table is a frame around paragraphs
            return [b for row in table.rows for p in row.cells[0].paragraphs for b in self._paragraph(p)]
        return table_blocks(rows)

    # --- paragraphs -----------------------------------------------------------------------------

    def _paragraph(self, paragraph) -> list[Block]:
        text = paragraph.text
        if not text.strip():
            return [Block("", kind="blank")]
        heading = self._heading_level(paragraph)
        if heading:  # bold only when the author made it so: heading styles are bold anyway
            bold = self._bold(paragraph, with_style=False)
            return [Block(clean(text.replace("\n", " ")), kind="heading", level=heading, bold=bold)]
        bold = self._bold(paragraph)
        numbered = self._numbering(paragraph)
        lines = [line for line in text.split("\n") if line.strip()]
        blocks = [_line(line, bold) for line in lines]
        if numbered is not None:
            label, level = numbered
            first = blocks[0]
            if label and _OUTLINE_NUMBER.match(label):  # "2.1": a sub-item of the agenda, as a text export writes it
                blocks[0] = Block(f"{label} {first.text}", bold=bold)
            else:
                blocks[0] = Block(first.text, kind="list_item", level=level, bold=bold, number=label, cells=first.cells)
        return blocks

    def _styles(self, paragraph):
        """The paragraph's style and the styles it is based on, nearest first."""
        style = paragraph.style
        seen = 0
        while style is not None and seen < 20:
            yield style
            style = style.base_style
            seen += 1

    def _heading_level(self, paragraph) -> int:
        for style in self._styles(paragraph):
            name = style.name or ""
            if m := _HEADING_STYLE.match(name):
                return max(1, int(m.group(1)))
            if _TITLE_STYLE.match(name):
                return 1
        for element in [paragraph._p.pPr, *(s.element.pPr for s in self._styles(paragraph))]:
            outline = element.find(_qn("w:outlineLvl")) if element is not None else None
            if outline is not None:
                level = int(outline.get(_qn("w:val"), "9"))
                return level + 1 if level < 9 else 0
        return 0

    def _numbering(self, paragraph) -> tuple[str | None, int] | None:
        """(label, level) of a list paragraph, or None when it is not in a list."""
        num_id, ilvl, level_from_style = None, None, 0
        for element in [paragraph._p.pPr, *(s.element.pPr for s in self._styles(paragraph))]:
            num_pr = element.find(_qn("w:numPr")) if element is not None else None
            if num_pr is None:
                continue
            if num_id is None and (n := num_pr.find(_qn("w:numId"))) is not None:
                num_id = n.get(_qn("w:val"))
            if ilvl is None and (i := num_pr.find(_qn("w:ilvl"))) is not None:
                ilvl = int(i.get(_qn("w:val"), "0"))
        if num_id is None:
            return None
        if m := _LIST_STYLE_LEVEL.match(paragraph.style.name or ""):  # "List Number 2" is a list of its own
            level_from_style = int(m.group(1)) - 1
        label, is_list = self.numbering.label(num_id, ilvl or 0)
        if not is_list:
            return None
        if label:
            label = _LEADING_DECORATION.sub("", label).rstrip(".):").strip() or None
        return label, max(ilvl or 0, level_from_style)

    def _bold(self, paragraph, with_style: bool = True) -> bool:
        style_bold = with_style and next((s.font.bold for s in self._styles(paragraph) if s.font.bold is not None),
                                         False)
        runs = [r for r in paragraph.runs if r.text.strip()]
        return bool(runs) and all(r.bold or (r.bold is None and style_bold) for r in runs)


def _line(text: str, bold: bool) -> Block:
    if "\t" in text:
        cells = tuple(clean(c) for c in text.split("\t") if c.strip())
        return Block("\t".join(cells), bold=bold, cells=cells if len(cells) > 1 else ())
    return Block(clean(text), bold=bold)


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)
