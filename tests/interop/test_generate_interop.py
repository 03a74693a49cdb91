"""``netcontract generate`` against .NET: C# contracts -> Mono's XsdDataContractExporter -> XSD ->
generated module.

- ``export_schemas`` of the generated classes equals Mono's export component by component (the
  one difference is the reported one: the generic contract's ``GenericType`` annotation);
- the generated classes read and re-write, byte for byte, what Mono's DataContractSerializer
  (compact and indented) and Json.NET (compact and indented) write for instances of the C#
  classes built in C# (``GEN_SOURCE``'s ``Samples``);
- the reverse check (``test_monos_importer_classes_convert_as_the_generated_classes``): Mono's
  XsdDataContractImporter (what ``svcutil /dconly`` runs) imports the same schemas, the C# it
  generates is compiled (``dotnet/ImportProbe.cs``), and for values drawn by
  ``netcontract.strategies`` for every generated class, those C# classes read netcontract's XML
  and JSON and write, with DataContractSerializer and Json.NET, the bytes netcontract writes;
  netcontract reads Mono's XML back to the same value. Also for ``xsd/`` (the Vehizen models),
  ``data/mono_members``, ``data/mono_values``, ``data/mono_dicts``, ``data/mono_known`` and the
  real-world sets netcontract maps fully; one Mono process per set. Neither side is given
  known types: each generated class declares the ``[KnownType]``s the importer declares on its
  C# class (compared class by class, but for the lists and dictionaries the generator makes no
  class of), and each derived class is sent in a member, a list and at a root of its base type
  (Mono writes the root with ``i:type``; the generated base class reads it back); for those,
  DataContractJsonSerializer's WCF JSON (``__type``) is netcontract's too.

``Gen.A.Link`` is ``[DataContract(IsReference = true)]``: Mono exports it as ``ser:Id``/``ser:Ref``,
the generator maps it to ``is_reference=True``, and the importer's classes read and write the
shared instances the strategies draw as netcontract does.

The C# classes declare members in ordinal order: an XSD does not carry declaration order, so
Json.NET's order is known only for classes declared that way (as the importer declares them).
"""

from __future__ import annotations

import base64
import contextlib
import functools
import importlib.util
import itertools
import re
import shutil
import subprocess
import sys
import typing
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest
from hypothesis import strategies as st
from lxml import etree

import netcontract as nc
from netcontract.codegen import _no_fallback
from netcontract.generate import generate_module
from netcontract.generate.mapping import SYSTEM as SYSTEM_NS
from netcontract.model import contract as _contract
from netcontract.model.contract import is_contract
from netcontract.model.known import _resolve as _resolve_known
from netcontract.model.known import qualified_name

from ._import_probe import build_probe, convert, xsd_folder
from ._mono import find_newtonsoft, mono_available, mono_unavailable_reason
from .test_conformance import as_dotnet_holds, map_values, undo_mono_bare_object
from .test_xsd_interop import MONO_XS_STUB, _components

pytestmark = pytest.mark.interop

XS = "http://www.w3.org/2001/XMLSchema"
SER = "http://schemas.microsoft.com/2003/10/Serialization/"

