"""CLR primitive types: their wire names, ranges and value codecs.

A primitive is resolved once per member when a contract is first used; the readers and
writers then call its codec functions directly (no per-value type dispatch).
"""

from __future__ import annotations

import decimal
import re
import uuid
from collections.abc import Callable
from typing import Annotated, Any, Final

import attrs

from netcontract.clr import guid as _guid
from netcontract.clr import numbers as _numbers
from netcontract.clr.datetime import DateTime, format_datetime, parse_datetime

__all__ = [
    "ARR",
    "BOOLEAN",
    "BYTE",
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

XS: Final = "http://www.w3.org/2001/XMLSchema"
XSI: Final = "http://www.w3.org/2001/XMLSchema-instance"
SER: Final = "http://schemas.microsoft.com/2003/10/Serialization/"
ARR: Final = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
DATACONTRACT_BASE: Final = "http://schemas.datacontract.org/2004/07/"
SYSTEM: Final = DATACONTRACT_BASE + "System"


@attrs.frozen(eq=False)
class Primitive:
    """A CLR primitive: its data-contract name and how its values travel.

    ``xml_text``/``json_value`` assume a value that ``check`` accepted; ``xml_parse`` and
    ``json_parse`` raise ``ValueError``/``TypeError`` with a message meant for users.
    """

    clr_name: str  #: e.g. ``Int32``
    contract_name: str  #: e.g. ``int`` (the XML item/element name and i:type name)
    namespace: str  #: XS or SER
    python_type: type
    is_value_type: bool
    check: Callable[[Any], Any]
    xml_text: Callable[[Any], str]
    xml_parse: Callable[[str], Any]
    json_value: Callable[[Any], Any]
    json_parse: Callable[[Any], Any]

    def __repr__(self) -> str:
        return f"<CLR {self.clr_name}>"


def _describe(value: object) -> str:
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, decimal.Decimal | int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the string {value!r}"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return f"{type(value).__name__} {value!r}"


def _type_error(expected: str, value: object) -> TypeError:
    return TypeError(f"expected {expected}, got {_describe(value)}")


def _int_primitive(clr_name: str, contract_name: str, lo: int, hi: int) -> Primitive:
    def check(value: Any) -> int:
        if type(value) is not int and not (isinstance(value, int) and not isinstance(value, bool)):
            raise _type_error(f"an integer ({clr_name})", value)
        return _numbers.check_int(value, lo, hi, clr_name)

    def xml_parse(text: str) -> int:
        return _numbers.parse_int_xml(text, lo, hi, clr_name)

    def json_parse(value: Any) -> int:
        if type(value) is int:
            return _numbers.check_int(value, lo, hi, clr_name)
        if type(value) is str:
            # Json.NET reads a numeric string ("5") into an integer member
            return _numbers.parse_int_xml(value, lo, hi, clr_name)
        raise _type_error(f"an integer ({clr_name})", value)

    return Primitive(
        clr_name=clr_name,
        contract_name=contract_name,
        namespace=XS,
        python_type=int,
        is_value_type=True,
        check=check,
        xml_text=str,
        xml_parse=xml_parse,
        json_value=int,
        json_parse=json_parse,
    )


INT16 = _int_primitive("Int16", "short", -(2**15), 2**15 - 1)
INT32 = _int_primitive("Int32", "int", _numbers.INT32_MIN, _numbers.INT32_MAX)
INT64 = _int_primitive("Int64", "long", _numbers.INT64_MIN, _numbers.INT64_MAX)
SBYTE = _int_primitive("SByte", "byte", -128, 127)
BYTE = _int_primitive("Byte", "unsignedByte", 0, 255)
UINT16 = _int_primitive("UInt16", "unsignedShort", 0, 2**16 - 1)
UINT32 = _int_primitive("UInt32", "unsignedInt", 0, 2**32 - 1)
UINT64 = _int_primitive("UInt64", "unsignedLong", 0, 2**64 - 1)


_INF: Final = float("inf")


def _check_double(value: Any) -> float:
    if type(value) is float:
        return value
    if type(value) is int:
        as_float = float(value)
        if int(as_float) != value:
            raise ValueError(f"{value} cannot be held exactly by a Double")
        return as_float
    raise _type_error("a float (Double)", value)


def _json_parse_double(value: Any) -> float:
    if type(value) is float:
        return value
    if type(value) is decimal.Decimal:
        # the JSON parser keeps number tokens exact: convert them as the CLR does, which
        # is not always the correctly rounded double (see _numbers)
        return _numbers.parse_double_json_number(str(value))
    if type(value) is int:
        return _check_double(value)
    if type(value) is str:
        return _numbers.parse_double_json_string(value)
    raise _type_error("a number (Double)", value)


DOUBLE = Primitive(
    clr_name="Double",
    contract_name="double",
    namespace=XS,
    python_type=float,
    is_value_type=True,
    check=_check_double,
    xml_text=_numbers.format_double_xml,
    xml_parse=_numbers.parse_double_xml,
    json_value=float,
    json_parse=_json_parse_double,
)


def _check_decimal(value: Any) -> decimal.Decimal:
    if type(value) is not decimal.Decimal:
        raise _type_error("a decimal.Decimal", value)
    return _numbers.check_decimal(value)


def _json_parse_decimal(value: Any) -> decimal.Decimal:
    if type(value) is decimal.Decimal:
        return _numbers.check_decimal(value)
    if type(value) is int:
        return _numbers.check_decimal(decimal.Decimal(value))
    if type(value) is str:
        return _numbers.parse_decimal_json(value)
    raise _type_error("a number (Decimal)", value)


DECIMAL = Primitive(
    clr_name="Decimal",
    contract_name="decimal",
    namespace=XS,
    python_type=decimal.Decimal,
    is_value_type=True,
    check=_check_decimal,
    xml_text=_numbers.format_decimal_xml,
    xml_parse=_numbers.parse_decimal_xml,
    json_value=lambda d: d,
    json_parse=_json_parse_decimal,
)


def _check_bool(value: Any) -> bool:
    if type(value) is not bool:
        raise _type_error("a bool", value)
    return value


def _json_parse_bool(value: Any) -> bool:
    if type(value) is bool:
        return value
    raise _type_error("true or false", value)


BOOLEAN = Primitive(
    clr_name="Boolean",
    contract_name="boolean",
    namespace=XS,
    python_type=bool,
    is_value_type=True,
    check=_check_bool,
    xml_text=lambda b: "true" if b else "false",
    xml_parse=_numbers.parse_bool_xml,
    json_value=bool,
    json_parse=_json_parse_bool,
)


def _check_str(value: Any) -> str:
    if not isinstance(value, str):
        raise _type_error("a str", value)
    return check_no_lone_surrogate(value)


_LONE_SURROGATE: Final = re.compile("[\ud800-\udfff]")


def check_no_lone_surrogate(value: str) -> str:
    """Refuse a str holding a lone surrogate: no UTF-8 or UTF-16 encoder can write it."""
    if not value.isascii() and _LONE_SURROGATE.search(value):
        # "\ud800" is valid JSON, but no encoder can write it back
        raise ValueError("the string holds a lone surrogate (an unpaired \\uD800-\\uDFFF escape)")
    return value


def _json_parse_str(value: Any) -> str:
    if type(value) is str:
        return check_no_lone_surrogate(value)
    # Json.NET would turn true into "True" and 5.0 into "5": netcontract refuses instead
    raise _type_error("a string", value)


STRING = Primitive(
    clr_name="String",
    contract_name="string",
    namespace=XS,
    python_type=str,
    is_value_type=False,
    check=_check_str,
    xml_text=str,
    xml_parse=str,
    json_value=str,
    json_parse=_json_parse_str,
)


def _check_guid(value: Any) -> uuid.UUID:
    if not isinstance(value, uuid.UUID):
        raise _type_error("a uuid.UUID", value)
    return value


def _json_parse_guid(value: Any) -> uuid.UUID:
    if type(value) is str:
        return _guid.parse_guid(value)
    raise _type_error("a GUID string", value)


GUID = Primitive(
    clr_name="Guid",
    contract_name="guid",
    namespace=SER,
    python_type=uuid.UUID,
    is_value_type=True,
    check=_check_guid,
    xml_text=_guid.format_guid,
    xml_parse=lambda text: _guid.parse_guid(text.strip(" \t\r\n")),
    json_value=_guid.format_guid,
    json_parse=_json_parse_guid,
)


def _check_datetime(value: Any) -> DateTime:
    if type(value) is not DateTime:
        raise _type_error("a netcontract.DateTime (use DateTime.from_datetime)", value)
    return value


def _json_parse_datetime(value: Any) -> DateTime:
    if type(value) is str:
        return parse_datetime(value)
    raise _type_error("a date string", value)


DATETIME = Primitive(
    clr_name="DateTime",
    contract_name="dateTime",
    namespace=XS,
    python_type=DateTime,
    is_value_type=True,
    check=_check_datetime,
    xml_text=format_datetime,
    xml_parse=lambda text: parse_datetime(text.strip(" \t\r\n")),
    json_value=format_datetime,
    json_parse=_json_parse_datetime,
)

#: Primitives by data-contract name (the ``i:type`` local name), for ``object`` members.
PRIMITIVES: Final[dict[tuple[str, str], Primitive]] = {
    (p.namespace, p.contract_name): p
    for p in (
        *(INT16, INT32, INT64, SBYTE, BYTE, UINT16, UINT32, UINT64),
        *(DOUBLE, DECIMAL, BOOLEAN, STRING, GUID, DATETIME),
    )
}

#: The primitive a plain Python annotation stands for.
DEFAULT_FOR_PYTHON_TYPE: Final[dict[type, Primitive]] = {
    int: INT32,
    float: DOUBLE,
    decimal.Decimal: DECIMAL,
    bool: BOOLEAN,
    str: STRING,
    uuid.UUID: GUID,
    DateTime: DATETIME,
}

Int16 = Annotated[int, INT16]
Int32 = Annotated[int, INT32]
Int64 = Annotated[int, INT64]
SByte = Annotated[int, SBYTE]
Byte = Annotated[int, BYTE]
UInt16 = Annotated[int, UINT16]
UInt32 = Annotated[int, UINT32]
UInt64 = Annotated[int, UINT64]
