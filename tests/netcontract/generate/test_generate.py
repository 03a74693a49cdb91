"""``netcontract generate`` / ``nc.generate``: XSD and WSDL to contracts.

Where expected values come from:

- ``xsd/`` is the export of the shipped ``vehizen`` models (itself byte-identical to Mono's
  export of the C# twin); the help page's samples are ``fixtures/`` (see fixtures/README.md);
- ``data/mono_features/``: Mono: ``XsdDataContractExporter`` over ``Features.cs.txt`` (the C#
  classes ``P.A.Dc`` and ``P.A.Ref``: Order, IsRequired, EmitDefaultValue, char, TimeSpan,
  DateTimeOffset, a dictionary, a generic, a [Flags] enum, a struct, byte[], float, Uri, a long
  enum, IsReference), written with ``XmlSchema.Write`` through ``XmlWriter.Create(Indent=true)``;
- ``data/mono_members/``: Mono: the same export of ``Members.cs.txt`` (``P.B.Members`` and
  ``P.B.Derived``: Order, IsRequired, EmitDefaultValue, char, TimeSpan, byte[], their nullable
  forms and lists); the member options expected are those Mono's ``XsdDataContractImporter``
  declares for that schema (``[DataMember(IsRequired=true, Order=11)]`` for ``Abc``...);
- ``data/mono_values/``: Mono: the same export of ``Values.cs.txt`` (``P.V.Values``: float,
  DateTimeOffset, their nullable forms and lists of both, enums with
  ``[EnumMember(Value = ...)]``, one with gaps, a ``[Flags]`` enum with wire names); the enum
  member names expected are those Mono's importer declares
  (``[EnumMember(Value="in-progress")] inprogress = 0``).
"""

from __future__ import annotations

import importlib.metadata
import io
import json
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import netcontract as nc
from netcontract.cli import main
from netcontract.codegen import _no_fallback
from netcontract.generate import generate_module, sources
from netcontract.generate.schema import attribute_name, class_name
from netcontract.model.contract import is_contract
from vehizen import CustomerGroupDto, ResponseDto

ROOT = Path(__file__).resolve().parents[3]
XSD_DIR = ROOT / "xsd"
FIXTURES = ROOT / "fixtures"
HERE = Path(__file__).resolve().parent
FEATURES = HERE / "data" / "mono_features"
MEMBERS = HERE / "data" / "mono_members"
VALUES = HERE / "data" / "mono_values"
MONO_KNOWN = HERE / "data" / "mono_known"
P_A = "schemas.datacontract.org.2004.07.P.A.xsd"
XS = "http://www.w3.org/2001/XMLSchema"
SER = "http://schemas.microsoft.com/2003/10/Serialization/"

# ----------------------------------------------------------------------------- Vehizen's xsd/


# each runs on the default module (extension_data=True: the XML reader is the reference one)
# and with extension_data=False, where the generated readers and writers must do it all
# (no fallback): the shipped vehizen models declare no extension data
KEEPS = pytest.mark.parametrize("keep", [None, False], ids=["extension_data", "no_extension_data"])


@KEEPS
def test_contracts_generated_from_xsd_export_the_schemas_of_the_vehizen_models(
    load_generated, keep
):
    module = load_generated(nc.generate(XSD_DIR, extension_data=keep))
    ours = nc.export_schemas(module.CustomerGroupDto, module.ResponseDto)
    assert ours == nc.export_schemas(CustomerGroupDto, ResponseDto)


@pytest.mark.parametrize(
    ("fixture", "name"),
    [
        ("customer_group.xml", "CustomerGroupDto"),
        ("customer_group.compact.xml", "CustomerGroupDto"),
        ("response.xml", "ResponseDto"),
        ("response.compact.xml", "ResponseDto"),
    ],
)
@KEEPS
def test_generated_classes_rewrite_the_help_page_xml_byte_for_byte(
    load_generated, fixture, name, keep
):
    module = load_generated(nc.generate(XSD_DIR, extension_data=keep))
    data = (FIXTURES / fixture).read_bytes()
    with _no_fallback():
        obj = nc.from_xml(data, getattr(module, name))
        assert nc.to_xml(obj, indent="compact" not in fixture) == data


def _without(value: Any, names: set[str]) -> Any:
    if isinstance(value, dict):
        return {k: _without(v, names) for k, v in value.items() if k not in names}
    if isinstance(value, list):
        return [_without(v, names) for v in value]
    return value


@pytest.mark.parametrize(
    ("fixture", "name", "reference"),
    [
        ("customer_group.json", "CustomerGroupDto", CustomerGroupDto),
        ("customer_group.compact.json", "CustomerGroupDto", CustomerGroupDto),
        ("response.json", "ResponseDto", ResponseDto),
    ],
)
@KEEPS
def test_generated_classes_read_the_help_page_json_as_the_vehizen_models(
    load_generated, fixture, name, reference, keep
):
    module = load_generated(nc.generate(XSD_DIR, extension_data=keep))
    data = (FIXTURES / fixture).read_bytes()
    with _no_fallback():  # Json.NET ignores IExtensibleDataObject: the fast path either way
        ours = nc.from_json(data, getattr(module, name))
    if name == "CustomerGroupDto":  # (Data: {} cannot be written as XML, by either class)
        assert nc.to_xml(ours) == nc.to_xml(nc.from_json(data, reference))
    # the same members and values; the XSD cannot say the JSON-only members (FullName,
    # Utility: read-only properties) nor the declaration order Json.NET writes in
    expected = _without(json.loads(data), {"FullName", "Utility"})
    assert json.loads(nc.to_json(ours)) == expected


