"""The archive: schema, one transaction per document, replacement, and read queries."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from importers.archive import SCHEMA_VERSION, Archive, ArchiveError, fts_query_from
from importers.model import Item, Meeting, Participant


def sample_meeting(title: str = "Board meeting", date: str | None = "2025-03-01") -> Meeting:
    return Meeting(
        title=title,
        date=date,
        date_source="title" if date else None,
        body="Board of Directors",
        participants=[
            Participant("Karin Öberg", role="chair", affiliation="Acme"),
            Participant("John Smith", status="absent"),
        ],
        items=[
            Item("1", "Opening", "The chair opened the meeting."),
            Item("2", "Budget", "Discussed the budget.", [Item("2.1", "Synthetic data", "A pilot of synthetic data.")]),
        ],
    )


def test_new_archive_has_schema_version_wal_and_foreign_keys(db_path: Path) -> None:
    with Archive(db_path) as archive:
        assert archive.schema_version() == SCHEMA_VERSION
        assert archive.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert archive.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_store_and_read_back_a_meeting_with_its_tree(db_path: Path) -> None:
    with Archive(db_path) as archive:
        assert archive.store_meeting(sample_meeting(), "/m/board.txt", "h1") == "imported"
        [row] = archive.meetings()
        assert (row.title, row.date, row.participants, row.items) == ("Board meeting", "2025-03-01", 2, 3)
        items = archive.items(row.id)
        child = next(i for i in items if i.title == "Synthetic data")
        parent = archive.item(child.parent_id)
        assert parent.title == "Budget" and child.depth == 1 and child.number == "2.1"
        attendance = archive.attendance(row.id)
        assert [(a.name, a.status, a.role) for a in attendance] == [
            ("Karin Öberg", "present", "chair"),
            ("John Smith", "absent", None),
        ]


def test_same_content_is_unchanged_and_new_content_replaces(db_path: Path) -> None:
    with Archive(db_path) as archive:
        archive.store_meeting(sample_meeting(), "/m/board.txt", "h1")
        assert archive.store_meeting(sample_meeting(), "/m/board.txt", "h1") == "unchanged"
        edited = sample_meeting(title="Board meeting (corrected)")
        edited.items = edited.items[:1]
        assert archive.store_meeting(edited, "/m/board.txt", "h2") == "replaced"
        [row] = archive.meetings()
        assert row.title == "Board meeting (corrected)" and row.items == 1
        assert [hit.title for hit in archive.search_text("synthetic")] == []


def test_a_failure_mid_write_leaves_no_part_of_the_meeting(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Archive(db_path) as archive:
        def broken(*args: object, **kwargs: object) -> None:
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(archive, "_insert_items", broken)
        with pytest.raises(RuntimeError):
            archive.store_meeting(sample_meeting(), "/m/board.txt", "h1")
        counts = [archive.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("meetings", "attendance", "people", "items")]
        assert counts == [0, 0, 0, 0]
        monkeypatch.undo()
        assert archive.store_meeting(sample_meeting(), "/m/board.txt", "h1") == "imported"
        assert sorted(p.name for p in archive.people()) == ["John Smith", "Karin Öberg"]


def test_meetings_newest_first_undated_last(db_path: Path) -> None:
    with Archive(db_path) as archive:
        archive.store_meeting(sample_meeting("Old", "2020-01-01"), "/a", "1")
        archive.store_meeting(sample_meeting("Undated", None), "/b", "2")
        archive.store_meeting(sample_meeting("New", "2026-01-01"), "/c", "3")
        assert [m.title for m in archive.meetings()] == ["New", "Old", "Undated"]
        assert [m.title for m in archive.meetings(limit=1, offset=1)] == ["Old"]


def test_filter_meetings_ignores_case_and_accents(db_path: Path) -> None:
    with Archive(db_path) as archive:
        meeting = sample_meeting("Användarråd", "2024-11-01")
        meeting.body = "Användarrådet"
        archive.store_meeting(meeting, "/a", "1")
        archive.store_meeting(sample_meeting("Other", "2023-01-01"), "/b", "2")
        assert [m.title for m in archive.filter_meetings("ANVANDARRAD")] == ["Användarråd"]
        assert [m.title for m in archive.filter_meetings("2023")] == ["Other"]
        assert archive.filter_meetings("100%_") == []


def test_full_text_search_forgives_accents_and_never_errors_on_syntax(db_path: Path) -> None:
    with Archive(db_path) as archive:
        archive.store_meeting(sample_meeting(), "/a", "1")
        assert [h.title for h in archive.search_text("synthet")] == ["Synthetic data"]
        assert archive.search_text("OBERG") == []  # names are not item text
        for nasty in ['"unbalanced', "budget AND", "-budget", "title:budget", "NEAR(", "*", "''"]:
            archive.search_text(nasty)  # must not raise
        assert [h.title for h in archive.search_text('"budget"')] == ["Budget"]
    assert fts_query_from("a-b: synt") == '"a" "b" "synt"*'
    assert fts_query_from("budget s") == '"budget" "s"'  # one or two letters: no prefix search


def test_person_view_lists_every_meeting_newest_first(db_path: Path) -> None:
    with Archive(db_path) as archive:
        archive.store_meeting(sample_meeting("Old", "2020-01-01"), "/a", "1")
        archive.store_meeting(sample_meeting("New", "2026-01-01"), "/b", "2")
        [karin] = [p for p in archive.people() if p.name == "Karin Öberg"]
        assert karin.meeting_count == 2 and karin.affiliation == "Acme"
        person = archive.person(karin.id)
        assert [(m.title, m.status, m.role) for m in person.meetings] == [("New", "present", "chair"),
                                                                           ("Old", "present", "chair")]


def test_refuses_a_database_that_is_not_an_archive(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE foo (x)")
    with pytest.raises(ArchiveError, match="not a minutes-tui archive"):
        Archive(other)
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(ArchiveError, match="garbage.db"):
        Archive(garbage)


def test_refuses_an_archive_from_a_newer_version(db_path: Path) -> None:
    Archive(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(ArchiveError, match="newer"):
        Archive(db_path)


def test_an_archive_of_every_older_schema_upgrades_and_keeps_its_meetings(tmp_path: Path) -> None:
    from importers.archive import MIGRATIONS

    for version in range(1, SCHEMA_VERSION):
        path = tmp_path / f"v{version}.db"
        with sqlite3.connect(path) as conn:
            for step in range(1, version + 1):
                conn.executescript(f"BEGIN; {MIGRATIONS[step]}; PRAGMA user_version = {step}; COMMIT;")
            conn.execute("INSERT INTO meetings (id, title, source_path, content_hash) VALUES (1, 'Old', '/o', 'h')")
            conn.execute("INSERT INTO items (meeting_id, position, depth, title, text) "
                         "VALUES (1, 0, 0, 'Budget', 'Synthetic data pilot')")
        conn.close()
        with Archive(path) as archive:
            assert archive.schema_version() == SCHEMA_VERSION
            assert [m.title for m in archive.meetings()] == ["Old"]
            [hit] = archive.search_text("synth")
            assert hit.title == "Budget" and "\x02Synthetic\x03" in hit.snippet


def test_snippets_mark_matches_around_the_first_one() -> None:
    from importers.snippets import snippet

    text = " ".join(f"w{i}" for i in range(30)) + " Österberg presented synthetic data. " + "tail " * 20
    shown = snippet(text, ["osterberg", "synth"], last_is_prefix=True)
    assert shown.startswith("…") and shown.endswith("…")
    assert "\x02Österberg\x03 presented \x02synthetic\x03 data" in shown
    assert snippet("Short text.", ["absent"], last_is_prefix=False) == "Short text."


def test_closing_interrupts_a_query_running_in_another_thread(db_path: Path) -> None:
    import threading

    archive = Archive(db_path)
    outcome: list[BaseException] = []
    started = threading.Event()

    def endless_query() -> None:
        with archive._lock:
            started.set()
            try:
                archive.conn.execute(
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
                ).fetchone()
            except sqlite3.Error as error:
                outcome.append(error)

    worker = threading.Thread(target=endless_query, daemon=True)
    worker.start()
    started.wait(10)
    archive.close()  # returns only once the query has stopped and the connection is closed
    worker.join(10)
    assert not worker.is_alive() and archive.closed
    assert outcome and "interrupt" in str(outcome[0])
