"""pytest fixtures for the Vehizen stand-in.

Enable them in a ``conftest.py``: ``pytest_plugins = ["vehizen.testing.pytest_plugin"]``.

- ``customer_group_standin``: a fresh :class:`~netcontract.testing.CustomerGroupStandIn`
  and a :class:`~netcontract.testing.CustomerGroupClient` wired to it in process (no socket);
  yields ``(standin, client)``.
- ``customer_group_server``: the same application served by uvicorn on a loopback port
  (a real HTTP socket); yields ``(standin, client)``, the client holding the server's URL
  (``client.http.base_url``).
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from vehizen.testing import (
    ASGITransport,
    CustomerGroupClient,
    CustomerGroupStandIn,
    serve,
)

__all__ = ["customer_group_server", "customer_group_standin"]


@pytest.fixture
def customer_group_standin() -> Iterator[tuple[CustomerGroupStandIn, CustomerGroupClient]]:
    """A stand-in and a client calling it in process."""
    standin = CustomerGroupStandIn()
    http = httpx.Client(transport=ASGITransport(standin.app), base_url="http://standin")
    with http, CustomerGroupClient(client=http) as client:
        yield standin, client


@pytest.fixture
def customer_group_server() -> Iterator[tuple[CustomerGroupStandIn, CustomerGroupClient]]:
    """A stand-in served on 127.0.0.1 (a free port) and a client calling it over HTTP."""
    standin = CustomerGroupStandIn()
    with serve(standin.app) as url, CustomerGroupClient(url) as client:
        yield standin, client
