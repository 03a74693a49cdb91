"""The fastest JSON read: msgspec decodes straight into a Struct made for each contract.

msgspec checks in C what the generated readers of :mod:`netcontract.json.read` check in
Python for most members (the member names and that none is missing or unknown, strings,
integers within their CLR range, booleans, nested objects and lists), and builds no dict.
Each contract gets a ``msgspec.Struct`` type whose fields have those types, and a generated
function that turns a decoded Struct into the attrs instance, with the same conversions and
the same quota accounting as the generated dict readers. Members msgspec cannot check as
netcontract does (Double, Decimal, untyped ``object``, ...) are kept as ``msgspec.Raw`` and
decoded exactly as :func:`~netcontract.json.text.loads_fast` decodes them, then read by the
same code.

The path only ever accepts or declines a document: any value msgspec refuses (a string in an
integer member, a member missing, an unknown or differently cased name, a null where none is
allowed), any quota passed and any value a codec refuses declines it, and the next path
(the generated dict readers, then the reference reader with its messages) reads it again.
A contract with something this module does not know is never read here.
"""

from __future__ import annotations

import decimal
from collections.abc import Callable
from typing import Any, Final

import attrs
import msgspec

from netcontract.clr import compiled
from netcontract.clr.value_types import Snippet
from netcontract.codegen import Fallback, Source, fell_back
from netcontract.errors import ContractDefinitionError, QuotaExceededError
from netcontract.json.read import (
    DECLINED,
    _contract_tp,
    _reference_value,
    declined,
    emit_text_count,
    member_rules,
    reader_for,
)
from netcontract.json.text import LONGEST_NUMBER, colons_surely, text_colons
from netcontract.limits import ReadContext
from netcontract.model.plan import ContractInfo, PlanCycle, contract_info
from netcontract.model.wire import ContractType, EnumType, ListType, PrimitiveType, Slot

__all__ = ["UNKNOWN_MEMBER", "read_typed"]

#: returned by :func:`read_typed` for a document with a member name no contract has (in
#: this case): the generated dict readers would decline it too, so only the reference
#: reader is asked (one parse of the document instead of two)
UNKNOWN_MEMBER: Final = object()

_raw_decode: Final = msgspec.json.Decoder(float_hook=decimal.Decimal).decode


class _Plan:
    """A contract's Struct type, its decoder and its converter (built once)."""

    __slots__ = ("convert", "decode", "struct")

    def __init__(self, struct: Any, convert: Callable[..., Any]) -> None:
        self.struct = struct
        self.convert = convert
        self.decode: Callable[[bytes], Any] = msgspec.json.Decoder(struct).decode


def _plan(tp: Any) -> _Plan | None:
    """The Struct plan of a contract (its plan's ``json_struct``), or None if it is not read
    here."""
    plan: _Plan | None = contract_info(tp).built("json_struct", _build_or_none)
    return plan


def _build_or_none(info: ContractInfo) -> _Plan | None:
    try:
        return _build(info)
    except (PlanCycle, Fallback):  # a contract that contains itself: left to the dict readers
        return None
    except ContractDefinitionError:  # raised where a value needs the faulty contract
        return None


def _nested(tp: Any) -> _Plan:
    plan = _plan(tp)
    if plan is None:
        raise Fallback(f"{tp!r} is not read through a Struct")
    return plan


def read_typed(data: bytes, tp: Any, ctx: ReadContext) -> Any:
    """The contract read from JSON bytes through its Struct, or ``DECLINED`` (without a word
    when the contract is not read here: the dict readers read it), or :data:`UNKNOWN_MEMBER`."""
    try:
        plan = _plan(tp)
    except ContractDefinitionError:  # not a contract: the next paths say so, or that the
        return DECLINED  # document is not JSON
    if plan is None:
        return DECLINED
    raw = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    try:
        decoded = plan.decode(raw)
    except msgspec.ValidationError as exc:
        if str(exc).startswith("Object contains unknown field"):
            # msgspec stops at the first unknown member name (before its value): the dict
            # readers would decline such a document too, after parsing all of it
            fell_back(tp, exc)
            return UNKNOWN_MEMBER
        return declined(tp, exc)
    except (msgspec.DecodeError, ValueError, RecursionError) as exc:
        return declined(tp, exc)
    colons = colons_surely(raw, LONGEST_NUMBER)  # the same gate as loads_fast's
    if colons < 0:
        return declined(tp, "an escaped colon or a long number")
    counted = [0]
    try:
        result = plan.convert(decoded, ctx, counted)
    except (Fallback, QuotaExceededError) as signal:
        return declined(tp, signal)
    if counted[0] != colons:
        # a member given twice (msgspec keeps the last one)
        return declined(tp, "colons and members differ")
    if ctx.problems:  # pragma: no cover - the converters give up before recording any
        return declined(tp, ctx.problems[0])
    return result


