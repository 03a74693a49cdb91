"""Integers, booleans, doubles and decimals in the text forms .NET writes and reads.

Sources of the expected values, cited per table:
- [Mono]: a probe program run on Mono 6.8 + Newtonsoft.Json 6.0.8 with TZ=UTC
  (XmlConvert.ToXxx / DataContractSerializer.ReadObject / JsonConvert), output copied here.
- [values §N]: docs/values.md, section N.
- [deliberate]: netcontract departs from .NET on purpose; the docstring of the function says why.
"""

from __future__ import annotations

import enum
import math
import random
import re
import shutil
import struct
import subprocess
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from netcontract.clr import numbers
from netcontract.clr.numbers import (
    DECIMAL_MAX,
    INT32_MAX,
    INT32_MIN,
    INT64_MAX,
    INT64_MIN,
    check_decimal,
    check_int,
    format_decimal_json,
    format_decimal_xml,
    format_double_json,
    format_double_r,
    format_double_xml,
    parse_bool_xml,
    parse_decimal_json,
    parse_decimal_json_string,
    parse_decimal_xml,
    parse_double_json_number,
    parse_double_json_string,
    parse_double_xml,
    parse_int_xml,
    show_text,
    strip_number_nuls,
)


def bits(v: float) -> int:
    value: int = struct.unpack("<q", struct.pack("<d", v))[0]
    return value


def from_bits(b: int) -> float:
    value: float = struct.unpack("<d", struct.pack("<q", b))[0]
    return value


def same_double(a: float, b: float) -> bool:
    """Equal bit for bit (so -0.0 != 0.0 and NaN == NaN)."""
    return bits(a) == bits(b)


# =============================================================================================
# Integers
# =============================================================================================

# [Mono] XmlConvert.ToInt32 / DataContractSerializer on these texts.
INT32_ACCEPTED = [
    ("5", 5),
    (" 5 ", 5),
    ("\t5\n", 5),
    ("\r\n 5", 5),
    ("+5", 5),
    ("-5", -5),
    ("-0", 0),
    ("00000000000000000000000000000005", 5),
    ("2147483647", INT32_MAX),
    ("-2147483648", INT32_MIN),
]

# [Mono] all refused by XmlConvert.ToInt32. Python's int() accepts "1_0" and non-ASCII digits, and
# int() on "5\v" strips the \v: netcontract must refuse them itself.
INT32_REFUSED = [
    "",
    " ",
    "+",
    "-",
    "+-5",
    "- 5",
    "1_0",
    "0x10",
    "1e3",
    "1.0",
    "\u0661",  # ARABIC-INDIC DIGIT ONE
    "\uff15",  # FULLWIDTH DIGIT FIVE
    "5\v",  # .NET's XmlConvert takes \v, but it cannot occur in XML; DCS fails on it [Mono]
    "5\u00a0",
    "five",
]


@pytest.mark.parametrize(("text", "expected"), INT32_ACCEPTED)
def test_parse_int_xml_accepts_what_xmlconvert_accepts(text: str, expected: int) -> None:
    value = parse_int_xml(text, INT32_MIN, INT32_MAX, "Int32")
    assert value == expected
    assert type(value) is int


@pytest.mark.parametrize("text", INT32_REFUSED)
def test_parse_int_xml_refuses_other_forms(text: str) -> None:
    with pytest.raises(ValueError, match="is not a valid Int32"):
        parse_int_xml(text, INT32_MIN, INT32_MAX, "Int32")


def test_parse_int_xml_range_message_names_the_text_and_the_range() -> None:
    # [Mono] XmlConvert.ToInt32("2147483648") -> OverflowException; ToInt64 accepts it.
    with pytest.raises(ValueError) as info:
        parse_int_xml("2147483648", INT32_MIN, INT32_MAX, "Int32")
    assert str(info.value) == "'2147483648' is outside the Int32 range [-2147483648, 2147483647]"
    with pytest.raises(ValueError, match="outside the Int32 range"):
        parse_int_xml("-2147483649", INT32_MIN, INT32_MAX, "Int32")
    assert parse_int_xml("2147483648", INT64_MIN, INT64_MAX, "Int64") == 2147483648
    # [Mono] 9223372036854775808 overflows Int64
    with pytest.raises(ValueError, match="outside the Int64 range"):
        parse_int_xml("9223372036854775808", INT64_MIN, INT64_MAX, "Int64")


def test_parse_int_xml_huge_input_gets_our_message_not_pythons_digit_limit() -> None:
    text = "9" * 10_000
    with pytest.raises(ValueError) as info:
        parse_int_xml(text, INT64_MIN, INT64_MAX, "Int64")
    message = str(info.value)
    assert "outside the Int64 range" in message
    assert "10000 characters" in message  # shortened, not 10,000 digits in the message
    assert len(message) < 200
    # leading zeros do not count towards the length guard
    assert parse_int_xml("0" * 10_000 + "7", INT32_MIN, INT32_MAX, "Int32") == 7


@given(st.integers(INT64_MIN, INT64_MAX), st.sampled_from(["", " ", "\t", "\r\n"]), st.booleans())
def test_parse_int_xml_reads_every_int64(value: int, pad: str, zeros: bool) -> None:
    digits = str(abs(value))
    if zeros:
        digits = "000" + digits
    text = pad + ("-" if value < 0 else "") + digits + pad
    assert parse_int_xml(text, INT64_MIN, INT64_MAX, "Int64") == value
    if value >= 0:
        assert parse_int_xml("+" + digits, INT64_MIN, INT64_MAX, "Int64") == value


@given(st.integers())
def test_parse_int_xml_range_check_is_exact(value: int) -> None:
    inside = INT32_MIN <= value <= INT32_MAX
    try:
        parsed = parse_int_xml(str(value), INT32_MIN, INT32_MAX, "Int32")
    except ValueError as error:
        assert not inside
        assert "outside the Int32 range" in str(error)
    else:
        assert inside
        assert parsed == value


def test_check_int() -> None:
    class Code(enum.IntEnum):
        A = 7

    assert check_int(5, 0, 10, "Byte") == 5
    assert type(check_int(Code.A, 0, 10, "Byte")) is int  # IntEnum becomes a plain int
    with pytest.raises(ValueError, match=r"^256 is outside the Byte range \[0, 255\]$"):
        check_int(256, 0, 255, "Byte")
    with pytest.raises(TypeError, match="Byte needs an int, not bool"):
        check_int(True, 0, 255, "Byte")
    with pytest.raises(TypeError, match="not float"):
        check_int(1.0, 0, 255, "Byte")  # type: ignore[arg-type]


# =============================================================================================
# Booleans
# =============================================================================================


