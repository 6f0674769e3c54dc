"""The search screen: type, and people, topics and text matches appear in groups.

Each key starts a search in a thread worker (exclusive, so an older one is superseded) and the
answer is shown only if the query is still the one in the box: a key press never waits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from ..search import PersonResult, SearchResults, TextResult, TopicResult
from ..widgets.labels import highlighted, literal, meeting_when

if TYPE_CHECKING:
    from ..app import MinutesApp

SearchResult = PersonResult | TopicResult | TextResult

HINT = "A name, a topic or words from the text; accents and small typos are forgiven."


def person_prompt(result: PersonResult) -> Text:
    line = highlighted(result.name, result.name_spans, style="bold")
    if result.written_as:
        line.append("  (written ")
        line.append_text(highlighted(result.written_as, result.written_as_spans))
        line.append(")")
    line.append("  ")
    line.append_text(highlighted(result.affiliation or "", result.affiliation_spans, style="dim"))
    count = result.meeting_count
    line.append(f"  {count} meeting{'s' if count != 1 else ''}", style="italic")
    return line


def _meeting_tag(date: str | None, inferred_year: int | None, body: str | None) -> Text:
    tag = Text(f"{meeting_when(date, inferred_year)} ", style="dim")
    tag.append_text(literal(body or "—", style="dim"))
    return tag


def topic_prompt(result: TopicResult) -> Text:
    line = highlighted(result.title, result.spans, style="bold")
    line.append("  ")
    line.append_text(_meeting_tag(result.date, result.inferred_year, result.body))
    return line


def text_prompt(result: TextResult) -> Text:
    line = literal(result.title, style="bold")
    line.append("  ")
    line.append_text(_meeting_tag(result.date, None, result.body))
    line.append("\n  ")
    line.append_text(highlighted(result.snippet.replace("\n", " "), result.spans))  # same length: spans hold
    return line


def _header(label: str, count: int) -> Option:
    return Option(Text(f"{label} ({count})", style="bold reverse"), disabled=True)


class SearchScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", id="search.back"),
        Binding("down", "move(1)", "Next", show=False, id="search.next"),
        Binding("up", "move(-1)", "Previous", show=False, id="search.previous"),
        Binding("enter", "open", "Open", id="search.open"),
        Binding("slash", "new_query", "New search", key_display="/", priority=True, id="search.new"),
    ]

    app: MinutesApp

    def __init__(self) -> None:
        super().__init__()
        self._results: list[SearchResult] = []

    def compose(self) -> ComposeResult:
        yield Input(placeholder="search people, topics, text", id="query")
        yield Static(Text(HINT, style="dim"), id="search-status")
        yield OptionList(id="results")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#query", Input).focus()

    @property
    def results_list(self) -> OptionList:
        return self.query_one("#results", OptionList)

    def new_query(self) -> None:
        query = self.query_one("#query", Input)
        query.value = ""
        query.focus()
        self._show(SearchResults(""))

    def action_new_query(self) -> None:
        self.new_query()

    @on(Input.Changed, "#query")
    def _query_changed(self, event: Input.Changed) -> None:
        if not event.value.strip():
            self._show(SearchResults(event.value))
            return
        if not self.app.index_ready:
            self._status(Text("Building the search index…", style="dim"))
        self._search(event.value)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, query: str) -> None:
        index = self.app.search_index()
        names = index.search_names(query)
        self.app.call_from_thread(self._show, names)
        if not get_current_worker().is_cancelled:  # a newer key press needs no text hits for this one
            self.app.call_from_thread(self._show, index.add_text_hits(names))

    def _show(self, results: SearchResults) -> None:
        if results.query != self.query_one("#query", Input).value:
            return  # stale: the user typed on
        options: list[Option | None] = []
        self._results = []
        groups: list[tuple[str, list, object]] = [
            ("People", results.people, person_prompt),
            ("Topics", results.topics, topic_prompt),
            (f"Text for “{results.text_query}”" if results.text_query else "Text", results.texts, text_prompt),
        ]
        for label, found, prompt in groups:
            if not found:
                continue
            options.append(_header(label, len(found)))
            for result in found:
                options.append(Option(prompt(result), id=str(len(self._results))))
                self._results.append(result)
        self.results_list.set_options(options)
        if self._results:
            self.results_list.highlighted = next(i for i, o in enumerate(self.results_list.options) if o.id)
            self._status(Text("↑↓ choose · Enter open · / new search · Esc back", style="dim"))
        elif results.query.strip():
            self._status(Text("No matches.", style="dim"))
        else:
            self._status(Text(HINT, style="dim"))

    def _status(self, text: Text) -> None:
        self.query_one("#search-status", Static).update(text)

    def action_move(self, delta: int) -> None:
        results = self.results_list
        if delta > 0:
            results.action_cursor_down()
        else:
            results.action_cursor_up()

    @on(Input.Submitted, "#query")
    def _submitted(self) -> None:
        self.action_open()

    @on(OptionList.OptionSelected, "#results")
    def _selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        index = self.results_list.highlighted
        if index is None:
            return
        option_id = self.results_list.get_option_at_index(index).id
        if option_id is None:
            return
        result = self._results[int(option_id)]
        if isinstance(result, PersonResult):
            self.app.open_person(result.person_id)
        else:
            self.app.open_meeting(result.meeting_id, item_id=result.item_id)

    def action_close(self) -> None:
        self.dismiss()
