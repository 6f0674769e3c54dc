"""Parse one minutes file into a Meeting: read it, then recognise its structure.

`minutes-tui parse FILE --json` prints the result (tui/cli.py).
"""

from __future__ import annotations

from pathlib import Path

from .model import Meeting
from .readers import read_document
from .structure import recognise


def parse_file(path: Path) -> Meeting:
    """Read and recognise `path`; DocumentError when it cannot be read as minutes."""
    doc = read_document(Path(path))
    meeting = recognise(doc)
    meeting.source_path = str(path)
    meeting.format = doc.format
    meeting.raw_text = doc.text
    return meeting
