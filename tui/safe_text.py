"""Showing text from documents literally: control characters become visible symbols.

Document text is data. Markup is avoided by handing widgets `Text`/`Content` objects; this module
handles the other danger, terminal escapes: ESC, BEL, backspace and the like would act on the
terminal if written raw, so they are replaced by their Unicode control pictures (ESC -> ␛).
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return f"\\x{code:02x}"


def visible(text: str | None) -> str:
    """`text` with every control character except newline and tab made visible."""
    return _CONTROL.sub(_picture, text or "")
