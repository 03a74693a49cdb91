"""Media types: decode_body / encode_body / negotiate.

Expected negotiation answers follow Web API 2's ``DefaultContentNegotiator`` (aspnetwebstack:
q-values, literal > ``type/*`` > ``*/*`` at equal quality, JSON before XML, the request's
Content-Type when Accept matches nothing, no 406); the cases where Mono's older negotiator
agrees are also checked against it in ``tests/interop/test_forms_interop.py``. Charsets: the
JSON and XML formatters support UTF-8 and UTF-16 (``Encoding.WebName``), UTF-16 written
little-endian with a byte order mark.
"""

from __future__ import annotations

import codecs
import uuid

import pytest

import netcontract as nc
from netcontract.webapi.media import MediaType, parse_accept
from vehizen import CustomerGroupDto, ResponseDto, VehicleLightDto

GROUP = CustomerGroupDto(
    name="Flotte é😀",
    customer_id=uuid.UUID("5b8e0e44-2bd1-4a3c-9b1f-6a1d5e0e0e01"),
    vehicles=[VehicleLightDto(id_ws=5)],
)


# -- parsing -----------------------------------------------------------------------------------


def test_media_type_parse() -> None:
    m = MediaType.parse('Application/JSON ; Charset="UTF-16" ; q=0.5')
    assert m.mime == "application/json"
    assert m.charset == "utf-16"
    assert m.quality == 0.5
    assert MediaType.parse("*/*").covers("text/xml") == "all"
    assert MediaType.parse("text/*").covers("text/xml") == "subtype"
    assert MediaType.parse("text/xml").covers("text/xml") == "literal"
    assert MediaType.parse("text/xml").covers("application/xml") is None
    for bad in ("json", "*/json", "a/b; c", ""):
        with pytest.raises(ValueError, match=r"media type|parameter"):
            MediaType.parse(bad)


def test_parse_accept_skips_malformed_values() -> None:
    values = parse_accept('text/xml;q=0.2, garbage, application/json;x="a,b"')
    assert [v.mime for v in values] == ["text/xml", "application/json"]
    assert values[1].param("x") == "a,b"


# -- negotiation -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "application/json; charset=utf-8"),
        ("", "application/json; charset=utf-8"),
        ("*/*", "application/json; charset=utf-8"),
        ("text/json", "text/json; charset=utf-8"),
        ("application/xml", "application/xml; charset=utf-8"),
        ("TEXT/XML", "text/xml; charset=utf-8"),
        ("text/*", "text/json; charset=utf-8"),  # JSON first among equals
        ("application/xml, application/json", "application/json; charset=utf-8"),
        ("application/json;q=0.5, application/xml", "application/xml; charset=utf-8"),
        ("text/xml, application/*", "text/xml; charset=utf-8"),  # literal beats a range
        ("application/xml;q=0", "application/json; charset=utf-8"),  # q=0 never matches
        ("image/png", "application/json; charset=utf-8"),  # no 406
        # what a browser sends: Web API 2 famously answers XML
        (
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "application/xml; charset=utf-8",
        ),
    ],
)
def test_negotiate_accept(accept: str | None, expected: str) -> None:
    assert nc.negotiate(accept).content_type == expected


def test_negotiate_falls_back_to_the_request_format() -> None:
    assert nc.negotiate(None, request_content_type="text/xml").media_type == "text/xml"
    assert nc.negotiate("image/png", request_content_type="application/xml").format == "xml"
    # a form cannot be written back: JSON
    form = nc.negotiate(None, request_content_type="application/x-www-form-urlencoded")
    assert form.format == "json"
    # Accept wins over the request's format
    assert nc.negotiate("*/*", request_content_type="text/xml").format == "json"


@pytest.mark.parametrize(
    ("accept_charset", "request_type", "expected"),
    [
        (None, None, "utf-8"),
        ("utf-16", None, "utf-16"),
        ("UTF-16", None, "utf-16"),
        ("iso-8859-1, utf-16;q=0.5", None, "utf-16"),
        ("utf-16;q=0, utf-8", None, "utf-8"),
        ("*", None, "utf-8"),
        (None, "application/json; charset=utf-16", "utf-16"),
        ("utf-8", "application/json; charset=utf-16", "utf-8"),
        (None, "application/json; charset=utf-32", "utf-8"),
    ],
)
def test_negotiate_charset(
    accept_charset: str | None, request_type: str | None, expected: str
) -> None:
    chosen = nc.negotiate(
        "application/json", request_content_type=request_type, accept_charset=accept_charset
    )
    assert chosen.charset == expected


# -- encode ------------------------------------------------------------------------------------


def test_encode_body_json_and_xml() -> None:
    response = ResponseDto[uuid.UUID](is_valid=True, errors=[], data=uuid.UUID(int=1))
    body, content_type = nc.encode_body(response)
    assert content_type == "application/json; charset=utf-8"
    assert body == nc.to_json(response)
    body, content_type = nc.encode_body(response, "text/xml")
    assert content_type == "text/xml; charset=utf-8"
    assert body == nc.to_xml(response)
    assert (
        b'<Data xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/" '
        b'i:type="d2p1:guid">' in body
    )


