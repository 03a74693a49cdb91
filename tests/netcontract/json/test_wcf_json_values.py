"""WCF JSON (DataContractJsonSerializer) for Single, DateTimeOffset, wire-named and [Flags]
enums and users' own types: Mono's bytes and readings pinned.

Every expected text is what Mono 6.8 wrote or did with ``TZ=UTC`` for the twins of these
contracts (``Edge.A.Singles``, ``Offsets``, ``Progress``, ``Access``, ``Marks``, ``Enums``,
``Own``, ``Box`` in tests/interop/dotnet/EdgeContracts.cs; the probe is in
docs/wcf-json-rules.md). The live comparison is tests/interop/test_wcf_json_interop.py.
"""

from __future__ import annotations

import decimal
from typing import Any

import attrs
import pytest

import netcontract as nc
from netcontract import DateTimeOffset

Dec = decimal.Decimal
NAN, INF = float("nan"), float("inf")
#: 2020-01-02T03:04:05.678 (clock ticks), as new DateTime(2020, 1, 2, 3, 4, 5, 678).Ticks
T = 637135310456780000
H = 36_000_000_000  # an hour in ticks


@nc.contract("P.V")
class Singles:
    f: nc.Single = nc.member("F", default=0.0)
    nf: nc.Single | None = nc.member("NF", default=None)
    fs: list[nc.Single] | None = nc.member("Fs", default=None)


@nc.contract("P.V")
class Offsets:
    d: DateTimeOffset = nc.member("D", default=DateTimeOffset.MIN_VALUE)
    nd: DateTimeOffset | None = nc.member("ND", default=None)
    ds: list[DateTimeOffset] | None = nc.member("Ds", default=None)


@nc.contract("P.V")
class Progress(nc.ContractEnum):
    InProgress = nc.enum_member(1, "in-progress")
    Done = 2
    Legacy = nc.enum_member(3, serializable=False)
    Zero = nc.enum_member(0, "zero & <none>")


@nc.contract("P.V")
class Access(nc.ContractFlag):
    Nothing = 0
    Exec = 4
    Read = 1
    Write = 2
    ReadWrite = 3
    Sign = -(2**31)


@nc.contract("P.V")
class Marks(nc.ContractFlag):
    A = nc.enum_member(1, "a")
    B = nc.enum_member(2, "b-b")
    Hidden = nc.enum_member(4, serializable=False)
    C = 8


@nc.contract("P.V")
class Enums:
    p: Progress = nc.member("P", default=Progress.Zero)
    np: Progress | None = nc.member("NP", default=None)
    f: Access = nc.member("F", default=Access.Nothing)
    m: Marks = nc.member("M", default=Marks(0))


@nc.contract("P.V", known_types=(Progress, Access, Marks))  # the twin's serializer knows them
class Box:
    thing: object = nc.member("Thing", default=None)
    after: str | None = nc.member("After", default=None)


@attrs.frozen
class Cents:
    """An own type travelling as a decimal with two places; ``from_wire`` refuses more."""

    cents: int


def _cents(wire: decimal.Decimal) -> Cents:
    if wire != wire.quantize(Dec("0.01")):
        raise ValueError(f"{wire} has more than two decimal places")
    return Cents(int(wire.scaleb(2)))


@attrs.frozen
class Moment:
    """An own type travelling as a DateTimeOffset (an object form)."""

    at: DateTimeOffset


nc.register_value_type(
    Cents, decimal.Decimal, to_wire=lambda c: Dec(c.cents).scaleb(-2), from_wire=_cents
)
nc.register_value_type(Moment, DateTimeOffset, to_wire=lambda m: m.at, from_wire=Moment)


@nc.contract("P.V")
class Own:
    price: Cents = nc.member("Price", default=Cents(0))
    tips: list[Cents | None] | None = nc.member("Tips", default=None)
    at: Moment | None = nc.member("At", default=None)


def _read(data: bytes, cls: type) -> Any:
    return nc.from_wcf_json(data, cls)


def _refused(data: bytes, cls: type) -> nc.Problem:
    with pytest.raises(nc.JsonPayloadError) as info:
        nc.from_wcf_json(data, cls)
    return info.value.problems[0]


# ----------------------------------------------------------------------------- Single


@pytest.mark.parametrize(
    ("value", "text"),
    [
        # Mono: XmlConvert's R, bare: 7 digits where they read back, else 9
        (1.1, "1.1"),
        (0.1, "0.1"),
        (16777216.0, "16777216"),
        (1e7, "1E+07"),
        (1.5e-5, "1.5E-05"),
        (123456792.0, "123456792"),
        (1.00000012, "1.00000012"),
        (3.4028234663852886e38, "3.40282347E+38"),
        (1.401298464324817e-45, "1.401298E-45"),
        (NAN, "NaN"),
        (INF, "INF"),
        (-INF, "-INF"),
        (-0.0, "-0"),
    ],
)
def test_single_is_written_as_its_xml_text_bare(value: float, text: str) -> None:
    single = nc.to_single(value)
    expected = f'{{"F":{text},"Fs":[{text}],"NF":{text}}}'.encode()
    assert nc.to_wcf_json(Singles(f=single, nf=single, fs=[single])) == expected


