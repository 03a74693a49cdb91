"""Contracts to and from JSON-ready Python values, with Json.NET's rules.

For each :class:`Slot` a reader (JSON value -> Python value) and a writer (Python value ->
JSON-ready value) are built once and cached; a contract's reader and writer loop over a
precomputed member table. Problems are collected with their paths, not raised one by one.
"""

from __future__ import annotations

import decimal
import enum
import math
import uuid
from collections.abc import Callable
from typing import Any, Final

import msgspec

from netcontract import _paths
from netcontract._clr import (
    DATETIME,
    DOUBLE,
    GUID,
    PRIMITIVES,
    STRING,
    Primitive,
    check_no_lone_surrogate,
)
from netcontract._contract import ContractInfo, contract_info
from netcontract._datetime import DateTime, format_datetime, parse_datetime
from netcontract._enum import enum_name_message
from netcontract._errors import Problem, QuotaExceededError
from netcontract._gen import Source
from netcontract._guid import format_guid, parse_guid
from netcontract._jsontext import UNSURE, colons, dumps_jsonnet, loads_fast, quote
from netcontract._limits import ReadContext
from netcontract._numbers import format_double_json, parse_double_json_number
from netcontract._types import (
    AnyObject,
    ContractType,
    EnumType,
    ListType,
    ObjectType,
    PrimitiveType,
    Slot,
)

__all__ = ["DECLINED", "FAILED", "Boxed", "json_bytes", "read_json", "reader_for", "writer_for"]

#: returned by a reader or writer that recorded a problem
FAILED: Final = object()

Reader = Callable[[Any, str, ReadContext], Any]
Writer = Callable[[Any, str, list[Problem]], Any]

_READERS: dict[int, Reader] = {}
_WRITERS: dict[int, Writer] = {}
# keep slots alive while their id() keys the caches
_KEEP: list[object] = []


class Boxed:
    """A value of an ``object`` member whose CLR type Python cannot tell (``int`` vs ``long``).

    Reading ``<Data i:type="d2p1:int">5</Data>`` gives ``Boxed(5, INT32)``, so that writing
    it back says ``int`` again. ``value`` is the Python value, ``primitive`` its CLR type.
    """

    __slots__ = ("primitive", "value")

    def __init__(self, value: Any, primitive: Primitive) -> None:
        self.value = primitive.check(value)
        self.primitive = primitive

    def __eq__(self, other: object) -> bool:
        return (
            type(other) is Boxed
            and other.primitive is self.primitive
            and type(other.value) is type(self.value)
            and other.value == self.value
        )

    def __hash__(self) -> int:
        return hash((self.primitive.contract_name, self.value))

    def __repr__(self) -> str:
        return f"Boxed({self.value!r}, {self.primitive.clr_name})"


def _allows_none(slot: Slot) -> bool:
    return slot.optional or not slot.wire.is_value_type


def _null_problem(slot: Slot) -> str:
    wire = slot.wire
    name = wire.primitive.clr_name if isinstance(wire, PrimitiveType) else wire.contract_name
    return f"null is not allowed: {name} is a value type (declare it Optional if null is meant)"


def reader_for(slot: Slot) -> Reader:
    """The cached JSON reader of a slot."""
    reader = _READERS.get(id(slot))
    if reader is None:
        reader = _READERS[id(slot)] = _make_reader(slot)
        _KEEP.append(slot)
    return reader


def writer_for(slot: Slot) -> Writer:
    """The cached JSON writer of a slot."""
    writer = _WRITERS.get(id(slot))
    if writer is None:
        writer = _WRITERS[id(slot)] = _make_writer(slot)
        _KEEP.append(slot)
    return writer


# ----------------------------------------------------------------------------- reading


