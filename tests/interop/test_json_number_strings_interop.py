"""JSON strings read into number and DateTimeOffset members: ``from_json`` against Json.NET 6.0.8.

``dotnet/JsonNumberStrings.cs`` reads ``{"V": value}`` into a member ``V`` of each numeric
type (and its ``Nullable<T>``) with ``JsonConvert.DeserializeObject`` and prints the value or
the exception. netcontract reads the same document into a contract of that member type:

- where Json.NET reads a value, netcontract reads the same one (a Decimal's scale and the sign
  of its zero included), or refuses it where the README's documented rule says so (a value
  .NET rounds, the sign of a Double zero, ...): ``DELIBERATE``;
- where Json.NET refuses, netcontract refuses too (never reads more than .NET).

Over a table of texts and 3,000 drawn ones (digits, signs, separators, white space, NULs).
"""

from __future__ import annotations

import decimal
import json
import random
import struct
from pathlib import Path
from typing import Any

import pytest

import netcontract as nc

from ._csharp import compile_program, run_program

pytestmark = pytest.mark.interop

TYPES: dict[str, Any] = {
    "int": nc.Int32,
    "long": nc.Int64,
    "short": nc.Int16,
    "byte": nc.Byte,
    "sbyte": nc.SByte,
    "uint": nc.UInt32,
    "ulong": nc.UInt64,
    "ushort": nc.UInt16,
    "double": float,
    "float": nc.Single,
    "decimal": decimal.Decimal,
}

TEXTS = [
    *("1", " 1", "1 ", "\t1\n", "\v1\f", "\u00a01", "1\u00a0", "\u20001", "+1", "-1", "1-"),
    *("1+", " 1 - ", "1 -", "- 1", "-1-", "+1-", "--1", "(1)", "1,000", "1,0,0", ",1", "1,"),
    *(",", ".", "1.0", "1.5", "1.", ".5", "-.5", ".5-", "1.000", "1,000.50", " 1.50 ", "1.5-"),
    *("1,.5", "1.,5", "1.5,0", "0,000.10", "1e2", "1E2", "1.5e1", "1e0", "0x10", "10h", "$1"),
    *("", " ", "NaN", "Infinity", "-Infinity", "NaN ", "-0", "-0.0", "0-", "00001", "1_0"),
    *("\u0661", "\uff11", "2147483648", "-2147483649", "256", "-129", "65536", "4294967296"),
    *("18446744073709551615", "18446744073709551616", "-9223372036854775809", "1e400"),
    *("79228162514264337593543950335", "79228162514264337593543950336", "3.4e39"),
    *("79228162514264337593543950335.0", "79228162514264337593543950335.5"),
    *("0.0000000000000000000000000001", "0.00000000000000000000000000001"),
    *("1.0000000000000000000000000000", "1.00000000000000000000000000000"),
    *("7922816251426433759354395033.55", "1\u0000", "1\u0000\u0000", "1 \u0000"),
    *("1\u0000 ", "\u00001", "1\u00002", "1.5\u0000", "1-\u0000", "NaN\u0000", "-Infinity\u0000"),
    *("1 \u0000 \u0000", "\u0000", " \u0000", "\v\u0000"),
    # a letter at the end; names followed by String.Trim's white space, then NULs
    *("1X", "1\u0000X", "NaN\u00a0\u0000", "Infinity\u2003\u0000", "  NaN\u0000", "1\u00a0\u0000"),
]

# Json.NET reads these, netcontract refuses them (README, "Values that lose nothing" and
# docs/json-rules.md §5): (type, text) -> why
DELIBERATE_DECIMAL_ROUNDING = {
    # decimal.Parse rounds past 28 places (to 0.0000000000000000000000000000, ...34)
    "0.00000000000000000000000000001",
    "7922816251426433759354395033.55",
}


def _draw(rng: random.Random) -> str:
    alphabet = "0123456789" * 3 + ",.+-  \t\x00eE\u00a0"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8)))


def _nc_answer(cls: type, text: str, kind: str) -> str:
    try:
        value = nc.from_json(b'{"V":' + json.dumps(text).encode() + b"}", cls).v
    except nc.PayloadError:
        return "err"
    if value is None:
        return "ok null"
    if kind == "double":
        return "ok %016x" % struct.unpack("<Q", struct.pack("<d", value))[0]
    if kind == "float":
        return "ok %08x" % struct.unpack("<I", struct.pack("<f", value))[0]
    if kind == "decimal":
        shown = format(value, "f")
        return "ok " + shown
    return f"ok {value}"


