"""Reading JSON into contracts with Json.NET's rules: the reference reader and the generated
dict readers.

The reference reader turns a parsed JSON value (what :func:`~netcontract.json.text.loads_strict`
gives) into a Python value, for each :class:`Slot`; a contract's reader loops over a
precomputed member table. Problems are collected with their paths, not raised one by one.
The generated readers (the second half) read the dict msgspec parsed when it is exactly what
Json.NET writes, and leave anything else to the reference reader.
"""

from __future__ import annotations

import decimal
import itertools
import re
import uuid
from collections.abc import Callable
from typing import Any, Final

from netcontract.clr.datetime import DateTime, parse_datetime, parse_microsoft_date
from netcontract.clr.numbers import NET_TRIM, parse_double_json_number
from netcontract.clr.objects import AnyObject
from netcontract.clr.timespan import TimeSpan
from netcontract.clr.value_types import DATETIME, URI, check_no_lone_surrogate
from netcontract.codegen import Fallback, Source, fell_back
from netcontract.errors import QuotaExceededError
from netcontract.json.dict_keys import key_parser
from netcontract.json.settings import DEFAULT_JSON_SETTINGS, JsonSettings, ensure_datetime
from netcontract.json.string_enums import converter_names
from netcontract.json.text import UNSURE, colons, loads_fast
from netcontract.limits import FAILED, ReadContext
from netcontract.model import paths as _paths
from netcontract.model.construct import allocate, construct, missing_required
from netcontract.model.enums import enum_name_message
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
)

__all__ = ["DECLINED", "FAILED", "read_json", "reader_for"]


Reader = Callable[[Any, str, ReadContext], Any]


def reader_for(slot: Slot, settings: JsonSettings | None = None) -> Reader:
    """The JSON reader of a slot, made anew: the readers of a contract's members are kept on
    its plan (a contract inside is looked up on its first read; one table per non-default
    :class:`JsonSettings`)."""
    return _make_reader(slot, DEFAULT_JSON_SETTINGS if settings is None else settings)


# ----------------------------------------------------------------------------- reading


def _make_reader(slot: Slot, settings: JsonSettings = DEFAULT_JSON_SETTINGS) -> Reader:
    allow_none = slot.clr_nillable
    null_message = slot.null_problem
    wire = slot.wire
    # Json.NET reads "" into a Nullable<T> member (int?, Guid?, DateTime?, enum?) as null, and
    # into a Uri (a member, an item, a dictionary value) too (Mono; test_real_world_interop.py)
    empty_is_null = (slot.optional and wire.is_value_type) or (
        isinstance(wire, PrimitiveType) and wire.primitive.carrier is URI
    )
    inner: Reader
    if isinstance(wire, PrimitiveType):
        parse = wire.primitive.json_parse
        if wire.primitive is DATETIME and not settings.is_default:
            parse = _datetime_parser(settings)
        qualified = wire.primitive.xml_qualified  # XmlQualifiedName: an object of strings

        def inner(value: Any, path: str, ctx: ReadContext) -> Any:
            # every JSON string against max_string_length, whatever it holds (base64, a
            # TimeSpan...), as from_xml checks every element's text (the generated readers
            # check them too, and leave the longer ones here)
            if type(value) is str:
                ctx.check_string(path, value)
            elif qualified and type(value) is dict:
                for text in value.values():
                    if type(text) is str:
                        ctx.check_string(path, text)
            try:
                return parse(value)
            except (ValueError, TypeError) as exc:
                ctx.problem(path, str(exc))
                return FAILED

    elif isinstance(wire, EnumType):
        inner = _enum_reader(wire, settings)
    elif isinstance(wire, ContractType):
        inner = _contract_reader(wire, settings)
    elif isinstance(wire, ListType):
        inner = _as_collection(wire.cls, list, _list_reader(wire, settings))
    elif isinstance(wire, DictType):
        inner = _as_collection(wire.cls, dict, _dict_reader(wire, settings))
    elif isinstance(wire, ObjectType):
        if wire.expected is not None:
            inner = _make_reader(wire.expected, settings)
        elif settings.is_default:
            inner = _untyped_reader
        else:

            def inner(value: Any, path: str, ctx: ReadContext) -> Any:
                return _untyped_reader(value, path, ctx, settings)

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


def _as_collection(cls: type, plain: type, reader: Reader) -> Reader:
    """``reader``, its list or dict made into ``cls`` (a collection contract's class)."""
    if cls is plain:
        return reader

    def read(value: Any, path: str, ctx: ReadContext) -> Any:
        result = reader(value, path, ctx)
        return result if result is FAILED or type(result) is cls else cls(result)

    return read


def _datetime_parser(settings: JsonSettings) -> Callable[[Any], DateTime]:
    """DateTime text as Json.NET reads it with ``settings``: ``MicrosoftDateFormat`` reads
    ``/Date(ms)/`` too, and ``DateTimeZoneHandling`` converts what was read."""
    microsoft = settings.date_format_handling == "MicrosoftDateFormat"

    def parse(value: Any) -> DateTime:
        if microsoft and type(value) is str:
            found = parse_microsoft_date(value)
            if found is not None:
                return ensure_datetime(found, settings)
        return ensure_datetime(DATETIME.json_parse(value), settings)

    return parse


