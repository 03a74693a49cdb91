"""Reading what WCF's DataContractJsonSerializer writes (``from_wcf_json``).

The reference reader only (no generated path yet): :func:`parse_wcf` parses the text,
counting every object, array, item and string against the :class:`~netcontract.Limits` as
it goes (so an ignored member is bounded too), and the readers built from the one plan
(``ContractInfo.xml_members``) turn the tree into objects, collecting every problem with its
path. The .NET facts (Mono 6.8) are in docs/wcf-json-rules.md. In short:

- members in any order, names case-sensitive, unknown members ignored, a member given twice
  refused, an ``is_required`` member missing refused;
- a value may come as its XML text in a string (``"5"``, ``"true"``, ``"1.10"``, ``"NaN"``),
  as .NET reads it; an integer as an integral number (``5.0``, ``1e2``); a string member
  takes a number or Boolean as its text; a trailing comma may end an object or an array;
  the literals ``NaN``, ``INF``, ``-INF`` are numbers;
- ``__type`` is read first only, its value trimmed as .NET's ``String.Trim`` trims; it names
  the contract to make (a derived class);
- where .NET would lose something, netcontract refuses instead: ``__type`` not first (.NET
  ignores it and makes the declared type), an object member holding members without
  ``__type`` (.NET makes a bare object), an array member given an object (.NET makes an
  empty list), a ``\\/Date(ms+hhmm)\\/`` whose offset is not ``±hhmm`` (.NET ignores it),
  a number an ``object`` member would round (.NET's Decimal), a lone surrogate.
"""

from __future__ import annotations

import decimal
import json
import re
import typing
from collections.abc import Callable, Iterable
from typing import Any, Final

from netcontract.clr import value_types as _vt
from netcontract.clr.datetime import DateTime, DateTimeKind
from netcontract.clr.datetimeoffset import DateTimeOffset
from netcontract.clr.numbers import NET_TRIM
from netcontract.clr.objects import AnyObject
from netcontract.clr.own_types import OwnValueType
from netcontract.clr.value_types import ValueType, box, check_no_lone_surrogate, net_trim
from netcontract.errors import JsonSyntaxError
from netcontract.json.wcf_write import (
    UNPARSABLE_KEYS,
    key_path,
    string_keyed,
    unparsable_keys,
    untyped_text,
    wcf_reference_problem,
)
from netcontract.limits import FAILED, ReadContext
from netcontract.model import paths as _paths
from netcontract.model.construct import construct, missing_required
from netcontract.model.contract import is_contract
from netcontract.model.extension import (
    EXTENSION_ATTR,
    ExtensionData,
    ExtensionMember,
    ExtensionNode,
)
from netcontract.model.keys import key_problems
from netcontract.model.known import (
    OFFSET_NAME,
    initial_scope,
    is_known_offset,
    qualified_name,
    resolve_known,
    unknown_type_message,
    with_own,
)
from netcontract.model.plan import ContractInfo, contract_info
from netcontract.model.wire import (
    ContractType,
    DictType,
    EnumType,
    ListType,
    ObjectType,
    PrimitiveType,
    Slot,
    collection_of,
)

__all__ = ["Num", "parse_wcf", "read_wcf", "wcf_parse", "wcf_parse_date"]

_EPOCH_TICKS: Final = 621_355_968_000_000_000
_MAX_TICKS: Final = 3_155_378_975_999_999_999
_MAX_NUMBER_CHARS: Final = 400


class Num(str):
    """A JSON number token, kept as its text (``1.10``, ``1E+20``, ``NaN``, ``INF``)."""

    __slots__ = ()


# ----------------------------------------------------------------------------- parsing

_WS: Final = re.compile(r"[ \t\n\r]*")
_NUMBER: Final = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
_LITERALS: Final = (
    ("true", True),
    ("false", False),
    ("null", None),
    ("NaN", Num("NaN")),
    ("INF", Num("INF")),
    ("-INF", Num("-INF")),
)
_scanstring: Final = json.decoder.scanstring  # type: ignore[attr-defined]


