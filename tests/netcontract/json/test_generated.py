"""The generated JSON dict readers (``_json_codec.read_json``) against the reference reader.

``from_json`` may try another path first, so these tests call ``read_json`` itself: what it
returns must be what ``loads_strict`` plus the reference reader give, and it must decline
(never accept) what the reference path refuses. They cover the shortcuts the generated code
takes: codecs called without their ``json_parse`` wrapper, quota counters updated inline,
instances made without their ``__init__`` when that is the same, and colons counted only in
strings that hold one.
"""

from __future__ import annotations

import contextlib
import decimal
import math
import sys
import uuid
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netcontract as nc
from netcontract.clr.datetime import parse_datetime_json
from netcontract.clr.guid import parse_guid
from netcontract.clr.numbers import parse_double_json_number
from netcontract.clr.value_types import DATETIME, DOUBLE, GUID
from netcontract.codegen import _engine_path, plain_init
from netcontract.json import read as _json_codec
from netcontract.json.text import UNSURE, loads_fast, loads_strict
from netcontract.limits import ReadContext
from netcontract.model.plan import contract_info
from netcontract.strategies import for_type
from vehizen import CustomerGroupDto, ExternalInterfaceHeaderDto, ResponseDto, VehicleLightDto

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench"))
from generate import make_group


def reference(data: bytes, tp: Any, limits: nc.Limits = nc.DEFAULT_LIMITS) -> Any:
    """The reference reading: the value, or the problems (a list), or the quota error's text."""
    with _engine_path("reference"):
        try:
            return nc.from_json(data, tp, limits=limits)
        except nc.QuotaExceededError as exc:
            return str(exc)
        except nc.PayloadError as exc:
            return [str(p) for p in exc.problems]
        except ValueError as exc:  # an attrs validator (from_json lets it through too)
            return [repr(exc)]


def check(data: bytes, tp: Any, limits: nc.Limits = nc.DEFAULT_LIMITS) -> Any:
    """read_json's result, checked against the reference (it may only decline otherwise)."""
    fast = _json_codec.read_json(data, tp, ReadContext(limits=limits))
    expected = reference(data, tp, limits)
    if fast is _json_codec.DECLINED:
        return fast
    assert not isinstance(expected, list | str), expected
    assert type(fast) is type(expected)
    assert nc.to_json(fast) == nc.to_json(expected)
    assert same(fast, expected)
    return fast


def same(a: Any, b: Any) -> bool:
    """Exact equality: float bits, value types and every attribute."""
    if type(a) is not type(b):
        return False
    if type(a) is float:
        return math.copysign(1, a) == math.copysign(1, b) and (a == b or (a != a and b != b))
    if type(a) is list:
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if attrs.has(type(a)):
        return all(same(getattr(a, f.name), getattr(b, f.name)) for f in attrs.fields(type(a)))
    if type(a) is uuid.UUID:
        return a == b and a.is_safe is b.is_safe
    return bool(a == b)


# ------------------------------------------------------------------ the benchmark's documents


@pytest.mark.parametrize("seed", range(6))
def test_generated_documents_are_read_as_the_reference_reads_them(seed: int) -> None:
    data = nc.to_json(make_group(40, seed))
    assert check(data, CustomerGroupDto) is not _json_codec.DECLINED


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_drawn_objects_are_read_as_the_reference_reads_them(data: st.DataObject) -> None:
    for tp in (CustomerGroupDto, VehicleLightDto, ResponseDto[ExternalInterfaceHeaderDto]):
        obj = data.draw(for_type(tp))
        assert check(nc.to_json(obj), tp) is not _json_codec.DECLINED


# ------------------------------------------------------------ codecs without their wrapper
#
# The generated readers check a value's type, then call the codec json_parse would call for
# that type: the results and the errors must be the same.


def outcome(func: Any, value: Any) -> Any:
    try:
        result = func(value)
    except (ValueError, TypeError) as exc:
        return type(exc), str(exc)
    if type(result) is float:
        return float, result.hex() if result == result else "nan"
    if type(result) is uuid.UUID:
        return result, result.is_safe
    return type(result), result


GUID_TEXTS = [
    "0f8fad5b-d9cb-469f-a165-70867728950e",
    "0F8FAD5B-D9CB-469F-A165-70867728950E",
    "0f8fad5bd9cb469fa16570867728950e",
    "{0f8fad5b-d9cb-469f-a165-70867728950e}",
    "(0f8fad5b-d9cb-469f-a165-70867728950e)",
    "{0f8fad5b-d9cb-469f-a165-70867728950e)",
    " 0f8fad5b-d9cb-469f-a165-70867728950e",
    "0f8fad5b-d9cb-469f-a165-70867728950g",
    "0f8fad5bd9cb469fa16570867728950-",
    "0f8fad5b+d9cb-469f-a165-70867728950e",
    "x",
    "ü" * 36,
]
DATE_TEXTS = [
    "2019-05-06T12:13:14",
    "2019-05-06T12:13:14.1234567Z",
    "2019-05-06T12:13:14.123+02:00",
    "0001-01-01T00:00:00",
    "9999-12-31T23:59:59.9999999",
    "2024-02-30T00:00:00",
    "2019-05-06 12:13:14",
    "2019-05-06T12:13:14+14:01",
    "/Date(1234567890)/",  # Json.NET's Microsoft date: read (Utc)
    "/Date(1234567890+0100)/",
    "/Date(1.5)/",
    "x",
]


