"""Importing files and folders into the archive: one document at a time, one bad file never
stops the batch, and a file whose content is already in the archive is not parsed again."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .archive import Archive, ImportOutcome
from .errors import DocumentError
from .parse import parse_file
from .readers import SUPPORTED_EXTENSIONS


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


def import_file(archive: Archive, path: Path) -> ImportOutcome:
    """Parse one document and store it; raises DocumentError for anything wrong with the file."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DocumentError(str(path), f"cannot read: {error.strerror or error}") from error
    source_path = str(path.resolve())
    digest = content_hash(data)
    if archive.hash_known(digest):
        return "unchanged"
    try:
        meeting = parse_file(path)
    except DocumentError:
        raise
    except Exception as error:  # a parser bug must cost one file, not the batch
        raise DocumentError(str(path), f"could not be parsed ({type(error).__name__}: {error})") from error
    return archive.store_meeting(meeting, source_path, digest)


def import_files(
    archive: Archive, files: Iterable[Path], on_file: Callable[[Path], None] | None = None
) -> ImportReport:
    """Import each file in turn; `on_file` is called after each one (for a progress bar)."""
    report = ImportReport()
    for path in files:
        try:
            report.record(str(path), import_file(archive, path))
        except DocumentError as error:
            report.failed.append(error)
        if on_file:
            on_file(path)
    return report


def import_paths(archive: Archive, paths: Iterable[Path]) -> ImportReport:
    """Import every document named in or found below `paths`."""
    files, errors = find_documents(paths)
    report = import_files(archive, files)
    report.failed[:0] = errors
    return report
