"""The agenda pane: a meeting's items as a tree (number + title), after an entry for who attended."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from importers.archive import AttendanceRow, ItemRow

from .labels import literal


@dataclass(frozen=True)
class ParticipantsEntry:
    """The tree's first entry; the reader shows the attendance list for it."""

    attendance: tuple[AttendanceRow, ...]


AgendaEntry = ItemRow | ParticipantsEntry


def participants_label(attendance: tuple[AttendanceRow, ...]) -> Text:
    present = [a for a in attendance if a.status == "present"]
    remote = sum(1 for a in present if a.remote)
    absent = len(attendance) - len(present)
    details = [f"{len(present)} present"]
    if remote:
        details.append(f"{remote} remote")
    if absent:
        details.append(f"{absent} absent")
    return Text(f"Participants ({', '.join(details)})", style="italic")


def item_label(item: ItemRow) -> Text:
    label = Text()
    if item.number:
        label.append_text(literal(item.number, style="bold"))
        label.append(" ")
    label.append_text(literal(item.title or "(untitled)"))
    return label


class AgendaTree(Tree[AgendaEntry]):
    """Items of one meeting; `Enter` opens the highlighted entry in the reader."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="agenda.down"),
        Binding("k", "cursor_up", "Up", show=False, id="agenda.up"),
        Binding("enter", "select_cursor", "Read", id="agenda.read"),
        Binding("space", "toggle_node", "Fold", id="agenda.fold"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(Text("Agenda"), **kwargs)
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = 2

    def show_meeting(
        self, items: list[ItemRow], attendance: list[AttendanceRow], item_id: int | None, participants: bool
    ) -> None:
        """Replace the tree with this meeting's entries, the cursor on `item_id`, on the participants,
        or on the first item; the move posts `NodeHighlighted` like any cursor move."""
        self.clear()
        entry = ParticipantsEntry(tuple(attendance))
        first = self.root.add_leaf(participants_label(entry.attendance), data=entry)
        nodes: dict[int, TreeNode[AgendaEntry]] = {}
        parents = {item.parent_id for item in items}
        for item in items:
            parent = nodes.get(item.parent_id, self.root)  # type: ignore[arg-type]
            if item.id in parents:
                nodes[item.id] = parent.add(item_label(item), data=item, expand=True)
            else:
                nodes[item.id] = parent.add_leaf(item_label(item), data=item)
        if participants or not items:
            wanted = first
        else:
            wanted = nodes.get(item_id, nodes[items[0].id]) if item_id is not None else nodes[items[0].id]
        _ = self.last_line  # lay out the lines now, so the node knows its line
        self.cursor_line = -1  # a move to the same line number must still announce the new node
        self.move_cursor(wanted)