def _enum_reader(wire: EnumType, settings: JsonSettings = DEFAULT_JSON_SETTINGS) -> Reader:
    cls = wire.cls
    by_name = wire.clr_names  # Json.NET reads the C# names (Enum.Parse), never EnumMember's
    by_upper = {ordinal_upper(name): member for name, member in by_name.items()}
    # ... but StringEnumConverter reads EnumMember's names first (in any case)
    converter = _converter_table(wire) if settings.string_enum_converter else None

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
            found = by_name.get(value) if converter is None else None
            if found is None:
                found = (
                    _parse_enum_text(value, by_upper)
                    if converter is None
                    else _parse_converter_text(value, converter, by_upper)
                )
                if type(found) is int:
                    return read(found, path, ctx)
                if type(found) is str:
                    ctx.problem(path, f"{found} is outside the Int32 range of {cls.__name__}")
                    return FAILED
            if found is not None:
                return found
            ctx.problem(path, enum_name_message(value, wire.contract_name, by_name))
            return FAILED
        ctx.problem(path, f"expected a number or a name of {cls.__name__}, got {value!r}")
        return FAILED

    return read


def _converter_table(wire: EnumType) -> dict[str, Any]:
    """StringEnumConverter's name table: each member by its ``EnumMember`` name (its C# name
    without one) in OrdinalIgnoreCase form; the first member of a name wins."""
    table: dict[str, Any] = {}
    for number, name in converter_names(wire):
        table.setdefault(ordinal_upper(name), wire.cls(number))
    return table


def _parse_converter_text(value: str, table: dict[str, Any], by_upper: dict[str, Any]) -> Any:
    """A string as Json.NET 6.0.8's StringEnumConverter reads it (Mono): without a comma, an
    ``EnumMember`` name in any case, untrimmed (``" EUR"`` is refused), else what
    ``Enum.Parse`` reads; with commas, each part trimmed and looked up so, then a C# name
    (numbers are refused in a list, as Enum.Parse refuses them). Returns what
    :func:`_parse_enum_text` returns."""
    if "," not in value:
        found = table.get(ordinal_upper(value))
        return found if found is not None else _parse_enum_text(value, by_upper)
    result = 0
    for part in value.split(","):
        word = ordinal_upper(part.strip(_NET_WHITE_SPACE))
        member = table.get(word)
        if member is None:
            member = by_upper.get(word)
            if member is None:
                return None
        result |= int(member)
    return result


def ordinal_upper(text: str) -> str:
    """``text`` as .NET's OrdinalIgnoreCase compares it (Json.NET's member names, Enum.Parse):
    Python's ``str.upper`` but for the characters it maps across ASCII or to several (dotless
    i and long s to ``I`` and ``S``, sharp s to ``SS``, the fi ligature to ``FI``), which
    .NET keeps (Mono: "\u0131d" is not ``Id``, "IdW\u017f" not ``IdWS``)."""
    if text.isascii():
        return text.upper()
    return "".join(_ordinal_upper_char(c) for c in text)


def _ordinal_upper_char(char: str) -> str:
    upper = char.upper()
    return upper if len(upper) == 1 and upper.isascii() == char.isascii() else char


# what .NET's String.Trim() removes (Char.IsWhiteSpace; Python's str.strip() also removes
# U+001C-U+001F, which .NET keeps)
_NET_WHITE_SPACE: Final = NET_TRIM
_ENUM_NUMBER: Final = re.compile(r"[+-]?0*([0-9]+)")


def _parse_enum_text(value: str, by_upper: dict[str, Any]) -> Any:
    """An enum string as Json.NET reads it (``Enum.Parse(type, value, ignoreCase: true)``),
    trimmed of .NET white space: a name in any case (its member), or a number (``" 5"``,
    ``"+5"``, ``"-0"``) or names separated by commas, their values or-ed (``"A, b"``), as an
    int the caller range-checks (a str, shortened, for more digits than any Int32); None when it is
    neither (Mono refuses ``"--1"``, ``"5,6"``, ``"0x5"``; it reads ``"5\\0"`` as 5, which
    netcontract refuses)."""
    text = value.strip(_NET_WHITE_SPACE)
    if not text:
        return None
    if text[0] in "+-" or text[0].isdigit():
        number = _ENUM_NUMBER.fullmatch(text)
        if number is None:
            return None  # (.NET then looks for names, which never start so)
        if len(number.group(1)) > 10:  # outside Int32 (and int() refuses 4,300 digits)
            return text if len(text) <= 40 else text[:37] + "..."
        return int(text)
    if "," not in text:
        return by_upper.get(ordinal_upper(text))
    result = 0
    for part in text.split(","):
        found = by_upper.get(ordinal_upper(part.strip(_NET_WHITE_SPACE)))
        if found is None:
            return None
        result |= int(found)
    return result  # (an int: the caller makes the member, named or not)


