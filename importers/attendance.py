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
from functools import lru_cache

from .model import Block, Participant
from .names import is_name, is_name_word, is_organisation_word, leading_name, without_nickname
from .vocabulary import (
    ABSENT_HEADERS,
    ABSENT_MARKERS,
    GROUP_HEADINGS,
    GROUP_PREFIXES,
    MEETING_ROLES,
    NOTE_PREFIXES,
    PRESENT_HEADERS,
    REMOTE_HEADERS,
    REMOTE_MARKERS,
    ROLE_LINE_KEYS,
    ROLES,
    STATUS_WORDS,
    TABLE_HEADER_WORDS,
    TITLE_ROLES,
    fold,
    longest_term_words,
    match_prefix,
    match_term,
    word_count,
)

_MAX_ENTRY_WORDS = 25
_AND = re.compile(r"\s+(?:och|and|&|samt|plus)\s+", re.IGNORECASE)
_PAREN = re.compile(r"\(([^()]*)\)")
_NUMBERED_LINE = re.compile(r"^(?:§\s*\d|\d{1,2}(?:\.\d{1,2})*[.)]\s)")
_LABEL = re.compile(r"^[^\s:,;]+(?:\s+[^\s:,;]+){0,3}:(?:\s|$)")  # "Management: ...", "Datum:"
_SEPARATOR = re.compile(r"[,;\t]")
_COLUMNS = re.compile(r"(?<=\S)\s{3,}(?=\S)")  # text laid out in columns with runs of spaces
_COUNT_OF_OTHERS = re.compile(r"(?i)^(?:and\s+|och\s+|plus\s+|samt\s+)?\d+\s+[a-zåäö]")  # "3 members of the public"
_TRAILING_COUNT = re.compile(r"(?i)\s+(?:and|och|plus|samt|&)\s+\d+\s+[a-zåäö].*$")
_SUBSTITUTE_ROLES = ("ersättare", "substitute", "alternate", "deputy", "proxy")
_ON_BEHALF = re.compile(
    r"(?i)(?:^|,\s*)(?:för|for|i stället för|istället för|in place of|on behalf of)\s+(?P<name>.+)$")
_APOLOGIES_FROM = re.compile(
    r"(?i)\b(?:apologies|förhinder)\b[^.]*?\b(?:from|for|av|från)\s+(?P<names>[^.;]+)")


@dataclass(frozen=True)
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
    """The attendance header `text` is ("Närvarande:", "Regrets: A, B", "Beslutande   A (S)"), or None."""
    if ":" not in text and word_count(text) > _MAX_HEADER_WORDS and len(_columns_of(text)) == 1:
        return None  # a line of prose: ruled out quickly, and not remembered
    return _attendance_header(text)


@lru_cache(maxsize=1 << 16)  # asked of the same lines by several passes
def _attendance_header(text: str) -> Header | None:
    label, sep, rest = text.partition(":")
    if sep and rest.strip():
        found = _header_kind(label)
        return Header(label.strip(), *found, inline=rest.strip()) if found else None
    found = _header_kind(text)
    if found:
        return Header(text.strip().rstrip(":").strip(), *found, inline="")
    columns = _columns_of(text, maxsplit=1)
    if len(columns) == 2 and (found := _header_kind(columns[0])):  # a two-column header block
        return Header(columns[0].strip().rstrip(":").strip(), *found, inline=columns[1].strip())
    return None


# More words than a header without a colon can have: than any header term, and than a grouped status
# ("Executive Officers Absent", see _grouped_status)
_MAX_HEADER_WORDS = max(4, *(longest_term_words(t) for t in (ABSENT_HEADERS, REMOTE_HEADERS, PRESENT_HEADERS)))


def _columns_of(text: str, maxsplit: int = 0) -> list[str]:
    """The columns of a line laid out with runs of spaces; one column for most lines."""
    text = text.strip()
    # only ASCII spaces are printable whitespace: without three in a row there can be no run
    if "   " not in text and text.isprintable():
        return [text]
    return _COLUMNS.split(text, maxsplit=maxsplit)


