"""The msgspec Struct path (README, "Speed") reads exactly what the reference reader reads, or
declines the document; it never decides anything differently.

The expected values are the reference reader's (``loads_strict`` and the per-slot readers),
whose behaviour the interop tests pin against Json.NET.
"""

from __future__ import annotations

import sys
import uuid
from pathlib import Path
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netcontract as nc
from netcontract.clr.guid import parse_guid
from netcontract.codegen import _engine_path
from netcontract.json import read as _json_codec
from netcontract.json.read_struct import UNKNOWN_MEMBER, read_typed
from netcontract.limits import ReadContext
from netcontract.strategies import for_type
from vehizen import CustomerGroupDto, ExternalInterfaceHeaderDto, ResponseDto, VehicleLightDto

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench"))
from generate import make_group

DECLINED = _json_codec.DECLINED


def reference(data: bytes, cls: Any) -> Any:
    with _engine_path("reference"):
        return nc.from_json(data, cls)


def typed(data: bytes, cls: Any, limits: nc.Limits = nc.DEFAULT_LIMITS) -> Any:
    return read_typed(data, cls, ReadContext(limits=limits))


def same(a: Any, b: Any) -> bool:
    # through the JSON writer: NaN members make == useless, and the bytes show every value
    # (unnamed enum values too, which DataContract XML cannot carry)
    return type(a) is type(b) and nc.to_json(a) == nc.to_json(b)


@pytest.mark.parametrize("seed", range(4))
def test_generated_groups_are_read_here_as_the_reference_reads_them(seed: int) -> None:
    data = nc.to_json(make_group(40, seed))
    result = typed(data, CustomerGroupDto)
    assert result is not DECLINED
    assert same(result, reference(data, CustomerGroupDto))
    indented = nc.to_json(result, indent=True)
    assert same(typed(indented, CustomerGroupDto), result)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_document_is_read_as_the_reference_reads_it_or_declined(data: st.DataObject) -> None:
    cls = data.draw(
        st.sampled_from(
            [CustomerGroupDto, VehicleLightDto, ExternalInterfaceHeaderDto, ResponseDto]
        )
    )
    obj = data.draw(for_type(cls, unnamed_enums=True))
    doc = nc.to_json(obj)
    result = typed(doc, cls)
    if result is not DECLINED:
        assert same(result, reference(doc, cls))


def test_member_order_does_not_matter_as_in_json_net() -> None:
    data = b'{"Name":"a:b","Id":"0f8fad5b-d9cb-469f-a165-70867728950e","CustomerId":"%s"}' % (
        b"0F8FAD5BD9CB469FA16570867728950E"  # the N format, upper case
    )
    result = typed(data, ExternalInterfaceHeaderDto)
    assert result is not DECLINED
    assert same(result, reference(data, ExternalInterfaceHeaderDto))


EXTERNAL = (
    b'{"CustomerId":"7c9e6679-7425-40de-944b-e07fc1f90ae7",'
    b'"Id":"0f8fad5b-d9cb-469f-a165-70867728950e","Name":"n"}'
)


def test_the_document_the_next_test_alters_is_read_here() -> None:
    result = typed(EXTERNAL, ExternalInterfaceHeaderDto)
    assert result is not DECLINED
    assert same(result, reference(EXTERNAL, ExternalInterfaceHeaderDto))


@pytest.mark.parametrize(
    "doc",
    [
        EXTERNAL.replace(b'"Name":"n"', b'"Name":"n","Name":"m"'),  # a member twice
        EXTERNAL.replace(b'"Name":"n"', b'"Name":"x\\u003ay","Name":"m"'),  # a colon escaped
        EXTERNAL.replace(b'"Name"', b'"name"'),  # Json.NET matches names in any case
        EXTERNAL.replace(b',"Name":"n"', b""),  # a member missing
        EXTERNAL.replace(b'"Name":"n"', b'"Name":"n","Extra":1'),  # an unknown member
        EXTERNAL.replace(b'"Name":"n"', b'"Name":5'),  # Json.NET writes 5 as "5"
        EXTERNAL.replace(b'"0f8f', b'"{0f8f').replace(b'950e"', b'950e}"'),  # Guid B format
        EXTERNAL.replace(b'"0f8fad5b-d9cb-469f-a165-70867728950e"', b'""'),
        EXTERNAL.replace(b'"7c9e6679-7425-40de-944b-e07fc1f90ae7"', b"null"),  # a value type
        EXTERNAL.replace(b'"Name":"n"', b'"Name":"\\ud800"'),  # a lone surrogate
        b"[" + EXTERNAL + b"]",
        b"null",
        b"",
    ],
)
def test_what_it_cannot_tell_is_declined(doc: bytes) -> None:
    # (UNKNOWN_MEMBER: declined, and the dict readers need not try either)
    assert typed(doc, ExternalInterfaceHeaderDto) in (DECLINED, UNKNOWN_MEMBER)


