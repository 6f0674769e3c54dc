"""Recognising meeting dates in the forms minutes use."""

from __future__ import annotations

import datetime as dt

import pytest

from importers.dates import date_from_filename, find_dates, first_date, guess_year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MONA Referensgrupps- möte 2026-05-25", "2026-05-25"),
        ("Möte 25 maj 2026", "2026-05-25"),
        ("Protokoll från den 4 februari 2026", "2026-02-04"),
        ("Minutes, May 25, 2026", "2026-05-25"),
        ("Held on Tuesday, 25 May 2026 at 7 pm", "2026-05-25"),
        ("Held on 1st June 2026", "2026-06-01"),
        ("Datum: 25/5 2026", "2026-05-25"),
        ("Datum: 25.5.2026", "2026-05-25"),
        ("Sammanträde 4-5 februari 2026", "2026-02-04"),
        ("Workshop 4–5 Feb 2026", "2026-02-04"),
        ("Möte 12 okt. 2025", "2025-10-12"),
        ("2026/05/25", "2026-05-25"),
    ],
)
def test_date_forms(text: str, expected: str) -> None:
    assert first_date(text) == dt.date.fromisoformat(expected)


@pytest.mark.parametrize("text", ["2026-13-01", "31 februari 2026", "30/2 2026", "4 feb, 13:00", "maj 2026"])
def test_invalid_or_incomplete_dates_are_rejected(text: str) -> None:
    assert first_date(text) is None


def test_compact_dates_only_when_asked() -> None:
    assert first_date("Protokoll 20201124") is None
    assert first_date("Protokoll 20201124", compact=True) == dt.date(2020, 11, 24)
    assert first_date("Möte 180414", compact=True) == dt.date(2018, 4, 14)
    assert first_date("Ärende 123456", compact=True) is None  # 12-34-56 is not a date


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2026-05-25_x.txt", dt.date(2026, 5, 25)),
        ("minutes-20201124.md", dt.date(2020, 11, 24)),
        ("protokoll_180414.txt", dt.date(2018, 4, 14)),
        ("001_68f122e88736377c.txt", None),  # digits inside a hash are not a date
        ("anvandarrad-befolkning.txt", None),
    ],
)
def test_date_from_filename(name: str, expected: dt.date | None) -> None:
    assert date_from_filename(name) == expected


def test_find_dates_lists_all_in_order() -> None:
    dates = [d for _, d in find_dates("Från 1 mars 2026 till 2026-04-30")]
    assert dates == [dt.date(2026, 3, 1), dt.date(2026, 4, 30)]


def test_guess_year_takes_the_most_cited_year() -> None:
    text = "Under 2022 ökade ... april 2022 ... 2023 planeras ... sedan 2022 ... Windows server 2019"
    assert guess_year(text, today=dt.date(2026, 1, 1)) == 2022


def test_guess_year_ignores_far_future_and_handles_none() -> None:
    assert guess_year("plan till 2045, 2045, och 2024", today=dt.date(2025, 1, 1)) == 2024
    assert guess_year("inga årtal här") is None


def test_ocr_damaged_month_names_are_read() -> None:
    from importers.dates import first_date

    assert str(first_date("he1d on 22nd Novernber 2022")) == "2022-11-22"
    assert first_date("the Novernber gap") is None
