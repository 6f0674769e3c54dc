"""The agenda as a tree of items: where items start, how they nest, and the text that belongs to each.

Two ways of marking items are recognised, chosen per document:
  - headings (Markdown or a format's own): nesting follows the heading level, relative to the levels
    used, and headings that read alike ("Anteckningar från grupp A", "... grupp B") are siblings even
    when the author gave them different levels;
  - numbered lines ("1.", "1)", "§ 12", "3.1", "Punkt 3", "Item 4"), with "Topic:" lines, unnumbered
    cue lines ("Inledning", "Next meeting", "AOB") at the top level and bold lines as sub-items.
    Numbering must go up: a "1." inside item 2 starts a list in that item, not a new item.
A document with neither falls back on short stand-alone lines as headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .dates import find_dates
from .model import Block, Item
from .vocabulary import (
    AGENDA_CUES,
    AGENDA_LIST_HEADERS,
    IN_ITEM_LABELS,
    ITEM_NUMBER_WORDS,
    MONTHS,
    NOT_ITEM_HEADINGS,
    REFERENCE_NUMBER_RE,
    SUBTOPIC_PREFIXES,
    SUMMARY_HEADINGS,
    TOPIC_PREFIXES,
    fold,
    match_prefix,
    match_term,
)

_SECTION = re.compile(r"^§\s*(?P<number>\d{1,4}[a-z]?)\b\s*[.:)\-–]?\s*(?P<title>.*)$")
_SECTION_AFTER = re.compile(r"^(?P<number>\d{1,4})\s*§\s*[.:)\-–]?\s*(?P<title>.*)$")  # "1 §  Öppnande"
_DOTTED = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2})+)\.?\s+(?P<title>.+)$")
_PLAIN = re.compile(r"^(?P<number>\d{1,2})\s*[.)]\s*(?P<title>\S.*)$")
_LETTER = re.compile(r"^\(?(?P<number>[a-h]|[A-H](?=\.))[.)]\s+(?P<title>\S.*)$")
_ROMAN = re.compile(r"^(?P<number>(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3}))\.\s+(?P<title>\S.*)$")
_SLASHED = re.compile(r"^(?P<number>\d{2,4}/\d{1,4})\.?\s+(?P<title>[^\d\s/].*)$")  # "24/041 Finance"
_BARE = re.compile(r"^(?P<number>\d{1,2})\s+(?P<title>[A-ZÅÄÖ][^\s\d]*(?:\s.*)?)$")  # "2 Programme status"
_LEADING_REFERENCE = re.compile(r"(?i)^(?:dnr|diarienr|diarienummer)\.?\s*[:.]?\s*(?:[A-ZÅÄÖ]{1,6}\s*)?"
                                r"\d{2,4}[/.:-]\d+\S*\s+")
_FOLDED_CUES = frozenset(fold(c) for c in AGENDA_CUES)
_LABEL_ITEM = re.compile(r"^(?P<label>[A-ZÅÄÖ][^:.;!?]{1,60}):(?:\s+(?P<rest>\S.*))?$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
_TIME_ONLY = re.compile(r"^[\d\s:.,–\-]*(?:kl\.?|at)?[\d\s:.,–\-]*$", re.IGNORECASE)
_MONTH_WORD = re.compile(r"(?i)(?<!\w)(?:" + "|".join(re.escape(m) for m in MONTHS) + r")\.?(?!\w)")
_MAX_TITLE_WORDS = 14
_MAX_TITLE_CHARS = 120
_MIN_WRAPPED_WORDS = 4  # a shorter numbered line followed by lower case text is still a heading


@dataclass
class Start:
    """A block where an item starts."""

    index: int
    number: str | None
    title: str
    depth: float  # nesting: smaller is higher in the tree
    kind: str  # "heading", "numbered", "sub", "letter", "topic", "subtopic", "cue", "bold", "line"
    bold: bool = False
    colon: bool = False  # the line ended with ":" (part of its style, with `bold`)
    shaped: bool = True  # reads like a heading (short, not a wrapped sentence)
    title_blocks: int = 1  # "§ 3" alone on a line takes its title from the next line
    style: str = ""  # how the number was written: "plain", "section", "roman", "bare", ...


@dataclass
class _Node:
    item: Item
    depth: float
    start: Start
    lines: list[str] = field(default_factory=list)


# --- numbers and titles -----------------------------------------------------------------------


def split_number(block: Block) -> tuple[str | None, str, str]:
    """(number, title, style) of a block: ("12", "Budget", "section") for "§ 12 Budget"."""
    text = block.text.strip()
    if block.number:
        return block.number.strip().rstrip(".)"), text, "plain"
    return _split_numbered_text(text)


@lru_cache(maxsize=1 << 16)  # asked of the same lines by several passes
def _split_numbered_text(text: str) -> tuple[str | None, str, str]:
    if m := _SECTION.match(text) or _SECTION_AFTER.match(text):
        return m["number"], m["title"].strip(), "section"
    if _number_after_first_words(text) and (found := match_prefix(text, ITEM_NUMBER_WORDS)):
        m = re.match(r"^(\d{1,3}[a-z]?)\s*[.:)\-–]?\s*(.*)$", found[1])
        if m:
            return m.group(1), m.group(2).strip(), "word"
    if m := _DOTTED.match(text):
        return m["number"], m["title"].strip(), "dotted"
    if m := _PLAIN.match(text):
        return m["number"], m["title"].strip(), "plain"
    if m := _ROMAN.match(text):
        return m["number"], m["title"].strip(), "roman"
    if m := _LETTER.match(text):
        return m["number"], m["title"].strip(), "letter"
    if m := _SLASHED.match(text):
        return m["number"], m["title"].strip(), "slashed"
    if (m := _BARE.match(text)) and not _is_date_only(text) and not _MONTH_WORD.match(m["title"]):
        return m["number"], m["title"].strip(), "bare"
    return None, text, ""


def _number_after_first_words(text: str) -> bool:
    """"Punkt 3", "Agenda item 4": the second or third word starts with a digit (a quick test that
    rules out most lines before they are matched against ITEM_NUMBER_WORDS, of one or two words)."""
    return any(word[:1].isdecimal() for word in text.split(None, 3)[1:3])


def number_value(number: str | None) -> int:
    """The value a top-level number counts up by: "3" -> 3, "XIV" -> 14, "24/041" -> 41."""
    number = (number or "").strip()
    if number and set(number) <= set(_ROMAN_VALUES):
        values = [_ROMAN_VALUES[c] for c in number]
        return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    digits = re.findall(r"\d+", number)
    if "/" in number and digits:
        return int(digits[-1])
    return int(digits[0]) if digits else 0


def _without_reference(title: str) -> str:
    """"Dnr KS 2024/123 Budget 2025" -> "Budget 2025"; a title that is only a reference becomes ""."""
    if REFERENCE_NUMBER_RE.match(title.strip()):
        return ""
    return _LEADING_REFERENCE.sub("", title.strip())


def clean_title(title: str) -> str:
    return title.strip().rstrip(":").strip().strip("*").strip()


def _is_title_shaped(title: str) -> bool:
    words = title.split()
    if not words or len(words) > _MAX_TITLE_WORDS or len(title) > _MAX_TITLE_CHARS:
        return False
    if title.endswith((",", ";")) or (title.endswith(".") and len(words) > 6):
        return False
    first = title.lstrip("\"'“”«(")[:1]
    return first.isupper() or first.isdigit()


def _continues(blocks: list[Block], i: int) -> bool:
    """True when the line after block `i` carries on its sentence (a wrapped paragraph, not a heading)."""
    if i + 1 >= len(blocks):
        return False
    following = blocks[i + 1]
    return following.kind == "line" and following.text[:1].islower() and not _LETTER.match(following.text)


def looks_like_item(block: Block) -> bool:
    """A numbered line, "§ 3", "Topic: X": the head of the document (title, date) ends here."""
    if block.kind == "heading":
        return False
    number, title, _ = split_number(block)
    if number and _is_title_shaped(clean_title(title)):
        return True
    return bool(_prefixed(block.text, TOPIC_PREFIXES) or _cue_title(block.text))


# --- finding starts ---------------------------------------------------------------------------


def _prefixed(text: str, prefixes) -> str | None:
    label, sep, rest = text.partition(":")
    return rest.strip() if sep and rest.strip() and match_term(label, prefixes) else None


def _cue_title(text: str) -> str | None:
    """"Nästa möte" / "AOB" / "Next meeting: 12 May" -> the cue part; None for other lines."""
    if not _is_title_shaped(text):
        return None
    if match_term(text, AGENDA_CUES):
        return clean_title(text)
    label, sep, _ = text.partition(":")
    return clean_title(label) if sep and fold(label.strip()) in _FOLDED_CUES else None


def _is_bold_heading(block: Block) -> bool:
    text = block.text.strip()
    return block.bold and _is_title_shaped(text) and not text.endswith(".") and block.kind != "table_row"


def _heading_start(i: int, block: Block) -> Start | None:
    text = block.text.strip()
    if not text or _TIME_ONLY.match(text) or _is_date_only(text):
        return None
    number, title, _ = split_number(block)
    return Start(i, number, clean_title(title) or text, float(block.level), "heading", bold=block.bold,
                 colon=text.endswith(":"))


def _is_date_only(text: str) -> bool:
    """"4 feb, 13:00 - 14:30" or "25 maj 2026": a time stamp, not a topic."""
    without_months = _MONTH_WORD.sub("", text)
    return bool(re.fullmatch(r"[\d\s:.,–\-/]+(?:kl|at|am|pm)?[\d\s:.,–\-/]*", without_months.strip(), re.I))


def _line_start(blocks: list[Block], i: int) -> Start | None:
    """The start an ordinary (non-heading) block makes, before checking the numbering."""
    block = blocks[i]
    text = block.text.strip()
    if topic := _prefixed(text, TOPIC_PREFIXES):
        return Start(i, None, clean_title(topic), 1.0, "topic")
    if topic := _prefixed(text, SUBTOPIC_PREFIXES):
        return Start(i, None, clean_title(topic), 2.0, "subtopic")
    number, title, style = split_number(block)
    if number and (style != "plain" or block.kind != "list_item" or block.level == 0):
        return _numbered_start(blocks, i, number, title, style)
    if block.kind in ("line", "list_item") and (cue := _cue_title(text)):
        return Start(i, None, cue, 1.0, "cue", colon=cue != clean_title(text))  # "Next meeting: 12 May"
    if _is_bold_heading(block):
        return Start(i, None, clean_title(text), 0.0, "bold", bold=True)
    return None


def _numbered_start(blocks: list[Block], i: int, number: str, title: str, style: str) -> Start:
    title_blocks = 1
    title = _without_reference(title)
    if not title and i + 1 < len(blocks):
        following = next((j for j in range(i + 1, min(i + 3, len(blocks))) if blocks[j].kind != "blank"), None)
        if following is not None:
            title, title_blocks = blocks[following].text.strip(), following - i + 1
    title = clean_title(_title_head(title))
    wrapped = title_blocks == 1 and len(title.split()) >= _MIN_WRAPPED_WORDS and _continues(blocks, i)
    shaped = _is_title_shaped(title) and not wrapped
    kind = "letter" if style == "letter" else "sub" if style == "dotted" else "numbered"
    depth = 1.0 + number.count(".") if kind != "letter" else 2.0
    if kind == "letter" and number.isupper() and title.endswith(".") and len(title.split()) > 4:
        shaped = False  # "A. Smith presented the accounts." is a sentence with an initial
    return Start(i, number, title, depth, kind, title_blocks=title_blocks, shaped=shaped, style=style)


class _Numbering:
    """Follows the item numbers through a document to tell new items from lists inside an item.

    A number that does not go up ("1." inside item 2) starts a list in the current item; that list
    goes on while its numbers follow each other without a blank line between ("3." right under "2.").
    """

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self.top: int | None = None
        self.letter = ""
        self.inner: int | None = None
        self.inner_index = 0

    def accepts(self, start: Start) -> bool:
        if start.kind == "numbered":
            return self._top_level(start)
        if not start.shaped:
            return False
        if start.kind == "sub":
            return self.top is not None and (start.number or "").startswith(f"{self.top}.")
        if start.kind == "letter":
            expected = chr(ord(self.letter) + 1) if self.letter else "a"
            if self.top is None or (start.number or "").lower() != expected:
                return False
            self.letter = expected
        return True

    def _top_level(self, start: Start) -> bool:
        n = number_value(start.number)
        if self.top is not None and n <= self.top or self._continues_inner_list(start, n):
            self.inner, self.inner_index = n, start.index
            return False
        if not start.shaped or (self.top is not None and n > self.top + 3):
            return False
        if start.style == "bare" and n != (self.top or 0) + 1:
            return False  # "12 Orchard Close": a number without a dot only counts in strict sequence
        self.top, self.letter, self.inner = n, "", None
        return True

    def _continues_inner_list(self, start: Start, n: int) -> bool:
        if self.inner is None or n != self.inner + 1:
            return False
        between = self.blocks[self.inner_index + 1:start.index]
        return all(b.kind != "blank" for b in between)


def _accept_numbering(blocks: list[Block], starts: list[Start]) -> list[Start]:
    """Keep the starts whose numbering makes them items (see `_Numbering`)."""
    numbering = _Numbering(blocks)
    return [s for s in starts if numbering.accepts(s)]


def _parallel(a: Start, b: Start) -> bool:
    """Headings that read alike: same bold-and-colon style, or the same first two words."""
    same_style = a.bold and b.bold and a.colon == b.colon
    words_a, words_b = fold(a.title).split()[:2], fold(b.title).split()[:2]
    return same_style or (len(words_a) == 2 and words_a == words_b)


def find_starts(blocks: list[Block], skip: set[int], outline: dict[str, float] | None = None) -> list[Start]:
    """Where items start, with their numbers, titles and nesting depth.

    `outline` maps the (folded) titles of a planned agenda given at the top to their depth there; it
    nests unnumbered items that the minutes themselves write flat.
    """
    usable = [i for i, b in enumerate(blocks) if i not in skip and b.kind != "blank" and b.text.strip()
              and not match_term(b.text, NOT_ITEM_HEADINGS)]
    headings = [s for i in usable if blocks[i].kind == "heading" and (s := _heading_start(i, blocks[i]))]
    if len(headings) >= 2:
        return _heading_mode(blocks, usable, _without_trailing_summaries(headings))
    starts = _accept_numbering(blocks, _without_title_lines([s for i in usable if (s := _line_start(blocks, i))]))
    if any(s.kind in ("numbered", "topic") for s in starts):
        return _nest_bold([s for s in starts if not (s.kind == "cue" and s.colon)])
    standalone = _standalone_lines(blocks, usable, outline or {})
    labelled = _label_lines(blocks, usable)
    found = (labelled if len(labelled) > len(standalone) else standalone) or _nest_bold(starts)
    return _outline_depths(found, outline or {})


def _outline_depths(starts: list[Start], outline: dict[str, float]) -> list[Start]:
    """Unnumbered starts take their depth from the planned agenda, where it lists them."""
    for start in starts:
        if start.number is None and (depth := outline.get(fold(start.title))) is not None:
            start.depth = depth
    return starts


def _without_trailing_summaries(headings: list[Start]) -> list[Start]:
    """"## Actions" after the "### Item" headings, one level up: a summary of the minutes, not an item."""
    kept = list(headings)
    while len(kept) > 2 and kept[-1].depth < min(s.depth for s in kept[1:-1]) and match_term(
            kept[-1].title, SUMMARY_HEADINGS):
        kept.pop()
    return kept


def _without_title_lines(starts: list[Start]) -> list[Start]:
    """Drop starts on a line that is the title of the start above ("§ 13" / "Val av justerare")."""
    kept: list[Start] = []
    for start in starts:
        if kept and start.index < kept[-1].index + kept[-1].title_blocks:
            continue
        kept.append(start)
    return kept


def _heading_mode(blocks: list[Block], usable: list[int], headings: list[Start]) -> list[Start]:
    depth = min(s.depth for s in headings)
    by_index = {s.index: s for s in headings}
    starts = []
    for i in usable:
        if i in by_index:
            starts.append(by_index[i])
            depth = by_index[i].depth
        elif blocks[i].kind != "heading" and (cue := _cue_title(blocks[i].text)) and not _lead_in(blocks, i):
            starts.append(Start(i, None, cue, depth, "cue"))  # a sibling of the heading above it
    return starts


def _lead_in(blocks: list[Block], i: int) -> bool:
    """"Matters arising:" right above a list: it introduces that list, it is not an item."""
    following = blocks[i + 1] if i + 1 < len(blocks) else None
    after = blocks[i + 2] if i + 2 < len(blocks) else None
    nxt = after if following is not None and following.kind == "blank" else following
    return blocks[i].text.rstrip().endswith(":") and nxt is not None and nxt.kind == "list_item"


def _nest_bold(starts: list[Start]) -> list[Start]:
    """Bold lines are sub-items of the item above them (or top items when nothing is above)."""
    depth = 0.0
    for start in starts:
        if start.kind == "bold":
            start.depth = depth + 1 if depth else 1.0
        else:
            depth = start.depth
    return starts


def _standalone_lines(blocks: list[Block], usable: list[int], outline: dict[str, float]) -> list[Start]:
    """Short lines standing alone, for documents with no other item marks: between blank lines, or after
    a blank line and over a paragraph ("Finance" / "Alasdair presented the accounts ..."), or named by
    the planned agenda at the top."""
    starts = []
    for i in usable:
        text = blocks[i].text.strip()
        after_blank = i == 0 or blocks[i - 1].kind == "blank"
        alone = after_blank and (i + 1 >= len(blocks) or blocks[i + 1].kind == "blank")
        planned = fold(clean_title(text)) in outline and blocks[i].kind != "list_item"
        if planned or ((alone or after_blank and _over_paragraph(blocks, i)) and blocks[i].kind == "line"
                       and _is_title_shaped(text) and len(text.split()) <= (8 if alone else 10)
                       and not text.endswith((".", "?", "!", ":", ";")) and not _is_date_only(text)):
            starts.append(Start(i, None, clean_title(text), 1.0, "line"))
    return starts if len(starts) >= 2 else []


def _label_lines(blocks: list[Block], usable: list[int]) -> list[Start]:
    """"Call to Order: The meeting was called to order at 7:02 PM." — paragraphs that open with their
    item's name and a colon (and lettered lines under such a label), for documents with no other marks."""
    starts: list[Start] = []
    letter = ""
    for i in usable:
        text = blocks[i].text.strip()
        m = _LABEL_ITEM.match(text)
        after_blank = i == 0 or blocks[i - 1].kind == "blank"
        if m and after_blank and blocks[i].kind == "line" and _is_item_label(m["label"], m["rest"]):
            starts.append(Start(i, None, clean_title(m["label"]), 1.0, "label", colon=True))
            letter = ""
            continue
        number, title, style = split_number(blocks[i])
        expected = chr(ord(letter) + 1) if letter else "a"
        if starts and style == "letter" and (number or "").lower() == expected:
            starts.append(Start(i, number, clean_title(_title_head(title)), 2.0, "letter"))
            letter = expected
    return starts if sum(s.kind == "label" for s in starts) >= 3 else []


