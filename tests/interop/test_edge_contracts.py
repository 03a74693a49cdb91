"""The generic engine against the real .NET serializers, on contracts Vehizen does not have.

``edge_models`` (Python) and ``dotnet/EdgeContracts.cs`` (C#) declare the same contracts: base
classes in other namespaces, three levels of inheritance, ordinal member order, every integer
width at its bounds, decimal scale, lists of primitives, enums, ``Nullable<int>`` and contracts,
nested namespaces, an empty contract, polymorphic and ``object`` members, hard strings.

For each hand-built object below and each of the four outputs of netcontract (XML and JSON,
compact and indented), Mono's DataContractSerializer / Json.NET read netcontract's bytes, then
write all four outputs back. The tests check that

- .NET writes back exactly netcontract's bytes (same format; for JSON, of the object Json.NET
  actually holds, ``Case.json_obj``, when Json.NET itself loses the runtime type);
- netcontract converts to the other format exactly as .NET does (``from_json`` then ``to_xml``
  gives .NET's XML, ``from_xml`` then ``to_json`` gives .NET's JSON), and refuses where .NET
  cannot write;
- netcontract reads .NET's four outputs back into an equal object.

Where .NET and netcontract differ on purpose, a dedicated test asserts the difference (see the
end of this file). Engine bugs found here are in ``ENGINE_FINDINGS.md`` and marked xfail.
"""

from __future__ import annotations

import contextlib
import decimal
import math
import uuid
from collections.abc import Iterator
from typing import Any

import attrs
import pytest

import netcontract as nc
from netcontract import codegen
from netcontract.clr.value_types import BYTE, CHAR, INT16, INT32, UINT64

from ._mono import EDGE_TYPE_NAMES, DotNetTwin, TwinResult
from .edge_models import (
    CLR_NAMES,
    DRIVER_KNOWN_TYPES,
    AllDefault,
    Animal,
    Box,
    Chars,
    Color,
    Dates,
    Decimals,
    Defaults,
    Dog,
    Doubles,
    Encoded,
    Far,
    Holder,
    HoldsAllDefault,
    Leaf,
    Lists,
    Maps,
    Middle,
    Names,
    Nothing,
    Numbers,
    Offsets,
    Ordered,
    OrderedBase,
    Ordering,
    Puppy,
    Required,
    Shade,
    Singles,
    Texts,
    Zoo,
)

pytestmark = pytest.mark.interop

Dec = decimal.Decimal
GUID = uuid.UUID("0f8fad5b-d9cb-469f-a165-70867728950e")
GUID_MAX = uuid.UUID("ffffffff-ffff-ffff-ffff-ffffffffffff")
UTC = nc.DateTimeKind.UTC
LOCAL = nc.DateTimeKind.LOCAL
#: 2024-01-02T03:04:05.12Z
AT_UTC = nc.DateTime.from_parts(2024, 1, 2, 3, 4, 5, 1_200_000, kind=UTC)
#: 2020-05-06T07:08:09.0000005 (Unspecified)
AT_UNSPECIFIED = nc.DateTime.from_parts(2020, 5, 6, 7, 8, 9, 5)
#: DateTime.MaxValue (Unspecified)
AT_MAX = nc.DateTime(3_155_378_975_999_999_999)
#: 1999-12-31T23:59:59+00:00 (Local; the driver runs with TZ=UTC, so .NET keeps +00:00)
AT_LOCAL = nc.DateTime.from_parts(1999, 12, 31, 23, 59, 59, kind=LOCAL, offset_minutes=0)


@attrs.frozen
class Case:
    id: str
    obj: Any
    #: what reading the object's JSON gives, when Json.NET loses information (default: ``obj``)
    json_obj: Any = None
    #: what reading either format gives, when the writer leaves values out (EmitDefaultValue)
    read_obj: Any = None

    @property
    def cls(self) -> type:
        return type(self.obj)

    @property
    def from_json(self) -> Any:
        return self.obj if self.json_obj is None else self.json_obj


def _animal(name: str, legs: int) -> Animal:
    return Animal(name=name, legs=legs)


PUPPY = Puppy(
    name="Pup",
    legs=4,
    bark="yip",
    coat=Color.Green,
    tint=Color.Minus,
    friend=Dog(name="Mum", legs=4, bark="woof", coat=Color.Blue),
    tag="t",
    age_days=30,
    zeta="z",
    alpha="a",
)

LEAF = Leaf(
    name="leaf",
    back=None,
    far=Far(v="far"),
    colors=[Color.Red, Color.Blue, Color.Minus],
)

