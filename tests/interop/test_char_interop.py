"""``nc.Char`` (System.Char) against Mono: DataContractSerializer, Json.NET 6.0.8, Web API.

The edge cases of ``test_edge_contracts.py`` (``chars*``, ``object-char*``) check that .NET
writes netcontract's bytes back and converts as netcontract does; the XSD tests export and
validate ``Edge.A.Chars`` with the other edge contracts; ``test_forms_interop.py`` binds
generated ``Chars`` forms. This module adds what is particular to Char:

- the bytes .NET writes, spelled out (the facts ``clr/value_types.py`` cites);
- generated documents over the whole range, converted by both sides;
- odd input (numbers, white space, too many characters, surrogates) read by both sides: the
  same value where .NET reads one, refused with the member's path where .NET refuses, and the
  documented differences (a surrogate half alone) asserted as such;
- odd form values bound by Web API and by ``from_form``.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote_plus

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netcontract as nc
from netcontract.clr.value_types import CHAR, is_blank
from netcontract.strategies import for_type

from ._mono import DotNetTwin
from ._mono_forms import MISSING_REASON, WebApiForms, web_api_available
from .edge_models import Box, Chars

pytestmark = pytest.mark.interop

NS = b"http://schemas.datacontract.org/2004/07/Edge.A"
ARR = b"http://schemas.microsoft.com/2003/10/Serialization/Arrays"
SYSTEM = b"http://schemas.datacontract.org/2004/07/System"
SER = b"http://schemas.microsoft.com/2003/10/Serialization/"
OPEN = b'<Chars xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="' + NS + b'">'

SAMPLE = Chars(c="A", nc_="\u00e9", cs=["\x00", "\uffff", " ", "\r"], ncs=["x", None])


def test_the_bytes_dotnet_writes(dotnet: DotNetTwin) -> None:
    """Mono: the code as a number (``ser:char``), ``ArrayOfchar`` in the Arrays namespace,
    ``ArrayOfNullableOfchar`` in System; Json.NET a one-character string, escaped as strings."""
    result = dotnet.roundtrip("Edge.A.Chars", "json", nc.to_json(SAMPLE))
    assert result.xml == (
        OPEN + b"<C>65</C>"
        b'<Cs xmlns:d2p1="' + ARR + b'"><d2p1:char>0</d2p1:char><d2p1:char>65535</d2p1:char>'
        b"<d2p1:char>32</d2p1:char><d2p1:char>13</d2p1:char></Cs>"
        b"<NC>233</NC>"
        b'<NCs xmlns:d2p1="' + SYSTEM + b'"><d2p1:char>120</d2p1:char>'
        b'<d2p1:char i:nil="true" /></NCs></Chars>'
    )
    assert (
        result.json
        == '{"C":"A","NC":"é","Cs":["\\u0000","\uffff"," ","\\r"],"NCs":["x",null]}'.encode()
    )
    assert result.xml == nc.to_xml(SAMPLE)
    assert result.json == nc.to_json(SAMPLE)
    assert result.xml_indent == nc.to_xml(SAMPLE, indent=True)
    assert result.json_indent == nc.to_json(SAMPLE, indent=True)
    boxed = dotnet.roundtrip("Edge.A.Box", "xml", nc.to_xml(Box(thing=nc.Boxed("Z", CHAR))))
    assert boxed.xml is not None
    assert b'<Thing xmlns:d2p1="' + SER + b'" i:type="d2p1:char">90</Thing>' in boxed.xml
    assert nc.from_xml(boxed.xml, Box) == Box(thing=nc.Boxed("Z", CHAR))


def test_generated_chars_convert_like_dotnet(dotnet: DotNetTwin) -> None:
    """Documents drawn over the whole range: .NET reads each of netcontract's four forms and
    writes all four back as netcontract writes them; netcontract reads .NET's bytes back."""
    docs: list[Chars] = []

    @settings(
        max_examples=300,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(for_type(Chars))
    def collect(doc: Chars) -> None:
        docs.append(doc)

    collect()
    assert len(docs) >= 300
    codes = {ord(c) for d in docs for c in [d.c, *(d.cs or ())]}
    assert min(codes) < 0x20 and max(codes) > 0xE000  # controls and the top of the range
    requests = []
    for doc in docs:
        requests.append(("Edge.A.Chars", "xml", nc.to_xml(doc)))
        requests.append(("Edge.A.Chars", "json", nc.to_json(doc)))
    results = dotnet.roundtrip_many(requests)
    for index, result in enumerate(results):
        doc = docs[index // 2]
        assert result.read_error is None, (doc, result.read_error)
        assert result.xml == nc.to_xml(doc), doc
        assert result.xml_indent == nc.to_xml(doc, indent=True), doc
        assert result.json == nc.to_json(doc), doc
        assert result.json_indent == nc.to_json(doc, indent=True), doc
        assert isinstance(result.xml, bytes) and isinstance(result.json, bytes)
        assert nc.from_xml(result.xml, Chars) == doc
        assert nc.from_json(result.json, Chars) == doc


def xml_doc(inner: str) -> bytes:
    return (
        '<Chars xmlns="http://schemas.datacontract.org/2004/07/Edge.A"'
        ' xmlns:i="http://www.w3.org/2001/XMLSchema-instance">' + inner + "</Chars>"
    ).encode()


#: (format, payload, path of the problem where .NET refuses it)
ODD_INPUT: list[tuple[str, bytes, str]] = [
    ("xml", xml_doc("<C>65</C>"), "C"),
    ("xml", xml_doc("<C> 65 </C>"), "C"),
    ("xml", xml_doc("<C>\t66\n</C>"), "C"),
    ("xml", xml_doc("<C>+65</C>"), "C"),
    ("xml", xml_doc("<C>065</C>"), "C"),
    ("xml", xml_doc("<C>-0</C>"), "C"),
    ("xml", xml_doc("<C>65535</C>"), "C"),
    ("xml", xml_doc("<C>&#x36;5</C>"), "C"),
    ("xml", xml_doc("<C><![CDATA[65]]></C>"), "C"),
    ("xml", xml_doc("<C>65536</C>"), "C"),
    ("xml", xml_doc("<C>-1</C>"), "C"),
    ("xml", xml_doc("<C>99999999999</C>"), "C"),
    ("xml", xml_doc("<C>A</C>"), "C"),
    ("xml", xml_doc("<C>0x41</C>"), "C"),
    ("xml", xml_doc("<C></C>"), "C"),
    ("xml", xml_doc("<C>65.0</C>"), "C"),
    ("xml", xml_doc("<C>1e2</C>"), "C"),
    ("xml", xml_doc('<C i:nil="true" />'), "C"),
    ("xml", xml_doc('<NC i:nil="true" />'), "NC"),
    ("xml", xml_doc("<NC></NC>"), "NC"),
    ("xml", xml_doc("<NC>0</NC>"), "NC"),
    (
        "xml",
        xml_doc(f'<Cs xmlns:a="{ARR.decode()}"><a:char>66</a:char><a:char>x</a:char></Cs>'),
        "Cs[1]",
    ),
    ("json", b'{"C":"A"}', "C"),
    ("json", b'{"C":65}', "C"),
    ("json", b'{"C":"\\u0000"}', "C"),
    ("json", b'{"C":" "}', "C"),
    ("json", b'{"C":"\\u2028"}', "C"),
    ("json", b'{"C":"\xef\xbf\xbf"}', "C"),
    ("json", b'{"NC":65}', "NC"),
    ("json", b'{"NC":""}', "NC"),
    ("json", b'{"NC":null}', "NC"),
    ("json", b'{"Cs":["a","b"]}', "Cs"),
    ("json", b'{"Cs":[97,"b"]}', "Cs"),
    ("json", b'{"NCs":["",null,"c"]}', "NCs"),
    ("json", b'{"C":"AB"}', "C"),
    ("json", b'{"C":""}', "C"),
    ("json", b'{"C":null}', "C"),
    ("json", b'{"C":65.0}', "C"),
    ("json", b'{"C":true}', "C"),
    ("json", b'{"C":70000}', "C"),
    ("json", b'{"C":-1}', "C"),
    ("json", b'{"C":"65"}', "C"),
    ("json", b'{"C":" A "}', "C"),
    ("json", b'{"C":"\\ud83d\\ude00"}', "C"),
    ("json", b'{"Cs":"ab"}', "Cs"),
    ("json", b'{"Cs":["a","bc"]}', "Cs[1]"),
]


def read(fmt: str, payload: bytes) -> Any:
    return nc.from_xml(payload, Chars) if fmt == "xml" else nc.from_json(payload, Chars)


@pytest.fixture(scope="module")
def odd_results(dotnet: DotNetTwin) -> list[Any]:
    return dotnet.roundtrip_many([("Edge.A.Chars", fmt, p) for fmt, p, _ in ODD_INPUT])


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
    ("fmt", "payload"),
    [("json", b'{"C":"\\ud800"}'), ("json", b'{"C":55296}'), ("xml", xml_doc("<C>55296</C>"))],
)
def test_a_surrogate_half_alone_is_refused_where_dotnet_loses_it(
    dotnet: DotNetTwin, fmt: str, payload: bytes
) -> None:
    """A Char that is half of a surrogate pair: Json.NET reads ``"\\ud800"`` as U+FFFD, and
    writes a U+D800 it read elsewhere as U+FFFD (``EF BF BD``): netcontract refuses it, as it
    refuses such strings (README, "Behaviours chosen where .NET is lossy")."""
    result = dotnet.roundtrip("Edge.A.Chars", fmt, payload)
    assert result.read_error is None
    assert isinstance(result.json, bytes)
    assert b'"C":"\xef\xbf\xbd"' in result.json
    with pytest.raises(nc.PayloadError) as refused:
        read(fmt, payload)
    assert [p.path for p in refused.value.problems] == ["C"]
    assert "surrogate" in refused.value.problems[0].message


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
        b"C=A&NC=%C3%A9",
        b"C=+A+",  # CharConverter trims a longer text (String.Trim: every .NET white space)
        b"C=%20A",
        b"C=%20%20A",
        b"C=%09A%0D%0A",
        b"C=%C2%A0A%E2%80%A8",
        b"C=%00&NC=%00",
        b"C=%1C",  # not white space for .NET (Python's str.isspace says it is)
        b"C=%EF%BF%BF",
        b"NC=&C=z",  # blank: null
        b"NC=%20&C=z",
        b"Cs[]=a&Cs[]=b",
        b"Cs=a&Cs=b",
        b"Cs[0]=a&Cs[1]=%26",
        b"NCs[]=a&NCs[]=&NCs[]=b",
        b"NCs[0]=a&NCs[2]=b",  # the list stops at the first gap
    ],
)
def test_from_form_binds_what_web_api_binds(webapi: WebApiForms, body: bytes) -> None:
    bound = webapi.bind("Edge.A.Chars", body)
    assert bound.json is not None
    assert nc.to_json(nc.from_form(body, Chars)) == bound.json