# [Mono] XmlConvert.ToBoolean and DataContractSerializer agree on all of these.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("true", True),
        ("false", False),
        ("1", True),
        ("0", False),
        (" true ", True),
        ("\ttrue\n", True),
        ("\r\nfalse", False),
    ],
)
def test_parse_bool_xml_accepts(text: str, expected: bool) -> None:
    assert parse_bool_xml(text) is expected


@pytest.mark.parametrize("text", ["True", "TRUE", "yes", "01", "", "+1", "t", "true\v", "-0"])
def test_parse_bool_xml_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="is not a valid Boolean"):
        parse_bool_xml(text)


# =============================================================================================
# Doubles: formatting
# =============================================================================================

# [values §3.1, §3.2] and [Mono] double.ToString("R", InvariantCulture), XmlConvert.ToString,
# JsonConvert.SerializeObject.
R_TABLE = [
    (0.1, "0.1"),
    (1.0, "1"),
    (100.0, "100"),
    (1e15, "1E+15"),
    (1e16, "1E+16"),
    (1e17, "1E+17"),
    (1e20, "1E+20"),
    (999999999999999.0, "999999999999999"),
    (9999999999999998.0, "9999999999999998"),
    (1e14, "100000000000000"),
    (1e-4, "0.0001"),
    (1e-5, "1E-05"),
    (1.5e-5, "1.5E-05"),
    (0.001, "0.001"),
    (0.00001234, "1.234E-05"),
    (123.456, "123.456"),
    (-1.5, "-1.5"),
    (0.1 + 0.2, "0.30000000000000004"),
    (1 / 3, "0.33333333333333331"),
    (2 / 3, "0.66666666666666663"),
    (123456789012345.6, "123456789012345.59"),
    (5e-324, "4.94065645841247E-324"),
    (-5e-324, "-4.94065645841247E-324"),
    (2.2250738585072014e-308, "2.2250738585072014E-308"),
    (1.7976931348623157e308, "1.7976931348623157E+308"),
    (-1.7976931348623157e308, "-1.7976931348623157E+308"),
    (2.0**53, "9007199254740992"),
    (2.0**63, "9.2233720368547758E+18"),
    (2.0**64, "1.8446744073709552E+19"),
    (1e308, "1E+308"),
    # the double is just below the power of ten: its 15 digits round up to 10**15 (a carry)
    (1e23, "1E+23"),
    (1e-7, "1E-07"),
    (1e-12, "1E-12"),
    (1e-100, "1E-100"),
    (1.234e-300, "1.234E-300"),
    (math.inf, "Infinity"),
    (-math.inf, "-Infinity"),
    (math.nan, "NaN"),
    (0.0, "0"),
    (-0.0, "0"),  # [Mono] R drops the sign; format_double_xml/json keep it
    (6.6116509663563e-309, "6.6116509663563E-309"),  # [Mono]; .NET reads it back 1 ulp off
]

# [Mono] values where "try %.15G, else %.17G" in Python gives a different text. The runtime
# decides 15-or-17 with its own (not correctly rounded) decimal->double conversion, and
# rounds the 17th digit half up.
R_RUNTIME_QUIRKS = [
    # 15 digits "read back" by the runtime although they are not the nearest decimal
    (0.8455124082255701, "0.84551240822557"),
    (4.112876650354946e-309, "4.11287665035495E-309"),
    # 15 digits would read back correctly, but the runtime's conversion misses: 17 digits
    (3e-25, "2.9999999999999998E-25"),
    (0.000407575, "0.00040757499999999997"),
    (4e-252, "3.9999999999999998E-252"),
    (1.0292620424e-14, "1.0292620423999999E-14"),
    (6.75553345e25, "6.7555334500000004E+25"),
    (1e-323, "9.8813129168249309E-324"),
    (8.12921702841064e-225, "8.1292170284106394E-225"),
    # exact ties at the 17th digit round half up (Python rounds half to even)
    (1000000000000000.2, "1000000000000000.3"),
    (-111275153569243.12, "-111275153569243.13"),
    (511258222585665.1, "511258222585665.13"),
    (97011322869407.06, "97011322869407.063"),
    (1634854292563843.2, "1634854292563843.3"),
]


@pytest.mark.parametrize(("value", "expected"), R_TABLE + R_RUNTIME_QUIRKS)
def test_format_double_r_matches_mono(value: float, expected: str) -> None:
    assert format_double_r(value) == expected


def test_runtime_quirks_are_not_what_python_would_print() -> None:
    """Guards the table above: each row really needs the runtime emulation."""
    for value, expected in R_RUNTIME_QUIRKS:
        naive = "%.15G" % value
        if float(naive) != value:
            naive = "%.17G" % value
        assert naive != expected, value


@pytest.mark.parametrize(
    ("value", "xml", "json"),
    [
        # [values §3.2] and [Mono]
        (0.0, "0", "0.0"),
        (-0.0, "-0", "-0.0"),  # json: [deliberate]; Json.NET on Mono writes 0.0
        (1.0, "1", "1.0"),
        (100.0, "100", "100.0"),
        (1e15, "1E+15", "1E+15"),
        (1.5e-5, "1.5E-05", "1.5E-05"),
        (0.1 + 0.2, "0.30000000000000004", "0.30000000000000004"),
        (1.1, "1.1", "1.1"),
        (9007199254740992.0, "9007199254740992", "9007199254740992.0"),
        (math.inf, "INF", '"Infinity"'),
        (-math.inf, "-INF", '"-Infinity"'),
        (math.nan, "NaN", '"NaN"'),
    ],
)
def test_format_double_xml_and_json(value: float, xml: str, json: str) -> None:
    assert format_double_xml(value) == xml
    assert format_double_json(value) == json


_R_SHAPE = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?(E[+-][0-9]{2,3})?")


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_format_double_r_layout(value: float) -> None:
    text = format_double_r(value)
    assert _R_SHAPE.fullmatch(text), text
    mantissa, _, exponent = text.lstrip("-").partition("E")
    digits = mantissa.replace(".", "").lstrip("0")
    assert 1 <= len(digits) <= 17 or value == 0.0
    if exponent:
        assert mantissa[0] != "0" and mantissa.find(".") in (-1, 1)  # d.ddd form
    # the text is within one unit of the 17th digit of the value, so never far off
    assert math.isclose(float(text), value, rel_tol=1e-14, abs_tol=1e-320)


# =============================================================================================
# Doubles: parsing
# =============================================================================================

