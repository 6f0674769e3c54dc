"""Send only what changed: a shadow of the terminal's screen, compared cell by cell.

Textual redraws a widget whole whenever anything in it changes, and writes every span with a full
colour sequence and a reset after it. Over a slow link (SSH from home, a browser remote desktop)
those bytes are the delay the user feels. `ScreenShadow` reads what Textual writes, keeps the screen
it describes, and writes to the terminal only the cells that differ from what the terminal already
shows, with the shortest colour changes between them (what curses does for vim and less).

It understands what Textual draws with: cursor positioning, SGR colours and attributes, text and
line breaks. Any other sequence (modes, titles, queries) passes through unchanged; one that may
change the screen behind its back (clearing, scrolling, the alternate screen) makes it forget what
the terminal shows, so the next frame is drawn whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rich.cells import get_character_cell_size

SYNC_START = "\x1b[?2026h"
SYNC_END = "\x1b[?2026l"

# Escape sequences and the text between them; a frame from Textual is a series of these.
_TOKENS = re.compile(
    r"\x1b\[(?P<params>[0-?]*)[ -/]*(?P<final>[@-~])"  # CSI: cursor moves, SGR, modes
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: title, pointer shape, hyperlinks
    r"|\x1b[PX^_][^\x1b]*\x1b\\"  # DCS and other strings
    r"|\x1b.?"  # any other escape
    r"|(?P<control>[\x00-\x1f\x7f])"
    r"|(?P<text>[^\x00-\x1f\x7f]+)",
    re.DOTALL,
)
# CSI finals that may change cells or scroll without saying which: the shadow is forgotten.
_SCREEN_CHANGING = set("@JKLMPSTXr")
_CURSOR_MOVES = set("HfABCDGd")
# Alternate screen, and DEC modes that switch to it.
_SCREEN_SWITCHING_MODES = {"?1049", "?1047", "?47"}
# Characters one cell wide for certain (Latin, punctuation, arrows, box drawing): a run of them
# needs no per-character width lookup.
_NARROW = re.compile(r"[ -~\xa0-\xac\xae-\u024f\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u259f]+")
# Unchanged cells re-sent rather than a cursor move (about 8 bytes) to skip them.
_MAX_GAP = 6


@dataclass(frozen=True, eq=False)
class Pen:
    """SGR state: attribute codes ("1" bold, "7" reverse ...) and the colours, as SGR parameters.

    Pens are interned (see `_pen`): one object per state, so comparing cells compares identities,
    which keeps a frame's diff fast.
    """

    attributes: frozenset[str] = frozenset()
    foreground: str = ""
    background: str = ""
    underline: str = ""

    def sgr_to(self, target: Pen) -> str:
        """The shortest SGR sequence that changes a terminal's pen from this one to `target`."""
        if target is self:
            return ""
        dropped = self.attributes - target.attributes
        cleared = any(old and not new for old, new in self._colours_with(target))
        if dropped or cleared:
            return f"\x1b[{';'.join(['0', *target._parameters()])}m"
        added = sorted(target.attributes - self.attributes)
        changed = [new for old, new in self._colours_with(target) if new != old]
        return f"\x1b[{';'.join(added + changed)}m"

    def _colours_with(self, target: Pen) -> list[tuple[str, str]]:
        return [(self.foreground, target.foreground), (self.background, target.background),
                (self.underline, target.underline)]

    def _parameters(self) -> list[str]:
        return sorted(self.attributes) + [c for c in (self.foreground, self.background, self.underline) if c]


_PENS: dict[tuple[frozenset[str], str, str, str], Pen] = {}


def _pen(attributes: frozenset[str] = frozenset(), foreground: str = "", background: str = "",
         underline: str = "") -> Pen:
    """The one Pen object for this state."""
    key = (attributes, foreground, background, underline)
    if (pen := _PENS.get(key)) is None:
        pen = _PENS[key] = Pen(*key)
    return pen


DEFAULT_PEN = _pen()
UNKNOWN_PEN = _pen(frozenset({"unknown"}))  # never a real pen: the next change resets first
_ATTRIBUTE_OFF = {"22": {"1", "2"}, "23": {"3"}, "24": {"4", "21"}, "25": {"5", "6"}, "27": {"7"},
                  "28": {"8"}, "29": {"9"}, "54": {"51", "52"}, "55": {"53"}}  # fmt: skip
_COLOUR_SLOT = {"3": "foreground", "9": "foreground", "4": "background", "10": "background"}


