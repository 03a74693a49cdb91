"""WCF's own JSON (to_wcf_json / from_wcf_json): DataContractJsonSerializer's bytes pinned.

Every expected text below is what Mono 6.8's DataContractJsonSerializer wrote or did for
the same C# contracts (the probes are in docs/wcf-json-rules.md; the live comparison is
tests/interop/test_wcf_json_interop.py), with ``TZ=UTC`` unless a zone is named.
"""

from __future__ import annotations

import decimal
import uuid
from typing import Annotated, Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import netcontract as nc
from netcontract import DateTime, DateTimeKind
from netcontract.clr.value_types import BYTE, CHAR, INT32
from netcontract.strategies import for_type
from vehizen import CustomerGroupDto, ResponseDto, VehicleLightDto

Dec = decimal.Decimal
GUID = uuid.UUID("0f8fad5b-d9cb-469f-a165-70867728950e")
UTC, LOCAL, UNSPEC = DateTimeKind.UTC, DateTimeKind.LOCAL, DateTimeKind.UNSPECIFIED


@nc.contract("P.A")
class Color(nc.ContractEnum):
    Red = 1
    Green = 2


@nc.contract("P.A")
class Base:
    zb: str | None = nc.member("Zb", default=None)
    ab: nc.Int32 = nc.member("Ab", default=0)


@nc.contract(name="Derived", xml_namespace="http://x/y")
class Derived(Base):
    dd: str | None = nc.member("Dd", default=None)
    cc: nc.Int32 = nc.member("Cc", default=0)


@nc.contract(name="Odd", xml_namespace="#odd")
class Odd(Base):
    x: nc.Int32 = nc.member("X", default=0)


@nc.contract(name="NoNs", xml_namespace="")
class NoNs(Base):
    y: nc.Int32 = nc.member("Y", default=0)


# the twin's serializer knows these (WcfDriver's known types): [KnownType] here
@nc.contract("P.A", known_types=(Base, Derived, Odd, NoNs, Color))
class Holder:
    poly: Base | None = nc.member("Poly", default=None)
    bases: list[Base | None] | None = nc.member("Bs", default=None)
    o: object = nc.member("O", default=None)
    e: Color = nc.member("E", default=Color.Red)
    ne: Color | None = nc.member("NE", default=None)


@nc.contract("P.A")
class Values:
    s: str | None = nc.member("S", default=None)
    b: bool = nc.member("B", default=False)
    i: nc.Int32 = nc.member("I", default=0)
    lg: nc.Int64 = nc.member("Lg", default=0)
    ul: nc.UInt64 = nc.member("UL", default=0)
    by: nc.Byte = nc.member("By", default=0)
    d: float = nc.member("D", default=0.0)
    ds: list[float] | None = nc.member("Ds", default=None)
    m: decimal.Decimal = nc.member("M", default=Dec(0))
    g: uuid.UUID = nc.member("G", default=nc.EMPTY_GUID)
    t: nc.TimeSpan = nc.member("T", default=nc.TimeSpan(0))
    c: Annotated[str, CHAR] = nc.member("C", default="\0")
    y: bytes | None = nc.member("Y", default=None)
    dt: DateTime = nc.member("Dt", default=DateTime(0, UTC))
    ndt: DateTime | None = nc.member("NDt", default=None)


@nc.contract("P.A")
class Req:
    name: str | None = nc.member("Name", default=None, is_required=True)
    note: str | None = nc.member("Note", default=None, emit_default_value=False)
    count: nc.Int32 = nc.member("Count", default=0, emit_default_value=False)


@nc.contract("P.A")
class Must:
    s: str | None = nc.member("S", default=None, is_required=True, emit_default_value=False)


def at(*parts: int, kind: DateTimeKind = UTC, offset: int | None = None) -> DateTime:
    return DateTime.from_parts(*parts, kind=kind, offset_minutes=offset)


# ----------------------------------------------------------------------------- writing


def test_members_in_datacontract_order_with_type_hint_first() -> None:
    # Mono: base members first, ordinal within a class; "__type" first; "/" escaped
    holder = Holder(poly=Derived(zb="z", ab=1, dd="d", cc=2))
    assert nc.to_wcf_json(holder) == (
        b'{"Bs":null,"E":1,"NE":null,"O":null,'
        b'"Poly":{"__type":"Derived:http:\\/\\/x\\/y","Ab":1,"Zb":"z","Cc":2,"Dd":"d"}}'
    )


