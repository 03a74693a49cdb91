"""The XML writer's rules the other tests leave to the generated writers or to Mono-only tests:
the reference writer's members and unknown members (extension data) in a root of a base type,
indented; EmitDefaultValue=false; collection contracts as the document; and the refusals of
``to_xml``'s root options and of untyped values, each pinned whole with its path.

Wire bytes are Mono's: ``interop.extension_models.TYPED_ROOTS`` (proven live by
tests/interop/test_extension_data_interop.py), ``interop.collection_root_models.PINNED``
(tests/interop/test_collection_root_interop.py) and ``interop.edge_models.Defaults``
(tests/interop/test_member_rules_pinned.py, proven live by tests/interop/test_edge_contracts.py).
The refusals' wording is netcontract's.
"""

from __future__ import annotations

import decimal
import hashlib
from typing import Any

import pytest

import netcontract as nc
from interop.collection_models import samples as collection_samples
from interop.collection_root_models import PINNED, RootItem, RootItemMore, RootL, samples
from interop.edge_models import Defaults
from interop.extension_models import TYPED_ROOTS, Base, Derived, Ent, EntSub, Holder
from interop.test_qname_interop import QH, XML_NS
from netcontract.codegen import FallbackForbidden, _no_fallback

ROOT_TYPES: dict[str, type] = {"Base": Base, "Ent": Ent}
KNOWN = [Derived, EntSub]


@pytest.mark.falls_back  # extension data: the reference writer writes it
@pytest.mark.parametrize("case", sorted(TYPED_ROOTS))
@pytest.mark.parametrize(
    ("layout", "options"),
    [("compact", {}), ("indented", {"indent": True}), ("stream", {"layout": "stream"})],
)
def test_unknown_members_in_a_root_of_the_base_type_are_written_as_mono_writes_them(
    engine_path: str, case: str, layout: str, options: dict[str, Any]
) -> None:
    """Mono: unknown members (one before the first member, nested ones indented a level
    deeper) named with the i: and z: prefixes the typed root declares keep those prefixes; in
    the stream layout, a derived contract in the base's namespace declares no other."""
    type_name, document, pinned = TYPED_ROOTS[case]
    root_type = ROOT_TYPES[type_name]
    obj = nc.from_xml(document.encode(), root_type, known_types=KNOWN)
    expected = pinned[("compact", "indented", "stream").index(layout)]
    assert nc.to_xml(obj, root_type=root_type, known_types=KNOWN, **options) == expected.encode()


NESTED = (
    b'<Holder xmlns="http://schemas.datacontract.org/2004/07/ExtData"><Item><A>a</A><U>u</U>'
    b"<M>1</M></Item><Name>n</Name><End>e</End></Holder>"
)


@pytest.mark.falls_back  # extension data: the reference writer writes it
def test_a_member_beside_unknown_members_is_refused_at_its_path(engine_path: str) -> None:
    holder = nc.from_xml(NESTED, Holder)
    assert holder.item is not None and holder.item.extension_data
    holder.item.m = 2**31
    with pytest.raises(nc.SerializationError) as refused:
        nc.to_xml(holder)
    assert str(refused.value) == (
        "Item.M: 2147483648 is outside the Int32 range [-2147483648, 2147483647]"
    )
    assert [(p.path, p.message) for p in refused.value.problems] == [
        ("Item.M", "2147483648 is outside the Int32 range [-2147483648, 2147483647]")
    ]


# Mono (tests/interop/test_member_rules_pinned.py): DataContractSerializer leaves out the
# defaults of Boolean, Int32, Int64, Double, Decimal and DateTime, and writes those of Int16,
# Byte, UInt64, Guid and Char (Json.NET leaves out all but Char)
AT_DEFAULTS = Defaults(d=-0.0, m=decimal.Decimal("0.00"), must="m")
AT_DEFAULTS_XML = (
    b'<Defaults xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
    b' xmlns="http://schemas.datacontract.org/2004/07/Edge.E">'
    b"<C>0</C><G>00000000-0000-0000-0000-000000000000</G><I16>0</I16><Kept>0</Kept>"
    b"<Must>m</Must><U64>0</U64><U8>0</U8></Defaults>"
)


@pytest.mark.falls_back  # emit_default_value=False: written by the reference writer only
def test_emit_default_false_leaves_out_what_data_contract_serializer_leaves_out(
    engine_path: str,
) -> None:
    assert nc.to_xml(AT_DEFAULTS) == AT_DEFAULTS_XML


@nc.contract("Edge.E")
class HoldsDefaults:
    d: Defaults | None = nc.member("D", default=None)


