"""Json.NET's Microsoft date (``"\\/Date(ms)\\/"``) in DateTime and ``object`` members, live on
Mono: netcontract reads what Json.NET reads, to the same instant and kind, and refuses what it
refuses; the documented difference (an offset is kept, where Json.NET converts to the server's
zone and ignores the offset's value) is asserted as such."""

from __future__ import annotations

import pytest

import netcontract as nc
from netcontract.clr.datetime import TICKS_PER_MINUTE, DateTime, DateTimeKind

from ._mono import DotNetTwin
from .edge_models import Box, Dates

pytestmark = pytest.mark.interop

FORMS = [
    "\\/Date(1234567890000)\\/",
    "/Date(1234567890000)/",
    "\\/Date(1234567890123)\\/",
    "\\/Date(-62135596800000)\\/",
    "\\/Date(253402300799999)\\/",
    "\\/Date(-1)\\/",
    "\\/Date( 0 )\\/",
    "\\/Date(+5)\\/",
    "\\/Date(1234567890123+0100)\\/",
    "\\/Date(1234567890000-0530)\\/",
    "\\/Date(0+1400)\\/",
    "\\/Date(0-1400)\\/",
    "\\/Date(0+01)\\/",
    # refused by both
    "\\/Date(253402300800000)\\/",
    "\\/Date(-62135596800001)\\/",
    "\\/Date(1.5)\\/",
    "\\/Date(0Z)\\/",
    "\\/date(0)\\/",
    "\\/Date()\\/",
    "\\/Date(922337203685477)\\/",  # the last count whose ticks do not wrap: out of range
    "\\/Date(9223372036854775808)\\/",  # long.Parse overflows: a string
]


def in_utc_zone(value: DateTime) -> DateTime:
    """``value`` as Json.NET holds it on a server whose zone is UTC (the twin's)."""
    if value.kind is not DateTimeKind.LOCAL:
        return value
    assert value.offset_minutes is not None
    utc = value.ticks - value.offset_minutes * TICKS_PER_MINUTE
    return DateTime(utc, DateTimeKind.LOCAL, offset_minutes=0)


@pytest.mark.parametrize("form", FORMS)
def test_datetime_members_read_what_json_net_reads(dotnet: DotNetTwin, form: str) -> None:
    payload = ('{"At":"%s","Maybe":"%s"}' % (form, form)).encode()
    result = dotnet.roundtrip("Edge.A.Dates", "json", payload)
    if result.read_error is not None:
        with pytest.raises(nc.JsonPayloadError) as refused:
            nc.from_json(payload, Dates)
        assert [p.path for p in refused.value.problems] == ["At", "Maybe"], result.read_error
        return
    obj = nc.from_json(payload, Dates)
    assert obj.maybe == obj.at
    # the same instant and kind; Json.NET's Local value is in the server's zone
    seen = Dates(at=in_utc_zone(obj.at), maybe=in_utc_zone(obj.at))
    assert nc.to_json(seen) == result.json
    assert nc.to_xml(seen) == result.xml
    if obj.at.kind is DateTimeKind.UTC:
        assert nc.to_json(obj) == result.json


@pytest.mark.parametrize("form", FORMS)
def test_object_members_read_what_json_net_reads(dotnet: DotNetTwin, form: str) -> None:
    payload = ('{"Thing":"%s"}' % form).encode()
    result = dotnet.roundtrip("Edge.A.Box", "json", payload)
    if result.read_error is not None:
        with pytest.raises(nc.JsonPayloadError):
            nc.from_json(payload, Box)
        return
    obj = nc.from_json(payload, Box)
    if isinstance(obj.thing, DateTime):
        obj = Box(thing=in_utc_zone(obj.thing))
    assert nc.to_json(obj) == result.json
    assert nc.to_xml(obj) == result.xml


@pytest.mark.parametrize(
    ("form", "dotnet_text"),
    [
        ("9223372036854775807", b'"1969-12-31T23:59:59.999Z"'),
        ("-9223372036854775808", b'"1970-01-01T00:00:00Z"'),
        ("922337203685477580", b'"1969-12-31T23:59:59.9992Z"'),
    ],
)
def test_json_net_wraps_ticks_around_where_netcontract_refuses(
    dotnet: DotNetTwin, form: str, dotnet_text: bytes
) -> None:
    """Mono: Json.NET multiplies the milliseconds by 10000 in Int64 unchecked, so a count too
    large wraps around to a date near 1970; netcontract refuses it (README, "Behaviours chosen
    where .NET is lossy")."""
    payload = b'{"At":"\\/Date(' + form.encode() + b')\\/"}'
    result = dotnet.roundtrip("Edge.A.Dates", "json", payload)
    assert result.read_error is None and result.json is not None
    assert result.json.startswith(b'{"At":' + dotnet_text)
    with pytest.raises(nc.JsonPayloadError) as refused:
        nc.from_json(payload, Dates)
    assert "outside the DateTime range" in refused.value.problems[0].message


@pytest.mark.parametrize("form", ["0+9999", "0+01+00", "0-01-00"])
def test_json_net_ignores_the_offset_where_netcontract_keeps_it(
    dotnet: DotNetTwin, form: str
) -> None:
    """Mono: ``+9999`` is read (the offset only makes the value Local), and so is a number
    followed by any text after its first sign; netcontract refuses an offset it cannot keep
    (README, "Behaviours chosen where .NET is lossy")."""
    payload = b'{"At":"\\/Date(' + form.encode() + b')\\/"}'
    result = dotnet.roundtrip("Edge.A.Dates", "json", payload)
    assert result.read_error is None and result.json is not None
    assert result.json.startswith(b'{"At":"1970-01-01T00:00:00+00:00"')
    with pytest.raises(nc.JsonPayloadError) as refused:
        nc.from_json(payload, Dates)
    assert "offset" in refused.value.problems[0].message