# ----------------------------------------------------------------------------- the module


def test_the_module_is_the_same_bytes_wherever_the_files_are(tmp_path):
    copy = tmp_path / "elsewhere"
    shutil.copytree(XSD_DIR, copy)
    here, there = nc.generate(XSD_DIR), nc.generate(copy)
    assert here == there
    assert str(XSD_DIR) not in here
    assert str(tmp_path) not in there
    assert nc.generate(XSD_DIR) == here


def test_the_header_names_the_files_and_the_version():
    code = nc.generate(sorted(XSD_DIR.iterdir()))
    header = code.split('"""')[1]
    assert f"netcontract {importlib.metadata.version('netcontract')}" in header
    for path in XSD_DIR.iterdir():
        assert path.name in " ".join(header.split())


def test_reports_are_listed_in_the_module_header():
    generated = generate_module(FEATURES)
    header = " ".join(generated.code.split('"""')[1].split())
    assert f"Not mapped exactly ({len(generated.reports)})" in header
    # xs:anyURI (issue 14) is mapped now, no longer reported
    assert "anyURI" not in header
    assert 'u: nc.Uri | None = nc.member("U", default=None)' in generated.code


# ----------------------------------------------------------------------------- mapping


def test_each_construct_netcontract_cannot_map_is_reported_with_its_location():
    reports = generate_module(FEATURES).reports
    assert {r.feature for r in reports} == {
        "enum_actual_type",
        "generic",
        "value_type",
    }
    by_location = {r.location: str(r) for r in reports}
    assert f"{P_A}, line 24, complexType 'Dc', element 'U'" not in by_location  # nc.Uri


def test_is_reference_schema_is_generated_as_is_reference_contract(load_generated):
    # Mono's XsdDataContractExporter writes IsReference=true as the ser:Id and ser:Ref
    # attributes (Features.cs.txt: class Ref); generated back, shared objects round-trip
    generated = nc.generate(FEATURES)
    assert "is_reference=True" in generated
    module = load_generated(generated)
    assert module.Ref.__netcontract__.is_reference
    assert "ser:Id" in nc.export_schemas(module.Ref)["http://schemas.datacontract.org/2004/07/P.A"]


def test_extension_data_is_declared_on_the_classes_that_derive_from_no_other(load_generated):
    # XsdDataContractImporter's classes implement IExtensibleDataObject (the base classes;
    # derived classes inherit it): by default the generated classes keep the members a later
    # version of the schema adds and write them back, as .NET's do (Mono:
    # tests/interop/test_real_xsd_interop.py); extension_data=False drops them
    kept = generate_module(MONO_KNOWN)
    assert generate_module(MONO_KNOWN, extension_data=True).code == kept.code
    plain = generate_module(MONO_KNOWN, extension_data=False)
    assert "extension_data" not in plain.code
    assert kept.reports == plain.reports
    module = load_generated(kept.code)
    classes = [v for v in vars(module).values() if isinstance(v, type) and is_contract(v)]
    assert all(nc.contract_info(cls).extension_data for cls in classes)
    roots = [c for c in classes if not any(is_contract(b) for b in c.__mro__[1:])]
    assert len(roots) < len(classes)  # mono_known has derived classes
    assert kept.code.count("extension_data=True") == len(roots)
    cls = next(c for c in classes if nc.contract_info(c).xml_members)
    xml = nc.to_xml(cls())
    end = xml.index(b">") + 1
    later = xml[:end] + b"<ZzLater>1</ZzLater>" + xml[end:]
    with _no_fallback(False):  # the kept member: the reference writer's, by design
        assert nc.to_xml(nc.from_xml(later, cls)) == later
    dropping = load_generated(plain.code).__dict__[cls.__name__]
    assert not nc.contract_info(dropping).extension_data
    with _no_fallback():  # without extension data: the generated paths, the member dropped
        assert nc.to_xml(nc.from_xml(later, dropping)) == xml


