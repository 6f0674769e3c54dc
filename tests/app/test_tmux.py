"""The real `minutes-tui --demo` in tmux at 80x24, read back with `capture-pane` as a person sees it.

Runs under TERM=xterm-256color and TERM=screen. Skipped when tmux is missing, except in CI, which
installs it.
Waiting polls the screen until the expected text shows (or a generous deadline passes); nothing
here measures how long anything takes.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tmux_session import TmuxSession, app_argv


@pytest.fixture(params=["xterm-256color", "screen"])
def terminal(request: pytest.FixtureRequest) -> Iterator[TmuxSession]:
    term = TmuxSession(app_argv("--demo"), env={"TERM": request.param})
    yield term
    term.close()


def test_demo_at_80x24_as_a_person_sees_it(terminal: TmuxSession) -> None:
    screen = terminal.wait_for(lambda s: "Meetings (4)" in s and "Agenda · 2026-05-25" in s)  # rows page in
    assert "│2026-05-25" in screen and "│2026-02-04" in screen
    assert all(len(line) <= 80 for line in screen.splitlines())

    terminal.send("/")
    terminal.wait_for("search people, topics, text")
    terminal.type("hallsten")
    screen = terminal.wait_for("Martin Hällsten")
    assert "2 meetings" in screen

    terminal.send("Enter")
    screen = terminal.wait_for("also written")  # the OCR'd spelling "Hallsten" is kept as an alias
    meetings = [line for line in screen.splitlines() if line.startswith("│2026-05-25") or line.startswith("│≈")]
    assert len(meetings) == 2, screen

    terminal.send("Escape")
    terminal.wait_for("People (1)")  # back on the search; keys sent apart, as a person would
    terminal.send("/")
    terminal.wait_for("search people, topics, text")
    terminal.type("syntetiska")
    screen = terminal.wait_for("syntetiska data")
    assert "Text (" in screen
    terminal.send("Enter")
    screen = terminal.wait_for(lambda s: "╭─ Text" in s and "╭─ Meetings" not in s)  # reading, at 80 columns
    terminal.wait_for(lambda s: "syntetiska" in s.lower())

    # the 2026-02-04 meeting: its participants, six of them on link
    terminal.send("Escape")
    terminal.wait_for("╭─ Meetings (4)")  # the list is back, the agenda has the focus
    terminal.send("Escape")
    terminal.wait_for(lambda s: "esc Back" not in s)  # the list has the focus again
    terminal.send("g", "j")
    terminal.wait_for("Agenda · 2026-02-04")
    terminal.send("Enter")
    terminal.wait_for("⏎ Read")  # the agenda has the focus
    terminal.send("k", "Enter")  # up to its first entry (the participants), read it
    screen = terminal.wait_for("Present (")
    assert "6 remote" in screen

    terminal.send("q")
    screen = terminal.wait_for("exit=0")
    assert "Meetings (" not in screen  # the app's screen is gone
    assert terminal.flag("alternate_on") == "0"
    assert terminal.flag("mouse_any_flag") == "0"
    assert terminal.flag("cursor_flag") == "1"
