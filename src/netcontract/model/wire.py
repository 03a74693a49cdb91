"""Resolved wire types: what a member's annotation means on the wire, computed once.

``resolve_annotation`` turns a Python annotation (``Int32 | None``, ``list[VehicleLightDto]``,
``object``, a contract class, an enum) into a :class:`Slot` (a wire type plus whether
``None`` is allowed). Contracts resolve their members lazily, on first use, so classes may
refer to classes defined later.
"""

from __future__ import annotations

import base64
import enum
import hashlib
import re
import types
import typing
from typing import Any, Final, TypeVar

import attrs

from netcontract.clr import value_types
from netcontract.clr.objects import AnyObject
from netcontract.clr.value_types import ARR, SER, SYSTEM, XS, ValueType
from netcontract.errors import ContractDefinitionError

__all__ = [
    "AnyObject",
    "ContractType",
    "DictType",
    "EnumType",
    "ListType",
    "ObjectType",
    "PrimitiveType",
    "Slot",
    "WireType",
    "check_generic_pattern",
    "collection_of",
    "collection_wire",
    "dict_type",
    "enum_type",
    "expand_generic_pattern",
    "generic_argument",
    "is_plain_collection",
    "resolve_annotation",
]


class WireType:
    """Base of the resolved wire types."""

    __slots__ = ()

    #: data-contract name and namespace (used for i:type, collection item names and XSD)
    contract_name: str
    contract_namespace: str
    #: whether the CLR type is a value type (never nil unless declared Nullable)
    is_value_type: bool


@attrs.frozen(eq=False, slots=True)
class PrimitiveType(WireType):
    """A .NET value type (or String): its :class:`~netcontract.clr.value_types.ValueType`."""

    primitive: ValueType

    @property
    def contract_name(self) -> str:  # type: ignore[override]
        return self.primitive.contract_name

    @property
    def contract_namespace(self) -> str:  # type: ignore[override]
        return self.primitive.namespace

    @property
    def is_value_type(self) -> bool:  # type: ignore[override]
        return self.primitive.is_value_type


@attrs.frozen(eq=False, slots=True)
class EnumType(WireType):
    """A contract enum (:func:`enum_type` makes one).

    XML (DataContractSerializer) uses the wire names of the serializable members only
    (``enum_member``); Json.NET, Web API forms and ``Enum.Parse`` use the Python (C#) names of
    all members.
    """

    cls: type[enum.IntEnum]
    contract_name: str
    contract_namespace: str
    #: XML text by value, for the values one serializable member names (writing)
    names: dict[int, str]
    #: member by XML wire name, serializable members only (reading)
    values: dict[str, enum.IntEnum]
    #: member by Python (C#) name, every member (JSON, forms)
    clr_names: dict[str, enum.IntEnum] = attrs.field(factory=dict)
    #: a ``[Flags]`` enum (``ContractFlag``): XML writes and reads names joined by spaces
    flags: bool = False
    #: (value, wire name) of the serializable members in declaration order (flags writing)
    flag_parts: tuple[tuple[int, str], ...] = ()
    is_value_type: bool = True

    def xml_text(self, value: int) -> str | None:
        """The text DataContractSerializer writes for ``value``, or None where it refuses.

        Mono: one member's exact value gives its name; a [Flags] value is taken apart
        greedily in declaration order, names joined by one space (``Exec Read``); 0 without a
        zero member is the empty text; bits no member covers are refused."""
        text = self.names.get(value)
        if text is not None or not self.flags:
            return text
        zero: str | None = None
        words: list[str] = []
        rest = value
        for part, name in self.flag_parts:
            if part == 0:
                zero = name if zero is None else zero
                continue
            if rest == 0:
                break
            if part & rest == part:
                words.append(name)
                rest &= ~part
        if rest != 0:
            return None
        if not words:
            return zero if zero is not None else ""
        return " ".join(words)

    def xml_value(self, text: str) -> enum.IntEnum | None:
        """The value of an XML text, or None for a text DataContractSerializer refuses.

        Mono: a [Flags] text is split at single spaces (runs of spaces and spaces around are
        skipped; a tab is not a separator), each word an exact wire name, the values or-ed;
        the empty text is 0. Other enums need one exact name, untrimmed."""
        found = self.values.get(text)
        if found is not None or not self.flags:
            return found
        result = 0
        for match in _FLAG_WORD.finditer(text):  # (no list: the text may be long, and hostile)
            member = self.values.get(match.group())
            if member is None:
                return None
            result |= int(member)
        return self.cls(result)

    def unwritable(self, value: int) -> str:
        """Why DataContractSerializer refuses to write ``value``."""
        member = self.cls._value2member_map_.get(value)
        if member is not None and member.name is not None:
            return (
                f"enum value '{member.name}' is invalid for type {self.cls.__name__}: the member"
                " is not serializable (enum_member(..., serializable=False), a member without"
                " [EnumMember] in a [DataContract] enum)"
            )
        return f"enum value '{value}' is invalid for type {self.cls.__name__}: " + (
            "no combination of its serializable members makes it"
            if self.flags
            else "DataContractSerializer can only write named values"
        )


