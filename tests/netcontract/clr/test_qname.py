"""``nc.XmlQualifiedName``: the class, and its wire forms pinned from Mono 6.8 (the bytes below
are what Mono's DataContractSerializer, Json.NET 6.0.8 and DataContractJsonSerializer wrote;
``tests/interop/test_qname_interop.py`` checks them, and many more, against Mono live).

The generated readers and writers hand an XmlQualifiedName member to the reference code inline
(its prefix depends on the scope): no fallback, which every conversion here checks.
"""

from __future__ import annotations

import pickle
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import netcontract as nc
from netcontract import XmlQualifiedName as QName
from netcontract.clr import value_types as vt
from netcontract.clr.qname import is_ncname
from netcontract.codegen import _engine_path, _no_fallback
from netcontract.json.settings import JsonSettings

NS = "http://n"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XS = "http://www.w3.org/2001/XMLSchema"
ARR = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
ROOT = f'<QH xmlns:i="{XSI}" xmlns="{NS}">'


@nc.contract(xml_namespace=NS)
@attrs.define
class QH:
    Q: QName | None = None


@nc.contract(xml_namespace=NS)
@attrs.define
class LH:
    L: list[QName | None] | None = None


@nc.contract(xml_namespace=NS)
@attrs.define
class OH:
    O: object = None  # noqa: E741 - the .NET member's name


@nc.contract(xml_namespace="http://base")
@attrs.define
class QB:
    BQ: QName | None = None


@nc.contract(xml_namespace=NS)
@attrs.define
class QD(QB):
    DQ: QName | None = None


@nc.contract(xml_namespace="urn:other")
@attrs.define
class Inner:
    IQ: QName | None = None
    JQ: QName | None = None


@nc.contract(xml_namespace=NS)
@attrs.define
class Outer:
    In: Inner | None = None
    Z: QName | None = None


@nc.contract(xml_namespace="")
@attrs.define
class NoNs:
    Q: QName | None = None


# ----------------------------------------------------------------------------- the class


def test_the_class() -> None:
    q = QName("name", "urn:x")
    assert (q.name, q.namespace, q.is_empty) == ("name", "urn:x", False)
    assert QName() == QName.EMPTY == QName("", "") and QName.EMPTY.is_empty
    assert str(q) == "urn:x:name" and str(QName("a")) == "a"  # XmlQualifiedName.ToString()
    assert repr(q) == "XmlQualifiedName('name', 'urn:x')"
    assert q == QName("name", "urn:x") and hash(q) == hash(QName("name", "urn:x"))
    assert q != QName("name", "urn:y") and q != ("name", "urn:x")
    assert pickle.loads(pickle.dumps(q)) == q
    with pytest.raises(AttributeError):
        q.name = "b"  # type: ignore[misc]


@pytest.mark.parametrize(
    "name",
    ["a:b", "n m", "1a", "-a", ".a", " a", "a ", "a\U00010000", "\u00b7", "\ud800"],
)
def test_names_dotnet_cannot_write_are_refused(name: str) -> None:
    # Mono: XmlConvert.VerifyNCName refuses them when DataContractSerializer writes one
    with pytest.raises(ValueError):
        QName(name, "urn:x")


def test_an_empty_name_needs_the_empty_namespace() -> None:
    with pytest.raises(ValueError, match="empty name"):
        QName("", "urn:x")  # Mono throws writing it
    with pytest.raises(TypeError):
        QName(1, "")  # type: ignore[arg-type]


def test_ncname_is_xml_1_0_fourth_edition_as_mono_verifies_it() -> None:
    # pinned from Mono's XmlConvert.VerifyNCName over the BMP
    assert all(is_ncname(n) for n in ["a", "_", "\u00e9", "a.b-c_d", "x\u00b79", "\u4e00", "A1"])
    assert not any(is_ncname(n) for n in ["", "1", "-", ".", "\u00b7", "a:b", "\u0132", "\u3400"])
    assert is_ncname("a\u0300") and not is_ncname("\u0300")  # a combining mark after a letter


@given(vt.XMLQNAME.strategy())
def test_strategy_draws_writable_values(value: QName) -> None:
    assert type(value) is QName
    with _no_fallback():
        assert nc.from_xml(nc.to_xml(QH(value)), QH) == QH(value)
        assert nc.from_json(nc.to_json(QH(value)), QH) == QH(value)
        assert nc.from_wcf_json(nc.to_wcf_json(QH(value)), QH) == QH(value)


# ----------------------------------------------------------------------------- XML (Mono)

