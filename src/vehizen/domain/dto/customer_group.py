"""CLR namespace ``Vehizen.Domain.Dto.CustomerGroup``."""

from __future__ import annotations

import uuid

from netcontract import EMPTY_GUID, contract, member
from vehizen.domain.dto import VehicleLightDto

__all__ = ["CustomerGroupDto"]

CLR_NAMESPACE = "Vehizen.Domain.Dto.CustomerGroup"


@contract(CLR_NAMESPACE)
class CustomerGroupDto:
    """The request body of ``POST api/v2/CustomerGroup`` ("création d'un groupe")."""

    id: uuid.UUID | None = member("Id", default=None)  #: identifiant (null = create)
    customer_id: uuid.UUID = member("CustomerId", default=EMPTY_GUID)  #: client id
    name: str | None = member("Name", default=None)  #: nom
    profil_eco_drive_id: uuid.UUID | None = member("ProfilEcoDriveId", default=None)
    vehicles: list[VehicleLightDto] | None = member("Vehicles", default=None)