def _make_reader(slot: Slot) -> Reader:
    allow_none = _allows_none(slot)
    null_message = _null_problem(slot)
    wire = slot.wire
    # Json.NET reads "" into a Nullable<T> member (int?, Guid?, DateTime?, enum?) as null
    empty_is_null = slot.optional and wire.is_value_type
    inner: Reader
    if isinstance(wire, PrimitiveType):
        parse = wire.primitive.json_parse
        is_string = wire.primitive is STRING

        def inner(value: Any, path: str, ctx: ReadContext) -> Any:
            if is_string and type(value) is str:
                ctx.check_string(path, value)
            try:
                return parse(value)
            except (ValueError, TypeError) as exc:
                ctx.problem(path, str(exc))
                return FAILED

    elif isinstance(wire, EnumType):
        inner = _enum_reader(wire)
    elif isinstance(wire, ContractType):
        inner = _contract_reader(wire)
    elif isinstance(wire, ListType):
        inner = _list_reader(wire)
    elif isinstance(wire, ObjectType):
        inner = reader_for(wire.expected) if wire.expected is not None else _untyped_reader
    else:  # pragma: no cover - every wire type is handled above
        raise AssertionError(wire)

    def read(value: Any, path: str, ctx: ReadContext) -> Any:
        if value is None or (empty_is_null and value == ""):
            if allow_none:
                return None
            ctx.problem(path, null_message)
            return FAILED
        return inner(value, path, ctx)

    return read


def _enum_reader(wire: EnumType) -> Reader:
    cls = wire.cls
    by_name = wire.values
    by_upper = {name.upper(): member for name, member in by_name.items()}

    def read(value: Any, path: str, ctx: ReadContext) -> Any:
        if type(value) is int:
            if not -(2**31) <= value < 2**31:
                ctx.problem(path, f"{value} is outside the Int32 range of {cls.__name__}")
                return FAILED
            try:
                return cls(value)
            except ValueError:
                ctx.problem(path, f"{value} is not a value of {cls.__name__}")
                return FAILED
        if type(value) is str:
            found = by_name.get(value)
            if found is None:
                # Json.NET matches enum names case-insensitively and reads "5" as 5
                text = value.strip()
                found = by_upper.get(text.upper())
                if (
                    found is None
                    and len(text) < 20
                    and text.lstrip("+-").isdigit()
                    and text.isascii()
                ):
                    return read(int(text), path, ctx)
            if found is not None:
                return found
            ctx.problem(path, enum_name_message(value, wire.contract_name, by_name))
            return FAILED
        ctx.problem(path, f"expected a number or a name of {cls.__name__}, got {value!r}")
        return FAILED

    return read


class _ContractJsonPlan:
    """Per-contract member tables for JSON, built once."""

    __slots__ = ("by_name", "by_upper", "cls", "info", "read_members", "write_members")

    def __init__(self, info: ContractInfo) -> None:
        self.info = info
        self.cls = info.cls
        self.by_name: dict[str, tuple[str, str, Reader | None]] = {}
        for m in info.json_members:
            reader = None if m.computed is not None else reader_for(m.slot)
            self.by_name[m.wire_name] = (m.attr, m.wire_name, reader)
        self.by_upper = {name.upper(): entry for name, entry in self.by_name.items()}
        self.write_members: list[tuple[str, str, Callable[[Any], Any] | None, Writer]] = [
            (m.attr, m.wire_name, m.computed, writer_for(m.slot)) for m in info.json_members
        ]


_PLANS: dict[int, _ContractJsonPlan] = {}


def _plan(tp: Any) -> _ContractJsonPlan:
    info = contract_info(tp)
    plan = _PLANS.get(id(info))
    if plan is None:
        plan = _PLANS[id(info)] = _ContractJsonPlan(info)
    return plan


def _contract_reader(wire: ContractType) -> Reader:
    tp: Any = wire.cls[wire.type_args] if wire.type_args else wire.cls  # type: ignore[index]
    plan_holder: list[_ContractJsonPlan] = []

    def read(value: Any, path: str, ctx: ReadContext) -> Any:
        if not plan_holder:
            plan_holder.append(_plan(tp))
        return read_contract(plan_holder[0], value, path, ctx)

    return read


