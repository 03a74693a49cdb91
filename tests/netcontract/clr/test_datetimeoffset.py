"""``nc.DateTimeOffset`` (System.DateTimeOffset) through the registry: a complex value type.

Expected bytes and outcomes are Mono's (Mono 6.8 DataContractSerializer, XsdDataContractExporter,
Json.NET 6.0.8), as ``tests/interop/test_datetimeoffset_interop.py`` checks them live; they are
repeated here so that the rules hold without Mono too.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import netcontract as nc
from netcontract.clr import value_types as vt
from netcontract.clr.datetimeoffset import (
    parse_datetimeoffset_converter,
    parse_datetimeoffset_json,
    parse_datetimeoffset_key,
    parse_datetimeoffset_parts,
)
from netcontract.clr.value_types import DATETIMEOFFSET, SYSTEM
from netcontract.strategies import for_type

NS = "http://schemas.datacontract.org/2004/07/Fleet.Offsets"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SYS = "http://schemas.datacontract.org/2004/07/System"
SER = "http://schemas.microsoft.com/2003/10/Serialization/"


# [KnownType(typeof(DateTimeOffset))]: without it Mono's reader refuses the O member's
# i:type="d2p1:DateTimeOffset" (its XML writer writes it anyway: the bytes are the same)
@nc.contract("Fleet.Offsets", known_types=(nc.DateTimeOffset,))
class S:
    """The probe's class (its namespace there was urn:t) with these members."""

    d: nc.DateTimeOffset = nc.member("D", default=nc.DateTimeOffset.MIN_VALUE)
    n: nc.DateTimeOffset | None = nc.member("N", default=None)
    l_: list[nc.DateTimeOffset] | None = nc.member("L", default=None)
    nl: list[nc.DateTimeOffset | None] | None = nc.member("NL", default=None)
    o: object = nc.member("O", default=None)


A = nc.DateTimeOffset.parse("2024-05-06T13:45:07.1234567+02:00")


def parts(utc: str, minutes: int) -> str:
    return f"<d2p1:DateTime>{utc}</d2p1:DateTime><d2p1:OffsetMinutes>{minutes}</d2p1:OffsetMinutes>"


def probe_xml(utc: str, minutes: int) -> bytes:
    """Mono: DataContractSerializer's bytes for S(D=v, N=v, L=[v], NL=[null, v], O=v)."""
    decl = f'xmlns:d2p1="{SYS}"'
    p = parts(utc, minutes)
    return (
        f'<S xmlns:i="{XSI}" xmlns="{NS}"><D {decl}>{p}</D>'
        f"<L {decl}><d2p1:DateTimeOffset>{p}</d2p1:DateTimeOffset></L><N {decl}>{p}</N>"
        f'<NL {decl}><d2p1:DateTimeOffset i:nil="true" /><d2p1:DateTimeOffset>{p}'
        f'</d2p1:DateTimeOffset></NL><O {decl} i:type="d2p1:DateTimeOffset">{p}</O></S>'
    ).encode()


def probe_json(text: str) -> bytes:
    return (
        f'{{"D":"{text}","N":"{text}","L":["{text}"],"NL":[null,"{text}"],"O":"{text}"}}'
    ).encode()


#: Mono: (value as Json.NET writes it, DateTime child, OffsetMinutes)
PROBED = [
    ("2024-05-06T13:45:07.1234567+02:00", "2024-05-06T11:45:07.1234567Z", 120),
    ("0001-01-01T00:00:00+00:00", "0001-01-01T00:00:00Z", 0),
    ("9999-12-31T23:59:59.9999999+00:00", "9999-12-31T23:59:59.9999999Z", 0),
    ("0001-01-01T14:00:00+14:00", "0001-01-01T00:00:00Z", 840),
    ("9999-12-31T09:59:59-14:00", "9999-12-31T23:59:59Z", -840),
    ("2024-01-01T00:00:00+00:00", "2024-01-01T00:00:00Z", 0),
    ("2024-01-01T00:00:00+05:30", "2023-12-31T18:30:00Z", 330),
    ("2024-01-01T00:00:00-03:30", "2024-01-01T03:30:00Z", -210),
]


def test_one_registered_value_type() -> None:
    assert vt.by_contract_name(SYSTEM, "DateTimeOffset") is DATETIMEOFFSET
    assert vt.for_annotation(nc.DateTimeOffset) is DATETIMEOFFSET
    assert vt.for_untyped_value(nc.DateTimeOffset) is DATETIMEOFFSET
    assert DATETIMEOFFSET.is_value_type


