"""CLR namespace ``Vehizen.Domain.Dto``.

Nullability follows ``docs/vehizen.md`` §3, which gives the help page's evidence member by
member; where the page cannot tell, the choice is made here, in this one module, so it can change.
"""

from __future__ import annotations

import uuid
from typing import Generic, TypeVar

from netcontract import (
    MIN_DATETIME,
    ContractEnum,
    DateTime,
    Double,
    Int32,
    computed,
    contract,
    member,
)
from vehizen.domain.dto.external_interface import ExternalInterfaceHeaderDto

__all__ = [
    "CameraType",
    "MalfunctionLevel",
    "ResponseDto",
    "State",
    "VehicleBaseDto",
    "VehicleLightDto",
    "VehicleState",
]

CLR_NAMESPACE = "Vehizen.Domain.Dto"

T = TypeVar("T")


# Only the members with value 0 are visible on the help page; the server has more.
@contract(CLR_NAMESPACE)
class CameraType(ContractEnum):
    WITHOUT_CAMERA = 0


@contract(CLR_NAMESPACE)
class VehicleState(ContractEnum):
    Active = 0


@contract(CLR_NAMESPACE)
class State(ContractEnum):
    Active = 0


@contract(CLR_NAMESPACE)
class MalfunctionLevel(ContractEnum):
    Null = 0


def _full_name(vehicle: VehicleBaseDto) -> str:
    # C#: Name + " (" + LicencePlate + ")"; string concatenation prints null as ""
    return f"{vehicle.name or ''} ({vehicle.licence_plate or ''})"


@contract(CLR_NAMESPACE)
class VehicleBaseDto:
    """The base class of ``VehicleLightDto`` (its real name is not on the help page)."""

    vehicle_id: uuid.UUID | None = member("VehicleId", default=None)
    customer_id: uuid.UUID | None = member("CustomerId", default=None)
    licence_plate: str | None = member("LicencePlate", default=None)
    id_by_government: str | None = member("IDByGovernment", default=None)
    name: str | None = member("Name", default=None)
    vehicle_type: str | None = member("VehicleType", default=None)
    brand: str | None = member("Brand", default=None)
    model: str | None = member("Model", default=None)
    state: State = member("State", default=State.Active)
    malfunction_level: MalfunctionLevel = member("MalfunctionLevel", default=MalfunctionLevel.Null)
    date_utc_change_malfunction_level: DateTime | None = member(
        "DateUtcChangeMalfunctionLevel", default=None
    )
    has_malfunction_history: bool = member("HasMalfunctionHistory", default=False)
    is_vehicle_call_for_maintenance: bool = member("IsVehicleCallForMaintenance", default=False)
    fuel_name: str | None = member("FuelName", default=None)
    #: read-only on the server: Json.NET writes it, XML never carries it; input is ignored
    full_name: str = computed("FullName", _full_name)
    #: read-only on the server and its rule is unknown: a value read from JSON is kept;
    #: "Porteur" (the help page's value) when none was read
    utility: str | None = member("Utility", default="Porteur", json_only=True)
    fuel_type_id: Int32 | None = member("FuelTypeId", default=None)
    fuel_type_id_synthesis: Int32 | None = member("FuelTypeIdSynthesis", default=None)
    is_fuel_type_conflict: bool = member("IsFuelTypeConflict", default=False)
    is_active: bool = member("IsActive", default=False)
    compatible_download: bool = member("CompatibleDownload", default=False)


@contract(CLR_NAMESPACE)
class VehicleLightDto(VehicleBaseDto):
    id_ws: Int32 = member("IdWS", default=0)
    agency_affiliation_name: str | None = member("AgencyAffiliationName", default=None)
    agency_affiliation_id: uuid.UUID | None = member("AgencyAffiliationId", default=None)
    customer_group_id: uuid.UUID | None = member("CustomerGroupId", default=None)
    customer_group_name: str | None = member("CustomerGroupName", default=None)
    vin: str | None = member("VIN", default=None)
    external_interface_id: uuid.UUID | None = member("ExternalInterfaceId", default=None)
    initial_entry_into_service: DateTime = member("InitialEntryIntoService", default=MIN_DATETIME)
    external_interfaces: list[ExternalInterfaceHeaderDto] | None = member(
        "ExternalInterfaces", default=None
    )
    job_activity: str | None = member("JobActivity", default=None)
    renting: bool = member("Renting", default=False)
    utc_end_of_lease: DateTime | None = member("UtcEndOfLease", default=None)
    utc_start_of_lease: DateTime | None = member("UtcStartOfLease", default=None)
    km_end_of_lease: Int32 | None = member("KmEndOfLease", default=None)
    km_start_of_lease: Int32 | None = member("KmStartOfLease", default=None)
    theoretical_consumption: Double | None = member("TheoreticalConsumption", default=None)
    reservoir_volume: Int32 | None = member("ReservoirVolume", default=None)
    tolerance: Int32 = member("Tolerance", default=0)
    mobile_unit_id: uuid.UUID | None = member("MobileUnitId", default=None)
    mobile_unit_name: str | None = member("MobileUnitName", default=None)
    imei: str | None = member("Imei", default=None)
    total_fuel_used: Double = member("TotalFuelUsed", default=0.0)
    can_fuel_report_utc: DateTime | None = member("CANFuelReportUtc", default=None)
    milestone: Int32 = member("Milestone", default=0)
    utc_mileage_report: DateTime | None = member("UtcMileageReport", default=None)
    milestone_at_assignment: Int32 = member("MilestoneAtAssignment", default=0)
    tachy_speed_limit: Int32 | None = member("TachySpeedLimit", default=None)
    camera_type: CameraType = member("CameraType", default=CameraType.WITHOUT_CAMERA)
    no_geoloc: bool = member("NoGeoloc", default=False)
    vehicle_state: VehicleState = member("VehicleState", default=VehicleState.Active)


def _response_known_types() -> tuple[type, ...]:
    """What ``Data`` may hold besides primitives: every Vehizen contract and enum (a server
    that returns them as XML must make them known to DataContractSerializer; the help page
    cannot tell whether it does so with ``[KnownType]`` or in its formatter)."""
    from vehizen.domain.dto.customer_group import CustomerGroupDto  # noqa: PLC0415 - it imports us

    return (
        CustomerGroupDto,
        VehicleBaseDto,
        VehicleLightDto,
        ExternalInterfaceHeaderDto,
        CameraType,
        VehicleState,
        State,
        MalfunctionLevel,
    )


@contract(CLR_NAMESPACE, known_types=_response_known_types)
class ResponseDto(Generic[T]):
    """The response of the Vehizen API. ``Data`` is declared ``object`` on the server.

    Parametrize it (``ResponseDto[uuid.UUID]``) to say what ``Data`` holds when reading JSON,
    where the type does not travel; in XML it travels as ``i:type``. Every Vehizen contract
    and enum is a known type of ``Data`` (``[KnownType]``); pass ``known_types=`` to the call
    for any other contract.
    """

    is_valid: bool = member("IsValid", default=False)  #: Valdie ?
    errors: list[str | None] | None = member("Errors", default=None)  #: liste d'erreurs
    #: Objet à retourner (``object`` on the server: ResponseDto is no .NET generic)
    data: T | None = member("Data", default=None, clr_type=object)