def read_contract(plan: _ContractJsonPlan, value: Any, path: str, ctx: ReadContext) -> Any:
    if type(value) is not dict:
        ctx.problem(path, f"expected an object ({plan.info.name}), got {_json_kind(value)}")
        return FAILED
    ctx.enter(path, 0)
    kwargs: dict[str, Any] = {}
    seen: set[str] = set()
    failed = False
    by_name = plan.by_name
    for key, item in value.items():
        entry = by_name.get(key)
        if entry is None:
            entry = plan.by_upper.get(key.upper())
            if entry is None:
                if key.startswith("$"):
                    ctx.problem(
                        _paths.join(path, key),
                        "metadata members ($type, $ref, $id) are not supported",
                    )
                    failed = True
                continue  # unknown members are ignored, as Json.NET does
        attr, wire_name, reader = entry
        if attr in seen:
            ctx.problem(_paths.join(path, wire_name), f"member given twice (as {key!r})")
            failed = True
            continue
        seen.add(attr)
        if reader is None:
            continue  # computed member: always derived, input ignored
        result = reader(item, _paths.join(path, wire_name), ctx)
        if result is FAILED:
            failed = True
        else:
            kwargs[attr] = result
    ctx.leave()
    if failed:
        return FAILED
    return plan.cls(**kwargs)


def _list_reader(wire: ListType) -> Reader:
    item_reader = reader_for(wire.item)

    def read(value: Any, path: str, ctx: ReadContext) -> Any:
        if type(value) is not list:
            ctx.problem(path, f"expected an array, got {_json_kind(value)}")
            return FAILED
        ctx.enter(path, len(value))
        result = []
        failed = False
        for index, item in enumerate(value):
            converted = item_reader(item, _paths.item(path, index), ctx)
            if converted is FAILED:
                failed = True
            result.append(converted)
        ctx.leave()
        return FAILED if failed else result

    return read


def _untyped_reader(value: Any, path: str, ctx: ReadContext) -> Any:
    """An ``object`` member read without a type: JSON values as Json.NET holds them."""
    kind = type(value)
    if kind is str:
        ctx.check_string(path, value)
        try:
            check_no_lone_surrogate(value)
        except ValueError as exc:
            ctx.problem(path, str(exc))
            return FAILED
        return _jsonnet_date_or_str(value)
    if kind is dict:
        if not value:
            return AnyObject()
        ctx.enter(path, len(value))
        result = {}
        failed = False
        for key, item in value.items():
            item_path = _paths.join(path, key)
            converted = _untyped_reader(item, item_path, ctx)
            # member names are strings too: a lone surrogate there is as unwritable
            if converted is FAILED or _untyped_reader(key, item_path, ctx) is FAILED:
                failed = True
            result[key] = converted
        ctx.leave()
        return FAILED if failed else result
    if kind is list:
        ctx.enter(path, len(value))
        items = [_untyped_reader(item, _paths.item(path, i), ctx) for i, item in enumerate(value)]
        ctx.leave()
        return FAILED if any(item is FAILED for item in items) else items
    if kind is decimal.Decimal:
        as_float = float(value)
        if math.isinf(as_float):
            ctx.problem(path, f"{value} is outside the range of Double")
            return FAILED
        return as_float
    return value


def _jsonnet_date_or_str(text: str) -> Any:
    """Json.NET (DateParseHandling.DateTime) reads an ISO date string in an ``object`` member
    as a DateTime: 19 to 40 characters, a digit first and ``T`` at index 10."""
    if 19 <= len(text) <= 40 and text[0].isdigit() and text[10] == "T":
        try:
            return parse_datetime(text)
        except ValueError:
            return text
    return text


def _json_kind(value: Any) -> str:
    kind = type(value)
    if kind is dict:
        return "an object"
    if kind is list:
        return "an array"
    if kind is str:
        return f"the string {value!r}"
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    return f"the number {value}"


# ----------------------------------------------------------------------------- writing


def _make_writer(slot: Slot) -> Writer:
    allow_none = _allows_none(slot)
    null_message = _null_problem(slot)
    wire = slot.wire
    inner: Writer
    if isinstance(wire, PrimitiveType):
        inner = _primitive_writer(wire.primitive)
    elif isinstance(wire, EnumType):
        cls = wire.cls

        def inner(value: Any, path: str, problems: list[Problem]) -> Any:
            if isinstance(value, cls) or (type(value) is int):
                return int(value)
            problems.append(Problem(path, f"expected a {cls.__name__}, got {value!r}"))
            return FAILED

    elif isinstance(wire, ContractType):
        inner = _contract_writer(wire)
    elif isinstance(wire, ListType):
        item_writer = writer_for(wire.item)

        def inner(value: Any, path: str, problems: list[Problem]) -> Any:
            if not isinstance(value, list | tuple):
                problems.append(Problem(path, f"expected a list, got {type(value).__name__}"))
                return FAILED
            return [
                item_writer(item, _paths.item(path, i), problems) for i, item in enumerate(value)
            ]

    elif isinstance(wire, ObjectType):
        inner = writer_for(wire.expected) if wire.expected is not None else write_untyped
    else:  # pragma: no cover
        raise AssertionError(wire)

    def write(value: Any, path: str, problems: list[Problem]) -> Any:
        if value is None:
            if allow_none:
                return None
            problems.append(Problem(path, null_message))
            return FAILED
        return inner(value, path, problems)

    return write