@pytest.mark.parametrize(("text", "utc", "minutes"), PROBED, ids=[p[0] for p in PROBED])
def test_bytes_are_monos(text: str, utc: str, minutes: int) -> None:
    v = nc.DateTimeOffset.parse(text)
    obj = S(d=v, n=v, l_=[v], nl=[None, v], o=v)
    assert nc.to_xml(obj) == probe_xml(utc, minutes)
    assert nc.to_json(obj) == probe_json(text)
    assert nc.from_xml(probe_xml(utc, minutes), S) == obj
    # Json.NET reads a string in an object member as a DateTime
    back = nc.from_json(probe_json(text), S)
    assert back.d == v and back.o == nc.DateTime.parse(text)


def test_indented_bytes_are_monos() -> None:
    # Mono: S(D=a, N=null, L=[a], O=a), indented
    obj = S(d=A, l_=[A], o=A)
    p = "    " + parts("2024-05-06T11:45:07.1234567Z", 120).replace("><d2p1:O", ">\n    <d2p1:O")
    assert nc.to_xml(obj, indent=True) == (
        f'<S xmlns:i="{XSI}" xmlns="{NS}">\n'
        f'  <D xmlns:d2p1="{SYS}">\n{p}\n  </D>\n'
        f'  <L xmlns:d2p1="{SYS}">\n    <d2p1:DateTimeOffset>\n'
        + "  " + p.replace("\n    ", "\n      ") + "\n    </d2p1:DateTimeOffset>\n  </L>\n"
        f'  <N xmlns:d2p1="{SYS}" i:nil="true" />\n'
        f'  <NL xmlns:d2p1="{SYS}" i:nil="true" />\n'
        f'  <O xmlns:d2p1="{SYS}" i:type="d2p1:DateTimeOffset">\n{p}\n  </O>\n</S>'
    ).encode()  # fmt: skip
    assert nc.to_json(obj, indent=True) == (
        b'{\n  "D": "2024-05-06T13:45:07.1234567+02:00",\n  "N": null,\n  "L": [\n'
        b'    "2024-05-06T13:45:07.1234567+02:00"\n  ],\n  "NL": null,\n'
        b'  "O": "2024-05-06T13:45:07.1234567+02:00"\n}'
    )


def test_xsd_export_is_monos() -> None:
    schemas = nc.export_schemas(S)
    assert list(schemas) == [SER, NS, SYS]
    # Mono: XsdDataContractExporter.Export(typeof(S))
    assert schemas[SYS] == (
        f'<xs:schema xmlns:tns="{SYS}" elementFormDefault="qualified" targetNamespace="{SYS}"'
        ' xmlns:xs="http://www.w3.org/2001/XMLSchema">\n'
        f'  <xs:import namespace="{SER}" />\n'
        '  <xs:complexType name="DateTimeOffset">\n'
        "    <xs:annotation>\n"
        "      <xs:appinfo>\n"
        f'        <IsValueType xmlns="{SER}">true</IsValueType>\n'
        "      </xs:appinfo>\n"
        "    </xs:annotation>\n"
        "    <xs:sequence>\n"
        '      <xs:element name="DateTime" type="xs:dateTime" />\n'
        '      <xs:element name="OffsetMinutes" type="xs:short" />\n'
        "    </xs:sequence>\n"
        "  </xs:complexType>\n"
        '  <xs:element name="DateTimeOffset" nillable="true" type="tns:DateTimeOffset" />\n'
        '  <xs:complexType name="ArrayOfDateTimeOffset">\n'
        "    <xs:sequence>\n"
        '      <xs:element minOccurs="0" maxOccurs="unbounded" name="DateTimeOffset"'
        ' type="tns:DateTimeOffset" />\n'
        "    </xs:sequence>\n"
        "  </xs:complexType>\n"
        '  <xs:element name="ArrayOfDateTimeOffset" nillable="true"'
        ' type="tns:ArrayOfDateTimeOffset" />\n'
        '  <xs:complexType name="ArrayOfNullableOfDateTimeOffset5F2dSckg">\n'
        "    <xs:sequence>\n"
        '      <xs:element minOccurs="0" maxOccurs="unbounded" name="DateTimeOffset"'
        ' nillable="true" type="tns:DateTimeOffset" />\n'
        "    </xs:sequence>\n"
        "  </xs:complexType>\n"
        '  <xs:element name="ArrayOfNullableOfDateTimeOffset5F2dSckg" nillable="true"'
        ' type="tns:ArrayOfNullableOfDateTimeOffset5F2dSckg" />\n'
        "</xs:schema>"
    )
    assert (
        f'<xs:element minOccurs="0" name="D" xmlns:q1="{SYS}" type="q1:DateTimeOffset" />'
        in schemas[NS]
    )
    obj = S(d=A, n=None, l_=[A], nl=[None, A], o=A)
    assert nc.validate_xml(nc.to_xml(obj), S) == obj


