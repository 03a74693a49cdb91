"""is_reference against Mono, live: DataContractSerializer, Json.NET 6.0.8 (each
PreserveReferencesHandling), DataContractJsonSerializer and XsdDataContractExporter on the
twin ``dotnet/References.cs``, whose classes are those of
tests/interop/reference_models.py.

- Mono's documents are netcontract's byte for byte (XML compact and indented, Json.NET
  compact and indented, the XSD);
- each reads the other's documents and writes them back identical (shared objects and cycles
  survive both ways);
- the documents Mono refuses, netcontract refuses.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netcontract as nc

from ._csharp import compile_program, run_program
from ._mono import MONO_MISSING_REASON, mono_available
from .reference_models import (
    H2,
    Holder,
    Leaves,
    Node,
    Sub,
    chain_cycles,
    cycle,
    shared_holder,
)

pytestmark = [pytest.mark.interop, pytest.mark.falls_back]

R = "http://schemas.datacontract.org/2004/07/R"


@pytest.fixture(scope="module")
def twin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    if not mono_available():
        pytest.skip(MONO_MISSING_REASON)
    yield compile_program("References", tmp_path_factory.mktemp("references"))


@pytest.fixture(scope="module")
def mono(twin: Path) -> dict[str, bytes | str]:
    """Mono's pinned documents, by case; a refusal as ``"EXC <message>"``."""
    out: dict[str, bytes | str] = {}
    for line in run_program(twin, "write").decode().splitlines():
        name, *rest = line.split(" ")
        text = base64.b64decode(rest[-1])
        out[name] = "EXC " + text.decode() if rest[0] == "EXC" else text
    return out


def _read(twin: Path, mode: str, type_name: str, data: bytes, *extra: str) -> bytes | str:
    line = run_program(twin, mode, type_name, *extra, stdin=data).decode().strip()
    _, *rest = line.split(" ")
    text = base64.b64decode(rest[-1])
    return "EXC " + text.decode() if rest[0] == "EXC" else text


def _h2() -> H2:
    sub = Sub(name="s", extra=3)
    n2 = Node(name="n2")
    return H2(a=sub, b=sub, o=n2, o2=n2)


def test_xml_is_monos_byte_for_byte(mono: dict[str, bytes | str]) -> None:
    assert nc.to_xml(shared_holder()) == mono["xml-holder"]
    assert nc.to_xml(shared_holder(), indent=True) == mono["xml-holder-indented"]
    assert nc.to_xml(cycle()) == mono["xml-cycle"]
    assert nc.to_xml(cycle(), indent=True) == mono["xml-cycle-indented"]
    assert nc.to_xml(_h2()) == mono["xml-h2"]


@pytest.mark.parametrize("handling", ["None", "Objects", "Arrays", "All"])
def test_jsonnet_is_monos_byte_for_byte(mono: dict[str, bytes | str], handling: str) -> None:
    settings = nc.JsonSettings(preserve_references_handling=handling)  # type: ignore[arg-type]
    assert nc.to_json(shared_holder(), settings=settings) == mono[f"json-holder-{handling}"]


def test_jsonnet_cycle_is_monos_byte_for_byte(mono: dict[str, bytes | str]) -> None:
    assert nc.to_json(cycle()) == mono["json-cycle"]
    assert nc.to_json(cycle(), indent=True) == mono["json-cycle-indented"]


def test_wcf_json_refuses_as_mono(mono: dict[str, bytes | str]) -> None:
    assert str(mono["wcf-holder"]).startswith("EXC SerializationException: Unsupported value")
    with pytest.raises(nc.SerializationError, match="DataContractJsonSerializer refuses"):
        nc.to_wcf_json(shared_holder())