@lru_cache(maxsize=1024)
def apply_sgr(pen: Pen, parameters: str) -> Pen:
    """The pen after an SGR sequence with these parameters ("1;38;5;253", "0", "")."""
    attributes, colours = set(pen.attributes), {"foreground": pen.foreground, "background": pen.background,
                                                "underline": pen.underline}
    tokens = parameters.split(";") if parameters else ["0"]
    i = 0
    while i < len(tokens):
        token = tokens[i] or "0"
        code = token.split(":")[0]
        i += 1
        if code in ("38", "48", "58"):
            slot = {"38": "foreground", "48": "background", "58": "underline"}[code]
            if ":" not in token:  # 38;5;n or 38;2;r;g;b
                extra = 2 if tokens[i:i + 1] == ["5"] else 4 if tokens[i:i + 1] == ["2"] else 0
                token, i = ";".join(tokens[i - 1:i + extra]), i + extra
            colours[slot] = token
        elif code == "0":
            attributes.clear()
            colours = dict.fromkeys(colours, "")
        elif code in ("39", "49", "59"):
            colours[{"39": "foreground", "49": "background", "59": "underline"}[code]] = ""
        elif code in _ATTRIBUTE_OFF:
            attributes -= _ATTRIBUTE_OFF[code]
            attributes -= {a for a in attributes if a.split(":")[0] in _ATTRIBUTE_OFF[code]}
        elif len(code) >= 2 and code[:-1] in _COLOUR_SLOT and code[-1] in "01234567":
            colours[_COLOUR_SLOT[code[:-1]]] = code  # 30-37, 40-47, 90-97, 100-107
        else:
            attributes.add(token)
    return _pen(frozenset(attributes), colours["foreground"], colours["background"], colours["underline"])


@lru_cache(maxsize=4096)
def _width(char: str) -> int:
    return get_character_cell_size(char)


# A cell: its text (a character, plus any zero-width marks; "" for the right half of a wide
# character) and its pen. None: not known.
Cell = tuple[str, Pen]