def _primitive_writer(primitive: Primitive) -> Writer:
    check = primitive.check
    to_json = primitive.json_value

    def write(value: Any, path: str, problems: list[Problem]) -> Any:
        try:
            return to_json(check(value))
        except (ValueError, TypeError) as exc:
            problems.append(Problem(path, str(exc)))
            return FAILED

    return write


def _contract_writer(wire: ContractType) -> Writer:
    declared = wire.cls

    def write(value: Any, path: str, problems: list[Problem]) -> Any:
        if not isinstance(value, declared):
            problems.append(
                Problem(path, f"expected a {declared.__name__}, got {type(value).__name__}")
            )
            return FAILED
        return write_contract(_plan(type(value)), value, path, problems)

    return write


def write_contract(plan: _ContractJsonPlan, obj: Any, path: str, problems: list[Problem]) -> Any:
    result: dict[str, Any] = {}
    for attr, wire_name, compute, writer in plan.write_members:
        value = compute(obj) if compute is not None else getattr(obj, attr)
        result[wire_name] = writer(value, _paths.join(path, wire_name), problems)
    return result


def write_untyped(value: Any, path: str, problems: list[Problem]) -> Any:
    """Write the value of an ``object`` member from its Python type."""
    kind = type(value)
    if value is None or kind in (str, bool, int, float, decimal.Decimal, AnyObject):
        if kind is float and not math.isfinite(value):
            return value  # the emitter writes "NaN"/"Infinity" as Json.NET does
        return value
    if kind is uuid.UUID:
        return format_guid(value)
    if kind is DateTime:
        return format_datetime(value)
    if isinstance(value, enum.IntEnum):
        return int(value)
    if kind is Boxed:
        return value.primitive.json_value(value.value)
    if kind is dict:
        return {
            str(k): write_untyped(v, _paths.join(path, str(k)), problems) for k, v in value.items()
        }
    if kind is list:
        return [write_untyped(v, _paths.item(path, i), problems) for i, v in enumerate(value)]
    info_holder = getattr(kind, "__netcontract__", None)
    if info_holder is not None:
        return write_contract(_plan(kind), value, path, problems)
    problems.append(Problem(path, f"cannot write a {kind.__name__} as JSON"))
    return FAILED


def primitive_for_boxed(namespace: str, name: str) -> Primitive | None:
    return PRIMITIVES.get((namespace, name))


# ------------------------------------------------------------------ writing: the fast path
#
# For each contract class a function is generated that turns an instance into the JSON-ready
# tree msgspec encodes in C: a dict literal in Json.NET's member order, strings, ints, bools
# and None as they are, and every number whose text .NET decides (Double, Decimal) as a
# ``msgspec.Raw`` holding that text. msgspec escapes strings as Json.NET does, except for
# U+0085, U+2028 and U+2029, which Json.NET escapes too: such strings are passed as Raw text.
# A uuid.UUID is passed as it is: msgspec writes the lowercase "D" format, as .NET does.


def json_bytes(obj: Any, *, indent: bool = False) -> tuple[bytes, list[Problem]]:
    """``obj`` as the UTF-8 JSON Json.NET writes, and the problems that prevent it.

    Compact output comes from the generated writer of the object's class. When it meets a
    value it does not handle itself, the reference path (``write_contract`` then
    :func:`dumps_jsonnet`) writes the whole document again and reports every problem; it
    also writes the indented layout.
    """
    plan = _plan(type(obj))
    if not indent:
        try:
            return _encode(_fast_writer(plan.cls)(obj)), []
        except (_Slow, ValueError, TypeError, msgspec.EncodeError):
            pass
    problems: list[Problem] = []
    tree = write_contract(plan, obj, "", problems)
    if problems:
        return b"", problems
    return dumps_jsonnet(tree, indent=indent).encode("utf-8"), []


