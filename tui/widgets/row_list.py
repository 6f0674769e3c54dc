"""A virtual list: one line per row, rows fetched a page at a time in a thread, never one widget per row.

Only the lines on screen are rendered (`render_line`), and a row is fetched from its `RowSource`
when it first scrolls into view. That keeps 10,000 meetings as cheap at start-up as ten.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar, Generic, TypeVar

from rich.style import Style
from rich.text import Text
from textual import events, work
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

T = TypeVar("T")

PAGE_SIZE = 200


class RowSource(Generic[T]):
    """Rows by index. `fetch(offset, limit)` may be slow (SQL) and is called from a thread."""

    def __init__(self, total: int, fetch: Callable[[int, int], Sequence[T]]) -> None:
        self.total = total
        self._fetch = fetch
        self._pages: dict[int, list[T]] = {}

    @classmethod
    def from_list(cls, rows: Sequence[T]) -> RowSource[T]:
        source = cls(len(rows), lambda offset, limit: rows[offset : offset + limit])
        source._pages = {page: list(rows[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]) for page in source._all_pages()}
        return source

    def _all_pages(self) -> range:
        return range((self.total + PAGE_SIZE - 1) // PAGE_SIZE)

    def get(self, index: int) -> T | None:
        page = self._pages.get(index // PAGE_SIZE)
        if page is None or index % PAGE_SIZE >= len(page):
            return None
        return page[index % PAGE_SIZE]

    def has_page(self, page: int) -> bool:
        return page in self._pages

    def fetch_page(self, page: int) -> list[T]:
        return list(self._fetch(page * PAGE_SIZE, PAGE_SIZE))

    def store_page(self, page: int, rows: list[T]) -> None:
        self._pages[page] = rows


class RowList(ScrollView, Generic[T], can_focus=True):
    """A keyboard-driven list over a `RowSource`; subclasses say how a row looks (`format_row`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor(1)", "Down", show=False, id="list.down"),
        Binding("up,k", "cursor(-1)", "Up", show=False, id="list.up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="list.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="list.page_up"),
        Binding("g", "first", "First", show=False, id="list.first"),
        Binding("G", "last", "Last", show=False, id="list.last"),
        Binding("enter", "select", "Open", id="list.open"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"row-list--cursor", "row-list--placeholder"}
    DEFAULT_CSS = """
    RowList { height: 1fr; }
    RowList > .row-list--cursor { background: $block-cursor-blurred-background; }
    RowList:focus > .row-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
    RowList > .row-list--placeholder { color: $text-muted; }
    """

    cursor: reactive[int] = reactive(0, always_update=True, init=False, repaint=False)  # watch_cursor redraws

    class Highlighted(Message):
        def __init__(self, row_list: RowList, index: int, row: object) -> None:
            super().__init__()
            self.row_list = row_list
            self.index = index
            self.row = row

        @property
        def control(self) -> RowList:
            return self.row_list

    class Selected(Highlighted):
        pass

    def __init__(self, source: RowSource[T] | None = None, empty_text: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self.source: RowSource[T] = source or RowSource.from_list([])
        self.empty_text = empty_text
        self._loading: set[tuple[int, int]] = set()

    # --- data ----------------------------------------------------------------------------------

    def set_source(self, source: RowSource[T], cursor: int = 0) -> None:
        """Show other rows (a filter, a reload); pages still loading for the old rows are dropped."""
        self.source = source
        self._loading.clear()
        self.virtual_size = Size(self.size.width, source.total)
        self.refresh()
        self.move_to(cursor)

    @property
    def current(self) -> T | None:
        return self.source.get(self.cursor) if self.source.total else None

    def _row(self, index: int) -> T | None:
        row = self.source.get(index)
        if row is None and 0 <= index < self.source.total:
            self._request_page(index // PAGE_SIZE)
        return row

    def _request_page(self, page: int) -> None:
        key = (id(self.source), page)
        if key not in self._loading:
            self._loading.add(key)
            self._load_page(self.source, page)

    @work(thread=True, group="row-pages")
    def _load_page(self, source: RowSource[T], page: int) -> None:
        rows = source.fetch_page(page)
        self.app.call_from_thread(self._page_loaded, source, page, rows)

    def _page_loaded(self, source: RowSource[T], page: int, rows: list[T]) -> None:
        if source is not self.source:
            return  # stale: the list shows other rows now
        source.store_page(page, rows)
        self._loading.discard((id(source), page))
        self.refresh()
        if self.cursor // PAGE_SIZE == page:
            self._announce()

    # --- rendering -----------------------------------------------------------------------------

    def format_row(self, row: T, width: int) -> Text:
        return Text(str(row))

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = self.scroll_offset.y + y
        base = self.rich_style
        if not self.source.total:
            text = Text(self.empty_text if y == 0 else "", style=self.get_component_rich_style("row-list--placeholder"))
            return self._strip(text, width, base)
        if index >= self.source.total:
            return Strip.blank(width, base)
        row = self._row(index)
        if row is None:
            text = Text("…", style=self.get_component_rich_style("row-list--placeholder"))
        else:
            text = self.format_row(row, width)
        style = base + self.get_component_rich_style("row-list--cursor") if index == self.cursor else base
        return self._strip(text, width, style)

    def _strip(self, text: Text, width: int, style: Style) -> Strip:
        text.truncate(width, overflow="ellipsis")
        return Strip(text.render(self.app.console), text.cell_len).apply_style(style).crop_extend(0, width, style)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, self.source.total)

    # --- cursor --------------------------------------------------------------------------------

    def move_to(self, index: int) -> None:
        self.cursor = max(0, min(index, self.source.total - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        # Only the two rows that change are redrawn: a cursor move costs a few hundred bytes on the
        # wire, not the whole pane (scrolling redraws what it must).
        self.refresh_line(old)
        self.refresh_line(new)
        self._scroll_to_cursor()
        self._announce()

    def _announce(self) -> None:
        row = self.current
        if row is not None:
            self.post_message(self.Highlighted(self, self.cursor, row))

    def _scroll_to_cursor(self) -> None:
        height = self.scrollable_content_region.height or 1
        top = self.scroll_offset.y
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def action_cursor(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        self.move_to(self.cursor + direction * max(1, self.scrollable_content_region.height - 1))

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(self.source.total - 1)

    def action_select(self) -> None:
        row = self.current
        if row is not None:
            self.post_message(self.Selected(self, self.cursor, row))

    def on_click(self, event: events.Click) -> None:
        index = self.scroll_offset.y + event.y
        if 0 <= index < self.source.total:
            if index == self.cursor and event.chain >= 2:
                self.action_select()
            self.move_to(index)
