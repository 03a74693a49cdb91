"""The public API as a user writes it: checked by mypy --strict (see pyproject.toml) and run."""

from __future__ import annotations

import uuid

import netcontract as nc
from vehizen import CameraType, CustomerGroupDto, ResponseDto, VehicleLightDto


@nc.contract("Typing.Check")
class Truck:
    id: uuid.UUID = nc.member("Id", default=nc.EMPTY_GUID)
    axles: nc.Int32 = nc.member("Axles", default=0)
    odometer: nc.Int64 | None = nc.member("Odometer", default=None)
    seen: nc.DateTime = nc.member("Seen", default=nc.MIN_DATETIME)
    label: str = nc.computed("Label", lambda t: f"{t.axles} axles")


def test_typed_round_trip() -> None:
    truck = Truck(axles=3)
    data: bytes = nc.to_json(truck)
    back: Truck = nc.from_json(data, Truck)
    assert back.axles == 3
    assert back.label == "3 axles"
    xml: bytes = nc.to_xml(truck, indent=True)
    assert nc.from_xml(xml, Truck) == truck


def test_vehizen_models_are_typed() -> None:
    group = CustomerGroupDto(name="g", vehicles=[VehicleLightDto(camera_type=CameraType(0))])
    vehicles: list[VehicleLightDto] | None = group.vehicles
    assert vehicles is not None
    response: ResponseDto[uuid.UUID] = ResponseDto(is_valid=True, data=uuid.UUID(int=1))
    assert response.data == uuid.UUID(int=1)


def test_errors_carry_problems() -> None:
    try:
        nc.from_json(b'{"Axles":"x"}', Truck)
    except nc.PayloadError as exc:
        problem: nc.Problem = exc.problems[0]
        assert problem.path == "Axles"
    else:  # pragma: no cover
        raise AssertionError("not refused")
