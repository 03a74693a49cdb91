"""Differential check: each compiled codec against its pure-Python reference, on random input.

    python3 dev.py differential [COUNT] [SEED]     COUNT inputs per codec (default 1,000,000)

For every input both functions must give the same value (floats compared bit for bit, so NaN
and -0.0 count) or raise the same exception type with the same message. The inputs are drawn
around the codecs' grammars: valid text .NET writes, the same text with one character changed,
inserted or removed, boundary values (ranges, 15/17-digit doubles, subnormals, leap days), and
arbitrary characters. test_compiled.py runs the same generators on a bounded count.
"""

from __future__ import annotations

import random
import struct
import sys
import uuid
from collections.abc import Callable, Iterator
from datetime import date as _date
from typing import Any

import msgspec

from netcontract.clr import compiled
from netcontract.clr import datetime as _datetime
from netcontract.clr import guid as _guid
from netcontract.clr import numbers as _numbers
from netcontract.clr import single as _single
from netcontract.clr.datetime import MAX_TICKS, DateTime, DateTimeKind
from netcontract.json import text as _json_text
from netcontract.xml import write as _xml_write

_NOISE = "0123456789+-.eEZzT:- \t\r\n\v{}()abcdefABCDEFxX,_\u0663\u00b2\u00e9"


class Args(tuple):  # type: ignore[type-arg]
    """The arguments of a codec that takes several (``fn(*args)``)."""


def outcome(fn: Callable[..., Any], arg: Any) -> tuple[str, Any]:
    """What ``fn(arg)`` (``fn(*arg)`` for :class:`Args`) gives, in a form two implementations
    can be compared by."""
    try:
        value = fn(*arg) if type(arg) is Args else fn(arg)
    except Exception as exc:
        return ("raises", (type(exc), str(exc)))
    if type(value) is float:
        return ("float", struct.pack("<d", value))
    if type(value) is DateTime:
        return ("DateTime", (value.ticks, value.kind, value.offset_minutes))
    if type(value) is uuid.UUID:
        return ("UUID", (value.int, value.is_safe))
    if type(value) is msgspec.Raw:
        return ("Raw", (value is arg, bytes(value)))  # (returned as it came, or made anew)
    return (type(value).__name__, value)


def _mutate(rng: random.Random, text: str) -> str:
    """The text with a character changed, inserted or removed (sometimes two edits)."""
    for _ in range(rng.choice((1, 1, 1, 2))):
        i = rng.randrange(len(text) + 1)
        op = rng.randrange(3)
        c = rng.choice(_NOISE)
        if op == 0 and i < len(text):
            text = text[:i] + c + text[i + 1 :]
        elif op == 1:
            text = text[:i] + c + text[i:]
        elif i < len(text):
            text = text[:i] + text[i + 1 :]
    return text


def _maybe_mutate(rng: random.Random, text: str) -> str:
    r = rng.random()
    if r < 0.25:
        return _mutate(rng, text)
    if r < 0.28:
        return "".join(rng.choice(_NOISE) for _ in range(rng.randrange(40)))
    return text


def _random_double(rng: random.Random) -> float:
    r = rng.random()
    if r < 0.4:  # any bit pattern: subnormals, huge and tiny values, NaN and infinities
        value: float = struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0]
        return value
    if r < 0.8:  # a short decimal, as documents hold
        return round(rng.uniform(-1e6, 1e6), rng.randrange(10))
    if r < 0.9:
        return float(rng.randrange(-(10**16), 10**16))
    return rng.choice((0.0, -0.0, 1e15, -1e15, 1e16, 5e-324, 2.2250738585072014e-308, 1e308))


def double_texts(rng: random.Random) -> Iterator[str]:
    """Texts for the Double parsers: R and repr output, grammar pieces, edits of both."""
    while True:
        r = rng.random()
        if r < 0.3:
            text = _numbers.PURE["format_double_r"](_random_double(rng))
        elif r < 0.45:
            text = repr(_random_double(rng))
        else:
            sign = rng.choice(("", "", "-", "+"))
            whole = "".join(rng.choice("0123456789") for _ in range(rng.randrange(25)))
            if rng.random() < 0.2:
                whole = "0" * rng.randrange(5) + whole
            text = sign + whole
            if rng.random() < 0.6:
                text += "." + "".join(rng.choice("0123456789") for _ in range(rng.randrange(25)))
            if rng.random() < 0.4:
                text += rng.choice("eE") + rng.choice(("", "+", "-"))
                text += str(rng.choice((rng.randrange(400), rng.randrange(10**6))))
                if rng.random() < 0.1:
                    text = text[:-1] + "0" * rng.randrange(6) + text[-1]
        if rng.random() < 0.05:
            text = rng.choice((" ", "\t", "\n", "\r", "\v")) + text + rng.choice((" ", "\r\n"))
        yield _maybe_mutate(rng, text)