class _Slow(Exception):  # noqa: N818 - a signal, not an error
    """The generated code met a value it leaves to the reference code."""


_encode: Final = msgspec.json.Encoder().encode
_Raw: Final = msgspec.Raw
_FAST_WRITERS: dict[type, Callable[[Any], Any]] = {}


def _fast_writer(cls: type) -> Callable[[Any], Any]:
    writer = _FAST_WRITERS.get(cls)
    if writer is None:
        writer = _FAST_WRITERS[cls] = _generate_writer(cls)
    return writer


def _lazy_writer(namespace: dict[str, Any], name: str, cls: type) -> Callable[[Any], Any]:
    def stub(obj: Any) -> Any:
        real = _fast_writer(cls)
        namespace[name] = real
        return real(obj)

    return stub


def _reference_raw(writer: Writer, value: Any) -> Any:
    """A member's JSON text from the reference writer, as Raw; raises _Slow on a problem."""
    problems: list[Problem] = []
    tree = writer(value, "", problems)
    if problems:
        raise _Slow
    return _Raw(dumps_jsonnet(tree))


def _special_string(value: str) -> Any:
    """A non-ASCII str: Raw text when it holds a character msgspec would not escape."""
    if "\x85" in value or "\u2028" in value or "\u2029" in value:
        return _Raw(quote(check_no_lone_surrogate(value)))
    return value


def _double(value: float) -> Any:
    return _Raw(format_double_json(value))


def _generate_writer(cls: type) -> Callable[[Any], Any]:
    info = contract_info(cls)
    src = Source("json writer", cls.__qualname__)
    src.line(0, "def write(obj):")
    items: list[str] = []
    for index, m in enumerate(info.json_members):
        var = f"v{index}"
        if m.computed is not None:
            src.line(1, f"{var} = {src.const(m.computed, 'computed')}(obj)")
        else:
            src.line(1, f"{var} = obj.{m.attr}")
        _emit_json_value(src, 1, var, m.slot)
        if _encode(m.wire_name) != quote(m.wire_name).encode("utf-8"):
            raise AssertionError("unreachable")  # pragma: no cover
        items.append(f"{m.wire_name!r}: {var}")
    src.line(1, "return {" + ", ".join(items) + "}")
    return src.compile("write")


_JSON_INT_RANGES: Final[dict[str, tuple[int, int]]] = {
    "Int16": (-(2**15), 2**15 - 1),
    "Int32": (-(2**31), 2**31 - 1),
    "Int64": (-(2**63), 2**63 - 1),
    "SByte": (-128, 127),
    "Byte": (0, 255),
    "UInt16": (0, 2**16 - 1),
    "UInt32": (0, 2**32 - 1),
    "UInt64": (0, 2**64 - 1),
}


