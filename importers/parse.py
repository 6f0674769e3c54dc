"""Parse one minutes file into a Meeting: read it, then recognise its structure.

`minutes-tui parse FILE --json` prints the result (tui/cli.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .model import Document, Meeting
from .readers import read_document
from .repair import as_written, needs_repair, repair_document
from .structure import recognise


def parse_file(path: Path, archive_words: Iterable[str] = ()) -> Meeting:
    """Read and recognise `path`; DocumentError when it cannot be read as minutes.

    A document OCR damaged is repaired before it is recognised (so names and titles come out
    repaired), with `archive_words` (spellings from the archive's clean documents) as evidence;
    the text as read stays in `raw_text`.
    """
    doc = read_document(Path(path))
    if not needs_repair(doc):
        return _finish(recognise(doc, ocr_damaged=False), doc, path)
    repaired, originals = repair_document(doc, archive_words)
    meeting = recognise(repaired)
    meeting.ocr_damaged = meeting.ocr_repaired = True
    meeting.repaired_text = repaired.text
    for participant in meeting.participants:
        written = as_written(participant.name, originals)
        participant.written_as = written if written != participant.name else None
    return _finish(meeting, doc, path)


def parse_undamaged_file(path: Path) -> Meeting | None:
    """`parse_file` for a document OCR did not damage; None, without repairing it, for one it did.

    For a caller that repairs damaged documents later, with evidence it does not have yet.
    """
    doc = read_document(Path(path))
    return None if needs_repair(doc) else _finish(recognise(doc, ocr_damaged=False), doc, path)


def _finish(meeting: Meeting, doc: Document, path: Path) -> Meeting:
    meeting.source_path = str(path)
    meeting.format = doc.format
    meeting.raw_text = doc.text
    return meeting