class _ReadTable:
    """A contract's member table for the reference reader (its plan's ``json_reading``, or a
    ``json_variant`` for non-default settings)."""

    __slots__ = (
        "by_name",
        "by_upper",
        "clash",
        "cls",
        "ignored",
        "info",
        "missing_is_error",
        "needs_value",
        "populate",
        "skips_null",
        "tracks",
    )

    def __init__(self, info: ContractInfo, settings: JsonSettings = DEFAULT_JSON_SETTINGS) -> None:
        self.info = info
        self.cls = info.cls
        #: "$id" first and {"$ref": ...} are read (IsReference, PreserveReferencesHandling)
        self.tracks = info.is_reference or settings.preserves_objects
        self.by_name: dict[str, tuple[str, str, Reader | None]] = {}
        skip_null = settings.null_value_handling == "Ignore"
        #: NullValueHandling.Ignore, by attribute: the member's [JsonProperty] over the settings'
        self.skips_null: frozenset[str] = frozenset(
            m.attr
            for m in info.json_net_members
            if (
                skip_null
                if m.json_null_value_handling is None
                else m.json_null_value_handling == "Ignore"
            )
        )
        #: Required.Always and DisallowNull: a null is refused
        self.needs_value: dict[str, str] = {
            m.attr: m.json_required
            for m in info.json_net_members
            if m.json_required in ("Always", "DisallowNull")
        }
        for m in info.json_net_members:
            reader = None if m.computed is not None else _make_reader(m.slot, settings)
            name = settings.name(m.wire_name)
            self.by_name[name] = (m.attr, name, reader)
        #: [JsonIgnore] members: Json.NET skips them, even with MissingMemberHandling.Error
        self.ignored: frozenset[str] = frozenset(
            ordinal_upper(settings.name(m.wire_name))
            for m in info.json_members
            if m.attr not in {j.attr for j in info.json_net_members}
        )
        self.by_upper = {ordinal_upper(name): entry for name, entry in self.by_name.items()}
        self.clash = settings.name_clash(info.name, [m.wire_name for m in info.json_net_members])
        #: MissingMemberHandling.Error
        self.missing_is_error = settings.missing_member_handling == "Error"
        #: DefaultValueHandling.Populate: a DataMember missing from the document gets
        #: default(T), as Json.NET sets it
        self.populate: tuple[tuple[str, Any], ...] = (
            tuple(
                (m.attr, clr_default(m.slot))
                for m in info.json_net_members
                if m.in_xml and m.computed is None
            )
            if settings.populates
            else ()
        )


def _plan(tp: Any, settings: JsonSettings = DEFAULT_JSON_SETTINGS) -> _ReadTable:
    info = contract_info(tp)
    if settings.is_default:
        return info.built("json_reading", _ReadTable)
    return info.json_variant(("json_reading", settings), lambda i: _ReadTable(i, settings))


def clr_default(slot: Slot) -> Any:
    """``default(T)`` of a slot's CLR type: null for references and ``Nullable<T>``."""
    wire = slot.wire
    if slot.clr_nillable:
        return None
    if isinstance(wire, EnumType):
        return wire.cls(0)
    if isinstance(wire, PrimitiveType):
        return _CLR_DEFAULTS.get(wire.primitive.clr_name)
    return None  # pragma: no cover - the value types are the above


_CLR_DEFAULTS: Final[dict[str, Any]] = {
    "Boolean": False,
    "Double": 0.0,
    "Decimal": decimal.Decimal(0),
    "Guid": uuid.UUID(int=0),
    "DateTime": DateTime(0),
    "Char": "\x00",
    "TimeSpan": TimeSpan(0),
    **dict.fromkeys(("SByte", "Byte", "Int16", "UInt16", "Int32", "UInt32"), 0),
    **dict.fromkeys(("Int64", "UInt64"), 0),
}


def _contract_reader(wire: ContractType, settings: JsonSettings) -> Reader:
    tp: Any = wire.cls[wire.type_args] if wire.type_args else wire.cls  # type: ignore[index]
    plan_holder: list[_ReadTable] = []

    def read(value: Any, path: str, ctx: ReadContext) -> Any:
        if not plan_holder:
            plan_holder.append(_plan(tp, settings))
        return read_contract(plan_holder[0], value, path, ctx)

    return read


