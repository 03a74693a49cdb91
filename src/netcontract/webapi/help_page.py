"""Help-page samples: the object ASP.NET Web API's help page shows for a contract.

The help page (``Microsoft.AspNet.WebApi.HelpPage``) builds its request and response samples
with ``ObjectGenerator`` (``Areas/HelpPage/SampleGeneration/ObjectGenerator.cs``), then
serializes them with the API's formatters. :func:`help_page_sample` builds the same object,
by the same rules:

- Every complex object is made once per type and cached for the whole sample: every later
  request for that type (a second list item, another member of that type) gets the *same*
  instance. Its writable properties are set in reflection order (the most-derived class's
  members first, in declaration order), each by one generator private to that object.
- That generator has a counter that every simple value advances, starting at 1: a string is
  ``sample string N``, an ``Int32`` ``N`` (``Int16``/``UInt16``/``UInt32`` modulo their maximum,
  ``Int64``/``UInt64``/``Decimal`` ``N``), a ``Double`` ``N + 0.1``; a ``Boolean`` is ``true``,
  ``Byte``/``SByte`` ``64``, a ``DateTime`` ``DateTime.Now``, a ``Guid`` ``Guid.NewGuid()``,
  a ``Char`` ``'A'``, and an ``object`` member ``new object()`` (an
  :class:`~netcontract.AnyObject`). All of them advance the counter, even when the counter is
  not shown. Each value type knows its own rule
  (:meth:`~netcontract.clr.value_types.ValueType.help_sample`).
- A ``Nullable<T>`` (``Int32 | None``, ``uuid.UUID | None``...) is made by a fresh generator,
  so it shows ``1``/``1.1`` and does not advance the object's counter. ``str | None`` is no
  ``Nullable``: .NET strings are references, they take the next counter value.
- An enum takes its first value in ``Enum.GetValues`` order (sorted by unsigned magnitude).
- A list has two items made by one generator of its own: ``["sample string 1",
  "sample string 2"]``, two new GUIDs, or the same cached object twice.
- Read-only properties (``computed`` and ``json_only`` members) are not set: a computed member
  is computed from the others, a ``json_only`` member keeps its default (Vehizen's
  ``Utility = "Porteur"``).

Two things .NET takes from the machine are made reproducible: ``DateTime.Now`` is ``now``
(one fixed instant; by default the one on the Vehizen help page) and ``Guid.NewGuid()`` draws
version-4 GUIDs from ``random.Random(seed)``.

Where .NET would fail (a type that contains itself, so the sample graph has a cycle, which
neither DataContractSerializer nor Json.NET can write), :class:`SerializationError` is raised.
"""

from __future__ import annotations

import random
import typing
import uuid
from typing import Any, Final

import attrs

from netcontract.clr.datetime import DateTime, DateTimeKind
from netcontract.clr.objects import AnyObject
from netcontract.clr.value_types import ValueType
from netcontract.errors import ContractDefinitionError, Problem, SerializationError
from netcontract.model.contract import is_contract
from netcontract.model.paths import item, join
from netcontract.model.paths import key as keyed
from netcontract.model.plan import contract_info
from netcontract.model.wire import (
    ContractType,
    DictType,
    EnumType,
    ListType,
    ObjectType,
    PrimitiveType,
    Slot,
    resolve_annotation,
)

__all__ = ["HELP_PAGE_NOW", "help_page_sample"]

#: ``DateTime.Now`` as the Vehizen help page shows it (``2026-06-02T18:36:51.9290578+00:00``,
#: kind Local on a server at UTC+0): the default clock of :func:`help_page_sample`.
HELP_PAGE_NOW: Final = DateTime.from_parts(
    2026, 6, 2, 18, 36, 51, 9_290_578, kind=DateTimeKind.LOCAL, offset_minutes=0
)

#: ObjectGenerator's DefaultCollectionSize
COLLECTION_SIZE: Final = 2

_UNSIGNED_MASK: Final = (1 << 64) - 1


class _Counter:
    """``SimpleTypeObjectGenerator``: one counter, advanced before every simple value."""

    __slots__ = ("index",)

    def __init__(self) -> None:
        self.index = 0

    def next(self) -> int:
        self.index += 1
        return self.index


