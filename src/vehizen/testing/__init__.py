"""A local stand-in of the Vehizen endpoint ``POST api/v2/CustomerGroup`` and a client for it.

Needs the ``webapi`` extra (``pip install 'netcontract[webapi]'``: Starlette, httpx, uvicorn).

- :class:`CustomerGroupStandIn`: an ASGI application that reads the five request formats of
  the help page, validates the group with the contracts, keeps the accepted groups, and
  answers a ``ResponseDto`` in the negotiated format.
- :class:`CustomerGroupClient`: sends a group in any of the formats, returns the decoded
  ``ResponseDto``.
- :func:`serve`: runs an ASGI application with uvicorn on a loopback port, in a thread.
- :class:`ASGITransport`: a synchronous httpx transport that calls an ASGI application in
  process (no socket).
- ``vehizen.testing.pytest_plugin``: the fixtures ``customer_group_standin`` (in process)
  and ``customer_group_server`` (over a real loopback socket).
"""

from __future__ import annotations

from netcontract.testing.server import serve
from netcontract.testing.transport import ASGITransport
from vehizen.testing.client import ApiError, CustomerGroupClient, RequestFormat
from vehizen.testing.standin import AcceptedGroup, CustomerGroupStandIn

__all__ = [
    "ASGITransport",
    "AcceptedGroup",
    "ApiError",
    "CustomerGroupClient",
    "CustomerGroupStandIn",
    "RequestFormat",
    "serve",
]
