"""Importing files and folders into the archive: one document at a time, one bad file never
stops the batch, and a file whose content is already in the archive is not parsed again."""

from __future__ import annotations

import gc
import hashlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path

from .archive import Archive, ImportOutcome
from .errors import DocumentError
from .model import Meeting
from .parse import parse_file, parse_undamaged_file
from .readers import SUPPORTED_EXTENSIONS
from .repair import words_with_swedish_letters


@dataclass
class ImportReport:
    imported: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    failed: list[DocumentError] = field(default_factory=list)

    def record(self, path: str, outcome: ImportOutcome) -> None:
        getattr(self, outcome).append(path)

    def summary(self) -> str:
        return (
            f"{len(self.imported)} imported, {len(self.unchanged)} unchanged, "
            f"{len(self.replaced)} replaced, {len(self.failed)} failed"
        )


_NewFile = tuple[Path, str]  # a file to import and the hash of its content
_MIN_FILES_FOR_A_POOL = 50  # below this, starting processes costs more than it saves
# Files a worker parses per task: each task costs this process ~0.3 ms (futures, queues, pipes, threads).
_FILES_PER_CHUNK = 32
_CHUNKS_AHEAD = 12  # ~400 files parsed ahead of the writer at most
# Documents per commit: each stays whole-or-nothing (a savepoint), but every commit costs: FTS5 writes
# an index segment and later merges it (at 200 rather than 50, ~0.1 ms less per document), and the WAL.
_DOCUMENTS_PER_COMMIT = 200
# New objects between two collections of the youngest generation while importing (Python's default: 700).
_OBJECTS_PER_COLLECTION = 50_000


def find_documents(paths: Iterable[Path]) -> tuple[list[Path], list[DocumentError]]:
    """The documents named or found below the given folders (recursively, by extension)."""
    found: list[Path] = []
    errors: list[DocumentError] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_EXTENSIONS)
            )
        elif path.is_file():
            found.append(path)
        else:
            errors.append(DocumentError(str(path), "no such file or folder"))
    return found, errors


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise DocumentError(str(path), f"cannot read: {error.strerror or error}") from error


def parse_document(path: Path, archive_words: Iterable[str] = ()) -> Meeting | DocumentError:
    """The parse of one file, or the error that explains why there is none.

    Returned rather than raised so that it crosses a process boundary intact; any exception is
    caught because a parser bug must cost one file, not the batch.
    """
    return _parse_catching(parse_file, path, archive_words)


def _parse_unless_damaged(path: Path) -> Meeting | DocumentError | None:
    """`parse_document`, or None for a document OCR damaged: the importer repairs that one itself, with
    the archive's words, so repairing it here as well would be wasted (and load wordfreq in each worker)."""
    return _parse_catching(parse_undamaged_file, path)


def _parse_catching(parse: Callable[..., Meeting | None], path: Path, *args: object) -> Meeting | DocumentError | None:
    try:
        return parse(path, *args)
    except DocumentError as error:
        return error
    except Exception as error:
        return DocumentError(str(path), f"could not be parsed ({type(error).__name__}: {error})")


def _parse_chunk(paths: list[Path]) -> list[Meeting | DocumentError | None]:
    return [_parse_unless_damaged(path) for path in paths]


def _parses(files: Iterator[_NewFile], workers: int) -> Iterator[tuple[_NewFile, Meeting | DocumentError | None]]:
    """Each file with `_parse_unless_damaged` of it, in order; in a pool of processes when that pays.

    `files` is read as the workers need more, so they start on the first files while later ones are
    still being read and hashed.
    """
    first = list(islice(files, _MIN_FILES_FOR_A_POOL))
    files = chain(first, files)
    if workers <= 1 or len(first) < _MIN_FILES_FOR_A_POOL:
        yield from ((file, _parse_unless_damaged(file[0])) for file in files)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        # A chunk goes in for every chunk taken out, so the workers never wait for the writer to
        # finish a batch, and parsed meetings never pile up more than _CHUNKS_AHEAD chunks ahead of it.
        pending: deque[tuple[list[_NewFile], Future[list[Meeting | DocumentError | None]]]] = deque()
        while chunk := list(islice(files, _FILES_PER_CHUNK)):
            pending.append((chunk, pool.submit(_parse_chunk, [path for path, _ in chunk])))
            if len(pending) > _CHUNKS_AHEAD:
                yield from _with_results(*pending.popleft())
        while pending:
            yield from _with_results(*pending.popleft())


