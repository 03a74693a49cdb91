"""IExtensibleDataObject against Mono, live (``dotnet/ExtensionData.cs``, whose Ext.V1 classes
are tests/interop/extension_models.py and whose Ext.V2 classes add members in the middle and
at the end, at the base and derived levels, nested in a list and in a member).

Mono: a V2 document read into V1 and written back is what netcontract writes after reading the
same document into the V1 twins, compact and indented; the documents Mono refuses are refused;
where netcontract refuses what Mono keeps (README, "Declaring WCF data contracts"), the test
says so.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import netcontract as nc

from ._csharp import compile_program, run_program
from ._mono import MONO_MISSING_REASON, mono_available
from .extension_models import TYPED_ROOTS, Base, Derived, Ent, EntSub, Holder, Plain, Quiet

pytestmark = [pytest.mark.interop, pytest.mark.falls_back]

NS = 'xmlns="http://schemas.datacontract.org/2004/07/ExtData"'
XSI = 'xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
XS = 'xmlns:x="http://www.w3.org/2001/XMLSchema"'


def _base(inner: str, extra: str = "") -> str:
    return f"<Base {NS} {XSI}{extra}>{inner}</Base>"


#: hand-made V2 documents: what .NET keeps of each kind of unknown member
CASES: dict[str, tuple[str, str]] = {
    "first-middle-last": ("Base", _base("<A0>x</A0><A>a</A><B>b</B><M>1</M><Z>z</Z>")),
    "derived-levels": (
        "Derived",
        f"<Derived {NS} {XSI}><A>a</A><B>b</B><M>1</M><BB>bb</BB><C>c</C><D>d</D><P>2</P>"
        "<Q>q</Q></Derived>",
    ),
    "after-a-missing-member": (
        "Derived",
        f"<Derived {NS} {XSI}><A>a</A><M>1</M><BB>bb</BB><P>2</P><Q>q</Q></Derived>",
    ),
    "nested-object": ("Base", _base("<A>a</A><N><X>1</X><Y><Z>deep</Z></Y></N><M>1</M>")),
    "prefixes-dropped": (
        "Base",
        _base('<A>a</A><N xmlns:p="urn:p"><p:X>1</p:X><Y xmlns="urn:y">2</Y></N><M>1</M>'),
    ),
    "member-in-another-namespace": (
        "Base",
        _base("<A>a</A><q:N><X>1</X><q:Y>2</q:Y></q:N><M>1</M>", ' xmlns:q="urn:q"'),
    ),
    "nil": ("Base", _base('<A>a</A><N i:nil="true"/><O i:nil="true" foo="x"/><M>1</M>')),
    "empty-and-blank": ("Base", _base("<A>a</A><N/><E></E><W> </W><M>1</M>")),
    "text": ("Base", _base("<A>a</A><N>  text &amp; more &#xD;\n </N><M>1</M>")),
    "i-type-contract": ("Base", _base('<A>a</A><N i:type="Plain"><A>q</A><M>3</M></N><M>1</M>')),
    "i-type-unknown": (
        "Base",
        _base('<A>a</A><N xmlns:u="urn:u" i:type="u:T"><u:Y>1</u:Y><Z xmlns="urn:u">2</Z></N>'),
    ),
    "i-type-primitives": (
        "Base",
        _base(
            '<A>a</A><D i:type="x:double">1.50</D><F i:type="x:boolean">1</F>'
            '<G xmlns:s="http://schemas.microsoft.com/2003/10/Serialization/" i:type="s:guid">'
            "0000000000000000000000000000000A</G>"
            '<T i:type="x:dateTime">2020-01-01T00:00:00.0Z</T><S i:type="x:string">s</S><M>1</M>',
            f" {XS}",
        ),
    ),
    "array": (
        "Base",
        _base(
            '<A>a</A><L xmlns:d="http://schemas.microsoft.com/2003/10/Serialization/Arrays">'
            "<d:int>1</d:int><d:int>2</d:int></L><M>1</M>"
        ),
    ),
    "attributes-kept-as-xml": (
        "Base",
        _base(
            '<A>a</A><N foo="b&amp;r" xml:lang="en"><X>1</X><q:Y>2<Z a="&#9;"/></q:Y>tail</N>'
            '<O i:type="Plain" foo="1"><A>1</A></O><P foo="x" xmlns="urn:p"/><M>1</M>',
            ' xmlns:q="urn:q"',
        ),
    ),
    "attributes-white-space-dropped": (
        "Base",
        _base('<A>a</A><N xmlns:p="urn:p" p:foo="bar" b="c">\n  <X>1</X>\n  <X/>\n</N><M>1</M>'),
    ),
    "holder": (
        "Holder",
        f"<Holder {NS} {XSI}><Item><A>a</A><U>u</U><M>1</M><V>v</V></Item><Items><Base><A>x</A>"
        '<W>w</W></Base><Base i:nil="true"/><Base i:type="Derived"><A>d</A><E>e</E><C>c</C>'
        "</Base></Items><Mid>m</Mid><Name>n</Name><End>e</End></Holder>",
    ),
    "no-extension-data": ("Plain", f"<Plain {NS} {XSI}><A>a</A><B>b</B><M>1</M></Plain>"),
    # refused by both
    "mixed-content": ("Base", _base("<A>a</A><N>text<X>1</X>tail</N><M>1</M>")),
    "invalid-typed-value": (
        "Base",
        _base('<A>a</A><N i:type="x:int">notanint</N><M>1</M>', f" {XS}"),
    ),
}

#: Mono keeps these; netcontract refuses them (documented choices)
REFUSED_HERE = {
    # .NET writes the referenced object out again at each z:Ref: refused, as outside
    # extension data on a contract that is not is_reference
    "references": (
        "Base",
        _base(
            '<A>a</A><N z:Id="i1"><X>1</X></N><O z:Ref="i1"/><M>1</M>',
            ' xmlns:z="http://schemas.microsoft.com/2003/10/Serialization/"',
        ),
    ),
    # .NET keeps a known member out of order as extension data and reads the member as its
    # default: netcontract keeps refusing it (the typed value would silently be lost)
    "out-of-order": ("Base", _base("<M>1</M><A>a</A>")),
    "twice": ("Base", _base("<A>a</A><A>b</A><M>1</M>")),
    # i:nil="true" with content: .NET drops the content
    "nil-with-content": ("Base", _base('<A>a</A><N i:nil="true"><X>1</X></N><M>1</M>')),
}

#: Mono writes these otherwise: it drops what followed a member left out, netcontract's parser
#: drops comments, and lxml does not tell where an xmlns declaration stood among the
#: attributes (netcontract writes them first)
DIFFERS = {
    # Mono drops the unknown members that followed a member EmitDefaultValue=false leaves out
    # (its WriteExtensionData is inside the member's "if written"): netcontract writes them
    "after-a-member-left-out": (
        "Quiet",
        f"<Quiet {NS} {XSI}><A>a</A><B>b</B><M>0</M><N>n</N><Z>z</Z><Y>y</Y></Quiet>",
        "<A>a</A><B>b</B><N>n</N><Z>z</Z><Y>y</Y>",
    ),
    "comment-in-xml": (
        "Base",
        _base('<A>a</A><N foo="bar"><X><!-- c --><Y>2</Y></X></N><M>1</M>'),
        '<N foo="bar"><X><Y>2</Y></X></N>',
    ),
    "declaration-after-attribute": (
        "Base",
        _base('<A>a</A><N p:foo="bar" xmlns:p="urn:p"/><M>1</M>'),
        '<N xmlns:p="urn:p" p:foo="bar" />',
    ),
}

MODELS = {
    "Base": Base,
    "Derived": Derived,
    "Holder": Holder,
    "Plain": Plain,
    "Quiet": Quiet,
    "Ent": Ent,
}


@pytest.fixture(scope="module")
def twin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    if not mono_available():
        pytest.skip(MONO_MISSING_REASON)
    yield compile_program("ExtensionData", tmp_path_factory.mktemp("extension-data"))


def _batch(twin: Path, mode: str, cases: dict[str, tuple[str, str]]) -> dict[str, list[str]]:
    """Mono's answers, by case: the documents written back, or ``["EXC", message]``."""
    request = "".join(
        f"{type_name} {base64.b64encode(doc.encode()).decode()}\n"
        for type_name, doc in cases.values()
    )
    lines = run_program(twin, mode, stdin=request.encode()).decode().splitlines()
    answers: dict[str, list[str]] = {}
    for name, line in zip(cases, lines, strict=True):
        head, *rest = line.split(" ")
        if head == "EXC":
            answers[name] = ["EXC", base64.b64decode(rest[0]).decode()]
        else:
            answers[name] = [base64.b64decode(part).decode() for part in (head, *rest)]
    return answers


