"""``nc.DateTimeOffset`` (System.DateTimeOffset) against Mono: DataContractSerializer, Json.NET
6.0.8 and XsdDataContractExporter.

``Edge.A.Offsets`` is one of the edge contracts, so the XSD interop tests export and validate
it with the others (the System-namespace schema .NET adds). This module adds:

- the bytes .NET writes, spelled out (the complex type in the System namespace, its prefixes,
  the nil and list forms, ``i:type`` in an ``object`` member), at -14:00 and +14:00 and at
  MinValue and MaxValue;
- generated documents over the whole range, converted by both sides;
- odd input read by both sides: the same value where .NET reads one, refused with the
  member's path where .NET refuses; the documented differences asserted as such.
"""

from __future__ import annotations

import base64
import random
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import netcontract as nc
from netcontract.strategies import for_type

from ._csharp import compile_program, run_program
from ._mono import MONO_MISSING_REASON, DotNetTwin, mono_available
from .edge_models import Box, Offsets

pytestmark = pytest.mark.interop

NS = b"http://schemas.datacontract.org/2004/07/Edge.A"
SYSTEM = b"http://schemas.datacontract.org/2004/07/System"
OPEN = b'<Offsets xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="' + NS + b'">'
A = nc.DateTimeOffset.parse("2024-05-06T13:45:07.1234567+02:00")
EAST = nc.DateTimeOffset.parse("0001-01-01T14:00:00+14:00")
WEST = nc.DateTimeOffset.parse("9999-12-31T09:59:59-14:00")
SAMPLE = Offsets(
    d=A,
    nd=EAST,
    ds=[nc.DateTimeOffset.MIN_VALUE, nc.DateTimeOffset.MAX_VALUE, WEST],
    nds=[None, nc.DateTimeOffset.parse("2024-01-01T00:00:00-03:30")],
)


def parts(utc: bytes, minutes: bytes, prefix: bytes = b"d2p1") -> bytes:
    return (
        b"<" + prefix + b":DateTime>" + utc + b"</" + prefix + b":DateTime><" + prefix
        + b":OffsetMinutes>" + minutes + b"</" + prefix + b":OffsetMinutes>"
    )  # fmt: skip


def test_the_bytes_dotnet_writes(dotnet: DotNetTwin) -> None:
    """Mono: each value declares the System namespace (``d2p1``) and writes the UTC time and
    the offset in it; a list is ``ArrayOfDateTimeOffset`` in System, a nullable list
    ``ArrayOfNullableOfDateTimeOffset5F2dSckg``; Json.NET writes the clock time with the
    offset."""
    result = dotnet.roundtrip("Edge.A.Offsets", "json", nc.to_json(SAMPLE))
    decl = b' xmlns:d2p1="' + SYSTEM + b'"'
    assert result.xml == (
        OPEN + b"<D" + decl + b">" + parts(b"2024-05-06T11:45:07.1234567Z", b"120") + b"</D>"
        b"<Ds" + decl + b"><d2p1:DateTimeOffset>" + parts(b"0001-01-01T00:00:00Z", b"0")
        + b"</d2p1:DateTimeOffset><d2p1:DateTimeOffset>"
        + parts(b"9999-12-31T23:59:59.9999999Z", b"0")
        + b"</d2p1:DateTimeOffset><d2p1:DateTimeOffset>"
        + parts(b"9999-12-31T23:59:59Z", b"-840") + b"</d2p1:DateTimeOffset></Ds>"
        b"<ND" + decl + b">" + parts(b"0001-01-01T00:00:00Z", b"840") + b"</ND>"
        b"<NDs" + decl + b'><d2p1:DateTimeOffset i:nil="true" /><d2p1:DateTimeOffset>'
        + parts(b"2024-01-01T03:30:00Z", b"-210") + b"</d2p1:DateTimeOffset></NDs></Offsets>"
    )  # fmt: skip
    assert result.json == (
        b'{"D":"2024-05-06T13:45:07.1234567+02:00","ND":"0001-01-01T14:00:00+14:00",'
        b'"Ds":["0001-01-01T00:00:00+00:00","9999-12-31T23:59:59.9999999+00:00",'
        b'"9999-12-31T09:59:59-14:00"],"NDs":[null,"2024-01-01T00:00:00-03:30"]}'
    )
    assert result.xml == nc.to_xml(SAMPLE)
    assert result.json == nc.to_json(SAMPLE)
    assert result.xml_indent == nc.to_xml(SAMPLE, indent=True)
    assert result.json_indent == nc.to_json(SAMPLE, indent=True)
    nil = dotnet.roundtrip("Edge.A.Offsets", "json", b"{}")
    assert nil.xml is not None and b'<ND xmlns:d2p1="' + SYSTEM + b'" i:nil="true" />' in nil.xml
    assert nil.xml == nc.to_xml(Offsets())