def test_values_it_cannot_tell_are_declined() -> None:
    group = nc.to_json(make_group(3, 0))
    assert typed(group, CustomerGroupDto) is not DECLINED
    for old, new in [
        (b'"IdWS":', b'"IdWS":2147483648,"x":'),  # an Int32 out of range, then unknown
        (b'"Renting":false', b'"Renting":0'),
        (b'"Tolerance":', b'"Tolerance":"7","y":'),
        (b'"VehicleState":', b'"VehicleState":"Active","z":'),
    ]:
        assert typed(group.replace(old, new, 1), CustomerGroupDto) is DECLINED, new
    assert typed(group, CustomerGroupDto, nc.Limits(max_string_length=3)) is DECLINED
    assert typed(group, CustomerGroupDto, nc.Limits(max_total_items=5)) is DECLINED


def test_from_json_still_reports_what_it_declines() -> None:
    doc = EXTERNAL.replace(b'"Name":"n"', b'"Name":"n","Name":"m"')
    with pytest.raises(nc.JsonPayloadError, match="Name"):
        nc.from_json(doc, ExternalInterfaceHeaderDto)


_HEX = "0123456789abcdefABCDEF"


@settings(max_examples=2000)
@given(
    st.one_of(
        st.text(st.sampled_from(_HEX + "-{}() gx"), min_size=30, max_size=40),
        st.uuids().map(str),
        st.uuids().map(lambda u: u.hex.upper()),
        st.text(max_size=40),
    )
)
def test_msgspec_reads_no_guid_that_parse_guid_reads_differently(text: str) -> None:
    try:
        value = msgspec.convert(text, uuid.UUID)
    except msgspec.ValidationError:
        return  # declined: the dict readers then use parse_guid
    assert value == parse_guid(text)


@nc.contract("Fleet.Struct")
class Unsigned:
    u: nc.UInt64 = nc.member("U", default=0)


def test_a_uint64_member_is_read_through_the_struct() -> None:
    """UInt64 has no msgspec field type (its bounds pass int64): its member is kept as Raw and
    checked by its json_fast_read snippet, so the contract is read here instead of being left
    to the dict readers; a value out of its range declines the document."""
    top = b'{"U":18446744073709551615}'
    assert typed(top, Unsigned) == Unsigned(u=2**64 - 1) == reference(top, Unsigned)
    assert typed(b'{"U":18446744073709551616}', Unsigned) is DECLINED
    assert typed(b'{"U":-1}', Unsigned) is DECLINED


def _one_vehicle() -> bytes:
    group = make_group(1, 2)
    vehicle = group.vehicles[0]
    vehicle.total_fuel_used, vehicle.theoretical_consumption = 1.25, 2.5
    return nc.to_json(group)


@pytest.mark.parametrize(
    "token",
    [
        b"1.5", b"-0.0", b"0.0000001", b"2.1398699852357943", b"7627.5232416572753",
        b"1" + b"7" * 25 + b".5", b"0." + b"0" * 320 + b"5", b"1E-05", b"1.5E+1", b"15",
        b"1e400", b"1" + b"0" * 309 + b".5", b'"1.5"', b"NaN",
    ],
)  # fmt: skip
def test_a_double_is_read_here_as_the_reference_reads_it(token: bytes) -> None:
    """Plain decimals (a fraction, no exponent) are read from their own text with the compiled
    codecs, the others as msgspec's Decimal gives them: the same double either way, and a
    token that is not a number or does not fit is declined."""
    doc = _one_vehicle().replace(b'"TotalFuelUsed":1.25', b'"TotalFuelUsed":' + token)
    doc = doc.replace(b'"TheoreticalConsumption":2.5', b'"TheoreticalConsumption":' + token)
    assert doc.count(token) >= 2
    result = typed(doc, CustomerGroupDto)
    try:
        expected = reference(doc, CustomerGroupDto)
    except nc.JsonPayloadError:
        assert result is DECLINED
        return
    if token[:1].isdigit() and b"." in token and b"e" not in token.lower():
        assert result is not DECLINED, token
    if result is not DECLINED:
        assert same(result, expected)


def test_colons_in_every_string_member_are_counted() -> None:
    """Colons in the strings (counted in one call with the compiled codecs) and a member given
    twice among them: read here as the reference reads the first, declined for the second."""
    group = make_group(3, 1)
    for vehicle in group.vehicles:
        for name in ("name", "brand", "model", "vin", "imei", "fuel_name", "job_activity"):
            setattr(vehicle, name, "a:b::c")
    doc = nc.to_json(group)
    result = typed(doc, CustomerGroupDto)
    assert result is not DECLINED
    assert same(result, reference(doc, CustomerGroupDto))
    twice = doc.replace(b'"Brand":"a:b::c"', b'"Brand":"a:b::c","Brand":"a:b::c"', 1)
    assert typed(twice, CustomerGroupDto) is DECLINED
    date = doc.split(b'"InitialEntryIntoService":', 1)[1].split(b",", 1)[0]
    member = b'"InitialEntryIntoService":'
    twice = doc.replace(member, member + date + b"," + member, 1)
    assert typed(twice, CustomerGroupDto) is DECLINED
    # max_string_length: a Name of 5 characters (the longest string of EXTERNAL)
    named = EXTERNAL.replace(b'"Name":"n"', b'"Name":"n:::n"')
    assert typed(named, ExternalInterfaceHeaderDto, nc.Limits(max_string_length=4)) is DECLINED
    assert typed(named, ExternalInterfaceHeaderDto, nc.Limits(max_string_length=5)) is not DECLINED
