"""Writing contracts as WCF's DataContractJsonSerializer writes them (``to_wcf_json``).

The reference writer only (no generated path yet). It takes its member tables from the one
plan (``ContractInfo.xml_members``: DataContract order, base class first) and each value's
form from the value-type registry, through :func:`wcf_value`. The .NET facts (Mono 6.8,
``System.Runtime.Serialization.Json``) are in docs/wcf-json-rules.md:

- members in DataContract order (not Json.NET's), DataContract names, nulls written,
  ``EmitDefaultValue=false`` as DataContractSerializer applies it (``model/defaults.py``);
- a ``"__type":"Name:#Namespace"`` hint, first, where the runtime contract is not the
  declared one (a derived class, any contract in an ``object`` member); none on the root;
- DateTime as ``"\\/Date(ms)\\/"`` (Utc) or ``"\\/Date(ms+hhmm)\\/"`` (Local, Unspecified);
  Double, Decimal, integers and Boolean as the XML text, bare (``INF``, ``NaN``); Guid,
  TimeSpan (xs:duration) and Char as strings; ``byte[]`` as an array of numbers; Single
  as its XML text (R: 7 digits, else 9), bare; DateTimeOffset as the object
  ``{"DateTime":"\\/Date(utc ms)\\/","OffsetMinutes":n}``; enums as numbers (flags,
  unnamed values and members without ``[EnumMember]`` too); a user's own type as its
  carrier;
- strings escaped as its JsonWriter escapes them: ``/`` as ``\\/``, controls, surrogates,
  U+FFFE, U+FFFF, U+0085, U+2028, U+2029 as ``\\uXXXX`` (lowercase hex).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable
from typing import Any, Final

from netcontract.clr import value_types as _vt
from netcontract.clr.datetime import DateTime, DateTimeKind
from netcontract.clr.datetimeoffset import DateTimeOffset
from netcontract.clr.objects import AnyObject, Boxed, BoxedCollection
from netcontract.clr.own_types import OwnValueType
from netcontract.clr.value_types import ValueType, for_untyped_value
from netcontract.errors import Problem
from netcontract.limits import FAILED
from netcontract.model import paths as _paths
from netcontract.model.contract import is_contract
from netcontract.model.defaults import omitted
from netcontract.model.extension import (
    EXTENSION_ATTR,
    ExtensionData,
    ExtensionMember,
    ExtensionNode,
)
from netcontract.model.keys import key_problems
from netcontract.model.known import (
    EMPTY,
    carries_offset,
    initial_scope,
    is_known,
    is_known_collection,
    is_known_offset,
    not_expected_message,
    with_own,
)
from netcontract.model.known import Scope as KnownScope
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

__all__ = [
    "UNPARSABLE_KEYS",
    "Token",
    "key_path",
    "simple_key_problem",
    "string_keyed",
    "type_hint",
    "unparsable_keys",
    "value_type_hint",
    "wcf_date",
    "wcf_json_bytes",
    "wcf_value",
]

#: the XML namespace .NET gives a contract by default; a ``__type`` hint abbreviates it to "#"
DATACONTRACT_BASE: Final = _vt.DATACONTRACT_BASE
_EPOCH_TICKS: Final = 621_355_968_000_000_000
_TICKS_PER_MS: Final = 10_000
_MAX_TICKS: Final = 3_155_378_975_999_999_999


class Token(str):
    """JSON text written as it is (a number, ``true``, ``NaN``): not a string to quote."""

    __slots__ = ()


_TRUE: Final = Token("true")
_FALSE: Final = Token("false")


class Lossy(ValueError):  # noqa: N818 - a ValueError whose message says what would be lost
    """DataContractJsonSerializer would write the value losing part of it."""


def wcf_date(value: DateTime, *, lossy: bool = False) -> str:
    """The text DataContractJsonSerializer writes for a DateTime (before escaping ``/``).

    Utc: ``/Date(ms)/``. Local: ``/Date(ms+hhmm)/``, ``ms`` the UTC instant and ``hhmm`` the
    value's own offset (.NET writes its machine's: the value is written as a machine in that
    zone writes it). Unspecified: .NET converts it with its machine's zone too; netcontract
    writes it as a machine in UTC does (``+0000``). ``ms`` is truncated toward zero, as .NET
    divides ticks by 10,000. Raises :class:`Lossy` for sub-millisecond ticks or an
    Unspecified kind unless ``lossy``, and ``ValueError`` where .NET refuses (a Local value
    whose UTC instant is outside the DateTime range).
    """
    kind = value.kind
    ticks = value.ticks
    if kind is DateTimeKind.UTC:
        suffix = ""
        utc = ticks
    else:
        offset = value.offset_minutes or 0
        if kind is DateTimeKind.UNSPECIFIED and not lossy:
            raise Lossy(
                "DataContractJsonSerializer writes an Unspecified DateTime in its machine's "
                "zone (netcontract: +0000) and reads it back as Local; pass lossy=True to "
                "write it so, or give the value a kind"
            )
        utc = ticks - offset * 60 * 10_000_000
        sign = "-" if offset < 0 else "+"
        hours, minutes = divmod(abs(offset), 60)
        suffix = f"{sign}{hours:02d}{minutes:02d}"
        if not 0 <= utc <= _MAX_TICKS:
            # .NET: "JSON DateTime is out of range" (SerializationException)
            raise ValueError(f"{value} is outside the DateTime range in UTC, which .NET refuses")
    since = utc - _EPOCH_TICKS
    ms = abs(since) // _TICKS_PER_MS
    if abs(since) % _TICKS_PER_MS and not lossy:
        raise Lossy(
            f"DataContractJsonSerializer writes milliseconds: {value} would lose its "
            "sub-millisecond ticks; pass lossy=True to write them truncated, as .NET does"
        )
    return f"/Date({-ms if since < 0 else ms}{suffix})/"


def wcf_value(primitive: ValueType, value: Any, *, lossy: bool = False) -> Any:
    """The JSON-ready form of a checked value of a registered value type: a str (a JSON
    string), a :class:`Token`, or a list of tokens (``byte[]``). Raises ``ValueError`` for a
    type that has no WCF JSON form yet."""
    if isinstance(primitive, OwnValueType):
        # a user's own type travels as its carrier (to_wire checks the carrier's value)
        return wcf_value(primitive.carrier, primitive.to_wire(value), lossy=lossy)
    form = _FORMS.get(primitive.clr_name)
    if form is None:
        raise ValueError(f"{primitive.clr_name} has no WCF JSON form in netcontract yet")
    return form(primitive, value, lossy)


def _text(primitive: ValueType, value: Any, lossy: bool) -> Any:
    return primitive.xml_text(value)  # Guid, TimeSpan (xs:duration): a JSON string


def _token(primitive: ValueType, value: Any, lossy: bool) -> Any:
    return Token(primitive.xml_text(value))  # numbers: the XML text, bare (INF, NaN, -0)


def _offset(primitive: ValueType, value: DateTimeOffset, lossy: bool) -> Any:
    # Mono: {"DateTime":"\/Date(ms)\/","OffsetMinutes":n}, ms the UTC instant truncated to
    # milliseconds (DateTimeOffsetAdapter: a Utc DateTime), never a "+hhmm" suffix
    if value.utc_ticks % _TICKS_PER_MS and not lossy:
        raise Lossy(
            f"DataContractJsonSerializer writes milliseconds: {value.isoformat()} would lose "
            "its sub-millisecond ticks; pass lossy=True to write them truncated, as .NET does"
        )
    utc = DateTime(value.utc_ticks, DateTimeKind.UTC)
    return {
        "DateTime": wcf_date(utc, lossy=True),
        "OffsetMinutes": Token(str(value.offset_minutes)),
    }


_FORMS: Final[dict[str, Callable[[ValueType, Any, bool], Any]]] = {
    "String": lambda p, v, lossy: v,
    "Boolean": lambda p, v, lossy: _TRUE if v else _FALSE,
    **dict.fromkeys(
        ("SByte", "Byte", "Int16", "UInt16", "Int32", "UInt32", "Int64", "UInt64"),
        lambda p, v, lossy: Token(str(v)),
    ),
    "Double": _token,
    "Single": _token,  # Mono: R like XmlConvert (1.1, 1E+07, 3.40282347E+38, NaN, INF, -0)
    "Decimal": _token,
    "Guid": _text,
    "TimeSpan": _text,
    "Char": lambda p, v, lossy: v,
    "DateTime": lambda p, v, lossy: wcf_date(v, lossy=lossy),
    "Byte[]": lambda p, v, lossy: [Token(str(b)) for b in v],
    "DateTimeOffset": _offset,
    "Uri": _text,  # Mono: the normalized text DataContractSerializer writes, not the original
    # Mono: "name:namespace" ("name:" without one), "" for Empty
    "XmlQualifiedName": lambda p, v, lossy: f"{v.name}:{v.namespace}" if v.name else "",
}


def value_type_hint(primitive: ValueType) -> str:
    """The ``__type`` of a value type written as an object (DateTimeOffset:
    ``DateTimeOffset:#System``)."""
    ns = primitive.namespace
    if ns.startswith(DATACONTRACT_BASE):
        return f"{primitive.contract_name}:#{ns[len(DATACONTRACT_BASE) :]}"
    return f"{primitive.contract_name}:{ns}"


def type_hint(info_or_wire: ContractType) -> str:
    """The ``__type`` value of a contract: ``Name:#Clr.Namespace`` for the default namespace,
    ``Name:http://...`` for another, ``Name`` for the empty one; a namespace starting with
    ``#`` or ``\\`` gets a ``\\`` first (so that ``#`` keeps meaning the default)."""
    name, ns = info_or_wire.contract_name, info_or_wire.contract_namespace
    if not ns:
        return name
    if ns[0] in "#\\":
        return f"{name}:\\{ns}"
    if ns.startswith(DATACONTRACT_BASE):
        return f"{name}:#{ns[len(DATACONTRACT_BASE) :]}"
    return f"{name}:{ns}"


Writer = Callable[[Any, str, list[Problem]], Any]


class _Writers:
    """The writers of one call (``lossy`` is a per-call option)."""

    def __init__(self, lossy: bool, known: KnownScope = EMPTY, simple: bool = False) -> None:
        self.lossy = lossy
        #: UseSimpleDictionaryFormat: a dictionary is written as a JSON object
        self.simple = simple
        #: the types known here (netcontract.model.known): the document's, then those of
        #: each contract on the path being written
        self.known = known
        self._cache: dict[tuple[ContractInfo, str], Writer] = {}

    def for_slot(self, slot: Slot) -> Writer:
        allow_none = slot.clr_nillable
        null_message = slot.null_problem
        wire = slot.wire
        inner: Writer
        if isinstance(wire, PrimitiveType):
            inner = self._primitive(wire.primitive)
        elif isinstance(wire, EnumType):
            cls = wire.cls

            def inner(value: Any, path: str, problems: list[Problem]) -> Any:
                if isinstance(value, cls) or type(value) is int:
                    return Token(str(int(value)))
                problems.append(Problem(path, f"expected a {cls.__name__}, got {value!r}"))
                return FAILED

        elif isinstance(wire, ContractType):
            inner = self._contract(wire)
        elif isinstance(wire, ListType | DictType) and wire.is_reference:
            refused = wcf_reference_problem(wire.cls)

            def inner(value: Any, path: str, problems: list[Problem]) -> Any:
                problems.append(Problem(path, refused))
                return FAILED

        elif isinstance(wire, ListType):
            item_writer = self.for_slot(wire.item)

            def inner(value: Any, path: str, problems: list[Problem]) -> Any:
                if not isinstance(value, list | tuple):
                    problems.append(Problem(path, f"expected a list, got {type(value).__name__}"))
                    return FAILED
                return [item_writer(v, _paths.item(path, i), problems) for i, v in enumerate(value)]

        elif isinstance(wire, DictType):
            inner = self._dictionary(wire)
        elif isinstance(wire, ObjectType):
            # declared `object` in .NET (a generic argument too): the runtime type decides;
            # the type asked for (ResponseDto[CustomerGroupDto]) counts as known
            asked = getattr(wire.expected.wire, "cls", None) if wire.expected else None

            def inner(value: Any, path: str, problems: list[Problem]) -> Any:
                return self.untyped(value, path, problems, asked)
        else:  # pragma: no cover - every wire type is handled above
            raise AssertionError(wire)

        def write(value: Any, path: str, problems: list[Problem]) -> Any:
            if value is None:
                if allow_none:
                    return None
                problems.append(Problem(path, null_message))
                return FAILED
            return inner(value, path, problems)

        return write

    def _dictionary(self, wire: DictType) -> Writer:
        """Mono: ``[{"Key":k,"Value":v},...]`` in insertion order, the key written as a value
        of its type (a number, ``true``, ``"\\/Date(...)\\/"``, an enum's number)."""
        key_writer = self.for_slot(wire.key)
        value_writer = self.for_slot(wire.value)
        if self.simple:
            return self._simple_dictionary(wire, key_writer, value_writer)

        def write(value: Any, path: str, problems: list[Problem]) -> Any:
            if not isinstance(value, dict):
                problems.append(Problem(path, f"expected a dict, got {type(value).__name__}"))
                return FAILED
            result = []
            problems.extend(key_problems(wire, value, path))
            written: set[tuple[type, Any]] = set()
            for key, item in value.items():
                item_path = _paths.key(path, key)
                text = key_writer(key, item_path, problems)
                if text is not FAILED:
                    # two keys written alike (DateTimes in one millisecond with lossy=True):
                    # .NET refuses the document's duplicate key on reading
                    # (a DateTimeOffset key is an object: compared by its members)
                    seen = (type(text), tuple(text.items()) if type(text) is dict else text)
                    if seen in written:
                        problems.append(
                            Problem(
                                item_path, f"is written as the key {text!r} of an earlier entry"
                            )
                        )
                        continue
                    written.add(seen)
                result.append({"Key": text, "Value": value_writer(item, item_path, problems)})
            return result

        return write

    def _simple_dictionary(
        self, wire: DictType, key_writer: Writer, value_writer: Writer
    ) -> Writer:
        """``UseSimpleDictionaryFormat`` (Mono): ``{"key":value,...}`` in insertion order, each
        key a member name escaped as any string; string keys only (Mono throws
        InvalidCastException on any other key); a first key ``__type`` is refused (Mono writes
        it, then reads it as a type hint)."""
        strings = string_keyed(wire)
        unparsable = unparsable_keys(wire)

        def write(value: Any, path: str, problems: list[Problem]) -> Any:
            if not isinstance(value, dict):
                problems.append(Problem(path, f"expected a dict, got {type(value).__name__}"))
                return FAILED
            if unparsable:
                problems.append(Problem(path, UNPARSABLE_KEYS))
                return FAILED
            if value and not strings:
                problems.append(Problem(path, simple_key_problem(wire)))
                return FAILED
            problems.extend(key_problems(wire, value, path))
            result: dict[str, Any] = {}
            for key, item in value.items():
                item_path = key_path(path, key)
                name = key_writer(key, item_path, problems)
                if name is FAILED:
                    continue
                if not result and name == "__type":
                    problems.append(
                        Problem(
                            item_path,
                            "a first key __type: DataContractJsonSerializer writes it, then "
                            "reads it back as a type hint (refused)",
                        )
                    )
                    continue
                if name in result:  # an own type writing two keys alike
                    problems.append(
                        Problem(item_path, f"is written as the key {name!r} of an earlier entry")
                    )
                    continue
                result[name] = value_writer(item, item_path, problems)
            return result

        return write

    def _primitive(self, primitive: ValueType) -> Writer:
        check = primitive.check
        lossy = self.lossy

        def write(value: Any, path: str, problems: list[Problem]) -> Any:
            try:
                return wcf_value(primitive, check(value), lossy=lossy)
            except (ValueError, TypeError) as exc:
                problems.append(Problem(path, str(exc)))
                return FAILED

        return write

    def _contract(self, wire: ContractType) -> Writer:
        declared = wire.cls

        def write(value: Any, path: str, problems: list[Problem]) -> Any:
            kind = type(value)
            if not isinstance(value, declared) or not is_contract(kind):
                problems.append(
                    Problem(path, f"expected a {declared.__name__}, got {kind.__name__}")
                )
                return FAILED
            if kind is not declared and not is_known(self.known, kind):
                problems.append(Problem(path, not_expected_message(kind)))
                return FAILED
            return self.contract(value, path, problems, hinted=kind is not declared)

        return write

    def contract(self, obj: Any, path: str, problems: list[Problem], *, hinted: bool) -> Any:
        outer = self.known
        self.known = with_own(outer, type(obj))
        try:
            return self._contract_members(obj, path, problems, hinted=hinted)
        finally:
            self.known = outer

    def _contract_members(
        self, obj: Any, path: str, problems: list[Problem], *, hinted: bool
    ) -> Any:
        info = contract_info(type(obj))
        if info.is_reference:
            problems.append(Problem(path, wcf_reference_problem(info.cls)))
            return FAILED
        result: dict[str, Any] = {"__type": type_hint(info.wire)} if hinted else {}
        kept = _extension(info, obj, path, problems)
        _put_extension(result, kept.get(-1, ()))
        for index, (attr, wire_name, slot, omit, required) in enumerate(_table(info)):
            if kept:
                # .NET writes the unknown members after the member each followed, written or
                # left out (a dict keeps the order: the next member goes after them)
                _put_extension(result, kept.get(index - 1, ()) if index else ())
            value = getattr(obj, attr)
            member_path = _paths.join(path, wire_name)
            if omit and omitted(slot, value, xml=True):
                if required:  # .NET: "... IsRequired setting is 'true' ... cannot be serialized"
                    problems.append(
                        Problem(
                            member_path,
                            "the member is required (is_required=True) but holds its default, "
                            "which emit_default_value=False leaves out: .NET refuses to write it",
                        )
                    )
                continue
            result[wire_name] = self._member_writer(info, attr, slot)(value, member_path, problems)
        if kept and info.xml_members:
            _put_extension(result, kept.get(len(info.xml_members) - 1, ()))
        return result

    def _member_writer(self, info: ContractInfo, attr: str, slot: Slot) -> Writer:
        # writers depend on `lossy`: made once per call and member
        key = (info, attr)
        writer = self._cache.get(key)
        if writer is None:
            writer = self._cache[key] = self.for_slot(slot)
        return writer

    def untyped(
        self, value: Any, path: str, problems: list[Problem], asked: type | None = None
    ) -> Any:
        """An ``object`` member's value, from its Python type: values without a hint (.NET
        writes none for them), contracts with their ``__type``."""
        kind = type(value)
        if value is None:
            return None
        value_type = for_untyped_value(kind)
        if kind is Boxed:
            value_type, value = value.primitive, value.value
        if value_type is not None:
            if carries_offset(value_type) and not is_known_offset(self.known):
                # Mono: SerializationException "Type 'System.Runtime.Serialization.
                # DateTimeOffsetAdapter' ... is not expected"
                problems.append(Problem(path, not_expected_message(DateTimeOffset)))
                return FAILED
            try:
                form = wcf_value(value_type, value_type.check(value), lossy=self.lossy)
            except (ValueError, TypeError) as exc:
                problems.append(Problem(path, str(exc)))
                return FAILED
            if type(form) is dict:
                # Mono: an object form (DateTimeOffset) gets its __type, first, as a contract
                carrier = value_type.carrier if isinstance(value_type, OwnValueType) else value_type
                return {"__type": value_type_hint(carrier), **form}
            return form
        if kind is AnyObject:
            return {}
        if kind is BoxedCollection:
            return self._boxed_collection(value, path, problems)
        named = isinstance(value, enum.IntEnum) and "__netcontract__" in kind.__dict__
        if (named or is_contract(kind)) and kind is not asked and not is_known(self.known, kind):
            # Mono: SerializationException "Type ... is not expected"
            problems.append(Problem(path, not_expected_message(kind)))
            return FAILED
        if isinstance(value, enum.IntEnum) and "__netcontract__" in kind.__dict__:
            return Token(str(int(value)))
        if kind is list or kind is tuple or isinstance(collection_of(kind), ListType):
            # Mono: a collection contract too, without a hint of its own (its contract items
            # get theirs: [{"__type":"Item:#Coll",...}])
            return [self.untyped(v, _paths.item(path, i), problems) for i, v in enumerate(value)]
        if is_contract(kind):
            return self.contract(value, path, problems, hinted=True)
        problems.append(
            Problem(path, f"a {kind.__name__} has no data-contract type to write as WCF JSON")
        )
        return FAILED

    def _boxed_collection(self, boxed: Any, path: str, problems: list[Problem]) -> Any:
        """A ``List<T>`` in an ``object`` member: an array without a type of its own (Mono);
        a ``Dictionary<K,V>`` is refused (Mono writes ``KeyValuePairOf...`` objects with a
        ``__type`` netcontract does not read)."""
        if not is_known_collection(self.known, boxed.clr_type):
            problems.append(Problem(path, not_expected_message(boxed.clr_type)))
            return FAILED
        wire = collection_of(boxed.clr_type)
        if not isinstance(wire, ListType):
            problems.append(
                Problem(
                    path,
                    "a Dictionary in an object member is not supported in WCF JSON (Mono"
                    " writes KeyValuePair objects with a __type of their own)",
                )
            )
            return FAILED
        if isinstance(wire.item.wire, ContractType):
            # Mono: each contract item with its __type, as in an object member
            return [
                self.untyped(v, _paths.item(path, i), problems) for i, v in enumerate(boxed.value)
            ]
        return self.for_slot(Slot(wire, optional=False))(boxed.value, path, problems)


def _extension(
    info: ContractInfo, obj: Any, path: str, problems: list[Problem]
) -> dict[int, list[ExtensionMember]]:
    """The object's extension data read from WCF JSON, by the index of the member each
    unknown member followed; a problem when it was read from another format."""
    if not info.extension_data:
        return {}
    data: object = getattr(obj, EXTENSION_ATTR, None)
    if not data:
        return {}
    if not isinstance(data, ExtensionData) or data.format != "wcf_json":
        shown = data.format if isinstance(data, ExtensionData) else type(data).__name__
        problems.append(
            Problem(
                path,
                f"extension_data read from {shown} cannot be written as WCF JSON (clear it"
                " with extension_data=None to write the known members only)",
            )
        )
        return {}
    by_index: dict[int, list[ExtensionMember]] = {}
    for member in data.members:
        by_index.setdefault(member.after, []).append(member)
    return by_index


def _put_extension(result: dict[str, Any], members: Any) -> None:
    for member in members:
        result[member.name] = _extension_value(member.value)


def _extension_value(node: ExtensionNode) -> Any:
    """The tree of an unknown member's value (see json/wcf_read.py's _extension_node)."""
    kind = node.json_kind
    if kind == "null":
        return None
    if kind in ("bool", "number"):
        return Token(node.text)
    if kind == "string":
        return node.text
    if kind == "array":
        return [_extension_value(item) for item in node.items]
    return {member.name: _extension_value(member.value) for member in node.members}


def untyped_text(value: Any) -> str:
    """The number text DataContractJsonSerializer writes for an untyped number (a boxed
    Int32, an Int64, a Decimal or a boxed Double)."""
    problems: list[Problem] = []
    form = _Writers(lossy=False).untyped(value, "", problems)
    if problems or type(form) is not Token:
        raise ValueError(problems[0].message if problems else f"{value!r} is not a number")
    return str.__str__(form)


def _table(info: ContractInfo) -> tuple[tuple[str, str, Slot, bool, bool], ...]:
    """The plan's members DataContractJsonSerializer writes (JSON-only ones are not data
    members), in DataContract order; kept on the plan."""
    return info.built(
        "wcf_json_writing",
        lambda i: tuple(
            (m.attr, m.wire_name, m.slot, not m.emit_default_value, m.is_required)
            for m in i.xml_members
        ),
    )


def key_path(path: str, key: object) -> str:
    """The path of a dictionary entry (``Map["a"]``); a lone surrogate in a string key shown
    as its escape, so that the message can be printed."""
    if type(key) is str:
        try:
            key.encode("utf-8")
        except UnicodeEncodeError:
            key = key.encode("utf-8", "backslashreplace").decode("utf-8")
    return _paths.key(path, key)


def _key_clr_name(wire: DictType) -> str | None:
    """The .NET type name of a dictionary's keys when they are a value type (a user's own type:
    its carrier's), else None."""
    key = wire.key.wire
    if not isinstance(key, PrimitiveType):
        return None
    primitive = key.primitive
    if isinstance(primitive, OwnValueType):
        primitive = primitive.carrier
    return primitive.clr_name


def string_keyed(wire: DictType) -> bool:
    """Whether the dictionary's keys are .NET strings (a user's own type carried by a string
    too): the only keys ``UseSimpleDictionaryFormat`` is implemented for."""
    return _key_clr_name(wire) == "String"


def unparsable_keys(wire: DictType) -> bool:
    """Whether .NET cannot read the dictionary's keys in the simple form at all, not even
    ``{}``: a DateTimeOffset key (its contract, DateTimeOffsetAdapter, has no Parse method;
    Mono: "Key type 'System.DateTimeOffset' ... cannot be parsed in simple dictionary")."""
    return _key_clr_name(wire) == "DateTimeOffset"


UNPARSABLE_KEYS: Final = (
    "simple_dictionaries: .NET cannot read DateTimeOffset keys in the simple form, not even "
    "an empty dictionary (Mono: Key type 'System.DateTimeOffset' cannot be parsed in simple "
    "dictionary); Mono writes an empty one as {}, which it then refuses"
)


def simple_key_problem(wire: DictType) -> str:
    """Why a key of another type than String is refused with ``simple_dictionaries``."""
    key = wire.key.wire
    if isinstance(key, PrimitiveType):
        name = key.primitive.clr_name
    else:
        name = getattr(key, "cls", type(key)).__name__
    return (
        f"simple_dictionaries supports string keys only, not {name} keys (Mono reads them "
        "with Parse but throws InvalidCastException writing them; .NET Framework writes "
        "key.ToString() in its culture: not proven here)"
    )


def wcf_reference_problem(cls: type) -> str:
    """Why DataContractJsonSerializer neither writes nor reads an is_reference contract."""
    # Mono: SerializationException "Unsupported value for IsReference for type 'R.Node',
    # IsReference value is True." (reading and writing, shared or not)
    return (
        f"{cls.__name__} is is_reference: DataContractJsonSerializer refuses such contracts"
        " (.NET: Unsupported value for IsReference)"
    )


def wcf_json_bytes(
    obj: Any,
    *,
    indent: bool = False,
    lossy: bool = False,
    known_types: Iterable[Any] | None = None,
    simple_dictionaries: bool = False,
    root_type: type | None = None,
) -> tuple[bytes, list[Problem]]:
    """``obj`` as the UTF-8 bytes DataContractJsonSerializer writes (``simple_dictionaries``:
    with ``UseSimpleDictionaryFormat``), and the problems that prevent it. ``root_type``:
    the serializer's type, when ``obj`` is of a contract derived from it (its ``__type``
    first, as Mono writes it)."""
    problems: list[Problem] = []
    collection = collection_of(type(obj))
    if type(obj) is BoxedCollection:  # List<T> / Dictionary<K,V> as the document
        collection, obj = collection_of(obj.clr_type), obj.value
    if collection is not None:  # a collection contract: an array, as a member of its type
        known = initial_scope(None, known_types)
        writers = _Writers(lossy, known, simple_dictionaries)
        tree = writers.for_slot(Slot(collection, optional=False))(obj, "", problems)
    elif not is_contract(type(obj)):
        return b"", [Problem("", f"a {type(obj).__name__} is not a contract")]
    elif root_type is not None and root_type is not type(obj):
        if not issubclass(type(obj), root_type):
            return b"", [
                Problem("", f"root_type: a {type(obj).__name__} is not a {root_type.__name__}")
            ]
        # .NET: the serializer's known types and the declared type's [KnownType]s
        known = with_own(initial_scope(contract_info(root_type).tp, known_types), root_type)
        if not is_known(known, type(obj)):
            return b"", [Problem("", not_expected_message(type(obj)))]
        tree = _Writers(lossy, known, simple_dictionaries).contract(obj, "", problems, hinted=True)
    else:
        known = initial_scope(contract_info(type(obj)).tp, known_types)
        tree = _Writers(lossy, known, simple_dictionaries).contract(obj, "", problems, hinted=False)
    if problems:
        return b"", problems
    out: list[str] = []
    if indent:
        _indented(tree, out, "\r\n")
    else:
        _compact(tree, out)
    text = "".join(out)
    try:
        return text.encode("utf-8"), []
    except UnicodeEncodeError:  # pragma: no cover - lone surrogates are escaped
        return b"", [Problem("", "the document cannot be encoded as UTF-8")]


# ----------------------------------------------------------------------------- text

# JsonWriter.WriteEscapedJsonString: '"', '\\', '/', the controls (\b \f \n \r \t short),
# every UTF-16 surrogate (a pair is written as two escapes), U+FFFE, U+FFFF, and the
# Unicode newlines U+0085, U+2028, U+2029 (Mono 6.8)
_NEEDS_ESCAPE: Final = re.compile(
    '["\\\\/\x00-\x1f\x85\u2028\u2029\ufffe\uffff\U00010000-\U0010ffff\ud800-\udfff]'
)
_SHORT: Final = {
    '"': '\\"',
    "\\": "\\\\",
    "/": "\\/",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    short = _SHORT.get(char)
    if short is not None:
        return short
    code = ord(char)
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def quote(text: str) -> str:
    """A JSON string as DataContractJsonSerializer writes it."""
    if _NEEDS_ESCAPE.search(text) is None:
        return f'"{text}"'
    return '"' + _NEEDS_ESCAPE.sub(_escape, text) + '"'


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if type(value) is Token:
        return str.__str__(value)
    return quote(value)


def _compact(value: Any, out: list[str]) -> None:
    kind = type(value)
    if kind is dict:
        sep = "{"
        for key, item in value.items():
            out.append(sep)
            out.append(quote(key))
            out.append(":")
            _compact(item, out)
            sep = ","
        out.append("}" if value else "{}")
    elif kind is list:
        sep = "["
        for item in value:
            out.append(sep)
            _compact(item, out)
            sep = ","
        out.append("]" if value else "[]")
    else:
        out.append(_scalar(value))


def _indented(value: Any, out: list[str], newline: str) -> None:
    # JsonReaderWriterFactory.CreateJsonWriter(stream, UTF8, ownsStream, indent: true, "  "):
    # "name": value, "\r\n" and two spaces a level, "[ ]" and "{ }" when empty (Mono 6.8)
    kind = type(value)
    if kind is dict or kind is list:
        if not value:
            out.append("{ }" if kind is dict else "[ ]")
            return
        inner = newline + "  "
        sep = ("{" if kind is dict else "[") + inner
        if kind is dict:
            for key, item in value.items():
                out.append(sep)
                out.append(quote(key))
                out.append(": ")
                _indented(item, out, inner)
                sep = "," + inner
        else:
            for item in value:
                out.append(sep)
                _indented(item, out, inner)
                sep = "," + inner
        out.append(newline + ("}" if kind is dict else "]"))
    else:
        out.append(_scalar(value))
