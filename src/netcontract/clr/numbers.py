"""Text forms of .NET integers, booleans, doubles and decimals (XML and Json.NET).

Every rule here was checked against Mono 6.8 (whose ``System.Xml`` and number code come from
Microsoft's reference source and coreclr) and Newtonsoft.Json 6.0.8, run with ``TZ=UTC``; the
tests cite the probe output for each expected value.

Parse functions raise :class:`ValueError` with a short message that names the problem and
shows the offending text; the caller adds the member path. Nothing is clamped, wrapped,
defaulted or rounded silently, apart from the rounding every decimal-to-double conversion
does (done exactly as .NET does it, underflow to 0 included).

Doubles are the subtle part. .NET Framework and Mono format ``ToString("R")`` as "15
significant digits if they read back to the same value, else 17", but the *read back* is the
CLR's own decimal-to-double conversion (``Number.NumberToDouble``), which works with 64-bit
intermediate products and is not correctly rounded. So .NET writes ``0.000407575`` for a
value that Python reads as a different double, and writes ``2.9999999999999998E-25`` for
Python's ``3e-25``. To be byte-identical both ways, this module emulates that conversion
exactly: :func:`format_double_r` uses it for the 15-or-17 decision, and the ``parse_double_*``
functions use it to read decimal text, so they return the same double that .NET reads. A
consequence, shared with .NET: for some values (about 1 in 15,000 short decimals) the R text
reads back one unit in the last place away (R of 78741.394687 is ``78741.394687``, which .NET
reads as 78741.39468699999); after that step the value and its text are stable.
"""

from __future__ import annotations

import math
import re
import struct
from decimal import Decimal, InvalidOperation
from typing import Final

from netcontract.clr.compiled import extension as _extension
from netcontract.clr.compiled import speedups as _speedups

__all__ = [
    "DECIMAL_MAX",
    "DECIMAL_MAX_SCALE",
    "INT32_MAX",
    "INT32_MIN",
    "INT64_MAX",
    "INT64_MIN",
    "JSON_NUMBER",
    "DoubleOverflowError",
    "check_decimal",
    "check_int",
    "format_decimal_json",
    "format_decimal_xml",
    "format_double_json",
    "format_double_r",
    "format_double_xml",
    "parse_bool_xml",
    "parse_decimal_json",
    "parse_decimal_json_string",
    "parse_decimal_xml",
    "parse_double_json_number",
    "parse_double_json_string",
    "parse_double_xml",
    "parse_int_xml",
    "show_text",
    "strip_number_nuls",
]

INT32_MIN: Final = -(2**31)
INT32_MAX: Final = 2**31 - 1
INT64_MIN: Final = -(2**63)
INT64_MAX: Final = 2**63 - 1

DECIMAL_MAX: Final = 2**96 - 1
"""Largest System.Decimal coefficient (79228162514264337593543950335)."""
DECIMAL_MAX_SCALE: Final = 28
"""Most digits a System.Decimal keeps after the decimal point."""

