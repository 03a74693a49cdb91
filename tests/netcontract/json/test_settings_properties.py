"""Round-trip properties of ``JsonSettings`` on values drawn by netcontract.strategies.

With settings that lose nothing (names, enums as strings, NaN as symbols, unknown members
refused, indentation...), object -> JSON -> object gives back an equal object. With the
settings that lose something on purpose (README, "Behaviours chosen where .NET is lossy":
dates converted, Microsoft dates to the millisecond, nulls and defaults left out, NaN as 0.0),
what is read is a fixed point: once read, writing and reading it again changes nothing (a
member left out as null comes back with its default once, as from a Json.NET server).
Non-default settings run on the reference code (``falls_back``).
"""

from __future__ import annotations

import math
import uuid
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import netcontract as nc
from netcontract.strategies import for_type
from vehizen import CustomerGroupDto, ResponseDto, VehicleLightDto

pytestmark = pytest.mark.falls_back

TYPES: list[Any] = [CustomerGroupDto, ResponseDto[uuid.UUID], ResponseDto[nc.DateTime]]

LOSSLESS = {
    "camel-case": nc.JsonSettings(contract_resolver="CamelCase"),
    "string-enums": nc.JsonSettings(string_enum_converter=True, string_enum_camel_case_text=True),
    "float-symbol": nc.JsonSettings(float_format_handling="Symbol"),
    "missing-member-error-indented": nc.JsonSettings(
        missing_member_handling="Error", formatting="Indented"
    ),
    "populate": nc.JsonSettings(default_value_handling="Populate"),
    "camel-enums-symbols": nc.JsonSettings(
        contract_resolver="CamelCase", string_enum_converter=True, float_format_handling="Symbol"
    ),
}

LOSSY = {
    "web-api": nc.JsonSettings(
        contract_resolver="CamelCase", string_enum_converter=True, null_value_handling="Ignore"
    ),
    "microsoft-dates-utc": nc.JsonSettings(
        date_format_handling="MicrosoftDateFormat", date_time_zone_handling="Utc"
    ),
    "microsoft-dates-paris": nc.JsonSettings(
        date_format_handling="MicrosoftDateFormat", local_utc_offset_minutes=60
    ),
    "local": nc.JsonSettings(date_time_zone_handling="Local", local_utc_offset_minutes=-300),
    "unspecified": nc.JsonSettings(date_time_zone_handling="Unspecified"),
    "ignore-defaults": nc.JsonSettings(default_value_handling="IgnoreAndPopulate"),
    "float-default-value": nc.JsonSettings(float_format_handling="DefaultValue"),
}


def same(a: Any, b: Any) -> bool:
    """Exact equality: NaN == NaN, -0.0 != 0.0, Decimal scale and types kept."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        if math.isnan(a):
            return math.isnan(b)
        return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if attrs.has(type(a)):
        return all(same(getattr(a, f.name), getattr(b, f.name)) for f in attrs.fields(type(a)))
    if hasattr(a, "as_tuple"):
        return bool(a.as_tuple() == b.as_tuple())
    return bool(a == b)


@pytest.mark.parametrize("name", list(LOSSLESS))
@pytest.mark.parametrize("tp", TYPES, ids=repr)
@given(data=st.data())
def test_lossless_settings_give_back_the_object(tp: Any, name: str, data: st.DataObject) -> None:
    settings = LOSSLESS[name]
    obj = data.draw(for_type(tp), label="obj")
    text = nc.to_json(obj, settings=settings)
    assert same(nc.from_json(text, tp, settings=settings), obj)


@pytest.mark.parametrize("name", list(LOSSY))
@pytest.mark.parametrize("tp", TYPES, ids=repr)
@given(data=st.data())
def test_lossy_settings_read_back_what_they_wrote(tp: Any, name: str, data: st.DataObject) -> None:
    settings = LOSSY[name]
    obj = data.draw(for_type(tp), label="obj")
    read = nc.from_json(nc.to_json(obj, settings=settings), tp, settings=settings)
    text = nc.to_json(read, settings=settings)
    again = nc.from_json(text, tp, settings=settings)
    assert same(again, read)
    assert nc.to_json(again, settings=settings) == text


def test_json_only_member_left_out_as_null_comes_back_with_its_default() -> None:
    """Why ``web-api`` is lossy: NullValueHandling.Ignore leaves out a null, which then reads
    as the member's default (``Utility`` is "Porteur"), as on a Json.NET server."""
    settings = LOSSY["web-api"]
    vehicle = VehicleLightDto(utility=None)
    assert nc.from_json(nc.to_json(vehicle, settings=settings), VehicleLightDto).utility == (
        "Porteur"
    )
