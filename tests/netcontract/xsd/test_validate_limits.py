"""validate_xml under the reading quotas, and what xmlschema is given (issue 17).

Time and memory of the same refusals are measured in a subprocess by
``tests/hostile/test_resource_bounds.py``.
"""

from __future__ import annotations

from typing import Any

import pytest

import netcontract as nc
from netcontract.xsd import validate as _validate
from netcontract.xsd.validate import MAX_REPORTED_PROBLEMS
from vehizen import CustomerGroupDto  # noqa: F401 - the root element finds it once imported

CG_NS = "http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto.CustomerGroup"
DTO_NS = "http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def xml(body: str, attrs: str = "") -> bytes:
    head = f'<CustomerGroupDto xmlns="{CG_NS}" xmlns:i="{XSI}" xmlns:d="{DTO_NS}"{attrs}>'
    return (head + body + "</CustomerGroupDto>").encode()


def vehicles(*items: str) -> str:
    return "<Vehicles>" + "".join(items) + "</Vehicles>"


@pytest.fixture
def no_xmlschema(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*_: Any) -> Any:
        raise AssertionError("xmlschema ran")

    monkeypatch.setattr(_validate, "_schema_errors", never)


def quota_of(doc: bytes, limits: nc.Limits) -> nc.QuotaExceededError:
    with pytest.raises(nc.QuotaExceededError) as caught:
        nc.validate_xml(doc, limits=limits)
    return caught.value


@pytest.mark.usefixtures("no_xmlschema")
@pytest.mark.parametrize(
    ("doc", "limits", "quota"),
    [
        # from_xml's own quotas (70,000 empty vehicles took 9 s of xmlschema first)
        (xml(vehicles(*["<d:VehicleLightDto/>"] * 4)), {"max_collection_items": 3}, None),
        (xml(vehicles(*["<d:VehicleLightDto/>"] * 4)), {"max_total_items": 8}, None),
        (xml("<Name>abcdef</Name>"), {"max_string_length": 5}, None),
        # the walk's: children of any element, attributes, namespace declarations, depth
        # (a contract's own 5 members are not items: 5 + 3 children pass, 9 do not)
        (xml("<X/>" * 9), {"max_collection_items": 3}, "max_collection_items"),
        (xml('<Name a="1" b="2">x</Name>'), {"max_attributes": 1}, "max_attributes"),
        (xml("<Name>x</Name>", ' xmlns:a="urn:a" xmlns:b="urn:b"'), {"max_attributes": 4}, None),
        (
            xml(vehicles("<d:VehicleLightDto><d:Brand/></d:VehicleLightDto>")),
            {"max_depth": 2},
            None,
        ),
    ],
)
def test_validation_checks_the_quotas_before_xmlschema(
    doc: bytes, limits: dict[str, int], quota: str | None
) -> None:
    error = quota_of(doc, nc.Limits(**limits))
    assert error.quota == (quota or next(iter(limits)))


def test_a_contracts_own_members_are_not_counted_as_items() -> None:
    doc = xml("<CustomerId>00000000-0000-0000-0000-000000000000</CustomerId><Name>x</Name>")
    assert nc.validate_xml(doc, limits=nc.Limits(max_collection_items=1)).name == "x"


def test_namespace_declarations_in_scope_count_toward_max_attributes() -> None:
    decls = "".join(f' xmlns:p{i}="urn:{i}"' for i in range(62))  # + xmlns, i, d: 65
    error = quota_of(xml("<Name>x</Name>", decls), nc.Limits())
    assert str(error) == (
        "<root>: quota max_attributes exceeded "
        "(more than 64 namespace declarations in scope) (line 1)"
    )
    assert nc.validate_xml(xml("<Name>x</Name>", decls[: decls.rindex(" xmlns")])).name == "x"


def test_unknown_siblings_are_reported_without_xmlschema(no_xmlschema: None) -> None:
    # (20,000 unknown siblings took 2 s in xmlschema, 100,000 over a minute)
    with pytest.raises(nc.XmlPayloadError) as caught:
        nc.validate_xml(xml("<Unknown/>" * (MAX_REPORTED_PROBLEMS + 5)))
    problems = [str(p) for p in caught.value.problems]
    assert len(problems) == MAX_REPORTED_PROBLEMS + 1
    assert problems[0] == (
        f"Unknown: unknown element 'Unknown' (namespace '{CG_NS}') in CustomerGroupDto (line 1)"
    )
    assert problems[-1] == (
        f"<root>: more problems not shown (the first {MAX_REPORTED_PROBLEMS} are listed)"
    )


def test_xmlschema_never_sees_misplaced_children(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []
    original = _validate._schema_errors

    def spy(schema: Any, root: Any) -> Any:
        seen.append([str(e.tag).rpartition("}")[2] for e in root.iter() if isinstance(e.tag, str)])
        return original(schema, root)

    monkeypatch.setattr(_validate, "_schema_errors", spy)
    doc = xml(
        "\n<Name>a</Name>\n<Name>b</Name>\n<Bogus><Deep/></Bogus>\n"
        + vehicles("<d:VehicleLightDto>\n<d:IdWS>x</d:IdWS></d:VehicleLightDto>\n", "<d:Car/>")
        + "\n<CustomerId>00000000-0000-0000-0000-000000000000</CustomerId>"
    )
    with pytest.raises(nc.XmlPayloadError) as caught:
        nc.validate_xml(doc)
    assert seen == [["CustomerGroupDto", "Name", "Vehicles", "VehicleLightDto", "IdWS"]]
    # the walk's problems and xmlschema's together, in the order of their lines
    assert [p.path for p in caught.value.problems] == [
        "Name",
        "Bogus",
        "Vehicles[0].IdWS",
        "Vehicles.Car",
        "CustomerId",
    ]


def test_element_children_of_a_value_are_not_validated_one_by_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[int] = []
    original = _validate._schema_errors

    def spy(schema: Any, root: Any) -> Any:
        seen.append(sum(1 for _ in root.iter()))
        return original(schema, root)

    monkeypatch.setattr(_validate, "_schema_errors", spy)
    with pytest.raises(nc.XmlPayloadError, match="Name: a simple content element can't have"):
        nc.validate_xml(xml("<Name>" + "<x/>" * 1000 + "</Name>"))
    assert seen == [3]  # the root, Name and its first child


def test_int_digit_limit_does_not_leak_into_messages() -> None:
    doc = xml(vehicles(f"<d:VehicleLightDto><d:IdWS>{'1' * 5000}</d:IdWS></d:VehicleLightDto>"))
    with pytest.raises(nc.XmlPayloadError) as caught:
        nc.validate_xml(doc)
    (problem,) = caught.value.problems
    assert problem.message.endswith("is not a valid Int32 (xs:int)")
