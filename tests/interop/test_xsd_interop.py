"""XSD export and validation against .NET (Mono 6.8's XsdDataContractExporter and DCS).

- ``export_schemas(cls)`` is byte-identical to Mono's export of the C# twin
  (``dotnet/Contracts.cs``), of every edge contract (``dotnet/EdgeContracts.cs``) and of the
  probe below (``PROBE_SOURCE``: shapes neither twin has), apart from Mono's extra stub schema
  for the XML Schema namespace, which .NET's SchemaExporter does not write (docs/xsd-rules.md §1);
- ``xsd/`` (the export of ``CustomerGroupDto`` and ``ResponseDto`` together) matches, component
  by component, what Mono exports for the two types one at a time;
- every XML document Mono's DataContractSerializer writes for these contracts validates, and
  documents .NET refuses to read are refused by ``validate_xml`` too.

The exporter follows the .NET reference source where it could differ from Mono; no difference
showed up (see README, "Schemas and validation").
"""

from __future__ import annotations

import base64
import difflib
import shutil
import subprocess
import typing
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import netcontract as nc
from netcontract.model.contract import is_contract
from netcontract.xsd.export import export_schemas, schema_file_name
from vehizen import CustomerGroupDto, ExternalInterfaceHeaderDto, ResponseDto, VehicleLightDto

from ._mono import DotNetTwin, mono_available, mono_unavailable_reason
from .edge_models import CLR_NAMES

try:
    from netcontract.strategies import for_type
except ImportError:  # netcontract.strategies is written separately; hand-built objects cover it
    for_type = None

needs_strategies = pytest.mark.skipif(for_type is None, reason="netcontract.strategies is missing")

pytestmark = pytest.mark.interop

XS = "http://www.w3.org/2001/XMLSchema"
SER = "http://schemas.microsoft.com/2003/10/Serialization/"
XSD_DIR = Path(__file__).resolve().parents[2] / "xsd"
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"

#: Mono adds this schema to every export; .NET's SchemaExporter has no such code (xsd-rules §1)
MONO_XS_STUB = (
    '<tns:schema targetNamespace="http://www.w3.org/2001/XMLSchema" '
    'xmlns:tns="http://www.w3.org/2001/XMLSchema">\n'
    '  <tns:element name="schema">\n'
    "    <tns:complexType />\n"
    "  </tns:element>\n"
    "</tns:schema>"
)

TWIN: dict[str, Any] = {
    "CustomerGroupDto": CustomerGroupDto,
    "ResponseDto": ResponseDto,
    "VehicleLightDto": VehicleLightDto,
    "ExternalInterfaceHeaderDto": ExternalInterfaceHeaderDto,
}
EDGE: dict[str, Any] = {name: cls for cls, name in CLR_NAMES.items()}


def mono_export(dotnet: DotNetTwin, type_name: str) -> dict[str, str]:
    """Mono's export of a twin type, without (after checking) its XML Schema stub."""
    schemas = {ns: data.decode("utf-8") for ns, data in dotnet.schemas(type_name).items()}
    assert schemas.pop(XS) == MONO_XS_STUB
    return schemas


def assert_same_export(ours: dict[str, str], mono: dict[str, str]) -> None:
    assert list(ours) == list(mono), "schemas differ in namespaces or order"
    for ns, text in mono.items():
        if ours[ns] != text:
            diff = "".join(
                difflib.unified_diff(
                    text.splitlines(True), ours[ns].splitlines(True), "mono", "netcontract"
                )
            )
            pytest.fail(f"schema {ns} differs from Mono's:\n{diff}")


# ----------------------------------------------------------------------------- byte for byte


@pytest.mark.parametrize("type_name", list(TWIN))
def test_export_of_the_vehizen_twin_is_byte_identical(dotnet, type_name):
    assert_same_export(export_schemas(TWIN[type_name]), mono_export(dotnet, type_name))


@pytest.mark.parametrize("type_name", list(EDGE))
def test_export_of_the_edge_contracts_is_byte_identical(dotnet, type_name):
    assert_same_export(export_schemas(EDGE[type_name]), mono_export(dotnet, type_name))


# ----------------------------------------------------------------------------- xsd/, by component


