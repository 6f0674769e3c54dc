"""Repair of Swedish text whose å/ä/ö OCR broke ("Dahll6f", "N&rvarande", "Motet", "hélsade", "frdn").

Each word is tried with the letters OCR makes of å/ä/ö put back (6/o -> ö, &/a/é/d -> ä, a/d -> å, é/d -> ö)
and the variants are looked up in wordfreq's Swedish list (shipped in the wheel, read once and indexed by
folded spelling) and in the archive's own words (names and words of clean documents, which outrank the
list). A word is changed only when confident: the repaired form must be much more common than the word as
written, and clearly ahead of any other repair. Four more kinds of evidence:

* the document itself: OCR seldom breaks every å/ä/ö, so the letters that survive in some occurrences of a
  word ("anvandarrådet", "användarradet") tell how its damaged occurrences are spelled ("användarrådet");
* compounds the list does not know are read as known parts ("registervården" = "register" + "vården");
* where both spellings are words (har/här, var/vår, saker/säker), the neighbours decide: light Swedish
  grammar and the archive's clean text (importers/repair_context.py); without them short words keep
  their form unless the evidence is overwhelming;
* the case of a word OCR wrote with a digit ("6vriga") comes from its sentence or its other occurrences.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cached_property, lru_cache

from .model import Block, Document
from .ocr import looks_ocr_damaged
from .repair_context import Neighbours, decide, fold

#: What OCR made of each Swedish letter, read backwards: written character -> letters it may stand for.
_RESTORE: dict[str, tuple[str, ...]] = {"o": ("ö",), "a": ("ä", "å"), "é": ("ä", "ö"), "d": ("å", "ä", "ö")}
#: A digit or "&" between letters is never right: OCR read ö or ä there.
_SURE = {"6": "ö", "&": "ä"}
_SURE_TABLE = str.maketrans(_SURE)
_WORD = re.compile(r"(?<![\w&])(?:[^\W\d_]+|[6&](?=[^\W\d_])|(?<=[^\W\d_])[6&])+(?![\w&])")
_SWEDISH_LETTERS = frozenset("åäö")
#: A word's key: its letters with every letter OCR confuses with å/ä or with ö folded into one class ("d"
#: kept, "é" marked: each may stand for either).
_KEY = str.maketrans({"å": "A", "ä": "A", "a": "A", "é": "E", "&": "A", "ö": "O", "o": "O", "6": "O"})
_EITHER = {"d": "dAO", "E": "AO"}
_MAX_D = 3  # "d"s and "é"s in a word that may each stand for å/ä or ö (3**3 keys to look up at most)
_MIN_STEM = 7  # letters a word keeps when its ending is cut off to look for its other forms
_MAX_ENDING = 3  # letters of an ending cut off: "användarråd|et", "användarråd|ets"
_ENGLISH_DISCOUNT = 1.0  # zipf units off a word that is more English than Swedish, in Swedish text
_ARCHIVE_ZIPF = 4.5  # how common a word of the archive's own clean documents counts as, at least
_DOCUMENT_BONUS = 1.0  # zipf units for a spelling the document's surviving å/ä/ö agree with
_DOCUMENT_UNKNOWN = 2.0  # how common such a spelling counts as when no list knows it
_MIN_GAIN = 0.9  # zipf units the repair must gain over the word as written
_MIN_GAIN_SHORT = 1.5  # ... for a short word that is itself a word (and then only in Swedish context)
_MIN_LEAD = 1.0  # zipf units the best repair must lead the second best by
_MIN_LEAD_NONWORD = 0.5  # ... when the word as written is no word at all (leaving it is surely wrong)
_NONWORD = 1.0  # below this zipf a written word counts as no word
_MIN_UNKNOWN = 2.0  # how common the repair of a capitalised word the list does not know must be (a name?)
_MIN_PART = 1.5  # how common each part of a compound must be
_MIN_PARTS = 5.0  # ... both parts together (zipf sum)
_MIN_TAIL3 = 4.0  # how common a three-letter last part must be ("område|s|typ")
_BOUNDARY = re.compile(r"[.!?:;]|\n\s*\n|\n\s*(?:[-*•#]|\d+[.)])")  # between sentences, paragraphs, items
_NUMBER = re.compile(r"\b\d+\s*$")
_SENTENCE_START = re.compile(r"(?:[.!?]\s+|\n[^\w\n]*(?:\d+[.)]?[^\w\n]*)?)$")


@lru_cache(maxsize=1)
def _swedish() -> dict[str, float]:
    """wordfreq's Swedish words with their frequency, loaded once."""
    from wordfreq import get_frequency_dict

    return get_frequency_dict("sv", wordlist="best")