GEN_SOURCE = r"""
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Serialization;
using System.Text;
using System.Xml;
using System.Xml.Schema;
using Newtonsoft.Json;

namespace Gen.A
{
    public enum Color { Red = 1, Green = 2, Blue = 40 }
    public enum Plain { A, B, C }
    public class Animal { public int Legs { get; set; } public string Name { get; set; } }
    public class Numbers
    {
        public byte B { get; set; } public decimal D { get; set; } public double Dbl { get; set; }
        public int I { get; set; } public long L { get; set; } public short S { get; set; }
        public sbyte SB { get; set; } public uint UI { get; set; } public ulong UL { get; set; }
        public ushort US { get; set; }
    }
    public class Page<T> { public List<T> Items { get; set; } public int Total { get; set; } }
    // an object member: the [KnownType]s XsdDataContractImporter declares for it (every type
    // of the set but the lists; in the generated tuple's order), so that the generated class
    // exports what this one does
    [KnownType(typeof(Animal))] [KnownType(typeof(Chain))] [KnownType(typeof(Color))]
    [KnownType(typeof(Gen.B.Dog))] [KnownType(typeof(Gen.B.Kennel))] [KnownType(typeof(Link))]
    [KnownType(typeof(Numbers))] [KnownType(typeof(Page<Animal>))] [KnownType(typeof(Plain))]
    public class Everything
    {
        public DateTime At { get; set; }
        public bool Bool { get; set; }
        public Color C { get; set; }
        public List<Color> Colors { get; set; }
        public Guid Id { get; set; }
        public List<int> Ints { get; set; }
        public DateTime? MaybeAt { get; set; }
        public Guid? MaybeId { get; set; }
        public int? MaybeInt { get; set; }
        public Color? NC { get; set; }
        public List<int?> NInts { get; set; }
        public List<List<string>> Nested { get; set; }
        public object Obj { get; set; }
        public Plain P { get; set; }
        public List<Animal> Pets { get; set; }
        public string Text { get; set; }
    }
    // IsReference: shared instances and cycles (z:Id / z:Ref, $id / $ref)
    [DataContract(IsReference = true)]
    public class Link { [DataMember] public string Name { get; set; } [DataMember] public Link Next { get; set; } }
    public class Chain { public Link A { get; set; } public Link B { get; set; } }
}
namespace Gen.B
{
    public class Dog : Gen.A.Animal { public string Bark { get; set; } public Gen.A.Animal Friend { get; set; } }
    public class Kennel
    {
        public List<Dog> Dogs { get; set; }
        public Gen.A.Page<Gen.A.Animal> Page { get; set; }
    }
}

public static class GenProbe
{
    static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);
    static readonly Type[] Roots = { typeof(Gen.B.Kennel), typeof(Gen.A.Everything), typeof(Gen.A.Numbers), typeof(Gen.A.Chain) };
    static readonly Type[] Known = { typeof(Gen.B.Dog) };

    static byte[] Xml(object obj, bool indent)
    {
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Encoding = Utf8, Indent = indent,
                                               NewLineChars = "\n", NewLineHandling = NewLineHandling.Entitize };
        var ms = new MemoryStream();
        using (var writer = XmlWriter.Create(ms, settings))
            new DataContractSerializer(obj.GetType(), Known).WriteObject(writer, obj);
        return ms.ToArray();
    }

    static string B64(byte[] b) { return Convert.ToBase64String(b); }

    static void Sample(TextWriter o, string name, object obj)
    {
        o.Write(name + "\t" + obj.GetType().Name + "\t" + B64(Xml(obj, false)) + "\t" + B64(Xml(obj, true)) + "\t"
                + B64(Utf8.GetBytes(JsonConvert.SerializeObject(obj))) + "\t"
                + B64(Utf8.GetBytes(JsonConvert.SerializeObject(obj, Newtonsoft.Json.Formatting.Indented))) + "\n");
    }

    public static void Main(string[] args)
    {
        var o = new StreamWriter(Console.OpenStandardOutput(), Utf8);
        if (args[0] == "export")
        {
            var exporter = new XsdDataContractExporter();
            foreach (var t in Roots) exporter.Export(t);
            int i = 0;
            foreach (XmlSchema schema in exporter.Schemas.Schemas())
            {
                var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true, Encoding = Utf8, NewLineChars = "\n" };
                var path = Path.Combine(args[1], "schema" + (i++) + ".xsd");
                using (var writer = XmlWriter.Create(path, settings)) schema.Write(writer);
            }
        }
        else
        {
            var everything = new Gen.A.Everything {
                At = new DateTime(2024, 2, 29, 23, 59, 58, DateTimeKind.Utc).AddTicks(1234567),
                Bool = true, C = Gen.A.Color.Blue,
                Colors = new List<Gen.A.Color> { Gen.A.Color.Red, Gen.A.Color.Green },
                Id = new Guid("3f2504e0-4f89-11d3-9a0c-0305e82c3301"),
                Ints = new List<int> { int.MinValue, 0, int.MaxValue },
                MaybeAt = new DateTime(1, 1, 1), MaybeId = null, MaybeInt = -5, NC = null,
                NInts = new List<int?> { 1, null, 3 },
                Nested = new List<List<string>> { new List<string> { "a", null, "" }, null, new List<string>() },
                Obj = 42, P = Gen.A.Plain.C,
                Pets = new List<Gen.A.Animal> { new Gen.A.Animal { Legs = 4, Name = "cat" }, null },
                Text = "x<&>\"' \u00e9 \ud83d\ude00 tab\tend",
            };
            Sample(o, "everything", everything);
            Sample(o, "defaults", new Gen.A.Everything { C = Gen.A.Color.Red });  // default(Color) has no name
            Sample(o, "numbers", new Gen.A.Numbers {
                B = 255, D = 1.50m, Dbl = 0.1, I = -1, L = long.MinValue, S = short.MaxValue,
                SB = -128, UI = uint.MaxValue, UL = ulong.MaxValue, US = 65535 });
            Sample(o, "kennel", new Gen.B.Kennel {
                Dogs = new List<Gen.B.Dog> { new Gen.B.Dog { Legs = 3, Name = "rex", Bark = "woof",
                                                              Friend = new Gen.A.Animal { Name = "tom" } } },
                Page = new Gen.A.Page<Gen.A.Animal> { Total = 2, Items = new List<Gen.A.Animal> { new Gen.A.Animal { Legs = 2 } } } });
            // a Dog where an Animal is declared: i:type in XML (Json.NET writes no type: XML only)
            Sample(o, "polymorphic", new Gen.B.Dog { Friend = new Gen.B.Dog { Bark = "yip" } });
            var link = new Gen.A.Link { Name = "l" };
            link.Next = new Gen.A.Link { Name = "m", Next = link };
            Sample(o, "references", new Gen.A.Chain { A = link, B = link });
        }
        o.Flush();
    }
}
"""  # noqa: E501 - C#, written as C# is

