"""``System.TimeSpan``: a signed count of 100 ns ticks, and its two wire texts.

DataContractSerializer writes ``XmlConvert.ToString(TimeSpan)``, an ``xs:duration`` with days
and no years or months (``P1DT2H3M4.567S``, ``-PT1.5S``, ``PT0S``), and reads
``XmlConvert.ToTimeSpan`` (years count 365 days, months 30; digits past the seventh of the
seconds' fraction are dropped; each number at most 2147483647). Json.NET 6 writes
``TimeSpan.ToString()`` (``[-][d.]hh:mm:ss[.fffffff]``) and reads ``TimeSpan.Parse``.
Every fact here is proven on Mono: ``tests/netcontract/clr/test_timespan.py``.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import ClassVar, Final, final

__all__ = [
    "MAX_TICKS",
    "MIN_TICKS",
    "TimeSpan",
    "format_timespan_json",
    "format_timespan_xml",
    "parse_timespan_json",
    "parse_timespan_xml",
]

MIN_TICKS: Final = -(2**63)  #: ``TimeSpan.MinValue.Ticks``
MAX_TICKS: Final = 2**63 - 1  #: ``TimeSpan.MaxValue.Ticks``
TICKS_PER_SECOND: Final = 10_000_000
TICKS_PER_MINUTE: Final = 60 * TICKS_PER_SECOND
TICKS_PER_HOUR: Final = 60 * TICKS_PER_MINUTE
TICKS_PER_DAY: Final = 24 * TICKS_PER_HOUR
_INT32_MAX: Final = 2**31 - 1


@final
class TimeSpan:
    """An immutable .NET ``TimeSpan``: ``TimeSpan(ticks)``, ticks of 100 ns in
    ``MIN_TICKS..MAX_TICKS`` (negative durations included)."""

    __slots__ = ("_ticks",)

    _ticks: int
    MIN_VALUE: ClassVar[TimeSpan]  #: ``TimeSpan.MinValue``, -10675199.02:48:05.4775808
    MAX_VALUE: ClassVar[TimeSpan]  #: ``TimeSpan.MaxValue``, 10675199.02:48:05.4775807
    ZERO: ClassVar[TimeSpan]  #: ``TimeSpan.Zero``, the default of a TimeSpan member

    def __init__(self, ticks: int) -> None:
        if type(ticks) is not int:
            raise TypeError(f"ticks must be an int, not {type(ticks).__name__}")
        if not MIN_TICKS <= ticks <= MAX_TICKS:
            raise ValueError(f"ticks {ticks} is outside {MIN_TICKS}..{MAX_TICKS}")
        self._ticks = ticks

    @property
    def ticks(self) -> int:
        return self._ticks

    def __eq__(self, other: object) -> bool:
        return type(other) is TimeSpan and other._ticks == self._ticks

    def __hash__(self) -> int:
        return hash((TimeSpan, self._ticks))

    def __lt__(self, other: TimeSpan) -> bool:
        if type(other) is not TimeSpan:
            return NotImplemented
        return self._ticks < other._ticks

    def __repr__(self) -> str:
        return f"TimeSpan({self._ticks})  # {format_timespan_json(self)}"

    def __str__(self) -> str:
        return format_timespan_json(self)

    def __reduce__(self) -> tuple[object, ...]:
        return (TimeSpan, (self._ticks,))

    @classmethod
    def from_timedelta(cls, delta: _dt.timedelta) -> TimeSpan:
        """The TimeSpan of ``delta`` (exact: a microsecond is 10 ticks); ValueError when it is
        outside TimeSpan's range (timedelta reaches 999999999 days, TimeSpan 10675199)."""
        if not isinstance(delta, _dt.timedelta):
            raise TypeError(f"expected a datetime.timedelta, not {type(delta).__name__}")
        micros = (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
        return cls(micros * 10)

    def to_timedelta(self, *, truncate: bool = False) -> _dt.timedelta:
        """This duration as a :class:`datetime.timedelta`, which holds microseconds: when the
        ticks have a non-zero 100 ns digit this raises ValueError unless ``truncate=True``
        (then that digit is dropped, towards zero)."""
        ticks = self._ticks
        if ticks % 10 and not truncate:
            raise ValueError(
                f"{format_timespan_json(self)} has a 100 ns digit that datetime.timedelta"
                " cannot hold; pass truncate=True to drop it"
            )
        micros = abs(ticks) // 10
        return _dt.timedelta(microseconds=-micros if ticks < 0 else micros)


TimeSpan.MIN_VALUE = TimeSpan(MIN_TICKS)
TimeSpan.MAX_VALUE = TimeSpan(MAX_TICKS)
TimeSpan.ZERO = TimeSpan(0)


def _parts(ticks: int) -> tuple[str, int, int, int, int, int]:
    sign = "-" if ticks < 0 else ""
    magnitude = abs(ticks)
    days, rem = divmod(magnitude, TICKS_PER_DAY)
    hours, rem = divmod(rem, TICKS_PER_HOUR)
    minutes, rem = divmod(rem, TICKS_PER_MINUTE)
    seconds, fraction = divmod(rem, TICKS_PER_SECOND)
    return sign, days, hours, minutes, seconds, fraction


def format_timespan_xml(value: TimeSpan) -> str:
    """``XmlConvert.ToString(TimeSpan)``: ``P1DT2H3M4.567S``, ``-PT1.5S``, ``PT0S``."""
    ticks = value.ticks
    if ticks == 0:
        return "PT0S"
    sign, days, hours, minutes, seconds, fraction = _parts(ticks)
    out = [sign, "P"]
    if days:
        out.append(f"{days}D")
    if hours or minutes or seconds or fraction:
        out.append("T")
        if hours:
            out.append(f"{hours}H")
        if minutes:
            out.append(f"{minutes}M")
        if seconds or fraction:
            out.append(str(seconds))
            if fraction:
                out.append("." + f"{fraction:07d}".rstrip("0"))
            out.append("S")
    return "".join(out)


def format_timespan_json(value: TimeSpan) -> str:
    """``TimeSpan.ToString()`` (format "c"), as Json.NET writes it: ``1.02:03:04.5670000``."""
    sign, days, hours, minutes, seconds, fraction = _parts(value.ticks)
    head = f"{sign}{days}." if days else sign
    tail = f".{fraction:07d}" if fraction else ""
    return f"{head}{hours:02d}:{minutes:02d}:{seconds:02d}{tail}"


_XML_DURATION: Final = re.compile(
    r"(-)?P(?:([0-9]+)Y)?(?:([0-9]+)M)?(?:([0-9]+)D)?"
    r"(?:(T)(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]*)(?:\.([0-9]*))?(S))?)?"
)


def _component(digits: str | None, text: str) -> int:
    if not digits:
        return 0
    number = int(digits)
    if number > _INT32_MAX:
        raise ValueError(f"{text!r} is not a TimeSpan: {digits} is too large a number")
    return number


def parse_timespan_xml(text: str) -> TimeSpan:
    """``XmlConvert.ToTimeSpan`` (white space around it allowed)."""
    stripped = text.strip(" \t\r\n")
    match = _XML_DURATION.fullmatch(stripped) if len(stripped) <= 200 else None
    if match is None:
        raise ValueError(f"{text[:80]!r} is not an xs:duration (e.g. P1DT2H3M4.567S, -PT1.5S)")
    neg, years, months, days, t, hours, minutes, seconds, fraction, s = match.groups()
    time_parts = (hours, minutes, s)
    # "P" alone, "PT" and "P1DT" are refused (Mono): something after P and after T; an S
    # without digits ("PT.S", "PT0.S") is zero seconds
    if t is not None and not any(time_parts):
        raise ValueError(f"{text!r} is not an xs:duration: nothing follows T")
    if not any((years, months, days, *time_parts)):
        raise ValueError(f"{text!r} is not an xs:duration: nothing follows P")
    whole_days = (
        _component(years, text) * 365 + _component(months, text) * 30 + _component(days, text)
    )
    magnitude = (
        whole_days * TICKS_PER_DAY
        + _component(hours, text) * TICKS_PER_HOUR
        + _component(minutes, text) * TICKS_PER_MINUTE
        + _component(seconds, text) * TICKS_PER_SECOND
        + int((fraction or "")[:7].ljust(7, "0"))
    )
    ticks = -magnitude if neg else magnitude
    if not MIN_TICKS <= ticks <= MAX_TICKS:
        raise ValueError(f"{text!r} is outside the TimeSpan range")
    return TimeSpan(ticks)


#: ``Char.IsWhiteSpace``: what ``String.Trim()`` removes
_NET_WHITE: Final = (
    " \t\n\v\f\r\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)

_JSON_TIMESPAN: Final = re.compile(
    r"(-)?(?:([0-9]{1,8})"
    r"|(?:([0-9]{1,8})\.)?([0-9]{1,2}):([0-9]{1,2})(?::([0-9]{1,2})(?:\.([0-9]{1,7}))?)?"
    r"|([0-9]{1,8}):([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\.([0-9]{1,7}))?)"
)


def parse_timespan_json(text: str) -> TimeSpan:
    """``TimeSpan.Parse`` as Json.NET 6 calls it, for the forms Mono is proven to read:
    ``d``, ``[d.]h:m``, ``[d.]h:m:s[.f]``, ``d:h:m:s[.f]`` (1 to 7 fraction digits), a
    leading ``-``, white space around (``String.Trim``'s). Hours over 23 (``24:00:00``, which
    Mono reads as 24 days) are refused; so is a leading ``+`` (Json.NET and Web API refuse it)."""
    match = _JSON_TIMESPAN.fullmatch(text.strip(_NET_WHITE))
    if match is None:
        raise ValueError(f"{text[:80]!r} is not a TimeSpan (expected [-][d.]hh:mm:ss[.fffffff])")
    neg, only_days, days, hours, minutes, seconds, fraction, *colon_form = match.groups()
    if colon_form[0] is not None:  # d:h:m:s[.f]
        days, hours, minutes, seconds, fraction = colon_form
    if only_days is not None:
        magnitude = int(only_days) * TICKS_PER_DAY
    else:
        h, m, s = int(hours), int(minutes), int(seconds or "0")
        if h > 23 or m > 59 or s > 59:
            raise ValueError(f"{text!r} is not a TimeSpan: hours, minutes or seconds too large")
        magnitude = (
            int(days or "0") * TICKS_PER_DAY
            + h * TICKS_PER_HOUR
            + m * TICKS_PER_MINUTE
            + s * TICKS_PER_SECOND
            + int((fraction or "").ljust(7, "0"))
        )
    ticks = -magnitude if neg else magnitude
    if not MIN_TICKS <= ticks <= MAX_TICKS:
        raise ValueError(f"{text!r} is outside the TimeSpan range")
    return TimeSpan(ticks)
