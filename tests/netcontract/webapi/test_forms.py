"""to_form / from_form: form bodies as ASP.NET Web API binds them.

Expected values come from Web API's own formatter on Mono (``tests/interop/dotnet/FORMS.md``,
checked again by ``tests/interop/test_forms_interop.py``) and, for the key syntax, from
jQuery's ``$.param`` (``Vehicles[0][IdWS]=5``) as the issue states it.
"""

from __future__ import annotations

import decimal
import math
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netcontract as nc
from netcontract.strategies import for_type
from netcontract.webapi.forms import is_blank, normalize_key, parse_form_pairs
from vehizen import CameraType, CustomerGroupDto, VehicleLightDto, VehicleState
from vehizen.domain.dto.external_interface import ExternalInterfaceHeaderDto

GUID = uuid.UUID("5b8e0e44-2bd1-4a3c-9b1f-6a1d5e0e0e01")
NS = "NetContract.Tests.Forms"


@nc.contract(NS)
class Color(nc.ContractEnum):
    Red = 1
    Blue = 40


@nc.contract(NS)
class Nothing:
    pass


@nc.contract(NS)
class Holder:
    title: str | None = nc.member("Title", default=None)
    empty: Nothing | None = nc.member("Empty", default=None)
    nothings: list[Nothing] | None = nc.member("Nothings", default=None)


@nc.contract(NS)
class Lists:
    ints: list[int] | None = nc.member("Ints", default=None)
    strings: list[str | None] | None = nc.member("Strings", default=None)
    colors: list[Color] | None = nc.member("Colors", default=None)
    nested: list[list[int]] | None = nc.member("Nested", default=None)


@nc.contract(NS)
class Names:
    z_lower: str | None = nc.member("z", default=None)
    z_upper: str | None = nc.member("Z", default=None)


@nc.contract(NS)
class Decimals:
    d: decimal.Decimal = nc.member("D", default=decimal.Decimal(0))
    many: list[decimal.Decimal] | None = nc.member("Many", default=None)


@nc.contract(NS)
class Animal:
    name: str | None = nc.member("Name", default=None)


@nc.contract(NS)
class Dog(Animal):
    friend: Animal | None = nc.member("Friend", default=None)


@nc.contract(NS)
class Box:
    thing: object = nc.member("Thing", default=None)
    after: str | None = nc.member("After", default=None)


UTC = nc.DateTimeKind.UTC
LOCAL = nc.DateTimeKind.LOCAL


def vehicle(**kw: object) -> VehicleLightDto:
    return VehicleLightDto(**kw)  # type: ignore[arg-type]


def pairs_of(body: bytes) -> list[tuple[str, str]]:
    return parse_form_pairs(body)


# -- writing -----------------------------------------------------------------------------------


def test_jquery_keys_as_in_the_issue() -> None:
    group = CustomerGroupDto(
        customer_id=GUID,
        vehicles=[vehicle(id_ws=5, external_interfaces=[ExternalInterfaceHeaderDto(name="x")])],
    )
    body = nc.to_form(group)
    assert body.startswith(b"CustomerId=5b8e0e44-2bd1-4a3c-9b1f-6a1d5e0e0e01&Vehicles[0][IdWS]=5&")
    assert b"&Vehicles[0][ExternalInterfaces][0][Name]=x&" in body
    assert b"Vehicles[0][ExternalInterfaces][0][Id]=00000000-0000-0000-0000-000000000000" in body


def test_mvc_keys() -> None:
    group = CustomerGroupDto(vehicles=[vehicle(id_ws=5)])
    body = nc.to_form(group, style="mvc")
    assert b"&Vehicles[0].IdWS=5&" in body
    assert nc.from_form(body, CustomerGroupDto) == group