CASES: list[Case] = [
    # -- member order ----------------------------------------------------------------------
    Case(
        "ordering",
        Ordering(alpha=1, zeta="z", b1="b1", u_="u", beta="beta", b2="b2"),
    ),
    Case("ordering-defaults", Ordering()),
    Case("data-member-order-base", OrderedBase(zb=1, yb="y", xb=3, ab="a")),
    Case(
        "data-member-order",
        Ordered(zb=1, yb="y", xb=3, ab="a", md="m", nd=6, kd=7, cd="c", rq="r"),
    ),
    Case("data-member-order-defaults", Ordered()),
    Case("is-required", Required(name="n", note="x", count=2)),
    Case("is-required-null-and-zero", Required()),
    # -0.0, 0.00 and DateTime(0, Utc) equal .NET's defaults: left out, read back as defaults
    Case(
        "emit-default-false-at-defaults",
        Defaults(d=-0.0, m=Dec("0.00"), must="m"),
        read_obj=Defaults(must="m"),
    ),
    Case(
        "emit-default-false-at-zero-kind-utc",
        Defaults(t=nc.DateTime(0, kind=UTC), n=0, s="", l=[], must="m"),
        read_obj=Defaults(n=0, s="", l=[], must="m"),
    ),
    Case(
        "emit-default-false-set",
        Defaults(
            b=True,
            i16=1,
            i32=-1,
            i64=2,
            u8=3,
            u64=4,
            d=0.5,
            m=Dec("0.10"),
            t=AT_UTC,
            g=GUID,
            c="a",
            s="s",
            n=5,
            l=[1],
            f=Far(v="f"),
            kept=0,
            must="m",
        ),
    ),
    Case("emit-default-false-all-left-out", HoldsAllDefault(inner=AllDefault())),
    Case("emit-default-false-root-all-left-out", AllDefault()),
    Case("names-non-ascii", Names(e_acute="\u00e9", z_lower="z", z_upper="Z")),
    Case("names-encoded", Encoded(fullwidth_a="x", b="y")),
    # -- inheritance across namespaces -----------------------------------------------------
    Case("animal", _animal("Rex", 4)),
    Case(
        "dog-base-in-other-namespace",
        Dog(
            name="Rex",
            legs=4,
            bark="woof",
            coat=Color.Blue,
            tint=Color.Minus,
            friend=_animal("Tom", 4),
            tag="_",
        ),
    ),
    Case("dog-nulls", Dog(coat=Color.Red)),
    Case(
        # Friend is declared Animal (Edge.A) in Dog (Edge.B) and holds a Puppy (Edge.C)
        "dog-friend-is-a-puppy",
        Dog(name="Rex", legs=3, coat=Color.Red, friend=PUPPY),
        json_obj=Dog(name="Rex", legs=3, coat=Color.Red, friend=_animal("Pup", 4)),
    ),
    Case(
        "puppy-three-levels",
        PUPPY,
        json_obj=attrs.evolve(PUPPY, friend=_animal("Mum", 4)),
    ),
    Case("puppy-nulls", Puppy(coat=Color.Minus)),
    # -- integers at their bounds ----------------------------------------------------------
    Case(
        "numbers-max",
        Numbers(
            i=2**31 - 1,
            l=2**63 - 1,
            s=2**15 - 1,
            b=255,
            sb=127,
            us=2**16 - 1,
            ui=2**32 - 1,
            ul=2**64 - 1,
            nl=2**63 - 1,
            # Json.NET 6.0.8 cannot read a ulong? above Int64.MaxValue: see the test at the end
            nul=2**63 - 1,
        ),
    ),
    Case(
        "numbers-min",
        Numbers(
            i=-(2**31),
            l=-(2**63),
            s=-(2**15),
            b=0,
            sb=-128,
            us=0,
            ui=0,
            ul=0,
            nl=-(2**63),
            nul=0,
        ),
    ),
    Case("numbers-defaults", Numbers()),
    # -- decimal keeps its scale -----------------------------------------------------------
    Case("decimal-scale", Decimals(d=Dec("1.50"), nd=Dec("0.000"), many=[])),
    Case(
        # Json.NET appends ".0" to a decimal without a point, and reads it back with scale 1
        "decimal-extremes",
        Decimals(
            d=Dec("12345678901234567890.123456789"),
            nd=Dec("-0.0000000000000000000000000001"),
            many=[
                Dec("0.0000000000000000000000000001"),
                Dec("1.0"),
                Dec("100"),
                Dec("-0.10"),
                Dec("0"),
            ],
        ),
        json_obj=Decimals(
            d=Dec("12345678901234567890.123456789"),
            nd=Dec("-0.0000000000000000000000000001"),
            many=[
                Dec("0.0000000000000000000000000001"),
                Dec("1.0"),
                Dec("100.0"),
                Dec("-0.10"),
                Dec("0.0"),
            ],
        ),
    ),
    Case(
        # JSON "79228162514264337593543950335.0" (30 digits) is decimal.MaxValue for .NET
        "decimal-max",
        Decimals(
            d=Dec("79228162514264337593543950335"),
            nd=Dec("-79228162514264337593543950335"),
            many=[Dec("79228162514264337593543950335")],
        ),
    ),
    Case(
        "decimal-null", Decimals(d=Dec("-1"), nd=None, many=None), json_obj=Decimals(d=Dec("-1.0"))
    ),
    # -- doubles (the "R" format of .NET Framework) ----------------------------------------
    Case(
        "doubles",
        Doubles(
            d=0.1,
            nd=1 / 3,
            many=[
                0.0,
                1.0,
                100.0,
                1e15,
                1e-5,
                1.5e-5,
                0.0001,
                1e20,
                5e-324,
                1.7976931348623157e308,
                -1.7976931348623157e308,
                123456789012345.6,
                0.1 + 0.2,
            ],
        ),
    ),
    Case(
        "doubles-non-finite",
        Doubles(d=float("nan"), nd=float("inf"), many=[float("-inf"), float("nan")]),
    ),
    Case("doubles-null", Doubles(d=2.5, nd=None, many=None)),
    # -- strings ---------------------------------------------------------------------------
    Case(
        "text-specials",
        Texts(
            plain="plain",
            specials="a & b < c > d ]]> e \r f \n g \t h \r\n i \"'/\\",
            unicode="é ü ß 中文 \u00a0 \u0085 \u2028 \u007f",
            empty="",
            null=None,
        ),
    ),
    Case(
        "text-astral",
        Texts(
            plain="\U0001f600",
            specials="\U0001d11e x \U0010fffd",
            unicode="\ufeff\u200b",
            empty="  ",
            null="\n",
        ),
    ),
    Case("text-empty", Texts(plain="", specials="", unicode="", empty="", null="")),
    # -- dates and GUIDs -------------------------------------------------------------------
    Case("dates-utc", Dates(at=AT_UTC, maybe=AT_UNSPECIFIED, id=GUID, maybe_id=GUID_MAX)),
    Case("dates-min", Dates()),
    Case("dates-max-local", Dates(at=AT_MAX, maybe=AT_LOCAL, id=GUID_MAX, maybe_id=None)),
    # -- System.Char: XML the UTF-16 code, Json.NET the character ---------------------------
    Case(
        "chars",
        Chars(
            c="A",
            nc_="\u00e9",
            cs=["\x00", "\x01", "\t", "\r", " ", '"', "\\", "<", "\x85", "\u2028", "\uffff"],
            ncs=["\ud7ff", None, "\ue000", "\ufeff", "\ufffe"],
        ),
    ),
    Case("chars-defaults", Chars()),
    Case("chars-empty-lists", Chars(c="\uffff", nc_="\x00", cs=[], ncs=[])),
    Case("chars-null-items", Chars(c="\x7f", ncs=[None])),
    # -- System.Single: "R" with 7 digits, else 9 ------------------------------------------
    Case(
        "singles",
        Singles(
            f=nc.to_single(0.1),
            nf=nc.to_single(1 / 3),
            fs=[3.4028234663852886e38, -3.4028234663852886e38, 1.401298464324817e-45, 1e7],
            nfs=[None, 16777216.0, 123456792.0, math.inf, -math.inf, math.nan],
        ),
    ),
    Case("singles-defaults", Singles()),
    # -- System.DateTimeOffset: XML {DateTime, OffsetMinutes} in System, Json.NET ISO --------
    Case(
        "offsets",
        Offsets(
            d=nc.DateTimeOffset.parse("2024-05-06T13:45:07.1234567+02:00"),
            nd=nc.DateTimeOffset.parse("0001-01-01T14:00:00+14:00"),
            ds=[nc.DateTimeOffset.MIN_VALUE, nc.DateTimeOffset.MAX_VALUE],
            nds=[None, nc.DateTimeOffset.parse("9999-12-31T09:59:59-14:00")],
        ),
    ),
    Case("offsets-defaults", Offsets()),
    Case("offsets-empty-lists", Offsets(ds=[], nds=[])),
    Case("singles-empty-lists", Singles(f=2.5, nf=None, fs=[], nfs=[])),
    # -- lists -----------------------------------------------------------------------------
    Case(
        "lists",
        Lists(
            ints=[0, -1, 2**31 - 1, -(2**31)],
            longs=[2**63 - 1, -(2**63)],
            guids=[GUID, nc.EMPTY_GUID],
            dates=[AT_UTC, AT_UNSPECIFIED, nc.MIN_DATETIME],
            doubles=[0.5, 1e15, 1 / 3],
            decimals=[Dec("1.50"), Dec("0.000")],
            bools=[True, False],
            strings=["a", None, "", "<&>"],
            colors=[Color.Minus, Color.Red, Color.Blue, Color.Green],
            shades=[Shade.Deep, Shade.Light],
            nullable_ints=[1, None, -(2**31)],
            nested=[[1, 2], [], None],
        ),
    ),
    Case(
        "lists-empty",
        Lists(
            ints=[],
            longs=[],
            guids=[],
            dates=[],
            doubles=[],
            decimals=[],
            bools=[],
            strings=[],
            colors=[],
            shades=[],
            nullable_ints=[],
            nested=[],
        ),
    ),
    Case("lists-null", Lists()),
    Case(
        "lists-single-null-items",
        Lists(strings=[None], nullable_ints=[None], nested=[None]),
    ),
    # -- dictionaries ----------------------------------------------------------------------
    Case(
        "maps",
        Maps(
            counts={"b": 2, "a": 1, "": -(2**31), "<&>\r": 2**31 - 1},
            names={3: "x", -1: None, 0: ""},
            middles={GUID: Middle(title="m", leaves=[Leaf(name="l")]), nc.EMPTY_GUID: None},
            by_color={Color.Blue: None, Color.Minus: 4},
            by_date={AT_UTC: "u", AT_UNSPECIFIED: None, AT_LOCAL: "l"},
            by_bool={True: 1.5, False: 0.1},
            by_char={"a": 2**63 - 1, "\u00e9": -1},
            by_long={2**63 - 1: Dec("1.50"), -(2**63): Dec("-0.25")},
            lists={"l": [1, 2], "e": [], "n": None},
            nested={"d": {"x": 1, "y": 2}, "e": {}, "n": None},
            objects={"i": 5, "s": "t", "n": None},
            interface={"k": "v", "n": None},
            list_of_maps=[{0: True, 65535: False}, {}, None],
        ),
    ),
    Case(
        "maps-empty",
        Maps(
            counts={},
            names={},
            middles={},
            by_color={},
            by_date={},
            by_bool={},
            by_char={},
            by_long={},
            lists={},
            nested={},
            objects={},
            interface={},
            list_of_maps=[],
        ),
    ),
    Case("maps-null", Maps()),
    # -- nested contracts from other namespaces (d2p1 / d4p1 / d6p1) -----------------------
    Case(
        "holder-deep",
        Holder(
            title="h",
            middles=[
                Middle(
                    title="m1",
                    leaves=[
                        LEAF,
                        Leaf(
                            name="back",
                            back=Middle(title="b", leaves=[], single=None),
                            far=None,
                            colors=None,
                        ),
                        None,
                    ],
                    single=Leaf(name="single", colors=[]),
                ),
                None,
                Middle(),
            ],
            other=None,
            empty=Nothing(),
            nothings=[Nothing(), None, Nothing()],
        ),
    ),
    Case("holder-other-set", Holder(title=None, middles=[], other=LEAF, empty=None)),
    Case("holder-nulls", Holder()),
    Case("leaf-root", LEAF),
    Case("middle-root", Middle(title="m", leaves=[LEAF], single=LEAF)),
    Case("empty-contract", Nothing()),
    # -- polymorphism: a base-typed member holding a derived instance ----------------------
    Case(
        "zoo-polymorphic",
        Zoo(
            pet=Dog(name="d", legs=4, bark="b", coat=Color.Blue),
            other=PUPPY,
            animals=[_animal("a", 2), Dog(name="d2", coat=Color.Red), PUPPY, None],
            dog=Puppy(name="p", coat=Color.Green, age_days=1),
        ),
        json_obj=Zoo(
            pet=_animal("d", 4),
            other=_animal("Pup", 4),
            animals=[_animal("a", 2), _animal("d2", 0), _animal("Pup", 4), None],
            dog=Dog(name="p", coat=Color.Green),
        ),
    ),
    Case("zoo-declared-types", Zoo(pet=_animal("x", 1), dog=Dog(coat=Color.Red), animals=[])),
    # -- object members: the runtime type travels as i:type --------------------------------
    Case("object-int64", Box(thing=5, after="x")),
    Case("object-int64-min", Box(thing=-(2**63))),
    Case("object-int32", Box(thing=nc.Boxed(-7, INT32)), json_obj=Box(thing=-7)),
    Case("object-int16", Box(thing=nc.Boxed(300, INT16)), json_obj=Box(thing=300)),
    Case("object-byte", Box(thing=nc.Boxed(255, BYTE)), json_obj=Box(thing=255)),
    Case("object-uint64", Box(thing=nc.Boxed(7, UINT64)), json_obj=Box(thing=7)),
    Case("object-string", Box(thing="text <&>", after="")),
    Case("object-guid", Box(thing=GUID), json_obj=Box(thing=str(GUID))),
    Case("object-datetime", Box(thing=AT_UTC)),
    Case("object-double", Box(thing=1.5)),
    Case("object-double-integral", Box(thing=2.0)),
    Case("object-decimal", Box(thing=Dec("1.50")), json_obj=Box(thing=1.5)),
    Case("object-bool", Box(thing=True)),
    # a str alone is a String: a Char travels Boxed (i:type ser:char); JSON holds a string
    Case("object-char", Box(thing=nc.Boxed("Z", CHAR)), json_obj=Box(thing="Z")),
    Case("object-char-zero", Box(thing=nc.Boxed("\x00", CHAR)), json_obj=Box(thing="\x00")),
    Case("object-null", Box(thing=None, after="a")),
    Case(
        # base members in the default namespace, Dog's in Edge.B, Puppy's in the i:type prefix
        "object-derived-contract",
        Box(thing=PUPPY),
        json_obj=Box(
            thing={
                "AgeDays": 30,
                "Zeta": "z",
                "alpha": "a",
                "Bark": "yip",
                "Coat": 2,
                "Tint": -7,
                "Friend": {
                    "Bark": "woof",
                    "Coat": 40,
                    "Tint": None,
                    "Friend": None,
                    "_tag": None,
                    "Name": "Mum",
                    "Legs": 4,
                },
                "_tag": "t",
                "Name": "Pup",
                "Legs": 4,
            }
        ),
    ),
    Case(
        "object-contract-same-namespace",
        Box(thing=_animal("in box", 2)),
        json_obj=Box(thing={"Name": "in box", "Legs": 2}),
    ),
    Case(
        "object-contract-other-namespace",
        Box(thing=LEAF),
        json_obj=Box(
            thing={"Name": "leaf", "Back": None, "Far": {"V": "far"}, "Colors": [1, 40, -7]}
        ),
    ),
    Case("object-enum-same-namespace", Box(thing=Color.Blue), json_obj=Box(thing=40)),
    Case("object-enum-other-namespace", Box(thing=Shade.Deep), json_obj=Box(thing=500)),
]

