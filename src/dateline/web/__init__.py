"""The web reader: ``dateline serve``. See ``app.py`` for the pages."""
from __future__ import annotations

import ipaddress
from pathlib import Path

from .app import NAV, create_app

__all__ = ["LOCAL_NAMES", "NAV", "create_app", "serve", "is_loopback"]

LOCAL_NAMES = ["127.0.0.1", "localhost", "::1", "[::1]"]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the reader until interrupted. Bound to a loopback address, it answers only requests
    addressed to a local name."""
    import uvicorn

    allowed = LOCAL_NAMES if is_loopback(host) else None
    app = create_app(db, allowed_hosts=allowed)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