#: (object, compact XML Mono writes); the indented layout puts each member on its own line
XML: list[tuple[Any, str]] = [
    (
        QH(QName("name", "http://ns")),
        ROOT + '<q:Q xmlns:d2p1="http://ns" xmlns:q="http://n">d2p1:name</q:Q></QH>',
    ),
    (QH(QName("name", NS)), ROOT + '<q:Q xmlns:q="http://n">q:name</q:Q></QH>'),
    (QH(QName("name", "")), ROOT + '<q:Q xmlns="" xmlns:q="http://n">name</q:Q></QH>'),
    (QH(QName("name", XSI)), ROOT + '<q:Q xmlns:q="http://n">i:name</q:Q></QH>'),
    (
        QH(QName("name", "http://www.w3.org/XML/1998/namespace")),
        ROOT + '<q:Q xmlns:q="http://n">xml:name</q:Q></QH>',
    ),
    (
        QH(QName("name", XS)),
        ROOT + f'<q:Q xmlns:d2p1="{XS}" xmlns:q="http://n">d2p1:name</q:Q></QH>',
    ),
    (QH(QName.EMPTY), ROOT + '<q:Q xmlns:q="http://n" /></QH>'),
    (QH(None), ROOT + '<Q i:nil="true" /></QH>'),
    (
        QD(BQ=QName("a", NS), DQ=QName("b", "http://base")),
        f'<QD xmlns:i="{XSI}" xmlns="{NS}"><q:BQ xmlns:q="http://base">a</q:BQ>'
        '<q:DQ xmlns:d2p1="http://base" xmlns:q="http://n">d2p1:b</q:DQ></QD>',
    ),
    (
        Outer(Inner(QName("a", NS), QName("b", "urn:other")), QName("z", "urn:other")),
        f'<Outer xmlns:i="{XSI}" xmlns="{NS}"><In xmlns:d2p1="urn:other">'
        '<q:IQ xmlns:q="urn:other">a</q:IQ><q:JQ xmlns:q="urn:other">q:b</q:JQ></In>'
        '<q:Z xmlns:d2p1="urn:other" xmlns:q="http://n">d2p1:z</q:Z></Outer>',
    ),
    (
        Outer(Inner(QName("a", ""), QName("b", "urn:y"))),
        f'<Outer xmlns:i="{XSI}" xmlns="{NS}"><In xmlns:d2p1="urn:other">'
        '<q:IQ xmlns="" xmlns:q="urn:other">a</q:IQ>'
        '<q:JQ xmlns:d3p1="urn:y" xmlns:q="urn:other">d3p1:b</q:JQ></In>'
        '<Z i:nil="true" /></Outer>',
    ),
    (NoNs(QName("a", "urn:x")), f'<NoNs xmlns:i="{XSI}"><Q xmlns:d2p1="urn:x">d2p1:a</Q></NoNs>'),
    (NoNs(QName("a", "")), f'<NoNs xmlns:i="{XSI}"><Q xmlns="">a</Q></NoNs>'),
    (
        LH([QName("a", "urn:x"), QName("b", ""), QName.EMPTY, None, QName("c", ARR)]),
        f'<LH xmlns:i="{XSI}" xmlns="{NS}"><L xmlns:d2p1="{ARR}">'
        f'<q:QName xmlns:d3p1="urn:x" xmlns:q="{ARR}">d3p1:a</q:QName>'
        f'<q:QName xmlns="" xmlns:q="{ARR}">b</q:QName>'
        f'<q:QName xmlns:q="{ARR}" /><d2p1:QName i:nil="true" />'
        f'<q:QName xmlns:q="{ARR}">q:c</q:QName></L></LH>',
    ),
    (
        OH(QName("a", "urn:x")),
        f'<OH xmlns:i="{XSI}" xmlns="{NS}"><O xmlns:d2p1="{XS}" i:type="d2p1:QName"'
        ' xmlns:d2p2="urn:x">d2p2:a</O></OH>',
    ),
    (
        OH(QName("a", NS)),
        f'<OH xmlns:i="{XSI}" xmlns="{NS}"><O xmlns:d2p1="{XS}" i:type="d2p1:QName">a</O></OH>',
    ),
    (
        OH(QName.EMPTY),
        f'<OH xmlns:i="{XSI}" xmlns="{NS}"><O xmlns:d2p1="{XS}" i:type="d2p1:QName" /></OH>',
    ),
]


