"""Pilot tests of every flow at 80x24 and 160x48 on the sample-shaped archive."""

from __future__ import annotations

import pytest
from tui_helpers import HOSTILE_TEXT, SIZES, screen_text, settle, type_text, widget_text

from tui.app import MinutesApp
from tui.screens.main import MainScreen
from tui.screens.people import PeopleScreen
from tui.screens.person import PersonScreen
from tui.screens.search import SearchScreen
from tui.widgets.row_list import RowList

pytestmark = [pytest.mark.asyncio, pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x48"])]


def make_app(path) -> MinutesApp:
    return MinutesApp(path, animate=False)


async def test_start_shows_meetings_newest_first(sample_archive_path, size):
    app = make_app(sample_archive_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        text = screen_text(app)
        first_column = [line[1:11].strip() for line in text.splitlines()[1:5]]
        assert first_column == ["2026-05-25", "2026-02-04", "≈2022", "undated"]
        assert "Meetings (4)" in text
        # the newest meeting's agenda is shown next to the list
        assert "Frågor från referensgruppen" in text
        assert "Participants (4 present, 1 absent)" in text


async def test_enter_reads_an_item_and_escape_goes_back(sample_archive_path, size):
    app = make_app(sample_archive_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # list -> agenda
        assert app.focused.id == "agenda"
        await pilot.press("down", "down")  # item 1 -> 2 -> 2.1
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused.id == "reader"
        assert "Registream kan ta fram syntetiska data." in widget_text(app, "#reader")
        text = screen_text(app)
        narrow = size[0] < 120
        assert ("Meetings (4)" in text) is not narrow  # at 80 columns the reader takes the list's place
        await pilot.press("escape")
        await settle(pilot)
        assert app.focused.id == "agenda"
        assert "Meetings (4)" in screen_text(app)
        await pilot.press("escape")
        assert app.focused.id == "meetings"


async def test_without_preview_the_agenda_waits_for_enter_and_v_turns_following_back_on(sample_archive_path, size):
    app = make_app(sample_archive_path)
    app.follow_cursor = False  # what --no-preview, and SSH, set
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert "Frågor från referensgruppen" in screen_text(app)  # the newest meeting opens at start
        await pilot.press("down")
        await settle(pilot)
        assert "Agenda · 2026-05-25" in screen_text(app)  # still the meeting that was open
        await pilot.press("enter")
        await settle(pilot)
        assert "Agenda · 2026-02-04" in screen_text(app) and app.focused.id == "agenda"
        await pilot.press("escape", "v", "down")
        await settle(pilot)
        assert app.follow_cursor
        assert "Agenda · undated" in screen_text(app)  # followed to the ≈2022 meeting, which has no date


async def test_tab_switches_panes_and_opens_the_reader(sample_archive_path, size):
    app = make_app(sample_archive_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("j")  # second meeting: ROS MoK
        await settle(pilot)
        await pilot.press("tab")
        assert app.focused.id == "agenda"
        await pilot.press("tab")
        await settle(pilot)
        assert app.focused.id == "reader"
        assert "Grupperna skickade in sammanställningar." in widget_text(app, "#reader")
        await pilot.press("shift+tab", "shift+tab")
        await settle(pilot)
        assert app.focused.id == "meetings"
        assert "Meetings (4)" in screen_text(app)


async def test_participants_of_a_meeting_mark_remote(sample_archive_path, size):
    app = make_app(sample_archive_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter", "k", "enter")  # ROS MoK, agenda, up to Participants, read
        await settle(pilot)
        text = widget_text(app, "#reader")
        assert "Present (9, 6 remote)" in text
        assert text.count("[remote]") == 6
        assert "Torbjörn Lindquist — Konjunkturinstitutet [remote]" in text
        assert "Mia Kling — SCB •" in text  # on site: not marked


async def test_search_person_then_person_view_then_meeting(sample_archive_path, size):
    app = make_app(sample_archive_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await type_text(pilot, "hallsten", key_by_key=True)
        text = screen_text(app)
        assert "People (1)" in text
        assert "Martin Hällsten" in text and "2 meetings" in text
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PersonScreen)
        text = screen_text(app)
        assert "2026-05-25" in text and "≈2022" in text
        assert text.index("2026-05-25") < text.index("≈2022")  # newest first
        await pilot.press("j", "enter")  # the OCR'd meeting
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        text = screen_text(app)
        assert "Martin Hallsten — Stockholms universitet" in text  # its participants, as written there


async def test_escape_from_person_view_returns_to_search_and_slash_starts_anew(sample_archive_path, size):
    app = make_app(sample_archive_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "hallsten")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("slash")
        await type_text(pilot, "syntetiska")
        assert app.screen.query_one("#query").value == "syntetiska"
        text = screen_text(app)
        assert "Topics (1)" in text and "Text (2)" in text
        await pilot.press("enter")  # the topic, highlighted first
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.focused.id == "reader"
        text = screen_text(app)
        assert "2.1 Syntetiska data" in text
        assert "Registream kan ta fram syntetiska data." in text


async def test_search_text_hit_opens_the_item(sample_archive_path, size):
    app = make_app(sample_archive_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+f")
        await type_text(pilot, "ansvarar")
        assert "Text (1)" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(app)
        assert "2 Frågor från referensgruppen" in text
        assert "Fråga: Kan man skapa syntetiska data i MONA?" in text


@pytest.mark.parametrize(
    ("query", "expected"),
    [("osterberg", "Torun Österberg"), ("dahllof", "Susanne Dahllöf"), ("syntetsika data", "Syntetiska data")],
)
async def test_search_forgives_accents_ocr_and_typos(sample_archive_path, size, query, expected):
    app = make_app(sample_archive_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, query)
        assert expected in screen_text(app)


async def test_search_syntax_characters_do_not_error(sample_archive_path, size):
    app = make_app(sample_archive_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, '"AND" -x: (')
        assert isinstance(app.screen, SearchScreen)
        assert "Traceback" not in screen_text(app)


async def test_filter_narrows_the_list_and_escape_clears_it(sample_archive_path, size):
    app = make_app(sample_archive_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await type_text(pilot, "ros")
        text = screen_text(app)
        assert "Meetings (1 of 4)" in text
        await pilot.press("enter")
        assert app.focused.id == "meetings"
        await pilot.press("escape")
        await settle(pilot)
        assert "Meetings (4)" in screen_text(app)
        await pilot.press("f")
        await type_text(pilot, "2022")
        assert "Meetings (1 of 4)" in screen_text(app)


async def test_people_list_filters_and_opens_a_person(sample_archive_path, size):
    app = make_app(sample_archive_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        assert "Martin Hällsten" in screen_text(app)
        await type_text(pilot, "hallst")
        text = screen_text(app)
        assert "People (1 of" in text
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PersonScreen)
        assert "also written: Martin Hallsten" in screen_text(app)
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, MainScreen)


async def test_help_lists_keys_and_closes(sample_archive_path, size):
    app = make_app(sample_archive_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert "minutes-tui — keys" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("f1")
        await pilot.press("q")
        assert isinstance(app.screen, MainScreen)


async def test_markup_and_escapes_show_literally(sample_archive_path, size):
    app = make_app(sample_archive_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("G")
        await settle(pilot)
        assert "Mötet öppnas [link=x]" in screen_text(app)
        await pilot.press("enter", "enter")
        await settle(pilot)
        text = screen_text(app)
        assert "Möte i användarråd [bold]befolkning[/bold]" in text
        assert "Användarråd $befolkning" in text
        assert HOSTILE_TEXT.replace("\x1b", "␛") in widget_text(app, "#reader")


async def test_command_palette_opens_a_meeting_by_title(sample_archive_path, size):
    app = make_app(sample_archive_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "ROS arbets")
        await pilot.pause()
        assert "Open meeting: Möte i ROS arbetsgruppen" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one("#meetings", RowList).cursor == 1
        assert "Gruppdiskussion AI" in screen_text(app)


async def test_command_palette_toggles_light_and_dark(sample_archive_path, size):
    app = make_app(sample_archive_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        dark = app.current_theme.dark
        await pilot.press("ctrl+p")
        await type_text(pilot, "toggle light")
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_theme.dark is not dark
        await pilot.press("t")
        assert app.current_theme.dark is dark


async def test_q_quits(sample_archive_path, size):
    app = make_app(sample_archive_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_empty_archive_explains_import_and_opens_the_demo(empty_archive_path, sample_archive_path, size,
                                                               monkeypatch):
    import shutil

    import tui.demo

    def fake_demo(folder):
        target = folder / "demo.db"
        shutil.copy(sample_archive_path, target)
        return target

    monkeypatch.setattr(tui.demo, "build_demo_archive", fake_demo)
    app = make_app(empty_archive_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "minutes-tui import PATH" in text
        assert " d  to open the demo archive" in text
        await pilot.press("d")
        await settle(pilot)
        text = screen_text(app)
        assert "Meetings (4)" in text
        await pilot.press("slash")
        await type_text(pilot, "hallsten")
        assert "Martin Hällsten" in screen_text(app)
