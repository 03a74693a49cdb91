"""``System.DateTimeOffset``: a clock time in 100 ns ticks and its offset from UTC in minutes.

DataContractSerializer writes it as the complex type ``DateTimeOffset`` of namespace
``http://schemas.datacontract.org/2004/07/System``: ``<DateTime>`` (the UTC time, ``Z``) and
``<OffsetMinutes>`` (an Int16), both in that namespace. Json.NET writes the clock time with the
offset (``2024-05-06T13:45:07.1234567+02:00``, ``+00:00`` for UTC). Every fact here is proven on
Mono: ``tests/netcontract/clr/test_datetimeoffset.py``.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import ClassVar, Final, final

from netcontract.clr.datetime import (
    MAX_OFFSET_MINUTES,
    MAX_TICKS,
    MIN_TICKS,
    TICKS_PER_MINUTE,
    DateTime,
    DateTimeKind,
    format_datetime,
    net_fraction_ticks,
    parse_datetime,
    parse_microsoft_date,
    parse_xsd_datetime_rounded,
    xsd_shape_error,
)
from netcontract.clr.numbers import NET_TRIM, show_text

__all__ = [
    "DateTimeOffset",
    "format_datetimeoffset_json",
    "parse_datetimeoffset_converter",
    "parse_datetimeoffset_json",
    "parse_datetimeoffset_key",
    "parse_datetimeoffset_parts",
]

_UTC: Final = DateTimeKind.UTC
_LOCAL: Final = DateTimeKind.LOCAL
_TICKS_PER_MICROSECOND: Final = 10
_EPOCH: Final = _dt.datetime(1, 1, 1)


@final
class DateTimeOffset:
    """An immutable .NET ``DateTimeOffset``: ``DateTimeOffset(ticks, offset_minutes=0)``.

    ``ticks`` is the clock time (100 ns since 0001-01-01T00:00:00, as .NET's ``Ticks``),
    ``offset_minutes`` its offset from UTC (-840..840, ±14:00); both the clock time and the UTC
    time (``utc_ticks``) must be within 0001-01-01..9999-12-31, as in .NET. Two values are equal
    when both the time and the offset are (``.NET``'s ``Equals`` compares the instant only;
    netcontract keeps what is written).
    """

    __slots__ = ("_offset", "_ticks")

    _ticks: int
    _offset: int
    MIN_VALUE: ClassVar[DateTimeOffset]  #: ``DateTimeOffset.MinValue``, 0001-01-01T00:00:00+00:00
    MAX_VALUE: ClassVar[
        DateTimeOffset
    ]  #: ``DateTimeOffset.MaxValue``, 9999-12-31T23:59:59.9999999+00:00

    def __init__(self, ticks: int, offset_minutes: int = 0) -> None:
        if type(ticks) is not int:
            raise TypeError(f"ticks must be an int, not {type(ticks).__name__}")
        if type(offset_minutes) is not int:
            raise TypeError(f"offset_minutes must be an int, not {type(offset_minutes).__name__}")
        if not -MAX_OFFSET_MINUTES <= offset_minutes <= MAX_OFFSET_MINUTES:
            raise ValueError(f"offset {offset_minutes} minutes is outside ±840 (±14:00)")
        if not MIN_TICKS <= ticks <= MAX_TICKS:
            raise ValueError(f"ticks {ticks} is outside {MIN_TICKS}..{MAX_TICKS}")
        utc = ticks - offset_minutes * TICKS_PER_MINUTE
        if not MIN_TICKS <= utc <= MAX_TICKS:
            raise ValueError(
                f"the UTC time of ticks {ticks} with offset {offset_minutes} minutes is outside"
                " 0001-01-01..9999-12-31"
            )
        self._ticks = ticks
        self._offset = offset_minutes

    @property
    def ticks(self) -> int:
        """The clock time's ticks (.NET ``Ticks``)."""
        return self._ticks

    @property
    def offset_minutes(self) -> int:
        return self._offset

    @property
    def utc_ticks(self) -> int:
        """The UTC time's ticks (.NET ``UtcTicks``)."""
        return self._ticks - self._offset * TICKS_PER_MINUTE

    def __eq__(self, other: object) -> bool:
        return (
            type(other) is DateTimeOffset
            and other._ticks == self._ticks
            and other._offset == self._offset
        )

    def __hash__(self) -> int:
        return hash((DateTimeOffset, self._ticks, self._offset))

    def __repr__(self) -> str:
        return f"DateTimeOffset({self._ticks}, {self._offset})  # {self.isoformat()}"

    def __str__(self) -> str:
        return self.isoformat()

    def __reduce__(self) -> tuple[object, ...]:
        return (DateTimeOffset, (self._ticks, self._offset))

    def isoformat(self) -> str:
        """The text Json.NET writes: ``2024-05-06T13:45:07.1234567+02:00``."""
        return format_datetimeoffset_json(self)

    @classmethod
    def parse(cls, text: str) -> DateTimeOffset:
        """Read the text :meth:`isoformat` writes (an offset or ``Z`` is needed)."""
        return parse_datetimeoffset_json(text)

    @classmethod
    def from_datetime(cls, dt: _dt.datetime) -> DateTimeOffset:
        """The DateTimeOffset of an aware :class:`datetime.datetime` (exact: a microsecond is 10
        ticks); its offset must be a whole number of minutes within ±14:00."""
        if not isinstance(dt, _dt.datetime):
            raise TypeError(f"expected a datetime.datetime, not {type(dt).__name__}")
        offset = dt.utcoffset()
        if offset is None:
            raise ValueError("a naive datetime has no offset: give it a tzinfo")
        seconds = offset.total_seconds()
        if offset.microseconds or seconds % 60:
            raise ValueError(f"the offset {offset} is not a whole number of minutes")
        clock = dt.replace(tzinfo=None) - _EPOCH
        ticks = (clock.days * 86_400 + clock.seconds) * 10_000_000 + clock.microseconds * 10
        return cls(ticks, int(seconds) // 60)

    def to_datetime(self, *, truncate: bool = False) -> _dt.datetime:
        """This value as an aware :class:`datetime.datetime` (a fixed-offset tzinfo). It holds
        microseconds: a non-zero 100 ns digit raises ValueError unless ``truncate=True`` (then
        that digit is dropped)."""
        if self._ticks % _TICKS_PER_MICROSECOND and not truncate:
            raise ValueError(
                f"{self.isoformat()} has a 100 ns digit that datetime.datetime cannot hold;"
                " pass truncate=True to drop it"
            )
        tz = _dt.timezone(_dt.timedelta(minutes=self._offset))
        clock = _EPOCH + _dt.timedelta(microseconds=self._ticks // _TICKS_PER_MICROSECOND)
        return clock.replace(tzinfo=tz)


DateTimeOffset.MIN_VALUE = DateTimeOffset(MIN_TICKS, 0)
DateTimeOffset.MAX_VALUE = DateTimeOffset(MAX_TICKS, 0)


def format_datetimeoffset_json(value: DateTimeOffset) -> str:
    """Json.NET: the clock time and the offset, the fraction's trailing zeros cut."""
    return format_datetime(DateTime(value.ticks, _LOCAL, offset_minutes=value.offset_minutes))


def utc_text(value: DateTimeOffset) -> str:
    """The ``<DateTime>`` child DataContractSerializer writes: the UTC time with ``Z``."""
    return format_datetime(DateTime(value.utc_ticks, _UTC))


def _checked(ticks: int, offset: int, shown: str) -> DateTimeOffset:
    try:
        return DateTimeOffset(ticks, offset)
    except ValueError:
        raise ValueError(
            f"{shown} is outside the DateTimeOffset range (clock and UTC times within"
            " 0001-01-01..9999-12-31)"
        ) from None


#: what .NET's date parser skips as white space (Char.IsWhiteSpace)
_WS: Final = NET_TRIM
_W: Final = "[" + _WS + "]"

#: The other texts with an offset that Json.NET 6.0.8 reads into a DateTimeOffset exactly
#: (its TryParseDateIso, then DateTimeOffset.TryParse with the invariant culture; Mono):
#: white space around and before the offset, ``t`` or white space for the ``T``, a one-digit
#: month or day, one-digit clock fields after white space (not after ``T``), no seconds, a
#: date alone (midnight), an offset ``±h``, ``±hh``, ``±hmm``, ``±hhmm``, ``±h:m`` ... ``±hh:mm``,
#: NULs at the end; more than 7 fraction digits (rounded: :func:`_lenient`)
_LENIENT: Final = re.compile(
    _W + r"*([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
    r"(?:[Tt]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(\.[0-9]+)?)?"
    r"|"
    + _W
    + r"+([0-9]{1,2}):([0-9]{1,2})(?::([0-9]{1,2})(\.[0-9]+)?)?)?"
    + _W
    + r"*(?:([Zz])|([+-])([0-9]{1,2})(?::([0-9]{1,2})|([0-9]{2}))?)"
    + _W
    + "*",
)


#: A ``T`` form with an offset ``±…``, then a NUL, white space and NULs: the ISO 8601 path of
#: ``DateTimeOffset.TryParse`` (Mono) leaves its index one character past the offset, which it
#: never looks at, then skips white space and takes NULs to the end; the character skipped
#: may be anything (``+01:00X`` reads as ``+01:00``): netcontract takes a NUL there (white
#: space is the ordinary case), and reads ``…+01:00\u0000 `` as Mono does; not after ``Z``
#: or without ``T`` (Mono refuses ``…Z\u0000 ``, ``2020-01-01 00:00+01:00\u0000 ``)
_NUL_AFTER_OFFSET: Final = re.compile(
    "(?P<head>"
    + _W
    + r"*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}[Tt][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?"
    + _W
    + r"*[+-][0-9]{1,2}(?::[0-9]{1,2}|[0-9]{2})?)\x00"
    + _W
    + "*\x00*"
)


def _lenient(text: str) -> tuple[str, int] | None:
    """The round-trip text of one of the :data:`_LENIENT` forms (None for any other), and the
    ticks of a fraction of more than 7 digits, left out of the text: rounded as
    ``DateTimeOffset.TryParse`` rounds them (:func:`~netcontract.clr.datetime.net_fraction_ticks`;
    ``.12345678`` is 1,234,568 ticks, ``.99999999`` a whole second)."""
    # NULs at the very end (after white space: Mono refuses white space after them)
    match = _LENIENT.fullmatch(text.rstrip("\x00"))
    if match is None:
        after_offset = _NUL_AFTER_OFFSET.fullmatch(text)
        return None if after_offset is None else _lenient(after_offset["head"])
    year, month, day, h1, m1, s1, f1, h2, m2, s2, f2, zulu, sign, oh, om1, om2 = match.groups()
    hours, minutes, seconds, fraction = (h1, m1, s1, f1) if h1 else (h2, m2, s2, f2)
    extra = 0
    if fraction and len(fraction) > 8:  # "." and more than 7 digits
        extra = net_fraction_ticks(fraction[1:])
        fraction = None
    clock = f"T{int(hours or 0):02}:{int(minutes or 0):02}:{int(seconds or 0):02}{fraction or ''}"
    offset = "Z" if zulu else f"{sign}{int(oh):02}:{int(om1 or om2 or 0):02}"
    return f"{year}-{int(month):02}-{int(day):02}{clock}{offset}", extra


def parse_datetimeoffset_json(text: str) -> DateTimeOffset:
    """A DateTimeOffset member's JSON string as Json.NET reads it (Mono):

    - ISO text with an offset (the offset kept) or ``Z`` (+00:00);
    - a Microsoft date: ``"\\/Date(ms)\\/"`` (+00:00), ``"\\/Date(ms+hhmm)\\/"`` (that offset,
      the instant ``ms``);
    - the ISO text with spaces or tabs around, ``t`` or spaces for the ``T``, no seconds
      (``2020-01-01T00:00+01:00``), a date alone with an offset (midnight), spaces before the
      offset, an offset ``±hh`` or ``±hhmm`` (``2020-01-01T00:00:00+01``): what Json.NET's
      ``DateTimeOffset.TryParse`` reads exactly (Mono:
      ``tests/interop/test_json_number_strings_interop.py``).

      ``2020-1-2T03:04:05+1:00``, ``2020-01-02 3:4:5 +130``, NULs at the end: the forms of
      :data:`_LENIENT`.

      More than 7 fraction digits, in any of these forms: rounded as ``DateTimeOffset.TryParse``
      rounds them (:func:`~netcontract.clr.datetime.net_fraction_ticks`: ``.12345678`` is
      ``.1234568``, ``.00000025`` is ``.0000003``, ``.99999999`` carries into the next second).
      A NUL right after a ``±`` offset of a ``T`` form, then white space and NULs
      (:data:`_NUL_AFTER_OFFSET`).

    Refused although Json.NET reads them: no offset (Json.NET takes the server's zone), and the
    other texts
    ``DateTimeOffset.TryParse`` reads (``01/02/2020 00:00 +01:00``, month names, RFC 1123,
    a three-digit year, ``Z`` or another letter after an offset: ``+01:00X``).

    Dictionary keys and form values: :func:`parse_datetimeoffset_key`,
    :func:`parse_datetimeoffset_converter`.
    """
    shown = show_text(text)
    if text[:6] == "/Date(":
        value = parse_microsoft_date(text)
        if value is not None:
            return _checked(value.ticks, value.offset_minutes or 0, shown)
    extra = 0
    try:
        try:
            value = parse_datetime(text)
        except ValueError:
            lenient = _lenient(text)
            if lenient is None:
                raise
            canonical, extra = lenient
            try:
                value = parse_datetime(canonical)
            except ValueError as inner:  # Feb 30, +15:00...: shown as written
                raise ValueError(str(inner).replace(show_text(canonical), shown, 1)) from None
    except ValueError as exc:
        # DateTime's "'…' is not a valid DateTime: why" names this type instead (the text
        # shown may hold "DateTime" too: only the name after it is replaced)
        head = f"{shown} is not a valid DateTime"
        message = str(exc)
        if message.startswith(head):
            message = f"{shown} is not a valid DateTimeOffset{message.removeprefix(head)}"
        raise ValueError(message) from None
    if value.kind is DateTimeKind.UNSPECIFIED:
        raise ValueError(
            f"{shown} has no offset: Json.NET would take the server's zone (write Z or ±HH:mm)"
        )
    return _checked(value.ticks + extra, value.offset_minutes or 0, shown)


def parse_datetimeoffset_converter(text: str) -> DateTimeOffset:
    """``DateTimeOffsetConverter.ConvertFrom`` with the invariant culture, as Mono runs it for a
    Web API form value and a Json.NET dictionary key: the text ``String.Trim``-med, the empty
    text ``DateTimeOffset.MinValue``, else ``DateTimeOffset.Parse``: the forms
    :func:`parse_datetimeoffset_json` reads (white space after trailing NULs trimmed too), not
    Microsoft dates (``Parse`` does not know them). Refused as there: no offset (the server's
    zone), the culture's other layouts."""
    trimmed = text.strip(_WS)
    if not trimmed:
        return DateTimeOffset.MIN_VALUE
    if trimmed[:6] == "/Date(":
        raise ValueError(
            f"{show_text(text)} is not a valid DateTimeOffset: DateTimeOffset.Parse does not"
            " read a Microsoft date here"
        )
    return parse_datetimeoffset_json(trimmed)


def parse_datetimeoffset_key(text: str) -> DateTimeOffset:
    """A Json.NET (6.0.8) dictionary key of type DateTimeOffset, as Mono reads it: Json.NET's
    own date parser first (the ISO text, ``\\/Date(ms±hhmm)\\/``), then the type's
    converter (:func:`parse_datetimeoffset_converter`: ``""`` and white space are MinValue)."""
    if text[:6] == "/Date(" and parse_microsoft_date(text) is not None:
        return parse_datetimeoffset_json(text)
    return parse_datetimeoffset_converter(text)


def parse_datetimeoffset_parts(date_time: str, offset_minutes: int) -> DateTimeOffset:
    """The value of the XML children as DataContractSerializer reads them (Mono 6.8): the
    ``<DateTime>`` text (trimmed) read by ``XmlConvert.ToDateTime(s, RoundtripKind)``, then

    - ``Z`` (what .NET writes): the UTC time, shown at the offset;
    - no zone: the clock time of the offset (``DateTimeOffsetAdapter`` takes an Unspecified
      DateTime as such);
    - the xs:dateTime family's other forms without an offset: a date (``2024-05-06Z``,
      midnight), a gYearMonth, a gYear, a gMonthDay (year 1904), more than 7 fraction digits
      (rounded to the nearest tick, a tie to the even one), as
      :func:`~netcontract.clr.datetime.parse_xsd_datetime_rounded` reads them.

    Refused although .NET reads them: an offset ``±hh:mm`` (``+00:00`` too), which .NET converts
    into the server's zone and back: the instant read depends on the zone's history
    (``1883-11-18T17:00:00+00:00`` reads three minutes early under ``America/New_York``) and
    is clamped near 0001-01-01 and 9999-12-31; a gDay, a gMonth or a time alone, which take
    today's date. ``<OffsetMinutes>`` within ±840 and the clock and UTC times in range."""
    text = date_time.strip(" \t\r\n")
    try:
        value = parse_datetime(text)
        ticks, kind = value.ticks, value.kind
    except ValueError as exc:
        other = parse_xsd_datetime_rounded(text)
        if other is None:
            raise xsd_shape_error(exc) from None
        ticks, kind, _ = other
    if kind is _LOCAL:
        raise ValueError(
            f"DateTime {show_text(date_time)} has an offset: .NET converts it into the server's"
            " time zone and back, which moves some instants (write Z, as .NET does)"
        )
    if not -MAX_OFFSET_MINUTES <= offset_minutes <= MAX_OFFSET_MINUTES:
        raise ValueError(f"OffsetMinutes {offset_minutes} is outside ±840 (±14:00)")
    if kind is _UTC:
        ticks += offset_minutes * TICKS_PER_MINUTE
    return _checked(
        ticks, offset_minutes, f"{show_text(date_time)} with OffsetMinutes {offset_minutes}"
    )