def test_values_in_the_invariant_forms_web_api_parses() -> None:
    v = vehicle(
        initial_entry_into_service=nc.DateTime.from_parts(2024, 1, 2, 3, 4, 5, 1234567),
        utc_end_of_lease=nc.DateTime.from_parts(2024, 1, 2, kind=LOCAL, offset_minutes=120),
        total_fuel_used=math.inf,
        theoretical_consumption=1e15,
        camera_type=CameraType.WITHOUT_CAMERA,
        vehicle_state=VehicleState(7),  # no name: written as its number
        renting=True,
        vehicle_id=GUID,
    )
    pairs = dict(pairs_of(nc.to_form(CustomerGroupDto(vehicles=[v]))))
    assert pairs["Vehicles[0][InitialEntryIntoService]"] == "2024-01-02T03:04:05.1234567"
    assert pairs["Vehicles[0][UtcEndOfLease]"] == "2024-01-02T00:00:00+02:00"
    assert pairs["Vehicles[0][TotalFuelUsed]"] == "Infinity"  # not XML's INF
    assert pairs["Vehicles[0][TheoreticalConsumption]"] == "1E+15"
    assert pairs["Vehicles[0][CameraType]"] == "WITHOUT_CAMERA"
    assert pairs["Vehicles[0][VehicleState]"] == "7"
    assert pairs["Vehicles[0][Renting]"] == "true"
    assert pairs["Vehicles[0][VehicleId]"] == str(GUID)


def test_percent_encoding() -> None:
    body = nc.to_form(CustomerGroupDto(name="a b&c=d+é\r\n😀"))
    assert b"Name=a+b%26c%3Dd%2B%C3%A9%0D%0A%F0%9F%98%80" in body
    assert nc.from_form(body, CustomerGroupDto).name == "a b&c=d+é\r\n😀"


def test_none_is_left_out_and_read_only_members_are_not_written() -> None:
    body = nc.to_form(CustomerGroupDto(vehicles=[vehicle(utility="Camion")]))
    assert b"Name" not in body.split(b"Vehicles")[0]
    assert b"FullName" not in body
    assert b"Utility" not in body  # a read-only property on the server: Web API ignores it
    back = nc.from_form(body, CustomerGroupDto)
    assert back.vehicles is not None
    assert back.vehicles[0].utility == "Porteur"  # the getter's value when none was set


@pytest.mark.parametrize(
    ("group", "path", "says"),
    [
        (CustomerGroupDto(name=""), "Name", "empty or white-space string"),
        (CustomerGroupDto(name=" \r\n"), "Name", "empty or white-space string"),
        (CustomerGroupDto(vehicles=[]), "Vehicles", "empty list"),
        (
            CustomerGroupDto(vehicles=[vehicle(external_interfaces=[])]),
            "Vehicles[0].ExternalInterfaces",
            "empty list",
        ),
        (
            CustomerGroupDto(vehicles=[vehicle(initial_entry_into_service=nc.DateTime(0, UTC))]),
            "Vehicles[0].InitialEntryIntoService",
            "kind Utc",
        ),
    ],
)
def test_what_a_form_cannot_say_is_refused(group: CustomerGroupDto, path: str, says: str) -> None:
    with pytest.raises(nc.SerializationError) as caught:
        nc.to_form(group)
    (problem,) = caught.value.problems
    assert problem.path == path
    assert says in problem.message
    assert "lossy=True" in problem.message


def test_lossy_sends_what_web_api_will_bind() -> None:
    group = CustomerGroupDto(
        name="",
        vehicles=[
            vehicle(
                vin=" ",
                external_interfaces=[],
                initial_entry_into_service=nc.DateTime(5, UTC),
            )
        ],
    )
    body = nc.to_form(group, lossy=True)
    assert b"Name=&" in body
    assert b"ExternalInterfaces" not in body
    assert b"[InitialEntryIntoService]=0001-01-01T00%3A00%3A00.0000005Z" in body
    back = nc.from_form(body, CustomerGroupDto)
    assert back.name is None
    assert back.vehicles is not None
    assert back.vehicles[0].vin is None
    assert back.vehicles[0].external_interfaces is None
    assert back.vehicles[0].initial_entry_into_service == nc.DateTime(5, LOCAL, 0)


