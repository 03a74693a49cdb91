"""The core byte rules, pinned as the literal bytes Mono's .NET wrote, so that the suite guards
them without Mono too.

Mono: every byte string in ``MONO`` (at the end of this file) is what
``tests/interop/dotnet/ByteRules.cs`` printed on Mono 6.8 with Json.NET 6.0.8 and ``TZ=UTC``:
DataContractSerializer through ``XmlWriter.Create`` (no declaration, ``NewLineHandling.Entitize``,
``CheckCharacters``) and ``JsonConvert.SerializeObject``; a ``str`` is the exception .NET threw
instead of writing. Regenerate with ``.venv/bin/python -m tests.interop.byte_rules_mono`` (it
prints the table); ``tests/interop/test_stored_tables.py`` checks on every interop run that the
table is still what Mono writes.

Covered: the ordinal order of encoded member names (non-ASCII, ``_xHHHH_`` escapes, astral
names, ``_x005F_``), every JSON escape Json.NET writes and what it leaves as is, XML escapes and
the characters XML refuses, and the text of Double, Decimal, DateTime (each kind, min/max, the
edges of netcontract's 1900..2199 month tables, leap days), Guid and integer bounds in plain,
Nullable, list and ``object`` members. Each row is written by netcontract in the same outputs
(compact and indented: the fast and the reference writers) and read back.

The C# classes of ByteRules.cs and the contracts below have the same names, namespaces and
members in the same declaration order.
"""

from __future__ import annotations

import decimal
import math
import uuid
from collections.abc import Callable
from typing import Any

import attrs
import pytest

import netcontract as nc

NS = "ByteRules"
U = nc.DateTimeKind.UNSPECIFIED
Z = nc.DateTimeKind.UTC
L = nc.DateTimeKind.LOCAL


@nc.contract(NS)
class Names:
    m0: str | None = nc.member("b", default=None)
    m1: str | None = nc.member("a b", default=None)
    m2: str | None = nc.member("aZ", default=None)
    m3: str | None = nc.member("a_b", default=None)
    m4: str | None = nc.member("1a", default=None)
    m5: str | None = nc.member("\u00e9", default=None)
    m6: str | None = nc.member("\uff21", default=None)
    m7: str | None = nc.member("-x", default=None)
    m8: str | None = nc.member("B", default=None)
    m9: str | None = nc.member('q"', default=None)
    m10: str | None = nc.member("\u0391", default=None)
    m11: str | None = nc.member("x\u00b7", default=None)
    m12: str | None = nc.member("_", default=None)
    m13: str | None = nc.member("Z", default=None)
    m14: str | None = nc.member("\U0001f600", default=None)


@nc.contract(NS)
class Lookalikes:
    m0: str | None = nc.member("_x0041_", default=None)
    m1: str | None = nc.member("_x0041_ b", default=None)
    m2: str | None = nc.member("c_x0041_", default=None)
    m3: str | None = nc.member("d_x0041_\u00e9", default=None)
    m4: str | None = nc.member("e_x0041_\uff21", default=None)
    m5: str | None = nc.member("f_x0001F600_ ", default=None)


@nc.contract(NS)
class NamesToEscape:
    m0: str | None = nc.member("p\u2028", default=None)
    m1: str | None = nc.member("q\u2029", default=None)
    m2: str | None = nc.member("r\u0085", default=None)
    m3: str | None = nc.member("s\\\x01", default=None)


@nc.contract(NS)
class Texts:
    s: str | None = nc.member("S", default=None)
    l: list[str] | None = nc.member("L", default=None)  # noqa: E741 - the wire name


@nc.contract(NS)
class Doubles:
    d: float = nc.member("D", default=0.0)
    n: float | None = nc.member("N", default=None)
    l: list[float] | None = nc.member("L", default=None)  # noqa: E741


@nc.contract(NS)
class Decimals:
    d: decimal.Decimal = nc.member("D", default=decimal.Decimal(0))
    n: decimal.Decimal | None = nc.member("N", default=None)
    l: list[decimal.Decimal] | None = nc.member("L", default=None)  # noqa: E741


@nc.contract(NS)
class Dates:
    d: nc.DateTime = nc.member("D", default=nc.MIN_DATETIME)
    n: nc.DateTime | None = nc.member("N", default=None)
    l: list[nc.DateTime] | None = nc.member("L", default=None)  # noqa: E741


@nc.contract(NS)
class Guids:
    d: uuid.UUID = nc.member("D", default=nc.EMPTY_GUID)
    n: uuid.UUID | None = nc.member("N", default=None)
    l: list[uuid.UUID] | None = nc.member("L", default=None)  # noqa: E741


@nc.contract(NS)
class BoundsInt16:
    v: nc.Int16 = nc.member("V", default=0)
    n: nc.Int16 | None = nc.member("N", default=None)
    l: list[nc.Int16] | None = nc.member("L", default=None)  # noqa: E741
    o: object = nc.member("O", default=None)


@nc.contract(NS)
class BoundsInt32:
    v: nc.Int32 = nc.member("V", default=0)
    n: nc.Int32 | None = nc.member("N", default=None)
    l: list[nc.Int32] | None = nc.member("L", default=None)  # noqa: E741
    o: object = nc.member("O", default=None)


@nc.contract(NS)
class BoundsInt64:
    v: nc.Int64 = nc.member("V", default=0)
    n: nc.Int64 | None = nc.member("N", default=None)
    l: list[nc.Int64] | None = nc.member("L", default=None)  # noqa: E741
    o: object = nc.member("O", default=None)


@nc.contract(NS)
class BoundsSByte:
    v: nc.SByte = nc.member("V", default=0)
    n: nc.SByte | None = nc.member("N", default=None)
    l: list[nc.SByte] | None = nc.member("L", default=None)  # noqa: E741
    o: object = nc.member("O", default=None)


@nc.contract(NS)
class BoundsByte:
    v: nc.Byte = nc.member("V", default=0)
    n: nc.Byte | None = nc.member("N", default=None)
    l: list[nc.Byte] | None = nc.member("L", default=None)  # noqa: E741
    o: object = nc.member("O", default=None)


@nc.contract(NS)
class BoundsUInt16:
    v: nc.UInt16 = nc.member("V", default=0)
    n: nc.UInt16 | None = nc.member("N", default=None)
    l: list[nc.UInt16] | None = nc.member("L", default=None)  # noqa: E741
    o: object = nc.member("O", default=None)


@nc.contract(NS)
class BoundsUInt32:
    v: nc.UInt32 = nc.member("V", default=0)
    n: nc.UInt32 | None = nc.member("N", default=None)
    l: list[nc.UInt32] | None = nc.member("L", default=None)  # noqa: E741
    o: object = nc.member("O", default=None)


@nc.contract(NS)
class BoundsUInt64:
    v: nc.UInt64 = nc.member("V", default=0)
    n: nc.UInt64 | None = nc.member("N", default=None)
    l: list[nc.UInt64] | None = nc.member("L", default=None)  # noqa: E741
    o: object = nc.member("O", default=None)


def boxed(xs_name: str, value: int) -> Any:
    """``value`` as an ``object`` member holding the CLR type ``xs_name`` (``short``...).

    Read from ``i:type``, the public way to get a :class:`nc.Boxed` of a given CLR type.
    """
    doc = (
        f'<BoundsInt16 xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="{NS_URI}">'
        f'<O xmlns:d2p1="http://www.w3.org/2001/XMLSchema" i:type="d2p1:{xs_name}">{value}</O>'
        "</BoundsInt16>"
    )
    return nc.from_xml(doc.encode(), BoundsInt16).o


NS_URI = "http://schemas.datacontract.org/2004/07/ByteRules"


def _names(cls: Callable[..., Any], count: int) -> Any:
    return cls(**{f"m{i}": str(i) for i in range(count)})


def _texts(*items: str) -> Texts:
    return Texts(s="".join(items), l=list(items))


def _doubles(v: float) -> Doubles:
    return Doubles(d=v, n=v, l=[v])


def _decimals(text: str) -> Decimals:
    v = decimal.Decimal(text)
    return Decimals(d=v, n=v, l=[v])


def _dates(v: nc.DateTime) -> Dates:
    return Dates(d=v, n=v, l=[v])


def _at(y: int, mo: int, d: int, h: int, mi: int, s: int, fraction: int, kind: Any) -> nc.DateTime:
    # Local values: Mono ran with TZ=UTC, so they carry the offset +00:00
    offset = 0 if kind is L else None
    return nc.DateTime.from_parts(y, mo, d, h, mi, s, fraction, kind=kind, offset_minutes=offset)


# fmt: off
LEFT_AS_IS = (
    "<", ">", "&", "'", "/", "\u00e9", "\U0001f600", "\u00a0", "\u200b", "\ufeff",
    "\ud7ff", "\ue000", "\ufffd", "\ufffe", "\uffff",
)
XML_TEXTS = (
    "&", "<", ">", "\r", "\n", "\t", '"', "'", "]]>", " a ", "\x7f", "\x85", "\u2028",
    "\u2029", "\u00e9", "\U0001f600", "\ud7ff", "\ue000", "\ufffd", "",
)
# fmt: on
G = uuid.UUID("0f8fad5b-d9cb-469f-a165-70867728950e")
FF = uuid.UUID("ffffffff-ffff-ffff-ffff-ffffffffffff")