def _emit_json_value(src: Source, lvl: int, var: str, slot: Slot) -> None:
    """Lines turning the value in ``var`` into its JSON-ready form, in place."""
    wire = slot.wire
    nillable = _allows_none(slot)
    test = f"{var} is not None and " if nillable else ""
    reference = (
        f"{var} = {src.const(_reference_raw, 'reference')}"
        f"({src.const(writer_for(slot), 'writer')}, {var})"
    )
    if isinstance(wire, PrimitiveType):
        p = wire.primitive
        if p is STRING:
            src.line(lvl, f"if {test}type({var}) is not str:")
            src.line(lvl + 1, reference)
            src.line(lvl, f"elif {var} is not None and not {var}.isascii():")
            src.line(lvl + 1, f"{var} = {src.const(_special_string, 'special')}({var})")
            return
        if p.clr_name in _JSON_INT_RANGES and p.python_type is int:
            lo, hi = _JSON_INT_RANGES[p.clr_name]
            src.line(lvl, f"if {test}not (type({var}) is int and {lo} <= {var} <= {hi}):")
            src.line(lvl + 1, reference)
            return
        if p.clr_name == "Boolean":
            src.line(lvl, f"if {test}{var} is not True and {var} is not False:")
            src.line(lvl + 1, reference)
            return
        if p.clr_name == "Double":
            src.line(lvl, f"if type({var}) is float:")
            src.line(lvl + 1, f"{var} = {src.const(_double, 'double')}({var})")
        elif p.clr_name == "Guid":
            # msgspec writes a uuid.UUID as .NET does (lowercase "D" format), in C
            src.line(lvl, f"if type({var}) is {src.const(uuid.UUID, 'UUID')}:")
            src.line(lvl + 1, "pass")
        elif p.clr_name == "DateTime":
            src.line(lvl, f"if type({var}) is {src.const(DateTime, 'DateTime')}:")
            src.line(lvl + 1, f"{var} = {src.const(p.json_value, 'text')}({var})")
        else:  # Decimal, and any other primitive: the reference writer
            src.line(lvl, "if False:")
            src.line(lvl + 1, "pass")
        if nillable:
            src.line(lvl, f"elif {var} is not None:")
        else:
            src.line(lvl, "else:")
        src.line(lvl + 1, reference)
    elif isinstance(wire, EnumType):
        cls = src.const(wire.cls, "enum")
        src.line(lvl, f"if type({var}) is {cls}:")
        src.line(lvl + 1, f"{var} = int({var})")
        src.line(lvl, f"elif {test}type({var}) is not int:")
        src.line(lvl + 1, reference)
    elif isinstance(wire, ContractType):
        name = src.name("w_" + wire.cls.__name__)
        src.globals[name] = _lazy_writer(src.globals, name, wire.cls)
        src.line(lvl, f"if type({var}) is {src.const(wire.cls, wire.cls.__name__)}:")
        src.line(lvl + 1, f"{var} = {name}({var})")
        src.line(lvl, f"elif {var} is not None:" if nillable else "else:")
        src.line(lvl + 1, reference)
    elif isinstance(wire, ListType):
        item = src.name("item")
        src.line(lvl, f"if type({var}) is list:")
        item_wire = wire.item.wire
        if isinstance(item_wire, ContractType) and not wire.item.optional:
            name = src.name("w_" + item_wire.cls.__name__)
            src.globals[name] = _lazy_writer(src.globals, name, item_wire.cls)
            item_ref = (
                f"{src.const(_reference_raw, 'reference')}"
                f"({src.const(writer_for(wire.item), 'writer')}, {item})"
            )
            src.line(
                lvl + 1,
                f"{var} = [{name}({item}) if type({item}) is "
                f"{src.const(item_wire.cls, item_wire.cls.__name__)} else {item_ref}"
                f" for {item} in {var}]",
            )
        else:
            convert = _generate_item_writer(wire.item)
            src.line(lvl + 1, f"{var} = [{src.const(convert, 'item')}({item}) for {item} in {var}]")
        src.line(lvl, f"elif {var} is not None:" if nillable else "else:")
        src.line(lvl + 1, reference)
    elif nillable:  # object members: the reference writer
        src.line(lvl, f"if {var} is not None:")
        src.line(lvl + 1, reference)
    else:  # pragma: no cover - object members are reference types
        src.line(lvl, reference)


def _generate_item_writer(slot: Slot) -> Callable[[Any], Any]:
    src = Source("json item writer", slot.wire.contract_name)
    src.line(0, "def convert(x):")
    _emit_json_value(src, 1, "x", slot)
    src.line(1, "return x")
    return src.compile("convert")


# ------------------------------------------------------------------ reading: the fast path
#
# For each contract (a class, or a parametrization of a generic one) a function is generated
# that reads the dict msgspec parsed, when its members are exactly the ones Json.NET writes,
# in its order: the member values are unpacked positionally, each is checked and converted
# inline, and the class is called once. Anything else (a member missing, in another case,
# unknown; a value of another JSON type; a quota reached; a value refused) makes it give up,
# and the reference reader reads the whole document again, with its messages and paths.

#: returned by :func:`read_json` when the reference path must read the document
DECLINED: Final = object()


def read_json(data: Any, tp: Any, ctx: ReadContext) -> Any:
    """The contract read from JSON bytes by the fast path, or :data:`DECLINED`."""
    if type(data) is not bytes:
        return DECLINED
    parsed = loads_fast(data)
    if parsed is UNSURE or type(parsed[0]) is not dict:
        return DECLINED
    tree, document_colons = parsed
    counted = [0]  # members and colons in strings, counted by the readers
    try:
        result = _fast_reader(tp)(tree, ctx, counted)
    except (_Slow, QuotaExceededError, ValueError, TypeError):
        return DECLINED
    if counted[0] != document_colons:
        return DECLINED  # a member name given twice: loads_strict says which
    if ctx.problems:  # pragma: no cover - the fast path gives up before recording any
        return DECLINED
    return result


