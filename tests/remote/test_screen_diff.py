"""The output layer that sends only changed cells: the terminal must end up showing exactly what
Textual drew, for fewer bytes. pyte, a terminal emulator, plays both streams and compares."""

from __future__ import annotations

import random

import pyte
import pytest

from tui.screen_diff import DEFAULT_PEN, Pen, ScreenShadow, apply_sgr

COLUMNS, ROWS = 40, 12
PENS = ["", "1", "38;5;253;48;5;233", "1;38;5;195;48;5;32", "7;38;5;23;48;5;233", "3;38;2;10;20;30",
        "4;31;42", "2;97;104", "9"]  # fmt: skip
WORDS = ["Möte", "Hällsten", "agenda", "§ 12", "Ordförande", "会議", "日本語", "é", "  ", "…", "x"]


def terminal() -> tuple[pyte.Screen, pyte.Stream]:
    screen = pyte.Screen(COLUMNS, ROWS)
    return screen, pyte.Stream(screen)


def shown(screen: pyte.Screen) -> list[list[tuple]]:
    """Every cell as the user sees it: character, colours and attributes."""
    return [
        [(c.data, c.fg, c.bg, c.bold, c.italics, c.underscore, c.strikethrough, c.reverse)
         for c in (screen.buffer[y][x] for x in range(COLUMNS))]
        for y in range(ROWS)
    ]


def random_frame(rng: random.Random) -> str:
    """A frame as Textual writes one: lines of a region, each positioned, spans with full SGR + reset."""
    top, left = rng.randrange(ROWS), rng.randrange(COLUMNS - 4)
    lines = []
    for row in range(top, min(ROWS, top + rng.randint(1, 5))):
        line, width = [f"\x1b[{row + 1};{left + 1}H"], left
        while rng.random() < 0.8:
            word, pen = rng.choice(WORDS), rng.choice(PENS)
            word_width = sum(2 if "\u3000" <= ch <= "\u9fff" else 1 for ch in word)
            if width + word_width > COLUMNS:
                break  # Textual never writes past the right edge
            line.append(f"\x1b[{pen}m{word}\x1b[0m" if pen else word)
            width += word_width
        lines.append("".join(line))
    cursor = f"\x1b[{rng.randrange(ROWS) + 1};{rng.randrange(COLUMNS) + 1}H"  # Textual ends each frame so
    return "\n".join(lines) + cursor  # a newline between lines, none after the last


@pytest.mark.parametrize("seed", range(20))
def test_the_terminal_shows_what_textual_drew(seed):
    rng = random.Random(seed)
    direct_screen, direct = terminal()
    diffed_screen, diffed = terminal()
    shadow = ScreenShadow(COLUMNS, ROWS)
    sent = written = 0
    for _ in range(60):
        frame = random_frame(rng) if rng.random() < 0.8 else random_frame(random.Random(seed))  # some repeats
        direct.feed(frame)
        out = shadow.feed(frame)
        diffed.feed(out)
        written, sent = written + len(frame), sent + len(out)
        assert shown(diffed_screen) == shown(direct_screen)
        assert (diffed_screen.cursor.x, diffed_screen.cursor.y) == (direct_screen.cursor.x, direct_screen.cursor.y)
    assert sent < written


def test_a_combining_mark_stays_with_its_letter():
    shadow = ScreenShadow(COLUMNS, ROWS)
    screen, stream = terminal()
    stream.feed(shadow.feed("\x1b[1;1HCafe\u0301 au lait"))
    stream.feed(shadow.feed("\x1b[1;1HCafe\u0301 au thé "))
    assert screen.display[0].rstrip() == "Café au thé"


def test_a_frame_drawn_again_sends_nothing():
    shadow = ScreenShadow(COLUMNS, ROWS)
    frame = "\x1b[1;1H\x1b[1;38;5;253mMeetings\x1b[0m \x1b[38;5;32mHällsten\x1b[0m\r\n\x1b[2;1H2026-05-25"
    first = shadow.feed(frame)
    assert "Meetings" in first and "Hällsten" in first
    assert shadow.feed(frame) == ""


def test_moving_a_highlight_sends_only_the_changed_cells():
    shadow = ScreenShadow(COLUMNS, ROWS)
    rows = ["2026-05-25 Styrelsemöte", "2026-04-02 Referensgrupp", "2026-03-01 Årsmöte"]

    def frame(highlighted: int) -> str:
        pen = {True: "\x1b[7m", False: "\x1b[38;5;253m"}
        return "".join(f"\x1b[{i + 1};1H{pen[i == highlighted]}{text}\x1b[0m" for i, text in enumerate(rows))

    shadow.feed(frame(0))
    moved = shadow.feed(frame(1))
    assert "Årsmöte" not in moved  # the third row did not change
    assert "Styrelsemöte" in moved and "Referensgrupp" in moved
    assert len(moved) < len(frame(1))


def test_sequences_it_does_not_draw_pass_through_in_order():
    shadow = ScreenShadow(COLUMNS, ROWS)
    assert shadow.feed("\x1b[?1000h\x1b[?25l\x1b]0;minutes\x07") == "\x1b[?1000h\x1b[?25l\x1b]0;minutes\x07"


def test_after_a_clear_the_next_frame_is_sent_whole():
    shadow = ScreenShadow(COLUMNS, ROWS)
    frame = "\x1b[1;1HAgenda"
    shadow.feed(frame)
    assert shadow.feed("\x1b[2J") == "\x1b[2J"
    assert "Agenda" in shadow.feed(frame)


def test_forget_redraws_everything_drawn():
    shadow = ScreenShadow(COLUMNS, ROWS)
    shadow.feed("\x1b[3;5HProtokoll")
    shadow.forget()
    assert "Protokoll" in shadow.feed("")


def test_characters_taken_as_narrow_are_one_cell_wide():
    from rich.cells import get_character_cell_size

    from tui.screen_diff import _NARROW

    narrow = [chr(c) for c in range(0x20, 0x3000) if _NARROW.fullmatch(chr(c))]
    assert len(narrow) > 800 and all(get_character_cell_size(char) == 1 for char in narrow)


@pytest.mark.parametrize(
    ("start", "sgr", "attributes", "foreground", "background"),
    [
        ("", "1;38;5;253;48;5;233", {"1"}, "38;5;253", "48;5;233"),
        ("1;31", "0", set(), "", ""),
        ("1;31", "", set(), "", ""),
        ("1;7;31", "22;39", {"7"}, "", ""),
        ("", "38;2;1;2;3;4", {"4"}, "38;2;1;2;3", ""),
        ("", "92;104", set(), "92", "104"),
    ],
)
def test_sgr_is_read_as_a_terminal_reads_it(start, sgr, attributes, foreground, background):
    pen = apply_sgr(apply_sgr(DEFAULT_PEN, start), sgr)
    assert (set(pen.attributes), pen.foreground, pen.background) == (attributes, foreground, background)


def test_pen_changes_are_as_short_as_they_can_be():
    bold_grey = apply_sgr(DEFAULT_PEN, "1;38;5;253")
    assert DEFAULT_PEN.sgr_to(bold_grey) == "\x1b[1;38;5;253m"
    assert bold_grey.sgr_to(apply_sgr(bold_grey, "38;5;32")) == "\x1b[38;5;32m"  # only the colour
    assert bold_grey.sgr_to(DEFAULT_PEN) == "\x1b[0m"
    assert bold_grey.sgr_to(Pen(frozenset(), "38;5;253")) == "\x1b[0;38;5;253m"  # bold off: reset first
