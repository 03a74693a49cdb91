"""Hypothesis settings profiles for the whole test suite.

- ``dev`` (default): quick feedback while editing.
- ``mutation``: ``dev`` derandomized and without an example database (python3 dev.py mutate).
- ``ci``: more examples, no deadline (shared CI machines stall), fresh randomness on every run
  and ``print_blob=True`` so that a failure can be replayed with ``@reproduce_failure``.

Select one with ``NETCONTRACT_HYPOTHESIS_PROFILE=ci``. ``NETCONTRACT_NO_SKIPS=1`` (set by
.ci/run) turns every skipped test into a failure, so the .NET interop suite cannot silently
not run.

``NETCONTRACT_NO_FALLBACK=1`` (set by .ci/run for the round-trip, corpus and interop tests)
makes a conversion whose generated path fell back on an input the reference path accepts fail
(README, "Speed"); a test whose inputs only the reference path reads (a B-format Guid, a
document with members left out) is marked ``falls_back``. The ``engine_path`` fixture runs a
test on the generated paths and on the reference path alone.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from netcontract import codegen

# pytest (--import-mode=importlib) names the modules of tests/interop/, a package in a folder
# that is not one, "interop.*". The unit tests that reuse its twins import them by that name
# too (`from interop.edge_models import ...`), registered here: under a second name
# ("tests.interop.*") each twin module would declare its contracts twice, and the registry
# would find the other copy's classes by wire name
_INTEROP = Path(__file__).parent / "interop"
if "interop" not in sys.modules:
    _spec = importlib.util.spec_from_file_location(
        "interop", _INTEROP / "__init__.py", submodule_search_locations=[str(_INTEROP)]
    )
    assert _spec is not None and _spec.loader is not None
    sys.modules["interop"] = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(sys.modules["interop"])

# python3 dev.py test measures its pytest-xdist workers through coverage's subprocess patch,
# which hands its settings down in this variable; the processes the tests start themselves
# (the CLI, the pool workers of batches) stay unmeasured, as they were before the suite ran in
# workers (measuring them slowed those tests and their data would mix into the report)
if os.environ.get("PYTEST_XDIST_WORKER"):
    os.environ.pop("COVERAGE_PROCESS_CONFIG", None)

settings.register_profile(
    "dev",
    max_examples=60,
    deadline=None,
    # engine_path sets a switch for the whole test, not per example
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
settings.register_profile(
    "ci",
    # 150 per run and engine path: the round-trip properties run twice (generated and
    # reference paths), so each draws as many documents as 300 did before, within CI's time
    max_examples=150,
    derandomize=False,
    deadline=None,
    print_blob=True,
    # engine_path sets a switch for the whole test, not per example
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
settings.register_profile(
    "mutation",
    # python3 dev.py mutate: the same examples on every run, none replayed from a database, so
    # a mutant is killed or survives by the code alone and not by the draw
    max_examples=60,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
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


@pytest.fixture(autouse=True)
def _fallback_allowed_when_marked(request: pytest.FixtureRequest) -> Iterator[None]:
    if request.node.get_closest_marker("falls_back") is None:
        yield
        return
    with codegen._no_fallback(False):
        yield


@pytest.fixture(params=["generated", "reference"])
def engine_path(request: pytest.FixtureRequest) -> Iterator[str]:
    """Run the test with the conversions taking their generated paths first (as always), then
    with the reference code alone: both must give the same results."""
    path: str = request.param
    with codegen._engine_path("reference" if path == "reference" else "generated"):
        yield path