# XmlConvert trims exactly these four characters (XmlConvert.WhitespaceChars).
_XML_WS: Final = " \t\n\r"
# Characters .NET's number parser treats as white space (Number.IsWhite: U+0009-U+000D, U+0020).
_NET_WS: Final = " \t\n\v\f\r"
NET_WS: Final = _NET_WS  #: .NET's white space in number parsing (U+0009-U+000D, space)
# String.Trim()'s white space (Char.IsWhiteSpace: U+0009-U+000D, U+0085, and the Zs, Zl and Zp
# characters): Double.Parse trims it off a text that is not a number before comparing it with
# "NaN", "Infinity" and "-Infinity" (Mono: Json.NET reads "\u00a0NaN" as NaN, "\u00a01.5" not)
NET_TRIM: Final = (
    "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_NET_TRIM: Final = NET_TRIM

_SHOW_LIMIT: Final = 60


def show_text(text: str) -> str:
    """Quote ``text`` for an error message, shortening very long input."""
    if len(text) <= _SHOW_LIMIT:
        return repr(text)
    return f"{text[:_SHOW_LIMIT]!r}... ({len(text)} characters)"


# ---------------------------------------------------------------------------------------------
# Integers and booleans
# ---------------------------------------------------------------------------------------------


def check_int(value: int, lo: int, hi: int, clr_name: str) -> int:
    """Return ``value`` if ``lo <= value <= hi``; bool is refused (it is not a .NET integer)."""
    given: object = value  # checked at run time too: callers pass parsed JSON values
    if type(given) is not int:
        if isinstance(given, bool) or not isinstance(given, int):
            raise TypeError(f"{clr_name} needs an int, not {type(given).__name__}")
        value = int(given)  # an int subclass such as an IntEnum member
    if lo <= value <= hi:
        return value
    raise ValueError(f"{value} is outside the {clr_name} range [{lo}, {hi}]")


def parse_int_xml(text: str, lo: int, hi: int, clr_name: str) -> int:
    """Read an integer the way ``XmlConvert.ToInt32``/``ToInt64``/... do.

    XML white space (space, tab, CR, LF) around the number is ignored; then an optional ``+``
    or ``-`` and ASCII digits (leading zeros allowed). No ``_``, no non-ASCII digits, no
    decimal point or exponent. Out-of-range values are refused, never wrapped.
    """
    if len(text) < 19 and text.isdigit() and text.isascii():  # the usual text: digits only
        value = int(text)
        if lo <= value <= hi:
            return value
    s = text.strip(_XML_WS)
    body = s[1:] if s[:1] in ("+", "-") else s
    if not body or not body.isascii() or not body.isdigit():
        raise ValueError(f"{show_text(text)} is not a valid {clr_name}")
    significant = body.lstrip("0")
    # A length guard first: int() on a 10,000-digit string would hit Python's own limit.
    if len(significant) > max(len(str(lo)), len(str(hi))):
        raise ValueError(f"{show_text(text)} is outside the {clr_name} range [{lo}, {hi}]")
    value = int(significant or "0")
    if s[0] == "-":
        value = -value
    if lo <= value <= hi:
        return value
    raise ValueError(f"{show_text(text)} is outside the {clr_name} range [{lo}, {hi}]")


def parse_bool_xml(text: str) -> bool:
    """Read a boolean the way ``XmlConvert.ToBoolean`` does: ``true``/``1`` or ``false``/``0``.

    Surrounding XML white space is ignored; the words are case-sensitive.
    """
    s = text.strip(_XML_WS)
    if s == "true" or s == "1":
        return True
    if s == "false" or s == "0":
        return False
    raise ValueError(f"{show_text(text)} is not a valid Boolean (expected true, false, 1 or 0)")


# ---------------------------------------------------------------------------------------------
# The CLR decimal -> double conversion (Number.NumberToDouble in .NET Framework and Mono)
# ---------------------------------------------------------------------------------------------
#
# The algorithm: take at most the first 18 significant digits as an integer, normalise it to a
# 64-bit mantissa, multiply by at most two 64-bit approximations of powers of ten (10^k for
# k < 16 and 10^(16j)) using a product that drops the low partial product, then round the
# 64-bit result to 53 bits. The power-of-ten mantissas below are the runtime's own table
# values (they are not all correctly rounded, so they cannot be recomputed).

_POW10_UP: Final = (  # 10^1 .. 10^15
    0xA000000000000000, 0xC800000000000000, 0xFA00000000000000, 0x9C40000000000000,
    0xC350000000000000, 0xF424000000000000, 0x9896800000000000, 0xBEBC200000000000,
    0xEE6B280000000000, 0x9502F90000000000, 0xBA43B74000000000, 0xE8D4A51000000000,
    0x9184E72A00000000, 0xB5E620F480000000, 0xE35FA931A0000000,
)  # fmt: skip
_POW10_DOWN: Final = (  # 10^-1 .. 10^-15
    0xCCCCCCCCCCCCCCCD, 0xA3D70A3D70A3D70B, 0x83126E978D4FDF3C, 0xD1B71758E219652E,
    0xA7C5AC471B478425, 0x8637BD05AF6C69B7, 0xD6BF94D5E57A42BE, 0xABCC77118461CEFF,
    0x89705F4136B4A599, 0xDBE6FECEBDEDD5C2, 0xAFEBFF0BCB24AB02, 0x8CBCCC096F5088CF,
    0xE12E13424BB40E18, 0xB424DC35095CD813, 0x901D7CF73AB0ACDC,
)  # fmt: skip
_POW10_16_UP: Final = (  # 10^16 .. 10^336
    0x8E1BC9BF04000000, 0x9DC5ADA82B70B59E, 0xAF298D050E4395D6, 0xC2781F49FFCFA6D4,
    0xD7E77A8F87DAF7FA, 0xEFB3AB16C59B14A0, 0x850FADC09923329C, 0x93BA47C980E98CDE,
    0xA402B9C5A8D3A6E6, 0xB616A12B7FE617A8, 0xCA28A291859BBF90, 0xE070F78D39275566,
    0xF92E0C3537826140, 0x8A5296FFE33CC92C, 0x9991A6F3D6BF1762, 0xAA7EEBFB9DF9DE8A,
    0xBD49D14AA79DBC7E, 0xD226FC195C6A2F88, 0xE950DF20247C83F8, 0x81842F29F2CCE373,
    0x8FCAC257558EE4E2,
)  # fmt: skip
_POW10_16_DOWN: Final = (  # 10^-16 .. 10^-336
    0xE69594BEC44DE160, 0xCFB11EAD453994C3, 0xBB127C53B17EC165, 0xA87FEA27A539E9B3,
    0x97C560BA6B0919B5, 0x88B402F7FD7553AB, 0xF64335BCF065D3A0, 0xDDD0467C64BCE4C4,
    0xC7CABA6E7C5382ED, 0xB3F4E093DB73A0B7, 0xA21727DB38CB0053, 0x91FF83775423CC29,
    0x8380DEA93DA4BC82, 0xECE53CEC4A314F00, 0xD5605FCDCF32E217, 0xC0314325637A1978,
    0xAD1C8EAB5EE43BA2, 0x9BECCE62836AC5B0, 0x8C71DCD9BA0B495C, 0xFD00B89747823938,
    0xE3E27A444D8D991A,
)  # fmt: skip

_SCALE_LIMIT: Final = 22 * 16  # |power of ten| from here on is overflow or underflow
_MASK32: Final = 0xFFFFFFFF
_TOP64: Final = 1 << 63
_INF_BITS: Final = 0x7FF0000000000000


def _build_steps() -> tuple[tuple[tuple[int, int], ...], ...]:
    """For each power of ten in (-352, 352): the (mantissa, exponent change) multiplications."""
    steps: list[tuple[tuple[int, int], ...]] = []
    for scale in range(-_SCALE_LIMIT + 1, _SCALE_LIMIT):
        mag = abs(scale)
        row: list[tuple[int, int]] = []
        small, big = mag & 15, mag >> 4
        if small:
            bits = (10**small).bit_length()
            if scale < 0:
                row.append((_POW10_DOWN[small - 1], 1 - bits))
            else:
                row.append((_POW10_UP[small - 1], bits))
        if big:
            bits = (10 ** (16 * big)).bit_length()
            if scale < 0:
                row.append((_POW10_16_DOWN[big - 1], 1 - bits))
            else:
                row.append((_POW10_16_UP[big - 1], bits))
        steps.append(tuple(row))
    return tuple(steps)


_STEPS: Final = _build_steps()


def _clr_to_bits(mantissa: int, power: int) -> int:
    """IEEE bits of ``mantissa * 10**power`` as the CLR computes them (sign not included).

    ``mantissa`` is the integer of the first (at most 18) significant digits, > 0.
    """
    if not -_SCALE_LIMIT < power < _SCALE_LIMIT:
        return _INF_BITS if power > 0 else 0
    shift = 64 - mantissa.bit_length()
    val = mantissa << shift
    exp = 64 - shift
    for mult, delta in _STEPS[power + _SCALE_LIMIT - 1]:
        exp += delta
        ah = val >> 32
        al = val & _MASK32
        bh = mult >> 32
        # The low x low partial product is dropped: this is the runtime's "lossy" multiply.
        val = ah * bh + ((ah * (mult & _MASK32)) >> 32) + ((al * bh) >> 32)
        if not val & _TOP64:
            val <<= 1
            exp -= 1
    if val & 0x400:
        # Round to 53 bits, ties to even, on the 64-bit intermediate.
        val += 0x3FF + ((val >> 11) & 1)
        if val >> 64:
            val = ((val & 0xFFFFFFFFFFFFFFFF) >> 1) | _TOP64
            exp += 1
    exp += 0x3FE
    if exp <= 0:
        if exp == -52 and val >= 0x8000000000000058:
            return 1  # just above half of the smallest subnormal: round up to it
        if exp <= -52:
            return 0
        return val >> (12 - exp)  # subnormal: truncated, as the runtime does
    if exp >= 0x7FF:
        return _INF_BITS
    return (exp << 52) | ((val >> 11) & 0xFFFFFFFFFFFFF)


_pack_double = struct.Struct("<d").pack
_unpack_double = struct.Struct("<d").unpack
_pack_bits = struct.Struct("<Q").pack


def _bits_to_float(bits: int) -> float:
    value: float = _unpack_double(_pack_bits(bits))[0]
    return value


def _clr_parse(neg: bool, int_digits: str, frac_digits: str, exp_text: str | None) -> float:
    """The value .NET's Double.Parse gives for already-validated parts; OverflowError if inf.

    Mirrors Number.ParseNumber (leading and trailing zeros dropped, an exponent above 1000 is
    treated as 9999) followed by Number.NumberToDouble (only the first 18 significant digits
    count). A zero result is always +0.0, as in .NET.
    """
    digits = int_digits + frac_digits
    significant = digits.lstrip("0")
    if not significant:
        return 0.0
    point = len(int_digits) - (len(digits) - len(significant))
    significant = significant.rstrip("0")
    used = min(len(significant), 18)
    if exp_text:
        exp_neg = exp_text[0] == "-"
        exp_digits = exp_text.lstrip("+-").lstrip("0")
        exponent = int(exp_digits or "0") if len(exp_digits) <= 4 else 9999
        if exponent > 1000:
            exponent = 9999
        point += -exponent if exp_neg else exponent
    bits = _clr_to_bits(int(significant[:used]), point - used)
    if bits == _INF_BITS:
        raise OverflowError
    if bits == 0:
        return 0.0
    value = _bits_to_float(bits)
    return -value if neg else value


# ---------------------------------------------------------------------------------------------
# Double formatting
# ---------------------------------------------------------------------------------------------

_INF: Final = math.inf
_ZEROS_AFTER_15: Final = "0" * 26


def _layout(digits: str, point: int, max_digits: int, neg: bool) -> str:
    """.NET's "G" layout of significant ``digits`` with the decimal point after ``point``."""
    digits = digits.rstrip("0")
    if point > max_digits or point < -3:
        exp = point - 1
        text = digits[0]
        if len(digits) > 1:
            text += "." + digits[1:]
        text += ("E+%02d" % exp) if exp >= 0 else ("E-%02d" % -exp)
    elif point <= 0:
        text = "0." + "0" * -point + digits
    elif len(digits) <= point:
        text = digits + "0" * (point - len(digits))
    else:
        text = digits[:point] + "." + digits[point:]
    return "-" + text if neg else text


def format_double_r(v: float) -> str:
    """``v.ToString("R", CultureInfo.InvariantCulture)`` as .NET Framework and Mono write it.

    Take the value's first 15 significant digits (the runtime rounds its 41-digit expansion
    half up); if the CLR conversion reads those 15 digits back as ``v`` use them, otherwise
    use 17 digits. Layout as "G": exponent form ``d.dddE+XX`` (at least two exponent digits)
    when the decimal exponent is at least 15 (17 with 17 digits) or below -4, plain digits
    otherwise. Infinities are ``Infinity``/``-Infinity``, NaN is ``NaN``, and both zeros are
    ``0`` (R drops the sign of -0.0).

    Verified equal to Mono on 300,000 values (random bit patterns, short decimals,
    subnormals). .NET Framework makes the same 15-or-17 decision with the same conversion
    (coreclr's number.cpp, from which the managed code was ported), but takes its digits
    from the C runtime's ``_ecvt``; an exact tie at the 17th digit might round differently
    there (not verifiable here).

    This is not Python's shortest ``repr`` and not .NET Core 3.0+'s output: for example
    ``1/3`` gives ``0.33333333333333331`` and ``3e-25`` gives ``2.9999999999999998E-25``.
    """
    if v != v:
        return "NaN"
    if v == _INF:
        return "Infinity"
    if v == -_INF:
        return "-Infinity"
    if v == 0.0:
        return "0"
    if -1e15 < v < 1e15 and v.is_integer():
        # At most 15 significant digits, all exact: the 15- and 17-digit texts are the same.
        return str(int(v))
    text = _R_CACHE.get(v)
    if text is None:
        if len(_R_CACHE) >= _R_CACHE_LIMIT:
            _R_CACHE.clear()
        text = _R_CACHE[v] = _format_r(v)
    return text


_R_CACHE: dict[float, str] = {}  # documents repeat values; the slow path is ~3 us
_R_CACHE_LIMIT: Final = 4096


def _format_r(v: float) -> str:
    neg = v < 0.0
    a = -v if neg else v
    # 41 correctly rounded significant digits: "d.<40 digits>e+XX"; .NET's Unix digit
    # generator rounds this string half up to the requested precision.
    s = "%.40e" % a
    point = int(s[43:]) + 1
    head = s[0] + s[2:16]
    if s[16:42] == _ZEROS_AFTER_15:
        # The value is exactly these 15 digits, so 15 and 17 digits print the same.
        return _layout(head, point, 15, neg)
    d15 = int(head)
    p15 = point
    if s[16] >= "5":
        d15 += 1
        if d15 == 10**15:
            d15 = 10**14
            p15 += 1
    # The runtime reads back its 15-digit buffer including trailing zeros.
    if _clr_to_bits(d15, p15 - 15) == int.from_bytes(_pack_double(a), "little"):
        return _layout(str(d15), p15, 15, neg)
    d17 = int(s[0] + s[2:18])
    if s[18] >= "5":
        d17 += 1
        if d17 == 10**17:
            d17 = 10**16
            point += 1
    return _layout(str(d17), point, 17, neg)


def format_double_xml(v: float) -> str:
    """A double as DataContractSerializer writes it: ``INF``, ``-INF``, ``NaN``, ``0``, ``-0``,
    else :func:`format_double_r`."""
    if v == 0.0:
        return "-0" if math.copysign(1.0, v) < 0.0 else "0"
    if v != v:
        return "NaN"
    if v == _INF:
        return "INF"
    if v == -_INF:
        return "-INF"
    return format_double_r(v)


def format_double_json(v: float) -> str:
    """The JSON token Json.NET writes for a double (the text to put in the document).

    :func:`format_double_r` plus ``.0`` when the text has no ``.`` or ``E``; NaN and the
    infinities are the *quoted* strings ``"NaN"``, ``"Infinity"``, ``"-Infinity"``.

    Deliberate difference: -0.0 gives ``-0.0``. Json.NET on .NET Framework/Mono writes
    ``0.0`` and so loses the sign; netcontract keeps values (.NET Core's Json.NET also writes
    ``-0.0``), and :func:`parse_double_json_number` reads it back as -0.0.
    """
    if v != v:
        return '"NaN"'
    if v == _INF:
        return '"Infinity"'
    if v == -_INF:
        return '"-Infinity"'
    if v == 0.0:
        return "-0.0" if math.copysign(1.0, v) < 0.0 else "0.0"
    text = format_double_r(v)
    if "." in text or "E" in text:
        return text
    return text + ".0"


# ---------------------------------------------------------------------------------------------
# Double parsing
# ---------------------------------------------------------------------------------------------

# XmlConvert.ToDouble: Double.Parse with AllowLeadingSign | AllowDecimalPoint | AllowExponent.
_XML_DOUBLE: Final = re.compile(r"([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?")
# JSON number grammar (RFC 8259).
_JSON_NUMBER: Final = re.compile(r"(-?)(0|[1-9][0-9]*)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?")
# Convert.ToDouble(string, Invariant): NumberStyles.Float | AllowThousands. The group
# separator ',' may follow any integer digit (even "1,,0"), never a fraction digit.
_JSON_STRING_DOUBLE: Final = re.compile(
    r"[\t\n\v\f\r ]*([+-]?)([0-9][0-9,]*|)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?[\t\n\v\f\r ]*"
)
_MAX_INT_TOKEN_DIGITS: Final = 400  # above this an integer is certainly beyond Double.MaxValue


class DoubleOverflowError(ValueError):
    """A decimal text beyond Double.MaxValue (Single reports it in its own terms)."""


#: the JSON number grammar, for the Single reader
JSON_NUMBER: Final = _JSON_NUMBER


def _overflow(text: str) -> ValueError:
    return DoubleOverflowError(
        f"{show_text(text)} is outside the Double range (±1.7976931348623157E+308)"
    )


def parse_double_xml(text: str) -> float:
    """Read a double the way ``XmlConvert.ToDouble`` (and so DataContractSerializer) does.

    Accepted after trimming XML white space: ``INF``, ``-INF``, ``NaN``, ``Infinity``,
    ``-Infinity`` (exact case; .NET's invariant symbols are accepted too, with any white space
    ``String.Trim`` takes around them, as Double.Parse compares them), and decimal numbers
    ``[+|-]digits[.digits][(e|E)[+|-]digits]`` in ASCII (``1.``, ``.5`` and leading zeros are
    fine). A value that needs more than Double.MaxValue is refused, as .NET Framework throws
    OverflowException. ``-0`` and other negative zeros give -0.0 (XmlConvert special-cases
    them). Refused: ``+INF``, ``inf``, ``nan``, ``infinity``, ``1_0``, hex, non-ASCII digits.

    The value is the one .NET computes (see the module docstring), not always the correctly
    rounded one. Mono's DataContractSerializer reads a bare ``-0`` as +0.0 through a shortcut
    for short integers; netcontract follows XmlConvert and keeps the sign.
    """
    s = text.strip(_XML_WS)
    m = _XML_DOUBLE.fullmatch(s)
    if m is None or not (m.group(2) or m.group(3)):
        if s == "INF":
            return _INF
        if s == "-INF":
            return -_INF
        # what Double.Parse then compares with its names, after String.Trim (Mono: "\u00a0NaN"
        # and "\u2003-Infinity" are read, "\u00a0INF" is not)
        word = s.strip(_NET_TRIM)
        if word == "Infinity":
            return _INF
        if word == "-Infinity":
            return -_INF
        if word == "NaN":
            return math.nan
        raise ValueError(f"{show_text(text)} is not a valid Double")
    sign, int_digits, frac_digits, exp_text = m.groups()
    try:
        value = _clr_parse(sign == "-", int_digits, frac_digits or "", exp_text)
    except OverflowError:
        raise _overflow(text) from None
    if value == 0.0 and sign == "-":
        return -0.0
    return value


def parse_double_json_number(text: str) -> float:
    """Read a JSON number token for a double member, as Json.NET does.

    ``text`` must follow the JSON number grammar; Json.NET's non-standard bare tokens ``NaN``,
    ``Infinity`` and ``-Infinity`` are accepted too. A token with ``.``/``e``/``E`` is read
    with .NET's Double.Parse (the CLR conversion); an integer token is read as an integer and
    then rounded to the nearest double, as Json.NET does. Overflow to infinity is refused.
    Deliberately stricter than Json.NET: no hex (``0x10``), no leading ``+`` or zeros.
    Deliberate difference: ``-0`` and ``-0.0`` give -0.0 (Json.NET returns +0.0), so that
    :func:`format_double_json` output reads back unchanged.
    """
    m = _JSON_NUMBER.fullmatch(text)
    if m is None:
        if text == "NaN":
            return math.nan
        if text == "Infinity":
            return _INF
        if text == "-Infinity":
            return -_INF
        raise ValueError(f"{show_text(text)} is not a valid JSON number")
    sign, int_digits, frac_digits, exp_text = m.groups()
    if frac_digits is None and exp_text is None:
        if len(int_digits) > _MAX_INT_TOKEN_DIGITS:
            raise _overflow(text)
        try:
            value = float(int(int_digits))
        except OverflowError:
            raise _overflow(text) from None
    else:
        try:
            value = _clr_parse(False, int_digits, frac_digits or "", exp_text)
        except OverflowError:
            raise _overflow(text) from None
    return -value if sign else value


#: the pure parse, which parse_double_json_plain's reference calls (the public name is rebound
#: to the compiled one below)
_parse_double_json_number_pure: Final = parse_double_json_number
_PLAIN_JSON_DECIMAL: Final = re.compile(rb"-?(?:0|[1-9][0-9]*)\.[0-9]+")


def parse_double_json_plain(raw: object) -> object:
    """A JSON number token with a fraction and no exponent (``raw``: its bytes, a
    ``msgspec.Raw``) as the JSON Struct readers read it the long way, the token decoded into a
    ``Decimal`` whose text :func:`parse_double_json_number` reads; anything else, and a token
    that parse refuses, is returned as it is (the caller then reads it the long way).

    The compiled version reads the token's own text: for these tokens the ``Decimal``'s text
    has the same digits and scale (sometimes in exponent form, ``1E-7`` for ``0.0000001``),
    which the CLR parse reads to the same double; the differential tests check it. (A token
    with an exponent can become an integer, ``1.5E+1`` -> ``15``, read as one: not here.)
    """
    try:
        token = bytes(memoryview(raw))  # type: ignore[arg-type]
    except TypeError:  # (not a buffer: bytes(5) would make one)
        return raw
    if _PLAIN_JSON_DECIMAL.fullmatch(token) is None:
        return raw
    try:
        return _parse_double_json_number_pure(str(Decimal(token.decode("ascii"))))
    except ValueError:
        return raw


def strip_number_nuls(text: str) -> str:
    """``text`` without the NULs at its very end, which .NET's number parsing ignores after
    a number (Mono: ``"1 \\x00"`` is 1, ``"1\\x00 "`` is refused); kept after ``NaN`` or
    ``Infinity`` and any white space ``String.Trim`` takes (``"NaN\\u00a0\\x00"``), which
    Convert.ToDouble then refuses (Mono)."""
    if text[-1:] != "\x00":
        return text
    stripped = text.rstrip("\x00")
    # the word's comparison trims Char.IsWhiteSpace only: the NULs stay and refuse it
    return text if stripped.rstrip(_NET_TRIM)[-1:].isalpha() else stripped


def parse_double_json_string(s: str) -> float:
    """Read a JSON *string* given for a double member, as Json.NET does.

    Json.NET converts it with ``Convert.ToDouble(s, InvariantCulture)``: white space
    (tab, LF, VT, FF, CR, space) around, an optional sign, digits that may contain ``,``
    group separators before the decimal point (``1,000.5``; .NET does not check group
    sizes), an optional fraction and exponent; or ``NaN``, ``Infinity``, ``-Infinity``, with
    any white space ``String.Trim`` takes around them (``"\\u00a0NaN"`` is NaN on Mono, where
    ``"\\u00a01.5"`` is refused).
    Values beyond Double.MaxValue are refused. A negative zero keeps its sign (Json.NET
    returns +0.0), matching :func:`parse_double_json_number`. Not accepted: ``INF``,
    ``inf``, ``+Infinity``, hex, empty text (Json.NET fails on it too for ``double``).
    """
    m = _JSON_STRING_DOUBLE.fullmatch(s)
    if m is None or not (m.group(2) or m.group(3)):
        word = s.strip(_NET_TRIM)
        if word == "NaN":
            return math.nan
        if word == "Infinity":
            return _INF
        if word == "-Infinity":
            return -_INF
        raise ValueError(f"{show_text(s)} is not a valid Double")
    sign, int_digits, frac_digits, exp_text = m.groups()
    try:
        value = _clr_parse(False, int_digits.replace(",", ""), frac_digits or "", exp_text)
    except OverflowError:
        raise _overflow(s) from None
    return -value if sign == "-" else value


# ---------------------------------------------------------------------------------------------
# Decimal
# ---------------------------------------------------------------------------------------------

_XML_DECIMAL: Final = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)")
_DECIMAL_RANGE: Final = f"±{DECIMAL_MAX}"
_DECIMAL_MAX_DIGITS: Final = len(str(DECIMAL_MAX))  # 29