def _is_item_label(label: str, rest: str) -> bool:
    """A label that names an item, not a note inside one ("Action:", "Agreed:") or a fact ("Next meeting:
    April 2, 2024")."""
    label = label.strip()
    if len(label.split()) > 6 or not _is_title_shaped(label) or match_term(label, IN_ITEM_LABELS):
        return False
    return not (rest and len(rest.split()) <= 8 and find_dates(rest))


def _title_head(title: str) -> str:
    """"Pond fountain repair – completed February 20." -> "Pond fountain repair": a title followed by a
    sentence after a dash."""
    parts = re.split(r"\s[–—-]\s", title, maxsplit=1)
    if len(parts) == 2 and parts[1].rstrip().endswith(".") and len(parts[0].split()) <= 8:
        return parts[0].strip()
    return title


def _over_paragraph(blocks: list[Block], i: int) -> bool:
    """The line under block `i` starts a paragraph: longer than it, a sentence, not a continuation."""
    if i + 1 >= len(blocks):
        return False
    text, following = blocks[i].text.strip(), blocks[i + 1]
    body = following.text.strip()
    return (following.kind == "line" and body[:1].isupper() and not text.endswith(",")
            and (len(body) > len(text) + 10 or body.endswith(".")) and (len(body.split()) >= 6 or body.endswith(".")))


