"""The stand-in over real HTTP: uvicorn on a loopback port, the httpx client on a socket.

Every request here goes to 127.0.0.1 only; each test sends a handful of requests.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netcontract as nc
from netcontract.strategies import for_type
from vehizen import CustomerGroupDto, ResponseDto, VehicleLightDto
from vehizen.testing import CustomerGroupClient, CustomerGroupStandIn, serve

Pair = tuple[CustomerGroupStandIn, CustomerGroupClient]
FORMATS = [
    "application/json",
    "text/json",
    "application/xml",
    "text/xml",
    "application/x-www-form-urlencoded",
]
GROUP = CustomerGroupDto(
    name="Flotte Sud",
    customer_id=uuid.UUID("0f8fad5b-d9cb-469f-a165-70867728950e"),
    vehicles=[VehicleLightDto(id_ws=1, vin="VF1"), VehicleLightDto(id_ws=2, tolerance=8)],
)


def test_the_server_listens_on_loopback(customer_group_server: Pair) -> None:
    _, client = customer_group_server
    assert client.http.base_url.host == "127.0.0.1"
    assert client.http.base_url.port


@pytest.mark.parametrize("media_type", FORMATS)
@pytest.mark.parametrize("charset", ["utf-8", "utf-16"])
def test_all_five_formats_round_trip_over_http(
    customer_group_server: Pair, media_type: str, charset: str
) -> None:
    standin, client = customer_group_server
    answer = client.create(GROUP, format=media_type, charset=charset)  # type: ignore[arg-type]
    assert answer.is_valid
    assert answer.data is not None
    assert standin.get(answer.data) == GROUP


@pytest.mark.parametrize("accept", ["application/json", "text/json", "application/xml", "text/xml"])
def test_answers_in_each_accepted_format(customer_group_server: Pair, accept: str) -> None:
    standin, client = customer_group_server
    body, content_type = client.body(GROUP, format="form")
    response = client.http.post(
        "/api/v2/CustomerGroup",
        content=body,
        headers={"Content-Type": content_type, "Accept": accept},
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == f"{accept}; charset=utf-8"
    answer = nc.decode_body(response.content, accept, ResponseDto[uuid.UUID])
    assert answer.data == standin.accepted[0].id


def test_generated_groups_round_trip_through_the_stand_in(customer_group_server: Pair) -> None:
    """Generated groups (every value kind and edge) in each format, over the socket; forms
    carry what they can (lossy) and arrive as from_form reads them."""
    standin, client = customer_group_server

    @settings(
        max_examples=40,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(for_type(CustomerGroupDto, local_offsets=st.just(0)), st.sampled_from(FORMATS))
    def check(group: CustomerGroupDto, media_type: str) -> None:
        answer = client.create(group, format=media_type, lossy=True)  # type: ignore[arg-type]
        assert answer.is_valid, answer.errors
        assert answer.data is not None
        kept = standin.get(answer.data)
        if media_type.endswith("urlencoded"):
            expected = nc.from_form(nc.to_form(group, lossy=True), CustomerGroupDto)
        elif media_type.endswith("xml"):
            expected = nc.from_xml(nc.to_xml(group), CustomerGroupDto)  # XML has no Utility
        else:
            expected = group
        assert nc.to_json(kept) == nc.to_json(expected)

    check()


def test_refusals_over_http(customer_group_server: Pair) -> None:
    _, client = customer_group_server
    response = client.http.post(
        "/api/v2/CustomerGroup", content=b"{", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    response = client.http.post(
        "/api/v2/CustomerGroup", content=b"x", headers={"Content-Type": "text/csv"}
    )
    assert response.status_code == 415
    invalid = client.http.post(
        "/api/v2/CustomerGroup",
        content=b'{"CustomerId": 5}',
        headers={"Content-Type": "application/json"},
    )
    assert invalid.status_code == 200
    assert invalid.json()["IsValid"] is False


def test_serve_binds_a_free_loopback_port() -> None:
    standin = CustomerGroupStandIn()
    with serve(standin.app) as first, serve(standin.app) as second:
        assert first != second
        assert first.startswith("http://127.0.0.1:")
        with CustomerGroupClient(first) as a, CustomerGroupClient(second) as b:
            assert a.create(GROUP).is_valid
            assert b.create(GROUP, format="xml").is_valid
    assert len(standin.accepted) == 2


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_netcontract_serve_command() -> None:
    """``netcontract serve`` in a child process: loopback by default, answers the client."""
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "netcontract",
            "serve",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while True:
            try:
                httpx.get(url + "/", timeout=1)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        with CustomerGroupClient(url) as client:
            answer = client.create(GROUP, format="text/xml")
        assert answer.is_valid
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=20)
    assert f"http://127.0.0.1:{port}/api/v2/CustomerGroup".encode() in out, err


def test_concurrent_clients(customer_group_server: Pair) -> None:
    """4 threads x 5 requests in different formats: every group kept once, ids distinct."""
    standin, client = customer_group_server
    url = str(client.http.base_url)

    def work(n: int) -> list[uuid.UUID]:
        ids = []
        with CustomerGroupClient(url) as own:
            for i in range(5):
                fmt = FORMATS[(n + i) % len(FORMATS)]
                answer = own.create(GROUP, format=fmt)  # type: ignore[arg-type]
                assert answer.data is not None
                ids.append(answer.data)
        return ids

    with ThreadPoolExecutor(max_workers=4) as pool:
        ids = [i for batch in pool.map(work, range(4)) for i in batch]
    assert len(set(ids)) == 20
    assert sorted(a.id for a in standin.accepted) == sorted(ids)
