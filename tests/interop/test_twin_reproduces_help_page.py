"""The C# twin, run by the real .NET serializers on Mono, reproduces the help page's samples.

This is what makes the twin a trustworthy oracle for the other interop tests: fed with one of
the help page's samples, it writes the page's other samples back byte for byte.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ._mono import DotNetTwin

pytestmark = pytest.mark.interop

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.mark.parametrize("source", ["json", "xml"])
def test_customer_group_sample_round_trips_byte_for_byte(dotnet: DotNetTwin, source: str) -> None:
    result = dotnet.roundtrip("CustomerGroupDto", source, fixture(f"customer_group.{source}"))
    assert result.read_error is None
    assert result.xml_indent == fixture("customer_group.xml")
    assert result.json_indent == fixture("customer_group.json")
    # The compact forms committed as fixtures came from the twin too (regenerate_fixtures.py).
    assert result.xml == fixture("customer_group.compact.xml")
    assert result.json == fixture("customer_group.compact.json")


def test_utility_and_full_name_are_json_only(dotnet: DotNetTwin) -> None:
    result = dotnet.roundtrip("CustomerGroupDto", "json", fixture("customer_group.json"))
    assert isinstance(result.xml, bytes)
    assert isinstance(result.json, bytes)
    assert b"Utility" not in result.xml
    assert b"FullName" not in result.xml
    assert b'"FullName":"sample string 17 (sample string 15)","Utility":"Porteur","FuelTypeId"' in (
        result.json
    )


def test_utility_keeps_the_value_read_from_json_even_null(dotnet: DotNetTwin) -> None:
    vehicle = b'{"Name":null,"LicencePlate":"AB","Utility":%s}'
    results = dotnet.roundtrip_many(
        [
            ("VehicleLightDto", "json", vehicle % b'"Tracteur"'),
            ("VehicleLightDto", "json", vehicle % b"null"),
            ("VehicleLightDto", "json", b'{"FullName":"ignored"}'),
        ]
    )
    jsons = [r.json for r in results]
    assert all(isinstance(j, bytes) for j in jsons)
    assert b'"FullName":" (AB)","Utility":"Tracteur",' in jsons[0]  # type: ignore[operator]
    assert b'"FullName":" (AB)","Utility":null,' in jsons[1]  # type: ignore[operator]
    assert b'"FullName":" ()","Utility":"Porteur",' in jsons[2]  # type: ignore[operator]


def test_response_sample_from_xml(dotnet: DotNetTwin) -> None:
    """`<Data />` is read as a bare ``new object()``.

    .NET (the help page) writes it back as ``<Data />``; Mono's DataContractSerializer writes
    ``<Data xmlns:d2p1="http://www.w3.org/2001/XMLSchema" i:type="d2p1:anyType" />``. The page
    is the reference, so we compare after undoing that one Mono difference.
    """
    result = dotnet.roundtrip("ResponseDto", "xml", fixture("response.xml"))
    assert result.read_error is None
    mono_any = b'<Data xmlns:d2p1="http://www.w3.org/2001/XMLSchema" i:type="d2p1:anyType" />'
    assert isinstance(result.xml_indent, bytes)
    assert mono_any in result.xml_indent
    assert result.xml_indent.replace(mono_any, b"<Data />") == fixture("response.xml")
    assert isinstance(result.xml, bytes)
    assert result.xml.replace(mono_any, b"<Data />") == fixture("response.compact.xml")
    # Json.NET writes a bare object as {}.
    assert result.json_indent == fixture("response.json")
    assert result.json == fixture("response.compact.json")


def test_response_sample_from_json(dotnet: DotNetTwin) -> None:
    """JSON ``"Data": {}`` cannot come back as a bare object.

    Json.NET reads ``{}`` into an ``object`` member as a ``Newtonsoft.Json.Linq.JObject``: the
    JSON is written back identical, but DataContractSerializer cannot write a JObject at all
    (InvalidDataContractException: JToken "involves recursive collection"). A server that
    received this JSON could not answer it in XML.
    """
    result = dotnet.roundtrip("ResponseDto", "json", fixture("response.json"))
    assert result.read_error is None
    assert result.json_indent == fixture("response.json")
    assert result.json == fixture("response.compact.json")
    for xml in (result.xml, result.xml_indent):
        assert isinstance(xml, str)
        assert xml.startswith("System.Runtime.Serialization.InvalidDataContractException:")
        assert "Newtonsoft.Json.Linq.JToken" in xml


def test_independent_outputs_xml_refuses_unnamed_enum_value(dotnet: DotNetTwin) -> None:
    result = dotnet.roundtrip("VehicleLightDto", "json", b'{"CameraType":7}')
    assert result.read_error is None
    assert isinstance(result.xml, str)
    assert "Enum value '7' is invalid for type" in result.xml
    assert isinstance(result.json, bytes)
    assert b'"CameraType":7,' in result.json


def test_read_error_is_reported(dotnet: DotNetTwin) -> None:
    result = dotnet.roundtrip("VehicleLightDto", "json", b'{"IdWS":"x"}')
    assert result.read_error is not None
    assert result.xml is result.json is None


def test_schema_export(dotnet: DotNetTwin) -> None:
    schemas = dotnet.schemas("ResponseDto")
    ns = "http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto"
    assert b'<xs:complexType name="ResponseDto">' in schemas[ns]
    assert "http://schemas.microsoft.com/2003/10/Serialization/Arrays" in schemas
