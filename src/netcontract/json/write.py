"""Writing contracts as the JSON Json.NET writes: the reference writer and the generated
writers.

The reference writer turns a Python value into a JSON-ready tree (dicts in Json.NET's member
order, the value forms .NET writes) for :func:`~netcontract.json.text.dumps_jsonnet`, for
each :class:`Slot`; problems are collected with their paths. The generated writer of a class
(the second half) builds the tree msgspec encodes in C, and leaves any value it does not
handle itself to the reference writer.
"""

from __future__ import annotations

import contextvars
import enum
import functools
import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Final

import msgspec

from netcontract.clr.datetime import DateTime, format_datetime
from netcontract.clr.objects import AnyObject, Boxed, BoxedCollection
from netcontract.clr.value_types import (
    DATETIME,
    DATETIMEOFFSET,
    DOUBLE,
    SINGLE,
    XMLQNAME,
    ValueType,
    check_no_lone_surrogate,
    for_untyped_value,
)
from netcontract.codegen import Fallback, Source, fell_back, generated_paths
from netcontract.errors import ContractDefinitionError, Problem
from netcontract.json.dict_keys import key_writer
from netcontract.json.settings import (
    DEFAULT_JSON_SETTINGS,
    JsonSettings,
    ensure_datetime,
    format_microsoft_date,
    format_microsoft_datetimeoffset,
)
from netcontract.json.string_enums import converter_names, converter_text
from netcontract.json.text import RawJson, dumps_jsonnet, quote
from netcontract.limits import FAILED
from netcontract.model import paths as _paths
from netcontract.model.defaults import omitted
from netcontract.model.keys import key_problems
from netcontract.model.plan import ContractInfo, Member, contract_info
from netcontract.model.wire import (
    ContractType,
    DictType,
    EnumType,
    ListType,
    ObjectType,
    PrimitiveType,
    Slot,
    collection_of,
    resolve_annotation,
)

__all__ = ["json_bytes", "write_contract", "write_untyped", "writer_for"]


Writer = Callable[[Any, str, list[Problem]], Any]


def writer_for(slot: Slot, settings: JsonSettings | None = None) -> Writer:
    """The JSON writer of a slot, made anew: the writers of a contract's members are kept on
    its plan (one table per non-default :class:`JsonSettings`)."""
    return _make_writer(slot, DEFAULT_JSON_SETTINGS if settings is None else settings)


# ----------------------------------------------------------------------------- writing


def _make_writer(slot: Slot, settings: JsonSettings) -> Writer:
    allow_none = slot.clr_nillable
    null_message = slot.null_problem
    wire = slot.wire
    inner: Writer
    if isinstance(wire, PrimitiveType):
        inner = _primitive_writer(wire.primitive, slot, settings)
    elif isinstance(wire, EnumType):
        inner = _enum_writer(wire, settings)
    elif isinstance(wire, ContractType):
        inner = _contract_writer(wire, settings)
    elif isinstance(wire, ListType):
        item_writer = _make_writer(wire.item, settings)
        arrays = settings.preserves_arrays

        def inner(value: Any, path: str, problems: list[Problem]) -> Any:
            if not isinstance(value, list | tuple):
                problems.append(Problem(path, f"expected a list, got {type(value).__name__}"))
                return FAILED
            if arrays:  # PreserveReferencesHandling.Arrays: {"$id":"2","$values":[...]}
                with _references() as table:
                    ref = table.seen(value)
                    if ref is not None:
                        return ref
                    ident = table.new_id(value)
                    items = [
                        item_writer(x, _paths.item(path, i), problems) for i, x in enumerate(value)
                    ]
                    return {"$id": ident, "$values": items}
            return [
                item_writer(item, _paths.item(path, i), problems) for i, item in enumerate(value)
            ]

    elif isinstance(wire, DictType):
        inner = _dict_writer(wire, settings)
    elif isinstance(wire, ObjectType):
        if wire.expected is not None:
            inner = _make_writer(wire.expected, settings)
        elif settings.is_default:
            inner = write_untyped
        else:

            def inner(value: Any, path: str, problems: list[Problem]) -> Any:
                return write_untyped(value, path, problems, settings)

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


