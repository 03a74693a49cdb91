"""Streaming reads and writes (issue 18): ``iter_xml``/``iter_json`` give what the
whole-document readers give, item by item; ``write_xml_items``/``write_json_items`` give the
bytes of the whole list.

The whole-document references: for a collection document, the list reader ``from_xml`` runs
for a list member (``xml/read.py``) over the parsed document, and the reference JSON writer
over the whole list; for a list member (``path=``), ``from_xml``/``from_json`` of the
contract holding it. Objects are compared by the bytes they write (exact: NaN, -0.0, ...).
"""

from __future__ import annotations

import io
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netcontract as nc
from netcontract.clr.namespaces import XSI
from netcontract.codegen import _no_fallback
from netcontract.json.read import reader_for as json_reader_for
from netcontract.json.text import dumps_jsonnet, loads_strict
from netcontract.json.write import _plan as json_write_plan
from netcontract.json.write import write_contract
from netcontract.limits import ReadContext
from netcontract.model.wire import Slot, list_type, resolve_annotation
from netcontract.strategies import for_type
from netcontract.xml import walk as _walk
from netcontract.xml.parse import parse_xml
from netcontract.xml.read import reader_for as xml_reader_for
from netcontract.xml.write import _Writer
from vehizen import CustomerGroupDto, ExternalInterfaceHeaderDto, ResponseDto, VehicleLightDto

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from generate import make_group  # noqa: E402

DTO_NS = "http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto"
ITEM_TYPES = [VehicleLightDto, ExternalInterfaceHeaderDto]


def xml_key(items: Any) -> list[Any]:
    return [v if v is None or isinstance(v, str) else nc.to_xml(v) for v in items]


def json_key(items: Any) -> list[Any]:
    return [v if v is None or isinstance(v, str) else nc.to_json(v) for v in items]


def whole_xml_read(data: bytes, item_cls: Any) -> list[Any]:
    """The list reader of from_xml over the whole collection document."""
    slot = Slot(list_type(resolve_annotation(item_cls)), optional=False)
    ctx = ReadContext()
    result = xml_reader_for(slot)(parse_xml(data), "", ctx)
    assert not ctx.problems
    return result  # type: ignore[no-any-return]


def whole_xml_bytes(items: list[Any], item_cls: Any, indent: bool) -> bytes:
    """The collection document as the reference writer writes each item (the root is
    Mono's, pinned in test_collection_root_is_written_as_mono_writes_it)."""
    wire = list_type(resolve_annotation(item_cls))
    ns = wire.contract_namespace
    start = f'<{wire.contract_name} xmlns:i="{XSI}" xmlns="{ns}"'
    if not items:
        return (start + " />").encode()
    writer = _Writer(indent)
    for index, item in enumerate(items):
        writer.member(
            wire.item_name, ns, resolve_annotation(item_cls), item, {XSI: "i", ns: ""}, 2, ""
        )
        assert not writer.problems, index
    end = f"\n</{wire.contract_name}>" if indent else f"</{wire.contract_name}>"
    return (start + ">" + "".join(writer.parts) + end).encode()


def whole_json_read(data: bytes, item_cls: Any) -> list[Any]:
    slot = Slot(list_type(resolve_annotation(item_cls)), optional=False)
    ctx = ReadContext()
    result = json_reader_for(slot)(loads_strict(data), "", ctx)
    assert not ctx.problems
    return result  # type: ignore[no-any-return]


def whole_json_bytes(items: list[Any], item_cls: Any, indent: bool) -> bytes:
    trees = [write_contract(json_write_plan(item_cls), item, "", []) for item in items]
    return dumps_jsonnet(trees, indent=indent).encode("utf-8")


def streamed_xml(items: list[Any], item_cls: Any, indent: bool) -> bytes:
    out = io.BytesIO()
    assert nc.write_xml_items(out, items, item_cls, indent=indent) == len(items)
    return out.getvalue()


def streamed_json(items: list[Any], item_cls: Any, indent: bool) -> bytes:
    out = io.BytesIO()
    assert nc.write_json_items(out, items, item_cls, indent=indent) == len(items)
    return out.getvalue()


