"""``nc.TimeSpan`` (System.TimeSpan) through the value-type registry.

Expected bytes and outcomes are Mono's (Mono 6.8 DataContractSerializer, XmlConvert,
XsdDataContractExporter, Json.NET 6.0.8), as ``tests/interop/test_timespan_bytes_interop.py``
checks them live; they are repeated here so that the rules are tested without Mono too.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netcontract as nc
from netcontract import codegen
from netcontract.clr import value_types as vt
from netcontract.clr.timespan import (
    format_timespan_json,
    format_timespan_xml,
    parse_timespan_json,
    parse_timespan_xml,
)
from netcontract.clr.value_types import TIMESPAN
from netcontract.strategies import for_type

NS = "http://schemas.datacontract.org/2004/07/Fleet.Spans"
ARR = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
SYSTEM = "http://schemas.datacontract.org/2004/07/System"
SER = "http://schemas.microsoft.com/2003/10/Serialization/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
TS = nc.TimeSpan


@nc.contract("Fleet.Spans")
class Durations:
    d: nc.TimeSpan = nc.member("D", default=nc.TimeSpan.ZERO)
    nd: nc.TimeSpan | None = nc.member("ND", default=None)
    ds: list[nc.TimeSpan] | None = nc.member("Ds", default=None)
    nds: list[nc.TimeSpan | None] | None = nc.member("NDs", default=None)


@nc.contract("Fleet.Spans")
class Holder:
    thing: object = nc.member("Thing", default=None)


SAMPLE = Durations(
    d=TS(937845670000),
    nd=TS(-15000000),
    ds=[TS.MIN_VALUE, TS.MAX_VALUE, TS(0), TS(1)],
    nds=[None, TS(-1)],
)

# Mono: DataContractSerializer (path B) and Json.NET of SAMPLE
SAMPLE_XML = (
    f'<Durations xmlns:i="{XSI}" xmlns="{NS}"><D>P1DT2H3M4.567S</D>'
    f'<Ds xmlns:d2p1="{ARR}"><d2p1:duration>-P10675199DT2H48M5.4775808S</d2p1:duration>'
    "<d2p1:duration>P10675199DT2H48M5.4775807S</d2p1:duration>"
    "<d2p1:duration>PT0S</d2p1:duration><d2p1:duration>PT0.0000001S</d2p1:duration></Ds>"
    f'<ND>-PT1.5S</ND><NDs xmlns:d2p1="{SYSTEM}"><d2p1:duration i:nil="true" />'
    "<d2p1:duration>-PT0.0000001S</d2p1:duration></NDs></Durations>"
).encode()
SAMPLE_JSON = (
    b'{"D":"1.02:03:04.5670000","ND":"-00:00:01.5000000",'
    b'"Ds":["-10675199.02:48:05.4775808","10675199.02:48:05.4775807","00:00:00",'
    b'"00:00:00.0000001"],"NDs":[null,"-00:00:00.0000001"]}'
)

# Mono: (ticks, XmlConvert.ToString(TimeSpan), JsonConvert.SerializeObject(TimeSpan))
TEXTS: list[tuple[int, str, str]] = [
    (0, "PT0S", "00:00:00"),
    (937845670000, "P1DT2H3M4.567S", "1.02:03:04.5670000"),
    (-15000000, "-PT1.5S", "-00:00:01.5000000"),
    (-(2**63), "-P10675199DT2H48M5.4775808S", "-10675199.02:48:05.4775808"),
    (2**63 - 1, "P10675199DT2H48M5.4775807S", "10675199.02:48:05.4775807"),
    (1, "PT0.0000001S", "00:00:00.0000001"),
    (-1, "-PT0.0000001S", "-00:00:00.0000001"),
    (864000000000, "P1D", "1.00:00:00"),
    (345600001234567, "P400DT0.1234567S", "400.00:00:00.1234567"),
    (54000000000, "PT1H30M", "01:30:00"),
    (-864000000001, "-P1DT0.0000001S", "-1.00:00:00.0000001"),
]


def test_timespan_is_one_registered_value_type() -> None:
    assert vt.by_contract_name(SER, "duration") is TIMESPAN
    assert vt.for_annotation(nc.TimeSpan) is TIMESPAN
    assert (TIMESPAN.clr_name, TIMESPAN.python_type, TIMESPAN.is_value_type) == (
        "TimeSpan",
        nc.TimeSpan,
        True,
    )
    assert (TS.MIN_VALUE.ticks, TS.MAX_VALUE.ticks, TS.ZERO.ticks) == (-(2**63), 2**63 - 1, 0)


@pytest.mark.parametrize(("ticks", "xml", "json"), TEXTS)
def test_texts_are_monos(ticks: int, xml: str, json: str) -> None:
    value = TS(ticks)
    assert format_timespan_xml(value) == xml
    assert format_timespan_json(value) == json
    assert parse_timespan_xml(xml) == value
    assert parse_timespan_json(json) == value


def test_writes_duration_in_xml_and_the_c_format_in_json() -> None:
    assert nc.to_xml(SAMPLE) == SAMPLE_XML
    assert nc.to_json(SAMPLE) == SAMPLE_JSON
    assert nc.from_xml(SAMPLE_XML, Durations) == SAMPLE
    assert nc.from_json(SAMPLE_JSON, Durations) == SAMPLE


def test_a_timespan_in_an_object_member_has_its_i_type() -> None:
    obj = Holder(thing=TS(-15000000))
    # Mono: i:type ser:duration; Json.NET writes the string and reads it back as a string
    assert (
        nc.to_xml(obj)
        == (
            f'<Holder xmlns:i="{XSI}" xmlns="{NS}"><Thing xmlns:d2p1="{SER}" '
            'i:type="d2p1:duration">-PT1.5S</Thing></Holder>'
        ).encode()
    )
    assert nc.from_xml(nc.to_xml(obj), Holder) == obj
    assert nc.to_json(obj) == b'{"Thing":"-00:00:01.5000000"}'
    assert nc.from_json(nc.to_json(obj), Holder) == Holder(thing="-00:00:01.5000000")


XML_HEAD = f'<Durations xmlns:i="{XSI}" xmlns="{NS}"><D>'

# Mono (DataContractSerializer.ReadObject): XmlConvert.ToTimeSpan
XML_READ: list[tuple[str, Any]] = [
    (" PT1S ", 10_000_000),
    ("\t-PT1S\n", -10_000_000),
    ("P1Y", 365 * 864_000_000_000),
    ("P1M", 30 * 864_000_000_000),
    ("P1Y1M", 395 * 864_000_000_000),
    ("P01D", 864_000_000_000),
    ("P0D", 0),
    ("P0Y", 0),
    ("PT36H", 36 * 36_000_000_000),
    ("PT1.12345678S", 11_234_567),
    ("PT1.123456789S", 11_234_567),
    ("-PT0.00000009S", 0),
    ("PT0.99999999S", 9_999_999),
    ("PT1.S", 10_000_000),
    ("PT.5S", 5_000_000),
    ("PT.S", 0),
    ("PT0.S", 0),
    ("P1DT2H3M4.5670000S", 937845670000),
    ("PT2147483647S", 2147483647 * 10_000_000),
    ("-P10675199DT2H48M5.4775808S", -(2**63)),
    ("PT", "not an xs:duration"),
    ("P", "not an xs:duration"),
    ("P1DT", "not an xs:duration"),
    ("P10675199DT2H48M5.4775808S", "outside the TimeSpan range"),
    ("P99999999D", "outside the TimeSpan range"),
    ("PT2147483648S", "too large a number"),
    ("PT3000000000H", "too large a number"),
    ("PT9223372036854775807S", "too large a number"),
    ("pt1s", "not an xs:duration"),
    ("P1.5D", "not an xs:duration"),
    ("PT1,5S", "not an xs:duration"),
    ("+PT1S", "not an xs:duration"),
    ("P1W", "not an xs:duration"),
    ("PT-1S", "not an xs:duration"),
    ("PT1H1H", "not an xs:duration"),
    ("P1D1Y", "not an xs:duration"),
    ("- PT1S", "not an xs:duration"),
    ("1.02:03:04", "not an xs:duration"),
    ("XPT1SX", "not an xs:duration"),
    ("PT" + "0" * 196 + "1S", 10_000_000),  # 200 characters
    # documented differences (test_timespan_bytes_interop.py, DIFFERENCES): Mono reads these
    ("PT1.5S\u00a0", "not an xs:duration"),  # Mono trims U+00A0
    ("PT" + "0" * 197 + "1S", "not an xs:duration"),  # netcontract reads 200 characters at most
    # each number's overflow names the text
    ("P2147483648Y", "'P2147483648Y' is not a TimeSpan: 2147483648 is too large a number"),
    ("P2147483648M", "'P2147483648M' is not a TimeSpan: 2147483648 is too large a number"),
    ("P2147483648D", "'P2147483648D' is not a TimeSpan: 2147483648 is too large a number"),
    ("PT2147483648H", "'PT2147483648H' is not a TimeSpan: 2147483648 is too large a number"),
    ("PT2147483648M", "'PT2147483648M' is not a TimeSpan: 2147483648 is too large a number"),
    ("PT2147483648S", "'PT2147483648S' is not a TimeSpan: 2147483648 is too large a number"),
    ("x" * 100, repr("x" * 80) + " is not an xs:duration"),
]


@pytest.mark.parametrize(("text", "expected"), XML_READ)
def test_xml_reading(text: str, expected: Any) -> None:
    data = (XML_HEAD + text + "</D></Durations>").encode()
    if isinstance(expected, int):
        assert nc.from_xml(data, Durations).d == TS(expected)
        return
    with pytest.raises(nc.XmlPayloadError) as refused:
        nc.from_xml(data, Durations)
    (problem,) = refused.value.problems
    assert problem.path == "D"
    assert expected in problem.message


# Mono (JsonConvert.DeserializeObject): TimeSpan.Parse
JSON_READ: list[tuple[bytes, Any]] = [
    (b'"1.02:03:04.5670000"', 937845670000),
    (b'"00:00:01"', 10_000_000),
    (b'"-00:00:01.5"', -15_000_000),
    (b'"1:2:3"', 37_230_000_000),
    (b'"  00:00:01 "', 10_000_000),
    (b'"\\t00:00:01"', 10_000_000),
    (b'"00:00:01\\n"', 10_000_000),
    (b'"1"', 864_000_000_000),
    (b'"1.2:3"', 864_000_000_000 + 2 * 36_000_000_000 + 3 * 600_000_000),
    (b'"1:2:3:4"', 937_840_000_000),
    (b'"-1.00:00:00"', -864_000_000_000),
    (b'"10675199.02:48:05.4775807"', 2**63 - 1),
    (b'"-10675199.02:48:05.4775808"', -(2**63)),
    (b'"10675199.02:48:05.4775808"', "outside the TimeSpan range"),
    (b'"1.24:00:00"', "too large"),
    (b'"00:60:00"', "too large"),
    (b'"0:0:0.12345678"', "is not a TimeSpan"),
    (b'"00:00:01."', "is not a TimeSpan"),
    (b'".5"', "is not a TimeSpan"),
    (b'"P1D"', "is not a TimeSpan"),
    (b'""', "is not a TimeSpan"),
    (b"123", "expected a TimeSpan string ([-][d.]hh:mm:ss[.fffffff]), got the number 123"),
    (b"1.5", "expected a TimeSpan string"),
    (b"null", "null is not allowed"),
    (b'"23:59:59"', 863_990_000_000),
    (b'"0.23:59:59"', 863_990_000_000),
    (b'"00:59:00"', 35_400_000_000),
    (b'"00:00:59"', 590_000_000),
    (b'"00:00:60"', "too large"),
    (b'"\\u001c01:02:03"', "is not a TimeSpan"),  # U+001C is no white space for .NET
    (b'"1:2:3:4.5"', 937_845_000_000),
    (b'"' + b"9" * 100 + b'"', repr("9" * 80) + " is not a TimeSpan"),
    # documented difference: Mono reads "24:00:00" as 24 days; netcontract refuses it
    (b'"24:00:00"', "too large"),
]


@pytest.mark.parametrize(("value", "expected"), JSON_READ)
def test_json_reading(value: bytes, expected: Any) -> None:
    data = b'{"D":' + value + b"}"
    for payload in (data, data.decode("utf-8")):  # the generated and the reference paths
        if isinstance(expected, int):
            assert nc.from_json(payload, Durations).d == TS(expected)
            continue
        with pytest.raises(nc.JsonPayloadError) as refused:
            nc.from_json(payload, Durations)
        (problem,) = refused.value.problems
        assert problem.path == "D"
        assert expected in problem.message


def test_timedelta_conversion_refuses_to_drop_ticks_silently() -> None:
    assert TS.from_timedelta(dt.timedelta(days=1, microseconds=-1)) == TS(863_999_999_990)
    assert TS.from_timedelta(dt.timedelta(microseconds=-1)) == TS(-10)
    assert TS(-15_000_000).to_timedelta() == dt.timedelta(seconds=-1.5)
    assert TS.MAX_VALUE.to_timedelta(truncate=True) == dt.timedelta(microseconds=(2**63 - 1) // 10)
    with pytest.raises(ValueError) as refused:
        TS(15).to_timedelta()
    assert str(refused.value) == (
        "00:00:00.0000015 has a 100 ns digit that datetime.timedelta cannot hold;"
        " pass truncate=True to drop it"
    )
    with pytest.raises(ValueError, match="100 ns digit"):
        TS(-11).to_timedelta()
    assert TS(-11).to_timedelta(truncate=True) == dt.timedelta(microseconds=-1)  # to zero
    assert TS(0).to_timedelta() == dt.timedelta(0)
    with pytest.raises(ValueError, match="outside"):
        TS.from_timedelta(dt.timedelta.max)
    with pytest.raises(TypeError, match=r"expected a datetime\.timedelta, not int"):
        TS.from_timedelta(5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="outside"):
        TS(2**63)


def test_order_hash_and_text() -> None:
    # TimeSpan orders by its ticks (the runtime's CompareTo); str is Json.NET's text of it
    values = [TS(15_000_000), TS.MIN_VALUE, TS(-1), TS.ZERO, TS.MAX_VALUE, TS(1)]
    assert sorted(values) == [TS.MIN_VALUE, TS(-1), TS.ZERO, TS(1), TS(15_000_000), TS.MAX_VALUE]
    assert TS(1) < TS(2)
    assert not TS(2) < TS(1)
    assert not TS(1) < TS(1)
    assert TS(2) > TS(1)
    with pytest.raises(TypeError):
        _ = TS(1) < 2  # type: ignore[operator]
    assert len({hash(TS(1)), hash(TS(2)), hash(TS(-1))}) == 3
    assert hash(TS(7)) == hash(TS(7))
    assert TS(1) != TS(2)
    assert TS(1) != 1
    with pytest.raises(TypeError, match=r"^ticks must be an int, not float$"):
        TS(1.0)  # type: ignore[arg-type]
    assert str(TS(-15_000_000)) == "-00:00:01.5000000"
    assert repr(TS(864_000_000_000)) == "TimeSpan(864000000000)  # 1.00:00:00"


def test_writing_refuses_what_is_no_timespan_with_its_path() -> None:
    with pytest.raises(nc.SerializationError) as refused:
        nc.to_xml(Durations(d=dt.timedelta(seconds=1)))  # type: ignore[arg-type]
    (problem,) = refused.value.problems
    assert problem.path == "D"
    assert "TimeSpan.from_timedelta" in problem.message


def test_xsd_export_is_monos() -> None:
    # Mono: XsdDataContractExporter
    assert nc.export_schemas(Durations)[NS] == (
        f'<xs:schema xmlns:ser="{SER}" xmlns:tns="{NS}" elementFormDefault="qualified" '
        f'targetNamespace="{NS}" xmlns:xs="http://www.w3.org/2001/XMLSchema">\n'
        f'  <xs:import namespace="{SER}" />\n'
        f'  <xs:import namespace="{ARR}" />\n'
        f'  <xs:import namespace="{SYSTEM}" />\n'
        '  <xs:complexType name="Durations">\n'
        "    <xs:sequence>\n"
        '      <xs:element minOccurs="0" name="D" type="ser:duration" />\n'
        f'      <xs:element minOccurs="0" name="Ds" nillable="true" xmlns:q1="{ARR}" '
        'type="q1:ArrayOfduration" />\n'
        '      <xs:element minOccurs="0" name="ND" nillable="true" type="ser:duration" />\n'
        f'      <xs:element minOccurs="0" name="NDs" nillable="true" xmlns:q2="{SYSTEM}" '
        'type="q2:ArrayOfNullableOfduration" />\n'
        "    </xs:sequence>\n"
        "  </xs:complexType>\n"
        '  <xs:element name="Durations" nillable="true" type="tns:Durations" />\n'
        "</xs:schema>"
    )


def test_form_writes_the_json_text() -> None:
    assert nc.to_form(Durations(d=TS(937845670000), nd=TS(-15000000))) == (
        b"D=1.02%3A03%3A04.5670000&ND=-00%3A00%3A01.5000000"
    )


# Mono (Web API, JQueryMvcFormUrlEncodedFormatter): TimeSpanConverter
FORM_READ: list[tuple[bytes, Any]] = [
    (b"D=1.02%3A03%3A04.5670000", 937845670000),
    (b"D=-00%3A00%3A01.5", -15_000_000),
    (b"D=1", 864_000_000_000),
    (b"D=+00%3A00%3A01", 10_000_000),  # a form's "+" is a space
    (b"D=%2000%3A00%3A01%20", 10_000_000),
    (b"D=1%3A2%3A3%3A4", 937_840_000_000),
]


@pytest.mark.parametrize(("body", "ticks"), FORM_READ)
def test_form_reading(body: bytes, ticks: int) -> None:
    assert nc.from_form(body, Durations).d == TS(ticks)


def test_form_lists_and_null() -> None:
    # Mono: ND= binds null; Ds=00:00:01&Ds=1 binds both
    assert nc.from_form(b"ND=&Ds=00%3A00%3A01&Ds=1", Durations) == Durations(
        ds=[TS(10_000_000), TS(864_000_000_000)]
    )


# Mono: Web API binds the default (00:00:00) for these, logging nothing; from_form refuses them
@pytest.mark.parametrize(
    "body",
    [
        b"D=P1D",
        b"D=00%3A00%3A01.",
        b"D=0%3A0%3A0.12345678",
        b"D=24%3A00%3A00",
        b"D=%2B00%3A00%3A01",
    ],
)
def test_form_refuses_what_web_api_binds_to_the_default(body: bytes) -> None:
    # "24:00:00": Mono binds 24 days (the documented difference of the JSON reader)
    with pytest.raises(nc.FormPayloadError) as refused:
        nc.from_form(body, Durations)
    assert [p.path for p in refused.value.problems] == ["D"]


def test_help_page_sample_is_object_generators() -> None:
    assert TIMESPAN.help_sample(1, None) == TS(1234567)  # type: ignore[arg-type]


def test_strategy_covers_the_range() -> None:
    seen: list[int] = []

    @settings(max_examples=300, database=None)
    @given(for_type(nc.TimeSpan))
    def collect(value: nc.TimeSpan) -> None:
        seen.append(value.ticks)

    collect()
    assert min(seen) == -(2**63) and max(seen) == 2**63 - 1
    assert any(t % 10 for t in seen) and any(-(10**15) < t < 0 for t in seen)


@settings(max_examples=100)
@given(for_type(Durations), st.booleans())
def test_generated_paths_are_exact(obj: Durations, indent: bool) -> None:
    """The generated readers and writers take every value without falling back, and give
    what the reference paths give."""
    with codegen._no_fallback():
        xml = nc.to_xml(obj, indent=indent)
        js = nc.to_json(obj, indent=indent)
        assert nc.from_xml(xml, Durations) == obj
        assert nc.from_json(js, Durations) == obj
    with codegen._engine_path("reference"):
        assert nc.to_xml(obj, indent=indent) == xml
        assert nc.to_json(obj, indent=indent) == js
        assert nc.from_xml(xml, Durations) == obj
        assert nc.from_json(js.decode(), Durations) == obj
