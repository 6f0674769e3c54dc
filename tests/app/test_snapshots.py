"""SVG snapshots of the main screens (pytest-textual-snapshot). Update with `--snapshot-update`
after a deliberate change, and look at the SVGs before committing them."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import settle, type_text

from tui.app import MinutesApp


def make_app(path: Path) -> MinutesApp:
    return MinutesApp(path, animate=False)


def press_then_settle(*keys: str, text: str | None = None):
    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        if text is not None:
            await type_text(pilot, text)

    return run_before


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
def test_main_screen(snap_compare, sample_archive_path, size):
    assert snap_compare(make_app(sample_archive_path), terminal_size=size, run_before=press_then_settle())


def test_reader_at_80_columns_with_markup_and_escapes(snap_compare, sample_archive_path):
    app = make_app(sample_archive_path)
    assert snap_compare(app, terminal_size=(80, 24), run_before=press_then_settle("G", "enter", "enter"))


def test_participants_with_remote_marked(snap_compare, sample_archive_path):
    app = make_app(sample_archive_path)
    assert snap_compare(app, terminal_size=(160, 48), run_before=press_then_settle("j", "enter", "k", "enter"))


def test_search_results(snap_compare, sample_archive_path):
    app = make_app(sample_archive_path)
    assert snap_compare(app, terminal_size=(80, 24), run_before=press_then_settle("slash", text="synt"))


def test_person_view(snap_compare, sample_archive_path):
    app = make_app(sample_archive_path)
    run_before = press_then_settle("slash", text="hallsten")

    async def then_open(pilot) -> None:
        await run_before(pilot)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=then_open)


def test_help(snap_compare, sample_archive_path):
    assert snap_compare(make_app(sample_archive_path), terminal_size=(80, 24), run_before=press_then_settle("f1"))


def test_empty_archive(snap_compare, empty_archive_path, monkeypatch):
    monkeypatch.chdir(empty_archive_path.parent)  # the path shown is relative, the same on every run
    app = make_app(Path(empty_archive_path.name))
    assert snap_compare(app, terminal_size=(80, 24), run_before=press_then_settle())