def test_extension_data_applies_to_schemas_only(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html></html>", encoding="utf-8")
    with pytest.raises(nc.SchemaError, match="schemas only"):
        generate_module(page, extension_data=True)
    # the default and False: Web API models keep nothing (the default is for schemas)
    assert generate_module(page).code == generate_module(page, extension_data=False).code


@pytest.mark.parametrize(
    ("flags", "keep"),
    [([], True), (["--extension-data"], True), (["--no-extension-data"], False)],
)
def test_cli_generate_extension_data(flags, keep):
    status, out, err = _run(["generate", *flags, str(MONO_KNOWN)])
    assert (status, err) == (0, "")
    assert out.decode("utf-8") == nc.generate(MONO_KNOWN, extension_data=keep)
    assert ("extension_data=True" in out.decode("utf-8")) is keep


def test_strict_refuses_what_cannot_be_mapped():
    with pytest.raises(nc.SchemaError) as refused:
        nc.generate(FEATURES, strict=True)
    problems = refused.value.problems
    assert len(problems) == len(generate_module(FEATURES).reports)
    assert all(p.path.startswith(P_A) for p in problems)


def test_strict_accepts_a_set_it_maps_exactly():
    assert nc.generate(XSD_DIR, strict=True) == nc.generate(XSD_DIR)


def test_the_closest_forms_behave_as_described(load_generated):
    module = load_generated(nc.generate(FEATURES))
    dc = module.Dc()
    # the struct member is never None: it defaults to a new instance
    assert dc.str_ == module.S()
    assert module.LongE.Y == 5_000_000_000  # ser:EnumerationValue
    assert {m.wire_name for m in nc.contract_info(module.Dc).xml_members} == {
        "Abc",
        "Bytes",
        "C",
        "Dict",  # Dictionary<string,int>: dict[str, nc.Int32] (issue 14)
        "Dto",
        "Emit",
        "F",
        "Flags",
        "LE",
        "Pg",
        "Span",
        "Str",
        "U",
        "Zed",
    }
    assert module.PageOfOtherViKjocsw.__netcontract__.name == "PageOfOtherViKjocsw"


def test_single_datetimeoffset_wire_names_and_flags_round_trip_monos_export(load_generated):
    generated = generate_module(VALUES)
    # only the Flags member None (a Python keyword) is not named as in C#
    assert [(r.feature, r.message) for r in generated.reports] == [
        ("enum_name", ".NET's member 'None' cannot be a Python enum member: named 'None_'")
    ]
    code = generated.code
    assert 'f: nc.Single = nc.member("F", default=0.0)' in code
    assert 'nf: nc.Single | None = nc.member("NF", default=None)' in code
    assert 'dto: nc.DateTimeOffset = nc.member("Dto", default=nc.DateTimeOffset.MIN_VALUE)' in code
    assert 'dtos: list[nc.DateTimeOffset] | None = nc.member("Dtos", default=None)' in code
    assert "class Perms(nc.ContractFlag):" in code
    assert 'inprogress = nc.enum_member(0, "in-progress")' in code
    assert "class DateTimeOffset" not in code  # System's type: never generated
    module = load_generated(code)
    exported = nc.export_schemas(module.Values)
    for path in VALUES.glob("*.xsd"):
        text = path.read_text(encoding="utf-8")
        namespace = etree.fromstring(text.encode()).get("targetNamespace")
        assert exported.pop(namespace) == text, path.name
    assert exported == {}
    perms, status = module.Perms, module.Status
    value = module.Values(
        f=nc.to_single(0.1),
        dto=nc.DateTimeOffset.parse("2024-05-06T13:45:07.1234567+02:00"),
        p=perms.read | perms.Write,
        ps=[perms.None_, perms.All],
        st=status.onhold,
        g=module.Gapped.xy,
    )
    xml = nc.to_xml(value)
    for text in (b"<F>0.1</F>", b"<G>x.y</G>", b"<P>read Write</P>", b"<St>on hold</St>"):
        assert text in xml
    assert b"<Perms>None</Perms><Perms>All</Perms>" in xml
    assert b"<d2p1:OffsetMinutes>120</d2p1:OffsetMinutes>" in xml
    assert nc.from_xml(xml, module.Values) == value
    assert nc.from_json(nc.to_json(value), module.Values) == value


def test_char_duration_and_base64_members_are_generated_with_their_net_defaults(load_generated):
    generated = generate_module(MEMBERS)
    assert generated.reports == ()
    code = generated.code
    assert 'c: nc.Char = nc.member("C", default="\\x00")' in code
    assert 'span: nc.TimeSpan = nc.member("Span", default=nc.TimeSpan.ZERO)' in code
    assert 'bytes_: bytes | None = nc.member("Bytes", default=None)' in code
    module = load_generated(code)
    members = module.Members()
    assert (members.c, members.nc_, members.span, members.n_span) == (
        "\x00",
        None,
        nc.TimeSpan.ZERO,
        None,
    )
    assert (members.bytes_, members.cs, members.spans, members.blobs) == (None, None, None, None)
    value = module.Members(
        c="\u20ac",
        span=nc.TimeSpan(-15_000_000),
        bytes_=b"",
        cs=["A"],
        spans=[None, nc.TimeSpan.MAX_VALUE],
        blobs=[b"\x00\xff", None],
        name="n",
    )
    # Mono: DataContractSerializer writes a char as its UTF-16 code and a TimeSpan as xs:duration
    xml = nc.to_xml(value)
    assert b"<C>8364</C>" in xml
    assert b"<Span>-PT1.5S</Span>" in xml
    assert b"<Bytes />" in xml  # an empty array, not nil
    assert nc.from_xml(xml, module.Members) == value
    assert nc.from_json(nc.to_json(value), module.Members) == value


def test_member_options_are_declared_as_monos_importer_declares_them(load_generated):
    module = load_generated(nc.generate(MEMBERS))
    declared = {
        m.wire_name: (m.order, m.is_required, m.emit_default_value)
        for cls in (module.Members, module.Derived)
        for m in nc.contract_info(cls).xml_members
    }
    # Mono's XsdDataContractImporter over the same schema: Abc [DataMember(IsRequired=true,
    # Order=11)], Zed (Order=12), Name (IsRequired=true), Emit and Count
    # (EmitDefaultValue=false); in Derived, Late (Order=2, EmitDefaultValue=false)
    options = {k: v for k, v in declared.items() if v != (-1, False, True)}  # -1: no Order
    assert options == {
        "Abc": (11, True, True),
        "Zed": (12, False, True),
        "Name": (-1, True, True),
        "Emit": (-1, False, False),
        "Count": (-1, False, False),
        "Late": (2, False, False),
    }


def _components(text: str) -> tuple[set[str], dict[tuple[str, str], Any]]:
    """(imported namespaces, {(kind, name): canonical form}) of one schema document, with
    ``type``/``base`` QNames resolved so that ``q1``/``q2`` prefixes do not matter."""
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
        return (el.tag, tuple(attrs), (el.text or "").strip(), tuple(canon(c) for c in el))

    parts = {
        (etree.QName(el).localname, el.get("name")): canon(el)
        for el in root
        if el.tag != f"{{{XS}}}import"
    }
    return imports, parts


def test_contracts_generated_from_monos_export_export_it_again_component_equal(load_generated):
    module = load_generated(nc.generate(MEMBERS))
    ours = nc.export_schemas(module.Derived)
    theirs = {}
    for path in MEMBERS.glob("*.xsd"):
        text = path.read_text(encoding="utf-8")
        theirs[etree.fromstring(text.encode()).get("targetNamespace")] = text
    assert set(ours) == set(theirs)
    for namespace, text in theirs.items():
        assert _components(ours[namespace]) == _components(text), namespace
        assert ours[namespace] == text, namespace  # byte for byte, too


def test_a_required_member_is_refused_when_missing_as_net_refuses_it(load_generated):
    module = load_generated(nc.generate(MEMBERS))
    xml = nc.to_xml(module.Members(name="n"))
    without = xml.replace(b"<Name>n</Name>", b"")
    assert without != xml
    with pytest.raises(nc.XmlPayloadError, match="Name"):
        nc.from_xml(without, module.Members)


@pytest.mark.parametrize(
    ("wire", "attr"),
    [
        ("IdWS", "id_ws"),
        ("IDByGovernment", "id_by_government"),
        ("CANFuelReportUtc", "can_fuel_report_utc"),
        ("VIN", "vin"),
        ("_u", "u"),
        ("Date_of_Request", "date_of_request"),
        ("class", "class_"),
        ("str", "str_"),
        ("match", "match_"),
        ("2Fast", "m2_fast"),
        ("\u00e9t\u00e9", "ete"),
        ("\uff21", "a"),
        ("\u4e2d", "member"),
    ],
)
def test_attribute_names_are_snake_case_python_identifiers(wire, attr):
    assert attribute_name(wire) == attr


@pytest.mark.parametrize(
    ("contract", "name"),
    [
        ("file", "File"),
        ("ResultOfstring", "ResultOfstring"),
        ("Date_of_Request", "DateOfRequest"),
        ("None", "NoneContract"),
        ("PageOfOther_Pabc", "PageOfOtherPabc"),
        ("1st", "T1st"),
    ],
)
def test_class_names_are_capwords(contract, name):
    assert class_name(contract) == name


ADVERSARIAL = f"""<xs:schema xmlns:xs="{XS}" xmlns:ser="{SER}"
  xmlns:tns="http://schemas.datacontract.org/2004/07/Very.Long.Namespace.Name.That.Goes.On.And.On.For.A.While"
  targetNamespace="http://schemas.datacontract.org/2004/07/Very.Long.Namespace.Name.That.Goes.On.And.On.For.A.While"
  elementFormDefault="qualified">
  <xs:simpleType name="mixedCaseEnum">
    <xs:annotation><xs:documentation>An "enum" with \\ backslashes, ''' and \"\"\" quotes and a very
    long documentation line that has to be wrapped because it is longer than a hundred characters.
    A_word_that_is_far_too_long_for_one_line_of_a_docstring_in_a_generated_module_so_it_is_broken"
    </xs:documentation></xs:annotation>
    <xs:restriction base="xs:string">
      <xs:enumeration value="l" />
      <xs:enumeration value="inProgress" />
      <xs:enumeration value="None" />
      <xs:enumeration value="in-progress" />
      <xs:enumeration value="Done">
        <xs:annotation><xs:appinfo><EnumerationValue xmlns="{SER}">7</EnumerationValue></xs:appinfo>
        </xs:annotation>
      </xs:enumeration>
      <xs:enumeration value="Same">
        <xs:annotation><xs:appinfo><EnumerationValue xmlns="{SER}">7</EnumerationValue></xs:appinfo>
        </xs:annotation>
      </xs:enumeration>
      <xs:enumeration value="{"AVeryLongEnumerationValueName" * 4}" />
    </xs:restriction>
  </xs:simpleType>
  <xs:complexType name="{"AVeryLongContractName" * 3}">
    <xs:annotation><xs:documentation>"Quoted"</xs:documentation></xs:annotation>
    <xs:sequence>
      <xs:element minOccurs="0" name="{"AVeryLongMemberName" * 3}" nillable="true"
        type="tns:ArrayOf{"AVeryLongContractName" * 3}" />
      <xs:element minOccurs="0" name="Enum" type="tns:mixedCaseEnum" />
      <xs:element minOccurs="0" name="Quote" nillable="true" type="xs:string">
        <xs:annotation><xs:documentation>ends with a "quote"</xs:documentation></xs:annotation>
      </xs:element>
      <xs:element minOccurs="0" name="class" type="xs:int" />
      <xs:element minOccurs="0" name="str" nillable="true" type="xs:decimal" />
      <xs:element minOccurs="0" name="uuid" nillable="true" type="ser:guid" />
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="ArrayOf{"AVeryLongContractName" * 3}">
    <xs:sequence>
      <xs:element minOccurs="0" maxOccurs="unbounded" name="{"AVeryLongContractName" * 3}"
        nillable="true" type="tns:{"AVeryLongContractName" * 3}" />
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="None"><xs:sequence /></xs:complexType>
  <xs:complexType name="Empty">
    <xs:annotation><xs:documentation>Nothing.</xs:documentation></xs:annotation>
    <xs:sequence />
  </xs:complexType>
</xs:schema>"""


def test_names_and_documentation_that_python_cannot_take_as_they_are(tmp_path, load_generated):
    schema = tmp_path / "adversarial.xsd"
    schema.write_text(ADVERSARIAL, encoding="utf-8")
    generated = generate_module(schema)
    # None is a Python keyword (None_, reported); in-progress is no identifier: named as
    # XsdDataContractImporter names it (Mono: inprogress), its wire name kept; Same shares
    # Done's number
    assert [(r.feature, r.location.rsplit(" ", 1)[1]) for r in generated.reports] == [
        ("enum_name", "'None'"),
        ("enum_alias", "'Same'"),
    ]
    module = load_generated(generated.code)
    enum = module.MixedCaseEnum
    assert [(m.name, m.wire_name, m.value) for m in enum] == [
        ("l", "l", 0),
        ("inProgress", "inProgress", 1),
        ("None_", "None", 2),
        ("inprogress", "in-progress", 3),
        ("Done", "Done", 7),
        ("AVeryLongEnumerationValueName" * 4, "AVeryLongEnumerationValueName" * 4, 6),
    ]
    cls = getattr(module, "AVeryLongContractName" * 3)
    obj = cls(class_=5, str_=None)
    assert nc.from_xml(nc.to_xml(obj), type(obj)) == obj
    for member in (enum.None_, enum.inprogress):
        data = nc.to_xml(cls(enum=member))
        assert f"<Enum>{member.wire_name}</Enum>".encode() in data
        assert nc.from_xml(data, cls).enum is member


def test_enum_member_names_follow_xsd_data_contract_importer(tmp_path, load_generated):
    # Mono's XsdDataContractImporter over these values: _1st, ab, ab1, GeneratedMember (each
    # with [EnumMember(Value = ...)]), a_b and value as they are
    values = ["1st", "a_b", "a-b", "ab", "value", "-"]
    facets = "".join(f'<xs:enumeration value="{v}" />' for v in values)
    (tmp_path / "odd.xsd").write_text(
        f'<xs:schema xmlns:xs="{XS}" targetNamespace="http://schemas.datacontract.org/2004/07/Q">'
        f'<xs:simpleType name="Odd"><xs:restriction base="xs:string">{facets}</xs:restriction>'
        "</xs:simpleType></xs:schema>",
        encoding="utf-8",
    )
    generated = generate_module(tmp_path / "odd.xsd")
    assert generated.reports == ()
    odd = load_generated(generated.code).Odd
    assert [(m.name, m.wire_name) for m in odd] == [
        ("_1st", "1st"),
        ("a_b", "a_b"),
        ("ab", "a-b"),
        ("ab1", "ab"),
        ("value", "value"),
        ("GeneratedMember", "-"),
    ]
    assert "    a_b = 1\n" in generated.code  # enum_member only where the names differ


def test_flags_values_without_annotation_are_powers_of_two_by_position(tmp_path, load_generated):
    # XsdDataContractExporter leaves out the EnumerationValue of a [Flags] member whose value
    # is 2**index (SchemaExporter.GetDefaultEnumValue), and the importer reads it back so; the
    # Bing Ads reporting set (schemas/) has such enums, checked against Mono's importer in
    # tests/interop/test_generate_interop.py
    facets = (
        '<xs:enumeration value="A" /><xs:enumeration value="B" />'
        f'<xs:enumeration value="C"><xs:annotation><xs:appinfo><EnumerationValue xmlns="{SER}">'
        "16</EnumerationValue></xs:appinfo></xs:annotation></xs:enumeration>"
        '<xs:enumeration value="D" />'
    )
    (tmp_path / "flags.xsd").write_text(
        f'<xs:schema xmlns:xs="{XS}" targetNamespace="http://schemas.datacontract.org/2004/07/Q">'
        f'<xs:simpleType name="F"><xs:list><xs:simpleType><xs:restriction base="xs:string">'
        f"{facets}</xs:restriction></xs:simpleType></xs:list></xs:simpleType></xs:schema>",
        encoding="utf-8",
    )
    generated = generate_module(tmp_path / "flags.xsd")
    assert generated.reports == ()
    flags = load_generated(generated.code).F
    assert [(m.name, m.value) for m in flags] == [("A", 1), ("B", 2), ("C", 16), ("D", 8)]
    exported = nc.export_schemas(flags)["http://schemas.datacontract.org/2004/07/Q"]
    assert exported.count("<EnumerationValue") == 1  # only C's, as .NET exports it


# ----------------------------------------------------------------------------- ruff and mypy


def _tool(name: str) -> Path:
    tool = Path(sys.executable).parent / name
    if not tool.exists():
        pytest.skip(f"{name} is not installed (pip install -e '.[dev]')")
    return tool


def test_generated_modules_pass_ruff_and_mypy_strict(tmp_path):
    ruff, mypy = _tool("ruff"), _tool("mypy")
    (tmp_path / "adversarial.xsd").write_text(ADVERSARIAL, encoding="utf-8")
    sets = {
        "vehizen_generated": XSD_DIR,
        "mono_features": FEATURES,
        "mono_members": MEMBERS,
        "mono_values": VALUES,
        "mono_known": HERE / "data" / "mono_known",
        "adversarial": tmp_path / "adversarial.xsd",
        **{p.name: p for p in (HERE / "schemas").iterdir() if p.is_dir()},
    }
    out = tmp_path / "out"
    out.mkdir()
    for name, source in sets.items():
        (out / f"{name}.py").write_text(nc.generate(source), encoding="utf-8")
    # extension_data=False: one argument fewer in the decorators (shorter lines, known types)
    for name in ("mono_known", "bingads_reporting"):
        code = nc.generate(sets[name], extension_data=False)
        (out / f"{name}_no_extension_data.py").write_text(code, encoding="utf-8")
    config = str(ROOT / "pyproject.toml")
    for cmd in (
        [ruff, "check", "--config", config, "."],
        [ruff, "format", "--check", "--config", config, "."],
        [mypy, "--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"), "."],
    ):
        done = subprocess.run(cmd, cwd=out, capture_output=True, text=True, check=False)
        assert done.returncode == 0, f"{cmd[0]} {cmd[1]}: {done.stdout}{done.stderr}"


