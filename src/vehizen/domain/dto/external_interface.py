"""CLR namespace ``Vehizen.Domain.Dto.ExternalInterface``."""

from __future__ import annotations

import uuid

from netcontract import EMPTY_GUID, contract, member

__all__ = ["ExternalInterfaceHeaderDto"]

CLR_NAMESPACE = "Vehizen.Domain.Dto.ExternalInterface"


@contract(CLR_NAMESPACE)
class ExternalInterfaceHeaderDto:
    id: uuid.UUID = member("Id", default=EMPTY_GUID)
    customer_id: uuid.UUID = member("CustomerId", default=EMPTY_GUID)
    name: str | None = member("Name", default=None)
