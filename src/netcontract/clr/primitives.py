"""The CLR primitives under their first names, for the modules that still import them here.

Everything lives in :mod:`netcontract.clr.value_types` (one :class:`ValueType` object per CLR
type, and the registry); ``Primitive`` is that class and ``PRIMITIVES`` the registry's view by
data-contract name. New code imports :mod:`~netcontract.clr.value_types`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from netcontract.clr import value_types as _vt
from netcontract.clr.value_types import (
    ARR,
    BOOLEAN,
    BYTE,
    CHAR,
    DATACONTRACT_BASE,
    DATETIME,
    DECIMAL,
    DOUBLE,
    GUID,
    INT16,
    INT32,
    INT64,
    SBYTE,
    SER,
    STRING,
    SYSTEM,
    UINT16,
    UINT32,
    UINT64,
    XS,
    XSI,
    Byte,
    Char,
    Int16,
    Int32,
    Int64,
    SByte,
    UInt16,
    UInt32,
    UInt64,
    check_no_lone_surrogate,
)
from netcontract.clr.value_types import ValueType as Primitive

__all__ = [
    "ARR",
    "BOOLEAN",
    "BYTE",
    "CHAR",
    "DATACONTRACT_BASE",
    "DATETIME",
    "DECIMAL",
    "DOUBLE",
    "GUID",
    "INT16",
    "INT32",
    "INT64",
    "PRIMITIVES",
    "SBYTE",
    "SER",
    "STRING",
    "SYSTEM",
    "UINT16",
    "UINT32",
    "UINT64",
    "XS",
    "XSI",
    "Byte",
    "Char",
    "Int16",
    "Int32",
    "Int64",
    "Primitive",
    "SByte",
    "UInt16",
    "UInt32",
    "UInt64",
    "check_no_lone_surrogate",
]


#: Primitives by data-contract name (the ``i:type`` local name), for ``object`` members: a
#: live, read-only view of the registry
PRIMITIVES: Final[Mapping[tuple[str, str], Primitive]] = _vt.CONTRACT_NAMES