@pytest.fixture(scope="module")
def mono_xml(twin: Path) -> dict[str, list[str]]:
    every = {**CASES, **REFUSED_HERE, **{k: v[:2] for k, v in DIFFERS.items()}}
    return _batch(twin, "xml", every)


@pytest.fixture(scope="module")
def v2(twin: Path) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for line in run_program(twin, "v2").decode().splitlines():
        name, b64 = line.split(" ")
        out[name] = base64.b64decode(b64)
    return out


def _ours(type_name: str, doc: str) -> list[str]:
    try:
        obj = nc.from_xml(doc.encode(), MODELS[type_name])
    except nc.PayloadError as exc:
        return ["EXC", str(exc)]
    return [nc.to_xml(obj).decode(), nc.to_xml(obj, indent=True).decode()]


@pytest.mark.parametrize("layout", ["holder", "holder-indented"])
def test_v2_document_read_into_v1_is_written_back_as_mono_writes_it(
    twin: Path, v2: dict[str, bytes], layout: str
) -> None:
    # Mono: V2's Holder (members added at each level, in a member and in a list, an object
    # member holding an xs:long) read by V1's classes and written again
    document = v2[layout].decode()
    mono = _batch(twin, "xml", {layout: ("Holder", document)})[layout]
    assert _ours("Holder", document) == mono
    back = nc.from_xml(v2[layout], Holder)
    assert isinstance(back.item, Derived)
    assert (back.item.a, back.item.c, back.item.p, back.name) == ("a", "c", 2, "n")
    assert back.item.extension_data  # B, Z, D and Q
    assert [m.name for m in back.item.extension_data.members] == ["B", "Z", "D", "Q"]


