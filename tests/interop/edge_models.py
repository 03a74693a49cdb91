"""Python twins of ``dotnet/EdgeContracts.cs``: contracts that exercise the generic engine.

Same contract names, CLR namespaces and member declaration order as the C# classes (Json.NET
writes in declaration order, most-derived class first; DataContractSerializer sorts). Defaults
are the .NET defaults, so that a missing member reads as .NET reads it.
"""

from __future__ import annotations

import decimal
import uuid

import attrs
from hypothesis import strategies as st

import netcontract as nc

A = "Edge.A"
B = "Edge.B"
C = "Edge.C"
D = "Edge.D"
E = "Edge.E"


@nc.contract(A)
class Color(nc.ContractEnum):
    """No member is 0: ``default(Color)`` has no name, as in C#."""

    Red = 1
    Green = 2
    Blue = 40
    Minus = -7


@nc.contract(B)
class Shade(nc.ContractEnum):
    Light = 3
    Dark = 5
    Deep = 500


@nc.contract(A)
class Ordering:
    """Ordinal order (DCS): B2, Beta, Zeta, _u, alpha, b1."""

    alpha: nc.Int32 = nc.member("alpha", default=0)
    zeta: str | None = nc.member("Zeta", default=None)
    b1: str | None = nc.member("b1", default=None)
    u_: str | None = nc.member("_u", default=None)
    beta: str | None = nc.member("Beta", default=None)
    b2: str | None = nc.member("B2", default=None)


@nc.contract(A)
class Names:
    """Non-ASCII wire names; ordinal order: Z, z, \u00e9."""

    e_acute: str | None = nc.member("\u00e9", default=None)
    z_lower: str | None = nc.member("z", default=None)
    z_upper: str | None = nc.member("Z", default=None)


@nc.contract(A)
class Encoded:
    """U+FF21 is no XML name character for System.Xml: DCS writes ``<_xFF21_>``, sorted first."""

    fullwidth_a: str | None = nc.member("\uff21", default=None)
    b: str | None = nc.member("b", default=None)


@nc.contract(A)
class Animal:
    name: str | None = nc.member("Name", default=None)
    legs: nc.Int32 = nc.member("Legs", default=0)


@nc.contract(A)
class Numbers:
    i: nc.Int32 = nc.member("I", default=0)
    l: nc.Int64 = nc.member("L", default=0)  # noqa: E741 - the wire name
    s: nc.Int16 = nc.member("S", default=0)
    b: nc.Byte = nc.member("B", default=0)
    sb: nc.SByte = nc.member("SB", default=0)
    us: nc.UInt16 = nc.member("US", default=0)
    ui: nc.UInt32 = nc.member("UI", default=0)
    ul: nc.UInt64 = nc.member("UL", default=0)
    nl: nc.Int64 | None = nc.member("NL", default=None)
    nul: nc.UInt64 | None = nc.member("NUL", default=None)


@nc.contract(A)
class Decimals:
    d: decimal.Decimal = nc.member("D", default=decimal.Decimal(0))
    nd: decimal.Decimal | None = nc.member("ND", default=None)
    many: list[decimal.Decimal] | None = nc.member("Many", default=None)


@nc.contract(A)
class Doubles:
    d: float = nc.member("D", default=0.0)
    nd: float | None = nc.member("ND", default=None)
    many: list[float] | None = nc.member("Many", default=None)


@nc.contract(A)
class Texts:
    plain: str | None = nc.member("Plain", default=None)
    specials: str | None = nc.member("Specials", default=None)
    unicode: str | None = nc.member("Unicode", default=None)
    empty: str | None = nc.member("Empty", default=None)
    null: str | None = nc.member("Null", default=None)


@nc.contract(A)
class Dates:
    at: nc.DateTime = nc.member("At", default=nc.MIN_DATETIME)
    maybe: nc.DateTime | None = nc.member("Maybe", default=None)
    id: uuid.UUID = nc.member("Id", default=nc.EMPTY_GUID)
    maybe_id: uuid.UUID | None = nc.member("MaybeId", default=None)


