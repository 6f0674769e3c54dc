"""Repair of Swedish text whose å/ä/ö OCR broke ("Dahll6f", "N&rvarande", "Motet", "hélsade", "frdn").

Each word is tried with the letters OCR makes of å/ä/ö put back (6/o -> ö, &/a/é/d -> ä, a/d -> å, é/d -> ö)
and the variants are looked up in wordfreq's Swedish list (shipped in the wheel, read once, lazily) and in
the archive's own words (names and words of clean documents, which outrank the list). A word is changed
only when confident: the repaired form must be much more common than the word as written, and clearly
ahead of any other repair. Short words that are words in their own right (for/för, ar/är/år, far/får)
need a far larger lead, so they keep their form unless the evidence is overwhelming.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache

from .model import Block, Document
from .ocr import looks_ocr_damaged

#: What OCR made of each Swedish letter, read backwards: written character -> letters it may stand for.
_RESTORE: dict[str, tuple[str, ...]] = {"o": ("ö",), "a": ("ä", "å"), "é": ("ä", "ö"), "d": ("å", "ä", "ö")}
#: A digit or "&" between letters is never right: OCR read ö or ä there.
_SURE = {"6": "ö", "&": "ä"}
_WORD = re.compile(r"(?<![\w&])(?:[^\W\d_]|[6&](?=[^\W\d_])|(?<=[^\W\d_])[6&])+(?![\w&])")
_MAX_VARIANTS = 4096
_ARCHIVE_ZIPF = 4.5  # how common a word of the archive's own clean documents counts as, at least
_DOCUMENT_BONUS = 1.0  # zipf units for a spelling with å/ä/ö that the document itself uses elsewhere
_MIN_GAIN = 0.9  # zipf units the repair must gain over the word as written
_MIN_GAIN_SHORT = 1.5  # ... for a short word that is itself a word (and then only in Swedish context)
_MIN_LEAD = 1.0  # zipf units the best repair must lead the second best by
_MIN_UNKNOWN = 2.0  # how common the repair of a capitalised word the list does not know must be (a name?)
_MIN_PART = 2.0  # how common each part of a compound must be
#: Context that decides "ar" between är and år: a count before it ("två ar", "3 ar").
_COUNTS = set("ett två tre fyra fem sex sju åtta nio tio elva tolv några många flera varje per".split())


@lru_cache(maxsize=1)
def _swedish() -> dict[str, float]:
    """wordfreq's Swedish words with their frequency, loaded once."""
    from wordfreq import get_frequency_dict

    return get_frequency_dict("sv", wordlist="best")


@lru_cache(maxsize=1)
def _english() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en", wordlist="small")


def _zipf(frequency: float) -> float:
    return math.log10(frequency * 1e9) if frequency > 0 else 0.0


class Repairer:
    """Repairs words against wordfreq's Swedish list plus `archive_words` (spelled with å/ä/ö)."""

    def __init__(self, archive_words: Iterable[str] = ()) -> None:
        self.archive_words = frozenset(w.lower() for w in archive_words)
        self.document_words: frozenset[str] = frozenset()
        self.originals: dict[str, str] = {}  # repaired word -> the word as written
        self._ranked: dict[str, tuple[float, list[tuple[float, str]]]] = {}
        self._parts: dict[str, tuple[float, str]] = {}

    def use_document(self, text: str) -> None:
        """Take the document's own intact spellings as evidence (OCR seldom breaks every å/ä/ö)."""
        self.document_words = frozenset(words_with_swedish_letters([text]))
        self._ranked.clear()
        self._parts.clear()

    def text(self, text: str) -> str:
        """`text` with every confidently repaired word replaced, everything else untouched."""
        matches = list(_WORD.finditer(text))
        out: list[str] = []
        end = 0
        before = ""  # the previous word as repaired: "tva ar" is "två år"
        for i, match in enumerate(matches):
            after = matches[i + 1].group(0).lower() if i + 1 < len(matches) else ""
            word = self.word(match.group(0), before, after)
            if word != match.group(0):
                self.originals.setdefault(word, match.group(0))
            out += [text[end:match.start()], word]
            before, end = word.lower(), match.end()
        out.append(text[end:])
        return "".join(out)

    def word(self, word: str, before: str = "", after: str = "") -> str:
        """One word repaired, if confident; `before` and `after` are its neighbours (lower case)."""
        lower = word.lower()
        sure = "".join(_SURE.get(c, c) for c in lower)
        written, ranked = self._rank(sure)
        if not ranked:
            return _same_case(word, sure)
        (best_score, best), second = ranked[0], (ranked[1][0] if len(ranked) > 1 else 0.0)
        short = written > 0 and len(lower) <= 3
        if short and not self._swedish_context(before, after):
            return _same_case(word, sure)
        if short and best in ("är", "år") and {"är", "år"} <= {c for _, c in ranked}:
            best, second = ("år", 0.0) if before in _COUNTS or before.isdigit() else ("är", 0.0)
        needed = _MIN_GAIN_SHORT if short else _MIN_GAIN
        if written == 0 and word[:1].isupper() and best_score < _MIN_UNKNOWN:
            return _same_case(word, sure)
        if best_score - written < needed or best_score - second < _MIN_LEAD:
            return _same_case(word, sure)
        return _same_case(word, best)

    def _rank(self, lower: str) -> tuple[float, list[tuple[float, str]]]:
        """(score of the word as written, repairs that are words, best first); cached per word."""
        if lower not in self._ranked:
            written = self._score(lower)
            ranked = sorted(((self._score(c), c) for c in _variants(lower)), reverse=True)
            ranked = [(score, c) for score, c in ranked if score > 0 and _plausible(lower, c, written, score)]
            if not ranked and written == 0:
                compound = self._compound(lower)
                ranked = [compound] if compound[0] > 0 and compound[1] != lower else []
            self._ranked[lower] = (written, ranked)
        return self._ranked[lower]

    def _compound(self, word: str, depth: int = 0) -> tuple[float, str]:
        """(score, repaired) of an unknown word read as a compound of known words ("användar|rådet")."""
        readings: dict[str, float] = {}
        for i in range(4, len(word) - 3):  # parts of four letters or more: "nån|din" is no compound
            head, tail = self._part(word[:i]), self._part(word[i:])
            if tail[0] < _MIN_PART and depth < 1 and len(word) - i >= 6:
                tail = self._compound(word[i:], depth + 1)
            if head[0] >= _MIN_PART and tail[0] >= _MIN_PART:
                reading = head[1] + tail[1]
                readings[reading] = max(readings.get(reading, 0.0), min(head[0], tail[0]))
        if len(readings) != 1:  # no reading, or splits that disagree: not confident
            return 0.0, word
        ((reading, score),) = readings.items()
        return score, reading

    def _part(self, part: str) -> tuple[float, str]:
        """The best reading of one part of a compound: as written, or confidently repaired."""
        if part not in self._parts:
            stem = part[:-1] if part.endswith("s") and len(part) > 4 else part  # the linking s: "förvaltning|s"
            written = self._head_score(stem)
            ranked = sorted(((self._head_score(c), c) for c in _variants(stem)), reverse=True)
            found = (written, stem)
            lead = ranked[0][0] - ranked[1][0] if len(ranked) > 1 else _MIN_LEAD
            if ranked and ranked[0][0] - written >= _MIN_GAIN and lead >= _MIN_LEAD:
                found = ranked[0]
            self._parts[part] = (found[0], found[1] + part[len(stem):])
        return self._parts[part]

    def _head_score(self, part: str) -> float:
        """A compound's part is a word, or a word's stem ("användar" of "användare")."""
        return max(self._score(part), self._score(part + "e") - 0.5, self._score(part + "a") - 0.5)

    def _score(self, word: str) -> float:
        score = _zipf(_swedish().get(word, 0.0))
        if word in self.archive_words:
            score = max(score, _ARCHIVE_ZIPF)
        return score + _DOCUMENT_BONUS if word in self.document_words else score

    @staticmethod
    def _swedish_context(before: str, after: str) -> bool:
        """Not between English words: "for" in "Guide for researchers" stays "for"."""
        english, swedish = _english(), _swedish()
        neighbours = [w for w in (before, after) if w]
        return not neighbours or not all(
            _zipf(english.get(w, 0.0)) >= 3 and english.get(w, 0.0) > 3 * swedish.get(w, 0.0) for w in neighbours)


