"""Decoding text files: encodings, line ends, and refusing what is not text."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from importers.errors import DocumentError
from importers.readers import SUPPORTED_EXTENSIONS, read_document
from importers.readers.decode import decode_bytes

SWEDISH = "Närvarande: Åsa Öberg, ordförande\nFrånvarande: Per Ärlig\n"


@pytest.mark.parametrize(
    "data",
    [
        SWEDISH.encode("utf-8"),
        codecs.BOM_UTF8 + SWEDISH.encode("utf-8"),
        codecs.BOM_UTF16_LE + SWEDISH.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + SWEDISH.encode("utf-16-be"),
        SWEDISH.encode("utf-16-le"),  # no BOM: recognised by its NUL pattern
        SWEDISH.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le-no-bom", "cp1252"],
)
def test_swedish_letters_survive_every_encoding(data: bytes) -> None:
    assert decode_bytes(data, "x.txt") == SWEDISH


def test_cp1252_punctuation_from_windows_files() -> None:
    data = "Mötet – ”öppnat” … €".encode("cp1252")
    assert decode_bytes(data, "x.txt") == "Mötet – ”öppnat” … €"


def test_line_ends_nuls_and_form_feeds_are_normalised() -> None:
    data = b"one\r\ntwo\rthree\x0cfour\x00\n"
    assert decode_bytes(data, "x.txt") == "one\ntwo\nthree\nfour\n"


def test_text_is_nfc() -> None:
    decomposed = "Na\u0308rvarande".encode()
    assert decode_bytes(decomposed, "x.txt") == "Närvarande"


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t ", codecs.BOM_UTF8 + b"\n\n"])
def test_empty_file_is_refused(data: bytes) -> None:
    with pytest.raises(DocumentError, match="empty file"):
        decode_bytes(data, "empty.txt")


@pytest.mark.parametrize(
    ("data", "looks_like"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "zip"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (bytes(range(0, 32)) * 20 + b"some text", "control bytes"),
    ],
)
def test_binary_file_is_refused_with_a_reason(data: bytes, looks_like: str) -> None:
    with pytest.raises(DocumentError) as error:
        decode_bytes(data, "minutes.txt")
    message = str(error.value)
    assert message.startswith("minutes.txt: binary file, not text")
    assert looks_like in message
    assert "\n" not in message


def test_read_document_refuses_unknown_extension(tmp_path: Path) -> None:
    path = tmp_path / "minutes.xyz"
    path.write_text("Närvarande: Anna Berg", encoding="utf-8")
    with pytest.raises(DocumentError) as error:
        read_document(path)
    assert "unsupported file type '.xyz'" in str(error.value)
    assert ".md" in str(error.value)


def test_read_document_reports_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no such file"):
        read_document(tmp_path / "gone.txt")


def test_supported_extensions() -> None:
    assert set(SUPPORTED_EXTENSIONS) == {".txt", ".text", ".md", ".markdown", ".docx", ".doc", ".pdf", ".odt",
                                         ".html", ".htm"}


def test_extension_is_case_insensitive(tmp_path: Path) -> None:
    path = tmp_path / "MINUTES.TXT"
    path.write_bytes("Protokoll\r\n".encode("cp1252"))
    doc = read_document(path)
    assert doc.format == "text"
    assert doc.text == "Protokoll\n"
