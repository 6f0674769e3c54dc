"""`minutes-tui serve`: the app in a web browser, for remote desktops that only offer a browser.

textual-serve runs one app process per browser tab and has no authentication: whoever reaches the
port gets the app and the archive. So it listens on the loopback interface unless told otherwise,
and says so when told; SSH port forwarding or a reverse proxy with authentication reach it safely.
"""

from __future__ import annotations

import ipaddress
import shlex
import sys
from pathlib import Path
from typing import Any

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to any interface


def exposure_warning(host: str, port: int) -> str | None:
    """What to tell the user before serving on an interface other machines can reach."""
    if is_loopback(host):
        return None
    return (
        f"minutes-tui: WARNING: serving on {host}:{port}, which other machines may reach. "
        "textual-serve has no authentication: anyone who can connect can read the archive. "
        "Prefer the default 127.0.0.1 with SSH port forwarding, or a reverse proxy that authenticates."
    )


def app_command(archive: Path, flags: list[str]) -> str:
    """The shell command textual-serve runs for each browser tab: this same minutes-tui."""
    return shlex.join([sys.executable, "-m", "tui.cli", "--db", str(archive), *flags])


def serve(command: str, host: str, port: int, public_url: str | None) -> None:
    """Serve until Ctrl+C. Without `public_url` the page's links follow the address the browser used,
    so a forwarded port (ssh -L 9000:127.0.0.1:8000) works whatever its local number."""
    from textual_serve.server import Server

    class MinutesServer(Server):
        async def handle_index(self, request: Any) -> Any:
            if public_url is None:
                self.public_url = f"{request.scheme}://{request.host}"
            return await super().handle_index(request)

    server = MinutesServer(command, host=host, port=port, title="minutes-tui", public_url=public_url)
    server.serve()