#: a word of a [Flags] text: DataContractSerializer separates names by spaces only
_FLAG_WORD: Final = re.compile("[^ ]+")


def enum_type(cls: type[enum.IntEnum], name: str, namespace: str) -> EnumType:
    """The :class:`EnumType` of a contract enum class."""
    flags = getattr(cls, "_nc_flags", False)
    parts: list[tuple[int, str]] = []
    for member in cls:
        wire = _member_wire_name(member)
        if wire is not None:
            parts.append((int(member), wire))
    names: dict[int, str] = {}
    for value, wire in parts:
        names.setdefault(value, wire)
    return EnumType(
        cls,
        name,
        namespace,
        names=names,
        values={wire: cls(value) for value, wire in parts},
        clr_names={m.name: m for m in cls},
        flags=flags,
        flag_parts=tuple(parts),
    )


def _member_wire_name(member: enum.IntEnum) -> str | None:
    # a plain IntEnum contract (not a ContractEnum): every member under its own name
    wire = getattr(member, "wire_name", member.name)
    return wire if isinstance(wire, str) or wire is None else member.name


@attrs.frozen(eq=False, slots=True)
class ContractType(WireType):
    cls: type
    contract_name: str
    contract_namespace: str
    #: TypeVar substitutions when the contract is generic (``ResponseDto[CustomerGroupDto]``)
    type_args: tuple[Any, ...] = ()
    is_value_type: bool = False


@attrs.frozen(eq=False, slots=True)
class ListType(WireType):
    """``List<T>`` (``list[T]``), or a ``[CollectionDataContract]`` list (``cls``, a ``list``
    subclass): item elements in the collection's namespace."""

    item: Slot
    #: local name of each item element (the item's contract name: ``string``, ``VehicleLightDto``)
    item_name: str
    contract_name: str
    contract_namespace: str
    is_value_type: bool = False
    #: the class a reader makes: ``list``, or the collection contract's own class
    cls: type = list
    #: a collection contract's IsReference (z:Id / z:Ref in XML)
    is_reference: bool = False


@attrs.frozen(eq=False, slots=True)
class DictType(WireType):
    """``Dictionary<K,V>`` (``dict[K, V]``): a collection of ``KeyValueOf{K}{V}`` items, each
    a ``Key`` and a ``Value`` element, all in the Arrays namespace (Mono)."""

    key: Slot
    value: Slot
    #: local name of each item element (``KeyValueOfstringint``, ``KeyValueOfguidItemLfVki1AX``)
    item_name: str
    contract_name: str
    contract_namespace: str
    is_value_type: bool = False
    #: the class a reader makes: ``dict``, or the collection contract's own class
    cls: type = dict
    #: the key and value element names (a collection contract's KeyName and ValueName)
    key_name: str = "Key"
    value_name: str = "Value"
    #: a collection contract's IsReference (z:Id / z:Ref in XML)
    is_reference: bool = False


@attrs.frozen(eq=False, slots=True)
class ObjectType(WireType):
    """A member declared ``object`` in .NET: its runtime type travels as ``i:type``.

    ``expected`` is the Python type the caller asked for (a TypeVar bound by a generic
    contract), or None when any value is accepted.
    """

    expected: Slot | None = None
    contract_name: str = "anyType"
    contract_namespace: str = SER
    is_value_type: bool = False


@attrs.frozen(eq=False, slots=True)
class Slot:
    """A wire type and whether None is allowed where it is used."""

    wire: WireType
    optional: bool

    @property
    def clr_nillable(self) -> bool:
        """Whether .NET itself accepts null here (reference type or Nullable<T>)."""
        return self.optional or not self.wire.is_value_type

    @property
    def null_problem(self) -> str:
        """The message refusing null here (for a slot that is not :attr:`clr_nillable`)."""
        wire = self.wire
        name = wire.primitive.clr_name if isinstance(wire, PrimitiveType) else wire.contract_name
        return f"null is not allowed: {name} is a value type (declare it Optional if null is meant)"


_NONE_TYPE: Final = type(None)
_UNION_TYPES: Final = (typing.Union, types.UnionType)


