"""Enums with wire names (``nc.enum_member``) and ``[Flags]`` enums (``nc.ContractFlag``)
against Mono: DataContractSerializer, Json.NET 6.0.8.

The twins are ``Edge.A.Progress`` (a ``[DataContract]`` enum: ``[EnumMember(Value=...)]``, a
member without ``[EnumMember]``), ``Edge.A.Access`` (``[Flags]``, declared out of value order,
a combined member, the sign bit), ``Edge.A.Marks`` (``[Flags] [DataContract]``, no zero
member) and ``Edge.A.Enums`` holding them (plain, Nullable, lists). ``test_xsd_interop.py``
exports all four and compares them with Mono's; this module adds:

- the bytes .NET writes, spelled out;
- generated documents over the whole range, converted by both sides (both formats, compact
  and indented);
- odd input read by both sides: the same value where .NET reads one, refused with the
  member's path where .NET refuses;
- values .NET reads from JSON but refuses to write as XML, refused by ``to_xml`` the same;
- the enums inside ``object`` members (``i:type``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import netcontract as nc
from netcontract.strategies import for_type

from ._mono import DotNetTwin
from ._mono_forms import MISSING_REASON, WebApiForms, web_api_available
from .edge_models import DRIVER_KNOWN_TYPES, Access, Box, Enums, Marks, Progress

pytestmark = pytest.mark.interop

NS = "http://schemas.datacontract.org/2004/07/Edge.A"
OPEN = f'<Enums xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="{NS}">'

SAMPLE = Enums(
    p=Progress.InProgress,
    np=Progress.Zero,
    ps=[Progress.Done, Progress.InProgress, Progress.Zero],
    f=Access.Exec | Access.Read,
    nf=Access(0),
    fs=[Access.ReadWrite, Access(7), Access.Sign | Access.Write, Access(-(2**31) + 7)],
    nfs=[None, Access.Read],
    m=Marks(0),
    ms=[Marks.A | Marks.B | Marks.C, Marks.B],
)


def test_the_bytes_dotnet_writes(dotnet: DotNetTwin) -> None:
    """Mono: wire names (escaped), a [Flags] value taken apart greedily in declaration order
    (``Exec Read``; 3 is ``ReadWrite``, 7 ``Exec Read Write``), 0 without a zero member an
    empty self-closed element; Json.NET the numbers."""
    result = dotnet.roundtrip("Edge.A.Enums", "json", nc.to_json(SAMPLE))
    assert result.read_error is None, result.read_error
    assert (
        result.xml
        == (
            OPEN + "<F>Exec Read</F>"
            "<Fs><Access>ReadWrite</Access><Access>Exec Read Write</Access>"
            "<Access>Write Sign</Access><Access>Exec Read Write Sign</Access></Fs>"
            "<M />"
            "<Ms><Marks>a b-b C</Marks><Marks>b-b</Marks></Ms>"
            "<NF>Nothing</NF>"
            '<NFs xmlns:d2p1="http://schemas.datacontract.org/2004/07/System">'
            '<d2p1:Access i:nil="true" /><d2p1:Access>Read</d2p1:Access></NFs>'
            "<NP>zero &amp; &lt;none&gt;</NP>"
            "<P>in-progress</P>"
            "<Ps><Progress>Done</Progress><Progress>in-progress</Progress>"
            "<Progress>zero &amp; &lt;none&gt;</Progress></Ps></Enums>"
        ).encode()
    )
    assert result.json == (
        b'{"P":1,"NP":0,"Ps":[2,1,0],"F":5,"NF":0,"Fs":[3,7,-2147483646,-2147483641],'
        b'"NFs":[null,1],"M":0,"Ms":[11,2]}'
    )
    assert result.xml == nc.to_xml(SAMPLE)
    assert result.xml_indent == nc.to_xml(SAMPLE, indent=True)
    assert result.json == nc.to_json(SAMPLE)
    assert result.json_indent == nc.to_json(SAMPLE, indent=True)
    assert isinstance(result.xml, bytes)
    assert nc.from_xml(result.xml, Enums) == SAMPLE
    assert nc.from_json(result.json, Enums) == SAMPLE


@pytest.mark.parametrize(
    "thing",
    [Access(7), Access.Read, Access(0), Progress.InProgress, Marks(0), Marks.A | Marks.C],
    ids=repr,
)
def test_an_enum_in_an_object_member_is_written_and_read_as_dotnet_does(
    dotnet: DotNetTwin, thing: Any
) -> None:
    """Mono: ``i:type`` names the enum contract; the value is written as in a typed member."""
    box = Box(thing=thing, after="x")
    known = DRIVER_KNOWN_TYPES  # the driver's serializer knows the enum (.NET needs it)
    result = dotnet.roundtrip("Edge.A.Box", "xml", nc.to_xml(box, known_types=known))
    assert result.read_error is None, result.read_error
    assert result.xml == nc.to_xml(box, known_types=known)
    assert result.xml_indent == nc.to_xml(box, indent=True, known_types=known)
    assert result.json == nc.to_json(box)
    assert isinstance(result.xml, bytes)
    back = nc.from_xml(result.xml, Box, known_types=known).thing
    assert type(back) is type(thing) and back == thing


def test_generated_enums_convert_like_dotnet(dotnet: DotNetTwin) -> None:
    """Documents drawn by ``for_type(Enums)``: .NET reads each of netcontract's forms and writes
    all four back as netcontract writes them; netcontract reads .NET's bytes back."""
    docs: list[Enums] = []

    @settings(
        max_examples=200, database=None, deadline=None, suppress_health_check=list(HealthCheck)
    )
    @given(for_type(Enums))
    def collect(doc: Enums) -> None:
        docs.append(doc)

    collect()
    flags = {int(v) for d in docs for v in [d.f, *(d.fs or ())]}
    assert len(flags) > 8 and any(v not in Access._value2member_map_ for v in flags)
    requests = []
    for doc in docs:
        requests.append(("Edge.A.Enums", "xml", nc.to_xml(doc)))
        requests.append(("Edge.A.Enums", "json", nc.to_json(doc)))
    results = dotnet.roundtrip_many(requests)
    for index, result in enumerate(results):
        doc = docs[index // 2]
        assert result.read_error is None, (doc, result.read_error)
        assert result.xml == nc.to_xml(doc), doc
        assert result.xml_indent == nc.to_xml(doc, indent=True), doc
        assert result.json == nc.to_json(doc), doc
        assert result.json_indent == nc.to_json(doc, indent=True), doc
        assert isinstance(result.xml, bytes) and isinstance(result.json, bytes)
        assert nc.from_xml(result.xml, Enums) == doc
        assert nc.from_json(result.json, Enums) == doc


def xml_doc(inner: str) -> bytes:
    return (
        f'<Enums xmlns="{NS}" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">'
        + inner
        + "</Enums>"
    ).encode()


#: (format, payload, path of the problem where .NET refuses it)
ODD_INPUT: list[tuple[str, bytes, str]] = [
    ("xml", xml_doc("<P>in-progress</P>"), "P"),
    ("xml", xml_doc("<P>InProgress</P>"), "P"),
    ("xml", xml_doc("<P>Legacy</P>"), "P"),
    ("xml", xml_doc("<P>zero &amp; &lt;none&gt;</P>"), "P"),
    ("xml", xml_doc("<P>Zero</P>"), "P"),
    ("xml", xml_doc("<P> Done</P>"), "P"),
    ("xml", xml_doc("<P>done</P>"), "P"),
    ("xml", xml_doc("<P>1</P>"), "P"),
    ("xml", xml_doc("<P></P>"), "P"),
    ("xml", xml_doc("<P>Done Done</P>"), "P"),
    ("xml", xml_doc("<F>Read Write</F>"), "F"),
    ("xml", xml_doc("<F>Write Read</F>"), "F"),
    ("xml", xml_doc("<F>  Read   Exec </F>"), "F"),
    ("xml", xml_doc("<F></F>"), "F"),
    ("xml", xml_doc("<F />"), "F"),
    ("xml", xml_doc("<F>ReadWrite Exec</F>"), "F"),
    ("xml", xml_doc("<F>Read Read</F>"), "F"),
    ("xml", xml_doc("<F>Nothing Read</F>"), "F"),
    ("xml", xml_doc("<F>Sign</F>"), "F"),
    ("xml", xml_doc("<F>read</F>"), "F"),
    ("xml", xml_doc("<F>Read\tWrite</F>"), "F"),
    ("xml", xml_doc("<F>Read\nWrite</F>"), "F"),
    ("xml", xml_doc("<F>Read,Write</F>"), "F"),
    ("xml", xml_doc("<F>3</F>"), "F"),
    ("xml", xml_doc("<NF></NF>"), "NF"),
    ("xml", xml_doc('<NF i:nil="true" />'), "NF"),
    ("xml", xml_doc("<M>a C</M>"), "M"),
    ("xml", xml_doc("<M>A</M>"), "M"),
    ("xml", xml_doc("<M>Hidden</M>"), "M"),
    ("xml", xml_doc("<M>b-b a</M>"), "M"),
    ("xml", xml_doc("<Ms><Marks>a</Marks><Marks>x</Marks></Ms>"), "Ms[1]"),
    ("xml", xml_doc("<Ps><Progress>Done</Progress><Progress>Legacy</Progress></Ps>"), "Ps[1]"),
    ("json", b'{"P":"InProgress"}', "P"),
    ("json", b'{"P":"in-progress"}', "P"),
    ("json", b'{"P":"legacy"}', "P"),
    ("json", b'{"P":3}', "P"),
    ("json", b'{"P":"zero"}', "P"),
    ("json", b'{"F":"Read, Write"}', "F"),
    ("json", b'{"F":"read,exec"}', "F"),
    ("json", b'{"F":"Read Write"}', "F"),
    ("json", b'{"F":7}', "F"),
    ("json", b'{"F":" 5"}', "F"),
    ("json", b'{"F":-2147483648}', "F"),
    ("json", b'{"F":5.0}', "F"),
    ("json", b'{"Fs":[1,2,"Exec, Write"]}', "Fs"),
    ("json", b'{"M":"A, C"}', "M"),
    ("json", b'{"M":"a"}', "M"),
    ("json", b'{"NF":null}', "NF"),
    ("json", b'{"NF":""}', "NF"),
]


def read(fmt: str, payload: bytes) -> Any:
    return nc.from_xml(payload, Enums) if fmt == "xml" else nc.from_json(payload, Enums)


@pytest.fixture(scope="module")
def odd_results(dotnet: DotNetTwin) -> list[Any]:
    return dotnet.roundtrip_many([("Edge.A.Enums", fmt, p) for fmt, p, _ in ODD_INPUT])


@pytest.mark.falls_back  # documents with members left out: the reference path reads them
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
    assert nc.to_json(obj) == result.json
    if isinstance(result.xml, bytes):
        assert nc.to_xml(obj) == result.xml
    else:  # .NET read it but cannot write it as XML
        with pytest.raises(nc.SerializationError):
            nc.to_xml(obj)


def test_a_number_past_int32_is_refused_where_dotnet_wraps_it(dotnet: DotNetTwin) -> None:
    """README, "Behaviours chosen where .NET is lossy": Json.NET wraps 2147483648 to
    -2147483648 (here the Sign flag); netcontract refuses it, naming the member."""
    result = dotnet.roundtrip("Edge.A.Enums", "json", b'{"F":2147483648}')
    assert result.read_error is None and isinstance(result.json, bytes)
    assert b'"F":-2147483648' in result.json
    with pytest.raises(nc.JsonPayloadError) as refused:
        nc.from_json(b'{"F":2147483648}', Enums)
    assert [p.path for p in refused.value.problems] == ["F"]


#: JSON .NET reads and then refuses to write as XML, and the member named in the refusal
UNWRITABLE: list[tuple[bytes, str]] = [
    (b'{"P":3}', "P"),  # Legacy: no [EnumMember] in a [DataContract] enum
    (b'{"P":7}', "P"),  # no member
    (b'{"F":8}', "F"),  # a bit no member covers
    (b'{"F":-1}', "F"),
    (b'{"M":4}', "M"),  # Hidden
    (b'{"M":5}', "M"),
    (b'{"Ms":[1,16]}', "Ms[1]"),
    (b'{"NP":3}', "NP"),
]


@pytest.mark.falls_back  # documents with members left out: the reference path reads them
@pytest.mark.parametrize(("payload", "path"), UNWRITABLE, ids=[p for p, _ in UNWRITABLE])
def test_values_dotnet_cannot_write_as_xml_are_refused_by_to_xml(
    dotnet: DotNetTwin, payload: bytes, path: str
) -> None:
    """Mono: 'Enum value ... is invalid for type ... and cannot be serialized'."""
    result = dotnet.roundtrip("Edge.A.Enums", "json", payload)
    assert result.read_error is None
    assert isinstance(result.xml, str) and "cannot be serialized" in result.xml
    obj = nc.from_json(payload, Enums)
    assert nc.to_json(obj) == result.json
    with pytest.raises(nc.SerializationError) as refused:
        nc.to_xml(obj)
    assert [p.path for p in refused.value.problems] == [path]


@pytest.fixture(scope="module")
def webapi() -> Iterator[WebApiForms]:
    if not web_api_available():
        pytest.skip(MISSING_REASON)  # CI forbids skips (NETCONTRACT_NO_SKIPS)
    with WebApiForms() as forms:
        yield forms


@pytest.mark.parametrize(
    "body",
    [
        b"F=Read%2C+Write",  # EnumConverter: names joined by commas, in a [Flags] enum
        b"Fs[]=Exec%2CRead&Fs[]=3",
        b"M=A%2CC",
        b"F=read",  # any case
        b"F=%20Exec%20",
        b"F=5",
        b"P=InProgress",  # the C# name, never the wire name
        b"P=Legacy",  # not serializable in XML; a form carries it
    ],
)
def test_forms_bind_enums_as_web_api_does(webapi: WebApiForms, body: bytes) -> None:
    """Mono's Web API (JQueryMvcFormUrlEncodedFormatter, EnumConverter)."""
    bound = webapi.bind("Edge.A.Enums", body)
    assert bound.json is not None and not bound.log, bound
    assert nc.to_json(nc.from_form(body, Enums)) == bound.json


@pytest.mark.parametrize("body", [b"P=in-progress", b"F=Read+Write"])
def test_form_values_web_api_drops_silently_are_refused(webapi: WebApiForms, body: bytes) -> None:
    """Mono: Web API binds the default (0) for text EnumConverter cannot read; from_form
    refuses it with the member's path (README, "Form bodies")."""
    bound = webapi.bind("Edge.A.Enums", body)
    assert bound.json is not None
    assert nc.from_json(bound.json, Enums) == Enums()
    with pytest.raises(nc.FormPayloadError) as refused:
        nc.from_form(body, Enums)
    assert [p.path for p in refused.value.problems] == [body.split(b"=")[0].decode()]