# ----------------------------------------------------------------------------- hostile input


def _schema(body: str, *, imports: str = "") -> str:
    return (
        f'<xs:schema xmlns:xs="{XS}" xmlns:tns="urn:a" xmlns:x="urn:x" targetNamespace="urn:a"'
        f' elementFormDefault="qualified">{imports}{body}</xs:schema>'
    )


def test_a_module_without_contracts_ends_at_its_imports(tmp_path):
    # CoreWCF's DataSet service: operation messages only (ruff format refused a trailing blank)
    schema = tmp_path / "ops.xsd"
    schema.write_text(
        _schema(
            '<xs:element name="Op"><xs:complexType><xs:sequence /></xs:complexType></xs:element>'
        )
    )
    code = nc.generate(schema)
    assert code.endswith('"""\n\nfrom __future__ import annotations\n')
    assert "class " not in code


def test_long_member_lines_are_laid_out_as_ruff_format_lays_them_out(tmp_path):
    # Bing Ads' campaign management: the annotation fits on the line but "nc.member(" does
    # not, so ruff parenthesizes the right-hand side; longer still, the annotation
    long_type = "ImportSearchAndReplaceForStringProperty"
    elements = (
        f'<xs:element minOccurs="0" name="SearchAndReplaceForCampaignNames" nillable="true"'
        f' type="tns:{long_type}" />'
        f'<xs:element minOccurs="0" name="SearchAndReplaceForCampaignNamesAndMore" nillable="true"'
        f' type="tns:{long_type}WithAVeryLongNameIndeed" />'
    )
    empty = "<xs:sequence />"
    schema = tmp_path / "long.xsd"
    schema.write_text(
        _schema(
            f'<xs:complexType name="C"><xs:sequence>{elements}</xs:sequence></xs:complexType>'
            f'<xs:complexType name="{long_type}">{empty}</xs:complexType>'
            f'<xs:complexType name="{long_type}WithAVeryLongNameIndeed">{empty}</xs:complexType>'
        )
    )
    code = nc.generate(schema)
    assert (
        f"    search_and_replace_for_campaign_names: {long_type} | None = (\n"
        '        nc.member("SearchAndReplaceForCampaignNames", default=None)\n'
        "    )\n"
    ) in code
    assert (
        "    search_and_replace_for_campaign_names_and_more: (\n"
        f"        {long_type}WithAVeryLongNameIndeed | None\n"
        '    ) = nc.member("SearchAndReplaceForCampaignNamesAndMore", default=None)\n'
    ) in code


