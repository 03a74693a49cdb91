"""Json.NET's Microsoft date (``"\\/Date(ms)\\/"``, ``"\\/Date(ms+hhmm)\\/"``) in DateTime members.

Json.NET 6.0.8 reads it by default (``DateParseHandling.DateTime``), in DateTime members and in
``object`` members. What it gives was established on Mono (``TZ=UTC`` and ``TZ=Asia/Kolkata``)
and is checked live by ``tests/interop/test_microsoft_date_interop.py``:

- no offset: kind Utc, the milliseconds after 1970-01-01T00:00:00Z;
- an offset: kind Local, the same instant converted to the *server's* zone, the offset's value
  ignored (``+9999`` is read); netcontract keeps the offset written instead (README,
  "Behaviours chosen where .NET is lossy");
- out of the DateTime range, and ``/Date()/``: refused (ArgumentOutOfRangeException);
- a millisecond part ``long.Parse`` refuses (``1.5``, ``0Z``): not a Microsoft date, so refused
  in a DateTime member and kept as a string in an ``object`` member.
"""

from __future__ import annotations

import pytest

import netcontract as nc
from netcontract.clr.datetime import (
    UNIX_EPOCH_TICKS,
    DateTime,
    DateTimeKind,
    parse_datetime_json,
    parse_microsoft_date,
)

UTC = DateTimeKind.UTC
LOCAL = DateTimeKind.LOCAL


@nc.contract("Fleet.MsDates")
class Dates:
    at: nc.DateTime = nc.member("At", default=nc.MIN_DATETIME)
    maybe: nc.DateTime | None = nc.member("Maybe", default=None)
    all_: list[nc.DateTime] | None = nc.member("All", default=None)


@nc.contract("Fleet.MsDates")
class Holder:
    thing: object = nc.member("Thing", default=None)


@pytest.mark.parametrize(
    ("text", "ticks"),
    [
        # Mono: Json.NET's DateTime.Ticks, kind Utc
        ("/Date(1234567890000)/", 633701646900000000),
        ("/Date(-62135596800000)/", 0),
        ("/Date(253402300799999)/", 3155378975999990000),
        ("/Date(0 )/", UNIX_EPOCH_TICKS),
        ("/Date( 0)/", UNIX_EPOCH_TICKS),
        ("/Date(+5)/", 621355968000050000),
        ("/Date(-5)/", UNIX_EPOCH_TICKS - 50000),
    ],
)
def test_without_an_offset_it_is_utc(text: str, ticks: int) -> None:
    assert parse_microsoft_date(text) == DateTime(ticks, UTC)
    assert parse_datetime_json(text) == DateTime(ticks, UTC)


@pytest.mark.parametrize(
    ("text", "utc_ticks", "offset"),
    [
        # Mono: Json.NET reads kind Local, Ticks 633701646901230000 with TZ=UTC (the instant)
        ("/Date(1234567890123+0100)/", 633701646901230000, 60),
        ("/Date(1234567890000-0530)/", 633701646900000000, -330),
        ("/Date(0+0000)/", UNIX_EPOCH_TICKS, 0),
        ("/Date(0+1400)/", UNIX_EPOCH_TICKS, 840),
        ("/Date(0-1400)/", UNIX_EPOCH_TICKS, -840),
        ("/Date(0+01)/", UNIX_EPOCH_TICKS, 60),  # Json.NET reads "+hh" too
        ("/Date(-5-0100)/", UNIX_EPOCH_TICKS - 50000, -60),
        # netcontract's own bounds of the offset it keeps: minutes up to 59, ±14:00
        ("/Date(0+0059)/", UNIX_EPOCH_TICKS, 59),
        ("/Date(0-1359)/", UNIX_EPOCH_TICKS, -839),
        # the local time at the ends of the DateTime range (0001-01-01T00:00:00-01:00 and
        # 9999-12-31T23:59:59.999+01:00); a millisecond further is refused (test_refused)
        ("/Date(-62135593200000-0100)/", 36_000_000_000, -60),
        ("/Date(253402297199999+0100)/", 3155378939999990000, 60),
    ],
)
def test_with_an_offset_it_is_local_keeping_the_offset(
    text: str, utc_ticks: int, offset: int
) -> None:
    value = parse_microsoft_date(text)
    assert value == DateTime(utc_ticks + offset * 600_000_000, LOCAL, offset_minutes=offset)


