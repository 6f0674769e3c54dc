"""Batch import in-process: what it changes in the importing process and the archive connection is put
back afterwards."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from cli_helpers import SAMPLE_DATA

from importers.archive import Archive
from importers.batch import import_files

SAMPLE = SAMPLE_DATA / "2026-02-04_ros-mok.md"


def test_the_garbage_collector_runs_less_often_during_an_import_only(db_path: Path) -> None:
    before = gc.get_threshold()
    during: list[tuple[int, int, int]] = []
    with Archive(db_path) as archive:
        import_files(archive, [SAMPLE], on_file=lambda _path: during.append(gc.get_threshold()))
    assert during and during[0][0] > before[0]
    assert gc.get_threshold() == before


def test_the_garbage_collector_is_put_back_when_an_import_fails(db_path: Path) -> None:
    before = gc.get_threshold()

    def interrupt(_path: Path) -> None:
        raise KeyboardInterrupt

    with Archive(db_path) as archive, pytest.raises(KeyboardInterrupt):
        import_files(archive, [SAMPLE], on_file=interrupt)
    assert gc.get_threshold() == before


def test_the_archive_s_page_cache_is_larger_during_an_import_only(db_path: Path) -> None:
    with Archive(db_path) as archive:
        cache_size = archive.conn.execute("PRAGMA cache_size").fetchone()[0]
        during: list[int] = []
        import_files(archive, [SAMPLE], on_file=lambda _path: during.append(
            archive.conn.execute("PRAGMA cache_size").fetchone()[0]))
        assert during == [-Archive.BULK_CACHE_KIB]
        assert archive.conn.execute("PRAGMA cache_size").fetchone()[0] == cache_size