@nc.contract(A)
class Chars:
    """System.Char: XML writes the UTF-16 code (``ser:char``), Json.NET the character."""

    c: nc.Char = nc.member("C", default="\x00")
    nc_: nc.Char | None = nc.member("NC", default=None)
    cs: list[nc.Char] | None = nc.member("Cs", default=None)
    ncs: list[nc.Char | None] | None = nc.member("NCs", default=None)


@nc.contract(A)
class Durations:
    """System.TimeSpan: XML ``ser:duration`` (``P1DT2H3M4.567S``), Json.NET ``1.02:03:04.567``."""

    d: nc.TimeSpan = nc.member("D", default=nc.TimeSpan.ZERO)
    nd: nc.TimeSpan | None = nc.member("ND", default=None)
    ds: list[nc.TimeSpan] | None = nc.member("Ds", default=None)
    nds: list[nc.TimeSpan | None] | None = nc.member("NDs", default=None)


@nc.contract(A)
class Singles:
    """System.Single: Mono's "R" (7 digits, else 9), ``xs:float``."""

    f: nc.Single = nc.member("F", default=0.0)
    nf: nc.Single | None = nc.member("NF", default=None)
    fs: list[nc.Single] | None = nc.member("Fs", default=None)
    nfs: list[nc.Single | None] | None = nc.member("NFs", default=None)


@nc.contract(A)
class Offsets:
    """System.DateTimeOffset: XML the complex type {DateTime (UTC), OffsetMinutes} in the
    System namespace, Json.NET the clock time with its offset."""

    d: nc.DateTimeOffset = nc.member("D", default=nc.DateTimeOffset.MIN_VALUE)
    nd: nc.DateTimeOffset | None = nc.member("ND", default=None)
    ds: list[nc.DateTimeOffset] | None = nc.member("Ds", default=None)
    nds: list[nc.DateTimeOffset | None] | None = nc.member("NDs", default=None)


@nc.contract(A)
class Blobs:
    """byte[]: base64 in both formats (``xs:base64Binary``); null and empty differ."""

    b: bytes | None = nc.member("B", default=None)
    bs: list[bytes | None] | None = nc.member("Bs", default=None)


@nc.contract(A)
class Lists:
    ints: list[nc.Int32] | None = nc.member("Ints", default=None)
    longs: list[nc.Int64] | None = nc.member("Longs", default=None)
    guids: list[uuid.UUID] | None = nc.member("Guids", default=None)
    dates: list[nc.DateTime] | None = nc.member("Dates", default=None)
    doubles: list[float] | None = nc.member("Doubles", default=None)
    decimals: list[decimal.Decimal] | None = nc.member("Decimals", default=None)
    bools: list[bool] | None = nc.member("Bools", default=None)
    strings: list[str | None] | None = nc.member("Strings", default=None)
    colors: list[Color] | None = nc.member("Colors", default=None)
    shades: list[Shade] | None = nc.member("Shades", default=None)
    nullable_ints: list[nc.Int32 | None] | None = nc.member("NullableInts", default=None)
    nested: list[list[nc.Int32] | None] | None = nc.member("Nested", default=None)


@nc.contract(A)
class Maps:
    counts: dict[str, nc.Int32] | None = nc.member("Counts", default=None)
    names: dict[nc.Int32, str | None] | None = nc.member("Names", default=None)
    middles: dict[uuid.UUID, Middle | None] | None = nc.member("Middles", default=None)
    by_color: dict[Color, nc.Int32 | None] | None = nc.member("ByColor", default=None)
    by_date: dict[nc.DateTime, str | None] | None = nc.member("ByDate", default=None)
    by_bool: dict[bool, float] | None = nc.member("ByBool", default=None)
    by_char: dict[nc.Char, nc.Int64] | None = nc.member("ByChar", default=None)
    by_long: dict[nc.Int64, decimal.Decimal] | None = nc.member("ByLong", default=None)
    lists: dict[str, list[nc.Int32] | None] | None = nc.member("Lists", default=None)
    nested: dict[str, dict[str, nc.Int32] | None] | None = nc.member("Nested", default=None)
    objects: dict[str, object] | None = nc.member("Objects", default=None)
    interface: dict[str, str | None] | None = nc.member("Interface", default=None)
    list_of_maps: list[dict[nc.UInt16, bool] | None] | None = nc.member("ListOfMaps", default=None)