# --- building the tree ------------------------------------------------------------------------


def build_items(blocks: list[Block], starts: list[Start], skip: set[int], end: int) -> list[Item]:
    """The item tree; each item's text is the blocks between its start and the next start."""
    roots: list[Item] = []
    stack: list[_Node] = []
    nodes: list[_Node] = []
    by_index = {s.index: s for s in starts}
    current: _Node | None = None
    previous: Start | None = None
    skip_until = 0
    for i in range(starts[0].index if starts else end, end):
        start = by_index.get(i)
        if start:
            current = _place(start, previous, stack, roots)
            nodes.append(current)
            previous = start
            skip_until = i + start.title_blocks
        elif current and i >= skip_until and i not in skip:
            current.lines.append(render_block(blocks[i]))
    for node in nodes:
        node.item.text = _join_lines(node.lines)
    return roots


def _place(start: Start, previous: Start | None, stack: list[_Node], roots: list[Item]) -> _Node:
    while stack and stack[-1].depth >= start.depth:
        stack.pop()
    if (start.kind == "heading" and previous is not None and stack and stack[-1].start is previous
            and previous.kind == "heading" and _parallel(previous, start)):
        stack.pop()  # a sibling written one level deeper
    node = _Node(Item(start.number, start.title), start.depth, start)
    (stack[-1].item.children if stack else roots).append(node.item)
    stack.append(node)
    return node


