"""``nc.Single`` (System.Single) against Mono: DataContractSerializer, Json.NET 6.0.8, Web API.

``Edge.A.Singles`` is one of the edge contracts, so the XSD interop tests export and validate
it with the others. This module adds what is particular to Single:

- the bytes .NET writes, spelled out, and ``Single.ToString("R")`` over 30,000 random bit
  patterns (the facts ``clr/single.py`` cites);
- generated documents over the whole range, converted by both sides;
- odd input read by both sides: the same value where .NET reads one, refused with the
  member's path where .NET refuses, and the documented difference (Json.NET reads a number
  beyond Single.MaxValue as Infinity) asserted as such;
- form values bound by Web API and by ``from_form``.
"""

from __future__ import annotations

import math
import random
import re
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import netcontract as nc
from netcontract.clr.single import format_single_json, format_single_r, format_single_xml
from netcontract.clr.value_types import SINGLE
from netcontract.strategies import for_type

from ._csharp import compile_program, run_program
from ._mono import DotNetTwin
from ._mono_forms import MISSING_REASON, WebApiForms, web_api_available
from .edge_models import Box, Singles

pytestmark = pytest.mark.interop

NS = b"http://schemas.datacontract.org/2004/07/Edge.A"
ARR = b"http://schemas.microsoft.com/2003/10/Serialization/Arrays"
SYSTEM = b"http://schemas.datacontract.org/2004/07/System"
XS = b"http://www.w3.org/2001/XMLSchema"
OPEN = b'<Singles xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="' + NS + b'">'


def f32(bits: int) -> float:
    value: float = struct.unpack("<f", struct.pack("<I", bits))[0]
    return value


SAMPLE = Singles(
    f=f32(0x3DCCCCCD),
    nf=math.inf,
    fs=[1e7, f32(1), f32(0x7F7FFFFF), math.nan, 16777216.0],
    nfs=[None, f32(0x3EAAAAAB), -math.inf],
)


def test_the_bytes_dotnet_writes(dotnet: DotNetTwin) -> None:
    """Mono: "R" (7 digits, else 9), ``INF``/``NaN`` in XML, quoted in JSON, ``.0`` added
    where JSON's text has neither ``.`` nor ``E``; ``xs:float`` in an object member."""
    result = dotnet.roundtrip("Edge.A.Singles", "json", nc.to_json(SAMPLE))
    assert result.xml == (
        OPEN + b"<F>0.1</F>"
        b'<Fs xmlns:d2p1="' + ARR + b'"><d2p1:float>1E+07</d2p1:float>'
        b"<d2p1:float>1.401298E-45</d2p1:float><d2p1:float>3.40282347E+38</d2p1:float>"
        b"<d2p1:float>NaN</d2p1:float><d2p1:float>16777216</d2p1:float></Fs>"
        b"<NF>INF</NF>"
        b'<NFs xmlns:d2p1="' + SYSTEM + b'"><d2p1:float i:nil="true" />'
        b"<d2p1:float>0.333333343</d2p1:float><d2p1:float>-INF</d2p1:float></NFs></Singles>"
    )
    assert result.json == (
        b'{"F":0.1,"NF":"Infinity","Fs":[1E+07,1.401298E-45,3.40282347E+38,"NaN",16777216.0],'
        b'"NFs":[null,0.333333343,"-Infinity"]}'
    )
    assert result.xml == nc.to_xml(SAMPLE)
    assert result.json == nc.to_json(SAMPLE)
    assert result.xml_indent == nc.to_xml(SAMPLE, indent=True)
    assert result.json_indent == nc.to_json(SAMPLE, indent=True)
    boxed = dotnet.roundtrip("Edge.A.Box", "xml", nc.to_xml(Box(thing=nc.Boxed(1.5, SINGLE))))
    assert boxed.xml is not None
    assert b'<Thing xmlns:d2p1="' + XS + b'" i:type="d2p1:float">1.5</Thing>' in boxed.xml
    assert nc.from_xml(boxed.xml, Box) == Box(thing=nc.Boxed(1.5, SINGLE))