def _with_results(chunk: list[_NewFile], parsed: Future[list[Meeting | DocumentError | None]]
                  ) -> Iterator[tuple[_NewFile, Meeting | DocumentError | None]]:
    return zip(chunk, parsed.result(), strict=True)


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Run the cyclic garbage collector less often meanwhile.

    An import makes many small objects (each parsed meeting's participants and items) that live a
    while and are almost never garbage cycles, so at Python's default threshold the collector ran every
    couple of documents and took about a tenth of the importing process's time, to free nothing.
    Worker processes started meanwhile inherit the setting.
    """
    thresholds = gc.get_threshold()
    if thresholds[0]:  # 0: collection is off already
        gc.set_threshold(max(thresholds[0], _OBJECTS_PER_COLLECTION), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def import_files(
    archive: Archive,
    files: Iterable[Path],
    on_file: Callable[[Path], None] | None = None,
    workers: int = 1,
) -> ImportReport:
    """Import each file; `on_file` is called after each one (for a progress bar).

    Files whose content the archive already holds are not parsed again. Parsing runs in `workers`
    processes (0: one per core); storing stays in this process, each document whole or not at all.
    """
    with _fewer_collections(), archive.bulk_import():
        return _import_files(archive, files, on_file, workers)


def _import_files(
    archive: Archive, files: Iterable[Path], on_file: Callable[[Path], None] | None, workers: int
) -> ImportReport:
    report = ImportReport()
    archive_words: set[str] | None = None  # read from the archive at the first OCR-damaged document
    stored_path = _StoredPaths()
    # content stored by this import: the archive held none of it when its files were read (_new_files)
    stored: set[str] = set()
    parses = _parses(_new_files(archive, files, report, on_file), workers or os.cpu_count() or 1)
    while group := list(islice(parses, _DOCUMENTS_PER_COMMIT)):
        with archive.transaction():
            for (path, digest), parsed in group:
                if parsed is None:  # OCR damaged: repaired here, with the archive's words as evidence
                    if archive_words is None:
                        archive_words = words_with_swedish_letters(archive.clean_texts())
                    parsed = parse_document(path, archive_words or ())
                if isinstance(parsed, DocumentError):
                    report.failed.append(parsed)
                elif digest in stored:  # a copy of a file met earlier in this batch
                    report.unchanged.append(str(path))
                else:
                    report.record(str(path), archive.store_meeting(parsed, stored_path(path), digest))
                    stored.add(digest)
                if on_file:
                    on_file(path)
    return report


class _StoredPaths:
    """The absolute path stored for each file: `Path.resolve()`, with each folder resolved once for the
    import (resolving every file's whole path, a system call per folder in it, cost ~30 µs a file)."""

    def __init__(self) -> None:
        self._folders: dict[Path, Path] = {}

    def __call__(self, path: Path) -> str:
        if path.is_symlink():
            return str(path.resolve())
        folder = self._folders.get(path.parent)
        if folder is None:
            folder = self._folders[path.parent] = path.parent.resolve()
        return str(folder / path.name)


def _new_files(archive: Archive, files: Iterable[Path], report: ImportReport,
               on_file: Callable[[Path], None] | None) -> Iterator[_NewFile]:
    """(path, content hash) of each file whose content the archive does not hold yet; the files that
    cannot be read, or whose content it holds, go into `report` as they are met."""
    for path in files:
        try:
            digest = content_hash(_read(path))
        except DocumentError as error:
            report.failed.append(error)
        else:
            if not archive.hash_known(digest):
                yield path, digest
                continue
            report.unchanged.append(str(path))
        if on_file:
            on_file(path)


def import_paths(archive: Archive, paths: Iterable[Path]) -> ImportReport:
    """Import every document named in or found below `paths`."""
    files, errors = find_documents(paths)
    report = import_files(archive, files)
    report.failed[:0] = errors
    return report
