"""The agenda tree: item starts, numbering, nesting, and what is not an item."""

from __future__ import annotations

from importers.model import Document, Item, Meeting
from importers.readers.markdown import markdown_blocks
from importers.readers.text import text_blocks
from importers.structure import recognise


def parse(text: str, markdown: bool = False, path: str = "m.txt") -> Meeting:
    blocks = markdown_blocks(text) if markdown else text_blocks(text)
    return recognise(Document(path, "markdown" if markdown else "text", blocks, text))


def outline(items: list[Item]) -> list:
    return [(i.number, i.title, outline(i.children)) if i.children else (i.number, i.title) for i in items]


def test_numbered_items_with_dot_and_paren() -> None:
    meeting = parse("Möte\n\n1. Inledning\nText.\n\n2) Budget\nMer text.\n")
    assert outline(meeting.items) == [("1", "Inledning"), ("2", "Budget")]
    assert meeting.items[0].text == "Text."


def test_section_sign_and_word_numbers() -> None:
    meeting = parse("§ 12 Mötets öppnande\nÖppnat.\n§ 13\nVal av justerare\nPer valdes.\n")
    assert outline(meeting.items) == [("12", "Mötets öppnande"), ("13", "Val av justerare")]
    assert meeting.items[1].text == "Per valdes."
    assert outline(parse("Punkt 1: Val\nx\nPunkt 2 Budget\ny\nItem 3 - AOB\nz").items) == [
        ("1", "Val"), ("2", "Budget"), ("3", "AOB")]


def test_dotted_numbers_are_children() -> None:
    meeting = parse("1. Opening\n\n2. Matters arising\n2.1 Roof\nFixed.\n2.2 Website\nLive.\n3. AOB\n")
    assert outline(meeting.items) == [
        ("1", "Opening"), ("2", "Matters arising", [("2.1", "Roof"), ("2.2", "Website")]), ("3", "AOB")]


def test_restarted_numbering_is_a_list_inside_the_item() -> None:
    text = ("1. Inledning\n\n2. Peer review\nTvå rekommendationer:\n\n1. Se till att möjligheten att lämna ut\n"
            "upphör.\n\n2. Se över tillhandahållandet av mikrodata\nför att garantera.\n\n3. Information om MONA\n"
            "Text.\n")
    meeting = parse(text)
    assert outline(meeting.items) == [("1", "Inledning"), ("2", "Peer review"), ("3", "Information om MONA")]
    assert "1. Se till att" in meeting.items[1].text
    assert "upphör." in meeting.items[1].text


def test_inner_list_continuing_past_the_item_number_stays_inside() -> None:
    text = ("1. Opening\n\n2. Results\nLessons:\n1. Start early,\nas asked.\n2. Open Sunday.\n3. Lower prices.\n\n"
            "3. Membership\n")
    assert outline(parse(text).items) == [("1", "Opening"), ("2", "Results"), ("3", "Membership")]


def test_unnumbered_cue_lines_are_items_between_numbered_ones() -> None:
    text = "Inledning\n\nHälsade välkomna.\n\n1. På gång\nText.\n\n2. Övrigt\nText.\n\nNästa möte\nI höst.\n"
    assert outline(parse(text).items) == [(None, "Inledning"), ("1", "På gång"), ("2", "Övrigt"), (None, "Nästa möte")]


def test_ocr_damaged_cue_is_recognised() -> None:
    text = "1. Inledning\nText.\n\nNésta mote\nNasta mote till hosten.\n"
    assert outline(parse(text).items) == [("1", "Inledning"), (None, "Nésta mote")]


def test_bold_list_items_are_children_of_the_item_above() -> None:
    text = "1. Info\n\n- **Ökad användning:**\n\nText.\n\n- **Ny webb:**\n\nMer.\n\n2. Övrigt\n"
    assert outline(parse(text).items) == [
        ("1", "Info", [(None, "Ökad användning"), (None, "Ny webb")]), ("2", "Övrigt")]


def test_page_markers_lone_numbers_and_running_headers_are_not_items_or_text() -> None:
    text = ("Styrelsen\nProtokoll 2025-11-03\n\n1. Budget\nPrognosen visar\n\n308\n\n3/7\n\nStyrelsen\n"
            "Protokoll 2025-11-03\n\nett underskott.\n\nSida 4 av 7\n\nStyrelsen\nProtokoll 2025-11-03\n\n"
            "2. Övrigt\nInget.\n")
    meeting = parse(text)
    assert outline(meeting.items) == [("1", "Budget"), ("2", "Övrigt")]
    assert meeting.items[0].text == "Prognosen visar\n\nett underskott."


