"""How well OCR repair restores Swedish letters: damage the clean samples as OCR damaged sample 001,
repair, and count.

    .venv/bin/python tests/bench/ocr_repair.py [--rate 0.8] [--seed 1] [--seeds 1] [--held-out]

Every å/ä/ö of the clean samples (000, 002, 003) is damaged with probability RATE, with the substitutions
seen in sample 001: ö -> o or 6, ä -> a, é or &, å -> a or d. The figures: the share of damaged words the
repair restores exactly, and the share of undamaged words it wrongly changes (targets: >= 95%, <= 0.5%).
They are given per document and in total, with wordfreq alone and with the archive's words as well (the
other two samples, as if they were already imported: their words and the neighbours of ambiguous words in
their text), and whether the damaged text is detected as damaged at all.

The context rules were developed looking at samples 000 and 002 only; 003 (ros-mok) is the held-out
document, marked in the output; --held-out prints the development and held-out totals separately.
--seeds N repeats the damage with seeds SEED .. SEED+N-1 (figures summed), so that one lucky draw does not
decide.
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
HELD_OUT = "2026-02-04_ros-mok.md"  # 003: not looked at while the repair rules were written
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
    parser.add_argument("--seeds", type=int, default=1, help="how many seeds, from SEED on (default 1)")
    parser.add_argument("--held-out", action="store_true", help="totals for development and held-out apart")
    args = parser.parse_args()
    texts = {name: decode_bytes((SAMPLES / name).read_bytes(), name) for name in CLEAN}
    labels = ("wordfreq", "wordfreq + archive")
    per_doc = {(name, label): [0, 0, 0, 0] for name in texts for label in labels}
    detected = dict.fromkeys(texts, True)
    archives = {name: words_with_swedish_letters(t for n, t in texts.items() if n != name) for name in texts}
    for seed in range(args.seed, args.seed + args.seeds):
        rng = random.Random(seed)
        for name, clean in texts.items():
            damaged = damage(clean, args.rate, rng)
            detected[name] = detected[name] and looks_ocr_damaged(damaged)
            for label, repairer in zip(labels, (Repairer(), Repairer(archives[name])), strict=True):
                repairer.use_document(damaged)
                counts = measure(clean, damaged, repairer.text(damaged))
                per_doc[name, label] = [a + b for a, b in zip(per_doc[name, label], counts, strict=True)]
    for name in texts:
        print(f"{name}{' (held out)' if name == HELD_OUT else ''}: detected as damaged: {detected[name]}")
        for label in labels:
            print(f"  {label:<19} {_figures(per_doc[name, label])}")
    groups = {"": list(texts)}
    if args.held_out:
        groups = {" (development: 000, 002)": [n for n in texts if n != HELD_OUT], " (held out: 003)": [HELD_OUT]}
    for label in labels:
        for title, names in groups.items():
            total = [sum(per_doc[n, label][i] for n in names) for i in range(4)]
            print(f"{label}{title}: {_figures(total, targets=True)}")
    return 0


def _figures(counts: list[int], targets: bool = False) -> str:
    hurt, restored, intact, wrong = counts
    return (f"restored {restored / hurt:.1%} of {hurt} damaged words{' (target >= 95%)' if targets else ''}, "
            f"wrongly changed {wrong / intact:.2%} of {intact} clean words{' (target <= 0.5%)' if targets else ''}")


if __name__ == "__main__":
    sys.exit(main())