@pytest.mark.parametrize(
    ("body", "path"),
    [
        (b"C=AB", "C"),
        (b"C=%20AB", "C"),  # trimmed to two characters
        (b"C=65", "C"),
        (b"C=", "C"),
        (b"C=%20", "C"),
        (b"C=%1CA", "C"),  # not trimmed: two characters
        (b"C=%F0%9F%98%80", "C"),  # two UTF-16 code units
        (b"C=%ED%A0%80", "C"),  # not UTF-8 (a surrogate): U+FFFD three times
        (b"Cs[]=ab&Cs[]=c", "Cs[0]"),
        (b"Cs[]=%20&Cs[]=b", "Cs[0]"),
    ],
)
def test_from_form_refuses_what_web_api_binds_to_a_default(
    webapi: WebApiForms, body: bytes, path: str
) -> None:
    """Web API binds the default (U+0000) where a value does not convert; netcontract refuses
    (README, forms: stricter than Web API)."""
    bound = webapi.bind("Edge.A.Chars", body)
    assert bound.json is not None
    assert b'"\\u0000"' in bound.json
    with pytest.raises(nc.FormPayloadError) as refused:
        nc.from_form(body, Chars)
    assert [p.path for p in refused.value.problems] == [path]


def test_white_space_chars_are_sent_as_web_api_binds_them(webapi: WebApiForms) -> None:
    """A white-space Char arrives null (a Char member keeps U+0000): ``to_form`` refuses it,
    and with ``lossy=True`` sends what Web API binds (U+0000, or nothing for ``Char?``)."""
    rng = random.Random(12)
    blanks = [" ", "\t", "\n", "\r", "\x0b", "\x0c", "\x85", "\xa0", "\u2028", "\u3000"]
    expected = Chars(c="\x00", nc_=None, cs=["\x00", "a"], ncs=[None, "b"])
    for _ in range(12):
        obj = Chars(
            c=rng.choice(blanks),
            nc_=rng.choice(blanks),
            cs=[rng.choice(blanks), "a"],
            ncs=[rng.choice(blanks), "b"],
        )
        with pytest.raises(nc.SerializationError) as refused:
            nc.to_form(obj)
        assert [p.path for p in refused.value.problems] == ["C", "NC", "Cs[0]", "NCs[0]"]
        # the white space itself, as jQuery would send it
        pairs = [("C", obj.c), ("NC", obj.nc_), ("Cs[]", obj.cs[0]), ("Cs[]", "a")]
        pairs += [("NCs[]", obj.ncs[0]), ("NCs[]", "b")]
        raw = "&".join(f"{k}={quote_plus(v or '')}" for k, v in pairs).encode()
        assert webapi.bind("Edge.A.Chars", raw).json == nc.to_json(expected), raw
        body = nc.to_form(obj, lossy=True)
        assert webapi.bind("Edge.A.Chars", body).json == nc.to_json(expected), body
        assert nc.from_form(body, Chars) == expected


FORM_CHARS = for_type(nc.Char).filter(lambda c: not is_blank(c))
FORM_DOCS = st.builds(
    Chars,
    c=FORM_CHARS,
    nc_=st.none() | FORM_CHARS,
    cs=st.none() | st.lists(FORM_CHARS, min_size=1, max_size=3),
    ncs=st.none() | st.lists(st.none() | FORM_CHARS, min_size=1, max_size=3),
)


@settings(max_examples=200, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(FORM_DOCS)
def test_generated_chars_bind_as_sent(webapi: WebApiForms, obj: Chars) -> None:
    """Every Char a form can carry (all but white space) arrives as sent, in members and in
    lists, nullable or not."""
    body = nc.to_form(obj)
    bound = webapi.bind("Edge.A.Chars", body)
    assert bound.json == nc.to_json(obj), body
    assert nc.from_form(body, Chars) == obj