def _split_optional(annotation: Any) -> tuple[Any, bool]:
    if typing.get_origin(annotation) in _UNION_TYPES:
        args = typing.get_args(annotation)
        rest = [a for a in args if a is not _NONE_TYPE]
        if len(rest) == 1:
            return rest[0], len(rest) != len(args)
        raise ContractDefinitionError(
            f"{annotation!r}: unions other than 'X | None' have no .NET equivalent"
        )
    return annotation, False


def _contract_of(cls: type) -> tuple[str, str] | None:
    meta = cls.__dict__.get("__netcontract__")
    if meta is None:
        return None
    return meta.name, meta.xml_namespace


def resolve_annotation(
    annotation: Any, typevars: dict[Any, Any] | None = None, *, clr_object: bool = False
) -> Slot:
    """Resolve a member annotation into a :class:`Slot`.

    ``typevars`` binds the type parameters of a generic contract; ``clr_object`` is a member
    declared ``object`` in .NET whose annotation says what it holds (``member(clr_type=object)``).
    """
    typevars = typevars or {}
    inner, optional = _split_optional(annotation)
    if clr_object:
        if isinstance(inner, TypeVar):
            bound = typevars.get(inner)
            if bound is None:
                return Slot(ObjectType(), optional)
            return Slot(ObjectType(expected=resolve_annotation(bound, typevars)), optional)
        if inner is object or inner is Any:
            return Slot(ObjectType(), optional)
        return Slot(ObjectType(expected=resolve_annotation(inner, typevars)), optional)
    if isinstance(inner, TypeVar) and inner in typevars:
        # a .NET generic's T is the argument's type on the wire: `T | None` is C#'s `T?` on
        # an unconstrained T, null for a reference type only (ApiResponse[int | None] is
        # Nullable<int>: ApiResponseOfNullableOfint...)
        slot = resolve_annotation(typevars[inner])
        return Slot(slot.wire, slot.optional or (optional and not slot.wire.is_value_type))
    return Slot(_resolve_wire(inner, typevars), optional)


def _resolve_wire(annotation: Any, typevars: dict[Any, Any]) -> WireType:
    if isinstance(annotation, TypeVar):
        bound = typevars.get(annotation)
        if bound is None:
            return ObjectType()
        return ObjectType(expected=resolve_annotation(bound, typevars))
    if annotation is object or annotation is Any:
        return ObjectType()
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extras = typing.get_args(annotation)
        for extra in extras:
            if isinstance(extra, ValueType):
                if not issubclass(extra.python_type, base) and base is not extra.python_type:
                    raise ContractDefinitionError(
                        f"{annotation!r}: {extra.clr_name} is held by {extra.python_type.__name__}"
                    )
                return PrimitiveType(extra)
        return _resolve_wire(base, typevars)
    if origin in (list, typing.List):  # noqa: UP006 - both spellings may reach us
        (item_annotation,) = typing.get_args(annotation) or (Any,)
        return list_type(resolve_annotation(item_annotation, typevars))
    if origin in (dict, typing.Dict):  # noqa: UP006 - both spellings may reach us
        args = typing.get_args(annotation)
        if len(args) != 2:
            raise ContractDefinitionError(f"{annotation!r}: a dict needs its key and value types")
        key = resolve_annotation(args[0], typevars)
        return dict_type(key, resolve_annotation(args[1], typevars), annotation)
    if origin is not None and isinstance(origin, type) and _contract_of(origin):
        args = tuple(_substitute(a, typevars) for a in typing.get_args(annotation))
        if _generic_meta(origin) is not None:
            if any(isinstance(a, TypeVar) or getattr(a, "__parameters__", ()) for a in args):
                raise ContractDefinitionError(
                    f"{annotation!r}: a type parameter is not bound (give the type arguments)"
                )
            return _resolve_wire(origin[args], {})  # type: ignore[index]
        name, ns = _contract_of(origin)  # type: ignore[misc]
        return ContractType(origin, name, ns, args)
    if isinstance(annotation, type) and _generic_meta(annotation) is not None:
        raise ContractDefinitionError(
            f"{annotation.__qualname__} is a .NET generic contract: give its type arguments"
            f" ({annotation.__qualname__}[X])"
        )
    if isinstance(annotation, type):
        if "__netcontract_collection__" in annotation.__dict__:
            return collection_wire(annotation)
        primitive = value_types.for_annotation(annotation)
        if primitive is not None:
            return PrimitiveType(primitive)
        contract = _contract_of(annotation)
        if contract is not None:
            name, ns = contract
            if issubclass(annotation, enum.IntEnum):
                return enum_type(annotation, name, ns)
            return ContractType(annotation, name, ns)
        if issubclass(annotation, enum.Enum):
            raise ContractDefinitionError(
                f"enum {annotation.__qualname__} needs @contract(namespace) to have a wire name"
            )
    raise ContractDefinitionError(f"{annotation!r} has no .NET data-contract mapping")