def test_validation_refuses_a_missing_child() -> None:
    data = probe_xml("2024-05-06T11:45:07.1234567Z", 120).replace(
        b"<d2p1:OffsetMinutes>120</d2p1:OffsetMinutes></D>", b"</D>", 1
    )
    with pytest.raises(nc.XmlPayloadError) as refused:
        nc.validate_xml(data, S)
    assert [p.path for p in refused.value.problems] == ["D"]


def kids(date_time: str, minutes: str) -> str:
    return f"<s:DateTime>{date_time}</s:DateTime><s:OffsetMinutes>{minutes}</s:OffsetMinutes>"


@pytest.mark.parametrize(
    ("inner", "message"),
    [
        # Mono: SerializationException for these
        (kids("2024-05-06T11:45:07Z", "841"), "±840"),
        (kids("0001-01-01T00:00:00Z", "-60"), "range"),
        (
            "<s:OffsetMinutes>1</s:OffsetMinutes><s:DateTime>2024-05-06T11:45:07Z</s:DateTime>",
            "found <OffsetMinutes>",
        ),
        ("<s:DateTime>2024-05-06T11:45:07Z</s:DateTime>", "found the end"),
        ("", "found the end"),
        (kids("2024-05-06T11:45:07Z", "1").replace("s:", ""), "found <DateTime>"),
        # Mono reads these through the server's zone (an offset), or with today's date: refused
        (kids("2024-05-06T11:45:07+05:00", "0"), "has an offset"),
        (kids("2024-05-06T11:45:07+00:00", "0"), "server's time zone"),
        (kids("---06Z", "0"), "is not a valid DateTime"),
        (kids("11:45:07Z", "0"), "is not a valid DateTime"),
        # Mono: XmlException (rounded past MaxValue; no seconds)
        (kids("9999-12-31T23:59:59.99999999Z", "0"), "rounded past"),
        (kids("2024-05-06T11:45Z", "0"), "is not a valid DateTime"),
        ("2024", "found text"),
        (kids("X2024-05-06T11:45:07Z", "0"), "'X2024-05-06T11:45:07Z' is not a valid DateTime"),
        (kids("2024-05-06T11:45:07Z", "32768"), "'32768' is outside the Int16 range"),
        (kids("2024-05-06T11:45:07Z", "-32769"), "'-32769' is outside the Int16 range"),
        (kids("2024-05-06T11:45:07Z", "32767"), "OffsetMinutes 32767 is outside ±840"),
        (kids("2024-05-06T11:45:07Z", "-32768"), "OffsetMinutes -32768 is outside ±840"),
        # Mono trims U+00A0 (README, "DateTimeOffset"; test_datetimeoffset_interop.py)
        (kids("\u00a02024-05-06T11:45:07Z", "0"), "is not a valid DateTime"),
        (
            kids("2024-05-06T11:45:07-00:00", "120"),
            "has an offset: .NET converts it into the server's time zone and back, which moves"
            " some instants (write Z, as .NET does)",
        ),
        (kids("9999-12-31T23:59:59Z", "60"), "'9999-12-31T23:59:59Z' with OffsetMinutes 60"),
    ],
)
def test_xml_reading_refuses_with_the_member_path(inner: str, message: str) -> None:
    data = (f'<S xmlns="{NS}" xmlns:s="{SYS}"><D>{inner}</D></S>').encode()
    with pytest.raises(nc.XmlPayloadError) as refused:
        nc.from_xml(data, S)
    assert [p.path for p in refused.value.problems] == ["D"]
    assert message in refused.value.problems[0].message


