"""Declaring contracts: names, namespaces, member order, computed and JSON-only members."""

from __future__ import annotations

import enum
import importlib.metadata
import re
import subprocess
import sys
import uuid
from pathlib import Path

import attrs
import pytest

import netcontract as nc
from netcontract.model.contract import ENTRY_POINT_GROUP
from vehizen import CustomerGroupDto, ResponseDto, VehicleLightDto

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures"


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
    ("annotation", "message"),
    [
        (complex, "Bad.x: complex has no .NET data-contract mapping"),
        (int | str, "Bad.x: int | str: unions other than 'X | None' have no .NET equivalent"),
        (
            dict[bytes, int],
            "Bad.x: dict[bytes, int]: a dictionary key must be a string, an integer, bool,",
        ),
    ],
)
def test_unmappable_annotations_are_reported_at_declaration_with_class_and_member(
    annotation, message
):
    with pytest.raises(nc.ContractDefinitionError, match=re.escape(message)):

        @nc.contract("Bad")
        class Bad:
            x: annotation = nc.member("X", default=None)  # type: ignore[valid-type]


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


# ------------------------------------------------------------------------------ issue 17


@pytest.mark.parametrize(
    ("default", "factory"),
    [([], "list"), ({}, "dict"), (set(), "set"), (VehicleLightDto(), "lambda: ...")],
    ids=["list", "dict", "set", "contract"],
)
def test_mutable_default_is_refused_at_declaration(default, factory):
    with pytest.raises(nc.ContractDefinitionError) as caught:

        @nc.contract("Bad")
        class Bad:
            items: list[int] | None = nc.member("Items", default=default)

    assert str(caught.value).endswith(
        f"Bad.items: default={default!r} would be one {type(default).__name__} shared by every"
        f" instance; use member(..., factory={factory})"
    )


def test_mutable_default_without_member_is_refused_too():
    with pytest.raises(nc.ContractDefinitionError, match=r"Bad\.items: default=\[\]"):

        @nc.contract("Bad")
        class Bad:
            items: list[int] = []  # noqa: RUF012 - the mistake under test


def test_factory_gives_each_instance_its_own_list():
    @nc.contract("Good")
    class Good:
        items: list[int] = nc.member("Items", factory=list)

    a, b = Good(), Good()
    a.items.append(1)
    assert b.items == []


def test_datetime_member_names_the_class_the_member_and_the_fix():
    import datetime

    with pytest.raises(nc.ContractDefinitionError) as caught:

        @nc.contract("Bad")
        class Bad:
            when: datetime.datetime | None = nc.member("When", default=None)

    assert str(caught.value) == (
        "test_datetime_member_names_the_class_the_member_and_the_fix.<locals>.Bad.when:"
        " datetime.datetime has no .NET data-contract mapping (in datetime.datetime | None);"
        " use nc.DateTime (DateTime.from_datetime converts)"
    )


_LATER = """
from __future__ import annotations
import netcontract as nc

@nc.contract("Later")
class Node:
    children: list[Node] | None = nc.member("Children", default=None)
    leaf: Leaf | None = nc.member("Leaf", default=None)

@nc.contract("Later")
class Leaf:
    value: int = nc.member("Value", default=0)

class Plain:
    pass

@nc.contract("Later")
class UsesPlain:
    thing: Plain | None = nc.member("Thing", default=None)
"""


def test_forward_references_stay_lazy_and_errors_name_the_member(tmp_path, monkeypatch):
    (tmp_path / "later_contracts_mod.py").write_text(_LATER)
    monkeypatch.syspath_prepend(str(tmp_path))
    import later_contracts_mod as mod  # declared without error: Leaf comes after Node

    node = mod.Node(children=[mod.Node()], leaf=mod.Leaf(value=3))
    assert nc.from_json(nc.to_json(node), mod.Node) == node
    # a class of the user's own that is not a contract is only known to be wrong on use
    with pytest.raises(
        nc.ContractDefinitionError, match=r"^UsesPlain\.thing: later_contracts_mod\.Plain has no"
    ):
        nc.to_json(mod.UsesPlain())


