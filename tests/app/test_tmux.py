"""The real `minutes-tui --demo` in tmux at 80x24, read back with `capture-pane` as a person sees it.

Runs under TERM=xterm-256color and TERM=screen. Skipped when tmux is missing (CI installs it).
Waiting polls the screen until the expected text shows (or a generous deadline passes); nothing
here measures how long anything takes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (CI installs it)")

COMMAND = Path(sys.executable).with_name("minutes-tui")
DEADLINE_SECONDS = 30


class Terminal:
    """One tmux session on a private server socket, so the user's own tmux is never touched."""

    def __init__(self, term: str, width: int = 80, height: int = 24) -> None:
        self.socket = f"minutes-test-{uuid.uuid4().hex[:8]}"
        self.session = "app"
        command = f"env TERM={term} {COMMAND} --demo; echo exit=$?; sleep 600"
        self._tmux("new-session", "-d", "-s", self.session, "-x", str(width), "-y", str(height), command)

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True)
        return result.stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.session)

    def flag(self, name: str) -> str:
        return self._tmux("display-message", "-p", "-t", self.session, f"#{{{name}}}").strip()

    def send(self, *keys: str) -> None:
        for key in keys:
            self._tmux("send-keys", "-t", self.session, key)

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", self.session, "-l", text)

    def wait_for(self, check: Callable[[str], bool] | str) -> str:
        """The screen once `check` holds for it (a string: once it is on screen)."""
        predicate = (lambda screen: check in screen) if isinstance(check, str) else check
        deadline = time.monotonic() + DEADLINE_SECONDS
        screen = self.screen()
        while not predicate(screen):
            if time.monotonic() > deadline:
                raise AssertionError(f"never shown: {check!r}; the screen was:\n{screen}")
            time.sleep(0.1)
            screen = self.screen()
        return screen

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


@pytest.fixture(params=["xterm-256color", "screen"])
def terminal(request: pytest.FixtureRequest) -> Iterator[Terminal]:
    term = Terminal(request.param)
    yield term
    term.close()


def test_demo_at_80x24_as_a_person_sees_it(terminal: Terminal) -> None:
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
