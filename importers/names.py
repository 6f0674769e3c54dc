"""Telling a person's name from other capitalised words.

A name is 2-4 capitalised words ("Carl-Martin Pethrus", "Maria Bach Harren"), possibly with particles
("Tom van der Berg"), apostrophes ("O'Neill") or initials ("J. R. Smith"). OCR damage inside a word
("Dahll6f") is tolerated. Words that name organisations ("Skolverket", "universitet") are not names.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .vocabulary import HONORIFICS, NAME_PARTICLES, ORGANISATION_WORDS, fold

_INITIAL = re.compile(r"^[A-ZÅÄÖÉÜ]\.(?:-?[A-ZÅÄÖÉÜ]\.)*$")
_BARE_INITIAL = re.compile(r"^[A-ZÅÄÖÉÜ]$")  # "R Hughes", as British minutes write it
_NICKNAME = re.compile(r"\s[\"“”'‘’«»][^\"“”'‘’«»\s]{2,}[\"“”'‘’«»](?=\s)")  # Johan "Jocke" Andersson
_HONORIFICS = frozenset(fold(h) for h in HONORIFICS)
# A long organisation word, alone or closing a compound of at least two more letters ("Skolverket")
_LONG_ORGANISATION_WORD = re.compile(
    r"(?:..+)?(?:" + "|".join(re.escape(fold(w)) for w in ORGANISATION_WORDS if len(w) > 4) + ")"
)
_SHORT_ORGANISATION_WORDS = {fold(w) for w in ORGANISATION_WORDS if len(w) <= 4}


@lru_cache(maxsize=1 << 16)  # the same names recur on many lines and in many meetings
def is_name_word(token: str) -> bool:
    """A capitalised word that could be part of a person's name."""
    if _INITIAL.match(token):
        return True
    if len(token) < 2 or not token[0].isupper() or not any(c.islower() for c in token):
        return False
    if not re.fullmatch(r"[^\W_][\w'’]*(?:-[^\W_][\w'’]*)*", token):
        return False
    if token.split("-")[0].isupper():
        return False  # an acronym: "MONA-support", "SCB"
    letters = sum(c.isalpha() for c in token)
    if letters < len(token) - token.count("-") - token.count("'") - token.count("’") - 1:
        lookalikes = sum(c in "015689" for c in token)
        others = len(token) - letters - lookalikes - token.count("-") - token.count("'") - token.count("’")
        if others or lookalikes > 2 or letters < 4:
            return False  # digits only as OCR makes them in place of letters ("Dahll6f", "Fi11more")
    return not is_organisation_word(token)


@lru_cache(maxsize=1 << 16)
def is_organisation_word(token: str) -> bool:
    folded = fold(token).strip(".,")
    return folded in _SHORT_ORGANISATION_WORDS or _LONG_ORGANISATION_WORD.fullmatch(folded) is not None


def strip_honorific(text: str) -> tuple[str, str]:
    """(honorific, rest): "Cllr R Hughes" -> ("Cllr", "R Hughes"); ("", text) when there is none.

    Compared exactly (no OCR tolerance): "Dave" must not pass for "Dame".
    """
    words = text.split()
    for n in (2, 1):
        if (len(words) > n and " ".join(fold(w).rstrip(".") for w in words[:n]) in _HONORIFICS
                and words[n][:1].isupper()):
            return " ".join(words[:n]), " ".join(words[n:])
    return "", text


def without_nickname(text: str) -> str:
    """'Johan "Jocke" Andersson' -> 'Johan Andersson'."""
    return " ".join(_NICKNAME.sub(" ", f" {text} ").split())


@lru_cache(maxsize=1 << 16)
def leading_name(text: str, min_words: int = 2) -> tuple[str, str] | None:
    """(name, rest) when `text` starts with a person's name; None otherwise.

    "Jonas Holm MONA-supporten" -> ("Jonas Holm", "MONA-supporten"): the name stops at the first word
    that cannot be part of a name. An honorific before the name ("Dr", "Cllr") is not part of it.
    """
    tokens = strip_honorific(text.replace("_", " "))[1].split()
    taken = 0
    capitals = 0
    while taken < len(tokens) and capitals < 4:
        token = tokens[taken]
        if is_name_word(token) or (_BARE_INITIAL.match(token) and taken + 1 < len(tokens)
                                   and is_name_word(tokens[taken + 1])):
            capitals += 1
        elif not (capitals and _particles_then_name(tokens[taken:])):
            break
        taken += 1
    if capitals < min_words:
        return None
    if capitals == 1 and (_INITIAL.match(tokens[0]) or _BARE_INITIAL.match(tokens[0])):
        return None
    return " ".join(tokens[:taken]), " ".join(tokens[taken:])


def _particles_then_name(tokens: list[str]) -> bool:
    """True for "van der Berg": one or more particles followed by a name word."""
    i = 0
    while i < len(tokens) and fold(tokens[i]) in NAME_PARTICLES:
        i += 1
    return 0 < i < len(tokens) and is_name_word(tokens[i])


def is_name(text: str, min_words: int = 2) -> bool:
    """True when the whole of `text` is a person's name."""
    found = leading_name(text, min_words)
    return bool(found) and not found[1]
