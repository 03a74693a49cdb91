"""Help-page samples: ``help_page_sample`` rebuilds the object ASP.NET's ObjectGenerator makes.

Expected bytes are the help page's own samples, ``fixtures/customer_group.{json,xml}`` and
``fixtures/response.{json,xml}`` (copied from the page by hand, see fixtures/README.md). The
only normalization: GUIDs (``Guid.NewGuid()`` on the server) are renumbered in order of first
appearance, so a GUID that repeats on the page must repeat at the same places here; and, in
the tests that use another clock, dates (``DateTime.Now``) are renumbered the same way.
"""

from __future__ import annotations

import decimal
import enum
import re
import uuid
from pathlib import Path

import pytest

import netcontract as nc
from netcontract.model.wire import EnumType, Slot, list_type
from netcontract.webapi.help_page import _Counter, _Generation
from vehizen import CustomerGroupDto, ResponseDto
from vehizen.domain.dto import CameraType, VehicleLightDto

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures"
SAMPLES = [("customer_group", CustomerGroupDto), ("response", ResponseDto)]
WRITERS = {"json": nc.to_json, "xml": nc.to_xml}

GUID = re.compile(rb"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
DATE = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,7})?(?:Z|[+-]\d\d:\d\d)?")


def renumber(pattern: re.Pattern[bytes], data: bytes, label: bytes) -> bytes:
    """Replace each distinct match by LABEL-n, n counting distinct values in order of appearance."""
    seen: dict[bytes, int] = {}

    def number(match: re.Match[bytes]) -> bytes:
        n = seen.setdefault(match.group(), len(seen) + 1)
        return b"%s-%d" % (label, n)

    return pattern.sub(number, data)


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.mark.parametrize("fmt", ["json", "xml"])
@pytest.mark.parametrize(("base", "cls"), SAMPLES)
def test_reproduces_the_help_page_sample_with_only_guids_normalized(base, cls, fmt):
    # the default clock is the help page's own DateTime.Now, so dates match as they are
    got = WRITERS[fmt](nc.help_page_sample(cls), indent=True)
    expected = fixture(f"{base}.{fmt}")
    assert renumber(GUID, got, b"GUID") == renumber(GUID, expected, b"GUID")


@pytest.mark.parametrize("fmt", ["json", "xml"])
@pytest.mark.parametrize(("base", "cls"), SAMPLES)
def test_reproduces_the_help_page_sample_with_another_clock_and_seed(base, cls, fmt):
    now = nc.DateTime.from_parts(2030, 1, 2, 3, 4, 5, 6, kind=nc.DateTimeKind.UTC)
    got = WRITERS[fmt](nc.help_page_sample(cls, now=now, seed=12345), indent=True)
    expected = fixture(f"{base}.{fmt}")
    if base == "customer_group":
        assert b"2030-01-02T03:04:05.0000006Z" in got
    normalize = lambda data: renumber(DATE, renumber(GUID, data, b"GUID"), b"DATE")  # noqa: E731
    assert normalize(got) == normalize(expected)


def test_the_customer_group_sample_has_the_pages_guid_pattern():
    # 11 distinct GUIDs on the page: 3 in the group, 6 in the vehicle (both vehicles are the
    # same object), 2 in the external interface (both items are the same object)
    obj = nc.help_page_sample(CustomerGroupDto)
    assert len(set(GUID.findall(nc.to_json(obj)))) == 11
    assert len(set(GUID.findall(fixture("customer_group.json")))) == 11
    assert obj.vehicles[0] is obj.vehicles[1]
    ifaces = obj.vehicles[0].external_interfaces
    assert ifaces[0] is ifaces[1]
    assert obj.vehicles[0].full_name == "sample string 17 (sample string 15)"
    assert obj.vehicles[0].utility == "Porteur"


def test_same_seed_same_bytes_other_seed_other_guids():
    a = nc.to_xml(nc.help_page_sample(CustomerGroupDto, seed=7))
    b = nc.to_xml(nc.help_page_sample(CustomerGroupDto, seed=7))
    c = nc.to_xml(nc.help_page_sample(CustomerGroupDto, seed=8))
    assert a == b
    assert a != c
    assert renumber(GUID, a, b"G") == renumber(GUID, c, b"G")


def test_guids_are_version_4_like_guid_newguid():
    obj = nc.help_page_sample(CustomerGroupDto)
    for guid in (obj.customer_id, obj.id, obj.vehicles[0].vehicle_id):
        assert guid.version == 4
        assert guid.variant == uuid.RFC_4122


def test_vehicle_counter_values():
    vehicle = nc.help_page_sample(VehicleLightDto)
    assert vehicle.id_ws == 1  # derived class's members come first
    assert vehicle.agency_affiliation_name == "sample string 2"
    assert vehicle.km_end_of_lease == 1  # int?: a fresh generator
    assert vehicle.theoretical_consumption == 1.1  # double?: a fresh generator
    assert vehicle.tolerance == 8
    assert vehicle.total_fuel_used == 11.1
    assert vehicle.camera_type is CameraType.WITHOUT_CAMERA
    assert vehicle.licence_plate == "sample string 15"
    assert vehicle.fuel_name == "sample string 23"
    assert vehicle.initial_entry_into_service == nc.HELP_PAGE_NOW


