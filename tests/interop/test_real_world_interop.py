"""Contracts declared as real WCF / Web API services declare them, against Mono.

``dotnet/RealWorld.cs`` declares them in C# (a URI namespace, ``[DataMember(Name, Order,
IsRequired, EmitDefaultValue)]``, ``[EnumMember(Value)]`` and ``[Flags]`` enums, three levels
of inheritance, ``Result<List<Order>>``, a dictionary of lists, nullable enums, ``byte[]``,
``char``, ``TimeSpan``, ``DateTimeOffset``, ``Uri``, decimals with a scale, ``object``
members), builds instances and writes them; ``real_world_models.py`` declares the same in
netcontract, as a user would from the C#. For every instance:

- XML: netcontract reads Mono's DataContractSerializer bytes (compact and indented) and
  writes them back identical;
- Json.NET, under every ``JsonSettings`` field alone and the combinations servers use:
  netcontract writes Json.NET's bytes, reads them back to what Json.NET reads (Json.NET's
  object written as XML by Mono), and refuses what Json.NET cannot read back;
- XSD: ``export_schemas`` is byte-identical to Mono's XsdDataContractExporter;
- generated contracts: ``netcontract generate`` over Mono's XSD gives classes that read
  Mono's XML, validate it and write it back identical;
- StringEnumConverter: ``[EnumMember(Value)]`` names, ``[Flags]`` values (``"Web,
  mobile-app"``), members without ``[EnumMember]``, values without a name, written and read
  as Json.NET 6.0.8 writes and reads them.
"""

from __future__ import annotations

import base64
import difflib
import importlib.util
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import netcontract as nc
from netcontract.generate import generate_module
from netcontract.model.contract import is_contract
from netcontract.strategies import for_type

from . import real_world_models as m
from ._csharp import compile_program, run_program
from ._mono import mono_available, mono_unavailable_reason

pytestmark = [pytest.mark.interop, pytest.mark.falls_back]

XS = "http://www.w3.org/2001/XMLSchema"

#: RealWorld.cs's samples and the type each is written as
SAMPLES = {
    "order_full": "Order",
    "order_empty": "Order",
    "priority": "PriorityOrder",
    "money": "Money",
    "line": "Line",
    "stock": "Stock",
    "stock_empty": "Stock",
    "result_orders": "ResultOfOrders",
    "result_empty": "ResultOfOrders",
    "result_int": "ResultOfInt",
    "result_money": "ResultOfMoney",
    "maps": "Maps",
    "outer": "Outer",
    "drawing": "Drawing",
    "circle_as_shape": "Shape",
    "result_shape": "ResultOfShape",
}

_PARTS: dict[str, dict[str, Any]] = {
    "default": {},
    "null_ignore": {"null_value_handling": "Ignore"},
    "default_ignore": {"default_value_handling": "Ignore"},
    "default_populate": {"default_value_handling": "Populate"},
    "default_ignore_populate": {"default_value_handling": "IgnoreAndPopulate"},
    "camel": {"contract_resolver": "CamelCase"},
    "string_enums": {"string_enum_converter": True},
    "string_enums_camel": {"string_enum_converter": True, "string_enum_camel_case_text": True},
    "ms_dates": {"date_format_handling": "MicrosoftDateFormat"},
    "utc": {"date_time_zone_handling": "Utc"},
    "local": {"date_time_zone_handling": "Local"},
    "unspecified": {"date_time_zone_handling": "Unspecified"},
    "indented": {"formatting": "Indented"},
    "preserve_objects": {"preserve_references_handling": "Objects"},
    "preserve_all": {"preserve_references_handling": "All"},
}
#: each setting alone, and combinations servers use ("+": RealWorld.cs's Settings)
SETTINGS = [
    *_PARTS,
    "camel+string_enums+null_ignore+indented",
    "string_enums_camel+default_ignore",
    "ms_dates+utc+camel",
]


def settings_of(name: str) -> nc.JsonSettings:
    values: dict[str, Any] = {}
    for part in name.split("+"):
        values.update(_PARTS[part])
    return nc.JsonSettings.from_mapping(values)


Output = bytes | str  # str: "ExceptionType: message" of what .NET refused


