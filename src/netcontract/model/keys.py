"""Dictionary keys as .NET's ``Dictionary<K,V>`` sees them, where Python's ``dict`` differs.

- .NET's equality of two keys: a ``DateTime`` by its ticks (the kind ignored), a
  ``DateTimeOffset`` by its instant (the offset ignored), where Python compares the kind or
  the offset too: two such keys are one key in .NET, which refuses the second ("An item with
  the same key has already been added"), so netcontract refuses them on writing and reading;
- a ``NaN`` key (Double, Single): Python's ``dict`` cannot find it again (NaN != NaN), so it is
  refused in every format.

Checked against Mono: ``tests/interop/test_dict_keys_interop.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Final

from netcontract.errors import Problem
from netcontract.model import paths as _paths
from netcontract.model.wire import DictType, PrimitiveType

__all__ = ["KeyRules", "key_problems", "key_rules", "same_instant_message"]

_TICKS_PER_MINUTE: Final = 600_000_000


class KeyRules:
    """The checks one dictionary type's keys need (:func:`key_rules`)."""

    __slots__ = ("_identity", "_nan")

    def __init__(self, identity: Callable[[Any], Any] | None, nan: bool) -> None:
        self._identity = identity
        self._nan = nan

    def problem(self, key: Any) -> str | None:
        """Why ``key`` alone is refused (None: it is not)."""
        if self._nan and key != key:
            return (
                "a NaN key is refused: Python's dict cannot find it again (NaN != NaN), though"
                " .NET's Dictionary holds one"
            )
        return None

    def duplicates(self, keys: Iterable[Any]) -> list[tuple[Any, Any]]:
        """``(key, earlier key)`` for each key that is an earlier one in .NET."""
        identity = self._identity
        if identity is None:
            return []
        seen: dict[Any, Any] = {}
        found = []
        for key in keys:
            try:
                same = identity(key)
            except AttributeError:  # not a key of the type: the key's writer reports it
                continue
            earlier = seen.setdefault(same, key)
            if earlier is not key:
                found.append((key, earlier))
        return found


def _utc_ticks(key: Any) -> int:
    return int(key.ticks) - int(key.offset_minutes) * _TICKS_PER_MINUTE


_NONE: Final = KeyRules(None, nan=False)


def key_rules(wire: DictType) -> KeyRules:
    """The checks ``wire``'s keys need (those of most key types: none)."""
    key = wire.key.wire
    if not isinstance(key, PrimitiveType):
        return _NONE
    name = key.primitive.clr_name
    if name in ("Double", "Single"):
        return KeyRules(None, nan=True)
    if name == "DateTimeOffset":
        return KeyRules(_utc_ticks, nan=False)
    return _NONE


def same_instant_message(earlier: Any) -> str:
    """Why a DateTimeOffset key is refused as a duplicate."""
    return (
        f"is the key {earlier} in .NET (DateTimeOffset keys are equal when their instants"
        " are, whatever their offsets): a Dictionary cannot hold both"
    )


def key_problems(wire: DictType, value: dict[Any, Any], path: str) -> list[Problem]:
    """The problems of a dictionary's keys that .NET or Python cannot hold (a NaN key, two
    DateTimeOffset keys of one instant), with each key's path."""
    rules = key_rules(wire)
    if rules is _NONE:
        return []
    found = []
    for key in value:
        problem = rules.problem(key)
        if problem is not None:
            found.append(Problem(_paths.key(path, key), problem))
    for key, earlier in rules.duplicates(value):
        found.append(Problem(_paths.key(path, key), same_instant_message(earlier)))
    return found
