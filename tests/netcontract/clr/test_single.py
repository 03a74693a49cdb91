"""``nc.Single`` (System.Single): float32 through the registry as one class.

Expected bytes and outcomes are Mono's (Mono 6.8 ``Single.ToString("R")``, ``XmlConvert``,
DataContractSerializer, XsdDataContractExporter, Json.NET 6.0.8), as
``tests/interop/test_single_interop.py`` checks them live; they are repeated here so that the
rules hold without Mono too.
"""

from __future__ import annotations

import math
import struct
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import netcontract as nc
from netcontract.clr import value_types as vt
from netcontract.clr.single import (
    check_single,
    format_single_json,
    format_single_r,
    format_single_xml,
    is_single,
    parse_single_json_number,
    parse_single_json_string,
    parse_single_xml,
)
from netcontract.clr.value_types import SINGLE, XS
from netcontract.strategies import for_type

NS = "http://schemas.datacontract.org/2004/07/Fleet.Singles"
ARR = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
SYSTEM = "http://schemas.datacontract.org/2004/07/System"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


@nc.contract("Fleet.Singles")
class Singles:
    f: nc.Single = nc.member("F", default=0.0)
    nf: nc.Single | None = nc.member("NF", default=None)
    fs: list[nc.Single] | None = nc.member("Fs", default=None)
    nfs: list[nc.Single | None] | None = nc.member("NFs", default=None)


@nc.contract("Fleet.Singles")
class Holder:
    thing: object = nc.member("Thing", default=None)


def f32(bits: int) -> float:
    value: float = struct.unpack("<f", struct.pack("<I", bits))[0]
    return value


def bits(value: float) -> int:
    result: int = struct.unpack("<I", struct.pack("<f", value))[0]
    return result


#: Mono: (value, ToString("R"), XmlConvert.ToString, JsonConvert.ToString)
FORMS = [
    (0.0, "0", "0", "0.0"),
    (1.0, "1", "1", "1.0"),
    (f32(0x3DCCCCCD), "0.1", "0.1", "0.1"),
    (f32(0x3EAAAAAB), "0.333333343", "0.333333343", "0.333333343"),
    (f32(0x7F7FFFFF), "3.40282347E+38", "3.40282347E+38", "3.40282347E+38"),
    (f32(0xFF7FFFFF), "-3.40282347E+38", "-3.40282347E+38", "-3.40282347E+38"),
    (f32(1), "1.401298E-45", "1.401298E-45", "1.401298E-45"),
    (f32(0x00800000), "1.17549435E-38", "1.17549435E-38", "1.17549435E-38"),
    (math.nan, "NaN", "NaN", '"NaN"'),
    (math.inf, "Infinity", "INF", '"Infinity"'),
    (-math.inf, "-Infinity", "-INF", '"-Infinity"'),
    (16777216.0, "16777216", "16777216", "16777216.0"),
    (1e7, "1E+07", "1E+07", "1E+07"),
    (1e8, "1E+08", "1E+08", "1E+08"),
    (123456792.0, "123456792", "123456792", "123456792.0"),
    (f32(bits(1.5e-5)), "1.5E-05", "1.5E-05", "1.5E-05"),
    (f32(bits(1e-4)), "0.0001", "0.0001", "0.0001"),
    (f32(bits(3.4e38)), "3.4E+38", "3.4E+38", "3.4E+38"),
    (2.5, "2.5", "2.5", "2.5"),
    (100.0, "100", "100", "100.0"),
    (f32(bits(1e15)), "1E+15", "1E+15", "1E+15"),
    (f32(bits(1e16)), "1E+16", "1E+16", "1E+16"),
]


def test_single_is_one_registered_value_type() -> None:
    assert vt.by_contract_name(XS, "float") is SINGLE
    assert nc.Single.__metadata__ == (SINGLE,)  # type: ignore[attr-defined]
    assert (SINGLE.clr_name, SINGLE.python_type, SINGLE.is_value_type) == ("Single", float, True)
    # a float alone is a Double: a Single in an object member is Boxed
    assert vt.for_untyped_value(float) is vt.DOUBLE


