"""``member(order=, is_required=, emit_default_value=)``: .NET's ``[DataMember(...)]``.

The bytes below are Mono's (DataContractSerializer and Json.NET 6.0.8 on the twin
``Edge.E`` classes of tests/interop/dotnet/EdgeContracts.cs), pinned so the rules hold
without Mono; tests/interop/test_edge_contracts.py checks them live.
"""

from __future__ import annotations

import pytest
from tests.interop.edge_models import Ordered, Required

import netcontract as nc
from netcontract.model.plan import contract_info

NS = b"http://schemas.datacontract.org/2004/07/Edge.E"
ORDERED = Ordered(zb=1, yb="y", xb=3, ab="a", md="m", nd=6, kd=7, cd="c", rq="r")
# Mono: base class first; within a class the members without an Order, then by Order, ordinal
# by name among equals
ORDERED_XML = (
    b'<Ordered xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="' + NS + b'">'
    b"<Ab>a</Ab><Yb>y</Yb><Xb>3</Xb><Zb>1</Zb>"
    b"<Nd>6</Nd><Rq>r</Rq><Kd>7</Kd><Cd>c</Cd><Md>m</Md></Ordered>"
)
# Mono (Json.NET): reflection order (most-derived first), sorted stably by Order (-1 if none)
ORDERED_JSON = b'{"Nd":6,"Rq":"r","Yb":"y","Ab":"a","Kd":7,"Md":"m","Cd":"c","Xb":3,"Zb":1}'


def test_data_member_order_sorts_dcs_members_within_each_class() -> None:
    assert nc.to_xml(ORDERED) == ORDERED_XML
    assert nc.from_xml(ORDERED_XML, Ordered) == ORDERED


def test_data_member_order_sorts_jsonnet_members_stably_across_the_hierarchy() -> None:
    assert nc.to_json(ORDERED) == ORDERED_JSON
    assert nc.from_json(ORDERED_JSON, Ordered) == ORDERED


def test_data_member_order_on_the_reference_paths(engine_path: str) -> None:
    assert nc.to_xml(ORDERED) == ORDERED_XML
    assert nc.to_json(ORDERED) == ORDERED_JSON
    assert nc.from_xml(ORDERED_XML, Ordered) == ORDERED


def test_data_member_order_is_the_xsd_sequence() -> None:
    names = [m.wire_name for m in contract_info(Ordered).xml_members]
    assert names == ["Ab", "Yb", "Xb", "Zb", "Nd", "Rq", "Kd", "Cd", "Md"]
    schema = nc.export_schemas(Ordered)
    text = next(v for k, v in schema.items() if "Edge.E" in k)
    assert text.index('name="Nd"') < text.index('name="Kd"') < text.index('name="Md"')


@pytest.mark.parametrize("bad", [-1, 1.5, True])
def test_data_member_order_must_be_a_non_negative_int(bad: object) -> None:
    with pytest.raises(nc.ContractDefinitionError, match="order must be an int >= 0"):
        nc.member("X", default=0, order=bad)  # type: ignore[arg-type]


REQUIRED_XML = (
    b'<Required xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="' + NS + b'">'
    b"<Name>n</Name><Note>x</Note><Count>2</Count></Required>"
)


@pytest.mark.parametrize(
    ("payload", "member"),
    [
        (b'<Required xmlns="' + NS + b'"><Name>n</Name><Note>x</Note></Required>', "Count"),
        (b'<Required xmlns="' + NS + b'"><Count>1</Count></Required>', "Name"),
    ],
)
def test_is_required_member_missing_from_xml_is_refused(
    engine_path: str, payload: bytes, member: str
) -> None:
    # Mono: "'EndElement' 'Required' ... is not expected. Expecting element 'Count'."
    with pytest.raises(nc.XmlPayloadError, match=rf"{member}: missing, and it is required"):
        nc.from_xml(payload, Required)


def test_is_required_member_missing_from_json_is_refused(engine_path: str) -> None:
    # Mono (Json.NET): "Required property 'Name' not found in JSON."
    with pytest.raises(nc.JsonPayloadError, match="Name: missing, and it is required"):
        nc.from_json(b'{"Note":"x","Count":1}', Required)


def test_is_required_reads_null_in_json_as_jsonnet_allow_null(engine_path: str) -> None:
    assert nc.from_json(b'{"Name":null,"Note":null,"Count":0}', Required) == Required()


def test_is_required_present_reads_on_the_generated_paths() -> None:
    # under NETCONTRACT_NO_FALLBACK (CI) a fallback here fails the test
    assert nc.from_xml(REQUIRED_XML, Required) == Required(name="n", note="x", count=2)
    assert nc.to_xml(Required(name="n", note="x", count=2)) == REQUIRED_XML
    # Note is optional: leaving it out still reads
    text = REQUIRED_XML.replace(b"<Note>x</Note>", b"")
    assert nc.from_xml(text, Required) == Required(name="n", count=2)


def test_is_required_member_has_no_min_occurs_in_the_xsd() -> None:
    text = nc.export_schemas(Required)["http://schemas.datacontract.org/2004/07/Edge.E"]
    # Mono's XsdDataContractExporter
    assert (
        "    <xs:sequence>\n"
        '      <xs:element name="Name" nillable="true" type="xs:string" />\n'
        '      <xs:element minOccurs="0" name="Note" nillable="true" type="xs:string" />\n'
        '      <xs:element name="Count" type="xs:int" />\n'
        "    </xs:sequence>\n"
    ) in text


def test_validate_xml_reports_a_missing_required_member() -> None:
    missing = b'<Required xmlns="' + NS + b'"><Name>n</Name></Required>'
    with pytest.raises(nc.XmlPayloadError) as refused:
        nc.validate_xml(missing, Required)
    assert any("Count" in p.message or "Count" in p.path for p in refused.value.problems)
    assert nc.validate_xml(REQUIRED_XML, Required) == Required(name="n", note="x", count=2)


@pytest.mark.parametrize("bad", [1, None, "yes"])
def test_is_required_must_be_a_bool(bad: object) -> None:
    with pytest.raises(nc.ContractDefinitionError, match="is_required must be a bool"):
        nc.member("X", default=0, is_required=bad)  # type: ignore[arg-type]