def read_contract(plan: _ReadTable, value: Any, path: str, ctx: ReadContext) -> Any:
    if type(value) is not dict:
        ctx.problem(path, f"expected an object ({plan.info.name}), got {_json_kind(value)}")
        return FAILED
    if plan.clash is not None:
        ctx.problem(path, plan.clash)
        return FAILED
    members = iter(value.items())
    into = None
    if plan.tracks and value:
        first = next(iter(value))
        if first == "$ref":
            return json_referenced(value, plan.cls, path, ctx)
        if first == "$id":
            into = _register(value["$id"], plan.cls, path, ctx)
            if into is FAILED:
                return FAILED
            next(members)
    ctx.enter(path, 0)
    kwargs: dict[str, Any] = {}
    seen: set[str] = set()
    skipped: list[str] = []
    failed = False
    unknown = 0
    by_name = plan.by_name
    for key, item in members:
        entry = by_name.get(key)
        if entry is None:
            entry = plan.by_upper.get(ordinal_upper(key))
            if entry is None:
                if key.startswith("$"):
                    ctx.problem(
                        _paths.join(path, _shown(key)),
                        "metadata members ($type, $ref, $id) are not supported",
                    )
                    failed = True
                elif plan.missing_is_error and ordinal_upper(key) not in plan.ignored:
                    ctx.problem(
                        _paths.join(path, _shown(key)),
                        f"{plan.info.name} has no member of this name"
                        " (MissingMemberHandling.Error)",
                    )
                    failed = True
                # unknown members are ignored, as Json.NET does, but not their size
                unknown += 1
                if unknown > ctx.limits.max_collection_items:
                    limit = ctx.limits.max_collection_items
                    ctx.exceeded(path, "max_collection_items", limit, "unknown members")
                _count_ignored(key, item, path, ctx, unknown=True)
                if not _free_of_lone_surrogates(key, item, path, ctx):
                    failed = True
                continue
        attr, wire_name, reader = entry
        if attr in seen:
            ctx.problem(_paths.join(path, wire_name), f"member given twice (as {key!r})")
            failed = True
            continue
        seen.add(attr)
        if reader is None:  # computed member: always derived, input ignored (not its size)
            _count_ignored(key, item, path, ctx, unknown=False)
            if not _free_of_lone_surrogates(key, item, path, ctx):
                failed = True
            continue
        if item is None and attr in plan.needs_value:
            # Mono: "Required property 'D' expects a value but got null"
            required = plan.needs_value[attr]
            ctx.problem(
                _paths.join(path, wire_name), f"null, but Required.{required} needs a value"
            )
            failed = True
            continue
        if item is None and attr in plan.skips_null:
            skipped.append(attr)  # NullValueHandling.Ignore: not read, but present (Mono)
            continue
        result = reader(item, _paths.join(path, wire_name), ctx)
        if result is FAILED:
            failed = True
        else:
            kwargs[attr] = result
    ctx.leave()
    present = kwargs if not skipped else {**dict.fromkeys(skipped), **kwargs}
    if missing_required(plan.info.json_net_members, present, path, ctx):
        failed = True
    for attr, default in plan.populate:
        if attr not in seen:
            kwargs[attr] = default
    if failed:
        return FAILED
    return construct(plan.info, kwargs, path, ctx, None, into)


def _register(ident: Any, cls: type, path: str, ctx: ReadContext) -> Any:
    """The object (made, not initialized) that ``"$id": ident`` names from now on."""
    if type(ident) is not str:
        # Json.NET 6.0.8 ignores a null or number: a later $ref to it would be lost
        ctx.problem(_paths.join(path, "$id"), f"expected a string, got {_json_kind(ident)}")
        return FAILED
    if ident in ctx.refs:
        # Mono (Json.NET): "Error reading object reference '1'"
        ctx.problem(_paths.join(path, "$id"), f"{ident!r} is given to two objects")
        return FAILED
    obj = ctx.refs[ident] = (
        []
        if cls is list
        else {}
        if cls is dict
        else cls()
        if issubclass(cls, list)
        else allocate(cls)
    )
    return obj


def json_referenced(value: dict[str, Any], expected: type, path: str, ctx: ReadContext) -> Any:
    """The object ``{"$ref": ident}`` names: one read before it with that ``$id``."""
    ref = value["$ref"]
    if len(value) != 1:
        # Mono (Json.NET): "Additional content found in JSON reference object"
        ctx.problem(path, "a $ref object must have no other member")
        return FAILED
    if type(ref) is not str:
        # Mono (Json.NET): "JSON reference $ref property must have a string or null value"
        ctx.problem(_paths.join(path, "$ref"), f"expected a string, got {_json_kind(ref)}")
        return FAILED
    found = ctx.refs.get(ref)
    if found is None:
        # Json.NET 6.0.8 reads an unknown or later $id as null: a value lost silently
        ctx.problem(path, f"$ref {ref!r} names no object read before it")
        return FAILED
    if found is _UNTYPED_ID:
        # Json.NET 6.0.8 keeps no reference to an object it read as a JObject: null (Mono)
        ctx.problem(
            path,
            f"$ref {ref!r} names an object read into an object member, which Json.NET keeps"
            " no reference to (it reads the reference as null)",
        )
        return FAILED
    if not isinstance(found, expected):
        shown = "list" if expected is list else expected.__name__
        ctx.problem(path, f"$ref {ref!r} names a {type(found).__name__}, not a {shown}")
        return FAILED
    return found


_LONE_SURROGATE: Final = re.compile("[\ud800-\udfff]")


def _shown(name: str) -> str:
    """A member name for a path, with what is not printable escaped: a lone surrogate (a
    message must be text any encoder can write), a line break or a terminal escape (the CLI
    prints one problem per line)."""
    if name.isprintable():
        return name
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in name)


def _free_of_lone_surrogates(key: str, value: Any, path: str, ctx: ReadContext) -> bool:
    """Whether an ignored member (its name, and any string in its value) holds no lone
    surrogate: ignored or not, no encoder could write one, so the document is refused
    (recorded at the member's path)."""
    pending = [key, value]
    while pending:
        item = pending.pop()
        kind = type(item)
        if kind is str:
            if not item.isascii() and _LONE_SURROGATE.search(item):
                ctx.problem(
                    _paths.join(path, _shown(key)),
                    "the ignored member holds a lone surrogate (an unpaired \\uD800-\\uDFFF "
                    "escape) in its name or value",
                )
                return False
        elif kind is dict:
            pending.extend(item)
            pending.extend(item.values())
        elif kind is list:
            pending.extend(item)
    return True


