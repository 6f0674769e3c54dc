"""OpenDocument text (.odt, LibreOffice and others), with odfpy.

Headings carry their outline level; lists nest (`text:list` inside `text:list-item`) and are numbered
by their list style (`text:list-level-style-number`: format, suffix, start), counted here as the
application would show them; tables become table rows; sections and frames are read through. Bold
comes from the paragraph's or its spans' automatic styles.
"""

from __future__ import annotations

import io

from ..errors import DocumentError
from ..model import Block, Document
from .shared import clean, format_number, make_document, open_zip, table_blocks

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
_CONTAINERS = {(_TEXT, "section"), (_TEXT, "index-body"), (_TABLE, "table-header-rows"), (_TABLE, "table-rows")}


def read_odt(data: bytes, path: str) -> Document:
    """An .odt file as Blocks; DocumentError for a damaged or foreign file."""
    from odf.opendocument import load

    archive = open_zip(data, path, ".odt")
    if "content.xml" not in archive.namelist():
        raise DocumentError(path, "not an OpenDocument text file (no content.xml)")
    try:
        document = load(io.BytesIO(data))
    except Exception as error:  # odfpy raises bare XML and KeyErrors for damaged parts
        raise DocumentError(path, f"not a readable .odt file ({type(error).__name__})") from None
    reader = _OdtReader(document)
    return make_document(path, "odt", reader.read(document.text))


class _OdtReader:
    def __init__(self, document) -> None:
        self.bold_styles = _bold_styles(document)
        self.list_styles = _number_styles(document)

    def read(self, parent) -> list[Block]:
        blocks: list[Block] = []
        for node in parent.childNodes:
            if node.nodeType != node.ELEMENT_NODE:
                continue
            name = node.qname
            if name == (_TEXT, "h"):
                level = int(node.getAttrNS(_TEXT, "outline-level") or 1)
                text = clean(_text(node))
                heading = Block(text, kind="heading", level=level, bold=self._bold(node))
                blocks.append(heading if text else Block("", kind="blank"))
            elif name == (_TEXT, "p"):
                blocks += self._paragraph(node)
            elif name == (_TEXT, "list"):
                blocks += self._list(node, 0, node.getAttrNS(_TEXT, "style-name"))
            elif name == (_TABLE, "table"):
                blocks += self._table(node)
            elif name in _CONTAINERS or name[1] in ("frame", "text-box"):
                blocks += self.read(node)
        return blocks

    def _paragraph(self, node, kind: str = "line", level: int = 0, number: str | None = None) -> list[Block]:
        lines = [clean(line) for line in _text(node).split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            return [Block("", kind="blank")] if kind == "line" else []
        bold = self._bold(node)
        blocks = [Block(line, bold=bold) for line in lines]
        if kind == "list_item":
            blocks[0] = Block(lines[0], kind="list_item", level=level, bold=bold, number=number)
        return blocks

    def _list(self, node, level: int, style: str | None) -> list[Block]:
        blocks: list[Block] = []
        fmt = self.list_styles.get(style or "", {}).get(level + 1)
        count = int(fmt[1]) - 1 if fmt else 0
        for item in node.childNodes:
            if getattr(item, "qname", None) not in ((_TEXT, "list-item"), (_TEXT, "list-header")):
                continue
            count += 1
            number = _number(count, fmt[0]) if fmt else None
            first = True
            for child in item.childNodes:
                qname = getattr(child, "qname", None)
                if qname in ((_TEXT, "p"), (_TEXT, "h")):
                    kind = "list_item" if first else "line"
                    blocks += self._paragraph(child, kind, level, number if first else None)
                    first = False
                elif qname == (_TEXT, "list"):
                    blocks += self._list(child, level + 1, child.getAttrNS(_TEXT, "style-name") or style)
        return blocks

    def _table(self, node) -> list[Block]:
        rows: list[list[str]] = []
        for row in _descendants(node, (_TABLE, "table-row")):
            cells = [c for c in row.childNodes if getattr(c, "qname", None) == (_TABLE, "table-cell")]
            rows.append([" ".join(clean(_text(p)) for p in cell.childNodes if getattr(p, "qname", None)
                                  in ((_TEXT, "p"), (_TEXT, "h"))) for cell in cells])
        return table_blocks(rows)

    def _bold(self, node) -> bool:
        if node.getAttrNS(_TEXT, "style-name") in self.bold_styles:
            return True
        spans = [s for s in _descendants(node, (_TEXT, "span")) if _text(s).strip()]
        text = clean(_text(node))
        spanned = "".join(clean(_text(s)) for s in spans if s.getAttrNS(_TEXT, "style-name") in self.bold_styles)
        return bool(text) and spanned.replace(" ", "") == text.replace(" ", "")


def _text(node) -> str:
    """The text of an element: spaces (`text:s`), tabs and line breaks as the application shows them."""
    out: list[str] = []
    for child in node.childNodes:
        if child.nodeType == child.TEXT_NODE:
            out.append(str(child.data))
        elif child.nodeType == child.ELEMENT_NODE:
            name = child.qname
            if name == (_TEXT, "s"):
                out.append(" " * int(child.getAttrNS(_TEXT, "c") or 1))
            elif name == (_TEXT, "tab"):
                out.append("\t")
            elif name == (_TEXT, "line-break"):
                out.append("\n")
            elif name[1] not in ("note", "annotation", "tracked-changes"):
                out.append(_text(child))
    return "".join(out)


def _descendants(node, qname):
    for child in node.childNodes:
        if getattr(child, "qname", None) == qname:
            yield child
        elif child.nodeType == child.ELEMENT_NODE:
            yield from _descendants(child, qname)


def _bold_styles(document) -> set[str]:
    names: set[str] = set()
    for styles in (document.automaticstyles, document.styles):
        for style in _descendants(styles, (_STYLE, "style")):
            for props in _descendants(style, (_STYLE, "text-properties")):
                if props.getAttrNS(_FO, "font-weight") in ("bold", "700", "800", "900"):
                    names.add(style.getAttrNS(_STYLE, "name"))
    return names


def _number_styles(document) -> dict[str, dict[int, tuple[str, str]]]:
    """List style name -> level -> (number format, start value) for numbered levels."""
    found: dict[str, dict[int, tuple[str, str]]] = {}
    for styles in (document.automaticstyles, document.styles):
        for list_style in _descendants(styles, (_TEXT, "list-style")):
            levels = found.setdefault(list_style.getAttrNS(_STYLE, "name"), {})
            for level in _descendants(list_style, (_TEXT, "list-level-style-number")):
                fmt = level.getAttrNS(_STYLE, "num-format") or ""
                start = level.getAttrNS(_TEXT, "start-value") or "1"
                if fmt:
                    levels[int(level.getAttrNS(_TEXT, "level") or 1)] = (fmt, start)
    return found


def _number(value: int, fmt: str) -> str:
    kinds = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
    return format_number(value, kinds.get(fmt, "decimal"))
