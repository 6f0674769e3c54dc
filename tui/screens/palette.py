"""Command palette (ctrl+p) providers: open a meeting by title, go to a person, app commands.

Document strings are shown as `Text` with our own highlighting: the palette's own
`matcher.highlight` parses markup, which a title like '[bold]' would break.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from importers.people import fold

from ..widgets.labels import highlighted, literal, meeting_when

if TYPE_CHECKING:
    from ..app import MinutesApp

PALETTE_LIMIT = 20


def _spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where the folded query occurs in the folded text (folding keeps Swedish letters 1:1)."""
    folded, needle = fold(text), fold(query)
    at = folded.find(needle) if needle else -1
    return [(at, at + len(needle))] if at >= 0 and len(folded) == len(text) else []


class MeetingCommands(Provider):
    """'Open meeting: …' for meetings whose title, body or year contain what was typed."""

    @property
    def _app(self) -> MinutesApp:
        return self.app  # type: ignore[return-value]

    async def search(self, query: str) -> Hits:
        archive = self._app.archive
        rows = await asyncio.to_thread(archive.filter_meetings, query, PALETTE_LIMIT)
        for rank, row in enumerate(rows):
            title = row.label
            prompt = Text("Open meeting: ")
            prompt.append_text(highlighted(title, _spans(title, query), style="bold"))
            prompt.append(f"  {meeting_when(row.date, row.inferred_year)} ", style="dim")
            prompt.append_text(literal(row.body or "", style="dim"))
            yield Hit(1.0 - rank / 100, prompt, partial(self._app.open_meeting, row.id), text=prompt.plain)


class PeopleCommands(Provider):
    """'Go to person: …' using the search index (forgiving accents and typos)."""

    @property
    def _app(self) -> MinutesApp:
        return self.app  # type: ignore[return-value]

    async def search(self, query: str) -> Hits:
        if not query.strip() or not self._app.index_ready:
            return
        index = self._app.search_index()
        people = await asyncio.to_thread(index.search_people, query)
        for rank, person in enumerate(people):
            prompt = Text("Go to person: ")
            prompt.append_text(highlighted(person.name, person.name_spans, style="bold"))
            prompt.append("  ")
            prompt.append_text(literal(person.affiliation or "", style="dim"))
            yield Hit(0.9 - rank / 100, prompt, partial(self._app.open_person, person.person_id), text=prompt.plain)


class AppCommands(Provider):
    """The app's own actions, so every one of them can also be found by name."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        app: MinutesApp = self.app  # type: ignore[assignment]
        return [
            ("Toggle light/dark theme", app.action_toggle_dark, "t"),
            ("Open the demo archive", app.action_open_demo, "throwaway archive of sample minutes"),
            ("Search people, topics and text", app.action_search, "/"),
            ("People list", app.action_people, "p"),
            ("Help: every key", app.action_help, "?"),
        ]

    async def discover(self) -> Hits:
        for name, command, help_text in self._commands():
            yield DiscoveryHit(name, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, command, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), command, help=help_text)
