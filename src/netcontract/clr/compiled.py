"""Whether the compiled .NET value codecs (``netcontract.clr._speedups``) are in use.

The extension is optional: it is built at install time when a C compiler is there, and the
pure-Python codecs (the reference) run when it is missing or when ``NETCONTRACT_PURE=1`` is
set in the environment before netcontract is imported. Each codec module swaps in the compiled
functions it has and registers its pure ones as their fallback: the compiled code handles the
common valid text and hands everything else (every error included) to the Python function.
"""

from __future__ import annotations

import os
from types import ModuleType
from typing import Final

__all__ = ["ACTIVE", "REASON", "extension", "speedups"]


def _built() -> ModuleType | None:
    try:
        from netcontract.clr import _speedups  # noqa: PLC0415
    except ImportError:
        return None
    return _speedups


extension: Final = _built()
"""The built extension, in use or not (the differential tests compare it with the pure code)."""

if extension is None:
    speedups, REASON = None, "pure Python: the compiled codecs are not built (no C compiler)"
elif os.environ.get("NETCONTRACT_PURE", "") not in ("", "0"):
    speedups, REASON = None, "pure Python: NETCONTRACT_PURE is set"
else:
    speedups, REASON = extension, "compiled: netcontract.clr._speedups"
ACTIVE: Final = speedups is not None
"""True when the compiled codecs are in use."""
