"""The search index behind `/` and `minutes-tui search`: forgiving, ranked, literal-safe."""

from __future__ import annotations

import json

import pytest
from tui_helpers import build_sample_archive

from importers.archive import Archive
from tui.search import FuzzyIndex, SearchIndex, Tier, spans_in_text, split_snippet


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    path = build_sample_archive(tmp_path_factory.mktemp("search") / "a.db")
    return SearchIndex(Archive(path, read_only=True))


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("hallsten", "Martin Hällsten"),
        ("Hällsten", "Martin Hällsten"),
        ("osterberg", "Torun Österberg"),
        ("dahllof", "Susanne Dahllöf"),
        ("dahll6f", "Susanne Dahllöf"),
        ("halsten", "Martin Hällsten"),  # one letter missing
        ("martin hallsten", "Martin Hällsten"),
        ("hallsten martin", "Martin Hällsten"),
    ],
)
def test_people_are_found_without_accents_ocr_slips_or_small_typos(index, query, name):
    assert index.search_people(query)[0].name == name


def test_a_person_shows_meetings_across_spellings(index):
    (hit,) = index.search_people("hallsten")
    assert hit.meeting_count == 2
    assert hit.name_spans == ((7, 15),)  # 'Hällsten' in 'Martin Hällsten'


def test_an_alias_match_says_how_it_was_written(index):
    # Both spellings fold to the same key; the person is shown under the better spelling.
    (hit,) = index.search_people("Dahll6f")
    assert hit.name == "Susanne Dahllöf"


def test_people_are_found_by_affiliation_with_it_highlighted(index):
    hits = {p.name: p for p in index.search_people("stockholm")}
    assert {"Martin Hällsten", "Karl Wennberg"} <= set(hits)
    assert hits["Karl Wennberg"].affiliation_spans == ((19, 28),)  # in 'Handelshögskolan i Stockholm'
    assert hits["Karl Wennberg"].name_spans == ()


def test_topics_forgive_swapped_letters(index):
    (topic,) = index.search_topics("syntetsika data")
    assert topic.title == "Syntetiska data"
    assert topic.tier is Tier.FUZZY
    assert topic.spans == ((0, 10), (11, 15))


def test_exact_before_prefix_before_substring_before_fuzzy():
    keys = ["data", "datamirror", "metadata", "dato"]
    tiers = [(keys[m.key_id], m.tier) for m in FuzzyIndex(keys).search("data", limit=10)]
    assert tiers == [
        ("data", Tier.EXACT),
        ("datamirror", Tier.PREFIX),
        ("metadata", Tier.SUBSTRING),
        ("dato", Tier.FUZZY),
    ]


def test_text_hits_carry_snippet_spans(index):
    hits = index.search_text("registream")
    assert hits[0].title == "Syntetiska data"
    start, end = hits[0].spans[0]
    assert hits[0].snippet[start:end] == "Registream"


def test_text_search_corrects_typos_against_the_index(index):
    results = index.search("syntetsika")
    assert results.text_query == "syntetiska"
    assert results.texts


@pytest.mark.parametrize("query", ['"', "AND", "-x", "a:b", "(", "NEAR(", "*", '" OR "', "[bold]"])
def test_search_syntax_never_errors(index, query):
    index.search(query)


def test_spans_map_back_through_folding():
    assert spans_in_text("Martin  Hällsten", "martin hallsten", [(7, 15)]) == ((8, 16),)


def test_split_snippet():
    assert split_snippet("a \x02b\x03 c") == ("a b c", ((2, 3),))


def test_cli_search_json(tmp_path):
    from tui.cli import main

    path = build_sample_archive(tmp_path / "a.db")
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--db", str(path), "search", "hallsten", "--json"]) == 0
    data = json.loads(out.getvalue())
    assert data["query"] == "hallsten"
    assert data["people"][0]["name"] == "Martin Hällsten"
    assert data["people"][0]["meetings"] == 2
    assert data["people"][0]["match"] == "prefix"
    assert set(data) == {"query", "people", "topics", "text", "text_query"}