def test_in_an_object_member(dotnet: DotNetTwin) -> None:
    """netcontract writes ``i:type="d2p1:DateTimeOffset"`` with the System namespace, as Mono's
    DataContractSerializer writes it (pinned in tests/netcontract/clr/test_datetimeoffset.py),
    when DateTimeOffset is a known type (``known_types=[nc.DateTimeOffset]``); Mono's reader
    refuses that i:type unless DateTimeOffset is a known type, and so does netcontract (it read
    it), and its writing too (Mono's WCF JSON writer and Microsoft's .NET refuse it). Json.NET
    writes the text and reads it back into ``object`` as a DateTime."""
    box = Box(thing=A)
    known = [nc.DateTimeOffset]
    with pytest.raises(nc.SerializationError, match=r"DateTimeOffset.* is not expected"):
        nc.to_xml(box)
    xml = nc.to_xml(box, known_types=known)
    assert (
        b'<Thing xmlns:d2p1="' + SYSTEM + b'" i:type="d2p1:DateTimeOffset">'
        + parts(b"2024-05-06T11:45:07.1234567Z", b"120") + b"</Thing>"
    ) in xml  # fmt: skip
    assert nc.from_xml(xml, Box, known_types=known) == box
    refused = dotnet.roundtrip("Edge.A.Box", "xml", xml)  # Driver.cs: DateTimeOffset unknown
    assert refused.read_error is not None and "known types" in refused.read_error
    with pytest.raises(nc.XmlPayloadError, match="not a known type"):
        nc.from_xml(xml, Box)
    data = nc.to_json(box)
    assert data == b'{"Thing":"2024-05-06T13:45:07.1234567+02:00","After":null}'
    # Mono (TZ=UTC): a DateTime of kind Local, converted to the server's zone
    result = dotnet.roundtrip("Edge.A.Box", "json", data)
    assert result.json == b'{"Thing":"2024-05-06T11:45:07.1234567+00:00","After":null}'
    assert nc.from_json(data, Box) == Box(thing=nc.DateTime.parse(A.isoformat()))


