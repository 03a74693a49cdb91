"""Round-trip properties of every Vehizen contract, on values drawn by netcontract.strategies.

For any valid object: JSON -> object -> JSON and XML -> object -> XML give back the same bytes
(compact and indented, and whatever layout was read); object -> XML -> object and
object -> JSON -> object give back an equal object (JSON read with the parametrized
``ResponseDto[T]``, since the type of ``Data`` does not travel in JSON); JSON -> XML -> JSON
gives back the same bytes. Equality is exact: NaN equals NaN, ``-0.0`` is not ``0.0``, a
Decimal keeps its scale, an enum keeps its class. XML does not carry JSON-only members
(``Utility``): after an XML trip they hold their default, as on the .NET server.

Each property runs on the generated paths and on the reference path alone (the ``engine_path``
fixture); in CI also with ``NETCONTRACT_NO_FALLBACK=1``, so a generated path that gives up on
a valid object fails here.
"""

from __future__ import annotations

import decimal
import math
import typing
import uuid
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import netcontract as nc
from netcontract.strategies import for_type
from vehizen import (
    CameraType,
    CustomerGroupDto,
    ExternalInterfaceHeaderDto,
    ResponseDto,
    VehicleBaseDto,
    VehicleLightDto,
)

#: every Vehizen contract, and ResponseDto with Data untyped and bound to each kind of value
TYPES: list[Any] = [
    CustomerGroupDto,
    VehicleLightDto,
    VehicleBaseDto,
    ExternalInterfaceHeaderDto,
    ResponseDto,
    ResponseDto[uuid.UUID],
    ResponseDto[CustomerGroupDto],
    ResponseDto[VehicleLightDto],
    ResponseDto[ExternalInterfaceHeaderDto],
    ResponseDto[nc.Int32],
    ResponseDto[nc.Int64],
    ResponseDto[nc.DateTime],
    ResponseDto[CameraType],
    ResponseDto[str],
    ResponseDto[float],
    ResponseDto[bool],
    ResponseDto[decimal.Decimal],
]


def type_id(tp: Any) -> str:
    args = typing.get_args(tp)
    origin = typing.get_origin(tp) or tp
    if not args:
        return str(origin.__name__)
    (arg,) = args
    if typing.get_origin(arg) is typing.Annotated:
        inner = typing.get_args(arg)[1].clr_name
    else:
        inner = arg.__name__
    return f"{origin.__name__}[{inner}]"


def origin_of(tp: Any) -> Any:
    return typing.get_origin(tp) or tp


# ----------------------------------------------------------------------------- equality


def same(a: Any, b: Any) -> bool:
    """Exact equality of contract values: NaN == NaN, -0.0 != 0.0, Decimal scale and type kept."""
    if type(a) is not type(b):
        return False
    if type(a) is float:
        if math.isnan(a):
            return math.isnan(b)
        return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)
    if type(a) is decimal.Decimal:
        # a negative zero is written without its sign (as .NET does): only its scale is kept
        return bool(a == b and a.as_tuple().exponent == b.as_tuple().exponent)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if attrs.has(type(a)):
        return all(same(getattr(a, f.name), getattr(b, f.name)) for f in attrs.fields(type(a)))
    return bool(a == b)


def map_values(value: Any, fn: Any) -> Any:
    """``value`` with ``fn`` applied to every leaf (inside lists and contracts)."""
    if isinstance(value, list):
        return [map_values(item, fn) for item in value]
    if attrs.has(type(value)) and "__netcontract__" in type(value).__dict__:
        stored = [m.attr for m in nc.contract_info(type(value)).json_members if m.computed is None]
        return attrs.evolve(value, **{a: map_values(getattr(value, a), fn) for a in stored})
    return fn(value)


def json_decimal(value: Any) -> Any:
    """A Decimal as it reads back from Json.NET's text: ``5`` is written ``5.0``, read ``5.0``.

    Unless the extra digit does not fit the 96-bit coefficient: ``79228162514264337593543950335.0``
    reads back with scale 0, as in .NET.
    """
    if type(value) is decimal.Decimal and value.as_tuple().exponent == 0:
        with_point = value.quantize(decimal.Decimal("0.0"), context=decimal.Context(prec=40))
        if abs(with_point.scaleb(1, context=decimal.Context(prec=40))) <= 2**96 - 1:
            return with_point
    return value


def xml_view(value: Any) -> Any:
    """``value`` as XML carries it: JSON-only members (``Utility``) back to their default."""
    if isinstance(value, list):
        return [xml_view(item) for item in value]
    if not attrs.has(type(value)) or "__netcontract__" not in type(value).__dict__:
        return value
    changes: dict[str, Any] = {}
    defaults = {f.name: f.default for f in attrs.fields(type(value))}
    for m in nc.contract_info(type(value)).json_members:
        if m.computed is not None:
            continue
        if m.in_xml:
            changes[m.attr] = xml_view(getattr(value, m.attr))
        else:
            default = defaults[m.attr]
            changes[m.attr] = default.factory() if isinstance(default, attrs.Factory) else default  # type: ignore[arg-type]
    return attrs.evolve(value, **changes)