def _dict_writer(wire: DictType, settings: JsonSettings) -> Writer:
    """``Dictionary<K,V>``: a JSON object, keys as Json.NET names them (json/dict_keys.py),
    in insertion order; a null value is written whatever ``NullValueHandling`` says (Mono)."""
    key_text = key_writer(wire.key, settings)
    value_writer = _make_writer(wire.value, settings)
    datetime_keys = isinstance(wire.key.wire, PrimitiveType) and wire.key.wire.primitive is DATETIME
    objects = settings.preserves_objects

    def write(value: Any, path: str, problems: list[Problem]) -> Any:
        if not isinstance(value, dict):
            problems.append(Problem(path, f"expected a dict, got {type(value).__name__}"))
            return FAILED
        if objects:  # PreserveReferencesHandling.Objects: a dictionary is an object (Mono)
            with _references() as table:
                ref = table.seen(value)
                if ref is not None:
                    return ref
                return entries(value, path, problems, {"$id": table.new_id(value)})
        return entries(value, path, problems, {})

    def entries(
        value: dict[Any, Any], path: str, problems: list[Problem], result: dict[str, Any]
    ) -> Any:
        problems.extend(key_problems(wire, value, path))
        ticks: dict[int, Any] = {}
        for key, item in value.items():
            item_path = _paths.key(path, key)
            try:
                name = key_text(key)
            except (ValueError, TypeError) as exc:
                problems.append(Problem(item_path, str(exc)))
                continue
            if datetime_keys:
                # DateTime equality ignores the kind: one key in .NET (Mono)
                other = ticks.setdefault(key.ticks, key)
                if other is not key:
                    problems.append(Problem(item_path, f"is the key {other} in .NET (same ticks)"))
                    continue
            if name in result:
                problems.append(
                    Problem(
                        item_path,
                        f"two keys have the JSON name {str(name)!r} (the contract resolver's"
                        " camel case): the document would hold it twice",
                    )
                )
                continue
            result[name] = value_writer(item, item_path, problems)
        return result

    return write


def _enum_writer(wire: EnumType, settings: JsonSettings) -> Writer:
    cls = wire.cls
    text_of = _enum_texts(wire, settings)

    def write(value: Any, path: str, problems: list[Problem]) -> Any:
        if isinstance(value, cls) or (type(value) is int):
            number = int(value)
            if text_of is not None:
                # StringEnumConverter: the name; a value without one stays a number
                name = text_of(number)
                if name is not None:
                    return name
            return number
        problems.append(Problem(path, f"expected a {cls.__name__}, got {value!r}"))
        return FAILED

    return write


def _enum_texts(wire: EnumType, settings: JsonSettings) -> Callable[[int], str | None] | None:
    """The texts StringEnumConverter writes, by value (None without the converter)."""
    if not settings.string_enum_converter:
        return None
    parts = converter_names(wire)
    flags = wire.flags

    @functools.lru_cache(maxsize=256)
    def text_of(number: int) -> str | None:
        return converter_text(number, parts, flags, settings)

    return text_of


def _primitive_writer(primitive: ValueType, slot: Slot, settings: JsonSettings) -> Writer:
    check = primitive.check
    to_json: Callable[[Any], Any] = primitive.json_value
    if primitive is DATETIME and (
        settings.date_format_handling != "IsoDateFormat"
        or settings.date_time_zone_handling != "RoundtripKind"
    ):
        to_json = _datetime_writer(settings)
    elif primitive is DATETIMEOFFSET and settings.date_format_handling == "MicrosoftDateFormat":
        to_json = _microsoft_datetimeoffset  # (DateTimeZoneHandling leaves it alone: Mono)
    elif primitive is DOUBLE and settings.float_format_handling != "String":
        to_json = _double_writer(settings, nullable=slot.optional)
    elif primitive is SINGLE and settings.float_format_handling != "String":
        to_json = _double_writer(settings, nullable=slot.optional, finite=SINGLE.json_value)
    elif primitive is XMLQNAME and not settings.is_default:
        to_json = functools.partial(_qname_json, settings=settings)

    def write(value: Any, path: str, problems: list[Problem]) -> Any:
        try:
            return to_json(check(value))
        except (ValueError, TypeError) as exc:
            problems.append(Problem(path, str(exc)))
            return FAILED

    return write


def _qname_json(value: Any, settings: JsonSettings) -> dict[str, Any]:
    """An XmlQualifiedName as Json.NET writes it under ``settings`` (Mono): an object contract
    like any other, so the contract resolver renames its members and DefaultValueHandling
    Ignore leaves out ``IsEmpty`` when false."""
    written: dict[str, Any] = XMLQNAME.json_value(value)
    if settings.ignores_defaults and not written["IsEmpty"]:
        del written["IsEmpty"]
    return {settings.name(key): item for key, item in written.items()}


