"""``nc.XmlQualifiedName`` (System.Xml.XmlQualifiedName) against Mono: DataContractSerializer,
Json.NET 6.0.8, WCF's DataContractJsonSerializer and XsdDataContractExporter.

``dotnet/QNameProbe.cs`` holds the C# twins of the contracts below; one Mono process per test
answers a batch of requests:

- documents netcontract writes (explicit edge values and values drawn by
  ``netcontract.strategies``) are read by DataContractSerializer and written back: every byte
  equals netcontract's, XML compact and indented (the ``q:`` member prefix, ``d2p1``/``d3p1``
  declarations, a prefix already in scope reused, ``xmlns=""`` for no namespace, the empty
  name), Json.NET compact and indented, WCF JSON; netcontract reads Mono's XML back to the same
  value;
- hand-written documents: where Mono reads a value netcontract reads the same one; where
  netcontract refuses, Mono reads something it could not write back (pinned below);
- WCF JSON and Json.NET reading, the refusals on writing, and the XSD export (byte for byte).
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, Phase, given, seed, settings

import netcontract as nc
from netcontract import XmlQualifiedName as QName
from netcontract.errors import NetContractError
from netcontract.strategies import for_type
from netcontract.xsd.export import export_schemas

from ._csharp import compile_program, run_program
from ._mono import mono_available, mono_unavailable_reason

pytestmark = pytest.mark.interop

NS = "http://netcontract/qname"
XS = "http://www.w3.org/2001/XMLSchema"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SER = "http://schemas.microsoft.com/2003/10/Serialization/"
ARR = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
XML_NS = "http://www.w3.org/XML/1998/namespace"


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


@nc.contract(xml_namespace="http://netcontract/qbase")
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
    L: list[QName | None] | None = None


@nc.contract(xml_namespace="")
@attrs.define
class NoNsO:
    O: object = None  # noqa: E741 - the .NET member's name


def _b(text: str | None) -> str:
    return "-" if text is None else base64.b64encode(text.encode("utf-8")).decode("ascii")


def _d(field: str) -> bytes:
    return base64.b64decode(field)


@pytest.fixture(scope="module")
def probe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not mono_available():
        pytest.skip(mono_unavailable_reason())
    return compile_program("QNameProbe", tmp_path_factory.mktemp("qname"))


def ask(exe: Path, lines: list[str]) -> list[list[str]]:
    out = run_program(exe, stdin=("\n".join(lines) + "\n").encode("ascii"))
    answers = [line.split(" ") for line in out.decode("ascii").splitlines()]
    assert len(answers) == len(lines)
    return answers


#: namespaces where the prefix .NET picks differs, and texts an attribute escapes
NAMESPACES = [
    "",
    NS,
    "http://netcontract/qbase",
    "urn:other",
    "urn:x",
    XS,
    XSI,
    SER,
    ARR,
    XML_NS,
    "http://www.w3.org/2000/xmlns/",
    "urn:a&b'c",
    "urn:x%41",
]
#: namespaces .NET writes (escaped) that libxml2 refuses to read in a declaration: refused
UNREADABLE_NAMESPACES = ['urn:a<b>"c', "urn:tab\there", "urn:\u00e9t\u00e9", " ", "%"]
NAMES = ["a", "name", "_x", "a.b-c_d", "\u00e9", "x\u00b79", "\u4e00\u4e8c"]


def _edge_values() -> list[Any]:
    qnames = [QName(n, ns) for ns in NAMESPACES for n in NAMES[:2]] + [QName.EMPTY]
    qnames += [QName(n, "urn:x") for n in NAMES]
    values: list[Any] = [QH(q) for q in qnames] + [QH(None)]
    values += [LH([*qnames, None]), LH([]), LH(None)]
    # an object member: not the empty namespace (refused: test_refusals_are_monos)
    values += [OH(q) for q in qnames if q.namespace or q.is_empty]
    values += [
        QD(BQ=QName("a", b), DQ=QName("b", d)) for b in NAMESPACES[:5] for d in NAMESPACES[:5]
    ]
    values += [
        Outer(Inner(QName("a", i), QName("b", j)), QName("z", z))
        for i in NAMESPACES[:6]
        for j in ("urn:other", "urn:y", "")
        for z in ("urn:other", "")
    ]
    values += [NoNs(QName("a", ns), [QName("b", ns)]) for ns in NAMESPACES[:6]]
    return values


def _drawn(count: int) -> list[Any]:
    drawn: list[Any] = []

    @seed(14)
    @settings(
        max_examples=count,
        database=None,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(for_type(LH))
    def collect(value: Any) -> None:
        drawn.append(value)

    collect()
    return drawn


def _type_name(value: Any) -> str:
    return type(value).__name__


def test_what_netcontract_writes_mono_reads_and_writes_back_byte_for_byte(probe: Path) -> None:
    edges = _edge_values()
    values = edges + _drawn(150)
    lines = [f"x {_type_name(v)} {base64.b64encode(nc.to_xml(v)).decode()}" for v in values]
    for index, (value, answer) in enumerate(zip(values, ask(probe, lines), strict=True)):
        assert answer[0] == "ok", (value, _d(answer[1]).decode())
        dcs, dcs_indent, json, json_indent, wcf = (_d(a) for a in answer[1:])
        # the expected bytes are Mono's
        assert nc.to_xml(value) == dcs, value
        assert nc.to_xml(value, indent=True) == dcs_indent, value
        assert nc.to_json(value) == json, value
        assert nc.to_json(value, indent=True) == json_indent, value
        assert nc.to_wcf_json(value) == wcf, value
        assert nc.from_xml(dcs, type(value)) == value
        assert nc.from_xml(dcs_indent, type(value)) == value
        if index < len(edges):  # what Mono writes validates against the exported schemas
            assert nc.validate_xml(dcs, type(value)) == value
        if not isinstance(value, OH):
            # an object member is read back as a JObject (Json.NET) or a string (WCF JSON)
            assert nc.from_json(json, type(value)) == value
            assert nc.from_wcf_json(wcf, type(value)) == value


def test_a_collection_document_is_monos(probe: Path) -> None:
    # List<XmlQualifiedName> at the root: ArrayOfQName, written and read item by item
    import io

    items = [QName("a", "urn:x"), QName("b", ""), QName.EMPTY, QName("c", ARR), None]
    buf = io.BytesIO()
    nc.write_xml_items(buf, items, QName)
    answer = ask(probe, [f"x ListQ {base64.b64encode(buf.getvalue()).decode()}"])[0]
    assert answer[0] == "ok"
    assert _d(answer[1]) == buf.getvalue()  # Mono's bytes
    assert list(nc.iter_xml(io.BytesIO(_d(answer[2])), QName)) == items


ROOT = f'<QH xmlns="{NS}" xmlns:i="{XSI}">'

#: hand-written documents: (member element, what Mono reads (name, namespace), or None where
#: Mono reads a name its writer then refuses (XmlConvert.VerifyNCName), and whether netcontract
#: reads it (to the same value) or refuses it
READ_CASES: list[tuple[str, tuple[str, str] | None, bool]] = [
    ('<Q xmlns:p="urn:x">p:nm</Q>', ("nm", "urn:x"), True),
    ("<Q>nm</Q>", ("nm", NS), True),  # no prefix: the default namespace
    ("<Q></Q>", ("", ""), True),
    ("<Q />", ("", ""), True),
    ("<Q>i:x</Q>", ("x", XSI), True),
    ("<Q>xml:x</Q>", ("x", XML_NS), True),
    # refused: Mono guesses the namespace, or reads a name it cannot write back
    ("<Q>u:nm</Q>", ("nm", ""), False),  # an undeclared prefix: the empty namespace
    ("<Q>:a</Q>", ("a", NS), False),
    ("<Q>a:</Q>", ("", ""), False),
    ("<Q> nm </Q>", None, False),  # (" nm ", NS): white space kept in the name
    ('<Q xmlns:p="urn:x"> p:nm </Q>', None, False),  # ("nm ", "")
    ('<Q xmlns:p="urn:x">p:nm </Q>', None, False),  # ("nm ", "urn:x")
    ('<Q xmlns:p="urn:x">p:</Q>', None, False),  # ("", "urn:x")
    ("<Q>1a</Q>", None, False),
    ("<Q>n m</Q>", None, False),
    ('<Q xmlns:a="urn:a">a:b:c</Q>', None, False),  # ("b:c", "urn:a")
]


def test_reading_hand_written_documents_as_mono_reads_them(probe: Path) -> None:
    docs = [f"{ROOT}{member}</QH>".encode() for member, _, _ in READ_CASES]
    lines = [f"x QH {base64.b64encode(doc).decode()}" for doc in docs]
    for (member, mono, read), doc, answer in zip(READ_CASES, docs, ask(probe, lines), strict=True):
        if mono is None:
            assert answer[0] == "err", member
            assert "ArgumentException" in _d(answer[1]).decode(), member  # VerifyNCName
        else:
            assert answer[0] == "ok", member
            assert _json_qname(_d(answer[3])) == mono, member
        if read:
            assert mono is not None
            assert nc.from_xml(doc, QH) == QH(QName(*mono)), member
        else:
            with pytest.raises(NetContractError, match=r"^Q: "):
                nc.from_xml(doc, QH)


def _json_qname(json: bytes) -> tuple[str, str] | None:
    import json as _json

    q = _json.loads(json)["Q"]
    return None if q is None else (q["Name"], q["Namespace"])


#: WCF JSON documents: (JSON text of Q, what Mono reads (None: a null; "unwritable": a name
#: Mono's writer then refuses), whether netcontract reads it too)
WCF_CASES: list[tuple[str, tuple[str, str] | str | None, bool]] = [
    ('"a:urn:x"', ("a", "urn:x"), True),
    ('"a"', ("a", ""), True),
    ('"a:"', ("a", ""), True),
    ('""', ("", ""), True),
    ("null", None, True),
    ('"a:http:\\/\\/x:y"', ("a", "http://x:y"), True),
    ('":x"', "unwritable", False),  # ("", "x"): an empty name with a namespace
    ('"a b:x"', "unwritable", False),  # ("a b", "x")
]


def test_reading_wcf_json_as_mono_reads_it(probe: Path) -> None:
    docs = [f'{{"Q":{text}}}' for text, _, _ in WCF_CASES]
    lines = [f"w QH {_b(doc)}" for doc in docs]
    for (text, mono, read), doc, answer in zip(WCF_CASES, docs, ask(probe, lines), strict=True):
        if mono == "unwritable":
            assert answer[0] == "err", text
        else:
            assert answer[0] == "ok", text
            assert _json_qname(_d(answer[3])) == mono, text
        if read:
            want = QH(None if mono is None else QName(*mono))
            assert nc.from_wcf_json(doc, QH) == want
        else:
            with pytest.raises(NetContractError, match=r"^Q: "):
                nc.from_wcf_json(doc, QH)
    # an object (Json.NET's form) is refused by both
    doc = '{"Q":{"Name":"a","Namespace":""}}'
    assert ask(probe, [f"w QH {_b(doc)}"])[0][0] == "err"
    with pytest.raises(NetContractError, match=r"^Q: "):
        nc.from_wcf_json(doc, QH)


def test_json_net_reads_its_object_back_as_the_empty_name(probe: Path) -> None:
    # Json.NET writes Namespace, Name and IsEmpty but, XmlQualifiedName having no setters,
    # reads any object back as XmlQualifiedName.Empty; netcontract keeps the name instead
    # (README, "Behaviours chosen where .NET is lossy"), and refuses a string as Json.NET does
    doc = '{"Q":{"Namespace":"urn:x","Name":"a","IsEmpty":false}}'
    string = '{"Q":"a"}'
    answers = ask(probe, [f"j QH {_b(doc)}", f"j QH {_b(string)}"])
    assert answers[0][0] == "ok"
    assert _json_qname(_d(answers[0][3])) == ("", "")
    assert nc.from_json(doc, QH) == QH(QName("a", "urn:x"))
    assert answers[1][0] == "err"
    with pytest.raises(NetContractError, match=r"^Q: "):
        nc.from_json('{"Q":"a"}', QH)


@pytest.mark.falls_back  # non-default JsonSettings: the reference writer writes them
def test_json_settings_as_json_net_applies_them(probe: Path) -> None:
    # XmlQualifiedName is an object contract to Json.NET: the camel-casing resolver renames
    # its members, DefaultValueHandling.Ignore leaves IsEmpty out when false
    from netcontract.json.settings import JsonSettings

    camel = JsonSettings(contract_resolver="CamelCase")
    ignore = JsonSettings(default_value_handling="Ignore")
    values = [QName("a", "urn:x"), QName("a", ""), QName.EMPTY]
    answers = ask(probe, [f"js {_b(q.name)} {_b(q.namespace)}" for q in values])
    for q, answer in zip(values, answers, strict=True):
        assert answer[0] == "ok"
        assert nc.to_json(QH(q), settings=camel) == _d(answer[1])
        assert nc.to_json(QH(q), settings=ignore) == _d(answer[2])
        assert nc.from_json(_d(answer[1]), QH, settings=camel) == QH(q)
        assert nc.from_json(_d(answer[2]), QH, settings=ignore) == QH(q)


def test_refusals_are_monos(probe: Path) -> None:
    # names that are no NCName: XmlQualifiedName refuses them, Mono's writer throws
    bad_names = ["a:b", "n m", "1a", "", "-a", "a\U00010000"]
    lines = [f"q {_b(name)} {_b('urn:x')}" for name in bad_names]
    # the empty namespace in an object member: Mono throws, netcontract refuses it
    lines.append(f"q {_b('a')} {_b('')}")
    answers = ask(probe, lines)
    for name, answer in zip(bad_names, answers, strict=False):
        assert answer[0] == "err", name
        with pytest.raises(ValueError):
            QName(name, "urn:x")
    assert answers[-1][0] == "ok" and answers[-1][2] == "err"
    assert "cannot be redefined" in _d(answers[-1][3]).decode()
    with pytest.raises(nc.SerializationError, match=r"^O: an XmlQualifiedName in no namespace"):
        nc.to_xml(OH(QName("a", "")))


#: an object member of a contract in no namespace holding an XmlQualifiedName: Mono's bytes
#: (pinned by tests/netcontract/xml/test_write_rules.py); the empty namespace is the default
#: there, so a name in no namespace is written, declaring xmlns="" again (refused in a namespace)
NO_NAMESPACE_OBJECT: dict[tuple[str, str], bytes] = {
    ("a", ""): (
        b'<NoNsO xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><O xmlns:d2p1='
        b'"http://www.w3.org/2001/XMLSchema" i:type="d2p1:QName" xmlns="">a</O></NoNsO>'
    ),
    ("a", "urn:x"): (
        b'<NoNsO xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><O xmlns:d2p1='
        b'"http://www.w3.org/2001/XMLSchema" i:type="d2p1:QName" xmlns:d2p2="urn:x">d2p2:a</O>'
        b"</NoNsO>"
    ),
}


def test_an_object_member_in_no_namespace_is_monos(probe: Path) -> None:
    answers = ask(probe, [f"qn {_b(name)} {_b(ns)}" for name, ns in NO_NAMESPACE_OBJECT])
    for (name, ns), answer in zip(NO_NAMESPACE_OBJECT, answers, strict=True):
        assert answer[0] == "ok", _d(answer[1])
        assert _d(answer[1]) == NO_NAMESPACE_OBJECT[name, ns]
        assert nc.to_xml(NoNsO(QName(name, ns))) == NO_NAMESPACE_OBJECT[name, ns]
        assert nc.from_xml(NO_NAMESPACE_OBJECT[name, ns], NoNsO) == NoNsO(QName(name, ns))


def test_namespaces_the_parser_cannot_read_back_are_refused(probe: Path) -> None:
    # Mono writes them (escaped in the declaration); lxml (libxml2) refuses such a URI when
    # reading, so netcontract refuses to write what it could not read back
    answers = ask(probe, [f"q {_b('a')} {_b(ns)}" for ns in UNREADABLE_NAMESPACES])
    for ns, answer in zip(UNREADABLE_NAMESPACES, answers, strict=True):
        assert answer[0] == "ok", ns
        with pytest.raises(nc.SerializationError, match=r"^Q: the namespace .* is not a URI"):
            nc.to_xml(QH(QName("a", ns)))
        with pytest.raises(NetContractError):
            nc.from_xml(_d(answer[1]), QH)


@pytest.mark.parametrize("cls", [QH, LH, QD, Outer, NoNs])
def test_xsd_export_is_monos(probe: Path, cls: type) -> None:
    answer = ask(probe, [f"s {cls.__name__} -"])[0]
    assert answer[0] == "ok"
    mono = {_d(answer[i]).decode(): _d(answer[i + 1]).decode() for i in range(1, len(answer), 2)}
    mono.pop(XS)  # Mono's stub of the XML Schema namespace (test_xsd_interop.py)
    assert export_schemas(cls) == mono