def test_single_null_and_absent_members() -> None:
    # Mono: {"F":0,"Fs":null,"NF":null}
    assert nc.to_wcf_json(Singles()) == b'{"F":0,"Fs":null,"NF":null}'


def test_single_that_is_not_a_float32_is_refused_on_writing() -> None:
    with pytest.raises(nc.SerializationError, match="F"):
        nc.to_wcf_json(Singles(f=0.1))  # the Double 0.1: its nearest Single differs


@pytest.mark.parametrize(
    ("data", "value"),
    [
        # Mono reads these (F printed with "R")
        (b'{"F":1.1}', nc.to_single(1.1)),
        (b'{"F":"1.1"}', nc.to_single(1.1)),
        (b'{"F":" 1.5 "}', 1.5),
        (b'{"F":1.5,}', 1.5),
        (b'{"F":1.00000005960464477539062500001}', 1.0),  # through Double, as .NET rounds
        (b'{"F":16777217}', 16777216.0),
        (b'{"F":1e-50}', 0.0),
        (b'{"F":INF}', INF),
        (b'{"F":"-INF"}', -INF),
        (b'{"F":"Infinity"}', INF),
    ],
)
def test_single_is_read_as_dotnet_reads_it(data: bytes, value: float) -> None:
    assert _read(data, Singles).f == value


def test_single_nan_is_read() -> None:
    # Mono: {"F":NaN} reads NaN
    f = _read(b'{"F":NaN}', Singles).f
    assert f != f


@pytest.mark.parametrize(
    "data",
    # Mono: TargetInvocationException (OverflowException, FormatException) for each
    [b'{"F":3.5e38}', b'{"F":"3.5e38"}', b'{"F":1e39}', b'{"F":true}', b'{"F":"1,5"}'],
)
def test_single_beyond_its_range_or_not_a_number_is_refused(data: bytes) -> None:
    assert _refused(data, Singles).path == "F"


# ----------------------------------------------------------------------------- DateTimeOffset


@pytest.mark.parametrize(
    ("offset", "ms"),
    [
        # Mono: the UTC instant in ms, never a +hhmm suffix, and OffsetMinutes
        (0, 1577934245678),
        (60, 1577930645678),
        (-330, 1577954045678),
        (840, 1577883845678),
        (-840, 1577984645678),
    ],
)
def test_datetimeoffset_is_an_object_of_utc_ms_and_offset_minutes(offset: int, ms: int) -> None:
    value = DateTimeOffset(T, offset)
    form = f'{{"DateTime":"\\/Date({ms})\\/","OffsetMinutes":{offset}}}'
    assert nc.to_wcf_json(Offsets(d=value, nd=value)) == (
        f'{{"D":{form},"Ds":null,"ND":{form}}}'.encode()
    )
    assert _read(f'{{"D":{form}}}'.encode(), Offsets).d == value


def test_datetimeoffset_extremes() -> None:
    # Mono: MinValue, MaxValue (ms truncated), MinValue's UTC with +14:00, MaxValue's with -14:00
    assert nc.to_wcf_json(
        Offsets(d=DateTimeOffset.MIN_VALUE, ds=[DateTimeOffset.MAX_VALUE]), lossy=True
    ) == (
        b'{"D":{"DateTime":"\\/Date(-62135596800000)\\/","OffsetMinutes":0},'
        b'"Ds":[{"DateTime":"\\/Date(253402300799999)\\/","OffsetMinutes":0}],"ND":null}'
    )
    hours14 = 14 * H
    east = DateTimeOffset(DateTimeOffset.MIN_VALUE.ticks + hours14, 840)
    west = DateTimeOffset(DateTimeOffset.MAX_VALUE.ticks - hours14, -840)
    assert nc.to_wcf_json(Offsets(d=east)) == (
        b'{"D":{"DateTime":"\\/Date(-62135596800000)\\/","OffsetMinutes":840},"Ds":null,"ND":null}'
    )
    assert nc.to_wcf_json(Offsets(d=west), lossy=True) == (
        b'{"D":{"DateTime":"\\/Date(253402300799999)\\/","OffsetMinutes":-840},"Ds":null,"ND":null}'
    )


