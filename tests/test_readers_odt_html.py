"""OpenDocument and HTML minutes: headings, numbered lists, attendance tables; scripts and page chrome
dropped; damaged files refused with one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from odf.opendocument import OpenDocumentText
from odf.style import ListLevelProperties, Style, TextProperties
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import H, List, ListItem, ListLevelStyleNumber, ListStyle, P, Span

from importers.errors import DocumentError
from importers.parse import parse_file
from importers.readers import read_document

ATTENDANCE = [("Namn", "Roll", "Närvaro"), ("Eva Lind", "ordförande", "Ja"), ("Jan Berg", "sekreterare", "Ja"),
              ("Kim Ek", "ledamot", "Nej")]
AGENDA = ["Mötets öppnande", "Val av justerare", "Ekonomi", "Mötets avslutande"]


def write_odt(path: Path) -> Path:
    document = OpenDocumentText()
    numbered = ListStyle(name="Numbering")
    level = ListLevelStyleNumber(level=1, numformat="1", numsuffix=".", startvalue=1)
    level.addElement(ListLevelProperties())
    numbered.addElement(level)
    document.automaticstyles.addElement(numbered)
    bold = Style(name="B", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(bold)
    document.text.addElement(H(outlinelevel=1, text="Protokoll årsmöte 2024-03-05"))
    table = Table(name="Närvaro")
    table.addElement(TableColumn(numbercolumnsrepeated=3))
    for row in ATTENDANCE:
        tr = TableRow()
        for text in row:
            cell = TableCell()
            cell.addElement(P(text=text))
            tr.addElement(cell)
        table.addElement(tr)
    document.text.addElement(table)
    agenda = List(stylename=numbered)
    for title in AGENDA:
        item = ListItem()
        item.addElement(P(text=title))
        agenda.addElement(item)
    document.text.addElement(agenda)
    closing = P()
    closing.addElement(Span(stylename=bold, text="Vid protokollet"))
    document.text.addElement(closing)
    document.save(str(path))
    return path


def test_odt_numbered_agenda_and_attendance_table(tmp_path: Path) -> None:
    path = write_odt(tmp_path / "arsmote.odt")
    blocks = read_document(path).blocks
    assert [(b.number, b.text) for b in blocks if b.kind == "list_item"] == [
        (str(n), title) for n, title in enumerate(AGENDA, 1)]
    assert blocks[-1].bold and blocks[-1].text == "Vid protokollet"
    meeting = parse_file(path)
    assert meeting.title == "Protokoll årsmöte 2024-03-05"
    assert {p.name: (p.status, p.role) for p in meeting.participants} == {
        "Eva Lind": ("present", "ordförande"), "Jan Berg": ("present", "sekreterare"), "Kim Ek": ("absent", "ledamot")}
    assert [(i.number, i.title) for i in meeting.items] == [(str(n), t) for n, t in enumerate(AGENDA, 1)]


def test_truncated_odt_fails_with_one_line(tmp_path: Path) -> None:
    whole = write_odt(tmp_path / "whole.odt").read_bytes()
    broken = tmp_path / "broken.odt"
    broken.write_bytes(whole[: len(whole) - 200])
    with pytest.raises(DocumentError) as error:
        read_document(broken)
    assert str(error.value) == f"{broken}: not a readable .odt file (damaged or truncated)"


PAGE = """<!DOCTYPE html><html><head><meta charset="windows-1252"><title>Intran\xe4t</title>
<style>p { color: red }</style><script>document.write("N\xe4rvarande: Skript Spook")</script></head>
<body><header>Kommunens intran\xe4t</header><nav><a href="/">Start</a> <a href="/om">Om oss</a></nav>
<main><h1>Protokoll fr\xe5n n\xe4mndm\xf6te 2024-09-10</h1>
<p><strong>N\xe4rvarande:</strong></p>
<table><tr><th>Namn</th><th>Organisation</th></tr><tr><td>Sara \xd6st</td><td>Milj\xf6f\xf6rvaltningen</td></tr>
<tr><td>Nils \xc5kerman</td><td>Stadsbyggnadskontoret</td></tr></table>
<ol><li>M\xf6tets \xf6ppnande</li><li>Bygglov<ol type="a"><li>Ekbacken 3</li></ol></li><li>\xd6vriga fr\xe5gor</li></ol>
<p>Beslut togs enligt<br>f\xf6rslaget.</p></main><footer>\xa9 Kommunen</footer></body></html>"""


def test_html_drops_scripts_and_chrome_and_keeps_structure(tmp_path: Path) -> None:
    path = tmp_path / "protokoll.html"
    path.write_bytes(PAGE.encode("cp1252"))
    document = read_document(path)
    assert "Skript" not in document.text and "Om oss" not in document.text and "Kommunen" not in document.text
    assert "color" not in document.text
    blocks = [b for b in document.blocks if b.kind != "blank"]
    assert (blocks[0].kind, blocks[0].text) == ("heading", "Protokoll från nämndmöte 2024-09-10")
    assert [(b.number, b.level, b.text) for b in blocks if b.kind == "list_item"] == [
        ("1", 0, "Mötets öppnande"), ("2", 0, "Bygglov"), ("a", 1, "Ekbacken 3"), ("3", 0, "Övriga frågor")]
    assert [b.text for b in blocks[-2:]] == ["Beslut togs enligt", "förslaget."]
    meeting = parse_file(path)
    assert [(p.name, p.affiliation) for p in meeting.participants] == [
        ("Sara Öst", "Miljöförvaltningen"), ("Nils Åkerman", "Stadsbyggnadskontoret")]
    assert [i.title for i in meeting.items] == ["Mötets öppnande", "Bygglov", "Övriga frågor"]