class _Parser:
    """An iterative JSON parser (no recursion: depth is bounded by the limits, not the
    stack) with DataContractJsonSerializer's syntax: objects and arrays may end with a comma,
    numbers keep their text, ``NaN``/``INF``/``-INF`` are numbers, a duplicate member name
    is refused. Each object, array, item and string is counted against ``ctx``'s limits."""

    def __init__(self, text: str, ctx: ReadContext) -> None:
        self.text = text
        self.ctx = ctx
        self.max_string = ctx.limits.max_string_length
        self.path: list[str | int] = []

    def where(self, pos: int) -> str:
        before = self.text[:pos]
        line = before.count("\n") + 1
        return f"line {line}, column {pos - (before.rfind(chr(10)) + 1) + 1}"

    def fail(self, pos: int, message: str) -> JsonSyntaxError:
        return JsonSyntaxError(f"{message} ({self.where(pos)})")

    def current_path(self) -> str:
        path = ""
        for part in self.path:
            path = _paths.item(path, part) if type(part) is int else _paths.join(path, str(part))
        return path

    def string(self, pos: int) -> tuple[str, int]:
        try:
            value, end = _scanstring(self.text, pos + 1, True)
        except json.JSONDecodeError as exc:
            raise self.fail(exc.pos, exc.msg) from None
        if len(value) > self.max_string:
            self.ctx.check_string(self.current_path(), value)
        return value, end

    def parse(self) -> Any:
        text = self.text
        ctx = self.ctx
        # containers being filled: (container, key of the pending member or None)
        stack: list[Any] = []
        keys: list[str | None] = []
        max_depth = ctx.limits.max_depth
        max_total = ctx.limits.max_total_items
        pos = _WS.match(text, 0).end()  # type: ignore[union-attr]
        while True:
            # -- a value starts at pos
            if pos >= len(text):
                raise self.fail(pos, "the document ends where a value was expected")
            char = text[pos]
            value: Any
            if char == "{" or char == "[":
                container: Any = {} if char == "{" else []
                ctx.depth += 1
                ctx.items += 1
                if ctx.depth > max_depth or ctx.items > max_total:
                    # the path is built only here, where a quota is exceeded
                    ctx.depth -= 1
                    ctx.items -= 1
                    ctx.enter(self.current_path(), 0)
                pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
                closing = "}" if char == "{" else "]"
                if pos < len(text) and text[pos] == closing:
                    ctx.leave()
                    value = container
                    pos += 1
                else:
                    stack.append(container)
                    if char == "{":
                        pos = self._key(pos, container, keys)
                    else:
                        keys.append(None)
                        self.path.append(0)
                    continue
            elif char == '"':
                value, pos = self.string(pos)
            else:
                match = _NUMBER.match(text, pos)
                if match is not None:
                    token = match.group()
                    if len(token) > _MAX_NUMBER_CHARS:
                        raise self.fail(pos, f"a number of {len(token)} characters is too long")
                    value = Num(token)
                    pos = match.end()
                else:
                    for literal, literal_value in _LITERALS:
                        if text.startswith(literal, pos):
                            value = literal_value
                            pos += len(literal)
                            break
                    else:
                        raise self.fail(pos, f"unexpected character {char!r}")
            # -- a value is complete: put it in its container, then what follows
            while True:
                if not stack:
                    pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
                    if pos != len(text):
                        raise self.fail(pos, "unexpected text after the document")
                    return value
                container = stack[-1]
                if type(container) is dict:
                    container[keys[-1]] = value
                else:
                    container.append(value)
                    if len(container) > ctx.limits.max_collection_items:
                        ctx.exceeded(
                            self.current_path(),
                            "max_collection_items",
                            ctx.limits.max_collection_items,
                            "items",
                        )
                ctx.items += 1
                if ctx.items > ctx.limits.max_total_items:
                    ctx.exceeded(
                        self.current_path(), "max_total_items", ctx.limits.max_total_items, "items"
                    )
                pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
                char = text[pos] if pos < len(text) else ""
                if char == ",":
                    pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
                    if type(container) is dict:
                        if pos < len(text) and text[pos] == "}":
                            pos += 1  # .NET reads {"a":1,} (not {,} nor {"a":1,,"b":2})
                        else:
                            pos = self._key(pos, container, keys, again=True)
                            break
                    elif pos < len(text) and text[pos] == "]":
                        pos += 1  # .NET reads [1,] too (not [,] nor [1,,2])
                    else:
                        self.path[-1] = len(container)
                        break
                elif char == ("}" if type(container) is dict else "]"):
                    pos += 1
                else:
                    raise self.fail(pos, "expected ',' or the end of the object or array")
                # the container is complete
                stack.pop()
                keys.pop()
                self.path.pop()
                ctx.leave()
                value = container

    def _key(
        self, pos: int, container: dict[str, Any], keys: list[str | None], *, again: bool = False
    ) -> int:
        text = self.text
        if pos >= len(text) or text[pos] != '"':
            raise self.fail(pos, "expected a member name in double quotes")
        if again:
            self.path.pop()
            keys.pop()
        start = pos
        key, pos = self.string(pos)
        if key == "__type" and pos - start != 8 and not again:
            # Mono: only the literal name "__type" first is a type hint; an escaped one
            # ("\u005f_type") is an ordinary member, ignored (the declared type is made and
            # the derived members dropped): refused, as a __type that is not first is
            self.ctx.problem(
                _paths.join(self.current_path(), "__type"),
                "an escaped __type name is no type hint to DataContractJsonSerializer "
                '(it ignores the member and makes the declared type); write it as "__type"',
            )
        if key in container:
            raise self.fail(pos, f"duplicate member name {key!r}")
        if len(container) >= self.ctx.limits.max_collection_items:
            self.ctx.exceeded(
                self.current_path(),
                "max_collection_items",
                self.ctx.limits.max_collection_items,
                "members",
            )
        keys.append(key)
        self.path.append(key)
        pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
        if pos >= len(text) or text[pos] != ":":
            raise self.fail(pos, "expected ':' after a member name")
        return _WS.match(text, pos + 1).end()  # type: ignore[union-attr]


def parse_wcf(data: bytes | str, ctx: ReadContext) -> Any:
    """Parse a DataContractJsonSerializer document (UTF-8; a BOM is allowed), counting it
    against ``ctx``'s limits. Raises :class:`~netcontract.JsonSyntaxError` or
    :class:`~netcontract.QuotaExceededError`."""
    if isinstance(data, bytes | bytearray | memoryview):
        raw = bytes(data)
        if raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise JsonSyntaxError(
                f"invalid UTF-8 at byte {exc.start}: {raw[exc.start : exc.start + 4]!r}"
            ) from None
    else:
        text = data.removeprefix("\ufeff")
    return _Parser(text, ctx).parse()