def test_type_hint_of_default_empty_and_hash_namespaces() -> None:
    # Mono: {"Bs":[{"__type":"Odd:\\#odd","Zb":null,"X":0},{"__type":"NoNs","Zb":null,"Y":0},
    # {"Zb":null},null],...}
    holder = Holder(bases=[Odd(), NoNs(), Base(), None])
    assert nc.to_wcf_json(holder).startswith(
        b'{"Bs":[{"__type":"Odd:\\\\#odd","Ab":0,"Zb":null,"X":0},'
        b'{"__type":"NoNs","Ab":0,"Zb":null,"Y":0},{"Ab":0,"Zb":null},null],'
    )
    holder = Holder(o=Base(zb="q"))
    assert b'"O":{"__type":"Base:#P.A","Ab":0,"Zb":"q"}' in nc.to_wcf_json(holder)


def test_root_has_no_type_hint() -> None:
    # Mono: WriteObject(Derived) with the declared type Derived: no __type
    assert nc.to_wcf_json(Derived(zb="z")) == b'{"Ab":0,"Zb":"z","Cc":0,"Dd":null}'


def test_object_member_values_carry_no_type_hint() -> None:
    # Mono: O1 = 5 -> 5, 5L -> 5, "s", new object() -> {}, List<int> -> [1], enum -> 1,
    # 1.5 -> 1.5, Guid.Empty -> "0000...", no "__type" on any of them
    expected: list[tuple[Any, bytes]] = [
        (nc.Boxed(5, INT32), b"5"),
        (5, b"5"),
        ("s", b'"s"'),
        (nc.AnyObject(), b"{}"),
        (Color.Red, b"1"),
        (1.5, b"1.5"),
        (nc.EMPTY_GUID, b'"00000000-0000-0000-0000-000000000000"'),
        (True, b"true"),
    ]
    for value, text in expected:
        assert nc.to_wcf_json(Holder(o=value)).startswith(b'{"Bs":null,"E":1,"NE":null,"O":' + text)
    assert b'"O":[1,"a"]' in nc.to_wcf_json(Holder(o=[1, "a"]))


def test_values_as_dotnet_writes_them() -> None:
    values = Values(
        s="a/b\"c\\d<e>&'\x01\b\f\n\r\t\x1f\x7f\x80\x85\xa0\xe9\u2028\u2029\ufeff\uffff"
        "\U0001f600 end",
        b=True,
        lg=2**63 - 1,
        ul=2**64 - 1,
        d=0.1,
        ds=[1e20, 1e21, 1e-05, 1e-07, float("nan"), float("inf"), float("-inf"), -0.0,
            1.7976931348623157e308, 5e-324, 123456789012345678.0, 1.0, 0.30000000000000004],
        m=Dec("1.10"),
        g=uuid.UUID("0f8fad5b-d9cb-469f-a165-70867728950e"),
        t=nc.TimeSpan(937_840_050_007),
        c="x",
        y=bytes([0, 1, 255]),
        dt=at(2020, 1, 2, 3, 4, 5, 6_780_000),
    )  # fmt: skip
    # Mono (the probe's All class, these members)
    assert (
        nc.to_wcf_json(values)
        == (
            '{"B":true,"By":0,"C":"x","D":0.1,'
            '"Ds":[1E+20,1E+21,1E-05,1E-07,NaN,INF,-INF,-0,1.7976931348623157E+308,'
            "4.94065645841247E-324,1.2345678901234568E+17,1,0.30000000000000004],"
            '"Dt":"\\/Date(1577934245678)\\/","G":"0f8fad5b-d9cb-469f-a165-70867728950e",'
            '"I":0,"Lg":9223372036854775807,"M":1.10,"NDt":null,'
            '"S":"a\\/b\\"c\\\\d<e>&\'\\u0001\\b\\f\\n\\r\\t\\u001f\x7f\x80\\u0085\xa0\xe9'
            '\\u2028\\u2029\ufeff\\uffff\\ud83d\\ude00 end",'
            '"T":"P1DT2H3M4.0050007S","UL":18446744073709551615,"Y":[0,1,255]}'
        ).encode()
    )


def test_char_zero_and_empty_bytes() -> None:
    # Mono: "C0":"\u0000", "NoBytes":[]
    text = nc.to_wcf_json(Values(y=b""))
    assert b'"C":"\\u0000"' in text
    assert b'"Y":[]' in text


