"""How the app fits the terminal it runs in: a remote link, few colours, no Unicode, no mouse.

Decided once from the environment and the command line, before Textual is imported (Textual reads
ESCDELAY when it loads).
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import MutableMapping
from dataclasses import dataclass

# Over SSH an escape sequence (an arrow key) can arrive in pieces; Textual waits ESCDELAY ms after a
# lone Esc for the rest. Its 100 ms default suits a local terminal; a remote link gets more room.
SSH_ESCDELAY_MS = 250

# Below this the panes cannot show a meeting and its agenda; a message asks for a larger window.
MIN_COLUMNS = 60
MIN_ROWS = 15


@dataclass(frozen=True)
class TerminalOptions:
    mouse: bool = True
    animate: bool = True
    ascii: bool = False  # draw with ASCII only: the terminal's locale is not Unicode
    follow_cursor: bool = True  # the agenda shows the meeting under the list's cursor, not only on Enter
    changes_only: bool = True  # send only the cells that changed (MINUTES_TUI_FULL_REDRAW=1: every frame whole)
    sixteen_colours: bool = False  # the terminal's own 16 colours only (TERM=linux, screen, xterm): ANSI themes


def over_ssh(environ: MutableMapping[str, str]) -> bool:
    return bool(environ.get("SSH_CONNECTION") or environ.get("SSH_CLIENT") or environ.get("SSH_TTY"))


def unicode_locale(environ: MutableMapping[str, str]) -> bool:
    """False only for a locale that says it is not UTF-8 (LANG=C, LC_ALL=POSIX, latin-1 ...).

    The first of LC_ALL, LC_CTYPE, LANG that is set decides, as in C; with none set (Windows, many
    containers) the terminal is taken to be Unicode, as Python itself does. LC_CTYPE=C.UTF-8 is not
    trusted: Python sets it itself when started in the C locale (PEP 538 locale coercion).
    """
    if sys.platform == "win32":
        return True
    for name in ("LC_ALL", "LC_CTYPE", "LANG"):
        value = environ.get(name)
        if name == "LC_CTYPE" and value in _COERCED_CTYPES:
            continue
        if value:
            return "utf8" in value.lower().replace("-", "")
    return True


_COERCED_CTYPES = {"C.UTF-8", "C.utf8", "UTF-8"}


def detect(
    environ: MutableMapping[str, str] | None = None,
    *,
    no_mouse: bool = False,
    ascii: bool = False,
    preview: bool | None = None,
) -> TerminalOptions:
    """Options for this terminal, from the command line's --no-mouse, --ascii and --[no-]preview.

    Over SSH animations are off (TEXTUAL_ANIMATIONS=full turns them back on) and, unless --preview
    says otherwise, the agenda waits for Enter instead of redrawing for every meeting the cursor
    passes: each such redraw is a kilobyte or two on the link, a cursor move a few hundred bytes.
    """
    environ = os.environ if environ is None else environ
    remote = over_ssh(environ)
    animate = environ.get("TEXTUAL_ANIMATIONS", "").lower() == "full" or not remote
    return TerminalOptions(
        mouse=not no_mouse,
        animate=animate,
        ascii=ascii or not unicode_locale(environ),
        follow_cursor=not remote if preview is None else preview,
        changes_only=environ.get("MINUTES_TUI_FULL_REDRAW", "") in ("", "0"),
        sixteen_colours=sixteen_colours(environ),
    )


def sixteen_colours(environ: MutableMapping[str, str]) -> bool:
    """True when Textual will find a terminal of 16 colours, and colour is not turned off (NO_COLOR).

    Asks a Rich console made as Textual makes its own (TEXTUAL_COLOR_SYSTEM, COLORTERM, TERM).
    """
    from rich.console import Console  # loaded with Textual anyway

    environ = dict(environ)
    if environ.pop("NO_COLOR", None) is not None:
        return False
    try:
        console = Console(
            color_system=environ.get("TEXTUAL_COLOR_SYSTEM", "auto"),  # type: ignore[arg-type]
            file=io.StringIO(),
            force_terminal=True,
            legacy_windows=False,
            _environ=environ,
        )
    except ValueError:  # a colour system Rich does not know: Textual will say so
        return False
    return console.color_system in ("standard", "windows")


def prepare_environment(environ: MutableMapping[str, str] | None = None) -> None:
    """Settings Textual reads when it is imported: a longer ESCDELAY over SSH unless one is set."""
    environ = os.environ if environ is None else environ
    if over_ssh(environ) and "ESCDELAY" not in environ:
        environ["ESCDELAY"] = str(SSH_ESCDELAY_MS)