def _fits(digits: tuple[int, ...]) -> bool:
    """Whether a coefficient (as digits, no leading zeros) is at most 2**96 - 1."""
    if len(digits) < _DECIMAL_MAX_DIGITS:
        return True
    return len(digits) == _DECIMAL_MAX_DIGITS and int("".join(map(str, digits))) <= DECIMAL_MAX


_TOO_MANY_PLACES: Final = (
    f"has more than {DECIMAL_MAX_SCALE} digits after the decimal point; .NET Decimal would round it"
)
_TOO_MANY_DIGITS: Final = (
    "has more significant digits than a .NET Decimal holds (a coefficient below 2**96);"
    " .NET would round it"
)


def _decimal_problem(d: Decimal) -> tuple[Decimal | None, str]:
    """Return (the value as System.Decimal holds it, "") or (None, what is wrong).

    Like .NET's decimal.Parse, trailing fraction zeros that do not fit are dropped (the scale
    goes down to what fits) and a positive exponent becomes scale 0; the value never changes.
    Where .NET would have to round or overflow, the answer is None.
    """
    if not d.is_finite():
        return None, "is not a finite number; System.Decimal has no NaN or infinity"
    sign, digits, exp = d.as_tuple()
    assert isinstance(exp, int)
    if exp > 0:
        # .NET keeps no positive exponents: 1E+2 is the integer 100 with scale 0, which is what
        # decimal.Parse("1e2") gives; the value does not change.
        if digits == (0,):
            return Decimal((sign, (0,), 0)), ""
        if len(digits) + exp > _DECIMAL_MAX_DIGITS:
            return None, f"is outside the Decimal range {_DECIMAL_RANGE}"
        digits += (0,) * exp
        if not _fits(digits):
            return None, f"is outside the Decimal range {_DECIMAL_RANGE}"
        return Decimal((sign, digits, 0)), ""
    scale = -exp
    if scale <= DECIMAL_MAX_SCALE and _fits(digits):
        return d, ""
    if digits == (0,):  # a zero with more than 28 places: .NET keeps scale 28
        return Decimal((sign, (0,), -DECIMAL_MAX_SCALE)), ""
    if len(digits) - scale > _DECIMAL_MAX_DIGITS or not _fits(digits[: len(digits) - scale]):
        return None, f"is outside the Decimal range {_DECIMAL_RANGE}"
    # The integer part fits: find how many fraction digits .NET keeps.
    drop = max(scale - DECIMAL_MAX_SCALE, 0)
    while not _fits(digits[: len(digits) - drop]):
        drop += 1
    problem = _TOO_MANY_PLACES if scale - drop == DECIMAL_MAX_SCALE else _TOO_MANY_DIGITS
    if any(digits[len(digits) - drop :]):
        return None, problem
    return Decimal((sign, digits[: len(digits) - drop], exp + drop)), ""


