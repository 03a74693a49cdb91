"""Form bodies and content negotiation against ASP.NET Web API itself (Mono's copy).

The form bodies netcontract writes are read by Web API's own ``JQueryMvcFormUrlEncodedFormatter``
(``dotnet/FormDriver.cs``); the object it binds, written back by Json.NET 6, must equal
``to_json`` of what netcontract's ``from_form`` makes of the same body (the project's view of
it). Where ``to_form`` accepts the object without ``lossy``, that view must also be the object
itself. The facts these tests pin are described in ``dotnet/FORMS.md``.
"""

from __future__ import annotations

import decimal
import math
import random
import re
import urllib.parse
import uuid
from collections.abc import Iterator
from typing import Any

import attrs
import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netcontract as nc
from netcontract.strategies import for_type
from netcontract.webapi.forms import parse_form_pairs
from vehizen import CustomerGroupDto, ResponseDto, VehicleLightDto
from vehizen.testing import ASGITransport, CustomerGroupStandIn

from . import edge_models as em
from ._mono import DotNetTwin
from ._mono_forms import MISSING_REASON, WebApiForms, web_api_available

pytestmark = pytest.mark.interop


@pytest.fixture(scope="module")
def webapi() -> Iterator[WebApiForms]:
    """One compiled FormDriver and one Mono process for the module."""
    if not web_api_available():
        pytest.skip(MISSING_REASON)  # CI forbids skips (NETCONTRACT_NO_SKIPS)
    with WebApiForms() as forms:
        yield forms


def dotnet_view(value: Any) -> Any:
    """What .NET holds, as Json.NET on Mono writes it: a double -0.0 is written ``0.0`` and a
    decimal -0 ``0`` (PROBES.md §1; netcontract keeps the sign on purpose)."""
    if attrs.has(type(value)):
        changes = {
            f.alias: dotnet_view(getattr(value, f.name))
            for f in attrs.fields(type(value))
            if f.init
        }
        return attrs.evolve(value, **changes)
    if isinstance(value, list):
        return [dotnet_view(v) for v in value]
    if isinstance(value, dict):
        return {k: dotnet_view(v) for k, v in value.items()}
    if isinstance(value, float) and value == 0.0:
        return 0.0
    if isinstance(value, decimal.Decimal) and value.is_zero():
        return abs(value)
    return value


def check_binds_as_meant(webapi: WebApiForms, obj: Any, clr_type: str, style: Any) -> bool:
    """Post ``to_form(obj)`` to Web API; True when ``to_form`` took it without ``lossy``."""
    body = nc.to_form(obj, lossy=True, style=style)
    bound = webapi.bind(clr_type, body)
    if not body:  # every member None: an empty form, which Web API binds as null
        assert not bound.bound
        with pytest.raises(nc.FormPayloadError):
            nc.from_form(body, type(obj))
        return False
    meant = nc.from_form(body, type(obj))
    assert bound.bound, (body, bound)
    assert bound.json == nc.to_json(dotnet_view(meant)), body
    try:
        nc.to_form(obj, style=style)
    except nc.SerializationError:
        return False
    # nothing lost: the view is the object itself. Compared as XML, which (like a form)
    # leaves out the read-only JSON-only members (Utility) and tells NaN, -0.0, kinds apart
    assert nc.to_xml(meant) == nc.to_xml(obj)
    return True


# -- the proof over generated documents ------------------------------------------------------

