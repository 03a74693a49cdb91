"""``to_xml(obj, layout="stream")`` against Mono's ``DataContractSerializer.WriteObject(Stream)``.

One compiled C# program (``dotnet/StreamLayout.cs``), fed every case in one batch: it reads
netcontract's "writer" bytes of an object with DataContractSerializer and writes the object
again with ``WriteObject(Stream)``; those bytes must be netcontract's "stream" bytes, and
netcontract must read them back into the object. Mono also reads netcontract's stream bytes
(``XmlDictionaryReader``) and writes them through ``XmlWriter.Create``: netcontract's writer
bytes, so .NET reads what the stream layout writes.

Cases: every edge twin (tests/interop/test_edge_contracts.py), hypothesis-drawn Vehizen
documents (test_conformance.py's generator), is_reference graphs (References.cs), extension
data written back (ExtensionData.cs), root overrides, XmlQualifiedName values (QNameProbe.cs),
collection contracts (CollectionContracts.cs) and generic contracts (Generic.cs: also a
collection contract of a closed generic, a generic over it, a QName inside a generic), the
expected bytes being Mono's.
"""

from __future__ import annotations

import base64
import io
import os
import random
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import pytest

import netcontract as nc
from netcontract import XmlQualifiedName as QName
from netcontract.model.plan import contract_info
from vehizen import VehicleLightDto

from . import generic_models
from . import test_conformance as conformance
from . import test_edge_contracts as edge
from . import test_qname_interop as qi
from ._csharp import run_program
from ._mono import DOTNET_DIR, MONO_MISSING_REASON, TwinError, find_newtonsoft, mono_available
from .collection_models import samples as collection_samples
from .edge_models import DRIVER_KNOWN_TYPES, Animal, Texts
from .extension_models import Base
from .reference_models import H2, Node, Sub, cycle, shared_holder
from .test_conformance import as_dotnet_holds, generate
from .test_extension_data_interop import CASES as EXTENSION_CASES
from .test_extension_data_interop import MODELS as EXTENSION_MODELS

pytestmark = [pytest.mark.interop, pytest.mark.falls_back]

#: hypothesis-drawn Vehizen documents per run (the seed changes each run and is printed)
DOCS: Final = int(os.environ.get("NETCONTRACT_STREAM_LAYOUT_DOCS", "300"))
SEED: Final = random.SystemRandom().randrange(2**32)

SOURCES: Final = (
    "Contracts.cs",
    "EdgeContracts.cs",
    "References.cs",
    "ExtensionData.cs",
    "QNameProbe.cs",
    "CollectionContracts.cs",
    "Generic.cs",
)