def _list_reader(wire: ListType, settings: JsonSettings) -> Reader:
    item_reader = _make_reader(wire.item, settings)
    arrays = settings.preserves_arrays
    made = wire.cls

    def read(value: Any, path: str, ctx: ReadContext) -> Any:
        result: list[Any] = []
        if arrays and type(value) is dict and value:
            # PreserveReferencesHandling.Arrays: {"$id":"2","$values":[...]} or {"$ref":"2"}
            keys = list(value)
            if keys[0] == "$ref":
                return json_referenced(value, made, path, ctx)
            if keys != ["$id", "$values"]:
                ctx.problem(path, "expected an array, or an object of $id and $values")
                return FAILED
            # (a collection contract's own class: the object its $ref names)
            result = _register(value["$id"], made, path, ctx)
            if result is FAILED:
                return FAILED
            value = value["$values"]
        if type(value) is not list:
            ctx.problem(path, f"expected an array, got {_json_kind(value)}")
            return FAILED
        ctx.enter(path, len(value))
        failed = False
        for index, item in enumerate(value):
            converted = item_reader(item, _paths.item(path, index), ctx)
            if converted is FAILED:
                failed = True
            result.append(converted)
        ctx.leave()
        return FAILED if failed else result

    return read


def _dict_reader(wire: DictType, settings: JsonSettings) -> Reader:
    """``Dictionary<K,V>`` from a JSON object (json/dict_keys.py reads the keys). Two names
    that are one key (``"3"`` and ``"03"``, ``"Blue"`` and ``"blue"``) are refused where
    Json.NET keeps the last value (Mono): never silently lossy."""
    parse_key = key_parser(wire.key, settings)
    value_reader = _make_reader(wire.value, settings)
    objects = settings.preserves_objects

    def read(value: Any, path: str, ctx: ReadContext) -> Any:
        if type(value) is not dict:
            ctx.problem(path, f"expected an object, got {_json_kind(value)}")
            return FAILED
        result: dict[Any, Any] = {}
        if value:
            # Json.NET reads these first members of a dictionary as metadata, not as keys
            # (Mono; later ones are keys): a reference with PreserveReferencesHandling
            # Objects or All, else refused, as in a contract
            first = next(iter(value))
            if objects and first == "$ref":
                return json_referenced(value, dict, path, ctx)
            if objects and first == "$id":
                result = _register(value["$id"], dict, path, ctx)
                if result is FAILED:
                    return FAILED
                value = dict(itertools.islice(value.items(), 1, None))
                first = next(iter(value), "")
            if first in _METADATA:
                ctx.problem(
                    _paths.key(path, first),
                    "metadata members ($type, $ref, $id, $values) are refused",
                )
                return FAILED
        ctx.enter(path, len(value))
        failed = False
        for name, item in value.items():
            ctx.check_string(path, name)
            try:
                key = parse_key(name)
            except (ValueError, TypeError) as exc:
                ctx.problem(_paths.key(path, name), str(exc))
                failed = True
                continue
            item_path = _paths.key(path, key)
            if key in result:
                ctx.problem(
                    item_path,
                    f"the name {name!r} is a key given before (Json.NET would keep the last"
                    " value only)",
                )
                failed = True
                continue
            converted = value_reader(item, item_path, ctx)
            if converted is FAILED:
                failed = True
            result[key] = converted
        ctx.leave()
        for problem in key_problems(wire, result, path):
            ctx.problem(problem.path, problem.message)
            failed = True
        return FAILED if failed else result

    return read


def _count_ignored(key: str, value: Any, path: str, ctx: ReadContext, *, unknown: bool) -> None:
    """Account an ignored member (unknown or computed) of the object at ``path`` in the
    quotas, as a member of an untyped ``object`` would be: its name and strings against
    ``max_string_length``, its objects, arrays and items against the item quotas and
    ``max_depth``, and an unknown member as one item (a computed member is one of the
    contract's, which are not counted). Ignoring them freely let 28 MiB of ``[]``
    through, at 800 MB."""
    ctx.check_string(path, key)  # the member's path would hold the whole name
    if unknown:
        ctx.items += 1
        if ctx.items > ctx.limits.max_total_items:
            ctx.exceeded(path, "max_total_items", ctx.limits.max_total_items, "items")
    kind = type(value)
    if kind is str:
        ctx.check_string(_paths.join(path, key), value)
    elif kind is dict or kind is list:
        _count_value(value, _paths.join(path, key), ctx)


def _count_value(value: Any, path: str, ctx: ReadContext) -> None:
    kind = type(value)
    if kind is str:
        ctx.check_string(path, value)
    elif kind is dict:
        ctx.enter(path, len(value))
        for key, item in value.items():
            ctx.check_string(path, key)
            if type(item) in (str, dict, list):
                _count_value(item, _paths.join(path, key), ctx)
        ctx.leave()
    elif kind is list:
        ctx.enter(path, len(value))
        for index, item in enumerate(value):
            if type(item) in (str, dict, list):
                _count_value(item, _paths.item(path, index), ctx)
        ctx.leave()


