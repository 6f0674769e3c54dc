"""PDF: wrapped lines re-joined, hyphens undone, running headers and page numbers gone; encrypted and
scanned PDFs refused with one line, and nothing written to the archive."""

from __future__ import annotations

from pathlib import Path

import doc_writers
import pytest
from cli_helpers import run_cli
from fpdf import FPDF

from importers.archive import Archive
from importers.errors import DocumentError
from importers.model import Block
from importers.readers import read_document
from importers.readers.pdf_layout import Line, lines_to_blocks

LONG = ("Styrelsen beslutade att godkänna budgeten för nästa verksamhetsår efter en lång diskussion om "
        "lokalkostnader, personalförsörjning och den fortsatta digitaliseringen av ärendehanteringen i förvaltningen.")


def minutes_blocks() -> list[Block]:
    body = [Block(LONG), Block("", kind="blank")] * 25
    return [Block("Protokoll från styrelsemöte 2025-04-02", kind="heading", level=1), Block("", kind="blank"),
            Block("Närvarande:"), Block("Anna Öberg, ordförande"), Block("Per Åkesson, sekreterare"),
            Block("", kind="blank"), Block("1. Budget"), Block("", kind="blank"), *body,
            Block("2. Övriga frågor"), Block("Inga övriga frågor.")]


@pytest.fixture(scope="module")
def three_pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "styrelse.pdf"
    return doc_writers.write_pdf(minutes_blocks(), path, header="Styrelseprotokoll — Föreningen Ekbacken")


def test_wrapped_lines_are_one_paragraph_again(three_pages: Path) -> None:
    texts = [b.text for b in read_document(three_pages).blocks]
    assert texts.count(LONG) == 25  # every wrapped paragraph re-joined exactly, Swedish letters intact


def test_running_header_and_page_footer_are_dropped(three_pages: Path) -> None:
    document = read_document(three_pages)
    assert max(b.page for b in document.blocks) >= 3
    assert "Sida" not in document.text and "Ekbacken" not in document.text


def test_short_lines_stay_lines_and_headings_keep_their_level(three_pages: Path) -> None:
    blocks = [b for b in read_document(three_pages).blocks if b.kind != "blank"]
    assert (blocks[0].kind, blocks[0].level, blocks[0].text) == ("heading", 1, "Protokoll från styrelsemöte 2025-04-02")
    assert [b.text for b in blocks[1:4]] == ["Närvarande:", "Anna Öberg, ordförande", "Per Åkesson, sekreterare"]


def _line(text: str, y: float, x1: float = 560.0, page: int = 1) -> Line:
    return Line(text, 30.0, x1, y + 10, y, 11.0, False, page, 842.0, 595.0, 5.0)


def test_hyphenation_at_a_line_end_is_undone_but_real_hyphens_kept() -> None:
    lines = [_line("Mötet gav kansliet i upp-", 700), _line("drag att utreda metod-", 685),
             _line("och kvalitetsfrågor inom MONA-", 670), _line("support före sommaren.", 655, x1=200),
             _line("Nästa stycke börjar här.", 640, x1=200)]
    assert [b.text for b in lines_to_blocks(lines)] == [
        "Mötet gav kansliet i uppdrag att utreda metod- och kvalitetsfrågor inom MONA-support före sommaren.",
        "Nästa stycke börjar här."]


def test_a_paragraph_continues_on_the_next_page_but_a_short_line_ends_it() -> None:
    lines = [_line("Styrelsen beslutade att", 80), _line("Sida 1 av 2", 30, x1=300),
             _line("godkänna budgeten.", 790, x1=150, page=2), _line("Ny rad.", 775, x1=100, page=2)]
    assert [b.text for b in lines_to_blocks(lines)] == ["Styrelsen beslutade att godkänna budgeten.", "Ny rad."]


def test_table_cells_come_back_as_cells(tmp_path: Path) -> None:
    blocks = [Block("Närvarande:"), Block("Petra Sundlöf\tSocialstyrelsen", cells=("Petra Sundlöf", "Socialstyrelsen")),
              Block("Mia Kling\tSCB", cells=("Mia Kling", "SCB"))]
    path = doc_writers.write_pdf(blocks, tmp_path / "t.pdf", header=None)
    assert [b.cells for b in read_document(path).blocks if b.cells] == [("Petra Sundlöf", "Socialstyrelsen"),
                                                                         ("Mia Kling", "SCB")]


def encrypted_pdf(source: Path, target: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(source).pages:
        writer.add_page(page)
    writer.encrypt("hemligt")
    with target.open("wb") as out:
        writer.write(out)
    return target


def image_only_pdf(target: Path) -> Path:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (600, 300), "white")
    ImageDraw.Draw(image).rectangle((40, 40, 560, 60), fill="black")  # a "line of text" as pixels
    pdf = FPDF()
    pdf.add_page()
    pdf.image(image, x=10, y=10, w=180)
    pdf.output(str(target))
    return target


def test_encrypted_pdf_fails_with_one_line(three_pages: Path, tmp_path: Path) -> None:
    path = encrypted_pdf(three_pages, tmp_path / "locked.pdf")
    with pytest.raises(DocumentError) as error:
        read_document(path)
    assert "encrypted PDF" in str(error.value) and "\n" not in str(error.value)


def test_scanned_pdf_says_run_ocr_first(tmp_path: Path) -> None:
    path = image_only_pdf(tmp_path / "scan.pdf")
    with pytest.raises(DocumentError) as error:
        read_document(path)
    assert str(error.value).startswith(f"{path}: no text layer: run OCR first")


def test_pypdf_fallback_reads_text_and_refuses_scans(three_pages: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from importers.readers import pdf

    def no_pdfium(data: bytes, path: str) -> list:
        raise ImportError("pypdfium2")

    monkeypatch.setattr(pdf, "_pdfium_lines", no_pdfium)
    document = read_document(three_pages)
    assert "Anna Öberg, ordförande" in document.text and "Sida 2" not in document.text
    with pytest.raises(DocumentError, match="no text layer"):
        read_document(image_only_pdf(tmp_path / "scan.pdf"))


def test_import_of_broken_files_fails_cleanly_and_writes_nothing(three_pages: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    image_only_pdf(folder / "scan.pdf")
    encrypted_pdf(three_pages, folder / "locked.pdf")
    (folder / "cut.docx").write_bytes(b"PK\x03\x04" + bytes(100))
    (folder / "cut.odt").write_bytes(b"PK\x03\x04" + bytes(100))
    db = tmp_path / "minutes.db"
    result = run_cli("--db", db, "import", folder)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("minutes-tui:")]
    assert len(errors) == 4, result.stderr
    assert any("scan.pdf: no text layer: run OCR first" in line for line in errors)
    with Archive(db) as archive:
        assert archive.meeting_count() == 0
