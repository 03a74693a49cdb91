"""Json.NET's ``StringEnumConverter`` (``JsonSettings(string_enum_converter=True)``).

Json.NET 6.0.8 (checked on Mono, ``tests/interop/test_real_world_interop.py``):

- writing: ``Enum.ToString("G")`` over *every* member (with or without ``[EnumMember]``),
  each name replaced by its ``[EnumMember(Value = ...)]`` when it has one, then camel-cased
  when ``CamelCaseText``: a ``[Flags]`` value is its names joined by ``", "``
  (``"Web, mobile-app"``), taken as .NET takes them (from the highest value down, listed
  from the lowest); a value no name (or no set of flag names) makes is written as a number;
- reading: a text without a comma is looked up among the ``EnumMember`` values (or names
  where a member has none) in any case, untrimmed; a text with commas is split, each part
  trimmed and looked up so; what is not found is left to ``Enum.Parse`` (C# names in any
  case, a number).
"""

from __future__ import annotations

import enum

from netcontract.json.settings import JsonSettings, camel_case
from netcontract.model.wire import EnumType

__all__ = ["converter_names", "converter_text"]

_ULONG = (1 << 64) - 1


def converter_names(wire: EnumType) -> tuple[tuple[int, str], ...]:
    """(value, name StringEnumConverter writes) of every member, in declaration order."""
    return tuple(
        (int(member), wire_name if wire_name is not None else member.name)
        for member in wire.cls
        for wire_name in (_wire_name(member),)
    )


def _wire_name(member: enum.IntEnum) -> str | None:
    # a serializable member's EnumMember name (its own name without Value); None otherwise,
    # where Json.NET uses the C# name
    serializable = member.__dict__.get("_nc_serializable", True)
    if not serializable:
        return None
    wire = getattr(member, "wire_name", member.name)
    return wire if isinstance(wire, str) else member.name


def converter_text(
    value: int, parts: tuple[tuple[int, str], ...], flags: bool, settings: JsonSettings
) -> str | None:
    """The text StringEnumConverter writes for ``value``, or None where it writes the number."""
    if flags:
        text = _flags_text(value, parts)
    else:
        text = next((name for number, name in parts if number == value), None)
    if text is None or not settings.string_enum_camel_case_text:
        return text
    return ", ".join(camel_case(name) for name in text.split(", "))


def _flags_text(value: int, parts: tuple[tuple[int, str], ...]) -> str | None:
    # .NET's Enum.InternalFlagsFormat: values sorted as UInt64 (stable: the first declared of
    # equal values first), walked from the highest; a zero member only names 0
    ordered = sorted(parts, key=lambda part: part[0] & _ULONG)
    rest = value & _ULONG
    if rest == 0:
        return ordered[0][1] if ordered and ordered[0][0] == 0 else None
    words: list[str] = []
    for number, name in reversed(ordered):
        bits = number & _ULONG
        if bits == 0:
            break
        if rest & bits == bits:
            rest -= bits
            words.append(name)
    if rest != 0:
        return None
    return ", ".join(reversed(words))