CASES_BY_ID = {case.id: case for case in CASES}
assert len(CASES_BY_ID) == len(CASES)

FORMATS = ("xml", "xml_indent", "json", "json_indent")

#: (test, case id, format or "*") -> number of the finding in ENGINE_FINDINGS.md
FINDINGS: dict[tuple[str, str, str], int] = {
    # 1 is fixed (ca4bd3a, trailing zeros that do not fit are dropped as .NET does);
    # 2, 3 and 4 are fixed (04b0414); their tests run unmarked
}


def family(fmt: str) -> str:
    return fmt.split("_", maxsplit=1)[0]


def write(obj: Any, fmt: str) -> bytes:
    indent = fmt.endswith("_indent")
    if family(fmt) == "xml":  # with the driver's serializer-level known types
        return nc.to_xml(obj, indent=indent, known_types=DRIVER_KNOWN_TYPES)
    return nc.to_json(obj, indent=indent)


def read(data: bytes, fmt: str, cls: type) -> Any:
    if family(fmt) == "xml":
        return nc.from_xml(data, cls, known_types=DRIVER_KNOWN_TYPES)
    return nc.from_json(data, cls)


def expected_object(case: Case, fmt: str) -> Any:
    """The object .NET holds after reading netcontract's ``fmt`` bytes of ``case.obj``."""
    if case.read_obj is not None:
        return case.read_obj
    return case.obj if family(fmt) == "xml" else case.from_json


