"""Drive a real terminal program in tmux and read its screen back as a person sees it.

Each session has its own tmux server socket, so the user's own tmux is never touched. Waiting
polls the screen until the expected text shows or a generous deadline passes; nothing here
measures how long anything takes.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

COMMAND = Path(sys.executable).with_name("minutes-tui")
# pytest exports COLUMNS and LINES; Textual would take them over the terminal's real size
PINNED_SIZE: dict[str, str | None] = {"COLUMNS": None, "LINES": None}
DEADLINE_SECONDS = 30


def require_tool(name: str, why: str) -> str:
    """The tool's path. Missing: the test is skipped, except in CI (CI=true), which must install it."""
    path = shutil.which(name) or next((p for p in (f"/usr/sbin/{name}", f"/sbin/{name}") if os.path.exists(p)), None)
    if path:
        return path
    message = f"{name} is not installed ({why}; .ci/run installs it)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


class TmuxSession:
    """One program in a detached tmux session of a given size; `env` is added to its environment
    (a value of None removes the variable)."""

    def __init__(
        self, argv: list[str], env: Mapping[str, str | None] | None = None, width: int = 80, height: int = 24
    ) -> None:
        require_tool("tmux", "the terminal tests run the app in it")
        self.socket = f"minutes-test-{uuid.uuid4().hex[:8]}"
        self.session = "app"
        env = {**PINNED_SIZE, **(env or {})}
        unset = [arg for key, value in env.items() if value is None for arg in ("-u", key)]
        assignments = [f"{key}={value}" for key, value in env.items() if value is not None]
        command = f"env {shlex.join([*unset, *assignments, *argv])}; echo exit=$?; sleep 600"
        self._tmux("new-session", "-d", "-s", self.session, "-x", str(width), "-y", str(height), command)

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True)
        return result.stdout

    def screen(self, escapes: bool = False) -> str:
        """The visible screen; with `escapes`, with the colour and style codes tmux keeps for each cell."""
        return self._tmux("capture-pane", "-p", *(["-e"] if escapes else []), "-t", self.session)

    def flag(self, name: str) -> str:
        """A tmux format variable of the pane, e.g. mouse_any_flag (1 while the program tracks the mouse)."""
        return self._tmux("display-message", "-p", "-t", self.session, f"#{{{name}}}").strip()

    def send(self, *keys: str) -> None:
        for key in keys:
            self._tmux("send-keys", "-t", self.session, key)

    def send_bytes(self, data: bytes) -> None:
        self._tmux("send-keys", "-t", self.session, "-H", *[f"{b:02x}" for b in data])

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", self.session, "-l", text)

    def resize(self, width: int, height: int) -> None:
        self._tmux("resize-window", "-t", self.session, "-x", str(width), "-y", str(height))

    def wait_for(self, check: Callable[[str], bool] | str, deadline: float = DEADLINE_SECONDS) -> str:
        """The screen once `check` holds for it (a string: once it is on screen)."""
        predicate = (lambda screen: check in screen) if isinstance(check, str) else check
        end = time.monotonic() + deadline
        screen = self.screen()
        while not predicate(screen):
            if time.monotonic() > end:
                raise AssertionError(f"never shown: {check!r}; the screen was:\n{screen}")
            time.sleep(0.1)
            screen = self.screen()
        return screen

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def app_argv(*args: str) -> list[str]:
    return [str(COMMAND), *args]
