"""The fastest JSON read: msgspec decodes straight into a Struct made for each contract.

msgspec checks in C what the generated readers of :mod:`netcontract._json_codec` check in
Python for most members (the member names and that none is missing or unknown, strings,
integers within their CLR range, booleans, nested objects and lists), and builds no dict.
Each contract gets a ``msgspec.Struct`` type whose fields have those types, and a generated
function that turns a decoded Struct into the attrs instance, with the same conversions and
the same quota accounting as the generated dict readers. Members msgspec cannot check as
netcontract does (Double, Decimal, untyped ``object``, ...) are kept as ``msgspec.Raw`` and
decoded exactly as :func:`~netcontract._jsontext.loads_fast` decodes them, then read by the
same code.

The path only ever accepts or declines a document: any value msgspec refuses (a string in an
integer member, a member missing, an unknown or differently cased name, a null where none is
allowed), any quota passed and any value a codec refuses declines it, and the next path
(the generated dict readers, then the reference reader with its messages) reads it again.
A contract with something this module does not know is never read here.
"""

from __future__ import annotations

import decimal
import uuid
from collections.abc import Callable
from typing import Annotated, Any, Final

import msgspec

from netcontract._clr import STRING
from netcontract._contract import contract_info
from netcontract._datetime import parse_datetime
from netcontract._gen import Source
from netcontract._json_codec import (
    _JSON_INT_RANGES,
    DECLINED,
    _allows_none,
    _contract_tp,
    _reference_value,
    _Slow,
    reader_for,
)
from netcontract._jsontext import counts_surely
from netcontract._limits import ReadContext
from netcontract._types import ContractType, EnumType, ListType, PrimitiveType, Slot

__all__ = ["read_typed"]

_raw_decode: Final = msgspec.json.Decoder(float_hook=decimal.Decimal).decode


class _Unsupported(Exception):  # noqa: N818 - a signal: the contract is not read here
    pass


class _Plan:
    """A contract's Struct type, its decoder and its converter (built once)."""

    __slots__ = ("convert", "decode", "struct")

    def __init__(self, struct: Any, convert: Callable[..., Any]) -> None:
        self.struct = struct
        self.convert = convert
        self.decode: Callable[[bytes], Any] = msgspec.json.Decoder(struct).decode


_PLANS: dict[Any, _Plan | None] = {}
_BUILDING: set[Any] = set()


def _plan(tp: Any) -> _Plan | None:
    try:
        return _PLANS[tp]
    except KeyError:
        pass
    if tp in _BUILDING:  # a contract that contains itself: left to the dict readers
        raise _Unsupported
    _BUILDING.add(tp)
    try:
        plan: _Plan | None = _build(tp)
    except Exception:
        plan = None
    finally:
        _BUILDING.discard(tp)
    _PLANS[tp] = plan
    return plan


def _nested(tp: Any) -> _Plan:
    plan = _plan(tp)
    if plan is None:
        raise _Unsupported
    return plan


def read_typed(data: Any, tp: Any, ctx: ReadContext) -> Any:
    """The contract read from JSON bytes through its Struct, or ``DECLINED``."""
    if type(data) is not bytes:
        return DECLINED
    plan = _plan(tp)
    if plan is None:
        return DECLINED
    raw = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    try:
        decoded = plan.decode(raw)
    except (msgspec.DecodeError, msgspec.ValidationError, ValueError, RecursionError):
        return DECLINED
    if not counts_surely(raw):  # the same gate as loads_fast's
        return DECLINED
    counted = [0]
    try:
        result = plan.convert(decoded, ctx, counted)
    except Exception:  # _Slow, a quota, a codec's ValueError, the class's own exception,
        return DECLINED  # decimal.InvalidOperation: the next path reads it and reports
    if counted[0] != raw.count(b":"):
        return DECLINED  # a member given twice (msgspec keeps the last one)
    if ctx.problems:  # pragma: no cover - the converters give up before recording any
        return DECLINED
    return result


def _build(tp: Any) -> _Plan:
    info = contract_info(tp)
    src = Source("json struct reader", repr(tp))
    fields: list[tuple[str, Any]] = []
    rename: dict[str, str] = {}
    src.line(0, "def convert(s, ctx, counted):")
    src.line(1, "ctx.enter('', 0)")
    src.line(1, "maxlen = ctx.limits.max_string_length")
    keys = [m.wire_name for m in info.json_members]
    src.line(1, f"k = {len(keys) + sum(key.count(':') for key in keys)}")
    arguments: list[tuple[str, str]] = []
    for index, m in enumerate(info.json_members):
        field = f"f{index}"  # (wire names may not be identifiers)
        rename[field] = m.wire_name
        var = f"v{index}"
        src.line(1, f"{var} = s.{field}")
        if m.computed is not None:  # always derived, input ignored (but its colons counted)
            fields.append((field, msgspec.Raw))
            src.line(1, f"k += bytes({var}).count(58)")
            continue
        fields.append((field, _emit(src, 1, var, m.slot)))
        arguments.append((m.attr, var))
    src.line(1, "counted[0] += k")
    src.line(1, "ctx.leave()")
    src.construct(1, info.cls, arguments)
    struct = msgspec.defstruct(
        f"{info.cls.__name__}Json",
        fields,
        rename=rename,
        forbid_unknown_fields=True,
        gc=False,  # instances hold no cycles and live only while one document is read
    )
    return _Plan(struct, src.compile("convert"))