def doubles(rng: random.Random) -> Iterator[float]:
    while True:
        yield _random_double(rng)


def _random_ticks(rng: random.Random) -> int:
    r = rng.random()
    if r < 0.6:  # the years documents hold, with 0..7 fraction digits
        ticks = rng.randrange(599_266_080_000_000_000, 693_937_152_000_000_000)
        return ticks - ticks % rng.choice((1, 10, 10_000, 10_000_000))
    if r < 0.9:
        return rng.randrange(MAX_TICKS + 1)
    if r < 0.95:  # a month's first tick or the tick before it, near the month tables' edges
        year = rng.choice((rng.randrange(1, 10000), 1899, 1900, 2199, 2200, 2201))
        first = (_date(year, rng.randrange(1, 13), 1).toordinal() - 1) * 864_000_000_000
        return max(first - rng.choice((0, 1, 10_000_000)), 0)
    return rng.choice((0, MAX_TICKS, 863_999_999_999))


def datetimes(rng: random.Random) -> Iterator[DateTime]:
    while True:
        kind = rng.choice(list(DateTimeKind))
        offset = rng.randrange(-840, 841) if kind is DateTimeKind.LOCAL else None
        yield DateTime(_random_ticks(rng), kind, offset)


def datetime_texts(rng: random.Random) -> Iterator[str]:
    """Texts .NET writes, boundary fields (Feb 29, hour 24, year 0), other offsets, edits."""
    values = datetimes(rng)
    while True:
        r = rng.random()
        if r < 0.5:
            text = _datetime.PURE["format_datetime"](next(values))
            if rng.random() < 0.1:
                text = text.replace("Z", "z")
        else:
            year = rng.choice((rng.randrange(10000), rng.randrange(1900, 2200)))
            month, day = rng.randrange(14), rng.randrange(33)
            hour, minute, second = rng.randrange(26), rng.randrange(62), rng.randrange(62)
            text = f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"
            if rng.random() < 0.5:
                text += "." + "".join(rng.choice("0123456789") for _ in range(rng.randrange(10)))
            zone = rng.random()
            if zone < 0.3:
                text += rng.choice("Zz")
            elif zone < 0.7:
                text += f"{rng.choice('+-')}{rng.randrange(16):02d}:{rng.randrange(62):02d}"
        yield _maybe_mutate(rng, text)


def _plain_decimal(rng: random.Random) -> str:
    """-?int.frac, with long runs of digits and of zeros after the point (exponent forms in
    the Decimal's text), around the 15/17-digit rounding of the CLR parse."""
    integer = "0" if rng.random() < 0.4 else str(rng.randrange(1, 10 ** rng.randrange(1, 30)))
    zeros = "0" * rng.choice((0, 0, rng.randrange(12), rng.randrange(330)))
    digits = "".join(rng.choice("0123456789") for _ in range(rng.randrange(1, 30)))
    return ("-" if rng.random() < 0.3 else "") + integer + "." + zeros + digits


def json_number_raws(rng: random.Random) -> Iterator[Any]:
    """msgspec.Raw values of a Double member: plain decimals (most), what .NET writes, other
    tokens and JSON values, edits; sometimes bytes or something else."""
    texts = double_texts(rng)
    while True:
        r = rng.random()
        if r < 0.6:
            token = _plain_decimal(rng)
        elif r < 0.85:
            token = next(texts)
        else:
            token = rng.choice(('"1.5"', "null", "true", "[1.5]", '{"a":1.5}', "1" + "0" * 400))
        token = _maybe_mutate(rng, token)
        raw = token.encode("utf-8", "surrogatepass")
        r = rng.random()
        yield msgspec.Raw(raw) if r < 0.9 else raw if r < 0.97 else rng.choice((None, 15, token))


def datetime_json_texts(rng: random.Random) -> Iterator[Any]:
    """A DateTime member's JSON strings: ISO texts, Microsoft dates, their edits, non-str."""
    iso = datetime_texts(rng)
    while True:
        r = rng.random()
        if r < 0.5:
            yield next(iso)
        elif r < 0.98:
            ms = rng.choice((rng.randrange(-(10**15), 10**15), rng.randrange(-100, 100)))
            zone = "" if rng.random() < 0.5 else f"{rng.choice('+-')}{rng.randrange(2400):04d}"
            yield _maybe_mutate(rng, f"/Date({ms}{zone})/")
        else:
            yield rng.choice((None, 12, b"/Date(0)/", b"2020-01-01T00:00:00Z"))


_JSON_PIECES = (
    b":", b'"a":', b'{"x":1}', b"\\", b"\\u003b", b"\\u00", b"\\n", b"u003a", b"0",
    b"12", b"-1.5e+7", b"E", b".", b"+", b" ", b"x", b'"', b"\xc3\xa9",
)  # fmt: skip
_ESCAPED_COLONS = (b"\\u003a", b"\\u003A", b"\\\\u003a")


