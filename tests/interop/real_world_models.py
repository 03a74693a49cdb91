"""Python twins of the contracts of ``dotnet/RealWorld.cs`` (test_real_world_interop.py),
declared as a user would declare them from the C#."""

from __future__ import annotations

import decimal
import uuid
from typing import Generic, TypeVar

import netcontract as nc

COMMON = "http://contoso.com/shop/common/2024"
ORDERS = "Contoso.Shop.Orders"
T = TypeVar("T")


@nc.contract(xml_namespace=COMMON)
class Currency(nc.ContractEnum):
    Euro = nc.enum_member(1, "EUR")
    Dollar = nc.enum_member(2, "USD")
    Pound = 3


@nc.contract(xml_namespace=COMMON)
class Channels(nc.ContractFlag):
    None_ = nc.enum_member(0, "None")
    Web = 1
    Mobile = nc.enum_member(2, "mobile-app")
    Store = 4


@nc.contract(xml_namespace=COMMON)
class Money:
    amount: decimal.Decimal = nc.member(
        "Amount", default=decimal.Decimal(0), is_required=True, order=0
    )
    currency: Currency | None = nc.member(
        "Currency", default=None, emit_default_value=False, order=1
    )


@nc.contract(xml_namespace=COMMON, name="Entity")
class EntityBase:
    id: uuid.UUID = nc.member("id", default=nc.EMPTY_GUID, is_required=True, order=0)
    created: nc.DateTimeOffset = nc.member("created", default=nc.DateTimeOffset.MIN_VALUE, order=1)
    version: nc.Int64 = nc.member("Version", default=0, emit_default_value=False, order=2)


@nc.contract(ORDERS)
class OrderStatus(nc.ContractEnum):
    Draft = 0
    Placed = 1
    Shipped = 5
    Cancelled = -1


@nc.contract(ORDERS)
class AuditedEntity(EntityBase):
    modified_by: str | None = nc.member("ModifiedBy", default=None, emit_default_value=False)
    modified_at: nc.DateTime | None = nc.member("ModifiedAt", default=None)


@nc.contract(ORDERS, name="OrderLine")
class Line:
    sku: str | None = nc.member("Sku", default=None, order=1)
    unit_price: decimal.Decimal = nc.member("UnitPrice", default=decimal.Decimal(0), order=2)
    quantity: nc.Int32 = nc.member("Quantity", default=0, order=2)
    discount: float = nc.member("Discount", default=0.0, order=3, emit_default_value=False)
    grade: nc.Char = nc.member("Grade", default="\x00")


@nc.contract(ORDERS)
class Order(AuditedEntity):
    lines: list[Line | None] | None = nc.member("Lines", default=None, order=1)
    total: Money | None = nc.member("total", default=None, order=2)
    channel: Channels = nc.member("Channel", default=Channels.None_)
    status: OrderStatus | None = nc.member("Status", default=None)
    signature: bytes | None = nc.member("Signature", default=None)
    hold_for: nc.TimeSpan = nc.member("HoldFor", default=nc.TimeSpan.ZERO)
    link: nc.Uri | None = nc.member("Link", default=None)
    tag: object = nc.member("Tag", default=None)
    buckets: dict[str, list[nc.Int32] | None] | None = nc.member("Buckets", default=None)
    accepted: list[Currency] | None = nc.member("Accepted", default=None)


@nc.contract(ORDERS)
class PriorityOrder(Order):
    priority: nc.Int32 = nc.member("Priority", default=0, is_required=True)


@nc.contract(ORDERS)
class Result(Generic[T]):
    success: bool = nc.member("Success", default=False, order=0)
    value: T | None = nc.member("Value", default=None, order=1, emit_default_value=False)
    errors: list[str | None] | None = nc.member("Errors", default=None, order=2)


TYPES = {
    "Order": Order,
    "PriorityOrder": PriorityOrder,
    "Money": Money,
    "Line": Line,
    "ResultOfOrders": Result[list[Order | None]],
    "ResultOfInt": Result[nc.Int32 | None],
    "ResultOfMoney": Result[Money],
}