def check_decimal(d: Decimal) -> Decimal:
    """Return ``d`` as System.Decimal holds it, or raise ValueError if .NET cannot hold it.

    Refused: NaN and infinities, values that need a coefficient of 2**96 or more or more than
    28 digits after the point (.NET would round or overflow). Normalised without changing the
    value, as .NET's decimal.Parse does: a positive exponent becomes scale 0
    (``Decimal('1E+2')`` -> ``Decimal('100')``), and trailing fraction zeros that do not fit
    are dropped (``Decimal('79228162514264337593543950335.0')`` -> the integer, so Json.NET's
    ``…335.0`` reads back). Every other value comes back unchanged, trailing zeros and the
    sign of zero included.
    """
    if not isinstance(d, Decimal):
        raise TypeError(f"Decimal needs a decimal.Decimal, not {type(d).__name__}")
    value, problem = _decimal_problem(d)
    if value is None:
        raise ValueError(f"{show_text(str(d))} {problem}")
    return value


def format_decimal_xml(d: Decimal) -> str:
    """``decimal.ToString(CultureInfo.InvariantCulture)``: keeps the scale, never an exponent.

    ``1.50``, ``0.000``, ``100`` (from ``1E+2``). A negative zero is written without its
    sign, as .NET Framework/Mono do (``-0.0`` -> ``0.0``). Values System.Decimal cannot hold
    exactly are refused (see :func:`check_decimal`).
    """
    value = check_decimal(d)
    if value.is_zero():
        value = value.copy_abs()
    return format(value, "f")