def test_datetimeoffset_sub_millisecond_ticks_are_refused_unless_lossy() -> None:
    value = DateTimeOffset(T + 1234, 60)
    with pytest.raises(nc.SerializationError, match="sub-millisecond"):
        nc.to_wcf_json(Offsets(d=value))
    # Mono truncates: the 1234 ticks are gone
    assert nc.to_wcf_json(Offsets(d=value), lossy=True) == nc.to_wcf_json(
        Offsets(d=DateTimeOffset(T, 60))
    )


@pytest.mark.parametrize(
    ("data", "ticks", "offset"),
    [
        # Mono reads each (printed: clock ticks and offset)
        (b'{"D":{"OffsetMinutes":60,"DateTime":"\\/Date(1577934245678)\\/"}}', T + H, 60),
        (b'{"D":{"DateTime":"\\/Date(1577934245678)\\/","OffsetMinutes":"60"}}', T + H, 60),
        (b'{"D":{"DateTime":"\\/Date(1577934245678)\\/","OffsetMinutes":60,"X":1}}', T + H, 60),
        (b'{"D":{"DateTime":"\\/Date(1577934245678)\\/","OffsetMinutes":60,}}', T + H, 60),
        (
            b'{"D":{"__type":"DateTimeOffset:#System","DateTime":"\\/Date(1577934245678)\\/",'
            b'"OffsetMinutes":60}}',
            T + H,
            60,
        ),
        (b'{"D":{"DateTime":"\\/Date(-62135596800000)\\/","OffsetMinutes":60}}', H, 60),
    ],
)
def test_datetimeoffset_is_read_as_dotnet_reads_it(data: bytes, ticks: int, offset: int) -> None:
    assert _read(data, Offsets).d == DateTimeOffset(ticks, offset)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        # Mono: "Required member OffsetMinutes in type '...DateTimeOffsetAdapter' is not found."
        (b'{"D":{"DateTime":"\\/Date(1577934245678)\\/"}}', "missing: OffsetMinutes"),
        (b'{"D":{"OffsetMinutes":60}}', "missing: DateTime"),
        (b'{"D":{}}', "missing: DateTime, OffsetMinutes"),
        # Mono: "The value 'DateTime: ..., Offset: 900' cannot be parsed as the type ..."
        (b'{"D":{"DateTime":"\\/Date(1577934245678)\\/","OffsetMinutes":900}}', "offset 900"),
        (b'{"D":{"DateTime":"\\/Date(-62135596800000)\\/","OffsetMinutes":-60}}', "outside"),
        # Mono: TargetInvocationException (Int16 from 60.5)
        (b'{"D":{"DateTime":"\\/Date(1577934245678)\\/","OffsetMinutes":60.5}}', "OffsetMinutes"),
        # Mono: "Expecting state 'Element'.. Encountered 'Text'"
        (b'{"D":"\\/Date(1577934245678)\\/"}', "expected an object"),
        # Mono: "ValueType 'System.DateTimeOffset' cannot be null."
        (b'{"D":null}', "null"),
        # Mono reads a suffix through the server's zone: with OffsetMinutes 60,
        # \/Date(-2717650800000+0000)\/ (1883-11-18T17:00:00Z) is the clock time
        # 594179496000000000 under TZ=UTC, 594179494200000000 (3 minutes early) under
        # America/New_York; refused
        (b'{"D":{"DateTime":"\\/Date(1577934245678+0100)\\/","OffsetMinutes":60}}', "suffix"),
        (b'{"D":{"DateTime":"\\/Date(-2717650800000+0000)\\/","OffsetMinutes":60}}', "suffix"),
    ],
)
def test_datetimeoffset_refused_as_dotnet_refuses(data: bytes, words: str) -> None:
    problem = _refused(data, Offsets)
    assert (problem.path, words in problem.message) == ("D", True), problem


def test_datetimeoffset_type_hint_not_first_or_another_is_refused() -> None:
    form = b'"DateTime":"\\/Date(0)\\/","OffsetMinutes":0'
    for data in (
        b'{"D":{' + form + b',"__type":"DateTimeOffset:#System"}}',
        b'{"D":{"__type":"Nope:#System",' + form + b"}}",
    ):
        assert _refused(data, Offsets).path == "D"


def test_datetimeoffset_in_an_object_member_carries_its_type_hint() -> None:
    # Mono, DateTimeOffset a known type (WcfDriver.cs):
    # {"After":null,"Thing":{"__type":"DateTimeOffset:#System","DateTime":...}}
    value = DateTimeOffset(T, 60)
    known = [nc.DateTimeOffset]
    data = nc.to_wcf_json(Box(thing=value), known_types=known)
    assert data == (
        b'{"After":null,"Thing":{"__type":"DateTimeOffset:#System",'
        b'"DateTime":"\\/Date(1577930645678)\\/","OffsetMinutes":60}}'
    )
    assert nc.from_wcf_json(data, Box, known_types=known).thing == value
    # not known: Mono's writer throws SerializationException "Type 'System.Runtime.
    # Serialization.DateTimeOffsetAdapter' with data contract name 'DateTimeOffset:http://
    # schemas.datacontract.org/2004/07/System' is not expected", its reader "... no knowledge
    # of any type that maps to this contract"
    with pytest.raises(nc.SerializationError, match=r"DateTimeOffset.* is not expected"):
        nc.to_wcf_json(Box(thing=value))
    assert _refused(data, Box).path == "Thing.__type"