def _build(info: ContractInfo) -> _Plan:
    if info.is_reference:  # "$id" and "$ref": the reference reader (the dict readers say so)
        raise Fallback("is_reference: $id and $ref are read by the reference reader")
    if any(member_rules(m) for m in info.json_net_members):
        raise Fallback("[JsonProperty] Required or NullValueHandling")  # the dict readers say so
    src = Source("json struct reader", repr(info.tp))
    fields: list[tuple[str, Any]] = []
    rename: dict[str, str] = {}
    src.line(0, "def convert(s, ctx, counted):")
    src.line(1, "ctx.enter('', 0)")
    src.line(1, "maxlen = ctx.limits.max_string_length")
    keys = [m.wire_name for m in info.json_net_members]
    src.line(1, f"k = {len(keys) + sum(key.count(':') for key in keys)}")
    # with the compiled codecs, the strings' lengths and colons are checked in one call here
    # (the members that qualify, see _emit_conversion); the pure readers check each inline
    texts: list[str] | None = [] if compiled.ACTIVE else None
    texts_at = len(src.lines)
    arguments: list[tuple[str, str]] = []
    for index, m in enumerate(info.json_net_members):
        field = f"f{index}"  # (wire names may not be identifiers)
        rename[field] = m.wire_name
        var = f"v{index}"
        src.line(1, f"{var} = s.{field}")
        if m.computed is not None:  # always derived, input ignored (but its colons counted)
            fields.append((field, msgspec.Raw))
            src.line(1, f"k += bytes({var}).count(58)")
            # its objects and arrays count in the quotas: the reference reader counts them
            src.line(
                1,
                f"if bytes({var})[:1] in b'[{{':"
                f" raise {src.const(Fallback, 'Fallback')}('a computed object or array')",
            )
            continue
        fields.append((field, _emit(src, 1, var, m.slot, texts)))
        arguments.append((m.attr, var))
    if texts:
        given = ", ".join(f"s.f{var[1:]}" for var in texts)  # (v3 holds s.f3)
        src.lines[texts_at:texts_at] = [
            f"    t = {src.const(text_colons, 'text_colons')}(maxlen, {given})",
            f"    if t < 0: raise {src.const(Fallback, 'Fallback')}('max_string_length')",
            "    k += t",
        ]
    src.line(1, "counted[0] += k")
    src.line(1, "ctx.leave()")
    src.construct(1, info.cls, arguments)
    try:
        struct = msgspec.defstruct(
            f"{info.cls.__name__}Json",
            fields,
            rename=rename,
            forbid_unknown_fields=True,
            gc=False,  # instances hold no cycles and live only while one document is read
        )
        return _Plan(struct, src.compile("convert"))
    except (TypeError, ValueError) as exc:
        # a field type msgspec refuses (a value type's msgspec_type should never be one)
        raise Fallback(f"msgspec cannot decode {info.cls.__qualname__}: {exc}") from exc


