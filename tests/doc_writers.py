"""Writing minutes as .docx, .pdf, .odt and .html for the reader tests, as an office user would.

Each writer takes the Blocks the text/Markdown readers made of a document (headings, list items,
tab-separated lines, bold lines) and lays them out in the target format: Word styles and tables,
a PDF with wrapped paragraphs, a running header and a "Sida N av M" footer, ODF styles, HTML tags.
"""

from __future__ import annotations

import html
from pathlib import Path

from importers.model import Block
from importers.readers import read_document

FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path("/Library/Fonts"),
             Path("C:/Windows/Fonts"))


def sample_blocks(path: Path) -> list[Block]:
    return read_document(path).blocks


def groups(blocks: list[Block]):
    """Blocks with runs of tab-separated lines gathered as ("table", [blocks])."""
    run: list[Block] = []
    for block in blocks:
        if block.cells and block.kind in ("line", "table_row"):
            run.append(block)
            continue
        if run:
            yield "table", run
            run = []
        yield block.kind, block
    if run:
        yield "table", run


# --- Word ---------------------------------------------------------------------------------------


def write_docx(blocks: list[Block], target: Path) -> Path:
    import docx

    document = docx.Document()
    for kind, value in groups(blocks):
        if kind == "table":
            width = max(len(b.cells) for b in value)
            table = document.add_table(rows=0, cols=width)
            for block in value:
                cells = table.add_row().cells
                for cell, text in zip(cells, block.cells, strict=False):
                    cell.text = text
        elif kind == "heading":
            document.add_heading("", level=min(value.level, 9)).add_run(value.text).bold = value.bold or None
        elif kind == "blank":
            document.add_paragraph("")
        elif kind == "list_item" and value.number is None:
            style = "List Bullet" if value.level == 0 else f"List Bullet {min(value.level + 1, 3)}"
            document.add_paragraph().style = style
            document.paragraphs[-1].add_run(value.text).bold = value.bold or None
        else:
            text = f"{value.number}. {value.text}" if value.number else value.text
            document.add_paragraph().add_run(text).bold = value.bold or None
    document.save(target)
    return target


# --- PDF ----------------------------------------------------------------------------------------


def unicode_font() -> Path | None:
    """A TrueType font with Swedish letters and typographic dashes and quotes, if the system has one."""
    for folder in FONT_DIRS:
        if folder.is_dir():
            for name in ("DejaVuSans.ttf", "LiberationSans-Regular.ttf", "Arial.ttf", "arial.ttf"):
                found = next(folder.rglob(name), None)
                if found:
                    return found
    return None


class _Pdf:
    def __init__(self, header: str | None) -> None:
        from fpdf import FPDF

        header_text = header

        class Minutes(FPDF):
            def header(self) -> None:
                if header_text:
                    self.set_font(self.body_font, size=8)
                    self.cell(0, 5, header_text, align="R", new_x="LMARGIN", new_y="NEXT")
                    self.ln(3)

            def footer(self) -> None:
                self.set_y(-15)
                self.set_font(self.body_font, size=8)
                self.cell(0, 10, f"Sida {self.page_no()} av {{nb}}", align="C")

        self.pdf = Minutes(format="A4")
        font = unicode_font()
        if font:
            self.pdf.add_font("Body", "", str(font))
            bold = font.with_name(font.name.replace("Sans.ttf", "Sans-Bold.ttf").replace("Regular", "Bold"))
            self.pdf.add_font("Body", "B", str(bold if bold.exists() else font))
            self.pdf.body_font = "Body"
        else:
            self.pdf.body_font = "Helvetica"
        self.unicode = font is not None
        self.pdf.set_auto_page_break(True, margin=20)
        self.pdf.add_page()

    def text(self, text: str) -> str:
        if self.unicode:
            return text
        return text.encode("cp1252", "replace").decode("cp1252")

    def paragraph(self, text: str, size: float = 11, bold: bool = False, indent: float = 0) -> None:
        pdf = self.pdf
        pdf.set_font(pdf.body_font, "B" if bold else "", size)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(0, size * 0.5, self.text(text), new_x="LMARGIN", new_y="NEXT")

    def row(self, cells: tuple[str, ...]) -> None:
        pdf = self.pdf
        pdf.set_font(pdf.body_font, "", 11)
        width = (pdf.w - pdf.l_margin - pdf.r_margin) / len(cells)
        for cell in cells:
            pdf.cell(width, 6, self.text(cell))
        pdf.ln(6)


