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


def test_the_garbage_collector_and_archive_settings_are_put_back_when_an_import_fails(db_path: Path) -> None:
    before = gc.get_threshold()

    def interrupt(_path: Path) -> None:
        raise KeyboardInterrupt

    with Archive(db_path) as archive:
        settings = _settings(archive)
        with pytest.raises(KeyboardInterrupt):
            import_files(archive, [SAMPLE], on_file=interrupt)
        assert _settings(archive) == settings
    assert gc.get_threshold() == before


def test_the_archive_s_import_settings_hold_during_an_import_only(db_path: Path) -> None:
    with Archive(db_path) as archive:
        before = _settings(archive)
        during: list[tuple[int, int, int]] = []
        import_files(archive, [SAMPLE], on_file=lambda _path: during.append(_settings(archive)))
        assert during == [(Archive.BULK_PRAGMAS["cache_size"], Archive.BULK_PRAGMAS["wal_autocheckpoint"],
                           Archive.BULK_FTS_AUTOMERGE)]
        assert _settings(archive) == before == (-2000, 1000, Archive.FTS_DEFAULT_AUTOMERGE)


def _settings(archive: Archive) -> tuple[int, int, int]:
    """The archive settings an import changes: page cache, WAL checkpoint interval, FTS5 automerge."""
    return (archive.conn.execute("PRAGMA cache_size").fetchone()[0],
            archive.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0],
            archive._fts_automerge())


def test_files_are_stored_under_their_real_path_however_they_were_reached(
        db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.md").write_bytes(SAMPLE.read_bytes())
    (real / "b.txt").write_text("Protokoll 2024-03-12\n\nNärvarande: Anna Berg, Olle Ek\n\n1. Budget\n",
                                encoding="utf-8")
    (tmp_path / "linked").symlink_to(real, target_is_directory=True)
    (tmp_path / "shortcut.txt").symlink_to(real / "b.txt")
    monkeypatch.chdir(tmp_path)
    with Archive(db_path) as archive:
        report = import_files(archive, [Path("linked/a.md"), Path("shortcut.txt")])
        stored = sorted(row.source_path for row in archive.meetings())
    assert len(report.imported) == 2
    assert stored == [str((real / "a.md").resolve()), str((real / "b.txt").resolve())]