@pytest.mark.parametrize(
    ("date_time", "minutes", "expected"),
    [
        # Mono 6.8 (Ticks, Offset), the same under TZ=UTC, America/New_York, Asia/Kolkata,
        # Australia/Lord_Howe, Europe/London, Pacific/Kiritimati and America/Sitka
        ("2024-05-06Z", 120, (638505576000000000, 120)),
        ("2024-05-06z", 0, (638505504000000000, 0)),
        ("2024-02-29Z", 0, (638447616000000000, 0)),
        ("2024-05Z", 0, (638501184000000000, 0)),
        ("2024Z", 0, (638396640000000000, 0)),
        ("--05-06Z", 0, (600636384000000000, 0)),
        ("0001-01-01Z", 0, (0, 0)),
        # no zone: the clock time of the offset
        ("2024-05-06T11:45:07", 60, (638505927070000000, 60)),
        ("2024-05-06T11:45:07.5", 60, (638505927075000000, 60)),
        ("2024-05-06", 120, (638505504000000000, 120)),
        # past 7 fraction digits: to the nearest tick, a tie to the even one, carried
        ("2024-05-06T11:45:07.12345678Z", 0, (638505927071234568, 0)),
        ("2024-05-06T11:45:07.12345675Z", 0, (638505927071234568, 0)),
        ("2024-05-06T11:45:07.12345665Z", 0, (638505927071234566, 0)),
        ("2024-05-06T11:45:07.12345685Z", 0, (638505927071234568, 0)),
        ("2024-05-06T11:45:07.123456850Z", 0, (638505927071234568, 0)),
        ("2024-05-06T11:45:07.123456850001Z", 0, (638505927071234569, 0)),
        ("2024-05-06T11:45:07.123456749999Z", 0, (638505927071234567, 0)),
        ("2024-05-06T11:45:07.99999985Z", 0, (638505927079999998, 0)),
        ("2024-05-06T11:45:07.99999995Z", 0, (638505927080000000, 0)),
        ("2024-05-06T23:59:59.99999999Z", 0, (638506368000000000, 0)),
        ("2024-05-06T11:45:07.0000000000000000000000001Z", 0, (638505927070000000, 0)),
        ("\n2024-05-06Z\n", 0, (638505504000000000, 0)),
    ],
)
def test_xml_reading_takes_the_texts_mono_reads_whatever_the_zone(
    date_time: str, minutes: int, expected: tuple[int, int]
) -> None:
    value = parse_datetimeoffset_parts(date_time, minutes)
    assert (value.ticks, value.offset_minutes) == expected
    data = f'<S xmlns="{NS}" xmlns:s="{SYS}"><D>{kids(date_time, str(minutes))}</D></S>'
    assert nc.from_xml(data.encode(), S).d == value