def same(a: Any, b: Any) -> bool:
    """Deep equality that also tells NaN, -0.0, decimal scale, int/Boxed and enum types apart."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)
    if isinstance(a, decimal.Decimal):
        return a.as_tuple() == b.as_tuple()
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, nc.Boxed):
        return a.primitive is b.primitive and same(a.value, b.value)
    if attrs.has(type(a)):
        return all(same(getattr(a, f.name), getattr(b, f.name)) for f in attrs.fields(type(a)))
    return bool(a == b)


def params(test: str, by: str = "source") -> list[Any]:
    """(case, format) parameters, with the xfail marks of recorded engine findings."""
    return list(_params(test, by))


def _params(test: str, by: str) -> Iterator[Any]:
    for case in CASES:
        for fmt in FORMATS:
            number = FINDINGS.get((test, case.id, fmt)) or FINDINGS.get((test, case.id, "*"))
            marks = (
                [pytest.mark.xfail(strict=True, reason=f"ENGINE_FINDINGS.md #{number}")]
                if number
                else []
            )
            if case.id.startswith("emit-default"):
                # emit_default_value=False is written by the reference writers only
                marks.append(pytest.mark.falls_back)
            yield pytest.param(case, fmt, id=f"{case.id}-{by}-{fmt}", marks=marks)


@attrs.frozen
class Echo:
    payload: bytes | nc.NetContractError  #: netcontract's bytes of case.obj in the source format
    result: TwinResult | None  #: what .NET wrote back after reading them


@pytest.fixture(scope="module")
def echoes(dotnet: DotNetTwin) -> dict[tuple[str, str], Echo]:
    """Every case in every source format, sent to the twin in one pipelined batch."""
    payloads: dict[tuple[str, str], bytes | nc.NetContractError] = {}
    for case in CASES:
        for fmt in FORMATS:
            # emit_default_value=False is written by the reference writers only
            allowed = case.id.startswith("emit-default")
            with codegen._no_fallback(False) if allowed else contextlib.nullcontext():
                try:
                    payloads[case.id, fmt] = write(case.obj, fmt)
                except nc.NetContractError as exc:
                    payloads[case.id, fmt] = exc
    keys = [key for key, p in payloads.items() if isinstance(p, bytes)]
    requests = [
        (CLR_NAMES[CASES_BY_ID[cid].cls], family(fmt), payloads[cid, fmt]) for cid, fmt in keys
    ]
    results = dict(zip(keys, dotnet.roundtrip_many(requests), strict=True))  # type: ignore[arg-type]
    return {key: Echo(p, results.get(key)) for key, p in payloads.items()}


def echo_of(echoes: dict[tuple[str, str], Echo], case: Case, fmt: str) -> tuple[bytes, TwinResult]:
    echo = echoes[case.id, fmt]
    if not isinstance(echo.payload, bytes):
        pytest.fail(f"netcontract could not write {case.id} as {fmt}: {echo.payload}")
    assert echo.result is not None
    assert echo.result.read_error is None, f".NET refused netcontract's {fmt}: {echo.payload!r}"
    return echo.payload, echo.result


@pytest.mark.parametrize(("case", "src"), params("echo"))
def test_dotnet_writes_back_netcontract_bytes(echoes, case: Case, src: str) -> None:
    """.NET reads netcontract's bytes and writes them back identical (compact and indented)."""
    _, result = echo_of(echoes, case, src)
    expected = expected_object(case, src)
    for out in FORMATS:
        if family(out) == family(src):
            assert getattr(result, out) == write(expected, out), out