def _contract(kind: str, nullable: bool) -> type:
    return _contract_of(TYPES[kind], kind, nullable)


def _contract_of(base: Any, kind: str, nullable: bool) -> type:
    name = f"Str{kind.capitalize()}{'N' if nullable else ''}"
    ns = {
        "__annotations__": {"v": base | None if nullable else base},
        "v": nc.member("V", default=None),
    }
    cls: type = nc.contract("urn:numstr", name=name)(type(name, (), ns))
    return cls


def _deliberate(kind: str, text: str, dotnet: str, ours: str) -> bool:
    """A documented difference (README), or none."""
    if kind == "decimal" and text in DELIBERATE_DECIMAL_ROUNDING:
        return dotnet.startswith("ok") and ours == "err"
    if kind in ("double", "float") and dotnet.startswith("ok") and ours.startswith("ok"):
        bits = int(dotnet[3:], 16)
        ours_bits = int(ours[3:], 16)
        sign = 1 << (63 if kind == "double" else 31)
        # Json.NET reads "-0" as +0.0 (netcontract keeps the sign), and its NaN has the sign
        # bit set: the same value either way
        return (bits | sign) == (ours_bits | sign) and (
            not bits & ~sign
            or (kind == "double" and ours_bits == 0x7FF8000000000000)
            or (kind == "float" and ours_bits == 0x7FC00000)
        )
    return False


def test_number_strings_read_as_json_net_reads_them(tmp_path: Path) -> None:
    exe = compile_program("JsonNumberStrings", tmp_path)
    rng = random.Random(20261207)
    texts = TEXTS + [_draw(rng) for _ in range(3000)]
    rows = [(kind, null, text) for kind in TYPES for null in (False, True) for text in texts]
    stdin = "".join(
        f"{kind}{'?' if nullable else ''} {json.dumps(text).encode().hex()}\n"
        for kind, nullable, text in rows
    )
    lines = run_program(exe, stdin=stdin.encode(), timeout=600).decode().splitlines()
    assert len(lines) == len(rows)
    contracts = {(k, n): _contract(k, n) for k in TYPES for n in (False, True)}
    wrong = []
    for (kind, nullable, text), dotnet in zip(rows, lines, strict=True):
        theirs = "err" if dotnet.startswith("err") else dotnet
        ours = _nc_answer(contracts[kind, nullable], text, kind)
        if ours != theirs and not _deliberate(kind, text, theirs, ours):
            wrong.append((kind + "?" * nullable, text, dotnet, ours))

    assert not wrong, wrong[:40]