def _datetime_writer(settings: JsonSettings) -> Callable[[DateTime], Any]:
    microsoft = settings.date_format_handling == "MicrosoftDateFormat"

    def to_json(value: DateTime) -> Any:
        value = ensure_datetime(value, settings)
        if microsoft:
            return RawJson(format_microsoft_date(value, settings))
        return format_datetime(value)

    return to_json


_SYMBOLS: Final = {"nan": RawJson("NaN"), "inf": RawJson("Infinity"), "-inf": RawJson("-Infinity")}


def _microsoft_datetimeoffset(value: Any) -> Any:
    return RawJson(format_microsoft_datetimeoffset(value))


def _double_writer(
    settings: JsonSettings, *, nullable: bool, finite: Callable[[float], Any] = float
) -> Callable[[float], Any]:
    """A Double's (or, with ``finite``, a Single's) writer under ``FloatFormatHandling``."""
    symbol = settings.float_format_handling == "Symbol"
    # FloatFormatHandling.DefaultValue: 0.0, or null for a Nullable<double> (Mono)
    default = None if nullable else 0.0

    def to_json(value: float) -> Any:
        value = float(value)
        if math.isfinite(value):
            return finite(value)
        return _SYMBOLS[repr(value)] if symbol else default

    return to_json


def _contract_writer(wire: ContractType, settings: JsonSettings) -> Writer:
    declared = wire.cls

    def write(value: Any, path: str, problems: list[Problem]) -> Any:
        if not isinstance(value, declared):
            problems.append(
                Problem(path, f"expected a {declared.__name__}, got {type(value).__name__}")
            )
            return FAILED
        with _references():  # the document's, or a new one when this is the root
            return write_contract(_plan(type(value), settings), value, path, problems)

    return write


class _WriteTable:
    """A contract's member table for the reference writer (its plan's ``json_writing``, or
    a ``json_variant`` for non-default settings)."""

    __slots__ = ("clash", "cls", "info", "tracks", "write_members")

    def __init__(self, info: ContractInfo, settings: JsonSettings = DEFAULT_JSON_SETTINGS) -> None:
        self.info = info
        self.cls = info.cls
        #: "$id" first, "$ref" when written before (IsReference, PreserveReferencesHandling)
        self.tracks = info.is_reference or settings.preserves_objects
        self.clash = settings.name_clash(info.name, [m.wire_name for m in info.json_net_members])
        ignore_defaults = settings.ignores_defaults
        skip_null = settings.null_value_handling == "Ignore"
        self.write_members: list[
            tuple[str, str, Callable[[Any], Any] | None, Writer, Slot | None, bool, str | None]
        ] = [
            (
                m.attr,
                settings.name(m.wire_name),
                m.computed,
                _make_writer(m.slot, settings),
                m.slot if ignore_defaults or not m.emit_default_value else None,
                # NullValueHandling.Ignore: the member's [JsonProperty] over the settings'
                skip_null
                if m.json_null_value_handling is None
                else m.json_null_value_handling == "Ignore",
                m.json_required if m.json_required in ("Always", "DisallowNull") else None,
            )
            for m in info.json_net_members
        ]


def _plan(tp: Any, settings: JsonSettings = DEFAULT_JSON_SETTINGS) -> _WriteTable:
    info = contract_info(tp)
    if settings.is_default:
        return info.built("json_writing", _WriteTable)
    return info.json_variant(("json_writing", settings), lambda i: _WriteTable(i, settings))


class _References:
    """The ``$id`` of the objects (and lists) written so far in one document: id() -> (the
    number as text, the object, kept alive so that its id() is not reused)."""

    __slots__ = ("ids",)

    def __init__(self) -> None:
        self.ids: dict[int, tuple[str, Any]] = {}

    def seen(self, value: Any) -> dict[str, Any] | None:
        """``{"$ref": n}`` for a value written before, else None (then new_id gives its ``$id``)."""
        known = self.ids.get(id(value))
        if known is not None:
            return {"$ref": known[0]}
        return None

    def new_id(self, value: Any) -> str:
        # Json.NET's DefaultReferenceResolver: "1", "2"... in writing order
        ident = str(len(self.ids) + 1)
        self.ids[id(value)] = (ident, value)
        return ident