def test_an_object_with_no_member_to_write_is_written_as_its_key() -> None:
    body = nc.to_form(Holder(title="t", empty=Nothing(), nothings=[Nothing(), Nothing()]))
    assert pairs_of(body) == [
        ("Title", "t"),
        ("Empty", ""),
        ("Nothings[0]", ""),
        ("Nothings[1]", ""),
    ]
    assert nc.from_form(body, Holder) == Holder(
        title="t", empty=Nothing(), nothings=[Nothing(), Nothing()]
    )


def test_lists_of_scalars_in_jquery_and_mvc_style() -> None:
    obj = Lists(ints=[1, 2], strings=["a", None], colors=[Color.Red, Color(40)], nested=[[1], [2]])
    body = nc.to_form(obj)
    assert (b"Ints[]=1&Ints[]=2") in body
    assert b"Strings[]=a&Strings[]=&" in body
    assert b"Nested[0][]=1&Nested[1][]=2" in body
    assert nc.from_form(body, Lists) == obj
    mvc = nc.to_form(obj, style="mvc")
    assert b"Ints[0]=1&Ints[1]=2" in mvc
    assert nc.from_form(mvc, Lists) == obj


def test_refused_even_when_lossy() -> None:
    with pytest.raises(nc.SerializationError, match="stops the outer list"):
        nc.to_form(Lists(nested=[[1], [], [2]]), lossy=True)
    with pytest.raises(nc.SerializationError, match="differ only in case"):
        nc.to_form(Names(z_upper="x"), lossy=True)
    many = CustomerGroupDto(vehicles=[vehicle() for _ in range(100)])
    with pytest.raises(nc.SerializationError, match="refuses more than 1000"):
        nc.to_form(many, lossy=True)
    assert nc.to_form(many, max_keys=5000)


def test_derived_values_and_object_members_are_losses() -> None:
    with pytest.raises(nc.SerializationError, match="Web API binds a Animal"):
        nc.to_form(Dog(friend=Dog(name="f")))
    assert nc.from_form(nc.to_form(Dog(friend=Dog(name="f")), lossy=True), Dog).friend == Animal(
        name="f"
    )
    with pytest.raises(nc.SerializationError, match="object member"):
        nc.to_form(Box(thing=5, after="a"))
    assert nc.to_form(Box(thing=5, after="a"), lossy=True) == b"After=a"


# -- reading -----------------------------------------------------------------------------------


def test_normalize_key_as_web_api() -> None:
    assert normalize_key("Vehicles[0][ExternalInterfaces][0][Name]") == (
        "Vehicles[0].ExternalInterfaces[0].Name"
    )
    assert normalize_key("a[]") == "a"
    assert normalize_key("a[b][]") == "a.b"
    assert normalize_key("a[0b]") == "a[0b]"  # a digit first: kept as an index
    with pytest.raises(ValueError, match="without its"):
        normalize_key("a[0")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"", []),
        (b"a", [("a", "")]),
        (b"a=1&", [("a", "1"), ("", "")]),
        (b"=&", [("", ""), ("", "")]),
        (b"x=%2B%26+y%zz%C3", [("x", "+& y%zz\ufffd")]),
        (b"k=a=b", [("k", "a=b")]),
    ],
)
def test_parse_form_pairs(body: bytes, expected: list[tuple[str, str]]) -> None:
    assert parse_form_pairs(body) == expected


def test_binding_rules() -> None:
    body = (
        b"name=first&Name=second&vehicles%5B0%5D%5Bidws%5D=3&Vehicles[0].VIN=%20v%20"
        b"&Vehicles[1]=&Vehicles[3][IdWS]=9&Unknown=1&Vehicles[0][FullName]=x"
    )
    group = nc.from_form(body, CustomerGroupDto)
    assert group.name == "first"  # the first value wins; keys in any case
    assert group.vehicles == [vehicle(id_ws=3, vin=" v "), vehicle()]  # stops at [2]


