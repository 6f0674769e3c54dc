"""The folded forms that text is compared on: no case, no diacritics, and OCR slips undone."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that Unicode does not decompose into a base letter and a mark.
_UNDECOMPOSABLE = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ł": "l", "œ": "oe"})
# str.translate is slow on non-ASCII text: it is only run when one of those letters is there.
_HAS_UNDECOMPOSABLE = re.compile("[" + "".join(map(chr, _UNDECOMPOSABLE)) + "]")
# The marks NFKD leaves of Latin diacritics (U+0300-U+036F, less the few there that are not combining):
# removed in one pass; marks of other scripts are found character by character.
_LATIN_MARKS = re.compile("[" + "".join(c for c in map(chr, range(0x300, 0x370)) if unicodedata.combining(c)) + "]")
# What OCR prints in place of letters; read back only next to letters ("Dahll6f", "0lsson", "6ver").
_OCR_LOOKALIKES = str.maketrans({"0": "o", "6": "o", "1": "l", "5": "s", "8": "b", "|": "l", "&": "a", "$": "s"})
_OCR_IN_WORD = re.compile(r"(?<=[a-z])[0-9|&$]|[06&](?=[a-z])")
_OCR_CHAR = re.compile(r"[0-9|&$]")  # what every _OCR_IN_WORD match is: quick to look for


@lru_cache(maxsize=1 << 16)  # the recogniser folds the same labels and words over and over
def fold(text: str) -> str:
    """Lower case, without diacritics, whitespace collapsed: 'Hällsten  Ö' -> 'hallsten o'."""
    if text.isascii():  # nothing to decompose, and casefold() is lower() for ASCII
        return " ".join(text.lower().split())
    folded = text.casefold()
    if _HAS_UNDECOMPOSABLE.search(folded):
        folded = folded.translate(_UNDECOMPOSABLE)
    plain = _LATIN_MARKS.sub("", unicodedata.normalize("NFKD", folded))
    if not plain.isascii():
        plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(plain.split())


@lru_cache(maxsize=1 << 16)
def fold_ocr(text: str) -> str:
    """`fold`, plus characters OCR put in place of letters read back: 'Dahll6f' -> 'dahllof'."""
    folded = fold(text)
    if not _OCR_CHAR.search(folded):
        return folded
    return _OCR_IN_WORD.sub(lambda m: m.group().translate(_OCR_LOOKALIKES), folded)