def _generic_meta(cls: type) -> Any:
    """The meta of an open .NET generic contract class, else None."""
    meta = cls.__dict__.get("__netcontract__")
    if meta is None or getattr(meta, "generic_pattern", None) is None or meta.generic_origin:
        return None
    return meta


def _substitute(annotation: Any, typevars: dict[Any, Any]) -> Any:
    """``annotation`` with the bound type parameters replaced (``list[T]`` -> ``list[int]``)."""
    if not typevars:
        return annotation
    if isinstance(annotation, TypeVar):
        return typevars.get(annotation, annotation)
    params = getattr(annotation, "__parameters__", ())
    if params and typing.get_origin(annotation) is not None:
        return annotation[tuple(typevars.get(p, p) for p in params)]
    return annotation


def check_generic_pattern(pattern: str, count: int) -> str | None:
    """Why .NET refuses a generic contract's name pattern (None when it accepts it): each
    ``{`` closes, and holds ``#`` or the index of a type parameter."""
    for match in _PLACEHOLDER.finditer(pattern):
        text = match.group(1)
        if text is None:
            return "a '{' is not closed"
        if text != "#" and not (_INDEX.fullmatch(text) and 0 <= int(text) < count):
            return f"'{{{text}}}' names no type parameter (it has {count})"
    return None


def expand_generic_pattern(pattern: str, arguments: list[tuple[str, str]]) -> str:
    """The name .NET gives a closed generic: ``{n}`` is the name of argument n, ``{#}`` the
    digest of the arguments' namespaces unless all are XML Schema's or Serialization's
    (Mono: ``ApiResponseOfCustomeralC0efJL``, ``ApiResponseOfint``, ``PageCustomer``)."""
    builtin = all(ns in (XS, SER) for _, ns in arguments)
    digest = "" if builtin else generic_digest([ns for _, ns in arguments])

    def replace(match: re.Match[str]) -> str:
        text = match.group(1)
        return digest if text == "#" else arguments[int(text)][0]

    return _PLACEHOLDER.sub(replace, pattern)


#: a placeholder of a generic name pattern: ``{...}`` (group None: a '{' never closed)
_PLACEHOLDER: Final = re.compile(r"\{([^}]*)\}|\{")
#: what Int32.TryParse accepts as an index
_INDEX: Final = re.compile(r"\s*[+-]?[0-9]+\s*")


def generic_digest(argument_namespaces: list[str]) -> str:
    """The 8-character suffix .NET appends to a generic contract's name
    (DataContract.GetNamespacesDigest: MD5 of the argument count and namespaces)."""
    text = f" {len(argument_namespaces)}" + "".join(" " + ns for ns in argument_namespaces)
    digest = hashlib.md5(text.encode("utf-8"), usedforsecurity=False).digest()[:6]
    return (
        base64.b64encode(digest).decode("ascii").rstrip("=").replace("/", "_S").replace("+", "_P")
    )


def list_type(item: Slot) -> ListType:
    """The ``List<T>`` contract: ``ArrayOf`` + item name, in the item's namespace (or ARR)."""
    wire = item.wire
    item_name = wire.contract_name
    item_ns = wire.contract_namespace
    if item.optional and wire.is_value_type:
        # List<int?> is ArrayOfNullableOfint in the System namespace; Nullable<T> is a generic
        # contract, so a T outside XS/SER adds the digest of its namespace:
        # ArrayOfNullableOfOddrGr9JRxY
        item_name = "NullableOf" + item_name
        if item_ns not in (XS, SER):
            item_name += generic_digest([item_ns])
        item_ns = SYSTEM
    if item_ns in (XS, SER):
        item_ns = ARR
    return ListType(item, wire.contract_name, "ArrayOf" + item_name, item_ns)


#: CLR types a dictionary key may have: those whose XML text, Json.NET property name and
#: equality are proven on Mono (docs/values.md "Dictionaries")
KEY_TYPES: Final = frozenset(
    {
        "String",
        "Boolean",
        "Char",
        "SByte",
        "Byte",
        "Int16",
        "UInt16",
        "Int32",
        "UInt32",
        "Int64",
        "UInt64",
        "Guid",
        "DateTime",
        "Double",
        "Single",
        "Decimal",
        "TimeSpan",
        "DateTimeOffset",
    }
)


