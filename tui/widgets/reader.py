"""The reader pane: an item's text wrapped and scrollable, or who attended a meeting.

Paragraphs keep their blank lines, bullets get a hanging indent, and question/answer lines
("Fråga:", "Svar:") get their label emphasised so a reader can follow the exchange.
"""

from __future__ import annotations

import re
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from importers.archive import AttendanceRow, ItemRow, MeetingRow

from .labels import literal, meeting_when

_BULLET = re.compile(r"^(\s*)([-*•–·]|\d{1,2}[.)]|[a-z][.)])\s+(.*)$")
_SPEAKER = re.compile(
    r"^((?:Fråga|Svar|Kommentar|Question|Answer|Comment|Q|A)\b[^:\n]{0,40}:)(.*)$",
    re.IGNORECASE,
)


def item_body(text: str) -> RenderableType:
    """An item's text as readable blocks; every character of the text is shown literally."""
    blocks: list[RenderableType] = []
    for line in logical_lines(text):
        if not line.strip():
            if blocks and not _is_blank(blocks[-1]):
                blocks.append(Text(""))
            continue
        bullet = _BULLET.match(line)
        if bullet:
            indent, marker, rest = bullet.groups()
            shown_marker = "• " if marker in "-*•–·" else f"{marker} "
            blocks.append(_hanging(len(indent.expandtabs()), shown_marker, _paragraph_line(rest)))
            continue
        blocks.append(_paragraph_line(line))
    return Group(*blocks) if blocks else Text("(no text)", style="dim italic")


_SENTENCE_END = (".", "!", "?", ":", ";", "…")


def logical_lines(text: str) -> list[str]:
    """The text's lines with hard wraps undone, so the pane can wrap to its own width.

    A line continues the one before when that one does not end a sentence, or when it starts in
    lower case ("som\när ny" from a scan); bullets, question/answer labels, table rows and blank
    lines always start anew.
    """
    lines: list[str] = []
    for line in text.splitlines():
        previous = lines[-1] if lines else ""
        continues = (
            previous.strip()
            and line.strip()
            and "\t" not in line + previous
            and not _BULLET.match(line)
            and not _SPEAKER.match(line.strip())
            and (not previous.rstrip().endswith(_SENTENCE_END) or line.strip()[:1].islower())
        )
        if continues:
            lines[-1] = f"{previous.rstrip()} {line.strip()}"
        else:
            lines.append(line)
    return lines


def _is_blank(block: RenderableType) -> bool:
    return isinstance(block, Text) and not block.plain


def _paragraph_line(line: str) -> Text:
    speaker = _SPEAKER.match(line)
    if not speaker:
        return literal(line)
    label, rest = speaker.groups()
    text = literal(label, style="bold reverse" if label.casefold().startswith(("fråga", "question", "q")) else "bold")
    text.append_text(literal(rest))
    return text


def _hanging(indent: int, marker: str, body: Text) -> Table:
    """`marker` then `body`, wrapped lines aligned under the body's first character."""
    grid = Table.grid(padding=0, expand=True)
    grid.add_column(width=indent + len(marker), no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(Text(" " * indent + marker), body)
    return grid


def attendance_body(attendance: tuple[AttendanceRow, ...]) -> RenderableType:
    present = [a for a in attendance if a.status == "present"]
    absent = [a for a in attendance if a.status != "present"]
    remote = sum(1 for a in present if a.remote)
    blocks: list[RenderableType] = [Text(f"Present ({len(present)}, {remote} remote)", style="bold underline")]
    blocks += [_attendee(a) for a in present]
    if absent:
        blocks += [Text(""), Text(f"Absent ({len(absent)})", style="bold underline")]
        blocks += [_attendee(a) for a in absent]
    if not attendance:
        blocks.append(Text("No attendance list was found in this document.", style="dim italic"))
    return Group(*blocks)


def _attendee(a: AttendanceRow) -> Table:
    details = Text()
    for part in (a.role, a.affiliation, a.note):
        if part:
            if details.plain:
                details.append(", ")
            details.append_text(literal(part))
    line = literal(a.name, style="bold")
    if details.plain:
        line.append(" — ")
        line.append_text(details)
    if a.remote:
        line.append(" ")
        line.append("[remote]", style="reverse")
    return _hanging(0, "• ", line)


class Reader(VerticalScroll, can_focus=True):
    """Scrollable text of the entry chosen in the agenda."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "scroll_down", "Down", show=False, id="reader.down"),
        Binding("up,k", "scroll_up", "Up", show=False, id="reader.up"),
        Binding("space,pagedown", "page_down", "Page", show=False, id="reader.page_down"),
        Binding("b,pageup", "page_up", "Page up", show=False, id="reader.page_up"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="reader-heading")
        yield Static(Text("Choose a meeting, then an agenda item.", style="dim italic"), id="reader-body")

    def show(self, meeting: MeetingRow, heading: Text, body: RenderableType) -> None:
        title = literal(meeting.label, style="bold")
        title.append("\n")
        when = meeting_when(meeting.date, meeting.inferred_year)
        title.append_text(literal(f"{when} · {meeting.body or '—'}", style="dim"))
        if meeting.ocr_repaired:
            title.append(" · OCR-repaired", style="italic")
        title.append("\n\n")
        title.append_text(heading)
        self.query_one("#reader-heading", Static).update(title)
        self.query_one("#reader-body", Static).update(body)
        self.scroll_home(animate=False)

    def show_item(self, meeting: MeetingRow, item: ItemRow) -> None:
        heading = literal(f"{item.number + ' ' if item.number else ''}{item.title}", style="bold underline")
        self.show(meeting, heading, item_body(item.text))

    def show_attendance(self, meeting: MeetingRow, attendance: tuple[AttendanceRow, ...]) -> None:
        self.show(meeting, Text("Participants", style="bold underline"), attendance_body(attendance))

    def clear(self) -> None:
        self.query_one("#reader-heading", Static).update("")
        self.query_one("#reader-body", Static).update(Text(""))
