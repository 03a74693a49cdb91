"""The stand-in of POST api/v2/CustomerGroup, called in process (no socket).

The request formats are the help page's five; the answer is a ResponseDto negotiated as Web
API 2 negotiates (see test_media.py). Status codes for refused payloads are the stand-in's
documented choices (the help page does not show them).
"""

from __future__ import annotations

import codecs
import uuid

import httpx
import pytest

import netcontract as nc
from vehizen import CustomerGroupDto, ResponseDto, VehicleLightDto
from vehizen.domain.dto.external_interface import ExternalInterfaceHeaderDto
from vehizen.testing import (
    ApiError,
    ASGITransport,
    CustomerGroupClient,
    CustomerGroupStandIn,
)

PATH = "/api/v2/CustomerGroup"
GROUP = CustomerGroupDto(
    name="Flotte Nord",
    customer_id=uuid.UUID("5b8e0e44-2bd1-4a3c-9b1f-6a1d5e0e0e01"),
    vehicles=[
        VehicleLightDto(
            id_ws=5,
            licence_plate="AB-123-CD",
            external_interfaces=[ExternalInterfaceHeaderDto(name="x")],
            initial_entry_into_service=nc.DateTime.from_parts(2024, 1, 2, 3, 4, 5),
        )
    ],
)
FORMATS = [
    "application/json",
    "text/json",
    "application/xml",
    "text/xml",
    "application/x-www-form-urlencoded",
]

Pair = tuple[CustomerGroupStandIn, CustomerGroupClient]


def post(client: CustomerGroupClient, body: bytes, **headers: str) -> httpx.Response:
    """POST with exactly these headers (httpx's default ``Accept: */*`` left out)."""
    sent = {k.replace("_", "-"): v for k, v in headers.items()}
    request = client.http.build_request("POST", PATH, content=body, headers=sent)
    if "accept" not in headers:
        del request.headers["accept"]
    return client.http.send(request)


@pytest.mark.parametrize("media_type", FORMATS)
def test_each_request_format_is_accepted_and_kept(
    customer_group_standin: Pair, media_type: str
) -> None:
    standin, client = customer_group_standin
    response = client.create(GROUP, format=media_type)  # type: ignore[arg-type]
    assert response.is_valid
    assert response.errors == []
    assert isinstance(response.data, uuid.UUID)
    (accepted,) = standin.accepted
    assert accepted.id == response.data
    assert accepted.group == GROUP
    assert accepted.content_type.startswith(media_type)
    assert standin.get(response.data) == GROUP
    assert standin.groups == [GROUP]


@pytest.mark.parametrize(
    ("content_type", "accept", "answer_type"),
    [
        ("application/json", None, "application/json; charset=utf-8"),
        ("text/xml", None, "text/xml; charset=utf-8"),  # no Accept: the request's format
        ("application/x-www-form-urlencoded", None, "application/json; charset=utf-8"),
        ("application/json", "application/xml", "application/xml; charset=utf-8"),
        ("application/xml", "text/json", "text/json; charset=utf-8"),
        ("application/xml", "*/*", "application/json; charset=utf-8"),
        ("application/json", "application/json;q=0.4, text/xml;q=0.8", "text/xml; charset=utf-8"),
    ],
)
def test_answers_in_the_negotiated_format(
    customer_group_standin: Pair, content_type: str, accept: str | None, answer_type: str
) -> None:
    _, client = customer_group_standin
    body, _ = client.body(GROUP, format=content_type)  # type: ignore[arg-type]
    headers = {"content_type": content_type} | ({"accept": accept} if accept else {})
    response = post(client, body, **headers)
    assert response.status_code == 200
    assert response.headers["content-type"] == answer_type
    answer = nc.decode_body(response.content, answer_type, ResponseDto[uuid.UUID])
    assert answer.is_valid


def test_xml_answer_carries_the_guid_with_its_type(customer_group_standin: Pair) -> None:
    standin, client = customer_group_standin
    standin.id_factory = lambda: uuid.UUID("00000000-0000-0000-0000-00000000002a")
    response = post(client, nc.to_xml(GROUP), content_type="application/xml")
    assert response.content == (
        b'<ResponseDto xmlns:i="http://www.w3.org/2001/XMLSchema-instance" '
        b'xmlns="http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto">'
        b'<Data xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/" '
        b'i:type="d2p1:guid">00000000-0000-0000-0000-00000000002a</Data>'
        b'<Errors xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays" />'
        b"<IsValid>true</IsValid></ResponseDto>"
    )
    response = post(client, nc.to_json(GROUP), content_type="application/json")
    assert response.content == (
        b'{"IsValid":true,"Errors":[],"Data":"00000000-0000-0000-0000-00000000002a"}'
    )


def test_utf16_request_and_answer(customer_group_standin: Pair) -> None:
    standin, client = customer_group_standin
    body, content_type = client.body(GROUP, format="xml", charset="utf-16")
    assert body.startswith(codecs.BOM_UTF16_LE)
    response = post(client, body, content_type=content_type)
    assert response.headers["content-type"] == "application/xml; charset=utf-16"
    assert response.content.startswith(codecs.BOM_UTF16_LE)
    answer = client.create(GROUP, format="json", charset="utf-16", accept="text/json")
    assert answer.is_valid
    assert standin.groups == [GROUP, GROUP]