@pytest.mark.parametrize("item_cls", ITEM_TYPES, ids=lambda t: t.__name__)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_streamed_xml_equals_the_whole_list(
    engine_path: str, item_cls: Any, data: st.DataObject
) -> None:
    items = data.draw(st.lists(for_type(item_cls), max_size=4), label="items")
    for indent in (False, True):
        streamed = streamed_xml(items, item_cls, indent)
        assert streamed == whole_xml_bytes(items, item_cls, indent)
        read = list(nc.iter_xml(io.BytesIO(streamed), item_cls))
        assert xml_key(read) == xml_key(whole_xml_read(streamed, item_cls)) == xml_key(items)


@pytest.mark.parametrize("item_cls", ITEM_TYPES, ids=lambda t: t.__name__)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_streamed_json_equals_the_whole_list(
    engine_path: str, item_cls: Any, data: st.DataObject
) -> None:
    items = data.draw(st.lists(for_type(item_cls), max_size=4), label="items")
    for indent in (False, True):
        streamed = streamed_json(items, item_cls, indent)
        assert streamed == whole_json_bytes(items, item_cls, indent)
        read = list(nc.iter_json(io.BytesIO(streamed), item_cls))
        assert json_key(read) == json_key(whole_json_read(streamed, item_cls)) == json_key(items)


@settings(max_examples=20, deadline=None)
@given(group=for_type(CustomerGroupDto))
def test_a_list_member_streams_as_the_whole_document_reads_it(
    engine_path: str, group: CustomerGroupDto
) -> None:
    for indent in (False, True):
        xml = nc.to_xml(group, indent=indent)
        streamed = list(nc.iter_xml(io.BytesIO(xml), VehicleLightDto, path="Vehicles"))
        assert xml_key(streamed) == xml_key(nc.from_xml(xml, CustomerGroupDto).vehicles or [])
        text = nc.to_json(group, indent=indent)
        streamed = list(nc.iter_json(io.BytesIO(text), VehicleLightDto, path="Vehicles"))
        assert json_key(streamed) == json_key(nc.from_json(text, CustomerGroupDto).vehicles or [])


def test_the_fixtures_stream_as_they_read() -> None:
    # the corpus documents of the help page: a customer group and its vehicles
    xml = ROOT / "fixtures" / "customer_group.xml"
    group = nc.from_xml(xml.read_bytes(), CustomerGroupDto)
    assert group.vehicles
    assert xml_key(nc.iter_xml(xml, VehicleLightDto, path="Vehicles")) == xml_key(group.vehicles)
    assert xml_key(nc.iter_xml(str(xml), VehicleLightDto, path="vehicles".title())) == xml_key(
        group.vehicles
    )
    text = ROOT / "fixtures" / "customer_group.json"
    group = nc.from_json(text.read_bytes(), CustomerGroupDto)
    assert json_key(nc.iter_json(text, VehicleLightDto, path="Vehicles")) == json_key(
        group.vehicles
    )
    # Json.NET finds a member ignoring case when no exact match exists
    assert json_key(nc.iter_json(text, VehicleLightDto, path="vehicles")) == json_key(
        group.vehicles
    )


def test_collection_root_is_written_as_mono_writes_it() -> None:
    # Mono: DataContractSerializer.WriteObject(XmlWriter.Create(...), new List<VehicleLightDto>())
    # and a list of one default vehicle (tests/interop/test_stream_interop.py checks many)
    empty = (
        b'<ArrayOfVehicleLightDto xmlns:i="http://www.w3.org/2001/XMLSchema-instance" '
        b'xmlns="http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto" />'
    )
    assert streamed_xml([], VehicleLightDto, False) == empty
    assert streamed_xml([], VehicleLightDto, True) == empty
    one = streamed_xml([VehicleLightDto()], VehicleLightDto, True)
    assert one.startswith(empty[:-3] + b'>\n  <VehicleLightDto>\n    <Brand i:nil="true" />')
    assert one.endswith(b"\n  </VehicleLightDto>\n</ArrayOfVehicleLightDto>")
    assert b"<?xml" not in one  # no declaration, as to_xml
    assert streamed_json([], VehicleLightDto, True) == b"[]"


@pytest.mark.falls_back  # non-default settings: the reference writer, by design
def test_json_writer_honours_settings() -> None:
    settings_ = nc.JsonSettings(null_value_handling="Ignore", formatting="Indented")
    items = [VehicleLightDto(id_ws=1), VehicleLightDto(id_ws=2)]
    out = io.BytesIO()
    nc.write_json_items(out, items, VehicleLightDto, settings=settings_)
    expected = b"[\n  " + b",\n  ".join(
        nc.to_json(v, settings=settings_).replace(b"\n", b"\n  ") for v in items
    )
    assert out.getvalue() == expected + b"\n]"
    assert b"null" not in out.getvalue()
    read = list(nc.iter_json(io.BytesIO(out.getvalue()), VehicleLightDto, settings=settings_))
    assert [v.id_ws for v in read] == [1, 2]


