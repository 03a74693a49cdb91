"""Test support: corpora drawn from the strategies (:mod:`.corpus`), payload comparison
(:mod:`.payload_diff`), and serving an ASGI application on loopback (:mod:`.server`,
:mod:`.transport`; need the ``webapi`` extra).

``netcontract.pytest_plugin`` holds the fixtures; the Vehizen stand-in lives in
``vehizen.testing``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ASGITransport", "serve"]


def __getattr__(name: str) -> Any:
    # the server and transport need the webapi extra: imported only when asked for
    if name == "serve":
        from netcontract.testing.server import serve  # noqa: PLC0415

        return serve
    if name == "ASGITransport":
        from netcontract.testing.transport import ASGITransport  # noqa: PLC0415

        return ASGITransport
    raise AttributeError(name)