#: the reference table of the document being written (None: none yet; the generated writers
#: set _FAST, which makes an is_reference object decline to the reference writer)
_REFERENCES: Final[contextvars.ContextVar[_References | None]] = contextvars.ContextVar(
    "netcontract_json_references", default=None
)
_FAST: Final = _References()


@contextmanager
def _references() -> Iterator[_References]:
    """The document's reference table: the one in use, or a new one for this document."""
    table = _REFERENCES.get()
    if table is not None:  # _FAST too: an is_reference object met there declines
        yield table
        return
    table = _References()
    token = _REFERENCES.set(table)
    try:
        yield table
    finally:
        _REFERENCES.reset(token)


def write_contract(plan: _WriteTable, obj: Any, path: str, problems: list[Problem]) -> Any:
    if plan.clash is not None:
        problems.append(Problem(path, plan.clash))
        return FAILED
    if plan.tracks:
        with _references() as table:
            if table is _FAST:
                raise Fallback("is_reference: the reference writer numbers $id")
            ref = table.seen(obj)
            if ref is not None:
                return ref
            result: dict[str, Any] = {"$id": table.new_id(obj)}
            return _write_members(plan, obj, path, problems, result)
    return _write_members(plan, obj, path, problems, {})


def _write_members(
    plan: _WriteTable, obj: Any, path: str, problems: list[Problem], result: dict[str, Any]
) -> Any:
    for attr, wire_name, compute, writer, omit, skip_null, needs_value in plan.write_members:
        value = compute(obj) if compute is not None else getattr(obj, attr)
        if value is None and needs_value is not None:
            # Mono: "Cannot write a null value for property 'D'. Property requires a value."
            problems.append(
                Problem(
                    _paths.join(path, wire_name), f"null, but Required.{needs_value} needs a value"
                )
            )
            continue
        if omit is not None and omitted(omit, value, xml=False):
            continue  # EmitDefaultValue=false (Json.NET: DefaultValueHandling.Ignore)
        if value is None and skip_null:
            continue  # NullValueHandling.Ignore
        result[wire_name] = writer(value, _paths.join(path, wire_name), problems)
    return result


def _untyped_enum_text(kind: type, number: int, settings: JsonSettings) -> str | None:
    """StringEnumConverter's text for an enum in an ``object`` member (None: the number)."""
    try:
        wire = resolve_annotation(kind).wire
    except ContractDefinitionError:  # an IntEnum that is no contract: its Python names
        parts = tuple((int(m), m.name) for m in kind)  # type: ignore[attr-defined]
        return converter_text(number, parts, issubclass(kind, enum.IntFlag), settings)
    if not isinstance(wire, EnumType):
        return None
    return converter_text(number, converter_names(wire), wire.flags, settings)


def write_untyped(
    value: Any,
    path: str,
    problems: list[Problem],
    settings: JsonSettings = DEFAULT_JSON_SETTINGS,
) -> Any:
    """Write the value of an ``object`` member from its Python type."""
    kind = type(value)
    value_type = for_untyped_value(kind)
    if value_type is DATETIME and not settings.is_default:
        return _datetime_writer(settings)(value)
    if value_type is XMLQNAME and not settings.is_default:
        return _qname_json(value, settings)
    if value_type is DOUBLE and settings.float_format_handling != "String":
        # a boxed double is no Nullable<double> (Mono: DefaultValue writes 0.0)
        return _double_writer(settings, nullable=False)(value)
    if value_type is not None:
        # no check: what an object member holds is written as it is (an int past Int64
        # too); a non-finite float stays a float, which dumps_jsonnet writes as Json.NET does
        return value_type.json_value(value)
    if value is None or kind is AnyObject:
        return value
    if isinstance(value, enum.IntEnum | enum.IntFlag):  # (an IntFlag is no IntEnum)
        if settings.string_enum_converter:
            # the names StringEnumConverter writes, as for a member declared with it
            name = _untyped_enum_text(kind, int(value), settings)
            if name is not None:
                return name
        return int(value)
    if kind is Boxed:
        return value.primitive.json_value(value.value)
    if kind is BoxedCollection:  # Json.NET: as a member of its type (no $type)
        wire = collection_of(value.clr_type)
        assert wire is not None
        return writer_for(Slot(wire, optional=False), settings)(value.value, path, problems)
    collection = collection_of(kind)
    if collection is not None:  # Json.NET: as a member of its type (no $type)
        return writer_for(Slot(collection, optional=False), settings)(value, path, problems)
    if kind is dict:
        # a JObject: the contract resolver does not rename its members (Json.NET)
        return {
            str(k): write_untyped(v, _paths.join(path, str(k)), problems, settings)
            for k, v in value.items()
        }
    if kind is list:
        return [
            write_untyped(v, _paths.item(path, i), problems, settings) for i, v in enumerate(value)
        ]
    info_holder = getattr(kind, "__netcontract__", None)
    if info_holder is not None:
        return write_contract(_plan(kind, settings), value, path, problems)
    problems.append(Problem(path, f"cannot write a {kind.__name__} as JSON"))
    return FAILED


