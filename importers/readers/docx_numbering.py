"""Word's automatic list numbers, which python-docx does not compute.

A numbered paragraph names a list instance (`w:numId`) and a level (`w:ilvl`) in its own properties
or in its style's; the instance points to an abstract list whose levels say how to count (`w:start`,
`w:numFmt`) and what to show (`w:lvlText`, e.g. "%1.%2"). Counting is per abstract list, as Word
does: another instance of the same list continues the count unless it restarts it (`w:startOverride`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.oxml.ns import qn

from .shared import format_number

_W_VAL = qn("w:val")


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class _List:
    abstract_id: str
    levels: dict[int, Level]
    overrides: dict[int, int] = field(default_factory=dict)  # level -> restart value


class Numbering:
    """Counts numbered paragraphs in document order and renders the label Word shows."""

    def __init__(self, numbering_element) -> None:  # CT_Numbering or None
        self._lists: dict[str, _List] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._restarted: set[str] = set()
        if numbering_element is None:
            return
        abstracts = {a.get(qn("w:abstractNumId")): _levels(a) for a in numbering_element.findall(qn("w:abstractNum"))}
        for num in numbering_element.findall(qn("w:num")):
            abstract = num.find(qn("w:abstractNumId"))
            if abstract is None:
                continue
            abstract_id = abstract.get(_W_VAL)
            levels = dict(abstracts.get(abstract_id, {}))
            overrides: dict[int, int] = {}
            for override in num.findall(qn("w:lvlOverride")):
                ilvl = int(override.get(qn("w:ilvl"), "0"))
                if (lvl := override.find(qn("w:lvl"))) is not None:
                    levels[ilvl] = _level(lvl)
                if (start := override.find(qn("w:startOverride"))) is not None:
                    overrides[ilvl] = int(start.get(_W_VAL, "1"))
            self._lists[num.get(qn("w:numId"))] = _List(abstract_id, levels, overrides)

    def label(self, num_id: str, ilvl: int) -> tuple[str | None, bool]:
        """(shown label or None for a bullet, is_list) for the next paragraph of list `num_id`."""
        found = self._lists.get(num_id)
        if found is None or num_id == "0":  # numId 0 switches numbering off
            return None, False
        level = found.levels.get(ilvl, Level())
        counters = self._counters.setdefault(found.abstract_id, {})
        if num_id not in self._restarted and found.overrides:
            self._restarted.add(num_id)
            for lvl, value in found.overrides.items():
                counters[lvl] = value - 1
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt in ("bullet", "none"):
            return None, True
        text = level.text
        for n in range(ilvl + 1):
            lvl = found.levels.get(n, Level())
            value = counters.get(n, lvl.start)
            text = text.replace(f"%{n + 1}", format_number(value, lvl.fmt))
        return text.strip() or None, True


def _levels(abstract) -> dict[int, Level]:
    return {int(lvl.get(qn("w:ilvl"), "0")): _level(lvl) for lvl in abstract.findall(qn("w:lvl"))}


def _level(lvl) -> Level:
    def val(tag: str, default: str) -> str:
        element = lvl.find(qn(tag))
        return element.get(_W_VAL, default) if element is not None else default

    return Level(start=int(val("w:start", "1")), fmt=val("w:numFmt", "decimal"), text=val("w:lvlText", "%1."))
