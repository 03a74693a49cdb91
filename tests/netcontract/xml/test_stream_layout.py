"""to_xml(obj, layout="stream"): the bytes of ``DataContractSerializer.WriteObject(Stream)``.

Every expected document below is Mono 6.8's ``WriteObject(Stream)`` output for the same object
(the twins of tests/interop/edge_models.py, reference_models.py and extension_models.py),
copied from ``tests/interop/test_stream_layout_interop.py``, which checks them and many more
live. They pin, without Mono: ``xmlns`` before ``xmlns:i`` on the root; prefixes ``a``, ``b``...
(the first letter not bound in scope, so siblings reuse one); every namespace declaration after
the other attributes (``i:type``, ``z:Id``, ``i:nil``); ``/>`` without a space, also for an
empty string; no XML declaration.
"""

from __future__ import annotations

import hashlib
import io
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.netcontract.xml import test_empty_namespace as no_ns

import netcontract as nc
from interop import edge_models
from interop import test_edge_contracts as edge
from interop import test_qname_interop as qi
from interop.extension_models import Base
from interop.reference_models import H2, Node, Sub, cycle
from netcontract import XmlQualifiedName as QName
from netcontract.strategies import for_type
from vehizen import CustomerGroupDto, ResponseDto, VehicleLightDto

A = "http://schemas.datacontract.org/2004/07/Edge.A"
B = "http://schemas.datacontract.org/2004/07/Edge.B"
C = "http://schemas.datacontract.org/2004/07/Edge.C"
D = "http://schemas.datacontract.org/2004/07/Edge.D"
R = "http://schemas.datacontract.org/2004/07/R"
EXT = "http://schemas.datacontract.org/2004/07/ExtData"
XSI = 'xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
XS = "http://www.w3.org/2001/XMLSchema"
ARR = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
N = "http://schemas.datacontract.org/2004/07/N"
Z = 'xmlns:z="http://schemas.microsoft.com/2003/10/Serialization/"'
QNS = qi.NS


def _case(case_id: str) -> Any:
    return edge.CASES_BY_ID[case_id].obj


def _h2() -> H2:
    sub = Sub(name="s", extra=3)
    n2 = Node(name="n2")
    return H2(a=sub, b=sub, o=n2, o2=n2)