def test_a_schema_file_declaring_iso_8859_1_is_read_in_that_encoding(tmp_path):
    # dotnet/wcf's TypeReuseSvc.wsdl declares ISO-8859-1; svcutil reads it
    schema = tmp_path / "latin.xsd"
    text = '<?xml version="1.0" encoding="ISO-8859-1"?>\n' + _schema(
        '<xs:complexType name="T"><xs:annotation><xs:documentation>caf\u00e9</xs:documentation>'
        "</xs:annotation><xs:sequence /></xs:complexType>"
    )
    schema.write_bytes(text.encode("latin-1"))
    assert '"""caf\u00e9"""' in nc.generate(schema)


def test_a_reference_member_without_nillable_is_emit_default_value_false(load_generated, tmp_path):
    # Mono's XsdDataContractImporter over CoreWCF's XmlSerializer-format schema:
    # [DataMember(EmitDefaultValue=false)] string StringValue; [DataMember(IsRequired=true)] bool
    schema = tmp_path / "xs.xsd"
    schema.write_text(
        _schema(
            '<xs:complexType name="T"><xs:sequence>'
            '<xs:element minOccurs="1" maxOccurs="1" name="BoolValue" type="xs:boolean" />'
            '<xs:element minOccurs="0" maxOccurs="1" name="StringValue" type="xs:string" />'
            '<xs:element minOccurs="0" name="Text" nillable="true" type="xs:string" />'
            "</xs:sequence></xs:complexType>"
        )
    )
    module = load_generated(nc.generate(schema))
    options = {
        m.wire_name: (m.is_required, m.emit_default_value)
        for m in nc.contract_info(module.T).xml_members
    }
    assert options == {
        "BoolValue": (True, True),
        "StringValue": (False, False),
        "Text": (False, True),
    }
    assert b"StringValue" not in nc.to_xml(module.T())


