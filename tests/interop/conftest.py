from __future__ import annotations

from collections.abc import Iterator

import pytest

from ._mono import MONO_MISSING_REASON, DotNetTwin, mono_available


@pytest.fixture(scope="session")
def dotnet() -> Iterator[DotNetTwin]:
    """One compiled twin and one Mono process for the whole session."""
    if not mono_available():
        pytest.skip(MONO_MISSING_REASON)
    twin = DotNetTwin()
    try:
        yield twin
    finally:
        twin.close()