def format_decimal_json(d: Decimal) -> str:
    """The JSON number Json.NET writes for a decimal: :func:`format_decimal_xml` plus ``.0``
    when there is no decimal point (``100.0``, ``1.50``, ``0.0``)."""
    text = format_decimal_xml(d)
    return text if "." in text else text + ".0"


def _decimal_from_text(text: str, shown: str) -> Decimal:
    try:
        parsed = Decimal(text)
    except InvalidOperation:
        # Only an exponent beyond Python's decimal limits (about 10**18) gets here.
        if "e-" in text or "E-" in text:
            problem = f"has more than {DECIMAL_MAX_SCALE} digits after the decimal point"
        else:
            problem = f"is outside the Decimal range {_DECIMAL_RANGE}"
        raise ValueError(f"{show_text(shown)} {problem}") from None
    value, problem = _decimal_problem(parsed)
    if value is None:
        raise ValueError(f"{show_text(shown)} {problem}")
    return value


def parse_decimal_xml(text: str) -> Decimal:
    """Read a decimal the way ``XmlConvert.ToDecimal`` does, without its rounding.

    After trimming XML white space: ``[+|-]digits[.digits]`` in ASCII (``1.`` and ``.5`` are
    fine); no exponent, no group separators. The scale is kept (``1.50`` stays ``1.50``).
    Like .NET, trailing fraction zeros that do not fit are dropped (``1.`` + 29 zeros reads
    as ``1.`` + 28 zeros; ``79228162514264337593543950335.0`` as the integer), which does not
    change the value. Refused where .NET would round or overflow instead: more than 28
    places with a non-zero digit beyond them, a coefficient that needs 2**96 or more.
    """
    s = text.strip(_XML_WS)
    if _XML_DECIMAL.fullmatch(s) is None:
        raise ValueError(f"{show_text(text)} is not a valid Decimal")
    return _decimal_from_text(s, text)


