"""The Python twins of tests/interop/dotnet/References.cs ([DataContract(IsReference = true)]),
the objects both sides write, and Mono's pinned documents of them."""

from __future__ import annotations

import netcontract as nc


@nc.contract("R", is_reference=True, known_types=("Sub",))  # [KnownType(typeof(Sub))]
class Node:
    name: str | None = nc.member("Name", default=None)
    next: Node | None = nc.member("Next", default=None)
    kids: list[Node] | None = nc.member("Kids", default=None)


@nc.contract("R")
class Plain:
    x: nc.Int32 = nc.member("X", default=0)


@nc.contract("R")
class Holder:
    a: Node | None = nc.member("A", default=None)
    b: Node | None = nc.member("B", default=None)
    l: list[Node] | None = nc.member("L", default=None)  # noqa: E741
    p: Plain | None = nc.member("P", default=None)
    q: Plain | None = nc.member("Q", default=None)


@nc.contract("R")
class Chain:
    """Not is_reference: a Chain that holds itself has no document (Mono refuses it)."""

    kids: list[Chain] | None = nc.member("Kids", default=None)
    next: Chain | None = nc.member("Next", default=None)


def chain_cycles() -> dict[str, tuple[Chain, str]]:
    """A Chain holding itself through Next (two steps) and in a list, with the path where
    netcontract names the cycle."""
    loop = Chain()
    loop.next = Chain(next=loop)
    in_list = Chain()
    in_list.kids = [Chain(), in_list]
    return {"next": (loop, "Next.Next"), "kids": (in_list, "Kids[1]")}


@nc.contract("R")
class Leaves:
    """Members that are not is_reference: a z:Ref on one is refused (Mono: "Deserialized object
    with reference id 'i1' not found in stream")."""

    ints: list[nc.Int32] | None = nc.member("Ints", default=None)
    n: nc.Int32 | None = nc.member("N", default=None)
    name: str | None = nc.member("Name", default=None)
    ps: list[Plain] | None = nc.member("Ps", default=None)
    strs: list[str | None] | None = nc.member("Strs", default=None)


R = "http://schemas.datacontract.org/2004/07/R"
Z = 'xmlns:z="http://schemas.microsoft.com/2003/10/Serialization/"'
XSI = 'xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'


def shared_holder() -> Holder:
    shared = Node(name="s")
    plain = Plain(x=1)
    return Holder(a=shared, b=shared, l=[shared, Node(name="t")], p=plain, q=plain)


def cycle() -> Node:
    a = Node(name="a")
    b = Node(name="b", next=a)
    a.next = b
    a.kids = [a, b]
    return a


# Mono: the first occurrence gets z:Id="i1" (numbered in writing order), later ones an empty
# element with z:Ref and no i:nil; each declares xmlns:z unless an ancestor did; a shared
# object of a contract that is not IsReference is written in full each time
HOLDER_XML = (
    f'<Holder {XSI} xmlns="{R}"><A z:Id="i1" {Z}><Kids i:nil="true" /><Name>s</Name>'
    f'<Next i:nil="true" /></A><B z:Ref="i1" {Z} /><L><Node z:Ref="i1" {Z} />'
    f'<Node z:Id="i2" {Z}><Kids i:nil="true" /><Name>t</Name><Next i:nil="true" /></Node></L>'
    "<P><X>1</X></P><Q><X>1</X></Q></Holder>"
).encode()
# Mono: an IsReference root declares xmlns:z after its z:Id, before xmlns
CYCLE_XML = (
    f'<Node {XSI} z:Id="i1" {Z} xmlns="{R}"><Kids><Node z:Ref="i1" /><Node z:Id="i2">'
    '<Kids i:nil="true" /><Name>b</Name><Next z:Ref="i1" /></Node></Kids><Name>a</Name>'
    '<Next z:Ref="i2" /></Node>'
).encode()
HOLDER_XML_INDENTED = (
    f'<Holder {XSI} xmlns="{R}">\n'
    f'  <A z:Id="i1" {Z}>\n'
    '    <Kids i:nil="true" />\n'
    "    <Name>s</Name>\n"
    '    <Next i:nil="true" />\n'
    "  </A>\n"
    f'  <B z:Ref="i1" {Z} />\n'
    "  <L>\n"
    f'    <Node z:Ref="i1" {Z} />\n'
    f'    <Node z:Id="i2" {Z}>\n'
    '      <Kids i:nil="true" />\n'
    "      <Name>t</Name>\n"
    '      <Next i:nil="true" />\n'
    "    </Node>\n"
    "  </L>\n"
    "  <P>\n    <X>1</X>\n  </P>\n"
    "  <Q>\n    <X>1</X>\n  </Q>\n"
    "</Holder>"
).encode()
# Mono (Json.NET 6.0.8, default settings): IsReference is honoured: "$id" first, {"$ref"}
HOLDER_JSON = (
    b'{"A":{"$id":"1","Name":"s","Next":null,"Kids":null},"B":{"$ref":"1"},'
    b'"L":[{"$ref":"1"},{"$id":"2","Name":"t","Next":null,"Kids":null}],"P":{"X":1},"Q":{"X":1}}'
)
CYCLE_JSON = (
    b'{"$id":"1","Name":"a","Next":{"$id":"2","Name":"b","Next":{"$ref":"1"},"Kids":null},'
    b'"Kids":[{"$ref":"1"},{"$ref":"2"}]}'
)
# Mono (Json.NET): PreserveReferencesHandling; one counter for objects and arrays
PRESERVED_JSON = {
    "Objects": b'{"$id":"1","A":{"$id":"2","Name":"s","Next":null,"Kids":null},"B":{"$ref":"2"},'
    b'"L":[{"$ref":"2"},{"$id":"3","Name":"t","Next":null,"Kids":null}],"P":{"$id":"4","X":1},'
    b'"Q":{"$ref":"4"}}',
    "Arrays": b'{"A":{"$id":"1","Name":"s","Next":null,"Kids":null},"B":{"$ref":"1"},'
    b'"L":{"$id":"2","$values":[{"$ref":"1"},{"$id":"3","Name":"t","Next":null,"Kids":null}]},'
    b'"P":{"X":1},"Q":{"X":1}}',
    "All": b'{"$id":"1","A":{"$id":"2","Name":"s","Next":null,"Kids":null},"B":{"$ref":"2"},'
    b'"L":{"$id":"3","$values":[{"$ref":"2"},{"$id":"4","Name":"t","Next":null,"Kids":null}]},'
    b'"P":{"$id":"5","X":1},"Q":{"$ref":"5"}}',
    "None": HOLDER_JSON,
}


@nc.contract("R", is_reference=True)
class Sub(Node):
    extra: nc.Int32 = nc.member("Extra", default=0)


@nc.contract(xml_namespace="urn:h", known_types=(Node, Sub))
class H2:
    a: Node | None = nc.member("A", default=None)
    b: Node | None = nc.member("B", default=None)
    o: object = nc.member("O", default=None)
    o2: object = nc.member("O2", default=None)
