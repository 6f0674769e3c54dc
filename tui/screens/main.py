"""The main screen: meetings | agenda | reader.

Wide terminals show the three panes side by side. Below `WIDE` columns the list and the agenda
share the screen, and the reader takes the list's place while it is open (Enter in the agenda, or
Tab to it); Esc gives the list back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, Static, Tree

from importers.archive import AttendanceRow, ItemRow, MeetingRow

from ..widgets.agenda import AgendaEntry, AgendaTree, ParticipantsEntry
from ..widgets.labels import literal
from ..widgets.meeting_list import MeetingList, archive_source
from ..widgets.reader import Reader
from ..widgets.row_list import RowList, RowSource

if TYPE_CHECKING:
    from ..app import MinutesApp

WIDE = 120


@dataclass(frozen=True)
class MeetingDetails:
    meeting: MeetingRow
    items: list[ItemRow]
    attendance: list[AttendanceRow]


@dataclass(frozen=True)
class Target:
    """What to show once a meeting has loaded: an item, the participants, or the first item."""

    item_id: int | None = None
    participants: bool = False
    read: bool = False  # open the reader (at 80 columns: switch to it)


def empty_archive_help(path: str) -> Text:
    text = Text()
    text.append("This archive has no meetings yet.\n\n", style="bold")
    text.append("Import minutes from a shell:\n\n")
    text.append("  minutes-tui import PATH\n\n", style="bold")
    text.append("(files or folders; .txt, .md, .docx, .pdf …)\n\nArchive: ")
    text.append_text(literal(path))
    text.append("\n\nPress ")
    text.append(" d ", style="reverse")
    text.append(" to open the demo archive of sample minutes.")
    return text


class MainScreen(Screen[None]):
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (WIDE, "-wide")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "pane(1)", "Next pane", show=False, id="main.next_pane"),
        Binding("shift+tab", "pane(-1)", "Previous pane", show=False, id="main.previous_pane"),
        Binding("f", "filter", "Filter", id="main.filter"),
        Binding("escape", "back", "Back", id="main.back"),
        Binding("d", "demo", "Open demo", id="main.demo"),
    ]

    app: MinutesApp

    def __init__(self) -> None:
        super().__init__()
        self._meeting: MeetingRow | None = None
        self.meeting_count = 0  # in the archive, as of the last (re)load
        self._target = Target()
        self._request = 0  # the latest meeting load asked for; older answers are dropped
        self._open_next = True  # show the next meeting the list highlights, following the cursor or not

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            with Vertical(id="meetings-pane"):
                yield MeetingList(id="meetings", empty_text="No meetings match.")
                yield Static(id="empty-help")
                yield Input(placeholder="filter: body, title or year", id="filter")
            yield AgendaTree(id="agenda")
            yield Reader(id="reader")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#meetings-pane").border_title = "Meetings"
        self.query_one("#agenda").border_title = "Agenda"
        self.query_one("#reader").border_title = "Text"
        self.query_one("#filter").display = False
        self.reload()

    # --- panes ---------------------------------------------------------------------------------

    @property
    def meeting_list(self) -> MeetingList:
        return self.query_one("#meetings", MeetingList)

    @property
    def agenda(self) -> AgendaTree:
        return self.query_one("#agenda", AgendaTree)

    @property
    def reader(self) -> Reader:
        return self.query_one("#reader", Reader)

    def reload(self) -> None:
        """Show the app's archive from the top (after start-up or a switch to the demo)."""
        archive = self.app.archive
        source = archive_source(archive)
        self.meeting_count = source.total
        empty = source.total == 0
        self.set_class(empty, "-empty")
        self.query_one("#empty-help", Static).update(empty_archive_help(str(archive.path)) if empty else "")
        self.agenda.clear()
        self.reader.clear()
        self._meeting = None
        self._open_next = True
        self.meeting_list.set_source(source)
        self._set_count(source.total)
        self.meeting_list.focus()
        self.refresh_bindings()
        if empty:
            self.app.first_screen_shown()

    def _set_count(self, shown: int, of: int | None = None) -> None:
        label = f"Meetings ({shown})" if of is None else f"Meetings ({shown} of {of})"
        self.query_one("#meetings-pane").border_title = label

    def _set_reading(self, reading: bool) -> None:
        self.set_class(reading, "-reading")

    @on(RowList.Highlighted, "#meetings")
    def _meeting_highlighted(self, event: RowList.Highlighted) -> None:
        if self._open_next or self.app.follow_cursor:
            self._show_row(event.row)
        self._open_next = False

    @on(RowList.Selected, "#meetings")
    def _meeting_selected(self, event: RowList.Selected) -> None:
        self._show_row(event.row)
        self.agenda.focus()

    def _show_row(self, row: object) -> None:
        assert isinstance(row, MeetingRow)
        if self._meeting is None or self._meeting.id != row.id:
            self._load_meeting(row.id, self._target)
        self._target = Target()

    def _load_meeting(self, meeting_id: int, target: Target) -> None:
        self._request += 1
        self._fetch_meeting(meeting_id, target, self._request)

    @work(thread=True, exclusive=True, group="meeting")
    def _fetch_meeting(self, meeting_id: int, target: Target, request: int) -> None:
        archive = self.app.archive
        meeting = archive.meeting(meeting_id)
        if meeting is None:
            return
        details = MeetingDetails(meeting, archive.items(meeting_id), archive.attendance(meeting_id))
        self.app.call_from_thread(self._show_meeting, details, target, request)

    def _show_meeting(self, details: MeetingDetails, target: Target, request: int) -> None:
        if request != self._request:
            return  # the user has moved on
        self._meeting = details.meeting
        self.agenda.border_title = f"Agenda · {details.meeting.date or 'undated'}"
        self.agenda.show_meeting(details.items, details.attendance, target.item_id, target.participants)
        if target.read:
            self.open_reader()
        self.app.first_screen_shown()

    @on(Tree.NodeHighlighted, "#agenda")
    def _entry_highlighted(self, event: Tree.NodeHighlighted[AgendaEntry]) -> None:
        self._show_entry(event.node.data)

    @on(Tree.NodeSelected, "#agenda")
    def _entry_selected(self, event: Tree.NodeSelected[AgendaEntry]) -> None:
        self._show_entry(event.node.data)
        self.open_reader()

    def _show_entry(self, entry: AgendaEntry | None) -> None:
        if self._meeting is None or entry is None:
            return
        if isinstance(entry, ParticipantsEntry):
            self.reader.show_attendance(self._meeting, entry.attendance)
        else:
            self.reader.show_item(self._meeting, entry)

    def action_pane(self, step: int) -> None:
        """Tab order meetings -> agenda -> reader, including the reader hidden at 80 columns."""
        panes = [self.meeting_list, self.agenda, self.reader]
        current = next((i for i, pane in enumerate(panes) if pane is self.focused), 0)
        target = panes[(current + step) % len(panes)]
        if target is self.reader:
            self.open_reader()
        else:
            target.focus()

    def open_reader(self) -> None:
        self._set_reading(True)
        self.reader.focus()

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()
        focused = self.focused
        if focused is self.reader:
            self._set_reading(True)
        elif focused is self.meeting_list or (focused is not None and focused.id == "filter"):
            self._set_reading(False)

    # --- opening from elsewhere (search, person view, palette) ---------------------------------

    def open_meeting(self, meeting_id: int, item_id: int | None = None, participants: bool = False) -> None:
        """Select a meeting in the list and show it, with an item or the participants in the reader."""
        self._close_filter()
        self._find_in_list(meeting_id, Target(item_id, participants, read=item_id is not None or participants))

    @work(thread=True, exclusive=True, group="find")
    def _find_in_list(self, meeting_id: int, target: Target) -> None:
        position = self.app.archive.meeting_position(meeting_id)
        if position is not None:
            self.app.call_from_thread(self._go_to, meeting_id, position, target)

    def _go_to(self, meeting_id: int, position: int, target: Target) -> None:
        self._meeting = None
        self._target = target  # used when the list announces the meeting under its cursor
        self._open_next = True
        self.meeting_list.move_to(position)
        if not target.read:
            self.agenda.focus()

    # --- filter --------------------------------------------------------------------------------

    def action_filter(self) -> None:
        filter_input = self.query_one("#filter", Input)
        filter_input.display = True
        self._set_reading(False)
        filter_input.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._run_filter(event.value)

    @work(thread=True, exclusive=True, group="filter")
    def _run_filter(self, text: str) -> None:
        archive = self.app.archive
        if text.strip():
            rows = archive.filter_meetings(text)
            source: RowSource[MeetingRow] = RowSource.from_list(rows)
            total = archive.meeting_count()
        else:
            source, total = archive_source(archive), None
        self.app.call_from_thread(self._show_filtered, text, source, total)

    def _show_filtered(self, text: str, source: RowSource[MeetingRow], total: int | None) -> None:
        if self.query_one("#filter", Input).value != text:
            return  # typed on since
        self.meeting_list.set_source(source)
        self._set_count(source.total, total)

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.meeting_list.focus()

    def _close_filter(self) -> None:
        filter_input = self.query_one("#filter", Input)
        if filter_input.display:
            filter_input.display = False
            if filter_input.value:
                filter_input.value = ""  # Changed reloads all meetings
            self.meeting_list.focus()

    def action_demo(self) -> None:
        self.app.action_open_demo()

    # --- back ----------------------------------------------------------------------------------

    def action_back(self) -> None:
        if self.query_one("#filter", Input).display:
            self._close_filter()
        elif self.has_class("-reading"):
            self._set_reading(False)
            self.agenda.focus()
        elif self.focused is self.agenda:
            self.meeting_list.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "demo":
            return self.has_class("-empty")
        if action == "filter":
            return not self.has_class("-empty")
        if action == "back":
            return self.query_one("#filter").display or self.has_class("-reading") or self.focused is self.agenda
        return True
