"""The data that flows from readers through the recogniser into the archive.

Readers turn a file into `Block`s; the structure recogniser turns blocks into a `Meeting`.
Nothing here knows about SQL or the user interface.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from operator import attrgetter
from typing import Literal

BlockKind = Literal["line", "heading", "list_item", "table_row", "blank"]
Status = Literal["present", "absent"]
DateSource = Literal["title", "text", "filename"]


@dataclass(slots=True)  # not frozen: a frozen dataclass is three times slower to make, and readers make many
class Block:
    """One unit of a document as a reader saw it; never changed once made (`dataclasses.replace` makes
    a changed copy).

    `text` is plain text with inline markup (Markdown emphasis, links) removed.
    `level` is the heading level (1 = top) for headings and the nesting depth (0 = top) for
    list items. `cells` holds the cells of a table row (Word/HTML tables, or a tab-separated
    line). `page` is the page number where the format has pages.
    """

    text: str
    kind: BlockKind = "line"
    level: int = 0
    bold: bool = False
    number: str | None = None  # a list number the format itself rendered (Word auto-numbering)
    cells: tuple[str, ...] = ()
    page: int | None = None


#: An empty line's block, shared: readers make one for every blank line, and blocks are not changed.
BLANK = Block("", kind="blank")


@dataclass
class Document:
    """What a reader hands to the recogniser."""

    path: str
    format: str  # "text", "markdown", ...
    blocks: list[Block]
    text: str  # the whole decoded text, normalised (kept as the raw text of the meeting)


def _pickled_as_fields(cls: type) -> type:
    """Pickle a dataclass as its field values in order: unpickled in half the time of the default (a
    dict per object), which counts when worker processes send the importer every meeting's people and
    items."""
    values = attrgetter(*(f.name for f in fields(cls)))

    def __reduce__(self: object) -> tuple[type, tuple]:
        return cls, values(self)

    cls.__reduce__ = __reduce__
    return cls


@_pickled_as_fields
@dataclass
class Participant:
    name: str
    status: Status = "present"
    remote: bool = False
    role: str | None = None
    affiliation: str | None = None
    note: str | None = None  # e.g. "punkt 6–9": attended only those items
    group: str | None = None  # the heading the name stood under ("Ledamöter", "Från SCB")
    written_as: str | None = None  # the name as the document spells it, when OCR repair changed it
    raw: str = ""  # the line as written


@_pickled_as_fields
@dataclass
class Item:
    number: str | None
    title: str
    text: str = ""
    children: list[Item] = field(default_factory=list)


@dataclass
class Meeting:
    title: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD, only when the document or file name states it
    date_source: DateSource | None = None
    inferred_year: int | None = None  # a year guessed from the text; never shown as a date
    body: str | None = None  # the body that met ("MONA referensgrupp", "Board of Directors")
    participants: list[Participant] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    ocr_damaged: bool = False
    source_path: str | None = None
    format: str | None = None
    raw_text: str = ""
    ocr_repaired: bool = False  # å/ä/ö that OCR broke were put back (importers/repair.py)
    repaired_text: str | None = None  # the text after repair; raw_text keeps the text as read

    def to_json(self) -> dict:
        """The parse in the form `minutes-tui parse --json` prints (see README)."""
        return {
            "title": self.title,
            "date": self.date,
            "date_source": self.date_source,
            "inferred_year": self.inferred_year,
            "body": self.body,
            "ocr_damaged": self.ocr_damaged,
            "participants": [asdict(p) for p in self.participants],
            "items": [_item_json(i) for i in self.items],
        }


def _item_json(item: Item) -> dict:
    return {
        "number": item.number,
        "title": item.title,
        "text": item.text,
        "children": [_item_json(c) for c in item.children],
    }
