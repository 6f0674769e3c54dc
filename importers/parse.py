"""Parse one minutes file into a Meeting: read it, then recognise its structure.

`minutes-tui parse FILE --json` prints the result (tui/cli.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .model import Meeting
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
        meeting = recognise(doc, ocr_damaged=False)
    else:
        repaired, originals = repair_document(doc, archive_words)
        meeting = recognise(repaired)
        meeting.ocr_damaged = meeting.ocr_repaired = True
        meeting.repaired_text = repaired.text
        for participant in meeting.participants:
            written = as_written(participant.name, originals)
            participant.written_as = written if written != participant.name else None
    meeting.source_path = str(path)
    meeting.format = doc.format
    meeting.raw_text = doc.text
    return meeting
