"""``emit_default_value=False``: when a member holds what .NET takes for its default.

Mono's DataContractSerializer and Json.NET 6 disagree on which value types compare equal to
their default (Mono, tests/interop: ``Edge.E.Defaults``). DataContractSerializer leaves out
null, and the default of Boolean, Int32, Int64, Single and Double (0.0 and -0.0), Decimal
(any scale) and DateTime (0 ticks, any kind), but writes a default Int16, SByte, Byte, UInt16,
UInt32, UInt64, Char, Guid, TimeSpan, DateTimeOffset and enum. Json.NET
(``DefaultValueHandling.Ignore``) leaves out null and the default of every value type but Char
(TimeSpan.Zero included; a DateTimeOffset whose UTC instant is 0001-01-01T00:00:00Z, whatever
its offset, as DateTimeOffset.Equals compares instants). A ``Nullable<T>`` holding a value is
never left out.
"""

from __future__ import annotations

import enum
from typing import Any, Final

from netcontract.model.wire import EnumType, PrimitiveType, Slot

__all__ = ["omitted"]

#: CLR value types whose default DataContractSerializer (Mono) leaves out
_DCS_OMITS: Final = frozenset(
    {"Boolean", "Int32", "Int64", "Single", "Double", "Decimal", "DateTime"}
)
#: ... and Json.NET
_JSONNET_OMITS: Final = frozenset(
    {
        "Boolean",
        "Int16",
        "Int32",
        "Int64",
        "SByte",
        "Byte",
        "UInt16",
        "UInt32",
        "UInt64",
        "Single",
        "Double",
        "Decimal",
        "DateTime",
        "Guid",
        "TimeSpan",
        "DateTimeOffset",
    }
)


def omitted(slot: Slot, value: Any, *, xml: bool) -> bool:
    """Whether a member of ``slot`` holding ``value`` is left out under EmitDefaultValue=false
    (by DataContractSerializer when ``xml``, else by Json.NET)."""
    if value is None:
        return True
    if slot.clr_nillable:  # a reference, or a Nullable<T> holding a value
        return False
    wire = slot.wire
    if isinstance(wire, EnumType):
        return not xml and isinstance(value, int) and int(value) == 0
    if not isinstance(wire, PrimitiveType):  # pragma: no cover - value types are the above
        return False
    primitive = wire.primitive
    if primitive.carrier is not primitive:  # a user's own type: the carrier's value decides
        try:
            value = primitive.to_wire(value)  # type: ignore[attr-defined]
        except (ValueError, TypeError):
            return False  # a value the writer refuses anyway (and reports)
    name = primitive.carrier.clr_name
    if name not in (_DCS_OMITS if xml else _JSONNET_OMITS):
        return False
    if name == "Boolean":
        return value is False
    if name == "DateTime":
        return getattr(value, "ticks", None) == 0  # DateTime.Equals compares ticks only
    if name == "Guid":
        return getattr(value, "int", None) == 0
    if name == "TimeSpan":
        return getattr(value, "ticks", None) == 0
    if name == "DateTimeOffset":
        return getattr(value, "utc_ticks", None) == 0
    if isinstance(value, bool | enum.Enum):
        return False
    try:
        return bool(value == 0)  # 0, 0.0, -0.0, Decimal("0.00")
    except (TypeError, ValueError):  # pragma: no cover - a value the writer refuses anyway
        return False