def test_negative_zero(dotnet: DotNetTwin) -> None:
    """Mono: DataContractSerializer writes a -0 Single as ``-0`` but reads a bare ``-0`` as +0
    (a shortcut for short integers; ``-0.0`` keeps the sign); Json.NET writes ``0.0`` and reads
    ``-0.0`` as +0. netcontract writes ``-0.0`` in JSON and keeps the sign on every read, as it
    does for Double (README, "Behaviours chosen where .NET is lossy")."""
    obj = Singles(f=-0.0)
    assert nc.to_xml(obj).startswith(OPEN + b"<F>-0</F>")
    assert nc.to_json(obj).startswith(b'{"F":-0.0,')
    from_xml = dotnet.roundtrip("Edge.A.Singles", "xml", OPEN + b"<F>-0.0</F></Singles>")
    assert from_xml.xml is not None and from_xml.xml.startswith(OPEN + b"<F>-0</F>")
    assert from_xml.json is not None and from_xml.json.startswith(b'{"F":0.0,')
    from_json = dotnet.roundtrip("Edge.A.Singles", "json", b'{"F":-0.0}')
    assert from_json.xml is not None and from_json.xml.startswith(OPEN + b"<F>0</F>")
    for data in (nc.to_xml(obj), OPEN + b"<F>-0.0</F></Singles>"):
        assert math.copysign(1.0, nc.from_xml(data, Singles).f) < 0.0
    assert math.copysign(1.0, nc.from_json(b'{"F":-0.0}', Singles).f) < 0.0


def test_r_format_over_random_bit_patterns(tmp_path: Path) -> None:
    """Mono's ``ToString("R")``, ``XmlConvert.ToString`` and ``JsonConvert.ToString`` of
    30,000 float32 values (random bits, subnormals, integers): netcontract writes the same."""
    exe = compile_program("SingleTexts", tmp_path)
    rng = random.Random(32)
    patterns = [rng.getrandbits(32) for _ in range(20000)]
    patterns += [rng.getrandbits(23) for _ in range(5000)]  # subnormals
    patterns += [struct.unpack("<I", struct.pack("<f", float(rng.randint(1, 10**9))))[0]]
    patterns += [
        struct.unpack("<I", struct.pack("<f", float(f"{rng.uniform(0, 1000):.3g}")))[0]
        for _ in range(5000)
    ]
    patterns = [p for p in patterns if (p >> 23) & 0xFF != 0xFF]
    out = run_program(exe, stdin="".join(f"{p:08X}\n" for p in patterns).encode())
    lines = out.decode().splitlines()
    assert len(lines) == len(patterns)
    for pattern, line in zip(patterns, lines, strict=True):
        value = f32(pattern)
        r, xml, json = line.split(" ")
        if value == 0.0 and pattern:  # -0: Json.NET writes 0.0, netcontract -0.0 (see above)
            json = "-0.0"
        assert (format_single_r(value), format_single_xml(value), format_single_json(value)) == (
            r,
            xml,
            json,
        ), f"{pattern:08X}"


_NEGATIVE_ZERO = re.compile(rb"(?<![0-9.E+])-0(\.0)?(?![0-9.E])")


def without_negative_zero(obj: Singles) -> Singles:
    """``obj`` with -0.0 as +0.0: Mono keeps neither (see test_negative_zero)."""

    def plain(v: float | None) -> float | None:
        return 0.0 if v == 0.0 else v

    return Singles(
        f=0.0 if obj.f == 0.0 else obj.f,
        nf=plain(obj.nf),
        fs=None if obj.fs is None else [0.0 if v == 0.0 else v for v in obj.fs],
        nfs=None if obj.nfs is None else [plain(v) for v in obj.nfs],
    )