def test_a_prefix_alone_makes_an_empty_list() -> None:
    assert nc.from_form(b"Vehicles[1][Name]=b", CustomerGroupDto).vehicles == []
    assert nc.from_form(b"Name=n", CustomerGroupDto).vehicles is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2024-01-02T03:04:05.1234567Z",
            nc.DateTime.from_parts(2024, 1, 2, 3, 4, 5, 1234567, LOCAL, 0),
        ),
        ("2024-01-02T03:04:05-07:00", nc.DateTime.from_parts(2024, 1, 2, 3, 4, 5, 0, LOCAL, -420)),
        ("2024-01-02T03:04:05", nc.DateTime.from_parts(2024, 1, 2, 3, 4, 5)),
        ("2024-01-02", nc.DateTime.from_parts(2024, 1, 2)),
        ("2024-01-02 03:04:05", nc.DateTime.from_parts(2024, 1, 2, 3, 4, 5)),
    ],
)
def test_dates(text: str, expected: nc.DateTime) -> None:
    body = nc.to_form(CustomerGroupDto(name="x")) + b"&Vehicles[0][UtcEndOfLease]=" + text.encode()
    group = nc.from_form(body.replace(b" ", b"+"), CustomerGroupDto)
    assert group.vehicles is not None
    assert group.vehicles[0].utc_end_of_lease == expected
    assert group.vehicles[0].utc_end_of_lease.kind is expected.kind


@pytest.mark.parametrize(
    ("member", "text", "value"),
    [
        ("CameraType", "without_camera", CameraType.WITHOUT_CAMERA),
        ("VehicleState", "-5", VehicleState(-5)),
        ("TotalFuelUsed", "-Infinity", -math.inf),
        ("TotalFuelUsed", " 1.5 ", 1.5),
        ("KmEndOfLease", "+5", 5),
        ("Renting", "TRUE", True),
        ("VehicleId", "{5B8E0E44-2BD1-4A3C-9B1F-6A1D5E0E0E01}", GUID),
        ("VehicleId", "5b8e0e442bd14a3c9b1f6a1d5e0e0e01", GUID),
        ("KmEndOfLease", " ", None),
    ],
)
def test_scalar_values(member: str, text: str, value: object) -> None:
    body = f"Vehicles[0][{member}]={text}".encode().replace(b" ", b"%20").replace(b"+", b"%2B")
    group = nc.from_form(body, CustomerGroupDto)
    assert group.vehicles is not None
    attr = {m.wire_name: m.attr for m in nc.contract_info(VehicleLightDto).json_members}[member]
    assert getattr(group.vehicles[0], attr) == value


@nc.contract(NS)
class Scalars:
    i: int = nc.member("I", default=0)
    ul: nc.UInt64 = nc.member("UL", default=0)
    b: nc.Byte = nc.member("B", default=0)
    d: decimal.Decimal = nc.member("D", default=decimal.Decimal(0))
    dbl: float = nc.member("Dbl", default=0.0)
    f: nc.Single = nc.member("F", default=0.0)
    flag: bool = nc.member("Flag", default=False)
    g: uuid.UUID | None = nc.member("G", default=None)
    at: nc.DateTime | None = nc.member("At", default=None)
    o: nc.DateTimeOffset | None = nc.member("O", default=None)
    c: nc.Char = nc.member("C", default="\x00")
    color: Color | None = nc.member("Color", default=None)


@pytest.mark.parametrize(
    ("body", "attr", "value"),
    [
        # Mono's Web API (tests/interop/test_forms_interop.py, TRIMMED): each TypeConverter
        # trims with String.Trim, all of Char.IsWhiteSpace
        (b"I=%C2%A05", "i", 5),
        (b"UL=5%E2%80%A8", "ul", 5),
        (b"B=%E3%80%805", "b", 5),
        (b"D=%C2%851.5%C2%A0", "d", decimal.Decimal("1.5")),
        (b"Dbl=%C2%A01.5", "dbl", 1.5),
        (b"F=%E2%80%A81.5", "f", 1.5),
        (b"Flag=%E2%80%A9TRUE%C2%A0", "flag", True),
        (b"G=%E2%80%A8" + str(GUID).encode(), "g", GUID),
        (b"At=2024-01-02%C2%A0", "at", nc.DateTime.parse("2024-01-02T00:00:00")),
        (
            b"O=%C2%A02024-01-02T03:04:05%2B02:00",
            "o",
            nc.DateTimeOffset.parse("2024-01-02T03:04:05+02:00"),
        ),
        (b"C=%20%20A", "c", "A"),
        (b"C=A%0D%0A%20", "c", "A"),
        (b"Color=%C2%A0blue", "color", Color.Blue),
        (b"Color=%C2%A040", "color", Color.Blue),
    ],
)
def test_values_are_trimmed_of_every_dotnet_white_space(
    body: bytes, attr: str, value: object
) -> None:
    assert getattr(nc.from_form(body, Scalars), attr) == value