@pytest.mark.parametrize("case", sorted(CASES))
def test_unknown_members_are_written_back_as_mono_writes_them(
    mono_xml: dict[str, list[str]], case: str
) -> None:
    mono = mono_xml[case]
    ours = _ours(*CASES[case])
    if mono[0] == "EXC":
        assert ours[0] == "EXC", (mono, ours)
    else:
        assert ours == mono


@pytest.mark.parametrize("case", sorted(REFUSED_HERE))
def test_what_mono_keeps_but_netcontract_refuses(mono_xml: dict[str, list[str]], case: str) -> None:
    assert mono_xml[case][0] != "EXC"  # Mono keeps it
    assert _ours(*REFUSED_HERE[case])[0] == "EXC"


@pytest.mark.parametrize("case", sorted(DIFFERS))
def test_where_netcontract_keeps_xml_otherwise(mono_xml: dict[str, list[str]], case: str) -> None:
    type_name, doc, ours_kept = DIFFERS[case]
    compact = _ours(type_name, doc)[0]
    assert ours_kept in compact
    assert compact != mono_xml[case][0]


@pytest.mark.parametrize("case", sorted(TYPED_ROOTS))
def test_a_derived_value_with_unknown_members_written_as_a_root_of_its_base_type(
    twin: Path, case: str
) -> None:
    """Mono (``typed``): the documents of TYPED_ROOTS read by a DataContractSerializer of the
    base type knowing Derived and EntSub and written back by it are the bytes pinned there, and
    netcontract's with ``root_type``."""
    type_name, document, pinned = TYPED_ROOTS[case]
    request = f"{type_name} {base64.b64encode(document.encode()).decode()}\n".encode()
    (line,) = run_program(twin, "typed", stdin=request).decode().splitlines()
    assert [base64.b64decode(part).decode() for part in line.split(" ")] == list(pinned)
    known = [Derived, EntSub]
    obj = nc.from_xml(document.encode(), MODELS[type_name], known_types=known)
    assert obj.extension_data
    ours = [
        nc.to_xml(obj, root_type=MODELS[type_name], known_types=known, **options).decode()  # type: ignore[arg-type]
        for options in ({}, {"indent": True}, {"layout": "stream"})
    ]
    assert ours == list(pinned)


