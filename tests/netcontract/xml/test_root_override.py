"""to_xml/from_xml with a root name and namespace of their own (root_name=, root_namespace=).

Expected bytes: Mono 6.8's ``new DataContractSerializer(typeof(Item), "Root", ns)`` through
XmlWriter, for these classes in the CLR namespaces RootProbe.*
(``tests/interop/test_root_interop.py`` checks the same cases live, with
``dotnet/RootProbe.cs``'s classes in RootInterop.*: two modules declaring one contract would
make an ``i:type`` in an ``object`` member find either). The contract names in no namespace
differ from Mono's ``NoNs`` for the same reason; a root override does not write them.
"""

from __future__ import annotations

import pytest

import netcontract as nc


@nc.contract("RootProbe.Other")
class Tag:
    t: str | None = nc.member("T", default=None)


@nc.contract("RootProbe.Shop")
class Item:
    name: str | None = nc.member("Name", default=None)
    qty: nc.Int32 = nc.member("Qty", default=0)
    tag: Tag | None = nc.member("Tag", default=None)


@nc.contract("RootProbe.Shop", name="RootOverrideNoNs", xml_namespace="")
class NoNs:
    x: nc.Int32 = nc.member("X", default=0)


ITEM = Item(name="a", qty=2, tag=Tag(t="t"))
SHOP = "http://schemas.datacontract.org/2004/07/RootProbe.Shop"
XSI = "http://www.w3.org/2001/XMLSchema-instance"

# Mono: the contract's namespace gets the prefix d1p1, declared first on the root
MONO_ROOT_URN_X = (
    f'<Root xmlns:d1p1="{SHOP}" xmlns:i="{XSI}" xmlns="urn:x"><d1p1:Name>a</d1p1:Name>'
    "<d1p1:Qty>2</d1p1:Qty><d1p1:Tag "
    'xmlns:d2p1="http://schemas.datacontract.org/2004/07/RootProbe.Other">'
    "<d2p1:T>t</d2p1:T></d1p1:Tag></Root>"
).encode()
# Mono: a root in no namespace declares no default namespace
MONO_ROOT_NO_NS = MONO_ROOT_URN_X.replace(b' xmlns="urn:x"', b"")
# Mono: members in no namespace under a root in one each declare xmlns=""
MONO_NO_NS_CONTRACT = f'<Root xmlns:i="{XSI}" xmlns="urn:x"><X xmlns="">1</X></Root>'.encode()


@pytest.mark.parametrize(
    ("value", "namespace", "expected"),
    [
        (ITEM, "urn:x", MONO_ROOT_URN_X),
        (ITEM, "", MONO_ROOT_NO_NS),
        (NoNs(x=1), "urn:x", MONO_NO_NS_CONTRACT),
    ],
)
def test_root_override_writes_and_reads_monos_bytes(engine_path, value, namespace, expected):
    written = nc.to_xml(value, root_name="Root", root_namespace=namespace)
    assert written == expected
    assert nc.from_xml(written, type(value), root_name="Root", root_namespace=namespace) == value


def test_root_override_of_the_contracts_own_root_changes_nothing(engine_path):
    assert nc.to_xml(ITEM, root_name="Item", root_namespace=SHOP) == nc.to_xml(ITEM)
    assert nc.to_xml(ITEM, root_name="Item") == nc.to_xml(ITEM)


def test_root_namespace_alone_keeps_the_contracts_name(engine_path):
    written = nc.to_xml(ITEM, root_namespace="urn:x")
    assert written.startswith(f'<Item xmlns:d1p1="{SHOP}" xmlns:i="{XSI}" xmlns="urn:x">'.encode())
    assert nc.from_xml(written, Item, root_namespace="urn:x") == ITEM


def test_a_document_with_the_contracts_root_is_refused_when_another_is_expected():
    with pytest.raises(nc.XmlPayloadError, match="expecting element 'Root' from namespace 'urn:x'"):
        nc.from_xml(nc.to_xml(ITEM), Item, root_name="Root", root_namespace="urn:x")
    with pytest.raises(nc.XmlPayloadError, match="expecting element 'Item'"):
        nc.from_xml(MONO_ROOT_URN_X, Item)


@pytest.mark.parametrize(
    ("name", "namespace", "message"),
    [
        ("a b", "urn:x", "not an XML name"),
        ("", "urn:x", "not an XML name"),
        ("p:Root", "urn:x", "not an XML name"),
        ("Root", 'a"b', "characters an XML namespace"),
        ("Root", "a\x01", "characters an XML namespace"),
    ],
)
def test_root_names_xml_cannot_carry_are_refused(name, namespace, message):
    # .NET's XmlWriter throws on them (DataContractSerializer does not encode a root name)
    with pytest.raises(nc.SerializationError, match=message):
        nc.to_xml(ITEM, root_name=name, root_namespace=namespace)


def test_reading_with_a_root_override_needs_the_class():
    with pytest.raises(TypeError, match="need the contract class"):
        nc.from_xml(MONO_ROOT_URN_X, root_name="Root")


@nc.contract("G", is_reference=True)
class Node:
    name: str | None = nc.member("Name", default=None)
    next: Node | None = nc.member("Next", default=None)


G = "http://schemas.datacontract.org/2004/07/G"
SER = "http://schemas.microsoft.com/2003/10/Serialization/"


@pytest.mark.parametrize(
    ("namespace", "start"),
    [
        # Mono (new DataContractSerializer(typeof(Node), "Root", ns), a node pointing at itself):
        # z:Id and xmlns:z come after xmlns:i, before the default namespace
        (
            "urn:x",
            f'<Root xmlns:d1p1="{G}" xmlns:i="{XSI}" z:Id="i1" xmlns:z="{SER}" xmlns="urn:x">',
        ),
        ("", f'<Root xmlns:d1p1="{G}" xmlns:i="{XSI}" z:Id="i1" xmlns:z="{SER}">'),
    ],
)
def test_root_override_of_an_is_reference_contract(engine_path, namespace, start):
    node = Node(name="a")
    node.next = node
    written = nc.to_xml(node, root_name="Root", root_namespace=namespace)
    expected = start + '<d1p1:Name>a</d1p1:Name><d1p1:Next z:Ref="i1" /></Root>'
    assert written == expected.encode()
    read = nc.from_xml(written, Node, root_name="Root", root_namespace=namespace)
    assert read.next is read and read.name == "a"
