"""netcontract.strategies: drawn values are valid, reach every edge, and back st.from_type."""

from __future__ import annotations

import decimal
import importlib.metadata
import math
import random
import typing
import uuid
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

import netcontract as nc
from netcontract import DateTime, DateTimeKind, strategies
from netcontract.model.known import own_known, qualified_name
from netcontract.strategies import datetimes, decimals, doubles, for_type, xml_strings
from vehizen import (
    CameraType,
    CustomerGroupDto,
    ExternalInterfaceHeaderDto,
    ResponseDto,
    VehicleBaseDto,
    VehicleLightDto,
)

MAX_TICKS = 3_155_378_975_999_999_999

CONTRACTS: list[Any] = [
    CustomerGroupDto,
    VehicleLightDto,
    VehicleBaseDto,
    ExternalInterfaceHeaderDto,
    ResponseDto,
    ResponseDto[uuid.UUID],
    ResponseDto[CustomerGroupDto],
    ResponseDto[nc.Int32],
    ResponseDto[DateTime],
    ResponseDto[CameraType],
    ResponseDto[decimal.Decimal],
]


def reaches(strategy: SearchStrategy[Any], condition: Callable[[Any], bool]) -> Any:
    """A drawn value meeting ``condition`` (NoSuchExample if 4000 draws do not find one)."""
    return find(
        strategy,
        condition,
        settings=settings(max_examples=4000, database=None, phases=[Phase.generate], deadline=None),
        random=random.Random(0),
    )