def _header_kind(label: str) -> tuple[str, bool] | None:
    if match_term(label, ABSENT_HEADERS):
        return "absent", False
    if match_term(label, REMOTE_HEADERS):
        return "present", True
    if match_term(label, PRESENT_HEADERS):
        return "present", False
    return _grouped_status(label)


def _grouped_status(label: str) -> tuple[str, bool] | None:
    """"Executive Officers Absent", "Staff present", "Ledamöter närvarande": a group, then a status word."""
    words = label.strip().rstrip(":").split()
    if not 2 <= len(words) <= 4 or "\t" in label or len(_columns_of(label)) > 1 or not words[0][:1].isupper():
        return None
    status = match_term(words[-1], STATUS_WORDS)
    group = words[:-1]
    if status is None:  # Swedish puts the status first: "Närvarande styrelseledamöter", "Frånvarande övriga"
        status, group = match_term(words[0], STATUS_WORDS), words[1:]
        if status is None or len(group) > 2 or not all(match_term(w, GROUP_HEADINGS) or w[:1].islower()
                                                      for w in group):
            return None
        return STATUS_WORDS[status], False
    if not all(w[:1].isupper() or w in ("of", "and", "&") for w in group):
        return None
    return STATUS_WORDS[status], False


@lru_cache(maxsize=1 << 16)
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
    text = re.sub(r"\s+[–—-]\s+", "\t", text)
    # without "(" nothing nests, so every separator splits
    parts = _SEPARATOR.split(text) if "(" not in text else _split_outside_parentheses(text)
    return [p.strip().strip(".").strip() for p in parts if p.strip().strip(".").strip()]


def _split_outside_parentheses(text: str) -> list[str]:
    parts, depth, current = [], 0, []
    for char in text:
        depth += char == "("
        depth -= char == ")" and depth > 0
        if char in ",;\t" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _role_of(part: str) -> tuple[str, str] | None:
    """(role, rest) when `part` starts with a role: "enhetschef Befolkning" -> ("enhetschef", ...).

    The role is kept as written ("Chairman", "Recording Secretary"); an abbreviation ("ordf") is spelled out.
    """
    found = match_prefix(part, ROLES)
    if found:
        term, rest = found
        written = part[: len(part) - len(rest)].strip() if rest else part.strip()
    elif found := _role_at_end(part) or _compound_role(part):
        term, written, rest = found
    else:
        return None
    if rest and rest[0].islower() and len(rest.split()) > 1 and not rest.startswith(("för ", "for ", "of ")):
        return None  # "ordförande hälsade alla välkomna" is a sentence, not a role
    return role_text(written, term), rest.strip(" ,")


def role_text(written: str, term: str) -> str:
    """The role to store: as written, lower case unless an acronym; the full form of an abbreviation."""
    canonical = ROLES.get(term, term)
    folded = fold(written).rstrip(".")
    if fold(term) not in folded or (len(folded) < len(fold(canonical)) and not written.isupper()):
        return canonical  # OCR damage ("ordférande") or an abbreviation ("ordf")
    return written if written.isupper() else written.lower()


def is_meeting_role(role: str | None) -> bool:
    """"chair", "Chairman", "sekreterare": a role in the meeting rather than a job title."""
    term = match_term(role or "", ROLES)
    return term is not None and ROLES[term] in MEETING_ROLES


def _role_at_end(part: str) -> tuple[str, str, str] | None:
    """"Parish Clerk", "Planning Director": a short part ending in a role is a role as a whole."""
    words = part.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() or w[:1].isdigit() or w in ("of", "and", "&")
                                          for w in words):
        return None
    for n in (2, 1):
        tail = " ".join(words[-n:])
        if len(words) > n and (term := match_term(tail, ROLES)) and fold(tail) == fold(term):
            return term, part.strip(), ""
    return None


def _compound_role(part: str) -> tuple[str, str, str] | None:
    """"bygglovshandläggare", "nämndsekreterare": one Swedish compound word that ends in a role."""
    word = part.strip()
    if " " in word or not word[:1].islower() or len(word) < 8:
        return None
    folded = fold(word)
    for term, key in _ONE_WORD_ROLE_KEYS:
        if folded.endswith(key) and len(folded) > len(key) + 2:
            return term, word, ""
    return None