def render_block(block: Block) -> str:
    """A block as a line of item text: bullets keep their dash and indentation, blank lines stay."""
    if block.kind == "blank":
        return ""
    if block.kind == "list_item":
        marker = f"{block.number}." if block.number else "-"
        return "  " * block.level + f"{marker} {block.text}"
    if block.kind == "table_row" and block.cells:
        return " | ".join(block.cells)
    return block.text


def _join_lines(lines: list[str]) -> str:
    text = "\n".join(lines)
    if "\n\n\n" in text:
        text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n")


# --- a list of planned items before the minutes -----------------------------------------------


def planned_agenda_indices(blocks: list[Block], skip: set[int]) -> set[int]:
    """The lines of a planned agenda at the top (see `planned_agenda`)."""
    return planned_agenda(blocks, skip)[0]


def planned_agenda(blocks: list[Block], skip: set[int]) -> tuple[set[int], dict[str, float]]:
    """A "Dagordning:" / "Agenda" / "Contents" list whose items are written out again further down:
    its line indices, and its outline (folded title -> depth, 1.0 at the top).

    Its lines would otherwise be taken for the items themselves (or make the real ones look like a
    restarted numbering), so they are left out of the agenda; its outline nests the items below.
    """
    for i, block in enumerate(blocks):
        if i in skip or not block.text or not match_term(block.text, AGENDA_LIST_HEADERS):
            continue
        listed = _list_after(blocks, i)
        if not listed:
            continue
        later = {fold(clean_title(split_number(b)[1])) for b in blocks[listed[-1] + 1:] if b.text}
        titles = [fold(clean_title(split_number(blocks[j])[1])) for j in listed]
        if sum(t in later for t in titles) * 2 >= len(titles):
            return {i, *listed}, dict(zip(titles, _outline_levels([blocks[j] for j in listed]), strict=True))
    return set(), {}