#: the one construct the generator reports for this set (and export_schemas does not write)
GENERIC = "PageOfAnimalojQAUweQ"  # Page<Animal>: "PageOf{0}{#}", {#} the namespace digest


@pytest.fixture(scope="module")
def mono(tmp_path_factory) -> dict[str, Any]:
    if not mono_available():
        pytest.skip(mono_unavailable_reason())
    build = tmp_path_factory.mktemp("generate-probe")
    newtonsoft = find_newtonsoft()
    assert newtonsoft is not None
    shutil.copyfile(newtonsoft, build / "Newtonsoft.Json.dll")
    (build / "GenProbe.cs").write_text(GEN_SOURCE, encoding="utf-8")
    cmd = [
        "mcs",
        "-nologo",
        f"-out:{build / 'GenProbe.exe'}",
        "-r:System.Runtime.Serialization",
        "-r:System.Xml",
        f"-r:{build / 'Newtonsoft.Json.dll'}",
        str(build / "GenProbe.cs"),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    schemas = build / "schemas"
    schemas.mkdir()
    run = ["mono", str(build / "GenProbe.exe")]
    subprocess.run([*run, "export", str(schemas)], check=True, cwd=build, env={"TZ": "UTC"})
    exported: dict[str, str] = {}
    for path in sorted(schemas.iterdir()):
        text = path.read_text(encoding="utf-8-sig")
        namespace = etree.fromstring(text.encode()).get("targetNamespace")
        if namespace == XS:
            assert text == MONO_XS_STUB
            path.unlink()  # Mono's stub of the XML Schema namespace: no contract in it
            continue
        exported[namespace] = text
    ran = subprocess.run(
        [*run, "samples"], capture_output=True, text=True, check=True, cwd=build, env={"TZ": "UTC"}
    )
    samples = []
    for line in ran.stdout.splitlines():
        name, type_name, *outputs = line.split("\t")
        samples.append((name, type_name, [base64.b64decode(b) for b in outputs]))
    return {"schemas": exported, "folder": schemas, "samples": samples}


@pytest.fixture(scope="module", params=[None, False], ids=["extension_data", "no_extension_data"])
def generated(mono, tmp_path_factory, request) -> Any:
    """The module generated from Mono's export: by default (``extension_data=True`` on the
    classes that derive from no other, as the importer's classes implement
    IExtensibleDataObject) and with ``extension_data=False`` (the generated fast paths)."""
    result = generate_module(mono["folder"], extension_data=request.param)
    saved = dict(_contract._REGISTRY)
    path = tmp_path_factory.mktemp("generated") / "gen_contracts.py"
    path.write_text(result.code, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("_gen_interop_contracts", path)
    assert spec is not None and spec.loader is not None
    module: ModuleType = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    try:
        yield result, module
    finally:
        sys.modules.pop(spec.name, None)
        _contract._REGISTRY.clear()
        _contract._REGISTRY.update(saved)


def _without_generic_annotation(text: str) -> str:
    """Mono's schema text without the generic contract's ``xs:annotation`` (the reported gap)."""
    head = f'  <xs:complexType name="{GENERIC}">\n    <xs:annotation>\n'
    start = text.find(head)
    if start < 0:
        return text
    start += len(head) - len("    <xs:annotation>\n")
    end = text.index("    </xs:annotation>\n", start) + len("    </xs:annotation>\n")
    return text[:start] + text[end:]


def test_only_the_generic_annotation_is_reported(generated):
    result, _ = generated
    assert [(r.feature, r.location.split(", ")[-1]) for r in result.reports] == [
        ("generic", f"complexType {GENERIC!r}")
    ]


def test_export_of_the_generated_classes_equals_monos_component_by_component(mono, generated):
    _, module = generated
    ours = nc.export_schemas(module.Kennel, module.Everything, module.Numbers, module.Chain)
    theirs = mono["schemas"]
    assert set(ours) == set(theirs)
    assert ours[SER] == theirs[SER]
    for namespace, text in theirs.items():
        expected_imports, expected = _components(_without_generic_annotation(text))
        imports, parts = _components(ours[namespace])
        assert imports == expected_imports, namespace
        assert parts == expected, namespace


def test_the_export_is_byte_identical_but_for_the_generic_annotation(mono, generated):
    _, module = generated
    ours = nc.export_schemas(module.Kennel, module.Everything, module.Numbers, module.Chain)
    for namespace, text in mono["schemas"].items():
        assert ours[namespace] == _without_generic_annotation(text), namespace


def test_generated_classes_rewrite_what_mono_writes_byte_for_byte(mono, generated):
    _, module = generated
    checked = 0
    for name, type_name, (xml, xml_indent, json, json_indent) in mono["samples"]:
        cls = getattr(module, type_name)
        for data, indent in ((xml, False), (xml_indent, True)):
            with _no_fallback():  # the generated paths read and write what .NET writes
                assert nc.to_xml(nc.from_xml(data, cls), indent=indent) == data, name
            checked += 1
        if name == "polymorphic":
            continue  # Json.NET writes the Dog's members without its type: not readable back
        for data, indent in ((json, False), (json_indent, True)):
            # (Json.NET's $id/$ref: the reference reader's, by design)
            with _no_fallback(name != "references"):
                assert nc.to_json(nc.from_json(data, cls), indent=indent) == data, name
            checked += 1
    assert checked == 22


def test_is_reference_is_generated_and_reads_monos_cycle(mono, generated):
    # Mono exports [DataContract(IsReference = true)] as ser:Id / ser:Ref attributes
    _, module = generated
    assert module.Link.__netcontract__.is_reference
    xml, _, json, _ = next(out for name, _, out in mono["samples"] if name == "references")
    for chain in (nc.from_xml(xml, module.Chain), nc.from_json(json, module.Chain)):
        assert chain.a is chain.b and chain.a.next.next is chain.a


# ----------------------------------------------------------------------------- the reverse check

ROOT = Path(__file__).resolve().parents[2]
GENERATE_TESTS = ROOT / "tests" / "netcontract" / "generate"
#: schema sets for the reverse check ("gen" is the export of GEN_SOURCE, made by the fixture)
REVERSE_SETS = {
    "gen": None,
    "mono_members": GENERATE_TESTS / "data" / "mono_members",
    # Single, DateTimeOffset, EnumMember wire names, [Flags] (with a None member)
    "mono_values": GENERATE_TESTS / "data" / "mono_values",
    # Dictionary<K,V> members: keys of each kind, values of contracts, lists, dicts, object
    "mono_dicts": GENERATE_TESTS / "data" / "mono_dicts",
    # [KnownType]s: derived classes (at any depth, another namespace), object members
    "mono_known": GENERATE_TESTS / "data" / "mono_known",
    "vehizen_xsd": ROOT / "xsd",
    # the real-world sets netcontract maps without a report
    **{
        name: GENERATE_TESTS / "schemas" / name
        for name in (
            "collection_types",
            "corewcf_complex_types_with_collections",
            "corewcf_enum",
            "corewcf_key_value_pairs",
            "corewcf_xml_serializer",
            "soapcore_sample_service",
            "type_name_reserved_keyword",
            "type_reuse_svc",
            # Bing Ads v13 (schemas/README.md): large WCF services, [Flags] enums written
            # without EnumerationValue (2**index), inheritance, nillable members
            "bingads_reporting",
            "bingads_customer_billing",
            "bingads_customer_management",
            "bingads_bulk",
            "bingads_ad_insight",
            "bingads_campaign_management",
        )
    },
}
#: reports the reverse check accepts: generic (a plain class with the instance's name) and
#: enum_name (a trailing _ in Python, wire name kept) change nothing on the wire; value_type
#: (a struct mapped to a class) and enum_actual_type (a long/short enum mapped to an int one)
#: change only what export_schemas writes, and the bytes are checked here against Mono's
#: struct and long-based enum
TOLERATED = ("generic", "enum_name", "value_type", "enum_actual_type")
#: reports of a member left out (the struct lists of Bing Ads): Mono's class has the member,
#: the generated one has not, so neither that class nor any class that can hold it (through
#: a member, a list, a base or a subclass drawn in its place) is compared
LEFT_OUT = ("struct_collection",)
_HOLDER = re.compile(r"complexType '([^']+)', element ")
#: values drawn per generated class (the strategies' edge cases come first)
DRAWN = 12
_MODULES = itertools.count()


@pytest.fixture(scope="module")
def import_probe(tmp_path_factory) -> Path:
    if not mono_available():
        pytest.skip(mono_unavailable_reason())
    return build_probe(tmp_path_factory.mktemp("import-probe"))


@contextlib.contextmanager
def _loaded(code: str, folder: Path) -> Iterator[ModuleType]:
    """The generated module, imported; the contract registry restored afterwards."""
    saved = dict(_contract._REGISTRY)
    name = f"_gen_reverse_{next(_MODULES)}"
    path = folder / f"{name}.py"
    path.write_text(code, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(name, None)
        _contract._REGISTRY.clear()
        _contract._REGISTRY.update(saved)


def _written(write: Any, value: Any) -> bytes | str:
    try:
        return write(value)  # type: ignore[no-any-return]
    except nc.NetContractError as exc:
        return f"{type(exc).__name__}: {exc}"


def _mismatch(ours: bytes | str, theirs: bytes | str) -> str:
    """ "" when both wrote the same bytes or both refused; else the first difference."""
    if isinstance(ours, str) or isinstance(theirs, str):
        return "" if isinstance(ours, str) and isinstance(theirs, str) else f"{ours!r} / {theirs!r}"
    if ours == theirs:
        return ""
    at = next(
        (i for i, (a, b) in enumerate(zip(ours, theirs, strict=False)) if a != b),
        min(len(ours), len(theirs)),
    )
    start = max(0, at - 60)
    return f"at {at}: ours {ours[start : at + 60]!r} / Mono {theirs[start : at + 60]!r}"


def _local_in_server_zone(leaf: Any) -> Any:
    if (
        type(leaf) is nc.DateTime
        and leaf.kind is nc.DateTimeKind.LOCAL
        and leaf.offset_minutes != 0
    ):
        ticks = leaf.ticks - (leaf.offset_minutes or 0) * 600_000_000
        return nc.DateTime(ticks, nc.DateTimeKind.LOCAL, 0)
    return leaf


def _in_server_zone(value: Any) -> Any:
    """``value`` as Json.NET holds it in this TZ=UTC run: a date string read in an ``object``
    member (a DateTime with the offset read: README, "Behaviours chosen where .NET is lossy")
    is converted into the server's zone, the same instant at +00:00."""
    return map_values(value, _local_in_server_zone)


def _holds_bare_object(value: Any) -> bool:
    """Whether ``value`` holds an :class:`~netcontract.AnyObject` (``new object()``) anywhere."""
    found: list[Any] = []
    map_values(
        value, lambda leaf: found.append(leaf) or leaf if type(leaf) is nc.AnyObject else leaf
    )
    return bool(found)


def _drawn(cls: type) -> list[Any]:
    try:
        return nc.draw_corpus(cls, count=DRAWN, seed=16, local_offsets=st.just(0))
    except ValueError:  # fewer distinct values than that (one member of a 4-value enum)
        return nc.draw_corpus(cls, count=2, seed=16, local_offsets=st.just(0))


def _holding(classes: list[type], left_out: set[str]) -> set[type]:
    """The classes that hold (or whose instances can hold) a member that was left out."""
    hints = {cls: typing.get_type_hints(cls) for cls in classes}

    def named(tp: Any) -> Iterator[type]:
        if isinstance(tp, type) and tp in hints:
            yield tp
        for arg in typing.get_args(tp):
            yield from named(arg)

    reaches = {cls: {t for hint in hints[cls].values() for t in named(hint)} for cls in classes}
    affected = {cls for cls in classes if cls.__name__ in left_out}
    while True:
        more = {
            cls
            for cls in classes
            if cls not in affected
            and (
                any(issubclass(cls, a) or issubclass(a, cls) for a in affected)
                or any(issubclass(a, t) for t in reaches[cls] for a in affected)
            )
        }
        if not more:
            return affected
        affected |= more


def _key(cls: type) -> str:
    wire = nc.contract_info(cls).wire
    return f"{{{wire.contract_namespace}}}{wire.contract_name}"


def _declared_known(cls: type) -> set[str]:
    """The [KnownType]s declared on a generated class (not its bases'), as ``{ns}Name``."""
    meta = cls.__dict__.get("__netcontract__")
    entries = getattr(meta, "known_types", ()) or ()
    names = set()
    for entry in entries:
        namespace, name = qualified_name(_resolve_known(cls, entry))
        names.add(f"{{{namespace}}}{name}")
    return names


def _known_type_differences(
    module: ModuleType, every: list[type], theirs: dict[str, list[str]]
) -> list[str]:
    """Where the generated classes' [KnownType]s differ from those Mono's importer declared;
    a type Mono names that the generator declares no class for (a list or dictionary, mapped
    to ``list``/``dict``; a type left out) cannot be named and is not counted."""
    names = set()
    for value in vars(module).values():
        if isinstance(value, type) and (
            "__netcontract__" in value.__dict__ or "__netcontract_collection__" in value.__dict__
        ):
            namespace, name = qualified_name(value)
            names.add(f"{{{namespace}}}{name}")
    # System's DateTimeOffset: never a class of the module, named as nc.DateTimeOffset
    names.add(f"{{{SYSTEM_NS}}}DateTimeOffset")
    out = []
    for cls in every:
        if not is_contract(cls):
            continue
        ours = _declared_known(cls)
        mono = set(theirs.get(_key(cls), []))
        if ours != mono & names:
            out.append(f"{cls.__name__}: ours {sorted(ours - mono)} / Mono's {sorted(mono - ours)}")
    return out


def _subclasses(classes: list[type]) -> dict[type, list[type]]:
    """Each class of ``classes`` with the classes of ``classes`` derived from it."""
    return {
        base: [c for c in classes if c is not base and issubclass(c, base)]
        for base in classes
        if any(c is not base and issubclass(c, base) for c in classes)
    }


def _base_members(cls: type, bases: dict[type, list[type]]) -> Iterator[tuple[str, type, bool]]:
    """(attribute, base class, in a list) for each member of ``cls`` declared as a base class
    (``Animal | None``) or a list of one (``list[Animal | None] | None``)."""
    for attr, hint in typing.get_type_hints(cls).items():
        args = [a for a in typing.get_args(hint) if a is not type(None)] or [hint]
        if len(args) != 1:
            continue
        inner = args[0]
        if isinstance(inner, type) and inner in bases:
            yield attr, inner, False
        elif typing.get_origin(inner) is list:
            items = [a for a in typing.get_args(typing.get_args(inner)[0]) if a is not type(None)]
            item = items[0] if items else typing.get_args(inner)[0]
            if isinstance(item, type) and item in bases:
                yield attr, item, True


def _derived_cases(classes: list[type]) -> tuple[list[tuple[type, Any]], list[tuple[type, Any]]]:
    """(holder, value) with a derived value in a member of its base type and in a list of it
    (the first such member of the classes, by name, for each derived class), and (base, derived
    value) for each pair: a root of the base type."""
    bases = _subclasses(classes)
    members: list[tuple[type, Any]] = []
    roots: list[tuple[type, Any]] = []
    done: set[tuple[type, bool]] = set()
    by_name = sorted(classes, key=lambda c: c.__name__)
    samples, starts = {}, {}
    for derived in {d for ds in bases.values() for d in ds}:
        drawn = _drawn(derived) if nc.contract_info(derived).xml_members else [derived()]
        samples[derived] = drawn[len(drawn) // 2]
    for holder in by_name:
        for attr, base, in_list in _base_members(holder, bases):
            for derived in sorted(bases[base], key=lambda c: c.__name__):
                if (derived, in_list) in done:
                    continue
                done.add((derived, in_list))
                sample = samples[derived]
                # a drawn holder (its defaults may be no value .NET writes: an enum's 0)
                if holder not in starts:
                    drawn = _drawn(holder) if nc.contract_info(holder).xml_members else [holder()]
                    starts[holder] = drawn[-1]
                start = starts[holder]
                changed = attrs.evolve(start, **{attr: [sample] if in_list else sample})
                members.append((holder, changed))
    for base in sorted(bases, key=lambda c: c.__name__):
        for derived in sorted(bases[base], key=lambda c: c.__name__):
            roots.append((base, samples[derived]))
    return members, roots


def _wcf_problems(derived: list[tuple[type, Any]], answers: list[Any]) -> list[str]:
    """Mono's DataContractJsonSerializer writes what netcontract writes for the values holding a
    derived value where its base is declared (read by both from netcontract's XML)."""
    problems = []
    for (cls, value), answer in zip(derived, answers, strict=True):
        if answer.error is not None:
            continue  # reported with the XML
        held = as_dotnet_holds(nc.from_xml(nc.to_xml(value), cls))
        # lossy: an Unspecified DateTime written in the zone, as Mono writes it under TZ=UTC
        write = functools.partial(nc.to_wcf_json, lossy=True)
        mismatch = _mismatch(_written(write, held), answer.wcf)
        if mismatch:
            problems.append(f"{cls.__name__}: WCF JSON: {mismatch}")
    return problems


def _root_problems(roots: list[tuple[type, Any]], answers: list[Any]) -> list[str]:
    """Mono's importer classes write a derived value at a root of its base type (``i:type`` on
    the root); the generated base class reads it back as the value (no known types given)."""
    problems = []
    assert len(answers) == len(roots)
    for (base, value), answer in zip(roots, answers, strict=True):
        where = f"{type(value).__name__} as {base.__name__}"
        if answer.error is not None or not isinstance(answer.xml, bytes):
            problems.append(f"{where}: Mono refused: {answer.error or answer.xml}")
            continue
        if b' i:type="' not in answer.xml.split(b">", 1)[0]:
            problems.append(f"{where}: no i:type on Mono's root: {answer.xml[:200]!r}")
            continue
        held = as_dotnet_holds(value)
        # WCF JSON keeps less than XML (a DateTime's kind): the value as netcontract reads it
        # from its own WCF JSON
        # (lossy: an Unspecified DateTime written in the zone, as Mono writes it under TZ=UTC)
        wcf = nc.to_wcf_json(value, lossy=True)
        wcf_held = as_dotnet_holds(nc.from_wcf_json(wcf, type(value)))
        for fmt, back, expected in (
            ("XML", nc.from_xml(answer.xml, base), held),
            # DataContractJsonSerializer: "__type" first in the root object
            (
                "WCF JSON",
                nc.from_wcf_json(answer.wcf, base) if isinstance(answer.wcf, bytes) else None,
                wcf_held,
            ),
        ):
            same_type = type(back) is type(value)
            diff = _mismatch(nc.to_xml(back), nc.to_xml(expected)) if same_type else "type"
            if diff:
                problems.append(f"{where}: Mono's {fmt} root reads back as another value: {diff}")
    return problems


@pytest.mark.parametrize("set_name", sorted(REVERSE_SETS))
def test_monos_importer_classes_convert_as_the_generated_classes(
    set_name, import_probe, request, tmp_path
):
    source = REVERSE_SETS[set_name] or request.getfixturevalue("mono")["folder"]
    reverse_check(source, import_probe, tmp_path)


def reverse_check(source: Path, import_probe: Path, tmp_path: Path) -> None:
    """The reverse check over one schema set (``source``: a folder of .xsd/.wsdl files); also
    run by ``test_real_xsd_interop.py`` over its own sets."""
    generated = generate_module(source)
    # enum_name: a .NET member named None is None_ in Python (wire name kept); only a JSON
    # string holding the .NET name differs, and the values sent here are written as numbers
    assert [r.feature for r in generated.reports if r.feature not in TOLERATED + LEFT_OUT] == []
    left_out = {
        match.group(1)
        for r in generated.reports
        if r.feature in LEFT_OUT
        for match in [_HOLDER.search(r.location)]
        if match
    }
    with _loaded(generated.code, tmp_path) as module:
        every = [v for v in vars(module).values() if isinstance(v, type) and is_contract(v)]
        skipped = _holding(every, left_out)
        classes = [cls for cls in every if cls not in skipped]
        assert len(classes) >= len(every) // 3, f"{len(skipped)} of {len(every)} not compared"
        requests: list[tuple[str, str, bytes]] = []
        values: list[tuple[type, Any]] = []
        for cls in sorted(classes, key=lambda c: c.__name__):
            drawn = _drawn(cls) if nc.contract_info(cls).xml_members else [cls()]
            values.extend((cls, value) for value in drawn)
        # derived values where their base is declared (the strategies draw the declared
        # class): each class derived from another in a member of the base type, in a list of
        # the base type, and at a root of the base type; the importer's classes know them
        # only through the [KnownType]s it declared, as the generated classes do
        derived, roots = _derived_cases(classes)
        values.extend(derived)
        for cls, value in values:
            requests.append((_key(cls), "xml", nc.to_xml(value)))
            requests.append((_key(cls), "json", nc.to_json(value)))
        for base, value in roots:
            requests.append((f"{_key(type(value))}|{_key(base)}", "xml", nc.to_xml(value)))
        probe = convert(
            import_probe, xsd_folder(source, tmp_path / "xsd"), tmp_path / "build", requests
        )
        # the importer made a class for each generated one, with the same [KnownType]s (but
        # those naming a type the generator maps to no class: a list, a dictionary)
        assert {_key(c) for c in classes} <= set(probe.contracts)
        assert _known_type_differences(module, every, probe.known_types) == []
        answers = probe.answers[: 2 * len(values)]
        problems = _root_problems(roots, probe.answers[2 * len(values) :])
        # the derived values in WCF JSON too (DataContractJsonSerializer: "__type")
        problems += _wcf_problems(derived, answers[2 * (len(values) - len(derived)) :: 2])
        for (cls, value), from_xml, from_json in zip(
            values, answers[::2], answers[1::2], strict=True
        ):
            text = nc.to_json(value)
            where = f"{cls.__name__} {text.decode()[:200]}"
            # what netcontract writes after reading the same payload (JSON does not carry the
            # runtime type of an `object` member or a subclass: both readers lose it alike), as
            # .NET holds it (Mono reads and writes -0.0 as 0: test_conformance.as_dotnet_holds)
            sources = [("xml", from_xml, as_dotnet_holds(nc.from_xml(nc.to_xml(value), cls)))]
            try:
                if not _holds_bare_object(value):
                    # else Json.NET holds a JObject, which DCS refuses to write (Mono:
                    # "JToken involves recursive collection"; test_conformance.py:
                    # json_object_in_untyped_data), and netcontract writes <Value />
                    held = _in_server_zone(as_dotnet_holds(nc.from_json(text, cls)))
                    sources.append(("json", from_json, held))
            except nc.JsonPayloadError as exc:
                # an is_reference contract drawn into an `object` member: Json.NET writes its
                # $id there, which netcontract refuses in object members where Json.NET reads
                # a JObject (README, "Behaviours chosen where .NET is lossy": refused)
                assert "metadata members" in str(exc), exc
            for source_format, answer, ours in sources:
                if answer.error is not None:
                    problems.append(f"{where}: Mono refused our {source_format}: {answer.error}")
                    continue
                theirs_xml = answer.xml
                if isinstance(theirs_xml, bytes):  # Mono's i:type="anyType" for new object()
                    theirs_xml = undo_mono_bare_object(theirs_xml)
                for out, theirs, write in (
                    ("XML", theirs_xml, nc.to_xml),
                    ("JSON", answer.json, nc.to_json),
                ):
                    mismatch = _mismatch(_written(write, ours), theirs)
                    if mismatch:
                        problems.append(f"{where}: {source_format} -> {out}: {mismatch}")
            if isinstance(from_xml.xml, bytes):
                # netcontract reads Mono's XML as the value it wrote (compared as bytes: NaN)
                back, held = nc.from_xml(from_xml.xml, cls), as_dotnet_holds(value)
                for write in (nc.to_xml, nc.to_json):
                    diff = _mismatch(write(back), write(held))
                    if diff:
                        problems.append(f"{where}: Mono's XML reads back as another value: {diff}")
        assert problems == [], "\n".join(problems[:20])
        assert len(values) >= len(classes)
