"""``ContractEnum``: an ``IntEnum`` that can also hold values without a name, as .NET enums can."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any, Final, Self, cast

from netcontract.clr.numbers import show_text

__all__ = ["ContractEnum", "enum_name_message"]

#: names listed in a message before "..." (an enum may have hundreds)
_NAMES_SHOWN: Final = 20


def enum_name_message(text: str, enum_name: str, names: Iterable[str]) -> str:
    """The one message for a text that is not a name of an enum: JSON, XML and validation."""
    listed = list(names)
    shown = ", ".join(listed[:_NAMES_SHOWN])
    if len(listed) > _NAMES_SHOWN:
        shown += f", ... ({len(listed)} names)"
    return f"{show_text(text)} is not a {enum_name} name (expected one of: {shown})"


class ContractEnum(enum.IntEnum):
    """Base class for .NET enums.

    A .NET enum variable may hold any integer of its underlying type, named or not. Json.NET
    reads and writes such values as numbers; DataContractSerializer refuses to write them.
    ``CameraType(7)`` therefore gives an unnamed member (``name is None``) instead of
    raising, so a JSON document keeps its value; writing it as XML raises
    :class:`~netcontract.SerializationError`, as .NET does.
    """

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        if isinstance(value, int) and not isinstance(value, bool):
            # Pseudo-members are not cached: hostile input must not grow the class.
            pseudo = int.__new__(cls, value)
            pseudo._name_ = None  # type: ignore[assignment]
            pseudo._value_ = value
            return pseudo
        return None

    @property
    def is_named(self) -> bool:
        """Whether this value is a declared member (only named values can be written as XML)."""
        return self._own_name is not None

    @property
    def _own_name(self) -> str | None:
        # typeshed says str, but pseudo-members made by _missing_ carry None
        return cast("str | None", self._name_)

    def __repr__(self) -> str:
        if self._own_name is None:
            return f"<{type(self).__name__}: {int(self)} (no name)>"
        return super().__repr__()

    def __str__(self) -> str:
        name = self._own_name
        return name if name is not None else str(int(self))

    def __format__(self, spec: Any) -> str:
        return int.__format__(int(self), spec)