def test_jsonnet_ignores_extension_data_as_json_net_does(twin: Path, v2: dict[str, bytes]) -> None:
    # Mono: Json.NET reads an IExtensibleDataObject class without keeping the unknown members
    # and writes only the DataMembers; netcontract's to_json leaves extension_data out
    document = v2["holder-jsonnet"].decode()
    mono = _batch(twin, "jsonnet", {"h": ("Holder", document)})["h"][0]
    assert nc.to_json(nc.from_json(document, Holder)) == mono.encode()
    # and an object holding extension data read from XML writes its DataMembers only
    from_xml = nc.from_xml(v2["holder"], Holder)
    assert from_xml.extension_data
    written = json.loads(nc.to_json(from_xml))
    assert set(written) == {"Item", "Items", "Name"}
    assert set(written["Item"]) == {"A", "M", "C", "P"}


#: WCF JSON documents: DataContractJsonSerializer keeps unknown members too
WCF_CASES: dict[str, tuple[str, str]] = {
    "positions": (
        "Base",
        '{"A0":"x","A":"a","B":{"X":1,"Y":[1,"s",null]},"M":1,"Z":null,"T":1.50,"F":1e5}',
    ),
    "members-out-of-order": ("Base", '{"M":1,"X":1,"A":"a","Y":2}'),
    "derived-levels": ("Derived", '{"A":"a","B":1,"M":1,"BB":2,"C":"c","P":2,"Q":"q"}'),
    "type-hints": (
        "Base",
        '{"A":"a","N":{"__type":"Plain:#ExtData","A":"q"},"O":{"__type":"Unk:#Y","A":"q"},"M":1}',
    ),
    "strings-and-literals": ("Base", '{"A":"a","N":"\\/Date(0)\\/","T":true,"U":"\\u00e9/","M":1}'),
    "holder": (
        "Holder",
        '{"Item":{"A":"a","U":"u","M":1,"V":"v"},"Items":[{"A":"x","W":"w"},null],'
        '"Mid":"m","Name":"n","End":"e"}',
    ),
}


def _ours_wcf(type_name: str, doc: str) -> str:
    try:
        return nc.to_wcf_json(nc.from_wcf_json(doc, MODELS[type_name])).decode()
    except nc.PayloadError as exc:
        return f"EXC {exc}"


def test_wcf_json_keeps_unknown_members_as_mono_does(twin: Path, v2: dict[str, bytes]) -> None:
    # Mono: DataContractJsonSerializer honours IExtensibleDataObject: the unknown members are
    # written back after the member read before each (in document order)
    cases = {**WCF_CASES, "v2": ("Holder", v2["holder-wcf"].decode())}
    mono = _batch(twin, "wcf", cases)
    for case, (type_name, doc) in cases.items():
        assert mono[case][0] != "EXC", case
        assert _ours_wcf(type_name, doc) == mono[case][0], case


def test_wcf_json_keeps_what_follows_a_member_left_out(twin: Path) -> None:
    # Mono: {"A":"a","B":"b","Z":"z"}: N, which followed M (left out at 0), is lost
    doc = '{"A":"a","B":"b","M":0,"N":"n","Z":"z"}'
    mono = _batch(twin, "wcf", {"q": ("Quiet", doc)})["q"][0]
    assert mono == '{"A":"a","B":"b","Z":"z"}'
    assert _ours_wcf("Quiet", doc) == '{"A":"a","B":"b","N":"n","Z":"z"}'


def test_extension_data_is_written_back_in_its_own_format_only(v2: dict[str, bytes]) -> None:
    from_wcf = nc.from_wcf_json(v2["holder-wcf"], Holder)
    with pytest.raises(nc.SerializationError, match="read from wcf_json cannot be written as XML"):
        nc.to_xml(from_wcf)
    from_xml = nc.from_xml(v2["holder"], Holder)
    with pytest.raises(nc.SerializationError, match="read from xml cannot be written as WCF"):
        nc.to_wcf_json(from_xml)