@nc.contract(A)
class KeyMaps:
    """Dictionary keys of the floating, decimal and time types."""

    by_double: dict[float, str | None] | None = nc.member("ByDouble", default=None)
    by_single: dict[nc.Single, nc.Int32] | None = nc.member("BySingle", default=None)
    by_decimal: dict[decimal.Decimal, bool] | None = nc.member("ByDecimal", default=None)
    by_span: dict[nc.TimeSpan, str | None] | None = nc.member("BySpan", default=None)
    by_offset: dict[nc.DateTimeOffset, nc.Int32] | None = nc.member("ByOffset", default=None)


@nc.contract(D)
class Far:
    v: str | None = nc.member("V", default=None)


@nc.contract(C)
class Leaf:
    name: str | None = nc.member("Name", default=None)
    back: Middle | None = nc.member("Back", default=None)
    far: Far | None = nc.member("Far", default=None)
    colors: list[Color] | None = nc.member("Colors", default=None)


@nc.contract(B)
class Middle:
    title: str | None = nc.member("Title", default=None)
    leaves: list[Leaf | None] | None = nc.member("Leaves", default=None)
    single: Leaf | None = nc.member("Single", default=None)


@nc.contract(B)
class Nothing:
    """A contract without members."""


@nc.contract(A)
class Holder:
    title: str | None = nc.member("Title", default=None)
    middles: list[Middle | None] | None = nc.member("Middles", default=None)
    other: Leaf | None = nc.member("Other", default=None)
    empty: Nothing | None = nc.member("Empty", default=None)
    nothings: list[Nothing | None] | None = nc.member("Nothings", default=None)


@nc.contract(A)
class Box:
    thing: object = nc.member("Thing", default=None)
    after: str | None = nc.member("After", default=None)


@nc.contract(A)
class Progress(nc.ContractEnum):
    """A [DataContract] enum: wire names, a member without [EnumMember]."""

    InProgress = nc.enum_member(1, "in-progress")
    Done = 2
    Legacy = nc.enum_member(3, serializable=False)
    Zero = nc.enum_member(0, "zero & <none>")


@nc.contract(A)
class Access(nc.ContractFlag):
    """[Flags], declared out of value order, with a combined member and the sign bit."""

    Nothing = 0
    Exec = 4
    Read = 1
    Write = 2
    ReadWrite = 3
    Sign = -(2**31)


@nc.contract(A)
class Marks(nc.ContractFlag):
    """[Flags] [DataContract] without a zero member: wire names, a member not serializable."""

    A = nc.enum_member(1, "a")
    B = nc.enum_member(2, "b-b")
    Hidden = nc.enum_member(4, serializable=False)
    C = 8


@nc.contract(A)
class Enums:
    p: Progress = nc.member("P", default=Progress.Zero)
    np: Progress | None = nc.member("NP", default=None)
    ps: list[Progress] | None = nc.member("Ps", default=None)
    f: Access = nc.member("F", default=Access.Nothing)
    nf: Access | None = nc.member("NF", default=None)
    fs: list[Access] | None = nc.member("Fs", default=None)
    nfs: list[Access | None] | None = nc.member("NFs", default=None)
    m: Marks = nc.member("M", default=Marks(0))
    ms: list[Marks] | None = nc.member("Ms", default=None)


@attrs.frozen
class Money:
    """A user's own type: cents, travelling as a decimal with two places (``12.50``)."""

    cents: int