@pytest.fixture(scope="module")
def mono(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Output]:
    if not mono_available():
        pytest.skip(mono_unavailable_reason())
    exe = compile_program("RealWorld", tmp_path_factory.mktemp("real-world"))
    found: dict[tuple[str, str], Output] = {}
    for line in run_program(exe, *SETTINGS).decode("utf-8").splitlines():
        case, kind, status, b64 = line.split("\t")
        data = base64.b64decode(b64)
        found[case, kind] = data if status == "ok" else data.decode("utf-8")
    return found


def _bytes(value: Output) -> bytes:
    assert isinstance(value, bytes), value
    return value


def _object(mono: dict[tuple[str, str], Output], sample: str) -> Any:
    return nc.from_xml(_bytes(mono[sample, "xml"]), m.TYPES[SAMPLES[sample]])


# ----------------------------------------------------------------------------- XML


#: a Circle written by a DataContractSerializer of Shape: <Shape i:type="d1p1:Circle">
BASE_TYPED_ROOT = "circle_as_shape"
#: samples holding a derived contract where the base is declared: Json.NET writes no type, so
#: it reads the base back (Circle's Radius is lost), and netcontract with it
POLYMORPHIC = {"drawing", "result_shape", BASE_TYPED_ROOT}


@pytest.mark.parametrize("sample", list(SAMPLES))
def test_xml_is_read_and_written_back_identical(mono, sample: str) -> None:
    obj = _object(mono, sample)
    # the serializer's type: a Circle is written as <Shape i:type="d1p1:Circle">
    root_type = m.TYPES[SAMPLES[sample]]
    assert nc.to_xml(obj, root_type=root_type) == mono[sample, "xml"]
    assert nc.to_xml(obj, indent=True, root_type=root_type) == mono[sample, "xml_indent"]
    assert nc.from_xml(_bytes(mono[sample, "xml_indent"]), root_type) == obj


# ----------------------------------------------------------------------------- Json.NET


@pytest.mark.parametrize("name", SETTINGS)
@pytest.mark.parametrize("sample", list(SAMPLES))
def test_jsonnet_bytes_written(mono, sample: str, name: str) -> None:
    assert (
        nc.to_json(_object(mono, sample), settings=settings_of(name))
        == mono[sample, f"json:{name}"]
    )


@pytest.mark.parametrize("name", SETTINGS)
@pytest.mark.parametrize("sample", list(SAMPLES))
def test_jsonnet_bytes_read_as_jsonnet_reads_them(mono, sample: str, name: str) -> None:
    """netcontract reads Json.NET's bytes to what Json.NET reads (both written as XML); where
    Json.NET cannot read its own bytes back (a required member left out by
    DefaultValueHandling.Ignore), or reads an ``object`` member it cannot write as XML (a
    JObject), netcontract refuses too, with its own error."""
    settings = settings_of(name)
    cls = m.TYPES[SAMPLES[sample]]
    document = _bytes(mono[sample, f"json:{name}"])
    expected = mono[sample, f"back:{name}"]
    if isinstance(expected, str):
        with pytest.raises(nc.NetContractError):
            nc.to_xml(nc.from_json(document, cls, settings=settings))
        return
    obj = nc.from_json(document, cls, settings=settings)
    assert nc.to_xml(obj) == expected
    if sample not in POLYMORPHIC:
        assert nc.to_json(obj, settings=settings) == document


def test_a_base_typed_root_is_read_as_the_derived_value(mono) -> None:
    obj = nc.from_xml(_bytes(mono[BASE_TYPED_ROOT, "xml"]), m.Shape)
    assert obj == m.Circle(name="n", radius=1e-7)


# ----------------------------------------------------------------------------- XSD


def _mono_schemas(mono: dict[tuple[str, str], Output], type_name: str) -> dict[str, str]:
    schemas = {
        kind: _bytes(value).decode("utf-8")
        for (case, kind), value in mono.items()
        if case == f"xsd_{type_name}"
    }
    schemas.pop(XS)  # Mono's stub for the XML Schema namespace (test_xsd_interop.py)
    return schemas


@pytest.mark.parametrize("type_name", list(m.TYPES))
def test_xsd_export_is_byte_identical(mono, type_name: str) -> None:
    ours = nc.export_schemas(m.TYPES[type_name])
    theirs = _mono_schemas(mono, type_name)
    assert list(ours) == list(theirs)
    for ns, text in theirs.items():
        diff = "".join(difflib.unified_diff(text.splitlines(True), ours[ns].splitlines(True)))
        assert ours[ns] == text, diff


# ----------------------------------------------------------------------------- generate