_FAST_READERS: dict[Any, Callable[[Any, ReadContext, list[int]], Any]] = {}


def _fast_reader(tp: Any) -> Callable[[Any, ReadContext, list[int]], Any]:
    reader = _FAST_READERS.get(tp)
    if reader is None:
        reader = _FAST_READERS[tp] = _generate_reader(tp)
    return reader


def _lazy_reader(namespace: dict[str, Any], name: str, tp: Any) -> Callable[..., Any]:
    def stub(value: Any, ctx: ReadContext, counted: list[int]) -> Any:
        real = _fast_reader(tp)
        namespace[name] = real
        return real(value, ctx, counted)

    return stub


def _reference_value(reader: Reader, value: Any, ctx: ReadContext, counted: list[int]) -> Any:
    """A value read by the reference reader; raises _Slow if it found a problem."""
    counted[0] += colons(value)
    result = reader(value, "", ctx)
    if result is FAILED:
        raise _Slow
    return result


def _contract_tp(wire: ContractType) -> Any:
    return wire.cls[wire.type_args] if wire.type_args else wire.cls  # type: ignore[index]


def _generate_reader(tp: Any) -> Callable[[Any, ReadContext, list[int]], Any]:
    info = contract_info(tp)
    src = Source("json reader", repr(tp))
    slow = src.const(_Slow, "Slow")
    src.line(0, "def read(d, ctx, counted):")
    src.line(1, "if type(d) is not dict:")
    src.line(2, f"raise {slow}")
    keys = tuple(m.wire_name for m in info.json_members)
    src.line(1, f"if tuple(d) != {src.const(keys, 'keys')}:")
    src.line(2, f"raise {slow}")
    # ctx.enter('', 0) inlined: the quotas are checked against the same counters, and a
    # quota passed only declines the document (the reference reader then raises the error)
    src.line(1, "limits = ctx.limits")
    src.line(1, "ctx.depth = depth = ctx.depth + 1")
    src.line(1, "ctx.items += 1")
    src.line(1, "if depth > limits.max_depth or ctx.items > limits.max_total_items:")
    src.line(2, f"raise {slow}")
    src.line(1, "maxlen = limits.max_string_length")
    names = [f"v{index}" for index in range(len(keys))]
    if len(names) == 1:
        src.line(1, f"{names[0]}, = d.values()")
    elif names:
        src.line(1, f"{', '.join(names)} = d.values()")
    # one colon per member, and those in member names and string values (see loads_fast)
    src.line(1, f"k = {len(keys) + sum(key.count(':') for key in keys)}")
    arguments: list[tuple[str, str]] = []
    for var, m in zip(names, info.json_members, strict=True):
        if m.computed is not None:  # always derived, input ignored (but counted)
            src.line(1, f"k += {src.const(colons, 'colons')}({var})")
            continue
        _emit_json_read(src, 1, var, m.slot)
        arguments.append((m.attr, var))
    src.line(1, "counted[0] += k")
    src.line(1, "ctx.depth = depth - 1")  # ctx.leave()
    src.construct(1, info.cls, arguments)
    return src.compile("read")