def test_xml_reading_takes_white_space_and_ignores_elements_after() -> None:
    # Mono: read, the trailing <X> ignored
    data = (
        f'<S xmlns="{NS}" xmlns:s="{SYS}"><D><s:DateTime> 2024-05-06T11:45:07Z </s:DateTime>'
        "<s:OffsetMinutes> 120 </s:OffsetMinutes><s:X>1</s:X></D></S>"
    ).encode()
    assert nc.from_xml(data, S).d == nc.DateTimeOffset.parse("2024-05-06T13:45:07+02:00")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Mono: Json.NET (Ticks, Offset)
        ("2024-05-06T13:45:07.1234567+02:00", (638505999071234567, 120)),
        ("2024-05-06T13:45:07Z", (638505999070000000, 0)),
        ("2024-05-06T13:45:07+00:00", (638505999070000000, 0)),
        ("/Date(1234567890000)/", (633701646900000000, 0)),
        ("/Date(1234567890000+0100)/", (633701682900000000, 60)),
        ("/Date(1234567890000-0530)/", (633701448900000000, -330)),
        # Mono: Json.NET 6.0.8's DateTimeOffset.TryParse, the same under TZ=UTC, Asia/Kolkata
        # and America/St_Johns (tests/interop/test_json_number_strings_interop.py)
        ("2024-05-06T13:45:07+0530", (638505999070000000, 330)),
        ("2024-05-06T13:45:07+05", (638505999070000000, 300)),
        ("2024-05-06T13:45+05:30", (638505999000000000, 330)),
        ("2024-05-06 13:45:07-0930", (638505999070000000, -570)),
        (" 2024-05-06T13:45:07.1234567+0530\t", (638505999071234567, 330)),
        ("2024-05-06+05:30", (638505504000000000, 330)),
        # Mono (probed live: test_json_number_strings_interop.py): one-digit date fields,
        # one-digit clock fields after white space, offsets ±h, ±h:m, ±hmm, other white
        # space (Char.IsWhiteSpace), NULs at the very end
        ("2024-5-6T13:45:07+02:00", (638505999070000000, 120)),
        ("2024-5-6 1:2:3.5 +02:00", (638505541235000000, 120)),
        ("2024-5-6+02:00", (638505504000000000, 120)),
        ("2024-05-06T13:45:07+2:00", (638505999070000000, 120)),
        ("2024-05-06T13:45:07+2:0", (638505999070000000, 120)),
        ("2024-05-06T13:45:07+2", (638505999070000000, 120)),
        ("2024-05-06T13:45:07+200", (638505999070000000, 120)),
        ("2024-05-06T13:45:07-9:30", (638505999070000000, -570)),
        ("\u00a02024-05-06T13:45:07\t+02:00\n", (638505999070000000, 120)),
        ("2024-05-06T13:45:07+02:00\x00\x00", (638505999070000000, 120)),
        ("2024-05-06T13:45:07Z\x00", (638505999070000000, 0)),
        ("2024-05-06T13:45:07+02:00 \x00", (638505999070000000, 120)),
        # Mono: a lowercase z after white space (test_json_number_strings_interop.py)
        ("2020-1-2 1:02:3.5 z", (637135237235000000, 0)),
        # Mono: a NUL right after the offset of a T form, then white space and NULs (the
        # parser never looks at the character after the offset)
        ("2024-05-06T13:45:07+02:00\x00 ", (638505999070000000, 120)),
        ("2024-05-06T13:45+2\x00\t\x00", (638505999000000000, 120)),
        # Mono: more than 7 fraction digits, summed as doubles and rounded (DateTimeOffset.
        # TryParse; test_json_number_strings_interop.py)
        ("2020-01-01T00:00:00.12345678+01:00", (637134336001234568, 60)),
        ("2020-01-01T00:00:00.00000025Z", (637134336000000003, 0)),
        ("2020-01-01T00:00:00.99999999+01:00", (637134336010000000, 60)),
        ("2020-01-01 00:00:00.12345678+01:00", (637134336001234568, 60)),
    ],
)
def test_json_reading(text: str, expected: tuple[int, int]) -> None:
    value = parse_datetimeoffset_json(text)
    assert (value.ticks, value.offset_minutes) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2024-05-06T13:45:07+14:01",  # Mono: ArgumentOutOfRangeException
        "0001-01-01T00:00:00+01:00",  # Mono: refused (the UTC time is before 0001)
        "9999-12-31T23:59:59.9999999-01:00",
        # Mono: read in the server's zone (no offset): refused
        "2024-05-06T13:45:07",
        "2024-05-06",
        "2024-05-06T13:45:07.12345678",
        # Mono: ArgumentOutOfRangeException (rounded past MaxValue)
        "9999-12-31T23:59:59.99999995+00:00",
        # Mono reads these (DateTimeOffset.TryParse); not taken by netcontract
        "05/06/2024 13:45:07 +02:00",
        "6 May 2024 13:45:07 +02:00",
        "2024-05-06T13:45:07+02:00Z",
        "2024-05-06T13:45:07+02:00X",
        # Mono refuses white space then a NUL, two NULs then white space, NULs after Z, and
        # a NUL after the offset of a form without T
        "2024-05-06T13:45:07+02:00 \x00 ",
        "2024-05-06T13:45:07+02:00\x00\x00 ",
        "2024-05-06T13:45:07Z\x00 ",
        "2024-05-06 13:45+02:00\x00 ",
        # Mono refuses a letter after the offset of the other forms
        "2024-05-06 13:45+02:00X",
        "2024-05-06 13:45+02:00X\x00",
        # Mono refuses one-digit clock fields after T
        "2024-05-06T3:45:07+02:00",
        "2024-05-06T13:45:7+02:00",
        "x",
    ],
)
def test_json_reading_refuses(text: str) -> None:
    with pytest.raises(ValueError, match=r"DateTimeOffset|offset"):
        parse_datetimeoffset_json(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Mono: Json.NET 6.0.8 Dictionary<DateTimeOffset,int> keys (Ticks, Offset); its date
        # parser, then DateTimeOffsetConverter (String.Trim, "" is MinValue, Parse)
        ("", (0, 0)),
        (" \t", (0, 0)),
        ("\t2020-01-01+01\x00 ", (637134336000000000, 60)),  # (a member refuses it: no T)
        ("2020-01-01T00:00:00+01:00\x00 ", (637134336000000000, 60)),  # (a member too)
        (" 2020-1-2 3:4:5 +2:3\n", (637135310450000000, 123)),
        ("2020-01-01T00:00:00.12345678+01:00", (637134336001234568, 60)),  # rounded
        (" 2020-01-01T00:00:00.00000025Z ", (637134336000000003, 0)),
        ("/Date(1577836800000+0100)/", (637134372000000000, 60)),
        ("2020-1-2 1:02:3.5 z", (637135237235000000, 0)),  # (a member too)
        ("2020-1-2T12:34:56.5\tz\t", (637135652965000000, 0)),
    ],
)
def test_json_key_reading(text: str, expected: tuple[int, int]) -> None:
    value = parse_datetimeoffset_key(text)
    assert (value.ticks, value.offset_minutes) == expected


