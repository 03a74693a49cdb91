"""Values of ``object`` members: a bare ``new object()`` and a value whose CLR type Python
cannot tell by itself."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from netcontract.clr.value_types import ValueType

__all__ = ["AnyObject", "Boxed"]


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
    """A value of an ``object`` member whose CLR type Python cannot tell (``int`` vs ``long``).

    Reading ``<Data i:type="d2p1:int">5</Data>`` gives ``Boxed(5, INT32)``, so that writing
    it back says ``int`` again (and ``Boxed("A", CHAR)`` a ``char``, where a str alone says
    ``string``). ``value`` is the Python value, ``primitive`` its CLR type (a
    :class:`~netcontract.clr.value_types.ValueType`).
    """

    __slots__ = ("primitive", "value")

    value: Any
    primitive: ValueType

    def __init__(self, value: Any, primitive: ValueType) -> None:
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
