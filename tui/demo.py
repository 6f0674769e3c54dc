"""The demo archive: a throwaway archive built from the sample minutes shipped with the package."""

from __future__ import annotations

import importlib.resources
import tempfile
from pathlib import Path

from importers.archive import Archive
from importers.batch import import_files
from importers.readers import SUPPORTED_EXTENSIONS


def sample_files() -> list[Path]:
    folder = importlib.resources.files("tui.sample_data")
    return sorted(
        Path(str(entry)) for entry in folder.iterdir() if Path(str(entry)).suffix in SUPPORTED_EXTENSIONS
    )


def build_demo_archive(folder: Path | None = None) -> Path:
    """Import the samples into a new archive in `folder` (a new temporary folder by default)."""
    folder = folder or Path(tempfile.mkdtemp(prefix="minutes-tui-demo-"))
    path = folder / "demo.db"
    with Archive(path) as archive:
        import_files(archive, sample_files())
    return path
