"""Text forms of ``System.Single`` (float32) in XML and Json.NET, as Mono 6.8 and Json.NET 6.0.8.

A Single is held as a Python ``float`` whose value a float32 holds exactly (:func:`is_single`);
netcontract never rounds a float to a Single silently on writing (:func:`check_single` refuses
``0.1``, whose nearest Single is 0.10000000149011612: round it yourself with :func:`to_single`,
``nc.to_single``).

The facts (Mono, pinned in ``tests/netcontract/clr/test_single.py``):

- ``ToString("R")``: the first 7 significant digits if ``Single.Parse`` reads them back as the
  value, else 9; "G" layout (``1E+07``, ``1.5E-05``, ``0.0001``, ``123456792``, exponent when
  the decimal exponent is at least 7 (9 with 9 digits) or below -4). ``NaN``, ``Infinity``,
  ``-Infinity``; R drops the sign of -0.
- ``XmlConvert.ToString(float)``: R, with ``INF``/``-INF`` and ``-0``.
- Json.NET: R with ``.0`` added when there is no ``.`` or ``E`` (``1.0``, ``1E+07``);
  ``"NaN"``, ``"Infinity"``, ``"-Infinity"`` quoted; -0 as ``0.0`` (netcontract writes
  ``-0.0`` as it does for Double, and reads it back).
- Reading decimal text: .NET reads it as a Double (the CLR conversion, see
  :mod:`netcontract.clr.numbers`) then casts it to float32, so it rounds twice
  (``1.00000005960464477539062500001`` is 1.0, not the nearest Single 1.0000001). An integer
  JSON token is rounded once, straight from the integer (``Convert.ToSingle(Int64)``). A value
  beyond Single.MaxValue after that rounding is refused: XmlConvert throws OverflowException,
  Json.NET refuses it in a string; Json.NET reads a JSON number as Infinity silently, which
  netcontract refuses (see the README, "Behaviours chosen where .NET is lossy").
"""

from __future__ import annotations

import math
import struct
from collections.abc import Callable
from typing import Final

from netcontract.clr import numbers as _numbers
from netcontract.clr.compiled import extension as _extension
from netcontract.clr.compiled import speedups as _speedups
from netcontract.clr.numbers import _clr_to_bits, _layout, show_text

__all__ = [
    "SINGLE_MAX",
    "check_single",
    "format_single_json",
    "format_single_r",
    "format_single_xml",
    "is_single",
    "parse_single_json_number",
    "parse_single_json_string",
    "parse_single_xml",
    "to_single",
]

_F32: Final = struct.Struct("<f")
_F64: Final = struct.Struct("<d")
_pack_f32 = _F32.pack
_unpack_f32 = _F32.unpack

#: Single.MaxValue (3.40282347E+38)
SINGLE_MAX: Final = 3.4028234663852886e38
_INF: Final = math.inf
_ZEROS_AFTER_7: Final = "0" * 34


def to_single(value: float) -> float:
    """``(float)value`` in C#: the nearest float32 (ties to even); OverflowError if that is
    infinite while ``value`` is finite."""
    result: float = _unpack_f32(_pack_f32(value))[0]
    return result


def is_single(value: float) -> bool:
    """``value`` is a float32 value exactly (NaN and the infinities are)."""
    if value != value:
        return True
    try:
        return to_single(value) == value
    except OverflowError:
        return False


def check_single(value: object) -> float:
    """``value`` as a Single's float, or ValueError/TypeError: no silent rounding to float32."""
    if type(value) is float:
        as_float = value
    elif type(value) is int:
        as_float = float(value)
        if int(as_float) != value:
            raise ValueError(f"{value} cannot be held exactly by a Single")
    else:
        raise TypeError(f"expected a float (Single), got {type(value).__name__} {value!r}")
    if not is_single(as_float):
        if abs(as_float) > SINGLE_MAX:
            raise ValueError(f"{as_float!r} is outside the Single range (±3.40282347E+38)")
        raise ValueError(
            f"{as_float!r} is not a Single (float32) value: its nearest Single is "
            f"{to_single(as_float)!r}; round it first with nc.to_single()"
        )
    return as_float


# ------------------------------------------------------------------------------ formatting