@lru_cache(maxsize=1)
def _swedish_index() -> dict[str, tuple[str, ...]]:
    """wordfreq's Swedish words spelled with å/ä/ö, by key: the candidates a damaged word can be."""
    index: dict[str, list[str]] = defaultdict(list)
    for word in _swedish():
        if not _SWEDISH_LETTERS.isdisjoint(word):
            index[word.translate(_KEY)].append(word)
    return {key: tuple(words) for key, words in index.items()}


@lru_cache(maxsize=1)
def _ambiguous_folds() -> frozenset[str]:
    """Folded forms that are two common words ("har": har, här): those whose archive neighbours count."""
    swedish = _swedish()
    return frozenset(fold(w) for words in _swedish_index().values() for w in words
                     if _zipf(swedish[w]) >= 3 and _zipf(swedish.get(fold(w), 0.0)) >= 3)


@lru_cache(maxsize=1)
def _english() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en", wordlist="small")


def _zipf(frequency: float) -> float:
    return math.log10(frequency * 1e9) if frequency > 0 else 0.0


def _keys(word: str) -> Iterator[str]:
    """`word`'s keys: each of its first few "d"s read as d, å/ä or ö, each "é" as ä or ö."""
    key = word.translate(_KEY)
    if "d" not in key and "E" not in key:
        yield key
        return
    either = [i for i, c in enumerate(key) if c in _EITHER][:_MAX_D]
    for choice in itertools.product(*(_EITHER[key[i]] for i in either)):
        letters = list(key)
        for i, c in zip(either, choice, strict=True):
            letters[i] = c
        yield "".join(letters).replace("E", "A")


def _is_variant(written: str, candidate: str) -> bool:
    """`candidate` is `written` with some OCR-prone letters put back."""
    return len(written) == len(candidate) and written != candidate and all(
        w == c or c in _RESTORE.get(w, ()) for w, c in zip(written, candidate, strict=True))


class ArchiveWords(set[str]):
    """The archive's words spelled with å/ä/ö, and how its clean text puts ambiguous words in context."""

    def __init__(self, words: Iterable[str] = (), neighbours: Neighbours | None = None) -> None:
        super().__init__(words)
        self.neighbours = neighbours

    @cached_property
    def lexicon(self) -> Lexicon:
        """The lexicon of these words (not changed after), found once for all the documents repaired with them."""
        return _lexicon(frozenset(w.lower() for w in self))


#: Letters a repair may change ("o" -> "ö", "6" -> "ö", ...): a word with none of them always stays as written.
_OCR_PRONE = frozenset(_RESTORE) | frozenset(_SURE)