def test_dates_of_each_kind() -> None:
    # Mono, TZ=Asia/Kolkata: Local 2020-01-02T03:04:05 -> "\/Date(1577914445000+0530)\/";
    # TZ=America/New_York: "\/Date(1577952245000-0500)\/"; Utc: no offset
    local = at(2020, 1, 2, 3, 4, 5, kind=LOCAL, offset=330)
    assert b'"Dt":"\\/Date(1577914445000+0530)\\/"' in nc.to_wcf_json(Values(dt=local))
    local = at(2020, 1, 2, 3, 4, 5, kind=LOCAL, offset=-300)
    assert b'"Dt":"\\/Date(1577952245000-0500)\\/"' in nc.to_wcf_json(Values(dt=local))
    # Mono, TZ=UTC: DateTime.MaxValue (Unspecified) -> "\/Date(253402300799999+0000)\/",
    # MinValue -> "\/Date(-62135596800000+0000)\/"
    text = nc.to_wcf_json(Values(dt=DateTime(3_155_378_975_999_999_999)), lossy=True)
    assert b'"Dt":"\\/Date(253402300799999+0000)\\/"' in text
    text = nc.to_wcf_json(Values(dt=DateTime(0)), lossy=True)
    assert b'"Dt":"\\/Date(-62135596800000+0000)\\/"' in text


def test_milliseconds_are_truncated_toward_zero() -> None:
    # Mono: 1969-12-31T23:59:59.9995Z -> "\/Date(0)\/" (ticks / 10000 in C#)
    value = DateTime(621_355_967_999_995_000, UTC)
    assert b'"Dt":"\\/Date(0)\\/"' in nc.to_wcf_json(Values(dt=value), lossy=True)


def test_sub_millisecond_ticks_are_refused_unless_lossy() -> None:
    with pytest.raises(nc.SerializationError) as info:
        nc.to_wcf_json(Values(dt=at(2020, 1, 2, 3, 4, 5, 6_780_009)))
    assert info.value.problems[0].path == "Dt"
    assert "sub-millisecond" in info.value.problems[0].message


def test_unspecified_date_is_refused_unless_lossy() -> None:
    with pytest.raises(nc.SerializationError) as info:
        nc.to_wcf_json(Values(dt=DateTime(0)))
    assert info.value.problems[0].path == "Dt"
    assert "Unspecified" in info.value.problems[0].message


def test_local_date_outside_the_range_in_utc_is_refused() -> None:
    # Mono, TZ=Europe/Berlin: DateTime.MinValue (Unspecified) -> "JSON DateTime is out of range"
    value = DateTime(0, LOCAL, 60)
    with pytest.raises(nc.SerializationError, match="outside the DateTime range"):
        nc.to_wcf_json(Values(dt=value))


def test_emit_default_value_and_required_member() -> None:
    # Mono: EmitDefaultValue=false leaves out null and 0 (as DataContractSerializer)
    assert nc.to_wcf_json(Req(name="n")) == b'{"Name":"n"}'
    assert nc.to_wcf_json(Req(name="n", note="x", count=2)) == b'{"Count":2,"Name":"n","Note":"x"}'


def test_required_member_left_out_at_its_default_is_refused() -> None:
    # Mono (Edge.E.Defaults with Must = null): "Member Must in type Edge.E.Defaults cannot be
    # serialized. ... EmitDefault setting is 'false' ... IsRequired setting is 'true'"
    with pytest.raises(nc.SerializationError) as info:
        nc.to_wcf_json(Must())
    assert info.value.problems[0].path == "S"
    assert nc.to_wcf_json(Must(s="x")) == b'{"S":"x"}'


def test_indented_layout() -> None:
    # Mono: JsonReaderWriterFactory.CreateJsonWriter(s, UTF8, false, true, "  "): CRLF,
    # two spaces, "[ ]" and "{ }" when empty
    holder = Holder(bases=[], o=nc.AnyObject(), poly=Base())
    assert nc.to_wcf_json(holder, indent=True) == (
        b'{\r\n  "Bs": [ ],\r\n  "E": 1,\r\n  "NE": null,\r\n  "O": { },\r\n'
        b'  "Poly": {\r\n    "Ab": 0,\r\n    "Zb": null\r\n  }\r\n}'
    )


def test_writing_problems_name_their_paths() -> None:
    with pytest.raises(nc.SerializationError) as info:
        nc.to_wcf_json(Holder(o={"a": 1}, bases=[Base(), "x"]))  # type: ignore[list-item]
    paths = sorted(p.path for p in info.value.problems)
    assert paths == ["Bs[1]", "O"]


