"""The generated readers and writers (README, "Speed") give exactly what the reference code
gives: the same bytes, the same objects, the same problems, paths and quota errors. (The
reference side runs with the conversions switched to the reference code alone.)

Each fast path gives up (and the reference code does the whole document) rather than decide
anything itself; these tests feed both paths documents that make the fast paths give up at
every point, and documents they handle, and compare.
"""

from __future__ import annotations

import hashlib
import linecache
import re
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

import netcontract as nc
from netcontract import codegen
from netcontract.codegen import _engine_path, _no_fallback
from netcontract.json.text import UNSURE, loads_fast, loads_strict
from vehizen import CustomerGroupDto, ResponseDto, VehicleLightDto

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from generate import make_group

GROUPS = [make_group(12, seed) for seed in range(8)]


def on_reference(convert: Any) -> Any:
    with _engine_path("reference"):
        return convert()


def reference_json(obj: Any) -> bytes:
    data: bytes = on_reference(lambda: nc.to_json(obj))
    return data


def reference_xml(obj: Any, indent: bool = False) -> bytes:
    data: bytes = on_reference(lambda: nc.to_xml(obj, indent=indent))
    return data


def reference_from_json(data: bytes, cls: Any) -> tuple[Any, list[str]]:
    return on_reference(lambda: outcome(lambda: nc.from_json(data, cls)))  # type: ignore[no-any-return]


def reference_from_xml(data: bytes, cls: Any = None) -> tuple[Any, list[str]]:
    return on_reference(lambda: outcome(lambda: nc.from_xml(data, cls)))  # type: ignore[no-any-return]


def outcome(read: Any) -> tuple[Any, list[str]]:
    try:
        return read(), []
    except nc.PayloadError as exc:
        return None, [str(p) for p in exc.problems]


@pytest.mark.parametrize("group", GROUPS, ids=range(len(GROUPS)))
def test_generated_writers_write_the_reference_bytes(group: CustomerGroupDto) -> None:
    assert nc.to_json(group) == reference_json(group)
    assert nc.to_xml(group) == reference_xml(group)
    assert nc.to_xml(group, indent=True) == reference_xml(group, indent=True)


@pytest.mark.parametrize("group", GROUPS, ids=range(len(GROUPS)))
def test_generated_writers_write_the_stream_layout(group: CustomerGroupDto) -> None:
    """layout="stream" has generated writers of its own (keyed by layout), no fallback."""
    with _no_fallback():
        fast = nc.to_xml(group, layout="stream")
    assert fast == on_reference(lambda: nc.to_xml(group, layout="stream"))
    with _no_fallback():  # the generated reader reads the stream layout too
        assert nc.to_xml(nc.from_xml(fast)) == nc.to_xml(group)


@pytest.mark.parametrize("group", GROUPS, ids=range(len(GROUPS)))
def test_generated_readers_read_what_the_reference_reads(group: CustomerGroupDto) -> None:
    data = nc.to_json(group)
    with _no_fallback():  # read by a generated path, not left to the reference one
        fast = nc.from_json(data, CustomerGroupDto)
    assert nc.to_json(fast) == nc.to_json(reference_from_json(data, CustomerGroupDto)[0])
    for indent in (False, True):
        xml = nc.to_xml(group, indent=indent)
        with _no_fallback():
            assert nc.to_xml(nc.from_xml(xml)) == nc.to_xml(reference_from_xml(xml)[0])


VEHICLE = b'{"IdWS":1,"VIN":"a:b","Name":"n"}'


