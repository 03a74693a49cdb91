"""Member paths in messages: ``Vehicles[3].Tolerance``."""

from __future__ import annotations

__all__ = ["item", "join"]


def join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def item(path: str, index: int) -> str:
    return f"{path}[{index}]"