# ----------------------------------------------------------------------------- reading


def test_reads_what_it_writes() -> None:
    values = Values(
        s="x/y\u2028\U0001f600", b=True, ds=[float("inf"), -0.0], m=Dec("1.10"), c="\0",
        y=b"\x00\xff", dt=at(2020, 1, 2, 3, 4, 5, kind=LOCAL, offset=-330),
        ndt=at(1, 1, 1), t=nc.TimeSpan(-1),
    )  # fmt: skip
    assert nc.from_wcf_json(nc.to_wcf_json(values), Values) == values
    holder = Holder(poly=Derived(dd="d"), bases=[Odd(x=1), NoNs(y=2), None], o=Base())
    assert nc.from_wcf_json(nc.to_wcf_json(holder), Holder) == holder


def test_members_in_any_order_unknown_ignored_case_sensitive() -> None:
    # Mono: {"Req":1,"Unknown":{"a":[1,2]}} reads; {"i":5} leaves I at 0
    values = nc.from_wcf_json(b'{"S":"s","Unknown":{"a":[1,2]},"i":5,"B":true}', Values)
    assert (values.s, values.b, values.i) == ("s", True, 0)


def test_lenient_values_dotnet_reads() -> None:
    # Mono: "I":"5", "I":5.0, "I":1e2, "I":" 5 ", "B":"true", "B":1, "D":"NaN", "D":INF,
    # "D":"Infinity", "M":"1.10", "M":1e2, "S":5 -> "5", "S":true -> "true", "By":"7",
    # {"Req":1,} and [1,] (a comma before "}" or "]"), a BOM and white space around the
    # document
    cases: list[tuple[bytes, str, Any]] = [
        (b'{"I":"5"}', "i", 5),
        (b'{"I":5.0}', "i", 5),
        (b'{"I":1e2}', "i", 100),
        (b'{"I":" 5 "}', "i", 5),
        (b'{"Lg":1.5E3}', "lg", 1500),
        (b'{"B":"true"}', "b", True),
        (b'{"B":1}', "b", True),
        (b'{"M":"1.10"}', "m", Dec("1.10")),
        (b'{"M":1e2}', "m", Dec(100)),
        (b'{"S":5}', "s", "5"),
        (b'{"S":true}', "s", "true"),
        (b'{"S":1.10}', "s", "1.10"),
        (b'{"D":INF}', "d", float("inf")),
        (b'{"D":"Infinity"}', "d", float("inf")),
        (b'{"D":-INF}', "d", float("-inf")),
        (b'{"G":"{0F8FAD5B-D9CB-469F-A165-70867728950E}"}', "g", GUID),
        (b'{"G":"0f8fad5bd9cb469fa16570867728950e"}', "g", GUID),
        (b'{"T":"PT1S"}', "t", nc.TimeSpan(10_000_000)),
        (b'{"Dt":"/Date(1577934245678)/"}', "dt", at(2020, 1, 2, 3, 4, 5, 6_780_000)),
        (b'{"Dt":" \\/Date( 1)\\/ "}', "dt", DateTime(621_355_968_000_010_000, UTC)),
        (b'{"Dt":"\\/Date(-1)\\/"}', "dt", DateTime(621_355_967_999_990_000, UTC)),
        (b'{"Y":[1,"2"]}', "y", b"\x01\x02"),
        (b'{"I":2,}', "i", 2),
        (b'{"Ds":[1,]}', "ds", [1.0]),
        (b'\xef\xbb\xbf {"I":2} ', "i", 2),
    ]  # fmt: skip
    for data, attr, expected in cases:
        assert getattr(nc.from_wcf_json(data, Values), attr) == expected, data
    assert str(nc.from_wcf_json(b'{"D":"NaN"}', Values).d) == "nan"


def test_local_date_keeps_the_offset_written() -> None:
    # Mono reads "\/Date(1577934245000+0100)\/" as Local in its own zone (Asia/Kolkata:
    # 08:34:05+05:30); netcontract keeps the instant and the writer's offset
    value = nc.from_wcf_json(b'{"Dt":"\\/Date(1577934245000+0100)\\/"}', Values).dt
    assert value == at(2020, 1, 2, 4, 4, 5, kind=LOCAL, offset=60)


