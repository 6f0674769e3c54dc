"""`minutes-tui serve` in a real headless Chromium: the page draws the app's terminal, a search is
typed into it, and the person found shows in that terminal. A screenshot of the page is saved
(in $MINUTES_TUI_SCREENSHOTS if set, else the test's temporary folder).

Chromium is Debian's (/usr/bin/chromium), driven by Playwright; CI installs it.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_helpers import run_cli
from tmux_session import require_tool

from tui.serve import exposure_warning, is_loopback

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",  # needed as root
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DEADLINE_MS = 30_000

# textual-serve's page keeps its xterm.js terminal in a closure; the test's copy of the script also
# hands it to `window`, so the test can read the terminal's text as drawn.
_TERMINAL_CREATED = re.compile(r"this\.terminal=new (\w+)\.Terminal\(")
READ_TERMINAL = """() => {
    const buffer = window.minutesTerminal.buffer.active;
    const lines = [];
    for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i).translateToString(true));
    return lines.join("\\n");
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server() -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "serve", "--demo", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"the server did not start:\n{process.communicate()[0]}") from None
            time.sleep(0.1)
    yield url
    os.killpg(process.pid, signal.SIGINT)  # the server and the app processes it started
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    process.stdout.close()


def test_search_in_a_browser(server, tmp_path):
    chromium = require_tool("chromium", "the browser test drives it")
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is in the [test] extra")
    shots = Path(os.environ.get("MINUTES_TUI_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)

    with playwright.sync_playwright() as p:
        browser = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"),  # a fresh profile
            executable_path=chromium,
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1000, "height": 640},
        )
        try:
            page = browser.new_page()
            page.route("**/*", _local_only_with_terminal_handle)
            page.goto(server)
            page.wait_for_function(f"window.minutesTerminal && ({READ_TERMINAL})().includes('Meetings (4)')",
                                   timeout=DEADLINE_MS)
            page.locator(".xterm-helper-textarea").focus()  # where xterm.js takes keys
            page.keyboard.press("/")
            page.wait_for_function(f"({READ_TERMINAL})().includes('search people')", timeout=DEADLINE_MS)
            page.keyboard.type("hallsten")
            found = r"/People \(1\)[\s\S]*Martin Hällsten\s+Stockholms universitet\s+2 meetings/"
            page.wait_for_function(f"{found}.test(({READ_TERMINAL})())", timeout=DEADLINE_MS)
            shown = page.evaluate(READ_TERMINAL)
            page.screenshot(path=str(shots / "browser-search-hallsten.png"))
        finally:
            browser.close()

    assert "People (1)" in shown
    assert re.search(r"Martin Hällsten\s+Stockholms universitet\s+2 meetings", shown), shown
    assert (shots / "browser-search-hallsten.png").read_bytes().startswith(b"\x89PNG")


def _local_only_with_terminal_handle(route) -> None:
    """Nothing leaves the machine (the page asks Google for a font); textual.js gets its handle."""
    url = route.request.url
    if not url.startswith("http://127.0.0.1:"):
        route.abort()
    elif url.endswith("/static/js/textual.js"):
        response = route.fetch()
        handed_out = r"this.terminal=window.minutesTerminal=new \1.Terminal("
        script, found = _TERMINAL_CREATED.subn(handed_out, response.text())
        assert found == 1, "textual-serve's textual.js no longer creates its terminal as this test expects"
        route.fulfill(response=response, body=script)
    else:
        route.continue_()


# --- where it listens ---------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_hosts_need_no_warning(host):
    assert is_loopback(host)
    assert exposure_warning(host, 8000) is None


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "minutes.example.org"])
def test_other_hosts_are_warned_about(host):
    warning = exposure_warning(host, 8000)
    assert warning and "no authentication" in warning and "127.0.0.1" in warning


def test_serve_on_another_interface_warns_before_listening():
    # 203.0.113.1 (TEST-NET-3) is on no interface here: the warning shows, then binding fails.
    result = run_cli("serve", "--demo", "--host", "203.0.113.1", "--port", str(free_port()))
    assert result.returncode == 1
    assert "WARNING" in result.stderr and "no authentication" in result.stderr
    assert "cannot serve on 203.0.113.1" in result.stderr


def test_serve_listens_on_loopback_by_default():
    from tui.cli import build_parser

    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1" and args.port == 8000
    args = build_parser().parse_args(["serve", "--demo", "--db", "x.db"])
    assert args.demo and args.db == Path("x.db")  # accepted after `serve` too


@pytest.mark.parametrize(
    ("argv", "flags"),
    [
        (["serve"], ["--no-preview"]),
        (["--preview", "serve"], ["--preview"]),
        (["--no-mouse", "--demo", "serve"], ["--no-mouse", "--no-preview", "--read-only"]),
    ],
)
def test_each_browser_tab_runs_the_app_with_the_servers_options(argv, flags):
    from tui.cli import build_parser, served_app_flags

    assert served_app_flags(build_parser().parse_args(argv)) == flags
