"""``nc.TimeSpan`` and ``bytes`` (byte[]) against Mono: DataContractSerializer, Json.NET 6.0.8.

``test_xsd_interop.py`` exports ``Edge.A.Durations`` and ``Edge.A.Blobs`` with the other edge
contracts and compares them with XsdDataContractExporter's. This module adds:

- the bytes .NET writes, spelled out, in both formats, compact and indented;
- generated documents over the whole range, converted by both sides;
- odd input read by both sides: the same value where .NET reads one, refused where .NET
  refuses, and the documented differences asserted as such.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import netcontract as nc
from netcontract.strategies import for_type

from ._mono import DotNetTwin
from .edge_models import Blobs, Box, Durations

pytestmark = pytest.mark.interop

NS = "http://schemas.datacontract.org/2004/07/Edge.A"
ARR = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
SYSTEM = "http://schemas.datacontract.org/2004/07/System"
SER = "http://schemas.microsoft.com/2003/10/Serialization/"
XS = "http://www.w3.org/2001/XMLSchema"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
TS = nc.TimeSpan

DURATIONS = Durations(
    d=TS(937845670000),
    nd=TS(-15000000),
    ds=[TS.MIN_VALUE, TS.MAX_VALUE, TS(0), TS(1)],
    nds=[None, TS(-1)],
)
BLOBS = Blobs(b=b"\x00\x01\x02\xfa\xff", bs=[b"", None, bytes(range(256))])


def _same_four_ways(dotnet: DotNetTwin, type_name: str, obj: Any) -> None:
    result = dotnet.roundtrip(type_name, "json", nc.to_json(obj))
    assert result.read_error is None
    assert result.xml == nc.to_xml(obj)
    assert result.xml_indent == nc.to_xml(obj, indent=True)
    assert result.json == nc.to_json(obj)
    assert result.json_indent == nc.to_json(obj, indent=True)


def test_the_timespan_bytes_dotnet_writes(dotnet: DotNetTwin) -> None:
    """Mono: ``ser:duration`` texts, ``ArrayOfduration`` in Arrays, ``ArrayOfNullableOfduration``
    in System; Json.NET ``TimeSpan.ToString()``; ``i:type`` ``ser:duration`` in object."""
    result = dotnet.roundtrip("Edge.A.Durations", "json", nc.to_json(DURATIONS))
    assert (
        result.xml
        == (
            f'<Durations xmlns:i="{XSI}" xmlns="{NS}"><D>P1DT2H3M4.567S</D>'
            f'<Ds xmlns:d2p1="{ARR}"><d2p1:duration>-P10675199DT2H48M5.4775808S</d2p1:duration>'
            "<d2p1:duration>P10675199DT2H48M5.4775807S</d2p1:duration>"
            "<d2p1:duration>PT0S</d2p1:duration><d2p1:duration>PT0.0000001S</d2p1:duration></Ds>"
            f'<ND>-PT1.5S</ND><NDs xmlns:d2p1="{SYSTEM}"><d2p1:duration i:nil="true" />'
            "<d2p1:duration>-PT0.0000001S</d2p1:duration></NDs></Durations>"
        ).encode()
    )
    assert result.json == (
        b'{"D":"1.02:03:04.5670000","ND":"-00:00:01.5000000",'
        b'"Ds":["-10675199.02:48:05.4775808","10675199.02:48:05.4775807","00:00:00",'
        b'"00:00:00.0000001"],"NDs":[null,"-00:00:00.0000001"]}'
    )
    _same_four_ways(dotnet, "Edge.A.Durations", DURATIONS)
    boxed = dotnet.roundtrip("Edge.A.Box", "xml", nc.to_xml(Box(thing=TS(-15000000))))
    assert boxed.xml is not None
    assert f'<Thing xmlns:d2p1="{SER}" i:type="d2p1:duration">-PT1.5S</Thing>'.encode() in (
        boxed.xml
    )
    assert boxed.json == b'{"Thing":"-00:00:01.5000000","After":null}'
    assert nc.from_xml(boxed.xml, Box) == Box(thing=TS(-15000000))


def test_the_byte_array_bytes_dotnet_writes(dotnet: DotNetTwin) -> None:
    """Mono: base64; an empty array is a self-closing element; ``i:type`` ``xs:base64Binary``."""
    result = dotnet.roundtrip("Edge.A.Blobs", "json", nc.to_json(BLOBS))
    assert result.xml is not None
    assert result.xml.startswith(
        (
            f'<Blobs xmlns:i="{XSI}" xmlns="{NS}"><B>AAEC+v8=</B><Bs xmlns:d2p1="{ARR}">'
            '<d2p1:base64Binary /><d2p1:base64Binary i:nil="true" /><d2p1:base64Binary>AAECAw'
        ).encode()
    )
    assert result.json is not None and result.json.startswith(b'{"B":"AAEC+v8=","Bs":["",null,')
    _same_four_ways(dotnet, "Edge.A.Blobs", BLOBS)
    _same_four_ways(dotnet, "Edge.A.Blobs", Blobs(b=b""))
    _same_four_ways(dotnet, "Edge.A.Blobs", Blobs(b=bytes(100_000)))
    boxed = dotnet.roundtrip("Edge.A.Box", "xml", nc.to_xml(Box(thing=b"\x01")))
    assert boxed.xml is not None
    assert f'<Thing xmlns:d2p1="{XS}" i:type="d2p1:base64Binary">AQ==</Thing>'.encode() in (
        boxed.xml
    )
    assert nc.from_xml(boxed.xml, Box) == Box(thing=b"\x01")


def _draw(strategy: Any, count: int) -> list[Any]:
    docs: list[Any] = []

    @settings(
        max_examples=count, database=None, deadline=None, suppress_health_check=list(HealthCheck)
    )
    @given(strategy)
    def collect(doc: Any) -> None:
        docs.append(doc)

    collect()
    return docs


@pytest.mark.parametrize(
    ("cls", "type_name"), [(Durations, "Edge.A.Durations"), (Blobs, "Edge.A.Blobs")]
)
def test_generated_documents_convert_like_dotnet(
    dotnet: DotNetTwin, cls: type[Any], type_name: str
) -> None:
    """.NET reads netcontract's XML and JSON of documents drawn over the whole range and writes
    all four forms back as netcontract writes them; netcontract reads .NET's bytes back."""
    docs = _draw(for_type(cls), 200)
    requests = [
        (type_name, f, w(d)) for d in docs for f, w in (("xml", nc.to_xml), ("json", nc.to_json))
    ]
    for index, result in enumerate(dotnet.roundtrip_many(requests)):
        doc = docs[index // 2]
        assert result.read_error is None, (doc, result.read_error)
        assert result.xml == nc.to_xml(doc), doc
        assert result.xml_indent == nc.to_xml(doc, indent=True), doc
        assert result.json == nc.to_json(doc), doc
        assert result.json_indent == nc.to_json(doc, indent=True), doc
        assert isinstance(result.xml, bytes) and isinstance(result.json, bytes)
        assert nc.from_xml(result.xml, cls) == doc
        assert nc.from_json(result.json, cls) == doc


def _xml(root: str, member: str, text: str) -> bytes:
    return f'<{root} xmlns="{NS}"><{member}>{text}</{member}></{root}>'.encode()


Reader = Callable[[bytes], Any]

#: (type name, format, payload, netcontract's reader): both sides agree on every one
ODD_INPUT: list[tuple[str, str, bytes]] = [
    *(
        ("Edge.A.Durations", "xml", _xml("Durations", "D", t))
        for t in (
            " PT1S ",
            "P1Y1M",
            "PT1.123456789S",
            "-PT0.00000009S",
            "PT.5S",
            "PT.S",
            "P0Y",
            "-P10675199DT2H48M5.4775808S",
            "P10675199DT2H48M5.4775808S",
            "PT2147483648S",
            "PT",
            "P",
            "P1DT",
            "pt1s",
            "XPT1SX",
            "+PT1S",
            "P1W",
            "PT1H1H",
            "1.02:03:04",
        )
    ),
    *(
        ("Edge.A.Durations", "json", b'{"D":' + v + b"}")
        for v in (
            b'"1:2:3"',
            b'"1"',
            b'"1.2:3"',
            b'"1:2:3:4"',
            b'"\\t00:00:01"',
            b'"-1.00:00:00"',
            b'"-10675199.02:48:05.4775808"',
            b'"10675199.02:48:05.4775808"',
            b'"1.24:00:00"',
            b'"23:59:59"',
            b'"0.23:59:59"',
            b'"00:00:60"',
            b'"\\u001c01:02:03"',
            b'"1:2:3:4.5"',
            b'"00:60:00"',
            b'"0:0:0.12345678"',
            b'"00:00:01."',
            b'".5"',
            b'"P1D"',
            b'""',
            b"123",
            b"1.5",
            b"null",
        )
    ),
    *(
        ("Edge.A.Blobs", "xml", _xml("Blobs", "B", t))
        for t in (
            "AAEC +v8=",
            "AAEC\n+v8=",
            "AB==",
            "AAEC+v8=AA==",
            "",
            "AAEC+v8",
            "AAEC-v8_",
            "AA=A",
        )
    ),
    *(
        ("Edge.A.Blobs", "json", b'{"B":' + v + b"}")
        for v in (
            b'"AAEC +v8="',
            b'" AAE= "',
            b'"AB=="',
            b'""',
            b"[0,1,2,250,255]",
            b"[]",
            b"null",
            b'"AAEC+v8"',
            b'"AAE=AA=="',
            b'"AAE=\\u00a0"',
            b"[256]",
            b"[-1]",
            b"[1.5]",
            b'["1"]',
            b"[null]",
            b"123",
        )
    ),
]

#: Mono reads these; netcontract refuses them (README: documented differences)
DIFFERENCES: list[tuple[str, str, bytes]] = [
    ("Edge.A.Durations", "json", b'{"D":"24:00:00"}'),  # Mono: 24 days
    ("Edge.A.Durations", "xml", _xml("Durations", "D", "PT1.5S\u00a0")),  # Mono trims U+00A0
    # netcontract reads an xs:duration of 200 characters at most (Mono: any number of zeros)
    ("Edge.A.Durations", "xml", _xml("Durations", "D", "PT" + "0" * 197 + "1S")),
]


def _read(type_name: str, fmt: str, payload: bytes) -> Any:
    cls = Durations if type_name.endswith("Durations") else Blobs
    return nc.from_xml(payload, cls) if fmt == "xml" else nc.from_json(payload, cls)


def test_odd_input_is_read_as_dotnet_reads_it(dotnet: DotNetTwin) -> None:
    results = dotnet.roundtrip_many(ODD_INPUT)
    for (type_name, fmt, payload), result in zip(ODD_INPUT, results, strict=True):
        if result.read_error is not None:
            with pytest.raises(nc.PayloadError):
                _read(type_name, fmt, payload)
            continue
        assert isinstance(result.json, bytes)
        cls = Durations if type_name.endswith("Durations") else Blobs
        assert _read(type_name, fmt, payload) == nc.from_json(result.json, cls), payload


def test_documented_differences_are_still_differences(dotnet: DotNetTwin) -> None:
    for (type_name, fmt, payload), result in zip(
        DIFFERENCES, dotnet.roundtrip_many(DIFFERENCES), strict=True
    ):
        assert result.read_error is None, payload
        with pytest.raises(nc.PayloadError):
            _read(type_name, fmt, payload)


#: (type name, form body): Web API and from_form agree (the same value, or Web API binds the
#: member's default / null silently where from_form refuses)
FORMS: list[tuple[str, bytes]] = [
    *(
        ("Edge.A.Durations", b)
        for b in (
            b"D=1.02%3A03%3A04.5670000",
            b"D=-00%3A00%3A01.5",
            b"D=1",
            b"D=%2B00%3A00%3A01",
            b"D=+00%3A00%3A01",
            b"D=%2000%3A00%3A01%20",
            b"D=1%3A2%3A3%3A4",
            b"ND=&Ds=00%3A00%3A01&Ds=1",
            b"D=P1D",
            b"D=00%3A00%3A01.",
            b"D=0%3A0%3A0.12345678",
        )
    ),
    *(
        ("Edge.A.Blobs", b)
        for b in (
            b"B=AQ%3D%3D",
            b"B=",
            b"B=AQ",
            b"B=AAE%3DAA%3D%3D",
            b"B=AAE%3D%20",
            b"Bs%5B%5D=AQ%3D%3D&Bs%5B%5D=Ag%3D%3D",
        )
    ),
]


def test_forms_bind_as_web_api_binds_them() -> None:
    from ._mono_forms import MISSING_REASON, WebApiForms, web_api_available

    if not web_api_available():
        pytest.skip(MISSING_REASON)
    defaults = {"Edge.A.Durations": Durations(), "Edge.A.Blobs": Blobs()}
    with WebApiForms() as web_api:
        for type_name, body in FORMS:
            cls = Durations if type_name.endswith("Durations") else Blobs
            bound = web_api.bind(type_name, body)
            assert bound.json is not None and not bound.log, (body, bound)
            expected = nc.from_json(bound.json, cls)
            try:
                ours = nc.from_form(body, cls)
            except nc.FormPayloadError:
                # Web API bound the default (or null) silently: nothing else was in the body
                assert expected == defaults[type_name], body
                continue
            assert ours == expected, body
    # what to_form writes, Web API binds back
    with WebApiForms() as web_api:
        for obj, type_name in (
            (DURATIONS, "Edge.A.Durations"),
            (Blobs(b=b"\x00\xff", bs=[b"\x01", b"\x02"]), "Edge.A.Blobs"),
        ):
            bound = web_api.bind(type_name, nc.to_form(obj))
            assert bound.json is not None
            assert nc.from_json(bound.json, type(obj)) == obj
