"""One archive shared by a terminal server's users: many readers, who may not write it, and an
import now and then.

The readers run as a user file permissions apply to (root ignores them): `nobody` through
runuser where nobody can run this checkout's Python, else root stripped of every capability by
setpriv (then root is bound by file permissions like anyone). The archive belongs to a third user.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from cli_helpers import REPO
from tmux_session import COMMAND, TmuxSession, require_tool

from importers.archive import Archive
from tui.demo import build_demo_archive

OWNER_UID = 4242  # neither root nor nobody: the archive's owner, e.g. the colleague who imports
ENV = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": None}


@cache
def unprivileged() -> list[str]:
    """A command prefix that runs a program as a user bound by file permissions."""
    if os.geteuid() != 0:
        return []
    probe = [sys.executable, "-c", "import tui.app"]
    if shutil.which("runuser"):
        as_nobody = ["runuser", "-u", "nobody", "--"]
        if subprocess.run([*as_nobody, *probe], capture_output=True, cwd="/").returncode == 0:
            return as_nobody
    require_tool("setpriv", "runs the readers without root's capabilities; package util-linux")
    return ["setpriv", "--inh-caps=-all", "--bounding-set=-all", "--"]


def run_as_reader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*unprivileged(), str(COMMAND), *args], capture_output=True, text=True, timeout=120, cwd="/"
    )


def hand_over(folder: Path) -> None:
    """Give the folder and its files to OWNER_UID: readable by all, writable by the owner only."""
    for path in (folder, *folder.iterdir()):
        if os.geteuid() == 0:
            os.chown(path, OWNER_UID, OWNER_UID)
        path.chmod(0o755 if path.is_dir() else 0o644)
    if os.geteuid() != 0:  # an ordinary user running the tests: take their own write permission away
        for path in (*folder.iterdir(), folder):
            path.chmod(0o555 if path.is_dir() else 0o444)


def fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file in the folder with its content hash and modification time."""
    return {
        path.name: (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
        for path in sorted(folder.iterdir())
    }


@pytest.fixture
def shared_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A demo archive in WAL mode, at rest (no -wal or -shm), in a folder readers may not write;
    outside pytest's private temporary folder, which other users cannot enter."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="minutes-shared-"))
    build_demo_archive(folder)
    with Archive(folder / "demo.db") as archive:
        assert archive.db.journal_mode == "wal"
    hand_over(folder)
    yield folder
    subprocess.run(["chmod", "-R", "u+w", str(folder)], check=False)
    subprocess.run(["rm", "-rf", str(folder)], check=False)


def test_a_reader_who_may_not_write_reads_a_wal_archive_and_changes_nothing(shared_folder):
    db = shared_folder / "demo.db"
    before = fingerprint(shared_folder)
    assert set(before) == {"demo.db"}  # at rest: no -wal, no -shm

    listed = run_as_reader("--db", str(db), "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 4
    found = run_as_reader("--db", str(db), "search", "hallsten", "--json")
    assert found.returncode == 0, found.stderr
    assert [p["name"] for p in json.loads(found.stdout)["people"]] == ["Martin Hällsten"]

    app = TmuxSession([*unprivileged(), str(COMMAND), "--db", str(db)], env=ENV)
    try:
        app.wait_for(lambda s: "Meetings (4)" in s and "Agenda · 2026-05-25" in s)
        app.send("/")
        app.wait_for("search people")
        app.type("hallsten")
        app.wait_for("Martin Hällsten")
        app.send("Escape")
        app.wait_for("Meetings (4)")
        app.send("r")
        app.wait_for("Reloaded: 4 meetings, no changes")
        app.send("q")
        app.wait_for("exit=0")
    finally:
        app.close()

    assert fingerprint(shared_folder) == before  # not a byte, not a timestamp, no new file


def test_a_reader_sees_an_import_made_while_it_runs_after_r(shared_folder, tmp_path):
    db = shared_folder / "demo.db"
    app = TmuxSession([*unprivileged(), str(COMMAND), "--db", str(db)], env=ENV)
    try:
        app.wait_for("Meetings (4)")
        new = tmp_path / "2026-06-10_styrelse.txt"
        new.write_text("Styrelsemöte 2026-06-10\n\nNärvarande: Anna Berg, Per Holm\n\n1. Budget\nBudgeten antogs.\n")
        imported = subprocess.run(  # the owner imports (root when the tests run as root)
            [str(COMMAND), "--db", str(db), "import", str(new)], capture_output=True, text=True, timeout=120
        )
        assert imported.returncode == 0, imported.stderr
        app.send("r")
        app.wait_for(lambda s: "Meetings (5)" in s and "1 new" in s)
        # the rows arrive from a page-loading thread a frame after the count; the new meeting,
        # the latest, is listed first and chosen (wait_for fails the test if it never shows)
        app.wait_for(lambda s: "│2026-06-10 " in s and "Agenda · 2026-06-10" in s)
        app.send("q")
        app.wait_for("exit=0")
    finally:
        app.close()


def test_read_only_flag_never_writes_a_writable_archive(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    db = build_demo_archive(folder)
    before = fingerprint(folder)["demo.db"]
    for args in (["list"], ["search", "hallsten"], ["people"]):
        result = subprocess.run([str(COMMAND), "--db", str(db), "--read-only", *args], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
    refused = subprocess.run([str(COMMAND), "--db", str(db), "--read-only", "import", str(REPO / "sample_data")],
                             capture_output=True, text=True)
    assert refused.returncode == 1 and "read-only" in refused.stderr
    assert fingerprint(folder)["demo.db"] == before


def test_five_readers_while_an_import_writes(tmp_path):
    """Five app instances browse and search a writable archive while an import writes 120 meetings
    into it: none fails, and after `r` each shows the new meetings."""
    folder = tmp_path / "archive"
    folder.mkdir()
    db = build_demo_archive(folder)
    minutes = tmp_path / "minutes"
    subprocess.run(
        [sys.executable, str(REPO / "tests" / "bench" / "generate.py"), "--meetings", "120", "--out", str(minutes)],
        check=True, capture_output=True,
    )  # fmt: skip
    readers = [TmuxSession([str(COMMAND), "--db", str(db)], env=ENV) for _ in range(5)]
    try:
        for reader in readers:
            reader.wait_for("Meetings (4)")
        importer = subprocess.Popen(
            [str(COMMAND), "--db", str(db), "import", str(minutes)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        rounds = rounds_during_import = 0
        while importer.poll() is None or rounds < 2:  # every reader reads while the import runs
            rounds += 1
            rounds_during_import += importer.poll() is None
            for reader in readers:
                reader.send("j", "/")
                reader.wait_for("search people")
                reader.type("ber")
                reader.wait_for("People (")
                reader.send("Escape")  # alone: Esc and a key at once would arrive as Alt+key
                reader.wait_for("Meetings (")
                reader.send("r")
                reader.wait_for("Reloaded:")
        out, err = importer.communicate(timeout=300)
        assert importer.returncode == 0, err
        assert rounds_during_import >= 1  # the readers did read while it wrote
        with Archive(db, read_only=True) as archive:
            total = archive.meeting_count()
        assert total > 100
        for reader in readers:
            reader.send("r")
            screen = reader.wait_for(f"Meetings ({total})")
            assert "locked" not in screen.lower() and "Traceback" not in screen
        assert "locked" not in err.lower()
    finally:
        for reader in readers:
            reader.close()


def test_the_unprivileged_runner_is_really_unprivileged(shared_folder):
    """The readers above prove something only if they cannot write the archive."""
    probe = f"open({str(shared_folder / 'demo.db')!r}, 'ab')"
    result = subprocess.run([*unprivileged(), sys.executable, "-c", probe], capture_output=True, text=True, cwd="/")
    assert result.returncode != 0 and "Permission denied" in result.stderr