_REMOTE_MARKER = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(fold(m)) for m in REMOTE_MARKERS) + r")(?!\w)")
_ONE_WORD_ROLE_KEYS = tuple((term, key) for term in ROLES if " " not in (key := fold(term)) and len(key) >= 4)


def _is_remote(part: str) -> bool:
    folded = fold(part)
    return len(folded.split()) <= 4 and _REMOTE_MARKER.search(folded) is not None


def _is_absent(part: str) -> bool:
    return match_term(part, ABSENT_MARKERS) is not None


def _is_note(part: str) -> bool:
    return match_prefix(part, NOTE_PREFIXES) is not None or bool(re.search(r"\bonly\b|\benbart\b", part))


def _apply(person: Participant, part: str) -> bool:
    """Add what `part` says to `person`; False when `part` is prose that cannot belong to an entry.

    What stands in parentheses is applied after the rest, so "Programme Director (chair)" ends as chair.
    """
    part, described = _described_in_parentheses(part)
    ok = _apply_plain(person, part) if part else True
    for piece in described:
        _apply_plain(person, piece)
    return ok


def _apply_plain(person: Participant, part: str) -> bool:
    if _is_absent(part):
        person.status = "absent"
    elif _is_remote(part):
        person.remote = True
    elif status := match_term(part, STATUS_WORDS):
        person.status = STATUS_WORDS[status]
    elif role := _role_of(part):
        if person.role is None or (is_meeting_role(role[0]) and not is_meeting_role(person.role)):
            person.role = role[0]
        if role[1]:
            _add_affiliation(person, role[1])
    elif _is_note(part):
        person.note = f"{person.note}, {part}" if person.note else part
    elif part[0].islower() and len(part.split()) > 1:
        return False
    else:
        _add_affiliation(person, part)
    return True


def _described_in_parentheses(part: str) -> tuple[str, list[str]]:
    """("Digg", ["ordförande"]) for "Digg (ordförande)": "(digitalt)", "(ersättare)", "(punkt 5)" describe
    the person; "(UHR)" stays in the text."""
    described: list[str] = []

    def replace(m: re.Match[str]) -> str:
        pieces = split_parts(m.group(1))
        if not any(_describes(p) for p in pieces):
            return m.group()
        described.extend(pieces)
        return ""
    return " ".join(_PAREN.sub(replace, part).split()), described


def _describes(part: str) -> bool:
    """True for a part that says something other than an organisation: role, remote, absent, note."""
    return bool(_is_absent(part) or _is_remote(part) or _role_of(part) or _is_note(part)
                or match_term(part, STATUS_WORDS))


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
    people = _parse_entries(text, raw, inline_list, cells)
    # fresh ones, made directly (copy.copy is slower): callers fill in status and group
    return None if people is None else [Participant(**vars(p)) for p in people]


@lru_cache(maxsize=1 << 14)  # the same people on the same lines, meeting after meeting
def _parse_entries(text: str, raw: str, inline_list: bool, cells: tuple[str, ...]) -> tuple[Participant, ...] | None:
    if len(text.split()) > _MAX_ENTRY_WORDS * (4 if inline_list else 1) or _NUMBERED_LINE.match(text):
        return None
    if not cells and len(_columns_of(text)) > 1:
        return _columns(text, raw, inline_list)
    min_words = 1 if inline_list else 2
    parts = [c for c in cells if c] if cells else split_parts(text)
    if inline_list:  # "... and 3 members of the public" is not a person
        parts = [_TRAILING_COUNT.sub("", p) for p in parts if not _COUNT_OF_OTHERS.match(p)]
    parts = _split_and(parts, min_words)
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
    return tuple(people)


def _columns(text: str, raw: str, inline_list: bool) -> tuple[Participant, ...] | None:
    """A line laid out in columns ("Lars Persson, ordförande      Karin Olsson, kassör"): each column
    is an entry of its own; None unless every column is one."""
    people: list[Participant] = []
    for column in _columns_of(text):
        found = parse_entries(column, raw=raw or text, inline_list=inline_list)
        if not found:
            return None
        people += found
    return tuple(people)