@nc.contract(xml_namespace="urn:contoso:inventory", known_types=(Money,))
class Stock:
    prices: dict[Currency, decimal.Decimal] | None = nc.member("Prices", default=None)
    tags: dict[uuid.UUID, list[str | None] | None] | None = nc.member("Tags", default=None)
    nested: dict[str, dict[str, nc.Int32] | None] | None = nc.member("Nested", default=None)
    flags: Channels = nc.member("Flags", default=Channels.None_, emit_default_value=False)
    history: list[Channels | None] | None = nc.member("History", default=None)
    maybe_char: nc.Char | None = nc.member("MaybeChar", default=None)
    when: nc.DateTimeOffset | None = nc.member("When", default=None)
    wait: nc.TimeSpan | None = nc.member("Wait", default=None)
    blobs: list[bytes | None] | None = nc.member("Blobs", default=None)
    any: object = nc.member("Any", default=None)
    url_value: str | None = nc.member("URLValue", default=None)
    id: nc.Int32 = nc.member("ID", default=0)
    stamp: nc.DateTime = nc.member("Stamp", default=nc.MIN_DATETIME)
    plain: nc.DateTime = nc.member("Plain", default=nc.MIN_DATETIME)
    ratio: float = nc.member("Ratio", default=0.0)
    weight: nc.Single | None = nc.member("Weight", default=None)


TYPES["Stock"] = Stock


@nc.contract("Contoso.Probe")
class ProbeCurrency(nc.ContractEnum):
    Euro = nc.enum_member(1, "EUR")
    Dollar = nc.enum_member(2, "USD")
    Pound = 3
    Hidden = nc.enum_member(4, serializable=False)  # no [EnumMember]


@nc.contract("Contoso.Probe")
class ProbeChannels(nc.ContractFlag):
    None_ = nc.enum_member(0, "None")
    Web = 1
    Mobile = nc.enum_member(2, "mobile-app")
    Store = 4
    All = nc.enum_member(7, "all")


@nc.contract("Contoso.Probe")
class NoZero(nc.ContractFlag):  # [Flags] without a zero member, with a composite one
    A = 1
    B = 2
    AB = 3
    C = 8


@nc.contract("Contoso.Probe", name="Holder")
class EnumHolder:
    c: ProbeCurrency = nc.member("C", default=ProbeCurrency(0))
    f: ProbeChannels = nc.member("F", default=ProbeChannels.None_)
    n: NoZero = nc.member("N", default=NoZero(0))
    nc_: ProbeCurrency | None = nc.member("NC", default=None)


#: the values Contoso.Probe's WriteEnums writes, in its order
ENUM_VALUES = (
    EnumHolder(
        c=ProbeCurrency.Euro,
        f=ProbeChannels.Web | ProbeChannels.Mobile,
        n=NoZero.A | NoZero.B | NoZero.C,
        nc_=ProbeCurrency.Hidden,
    ),
    EnumHolder(c=ProbeCurrency(9), f=ProbeChannels.All, n=NoZero(0), nc_=ProbeCurrency.Dollar),
    EnumHolder(c=ProbeCurrency.Pound, f=ProbeChannels(8), n=NoZero(4)),
    EnumHolder(c=ProbeCurrency.Pound, f=ProbeChannels(15), n=NoZero(5)),
    EnumHolder(c=ProbeCurrency.Pound, f=ProbeChannels(6), n=NoZero.AB | NoZero.C),
)


@nc.contract(xml_namespace="urn:contoso:inventory")
class Links:
    home: nc.Uri | None = nc.member("Home", default=None)
    mirrors: list[nc.Uri | None] | None = nc.member("Mirrors", default=None)
    by_name: dict[str, nc.Uri | None] | None = nc.member("ByName", default=None)


TYPES["Links"] = Links


