"""Who is the same person: folded names, OCR swaps, typos; and who is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.archive import Archive
from importers.model import Meeting, Participant
from importers.people import fold, fold_name, same_person, spelling_quality


def test_fold_strips_diacritics_and_case() -> None:
    assert fold("  Hällsten  ÖSTERBERG ") == "hallsten osterberg"
    assert fold("Søren Ærø") == "soren aero"


def test_fold_name_undoes_ocr_digit_swaps_inside_words_only() -> None:
    assert fold_name("Susanne Dahll6f") == fold_name("Susanne Dahllöf") == "susanne dahllof"
    assert fold_name("Anna-Lena 0lsson") == "anna-lena olsson"
    assert fold_name("Room 101") == "room 101"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Martin Hällsten", "Martin Hallsten"),
        ("Torun Österberg", "Torun Osterberg"),
        ("Susanne Dahllöf", "Susanne Dahll6f"),
        ("Henrik Petterson", "Henrik Pettersson"),  # one-letter slip in a long surname
    ],
)
def test_same_person(a: str, b: str) -> None:
    assert same_person(fold_name(a), fold_name(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Susanne Dahllöf", "Susanne Zander"),
        ("Anders Ljungberg", "Anders Ledberg"),
        ("Eva Andersson", "Gunnar Andersson"),
        ("Helena Nilsson", "Maria Nilsson"),
        ("Andreas Petersson", "Henrik Petterson"),
        ("Jonas Holm", "Jonas Holt"),  # short surnames: a one-letter difference is another name
        ("Anna Berg", "Anna Borg"),
    ],
)
def test_different_people(a: str, b: str) -> None:
    assert not same_person(fold_name(a), fold_name(b))


def test_display_name_prefers_the_clean_accented_spelling() -> None:
    assert max(["Susanne Dahll6f", "Susanne Dahllöf", "Susanne Dahllof"], key=spelling_quality) == "Susanne Dahllöf"


def test_archive_links_spellings_to_one_person_with_aliases(tmp_path: Path) -> None:
    with Archive(tmp_path / "a.db") as archive:
        archive.store_meeting(Meeting(participants=[Participant("Martin Hallsten")]), "/a", "1")
        archive.store_meeting(Meeting(participants=[Participant("Martin Hällsten"), Participant("Martin Hall")]),
                              "/b", "2")
        people = {p.name: p for p in archive.people()}
        assert set(people) == {"Martin Hällsten", "Martin Hall"}
        assert people["Martin Hällsten"].aliases == ["Martin Hallsten", "Martin Hällsten"]
        assert people["Martin Hällsten"].meeting_count == 2


def test_people_left_without_meetings_disappear_when_their_meeting_is_replaced(tmp_path: Path) -> None:
    with Archive(tmp_path / "a.db") as archive:
        archive.store_meeting(Meeting(participants=[Participant("Ola Typo")]), "/a", "1")
        archive.store_meeting(Meeting(participants=[Participant("Ola Nordmann")]), "/a", "2")
        assert [p.name for p in archive.people()] == ["Ola Nordmann"]


def test_a_spelling_only_a_replaced_meeting_had_is_no_longer_an_alias(tmp_path: Path) -> None:
    with Archive(tmp_path / "a.db") as archive:
        archive.store_meeting(Meeting(participants=[Participant("Torun Österberg")]), "/a", "1")
        archive.store_meeting(Meeting(participants=[Participant("Torun Osterberg")]), "/b", "2")
        archive.store_meeting(Meeting(participants=[Participant("Torun Österberg")]), "/b", "3")
        [person] = archive.people()
        assert person.aliases == ["Torun Österberg"] and person.meeting_count == 2
