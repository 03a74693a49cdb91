"""The stand-in fixtures, as users enable them (``vehizen.testing.pytest_plugin``)."""

from __future__ import annotations

from vehizen.testing.pytest_plugin import (  # noqa: F401 - fixtures
    customer_group_server,
    customer_group_standin,
)
