"""Reading and writing Json.NET JSON for contracts.

Accept/refuse expectations come from Json.NET 6.0.8 on Mono (tests/interop/dotnet/PROBES.md §4)
except where the README ("Behaviours chosen where .NET is lossy") documents a stricter choice.
"""

from __future__ import annotations

import decimal
import json
import uuid

import pytest

import netcontract as nc
from vehizen import CameraType, CustomerGroupDto, ResponseDto, VehicleLightDto

G = "0f8fad5b-d9cb-469f-a165-70867728950e"


def vehicle(**members: object) -> VehicleLightDto:
    doc = json.dumps({"Vehicles": [members]}).encode()
    return nc.from_json(doc, CustomerGroupDto).vehicles[0]


def problems(members: dict[str, object] | bytes, cls: object = CustomerGroupDto) -> list[str]:
    doc = members if isinstance(members, bytes) else json.dumps({"Vehicles": [members]}).encode()
    with pytest.raises(nc.JsonPayloadError) as info:
        nc.from_json(doc, cls)
    return [str(p) for p in info.value.problems]


@pytest.mark.parametrize(
    ("members", "attr", "value"),
    [
        ({"IdWS": "5"}, "id_ws", 5),  # numeric string into an int (Json.NET accepts it)
        ({"KmEndOfLease": ""}, "km_end_of_lease", None),  # "" into int? is null in Json.NET
        ({"VehicleId": ""}, "vehicle_id", None),
        ({"TotalFuelUsed": 5}, "total_fuel_used", 5.0),
        ({"TotalFuelUsed": "1.5"}, "total_fuel_used", 1.5),
        ({"TotalFuelUsed": "Infinity"}, "total_fuel_used", float("inf")),
        ({"VehicleId": G.upper()}, "vehicle_id", uuid.UUID(G)),
        ({"VehicleId": "{" + G + "}"}, "vehicle_id", uuid.UUID(G)),
        ({"CameraType": "without_camera"}, "camera_type", CameraType.WITHOUT_CAMERA),
        ({"CameraType": "0"}, "camera_type", CameraType.WITHOUT_CAMERA),
        ({"idws": 7}, "id_ws", 7),  # member names match case-insensitively
        # [Mono] Json.NET 6.0.8 (tests/interop/test_json_number_strings_interop.py): .NET's
        # white space (\v, \f too) around and NULs at the very end of a number string
        ({"IdWS": "\v5\f"}, "id_ws", 5),
        ({"IdWS": "-5 \x00"}, "id_ws", -5),
        ({"KmEndOfLease": "+7\x00"}, "km_end_of_lease", 7),
        ({"TotalFuelUsed": "1,000.5\x00"}, "total_fuel_used", 1000.5),
    ],
)
def test_forms_jsonnet_accepts(members, attr, value):
    assert getattr(vehicle(**members), attr) == value


def test_unnamed_enum_value_passes_through_json_but_not_xml():
    v = vehicle(CameraType=7)
    assert int(v.camera_type) == 7
    assert not v.camera_type.is_named
    group = CustomerGroupDto(vehicles=[v])
    assert b'"CameraType":7' in nc.to_json(group)
    with pytest.raises(nc.SerializationError) as info:
        nc.to_xml(group)
    assert str(info.value).startswith("Vehicles[0].CameraType: enum value '7' is invalid")


def test_bare_nan_literal_and_big_double():
    doc = b'{"Vehicles":[{"TotalFuelUsed":NaN,"TheoreticalConsumption":1.7976931348623157E+308}]}'
    v = nc.from_json(doc, CustomerGroupDto).vehicles[0]
    assert v.total_fuel_used != v.total_fuel_used
    assert v.theoretical_consumption == 1.7976931348623157e308


@pytest.mark.parametrize(
    ("members", "fragment"),
    [
        ({"IdWS": 2147483648}, "Int32"),
        ({"IdWS": 5.0}, "IdWS"),
        ({"IdWS": True}, "IdWS"),
        ({"IdWS": None}, "null is not allowed"),
        ({"Tolerance": ""}, "Tolerance"),
        ({"TotalFuelUsed": True}, "TotalFuelUsed"),  # stricter than Json.NET (true -> 1.0)
        ({"Renting": 1}, "Renting"),  # stricter than Json.NET (1 -> true)
        ({"VIN": 5}, "VIN"),  # stricter than Json.NET (5 -> "5")
        ({"VehicleId": 5}, "VehicleId"),
        ({"VehicleId": "not-a-guid"}, "VehicleId"),
        ({"InitialEntryIntoService": "yesterday"}, "InitialEntryIntoService"),
        ({"CameraType": "abc"}, "'abc' is not a CameraType name (expected one of: "),
        ({"CameraType": 2147483648}, "Int32"),  # Json.NET wraps it silently
        ({"ExternalInterfaces": "abc"}, "expected an array"),
        ({"ExternalInterfaces": "101"}, "expected an array"),
        ({"ExternalInterfaces": [5]}, "ExternalInterfaces[0]"),
        ({"Imei": "\ud800"}, "lone surrogate"),
        ({"$type": "System.IO.FileInfo"}, "metadata members"),
    ],
)
def test_values_refused_with_the_path(members, fragment):
    found = problems(members)
    assert len(found) == 1, found
    assert found[0].startswith("Vehicles[0].")
    assert fragment in found[0]


