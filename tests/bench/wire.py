"""Bytes on the wire: what the app writes to its terminal, the cost of a slow remote link.

    python tests/bench/wire.py [--meetings N]

Runs the real app on a pseudo-terminal at 80x24 over an archive of generated minutes and counts
the bytes it writes for: start-up, 20 presses of Down in the meeting list, opening the search and
typing an 8-letter search letter by letter. Each step waits until the screen is quiet again.
Targets: <= 300 bytes per cursor move and <= 2 KB per typed letter on average (a full 80x24 repaint
is several KB; less and vim are in the hundreds). Prints one row per terminal setting.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pty_session import PtySession

REPO = Path(__file__).resolve().parents[2]
DOWN = b"\x1b[B"
SEARCH = "lindberg"
QUIET_SECONDS = 0.4  # no output for this long: the step is done
QUIT = "\x11"  # ctrl+q quits from any screen, the search box included
SETTINGS = {
    "256 colours (TERM=xterm-256color)": ({"TERM": "xterm-256color"}, []),
    "  + --no-mouse": ({"TERM": "xterm-256color"}, ["--no-mouse"]),
    "truecolor (COLORTERM=truecolor)": ({"TERM": "xterm-256color", "COLORTERM": "truecolor"}, []),
    "16 colours (TERM=linux)": ({"TERM": "linux"}, []),
    "NO_COLOR=1": ({"TERM": "xterm-256color", "NO_COLOR": "1"}, []),
    "over SSH (SSH_CONNECTION set)": ({"TERM": "xterm-256color", "SSH_CONNECTION": "10.0.0.5 5 10.0.0.1 22"}, []),
    "  + --preview": ({"TERM": "xterm-256color", "SSH_CONNECTION": "10.0.0.5 5 10.0.0.1 22"}, ["--preview"]),
    "--no-preview, 16 colours (TERM=linux)": ({"TERM": "linux"}, ["--no-preview"]),
    "every frame whole (MINUTES_TUI_FULL_REDRAW=1)": ({"TERM": "xterm-256color", "MINUTES_TUI_FULL_REDRAW": "1"}, []),
}


@dataclass
class Figures:
    startup: int
    downs: list[int]
    open_search: int
    letters: list[int]


def measure(db: Path, env: dict[str, str], flags: list[str]) -> Figures:
    base = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "COLORTERM", "NO_COLOR")}
    base = {k: v for k, v in base.items() if not k.startswith(("SSH_", "MINUTES_TUI_"))}
    app = PtySession([sys.executable, "-m", "tui.cli", "--db", str(db), *flags], env={**base, "LANG": "C.UTF-8", **env})

    def bytes_for(keys: bytes) -> int:
        before = len(app.output)
        app.type(keys)
        app.settle(QUIET_SECONDS)
        return len(app.output) - before

    try:
        app.wait_for("Meetings (", timeout=60)
        app.settle(QUIET_SECONDS)
        startup = len(app.output)
        downs = [bytes_for(DOWN) for _ in range(20)]
        open_search = bytes_for(b"/")
        letters = [bytes_for(letter.encode()) for letter in SEARCH]
        return Figures(startup, downs, open_search, letters)
    finally:
        app.close(QUIT)


def build_archive(folder: Path, meetings: int) -> Path:
    minutes, db = folder / "minutes", folder / "archive.db"
    generate = [sys.executable, str(REPO / "tests" / "bench" / "generate.py"), "--meetings", str(meetings)]
    subprocess.run([*generate, "--out", str(minutes)], check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "tui.cli", "--db", str(db), "import", str(minutes)],
                   check=True, capture_output=True)  # fmt: skip
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--meetings", type=int, default=60, help="meetings in the generated archive (default 60)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="minutes-wire-") as folder:
        db = build_archive(Path(folder), args.meetings)
        print(f"bytes written at 80x24, archive of {args.meetings} generated meetings\n")
        print(f"{'setting':<46} {'start-up':>9} {'per Down':>9} {'max Down':>9} {'open /':>8} {'per letter':>11}")
        for name, (env, flags) in SETTINGS.items():
            f = measure(db, env, flags)
            per_down, per_letter = sum(f.downs) / len(f.downs), sum(f.letters) / len(f.letters)
            print(
                f"{name:<46} {f.startup:>9} {per_down:>9.0f} {max(f.downs):>9} {f.open_search:>8} {per_letter:>11.0f}"
            )
        print("\ntargets: <= 300 bytes per Down, <= 2048 bytes per letter (averages)")


if __name__ == "__main__":
    main()
