"""The `minutes-tui` command as a user runs it: import, list, people, show, parse, errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from cli_helpers import EXPECTED, SAMPLE_DATA, run_cli

ENGLISH_MINUTES = """Board of Directors meeting, 12 March 2025

Present: Alice Brown (chair), Bob Green, Carol White
Apologies: Dan Black

1. Welcome
The chair welcomed everyone.

2. Budget
The budget was approved.
"""


def _list_json(db: Path) -> list[dict]:
    result = run_cli("--db", db, "list", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _people_json(db: Path) -> list[dict]:
    result = run_cli("--db", db, "people", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_importing_the_samples_twice_changes_nothing(db_path: Path) -> None:
    first = run_cli("--db", db_path, "import", SAMPLE_DATA)
    assert first.returncode == 0, first.stderr
    assert "4 imported, 0 unchanged, 0 replaced, 0 failed" in first.stdout
    listing = _list_json(db_path)
    second = run_cli("--db", db_path, "import", SAMPLE_DATA)
    assert "0 imported, 4 unchanged" in second.stdout
    assert _list_json(db_path) == listing
    assert [m["date"] for m in listing] == ["2026-05-25", "2026-02-04", None, None]


def test_identity_across_the_samples(db_path: Path) -> None:
    run_cli("--db", db_path, "import", SAMPLE_DATA)
    identity = json.loads((EXPECTED / "identity.json").read_text(encoding="utf-8"))
    seed_of_file = {}
    for expected in EXPECTED.glob("*.json"):
        data = json.loads(expected.read_text(encoding="utf-8"))
        if "original_file" in data:
            seed_of_file[Path(data["file"]).name] = data["original_file"][:3]
    seed_of_meeting = {m["id"]: seed_of_file[Path(m["source_path"]).name] for m in _list_json(db_path)}
    people = _people_json(db_path)

    def person_named(name: str) -> dict:
        [person] = [p for p in people if name in p["aliases"]]
        return person

    for case in identity["same_person"]:
        person = person_named(case["name"])
        assert set(case.get("appears_as", [])) <= set(person["aliases"]), case
        assert sorted(seed_of_meeting[m["meeting"]] for m in person["meetings"]) == case["meetings"], case
    for a, b in identity["different_people"]:
        assert person_named(a) is not person_named(b), (a, b)


def test_an_edited_file_replaces_its_meeting(tmp_path: Path, db_path: Path) -> None:
    doc = tmp_path / "board.txt"
    doc.write_text(ENGLISH_MINUTES, encoding="utf-8")
    run_cli("--db", db_path, "import", doc)
    doc.write_text(ENGLISH_MINUTES + "\n3. Any other business\nNone.\n", encoding="utf-8")
    result = run_cli("--db", db_path, "import", doc)
    assert "0 imported, 0 unchanged, 1 replaced" in result.stdout
    [meeting] = _list_json(db_path)
    assert meeting["items"] == 3


def test_windows_and_utf16_files_import_with_their_letters(tmp_path: Path, db_path: Path) -> None:
    text = (
        "Styrelsemöte 2024-04-02\n\nNärvarande:\nÅsa Öström, ordförande\nÄrlig Åberg\n\n"
        "1. Öppnande\nMötet öppnades.\n"
    )
    (tmp_path / "cp1252.txt").write_bytes(text.replace("\n", "\r\n").encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes(text.replace("Styrelsemöte", "Årsmöte").encode("utf-16"))
    result = run_cli("--db", db_path, "import", tmp_path)
    assert result.returncode == 0, result.stderr
    names = {p["name"] for p in _people_json(db_path)}
    assert {"Åsa Öström", "Ärlig Åberg"} <= names
    titles = {m["title"] for m in _list_json(db_path)}
    assert titles == {"Styrelsemöte 2024-04-02", "Årsmöte 2024-04-02"}


def test_bad_files_are_reported_one_line_each_and_do_not_stop_the_batch(tmp_path: Path, db_path: Path) -> None:
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (tmp_path / "c_good.txt").write_text(ENGLISH_MINUTES, encoding="utf-8")
    result = run_cli("--db", db_path, "import", tmp_path, tmp_path / "missing.md")
    assert result.returncode == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 3, errors
    assert any("a_empty.txt" in line and "empty" in line for line in errors)
    assert any("b_binary.txt" in line and "binary" in line for line in errors)
    assert any("missing.md" in line for line in errors)
    assert "1 imported, 0 unchanged, 0 replaced, 3 failed" in result.stdout
    [meeting] = _list_json(db_path)
    assert meeting["title"].startswith("Board of Directors")


def test_a_bad_file_alone_writes_nothing(tmp_path: Path, db_path: Path) -> None:
    (tmp_path / "empty.md").write_bytes(b"  \n\n")
    result = run_cli("--db", db_path, "import", tmp_path / "empty.md")
    assert result.returncode == 1 and "empty.md" in result.stderr
    assert _list_json(db_path) == [] and _people_json(db_path) == []


def test_show_prints_document_text_literally(tmp_path: Path, db_path: Path) -> None:
    doc = tmp_path / "nasty.txt"
    doc.write_text(ENGLISH_MINUTES.replace("The budget was approved.", "[bold]x[/] $var \x1b[2J done"),
                   encoding="utf-8")
    run_cli("--db", db_path, "import", doc)
    shown = run_cli("--db", db_path, "show", "nasty")
    assert shown.returncode == 0, shown.stderr
    assert "[bold]x[/] $var ␛[2J done" in shown.stdout
    assert "\x1b" not in shown.stdout
    as_json = json.loads(run_cli("--db", db_path, "show", "nasty", "--json").stdout)
    budget = next(i for i in as_json["items"] if i["title"] == "Budget")
    assert "\x1b[2J" in budget["text"]


def test_parse_does_not_touch_the_archive(tmp_path: Path) -> None:
    target = tmp_path / "never.db"
    result = run_cli("--db", target, "parse", SAMPLE_DATA / "2026-05-25_mona-referensgrupp.txt", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["date"] == "2026-05-25"
    assert not target.exists()


def test_errors_and_usage(tmp_path: Path, db_path: Path) -> None:
    missing = run_cli("parse", tmp_path / "nope.txt")
    assert missing.returncode == 1 and "nope.txt" in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1
    assert run_cli("frobnicate").returncode == 2
    assert run_cli("--db", db_path, "show", "999").returncode == 1


def test_environment_variable_chooses_the_archive(tmp_path: Path) -> None:
    import os

    env = dict(os.environ, MINUTES_TUI_DB=str(tmp_path / "env.db"))
    shutil.copy(SAMPLE_DATA / "2026-02-04_ros-mok.md", tmp_path / "doc.md")
    assert run_cli("import", tmp_path / "doc.md", env=env).returncode == 0
    assert (tmp_path / "env.db").exists()


def test_a_large_batch_is_parsed_in_parallel_with_errors_intact(tmp_path: Path, db_path: Path) -> None:
    for n in range(60):
        text = ENGLISH_MINUTES.replace("12 March 2025", f"{n % 28 + 1} March 2025") + f"\nRef {n}\n"
        (tmp_path / f"board-{n:02d}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "board-99.txt").write_bytes(b"%PDF-1.4 binary \x00\x01\x02" * 50)
    (tmp_path / "copy.txt").write_text((tmp_path / "board-00.txt").read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli("--db", db_path, "import", tmp_path)
    assert "60 imported, 1 unchanged, 0 replaced, 1 failed" in result.stdout, result.stdout + result.stderr
    assert "board-99.txt" in result.stderr and "binary" in result.stderr
    assert len(_list_json(db_path)) == 60
