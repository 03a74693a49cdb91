"""Values of ``object`` members: a bare ``new object()`` and a value whose CLR type Python
cannot tell by itself."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeAlias, cast, overload

if TYPE_CHECKING:
    from netcontract.clr.value_types import ValueType

__all__ = ["AnyObject", "Boxed", "BoxedCollection"]

#: what ``Boxed`` takes for a collection: ``list[nc.Int32]``, ``dict[str, nc.Int32]``
_Collection: TypeAlias = type[list[Any]] | type[dict[Any, Any]]


class AnyObject:
    """A bare ``new object()``: written ``<Data />`` in XML and ``{}`` in JSON.

    This is what the help page shows for ``ResponseDto.Data``; all instances are equal.
    """

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        return type(other) is AnyObject

    def __hash__(self) -> int:
        return hash(AnyObject)

    def __repr__(self) -> str:
        return "AnyObject()"


class Boxed:
    """A value of an ``object`` member whose CLR type Python cannot tell (``int`` vs ``long``,
    a ``list`` of what).

    Reading ``<Data i:type="d2p1:int">5</Data>`` gives ``Boxed(5, INT32)``, so that writing
    it back says ``int`` again (and ``Boxed("A", CHAR)`` a ``char``, where a str alone says
    ``string``). ``value`` is the Python value, ``primitive`` its CLR type (a
    :class:`~netcontract.clr.value_types.ValueType`).

    ``Boxed([1, 2], list[nc.Int32])`` and ``Boxed({"a": 1}, dict[str, nc.Int32])`` say which
    .NET collection a list or dict is (``List<int>``, ``Dictionary<string,int>``): they make a
    :class:`BoxedCollection`, written in an ``object`` member with its ``i:type`` (the type
    must be known there) and as a document's root.
    """

    __slots__ = ("primitive", "value")

    value: Any
    primitive: ValueType

    @overload
    def __new__(cls, value: Any, primitive: ValueType) -> Boxed: ...
    @overload
    def __new__(cls, value: Any, primitive: _Collection) -> BoxedCollection: ...

    def __new__(cls, value: Any, primitive: Any) -> Boxed:
        # a collection annotation (list[Int32], dict[str, int]) makes a BoxedCollection
        from netcontract.clr.value_types import ValueType  # noqa: PLC0415 - imports this module

        if cls is Boxed and not isinstance(primitive, ValueType):
            return object.__new__(BoxedCollection)
        return object.__new__(cls)

    def __init__(self, value: Any, primitive: ValueType | _Collection) -> None:
        # (a list[T] / dict[K, V] makes a BoxedCollection, whose own __init__ runs instead)
        primitive = cast("ValueType", primitive)
        try:
            checked = primitive.check(value)
        except (ValueError, TypeError) as exc:
            # a value its CLR type cannot hold could never be written: say so now, in the family
            from netcontract.errors import Problem, SerializationError  # noqa: PLC0415

            raise SerializationError([Problem("", str(exc))]) from None
        # immutable, so that a checked value stays checked
        object.__setattr__(self, "value", checked)
        object.__setattr__(self, "primitive", primitive)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"Boxed is immutable (make a new Boxed to change {name})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("Boxed is immutable")

    def __reduce__(self) -> tuple[Any, ...]:
        return (Boxed, (self.value, self.primitive))

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


class BoxedCollection(Boxed):
    """A list or dict with the .NET collection it is: ``Boxed([1, 2], list[nc.Int32])`` is a
    ``List<int>`` (``ArrayOfint``), ``Boxed({"a": 1}, dict[str, nc.Int32])`` a
    ``Dictionary<string,int>`` (``ArrayOfKeyValueOfstringint``).

    ``value`` is the list or dict, ``clr_type`` the ``list[T]`` / ``dict[K, V]`` annotation.
    Reading an ``object`` member whose ``i:type`` names a known ``List<T>`` or
    ``Dictionary<K,V>`` gives one, so that writing it back says the same type.
    """

    __slots__ = ("clr_type",)

    clr_type: Any

    def __init__(self, value: Any, primitive: Any) -> None:
        from netcontract.errors import Problem, SerializationError  # noqa: PLC0415
        from netcontract.model.wire import (  # noqa: PLC0415 - wire imports this module
            DictType,
            collection_of,
            is_plain_collection,
        )

        if not is_plain_collection(primitive):
            raise TypeError(
                f"Boxed: {primitive!r} is neither a value type (netcontract.clr.value_types)"
                " nor a list[T] / dict[K, V]"
            )
        wire = collection_of(primitive)  # raises ContractDefinitionError for a bad annotation
        wanted: Any = dict if isinstance(wire, DictType) else list
        if not isinstance(value, wanted):
            raise SerializationError(
                [Problem("", f"Boxed: a {primitive!r} holds a {wanted.__name__}, not {value!r}")]
            )
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "clr_type", primitive)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Boxed, (self.value, self.clr_type))

    def __eq__(self, other: object) -> bool:
        return (
            type(other) is BoxedCollection
            and other.clr_type == self.clr_type
            and other.value == self.value
        )

    def __hash__(self) -> int:
        return hash(repr(self.clr_type))

    def __repr__(self) -> str:
        return f"Boxed({self.value!r}, {self.clr_type!r})"
