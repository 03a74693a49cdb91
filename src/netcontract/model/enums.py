"""``ContractEnum``: an ``IntEnum`` that can also hold values without a name, as .NET enums can;
``ContractFlag``, a ``[Flags]`` enum; ``enum_member``, a member's ``[EnumMember]`` wire name."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any, Final, Self, cast

import attrs

from netcontract.clr.numbers import show_text
from netcontract.errors import ContractDefinitionError

__all__ = ["ContractEnum", "ContractFlag", "enum_member", "enum_name_message"]

#: names listed in a message before "..." (an enum may have hundreds)
_NAMES_SHOWN: Final = 20


def enum_name_message(text: str, enum_name: str, names: Iterable[str]) -> str:
    """The one message for a text that is not a name of an enum: JSON, XML and validation."""
    listed = list(names)
    shown = ", ".join(listed[:_NAMES_SHOWN])
    if len(listed) > _NAMES_SHOWN:
        shown += f", ... ({len(listed)} names)"
    return f"{show_text(text)} is not a {enum_name} name (expected one of: {shown})"


@attrs.frozen
class _MemberSpec:
    """What :func:`enum_member` declares: the value and how DataContractSerializer names it."""

    value: int
    wire_name: str | None
    serializable: bool


def enum_member(value: int, wire_name: str | None = None, *, serializable: bool = True) -> Any:
    """An enum member's value with its DataContract wire name, for a ``ContractEnum`` body.

    ``IN_PROGRESS = nc.enum_member(1, "in-progress")`` is C#'s
    ``[EnumMember(Value = "in-progress")] InProgress = 1``: DataContractSerializer writes and
    reads only ``in-progress``, Json.NET still writes the number and reads the Python name.
    ``nc.enum_member(3, serializable=False)`` is a member without ``[EnumMember]`` in a
    ``[DataContract]`` enum: JSON carries it, XML refuses to write it and reads no name for it.
    """
    if type(value) is not int:
        raise ContractDefinitionError(f"enum_member: the value must be an int, got {value!r}")
    if wire_name is not None:
        if not isinstance(wire_name, str) or not wire_name:  # type: ignore[redundant-expr]
            # .NET refuses an empty EnumMemberAttribute.Value (InvalidDataContractException)
            raise ContractDefinitionError("enum_member: the wire name must be a non-empty string")
        if not serializable:
            raise ContractDefinitionError(
                "enum_member: a member that is not serializable has no wire name"
            )
    return _MemberSpec(value, wire_name, serializable)


class ContractEnum(enum.IntEnum):
    """Base class for .NET enums.

    A .NET enum variable may hold any integer of its underlying type, named or not. Json.NET
    reads and writes such values as numbers; DataContractSerializer refuses to write them.
    ``CameraType(7)`` therefore gives an unnamed member (``name is None``) instead of
    raising, so a JSON document keeps its value; writing it as XML raises
    :class:`~netcontract.SerializationError`, as .NET does.
    """

    def __new__(cls, value: Any) -> Self:
        # called once per member while the class is made (Enum's member constructor)
        spec = value if isinstance(value, _MemberSpec) else _MemberSpec(value, None, True)
        member = int.__new__(cls, spec.value)
        member._value_ = spec.value
        member.__dict__["_nc_wire_name"] = spec.wire_name
        member.__dict__["_nc_serializable"] = spec.serializable
        return member

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
    def wire_name(self) -> str | None:
        """The name DataContractSerializer writes: ``enum_member``'s, else the member's own;
        None for an unnamed value or a member that is not serializable."""
        if self._own_name is None or not self.__dict__.get("_nc_serializable", True):
            return None
        return cast("str | None", self.__dict__.get("_nc_wire_name")) or self._own_name

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


class ContractFlag(ContractEnum):
    """Base class for .NET ``[Flags]`` enums.

    DataContractSerializer writes a value that is no member as the members' names joined by
    spaces (``Read Write``), Json.NET the number. ``|``, ``&``, ``^`` and ``~`` give values of
    the class (``~`` as on the CLR's Int32: ``~Perms.Read == -2``); ``flag in value`` tests
    the bits.
    """

    def __or__(self, other: Any) -> Self:
        if type(other) is int or isinstance(other, type(self)):
            return type(self)(int(self) | int(other))
        return NotImplemented

    __ror__ = __or__

    def __and__(self, other: Any) -> Self:
        if type(other) is int or isinstance(other, type(self)):
            return type(self)(int(self) & int(other))
        return NotImplemented

    __rand__ = __and__

    def __xor__(self, other: Any) -> Self:
        if type(other) is int or isinstance(other, type(self)):
            return type(self)(int(self) ^ int(other))
        return NotImplemented

    __rxor__ = __xor__

    def __repr__(self) -> str:
        if self._own_name is None:  # a combination: the members that make it, if they do
            names: list[str] = []
            rest = int(self)
            for member in type(self):
                bits = int(member)
                if bits and bits & rest == bits:
                    names.append(member.name)
                    rest &= ~bits
            if names and not rest:
                return f"<{type(self).__name__}.{'|'.join(names)}: {int(self)}>"
        return super().__repr__()

    def __invert__(self) -> Self:
        return type(self)(~int(self))

    def __contains__(self, other: Any) -> bool:
        bits = int(other)
        return int(self) & bits == bits


# class attributes set after the class is made (in its body they would become members)
ContractEnum._nc_flags = False  # type: ignore[attr-defined]
ContractFlag._nc_flags = True  # type: ignore[attr-defined]
