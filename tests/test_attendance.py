"""Who attended: entries, sections, one-line lists, role lines, OCR damage."""

from __future__ import annotations

from importers.attendance import find_attendance, parse_entries
from importers.model import Participant
from importers.readers.markdown import markdown_blocks
from importers.readers.text import text_blocks


def people(text: str, markdown: bool = False) -> list[Participant]:
    blocks = markdown_blocks(text) if markdown else text_blocks(text)
    return find_attendance(blocks, skip=set()).participants


def summary(found: list[Participant]) -> list[tuple]:
    return [(p.name, p.status, p.remote, p.role, p.affiliation) for p in found]


# --- one entry --------------------------------------------------------------------------------


def test_name_role_org() -> None:
    (p,) = parse_entries("Anders Ljungberg, ordförande, UHR")
    assert (p.name, p.role, p.affiliation) == ("Anders Ljungberg", "ordförande", "UHR")


def test_job_title_followed_by_org_unit() -> None:
    (p,) = parse_entries("Marie Lideus, enhetschef Befolkning och levnadsförhållanden")
    assert (p.role, p.affiliation) == ("enhetschef", "Befolkning och levnadsförhållanden")


def test_name_without_comma_before_org() -> None:
    (p,) = parse_entries("Jonas Holm MONA-supporten, SCB, sekreterare")
    assert (p.name, p.role, p.affiliation) == ("Jonas Holm", "sekreterare", "MONA-supporten, SCB")


def test_parenthesised_org_role_remote_and_note() -> None:
    (a,) = parse_entries("Rahul Mehta (NHS Digital) (remote)")
    (b,) = parse_entries("Yaroslav Yakymovych, Uppsala universitet (ersättare)")
    (c,) = parse_entries("Bengt Eriksson, Boverket (digitalt)")
    (d,) = parse_entries("Mark Tully (Auditor, item 4 only)")
    assert (a.affiliation, a.remote) == ("NHS Digital", True)
    assert (b.role, b.affiliation) == ("ersättare", "Uppsala universitet")
    assert (c.remote, c.affiliation) == (True, "Boverket")
    assert (d.role, d.note) == ("auditor", "item 4 only")


def test_partial_attendance_note() -> None:
    (p,) = parse_entries("Ann-Marie Persson, punkt 6–9")
    assert (p.name, p.note, p.affiliation) == ("Ann-Marie Persson", "punkt 6–9", None)


def test_dash_and_tab_separate_name_from_org() -> None:
    (a,) = parse_entries("Lena Fischer – Riverside Library")
    (b,) = parse_entries("Maria Bach Harren\tRiksgälden", cells=("Maria Bach Harren", "Riksgälden"))
    assert (a.name, a.affiliation) == ("Lena Fischer", "Riverside Library")
    assert (b.name, b.affiliation) == ("Maria Bach Harren", "Riksgälden")


def test_names_with_particles_apostrophes_and_hyphens() -> None:
    names = [p.name for p in parse_entries("Tom van der Berg, Margaret O'Neill, Carl-Martin Pethrus")]
    assert names == ["Tom van der Berg", "Margaret O'Neill", "Carl-Martin Pethrus"]


def test_prose_is_not_an_entry() -> None:
    assert parse_entries("Susanne hälsade alla välkomna.") is None
    assert parse_entries("Anna Berg, ordförande, hälsade alla välkomna") is None


# --- sections ---------------------------------------------------------------------------------


def test_section_with_groups_ends_at_first_item() -> None:
    text = """Närvarande:

Ledamöter

Anna Berg, ordförande, UHR
Per Lind, Boverket (digitalt)

Från SCB

Eva Ek, sekreterare

1. Mötet öppnas
Olle Ström, SCB
"""
    found = people(text)
    assert summary(found) == [
        ("Anna Berg", "present", False, "ordförande", "UHR"),
        ("Per Lind", "present", True, "ledamot", "Boverket"),
        ("Eva Ek", "present", False, "sekreterare", None),
    ]
    assert [p.group for p in found] == ["Ledamöter", "Ledamöter", "Från SCB"]


def test_absent_section_and_status() -> None:
    found = people("Present:\nAnna Berg, SCB\n\nApologies:\nPer Lind, UHR\n\nWelcome\nThe chair opened.")
    assert [(p.name, p.status) for p in found] == [("Anna Berg", "present"), ("Per Lind", "absent")]


