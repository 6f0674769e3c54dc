"""Who is who across meetings: name folding and the rule that links a written name to a person.

A name links to an existing person when its folded form equals one of that person's folded
aliases, or when the first names agree and the surnames differ by one letter in a long surname
(a typo or an OCR slip). Different people who share a first name or a surname stay apart.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from .folding import fold, fold_ocr  # noqa: F401 - fold is re-exported for callers matching names

_SURNAME_MIN_LEN_FOR_TYPO = 6


def fold_name(name: str) -> str:
    """The key a person's name is matched on: folded, OCR slips undone ('Dahll6f' -> 'dahllof')."""
    return fold_ocr(name)


def split_name(folded: str) -> tuple[str, str]:
    """('first names', 'surname') of a folded name; the surname is the last word."""
    first, _, last = folded.rpartition(" ")
    return first, last


def same_person(folded_a: str, folded_b: str) -> bool:
    """Whether two folded names are spellings of one person's name."""
    if folded_a == folded_b:
        return True
    first_a, last_a = split_name(folded_a)
    first_b, last_b = split_name(folded_b)
    if not first_a or first_a != first_b:
        return False
    if min(len(last_a), len(last_b)) < _SURNAME_MIN_LEN_FOR_TYPO or last_a[0] != last_b[0]:
        return False
    from rapidfuzz.distance import Levenshtein  # only writes link names; the app starts without it

    return Levenshtein.distance(last_a, last_b, score_cutoff=1) <= 1


def spelling_quality(name: str) -> tuple[int, int]:
    """Rank spellings for display: no stray digits first, then the most accented letters.

    OCR loses accents and adds digits; people rarely add them, so the richer spelling is the
    likelier true one.
    """
    has_digits = bool(re.search(r"\d", name))
    accented = sum(1 for c in name if unicodedata.decomposition(c) or c in "øæß")
    return (0 if has_digits else 1, accented)


@dataclass
class KnownPerson:
    person_id: int
    folded_aliases: set[str] = field(default_factory=set)


class PersonMatcher:
    """Finds the person a written name belongs to among known people."""

    def __init__(self, people: Iterable[KnownPerson]) -> None:
        self._by_alias: dict[str, int] = {}
        self._by_first_name: dict[str, list[tuple[str, int]]] = {}
        for person in people:
            for alias in person.folded_aliases:
                self.add(person.person_id, alias)

    def add(self, person_id: int, folded: str) -> None:
        self._by_alias.setdefault(folded, person_id)
        first, _ = split_name(folded)
        self._by_first_name.setdefault(first, []).append((folded, person_id))

    def find(self, folded: str) -> int | None:
        if folded in self._by_alias:
            return self._by_alias[folded]
        first, _ = split_name(folded)
        for known, person_id in self._by_first_name.get(first, []):
            if same_person(folded, known):
                return person_id
        return None