class _Generation:
    """One call of ``ObjectGenerator.GenerateObject``: the object cache, the clock, the GUIDs."""

    def __init__(self, now: DateTime, seed: int) -> None:
        self.now = now
        self.rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
        self.created: dict[Any, Any] = {}
        self.building: dict[Any, str] = {}

    def new_guid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    # -- GenerateObject ------------------------------------------------------------------

    def slot(self, slot: Slot, counter: _Counter, path: str) -> Any:
        wire = slot.wire
        if isinstance(wire, PrimitiveType):
            if slot.optional and wire.is_value_type:
                # Nullable<T>: GenerateNullable uses a new ObjectGenerator (a fresh counter)
                counter = _Counter()
            try:
                return self.simple(wire.primitive, counter)
            except ValueError as exc:  # a user's own type refusing .NET's sample of its carrier
                raise SerializationError([Problem(path, str(exc))]) from exc
        if isinstance(wire, EnumType):
            return _first_enum_value(wire)
        if isinstance(wire, ListType | DictType):
            made: Any = (
                self.collection(wire, path)
                if isinstance(wire, ListType)
                else self.dictionary(wire, path)
            )
            # (a collection contract: its own class)
            return made if made is None or wire.cls in (list, dict) else wire.cls(made)
        if isinstance(wire, ContractType):
            tp = wire.cls[wire.type_args] if wire.type_args else wire.cls  # type: ignore[index]
            return self.complex(tp, path)
        if isinstance(wire, ObjectType):
            if wire.expected is not None:
                # a generic contract's T: the sample a .NET generic class would get for T
                return self.slot(wire.expected, counter, path)
            counter.next()  # typeof(Object) is a simple type: `new object()` takes a number
            return AnyObject()
        raise ContractDefinitionError(f"{path}: no sample for {wire!r}")  # pragma: no cover

    def simple(self, primitive: ValueType, counter: _Counter) -> Any:
        # every simple value advances the counter, shown or not (Guid.NewGuid, DateTime.Now)
        return primitive.help_sample(counter.next(), self)

    def collection(self, wire: ListType, path: str) -> list[Any] | None:
        counter = _Counter()  # GenerateCollection: one new ObjectGenerator for all the items
        items = [self.slot(wire.item, counter, item(path, i)) for i in range(COLLECTION_SIZE)]
        if all(value is None for value in items):
            return None
        return items

    def dictionary(self, wire: DictType, path: str) -> dict[Any, Any] | None:
        """``GenerateDictionary`` (HelpPage's ObjectGenerator.cs): one new ObjectGenerator for
        keys and values alike; a key already present is not added again (an enum key's
        first value twice: one entry); a null key gives no dictionary."""
        counter = _Counter()
        result: dict[Any, Any] = {}
        for _ in range(COLLECTION_SIZE):
            key = self.slot(wire.key, counter, path)
            if key is None:
                return None
            if key not in result:
                result[key] = self.slot(wire.value, counter, keyed(path, key))
        return result

    def complex(self, tp: Any, path: str) -> Any:
        key = _cache_key(tp)
        if key in self.created:
            return self.created[key]
        if key in self.building:
            first = self.building[key] or "<root>"
            raise SerializationError(
                [
                    Problem(
                        path,
                        f"the sample of {_type_name(tp)} contains itself (first made at"
                        f" {first}): the help page's object graph has a cycle, which"
                        " DataContractSerializer and Json.NET refuse to write",
                    )
                ]
            )
        self.building[key] = path
        info = contract_info(tp)
        aliases = {f.name: f.alias for f in attrs.fields(info.cls)}
        counter = _Counter()  # SetPublicProperties: one new ObjectGenerator per object
        values: dict[str, Any] = {}
        for m in info.json_members:  # reflection order: most-derived class first
            if m.computed is not None or not m.in_xml:
                continue  # read-only property: CanWrite is false, the generator skips it
            values[aliases[m.attr]] = self.slot(m.slot, counter, join(path, m.wire_name))
        obj = info.cls(**values)
        del self.building[key]
        self.created[key] = obj
        return obj


def _cache_key(tp: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin is None:
        return tp
    return (origin, typing.get_args(tp))


def _type_name(tp: Any) -> str:
    return getattr(tp, "__qualname__", None) or repr(tp)


def _first_enum_value(wire: EnumType) -> Any:
    members = list(wire.cls)
    if not members:
        return None  # GenerateEnum returns null for an enum without values
    # Enum.GetValues sorts by the unsigned binary value: 0, 1, ..., then the negative ones
    return min(members, key=lambda m: int(m) & _UNSIGNED_MASK)


def help_page_sample(tp: Any, *, now: DateTime = HELP_PAGE_NOW, seed: int = 0) -> Any:
    """The sample object ASP.NET Web API's help page shows for ``tp``.

    :param tp: a contract class (``CustomerGroupDto``), a parametrized generic contract
        (``ResponseDto[uuid.UUID]``: ``Data`` is then made as a .NET ``T`` member would be),
        or a member annotation (``list[VehicleLightDto]``, ``Int32 | None``).
    :param now: the value of every ``DateTime.Now`` (.NET reads the clock; one fixed instant
        here). Default :data:`HELP_PAGE_NOW`, the instant on the Vehizen help page.
    :param seed: seeds the ``random.Random`` that every ``Guid.NewGuid()`` is drawn from
        (version-4 GUIDs, as .NET makes them): the same seed gives the same GUIDs.

    Serialize the result with :func:`~netcontract.to_json` / :func:`~netcontract.to_xml`
    (``indent=True`` for the help page's layout). Objects of one type are one shared instance,
    as on the help page: mutate a copy (``attrs.evolve``) rather than the sample itself.
    Raises :class:`~netcontract.SerializationError` when the sample would contain itself.
    """
    if not isinstance(now, DateTime):
        raise TypeError(f"now must be a netcontract.DateTime, not {type(now).__name__}")
    if type(seed) is not int:
        raise TypeError(f"seed must be an int, not {type(seed).__name__}")
    generation = _Generation(now, seed)
    if is_contract(tp):
        return generation.complex(tp, "")
    return generation.slot(resolve_annotation(tp), _Counter(), "")