def _emit(src: Source, lvl: int, var: str, slot: Slot, texts: list[str] | None = None) -> Any:
    """Lines converting ``var`` in place; returns the field's type for msgspec. ``texts``
    (compiled codecs): where the variables of strings counted in one call are listed."""
    wire = slot.wire
    nillable = slot.clr_nillable
    if isinstance(wire, PrimitiveType):
        p = wire.primitive
        field_type = p.msgspec_type()
        if field_type is not None:  # msgspec checks the value in C
            conversion = p.msgspec_convert(src, var)
            if conversion is not None and _counted_at_once(conversion, var, texts):
                assert texts is not None  # (for mypy: _counted_at_once said so)
                texts.append(var)
                conversion = attrs.evolve(conversion, text=False)
                if conversion.expression is None:  # a plain string: nothing left to do
                    return _maybe(field_type, nillable)
            if conversion is not None:  # then this, for a value that is not null
                tests = [f"{var} is not None"] if nillable else []
                if conversion.condition != "True":
                    tests.append(conversion.condition)
                inner = lvl + 1 if tests else lvl
                if tests:
                    src.line(lvl, f"if {' and '.join(tests)}:")
                _emit_conversion(src, inner, var, conversion, p.clr_name)
                if conversion.condition != "True":
                    src.line(lvl, f"elif {var} is not None:" if nillable else "else:")
                    src.line(lvl + 1, _reference(src, var, slot))
            return _maybe(field_type, nillable)
    elif isinstance(wire, EnumType):
        table = src.const({int(member): member for member in wire.clr_names.values()}, "enum")
        src.line(lvl, f"if {var} is not None:")
        src.line(lvl + 1, f"e = {table}.get({var})")
        if wire.flags:  # a combination of flags is a value like any other
            flags = src.const(wire.cls, "flags")
            src.line(lvl + 1, f"if e is None and -2147483648 <= {var} < 2147483648:")
            src.line(lvl + 2, f"e = {flags}({var})")
        src.line(lvl + 1, f"{var} = e if e is not None else {_reference_call(src, var, slot)}")
        return _maybe(int, nillable)
    elif isinstance(wire, ContractType):
        plan = _nested(_contract_tp(wire))
        src.line(lvl, f"if {var} is not None:")
        src.line(lvl + 1, f"{var} = {src.const(plan.convert, 'convert')}({var}, ctx, counted)")
        return _maybe(plan.struct, nillable)
    elif isinstance(wire, ListType) and wire.cls is list:  # (a collection contract: below)
        item = wire.item
        src.line(lvl, f"if {var} is not None:")
        src.line(lvl + 1, f"ctx.enter('', len({var}))")
        if isinstance(item.wire, ContractType) and not item.optional:
            plan = _nested(_contract_tp(item.wire))
            convert = src.const(plan.convert, "convert")
            # a null item is allowed (a class is a reference type), as the dict readers allow it
            src.line(
                lvl + 1,
                f"{var} = [{convert}(i, ctx, counted) if i is not None else None for i in {var}]",
            )
            item_type: Any = plan.struct | None
        else:  # other items: as the dict readers read them (always the reference reader)
            read = src.const(_reference_value, "reference")
            reader = src.const(reader_for(item), "reader")
            decode = src.const(_decode_item, "decode")
            src.line(
                lvl + 1, f"{var} = [{read}({reader}, {decode}(i), ctx, counted) for i in {var}]"
            )
            item_type = msgspec.Raw
        src.line(lvl + 1, "ctx.leave()")
        return _maybe(list[item_type], nillable)
    # anything else (Double, Decimal, UInt64, Char, object, ...): the value loads_fast would
    # give, then the same conversion as the dict readers
    quick = wire.primitive.json_raw_read(src, var) if isinstance(wire, PrimitiveType) else None
    if quick is not None:  # (a compiled codec) the Raw it returns goes the long way below
        src.line(lvl, f"{var} = {quick}")
        src.line(lvl, f"if type({var}) is {src.const(msgspec.Raw, 'Raw')}:")
        lvl += 1
    src.guarded(
        lvl, f"{var} = {src.const(_raw_decode, 'decode')}({var})", "a value msgspec refuses"
    )
    none = f"{var} is None" if nillable else "False"
    snippet, name = None, ""
    if isinstance(wire, PrimitiveType):
        snippet, name = wire.primitive.json_fast_read(src, var), wire.primitive.clr_name
    if snippet is not None:
        src.line(lvl, f"if {snippet.condition}:")
        _emit_conversion(src, lvl + 1, var, snippet, name)
        src.line(lvl, f"elif not ({none}):")
    else:
        src.line(lvl, f"if not ({none}):")
    src.line(lvl + 1, _reference(src, var, slot))
    return msgspec.Raw


def _counted_at_once(snippet: Snippet, var: str, texts: list[str] | None) -> bool:
    """Whether a string member's length and colons can be checked with the others' in one
    call before its conversion: the same count as the inline lines, which count it where its
    condition holds. A condition of "True" always holds; the variable itself (DateTime) fails
    only for "", which has no colon and no length."""
    return texts is not None and snippet.text and snippet.condition in ("True", var)


def _emit_conversion(src: Source, lvl: int, var: str, snippet: Snippet, name: str) -> None:
    """The body of a snippet's ``if``: its text accounting, then its conversion."""
    if snippet.text:
        emit_text_count(src, lvl, var)
    if snippet.expression is not None:
        src.guarded(lvl, [*snippet.setup, f"{var} = {snippet.expression}"], f"{name} refused")
    elif not snippet.text:
        src.line(lvl, "pass")


def _decode_item(raw: Any) -> Any:
    """A list item kept as Raw, decoded as loads_fast decodes it (Raw skips UTF-8 checks)."""
    try:
        return _raw_decode(raw)
    except msgspec.DecodeError as exc:
        raise Fallback(str(exc)) from exc


def _maybe(tp: Any, nillable: bool) -> Any:
    return tp | None if nillable else tp


def _reference_call(src: Source, var: str, slot: Slot) -> str:
    return (
        f"{src.const(_reference_value, 'reference')}"
        f"({src.const(reader_for(slot), 'reader')}, {var}, ctx, counted)"
    )


def _reference(src: Source, var: str, slot: Slot) -> str:
    return f"{var} = {_reference_call(src, var, slot)}"