@pytest.mark.parametrize(
    ("content_type", "body", "path"),
    [
        ("application/json", b'{"CustomerId": "nope"}', "CustomerId"),
        ("application/json", b'{"Vehicles": [{"Tolerance": 1e99}]}', "Vehicles[0].Tolerance"),
        (
            "text/xml",
            nc.to_xml(GROUP).replace(b"<d2p1:IdWS>5<", b"<d2p1:IdWS>x<"),
            "Vehicles[0].IdWS",
        ),
        ("application/x-www-form-urlencoded", b"Vehicles[0][Renting]=on", "Vehicles[0].Renting"),
        ("application/json", b"null", ""),
    ],
)
def test_invalid_payloads_answer_is_valid_false(
    customer_group_standin: Pair, content_type: str, body: bytes, path: str
) -> None:
    standin, client = customer_group_standin
    response = post(client, body, content_type=content_type, accept="application/json")
    assert response.status_code == 200
    answer = nc.from_json(response.content, ResponseDto[uuid.UUID])
    assert answer.is_valid is False
    assert answer.data is None
    assert answer.errors
    assert answer.errors[0] is not None
    assert answer.errors[0].startswith(f"{path or '<root>'}: ")
    assert standin.accepted == []


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/json", b'{"Name": '),
        ("application/json", b""),
        ("application/xml", b"<CustomerGroupDto><Name>"),
        ("application/x-www-form-urlencoded", b"Vehicles[0=1"),
        ("application/xml; charset=utf-16", nc.to_xml(GROUP)),
    ],
)
def test_unreadable_bodies_answer_400(
    customer_group_standin: Pair, content_type: str, body: bytes
) -> None:
    standin, client = customer_group_standin
    response = post(client, body, content_type=content_type, accept="text/xml")
    assert response.status_code == 400
    # the answer takes the request's charset (utf-16 in the last case)
    assert response.headers["content-type"].startswith("text/xml; charset=utf-")
    answer = nc.decode_body(
        response.content, response.headers["content-type"], ResponseDto[uuid.UUID]
    )
    assert answer.is_valid is False
    assert answer.errors
    assert standin.accepted == []


@pytest.mark.parametrize(
    ("content_type", "accept", "answer"),
    [
        (
            "text/plain",
            None,
            b"{\"Message\":\"The request entity's media type 'text/plain' is not supported "
            b'for this resource.","MessageDetail":"media type \'text/plain\' is not supported; '
            b"use one of: application/json, text/json, application/xml, text/xml, "
            b'application/x-www-form-urlencoded"}',
        ),
        (
            None,
            "application/xml",
            b"<Error><Message>The request entity's media type 'application/octet-stream' is not "
            b"supported for this resource.</Message><MessageDetail>no Content-Type is not "
            b"supported; use one of: application/json, text/json, application/xml, text/xml, "
            b"application/x-www-form-urlencoded</MessageDetail></Error>",
        ),
    ],
)
def test_unsupported_media_type_answers_415(
    customer_group_standin: Pair, content_type: str | None, accept: str | None, answer: bytes
) -> None:
    _, client = customer_group_standin
    headers = {"Content-Type": content_type} if content_type else {}
    if accept:
        headers["Accept"] = accept
    response = client.http.post(PATH, content=b"x", headers=headers)
    assert response.status_code == 415
    assert response.content == answer


def test_unsupported_charset_answers_415(customer_group_standin: Pair) -> None:
    _, client = customer_group_standin
    response = post(client, nc.to_json(GROUP), content_type="application/json; charset=latin-1")
    assert response.status_code == 415
    assert "charset 'latin-1' is not supported" in response.json()["MessageDetail"]


def test_other_methods_and_paths(customer_group_standin: Pair) -> None:
    _, client = customer_group_standin
    assert client.http.get(PATH).status_code == 405
    assert client.http.get(PATH).headers["allow"] == "POST"
    assert client.http.post("/api/v2/Other", content=b"{}").status_code == 404
    # Web API routes ignore case
    response = client.http.post(
        "/API/V2/customergroup/", content=nc.to_json(GROUP), headers={"Content-Type": "text/json"}
    )
    assert response.status_code == 200


def test_validator_and_invalid_status() -> None:
    def no_empty_name(group: CustomerGroupDto) -> list[str]:
        return [] if group.name else ["Name: le nom est obligatoire"]

    standin = CustomerGroupStandIn(validator=no_empty_name, invalid_status=422)
    http = httpx.Client(transport=ASGITransport(standin.app), base_url="http://standin")
    with http:
        response = http.post(PATH, content=b"{}", headers={"Content-Type": "application/json"})
        assert response.status_code == 422
        assert response.json() == {
            "IsValid": False,
            "Errors": ["Name: le nom est obligatoire"],
            "Data": None,
        }
        ok = CustomerGroupClient(client=http).create(GROUP)
    assert ok.is_valid
    assert standin.groups == [GROUP]
    standin.clear()
    assert standin.groups == []


def test_client_errors() -> None:
    standin = CustomerGroupStandIn()
    http = httpx.Client(transport=ASGITransport(standin.app), base_url="http://standin/nowhere")
    with pytest.raises(ApiError) as caught:
        CustomerGroupClient(client=http).create(GROUP)
    assert caught.value.status_code == 404
    with pytest.raises(ValueError, match="unknown format"):
        CustomerGroupClient.body(GROUP, format="text/plain")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="either base_url or client"):
        CustomerGroupClient()
    with pytest.raises(nc.SerializationError, match="lossy=True"):
        CustomerGroupClient.body(CustomerGroupDto(vehicles=[]), format="form")
    body, content_type = CustomerGroupClient.body(
        CustomerGroupDto(vehicles=[]), format="form", lossy=True
    )
    assert (body, content_type) == (
        b"CustomerId=00000000-0000-0000-0000-000000000000",
        "application/x-www-form-urlencoded",
    )