def _components(text: str) -> tuple[set[str], dict[tuple[str, str], Any]]:
    """(imported namespaces, {(kind, name): canonical form}) of one schema document.

    The canonical form resolves QName attributes (``type``, ``base``) to ``{ns}local``, so that
    the ``q1``/``q2`` prefixes, numbered per document, do not matter.
    """
    root = etree.fromstring(text.encode("utf-8"))
    imports = {el.get("namespace") for el in root if el.tag == f"{{{XS}}}import"}

    def canon(el: Any) -> Any:
        attrs = []
        for key, raw in sorted(el.attrib.items()):
            value = raw
            if key in ("type", "base") and ":" in raw:
                prefix, _, local = raw.partition(":")
                value = f"{{{el.nsmap[prefix]}}}{local}"
            attrs.append((key, value))
        text = (el.text or "").strip()
        return (el.tag, tuple(attrs), text, tuple(canon(c) for c in el))

    parts = {
        (etree.QName(el).localname, el.get("name")): canon(el)
        for el in root
        if el.tag != f"{{{XS}}}import"
    }
    return imports, parts


def test_xsd_directory_matches_mono_component_by_component(dotnet):
    mono_imports: dict[str, set[str]] = {}
    mono_parts: dict[str, dict[tuple[str, str], Any]] = {}
    mono_ser: set[str] = set()
    for type_name in ("CustomerGroupDto", "ResponseDto"):
        for ns, text in mono_export(dotnet, type_name).items():
            if ns == SER:
                mono_ser.add(text)
                continue
            imports, parts = _components(text)
            mono_imports.setdefault(ns, set()).update(imports)
            known = mono_parts.setdefault(ns, {})
            for key, part in parts.items():
                assert known.setdefault(key, part) == part, f"Mono exports {key} two ways"
    files = {p.name: p.read_text(encoding="utf-8") for p in XSD_DIR.iterdir()}
    assert files.pop(schema_file_name(SER)) == mono_ser.pop()
    assert not mono_ser
    assert sorted(files) == sorted(schema_file_name(ns) for ns in mono_parts)
    for ns, expected in mono_parts.items():
        imports, parts = _components(files[schema_file_name(ns)])
        assert imports == mono_imports[ns], ns
        assert sorted(parts) == sorted(expected), ns
        for key, part in parts.items():
            assert part == expected[key], (ns, key)


# ----------------------------------------------------------------------------- probe shapes

PROBE_SOURCE = r"""
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Serialization;
using System.Text;
using System.Xml;
using System.Xml.Schema;

namespace Probe.A
{
    public class Base { public string Name { get; set; } }
    public enum Empty { }
    public enum Odd { X = 0, Y = 2, Z = 1 }
}
namespace Probe.C
{
    public class Other { public int V { get; set; } }
}
namespace Probe.B
{
    public class Bare : Probe.A.Base { }
    public class Derived : Probe.A.Base
    {
        public Probe.A.Odd O { get; set; }
        public Probe.C.Other Thing { get; set; }
    }
    public class Late : Probe.A.Base
    {
        public Probe.C.Other Thing { get; set; }
    }
    public class Objs
    {
        public List<DateTime> Dts { get; set; }
        public Probe.A.Empty E { get; set; }
        public List<object> Items { get; set; }
        public List<Guid?> NG { get; set; }
        public List<List<Probe.C.Other>> Nested { get; set; }
    }
    public class NullableEnums
    {
        public List<Probe.A.Odd?> NOdd { get; set; }
    }
}
namespace Probe.N
{
    [DataContract(Namespace = "")] public enum NoNsEnum { [EnumMember] A, [EnumMember] B }
    [DataContract(Namespace = "")] public class NoNsChild { [DataMember] public string S; }
    [DataContract(Namespace = "")]
    public class NoNs
    {
        [DataMember] public int X;
        [DataMember] public NoNsChild Child;
        [DataMember] public Guid G;
        [DataMember] public List<NoNsChild> Kids;
        [DataMember] public Probe.C.Other O;
    }
    [DataContract(Namespace = "")]
    public class NoNsDerived : NoNs { [DataMember] public NoNsEnum E; }
    [DataContract(Namespace = "http://x/y")]
    public class Holder
    {
        [DataMember] public NoNs Inner;
        [DataMember] public List<NoNsChild> L;
        [DataMember] public NoNsDerived D;
    }
}
public static class XsdProbe
{
    // Each argument is a type name; one line per schema: type TAB namespace TAB base64(XSD).
    public static void Main(string[] args)
    {
        var utf8 = new UTF8Encoding(false);
        var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8);
        foreach (var name in args)
        {
            var exporter = new XsdDataContractExporter();
            exporter.Export(Type.GetType(name, true));
            foreach (XmlSchema schema in exporter.Schemas.Schemas())
            {
                var ms = new MemoryStream();
                var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true,
                                                       Encoding = utf8, NewLineChars = "\n" };
                using (var writer = XmlWriter.Create(ms, settings)) schema.Write(writer);
                stdout.Write(name + "\t" + schema.TargetNamespace + "\t"
                             + Convert.ToBase64String(ms.ToArray()) + "\n");
            }
        }
        stdout.Flush();
    }
}
"""

