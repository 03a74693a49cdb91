"""A synchronous httpx transport over an ASGI application, in process."""

from __future__ import annotations

import asyncio

import httpx
from starlette.types import ASGIApp

__all__ = ["ASGITransport"]


class ASGITransport(httpx.BaseTransport):
    """Send the requests of a synchronous :class:`httpx.Client` straight to an ASGI app.

    ``httpx.Client(transport=ASGITransport(app), base_url="http://standin")``. Each request
    runs the application in a fresh event loop (so it must not be used from inside a running
    loop: use :class:`httpx.ASGITransport` with an :class:`httpx.AsyncClient` there).
    """

    def __init__(self, app: ASGIApp) -> None:
        self._asgi = httpx.ASGITransport(app=app)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Run the application on ``request`` and return its complete response."""
        request.read()  # a sync body becomes bytes that the async transport can stream

        async def run() -> httpx.Response:
            response = await self._asgi.handle_async_request(request)
            body = await response.aread()
            return httpx.Response(
                status_code=response.status_code,
                headers=response.headers,
                content=body,
                extensions=response.extensions,
            )

        return asyncio.run(run())