#: the member names Json.NET reads as metadata in an ``object`` member (Mono: it makes
#: {"$type": "X", "a": 1} the JObject {"a": 1}, resolves "$ref", unwraps "$values")
_METADATA: Final = frozenset({"$type", "$ref", "$id", "$values"})


#: what ``ctx.refs`` holds for an ``$id`` read in an ``object`` member: Json.NET reads the
#: object as a JObject and keeps no reference to it (a ``$ref`` to it reads as null)
_UNTYPED_ID: Final = object()


def _untyped_metadata(
    value: dict[str, Any], path: str, ctx: ReadContext, settings: JsonSettings
) -> Any:
    """The leading metadata of an object in an ``object`` member, as Json.NET reads it when
    ``preserve_references_handling`` writes it there (Mono): ``{"$ref": id}`` is the object
    read before with that id (as Json.NET gives it), ``"$id"`` first is dropped (Json.NET's
    JObject keeps no id, so a later ``$ref`` to it, which Json.NET reads as null, is refused),
    and ``{"$id": id, "$values": [...]}`` (``Arrays``) is the list. Anything else is left to
    the caller (the dictionary, or the refusal of a metadata member)."""
    first = next(iter(value))
    if first == "$ref":
        return json_referenced(value, object, path, ctx)
    if first != "$id":
        return value
    rest = dict(itertools.islice(value.items(), 1, None))
    if settings.preserves_arrays and list(rest) == ["$values"]:
        if type(rest["$values"]) is not list:
            ctx.problem(_paths.join(path, "$values"), "expected an array")
            return FAILED
        if not _register_untyped(value["$id"], path, ctx):  # (a JArray keeps no id either)
            return FAILED
        return _untyped_reader(rest["$values"], path, ctx, settings)
    if not settings.preserves_objects:
        return value
    return rest if _register_untyped(value["$id"], path, ctx) else FAILED


def _register_untyped(ident: Any, path: str, ctx: ReadContext) -> bool:
    """Take the ``$id`` of an object in an ``object`` member (False: refused)."""
    if type(ident) is not str:
        ctx.problem(_paths.join(path, "$id"), f"expected a string, got {_json_kind(ident)}")
        return False
    if ident in ctx.refs:
        ctx.problem(_paths.join(path, "$id"), f"{ident!r} is given to two objects")
        return False
    ctx.refs[ident] = _UNTYPED_ID
    return True


def _untyped_reader(
    value: Any, path: str, ctx: ReadContext, settings: JsonSettings = DEFAULT_JSON_SETTINGS
) -> Any:
    """An ``object`` member read without a type: JSON values as Json.NET holds them."""
    kind = type(value)
    if kind is str:
        ctx.check_string(path, value)
        try:
            check_no_lone_surrogate(value)
        except ValueError as exc:
            ctx.problem(path, str(exc))
            return FAILED
        if not settings.is_default:
            return _jsonnet_date_with(value, settings)
        try:
            return _jsonnet_date_or_str(value)
        except ValueError as exc:  # a "\/Date(ms)\/" Json.NET reads and netcontract refuses
            ctx.problem(path, str(exc))
            return FAILED
    if kind is dict:
        if value and (settings.preserves_objects or settings.preserves_arrays):
            value = _untyped_metadata(value, path, ctx, settings)
            if type(value) is not dict:
                return value  # a $ref resolved, a $values list read, or FAILED
        if not value:
            ctx.enter(path, 0)  # an object, counted as every other (items_over counts it)
            ctx.leave()
            return AnyObject()
        if len(value) == 1 and type(ref := value.get("$ref")) is str and ref in ctx.refs:
            # an is_reference object met before, as Json.NET writes it again in an object
            # member ({"O":{"$ref":"1"}}) and reads it back (Mono: the object itself); any
            # other $ref is refused below, as metadata (Json.NET 6.0.8 reads one to nothing
            # read before as null)
            return ctx.refs[ref]
        ctx.enter(path, len(value))
        result = {}
        failed = False
        for key, item in value.items():
            item_path = _paths.join(path, _shown(key))
            if key in _METADATA:
                # Json.NET reads these as metadata (a type to make, a reference): refused
                ctx.problem(item_path, "metadata members ($type, $ref, $id, $values) are refused")
                failed = True
                continue
            converted = _untyped_reader(item, item_path, ctx, settings)
            # member names are strings too: a lone surrogate there is as unwritable
            if converted is FAILED or _untyped_reader(key, item_path, ctx) is FAILED:
                failed = True
            result[key] = converted
        ctx.leave()
        return FAILED if failed else result
    if kind is list:
        ctx.enter(path, len(value))
        items = [
            _untyped_reader(item, _paths.item(path, i), ctx, settings)
            for i, item in enumerate(value)
        ]
        ctx.leave()
        return FAILED if any(item is FAILED for item in items) else items
    if kind is decimal.Decimal:
        # Json.NET reads a number with a fraction or an exponent into an object member as a
        # Double, with .NET's Double.Parse: Python's correctly rounded float() differs in the
        # last digit for some ("3.33733580275075E-187"), which then writes back differently
        try:
            return parse_double_json_number(str(value))
        except ValueError as exc:
            ctx.problem(path, str(exc))
            return FAILED
    return value


