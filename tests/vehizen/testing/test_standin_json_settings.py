"""The stand-in started as a server whose Json.NET is configured (``json_settings=``, the CLI's
``serve --json-settings FILE``): a test can mimic such a server. Non-default settings are
honoured by the reference reader and writer (marked ``falls_back``)."""

from __future__ import annotations

import uuid

import httpx
import pytest

import netcontract as nc
from vehizen import CustomerGroupDto, VehicleLightDto
from vehizen.testing import ASGITransport, CustomerGroupClient, CustomerGroupStandIn

pytestmark = pytest.mark.falls_back

PATH = "/api/v2/CustomerGroup"
#: ASP.NET Web API's most common configuration
WEB_API = nc.JsonSettings(
    contract_resolver="CamelCase",
    string_enum_converter=True,
    null_value_handling="Ignore",
    date_format_handling="MicrosoftDateFormat",
    date_time_zone_handling="Utc",
)
GROUP = CustomerGroupDto(
    name="Flotte",
    customer_id=uuid.UUID("5b8e0e44-2bd1-4a3c-9b1f-6a1d5e0e0e01"),
    vehicles=[VehicleLightDto(id_ws=5)],
)


def _pair(
    standin_settings: nc.JsonSettings | None, client_settings: nc.JsonSettings | None
) -> tuple[CustomerGroupStandIn, CustomerGroupClient, httpx.Client]:
    standin = CustomerGroupStandIn(
        json_settings=standin_settings, id_factory=lambda: uuid.UUID(int=7)
    )
    http = httpx.Client(transport=ASGITransport(standin.app), base_url="http://standin")
    return standin, CustomerGroupClient(client=http, json_settings=client_settings), http


def test_a_configured_standin_answers_in_its_settings() -> None:
    standin, client, http = _pair(WEB_API, WEB_API)
    with http, client:
        answer = client.create(GROUP, format="json")
        assert answer.is_valid and answer.data == uuid.UUID(int=7)
        # what it received was written with the settings, and it read it
        (accepted,) = standin.accepted
        assert b'"customerId":"5b8e0e44' in accepted.body and b"null" not in accepted.body
        assert accepted.group.vehicles[0].id_ws == 5
        raw = http.post(PATH, content=accepted.body, headers={"Content-Type": "application/json"})
        assert (
            raw.content
            == b'{"isValid":true,"errors":[],"data":"00000000-0000-0000-0000-000000000007"}'
        )


def test_a_configured_standin_reads_a_default_client() -> None:
    # Json.NET matches member names ignoring case: PascalCase bodies are read as well
    camel = nc.JsonSettings(contract_resolver="CamelCase", string_enum_converter=True)
    standin, client, http = _pair(camel, None)
    with http, client:
        answer = client.create(GROUP, format="text/json")
        assert answer.is_valid
        assert standin.accepted[0].group == GROUP


def test_a_configured_standin_refuses_what_its_settings_refuse() -> None:
    strict = nc.JsonSettings(missing_member_handling="Error", contract_resolver="CamelCase")
    standin, client, http = _pair(strict, strict)
    with http, client:
        response = http.post(
            PATH, content=b'{"name":"x","colour":1}', headers={"Content-Type": "application/json"}
        )
        assert response.json() == {
            "isValid": False,
            "errors": [
                "colour: CustomerGroupDto has no member of this name (MissingMemberHandling.Error)"
            ],
            "data": None,
        }
        assert standin.accepted == []


def test_the_default_standin_is_unchanged() -> None:
    standin, client, http = _pair(None, None)
    with http, client:
        response = http.post(
            PATH, content=nc.to_json(GROUP), headers={"Content-Type": "application/json"}
        )
        assert response.content.startswith(b'{"IsValid":true,"Errors":[],"Data":"')
        assert len(standin.accepted) == 1