def test_encode_body_utf16_has_a_byte_order_mark() -> None:
    body, content_type = nc.encode_body(GROUP, "application/xml", accept_charset="utf-16")
    assert content_type == "application/xml; charset=utf-16"
    assert body.startswith(codecs.BOM_UTF16_LE)
    assert body[2:].decode("utf-16-le").encode("utf-8") == nc.to_xml(GROUP)


# -- decode ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/json", nc.to_json(GROUP)),
        ("text/json; charset=utf-8", nc.to_json(GROUP)),
        ("application/json", codecs.BOM_UTF8 + nc.to_json(GROUP)),
        ("application/json; charset=utf-16", nc.to_json(GROUP).decode().encode("utf-16-le")),
        ("application/json; charset=utf-16", nc.to_json(GROUP).decode().encode("utf-16")),
        # a JSON body's byte order mark wins over the charset (StreamReader)
        ("application/json", codecs.BOM_UTF16_BE + nc.to_json(GROUP).decode().encode("utf-16-be")),
        ("application/xml", nc.to_xml(GROUP)),
        ("text/xml; charset=UTF-8", nc.to_xml(GROUP)),
        (
            "application/xml; charset=utf-16",
            nc.encode_body(GROUP, "text/xml", accept_charset="utf-16")[0],
        ),
        ("application/x-www-form-urlencoded", nc.to_form(GROUP)),
        ("application/x-www-form-urlencoded; charset=UTF-8", nc.to_form(GROUP)),
    ],
)
def test_decode_body_in_every_request_format(content_type: str, body: bytes) -> None:
    assert nc.decode_body(body, content_type, CustomerGroupDto) == GROUP


@pytest.mark.parametrize(
    "content_type",
    [None, "", "text/plain", "application/octet-stream", "json", "multipart/form-data; boundary=x"],
)
def test_unsupported_media_types(content_type: str | None) -> None:
    with pytest.raises(nc.UnsupportedMediaTypeError, match="not supported") as caught:
        nc.decode_body(b"{}", content_type, CustomerGroupDto)
    assert "application/json, text/json, application/xml, text/xml" in str(caught.value)


@pytest.mark.parametrize(
    ("content_type", "says"),
    [
        ("application/json; charset=iso-8859-1", "charset 'iso-8859-1' is not supported"),
        ("application/x-www-form-urlencoded; charset=utf-16", "charset 'utf-16'"),
    ],
)
def test_unsupported_charsets(content_type: str, says: str) -> None:
    with pytest.raises(nc.UnsupportedMediaTypeError, match=says):
        nc.decode_body(b"{}", content_type, CustomerGroupDto)


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/json", b""),
        ("application/json", b"{"),
        ("application/json", b'{"Name": "\xff"}'),
        ("application/xml", b"<CustomerGroupDto"),
        ("application/xml; charset=utf-16", nc.to_xml(GROUP)),  # no UTF-16 byte order mark
        ("application/xml", codecs.BOM_UTF16_LE + "<a/>".encode("utf-16-le")),
        ("application/x-www-form-urlencoded", b"Vehicles[0=1"),
    ],
)
def test_unreadable_bodies(content_type: str, body: bytes) -> None:
    with pytest.raises(nc.UnreadableBodyError):
        nc.decode_body(body, content_type, CustomerGroupDto)


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/json", b'{"CustomerId": "nope"}'),
        ("application/json", b"null"),
        ("text/xml", nc.to_xml(GROUP).replace(b"5b8e0e44", b"zzzzzzzz")),
        ("application/x-www-form-urlencoded", b"CustomerId=nope"),
        ("application/x-www-form-urlencoded", b""),
    ],
)
def test_invalid_payloads_are_payload_errors_not_unreadable(content_type: str, body: bytes) -> None:
    with pytest.raises(nc.PayloadError) as caught:
        nc.decode_body(body, content_type, CustomerGroupDto)
    assert not isinstance(caught.value, nc.UnreadableBodyError)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_bomless_utf16_xml_under_a_utf8_charset_is_unreadable(codec: str) -> None:
    # Web API reads the body in its charset (UTF-8 here); parse_xml alone would read it by
    # its declaration, so decode_body must refuse it first
    group = CustomerGroupDto(name="Flotte")
    xml = nc.to_xml(group).decode()
    body = ('<?xml version="1.0" encoding="utf-16"?>' + xml).encode(codec)
    for content_type in ("application/xml", "application/xml; charset=utf-8"):
        with pytest.raises(nc.UnreadableBodyError, match="no byte order mark"):
            nc.decode_body(body, content_type, CustomerGroupDto)
    # ... and read in its own charset with a byte order mark
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    assert nc.decode_body(bom + body, "text/xml; charset=utf-16", CustomerGroupDto) == group
