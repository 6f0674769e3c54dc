"""Telling whether text came out of OCR damaged (digits inside words, Swedish without å/ä/ö)."""

from __future__ import annotations

import re
from collections import Counter

from .vocabulary import SWEDISH_FUNCTION_WORDS, SWEDISH_WORDS_WITHOUT_DIACRITICS, fold, word_alternation

_DIGIT_IN_WORD = re.compile(r"(?<![\w])[^\W\d_]{2,}[0-9][^\W\d_]+|(?<![\w])6[a-zåäö]{2,}")
# Every match of _DIGIT_IN_WORD has a digit followed by a letter: text with fewer such pairs than
# _MIN_DIGIT_WORDS cannot have enough matches, and this is far quicker to count.
_DIGIT_BEFORE_LETTER = re.compile(r"[0-9][^\W\d_]")
_MIN_DIGIT_WORDS = 3
_MIN_SWEDISH_WORDS = 20
_MIN_BARE_SHARE = 0.5
_FUNCTION_WORDS = frozenset(SWEDISH_FUNCTION_WORDS)
_BARE_FORMS = frozenset(SWEDISH_WORDS_WITHOUT_DIACRITICS)
_LETTERS = re.compile(r"[^\W\d_]+")  # a word: a run of letters
# A function word or bare form as a whole word: what counting every word would find of them.
_COUNTED_WORD = re.compile(r"\b(?:" + word_alternation(_FUNCTION_WORDS | _BARE_FORMS) + r")\b")


def looks_ocr_damaged(text: str) -> bool:
    """True when OCR left its marks: "Dahll6f", "6ver", or Swedish written without å/ä/ö."""
    if (len(_DIGIT_BEFORE_LETTER.findall(text)) >= _MIN_DIGIT_WORDS
            and len(_DIGIT_IN_WORD.findall(text)) >= _MIN_DIGIT_WORDS):
        return True
    return _swedish_without_diacritics(text)


def _swedish_without_diacritics(text: str) -> bool:
    """Swedish text in which words like "på", "från", "för" mostly lack their diacritics."""
    lower = text.lower()
    counts = Counter(_COUNTED_WORD.findall(lower))  # finding only these is far quicker than every word
    if sum(counts[w] for w in _FUNCTION_WORDS) < _MIN_SWEDISH_WORDS:
        return False
    bare = sum(counts[w] for w in _BARE_FORMS)
    if bare <= 5:
        return False
    words = Counter(_LETTERS.findall(lower))  # each distinct word is looked at once
    # an ASCII word folds to itself: only the others can be a bare form written properly
    proper = sum(n for w, n in words.items() if not w.isascii() and fold(w) in _BARE_FORMS and fold(w) != w)
    return bare >= _MIN_BARE_SHARE * (bare + proper)
