"""The Python twins of tests/interop/dotnet/Generic.cs (generic [DataContract]s), and the
objects both sides write."""

from __future__ import annotations

import uuid
from typing import Any, Generic, TypeVar

import netcontract as nc

T = TypeVar("T")
A = TypeVar("A")
B = TypeVar("B")


@nc.contract("GI")
class Customer:
    name: str | None = nc.member("Name", default=None)


@nc.contract("H")
class Other:
    n: nc.Int32 = nc.member("N", default=0)


@nc.contract("GI")
class ApiResponse(Generic[T]):
    ok: bool = nc.member("Ok", default=False)
    data: T | None = nc.member("Data", default=None)


@nc.contract("GI")
class Pair(Generic[A, B]):
    first: A | None = nc.member("First", default=None)
    second: B | None = nc.member("Second", default=None)


@nc.contract("GI", name="Page{0}")
class Page(Generic[T]):
    items: list[T] | None = nc.member("Items", default=None)


@nc.contract("GI", name="Page2{0}{#}")
class Page2(Generic[T]):
    items: list[T] | None = nc.member("Items", default=None)


@nc.contract("GI", name="Swap{1}And{0}")
class Swap(Generic[A, B]):
    x: A | None = nc.member("X", default=None)
    y: B | None = nc.member("Y", default=None)


@nc.contract("GI", name="Lit")
class Lit(Generic[T]):
    v: T | None = nc.member("V", default=None)


@nc.contract(xml_namespace="urn:x")
class InX(Generic[T]):
    v: T | None = nc.member("V", default=None)


@nc.contract("GI")
class Wrap(Generic[T]):
    """Its members close other generics over its own parameter."""

    r: ApiResponse[T] | None = nc.member("R", default=None)
    lists: ApiResponse[list[T]] | None = nc.member("L", default=None)
    p: Pair[T, list[T]] | None = nc.member("P", default=None)


@nc.contract("GI")
class Mixed(Generic[T]):
    """Its members close other generics over concrete types beside its own parameter."""

    own: T | None = nc.member("Own", default=None)
    c: Pair[int, T] | None = nc.member("C", default=None)
    m: Pair[list[int], T] | None = nc.member("M", default=None)


@nc.contract(
    "GI", known_types=(ApiResponse[Customer],)
)  # C#: [KnownType(typeof(ApiResponse<Customer>))]
class Holder:
    r: ApiResponse[Customer] | None = nc.member("R", default=None)
    o: object = nc.member("O", default=None)
    l: list[ApiResponse[int]] | None = nc.member("L", default=None)  # noqa: E741
    p: ApiResponse[Pair[int, str]] | None = nc.member("P", default=None)
    n: ApiResponse[int | None] | None = nc.member("N", default=None)
    a: ApiResponse[list[Customer]] | None = nc.member("A", default=None)
    d: ApiResponse[dict[str, int]] | None = nc.member("D", default=None)
    s: Swap[int, Customer] | None = nc.member("S", default=None)
    pg: Page[Customer] | None = nc.member("Pg", default=None)
    x: ApiResponse[Other] | None = nc.member("X", default=None)
    t: Lit[uuid.UUID] | None = nc.member("T", default=None)
    i: InX[Customer] | None = nc.member("I", default=None)


@nc.contract("GI")
class Special(ApiResponse[Customer]):
    """Derived from a closed generic (C#: Special : ApiResponse<Customer>)."""

    extra: nc.Int32 = nc.member("Extra", default=0)


@nc.contract("GI")
class Car:
    model: str | None = nc.member("Model", default=None)


@nc.collection_contract("GI")
class CarList(list[ApiResponse[Car] | None]):
    """A collection contract of a closed generic item (C#: CarList : List<ApiResponse<Car>>)."""


@nc.contract("GI", known_types=("CarList",))  # C#: [KnownType(typeof(CarList))]
class Garage:
    """Feature interactions: CarList, a generic over it, a QName inside a generic."""

    cars: CarList | None = nc.member("Cars", default=None)
    wrapped: ApiResponse[CarList] | None = nc.member("Wrapped", default=None)
    q: ApiResponse[nc.XmlQualifiedName] | None = nc.member("Q", default=None)
    o: object = nc.member("O", default=None)


def garage() -> Garage:
    """Generic.cs's Garage()."""
    cars = CarList([ApiResponse[Car](ok=True, data=Car(model="m")), None])
    return Garage(
        cars=cars,
        wrapped=ApiResponse[CarList](ok=True, data=cars),
        q=ApiResponse[nc.XmlQualifiedName](data=nc.XmlQualifiedName("n", "urn:o")),
        o=CarList([ApiResponse[Car]()]),
    )


#: the closed generics of Generic.cs's name cases, by case
CASES: dict[str, Any] = {
    "customer": ApiResponse[Customer],
    "other": ApiResponse[Other],
    "int": ApiResponse[int],
    "string": ApiResponse[str],
    "guid": ApiResponse[uuid.UUID],
    "nullable-int": ApiResponse[int | None],
    "object": ApiResponse[object],
    "list-customer": ApiResponse[list[Customer]],
    "list-int": ApiResponse[list[int]],
    "dict": ApiResponse[dict[str, int]],
    "pair-in": ApiResponse[Pair[int, str]],
    "nested": ApiResponse[ApiResponse[Customer]],
    "pair": Pair[int, str],
    "pair-customer": Pair[Customer, str],
    "pair-two-ns": Pair[Customer, Other],
    "page": Page[Customer],
    "page-int": Page[int],
    "page2": Page2[Customer],
    "page2-int": Page2[int],
    "swap": Swap[int, Customer],
    "lit": Lit[int],
    "inx": InX[Customer],
    "offset": ApiResponse[nc.DateTimeOffset],
    "holder": Holder,
    "list-response": ApiResponse[list[ApiResponse[Customer]]],
    "special": Special,
    "wrap": Wrap[Customer],
    "wrap-int": Wrap[int],
    "pair-list": Pair[list[int], str],
    "mixed": Mixed[str],
    "nullable-offset": ApiResponse[nc.DateTimeOffset | None],
}


def response() -> ApiResponse[Customer]:
    return ApiResponse[Customer](ok=True, data=Customer(name="a"))


def holder() -> Holder:
    """Generic.cs's Holder()."""
    return Holder(
        r=response(),
        o=response(),
        l=[ApiResponse[int](data=3), ApiResponse[int](ok=True, data=0)],
        p=ApiResponse[Pair[int, str]](data=Pair[int, str](first=1, second="two")),
        n=ApiResponse[int | None](ok=True),
        a=ApiResponse[list[Customer]](data=[Customer(name="b")]),
        d=ApiResponse[dict[str, int]](data={"k": 7}),
        s=Swap[int, Customer](x=5, y=Customer()),
        pg=Page[Customer](items=[Customer(name="c")]),
        x=ApiResponse[Other](data=Other(n=9)),
        t=Lit[uuid.UUID](v=uuid.UUID("0f8fad5b-d9cb-469f-a165-70867728950e")),
        i=InX[Customer](v=Customer(name="d")),
    )