def test_a_schema_with_a_doctype_is_refused_before_anything_is_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("top secret")
    schema = tmp_path / "a.xsd"
    schema.write_text(
        f'<!DOCTYPE x [<!ENTITY e SYSTEM "{secret.as_uri()}">]>'
        + _schema('<xs:complexType name="T"><xs:sequence /></xs:complexType>')
    )
    with pytest.raises(nc.SchemaError) as refused:
        nc.generate(schema)
    assert "DOCTYPE" in str(refused.value)


def test_schema_locations_are_never_fetched(tmp_path):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(0.2)
    port = listener.getsockname()[1]
    schema = tmp_path / "a.xsd"
    schema.write_text(
        _schema(
            '<xs:complexType name="T"><xs:sequence>'
            '<xs:element minOccurs="0" name="X" nillable="true" type="x:Secret" />'
            "</xs:sequence></xs:complexType>",
            imports=(
                f'<xs:import namespace="urn:x" schemaLocation="http://127.0.0.1:{port}/x.xsd" />'
                f'<xs:include schemaLocation="http://127.0.0.1:{port}/evil.xsd" />'
            ),
        )
    )
    try:
        generated = generate_module(schema)
        with pytest.raises(TimeoutError):
            listener.accept()
    finally:
        listener.close()
    assert sorted(r.feature for r in generated.reports) == ["unknown_type", "unresolved_location"]