@pytest.mark.parametrize(("case", "src"), params("convert"))
def test_netcontract_converts_like_dotnet(echoes, case: Case, src: str) -> None:
    """Read in one format, write the other: netcontract's bytes are .NET's bytes."""
    payload, result = echo_of(echoes, case, src)
    obj = read(payload, src, case.cls)
    for out in FORMATS:
        if family(out) == family(src):
            continue
        dotnet_out = getattr(result, out)
        if isinstance(dotnet_out, str):
            # .NET cannot write what it read (e.g. a JObject as XML): netcontract refuses too
            with pytest.raises(nc.SerializationError):
                write(obj, out)
        else:
            assert write(obj, out) == dotnet_out, out


@pytest.mark.parametrize(("case", "fmt"), params("read", by="dotnet"))
def test_netcontract_reads_dotnet_bytes(echoes, case: Case, fmt: str) -> None:
    """.NET's own bytes (after reading netcontract's) read back into an equal object."""
    _, result = echo_of(echoes, case, fmt)
    dotnet_out = getattr(result, fmt)
    assert isinstance(dotnet_out, bytes), dotnet_out
    obj = read(dotnet_out, fmt, case.cls)
    expected = expected_object(case, fmt)
    assert same(obj, expected), f"{obj!r}\n!=\n{expected!r}"


