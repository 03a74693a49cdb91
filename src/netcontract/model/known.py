"""Known types: which contract an ``i:type`` (XML) or ``__type`` (WCF JSON) may name.

.NET's rules (checked against Mono 6.8, ``tests/interop/test_known_types_interop.py``):

- a member (or the root) may hold its declared contract, or a type *known in scope*: the
  serializer's list (``known_types=`` of the call), the root contract, the ``[KnownType]``
  list of every contract on the path being read or written, and that of the member's
  declared type (reading) or of the value's own type (writing);
- a contract's ``[KnownType]`` list takes its base contracts' lists too, and each known
  type brings its own list along (transitively); a class derived from a known type is not
  known by that alone; a generic contract's arguments are not known;
- primitive types (``int``, ``string``, ``Guid``...) are known everywhere; enums and
  contracts in an ``object`` member need to be known like any other, and so does
  ``DateTimeOffset``, which is no primitive to .NET but a contract of System's namespace
  (Mono's DataContractSerializer reader and DataContractJsonSerializer refuse it unknown:
  ``[KnownType(typeof(DateTimeOffset))]``, here ``known_types=(nc.DateTimeOffset,)``);
- a ``list[T]`` / ``dict[K, V]`` (``[KnownType(typeof(List<int>))]``) is known by its
  contract name (``ArrayOfint``); it does not make its items' contracts known (Mono's
  DataContractSerializer does not read them as known).

A scope maps a type's (XML namespace, contract name) to its Python class.
"""

from __future__ import annotations

import enum
import functools
import sys
import typing
from collections.abc import Iterable, Mapping
from typing import Any, Final

from netcontract.clr.datetimeoffset import DateTimeOffset
from netcontract.clr.namespaces import SYSTEM
from netcontract.errors import ContractDefinitionError

__all__ = [
    "EMPTY",
    "OFFSET_NAME",
    "Scope",
    "carries_offset",
    "initial_scope",
    "is_known",
    "is_known_collection",
    "is_known_offset",
    "not_expected_message",
    "own_known",
    "qualified_name",
    "resolve_known",
    "unknown_type_message",
    "with_own",
]

Scope = Mapping[tuple[str, str], Any]
EMPTY: Final[Scope] = {}


#: the (namespace, name) of System.DateTimeOffset's data contract
OFFSET_NAME: Final = (SYSTEM, "DateTimeOffset")
_KNOWABLE: Final = (
    "a contract class, enum, collection contract, list[T], dict[K, V] or nc.DateTimeOffset"
)


def qualified_name(tp: Any) -> tuple[str, str]:
    """The (XML namespace, name) of a contract (or parametrization), a contract enum, a
    ``list[T]``/``dict[K, V]`` or ``nc.DateTimeOffset``."""
    if tp is DateTimeOffset:
        return OFFSET_NAME
    if _is_plain(tp):
        wire = _plain_wire(tp)
        return wire.contract_namespace, wire.contract_name
    origin = typing.get_origin(tp) or tp
    if isinstance(origin, type) and issubclass(origin, enum.Enum):
        meta = origin.__dict__["__netcontract__"]
        return meta.xml_namespace, meta.name
    if _is_collection(origin):
        collection = meta = origin.__dict__["__netcontract_collection__"]
        return collection.xml_namespace, meta.name
    from netcontract.model.plan import contract_info  # noqa: PLC0415 - plan imports contract

    info = contract_info(tp)
    return info.namespace, info.name


def _resolve(owner: type, entry: Any) -> Any:
    """One ``known_types`` entry: a class, a parametrized generic, or a class's name (a
    class declared later, as a base names its derived classes)."""
    if isinstance(entry, str):
        meta = owner.__dict__["__netcontract__"]
        module = sys.modules.get(owner.__module__)
        names = {**(vars(module) if module is not None else {}), **meta.local_names}
        if entry not in names:
            raise ContractDefinitionError(
                f"{owner.__qualname__}: known type {entry!r} is not defined where the class is"
            )
        entry = names[entry]
    if not _knowable(entry):
        raise ContractDefinitionError(
            f"{owner.__qualname__}: known type {entry!r} is not {_KNOWABLE}"
        )
    return entry