# [Mono] XmlConvert.ToDouble (DataContractSerializer agrees unless noted).
XML_DOUBLE_ACCEPTED = [
    ("1.5", 1.5),
    (" 1.5 ", 1.5),
    ("\t1.5\r\n", 1.5),
    ("-0", -0.0),  # XmlConvert special-cases it; Mono's DCS reads +0.0 here (module docstring)
    ("-0.0", -0.0),
    ("+0", 0.0),
    ("0", 0.0),
    ("INF", math.inf),
    ("-INF", -math.inf),
    ("Infinity", math.inf),  # .NET's invariant PositiveInfinitySymbol is accepted too
    ("-Infinity", -math.inf),
    # [Mono] the digits' trailing zeros are dropped before the conversion, which would round
    # 960000000000000 * 10**-38 otherwise than 96 * 10**-25 (same bits as 96e-25 on Mono)
    ("960000000000000e-38", 9.6e-24),
    ("9437000000000000e-78", 9.437e-63),
    ("31000000000000.000e-198", 3.1e-185),
    # [Mono] Double.Parse compares its names after String.Trim (XmlConvert's INF before it)
    ("\u00a0Infinity", math.inf),
    ("\u2003-Infinity\u3000", -math.inf),
    ("1.", 1.0),
    (".5", 0.5),
    ("-.5", -0.5),
    ("5.e3", 5000.0),
    ("1E5", 100000.0),
    ("1e05", 100000.0),
    ("1e+5", 100000.0),
    ("0001.5000", 1.5),
    ("1e-400", 0.0),
    ("-1e-400", -0.0),
    ("1.7976931348623157E+308", 1.7976931348623157e308),
    ("1.797693134862315807e308", 1.7976931348623157e308),
    ("4.9406564584124654E-324", 5e-324),
    # The runtime's conversion, not the correctly rounded one (Python's float() differs):
    ("2.4703282292062327E-324", 5e-324),  # float() gives 0.0
    ("0.000407575", 0.00040757500000000003),  # float() gives 0.000407575
    ("0.84551240822557", 0.84551240822556994),  # R of 0.8455124082255701, read back
    ("6.6116509663563E-309", 6.611650966356296e-309),  # R of 6.6116509663563e-309
    ("1.00000000000000000000000000001", 1.0),  # digits after the 18th are ignored
]

# [Mono] refused by XmlConvert.ToDouble (FormatException or OverflowException).
XML_DOUBLE_REFUSED = [
    "\u00a0INF",  # [Mono] XmlConvert trims space, tab, CR and LF only before comparing
    "-INF\u00a0",
    "\x85INF",
    "\u00a01.5",
    "\x1cNaN",  # [Mono] not Char.IsWhiteSpace
    "+INF",
    "inf",
    "+Infinity",
    "infinity",
    "nan",
    "-NaN",
    "1_0",
    "0x10",
    "1e",
    "1e+",
    "E5",
    "1,000",
    "1 000",
    "(1)",
    "1-",
    "--1",
    "\u0661\u0662",
    "\uff11",
    "1.5f",
    "1.5d",
    "",
    ".",
    "-",
    "+.",
]


@pytest.mark.parametrize(("text", "expected"), XML_DOUBLE_ACCEPTED)
def test_parse_double_xml_accepts_like_xmlconvert(text: str, expected: float) -> None:
    assert same_double(parse_double_xml(text), expected)


def test_parse_double_xml_nan() -> None:
    assert math.isnan(parse_double_xml("NaN"))
    assert math.isnan(parse_double_xml(" NaN "))
    assert math.isnan(parse_double_xml("\u00a0NaN\u2029"))  # [Mono] as Json.NET's strings


@pytest.mark.parametrize("text", XML_DOUBLE_REFUSED)
def test_parse_double_xml_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="is not a valid Double"):
        parse_double_xml(text)


@pytest.mark.parametrize(
    "text", ["1e400", "-1e400", "1.7976931348623159E+308", "1" + "0" * 400, "1e99999999999"]
)
def test_parse_double_xml_refuses_overflow(text: str) -> None:
    # [Mono] OverflowException, as on .NET Framework (.NET Core 3.0+ would return infinity)
    with pytest.raises(ValueError, match=r"is outside the Double range"):
        parse_double_xml(text)


def test_parse_double_xml_tiny_and_long_inputs() -> None:
    assert parse_double_xml("0." + "0" * 5000 + "1") == 0.0
    assert parse_double_xml("1" + "0" * 300) == 1e300
    assert parse_double_xml("1e-99999999999") == 0.0


# [Mono] Json.NET reading {"D": <token>} into a double member.
JSON_NUMBER_ACCEPTED = [
    ("5", 5.0),
    ("-5", -5.0),
    ("0", 0.0),
    ("-0", -0.0),  # [deliberate] Json.NET gives +0.0
    ("-0.0", -0.0),  # [deliberate] Json.NET gives +0.0
    ("1.5", 1.5),
    ("1E+308", 1e308),
    ("1e-400", 0.0),
    ("9007199254740993", 9007199254740992.0),  # integer token, rounded half to even
    ("9223372036854775807", 9.2233720368547758e18),
    ("0.84551240822557", 0.84551240822556994),  # the runtime's conversion
    ("2.4703282292062327E-324", 5e-324),
    ("Infinity", math.inf),  # Json.NET's non-standard bare tokens
    ("-Infinity", -math.inf),
]

JSON_NUMBER_REFUSED = [
    "+0",  # [Mono] JsonReaderException
    "0x10",  # [deliberate] Json.NET reads 16
    "01",  # [Mono] refused by Json.NET (octal-looking)
    "1.",  # not JSON
    ".5",  # not JSON
    "1,",  # [deliberate] Json.NET's reader stops at the comma
    "INF",
    "inf",
    "nan",
    "",
    " 1",
    "1 ",
    "1e",
    "--1",
]


@pytest.mark.parametrize(("text", "expected"), JSON_NUMBER_ACCEPTED)
def test_parse_double_json_number(text: str, expected: float) -> None:
    assert same_double(parse_double_json_number(text), expected)


def test_parse_double_json_number_nan() -> None:
    assert math.isnan(parse_double_json_number("NaN"))


@pytest.mark.parametrize("text", JSON_NUMBER_REFUSED)
def test_parse_double_json_number_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="is not a valid JSON number"):
        parse_double_json_number(text)


@pytest.mark.parametrize("text", ["1e400", "-1E+309", "1" + "0" * 309, "9" * 5000])
def test_parse_double_json_number_refuses_overflow(text: str) -> None:
    # [Mono] JsonReaderException for 1e400; the 5000-digit integer must not reach int()
    with pytest.raises(ValueError, match="is outside the Double range"):
        parse_double_json_number(text)


