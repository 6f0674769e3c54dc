"""Read the colours of a tmux screen captured with escapes (`capture-pane -e`), cell by cell."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SGR = re.compile(r"\x1b\[([0-9;]*)m")


@dataclass(frozen=True)
class Cell:
    char: str
    fg: str  # "default", "3x"/"9x" style numbers as text, "5;N" (256 colours) or "2;R;G;B" (RGB)
    bg: str
    attributes: frozenset[int] = frozenset()  # SGR numbers: 1 bold, 2 dim, 3 italic, 4 underline, 7 reverse

    @property
    def reverse(self) -> bool:
        return 7 in self.attributes


def cells(captured: str) -> list[list[Cell]]:
    """Every visible character with its colours, line by line (tmux starts each line afresh)."""
    rows = []
    for line in captured.splitlines():
        fg, bg, attributes, row, pos = "default", "default", frozenset(), [], 0
        for match in _SGR.finditer(line + "\x1b[m"):
            row += [Cell(char, fg, bg, attributes) for char in line[pos : match.start()]]
            pos = match.end()
            fg, bg, attributes = _apply(match.group(1), fg, bg, attributes)
        rows.append(row)
    return rows


_RESETS = {22: {1, 2}, 23: {3}, 24: {4}, 25: {5}, 27: {7}, 29: {9}}


def _apply(params: str, fg: str, bg: str, attributes: frozenset[int]) -> tuple[str, str, frozenset[int]]:
    codes = params.split(";") if params else ["0"]
    i = 0
    while i < len(codes):
        code = int(codes[i] or 0)
        if code == 0:
            fg, bg, attributes = "default", "default", frozenset()
        elif 1 <= code <= 9:
            attributes |= {code}
        elif code in _RESETS:
            attributes -= _RESETS[code]
        elif code in (38, 48):
            size = 3 if codes[i + 1] == "5" else 5
            value = ";".join(codes[i + 1 : i + size])
            fg, bg = (value, bg) if code == 38 else (fg, value)
            i += size - 1
        elif 30 <= code <= 37 or 90 <= code <= 97:
            fg = str(code)
        elif code == 39:
            fg = "default"
        elif 40 <= code <= 47 or 100 <= code <= 107:
            bg = str(code - 10)
        elif code == 49:
            bg = "default"
        i += 1
    return fg, bg, attributes


def ansi_index(colour: str, default: int) -> int | None:
    """The palette index (0-15) of a 16-colour value, `default` for the terminal's default; None
    for 256-colour and RGB values."""
    if colour == "default":
        return default
    if colour.isdigit():
        code = int(colour)
        return code - 30 if code < 90 else code - 90 + 8
    return None


def is_grey(colour: str) -> bool:
    """Black, white or a grey, in any of the three colour notations."""
    if colour == "default" or colour.isdigit():
        return colour == "default" or int(colour) in (30, 37, 90, 97)
    parts = [int(p) for p in colour.split(";")]
    if parts[0] == 5:
        n = parts[1]
        cube = n - 16  # 16-231: a 6x6x6 colour cube, grey where its three levels are equal
        return n in (0, 7, 8, 15) or n >= 232 or (0 <= cube < 216 and cube // 36 == cube // 6 % 6 == cube % 6)
    return len(set(parts[1:])) == 1
