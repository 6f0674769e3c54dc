"""Benchmark minutes-tui on a generated archive; the last line printed is one JSON object.

    python tests/bench/run.py --meetings N [--seed S] [--workers W]

Generates N minutes files (cached per N and seed), imports them into a fresh archive, then measures:
import speed; start-up of `minutes-tui` on that archive until its first screen is painted (on a
pseudo-terminal, from outside, as a user would see it) against a bare Textual app with the same
widgets; search time per typed letter through the app's own search code; full-text search time;
`fzf --filter` on the same candidates when fzf is installed; the app's peak memory after a search;
and the archive's size on disk.
"""

from __future__ import annotations

import argparse
import compileall
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import platformdirs
from generate import generate
from pty_session import PtySession

from importers.archive import Archive
from importers.batch import find_documents, import_files
from importers.people import fold
from tui.search import SearchIndex

HERE = Path(__file__).resolve().parent
FIRST_SCREEN_TEXT = "Meetings ("
QUERY_COUNT = 50
QUIT = "\x11"  # ctrl+q: Textual's own quit key, in both apps and on every screen
STARTUP_RUNS = 7


def generated_corpus(meetings: int, seed: int, cache: Path) -> Path:
    """The generated files for (meetings, seed), made once and kept in `cache`."""
    folder = cache / f"gen-{meetings}-{seed}"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        generate(meetings, folder, seed)
        done.touch()
    return folder


def measure_import(corpus: Path, db: Path, workers: int) -> float:
    files, _ = find_documents([corpus])
    start = time.perf_counter()
    with Archive(db) as archive:
        report = import_files(archive, files, workers=workers)
    elapsed = time.perf_counter() - start
    if report.failed:
        print(f"{len(report.failed)} files failed, e.g. {report.failed[0]}", file=sys.stderr)
    return len(files) / elapsed


def compile_sources() -> None:
    """Byte-compile the app and the bare app as a first start would: an editable install ships no
    .pyc files (and PYTHONDONTWRITEBYTECODE may be set), while the installed libraries have theirs."""
    for folder in (HERE.parents[1] / "tui", HERE.parents[1] / "importers", HERE):
        compileall.compile_dir(folder, quiet=1)


def time_to_first_screen(argv: list[str]) -> float:
    """Seconds from process start to the first screen."""
    session = PtySession(argv)
    try:
        return session.wait_for(FIRST_SCREEN_TEXT)
    finally:
        session.close(QUIT)


def startup_medians(app: list[str], bare: list[str]) -> tuple[float, float]:
    """Median start-up of `app` and of `bare`, run in turns so that both meet the same machine load."""
    app_times, bare_times = [], []
    for _ in range(STARTUP_RUNS):
        app_times.append(time_to_first_screen(app))
        bare_times.append(time_to_first_screen(bare))
    return statistics.median(app_times), statistics.median(bare_times)


def realistic_queries(archive: Archive, rng: random.Random) -> list[str]:
    """Half people (some unaccented, some with a typo), half topic words, as users type them."""
    names = [p.name for p in archive.people()]
    titles = sorted(archive.topic_titles())
    queries = []
    for name in rng.sample(names, min(len(names), QUERY_COUNT // 2)):
        variant = rng.randrange(3)
        query = fold(name) if variant == 0 else name.split()[-1] if variant == 1 else name
        queries.append(_typo(query, rng) if rng.random() < 0.2 else query)
    for title in rng.sample(titles, min(len(titles), QUERY_COUNT - len(queries))):
        words = [w for w in title.split() if len(w) > 3] or title.split()
        query = " ".join(words[:2]).lower()
        queries.append(_typo(query, rng) if rng.random() < 0.2 else query)
    return queries


def _typo(text: str, rng: random.Random) -> str:
    """Swap two neighbouring letters in the middle of `text`."""
    if len(text) < 5:
        return text
    i = rng.randrange(1, len(text) - 2)
    return text[:i] + text[i + 1] + text[i] + text[i + 2:]


def per_key_ms(queries: list[str], search) -> list[float]:  # noqa: ANN001 - any callable of a string
    """Milliseconds of `search` for every prefix of every query, as typed letter by letter."""
    times = []
    for query in queries:
        for end in range(1, len(query) + 1):
            start = time.perf_counter()
            search(query[:end])
            times.append((time.perf_counter() - start) * 1000)
    return times


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def fzf_median_ms(queries: list[str], candidates: list[str]) -> float | None:
    fzf = shutil.which("fzf")
    if not fzf:
        return None
    data = "\n".join(candidates).encode()
    times = []
    for query in queries:
        start = time.perf_counter()
        subprocess.run([fzf, "--filter", query], input=data, capture_output=True, check=False)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def app_peak_rss_mb(db: Path, query: str) -> float:
    """The app's peak memory once it has shown people for `query` (a person's name)."""
    session = PtySession([sys.executable, "-m", "tui.cli", "--db", str(db)])
    try:
        session.wait_for(FIRST_SCREEN_TEXT)
        session.type("/")
        session.settle()
        since = len(session.output)
        session.type(query)
        session.wait_for("People (", timeout=300, since=since)  # the index is built and searched
        session.settle(quiet=0.5)
        return session.peak_rss_mb()
    finally:
        session.close(QUIT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--meetings", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=0, help="parser processes (default: one per core)")
    parser.add_argument("--cache", type=Path, default=platformdirs.user_cache_path("minutes-tui") / "bench",
                        help="where generated files are kept between runs")
    args = parser.parse_args()

    corpus = generated_corpus(args.meetings, args.seed, args.cache)
    with tempfile.TemporaryDirectory(prefix="minutes-bench-") as folder:
        db = Path(folder) / "bench.db"
        docs_per_s = measure_import(corpus, db, args.workers)
        compile_sources()
        startup, bare = startup_medians([sys.executable, "-m", "tui.cli", "--db", str(db)],
                                        [sys.executable, str(HERE / "bare_app.py")])
        with Archive(db, read_only=True) as archive:
            queries = realistic_queries(archive, random.Random(args.seed))
            index = SearchIndex(archive)
            search_ms = per_key_ms(queries, index.search_names)
            fts_ms = per_key_ms(queries, archive.search_text)
            candidates = [p.name for p in archive.people()] + archive.topic_titles()
        figures = {
            "meetings": args.meetings,
            "import_docs_per_s": round(docs_per_s, 1),
            "startup_s": round(startup, 3),
            "bare_startup_s": round(bare, 3),
            "search_ms_p50": round(percentile(search_ms, 0.5), 2),
            "search_ms_p95": round(percentile(search_ms, 0.95), 2),
            "fzf_ms_median": (lambda v: None if v is None else round(v, 2))(fzf_median_ms(queries, candidates)),
            "fts_ms_p95": round(percentile(fts_ms, 0.95), 2),
            "peak_rss_mb": round(app_peak_rss_mb(db, next(q for q in queries if " " in q)), 1),
            "archive_mb": round(sum(p.stat().st_size for p in Path(folder).glob("bench.db*")) / 2**20, 1),
        }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
