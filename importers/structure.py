"""The structure recogniser: from a reader's Blocks to a Meeting.

It looks only at Blocks, so every reader (text, Markdown, and later Word, PDF, HTML) shares it.
The work is split into small modules: `header` (title, body, date), `attendance` (participants),
`agenda` (the item tree), `noise` (page markers, running headers, signatures) and `ocr`.
"""

from __future__ import annotations

from pathlib import Path

from .agenda import build_items, find_starts, looks_like_item, planned_agenda, summary_lists
from .attendance import absentees_in_text, attendance_header, find_attendance, role_line
from .dates import guess_year
from .header import find_date, find_title, is_header_info, title_and_body
from .model import Block, Document, Item, Meeting, Participant
from .noise import is_signature_cue, noise_indices
from .ocr import looks_ocr_damaged
from .vocabulary import ABSENCE_WORDS, fold

_HEAD_LIMIT = 40  # the title is looked for among this many blocks at most


def recognise(doc: Document, ocr_damaged: bool | None = None) -> Meeting:
    """Recover title, date, body, participants and agenda items from a document's blocks.

    `ocr_damaged`: whether OCR damaged the text, when the caller has looked already (None: look here).
    """
    blocks = doc.blocks
    noise = noise_indices(blocks)
    attendance = find_attendance(blocks, skip=noise)
    title_index = find_title(blocks, _head_limit(blocks, attendance.consumed))
    title, body = title_and_body(blocks, title_index)

    skip = noise | attendance.consumed | _head_lines(blocks, title_index)
    planned, outline = planned_agenda(blocks, skip)
    skip |= planned | summary_lists(blocks, skip)
    all_starts = find_starts(blocks, skip, outline)
    end = _signature_start(blocks, skip, all_starts)
    # the items are looked for again without the signature block, which can change how they read
    starts = all_starts if end == len(blocks) else [s for s in find_starts(blocks[:end], skip, outline)
                                                    if s.index < end]
    items = build_items(blocks, starts, skip, end) if starts else []
    participants = attendance.participants + _absentees_in_items(items, attendance.participants)

    first_item = starts[0].index if starts else end
    head_texts = [b.text for i, b in enumerate(blocks[:first_item]) if i != title_index and i not in noise]
    head_texts += [b.text for b in blocks if is_header_info(b.text)]
    date, source = find_date(title, head_texts, Path(doc.path).name)
    return Meeting(
        title=title,
        date=date.isoformat() if date else None,
        date_source=source,
        inferred_year=None if date else guess_year(doc.text),
        body=body,
        participants=participants,
        items=items,
        ocr_damaged=looks_ocr_damaged(doc.text) if ocr_damaged is None else ocr_damaged,
        source_path=doc.path,
        format=doc.format,
        raw_text=doc.text,
    )


def _head_limit(blocks: list[Block], attendance: set[int]) -> int:
    """The title stands before the attendance list and before any numbered item."""
    limit = min([_HEAD_LIMIT, len(blocks), *attendance])
    for i, block in enumerate(blocks[:limit]):
        if attendance_header(block.text) or role_line(block.text) or looks_like_item(block):
            return i
    return limit


def _head_lines(blocks: list[Block], title_index: int | None) -> set[int]:
    """The title, everything above it (an author block) and "Datum: ..." lines: never items."""
    head = set(range(title_index + 1)) if title_index is not None else set()
    return head | {i for i, b in enumerate(blocks) if b.kind != "heading" and is_header_info(b.text)}


def _signature_start(blocks: list[Block], skip: set[int], starts: list) -> int:
    """Index where the signature block begins, or the end of the document.

    Signatures come after the items: a cue above the first item (a kommun protocol's "Underskrifter"
    box) or above a later numbered item or heading ("Approved by General Consent." inside item 3) is not
    where the minutes end.
    """
    strong = [s.index for s in starts if s.kind in ("numbered", "heading", "topic")]
    after = max(strong) if strong else starts[0].index if starts else -1
    seen_content = False
    for i, block in enumerate(blocks):
        if i in skip or block.kind == "blank":
            continue
        if seen_content and i > after and is_signature_cue(block.text):
            return i
        seen_content = True
    return len(blocks)


def _absentees_in_items(items: list[Item], people: list[Participant]) -> list[Participant]:
    """People whose apologies are minuted in an item ("24/042 Apologies for absence") and not listed."""
    found: list[Participant] = []
    for item in items:
        title = fold(item.title)
        if any(word in title for word in ABSENCE_WORDS):
            found += absentees_in_text(item.text, people + found)
        found += _absentees_in_items(item.children, people + found)
    return found
