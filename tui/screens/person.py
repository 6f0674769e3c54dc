"""The person view: every meeting a person attended or missed, newest first; Enter opens one."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Static

from importers.archive import Person, PersonMeeting

from ..widgets.labels import literal, meeting_when
from ..widgets.row_list import RowList, RowSource

if TYPE_CHECKING:
    from ..app import MinutesApp


def person_heading(person: Person) -> Text:
    heading = literal(person.name, style="bold")
    if person.affiliation:
        heading.append("  ")
        heading.append_text(literal(person.affiliation, style="dim"))
    others = [a for a in person.aliases if a != person.name]
    if others:
        heading.append("\nalso written: ", style="dim")
        heading.append_text(literal(", ".join(others), style="dim"))
    count = len(person.meetings)
    heading.append(f"\n{count} meeting{'s' if count != 1 else ''}", style="italic")
    return heading


class PersonMeetingList(RowList[PersonMeeting]):
    """date · status · body · role · title"""

    def format_row(self, row: PersonMeeting, width: int) -> Text:
        line = Text(f"{meeting_when(row.date, row.inferred_year):<10} ", style="" if row.date else "dim")
        status = "remote" if row.remote else row.status
        line.append(f"{status:<8}", style="bold" if row.status == "present" else "italic")
        line.append_text(literal(row.body or "—", style="bold"))
        if row.role:
            line.append(" · ")
            line.append_text(literal(row.role))
        line.append("  ")
        line.append_text(literal(row.label, style="dim"))
        return line


class PersonScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="person.back"),
    ]

    app: MinutesApp

    def __init__(self, person_id: int) -> None:
        super().__init__()
        self.person_id = person_id

    def compose(self) -> ComposeResult:
        yield Static(Text("…"), id="person-heading")
        yield PersonMeetingList(id="person-meetings", empty_text="No meetings.")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(PersonMeetingList).focus()
        self._load()

    @work(thread=True, exclusive=True, group="person")
    def _load(self) -> None:
        person = self.app.archive.person(self.person_id)
        if person is not None:
            self.app.call_from_thread(self._show, person)

    def _show(self, person: Person) -> None:
        self.query_one("#person-heading", Static).update(person_heading(person))
        self.query_one(PersonMeetingList).set_source(RowSource.from_list(person.meetings))

    @on(RowList.Selected, "#person-meetings")
    def _open(self, event: RowList.Selected) -> None:
        meeting = event.row
        assert isinstance(meeting, PersonMeeting)
        self.app.open_meeting(meeting.meeting_id, participants=True)
