"""Dictionary keys of Double, Single, Decimal, TimeSpan and DateTimeOffset: property round
trips in every format and the refusals (the bytes are Mono's:
``tests/interop/test_dict_keys_interop.py``)."""

from __future__ import annotations

import decimal
import math
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import netcontract as nc
from netcontract.clr.datetimeoffset import DateTimeOffset
from netcontract.clr.timespan import TimeSpan
from netcontract.strategies import for_type

D = decimal.Decimal


@nc.contract("DictKeyTests", xml_namespace="urn:dict-key-tests")
class Keys:
    a: dict[float, nc.Int32] | None = nc.member("A", default=None)
    b: dict[nc.Single, nc.Int32] | None = nc.member("B", default=None)
    c: dict[D, nc.Int32] | None = nc.member("C", default=None)
    d: dict[nc.TimeSpan, nc.Int32] | None = nc.member("D", default=None)
    e: dict[nc.DateTimeOffset, str | None] | None = nc.member("E", default=None)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(for_type(Keys))
def test_drawn_keys_round_trip_in_every_format(value: Keys) -> None:
    for indent in (False, True):
        assert nc.from_xml(nc.to_xml(value, indent=indent), Keys) == value
        assert nc.from_json(nc.to_json(value, indent=indent), Keys) == value
        # (DateTimeOffset keys are drawn in whole milliseconds, which WCF JSON keeps)
        assert nc.from_wcf_json(nc.to_wcf_json(value, indent=indent, lossy=True), Keys) == value
    data = nc.to_xml(value, layout="stream")
    assert nc.validate_xml(data, Keys) == value


def _all(value: Any) -> list[Any]:
    """What each writer does with ``value``: its bytes or the refusal's messages."""
    out = []
    for write in (nc.to_xml, nc.to_json, nc.to_wcf_json):
        try:
            out.append(write(value))
        except nc.SerializationError as exc:
            out.append([p.message for p in exc.problems])
    return out


def test_a_nan_key_is_refused_everywhere() -> None:
    for tp in (dict[float, nc.Int32], dict[nc.Single, nc.Int32]):
        for result in _all(nc.Boxed({math.nan: 1}, tp)):
            assert isinstance(result, list) and "NaN key is refused" in result[0]
    with pytest.raises(nc.JsonPayloadError, match="NaN key"):
        nc.from_json(b'{"NaN":1}', dict[float, nc.Int32])
    with pytest.raises(nc.XmlPayloadError, match="NaN key"):
        data = nc.to_xml(nc.Boxed({1.0: 1}, dict[float, nc.Int32]))
        nc.from_xml(data.replace(b"<Key>1<", b"<Key>NaN<"), dict[float, nc.Int32])


def test_datetimeoffset_keys_of_one_instant_are_one_key_in_dotnet() -> None:
    one = DateTimeOffset.parse("2020-01-02T03:04:05+02:00")
    same = DateTimeOffset.parse("2020-01-02T01:04:05+00:00")
    assert one != same  # Python compares the offset too; .NET's equality the instant only
    for result in _all(Keys(e={one: "a", same: "b"})):
        assert isinstance(result, list) and "instants are" in result[0]
    doc = b'{"E":{"2020-01-02T03:04:05+02:00":"a","2020-01-02T01:04:05+00:00":"b"}}'
    with pytest.raises(nc.JsonPayloadError, match="instants are"):
        nc.from_json(doc, Keys)


def test_jsonnet_keys_that_lose_digits_are_refused() -> None:
    with pytest.raises(nc.SerializationError, match="15 significant digits"):
        nc.to_json(Keys(a={1 / 3: 1}))
    with pytest.raises(nc.SerializationError, match="7 significant digits"):
        nc.to_json(Keys(b={nc.to_single(1 / 3): 1}))
    # XML and WCF JSON write the "R" text: kept
    assert nc.from_xml(nc.to_xml(Keys(a={1 / 3: 1})), Keys) == Keys(a={1 / 3: 1})
    camel = nc.JsonSettings(contract_resolver="CamelCase")
    with pytest.raises(nc.SerializationError, match="cannot read back as a number"):
        nc.to_json(Keys(a={-math.inf: 1, math.inf: 2}), settings=camel)
    minus = nc.Boxed({-math.inf: 1}, dict[float, nc.Int32])
    assert nc.to_json(minus, settings=camel) == b'{"-Infinity":1}'


@pytest.mark.parametrize(
    ("name", "key"),
    [
        (" 1.5 ", D("1.5")),
        ("+1.50", D("1.50")),
        ("1,000", D("1000")),
        (".5", D("0.5")),
        ("5.", D("5")),
        # a trailing sign, as Mono's Json.NET reads it (NumberStyles.Number): {"-1":1} ...
        ("1-", D("-1")),
        (" 1.5 - ", D("-1.5")),
        (".5-", D("-0.5")),
        ("1+", D("1")),
    ],
)
def test_decimal_keys_are_read_as_decimal_parse_reads_them(name: str, key: D) -> None:
    read = nc.from_json(('{"C":{"' + name + '":1}}').encode(), Keys).c
    assert read == {key: 1}
    assert str(next(iter(read))) == str(key)  # the scale too


@pytest.mark.parametrize(
    "name",
    # Mono refuses a sign on both sides and one before white space: "-1-", "- 1", "1--"
    ["1e3", "1E+2", "79228162514264337593543950336", "", "1.2.3", "-1-", "- 1", "1--", "-"],
)
def test_decimal_key_texts_decimal_parse_refuses_are_refused(name: str) -> None:
    with pytest.raises(nc.JsonPayloadError, match="dictionary key of type Decimal"):
        nc.from_json(('{"C":{"' + name + '":1}}').encode(), Keys)


def test_timespan_keys_are_the_c_format() -> None:
    value = nc.Boxed({TimeSpan(-15000000): 1, TimeSpan.MAX_VALUE: 2}, dict[nc.TimeSpan, int])
    assert nc.to_json(value) == b'{"-00:00:01.5000000":1,"10675199.02:48:05.4775807":2}'
    assert nc.from_json(b'{"D":{"1:2":3}}', Keys).d == {TimeSpan(37200000000): 3}
    with pytest.raises(nc.JsonPayloadError, match="TimeSpan"):
        nc.from_json(b'{"D":{"P1D":3}}', Keys)


def test_microsoft_dates_keep_datetimeoffset_keys_to_the_millisecond() -> None:
    ms = nc.JsonSettings(date_format_handling="MicrosoftDateFormat")
    whole = Keys(e={DateTimeOffset.parse("2020-01-02T03:04:05.001+02:00"): None})
    assert b'"E":{"\\/Date(1577927045001+0200)\\/":null}' in nc.to_json(whole, settings=ms)
    assert nc.from_json(nc.to_json(whole, settings=ms), Keys, settings=ms) == whole
    with pytest.raises(nc.SerializationError, match="sub-millisecond"):
        nc.to_json(
            Keys(e={DateTimeOffset.parse("2020-01-02T03:04:05.0001+02:00"): None}), settings=ms
        )