# ------------------------------------------------------------------ writing: the fast path
#
# For each contract class a function is generated that turns an instance into the JSON-ready
# tree msgspec encodes in C: a dict literal in Json.NET's member order, strings, ints, bools
# and None as they are, and every number whose text .NET decides (Double, Decimal) as a
# ``msgspec.Raw`` holding that text. msgspec escapes strings as Json.NET does, except for
# U+0085, U+2028 and U+2029, which Json.NET escapes too: such strings are passed as Raw text.
# A uuid.UUID is passed as it is: msgspec writes the lowercase "D" format, as .NET does.


def json_bytes(
    obj: Any, *, indent: bool = False, settings: JsonSettings = DEFAULT_JSON_SETTINGS
) -> tuple[bytes, list[Problem]]:
    """``obj`` as the UTF-8 JSON Json.NET writes, and the problems that prevent it.

    Compact output comes from the generated writer of the object's class. When it meets a
    value it does not handle itself (it raises :class:`~netcontract.codegen.Fallback`), the
    reference path (``write_contract`` then :func:`dumps_jsonnet`) writes the whole document
    again and reports every problem; it also writes the indented layout.
    """
    collection = collection_of(type(obj))
    if type(obj) is BoxedCollection:  # List<T> / Dictionary<K,V> as the document
        collection, obj = collection_of(obj.clr_type), obj.value
    if collection is not None:
        return _collection_bytes(collection, obj, indent or settings.indented, settings)
    plan = _plan(type(obj), settings)
    indent = indent or settings.indented
    if not settings.is_default:
        # the generated writers know Json.NET's default settings only
        fell_back(plan.cls, "non-default JsonSettings: the reference writer writes them")
    elif not indent and generated_paths():
        token = _REFERENCES.set(_FAST)
        try:
            tree = _fast_writer(plan.cls)(obj)
        except Fallback as signal:
            fell_back(plan.cls, signal)
        else:
            try:
                return _encode(tree), []
            except (msgspec.EncodeError, UnicodeEncodeError) as exc:  # a lone surrogate
                fell_back(plan.cls, exc)
        finally:
            _REFERENCES.reset(token)
    problems: list[Problem] = []
    with _references():
        tree = write_contract(plan, obj, "", problems)
    if problems:
        return b"", problems
    return dumps_jsonnet(tree, indent=indent).encode("utf-8"), []


def _collection_bytes(
    wire: ListType | DictType, obj: Any, indent: bool, settings: JsonSettings
) -> tuple[bytes, list[Problem]]:
    """A collection contract as the document: the reference writer (a plain array or object,
    as for a member of its type); the generated writers start at a contract."""
    fell_back(wire.cls, "a collection contract as the document: the reference writer")
    problems: list[Problem] = []
    with _references():
        tree = writer_for(Slot(wire, optional=False), settings)(obj, "", problems)
    if problems:
        return b"", problems
    return dumps_jsonnet(tree, indent=indent).encode("utf-8"), []


_encode: Final = msgspec.json.Encoder().encode
_Raw: Final = msgspec.Raw


def _fast_writer(cls: type) -> Callable[[Any], Any]:
    return contract_info(cls).built("json_writer", _generate_writer)


def _lazy_writer(namespace: dict[str, Any], name: str, cls: type) -> Callable[[Any], Any]:
    def stub(obj: Any) -> Any:
        real = _fast_writer(cls)
        namespace[name] = real
        return real(obj)

    return stub