# ----------------------------------------------------------------------------- values

_NET_WHITE_SPACE: Final = NET_TRIM
_DATE: Final = re.compile(r"/Date\(([^)]*)\)/")
_MS: Final = re.compile(r"[ \t\n\v\f\r]*[+-]?[0-9]{1,19}[ \t\n\v\f\r]*")
_OFFSET: Final = re.compile(r"([+-])([0-9]{2})([0-9]{2})")


def wcf_parse_date(text: str) -> DateTime:
    """A DateTime from DataContractJsonSerializer's ``/Date(ms)/`` (Utc) or
    ``/Date(ms+hhmm)/`` (Local). .NET makes a Local value in its own machine's zone;
    netcontract keeps the offset written (the instant and the writer's wall clock)."""
    match = _DATE.fullmatch(text.strip(_NET_WHITE_SPACE))
    if match is None:
        raise ValueError(
            f"{_shown(text)} is not a DataContractJsonSerializer date (\\/Date(ms)\\/)"
        )
    inner = match.group(1)
    split = inner.find("+", 1)  # as .NET looks: a '+' after the first character, else a '-'
    if split == -1:
        split = inner.find("-", 1)
    number, offset_text = (inner[:split], inner[split:]) if split > 0 else (inner, "")
    if _MS.fullmatch(number) is None:
        raise ValueError(f"{_shown(text)}: {number.strip()!r} is not a number of milliseconds")
    ms = int(number)
    ticks = ms * 10_000 + _EPOCH_TICKS
    if not 0 <= ticks <= _MAX_TICKS:
        raise ValueError(f"{_shown(text)} is outside the DateTime range")
    if not offset_text:
        return DateTime(ticks, DateTimeKind.UTC)
    offset = _OFFSET.fullmatch(offset_text)
    if offset is None:
        # .NET ignores the text after the sign and uses its own zone: netcontract cannot
        raise ValueError(f"{_shown(text)}: the offset {offset_text!r} is not ±hhmm")
    sign, hours, minutes = offset.groups()
    total = int(hours) * 60 + int(minutes)
    if int(minutes) >= 60 or total > 14 * 60:
        raise ValueError(f"{_shown(text)}: the offset {offset_text!r} is outside ±14:00")
    total = -total if sign == "-" else total
    local = ticks + total * 600_000_000
    if not 0 <= local <= _MAX_TICKS:
        raise ValueError(f"{_shown(text)} is outside the DateTime range in its own zone")
    return DateTime(local, DateTimeKind.LOCAL, total)