PA, PB, PC = "Probe.A", "Probe.B", "Probe.C"


@nc.contract(PA)
class Base:
    name: str | None = nc.member("Name", default=None)


@nc.contract(PA)
class Empty(nc.ContractEnum):
    pass


@nc.contract(PA)
class Odd(nc.ContractEnum):
    X = 0
    Y = 2
    Z = 1


@nc.contract(PC)
class Other:
    v: nc.Int32 = nc.member("V", default=0)


@nc.contract(PB)
class Bare(Base):
    pass


@nc.contract(PB)
class Derived(Base):
    o: Odd = nc.member("O", default=Odd.X)
    thing: Other | None = nc.member("Thing", default=None)


@nc.contract(PB)
class Late(Base):
    thing: Other | None = nc.member("Thing", default=None)


@nc.contract(PB)
class Objs:
    dts: list[nc.DateTime] | None = nc.member("Dts", default=None)
    e: Empty = nc.member("E", default=None)
    items: list[object] | None = nc.member("Items", default=None)
    ng: list[uuid.UUID | None] | None = nc.member("NG", default=None)
    nested: list[list[Other] | None] | None = nc.member("Nested", default=None)


@nc.contract(PB)
class NullableEnums:
    n_odd: list[Odd | None] | None = nc.member("NOdd", default=None)


@nc.contract(xml_namespace="")
class NoNsEnum(nc.ContractEnum):
    A = 0
    B = 1


@nc.contract(xml_namespace="")
class NoNsChild:
    s: str | None = nc.member("S", default=None)


@nc.contract(xml_namespace="")
class NoNs:
    x: nc.Int32 = nc.member("X", default=0)
    child: NoNsChild | None = nc.member("Child", default=None)
    g: uuid.UUID = nc.member("G", default=uuid.UUID(int=0))
    kids: list[NoNsChild | None] | None = nc.member("Kids", default=None)
    o: Other | None = nc.member("O", default=None)


@nc.contract(xml_namespace="")
class NoNsDerived(NoNs):
    e: NoNsEnum = nc.member("E", default=NoNsEnum.A)


@nc.contract(xml_namespace="http://x/y")
class Holder:
    inner: NoNs | None = nc.member("Inner", default=None)
    l: list[NoNsChild | None] | None = nc.member("L", default=None)  # noqa: E741
    d: NoNsDerived | None = nc.member("D", default=None)


PROBES: dict[str, Any] = {
    "Probe.B.Bare": Bare,
    "Probe.B.Derived": Derived,
    "Probe.B.Late": Late,
    "Probe.B.Objs": Objs,
    "Probe.A.Odd": Odd,
    "Probe.B.NullableEnums": NullableEnums,
    # [DataContract(Namespace = "")]: a schema without targetNamespace, names without prefix
    "Probe.N.NoNs": NoNs,
    "Probe.N.NoNsDerived": NoNsDerived,
    "Probe.N.Holder": Holder,
    "Probe.N.NoNsEnum": NoNsEnum,
}