@pytest.mark.parametrize(
    "doc",
    [
        b'{"Name":"a","Name":"b"}',
        b'{"Vehicles":[{"VIN":"x:y","VIN":"z"}]}',
        b'{"Vehicles":[{"VIN":"x\\u003ay","vin":"z"}]}',
        b'{"Name":"a\\u003ab","Name":"c"}',
        b'{"Vehicles":[{"TotalFuelUsed":1.' + b"0" * 500 + b"}]}",
        b'{"Vehicles":[{"TotalFuelUsed":NaN,"IdWS":"7"}]}',
        b'{"Vehicles":[{"TotalFuelUsed":18446744073709551617}]}',
        b'{"Vehicles":[{"Imei":"\\ud800"}]}',
        b'{"Vehicles":[' + VEHICLE + b"," + VEHICLE.replace(b'"n"', b'"m","$ref":"1"') + b"]}",
        b'{"Vehicles":[{"CameraType":7,"State":"active","KmEndOfLease":""}]}',
        b'{"Vehicles":[null,{"ExternalInterfaces":[null,{"Name":5}]}]}',
        b'{"Vehicles":[{"Tolerance":2147483648}]}',
        b"\xef\xbb\xbf" + VEHICLE,
        b"[" * 3000,
        # the compiled helpers of the Struct path: doubles read from their bytes or not, a
        # DateTime given twice (its colons counted with the strings'), a Microsoft date
        b'{"Vehicles":[{"TotalFuelUsed":1.5E+1,"TheoreticalConsumption":0.0000001}]}',
        b'{"Vehicles":[{"TotalFuelUsed":1' + b"7" * 398 + b'.5,"IdWS":"7"}]}',
        b'{"Vehicles":[{"InitialEntryIntoService":"2020-01-01T00:00:00Z",'
        b'"InitialEntryIntoService":"x:y"}]}',
        b'{"Vehicles":[{"UtcEndOfLease":"/Date(0)/","Name":"a:b","Name":"c"}]}',
    ],
)
def test_json_documents_the_fast_path_gives_up_on(doc: bytes) -> None:
    fast = outcome(lambda: nc.from_json(doc, CustomerGroupDto))
    reference = reference_from_json(doc, CustomerGroupDto)
    if reference[1]:
        assert fast[1] == reference[1] or fast[1][0].endswith(reference[1][0])
    else:
        assert nc.to_json(fast[0]) == nc.to_json(reference[0])


def test_loads_fast_defers_what_it_cannot_tell() -> None:
    assert loads_fast(b'{"a":NaN}') is UNSURE
    assert loads_fast(b'{"a":"\\u003A"}') is UNSURE
    assert loads_fast(b'{"a":' + b"1" * 401 + b"}") is UNSURE
    tree, colons = loads_fast(b'{"a":"b:c","d":[{"e":1.50}]}')
    assert tree == loads_strict(b'{"a":"b:c","d":[{"e":1.50}]}')
    assert colons == 4


@pytest.mark.parametrize(
    "limits",
    [
        nc.Limits(max_total_items=20),
        nc.Limits(max_depth=2),
        nc.Limits(max_string_length=8),
        nc.Limits(max_string_length=24),  # a DateTime's text, counted with the strings
    ],
)
def test_json_quota_errors_name_the_same_place(limits: nc.Limits) -> None:
    doc = nc.to_json(GROUPS[0])
    with pytest.raises(nc.QuotaExceededError) as fast:
        nc.from_json(doc, CustomerGroupDto, limits=limits)
    with pytest.raises(nc.QuotaExceededError) as reference:
        on_reference(lambda: nc.from_json(doc, CustomerGroupDto, limits=limits))
    assert str(fast.value) == str(reference.value)


XML_HEAD = (
    b'<CustomerGroupDto xmlns:i="http://www.w3.org/2001/XMLSchema-instance" '
    b'xmlns="http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto.CustomerGroup">'
)
DTO = b' xmlns:d="http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto"'


def vehicles(*members: bytes) -> bytes:
    items = b"".join(b"<d:VehicleLightDto>" + m + b"</d:VehicleLightDto>" for m in members)
    return XML_HEAD + b"<Vehicles" + DTO + b">" + items + b"</Vehicles></CustomerGroupDto>"


@pytest.mark.parametrize(
    "doc",
    [
        vehicles(b"<d:Brand>b</d:Brand><d:Unknown><d:x/></d:Unknown><d:IdWS>4</d:IdWS>"),
        vehicles(b"<d:IdWS>4</d:IdWS><d:Brand>b</d:Brand>"),  # out of order
        vehicles(b"<d:Brand>b</d:Brand><d:Brand>c</d:Brand>"),  # twice
        vehicles(b'<d:Brand i:nil="true">b</d:Brand>'),  # nil with text
        vehicles(b'<d:IdWS i:nil="true" />'),  # nil for a value type
        vehicles(b'<d:Brand i:nil="false">b</d:Brand><d:IdWS i:nil="1" />'),
        vehicles(b"<d:Brand>b<d:x/></d:Brand>"),  # an element in a value
        vehicles(b"<d:Brand>b</d:Brand>text<d:IdWS>4</d:IdWS>"),  # text between members
        vehicles(b"<d:IdWS> 5 </d:IdWS><d:Tolerance>-3</d:Tolerance>"),
        vehicles(b"<d:IdWS>2147483648</d:IdWS>", b"<d:IdWS>x</d:IdWS>"),
        vehicles(b"<d:VehicleId> 0f8fad5b-d9cb-469f-a165-70867728950e </d:VehicleId>"),
        vehicles(b"<d:InitialEntryIntoService>2024-02-30T00:00:00</d:InitialEntryIntoService>"),
        vehicles(b"<d:CameraType>Other</d:CameraType>"),
        vehicles(b'<d:ExternalInterfaces i:nil="true" />', b"<d:ExternalInterfaces />"),
        XML_HEAD + b'<Vehicles i:nil="true" /></CustomerGroupDto>',
        XML_HEAD + b"<Vehicles" + DTO + b"><d:Other /></Vehicles></CustomerGroupDto>",
        XML_HEAD + b"<Name>a</Name><CustomerId>00000000-0000-0000-0000-000000000000"
        b"</CustomerId></CustomerGroupDto>",
    ],
)
def test_xml_documents_the_fast_path_gives_up_on(doc: bytes) -> None:
    fast = outcome(lambda: nc.from_xml(doc))
    reference = reference_from_xml(doc)
    assert fast[1] == reference[1]
    if not reference[1]:
        assert fast[0] == reference[0]