# [Mono] Json.NET reading {"D": "<string>"} into a double member (Convert.ToDouble).
JSON_STRING_ACCEPTED = [
    ("1.5", 1.5),
    (" 1.5", 1.5),
    ("\t1.5\n", 1.5),
    ("\v1.5", 1.5),
    ("1,000", 1000.0),
    ("1,,0", 10.0),
    ("1,", 1.0),
    ("1,.5", 1.5),
    ("1,e5", 100000.0),
    ("-1,000.5", -1000.5),
    ("+1,0", 10.0),
    ("+.5", 0.5),
    ("1.", 1.0),
    (".5", 0.5),
    ("5.e3", 5000.0),
    ("0001.5000", 1.5),
    ("+0", 0.0),
    ("-0", -0.0),  # [deliberate] Json.NET gives +0.0
    ("Infinity", math.inf),
    ("-Infinity", -math.inf),
    ("\tInfinity", math.inf),
    # [Mono] a text that is not a number is trimmed as String.Trim trims (every Char.IsWhiteSpace
    # character) before it is compared with the names; a number is not ("\u00a01.5" below)
    ("\u2003-Infinity", -math.inf),
    ("\x85Infinity\u3000", math.inf),
    ("0.84551240822557", 0.84551240822556994),
]

JSON_STRING_REFUSED = [
    "\u00a01.5",
    "\x1cNaN",  # [Mono] refused: U+001C..U+001F are not Char.IsWhiteSpace (Python strips them)
    "Infinity\x1f",
    "1.5,0",
    "1e1,0",
    ",1",
    ".",
    "-",
    "",
    "INF",
    "-INF",
    "inf",
    "+Infinity",
    "infinity",
    "nan",
    "1_0",
    "0x10",
    "1 000",
    "(1)",
    "1e",
]


@pytest.mark.parametrize(("text", "expected"), JSON_STRING_ACCEPTED)
def test_parse_double_json_string(text: str, expected: float) -> None:
    assert same_double(parse_double_json_string(text), expected)


def test_parse_double_json_string_nan() -> None:
    assert math.isnan(parse_double_json_string("NaN"))
    assert math.isnan(parse_double_json_string(" NaN "))
    # [Mono] Json.NET reads both as NaN (String.Trim's white space around the name)
    assert math.isnan(parse_double_json_string("\u00a0NaN"))
    assert math.isnan(parse_double_json_string("NaN\u2029"))


@pytest.mark.parametrize("text", JSON_STRING_REFUSED)
def test_parse_double_json_string_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="is not a valid Double"):
        parse_double_json_string(text)


def test_parse_double_json_string_refuses_overflow() -> None:
    # [Mono] JsonSerializationException / OverflowException
    with pytest.raises(ValueError, match="is outside the Double range"):
        parse_double_json_string("1e400")


# --- round trips -----------------------------------------------------------------------------


def _one_ulp_apart(a: float, b: float) -> bool:
    return abs(bits(a) - bits(b)) == 1


def _assert_reads_back(value: float, text: str, parsed: float) -> None:
    """``parsed`` came from ``text``, which was written for ``value``.

    Exact, except for .NET's own R defect: the runtime accepted 15 digits because its
    conversion of the *zero-padded* 15-digit buffer gives the value, but the written text has
    the zeros stripped and converts one unit off ([Mono]: R of 78741.394687 is "78741.394687",
    which Double.Parse reads as 78741.39468699999). netcontract reads what .NET reads, so it
    sees the same neighbour, and from there on the text is stable.
    """
    if same_double(parsed, value):
        return
    mantissa = text.lstrip("-").partition("E")[0]
    assert len(mantissa.replace(".", "").strip("0")) < 15, (value, text, parsed)
    assert _one_ulp_apart(parsed, value), (value, text, parsed)
    assert format_double_r(parsed) != format_double_r(value)
    assert same_double(parse_double_xml(format_double_xml(parsed)), parsed)


# [Mono] Double.Parse(x.ToString("R")) != x for these; the neighbour is what .NET reads.
@pytest.mark.parametrize(
    ("value", "text", "dotnet_reads"),
    [
        (78741.394687, "78741.394687", 78741.39468699999),
        (2.3419e29, "2.3419E+29", 2.3418999999999998e29),
        (0.64898301634826, "0.64898301634826", 0.6489830163482601),
        (-3.2533659089002e-115, "-3.2533659089002E-115", -3.2533659089002002e-115),
        (7.1809564012519996e168, "7.180956401252E+168", 7.180956401252e168),
    ],
)
def test_dotnet_r_does_not_always_round_trip(value: float, text: str, dotnet_reads: float) -> None:
    assert format_double_xml(value) == text
    assert same_double(parse_double_xml(text), dotnet_reads)
    _assert_reads_back(value, text, parse_double_xml(text))


@given(st.floats(allow_nan=False, allow_infinity=False))
@example(0.8455124082255701)
@example(78741.394687)
@example(5e-324)
@example(-0.0)
@example(1.7976931348623157e308)
@example(2.2250738585072009e-308)
def test_xml_double_round_trip(value: float) -> None:
    text = format_double_xml(value)
    _assert_reads_back(value, text, parse_double_xml(text))


@given(st.integers(0, 2**64 - 1).map(lambda b: from_bits(b - 2**64 if b >= 2**63 else b)))
def test_xml_double_round_trip_over_all_bit_patterns(value: float) -> None:
    if math.isnan(value):
        assert math.isnan(parse_double_xml(format_double_xml(value)))
        return
    text = format_double_xml(value)
    parsed = parse_double_xml(text)
    if math.isinf(value):
        assert parsed == value
    else:
        _assert_reads_back(value, text, parsed)


@given(st.floats())
def test_json_double_round_trip(value: float) -> None:
    token = format_double_json(value)
    if token.startswith('"'):
        parsed = parse_double_json_string(token[1:-1])
        assert math.isnan(parsed) if math.isnan(value) else parsed == value
        return
    parsed = parse_double_json_number(token)
    _assert_reads_back(value, format_double_r(value), parsed)


# =============================================================================================
# Decimal
# =============================================================================================


