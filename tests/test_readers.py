"""Readers: what Blocks plain text and Markdown become."""

from __future__ import annotations

from pathlib import Path

from importers.model import Block
from importers.readers import read_document
from importers.readers.markdown import markdown_blocks
from importers.readers.text import text_blocks


def kinds(blocks: list[Block]) -> list[str]:
    return [b.kind for b in blocks]


# --- plain text -------------------------------------------------------------------------------


def test_plain_text_is_one_block_per_line_with_blank_lines() -> None:
    blocks = text_blocks("Title\n\n1. Opening\nText here")
    assert kinds(blocks) == ["line", "blank", "line", "line"]
    assert blocks[2].text == "1. Opening"  # numbers stay in the text; the recogniser reads them


def test_plain_text_bullets_become_list_items_with_levels() -> None:
    blocks = text_blocks("- Top\n - o Nested OCR bullet\n    • Deeper\n• Round\ne Sedan tidigare\n* Star")
    assert kinds(blocks) == ["list_item"] * 6
    assert [b.text for b in blocks] == ["Top", "Nested OCR bullet", "Deeper", "Round", "Sedan tidigare", "Star"]
    assert [b.level for b in blocks] == [0, 1, 2, 0, 0, 0]


def test_words_that_look_like_bullets_are_kept() -> None:
    blocks = text_blocks("e-post skickas\no ja\n- 3 -")
    assert [b.kind for b in blocks] == ["line", "line", "line"]
    assert blocks[2].text == "- 3 -"  # a page number, not a bullet


def test_tab_separated_line_keeps_cells() -> None:
    (block,) = text_blocks("Petra Sundlöf\tSocialstyrelsen")
    assert block.cells == ("Petra Sundlöf", "Socialstyrelsen")


def test_plain_text_unwraps_links_and_bold_from_word_exports() -> None:
    blocks = text_blocks("- **Ökad användning:**\nSe [rapporten](#) här")
    assert blocks[0].kind == "list_item" and blocks[0].bold and blocks[0].text == "Ökad användning:"
    assert blocks[1].text == "Se rapporten här"


# --- Markdown ---------------------------------------------------------------------------------


def test_markdown_headings_with_levels() -> None:
    blocks = markdown_blocks("# Title\n\n## 1. Opening ##\n#### **Skolverket:**")
    headings = [b for b in blocks if b.kind == "heading"]
    assert [(b.text, b.level, b.bold) for b in headings] == [
        ("Title", 1, False), ("1. Opening", 2, False), ("Skolverket:", 4, True)]


def test_setext_headings() -> None:
    blocks = markdown_blocks("Minutes\n=======\n\nAgenda\n------\ntext")
    assert [(b.kind, b.text, b.level) for b in blocks if b.kind == "heading"] == [
        ("heading", "Minutes", 1), ("heading", "Agenda", 2)]


def test_markdown_lists_nest_and_keep_numbers() -> None:
    blocks = markdown_blocks("- a\n  - b\n    - c\n- d\n1. first\n2) second")
    items = [b for b in blocks if b.kind == "list_item"]
    assert [(b.text, b.level) for b in items[:4]] == [("a", 0), ("b", 1), ("c", 2), ("d", 0)]
    assert [(b.number, b.text) for b in items[4:]] == [("1", "first"), ("2", "second")]


def test_markdown_inline_markup_is_removed() -> None:
    (block,) = markdown_blocks("See [the report](https://x.org/a_(b)) by *Anna* and __Per__, e\\_post `code` ~~old~~")
    assert block.text == "See the report by Anna and Per, e_post code old"


def test_bold_only_line_is_bold() -> None:
    blocks = markdown_blocks("**Närvarande:**\n**Input** från X")
    assert blocks[0].bold and blocks[0].text == "Närvarande:"
    assert not blocks[1].bold and blocks[1].text == "Input från X"


def test_markdown_table_rows_have_cells_and_separator_is_dropped() -> None:
    blocks = markdown_blocks("| Name | Role |\n|---|---|\n| Anna Berg | Chair |")
    rows = [b for b in blocks if b.kind == "table_row"]
    assert [r.cells for r in rows] == [("Name", "Role"), ("Anna Berg", "Chair")]


def test_code_fence_content_is_kept_verbatim() -> None:
    blocks = markdown_blocks("```\n# not a heading\n```")
    assert [(b.kind, b.text) for b in blocks] == [("line", "# not a heading")]


def test_txt_file_written_in_markdown_is_read_as_markdown(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("# Möte\n\n## Närvarande\n\nAnna Berg\tSCB\n", encoding="utf-8")
    doc = read_document(path)
    assert doc.format == "markdown"
    assert doc.blocks[0].kind == "heading"


def test_document_keeps_normalised_text(tmp_path: Path) -> None:
    path = tmp_path / "m.md"
    path.write_bytes(b"# Title\r\n\r\n- item\r\n")
    doc = read_document(path)
    assert doc.text == "# Title\n\n- item\n"
    assert doc.path == str(path)