@pytest.fixture(scope="module")
def exe(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    if not mono_available():
        pytest.skip(MONO_MISSING_REASON)
    build = tmp_path_factory.mktemp("stream-layout")
    newtonsoft = find_newtonsoft()
    assert newtonsoft is not None
    out = build / "StreamLayout.exe"
    done = subprocess.run(
        [
            "mcs",
            "-nologo",
            "-main:StreamLayout",
            f"-out:{out}",
            "-r:System.Runtime.Serialization",
            "-r:System.Xml",
            f"-r:{newtonsoft}",
            *(str(DOTNET_DIR / s) for s in (*SOURCES, "StreamLayout.cs")),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise TwinError(f"mcs failed:\n{done.stdout}\n{done.stderr}")
    (build / "Newtonsoft.Json.dll").write_bytes(newtonsoft.read_bytes())
    yield out


def _qname_cases() -> list[Case]:
    """XmlQualifiedName values (QNameProbe.cs twins): the q: member prefix, a shadowed
    prefix, xmlns="", predefined prefixes, the empty name, in an object member and a list."""
    ns, arr = qi.NS, qi.ARR
    objs = {
        "other": qi.QH(Q=QName("n", "urn:o")),
        "own": qi.QH(Q=QName("n", ns)),
        "empty": qi.QH(Q=QName("", "")),
        "xs": qi.QH(Q=QName("n", qi.XS)),
        "xsi": qi.QH(Q=QName("n", qi.XSI)),
        "ser": qi.QH(Q=QName("n", qi.SER)),
        "xml": qi.QH(Q=QName("n", qi.XML_NS)),
        "no-ns": qi.QH(Q=QName("n", "")),
        "escaped": qi.QH(Q=QName("n", "urn:a&b'c")),
        "list": qi.LH(L=[QName("a", "urn:o"), None, QName("c", ns), QName("d", arr)]),
        "list-empties": qi.LH(L=[QName("", ""), QName("b", "")]),
        "object": qi.OH(O=QName("a", "urn:o")),
        "object-own": qi.OH(O=QName("a", ns)),
        "object-empty": qi.OH(O=QName("", "")),
        "derived": qi.QD(BQ=QName("a", "urn:o"), DQ=QName("b", "http://netcontract/qbase")),
        "nested": qi.Outer(In=qi.Inner(IQ=QName("a", "urn:other"), JQ=QName("b", ns))),
        "nested-shadowed": qi.Outer(
            In=qi.Inner(IQ=QName("a", "urn:o"), JQ=QName("b", "urn:o")), Z=QName("z", "urn:o")
        ),
        "no-namespace": qi.NoNs(Q=QName("a", "urn:o"), L=[QName("b", ""), QName("c", "urn:o")]),
        "no-namespace-default": qi.NoNs(Q=QName("a", ""), L=[QName("", ""), QName("x", arr)]),
    }
    return [(f"qname-{k}", v, None) for k, v in objs.items()]


def _collection_cases() -> list[Case]:
    """Collection contracts (CollectionContracts.cs twins): as members, in an object member,
    nested, with is_reference, and as the document."""
    return [(f"coll-{k}", v, None) for k, v in collection_samples().items()]


def clr_name(cls: Any) -> str:
    """The twin's CLR full name: the namespace's last segment and the contract name."""
    if cls.__module__ == qi.__name__:
        return f"QNameProbe.{cls.__name__}"
    if cls.__module__ == collection_samples.__module__:
        return f"Coll.{cls.__name__}"
    if cls.__module__ == generic_models.__name__:
        return f"GI.{cls.__name__}"
    if cls in EXTENSION_MODELS.values():
        return f"Ext.V1.{cls.__name__}"
    if cls is H2:
        return "R.H2"
    info = contract_info(cls)
    name = info.name.split("Of", 1)[0] if info.name.startswith("ResponseDto") else info.name
    return f"{info.namespace.rsplit('/', 1)[-1]}.{name}"


#: (case id, object, (root name, root namespace) or None)
Case = tuple[str, Any, tuple[str, str] | None]


def _h2() -> H2:
    sub = Sub(name="s", extra=3)
    n2 = Node(name="n2")
    return H2(a=sub, b=sub, o=n2, o2=n2)


def cases() -> list[Case]:
    out: list[Case] = [(f"edge-{c.id}", c.obj, None) for c in edge.CASES]
    out += [
        ("ref-holder", shared_holder(), None),
        ("ref-cycle", cycle(), None),
        ("ref-h2", _h2(), None),
        ("ref-cycle-root-other-ns", cycle(), ("Graph", "urn:g")),
        ("ref-cycle-root-no-ns", cycle(), ("Graph", "")),
    ]
    for name, (type_name, doc) in EXTENSION_CASES.items():
        try:
            obj = nc.from_xml(doc.encode(), EXTENSION_MODELS[type_name])
        except nc.PayloadError:
            continue  # refused by both (test_extension_data_interop.py)
        out.append((f"ext-{name}", obj, None))
    roots = [("Root", "urn:r"), ("Root", ""), ("Other", None)]
    for case in edge.CASES[:: max(1, len(edge.CASES) // 12)]:
        for root_name, root_ns in roots:
            ns = contract_info(type(case.obj)).namespace if root_ns is None else root_ns
            out.append((f"root-{case.id}-{root_name}-{ns}", case.obj, (root_name, ns)))
    out.append(("root-no-namespace", Base(a="x", m=1), ("Root", "")))
    out += _qname_cases() + _collection_cases()
    # generic contracts (Generic.cs): closed generics, a collection contract of them, a
    # generic over it and a QName inside one
    out += [
        ("generic-holder", generic_models.holder(), None),
        ("generic-special", generic_models.Special(ok=True, extra=4), None),
        ("generic-garage", generic_models.garage(), None),
    ]
    for index, doc in enumerate(generate(DOCS, SEED)):
        out.append((f"drawn-{index}-{doc.twin}", as_dotnet_holds(doc.value), None))
    return out


_MONO_BARE: Final = re.compile(
    rb'<([\w:]+) i:type="(\w+):anyType" xmlns:\2="http://www\.w3\.org/2001/XMLSchema"/>'
)


def undo_mono_bare_object(output: bytes | str) -> bytes | str:
    """Mono writes ``new object()`` as ``<Data i:type="a:anyType" xmlns:a="…XMLSchema"/>``;
    .NET and netcontract write ``<Data/>`` (test_conformance.py: undo_mono_bare_object)."""
    return _MONO_BARE.sub(rb"<\1/>", output) if isinstance(output, bytes) else output


def _root_kwargs(root: tuple[str, str] | None) -> dict[str, str]:
    return {} if root is None else {"root_name": root[0], "root_namespace": root[1]}


def _ask(exe: Path, requests: list[tuple[str, str, str, bytes]]) -> list[bytes | str]:
    lines = "".join(
        f"{t} {n or '-'} {ns or '-'} {base64.b64encode(data).decode()}\n"
        for t, n, ns, data in requests
    )
    answers = run_program(exe, stdin=lines.encode(), timeout=300).decode().splitlines()
    assert len(answers) == len(requests)
    out: list[bytes | str] = []
    for line in answers:
        head, payload = line.split(" ")
        raw = base64.b64decode(payload)
        out.append(raw if head == "OK" else "EXC " + raw.decode())
    return out


@pytest.fixture(scope="module")
def answers(exe: Path) -> dict[str, tuple[Case, bytes, bytes | str, bytes | str]]:
    """By case id: (case, netcontract's writer bytes, Mono's stream bytes, Mono's writer
    bytes after reading netcontract's stream bytes)."""
    print(f"stream layout: {DOCS} drawn documents, seed {SEED}")
    written: list[tuple[Case, bytes, bytes]] = []
    for case in cases():
        _, obj, root = case
        try:
            writer = nc.to_xml(obj, **_root_kwargs(root))
        except nc.SerializationError:
            continue  # refused in both layouts (checked below) and by .NET (other modules)
        written.append((case, writer, nc.to_xml(obj, layout="stream", **_root_kwargs(root))))
    requests = []
    for (_, obj, root), writer, stream in written:
        name = clr_name(type(obj))
        root_name, root_ns = root if root is not None else (None, None)
        requests.append((name, root_name or "", root_ns or "", writer))
        requests.append((name, "!stream-read", "", stream))
    got = _ask(exe, [(t, n, ns, d) for t, n, ns, d in requests])
    out = {}
    for index, (case, writer, _) in enumerate(written):
        out[case[0]] = (case, writer, undo_mono_bare_object(got[2 * index]), got[2 * index + 1])
    return out


def test_every_kind_of_case_reached_mono(answers: dict[str, Any]) -> None:
    kinds = {case_id.split("-", 1)[0] for case_id in answers}
    assert kinds == {"edge", "ref", "ext", "root", "drawn", "qname", "coll", "generic"}
    assert len(answers) > 150


def test_stream_bytes_are_monos_write_object_stream_bytes(answers: dict[str, Any]) -> None:
    """Mono's WriteObject(Stream) of the object it read == to_xml(obj, layout="stream")."""
    wrong = []
    for case_id, ((_, obj, root), _, mono, _) in answers.items():
        ours = nc.to_xml(obj, layout="stream", **_root_kwargs(root))
        if ours != mono:
            pairs = enumerate(zip(ours, mono, strict=False))
            at = next((i for i, (a, b) in pairs if a != b), len(ours))
            wrong.append(
                f"{case_id} at {at}:\n  mono: {mono[max(0, at - 150) : at + 150]!r}"
                f"\n  ours: {ours[max(0, at - 150) : at + 150]!r}"
            )
    assert not wrong, f"{len(wrong)} differ:\n" + "\n".join(wrong[:5])


#: Mono's stream writer drops the white space that begins a kept text (extension data)
MONO_DROPS_LEADING_SPACE: Final = {"ext-text"}
#: netcontract writes the declarations of a kept element first in the writer layout (lxml does
#: not tell where they stood); Mono keeps them where the stream document put them (last)
DECLARATIONS_MOVED: Final = {"ext-attributes-white-space-dropped"}


def test_netcontract_reads_monos_stream_bytes(answers: dict[str, Any]) -> None:
    """from_xml(Mono's stream bytes) is the object: written again, netcontract's writer bytes."""
    wrong = []
    for case_id, ((_, obj, root), writer, mono, _) in answers.items():
        assert isinstance(mono, bytes), (case_id, mono)
        back = nc.from_xml(mono, type(obj), **_root_kwargs(root))
        if case_id in MONO_DROPS_LEADING_SPACE:
            # what Mono wrote is what it holds now: written again, the same stream bytes
            assert nc.to_xml(back, layout="stream", **_root_kwargs(root)) == mono
            assert nc.to_xml(back, **_root_kwargs(root)) != writer
        elif nc.to_xml(back, **_root_kwargs(root)) != writer:
            wrong.append(case_id)
    assert not wrong


def test_mono_reads_netcontract_stream_bytes(answers: dict[str, Any]) -> None:
    """Mono reads to_xml(obj, layout="stream") (XmlDictionaryReader) into the same object."""
    wrong = []
    for case_id, ((_, _, root), writer, _, mono_writer) in answers.items():
        if root is not None or case_id in MONO_DROPS_LEADING_SPACE | DECLARATIONS_MOVED:
            continue  # the program reads stream documents with the contract's root only
        if conformance.undo_mono_bare_object(mono_writer) != writer:
            wrong.append(f"{case_id}: {mono_writer!r}")
    assert not wrong, "\n".join(wrong[:5])


@pytest.mark.parametrize(
    "obj",
    [
        # Mono's stream writer writes "&#x1;" (not XML 1.0: lxml refuses to read it, Mono's
        # XmlWriter to write it again) and a lone surrogate as U+FFFD (the text changes): both
        # refused, as in the writer layout
        Texts(plain="a\x01b"),
        Texts(plain="a\ud800b"),
        edge.Box(thing={"untyped": 1}),
    ],
    ids=["control-character", "lone-surrogate", "untyped-object"],
)
def test_refused_in_both_layouts(obj: Any) -> None:
    """What the writer layout refuses, the stream layout refuses with the same problems."""
    with pytest.raises(nc.SerializationError) as writer:
        nc.to_xml(obj)
    with pytest.raises(nc.SerializationError) as stream:
        nc.to_xml(obj, layout="stream")
    assert str(stream.value) == str(writer.value)


def _list_cases() -> list[tuple[str, Any, list[Any]]]:
    vehicles = [
        d.value
        for d in generate(20, SEED + 1)
        if type(d.value) is VehicleLightDto and _xml_writable(d.value)
    ]
    shared = Node(name="shared")
    return [
        ("vehicles", VehicleLightDto, [as_dotnet_holds(v) for v in vehicles] + [None]),
        ("animals-polymorphic", Animal, [_case_obj("animal"), PUPPY_DOG, None]),
        ("empty", Animal, []),
        ("references", Node, [shared, Node(name="other", next=shared), shared]),
        ("strings-in-no-contract", Texts, [_case_obj("text-empty")]),
    ]


def _xml_writable(value: Any) -> bool:
    """False for a drawn document holding an enum value without a name (JSON only: .NET's
    DataContractSerializer refuses it, test_conformance.py draws one document in five so)."""
    try:
        nc.to_xml(value)
    except nc.SerializationError:
        return False
    return True


def _case_obj(case_id: str) -> Any:
    return edge.CASES_BY_ID[case_id].obj


PUPPY_DOG: Final = edge.PUPPY


def _items_bytes(cls: Any, items: list[Any], layout: Any) -> bytes:
    out = io.BytesIO()
    # the driver's serializers know every twin type (Driver.cs's KnownTypes)
    nc.write_xml_items(out, items, cls, layout=layout, known_types=DRIVER_KNOWN_TYPES)
    return out.getvalue()


def test_write_xml_items_stream_layout_is_monos(exe: Path) -> None:
    """write_xml_items(..., layout="stream") == Mono's WriteObject(Stream) of the List<T> it
    read from write_xml_items' writer-layout bytes (shared is_reference items numbered once)."""
    cases = _list_cases()
    requests = [
        (f"List:{clr_name(cls)}", "", "", _items_bytes(cls, items, "writer"))
        for _, cls, items in cases
    ]
    got = _ask(exe, requests)
    for (case_id, cls, items), mono in zip(cases, got, strict=True):
        assert _items_bytes(cls, items, "stream") == mono, case_id


def _chain_source(depth: int) -> str:
    """C# for tests/netcontract/xml/test_stream_layout.py's chain: C0 (urn:n0) holding C1
    (urn:n1)... each in a namespace of its own, written with WriteObject(Stream)."""
    classes = []
    for i in range(depth):
        inner = f" [DataMember] public C{i + 1} M;" if i < depth - 1 else ""
        classes.append(
            f'[DataContract(Namespace = "urn:n{i}")] public class C{i} '
            f"{{ [DataMember] public int V;{inner} }}"
        )
    build = "var o = new C0(); " + " ".join(
        "o" + ".M" * i + f" = new C{i}();" for i in range(1, depth)
    )
    return (
        "using System; using System.IO; using System.Runtime.Serialization;\n"
        + "\n".join(classes)
        + "\npublic static class Chain { public static void Main() { "
        + build
        + " var s = Console.OpenStandardOutput();"
        + " new DataContractSerializer(typeof(C0)).WriteObject(s, o); s.Flush(); } }\n"
    )


def test_prefixes_after_z_are_monos(tmp_path: Path) -> None:
    """26 nested namespaces and more: Mono's letters, then d{depth}p0 (the chain pinned in
    tests/netcontract/xml/test_stream_layout.py)."""
    if not mono_available():
        pytest.skip(MONO_MISSING_REASON)
    from tests.netcontract.xml.test_stream_layout import CHAIN, DEPTH

    source = tmp_path / "Chain.cs"
    source.write_text(_chain_source(DEPTH))
    exe = tmp_path / "Chain.exe"
    subprocess.run(
        ["mcs", "-nologo", f"-out:{exe}", "-r:System.Runtime.Serialization", str(source)],
        check=True,
        capture_output=True,
    )
    assert nc.to_xml(CHAIN, layout="stream") == run_program(exe)


def test_a_shadowed_q_prefix_is_monos(tmp_path: Path) -> None:
    """A chain of 18 namespaces whose last member, declared XmlQualifiedName, binds q to its own
    namespace while its value's namespace had q: Mono makes up the next letter (the bytes
    tests/netcontract/xml/test_write_rules.py pins)."""
    if not mono_available():
        pytest.skip(MONO_MISSING_REASON)
    from tests.netcontract.xml.test_write_rules import QNAME_CHAIN, QNAME_CHAIN_DEPTH

    depth = QNAME_CHAIN_DEPTH
    classes = []
    for i in range(depth):
        inner = (
            f" [DataMember] public Q{i + 1} M;"
            if i < depth - 1
            else " [DataMember] public System.Xml.XmlQualifiedName Q;"
        )
        classes.append(
            f'[DataContract(Namespace = "urn:q{i}")] public class Q{i} '
            f"{{ [DataMember] public int V;{inner} }}"
        )
    build = "var o = new Q0(); " + " ".join(
        "o" + ".M" * i + f" = new Q{i}();" for i in range(1, depth)
    )
    build += " o" + ".M" * (depth - 1) + '.Q = new System.Xml.XmlQualifiedName("n", "urn:q16");'
    source = tmp_path / "QChain.cs"
    source.write_text(
        "using System; using System.IO; using System.Runtime.Serialization;\n"
        + "\n".join(classes)
        + "\npublic static class Chain { public static void Main() { "
        + build
        + " var s = Console.OpenStandardOutput();"
        + " new DataContractSerializer(typeof(Q0)).WriteObject(s, o); s.Flush(); } }\n"
    )
    exe = tmp_path / "QChain.exe"
    subprocess.run(
        [
            "mcs",
            "-nologo",
            f"-out:{exe}",
            "-r:System.Runtime.Serialization",
            "-r:System.Xml",
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    assert nc.to_xml(QNAME_CHAIN, layout="stream") == run_program(exe)


@nc.contract(xml_namespace="urn:stream-x")
class StreamOther:
    A: str | None = None


@nc.collection_contract(name="StreamRL", xml_namespace="urn:stream-n", is_reference=True)
class StreamRL(list[StreamOther | None]):
    """An is_reference collection contract whose items are in another namespace."""


@nc.collection_contract(name="StreamNL", xml_namespace="")
class StreamNL(list[StreamOther | None]):
    """A collection contract in no namespace."""


_ROOT_SOURCE: Final = """
using System; using System.IO; using System.Collections.Generic; using System.Runtime.Serialization;
[DataContract(Name = "StreamOther", Namespace = "urn:stream-x")]
public class StreamOther { [DataMember] public string A; }
[CollectionDataContract(Name = "StreamRL", Namespace = "urn:stream-n", IsReference = true)]
public class StreamRL : List<StreamOther> {}
[CollectionDataContract(Name = "StreamNL", Namespace = "")]
public class StreamNL : List<StreamOther> {}
public static class Roots {
    static void W(object o) {
        var s = new MemoryStream();
        new DataContractSerializer(o.GetType()).WriteObject(s, o);
        Console.WriteLine(Convert.ToBase64String(s.ToArray()));
    }
    public static void Main() {
        W(new StreamRL { new StreamOther { A = "a" } });
        W(new StreamNL { new StreamOther { A = "b" }, null });
    }
}
"""


def test_collection_contract_roots_are_monos(tmp_path: Path) -> None:
    """A collection contract as the document in the stream layout: an is_reference one
    declares z right after i, before its items' namespace; one in no namespace declares i
    only (Mono's WriteObject(Stream) bytes)."""
    if not mono_available():
        pytest.skip(MONO_MISSING_REASON)
    source = tmp_path / "Roots.cs"
    source.write_text(_ROOT_SOURCE)
    exe = tmp_path / "Roots.exe"
    subprocess.run(
        ["mcs", "-nologo", f"-out:{exe}", "-r:System.Runtime.Serialization", str(source)],
        check=True,
        capture_output=True,
    )
    mono = [base64.b64decode(line) for line in run_program(exe).decode().split()]
    objs = [
        StreamRL([StreamOther(A="a")]),
        StreamNL([StreamOther(A="b"), None]),
    ]
    assert [nc.to_xml(o, layout="stream") for o in objs] == mono
    assert [nc.from_xml(m, type(o)) for m, o in zip(mono, objs, strict=True)] == objs