GROUPS = for_type(CustomerGroupDto, local_offsets=st.just(0))
FORM_SETTINGS = settings(
    max_examples=500,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def test_500_generated_groups_bind_in_web_api_as_meant(webapi: WebApiForms) -> None:
    counts = {"documents": 0, "exact": 0}

    @FORM_SETTINGS
    @given(GROUPS)
    def check(group: CustomerGroupDto) -> None:
        counts["documents"] += 1
        counts["exact"] += check_binds_as_meant(webapi, group, "CustomerGroupDto", "jquery")

    restarts = webapi.restarts
    check()
    assert counts["documents"] >= 500
    # the strategies draw empty strings, empty lists and Utc dates often: still, many
    # documents must go through without any loss
    assert counts["exact"] >= 50, counts
    assert webapi.restarts == restarts  # no generated body made the binder hang


@settings(FORM_SETTINGS, max_examples=100)
@given(GROUPS)
def test_mvc_style_binds_as_meant(webapi: WebApiForms, group: CustomerGroupDto) -> None:
    check_binds_as_meant(webapi, group, "CustomerGroupDto", "mvc")


EDGE_TYPES = [
    (em.Numbers, "Edge.A.Numbers"),
    (em.Decimals, "Edge.A.Decimals"),
    (em.Doubles, "Edge.A.Doubles"),
    (em.Texts, "Edge.A.Texts"),
    (em.Dates, "Edge.A.Dates"),
    (em.Chars, "Edge.A.Chars"),
    (em.Singles, "Edge.A.Singles"),
    (em.Offsets, "Edge.A.Offsets"),
    (em.Lists, "Edge.A.Lists"),
    (em.Holder, "Edge.A.Holder"),
    (em.Ordering, "Edge.A.Ordering"),
    (em.Encoded, "Edge.A.Encoded"),
    (em.Dog, "Edge.B.Dog"),
    (em.Zoo, "Edge.B.Zoo"),
    (em.Enums, "Edge.A.Enums"),  # wire names, [Flags]: EnumConverter reads the C# names
    (em.Own, "Edge.A.Own"),  # users' own types: the carriers' texts
    (em.Maps, "Edge.A.Maps"),  # Dictionary<K,V>: Map[0][Key]=k&Map[0][Value]=v
    (em.KeyMaps, "Edge.A.KeyMaps"),  # Double, Single, Decimal, TimeSpan, DateTimeOffset keys
]


@pytest.mark.parametrize(("cls", "clr_type"), EDGE_TYPES, ids=[c for _, c in EDGE_TYPES])
def test_generic_contracts_bind_as_meant(webapi: WebApiForms, cls: type, clr_type: str) -> None:
    """Every member type of the generic engine: integers of each size, decimals with their
    scale, doubles, dates, chars, lists of scalars, of lists and of objects, nested and empty
    classes, enums, derived classes in base-class members."""

    @settings(FORM_SETTINGS, max_examples=60)
    @given(for_type(cls, local_offsets=st.just(0)))
    def check(obj: Any) -> None:
        try:
            nc.to_form(obj, lossy=True)
        except nc.SerializationError:
            return  # refused even when lossy (an empty list inside a list of lists)
        check_binds_as_meant(webapi, obj, clr_type, "jquery")

    check()


# -- facts about the binder (FORMS.md) ---------------------------------------------------------


# Every TypeConverter Web API uses for a value trims it first with String.Trim, which takes all
# of Char.IsWhiteSpace (U+00A0, U+0085, U+2028, U+3000...), not only ASCII white space; U+001C
# to U+001F are no white space for .NET: the value does not convert (the default is bound)
TRIMMED = [
    ("Edge.A.Numbers", em.Numbers, b"I=%C2%A05"),
    ("Edge.A.Numbers", em.Numbers, b"UL=5%E2%80%A8"),
    ("Edge.A.Numbers", em.Numbers, b"SB=%C2%85-5"),
    ("Edge.A.Numbers", em.Numbers, b"B=%E3%80%805"),
    ("Edge.A.Decimals", em.Decimals, b"D=1.5%C2%A0"),
    ("Edge.A.Decimals", em.Decimals, b"D=%C2%851.5"),
    ("Edge.A.Doubles", em.Doubles, b"D=%C2%A01.5"),
    ("Edge.A.Singles", em.Singles, b"F=%E2%80%A81.5"),
    ("Edge.A.Dates", em.Dates, b"At=%C2%A02024-01-02T03%3A04%3A05&Id=%E3%80%80" + b"0" * 32),
    ("Edge.A.Dates", em.Dates, b"At=2024-01-02%C2%A0"),
    ("Edge.A.Dates", em.Dates, b"MaybeId=%E2%80%A800000000-0000-0000-0000-000000000001"),
    ("Edge.A.Offsets", em.Offsets, b"D=%C2%A02024-01-02T03%3A04%3A05%2B02%3A00"),
    ("Edge.A.Lists", em.Lists, b"Bools[]=true%C2%A0&Bools[]=%E2%80%A9false"),
    ("Edge.A.Chars", em.Chars, b"C=%20%20A"),
    ("Edge.A.Chars", em.Chars, b"C=A%0D%0A%20"),
    ("CustomerGroupDto", CustomerGroupDto, b"Vehicles[0][VehicleState]=%C2%A07"),
]


@pytest.mark.parametrize(("clr_type", "cls", "body"), TRIMMED)
def test_values_are_trimmed_of_every_dotnet_white_space(
    webapi: WebApiForms, clr_type: str, cls: type, body: bytes
) -> None:
    bound = webapi.bind(clr_type, body)
    assert bound.json is not None
    assert nc.to_json(nc.from_form(body, cls)) == bound.json


@pytest.mark.parametrize(
    ("clr_type", "cls", "body", "default"),
    [
        ("Edge.A.Decimals", em.Decimals, b"D=1.5%1F", b'"D":0.0'),
        ("Edge.A.Decimals", em.Decimals, b"D=%1C1.5", b'"D":0.0'),
        ("Edge.A.Doubles", em.Doubles, b"D=1.5%1F", b'"D":0.0'),
    ],
)
def test_values_with_what_is_no_dotnet_white_space_are_refused(
    webapi: WebApiForms, clr_type: str, cls: type, body: bytes, default: bytes
) -> None:
    bound = webapi.bind(clr_type, body)
    assert bound.json is not None
    assert default in bound.json  # Web API binds the default; netcontract refuses
    with pytest.raises(nc.FormPayloadError):
        nc.from_form(body, cls)


def bind_group(webapi: WebApiForms, body: bytes, timeout_s: float | None = None) -> Any:
    bound = webapi.bind("CustomerGroupDto", body, timeout_s=timeout_s)
    assert bound.bound, bound
    assert bound.json is not None
    return nc.from_json(bound.json, CustomerGroupDto)


@pytest.mark.parametrize(
    "body",
    [
        b"Name=abc&Vehicles[0][IdWS]=5&Vehicles[0][ExternalInterfaces][0][Name]=x",
        b"Name=abc&Vehicles[0].IdWS=5&Vehicles[0].ExternalInterfaces[0].Name=x",
        b"Vehicles%5B0%5D%5BIdWS%5D=5&name=abc&vehicles[0][externalinterfaces][0][NAME]=x",
        b"Name=&Name=y&Vehicles[1][IdWS]=9",  # first value wins; a gap at [0]: empty list
        b"Vehicles[0][Name]=a&Vehicles[2][Name]=c",  # the list stops at the first gap
        b"Vehicles[0]=&Vehicles[1][Name]=b",  # "Key=" makes a default object
        b"Vehicles[x]=",  # any key below the list's name makes it exist (empty)
        b"Vehicles[0][FullName]=zz&Vehicles[0][Utility]=yy",  # read-only: ignored
        b"Vehicles[0][Name]=%20%0D%09&Vehicles[0][VIN]=%20a%20",  # blank -> null; kept as is
        b"Vehicles[0][CameraType]=without_camera&Vehicles[0][VehicleState]=7&Vehicles[0][State]=0",
        b"Id=5B8E0E442BD14A3C9B1F6A1D5E0E0E01&ProfilEcoDriveId={5b8e0e44-2bd1-4a3c-9b1f-6a1d5e0e0e01}",
        b"Vehicles[0][InitialEntryIntoService]=2024-01-02T03:04:05.1234567Z"
        b"&Vehicles[0][UtcEndOfLease]=2024-01-02T03:04:05.1234567"
        b"&Vehicles[0][UtcStartOfLease]=2024-01-02&Vehicles[0][CANFuelReportUtc]=2024-01-02+03:04:05",
        b"Vehicles[0][TotalFuelUsed]=-Infinity&Vehicles[0][TheoreticalConsumption]=1E%2B15",
        b"Vehicles[0][TotalFuelUsed]=NaN&Vehicles[0][KmEndOfLease]=%2B5&Vehicles[0][Renting]=TRUE",
        b"a=1&Name=%F0%9F%98%80%C3%A9%3C%3E%26+x",
    ],
)
def test_from_form_binds_what_web_api_binds(webapi: WebApiForms, body: bytes) -> None:
    """Hand-written bodies, jQuery and MVC keys, odd but valid: both sides agree."""
    assert nc.to_json(nc.from_form(body, CustomerGroupDto)) == nc.to_json(bind_group(webapi, body))


@pytest.mark.parametrize(
    ("body", "dotnet"),
    [
        # Web API leaves the .NET default and records the error in ModelState only
        (b"Vehicles[0][Tolerance]=abc", "binds 0"),
        (b"Vehicles[0][Milestone]=99999999999", "binds 0"),
        (b"Vehicles[0][Tolerance]=", "binds 0"),
        (b"Vehicles[0][TheoreticalConsumption]=-INF", "binds null"),
        (b"Vehicles[0][Renting]=on", "binds false"),
        (b"Vehicles[0][IdWS]=0x10", "binds 16"),
        (b"Vehicles[0][VehicleState]=Active,+Active", "binds 0"),
    ],
)
def test_from_form_refuses_what_web_api_binds_to_a_default(
    webapi: WebApiForms, body: bytes, dotnet: str
) -> None:
    """netcontract is stricter than Web API: a value that does not convert is an error with
    its path, not a silent default (the real server sees it only in ModelState)."""
    assert webapi.bind("CustomerGroupDto", body).bound, dotnet
    with pytest.raises(nc.FormPayloadError) as caught:
        nc.from_form(body, CustomerGroupDto)
    assert caught.value.problems[0].path.startswith("Vehicles[0].")


@pytest.mark.parametrize("body", [b"Vehicles=", b"Vehicles[]=", b"Name=x&Vehicles="])
def test_a_list_of_objects_given_as_one_key_never_binds(webapi: WebApiForms, body: bytes) -> None:
    """``Vehicles=`` (and ``Vehicles[]=``): Mono's binder never returns (10 s, memory
    growing); to_form never writes it and from_form refuses it."""
    bound = webapi.bind("CustomerGroupDto", body)
    assert bound.timeout or bound.error is not None
    with pytest.raises(nc.FormPayloadError, match="indexes"):
        nc.from_form(body, CustomerGroupDto)


@pytest.mark.parametrize(
    ("body", "logged"),
    [
        (b"", None),  # an empty form: the formatter gives null
        (b"Vehicles[0=1", "closing bracket"),
        (b"&".join(b"Vehicles[%d][IdWS]=1" % i for i in range(1001)), "1000"),
    ],
)
def test_forms_web_api_reads_as_null(webapi: WebApiForms, body: bytes, logged: str | None) -> None:
    bound = webapi.bind("CustomerGroupDto", body)
    assert not bound.bound
    if logged:
        assert any(logged in line for line in bound.log), bound.log
    with pytest.raises(nc.FormPayloadError):
        nc.from_form(body, CustomerGroupDto)


def test_1000_pairs_still_bind(webapi: WebApiForms) -> None:
    body = b"&".join(b"Vehicles[%d][IdWS]=%d" % (i, i) for i in range(1000))
    # Mono's binder takes several seconds for this form; on a busy machine over the usual 10
    group = bind_group(webapi, body, timeout_s=120)
    assert len(group.vehicles) == 1000
    assert nc.from_form(body, CustomerGroupDto) == group


def test_members_differing_only_in_case_make_the_binder_fail(webapi: WebApiForms) -> None:
    bound = webapi.bind("Edge.A.Names", b"z=1")
    assert not bound.bound
    assert any("same key" in line for line in bound.log), bound.log
    with pytest.raises(nc.SerializationError, match="differ only in case"):
        nc.to_form(em.Names(z_lower="1"))
    with pytest.raises(nc.FormPayloadError, match="differ only in case"):
        nc.from_form(b"z=1", em.Names)


@pytest.mark.parametrize(
    "body",
    [
        b"a&b=&=c&d=1+2%zz&e=%C3%A9%C3",
        b"x=%2B%26%3D%25&&y==1&z=a=b&",
        b"&",
        "Name=ü&k[0]=v".encode(),
    ],
)
def test_pairs_parse_as_form_data_collection(webapi: WebApiForms, body: bytes) -> None:
    assert parse_form_pairs(body) == webapi.pairs(body)


def test_double_text_reads_back_in_dotnet(webapi: WebApiForms) -> None:
    """Doubles in .NET's R format, including the ends, read back to the same bits."""
    values = [0.1, 1 / 3, 1e15, 1e-5, 5e-324, 1.7976931348623157e308, -2.5, math.inf, -math.inf]
    for value in values:
        body = nc.to_form(em.Doubles(d=value))
        bound = webapi.bind("Edge.A.Doubles", body)
        assert bound.json is not None
        assert nc.from_json(bound.json, em.Doubles).d == value, body


# -- content negotiation --------------------------------------------------------------------

#: (Accept, request Content-Type, Accept-Charset) where Mono's negotiator (Web API 1) and
#: Web API 2's agree; the expected answers are Mono's.
AGREED = [
    (None, None, None),
    ("*/*", None, None),
    ("application/json", None, None),
    ("text/json", None, None),
    ("application/xml", None, None),
    ("text/xml", None, None),
    ("TEXT/XML", None, None),
    ("text/*", None, None),
    ("application/*", None, None),
    ("application/xml;q=0.9, */*;q=0.8", None, None),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", None, None),
    ("application/xml, application/json", None, None),
    ("application/json;q=0.5, application/xml", None, None),
    ("text/*, application/json;q=0.5", None, None),
    ("application/json;q=0.5, text/xml;q=0.5", None, None),
    ("text/xml;q=0.3, text/json;q=0.2", None, None),
    ("*/*;q=0.5, text/xml;q=0.4", None, None),
    ("image/png", None, None),
    ("image/png", "application/xml", None),
    ("text/plain, */*;q=0.1", None, None),
    (None, "application/xml", None),
    (None, "text/xml; charset=utf-16", None),
    (None, "application/x-www-form-urlencoded", None),
    ("*/*", "text/xml", None),
    ("application/json", None, "utf-16"),
    ("application/json", None, "iso-8859-1, utf-16;q=0.5"),
    ("application/xml", None, "utf-16;q=0, utf-8"),
    (None, None, "*"),
    ("application/json", "application/json; charset=utf-16", None),
    # malformed or unusual parameters
    ("application/xml;q=abc, application/json;q=0.5", None, None),
    ("application/xml;q=2, application/json;q=0.5", None, None),
    ("application/xml;q=0.5;q=0.1, application/json;q=0.3", None, None),
    ("application/xml ;q=0.9,application/json;q=0.8", None, None),
    ("text/xml;charset=utf-16", None, None),
    ("application/xml;level=1, application/json;q=0.9", None, None),
    ("application/xml;q=.5, application/json;q=0.4", None, None),
    ("application/xml;q=0.50000, application/json;q=0.5", None, None),
]

#: where Mono's Web API 1 negotiator differs from Web API 2 (FORMS.md): netcontract follows
#: Web API 2 (aspnetwebstack's DefaultContentNegotiator: q=0 never matches; a literal match
#: beats a range of the same quality). Values: (netcontract / Web API 2, Mono).
DIFFERENT = [
    ("application/xml;q=0", "application/json; charset=utf-8", "application/xml; charset=utf-8"),
    ("text/xml, application/*", "text/xml; charset=utf-8", "application/json; charset=utf-8"),
    ("application/xml, */*", "application/xml; charset=utf-8", "application/json; charset=utf-8"),
    ("*/*, application/xml", "application/xml; charset=utf-8", "application/json; charset=utf-8"),
    (
        "application/*;q=0.5, text/xml;q=0.5",
        "text/xml; charset=utf-8",
        "application/json; charset=utf-8",
    ),
]


@pytest.mark.parametrize(("accept", "content_type", "accept_charset"), AGREED)
def test_negotiation_matches_web_api(
    webapi: WebApiForms, accept: str | None, content_type: str | None, accept_charset: str | None
) -> None:
    _, media_type = webapi.negotiate("ResponseDto", accept, content_type, accept_charset)
    ours = nc.negotiate(accept, request_content_type=content_type, accept_charset=accept_charset)
    assert ours.content_type == media_type


@pytest.mark.parametrize(("accept", "ours", "mono"), DIFFERENT)
def test_negotiation_where_web_api_1_differs(
    webapi: WebApiForms, accept: str, ours: str, mono: str
) -> None:
    assert webapi.negotiate("ResponseDto", accept) == (
        "JsonMediaTypeFormatter" if "json" in mono else "XmlMediaTypeFormatter",
        mono,
    )
    assert nc.negotiate(accept).content_type == ours


# -- the stand-in's answers are what .NET writes ------------------------------------------------


@pytest.mark.parametrize("accept", ["application/xml", "application/json"])
@pytest.mark.parametrize("valid", [True, False])
def test_standin_answers_are_dotnet_bytes(dotnet: DotNetTwin, accept: str, valid: bool) -> None:
    """The ResponseDto the stand-in answers (Data a Guid with ``i:type``, or Errors) is read
    by .NET's DataContractSerializer / Json.NET and written back to the same bytes."""
    standin = CustomerGroupStandIn()
    body = nc.to_json(CustomerGroupDto(name="x")) if valid else b'{"CustomerId": 5}'
    with httpx.Client(transport=ASGITransport(standin.app), base_url="http://standin") as http:
        response = http.post(
            "/api/v2/CustomerGroup",
            content=body,
            headers={"Content-Type": "application/json", "Accept": accept},
        )
    fmt = "xml" if accept.endswith("xml") else "json"
    result = dotnet.roundtrip("ResponseDto", fmt, response.content)
    assert result.ok, result.read_error
    assert getattr(result, fmt) == response.content
    assert (b'i:type="d2p1:guid"' in response.content) == (valid and fmt == "xml")


ANSWERS = [
    ResponseDto[uuid.UUID](is_valid=True, errors=[], data=uuid.UUID(int=42)),
    ResponseDto[uuid.UUID](is_valid=False, errors=["Name: é < 😀", None], data=None),
]


@pytest.mark.parametrize(
    "media_type", ["application/json", "text/json", "application/xml", "text/xml"]
)
@pytest.mark.parametrize("charset", ["utf-8", "utf-16"])
@pytest.mark.parametrize("answer", ANSWERS, ids=["valid", "invalid"])
def test_encode_body_is_what_web_api_formatters_write(
    webapi: WebApiForms, media_type: str, charset: str, answer: ResponseDto[uuid.UUID]
) -> None:
    """Answer bodies byte for byte as Web API's Xml/JsonMediaTypeFormatter write them on Mono:
    no XML declaration; UTF-16 little-endian after a byte order mark. One difference: Mono's
    Web API 1 JSON formatter leaves null members out (``"Data":null``); Web API 2's keeps
    Json.NET's default (NullValueHandling.Include), as netcontract writes (FORMS.md)."""
    body, content_type = nc.encode_body(answer, media_type, accept_charset=charset)
    assert content_type == f"{media_type}; charset={charset}"
    written = webapi.write("ResponseDto", nc.to_xml(answer), media_type, charset)
    if media_type.endswith("json") and answer.data is None:
        null = ',"Data":null'.encode("utf-16-le" if charset == "utf-16" else "utf-8")
        assert null in body
        body = body.replace(null, b"")
    assert body == written


@pytest.mark.parametrize("charset", ["utf-8", "utf-16"])
def test_encode_body_of_a_group_in_xml_is_what_web_api_writes(
    webapi: WebApiForms, charset: str
) -> None:
    group = CustomerGroupDto(
        name="Flotte é",
        vehicles=[
            VehicleLightDto(id_ws=5, initial_entry_into_service=nc.DateTime(1, nc.DateTimeKind.UTC))
        ],
    )
    body, _ = nc.encode_body(group, "text/xml", accept_charset=charset)
    assert body == webapi.write("CustomerGroupDto", nc.to_xml(group), "text/xml", charset)


# -- dictionaries (FORMS.md, "Dictionaries") ---------------------------------------------------


def bind_maps(webapi: WebApiForms, body: bytes, clr_type: str = "Edge.A.Maps") -> Any:
    bound = webapi.bind(clr_type, body)
    assert bound.bound, bound
    assert bound.json is not None
    return bound.json


@pytest.mark.parametrize(
    "body",
    [
        b"Counts[0][Key]=a&Counts[0][Value]=1&Counts[1][Key]=b&Counts[1][Value]=2",
        b"Counts[0].Key=a&Counts[0].Value=1&Counts[1].Key=b&Counts[1].Value=2",  # MVC keys
        b"counts[0][key]=a&COUNTS[0][VALUE]=1",  # names in any case
        b"Counts[0][Key]=a&Counts[0][Value]=1&Counts[1][Key]=A&Counts[1][Value]=2",  # ordinal keys
        b"Counts[0][Key]=a%26b%3D%5B%5D.c+d&Counts[0][Value]=1",  # a key needing escapes
        b"Counts[0][Key]=%20a%20&Counts[0][Value]=1",  # kept as it is
        b"Counts[0][Key]=a&Counts[0][Value]=1&Counts[0][Value]=2",  # the first value wins
        b"Counts[0][Key]=a&Counts[0][Value]=1&Counts[0][Other]=1",  # unknown keys ignored
        b"Counts[0][Key]=a&Counts[0][Value]=1&Counts[2][Key]=b&Counts[2][Value]=2",  # a gap
        b"Counts[1][Key]=a&Counts[1][Value]=1",  # no [0]: an empty dictionary
        b"Names[0][Key]=%2B5&Names[0][Value]=a&Names[1][Key]=6&Names[1][Value]=",  # null
        b"Names[0][Key]=2&Names[0][Value]=&Names[1][Key]=3&Names[1][Value]=",
        b"Middles[0][Key]=5B8E0E442BD14A3C9B1F6A1D5E0E0E01&Middles[0][Value][Title]=t"
        b"&Middles[0][Value][Leaves][0][Name]=n&Middles[1][Key]="
        b"{5b8e0e44-2bd1-4a3c-9b1f-6a1d5e0e0e02}&Middles[1][Value][Single][Name]=m",
        # Value= makes a default object, as Key= does for a member
        b"Middles[0][Key]=5b8e0e44-2bd1-4a3c-9b1f-6a1d5e0e0e01&Middles[0][Value]=",
        b"ByColor[0][Key]=red&ByColor[0][Value]=4&ByColor[1][Key]=7&ByColor[1][Value]=5",
        b"ByDate[0][Key]=2024-01-02T03:04:05Z&ByDate[0][Value]=a"
        b"&ByDate[1][Key]=2024-01-02&ByDate[1][Value]=b",
        b"ByBool[0][Key]=TRUE&ByBool[0][Value]=1.5&ByBool[1][Key]=false&ByBool[1][Value]=NaN",
        b"ByChar[0][Key]=x&ByChar[0][Value]=1&ByChar[1][Key]=%00&ByChar[1][Value]=2",
        b"ByLong[0][Key]=-9223372036854775808&ByLong[0][Value]=1.50",
        b"Lists[0][Key]=a&Lists[0][Value][0]=1&Lists[0][Value][1]=2&Lists[1][Key]=b"
        b"&Lists[1][Value]=3&Lists[1][Value]=4&Lists[2][Key]=c&Lists[2][Value][]=5",
        b"Lists[0][Key]=a&Lists[0][Value][x]=",  # any key below the list: an empty list
        b"Nested[0][Key]=a&Nested[0][Value][0][Key]=b&Nested[0][Value][0][Value]=1",
        b"Interface[0][Key]=a&Interface[0][Value]=b",
        b"ListOfMaps[0][0][Key]=1&ListOfMaps[0][0][Value]=true"
        b"&ListOfMaps[1][0][Key]=2&ListOfMaps[1][0][Value]=false",
        b"Names[5]=x&Names[7]=y",  # [5] is an index, and there is no [0]: empty
        # a null value of a value type (int?) is null
        b"ByColor[0][Key]=red&ByColor[0][Value]=&ByColor[1][Key]=2&ByColor[1][Value]=5",
        b"ByColor[0][Key]=1&ByColor[0][Value]=&ByColor[1][Key]=2&ByColor[1][Value]=%20",
    ],
)
def test_from_form_binds_dictionaries_as_web_api(webapi: WebApiForms, body: bytes) -> None:
    """Web API binds a Dictionary<K,V> as a list of KeyValuePair<K,V>: ``Map[i][Key]`` and
    ``Map[i][Value]``, from index 0 up to the first missing index."""
    ours = nc.from_form(body, em.Maps)
    assert nc.to_json(ours) == bind_maps(webapi, body)


@pytest.mark.parametrize(
    "body",
    [
        b"ByDouble[0][Key]=0.1&ByDouble[0][Value]=a&ByDouble[1][Key]=Infinity&ByDouble[1][Value]=b"
        b"&ByDouble[2][Key]=1E%2B300&ByDouble[2][Value]=c",
        b"BySingle[0][Key]=1.5&BySingle[0][Value]=1&BySingle[1][Key]=-Infinity&BySingle[1][Value]=2",
        b"ByDecimal[0][Key]=1.50&ByDecimal[0][Value]=true",
        b"BySpan[0][Key]=00:00:01.5&BySpan[0][Value]=a",
        b"ByOffset[0][Key]=2024-01-02T03:04:05%2B02:00&ByOffset[0][Value]=1",
    ],
)
def test_from_form_binds_key_types_as_web_api(webapi: WebApiForms, body: bytes) -> None:
    ours = nc.from_form(body, em.KeyMaps)
    assert nc.to_json(ours) == bind_maps(webapi, body, "Edge.A.KeyMaps")


#: bodies Web API binds silently as something else than they say; from_form refuses them.
#: Values: (what Mono's Web API binds, words of netcontract's refusal)
DICT_REFUSED = [
    # jQuery's $.param spelling of an object: not bound
    (b"Counts[a]=1&Counts[b]=2", '"Counts":{}', "jQuery's spelling"),
    (b"Counts.a=1", '"Counts":{}', "jQuery's spelling"),
    (b"Counts[x]=", '"Counts":{}', "jQuery's spelling"),
    # the member's own key: one default entry per value (a null string key: dropped)
    (b"Counts=", '"Counts":{}', "own key"),
    (b"Counts[]=", '"Counts":{}', "own key"),
    (
        b"ListOfMaps[0]=&ListOfMaps[1][0][Key]=2&ListOfMaps[1][0][Value]=false",
        '"ListOfMaps":[{"0":false},{"2":false}]',
        "own key",
    ),
    # an entry without its Key or Value, or whose Key or Value does not convert: a default
    # KeyValuePair, dropped for a null key, kept for a value type's (0)
    (b"Names[0]=x", '"Names":{"0":null}', "no Key"),
    (b"Names[0][Key]=5", '"Names":{"0":null}', "no Value"),
    (b"Names[0][Value]=x", '"Names":{"0":null}', "no Key"),
    (b"Counts[0][Key]=a", '"Counts":{}', "no Value"),
    (b"Names[0][Key]=x&Names[0][Value]=a", '"Names":{"0":null}', "not a valid Int32"),
    (b"Counts[0][Key]=a&Counts[0][Value]=x", '"Counts":{}', "Counts[0].Value"),
    (b"Counts[0][Key]=a&Counts[0][Value]=99999999999", '"Counts":{}', "Counts[0].Value"),
    (
        b"Middles[0][Key]={5B8E0E442BD14A3C9B1F6A1D5E0E0E01}&Middles[0][Value][Title]=t",
        '"Middles":{"00000000-0000-0000-0000-000000000000":null}',
        "Middles[0].Key",
    ),
    # an empty value: a value type's default (0), as for a member
    (b"Counts[0][Key]=a&Counts[0][Value]=", '"Counts":{"a":0}', "required"),
    (b"Names[0][Key]=&Names[0][Value]=a", '"Names":{"0":"a"}', "empty"),
    # a white-space string key is null: the entry is dropped
    (b"Counts[0][Key]=%20&Counts[0][Value]=1", '"Counts":{}', "empty"),
    # a key given twice: the last entry wins
    (
        b"Counts[0][Key]=a&Counts[0][Value]=1&Counts[1][Key]=a&Counts[1][Value]=2",
        '"Counts":{"a":2}',
        "twice",
    ),
    (
        b"Names[0][Key]=5&Names[0][Value]=a&Names[1][Key]=%2B5&Names[1][Value]=b",
        '"Names":{"5":"b"}',
        "twice",
    ),
    # a list value given an empty value: one default item
    (b"Lists[0][Key]=a&Lists[0][Value]=", '"Lists":{"a":[0]}', "required"),
    # explicit indexes: not bound
    (b"Counts.index=x&Counts[x].Key=a&Counts[x].Value=1", '"Counts":{}', "index"),
]


@pytest.mark.parametrize(("body", "dotnet", "refusal"), DICT_REFUSED)
def test_from_form_refuses_dictionaries_web_api_binds_otherwise(
    webapi: WebApiForms, body: bytes, dotnet: str, refusal: str
) -> None:
    assert dotnet in bind_maps(webapi, body).decode()
    with pytest.raises(nc.FormPayloadError) as caught:
        nc.from_form(body, em.Maps)
    assert refusal in str(caught.value)


def test_to_form_writes_dictionaries_web_api_binds(webapi: WebApiForms) -> None:
    """The keys to_form writes for each kind of value, in both styles, bind as meant."""
    maps = em.Maps(
        counts={"a": 1, "b&c=[].d e": 2, "A": -3},
        names={5: None, -6: "x"},
        middles={uuid.UUID(int=1): em.Middle(title="t", leaves=[em.Leaf(name="n")])},
        by_color={em.Color.Red: 3, em.Color.Green: None},
        by_date={nc.DateTime(638000000000000000, nc.DateTimeKind.LOCAL, offset_minutes=0): "d"},
        by_bool={True: 1.5, False: math.inf},
        by_char={"x": 1, "\x00": 2},
        by_long={-(2**63): decimal.Decimal("1.50")},
        lists={"a": [1, 2], "b": [3]},
        nested={"n": {"x": 1}},
        interface={"k": "v"},
        list_of_maps=[{1: True}, {2: False, 3: True}],
    )
    for style in ("jquery", "mvc"):
        assert check_binds_as_meant(webapi, maps, "Edge.A.Maps", style)
    body = nc.to_form(maps)
    assert body.startswith(
        b"Counts[0][Key]=a&Counts[0][Value]=1&Counts[1][Key]=b%26c%3D%5B%5D.d+e&Counts[1][Value]=2"
    )


@nc.collection_contract("Forms.Extra")
class ScoreMap(dict[str, nc.Int32]):
    pass


@nc.collection_contract("Forms.Extra")
class ScoreList(list[nc.Int32]):
    pass


@nc.contract("Forms.Extra")
class Scores:
    """The twin of ``dotnet/FormExtras.cs``: collection-contract classes as members."""

    map: ScoreMap | None = nc.member("Map", default=None)
    list: ScoreList | None = nc.member("List", default=None)
    plain: dict[str, nc.Int32] | None = nc.member("Plain", default=None)


@pytest.mark.parametrize(
    "body",
    [
        b"Map[0][Key]=a&Map[0][Value]=1&List[0]=5&Plain[0][Key]=b&Plain[0][Value]=2",
        b"Map[0].Key=a&Map[0].Value=1&List=5&List=6",
    ],
)
def test_collection_contract_members_bind_empty(webapi: WebApiForms, body: bytes) -> None:
    """A [CollectionDataContract] subclass of Dictionary<K,V> or List<T>: Mono's Web API binds
    an empty one whatever the form says; netcontract refuses it both ways (lossy: left out,
    which Web API binds as null)."""
    bound = bind_maps(webapi, body, "Forms.Extra.Scores")
    assert b'"Map":{},"List":[]' in bound
    with pytest.raises(nc.FormPayloadError) as caught:
        nc.from_form(body, Scores)
    assert [p.path for p in caught.value.problems] == ["Map", "List"]
    assert "binds an empty dictionary" in caught.value.problems[0].message
    scores = Scores(map=ScoreMap(a=1), list=ScoreList([5]), plain={"b": 2})
    with pytest.raises(nc.SerializationError, match="ScoreMap"):
        nc.to_form(scores)
    lossy = nc.to_form(scores, lossy=True)
    assert lossy == b"Plain[0][Key]=b&Plain[0][Value]=2"
    assert bind_maps(webapi, lossy, "Forms.Extra.Scores") == (
        b'{"Map":null,"List":null,"Plain":{"b":2}}'
    )


def test_datetimeoffset_values_bind_as_web_api_binds_them(webapi: WebApiForms) -> None:
    """``ND=<text>`` into ``Edge.A.Offsets`` (a ``DateTimeOffset?``: a text Web API cannot
    convert leaves null): the Json.NET tables of ``test_json_number_strings_interop`` and 150
    drawn texts. Web API's DateTimeOffsetConverter reads what Json.NET's TryParse reads, after
    ``String.Trim``; netcontract binds the same value, or refuses a text Web API reads in the
    server's zone (no offset), rounds (8 fraction digits) or reads by another layout."""
    from . import test_json_number_strings_interop as dto

    rng = random.Random(20261209)
    texts = [*dto.DTO_AGREED, *dto.DTO_REFUSED, *dto.DTO_DELIBERATE, *dto.KEY_REFUSED]
    texts += [dto._draw_dto(rng) for _ in range(150)]
    bound_by_both = 0
    for text in texts:
        body = b"ND=" + urllib.parse.quote(text, safe="").encode()
        theirs = webapi.bind("Edge.A.Offsets", body).json
        assert theirs is not None
        try:
            ours: bytes | None = nc.to_json(nc.from_form(body, em.Offsets))
        except nc.FormPayloadError:
            ours = None
        if ours is not None:
            assert ours == theirs, text
            bound_by_both += b'"ND":null' not in ours
        elif b'"ND":null' not in theirs:  # Web API binds it: no offset, 8 digits, a layout
            after_date = re.sub(r"^[\s\x00]*[0-9]+-[0-9]+-[0-9]+", "", text)
            assert text in dto.DTO_DELIBERATE or not re.search("[Zz+-]", after_date), text
    assert bound_by_both > len(texts) // 4


def test_guid_x_format_binds_as_web_api_binds_it(webapi: WebApiForms) -> None:
    """``Id=<X format>`` (GuidConverter: ``new Guid`` after the trim): the table of
    ``test_guid_interop``; netcontract binds the same Guid, refuses what Web API cannot convert
    (null there) and the shorts Web API cuts to 16 bits."""
    from .test_guid_interop import TABLE, TRUNCATED

    for text, expected in TABLE + TRUNCATED:
        body = b"Id=" + urllib.parse.quote(text, safe="").encode()
        theirs = webapi.bind("CustomerGroupDto", body).json
        assert theirs is not None
        bound = "err" if theirs.startswith(b'{"Id":null') else theirs[7:43].decode()
        assert bound == expected, text
        try:
            ours = str(nc.from_form(body, CustomerGroupDto).id)
        except nc.FormPayloadError:
            ours = "err"
        assert ours == ("err" if (text, expected) in TRUNCATED else expected), text
