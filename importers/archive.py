"""The SQLite archive: schema, migrations, writes and read queries. The only module with SQL.

Each document is written in one transaction (sqlite-utils' `atomic()`), so a meeting is in the
archive whole or not at all.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .people import KnownPerson, PersonMatcher, fold, fold_name, spelling_quality
from .snippets import MATCH_END, MATCH_START, snippet

if TYPE_CHECKING:
    import sqlite_utils

    from .model import Item, Meeting, Participant  # the parser's types: the app, a reader, never loads them

SCHEMA_VERSION = 3
ImportOutcome = Literal["imported", "unchanged", "replaced"]


_SCHEMA_V1 = """
        CREATE TABLE meetings (
            id INTEGER PRIMARY KEY,
            title TEXT,
            date TEXT,
            date_source TEXT,
            inferred_year INTEGER,
            body TEXT,
            source_path TEXT NOT NULL UNIQUE,
            content_hash TEXT NOT NULL,
            format TEXT,
            ocr_damaged INTEGER NOT NULL DEFAULT 0,
            raw_text TEXT NOT NULL DEFAULT '',
            imported_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE INDEX meetings_sort ON meetings (date DESC, inferred_year DESC, id DESC);
        CREATE INDEX meetings_hash ON meetings (content_hash);

        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            folded TEXT NOT NULL
        );
        CREATE TABLE aliases (
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            folded TEXT NOT NULL,
            PRIMARY KEY (person_id, name)
        );
        CREATE INDEX aliases_folded ON aliases (folded);

        CREATE TABLE attendance (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            person_id INTEGER NOT NULL REFERENCES people(id),
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('present', 'absent')),
            remote INTEGER NOT NULL DEFAULT 0,
            role TEXT,
            affiliation TEXT,
            note TEXT,
            grp TEXT,
            raw TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX attendance_meeting ON attendance (meeting_id, position);
        CREATE INDEX attendance_person ON attendance (person_id);

        CREATE TABLE items (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            parent_id INTEGER REFERENCES items(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            depth INTEGER NOT NULL,
            number TEXT,
            title TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX items_meeting ON items (meeting_id, position);
        CREATE INDEX items_parent ON items (parent_id);

        CREATE VIRTUAL TABLE items_fts USING fts5 (
            title, text, content='items', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
            INSERT INTO items_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
            INSERT INTO items_fts (items_fts, rowid, title, text)
                VALUES ('delete', old.id, old.title, old.text);
        END;
        CREATE TRIGGER items_fts_update AFTER UPDATE ON items BEGIN
            INSERT INTO items_fts (items_fts, rowid, title, text)
                VALUES ('delete', old.id, old.title, old.text);
            INSERT INTO items_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
"""

# Version 2: OCR repair. `raw_text` stays the text as read; the repaired text and a flag sit beside it.
_OCR_REPAIR_V2 = """
        ALTER TABLE meetings ADD COLUMN ocr_repaired INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE meetings ADD COLUMN repaired_text TEXT;
        ALTER TABLE attendance ADD COLUMN written_as TEXT;
"""

# MIGRATIONS[N] is the SQL script that takes an archive from schema version N-1 to N.
# Prefix indexes for 3 and 4 letters: a search typed letter by letter asks for prefixes, and
# without them FTS5 merges every word's list that starts so (hundreds of ms on a large archive).
# The archive code keeps the index in step instead of per-row triggers: inside a trigger FTS5 writes
# a new index segment for every row, which made an import 30 times slower than it need be.
_FTS_PREFIX_INDEX_V3 = """
        DROP TRIGGER items_fts_insert;
        DROP TRIGGER items_fts_delete;
        DROP TABLE items_fts;
        CREATE VIRTUAL TABLE items_fts USING fts5 (
            title, text, content='items', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2', prefix='3 4'
        );
        INSERT INTO items_fts (items_fts) VALUES ('rebuild');
        CREATE INDEX items_title ON items (title);
"""

MIGRATIONS: dict[int, str] = {1: _SCHEMA_V1, 2: _OCR_REPAIR_V2, 3: _FTS_PREFIX_INDEX_V3}


class ArchiveError(Exception):
    """The archive file cannot be opened or is not a minutes-tui archive."""


def needs_read_only(path: Path | str) -> bool:
    """True for an existing archive this user may read but not write, or whose folder they may not
    write (SQLite keeps -wal/-shm files next to it): one archive shared on a terminal server."""
    path = Path(path)
    if not path.exists():
        return False
    effective = os.access in os.supports_effective_ids
    return not all(os.access(p, os.W_OK, effective_ids=effective) for p in (path, path.parent))


def meeting_label(title: str | None, source_path: str) -> str:
    """What to call a meeting: its title, else its file name (some minutes state no title)."""
    return title or Path(source_path).name


# --- read models -------------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingRow:
    id: int
    date: str | None
    inferred_year: int | None
    body: str | None
    title: str | None
    participants: int
    items: int
    source_path: str
    ocr_damaged: bool
    ocr_repaired: bool = False  # OCR's broken å/ä/ö were put back; the text as read is kept

    @property
    def label(self) -> str:
        return meeting_label(self.title, self.source_path)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "date": self.date,
            "inferred_year": self.inferred_year,
            "body": self.body,
            "title": self.title,
            "participants": self.participants,
            "items": self.items,
            "source_path": self.source_path,
        }


@dataclass(frozen=True)
class ItemRow:
    id: int
    meeting_id: int
    parent_id: int | None
    position: int
    depth: int
    number: str | None
    title: str
    text: str


@dataclass(frozen=True)
class AttendanceRow:
    person_id: int
    name: str
    status: str
    remote: bool
    role: str | None
    affiliation: str | None
    note: str | None
    group: str | None


@dataclass(frozen=True)
class PersonMeeting:
    meeting_id: int
    date: str | None
    inferred_year: int | None
    body: str | None
    title: str | None
    status: str
    remote: bool
    role: str | None
    source_path: str

    @property
    def label(self) -> str:
        return meeting_label(self.title, self.source_path)


@dataclass
class Person:
    id: int
    name: str
    aliases: list[str]
    affiliation: str | None
    meeting_count: int
    meetings: list[PersonMeeting] = field(default_factory=list)


@dataclass(frozen=True)
class TextHit:
    item_id: int
    meeting_id: int
    title: str
    snippet: str
    date: str | None
    body: str | None


@dataclass(frozen=True)
class TopicEntry:
    item_id: int
    meeting_id: int
    title: str
    date: str | None
    inferred_year: int | None
    body: str | None


# --- the archive -------------------------------------------------------------------------------


class Archive:
    """A minutes archive in one SQLite file. Safe to share between threads (calls are serialised)."""

    def __init__(self, path: Path | str, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._lock = threading.RLock()
        self._matcher: PersonMatcher | None = None  # built on the first write, kept up to date after
        self._aliases: set[tuple[int, str]] = set()  # (person_id, name) in aliases, while _matcher is
        self._person_ids: dict[str, int] = {}  # written name -> its person, while _matcher is
        self._batches = 0  # transaction() blocks open
        self._unindexed: list[tuple[int, str, str]] = []  # items stored in a transaction(), for the text index
        self.closed = False
        self._db: sqlite_utils.Database | None = None
        try:
            self.conn = self._connect()
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.create_function("fold", 1, fold, deterministic=True)
            if not read_only:
                if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    self.db.enable_wal()
                self._migrate()
            elif self.schema_version() != SCHEMA_VERSION:
                raise ArchiveError(f"{self.path}: not a minutes-tui archive of schema {SCHEMA_VERSION}")
        except sqlite3.DatabaseError as error:
            raise ArchiveError(f"{self.path}: cannot open the archive ({error})") from error

    @property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection, for writes (transactions, WAL, schema checks).

        Made on first use: a reader never needs it, and not importing it shortens start-up.
        """
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    def _connect(self) -> sqlite3.Connection:
        if self.read_only:
            return self._connect_read_only()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        return sqlite3.connect(self.path, check_same_thread=False)

    def _connect_read_only(self) -> sqlite3.Connection:
        """Open without ever writing the file or its folder.

        `mode=ro` reads a WAL archive only while its -shm file exists or can be made. An archive at
        rest in a folder the reader may not write has none, so it is opened `immutable=1`: read as a
        plain file, no locks and no -wal/-shm. The app's refresh (`r`) opens it afresh.
        """
        if not self.path.is_file():
            raise ArchiveError(f"{self.path}: no archive there (nothing to open read-only)")
        base = self.path.resolve().as_uri()
        conn = sqlite3.connect(f"{base}?mode=ro", uri=True, check_same_thread=False)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError:
            conn.close()
        return sqlite3.connect(f"{base}?immutable=1", uri=True, check_same_thread=False)

    def close(self) -> None:
        """Close now: a long query running in another thread (a search index being built) is
        interrupted rather than awaited, so quitting never waits for it."""
        self.closed = True
        while not self._lock.acquire(timeout=0.05):
            self.conn.interrupt()  # again, in case the query had not yet begun the last time
        try:
            self.conn.close()
        finally:
            self._lock.release()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- schema --------------------------------------------------------------------------------

    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise ArchiveError(
                f"{self.path}: archive schema {version} is newer than this minutes-tui ({SCHEMA_VERSION})"
            )
        if version == 0 and self.db.table_names():
            raise ArchiveError(f"{self.path}: not a minutes-tui archive (it has other tables)")
        for target in range(version + 1, SCHEMA_VERSION + 1):
            # executescript commits whatever is open first, so the script carries its own transaction
            script = f"BEGIN; {MIGRATIONS[target]}; PRAGMA user_version = {target}; COMMIT;"
            try:
                self.conn.executescript(script)
            except sqlite3.Error:
                if self.conn.in_transaction:
                    self.conn.rollback()
                raise

    # --- writes --------------------------------------------------------------------------------

    def hash_known(self, content_hash: str) -> bool:
        with self._lock:
            row = self.conn.execute(
                "SELECT 1 FROM meetings WHERE content_hash = ? LIMIT 1", [content_hash]
            ).fetchone()
            return row is not None

    # Settings while many documents are stored (SQLite's defaults: a 2,000 KiB cache, a checkpoint every
    # 1,000 pages, FTS5 merging 4 segments); together they save about a sixth of the importing process's
    # time on 10,000 documents:
    # - a 64 MB page cache: the inserts land all over the indexes (people, titles, the full-text segments
    #   being merged), which a small cache keeps reading back from the file;
    # - a WAL checkpoint every 20,000 pages (80 MB): a page that several commits rewrite (index pages,
    #   the full-text segments) is then copied into the file once rather than at every commit;
    # - FTS5 merging index segments 16 at a time instead of 4: the index is rewritten less often, and
    #   a search sees a few more segments (no slower that the search benchmark can tell).
    BULK_PRAGMAS = {"cache_size": -65536, "wal_autocheckpoint": 20000}
    BULK_FTS_AUTOMERGE = 16
    FTS_DEFAULT_AUTOMERGE = 4  # FTS5's own, for an archive that never set it

    @contextmanager
    def bulk_import(self) -> Iterator[None]:
        """The settings above while many documents are stored; as before afterwards."""
        with self._lock:
            before = {name: self.conn.execute(f"PRAGMA {name}").fetchone()[0] for name in self.BULK_PRAGMAS}
            automerge = self._fts_automerge()
            self._set_bulk_settings(self.BULK_PRAGMAS, self.BULK_FTS_AUTOMERGE)
        try:
            yield
        finally:
            with self._lock:
                if not self.closed:
                    self._set_bulk_settings(before, automerge)

    def _fts_automerge(self) -> int:
        row = self.conn.execute("SELECT v FROM items_fts_config WHERE k = 'automerge'").fetchone()
        return int(row[0]) if row else self.FTS_DEFAULT_AUTOMERGE

    def _set_bulk_settings(self, pragmas: dict[str, int], automerge: int) -> None:
        for name, value in pragmas.items():
            self.conn.execute(f"PRAGMA {name} = {int(value)}")
        with self.db.atomic():
            self.conn.execute("INSERT INTO items_fts (items_fts, rank) VALUES ('automerge', ?)", [automerge])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Commit several writes at once; each `store_meeting` inside stays whole-or-nothing on its
        own (a savepoint). Batch imports use it because FTS5 pays for every commit.

        FTS5 also writes an index segment at every savepoint that changed the index, so the items
        stored inside are indexed together, as the block ends (in the same transaction).
        """
        with self._lock:
            unindexed = len(self._unindexed)
            try:
                with self.db.atomic():
                    self._batches += 1
                    try:
                        yield
                    finally:
                        self._batches -= 1
                    if not self._batches:
                        self._index_stored_items()
            except BaseException:
                self._matcher = None  # it may name people the rollback removed
                del self._unindexed[unindexed:]
                raise

    def store_meeting(self, meeting: Meeting, source_path: str, content_hash: str) -> ImportOutcome:
        """Write a parsed meeting in one transaction (a savepoint inside `transaction()`). The same
        content again changes nothing; new content under a known path replaces that path's meeting."""
        with self._lock:
            existing = self.conn.execute(
                "SELECT id, content_hash FROM meetings WHERE source_path = ?", [source_path]
            ).fetchone()
            if existing and existing[1] == content_hash:
                return "unchanged"
            if existing:
                self._index_stored_items()  # the deletion takes the old items out of the index
            try:
                with self.db.atomic():
                    if existing:
                        self._delete_meeting(existing[0])
                    meeting_id = self._insert_meeting(meeting, source_path, content_hash)
                    self._insert_attendance(meeting_id, meeting.participants)
                    items = self._insert_items(meeting_id, meeting.items)
                    if not self._batches:
                        self._index(items)
            except BaseException:
                self._matcher = None  # it may name people the rollback removed
                raise
            if self._batches:  # indexed as the transaction() ends, so only if this meeting is stored
                self._unindexed += items
            return "replaced" if existing else "imported"

    def _index_stored_items(self) -> None:
        self._index(self._unindexed)
        self._unindexed.clear()

    def _index(self, items: list[tuple[int, str, str]]) -> None:
        """Add (id, title, text) of items to the full-text index."""
        self.conn.executemany("INSERT INTO items_fts (rowid, title, text) VALUES (?, ?, ?)", items)

    def _insert_meeting(self, meeting: Meeting, source_path: str, content_hash: str) -> int:
        cursor = self.conn.execute(
            """INSERT INTO meetings (title, date, date_source, inferred_year, body, source_path,
                   content_hash, format, ocr_damaged, raw_text, ocr_repaired, repaired_text)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                meeting.title,
                meeting.date,
                meeting.date_source,
                meeting.inferred_year,
                meeting.body,
                source_path,
                content_hash,
                meeting.format,
                int(meeting.ocr_damaged),
                meeting.raw_text,
                int(meeting.ocr_repaired),
                meeting.repaired_text,
            ],
        )
        return cursor.lastrowid

    def _insert_attendance(self, meeting_id: int, participants: list[Participant]) -> None:
        if self._matcher is None:
            self._matcher = PersonMatcher(self._known_people())
            self._aliases = set(self.conn.execute("SELECT person_id, name FROM aliases"))
            self._person_ids = {}
        matcher = self._matcher
        rows = []
        for position, participant in enumerate(participants):
            person_id = self._person_for(participant.name, matcher)
            if participant.written_as:  # the spelling before OCR repair is this person's too
                self._add_alias(person_id, participant.written_as, matcher)
            rows.append(
                (
                    meeting_id,
                    person_id,
                    position,
                    participant.name,
                    participant.status,
                    int(participant.remote),
                    participant.role,
                    participant.affiliation,
                    participant.note,
                    participant.group,
                    participant.raw,
                    participant.written_as,
                )
            )
        self.conn.executemany(
            """INSERT INTO attendance (meeting_id, person_id, position, name, status, remote,
                   role, affiliation, note, grp, raw, written_as)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            rows,
        )

    def _known_people(self) -> list[KnownPerson]:
        people: dict[int, KnownPerson] = {}
        for person_id, folded in self.conn.execute("SELECT person_id, folded FROM aliases"):
            people.setdefault(person_id, KnownPerson(person_id)).folded_aliases.add(folded)
        return list(people.values())

    def _person_for(self, name: str, matcher: PersonMatcher) -> int:
        """The person a written name belongs to, created if new; the spelling is kept as an alias.

        A name met before is that person's alias by then, so the matcher would find them again.
        """
        person_id = self._person_ids.get(name)
        if person_id is None:
            folded = fold_name(name)
            person_id = matcher.find(folded)
            if person_id is None:
                person_id = self.conn.execute(
                    "INSERT INTO people (name, folded) VALUES (?, ?)", [name, folded]
                ).lastrowid
            self._add_alias(person_id, name, matcher)
            self._person_ids[name] = person_id
        return person_id

    def _add_alias(self, person_id: int, name: str, matcher: PersonMatcher) -> None:
        if (person_id, name) in self._aliases:  # most names are spellings met before
            return
        self._aliases.add((person_id, name))
        folded = fold_name(name)
        added = self.conn.execute(
            "INSERT OR IGNORE INTO aliases (person_id, name, folded) VALUES (?, ?, ?)",
            [person_id, name, folded],
        ).rowcount
        # A spelling already known is in the matcher, and the name shown was chosen when it came.
        if added:
            matcher.add(person_id, folded)
            self._choose_display_name(person_id)

    def _choose_display_name(self, person_id: int) -> None:
        names = [row[0] for row in self.conn.execute("SELECT name FROM aliases WHERE person_id = ?", [person_id])]
        if not names:  # the person went with their last meeting
            return
        best = max(names, key=spelling_quality)
        self.conn.execute(
            "UPDATE people SET name = ?, folded = ? WHERE id = ?", [best, fold_name(best), person_id]
        )

    def _insert_items(self, meeting_id: int, items: list[Item]) -> list[tuple[int, str, str]]:
        """Insert the item tree in one statement; (id, title, text) of each item, for the text index.

        The ids are the ones SQLite would choose (one more than the largest so far, in tree
        order), given here so that children can name their parent without a statement per item.
        """
        (first_id,) = self.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM items").fetchone()
        rows = _item_rows(meeting_id, items, first_id)
        self.conn.executemany(
            """INSERT INTO items (id, meeting_id, parent_id, position, depth, number, title, text)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            rows,
        )
        return [(row[0], row[6], row[7]) for row in rows]

    def _delete_meeting(self, meeting_id: int) -> None:
        """Remove a meeting, and the people and spellings that only it had."""
        affected = [r[0] for r in self.conn.execute(
            "SELECT DISTINCT person_id FROM attendance WHERE meeting_id = ?", [meeting_id])]
        self.conn.execute(
            """INSERT INTO items_fts (items_fts, rowid, title, text)
               SELECT 'delete', id, title, text FROM items WHERE meeting_id = ?""",
            [meeting_id],
        )
        self.conn.execute("DELETE FROM items WHERE meeting_id = ?", [meeting_id])
        self.conn.execute("DELETE FROM attendance WHERE meeting_id = ?", [meeting_id])
        self.conn.execute("DELETE FROM meetings WHERE id = ?", [meeting_id])
        self.conn.execute("DELETE FROM people WHERE id NOT IN (SELECT person_id FROM attendance)")
        self.conn.execute(
            """DELETE FROM aliases WHERE NOT EXISTS (SELECT 1 FROM attendance a
                   WHERE a.person_id = aliases.person_id AND aliases.name IN (a.name, a.written_as))"""
        )
        for person_id in affected:
            self._choose_display_name(person_id)
        self._matcher = None  # people and spellings may have gone

    # --- reads: meetings -----------------------------------------------------------------------

    _MEETING_COLUMNS = """m.id, m.date, m.inferred_year, m.body, m.title,
        (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id),
        (SELECT count(*) FROM items i WHERE i.meeting_id = m.id),
        m.source_path, m.ocr_damaged, m.ocr_repaired"""
    # NULL sorts last in a DESC order: undated meetings come last, and the meetings_sort index serves it
    _MEETING_ORDER = "ORDER BY m.date DESC, m.inferred_year DESC, m.id DESC"

    def _meeting_rows(self, where: str = "", params: list | None = None, tail: str = "") -> list[MeetingRow]:
        sql = f"SELECT {self._MEETING_COLUMNS} FROM meetings m {where} {self._MEETING_ORDER} {tail}"
        with self._lock:
            rows = self.conn.execute(sql, params or []).fetchall()
        return [MeetingRow(*row[:8], ocr_damaged=bool(row[8]), ocr_repaired=bool(row[9])) for row in rows]

    def meeting_count(self) -> int:
        with self._lock:
            return self.conn.execute("SELECT count(*) FROM meetings").fetchone()[0]

    def meetings(self, limit: int = -1, offset: int = 0) -> list[MeetingRow]:
        """Meetings newest first; undated ones last (by inferred year)."""
        return self._meeting_rows(tail="LIMIT ? OFFSET ?", params=[limit, offset])

    def filter_meetings(self, text: str, limit: int = 1000) -> list[MeetingRow]:
        """Meetings whose body, title or date (year) contain `text`, ignoring case and accents."""
        pattern = f"%{_escape_like(fold(text))}%"
        where = (
            "WHERE fold(coalesce(m.body, '')) LIKE ? ESCAPE '\\' "
            "OR fold(coalesce(m.title, '')) LIKE ? ESCAPE '\\' "
            "OR coalesce(m.date, m.inferred_year, '') LIKE ? ESCAPE '\\'"
        )
        return self._meeting_rows(where, [pattern, pattern, pattern, limit], "LIMIT ?")

    def meeting(self, meeting_id: int) -> MeetingRow | None:
        rows = self._meeting_rows("WHERE m.id = ?", [meeting_id])
        return rows[0] if rows else None

    def find_meeting(self, key: str) -> MeetingRow | None:
        """A meeting by id, or by a unique prefix of its source path's file name."""
        if key.isdigit():
            return self.meeting(int(key))
        rows = self._meeting_rows("WHERE m.source_path LIKE ? ESCAPE '\\'", [f"%{_escape_like(key)}%"])
        return rows[0] if len(rows) == 1 else None

    # --- reads for the app (tui) ----------------------------------------------------------------

    def meeting_position(self, meeting_id: int) -> int | None:
        """Where a meeting stands in `meetings()` order (0 = newest), so a list can scroll to it."""
        with self._lock:
            row = self.conn.execute(
                f"""SELECT position FROM (
                        SELECT m.id, row_number() OVER ({self._MEETING_ORDER}) - 1 AS position
                        FROM meetings m)
                    WHERE id = ?""",
                [meeting_id],
            ).fetchone()
        return row[0] if row else None

    def text_terms(self) -> list[tuple[str, int]]:
        """Every word of the full-text index (folded as FTS5 folds it) with how many items hold it;
        the app corrects typos in text searches against these."""
        with self._lock:
            self.conn.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.items_vocab USING fts5vocab(main, items_fts, row)"
            )
            return [(term, count) for term, count in self.conn.execute("SELECT term, doc FROM temp.items_vocab")]

    def raw_text(self, meeting_id: int) -> str:
        with self._lock:
            row = self.conn.execute("SELECT raw_text FROM meetings WHERE id = ?", [meeting_id]).fetchone()
        return row[0] if row else ""

    # --- reads for OCR repair -------------------------------------------------------------------

    def repaired_text(self, meeting_id: int) -> str | None:
        """The text after OCR repair (None when the meeting needed none); `raw_text` is as read."""
        with self._lock:
            row = self.conn.execute("SELECT repaired_text FROM meetings WHERE id = ?", [meeting_id]).fetchone()
        return row[0] if row else None

    CLEAN_MEETINGS_FOR_REPAIR = 300

    def clean_texts(self) -> Iterator[str]:
        """People's names, and the item titles and texts of the latest meetings OCR did not damage:
        the archive's own spellings, which OCR repair trusts over its word list. The meetings are
        capped so that the evidence costs the same in a large archive as in a small one."""
        with self._lock:
            texts = [r[0] for r in self.conn.execute("SELECT name FROM aliases")]
            texts += [f"{title}\n{text}" for title, text in self.conn.execute(
                """SELECT i.title, i.text FROM items i WHERE i.meeting_id IN (
                       SELECT id FROM meetings WHERE ocr_damaged = 0 ORDER BY id DESC LIMIT ?)""",
                [self.CLEAN_MEETINGS_FOR_REPAIR])]
        return iter(texts)

    _ITEM_COLUMNS = "id, meeting_id, parent_id, position, depth, number, title, text"

    def items(self, meeting_id: int) -> list[ItemRow]:
        """All items of a meeting in document order (parents before their children)."""
        with self._lock:
            rows = self.conn.execute(
                f"SELECT {self._ITEM_COLUMNS} FROM items WHERE meeting_id = ? ORDER BY id",
                [meeting_id],
            ).fetchall()
        return [ItemRow(*row) for row in rows]

    def item(self, item_id: int) -> ItemRow | None:
        with self._lock:
            row = self.conn.execute(
                f"SELECT {self._ITEM_COLUMNS} FROM items WHERE id = ?",
                [item_id],
            ).fetchone()
        return ItemRow(*row) if row else None

    def attendance(self, meeting_id: int) -> list[AttendanceRow]:
        with self._lock:
            rows = self.conn.execute(
                "SELECT person_id, name, status, remote, role, affiliation, note, grp "
                "FROM attendance WHERE meeting_id = ? ORDER BY position",
                [meeting_id],
            ).fetchall()
        return [AttendanceRow(r[0], r[1], r[2], bool(r[3]), *r[4:]) for r in rows]

    # --- reads: people -------------------------------------------------------------------------

    def people(self) -> list[Person]:
        """Every person with aliases, latest affiliation and number of meetings, by name."""
        return self._people()

    def _people(self, where: str = "", params: list | None = None) -> list[Person]:
        with self._lock:
            rows = self.conn.execute(
                f"""SELECT p.id, p.name,
                       (SELECT group_concat(name, char(31)) FROM aliases WHERE person_id = p.id),
                       (SELECT a.affiliation FROM attendance a JOIN meetings m ON m.id = a.meeting_id
                        WHERE a.person_id = p.id AND a.affiliation IS NOT NULL
                        ORDER BY m.date IS NULL, m.date DESC LIMIT 1),
                       (SELECT count(DISTINCT meeting_id) FROM attendance WHERE person_id = p.id)
                   FROM people p {where} ORDER BY p.folded""",
                params or [],
            ).fetchall()
        return [
            Person(pid, name, sorted((aliases or "").split("\x1f")), affiliation, count)
            for pid, name, aliases, affiliation, count in rows
        ]

    def person(self, person_id: int) -> Person | None:
        """One person with every meeting they attended or missed, newest first."""
        found = self._people("WHERE p.id = ?", [person_id])
        if not found:
            return None
        person = found[0]
        with self._lock:
            rows = self.conn.execute(
                f"""SELECT m.id, m.date, m.inferred_year, m.body, m.title, a.status, a.remote, a.role, m.source_path
                    FROM attendance a JOIN meetings m ON m.id = a.meeting_id
                    WHERE a.person_id = ? {self._MEETING_ORDER}""",
                [person_id],
            ).fetchall()
        person.meetings = [PersonMeeting(*r[:6], remote=bool(r[6]), role=r[7], source_path=r[8]) for r in rows]
        return person

    # --- reads: search corpora -----------------------------------------------------------------

    def topic_titles(self) -> list[str]:
        """Every distinct agenda item title, for the fuzzy index."""
        with self._lock:
            return [row[0] for row in self.conn.execute("SELECT DISTINCT title FROM items")]

    def topics_titled(self, titles: list[str], limit: int) -> list[TopicEntry]:
        """The items with one of these titles, with their meeting's date and body, newest first."""
        marks = ", ".join("?" * len(titles))
        with self._lock:
            rows = self.conn.execute(
                f"""SELECT i.id, i.meeting_id, i.title, m.date, m.inferred_year, m.body
                    FROM items i JOIN meetings m ON m.id = i.meeting_id WHERE i.title IN ({marks})
                    {self._MEETING_ORDER} LIMIT ?""",
                [*titles, limit],
            ).fetchall()
        return [TopicEntry(*row) for row in rows]

    RANKED_CANDIDATES = 500

    def search_text(self, query: str, limit: int = 50) -> list[TextHit]:
        """Full-text matches in item titles and text, best first, with a snippet.

        The user's words are quoted as FTS5 strings, so quotes, AND, '-' or ':' never
        reach FTS5 as syntax; the last word matches as a prefix once it has a few letters.
        Ranking (bm25, titles weighing more) looks at the first `RANKED_CANDIDATES` matches only,
        so a word found in most items still answers within a keystroke.
        """
        words = re.findall(r"\w+", query)
        if not words:
            return []
        with self._lock:
            rows = self.conn.execute(
                """WITH best AS (
                       SELECT rowid AS id, bm25(items_fts, 5.0, 1.0) AS score
                       FROM items_fts WHERE items_fts MATCH :query LIMIT :candidates
                   )
                   SELECT i.id, i.meeting_id, i.title, i.text, m.date, m.body
                   FROM best JOIN items i ON i.id = best.id JOIN meetings m ON m.id = i.meeting_id
                   ORDER BY best.score LIMIT :limit""",
                {"query": fts_query_from(query), "candidates": self.RANKED_CANDIDATES, "limit": limit},
            ).fetchall()
        prefix = len(words[-1]) >= MIN_PREFIX_LETTERS
        return [
            TextHit(item_id, meeting_id, title, snippet(text, words, prefix), date, body)
            for item_id, meeting_id, title, text, date, body in rows
        ]


SNIPPET_MATCH_START, SNIPPET_MATCH_END = MATCH_START, MATCH_END  # how snippets mark matched words


MIN_PREFIX_LETTERS = 3  # "s*" would match most of the archive and mean nothing


def fts_query_from(text: str) -> str:
    """A safe FTS5 query: each word a quoted string, the last one also a prefix when long enough."""
    words = re.findall(r"\w+", text)
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    if len(words[-1]) >= MIN_PREFIX_LETTERS:
        quoted[-1] += "*"
    return " ".join(quoted)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_NewItem = tuple[int, int, int | None, int, int, str | None, str, str]


def _item_rows(meeting_id: int, items: list[Item], first_id: int) -> list[_NewItem]:
    """(id, meeting_id, parent_id, position, depth, number, title, text) of every item in the tree,
    parents before their children, numbered from `first_id` in that order."""
    rows: list[_NewItem] = []

    def add(parent_id: int | None, items: list[Item], depth: int) -> None:
        for position, item in enumerate(items):
            item_id = first_id + len(rows)
            rows.append((item_id, meeting_id, parent_id, position, depth, item.number, item.title, item.text))
            add(item_id, item.children, depth + 1)

    add(None, items, 0)
    return rows