def test_schema_locations_resolve_only_to_files_next_to_the_schema(tmp_path):
    secret = _schema('<xs:complexType name="Secret"><xs:sequence /></xs:complexType>')
    secret = secret.replace('targetNamespace="urn:a"', 'targetNamespace="urn:x"')
    (tmp_path / "x.xsd").write_text(secret)
    folder = tmp_path / "in"
    folder.mkdir()
    schema = folder / "a.xsd"
    schema.write_text(
        _schema(
            '<xs:complexType name="T"><xs:sequence>'
            '<xs:element minOccurs="0" name="X" nillable="true" type="x:Secret" />'
            "</xs:sequence></xs:complexType>",
            imports='<xs:import namespace="urn:x" schemaLocation="../x.xsd" />',
        )
    )
    outside = nc.generate(schema)
    assert "class Secret" not in outside
    (folder / "x.xsd").write_text(secret)  # the same name next to the schema: followed
    assert "class Secret" in nc.generate(schema)


def test_include_cycles_end(tmp_path):
    (tmp_path / "a.xsd").write_text(
        _schema(
            '<xs:complexType name="A"><xs:sequence /></xs:complexType>',
            imports='<xs:include schemaLocation="b.xsd" />',
        )
    )
    (tmp_path / "b.xsd").write_text(
        _schema(
            '<xs:complexType name="B"><xs:sequence /></xs:complexType>',
            imports='<xs:include schemaLocation="a.xsd" />',
        )
    )
    code = nc.generate(tmp_path / "a.xsd")
    assert "class A" in code
    assert "class B" in code


def test_a_schema_larger_than_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 1000)
    schema = tmp_path / "big.xsd"
    schema.write_text(_schema("<!--" + "x" * 2000 + "-->"))
    with pytest.raises(nc.SchemaError, match="larger than"):
        nc.generate(schema)