# [Mono] texts with an offset Json.NET reads into a DateTimeOffset exactly; netcontract too
DTO_AGREED = [
    *("2020-01-01T00:00:00+01:00", "2020-01-01T00:00:00+01", "2020-01-01T00:00+01:00"),
    *("2020-01-01T00:00:00+0100", "2020-01-01T00:00:00Z", "2020-01-01T00:00Z"),
    *("2020-01-01T00:00:00.5+01", "2020-01-01 00:00:00+01:00", " 2020-01-01T00:00:00+01:00"),
    *("2020-01-01T00:00:00+01:00 ", "2020-01-01T00:00:00 +01:00", "2020-01-01+01:00"),
    *("2020-01-01T00:00:00-00:00", "2020-01-01T00:00:00+14:00", "2020-01-01T00:00:00+0130"),
    *("2020-01-01 23:59:59.1234567-0930", "2020-02-29T12:00-05", "9999-12-31T23:59Z"),
    *("\t2020-01-01t00:00-00\t", "2020-01-01  12:34:56.5+01:30 ", "2020-01-01T00:00:00z"),
    # one-digit fields, more offset forms, other white space, NULs at the end
    *("2020-1-1T00:00:00+01:00", "2020-01-01T00:00:00+1:00", "2020-01-01T00:00:00+01:0"),
    *("2020-01-01T00:00:00+130", "2020-1-2 3:4:5.5 +2:3", "2020-1-2+02:00", "2020-1-2Z"),
    *("\u00a02020-01-01T00:00:00\t+01:00\n", "2020-01-01T00:00:00+01:00\u0000\u0000"),
    *("2020-01-01T00:00:00+01:00 \u0000", "\u20032020-01-01T00:00:00-9:30", "2020-01-01T00:00+2"),
    # a NUL right after the offset of a T form, then white space and NULs
    *("2020-01-01T00:00:00+01:00\u0000 ", "2020-01-01T00:00+2\u0000\t\u0000"),
    *("2020-01-01T00:00:00 +0100\u0000\u00a0", "2020-1-2T00:00:00+1:3\u0000 "),
    # more than 7 fraction digits: summed as doubles, rounded (.00000025 is 3 ticks)
    *("2020-01-01T00:00:00.12345678+01:00", "2020-01-01T00:00:00.00000025Z"),
    *("2020-01-01T23:59:59.99999999+01:00", "2020-1-2 3:4:5.123456789012345678901 +2"),
]
# [Mono] refused by both
DTO_REFUSED = [
    *("2020-01-01T0:00:00+01:00", "2020-01-01T00:00:00+14:01", "2020-01-01T00:00:00+15"),
    *("2020-01-01T00+01:00", "2020-01-01T24:00:00+01:00", "2020-01-01T00:00:00+01:00:00"),
    *("2020-01-01T00:00:00.+01:00", "2020-01-01T00:00:60+01:00", "", "2020-02-30T00:00Z"),
    *("2020-01-01T1:02:03+01:00", "2020-01-01T00:00:3+01:00", "2020-01-01T00:0+01:00"),
    *("2020-01-01 00:00+01:00X", "2020-01-01 00:00+01:00X\u0000"),
    *("2020-01-01T00:00:00+01:00\u0000\u0000 ", "2020-01-01T00:00:00Z\u0000 "),
    *("2020-01-01 00:00 +01:00\u0000 ", "2020-01-01T00:00:00+01:00 \u0000 "),
    "9999-12-31T23:59:59.99999995+00:00",
]
# [deliberate] Json.NET reads these, netcontract refuses them: the server's zone (no offset), or
# forms of DateTimeOffset.TryParse netcontract does not take
DTO_DELIBERATE = [
    *("2020-01-01T00:00:00.12345678", "2020-01-01T00:00:00", "2020-01-01"),
    *("01/02/2020 00:00:00 +01:00", "2024/05/06 13:45:07 +02:00", "6 May 2024 13:45:07 +02:00"),
    *("Mon, 06 May 2024 13:45:07 GMT", "2020-01-01T00:00:00+01:00Z", "020-01-01T00:00:00+01:00"),
    "2020-01-01T00:00:00+01:00X",
]


def _draw_dto(rng: random.Random) -> str:
    pick = rng.choice
    date = pick(["2020-01-01", "2024-02-29", "2023-02-29", "0001-01-01", "9999-12-31", "2020-1-01"])
    date = pick([date, date, "2020-1-2", "2020-11-2"])
    sep = pick(["T", " ", "  ", "t", "", "T", "\t", "\u00a0"])
    clock = pick(["00:00", "12:34:56", "12:34:56.5", "01:02:03.1234567", "1:02:03", "", "23:59"])
    clock = pick([clock, clock, "1:2:3", "12:3", "1:02:3.5", "00:00:00.12345675"])
    offset = pick(["Z", "+01", "+0130", "+01:30", "-05:00", "+1:00", "+14", "+15", "-14:00", "z"])
    offset = pick([offset, offset, "+130", "", "+01:3", "-00", "+1:3", "-9", "+14:1", "+1:60"])
    lead = pick(["", " ", "\t", "\u00a0", "\u2003", "\n"])
    before = pick(["", "", " ", "\t", "\u00a0"])
    trail = pick(["", " ", "\t", "\u0000", " \u0000", "\u0000 ", "\u0000\u0000", "\n"])
    return lead + date + (sep + clock if clock else "") + before + offset + trail


def _dto_answer(cls: type, text: str) -> str:
    try:
        value = nc.from_json(b'{"V":' + json.dumps(text).encode() + b"}", cls).v
    except nc.PayloadError:
        return "err"
    return "ok null" if value is None else f"ok {value.ticks} {value.offset_minutes}"