_COMPACT_OFFSET: Final = re.compile(r"([+-])([0-9]{2})([0-9]{2})?\Z")


def _jsonnet_date_or_str(text: str) -> Any:
    """Json.NET (DateParseHandling.DateTime) reads an ISO date string in an ``object`` member
    as a DateTime: 19 to 40 characters, a digit first and ``T`` at index 10; and a Microsoft
    date (``"/Date(ms)/"`` once decoded), whose refusal (out of range, an offset netcontract
    does not keep) raises ValueError."""
    if text[:6] == "/Date(":
        value = parse_microsoft_date(text)
        return text if value is None else value
    if 19 <= len(text) <= 40 and text[0].isdigit() and text[10] == "T":
        try:
            return parse_datetime(text)
        except ValueError:
            pass
        # Json.NET's ISO parser also takes an offset without its colon (+hhmm) or minutes (+hh):
        # read as the same offset written with them (netcontract keeps offsets: README, lossy)
        compact = _COMPACT_OFFSET.search(text, 19)
        if compact is not None:
            sign, hours, minutes = compact.groups()
            try:
                return parse_datetime(f"{text[: compact.start()]}{sign}{hours}:{minutes or '00'}")
            except ValueError:
                return text
    return text


def _jsonnet_date_with(text: str, settings: JsonSettings) -> Any:
    """:func:`_jsonnet_date_or_str` with ``settings``: ``/Date(ms)/`` too with
    ``MicrosoftDateFormat``, and the date converted by ``DateTimeZoneHandling``."""
    if settings.date_format_handling == "MicrosoftDateFormat" and text.startswith("/Date("):
        try:
            found = parse_microsoft_date(text)
        except ValueError:
            return text
        if found is not None:
            return ensure_datetime(found, settings)
    value = _jsonnet_date_or_str(text)
    if type(value) is DateTime:
        return ensure_datetime(value, settings)
    return value


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


def read_json(data: bytes, tp: Any, ctx: ReadContext) -> Any:
    """The contract read from JSON bytes by the fast path, or :data:`DECLINED`."""
    parsed = loads_fast(data)
    if parsed is UNSURE:
        return declined(tp, "loads_fast is unsure of the document")
    if type(parsed[0]) is not dict:
        return declined(tp, "the document is not an object")
    tree, document_colons = parsed
    counted = [0]  # members and colons in strings, counted by the readers
    try:
        result = _fast_reader(tp)(tree, ctx, counted)
    except (Fallback, QuotaExceededError) as signal:
        return declined(tp, signal)
    if counted[0] != document_colons:
        # a member name given twice: loads_strict says which
        return declined(tp, "colons and members differ")
    if ctx.problems:  # pragma: no cover - the fast path gives up before recording any
        return declined(tp, ctx.problems[0])
    return result


def declined(tp: Any, reason: object) -> Any:
    """:data:`DECLINED`, after telling :func:`~netcontract.codegen.fell_back` why."""
    fell_back(tp, reason)
    return DECLINED


def _fast_reader(tp: Any) -> Callable[[Any, ReadContext, list[int]], Any]:
    return contract_info(tp).built("json_reader", _generate_reader)


def _lazy_reader(namespace: dict[str, Any], name: str, tp: Any) -> Callable[..., Any]:
    def stub(value: Any, ctx: ReadContext, counted: list[int]) -> Any:
        real = _fast_reader(tp)
        namespace[name] = real
        return real(value, ctx, counted)

    return stub


def _reference_value(reader: Reader, value: Any, ctx: ReadContext, counted: list[int]) -> Any:
    """A value read by the reference reader; raises Fallback if it found a problem (the
    reference path then reports it with its path)."""
    counted[0] += colons(value)
    result = reader(value, "", ctx)
    if result is FAILED:
        raise Fallback(ctx.problems[-1].message if ctx.problems else "a value refused")
    return result


def _contract_tp(wire: ContractType) -> Any:
    return wire.cls[wire.type_args] if wire.type_args else wire.cls  # type: ignore[index]


def member_rules(m: Member) -> bool:
    """Whether a member has a Json.NET null rule the generated readers do not apply."""
    return m.json_null_value_handling is not None or m.json_required in ("Always", "DisallowNull")