@attrs.frozen
class PhoneNumber:
    """A user's own type travelling as a string; ``from_wire`` refuses text without ``+``."""

    text: str


@attrs.frozen
class Ticket:
    """A user's own type travelling as an Int64; ``from_wire`` refuses negative numbers."""

    number: int


def _phone(text: str) -> PhoneNumber:
    if not text.startswith("+"):
        raise ValueError(f"{text!r} is not an international phone number")
    return PhoneNumber(text)


def _ticket(number: int) -> Ticket:
    if number < 0:
        raise ValueError("a ticket number is not negative")
    return Ticket(number)


nc.register_value_type(
    Money,
    decimal.Decimal,
    to_wire=lambda m: decimal.Decimal(m.cents).scaleb(-2),
    from_wire=lambda d: Money(int(d.scaleb(2))),
    strategy=st.integers(-(10**20), 10**20).map(Money),
)
nc.register_value_type(
    PhoneNumber,
    str,
    to_wire=lambda p: p.text,
    from_wire=_phone,
    strategy=st.from_regex(r"\+[0-9 ]{1,15}", fullmatch=True).map(PhoneNumber),
)
nc.register_value_type(Ticket, nc.Int64, to_wire=lambda t: t.number, from_wire=_ticket)


@nc.contract(A)
class Own:
    price: Money = nc.member("Price", default=Money(0))
    tip: Money | None = nc.member("Tip", default=None)
    phone: PhoneNumber | None = nc.member("Phone", default=None)
    phones: list[PhoneNumber] | None = nc.member("Phones", default=None)
    tips: list[Money | None] | None = nc.member("Tips", default=None)
    ticket: Ticket = nc.member("Ticket", default=Ticket(0))


@nc.contract(B)
class Dog(Animal):
    bark: str | None = nc.member("Bark", default=None)
    coat: Color = nc.member("Coat", default=Color(0))
    tint: Color | None = nc.member("Tint", default=None)
    friend: Animal | None = nc.member("Friend", default=None)
    tag: str | None = nc.member("_tag", default=None)


@nc.contract(C)
class Puppy(Dog):
    age_days: nc.Int32 = nc.member("AgeDays", default=0)
    zeta: str | None = nc.member("Zeta", default=None)
    alpha: str | None = nc.member("alpha", default=None)


@nc.contract(B)
class Zoo:
    pet: Animal | None = nc.member("Pet", default=None)
    other: Animal | None = nc.member("Other", default=None)
    animals: list[Animal | None] | None = nc.member("Animals", default=None)
    dog: Dog | None = nc.member("Dog", default=None)


@nc.contract(E)
class OrderedBase:
    """``[DataMember(Order = n)]``; DCS order: Ab, Yb, Xb(1), Zb(2)."""

    zb: nc.Int32 = nc.member("Zb", default=0, order=2)
    yb: str | None = nc.member("Yb", default=None)
    xb: nc.Int32 = nc.member("Xb", default=0, order=1)
    ab: str | None = nc.member("Ab", default=None)


@nc.contract(E)
class Ordered(OrderedBase):
    """DCS: base members, then Nd, Rq, Kd(0), Cd(1), Md(1); Json.NET: Nd, Rq, Yb, Ab, Kd(0),
    Md(1), Cd(1), Xb(1), Zb(2) (reflection order sorted stably by order)."""

    md: str | None = nc.member("Md", default=None, order=1)
    nd: nc.Int32 = nc.member("Nd", default=0)
    kd: nc.Int32 = nc.member("Kd", default=0, order=0)
    cd: str | None = nc.member("Cd", default=None, order=1)
    rq: str | None = nc.member("Rq", default=None)


@nc.contract(E)
class Required:
    """``IsRequired``: a document without Name or Count is refused (Json.NET: null is read)."""

    name: str | None = nc.member("Name", default=None, is_required=True)
    note: str | None = nc.member("Note", default=None)
    count: nc.Int32 = nc.member("Count", default=0, is_required=True, order=1)


