"""Json.NET's property names for ``Dictionary<K,V>`` keys, both ways (Json.NET 6 on Mono).

Writing (``JsonSerializerInternalWriter.GetPropertyName``): a string as it is; an integer in
invariant digits; a bool ``True``/``False``; a Char its one character; a Guid in the ``D``
form; an enum its C# name (a value without one: its number); a DateTime as
``DateFormatHandling`` says (ISO, or ``\\/Date(ms[+hhmm])\\/`` written unescaped) but without
``DateTimeZoneHandling``. ``CamelCasePropertyNamesContractResolver`` camel-cases every key
(``True`` -> ``true``, ``Blue`` -> ``blue``).

Reading (``EnsureType`` with the invariant culture): an integer as ``Int32.Parse`` reads it
(white space and a sign: ``" 4"``, ``"+5"``, ``"03"``); a bool in any case; a Char exactly one
UTF-16 unit; a Guid in any form ``new Guid(text)`` takes; an enum by name in any case, or a
number; a DateTime in the ISO or Microsoft form (``DateTimeZoneHandling`` applied). Json.NET
then falls back to ``DateTime.Parse`` for other texts ("Jan 2 2020"), which netcontract
refuses instead of guessing at it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final

from netcontract.clr.datetime import (
    DateTime,
    format_datetime,
    parse_datetime_json,
    parse_microsoft_date,
)
from netcontract.clr.datetimeoffset import format_datetimeoffset_json, parse_datetimeoffset_key
from netcontract.clr.numbers import (
    format_decimal_xml,
    format_double_r,
    parse_decimal_json_string,
    parse_double_json_string,
)
from netcontract.clr.single import format_single_r, parse_single_json_string
from netcontract.clr.timespan import format_timespan_json, parse_timespan_json
from netcontract.clr.value_types import (
    DATETIME,
    DATETIMEOFFSET,
    DECIMAL,
    DOUBLE,
    SINGLE,
    TIMESPAN,
    ValueType,
)
from netcontract.json.settings import (
    JsonSettings,
    camel_case,
    ensure_datetime,
    format_microsoft_date,
    format_microsoft_datetimeoffset,
)
from netcontract.json.text import RawJson
from netcontract.model.wire import EnumType, PrimitiveType, Slot

__all__ = ["key_parser", "key_writer"]

#: Int32.Parse with NumberStyles.Integer: white space (U+0009-U+000D, U+0020) around, a sign
_INTEGER: Final = re.compile(r"[\t\n\v\f\r ]*([+-]?[0-9]+)[\t\n\v\f\r ]*")
_WHITE: Final = "\t\n\v\f\r \x00"


def key_writer(slot: Slot, settings: JsonSettings) -> Callable[[Any], str]:
    """The property name of a key (raises ValueError or TypeError for a key to refuse)."""
    text = _key_text(slot, settings)
    if settings.contract_resolver != "CamelCase":
        return text

    numbers = isinstance(slot.wire, PrimitiveType) and slot.wire.primitive in (DOUBLE, SINGLE)

    def camel(key: Any) -> str:
        name = text(key)
        if type(name) is RawJson:
            return name
        camel = camel_case(name)
        if numbers and camel != name:
            # Mono: Infinity is written "infinity", which Json.NET cannot read back
            raise ValueError(
                f"the CamelCase resolver writes the key {name} as {camel!r}, which Json.NET"
                " cannot read back as a number"
            )
        return camel

    return camel


def _key_text(slot: Slot, settings: JsonSettings) -> Callable[[Any], str]:
    wire = slot.wire
    if isinstance(wire, EnumType):
        cls = wire.cls

        def enum_text(key: Any) -> str:
            if not (isinstance(key, cls) or type(key) is int):
                raise TypeError(f"expected a {cls.__name__} key, got {key!r}")
            member = cls._value2member_map_.get(int(key))
            name = getattr(member, "name", None)
            return name if isinstance(name, str) else str(int(key))

        return enum_text
    assert isinstance(wire, PrimitiveType)
    primitive = wire.primitive
    check = primitive.check
    name = primitive.clr_name
    if name == "Boolean":
        return lambda key: "True" if check(key) else "False"
    if primitive is DATETIME:
        if settings.date_format_handling == "MicrosoftDateFormat":
            # Mono: written as "\/Date(1577934245000)\/" (the escape is the writer's own)
            return lambda key: RawJson(format_microsoft_date(check(key), settings))
        return lambda key: format_datetime(check(key))
    other = _number_or_time_text(primitive, settings)
    if other is not None:
        return other
    return lambda key: str(check(key))


def _number_or_time_text(
    primitive: ValueType, settings: JsonSettings
) -> Callable[[Any], str] | None:
    """The key writer of a Double, Single, Decimal, TimeSpan or DateTimeOffset key (None for
    the other types)."""
    check = primitive.check
    if primitive is DOUBLE:
        return lambda key: _general(format_double_r(check(key)), 15, "Double", key)
    if primitive is SINGLE:
        return lambda key: _general(format_single_r(check(key)), 7, "Single", key)
    if primitive is DECIMAL:
        # decimal.ToString(InvariantCulture): the scale kept, a negative zero unsigned (Mono)
        return lambda key: format_decimal_xml(check(key))
    if primitive is TIMESPAN:
        return lambda key: format_timespan_json(check(key))  # the "c" form, as for a value
    if primitive is DATETIMEOFFSET:
        if settings.date_format_handling == "MicrosoftDateFormat":
            return _microsoft_offset_key
        return lambda key: format_datetimeoffset_json(check(key))
    return None


def _general(text: str, digits: int, name: str, key: float) -> str:
    """A Double's (Single's) key as Json.NET writes it: ``key.ToString(InvariantCulture)``,
    "G" with 15 (7) significant digits, which is the "R" text when that has no more digits;
    a value that needs more is refused (Json.NET would read back another number: Mono
    writes 1/3 as ``0.333333333333333``, Double.MaxValue as ``1.79769313486232E+308``, which
    it then cannot read)."""
    # (a NaN key is refused by model/keys.py, in every format; Infinity is written as such)
    if "Infinity" in text:
        return text
    mantissa = text.partition("E")[0].lstrip("-").replace(".", "").strip("0")
    if len(mantissa) > digits:
        raise ValueError(
            f"Json.NET writes the {name} key {text} with {digits} significant digits"
            f" (ToString()), which reads back as another number: refused"
        )
    return text


def _microsoft_offset_key(key: Any) -> RawJson:
    r"""A DateTimeOffset key with MicrosoftDateFormat: ``\/Date(ms+hhmm)\/`` (Mono), its
    sub-millisecond ticks refused (they would be lost)."""
    value = DATETIMEOFFSET.check(key)
    if value.ticks % 10_000:
        raise ValueError(
            f"MicrosoftDateFormat writes the DateTimeOffset key {value} in milliseconds: its"
            " sub-millisecond ticks would be lost"
        )
    return RawJson(format_microsoft_datetimeoffset(value))


def key_parser(slot: Slot, settings: JsonSettings) -> Callable[[str], Any]:
    """The key a property name gives (raises ValueError with Json.NET's reason)."""
    wire = slot.wire
    if isinstance(wire, EnumType):
        return _enum_parser(wire)
    assert isinstance(wire, PrimitiveType)
    primitive = wire.primitive
    name = primitive.clr_name
    check = primitive.check

    def refused(text: str) -> ValueError:
        return ValueError(f"could not convert {text!r} to a dictionary key of type {name}")

    if name == "String":
        return check
    if name == "Boolean":

        def boolean(text: str) -> bool:
            word = text.strip(_WHITE).lower()
            if word in ("true", "false"):
                return word == "true"
            raise refused(text)

        return boolean
    if name == "Char":

        def char(text: str) -> Any:
            if len(text) != 1 or ord(text) > 0xFFFF:
                raise refused(text)
            return check(text)

        return char
    if name == "Guid":

        def guid(text: str) -> Any:
            try:
                return primitive.json_parse(text)
            except (ValueError, TypeError):
                raise refused(text) from None

        return guid
    other = _number_or_time_parser(primitive, refused)
    if other is not None:
        return other
    if primitive is DATETIME:

        def datetime(text: str) -> DateTime:
            found = parse_microsoft_date(text)
            if found is None:
                try:
                    # not the member's: more than 7 fraction digits stay refused (unprobed)
                    found = parse_datetime_json(text)
                except (ValueError, TypeError):
                    raise refused(text) from None
            return ensure_datetime(found, settings)

        return datetime

    def integer(text: str) -> int:
        match = _INTEGER.fullmatch(text)
        if match is None:
            raise refused(text)
        try:
            return int(check(int(match.group(1))))
        except (ValueError, TypeError):
            raise refused(text) from None

    return integer


def _number_or_time_parser(
    primitive: ValueType, refused: Callable[[str], ValueError]
) -> Callable[[str], Any] | None:
    """The key parser of a Double, Single, Decimal, TimeSpan or DateTimeOffset key (None for
    the other types): Json.NET's Convert.ChangeType with the invariant culture (Mono)."""
    parse: Callable[[str], Any]
    if primitive is DOUBLE:
        parse = parse_double_json_string  # Double.Parse: Float | AllowThousands
    elif primitive is SINGLE:
        parse = parse_single_json_string
    elif primitive is DECIMAL:
        parse = parse_decimal_json_string  # Decimal.Parse: NumberStyles.Number
    elif primitive is TIMESPAN:
        parse = parse_timespan_json  # TimeSpan.Parse, as for a value
    elif primitive is DATETIMEOFFSET:
        parse = parse_datetimeoffset_key  # Json.NET's dates, then DateTimeOffsetConverter
    else:
        return None

    def key(text: str) -> Any:
        try:
            value = parse(text)
        except (ValueError, TypeError) as exc:
            raise ValueError(f"{refused(text)}: {exc}") from None
        if value != value:
            raise ValueError(
                f"{refused(text)}: a NaN key is refused (Python's dict cannot find it again)"
            )
        return value

    return key


def _enum_parser(wire: EnumType) -> Callable[[str], Any]:
    cls = wire.cls
    by_name = {name.lower(): member for name, member in wire.clr_names.items()}

    def parse(text: str) -> Any:
        # Enum.Parse(type, text, ignoreCase: true): a name in any case, or a number
        found = by_name.get(text.strip(_WHITE).lower())
        if found is not None:
            return found
        match = _INTEGER.fullmatch(text)
        if match is not None:
            number = int(match.group(1))
            if -(2**31) <= number < 2**31:
                try:
                    return cls(number)
                except ValueError:
                    pass
        raise ValueError(f"could not convert {text!r} to a dictionary key of type {cls.__name__}")

    return parse
