"""All people, filtered as you type: name, affiliation and number of meetings; Enter opens one."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Input

from importers.archive import Person
from importers.people import fold, fold_name

from ..widgets.labels import literal
from ..widgets.row_list import RowList, RowSource

if TYPE_CHECKING:
    from ..app import MinutesApp


class PeopleList(RowList[Person]):
    def format_row(self, row: Person, width: int) -> Text:
        line = literal(row.name, style="bold")
        if row.affiliation:
            line.append("  ")
            line.append_text(literal(row.affiliation, style="dim"))
        line.append(f"  {row.meeting_count}", style="italic")
        return line


def _filter_key(person: Person) -> str:
    """Every spelling and the affiliation, folded once, for a substring filter."""
    spellings = " | ".join(fold_name(a) for a in [person.name, *person.aliases])
    return f"{spellings} | {fold(person.affiliation or '')}"


class PeopleScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="people.back"),
        Binding("down", "move(1)", "Next", show=False, id="people.next"),
        Binding("up", "move(-1)", "Previous", show=False, id="people.previous"),
        Binding("enter", "open", "Open", id="people.open"),
    ]

    app: MinutesApp

    def __init__(self) -> None:
        super().__init__()
        self._people: list[tuple[str, Person]] = []

    def compose(self) -> ComposeResult:
        yield Input(placeholder="filter people by name or affiliation", id="people-filter")
        yield PeopleList(id="people", empty_text="Loading…")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#people-filter", Input).focus()
        self._load()

    @work(thread=True, exclusive=True, group="people")
    def _load(self) -> None:
        people = [(_filter_key(p), p) for p in self.app.archive.people()]
        self.app.call_from_thread(self._loaded, people)

    def _loaded(self, people: list[tuple[str, Person]]) -> None:
        self._people = people
        self.query_one(PeopleList).empty_text = "Nobody matches."
        self._apply(self.query_one("#people-filter", Input).value)

    @on(Input.Changed, "#people-filter")
    def _changed(self, event: Input.Changed) -> None:
        self._apply(event.value)

    def _apply(self, text: str) -> None:
        words = fold_name(text).split()
        shown = [p for key, p in self._people if all(w in key for w in words)]
        people_list = self.query_one(PeopleList)
        people_list.set_source(RowSource.from_list(shown))
        people_list.border_title = f"People ({len(shown)} of {len(self._people)})"

    def action_move(self, delta: int) -> None:
        self.query_one(PeopleList).action_cursor(delta)

    @on(Input.Submitted, "#people-filter")
    def action_open(self) -> None:
        self.query_one(PeopleList).action_select()

    @on(RowList.Selected, "#people")
    def _open(self, event: RowList.Selected) -> None:
        person = event.row
        assert isinstance(person, Person)
        self.app.open_person(person.id)