@pytest.mark.parametrize(("value", "r", "xml", "json"), FORMS, ids=[f[1] for f in FORMS])
def test_texts_are_monos(value: float, r: str, xml: str, json: str) -> None:
    assert (format_single_r(value), format_single_xml(value), format_single_json(value)) == (
        r,
        xml,
        json,
    )


def test_negative_zero_keeps_its_sign() -> None:
    """Mono: R drops the sign ("0"), XmlConvert writes "-0", Json.NET "0.0"; netcontract writes
    "-0.0" in JSON, as it does for Double, and reads both back as -0.0."""
    assert format_single_r(-0.0) == "0"
    assert format_single_xml(-0.0) == "-0"
    assert format_single_json(-0.0) == "-0.0"
    for value in (parse_single_xml("-0"), parse_single_json_number("-0.0")):
        assert math.copysign(1.0, value) < 0.0


@pytest.mark.parametrize(
    ("text", "expected_bits"),
    [
        # Mono: XmlConvert.ToSingle / DataContractSerializer
        ("3.4028235E+38", 0x7F7FFFFF),
        ("0.1", 0x3DCCCCCD),
        (" 1.5 ", 0x3FC00000),
        ("+1.5", 0x3FC00000),
        (".5", 0x3F000000),
        ("5.", 0x40A00000),
        ("16777217", 0x4B800000),
        ("1e-50", 0),
        ("-1e-50", 0x80000000),
        ("7E-46", 0),
        ("8E-46", 1),
        ("INF", 0x7F800000),
        ("Infinity", 0x7F800000),
        ("-INF", 0xFF800000),
        # through Double then float32: two roundings (the nearest Single is 0x3F800001)
        ("1.00000005960464477539062500001", 0x3F800000),
    ],
)
def test_xml_reading_rounds_as_dotnet_does(text: str, expected_bits: int) -> None:
    assert bits(parse_single_xml(text)) == expected_bits


@pytest.mark.parametrize(
    "text", ["3.40282357E+38", "3.4028236E+38", "3.5E+38", "1e39", "1,5", "1e", "1.5f", "0x10"]
)
def test_xml_refuses_what_dotnet_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="Single"):
        parse_single_xml(text)


@pytest.mark.parametrize(
    ("text", "expected_bits"),
    [
        # Mono: Json.NET 6.0.8, a number token
        ("0.1", 0x3DCCCCCD),
        ("16777217", 0x4B800000),
        # an integer token is rounded once (Convert.ToSingle(Int64)); through Double it would
        # land on a tie and give 0x5A800000
        ("18014399583223809", 0x5A800001),
        ("-16777217", 0xCB800000),  # Mono: -16777216.0, the sign kept
        # above the tie between 2^53 and 2^53 + 2^30: through Double it would round to 2^53
        ("9007199791611905", 0x5A000001),
        # exact ties, to even: 2^54 + 2^30 down, 2^54 + 3 * 2^30 up
        ("18014399583223808", 0x5A800000),
        ("18014401730707456", 0x5A800002),
        ("9223372036854775808", 0x5F000000),
        ("340282356779733661637539395458142568447", 0x7F7FFFFF),
        ("1.00000005960464477539062500001", 0x3F800000),
        ("NaN", 0x7FC00000),
        ("-Infinity", 0xFF800000),
    ],
)
def test_json_number_reading(text: str, expected_bits: int) -> None:
    assert bits(parse_single_json_number(text)) == expected_bits


@pytest.mark.parametrize(
    "text", ["3.40282357E+38", "3.5E+38", "1e39", "340282356779733661637539395458142568448"]
)
def test_json_refuses_values_json_net_reads_as_infinity(text: str) -> None:
    """Mono: Json.NET reads these numbers as Infinity silently; netcontract refuses them
    (README, "Behaviours chosen where .NET is lossy")."""
    with pytest.raises(ValueError, match="outside the Single range") as refused:
        parse_single_json_number(text)
    assert text[:16] in str(refused.value)  # the problem shows the text


def test_json_integers_of_more_than_50_digits_are_refused_showing_the_text() -> None:
    with pytest.raises(ValueError, match=r"^'1000000000.* is outside the Single range"):
        parse_single_json_number("1" + "0" * 60)


