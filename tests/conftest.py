"""Hypothesis settings profiles for the whole test suite.

- ``dev`` (default): quick feedback while editing.
- ``ci``: more examples, no deadline (shared CI machines stall), fresh randomness on every run
  and ``print_blob=True`` so that a failure can be replayed with ``@reproduce_failure``.

Select one with ``NETCONTRACT_HYPOTHESIS_PROFILE=ci``.
"""

from __future__ import annotations

import os

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