# ----------------------------------------------------------------------------------------
# What the cases above pin down, spelled out on .NET's own bytes (path B, Mono)

XS = b"http://www.w3.org/2001/XMLSchema"
EDGE = b"http://schemas.datacontract.org/2004/07/Edge."


def dotnet_xml(echoes, case_id: str) -> bytes:
    _, result = echo_of(echoes, CASES_BY_ID[case_id], "xml")
    assert isinstance(result.xml, bytes)
    return result.xml


def test_path_b_facts_seen_on_mono(echoes) -> None:
    """The byte-level facts the generic cases exercise, as .NET writes them."""
    # an empty string is <S></S> on path B, not <S />
    assert b'<Empty></Empty><Null i:nil="true" />' in dotnet_xml(echoes, "text-specials")
    # members are sorted by String.CompareOrdinal: B2, Beta, Zeta, _u, alpha, b1
    assert (
        b"><B2>b2</B2><Beta>beta</Beta><Zeta>z</Zeta><_u>u</_u><alpha>1</alpha><b1>b1</b1></"
        in (dotnet_xml(echoes, "ordering"))
    )
    # base members first, each element in its declaring class's namespace (default redeclared)
    puppy = dotnet_xml(echoes, "puppy-three-levels")
    assert puppy.startswith(
        b'<Puppy xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="' + EDGE + b'C">'
        b'<Legs xmlns="' + EDGE + b'A">4</Legs><Name xmlns="' + EDGE + b'A">Pup</Name>'
        b'<Bark xmlns="' + EDGE + b'B">yip</Bark>'
    )
    assert puppy.endswith(b"<AgeDays>30</AgeDays><Zeta>z</Zeta><alpha>a</alpha></Puppy>")
    # nested lists: item elements count as levels (d2p1 -> d4p1 -> d6p1)
    holder = dotnet_xml(echoes, "holder-deep")
    assert b'<Middles xmlns:d2p1="' + EDGE + b'B"><d2p1:Middle>' in holder
    assert b'<d2p1:Leaves xmlns:d4p1="' + EDGE + b'C"><d4p1:Leaf>' in holder
    assert b'<d4p1:Far xmlns:d6p1="' + EDGE + b'D"><d6p1:V>far</d6p1:V></d4p1:Far>' in holder
    # a list of an enum of the root's namespace: the default namespace is still in scope
    assert b"<d4p1:Colors><Color>Red</Color><Color>Blue</Color><Color>Minus</Color>" in holder
    # a null member of a contract type from another namespace still declares it
    assert b'<Other xmlns:d2p1="' + EDGE + b'C" i:nil="true" />' in dotnet_xml(
        echoes, "holder-nulls"
    )
    # an empty contract as a member and as list items
    assert b'<Empty xmlns:d2p1="' + EDGE + b'B" />' in holder
    assert b'<d2p1:Nothing /><d2p1:Nothing i:nil="true" /><d2p1:Nothing /></Nothings>' in holder
    # List<int?> is ArrayOfNullableOfint in the System namespace
    assert (
        b'<NullableInts xmlns:d2p1="http://schemas.datacontract.org/2004/07/System">'
        b'<d2p1:int>1</d2p1:int><d2p1:int i:nil="true" />'
    ) in dotnet_xml(echoes, "lists")
    # polymorphism: xmlns declarations before i:type; a type in the default namespace has no prefix
    zoo = dotnet_xml(echoes, "zoo-polymorphic")
    assert b'<Pet xmlns:d2p1="' + EDGE + b'A" i:type="Dog">' in zoo
    assert (
        b'<Other xmlns:d2p1="' + EDGE + b'A" xmlns:d2p2="' + EDGE + b'C" i:type="d2p2:Puppy">'
    ) in zoo
    assert b'<d2p1:Animal xmlns:d3p1="' + EDGE + b'C" i:type="d3p1:Puppy">' in zoo
    # object members: XS/SER/contract namespaces, and an enum of the element's namespace
    assert b'<Thing i:type="Color">Blue</Thing>' in dotnet_xml(echoes, "object-enum-same-namespace")
    ser = b"http://schemas.microsoft.com/2003/10/Serialization/"
    assert b'<Thing xmlns:d2p1="' + ser + b'" i:type="d2p1:guid">' in dotnet_xml(
        echoes, "object-guid"
    )
    assert b'<Thing xmlns:d2p1="' + XS + b'" i:type="d2p1:int">-7</Thing>' in dotnet_xml(
        echoes, "object-int32"
    )


