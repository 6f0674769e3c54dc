"""The folded forms that text is compared on: no case, no diacritics, and OCR slips undone."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that Unicode does not decompose into a base letter and a mark.
_UNDECOMPOSABLE = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ł": "l", "œ": "oe"})
# What OCR prints in place of letters; read back only next to letters ("Dahll6f", "0lsson", "6ver").
_OCR_LOOKALIKES = str.maketrans({"0": "o", "6": "o", "1": "l", "5": "s", "8": "b", "|": "l", "&": "a", "$": "s"})
_OCR_IN_WORD = re.compile(r"(?<=[a-z])[0-9|&$]|[06&](?=[a-z])")


@lru_cache(maxsize=1 << 16)  # the recogniser folds the same labels and words over and over
def fold(text: str) -> str:
    """Lower case, without diacritics, whitespace collapsed: 'Hällsten  Ö' -> 'hallsten o'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_UNDECOMPOSABLE))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.split())


@lru_cache(maxsize=1 << 16)
def fold_ocr(text: str) -> str:
    """`fold`, plus characters OCR put in place of letters read back: 'Dahll6f' -> 'dahllof'."""
    return _OCR_IN_WORD.sub(lambda m: m.group().translate(_OCR_LOOKALIKES), fold(text))
