"""pydantic-xml models of the benchmark document (an optional peer of bench/run.py).

Written by hand from the XSD: GUIDs, integers and booleans are typed; dates, doubles and
enums stay strings (pydantic reads neither .NET's 7-digit fractions nor ``INF``), so this
peer does less work per value than netcontract does.
"""

from __future__ import annotations

import uuid

from pydantic_xml import BaseXmlModel, element, wrapped

DTO = "http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto"
GROUP = DTO + ".CustomerGroup"
EXTERNAL = DTO + ".ExternalInterface"
NSMAP = {"": GROUP, "d": DTO, "e": EXTERNAL, "i": "http://www.w3.org/2001/XMLSchema-instance"}


def _opt(tag: str, ns: str) -> object:
    return element(tag=tag, ns=ns, default=None, nillable=True)


class ExternalInterface(BaseXmlModel, tag="ExternalInterfaceHeaderDto", ns="e", nsmap=NSMAP):
    customer_id: uuid.UUID = element(tag="CustomerId", ns="e")
    id: uuid.UUID = element(tag="Id", ns="e")
    name: str | None = _opt("Name", "e")  # type: ignore[assignment]


class Vehicle(BaseXmlModel, tag="VehicleLightDto", ns="d", nsmap=NSMAP, search_mode="ordered"):
    brand: str | None = _opt("Brand", "d")  # type: ignore[assignment]
    compatible_download: bool = element(tag="CompatibleDownload", ns="d")
    customer_id: uuid.UUID | None = _opt("CustomerId", "d")  # type: ignore[assignment]
    date_utc_change_malfunction_level: str | None = _opt("DateUtcChangeMalfunctionLevel", "d")  # type: ignore[assignment]
    fuel_name: str | None = _opt("FuelName", "d")  # type: ignore[assignment]
    fuel_type_id: int | None = _opt("FuelTypeId", "d")  # type: ignore[assignment]
    fuel_type_id_synthesis: int | None = _opt("FuelTypeIdSynthesis", "d")  # type: ignore[assignment]
    has_malfunction_history: bool = element(tag="HasMalfunctionHistory", ns="d")
    id_by_government: str | None = _opt("IDByGovernment", "d")  # type: ignore[assignment]
    is_active: bool = element(tag="IsActive", ns="d")
    is_fuel_type_conflict: bool = element(tag="IsFuelTypeConflict", ns="d")
    is_vehicle_call_for_maintenance: bool = element(tag="IsVehicleCallForMaintenance", ns="d")
    licence_plate: str | None = _opt("LicencePlate", "d")  # type: ignore[assignment]
    malfunction_level: str = element(tag="MalfunctionLevel", ns="d")
    model: str | None = _opt("Model", "d")  # type: ignore[assignment]
    name: str | None = _opt("Name", "d")  # type: ignore[assignment]
    state: str = element(tag="State", ns="d")
    vehicle_id: uuid.UUID | None = _opt("VehicleId", "d")  # type: ignore[assignment]
    vehicle_type: str | None = _opt("VehicleType", "d")  # type: ignore[assignment]
    agency_affiliation_id: uuid.UUID | None = _opt("AgencyAffiliationId", "d")  # type: ignore[assignment]
    agency_affiliation_name: str | None = _opt("AgencyAffiliationName", "d")  # type: ignore[assignment]
    can_fuel_report_utc: str | None = _opt("CANFuelReportUtc", "d")  # type: ignore[assignment]
    camera_type: str = element(tag="CameraType", ns="d")
    customer_group_id: uuid.UUID | None = _opt("CustomerGroupId", "d")  # type: ignore[assignment]
    customer_group_name: str | None = _opt("CustomerGroupName", "d")  # type: ignore[assignment]
    external_interface_id: uuid.UUID | None = _opt("ExternalInterfaceId", "d")  # type: ignore[assignment]
    external_interfaces: list[ExternalInterface] = wrapped(
        "ExternalInterfaces", ns="d", default_factory=list
    )
    id_ws: int = element(tag="IdWS", ns="d")
    imei: str | None = _opt("Imei", "d")  # type: ignore[assignment]
    initial_entry_into_service: str = element(tag="InitialEntryIntoService", ns="d")
    job_activity: str | None = _opt("JobActivity", "d")  # type: ignore[assignment]
    km_end_of_lease: int | None = _opt("KmEndOfLease", "d")  # type: ignore[assignment]
    km_start_of_lease: int | None = _opt("KmStartOfLease", "d")  # type: ignore[assignment]
    milestone: int = element(tag="Milestone", ns="d")
    milestone_at_assignment: int = element(tag="MilestoneAtAssignment", ns="d")
    mobile_unit_id: uuid.UUID | None = _opt("MobileUnitId", "d")  # type: ignore[assignment]
    mobile_unit_name: str | None = _opt("MobileUnitName", "d")  # type: ignore[assignment]
    no_geoloc: bool = element(tag="NoGeoloc", ns="d")
    renting: bool = element(tag="Renting", ns="d")
    reservoir_volume: int | None = _opt("ReservoirVolume", "d")  # type: ignore[assignment]
    tachy_speed_limit: int | None = _opt("TachySpeedLimit", "d")  # type: ignore[assignment]
    theoretical_consumption: str | None = _opt("TheoreticalConsumption", "d")  # type: ignore[assignment]
    tolerance: int = element(tag="Tolerance", ns="d")
    total_fuel_used: str = element(tag="TotalFuelUsed", ns="d")
    utc_end_of_lease: str | None = _opt("UtcEndOfLease", "d")  # type: ignore[assignment]
    utc_mileage_report: str | None = _opt("UtcMileageReport", "d")  # type: ignore[assignment]
    utc_start_of_lease: str | None = _opt("UtcStartOfLease", "d")  # type: ignore[assignment]
    vin: str | None = _opt("VIN", "d")  # type: ignore[assignment]
    vehicle_state: str = element(tag="VehicleState", ns="d")


class CustomerGroup(BaseXmlModel, tag="CustomerGroupDto", ns="", nsmap=NSMAP):
    customer_id: uuid.UUID = element(tag="CustomerId", ns="")
    id: uuid.UUID | None = _opt("Id", "")  # type: ignore[assignment]
    name: str | None = _opt("Name", "")  # type: ignore[assignment]
    profil_eco_drive_id: uuid.UUID | None = _opt("ProfilEcoDriveId", "")  # type: ignore[assignment]
    vehicles: list[Vehicle] = wrapped("Vehicles", ns="", default_factory=list)