@pytest.mark.parametrize(
    ("value", "xml", "json"),
    [
        # [values §4] and [Mono] XmlConvert.ToString(decimal) / JsonConvert.SerializeObject
        (Decimal("1.50"), "1.50", "1.50"),
        (Decimal("1.0"), "1.0", "1.0"),
        (Decimal("0.000"), "0.000", "0.000"),
        (Decimal("1E+2"), "100", "100.0"),
        (Decimal("100"), "100", "100.0"),
        (Decimal("-0.10"), "-0.10", "-0.10"),
        (Decimal("0"), "0", "0.0"),
        (Decimal("-0"), "0", "0.0"),  # [Mono] -0m prints 0 / 0.0
        (Decimal("-0.0"), "0.0", "0.0"),
        (Decimal("79228162514264337593543950335"), "79228162514264337593543950335", None),
        (Decimal("-79228162514264337593543950335"), "-79228162514264337593543950335", None),
        (Decimal("0.0000000000000000000000000001"), "0.0000000000000000000000000001", None),
        (Decimal("1E-28"), "0.0000000000000000000000000001", None),
        (Decimal("7.9228162514264337593543950335"), "7.9228162514264337593543950335", None),
    ],
)
def test_format_decimal(value: Decimal, xml: str, json: str | None) -> None:
    assert format_decimal_xml(value) == xml
    # [values §4] Json.NET: ToString() + ".0" when there is no point
    assert format_decimal_json(value) == (
        json if json is not None else xml + ".0" * ("." not in xml)
    )


def test_format_decimal_is_not_rounded_by_the_decimal_context() -> None:
    # abs() or + would round this 29-digit coefficient to the default 28-digit context.
    assert format_decimal_xml(Decimal(-DECIMAL_MAX)) == "-79228162514264337593543950335"
    assert format_decimal_json(Decimal(DECIMAL_MAX)) == "79228162514264337593543950335.0"


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (Decimal("NaN"), "not a finite number"),
        (Decimal("-Infinity"), "not a finite number"),
        (Decimal(DECIMAL_MAX + 1), "outside the Decimal range"),
        (Decimal("7.9228162514264337593543950336"), "more significant digits"),
        (Decimal("1E+29"), "outside the Decimal range"),
        (Decimal("1E-29"), "more than 28 digits after the decimal point"),
        (Decimal("1.000000000000000000000000000010"), "more than 28 digits"),
        (Decimal("79228162514264337593543950335.5"), "more significant digits"),
    ],
)
def test_check_decimal_refuses(value: Decimal, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        check_decimal(value)
    with pytest.raises(ValueError, match=problem):
        format_decimal_xml(value)


def test_check_decimal_normalises_like_dotnet_without_changing_the_value() -> None:
    # .NET has no positive exponents: 1E2m is 100 with scale 0 [values §4]
    assert str(check_decimal(Decimal("1E+2"))) == "100"
    assert str(check_decimal(Decimal("1.5E+3"))) == "1500"
    assert str(check_decimal(Decimal("0E+5"))) == "0"
    # [Mono] decimal.Parse drops trailing fraction zeros that do not fit (tests/interop
    # ENGINE_FINDINGS.md #1: Json.NET writes decimal.MaxValue as ...335.0)
    assert str(check_decimal(Decimal("79228162514264337593543950335.0"))) == str(DECIMAL_MAX)
    assert str(check_decimal(Decimal("1.00000000000000000000000000000"))) == "1." + "0" * 28
    assert check_decimal(Decimal("0E-40")).as_tuple().exponent == -28
    for text in ("1.50", "0.000", "-0.0", "-0", "1E-28", "79228162514264337593543950335"):
        value = Decimal(text)
        assert check_decimal(value).as_tuple() == value.as_tuple()
    with pytest.raises(TypeError):
        check_decimal(1.5)  # type: ignore[arg-type]


# [Mono] XmlConvert.ToDecimal (DataContractSerializer agrees).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.50", "1.50"),
        (" 1.50 ", "1.50"),
        ("100", "100"),
        ("-0.0", "0.0"),
        ("-0", "0"),
        ("0.000", "0.000"),
        ("+1.5", "1.5"),
        ("1.", "1"),
        (".5", "0.5"),
        ("0001.50", "1.50"),
        ("79228162514264337593543950335", "79228162514264337593543950335"),
        ("-79228162514264337593543950335", "-79228162514264337593543950335"),
        ("0.0000000000000000000000000001", "0.0000000000000000000000000001"),
        ("1.0000000000000000000000000000", "1.0000000000000000000000000000"),
        ("7.9228162514264337593543950335", "7.9228162514264337593543950335"),
        # [Mono] fraction zeros that do not fit are dropped; the value is unchanged
        ("1.00000000000000000000000000000", "1.0000000000000000000000000000"),
        ("79228162514264337593543950335.0", "79228162514264337593543950335"),
        ("7922816251426433759354395034.0", "7922816251426433759354395034"),
        ("0.000000000000000000000000000000", "0.0000000000000000000000000000"),
        ("-0.000000000000000000000000000000", "0.0000000000000000000000000000"),
    ],
)
def test_parse_decimal_xml(text: str, expected: str) -> None:
    value = parse_decimal_xml(text)
    assert type(value) is Decimal
    assert format_decimal_xml(value) == expected


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        # [Mono] FormatException
        ("1E2", "is not a valid Decimal"),
        ("1e2", "is not a valid Decimal"),
        ("1.5e1", "is not a valid Decimal"),
        ("1,000", "is not a valid Decimal"),
        ("NaN", "is not a valid Decimal"),
        ("INF", "is not a valid Decimal"),
        ("", "is not a valid Decimal"),
        (".", "is not a valid Decimal"),
        ("1_0", "is not a valid Decimal"),
        ("\u0663", "is not a valid Decimal"),
        # [Mono] OverflowException
        ("79228162514264337593543950336", "outside the Decimal range"),
        ("79228162514264337593543950336.0", "outside the Decimal range"),
        # [deliberate] .NET rounds these ([Mono]: ...334.5 -> ...334, the next three -> 0.0...0,
        # 0.0...02, 1.0...0; and ...335.5 rounds up and overflows)
        ("79228162514264337593543950334.5", "more significant digits than a .NET Decimal holds"),
        ("79228162514264337593543950335.5", "more significant digits than a .NET Decimal holds"),
        ("0.00000000000000000000000000001", "more than 28 digits after the decimal point"),
        ("0.00000000000000000000000000015", "more than 28 digits"),
        ("1.000000000000000000000000000010", "more than 28 digits"),
    ],
)
def test_parse_decimal_xml_refuses(text: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        parse_decimal_xml(text)


# [Mono] Json.NET reading {"M": <token>} into a decimal member.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.50", "1.50"),
        ("100", "100"),
        ("1e2", "100"),
        ("1E2", "100"),
        ("1.5e1", "15"),
        ("1.5E+2", "150"),
        ("1.50e-3", "0.00150"),
        ("-0.10", "-0.10"),
        ("-0.0", "0.0"),
        ("0.000", "0.000"),
        ("79228162514264337593543950335", "79228162514264337593543950335"),
        ("1e-28", "0.0000000000000000000000000001"),
    ],
)
def test_parse_decimal_json(text: str, expected: str) -> None:
    assert format_decimal_xml(parse_decimal_json(text)) == expected


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("+1.5", "not a valid JSON number"),  # [Mono] JsonReaderException
        ("0001.50", "not a valid JSON number"),  # [Mono] JsonReaderException
        ("NaN", "not a valid JSON number"),  # [Mono] OverflowException
        ("1.", "not a valid JSON number"),
        ("", "not a valid JSON number"),
        ("79228162514264337593543950336", "outside the Decimal range"),
        ("1e29", "outside the Decimal range"),
        ("1e999999999999999999999", "outside the Decimal range"),
        ("1e-29", "more than 28 digits"),  # [deliberate] .NET rounds to 0
        ("1e-999999999999999999999", "more than 28 digits"),
    ],
)
def test_parse_decimal_json_refuses(text: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        parse_decimal_json(text)


# [Mono] Json.NET 6.0.8 reading {"V": "<text>"} into a decimal member (decimal.Parse with
# NumberStyles.Number): tests/interop/test_json_number_strings_interop.py
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" 1", "1"),
        ("1 ", "1"),
        ("\t1\n", "1"),
        ("\v1\f", "1"),
        ("+1", "1"),
        ("1-", "-1"),
        ("1+", "1"),
        (" 1 - ", "-1"),
        ("1 -", "-1"),
        ("1,000", "1000"),
        ("1,0,0", "100"),
        ("1,", "1"),
        ("1,.5", "1.5"),
        ("0,000.10", "0.10"),
        ("1,000.50", "1000.50"),
        (" 1.50 ", "1.50"),
        ("1.5-", "-1.5"),
        ("00001", "1"),
        ("1.", "1"),
        (".5", "0.5"),
        ("-.5", "-0.5"),
        (".5-", "-0.5"),
        ("1.000", "1.000"),
        ("-0", "0"),
        ("0-", "0"),
        ("1\x00", "1"),
        ("1\x00\x00", "1"),
        ("1 \x00", "1"),
        ("79228162514264337593543950335.0", "79228162514264337593543950335"),
        ("1.00000000000000000000000000000", "1.0000000000000000000000000000"),
    ],
)
def test_parse_decimal_json_string(text: str, expected: str) -> None:
    assert format_decimal_xml(parse_decimal_json_string(text)) == expected