#: (id, object, to_xml keyword arguments, Mono's WriteObject(Stream) bytes)
MONO: list[tuple[str, Any, dict[str, str], str]] = [
    (
        "holder-deep",  # a, b, c nested; a letter is free again outside its element
        _case("holder-deep"),
        {},
        f'<Holder xmlns="{A}" {XSI}><Empty xmlns:a="{B}"/><Middles xmlns:a="{B}"><a:Middle>'
        f'<a:Leaves xmlns:b="{C}"><b:Leaf><b:Back i:nil="true"/><b:Colors><Color>Red</Color>'
        "<Color>Blue</Color><Color>Minus</Color></b:Colors>"
        f'<b:Far xmlns:c="{D}"><c:V>far</c:V></b:Far><b:Name>leaf</b:Name></b:Leaf><b:Leaf>'
        '<b:Back><a:Leaves/><a:Single i:nil="true"/><a:Title>b</a:Title></b:Back>'
        f'<b:Colors i:nil="true"/><b:Far i:nil="true" xmlns:c="{D}"/><b:Name>back</b:Name>'
        f'</b:Leaf><b:Leaf i:nil="true"/></a:Leaves><a:Single xmlns:b="{C}">'
        f'<b:Back i:nil="true"/><b:Colors/><b:Far i:nil="true" xmlns:c="{D}"/>'
        '<b:Name>single</b:Name></a:Single><a:Title>m1</a:Title></a:Middle><a:Middle i:nil="true"/>'
        f'<a:Middle><a:Leaves i:nil="true" xmlns:b="{C}"/><a:Single i:nil="true" xmlns:b="{C}"/>'
        f'<a:Title i:nil="true"/></a:Middle></Middles><Nothings xmlns:a="{B}"><a:Nothing/>'
        f'<a:Nothing i:nil="true"/><a:Nothing/></Nothings><Other i:nil="true" xmlns:a="{C}"/>'
        "<Title>h</Title></Holder>",
    ),
    (
        "object-int64",  # i:type first, its namespace declared after it
        _case("object-int64"),
        {},
        f'<Box xmlns="{A}" {XSI}><After>x</After><Thing i:type="a:long" xmlns:a="{XS}">5</Thing>'
        "</Box>",
    ),
    (
        "subclass-in-member",  # the member type's namespace, then the i:type's
        _case("dog-friend-is-a-puppy"),
        {},
        f'<Dog xmlns="{B}" {XSI}><Legs xmlns="{A}">3</Legs><Name xmlns="{A}">Rex</Name>'
        '<Bark i:nil="true"/><Coat>Red</Coat>'
        f'<Friend i:type="b:Puppy" xmlns:a="{A}" xmlns:b="{C}"><a:Legs>4</a:Legs>'
        '<a:Name>Pup</a:Name><Bark>yip</Bark><Coat>Green</Coat><Friend i:type="Dog">'
        "<a:Legs>4</a:Legs><a:Name>Mum</a:Name><Bark>woof</Bark><Coat>Blue</Coat>"
        '<Friend i:nil="true"/><Tint i:nil="true"/><_tag i:nil="true"/></Friend><Tint>Minus</Tint>'
        "<_tag>t</_tag><b:AgeDays>30</b:AgeDays><b:Zeta>z</b:Zeta><b:alpha>a</b:alpha></Friend>"
        '<Tint i:nil="true"/><_tag i:nil="true"/></Dog>',
    ),
    (
        "empty-strings",  # "" is <S/> (the writer layout: <S></S>)
        _case("text-empty"),
        {},
        f'<Texts xmlns="{A}" {XSI}><Empty/><Null/><Plain/><Specials/><Unicode/></Texts>',
    ),
    (
        "references",  # z:Id and i:type in written order; xmlns:z declared where used
        _h2(),
        {},
        f'<H2 xmlns="urn:h" {XSI}><A z:Id="i1" i:type="a:Sub" xmlns:a="{R}" {Z}>'
        '<a:Kids i:nil="true"/><a:Name>s</a:Name><a:Next i:nil="true"/><a:Extra>3</a:Extra></A>'
        f'<B z:Ref="i1" xmlns:a="{R}" {Z}/><O i:type="a:Node" z:Id="i2" xmlns:a="{R}" {Z}>'
        '<a:Kids i:nil="true"/><a:Name>n2</a:Name><a:Next i:nil="true"/></O>'
        f'<O2 i:type="a:Node" z:Ref="i2" xmlns:a="{R}" {Z}/></H2>',
    ),
    (
        "reference-root-renamed",  # z:Id first, then xmlns, xmlns:a, xmlns:i, xmlns:z
        cycle(),
        {"root_name": "Graph", "root_namespace": "urn:g"},
        f'<Graph z:Id="i1" xmlns="urn:g" xmlns:a="{R}" {XSI} {Z}><a:Kids><a:Node z:Ref="i1"/>'
        '<a:Node z:Id="i2"><a:Kids i:nil="true"/><a:Name>b</a:Name><a:Next z:Ref="i1"/></a:Node>'
        '</a:Kids><a:Name>a</a:Name><a:Next z:Ref="i2"/></Graph>',
    ),
    (
        "contracts-in-no-namespace",  # test_empty_namespace.py's twin: no xmlns="" before i:type
        no_ns.VALUE,
        {},
        f'<Tnone {XSI}><A>1</A><Inner><A>2</A><Inner i:nil="true"/>'
        f'<L i:nil="true" xmlns:a="{ARR}"/><O i:type="Tnone"><A>3</A><Inner i:nil="true"/>'
        f'<L i:nil="true" xmlns:a="{ARR}"/><O i:nil="true"/><Q i:nil="true" xmlns:a="{N}"/></O>'
        f'<Q i:nil="true" xmlns:a="{N}"/></Inner><L xmlns:a="{ARR}"><a:int>6</a:int></L>'
        f'<O i:type="a:Q" xmlns:a="{N}"><a:B>4</a:B></O><Q xmlns:a="{N}"><a:B>5</a:B></Q></Tnone>',
    ),
    (
        "root-in-no-namespace",
        Base(a="x", m=1),
        {"root_name": "Root", "root_namespace": ""},
        f'<Root xmlns:a="{EXT}" {XSI}><a:A>x</a:A><a:M>1</a:M></Root>',
    ),
]