def _error_after(iterator: Any) -> tuple[int, BaseException]:
    count = 0
    try:
        for _ in iterator:
            count += 1
    except nc.NetContractError as exc:
        return count, exc
    raise AssertionError("no error")


def _vehicles(count: int) -> list[VehicleLightDto]:
    return [VehicleLightDto(id_ws=i, tolerance=i) for i in range(count)]


def test_a_refused_item_raises_after_the_items_before_it_with_its_path() -> None:
    xml = streamed_xml(_vehicles(5), VehicleLightDto, False)
    bad = xml.replace(b"<Tolerance>3</Tolerance>", b"<Tolerance>x</Tolerance>")
    count, exc = _error_after(nc.iter_xml(io.BytesIO(bad), VehicleLightDto))
    assert count == 3
    assert isinstance(exc, nc.XmlPayloadError)
    assert [(p.path, p.message) for p in exc.problems] == [
        ("[3].Tolerance", "'x' is not a valid Int32")
    ]
    text = streamed_json(_vehicles(5), VehicleLightDto, False)
    bad = text.replace(b'"Tolerance":3', b'"Tolerance":"x"')
    count, exc = _error_after(nc.iter_json(io.BytesIO(bad), VehicleLightDto))
    assert count == 3
    assert isinstance(exc, nc.JsonPayloadError)
    assert [p.path for p in exc.problems] == ["[3].Tolerance"]


def test_list_member_paths_name_the_member() -> None:
    group = CustomerGroupDto(vehicles=_vehicles(3))
    text = nc.to_json(group).replace(b'"Tolerance":2', b'"Tolerance":"x"')
    with pytest.raises(nc.JsonPayloadError) as whole:
        nc.from_json(text, CustomerGroupDto)
    count, exc = _error_after(nc.iter_json(io.BytesIO(text), VehicleLightDto, path="Vehicles"))
    assert count == 2
    assert isinstance(exc, nc.JsonPayloadError)
    assert exc.problems == whole.value.problems


def test_strict_refuses_an_unknown_element_between_items() -> None:
    xml = streamed_xml(_vehicles(2), VehicleLightDto, False)
    xml = xml.replace(
        b"</VehicleLightDto><VehicleLightDto>", b"</VehicleLightDto><X/><VehicleLightDto>"
    )
    assert len(list(nc.iter_xml(io.BytesIO(xml), VehicleLightDto))) == 2  # ignored, as .NET
    count, exc = _error_after(nc.iter_xml(io.BytesIO(xml), VehicleLightDto, strict=True))
    assert count == 1
    assert "unexpected element '{" + DTO_NS + "}X'" in str(exc)


def test_text_between_items_is_refused() -> None:
    xml = streamed_xml(_vehicles(2), VehicleLightDto, False)
    xml = xml.replace(
        b"</VehicleLightDto><VehicleLightDto>", b"</VehicleLightDto>oops<VehicleLightDto>"
    )
    count, exc = _error_after(nc.iter_xml(io.BytesIO(xml), VehicleLightDto))
    assert count == 1
    assert "unexpected text 'oops'" in str(exc)


def test_the_root_must_be_the_collection() -> None:
    xml = nc.to_xml(CustomerGroupDto())
    count, exc = _error_after(nc.iter_xml(io.BytesIO(xml), VehicleLightDto))
    assert count == 0
    assert "expecting element 'ArrayOfVehicleLightDto'" in str(exc)
    count, exc = _error_after(nc.iter_json(io.BytesIO(b"{}"), VehicleLightDto))
    assert count == 0
    assert isinstance(exc, nc.JsonSyntaxError)
    assert "expected an array" in str(exc)


def test_utf16_and_bom_documents_stream() -> None:
    xml = streamed_xml(_vehicles(3), VehicleLightDto, True).decode()
    for data in (
        b"\xef\xbb\xbf" + xml.encode(),
        "\ufeff".encode("utf-16-le") + xml.encode("utf-16-le"),
        '<?xml version="1.0" encoding="utf-16"?>'.encode("utf-16-be") + xml.encode("utf-16-be"),
    ):
        assert [v.id_ws for v in nc.iter_xml(io.BytesIO(data), VehicleLightDto)] == [0, 1, 2]
    text = streamed_json(_vehicles(3), VehicleLightDto, False)
    assert [v.id_ws for v in nc.iter_json(io.BytesIO(b"\xef\xbb\xbf" + text), VehicleLightDto)] == [
        0,
        1,
        2,
    ]