def test_parse_decimal_json_string_zero_signs() -> None:
    """[Mono] "-0" and "0-" are a positive 0; "-0.0" keeps its sign (decimal.GetBits)."""
    assert parse_decimal_json_string("-0").as_tuple() == (0, (0,), 0)
    assert parse_decimal_json_string("0-").as_tuple() == (0, (0,), 0)
    assert parse_decimal_json_string("-0.0").as_tuple() == (1, (0,), -1)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        # [Mono] JsonReaderException (decimal.TryParse fails)
        *(("1e2", "not a valid Decimal"), ("1E2", "not a valid Decimal")),
        *(("1.5e1", "not a valid Decimal"), ("- 1", "not a valid Decimal")),
        *(("-1-", "not a valid Decimal"), ("+1-", "not a valid Decimal")),
        *(("(1)", "not a valid Decimal"), (",1", "not a valid Decimal")),
        *((",", "not a valid Decimal"), (".", "not a valid Decimal")),
        *(("1.5,0", "not a valid Decimal"), ("1.,5", "not a valid Decimal")),
        *(("0x1", "not a valid Decimal"), (" ", "not a valid Decimal")),
        *(("1\x00 ", "not a valid Decimal"), ("\x001", "not a valid Decimal")),
        *(("1\x002", "not a valid Decimal"), ("\u00a01", "not a valid Decimal")),
        *(("\u0663", "not a valid Decimal"), ("\uff11", "not a valid Decimal")),
        *(("NaN", "not a valid Decimal"), ("", "not a valid Decimal")),
        ("79228162514264337593543950335.5", "more significant digits"),  # [Mono] refused
        ("79228162514264337593543950336", "outside the Decimal range"),  # [Mono] refused
        # [deliberate] Mono rounds these to 0.0000000000000000000000000000 and
        # 7922816251426433759354395034
        ("0.00000000000000000000000000001", "more than 28 digits"),
        ("7922816251426433759354395033.55", "more significant digits"),
    ],
)
def test_parse_decimal_json_string_refuses(text: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        parse_decimal_json_string(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1\x00", "1"),
        ("1 \x00\x00", "1 "),
        ("1\x00 ", "1\x00 "),
        ("NaN\x00", "NaN\x00"),  # [Mono] Convert.ToDouble refuses it
        ("-Infinity \x00", "-Infinity \x00"),
        # [Mono] refused too (tests/interop/test_number_text_interop.py): the NULs stay after a
        # name and the white space String.Trim takes, or two spaces before it
        ("NaN\u00a0\x00", "NaN\u00a0\x00"),
        ("Infinity\u2003\x00", "Infinity\u2003\x00"),
        ("  NaN\x00", "  NaN\x00"),
        ("1X\x00", "1X\x00"),
        ("1\u00a0\x00", "1\u00a0"),  # refused as "1\u00a0" is
        # the white space before the NULs is String.Trim's (not U+001C..U+001F), the letter the
        # last character (refused either way: the message shows the text the parser got)
        ("NaN\x1f\x00", "NaN\x1f"),
        ("1N\x00", "1N\x00"),
        ("1", "1"),
    ],
)
def test_strip_number_nuls(text: str, expected: str) -> None:
    assert strip_number_nuls(text) == expected


def dotnet_decimals() -> st.SearchStrategy[Decimal]:
    """Every System.Decimal: sign, 96-bit coefficient, scale 0..28."""
    return st.builds(
        lambda sign, coefficient, scale: Decimal((sign, tuple(map(int, str(coefficient))), -scale)),
        st.integers(0, 1),
        st.one_of(st.integers(0, DECIMAL_MAX), st.sampled_from([0, 1, DECIMAL_MAX, 10**28])),
        st.integers(0, 28),
    )


@given(dotnet_decimals())
def test_decimal_xml_round_trip_keeps_value_and_scale(value: Decimal) -> None:
    text = format_decimal_xml(value)
    assert "E" not in text and "e" not in text
    parsed = parse_decimal_xml(text)
    assert parsed == value
    if not value.is_zero():  # a zero's sign is not written, as in .NET
        assert parsed.as_tuple() == value.as_tuple()
    else:
        assert parsed.as_tuple().exponent == value.as_tuple().exponent
    assert format_decimal_xml(parsed) == text