# ----------------------------------------------------------------------------------------
# Where netcontract and .NET (Mono) differ on purpose: the difference is asserted exactly.

NEGATIVE_ZERO = Doubles(d=-0.0, nd=-0.0, many=[-0.0, 0.0])


def test_negative_zero_json_keeps_its_sign(dotnet: DotNetTwin) -> None:
    """JSON -0.0: netcontract writes ``-0.0``, Json.NET on .NET Framework/Mono ``0.0``.

    PROBES.md "1. Doubles" (``-0.0`` -> ``0.0``, sign lost) and README "Behaviours chosen where
    .NET is lossy" (the one place where netcontract's output differs on purpose).
    """
    for fmt in ("json", "json_indent"):
        ours = write(NEGATIVE_ZERO, fmt)
        assert ours.count(b"-0.0") == 3
        result = dotnet.roundtrip("Edge.A.Doubles", "json", ours)
        assert result.read_error is None
        assert getattr(result, fmt) == ours.replace(b"-0.0", b"0.0")
        # Json.NET read +0 too (PROBES.md "4. Json.NET reading": -0.0 -> 0.0), so its XML says 0
        for out in ("xml", "xml_indent"):
            assert getattr(result, out) == write(NEGATIVE_ZERO, out).replace(b">-0<", b">0<")
    assert same(nc.from_json(write(NEGATIVE_ZERO, "json"), Doubles), NEGATIVE_ZERO)


def test_negative_zero_xml_is_read_as_positive_zero_by_dcs(dotnet: DotNetTwin) -> None:
    """XML ``-0``: DCS writes it but reads it back as +0; netcontract keeps -0.0.

    PROBES.md "5. DataContractSerializer reading" (double ``-0`` -> +0, written ``0``) and README
    "Behaviours chosen where .NET is lossy".
    """
    for fmt in ("xml", "xml_indent"):
        ours = write(NEGATIVE_ZERO, fmt)
        assert b"<D>-0</D>" in ours
        assert b"<d2p1:double>-0</d2p1:double>" in ours
        result = dotnet.roundtrip("Edge.A.Doubles", "xml", ours)
        assert result.read_error is None
        assert getattr(result, fmt) == ours.replace(b">-0<", b">0<")
        assert result.json == write(NEGATIVE_ZERO, "json").replace(b"-0.0", b"0.0")
        assert same(nc.from_xml(ours, Doubles), NEGATIVE_ZERO)


BARE = Box(thing=nc.AnyObject(), after="x")
MONO_BARE = b'<Thing xmlns:d2p1="http://www.w3.org/2001/XMLSchema" i:type="d2p1:anyType" />'