REQUIRED_LEFT_OUT = (
    "holds its default value, which emit_default_value=False leaves out, but it is required"
    " (is_required=True); .NET refuses to write it"
)


@pytest.mark.falls_back  # emit_default_value=False: written by the reference writer only
def test_a_required_member_left_out_is_refused_at_its_path(engine_path: str) -> None:
    """Mono refuses to write it (SerializationException; tests/interop/test_edge_contracts.py)."""
    with pytest.raises(nc.SerializationError) as refused:
        nc.to_xml(HoldsDefaults(d=Defaults()))
    assert str(refused.value) == f"D.Must: {REQUIRED_LEFT_OUT}"
    assert [(p.path, p.message) for p in refused.value.problems] == [("D.Must", REQUIRED_LEFT_OUT)]


@nc.contract(xml_namespace="urn:write-rules")
class InOne:
    x: str | None = nc.member("X", default=None)


@nc.contract(xml_namespace="")
class InNoneBelow(InOne):
    y: str | None = nc.member("Y", default=None)


@nc.contract(xml_namespace="")
class InNone:
    x: str | None = nc.member("X", default=None)


@nc.contract(xml_namespace="urn:write-rules")
class InOneBelow(InNone):
    y: str | None = nc.member("Y", default=None)


NO_NAMESPACE = "root_type: a contract in no namespace is not supported as a typed root yet"
NOT_STR = "root_name and root_namespace must be str"

#: (value, to_xml's options, the refusal): netcontract's, before anything is written
ROOT_REFUSALS: list[tuple[str, Any, dict[str, Any], str]] = [
    ("derived-in-no-namespace", InNoneBelow(), {"root_type": InOne}, NO_NAMESPACE),
    ("base-in-no-namespace", InOneBelow(), {"root_type": InNone}, NO_NAMESPACE),
    ("root-name-not-str", InOne(), {"root_name": 1, "root_namespace": "urn:r"}, NOT_STR),
    ("root-namespace-not-str", InOne(), {"root_name": "R", "root_namespace": 1}, NOT_STR),
]


@pytest.mark.parametrize(
    ("value", "options", "message"),
    [pytest.param(*row[1:], id=row[0]) for row in ROOT_REFUSALS],
)
def test_root_options_refused(value: Any, options: dict[str, Any], message: str) -> None:
    known = {"known_types": [type(value)]} if "root_type" in options else {}
    with pytest.raises(nc.SerializationError) as refused:
        nc.to_xml(value, **options, **known)
    assert str(refused.value) == f"<root>: {message}"
    assert [(p.path, p.message) for p in refused.value.problems] == [("", message)]


@pytest.mark.falls_back  # a collection contract as the document: the reference writer
@pytest.mark.parametrize("case", sorted(PINNED))
@pytest.mark.parametrize("layout", ["writer", "stream", "indented"])
def test_a_collection_contract_root_is_written_as_mono_writes_it(case: str, layout: str) -> None:
    """Mono: ``xmlns:i`` first (after the default namespace in the stream layout, then
    ``xmlns:z``); in no namespace no ``xmlns=""``; an item of a type the serializer knows with
    its i:type."""
    value, known = samples()[case]
    options: dict[str, Any] = {"stream": {"layout": "stream"}, "indented": {"indent": True}}.get(
        layout, {}
    )
    expected = PINNED[case][["writer", "stream", "indented"].index(layout)].encode()
    assert nc.to_xml(value, known_types=known, **options) == expected


def test_a_collection_contract_root_says_it_fell_back() -> None:
    with _no_fallback(), pytest.raises(FallbackForbidden) as fell:
        nc.to_xml(RootL([RootItem(a="a")]))
    assert str(fell.value) == (
        "a generated path fell back on an accepted input: RootL: a collection contract as the"
        " document: the reference writer"
    )


def test_an_item_of_a_collection_contract_root_is_refused_at_its_path() -> None:
    value = RootL([RootItem(a="a"), RootItemMore(a="m", b=2**31)])
    with pytest.raises(nc.SerializationError) as refused:
        nc.to_xml(value, known_types=[RootItemMore])
    message = "2147483648 is outside the Int32 range [-2147483648, 2147483647]"
    assert str(refused.value) == f"[1].B: {message}"
    assert [(p.path, p.message) for p in refused.value.problems] == [("[1].B", message)]


@nc.contract("WriteRules")
class Untyped:
    o: object = nc.member("O", default=None)


