"""The Python twins of ``dotnet/CollectionRoots.cs``: collection contracts written as the
document, and Mono's bytes for them (proven live by tests/interop/test_collection_root_interop.py,
pinned by tests/netcontract/xml/test_write_rules.py)."""

from __future__ import annotations

from typing import Any

import netcontract as nc


@nc.contract(xml_namespace="urn:root-x")
class RootItem:
    a: str | None = nc.member("A", default=None)


@nc.contract(xml_namespace="urn:root-x")
class RootItemMore(RootItem):
    b: nc.Int32 = nc.member("B", default=0)


@nc.contract(xml_namespace="")
class NoNsItem:
    a: str | None = nc.member("A", default=None)


@nc.collection_contract(name="RootL", xml_namespace="urn:root-n")
class RootL(list[RootItem | None]):
    pass


@nc.collection_contract(name="RootRL", xml_namespace="urn:root-n", is_reference=True)
class RootRL(list[RootItem | None]):
    pass


@nc.collection_contract(name="RootNL", xml_namespace="")
class RootNL(list[RootItem | None]):
    pass


@nc.collection_contract(name="RootRNL", xml_namespace="", is_reference=True)
class RootRNL(list[RootItem | None]):
    pass


@nc.collection_contract(name="RootNN", xml_namespace="")
class RootNN(list[NoNsItem | None]):
    pass


@nc.collection_contract(name="RootLN", xml_namespace="urn:root-n")
class RootLN(list[NoNsItem | None]):
    pass


@nc.collection_contract(name="RootQ", xml_namespace="urn:root-n")
class RootQ(list[nc.XmlQualifiedName | None]):
    pass


@nc.collection_contract(name="RootQN", xml_namespace="")
class RootQN(list[nc.XmlQualifiedName | None]):
    pass


@nc.collection_contract(
    name="RootM", xml_namespace="urn:root-n", item_name="E", key_name="K", value_name="V"
)
class RootM(dict[str, RootItem | None]):
    pass


@nc.collection_contract(name="RootRM", xml_namespace="urn:root-n", is_reference=True)
class RootRM(dict[str, nc.Int32]):
    pass


@nc.contract(xml_namespace="urn:root-n", known_types=(RootRM,))
class RootHolder:
    o: object = nc.member("O", default=None)


_XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
_NAMES = [nc.XmlQualifiedName("type", _XSI_NS), nc.XmlQualifiedName("n", "urn:root-n")]


def samples() -> dict[str, tuple[Any, list[type]]]:
    """Each case of CollectionRoots.cs: the value and the serializer's known types."""
    return {
        "known-item": (RootL([RootItem(a="a"), RootItemMore(a="m", b=2)]), [RootItemMore]),
        "reference": (RootRL([RootItem(a="a")]), []),
        "no-namespace": (RootNL([RootItem(a="b"), None]), []),
        "no-namespace-reference": (RootRNL([RootItem(a="c")]), []),
        "no-namespace-items": (RootNN([NoNsItem(a="d")]), []),
        "items-in-no-namespace": (RootLN([NoNsItem(a="e")]), []),
        "qualified-names": (RootQ(_NAMES), []),
        "qualified-names-no-namespace": (RootQN(_NAMES), []),
        "dictionary": (RootM({"k": RootItem(a="a"), "n": None}), []),
        "reference-dictionary-in-object": (RootHolder(o=RootRM({"k": 1})), []),
    }


_XSI = 'xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
_SER = 'xmlns:z="http://schemas.microsoft.com/2003/10/Serialization/"'