class _Trickle(io.RawIOBase):
    """A file that gives one byte per read: every token is split across reads."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        chunk = self.data[self.pos : self.pos + 1]
        self.pos += 1
        return chunk


def test_tokens_split_across_reads_are_found() -> None:
    items = [VehicleLightDto(name='a "quoted" \\ [x] {y}', id_ws=i) for i in range(3)]
    text = streamed_json(items, VehicleLightDto, True)
    assert json_key(nc.iter_json(_Trickle(text), VehicleLightDto)) == json_key(items)
    wrapped = b'{"A":[1,{"b":"]"}],"Vehicles":' + text + b',"Z":null}'
    got = nc.iter_json(_Trickle(wrapped), VehicleLightDto, path="Vehicles")
    assert json_key(got) == json_key(items)
    xml = streamed_xml(items, VehicleLightDto, True)
    assert xml_key(nc.iter_xml(_Trickle(xml), VehicleLightDto)) == xml_key(items)


def test_a_missing_or_null_list_member_gives_no_items() -> None:
    for group in (CustomerGroupDto(), CustomerGroupDto(vehicles=[])):
        assert (
            list(nc.iter_xml(io.BytesIO(nc.to_xml(group)), VehicleLightDto, path="Vehicles")) == []
        )
        assert (
            list(nc.iter_json(io.BytesIO(nc.to_json(group)), VehicleLightDto, path="Vehicles"))
            == []
        )
    assert list(nc.iter_json(io.BytesIO(b'{"Name":"x"}'), VehicleLightDto, path="Vehicles")) == []


def test_a_json_member_of_the_path_given_twice_is_refused() -> None:
    data = b'{"Vehicles":[],"Name":"x","Vehicles":[{}]}'
    count, exc = _error_after(nc.iter_json(io.BytesIO(data), VehicleLightDto, path="Vehicles"))
    assert count == 0
    assert "given twice" in str(exc)


def test_writers_refuse_a_bad_item_with_its_path() -> None:
    out = io.BytesIO()
    writer = nc.XmlListWriter(out, VehicleLightDto)
    writer.write(VehicleLightDto())
    with pytest.raises(nc.SerializationError) as info:
        writer.write(VehicleLightDto(name="\x01"))
    assert info.value.problems[0].path == "[1].Name"
    out = io.BytesIO()
    with nc.JsonListWriter(out, VehicleLightDto) as json_writer:
        json_writer.write(VehicleLightDto())
        with pytest.raises(nc.SerializationError) as info:
            json_writer.write(VehicleLightDto(tolerance="x"))  # type: ignore[arg-type]
    assert info.value.problems[0].path.startswith("[1]")
    assert out.getvalue().startswith(b"[{") and out.getvalue().endswith(b"}]")


def test_sources_are_binary_files_or_paths() -> None:
    with pytest.raises(nc.InputTypeError, match="binary file object"):
        list(nc.iter_xml(io.StringIO("<a/>"), VehicleLightDto))
    with pytest.raises(nc.InputTypeError, match="binary file object or a path"):
        list(nc.iter_json(b"[]", VehicleLightDto))


def test_the_readme_streaming_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(
        r"```python\n(import netcontract as nc\nfrom vehizen import VehicleLightDto\n\n"
        r"# a collection.*?)```",
        readme,
        re.S,
    )
    assert block is not None
    group = nc.from_json((ROOT / "fixtures" / "customer_group.json").read_bytes(), CustomerGroupDto)
    (tmp_path / "customer_group.json").write_bytes(nc.to_json(group))
    with (tmp_path / "vehicles.xml").open("wb") as fp:
        nc.write_xml_items(fp, group.vehicles or [], VehicleLightDto)
    monkeypatch.chdir(tmp_path)
    exec(compile(block.group(1), "README.md", "exec"), {})
    assert (tmp_path / "out.xml").read_bytes() == (tmp_path / "vehicles.xml").read_bytes()
    assert list(nc.iter_json(tmp_path / "out.json", VehicleLightDto)) == [VehicleLightDto(id_ws=1)]


def test_a_list_member_given_twice_is_refused_as_from_xml_refuses_it() -> None:
    xml = nc.to_xml(CustomerGroupDto(vehicles=_vehicles(1)))
    start = xml.index(b"<Vehicles")
    end = xml.index(b"</Vehicles>") + len(b"</Vehicles>")
    twice = xml[:end] + xml[start:end] + xml[end:]
    with pytest.raises(nc.XmlPayloadError) as whole:
        nc.from_xml(twice, CustomerGroupDto)
    count, exc = _error_after(nc.iter_xml(io.BytesIO(twice), VehicleLightDto, path="Vehicles"))
    assert count == 1
    assert [(p.path, p.message) for p in exc.problems] == [
        (p.path, p.message) for p in whole.value.problems
    ]


def test_a_null_or_referenced_list_on_the_path_is_refused_as_from_xml_refuses_it() -> None:
    # iter_xml gave no items for both: a null list with items (from_xml: "an element with
    # i:nil="true" must be empty") and a z:Ref on the list, which Mono refuses ("Deserialized
    # object with reference id 'i1' not found in stream") and so does from_xml
    xml = nc.to_xml(CustomerGroupDto(vehicles=_vehicles(1)))
    z = b' xmlns:z="http://schemas.microsoft.com/2003/10/Serialization/"'
    for attribute in (b' i:nil="true"', b' z:Ref="i1"' + z):
        data = xml.replace(b"<Vehicles", b"<Vehicles" + attribute, 1)
        assert data != xml
        with pytest.raises(nc.XmlPayloadError):
            nc.from_xml(data, CustomerGroupDto)
        count, exc = _error_after(nc.iter_xml(io.BytesIO(data), VehicleLightDto, path="Vehicles"))
        assert (count, type(exc), exc.problems[0].path) == (0, nc.XmlPayloadError, "Vehicles")


def test_a_path_through_an_object_member_follows_its_i_type() -> None:
    # the README's "Data.Vehicles": ResponseDto.Data is object (i:type="d2p1:CustomerGroupDto");
    # iter_xml raised ContractDefinitionError "Data is not a contract member (path)"
    reply = ResponseDto[CustomerGroupDto](data=CustomerGroupDto(vehicles=_vehicles(3)))
    for data, read in (
        (nc.to_xml(reply), nc.iter_xml),
        (nc.to_xml(reply, indent=True), nc.iter_xml),
        (nc.to_json(reply), nc.iter_json),
    ):
        whole = (
            nc.from_xml(data)
            if read is nc.iter_xml
            else nc.from_json(data, ResponseDto[CustomerGroupDto])
        )
        assert list(read(io.BytesIO(data), VehicleLightDto, path="Data.Vehicles")) == (
            whole.data.vehicles
        )
    xml = nc.to_xml(reply)
    # an i:type not known there, or none, is refused as from_xml refuses it
    for bad in (
        xml.replace(b'i:type="d2p1:CustomerGroupDto"', b'i:type="d2p1:Nope"'),
        xml.replace(b' i:type="d2p1:CustomerGroupDto"', b""),
    ):
        with pytest.raises(nc.XmlPayloadError) as whole_error:
            nc.from_xml(bad)
        count, exc = _error_after(
            nc.iter_xml(io.BytesIO(bad), VehicleLightDto, path="Data.Vehicles")
        )
        assert count == 0
        assert [(p.path, p.message) for p in exc.problems] == [
            (p.path, p.message) for p in whole_error.value.problems
        ]


# --- is_reference items: one reference numbering for the whole document ----------------------


@nc.contract("G", name="Node", is_reference=True)
class _RefNode:
    name: str | None = nc.member("Name", default=None)
    next: _RefNode | None = nc.member("Next", default=None)


_Z = 'xmlns:z="http://schemas.microsoft.com/2003/10/Serialization/"'
# Mono: DataContractSerializer (through XmlWriter) and Json.NET 6.0.8 writing the List<Node>
# [a, b (whose Next is a), a]
MONO_NODE_LIST_XML = (
    '<ArrayOfNode xmlns:i="http://www.w3.org/2001/XMLSchema-instance" '
    'xmlns="http://schemas.datacontract.org/2004/07/G">'
    f'<Node z:Id="i1" {_Z}><Name>a</Name><Next i:nil="true" /></Node>'
    f'<Node z:Id="i2" {_Z}><Name>b</Name><Next z:Ref="i1" /></Node>'
    f'<Node z:Ref="i1" {_Z} /></ArrayOfNode>'
).encode()
MONO_NODE_LIST_JSON = (
    b'[{"$id":"1","Name":"a","Next":null},{"$id":"2","Name":"b","Next":{"$ref":"1"}},{"$ref":"1"}]'
)


@pytest.mark.falls_back  # is_reference: the reference writer numbers $id, by design
def test_is_reference_items_are_numbered_across_the_document(engine_path):
    a = _RefNode(name="a")
    items = [a, _RefNode(name="b", next=a), a]
    xml, js = io.BytesIO(), io.BytesIO()
    nc.write_xml_items(xml, items, _RefNode)
    nc.write_json_items(js, items, _RefNode)
    assert xml.getvalue() == MONO_NODE_LIST_XML
    assert js.getvalue() == MONO_NODE_LIST_JSON
    for read in (
        list(nc.iter_xml(io.BytesIO(MONO_NODE_LIST_XML), _RefNode)),
        list(nc.iter_json(io.BytesIO(MONO_NODE_LIST_JSON), _RefNode)),
    ):
        assert read[0] is read[2] is read[1].next
        assert [n.name for n in read] == ["a", "b", "a"]


def test_a_reference_to_a_later_item_is_refused():
    later = b'[{"$ref":"1"},{"$id":"1","Name":"a","Next":null}]'
    with pytest.raises(nc.JsonPayloadError, match="names no object read before it"):
        list(nc.iter_json(io.BytesIO(later), _RefNode))


def test_json_list_writer_refuses_settings_that_make_the_list_an_object():
    settings = nc.JsonSettings(preserve_references_handling="Arrays")
    with pytest.raises(nc.SerializationError, match="makes the list an object"):
        nc.JsonListWriter(io.BytesIO(), _RefNode, settings=settings)


# --- the corpus and an edge contract: streaming == the whole document ------------------------


@nc.contract("urn:stream-edge", name="Shape", known_types=("_Square",))  # [KnownType]
class _Shape:
    name: str | None = nc.member("Name", default=None)
    sides: nc.Int32 = nc.member("Sides", default=0)


@nc.contract("urn:stream-edge-derived", name="Square")
class _Square(_Shape):
    side: float = nc.member("Side", default=0.0)


def _corpus() -> list[tuple[str, Any]]:
    from interop.test_vehizen_corpus import CORPUS

    return CORPUS


def test_the_vehizen_corpus_streams_as_the_whole_documents_read() -> None:
    # the 50-document corpus proven against Mono (tests/interop/test_vehizen_corpus.py): each
    # list of a document, streamed from that document (path=) and as a collection of its own
    lists = 0
    for name, doc in _corpus():
        if isinstance(doc, CustomerGroupDto):
            found: list[tuple[str, Any, Any]] = [("Vehicles", VehicleLightDto, doc.vehicles)]
            for vehicle in doc.vehicles or []:
                found.append(("", ExternalInterfaceHeaderDto | None, vehicle.external_interfaces))
        else:
            found = [("Errors", str | None, doc.errors)]
        for path, item_cls, items in found:
            for indent in (False, True):
                if path:
                    xml = nc.to_xml(doc, indent=indent)
                    read = list(nc.iter_xml(io.BytesIO(xml), item_cls, path=path))
                    whole = getattr(nc.from_xml(xml, type(doc)), path.lower())
                    assert xml_key(read) == xml_key(whole or []), name
                    text = nc.to_json(doc, indent=indent)
                    read = list(nc.iter_json(io.BytesIO(text), item_cls, path=path))
                    whole = getattr(nc.from_json(text, type(doc)), path.lower())
                    assert json_key(read) == json_key(whole or []), name
                if items is None or not isinstance(item_cls, type):
                    continue
                lists += 1
                xml = streamed_xml(items, item_cls, indent)
                assert xml == whole_xml_bytes(items, item_cls, indent), name
                read = list(nc.iter_xml(io.BytesIO(xml), item_cls))
                assert xml_key(read) == xml_key(whole_xml_read(xml, item_cls)) == xml_key(items)
                text = streamed_json(items, item_cls, indent)
                read = list(nc.iter_json(io.BytesIO(text), item_cls))
                assert json_key(read) == json_key(whole_json_read(text, item_cls)), name
    assert lists >= 40


_EDGE_ITEMS = st.lists(st.one_of(st.none(), for_type(_Shape), for_type(_Square)), max_size=4)


# a derived item read back from JSON as the base class has members unknown to it: the
# reference reader skips them, by design
@pytest.mark.falls_back
@settings(max_examples=15, deadline=None)
@given(items=_EDGE_ITEMS)
def test_derived_and_nil_items_stream_as_the_whole_list_reads_them(
    engine_path: str, items: list[Any]
) -> None:
    # items of a derived class (i:type / __type) and nil items, for iter_xml and iter_json
    item_cls = _Shape | None
    for indent in (False, True):
        xml = streamed_xml(items, item_cls, indent)
        read = list(nc.iter_xml(io.BytesIO(xml), item_cls))
        assert [type(v) for v in read] == [type(v) for v in items]
        assert xml_key(read) == xml_key(whole_xml_read(xml, item_cls)) == xml_key(items)
        # (Json.NET writes no $type by default: a derived item reads back as the base class,
        # streamed or whole)
        text = streamed_json(items, item_cls, indent)
        read = list(nc.iter_json(io.BytesIO(text), item_cls))
        whole = whole_json_read(text, item_cls)
        assert [type(v) for v in read] == [type(v) for v in whole]
        assert json_key(read) == json_key(whole)


def _sharing(items: list[Any]) -> list[list[bool]]:
    return [[a is b for b in items] for a in items]


@pytest.mark.falls_back  # is_reference: the reference writer numbers $id, by design
@settings(max_examples=15, deadline=None)
@given(picks=st.lists(st.integers(0, 2), max_size=5))
def test_is_reference_items_stream_as_the_whole_list_reads_them(
    engine_path: str, picks: list[int]
) -> None:
    a = _RefNode(name="a")
    pool = [a, _RefNode(name="b", next=a), _RefNode(name="c", next=_RefNode(name="d"))]
    items = [pool[i] for i in picks]
    for indent in (False, True):
        xml = streamed_xml(items, _RefNode, indent)
        read = list(nc.iter_xml(io.BytesIO(xml), _RefNode))
        whole = whole_xml_read(xml, _RefNode)
        assert _sharing(read) == _sharing(whole) == _sharing(items)
        assert [(n.name, n.next and n.next.name) for n in read] == [
            (n.name, n.next and n.next.name) for n in items
        ]
        text = streamed_json(items, _RefNode, indent)
        read = list(nc.iter_json(io.BytesIO(text), _RefNode))
        whole = whole_json_read(text, _RefNode)
        assert _sharing(read) == _sharing(whole) == _sharing(items)
        assert [(n.name, n.next and n.next.name) for n in read] == [
            (n.name, n.next and n.next.name) for n in items
        ]


@pytest.mark.falls_back  # the declined walk below, by design
@pytest.mark.skipif(not _walk.ACTIVE, reason=f"the compiled walk is off: {_walk.REASON}")
def test_iter_xml_reads_each_item_with_the_compiled_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    # each item is walked (as from_xml walks a document) and read by the walked reader, with
    # no fallback; a declined walk is a visible fallback to the reader of lxml's elements
    group = make_group(12, 5)
    xml = streamed_xml(group.vehicles or [], VehicleLightDto, False)
    walks: list[Any] = []
    real = _walk.walk

    def spy(root: Any, limits: nc.Limits, depth: int = 0) -> Any:
        walks.append(depth)
        return real(root, limits, depth)

    monkeypatch.setattr(_walk, "walk", spy)
    with _no_fallback():
        walked = list(nc.iter_xml(io.BytesIO(xml), VehicleLightDto))
    assert walks == [1] * len(walked) == [1] * 12
    monkeypatch.setattr(_walk, "walk", lambda root, limits, depth=0: "a comment")
    forbidden = pytest.raises(AssertionError, match="the compiled walk declined: a comment")
    with forbidden, _no_fallback():
        list(nc.iter_xml(io.BytesIO(xml), VehicleLightDto))
    declined = list(nc.iter_xml(io.BytesIO(xml), VehicleLightDto))
    monkeypatch.setattr(_walk, "ACTIVE", False)
    proxies = list(nc.iter_xml(io.BytesIO(xml), VehicleLightDto))
    assert xml_key(walked) == xml_key(declined) == xml_key(proxies) == xml_key(group.vehicles)


@pytest.mark.falls_back  # a quota: the reference reader reports it
@pytest.mark.parametrize("walked", [True, False])
def test_a_quota_in_a_streamed_item_is_the_same_walked_or_not(
    monkeypatch: pytest.MonkeyPatch, walked: bool
) -> None:
    monkeypatch.setattr(_walk, "ACTIVE", walked and _walk.walker is not None)
    vehicles = make_group(3, 5).vehicles or []
    xml = streamed_xml(vehicles, VehicleLightDto, False)
    for limits, message in (
        (nc.Limits(max_depth=2), r"\[0\]\.\w+: quota max_depth"),
        (nc.Limits(max_string_length=3), r"\[0\]\.\w+: quota max_string_length"),
    ):
        with pytest.raises(nc.QuotaExceededError, match=message):
            list(nc.iter_xml(io.BytesIO(xml), VehicleLightDto, limits=limits))


def test_objects_kept_for_later_references_are_bounded_by_max_total_items():
    # each is_reference item stays alive until the stream ends (a later item may name it):
    # a stream of them is bounded as .NET bounds the object graph it reads (MaxItemsInObjectGraph)
    limits = nc.Limits(max_total_items=1000)
    json_doc = (
        b"[" + b",".join(b'{"$id":"%d","Name":"n","Next":null}' % i for i in range(1, 1002)) + b"]"
    )
    xml_doc = (
        f'<ArrayOfNode xmlns:i="http://www.w3.org/2001/XMLSchema-instance" {_Z} '
        'xmlns="http://schemas.datacontract.org/2004/07/G">'
        + "".join(
            f'<Node z:Id="i{i}"><Name>n</Name><Next i:nil="true" /></Node>' for i in range(1, 1002)
        )
        + "</ArrayOfNode>"
    ).encode()
    for read in (
        nc.iter_json(io.BytesIO(json_doc), _RefNode, limits=limits),
        nc.iter_xml(io.BytesIO(xml_doc), _RefNode, limits=limits),
    ):
        got = []
        with pytest.raises(
            nc.QuotaExceededError, match="objects kept for later references"
        ) as info:
            for item in read:
                got.append(item)
        assert len(got) == 1000  # the first 1,000 items, then the quota
        assert info.value.quota == "max_total_items"
        assert info.value.problems[0].path == "[1000]"
    # the default quota reads them all
    assert len(list(nc.iter_json(io.BytesIO(json_doc), _RefNode))) == 1001
    assert len(list(nc.iter_xml(io.BytesIO(xml_doc), _RefNode))) == 1001


@nc.contract("Stream.Values")
class _Mode(nc.ContractEnum):
    Off = 0
    On = 1


@pytest.mark.parametrize(
    ("item_type", "items"),
    [
        (nc.Int32, [1, -2, 2147483647]),
        (nc.Int32 | None, [1, None]),
        (str, ["a", None, "é\u2028</"]),
        (float, [0.1, -0.0, 1e300]),
        (nc.DateTime, [nc.DateTime.parse("2020-01-02T03:04:05.1234567Z")]),
        (nc.TimeSpan, [nc.TimeSpan(-15_000_000)]),
        (uuid.UUID, [uuid.UUID(int=7)]),
        (bytes, [b"\x00\xff", b""]),
        (_Mode, [_Mode.On, _Mode.Off]),
        (list[nc.Int32], [[1, 2], [], None]),
        (dict[str, nc.Int32], [{"a": 1}, {}]),
    ],
)
@pytest.mark.parametrize("indent", [False, True])
def test_json_list_writer_writes_value_items_as_to_json_writes_the_list(
    item_type: Any, items: list[Any], indent: bool
) -> None:
    # List<int>, List<string>, List<List<int>>...: the items as to_json writes the list (whose
    # bytes for these types are Mono's: tests/interop/test_known_collections_interop.py)
    expected = nc.to_json(nc.Boxed(items, list[item_type]), indent=indent)
    out = io.BytesIO()
    with nc.JsonListWriter(out, item_type, indent=indent) as writer:
        for item in items:
            writer.write(item)
    assert out.getvalue() == expected
    out = io.BytesIO()
    nc.write_json_items(out, items, item_type, indent=indent)
    assert out.getvalue() == expected
    assert list(nc.iter_json(io.BytesIO(expected), item_type)) == items


def test_json_list_writer_refuses_a_value_item_naming_it():
    with pytest.raises(nc.SerializationError) as caught:
        nc.write_json_items(io.BytesIO(), [1, 2**31], nc.Int32)
    assert caught.value.problems[0].path == "[1]"
    with pytest.raises(nc.SerializationError):
        nc.write_json_items(io.BytesIO(), [None], nc.Int32)  # an int is never null
