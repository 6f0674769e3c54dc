"""HTML minutes (saved intranet pages, exported minutes), with BeautifulSoup.

Scripts, styles, forms and the page's navigation, header and footer are dropped; when the page has a
`<main>` or `<article>`, only that is read. Headings keep their level, lists their nesting and the
numbers an `<ol>` shows, tables their cells; `<br>` breaks lines as in a text file, and a paragraph
that is all `<b>`/`<strong>` is a bold line.
"""

from __future__ import annotations

from ..errors import DocumentError
from ..model import Block, Document
from .shared import clean, format_number, make_document, table_blocks

_DROPPED = ("script", "style", "noscript", "template", "nav", "form", "button", "svg", "iframe", "head", "aside")
_PAGE_CHROME = ("header", "footer")
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "blockquote", "pre", "address", "dd", "dt", "figure",
               "figcaption", "center", "body", "html", "header", "footer", "li", "td", "th", "caption"}
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BOLD = {"b", "strong"}
_OL_TYPES = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}


def read_html(data: bytes, path: str) -> Document:
    """An HTML page as Blocks; the encoding comes from the page's own declaration or is detected."""
    from bs4 import BeautifulSoup

    try:
        soup = BeautifulSoup(data, _parser())
    except Exception as error:  # a parser bug on malformed markup must cost one file
        raise DocumentError(path, f"not readable HTML ({type(error).__name__})") from None
    for tag in soup.find_all(_DROPPED):
        tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    for tag in root.find_all(_PAGE_CHROME):
        tag.decompose()
    blocks = _Walker().walk(root)
    if not any(b.text for b in blocks):
        raise DocumentError(path, "no text in this HTML page")
    return make_document(path, "html", blocks)


def _parser() -> str:
    try:
        import lxml  # noqa: F401  (faster and more forgiving; python-docx brings it)

        return "lxml"
    except ImportError:
        return "html.parser"


class _Walker:
    """Collects inline text into lines and emits a Block at every block-level boundary."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[tuple[str, bool]] = []  # (text, bold) pieces of the current line

    def walk(self, root) -> list[Block]:
        self._children(root, bold=False)
        self._flush()
        return self.blocks

    def _children(self, node, bold: bool) -> None:
        from bs4 import NavigableString, Tag
        from bs4.element import Comment, Doctype, ProcessingInstruction

        for child in node.children:
            if isinstance(child, (Comment, Doctype, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                self.parts.append((str(child), bold))
            elif isinstance(child, Tag):
                self._tag(child, bold)

    def _tag(self, tag, bold: bool) -> None:
        name = tag.name
        if name == "br":
            self._flush()
        elif name in _HEADINGS:
            self._flush()
            text = clean(tag.get_text(" "))
            bold_inside = bool(text) and _all_bold(tag)
            if text:
                self.blocks.append(Block(text, kind="heading", level=_HEADINGS[name], bold=bold_inside))
        elif name in ("ul", "ol"):
            self._flush()
            self._list(tag, 0)
        elif name == "table":
            self._flush()
            self.blocks += table_blocks([[clean(c.get_text(" ")) for c in row.find_all(["td", "th"])]
                                         for row in tag.find_all("tr")])
        elif name == "hr":
            self._flush()
            self.blocks.append(Block("", kind="blank"))
        elif name in _BLOCK_TAGS:
            self._flush()
            self._children(tag, bold or name in _BOLD)
            self._flush()
        else:
            self._children(tag, bold or name in _BOLD)

    def _list(self, tag, level: int) -> None:
        ordered = tag.name == "ol"
        count = int(tag.get("start", "1")) - 1 if str(tag.get("start", "1")).lstrip("-").isdigit() else 0
        fmt = _OL_TYPES.get(str(tag.get("type", "1")), "decimal")
        for item in tag.find_all("li", recursive=False):
            count += 1
            nested = list(item.find_all(["ul", "ol"], recursive=False))
            for child in nested:
                child.extract()
            self._children(item, bold=False)
            text = "".join(t for t, _ in self.parts)
            bold = _parts_bold(self.parts)
            self.parts = []
            lines = [clean(line) for line in text.split("\n") if clean(line)]
            if lines:
                number = format_number(count, fmt) if ordered else None
                self.blocks.append(Block(lines[0], kind="list_item", level=level, bold=bold, number=number))
            for child in nested:
                self._list(child, level + 1)

    def _flush(self) -> None:
        text = clean("".join(t for t, _ in self.parts).replace("\n", " "))
        if text:
            self.blocks.append(Block(text, bold=_parts_bold(self.parts)))
        elif self.blocks and self.blocks[-1].kind != "blank" and self.parts:
            self.blocks.append(Block("", kind="blank"))
        self.parts = []


def _parts_bold(parts: list[tuple[str, bool]]) -> bool:
    visible = [(t, b) for t, b in parts if t.strip()]
    return bool(visible) and all(b for _, b in visible)


def _all_bold(tag) -> bool:
    from bs4 import NavigableString

    texts = [s for s in tag.descendants if isinstance(s, NavigableString) and s.strip()]
    return bool(texts) and all(_inside_bold(s, tag) for s in texts)


def _inside_bold(string, top) -> bool:
    for parent in string.parents:
        if parent is top:
            return False
        if parent.name in _BOLD:
            return True
    return False