def test_signature_block_ends_the_agenda() -> None:
    text = "§ 1 Öppnande\nÖppnat.\n\nVid protokollet\n\nEva Ek\n\nJusteras\n\nAnna Berg\n"
    meeting = parse(text)
    assert outline(meeting.items) == [("1", "Öppnande")]
    assert meeting.items[0].text == "Öppnat."


def test_markdown_heading_levels_nest_relative_to_the_top_level_used() -> None:
    text = "# Minutes\n\n## Budget\n\n### Income\n\ntext\n\n### Costs\n\n## AOB\n"
    assert outline(parse(text, markdown=True).items) == [
        (None, "Budget", [(None, "Income"), (None, "Costs")]), (None, "AOB")]


def test_parallel_headings_at_different_levels_are_siblings() -> None:
    text = ("# Möte\n\n## **Underlag från myndigheterna**\n\n### **Skolverket:**\n\nA.\n\n"
            "#### **Trafikanalys:**\n\nB.\n\n"
            "## Anteckningar från grupp A\n\nx\n\n### Anteckningar från grupp B\n\ny\n")
    assert outline(parse(text, markdown=True).items) == [
        (None, "Underlag från myndigheterna", [(None, "Skolverket"), (None, "Trafikanalys")]),
        (None, "Anteckningar från grupp A"), (None, "Anteckningar från grupp B")]


def test_time_stamp_headings_are_not_items() -> None:
    text = "# Möte\n\n## Planering\n\n#### **4 feb, 13:00 - 14:30**\n\nTema: AI\n\n## Övrigt\n"
    meeting = parse(text, markdown=True)
    assert outline(meeting.items) == [(None, "Planering"), (None, "Övrigt")]
    assert "Tema: AI" in meeting.items[0].text


def test_w3c_topics() -> None:
    text = "Present: Ann Lee, Bo Ek\n\nTopic: Agenda\nno change\nACTION: Ann to write\n\nTopic: AOB\nnone\n"
    meeting = parse(text)
    assert outline(meeting.items) == [(None, "Agenda"), (None, "AOB")]
    assert meeting.items[0].text == "no change\nACTION: Ann to write"


def test_agenda_list_given_before_the_minutes_is_not_duplicated() -> None:
    text = ("Dagordning:\n1. Öppnande\n2. Budget\n3. Övrigt\n\n1. Öppnande\nÖppnat.\n\n2. Budget\nBra.\n\n"
            "3. Övrigt\nInget.\n")
    meeting = parse(text)
    assert outline(meeting.items) == [("1", "Öppnande"), ("2", "Budget"), ("3", "Övrigt")]
    assert meeting.items[0].text == "Öppnat."


def test_item_text_keeps_bullets_and_line_breaks() -> None:
    meeting = parse("1. Runda\n\n- Anna, GU\n  - Nöjda.\n- Per, SU\n\nSlut.\n")
    assert meeting.items[0].text == "- Anna, GU\n  - Nöjda.\n- Per, SU\n\nSlut."


def test_attendance_and_title_are_not_items() -> None:
    meeting = parse("Styrelsemöte 2026-01-10\n\nNärvarande:\nAnna Berg\nPer Lind\n\n1. Öppnande\nx\n")
    assert outline(meeting.items) == [("1", "Öppnande")]
    assert meeting.title == "Styrelsemöte 2026-01-10"


def test_roman_numerals_capital_letters_and_slashed_numbers() -> None:
    from importers.agenda import number_value, split_number
    from importers.model import Block

    assert split_number(Block("IV.   APPROVAL OF MINUTES"))[:2] == ("IV", "APPROVAL OF MINUTES")
    assert split_number(Block("A. The meeting of May 15, 2024"))[:2] == ("A", "The meeting of May 15, 2024")
    assert split_number(Block("24/045  MATTERS ARISING"))[:2] == ("24/045", "MATTERS ARISING")
    assert split_number(Block("1 §  Sammanträdets öppnande"))[:2] == ("1", "Sammanträdets öppnande")
    assert split_number(Block("14 May 2024"))[0] is None
    assert [number_value(n) for n in ("XIV", "24/045", "3")] == [14, 45, 3]