def test_from_xml_finds_contracts_of_entry_points_without_an_import():
    # a fresh process: right after `import netcontract`, vehizen is not imported
    code = (
        "import sys, netcontract as nc\n"
        "assert 'vehizen' not in sys.modules\n"
        f"value = nc.validate_xml(open({str(FIXTURES / 'customer_group.xml')!r}, 'rb').read())\n"
        "print(type(value).__name__, type(nc.from_xml(nc.to_xml(value))).__name__)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, check=False, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == b"CustomerGroupDto CustomerGroupDto\n"


def test_vehizen_is_registered_under_the_entry_point_group():
    entries = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
    assert [(e.name, e.value) for e in entries if e.name == "vehizen"] == [("vehizen", "vehizen")]


def test_unknown_root_says_what_to_import_and_names_failed_entry_points(monkeypatch):
    from netcontract.model import contract as _contract

    broken = importlib.metadata.EntryPoint(
        name="broken", value="no_such_contracts_module_xyz", group=ENTRY_POINT_GROUP
    )
    monkeypatch.setattr(_contract, "_entry_points_loaded", False)
    monkeypatch.setattr(_contract, "_entry_point_failures", {})
    monkeypatch.setattr(_contract.importlib.metadata, "entry_points", lambda group: [broken])
    with pytest.raises(nc.XmlPayloadError) as caught:
        nc.from_xml(b'<NoSuchRoot17 xmlns="http://schemas.datacontract.org/2004/07/Fleet"/>')
    assert str(caught.value) == (
        "<root>: no known contract has the root element 'NoSuchRoot17' from namespace"
        " 'http://schemas.datacontract.org/2004/07/Fleet'; import the module that declares it"
        " (or pass its class), or register that module under the 'netcontract.contracts'"
        " entry point group; entry point 'broken' failed to load: ModuleNotFoundError: No"
        " module named 'no_such_contracts_module_xyz' (line 1)"
    )


def test_unknown_root_in_another_namespace_names_the_one_known():
    with pytest.raises(nc.XmlPayloadError) as caught:
        nc.from_xml(b'<CustomerGroupDto xmlns="http://schemas.datacontract.org/2004/07/Vehizen"/>')
    message = str(caught.value)
    assert "(a contract 'CustomerGroupDto' exists in namespace " in message
    assert "'http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto.CustomerGroup'" in message


def test_bad_enum_name_is_one_message_in_json_xml_and_validation():
    expected = (
        "Vehicles[0].CameraType: 'Nope' is not a CameraType name (expected one of: WITHOUT_CAMERA"
    )
    group = CustomerGroupDto(vehicles=[VehicleLightDto()])
    xml = nc.to_xml(group).replace(b"CameraType>WITHOUT_CAMERA<", b"CameraType>Nope<")
    assert b">Nope<" in xml
    messages = []
    for read in (
        lambda: nc.from_json(b'{"Vehicles":[{"CameraType":"Nope"}]}', CustomerGroupDto),
        lambda: nc.from_xml(xml),
        lambda: nc.validate_xml(xml),
    ):
        with pytest.raises(nc.PayloadError) as caught:
            read()
        messages.append(re.sub(r" \(line \d+\)$", "", str(caught.value.problems[0])))
    assert messages[0].startswith(expected)
    assert messages[0] == messages[1] == messages[2], messages


def test_extension_data_on_a_class_attrs_already_made_is_refused() -> None:
    # attrs keeps such a class's own __init__ when @contract defines it again, which would
    # never set extension_data: writing the object then failed with AttributeError
    with pytest.raises(nc.ContractDefinitionError, match="extension_data=True needs a plain"):

        @nc.contract("T", extension_data=True)
        @attrs.define
        class Ext:
            q: int | None = None

    @nc.contract("T", extension_data=True)
    class Plain:
        q: int | None = None

    assert Plain(q=1).extension_data is None
    assert nc.to_xml(Plain(q=1)).endswith(b"<Q>1</Q></Plain>")