@pytest.mark.parametrize(
    "text",
    [
        "/Date(253402300800000)/",  # Mono: ArgumentOutOfRangeException
        "/Date(-62135596800001)/",
        "/Date()/",
        "/Date(0+9999)/",  # Mono: read (offset ignored); netcontract keeps offsets: refused
        "/Date(0+0160)/",
        "/Date(0+1401)/",
        "/Date(0+01000)/",
        "/Date(0+1)/",
        "/Date(-62135596800000-0100)/",  # the local time falls before 0001-01-01
        "/Date(-62135593200001-0100)/",
        "/Date(253402297200000+0100)/",  # ... or after 9999-12-31T23:59:59.9999999
    ],
)
def test_refused(text: str) -> None:
    with pytest.raises(ValueError, match="/Date"):
        parse_microsoft_date(text)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        # long.Parse reads the Int64 limits (one more overflows it: not a Microsoft date, see
        # below); Mono's Json.NET then wraps the ticks around (1969-12-31T23:59:59.999Z for
        # the largest), netcontract refuses (README, "Behaviours chosen where .NET is lossy")
        ("/Date(-9223372036854775808)/", "outside the DateTime range"),
        ("/Date(9223372036854775807)/", "outside the DateTime range"),
        # Json.NET cuts at the first sign after the number and ignores the rest (Mono: read,
        # kind Local); netcontract keeps offsets, so the whole rest must be one
        ("/Date(5+01+00)/", "the offset must be +hhmm or -hhmm"),
        ("/Date(5-01-00)/", "the offset must be +hhmm or -hhmm"),
        ("/Date(0+0160)/", "minutes above 59 (Json.NET ignores it and converts to the server's"),
    ],
)
def test_refusals_say_why(text: str, says: str) -> None:
    with pytest.raises(ValueError) as refused:
        parse_microsoft_date(text)
    assert says in str(refused.value)


@pytest.mark.parametrize(
    "text",
    [
        "/Date(1.5)/",
        "/Date(0Z)/",
        "/date(0)/",
        "/Date(0)/x",
        "/Date(99999999999999999999)/",
        "/Date(9223372036854775808)/",  # long.Parse overflows by one
    ],
)
def test_what_json_net_takes_for_no_microsoft_date(text: str) -> None:
    """Mono: not read as a date (a DateTime member refuses it, an object keeps the string)."""
    assert parse_microsoft_date(text) is None
    with pytest.raises(ValueError, match="not a valid DateTime"):
        parse_datetime_json(text)
    assert nc.from_json(('{"Thing":"%s"}' % text).encode(), Holder) == Holder(thing=text)


def test_in_members_lists_nullables_and_objects_on_every_path() -> None:
    data = (
        b'{"At":"\\/Date(1234567890000)\\/","Maybe":"\\/Date(1234567890123+0100)\\/",'
        b'"All":["/Date(0)/","\\/Date(0-0530)\\/","2024-01-02T03:04:05Z"]}'
    )
    expected = Dates(
        at=DateTime(633701646900000000, UTC),
        maybe=DateTime(633701646901230000 + 36_000_000_000, LOCAL, offset_minutes=60),
        all_=[
            DateTime(UNIX_EPOCH_TICKS, UTC),
            DateTime(UNIX_EPOCH_TICKS - 330 * 600_000_000, LOCAL, offset_minutes=-330),
            DateTime.parse("2024-01-02T03:04:05Z"),
        ],
    )
    assert nc.from_json(data, Dates) == expected
    # written back as Json.NET writes DateTimes (ISO)
    assert nc.to_json(expected) == (
        b'{"At":"2009-02-13T23:31:30Z","Maybe":"2009-02-14T00:31:30.123+01:00",'
        b'"All":["1970-01-01T00:00:00Z","1969-12-31T18:30:00-05:30","2024-01-02T03:04:05Z"]}'
    )
    holder = nc.from_json(b'{"Thing":"\\/Date(1234567890000)\\/"}', Holder)
    assert holder == Holder(thing=DateTime(633701646900000000, UTC))


@pytest.mark.parametrize(
    ("data", "path"),
    [
        (b'{"At":"\\/Date(253402300800000)\\/"}', "At"),
        (b'{"All":["/Date(0)/","/Date(0+9999)/"]}', "All[1]"),
        (b'{"Maybe":"/Date()/"}', "Maybe"),
    ],
)
def test_refusals_name_the_member(data: bytes, path: str) -> None:
    with pytest.raises(nc.JsonPayloadError) as refused:
        nc.from_json(data, Dates)
    assert [p.path for p in refused.value.problems] == [path]


def test_a_refused_microsoft_date_in_an_object_member_is_refused() -> None:
    with pytest.raises(nc.JsonPayloadError) as refused:
        nc.from_json(b'{"Thing":"\\/Date(0+9999)\\/"}', Holder)
    assert [p.path for p in refused.value.problems] == ["Thing"]