def _title_role(part: str) -> tuple[str | None, str]:
    """("chair", "Patricia Delgado") for "Chair Patricia Delgado": a title before a name is a role."""
    found = match_prefix(part, TITLE_ROLES)
    if not found or not leading_name(found[1], 2):
        return None, part
    written = part[: len(part) - len(found[1])].strip()
    return role_text(written, found[0]), found[1]


def _all_names(text: str, parts: list[str]) -> bool:
    """A line that lists several people ("A, B, C", "A och B"); "Name – Org" and "Name<TAB>Org" do not."""
    if not all(is_name(_PAREN.sub("", p).strip()) and not _describes(p) for p in parts):
        return False
    return len(parts) >= 3 or not re.search(r"\t|\s[–—-]\s", text)


def _person_from(part: str, min_words: int, raw: str, is_first: bool) -> Participant | None:
    """A new Participant when `part` starts with a name (the rest of the part describes them)."""
    part = without_nickname(part)
    title_role, part = _title_role(part)
    bare = _PAREN.sub("", part).strip()
    if not title_role and (not is_first and _describes(bare) or min_words == 1 and is_organisation_word(bare)):
        return None
    found = leading_name(bare, min_words)
    if not found:
        return None
    name, rest = found
    if rest and not is_first:
        return None  # "Stockholms Universitet Press" after a name is not a second person
    person = Participant(name=name, raw=raw, role=title_role)
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
        elif value := _role_value_below(blocks, i, skip):
            role_lines.append((ROLE_LINE_KEYS[match_term(text, ROLE_LINE_KEYS)], blocks[value].text, -1))
            found.consumed |= {i, value}
            i = value + 1
            continue
        elif found.participants and (header := _group_line(text)):  # "Guests: A, B" under a list
            i = _read_inline(blocks, i, header, skip, found)
            continue
        elif (header := attendance_header(text)) and header.inline:
            end = _read_inline(blocks, i, header, skip, found)
            i = end
            continue
        elif header and not header.remote:
            end = _read_section(blocks, i, header, skip, found)
            if end > i + 1:
                i = end
                continue
        i += 1
    _apply_role_lines(found.participants, role_lines)
    _roles_from_groups(found.participants)
    _add_substituted(found.participants)
    return found


def _group_line(text: str) -> Header | None:
    """"Staff: Jennifer Holt, Planning Director", "Management: Sarah Klein, Acme": a group of people,
    read as attendance next to an attendance list."""
    label, sep, rest = text.partition(":")
    if not sep or not rest.strip() or not match_term(label, GROUP_HEADINGS):
        return None
    people = parse_entries(rest.strip(), inline_list=True)
    if not people or not all(" " in p.name for p in people):
        return None
    return Header(label.strip(), "present", False, inline=rest.strip())


def _role_value_below(blocks: list[Block], i: int, skip: set[int]) -> int | None:
    """W3C minutes write "Chair" on a line and the name on the next: the index of that name line."""
    if blocks[i].kind == "heading" or ":" in blocks[i].text or not match_term(blocks[i].text, ROLE_LINE_KEYS):
        return None
    j = next((j for j in range(i + 1, min(i + 3, len(blocks))) if blocks[j].kind != "blank"), None)
    if j is None or j in skip or attendance_header(blocks[j].text) or match_term(blocks[j].text, ROLE_LINE_KEYS):
        return None
    text = blocks[j].text
    if len(text.split()) > 12 or not re.fullmatch(r"[\w .,'’&-]+", text):
        return None
    return j