def json_documents(rng: random.Random) -> Iterator[Args]:
    """(bytes, longest) for json.text.colons_surely: colons, escaped and almost-escaped
    colons, number runs around ``longest`` (short ones drawn often), chunks of 8 and tails,
    and sometimes not bytes."""
    while True:
        longest = rng.choice((0, 1, 2, 3, 7, 8, 9, 16, _json_text.LONGEST_NUMBER))
        parts = []
        for _ in range(rng.randrange(60)):
            r = rng.random()
            if r < 0.03:
                parts.append(b"7" * rng.randrange(max(1, longest - 2), longest + 3))
            elif r < 0.04:
                parts.append(rng.choice(_ESCAPED_COLONS))
            else:
                parts.append(rng.choice(_JSON_PIECES))
        raw = b"".join(parts)
        if rng.random() < 0.01:
            yield Args((rng.choice((raw.decode("latin-1"), bytearray(raw), None)), longest))
        else:
            yield Args((raw, longest))


def struct_texts(rng: random.Random) -> Iterator[Args]:
    """(maxlen, *texts) for json.text.text_colons: strings of each width (ASCII, Latin-1, BMP,
    astral) with and without colons, None, a length around maxlen; sometimes a non-str."""
    alphabet = (":", "a", " ", "é", "\u20ac", "\U0001f69a", "\x00", "\\")
    while True:
        maxlen = rng.choice((0, 1, 3, 8, 40, 1 << 20))
        texts: list[Any] = []
        for _ in range(rng.randrange(25)):
            if rng.random() < 0.2:
                texts.append(None)
                continue
            size = rng.choice((0, 1, rng.randrange(maxlen + 3) if maxlen < 100 else 30))
            texts.append("".join(rng.choice(alphabet) for _ in range(size)))
        if rng.random() < 0.02:
            texts.insert(rng.randrange(len(texts) + 1), rng.choice((b":", 5, 1.5)))
        first: Any = maxlen if rng.random() < 0.98 else rng.choice((-1, True, "3", None))
        yield Args((first, *texts))


def guid_texts(rng: random.Random) -> Iterator[str]:
    while True:
        value = uuid.UUID(int=rng.getrandbits(128))
        form = rng.randrange(4)
        text = value.hex if form == 1 else str(value)
        if form == 2:
            text = "{" + text + "}"
        elif form == 3:
            text = "(" + text + ")"
        if rng.random() < 0.3:
            text = "".join(c.upper() if rng.random() < 0.5 else c for c in text)
        yield _maybe_mutate(rng, text)


def _random_single(rng: random.Random) -> float:
    r = rng.random()
    if r < 0.4:  # any float32 bit pattern: subnormals, the extremes, NaN and infinities
        value: float = struct.unpack("<f", rng.getrandbits(32).to_bytes(4, "little"))[0]
        return value
    if r < 0.8:  # a short decimal, as documents hold, rounded to float32
        return _single.to_single(round(rng.uniform(-1e6, 1e6), rng.randrange(8)))
    if r < 0.9:
        return _single.to_single(float(rng.randrange(-(10**9), 10**9)))
    return rng.choice((0.0, -0.0, 1e7, -1e7, 16777216.0, 1.401298464324817e-45, _single.SINGLE_MAX))


def singles(rng: random.Random) -> Iterator[Any]:
    """Single values (format_single_r takes any float: sometimes a Double, rarely an int)."""
    while True:
        r = rng.random()
        if r < 0.9:
            yield _random_single(rng)
        elif r < 0.99:
            yield _random_double(rng)
        else:
            yield rng.choice((7, -(2**40), True, "1.5"))


def single_texts(rng: random.Random) -> Iterator[str]:
    """Texts for the Single parser: R texts of Singles, the Double parsers' texts (beyond
    Single.MaxValue among them), XML's INF and -0, edits of all."""
    doubles_ = double_texts(rng)
    while True:
        r = rng.random()
        if r < 0.45:
            text = _single.PURE["format_single_r"](_random_single(rng))
        elif r < 0.95:
            text = next(doubles_)
        else:
            text = rng.choice(("INF", "-INF", "NaN", "-0", "3.40282357E+38", "3.4028235E+38"))
        yield _maybe_mutate(rng, text)


INT_RANGES = (
    (-(2**7), 2**7 - 1, "SByte"), (0, 2**8 - 1, "Byte"), (-(2**15), 2**15 - 1, "Int16"),
    (0, 2**16 - 1, "UInt16"), (-(2**31), 2**31 - 1, "Int32"), (0, 2**32 - 1, "UInt32"),
    (-(2**63), 2**63 - 1, "Int64"), (0, 2**64 - 1, "UInt64"), (0, 0xFFFF, "Char"),
    (-(2**63), 2**64 - 1, "Int64 or UInt64"),
)  # fmt: skip