def walk(value: Any) -> list[Any]:
    """Every value inside ``value`` (itself, list items, contract members), depth first."""
    found = [value]
    if isinstance(value, list):
        for item in value:
            found += walk(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            found += walk(getattr(value, field.name))
    return found


def has(value: Any, condition: Callable[[Any], bool]) -> bool:
    return any(condition(v) for v in walk(value))


# ----------------------------------------------------------------------------- validity


@pytest.mark.parametrize("tp", CONTRACTS, ids=repr)
@given(data=st.data())
def test_drawn_values_are_written_in_both_formats(tp: Any, data: st.DataObject) -> None:
    obj = data.draw(for_type(tp))
    assert isinstance(obj, typing.get_origin(tp) or tp)
    # Data is `object` in .NET: ResponseDto[X]'s X must be known to the serializer
    known = [
        a for a in typing.get_args(tp) if isinstance(a, type) and "__netcontract__" in a.__dict__
    ]
    for indent in (False, True):
        nc.to_json(obj, indent=indent)
        nc.to_xml(obj, indent=indent, known_types=known)


@given(data=st.data())
def test_unnamed_enum_values_are_json_only(data: st.DataObject) -> None:
    vehicle = data.draw(for_type(VehicleLightDto, unnamed_enums=True))
    nc.to_json(vehicle)
    unnamed = has(vehicle, lambda v: isinstance(v, nc.ContractEnum) and not v.is_named)
    if unnamed:
        with pytest.raises(nc.SerializationError, match="enum value"):
            nc.to_xml(vehicle)
    else:
        nc.to_xml(vehicle)


@given(xml_strings())
def test_strings_hold_only_characters_xml_can_carry(text: str) -> None:
    for char in text:
        code = ord(char)
        assert (
            char in "\t\n\r" or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or code > 0xFFFF
        )
    nc.to_xml(ResponseDto(errors=[text]))


@given(for_type(VehicleLightDto, local_offsets=st.just(0)))
def test_local_offsets_choose_the_offset_of_local_dates(vehicle: VehicleLightDto) -> None:
    for value in walk(vehicle):
        if type(value) is DateTime and value.kind is DateTimeKind.LOCAL:
            assert value.offset_minutes == 0


@given(for_type(CustomerGroupDto, max_items=1))
def test_max_items_bounds_every_list(group: CustomerGroupDto) -> None:
    assert all(len(v) <= 1 for v in walk(group) if isinstance(v, list))


@given(for_type(CustomerGroupDto, max_items=0))
def test_max_items_zero_gives_empty_lists(group: CustomerGroupDto) -> None:
    assert group.vehicles in (None, [])


@given(for_type(ResponseDto[uuid.UUID]))
def test_a_bound_type_variable_gives_values_of_that_type(response: Any) -> None:
    assert response.data is None or type(response.data) is uuid.UUID


@given(for_type(uuid.UUID), for_type(CameraType), for_type(nc.Int32))
def test_value_types_are_never_none(guid: Any, camera: Any, number: Any) -> None:
    assert type(guid) is uuid.UUID
    assert isinstance(camera, CameraType)
    assert camera.is_named
    assert type(number) is int


# ----------------------------------------------------------------------------- edges


def _bounds(lo: int, hi: int) -> list[tuple[Callable[[Any], bool], str]]:
    return [(lo.__eq__, f"== {lo}"), (hi.__eq__, f"== {hi}")]


INTEGER_EDGES = [
    pytest.param(tp, condition, id=f"{name}{label}")
    for name, tp, lo, hi in [
        ("Int32", nc.Int32, -(2**31), 2**31 - 1),
        ("Int64", nc.Int64, -(2**63), 2**63 - 1),
        ("Int16", nc.Int16, -(2**15), 2**15 - 1),
        ("SByte", nc.SByte, -128, 127),
        ("Byte", nc.Byte, 0, 255),
        ("UInt16", nc.UInt16, 0, 2**16 - 1),
        ("UInt32", nc.UInt32, 0, 2**32 - 1),
        ("UInt64", nc.UInt64, 0, 2**64 - 1),
    ]
    for condition, label in _bounds(lo, hi)
]


@pytest.mark.parametrize(("tp", "condition"), INTEGER_EDGES)
def test_integers_reach_the_ends_of_their_range(tp: Any, condition: Any) -> None:
    reaches(for_type(tp), condition)


@pytest.mark.parametrize(
    ("tp", "lo", "hi"),
    [(nc.Int32, -(2**31), 2**31 - 1), (nc.Byte, 0, 255), (nc.UInt64, 0, 2**64 - 1)],
)
@given(data=st.data())
def test_integers_stay_in_range(tp: Any, lo: int, hi: int, data: st.DataObject) -> None:
    assert lo <= data.draw(for_type(tp)) <= hi


DOUBLE_EDGES: dict[str, Callable[[float], bool]] = {
    "negative zero": lambda v: v == 0.0 and math.copysign(1.0, v) < 0,
    "NaN": math.isnan,
    "+inf": lambda v: v == math.inf,
    "-inf": lambda v: v == -math.inf,
    "subnormal": lambda v: 0.0 < abs(v) < 2.2250738585072014e-308,
    "huge": lambda v: 1e300 < abs(v) < math.inf,
    "tiny normal": lambda v: 2.2250738585072014e-308 <= abs(v) < 1e-300,
    "MaxValue": lambda v: v == 1.7976931348623157e308,
    "integral": lambda v: math.isfinite(v) and v == int(v) and abs(v) > 1,
    "needs 17 digits": lambda v: math.isfinite(v) and len(repr(abs(v)).split("e")[0]) > 17,
}


@pytest.mark.parametrize("name", DOUBLE_EDGES)
def test_doubles_reach_their_edges(name: str) -> None:
    reaches(doubles(), DOUBLE_EDGES[name])
    reaches(
        for_type(ResponseDto[float]), lambda r: r.data is not None and DOUBLE_EDGES[name](r.data)
    )


def _exponent(d: decimal.Decimal) -> int:
    return int(d.as_tuple().exponent)


def _coefficient(d: decimal.Decimal) -> int:
    return int("".join(map(str, d.as_tuple().digits)))


DECIMAL_EDGES: dict[str, Callable[[decimal.Decimal], bool]] = {
    "scale 28": lambda d: _exponent(d) == -28,
    "scale 0": lambda d: _exponent(d) == 0 and d != 0,
    "largest coefficient": lambda d: _coefficient(d) == 2**96 - 1,
    "negative": lambda d: d < 0,
    "trailing zero": lambda d: _exponent(d) < 0 and d.as_tuple().digits[-1] == 0 and d != 0,
    "negative zero": lambda d: d.is_zero() and d.is_signed(),
}


@pytest.mark.parametrize("name", DECIMAL_EDGES)
def test_decimals_reach_their_edges(name: str) -> None:
    reaches(decimals(), DECIMAL_EDGES[name])


@given(decimals())
def test_decimals_fit_system_decimal(d: decimal.Decimal) -> None:
    assert -28 <= _exponent(d) <= 0
    assert _coefficient(d) <= 2**96 - 1
    nc.to_xml(ResponseDto(data=d))


DATETIME_EDGES: dict[str, Callable[[DateTime], bool]] = {
    "MinValue": lambda d: d.ticks == 0,
    "MaxValue": lambda d: d.ticks == MAX_TICKS,
    "year 9999": lambda d: d.year == 9999,
    "Utc": lambda d: d.kind is DateTimeKind.UTC,
    "Unspecified": lambda d: d.kind is DateTimeKind.UNSPECIFIED,
    "Local -14:00": lambda d: d.kind is DateTimeKind.LOCAL and d.offset_minutes == -840,
    "Local +14:00": lambda d: d.kind is DateTimeKind.LOCAL and d.offset_minutes == 840,
    "Local odd offset": lambda d: (
        d.kind is DateTimeKind.LOCAL and (d.offset_minutes or 0) % 15 != 0
    ),
    "100 ns digit": lambda d: d.ticks % 10 != 0,
    "whole second": lambda d: d.ticks % 10_000_000 == 0 and d.ticks > 0,
}


@pytest.mark.parametrize("name", DATETIME_EDGES)
def test_datetimes_reach_their_edges(name: str) -> None:
    reaches(datetimes(), DATETIME_EDGES[name])


@given(datetimes(kinds=[DateTimeKind.UTC]))
def test_datetimes_can_leave_out_kinds(value: DateTime) -> None:
    assert value.kind is DateTimeKind.UTC
    with pytest.raises(ValueError, match="at least one kind"):
        datetimes(kinds=[])


def containing(piece: str) -> Callable[[str], bool]:
    return lambda text: piece in text


STRING_EDGES: dict[str, Callable[[str], bool]] = {
    **{repr(piece): containing(piece) for piece in ("&", "<", ">", '"', "'", "]]>")},
    r"\r": lambda s: "\r" in s,
    r"\n": lambda s: "\n" in s,
    r"\t": lambda s: "\t" in s,
    "empty": lambda s: s == "",
    "white space only": lambda s: s != "" and s.strip() == "",
    "non-ASCII": lambda s: any(0x80 <= ord(c) <= 0xFFFF for c in s),
    "astral": lambda s: any(ord(c) > 0xFFFF for c in s),
    "U+2028": lambda s: "\u2028" in s,
}


@pytest.mark.parametrize("name", STRING_EDGES)
def test_strings_reach_their_edges(name: str) -> None:
    reaches(xml_strings(), STRING_EDGES[name])
    reaches(
        for_type(ExternalInterfaceHeaderDto),
        lambda h: h.name is not None and STRING_EDGES[name](h.name),
    )


def test_none_where_dotnet_allows_null() -> None:
    reaches(for_type(uuid.UUID | None), lambda v: v is None)
    reaches(for_type(str), lambda v: v is None)  # a reference type
    reaches(for_type(VehicleLightDto), lambda v: v.km_end_of_lease is None)


LIST_EDGES: dict[str, Callable[[Any], bool]] = {
    "None": lambda v: v is None,
    "empty": lambda v: v == [],
    "items": lambda v: bool(v) and len(v) > 1,
    "a None item": lambda v: bool(v) and None in v,
}


@pytest.mark.parametrize("name", LIST_EDGES)
def test_lists_are_none_empty_or_not(name: str) -> None:
    reaches(for_type(list[str | None] | None), LIST_EDGES[name])
    reaches(for_type(CustomerGroupDto), lambda g: LIST_EDGES[name](g.vehicles))


def test_enums_are_named_unless_asked() -> None:
    reaches(for_type(CameraType), lambda c: c is CameraType.WITHOUT_CAMERA)
    unnamed = reaches(for_type(CameraType, unnamed_enums=True), lambda c: not c.is_named)
    assert type(unnamed) is CameraType
    assert -(2**31) <= int(unnamed) < 2**31


@nc.contract(xml_namespace="urn:strategies")
class _Overlapping(nc.ContractFlag):
    # members sharing bits, as Bing Ads' CampaignTypeReportFilter declares them
    A = 1
    B = 3
    C = 4
    D = 6
    E = 8


@nc.contract(xml_namespace="urn:strategies")
class _HoldsOverlapping:
    flags: _Overlapping = nc.member("Flags", default=_Overlapping.A)


@given(value=for_type(_HoldsOverlapping))
def test_flags_whose_members_share_bits_draw_only_what_xml_can_write(value: Any) -> None:
    # 1 | 6 | 8 = 15 is a combination, but DataContractSerializer's greedy writer (A, then C,
    # then E) leaves bit 2 and refuses it: never drawn
    nc.to_xml(value)


def test_flags_whose_members_share_bits_still_reach_combinations() -> None:
    reaches(for_type(_HoldsOverlapping), lambda v: int(v.flags) == 1 | 4 | 8)


OBJECT_KINDS: dict[str, Callable[[Any], bool]] = {
    "None": lambda v: v is None,
    "bare object": lambda v: type(v) is nc.AnyObject,
    "Guid": lambda v: type(v) is uuid.UUID,
    "string": lambda v: type(v) is str,
    "bool": lambda v: type(v) is bool,
    "int": lambda v: type(v) is int,
    "Int64 max": lambda v: type(v) is int and v == 2**63 - 1,
    "float": lambda v: type(v) is float,
    "NaN": lambda v: type(v) is float and math.isnan(v),
    "DateTime": lambda v: type(v) is DateTime,
    "contract": lambda v: attrs.has(type(v)),
}


@pytest.mark.parametrize("name", OBJECT_KINDS)
def test_object_members_hold_every_kind(name: str) -> None:
    # a contract only where it is known: ResponseDto knows the Vehizen contracts
    reaches(for_type(ResponseDto), lambda r: OBJECT_KINDS[name](r.data))


@nc.contract("Probe.Strategies")
class _Bag:
    o: object = nc.member("O", default=None)


@given(for_type(_Bag))
def test_object_members_hold_no_contract_their_owner_does_not_know(bag: Any) -> None:
    assert not attrs.has(type(bag.o))  # _Bag has no known_types


@given(for_type(_Bag, object_contracts=[ExternalInterfaceHeaderDto]))
def test_object_contracts_are_the_contracts_an_object_member_draws(bag: Any) -> None:
    assert type(bag.o) is ExternalInterfaceHeaderDto or not attrs.has(type(bag.o))


def test_object_contracts_are_drawn() -> None:
    reaches(ONLY_HEADERS, lambda r: type(r.data) is ExternalInterfaceHeaderDto)


@given(for_type(ResponseDto))
def test_object_members_hold_only_the_contracts_their_owner_knows(response: Any) -> None:
    if attrs.has(type(response.data)):
        assert qualified_name(type(response.data)) in own_known(ResponseDto)


@given(for_type(object))
def test_object_annotations_hold_small_contracts(data: Any) -> None:
    if attrs.has(type(data)):
        assert all(len(v) <= 1 for v in walk(data) if isinstance(v, list))


ONLY_HEADERS = for_type(ResponseDto, object_contracts=[ExternalInterfaceHeaderDto])


def test_object_annotation_draws_any_known_contract() -> None:
    reaches(for_type(object), lambda v: attrs.has(type(v)))


def test_object_contracts_can_be_chosen() -> None:
    reaches(ONLY_HEADERS, lambda r: type(r.data) is ExternalInterfaceHeaderDto)


@given(ONLY_HEADERS)
def test_object_contracts_are_the_only_contracts_drawn(response: Any) -> None:
    assert not attrs.has(type(response.data)) or type(response.data) is ExternalInterfaceHeaderDto


def test_json_only_members_get_text_or_none() -> None:
    reaches(for_type(VehicleLightDto), lambda v: v.utility is None)
    reaches(for_type(VehicleLightDto), lambda v: v.utility not in (None, "Porteur"))


# ----------------------------------------------------------------------------- API


def test_strategies_are_built_once_per_type_and_options() -> None:
    assert for_type(CustomerGroupDto) is for_type(CustomerGroupDto)
    assert for_type(CustomerGroupDto) is not for_type(CustomerGroupDto, max_items=1)
    assert for_type(list[str | None] | None) is for_type(list[str | None] | None)


def test_non_contracts_are_refused() -> None:
    class Plain:
        pass

    with pytest.raises(nc.ContractDefinitionError):
        for_type(Plain)
    with pytest.raises(ValueError, match="max_items"):
        for_type(CustomerGroupDto, max_items=-1)
    with pytest.raises(TypeError, match="not a contract"):
        strategies.register(Plain)


@nc.contract("NetContract.Tests.Strategies")
class Node:
    """A contract that refers to itself (strategies are resolved lazily)."""

    name: str | None = nc.member("Name", default=None)
    children: list[Node] | None = nc.member("Children", default=None)


@given(for_type(Node, max_items=2))
def test_recursive_contracts(node: Node) -> None:
    nc.from_xml(nc.to_xml(node), Node)


def test_from_type_after_register_known() -> None:
    strategies.register_known()
    group = reaches(st.from_type(CustomerGroupDto), lambda g: bool(g.vehicles))
    nc.to_xml(group)
    response = reaches(st.from_type(ResponseDto[uuid.UUID]), lambda r: r.data is not None)
    assert type(response.data) is uuid.UUID
    reaches(st.from_type(CameraType), lambda c: c is CameraType.WITHOUT_CAMERA)


@given(data=st.data())
def test_from_type_draws_valid_values(data: st.DataObject) -> None:
    strategies.register_known()  # idempotent; the entry point did it for earlier contracts
    vehicle = data.draw(st.from_type(VehicleLightDto))
    nc.to_xml(vehicle)
    nc.to_json(vehicle)


def test_contracts_declared_later_are_registered() -> None:
    @nc.contract("NetContract.Tests.Strategies.Later")
    class Later:
        when: DateTime = nc.member("When", default=nc.MIN_DATETIME)

    # registered by @contract itself, since netcontract.strategies is imported
    reaches(st.from_type(Later), lambda v: v.when.ticks == MAX_TICKS)


def test_hypothesis_entry_point_is_declared() -> None:
    points = importlib.metadata.entry_points(group="hypothesis")
    assert "netcontract.strategies:_hypothesis_setup_hook" in {p.value for p in points}
