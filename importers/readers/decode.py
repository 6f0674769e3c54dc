"""Turning the bytes of a text file into clean text, whatever the editor that saved it.

UTF-8 (with or without BOM) and UTF-16 with BOM are recognised for sure; anything that is not valid UTF-8
is read as Windows-1252, the encoding of old Swedish and English Windows files (it decodes every byte,
so å/ä/ö from such files come out right). Binary files are refused rather than decoded into garbage.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import DocumentError

#: Magic numbers of formats that are not text, with a name for the error message.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (docx, odt, xlsx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (doc, xls)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Control characters allowed in text (tab, newlines, vertical tab and form feed from word processors).
_ALLOWED_CONTROLS = set("\t\n\r\x0b\x0c")
# The other control characters and U+FFFD (what a failed decoding leaves)
_REFUSED = re.compile("[" + "".join(re.escape(chr(c)) for c in range(32) if chr(c) not in _ALLOWED_CONTROLS)
                      + "\ufffd]")
_MAX_CONTROL_SHARE = 0.05


def decode_bytes(data: bytes, path: str) -> str:
    """Decode a text file's bytes into normalised text (LF line ends, NFC, no NULs).

    Raises DocumentError for an empty file and for a file that is not text.
    """
    if not data.strip(b" \t\r\n\x00\x0b\x0c"):
        raise DocumentError(path, "empty file")
    _refuse_known_binary(data, path)
    text = _decode(data)
    _refuse_control_heavy(text, path)
    text = normalise_text(text)
    if not text.strip():
        raise DocumentError(path, "empty file")
    return text


def normalise_text(text: str) -> str:
    """LF line ends, form feeds and vertical tabs as line breaks, no NULs or BOMs, Unicode NFC."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\x0c", "\n").replace("\x0b", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = text.replace("\x00", "").replace("\ufeff", "")
    return unicodedata.normalize("NFC", text)


def _refuse_known_binary(data: bytes, path: str) -> None:
    for magic, name in _MAGIC:
        if data.startswith(magic):
            raise DocumentError(path, f"binary file, not text (looks like {name})")


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    utf16 = _bomless_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_cp1252(data)


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM shows as NUL in every other byte of Latin text."""
    sample = data[:4000]
    if len(sample) < 8:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _decode_cp1252(data: bytes) -> str:
    """Windows-1252, with the five bytes it leaves undefined read as Latin-1 so nothing is lost."""
    return "".join(
        chunk.decode("cp1252") if _cp1252_ok(chunk) else chunk.decode("latin-1")
        for chunk in re.split(rb"([\x81\x8d\x8f\x90\x9d])", data)
        if chunk
    )


def _cp1252_ok(chunk: bytes) -> bool:
    try:
        chunk.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _refuse_control_heavy(text: str, path: str) -> None:
    sample = text[:20000]
    controls = len(_REFUSED.findall(sample))
    if controls / max(len(sample), 1) > _MAX_CONTROL_SHARE:
        raise DocumentError(path, "binary file, not text (looks like binary data: many control bytes)")