def _shown(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _scalar_text(value: Any, what: str) -> str:
    """The text DataContractJsonSerializer reads a scalar from: a string's content, a
    number's token, ``true``/``false``."""
    kind = type(value)
    if kind is str or kind is Num:
        return str(value)
    if kind is bool:
        return "true" if value else "false"
    raise TypeError(f"expected {what}, got {_json_kind(value)}")


def _integral(text: str, primitive: ValueType) -> int:
    """An integer given as an integral number with a fraction or exponent (``5.0``, ``1e2``),
    which .NET reads; anything else is refused with the XML reader's message."""
    try:
        number = decimal.Decimal(text.strip(_vt.NET_WHITE_SPACE))
    except decimal.InvalidOperation:
        return primitive.xml_parse(text)  # type: ignore[no-any-return]  # raises its message
    if not number.is_finite() or number.adjusted() > 40 or number != number.to_integral_value():
        return primitive.xml_parse(text)  # type: ignore[no-any-return]
    return primitive.check(int(number))  # type: ignore[no-any-return]


def wcf_parse(primitive: ValueType, value: Any) -> Any:
    """The value of a parsed JSON value for a registered value type, as
    DataContractJsonSerializer reads it (raises ``ValueError``/``TypeError``)."""
    if isinstance(primitive, OwnValueType):
        return primitive.from_wire(wcf_parse(primitive.carrier, value))
    name = primitive.clr_name
    if name == "String":
        if type(value) is str:
            return check_no_lone_surrogate(value)
        return _scalar_text(value, "a string")  # .NET reads 5 and true as "5" and "true"
    if name == "Char":
        if type(value) is not str:
            raise TypeError(f"expected a one-character string, got {_json_kind(value)}")
        return primitive.json_parse(value)
    if name == "DateTime":
        if type(value) is not str:
            raise TypeError(f"expected a \\/Date(ms)\\/ string, got {_json_kind(value)}")
        return wcf_parse_date(value)
    if name == "Byte[]":
        if type(value) is not list:
            raise TypeError(f"expected an array of numbers (byte[]), got {_json_kind(value)}")
        return bytes(_integral(_scalar_text(b, "a number"), _vt.BYTE) for b in value)
    if name == "DateTimeOffset":
        return _parse_offset(value)
    if name == "XmlQualifiedName":
        if type(value) is not str:
            # Mono refuses an object (Json.NET's form) here
            raise TypeError(f'expected a "name:namespace" string, got {_json_kind(value)}')
        # Mono splits at the first colon ("a" and "a:" are in no namespace); a name .NET
        # could not write back (":x", "a b:x") is refused
        qname, _, namespace = value.partition(":")
        return primitive.xml_from_qname(qname, namespace)
    if name not in _KNOWN_FORMS:  # a value type registered later
        raise ValueError(f"{name} has no WCF JSON form in netcontract yet")
    text = _scalar_text(value, f"a {name} value")
    try:
        return primitive.xml_parse(text)
    except ValueError:
        if isinstance(primitive, _vt.IntegerType):
            return _integral(text, primitive)
        if name == "Decimal" and _NUMBER.fullmatch(text.strip(_vt.NET_WHITE_SPACE)):
            return primitive.check(decimal.Decimal(text.strip(_vt.NET_WHITE_SPACE)))  # 1e2
        raise


_KNOWN_FORMS: Final = frozenset(
    {"Boolean", "SByte", "Byte", "Int16", "UInt16", "Int32", "UInt32", "Int64", "UInt64"}
    | {"Double", "Single", "Decimal", "Guid", "TimeSpan", "Uri"}
)

_OFFSET_HINT: Final = "DateTimeOffset:#System"
_TICKS_PER_MINUTE: Final = 600_000_000


def _hint(value: Any) -> Any:
    """A ``__type`` value as DataContractJsonSerializer takes it: a string trimmed
    (``String.Trim``: ``" Dog:#NS\\n"`` names ``Dog:#NS``; Mono), anything else as it is."""
    return net_trim(value) if type(value) is str else value


def _parse_offset(value: Any) -> DateTimeOffset:
    """A DateTimeOffset as DataContractJsonSerializer reads it (Mono): an object with both
    ``DateTime`` (``\\/Date(ms)\\/``, the UTC instant; a ``+hhmm`` suffix refused: Mono reads
    it through the server's zone)
    and ``OffsetMinutes`` (an Int16, in a string too), in any order, other members ignored, a
    ``__type`` naming ``DateTimeOffset:#System`` first; the clock time and its UTC time within
    the DateTime range."""
    if type(value) is not dict:
        raise TypeError(
            'expected an object {"DateTime":"\\/Date(ms)\\/","OffsetMinutes":n} '
            f"(DateTimeOffset), got {_json_kind(value)}"
        )
    if "__type" in value and (
        next(iter(value)) != "__type" or _hint(value["__type"]) != _OFFSET_HINT
    ):
        raise ValueError(f"a DateTimeOffset takes only a first __type {_OFFSET_HINT!r}")
    missing = [m for m in ("DateTime", "OffsetMinutes") if m not in value]
    if missing:
        # Mono: "Required member OffsetMinutes in type '...DateTimeOffsetAdapter' is not found"
        raise ValueError(
            f"a DateTimeOffset needs the members DateTime and OffsetMinutes, "
            f"missing: {', '.join(missing)}"
        )
    date = value["DateTime"]
    if type(date) is not str:
        raise TypeError(f"DateTime: expected a \\/Date(ms)\\/ string, got {_json_kind(date)}")
    instant = wcf_parse_date(date)
    if instant.offset_minutes is not None:
        # Mono: the DateTime is Local, converted into the server's zone, and the adapter takes
        # its instant back through that zone: America/New_York reads 1883-11-18T17:00:00Z
        # (\/Date(-2717650800000+0000)\/) 3 minutes early, and clamps near 0001-01-01
        raise ValueError(
            f"DateTime {_shown(date)} has an offset suffix: .NET reads it through the server's"
            " time zone, which moves some instants (write \\/Date(ms)\\/, as .NET does)"
        )
    utc = instant.ticks
    try:
        minutes = wcf_parse(_vt.INT16, value["OffsetMinutes"])
    except (ValueError, TypeError) as exc:
        raise ValueError(f"OffsetMinutes: {exc}") from None
    try:
        return DateTimeOffset(utc + minutes * _TICKS_PER_MINUTE, minutes)
    except ValueError as exc:
        raise ValueError(f"{_shown(date)} with OffsetMinutes {minutes}: {exc}") from None


def _json_kind(value: Any) -> str:
    kind = type(value)
    if kind is dict:
        return "an object"
    if kind is list:
        return "an array"
    if kind is str:
        return "a string"
    if kind is Num:
        return "a number"
    if kind is bool:
        return "true" if value else "false"
    return "null"


# ----------------------------------------------------------------------------- readers

Reader = Callable[[Any, str, ReadContext], Any]


def reader_for(slot: Slot) -> Reader:
    """The reader of a slot (a contract's member readers are kept on its plan)."""
    allow_none = slot.clr_nillable
    null_message = slot.null_problem
    wire = slot.wire
    inner: Reader
    if isinstance(wire, PrimitiveType):
        primitive = wire.primitive

        def inner(value: Any, path: str, ctx: ReadContext) -> Any:
            try:
                return wcf_parse(primitive, value)
            except (ValueError, TypeError) as exc:
                ctx.problem(path, str(exc))
                return FAILED

    elif isinstance(wire, EnumType):
        inner = _enum_reader(wire)
    elif isinstance(wire, ContractType):
        inner = _contract_reader(wire)
    elif isinstance(wire, ListType | DictType) and wire.is_reference:
        refused = wcf_reference_problem(wire.cls)

        def inner(value: Any, path: str, ctx: ReadContext) -> Any:
            ctx.problem(path, refused)
            return FAILED

    elif isinstance(wire, ListType):
        item_reader = reader_for(wire.item)

        def inner(value: Any, path: str, ctx: ReadContext) -> Any:
            if type(value) is not list:
                # .NET reads an object here as an empty list: refused, not emptied
                ctx.problem(path, f"expected an array, got {_json_kind(value)}")
                return FAILED
            result = [item_reader(v, _paths.item(path, i), ctx) for i, v in enumerate(value)]
            if any(v is FAILED for v in result):
                return FAILED
            return result if made is list else made(result)

        made = wire.cls
    elif isinstance(wire, DictType):
        inner = _dict_reader(wire)
    elif isinstance(wire, ObjectType):
        inner = reader_for(wire.expected) if wire.expected is not None else _untyped
    else:  # pragma: no cover - every wire type is handled above
        raise AssertionError(wire)

    def read(value: Any, path: str, ctx: ReadContext) -> Any:
        if value is None:
            if allow_none:
                return None
            ctx.problem(path, null_message)
            return FAILED
        return inner(value, path, ctx)

    return read


def _dict_reader(wire: DictType) -> Reader:
    """``[{"Key":k,"Value":v},...]``: each item needs both members (other members are
    ignored); a null or duplicate key is refused (.NET throws)."""
    key_reader = reader_for(wire.key)
    value_reader = reader_for(wire.value)

    simple = _simple_dict_reader(wire, value_reader)

    def read(value: Any, path: str, ctx: ReadContext) -> Any:
        if ctx.simple_dictionaries:
            return simple(value, path, ctx)
        if type(value) is not list:
            ctx.problem(path, f"expected an array of Key/Value objects, got {_json_kind(value)}")
            return FAILED
        result: dict[Any, Any] = {}
        failed = False
        for index, item in enumerate(value):
            item_path = _paths.item(path, index)
            if type(item) is not dict or "Key" not in item or "Value" not in item:
                ctx.problem(item_path, "expected an object with the members Key and Value")
                failed = True
                continue
            key = key_reader(item["Key"], _paths.join(item_path, "Key"), ctx)
            if key is FAILED:
                failed = True
                continue
            if key is None:
                ctx.problem(_paths.join(item_path, "Key"), "a dictionary key cannot be null")
                failed = True
                continue
            if key in result:
                ctx.problem(_paths.key(path, key), "duplicate key (.NET refuses it)")
                failed = True
                continue
            converted = value_reader(item["Value"], _paths.key(path, key), ctx)
            if converted is FAILED:
                failed = True
            result[key] = converted
        return _dictionary(wire, result, path, ctx, failed)

    return read


def _dictionary(
    wire: DictType, result: dict[Any, Any], path: str, ctx: ReadContext, failed: bool
) -> Any:
    """The dictionary read (of ``wire``'s class), after the checks of its keys as a whole
    (.NET's equality: two DateTimes of one tick count...); FAILED if any problem was found."""
    for problem in key_problems(wire, result, path):
        ctx.problem(problem.path, problem.message)
        failed = True
    if failed:
        return FAILED
    return result if wire.cls is dict else wire.cls(result)


def _simple_dict_reader(wire: DictType, value_reader: Reader) -> Reader:
    """``UseSimpleDictionaryFormat``: ``{"key":value,...}``, each member name a key (Mono).
    .NET reads a first ``__type`` member as a type hint (and ``[]`` as an empty dictionary):
    both refused; a key given twice is refused by the parser (.NET: ArgumentException)."""
    made = wire.cls
    strings = string_keyed(wire)
    unparsable = unparsable_keys(wire)
    key_reader = reader_for(wire.key) if strings else _parsed_key_reader(wire)

    def read(value: Any, path: str, ctx: ReadContext) -> Any:
        if unparsable:
            ctx.problem(path, UNPARSABLE_KEYS)
            return FAILED
        if type(value) is not dict:
            ctx.problem(
                path,
                f"expected an object (simple_dictionaries: a dictionary is a JSON object), "
                f"got {_json_kind(value)}",
            )
            return FAILED
        if not value:
            return {} if made is dict else made({})
        if key_reader is None:
            ctx.problem(path, _unread_key_problem(wire))
            return FAILED
        if next(iter(value)) == "__type":
            ctx.problem(
                _paths.key(path, "__type"),
                "a first member named __type is a type hint to DataContractJsonSerializer, "
                "not a key",
            )
            return FAILED
        result: dict[Any, Any] = {}
        failed = False
        for name, item in value.items():
            item_path = key_path(path, name)
            key = key_reader(name, item_path, ctx)  # a lone surrogate, an own type's from_wire
            if key is FAILED:
                failed = True
                continue
            if key in result:  # "1" and "01", or an own type reading two names as one key
                ctx.problem(item_path, "duplicate key (.NET refuses it)")
                failed = True
                continue
            converted = value_reader(item, item_path, ctx)
            if converted is FAILED:
                failed = True
            result[key] = converted
        return _dictionary(wire, result, path, ctx, failed)

    return read


#: Int32.Parse (NumberStyles.Integer): white space (U+0009-U+000D, U+0020) around a sign and
#: digits, then NULs only at the very end (Mono: "1 \0" reads, "1\0 " and "\01" do not)
_KEY_INTEGER: Final = re.compile(r"[\t-\r ]*([+-]?[0-9]+)[\t-\r ]*\x00*")
_KEY_INTEGERS: Final = frozenset(
    ("Byte", "SByte", "Int16", "UInt16", "Int32", "UInt32", "Int64", "UInt64")
)
#: a number to Enum.Parse: its first character a digit or a sign
_KEY_ENUM_NUMBER: Final = re.compile(r"[+-]?[0-9]+")


def _parsed_key_reader(wire: DictType) -> Reader | None:
    """``UseSimpleDictionaryFormat``'s key of another type than String, as .NET reads it:
    the type's ``Parse`` (``Enum.Parse`` for an enum) in the invariant culture (Mono). The
    integers, Boolean, Guid, Char and enums, whose texts no culture changes; None for the
    others (Double, Decimal, DateTime, TimeSpan: read by the server's culture or zone)."""
    key = wire.key.wire
    if isinstance(key, EnumType):
        return _enum_key_reader(key)
    if not isinstance(key, PrimitiveType) or isinstance(key.primitive, OwnValueType):
        return None
    primitive = key.primitive
    name = primitive.clr_name
    parse: Callable[[str], Any]
    if name in _KEY_INTEGERS:

        def parse(text: str) -> Any:
            match = _KEY_INTEGER.fullmatch(text)
            if match is None:
                raise ValueError("not an integer to Int32.Parse (NumberStyles.Integer)")
            return primitive.check(int(match.group(1)))  # "-0" is 0 for an unsigned type too

    elif name == "Boolean":

        def parse(text: str) -> Any:
            # Boolean.Parse: any case, white space (Char.IsWhiteSpace) and NULs around it
            word = _trim_white_and_nul(text).lower()
            if word not in ("true", "false"):
                raise ValueError("not true or false to Boolean.Parse")
            return word == "true"

    elif name == "Guid":

        def parse(text: str) -> Any:
            return primitive.json_parse(text)  # parse_guid trims as Guid.Parse (String.Trim)

    elif name == "Char":

        def parse(text: str) -> Any:
            if len(text) != 1 or ord(text) > 0xFFFF:
                raise ValueError("Char.Parse takes exactly one UTF-16 character")
            return primitive.check(text)

    else:
        return None
    return _key_reader_of(parse, name)


def _unread_key_problem(wire: DictType) -> str:
    key = wire.key.wire
    name = key.primitive.clr_name if isinstance(key, PrimitiveType) else type(key).__name__
    return (
        f"simple_dictionaries reads no {name} keys: .NET parses them by the server's culture "
        'or time zone (Double.Parse reads "1,5" as 15, DateTime.Parse "1/2/2020" as the '
        "culture orders it), which netcontract cannot know"
    )


def _trim_white_and_nul(text: str) -> str:
    return text.strip(NET_TRIM + "\x00")


def _key_reader_of(parse: Callable[[str], Any], name: str) -> Reader:
    def read(text: Any, path: str, ctx: ReadContext) -> Any:
        try:
            return parse(text)
        except (ValueError, TypeError) as exc:
            ctx.problem(path, f"the key {text!r} is not a {name} to .NET ({exc})")
            return FAILED

    return read


def _enum_key_reader(wire: EnumType) -> Reader:
    cls = wire.cls
    by_name = dict(wire.clr_names)

    def parse(text: str) -> Any:
        # Enum.Parse(type, text): trimmed (String.Trim); a number when it starts with a digit
        # or a sign, else names (C# names, case-sensitive) joined by commas, OR-ed
        trimmed = net_trim(text)
        if _KEY_ENUM_NUMBER.fullmatch(trimmed):
            number = _vt.INT32.check(int(trimmed))
        else:
            number = 0
            for part in trimmed.split(","):
                member = by_name.get(net_trim(part))
                if member is None or not trimmed:
                    raise ValueError("not a name of it to Enum.Parse (case-sensitive)")
                number |= int(member)
        try:
            return cls(number)
        except ValueError:
            raise ValueError(f"{number} is not a value of it") from None

    return _key_reader_of(parse, cls.__name__)


def _enum_reader(wire: EnumType) -> Reader:
    cls = wire.cls

    def read(value: Any, path: str, ctx: ReadContext) -> Any:
        # .NET reads an enum as its number (or the number in a string); names are refused
        try:
            number = _integral(_scalar_text(value, f"a number ({cls.__name__})"), _vt.INT32)
        except (ValueError, TypeError) as exc:
            ctx.problem(path, f"{exc} (an enum is read as its number)")
            return FAILED
        try:
            return cls(number)
        except ValueError:
            ctx.problem(path, f"{number} is not a value of {cls.__name__}")
            return FAILED

    return read


class _ReadTable:
    """A contract's members for the reader (its plan's ``wcf_json_reading``)."""

    __slots__ = ("by_name", "index", "info")

    def __init__(self, info: ContractInfo) -> None:
        self.info = info
        # DataContractJsonSerializer knows the data members only (not JSON-only ones)
        self.by_name = {m.wire_name: (m.attr, reader_for(m.slot)) for m in info.xml_members}
        #: each member's index in DataContract order (where extension data is written back)
        self.index = {m.wire_name: i for i, m in enumerate(info.xml_members)}


def _table(tp: Any) -> _ReadTable:
    return contract_info(tp).built("wcf_json_reading", _ReadTable)


def _resolve_hint(
    hint: Any, path: str, ctx: ReadContext, declared: type = object, itself: Any = None
) -> Any:
    """The contract a ``__type`` value names (``itself``, the declared contract, or a type
    known here), or None with the problem recorded."""
    if type(hint) is not str:
        ctx.problem(_paths.join(path, "__type"), f"expected a string, got {_json_kind(hint)}")
        return None
    # Mono trims the value (String.Trim: Char.IsWhiteSpace), then splits it at the first colon
    name, _, ns = net_trim(hint).partition(":")
    if ns.startswith("#"):
        ns = _vt.DATACONTRACT_BASE + ns[1:]
    elif ns.startswith("\\"):
        ns = ns[1:]
    if itself is not None and (ns, name) == qualified_name(itself):
        return itself
    found = resolve_known(ctx.known, declared, ns, name)
    if found is None:
        ctx.problem(_paths.join(path, "__type"), unknown_type_message(ns, name))
        return None
    if not is_contract(typing.get_origin(found) or found):
        ctx.problem(_paths.join(path, "__type"), f"{hint!r} is not a contract")
        return None
    return found


def _contract_reader(wire: ContractType) -> Reader:
    tp: Any = wire.cls[wire.type_args] if wire.type_args else wire.cls  # type: ignore[index]
    declared = wire.cls

    def read(value: Any, path: str, ctx: ReadContext) -> Any:
        if type(value) is not dict:
            ctx.problem(path, f"expected an object ({wire.contract_name}), got {_json_kind(value)}")
            return FAILED
        target = tp
        if "__type" in value:
            found = _hinted(value, path, ctx, declared, tp)
            if found is None:
                return FAILED
            if found is tp:
                pass
            elif not issubclass(typing.get_origin(found) or found, declared):
                ctx.problem(
                    _paths.join(path, "__type"), f"{value['__type']!r} is not a {declared.__name__}"
                )
                return FAILED
            if found is not declared:
                target = found
        return read_contract(_table(target), value, path, ctx)

    return read


def _hinted(
    value: dict[str, Any], path: str, ctx: ReadContext, declared: type = object, itself: Any = None
) -> Any:
    if next(iter(value)) != "__type":
        # .NET ignores a __type that is not first and makes the declared type
        ctx.problem(
            _paths.join(path, "__type"),
            "__type must be the first member (DataContractJsonSerializer ignores it elsewhere)",
        )
        return None
    return _resolve_hint(value["__type"], path, ctx, declared, itself)


def read_contract(table: _ReadTable, value: dict[str, Any], path: str, ctx: ReadContext) -> Any:
    """Read a contract's object; the types its ``known_types`` make known are known inside."""
    outer = ctx.known
    ctx.known = with_own(outer, table.info.cls)
    try:
        return _read_members(table, value, path, ctx)
    finally:
        ctx.known = outer


def _read_members(table: _ReadTable, value: dict[str, Any], path: str, ctx: ReadContext) -> Any:
    if table.info.is_reference:
        ctx.problem(path, wcf_reference_problem(table.info.cls))
        return FAILED
    kwargs: dict[str, Any] = {}
    failed = False
    by_name = table.by_name
    keeps = table.info.extension_data
    extension: list[ExtensionMember] = []
    last = -1
    for key, item in value.items():
        entry = by_name.get(key)
        if entry is None and keeps and key != "__type":
            # IExtensibleDataObject: kept, to be written back after the member read last
            # (.NET: the last one in the document, whatever its place in the contract)
            kept = _extension_node(item, _paths.join(path, key), ctx)
            if kept is FAILED:
                failed = True
            else:
                extension.append(ExtensionMember(key, "", kept, last))
            continue
        if entry is None:
            # unknown members are ignored, as .NET does (the parser counted them); a lone
            # surrogate in them is still refused (no encoder could write it)
            if _holds_lone_surrogate(key, item):
                ctx.problem(
                    _paths.join(path, key.encode("unicode_escape").decode()),
                    "the ignored member holds a lone surrogate in its name or value",
                )
                failed = True
            continue
        attr, reader = entry
        last = table.index[key]
        result = reader(item, _paths.join(path, key), ctx)
        if result is FAILED:
            failed = True
        else:
            kwargs[attr] = result
    if missing_required(table.info.xml_members, kwargs, path, ctx):
        failed = True
    if failed:
        return FAILED
    made = construct(table.info, kwargs, path, ctx)
    if extension and made is not FAILED:
        object.__setattr__(made, EXTENSION_ATTR, ExtensionData("wcf_json", tuple(extension)))
    return made


def _extension_node(value: Any, path: str, ctx: ReadContext) -> Any:
    """An unknown member's value as .NET keeps it (the parser counted it toward the limits):
    a number as the Int32, Int64, Decimal or Double .NET reads it into (written back as .NET
    writes that: ``1.50`` stays, ``1e5`` is ``100000``), the rest as it is."""
    kind = type(value)
    if value is None:
        return ExtensionNode("json", json_kind="null")
    if kind is bool:
        return ExtensionNode("json", json_kind="bool", text="true" if value else "false")
    if kind is str:
        try:
            check_no_lone_surrogate(value)
        except ValueError as exc:
            ctx.problem(path, str(exc))
            return FAILED
        return ExtensionNode("json", json_kind="string", text=value)
    if kind is Num:
        try:
            text = untyped_text(_untyped_number(value))
        except (ValueError, TypeError) as exc:
            ctx.problem(path, str(exc))
            return FAILED
        return ExtensionNode("json", json_kind="number", text=text)
    if kind is list:
        items = [_extension_node(v, _paths.item(path, i), ctx) for i, v in enumerate(value)]
        if any(item is FAILED for item in items):
            return FAILED
        return ExtensionNode("json", json_kind="array", items=tuple(items))
    members = []
    for key, item in value.items():
        node = _extension_node(item, _paths.join(path, key), ctx)
        if node is FAILED:
            return FAILED
        members.append(ExtensionMember(key, "", node))
    return ExtensionNode("json", json_kind="object", members=tuple(members))


def _holds_lone_surrogate(key: str, value: Any) -> bool:
    pending = [key, value]
    while pending:
        item = pending.pop()
        kind = type(item)
        if kind is str:
            try:
                check_no_lone_surrogate(item)
            except ValueError:
                return True
        elif kind is dict:
            pending.extend(item)
            pending.extend(item.values())
        elif kind is list:
            pending.extend(item)
    return False


def _untyped(value: Any, path: str, ctx: ReadContext) -> Any:
    """An ``object`` member's value as DataContractJsonSerializer makes it: Int32, Int64,
    Decimal or Double for a number, a string, a Boolean, an ``object[]`` (a list), a bare
    object for ``{}``, the contract its ``__type`` names."""
    kind = type(value)
    if kind is str:
        try:
            return check_no_lone_surrogate(value)
        except ValueError as exc:
            ctx.problem(path, str(exc))
            return FAILED
    if kind is bool:
        return value
    if kind is Num:
        try:
            return _untyped_number(value)
        except (ValueError, TypeError) as exc:
            ctx.problem(path, str(exc))
            return FAILED
    if kind is list:
        items = [_untyped(v, _paths.item(path, i), ctx) for i, v in enumerate(value)]
        return FAILED if any(v is FAILED for v in items) else items
    if kind is dict:
        if not value:
            return AnyObject()
        if _hint(value.get("__type")) == _OFFSET_HINT and next(iter(value)) == "__type":
            if not is_known_offset(ctx.known):
                # Mono: "no knowledge of any type that maps to this contract"
                ctx.problem(path + ".__type", unknown_type_message(*OFFSET_NAME))
                return FAILED
            try:
                return _parse_offset(value)  # Mono: a DateTimeOffset, as it writes one
            except (ValueError, TypeError) as exc:
                ctx.problem(path, str(exc))
                return FAILED
        if "__type" not in value:
            ctx.problem(
                path,
                "an object member holding members needs a __type (DataContractJsonSerializer "
                "makes a bare object and drops them), or read it with a parametrized contract "
                "(e.g. ResponseDto[CustomerGroupDto])",
            )
            return FAILED
        found = _hinted(value, path, ctx)
        if found is None:
            return FAILED
        return read_contract(_table(found), value, path, ctx)
    return value  # pragma: no cover - null is handled by the caller


def _untyped_number(text: str) -> Any:
    """.NET's ParseJsonNumber: an integer is an Int32 or Int64 if it fits, otherwise (and
    with a fraction or exponent) a Decimal, or a Double when Decimal cannot hold it; NaN and
    INF are Doubles. A number Decimal would round is refused (.NET rounds it)."""
    if text in ("NaN", "INF", "-INF"):
        return _vt.DOUBLE.xml_parse(text)
    exact = decimal.Decimal(text)
    # .NET looks for '.' and a lowercase 'e' only: "-1E+15" (a Double written as "R") is an
    # integer to Int32/Int64.TryParse(NumberStyles.Float): an Int64 (Mono)
    if (
        "." not in text
        and "e" not in text
        and exact.adjusted() < 20
        and exact == exact.to_integral_value()
    ):
        number = int(exact)
        if -(2**31) <= number < 2**31:
            return box(number, _vt.INT32)
        if -(2**63) <= number < 2**63:
            return number  # an Int64 (the Python type of an untyped int)
    try:
        return _vt.DECIMAL.check(exact)
    except (ValueError, TypeError) as exc:
        if exact.is_zero():
            return decimal.Decimal(0)
        if exact.adjusted() >= 28 or exact.adjusted() < -28:
            # beyond Decimal (or below its smallest step): .NET reads a Double
            return box(_vt.DOUBLE.xml_parse(text), _vt.DOUBLE)
        raise ValueError(f"{text}: .NET reads it into an object as a Decimal, rounded") from exc


def read_wcf(
    data: bytes | str,
    tp: Any,
    ctx: ReadContext,
    known_types: Iterable[Any] | None = None,
    *,
    simple_dictionaries: bool = False,
) -> Any:
    """Parse and read a document into ``tp`` (``known_types``: the serializer's;
    ``simple_dictionaries``: ``UseSimpleDictionaryFormat``); FAILED with the problems in
    ``ctx``."""
    ctx.known = initial_scope(tp, known_types)
    ctx.simple_dictionaries = simple_dictionaries
    tree = parse_wcf(data, ctx)
    ctx.depth = 0
    if tree is None:
        ctx.problem("", "the document is null where an object was expected")
        return FAILED
    wire = collection_of(tp) or contract_info(tp).wire
    return reader_for(Slot(wire, optional=False))(tree, "", ctx)
