"""Removing inline Markdown markup (links, emphasis, escapes) from one line of text."""

from __future__ import annotations

import re

_ESCAPABLE = r"\\`*_{}\[\]()#+\-.!|~<>\"'"
_ESCAPE = re.compile(r"\\([" + _ESCAPABLE + r"])")
_PLACEHOLDER_BASE = 0xF0000  # a private-use plane: never in real text

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_REFERENCE_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:|www\.)[^>\s]+)>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_STAR_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_UNDERSCORE_EMPHASIS = re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")
_STRIKE = re.compile(r"~~(.+?)~~")
_CODE = re.compile(r"`+([^`]+)`+")
_HTML_TAG = re.compile(r"</?(?:br|b|i|em|strong|u|span|sup|sub|p|div|font)\b[^>]*>", re.IGNORECASE)
# A character that some markup above needs (or a placeholder to restore): text without one is left as it is.
_MARKUP_CHAR = re.compile(r"[\\\[<`*_~\U000F0000-\U000F00FF]")
_WHOLE_BOLD = re.compile(r"^(\*\*|__)(?P<text>.+?)\1(?P<after>[:.]?)$")


def _hide_escapes(text: str) -> str:
    return _ESCAPE.sub(lambda m: chr(_PLACEHOLDER_BASE + ord(m.group(1))), text)


def _restore_escapes(text: str) -> str:
    return re.sub(r"[\U000F0000-\U000F00FF]", lambda m: chr(ord(m.group()) - _PLACEHOLDER_BASE), text)


def strip_inline_markup(text: str, markdown: bool = True) -> str:
    """Links become their text, emphasis and code marks go, backslash escapes are undone.

    With `markdown=False` (plain text that merely contains some Markdown, as word-processor exports do)
    escapes and `_underscores_` are left alone, since they are likely to be meant literally.
    """
    if not _MARKUP_CHAR.search(text):
        return text
    if markdown:
        text = _hide_escapes(text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REFERENCE_LINK.sub(r"\1", text) if markdown else text
    text = _AUTOLINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text) if markdown else text
    text = _STRONG.sub(r"\2", text) if markdown else re.sub(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", r"\1", text)
    text = _STAR_EMPHASIS.sub(r"\1", text)
    if markdown:
        text = _UNDERSCORE_EMPHASIS.sub(r"\1", text)
        text = _STRIKE.sub(r"\1", text)
        text = _HTML_TAG.sub("", text)
        text = _restore_escapes(text)
    return text


def split_whole_bold(text: str) -> tuple[str, bool]:
    """("X:", True) for a line that is bold as a whole ("**X:**", "**X**:"); else (text, False)."""
    stripped = text.strip()
    m = _WHOLE_BOLD.match(stripped) if stripped[:2] in ("**", "__") else None
    if not m or "**" in m["text"] or "__" in m["text"]:
        return text, False
    return m["text"] + m["after"], True