def test_json_string_reading() -> None:
    # Mono: Json.NET reads a string with Convert.ToSingle (group separators, white space)
    assert parse_single_json_string("1,5") == 15.0
    assert parse_single_json_string(" 1.5 ") == 1.5
    assert parse_single_json_string("+1.5") == 1.5
    for text in ("INF", "-INF", "1e39", "3.5E+38", "1.5f"):
        with pytest.raises(ValueError, match="Single"):
            parse_single_json_string(text)


SAMPLE = Singles(
    f=f32(0x3DCCCCCD), nf=math.inf, fs=[1e7, f32(1), -3.0], nfs=[None, f32(0x3EAAAAAB)]
)
SAMPLE_XML = (
    f'<Singles xmlns:i="{XSI}" xmlns="{NS}"><F>0.1</F>'
    f'<Fs xmlns:d2p1="{ARR}"><d2p1:float>1E+07</d2p1:float><d2p1:float>1.401298E-45</d2p1:float>'
    "<d2p1:float>-3</d2p1:float></Fs><NF>INF</NF>"
    f'<NFs xmlns:d2p1="{SYSTEM}"><d2p1:float i:nil="true" /><d2p1:float>0.333333343</d2p1:float>'
    "</NFs></Singles>"
).encode()
SAMPLE_JSON = b'{"F":0.1,"NF":"Infinity","Fs":[1E+07,1.401298E-45,-3.0],"NFs":[null,0.333333343]}'


def test_members_lists_and_nullables_in_both_formats() -> None:
    assert nc.to_xml(SAMPLE) == SAMPLE_XML
    assert nc.to_json(SAMPLE) == SAMPLE_JSON
    assert nc.from_xml(SAMPLE_XML, Singles) == SAMPLE
    assert nc.from_json(SAMPLE_JSON, Singles) == SAMPLE
    indented = nc.to_json(SAMPLE, indent=True)
    assert b'\n  "Fs": [\n    1E+07,\n    1.401298E-45,\n    -3.0\n  ],' in indented
    assert nc.from_json(indented, Singles) == SAMPLE
    assert nc.from_xml(nc.to_xml(SAMPLE, indent=True), Singles) == SAMPLE


def test_writing_refuses_a_float_that_is_no_single_with_its_path() -> None:
    """No silent rounding: 0.1 (a double) is not a Single; nc.to_single rounds it."""
    obj = Singles(f=0.1, fs=[1.0, 1e39], nfs=[None, 1 / 3])
    for write in (nc.to_xml, nc.to_json):
        with pytest.raises(nc.SerializationError) as refused:
            write(obj)
        problems = {p.path: p.message for p in refused.value.problems}
        assert list(problems) == ["F", "Fs[1]", "NFs[1]"]
        assert "nearest Single is 0.10000000149011612" in problems["F"]
        assert "outside the Single range" in problems["Fs[1]"]
    assert nc.to_single(0.1) == f32(0x3DCCCCCD)
    assert is_single(nc.to_single(1 / 3)) and not is_single(1 / 3)


@pytest.mark.parametrize(
    ("data", "path"),
    [
        (b'{"F":3.5E+38}', "F"),
        (b'{"NF":"1e39"}', "NF"),
        (b'{"Fs":[1,1e39]}', "Fs[1]"),
        (b'{"F":true}', "F"),
        (b'{"F":null}', "F"),
    ],
)
def test_json_reading_refuses_with_the_member_path(data: bytes, path: str) -> None:
    with pytest.raises(nc.JsonPayloadError) as refused:
        nc.from_json(data, Singles)
    assert [p.path for p in refused.value.problems] == [path]


def test_xml_reading_refuses_with_the_member_path() -> None:
    data = SAMPLE_XML.replace(b"<F>0.1</F>", b"<F>3.5E+38</F>")
    with pytest.raises(nc.PayloadError) as refused:
        nc.from_xml(data, Singles)
    assert [p.path for p in refused.value.problems] == ["F"]
    assert "outside the Single range" in refused.value.problems[0].message