class Lexicon:
    """What a word may be and how common it is: wordfreq's Swedish list plus the archive's words.

    None of it depends on the document being repaired, so every document repaired with the same archive
    words shares one lexicon (`_lexicon`): a word's candidates, compound readings and language are worked
    out once per import instead of once per document.
    """

    def __init__(self, archive_words: frozenset[str]) -> None:
        self.archive_words = archive_words
        self._archive_index = _index(archive_words)
        self._lexed: dict[str, float] = {}
        self._candidates: dict[str, tuple[str, ...]] = {}
        self._compounds: dict[tuple[str, int], tuple[float, str]] = {}
        self._parts: dict[tuple[str, bool], tuple[float, str]] = {}
        self._english_words: dict[str, bool] = {}

    def lex(self, word: str) -> float:
        """How common `word` is: wordfreq's Swedish list, or the archive's words."""
        score = self._lexed.get(word)
        if score is None:
            score = _zipf(_swedish().get(word, 0.0))
            score = self._lexed[word] = max(score, _ARCHIVE_ZIPF) if word in self.archive_words else score
        return score

    def candidates(self, lower: str) -> tuple[str, ...]:
        """Words of the list or the archive that `lower` may be with its å/ä/ö put back."""
        found = self._candidates.get(lower)
        if found is None:
            seen: dict[str, None] = {}  # in the order found
            for key in _keys(lower):
                for index in (_swedish_index(), self._archive_index):
                    for candidate in index.get(key, ()):
                        if candidate not in seen and _is_variant(lower, candidate):
                            seen[candidate] = None
            found = self._candidates[lower] = tuple(seen)
        return found

    def compound(self, word: str, depth: int = 0) -> tuple[float, str]:
        """(score, repaired) of an unknown word read as a compound of known words ("användar|rådet")."""
        found = self._compounds.get((word, depth))
        if found is None:
            found = self._compounds[word, depth] = self._read_compound(word, depth)
        return found

    def _read_compound(self, word: str, depth: int) -> tuple[float, str]:
        readings: dict[str, float] = {}
        for i in range(4, len(word) - 2):  # parts of four letters or more: "nån|din" is no compound
            head, tail = self._part(word[:i]), self._part(word[i:], last=True)
            if tail[0] < _MIN_PART and depth < 1 and len(word) - i >= 6:
                tail = self.compound(word[i:], depth + 1)
            if len(word) - i == 3 and tail[0] < _MIN_TAIL3:
                continue
            if head[0] >= _MIN_PART and tail[0] >= _MIN_PART and head[0] + tail[0] >= _MIN_PARTS:
                reading = head[1] + tail[1]
                readings[reading] = max(readings.get(reading, 0.0), min(head[0], tail[0]))
        if not readings:
            return 0.0, word
        ranked = sorted(((score, reading) for reading, score in readings.items()), reverse=True)
        if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < _MIN_LEAD:  # splits that disagree: not confident
            return 0.0, word
        return ranked[0]

    def _part(self, part: str, last: bool = False) -> tuple[float, str]:
        """The best reading of one part of a compound: as written, or confidently repaired. A first part
        may be a stem ("användar" of "användare", "fråge" of "fråga") or end in a linking "s"."""
        cache = (part, last)
        if cache not in self._parts:
            score = self.lex if last else self._head_score
            written = score(part)
            ranked = sorted(((score(c), c) for c in set(self._part_variants(part, last)) if c != part), reverse=True)
            found = (written, part)
            lead = ranked[0][0] - ranked[1][0] if len(ranked) > 1 else _MIN_LEAD
            if ranked and ranked[0][0] - written >= _MIN_GAIN and lead >= _MIN_LEAD:
                found = ranked[0]
            self._parts[cache] = found
        return self._parts[cache]

    def _part_variants(self, part: str, last: bool) -> Iterator[str]:
        """Repairs of a compound's part: words, or (a first part) stems of words, looked up in the index."""
        yield from self.candidates(part)
        if last:
            return
        for suffix in ("e", "a"):  # "användar" of "användare"
            yield from (c[:-1] for c in self.candidates(part + suffix) if c.endswith(suffix))
        if part.endswith("s"):  # "förvaltning|s"
            yield from (c + "s" for c in self.candidates(part[:-1]))
        if part.endswith("e"):  # "fråge" of "fråga"
            yield from (c[:-1] + "e" for c in self.candidates(part[:-1] + "a") if c.endswith("a"))

    def _head_score(self, part: str) -> float:
        """A compound's first part is a word, or a word's stem ("användar" of "användare"), maybe with a
        linking "s" ("förvaltning|s") or "e" for "a" ("fråge" of "fråga")."""
        stems = [(part, 0.0), (part + "e", 0.5), (part + "a", 0.5)]
        if part.endswith("s") and len(part) > 4:
            stems.append((part[:-1], 0.0))
        if part.endswith("e") and len(part) > 4:
            stems.append((part[:-1] + "a", 0.5))
        return max(self.lex(stem) - penalty for stem, penalty in stems)

    def english_word(self, word: str) -> bool:
        """`word` (a neighbour) is English: more common there than it or its repairs are in Swedish."""
        if word not in self._english_words:
            frequency, swedish = _english().get(word, 0.0), _swedish()
            self._english_words[word] = _zipf(frequency) >= 3 and frequency > 3 * max(
                [swedish.get(word, 0.0), *(swedish.get(c, 0.0) for c in self.candidates(word))])
        return self._english_words[word]