#: Mono's bytes of each sample: (through XmlWriter, WriteObject(Stream), XmlWriter indented).
#: In no namespace the root declares no xmlns="" (netcontract wrote one through XmlWriter before
#: 2026-12-08), and an is_reference one declares xmlns:z right after xmlns:i in the stream
#: layout, as in a namespace
PINNED: dict[str, tuple[str, str, str]] = {
    "known-item": (
        (
            f'<RootL {_XSI} xmlns:d1p1="urn:root-x" xmlns="urn:root-n"><RootItem><d1p1:A>a</d1p1:A>'
            '</RootItem><RootItem i:type="d1p1:RootItemMore"><d1p1:A>m</d1p1:A><d1p1:B>2</d1p1:B>'
            "</RootItem></RootL>"
        ),
        (
            f'<RootL xmlns="urn:root-n" {_XSI} xmlns:a="urn:root-x"><RootItem><a:A>a</a:A>'
            '</RootItem><RootItem i:type="a:RootItemMore"><a:A>m</a:A><a:B>2</a:B></RootItem>'
            "</RootL>"
        ),
        (
            f'<RootL {_XSI} xmlns:d1p1="urn:root-x" xmlns="urn:root-n">\n  <RootItem>\n'
            '    <d1p1:A>a</d1p1:A>\n  </RootItem>\n  <RootItem i:type="d1p1:RootItemMore">\n'
            "    <d1p1:A>m</d1p1:A>\n    <d1p1:B>2</d1p1:B>\n  </RootItem>\n</RootL>"
        ),
    ),
    "reference": (
        (
            f'<RootRL {_XSI} z:Id="i1" xmlns:d1p1="urn:root-x" {_SER} xmlns="urn:root-n"><RootItem>'
            "<d1p1:A>a</d1p1:A></RootItem></RootRL>"
        ),
        (
            f'<RootRL z:Id="i1" xmlns="urn:root-n" {_XSI} {_SER} xmlns:a="urn:root-x"><RootItem>'
            "<a:A>a</a:A></RootItem></RootRL>"
        ),
        (
            f'<RootRL {_XSI} z:Id="i1" xmlns:d1p1="urn:root-x" {_SER} xmlns="urn:root-n">\n'
            "  <RootItem>\n    <d1p1:A>a</d1p1:A>\n  </RootItem>\n</RootRL>"
        ),
    ),
    "no-namespace": (
        (
            f'<RootNL {_XSI} xmlns:d1p1="urn:root-x"><RootItem><d1p1:A>b</d1p1:A></RootItem>'
            '<RootItem i:nil="true" /></RootNL>'
        ),
        (
            f'<RootNL {_XSI} xmlns:a="urn:root-x"><RootItem><a:A>b</a:A></RootItem>'
            '<RootItem i:nil="true"/></RootNL>'
        ),
        (
            f'<RootNL {_XSI} xmlns:d1p1="urn:root-x">\n  <RootItem>\n    <d1p1:A>b</d1p1:A>\n'
            '  </RootItem>\n  <RootItem i:nil="true" />\n</RootNL>'
        ),
    ),
    "no-namespace-reference": (
        (
            f'<RootRNL {_XSI} z:Id="i1" xmlns:d1p1="urn:root-x" {_SER}><RootItem><d1p1:A>c</d1p1:A>'
            "</RootItem></RootRNL>"
        ),
        (
            f'<RootRNL z:Id="i1" {_XSI} {_SER} xmlns:a="urn:root-x"><RootItem><a:A>c</a:A>'
            "</RootItem></RootRNL>"
        ),
        (
            f'<RootRNL {_XSI} z:Id="i1" xmlns:d1p1="urn:root-x" {_SER}>\n  <RootItem>\n'
            "    <d1p1:A>c</d1p1:A>\n  </RootItem>\n</RootRNL>"
        ),
    ),
    "no-namespace-items": (
        f"<RootNN {_XSI}><NoNsItem><A>d</A></NoNsItem></RootNN>",
        f"<RootNN {_XSI}><NoNsItem><A>d</A></NoNsItem></RootNN>",
        f"<RootNN {_XSI}>\n  <NoNsItem>\n    <A>d</A>\n  </NoNsItem>\n</RootNN>",
    ),
    "items-in-no-namespace": (
        f'<RootLN {_XSI} xmlns="urn:root-n"><NoNsItem><A xmlns="">e</A></NoNsItem></RootLN>',
        f'<RootLN xmlns="urn:root-n" {_XSI}><NoNsItem><A xmlns="">e</A></NoNsItem></RootLN>',
        (
            f'<RootLN {_XSI} xmlns="urn:root-n">\n  <NoNsItem>\n    <A xmlns="">e</A>\n'
            "  </NoNsItem>\n</RootLN>"
        ),
    ),
    "qualified-names": (
        (
            f'<RootQ {_XSI} xmlns="urn:root-n"><q:QName xmlns:q="urn:root-n">i:type</q:QName>'
            '<q:QName xmlns:q="urn:root-n">q:n</q:QName></RootQ>'
        ),
        (
            f'<RootQ xmlns="urn:root-n" {_XSI}><q:QName xmlns:q="urn:root-n">i:type</q:QName>'
            '<q:QName xmlns:q="urn:root-n">q:n</q:QName></RootQ>'
        ),
        (
            f'<RootQ {_XSI} xmlns="urn:root-n">\n  <q:QName xmlns:q="urn:root-n">i:type</q:QName>\n'
            '  <q:QName xmlns:q="urn:root-n">q:n</q:QName>\n</RootQ>'
        ),
    ),
    "qualified-names-no-namespace": (
        (
            f'<RootQN {_XSI}><QName>i:type</QName><QName xmlns:d2p1="urn:root-n">d2p1:n</QName>'
            "</RootQN>"
        ),
        f'<RootQN {_XSI}><QName>i:type</QName><QName xmlns:a="urn:root-n">a:n</QName></RootQN>',
        (
            f"<RootQN {_XSI}>\n  <QName>i:type</QName>\n"
            '  <QName xmlns:d2p1="urn:root-n">d2p1:n</QName>\n</RootQN>'
        ),
    ),
    "dictionary": (
        (
            f'<RootM {_XSI} xmlns="urn:root-n"><E><K>k</K><V xmlns:d3p1="urn:root-x">'
            '<d3p1:A>a</d3p1:A></V></E><E><K>n</K><V xmlns:d3p1="urn:root-x" i:nil="true" /></E>'
            "</RootM>"
        ),
        (
            f'<RootM xmlns="urn:root-n" {_XSI}><E><K>k</K><V xmlns:a="urn:root-x"><a:A>a</a:A></V>'
            '</E><E><K>n</K><V i:nil="true" xmlns:a="urn:root-x"/></E></RootM>'
        ),
        (
            f'<RootM {_XSI} xmlns="urn:root-n">\n  <E>\n    <K>k</K>\n'
            '    <V xmlns:d3p1="urn:root-x">\n      <d3p1:A>a</d3p1:A>\n    </V>\n  </E>\n  <E>\n'
            '    <K>n</K>\n    <V xmlns:d3p1="urn:root-x" i:nil="true" />\n  </E>\n</RootM>'
        ),
    ),
    "reference-dictionary-in-object": (
        (
            f'<RootHolder {_XSI} xmlns="urn:root-n"><O i:type="RootRM" z:Id="i1" {_SER}>'
            "<KeyValueOfstringint><Key>k</Key><Value>1</Value></KeyValueOfstringint></O>"
            "</RootHolder>"
        ),
        (
            f'<RootHolder xmlns="urn:root-n" {_XSI}><O i:type="RootRM" z:Id="i1" {_SER}>'
            "<KeyValueOfstringint><Key>k</Key><Value>1</Value></KeyValueOfstringint></O>"
            "</RootHolder>"
        ),
        (
            f'<RootHolder {_XSI} xmlns="urn:root-n">\n  <O i:type="RootRM" z:Id="i1" {_SER}>\n'
            "    <KeyValueOfstringint>\n      <Key>k</Key>\n      <Value>1</Value>\n"
            "    </KeyValueOfstringint>\n  </O>\n</RootHolder>"
        ),
    ),
}
