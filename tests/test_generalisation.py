"""The recogniser on minutes written in many styles (our own fixtures, never the shipped samples).

Each fixture under fixtures/minutes/ has its expected parse in fixtures/minutes/expected/ (the format
score_parse.py reads). Every fixture must score perfectly with score_parse.py's own measures; the first
fixtures (those with "body_contains") must moreover match their expectations exactly.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scoring import score_in_process

from importers.model import Document, Item, Meeting
from importers.parse import parse_file
from importers.readers.text import text_blocks
from importers.structure import recognise
from importers.vocabulary import fold

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "minutes"
ALL_EXPECTATIONS = sorted((FIXTURES / "expected").glob("*.json"))
#: Fixtures written with exact expectations (names, roles, numbers and titles exactly as parsed).
EXPECTATIONS = [p for p in ALL_EXPECTATIONS if "body_contains" in json.loads(p.read_text(encoding="utf-8"))]


def load(path: Path) -> tuple[dict, Meeting]:
    expected = json.loads(path.read_text(encoding="utf-8"))
    return expected, parse_file(FIXTURES / expected["file"])


def outline(items: list[Item]) -> list[tuple]:
    return [(i.number, fold(i.title)) for i in items]


@pytest.fixture(params=EXPECTATIONS, ids=[p.stem for p in EXPECTATIONS])
def case(request) -> tuple[dict, Meeting]:
    return load(request.param)


def test_there_are_enough_varied_fixtures() -> None:
    assert len(EXPECTATIONS) >= 8
    assert len(ALL_EXPECTATIONS) >= 20


@pytest.mark.parametrize("path", ALL_EXPECTATIONS, ids=[p.stem for p in ALL_EXPECTATIONS])
def test_every_fixture_scores_perfectly(path: Path) -> None:
    s = score_in_process(path)
    assert s["ok"] and s["participants"][2] == 1.0 and s["agenda"][2] == 1.0, s["misses"]
    for key in ("status", "role", "affiliation", "remote", "numbers", "children"):
        assert s[key][0] == s[key][1], (key, s["misses"])
    assert s["agenda_order"] and s["date"] and s.get("title", True) and not s["false_items"], s["misses"]


def test_head_of_the_minutes(case) -> None:
    expected, meeting = case
    assert meeting.date == expected["date"]
    assert fold(expected["title_contains"]) in fold(meeting.title or "")
    assert fold(expected["body_contains"]) in fold(meeting.body or "")


def test_every_participant_with_status_role_affiliation_and_remote(case) -> None:
    expected, meeting = case
    got = {p.name: p for p in meeting.participants}
    assert list(got) == [p["name"] for p in expected["participants"]]
    for want in expected["participants"]:
        person = got[want["name"]]
        assert person.status == want["status"], want["name"]
        assert person.remote == want.get("remote", False), want["name"]
        if "role" in want:
            assert person.role == want["role"], want["name"]
        if "affiliation_contains" in want:
            assert want["affiliation_contains"] in (person.affiliation or ""), want["name"]


def test_agenda_items_and_children_in_order(case) -> None:
    expected, meeting = case
    want = [(i["number"], fold(i["title"])) for i in expected["agenda"]]
    assert outline(meeting.items) == want
    for item, want_item in zip(meeting.items, expected["agenda"], strict=True):
        if want_item.get("children"):
            assert outline(item.children) == [(c["number"], fold(c["title"])) for c in want_item["children"]]


def test_nothing_that_is_not_an_item_becomes_one(case) -> None:
    expected, meeting = case

    def titles(items: list[Item]) -> list[str]:
        return [fold(i.title) for i in items] + [t for i in items for t in titles(i.children)]

    for text in expected["not_items"]:
        assert not any(t.startswith(fold(text)) for t in titles(meeting.items)), text


# --- properties that hold for any minutes -----------------------------------------------------


def parse_text(text: str, path: str = "minutes.txt") -> Meeting:
    return recognise(Document(path, "text", text_blocks(text), text))


def test_date_sources() -> None:
    assert parse_text("Styrelsemöte 2026-01-10\n\n1. Öppnande\nx").date_source == "title"
    assert parse_text("Styrelsemöte\nDatum: 10 januari 2026\n\n1. Öppnande\nx").date_source == "text"
    from_name = parse_text("Styrelsemöte\n\n1. Öppnande\nx", path="2026-01-10_styrelse.txt")
    assert (from_name.date, from_name.date_source) == ("2026-01-10", "filename")


def test_no_stated_date_stays_null_and_the_year_is_only_inferred() -> None:
    meeting = parse_text("Möte i rådet\n\n1. Budget\nUnder 2024 ökade kostnaderna. 2024 blev dyrt. Plan för 2025.\n"
                         "\n2. Övrigt\nI höst den 15 juni.\n")
    assert meeting.date is None and meeting.date_source is None
    assert meeting.inferred_year == 2024


def test_dates_in_item_text_are_not_the_meeting_date() -> None:
    meeting = parse_text("Möte i rådet\n\n1. Budget\nRapporten lämnas den 30 juni 2026.\n")
    assert meeting.date is None


def test_ocr_damage_is_flagged_and_text_kept() -> None:
    damaged = ("Narvarande:\n\nSusanne Dahll6f, SCB\n\n1. Inledning\n" + "Susanne hélsade alla. Motet inleddes pa SCB "
               "och det ar bra att fran och for att som har med det. Diagram 6ver 6kande anvandning. " * 5)
    meeting = parse_text(damaged)
    assert meeting.ocr_damaged
    assert meeting.raw_text == damaged
    assert meeting.participants[0].name == "Susanne Dahll6f"


def test_clean_text_is_not_flagged_as_damaged() -> None:
    clean = "Närvarande:\n\nAnna Berg, SCB\n\n1. Inledning\n" + "Mötet öppnades på SCB och det är bra att vi för " * 10
    assert not parse_text(clean).ocr_damaged


def test_english_sections_with_members_present_and_also_in_attendance() -> None:
    text = """Parish Council - Minutes of the meeting held on 3 March 2026

Members present:
Cllr Jane Smith (Chair)
Cllr Robert Brown
Cllr Aisha Patel (via Zoom)

Also in attendance:
Peter Green, Parish Clerk

Apologies:
Cllr Tom Wright

Item 1 - Declarations of interest
None were declared.

Item 2 - Planning applications
The council considered two applications.

Item 3 - Date of next meeting
7 April 2026.
"""
    meeting = parse_text(text)
    assert meeting.date == "2026-03-03"
    assert meeting.body == "Parish Council"
    assert [(p.name, p.status, p.remote, p.role) for p in meeting.participants] == [
        ("Jane Smith", "present", False, "chair"),
        ("Robert Brown", "present", False, None),
        ("Aisha Patel", "present", True, None),
        ("Peter Green", "present", False, "parish clerk"),
        ("Tom Wright", "absent", False, None),
    ]
    assert meeting.participants[0].raw == "Cllr Jane Smith (Chair)"  # the honorific stays in the raw line
    assert outline(meeting.items) == [("1", "declarations of interest"), ("2", "planning applications"),
                                      ("3", "date of next meeting")]


@pytest.mark.parametrize("text", ["Protokoll", "1. Öppnande", "Närvarande:", "- a\n- b", "§", "Topic:"])
def test_tiny_documents_do_not_break_the_recogniser(text: str) -> None:
    meeting = parse_text(text)
    assert meeting.raw_text == text
