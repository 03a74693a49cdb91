""".NET ``System.DateTime`` values and their text form in DataContract XML and Json.NET.

A .NET DateTime is a count of 100 ns ticks since 0001-01-01T00:00:00 plus a kind (Unspecified,
Utc, Local). :class:`DateTime` holds exactly that; a Local value also carries the UTC offset it
was read or written with, because the machine zone .NET would use is not ours.

Both serializers write the same text (checked on Mono 6.8 + Json.NET 6.0.8 with ``TZ=UTC``):
``yyyy-MM-ddTHH:mm:ss``, then ``.`` and the 7-digit tick fraction with trailing zeros removed
when it is not zero, then ``Z`` (Utc), ``±HH:mm`` (Local) or nothing (Unspecified).
"""

from __future__ import annotations

import bisect
import datetime as _dt
import enum
import re
from typing import Final, NoReturn, final

from netcontract.clr.compiled import extension as _extension
from netcontract.clr.compiled import speedups as _speedups
from netcontract.clr.numbers import show_text

__all__ = [
    "MAX_TICKS",
    "MIN_TICKS",
    "TICKS_PER_DAY",
    "TICKS_PER_SECOND",
    "DateTime",
    "DateTimeKind",
    "format_datetime",
    "net_fraction_ticks",
    "parse_datetime",
    "parse_datetime_json",
    "parse_datetime_json_rounded",
    "parse_datetime_xml",
    "parse_microsoft_date",
    "parse_xsd_datetime_rounded",
    "xsd_shape_error",
]

MIN_TICKS: Final = 0
"""Ticks of ``DateTime.MinValue`` (0001-01-01T00:00:00)."""
MAX_TICKS: Final = 3_155_378_975_999_999_999
"""Ticks of ``DateTime.MaxValue`` (9999-12-31T23:59:59.9999999)."""
TICKS_PER_SECOND: Final = 10_000_000
TICKS_PER_MINUTE: Final = 60 * TICKS_PER_SECOND
TICKS_PER_DAY: Final = 86_400 * TICKS_PER_SECOND
MAX_OFFSET_MINUTES: Final = 14 * 60
"""Largest UTC offset .NET allows (``DateTimeOffset``: ±14:00)."""


class DateTimeKind(enum.IntEnum):
    """``System.DateTimeKind``, with the same numbers."""

    UNSPECIFIED = 0
    UTC = 1
    LOCAL = 2


_UNSPECIFIED: Final = DateTimeKind.UNSPECIFIED
_UTC: Final = DateTimeKind.UTC
_LOCAL: Final = DateTimeKind.LOCAL

_fromordinal = _dt.date.fromordinal
_date = _dt.date
_setattr = object.__setattr__


def _offset_text(minutes: int) -> str:
    sign = "-" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{mins:02d}"


# Text pieces, computed once: formatting is on the hot path of large documents.
_TWO: Final = tuple(f"{i:02d}" for i in range(60))
_HH_MM: Final = tuple(f"{h:02d}:{m:02d}:" for h in range(24) for m in range(60))
_OFFSETS: Final = tuple(_offset_text(m) for m in range(-MAX_OFFSET_MINUTES, MAX_OFFSET_MINUTES + 1))
# "+05:30" -> 330 for every offset .NET allows, plus "-00:00" (which .NET reads like +00:00).
_OFFSET_MINUTES: Final = {text: i - MAX_OFFSET_MINUTES for i, text in enumerate(_OFFSETS)}
_OFFSET_MINUTES["-00:00"] = 0
_DATE_CACHE: dict[int, str] = {}
_DATE_CACHE_LIMIT: Final = 4096

# timezone(timedelta(0)) *is* timezone.utc, which from_datetime reads as UTC; a LOCAL +00:00
# value needs a distinct zero-offset zone so that it converts back as LOCAL.
_TZ_CACHE: dict[int, _dt.timezone] = {0: _dt.timezone(_dt.timedelta(0), "+00:00")}

