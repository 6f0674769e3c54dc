"""Shown instead of a broken layout while the terminal is smaller than the panes need."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widgets import Static


def too_small_message(size: Size, minimum: Size) -> str:
    return (
        f"The terminal is too small: {size.width}x{size.height}.\n"
        f"minutes-tui needs at least {minimum.width}x{minimum.height}.\n"
        "Make the window larger or the font smaller. q quits."
    )


class TooSmallScreen(ModalScreen[None]):
    """Covers everything, and takes no keys but q; the app removes it once the terminal is large
    enough again."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "app.quit", "Quit", id="too_small.quit")]

    DEFAULT_CSS = """
    TooSmallScreen { background: $background; align: left top; }
    TooSmallScreen > Static { width: 1fr; height: auto; padding: 0 1; }
    """

    def __init__(self, size: Size, minimum: Size) -> None:
        super().__init__()
        self._minimum = minimum
        self._size = size

    def compose(self) -> ComposeResult:
        yield Static(too_small_message(self._size, self._minimum), id="too-small")

    def show_size(self, size: Size) -> None:
        self.query_one("#too-small", Static).update(too_small_message(size, self._minimum))