UNTYPED_JSON = (
    "an untyped JSON value cannot be written as XML: its .NET type is unknown; read the JSON"
    " with a parametrized contract (e.g. ResponseDto[CustomerGroupDto])"
)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        pytest.param({"a": 1}, UNTYPED_JSON, id="json-object"),
        pytest.param([1], UNTYPED_JSON, id="json-array"),
        pytest.param(object(), "a object has no data-contract type", id="object"),
        pytest.param({1, 2}, "a set has no data-contract type", id="set"),
    ],
)
def test_an_object_member_of_no_data_contract_type_is_refused(
    engine_path: str, value: Any, message: str
) -> None:
    with pytest.raises(nc.SerializationError) as refused:
        nc.to_xml(Untyped(o=value))
    assert str(refused.value) == f"O: {message}"
    assert [(p.path, p.message) for p in refused.value.problems] == [("O", message)]


@nc.contract("WriteRules")
class Values:
    d: nc.DateTimeOffset | None = nc.member("D", default=None)
    q: nc.XmlQualifiedName | None = nc.member("Q", default=None)


@pytest.mark.parametrize(
    ("value", "path", "message"),
    [
        pytest.param(
            Values(d="x"),  # type: ignore[arg-type]
            "D",
            "expected a netcontract.DateTimeOffset (use from_datetime), got the string 'x'",
            id="datetimeoffset",
        ),
        pytest.param(
            Values(q=5),  # type: ignore[arg-type]
            "Q",
            "expected a netcontract.XmlQualifiedName, got the number 5",
            id="qualified-name",
        ),
    ],
)
def test_a_value_of_another_type_is_refused(
    engine_path: str, value: Any, path: str, message: str
) -> None:
    with pytest.raises(nc.SerializationError) as refused:
        nc.to_xml(value)
    assert str(refused.value) == f"{path}: {message}"
    assert [(p.path, p.message) for p in refused.value.problems] == [(path, message)]


@nc.contract(xml_namespace="")
class NoNamespaceObject:
    o: object = nc.member("O", default=None)


#: Mono (tests/interop/test_qname_interop.py, NO_NAMESPACE_OBJECT, whose NoNsO is this class
#: under another name): in an object member of a contract in no namespace, a name in no
#: namespace is written (xmlns="" declared again); in a namespace it is refused there
#: (test_refusals_are_monos)
NO_NAMESPACE_QNAMES = [
    (
        nc.XmlQualifiedName("a", ""),
        b'<NoNamespaceObject xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><O xmlns:d2p1='
        b'"http://www.w3.org/2001/XMLSchema" i:type="d2p1:QName" xmlns="">a</O>'
        b"</NoNamespaceObject>",
    ),
    (
        nc.XmlQualifiedName("a", "urn:x"),
        b'<NoNamespaceObject xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><O xmlns:d2p1='
        b'"http://www.w3.org/2001/XMLSchema" i:type="d2p1:QName" xmlns:d2p2="urn:x">d2p2:a</O>'
        b"</NoNamespaceObject>",
    ),
]


@pytest.mark.parametrize(("value", "expected"), NO_NAMESPACE_QNAMES)
def test_a_qualified_name_in_an_object_member_in_no_namespace(
    engine_path: str, value: nc.XmlQualifiedName, expected: bytes
) -> None:
    assert nc.to_xml(NoNamespaceObject(o=value)) == expected
    assert nc.from_xml(expected, NoNamespaceObject) == NoNamespaceObject(o=value)


@nc.contract("WriteRules")
class DateKeys:
    d: dict[nc.DateTime, str] | None = nc.member("D", default=None)


def test_datetime_keys_of_one_instant_are_refused_whole(engine_path: str) -> None:
    """Mono: "An item with the same key has already been added" (tests/netcontract/
    test_dictionaries.py); the refusal names the key .NET would take it for."""
    utc = nc.DateTime.from_parts(2020, 1, 2, 3, 4, 5, kind=nc.DateTimeKind.UTC)
    with pytest.raises(nc.SerializationError) as refused:
        nc.to_xml(DateKeys(d={utc: "u", nc.DateTime(utc.ticks): "n"}))
    message = (
        "is the key 2020-01-02T03:04:05Z in .NET (DateTime keys are equal when their ticks are,"
        " whatever their kind): a Dictionary cannot hold both"
    )
    assert str(refused.value) == f'D["2020-01-02T03:04:05"]: {message}'
    assert [(p.path, p.message) for p in refused.value.problems] == [
        ('D["2020-01-02T03:04:05"]', message)
    ]