#: XmlQualifiedName values, as Mono's WriteObject(Stream) writes them
#: (tests/interop/test_stream_layout_interop.py: qname-* cases; the coll-* and generic-*
#: ones are proven there only: importing their twins here would define them twice)
MONO_QNAME: list[tuple[str, Any, dict[str, str], str]] = [
    (
        "qname-other",
        qi.QH(Q=QName("n", "urn:o")),
        {},
        f'<QH xmlns="{QNS}" {XSI}><q:Q xmlns:q="{QNS}" xmlns:a="urn:o">a:n</q:Q></QH>',
    ),
    (
        "qname-own",
        qi.QH(Q=QName("n", qi.NS)),
        {},
        f'<QH xmlns="{QNS}" {XSI}><q:Q xmlns:q="{QNS}">q:n</q:Q></QH>',
    ),
    (
        "qname-list",
        qi.LH(L=[QName("a", "urn:o"), None, QName("c", qi.NS), QName("d", qi.ARR)]),
        {},
        f'<LH xmlns="{QNS}" {XSI}><L xmlns:a="{ARR}"><q:QName xmlns:q="{ARR}" xmlns:b="urn'
        f':o">b:a</q:QName><a:QName i:nil="true"/><q:QName xmlns:q="{ARR}">c</q:QName><q:Q'
        f'Name xmlns:q="{ARR}">q:d</q:QName></L></LH>',
    ),
    (
        "qname-no-ns",
        qi.QH(Q=QName("n", "")),
        {},
        f'<QH xmlns="{QNS}" {XSI}><q:Q xmlns:q="{QNS}" xmlns="">n</q:Q></QH>',
    ),
    (
        "qname-object",
        qi.OH(O=QName("a", "urn:o")),
        {},
        f'<OH xmlns="{QNS}" {XSI}><O i:type="a:QName" xmlns:a="{XS}" xmlns:b="urn:o">b:a</O></OH>',
    ),
    (
        "qname-nested-shadowed",
        qi.Outer(
            In=qi.Inner(IQ=QName("a", "urn:o"), JQ=QName("b", "urn:o")), Z=QName("z", "urn:o")
        ),
        {},
        f'<Outer xmlns="{QNS}" {XSI}><In xmlns:a="urn:other"><q:IQ xmlns:q="urn:other" xml'
        'ns:b="urn:o">b:a</q:IQ><q:JQ xmlns:q="urn:other" xmlns:b="urn:o">b:b</q:JQ></In>'
        f'<q:Z xmlns:q="{QNS}" xmlns:a="urn:o">a:z</q:Z></Outer>',
    ),
    (
        "qname-no-namespace-default",
        qi.NoNs(Q=QName("a", ""), L=[QName("", ""), QName("x", qi.ARR)]),
        {},
        f'<NoNs {XSI}><L xmlns:a="{ARR}"><q:QName xmlns:q="{ARR}"/><q:QName xmlns:q="{ARR}'
        '">q:x</q:QName></L><Q>a</Q></NoNs>',
    ),
]


@pytest.mark.falls_back  # is_reference and extension data: the reference writer
@pytest.mark.parametrize(
    ("obj", "kwargs", "expected"),
    [m[1:] for m in MONO + MONO_QNAME],
    ids=[m[0] for m in MONO + MONO_QNAME],
)
def test_stream_layout_is_monos(engine_path: str, obj: Any, kwargs: Any, expected: str) -> None:
    # the StreamLayout driver's serializers know every twin type (Driver.cs's KnownTypes)
    kwargs = {"known_types": edge_models.DRIVER_KNOWN_TYPES, **kwargs}
    assert nc.to_xml(obj, layout="stream", **kwargs) == expected.encode()
    # and it reads back into the object
    back = nc.from_xml(expected.encode(), type(obj), **kwargs)
    assert nc.to_xml(back, **kwargs) == nc.to_xml(obj, **kwargs)


