"""Generic data contracts against Mono, live: DataContractSerializer, Json.NET 6.0.8,
DataContractJsonSerializer and XsdDataContractExporter on the twin ``dotnet/Generic.cs``,
whose classes are those of tests/interop/generic_models.py.

- every closed generic is named as Mono names it (``GetSchemaTypeName``): the ``Of...``
  default, the digest, ``Name = "Page{0}"`` patterns, nested and primitive arguments;
- Mono's documents are netcontract's byte for byte (XML compact and indented, Json.NET
  compact and indented, WCF JSON with its ``__type``, the XSD with its GenericType appinfo);
- each reads the other's documents and writes them back identical.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netcontract as nc

from ._csharp import compile_program, run_program
from ._mono import MONO_MISSING_REASON, mono_available
from .generic_models import (
    CASES,
    ApiResponse,
    CarList,
    Customer,
    Garage,
    Holder,
    Special,
    garage,
    holder,
    response,
)

pytestmark = [pytest.mark.interop]

G = "http://schemas.datacontract.org/2004/07/GI"


@pytest.fixture(scope="module")
def twin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    if not mono_available():
        pytest.skip(MONO_MISSING_REASON)
    yield compile_program("Generic", tmp_path_factory.mktemp("generic"))


@pytest.fixture(scope="module")
def mono(twin: Path) -> dict[str, bytes]:
    """Mono's pinned documents, by case."""
    out: dict[str, bytes] = {}
    for line in run_program(twin, "write").decode().splitlines():
        name, *rest = line.split(" ")
        assert rest[0] != "EXC", line
        out[name] = base64.b64decode(rest[-1])
    return out


def _read(twin: Path, mode: str, case: str, data: bytes) -> bytes:
    line = run_program(twin, mode, case, stdin=data).decode().strip()
    _, *rest = line.split(" ")
    assert rest[0] != "EXC", base64.b64decode(rest[-1]).decode()
    return base64.b64decode(rest[-1])


def test_closed_generics_are_named_as_mono_names_them(twin: Path) -> None:
    names = {}
    for line in run_program(twin, "names").decode().splitlines():
        case, name, namespace = line.split(" ")
        names[case] = (name, namespace)
    assert names.keys() == CASES.keys()
    for case, tp in CASES.items():
        info = nc.contract_info(tp)
        assert (info.name, info.namespace) == names[case], case


def test_xml_is_monos_byte_for_byte(mono: dict[str, bytes]) -> None:
    assert nc.to_xml(response()) == mono["xml-response"]
    assert nc.to_xml(response(), indent=True) == mono["xml-response-indented"]
    assert nc.to_xml(holder()) == mono["xml-holder"]
    assert nc.to_xml(holder(), indent=True) == mono["xml-holder-indented"]


def test_jsonnet_is_monos_byte_for_byte(mono: dict[str, bytes]) -> None:
    assert nc.to_json(holder()) == mono["json-holder"]
    assert nc.to_json(holder(), indent=True) == mono["json-holder-indented"]


def test_wcf_json_is_monos_byte_for_byte(mono: dict[str, bytes]) -> None:
    # the object member's __type is the closed generic's name: ApiResponseOfCustomer...:#GI
    assert nc.to_wcf_json(holder()) == mono["wcf-holder"]
    assert nc.to_wcf_json(response()) == mono["wcf-response"]


def test_xsd_is_monos(mono: dict[str, bytes]) -> None:
    schemas = nc.export_schemas(Holder)
    assert schemas[G] == mono["xsd-g"].decode()
    assert schemas["urn:x"] == mono["xsd-x"].decode()


def test_collection_contract_and_qname_inside_generics_are_monos(mono: dict[str, bytes]) -> None:
    """Feature interactions (Garage): CarList (a collection contract of ApiResponse<Car>, also
    in an object member), ApiResponse<CarList> and ApiResponse<XmlQualifiedName> (its Data is
    q:-prefixed as a member declared XmlQualifiedName), byte for byte as Mono writes them in
    XML compact and indented, Json.NET compact and indented, WCF JSON and the XSD export; the
    stream layout is in test_stream_layout_interop.py."""
    obj = garage()
    assert nc.to_xml(obj) == mono["xml-garage"]
    assert nc.to_xml(obj, indent=True) == mono["xml-garage-indented"]
    assert nc.to_json(obj) == mono["json-garage"]
    assert nc.to_json(obj, indent=True) == mono["json-garage-indented"]
    assert nc.to_wcf_json(obj) == mono["wcf-garage"]
    assert nc.export_schemas(Garage)[G] == mono["xsd-garage"].decode()
    assert nc.from_xml(mono["xml-garage"], Garage) == obj
    assert nc.from_wcf_json(mono["wcf-garage"], Garage) == obj
    # Json.NET writes no type for an object member: the CarList comes back a plain list
    back = nc.from_json(mono["json-garage"], Garage)
    assert attrs.evolve(back, o=None) == attrs.evolve(obj, o=None)
    assert isinstance(back.cars, CarList)


def test_contract_derived_from_a_closed_generic_is_monos(mono: dict[str, bytes]) -> None:
    special = Special(ok=True, data=Customer(name="a"), extra=4)
    assert nc.to_xml(special) == mono["xml-special"]
    assert nc.to_xml(special, indent=True) == mono["xml-special-indented"]
    assert nc.from_xml(mono["xml-special"], Special) == special
    # the base is the closed generic: <xs:extension base="tns:ApiResponseOfCustomer...">
    assert nc.export_schemas(Special)[G] == mono["xsd-special"].decode()


@pytest.mark.parametrize(
    ("case", "obj"), [("holder", holder()), ("customer", response())], ids=["holder", "root"]
)
def test_each_reads_the_others_documents_and_writes_them_back(
    twin: Path, mono: dict[str, bytes], case: str, obj: Any
) -> None:
    tp = type(obj)
    xml = nc.to_xml(obj)
    assert _read(twin, "read-xml", case, xml) == xml
    assert nc.from_xml(xml, tp) == obj
    assert nc.from_xml(xml) == obj  # the root element names the closed generic
    wcf = nc.to_wcf_json(obj)
    assert _read(twin, "read-wcf", case, wcf) == wcf
    assert nc.from_wcf_json(wcf, tp) == obj
    text = nc.to_json(obj)
    assert _read(twin, "read-json", case, text) == text
    assert nc.to_json(nc.from_json(text, tp)) == text
    indented = nc.to_xml(obj, indent=True)
    assert nc.validate_xml(indented, tp) == obj


def test_monos_documents_are_read(mono: dict[str, bytes]) -> None:
    assert nc.from_xml(mono["xml-holder-indented"], Holder) == holder()
    assert nc.from_wcf_json(mono["wcf-holder"], Holder) == holder()
    read = nc.from_json(mono["json-holder"], Holder)
    assert read.r == response()
    assert read.l == holder().l


@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_drawn_values_read_back_identical_by_mono(twin: Path, data: st.DataObject) -> None:
    """Values drawn by netcontract.strategies (several per Mono call, in a closed generic of
    a list of closed generics): Mono reads netcontract's XML and WCF JSON and writes them
    back identical."""
    from netcontract.strategies import for_type

    items = data.draw(st.lists(for_type(ApiResponse[Customer], max_items=3), max_size=8))
    obj = ApiResponse[list[ApiResponse[Customer]]](ok=True, data=items)
    xml = nc.to_xml(obj)
    assert _read(twin, "read-xml", "list-response", xml) == xml
    wcf = nc.to_wcf_json(obj)
    assert _read(twin, "read-wcf", "list-response", wcf) == wcf
