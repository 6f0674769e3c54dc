"""Paths to the bundled samples and a way to run the real command, for the tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE_DATA = REPO / "sample_data"
EXPECTED = Path(__file__).resolve().parent / "expected"


def run_cli(*args: str | Path, env: dict | None = None) -> subprocess.CompletedProcess[str]:
    """Run `minutes-tui ARGS` as a user would, in a fresh process."""
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