@pytest.mark.parametrize(("obj", "xml"), XML, ids=[str(i) for i in range(len(XML))])
def test_xml_is_monos(obj: Any, xml: str) -> None:
    with _no_fallback():
        assert nc.to_xml(obj).decode() == xml
        assert nc.from_xml(xml, type(obj)) == obj
    with _engine_path("reference"):
        assert nc.to_xml(obj).decode() == xml
        assert nc.from_xml(xml, type(obj)) == obj


def test_indented_xml_is_monos() -> None:
    # Mono, indented
    assert nc.to_xml(QH(QName("a", "urn:x")), indent=True).decode() == (
        ROOT + '\n  <q:Q xmlns:d2p1="urn:x" xmlns:q="http://n">d2p1:a</q:Q>\n</QH>'
    )


@pytest.mark.parametrize(
    ("member", "message"),
    [
        ("<Q>u:nm</Q>", "the prefix 'u' is not declared"),  # Mono: the empty namespace
        ("<Q> nm </Q>", "is not an NCName"),  # Mono: the name " nm "
        ("<Q>:a</Q>", "nothing before ':'"),  # Mono: the default namespace
        ("<Q>a:</Q>", "the prefix 'a' is not declared"),  # Mono: the empty name
        ('<Q xmlns:p="urn:x">p:</Q>', "no name after its prefix"),  # Mono: ("", "urn:x")
        ("<Q>1a</Q>", "is not an NCName"),
        ('<Q xmlns:a="urn:a">a:b:c</Q>', "is not an NCName"),  # Mono: the name "b:c"
        ("<Q><x/></Q>", "expected text"),
    ],
)
def test_xml_dotnet_reads_lossily_is_refused_with_the_path(member: str, message: str) -> None:
    with pytest.raises(nc.XmlPayloadError, match=f"^Q: .*{message}"):
        nc.from_xml(f"{ROOT}{member}</QH>", QH)


def test_xml_reading_resolves_prefixes_in_scope() -> None:
    # Mono reads these so
    assert nc.from_xml(f"{ROOT}<Q>nm</Q></QH>", QH) == QH(QName("nm", NS))
    assert nc.from_xml(f'{ROOT}<Q xmlns:p="urn:x">p:nm</Q></QH>', QH) == QH(QName("nm", "urn:x"))
    doc = f'<QH xmlns:i="{XSI}" xmlns="{NS}" xmlns:p="urn:p"><Q>p:nm</Q></QH>'
    assert nc.from_xml(doc, QH) == QH(QName("nm", "urn:p"))
    assert nc.from_xml(f"{ROOT}<Q></Q></QH>", QH) == QH(QName.EMPTY)


def test_xml_refusals_on_writing() -> None:
    # Mono: "The prefix '' cannot be redefined from 'http://n' to '' within the same start
    # element tag"
    with pytest.raises(nc.SerializationError, match=r"^O: an XmlQualifiedName in no namespace"):
        nc.to_xml(OH(QName("a", "")))
    # written by Mono, not read back by libxml2
    with pytest.raises(nc.SerializationError, match="^Q: the namespace 'urn:\u00e9' is not"):  # noqa: RUF043
        nc.to_xml(QH(QName("a", "urn:\u00e9")))


def test_max_string_length_counts_the_text() -> None:
    limits = nc.Limits(max_string_length=5)
    with pytest.raises(nc.QuotaExceededError):
        nc.from_xml(f'{ROOT}<Q xmlns:p="urn:x">p:abcdef</Q></QH>', QH, limits=limits)
    with pytest.raises(nc.QuotaExceededError):
        nc.from_json('{"Q":{"Namespace":"urn:abcdef","Name":"a"}}', QH, limits=limits)


# ----------------------------------------------------------------------------- JSON (Mono)


def test_json_net_is_monos() -> None:
    with _no_fallback():
        assert nc.to_json(QH(QName("name", "http://ns"))) == (
            b'{"Q":{"Namespace":"http://ns","Name":"name","IsEmpty":false}}'
        )
        assert nc.to_json(QH(QName.EMPTY)) == b'{"Q":{"Namespace":"","Name":"","IsEmpty":true}}'
        assert nc.to_json(QH(None)) == b'{"Q":null}'
        assert nc.to_json(LH([QName("a", "urn:x")])) == (
            b'{"L":[{"Namespace":"urn:x","Name":"a","IsEmpty":false}]}'
        )
        assert nc.to_json(OH(QName("a", "urn:x"))) == (
            b'{"O":{"Namespace":"urn:x","Name":"a","IsEmpty":false}}'
        )
        assert nc.to_json(QH(QName("name", "http://ns")), indent=True) == (
            b'{\n  "Q": {\n    "Namespace": "http://ns",\n    "Name": "name",\n'
            b'    "IsEmpty": false\n  }\n}'
        )
        # Json.NET reads any object back as XmlQualifiedName.Empty (no setters): netcontract
        # keeps the name (README, "Behaviours chosen where .NET is lossy")
        doc = b'{"Q":{"Namespace":"http://ns","Name":"name","IsEmpty":false}}'
        assert nc.from_json(doc, QH) == QH(QName("name", "http://ns"))