@lru_cache(maxsize=4)
def _lexicon(archive_words: frozenset[str]) -> Lexicon:
    """The lexicon of some archive words (lower case): one for all the documents of an import."""
    return Lexicon(archive_words)


def _lexicon_of(archive_words: Iterable[str]) -> Lexicon:
    if isinstance(archive_words, ArchiveWords):
        return archive_words.lexicon
    return _lexicon(frozenset(w.lower() for w in archive_words))


class Repairer:
    """Repairs one document's words against wordfreq's Swedish list plus `archive_words` (spelled with
    å/ä/ö), with the letters that survive in the document as evidence (`use_document`)."""

    def __init__(self, archive_words: Iterable[str] = ()) -> None:
        self.neighbours: Neighbours | None = getattr(archive_words, "neighbours", None)
        self.lexicon = _lexicon_of(archive_words)
        self.originals: dict[str, str] = {}  # repaired word -> the word as written
        self._evidence: dict[str, dict[int, str]] = {}  # key -> position -> the å/ä/ö the document shows there
        self._capitalised: set[str] = set()  # keys of words the document writes with a capital
        self._ranked: dict[str, tuple[float, list[tuple[float, str]], list[str]]] = {}
        # (word, before, after, sentence_start) -> word(): a document's words come again, block by block
        self._repaired: dict[tuple[str, tuple[str, str], tuple[str, str], bool], str] = {}

    def use_document(self, text: str) -> None:
        """Take the document's surviving å/ä/ö as evidence (OCR seldom breaks every one of them)."""
        words: dict[str, None] = {}  # each spelling once, in the order met
        capitals_inside: set[str] = set()  # words written with a capital inside a sentence
        for match in _WORD.finditer(text):
            word = match.group(0)
            words[word] = None
            if word[0].isupper() and word not in capitals_inside and not _opens_sentence(text, match.start()):
                capitals_inside.add(word)
        upper: dict[str, set[bool]] = defaultdict(set)  # key -> case of the first letter inside sentences
        with_letters: dict[str, None] = {}  # the words spelled with å/ä/ö (in lower case)
        for word in words:
            if word[0].isalpha() and len(word) > 1 and (not word[0].isupper() or word in capitals_inside):
                upper[word.lower().translate(_KEY)].add(word[0].isupper())
            lower = word.lower().translate(_SURE_TABLE)
            if not _SWEDISH_LETTERS.isdisjoint(lower):
                with_letters[lower] = None
        letters: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
        for lower in with_letters:
            for key in _keys(lower):
                # a long word's stem speaks for its other forms: "användarrådet" for "användarråd"
                for i, c in enumerate(lower):
                    if c in _SWEDISH_LETTERS:
                        letters[key][i].add(c)
                for cut in range(0, min(_MAX_ENDING, len(key) - _MIN_STEM) + 1):
                    for i, c in enumerate(lower[:len(key) - cut]):
                        if c in _SWEDISH_LETTERS:
                            letters[key[:len(key) - cut] + "~"][i].add(c)
        self._evidence = {key: {i: next(iter(seen)) for i, seen in positions.items() if len(seen) == 1}
                          for key, positions in letters.items()}
        self._capitalised = {key for key, cases in upper.items() if cases == {True}}
        self._ranked.clear()
        self._repaired.clear()

    def text(self, text: str) -> str:
        """`text` with every confidently repaired word replaced, everything else untouched."""
        matches = list(_WORD.finditer(text))
        out: list[str] = []
        end = 0
        for i, match in enumerate(matches):
            written = match.group(0)
            if self._stays(written.lower()):
                continue
            before, after = _context(text, matches, i)
            starts = written[0] in _SURE and _opens_sentence(text, match.start())
            key = (written, before, after, starts)
            if (word := self._repaired.get(key)) is None:
                word = self._repaired[key] = self.word(written, before, after, sentence_start=starts)
            if word != written:
                self.originals.setdefault(word, written)
                out += [text[end:match.start()], word]
                end = match.end()
        out.append(text[end:])
        return "".join(out)

    def _stays(self, lower: str) -> bool:
        """Nothing in `lower` to put back, or no repair of it is a word: it stays as written, whatever its
        context (so that is not worked out)."""
        return _OCR_PRONE.isdisjoint(lower) or ("6" not in lower and "&" not in lower and not self._rank(lower)[2])

    def word(self, word: str, before: str | tuple[str, str] = "", after: str | tuple[str, str] = "",
             sentence_start: bool = False) -> str:
        """One word repaired, if confident; `before` and `after` are its neighbours (the nearest, or the
        two nearest, nearest first)."""
        before = (fold(before), "") if isinstance(before, str) else before
        after = (fold(after), "") if isinstance(after, str) else after
        lower = word.lower()
        sure = lower.translate(_SURE_TABLE)
        repaired = self._choose(word, sure, before, after)
        if repaired == lower:
            return word
        capital = word[0] in _SURE and (sentence_start or repaired.translate(_KEY) in self._capitalised)
        return _same_case(word, repaired, capital)

    def _choose(self, word: str, sure: str, before: tuple[str, str], after: tuple[str, str]) -> str:
        written, ranked, candidates = self._rank(sure)
        if not candidates:
            return sure
        short = written > 0 and len(sure) <= 3
        swedish = self._swedish_context(before[0], after[0])
        if written >= _NONWORD and swedish:
            chosen = decide(sure, candidates, before, after)
            if chosen is None and self.neighbours is not None:
                chosen = self.neighbours.decide(sure, candidates, before[0], after[0])
            if chosen is not None:
                return chosen
        if not ranked or (short and not swedish):
            return sure
        (best_score, best), second = ranked[0], (ranked[1][0] if len(ranked) > 1 else 0.0)
        if swedish and self._more_english(sure):  # "an", "trader", "gang": English counts in the Swedish list
            written -= _ENGLISH_DISCOUNT
        needed = _MIN_GAIN_SHORT if short else _MIN_GAIN
        if written == 0 and word[:1].isupper() and best_score < _MIN_UNKNOWN:
            return sure
        lead = _MIN_LEAD_NONWORD if written < _NONWORD else _MIN_LEAD
        if best_score - written < needed or best_score - second < lead:
            return sure
        return best

    def _rank(self, lower: str) -> tuple[float, list[tuple[float, str]], list[str]]:
        """(score of the word as written, confident-enough repairs best first, every repair that is a
        word); cached per word."""
        if lower not in self._ranked:
            written = self._score(lower)
            every = sorted(((self._score(c), c) for c in self.lexicon.candidates(lower)), reverse=True)
            ranked = [(score, c) for score, c in every if score > 0 and _plausible(lower, c, written, score)]
            agreed = self._agreed(lower)
            if agreed and agreed not in {c for _, c in ranked} and written < _NONWORD:
                ranked = sorted([*ranked, (_DOCUMENT_UNKNOWN + _DOCUMENT_BONUS, agreed)], reverse=True)
            if not any(self.lexicon.lex(c) > 0 for _, c in ranked) and self.lexicon.lex(lower) == 0 and not agreed:
                score, compound = self.lexicon.compound(lower)
                if score > 0 and compound != lower:
                    ranked = sorted([(score + self._bonus(compound), compound),
                                     *((s, c) for s, c in ranked if c != compound)], reverse=True)
            self._ranked[lower] = (written, ranked, [c for _, c in ranked] + [c for _, c in every if
                                                                           (_, c) not in ranked])
        return self._ranked[lower]

    def _agreed(self, lower: str) -> str | None:
        """`lower` with the å/ä/ö that the document's other occurrences of the word (or, for a long word,
        of other forms of it: "användarrådet" for "användarråd") show put back."""
        best = None
        for key in _keys(lower):
            best = self._agree(lower, key, best)
            for cut in range(0, min(_MAX_ENDING, len(key) - _MIN_STEM) + 1):
                best = self._agree(lower, key[:len(key) - cut] + "~", best)  # forms sharing a stem
                if cut:
                    best = self._agree(lower, key[:len(key) - cut], best)  # a shorter form
        return best[1] if best else None

    def _agree(self, lower: str, key: str, best: tuple[int, str] | None) -> tuple[int, str] | None:
        """`best` or, if it has more evidence, `lower` read with the evidence filed under `key`."""
        evidence = self._evidence.get(key)
        if not evidence:
            return best
        letters = list(lower)
        for i, c in evidence.items():
            letters[i] = c
        candidate = "".join(letters)
        if _is_variant(lower, candidate) and (best is None or len(evidence) > best[0]):
            return len(evidence), candidate
        return best

    def _bonus(self, word: str) -> float:
        """`_DOCUMENT_BONUS` when the document's surviving å/ä/ö agree with `word` (and it has some)."""
        evidence = self._evidence.get(word.translate(_KEY))
        if not evidence or _SWEDISH_LETTERS.isdisjoint(word):
            return 0.0
        return _DOCUMENT_BONUS if all(word[i] == c for i, c in evidence.items()) else 0.0

    def _score(self, word: str) -> float:
        return self.lexicon.lex(word) + self._bonus(word)

    def _swedish_context(self, before: str, after: str) -> bool:
        """Not between English words: "for" in "Guide for researchers" stays "for"; "Pa gang" is Swedish,
        as "gang" is "gång"."""
        neighbours = [w for w in (before, after) if w]
        return not neighbours or not all(self.lexicon.english_word(w) for w in neighbours)

    @staticmethod
    def _more_english(word: str) -> bool:
        english = _zipf(_english().get(word, 0.0))
        return english >= 3 and english > _zipf(_swedish().get(word, 0.0)) + 0.5