def test_a_single_in_an_object_member_is_boxed_as_xs_float() -> None:
    # Mono: <O i:type="a:float" xmlns:a="http://www.w3.org/2001/XMLSchema">1.5</O>; Json.NET
    # writes the number, and reads it back into an object as a Double
    obj = Holder(thing=nc.Boxed(1.5, SINGLE))
    xml = nc.to_xml(obj)
    assert (
        b'<Thing xmlns:d2p1="http://www.w3.org/2001/XMLSchema" i:type="d2p1:float">1.5</Thing>'
        in xml
    )
    assert nc.from_xml(xml, Holder) == obj
    assert nc.to_json(obj) == b'{"Thing":1.5}'
    assert nc.from_json(nc.to_json(obj), Holder) == Holder(thing=1.5)
    assert nc.to_json(Holder(thing=nc.Boxed(nc.to_single(0.1), SINGLE))) == b'{"Thing":0.1}'


def test_xsd_export_is_monos() -> None:
    schema = nc.export_schemas(Singles)[NS]
    # Mono: XsdDataContractExporter
    assert '<xs:element minOccurs="0" name="F" type="xs:float" />' in schema
    assert '<xs:element minOccurs="0" name="NF" nillable="true" type="xs:float" />' in schema
    assert 'type="q1:ArrayOffloat"' in schema
    assert 'type="q2:ArrayOfNullableOffloat"' in schema
    assert nc.validate_xml(SAMPLE_XML, Singles) == SAMPLE


def test_help_page_sample_is_index_plus_a_tenth() -> None:
    # ObjectGenerator: (Single)(index + 0.1)
    sample = nc.help_page_sample(Singles)
    assert sample.f == nc.to_single(1.1)
    assert sample.fs == [nc.to_single(1.1), nc.to_single(2.1)]


def test_form_round_trip() -> None:
    obj = Singles(f=-0.0, nf=math.nan, fs=[1e7, f32(1)], nfs=[None, -math.inf])
    body = nc.to_form(obj)
    assert body == b"F=-0&NF=NaN&Fs[]=1E%2B07&Fs[]=1.401298E-45&NFs[]=&NFs[]=-Infinity"
    back = nc.from_form(body, Singles)
    assert nc.to_json(back) == nc.to_json(obj)
    with pytest.raises(nc.FormPayloadError):
        nc.from_form(b"F=1e39", Singles)
    with pytest.raises(nc.FormPayloadError):
        nc.from_form(b"F=1,5", Singles)


@given(for_type(nc.Single))
def test_strategy_draws_singles_only(value: Any) -> None:
    assert type(value) is float and is_single(value)


@given(for_type(Singles), st.booleans())
def test_every_path_reads_and_writes_what_the_value_type_says(obj: Singles, indent: bool) -> None:
    xml = nc.to_xml(obj, indent=indent)
    data = nc.to_json(obj, indent=indent)
    assert nc.to_json(nc.from_xml(xml, Singles)) == nc.to_json(obj)
    assert nc.to_xml(nc.from_json(data, Singles)) == nc.to_xml(obj)
    try:
        body = nc.to_form(obj)
    except nc.SerializationError:
        return  # an empty list: a form loss whatever the item type
    assert nc.to_json(nc.from_form(body, Singles)) == nc.to_json(obj)


def test_random_bit_patterns_read_back_from_their_texts() -> None:
    import random

    rng = random.Random(5)
    for _ in range(3000):
        value = f32(rng.getrandbits(32))
        if value != value or math.isinf(value):
            continue
        assert parse_single_xml(format_single_xml(value)) == value
        assert bits(parse_single_json_number(format_single_json(value))) == bits(value)


def test_check_single_takes_exact_floats_and_ints_only() -> None:
    assert check_single(5) == 5.0
    assert check_single(16777216) == 16777216.0
    assert check_single(0.5) == 0.5
    with pytest.raises(ValueError, match=r"^9007199254740993 cannot be held exactly by a Single$"):
        check_single(2**53 + 1)
    with pytest.raises(ValueError, match=r"^16777217\.0 is not a Single \(float32\) value"):
        check_single(16777217)
    with pytest.raises(TypeError, match=r"^expected a float \(Single\), got str '1'$"):
        check_single("1")


@pytest.mark.parametrize("parse", [parse_single_xml, parse_single_json_string])
def test_refusals_are_in_single_terms(parse: Any) -> None:
    with pytest.raises(ValueError, match=r"^'x' is not a valid Single$"):
        parse("x")
    with pytest.raises(ValueError, match=r"^'1e400' is outside the Single range"):
        parse("1e400")
