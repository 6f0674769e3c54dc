"""Fixtures for the TUI tests; the archive they build is described in tui_helpers."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import build_sample_archive

from importers.archive import Archive


@pytest.fixture(scope="session")
def sample_archive_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once; tests only read it."""
    return build_sample_archive(tmp_path_factory.mktemp("sample") / "a.db")


@pytest.fixture
def sample_archive(sample_archive_path: Path):
    with Archive(sample_archive_path, read_only=True) as archive:
        yield archive


@pytest.fixture
def empty_archive_path(tmp_path: Path) -> Path:
    path = tmp_path / "empty.db"
    Archive(path).close()
    return path
