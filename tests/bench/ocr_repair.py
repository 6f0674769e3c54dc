"""How well OCR repair restores Swedish letters: damage the clean samples as OCR damaged sample 001,
repair, and count.

    .venv/bin/python tests/bench/ocr_repair.py [--rate 0.8] [--seed 1]

Every å/ä/ö of the clean samples (000, 002, 003) is damaged with probability RATE, with the substitutions
seen in sample 001: ö -> o or 6, ä -> a, é or &, å -> a or d. The figures: the share of damaged words the
repair restores exactly, and the share of undamaged words it wrongly changes (targets: >= 95%, <= 0.5%).
They are given with wordfreq alone and with the archive's words as well (the other two samples, as if
they were already imported), and whether the damaged text is detected as damaged at all.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from importers.ocr import looks_ocr_damaged  # noqa: E402
from importers.readers.decode import decode_bytes  # noqa: E402
from importers.repair import Repairer, words_with_swedish_letters  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[2] / "sample_data"
CLEAN = ("2026-05-25_mona-referensgrupp.txt", "anvandarrad-befolkning.txt", "2026-02-04_ros-mok.md")  # 000 002 003
#: What OCR made of each letter in sample 001, with how often (the weights).
DAMAGE = {"ö": (("o", 3), ("6", 1)), "ä": (("a", 4), ("é", 1), ("&", 1)), "å": (("a", 4), ("d", 1))}
WORD = re.compile(r"\S+")


def damage_letter(letter: str, rng: random.Random) -> str:
    choices = DAMAGE[letter.lower()]
    out = rng.choices([c for c, _ in choices], weights=[w for _, w in choices])[0]
    return out.upper() if letter.isupper() and out.isalpha() else out


def damage(text: str, rate: float, rng: random.Random) -> str:
    return "".join(damage_letter(c, rng) if c.lower() in DAMAGE and rng.random() < rate else c for c in text)


def measure(clean: str, damaged: str, repaired: str) -> tuple[int, int, int, int]:
    """(damaged words, restored, clean words, wrongly changed), comparing word by word."""
    originals, broken, fixed = WORD.findall(clean), WORD.findall(damaged), WORD.findall(repaired)
    assert len(originals) == len(broken) == len(fixed)
    hurt = restored = intact = wrong = 0
    for o, b, f in zip(originals, broken, fixed, strict=True):
        if o != b:
            hurt += 1
            restored += f == o
        else:
            intact += 1
            wrong += f != o
    return hurt, restored, intact, wrong


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rate", type=float, default=0.8, help="share of å/ä/ö that OCR breaks (default 0.8)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    texts = {name: decode_bytes((SAMPLES / name).read_bytes(), name) for name in CLEAN}
    totals = {"wordfreq": [0, 0, 0, 0], "wordfreq + archive": [0, 0, 0, 0]}
    for name, clean in texts.items():
        damaged = damage(clean, args.rate, rng)
        others = words_with_swedish_letters(t for n, t in texts.items() if n != name)
        print(f"{name}: detected as damaged: {looks_ocr_damaged(damaged)}")
        for label, repairer in (("wordfreq", Repairer()), ("wordfreq + archive", Repairer(others))):
            repairer.use_document(damaged)
            counts = measure(clean, damaged, repairer.text(damaged))
            totals[label] = [a + b for a, b in zip(totals[label], counts, strict=True)]
            print(f"  {label:<19} restored {counts[1]}/{counts[0]} damaged words, "
                  f"wrongly changed {counts[3]}/{counts[2]} clean words")
    for label, (hurt, restored, intact, wrong) in totals.items():
        print(f"{label}: restored {restored / hurt:.1%} of {hurt} damaged words (target >= 95%), "
              f"wrongly changed {wrong / intact:.2%} of {intact} clean words (target <= 0.5%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
