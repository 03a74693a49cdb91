"""The Vehizen fleet API's contracts (``POST api/v2/CustomerGroup``), ready to use.

Modules mirror the server's CLR namespaces:

- ``vehizen.domain.dto`` — ``Vehizen.Domain.Dto``: ``VehicleBaseDto``, ``VehicleLightDto``,
  ``ResponseDto`` and the enums
- ``vehizen.domain.dto.customer_group`` — ``Vehizen.Domain.Dto.CustomerGroup``: ``CustomerGroupDto``
- ``vehizen.domain.dto.external_interface`` — ``Vehizen.Domain.Dto.ExternalInterface``:
  ``ExternalInterfaceHeaderDto``
"""

from vehizen.domain.dto import (
    CameraType,
    MalfunctionLevel,
    ResponseDto,
    State,
    VehicleBaseDto,
    VehicleLightDto,
    VehicleState,
)
from vehizen.domain.dto.customer_group import CustomerGroupDto
from vehizen.domain.dto.external_interface import ExternalInterfaceHeaderDto

__all__ = [
    "CameraType",
    "CustomerGroupDto",
    "ExternalInterfaceHeaderDto",
    "MalfunctionLevel",
    "ResponseDto",
    "State",
    "VehicleBaseDto",
    "VehicleLightDto",
    "VehicleState",
]