@nc.contract(xml_namespace="urn:contoso:inventory", known_types=(Money,))
class Shared:
    any: object = nc.member("Any", default=None)
    m: Money | None = nc.member("M", default=None)
    l: object = nc.member("L", default=None)  # noqa: E741 - the .NET member's name


TYPES["Shared"] = Shared


SHAPES = "urn:contoso:shapes"
U = TypeVar("U")


@nc.contract(xml_namespace=SHAPES, name="CurrencyCode")
class Code(nc.ContractEnum):
    Eur = 0
    Usd = nc.enum_member(1, "usd")


@nc.contract(xml_namespace=SHAPES, name="PageOf{0}With{1}")
class Page(Generic[T, U]):
    items: list[T] | None = nc.member("Items", default=None)
    extra: U | None = nc.member("Extra", default=None)
    total: nc.Int32 = nc.member("Total", default=0)


@nc.contract(xml_namespace=SHAPES, name="Outer.Note")  # a nested C# class: Outer.Note
class Note:
    text: str | None = nc.member("Text", default=None)


@nc.contract(xml_namespace=SHAPES)
class Outer:
    first: Note | None = nc.member("First", default=None)
    notes: list[Note | None] | None = nc.member("Notes", default=None)


@nc.contract(xml_namespace=SHAPES)
class Maps:
    list_of_maps: list[dict[str, Money | None] | None] | None = nc.member(
        "ListOfMaps", default=None
    )
    map_of_arrays: dict[str, list[Money | None] | None] | None = nc.member(
        "MapOfArrays", default=None
    )
    deep: dict[nc.Int32, dict[uuid.UUID, Code | None] | None] | None = nc.member(
        "Deep", default=None
    )
    grid: list[list[decimal.Decimal | None] | None] | None = nc.member("Grid", default=None)
    by_code: dict[Code, str | None] | None = nc.member("ByCode", default=None)
    nested: Result[Result[nc.Int32]] | None = nc.member("Nested", default=None)
    page: Page[Money, Code | None] | None = nc.member("Page", default=None)


@nc.contract(xml_namespace=SHAPES, known_types=("Circle", "Square"))
class Shape:
    name: str | None = nc.member("Name", default=None)


@nc.contract(xml_namespace="urn:contoso:shapes:more")
class Circle(Shape):
    radius: float = nc.member("Radius", default=0.0)


@nc.contract(xml_namespace=SHAPES)
class Drawing:
    main: Shape | None = nc.member("Main", default=None)
    all: list[Shape | None] | None = nc.member("All", default=None)


TYPES.update({"Maps": Maps, "Outer": Outer, "Drawing": Drawing, "Shape": Shape})


@nc.contract(xml_namespace=SHAPES)
class WithInit:
    """C#'s constructor sets Quantity = 1, Lines = new List<string>(): Json.NET keeps them for
    a missing member, DataContractSerializer (no constructor run) does not."""

    quantity: nc.Int32 = nc.member("Quantity", default=1)
    lines: list[str | None] | None = nc.member("Lines", factory=list)


TYPES["WithInit"] = WithInit


TYPES["ResultOfShape"] = Result[Shape]


@nc.contract(xml_namespace=SHAPES)
class Square(Shape):
    side: nc.Int32 = nc.member("Side", default=0)


@nc.contract(xml_namespace=SHAPES)
class Triangle(Shape):  # not a known type of Shape
    sides: nc.Int32 = nc.member("Sides", default=0)


@nc.contract(xml_namespace=SHAPES, is_reference=True, known_types=("Node",))
class Entity:
    key: str | None = nc.member("Key", default=None)


@nc.contract(xml_namespace="urn:contoso:shapes:more")
class Node(Entity):
    parent: Entity | None = nc.member("Parent", default=None)


def _node() -> Node:
    node = Node(key="child")
    node.parent = node
    return node


#: RealWorld.cs's roots: (serializer's type, value)
ROOTS = {
    "circle": (Shape, Circle(name="c", radius=2.0)),
    "square": (Shape, Square(name="s", side=3)),
    "node": (Entity, _node()),
}