def test_enums_are_read_as_numbers() -> None:
    # Mono: "E":"2" and "E":2.0 read; "E":"Green" -> "cannot be parsed as the type 'Int64'"
    assert nc.from_wcf_json(b'{"E":"2"}', Holder).e is Color.Green
    assert nc.from_wcf_json(b'{"E":2.0}', Holder).e is Color.Green
    with pytest.raises(nc.JsonPayloadError) as info:
        nc.from_wcf_json(b'{"E":"Green"}', Holder)
    assert info.value.problems[0].path == "E"


def test_object_member_numbers_get_dotnet_types() -> None:
    # Mono (ParseJsonNumber): 5 -> Int32, 5000000000 -> Int64, 1.5 -> Decimal,
    # 9223372036854775808 -> Decimal, 1E+20 -> Decimal, -1E+15 -> Int64, NaN -> Double,
    # -0 -> Int32 0, "\/Date(0)\/" -> String, [] -> object[], {} -> object
    cases: list[tuple[bytes, Any]] = [
        (b"5", nc.Boxed(5, INT32)),
        (b"5000000000", 5_000_000_000),
        (b"1.5", Dec("1.5")),
        (b"1.10", Dec("1.10")),
        (b"9223372036854775808", Dec(2**63)),
        (b"1E+20", Dec("1E+20")),
        (b"-1E+15", -(10**15)),
        (b"-0", nc.Boxed(0, INT32)),
        (b'"\\/Date(0)\\/"', "/Date(0)/"),
        (b"[]", []),
        (b"{}", nc.AnyObject()),
        (b"1e400", None),
    ]
    for text, expected in cases[:-1]:
        got = nc.from_wcf_json(b'{"O":' + text + b"}", Holder).o
        assert got == expected and type(got) is type(expected), text
    nan = nc.from_wcf_json(b'{"O":NaN}', Holder).o
    assert isinstance(nan, float) and nan != nan
    assert nc.from_wcf_json(b'{"O":1E+40}', Holder).o == 1e40  # beyond Decimal: a Double


@pytest.mark.parametrize(
    ("data", "path", "words"),
    [
        # Mono: "Duplicate member 'P.A.R' is found in JSON input."
        (b'{"I":1,"I":2}', "", "duplicate member name 'I'"),
        # Mono: "ValueType 'System.Int32' cannot be null."
        (b'{"I":null}', "I", "null is not allowed"),
        # Mono: "The value 'true' cannot be parsed as the type 'Int32'."
        (b'{"I":true}', "I", "true"),
        (b'{"I":2147483648}', "I", "2147483648"),
        (b'{"I":5.5}', "I", "5.5"),
        (b'{"By":-1}', "By", "-1"),
        (b'{"D":1e400}', "D", "outside the Double range"),
        # Mono: "String must be exactly one character long."
        (b'{"C":"ab"}', "C", "one"),
        (b'{"C":65}', "C", "one-character string"),
        # Mono: "The value '256' cannot be parsed as the type 'Byte'."
        (b'{"Y":[1,2,256]}', "Y", "256"),
        # Mono: "End element 'Y' from namespace '' expected. Found text 'AQI='."
        (b'{"Y":"AQI="}', "Y", "array of numbers"),
        # Mono: "Invalid JSON dateTime string is specified"
        (b'{"Dt":"2020-01-01T00:00:00Z"}', "Dt", "not a DataContractJsonSerializer date"),
        # Mono: "Ticks must be between DateTime.MinValue.Ticks and DateTime.MaxValue.Ticks."
        (b'{"Dt":"\\/Date(253402300800000)\\/"}', "Dt", "outside the DateTime range"),
        (b'{"T":"00:00:01"}', "T", "00:00:01"),
    ],
)
def test_refused_as_dotnet_refuses(data: bytes, path: str, words: str) -> None:
    with pytest.raises(nc.JsonPayloadError) as info:
        nc.from_wcf_json(data, Values)
    problem = info.value.problems[0]
    assert problem.path == path
    assert words in problem.message