def test_contracts_generated_from_monos_xsd_read_monos_xml(mono, tmp_path: Path) -> None:
    for type_name in m.TYPES:
        for index, text in enumerate(_mono_schemas(mono, type_name).values()):
            (tmp_path / f"{type_name}_{index}.xsd").write_text(text, encoding="utf-8")
    generated = generate_module(str(tmp_path))
    # what cannot be said exactly, and is reported: Channels' member "None" (a Python
    # keyword) and the GenericType annotation of the closed generics (Result<T>, Page<T,U>)
    features = sorted(report.feature for report in generated.reports)
    assert features == ["enum_name"] + ["generic"] * (len(features) - 1), features
    source = tmp_path / "real_world_generated.py"
    source.write_text(generated.code, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("real_world_generated", source)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["real_world_generated"] = module
    try:
        spec.loader.exec_module(module)
        for sample in SAMPLES:
            for kind, indent in (("xml", False), ("xml_indent", True)):
                document = _bytes(mono[sample, kind])
                # the generated class of the root element (other tests may declare classes
                # of the same contract names: the class is given, not looked up)
                root = etree.QName(etree.fromstring(document))
                root_type = next(
                    cls
                    for cls in vars(module).values()
                    if is_contract(cls)
                    and (nc.contract_info(cls).namespace, nc.contract_info(cls).name)
                    == (root.namespace, root.localname)
                )
                obj = nc.validate_xml(document, root_type)
                assert type(obj).__module__ == "real_world_generated", (sample, type(obj))
                # (a <Shape i:type="Circle"> is written back from Shape's class)
                assert nc.to_xml(obj, indent=indent, root_type=root_type) == document
    finally:
        del sys.modules["real_world_generated"]


# ----------------------------------------------------------------------------- StringEnumConverter


@pytest.mark.parametrize("index", range(len(m.ENUM_VALUES)))
def test_string_enum_converter_writes_as_jsonnet(mono, index: int) -> None:
    value = m.ENUM_VALUES[index]
    plain = nc.JsonSettings(string_enum_converter=True)
    camel = nc.JsonSettings(string_enum_converter=True, string_enum_camel_case_text=True)
    assert nc.to_json(value, settings=plain) == mono[f"enum_write_{index}", "plain"]
    assert nc.to_json(value, settings=camel) == mono[f"enum_write_{index}", "camel"]
    for converter, kind in ((plain, "plain"), (camel, "camel")):
        # and reads its bytes back (an unnamed value too: written as a number)
        document = _bytes(mono[f"enum_write_{index}", kind])
        assert nc.from_json(document, m.EnumHolder, settings=converter) == value


#: the JSON texts WriteEnums has Json.NET read
ENUM_READS = 28


@pytest.mark.parametrize("index", range(ENUM_READS))
def test_string_enum_converter_reads_as_jsonnet(mono, index: int) -> None:
    assert ("enum_read_" + str(ENUM_READS), "json") not in mono  # (all of them are run)
    document = _bytes(mono[f"enum_read_{index}", "json"])
    expected = mono[f"enum_read_{index}", "read"]
    settings = nc.JsonSettings(string_enum_converter=True)
    if isinstance(expected, str):
        with pytest.raises(nc.JsonPayloadError):
            nc.from_json(document, m.EnumHolder, settings=settings)
        return
    h = nc.from_json(document, m.EnumHolder, settings=settings)
    got = f"C={int(h.c)} F={int(h.f)} N={int(h.n)} NC={'null' if h.nc_ is None else int(h.nc_)}"
    assert got.encode() == expected, document


# ----------------------------------------------------------------------------- documents read

#: RealWorld.cs's Reads: (type, settings, what the case shows); Json.NET's object is written
#: back as XML (where it can be) and as JSON with the same settings
READS = [
    ("Links", "default", '"" into a Uri member, item and dictionary value: null'),
    ("Links", "default", '" " is a Uri'),
    ("Links", "default", "a Uri, an empty list"),
    ("WithInit", "default", "a missing member keeps what the constructor set"),
    ("Shared", "preserve_objects", "$id in an object member: dropped (a JObject)"),
    ("Shared", "preserve_objects", "$ref in an object member: the object read before"),
    ("Shared", "preserve_all", "$id/$values in an object member: the list (a JArray)"),
]
#: Json.NET reads M's $ref to the JObject as null, silently: refused
REFUSED_READS = [("Shared", "preserve_objects", "$ref to an object read into an object member")]


@pytest.mark.parametrize("index", range(len(READS)))
def test_documents_read_as_jsonnet_reads_them(mono, index: int) -> None:
    assert ("read_" + str(len(READS) + len(REFUSED_READS)), "json") not in mono  # (all run)
    type_name, name, shows = READS[index]
    settings = settings_of(name)
    document = _bytes(mono[f"read_{index}", "json"])
    obj = nc.from_json(document, m.TYPES[type_name], settings=settings)
    assert nc.to_json(obj, settings=settings) == mono[f"read_{index}", "rewritten"], shows
    xml = mono[f"read_{index}", "xml"]
    if isinstance(xml, bytes):
        assert nc.to_xml(obj) == xml, shows
    else:  # a JObject or JArray in an object member: neither can write it as XML
        with pytest.raises(nc.SerializationError):
            nc.to_xml(obj)


@pytest.mark.parametrize("index", range(len(READS), len(READS) + len(REFUSED_READS)))
def test_documents_jsonnet_reads_lossily_are_refused(mono, index: int) -> None:
    type_name, name, _ = REFUSED_READS[index - len(READS)]
    document = _bytes(mono[f"read_{index}", "json"])
    assert b'"M":null' in _bytes(mono[f"read_{index}", "rewritten"])  # Json.NET lost M
    with pytest.raises(nc.JsonPayloadError, match="keeps no reference"):
        nc.from_json(document, m.TYPES[type_name], settings=settings_of(name))


def test_missing_xml_members_are_not_set_by_the_constructor(mono) -> None:
    """DataContractSerializer does not run a [DataContract] class's constructor: a member
    missing from XML is default(T) (Mono: Quantity 0, Lines null), where Json.NET keeps the
    constructor's values (the JSON case above). netcontract has one default per member, the
    constructor's here: it reads the XML as Json.NET reads JSON (README, "Declaring your own
    contracts")."""
    document = _bytes(mono["xmlread_0", "xml"])
    rewritten = _bytes(mono["xmlread_0", "rewritten"])
    assert b"<Quantity>0</Quantity>" in rewritten and b'<Lines xmlns:d2p1="' in rewritten
    assert nc.from_xml(document, m.WithInit) == m.WithInit(quantity=1, lines=[])
    zero = m.WithInit(quantity=0, lines=None)  # what a twin declared with .NET defaults reads
    assert nc.to_xml(zero) == rewritten


# ----------------------------------------------------------------------------- drawn values

#: where Mono's bytes differ from netcontract's on purpose (README, "Behaviours chosen where
#: .NET is lossy"): -0 (XML) and -0.0 (JSON) are read as +0 by .NET; a bare object is
#: <X i:type="xs:anyType" /> on Mono, <X /> on .NET Framework (the help page)
_MINUS_ZERO_XML = re.compile(rb">-0<")
_MINUS_ZERO_JSON = re.compile(rb"(?<=[:\[,])-0\.0(?=[,}\]])")
_ANY_TYPE = re.compile(
    rb' xmlns:(d\d+p\d+)="http://www.w3.org/2001/XMLSchema" i:type="\1:anyType" />'
)
#: contracts whose object member may hold a contract: Json.NET reads it as a JObject (its
#: decimals become doubles), so Mono's JSON echo of netcontract's JSON differs for them
_JOBJECTS = {"Stock", "Shared"}
DRAWN = 8


def _zeroed(data: bytes, xml: bool) -> bytes:
    """``data`` with -0 as 0 (on both sides: a string "-0" is changed on both)."""
    if xml:
        return _MINUS_ZERO_XML.sub(b">0<", data)
    return _MINUS_ZERO_JSON.sub(b"0.0", data)


def _drawn(cls: type) -> list[Any]:
    found: list[Any] = []

    @settings(max_examples=DRAWN, database=None, derandomize=True, deadline=None)
    @given(for_type(cls, local_offsets=st.just(0)))
    def draw(value: Any) -> None:
        found.append(value)

    draw()
    return found


def test_mono_reads_drawn_values_and_writes_netcontracts_bytes(tmp_path: Path) -> None:
    """For values netcontract.strategies draws for every contract above (local dates in UTC:
    Mono runs there), Mono's DataContractSerializer and Json.NET read netcontract's XML and
    JSON and write back netcontract's bytes (XML and JSON from the XML, JSON from the JSON).
    """
    if not mono_available():
        pytest.skip(mono_unavailable_reason())
    exe = compile_program("RealWorld", tmp_path)
    cases: list[tuple[str, bytes, bytes]] = []
    lines: list[str] = []
    for name, cls in m.TYPES.items():
        if name == "Shape":
            continue  # (its twin's root holds a Circle: see BASE_TYPED_ROOT)
        for value in _drawn(cls):
            xml, json = nc.to_xml(value), nc.to_json(value)
            cases.append((name, xml, json))
            for kind, data in (("xml", xml), ("json", json)):
                lines.append(f"{name}\t{kind}\t{base64.b64encode(data).decode()}")
    out = run_program(exe, "echo", stdin=("\n".join(lines) + "\n").encode()).decode()
    answers = [line.split("\t") for line in out.splitlines()]
    assert len(answers) == 4 * len(cases)
    for index, (name, xml, json) in enumerate(cases):
        for offset, source in ((0, "xml"), (2, "json")):
            if source == "json" and name in _JOBJECTS:
                continue
            for (_, kind, status, b64), ours in zip(
                answers[4 * index + offset : 4 * index + offset + 2], (xml, json), strict=True
            ):
                if source == "json" and kind == "xml":
                    # not the same document: JSON says no .NET type for an object member's
                    # value, and Json.NET writes a Decimal 0 as 0.0, read back with a scale
                    continue
                theirs = base64.b64decode(b64)
                assert status == "ok", (name, source, theirs.decode())
                if kind == "xml":
                    theirs = _ANY_TYPE.sub(b" />", theirs)
                xml_kind = kind == "xml"
                assert _zeroed(theirs, xml_kind) == _zeroed(ours, xml_kind), (name, source, kind)


# ----------------------------------------------------------------------------- typed roots


@pytest.mark.parametrize("name", list(m.ROOTS))
def test_a_derived_value_is_written_as_a_root_of_its_base_type(
    mono, name: str, engine_path: str
) -> None:
    """``new DataContractSerializer(typeof(Shape)).WriteObject(circle)``: ``<Shape
    i:type="…Circle">``, in both layouts, an is_reference one too; read back as the value;
    and DataContractJsonSerializer's ``{"__type":"Circle:…",…}``."""
    root_type, value = m.ROOTS[name]
    for kind, options in (
        ("xml", {}),
        ("xml_indent", {"indent": True}),
        ("stream", {"layout": "stream"}),
    ):
        data = nc.to_xml(value, root_type=root_type, **options)  # type: ignore[arg-type]
        assert data == mono[f"root_{name}", kind], kind
        back = nc.from_xml(data, root_type)
        assert type(back) is type(value)
        assert nc.to_xml(back, root_type=root_type, **options) == data  # type: ignore[arg-type]
    # DataContractJsonSerializer: the __type first (an is_reference contract: refused, as Mono)
    wcf = mono[f"root_{name}", "wcf"]
    if isinstance(wcf, str):
        assert "IsReference" in wcf
        with pytest.raises(nc.SerializationError, match="IsReference"):
            nc.to_wcf_json(value, root_type=root_type)
    else:
        assert nc.to_wcf_json(value, root_type=root_type) == wcf
        assert type(nc.from_wcf_json(wcf, root_type)) is type(value)


def test_a_derived_value_the_base_does_not_know_is_refused(mono) -> None:
    assert "is not expected" in str(mono["root_triangle", "xml"])  # Mono refuses it
    assert "is not expected" in str(mono["root_triangle", "wcf"])
    with pytest.raises(nc.SerializationError, match="is not expected"):
        nc.to_xml(m.Triangle(sides=3), root_type=m.Shape)
    with pytest.raises(nc.SerializationError, match="is not expected"):
        nc.to_wcf_json(m.Triangle(sides=3), root_type=m.Shape)
    # known to the call, as to the serializer (new DataContractSerializer(type, knownTypes))
    data = nc.to_xml(m.Triangle(sides=3), root_type=m.Shape, known_types=[m.Triangle])
    assert data.startswith(b'<Shape xmlns:i="http://www.w3.org/2001/XMLSchema-instance"')
    with pytest.raises(nc.SerializationError, match="is not a Circle"):
        nc.to_xml(m.Square(), root_type=m.Circle)
    with pytest.raises(ValueError, match="root_type"):
        nc.to_xml(m.Square(), root_type=m.Shape, root_name="X")