@pytest.fixture(scope="session")
def probe_exports(tmp_path_factory) -> dict[str, dict[str, str]]:
    """Mono's export of every probe type (compiled once per session)."""
    if not mono_available():
        pytest.skip(mono_unavailable_reason())
    build = tmp_path_factory.mktemp("xsd-probe")
    source = build / "XsdProbe.cs"
    source.write_text(PROBE_SOURCE, encoding="utf-8")
    exe = build / "XsdProbe.exe"
    mcs = shutil.which("mcs")
    assert mcs is not None
    cmd = [mcs, "-nologo", f"-out:{exe}", "-r:System.Runtime.Serialization", "-r:System.Xml"]
    done = subprocess.run([*cmd, str(source)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    ran = subprocess.run(
        ["mono", str(exe), *PROBES], capture_output=True, text=True, check=True, cwd=build
    )
    exports: dict[str, dict[str, str]] = {name: {} for name in PROBES}
    for line in ran.stdout.splitlines():
        name, ns, b64 = line.split("\t")
        exports[name][ns] = base64.b64decode(b64).decode("utf-8")
    for schemas in exports.values():
        assert schemas.pop(XS) == MONO_XS_STUB
    return exports


@pytest.mark.parametrize("type_name", list(PROBES))
def test_export_of_the_probe_shapes_is_byte_identical(probe_exports, type_name):
    assert_same_export(export_schemas(PROBES[type_name]), probe_exports[type_name])


def test_unit_test_expectations_are_monos_bytes(probe_exports):
    """tests/netcontract/xsd/test_export.py holds Mono bytes for some probes: still true."""
    objs = probe_exports["Probe.B.Objs"]
    assert (
        'name="E" xmlns:q2="http://schemas.datacontract.org/2004/07/Probe.A"'
        in (objs["http://schemas.datacontract.org/2004/07/Probe.B"])
    )
    late = probe_exports["Probe.B.Late"]["http://schemas.datacontract.org/2004/07/Probe.B"]
    assert late.split("\n")[1:3] == [
        '  <xs:import namespace="http://schemas.datacontract.org/2004/07/Probe.C" />',
        '  <xs:import namespace="http://schemas.datacontract.org/2004/07/Probe.A" />',
    ]


# ----------------------------------------------------------------------------- validation

#: (drawn type, the twin type Mono reads it as)
ROOTS: list[tuple[Any, str]] = [
    (CustomerGroupDto, "CustomerGroupDto"),
    (VehicleLightDto, "VehicleLightDto"),
    (ExternalInterfaceHeaderDto, "ExternalInterfaceHeaderDto"),
    (ResponseDto, "ResponseDto"),
    (ResponseDto[CustomerGroupDto], "ResponseDto"),
    (ResponseDto[uuid.UUID], "ResponseDto"),
    *((cls, name) for cls, name in CLR_NAMES.items() if is_contract(cls)),
]


def _mono_xml(dotnet: DotNetTwin, items: list[tuple[str, bytes]]) -> Iterator[bytes]:
    """Mono's XML (compact and indented) for each (twin type, our XML) it reads."""
    for result in dotnet.roundtrip_many([(name, "xml", xml) for name, xml in items]):
        assert result.ok, result.read_error
        for output in (result.xml, result.xml_indent):
            if isinstance(output, bytes):
                yield output


#: what an edge contract's ``object`` member may hold (by default, for_type would take every
#: contract of the test package, including the probe's enum without members)
EDGE_CONTRACTS = [cls for cls in CLR_NAMES if is_contract(cls)]


@needs_strategies
@pytest.mark.parametrize(("tp", "twin"), ROOTS, ids=[f"{t}" for _, t in ROOTS])
@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_every_document_mono_writes_validates(dotnet, tp, twin, data):
    cls = typing.get_origin(tp) or tp
    contracts = EDGE_CONTRACTS if cls in CLR_NAMES else None
    values = for_type(tp, local_offsets=st.just(0), object_contracts=contracts)
    items = []
    for value in data.draw(st.lists(values, min_size=1, max_size=4)):
        try:
            items.append((twin, nc.to_xml(value)))
        except nc.SerializationError:  # .NET cannot write it either (edge enums without a name)
            continue
    for output in _mono_xml(dotnet, items):
        validated = nc.validate_xml(output, cls)
        # compared as XML: NaN != NaN as a float
        assert nc.to_xml(validated) == nc.to_xml(nc.from_xml(output, cls))


def test_help_page_documents_rewritten_by_mono_validate(dotnet):
    items = [
        ("CustomerGroupDto", (FIXTURES / "customer_group.xml").read_bytes()),
        ("ResponseDto", (FIXTURES / "response.xml").read_bytes()),
    ]
    outputs = list(_mono_xml(dotnet, items))
    assert len(outputs) == 4
    for output in outputs:
        nc.validate_xml(output)


GROUP_XML = (FIXTURES / "customer_group.xml").read_bytes()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b"<d2p1:IdWS>1</d2p1:IdWS>", b"<d2p1:IdWS>x</d2p1:IdWS>"),
        (b"<d2p1:Tolerance>8<", b"<d2p1:Tolerance>2147483648<"),
        (b"<d2p1:State>Active</d2p1:State>", b"<d2p1:State>active</d2p1:State>"),
        (
            b"<CustomerId>235ce316-d1f5-4087-8b9b-b68e01a81673</CustomerId>",
            b'<CustomerId i:nil="true" />',
        ),
        (b"235ce316-d1f5", b"235ce316-d1g5"),
        (b"2026-06-02T18:36:51.9290578+00:00", b"2026-13-02T18:36:51"),
    ],
    ids=["int", "range", "enum", "nil", "guid", "date"],
)
def test_documents_dotnet_refuses_are_refused(dotnet, old, new):
    broken = GROUP_XML.replace(old, new, 1)
    assert broken != GROUP_XML
    assert not dotnet.roundtrip("CustomerGroupDto", "xml", broken).ok
    with pytest.raises(nc.XmlPayloadError):
        nc.validate_xml(broken)