@pytest.mark.parametrize(
    "data",
    [
        b'{"I":1} trailing',  # Mono: "The token 'true' was expected but found 'trai'."
        b"{'I':1}",  # Mono: "The token '\"' was expected but found '''."
        b"{I:1}",
        b'{"I":+1}',  # Mono: "Encountered an unexpected character '+' in JSON."
        b'{"S":"a\\x"}',  # Mono: "Encountered an unexpected character 'x' in JSON."
        b'{"S":"tab\tin"}',  # Mono: "Encountered an invalid character '\t'."
        b'{"Ds":[,]}',  # Mono: "Encountered an unexpected character ',' in JSON."
        b'{"Ds":[1,,2]}',
        b'{"I":1,,"B":true}',  # Mono: "There are multiple root elements."
        b"{,}",  # Mono: "The token '\"' was expected but found ','."
        b"\xff",
    ],
)
def test_syntax_dotnet_refuses(data: bytes) -> None:
    with pytest.raises(nc.JsonSyntaxError):
        nc.from_wcf_json(data, Values)


def test_required_member_missing_is_refused() -> None:
    # Mono: "Required member Req in type 'P.A.R' is not found."
    with pytest.raises(nc.JsonPayloadError) as info:
        nc.from_wcf_json(b"{}", Req)
    assert info.value.problems[0].path == "Name"


@pytest.mark.parametrize(
    ("data", "path", "words"),
    [
        # Mono ignores a __type that is not first and makes the declared Base, dropping Dd
        (b'{"Poly":{"Dd":"d","__type":"Derived:http:\\/\\/x\\/y"}}', "Poly.__type", "first"),
        # Mono makes a bare object and drops "a"
        (b'{"O":{"a":1}}', "O", "needs a __type"),
        # Mono reads an object given for a list as an empty list
        (b'{"Bs":{"a":1}}', "Bs", "expected an array"),
        # Mono ignores what follows the sign and uses its own zone
        (b'{"O":{"__type":"Derived:http:\\/\\/x\\/y","Dd":"\\ud800"}}', "O.Dd", "lone surrogate"),
        # Mono rounds it into a Decimal
        (b'{"O":1.23456789012345678901234567890123}', "O", "rounded"),
        # Mono: "... contains data of the 'http://schemas.datacontract.org/2004/07/P.A:Nope'
        # data contract. The deserializer has no knowledge of any type that maps to this contract."
        (b'{"Poly":{"__type":"Nope:#P.A","Zb":"z"}}', "Poly.__type", "not a known type"),
        (b'{"Poly":{"__type":"Holder:#P.A"}}', "Poly.__type", "is not a Base"),
        # Mono: "The token '\"' was expected but found '5'."
        (b'{"Bs":[{"__type":5}]}', "Bs[0].__type", "expected a string"),
        # Mono trims the whole value only: white space around the colon stays in the name or
        # namespace ("... contains data of the 'http://x/y:Derived ' data contract")
        (b'{"Poly":{"__type":"Derived :http:\\/\\/x\\/y"}}', "Poly.__type", "not a known type"),
        (b'{"Poly":{"__type":"Derived: http:\\/\\/x\\/y"}}', "Poly.__type", "not a known type"),
        # String.Trim leaves U+001C, U+200B, U+FEFF and NUL (not Char.IsWhiteSpace): Mono refuses
        (b'{"Poly":{"__type":"\\u001cNoNs\\u200b"}}', "Poly.__type", "not a known type"),
        (b'{"Poly":{"__type":"NoNs\\ufeff"}}', "Poly.__type", "not a known type"),
        # an escaped name is no type hint to Mono: the member is ignored and Base made, Y dropped
        (b'{"Poly":{"\\u005f_type":"NoNs","Y":1}}', "Poly.__type", "escaped __type"),
    ],
)
def test_refused_where_dotnet_loses_or_refuses(data: bytes, path: str, words: str) -> None:
    with pytest.raises(nc.JsonPayloadError) as info:
        nc.from_wcf_json(data, Holder)
    problem = info.value.problems[0]
    assert (problem.path, words in problem.message) == (path, True), problem


