"""The stand-in under hostile requests (issue 17): bodies over ``max_bytes``, clients that
leave early, bodies that are not what their Content-Type says.

The application is driven at the ASGI level, so a test controls exactly what arrives and
sees how much of it the stand-in read.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import netcontract as nc
from vehizen import CustomerGroupDto, ResponseDto
from vehizen.testing import CustomerGroupStandIn, serve

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures"
PATH = "/api/v2/CustomerGroup"
MIB = 1024 * 1024


class Call:
    """One request to an ASGI app: the chunks offered, how many were read, the answer."""

    def __init__(self, chunks: Iterator[bytes], headers: dict[str, str]) -> None:
        self.chunks = chunks
        self.headers = headers
        self.read = 0  # body chunks the application took
        self.disconnect_after: int | None = None
        self.status: int | None = None
        self.body = b""
        self.response_headers: dict[str, str] = {}

    async def receive(self) -> dict[str, Any]:
        if self.disconnect_after is not None and self.read >= self.disconnect_after:
            return {"type": "http.disconnect"}
        chunk = next(self.chunks, None)
        self.read += 1
        if chunk is None:
            return {"type": "http.request", "body": b"", "more_body": False}
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(self, message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            self.status = message["status"]
            self.response_headers = {k.decode(): v.decode() for k, v in message["headers"]}
        elif message["type"] == "http.response.body":
            self.body += message.get("body", b"")

    def run(self, standin: CustomerGroupStandIn) -> Call:
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "POST",
            "scheme": "http",
            "path": PATH,
            "raw_path": PATH.encode(),
            "query_string": b"",
            "root_path": "",
            "headers": [(k.lower().encode(), v.encode()) for k, v in self.headers.items()],
            "client": ("127.0.0.1", 1),
            "server": ("127.0.0.1", 80),
        }
        asyncio.run(standin.app(scope, self.receive, self.send))
        return self

    def answer(self) -> ResponseDto[uuid.UUID]:
        content_type = self.response_headers["content-type"]
        return nc.decode_body(self.body, content_type, ResponseDto[uuid.UUID])


def chunks(chunk: bytes, count: int = 20) -> Iterator[bytes]:
    """``count`` times ``chunk``: more than the tests' limits (finite, so that a stand-in
    that buffered everything would still finish, and fail the test)."""
    for _ in range(count):
        yield chunk


JSON = {"Content-Type": "application/json"}


def test_standin_stops_reading_at_max_bytes() -> None:
    standin = CustomerGroupStandIn(limits=nc.Limits(max_bytes=4 * MIB))
    call = Call(chunks(b" " * MIB), JSON).run(standin)  # 20 MiB offered
    assert call.status == 400
    assert call.read == 5  # 4 MiB kept, the fifth chunk passes the limit: no more is read
    assert call.answer().errors == ["<root>: quota max_bytes exceeded (more than 4,194,304 bytes)"]
    assert standin.accepted == []


def test_standin_refuses_a_content_length_over_max_bytes_unread() -> None:
    standin = CustomerGroupStandIn(limits=nc.Limits(max_bytes=MIB))
    headers = {**JSON, "Content-Length": str(200 * MIB), "Accept": "text/xml"}
    call = Call(chunks(b" " * MIB), headers).run(standin)
    assert call.status == 400
    assert call.read == 0
    assert call.response_headers["content-type"] == "text/xml; charset=utf-8"
    assert call.answer().errors == ["<root>: quota max_bytes exceeded (more than 1,048,576 bytes)"]


def test_standin_body_of_exactly_max_bytes_is_read() -> None:
    body = nc.to_json(nc.help_page_sample(CustomerGroupDto))
    standin = CustomerGroupStandIn(limits=nc.Limits(max_bytes=len(body)))
    call = Call(iter([body[:100], body[100:]]), {**JSON, "Content-Length": str(len(body))})
    assert call.run(standin).status == 200
    assert call.answer().is_valid


def test_standin_answers_a_client_that_leaves_early_quietly() -> None:
    standin = CustomerGroupStandIn()
    call = Call(iter([b'{"Name":']), {**JSON, "Content-Length": "100"})
    call.disconnect_after = 1
    call.run(standin)  # raised ClientDisconnect before: uvicorn logged its traceback
    assert call.status == 400
    assert standin.accepted == []


@pytest.mark.parametrize(
    "body",
    [
        (FIXTURES / "customer_group.xml").read_bytes(),
        (FIXTURES / "customer_group.json").read_bytes(),
    ],
)
def test_standin_refuses_xml_or_json_posted_as_a_form(body: bytes) -> None:
    # curl --data @file sends Content-Type: application/x-www-form-urlencoded
    standin = CustomerGroupStandIn()
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"}
    call = Call(iter([body]), headers).run(standin)
    assert call.status == 400
    (error,) = call.answer().errors
    assert error is not None and "the body looks like " in error
    assert standin.accepted == []


def test_standin_over_http_logs_no_traceback_for_a_short_body() -> None:
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Keep(logging.DEBUG)
    loggers = [logging.getLogger(name) for name in ("uvicorn", "uvicorn.error")]
    with serve(CustomerGroupStandIn().app) as url:
        # after uvicorn configured its loggers (which drops the handlers it finds)
        for logger in loggers:
            logger.addHandler(handler)
        try:
            host, port = url.removeprefix("http://").rsplit(":", 1)
            with socket.create_connection((host, int(port)), timeout=10) as sock:
                sock.sendall(
                    b"POST /api/v2/CustomerGroup HTTP/1.1\r\nHost: x\r\n"
                    b'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"Name":'
                )
                sock.shutdown(socket.SHUT_WR)
                while sock.recv(65536):
                    pass
            time.sleep(0.5)  # uvicorn logs after it closed the connection
        finally:
            for logger in loggers:
                logger.removeHandler(handler)
    assert [r.getMessage() for r in records if r.exc_info or r.levelno >= logging.ERROR] == []


def test_decode_body_checks_max_bytes_on_the_body_as_sent() -> None:
    # a UTF-16 body of 2n bytes decodes to n characters: the quota is on the bytes
    body = b"\xff\xfe" + '{"Name":"x"}'.encode("utf-16-le")
    limits = nc.Limits(max_bytes=len(body) - 1)
    with pytest.raises(nc.QuotaExceededError) as caught:
        nc.decode_body(body, "application/json", CustomerGroupDto, limits=limits)
    assert caught.value.quota == "max_bytes"
    group = nc.decode_body(body, "application/json", CustomerGroupDto)
    assert group.name == "x"