def _index(words: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """`words` spelled with å/ä/ö, by key (the archive's words)."""
    index: dict[str, list[str]] = defaultdict(list)
    for word in words:
        if not _SWEDISH_LETTERS.isdisjoint(word):
            index[word.translate(_KEY)].append(word)
    return {key: tuple(found) for key, found in index.items()}


def _context(text: str, matches: list[re.Match[str]], i: int) -> tuple[tuple[str, str], tuple[str, str]]:
    """The two words before and after word `i` of `text` (folded, nearest first; "" across a sentence
    boundary or past the text's ends); a number right before it counts as the word before."""

    def linked(j: int) -> bool:  # word j is in the same sentence as the word before it
        return 0 < j < len(matches) and not _BOUNDARY.search(text, matches[j - 1].end(), matches[j].start())

    def folded(j: int) -> str:
        return fold(matches[j].group(0))

    before = after = ("", "")
    if linked(i):
        before = (folded(i - 1), folded(i - 2) if linked(i - 1) else "")
        if number := _NUMBER.search(text, matches[i - 1].end(), matches[i].start()):
            before = (number.group(0), before[0])  # "2 ar", "under 2025 ar": the number is the word before
    if linked(i + 1):
        after = (folded(i + 1), folded(i + 2) if linked(i + 2) else "")
    return before, after


def _plausible(written: str, candidate: str, written_score: float, score: float) -> bool:
    """A "d" read for å/ä/ö in a short word that is itself a word ("gd") needs overwhelming evidence."""
    swapped_d = any(w == "d" and c != "d" for w, c in zip(written, candidate, strict=True))
    return not (swapped_d and len(written) <= 3 and score - written_score < 3)


def _opens_sentence(text: str, start: int) -> bool:
    """The word at `start` opens a sentence, a line or a numbered line ("2. 6vrigt")."""
    window = text[max(0, start - 40):start]
    return (start <= 40 and not re.search(r"\w", window)) or bool(_SENTENCE_START.search(window))


def _same_case(written: str, repaired: str, capital: bool = False) -> str:
    """`repaired` in the case pattern of `written` ("DAHLL6F" -> "DAHLLÖF", "Motet" -> "Mötet"); `capital`:
    the first letter is a capital although OCR wrote a digit for it ("6vriga" opening a sentence)."""
    letters = [c for c in written if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return repaired.upper()
    out = "".join(r.upper() if w.isupper() else r for w, r in zip(written, repaired, strict=False))
    return out[:1].upper() + out[1:] if capital else out


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


def words_with_swedish_letters(texts: Iterable[str]) -> ArchiveWords:
    """The words spelled with å/ä/ö in some texts: what the archive contributes to repairs; it carries
    the texts' neighbours of ambiguous words ("det här", "i vår") as well."""
    found: set[str] = set()
    neighbours = Neighbours()
    ambiguous = _ambiguous_folds()
    for text in texts:
        found.update(w.lower() for w in _ARCHIVE_WORD.findall(text or ""))
        neighbours.add(text or "", ambiguous)
    return ArchiveWords(found, neighbours)
