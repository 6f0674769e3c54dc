"""The minutes-tui application: owns the open archive and the search index, and routes between screens.

Start-up paints first and works afterwards: the meeting list reads a count and one page, and the
search index is built in a thread worker once the screen is up and shows the first meeting.
Searches that arrive before the index is ready wait for it in their own thread, never on the event
loop.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.driver import Driver
from textual.filter import LineFilter
from textual.geometry import Size
from textual.widgets import Input

from importers.archive import Archive

from .ascii_output import ASCII_KEYS, AsciiFilter
from .diff_driver import ShadowedOutput, shadowed
from .screens.main import MainScreen
from .screens.palette import AppCommands, MeetingCommands, PeopleCommands
from .screens.too_small import TooSmallScreen
from .terminal import MIN_COLUMNS, MIN_ROWS, TerminalOptions

if TYPE_CHECKING:  # the search, help, people and person screens load when first used, not at start-up
    from .search import SearchIndex

# Themes by terminal: RGB themes where colours are plenty; with 16 colours (TERM=linux, screen,
# plain xterm) the terminal's own palette, whose pairs its user has made readable.
THEMES = {False: ("textual-dark", "textual-light"), True: ("ansi-dark", "ansi-light")}
FIRST_SCREEN_WAIT = 2.0  # seconds the search index waits for the first meeting to be shown


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
        Binding("r", "refresh", "Refresh", show=False, id="app.refresh"),
        Binding("ctrl+l", "redraw", "Redraw", show=False, id="app.redraw"),
        Binding("v", "toggle_preview", "Preview", show=False, id="app.toggle_preview"),
    ]

    def __init__(
        self,
        archive_path: Path,
        *,
        animate: bool = True,
        read_only: bool = False,
        terminal: TerminalOptions | None = None,
    ) -> None:
        self.terminal = terminal or TerminalOptions()  # before App.__init__, which asks for the driver
        # The theme this terminal will get (on_mount decides), set before App.__init__ builds the
        # stylesheet from it: a change of theme later re-parses and re-applies all CSS.
        self.set_reactive(App.theme, THEMES[self.terminal.sixteen_colours][0])
        super().__init__()
        self.archive = Archive(archive_path, read_only=read_only)
        self._index: SearchIndex | None = None
        self._index_ready = threading.Event()
        self._first_screen = threading.Event()  # the main screen shows its first meeting (see _build_index)
        self._demo_folder: Path | None = None
        self._ascii_filter = AsciiFilter(enabled=self.terminal.ascii)
        self.follow_cursor = self.terminal.follow_cursor  # v toggles it
        self._ansi_theme = False
        if not (animate and self.terminal.animate):
            self.animation_level = "none"

    def on_mount(self) -> None:
        self._ansi_theme = not self.is_headless and not self.no_color and self.console.color_system in (
            "standard",
            "windows",
        )
        theme = THEMES[self._ansi_theme][0]
        if self.theme != theme:  # usually chosen already (__init__), as the terminal options foresaw
            self.theme = theme
        self.call_after_refresh(self._build_index, self.archive)  # after the first paint
        self.fit_to(self.size)

    def get_default_screen(self) -> MainScreen:
        """The main screen is the app's first screen, composed with the app as Textual composes its
        default screen: pushed from on_mount instead, it was laid out and rendered once while Textual
        held back start-up's repaints, and that frame was thrown away (tens of ms before the first paint)."""
        return MainScreen()

    # --- the terminal --------------------------------------------------------------------------

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver for this terminal or browser, sending only the cells that changed."""
        driver_class = super().get_driver_class()
        if self.terminal.changes_only and driver_class.__name__ in ("LinuxDriver", "WebDriver"):
            return shadowed(driver_class)
        return driver_class

    def action_toggle_preview(self) -> None:
        follow = self.follow_cursor = not self.follow_cursor
        self.notify("The agenda follows the cursor." if follow else "The agenda shows the meeting you open (Enter).",
                    timeout=3)

    def action_redraw(self) -> None:
        """Draw the whole screen afresh: for a terminal garbled by another program or a flaky link."""
        if isinstance(self._driver, ShadowedOutput):
            self._driver.redraw()
        self.screen.refresh(repaint=True)

    def get_line_filters(self) -> Sequence[LineFilter]:
        return [*super().get_line_filters(), *([self._ascii_filter] if self._ascii_filter.enabled else [])]

    def get_key_display(self, binding: Binding) -> str:
        display = super().get_key_display(binding)
        return ASCII_KEYS.get(display, display) if self.terminal.ascii else display

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Text boxes keep a steady cursor: a blinking one repaints twice a second, forever, which
        over SSH or a remote desktop is traffic for nothing."""
        if isinstance(event.widget, Input):
            event.widget.cursor_blink = False

    def on_resize(self, event: events.Resize) -> None:
        if any(isinstance(screen, MainScreen) for screen in self.screen_stack):
            self.fit_to(event.size)

    def fit_to(self, size: Size) -> None:
        """Cover the app with a message while the terminal is too small for the panes."""
        minimum = Size(MIN_COLUMNS, MIN_ROWS)
        too_small = size.width < minimum.width or size.height < minimum.height
        covered = isinstance(self.screen, TooSmallScreen)
        if too_small and covered:
            self.screen.show_size(size)
        elif too_small:
            self.push_screen(TooSmallScreen(size, minimum))
        elif covered:
            self.pop_screen()

    def on_unmount(self) -> None:
        self._first_screen.set()  # an index build still waiting for it ends now
        self.archive.close()
        if self._demo_folder:
            shutil.rmtree(self._demo_folder, ignore_errors=True)

    # --- the search index ----------------------------------------------------------------------

    def first_screen_shown(self) -> None:
        """The main screen shows the first meeting (or an empty archive): start-up is done once it is painted."""
        if not self._first_screen.is_set():
            self.call_after_refresh(self._first_screen.set)

    @work(thread=True, exclusive=True, group="index")
    def _build_index(self, archive: Archive) -> None:
        # The index's queries hold the archive for a while: the first meeting's agenda is read first,
        # so start-up shows it as soon as before (FIRST_SCREEN_WAIT: in case it never comes).
        self._first_screen.wait(FIRST_SCREEN_WAIT)
        if archive.closed:
            return
        from .search import SearchIndex

        try:
            index = SearchIndex(archive)
        except sqlite3.Error:
            if archive.closed:  # the app quit, or switched archives, while the index was being built
                return
            raise
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

    def use_archive(self, path: Path, read_only: bool = False) -> None:
        """Switch to another archive file (the demo, or the same one afresh) and show it from the top."""
        old = self.archive
        self.archive = Archive(path, read_only=read_only)
        self._index, self._index_ready = None, threading.Event()
        old.close()
        self._build_index(self.archive)
        while not isinstance(self.screen, MainScreen):
            self.pop_screen()
        self.screen.reload()

    def action_refresh(self) -> None:
        """Open the archive afresh: meetings imported since start-up appear (other users' imports,
        or an archive shared read-only)."""
        before = self.main_screen.meeting_count  # what the list showed (an immutable archive reads
        self.use_archive(self.archive.path, read_only=self.archive.read_only)  # changes as they land)
        now = self.main_screen.meeting_count
        change = f"{now - before} new" if now > before else f"{before - now} removed" if now < before else "no changes"
        self.notify(f"Reloaded: {now} meetings, {change}.", timeout=4)

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
        from .screens.person import PersonScreen

        self.push_screen(PersonScreen(person_id))

    def action_search(self) -> None:
        from .screens.search import SearchScreen

        if isinstance(self.screen, SearchScreen):
            self.screen.new_query()
            return
        self._back_to_main()
        self.push_screen(SearchScreen())

    def action_people(self) -> None:
        from .screens.people import PeopleScreen

        if not isinstance(self.screen, PeopleScreen):
            self._back_to_main()
            self.push_screen(PeopleScreen())

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_dark(self) -> None:
        dark, light = THEMES[self._ansi_theme]
        self.theme = light if self.current_theme.dark else dark
