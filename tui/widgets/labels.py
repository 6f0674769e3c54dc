"""Turning document strings into `Text` that shows them literally.

Every string from a document goes through `literal` or `highlighted`: `Text` never parses markup,
and `visible` turns terminal escapes into harmless symbols.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text

from tui.safe_text import visible

MATCH_STYLE = "bold underline"


def literal(text: str | None, style: str = "") -> Text:
    return Text(visible(text), style=style)


def highlighted(text: str | None, spans: Iterable[tuple[int, int]], style: str = "") -> Text:
    """`text` shown literally with the matched spans emphasised."""
    text = text or ""
    result = Text(style=style)
    position = 0
    for start, end in sorted(spans):
        if start < position:
            continue
        result.append(visible(text[position:start]))
        result.append(visible(text[start:end]), style=MATCH_STYLE)
        position = end
    result.append(visible(text[position:]))
    return result


def meeting_when(date: str | None, inferred_year: int | None) -> str:
    """A meeting's date as shown: the date, a guessed year marked '≈', or 'undated'."""
    if date:
        return date
    if inferred_year:
        return f"≈{inferred_year}"
    return "undated"


def join(*parts: Text | str, separator: str = "  ") -> Text:
    return Text(separator).join(Text(p) if isinstance(p, str) else p for p in parts if p)