def _generate_reader(info: ContractInfo) -> Callable[[Any, ReadContext, list[int]], Any]:
    src = Source("json reader", repr(info.tp))
    fallback = src.const(Fallback, "Fallback")
    src.line(0, "def read(d, ctx, counted):")
    if info.is_reference:
        src.line(
            1, f"raise {fallback}('is_reference: $id and $ref are read by the reference reader')"
        )
        return src.compile("read")
    if any(member_rules(m) for m in info.json_net_members):
        src.line(1, f"raise {fallback}('[JsonProperty] Required or NullValueHandling')")
        return src.compile("read")
    src.line(1, "if type(d) is not dict:")
    src.line(2, f"raise {fallback}('not an object')")
    keys = tuple(m.wire_name for m in info.json_net_members)
    src.line(1, f"if tuple(d) != {src.const(keys, 'keys')}:")
    src.line(2, f"raise {fallback}('members other than Json.NET writes, or in another order')")
    # ctx.enter('', 0) inlined: the quotas are checked against the same counters, and a
    # quota passed only declines the document (the reference reader then raises the error)
    src.line(1, "limits = ctx.limits")
    src.line(1, "ctx.depth = depth = ctx.depth + 1")
    src.line(1, "ctx.items += 1")
    src.line(1, "if depth > limits.max_depth or ctx.items > limits.max_total_items:")
    src.line(2, f"raise {fallback}('a quota')")
    src.line(1, "maxlen = limits.max_string_length")
    names = [f"v{index}" for index in range(len(keys))]
    if len(names) == 1:
        src.line(1, f"{names[0]}, = d.values()")
    elif names:
        src.line(1, f"{', '.join(names)} = d.values()")
    # one colon per member, and those in member names and string values (see loads_fast)
    src.line(1, f"k = {len(keys) + sum(key.count(':') for key in keys)}")
    arguments: list[tuple[str, str]] = []
    for var, m in zip(names, info.json_net_members, strict=True):
        if m.computed is not None:  # always derived, input ignored (but counted)
            src.line(1, f"k += {src.const(colons, 'colons')}({var})")
            # its objects and arrays count in the quotas: the reference reader counts them
            src.line(
                1,
                f"if type({var}) is dict or type({var}) is list:"
                f" raise {fallback}('a computed member holding an object or array')",
            )
            continue
        _emit_json_read(src, 1, var, m.slot)
        arguments.append((m.attr, var))
    src.line(1, "counted[0] += k")
    src.line(1, "ctx.depth = depth - 1")  # ctx.leave()
    src.construct(1, info.cls, arguments)
    return src.compile("read")


def emit_text_count(src: Source, lvl: int, var: str) -> None:
    """Lines checking a JSON string in ``var`` against ``maxlen`` and counting its colons in
    ``k`` (see :func:`~netcontract.json.text.loads_fast`)."""
    src.line(
        lvl, f"if len({var}) > maxlen: raise {src.const(Fallback, 'Fallback')}('max_string_length')"
    )
    # most strings have no colon: `in` costs less than a call of str.count
    src.line(lvl, f"if ':' in {var}: k += {var}.count(':')")


def _emit_json_read(src: Source, lvl: int, var: str, slot: Slot) -> None:
    """Lines checking and converting the JSON value in ``var``, in place."""
    wire = slot.wire
    nillable = slot.clr_nillable
    none = f"{var} is None" if nillable else "False"
    reference = (
        f"{var} = {src.const(_reference_value, 'reference')}"
        f"({src.const(reader_for(slot), 'reader')}, {var}, ctx, counted)"
    )
    if isinstance(wire, PrimitiveType):
        p = wire.primitive
        snippet = p.json_fast_read(src, var)
        if snippet is None:  # the reference reader
            src.line(lvl, f"if not ({none}):")
        else:
            src.line(lvl, f"if {snippet.condition}:")
            if snippet.text:
                emit_text_count(src, lvl + 1, var)
            if snippet.expression is not None:
                src.guarded(
                    lvl + 1,
                    [*snippet.setup, f"{var} = {snippet.expression}"],
                    f"{p.clr_name} refused",
                )
            elif not snippet.text:
                src.line(lvl + 1, "pass")
            src.line(lvl, f"elif not ({none}):")
        src.line(lvl + 1, reference)
    elif isinstance(wire, EnumType):
        table = {int(member): member for member in wire.clr_names.values()}
        member = src.name("member")
        src.line(
            lvl,
            f"if type({var}) is int and ({member} := {src.const(table, 'enum')}.get({var}))"
            " is not None:",
        )
        src.line(lvl + 1, f"{var} = {member}")
        if wire.flags:  # a combination of flags is a value like any other
            src.line(lvl, f"elif type({var}) is int and -2147483648 <= {var} < 2147483648:")
            src.line(lvl + 1, f"{var} = {src.const(wire.cls, 'flags')}({var})")
        src.line(lvl, f"elif not ({none}):")
        src.line(lvl + 1, reference)
    elif isinstance(wire, ContractType):
        name = src.name("r_" + wire.cls.__name__)
        src.globals[name] = _lazy_reader(src.globals, name, _contract_tp(wire))
        src.line(lvl, f"if type({var}) is dict:")
        src.line(lvl + 1, f"{var} = {name}({var}, ctx, counted)")
        src.line(lvl, f"elif not ({none}):")
        src.line(lvl + 1, reference)
    elif isinstance(wire, ListType) and wire.cls is list:  # (a collection contract: below)
        src.line(lvl, f"if type({var}) is list:")
        # ctx.enter('', len(...)) inlined, as for the object (depth + 1 is the list's level)
        src.line(lvl + 1, "ctx.depth = depth + 1")
        src.line(lvl + 1, f"ctx.items += len({var}) + 1")
        src.line(
            lvl + 1,
            f"if depth >= limits.max_depth or len({var}) > limits.max_collection_items"
            " or ctx.items > limits.max_total_items:",
        )
        src.line(lvl + 2, f"raise {src.const(Fallback, 'Fallback')}('a quota')")
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
    else:  # object members, collection contracts: the reference reader
        src.line(lvl, f"if not ({none}):")
        src.line(lvl + 1, reference)
