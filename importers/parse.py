"""Parse one minutes file into a Meeting: read it, then recognise its structure.

`python -m importers.parse FILE` prints the parse as JSON (the form `minutes-tui parse --json` prints).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .errors import DocumentError
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


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m importers.parse FILE", file=sys.stderr)
        return 2
    try:
        meeting = parse_file(Path(argv[0]))
    except DocumentError as error:
        print(error, file=sys.stderr)
        return 1
    print(json.dumps(meeting.to_json(), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
