"""What a slow link carries: the real app on a pseudo-terminal, every byte it writes counted, and the
screen those bytes draw read back with a terminal emulator (pyte)."""

from __future__ import annotations

import os
import sys

import pytest
from pty_session import PtySession

DOWN, ENTER = b"\x1b[B", b"\r"
SSH = {"SSH_CONNECTION": "10.0.0.5 52000 10.0.0.1 22"}
QUIET = 0.4  # seconds without output: the app has finished answering a key


def start(extra_env: dict[str, str], *flags: str) -> PtySession:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SSH_", "MINUTES_TUI_", "COLORTERM"))}
    env |= {"TERM": "xterm-256color", "LANG": "C.UTF-8", **extra_env}
    env = {k: v for k, v in env.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
    app = PtySession([sys.executable, "-m", "tui.cli", "--demo", *flags], env=env)
    app.wait_for_screen("Agenda · 2026-05-25", timeout=60)
    app.settle(QUIET)
    return app


def bytes_for(app: PtySession, keys: bytes) -> int:
    before = len(app.output)
    app.type(keys)
    app.settle(QUIET)
    return len(app.output) - before


def test_over_ssh_a_cursor_move_costs_a_few_hundred_bytes_and_a_letter_under_two_kilobytes():
    app = start(SSH)
    try:
        downs = [bytes_for(app, DOWN) for _ in range(3)]
        assert "Agenda · 2026-05-25" in app.screen()  # the agenda waits for Enter
        assert sum(downs) / len(downs) <= 300, downs
        bytes_for(app, b"/")
        letters = [bytes_for(app, letter) for letter in (b"h", b"a", b"l", b"l")]
        assert sum(letters) / len(letters) <= 2048, letters
        assert "Martin Hällsten" in app.screen()
    finally:
        app.close("\x11")


def test_over_ssh_enter_opens_the_meeting_under_the_cursor():
    app = start(SSH)
    try:
        bytes_for(app, DOWN)
        bytes_for(app, ENTER)
        screen = app.screen()
        assert "Agenda · 2026-05-25" not in screen and "Agenda · 20" in screen
    finally:
        app.close("\x11")


@pytest.mark.parametrize("keys", [[DOWN, DOWN, ENTER, DOWN, b"\t", b"\x1b", b"\x1b"], [b"/", b"h", b"a", b"l", DOWN]])
def test_sending_only_changes_draws_the_same_screen_as_sending_every_frame_whole(keys):
    screens = []
    for env in ({}, {"MINUTES_TUI_FULL_REDRAW": "1"}):
        app = start(env)
        try:
            for key in keys:
                bytes_for(app, key)
            screens.append(app.screen())
        finally:
            app.close("\x11")
    changes_only, whole = screens
    assert changes_only == whole