@pytest.mark.parametrize(
    "body", [b"D=1.5%1F", b"D=%1C1.5", b"Dbl=1.5%1F", b"I=%1C5", b"At=2024-01-0x"]
)
def test_what_is_no_dotnet_white_space_is_not_trimmed(body: bytes) -> None:
    # Mono: U+001C..U+001F are white space to Python only; the value does not convert
    with pytest.raises(nc.FormPayloadError):
        nc.from_form(body, Scalars)


def test_decimals_keep_their_scale() -> None:
    obj = Decimals(d=decimal.Decimal("1.50"), many=[decimal.Decimal("0.0100")])
    body = nc.to_form(obj)
    assert body == b"D=1.50&Many[]=0.0100"
    assert str(nc.from_form(body, Decimals).d) == "1.50"


@pytest.mark.parametrize(
    ("body", "path", "says"),
    [
        (b"Vehicles[0][Tolerance]=abc", "Vehicles[0].Tolerance", "Int32"),
        (b"Vehicles[0][Milestone]=99999999999", "Vehicles[0].Milestone", "Int32"),
        (b"Vehicles[0][Tolerance]=", "Vehicles[0].Tolerance", "a value is required"),
        (b"Vehicles[0][TotalFuelUsed]=-INF", "Vehicles[0].TotalFuelUsed", "Double"),
        (b"Vehicles[0][TotalFuelUsed]=1,5", "Vehicles[0].TotalFuelUsed", "Double"),
        (b"Vehicles[0][Renting]=on", "Vehicles[0].Renting", "Boolean"),
        (b"Vehicles[0][State]=Parked", "Vehicles[0].State", "not a State"),
        (b"Vehicles[0][IdWS]=0x10", "Vehicles[0].IdWS", "Int32"),
        (b"Id=nope", "Id", "Guid"),
        (b"Vehicles=", "Vehicles", "indexes"),
        (b"Vehicles[]=", "Vehicles", "indexes"),
        (b"Vehicles.index=a&Vehicles[a][Name]=A", "Vehicles", "explicit list indexes"),
        (b"Vehicles[0][IdWS][x]=1", "Vehicles[0].IdWS", "only keys below it"),
    ],
)
def test_refused_values_name_their_path(body: bytes, path: str, says: str) -> None:
    with pytest.raises(nc.FormPayloadError) as caught:
        nc.from_form(body, CustomerGroupDto)
    problem = caught.value.problems[0]
    assert problem.path == path
    assert says in problem.message


def test_every_problem_is_reported() -> None:
    with pytest.raises(nc.FormPayloadError) as caught:
        nc.from_form(b"Id=x&Vehicles[0][IdWS]=y&Vehicles[1][Renting]=z", CustomerGroupDto)
    assert [p.path for p in caught.value.problems] == [
        "Id",
        "Vehicles[0].IdWS",
        "Vehicles[1].Renting",
    ]


def test_empty_forms_syntax_and_size() -> None:
    with pytest.raises(nc.FormPayloadError, match="empty"):
        nc.from_form(b"", CustomerGroupDto)
    with pytest.raises(nc.FormPayloadError, match="empty"):
        nc.from_form(b"&&=x", CustomerGroupDto)
    with pytest.raises(nc.FormPayloadError, match="without its"):
        nc.from_form(b"Vehicles[0=1", CustomerGroupDto)
    many = b"&".join(b"a=1" for _ in range(1001))
    with pytest.raises(nc.FormPayloadError, match="more than 1000"):
        nc.from_form(many, CustomerGroupDto)
    named = b"Name=x&" + many  # unknown keys are ignored, but one key must bind
    assert nc.from_form(named, CustomerGroupDto, max_keys=2000) == CustomerGroupDto(name="x")


