"""Readers turn a file into a `Document` of `Block`s, one module per format.

`READERS` maps a file extension to a function `(data: bytes, path: str) -> Document`; a new format
(.docx, .pdf, .odt, .html) registers itself here and the structure recogniser needs no change.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import DocumentError
from ..model import Document
from .docx import read_doc, read_docx
from .html import read_html
from .markdown import read_markdown
from .odt import read_odt
from .pdf import read_pdf
from .text import read_text

Reader = Callable[[bytes, str], Document]

READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".docx": read_docx,
    ".doc": read_doc,
    ".pdf": read_pdf,
    ".odt": read_odt,
    ".html": read_html,
    ".htm": read_html,
}
SUPPORTED_EXTENSIONS: tuple[str, ...] = tuple(sorted(READERS))


def read_document(path: Path) -> Document:
    """Read, decode and split one file; DocumentError (one line) when it cannot be done."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        kind = f"'{path.suffix}'" if path.suffix else "without an extension"
        raise DocumentError(str(path), f"unsupported file type {kind} (supported: {', '.join(SUPPORTED_EXTENSIONS)})")
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise DocumentError(str(path), "is a directory, not a file") from None
    except FileNotFoundError:
        raise DocumentError(str(path), "no such file") from None
    except OSError as error:
        raise DocumentError(str(path), f"cannot read file ({error.strerror or error})") from None
    return reader(data, str(path))