@pytest.mark.falls_back
def test_kept_text_loses_its_leading_white_space_as_mono_writes_it() -> None:
    """Mono's stream writer drops the white space that begins a kept (extension data) text."""
    doc = (
        f'<Base xmlns="{EXT}" {XSI}><A>a</A><N>  text &amp; more &#xD;\n </N><M>1</M></Base>'
    ).encode()
    obj = nc.from_xml(doc, Base)
    assert b"<N>  text &amp; more" in nc.to_xml(obj)  # the writer layout keeps it
    assert (
        nc.to_xml(obj, layout="stream")
        == (
            f'<Base xmlns="{EXT}" {XSI}><A>a</A><N>text &amp; more &#xD;\n </N><M>1</M></Base>'
        ).encode()
    )


def test_no_namespace_i_type_in_a_namespace_is_refused_in_both_layouts() -> None:
    """Mono's stream writer writes ``<Box xmlns="urn:box" …><O i:type="Tnone" xmlns="">``:
    the ``xmlns=""`` puts the member element O itself in no namespace (the writer layout
    throws). Refused in both layouts, with the same message."""
    with pytest.raises(nc.SerializationError) as writer:
        nc.to_xml(no_ns.Box(o=no_ns.Tnone()))
    with pytest.raises(nc.SerializationError) as stream:
        nc.to_xml(no_ns.Box(o=no_ns.Tnone()), layout="stream")
    assert str(stream.value) == str(writer.value)


def test_stream_layout_cannot_be_indented() -> None:
    """No .NET writer indents this layout: XmlDictionaryWriter's text writer has no setting,
    and on Mono an XmlWriter with Indent=true wrapped around it indents nothing."""
    with pytest.raises(ValueError, match="layout='stream' cannot be indented"):
        nc.to_xml(_case("animal"), layout="stream", indent=True)


@pytest.mark.parametrize(
    "obj",
    [
        edge_models.Maps(objects={"q": qi.QH(Q=QName("n", "urn:o")), "e": qi.QH(Q=QName("", ""))}),
        edge_models.Box(thing=qi.LH(L=[QName("a", qi.ARR), None])),
    ],
    ids=["maps-qname-contract", "box-qname-list"],
)
def test_drawn_qname_contracts_are_written_in_both_layouts(engine_path: str, obj: Any) -> None:
    """What made test_stream_layout_reads_back_as_the_writer_layout fail once on main: its
    object members draw any contract of the tests package imported so far (the QName twins
    once test_qname_interop is imported), which layout="stream" refused and the writer layout
    wrote. Both layouts write them now and each reads back as the other; both refuse them
    where .NET does, when they are not known types."""
    for layout in ("writer", "stream"):
        with pytest.raises(nc.SerializationError, match="is not expected here"):
            nc.to_xml(obj, layout=layout)
    known = {"known_types": [qi.QH, qi.LH]}
    writer = nc.to_xml(obj, **known)
    stream = nc.to_xml(obj, layout="stream", **known)
    assert nc.to_xml(nc.from_xml(stream, type(obj), **known), **known) == writer
    assert nc.to_xml(nc.from_xml(writer, type(obj), **known), layout="stream", **known) == stream


def test_unknown_layout_is_refused() -> None:
    with pytest.raises(ValueError, match="layout must be 'writer' or 'stream', not 'Stream'"):
        nc.to_xml(_case("animal"), layout="Stream")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "tp",
    [
        CustomerGroupDto,
        VehicleLightDto,
        ResponseDto,
        edge_models.Holder,  # nested namespaces: a, b, c
        edge_models.Maps,
        edge_models.Zoo,  # i:type
        edge_models.Box,  # object members
        edge_models.Offsets,
    ],
    ids=lambda tp: tp.__name__,
)
@settings(max_examples=30)  # each example writes and reads four documents: under 5 s a type
@given(data=st.data())
def test_stream_layout_reads_back_as_the_writer_layout(
    engine_path: str, tp: Any, data: st.DataObject
) -> None:
    """Both layouts hold the same document: read, each gives the other's bytes again; what
    one refuses, the other refuses with the same problems. (This module imports the QName
    twins, so object members draw them in every run, not only in full runs.)"""
    obj = data.draw(for_type(tp), label="obj")
    try:
        writer = nc.to_xml(obj)
    except nc.SerializationError as exc:
        with pytest.raises(nc.SerializationError) as again:
            nc.to_xml(obj, layout="stream")
        assert str(again.value) == str(exc)
        return
    stream = nc.to_xml(obj, layout="stream")
    assert b" />" not in stream.replace(b'" />', b"")  # no space before "/>" but in text
    assert nc.to_xml(nc.from_xml(stream, tp)) == writer
    assert nc.to_xml(nc.from_xml(writer, tp), layout="stream") == stream