def _emit(src: Source, lvl: int, var: str, slot: Slot) -> Any:
    """Lines converting ``var`` in place; returns the field's type for msgspec."""
    wire = slot.wire
    nillable = _allows_none(slot)
    slow = src.const(_Slow, "Slow")
    if isinstance(wire, PrimitiveType):
        p = wire.primitive
        name = p.clr_name
        if p is STRING:
            src.line(lvl, f"if {var} is not None:")
            src.line(lvl + 1, f"if len({var}) > maxlen: raise {slow}")
            src.line(lvl + 1, f"if ':' in {var}: k += {var}.count(':')")
            return _maybe(str, nillable)
        if name in _JSON_INT_RANGES and p.python_type is int:
            lo, hi = _JSON_INT_RANGES[name]
            return _maybe(Annotated[int, msgspec.Meta(ge=lo, le=hi)], nillable)
        if name == "Boolean":
            return _maybe(bool, nillable)
        if name == "Guid":
            # msgspec reads the D and N formats (any case) in C, to the value parse_guid gives
            # (tests/netcontract/test_json_typed.py); the B and P formats, "" and anything
            # else decline the document. A Guid has no colon.
            return _maybe(uuid.UUID, nillable)
        if name == "DateTime":
            # a non-empty string goes to the codec as in the dict readers; "" to the reference
            src.line(lvl, f"if {var}:")
            src.line(lvl + 1, f"k += {var}.count(':')")
            src.line(lvl + 1, f"{var} = {src.const(parse_datetime, 'parse_datetime')}({var})")
            src.line(lvl, f"elif {var} is not None:")
            src.line(lvl + 1, _reference(src, var, slot))
            return _maybe(str, nillable)
    elif isinstance(wire, EnumType):
        table = src.const({int(member): member for member in wire.values.values()}, "enum")
        src.line(lvl, f"if {var} is not None:")
        src.line(lvl + 1, f"e = {table}.get({var})")
        src.line(lvl + 1, f"{var} = e if e is not None else {_reference_call(src, var, slot)}")
        return _maybe(int, nillable)
    elif isinstance(wire, ContractType):
        plan = _nested(_contract_tp(wire))
        src.line(lvl, f"if {var} is not None:")
        src.line(lvl + 1, f"{var} = {src.const(plan.convert, 'convert')}({var}, ctx, counted)")
        return _maybe(plan.struct, nillable)
    elif isinstance(wire, ListType):
        item = wire.item
        src.line(lvl, f"if {var} is not None:")
        src.line(lvl + 1, f"ctx.enter('', len({var}))")
        if isinstance(item.wire, ContractType) and not item.optional:
            plan = _nested(_contract_tp(item.wire))
            convert = src.const(plan.convert, "convert")
            src.line(lvl + 1, f"{var} = [{convert}(i, ctx, counted) for i in {var}]")
            item_type: Any = plan.struct
        else:  # other items: as the dict readers read them (always the reference reader)
            read = src.const(_reference_value, "reference")
            reader = src.const(reader_for(item), "reader")
            decode = src.const(_raw_decode, "decode")
            src.line(
                lvl + 1, f"{var} = [{read}({reader}, {decode}(i), ctx, counted) for i in {var}]"
            )
            item_type = msgspec.Raw
        src.line(lvl + 1, "ctx.leave()")
        return _maybe(list[item_type], nillable)
    # anything else (Double, Decimal, object, ...): the value loads_fast would give, then the
    # same conversion as the dict readers
    src.line(lvl, f"{var} = {src.const(_raw_decode, 'decode')}({var})")
    if isinstance(wire, PrimitiveType) and wire.primitive.clr_name == "Double":
        src.line(lvl, f"if type({var}) is {src.const(decimal.Decimal, 'Decimal')}:")
        src.line(lvl + 1, f"{var} = {src.const(wire.primitive.json_parse, 'parse')}({var})")
        src.line(lvl, f"elif not ({var} is None and {nillable}):")
    else:
        src.line(lvl, f"if not ({var} is None and {nillable}):")
    src.line(lvl + 1, _reference(src, var, slot))
    return msgspec.Raw


def _maybe(tp: Any, nillable: bool) -> Any:
    return tp | None if nillable else tp


def _reference_call(src: Source, var: str, slot: Slot) -> str:
    return (
        f"{src.const(_reference_value, 'reference')}"
        f"({src.const(reader_for(slot), 'reader')}, {var}, ctx, counted)"
    )


def _reference(src: Source, var: str, slot: Slot) -> str:
    return f"{var} = {_reference_call(src, var, slot)}"