def test_xml_strict_mode_and_subclasses_go_to_the_reference_reader() -> None:
    doc = vehicles(b"<d:Brand>b</d:Brand><d:Unknown />")
    assert nc.from_xml(doc).vehicles[0].brand == "b"
    with pytest.raises(nc.XmlPayloadError, match="unknown element"):
        nc.from_xml(doc, strict=True)
    response = ResponseDto(data=VehicleLightDto(id_ws=3))
    known = [VehicleLightDto]  # Data is `object`: .NET needs VehicleLightDto known
    assert nc.from_xml(nc.to_xml(response, known_types=known), known_types=known) == response


@pytest.mark.parametrize(
    "limits",
    [nc.Limits(max_total_items=20), nc.Limits(max_depth=2), nc.Limits(max_string_length=8)],
)
def test_xml_quota_errors_name_the_same_place(limits: nc.Limits) -> None:
    doc = nc.to_xml(GROUPS[0])
    with pytest.raises(nc.QuotaExceededError) as fast:
        nc.from_xml(doc, limits=limits)
    with pytest.raises(nc.QuotaExceededError) as reference:
        on_reference(lambda: nc.from_xml(doc, limits=limits))
    assert str(fast.value) == str(reference.value)


def test_writers_give_up_on_values_they_do_not_handle() -> None:
    bad = CustomerGroupDto(vehicles=[VehicleLightDto(id_ws=2**40, vin="\x01")])
    with pytest.raises(nc.SerializationError) as xml_error:
        nc.to_xml(bad)
    assert [p.path for p in xml_error.value.problems] == ["Vehicles[0].IdWS", "Vehicles[0].VIN"]
    with pytest.raises(nc.SerializationError) as json_error:
        nc.to_json(bad)
    assert [p.path for p in json_error.value.problems] == ["Vehicles[0].IdWS"]
    odd = CustomerGroupDto(name="line\u2028break\x85", vehicles=[VehicleLightDto(vin="a\tb")])
    assert nc.to_json(odd) == reference_json(odd)
    assert nc.to_xml(odd) == reference_xml(odd)


def _generated_names() -> list[str]:
    folder = codegen._Switches.sources_folder
    return [
        name
        for name in linecache.cache
        if name.startswith("<netcontract generated")
        or (folder and name.startswith(str(Path(folder).resolve())))
    ]


def test_generated_source_is_in_linecache() -> None:
    nc.to_xml(GROUPS[0])
    names = _generated_names()
    assert any(re.search("xml.writer.*VehicleLightDto", name) for name in names)
    assert all(linecache.getline(name, 1).startswith("def ") for name in names)


def test_generated_sources_become_files_coverage_can_measure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # NETCONTRACT_GENERATED_SOURCES (set by `dev.py test`): each generated function is compiled
    # from a real file, so coverage reports the generated readers and writers too
    monkeypatch.setattr(codegen._Switches, "sources_folder", str(tmp_path / "generated"))

    @nc.contract(xml_namespace="urn:coverage-files")
    class CoveredOnce:
        name: str | None = None

    value = CoveredOnce(name="x")
    assert nc.from_xml(nc.to_xml(value), CoveredOnce) == value
    assert nc.from_json(nc.to_json(value), CoveredOnce) == value
    files = sorted(p.name for p in (tmp_path / "generated").iterdir())
    assert [f for f in files if "CoveredOnce" in f and f.startswith("xml_writer")] != []
    assert [f for f in files if "CoveredOnce" in f and f.startswith("json_")] != []
    assert not [f for f in files if f.endswith(".tmp")]
    for name in files:
        path = tmp_path / "generated" / name
        # named by content: the same source written again lands on the same file
        assert name.split("__")[-1] == hashlib.sha256(path.read_bytes()).hexdigest()[:16] + ".py"
        compile(path.read_text(), str(path), "exec")


