"""Who attended: attendance sections and one-line attendance lists.

Recognised forms:
  - a header ("Närvarande:", "Present", "## Deltagare på länk") followed by one person per line
    ("Name, role, org", "Name<TAB>Org", "Name (Org)", "Name – Org"), possibly under group headings
    ("Ledamöter", "Från SCB", "Guests"); the section ends where ordinary text or an agenda item starts;
  - a header with the list on the same line ("Present: A, B and C", "Regrets: D");
  - role lines ("Chair: X", "Scribe: Y", "Ordförande: X") that give a role to someone listed, or add them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Block, Participant
from .names import is_name, is_organisation_word, leading_name
from .vocabulary import (
    ABSENT_HEADERS,
    ABSENT_MARKERS,
    GROUP_HEADINGS,
    GROUP_PREFIXES,
    NOTE_PREFIXES,
    PRESENT_HEADERS,
    REMOTE_HEADERS,
    REMOTE_MARKERS,
    ROLE_LINE_KEYS,
    ROLES,
    TABLE_HEADER_WORDS,
    fold,
    match_prefix,
    match_term,
)

_MAX_ENTRY_WORDS = 25
_AND = re.compile(r"\s+(?:och|and|&|samt|plus)\s+", re.IGNORECASE)
_PAREN = re.compile(r"\(([^()]*)\)")
_NUMBERED_LINE = re.compile(r"^(?:§\s*\d|\d{1,2}(?:\.\d{1,2})*[.)]\s)")


@dataclass
class Header:
    """An attendance header: what status it gives, and the list written on the same line, if any."""

    label: str
    status: str
    remote: bool
    inline: str  # the text after "Present:" on the same line ("" when the list follows below)


@dataclass
class Attendance:
    participants: list[Participant] = field(default_factory=list)
    consumed: set[int] = field(default_factory=set)  # block indices that belong to attendance


# --- headers ----------------------------------------------------------------------------------


def attendance_header(text: str) -> Header | None:
    """The attendance header `text` is ("Närvarande:", "Regrets: A, B"), or None."""
    label, sep, rest = text.partition(":")
    if sep and rest.strip():
        found = _header_kind(label)
        return Header(label.strip(), *found, inline=rest.strip()) if found else None
    found = _header_kind(text)
    return Header(text.strip().rstrip(":").strip(), *found, inline="") if found else None


def _header_kind(label: str) -> tuple[str, bool] | None:
    if match_term(label, ABSENT_HEADERS):
        return "absent", False
    if match_term(label, REMOTE_HEADERS):
        return "present", True
    if match_term(label, PRESENT_HEADERS):
        return "present", False
    return None


def role_line(text: str) -> tuple[str, str] | None:
    """(role, names) for "Chair: X" / "Ordförande: X"; None for anything else."""
    label, sep, rest = text.partition(":")
    if not sep or not rest.strip() or len(label.split()) > 3:
        return None
    key = match_term(label, ROLE_LINE_KEYS)
    return (ROLE_LINE_KEYS[key], rest.strip()) if key else None


# --- entries ----------------------------------------------------------------------------------


def split_parts(text: str) -> list[str]:
    """Split an entry on commas, semicolons, tabs and spaced dashes outside parentheses."""
    parts, depth, current = [], 0, []
    text = re.sub(r"\s+[–—-]\s+", "\t", text)
    for char in text:
        depth += char == "("
        depth -= char == ")" and depth > 0
        if char in ",;\t" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [p.strip().strip(".").strip() for p in parts if p.strip().strip(".").strip()]


def _role_of(part: str) -> tuple[str, str] | None:
    """(canonical role, rest) when `part` starts with a role: "enhetschef Befolkning" -> ("enhetschef", ...)."""
    found = match_prefix(part, ROLES) or _role_at_end(part)
    if not found:
        return None
    term, rest = found
    if rest and rest[0].islower() and len(rest.split()) > 1 and not rest.startswith(("för ", "for ", "of ")):
        return None  # "ordförande hälsade alla välkomna" is a sentence, not a role
    return ROLES[term], rest.strip(" ,")


def _role_at_end(part: str) -> tuple[str, str] | None:
    """"Parish Clerk", "Finance Director": a short part ending in a role; the rest is the unit."""
    words = part.split()
    if not 2 <= len(words) <= 4:
        return None
    for n in (2, 1):
        tail = " ".join(words[-n:])
        if len(words) > n and (term := match_term(tail, ROLES)) and fold(tail) == fold(term):
            return term, " ".join(words[:-n])
    return None


def _is_remote(part: str) -> bool:
    folded = fold(part)
    return any(re.search(r"(?<!\w)" + re.escape(fold(m)) + r"(?!\w)", folded) for m in REMOTE_MARKERS) and (
        len(folded.split()) <= 4
    )


def _is_absent(part: str) -> bool:
    return match_term(part, ABSENT_MARKERS) is not None


def _is_note(part: str) -> bool:
    return match_prefix(part, NOTE_PREFIXES) is not None or bool(re.search(r"\bonly\b|\benbart\b", part))


def _apply(person: Participant, part: str) -> bool:
    """Add what `part` says to `person`; False when `part` is prose that cannot belong to an entry."""
    part = _apply_parentheses(person, part)
    if not part:
        return True
    if _is_absent(part):
        person.status = "absent"
    elif _is_remote(part):
        person.remote = True
    elif role := _role_of(part):
        person.role = person.role or role[0]
        if role[1]:
            _add_affiliation(person, role[1])
    elif _is_note(part):
        person.note = f"{person.note}, {part}" if person.note else part
    elif part[0].islower() and len(part.split()) > 1:
        return False
    else:
        _add_affiliation(person, part)
    return True


def _apply_parentheses(person: Participant, part: str) -> str:
    """Apply "(digitalt)", "(ersättare)", "(punkt 5)" to `person`; keep "(UHR)" in the text."""
    def replace(m: re.Match[str]) -> str:
        pieces = split_parts(m.group(1))
        if not any(_describes(p) for p in pieces):
            return m.group()
        for piece in pieces:
            _apply(person, piece)
        return ""
    return " ".join(_PAREN.sub(replace, part).split())


def _describes(part: str) -> bool:
    """True for a part that says something other than an organisation: role, remote, absent, note."""
    return bool(_is_absent(part) or _is_remote(part) or _role_of(part) or _is_note(part))


def _add_affiliation(person: Participant, text: str) -> None:
    text = text.strip(" ,")
    if text.startswith("(") and text.endswith(")") and "(" not in text[1:-1]:
        text = text[1:-1].strip()
    if text:
        person.affiliation = f"{person.affiliation}, {text}" if person.affiliation else text


def _split_and(parts: list[str], min_words: int) -> list[str]:
    """"A och B" becomes two parts when both sides are names."""
    out = []
    for part in parts:
        pieces = _AND.split(part)
        if len(pieces) > 1 and all(is_name(_PAREN.sub("", p).strip(), min_words) for p in pieces):
            out += pieces
        else:
            out.append(part)
    return out


def parse_entries(text: str, raw: str = "", inline_list: bool = False,
                  cells: tuple[str, ...] = ()) -> list[Participant] | None:
    """The people on one attendance line, or None when the line is not an attendance entry.

    Parts that are names start a new person; other parts (role, organisation, note, "digitalt") describe
    the person before them. On a "Present: ..." line a single capitalised word counts as a name.
    """
    if len(text.split()) > _MAX_ENTRY_WORDS * (4 if inline_list else 1) or _NUMBERED_LINE.match(text):
        return None
    min_words = 1 if inline_list else 2
    parts = _split_and([c for c in cells if c] if cells else split_parts(text), min_words)
    if not parts or (cells and fold(parts[0]) in TABLE_HEADER_WORDS):
        return None
    many = inline_list or _all_names(text, parts)
    people: list[Participant] = []
    for part in parts:
        person = _person_from(part, min_words, raw or text, is_first=not people) if many or not people else None
        if person:
            people.append(person)
        elif not people or not _apply(people[-1], part):
            return None
    return people


def _all_names(text: str, parts: list[str]) -> bool:
    """A line that lists several people ("A, B, C", "A och B"); "Name – Org" and "Name<TAB>Org" do not."""
    if not all(is_name(_PAREN.sub("", p).strip()) and not _describes(p) for p in parts):
        return False
    return len(parts) >= 3 or not re.search(r"\t|\s[–—-]\s", text)


def _person_from(part: str, min_words: int, raw: str, is_first: bool) -> Participant | None:
    """A new Participant when `part` starts with a name (the rest of the part describes them)."""
    bare = _PAREN.sub("", part).strip()
    if not is_first and _describes(bare) or min_words == 1 and is_organisation_word(bare):
        return None
    found = leading_name(bare, min_words)
    if not found:
        return None
    name, rest = found
    if rest and not is_first:
        return None  # "Stockholms Universitet Press" after a name is not a second person
    person = Participant(name=name, raw=raw)
    remainder = part[part.find(name) + len(name):] if name in part else rest
    if remainder.strip() and not _apply(person, remainder.strip()):
        return None
    return person


# --- sections ---------------------------------------------------------------------------------


def find_attendance(blocks: list[Block], skip: set[int]) -> Attendance:
    """All participants in `blocks`, and the indices of the blocks that held them."""
    found = Attendance()
    role_lines: list[tuple[str, str, int]] = []
    i = 0
    while i < len(blocks):
        if i in skip or blocks[i].kind == "blank":
            i += 1
            continue
        text = blocks[i].text
        if roles := role_line(text):
            role_lines.append((*roles, i))
            found.consumed.add(i)
        elif (header := attendance_header(text)) and header.inline:
            people = parse_entries(header.inline, raw=text, inline_list=True) or []
            _set_status(people, header, group=None)
            found.participants += people
            found.consumed.add(i)
        elif header and not header.remote:
            end = _read_section(blocks, i, header, skip, found)
            if end > i + 1:
                i = end
                continue
        i += 1
    _apply_role_lines(found.participants, role_lines)
    _roles_from_groups(found.participants)
    return found


def _read_section(blocks: list[Block], start: int, header: Header, skip: set[int], found: Attendance) -> int:
    """Read the people under the header at `start`; return the index where the section ends."""
    status, remote, group = header.status, header.remote, header.label
    people: list[Participant] = []
    consumed = {start}
    i = start + 1
    while i < len(blocks):
        block = blocks[i]
        if block.kind == "blank" or i in skip:
            i += 1
            continue
        sub = attendance_header(block.text)
        if sub and not sub.inline:
            status, remote, group = sub.status, sub.remote, sub.label
        elif is_table_header(block):
            pass
        elif entries := _entries_of(block) or (not people and _comma_list(block)):
            for person in entries:
                person.status = "absent" if status == "absent" else person.status
                person.remote = person.remote or remote
                person.group = group
            people += entries
        elif _is_group_heading(blocks, i, skip):
            group = block.text.strip().rstrip(":").strip()
            if match_term(group, ABSENT_HEADERS):
                status = "absent"
        else:
            break
        consumed.add(i)
        i += 1
    if not people:
        return start
    found.participants += people
    found.consumed |= consumed
    return i


def is_table_header(block: Block) -> bool:
    """The first row of an attendance table: "Name | Organisation | Role"."""
    return bool(block.cells) and fold(block.cells[0]) in TABLE_HEADER_WORDS


def _entries_of(block: Block) -> list[Participant] | None:
    if block.kind == "heading" or _NUMBERED_LINE.match(block.text):
        return None
    return parse_entries(block.text, cells=block.cells)


def _comma_list(block: Block) -> list[Participant] | None:
    """"Present" alone on a line, then "ian, Adrian, fantasai, Rossen": a list of short names."""
    if block.text.count(",") < 2 or block.kind == "heading":
        return None
    return parse_entries(block.text, inline_list=True)


def _is_group_heading(blocks: list[Block], i: int, skip: set[int]) -> bool:
    """A short label over a group of people: "Ledamöter", "Från SCB", "### Guests"."""
    text = blocks[i].text.strip().rstrip(":").strip()
    if match_term(text, GROUP_HEADINGS):
        return True
    words = text.split()
    if not words or len(words) > 6 or text.endswith((".", "?", "!")) or _NUMBERED_LINE.match(text):
        return False
    if not (match_prefix(text, GROUP_PREFIXES) or blocks[i].kind == "heading" or blocks[i].bold
            or blocks[i].text.rstrip().endswith(":")):
        return False
    following = next((b for j, b in enumerate(blocks[i + 1:], i + 1)
                      if b.kind != "blank" and j not in skip and not is_table_header(b)), None)
    return following is not None and bool(_entries_of(following))


def _set_status(people: list[Participant], header: Header, group: str | None) -> None:
    for person in people:
        if header.status == "absent":
            person.status = "absent"
        person.remote = person.remote or header.remote
        person.group = group or header.label


def _apply_role_lines(people: list[Participant], role_lines: list[tuple[str, str, int]]) -> None:
    """Give "Chair: X" roles to the people listed, adding anyone not listed as present."""
    for role, names, _ in role_lines:
        for entry in parse_entries(names, raw=names, inline_list=True) or []:
            person = _find_person(people, entry.name)
            if person is None:
                entry.role = entry.role or role
                entry.raw = f"{role}: {names}"
                people.append(entry)
            elif person.role is None:
                person.role = role


def _find_person(people: list[Participant], name: str) -> Participant | None:
    """The listed person called `name`, also when only a first name or a prefix is given ("Vlad")."""
    key = fold(name)
    exact = [p for p in people if fold(p.name) == key]
    if exact:
        return exact[0]
    partial = [p for p in people if fold(p.name).startswith(key) or fold(p.name).split()[0] == key.split()[0]]
    return partial[0] if len(partial) == 1 else None


def _roles_from_groups(people: list[Participant]) -> None:
    """People under "Ersättare" or "Guests" have that role unless their line says otherwise."""
    for person in people:
        if person.role is None and person.group:
            term = match_term(person.group, GROUP_HEADINGS)
            if term and GROUP_HEADINGS[term]:
                person.role = GROUP_HEADINGS[term]