def test_is_blank_is_dotnet_white_space() -> None:
    assert is_blank("")
    assert is_blank(" \t\r\n\v\f\x85\xa0\u2028\u3000")
    assert not is_blank("\x1c")  # Python's isspace() says yes; .NET says no
    assert not is_blank(" a ")


# -- round trip --------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(for_type(CustomerGroupDto))
def test_what_to_form_accepts_reads_back_equal(group: CustomerGroupDto) -> None:
    for style in ("jquery", "mvc"):
        try:
            body = nc.to_form(group, style=style)  # type: ignore[arg-type]
        except nc.SerializationError:
            continue
        # compared as XML: like a form, it leaves out the read-only members (Utility)
        assert nc.to_xml(nc.from_form(body, CustomerGroupDto)) == nc.to_xml(group)


@settings(max_examples=100, deadline=None)
@given(for_type(CustomerGroupDto, local_offsets=st.just(0)))
def test_lossy_bodies_read_back_as_documented(group: CustomerGroupDto) -> None:
    back = nc.from_form(nc.to_form(group, lossy=True), CustomerGroupDto)
    assert back.customer_id == group.customer_id
    assert back.name == (None if group.name is None or is_blank(group.name) else group.name)
    if not group.vehicles:
        assert back.vehicles is None
    else:
        assert back.vehicles is not None
        assert len(back.vehicles) == len(group.vehicles)
        for sent, got in zip(group.vehicles, back.vehicles, strict=True):
            if sent is None:  # "Vehicles[i]=": Web API makes a default object
                assert got == VehicleLightDto()
                continue
            assert got.id_ws == sent.id_ws
            assert got.utility == "Porteur"
            when = sent.initial_entry_into_service
            assert got.initial_entry_into_service.ticks == when.ticks
            if when.kind is UTC:
                assert got.initial_entry_into_service == nc.DateTime(when.ticks, LOCAL, 0)


# -- dictionaries ------------------------------------------------------------------------------
# Web API (Mono, tests/interop/test_forms_interop.py) binds a Dictionary<K,V> as a list of
# KeyValuePair<K,V>: Map[0][Key]=k&Map[0][Value]=v, indexes from 0 to the first missing one.


@nc.contract(NS)
class Maps:
    counts: dict[str, nc.Int32] | None = nc.member("Counts", default=None)
    names: dict[nc.Int32, str | None] | None = nc.member("Names", default=None)
    by_color: dict[Color, nc.Int32 | None] | None = nc.member("ByColor", default=None)
    holders: dict[uuid.UUID, Holder | None] | None = nc.member("Holders", default=None)
    lists: dict[str, list[nc.Int32] | None] | None = nc.member("Lists", default=None)
    nested: dict[str, dict[str, nc.Int32] | None] | None = nc.member("Nested", default=None)
    list_of_maps: list[dict[str, bool]] | None = nc.member("ListOfMaps", default=None)


