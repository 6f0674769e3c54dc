"""Run a terminal program on a pseudo-terminal, as a user's terminal would: for benchmarks.

It records every byte the program writes, can wait until some text has appeared on the screen, and
types keys. Linux/macOS only (the `pty` module).
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time
from collections.abc import Sequence

_ESCAPES = re.compile(rb"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][A-Z0-9]|[=>78])")


def screen_text(output: bytes) -> str:
    """What the bytes say with terminal escapes removed (enough to find words on the screen)."""
    return _ESCAPES.sub(b" ", output).decode("utf-8", errors="replace")


class PtySession:
    """A program started on its own pseudo-terminal of a given size."""

    def __init__(self, argv: Sequence[str], columns: int = 80, lines: int = 24, env: dict | None = None) -> None:
        self.started = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: become the program
            os.execvpe(argv[0], list(argv), env or dict(os.environ))
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        self.output = bytearray()
        self.columns, self.lines = columns, lines

    def screen(self) -> str:
        """The screen as a terminal shows it after everything written so far (pyte emulates one)."""
        import pyte  # a test dependency; the benchmarks that only count bytes do not need it

        screen = pyte.Screen(self.columns, self.lines)
        pyte.ByteStream(screen).feed(bytes(self.output))
        return "\n".join(screen.display)

    def wait_for_screen(self, text: str, timeout: float = 30.0) -> str:
        """The screen once `text` shows on it; raises on timeout."""
        deadline = time.perf_counter() + timeout
        while text not in (screen := self.screen()):
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"{text!r} did not appear within {timeout} s; the screen was:\n{screen}")
            if not self._read(min(left, 0.2)):
                raise EOFError(f"the program ended before {text!r} appeared")
        return screen

    def read_for(self, seconds: float) -> bytes:
        """Everything the program writes during `seconds`."""
        start = len(self.output)
        deadline = time.perf_counter() + seconds
        while (left := deadline - time.perf_counter()) > 0:
            self._read(left)
        return bytes(self.output[start:])

    def wait_for(self, text: str, timeout: float = 30.0, since: int = 0) -> float:
        """Seconds from start until `text` shows in the output after byte `since`; raises on timeout."""
        deadline = time.perf_counter() + timeout
        while text not in screen_text(bytes(self.output[since:])):
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"{text!r} did not appear within {timeout} s")
            if not self._read(left):
                raise EOFError(f"the program ended before {text!r} appeared")
        return time.perf_counter() - self.started

    def settle(self, quiet: float = 0.3, timeout: float = 10.0) -> None:
        """Wait until the program has written nothing for `quiet` seconds."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if not self._ready(quiet):
                return
            if not self._read(quiet):
                return

    def type(self, keys: str | bytes) -> None:
        os.write(self.fd, keys.encode() if isinstance(keys, str) else keys)

    def peak_rss_mb(self) -> float:
        """The program's peak resident memory so far (Linux /proc)."""
        with open(f"/proc/{self.pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        raise RuntimeError("no VmHWM in /proc status")

    def close(self, quit_keys: str = "q", timeout: float = 10.0) -> int:
        """Quit with `quit_keys`, or kill the program if it does not end; its exit status."""
        try:
            self.type(quit_keys)
            deadline = time.perf_counter() + timeout
            while time.perf_counter() < deadline:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
                if pid:
                    return os.waitstatus_to_exitcode(status)
                self._read(0.05)
            os.kill(self.pid, signal.SIGKILL)
            return os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])
        finally:
            os.close(self.fd)

    def _ready(self, timeout: float) -> bool:
        return bool(select.select([self.fd], [], [], timeout)[0])

    def _read(self, timeout: float) -> bool:
        """Read what is there within `timeout`; False once the program has closed the terminal."""
        if not self._ready(timeout):
            return True
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:
            return False
        self.output.extend(chunk)
        return bool(chunk)
