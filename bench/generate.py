"""The large benchmark document: a customer group with thousands of vehicles.

The values are varied on purpose (seeded, so every run makes the same bytes): nulls and empty
lists, strings with XML and JSON specials (``& < > " \\ \\r \\t``, accents, emoji, a quote),
every DateTime kind (Utc, Local with several offsets, Unspecified; with and without a
tick fraction), doubles in both layouts (``1.1``, ``1E-05``, ``12345.678``), and the odd NaN
and infinity. netcontract writes both documents itself (``to_xml``/``to_json``).

    python bench/generate.py [--vehicles 2000] [--out bench/data]

writes ``customer_group_<n>.xml`` and ``.json`` there.
"""

from __future__ import annotations

import argparse
import random
import uuid
from pathlib import Path

import netcontract as nc
from netcontract import DateTime, DateTimeKind
from vehizen import CameraType, CustomerGroupDto, ExternalInterfaceHeaderDto, VehicleLightDto

__all__ = ["make_documents", "make_group"]

_WORDS = (
    "Renault",
    "Iveco",
    "Mercedes-Benz",
    "Citroën",
    "Škoda",
    "Ford Transit",
    "Peugeot & fils",
    "<Volvo>",
    'camion "frigo"',
    "benne\tà ordures",
    "ligne 1\r\nligne 2",
    "C:\\flotte\\véhicules",
    "🚚 livraison",
    "Łódź depot",
    "",
)
_OFFSETS = (0, 60, 120, -300, 330, -600, 840, -840)


def _text(rng: random.Random, null_rate: float = 0.15) -> str | None:
    if rng.random() < null_rate:
        return None
    word = rng.choice(_WORDS)
    return f"{word} {rng.randrange(100_000)}" if word else word


def _guid(rng: random.Random, null_rate: float = 0.0) -> uuid.UUID | None:
    if rng.random() < null_rate:
        return None
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _date(rng: random.Random, null_rate: float = 0.0) -> DateTime | None:
    if rng.random() < null_rate:
        return None
    ticks = rng.randrange(630_000_000_000_000_000, 650_000_000_000_000_000)
    shape = rng.randrange(3)
    if shape == 0:
        ticks -= ticks % 10_000_000  # whole seconds: no fraction written
    elif shape == 1:
        ticks -= ticks % 10_000  # milliseconds: trailing zeros dropped
    kind = rng.choice((DateTimeKind.UTC, DateTimeKind.LOCAL, DateTimeKind.UNSPECIFIED))
    offset = rng.choice(_OFFSETS) if kind is DateTimeKind.LOCAL else None
    return DateTime(ticks, kind, offset)


def _double(rng: random.Random) -> float:
    shape = rng.randrange(20)
    if shape == 0:
        return rng.choice((float("nan"), float("inf"), float("-inf"), -0.0))
    if shape < 5:
        return float(rng.randrange(-1000, 100_000))
    if shape < 8:
        return rng.randrange(1, 1000) * 1e-5
    return round(rng.uniform(0, 50_000), rng.randrange(1, 6))


def _int32(rng: random.Random, null_rate: float = 0.0) -> int | None:
    if rng.random() < null_rate:
        return None
    return rng.choice((0, 1, -1, 2_147_483_647, -2_147_483_648, rng.randrange(-(10**6), 10**7)))


def _interfaces(rng: random.Random) -> list[ExternalInterfaceHeaderDto] | None:
    shape = rng.randrange(10)
    if shape == 0:
        return None
    if shape == 1:
        return []
    return [
        ExternalInterfaceHeaderDto(
            id=_guid(rng) or nc.EMPTY_GUID,
            customer_id=_guid(rng) or nc.EMPTY_GUID,
            name=_text(rng),
        )
        for _ in range(rng.randrange(1, 4))
    ]


def _vehicle(rng: random.Random, index: int) -> VehicleLightDto:
    return VehicleLightDto(
        vehicle_id=_guid(rng, 0.05),
        customer_id=_guid(rng, 0.3),
        licence_plate=_text(rng),
        id_by_government=_text(rng, 0.5),
        name=_text(rng),
        vehicle_type=_text(rng),
        brand=_text(rng),
        model=_text(rng),
        date_utc_change_malfunction_level=_date(rng, 0.3),
        has_malfunction_history=rng.random() < 0.5,
        is_vehicle_call_for_maintenance=rng.random() < 0.5,
        fuel_name=_text(rng),
        utility=rng.choice(("Porteur", "Tracteur", None)),
        fuel_type_id=_int32(rng, 0.3),
        fuel_type_id_synthesis=_int32(rng, 0.3),
        is_fuel_type_conflict=rng.random() < 0.5,
        is_active=rng.random() < 0.5,
        compatible_download=rng.random() < 0.5,
        id_ws=index,
        agency_affiliation_name=_text(rng),
        agency_affiliation_id=_guid(rng, 0.3),
        customer_group_id=_guid(rng, 0.3),
        customer_group_name=_text(rng),
        vin=_text(rng),
        external_interface_id=_guid(rng, 0.3),
        initial_entry_into_service=_date(rng) or nc.MIN_DATETIME,
        external_interfaces=_interfaces(rng),
        job_activity=_text(rng),
        renting=rng.random() < 0.5,
        utc_end_of_lease=_date(rng, 0.3),
        utc_start_of_lease=_date(rng, 0.3),
        km_end_of_lease=_int32(rng, 0.3),
        km_start_of_lease=_int32(rng, 0.3),
        theoretical_consumption=None if rng.random() < 0.3 else _double(rng),
        reservoir_volume=_int32(rng, 0.3),
        tolerance=_int32(rng) or 0,
        mobile_unit_id=_guid(rng, 0.3),
        mobile_unit_name=_text(rng),
        imei=str(rng.randrange(10**14, 10**15)) if rng.random() < 0.8 else None,
        total_fuel_used=_double(rng),
        can_fuel_report_utc=_date(rng, 0.3),
        milestone=_int32(rng) or 0,
        utc_mileage_report=_date(rng, 0.3),
        milestone_at_assignment=_int32(rng) or 0,
        tachy_speed_limit=_int32(rng, 0.3),
        camera_type=CameraType.WITHOUT_CAMERA,
    )


def make_group(vehicles: int = 2000, seed: int = 6) -> CustomerGroupDto:
    """The benchmark's customer group (the same for the same arguments)."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    return CustomerGroupDto(
        id=_guid(rng),
        customer_id=_guid(rng) or nc.EMPTY_GUID,
        name="Flotte nationale <bench> & co",
        profil_eco_drive_id=None,
        vehicles=[_vehicle(rng, i) for i in range(vehicles)],
    )


def make_documents(vehicles: int = 2000, seed: int = 6) -> tuple[bytes, bytes]:
    """(XML bytes, JSON bytes) of :func:`make_group`, as netcontract writes them (compact)."""
    group = make_group(vehicles, seed)
    return nc.to_xml(group), nc.to_json(group)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vehicles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "data")
    args = parser.parse_args()
    xml, json = make_documents(args.vehicles, args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.out / f"customer_group_{args.vehicles}"
    stem.with_suffix(".xml").write_bytes(xml)
    stem.with_suffix(".json").write_bytes(json)
    print(f"{stem}.xml: {len(xml):,} bytes; {stem}.json: {len(json):,} bytes")


if __name__ == "__main__":
    main()