@given(dotnet_decimals())
def test_decimal_json_round_trip(value: Decimal) -> None:
    text = format_decimal_json(value)
    parsed = parse_decimal_json(text)
    assert parsed == value
    assert format_decimal_json(parsed) == text


@given(st.decimals(allow_nan=True, allow_infinity=True))
@example(Decimal("7922816251426433759354395034.0"))
@example(Decimal("1.000000000000000000000000000000"))
def test_check_decimal_accepts_exactly_the_representable_values(value: Decimal) -> None:
    """Accepted iff some scale 0..28 holds the value exactly in a 96-bit coefficient."""
    if value.is_finite():
        exact = Fraction(value)
        scale = next((s for s in range(29) if (exact * 10**s).denominator == 1), None)
        representable = scale is not None and abs(exact * 10**scale) <= DECIMAL_MAX
    else:
        representable = False
    try:
        checked = check_decimal(value)
    except ValueError:
        assert not representable
    else:
        assert representable
        assert checked == value
        _, digits, exponent = checked.as_tuple()
        assert isinstance(exponent, int)
        assert -28 <= exponent <= 0
        assert int("".join(map(str, digits))) <= DECIMAL_MAX
        _, given_digits, given_exponent = value.as_tuple()
        if given_exponent in range(-28, 1) and int("".join(map(str, given_digits))) <= DECIMAL_MAX:
            assert checked.as_tuple() == value.as_tuple()  # nothing to normalise


def test_show_text_shortens_long_input() -> None:
    assert show_text("abc") == "'abc'"
    long = show_text("x" * 1000)
    assert long.startswith("'xxx") and long.endswith("... (1000 characters)")
    assert len(long) < 100
    # 60 characters are shown whole, 61 shortened to 60
    assert show_text("x" * 60) == repr("x" * 60)
    assert show_text("x" * 61) == repr("x" * 60) + "... (61 characters)"


# =============================================================================================
# Live comparison with Mono (skipped when Mono is missing)
# =============================================================================================

_NEWTONSOFT = (
    Path("/usr/lib/cli/Newtonsoft.Json-5.0/Newtonsoft.Json.dll"),
    Path("/usr/lib/mono/gac/Newtonsoft.Json/6.0.0.0__b9a188c8922137c6/Newtonsoft.Json.dll"),
)

_PROBE = r"""
using System; using System.IO; using System.Text; using System.Xml; using System.Globalization;
using Newtonsoft.Json;
public class H { public double D; }
public static class Probe {
    static string Bits(Func<double> f) {
        try { return BitConverter.DoubleToInt64Bits(f()).ToString(); }
        catch (Exception) { return "ERR"; }
    }
    public static void Main(string[] args) {
        var sb = new StringBuilder();
        foreach (var line in File.ReadAllLines(args[0])) {
            double d = BitConverter.Int64BitsToDouble(long.Parse(line));
            sb.Append(d.ToString("R", CultureInfo.InvariantCulture)).Append('\t')
              .Append(XmlConvert.ToString(d)).Append('\t').Append(JsonConvert.SerializeObject(d)).Append('\n');
        }
        foreach (var s in File.ReadAllLines(args[1])) {
            sb.Append(Bits(() => XmlConvert.ToDouble(s))).Append('\t')
              .Append(Bits(() => JsonConvert.DeserializeObject<H>("{\"D\":\"" + s + "\"}").D))
              .Append('\n');
        }
        Console.Out.Write(sb.ToString());
    }
}
"""


def _mono_tools() -> tuple[str, str, Path] | None:
    mcs, mono = shutil.which("mcs"), shutil.which("mono")
    dll = next((p for p in _NEWTONSOFT if p.is_file()), None)
    if mcs is None or mono is None or dll is None:
        return None
    return mcs, mono, dll