def test_dictionaries_are_written_as_key_value_pairs() -> None:
    maps = Maps(
        counts={"a": 1, "b&c=[].d e": 2},
        names={5: None, -6: "x"},
        by_color={Color.Blue: None},
        holders={GUID: Holder(title="t")},
        lists={"l": [1, 2]},
        nested={"n": {"x": 3}},
        list_of_maps=[{"k": True}],
    )
    body = nc.to_form(maps)
    # Mono's Web API binds this body back to ``maps`` (test_to_form_writes_dictionaries...)
    assert body == (
        b"Counts[0][Key]=a&Counts[0][Value]=1&Counts[1][Key]=b%26c%3D%5B%5D.d+e&Counts[1][Value]=2"
        b"&Names[0][Key]=5&Names[0][Value]=&Names[1][Key]=-6&Names[1][Value]=x"
        b"&ByColor[0][Key]=Blue&ByColor[0][Value]="
        b"&Holders[0][Key]=5b8e0e44-2bd1-4a3c-9b1f-6a1d5e0e0e01&Holders[0][Value][Title]=t"
        b"&Lists[0][Key]=l&Lists[0][Value][]=1&Lists[0][Value][]=2"
        b"&Nested[0][Key]=n&Nested[0][Value][0][Key]=x&Nested[0][Value][0][Value]=3"
        b"&ListOfMaps[0][0][Key]=k&ListOfMaps[0][0][Value]=true"
    )
    assert nc.from_form(body, Maps) == maps
    mvc = nc.to_form(maps, style="mvc")
    assert b"&Lists[0].Key=l&Lists[0].Value[0]=1&Lists[0].Value[1]=2&" in mvc
    assert b"&Nested[0].Value[0].Key=x&" in mvc
    assert nc.from_form(mvc, Maps) == maps


@pytest.mark.parametrize(
    ("maps", "path", "says", "lossy"),
    [
        (Maps(counts={}), "Counts", "an empty dictionary", b""),
        (
            Maps(counts={" ": 1, "a": 2}),
            'Counts[" "]',
            "a dictionary key: an empty or white",
            b"Counts[0][Key]=a&Counts[0][Value]=2",
        ),
        (
            Maps(lists={"a": [], "b": [1]}),
            'Lists["a"]',
            "an empty or null list",
            b"Lists[0][Key]=b&Lists[0][Value][]=1",
        ),
        (Maps(lists={"a": None}), 'Lists["a"]', "an empty or null list", b""),
        (Maps(nested={"a": {}}), 'Nested["a"]', "an empty or null dictionary", b""),
        # Web API binds Value= as a default object (Mono)
        (
            Maps(holders={GUID: None}),
            f'Holders["{GUID}"]',
            "a null object",
            b"Holders[0][Key]=5b8e0e44-2bd1-4a3c-9b1f-6a1d5e0e0e01&Holders[0][Value]=",
        ),
        # the inner dictionary loses its only entry: the outer entry is left out too
        (Maps(nested={"a": {"": 1}}), 'Nested["a"][""]', "a dictionary key", b""),
    ],
)
def test_what_a_form_cannot_say_of_a_dictionary(
    maps: Maps, path: str, says: str, lossy: bytes
) -> None:
    with pytest.raises(nc.SerializationError) as caught:
        nc.to_form(maps)
    assert (caught.value.problems[0].path, says in caught.value.problems[0].message) == (path, True)
    assert nc.to_form(maps, lossy=True) == lossy


def test_an_empty_dictionary_in_a_list_is_refused_even_when_lossy() -> None:
    for maps in (Maps(list_of_maps=[{}, {"a": True}]), Maps(list_of_maps=[{"": True}])):
        with pytest.raises(nc.SerializationError, match=r"ListOfMaps\[0\]: .*outer list"):
            nc.to_form(maps, lossy=True)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Mono: names in any case, MVC keys, the first of repeated values, a gap ends the
        # entries, no [0]: empty, %2B5 -> 5, a null int? value
        (b"counts[0][key]=a&COUNTS[0][VALUE]=1&Counts[0][Value]=2", Maps(counts={"a": 1})),
        (
            b"Counts[0].Key=a&Counts[0].Value=1&Counts[2].Key=b&Counts[2].Value=2",
            Maps(counts={"a": 1}),
        ),
        (b"Names[5]=x", Maps(names={})),
        (b"Names[0][Key]=%2B5&Names[0][Value]=", Maps(names={5: None})),
        (
            b"ByColor[0][Key]=blue&ByColor[0][Value]=&ByColor[1][Key]=1&ByColor[1][Value]=2",
            Maps(by_color={Color.Blue: None, Color.Red: 2}),
        ),
        (
            b"Holders[0][Key]=5B8E0E442BD14A3C9B1F6A1D5E0E0E01&Holders[0][Value]=",
            Maps(holders={GUID: Holder()}),
        ),
        (b"Lists[0][Key]=a&Lists[0][Value]=1&Lists[0][Value]=2", Maps(lists={"a": [1, 2]})),
    ],
)
def test_dictionaries_read_as_web_api_binds_them(body: bytes, expected: Maps) -> None:
    assert nc.from_form(body, Maps) == expected