def format_single_r(v: float) -> str:
    """``v.ToString("R", CultureInfo.InvariantCulture)`` for a Single, as Mono writes it.

    The first 7 significant digits of the value (its 41-digit expansion rounded half up, as
    for Double) if the CLR conversion reads them back, cast to float32, as ``v``; otherwise 9
    digits. "G" layout with 7 (or 9) as the precision.
    """
    if v != v:
        return "NaN"
    if v == _INF:
        return "Infinity"
    if v == -_INF:
        return "-Infinity"
    if v == 0.0:
        return "0"
    if -1e7 < v < 1e7 and v.is_integer():
        # at most 7 significant digits, all exact
        return str(int(v))
    neg = v < 0.0
    a = -v if neg else v
    s = "%.40e" % a
    point = int(s[43:]) + 1
    head = s[0] + s[2:8]
    if s[8:42] == _ZEROS_AFTER_7:
        return _layout(head, point, 7, neg)
    d7 = int(head)
    p7 = point
    if s[8] >= "5":
        d7 += 1
        if d7 == 10**7:
            d7 = 10**6
            p7 += 1
    bits = _clr_to_bits(d7, p7 - 7)
    try:
        back = to_single(_F64.unpack(bits.to_bytes(8, "little"))[0])
    except OverflowError:
        back = _INF
    if back == a:
        return _layout(str(d7), p7, 7, neg)
    d9 = int(s[0] + s[2:10])
    if s[10] >= "5":
        d9 += 1
        if d9 == 10**9:
            d9 = 10**8
            point += 1
    return _layout(str(d9), point, 9, neg)


def format_single_xml(v: float) -> str:
    """A Single as DataContractSerializer writes it (``XmlConvert.ToString(float)``)."""
    if v == 0.0:
        return "-0" if math.copysign(1.0, v) < 0.0 else "0"
    if v == _INF:
        return "INF"
    if v == -_INF:
        return "-INF"
    return format_single_r(v)


def format_single_json(v: float) -> str:
    """The JSON token Json.NET writes for a Single (NaN and the infinities quoted).

    Deliberate difference, as for Double: -0.0 gives ``-0.0`` (Json.NET on Mono writes
    ``0.0``).
    """
    if v != v:
        return '"NaN"'
    if v == _INF:
        return '"Infinity"'
    if v == -_INF:
        return '"-Infinity"'
    if v == 0.0:
        return "-0.0" if math.copysign(1.0, v) < 0.0 else "0.0"
    text = format_single_r(v)
    if "." in text or "E" in text:
        return text
    return text + ".0"


# ------------------------------------------------------------------------------ parsing


def _overflow(text: str) -> ValueError:
    return ValueError(f"{show_text(text)} is outside the Single range (±3.40282347E+38)")


def _narrow(value: float, text: str) -> float:
    try:
        return to_single(value)
    except OverflowError:
        raise _overflow(text) from None


def _as_double(parse: Callable[[str], float], text: str) -> float:
    """``parse(text)`` (a Double parser); its overflow is reported in Single terms."""
    try:
        value = parse(text)
    except _numbers.DoubleOverflowError:
        raise _overflow(text) from None
    except ValueError as exc:
        raise ValueError(str(exc).replace("valid Double", "valid Single")) from None
    return value


def parse_single_xml(text: str) -> float:
    """Read a Single as ``XmlConvert.ToSingle`` does: the Double grammar (``INF``, ``NaN``,
    ``-0`` keeps its sign), the Double value cast to float32; beyond MaxValue refused."""
    return _narrow(_as_double(_numbers.parse_double_xml, text), text)


def _int_to_single(m: int, text: str) -> float:
    """``Convert.ToSingle`` of an integer ``m >= 0``: one rounding, to nearest, ties to even."""
    if m < 2**53:
        return _narrow(float(m), text)  # exact as a double: one rounding, in the cast
    shift = m.bit_length() - 24
    q, r = divmod(m, 1 << shift)
    half = 1 << (shift - 1)
    if r > half or (r == half and q & 1):
        q += 1
    try:
        return _narrow(math.ldexp(q, shift), text)
    except OverflowError:
        raise _overflow(text) from None


def parse_single_json_number(text: str) -> float:
    """Read a JSON number token for a Single member as Json.NET does (see the module doc):
    an integer token rounded once to float32, a token with ``.``/``e`` through Double; beyond
    MaxValue refused (Json.NET gives Infinity)."""
    m = _numbers.JSON_NUMBER.fullmatch(text)
    if m is not None and m.group(3) is None and m.group(4) is None:
        if len(m.group(2)) > 50:
            raise _overflow(text)
        value = _int_to_single(int(m.group(2)), text)
        return -value if m.group(1) else value
    return _narrow(_as_double(_numbers.parse_double_json_number, text), text)


def parse_single_json_string(text: str) -> float:
    """Read a JSON *string* for a Single member (``Convert.ToSingle(s, InvariantCulture)``):
    the Double string grammar (group separators, white space), cast to float32."""
    return _narrow(_as_double(_numbers.parse_double_json_string, text), text)


# ---------------------------------------------------------------------------------------------
# The compiled codecs (netcontract.clr.compiled): same results, the functions above as fallback
# ---------------------------------------------------------------------------------------------

PURE: Final = {
    "format_single_r": format_single_r,
    "parse_single_xml": parse_single_xml,
}
"""The pure-Python reference of each codec that has a compiled version."""

if _extension is not None:  # registered even when not in use, for the differential tests
    for _name, _pure in PURE.items():
        _extension.set_fallback(_name, _pure)
if _speedups is not None:
    # format_single_xml and format_single_json call format_single_r by its module name
    format_single_r = _speedups.format_single_r
    parse_single_xml = _speedups.parse_single_xml