def test_bare_object_is_written_as_dotnet_writes_it(dotnet: DotNetTwin) -> None:
    """``new object()`` in an object member: .NET writes ``<Thing />`` (netcontract too), Mono
    ``<Thing xmlns:d2p1="…XMLSchema" i:type="d2p1:anyType" />``.

    PROBES.md "2. ResponseDto.Data (object)" (``new object()`` -> Mono's anyType form; .NET
    ``<Data />`` per the help page). Both read ``<Thing />`` as a bare object; JSON is ``{}``.
    """
    for fmt in ("xml", "xml_indent"):
        ours = write(BARE, fmt)
        assert b"<Thing />" in ours
        result = dotnet.roundtrip("Edge.A.Box", "xml", ours)
        assert result.read_error is None
        assert getattr(result, fmt) == ours.replace(b"<Thing />", MONO_BARE)
        assert result.json == write(BARE, "json") == b'{"Thing":{},"After":"x"}'
    # JSON {} in an object member: Json.NET holds a JObject, which DCS cannot write (PROBES.md
    # "4. Json.NET reading"); netcontract reads it as the bare object and writes <Thing />.
    result = dotnet.roundtrip("Edge.A.Box", "json", write(BARE, "json"))
    assert result.json == write(BARE, "json")
    assert isinstance(result.xml, str)
    assert "Newtonsoft.Json.Linq.JToken" in result.xml
    assert same(nc.from_json(write(BARE, "json"), Box), BARE)


def test_mono_bare_object_reads_back(dotnet: DotNetTwin) -> None:
    """DataContractSerializer reads ``i:type="xs:anyType"`` as a bare object; so should we."""
    result = dotnet.roundtrip("Edge.A.Box", "xml", write(BARE, "xml"))
    assert isinstance(result.xml, bytes)
    assert MONO_BARE in result.xml
    assert same(nc.from_xml(result.xml, Box), BARE)


def test_nullable_uint64_above_int64_in_json(dotnet: DotNetTwin) -> None:
    """Json.NET 6.0.8 cannot read a ``ulong?`` above Int64.MaxValue; netcontract can.

    ``ulong`` (not nullable) and a quoted ``ulong?`` are read fine by Json.NET; a bare number
    above 9223372036854775807 for ``ulong?`` fails inside Json.NET (BigInteger -> Int64). The
    value is valid, netcontract writes and reads it (ENGINE_FINDINGS.md #5, for information).
    """
    top = Numbers(ul=2**64 - 1, nul=2**64 - 1)
    ours = write(top, "json")
    assert b'"UL":18446744073709551615' in ours
    assert b'"NUL":18446744073709551615' in ours
    refused = dotnet.roundtrip("Edge.A.Numbers", "json", ours)
    assert refused.read_error is not None
    assert (
        "Can not convert from BigInteger to System.Nullable`1[System.UInt64]" in refused.read_error
    )
    quoted = ours.replace(b'"NUL":18446744073709551615', b'"NUL":"18446744073709551615"')
    result = dotnet.roundtrip("Edge.A.Numbers", "json", quoted)
    assert result.read_error is None
    assert result.json == ours
    assert result.xml == write(top, "xml")
    assert same(nc.from_json(ours, Numbers), top)
    assert same(nc.from_json(quoted, Numbers), top)


def test_every_twin_is_known_to_the_driver() -> None:
    """``edge_models.CLR_NAMES`` and ``_mono.EDGE_TYPE_NAMES`` (EdgeTypes.All) agree."""
    assert sorted(CLR_NAMES.values()) == sorted(EDGE_TYPE_NAMES)


REQUIRED_NS = b"http://schemas.datacontract.org/2004/07/Edge.E"
REQUIRED_MISSING = [
    ("xml", b'<Required xmlns="' + REQUIRED_NS + b'"><Name>n</Name></Required>', "Count"),
    (
        "xml",
        b'<Required xmlns="' + REQUIRED_NS + b'"><Note>x</Note><Count>1</Count></Required>',
        "Name",
    ),
    ("json", b'{"Note":"x","Count":1}', "Name"),
    ("json", b'{"Name":null}', "Count"),
]


@pytest.mark.parametrize(("fmt", "payload", "member"), REQUIRED_MISSING)
def test_is_required_member_missing_is_refused_as_dotnet_refuses_it(
    dotnet: DotNetTwin, fmt: str, payload: bytes, member: str
) -> None:
    """Mono refuses a document without an IsRequired member; netcontract names the member."""
    (result,) = dotnet.roundtrip_many([(CLR_NAMES[Required], fmt, payload)])
    assert result.read_error is not None, result
    assert member in result.read_error
    with pytest.raises(nc.PayloadError, match=rf"{member}: missing, and it is required"):
        read(payload, fmt, Required)


@pytest.mark.falls_back
def test_emit_default_false_required_at_default_is_refused_in_xml_as_dotnet_does(
    dotnet: DotNetTwin,
) -> None:
    """Mono's DCS refuses to write a required member left out by EmitDefaultValue=false; Json.NET
    writes the object without it (and then refuses to read that back)."""
    obj = Defaults()
    with pytest.raises(nc.SerializationError, match="Must: holds its default value"):
        nc.to_xml(obj)
    json_text = nc.to_json(obj)
    assert b"Must" not in json_text
    (result,) = dotnet.roundtrip_many([(CLR_NAMES[Defaults], "json", json_text)])
    assert result.read_error is not None and "Must" in result.read_error