def _emit_json_read(src: Source, lvl: int, var: str, slot: Slot) -> None:
    """Lines checking and converting the JSON value in ``var``, in place."""
    wire = slot.wire
    nillable = _allows_none(slot)
    none = f"{var} is None" if nillable else "False"
    reference = (
        f"{var} = {src.const(_reference_value, 'reference')}"
        f"({src.const(reader_for(slot), 'reader')}, {var}, ctx, counted)"
    )
    if isinstance(wire, PrimitiveType):
        p = wire.primitive
        name = p.clr_name
        if p is STRING:
            src.line(lvl, f"if type({var}) is str:")
            src.line(lvl + 1, f"if len({var}) > maxlen: raise {src.const(_Slow, 'Slow')}")
            # most strings have no colon: `in` costs less than a call of str.count
            src.line(lvl + 1, f"if ':' in {var}: k += {var}.count(':')")
            src.line(lvl, f"elif not ({none}):")
            src.line(lvl + 1, reference)
            return
        if name in _JSON_INT_RANGES and p.python_type is int:
            lo, hi = _JSON_INT_RANGES[name]
            src.line(lvl, f"if not ((type({var}) is int and {lo} <= {var} <= {hi}) or {none}):")
            src.line(lvl + 1, reference)
            return
        if name == "Boolean":
            src.line(lvl, f"if not ({var} is True or {var} is False or {none}):")
            src.line(lvl + 1, reference)
            return
        # The codec json_parse calls once the value has the type checked here, called
        # directly: one Python call less per value (test_json_codec_fast checks they agree).
        if p is DOUBLE:
            src.line(lvl, f"if type({var}) is {src.const(decimal.Decimal, 'Decimal')}:")
            src.line(
                lvl + 1,
                f"{var} = {src.const(parse_double_json_number, 'parse_double')}(str({var}))",
            )
        elif p is GUID:  # the formats a Guid is read in have no colon
            src.line(lvl, f"if type({var}) is str and {var}:")
            src.line(lvl + 1, f"{var} = {src.const(parse_guid, 'parse_guid')}({var})")
        elif p is DATETIME:
            src.line(lvl, f"if type({var}) is str and {var}:")
            src.line(lvl + 1, f"k += {var}.count(':')")
            src.line(lvl + 1, f"{var} = {src.const(parse_datetime, 'parse_datetime')}({var})")
        else:
            src.line(lvl, "if False:")
            src.line(lvl + 1, "pass")
        src.line(lvl, f"elif not ({none}):")
        src.line(lvl + 1, reference)
    elif isinstance(wire, EnumType):
        table = {int(member): member for member in wire.values.values()}
        member = src.name("member")
        src.line(
            lvl,
            f"if type({var}) is int and ({member} := {src.const(table, 'enum')}.get({var}))"
            " is not None:",
        )
        src.line(lvl + 1, f"{var} = {member}")
        src.line(lvl, f"elif not ({none}):")
        src.line(lvl + 1, reference)
    elif isinstance(wire, ContractType):
        name = src.name("r_" + wire.cls.__name__)
        src.globals[name] = _lazy_reader(src.globals, name, _contract_tp(wire))
        src.line(lvl, f"if type({var}) is dict:")
        src.line(lvl + 1, f"{var} = {name}({var}, ctx, counted)")
        src.line(lvl, f"elif not ({none}):")
        src.line(lvl + 1, reference)
    elif isinstance(wire, ListType):
        src.line(lvl, f"if type({var}) is list:")
        # ctx.enter('', len(...)) inlined, as for the object (depth + 1 is the list's level)
        src.line(lvl + 1, "ctx.depth = depth + 1")
        src.line(lvl + 1, f"ctx.items += len({var}) + 1")
        src.line(
            lvl + 1,
            f"if depth >= limits.max_depth or len({var}) > limits.max_collection_items"
            " or ctx.items > limits.max_total_items:",
        )
        src.line(lvl + 2, f"raise {src.const(_Slow, 'Slow')}")
        item = src.name("item")
        item_wire = wire.item.wire
        item_reference = (
            f"{src.const(_reference_value, 'reference')}"
            f"({src.const(reader_for(wire.item), 'reader')}, {item}, ctx, counted)"
        )
        if isinstance(item_wire, ContractType) and not wire.item.optional:
            name = src.name("r_" + item_wire.cls.__name__)
            src.globals[name] = _lazy_reader(src.globals, name, _contract_tp(item_wire))
            src.line(
                lvl + 1,
                f"{var} = [{name}({item}, ctx, counted) if type({item}) is dict"
                f" else {item_reference}"
                f" for {item} in {var}]",
            )
        else:
            src.line(lvl + 1, f"{var} = [{item_reference} for {item} in {var}]")
        src.line(lvl + 1, "ctx.depth = depth")  # ctx.leave()
        src.line(lvl, f"elif not ({none}):")
        src.line(lvl + 1, reference)
    else:  # object members: the reference reader
        src.line(lvl, f"if not ({none}):")
        src.line(lvl + 1, reference)
