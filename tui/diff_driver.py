"""Textual's terminal and browser drivers, writing through a `ScreenShadow`: only changed cells
leave the process (see screen_diff.py)."""

from __future__ import annotations

from textual.driver import Driver

from .screen_diff import SYNC_END, SYNC_START, ScreenShadow


class ShadowedOutput:
    """Mixed into a Textual driver ahead of it: every write is diffed against what was sent before."""

    _shadow: ScreenShadow | None = None
    _sync_held = False  # a synchronised update began and nothing has been drawn in it yet

    def write(self, data: str) -> None:
        if data == SYNC_START:
            self._sync_held = True  # sent with the first change: a frame with none sends neither
            return
        if data == SYNC_END and self._sync_held:
            self._sync_held = False
            return
        out = self._shadow_for_size().feed(data)
        if out and self._sync_held:
            out, self._sync_held = SYNC_START + out, False
        if out:
            super().write(out)  # type: ignore[misc]  # the Textual driver this is mixed into

    def redraw(self) -> None:
        """Clear the terminal and send the whole screen with the next frame (a garbled terminal)."""
        shadow = self._shadow_for_size()
        shadow.forget()
        super().write("\x1b[H\x1b[2J")  # type: ignore[misc]

    def _shadow_for_size(self) -> ScreenShadow:
        width, height = self._app.size  # type: ignore[attr-defined]  # Driver._app
        if self._shadow is None or (self._shadow.columns, self._shadow.rows) != (width, height):
            self._shadow = ScreenShadow(width, height)  # resized: the terminal shows nothing known
        return self._shadow


def shadowed(driver_class: type[Driver]) -> type[Driver]:
    """`driver_class`, sending only what changed."""
    return type(f"Shadowed{driver_class.__name__}", (ShadowedOutput, driver_class), {})