def test_datetimeoffset_in_an_object_member_without_its_hint_first_is_refused() -> None:
    # Mono makes a bare object (the members dropped); without DateTime it refuses
    for data in (
        b'{"Thing":{"DateTime":"\\/Date(0)\\/","OffsetMinutes":60,'
        b'"__type":"DateTimeOffset:#System"}}',
        b'{"Thing":{"__type":"DateTimeOffset:#System","OffsetMinutes":60}}',
    ):
        assert _refused(data, Box).path.startswith("Thing")


# ----------------------------------------------------------------------------- enums


def test_enums_are_written_as_numbers_whatever_their_wire_names() -> None:
    # Mono: a member without [EnumMember], an unnamed value, [Flags] combinations: numbers
    obj = Enums(
        p=Progress.Legacy,
        np=Progress(7),
        f=Access.Read | Access.Exec | Access.Sign,
        m=Marks.Hidden | Marks.A,
    )
    assert nc.to_wcf_json(obj) == b'{"F":-2147483643,"M":5,"NP":7,"P":3}'
    assert nc.to_wcf_json(Enums(p=Progress(99), f=Access(64))) == (
        b'{"F":64,"M":0,"NP":null,"P":99}'
    )
    # Mono: in an object member too, without a hint
    assert nc.to_wcf_json(Box(thing=Access.Read | Access.Write)) == b'{"After":null,"Thing":3}'
    assert nc.to_wcf_json(Box(thing=Marks.Hidden)) == b'{"After":null,"Thing":4}'


def test_enum_numbers_are_read_whether_named_or_not() -> None:
    # Mono reads P 3 (no [EnumMember]), 99, "2", 1.0; F 64; M 4 and 100
    assert _read(b'{"P":3}', Enums).p is Progress.Legacy
    assert int(_read(b'{"P":99}', Enums).p) == 99
    assert _read(b'{"P":"2"}', Enums).p is Progress.Done
    assert _read(b'{"P":1.0}', Enums).p is Progress.InProgress
    assert _read(b'{"F":-2147483643}', Enums).f == Access.Read | Access.Exec | Access.Sign
    assert int(_read(b'{"F":64}', Enums).f) == 64
    assert _read(b'{"M":4}', Enums).m is Marks.Hidden
    assert int(_read(b'{"M":100}', Enums).m) == 100


def test_enum_wire_names_and_numbers_beyond_int32_are_refused() -> None:
    # Mono: "The value 'in-progress' cannot be parsed as the type 'Int64'"
    assert _refused(b'{"P":"in-progress"}', Enums).path == "P"
    # Mono reads 4294967296 as 0 (the Int64 cut to Int32): refused, not wrapped
    assert _refused(b'{"P":4294967296}', Enums).path == "P"


# ----------------------------------------------------------------------------- own types


def test_own_types_travel_as_their_carrier() -> None:
    # .NET sees decimal, List<decimal?> and DateTimeOffset members (Mono: the carriers' forms)
    obj = Own(price=Cents(150), tips=[None, Cents(5)], at=Moment(DateTimeOffset(T, 60)))
    data = nc.to_wcf_json(obj)
    assert data == (
        b'{"At":{"DateTime":"\\/Date(1577930645678)\\/","OffsetMinutes":60},'
        b'"Price":1.50,"Tips":[null,0.05]}'
    )
    assert _read(data, Own) == obj


def test_own_type_in_an_object_member_is_its_carrier() -> None:
    assert nc.to_wcf_json(Box(thing=Cents(150))) == b'{"After":null,"Thing":1.50}'
    moment = Box(thing=Moment(DateTimeOffset(T, 60)))
    assert nc.to_wcf_json(moment, known_types=[nc.DateTimeOffset]) == (
        b'{"After":null,"Thing":{"__type":"DateTimeOffset:#System",'
        b'"DateTime":"\\/Date(1577930645678)\\/","OffsetMinutes":60}}'
    )


def test_own_type_refused_by_from_wire_names_the_member() -> None:
    problem = _refused(b'{"Tips":[1.5,1.505]}', Own)
    assert problem.path == "Tips[1]" and "more than two decimal places" in problem.message