@pytest.mark.parametrize(
    "hint",
    [
        # Mono reads each as the bare value: it trims the __type value (String.Trim, which
        # removes what Char.IsWhiteSpace calls white) before it splits it at the first colon
        " Derived:http:\\/\\/x\\/y ",
        "\\tDerived:http:\\/\\/x\\/y\\r\\n",
        "\\u00a0Derived:http:\\/\\/x\\/y\\u3000",
        "\\u000b\\u000c\\u0085\\u2028\\u2000\\u205fDerived:http:\\/\\/x\\/y",
    ],
)
def test_white_space_around_a_type_hint_is_trimmed_as_dotnet_trims_it(hint: str) -> None:
    derived = Derived(dd="d", cc=1)
    for data in (
        b'{"Poly":{"__type":"' + hint.encode() + b'","Dd":"d","Cc":1}}',
        b'{"O":{"__type":"' + hint.encode() + b'","Dd":"d","Cc":1}}',
        b'{"Bs":[ {\n "__type" : "' + hint.encode() + b'" ,"Dd":"d","Cc":1}]}',
    ):
        read = nc.from_wcf_json(data, Holder)
        assert derived in (read.poly, read.o, *(read.bases or ())), data
    # the root, and a DateTimeOffset in an object member (Mono: both read)
    assert nc.from_wcf_json(b'{"__type":" Holder:#P.A\\t","E":2}', Holder) == Holder(e=Color.Green)
    offset = nc.from_wcf_json(
        b'{"O":{"__type":" DateTimeOffset:#System ","DateTime":"\\/Date(0)\\/",'
        b'"OffsetMinutes":60}}',
        Holder,
        known_types=[nc.DateTimeOffset],
    ).o
    assert offset == nc.DateTimeOffset.parse("1970-01-01T01:00:00+01:00")


def test_object_member_read_with_a_parametrized_contract() -> None:
    # the caller names the type .NET would need a __type for: read as it, with or without one
    for data in (
        b'{"Data":{"Name":"g"},"IsValid":true}',
        b'{"Data":{"__type":"CustomerGroupDto:#Vehizen.Domain.Dto.CustomerGroup","Name":"g"}}',
    ):
        response = nc.from_wcf_json(data, ResponseDto[CustomerGroupDto])
        assert response.data == CustomerGroupDto(name="g")
    guid = nc.from_wcf_json(b'{"Data":"' + str(GUID).encode() + b'"}', ResponseDto[uuid.UUID])
    assert guid.data == GUID
    with pytest.raises(nc.JsonPayloadError, match=r"ResponseDto\[CustomerGroupDto\]"):
        nc.from_wcf_json(b'{"Data":{"Name":"g"}}', ResponseDto)


def test_local_offset_that_is_not_hhmm_is_refused() -> None:
    # Mono reads "\/Date(1577934245678+xx)\/" as Local in its own zone: the text is ignored
    with pytest.raises(nc.JsonPayloadError, match="not ±hhmm"):
        nc.from_wcf_json(b'{"Dt":"\\/Date(1577934245678+xx)\\/"}', Values)


def test_null_document_is_refused() -> None:
    # Mono returns null; netcontract has no object to give
    with pytest.raises(nc.JsonPayloadError, match="null"):
        nc.from_wcf_json(b"null", Values)


def test_byte_reading_uses_the_registry() -> None:
    assert nc.from_wcf_json(b'{"By":"255"}', Values).by == BYTE.check(255)


# ----------------------------------------------------------------------------- properties

ROOTS = [CustomerGroupDto, VehicleLightDto, ResponseDto, Holder, Values, Req]


@given(st.sampled_from(ROOTS).flatmap(for_type))
def test_what_is_written_reads_back_and_writes_the_same_bytes(value: Any) -> None:
    try:
        data = nc.to_wcf_json(value, lossy=True)
    except nc.SerializationError as exc:
        # only what .NET refuses too: a Local date outside the range in UTC
        assert all("outside the DateTime range" in p.message for p in exc.problems), exc
        return
    try:
        back = nc.from_wcf_json(data, type(value))
    except nc.JsonPayloadError as exc:
        # a Double in an object member that .NET would read as a rounded Decimal (3e-25)
        assert all("Decimal, rounded" in p.message for p in exc.problems), exc
        return
    again = nc.to_wcf_json(back, lossy=True)
    if type(value) not in (CustomerGroupDto, VehicleLightDto, Values, Req):
        # an object member: WCF JSON does not carry its .NET type (a Double written
        # 9.78265774751744E+15 reads back as a Decimal, as .NET reads it): stable after that
        assert nc.to_wcf_json(nc.from_wcf_json(again, type(value)), lossy=True) == again
        return
    assert again == data
    indented = nc.to_wcf_json(value, indent=True, lossy=True)
    assert same_value(nc.from_wcf_json(indented, type(value)), back)
    assert nc.to_wcf_json(back, indent=True, lossy=True) == indented
    try:
        exact = nc.to_wcf_json(value)
    except nc.SerializationError:
        return  # lossy: sub-millisecond ticks or an Unspecified date
    assert exact == data
    assert same_value(back, value)