def _read_inline(blocks: list[Block], start: int, header: Header, skip: set[int], found: Attendance) -> int:
    """A header with its list on the same line, and the lines that carry the list on below it.

    A line continues the list when the list broke off (",", "and") or the line starts in lower case;
    otherwise a following line that is an entry of its own is one more person (a column of names).
    """
    chunks = [header.inline]
    consumed = {start}
    i = start + 1
    while i < len(blocks) and blocks[i].kind not in ("blank", "heading") and i not in skip:
        text = blocks[i].text.strip()
        if attendance_header(text) or role_line(text) or _NUMBERED_LINE.match(text) or _LABEL.match(text):
            break
        if re.search(r"(?i)(?:[,;&]|\band|\boch|\bsamt)$", chunks[-1]) or text[:1].islower():
            chunks[-1] = f"{chunks[-1]} {text}"
        elif (leading_name(_PAREN.sub("", split_parts(text)[0]).strip(), 2)
              and parse_entries(text, inline_list=True) and not _is_group_heading(blocks, i, skip)):
            chunks.append(text)
        else:
            joined = f"{chunks[-1]} {text}"
            if not parse_entries(joined, inline_list=True):
                break
            chunks[-1] = joined
        consumed.add(i)
        i += 1
    people = [p for chunk in chunks for p in parse_entries(chunk, raw=chunk, inline_list=True) or []]
    _set_status(people, header, group=None)
    found.participants += people
    found.consumed |= consumed
    return i


def _add_substituted(people: list[Participant]) -> None:
    """"Fatima Hussein, tjänstgörande ersättare för Erik Falk": Erik Falk was absent."""
    for person in list(people):
        m = _ON_BEHALF.search(person.affiliation or "")
        if not (m and any(fold(r) in fold(person.role or "") for r in _SUBSTITUTE_ROLES)):
            continue
        found = leading_name(_PAREN.sub("", m["name"]).strip())
        if found and _find_person(people, found[0]) is None:
            people.append(Participant(name=found[0], status="absent", raw=person.raw, group=person.group))


def absentees_in_text(text: str, people: list[Participant]) -> list[Participant]:
    """People sending apologies in running text ("Apologies were received from Cllr D Evans and ..."),
    who are not listed already."""
    new: list[Participant] = []
    for m in _APOLOGIES_FROM.finditer(" ".join(text.split())):
        for person in parse_entries(m["names"].strip(), raw=m.group(), inline_list=True) or []:
            if " " in person.name and _find_person(people + new, person.name) is None:
                person.status = "absent"
                person.affiliation = None
                new.append(person)
    return new


def _read_section(blocks: list[Block], start: int, header: Header, skip: set[int], found: Attendance) -> int:
    """Read the people under the header at `start`; return the index where the section ends."""
    status, remote, group = header.status, header.remote, header.label
    base_status = status
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
        elif entries := (_entries_of(block) or (not people and _comma_list(block))
                         or _single_name(blocks, i, people)):
            for person in entries:
                person.status = "absent" if status == "absent" else person.status
                person.remote = person.remote or remote
                person.group = group
            people += entries
        elif _is_group_heading(blocks, i, skip):
            group = block.text.strip().rstrip(":").strip()
            status = "absent" if match_term(group, ABSENT_HEADERS) else base_status
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


def _single_name(blocks: list[Block], i: int, people: list[Participant]) -> list[Participant] | None:
    """"Regrets" then "Harriet" alone: a one-word name, when it stands alone at the end of its list."""
    text = blocks[i].text.strip()
    if (" " in text or not is_name_word(text) or any(" " in p.name for p in people)
            or match_term(text, GROUP_HEADINGS) or match_term(text, ROLES)):
        return None
    following = blocks[i + 1] if i + 1 < len(blocks) else None
    if following is not None and following.kind != "blank":
        return None
    return [Participant(name=text, raw=text)]


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
    for role, names, index in role_lines:
        entries = parse_entries(names, raw=names, inline_list=True) or []
        for entry in entries:
            person = _find_person(people, entry.name)
            if person is None and index >= 0:
                entry.role = entry.role or role
                entry.raw = f"{role}: {names}"
                people.append(entry)
            elif person is not None and (person.role is None or is_meeting_role(role)
                                         and not is_meeting_role(person.role)):
                person.role = role
        if not entries:  # IRC nicknames: "Scribe: manu" names Manu Sporny
            for nick in split_parts(names):
                person = _find_person(people, nick) if re.fullmatch(r"[a-z][\w-]{1,20}", nick) else None
                if person is not None and person.role is None:
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