def _plausible(written: str, candidate: str, written_score: float, score: float) -> bool:
    """A "d" read for å/ä/ö in a short word that is itself a word ("gd") needs overwhelming evidence."""
    swapped_d = any(w == "d" and c != "d" for w, c in zip(written, candidate, strict=True))
    return not (swapped_d and len(written) <= 3 and score - written_score < 3)


def _variants(word: str) -> Iterator[str]:
    """Every spelling of `word` with some of its OCR-prone letters put back (not `word` itself)."""
    positions = [i for i, c in enumerate(word) if c in _RESTORE]
    options = [(word[i], *_RESTORE[word[i]]) for i in positions]
    if not positions or math.prod(len(o) for o in options) > _MAX_VARIANTS:
        return
    for choice in itertools.product(*options):
        letters = list(word)
        for i, c in zip(positions, choice, strict=True):
            letters[i] = c
        candidate = "".join(letters)
        if candidate != word:
            yield candidate


def _same_case(written: str, repaired: str) -> str:
    """`repaired` in the case pattern of `written` ("DAHLL6F" -> "DAHLLÖF", "Motet" -> "Mötet")."""
    letters = [c for c in written if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return repaired.upper()
    return "".join(r.upper() if w.isupper() else r for w, r in zip(written, repaired, strict=False))


# --- documents --------------------------------------------------------------------------------


def needs_repair(document: Document) -> bool:
    """True for a document whose text OCR damaged (digits inside words, Swedish without å/ä/ö)."""
    return looks_ocr_damaged(document.text)


def repair_document(document: Document, archive_words: Iterable[str] = ()) -> tuple[Document, dict[str, str]]:
    """A copy of `document` with its words repaired (its `text` the repaired text), and for each
    repaired word the word as written."""
    repairer = Repairer(archive_words)
    repairer.use_document(document.text)
    blocks = [_repair_block(block, repairer) for block in document.blocks]
    return replace(document, blocks=blocks, text=repairer.text(document.text)), repairer.originals


def as_written(text: str, originals: dict[str, str]) -> str:
    """`text` (repaired) with each repaired word put back as the document wrote it."""
    return " ".join(originals.get(word, word) for word in text.split())


def _repair_block(block: Block, repairer: Repairer) -> Block:
    return replace(block, text=repairer.text(block.text), cells=tuple(repairer.text(c) for c in block.cells))


_ARCHIVE_WORD = re.compile(r"[^\W\d_]*[åäöÅÄÖ][^\W\d_]*")


def words_with_swedish_letters(texts: Iterable[str]) -> set[str]:
    """The words spelled with å/ä/ö in some texts: what the archive contributes to repairs."""
    found: set[str] = set()
    for text in texts:
        found.update(w.lower() for w in _ARCHIVE_WORD.findall(text or ""))
    return found