def test_one_line_lists_in_swedish_and_english() -> None:
    found = people("Närvarande: Anna Berg, Per Lind och Eva Ek\nFrånvarande: Olle Ström\n"
                   "Present: Alice Moreno, Ben Carter and Chloe Nguyen\nRegrets: Dan")
    assert [(p.name, p.status) for p in found] == [
        ("Anna Berg", "present"), ("Per Lind", "present"), ("Eva Ek", "present"), ("Olle Ström", "absent"),
        ("Alice Moreno", "present"), ("Ben Carter", "present"), ("Chloe Nguyen", "present"), ("Dan", "absent")]


def test_w3c_chair_and_scribe_give_roles_or_add_people() -> None:
    text = "Present: Chris Lilley, Garret Rieger\nRegrets: Jonathan Kew\nChair: Vladimir Levantovsky\nScribe: Chris"
    found = people(text)
    assert summary(found) == [
        ("Chris Lilley", "present", False, "scribe", None),
        ("Garret Rieger", "present", False, None, None),
        ("Jonathan Kew", "absent", False, None, None),
        ("Vladimir Levantovsky", "present", False, "chair", None),
    ]


def test_markdown_remote_subheading() -> None:
    text = "## Närvarande:\n\n### Deltagare på plats:\n\nAnna Berg\tSCB\n\n### Deltagare på länk:\n\nPer Lind\tUHR\n"
    found = people(text, markdown=True)
    assert [(p.name, p.remote, p.affiliation) for p in found] == [
        ("Anna Berg", False, "SCB"), ("Per Lind", True, "UHR")]


def test_attendance_table_under_bold_header() -> None:
    text = "**Attendees:**\n\n| Name | Organisation | Role |\n|---|---|---|\n| Hannah Weber | Destatis | Chair |\n"
    (p,) = people(text, markdown=True)
    assert (p.name, p.affiliation, p.role) == ("Hannah Weber", "Destatis", "chair")


def test_ocr_damaged_headers_and_roles_are_recognised() -> None:
    text = ("Narvarande:\n\nSusanne Dahll6f, MONA-supporten, SCB, ordférande\n\n"
            "Franvarande:\n\nKarl Wennberg, Handelshégskolan i Stockholm\n\n1. Inledning\n")
    found = people(text)
    assert summary(found) == [
        ("Susanne Dahll6f", "present", False, "ordförande", "MONA-supporten, SCB"),
        ("Karl Wennberg", "absent", False, None, "Handelshégskolan i Stockholm"),
    ]


def test_author_block_above_the_title_is_not_attendance() -> None:
    text = "Susanne Dahllöf\nMONA-support\n\nMONA referensgrupp 2026-05-25\n\nNärvarande:\n\nOlof Elfwering, SCB\n"
    assert [p.name for p in people(text)] == ["Olof Elfwering"]


def test_header_without_people_is_not_a_section() -> None:
    assert people("Deltagare\n\nMötet diskuterade hur deltagare ska bjudas in.\n") == []


def test_header_alone_then_comma_list_of_first_names() -> None:
    found = people("Present\nIan, Adrian, Rossen, Lea\nRegrets\nNick Doyle, Mia Berg\n\nTopic: Agenda\n")
    assert [(p.name, p.status) for p in found] == [
        ("Ian", "present"), ("Adrian", "present"), ("Rossen", "present"), ("Lea", "present"),
        ("Nick Doyle", "absent"), ("Mia Berg", "absent")]


def test_honorifics_leave_the_name_and_titles_become_roles() -> None:
    from importers.attendance import parse_entries

    people = parse_entries("Cllrs R Hughes (Chairman), S Patel, Prof. Helen Marsh and Chair Patricia Delgado",
                           inline_list=True)
    assert [(p.name, p.role) for p in people] == [("R Hughes", "chairman"), ("S Patel", None),
                                                  ("Helen Marsh", None), ("Patricia Delgado", "chair")]


def test_two_columns_of_people_on_one_line() -> None:
    from importers.attendance import parse_entries

    people = parse_entries("Lars Persson, ordförande          Karin Olsson, kassör")
    assert [(p.name, p.role) for p in people] == [("Lars Persson", "ordförande"), ("Karin Olsson", "kassör")]


def test_meeting_role_wins_over_job_title_and_substitutes_mark_the_absent() -> None:
    from importers.attendance import find_attendance
    from importers.readers.text import text_blocks

    text = ("Beslutande              Anna Andersson (S), ordförande\n"
            "                        Fatima Hussein (V), tjänstgörande ersättare för Erik Falk (S)\n\n"
            "Participants: Jana Novak, Programme Director (chair)\n")
    people = find_attendance(text_blocks(text), set()).participants
    assert [(p.name, p.status, p.role) for p in people] == [
        ("Anna Andersson", "present", "ordförande"), ("Fatima Hussein", "present", "tjänstgörande ersättare"),
        ("Jana Novak", "present", "chair"), ("Erik Falk", "absent", None)]