def test_jsonnet_ref_in_an_object_member_is_read_back_as_mono_reads_it(
    twin: Path, mono: dict[str, bytes | str]
) -> None:
    # Json.NET writes an is_reference object met again in an object member as {"$ref":"1"}
    # and reads it back as that object; netcontract wrote those bytes and refused them
    # ("metadata members are refused")
    a, b = Node(name="a"), Node(name="b")
    h2 = H2(a=a, b=b, o=a, o2=b)
    assert nc.to_json(h2) == mono["json-h2-refs"]
    assert mono["json-h2-refs-read"] == b"True Node"
    back = nc.from_json(nc.to_json(h2), H2)
    assert back.o is back.a and back.o2 is back.b
    assert _read(twin, "read-json", "H2", nc.to_json(back), "None") == mono["json-h2-refs"]


@pytest.mark.parametrize("case", ["next", "kids"])
def test_a_cycle_without_is_reference_is_refused_as_mono_refuses_it(
    mono: dict[str, bytes | str], case: str
) -> None:
    # Mono's three writers detect the cycle (DataContractSerializer and
    # DataContractJsonSerializer: SerializationException "Object graph for type 'R.Chain'
    # contains cycles ..."; Json.NET: "Self referencing loop detected"); netcontract raised
    # RecursionError
    assert "contains cycles" in str(mono[f"xml-chain-{case}"])
    assert "contains cycles" in str(mono[f"wcf-chain-{case}"])
    assert "Self referencing loop" in str(mono[f"json-chain-{case}"])
    chain, path = chain_cycles()[case]
    for write in (nc.to_xml, nc.to_json, nc.to_wcf_json):
        with pytest.raises(nc.SerializationError, match="contains a cycle") as refused:
            write(chain)
        assert refused.value.problems[0].path == path


def test_xsd_is_monos(mono: dict[str, bytes | str]) -> None:
    text = bytes(mono["xsd"]).decode()
    # Mono exports Sub (a [KnownType] of Node) after Node's members (its collection)
    assert nc.export_schemas(Holder)[R] == text


@pytest.mark.parametrize(
    ("type_name", "obj"),
    [("Holder", shared_holder()), ("Node", cycle()), ("H2", _h2())],
    ids=["shared", "cycle", "object-members"],
)
def test_each_reads_the_others_xml_and_writes_it_back(
    twin: Path, type_name: str, obj: object
) -> None:
    ours = nc.to_xml(obj)
    assert _read(twin, "read-xml", type_name, ours) == ours  # Mono keeps the sharing
    back = nc.from_xml(ours, type(obj))
    assert nc.to_xml(back) == ours


@pytest.mark.parametrize("handling", ["None", "Objects", "Arrays", "All"])
def test_each_reads_the_others_jsonnet_and_writes_it_back(twin: Path, handling: str) -> None:
    settings = nc.JsonSettings(preserve_references_handling=handling)  # type: ignore[arg-type]
    for obj, type_name in ((shared_holder(), "Holder"), (cycle(), "Node")):
        ours = nc.to_json(obj, settings=settings)
        assert _read(twin, "read-json", type_name, ours, handling) == ours
        assert (
            nc.to_json(nc.from_json(ours, type(obj), settings=settings), settings=settings) == ours
        )


Z = 'xmlns:z="http://schemas.microsoft.com/2003/10/Serialization/"'


@pytest.mark.parametrize(
    "inner",
    [
        '<A z:Ref="x" /><B z:Id="x"><Name>s</Name></B>',  # a reference before its object
        '<A z:Ref="nope" />',
        '<A z:Id="i1"><Name>s</Name></A><B z:Id="i1"><Name>t</Name></B>',
        '<A z:Id=""><Name>s</Name></A>',
        '<A z:Id="i1" z:Ref="i1"><Name>s</Name></A>',
    ],
)
def test_xml_refused_by_mono_is_refused(twin: Path, inner: str) -> None:
    text = f'<Holder {Z} xmlns="{R}">{inner}</Holder>'.encode()
    assert str(_read(twin, "read-xml", "Holder", text)).startswith("EXC SerializationException")
    with pytest.raises(nc.XmlPayloadError):
        nc.from_xml(text, Holder)


