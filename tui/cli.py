"""The `minutes-tui` command: launches the app, or runs a sub-command for scripts.

Exit codes: 0 success, 1 a failure (one line on stderr naming the file and the problem),
2 a usage error (argparse's own).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from importers.archive import Archive, ArchiveError, ItemRow, needs_read_only
from importers.errors import DocumentError
from importers.location import DB_ENV_VAR, default_archive_path

from .safe_text import visible

if TYPE_CHECKING:
    from importers.batch import ImportReport


class Failure(Exception):
    """A failure to report as one line on stderr with exit code 1."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="minutes-tui",
        description="A keyboard-first terminal browser for archives of meeting minutes. "
        "Without a sub-command it opens the archive in the app.",
    )
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help=f"the archive file (default: ${DB_ENV_VAR}, else {default_archive_path()})",
    )
    parser.add_argument("--demo", action="store_true", help="open a throwaway archive of the bundled samples")
    parser.add_argument(
        "--read-only",
        action="store_true",
        help="never write the archive (automatic when the file or its folder is not writable)",
    )
    parser.add_argument(
        "--no-mouse", action="store_true", help="no mouse tracking (it sends bytes on every mouse move)"
    )
    parser.add_argument("--ascii", action="store_true", help="draw with ASCII only (automatic when LANG is not UTF-8)")
    parser.add_argument(
        "--preview",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="the agenda follows the list's cursor (default), or with --no-preview shows a meeting on Enter "
        "(the default over SSH: fewer bytes per key)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    imp = commands.add_parser("import", help="import minutes files or folders into the archive")
    imp.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files, or folders searched recursively")

    parse = commands.add_parser("parse", help="show how a file parses, without touching the archive")
    parse.add_argument("file", type=Path, metavar="FILE")
    _add_json_flag(parse)

    listing = commands.add_parser("list", help="list meetings, newest first")
    _add_json_flag(listing)

    people = commands.add_parser("people", help="list people with their aliases and meetings")
    _add_json_flag(people)

    search = commands.add_parser("search", help="search people, agenda topics and text, as `/` does in the app")
    search.add_argument("query", metavar="QUERY", help="a name, a topic or words; accents and small typos are forgiven")
    _add_json_flag(search)

    show = commands.add_parser("show", help="show one meeting whole")
    show.add_argument("meeting", metavar="MEETING", help="meeting id (from `list`) or part of its file name")
    _add_json_flag(show)
    _add_serve_command(commands)
    return parser


def _add_serve_command(commands: argparse._SubParsersAction) -> None:
    from .serve import DEFAULT_HOST, DEFAULT_PORT

    serve = commands.add_parser(
        "serve",
        help="serve the app to web browsers (textual-serve; no authentication, so loopback by default)",
    )
    serve.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=f"interface to listen on (default {DEFAULT_HOST}; any other prints a warning: anyone who reaches "
        "it gets the archive)",
    )
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    serve.add_argument(
        "--public-url",
        metavar="URL",
        help="the address browsers use, when a reverse proxy serves it elsewhere (e.g. https://minutes.example.org)",
    )
    # also accepted after `serve`, as before it
    serve.add_argument("--db", type=Path, metavar="PATH", default=argparse.SUPPRESS, help="the archive file")
    serve.add_argument("--demo", action="store_true", default=argparse.SUPPRESS, help="serve the bundled samples")


