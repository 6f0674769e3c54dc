"""ASCII-only drawing for terminals whose locale is not Unicode (LANG=C, a latin-1 PuTTY).

One Textual line filter rewrites every character the app is about to send: box lines become `+-|`,
letters lose their accents (Hällsten -> Hallsten), anything else becomes `?`. Each replacement
keeps the character's width, so the layout is unchanged.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from rich.cells import cell_len
from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

_SYMBOLS = {
    "…": ".", "≈": "~", "·": ".", "—": "-", "–": "-", "−": "-", "•": "*", "‣": ">", "⏎": ">",
    "▶": ">", "▼": "v", "▲": "^", "►": ">", "◀": "<", "↑": "^", "↓": "v", "←": "<", "→": ">",
    "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "«": '"', "»": '"', "×": "x", "§": "S",
    "\u00a0": " ", "ß": "s", "æ": "a", "Æ": "A", "ø": "o", "Ø": "O", "ð": "d", "þ": "t", "ł": "l", "Ł": "L",
}  # fmt: skip

# Key names for the footer and help, where the Unicode symbols would otherwise show.
ASCII_KEYS = {"⏎": "Enter", "↑": "Up", "↓": "Down", "←": "Left", "→": "Right", "⇥": "Tab", "⌫": "Bksp"}


@lru_cache(maxsize=4096)
def ascii_char(char: str) -> str:
    """An ASCII stand-in of the same width as `char`."""
    if char.isascii():
        return char
    if char in _SYMBOLS:
        return _SYMBOLS[char]
    width = cell_len(char)
    if width == 0:
        return ""
    name = unicodedata.name(char, "")
    if name.startswith("BOX DRAWINGS"):
        return _box(name)
    if name.endswith("BLOCK") or "SHADE" in name:
        return "#" if "FULL" in name or "SHADE" in name else " "
    base = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
    if len(base) == width and base.isprintable():
        return base
    return "?" * width


def _box(name: str) -> str:
    horizontal, vertical = "HORIZONTAL" in name, "VERTICAL" in name
    if horizontal and not vertical:
        return "-"
    if vertical and not horizontal:
        return "|"
    return "+"  # corners, arcs and junctions


def ascii_text(text: str) -> str:
    return text if text.isascii() else "".join(ascii_char(char) for char in text)


class AsciiFilter(LineFilter):
    """Replaces every non-ASCII character on its way to the terminal."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            segment if segment.control or segment.text.isascii() else Segment(ascii_text(segment.text), segment.style)
            for segment in segments
        ]