@dataclass
class ScreenShadow:
    """What Textual has drawn (`wanted`) and what the terminal shows (`shown`), at one size."""

    columns: int
    rows: int
    wanted: list[list[Cell | None]] = field(init=False)
    shown: list[list[Cell | None]] = field(init=False)
    _cursor: tuple[int, int] = (0, 0)  # where Textual's cursor is: column, row
    _pen: Pen = DEFAULT_PEN  # Textual's pen
    _shown_cursor: tuple[int, int] | None = None  # where the terminal's cursor is, when known
    _shown_pen: Pen = UNKNOWN_PEN
    _touched: set[int] = field(default_factory=set)  # rows written since the last diff
    _cursor_moved: bool = False  # Textual placed its cursor since the last diff

    def __post_init__(self) -> None:
        self.wanted = [[None] * self.columns for _ in range(self.rows)]
        self.forget()

    def forget(self) -> None:
        """The terminal's screen is unknown (garbled by another program, say): send all on the next frame."""
        self.shown = [[None] * self.columns for _ in range(self.rows)]
        self._shown_cursor, self._shown_pen = None, UNKNOWN_PEN
        self._touched = set(range(self.rows))

    def _cleared(self) -> None:
        """The terminal cleared or scrolled its screen at Textual's request: what was drawn is gone."""
        self.wanted = [[None] * self.columns for _ in range(self.rows)]
        self.forget()

    def feed(self, data: str) -> str:
        """What to send to the terminal for `data` (as Textual wrote it): the same screen, fewer bytes."""
        passed: list[str] = []
        for match in _TOKENS.finditer(data):
            if (text := match["text"]) is not None:
                self._put(text)
            elif (final := match["final"]) is not None:
                self._csi(match["params"], final, match.group(), passed)
            elif (control := match["control"]) is not None:
                self._control(control, passed)
            else:
                passed.append(match.group())
                self._shown_cursor = None  # e.g. ESC 8 restores a cursor we did not track
        return "".join(passed) + self._diff()

    # --- reading what Textual writes --------------------------------------------------------

    def _csi(self, params: str, final: str, sequence: str, passed: list[str]) -> None:
        if final == "m":
            self._pen = apply_sgr(self._pen, params)
        elif final in _CURSOR_MOVES and not params.startswith("?"):
            self._move_cursor(params, final)
        else:
            passed.append(sequence)
            if final in _SCREEN_CHANGING or (final in "hl" and params in _SCREEN_SWITCHING_MODES):
                self._cleared()
            elif not _leaves_cursor(params, final):
                self._shown_cursor = None

    def _move_cursor(self, params: str, final: str) -> None:
        numbers = [int(p) if p.isdigit() else 0 for p in params.split(";")]
        first = numbers[0] or 1
        column, row = self._cursor
        if final in "Hf":
            column, row = (numbers[1] if len(numbers) > 1 and numbers[1] else 1) - 1, first - 1
        else:
            column, row = {"A": (column, row - first), "B": (column, row + first), "C": (column + first, row),
                           "D": (column - first, row), "G": (first - 1, row), "d": (column, first - 1)}[final]
        self._cursor, self._cursor_moved = (column, row), True

    def _control(self, control: str, passed: list[str]) -> None:
        column, row = self._cursor
        if control == "\r":
            self._cursor = (0, row)
        elif control == "\n" and row >= self.rows - 1:  # a line feed on the last row scrolls
            passed.append(control)
            self._cleared()
        elif control == "\n":
            self._cursor = (column, row + 1)
        elif control == "\b":
            self._cursor = (max(column - 1, 0), row)
        else:
            passed.append(control)  # a bell, say: nothing to draw

    def _put(self, text: str) -> None:
        column, row = self._cursor
        if not 0 <= row < self.rows:
            self._cursor = (column + len(text), row)
            return
        line, pen = self.wanted[row], self._pen
        self._touched.add(row)
        if text.isascii() or _NARROW.fullmatch(text):
            end = min(column + len(text), self.columns)
            if column < end:
                line[max(column, 0):end] = [(char, pen) for char in text[max(-column, 0):end - column]]
            self._cursor = (column + len(text), row)
            return
        for char in text:
            width = _width(char)
            if width == 0:  # a combining mark joins the cell before it
                previous = line[column - 1] if 0 < column <= self.columns else None
                if previous is not None:
                    line[column - 1] = (previous[0] + char, previous[1])
                continue
            if column >= 0 and column + width <= self.columns:
                line[column] = (char, pen)
                if width == 2:
                    line[column + 1] = ("", pen)
            column += width
        self._cursor = (column, row)

    # --- writing the difference --------------------------------------------------------------

    def _diff(self) -> str:
        out: list[str] = []
        for row in sorted(self._touched):
            wanted, shown = self.wanted[row], self.shown[row]
            if wanted == shown:
                continue
            for start, end in self._runs(wanted, shown):
                self._write_run(row, start, end, out)
        place_cursor = out or (self._cursor_moved and self._shown_cursor != self._cursor)
        self._touched, self._cursor_moved = set(), False
        if place_cursor:
            if self._shown_pen != self._pen:
                out.append(self._shown_pen.sgr_to(self._pen))
                self._shown_pen = self._pen
            if self._shown_cursor != self._cursor and 0 <= self._cursor[1] < self.rows:
                out.append(f"\x1b[{self._cursor[1] + 1};{max(self._cursor[0], 0) + 1}H")
                self._shown_cursor = self._cursor
        return "".join(out)

    def _runs(self, wanted: list[Cell | None], shown: list[Cell | None]) -> list[tuple[int, int]]:
        """Spans [start, end) of cells to send on one row: the changed cells, close ones merged, and
        widened so that a wide character is always sent whole."""
        changed = [x for x, (new, old) in enumerate(zip(wanted, shown, strict=True)) if new is not None and new != old]
        runs: list[list[int]] = []
        for x in changed:
            if runs and x - runs[-1][1] <= _MAX_GAP:
                runs[-1][1] = x + 1
            else:
                runs.append([x, x + 1])
        for run in runs:
            while run[0] > 0 and (_is_right_half(wanted[run[0]]) or _is_right_half(shown[run[0]])):
                run[0] -= 1
            while run[1] < self.columns and (_is_right_half(wanted[run[1]]) or _is_right_half(shown[run[1]])):
                run[1] += 1
        merged: list[tuple[int, int]] = []
        for start, end in runs:  # widening may have made neighbours meet
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged

    def _write_run(self, row: int, start: int, end: int, out: list[str]) -> None:
        wanted, shown = self.wanted[row], self.shown[row]
        x = start
        while x < end:
            cell = wanted[x]
            if cell is None or cell[0] == "":  # never drawn (leave it), or the half of a wide character
                if cell is not None:
                    shown[x] = cell
                x += 1
                continue
            if self._shown_cursor != (x, row):
                out.append(f"\x1b[{row + 1};{x + 1}H")
            pen = cell[1]
            if pen is not self._shown_pen:
                out.append(self._shown_pen.sgr_to(pen))
                self._shown_pen = pen
            first, column = x, x  # column: where the terminal's cursor is as the stretch goes out
            while x < end and (cell := wanted[x]) is not None:
                char, cell_pen = cell
                if char and (cell_pen is not pen or column != x):
                    break  # another pen, or a wide character cut in two: a new stretch
                column += _width(char[0]) if char else 0
                x += 1
            out.append("".join(char for char, _ in wanted[first:x]))  # a stretch in one pen, one string
            shown[first:x] = wanted[first:x]
            self._shown_cursor = (column, row) if column < self.columns else None  # at the edge: wrap pending


def _leaves_cursor(params: str, final: str) -> bool:
    """True for sequences that do not move the cursor: modes, reports, cursor shape, keyboard protocol."""
    return final in "hlnqtcp" or (final == "u" and params[:1] in ("<", ">", "=", "?") and params != "")


def _is_right_half(cell: Cell | None) -> bool:
    return cell is not None and cell[0] == ""