def test_text_input_takes_the_generated_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    # was: from_json(str) (and decode_body, which passes text) always took the reference path
    from netcontract import conversions

    def no_reference(data: Any) -> Any:
        raise AssertionError("the reference path read the text")

    monkeypatch.setattr(conversions, "loads_strict", no_reference)
    for group in GROUPS[:2]:
        text = nc.to_json(group).decode("utf-8")
        with _no_fallback():
            assert nc.to_json(nc.from_json(text, CustomerGroupDto)) == nc.to_json(group)
            assert nc.from_json("\ufeff" + text, CustomerGroupDto) == nc.from_json(
                text.encode("utf-8"), CustomerGroupDto
            )


@pytest.mark.parametrize(
    "text",
    [
        '{"Name":"a\ud800b"}',  # a lone surrogate in the text itself
        '{"Vehicles":[{"Imei":"\udfff"}]}',
        '{"Name":"\ud83d\ude00"}',  # a pair as two code points: still two lone surrogates
        '{"Name":"\\ud800"}',  # escaped
        '{"\ud800":1}',
    ],
)
def test_text_with_lone_surrogates_is_refused_as_the_reference_path_refuses_it(text: str) -> None:
    assert outcome(lambda: nc.from_json(text, CustomerGroupDto)) == reference_from_json(
        text, CustomerGroupDto
    )


def test_generated_names_never_collide_with_constants() -> None:
    # a list of strings wrote `[_item_3(_item_3) for _item_3 in v1]` when the global name
    # counter happened to equal the number of constants: name() and const() share no name
    from netcontract.codegen import Source

    src = Source("test", "names")
    constants = {src.const(object(), "item") for _ in range(50)}
    names = {src.name("item") for _ in range(500)}
    assert not constants & names


@nc.contract(xml_namespace="http://netcontract/fast-qname")
@attrs.define
class _QNames:
    Before: int = 0
    Q: nc.XmlQualifiedName | None = None
    L: list[nc.XmlQualifiedName | None] | None = None
    O: object = None  # noqa: E741


def test_xml_qualified_names_go_to_the_reference_code_inline_without_fallback() -> None:
    # its prefix depends on the namespaces in scope: the generated reader and writer hand
    # the member (or list item) to the reference code, and keep the rest of the document
    q = nc.XmlQualifiedName
    value = _QNames(1, q("a", "urn:x"), [q("b", ""), None, q()], q("c", "urn:y"))
    with _no_fallback():
        for indent in (False, True):
            data = nc.to_xml(value, indent=indent)
            assert data == reference_xml(value, indent=indent)
            assert nc.from_xml(data, _QNames) == value
            assert reference_from_xml(data, _QNames) == (value, [])
        assert nc.to_json(value) == reference_json(value)
        assert nc.from_json(nc.to_json(value), _QNames) == attrs.evolve(
            value, O={"Namespace": "urn:y", "Name": "c", "IsEmpty": False}
        )
    doc = nc.to_xml(value).replace(b">b<", b">u:b<")  # an undeclared prefix
    assert outcome(lambda: nc.from_xml(doc, _QNames)) == reference_from_xml(doc, _QNames)
    bad = _QNames(Q=q("a", "urn:\u00e9"))
    with pytest.raises(nc.SerializationError) as fast:
        nc.to_xml(bad)
    with pytest.raises(nc.SerializationError) as reference:
        on_reference(lambda: nc.to_xml(bad))
    assert str(fast.value) == str(reference.value)


def test_collection_contracts_as_members_stay_on_the_generated_paths() -> None:
    # [CollectionDataContract] members: the generated paths read and write them (a list
    # member's reader makes the class; other members go through the reference member code
    # without a fallback); as the document, every path declines visibly (see below)
    from interop.collection_models import Holder, Map, samples

    holder = samples()["holder"]
    xml, json = nc.to_xml(holder), nc.to_json(holder)
    with _no_fallback():
        assert nc.to_xml(holder) == reference_xml(holder)
        assert nc.to_json(holder) == reference_json(holder)
        assert nc.from_xml(xml, Holder) == reference_from_xml(xml, Holder)[0]
        assert nc.from_json(json, Holder) == reference_from_json(json, Holder)[0]
    with _no_fallback(), pytest.raises(codegen.FallbackForbidden, match="collection contract"):
        nc.to_xml(Map(a=1))
