"""The floor for start-up time: a bare Textual app with the same widgets as the main screen and
no archive. `run.py` starts it exactly as it starts minutes-tui and waits for the same text."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Input, Static, Tree


class BareApp(App[None]):
    CSS = """
    #meetings-pane, #agenda, #reader { border: round $primary; width: 1fr; }
    """
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        with Horizontal():
            with Vertical(id="meetings-pane"):
                yield Static("2026-05-25 A meeting")
                yield Input(id="filter")
            yield Tree("Participants", id="agenda")
            yield Static(id="reader")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#meetings-pane").border_title = "Meetings (1)"
        self.query_one("#filter").display = False


if __name__ == "__main__":
    BareApp().run()