def parse_decimal_json(text: str) -> Decimal:
    """Read a JSON number token for a decimal member, as Json.NET does, without rounding.

    JSON number grammar. Json.NET parses with ``NumberStyles.Number | AllowExponent``, so an
    exponent is accepted and folded into the scale: ``1.50e-3`` -> ``0.00150``,
    ``1e2`` -> ``100``, ``1.5e1`` -> ``15``. The ``.0`` Json.NET appends to a 29-digit
    integer is dropped again, as in .NET. Refused: NaN/Infinity tokens, and values .NET
    would round or overflow on (see :func:`parse_decimal_xml`).
    """
    if _JSON_NUMBER.fullmatch(text) is None:
        raise ValueError(f"{show_text(text)} is not a valid JSON number for a Decimal")
    return _decimal_from_text(text, text)


#: Decimal.Parse(s, NumberStyles.Number, InvariantCulture), as Mono's runs it: white space
#: (U+0009-U+000D, space) around, a sign before the digits (none between) or after them (white
#: space allowed before it; not both), group separators in the integer part after its first
#: digit (sizes unchecked: ``1,0,0``, ``1,``), a point with or without digits on either side
#: (not alone), no exponent; then trailing NULs only
_ZERO: Final = Decimal(0)
_NUMBER_STYLE_DECIMAL: Final = re.compile(
    r"[\t\n\v\f\r ]*([+-]?)([0-9][0-9,]*|)(\.[0-9]*)?[\t\n\v\f\r ]*"
    r"(?:([+-])[\t\n\v\f\r ]*)?\x00*"
)