@pytest.mark.parametrize(
    "text",
    [
        " /Date(0)/",  # Mono: JsonSerializationException (Parse does not read it)
        "2020-01-01T00:00:00",  # Mono reads it in the server's zone (+00:00 at TZ=UTC)
    ],
)
def test_json_key_reading_refuses(text: str) -> None:
    with pytest.raises(ValueError, match=r"DateTimeOffset|offset"):
        parse_datetimeoffset_key(text)


def test_form_values_take_the_converter_without_microsoft_dates() -> None:
    # Web API (Mono): DateTimeOffsetConverter; "/Date(…)/" binds nothing (null in a
    # DateTimeOffset?), white space around is trimmed (test_forms_interop.py)
    assert parse_datetimeoffset_converter("\u00a02020-01-01T00:00:00+01:00\x00 ") == (
        nc.DateTimeOffset(637134336000000000, 60)
    )
    with pytest.raises(ValueError, match="Microsoft date"):
        parse_datetimeoffset_converter("/Date(1577836800000+0100)/")


@pytest.mark.parametrize("text", ["/Date(abc)/", "/Date(1)/x"])
def test_json_key_not_a_microsoft_date_goes_to_the_converter(text: str) -> None:
    # Mono: JsonSerializationException for both keys (Json.NET's parser does not take them,
    # DateTimeOffset.Parse refuses them): refused by the converter, which says why
    with pytest.raises(ValueError) as info:
        parse_datetimeoffset_key(text)
    assert str(info.value) == (
        f"{text!r} is not a valid DateTimeOffset: DateTimeOffset.Parse does not read a"
        " Microsoft date here"
    )


@pytest.mark.parametrize("text", ["\x1c", "\x1c2020-01-01T00:00:00+01:00"])
def test_converter_trims_only_dotnet_white_space(text: str) -> None:
    # U+001C is white space to Python's str.strip, not to .NET's String.Trim: Mono's
    # DateTimeOffsetConverter.ConvertFrom (invariant culture) throws FormatException for
    # both (not MinValue for the first), and a Json.NET key "\u001c" is refused
    with pytest.raises(ValueError, match="is not a valid DateTimeOffset"):
        parse_datetimeoffset_converter(text)
    with pytest.raises(ValueError, match="is not a valid DateTimeOffset"):
        parse_datetimeoffset_key(text)


def test_json_reading_refuses_with_the_member_path() -> None:
    for data, path in ((b'{"D":5}', "D"), (b'{"D":null}', "D"), (b'{"L":["x"]}', "L[0]")):
        with pytest.raises(nc.JsonPayloadError) as refused:
            nc.from_json(data, S)
        assert [p.path for p in refused.value.problems] == [path]


def test_the_value_class() -> None:
    assert nc.DateTimeOffset(5).offset_minutes == 0
    assert A.utc_ticks == 638505927071234567
    assert nc.DateTimeOffset(638505999071234567, 120) == A
    assert nc.DateTimeOffset(A.utc_ticks, 0) != A  # the same instant, another offset
    assert str(A) == repr(A).split("# ")[1] == "2024-05-06T13:45:07.1234567+02:00"
    for bad in ((0, 841), (0, 60), (3155378975999999999, -1)):
        with pytest.raises(ValueError, match="outside"):
            nc.DateTimeOffset(*bad)
    with pytest.raises(TypeError):
        nc.DateTimeOffset(1.5)  # type: ignore[arg-type]