DEPTH = 30


def _chain() -> Any:
    """C0 (urn:n0) holding C1 (urn:n1) holding ... C29: one new namespace per level."""
    classes: dict[int, Any] = {}
    for i in reversed(range(DEPTH)):
        annotations: dict[str, Any] = {"v": nc.Int32}
        body: dict[str, Any] = {"v": nc.member("V", default=0), "__annotations__": annotations}
        if i < DEPTH - 1:
            annotations["m"] = classes[i + 1] | None
            body["m"] = nc.member("M", default=None)
        made = type(f"Chain{i}", (), body)
        classes[i] = nc.contract("x", name=f"C{i}", xml_namespace=f"urn:n{i}")(made)
    value = classes[DEPTH - 1]()
    for i in reversed(range(DEPTH - 1)):
        value = classes[i](m=value)
    return value


CHAIN = _chain()
#: Mono's prefixes for the chain, in document order: the letters (not i), then d{depth}p0
MONO_CHAIN_PREFIXES = [
    *(c for c in "abcdefghjklmnopqrstuvwxyz"),
    "d27p0",
    "d28p0",
    "d29p0",
    "d30p0",
]


def test_prefixes_after_z_are_d_depth_p_n_as_mono_makes_them(engine_path: str) -> None:
    """Mono: 25 letters (``i`` is taken), then ``d27p0`` at depth 27... (the document is
    1,332 bytes; its SHA-256 pins the rest; live: test_stream_layout_interop.py)."""
    data = nc.to_xml(CHAIN, layout="stream")
    prefixes = [m.decode() for m in re.findall(rb"xmlns:([a-z0-9]+)=", data)]
    assert prefixes == ["i", *MONO_CHAIN_PREFIXES]
    assert len(data) == 1332
    assert hashlib.sha256(data).hexdigest() == (
        "9c37ae96e2245085c8bacf6837535565481fb1566bb6419990786a3b3c4201d3"
    )
    assert nc.to_xml(nc.from_xml(data, type(CHAIN))) == nc.to_xml(CHAIN)


def _items(items: list[Any], **kwargs: Any) -> bytes:
    out = io.BytesIO()
    nc.write_xml_items(
        out, items, edge_models.Animal, known_types=edge_models.DRIVER_KNOWN_TYPES, **kwargs
    )
    return out.getvalue()


def test_write_xml_items_stream_layout_is_monos() -> None:
    """Mono's WriteObject(Stream) of a List<Animal> (live: test_stream_layout_interop.py)."""
    items = [_case("animal"), edge.PUPPY, None]
    assert (
        _items(items, layout="stream")
        == (
            f'<ArrayOfAnimal xmlns="{A}" {XSI}><Animal><Legs>4</Legs><Name>Rex</Name></Animal>'
            f'<Animal i:type="a:Puppy" xmlns:a="{C}"><Legs>4</Legs><Name>Pup</Name>'
            f'<Bark xmlns="{B}">yip</Bark><Coat xmlns="{B}">Green</Coat>'
            f'<Friend i:type="Dog" xmlns="{B}" xmlns:b="{A}"><b:Legs>4</b:Legs><b:Name>Mum</b:Name>'
            '<Bark>woof</Bark><Coat>Blue</Coat><Friend i:nil="true"/><Tint i:nil="true"/>'
            f'<_tag i:nil="true"/></Friend><Tint xmlns="{B}">Minus</Tint><_tag xmlns="{B}">t</_tag>'
            "<a:AgeDays>30</a:AgeDays><a:Zeta>z</a:Zeta><a:alpha>a</a:alpha></Animal>"
            '<Animal i:nil="true"/></ArrayOfAnimal>'
        ).encode()
    )
    assert _items([], layout="stream") == f'<ArrayOfAnimal xmlns="{A}" {XSI}/>'.encode()


def test_write_xml_items_refuses_what_to_xml_refuses() -> None:
    with pytest.raises(ValueError, match="layout='stream' cannot be indented"):
        _items([], layout="stream", indent=True)
    with pytest.raises(ValueError, match="layout must be 'writer' or 'stream', not 'x'"):
        _items([], layout="x")