_DAYS_IN_MONTH: Final = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAYS_BEFORE_MONTH: Final = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
_MONTH_NAMES: Final = (
    "", "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


_PART_NAMES: Final = ("year", "month", "day", "hour", "minute", "second", "tick_fraction")


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_before(year: int, month: int, day: int) -> int:
    """Days from 0001-01-01 to the given (valid) date."""
    y = year - 1
    days = y * 365 + y // 4 - y // 100 + y // 400 + _DAYS_BEFORE_MONTH[month] + day - 1
    if month > 2 and _is_leap(year):
        days += 1
    return days


def _date_problem(year: int, month: int, day: int) -> str:
    """Why (year, month, day) is not a date .NET can hold, or ""."""
    if not 1 <= year <= 9999:
        return f"year {year} is outside 1..9999"
    if not 1 <= month <= 12:
        return f"month {month} is outside 1..12"
    last = 29 if month == 2 and _is_leap(year) else _DAYS_IN_MONTH[month]
    if not 1 <= day <= last:
        return f"{_MONTH_NAMES[month]} {year} has no day {day}"
    return ""


def _offset_problem(offset_minutes: object) -> str:
    if type(offset_minutes) is not int:
        return f"offset_minutes must be an int, not {type(offset_minutes).__name__}"
    if not -MAX_OFFSET_MINUTES <= offset_minutes <= MAX_OFFSET_MINUTES:
        return f"offset {offset_minutes} minutes is outside ±{MAX_OFFSET_MINUTES} (±14:00)"
    return ""


def _timezone(offset_minutes: int) -> _dt.timezone:
    tz = _TZ_CACHE.get(offset_minutes)
    if tz is None:
        tz = _TZ_CACHE[offset_minutes] = _dt.timezone(_dt.timedelta(minutes=offset_minutes))
    return tz


@final
class DateTime:
    """An immutable .NET ``DateTime``: ticks of its own clock, a kind, and for Local an offset.

    ``DateTime(ticks, kind=DateTimeKind.UNSPECIFIED, offset_minutes=None)``: ``ticks`` in
    ``MIN_TICKS..MAX_TICKS``; ``offset_minutes`` (-840..840) is required for ``LOCAL`` and
    must be None otherwise. Equality and hashing use all three fields, so the same instant
    written as ``Z`` and as ``+00:00`` are different values (they are different text too).
    """

    __slots__ = ("_kind", "_offset", "_ticks")

    _ticks: int
    _kind: DateTimeKind
    _offset: int | None

    def __init__(
        self,
        ticks: int,
        kind: DateTimeKind = DateTimeKind.UNSPECIFIED,
        offset_minutes: int | None = None,
    ) -> None:
        if type(ticks) is not int:
            raise TypeError(f"ticks must be an int, not {type(ticks).__name__}")
        if not MIN_TICKS <= ticks <= MAX_TICKS:
            raise ValueError(f"ticks {ticks} is outside {MIN_TICKS}..{MAX_TICKS}")
        if not isinstance(kind, DateTimeKind):
            if type(kind) is int and 1 <= ticks <= 9999 and 1 <= kind <= 12:
                # DateTime(2024, 5, 6): calendar fields where ticks are expected
                raise TypeError(
                    "kind must be a DateTimeKind, not int: DateTime(ticks, kind, offset_minutes)"
                    " takes 100 ns ticks first; for a date use DateTime.from_parts(year, month,"
                    " day, ...) or DateTime.parse(text)"
                )
            raise TypeError(f"kind must be a DateTimeKind, not {type(kind).__name__}")
        if kind is _LOCAL:
            if offset_minutes is None:
                raise ValueError("a LOCAL DateTime needs offset_minutes")
            problem = _offset_problem(offset_minutes)
            if problem:
                raise ValueError(problem)
        elif offset_minutes is not None:
            raise ValueError(f"offset_minutes is only for LOCAL values, not {kind.name}")
        _setattr(self, "_ticks", ticks)
        _setattr(self, "_kind", kind)
        _setattr(self, "_offset", offset_minutes)

    @classmethod
    def from_parts(
        cls,
        year: int,
        month: int,
        day: int,
        hour: int = 0,
        minute: int = 0,
        second: int = 0,
        tick_fraction: int = 0,
        kind: DateTimeKind = DateTimeKind.UNSPECIFIED,
        offset_minutes: int | None = None,
    ) -> DateTime:
        """Build from calendar fields: ``DateTime.from_parts(2024, 5, 6, 13, 45)``.

        ``tick_fraction`` is the sub-second part in 100 ns units (0..9_999_999); ``kind``
        defaults to UNSPECIFIED, and LOCAL needs ``offset_minutes``. Raises ``ValueError``
        naming the field that is out of range (``February 2023 has no day 29``).
        """
        parts = (year, month, day, hour, minute, second, tick_fraction)
        for label, part in zip(_PART_NAMES, parts, strict=True):
            if type(part) is not int:
                raise TypeError(f"{label} must be an int, not {type(part).__name__}")
        problem = _date_problem(year, month, day)
        if problem:
            raise ValueError(problem)
        if not 0 <= hour <= 23:
            raise ValueError(f"hour {hour} is outside 0..23")
        if not 0 <= minute <= 59:
            raise ValueError(f"minute {minute} is outside 0..59")
        if not 0 <= second <= 59:
            raise ValueError(f"second {second} is outside 0..59")
        if not 0 <= tick_fraction < TICKS_PER_SECOND:
            raise ValueError(f"tick_fraction {tick_fraction} is outside 0..9999999")
        seconds = (_days_before(year, month, day) * 86_400) + hour * 3600 + minute * 60 + second
        return cls(seconds * TICKS_PER_SECOND + tick_fraction, kind, offset_minutes)

    @classmethod
    def parse(cls, text: str) -> DateTime:
        """Read .NET's round-trip text (``ToString("o")``, what both serializers write):

        ``2024-05-06T13:45:00`` (Unspecified), ``...Z`` (Utc), ``...+02:00`` (Local, keeping
        the offset), with up to 7 fraction digits. Raises ``ValueError`` saying what is wrong.
        """
        if not isinstance(text, str):
            raise TypeError(f"expected a str, not {type(text).__name__}")
        return parse_datetime(text)

    @classmethod
    def from_datetime(cls, dt: _dt.datetime, *, kind: DateTimeKind | None = None) -> DateTime:
        """Convert a :class:`datetime.datetime`, keeping its wall-clock fields.

        Without ``kind``: naive -> UNSPECIFIED; ``tzinfo is datetime.timezone.utc`` -> UTC;
        any other aware value -> LOCAL with its UTC offset (whole minutes, within ±14:00).
        ``kind`` overrides this only where no information is lost: a naive value may be
        declared UTC, an aware one with a zero offset may be declared UTC, an aware one may
        be declared LOCAL. Nothing is ever converted between zones.
        """
        if not isinstance(dt, _dt.datetime):
            raise TypeError(f"expected a datetime.datetime, not {type(dt).__name__}")
        if kind is not None and not isinstance(kind, DateTimeKind):
            raise TypeError(f"kind must be a DateTimeKind or None, not {type(kind).__name__}")
        offset = dt.utcoffset()
        if offset is None:
            if kind is None or kind is _UNSPECIFIED:
                kind, offset_minutes = _UNSPECIFIED, None
            elif kind is _UTC:
                offset_minutes = None
            else:
                raise ValueError("a naive datetime has no UTC offset to make a LOCAL DateTime")
        else:
            if offset.microseconds or offset.seconds % 60:
                raise ValueError(f"UTC offset {offset} is not a whole number of minutes")
            minutes = (offset.days * 86_400 + offset.seconds) // 60
            if kind is None:
                kind = _UTC if dt.tzinfo is _dt.UTC else _LOCAL
            if kind is _UTC:
                if minutes:
                    raise ValueError(
                        f"UTC offset {offset} is not zero; convert with"
                        " astimezone(datetime.timezone.utc) first"
                    )
                offset_minutes = None
            elif kind is _LOCAL:
                problem = _offset_problem(minutes)
                if problem:
                    raise ValueError(problem)
                offset_minutes = minutes
            else:
                raise ValueError(
                    "an aware datetime cannot be UNSPECIFIED without dropping its offset;"
                    " use dt.replace(tzinfo=None) to do that explicitly"
                )
        seconds = (dt.toordinal() - 1) * 86_400 + dt.hour * 3600 + dt.minute * 60 + dt.second
        return _make(seconds * TICKS_PER_SECOND + dt.microsecond * 10, kind, offset_minutes)

    def to_datetime(self, *, truncate: bool = False) -> _dt.datetime:
        """This value as a :class:`datetime.datetime` with the same wall-clock fields.

        Naive for UNSPECIFIED, ``timezone.utc`` for UTC, a fixed-offset zone for LOCAL (for
        +00:00 one that is not ``timezone.utc``, so :meth:`from_datetime` gives LOCAL back).
        datetime keeps microseconds; when the ticks have a non-zero 100 ns digit this raises
        ValueError unless ``truncate=True`` (then that digit is dropped).
        """
        ticks = self._ticks
        if ticks % 10 and not truncate:
            raise ValueError(
                f"{format_datetime(self)} has 100 ns digits that datetime.datetime cannot hold;"
                " pass truncate=True to drop them"
            )
        days, rem = divmod(ticks, TICKS_PER_DAY)
        date = _fromordinal(days + 1)
        seconds, fraction = divmod(rem, TICKS_PER_SECOND)
        hour, rem_s = divmod(seconds, 3600)
        minute, second = divmod(rem_s, 60)
        kind = self._kind
        tz: _dt.tzinfo | None
        if kind is _UTC:
            tz = _dt.UTC
        elif kind is _LOCAL:
            assert self._offset is not None
            tz = _timezone(self._offset)
        else:
            tz = None
        return _dt.datetime(
            date.year, date.month, date.day, hour, minute, second, fraction // 10, tzinfo=tz
        )

    @property
    def ticks(self) -> int:
        """100 ns units since 0001-01-01T00:00:00 of this value's own clock."""
        return self._ticks

    @property
    def kind(self) -> DateTimeKind:
        return self._kind

    @property
    def offset_minutes(self) -> int | None:
        """The UTC offset of a LOCAL value (as written or read), else None."""
        return self._offset

    @property
    def year(self) -> int:
        return _fromordinal(self._ticks // TICKS_PER_DAY + 1).year

    @property
    def month(self) -> int:
        return _fromordinal(self._ticks // TICKS_PER_DAY + 1).month

    @property
    def day(self) -> int:
        return _fromordinal(self._ticks // TICKS_PER_DAY + 1).day

    @property
    def hour(self) -> int:
        return self._ticks % TICKS_PER_DAY // (3600 * TICKS_PER_SECOND)

    @property
    def minute(self) -> int:
        return self._ticks % (3600 * TICKS_PER_SECOND) // TICKS_PER_MINUTE

    @property
    def second(self) -> int:
        return self._ticks % TICKS_PER_MINUTE // TICKS_PER_SECOND

    @property
    def tick_fraction(self) -> int:
        """The sub-second part in 100 ns units (0..9_999_999)."""
        return self._ticks % TICKS_PER_SECOND

    def isoformat(self) -> str:
        """The text .NET writes for this value (same as :func:`format_datetime`)."""
        return format_datetime(self)

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"DateTime is immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError(f"DateTime is immutable; cannot delete {name!r}")

    def __eq__(self, other: object) -> bool:
        if type(other) is not DateTime:
            return NotImplemented
        return (
            self._ticks == other._ticks
            and self._kind is other._kind
            and self._offset == other._offset
        )

    def __hash__(self) -> int:
        return hash((self._ticks, self._kind, self._offset))

    def __reduce__(self) -> tuple[type[DateTime], tuple[int, DateTimeKind, int | None]]:
        return (DateTime, (self._ticks, self._kind, self._offset))

    def __repr__(self) -> str:
        return f"DateTime({format_datetime(self)!r})"

    def __str__(self) -> str:
        return format_datetime(self)


def _make(ticks: int, kind: DateTimeKind, offset: int | None) -> DateTime:
    """Build a DateTime from fields the caller has already validated."""
    value = _new(DateTime)
    _set_ticks(value, ticks)
    _set_kind(value, kind)
    _set_offset(value, offset)
    return value


# the slots' own setters: DateTime.__setattr__ refuses every assignment
_new = object.__new__
_set_ticks = DateTime.__dict__["_ticks"].__set__
_set_kind = DateTime.__dict__["_kind"].__set__
_set_offset = DateTime.__dict__["_offset"].__set__


def format_datetime(value: DateTime) -> str:
    """The text DataContractSerializer and Json.NET write for ``value``.

    ``2024-01-02T03:04:05.12Z``, ``2026-06-02T18:36:51.9290578+00:00``, ``0001-01-01T00:00:00``.
    """
    days, rem = divmod(value._ticks, TICKS_PER_DAY)
    date = _DATE_CACHE.get(days)
    if date is None:
        if len(_DATE_CACHE) >= _DATE_CACHE_LIMIT:
            _DATE_CACHE.clear()
        if _FIRST_DAY <= days < _LAST_DAY:  # 1900..2199: the month from a table
            month = _bisect(_MONTH_STARTS, days) - 1
            date = _MONTH_TEXTS[month] + _DAY_TEXTS[days - _MONTH_STARTS[month]]
        else:
            date = _fromordinal(days + 1).isoformat() + "T"
        _DATE_CACHE[days] = date
    seconds, fraction = divmod(rem, TICKS_PER_SECOND)
    minutes, second = divmod(seconds, 60)
    kind = value._kind
    suffix = "" if kind is _UNSPECIFIED else "Z" if kind is _UTC else _local_suffix(value)
    if fraction:
        return f"{date}{_HH_MM[minutes]}{_TWO[second]}.{_fraction_text(fraction)}{suffix}"
    return f"{date}{_HH_MM[minutes]}{_TWO[second]}{suffix}"


def _local_suffix(value: DateTime) -> str:
    assert value._offset is not None
    return _OFFSETS[value._offset + MAX_OFFSET_MINUTES]


def _fraction_text(fraction: int) -> str:
    """The 7-digit tick fraction without its trailing zeros (``fraction`` > 0)."""
    if fraction % 10_000 == 0:  # whole milliseconds: a common case, 3 digits at most
        return _MILLIS[fraction // 10_000]
    return ("%07d" % fraction).rstrip("0")


# The first day (days since 0001-01-01) and the "yyyy-MM-" text of every month of 1900..2199,
# and "ddT" for each day of a month (cheaper than datetime.date when the cache misses).
_MONTH_STARTS: Final = [
    _days_before(year, month, 1) for year in range(1900, 2200) for month in range(1, 13)
]
_MONTH_TEXTS: Final = [
    f"{year:04d}-{month:02d}-" for year in range(1900, 2200) for month in range(1, 13)
]
_DAY_TEXTS: Final = tuple(f"{day:02d}T" for day in range(1, 32))
_FIRST_DAY: Final = _MONTH_STARTS[0]
_LAST_DAY: Final = _days_before(2200, 1, 1)
_bisect = bisect.bisect_right

# "1", "12", "123", "001"... : the millisecond fractions, trailing zeros removed (index 0 unused)
_MILLIS: Final = tuple(("%03d" % ms).rstrip("0") for ms in range(1000))


_SHAPE: Final = "expected yyyy-MM-ddTHH:mm:ss[.fffffff][Z|±HH:mm]"


def _fail(text: str, why: str) -> ValueError:
    return ValueError(f"{show_text(text)} is not a valid DateTime: {why}")


_DAY_CACHE: dict[str, int] = {}


def _parse_date(text: str) -> int:
    """Validate the ``yyyy-MM-dd`` at the start of ``text``; return (and cache) its day number."""
    key = text[:10]
    digits = key[0:4] + key[5:7] + key[8:10]
    if key[4] != "-" or key[7] != "-" or not (digits.isdigit() and digits.isascii()):
        raise _fail(text, _SHAPE)
    year, month_day = divmod(int(digits), 10_000)
    month, day = divmod(month_day, 100)
    try:
        # datetime.date checks the same calendar (years 1..9999, proleptic Gregorian) in C
        days = _date(year, month, day).toordinal() - 1
    except ValueError:
        raise _fail(text, _date_problem(year, month, day)) from None
    if len(_DAY_CACHE) >= _DATE_CACHE_LIMIT:
        _DAY_CACHE.clear()
    _DAY_CACHE[key] = days
    return days


def parse_datetime(text: str) -> DateTime:
    """Read the xs:dateTime text .NET writes, into a :class:`DateTime`.

    Accepted: ``yyyy-MM-ddTHH:mm:ss``, optionally ``.`` and 1..7 fraction digits, optionally
    ``Z``/``z`` (-> UTC) or ``+HH:MM``/``-HH:MM`` (-> LOCAL keeping that offset, even
    ``+00:00``); nothing (-> UNSPECIFIED). ASCII digits only; no surrounding white space
    (XML callers strip it first).

    These are the shapes that both ``XmlConvert.ToDateTime(s, RoundtripKind)`` (so
    DataContractSerializer) and Json.NET accept, checked on Mono: both take a lowercase
    ``z``; both refuse a lowercase ``t``, year 0000, Feb 30, hour 24, minute or second 60.

    Refused although .NET accepts them:

    * 8 or more fraction digits: .NET keeps 100 ns ticks and rounds the rest
      (``.12345678`` -> ``.1234568``); refusing keeps values exact.
    * Offsets beyond ±14:00 or with minutes above 59 (.NET takes up to ``±99:99`` and
      converts to machine-local time; a .NET offset cannot be kept beyond ±14:00).
    * Date-only ``yyyy-MM-dd`` (both accept it as midnight, Unspecified), and the forms
      only one of them takes (``2024-01-02 03:04:05``, ``+0530`` and ``+05``: Json.NET only).
    """
    # The shapes .NET writes, read with table look-ups; anything else (and every error) is
    # left to _parse_checked, which says what is wrong.
    month = _MONTHS.get(text[:7])  # "yyyy-MM" of 1900..2199: (days before it, its length)
    day = _DAY_OF.get(text[7:10])  # "-dd"
    if month is not None and day is not None and day <= month[1]:
        days = month[0] + day
    else:
        cached = _DAY_CACHE.get(text[:10])
        if cached is not None:
            days = cached
        elif len(text) < 19 or text[10] != "T" or text[13] != ":" or text[16] != ":":
            return _parse_checked(text)
        else:
            days = _parse_date(text)  # raises as _parse_checked would, for the same reason
    minutes = _MINUTES_OF.get(text[10:17])  # "THH:mm:"
    second = _SECOND_OF.get(text[17:19])
    if minutes is not None and second is not None:
        n = len(text)
        last = text[-1]
        offset = None
        if last == "Z" or last == "z":
            kind = _UTC
            end = n - 1
        elif n >= 25 and text[n - 3] == ":" and (text[n - 6] == "+" or text[n - 6] == "-"):
            offset = _OFFSET_MINUTES.get(text[n - 6 :])
            kind = _LOCAL
            end = n - 6
        else:
            kind = _UNSPECIFIED
            end = n
        if kind is not _LOCAL or offset is not None:
            ticks = (days * 86_400 + minutes * 60 + second) * TICKS_PER_SECOND
            if end == 19:
                return _make(ticks, kind, offset)
            if text[19] == ".":
                fraction = text[20:end]
                if 0 < len(fraction) < 8 and fraction.isdigit() and fraction.isascii():
                    return _make(ticks + int(fraction) * _SCALE[len(fraction)], kind, offset)
    return _parse_checked(text)


def _month_table(first: int, last: int) -> dict[str, tuple[int, int]]:
    table = {}
    for year in range(first, last + 1):
        for month in range(1, 13):
            length = 29 if month == 2 and _is_leap(year) else _DAYS_IN_MONTH[month]
            table[f"{year:04d}-{month:02d}"] = (_days_before(year, month, 1) - 1, length)
    return table


# "yyyy-MM" -> (days from 0001-01-01 to the day before the 1st, days in the month), for the
# years documents hold; "-dd" -> the day (other dates go through the cache and _parse_date)
_MONTHS: Final = _month_table(1900, 2199)
_DAY_OF: Final = {f"-{day:02d}": day for day in range(1, 32)}
# "THH:mm:" -> minutes of the day, "ss" -> seconds, for valid values only (a miss is checked)
_MINUTES_OF: Final = {f"T{h:02d}:{m:02d}:": h * 60 + m for h in range(24) for m in range(60)}
_SECOND_OF: Final = {f"{s:02d}": s for s in range(60)}
_SCALE: Final = (0, 1_000_000, 100_000, 10_000, 1000, 100, 10, 1)


def _parse_checked(text: str) -> DateTime:
    n = len(text)
    if n < 19 or text[10] != "T" or text[13] != ":" or text[16] != ":":
        raise _fail(text, _SHAPE)
    # Days since 0001-01-01 for the date part; documents repeat dates, so cache them.
    days = _DAY_CACHE.get(text[:10])
    if days is None:
        days = _parse_date(text)
    hms = text[11:13] + text[14:16] + text[17:19]
    if not (hms.isdigit() and hms.isascii()):
        raise _fail(text, _SHAPE)
    hour, rem = divmod(int(hms), 10_000)
    minute, second = divmod(rem, 100)
    if hour > 23:
        raise _fail(text, f"hour {text[11:13]} is outside 00..23")
    if minute > 59:
        raise _fail(text, f"minute {text[14:16]} is outside 00..59")
    if second > 59:
        raise _fail(text, f"second {text[17:19]} is outside 00..59")

    pos = 19
    fraction = 0
    if pos < n and text[pos] == ".":
        tail = text[pos + 1 :]
        count = len(tail) - len(tail.lstrip("0123456789"))
        end = pos + 1 + count
        if count == 0:
            raise _fail(text, "'.' must be followed by fraction digits")
        if count > 7:
            raise _fail(
                text,
                f"{count} fraction digits; .NET keeps 7 (100 ns ticks) and would round the rest",
            )
        fraction = int(text[pos + 1 : end]) * 10 ** (7 - count)
        pos = end

    ticks = (days * 86_400 + hour * 3600 + minute * 60 + second) * TICKS_PER_SECOND + fraction

    rest = n - pos
    if rest == 0:
        return _make(ticks, _UNSPECIFIED, None)
    zone = text[pos]
    if rest == 1 and (zone == "Z" or zone == "z"):
        return _make(ticks, _UTC, None)
    if rest == 6:
        offset = _OFFSET_MINUTES.get(text[pos:])
        if offset is not None:
            return _make(ticks, _LOCAL, offset)
        if (
            (zone == "+" or zone == "-")
            and text[pos + 3] == ":"
            and (text[pos + 1 : pos + 3] + text[pos + 4 : pos + 6]).isdigit()
            and text.isascii()
        ):
            if int(text[pos + 4 : pos + 6]) > 59:
                raise _fail(text, f"offset minutes {text[pos + 4 : pos + 6]} are outside 00..59")
            raise _fail(text, f"offset {text[pos:]} is outside ±14:00")
    raise _fail(text, _SHAPE)


#: The other xs:dateTime-family texts ``XmlConvert.ToDateTime(s, RoundtripKind)`` reads without
#: whatever today's date is (Mono 6.8, the XsdDateTime parser): a dateTime with any number of
#: fraction digits, a date, a gYearMonth, a gYear, a gMonthDay (year 1904); ``Z``, ``±hh:mm``
#: or nothing after. (gDay ``---06``, gMonth ``--05`` and a time alone take today's year or date.)
_XSD_OTHER: Final = re.compile(
    r"(?:([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2})"
    r"(?:T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]+))?)?)?)?"
    r"|--([0-9]{2})-([0-9]{2}))"
    r"([Zz]|[+-][0-9]{2}:[0-9]{2})?",
    re.ASCII,
)


def parse_xsd_datetime_rounded(text: str) -> tuple[int, DateTimeKind, int | None] | None:
    """The ticks, kind and offset (UTC for ``Z``, Local with the offset for ``±hh:mm`` as
    :func:`parse_datetime` reads it, else Unspecified) ``XmlConvert.ToDateTime(text,
    RoundtripKind)`` reads from one of the :data:`_XSD_OTHER` forms, as Mono reads them:
    midnight for a date, the 1st for a gYearMonth, January 1st for a gYear, 1904 for a
    gMonthDay; fraction digits past the 7th rounded to the nearest tick, a tie (``5`` then
    zeros) to the even tick, carrying into the second. None for any other text; ValueError for
    a date or time that does not exist or a rounding past 9999-12-31T23:59:59.9999999."""
    match = _XSD_OTHER.fullmatch(text)
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction, md_month, md_day, zone = match.groups()
    if md_month is not None:
        year, month, day = "1904", md_month, md_day
    y, mo, d = int(year), int(month or 1), int(day or 1)
    problem = _date_problem(y, mo, d)
    if not problem and hour is not None:
        if int(hour) > 23:
            problem = f"hour {hour} is outside 00..23"
        elif int(minute) > 59:
            problem = f"minute {minute} is outside 00..59"
        elif int(second) > 59:
            problem = f"second {second} is outside 00..59"
    if problem:
        raise _fail(text, problem)
    seconds = _days_before(y, mo, d) * 86_400
    if hour is not None:
        seconds += int(hour) * 3600 + int(minute) * 60 + int(second)
    ticks = seconds * TICKS_PER_SECOND
    if fraction:
        ticks += int(fraction[:7].ljust(7, "0"))
        rest = fraction[7:]
        if rest and (rest[0] > "5" or (rest[0] == "5" and (rest.strip("0") != "5" or ticks & 1))):
            ticks += 1  # XsdDateTime: above half up, a tie to the even tick
    if ticks > MAX_TICKS:
        raise _fail(text, "rounded past 9999-12-31T23:59:59.9999999")
    if not zone:
        return ticks, _UNSPECIFIED, None
    if zone in "Zz":
        return ticks, _UTC, None
    offset = _OFFSET_MINUTES.get(zone)
    if offset is None:
        raise _fail(text, f"offset {zone} is outside ±14:00 or its minutes above 59")
    return ticks, _LOCAL, offset


def parse_datetime_xml(text: str) -> DateTime:
    """A DateTime element's text (trimmed) as DataContractSerializer reads it: what
    :func:`parse_datetime` reads, and the other forms Mono reads whatever the date and the
    server's zone (:func:`parse_xsd_datetime_rounded`: a date, ``2024-05Z``, ``2024Z``,
    ``--05-06Z``, more than 7 fraction digits rounded), kind Utc with ``Z``, Local keeping an
    offset ``±hh:mm`` (as for the dateTime form), else Unspecified."""
    try:
        return parse_datetime(text)
    except ValueError as exc:
        other = parse_xsd_datetime_rounded(text)
        if other is None:
            raise xsd_shape_error(exc) from None
        return _make(*other)


#: the texts DataContract XML reads for a DateTime (parse_datetime_xml)
XSD_SHAPE: Final = (
    "expected yyyy-MM-ddTHH:mm:ss[.fffffff…], yyyy-MM-dd, yyyy-MM, yyyy or --MM-dd, each"
    " followed by Z, ±HH:mm or nothing"
)


def xsd_shape_error(error: ValueError) -> ValueError:
    """``error`` of :func:`parse_datetime`, its generic shape replaced by the forms XML
    reads (other reasons, a day or an hour out of range, kept)."""
    message = str(error)
    if message.endswith(_SHAPE):
        return ValueError(message.removesuffix(_SHAPE) + XSD_SHAPE)
    return error


# ----------------------------------------------------------------------------- "\/Date(ms)\/"

#: 1970-01-01T00:00:00 in ticks: the origin of the Microsoft JSON date's milliseconds
UNIX_EPOCH_TICKS: Final = 621_355_968_000_000_000
_TICKS_PER_MS: Final = 10_000
_INT64_LIMIT: Final = 2**63
#: long.Parse(s, NumberStyles.Integer): white space (U+0009..U+000D, space) around, a sign
_MS_DATE_NUMBER: Final = re.compile(r"[\t\n\v\f\r ]*[+-]?([0-9]+)[\t\n\v\f\r ]*", re.ASCII)
_MS_DATE_OFFSET: Final = re.compile(r"([+-])([0-9]{2})([0-9]{2})?", re.ASCII)


def parse_microsoft_date(text: str) -> DateTime | None:
    """A Microsoft JSON date (``"\\/Date(1234567890000)\\/"``, ``"\\/Date(ms+hhmm)\\/"``) as
    Json.NET 6.0.8 reads it into a DateTime member by default (Mono), or None where Json.NET
    does not take ``text`` for one (then it is an ordinary string: refused in a DateTime member,
    kept as a string in an ``object`` member). In JSON ``\\/`` is ``/``: the decoded text is
    ``/Date(...)/``.

    - No offset: kind Utc, ``ms`` milliseconds after 1970-01-01T00:00:00Z (``ms`` as
      ``long.Parse`` reads it: white space around, a sign; negative before 1970).
    - An offset (``+hhmm``, ``-hhmm``; Json.NET also reads ``+hh``): Json.NET makes the same
      instant a Local time *in the server's zone* and ignores the offset's value (it reads
      ``+9999``). netcontract keeps the instant with the offset written, as for ISO dates:
      kind Local with that offset (``+hh`` is hh:00). Refused: offsets beyond ±14:00, minutes
      above 59, other shapes (README, "Behaviours chosen where .NET is lossy").
    - Out of the DateTime range, or ``/Date()/``: refused (Json.NET throws
      ArgumentOutOfRangeException; where ``ms * 10000`` overflows Int64 its ticks wrap around
      silently instead, ``/Date(9223372036854775807)/`` giving 1969-12-31T23:59:59.999Z on Mono:
      netcontract refuses these too).
    """
    if not (text.startswith("/Date(") and text.endswith(")/")):
        return None
    inner = text[6:-2]
    if not inner:
        # Mono: Json.NET throws ArgumentOutOfRangeException (in an object member too)
        raise ValueError(f"{show_text(text)} is not a valid DateTime: no milliseconds")
    cut = inner.find("+", 1)
    if cut == -1:
        cut = inner.find("-", 1)
    number = inner if cut == -1 else inner[:cut]
    m = _MS_DATE_NUMBER.fullmatch(number)
    if m is None:
        return None
    ms = int(number)
    if not -_INT64_LIMIT <= ms < _INT64_LIMIT:
        return None  # long.Parse overflows: Json.NET leaves the string as it is
    ticks = UNIX_EPOCH_TICKS + ms * _TICKS_PER_MS
    shown = show_text(text)
    if not MIN_TICKS <= ticks <= MAX_TICKS:
        raise ValueError(f"{shown} is outside the DateTime range (0001-01-01 to 9999-12-31)")
    if cut == -1:
        return _make(ticks, _UTC, None)
    o = _MS_DATE_OFFSET.fullmatch(inner[cut:])
    if o is None:
        raise ValueError(f"{shown}: the offset must be +hhmm or -hhmm (netcontract keeps it)")
    hours, minutes = int(o.group(2)), int(o.group(3) or "0")
    offset = hours * 60 + minutes
    if minutes > 59 or offset > MAX_OFFSET_MINUTES:
        raise ValueError(
            f"{shown}: the offset is outside ±14:00 or its minutes above 59 (Json.NET ignores"
            " it and converts to the server's zone; netcontract keeps it)"
        )
    if o.group(1) == "-":
        offset = -offset
    local = ticks + offset * TICKS_PER_MINUTE
    if not MIN_TICKS <= local <= MAX_TICKS:
        raise ValueError(f"{shown}: the local time is outside the DateTime range")
    return _make(local, _LOCAL, offset)


#: the pure parse_datetime, which the pure parse_datetime_json calls: the reference of the
#: compiled parse_datetime_json is pure all through (the public name is rebound below)
_parse_datetime_pure: Final = parse_datetime


def parse_datetime_json(text: str) -> DateTime:
    """A DateTime member's JSON string as Json.NET reads it by default: the ISO text
    (:func:`parse_datetime`) or a Microsoft date (:func:`parse_microsoft_date`)."""
    if text[:6] == "/Date(":
        value = parse_microsoft_date(text)
        if value is not None:
            return value
    return _parse_datetime_pure(text)


def net_fraction_ticks(digits: str) -> int:
    """The ticks .NET's ``DateTime.Parse``/``DateTimeOffset.Parse`` give the fraction digits
    after a seconds' ``.`` (Mono; DateTimeParse.ParseFraction, then ``AddTicks((long)Math.Round(
    fraction * TicksPerSecond))``): each digit added as a double times a power of 0.1 (itself
    multiplied by 0.1 per digit), the sum times 10,000,000 rounded half to even. Exact for up to
    7 digits (every one of them checked); for more it is not the decimal rounding
    (``.00000005`` is 1 tick, ``.00000025`` 3 ticks): 10,000,000 for ``.99999999`` (a carry)."""
    fraction = 0.0
    power = 0.1
    for digit in digits:
        fraction += (ord(digit) - 48) * power
        power *= 0.1
    return round(fraction * 10_000_000)


#: the ISO text with more than 7 fraction digits, which Json.NET 6.0.8's own date parser
#: leaves to DateTime.TryParse
_JSON_MANY_DIGITS: Final = re.compile(
    r"([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2})\.([0-9]{8,})([Zz]|[+-][0-9]{2}:[0-9]{2})?",
    re.ASCII,
)


def parse_datetime_json_rounded(text: str) -> DateTime:
    """A DateTime member's JSON string as Json.NET 6.0.8 reads it (Mono): the texts of
    :func:`parse_datetime_json`, and the ISO text with more than 7 fraction digits, which
    Json.NET's own parser leaves to ``DateTime.TryParse(s, InvariantCulture, RoundtripKind)``:
    the fraction rounded as :func:`net_fraction_ticks` rounds it (``.12345678`` is
    ``.1234568``, ``.00000025`` is ``.0000003``, ``.99999999`` carries into the next second),
    the kind as for 7 digits; exactly 9 digits without a zone are cut to 7, as Json.NET reads
    them (``.333713659`` is ``.3337136``); refused when the carry passes
    9999-12-31T23:59:59.9999999 (Mono: ArgumentOutOfRangeException)."""
    try:
        return parse_datetime_json(text)
    except ValueError:
        match = _JSON_MANY_DIGITS.fullmatch(text)
        if match is None:
            raise
    whole = _parse_datetime_pure(match[1] + (match[3] or ""))
    digits = match[2]
    if len(digits) == 9 and match[3] is None:
        # Mono: Json.NET reads exactly 9 digits without a zone cut to 7 (not through
        # DateTime.TryParse, which rounds them): 80 drawn texts per digit count, 8..15
        fraction = int(digits[:7])
    else:
        fraction = net_fraction_ticks(digits)
    ticks = whole.ticks + fraction
    if ticks > MAX_TICKS:
        raise _fail(text, "its fraction rounds past 9999-12-31T23:59:59.9999999")
    return _make(ticks, whole.kind, whole.offset_minutes)


# ---------------------------------------------------------------------------------------------
# The compiled codecs (netcontract.clr.compiled): same results, the functions above as fallback
# ---------------------------------------------------------------------------------------------

PURE: Final = {
    "parse_datetime": parse_datetime,
    "format_datetime": format_datetime,
    "parse_datetime_json": parse_datetime_json,
}
"""The pure-Python reference of each codec that has a compiled version."""

if _extension is not None:  # registered even when not in use, for the differential tests
    for _name, _pure in PURE.items():
        _extension.set_fallback(_name, _pure)
    _extension.setup_datetime(
        DateTime,
        _UNSPECIFIED,
        _UTC,
        _LOCAL,
        DateTime.__dict__["_ticks"],
        DateTime.__dict__["_kind"],
        DateTime.__dict__["_offset"],
    )
if _speedups is not None:
    parse_datetime = _speedups.parse_datetime
    format_datetime = _speedups.format_datetime
    parse_datetime_json = _speedups.parse_datetime_json