def summary_lists(blocks: list[Block], skip: set[int]) -> set[int]:
    """"Summary of action items" and the numbered list under it: a recap, never items."""
    found: set[int] = set()
    for i, block in enumerate(blocks):
        if i not in skip and block.text and match_term(block.text, NOT_ITEM_HEADINGS):
            found |= {i, *_list_after(blocks, i)}
    return found


def _outline_levels(listed: list[Block]) -> list[float]:
    """Depths of a planned agenda's entries: from list indentation, "2.1" numbers, or a numbering that
    starts again at 1 under an entry (a contents list flattened to text)."""
    depths: list[float] = []
    counters: list[int] = []
    for block in listed:
        number = split_number(block)[0]
        if block.kind == "list_item" and block.level:
            depths.append(1.0 + block.level)
            continue
        if not number or not number.split(".")[0].isdigit():
            depths.append(1.0)
            continue
        if "." in number:
            depths.append(1.0 + number.count("."))
            continue
        n = int(number)
        if counters and n == 1 and counters[-1] >= 1:
            counters.append(n)
        else:
            while len(counters) > 1 and counters[-1] + 1 != n:
                counters.pop()
            counters[-1:] = [n]
        depths.append(float(len(counters)))
    return depths


def _list_after(blocks: list[Block], header: int) -> list[int]:
    """The numbered or bulleted lines right under a header (blank lines between them allowed)."""
    listed: list[int] = []
    previous = 0
    for j in range(header + 1, len(blocks)):
        block = blocks[j]
        if block.kind == "blank":
            if listed and blocks[j - 1].kind == "blank":
                break  # two blank lines end the list
            continue
        number = split_number(block)[0]
        if number and number.split(".")[0].isdigit() and int(number.split(".")[0]) < previous and not (
                number == "1" and listed and j == listed[-1] + 1):
            break  # numbering starts again: the minutes themselves (not a sub-list right under an entry)
        if not (block.kind == "list_item" or number):
            break
        previous = int(number.split(".")[0]) if number and number.split(".")[0].isdigit() else previous
        listed.append(j)
    return listed if len(listed) >= 2 else []