def _add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except (Failure, DocumentError, ArchiveError) as error:
        print(f"minutes-tui: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _run(args: argparse.Namespace) -> int:
    if args.command == "parse":
        return cmd_parse(args.file, args.json)
    if args.command is None:
        return cmd_app(args)
    if args.command == "serve":
        return cmd_serve(args)
    if args.command == "import" and args.read_only:
        raise Failure("--read-only: cannot import into an archive opened read-only")
    with _archive_path(args) as path, Archive(path, read_only=_read_only(args, path)) as archive:
        handlers = {
            "import": lambda: cmd_import(archive, args.paths),
            "list": lambda: cmd_list(archive, args.json),
            "people": lambda: cmd_people(archive, args.json),
            "show": lambda: cmd_show(archive, args.meeting, args.json),
            "search": lambda: cmd_search(archive, args.query, args.json),
        }
        return handlers[args.command]()


@contextmanager
def _archive_path(args: argparse.Namespace) -> Iterator[Path]:
    """The archive the user chose; with --demo a throwaway one, removed afterwards."""
    if not args.demo:
        yield args.db or default_archive_path()
        return
    from .demo import build_demo_archive

    with tempfile.TemporaryDirectory(prefix="minutes-tui-demo-") as folder:
        yield build_demo_archive(Path(folder))


def _read_only(args: argparse.Namespace, path: Path) -> bool:
    """Readers open the archive read-only when asked to, or when they may not write it; `import`
    opens it for writing and fails with SQLite's own message when it cannot."""
    if args.command == "import" or args.demo:
        return False
    return args.read_only or needs_read_only(path)


def _print_json(data: object) -> None:
    import json  # only the --json output needs it (the app starts without)

    print(json.dumps(data, ensure_ascii=False, indent=2))


# --- the app -----------------------------------------------------------------------------------


def cmd_app(args: argparse.Namespace) -> int:
    from . import terminal

    terminal.prepare_environment()  # before Textual loads
    from .app import MinutesApp  # Textual loads only when the app runs

    options = terminal.detect(no_mouse=args.no_mouse, ascii=args.ascii, preview=args.preview)
    with _archive_path(args) as path:
        MinutesApp(path, read_only=_read_only(args, path), terminal=options).run(mouse=options.mouse)
    return 0


def served_app_flags(args: argparse.Namespace) -> list[str]:
    """The options each browser tab's app runs with: the server's own, and over the network the
    agenda waits for Enter unless --preview was given (as over SSH)."""
    flags = [flag for flag, on in (("--no-mouse", args.no_mouse), ("--ascii", args.ascii)) if on]
    flags.append("--preview" if args.preview else "--no-preview")
    if args.demo or args.read_only:
        flags.append("--read-only")  # the demo is one archive for every browser tab
    return flags


def cmd_serve(args: argparse.Namespace) -> int:
    from .serve import app_command, exposure_warning, serve

    warning = exposure_warning(args.host, args.port)
    if warning:
        print(warning, file=sys.stderr)
    flags = served_app_flags(args)
    with _archive_path(args) as path:
        try:
            serve(app_command(path, flags), args.host, args.port, args.public_url)
        except OSError as error:
            raise Failure(f"cannot serve on {args.host}:{args.port}: {error.strerror or error}") from error
    return 0


# --- sub-commands ------------------------------------------------------------------------------


def cmd_parse(path: Path, as_json: bool) -> int:
    from importers.parse import parse_file  # the recogniser loads only for the commands that parse

    if not path.is_file():
        raise Failure(f"{path}: no such file")
    meeting = parse_file(path)
    if as_json:
        _print_json(meeting.to_json())
        return 0
    print(visible(f"Title: {meeting.title or '—'}"))
    print(f"Date:  {meeting.date or '—'}" + (f" (from {meeting.date_source})" if meeting.date else ""))
    print(visible(f"Body:  {meeting.body or '—'}"))
    print(f"Participants: {len(meeting.participants)}")
    for p in meeting.participants:
        print("  " + visible(_attendance_line(p)))
    print("Agenda:")

    def outline(items: list, depth: int) -> None:
        for item in items:
            print("  " * (depth + 1) + visible(f"{item.number + ' ' if item.number else ''}{item.title}"))
            outline(item.children, depth + 1)

    outline(meeting.items, 0)
    return 0


class Attendee(Protocol):
    name: str
    status: str
    remote: bool
    role: str | None
    affiliation: str | None
    note: str | None


def _attendance_line(a: Attendee) -> str:
    details = ", ".join(x for x in (a.role, a.affiliation, a.note) if x)
    flags = a.status + (", remote" if a.remote else "")
    return a.name + (f" ({details})" if details else "") + f" [{flags}]"


def cmd_import(archive: Archive, paths: list[Path]) -> int:
    from importers.batch import find_documents

    files, errors = find_documents(paths)
    report = _import_with_progress(archive, files)
    report.failed[:0] = errors
    for error in report.failed:
        print(f"minutes-tui: {visible(str(error))}", file=sys.stderr)
    print(f"{report.summary()} (archive: {archive.path})")
    return 1 if report.failed else 0


def _import_with_progress(archive: Archive, files: list[Path]) -> ImportReport:
    from importers.batch import import_files

    if not sys.stderr.isatty() or len(files) < 2:
        return import_files(archive, files, workers=0)
    from rich.progress import Progress

    with Progress(transient=True, console=_stderr_console()) as progress:
        task = progress.add_task("Importing", total=len(files))
        return import_files(archive, files, on_file=lambda _path: progress.advance(task), workers=0)


def _stderr_console():  # noqa: ANN202 - rich is imported lazily
    from rich.console import Console

    return Console(stderr=True)


def cmd_list(archive: Archive, as_json: bool) -> int:
    rows = archive.meetings()
    if as_json:
        _print_json([row.to_json() for row in rows])
        return 0
    if not rows:
        print(f"The archive {archive.path} is empty. Add minutes with: minutes-tui import PATH")
    for row in rows:
        when = row.date or (f"≈{row.inferred_year}" if row.inferred_year else "undated")
        print(visible(f"{row.id:>5}  {when:<10}  {row.body or '—'} | {row.label}  "
                      f"({row.participants} participants, {row.items} items)"))
    return 0


def cmd_people(archive: Archive, as_json: bool) -> int:
    people = [archive.person(p.id) for p in archive.people()]
    if as_json:
        _print_json(
            [
                {
                    "name": person.name,
                    "aliases": person.aliases,
                    "meetings": [
                        {"meeting": m.meeting_id, "date": m.date, "status": m.status, "role": m.role}
                        for m in person.meetings
                    ],
                }
                for person in people
                if person
            ]
        )
        return 0
    for person in people:
        if person:
            others = [a for a in person.aliases if a != person.name]
            also = f" (also written {', '.join(others)})" if others else ""
            print(visible(f"{person.name}{also}: {len(person.meetings)} meeting(s)"))
    return 0


def cmd_show(archive: Archive, key: str, as_json: bool) -> int:
    row = archive.find_meeting(key)
    if row is None:
        raise Failure(f"no single meeting matches {key!r} (see `minutes-tui list`)")
    attendance = archive.attendance(row.id)
    items = archive.items(row.id)
    if as_json:
        data = row.to_json() | {
            "participants": [
                {
                    "name": a.name,
                    "status": a.status,
                    "remote": a.remote,
                    "role": a.role,
                    "affiliation": a.affiliation,
                    "note": a.note,
                }
                for a in attendance
            ],
            "items": _item_tree_json(items, None),
        }
        _print_json(data)
        return 0
    print(visible(f"{row.label}\n{row.date or 'undated'} · {row.body or '—'}\n"))
    for a in attendance:
        print("  " + visible(_attendance_line(a)))
    for item in items:
        print()
        print(visible("  " * item.depth + f"{item.number + ' ' if item.number else ''}{item.title}"))
        if item.text:
            print(visible(item.text))
    return 0


def cmd_search(archive: Archive, query: str, as_json: bool) -> int:
    """The app's search, ranked the same way; JSON for scripts (shape in the README)."""
    from .search import SearchIndex

    results = SearchIndex(archive).search(query)
    if as_json:
        _print_json(results.to_json())
        return 0
    if results.is_empty():
        print(f"No matches for {query!r}.")
    for label, lines in (
        ("People", [f"{p.name} ({p.affiliation or '—'}): {p.meeting_count} meeting(s)" for p in results.people]),
        ("Topics", [f"{t.title}  [{t.date or t.inferred_year or 'undated'} {t.body or ''}]" for t in results.topics]),
        (
            f"Text (for {results.text_query!r})" if results.text_query else "Text",
            [f"{t.title}: {' '.join(t.snippet.split())}  [{t.date or 'undated'}]" for t in results.texts],
        ),
    ):
        if lines:
            print(f"{label}:")
            for line in lines:
                print("  " + visible(line))
    return 0


def _item_tree_json(items: list[ItemRow], parent_id: int | None) -> list[dict]:
    return [
        {
            "number": item.number,
            "title": item.title,
            "text": item.text,
            "children": _item_tree_json(items, item.id),
        }
        for item in items
        if item.parent_id == parent_id
    ]


if __name__ == "__main__":
    sys.exit(main())