# ----------------------------------------------------------------- rules beyond Vehizen


@nc.contract("NetContract.Tests.Samples")
class Sign(nc.ContractEnum):
    Minus = -1
    Plus = 1


@nc.contract("NetContract.Tests.Samples")
class Leaf:
    text: str | None = nc.member(default=None)


@nc.contract("NetContract.Tests.Samples")
class Everything:
    a_string: str | None = nc.member(default=None)  # 1
    an_object: object = nc.member(default=None)  # 2: new object() takes a number
    a_short: nc.Int16 = nc.member(default=0)  # 3
    nullable_long: nc.Int64 | None = nc.member(default=None)  # fresh: 1
    a_byte: nc.Byte = nc.member(default=0)  # 4, shown 64
    a_decimal: decimal.Decimal = nc.member(default=decimal.Decimal(0))  # 5
    a_bool: bool = nc.member(default=False)  # 6
    a_guid: uuid.UUID = nc.member(default=nc.EMPTY_GUID)  # 7
    a_uint: nc.UInt32 = nc.member(default=0)  # 8
    sign: Sign = nc.member(default=Sign.Plus)  # enums take no number
    strings: list[str] | None = nc.member(default=None)
    nullable_ints: list[nc.Int32 | None] | None = nc.member(default=None)
    guids: list[uuid.UUID] | None = nc.member(default=None)
    leaf: Leaf | None = nc.member(default=None)
    leaves: list[Leaf] | None = nc.member(default=None)
    a_long: nc.Int64 = nc.member(default=0)  # 9


def test_simple_type_rules():
    obj = nc.help_page_sample(Everything)
    assert obj.a_string == "sample string 1"
    assert obj.an_object == nc.AnyObject()
    assert obj.a_short == 3
    assert obj.nullable_long == 1
    assert obj.a_byte == 64
    assert obj.a_decimal == decimal.Decimal(5)
    assert obj.a_bool is True
    assert obj.a_uint == 8
    assert obj.a_long == 9


def test_enum_takes_the_first_value_in_unsigned_order():
    # Enum.GetValues sorts 1 before -1 (0xFFFFFFFF)
    assert nc.help_page_sample(Everything).sign is Sign.Plus
    assert nc.help_page_sample(Sign) is Sign.Plus


def test_collections_have_two_items_from_one_generator():
    obj = nc.help_page_sample(Everything)
    assert obj.strings == ["sample string 1", "sample string 2"]
    assert obj.nullable_ints == [1, 1]  # each Nullable<int> has its own fresh generator
    assert len(obj.guids) == 2
    assert obj.guids[0] != obj.guids[1]
    assert obj.leaves == [Leaf(text="sample string 1")] * 2


def test_one_instance_per_type_in_the_whole_sample():
    obj = nc.help_page_sample(Everything)
    assert obj.leaf is obj.leaves[0] is obj.leaves[1]


def test_annotations_and_generics():
    assert nc.help_page_sample(list[str]) == ["sample string 1", "sample string 2"]
    assert nc.help_page_sample(nc.Int32 | None) == 1
    assert nc.help_page_sample(nc.Int32) == 1
    response = nc.help_page_sample(ResponseDto[uuid.UUID])
    assert isinstance(response.data, uuid.UUID)
    data = nc.help_page_sample(ResponseDto[Leaf]).data
    assert data == Leaf(text="sample string 1")
    # Data is `object` in .NET: its serializer must know Leaf
    xml = nc.to_xml(nc.help_page_sample(ResponseDto[Leaf]), known_types=[Leaf])
    assert b'i:type="d2p1:Leaf"' in xml


class NoValues(enum.IntEnum):
    """An enum without members; not declared a contract, so that no other test draws it."""


def test_an_enum_without_values_gives_null_and_a_list_of_them_too():
    wire = EnumType(NoValues, "NoValues", "urn:test", names={}, values={})
    # GenerateEnum returns null; GenerateCollection returns null when every item is null
    generation = _Generation(nc.HELP_PAGE_NOW, 0)
    assert generation.slot(Slot(wire, optional=False), _Counter(), "") is None
    assert generation.collection(list_type(Slot(wire, optional=False)), "") is None


@nc.contract("NetContract.Tests.Samples")
class Node:
    name: str | None = nc.member(default=None)
    children: list[Node] | None = nc.member(default=None)


def test_a_type_that_contains_itself_is_refused_like_net():
    with pytest.raises(nc.SerializationError) as info:
        nc.help_page_sample(Node)
    (problem,) = info.value.problems
    assert problem.path == "Children[0]"
    assert "cycle" in problem.message


def test_bad_arguments():
    with pytest.raises(TypeError, match="DateTime"):
        nc.help_page_sample(Leaf, now="2020-01-01")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="seed"):
        nc.help_page_sample(Leaf, seed=1.5)  # type: ignore[arg-type]