def test_datetime_conversion_refuses_to_drop_ticks() -> None:
    """A datetime holds microseconds: the 100 ns digit is refused unless truncate=True."""
    tz = dt.timezone(dt.timedelta(hours=2))
    aware = dt.datetime(2024, 5, 6, 13, 45, 7, 123456, tzinfo=tz)
    value = nc.DateTimeOffset.from_datetime(aware)
    assert value == nc.DateTimeOffset.parse("2024-05-06T13:45:07.123456+02:00")
    assert value.to_datetime() == aware
    assert value.to_datetime().utcoffset() == dt.timedelta(hours=2)
    with pytest.raises(ValueError, match=r"100 ns digit.*; pass truncate=True to drop it"):
        A.to_datetime()
    assert A.to_datetime(truncate=True) == aware.replace(microsecond=123456)
    # the last tick: the microseconds are counted in integers (a float loses the last digits)
    assert nc.DateTimeOffset.MAX_VALUE.to_datetime(truncate=True) == dt.datetime(
        9999, 12, 31, 23, 59, 59, 999999, tzinfo=dt.UTC
    )
    with pytest.raises(ValueError, match=r"^a naive datetime has no offset: give it a tzinfo$"):
        nc.DateTimeOffset.from_datetime(dt.datetime(2024, 1, 1))
    with pytest.raises(TypeError, match=r"expected a datetime\.datetime, not date"):
        nc.DateTimeOffset.from_datetime(dt.date(2024, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="whole number of minutes"):
        nc.DateTimeOffset.from_datetime(
            dt.datetime(2024, 1, 1, tzinfo=dt.timezone(dt.timedelta(seconds=30)))
        )


def test_equality_takes_the_ticks_and_the_offset() -> None:
    hour = 36_000_000_000
    assert nc.DateTimeOffset(hour, 0) != nc.DateTimeOffset(hour + 1, 0)
    assert nc.DateTimeOffset(hour, 0) != nc.DateTimeOffset(hour, 60)
    assert nc.DateTimeOffset(hour, 60) == nc.DateTimeOffset(hour, 60)


def test_help_page_sample_is_now_with_its_offset() -> None:
    # ObjectGenerator: new DateTimeOffset(DateTime.Now)
    now = nc.DateTime.parse("2026-06-02T18:36:51.9290578+00:00")
    sample = nc.help_page_sample(S, now=now)
    assert sample.d == nc.DateTimeOffset(now.ticks, 0)
    # the offset is the server's (DateTime.Now is Local): TZ=Asia/Kolkata gives +05:30
    kolkata = nc.DateTime.parse("2026-06-02T18:36:51.9290578+05:30")
    assert nc.help_page_sample(S, now=kolkata).d == nc.DateTimeOffset(kolkata.ticks, 330)
    utc = nc.DateTime.parse("2026-06-02T18:36:51.9290578Z")  # no offset: +00:00
    assert nc.help_page_sample(S, now=utc).d == nc.DateTimeOffset(utc.ticks, 0)


def test_form_round_trip() -> None:
    obj = S(d=A, n=nc.DateTimeOffset.MAX_VALUE, l_=[A])
    body = nc.to_form(obj)
    assert body.startswith(b"D=2024-05-06T13%3A45%3A07.1234567%2B02%3A00&")
    assert nc.from_form(body, S) == obj


@given(for_type(nc.DateTimeOffset))
def test_strategy_draws_values(value: Any) -> None:
    assert type(value) is nc.DateTimeOffset


@given(for_type(S), st.booleans())
def test_every_path_reads_and_writes_what_the_value_type_says(obj: S, indent: bool) -> None:
    obj = S(d=obj.d, n=obj.n, l_=obj.l_, nl=obj.nl)
    assert nc.from_xml(nc.to_xml(obj, indent=indent), S) == obj
    assert nc.from_json(nc.to_json(obj, indent=indent), S) == obj


@pytest.mark.parametrize(
    "text", ["2024-05-06 13:45:07+02:00", "2024-05-06T13:45+02:00", "2024-05-06T13:45:07+0200"]
)
def test_forms_read_what_a_member_reads(text: str) -> None:
    # Mono: Web API's form binder reads these texts (DateTimeOffset's converter,
    # tests/interop/test_json_number_strings_interop.py) to the value a Json.NET member gets
    assert DATETIMEOFFSET.form_parse(text) == parse_datetimeoffset_json(text)
    assert DATETIMEOFFSET.form_parse(text).offset_minutes == 120