@pytest.mark.interop
@pytest.mark.skipif(_mono_tools() is None, reason="needs mono, mcs and Newtonsoft.Json.dll")
def test_doubles_match_mono_live(tmp_path: Path) -> None:
    """Format and parse a few thousand random doubles and texts on Mono and here."""
    tools = _mono_tools()
    assert tools is not None
    mcs, mono, dll = tools
    rng = random.Random(20260602)
    values: list[float] = []
    while len(values) < 3000:
        kind = rng.randrange(3)
        if kind == 0:  # any bit pattern
            v = from_bits(rng.getrandbits(64) - 2**63)
        elif kind == 1:  # short decimals: where the runtime's 15/17 decision bites
            nd = rng.randint(1, 15)
            v = float(f"{rng.randint(10 ** (nd - 1), 10**nd - 1)}e{rng.randint(-40, 40)}")
        else:  # subnormals
            v = from_bits(rng.getrandbits(52))
        if not math.isnan(v):
            values.append(v)
    texts = [format_double_r(v) for v in values[:1000]]
    for _ in range(1000):
        nd = rng.randint(1, 22)
        digits = "".join(rng.choice("0123456789") for _ in range(nd))
        cut = rng.randint(0, nd)
        text = digits[:cut] + "." + digits[cut:] + rng.choice(["", f"e{rng.randint(-330, 310)}"])
        texts.append(rng.choice(["", "-"]) + text)
    (tmp_path / "values.txt").write_text("".join(f"{bits(v)}\n" for v in values))
    (tmp_path / "texts.txt").write_text("".join(f"{t}\n" for t in texts))
    (tmp_path / "Probe.cs").write_text(_PROBE)
    shutil.copy(dll, tmp_path / "Newtonsoft.Json.dll")
    exe = tmp_path / "probe.exe"
    subprocess.run(
        [mcs, "-nologo", "-r:System.Xml.dll", f"-r:{dll}", "Probe.cs", f"-out:{exe}"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    out = subprocess.run(
        [mono, str(exe), "values.txt", "texts.txt"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
        env={"TZ": "UTC", "PATH": "/usr/bin:/bin"},
    ).stdout.splitlines()
    assert len(out) == len(values) + len(texts)
    for value, line in zip(values, out, strict=False):
        r_text, xml, json = line.split("\t")
        assert format_double_r(value) == r_text, value
        assert format_double_xml(value) == xml, value
        if not (value == 0.0 and math.copysign(1.0, value) < 0):  # [deliberate] -0.0
            assert format_double_json(value) == json, value
    for text, line in zip(texts, out[len(values) :], strict=True):
        xml_bits, json_string_bits = line.split("\t")
        for parse, expected in (
            (parse_double_xml, xml_bits),
            (parse_double_json_string, json_string_bits),
        ):
            try:
                got = str(bits(parse(text)))
            except ValueError:
                got = "ERR"
            if got != expected and got == str(bits(-0.0)) and expected == "0":
                continue  # [deliberate] Json.NET drops the sign of a negative zero
            assert got == expected, (parse.__name__, text)


# --- Decimal normalisation and messages (found unchecked by `dev.py mutate --codecs`) --------


@pytest.mark.parametrize(
    ("given", "digits"),
    [
        # a positive exponent becomes scale 0, from the smallest (1E+1) to the largest that
        # fits (29 digits); [Mono] Json.NET reads {"X":1e1} as 10, {"X":1e28} as
        # 10000000000000000000000000000 (and refuses 1e29: JsonReaderException)
        (Decimal("1E+1"), (1, 0)),
        (Decimal("-1E+1"), (1, 0)),
        (Decimal("1E+28"), (1, *(0,) * 28)),
        (Decimal("7.9E+28"), (7, 9, *(0,) * 27)),
    ],
)
def test_check_decimal_gives_a_positive_exponent_scale_zero(
    given: Decimal, digits: tuple[int, ...]
) -> None:
    value = check_decimal(given)
    assert value == given
    assert value.as_tuple() == (given.is_signed(), digits, 0)


@pytest.mark.parametrize(("text", "expected"), [("1e1", "10"), ("1E+28", "1" + "0" * 28)])
def test_parse_decimal_json_gives_a_positive_exponent_scale_zero(text: str, expected: str) -> None:
    assert str(parse_decimal_json(text)) == expected


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: check_decimal(Decimal("NaN")),
            "'NaN' is not a finite number; System.Decimal has no NaN or infinity",
        ),
        (
            lambda: check_decimal(Decimal("-Infinity")),
            "'-Infinity' is not a finite number; System.Decimal has no NaN or infinity",
        ),
        (
            lambda: check_decimal(Decimal("8E+28")),
            f"'8E+28' is outside the Decimal range ±{2**96 - 1}",
        ),
        # the largest exponents Python's decimal takes: refused before their digits are made
        (
            lambda: check_decimal(Decimal("1E+999999999999999999")),
            f"'1E+999999999999999999' is outside the Decimal range ±{2**96 - 1}",
        ),
        (
            lambda: parse_decimal_json("1e999999999999999999"),
            f"'1e999999999999999999' is outside the Decimal range ±{2**96 - 1}",
        ),
        # beyond them: Decimal() refuses; the sign of the exponent says which limit it crossed
        (
            lambda: parse_decimal_json("1E-9999999999999999999"),
            "'1E-9999999999999999999' has more than 28 digits after the decimal point",
        ),
        (
            lambda: parse_decimal_json("1e-9999999999999999999"),
            "'1e-9999999999999999999' has more than 28 digits after the decimal point",
        ),
        (
            lambda: parse_decimal_json("1E+9999999999999999999"),
            f"'1E+9999999999999999999' is outside the Decimal range ±{2**96 - 1}",
        ),
    ],
)
def test_decimal_refusals_say_why(call: Callable[[], object], message: str) -> None:
    with pytest.raises(ValueError) as refused:
        call()
    assert str(refused.value) == message


def test_check_decimal_names_the_type_it_was_given() -> None:
    with pytest.raises(TypeError) as refused:
        check_decimal(1.5)  # type: ignore[arg-type]
    assert str(refused.value) == "Decimal needs a decimal.Decimal, not float"


# [Mono] XmlConvert.ToDouble of exponents of four digits and more: Number.ParseNumber keeps an
# exponent up to 1000 and takes any larger one (or one of five digits or more) as 9999, which the
# point's position then offsets: 0.<1000 zeros>1e1001 overflows where 0.<999 zeros>1e1000 is 1
# (live: tests/interop/test_number_text_interop.py)
EXPONENT_EDGES = [
    ("0." + "0" * 999 + "1e1000", 1.0),
    ("0." + "0" * 9998 + "1e1001", 1.0),
    ("1e-" + "9" * 5000, 0.0),
    ("0." + "0" * 1000 + "1e1001", None),
    ("1e" + "9" * 5000, None),
]


@pytest.mark.parametrize(
    ("text", "expected"), EXPONENT_EDGES, ids=[str(i) for i in range(len(EXPONENT_EDGES))]
)
def test_parse_double_xml_long_exponents(text: str, expected: float | None) -> None:
    if expected is None:
        with pytest.raises(ValueError, match=r"is outside the Double range"):
            parse_double_xml(text)
    else:
        assert same_double(parse_double_xml(text), expected)


# [Mono] XmlConvert.ToDouble, Double.Parse and Json.NET (a JSON string for a double member)
# agree on each (probed live: tests/interop/test_number_text_interop.py): the runtime's
# conversion (only the first 18 digits, a 64-bit product whose lowest partial product is
# dropped, rounded once) at its edges. Around half the smallest subnormal (2**-1075 =
# 2.4703282292062327e-324) the result is not the correctly rounded one: ...261E-324 is below
# 2**-1075 and gives 5e-324 (the product rounds up past 2**64), ...272E-324 is above it and
# gives 0 (the product stays below the threshold the runtime compares with, ...273 reaches it).
# None: refused (OverflowException).
CONVERSION_EDGES: list[tuple[str, int | None]] = [
    ("2.47032822920623258E-324", 0),
    ("2.47032822920623261E-324", 1),
    ("2.4703282292062326E-324", 1),
    ("2.47032822920623272E-324", 0),
    ("2.47032822920623273E-324", 1),
    ("1e-352", 0),  # the power of ten past the table: 0 without computing
    ("1e-351", 0),
    ("1e351", None),
    ("1e352", None),
    ("1.8e308", None),  # the exponent field all ones with a fraction: refused, not a NaN
    ("1.79769313486231581E+308", None),
    ("1.797693134862315807E+308", 0x7FEFFFFFFFFFFFFF),
]


@pytest.mark.parametrize(("text", "expected"), CONVERSION_EDGES)
def test_the_runtimes_conversion_at_its_edges(text: str, expected: int | None) -> None:
    parsers = (parse_double_xml, numbers.PURE["parse_double_xml"], parse_double_json_string)
    for parse in parsers:  # the compiled and the pure path alike
        if expected is None:
            with pytest.raises(ValueError, match=r"is outside the Double range"):
                parse(text)
        else:
            assert bits(parse(text)) == expected, (parse, text)


def test_the_r_text_cache_is_bounded() -> None:
    # the pure R formatting caches its texts, at most _R_CACHE_LIMIT of them
    format_r = numbers.PURE["format_double_r"]
    for i in range(numbers._R_CACHE_LIMIT + 10):
        assert format_r(i + 0.5) == f"{i}.5"
        assert len(numbers._R_CACHE) <= numbers._R_CACHE_LIMIT