@pytest.mark.parametrize(
    "inner",
    [
        '<Ints z:Ref="i1" />',
        '<N z:Ref="i1">5</N>',
        '<Name z:Ref="i1" />',
        '<Name z:Ref="i1">abc</Name>',
        '<Ps z:Ref="i1" />',
        '<Strs><string xmlns="http://schemas.microsoft.com/2003/10/Serialization/Arrays"'
        ' z:Ref="i1">abc</string></Strs>',
    ],
)
def test_xml_ref_on_a_member_not_is_reference_is_refused_as_by_mono(
    twin: Path, inner: str, engine_path: str
) -> None:
    # The generated readers read these as "", "abc", 5 or an empty list (only the reference
    # reader looked for z:Ref); Mono: "Deserialized object with reference id 'i1' not found".
    text = f'<Leaves {Z} xmlns="{R}">{inner}</Leaves>'.encode()
    assert str(_read(twin, "read-xml", "Leaves", text)).startswith("EXC SerializationException")
    with pytest.raises(nc.XmlPayloadError, match="z:Ref"):
        nc.from_xml(text, Leaves)


@pytest.mark.parametrize(
    "text",
    [
        b'{"A":{"$id":"1","Name":"s"},"B":{"$id":"1","Name":"t"}}',
        b'{"A":{"$id":"1","Name":"s"},"B":{"$ref":"1","Name":"t"}}',
        b'{"A":{"$id":"1","Name":"s"},"B":{"$ref":1}}',
    ],
)
def test_jsonnet_refused_by_mono_is_refused(twin: Path, text: bytes) -> None:
    refused = str(_read(twin, "read-json", "Holder", text, "None"))
    assert refused.startswith("EXC JsonSerializationException")
    with pytest.raises(nc.JsonPayloadError):
        nc.from_json(text, Holder)


def test_jsonnet_dangling_ref_is_null_in_mono_and_refused_here(twin: Path) -> None:
    # the one choice that differs: Json.NET 6.0.8 reads an unknown $ref as null (lossy)
    text = b'{"A":{"$ref":"9"}}'
    assert _read(twin, "read-json", "Holder", text, "None") == (
        b'{"A":null,"B":null,"L":null,"P":null,"Q":null}'
    )
    with pytest.raises(nc.JsonPayloadError, match="names no object read before it"):
        nc.from_json(text, Holder)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_drawn_shared_references_read_back_identical_by_mono(
    twin: Path, data: st.DataObject
) -> None:
    """Values drawn by netcontract.strategies (shared instances included): Mono reads
    netcontract's XML and Json.NET and writes them back identical."""
    from netcontract.strategies import for_type

    holder = data.draw(for_type(Holder, max_items=3))
    xml = nc.to_xml(holder)
    assert _read(twin, "read-xml", "Holder", xml) == xml
    text = nc.to_json(holder)
    assert _read(twin, "read-json", "Holder", text, "None") == text


#: comments and processing instructions between members, items and inside text
COMMENTED = (
    f'<Leaves xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="{R}"><!-- c -->'
    '<Ints><?pi x?><int xmlns="http://schemas.microsoft.com/2003/10/Serialization/Arrays">'
    "1<!-- c -->2</int></Ints><N>3<?pi?>4</N><!-- c --><Name>x<!-- c -->y<?pi z?>w</Name>"
    "</Leaves>"
).encode()


def test_comments_and_processing_instructions_are_skipped_as_by_mono(twin: Path) -> None:
    # Mono's DataContractSerializer skips them and joins the text around them (12, 34, "xyw");
    # xml_converter.structure reads a tree lxml's default parser made, which keeps them
    written = _read(twin, "read-xml", "Leaves", COMMENTED)
    assert isinstance(written, bytes) and b"<N>34</N><Name>xyw</Name>" in written
    from lxml import etree

    assert nc.to_xml(nc.from_xml(COMMENTED, Leaves)) == written
    assert nc.to_xml(nc.xml_converter.structure(etree.fromstring(COMMENTED), Leaves)) == written