def _knowable(entry: Any) -> bool:
    """Whether ``entry`` may be a known type: a contract, an enum, a collection contract, a
    parametrized ``list[T]`` / ``dict[K, V]`` (``[KnownType(typeof(List<int>))]``) or
    ``nc.DateTimeOffset`` (``[KnownType(typeof(DateTimeOffset))]``)."""
    if entry is DateTimeOffset:
        return True
    if _is_plain(entry):
        _plain_wire(entry)  # a key or item type without a .NET mapping: a definition error
        return True
    origin = typing.get_origin(entry) or entry
    return isinstance(origin, type) and (
        "__netcontract__" in origin.__dict__ or _is_collection(origin)
    )


def _is_plain(tp: Any) -> bool:
    from netcontract.model.wire import is_plain_collection  # noqa: PLC0415 - wire uses us

    return is_plain_collection(tp)


def _plain_wire(tp: Any) -> Any:
    from netcontract.model.wire import collection_of  # noqa: PLC0415 - wire uses us

    return collection_of(tp)


def _is_collection(tp: Any) -> bool:
    """A ``[CollectionDataContract]`` class (``nc.collection_contract``)."""
    return isinstance(tp, type) and "__netcontract_collection__" in tp.__dict__


def _collection_items(cls: type) -> list[Any]:
    """The contracts and enums a collection contract holds (items; a dictionary's keys and
    values): a known collection makes its items' types known, as Mono writes them."""
    from netcontract.model.wire import (  # noqa: PLC0415 - wire imports this module's users
        ContractType,
        DictType,
        EnumType,
        ListType,
        collection_wire,
    )

    wire = collection_wire(cls)
    slots = [wire.key, wire.value] if isinstance(wire, DictType) else [wire.item]
    found = []
    for slot in slots:
        inner = slot.wire
        if isinstance(inner, ContractType | EnumType) or (
            isinstance(inner, ListType | DictType) and _is_collection(inner.cls)
        ):
            found.append(inner.cls)
    return found


def _add(tp: Any, into: dict[tuple[str, str], Any], seen: set[Any]) -> None:
    """``tp`` and, as .NET's CheckAndAdd does, the known types it brings (transitively)."""
    name = qualified_name(tp)
    if name not in into:
        into[name] = tp
    if tp is DateTimeOffset:
        return  # it brings no known types of its own
    if _is_plain(tp):
        # Mono: a known List<Car> or Dictionary<string, Car> does not make Car known (its
        # reader refuses <O i:type="Car">, its WCF JSON writer too); the items of the list
        # need not be known, being of its declared item type
        return
    origin = typing.get_origin(tp) or tp
    if _is_collection(origin):
        if origin not in seen:
            seen.add(origin)
            for item in _collection_items(origin):
                _add(item, into, seen)
        return
    _add_lists(origin, into, seen)


def _add_lists(cls: type, into: dict[tuple[str, str], Any], seen: set[Any]) -> None:
    """The ``known_types`` of ``cls`` and of its base contracts (.NET walks the base types)."""
    for klass in cls.__mro__:
        if klass in seen:
            continue
        seen.add(klass)
        meta = klass.__dict__.get("__netcontract__")
        entries = getattr(meta, "known_types", ())
        if callable(entries):
            entries = entries()
        for entry in entries:
            _add(_resolve(klass, entry), into, seen)


@functools.cache
def own_known(cls: type) -> Scope:
    """The types a contract class's ``known_types`` make known (with its bases', and those
    each known type brings); empty for most contracts."""
    found: dict[tuple[str, str], Any] = {}
    origin = typing.get_origin(cls) or cls
    if isinstance(origin, type) and not issubclass(origin, enum.Enum):
        _add_lists(origin, found, set())
    return found