def parse_decimal_json_string(text: str) -> Decimal:
    """Read a JSON *string* given for a decimal member, as Json.NET 6.0.8 does, exactly.

    Json.NET reads it with ``decimal.Parse(s, NumberStyles.Number, InvariantCulture)``
    (Mono: ``tests/interop/test_json_number_strings_interop.py``): ``" 1.50 "`` is 1.50,
    ``"1,000"`` 1000, ``"1-"`` and ``" 1 - "`` -1, ``".5"`` 0.5, ``"1."`` 1, ``"1\x00"`` 1;
    not ``"1e2"``, ``"- 1"``, ``"-1-"``, ``",1"``, ``"."``, ``"1.5,0"``, U+00A0 or non-ASCII
    digits. The scale is kept; ``"-0"`` is 0 and ``"-0.0"`` keeps its sign, as for a JSON
    number. Refused where .NET rounds or overflows (see :func:`parse_decimal_xml`).
    """
    match = _NUMBER_STYLE_DECIMAL.fullmatch(text)
    if (
        match is None
        or not (match.group(2) or len(match.group(3) or "") > 1)
        or (match.group(1) and match.group(4))
    ):
        raise ValueError(f"{show_text(text)} is not a valid Decimal (decimal.Parse, Number)")
    lead, whole, fraction, trail = match.groups()
    plain = (lead or trail or "") + (whole.replace(",", "") or "0") + (fraction or "")
    value = _decimal_from_text(plain, text)
    if not value and value.as_tuple().exponent == 0:
        return _ZERO  # Mono: "-0", "0-" are 0 ("-0.0" keeps its sign)
    return value


# ---------------------------------------------------------------------------------------------
# The compiled codecs (netcontract.clr.compiled): same results, the functions above as fallback
# ---------------------------------------------------------------------------------------------

PURE: Final = {
    "parse_double_xml": parse_double_xml,
    "parse_double_json_number": parse_double_json_number,
    "format_double_r": format_double_r,
    "parse_double_json_plain": parse_double_json_plain,
    "parse_int_xml": parse_int_xml,
}
"""The pure-Python reference of each codec that has a compiled version."""

if _extension is not None:  # registered even when not in use, for the differential tests
    for _name, _pure in PURE.items():
        _extension.set_fallback(_name, _pure)
if _speedups is not None:
    parse_double_xml = _speedups.parse_double_xml
    parse_double_json_number = _speedups.parse_double_json_number
    format_double_r = _speedups.format_double_r
    parse_double_json_plain = _speedups.parse_double_json_plain
    parse_int_xml = _speedups.parse_int_xml
