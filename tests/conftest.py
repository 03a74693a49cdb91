"""Hypothesis settings profiles for the whole test suite.

- ``dev`` (default): quick feedback while editing.
- ``ci``: more examples, no deadline (shared CI machines stall), fresh randomness on every run
  and ``print_blob=True`` so that a failure can be replayed with ``@reproduce_failure``.

Select one with ``NETCONTRACT_HYPOTHESIS_PROFILE=ci``. ``NETCONTRACT_NO_SKIPS=1`` (set by
.ci/run) turns every skipped test into a failure, so the .NET interop suite cannot silently
not run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "dev",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "ci",
    max_examples=300,
    derandomize=False,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("NETCONTRACT_HYPOTHESIS_PROFILE", "dev"))


# CI must run every test: there, a skip (Mono missing, a broken install) is a failure.
NO_SKIPS = os.environ.get("NETCONTRACT_NO_SKIPS") == "1"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    if NO_SKIPS and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.longrepr = f"skipped, but NETCONTRACT_NO_SKIPS=1 forbids skips: {reason}"