def initial_scope(root: Any, known_types: Iterable[Any] | None) -> Scope:
    """The scope of a whole document: the root contract and the serializer's list (each
    type with the known types it brings)."""
    found: dict[tuple[str, str], Any] = {}
    seen: set[Any] = set()
    for entry in known_types or ():
        if not _knowable(entry):
            raise TypeError(f"known_types: {entry!r} is not {_KNOWABLE}")
        _add(entry, found, seen)
    if root is not None:
        found.setdefault(qualified_name(root), root)
    return found


def with_own(scope: Scope, cls: type) -> Scope:
    """``scope`` with the known types of ``cls`` added (a contract being read or written)."""
    if _is_plain(cls):
        return scope
    own = own_known(cls)
    if not own:
        return scope
    if not scope:
        return own
    return {**scope, **{k: v for k, v in own.items() if k not in scope}}


def resolve_known(scope: Scope, declared: Any, ns: str, name: str) -> Any:
    """The type an ``i:type``/``__type`` names when it is known where a ``declared`` member
    is read (the scope, or the declared type's own known types); None otherwise."""
    found = scope.get((ns, name))
    if found is None and declared is not object and not _is_plain(declared):
        found = own_known(typing.get_origin(declared) or declared).get((ns, name))
    return found


def unknown_type_message(ns: str, name: str) -> str:
    """Why a type named on the wire is refused (.NET: "The deserializer has no knowledge of
    any type that maps to this contract")."""
    return (
        f"type {name!r} from namespace {ns!r} is not a known type here: .NET refuses it; add"
        " it to the known_types of a contract on the path (or of the call)"
    )


def is_known(scope: Scope, kind: type) -> bool:
    """Whether a value of class ``kind`` may be written with its type name where ``scope``
    is known (.NET adds the value's own known types first)."""
    name = qualified_name(kind)
    for found in (scope.get(name), own_known(kind).get(name)):
        origin: Any = typing.get_origin(found)
        if found is not None and (origin or found) is kind:
            return True
    return False


def is_known_collection(scope: Scope, annotation: Any) -> bool:
    """Whether a ``list[T]`` / ``dict[K, V]`` (a :class:`~netcontract.BoxedCollection`'s
    type) may be written with its ``i:type`` where ``scope`` is known: its contract name is
    (``ArrayOfint`` names ``List<int>`` and ``int[]`` alike)."""
    found = scope.get(qualified_name(annotation))
    return found is not None and _is_plain(found)


def carries_offset(value_type: Any) -> bool:
    """Whether a value type (an own type: its carrier) is System.DateTimeOffset."""
    carrier = getattr(value_type, "carrier", value_type)
    name = (getattr(carrier, "namespace", None), getattr(carrier, "contract_name", None))
    return name == OFFSET_NAME


def is_known_offset(scope: Scope) -> bool:
    """Whether a DateTimeOffset may be written (or read) in an ``object`` member where
    ``scope`` is known: .NET writes it with ``i:type="DateTimeOffset"`` (System) and refuses it
    unless it is a known type there (Mono: "Type 'System.Runtime.Serialization.
    DateTimeOffsetAdapter' with data contract name 'DateTimeOffset:...System' is not
    expected"; its reader: "no knowledge of any type that maps to this contract")."""
    return scope.get(OFFSET_NAME) is DateTimeOffset


def not_expected_message(kind: Any) -> str:
    """Why a value is refused on writing (.NET: SerializationException "Type ... is not
    expected")."""
    ns, name = qualified_name(kind)
    label = repr(kind) if _is_plain(kind) else kind.__name__
    return (
        f"{label} (data contract {name!r} from {ns!r}) is not expected here: .NET"
        " refuses to write a type it does not know; add it to the known_types of a contract"
        " on the path (or of the call)"
    )
