"""Where the archive lives unless the user says otherwise."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "minutes-tui"
DB_ENV_VAR = "MINUTES_TUI_DB"


def default_archive_path() -> Path:
    """`$MINUTES_TUI_DB` if set, else `minutes.db` in the platform's user data folder."""
    override = os.environ.get(DB_ENV_VAR)
    if override:
        return Path(override).expanduser()
    return platformdirs.user_data_path(APP_NAME) / "minutes.db"