@nc.contract(E)
class Defaults:
    """``EmitDefaultValue = false`` on each kind of member (see EdgeContracts.cs for what
    DataContractSerializer and Json.NET leave out)."""

    b: bool = nc.member("B", default=False, emit_default_value=False)
    i16: nc.Int16 = nc.member("I16", default=0, emit_default_value=False)
    i32: nc.Int32 = nc.member("I32", default=0, emit_default_value=False)
    i64: nc.Int64 = nc.member("I64", default=0, emit_default_value=False)
    u8: nc.Byte = nc.member("U8", default=0, emit_default_value=False)
    u64: nc.UInt64 = nc.member("U64", default=0, emit_default_value=False)
    d: float = nc.member("D", default=0.0, emit_default_value=False)
    m: decimal.Decimal = nc.member("M", default=decimal.Decimal(0), emit_default_value=False)
    t: nc.DateTime = nc.member("T", default=nc.MIN_DATETIME, emit_default_value=False)
    g: uuid.UUID = nc.member("G", default=nc.EMPTY_GUID, emit_default_value=False)
    c: nc.Char = nc.member("C", default="\x00", emit_default_value=False)
    s: str | None = nc.member("S", default=None, emit_default_value=False)
    n: nc.Int32 | None = nc.member("N", default=None, emit_default_value=False)
    l: list[nc.Int32] | None = nc.member("L", default=None, emit_default_value=False)  # noqa: E741
    f: Far | None = nc.member("F", default=None, emit_default_value=False)
    kept: nc.Int32 = nc.member("Kept", default=0)
    must: str | None = nc.member("Must", default=None, emit_default_value=False, is_required=True)


@nc.contract(E)
class AllDefault:
    s: str | None = nc.member("S", default=None, emit_default_value=False)
    i: nc.Int32 = nc.member("I", default=0, emit_default_value=False)


@nc.contract(E)
class HoldsAllDefault:
    inner: AllDefault | None = nc.member("Inner", default=None)


#: Python twin -> the C# full name the driver resolves (``_mono.EDGE_TYPE_NAMES``)
CLR_NAMES: dict[type, str] = {
    cls: f"{cls.__netcontract__.clr_namespace}.{cls.__name__}"  # type: ignore[attr-defined]
    for cls in (
        Color,
        Ordering,
        Names,
        Encoded,
        Animal,
        Numbers,
        Decimals,
        Doubles,
        Texts,
        Dates,
        Chars,
        Durations,
        Blobs,
        Singles,
        Offsets,
        Lists,
        Maps,
        Holder,
        Box,
        Progress,
        Access,
        Marks,
        Enums,
        Own,
        Shade,
        Dog,
        Middle,
        Nothing,
        Zoo,
        Puppy,
        Leaf,
        Far,
        OrderedBase,
        Ordered,
        Required,
        Defaults,
        AllDefault,
        HoldsAllDefault,
        KeyMaps,
    )
}


def _driver_known_types() -> tuple[type, ...]:
    from vehizen import (
        CameraType,
        CustomerGroupDto,
        ExternalInterfaceHeaderDto,
        MalfunctionLevel,
        ResponseDto,
        State,
        VehicleBaseDto,
        VehicleLightDto,
        VehicleState,
    )

    twin = (
        CustomerGroupDto,
        ResponseDto,
        VehicleBaseDto,
        VehicleLightDto,
        ExternalInterfaceHeaderDto,
        CameraType,
        VehicleState,
        State,
        MalfunctionLevel,
    )
    return (*twin, *CLR_NAMES)


#: Driver.cs's KnownTypes (``new DataContractSerializer(type, KnownTypes)``): every twin type,
#: then EdgeTypes.All; netcontract is given the same list where it talks to the driver
DRIVER_KNOWN_TYPES: tuple[type, ...] = _driver_known_types()
