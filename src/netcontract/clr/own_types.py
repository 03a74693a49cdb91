"""Users' own value types: a Python type that travels as a .NET primitive.

``register_value_type(Money, travels_as=decimal.Decimal, to_wire=..., from_wire=...)`` is the
equivalent of a Json.NET ``JsonConverter`` plus a DataContract surrogate that turn a ``Money``
into a ``decimal`` on the wire: .NET sees a ``decimal`` member (XML, Json.NET, XSD, forms and
``i:type`` are the carrier's), Python code sees ``Money``.

An :class:`OwnValueType` wraps the carrier's :class:`~netcontract.clr.value_types.ValueType`:
every form is the carrier's, applied to ``to_wire(value)``, and every value read is
``from_wire(carrier value)``. An exception from the user's functions becomes a ``ValueError``
naming the type and the function, which the readers and writers report with the member path
(``PayloadError``, ``SerializationError``), as they report the carrier's own refusals.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from netcontract.clr import value_types as _vt
from netcontract.clr.value_types import SampleSource, Snippet, ValueType
from netcontract.errors import ContractDefinitionError
from netcontract.json.text import dumps_jsonnet

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

    from netcontract.codegen import Source

__all__ = ["OwnValueType", "register_value_type"]


class OwnValueType(ValueType):
    """A user's Python type carried on the wire as a registered CLR type (its ``carrier``)."""

    def __init__(
        self,
        python_type: type,
        carrier: ValueType,
        to_wire: Callable[[Any], Any],
        from_wire: Callable[[Any], Any],
        strategy: SearchStrategy[Any] | None,
    ) -> None:
        self.python_type = python_type
        self._carrier = carrier
        self._to_wire = to_wire
        self._from_wire = from_wire
        self._strategy = strategy
        name = python_type.__qualname__
        self.clr_name = f"{name} (as {carrier.clr_name})"
        self.contract_name = carrier.contract_name
        self.namespace = carrier.namespace
        self.is_value_type = carrier.is_value_type
        self.xml_escapes = carrier.xml_escapes
        self.xsd_hint = carrier.xsd_hint
        self.xml_empty_closes = carrier.xml_empty_closes

    def __repr__(self) -> str:
        return f"<own type {self.clr_name}>"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_vt.for_annotation, (self.python_type,))

    @property
    def carrier(self) -> ValueType:
        return self._carrier

    # -- the two conversions ---------------------------------------------------------------

    def to_wire(self, value: Any) -> Any:
        """The carrier's value for ``value`` (checked by the carrier); ValueError/TypeError."""
        if not isinstance(value, self.python_type):
            raise TypeError(
                f"expected a {self.python_type.__qualname__}, got {type(value).__name__}"
            )
        try:
            wire = self._to_wire(value)
        except Exception as exc:  # the user's code: any failure is a refused value
            raise ValueError(self._failed("to_wire", exc)) from exc
        try:
            return self._carrier.check(wire)
        except (ValueError, TypeError) as exc:
            raise ValueError(
                f"{self.python_type.__qualname__}: to_wire gave a value {self._carrier.clr_name}"
                f" cannot hold: {exc}"
            ) from exc

    def from_wire(self, wire: Any) -> Any:
        """The user's value for a carrier value; ValueError where ``from_wire`` fails."""
        try:
            value = self._from_wire(wire)
        except Exception as exc:  # the user's code: any failure is a refused value
            raise ValueError(self._failed("from_wire", exc)) from exc
        if not isinstance(value, self.python_type):
            raise ValueError(
                f"{self.python_type.__qualname__}: from_wire returned"
                f" {type(value).__name__}, not {self.python_type.__qualname__}"
            )
        return value

    def _failed(self, function: str, exc: Exception) -> str:
        text = str(exc)
        if len(text) > 200:
            text = text[:197] + "..."
        return f"{self.python_type.__qualname__}: {function} raised {type(exc).__name__}: {text}"

    # -- the ValueType interface, through the carrier ------------------------------------------

    def check(self, value: Any, /) -> Any:
        # the type only: the writers convert next (to_wire once), refusing what it refuses
        if not isinstance(value, self.python_type):
            raise TypeError(
                f"expected a {self.python_type.__qualname__}, got {type(value).__name__}"
            )
        return value

    def xml_text(self, value: Any, /) -> str:
        return self._carrier.xml_text(self.to_wire(value))

    def xml_parse(self, text: str, /) -> Any:
        return self.from_wire(self._carrier.xml_parse(text))

    def json_value(self, value: Any, /) -> Any:
        return self._carrier.json_value(self.to_wire(value))

    def json_parse(self, value: Any, /) -> Any:
        return self.from_wire(self._carrier.json_parse(value))

    def form_text(self, value: Any, /) -> str:
        return self._carrier.form_text(self.to_wire(value))

    def form_parse(self, text: str, /) -> Any:
        return self.from_wire(self._carrier.form_parse(text))

    def form_loss(self, value: Any) -> str | None:
        return self._carrier.form_loss(self.to_wire(value))

    def form_lossy_text(self, value: Any, nillable: bool) -> str:
        return self._carrier.form_lossy_text(self.to_wire(value), nillable)

    def help_sample(self, index: int, source: SampleSource) -> Any:
        return self.from_wire(self._carrier.help_sample(index, source))

    def strategy(self, *, local_offsets: SearchStrategy[int] | None = None) -> SearchStrategy[Any]:
        if self._strategy is not None:
            return self._strategy
        # the carrier's values that from_wire accepts
        refused = object()

        def convert(wire: Any) -> Any:
            try:
                return self.from_wire(wire)
            except ValueError:
                return refused

        carried = self._carrier.strategy(local_offsets=local_offsets)
        return carried.map(convert).filter(lambda v: v is not refused)

    # -- generated code: the whole conversion in one call ---------------------------------

    def xml_fast_text(self, src: Source, var: str) -> Snippet | None:
        return Snippet(
            f"type({var}) is {src.const(self.python_type, 'own')}",
            f"{src.const(self.xml_text, 'text')}({var})",
        )

    def json_fast_value(self, src: Source, var: str) -> Snippet | None:
        return Snippet(
            f"type({var}) is {src.const(self.python_type, 'own')}",
            f"{src.const(self._json_token, 'token')}({var})",
            raw=True,
        )

    def _json_token(self, value: Any) -> str:
        return dumps_jsonnet(self.json_value(value))

    def json_fast_read(self, src: Source, var: str) -> Snippet | None:
        parse = src.const(self.json_parse, "parse")
        inner = self._carrier.json_fast_read(src, var)
        if inner is not None and inner.text:  # the carrier's JSON is a string
            return Snippet(f"type({var}) is str", f"{parse}({var})", text=True)
        # numbers, booleans (strings go to the reference reader: they count toward quotas)
        return Snippet(f"type({var}) is not str and {var} is not None", f"{parse}({var})")