#: the value of each row of ByteRules.cs, by its label
ROWS: dict[str, Any] = {
    "names": _names(Names, 15),
    "names: escape lookalikes": _names(Lookalikes, 6),
    "names: escaped in JSON": _names(NamesToEscape, 4),
    "json escapes: U+0000..U+001F": _texts(*map(chr, range(0x20))),
    "json escapes: specials": _texts('"', "\\", "\x7f", "\x85", "\u2028", "\u2029"),
    "json escapes: left as is": _texts(*LEFT_AS_IS),
    "xml escapes": _texts(*XML_TEXTS),
    **{
        f"xml refuses U+{ord(c):04X}": _texts(c)
        for c in ("\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1f", "\ufffe", "\uffff")
    },
    "double 0": _doubles(0.0),
    "double -0": _doubles(-0.0),
    "double 1": _doubles(1.0),
    "double 100": _doubles(100.0),
    "double 0.1": _doubles(0.1),
    "double 1/3": _doubles(1 / 3),
    "double -1.5": _doubles(-1.5),
    "double 1e15": _doubles(1e15),
    "double 1e16": _doubles(1e16),
    "double 1e-5": _doubles(1e-5),
    "double 2^53": _doubles(9007199254740992.0),
    "double 123456789012345.6": _doubles(123456789012345.6),
    "double 0.8455124082255701": _doubles(0.8455124082255701),
    "double MaxValue": _doubles(1.7976931348623157e308),
    "double -MaxValue": _doubles(-1.7976931348623157e308),
    "double Epsilon": _doubles(5e-324),
    "double NaN": _doubles(math.nan),
    "double +Infinity": _doubles(math.inf),
    "double -Infinity": _doubles(-math.inf),
    "decimal 0": _decimals("0"),
    "decimal 1": _decimals("1"),
    "decimal 1.0": _decimals("1.0"),
    "decimal 1.50": _decimals("1.50"),
    "decimal -0.001": _decimals("-0.001"),
    "decimal 100": _decimals("100"),
    "decimal 1E-28": _decimals("0.0000000000000000000000000001"),
    "decimal MaxValue": _decimals("79228162514264337593543950335"),
    "decimal MinValue": _decimals("-79228162514264337593543950335"),
    "decimal 7.9228162514264337593543950335": _decimals("7.9228162514264337593543950335"),
    **{
        f"datetime {label} {name}": _dates(_at(*parts, kind))
        for name, kind in (("Unspecified", U), ("Utc", Z), ("Local", L))
        for label, parts in (
            ("MinValue", (1, 1, 1, 0, 0, 0, 0)),
            ("MaxValue", (9999, 12, 31, 23, 59, 59, 9999999)),
            ("1899-12-31T23:59:59.9999999", (1899, 12, 31, 23, 59, 59, 9999999)),
            ("1900-01-01", (1900, 1, 1, 0, 0, 0, 0)),
            ("2199-12-31T23:59:59.9999999", (2199, 12, 31, 23, 59, 59, 9999999)),
            ("2200-01-01", (2200, 1, 1, 0, 0, 0, 0)),
        )
    },
    "datetime 1896-02-29 leap": _dates(_at(1896, 2, 29, 0, 0, 0, 0, U)),
    "datetime 1900-02-28 no leap day": _dates(_at(1900, 2, 28, 12, 0, 0, 0, U)),
    "datetime 1900-03-01": _dates(_at(1900, 3, 1, 0, 0, 0, 0, U)),
    "datetime 2000-02-29 leap": _dates(_at(2000, 2, 29, 0, 0, 0, 0, Z)),
    "datetime 2100-02-28 no leap day": _dates(_at(2100, 2, 28, 23, 59, 59, 9999999, Z)),
    "datetime 2100-03-01": _dates(_at(2100, 3, 1, 0, 0, 0, 0, Z)),
    "datetime 2196-02-29 leap": _dates(_at(2196, 2, 29, 0, 0, 0, 0, L)),
    "datetime 2204-02-29 leap": _dates(_at(2204, 2, 29, 0, 0, 0, 0, L)),
    "datetime fraction .1": _dates(_at(2024, 1, 2, 3, 4, 5, 1000000, Z)),
    "datetime fraction .12": _dates(_at(2024, 1, 2, 3, 4, 5, 1200000, Z)),
    "datetime fraction .0000001": _dates(_at(2024, 1, 2, 3, 4, 5, 1, U)),
    "datetime fraction .1234567": _dates(_at(2024, 1, 2, 3, 4, 5, 1234567, L)),
    "guid Empty": Guids(d=nc.EMPTY_GUID, n=nc.EMPTY_GUID, l=[nc.EMPTY_GUID]),
    "guid 0f8fad5b": Guids(d=G, n=G, l=[G]),
    "guid all ff": Guids(d=FF, n=None, l=[FF, G]),
    "Int16 bounds": BoundsInt16(v=-32768, n=32767, l=[-32768, 32767], o=boxed("short", 32767)),
    "Int32 bounds": BoundsInt32(
        v=-2147483648, n=2147483647, l=[-2147483648, 2147483647], o=boxed("int", 2147483647)
    ),
    # a plain int in an object member is a long (Int64), as Json.NET reads one
    "Int64 bounds": BoundsInt64(
        v=-9223372036854775808,
        n=9223372036854775807,
        l=[-9223372036854775808, 9223372036854775807],
        o=9223372036854775807,
    ),
    "SByte bounds": BoundsSByte(v=-128, n=127, l=[-128, 127], o=boxed("byte", 127)),
    "Byte bounds": BoundsByte(v=0, n=255, l=[0, 255], o=boxed("unsignedByte", 255)),
    "UInt16 bounds": BoundsUInt16(v=0, n=65535, l=[0, 65535], o=boxed("unsignedShort", 65535)),
    "UInt32 bounds": BoundsUInt32(
        v=0, n=4294967295, l=[0, 4294967295], o=boxed("unsignedInt", 4294967295)
    ),
    "UInt64 bounds": BoundsUInt64(
        v=0,
        n=18446744073709551615,
        l=[0, 18446744073709551615],
        o=boxed("unsignedLong", 18446744073709551615),
    ),
}

#: [deliberate] where netcontract writes other bytes than Mono on purpose (README, "Behaviours
#: chosen where .NET is lossy"): Json.NET on .NET Framework writes -0.0 as 0.0, losing the sign.
DELIBERATE: dict[tuple[str, str], bytes] = {
    ("double -0", "json"): b'{"D":-0.0,"N":-0.0,"L":[-0.0]}',
}

#: Rows whose text does not hold the value exactly: what reading .NET's bytes gives, by format.
READ_BACK: dict[tuple[str, str], Any] = {
    ("double -0", "json"): _doubles(0.0),  # Json.NET wrote 0.0
    # Mono: R gives 15 digits that .NET's own (not correctly rounded) parsing reads back, but
    # that are one unit off the value (tests/netcontract/clr/test_numbers.py, R_RUNTIME_QUIRKS)
    ("double 0.8455124082255701", "xml"): _doubles(0.84551240822556994),
    ("double 0.8455124082255701", "json"): _doubles(0.84551240822556994),
    # Json.NET writes a decimal without a fraction with ".0": read back, the scale is one more
    ("decimal 0", "json"): _decimals("0.0"),
    ("decimal 1", "json"): _decimals("1.0"),
    ("decimal 100", "json"): _decimals("100.0"),
    # ... except where that scale does not fit: 29 digits stay 29 (decimal.Parse drops the zero)
}

#: Known defects, found by these rows: strict xfails, so that a fix shows up as XPASS.
KNOWN_DEFECTS: dict[tuple[str, str], str] = {}