def test_generated_offsets_convert_like_dotnet(dotnet: DotNetTwin) -> None:
    docs: list[Offsets] = []

    @settings(
        max_examples=300, database=None, deadline=None, suppress_health_check=list(HealthCheck)
    )
    @given(for_type(Offsets))
    def collect(doc: Offsets) -> None:
        docs.append(doc)

    collect()
    assert len(docs) >= 300
    # the edge offsets, whatever the draws hit (one run's 300 drew no +14:00)
    docs += [
        Offsets(d=nc.DateTimeOffset(A.ticks, minutes), ds=[nc.DateTimeOffset(A.ticks, -minutes)])
        for minutes in (-840, 0, 840)
    ]
    offsets = {v.offset_minutes for d in docs for v in [d.d, *(d.ds or ())]}
    assert {-840, 840, 0} <= offsets
    requests = []
    for doc in docs:
        requests.append(("Edge.A.Offsets", "xml", nc.to_xml(doc)))
        requests.append(("Edge.A.Offsets", "json", nc.to_json(doc)))
    results = dotnet.roundtrip_many(requests)
    for index, result in enumerate(results):
        doc = docs[index // 2]
        assert result.read_error is None, (doc, result.read_error)
        assert result.xml == nc.to_xml(doc), doc
        assert result.xml_indent == nc.to_xml(doc, indent=True), doc
        assert result.json == nc.to_json(doc), doc
        assert result.json_indent == nc.to_json(doc, indent=True), doc
        assert isinstance(result.xml, bytes) and isinstance(result.json, bytes)
        assert nc.from_xml(result.xml, Offsets) == doc
        assert nc.from_json(result.json, Offsets) == doc


def xml_doc(inner: str) -> bytes:
    return (
        '<Offsets xmlns="http://schemas.datacontract.org/2004/07/Edge.A"'
        ' xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
        ' xmlns:s="http://schemas.datacontract.org/2004/07/System">' + inner + "</Offsets>"
    ).encode()


def d(inner: str) -> bytes:
    return xml_doc(f"<D>{inner}</D>")


#: (format, payload, path of the problem where .NET refuses it)
ODD_INPUT: list[tuple[str, bytes, str]] = [
    (
        "xml",
        d("<s:DateTime>2024-05-06T11:45:07Z</s:DateTime><s:OffsetMinutes>1</s:OffsetMinutes>"),
        "D",
    ),
    (
        "xml",
        d(
            "<s:DateTime> 2024-05-06T11:45:07Z </s:DateTime>"
            "<s:OffsetMinutes> 120 </s:OffsetMinutes>"
        ),
        "D",
    ),
    (
        "xml",
        d("<s:DateTime>2024-05-06T11:45:07z</s:DateTime><s:OffsetMinutes>-0</s:OffsetMinutes>"),
        "D",
    ),
    (
        "xml",
        d("<s:DateTime>2024-05-06T11:45:07Z</s:DateTime><s:OffsetMinutes>841</s:OffsetMinutes>"),
        "D",
    ),
    (
        "xml",
        d("<s:DateTime>0001-01-01T00:00:00Z</s:DateTime><s:OffsetMinutes>-60</s:OffsetMinutes>"),
        "D",
    ),
    (
        "xml",
        d("<s:DateTime>9999-12-31T23:00:00Z</s:DateTime><s:OffsetMinutes>61</s:OffsetMinutes>"),
        "D",
    ),
    (
        "xml",
        d("<s:OffsetMinutes>120</s:OffsetMinutes><s:DateTime>2024-05-06T11:45:07Z</s:DateTime>"),
        "D",
    ),
    ("xml", d("<s:DateTime>2024-05-06T11:45:07Z</s:DateTime>"), "D"),
    ("xml", d(""), "D"),
    ("xml", d("<DateTime>2024-05-06T11:45:07Z</DateTime><OffsetMinutes>120</OffsetMinutes>"), "D"),
    (
        "xml",
        d("<s:DateTime>2024-05-06T11:45:07Z</s:DateTime><s:OffsetMinutes>x</s:OffsetMinutes>"),
        "D",
    ),
    (
        "xml",
        d("<s:DateTime>2024-05-06T11:45:07Z</s:DateTime><s:OffsetMinutes>40000</s:OffsetMinutes>"),
        "D",
    ),
    (
        "xml",
        d("<s:DateTime>2024-05-06T11:45:07Z</s:DateTime><s:OffsetMinutes>32768</s:OffsetMinutes>"),
        "D",
    ),
    (
        "xml",
        d("<s:DateTime>2024-05-06T11:45:07Z</s:DateTime><s:OffsetMinutes>-32769</s:OffsetMinutes>"),
        "D",
    ),
    (
        "xml",
        d("<s:DateTime>2024-05-06T11:45:07Z</s:DateTime><s:OffsetMinutes>32767</s:OffsetMinutes>"),
        "D",
    ),
    (
        "xml",
        d("<s:DateTime>X2024-05-06T11:45:07Z</s:DateTime><s:OffsetMinutes>0</s:OffsetMinutes>"),
        "D",
    ),
    (
        "xml",
        d("<s:DateTime>9999-12-31T23:59:59Z</s:DateTime><s:OffsetMinutes>60</s:OffsetMinutes>"),
        "D",
    ),
    # no Z: the clock time of the offset; a date; 8 fraction digits rounded (to the even tick)
    (
        "xml",
        d("<s:DateTime>2024-05-06T11:45:07</s:DateTime><s:OffsetMinutes>120</s:OffsetMinutes>"),
        "D",
    ),
    ("xml", d("<s:DateTime>2024-05-06Z</s:DateTime><s:OffsetMinutes>120</s:OffsetMinutes>"), "D"),
    (
        "xml",
        d(
            "<s:DateTime>2024-05-06T11:45:07.12345678Z</s:DateTime>"
            "<s:OffsetMinutes>0</s:OffsetMinutes>"
        ),
        "D",
    ),
    ("xml", xml_doc('<D i:nil="true" />'), "D"),
    ("xml", xml_doc('<ND i:nil="true" />'), "ND"),
    ("json", b'{"D":"2024-05-06T13:45:07.1234567+02:00"}', "D"),
    ("json", b'{"D":"2024-05-06T13:45:07Z"}', "D"),
    ("json", b'{"D":"2024-05-06T13:45:07+00:00"}', "D"),
    ("json", b'{"D":"2024-05-06T13:45:07-14:00"}', "D"),
    # more than 7 fraction digits: read rounded half to even, as Json.NET (through
    # DateTimeOffset.TryParse) reads them
    ("json", b'{"D":"2024-05-06T13:45:07.12345678+02:00"}', "D"),
    ("json", b'{"D":"2024-05-06T13:45:07.12345665+02:00"}', "D"),
    # DateTimeOffset.TryParse's exact forms (test_json_number_strings_interop.py has more)
    ("json", b'{"D":"2024-05-06T13:45:07+0530"}', "D"),
    ("json", b'{"D":"2024-05-06T13:45+05"}', "D"),
    ("json", b'{"D":" 2024-05-06 13:45:07.5 -09:30 "}', "D"),
    ("json", b'{"D":"2024-05-06T13:45:07+14:01"}', "D"),
    ("json", b'{"D":"\\/Date(1234567890000)\\/"}', "D"),
    ("json", b'{"D":"\\/Date(1234567890000+0100)\\/"}', "D"),
    ("json", b'{"D":"\\/Date(1234567890000-0530)\\/"}', "D"),
    ("json", b'{"D":"0001-01-01T00:00:00+01:00"}', "D"),
    ("json", b'{"D":"9999-12-31T23:59:59.9999999-01:00"}', "D"),
    ("json", b'{"D":null}', "D"),
    ("json", b'{"ND":null}', "ND"),
    ("json", b'{"D":5}', "D"),
    ("json", b'{"D":"x"}', "D"),
    ("json", b'{"Ds":["2024-05-06T13:45:07Z","y"]}', "Ds[1]"),
]


def read(fmt: str, payload: bytes) -> Any:
    return nc.from_xml(payload, Offsets) if fmt == "xml" else nc.from_json(payload, Offsets)


@pytest.fixture(scope="module")
def odd_results(dotnet: DotNetTwin) -> list[Any]:
    return dotnet.roundtrip_many([("Edge.A.Offsets", fmt, p) for fmt, p, _ in ODD_INPUT])


@pytest.mark.parametrize("index", range(len(ODD_INPUT)), ids=[repr(p) for _, p, _ in ODD_INPUT])
def test_odd_input_is_read_as_dotnet_reads_it_or_refused(
    odd_results: list[Any], index: int
) -> None:
    fmt, payload, path = ODD_INPUT[index]
    result = odd_results[index]
    if result.read_error is not None:
        with pytest.raises(nc.PayloadError) as refused:
            read(fmt, payload)
        assert [p.path for p in refused.value.problems] == [path], result.read_error
        return
    obj = read(fmt, payload)
    assert nc.to_xml(obj) == result.xml
    assert nc.to_json(obj) == result.json


#: read by .NET, refused by netcontract (README, "Behaviours chosen where .NET is lossy")
DIFFERENT: list[tuple[str, bytes]] = [
    # the DateTime child with an offset: .NET converts it into the server's zone and back
    # (test_datetime_child_texts_read_as_mono_reads_them)
    (
        "xml",
        d("<s:DateTime>2024-05-06T11:45:07+05:00</s:DateTime><s:OffsetMinutes>0</s:OffsetMinutes>"),
    ),
    # U+00A0 around the DateTime child: Mono trims it (as for an xs:duration)
    (
        "xml",
        d(
            "<s:DateTime>\u00a02024-05-06T11:45:07Z</s:DateTime><s:OffsetMinutes>0</s:OffsetMinutes>"
        ),
    ),
    # no offset in JSON: Json.NET takes the server's zone
    ("json", b'{"D":"2024-05-06T13:45:07"}'),
    ("json", b'{"D":"2024-05-06"}'),
]


@pytest.mark.parametrize(("fmt", "payload"), DIFFERENT, ids=[repr(p) for _, p in DIFFERENT])
def test_what_dotnet_reads_lossily_is_refused(dotnet: DotNetTwin, fmt: str, payload: bytes) -> None:
    result = dotnet.roundtrip("Edge.A.Offsets", fmt, payload)
    assert result.read_error is None
    with pytest.raises(nc.PayloadError) as refused:
        read(fmt, payload)
    assert [p.path for p in refused.value.problems] == ["D"]


@nc.contract("OK", name="Bare", xml_namespace="urn:ok")
class _Bare:
    o: object = nc.member("O", default=None)


@nc.contract("OK", name="Knows", xml_namespace="urn:ok", known_types=(nc.DateTimeOffset,))
class _Knows:  # [KnownType(typeof(DateTimeOffset))]
    o: object = nc.member("O", default=None)


def test_an_object_member_holds_one_only_where_it_is_a_known_type(tmp_path: Path) -> None:
    """DateTimeOffset is a contract to .NET, not a primitive: in an ``object`` member it must be
    a known type (OffsetKnown.cs on Mono). Its WCF JSON writer refuses it unknown, both its
    readers refuse the documents (its XML writer checks nothing: it writes the same bytes
    either way); netcontract refuses each where Mono's readers do, and writes Mono's bytes
    where it is known. (netcontract wrote and read it unknown in both formats.)"""
    if not mono_available():
        pytest.skip(MONO_MISSING_REASON)
    exe = compile_program("OffsetKnown", tmp_path)
    mono: dict[str, tuple[bool, str]] = {}
    for line in run_program(exe).decode().splitlines():
        case, status, text = line.split(" ")
        mono[case] = (status == "OK", base64.b64decode(text).decode())
    value = nc.DateTimeOffset.parse("2020-01-02T03:04:05+02:00")
    # where it is known: Mono's bytes, both ways
    assert mono["xml-knows"] == (True, nc.to_xml(_Knows(o=value)).decode())
    assert mono["wcf-knows"] == (True, nc.to_wcf_json(_Knows(o=value)).decode())
    assert mono["read-xml-knows"][0] and mono["read-wcf-knows"][0]
    assert nc.from_xml(mono["xml-knows"][1].encode(), _Knows).o == value
    assert nc.from_wcf_json(mono["wcf-knows"][1].encode(), _Knows).o == value
    # unknown: Mono's WCF JSON writer throws "... DateTimeOffset ... is not expected"
    assert not mono["wcf-bare"][0] and "is not expected" in mono["wcf-bare"][1]
    assert mono["xml-bare"][0]  # (Mono's XML writer does not check object members)
    for write in (nc.to_xml, nc.to_wcf_json):
        with pytest.raises(nc.SerializationError, match="is not expected"):
            write(_Bare(o=value))
    # unknown: both Mono readers refuse the document ("no knowledge of any type that maps")
    assert not mono["read-xml-bare"][0] and "no knowledge" in mono["read-xml-bare"][1]
    assert not mono["read-wcf-bare"][0] and "no knowledge" in mono["read-wcf-bare"][1]
    bare_xml = mono["xml-bare"][1].encode()
    with pytest.raises(nc.XmlPayloadError, match="not a known type"):
        nc.from_xml(bare_xml, _Bare)
    with pytest.raises(nc.JsonPayloadError, match="not a known type"):
        nc.from_wcf_json(mono["wcf-knows"][1].encode(), _Bare)


# ------------------------------------------------- the <DateTime> child's other texts (Mono)

#: (text, OffsetMinutes): read by Mono, whatever the server's zone, and by netcontract alike
XML_TEXTS_READ = [
    ("2024-05-06Z", 120),  # a date: midnight UTC
    ("2024-05-06z", 0),
    ("2024-05Z", 0),  # gYearMonth: the 1st
    ("2024Z", 0),  # gYear: January 1st
    ("--05-06Z", 0),  # gMonthDay: year 1904
    ("2024-05-06T11:45:07.12345675Z", 0),  # a tie: to the even tick (.1234568)
    ("2024-05-06T11:45:07.12345665Z", 0),  # a tie: to the even tick (.1234566)
    ("2024-05-06T11:45:07.123456650001Z", 0),  # above the tie: up
    ("2024-05-06T11:45:07.123456749999Z", 0),  # below: down
    ("2024-05-06T23:59:59.99999999Z", 0),  # carried into the next day
    ("9999-12-31T23:59:59.99999994Z", 0),  # rounded to MaxValue exactly
    ("9999-12-31T23:59:59.99999994", 0),
    ("2024-05-06T11:45:07", 60),  # no zone: the clock time of the offset
    ("2024-05-06", -330),
    ("\n2024-05-06Z\n", 0),
]

#: refused by netcontract and by Mono
XML_TEXTS_REFUSED = [
    ("9999-12-31T23:59:59.99999999Z", 0),  # rounded past MaxValue
    ("9999-12-31T23:59:59.99999996Z", 0),
    ("9999-12-31T23:59:59.99999996", 0),
    ("2024-05-06T24:00:00Z", 0),  # no 24:00:00, no leap second, with 8 digits too
    ("2024-05-06T10:60:00Z", 0),
    ("2024-05-06T10:00:60Z", 0),
    ("2024-05-06T24:00:00.12345678Z", 0),
    ("2024-05-06T10:60:00.12345678", 0),
    ("2024-05-06T10:00:60.12345678Z", 0),
    ("2024-05-06T11:45Z", 0),
    ("2024-05-06T11:45:07 Z", 0),
    ("2024-05-06T11:45:07+0530", 0),
    ("2023-02-29Z", 0),
    ("+2024-05-06Z", 0),
    ("2024-05-06T11:45:07.Z", 0),
]

#: read by Mono, refused by netcontract: the instant depends on the server's zone (an offset
#: goes through it: America/New_York reads 1883-11-18T17:00:00+00:00 three minutes early, at
#: LMT's end) or on today's date (a gDay, a gMonth, a time alone)
XML_TEXTS_ZONE_OR_DATE = [
    ("1883-11-18T17:00:00+00:00", 0),
    ("2024-05-06T11:45:07-00:00", 0),
    ("2024-05-06T11:45:07+05:00", 120),
    ("2024-05-06+00:00", 0),
    ("---06Z", 0),
    ("--05Z", 0),
    ("11:45:07Z", 0),
]


#: WCF JSON DateTime texts of 1883-11-18T17:00:00Z, with and without a suffix
WCF_SUFFIXED = ["\\/Date(-2717650800000+0000)\\/", "\\/Date(-2717650800000)\\/"]


def _draw_wcf_date(rng: random.Random) -> str:
    """DataContractJsonSerializer's DateTime texts with odd spaces, signs, digits, suffixes."""

    def pick(common: str, *odd: str) -> str:
        return common if rng.random() < 0.75 else rng.choice(odd)

    number = rng.choice(["0", "1577934245678", "-62135596800000", "253402300799999", "-1"])
    number = pick(str(rng.randint(-62135596800000, 253402300799999)), number, "+5", "", "x")
    inner = pick("", " ", "\\t") + number + pick("", " ", "+0100", "-0530", "+xx", "-")
    text = pick("\\/Date(", "/Date(", "\\/date(") + inner + pick(")\\/", ")/", ")")
    return pick("", " ", "\\n", "\u00a0") + text + pick("", " ", "x")


def _draw_xml_text(rng: random.Random) -> tuple[str, int]:
    """The xs:dateTime family with odd fields, fraction lengths, ties, zones, white space."""

    def two(lo: int, hi: int) -> str:
        value = rng.randint(lo, hi)
        return f"{value:02d}" if rng.random() < 0.93 else str(value)

    year = rng.choice(["2024", "2023", "0001", "9999", "1904", "0000", "1883", "202"])
    month = two(0, 13) if rng.random() < 0.2 else two(1, 12)
    day = two(1, 31)
    clock = f"{two(0, 23)}:{two(0, 59)}:{two(0, 59)}"
    if rng.random() < 0.1:
        clock = f"{two(0, 24)}:{two(0, 60)}:{two(0, 60)}"
    if rng.random() < 0.6:
        n = rng.choice([1, 7, 8, 9, 12])
        digits = "".join(rng.choice("0123456789") for _ in range(n))
        if n > 7 and rng.random() < 0.5:
            digits = digits[:7] + "5" + "0" * (n - 8)  # a tie
        clock += "." + digits
    text = rng.choices(
        [f"{year}-{month}-{day}T{clock}", f"{year}-{month}-{day}", f"{year}-{month}", year],
        [10, 4, 1, 1],
    )[0]
    text += rng.choices(["Z", "z", "", "+00:00", " Z"], [6, 1, 4, 1, 0.3])[0]
    if rng.random() < 0.1:
        text = rng.choice([" ", "\n", "\t"]) + text + rng.choice([" ", "\r\n", ""])
    minutes = rng.choice([0, 120, -330, -840, 840, rng.randint(-900, 900)])
    return text, minutes


def _xml_answer(text: str, minutes: int) -> str:
    try:
        value = nc.from_xml(
            d(f"<s:DateTime>{text}</s:DateTime><s:OffsetMinutes>{minutes}</s:OffsetMinutes>"),
            Offsets,
        ).d
    except nc.PayloadError:
        return "err"
    return f"ok {value.ticks} {value.offset_minutes}"


@nc.contract("P", name="DateBox", xml_namespace="urn:p")
class _DateBox:
    d: nc.DateTime = nc.member("D", default=None)


def _dt_answer(text: str) -> tuple[str, int | None]:
    """``ok <ticks> <kind>`` as XmlDateTexts.cs prints it under TZ=UTC, and the offset kept."""
    try:
        value = nc.from_xml(f'<DateBox xmlns="urn:p"><D>{text}</D></DateBox>'.encode(), _DateBox).d
    except nc.PayloadError:
        return "err", None
    kind = value.kind.name.title()
    offset = value.offset_minutes
    utc = value.ticks - (offset or 0) * 600_000_000  # Mono (TZ=UTC) shows the UTC instant
    return f"ok {utc} {kind}", offset


def test_datetime_child_texts_read_as_mono_reads_them(tmp_path: Path) -> None:
    """``dotnet/XmlDateTexts.cs`` under TZ=UTC and America/New_York, over the tables and 300
    drawn texts: where netcontract reads a value, Mono reads the same one in both zones; where
    netcontract refuses, Mono refuses too, or the text has an offset (read through the
    server's zone) or lacks a year (read with today's).

    The same texts in a DateTime member: netcontract reads what Mono reads (a Local one: the
    same instant, the offset kept, as for the dateTime form), refuses what Mono refuses or
    reads with today's date."""
    if not mono_available():
        pytest.skip(MONO_MISSING_REASON)
    rng = random.Random(20261207)
    cases = [*XML_TEXTS_READ, *XML_TEXTS_REFUSED, *XML_TEXTS_ZONE_OR_DATE]
    cases += [_draw_xml_text(rng) for _ in range(300)]
    exe = compile_program("XmlDateTexts", tmp_path)
    lines = [f"dto {t.encode().hex()} {m}\n" for t, m in cases]
    lines += [f"dt {t.encode().hex()} 0\n" for t, _ in cases]
    # WCF JSON's \/Date(ms+hhmm)\/ goes through the zone too: 1883-11-18T17:00:00Z
    wcf_drawn = [_draw_wcf_date(rng) for _ in range(200)]
    lines += [f"wcf {t.encode().hex()} 60\n" for t in wcf_drawn]
    lines += [f"wcf {t.encode().hex()} 60\n" for t in WCF_SUFFIXED]
    stdin = "".join(lines).encode()
    utc = run_program(exe, stdin=stdin).decode().splitlines()
    new_york = run_program(exe, tz="America/New_York", stdin=stdin).decode().splitlines()
    assert len(utc) == len(new_york) == 2 * len(cases) + len(wcf_drawn) + len(WCF_SUFFIXED)
    assert utc[-2:] == ["ok 594179496000000000 60"] * 2
    assert new_york[-2:] == ["ok 594179494200000000 60", "ok 594179496000000000 60"]
    for text in WCF_SUFFIXED:
        data = b'{"D":{"DateTime":"' + text.encode() + b'","OffsetMinutes":60}}'
        if "+" in text:
            with pytest.raises(nc.JsonPayloadError, match="suffix"):
                nc.from_wcf_json(data, Offsets)
        else:
            assert nc.from_wcf_json(data, Offsets).d == nc.DateTimeOffset(594179496000000000, 60)
    del utc[-len(WCF_SUFFIXED) :], new_york[-len(WCF_SUFFIXED) :]
    start = 2 * len(cases)
    wcf_read = 0
    for text, mono, mono_ny in zip(wcf_drawn, utc[start:], new_york[start:], strict=True):
        data = ('{"D":{"DateTime":"' + text + '","OffsetMinutes":60}}').encode()
        try:
            value = nc.from_wcf_json(data, Offsets).d
        except nc.PayloadError:
            # Mono refuses it too, or reads a suffix (through the zone: WCF_SUFFIXED)
            assert mono.startswith("err") or re.search(r"[0-9 ][+-]", text), (text, mono)
        else:
            assert f"ok {value.ticks} {value.offset_minutes}" == mono == mono_ny, text
            wcf_read += 1
    assert wcf_read > len(wcf_drawn) // 5  # the draws reach both sides
    del utc[start:], new_york[start:]
    dates, dates_ny = utc[len(cases) :], new_york[len(cases) :]
    del utc[len(cases) :], new_york[len(cases) :]
    date_only = re.compile(r"\s*(?:---?[0-9]{2}[Zz]?|[0-9:.]+[Zz]?)\s*")
    for (text, _), mono, mono_ny in zip(cases, dates, dates_ny, strict=True):
        ours, offset = _dt_answer(text)
        if ours == "err":
            assert mono.startswith("err") or date_only.fullmatch(text), (text, mono)
        elif offset is None:
            assert ours == mono == mono_ny, text
        else:  # Local: Mono converts the instant into the server's zone (near 0001: clamped)
            assert ours == mono or mono == "ok 0 Local", text
    through_zone = re.compile(r"\s*(?:.*[+-][0-9]{2}:[0-9]{2}|---?[0-9]{2}[Zz]?|[0-9:.]+[Zz]?)\s*")
    for (text, minutes), mono, mono_ny in zip(cases, utc, new_york, strict=True):
        ours = _xml_answer(text, minutes)
        if ours != "err":
            assert ours == mono == mono_ny, (text, minutes)
        elif mono.startswith("ok"):
            assert through_zone.fullmatch(text), (text, minutes, mono)
    for table, expected in ((XML_TEXTS_READ, "ok"), (XML_TEXTS_REFUSED, "err")):
        for text, minutes in table:
            assert _xml_answer(text, minutes).split()[0] == expected, text
            assert utc[cases.index((text, minutes))].split()[0] == expected, text
    zone_start = len(XML_TEXTS_READ) + len(XML_TEXTS_REFUSED)
    assert all(a.startswith("ok") for a in utc[zone_start : zone_start + 4])
    assert utc[zone_start] != new_york[zone_start]  # 1883-11-18T17:00:00+00:00
    assert all(_xml_answer(t, m) == "err" for t, m in XML_TEXTS_ZONE_OR_DATE)
