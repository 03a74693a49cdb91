"""XSD export: ``export_schemas`` writes what XsdDataContractExporter writes, and ``xsd/`` holds it.

Where each expected byte comes from:

- ``DOC_*``: the ``Shop`` example of ``docs/xsd-rules.md`` (Mono 6.8's bytes: probe 9 of
  ``tests/interop/dotnet/PROBES.md``) and its §6 (the serialization schema, verbatim from Mono);
- ``MONO_*``: Mono 6.8's ``XsdDataContractExporter`` over the C# probe ``PROBE_SOURCE`` of
  ``tests/interop/test_xsd_interop.py`` (written with ``XmlSchema.Write`` through
  ``XmlWriter.Create(Indent=true, OmitXmlDeclaration=true, NewLineChars="\\n")``); that test
  compares them with Mono again, live, together with the Vehizen twin and the edge contracts;
- ``xsd/``: this exporter's output, which ``tests/interop/test_xsd_interop.py`` compares with
  Mono's export of the C# twin (``tests/interop/dotnet/Contracts.cs``), component by component.
"""

from __future__ import annotations

import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import xmlschema

import netcontract as nc
from netcontract.cli import main
from netcontract.xsd import export as _xsd_export
from netcontract.xsd.export import SERIALIZATION_SCHEMA, export_schemas, schema_file_name
from vehizen import CustomerGroupDto, ResponseDto, VehicleLightDto

ROOT = Path(__file__).resolve().parents[3]
XSD_DIR = ROOT / "xsd"
SER = "http://schemas.microsoft.com/2003/10/Serialization/"
ARR = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
SYSTEM = "http://schemas.datacontract.org/2004/07/System"
DTO = "http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto"
GROUP = "http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto.CustomerGroup"
EXTERNAL = "http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto.ExternalInterface"

#: the roots of the Vehizen API (request and response): ``xsd/`` is their export
VEHIZEN_ROOTS = (CustomerGroupDto, ResponseDto)


# ----------------------------------------------------------------------------- xsd/ (no drift)


def test_xsd_directory_holds_the_export_of_the_vehizen_contracts():
    exported = export_schemas(*VEHIZEN_ROOTS)
    assert list(exported) == [SER, GROUP, DTO, EXTERNAL, ARR]
    on_disk = {p.name: p.read_bytes() for p in XSD_DIR.iterdir()}
    expected = {schema_file_name(ns): text.encode("utf-8") for ns, text in exported.items()}
    assert sorted(on_disk) == sorted(expected), "xsd/ has missing or stale files"
    for name, data in expected.items():
        assert on_disk[name] == data, (
            f"xsd/{name} differs from a fresh export: run "
            "`netcontract export-xsd --out xsd` and review the diff"
        )