@pytest.mark.falls_back  # non-default JsonSettings: the reference writer writes them
def test_json_net_settings_are_monos() -> None:
    camel = JsonSettings(contract_resolver="CamelCase")
    ignore = JsonSettings(default_value_handling="Ignore")
    q = QH(QName("a", "urn:x"))
    assert nc.to_json(q, settings=camel) == (
        b'{"q":{"namespace":"urn:x","name":"a","isEmpty":false}}'
    )
    assert nc.to_json(q, settings=ignore) == b'{"Q":{"Namespace":"urn:x","Name":"a"}}'


@pytest.mark.parametrize(
    "doc",
    [
        '{"Q":"a"}',  # Mono: "Error converting value"
        '{"Q":{"Name":"a"}}',
        '{"Q":{"Name":"a","Namespace":"u","IsEmpty":true}}',
        '{"Q":{"Name":"a","Namespace":"u","Extra":1}}',
        '{"Q":{"Name":"a","name":"b","Namespace":"u"}}',
        '{"Q":{"Name":"1a","Namespace":"u"}}',
        '{"Q":{"Name":"","Namespace":"u"}}',
    ],
)
def test_json_that_is_no_xml_qualified_name_is_refused_with_the_path(doc: str) -> None:
    with pytest.raises(nc.JsonPayloadError, match=r"^Q: "):
        nc.from_json(doc, QH)


def test_wcf_json_is_monos() -> None:
    assert nc.to_wcf_json(QH(QName("name", "http://ns"))) == b'{"Q":"name:http:\\/\\/ns"}'
    assert nc.to_wcf_json(QH(QName("name", ""))) == b'{"Q":"name:"}'
    assert nc.to_wcf_json(QH(QName.EMPTY)) == b'{"Q":""}'
    assert nc.to_wcf_json(LH([QName("a", "urn:x")])) == b'{"L":["a:urn:x"]}'
    assert nc.to_wcf_json(OH(QName("a", "urn:x"))) == b'{"O":"a:urn:x"}'  # no __type
    # Mono splits at the first colon
    assert nc.from_wcf_json('{"Q":"a:http://x:y"}', QH) == QH(QName("a", "http://x:y"))
    assert nc.from_wcf_json('{"Q":"a"}', QH) == QH(QName("a", ""))
    for doc in ('{"Q":":x"}', '{"Q":"a b:x"}', '{"Q":{"Name":"a","Namespace":""}}'):
        with pytest.raises(nc.PayloadError, match=r"^Q: "):
            nc.from_wcf_json(doc, QH)


def test_forms_refuse_it_by_name() -> None:
    from netcontract.webapi.forms import from_form, to_form

    with pytest.raises(nc.SerializationError, match=r"^Q: an XmlQualifiedName cannot be written"):
        to_form(QH(QName("a", "u")))
    with pytest.raises(nc.PayloadError, match=r"^Q: an XmlQualifiedName cannot be given"):
        from_form("Q=a", QH)


class Tag:
    pass


def test_it_cannot_carry_an_own_type() -> None:
    with pytest.raises(nc.ContractDefinitionError, match="XmlQualifiedName cannot carry"):
        nc.register_value_type(Tag, QName, to_wire=lambda v: v, from_wire=lambda v: v)


def test_generate_maps_xs_qname() -> None:
    from netcontract.generate.mapping import UNSUPPORTED_TYPES, VALUE_TYPES

    assert VALUE_TYPES[(XS, "QName")].annotation == "nc.XmlQualifiedName"
    assert (XS, "QName") not in UNSUPPORTED_TYPES


@given(st.lists(vt.XMLQNAME.strategy() | st.none(), max_size=4))
def test_lists_round_trip_in_every_format(items: list[QName | None]) -> None:
    value = LH(items)
    with _no_fallback():
        assert nc.from_xml(nc.to_xml(value), LH) == value
        assert nc.from_xml(nc.to_xml(value, indent=True), LH) == value
        assert nc.from_json(nc.to_json(value), LH) == value
        assert nc.from_wcf_json(nc.to_wcf_json(value), LH) == value


