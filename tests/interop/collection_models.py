"""The Python twins of ``dotnet/CollectionContracts.cs``: ``[CollectionDataContract]`` on
``List<T>`` and ``Dictionary<K,V>`` subclasses, and the sample objects the twin writes."""

from __future__ import annotations

from typing import Any

import netcontract as nc


@nc.contract("Coll")
class Item:
    a: str | None = nc.member("A", default=None)
    b: int = nc.member("B", default=0)


@nc.contract(xml_namespace="urn:x")
class Other:
    a: str | None = nc.member("A", default=None)


@nc.collection_contract("Coll")
class ItemList(list[Item | None]):
    pass


@nc.collection_contract(name="Items", xml_namespace="urn:n", item_name="It")
class NamedItems(list[Item | None]):
    pass


@nc.collection_contract(name="OtherItems", xml_namespace="urn:n")
class OtherItems(list[Other | None]):
    pass


@nc.collection_contract("Coll", item_name="S")
class Strs(list[str | None]):
    pass


@nc.collection_contract("Coll")
class Ints(list[int | None]):
    pass


@nc.collection_contract("Coll")
class Nested(list[ItemList | None]):
    pass


@nc.collection_contract(
    name="Map", xml_namespace="urn:m", item_name="E", key_name="K", value_name="V"
)
class Map(dict[str, int]):
    pass


@nc.collection_contract("Coll")
class DefMap(dict[str, Item | None]):
    pass


@nc.collection_contract(xml_namespace="urn:m2", key_name="Id")
class OtherMap(dict[int, Other | None]):
    pass


@nc.collection_contract("Coll", is_reference=True)
class RefList(list[Item | None]):
    pass


@nc.collection_contract("Coll", is_reference=True, item_name="P")
class RefMap(dict[str, int]):
    pass


@nc.contract("Coll")
class Shared:
    a: RefList | None = nc.member("A", default=None)
    b: RefList | None = nc.member("B", default=None)
    m: RefMap | None = nc.member("M", default=None)
    n: RefMap | None = nc.member("N", default=None)
    l: list[RefList | None] | None = nc.member("L", default=None)  # noqa: E741 - the twin's


def shared() -> Shared:
    """The twin's SharedSample(): one list and one dictionary, each met twice or more."""
    one = RefList([Item(a="x"), None])
    table = RefMap(k=1)
    return Shared(a=one, b=one, m=table, n=table, l=[one, RefList()])


# the C# twin's [KnownType(typeof(ItemList))] [KnownType(typeof(Strs))] [KnownType(typeof(Map))]
# [KnownType(typeof(OtherItems))]: the collection contracts its object member may hold
@nc.contract("Coll", known_types=("ItemList", "Strs", "Map", "OtherItems"))
class Holder:
    # the C# declaration order (Json.NET's); XML sorts them by name
    l: ItemList | None = nc.member("L", default=None)  # noqa: E741 - the C# twin's name
    m: Map | None = nc.member("M", default=None)
    o: object = nc.member("O", default=None)
    s: Strs | None = nc.member("S", default=None)
    n: NamedItems | None = nc.member("N", default=None)
    d: DefMap | None = nc.member("D", default=None)
    i: Ints | None = nc.member("I", default=None)
    ll: list[ItemList | None] | None = nc.member("LL", default=None)
    x: OtherItems | None = nc.member("X", default=None)
    om: OtherMap | None = nc.member("OM", default=None)
    ne: Nested | None = nc.member("NE", default=None)


def samples() -> dict[str, Any]:
    """The twin's Samples(), by name."""
    full = Holder(
        l=ItemList([Item(a="a", b=1), None]),
        m=Map(x=1, y=2),
        o=ItemList([Item()]),
        s=Strs(["s", None]),
        n=NamedItems([Item(a="n")]),
        d=DefMap(k=Item(a="v"), nil=None),
        i=Ints([1, None]),
        ll=[ItemList(), None, ItemList([None])],
        x=OtherItems([Other(a="o"), None]),
        om=OtherMap({7: Other(a="q")}),
        ne=Nested([ItemList([Item(b=2)]), None]),
    )
    empties = Holder(
        l=ItemList(),
        m=Map(),
        s=Strs(),
        n=NamedItems(),
        d=DefMap(),
        i=Ints(),
        x=OtherItems(),
        om=OtherMap(),
        ne=Nested(),
        o=Strs(["in-object"]),
    )
    return {
        "holder": full,
        "holder-empty": Holder(),
        "holder-empties": empties,
        "root-itemlist": full.l,
        "root-named": full.n,
        "root-other": full.x,
        "root-strs": full.s,
        "root-ints": full.i,
        "root-map": full.m,
        "root-defmap": full.d,
        "root-othermap": full.om,
        "root-nested": full.ne,
        "root-empty-map": Map(),
        "shared": shared(),
        "root-reflist": shared().a,
        "holder-object-map": Holder(o=Map(a=1)),
        "holder-object-otheritems": Holder(o=OtherItems([Other(a="o"), None])),
    }
