"""The four bundled samples parse to their hand-checked expectations (tests/expected)."""

from __future__ import annotations

import sys

import pytest
import score_parse
from cli_helpers import EXPECTED

COMMAND = f"{sys.executable} -m tui.cli parse {{file}} --json"


@pytest.fixture(scope="module")
def scores() -> list[dict]:
    paths = sorted(p for p in EXPECTED.glob("*.json") if p.name != "identity.json")
    return [score_parse.score_one(p, COMMAND) for p in paths]


def test_every_sample_parses(scores: list[dict]) -> None:
    assert all(s["ok"] for s in scores), [s.get("error") for s in scores]


def test_participants_and_items_f1(scores: list[dict]) -> None:
    participants_f1 = sum(s["participants"][2] for s in scores) / len(scores)
    items_f1 = sum(s["agenda"][2] for s in scores) / len(scores)
    misses = {s["file"]: s["misses"] for s in scores if s["misses"]}
    assert participants_f1 >= 0.97, misses
    assert items_f1 >= 0.95, misses


def test_every_status_and_date_right(scores: list[dict]) -> None:
    for s in scores:
        assert s["status"][0] == s["status"][1], s["file"]
        assert s["date"], (s["file"], s["misses"])
        assert s["agenda_order"], s["file"]


def test_roles_affiliations_remote_and_children(scores: list[dict]) -> None:
    for key in ("role", "affiliation", "remote", "children", "numbers"):
        got = sum(s[key][0] for s in scores)
        total = sum(s[key][1] for s in scores)
        assert got >= 0.95 * total, (key, got, total, {s["file"]: s["misses"] for s in scores})
    assert not any(s["false_items"] for s in scores)