@pytest.mark.parametrize("text", GUID_TEXTS)
def test_guid_parse_is_what_json_parse_calls(text: str) -> None:
    assert outcome(parse_guid, text) == outcome(GUID.json_parse, text)


@pytest.mark.parametrize("text", DATE_TEXTS)
def test_datetime_parse_is_what_json_parse_calls(text: str) -> None:
    assert outcome(parse_datetime_json, text) == outcome(DATETIME.json_parse, text)


@settings(max_examples=300)
@given(st.text(alphabet="0123456789abcdefABCDEF-{}()TZ:+.x ", max_size=40))
def test_string_codecs_agree_on_any_text(text: str) -> None:
    assert outcome(parse_guid, text) == outcome(GUID.json_parse, text)
    assert outcome(parse_datetime_json, text) == outcome(DATETIME.json_parse, text)


NUMBER_TEXTS = [
    "1.5",
    "1E-05",
    "-0.0",
    "12345.678",
    "1.7976931348623157E+308",
    "1.8e308",
    "-1e400",
    "4.9e-324",
    "2e-400",
    "0.1000000000000000055511151231257827",
    "9007199254740993.0",
]


@pytest.mark.parametrize("text", NUMBER_TEXTS)
def test_double_parse_is_what_json_parse_calls(text: str) -> None:
    number = decimal.Decimal(text)
    direct = outcome(lambda d: parse_double_json_number(str(d)), number)
    assert direct == outcome(DOUBLE.json_parse, number)


@settings(max_examples=300)
@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_double_codec_agrees_on_any_number(number: decimal.Decimal) -> None:
    direct = outcome(lambda d: parse_double_json_number(str(d)), number)
    assert direct == outcome(DOUBLE.json_parse, number)


def test_generated_code_calls_the_codecs_directly() -> None:
    _json_codec.read_json(nc.to_json(make_group(2, 0)), CustomerGroupDto, ReadContext())
    names = _json_codec._fast_reader(VehicleLightDto).__globals__
    assert parse_guid in names.values()
    assert parse_datetime_json in names.values()
    assert parse_double_json_number in names.values()


# -------------------------------------------------------------------- quotas counted inline


def total_items(value: Any) -> int:
    """What ReadContext.enter counts for a parsed document: objects, lists and list items."""
    if type(value) is dict:
        return 1 + sum(total_items(item) for item in value.values())
    if type(value) is list:
        return 1 + len(value) + sum(total_items(item) for item in value)
    return 0


def test_quota_boundaries_decline_exactly_where_the_reference_refuses() -> None:
    data = nc.to_json(make_group(6, 3))
    assert b'ExternalInterfaces":[{' in data  # the deepest level (5) is there
    items = total_items(loads_strict(data))
    longest = max([6] + [len(v.external_interfaces or []) for v in make_group(6, 3).vehicles or []])
    cases = [nc.Limits(max_total_items=n) for n in (items - 1, items, items + 1)]
    cases += [nc.Limits(max_depth=n) for n in (3, 4, 5, 6)]
    cases += [nc.Limits(max_collection_items=n) for n in (longest - 1, longest)]
    for limits in cases:
        fast = check(data, CustomerGroupDto, limits)
        refused = isinstance(reference(data, CustomerGroupDto, limits), str)
        assert (fast is _json_codec.DECLINED) == refused, limits
        with pytest.raises(nc.QuotaExceededError) if refused else contextlib.nullcontext():
            nc.from_json(data, CustomerGroupDto, limits=limits)


@pytest.mark.parametrize(
    "group",
    [
        CustomerGroupDto(vehicles=[]),
        CustomerGroupDto(vehicles=[VehicleLightDto(external_interfaces=[])]),
        CustomerGroupDto(vehicles=[VehicleLightDto(), VehicleLightDto(external_interfaces=[])]),
    ],
)
def test_empty_lists_count_for_depth_and_items(group: CustomerGroupDto) -> None:
    data = nc.to_json(group)
    items = total_items(loads_strict(data))
    cases = [nc.Limits(max_depth=n) for n in range(1, 6)]
    cases += [nc.Limits(max_total_items=n) for n in (items - 1, items)]
    for limits in cases:
        fast = check(data, CustomerGroupDto, limits)
        refused = isinstance(reference(data, CustomerGroupDto, limits), str)
        assert (fast is _json_codec.DECLINED) == refused, limits