def test_every_problem_is_reported():
    found = problems({"IdWS": "x", "Tolerance": 1e20, "VIN": [], "Brand": "ok"})
    assert [p.split(":")[0] for p in found] == [
        "Vehicles[0].IdWS",
        "Vehicles[0].Tolerance",
        "Vehicles[0].VIN",
    ]


@pytest.mark.parametrize(
    ("doc", "fragment"),
    [
        (b"", "Expecting value"),
        (b"[]", "expected an object"),
        (b"null", "null"),
        (b'{"Name":"a","Name":"b"}', "duplicate member name 'Name'"),
        (b'{"Name":"a","name":"b"}', "given twice"),
        (b'{"Tolerance":1e400}', "Tolerance: expected an integer (Int32), got the number 1E+400"),
        (b'{"TotalFuelUsed":-1e400}', "TotalFuelUsed: '-1E+400' is outside the Double range"),
        (b'{"Name":"\xff"}', "invalid UTF-8"),
        (b'{"Name":"a"} x', "Extra data"),
        (b"[" * 100_000, "nested too deeply"),
        (b'{"IdWS":' + b"9" * 5000 + b"}", "too long"),
    ],
)
def test_malformed_json(doc, fragment):
    with pytest.raises(nc.JsonPayloadError) as info:
        nc.from_json(doc, VehicleLightDto)
    assert fragment in str(info.value)


def test_unknown_members_are_ignored_and_computed_members_are_not_read():
    v = nc.from_json(b'{"Nope":1,"FullName":"x","Name":"n","LicencePlate":"p"}', VehicleLightDto)
    assert v.full_name == "n (p)"


def test_utility_keeps_what_was_read_even_null():
    assert nc.from_json(b'{"Utility":null}', VehicleLightDto).utility is None
    assert nc.from_json(b'{"Utility":"Autre"}', VehicleLightDto).utility == "Autre"
    assert nc.from_json(b"{}", VehicleLightDto).utility == "Porteur"


def test_generic_response_reads_data_as_the_parameter():
    doc = b'{"IsValid":true,"Errors":[],"Data":"' + G.encode() + b'"}'
    assert nc.from_json(doc, ResponseDto[uuid.UUID]).data == uuid.UUID(G)
    assert nc.from_json(doc, ResponseDto).data == G  # untyped: a string, as Json.NET holds it
    typed = nc.from_json(b'{"Data":{"Name":"g"}}', ResponseDto[CustomerGroupDto])
    assert typed.data == CustomerGroupDto(name="g")


def test_untyped_object_data_survives_json_but_not_xml():
    doc = b'{"IsValid":false,"Errors":null,"Data":{"A":[1,2.5,"x",null,{}]}}'
    obj = nc.from_json(doc, ResponseDto)
    assert nc.to_json(obj) == doc
    with pytest.raises(nc.SerializationError, match="untyped JSON value"):
        nc.to_xml(obj)


def test_json_converter_is_a_cattrs_converter():
    tree = nc.json_converter.unstructure(CustomerGroupDto(name="a", vehicles=[]))
    assert list(tree) == ["Id", "CustomerId", "Name", "ProfilEcoDriveId", "Vehicles"]
    assert tree["CustomerId"] == "00000000-0000-0000-0000-000000000000"
    assert nc.json_converter.structure(tree, CustomerGroupDto) == CustomerGroupDto(
        name="a", vehicles=[]
    )


def test_a_number_in_an_object_member_is_read_as_dotnet_parses_a_double():
    # Json.NET reads 3.33733580275075E-187 into an object member with .NET's Double.Parse,
    # whose result (…7503E-187) differs from Python's correctly rounded float (…75E-187); with
    # float() it came back as 3.3373358027507498E-187 after JSON -> XML -> JSON
    from vehizen import ResponseDto

    text = b'{"IsValid":false,"Errors":null,"Data":3.33733580275075E-187}'
    read = nc.from_json(text, ResponseDto)
    assert read.data == 3.3373358027507503e-187
    assert read.data == nc.from_json(text, ResponseDto[float]).data
    assert nc.to_json(nc.from_xml(nc.to_xml(read), ResponseDto)) == text


@nc.contract("urn:numstr")
class DecimalStrings:
    price: decimal.Decimal = nc.member("Price", default=decimal.Decimal(0))
    tip: decimal.Decimal | None = nc.member("Tip", default=None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # [Mono] Json.NET 6.0.8: decimal.Parse(s, NumberStyles.Number), the scale kept
        # (tests/interop/test_json_number_strings_interop.py)
        (" 1", "1"),
        ("1,000", "1000"),
        (" 1,000.50 ", "1000.50"),
        ("1.5-", "-1.5"),
        (".5", "0.5"),
    ],
)
def test_decimal_strings_read_as_json_net_reads_them(text: str, expected: str) -> None:
    doc = json.dumps({"Price": text, "Tip": text}).encode()
    read = nc.from_json(doc, DecimalStrings)
    assert (str(read.price), str(read.tip)) == (expected, expected)


@pytest.mark.parametrize("text", ["1e2", "- 1", "-1-", ",1", "0.00000000000000000000000000001"])
def test_decimal_strings_json_net_refuses_or_rounds_are_refused(text: str) -> None:
    # [Mono] decimal.Parse refuses the first four; the last it rounds to 0E-28 ([deliberate])
    assert problems(json.dumps({"Price": text}).encode(), DecimalStrings)[0].startswith("Price:")