#: Mono's WriteObject(Stream) bytes (tests/interop/test_stream_layout_interop.py, cases
#: qname-xml and coll-holder-object-otheritems): a name in the xml namespace keeps its predefined
#: prefix, declared nowhere; a collection contract in an object member declares its items'
#: namespace after the i:type naming it, with the next free letter
_XSI_DECL = 'xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
STREAM_PINNED: list[tuple[str, Any, str]] = [
    (
        "qualified-name-in-xml-namespace",
        QH(Q=nc.XmlQualifiedName("n", XML_NS)),
        f'<QH xmlns="http://netcontract/qname" {_XSI_DECL}><q:Q xmlns:q="http://netcontract/qname">'
        "xml:n</q:Q></QH>",
    ),
    (
        "collection-in-an-object-member",
        collection_samples()["holder-object-otheritems"],
        f'<Holder xmlns="http://schemas.datacontract.org/2004/07/Coll" {_XSI_DECL}>'
        '<D i:nil="true"/><I i:nil="true"/><L i:nil="true"/><LL i:nil="true"/>'
        '<M i:nil="true" xmlns:a="urn:m"/><N i:nil="true" xmlns:a="urn:n"/><NE i:nil="true"/>'
        '<O i:type="a:OtherItems" xmlns:a="urn:n" xmlns:b="urn:x"><a:Other><b:A>o</b:A>'
        '</a:Other><a:Other i:nil="true"/></O><OM i:nil="true" xmlns:a="urn:m2"/>'
        '<S i:nil="true"/><X i:nil="true" xmlns:a="urn:n"/></Holder>',
    ),
]


@pytest.mark.parametrize(
    ("value", "expected"), [pytest.param(*row[1:], id=row[0]) for row in STREAM_PINNED]
)
def test_stream_layout_declarations_are_monos(engine_path: str, value: Any, expected: str) -> None:
    assert nc.to_xml(value, layout="stream") == expected.encode()


QNAME_CHAIN_DEPTH = 18


def _qname_chain() -> Any:
    """Q0 (urn:q0) holding Q1 (urn:q1)... Q17, whose member Q (declared XmlQualifiedName) holds
    a name in urn:q16: in the stream layout urn:q16 has the prefix q (the 16th letter, i taken),
    which the q:Q element binds to urn:q17 again."""
    classes: dict[int, Any] = {}
    for i in reversed(range(QNAME_CHAIN_DEPTH)):
        annotations: dict[str, Any] = {"v": nc.Int32}
        body: dict[str, Any] = {"v": nc.member("V", default=0), "__annotations__": annotations}
        if i < QNAME_CHAIN_DEPTH - 1:
            annotations["m"] = classes[i + 1] | None
            body["m"] = nc.member("M", default=None)
        else:
            annotations["q"] = nc.XmlQualifiedName | None
            body["q"] = nc.member("Q", default=None)
        made = type(f"Q{i}", (), body)
        classes[i] = nc.contract(xml_namespace=f"urn:q{i}")(made)
    value = classes[QNAME_CHAIN_DEPTH - 1](q=nc.XmlQualifiedName("n", "urn:q16"))
    for i in reversed(range(QNAME_CHAIN_DEPTH - 1)):
        value = classes[i](m=value)
    return value


QNAME_CHAIN = _qname_chain()


def test_a_name_whose_prefix_the_q_element_rebinds_gets_another(engine_path: str) -> None:
    """Mono (tests/interop/test_stream_layout_interop.py, test_a_shadowed_q_prefix_is_monos):
    urn:q16's prefix q is bound to urn:q17 by the member's own q:Q, so the name gets the next
    free letter, s."""
    data = nc.to_xml(QNAME_CHAIN, layout="stream")
    assert b'<q:Q xmlns:q="urn:q17" xmlns:s="urn:q16">s:n</q:Q>' in data
    assert len(data) == 818
    assert hashlib.sha256(data).hexdigest() == (
        "3ab869d0e56ab6322e8338a46852e959eaf984fe17ee4d5d672ae0105e944db8"
    )


@nc.contract("WriteRules", xml_namespace="urn:write-rules")
class Bits(nc.ContractFlag):
    A = 1
    B = 2


@nc.contract(xml_namespace="urn:write-rules")
class HoldsBits:
    b: Bits = nc.member("B", default=Bits(0))


def test_a_flags_value_no_member_names_is_an_empty_element_in_each_layout() -> None:
    """Mono: 0 of a [Flags] enum without a zero member is an empty element (``<B />``,
    tests/netcontract/model/test_enums.py), closed ``/>`` in the stream layout as every empty
    element there (tests/interop/test_stream_layout_interop.py); the generated writers write
    it themselves."""
    with _no_fallback():
        assert nc.to_xml(HoldsBits()) == (
            b'<HoldsBits xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
            b' xmlns="urn:write-rules"><B /></HoldsBits>'
        )
        assert nc.to_xml(HoldsBits(), layout="stream") == (
            b'<HoldsBits xmlns="urn:write-rules"'
            b' xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><B/></HoldsBits>'
        )