def test_depth_is_restored_for_values_left_to_the_reference_reader() -> None:
    # Data is an untyped object: its value goes to the reference reader, which reads the
    # depth the generated code keeps in the context
    inner = b'{"a":{"b":[1,{"c":[]}]}}'
    doc = b'{"IsValid":true,"Errors":["e"],"Data":[' + inner + b"," + inner + b"]}"
    for depth in range(3, 8):
        limits = nc.Limits(max_depth=depth)
        fast = check(doc, ResponseDto, limits)
        refused = isinstance(reference(doc, ResponseDto, limits), str)
        assert (fast is _json_codec.DECLINED) == refused, depth


# -------------------------------------------------------------- instances without __init__


def test_vehizen_contracts_are_made_without_init_and_equal() -> None:
    for cls in (CustomerGroupDto, VehicleLightDto, ExternalInterfaceHeaderDto, ResponseDto):
        names = [m.attr for m in contract_info(cls).json_members if m.computed is None]
        assert plain_init(cls, names), cls


@nc.contract("Tests.Fast")
class Validated:
    count: int = attrs.field(default=0, validator=attrs.validators.ge(0))


@nc.contract("Tests.Fast")
class Converted:
    name: str = attrs.field(default="", converter=str.strip)


@nc.contract("Tests.Fast")
class PostInit:
    name: str | None = nc.member("Name", default=None)
    seen: int = 0

    def __attrs_post_init__(self) -> None:
        self.seen = 1


@nc.contract("Tests.Fast")
class Private:
    _name: str | None = nc.member("Name", default=None)


@attrs.define(init=False)
class _OwnInit:
    name: str | None = None

    def __init__(self, *, name: str | None = None) -> None:
        self.name = name.upper() if name else name


OwnInit = nc.contract("Tests.Fast")(_OwnInit)


@nc.contract("Tests.Fast")
class Plain:
    name: str | None = nc.member("Name", default=None)
    count: int = nc.member("Count", default=0)


@pytest.mark.parametrize(
    ("cls", "plain"),
    [
        (Validated, False),
        (Converted, False),
        (PostInit, False),
        (Private, False),
        (OwnInit, False),
        (Plain, True),
    ],
)
def test_init_is_only_skipped_when_it_would_only_store(cls: type, plain: bool) -> None:
    names = [m.attr for m in contract_info(cls).json_members if m.computed is None]
    assert plain_init(cls, names) is plain
    assert plain_init(cls, names[:-1]) is False  # a field left to its default


@pytest.mark.parametrize(
    ("cls", "doc"),
    [
        (Validated, b'{"Count":3}'),
        (Validated, b'{"Count":-3}'),
        (Converted, b'{"Name":"  a "}'),
        (PostInit, b'{"Name":"a","Seen":0}'),
        (OwnInit, b'{"Name":"a"}'),
        (Plain, b'{"Name":"a:b","Count":2}'),
        (Plain, b'{"Name":null,"Count":2147483647}'),
    ],
)
def test_classes_with_their_own_init_behaviour_read_as_the_reference(cls: type, doc: bytes) -> None:
    expected = reference(doc, cls)
    try:
        fast = _json_codec.read_json(doc, cls, ReadContext())
    except ValueError as exc:  # an attrs validator: let through, as the reference lets it
        assert expected == [repr(exc)]
        return
    if fast is _json_codec.DECLINED:
        assert isinstance(expected, list)  # refused: the reference path reports it
    else:
        assert fast == expected
        assert attrs.asdict(fast) == attrs.asdict(expected)


# ------------------------------------------------------------------ colons and loads_fast


@pytest.mark.parametrize(
    "doc",
    [
        b'{"Name":"a:b:c","Name":"d"}',
        b'{"Name":"a","Vehicles":[{"VIN":"::","VIN":"x"}]}',
        b'{"Vehicles":[{"VIN":"a\\u003ab","Name":"n"}],"Vehicles":null}',
        b'{"Name":"a\\\\u003ab"}',
        b'{"Name":"a\\u003Ab"}',
        b'{"Name":"x:y"}',
    ],
)
def test_colons_still_catch_duplicate_members(doc: bytes) -> None:
    fast = check(doc, CustomerGroupDto)
    if isinstance(reference(doc, CustomerGroupDto), list):
        assert fast is _json_codec.DECLINED


@pytest.mark.parametrize(
    ("doc", "unsure"),
    [
        (b'{"a":"\\u003a"}', True),
        (b'{"a":"\\u003A"}', True),
        (b'{"a":"\\\\u003a"}', True),  # an escaped backslash: still deferred, as before
        (b'{"a":"\\u003b"}', False),
        (b'{"a":"u003a"}', False),
        (b'{"a":"\\u0030"}', False),
    ],
)
def test_loads_fast_defers_escaped_colons(doc: bytes, unsure: bool) -> None:
    assert (loads_fast(doc) is UNSURE) is unsure