def test_datetimeoffset_strings_read_as_json_net_reads_them(tmp_path: Path) -> None:
    """The table: agreed, refused by both, the documented refusals; 3,000 drawn texts:
    netcontract reads only what Json.NET reads, as the same value and offset."""
    exe = compile_program("JsonNumberStrings", tmp_path)
    rng = random.Random(20261207)
    drawn = [_draw_dto(rng) for _ in range(3000)]
    texts = DTO_AGREED + DTO_REFUSED + DTO_DELIBERATE + drawn
    rows = [(null, text) for null in (False, True) for text in texts]
    stdin = "".join(
        f"DateTimeOffset{'?' if null else ''} {json.dumps(text).encode().hex()}\n"
        for null, text in rows
    )
    lines = run_program(exe, stdin=stdin.encode()).decode().splitlines()
    assert len(lines) == len(rows)
    contracts = {null: _contract_of(nc.DateTimeOffset, "dto", null) for null in (False, True)}
    wrong = []
    for (null, text), dotnet in zip(rows, lines, strict=True):
        theirs = "err" if dotnet.startswith("err") else dotnet
        ours = _dto_answer(contracts[null], text)
        if text in DTO_DELIBERATE:
            expected_ok = theirs.startswith("ok") and ours == "err"
        elif text in DTO_AGREED or text in DTO_REFUSED:
            expected_ok = ours == theirs
        else:  # drawn: never more than Json.NET, never another value
            expected_ok = ours == theirs or ours == "err"
        if not expected_ok:
            wrong.append((null, text, dotnet, ours))
    assert not wrong, wrong[:40]
    # Json.NET reads the agreed texts alike whatever the server's zone (an offset is given)
    agreed = "".join(f"DateTimeOffset {json.dumps(t).encode().hex()}\n" for t in DTO_AGREED)
    for tz in ("Asia/Kolkata", "America/St_Johns"):
        elsewhere = run_program(exe, stdin=agreed.encode(), tz=tz).decode().splitlines()
        assert elsewhere == lines[: len(DTO_AGREED)]
    accepted = sum(1 for line in lines if line.startswith("ok"))
    assert accepted > len(rows) // 4  # the draws reach both sides of the rules


# [Mono] Json.NET dictionary keys of type DateTimeOffset: its date parser, then the type's
# converter (String.Trim, "" is MinValue, DateTimeOffset.Parse with the invariant culture)
KEY_AGREED = [
    *("", " ", "\u00a0\t", "2020-01-01T00:00:00+01:00 \u0000 ", "2020-01-01T00:00:00+01:00\u0000 "),
    *("/Date(1577836800000+0100)/", " 2020-1-2 3:4:5 +2:3\n"),
]
KEY_REFUSED = [" /Date(0)/", "/Date(0)/ ", "/Date(x)/", "2020-01-01T00:00:00+01:00\u0000x"]
# U+001C: white space to Python's str.strip, not to .NET's String.Trim
KEY_REFUSED += ["/Date(abc)/", "/Date(1)/x", "\u001c", "\u001c2020-01-01T00:00:00+01:00"]
# [deliberate] read by Json.NET, refused by netcontract: no offset (the server's zone)
KEY_DELIBERATE = ["2020-01-01", " 2020-01-01T00:00:00\u0000 ", "2020-1-2 3:4:5"]


def _key_answer(cls: type, text: str) -> str:
    try:
        keys = list(nc.from_json(b'{"V":{' + json.dumps(text).encode() + b":1}}", cls).v)
    except nc.PayloadError:
        return "err"
    return f"ok {keys[0].ticks} {keys[0].offset_minutes}"


def test_datetimeoffset_keys_read_as_json_net_reads_them(tmp_path: Path) -> None:
    """``Dictionary<DateTimeOffset,int>`` keys: the tables, the member tables and 600 drawn
    texts; netcontract reads only what Json.NET reads, as the same value and offset."""
    exe = compile_program("JsonNumberStrings", tmp_path)
    rng = random.Random(20261208)
    texts = KEY_AGREED + KEY_REFUSED + KEY_DELIBERATE + DTO_AGREED + DTO_REFUSED
    texts += [_draw_dto(rng) for _ in range(600)]
    stdin = "".join(
        f"DateTimeOffsetKey {(b'{' + json.dumps(t).encode() + b':1}').hex()}\n" for t in texts
    )
    lines = run_program(exe, stdin=stdin.encode()).decode().splitlines()
    assert len(lines) == len(texts)
    cls = _contract_of(dict[nc.DateTimeOffset, nc.Int32], "dtokey", False)
    wrong = []
    accepted = refused_by_us = 0
    for text, dotnet in zip(texts, lines, strict=True):
        theirs = "err" if dotnet.startswith("err") else dotnet
        ours = _key_answer(cls, text)
        accepted += theirs != "err"
        refused_by_us += theirs != "err" and ours == "err"
        if text in KEY_DELIBERATE:
            expected_ok = theirs.startswith("ok") and ours == "err"
        elif text in KEY_AGREED or text in KEY_REFUSED:
            expected_ok = ours == theirs
        else:
            expected_ok = ours == theirs or ours == "err"
        if not expected_ok:
            wrong.append((text, dotnet, ours))
    assert not wrong, wrong[:40]
    assert accepted > len(texts) // 4
    # only texts without an offset (the server's zone) or with 8 fraction digits are refused
    assert refused_by_us < accepted // 4


