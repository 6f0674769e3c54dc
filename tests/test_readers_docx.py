"""Word documents: Word's own numbered agenda, attendance tables, headings, and files that cannot be read."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from importers.errors import DocumentError
from importers.parse import parse_file
from importers.readers import read_document

AGENDA_LIST = f"""<w:abstractNum {nsdecls('w')} w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
</w:abstractNum>"""
BULLETS = f"""<w:abstractNum {nsdecls('w')} w:abstractNumId="91">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>"""


def _numbering(document) -> None:
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(AGENDA_LIST))
    numbering.append(parse_xml(BULLETS))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="91"/></w:num>'))


def _numbered(document, text: str, num_id: int, level: int = 0):
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return paragraph


def write_board_minutes(path: Path) -> Path:
    """Minutes as Word users write them: a title, an attendance table with a presence column, and an
    agenda in Word's own multi-level numbering with a bulleted list inside one item."""
    document = docx.Document()
    _numbering(document)
    document.add_heading("Protokoll styrelsemöte 2025-03-12", level=1)
    table = document.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ("Namn", "Organisation", "Roll", "Närvarande"), strict=True):
        cell.text = text
    people = [("Karin Åström", "Lunds kommun", "ordförande", "X"), ("Per Öberg", "Region Skåne", "sekreterare", "X"),
              ("Lena Hägg", "Malmö stad", "ledamot", ""), ("Olof Ek", "Lunds kommun", "ledamot", "x")]
    for person in people:
        for cell, text in zip(table.add_row().cells, person, strict=True):
            cell.text = text
    document.add_paragraph("")
    _numbered(document, "Mötets öppnande", 90)
    document.add_paragraph("Ordföranden öppnade mötet.")
    _numbered(document, "Ekonomi", 90)
    _numbered(document, "Budget 2025", 90, level=1)
    _numbered(document, "Bokslut 2024", 90, level=1)
    _numbered(document, "Lokaler", 90)
    _numbered(document, "Hyresavtalet förlängs.", 91)
    _numbered(document, "Städningen upphandlas.", 91)
    _numbered(document, "Nästa möte", 90)
    document.add_paragraph("Nästa möte hålls den 9 april.")
    document.save(path)
    return path


def test_word_numbering_is_shown_as_word_shows_it(tmp_path: Path) -> None:
    blocks = read_document(write_board_minutes(tmp_path / "styrelse.docx")).blocks
    listed = [(b.number, b.level, b.text) for b in blocks if b.kind == "list_item" or b.text[:1].isdigit()]
    # "2.1" carries its parent's number: written into the line, as Word's own text export does
    assert listed == [("1", 0, "Mötets öppnande"), ("2", 0, "Ekonomi"), (None, 0, "2.1 Budget 2025"),
                      (None, 0, "2.2 Bokslut 2024"), ("3", 0, "Lokaler"), (None, 0, "Hyresavtalet förlängs."),
                      (None, 0, "Städningen upphandlas."), ("4", 0, "Nästa möte")]


def test_word_agenda_and_attendance_table_parse_right(tmp_path: Path) -> None:
    meeting = parse_file(write_board_minutes(tmp_path / "styrelse.docx"))
    assert meeting.title == "Protokoll styrelsemöte 2025-03-12" and meeting.date == "2025-03-12"
    people = {p.name: (p.status, p.role, p.affiliation) for p in meeting.participants}
    assert people == {"Karin Åström": ("present", "ordförande", "Lunds kommun"),
                      "Per Öberg": ("present", "sekreterare", "Region Skåne"),
                      "Lena Hägg": ("absent", "ledamot", "Malmö stad"),
                      "Olof Ek": ("present", "ledamot", "Lunds kommun")}
    assert [(i.number, i.title) for i in meeting.items] == [
        ("1", "Mötets öppnande"), ("2", "Ekonomi"), ("3", "Lokaler"), ("4", "Nästa möte")]
    assert [(c.number, c.title) for c in meeting.items[1].children] == [("2.1", "Budget 2025"), ("2.2", "Bokslut 2024")]
    assert "Hyresavtalet förlängs." in meeting.items[2].text


def test_a_restarted_list_counts_from_its_start(tmp_path: Path) -> None:
    document = docx.Document()
    _numbering(document)
    document.part.numbering_part.element.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="92"><w:abstractNumId w:val="90"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>'))
    _numbered(document, "Först", 90)
    _numbered(document, "Sedan", 90)
    _numbered(document, "Ny lista från fem", 92)
    document.save(tmp_path / "lists.docx")
    blocks = read_document(tmp_path / "lists.docx").blocks
    assert [b.number for b in blocks if b.kind == "list_item"] == ["1", "2", "5"]


def test_heading_styles_levels_and_bold_lines(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Protokoll", level=0)  # the Title style
    document.add_heading("Beslut", level=2)
    document.add_paragraph().add_run("Närvarande:").bold = True
    document.add_paragraph("Anna Berg\tSCB")
    document.save(tmp_path / "h.docx")
    blocks = [b for b in read_document(tmp_path / "h.docx").blocks if b.kind != "blank"]
    assert [(b.kind, b.level, b.text) for b in blocks[:2]] == [("heading", 1, "Protokoll"), ("heading", 2, "Beslut")]
    assert blocks[2].bold and blocks[2].text == "Närvarande:"
    assert blocks[3].cells == ("Anna Berg", "SCB")


def test_truncated_docx_fails_with_one_line(tmp_path: Path) -> None:
    path = write_board_minutes(tmp_path / "whole.docx")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(DocumentError) as error:
        read_document(broken)
    assert str(error.value) == f"{broken}: not a readable .docx file (damaged or truncated)"


def test_legacy_doc_says_to_save_as_docx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("importers.readers.docx.shutil.which", lambda name: None)
    old = tmp_path / "gammalt.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))
    with pytest.raises(DocumentError) as error:
        read_document(old)
    assert "save it as .docx" in str(error.value) and "\n" not in str(error.value)