def same_value(a: Any, b: Any) -> bool:
    """Equality of the data members that tells -0.0 from 0.0 and NaN equal to NaN."""
    if isinstance(a, float) and isinstance(b, float):
        return (a != a and b != b) or (a == b and str(a) == str(b))
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b, strict=True))
    if attrs.has(type(a)) and type(a) is type(b):
        # the data members: JSON-only ones are not written (as in XML)
        members = nc.contract_info(type(a)).xml_members
        return all(same_value(getattr(a, m.attr), getattr(b, m.attr)) for m in members)
    return bool(a == b)


def test_a_value_type_without_a_wcf_form_is_refused_by_name() -> None:
    # a value type registered later (say an XmlElement) has no form proven on Mono:
    # refused, not guessed
    from netcontract.clr.value_types import ValueType
    from netcontract.json.wcf_read import Num, wcf_parse
    from netcontract.json.wcf_write import wcf_value

    class Element(ValueType):
        clr_name = "XmlElement"

    with pytest.raises(ValueError, match="XmlElement has no WCF JSON form"):
        wcf_value(Element(), "name")
    with pytest.raises(ValueError, match="XmlElement has no WCF JSON form"):
        wcf_parse(Element(), Num("1"))


# ----------------------------------------------------------------------------- limits


@pytest.mark.parametrize(
    ("data", "limits", "quota", "path"),
    [
        (b'{"Ds":[[[1]]]}', nc.Limits(max_depth=2), "max_depth", "Ds[0]"),
        (b'{"O":[1,[2,[3]]]}', nc.Limits(max_depth=3), "max_depth", "O[1][1]"),
        (b'{"S":"abcd"}', nc.Limits(max_string_length=3), "max_string_length", "S"),
        (b'{"Ds":[1,2,3,4]}', nc.Limits(max_collection_items=3), "max_collection_items", "Ds[3]"),
        (
            b'{"a":1,"b":2,"c":3,"d":4}',
            nc.Limits(max_collection_items=3),
            "max_collection_items",
            "",
        ),
        (b'{"x":[1,2],"y":[3,4]}', nc.Limits(max_total_items=5), "max_total_items", "y"),
        (b'{"x":[[],[],[]]}', nc.Limits(max_total_items=4), "max_total_items", "x[1]"),
        (b'{"S":"' + b"a" * 100 + b'"}', nc.Limits(max_bytes=50), "max_bytes", ""),
    ],
)
def test_limits_are_counted_while_parsing_with_paths(
    data: bytes, limits: nc.Limits, quota: str, path: str
) -> None:
    with pytest.raises(nc.QuotaExceededError) as info:
        nc.from_wcf_json(data, Holder if b'"O"' in data else Values, limits=limits)
    assert (info.value.quota, info.value.problems[0].path) == (quota, path)


def test_limits_let_a_document_at_them_through() -> None:
    limits = nc.Limits(max_depth=2, max_string_length=4, max_collection_items=4)
    assert nc.from_wcf_json(b'{"S":"abcd","Ds":[1,2,3,4]}', Values, limits=limits).s == "abcd"


@pytest.mark.parametrize(
    ("obj", "path", "words"),
    [
        (Holder(e="Red"), "E", "expected a Color"),  # type: ignore[arg-type]
        (Holder(bases=(Base(),)), "", ""),  # a tuple is written as a list
        (Holder(bases="ab"), "Bs", "expected a list"),  # type: ignore[arg-type]
        (Holder(poly=Color.Red), "Poly", "expected a Base"),  # type: ignore[arg-type]
        (Holder(o=object()), "O", "has no data-contract type"),
        (Holder(o=2**64), "O", "outside the Int64 range"),
        (Values(i=None), "I", "null is not allowed"),  # type: ignore[arg-type]
        (Values(i=2**31), "I", "outside the Int32 range"),
    ],
)
def test_writing_refuses_with_the_member_path(obj: Any, path: str, words: str) -> None:
    if not words:
        assert nc.to_wcf_json(obj).startswith(b'{"Bs":[{"Ab":0,"Zb":null}]')
        return
    with pytest.raises(nc.SerializationError) as info:
        nc.to_wcf_json(obj)
    problem = info.value.problems[0]
    assert (problem.path, words in problem.message) == (path, True), problem


def test_writing_a_non_contract_is_refused() -> None:
    with pytest.raises(nc.SerializationError, match="not a contract"):
        nc.to_wcf_json({"a": 1})