def write_pdf(blocks: list[Block], target: Path, header: str | None = "Protokoll") -> Path:
    """A PDF as Word's "Save as PDF" makes it: wrapped paragraphs, a running header, page footers."""
    pdf = _Pdf(header)
    for kind, value in groups(blocks):
        if kind == "table":
            for block in value:
                pdf.row(block.cells)
        elif kind == "blank":
            pdf.pdf.ln(4)
        elif kind == "heading":
            pdf.paragraph(value.text, size=max(12, 20 - 2 * value.level), bold=value.bold)
        elif kind == "list_item":
            marker = f"{value.number}." if value.number else "•"
            pdf.paragraph(f"{marker} {value.text}", bold=value.bold, indent=6 * (value.level + 1))
        else:
            pdf.paragraph(value.text, bold=value.bold)
    pdf.pdf.output(str(target))
    return target


# --- OpenDocument ---------------------------------------------------------------------------------


def write_odt(blocks: list[Block], target: Path) -> Path:
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, List, ListItem, P, Span

    document = OpenDocumentText()
    bold = Style(name="Strong", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(bold)
    for kind, value in groups(blocks):
        if kind == "table":
            width = max(len(b.cells) for b in value)
            table = Table(name=f"Table{id(value)}")
            table.addElement(TableColumn(numbercolumnsrepeated=width))
            for block in value:
                row = TableRow()
                for text in block.cells:
                    cell = TableCell()
                    cell.addElement(P(text=text))
                    row.addElement(cell)
                table.addElement(row)
            document.text.addElement(table)
        elif kind == "heading":
            heading = H(outlinelevel=value.level)
            heading.addElement(Span(stylename=bold, text=value.text) if value.bold else Span(text=value.text))
            document.text.addElement(heading)
        elif kind == "blank":
            document.text.addElement(P())
        elif kind == "list_item" and value.number is None:
            outer = List()
            inner = outer
            for _ in range(value.level):
                item = ListItem()
                inner.addElement(item)
                nested = List()
                item.addElement(nested)
                inner = nested
            item = ListItem()
            item.addElement(_odt_paragraph(P, Span, bold, value.text, value.bold))
            inner.addElement(item)
            document.text.addElement(outer)
        else:
            text = f"{value.number}. {value.text}" if value.number else value.text
            document.text.addElement(_odt_paragraph(P, Span, bold, text, value.bold))
    document.save(str(target))
    return target


def _odt_paragraph(P, Span, bold_style, text: str, bold: bool):
    paragraph = P()
    if bold:
        paragraph.addElement(Span(stylename=bold_style, text=text))
    else:
        paragraph.addText(text)
    return paragraph


# --- HTML ---------------------------------------------------------------------------------------


def write_html(blocks: list[Block], target: Path) -> Path:
    """A saved intranet page: navigation, a script and a style around the minutes."""
    out = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>Intranät</title>",
           "<style>body { font-family: sans-serif } .hidden { display: none }</style>",
           "<script>var tracker = 'Närvarande: Spårare Skript';</script></head><body>",
           "<nav><ul><li><a href='/'>Start</a></li><li><a href='/om'>Om oss</a></li></ul></nav><main>"]
    for kind, value in groups(blocks):
        if kind == "table":
            out.append("<table>")
            out += ["<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in b.cells) + "</tr>" for b in value]
            out.append("</table>")
        elif kind == "heading":
            text = f"<strong>{html.escape(value.text)}</strong>" if value.bold else html.escape(value.text)
            out.append(f"<h{min(value.level, 6)}>{text}</h{min(value.level, 6)}>")
        elif kind == "blank":
            continue
        elif kind == "list_item":
            text = html.escape(value.text)
            text = f"<strong>{text}</strong>" if value.bold else text
            out.append("<ul>" * (value.level + 1) + f"<li>{text}</li>" + "</ul>" * (value.level + 1))
        else:
            text = html.escape(f"{value.number}. {value.text}" if value.number else value.text)
            out.append(f"<p><b>{text}</b></p>" if value.bold else f"<p>{text}</p>")
    out.append("</main><footer>© Myndigheten</footer></body></html>")
    target.write_text("\n".join(out), encoding="utf-8")
    return target