def int_args(rng: random.Random) -> Iterator[Args]:
    """(text, lo, hi, name) for parse_int_xml: values in and around each type's range, signs,
    leading zeros, XML and other white space, edits; rarely odd bounds or a non-str."""
    while True:
        lo, hi, name = rng.choice(INT_RANGES)
        r = rng.random()
        if r < 0.5:
            value = rng.randrange(lo, hi + 1)
        elif r < 0.8:
            value = rng.choice((lo, hi)) + rng.randrange(-3, 4)
        else:
            value = rng.randrange(-(10 ** rng.randrange(1, 25)), 10 ** rng.randrange(1, 25))
        text = str(value)
        if rng.random() < 0.1:
            text = (
                text.replace("-", "-" + "0" * rng.randrange(1, 25))
                if value < 0
                else ("0" * rng.randrange(1, 25) + text)
            )
        if rng.random() < 0.1:
            text = rng.choice(("+", "")) + text
        if rng.random() < 0.1:
            text = (
                rng.choice((" ", "\t", "\n", "\r", "\v", "")) + text + rng.choice((" ", "\r\n", ""))
            )
        text = _maybe_mutate(rng, text)
        r = rng.random()
        if r < 0.99:
            yield Args((text, lo, hi, name))
        else:
            yield Args(
                rng.choice(
                    (
                        (text.encode(), lo, hi, name),
                        (text, 5, 10, name),
                        (text, lo, -1, name),
                        (text, 2**70 * -1, 2**70, name),
                        (text, lo, hi),
                        (text, True, hi, name),
                    )
                )
            )


_XML_CHARS = (
    "a", "Z", " ", "&", "<", ">", "\r", "\n", "\t", "\"", "'", "&amp;", "\x00", "\x1f", "\x7f",
    "é", "\u20ac", "\ud7ff", "\ud800", "\udfff", "\ue000", "\ufffd", "\ufffe", "\uffff",
    "\U0001f69a", "\U0010ffff",
)  # fmt: skip


def xml_texts(rng: random.Random) -> Iterator[Any]:
    """Element texts for escape_text: plain text (most), each character the escape or the
    XML 1.0 check cares about, in each str width; rarely a non-str."""
    words = ("ligne", "Fahrzeug", "naïve", "\u20ac 12", "\U0001f69a")
    while True:
        r = rng.random()
        if r < 0.3:
            yield " ".join(rng.choice(words) for _ in range(rng.randrange(6)))
        elif r < 0.99:
            yield "".join(rng.choice(_XML_CHARS) for _ in range(rng.randrange(30)))
        else:
            yield rng.choice((b"a&b", None, 5))


# (name, module of the pure and the public function, input generator)
CODECS: tuple[tuple[str, Any, Callable[[random.Random], Iterator[Any]]], ...] = (
    ("parse_double_xml", _numbers, double_texts),
    ("parse_double_json_number", _numbers, double_texts),
    ("format_double_r", _numbers, doubles),
    ("parse_datetime", _datetime, datetime_texts),
    ("format_datetime", _datetime, datetimes),
    ("parse_guid", _guid, guid_texts),
    ("parse_datetime_json", _datetime, datetime_json_texts),
    ("colons_surely", _json_text, json_documents),
    ("parse_double_json_plain", _numbers, json_number_raws),
    ("text_colons", _json_text, struct_texts),
    ("format_single_r", _single, singles),
    ("parse_single_xml", _single, single_texts),
    ("parse_int_xml", _numbers, int_args),
    ("escape_text", _xml_write, xml_texts),
)


def run(count: int, seed: int) -> dict[str, int]:
    """Compare every codec on ``count`` inputs; raise AssertionError on the first difference."""
    extension = compiled.extension
    if extension is None:
        raise RuntimeError("the compiled codecs are not built: nothing to compare")
    compared = {}
    for name, module, generator in CODECS:
        pure = module.PURE[name]
        fast = getattr(extension, name)
        rng = random.Random(f"{seed}-{name}")
        inputs = generator(rng)
        for _ in range(count):
            arg = next(inputs)
            want, got = outcome(pure, arg), outcome(fast, arg)
            if want != got:
                raise AssertionError(f"{name}({arg!r}): pure {want}, compiled {got}")
        compared[name] = count
    return compared


def main(argv: list[str]) -> int:
    count = int(argv[0]) if argv else 1_000_000
    seed = int(argv[1]) if len(argv) > 1 else random.randrange(2**32)
    print(f"differential: {count:,} inputs per codec, seed {seed}", flush=True)
    for name, n in run(count, seed).items():
        print(f"  {name}: {n:,} inputs, same value or same error")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
