"""The search behind `/` and `minutes-tui search`: people, agenda topics and full text.

People and topics are matched in memory against keys folded once when the index is built
(`importers.people.fold` / `fold_name`), so a query costs one fold and a scan of plain strings.
Ranking: exact before prefix before substring before fuzzy. The fuzzy tier works word by word:
each query word is compared (optimal string alignment distance) against the vocabulary of
distinct words, and the keys holding a close word for every query word are the candidates. That
keeps a typo search over 100k titles at a few milliseconds, where scoring every title would not.

Text hits come from the archive's FTS5 index. Nothing here imports Textual.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import IntEnum

from rapidfuzz import process
from rapidfuzz.distance import OSA

from importers.archive import SNIPPET_MATCH_END, SNIPPET_MATCH_START, Archive
from importers.people import fold, fold_name

Span = tuple[int, int]  # [start, end) character offsets into the text shown


class Tier(IntEnum):
    EXACT = 0
    PREFIX = 1
    SUBSTRING = 2
    FUZZY = 3


_WORD = re.compile(r"\S+")
_MIN_FUZZY_WORD = 4


def _max_typos(word: str) -> int:
    """Edits a query word may be away from a vocabulary word: none for short words."""
    if len(word) < _MIN_FUZZY_WORD:
        return 0
    return 1 if len(word) <= 6 else 2


@dataclass(frozen=True)
class KeyMatch:
    key_id: int
    tier: Tier
    score: float  # 0..100, higher is better within a tier
    spans: tuple[Span, ...]  # in the folded key


class FuzzyIndex:
    """Folded keys searchable by exact, prefix, substring and per-word fuzzy match."""

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys
        postings: dict[str, list[int]] = {}
        for key_id, key in enumerate(keys):
            for word in set(key.split()):
                postings.setdefault(word, []).append(key_id)
        self._postings = postings
        self._vocabulary = list(postings)

    def search(self, query: str, limit: int) -> list[KeyMatch]:
        """Best matches for an already folded query, best first."""
        words = query.split()
        if not words:
            return []
        found = self._literal_matches(query, words, limit)
        if len(found) < limit:
            seen = {m.key_id for m in found}
            found += [m for m in self._fuzzy_matches(words) if m.key_id not in seen]
        found.sort(key=lambda m: (m.tier, -m.score, len(self.keys[m.key_id])))
        return found[:limit]

    def _literal_matches(self, query: str, words: list[str], limit: int) -> list[KeyMatch]:
        """Keys containing every query word, best tier first; tiers are filled only as far as
        `limit` needs, so a short query that hits thousands of keys stays cheap."""
        keys = self.keys
        if len(words) == 1:
            hits = [i for i, key in enumerate(keys) if query in key]
        else:
            hits = [i for i, key in enumerate(keys) if all(w in key for w in words)]
        word_starts = [f" {w}" for w in words]
        tiers = (
            (Tier.EXACT, lambda key: key == query),
            (Tier.PREFIX, lambda key: key.startswith(query) or all(w in f" {key}" for w in word_starts)),
            (Tier.SUBSTRING, lambda key: True),
        )
        matches: list[KeyMatch] = []
        remaining = hits
        for tier, belongs in tiers:
            if len(matches) >= limit or not remaining:
                break
            in_tier = [i for i in remaining if belongs(keys[i])]
            if len(in_tier) < len(remaining):
                taken = set(in_tier)
                remaining = [i for i in remaining if i not in taken]
            else:
                remaining = []
            best = heapq.nsmallest(limit - len(matches), in_tier, key=lambda i: len(keys[i]))
            matches += [KeyMatch(i, tier, 100.0, _literal_spans(keys[i], words)) for i in best]
        return matches

    def _fuzzy_matches(self, words: list[str]) -> list[KeyMatch]:
        close_per_word: list[dict[str, int]] = []
        for word in words:
            close = self._close_words(word)
            if not close:
                return []
            close_per_word.append(close)
        candidates: set[int] | None = None
        for close in close_per_word:
            ids = {key_id for vocab_word in close for key_id in self._postings[vocab_word]}
            candidates = ids if candidates is None else candidates & ids
        matches = []
        for key_id in candidates or ():
            key = self.keys[key_id]
            spans, typos = [], 0
            for close in close_per_word:
                best = min(
                    ((m.start(), m.end(), close[m.group()]) for m in _WORD.finditer(key) if m.group() in close),
                    key=lambda s: s[2],
                )
                spans.append(best[:2])
                typos += best[2]
            matches.append(KeyMatch(key_id, Tier.FUZZY, 100.0 - 10.0 * typos, tuple(sorted(spans))))
        return matches

    def _close_words(self, word: str) -> dict[str, int]:
        """Vocabulary words within a few edits of `word` (or starting with it), with the distance."""
        close = {w: 0 for w in self._vocabulary if w.startswith(word)} if len(word) >= 3 else {}
        if word in self._postings:
            close[word] = 0
        typos = _max_typos(word)
        if typos:
            for vocab_word, distance, _ in process.extract(
                word, self._vocabulary, scorer=OSA.distance, score_cutoff=typos, limit=None
            ):
                close.setdefault(vocab_word, int(distance))
        return close


def _literal_spans(key: str, words: Iterable[str]) -> tuple[Span, ...]:
    spans = []
    for word in words:
        at = f" {key}".find(f" {word}")  # prefer the start of a word
        start = at if at >= 0 else key.find(word)
        spans.append((start, start + len(word)))
    return tuple(sorted(spans))


def folded_offsets(text: str, folded: str) -> list[int] | None:
    """For each character of `fold(text)` the index in `text` it came from; None when folding
    changed lengths in a way that cannot be followed (then nothing is highlighted)."""
    offsets: list[int] = []
    pending_space = False
    for index, char in enumerate(text):
        if char.isspace():
            pending_space = bool(offsets)
            continue
        piece = fold(char)
        if piece and pending_space:
            offsets.append(index - 1)
            pending_space = False
        offsets.extend([index] * len(piece))
    return offsets if len(offsets) == len(folded) else None


def spans_in_text(text: str, folded: str, spans: Iterable[Span]) -> tuple[Span, ...]:
    """Map spans in a folded key back to spans in the text it was folded from."""
    offsets = folded_offsets(text, folded)
    if offsets is None:
        return ()
    return tuple((offsets[start], offsets[end - 1] + 1) for start, end in spans if 0 <= start < end <= len(offsets))


class TermCorrector:
    """Replaces query words the full-text index does not know with the closest word it does."""

    def __init__(self, terms: list[tuple[str, int]]) -> None:
        self._count = dict(terms)
        self._sorted = sorted(self._count)

    def _known(self, word: str, as_prefix: bool) -> bool:
        if word in self._count:
            return True
        at = bisect.bisect_left(self._sorted, word)
        return as_prefix and at < len(self._sorted) and self._sorted[at].startswith(word)

    def correct(self, query: str) -> str:
        words = re.findall(r"\w+", fold(query))
        corrected = []
        for position, word in enumerate(words):
            if not _max_typos(word) or self._known(word, as_prefix=position == len(words) - 1):
                corrected.append(word)
                continue
            close = process.extract(word, self._sorted, scorer=OSA.distance, score_cutoff=_max_typos(word), limit=None)
            best = min(close, key=lambda c: (c[1], -self._count[c[0]]), default=None)
            corrected.append(best[0] if best else word)
        return " ".join(corrected)


# --- results ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonResult:
    person_id: int
    name: str
    written_as: str | None  # the alias that matched, when it is not the name shown
    affiliation: str | None
    meeting_count: int
    tier: Tier
    name_spans: tuple[Span, ...] = ()
    written_as_spans: tuple[Span, ...] = ()
    affiliation_spans: tuple[Span, ...] = ()

    def to_json(self) -> dict:
        return {
            "person_id": self.person_id,
            "name": self.name,
            "written_as": self.written_as,
            "affiliation": self.affiliation,
            "meetings": self.meeting_count,
            "match": self.tier.name.lower(),
            "name_spans": [list(s) for s in self.name_spans],
            "written_as_spans": [list(s) for s in self.written_as_spans],
            "affiliation_spans": [list(s) for s in self.affiliation_spans],
        }


@dataclass(frozen=True)
class TopicResult:
    item_id: int
    meeting_id: int
    title: str
    date: str | None
    inferred_year: int | None
    body: str | None
    tier: Tier
    spans: tuple[Span, ...]

    def to_json(self) -> dict:
        return {
            "item_id": self.item_id,
            "meeting_id": self.meeting_id,
            "title": self.title,
            "date": self.date,
            "inferred_year": self.inferred_year,
            "body": self.body,
            "match": self.tier.name.lower(),
            "spans": [list(s) for s in self.spans],
        }


@dataclass(frozen=True)
class TextResult:
    item_id: int
    meeting_id: int
    title: str
    snippet: str
    spans: tuple[Span, ...]
    date: str | None
    body: str | None

    def to_json(self) -> dict:
        return {
            "item_id": self.item_id,
            "meeting_id": self.meeting_id,
            "title": self.title,
            "snippet": self.snippet,
            "spans": [list(s) for s in self.spans],
            "date": self.date,
            "body": self.body,
        }


@dataclass(frozen=True)
class SearchResults:
    query: str
    people: list[PersonResult] = field(default_factory=list)
    topics: list[TopicResult] = field(default_factory=list)
    texts: list[TextResult] = field(default_factory=list)
    text_query: str | None = None  # the words the text search ran with, when typos were corrected

    def is_empty(self) -> bool:
        return not (self.people or self.topics or self.texts)

    def to_json(self) -> dict:
        return {
            "query": self.query,
            "people": [r.to_json() for r in self.people],
            "topics": [r.to_json() for r in self.topics],
            "text": [r.to_json() for r in self.texts],
            "text_query": self.text_query,
        }


def split_snippet(snippet: str) -> tuple[str, tuple[Span, ...]]:
    """An FTS5 snippet without its match markers, and where the markers were."""
    plain: list[str] = []
    spans: list[Span] = []
    start = 0
    length = 0
    for char in snippet:
        if char == SNIPPET_MATCH_START:
            start = length
        elif char == SNIPPET_MATCH_END:
            spans.append((start, length))
        else:
            plain.append(char)
            length += 1
    return "".join(plain), tuple(spans)


# --- the index ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _PersonKey:
    person_id: int
    text: str  # the spelling or affiliation the key was folded from
    is_name: bool


class SearchIndex:
    """People and topics of one archive, folded once; query with `search`."""

    PEOPLE_LIMIT = 10
    TOPIC_LIMIT = 25
    TEXT_LIMIT = 25

    def __init__(self, archive: Archive) -> None:
        self._archive = archive
        self._people = {p.id: p for p in archive.people()}
        person_keys: dict[str, _PersonKey] = {}
        for person in self._people.values():
            for spelling in [person.name, *person.aliases]:
                person_keys.setdefault(fold_name(spelling), _PersonKey(person.id, spelling, True))
            if person.affiliation:
                person_keys.setdefault(fold(person.affiliation), _PersonKey(person.id, person.affiliation, False))
        self._person_keys = list(person_keys.values())
        self._people_index = FuzzyIndex(list(person_keys))

        # Distinct titles only: the meetings behind a matched title are asked for when shown, so
        # memory follows the number of different titles, not of items.
        titles_by_key: dict[str, list[str]] = {}
        for title in archive.topic_titles():
            titles_by_key.setdefault(fold(title), []).append(title)
        self._topic_titles = list(titles_by_key.values())
        self._topic_index = FuzzyIndex(list(titles_by_key))
        self._terms = TermCorrector(archive.text_terms())

    def search(self, query: str) -> SearchResults:
        return self.add_text_hits(self.search_names(query))

    def search_names(self, query: str) -> SearchResults:
        """People and topics only: in memory, quick; the app shows these while FTS runs."""
        if not query.strip():
            return SearchResults(query)
        return SearchResults(query, self.search_people(query), self.search_topics(query))

    def add_text_hits(self, results: SearchResults) -> SearchResults:
        """`results` with full-text hits; when none, with hits for the query's typos corrected."""
        query = results.query
        if not query.strip():
            return results
        texts, text_query = self.search_text(query), None
        if not texts:
            corrected = self._terms.correct(query)
            if corrected != fold(query):
                texts, text_query = self.search_text(corrected), corrected
        return replace(results, texts=texts, text_query=text_query)

    def search_people(self, query: str) -> list[PersonResult]:
        results: dict[int, PersonResult] = {}
        # People named like the query come before people whose affiliation matches.
        matches = self._people_index.search(fold_name(query), limit=self.PEOPLE_LIMIT * 4)
        matches.sort(key=lambda m: (not self._person_keys[m.key_id].is_name, m.tier, -m.score))
        for match in matches:
            key = self._person_keys[match.key_id]
            if key.person_id not in results:
                results[key.person_id] = self._person_result(key, match)
        return list(results.values())[: self.PEOPLE_LIMIT]

    def _person_result(self, key: _PersonKey, match: KeyMatch) -> PersonResult:
        person = self._people[key.person_id]
        spans = spans_in_text(key.text, self._people_index.keys[match.key_id], match.spans)
        result = PersonResult(person.id, person.name, None, person.affiliation, person.meeting_count, match.tier)
        if not key.is_name:
            return replace(result, affiliation_spans=spans)
        if key.text == person.name:
            return replace(result, name_spans=spans)
        return replace(result, written_as=key.text, written_as_spans=spans)

    def search_topics(self, query: str) -> list[TopicResult]:
        results: list[TopicResult] = []
        for match in self._topic_index.search(fold(query), limit=self.TOPIC_LIMIT):
            folded_title = self._topic_index.keys[match.key_id]
            # the newest meetings with this title; a common title ("Budget") recurs thousands of times
            topics = self._archive.topics_titled(self._topic_titles[match.key_id], self.TOPIC_LIMIT - len(results))
            spans_by_title: dict[str, tuple[Span, ...]] = {}
            for topic in topics:
                if topic.title not in spans_by_title:
                    spans_by_title[topic.title] = spans_in_text(topic.title, folded_title, match.spans)
                results.append(
                    TopicResult(
                        item_id=topic.item_id,
                        meeting_id=topic.meeting_id,
                        title=topic.title,
                        date=topic.date,
                        inferred_year=topic.inferred_year,
                        body=topic.body,
                        tier=match.tier,
                        spans=spans_by_title[topic.title],
                    )
                )
            if len(results) >= self.TOPIC_LIMIT:
                break
        return results[: self.TOPIC_LIMIT]

    def search_text(self, query: str) -> list[TextResult]:
        results = []
        for hit in self._archive.search_text(query, limit=self.TEXT_LIMIT):
            snippet, spans = split_snippet(hit.snippet)
            results.append(TextResult(hit.item_id, hit.meeting_id, hit.title, snippet, spans, hit.date, hit.body))
        return results