def test_deep_nesting_is_refused(tmp_path):
    schema = tmp_path / "deep.xsd"
    schema.write_text(_schema("<xs:annotation>" * 5000 + "</xs:annotation>" * 5000))
    with pytest.raises(nc.SchemaError):
        nc.generate(schema)


def test_a_document_that_is_no_schema_is_refused(tmp_path):
    page = tmp_path / "page.xsd"
    page.write_text("<html><body /></html>")
    with pytest.raises(nc.SchemaError, match="neither an XML Schema nor a WSDL"):
        nc.generate(page)


# ----------------------------------------------------------------------------- command line


def _run(argv: list[str]) -> tuple[int, bytes, str]:
    out, err = io.BytesIO(), io.StringIO()
    status = main(argv, stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_cli_generate_writes_the_module_and_warns_on_stderr(tmp_path):
    target = tmp_path / "contracts.py"
    status, out, err = _run(["generate", str(FEATURES), "--out", str(target)])
    assert status == 0
    assert out == b""
    assert target.read_text(encoding="utf-8") == nc.generate(FEATURES)
    warnings = err.splitlines()
    assert len(warnings) == len(generate_module(FEATURES).reports)
    assert all(line.startswith("netcontract: warning: ") for line in warnings)


def test_cli_generate_prints_to_stdout(tmp_path):
    status, out, err = _run(["generate", str(XSD_DIR)])
    assert (status, err) == (0, "")
    assert out.decode("utf-8") == nc.generate(XSD_DIR)


def test_cli_generate_strict_exits_1_with_one_line_per_problem():
    status, out, err = _run(["generate", "--strict", str(FEATURES)])
    assert status == 1
    assert out == b""
    assert len(err.splitlines()) == len(generate_module(FEATURES).reports)
    assert "Traceback" not in err


def test_cli_generate_missing_file_is_a_usage_error(tmp_path):
    status, _, err = _run(["generate", str(tmp_path / "nope.xsd")])
    assert status == 2
    assert "nope.xsd" in err


DICTS = HERE / "data" / "mono_dicts"


def test_dictionaries_are_generated_as_dicts_and_round_trip_monos_export(load_generated):
    """Mono's XsdDataContractExporter schemas of Dictionary<K,V> members (data/mono_dicts)
    give dict[K, V] members whose export_schemas is the input, file for file."""
    generated = generate_module(DICTS)
    assert generated.reports == ()
    code = generated.code
    assert 'counts: dict[str, nc.Int32] | None = nc.member("Counts", default=None)' in code
    assert 'items: dict[uuid.UUID, Item | None] | None = nc.member("Items"' in code
    assert "by_color: dict[Color, nc.Int32 | None] | None" in code
    assert "nested: dict[str, dict[str, nc.Int32] | None] | None" in code
    assert "list_of_maps: list[dict[nc.UInt16, decimal.Decimal] | None] | None" in code
    module = load_generated(code)
    exported = nc.export_schemas(module.Dicts)
    for path in DICTS.glob("*.xsd"):
        text = path.read_text(encoding="utf-8")
        namespace = etree.fromstring(text.encode()).get("targetNamespace")
        assert exported.pop(namespace) == text, path.name
    assert exported == {}
    value = module.Dicts(counts={"a": 1}, by_color={module.Color.Blue: None}, objects={2: "x"})
    assert nc.from_xml(nc.to_xml(value), module.Dicts) == value
    assert nc.from_json(nc.to_json(value), module.Dicts) == value


def test_dictionary_with_a_key_netcontract_cannot_declare_is_reported(tmp_path):
    """A Dictionary<Uri, string> (a key type outside netcontract's key types): the member is
    left out and reported, the rest generated."""
    text = (DICTS / "schemas.microsoft.com.2003.10.Serialization.Arrays.xsd").read_text()
    text = text.replace('name="ArrayOfKeyValueOfintstring"', 'name="ArrayOfKeyValueOfanyURIstring"')
    text = text.replace(
        '<xs:element name="KeyValueOfintstring">', '<xs:element name="KeyValueOfanyURIstring">'
    )
    for path in DICTS.glob("*.xsd"):
        (tmp_path / path.name).write_text(path.read_text(), encoding="utf-8")
    main = (tmp_path / "schemas.datacontract.org.2004.07.P.D.xsd").read_text()
    (tmp_path / "schemas.datacontract.org.2004.07.P.D.xsd").write_text(
        main.replace("q8:ArrayOfKeyValueOfintstring", "q8:ArrayOfKeyValueOfanyURIstring")
    )
    # (Names is the one dictionary with an int key)
    arrays = text.replace('name="Key" type="xs:int"', 'name="Key" type="xs:anyURI"')
    (tmp_path / "schemas.microsoft.com.2003.10.Serialization.Arrays.xsd").write_text(arrays)
    generated = generate_module(tmp_path)
    assert [(r.feature, r.message) for r in generated.reports] == [
        (
            "dictionary",
            "dictionary 'ArrayOfKeyValueOfanyURIstring': netcontract cannot declare 'anyURI' as"
            " a key",
        )
    ]
    assert '"Names"' not in generated.code and '"Counts"' in generated.code