def test_export_xsd_command_regenerates_the_directory(tmp_path):
    # a fresh process knows only the bundled contracts: the default exports all of them
    done = subprocess.run(
        [sys.executable, "-m", "netcontract", "export-xsd", "--out", str(tmp_path)],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""
    written = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert written == {p.name: p.read_bytes() for p in XSD_DIR.iterdir()}
    lines = done.stdout.decode().splitlines()
    assert len(lines) == 5
    assert all(line.split("\t")[0].startswith(str(tmp_path)) for line in lines)


def test_export_xsd_with_types_in_process(tmp_path):
    out, err = _run_cli(
        "export-xsd", "--type", "CustomerGroupDto", "--type", "ResponseDto", "--out", str(tmp_path)
    )
    assert out[0] == 0, err
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == {
        p.name: p.read_bytes() for p in XSD_DIR.iterdir()
    }


def test_export_xsd_usage_errors(tmp_path):
    status, err = _run_cli("export-xsd", "--type", "NoSuchDto", "--out", str(tmp_path))
    assert status[0] == 2
    assert "unknown type 'NoSuchDto'" in err
    (tmp_path / "file").write_bytes(b"")
    status, err = _run_cli("export-xsd", "--type", "ResponseDto", "--out", str(tmp_path / "file"))
    assert status[0] == 2
    assert "is not a folder" in err


def test_export_xsd_creates_the_out_folder(tmp_path):
    status, err = _run_cli(
        "export-xsd", "--type", "ResponseDto", "--out", str(tmp_path / "new" / "dir")
    )
    assert status[0] == 0, err
    assert (tmp_path / "new" / "dir" / "schemas.microsoft.com.2003.10.Serialization.xsd").exists()


def test_export_xsd_without_out_writes_nothing_and_says_to_use_out(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    status, err = _run_cli("export-xsd", "--type", "CustomerGroupDto")
    assert status == (2, b"")
    assert "give --out DIR" in err
    assert "schemas.microsoft.com.2003.10.Serialization.xsd" in err
    assert list(tmp_path.iterdir()) == []


def _run_cli(*args: str) -> tuple[tuple[int, bytes], str]:
    import io

    out, err = io.BytesIO(), io.StringIO()
    status = main(list(args), stdin=io.BytesIO(), stdout=out, stderr=err)
    return (status, out.getvalue()), err.getvalue()


def test_file_names_say_their_namespace_as_svcutil_names_them():
    assert schema_file_name(DTO) == "schemas.datacontract.org.2004.07.Vehizen.Domain.Dto.xsd"
    assert schema_file_name(SER) == "schemas.microsoft.com.2003.10.Serialization.xsd"
    assert schema_file_name(ARR) == "schemas.microsoft.com.2003.10.Serialization.Arrays.xsd"
    assert schema_file_name("urn:a b/c") == "a_b.c.xsd"


def test_the_exported_schemas_are_valid_xsd():
    schema = xmlschema.XMLSchema10(list(export_schemas(*VEHIZEN_ROOTS).values()))
    assert f"{{{DTO}}}VehicleLightDto" in schema.maps.types
    assert f"{{{ARR}}}ArrayOfstring" in schema.maps.types


# ----------------------------------------------------------------------------- xsd-rules §6


def test_serialization_schema_is_what_mono_writes():
    # xsd-rules §6: Globals.SerializationSchema after XsdDataContractExporter + XmlSchema.Write
    lines = SERIALIZATION_SCHEMA.split("\n")
    assert lines[0] == (
        '<xs:schema xmlns:tns="http://schemas.microsoft.com/2003/10/Serialization/" '
        'attributeFormDefault="qualified" elementFormDefault="qualified" '
        'targetNamespace="http://schemas.microsoft.com/2003/10/Serialization/" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema">'
    )
    assert lines[1] == '  <xs:element name="anyType" nillable="true" type="xs:anyType" />'
    assert lines[12] == '  <xs:element name="QName" nillable="true" type="xs:QName" />'
    assert lines[19:22] == [
        '  <xs:element name="char" nillable="true" type="tns:char" />',
        '  <xs:simpleType name="char">',
        '    <xs:restriction base="xs:int" />',
    ]
    assert (
        '      <xs:pattern value="\\-?P(\\d*D)?(T(\\d*H)?(\\d*M)?(\\d*(\\.\\d*)?S)?)?" />' in lines
    )
    assert (
        '      <xs:pattern value="[\\da-fA-F]{8}-[\\da-fA-F]{4}-[\\da-fA-F]{4}-'
        '[\\da-fA-F]{4}-[\\da-fA-F]{12}" />' in lines
    )
    assert lines[-4:] == [
        '  <xs:attribute name="FactoryType" type="xs:QName" />',
        '  <xs:attribute name="Id" type="xs:ID" />',
        '  <xs:attribute name="Ref" type="xs:IDREF" />',
        "</xs:schema>",
    ]
    assert len(lines) == 41


def test_serialization_schema_comes_first_even_for_an_enum():
    from vehizen import CameraType

    exported = export_schemas(CameraType)
    assert list(exported) == [SER, DTO]
    assert exported[SER] == SERIALIZATION_SCHEMA


# ----------------------------------------------------------------------------- Shop example

SHOP = "Shop"
SHOP_NS = "http://schemas.datacontract.org/2004/07/Shop"


@nc.contract(SHOP)
class Status(nc.ContractEnum):
    Active = 0
    Inactive = 5


@nc.contract(SHOP)
class Address:
    street: str | None = nc.member("Street", default=None)


@nc.contract(SHOP)
class Entity:
    created: nc.DateTime = nc.member("Created", default=nc.MIN_DATETIME)
    id: uuid.UUID = nc.member("Id", default=nc.EMPTY_GUID)


@nc.contract(SHOP)
class Customer(Entity):
    """``Shop.Customer`` of probe 9 (tests/interop/dotnet/probes/probe9.cs)."""

    addresses: list[Address | None] | None = nc.member("Addresses", default=None)
    age: nc.Int32 | None = nc.member("Age", default=None)
    arr: list[nc.Int32] | None = nc.member("Arr", default=None)
    l: list[Status] | None = nc.member("L", default=None)  # noqa: E741 - the wire name
    lni: list[nc.Int32 | None] | None = nc.member("LNI", default=None)
    ns: Status | None = nc.member("NS", default=None)
    name: str | None = nc.member("Name", default=None)
    state: Status = nc.member("State", default=Status.Active)
    tags: list[str | None] | None = nc.member("Tags", default=None)


DOC_SHOP_HEAD = """\
<xs:schema xmlns:ser="http://schemas.microsoft.com/2003/10/Serialization/" xmlns:tns="http://schemas.datacontract.org/2004/07/Shop" elementFormDefault="qualified" targetNamespace="http://schemas.datacontract.org/2004/07/Shop" xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="http://schemas.microsoft.com/2003/10/Serialization/Arrays" />
  <xs:import namespace="http://schemas.datacontract.org/2004/07/System" />
  <xs:import namespace="http://schemas.microsoft.com/2003/10/Serialization/" />
  <xs:complexType name="Customer">
    <xs:complexContent mixed="false">
      <xs:extension base="tns:Entity">
        <xs:sequence>
          <xs:element minOccurs="0" name="Addresses" nillable="true" type="tns:ArrayOfAddress" />
          <xs:element minOccurs="0" name="Age" nillable="true" type="xs:int" />
          <xs:element minOccurs="0" name="Arr" nillable="true" xmlns:q1="http://schemas.microsoft.com/2003/10/Serialization/Arrays" type="q1:ArrayOfint" />
"""  # noqa: E501 - exact bytes

DOC_SHOP_LINES = [
    '          <xs:element minOccurs="0" name="NS" nillable="true" type="tns:Status" />',
    '          <xs:element minOccurs="0" name="Name" nillable="true" type="xs:string" />',
    '          <xs:element minOccurs="0" name="State" type="tns:Status" />',
]

DOC_SHOP_TYPES = """\
  <xs:element name="Customer" nillable="true" type="tns:Customer" />
  <xs:complexType name="Entity">
    <xs:sequence>
      <xs:element minOccurs="0" name="Created" type="xs:dateTime" />
      <xs:element minOccurs="0" name="Id" type="ser:guid" />
    </xs:sequence>
  </xs:complexType>
  <xs:element name="Entity" nillable="true" type="tns:Entity" />
  <xs:complexType name="ArrayOfAddress">
    <xs:sequence>
      <xs:element minOccurs="0" maxOccurs="unbounded" name="Address" nillable="true" type="tns:Address" />
    </xs:sequence>
  </xs:complexType>
  <xs:element name="ArrayOfAddress" nillable="true" type="tns:ArrayOfAddress" />
"""  # noqa: E501 - exact bytes

DOC_SHOP_STATUS = """\
  <xs:complexType name="ArrayOfStatus">
    <xs:sequence>
      <xs:element minOccurs="0" maxOccurs="unbounded" name="Status" type="tns:Status" />
    </xs:sequence>
  </xs:complexType>
  <xs:element name="ArrayOfStatus" nillable="true" type="tns:ArrayOfStatus" />
  <xs:simpleType name="Status">
    <xs:restriction base="xs:string">
      <xs:enumeration value="Active" />
      <xs:enumeration value="Inactive">
        <xs:annotation>
          <xs:appinfo>
            <EnumerationValue xmlns="http://schemas.microsoft.com/2003/10/Serialization/">5</EnumerationValue>
          </xs:appinfo>
        </xs:annotation>
      </xs:enumeration>
    </xs:restriction>
  </xs:simpleType>
  <xs:element name="Status" nillable="true" type="tns:Status" />
</xs:schema>"""


def test_shop_example_is_what_mono_exports():
    exported = export_schemas(Customer)
    # xsd-rules §1: SER first, then each namespace in creation order; System and ARR for the lists
    assert list(exported) == [SER, SHOP_NS, ARR, SYSTEM]
    shop = exported[SHOP_NS]
    assert shop.startswith(DOC_SHOP_HEAD)
    lines = shop.split("\n")
    for line in DOC_SHOP_LINES:
        assert line in lines
    # the doc elides members between Arr and Tags; Tags's prefix number depends on them
    assert re.search(
        r'\n          <xs:element minOccurs="0" name="Tags" nillable="true" '
        r'xmlns:q(\d+)="http://schemas\.microsoft\.com/2003/10/Serialization/Arrays" '
        r'type="q\1:ArrayOfstring" />\n        </xs:sequence>\n'
        r"      </xs:extension>\n    </xs:complexContent>\n  </xs:complexType>\n",
        shop,
    )
    assert DOC_SHOP_TYPES in shop
    assert shop.endswith(DOC_SHOP_STATUS)
    # xsd-rules §4: ArrayOfNullableOfint item: name="int" nillable="true" type="xs:int"
    assert (
        '      <xs:element minOccurs="0" maxOccurs="unbounded" name="int" nillable="true" '
        'type="xs:int" />' in exported[SYSTEM]
    )
    # the order of the doc's types: Customer, Entity, ArrayOfAddress, Address, ArrayOfStatus
    names = re.findall(r'^  <xs:(?:complexType|simpleType) name="(\w+)"', shop, re.MULTILINE)
    assert names == ["Customer", "Entity", "ArrayOfAddress", "Address", "ArrayOfStatus", "Status"]


# ----------------------------------------------------------------------------- Mono probe shapes

PROBE_A, PROBE_B, PROBE_C = "Probe.A", "Probe.B", "Probe.C"


@nc.contract(PROBE_A)
class Base:
    name: str | None = nc.member("Name", default=None)


@nc.contract(PROBE_A)
class Empty(nc.ContractEnum):
    pass


@nc.contract(PROBE_A)
class Odd(nc.ContractEnum):
    X = 0
    Y = 2
    Z = 1


@nc.contract(PROBE_C)
class Other:
    v: nc.Int32 = nc.member("V", default=0)


@nc.contract(PROBE_B)
class Bare(Base):
    """A derived class without members of its own."""


@nc.contract(PROBE_B)
class Objs:
    dts: list[nc.DateTime] | None = nc.member("Dts", default=None)
    #: a value-type member whose enum has no member: .NET's default(Empty) is 0, nameless
    e: Empty = nc.member("E", default=None)
    items: list[object] | None = nc.member("Items", default=None)
    ng: list[uuid.UUID | None] | None = nc.member("NG", default=None)
    nested: list[list[Other] | None] | None = nc.member("Nested", default=None)


MONO_BARE = """\
<xs:schema xmlns:tns="http://schemas.datacontract.org/2004/07/Probe.B" elementFormDefault="qualified" targetNamespace="http://schemas.datacontract.org/2004/07/Probe.B" xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="http://schemas.datacontract.org/2004/07/Probe.A" />
  <xs:complexType name="Bare">
    <xs:complexContent mixed="false">
      <xs:extension xmlns:q1="http://schemas.datacontract.org/2004/07/Probe.A" base="q1:Base">
        <xs:sequence />
      </xs:extension>
    </xs:complexContent>
  </xs:complexType>
  <xs:element name="Bare" nillable="true" type="tns:Bare" />
</xs:schema>"""  # noqa: E501 - exact bytes

MONO_OBJS = """\
<xs:schema xmlns:tns="http://schemas.datacontract.org/2004/07/Probe.B" elementFormDefault="qualified" targetNamespace="http://schemas.datacontract.org/2004/07/Probe.B" xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="http://schemas.microsoft.com/2003/10/Serialization/Arrays" />
  <xs:import namespace="http://schemas.datacontract.org/2004/07/Probe.A" />
  <xs:import namespace="http://schemas.datacontract.org/2004/07/System" />
  <xs:import namespace="http://schemas.datacontract.org/2004/07/Probe.C" />
  <xs:complexType name="Objs">
    <xs:sequence>
      <xs:element minOccurs="0" name="Dts" nillable="true" xmlns:q1="http://schemas.microsoft.com/2003/10/Serialization/Arrays" type="q1:ArrayOfdateTime" />
      <xs:element minOccurs="0" name="E" xmlns:q2="http://schemas.datacontract.org/2004/07/Probe.A" type="q2:Empty" />
      <xs:element minOccurs="0" name="Items" nillable="true" xmlns:q3="http://schemas.microsoft.com/2003/10/Serialization/Arrays" type="q3:ArrayOfanyType" />
      <xs:element minOccurs="0" name="NG" nillable="true" xmlns:q4="http://schemas.datacontract.org/2004/07/System" type="q4:ArrayOfNullableOfguid" />
      <xs:element minOccurs="0" name="Nested" nillable="true" xmlns:q5="http://schemas.datacontract.org/2004/07/Probe.C" type="q5:ArrayOfArrayOfOther" />
    </xs:sequence>
  </xs:complexType>
  <xs:element name="Objs" nillable="true" type="tns:Objs" />
</xs:schema>"""  # noqa: E501 - exact bytes

MONO_OBJS_ARRAYS = """\
<xs:schema xmlns:tns="http://schemas.microsoft.com/2003/10/Serialization/Arrays" elementFormDefault="qualified" targetNamespace="http://schemas.microsoft.com/2003/10/Serialization/Arrays" xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:complexType name="ArrayOfdateTime">
    <xs:sequence>
      <xs:element minOccurs="0" maxOccurs="unbounded" name="dateTime" type="xs:dateTime" />
    </xs:sequence>
  </xs:complexType>
  <xs:element name="ArrayOfdateTime" nillable="true" type="tns:ArrayOfdateTime" />
  <xs:complexType name="ArrayOfanyType">
    <xs:sequence>
      <xs:element minOccurs="0" maxOccurs="unbounded" name="anyType" nillable="true" type="xs:anyType" />
    </xs:sequence>
  </xs:complexType>
  <xs:element name="ArrayOfanyType" nillable="true" type="tns:ArrayOfanyType" />
</xs:schema>"""  # noqa: E501 - exact bytes

MONO_OBJS_EMPTY_ENUM = """\
<xs:schema xmlns:tns="http://schemas.datacontract.org/2004/07/Probe.A" elementFormDefault="qualified" targetNamespace="http://schemas.datacontract.org/2004/07/Probe.A" xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:simpleType name="Empty">
    <xs:restriction base="xs:string" />
  </xs:simpleType>
  <xs:element name="Empty" nillable="true" type="tns:Empty" />
</xs:schema>"""  # noqa: E501 - exact bytes

MONO_OBJS_SYSTEM = """\
<xs:schema xmlns:ser="http://schemas.microsoft.com/2003/10/Serialization/" xmlns:tns="http://schemas.datacontract.org/2004/07/System" elementFormDefault="qualified" targetNamespace="http://schemas.datacontract.org/2004/07/System" xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="http://schemas.microsoft.com/2003/10/Serialization/" />
  <xs:complexType name="ArrayOfNullableOfguid">
    <xs:sequence>
      <xs:element minOccurs="0" maxOccurs="unbounded" name="guid" nillable="true" type="ser:guid" />
    </xs:sequence>
  </xs:complexType>
  <xs:element name="ArrayOfNullableOfguid" nillable="true" type="tns:ArrayOfNullableOfguid" />
</xs:schema>"""  # noqa: E501 - exact bytes

MONO_ODD = """\
  <xs:simpleType name="Odd">
    <xs:restriction base="xs:string">
      <xs:enumeration value="X" />
      <xs:enumeration value="Y">
        <xs:annotation>
          <xs:appinfo>
            <EnumerationValue xmlns="http://schemas.microsoft.com/2003/10/Serialization/">2</EnumerationValue>
          </xs:appinfo>
        </xs:annotation>
      </xs:enumeration>
      <xs:enumeration value="Z">
        <xs:annotation>
          <xs:appinfo>
            <EnumerationValue xmlns="http://schemas.microsoft.com/2003/10/Serialization/">1</EnumerationValue>
          </xs:appinfo>
        </xs:annotation>
      </xs:enumeration>
    </xs:restriction>
  </xs:simpleType>
  <xs:element name="Odd" nillable="true" type="tns:Odd" />
"""


def test_derived_class_without_own_members_has_an_empty_sequence():
    exported = export_schemas(Bare)
    assert exported["http://schemas.datacontract.org/2004/07/Probe.B"] == MONO_BARE


def test_lists_of_objects_nullable_values_and_lists_empty_enum():
    exported = export_schemas(Objs)
    assert list(exported) == [
        SER,
        "http://schemas.datacontract.org/2004/07/Probe.B",
        ARR,
        "http://schemas.datacontract.org/2004/07/Probe.A",
        SYSTEM,
        "http://schemas.datacontract.org/2004/07/Probe.C",
    ]
    assert exported["http://schemas.datacontract.org/2004/07/Probe.B"] == MONO_OBJS
    assert exported[ARR] == MONO_OBJS_ARRAYS
    assert exported["http://schemas.datacontract.org/2004/07/Probe.A"] == MONO_OBJS_EMPTY_ENUM
    assert exported[SYSTEM] == MONO_OBJS_SYSTEM
    assert (
        'name="ArrayOfOther" nillable="true" type="tns:ArrayOfOther" />'
        in (exported["http://schemas.datacontract.org/2004/07/Probe.C"])
    )


def test_list_of_nullable_enum_from_another_namespace_has_the_generic_digest():
    # Mono (probe NullableEnums): List<Odd?> is in System, its name ends with the digest of
    # " 1 " + Odd's namespace (DataContract.GetNamespacesDigest)
    @nc.contract(PROBE_B)
    class NullableEnums:
        n_odd: list[Odd | None] | None = nc.member("NOdd", default=None)

    exported = export_schemas(NullableEnums)
    assert (
        '      <xs:element minOccurs="0" name="NOdd" nillable="true" '
        'xmlns:q1="http://schemas.datacontract.org/2004/07/System" '
        'type="q1:ArrayOfNullableOfOddrGr9JRxY" />\n'
    ) in exported["http://schemas.datacontract.org/2004/07/Probe.B"]
    assert (
        '  <xs:complexType name="ArrayOfNullableOfOddrGr9JRxY">\n'
        "    <xs:sequence>\n"
        '      <xs:element minOccurs="0" maxOccurs="unbounded" name="Odd" nillable="true" '
        'xmlns:q1="http://schemas.datacontract.org/2004/07/Probe.A" type="q1:Odd" />\n'
    ) in exported[SYSTEM]


def test_enum_values_that_differ_from_their_index_are_annotated():
    exported = export_schemas(Odd)
    probe_a = exported["http://schemas.datacontract.org/2004/07/Probe.A"]
    # the annotation is the first reference to SER: it brings the import
    assert probe_a.split("\n")[1] == f'  <xs:import namespace="{SER}" />'
    assert probe_a.endswith(MONO_ODD + "</xs:schema>")
    assert 'xmlns:ser="' not in probe_a  # only an element's type declares the ser prefix


def test_prefix_of_the_base_is_in_scope_for_the_members():
    # Mono (probe Derived; also Edge.B.Dog): the extension declares q1, its members reuse it
    @nc.contract(PROBE_B)
    class Derived(Base):
        o: Odd = nc.member("O", default=Odd.X)
        thing: Other | None = nc.member("Thing", default=None)

    probe_b = export_schemas(Derived)["http://schemas.datacontract.org/2004/07/Probe.B"]
    assert (
        '      <xs:extension xmlns:q1="http://schemas.datacontract.org/2004/07/Probe.A" '
        'base="q1:Base">\n'
        "        <xs:sequence>\n"
        '          <xs:element minOccurs="0" name="O" type="q1:Odd" />\n'
        '          <xs:element minOccurs="0" name="Thing" nillable="true" '
        'xmlns:q2="http://schemas.datacontract.org/2004/07/Probe.C" type="q2:Other" />\n'
    ) in probe_b


def test_member_imports_come_before_the_base_import():
    # Mono (probe Late): SchemaExporter.ExportClassDataContract exports the members
    # (SetElementType imports their namespaces) before CreateTypeContent imports the base's
    # namespace; the q prefixes are given in document order, where the extension comes first
    @nc.contract(PROBE_B)
    class Late(Base):
        thing: Other | None = nc.member("Thing", default=None)

    probe_b = export_schemas(Late)["http://schemas.datacontract.org/2004/07/Probe.B"]
    assert probe_b.split("\n")[1:3] == [
        '  <xs:import namespace="http://schemas.datacontract.org/2004/07/Probe.C" />',
        '  <xs:import namespace="http://schemas.datacontract.org/2004/07/Probe.A" />',
    ]
    assert 'xmlns:q1="http://schemas.datacontract.org/2004/07/Probe.A" base="q1:Base"' in probe_b
    assert 'xmlns:q2="http://schemas.datacontract.org/2004/07/Probe.C" type="q2:Other"' in probe_b


# ----------------------------------------------------------------------------- set and cache


def test_every_contract_is_exported_once_in_walk_order():
    exported = export_schemas(VehicleLightDto, CustomerGroupDto, VehicleLightDto)
    dto = exported[DTO]
    names = re.findall(r'^  <xs:(?:complexType|simpleType) name="(\w+)"', dto, re.MULTILINE)
    # the class, its base, the base's members, then its own members (xsd-rules §2)
    assert names == [
        "VehicleLightDto",
        "VehicleBaseDto",
        "MalfunctionLevel",
        "State",
        "CameraType",
        "VehicleState",
        "ArrayOfVehicleLightDto",
    ]
    assert list(exported) == [SER, DTO, EXTERNAL, GROUP]


def test_generic_contract_exports_its_object_member_as_any_type():
    plain = export_schemas(ResponseDto)
    bound = export_schemas(ResponseDto[CustomerGroupDto])
    # .NET's ResponseDto declares Data as object: the parameter changes nothing in the schema
    assert plain == bound
    assert (
        '<xs:element minOccurs="0" name="Data" nillable="true" type="xs:anyType" />' in (plain[DTO])
    )


def test_export_is_cached_per_set_of_classes(monkeypatch):
    first = export_schemas(CustomerGroupDto)
    calls = []
    monkeypatch.setattr(_xsd_export, "_export", calls.append)
    again = export_schemas(CustomerGroupDto)
    assert again == first
    assert again is not first  # callers get their own dict
    assert calls == []


def test_export_refusals():
    with pytest.raises(TypeError, match="at least one"):
        export_schemas()
    with pytest.raises(nc.ContractDefinitionError):
        export_schemas(42)
    with pytest.raises(nc.ContractDefinitionError):
        export_schemas(dict)


def test_two_classes_with_one_contract_name_are_refused():
    @nc.contract("Conflict.A", name="Thing")
    class First:
        a: str | None = nc.member("A", default=None)

    @nc.contract("Conflict.A", name="Thing")
    class Second:
        b: str | None = nc.member("B", default=None)

    @nc.contract("Conflict.B")
    class Both:
        first: First | None = nc.member("First", default=None)
        second: Second | None = nc.member("Second", default=None)

    with pytest.raises(nc.ContractDefinitionError, match="'Thing'"):
        export_schemas(Both)


# [DataContract(Namespace = "")]: Mono 6.8's XsdDataContractExporter (the probe "Probe.N.Holder"
# of tests/interop/test_xsd_interop.py, which checks these bytes live): the schema of no namespace
# has neither targetNamespace nor a tns prefix, names in it are written without a prefix, and a
# schema importing it writes <xs:import /> without a namespace.
@nc.contract(xml_namespace="")
class _NoNsChild:
    s: str | None = nc.member("S", default=None)


@nc.contract(xml_namespace="http://x/y")
class _NoNsHolder:
    inner: _NoNsChild | None = nc.member("Inner", default=None)
    items: list[_NoNsChild | None] | None = nc.member("L", default=None)


MONO_NO_NS_HOLDER = """\
<xs:schema xmlns:tns="http://x/y" elementFormDefault="qualified" targetNamespace="http://x/y" \
xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import />
  <xs:complexType name="_NoNsHolder">
    <xs:sequence>
      <xs:element minOccurs="0" name="Inner" nillable="true" type="_NoNsChild" />
      <xs:element minOccurs="0" name="L" nillable="true" type="ArrayOf_NoNsChild" />
    </xs:sequence>
  </xs:complexType>
  <xs:element name="_NoNsHolder" nillable="true" type="tns:_NoNsHolder" />
</xs:schema>"""

MONO_NO_NS = """\
<xs:schema elementFormDefault="qualified" xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:complexType name="_NoNsChild">
    <xs:sequence>
      <xs:element minOccurs="0" name="S" nillable="true" type="xs:string" />
    </xs:sequence>
  </xs:complexType>
  <xs:element name="_NoNsChild" nillable="true" type="_NoNsChild" />
  <xs:complexType name="ArrayOf_NoNsChild">
    <xs:sequence>
      <xs:element minOccurs="0" maxOccurs="unbounded" name="_NoNsChild" nillable="true" \
type="_NoNsChild" />
    </xs:sequence>
  </xs:complexType>
  <xs:element name="ArrayOf_NoNsChild" nillable="true" type="ArrayOf_NoNsChild" />
</xs:schema>"""


def test_contracts_in_no_namespace_export_a_schema_without_target_namespace():
    exported = export_schemas(_NoNsHolder)
    assert list(exported) == [SER, "http://x/y", ""]
    assert exported["http://x/y"] == MONO_NO_NS_HOLDER
    assert exported[""] == MONO_NO_NS
    assert schema_file_name("") == "schema.xsd"


def test_documents_with_contracts_in_no_namespace_validate():
    value = _NoNsHolder(inner=_NoNsChild(s="a"), items=[None, _NoNsChild()])
    assert nc.validate_xml(nc.to_xml(value), _NoNsHolder) == value
    # the member in the holder's namespace instead of in none: the schema refuses it
    bad = nc.to_xml(value).replace(b'<S xmlns="">a</S>', b"<S>a</S>")
    assert bad != nc.to_xml(value)
    with pytest.raises(nc.XmlPayloadError, match="Inner"):
        nc.validate_xml(bad, _NoNsHolder)