def _reference_raw(writer: Writer, value: Any) -> Any:
    """A member's JSON text from the reference writer, as Raw; raises Fallback on a problem
    (the reference path then reports it with its path)."""
    problems: list[Problem] = []
    tree = writer(value, "", problems)
    if problems:
        raise Fallback(problems[0].message)
    try:
        return _Raw(dumps_jsonnet(tree))
    except UnicodeEncodeError as exc:  # a lone surrogate in an untyped value
        raise Fallback(str(exc)) from exc


def _special_string(value: str) -> Any:
    """A non-ASCII str: Raw text when it holds a character msgspec would not escape."""
    if "\x85" in value or "\u2028" in value or "\u2029" in value:
        try:
            return _Raw(quote(check_no_lone_surrogate(value)))
        except ValueError as exc:
            raise Fallback(str(exc)) from exc
    return value


def _member_rules(m: Member) -> bool:
    """Whether a member has a Json.NET null rule the generated code does not apply."""
    return m.json_null_value_handling is not None or m.json_required in ("Always", "DisallowNull")


def _generate_writer(info: ContractInfo) -> Callable[[Any], Any]:
    src = Source("json writer", info.cls.__qualname__)
    src.line(0, "def write(obj):")
    if info.is_reference:
        # "$id" and "$ref" depend on what the document held before: the reference writer
        fallback = src.const(Fallback, "Fallback")
        src.line(1, f"raise {fallback}('is_reference: the reference writer numbers $id')")
        return src.compile("write")
    if not info.emits_all:
        # members left out at their default: the reference writer writes such contracts
        fallback = src.const(Fallback, "Fallback")
        src.line(1, f"raise {fallback}('emit_default_value=False: the reference writer writes it')")
        return src.compile("write")
    if any(_member_rules(m) for m in info.json_net_members):
        fallback = src.const(Fallback, "Fallback")
        src.line(
            1,
            f"raise {fallback}('[JsonProperty] Required or NullValueHandling:"
            " the reference writer writes it')",
        )
        return src.compile("write")
    if any(_encode(m.wire_name) != quote(m.wire_name).encode() for m in info.json_net_members):
        # msgspec writes U+0085, U+2028 and U+2029 in a member name as they are, Json.NET
        # escapes them; a dict key cannot be Raw text: this contract is the reference writer's
        fallback = src.const(Fallback, "Fallback")
        src.line(1, f"raise {fallback}('a member name msgspec does not escape as Json.NET')")
        return src.compile("write")
    items: list[str] = []
    for index, m in enumerate(info.json_net_members):
        var = f"v{index}"
        if m.computed is not None:
            src.line(1, f"{var} = {src.const(m.computed, 'computed')}(obj)")
        else:
            src.line(1, f"{var} = obj.{m.attr}")
        _emit_json_value(src, 1, var, m.slot)
        items.append(f"{m.wire_name!r}: {var}")
    src.line(1, "return {" + ", ".join(items) + "}")
    return src.compile("write")


def _emit_json_value(src: Source, lvl: int, var: str, slot: Slot) -> None:
    """Lines turning the value in ``var`` into its JSON-ready form, in place."""
    wire = slot.wire
    nillable = slot.clr_nillable
    test = f"{var} is not None and " if nillable else ""
    reference = (
        f"{var} = {src.const(_reference_raw, 'reference')}"
        f"({src.const(writer_for(slot), 'writer')}, {var})"
    )
    if isinstance(wire, PrimitiveType):
        p = wire.primitive
        snippet = p.json_fast_value(src, var)
        if snippet is None:  # the reference writer
            src.line(lvl, f"if {var} is not None:" if nillable else "if True:")
        else:
            src.line(lvl, f"if {snippet.condition}:")
            body = list(snippet.setup)
            if snippet.expression is not None:
                value = snippet.expression
                if snippet.raw:
                    value = f"{src.const(_Raw, 'Raw')}({value})"
                body.append(f"{var} = {value}")
            if body:
                src.guarded(lvl + 1, body, f"{p.clr_name} refused")
            if snippet.text:
                # msgspec escapes as Json.NET does but for U+0085, U+2028 and U+2029
                src.line(lvl + 1, f"if not {var}.isascii():")
                src.line(lvl + 2, f"{var} = {src.const(_special_string, 'special')}({var})")
            elif not body:
                src.line(lvl + 1, "pass")
            src.line(lvl, f"elif {var} is not None:" if nillable else "else:")
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
