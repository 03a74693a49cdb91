"""Member paths in messages: ``Vehicles[3].Tolerance``."""

from __future__ import annotations

import enum
import json

__all__ = ["item", "join", "key"]


def join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def item(path: str, index: int) -> str:
    return f"{path}[{index}]"


def key(path: str, value: object) -> str:
    """The path of a dictionary entry: ``Map[2]`` for an integer key, ``Map["key"]`` else."""
    if type(value) is int:
        return f"{path}[{value}]"
    text = value.name if isinstance(value, enum.Enum) and value.name else str(value)
    return f"{path}[{json.dumps(text, ensure_ascii=False)}]"