def test_same_is_exact() -> None:
    assert same(math.nan, math.nan)
    assert not same(-0.0, 0.0)
    assert not same(decimal.Decimal("1.50"), decimal.Decimal("1.5"))
    assert same(decimal.Decimal("-0.00"), decimal.Decimal("0.00"))
    assert not same(1, 1.0)
    assert not same(CameraType.WITHOUT_CAMERA, 0)
    assert not same(ResponseDto(data=math.nan), ResponseDto(data=0.0))
    assert same(ResponseDto(data=[math.nan]), ResponseDto(data=[math.nan]))


def test_xml_view_resets_json_only_members_everywhere() -> None:
    vehicle = VehicleLightDto(utility="Tracteur", name="n")
    group = CustomerGroupDto(vehicles=[vehicle])
    assert xml_view(group) == CustomerGroupDto(vehicles=[VehicleLightDto(name="n")])
    assert xml_view(ResponseDto(data=vehicle)).data.utility == "Porteur"


# ----------------------------------------------------------------------------- properties

params = pytest.mark.parametrize("tp", TYPES, ids=type_id)


def known(tp: Any) -> list[Any]:
    """The serializer's known types a ``ResponseDto[X]`` value needs: X, when a contract or
    an enum (Data is ``object`` in .NET; a Python instance does not carry its X)."""
    return [
        a for a in typing.get_args(tp) if isinstance(a, type) and "__netcontract__" in a.__dict__
    ]


@params
@given(data=st.data())
def test_xml_round_trip(engine_path: str, tp: Any, data: st.DataObject) -> None:
    """object -> XML -> object: equal (bar JSON-only members); XML -> object -> XML: same bytes."""
    obj = data.draw(for_type(tp), label="obj")
    compact = nc.to_xml(obj, known_types=known(tp))
    indented = nc.to_xml(obj, indent=True, known_types=known(tp))
    expected = xml_view(obj)
    for text in (compact, indented):
        back = nc.from_xml(text, tp, known_types=known(tp))
        assert same(back, expected), (text, back)
        # whatever layout was read, both layouts are written back byte for byte
        assert nc.to_xml(back, known_types=known(tp)) == compact
        assert nc.to_xml(back, indent=True, known_types=known(tp)) == indented
    # without a class, the root element picks the contract
    assert same(
        nc.from_xml(compact, known_types=known(tp)),
        nc.from_xml(compact, origin_of(tp), known_types=known(tp)),
    )


@params
@given(data=st.data())
def test_json_round_trip(engine_path: str, tp: Any, data: st.DataObject) -> None:
    """object -> JSON -> object: equal (as ResponseDto[T]); JSON -> object -> JSON: same bytes."""
    obj = data.draw(for_type(tp), label="obj")
    compact = nc.to_json(obj)
    indented = nc.to_json(obj, indent=True)
    for text in (compact, indented):
        back = nc.from_json(text, tp)
        if tp is not ResponseDto:  # untyped Data reads as JSON values (a Guid as a string...)
            assert same(back, map_values(obj, json_decimal)), (text, back)
        assert nc.to_json(back) == compact
        assert nc.to_json(back, indent=True) == indented
        if tp is not ResponseDto[decimal.Decimal]:  # an untyped 1.50 is a Double, as in Json.NET
            # the untyped ResponseDto keeps the bytes too: Data is echoed as read
            untyped = nc.from_json(text, origin_of(tp))
            assert nc.to_json(untyped) == compact
            assert nc.to_json(untyped, indent=True) == indented


@params
@given(data=st.data())
def test_json_to_xml_to_json(engine_path: str, tp: Any, data: st.DataObject) -> None:
    """JSON -> object -> XML -> object -> JSON gives back the JSON bytes (XML-carried members)."""
    obj = xml_view(data.draw(for_type(tp), label="obj"))
    for indent in (False, True):
        text = nc.to_json(obj, indent=indent)
        middle = nc.from_json(text, tp)
        if tp is ResponseDto and attrs.has(type(obj.data)):
            # a JSON object read into an untyped member has no .NET type to write as XML
            with pytest.raises(nc.SerializationError, match="untyped JSON value"):
                nc.to_xml(middle)
            continue
        xml = nc.to_xml(middle, indent=indent, known_types=known(tp))
        assert nc.to_json(nc.from_xml(xml, tp, known_types=known(tp)), indent=indent) == text
