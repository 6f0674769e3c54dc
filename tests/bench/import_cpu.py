"""CPU per document of a batch import, in the importing process and in its workers apart.

    .venv/bin/python tests/bench/import_cpu.py [FOLDER] [--workers 2] [--runs 1]

Imports FOLDER (default: the generated corpus of 2,000 meetings that tests/bench/run.py caches) into
a fresh archive and prints, per run: the importing process's CPU (user + system) per document, its
workers' CPU, documents per second (wall clock: noisy when other work shares the machine) and the
importing process's time in the garbage collector. CPU time is the figure to compare.
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import platformdirs  # noqa: E402

from importers.archive import Archive  # noqa: E402
from importers.batch import find_documents, import_files  # noqa: E402

DEFAULT_CORPUS = platformdirs.user_cache_path("minutes-tui") / "bench" / "gen-2000-1"


class GcClock:
    """Seconds of CPU spent in the garbage collector while installed."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._start = 0.0

    def __call__(self, phase: str, _info: dict) -> None:
        if phase == "start":
            self._start = time.process_time()
        else:
            self.seconds += time.process_time() - self._start


def cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def measure(files: list[Path], workers: int) -> str:
    clock = GcClock()
    gc.callbacks.append(clock)
    try:
        with tempfile.TemporaryDirectory() as tmp, Archive(Path(tmp) / "archive.db") as archive:
            own, children, wall = cpu(resource.RUSAGE_SELF), cpu(resource.RUSAGE_CHILDREN), time.perf_counter()
            report = import_files(archive, files, workers=workers)
            own, children = cpu(resource.RUSAGE_SELF) - own, cpu(resource.RUSAGE_CHILDREN) - children
            wall = time.perf_counter() - wall
    finally:
        gc.callbacks.remove(clock)
    n = len(files)
    return (f"importing process {1000 * own / n:.3f} ms/doc, workers {1000 * children / n:.3f} ms/doc, "
            f"{n / wall:.0f} docs/s, gc {1000 * clock.seconds / n:.3f} ms/doc ({report.summary()})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    files, _ = find_documents([args.folder])
    if not files:
        print(f"no documents in {args.folder} (python tests/bench/run.py --meetings 2000 makes them)", file=sys.stderr)
        return 1
    for _ in range(args.runs):
        print(measure(files, args.workers))
    return 0


if __name__ == "__main__":
    sys.exit(main())
