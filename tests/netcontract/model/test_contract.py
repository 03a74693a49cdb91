"""Declaring contracts: names, namespaces, member order, computed and JSON-only members."""

from __future__ import annotations

import enum
import uuid

import attrs
import pytest

import netcontract as nc
from vehizen import CustomerGroupDto, ResponseDto, VehicleLightDto


@nc.contract("Ed")
class Base:
    zeta: str | None = nc.member("Zeta", default=None)
    alpha: nc.Int32 = nc.member("alpha", default=0)


@nc.contract("Ed")
class Derived(Base):
    u: str | None = nc.member("_u", default=None)
    b2: str | None = nc.member("B2", default=None)
    shout: str = nc.computed("Shout", lambda self: (self.zeta or "").upper())


def test_xml_order_is_base_first_then_ordinal():
    # docs/xml-rules.md §3 example: class B{Zeta,alpha} D:B{_u,B2} -> Zeta, alpha, B2, _u
    names = [m.wire_name for m in nc.contract_info(Derived).xml_members]
    assert names == ["Zeta", "alpha", "B2", "_u"]


def test_json_order_is_derived_first_in_declaration_order():
    # docs/json-rules.md §2: {"_u":null,"B2":null,"Zeta":"z","alpha":0}
    names = [m.wire_name for m in nc.contract_info(Derived).json_members]
    assert names == ["_u", "B2", "Shout", "Zeta", "alpha"]


def test_dotnet_ordinal_sort_of_vehizen_names():
    names = [m.wire_name for m in nc.contract_info(VehicleLightDto).xml_members]
    # base members first; ordinal: CANFuelReportUtc < CameraType, VIN < VehicleState
    assert names.index("LicencePlate") < names.index("AgencyAffiliationId")
    assert names.index("CANFuelReportUtc") + 1 == names.index("CameraType")
    assert names[-2:] == ["VIN", "VehicleState"]
    assert "FullName" not in names
    assert "Utility" not in names


def test_computed_member_is_a_read_only_property():
    d = Derived(zeta="z")
    assert d.shout == "Z"
    assert b'"Shout":"Z"' in nc.to_json(d)
    assert b"Shout" not in nc.to_xml(d)
    with pytest.raises(AttributeError):
        d.shout = "x"  # type: ignore[misc]


def test_wire_names_namespaces_and_cache():
    info = nc.contract_info(CustomerGroupDto)
    assert info is nc.contract_info(CustomerGroupDto)  # computed once
    assert info.name == "CustomerGroupDto"
    assert (
        info.namespace == "http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto.CustomerGroup"
    )
    assert attrs.has(CustomerGroupDto)
    by_attr = {m.attr: m.wire_name for m in nc.contract_info(VehicleLightDto).json_members}
    assert by_attr["id_by_government"] == "IDByGovernment"
    assert by_attr["vin"] == "VIN"
    assert by_attr["id_ws"] == "IdWS"
    assert by_attr["can_fuel_report_utc"] == "CANFuelReportUtc"


def test_default_wire_name_is_pascal_case():
    @nc.contract("T")
    class Plain:
        first_name: str | None = None

    assert [m.wire_name for m in nc.contract_info(Plain).xml_members] == ["FirstName"]


def test_generic_parametrization_has_its_own_plan():
    plain = nc.contract_info(ResponseDto)
    typed = nc.contract_info(ResponseDto[uuid.UUID])
    assert plain is not typed
    assert typed.name == plain.name == "ResponseDto"


def test_members_are_keyword_only_with_dotnet_defaults():
    v = VehicleLightDto()
    assert (v.id_ws, v.renting, v.vehicle_id, v.customer_id) == (0, False, None, None)
    assert CustomerGroupDto().customer_id == nc.EMPTY_GUID
    with pytest.raises(TypeError):
        VehicleLightDto(1)  # type: ignore[misc]


@pytest.mark.parametrize(
    "annotation",
    [complex, int | str, dict[str, int]],
)
def test_unmappable_annotations_are_reported(annotation):
    @nc.contract("Bad")
    class Bad:
        x: annotation = nc.member("X", default=None)  # type: ignore[valid-type]

    with pytest.raises(nc.ContractDefinitionError):
        nc.contract_info(Bad)


def test_plain_enum_needs_a_contract():
    class Colour(enum.IntEnum):
        RED = 1

    @nc.contract("Bad")
    class UsesColour:
        colour: Colour = nc.member("Colour", default=Colour.RED)

    with pytest.raises(nc.ContractDefinitionError, match="needs @contract"):
        nc.contract_info(UsesColour)


def test_non_contract_is_refused():
    with pytest.raises(nc.ContractDefinitionError):
        nc.contract_info(int)


def test_recursive_contract_declared_in_a_function_resolves_its_own_name():
    # the class's name is not bound yet where it is declared (was: cannot resolve name 'Node')
    @nc.contract("Local")
    class Node:
        name: str | None = nc.member("Name", default=None)
        child: Node | None = nc.member("Child", default=None)

    tree = Node(name="a", child=Node(name="b"))
    assert nc.contract_info(Node).json_members[1].slot.wire.cls is Node  # type: ignore[attr-defined]
    assert nc.from_json(nc.to_json(tree), Node) == tree
    assert nc.from_xml(nc.to_xml(tree), Node) == tree
