"""score_parse.py's measures on a parse made in this process (no subprocess per document)."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

import score_parse

from importers.parse import parse_file


def score_in_process(expectation: Path) -> dict:
    """score_parse.score_one for the document `expectation` names, parsed here."""
    expected = json.loads(expectation.read_text(encoding="utf-8"))
    meeting = parse_file(score_parse.find_doc(expectation, expected["file"]))
    done = SimpleNamespace(returncode=0, stdout=json.dumps(meeting.to_json()), stderr="")
    with mock.patch.object(score_parse.subprocess, "run", return_value=done):
        return score_parse.score_one(expectation, "parse {file}")
