"""The app over a real SSH connection: a private sshd on 127.0.0.1 (its own config file, throwaway
host and user keys, a free high port; nothing system-wide is changed except the empty
privilege-separation folder sshd insists on, made only when missing), `ssh -tt` into it from a
tmux pane at 80x24, a search, a meeting opened, quit, and the terminal left clean.
"""

from __future__ import annotations

import getpass
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tmux_session import TmuxSession, app_argv, require_tool


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _cannot_run(reason: str) -> None:
    message = f"sshd cannot run here: {reason}"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


class PrivateSshd:
    """sshd -D on 127.0.0.1:port with everything it needs inside `folder`."""

    def __init__(self, folder: Path) -> None:
        self.sshd = require_tool("sshd", "the SSH test starts its own; package openssh-server")
        require_tool("ssh", "the SSH test connects with it; package openssh-client")
        require_tool("ssh-keygen", "the SSH test makes throwaway keys")
        self.folder = folder
        self.port = free_port()
        self.user = getpass.getuser()
        folder.mkdir(mode=0o700)
        for name in ("host_key", "user_key"):
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(folder / name)], check=True)
        shutil.copy(folder / "user_key.pub", folder / "authorized_keys")
        self.config = folder / "sshd_config"
        self.config.write_text(
            f"""Port {self.port}
ListenAddress 127.0.0.1
HostKey {folder / "host_key"}
PidFile {folder / "sshd.pid"}
AuthorizedKeysFile {folder / "authorized_keys"}
AllowUsers {self.user}
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
UsePAM no
StrictModes no
PrintMotd no
PrintLastLog no
"""
        )
        self._made_privsep = self._privilege_separation_folder()
        self.log = folder / "sshd.log"
        self.process = subprocess.Popen(
            [self.sshd, "-D", "-e", "-f", str(self.config)], stderr=self.log.open("w"), stdin=subprocess.DEVNULL
        )
        self._wait_until_listening()

    @staticmethod
    def _privilege_separation_folder() -> Path | None:
        """sshd started as root refuses to run without /run/sshd (systemd makes it for the service)."""
        folder = Path("/run/sshd")
        if os.geteuid() != 0 or folder.exists():
            return None
        folder.mkdir(mode=0o755)
        return folder

    def _wait_until_listening(self) -> None:
        deadline = time.monotonic() + 20
        while True:
            if self.process.poll() is not None:
                _cannot_run(self.log.read_text().strip() or f"exit status {self.process.returncode}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                if time.monotonic() > deadline:
                    _cannot_run(f"nothing listening on port {self.port}: {self.log.read_text().strip()}")
                time.sleep(0.1)

    def ssh_argv(self, remote_command: list[str]) -> list[str]:
        return [
            "ssh", "-tt", "-F", "/dev/null", "-i", str(self.folder / "user_key"), "-p", str(self.port),
            "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
            "-o", f"UserKnownHostsFile={self.folder / 'known_hosts'}", "-o", "LogLevel=ERROR",
            f"{self.user}@127.0.0.1", *remote_command,
        ]  # fmt: skip

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        if self._made_privsep:
            self._made_privsep.rmdir()


@pytest.fixture
def sshd(tmp_path: Path) -> Iterator[PrivateSshd]:
    server = PrivateSshd(tmp_path / "sshd")
    yield server
    server.stop()


def test_search_and_read_a_meeting_over_ssh(sshd, tmp_path):
    import shlex

    remote = ["env", "LANG=C.UTF-8", *app_argv("--demo")]  # the remote shell gets no locale without PAM
    terminal = TmuxSession(sshd.ssh_argv([shlex.join(remote)]), env={"TERM": "xterm-256color"})
    try:
        screen = terminal.wait_for(lambda s: "Meetings (4)" in s and "Agenda · 2026-05-25" in s)
        assert all(len(line) <= 80 for line in screen.splitlines())

        terminal.send("/")
        terminal.wait_for("search people, topics, text")
        terminal.type("hallsten")
        terminal.wait_for("Martin Hällsten")
        terminal.send("Escape")  # back from the search, then a text search that opens a meeting
        terminal.wait_for("╭─ Meetings (4)")
        terminal.send("/")
        terminal.wait_for("search people, topics, text")
        terminal.type("syntetiska")
        terminal.wait_for("Text (")
        terminal.send("Enter")
        screen = terminal.wait_for(lambda s: "╭─ Text" in s and "╭─ Meetings" not in s)  # reading it
        assert "Agenda · " in screen

        terminal.send("q")
        screen = terminal.wait_for("exit=0")  # ssh's exit status: the app quit cleanly
        terminal.type("typed after exit")
        screen = terminal.wait_for("typed after exit")
        assert "Meetings (" not in screen and "╭─" not in screen  # the app's screen is gone
        assert "\x1b" not in screen and "[<" not in screen and not any(  # no mouse reports or escapes
            line.rstrip().endswith(("M", "m")) and ";" in line for line in screen.splitlines()
        )
        assert terminal.flag("alternate_on") == "0"
        assert terminal.flag("mouse_any_flag") == "0" and terminal.flag("mouse_button_flag") == "0"
        assert terminal.flag("cursor_flag") == "1"
    finally:
        terminal.close()
