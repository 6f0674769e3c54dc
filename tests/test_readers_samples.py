"""The four bundled samples saved as Word, PDF, OpenDocument and HTML parse to the same score as the
text versions (score_parse's own measures, run in process)."""

from __future__ import annotations

import json
from pathlib import Path

import doc_writers
import pytest
import score_parse
from cli_helpers import EXPECTED
from scoring import score_in_process

SAMPLES = sorted(p for p in EXPECTED.glob("*.json") if p.name != "identity.json")
FORMATS = ("docx", "pdf", "odt", "html")
MEASURES = ("participants", "status", "role", "affiliation", "remote", "agenda", "agenda_order", "numbers",
            "children", "false_items", "date", "title")


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """Each sample written in each format, with a copy of its expectation naming the new file."""
    folder = tmp_path_factory.mktemp("samples")
    out: dict[str, list[Path]] = {fmt: [] for fmt in FORMATS}
    for expectation in SAMPLES:
        expected = json.loads(expectation.read_text(encoding="utf-8"))
        source = score_parse.find_doc(expectation, expected["file"])
        blocks = doc_writers.sample_blocks(source)
        for fmt in FORMATS:
            target = folder / fmt / f"{source.stem}.{fmt}"
            target.parent.mkdir(exist_ok=True)
            getattr(doc_writers, f"write_{fmt}")(blocks, target)
            copy = target.parent / expectation.name
            copy.write_text(json.dumps({**expected, "file": target.name}, ensure_ascii=False), encoding="utf-8")
            out[fmt].append(copy)
    return out


@pytest.mark.parametrize("fmt", FORMATS)
def test_samples_in_each_format_score_as_their_text_versions(converted: dict[str, list[Path]], fmt: str) -> None:
    for text_version, other in zip(SAMPLES, converted[fmt], strict=True):
        want, got = score_in_process(text_version), score_in_process(other)
        assert got["ok"], got.get("error")
        differences = {m: (want.get(m), got.get(m)) for m in MEASURES if want.get(m) != got.get(m)}
        assert not differences, (other.name, differences, got["misses"])