@nc.contract(xml_namespace=NS, extension_data=True)
class Extensible:
    Q: QName | None = None


def test_an_unknown_member_holding_one_is_not_kept_as_extension_data() -> None:
    doc = (
        f'<Extensible xmlns:i="{XSI}" xmlns="{NS}"><Other xmlns:d2p1="{XS}" i:type="d2p1:QName"'
        ' xmlns:d2p2="urn:x">d2p2:a</Other><q:Q xmlns:q="http://n">q:b</q:Q></Extensible>'
    )
    with pytest.raises(nc.XmlPayloadError, match=r"^Other: an unknown member holding an Xml"):
        nc.from_xml(doc, Extensible)
    ok = doc.replace("<Other", "<Another").replace("</Other>", "</Another>")
    ok = ok.replace(' xmlns:d2p1="http://www.w3.org/2001/XMLSchema" i:type="d2p1:QName"', "")
    assert nc.from_xml(ok, Extensible) == Extensible(Q=QName("b", NS))


def test_documents_dotnet_writes_validate() -> None:
    # the empty name is an empty xs:QName, which XSD refuses but .NET writes (Mono)
    value = LH([QName("a", "urn:x"), QName("b", ""), QName.EMPTY, None])
    assert nc.validate_xml(nc.to_xml(value), LH) == value
    assert nc.validate_xml(nc.to_xml(OH(QName.EMPTY)), OH) == OH(QName.EMPTY)
    xml_ns = QH(QName("a", "http://www.w3.org/XML/1998/namespace"))  # xml:a
    assert nc.validate_xml(nc.to_xml(xml_ns), QH) == xml_ns
    bad = nc.to_xml(QH(QName("a", "urn:x"))).replace(b"d2p1:a", b"u:a")
    with pytest.raises(nc.XmlPayloadError, match=r"^Q: 'u:a' is not a valid XmlQualifiedName"):
        nc.validate_xml(bad, QH)


def test_namespace_declarations_around_a_value_are_bounded() -> None:
    # each xs:QName resolves its prefix in scope: thousands of declarations on the root would
    # cost that much per value; more than max_attributes around its parent exceed the quota
    decls = "".join(f' xmlns:p{i}="urn:{i}"' for i in range(5_000))
    items = "<a:QName>p1:x</a:QName>" * 5_000
    doc = (f'<LH xmlns="{NS}"{decls}><L xmlns:a="{ARR}">{items}</L></LH>').encode()
    with pytest.raises(nc.QuotaExceededError, match="max_attributes") as caught:
        nc.from_xml(doc, LH)
    assert caught.value.problems[0].path == "L[0]"
    few = doc.replace(decls.encode(), "".join(f' xmlns:p{i}="urn:{i}"' for i in range(60)).encode())
    assert nc.from_xml(few, LH) == LH([QName("x", "urn:1")] * 5_000)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # IsEmpty may be left out (DefaultValueHandling.Ignore writes it so), names in any case
        (b'{"Q":{"Namespace":"urn:x","Name":"a"}}', QName("a", "urn:x")),
        (b'{"Q":{"namespace":"","name":"","isEmpty":true}}', QName.EMPTY),
        (b'{"Q":5}', 'expected an object {"Namespace":…,"Name":…} (XmlQualifiedName), got the'),
        (b'{"Q":{"Name":"a","Namespace":"","X":1}}', "unknown member 'X' in an XmlQualifiedName"),
        (b'{"Q":{"Name":"a","name":"b","Namespace":""}}', "Name given twice in an"),
        (
            b'{"Q":{"Name":5,"Namespace":""}}',
            "Q: an XmlQualifiedName needs the strings Name and Namespace",
        ),
        (
            b'{"Q":{"Name":"a","Namespace":5}}',
            "Q: an XmlQualifiedName needs the strings Name and Namespace",
        ),
        (b'{"Q":{"Name":"a","Namespace":"","IsEmpty":true}}', "IsEmpty is true for"),
    ],
)
def test_json_object_reading_and_its_refusals(data: bytes, expected: Any) -> None:
    for payload in (data, data.decode()):  # the generated and the reference paths
        if isinstance(expected, QName):
            read = nc.from_json(payload, QH)
            assert read == QH(Q=expected)
            continue
        with pytest.raises(nc.JsonPayloadError) as refused:
            nc.from_json(payload, QH)
        if expected.startswith("Q: "):  # the whole message
            assert str(refused.value.problems[0]) == expected
        else:
            assert expected in refused.value.problems[0].message
