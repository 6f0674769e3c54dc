"""The minutes-tui application: owns the open archive and the search index, and routes between screens.

Start-up paints first and works afterwards: the meeting list reads a count and one page, and the
search index is built in a thread worker once the screen is up. Searches that arrive before the
index is ready wait for it in their own thread, never on the event loop.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType

from importers.archive import Archive

from .screens.help import HelpScreen
from .screens.main import MainScreen
from .screens.palette import AppCommands, MeetingCommands, PeopleCommands
from .screens.people import PeopleScreen
from .screens.person import PersonScreen
from .screens.search import SearchScreen
from .search import SearchIndex


class MinutesApp(App[None]):
    TITLE = "minutes-tui"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {MeetingCommands, PeopleCommands, AppCommands}
    ENABLE_COMMAND_PALETTE = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark,f1", "help", "Help", key_display="?", id="app.help"),
        Binding("slash,ctrl+f", "search", "Search", key_display="/", id="app.search"),
        Binding("p", "people", "People", id="app.people"),
        Binding("t", "toggle_dark", "Light/dark", show=False, id="app.toggle_dark"),
    ]

    def __init__(self, archive_path: Path, *, animate: bool = True) -> None:
        super().__init__()
        self.archive = Archive(archive_path)
        self._index: SearchIndex | None = None
        self._index_ready = threading.Event()
        self._demo_folder: Path | None = None
        if not animate:
            self.animation_level = "none"

    def on_mount(self) -> None:
        self.push_screen(MainScreen())
        self._build_index(self.archive)

    def on_unmount(self) -> None:
        self.archive.close()
        if self._demo_folder:
            shutil.rmtree(self._demo_folder, ignore_errors=True)

    # --- the search index ----------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="index")
    def _build_index(self, archive: Archive) -> None:
        index = SearchIndex(archive)
        if archive is self.archive:
            self._index = index
            self._index_ready.set()

    def search_index(self) -> SearchIndex:
        """The index, waiting for it if it is still being built. Call from a thread worker only."""
        self._index_ready.wait()
        assert self._index is not None
        return self._index

    @property
    def index_ready(self) -> bool:
        return self._index_ready.is_set()

    # --- archives ------------------------------------------------------------------------------

    def use_archive(self, path: Path) -> None:
        """Switch to another archive file (the demo) and show it from the top."""
        old = self.archive
        self.archive = Archive(path)
        self._index, self._index_ready = None, threading.Event()
        old.close()
        self._build_index(self.archive)
        while not isinstance(self.screen, MainScreen):
            self.pop_screen()
        self.screen.reload()

    def action_open_demo(self) -> None:
        self.notify("Building the demo archive…", timeout=3)
        self._build_demo()

    @work(thread=True, exclusive=True, group="demo")
    def _build_demo(self) -> None:
        from .demo import build_demo_archive  # the parser loads only when the demo is asked for

        folder = Path(tempfile.mkdtemp(prefix="minutes-tui-demo-"))
        try:
            path = build_demo_archive(folder)
        except Exception as error:  # noqa: BLE001 - any failure is reported, the app stays up
            shutil.rmtree(folder, ignore_errors=True)
            self.call_from_thread(self.notify, f"The demo could not be built: {error}", severity="error")
            return
        self.call_from_thread(self._switch_to_demo, folder, path)

    def _switch_to_demo(self, folder: Path, path: Path) -> None:
        if self._demo_folder:
            shutil.rmtree(self._demo_folder, ignore_errors=True)
        self._demo_folder = folder
        self.use_archive(path)

    # --- navigation ----------------------------------------------------------------------------

    @property
    def main_screen(self) -> MainScreen:
        return next(s for s in self.screen_stack if isinstance(s, MainScreen))

    def _back_to_main(self) -> MainScreen:
        while not isinstance(self.screen, MainScreen):
            self.pop_screen()
        return self.screen

    def open_meeting(self, meeting_id: int, item_id: int | None = None, participants: bool = False) -> None:
        self._back_to_main().open_meeting(meeting_id, item_id, participants)

    def open_person(self, person_id: int) -> None:
        self.push_screen(PersonScreen(person_id))

    def action_search(self) -> None:
        if isinstance(self.screen, SearchScreen):
            self.screen.new_query()
            return
        self._back_to_main()
        self.push_screen(SearchScreen())

    def action_people(self) -> None:
        if not isinstance(self.screen, PeopleScreen):
            self._back_to_main()
            self.push_screen(PeopleScreen())

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_dark(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"
