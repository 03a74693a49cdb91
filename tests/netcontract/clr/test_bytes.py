"""``bytes`` as ``byte[]``: base64 in both formats, null and empty kept apart.

Expected bytes and outcomes are Mono's (Mono 6.8 DataContractSerializer, XsdDataContractExporter,
Json.NET 6.0.8), as ``tests/interop/test_timespan_bytes_interop.py`` checks them live.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netcontract as nc
from netcontract import codegen
from netcontract.clr import value_types as vt
from netcontract.clr.value_types import BYTES
from netcontract.strategies import for_type

NS = "http://schemas.datacontract.org/2004/07/Fleet.Blobs"
ARR = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
XS = "http://www.w3.org/2001/XMLSchema"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SER = "http://schemas.microsoft.com/2003/10/Serialization/"


@nc.contract("Fleet.Blobs")
class Blobs:
    b: bytes | None = nc.member("B", default=None)
    bs: list[bytes | None] | None = nc.member("Bs", default=None)


@nc.contract("Fleet.Blobs")
class Holder:
    thing: object = nc.member("Thing", default=None)


OPEN = f'<Blobs xmlns:i="{XSI}" xmlns="{NS}">'


def test_bytes_is_one_registered_value_type() -> None:
    assert vt.by_contract_name(XS, "base64Binary") is BYTES
    assert vt.for_annotation(bytes) is BYTES
    assert (BYTES.clr_name, BYTES.python_type, BYTES.is_value_type) == ("Byte[]", bytes, False)


def test_base64_in_both_formats_null_and_empty_kept() -> None:
    obj = Blobs(b=b"\x00\x01\x02\xfa\xff", bs=[b"", None, b"\x01"])
    # Mono: an empty byte[] is a self-closing element (an empty string is <S></S>)
    xml = (
        OPEN + f'<B>AAEC+v8=</B><Bs xmlns:d2p1="{ARR}"><d2p1:base64Binary />'
        '<d2p1:base64Binary i:nil="true" /><d2p1:base64Binary>AQ==</d2p1:base64Binary></Bs>'
        "</Blobs>"
    ).encode()
    assert nc.to_xml(obj) == xml
    assert nc.from_xml(xml, Blobs) == obj
    assert nc.to_json(obj) == b'{"B":"AAEC+v8=","Bs":["",null,"AQ=="]}'
    assert nc.from_json(nc.to_json(obj), Blobs) == obj
    empty, null = Blobs(b=b""), Blobs()
    assert (
        nc.to_xml(empty) == (OPEN + f'<B /><Bs xmlns:d2p1="{ARR}" i:nil="true" /></Blobs>').encode()
    )
    assert (
        nc.to_xml(empty, indent=True)
        == (OPEN + f'\n  <B />\n  <Bs xmlns:d2p1="{ARR}" i:nil="true" />\n</Blobs>').encode()
    )
    assert nc.to_json(empty) == b'{"B":"","Bs":null}'
    assert nc.to_json(null) == b'{"B":null,"Bs":null}'
    for data in (nc.to_xml(empty), nc.to_json(empty)):
        read = nc.from_xml(data, Blobs) if data[:1] == b"<" else nc.from_json(data, Blobs)
        assert read.b == b""
    assert nc.from_xml(nc.to_xml(null), Blobs).b is None
    assert nc.from_json(nc.to_json(null), Blobs).b is None


def test_bytes_in_an_object_member_have_their_i_type() -> None:
    obj = Holder(thing=b"\x01")
    # Mono: i:type xs:base64Binary; Json.NET writes base64 and reads it back as a string
    assert (
        nc.to_xml(obj)
        == (
            f'<Holder xmlns:i="{XSI}" xmlns="{NS}"><Thing xmlns:d2p1="{XS}" '
            'i:type="d2p1:base64Binary">AQ==</Thing></Holder>'
        ).encode()
    )
    assert nc.from_xml(nc.to_xml(obj), Holder) == obj
    assert nc.to_json(obj) == b'{"Thing":"AQ=="}'
    assert nc.from_json(nc.to_json(obj), Holder) == Holder(thing="AQ==")


# Mono (DataContractSerializer.ReadObject): ReadContentAsBase64
XML_READ: list[tuple[str, Any]] = [
    ("AAEC+v8=", b"\x00\x01\x02\xfa\xff"),
    ("AAEC +v8=", b"\x00\x01\x02\xfa\xff"),
    ("AAEC\n+v8=", b"\x00\x01\x02\xfa\xff"),
    ("  AAEC+v8=  ", b"\x00\x01\x02\xfa\xff"),
    ("AAE=", b"\x00\x01"),
    ("AB==", b"\x00"),  # bits after the last byte are ignored
    ("AAEC+v8=AA==", b"\x00\x01\x02\xfa\xff\x00"),  # a padded group, then more
    ("", b""),
    ("AAEC+v8", "not a multiple of 4"),
    ("A", "not a multiple of 4"),
    ("=", "not a multiple of 4"),
    ("AAEC+v8==", "not a multiple of 4"),
    ("AAEC-v8_", "not valid base64"),
    ("AA=A", "not valid base64"),
]


@pytest.mark.parametrize(("text", "expected"), XML_READ)
def test_xml_reading(text: str, expected: Any) -> None:
    data = (OPEN + "<B>" + text + "</B></Blobs>").encode()
    if isinstance(expected, bytes):
        assert nc.from_xml(data, Blobs).b == expected
        return
    with pytest.raises(nc.XmlPayloadError) as refused:
        nc.from_xml(data, Blobs)
    (problem,) = refused.value.problems
    assert problem.path == "B"
    assert expected in problem.message


# Mono (JsonConvert.DeserializeObject): Convert.FromBase64String, or an array of bytes
JSON_READ: list[tuple[bytes, Any]] = [
    (b'"AAEC+v8="', b"\x00\x01\x02\xfa\xff"),
    (b'"AAEC +v8="', b"\x00\x01\x02\xfa\xff"),
    (b'"AAEC\\n+v8="', b"\x00\x01\x02\xfa\xff"),
    (b'" AAE= "', b"\x00\x01"),
    (b'"AB=="', b"\x00"),
    (b'""', b""),
    (b"[0,1,2,250,255]", b"\x00\x01\x02\xfa\xff"),
    (b"[]", b""),
    (b"null", None),
    (b'"AAEC+v8"', "not valid base64"),
    (b'"AAEC-v8_"', "not valid base64"),
    (b'"A"', "not valid base64"),
    (b'"AAE=AA=="', "not valid base64"),  # unlike DataContractSerializer
    (b'"AAE=\\u00a0"', "not valid base64"),
    (b"[256]", "outside the Byte range"),
    (b"[-1]", "outside the Byte range"),
    (b"[1.5]", "an integer 0..255"),
    (b'["1"]', "an integer 0..255"),
    (b"[true]", "an integer 0..255"),
    (b"[null]", "an integer 0..255"),
    (b"123", "expected a base64 string"),
]


@pytest.mark.parametrize(("value", "expected"), JSON_READ)
def test_json_reading(value: bytes, expected: Any) -> None:
    data = b'{"B":' + value + b"}"
    for payload in (data, data.decode("utf-8")):  # the generated and the reference paths
        if expected is None or isinstance(expected, bytes):
            assert nc.from_json(payload, Blobs).b == expected
            continue
        with pytest.raises(nc.JsonPayloadError) as refused:
            nc.from_json(payload, Blobs)
        (problem,) = refused.value.problems
        assert problem.path == "B"
        assert expected in problem.message


def test_xsd_export_is_monos() -> None:
    # Mono: XsdDataContractExporter
    schemas = nc.export_schemas(Blobs)
    assert schemas[NS] == (
        f'<xs:schema xmlns:tns="{NS}" elementFormDefault="qualified" '
        f'targetNamespace="{NS}" xmlns:xs="{XS}">\n'
        f'  <xs:import namespace="{ARR}" />\n'
        '  <xs:complexType name="Blobs">\n'
        "    <xs:sequence>\n"
        '      <xs:element minOccurs="0" name="B" nillable="true" type="xs:base64Binary" />\n'
        f'      <xs:element minOccurs="0" name="Bs" nillable="true" xmlns:q1="{ARR}" '
        'type="q1:ArrayOfbase64Binary" />\n'
        "    </xs:sequence>\n"
        "  </xs:complexType>\n"
        '  <xs:element name="Blobs" nillable="true" type="tns:Blobs" />\n'
        "</xs:schema>"
    )
    assert (
        '<xs:element minOccurs="0" maxOccurs="unbounded" name="base64Binary" nillable="true" '
        'type="xs:base64Binary" />'
    ) in schemas[ARR]


def test_writing_refuses_what_is_no_bytes_with_its_path() -> None:
    with pytest.raises(nc.SerializationError) as refused:
        nc.to_json(Blobs(b=bytearray(b"x")))  # type: ignore[arg-type]
    (problem,) = refused.value.problems
    assert problem.path == "B"
    assert "bytes" in problem.message


def test_forms_carry_base64() -> None:
    # Mono (Web API): B=AQ== binds [1]; Bs=AQ==&Bs=Ag== (or Bs[]=) binds the list
    obj = Blobs(b=b"\x01", bs=[b"\x01", b"\x02"])
    assert nc.to_form(obj) == b"B=AQ%3D%3D&Bs[]=AQ%3D%3D&Bs[]=Ag%3D%3D"
    assert nc.from_form(nc.to_form(obj), Blobs) == obj
    assert nc.from_form(b"Bs%5B%5D=AQ%3D%3D&Bs%5B%5D=Ag%3D%3D", Blobs).bs == [b"\x01", b"\x02"]
    assert nc.from_form(b"B=", Blobs) == Blobs()  # Mono: null


def test_an_empty_byte_array_is_a_form_loss() -> None:
    # Mono: B= binds null, so b"" cannot travel in a form
    with pytest.raises(nc.SerializationError) as refused:
        nc.to_form(Blobs(b=b""))
    assert [p.path for p in refused.value.problems] == ["B"]
    assert "binds it as null" in refused.value.problems[0].message
    assert nc.to_form(Blobs(b=b""), lossy=True) == b"B="


# Mono: Web API binds null for these, logging nothing; from_form refuses them
@pytest.mark.parametrize("body", [b"B=AQ", b"B=AAE%3DAA%3D%3D"])
def test_form_refuses_what_web_api_binds_to_null(body: bytes) -> None:
    with pytest.raises(nc.FormPayloadError) as refused:
        nc.from_form(body, Blobs)
    assert [p.path for p in refused.value.problems] == ["B"]


def test_strategy_reaches_empty_and_long_values() -> None:
    seen: list[bytes] = []

    @settings(max_examples=200, database=None)
    @given(for_type(bytes))
    def collect(value: bytes | None) -> None:
        if value is not None:  # byte[] is a reference type: null is one of its values
            seen.append(value)

    collect()
    assert b"" in seen and max(map(len, seen)) >= 256


@settings(max_examples=100)
@given(for_type(Blobs), st.booleans())
def test_generated_paths_are_exact(obj: Blobs, indent: bool) -> None:
    """The generated readers and writers take every value without falling back (the empty
    value's self-closing element included), and give what the reference paths give."""
    with codegen._no_fallback():
        xml = nc.to_xml(obj, indent=indent)
        js = nc.to_json(obj, indent=indent)
        assert nc.from_xml(xml, Blobs) == obj
        assert nc.from_json(js, Blobs) == obj
    with codegen._engine_path("reference"):
        assert nc.to_xml(obj, indent=indent) == xml
        assert nc.to_json(obj, indent=indent) == js
        assert nc.from_xml(xml, Blobs) == obj
        assert nc.from_json(js.decode(), Blobs) == obj


def test_help_page_sample_is_object_generators() -> None:
    # ObjectGenerator (Web API help page source, not run on Mono): a byte[] is GenerateArray
    # of DefaultCollectionSize (2) bytes, each SimpleTypeObjectGenerator's (byte)64
    assert BYTES.help_sample(1, None) == b"@@"  # type: ignore[arg-type]
