"""What `pip install .` ships: every package of the source tree, the samples and the app's files."""

from __future__ import annotations

import pytest
from cli_helpers import REPO

tomllib = pytest.importorskip("tomllib")  # Python 3.11+


def test_every_source_package_is_shipped() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = set(config["tool"]["setuptools"]["packages"])
    in_tree = {
        ".".join(init.parent.relative_to(REPO).parts)
        for top in ("importers", "tui")
        for init in (REPO / top).rglob("__init__.py")
    }
    assert in_tree <= shipped, f"add to [tool.setuptools] packages: {sorted(in_tree - shipped)}"
    assert config["tool"]["setuptools"]["package-dir"]["tui.sample_data"] == "sample_data"
    data = config["tool"]["setuptools"]["package-data"]
    assert {"*.tcss", "*.md"} <= set(data["tui"]) and {"*.txt", "*.md"} <= set(data["tui.sample_data"])
