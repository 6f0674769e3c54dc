"""The app in the terminals remote users have: no colour, 16 colours, no Unicode locale, no mouse,
a small window, a slow link. The real `minutes-tui --demo` runs in tmux and is read back as a person
sees it (tmux keeps each cell's colours, and whether the program asked for mouse reports)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace

import pytest
from screen_colours import ansi_index, cells, is_grey
from tmux_session import TmuxSession, app_argv

from tui import terminal
from tui.app import MinutesApp

READY = "Agenda · 2026-05-25"  # the demo is up and its newest meeting shown
NOT_SSH = {"SSH_CONNECTION": None, "SSH_CLIENT": None, "SSH_TTY": None}
UTF8 = {"LANG": "C.UTF-8", "LC_ALL": None, "LC_CTYPE": None}


@pytest.fixture
def sessions() -> Iterator[list[TmuxSession]]:
    started: list[TmuxSession] = []
    yield started
    for session in started:
        session.close()


def start(sessions: list[TmuxSession], *args: str, width: int = 80, height: int = 24, **env: str | None) -> TmuxSession:
    session = TmuxSession(app_argv("--demo", *args), env={**NOT_SSH, **UTF8, **env}, width=width, height=height)
    sessions.append(session)
    return session


def test_no_color_shows_only_greys_and_the_cursor_still_shows(sessions):
    for term, colorterm in (("xterm-256color", None), ("xterm-256color", "truecolor"), ("linux", None)):
        app = start(sessions, TERM=term, COLORTERM=colorterm, NO_COLOR="1")
        app.wait_for(READY)
        rows = cells(app.screen(escapes=True))
        coloured = {c.fg for row in rows for c in row} | {c.bg for row in rows for c in row}
        assert all(is_grey(colour) for colour in coloured), (term, colorterm, sorted(coloured))
        cursor_row = rows[1]  # the newest meeting, under the cursor
        other_row = rows[2]
        assert {c.bg for c in cursor_row[1:20]} != {c.bg for c in other_row[1:20]}, term


@pytest.mark.parametrize("term", ["linux", "screen"])
def test_sixteen_colour_terminals_get_sixteen_colours_and_no_text_in_its_background_colour(sessions, term):
    app = start(sessions, TERM=term, COLORTERM=None)
    app.wait_for(READY)
    list_focused = cells(app.screen(escapes=True))
    app.send("Enter")  # the agenda takes the focus
    app.wait_for("Read")
    agenda_focused = cells(app.screen(escapes=True))
    for rows in (list_focused, agenda_focused):
        for row in rows:
            for cell in row:
                fg, bg = ansi_index(cell.fg, default=7), ansi_index(cell.bg, default=0)  # a dark terminal
                assert fg is not None and bg is not None, f"{term}: not a 16-colour value in {cell}"
                if cell.reverse:
                    fg, bg = bg, fg
                if not cell.char.isspace():
                    assert fg != bg, f"{term}: {cell.char!r} drawn in its background colour"
        # the chosen meeting (row 1) stands out from the next, with or without the focus
        assert rows[1][5] != replace(rows[2][5], char=rows[1][5].char), term
    # the agenda's cursor, on its first entry, stands out from the second
    assert agenda_focused[1][45] != replace(agenda_focused[2][45], char=agenda_focused[1][45].char), term


def test_without_a_unicode_locale_the_screen_is_ascii_and_names_lose_only_their_accents(sessions):
    app = start(sessions, TERM="xterm-256color", LANG="C")
    screen = app.wait_for("Agenda . 2026-05-25")
    assert screen.isascii(), screen
    assert "+- Meetings (4) -" in screen and "|2026-05-25 " in screen
    app.send("/")
    app.wait_for("search people")
    app.type("hallsten")
    screen = app.wait_for("Martin Hallsten")
    assert screen.isascii(), screen


def test_no_mouse_turns_mouse_reports_off(sessions):
    with_mouse = start(sessions, TERM="xterm-256color")
    without = start(sessions, "--no-mouse", TERM="xterm-256color")
    for app in (with_mouse, without):
        app.wait_for(READY)
    assert with_mouse.flag("mouse_any_flag") == "1"  # Textual tracks every mouse move by default
    assert without.flag("mouse_any_flag") == "0"
    assert without.flag("mouse_button_flag") == "0" and without.flag("mouse_standard_flag") == "0"


def test_a_too_small_terminal_says_so_and_the_app_returns_when_it_grows(sessions):
    app = start(sessions, TERM="xterm-256color", width=50, height=12)
    screen = app.wait_for("too small")
    assert "50x12" in screen and "at least 60x15" in screen
    assert "Meetings" not in screen
    app.resize(80, 24)
    app.wait_for(READY)
    app.resize(70, 10)
    app.wait_for("70x10")
    app.send("/")  # keys other than q do nothing meanwhile
    app.send("q")
    app.wait_for("exit=0")


def test_escape_sequences_split_by_a_slow_link_stay_one_key_and_a_lone_esc_still_works(sessions):
    app = start(sessions, TERM="xterm-256color", ESCDELAY="1000", width=160, height=30)
    app.wait_for(READY)
    app.send("Enter")
    before = app.wait_for("⏎ Read")  # the agenda has the focus; the reader shows its first entry
    app.send_bytes(b"\x1b")
    time.sleep(0.3)  # the arrow's first byte, then the rest, as a slow link delivers them
    app.send_bytes(b"[B")
    after = app.wait_for(lambda screen: screen != before)
    assert "⏎ Read" in after  # still in the agenda: it was Down, not Esc and two letters
    app.send_bytes(b"\x1b")
    app.wait_for("⏎ Open")  # a lone Esc goes back to the meeting list


# --- the settings behind it ---------------------------------------------------------------------


def test_over_ssh_animations_are_off_and_esc_waits_longer():
    ssh = {"SSH_CONNECTION": "10.0.0.5 52000 10.0.0.1 22", "LANG": "sv_SE.UTF-8"}
    assert terminal.detect(ssh).animate is False
    assert terminal.detect({"LANG": "sv_SE.UTF-8"}).animate is True
    assert terminal.detect({**ssh, "TEXTUAL_ANIMATIONS": "full"}).animate is True
    environ = dict(ssh)
    terminal.prepare_environment(environ)
    assert int(environ["ESCDELAY"]) > 100  # Textual's local default
    mine = {**ssh, "ESCDELAY": "40"}
    terminal.prepare_environment(mine)
    assert mine["ESCDELAY"] == "40"  # the user's own setting wins


def test_over_ssh_the_agenda_waits_for_enter_unless_preview_is_asked_for():
    ssh = {"SSH_CONNECTION": "10.0.0.5 52000 10.0.0.1 22"}
    assert terminal.detect(ssh).follow_cursor is False
    assert terminal.detect(ssh, preview=True).follow_cursor is True
    assert terminal.detect({}).follow_cursor is True
    assert terminal.detect({}, preview=False).follow_cursor is False


def test_only_changed_cells_are_sent_unless_full_redraw_is_asked_for():
    assert terminal.detect({}).changes_only is True
    assert terminal.detect({"MINUTES_TUI_FULL_REDRAW": "1"}).changes_only is False


@pytest.mark.asyncio
async def test_the_app_runs_without_animations_over_ssh(tmp_path):
    from importers.archive import Archive

    path = tmp_path / "a.db"
    Archive(path).close()
    options = terminal.detect({"SSH_CONNECTION": "10.0.0.5 52000 10.0.0.1 22"})
    app = MinutesApp(path, terminal=options)
    async with app.run_test():
        assert app.animation_level == "none"


@pytest.mark.parametrize(
    ("environ", "unicode"),
    [
        ({"LANG": "C"}, False),
        ({"LANG": "C", "LC_CTYPE": "C.UTF-8"}, False),  # Python's own coercion of the C locale
        ({"LANG": "sv_SE.ISO-8859-1"}, False),
        ({"LC_ALL": "POSIX", "LANG": "sv_SE.UTF-8"}, False),
        ({"LANG": "sv_SE.UTF-8"}, True),
        ({"LANG": "en_US.utf8"}, True),
        ({"LC_ALL": "C.UTF-8", "LANG": "C"}, True),
        ({}, True),
    ],
)
def test_which_locales_get_ascii(environ, unicode):
    assert terminal.unicode_locale(environ) is unicode