@pytest.mark.parametrize(
    ("body", "path", "says"),
    [
        # Mono binds {} (jQuery's own spelling of an object is not bound)
        (b"Counts[a]=1", "Counts", "jQuery's spelling"),
        # Mono: one default entry per value ({} for a string key, {0: ...} for an int)
        (b"Counts=", "Counts", "own key"),
        (b"Names[]=x", "Names", "own key"),
        # Mono: a default KeyValuePair (dropped for a null key: {}; {0: null} for an int key)
        (b"Names[0]=x", "Names[0]", "no Key"),
        (b"Names[0][Key]=5", "Names[0]", "no Value"),
        (b"Names[0][Key]=x&Names[0][Value]=a", "Names[0].Key", "not a valid Int32"),
        # Mono: {"a": 0}, {0: "a"}, {} (a blank key is null)
        (b"Counts[0][Key]=a&Counts[0][Value]=", "Counts[0].Value", "required"),
        (b"Names[0][Key]=&Names[0][Value]=a", "Names[0].Key", "cannot be empty"),
        (b"Counts[0][Key]=%20&Counts[0][Value]=1", "Counts[0].Key", "cannot be empty"),
        # Mono keeps the last entry
        (
            b"Counts[0][Key]=a&Counts[0][Value]=1&Counts[1][Key]=a&Counts[1][Value]=2",
            "Counts[1].Key",
            "twice (also at [0])",
        ),
        (b"Counts.index=x&Counts[x].Key=a&Counts[x].Value=1", "Counts", "Key.index"),
        (b"Nested[0][Key]=a&Nested[0][Value]=", "Nested[0].Value", "own key"),
    ],
)
def test_dictionary_forms_web_api_binds_otherwise_are_refused(
    body: bytes, path: str, says: str
) -> None:
    with pytest.raises(nc.FormPayloadError) as caught:
        nc.from_form(body, Maps)
    problem = caught.value.problems[0]
    assert (problem.path, says in problem.message) == (path, True), problem


def test_dictionary_entries_count_against_max_collection_items() -> None:
    limits = nc.Limits(max_collection_items=2)
    body = b"&".join(b"Counts[%d][Key]=k%d&Counts[%d][Value]=1" % (i, i, i) for i in range(3))
    with pytest.raises(nc.QuotaExceededError) as caught:
        nc.from_form(body, Maps, limits=limits)
    assert (caught.value.quota, caught.value.problems[0].path) == ("max_collection_items", "Counts")
    assert len(nc.from_form(body, Maps).counts or {}) == 3


@settings(max_examples=200, deadline=None)
@given(for_type(Maps))
def test_dictionaries_to_form_reads_back_equal(maps: Maps) -> None:
    try:
        body = nc.to_form(maps)
    except nc.SerializationError:
        return
    if body:
        assert nc.from_form(body, Maps) == maps


@nc.collection_contract(NS)
class CountMap(dict[str, nc.Int32]):
    pass


@nc.contract(NS)
class HoldsCountMap:
    counts: CountMap | None = nc.member("Counts", default=None)
    title: str | None = nc.member("Title", default=None)


def test_collection_contract_classes_are_refused() -> None:
    """Mono's Web API binds an empty [CollectionDataContract] dictionary or list whatever
    the form says (tests/interop/test_forms_interop.py)."""
    with pytest.raises(nc.FormPayloadError, match=r"Counts: a CountMap .* binds an empty"):
        nc.from_form(b"Counts[0][Key]=a&Counts[0][Value]=1", HoldsCountMap)
    holder = HoldsCountMap(counts=CountMap(a=1), title="t")
    with pytest.raises(nc.SerializationError, match="leaves it out"):
        nc.to_form(holder)
    assert nc.to_form(holder, lossy=True) == b"Title=t"