# [Mono] DateTime members with more than 7 fraction digits: Json.NET's own parser stops at 7,
# DateTime.TryParse(s, InvariantCulture, RoundtripKind) rounds the double sum of the digits
DT_ROUNDED = [
    *("2024-05-06T11:45:07.12345678Z", "2024-05-06T11:45:07.12345665Z", "2024-05-06T11:45:07.5"),
    *("2024-05-06T11:45:07.00000005z", "2024-05-06T11:45:07.00000025", "0001-01-01T00:00:00.1Z"),
    *("2024-05-06T23:59:59.99999999Z", "2024-05-06T11:45:07.12345678+05:30"),
    *("2024-05-06T11:45:07.123456789012345678901234567890-09:30", "2024-05-06T11:45:07.12345675"),
    # 9 digits without a zone: cut to 7 (Json.NET; DateTime.TryParse alone rounds them)
    *("2024-05-06T11:45:07.772040569", "2024-05-06T11:45:07.333713650"),
    # rounded to MaxValue exactly (.99999996: past it, refused)
    *("9999-12-31T23:59:59.99999994", "9999-12-31T23:59:59.99999994Z"),
]
# [Mono] refused by both: past MaxValue, beyond ±14:00; read by Json.NET only (other layouts)
DT_REFUSED = ["9999-12-31T23:59:59.99999999Z", "2024-05-06T11:45:07.12345678+15:00"]
DT_REFUSED += ["9999-12-31T23:59:59.99999996", "9999-12-31T23:59:59.99999996Z"]
DT_DELIBERATE = ["2024-05-06t11:45:07.12345678Z", "2024-05-06 11:45:07.12345678Z"]


def _draw_fraction(rng: random.Random) -> str:
    digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(8, 15)))
    if rng.random() < 0.5:  # near the ties of the 8th digit
        digits = digits[:7] + rng.choice(["5", "50", "49", "51", "4999", "5001"])
    zone = rng.choice(["", "Z", "+01:00", "-05:30"])
    return f"2024-05-06T11:45:0{rng.randint(0, 9)}.{digits}{zone}"


def test_datetime_fraction_digits_read_as_json_net_reads_them(tmp_path: Path) -> None:
    """A DateTime member: the table and 400 drawn texts of 8..15 fraction digits, under
    TZ=UTC (a Local value is the instant at +00:00): the same ticks and kind."""
    exe = compile_program("JsonNumberStrings", tmp_path)
    rng = random.Random(20261209)
    texts = DT_ROUNDED + DT_REFUSED + DT_DELIBERATE + [_draw_fraction(rng) for _ in range(400)]
    stdin = "".join(f"DateTime {json.dumps(t).encode().hex()}\n" for t in texts)
    lines = run_program(exe, stdin=stdin.encode()).decode().splitlines()
    assert len(lines) == len(texts)
    cls = _contract_of(nc.DateTime, "dt", False)
    wrong = []
    for text, dotnet in zip(texts, lines, strict=True):
        try:
            value = nc.from_json(b'{"V":' + json.dumps(text).encode() + b"}", cls).v
        except nc.PayloadError:
            ours = "err"
        else:
            ticks = value.ticks - (value.offset_minutes or 0) * 600_000_000
            kind = {"UTC": "Utc", "LOCAL": "Local", "UNSPECIFIED": "Unspecified"}
            ours = f"ok {ticks} {kind[value.kind.name]}"
        theirs = "err" if dotnet.startswith("err") else dotnet
        if text in DT_DELIBERATE:
            expected_ok = theirs.startswith("ok") and ours == "err"
        else:
            expected_ok = ours == theirs
        if not expected_ok:
            wrong.append((text, dotnet, ours))
    assert not wrong, wrong[:40]
