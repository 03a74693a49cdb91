"""``member(order=, is_required=, emit_default_value=)``: .NET's ``[DataMember(...)]``.

The bytes below are Mono's (DataContractSerializer and Json.NET 6.0.8 on the twin
``Edge.E`` classes of tests/interop/dotnet/EdgeContracts.cs), pinned so the rules hold
without Mono; tests/interop/test_edge_contracts.py checks them live.
"""

from __future__ import annotations

import pytest

import netcontract as nc
from netcontract.model.plan import contract_info
from tests.interop.edge_models import Ordered

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