def generic_argument(slot: Slot) -> tuple[str, str]:
    """(name, namespace) of a generic argument's contract: ``Nullable<T>`` for an optional
    value type (``NullableOfint`` in the System namespace), else the type's own."""
    wire = slot.wire
    name, ns = wire.contract_name, wire.contract_namespace
    if slot.optional and wire.is_value_type:
        name = "NullableOf" + name
        if ns not in (XS, SER):
            name += generic_digest([ns])
        ns = SYSTEM
    return name, ns


def dict_type(key: Slot, value: Slot, annotation: Any = None) -> DictType:
    """The ``Dictionary<K,V>`` contract: ``ArrayOfKeyValueOf{K}{V}`` in the Arrays namespace,
    the digest of the arguments' namespaces appended unless both are XS or SER (Mono:
    ``ArrayOfKeyValueOfguidItemLfVki1AX``, ``ArrayOfKeyValueOfstringArrayOfintty7Ep6D1``)."""
    wire = key.wire
    usable = (isinstance(wire, PrimitiveType) and wire.primitive.clr_name in KEY_TYPES) or (
        isinstance(wire, EnumType) and not wire.flags
    )
    if isinstance(wire, PrimitiveType) and wire.primitive.clr_name == "Uri":
        raise ContractDefinitionError(
            f"{annotation!r}: Uri keys are not supported: Json.NET writes a Uri key as"
            " Uri.ToString(), its unescaped display text (http://example.com/a b), which reads"
            " back as another Uri (Mono)"
        )
    if not usable or key.optional:
        raise ContractDefinitionError(
            f"{annotation!r}: a dictionary key must be a string, an integer, bool, Char, Guid,"
            " DateTime, DateTimeOffset, TimeSpan, Double, Single, Decimal or a (non-[Flags])"
            " contract enum, never None"
        )
    key_name, key_ns = generic_argument(key)
    value_name, value_ns = generic_argument(value)
    item_name = "KeyValueOf" + key_name + value_name
    if not (key_ns in (XS, SER) and value_ns in (XS, SER)):
        item_name += generic_digest([key_ns, value_ns])
    return DictType(key, value, item_name, "ArrayOf" + item_name, ARR)


@attrs.frozen
class CollectionMeta:
    """What ``@collection_contract`` records on a class (as ``__netcontract_collection__``):
    .NET's ``[CollectionDataContract]`` and the class's item (or key and value) annotations."""

    name: str
    xml_namespace: str
    clr_namespace: str | None
    #: ``(item,)`` for a list subclass, ``(key, value)`` for a dict subclass
    args: tuple[Any, ...]
    item_name: str | None = None
    key_name: str | None = None
    value_name: str | None = None
    is_reference: bool = False


def collection_wire(cls: type) -> ListType | DictType:
    """The wire type of a ``[CollectionDataContract]`` class: its own name and namespace (Mono:
    the items, and a dictionary's ``Key``/``Value``, are in the collection's namespace)."""
    meta: CollectionMeta = cls.__dict__["__netcontract_collection__"]
    if len(meta.args) == 1:
        item = resolve_annotation(meta.args[0])
        item_name = meta.item_name or item.wire.contract_name
        return ListType(
            item, item_name, meta.name, meta.xml_namespace, cls=cls, is_reference=meta.is_reference
        )
    key = resolve_annotation(meta.args[0])
    plain = dict_type(key, resolve_annotation(meta.args[1]), cls)
    return DictType(
        plain.key,
        plain.value,
        meta.item_name or plain.item_name,
        meta.name,
        meta.xml_namespace,
        cls=cls,
        key_name=meta.key_name or "Key",
        value_name=meta.value_name or "Value",
        is_reference=meta.is_reference,
    )


def collection_of(tp: Any) -> ListType | DictType | None:
    """The wire type of ``tp`` when it is a collection contract class or a parametrized
    ``list[T]`` / ``dict[K, V]`` (``List<T>``, ``Dictionary<K,V>``: a document's root, a
    known type)."""
    if isinstance(tp, type) and "__netcontract_collection__" in tp.__dict__:
        return collection_wire(tp)
    if is_plain_collection(tp):
        wire = _resolve_wire(tp, {})
        assert isinstance(wire, ListType | DictType)
        return wire
    return None


def is_plain_collection(tp: Any) -> bool:
    """Whether ``tp`` is a parametrized ``list[T]`` or ``dict[K, V]`` (not a bare ``list``,
    which says nothing of its items' .NET type)."""
    origin = typing.get_origin(tp)
    return origin in (list, dict, typing.List, typing.Dict) and bool(typing.get_args(tp))  # noqa: UP006