def register_value_type(
    python_type: type,
    travels_as: Any,
    *,
    to_wire: Callable[[Any], Any],
    from_wire: Callable[[Any], Any],
    strategy: SearchStrategy[Any] | None = None,
) -> ValueType:
    """Make ``python_type`` a member type that travels as a .NET primitive.

    :param travels_as: the carrier, as a member annotation: ``str``, ``decimal.Decimal``,
        ``uuid.UUID``, ``nc.Int64``, ``nc.DateTime``... (or a registered value type).
    :param to_wire: ``python_type`` value -> carrier value (``Money -> Decimal``).
    :param from_wire: carrier value -> ``python_type`` value; may raise to refuse one.
    :param strategy: a hypothesis strategy of ``python_type`` values (default: the carrier's
        values that ``from_wire`` accepts, converted).
    :returns: the value type (``Annotated[Money, it]`` is the same as ``Money``).

    Register before the first conversion of a contract that uses the type. An exception from
    either function is reported as a problem at the member's path.
    """
    if not isinstance(python_type, type):
        raise ContractDefinitionError(f"register_value_type: {python_type!r} is not a class")
    if _vt.for_annotation(python_type) is not None:
        raise ContractDefinitionError(
            f"register_value_type: {python_type.__qualname__} already has a .NET mapping"
        )
    if "__netcontract__" in python_type.__dict__:
        raise ContractDefinitionError(
            f"register_value_type: {python_type.__qualname__} is a contract"
        )
    carrier = _carrier_of(travels_as)
    if not callable(to_wire) or not callable(from_wire):  # type: ignore[redundant-expr]
        raise ContractDefinitionError("register_value_type: to_wire and from_wire must be callable")
    own = OwnValueType(python_type, carrier, to_wire, from_wire, strategy)
    _vt.register_own(own)
    return own


def _carrier_of(travels_as: Any) -> ValueType:
    if isinstance(travels_as, OwnValueType):
        raise ContractDefinitionError("register_value_type: travels_as must be a .NET type")
    if isinstance(travels_as, ValueType):
        return travels_as
    found: ValueType | None = None
    if typing.get_origin(travels_as) is typing.Annotated:
        found = next((x for x in typing.get_args(travels_as)[1:] if isinstance(x, ValueType)), None)
    elif isinstance(travels_as, type):
        found = _vt.for_annotation(travels_as)
    if found is None or isinstance(found, OwnValueType):
        raise ContractDefinitionError(
            f"register_value_type: travels_as={travels_as!r} is not a .NET primitive"
            " (str, bool, float, decimal.Decimal, uuid.UUID, bytes, nc.Int32, nc.DateTime...)"
        )
    if found.xml_qualified:
        # its XML text depends on the namespaces in scope, which a carrier cannot pass on
        raise ContractDefinitionError(
            "register_value_type: an XmlQualifiedName cannot carry an own type (not supported)"
        )
    return found