def test_generated_singles_convert_like_dotnet(dotnet: DotNetTwin) -> None:
    """Documents drawn over the whole range: .NET reads each of netcontract's forms and
    writes all four back as netcontract writes them; netcontract reads .NET's bytes back."""
    docs: list[Singles] = []

    @settings(
        max_examples=300, database=None, deadline=None, suppress_health_check=list(HealthCheck)
    )
    @given(for_type(Singles))
    def collect(doc: Singles) -> None:
        docs.append(without_negative_zero(doc))

    collect()
    assert len(docs) >= 300
    requests = []
    for doc in docs:
        requests.append(("Edge.A.Singles", "xml", nc.to_xml(doc)))
        requests.append(("Edge.A.Singles", "json", nc.to_json(doc)))
    results = dotnet.roundtrip_many(requests)
    for index, result in enumerate(results):
        doc = docs[index // 2]
        assert result.read_error is None, (doc, result.read_error)
        assert result.xml == nc.to_xml(doc), doc
        assert result.xml_indent == nc.to_xml(doc, indent=True), doc
        assert result.json == nc.to_json(doc), doc
        assert result.json_indent == nc.to_json(doc, indent=True), doc
        assert isinstance(result.xml, bytes) and isinstance(result.json, bytes)
        assert nc.to_json(nc.from_xml(result.xml, Singles)) == nc.to_json(doc)
        assert nc.to_json(nc.from_json(result.json, Singles)) == nc.to_json(doc)


def xml_doc(inner: str) -> bytes:
    return (
        '<Singles xmlns="http://schemas.datacontract.org/2004/07/Edge.A"'
        ' xmlns:i="http://www.w3.org/2001/XMLSchema-instance">' + inner + "</Singles>"
    ).encode()


#: (format, payload, path of the problem where .NET refuses it)
ODD_INPUT: list[tuple[str, bytes, str]] = [
    ("xml", xml_doc("<F>0.1</F>"), "F"),
    ("xml", xml_doc("<F> 1.5 </F>"), "F"),
    ("xml", xml_doc("<F>+1.5</F>"), "F"),
    ("xml", xml_doc("<F>.5</F>"), "F"),
    ("xml", xml_doc("<F>5.</F>"), "F"),
    ("xml", xml_doc("<F>16777217</F>"), "F"),
    ("xml", xml_doc("<F>3.4028235E+38</F>"), "F"),
    ("xml", xml_doc("<F>1.00000005960464477539062500001</F>"), "F"),
    ("xml", xml_doc("<F>1e-50</F>"), "F"),
    ("xml", xml_doc("<F>8E-46</F>"), "F"),
    ("xml", xml_doc("<F>Infinity</F>"), "F"),
    ("xml", xml_doc("<F>-INF</F>"), "F"),
    ("xml", xml_doc("<F>3.40282357E+38</F>"), "F"),
    ("xml", xml_doc("<F>1e39</F>"), "F"),
    ("xml", xml_doc("<F>1,5</F>"), "F"),
    ("xml", xml_doc("<F>1.5f</F>"), "F"),
    ("xml", xml_doc("<F>0x10</F>"), "F"),
    ("xml", xml_doc("<F></F>"), "F"),
    ("xml", xml_doc("<F>inf</F>"), "F"),
    # String.Trim's white space around NaN/Infinity, XmlConvert's around INF (test_number_text_...)
    ("xml", xml_doc("<F>\u00a0NaN</F>"), "F"),
    ("xml", xml_doc("<F>\u2003-Infinity</F>"), "F"),
    ("xml", xml_doc("<F>\u00a0INF</F>"), "F"),
    ("xml", xml_doc('<NF i:nil="true" />'), "NF"),
    (
        "xml",
        xml_doc(f'<Fs xmlns:a="{ARR.decode()}"><a:float>1</a:float><a:float>x</a:float></Fs>'),
        "Fs[1]",
    ),
    ("json", b'{"F":0.1}', "F"),
    ("json", b'{"F":16777217}', "F"),
    ("json", b'{"F":18014399583223809}', "F"),
    ("json", b'{"F":9007199791611905}', "F"),  # Convert.ToSingle(Int64): one rounding
    ("json", b'{"F":18014399583223808}', "F"),  # ties to even: down
    ("json", b'{"F":18014401730707456}', "F"),  # ties to even: up
    ("json", b'{"F":9223372036854775808}', "F"),
    ("json", b'{"F":1.00000005960464477539062500001}', "F"),
    ("json", b'{"F":"1,5"}', "F"),
    ("json", b'{"F":" 1.5 "}', "F"),
    ("json", b'{"F":"NaN"}', "F"),
    ("json", b'{"F":NaN}', "F"),
    ("json", b'{"F":"-Infinity"}', "F"),
    ("json", b'{"F":"3.5E+38"}', "F"),
    ("json", b'{"F":"INF"}', "F"),
    # String.Trim's white space around a name, not around a number (test_number_text_interop.py)
    ("json", b'{"F":"\\u00a0NaN"}', "F"),
    ("json", b'{"F":"\\u2003-Infinity"}', "F"),
    ("json", b'{"F":"\\u001cNaN"}', "F"),
    ("json", b'{"F":"\\u00a01.5"}', "F"),
    ("json", b'{"F":null}', "F"),
    ("json", b'{"NF":null}', "NF"),
    ("json", b'{"F":1e400}', "F"),
    ("json", b'{"Fs":[1,"x"]}', "Fs[1]"),
]


def read(fmt: str, payload: bytes) -> Any:
    return nc.from_xml(payload, Singles) if fmt == "xml" else nc.from_json(payload, Singles)


@pytest.fixture(scope="module")
def odd_results(dotnet: DotNetTwin) -> list[Any]:
    return dotnet.roundtrip_many([("Edge.A.Singles", fmt, p) for fmt, p, _ in ODD_INPUT])


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


@pytest.mark.parametrize(
    "payload",
    [b'{"F":3.40282357E+38}', b'{"F":1e39}', b'{"Fs":[340282356779733661637539395458142568448]}'],
)
def test_numbers_json_net_reads_as_infinity_are_refused(dotnet: DotNetTwin, payload: bytes) -> None:
    """Mono: Json.NET reads a number beyond Single.MaxValue as Infinity without an error (a
    string it refuses); netcontract refuses both (README, "Behaviours chosen where .NET is
    lossy")."""
    result = dotnet.roundtrip("Edge.A.Singles", "json", payload)
    assert result.read_error is None and result.json is not None
    assert b'"Infinity"' in result.json
    with pytest.raises(nc.JsonPayloadError) as refused:
        nc.from_json(payload, Singles)
    assert "outside the Single range" in refused.value.problems[0].message


# -- forms --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def webapi() -> Iterator[WebApiForms]:
    if not web_api_available():
        pytest.skip(MISSING_REASON)
    with WebApiForms() as forms:
        yield forms


@pytest.mark.parametrize(
    "body",
    [
        b"F=0.1&NF=1.5",
        b"F=1E%2B07&NF=NaN",
        b"F=Infinity&NF=-Infinity",
        b"F=+1.5+",
        b"F=3.40282347E%2B38",
        b"F=1.401298E-45",
        b"F=16777217",
        b"NF=&F=2",
        b"Fs[]=1&Fs[]=2.5",
        b"NFs[]=1&NFs[]=&NFs[]=0.333333343",
    ],
)
def test_from_form_binds_what_web_api_binds(webapi: WebApiForms, body: bytes) -> None:
    bound = webapi.bind("Edge.A.Singles", body)
    assert bound.json is not None
    assert nc.to_json(nc.from_form(body, Singles)) == bound.json


@pytest.mark.parametrize(("body", "path"), [(b"F=1e39", "F"), (b"F=1%2C5", "F"), (b"F=x", "F")])
def test_from_form_refuses_what_web_api_binds_to_a_default(
    webapi: WebApiForms, body: bytes, path: str
) -> None:
    """Web API binds 0 where a value does not convert; netcontract refuses."""
    bound = webapi.bind("Edge.A.Singles", body)
    assert bound.json is not None
    assert bound.json.startswith(b'{"F":0.0,')
    with pytest.raises(nc.FormPayloadError) as refused:
        nc.from_form(body, Singles)
    assert [p.path for p in refused.value.problems] == [path]


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(for_type(Singles))
def test_generated_singles_bind_as_sent(webapi: WebApiForms, obj: Singles) -> None:
    obj = without_negative_zero(obj)
    try:
        body = nc.to_form(obj)
    except nc.SerializationError:
        return  # an empty list: a form loss whatever the item type
    bound = webapi.bind("Edge.A.Singles", body)
    assert bound.json == nc.to_json(obj), body
    assert nc.to_json(nc.from_form(body, Singles)) == nc.to_json(obj)