WRITERS: dict[str, Callable[[Any], bytes]] = {
    "xml": nc.to_xml,
    "xml_indent": lambda obj: nc.to_xml(obj, indent=True),
    "json": nc.to_json,
    "json_indent": lambda obj: nc.to_json(obj, indent=True),
}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrize over every (row, output) of MONO, which is at the end of this file."""
    if {"label", "output"} <= set(metafunc.fixturenames):
        reading = metafunc.function.__name__ == "test_netcontract_reads_monos_bytes_back"
        cases = []
        for label, outputs in MONO.items():
            for output, data in outputs.items():
                if reading and isinstance(data, str):
                    continue  # .NET wrote nothing
                reason = KNOWN_DEFECTS.get((label, output))
                marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
                cases.append(pytest.param(label, output, marks=marks, id=f"{label} | {output}"))
        metafunc.parametrize(("label", "output"), cases)


def test_every_row_has_a_value_and_the_four_outputs_where_indented() -> None:
    assert list(ROWS) == list(MONO)
    for label, outputs in MONO.items():
        assert set(outputs) in ({"xml", "json"}, set(WRITERS)), label


def test_netcontract_writes_monos_bytes(label: str, output: str) -> None:
    expected = DELIBERATE.get((label, output), MONO[label][output])
    write = WRITERS[output]
    if isinstance(expected, str):  # .NET refused to write it (an XML 1.0 character rule)
        with pytest.raises(nc.SerializationError):
            write(ROWS[label])
    else:
        assert write(ROWS[label]) == expected


def test_netcontract_reads_monos_bytes_back(label: str, output: str) -> None:
    """What .NET wrote reads back into the same value (or the one .NET's text holds), and
    written again gives the same bytes."""
    data = MONO[label][output]
    assert isinstance(data, bytes)
    cls = type(ROWS[label])
    read = nc.from_xml if output.startswith("xml") else nc.from_json
    value = read(data, cls)
    expected = READ_BACK.get((label, output[:4].rstrip("_")), ROWS[label])
    if output.startswith("json") and label.endswith("bounds"):
        # JSON does not say the CLR type of a number in an object member: a plain int (as
        # Json.NET reads a long)
        expected = attrs.evolve(expected, o=getattr(expected.o, "value", expected.o))
    assert _same(value, expected), value
    if label == "double 0.8455124082255701":
        # Mono: .NET writes the value it read back as 0.84551240822556994 (R of the neighbour)
        data = data.replace(b"0.84551240822557", b"0.84551240822556994")
    assert WRITERS[output](value) == data


def _same(a: Any, b: Any) -> bool:
    """Equal, with NaN equal to NaN and -0.0 different from 0.0."""
    if isinstance(a, float) and isinstance(b, float):
        return math.copysign(1, a) == math.copysign(1, b) and (a == b or (a != a and b != b))
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if type(a) is not type(b):
        return False
    fields = getattr(type(a), "__attrs_attrs__", None)
    if fields is None:
        return bool(a == b) and (not isinstance(a, decimal.Decimal) or str(a) == str(b))
    return all(_same(getattr(a, f.name), getattr(b, f.name)) for f in fields)


# Mono: generated by `.venv/bin/python -m tests.interop.byte_rules_mono` (see the module docstring).
# fmt: off
MONO: dict[str, dict[str, bytes | str]] = {
    'names': {
        'xml': (
            b'<Names xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><B>8</B><Z>13</Z><_>'
            b'12</_><_x0001F600_>14</_x0001F600_><_x002D_x>7</_x002D_x><_x0031_a>'
            b'4</_x0031_a><_xFF21_>6</_xFF21_><aZ>2</aZ><a_b>3</a_b><a_x0020_b>'
            b'1</a_x0020_b><b>0</b><q_x0022_>9</q_x0022_><x\xc2\xb7>11</x\xc2\xb7>'
            b'<\xc3\xa9>5</\xc3\xa9><\xce\x91>10</\xce\x91></Names>'
        ),
        'xml_indent': (
            b'<Names xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules">\n  <B>8</B>\n  <Z>'
            b'13</Z>\n  <_>12</_>\n  <_x0001F600_>14</_x0001F600_>\n  <_x002D_x>'
            b'7</_x002D_x>\n  <_x0031_a>4</_x0031_a>\n  <_xFF21_>6</_xFF21_>'
            b'\n  <aZ>2</aZ>\n  <a_b>3</a_b>\n  <a_x0020_b>1</a_x0020_b>\n  <b>'
            b'0</b>\n  <q_x0022_>9</q_x0022_>\n  <x\xc2\xb7>11</x\xc2\xb7>'
            b'\n  <\xc3\xa9>5</\xc3\xa9>\n  <\xce\x91>10</\xce\x91>\n</Names>'
        ),
        'json': (
            b'{"b":"0","a b":"1","aZ":"2","a_b":"3","1a":"4","\xc3\xa9":"5",'
            b'"\xef\xbc\xa1":"6","-x":"7","B":"8","q\\"":"9","\xce\x91":"10",'
            b'"x\xc2\xb7":"11","_":"12","Z":"13","\xf0\x9f\x98\x80":"14"}'
        ),
        'json_indent': (
            b'{\n  "b": "0",\n  "a b": "1",\n  "aZ": "2",\n  "a_b": "3",'
            b'\n  "1a": "4",\n  "\xc3\xa9": "5",\n  "\xef\xbc\xa1": "6",'
            b'\n  "-x": "7",\n  "B": "8",\n  "q\\"": "9",\n  "\xce\x91": "10",'
            b'\n  "x\xc2\xb7": "11",\n  "_": "12",\n  "Z": "13",'
            b'\n  "\xf0\x9f\x98\x80": "14"\n}'
        ),
    },
    'names: escape lookalikes': {
        'xml': (
            b'<Lookalikes xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns'
            b'="http://schemas.datacontract.org/2004/07/ByteRules"><_x0041_>'
            b'0</_x0041_><_x005F_x0041__x0020_b>1</_x005F_x0041__x0020_b><c_x0041_>'
            b'2</c_x0041_><d_x0041_\xc3\xa9>3</d_x0041_\xc3\xa9>'
            b'<e_x005F_x0041__xFF21_>4</e_x005F_x0041__xFF21_>'
            b'<f_x005F_x0001F600__x0020_>5</f_x005F_x0001F600__x0020_></Lookalikes>'
        ),
        'json': (
            b'{"_x0041_":"0","_x0041_ b":"1","c_x0041_":"2","d_x0041_\xc3\xa9":"3",'
            b'"e_x0041_\xef\xbc\xa1":"4","f_x0001F600_ ":"5"}'
        ),
    },
    'names: escaped in JSON': {
        'xml': (
            b'<NamesToEscape xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xm'
            b'lns="http://schemas.datacontract.org/2004/07/ByteRules"><p_x2028_>'
            b'0</p_x2028_><q_x2029_>1</q_x2029_><r_x0085_>2</r_x0085_>'
            b'<s_x005C__x0001_>3</s_x005C__x0001_></NamesToEscape>'
        ),
        'xml_indent': (
            b'<NamesToEscape xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xm'
            b'lns="http://schemas.datacontract.org/2004/07/ByteRules">'
            b'\n  <p_x2028_>0</p_x2028_>\n  <q_x2029_>1</q_x2029_>\n  <r_x0085_>'
            b'2</r_x0085_>\n  <s_x005C__x0001_>3</s_x005C__x0001_>'
            b'\n</NamesToEscape>'
        ),
        'json': (
            b'{"p\\u2028":"0","q\\u2029":"1","r\\u0085":"2","s\\\\\\u0001":"3"}'
        ),
        'json_indent': (
            b'{\n  "p\\u2028": "0",\n  "q\\u2029": "1",\n  "r\\u0085": "2",'
            b'\n  "s\\\\\\u0001": "3"\n}'
        ),
    },
    'json escapes: U+0000..U+001F': {
        'xml': 'System.ArgumentException',
        'xml_indent': 'System.ArgumentException',
        'json': (
            b'{"S":"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t'
            b'\\n\\u000b\\f\\r\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0'
            b'015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u'
            b'001f","L":["\\u0000","\\u0001","\\u0002","\\u0003","\\u0004",'
            b'"\\u0005","\\u0006","\\u0007","\\b","\\t","\\n","\\u000b","\\f",'
            b'"\\r","\\u000e","\\u000f","\\u0010","\\u0011","\\u0012","\\u0013",'
            b'"\\u0014","\\u0015","\\u0016","\\u0017","\\u0018","\\u0019",'
            b'"\\u001a","\\u001b","\\u001c","\\u001d","\\u001e","\\u001f"]}'
        ),
        'json_indent': (
            b'{\n  "S": "\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\'
            b'b\\t\\n\\u000b\\f\\r\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014'
            b'\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001'
            b'e\\u001f",\n  "L": [\n    "\\u0000",\n    "\\u0001",\n    "\\u0002",'
            b'\n    "\\u0003",\n    "\\u0004",\n    "\\u0005",\n    "\\u0006",'
            b'\n    "\\u0007",\n    "\\b",\n    "\\t",\n    "\\n",\n    "\\u000b",'
            b'\n    "\\f",\n    "\\r",\n    "\\u000e",\n    "\\u000f",'
            b'\n    "\\u0010",\n    "\\u0011",\n    "\\u0012",\n    "\\u0013",'
            b'\n    "\\u0014",\n    "\\u0015",\n    "\\u0016",\n    "\\u0017",'
            b'\n    "\\u0018",\n    "\\u0019",\n    "\\u001a",\n    "\\u001b",'
            b'\n    "\\u001c",\n    "\\u001d",\n    "\\u001e",'
            b'\n    "\\u001f"\n  ]\n}'
        ),
    },
    'json escapes: specials': {
        'xml': (
            b'<Texts xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules">'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:string>"</d2p1:string><d2p1:string>\\</d2p1:string>'
            b'<d2p1:string>\x7f</d2p1:string><d2p1:string>\xc2\x85</d2p1:string>'
            b'<d2p1:string>\xe2\x80\xa8</d2p1:string><d2p1:string>'
            b'\xe2\x80\xa9</d2p1:string></L><S>'
            b'"\\\x7f\xc2\x85\xe2\x80\xa8\xe2\x80\xa9</S></Texts>'
        ),
        'xml_indent': (
            b'<Texts xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules">'
            b'\n  <L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization'
            b'/Arrays">\n    <d2p1:string>"</d2p1:string>\n    <d2p1:string>'
            b'\\</d2p1:string>\n    <d2p1:string>\x7f</d2p1:string>'
            b'\n    <d2p1:string>\xc2\x85</d2p1:string>\n    <d2p1:string>'
            b'\xe2\x80\xa8</d2p1:string>\n    <d2p1:string>'
            b'\xe2\x80\xa9</d2p1:string>\n  </L>\n  <S>'
            b'"\\\x7f\xc2\x85\xe2\x80\xa8\xe2\x80\xa9</S>\n</Texts>'
        ),
        'json': (
            b'{"S":"\\"\\\\\x7f\\u0085\\u2028\\u2029","L":["\\"","\\\\","\x7f",'
            b'"\\u0085","\\u2028","\\u2029"]}'
        ),
        'json_indent': (
            b'{\n  "S": "\\"\\\\\x7f\\u0085\\u2028\\u2029",\n  "L": [\n    "\\"",'
            b'\n    "\\\\",\n    "\x7f",\n    "\\u0085",\n    "\\u2028",'
            b'\n    "\\u2029"\n  ]\n}'
        ),
    },
    'json escapes: left as is': {
        'xml': 'System.ArgumentException',
        'xml_indent': 'System.ArgumentException',
        'json': (
            b'{"S":"<>&\'/\xc3\xa9\xf0\x9f\x98\x80\xc2\xa0\xe2\x80\x8b\xef\xbb\xbf'
            b'\xed\x9f\xbf\xee\x80\x80\xef\xbf\xbd\xef\xbf\xbe\xef\xbf\xbf",'
            b'"L":["<",">","&","\'","/","\xc3\xa9","\xf0\x9f\x98\x80","\xc2\xa0",'
            b'"\xe2\x80\x8b","\xef\xbb\xbf","\xed\x9f\xbf","\xee\x80\x80",'
            b'"\xef\xbf\xbd","\xef\xbf\xbe","\xef\xbf\xbf"]}'
        ),
        'json_indent': (
            b'{\n  "S": "<>&\'/\xc3\xa9\xf0\x9f\x98\x80\xc2\xa0\xe2\x80\x8b\xef\xbb'
            b'\xbf\xed\x9f\xbf\xee\x80\x80\xef\xbf\xbd\xef\xbf\xbe\xef\xbf\xbf",'
            b'\n  "L": [\n    "<",\n    ">",\n    "&",\n    "\'",\n    "/",'
            b'\n    "\xc3\xa9",\n    "\xf0\x9f\x98\x80",\n    "\xc2\xa0",'
            b'\n    "\xe2\x80\x8b",\n    "\xef\xbb\xbf",\n    "\xed\x9f\xbf",'
            b'\n    "\xee\x80\x80",\n    "\xef\xbf\xbd",\n    "\xef\xbf\xbe",'
            b'\n    "\xef\xbf\xbf"\n  ]\n}'
        ),
    },
    'xml escapes': {
        'xml': (
            b'<Texts xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules">'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:string>&amp;</d2p1:string><d2p1:string>&lt;</d2p1:string>'
            b'<d2p1:string>&gt;</d2p1:string><d2p1:string>&#xD;</d2p1:string>'
            b'<d2p1:string>\n</d2p1:string><d2p1:string>\t</d2p1:string>'
            b'<d2p1:string>"</d2p1:string><d2p1:string>\'</d2p1:string>'
            b'<d2p1:string>]]&gt;</d2p1:string><d2p1:string> a </d2p1:string>'
            b'<d2p1:string>\x7f</d2p1:string><d2p1:string>\xc2\x85</d2p1:string>'
            b'<d2p1:string>\xe2\x80\xa8</d2p1:string><d2p1:string>'
            b'\xe2\x80\xa9</d2p1:string><d2p1:string>\xc3\xa9</d2p1:string>'
            b'<d2p1:string>\xf0\x9f\x98\x80</d2p1:string><d2p1:string>'
            b'\xed\x9f\xbf</d2p1:string><d2p1:string>\xee\x80\x80</d2p1:string>'
            b'<d2p1:string>\xef\xbf\xbd</d2p1:string><d2p1:string></d2p1:string>'
            b'</L><S>&amp;&lt;&gt;&#xD;\n\t"\']]&gt; a \x7f\xc2\x85\xe2\x80\xa8\xe2'
            b'\x80\xa9\xc3\xa9\xf0\x9f\x98\x80\xed\x9f\xbf\xee\x80\x80\xef\xbf\xbd<'
            b'/S></Texts>'
        ),
        'xml_indent': (
            b'<Texts xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules">'
            b'\n  <L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization'
            b'/Arrays">\n    <d2p1:string>&amp;</d2p1:string>\n    <d2p1:string>'
            b'&lt;</d2p1:string>\n    <d2p1:string>&gt;</d2p1:string>'
            b'\n    <d2p1:string>&#xD;</d2p1:string>\n    <d2p1:string>'
            b'\n</d2p1:string>\n    <d2p1:string>\t</d2p1:string>'
            b'\n    <d2p1:string>"</d2p1:string>\n    <d2p1:string>\'</d2p1:string>'
            b'\n    <d2p1:string>]]&gt;</d2p1:string>\n    <d2p1:string>'
            b' a </d2p1:string>\n    <d2p1:string>\x7f</d2p1:string>'
            b'\n    <d2p1:string>\xc2\x85</d2p1:string>\n    <d2p1:string>'
            b'\xe2\x80\xa8</d2p1:string>\n    <d2p1:string>'
            b'\xe2\x80\xa9</d2p1:string>\n    <d2p1:string>\xc3\xa9</d2p1:string>'
            b'\n    <d2p1:string>\xf0\x9f\x98\x80</d2p1:string>\n    <d2p1:string>'
            b'\xed\x9f\xbf</d2p1:string>\n    <d2p1:string>'
            b'\xee\x80\x80</d2p1:string>\n    <d2p1:string>'
            b'\xef\xbf\xbd</d2p1:string>\n    <d2p1:string></d2p1:string>\n  </L>'
            b'\n  <S>&amp;&lt;&gt;&#xD;\n\t"\']]&gt; a \x7f\xc2\x85\xe2\x80\xa8\xe2'
            b'\x80\xa9\xc3\xa9\xf0\x9f\x98\x80\xed\x9f\xbf\xee\x80\x80\xef\xbf\xbd<'
            b'/S>\n</Texts>'
        ),
        'json': (
            b'{"S":"&<>\\r\\n\\t\\"\']]> a \x7f\\u0085\\u2028\\u2029\xc3\xa9\xf0'
            b'\x9f\x98\x80\xed\x9f\xbf\xee\x80\x80\xef\xbf\xbd","L":["&","<",">",'
            b'"\\r","\\n","\\t","\\"","\'","]]>"," a ","\x7f","\\u0085","\\u2028",'
            b'"\\u2029","\xc3\xa9","\xf0\x9f\x98\x80","\xed\x9f\xbf",'
            b'"\xee\x80\x80","\xef\xbf\xbd",""]}'
        ),
        'json_indent': (
            b'{\n  "S": "&<>\\r\\n\\t\\"\']]> a \x7f\\u0085\\u2028\\u2029\xc3\xa9'
            b'\xf0\x9f\x98\x80\xed\x9f\xbf\xee\x80\x80\xef\xbf\xbd",\n  "L": [\n   '
            b' "&",\n    "<",\n    ">",\n    "\\r",\n    "\\n",\n    "\\t",'
            b'\n    "\\"",\n    "\'",\n    "]]>",\n    " a ",\n    "\x7f",'
            b'\n    "\\u0085",\n    "\\u2028",\n    "\\u2029",\n    "\xc3\xa9",'
            b'\n    "\xf0\x9f\x98\x80",\n    "\xed\x9f\xbf",\n    "\xee\x80\x80",'
            b'\n    "\xef\xbf\xbd",\n    ""\n  ]\n}'
        ),
    },
    'xml refuses U+0000': {
        'xml': 'System.ArgumentException',
        'json': (
            b'{"S":"\\u0000","L":["\\u0000"]}'
        ),
    },
    'xml refuses U+0001': {
        'xml': 'System.ArgumentException',
        'json': (
            b'{"S":"\\u0001","L":["\\u0001"]}'
        ),
    },
    'xml refuses U+0008': {
        'xml': 'System.ArgumentException',
        'json': (
            b'{"S":"\\b","L":["\\b"]}'
        ),
    },
    'xml refuses U+000B': {
        'xml': 'System.ArgumentException',
        'json': (
            b'{"S":"\\u000b","L":["\\u000b"]}'
        ),
    },
    'xml refuses U+000C': {
        'xml': 'System.ArgumentException',
        'json': (
            b'{"S":"\\f","L":["\\f"]}'
        ),
    },
    'xml refuses U+001F': {
        'xml': 'System.ArgumentException',
        'json': (
            b'{"S":"\\u001f","L":["\\u001f"]}'
        ),
    },
    'xml refuses U+FFFE': {
        'xml': 'System.ArgumentException',
        'json': (
            b'{"S":"\xef\xbf\xbe","L":["\xef\xbf\xbe"]}'
        ),
    },
    'xml refuses U+FFFF': {
        'xml': 'System.ArgumentException',
        'json': (
            b'{"S":"\xef\xbf\xbf","L":["\xef\xbf\xbf"]}'
        ),
    },
    'double 0': {
        'xml': (
            b'<Doubles xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="h'
            b'ttp://schemas.datacontract.org/2004/07/ByteRules"><D>0</D>'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:double>0</d2p1:double></L><N>0</N></Doubles>'
        ),
        'json': (
            b'{"D":0.0,"N":0.0,"L":[0.0]}'
        ),
    },
    'double -0': {
        'xml': (
            b'<Doubles xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="h'
            b'ttp://schemas.datacontract.org/2004/07/ByteRules"><D>-0</D>'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:double>-0</d2p1:double></L><N>-0</N></Doubles>'
        ),
        'json': (
            b'{"D":0.0,"N":0.0,"L":[0.0]}'
        ),
    },
    'double 1': {
        'xml': (
            b'<Doubles xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="h'
            b'ttp://schemas.datacontract.org/2004/07/ByteRules"><D>1</D>'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:double>1</d2p1:double></L><N>1</N></Doubles>'
        ),
        'json': (
            b'{"D":1.0,"N":1.0,"L":[1.0]}'
        ),
    },
    'double 100': {
        'xml': (
            b'<Doubles xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="h'
            b'ttp://schemas.datacontract.org/2004/07/ByteRules"><D>100</D>'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:double>100</d2p1:double></L><N>100</N></Doubles>'
        ),
        'json': (
            b'{"D":100.0,"N":100.0,"L":[100.0]}'
        ),
    },
    'double 0.1': {
        'xml': (
            b'<Doubles xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="h'
            b'ttp://schemas.datacontract.org/2004/07/ByteRules"><D>0.1</D>'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:double>0.1</d2p1:double></L><N>0.1</N></Doubles>'
        ),
        'json': (
            b'{"D":0.1,"N":0.1,"L":[0.1]}'
        ),
    },
    'double 1/3': {
        'xml': (
            b'<Doubles xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="h'
            b'ttp://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'0.33333333333333331</D><L xmlns:d2p1="http://schemas.microsoft.com/20'
            b'03/10/Serialization/Arrays"><d2p1:double>'
            b'0.33333333333333331</d2p1:double></L><N>0.33333333333333331</N>'
            b'</Doubles>'
        ),
        'json': (
            b'{"D":0.33333333333333331,"N":0.33333333333333331,'
            b'"L":[0.33333333333333331]}'
        ),
    },
    'double -1.5': {
        'xml': (
            b'<Doubles xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="h'
            b'ttp://schemas.datacontract.org/2004/07/ByteRules"><D>-1.5</D>'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:double>-1.5</d2p1:double></L><N>-1.5</N></Doubles>'
        ),
        'json': (
            b'{"D":-1.5,"N":-1.5,"L":[-1.5]}'
        ),
    },
    'double 1e15': {
        'xml': (
            b'<Doubles xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="h'
            b'ttp://schemas.datacontract.org/2004/07/ByteRules"><D>1E+15</D>'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:double>1E+15</d2p1:double></L><N>1E+15</N></Doubles>'
        ),
        'json': (
            b'{"D":1E+15,"N":1E+15,"L":[1E+15]}'
        ),
    },
    'double 1e16': {
        'xml': (
            b'<Doubles xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="h'
            b'ttp://schemas.datacontract.org/2004/07/ByteRules"><D>1E+16</D>'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:double>1E+16</d2p1:double></L><N>1E+16</N></Doubles>'
        ),
        'json': (
            b'{"D":1E+16,"N":1E+16,"L":[1E+16]}'
        ),
    },
    'double 1e-5': {
        'xml': (
            b'<Doubles xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="h'
            b'ttp://schemas.datacontract.org/2004/07/ByteRules"><D>1E-05</D>'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:double>1E-05</d2p1:double></L><N>1E-05</N></Doubles>'
        ),
        'json': (
            b'{"D":1E-05,"N":1E-05,"L":[1E-05]}'
        ),
    },
    'double 2^53': {
        'xml': (
            b'<Doubles xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="h'
            b'ttp://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'9007199254740992</D><L xmlns:d2p1="http://schemas.microsoft.com/2003/'
            b'10/Serialization/Arrays"><d2p1:double>9007199254740992</d2p1:double>'
            b'</L><N>9007199254740992</N></Doubles>'
        ),
        'json': (
            b'{"D":9007199254740992.0,"N":9007199254740992.0,'
            b'"L":[9007199254740992.0]}'
        ),
    },
    'double 123456789012345.6': {
        'xml': (
            b'<Doubles xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="h'
            b'ttp://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'123456789012345.59</D><L xmlns:d2p1="http://schemas.microsoft.com/200'
            b'3/10/Serialization/Arrays"><d2p1:double>'
            b'123456789012345.59</d2p1:double></L><N>123456789012345.59</N>'
            b'</Doubles>'
        ),
        'json': (
            b'{"D":123456789012345.59,"N":123456789012345.59,'
            b'"L":[123456789012345.59]}'
        ),
    },
    'double 0.8455124082255701': {
        'xml': (
            b'<Doubles xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="h'
            b'ttp://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'0.84551240822557</D><L xmlns:d2p1="http://schemas.microsoft.com/2003/'
            b'10/Serialization/Arrays"><d2p1:double>0.84551240822557</d2p1:double>'
            b'</L><N>0.84551240822557</N></Doubles>'
        ),
        'json': (
            b'{"D":0.84551240822557,"N":0.84551240822557,"L":[0.84551240822557]}'
        ),
    },
    'double MaxValue': {
        'xml': (
            b'<Doubles xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="h'
            b'ttp://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'1.7976931348623157E+308</D><L xmlns:d2p1="http://schemas.microsoft.co'
            b'm/2003/10/Serialization/Arrays"><d2p1:double>'
            b'1.7976931348623157E+308</d2p1:double></L><N>'
            b'1.7976931348623157E+308</N></Doubles>'
        ),
        'json': (
            b'{"D":1.7976931348623157E+308,"N":1.7976931348623157E+308,'
            b'"L":[1.7976931348623157E+308]}'
        ),
    },
    'double -MaxValue': {
        'xml': (
            b'<Doubles xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="h'
            b'ttp://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'-1.7976931348623157E+308</D><L xmlns:d2p1="http://schemas.microsoft.c'
            b'om/2003/10/Serialization/Arrays"><d2p1:double>'
            b'-1.7976931348623157E+308</d2p1:double></L><N>'
            b'-1.7976931348623157E+308</N></Doubles>'
        ),
        'json': (
            b'{"D":-1.7976931348623157E+308,"N":-1.7976931348623157E+308,'
            b'"L":[-1.7976931348623157E+308]}'
        ),
    },
    'double Epsilon': {
        'xml': (
            b'<Doubles xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="h'
            b'ttp://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'4.94065645841247E-324</D><L xmlns:d2p1="http://schemas.microsoft.com/'
            b'2003/10/Serialization/Arrays"><d2p1:double>'
            b'4.94065645841247E-324</d2p1:double></L><N>4.94065645841247E-324</N>'
            b'</Doubles>'
        ),
        'json': (
            b'{"D":4.94065645841247E-324,"N":4.94065645841247E-324,'
            b'"L":[4.94065645841247E-324]}'
        ),
    },
    'double NaN': {
        'xml': (
            b'<Doubles xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="h'
            b'ttp://schemas.datacontract.org/2004/07/ByteRules"><D>NaN</D>'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:double>NaN</d2p1:double></L><N>NaN</N></Doubles>'
        ),
        'json': (
            b'{"D":"NaN","N":"NaN","L":["NaN"]}'
        ),
    },
    'double +Infinity': {
        'xml': (
            b'<Doubles xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="h'
            b'ttp://schemas.datacontract.org/2004/07/ByteRules"><D>INF</D>'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:double>INF</d2p1:double></L><N>INF</N></Doubles>'
        ),
        'json': (
            b'{"D":"Infinity","N":"Infinity","L":["Infinity"]}'
        ),
    },
    'double -Infinity': {
        'xml': (
            b'<Doubles xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="h'
            b'ttp://schemas.datacontract.org/2004/07/ByteRules"><D>-INF</D>'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:double>-INF</d2p1:double></L><N>-INF</N></Doubles>'
        ),
        'json': (
            b'{"D":"-Infinity","N":"-Infinity","L":["-Infinity"]}'
        ),
    },
    'decimal 0': {
        'xml': (
            b'<Decimals xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="'
            b'http://schemas.datacontract.org/2004/07/ByteRules"><D>0</D>'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:decimal>0</d2p1:decimal></L><N>0</N></Decimals>'
        ),
        'json': (
            b'{"D":0.0,"N":0.0,"L":[0.0]}'
        ),
    },
    'decimal 1': {
        'xml': (
            b'<Decimals xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="'
            b'http://schemas.datacontract.org/2004/07/ByteRules"><D>1</D>'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:decimal>1</d2p1:decimal></L><N>1</N></Decimals>'
        ),
        'json': (
            b'{"D":1.0,"N":1.0,"L":[1.0]}'
        ),
    },
    'decimal 1.0': {
        'xml': (
            b'<Decimals xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="'
            b'http://schemas.datacontract.org/2004/07/ByteRules"><D>1.0</D>'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:decimal>1.0</d2p1:decimal></L><N>1.0</N></Decimals>'
        ),
        'json': (
            b'{"D":1.0,"N":1.0,"L":[1.0]}'
        ),
    },
    'decimal 1.50': {
        'xml': (
            b'<Decimals xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="'
            b'http://schemas.datacontract.org/2004/07/ByteRules"><D>1.50</D>'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:decimal>1.50</d2p1:decimal></L><N>1.50</N></Decimals>'
        ),
        'json': (
            b'{"D":1.50,"N":1.50,"L":[1.50]}'
        ),
    },
    'decimal -0.001': {
        'xml': (
            b'<Decimals xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="'
            b'http://schemas.datacontract.org/2004/07/ByteRules"><D>-0.001</D>'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:decimal>-0.001</d2p1:decimal></L><N>-0.001</N></Decimals>'
        ),
        'json': (
            b'{"D":-0.001,"N":-0.001,"L":[-0.001]}'
        ),
    },
    'decimal 100': {
        'xml': (
            b'<Decimals xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="'
            b'http://schemas.datacontract.org/2004/07/ByteRules"><D>100</D>'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:decimal>100</d2p1:decimal></L><N>100</N></Decimals>'
        ),
        'json': (
            b'{"D":100.0,"N":100.0,"L":[100.0]}'
        ),
    },
    'decimal 1E-28': {
        'xml': (
            b'<Decimals xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="'
            b'http://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'0.0000000000000000000000000001</D><L xmlns:d2p1="http://schemas.micro'
            b'soft.com/2003/10/Serialization/Arrays"><d2p1:decimal>'
            b'0.0000000000000000000000000001</d2p1:decimal></L><N>'
            b'0.0000000000000000000000000001</N></Decimals>'
        ),
        'json': (
            b'{"D":0.0000000000000000000000000001,'
            b'"N":0.0000000000000000000000000001,"L":[0.000000000000000000000000000'
            b'1]}'
        ),
    },
    'decimal MaxValue': {
        'xml': (
            b'<Decimals xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="'
            b'http://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'79228162514264337593543950335</D><L xmlns:d2p1="http://schemas.micros'
            b'oft.com/2003/10/Serialization/Arrays"><d2p1:decimal>'
            b'79228162514264337593543950335</d2p1:decimal></L><N>'
            b'79228162514264337593543950335</N></Decimals>'
        ),
        'json': (
            b'{"D":79228162514264337593543950335.0,'
            b'"N":79228162514264337593543950335.0,'
            b'"L":[79228162514264337593543950335.0]}'
        ),
    },
    'decimal MinValue': {
        'xml': (
            b'<Decimals xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="'
            b'http://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'-79228162514264337593543950335</D><L xmlns:d2p1="http://schemas.micro'
            b'soft.com/2003/10/Serialization/Arrays"><d2p1:decimal>'
            b'-79228162514264337593543950335</d2p1:decimal></L><N>'
            b'-79228162514264337593543950335</N></Decimals>'
        ),
        'json': (
            b'{"D":-79228162514264337593543950335.0,'
            b'"N":-79228162514264337593543950335.0,'
            b'"L":[-79228162514264337593543950335.0]}'
        ),
    },
    'decimal 7.9228162514264337593543950335': {
        'xml': (
            b'<Decimals xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="'
            b'http://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'7.9228162514264337593543950335</D><L xmlns:d2p1="http://schemas.micro'
            b'soft.com/2003/10/Serialization/Arrays"><d2p1:decimal>'
            b'7.9228162514264337593543950335</d2p1:decimal></L><N>'
            b'7.9228162514264337593543950335</N></Decimals>'
        ),
        'json': (
            b'{"D":7.9228162514264337593543950335,'
            b'"N":7.9228162514264337593543950335,"L":[7.922816251426433759354395033'
            b'5]}'
        ),
    },
    'datetime MinValue Unspecified': {
        'xml': (
            b'<Dates xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'0001-01-01T00:00:00</D><L xmlns:d2p1="http://schemas.microsoft.com/20'
            b'03/10/Serialization/Arrays"><d2p1:dateTime>'
            b'0001-01-01T00:00:00</d2p1:dateTime></L><N>0001-01-01T00:00:00</N>'
            b'</Dates>'
        ),
        'json': (
            b'{"D":"0001-01-01T00:00:00","N":"0001-01-01T00:00:00",'
            b'"L":["0001-01-01T00:00:00"]}'
        ),
    },
    'datetime MaxValue Unspecified': {
        'xml': (
            b'<Dates xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'9999-12-31T23:59:59.9999999</D><L xmlns:d2p1="http://schemas.microsof'
            b't.com/2003/10/Serialization/Arrays"><d2p1:dateTime>'
            b'9999-12-31T23:59:59.9999999</d2p1:dateTime></L><N>'
            b'9999-12-31T23:59:59.9999999</N></Dates>'
        ),
        'json': (
            b'{"D":"9999-12-31T23:59:59.9999999","N":"9999-12-31T23:59:59.9999999",'
            b'"L":["9999-12-31T23:59:59.9999999"]}'
        ),
    },
    'datetime 1899-12-31T23:59:59.9999999 Unspecified': {
        'xml': (
            b'<Dates xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'1899-12-31T23:59:59.9999999</D><L xmlns:d2p1="http://schemas.microsof'
            b't.com/2003/10/Serialization/Arrays"><d2p1:dateTime>'
            b'1899-12-31T23:59:59.9999999</d2p1:dateTime></L><N>'
            b'1899-12-31T23:59:59.9999999</N></Dates>'
        ),
        'json': (
            b'{"D":"1899-12-31T23:59:59.9999999","N":"1899-12-31T23:59:59.9999999",'
            b'"L":["1899-12-31T23:59:59.9999999"]}'
        ),
    },
    'datetime 1900-01-01 Unspecified': {
        'xml': (
            b'<Dates xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'1900-01-01T00:00:00</D><L xmlns:d2p1="http://schemas.microsoft.com/20'
            b'03/10/Serialization/Arrays"><d2p1:dateTime>'
            b'1900-01-01T00:00:00</d2p1:dateTime></L><N>1900-01-01T00:00:00</N>'
            b'</Dates>'
        ),
        'json': (
            b'{"D":"1900-01-01T00:00:00","N":"1900-01-01T00:00:00",'
            b'"L":["1900-01-01T00:00:00"]}'
        ),
    },
    'datetime 2199-12-31T23:59:59.9999999 Unspecified': {
        'xml': (
            b'<Dates xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'2199-12-31T23:59:59.9999999</D><L xmlns:d2p1="http://schemas.microsof'
            b't.com/2003/10/Serialization/Arrays"><d2p1:dateTime>'
            b'2199-12-31T23:59:59.9999999</d2p1:dateTime></L><N>'
            b'2199-12-31T23:59:59.9999999</N></Dates>'
        ),
        'json': (
            b'{"D":"2199-12-31T23:59:59.9999999","N":"2199-12-31T23:59:59.9999999",'
            b'"L":["2199-12-31T23:59:59.9999999"]}'
        ),
    },
    'datetime 2200-01-01 Unspecified': {
        'xml': (
            b'<Dates xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'2200-01-01T00:00:00</D><L xmlns:d2p1="http://schemas.microsoft.com/20'
            b'03/10/Serialization/Arrays"><d2p1:dateTime>'
            b'2200-01-01T00:00:00</d2p1:dateTime></L><N>2200-01-01T00:00:00</N>'
            b'</Dates>'
        ),
        'json': (
            b'{"D":"2200-01-01T00:00:00","N":"2200-01-01T00:00:00",'
            b'"L":["2200-01-01T00:00:00"]}'
        ),
    },
    'datetime MinValue Utc': {
        'xml': (
            b'<Dates xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'0001-01-01T00:00:00Z</D><L xmlns:d2p1="http://schemas.microsoft.com/2'
            b'003/10/Serialization/Arrays"><d2p1:dateTime>'
            b'0001-01-01T00:00:00Z</d2p1:dateTime></L><N>0001-01-01T00:00:00Z</N>'
            b'</Dates>'
        ),
        'json': (
            b'{"D":"0001-01-01T00:00:00Z","N":"0001-01-01T00:00:00Z",'
            b'"L":["0001-01-01T00:00:00Z"]}'
        ),
    },
    'datetime MaxValue Utc': {
        'xml': (
            b'<Dates xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'9999-12-31T23:59:59.9999999Z</D><L xmlns:d2p1="http://schemas.microso'
            b'ft.com/2003/10/Serialization/Arrays"><d2p1:dateTime>'
            b'9999-12-31T23:59:59.9999999Z</d2p1:dateTime></L><N>'
            b'9999-12-31T23:59:59.9999999Z</N></Dates>'
        ),
        'json': (
            b'{"D":"9999-12-31T23:59:59.9999999Z",'
            b'"N":"9999-12-31T23:59:59.9999999Z","L":["9999-12-31T23:59:59.9999999Z'
            b'"]}'
        ),
    },
    'datetime 1899-12-31T23:59:59.9999999 Utc': {
        'xml': (
            b'<Dates xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'1899-12-31T23:59:59.9999999Z</D><L xmlns:d2p1="http://schemas.microso'
            b'ft.com/2003/10/Serialization/Arrays"><d2p1:dateTime>'
            b'1899-12-31T23:59:59.9999999Z</d2p1:dateTime></L><N>'
            b'1899-12-31T23:59:59.9999999Z</N></Dates>'
        ),
        'json': (
            b'{"D":"1899-12-31T23:59:59.9999999Z",'
            b'"N":"1899-12-31T23:59:59.9999999Z","L":["1899-12-31T23:59:59.9999999Z'
            b'"]}'
        ),
    },
    'datetime 1900-01-01 Utc': {
        'xml': (
            b'<Dates xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'1900-01-01T00:00:00Z</D><L xmlns:d2p1="http://schemas.microsoft.com/2'
            b'003/10/Serialization/Arrays"><d2p1:dateTime>'
            b'1900-01-01T00:00:00Z</d2p1:dateTime></L><N>1900-01-01T00:00:00Z</N>'
            b'</Dates>'
        ),
        'json': (
            b'{"D":"1900-01-01T00:00:00Z","N":"1900-01-01T00:00:00Z",'
            b'"L":["1900-01-01T00:00:00Z"]}'
        ),
    },
    'datetime 2199-12-31T23:59:59.9999999 Utc': {
        'xml': (
            b'<Dates xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'2199-12-31T23:59:59.9999999Z</D><L xmlns:d2p1="http://schemas.microso'
            b'ft.com/2003/10/Serialization/Arrays"><d2p1:dateTime>'
            b'2199-12-31T23:59:59.9999999Z</d2p1:dateTime></L><N>'
            b'2199-12-31T23:59:59.9999999Z</N></Dates>'
        ),
        'json': (
            b'{"D":"2199-12-31T23:59:59.9999999Z",'
            b'"N":"2199-12-31T23:59:59.9999999Z","L":["2199-12-31T23:59:59.9999999Z'
            b'"]}'
        ),
    },
    'datetime 2200-01-01 Utc': {
        'xml': (
            b'<Dates xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'2200-01-01T00:00:00Z</D><L xmlns:d2p1="http://schemas.microsoft.com/2'
            b'003/10/Serialization/Arrays"><d2p1:dateTime>'
            b'2200-01-01T00:00:00Z</d2p1:dateTime></L><N>2200-01-01T00:00:00Z</N>'
            b'</Dates>'
        ),
        'json': (
            b'{"D":"2200-01-01T00:00:00Z","N":"2200-01-01T00:00:00Z",'
            b'"L":["2200-01-01T00:00:00Z"]}'
        ),
    },
    'datetime MinValue Local': {
        'xml': (
            b'<Dates xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'0001-01-01T00:00:00+00:00</D><L xmlns:d2p1="http://schemas.microsoft.'
            b'com/2003/10/Serialization/Arrays"><d2p1:dateTime>'
            b'0001-01-01T00:00:00+00:00</d2p1:dateTime></L><N>'
            b'0001-01-01T00:00:00+00:00</N></Dates>'
        ),
        'json': (
            b'{"D":"0001-01-01T00:00:00+00:00","N":"0001-01-01T00:00:00+00:00",'
            b'"L":["0001-01-01T00:00:00+00:00"]}'
        ),
    },
    'datetime MaxValue Local': {
        'xml': (
            b'<Dates xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'9999-12-31T23:59:59.9999999+00:00</D>'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:dateTime>9999-12-31T23:59:59.9999999+00:00</d2p1:dateTime>'
            b'</L><N>9999-12-31T23:59:59.9999999+00:00</N></Dates>'
        ),
        'json': (
            b'{"D":"9999-12-31T23:59:59.9999999+00:00",'
            b'"N":"9999-12-31T23:59:59.9999999+00:00",'
            b'"L":["9999-12-31T23:59:59.9999999+00:00"]}'
        ),
    },
    'datetime 1899-12-31T23:59:59.9999999 Local': {
        'xml': (
            b'<Dates xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'1899-12-31T23:59:59.9999999+00:00</D>'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:dateTime>1899-12-31T23:59:59.9999999+00:00</d2p1:dateTime>'
            b'</L><N>1899-12-31T23:59:59.9999999+00:00</N></Dates>'
        ),
        'json': (
            b'{"D":"1899-12-31T23:59:59.9999999+00:00",'
            b'"N":"1899-12-31T23:59:59.9999999+00:00",'
            b'"L":["1899-12-31T23:59:59.9999999+00:00"]}'
        ),
    },
    'datetime 1900-01-01 Local': {
        'xml': (
            b'<Dates xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'1900-01-01T00:00:00+00:00</D><L xmlns:d2p1="http://schemas.microsoft.'
            b'com/2003/10/Serialization/Arrays"><d2p1:dateTime>'
            b'1900-01-01T00:00:00+00:00</d2p1:dateTime></L><N>'
            b'1900-01-01T00:00:00+00:00</N></Dates>'
        ),
        'json': (
            b'{"D":"1900-01-01T00:00:00+00:00","N":"1900-01-01T00:00:00+00:00",'
            b'"L":["1900-01-01T00:00:00+00:00"]}'
        ),
    },
    'datetime 2199-12-31T23:59:59.9999999 Local': {
        'xml': (
            b'<Dates xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'2199-12-31T23:59:59.9999999+00:00</D>'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:dateTime>2199-12-31T23:59:59.9999999+00:00</d2p1:dateTime>'
            b'</L><N>2199-12-31T23:59:59.9999999+00:00</N></Dates>'
        ),
        'json': (
            b'{"D":"2199-12-31T23:59:59.9999999+00:00",'
            b'"N":"2199-12-31T23:59:59.9999999+00:00",'
            b'"L":["2199-12-31T23:59:59.9999999+00:00"]}'
        ),
    },
    'datetime 2200-01-01 Local': {
        'xml': (
            b'<Dates xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'2200-01-01T00:00:00+00:00</D><L xmlns:d2p1="http://schemas.microsoft.'
            b'com/2003/10/Serialization/Arrays"><d2p1:dateTime>'
            b'2200-01-01T00:00:00+00:00</d2p1:dateTime></L><N>'
            b'2200-01-01T00:00:00+00:00</N></Dates>'
        ),
        'json': (
            b'{"D":"2200-01-01T00:00:00+00:00","N":"2200-01-01T00:00:00+00:00",'
            b'"L":["2200-01-01T00:00:00+00:00"]}'
        ),
    },
    'datetime 1896-02-29 leap': {
        'xml': (
            b'<Dates xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'1896-02-29T00:00:00</D><L xmlns:d2p1="http://schemas.microsoft.com/20'
            b'03/10/Serialization/Arrays"><d2p1:dateTime>'
            b'1896-02-29T00:00:00</d2p1:dateTime></L><N>1896-02-29T00:00:00</N>'
            b'</Dates>'
        ),
        'json': (
            b'{"D":"1896-02-29T00:00:00","N":"1896-02-29T00:00:00",'
            b'"L":["1896-02-29T00:00:00"]}'
        ),
    },
    'datetime 1900-02-28 no leap day': {
        'xml': (
            b'<Dates xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'1900-02-28T12:00:00</D><L xmlns:d2p1="http://schemas.microsoft.com/20'
            b'03/10/Serialization/Arrays"><d2p1:dateTime>'
            b'1900-02-28T12:00:00</d2p1:dateTime></L><N>1900-02-28T12:00:00</N>'
            b'</Dates>'
        ),
        'json': (
            b'{"D":"1900-02-28T12:00:00","N":"1900-02-28T12:00:00",'
            b'"L":["1900-02-28T12:00:00"]}'
        ),
    },
    'datetime 1900-03-01': {
        'xml': (
            b'<Dates xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'1900-03-01T00:00:00</D><L xmlns:d2p1="http://schemas.microsoft.com/20'
            b'03/10/Serialization/Arrays"><d2p1:dateTime>'
            b'1900-03-01T00:00:00</d2p1:dateTime></L><N>1900-03-01T00:00:00</N>'
            b'</Dates>'
        ),
        'json': (
            b'{"D":"1900-03-01T00:00:00","N":"1900-03-01T00:00:00",'
            b'"L":["1900-03-01T00:00:00"]}'
        ),
    },
    'datetime 2000-02-29 leap': {
        'xml': (
            b'<Dates xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'2000-02-29T00:00:00Z</D><L xmlns:d2p1="http://schemas.microsoft.com/2'
            b'003/10/Serialization/Arrays"><d2p1:dateTime>'
            b'2000-02-29T00:00:00Z</d2p1:dateTime></L><N>2000-02-29T00:00:00Z</N>'
            b'</Dates>'
        ),
        'json': (
            b'{"D":"2000-02-29T00:00:00Z","N":"2000-02-29T00:00:00Z",'
            b'"L":["2000-02-29T00:00:00Z"]}'
        ),
    },
    'datetime 2100-02-28 no leap day': {
        'xml': (
            b'<Dates xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'2100-02-28T23:59:59.9999999Z</D><L xmlns:d2p1="http://schemas.microso'
            b'ft.com/2003/10/Serialization/Arrays"><d2p1:dateTime>'
            b'2100-02-28T23:59:59.9999999Z</d2p1:dateTime></L><N>'
            b'2100-02-28T23:59:59.9999999Z</N></Dates>'
        ),
        'json': (
            b'{"D":"2100-02-28T23:59:59.9999999Z",'
            b'"N":"2100-02-28T23:59:59.9999999Z","L":["2100-02-28T23:59:59.9999999Z'
            b'"]}'
        ),
    },
    'datetime 2100-03-01': {
        'xml': (
            b'<Dates xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'2100-03-01T00:00:00Z</D><L xmlns:d2p1="http://schemas.microsoft.com/2'
            b'003/10/Serialization/Arrays"><d2p1:dateTime>'
            b'2100-03-01T00:00:00Z</d2p1:dateTime></L><N>2100-03-01T00:00:00Z</N>'
            b'</Dates>'
        ),
        'json': (
            b'{"D":"2100-03-01T00:00:00Z","N":"2100-03-01T00:00:00Z",'
            b'"L":["2100-03-01T00:00:00Z"]}'
        ),
    },
    'datetime 2196-02-29 leap': {
        'xml': (
            b'<Dates xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'2196-02-29T00:00:00+00:00</D><L xmlns:d2p1="http://schemas.microsoft.'
            b'com/2003/10/Serialization/Arrays"><d2p1:dateTime>'
            b'2196-02-29T00:00:00+00:00</d2p1:dateTime></L><N>'
            b'2196-02-29T00:00:00+00:00</N></Dates>'
        ),
        'json': (
            b'{"D":"2196-02-29T00:00:00+00:00","N":"2196-02-29T00:00:00+00:00",'
            b'"L":["2196-02-29T00:00:00+00:00"]}'
        ),
    },
    'datetime 2204-02-29 leap': {
        'xml': (
            b'<Dates xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'2204-02-29T00:00:00+00:00</D><L xmlns:d2p1="http://schemas.microsoft.'
            b'com/2003/10/Serialization/Arrays"><d2p1:dateTime>'
            b'2204-02-29T00:00:00+00:00</d2p1:dateTime></L><N>'
            b'2204-02-29T00:00:00+00:00</N></Dates>'
        ),
        'json': (
            b'{"D":"2204-02-29T00:00:00+00:00","N":"2204-02-29T00:00:00+00:00",'
            b'"L":["2204-02-29T00:00:00+00:00"]}'
        ),
    },
    'datetime fraction .1': {
        'xml': (
            b'<Dates xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'2024-01-02T03:04:05.1Z</D><L xmlns:d2p1="http://schemas.microsoft.com'
            b'/2003/10/Serialization/Arrays"><d2p1:dateTime>'
            b'2024-01-02T03:04:05.1Z</d2p1:dateTime></L><N>'
            b'2024-01-02T03:04:05.1Z</N></Dates>'
        ),
        'json': (
            b'{"D":"2024-01-02T03:04:05.1Z","N":"2024-01-02T03:04:05.1Z",'
            b'"L":["2024-01-02T03:04:05.1Z"]}'
        ),
    },
    'datetime fraction .12': {
        'xml': (
            b'<Dates xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'2024-01-02T03:04:05.12Z</D><L xmlns:d2p1="http://schemas.microsoft.co'
            b'm/2003/10/Serialization/Arrays"><d2p1:dateTime>'
            b'2024-01-02T03:04:05.12Z</d2p1:dateTime></L><N>'
            b'2024-01-02T03:04:05.12Z</N></Dates>'
        ),
        'json': (
            b'{"D":"2024-01-02T03:04:05.12Z","N":"2024-01-02T03:04:05.12Z",'
            b'"L":["2024-01-02T03:04:05.12Z"]}'
        ),
    },
    'datetime fraction .0000001': {
        'xml': (
            b'<Dates xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'2024-01-02T03:04:05.0000001</D><L xmlns:d2p1="http://schemas.microsof'
            b't.com/2003/10/Serialization/Arrays"><d2p1:dateTime>'
            b'2024-01-02T03:04:05.0000001</d2p1:dateTime></L><N>'
            b'2024-01-02T03:04:05.0000001</N></Dates>'
        ),
        'json': (
            b'{"D":"2024-01-02T03:04:05.0000001","N":"2024-01-02T03:04:05.0000001",'
            b'"L":["2024-01-02T03:04:05.0000001"]}'
        ),
    },
    'datetime fraction .1234567': {
        'xml': (
            b'<Dates xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'2024-01-02T03:04:05.1234567+00:00</D>'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:dateTime>2024-01-02T03:04:05.1234567+00:00</d2p1:dateTime>'
            b'</L><N>2024-01-02T03:04:05.1234567+00:00</N></Dates>'
        ),
        'json': (
            b'{"D":"2024-01-02T03:04:05.1234567+00:00",'
            b'"N":"2024-01-02T03:04:05.1234567+00:00",'
            b'"L":["2024-01-02T03:04:05.1234567+00:00"]}'
        ),
    },
    'guid Empty': {
        'xml': (
            b'<Guids xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'00000000-0000-0000-0000-000000000000</D>'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:guid>00000000-0000-0000-0000-000000000000</d2p1:guid></L>'
            b'<N>00000000-0000-0000-0000-000000000000</N></Guids>'
        ),
        'json': (
            b'{"D":"00000000-0000-0000-0000-000000000000",'
            b'"N":"00000000-0000-0000-0000-000000000000",'
            b'"L":["00000000-0000-0000-0000-000000000000"]}'
        ),
    },
    'guid 0f8fad5b': {
        'xml': (
            b'<Guids xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'0f8fad5b-d9cb-469f-a165-70867728950e</D>'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:guid>0f8fad5b-d9cb-469f-a165-70867728950e</d2p1:guid></L>'
            b'<N>0f8fad5b-d9cb-469f-a165-70867728950e</N></Guids>'
        ),
        'json': (
            b'{"D":"0f8fad5b-d9cb-469f-a165-70867728950e",'
            b'"N":"0f8fad5b-d9cb-469f-a165-70867728950e",'
            b'"L":["0f8fad5b-d9cb-469f-a165-70867728950e"]}'
        ),
    },
    'guid all ff': {
        'xml': (
            b'<Guids xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="htt'
            b'p://schemas.datacontract.org/2004/07/ByteRules"><D>'
            b'ffffffff-ffff-ffff-ffff-ffffffffffff</D>'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:guid>ffffffff-ffff-ffff-ffff-ffffffffffff</d2p1:guid>'
            b'<d2p1:guid>0f8fad5b-d9cb-469f-a165-70867728950e</d2p1:guid></L>'
            b'<N i:nil="true" /></Guids>'
        ),
        'json': (
            b'{"D":"ffffffff-ffff-ffff-ffff-ffffffffffff","N":null,'
            b'"L":["ffffffff-ffff-ffff-ffff-ffffffffffff",'
            b'"0f8fad5b-d9cb-469f-a165-70867728950e"]}'
        ),
    },
    'Int16 bounds': {
        'xml': (
            b'<BoundsInt16 xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmln'
            b's="http://schemas.datacontract.org/2004/07/ByteRules">'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:short>-32768</d2p1:short><d2p1:short>32767</d2p1:short>'
            b'</L><N>32767</N><O xmlns:d2p1="http://www.w3.org/2001/XMLSchema" i:ty'
            b'pe="d2p1:short">32767</O><V>-32768</V></BoundsInt16>'
        ),
        'json': (
            b'{"V":-32768,"N":32767,"L":[-32768,32767],"O":32767}'
        ),
    },
    'Int32 bounds': {
        'xml': (
            b'<BoundsInt32 xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmln'
            b's="http://schemas.datacontract.org/2004/07/ByteRules">'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:int>-2147483648</d2p1:int><d2p1:int>2147483647</d2p1:int>'
            b'</L><N>2147483647</N><O xmlns:d2p1="http://www.w3.org/2001/XMLSchema"'
            b' i:type="d2p1:int">2147483647</O><V>-2147483648</V></BoundsInt32>'
        ),
        'json': (
            b'{"V":-2147483648,"N":2147483647,"L":[-2147483648,2147483647],'
            b'"O":2147483647}'
        ),
    },
    'Int64 bounds': {
        'xml': (
            b'<BoundsInt64 xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmln'
            b's="http://schemas.datacontract.org/2004/07/ByteRules">'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:long>-9223372036854775808</d2p1:long><d2p1:long>'
            b'9223372036854775807</d2p1:long></L><N>9223372036854775807</N>'
            b'<O xmlns:d2p1="http://www.w3.org/2001/XMLSchema" i:type="d2p1:long">'
            b'9223372036854775807</O><V>-9223372036854775808</V></BoundsInt64>'
        ),
        'json': (
            b'{"V":-9223372036854775808,"N":9223372036854775807,'
            b'"L":[-9223372036854775808,9223372036854775807],'
            b'"O":9223372036854775807}'
        ),
    },
    'SByte bounds': {
        'xml': (
            b'<BoundsSByte xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmln'
            b's="http://schemas.datacontract.org/2004/07/ByteRules">'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:byte>-128</d2p1:byte><d2p1:byte>127</d2p1:byte></L><N>'
            b'127</N><O xmlns:d2p1="http://www.w3.org/2001/XMLSchema" i:type="d2p1:'
            b'byte">127</O><V>-128</V></BoundsSByte>'
        ),
        'json': (
            b'{"V":-128,"N":127,"L":[-128,127],"O":127}'
        ),
    },
    'Byte bounds': {
        'xml': (
            b'<BoundsByte xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns'
            b'="http://schemas.datacontract.org/2004/07/ByteRules">'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:unsignedByte>0</d2p1:unsignedByte><d2p1:unsignedByte>'
            b'255</d2p1:unsignedByte></L><N>255</N>'
            b'<O xmlns:d2p1="http://www.w3.org/2001/XMLSchema" i:type="d2p1:unsigne'
            b'dByte">255</O><V>0</V></BoundsByte>'
        ),
        'json': (
            b'{"V":0,"N":255,"L":[0,255],"O":255}'
        ),
    },
    'UInt16 bounds': {
        'xml': (
            b'<BoundsUInt16 xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xml'
            b'ns="http://schemas.datacontract.org/2004/07/ByteRules">'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:unsignedShort>0</d2p1:unsignedShort><d2p1:unsignedShort>'
            b'65535</d2p1:unsignedShort></L><N>65535</N>'
            b'<O xmlns:d2p1="http://www.w3.org/2001/XMLSchema" i:type="d2p1:unsigne'
            b'dShort">65535</O><V>0</V></BoundsUInt16>'
        ),
        'json': (
            b'{"V":0,"N":65535,"L":[0,65535],"O":65535}'
        ),
    },
    'UInt32 bounds': {
        'xml': (
            b'<BoundsUInt32 xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xml'
            b'ns="http://schemas.datacontract.org/2004/07/ByteRules">'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:unsignedInt>0</d2p1:unsignedInt><d2p1:unsignedInt>'
            b'4294967295</d2p1:unsignedInt></L><N>4294967295</N>'
            b'<O xmlns:d2p1="http://www.w3.org/2001/XMLSchema" i:type="d2p1:unsigne'
            b'dInt">4294967295</O><V>0</V></BoundsUInt32>'
        ),
        'json': (
            b'{"V":0,"N":4294967295,"L":[0,4294967295],"O":4294967295}'
        ),
    },
    'UInt64 bounds': {
        'xml': (
            b'<BoundsUInt64 xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xml'
            b'ns="http://schemas.datacontract.org/2004/07/ByteRules">'
            b'<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arr'
            b'ays"><d2p1:unsignedLong>0</d2p1:unsignedLong><d2p1:unsignedLong>'
            b'18446744073709551615</d2p1:unsignedLong></L><N>'
            b'18446744073709551615</N><O xmlns:d2p1="http://www.w3.org/2001/XMLSche'
            b'ma" i:type="d2p1:unsignedLong">18446744073709551615</O><V>0</V>'
            b'</BoundsUInt64>'
        ),
        'json': (
            b'{"V":0,"N":18446744073709551615,"L":[0,18446744073709551615],'
            b'"O":18446744073709551615}'
        ),
    },
}
# fmt: on
