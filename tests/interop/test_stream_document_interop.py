"""Streaming against .NET on a large, varied document (issue 18): Mono writes 2,000
``VehicleLightDto`` with live data's values (``dotnet/StreamDocument.cs`` over
``dotnet/LiveVehicles.cs``, the generator ``bench/DotnetDocument.cs`` uses too: 7-digit ticks,
Utc and Local DateTimes, computed doubles, nulls, empty lists, XML and JSON specials), as a
``List<VehicleLightDto>`` and as a ``CustomerGroupDto`` holding it, with DataContractSerializer
(``XmlWriter.Create`` compact and indented, ``WriteObject(Stream)``) and Json.NET
(``Formatting.None`` and ``Indented``).

For each document: ``iter_xml``/``iter_json`` yield exactly what ``from_xml``/``from_json``
read from the whole document (the list, or the group's ``Vehicles`` through ``path=``), also
from a file object that returns a few bytes per read; ``write_xml_items``/``write_json_items``
and the ListWriters write Mono's bytes back exactly (the expected bytes are Mono's); and a
document cut short raises a syntax error, named with the item it broke in, after yielding the
complete items before the cut.
One Mono run writes all ten documents (about 50 MB) for the module.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from typing import Any, Final

import pytest

import netcontract as nc
from vehizen import CustomerGroupDto, VehicleLightDto

from ._csharp import compile_program, run_program
from ._mono import MONO_MISSING_REASON, mono_available

pytestmark = pytest.mark.interop

VEHICLES: Final = 2000
XML_LAYOUTS: Final = ("writer", "indent", "stream")
JSON_LAYOUTS: Final = ("compact", "indent")

#: the bytes each read returns in the trickled reads (the readers ask for 64 KiB)
TRICKLE: Final = (1, 7, 3, 13, 2, 64)


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Mono's documents by file name (``list-writer.xml``, ``group-indent.json``...)."""
    if not mono_available():
        pytest.skip(MONO_MISSING_REASON)
    build = tmp_path_factory.mktemp("stream-document")
    exe = compile_program("StreamDocument", build, ["Contracts.cs", "LiveVehicles.cs"])
    out = build / "documents"
    out.mkdir()
    # TZ=UTC: a Local DateTime is written with +00:00 on every machine
    run_program(exe, str(VEHICLES), str(out), timeout=300)
    return {path.name: path.read_bytes() for path in out.iterdir()}


class Trickle(io.RawIOBase):
    """A binary file object returning a few bytes per read, whatever is asked for."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pos = 0
        self._reads = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        step = TRICKLE[self._reads % len(TRICKLE)]
        self._reads += 1
        out = self._data[self._pos : self._pos + step]
        self._pos += len(out)
        return out


def _xml_name(kind: str, layout: str) -> str:
    return f"{kind}-{layout}.xml"


def _json_name(kind: str, layout: str) -> str:
    return f"{kind}.json" if layout == "compact" else f"{kind}-indent.json"


_whole_cache: dict[str, list[VehicleLightDto]] = {}


def _whole(documents: dict[str, bytes], name: str) -> list[VehicleLightDto]:
    """The vehicles the whole-document reader reads: ``from_xml``/``from_json`` of the
    ``CustomerGroupDto`` Mono wrote in the same format and layout (read once). The list
    documents hold the same vehicles (``test_from_xml_and_from_json_read_the_lists_alike``);
    their own whole read is a collection as the document, left to the reference reader, which
    ``NETCONTRACT_NO_FALLBACK`` forbids in the streaming tests."""
    group = name.replace("list", "group", 1)
    if group not in _whole_cache:
        data = documents[group]
        read = nc.from_xml if group.endswith(".xml") else nc.from_json
        vehicles = read(data, CustomerGroupDto).vehicles
        assert vehicles is not None
        assert len(vehicles) == VEHICLES
        _whole_cache[group] = vehicles
    return _whole_cache[group]


@pytest.mark.falls_back  # a List<T> as the document: the reference reader
def test_from_xml_and_from_json_read_the_lists_alike(documents: dict[str, bytes]) -> None:
    for name, data in documents.items():
        if name.startswith("list"):
            read = nc.from_xml if name.endswith(".xml") else nc.from_json
            assert read(data, list[VehicleLightDto]) == _whole(documents, name), name


def test_the_documents_are_large_and_varied(documents: dict[str, bytes]) -> None:
    assert len(documents) == 10
    assert all(len(data) > 3_000_000 for data in documents.values())
    vehicles = _whole(documents, "group-writer.xml")
    # live data's values, not a pattern: Local and Utc dates with 7 tick digits, nulls,
    # empty and absent lists, text with XML/JSON specials, long computed doubles
    assert b"+00:00</" in documents["list-writer.xml"]
    assert any(v.utc_end_of_lease is None for v in vehicles)
    assert any(v.external_interfaces == [] for v in vehicles)
    assert any(v.external_interfaces is None for v in vehicles)
    assert any(v.external_interfaces for v in vehicles)
    assert any(v.name and "\r\n" in v.name for v in vehicles)
    assert any(v.name and "<Volvo>" in v.name for v in vehicles)
    assert any(len(repr(v.total_fuel_used)) >= 17 for v in vehicles)
    # every layout holds the same vehicles
    for name in documents:
        assert _whole(documents, name) == vehicles, name


@pytest.mark.parametrize("layout", XML_LAYOUTS)
def test_iter_xml_reads_monos_list_as_from_xml(documents: dict[str, bytes], layout: str) -> None:
    name = _xml_name("list", layout)
    data = documents[name]
    whole = _whole(documents, name)
    # (no NaN in these values: == is exact here)
    assert list(nc.iter_xml(io.BytesIO(data), VehicleLightDto)) == whole
    assert list(nc.iter_xml(Trickle(data), VehicleLightDto)) == whole


@pytest.mark.parametrize("layout", XML_LAYOUTS)
def test_iter_xml_reads_monos_group_vehicles_as_from_xml(
    documents: dict[str, bytes], layout: str
) -> None:
    name = _xml_name("group", layout)
    data = documents[name]
    whole = _whole(documents, name)
    assert list(nc.iter_xml(io.BytesIO(data), VehicleLightDto, path="Vehicles")) == whole
    assert list(nc.iter_xml(Trickle(data), VehicleLightDto, path="Vehicles")) == whole


@pytest.mark.parametrize("layout", XML_LAYOUTS)
def test_the_xml_writers_write_monos_list_bytes(documents: dict[str, bytes], layout: str) -> None:
    name = _xml_name("list", layout)
    mono_bytes = documents[name]  # the expected bytes: Mono's
    vehicles = _whole(documents, name)
    options: dict[str, Any] = (
        {"layout": "stream"} if layout == "stream" else {"indent": layout == "indent"}
    )
    out = io.BytesIO()
    assert nc.write_xml_items(out, iter(vehicles), VehicleLightDto, **options) == VEHICLES
    assert out.getvalue() == mono_bytes
    out = io.BytesIO()
    with nc.XmlListWriter(out, VehicleLightDto, **options) as writer:
        for vehicle in nc.iter_xml(io.BytesIO(mono_bytes), VehicleLightDto):
            writer.write(vehicle)
    assert out.getvalue() == mono_bytes


@pytest.mark.parametrize("layout", JSON_LAYOUTS)
def test_iter_json_reads_monos_list_as_from_json(documents: dict[str, bytes], layout: str) -> None:
    name = _json_name("list", layout)
    data = documents[name]
    whole = _whole(documents, name)
    assert list(nc.iter_json(io.BytesIO(data), VehicleLightDto)) == whole
    assert list(nc.iter_json(Trickle(data), VehicleLightDto)) == whole


@pytest.mark.parametrize("layout", JSON_LAYOUTS)
def test_iter_json_reads_monos_group_vehicles_as_from_json(
    documents: dict[str, bytes], layout: str
) -> None:
    name = _json_name("group", layout)
    data = documents[name]
    whole = _whole(documents, name)
    assert list(nc.iter_json(io.BytesIO(data), VehicleLightDto, path="Vehicles")) == whole
    assert list(nc.iter_json(Trickle(data), VehicleLightDto, path="Vehicles")) == whole


@pytest.mark.parametrize("layout", JSON_LAYOUTS)
def test_the_json_writers_write_monos_list_bytes(documents: dict[str, bytes], layout: str) -> None:
    name = _json_name("list", layout)
    mono_bytes = documents[name]  # the expected bytes: Json.NET's on Mono
    vehicles = _whole(documents, name)
    indent = layout == "indent"
    out = io.BytesIO()
    assert nc.write_json_items(out, iter(vehicles), VehicleLightDto, indent=indent) == VEHICLES
    assert out.getvalue() == mono_bytes
    out = io.BytesIO()
    with nc.JsonListWriter(out, VehicleLightDto, indent=indent) as writer:
        for vehicle in nc.iter_json(io.BytesIO(mono_bytes), VehicleLightDto):
            writer.write(vehicle)
    assert out.getvalue() == mono_bytes


# -- cut short ----------------------------------------------------------------------------

#: where the documents are cut: near the start, mid-way, near the end (fractions of the length)
CUTS: Final = (0.002, 0.37, 0.9995)


#: the end of a vehicle (in the group, in the list's namespace: prefixed)
_XML_ITEM_END: Final = re.compile(rb"</(?:\w+:)?VehicleLightDto>")
#: the start of a vehicle (IdWS is its first member); the last one started is cut
_JSON_ITEM_START: Final = re.compile(rb'"IdWS":')


def _streams() -> Iterator[tuple[str, str | None, Callable[..., Iterator[Any]], re.Pattern[bytes]]]:
    """(document name, path, reader, the pattern that counts the complete vehicles)."""
    for kind in ("list", "group"):
        path = None if kind == "list" else "Vehicles"
        for layout in XML_LAYOUTS:
            yield _xml_name(kind, layout), path, nc.iter_xml, _XML_ITEM_END
        for layout in JSON_LAYOUTS:
            yield _json_name(kind, layout), path, nc.iter_json, _JSON_ITEM_START


@pytest.mark.parametrize(("name", "path", "reader", "marker"), list(_streams()))
@pytest.mark.parametrize("cut", CUTS)
def test_a_document_cut_short_raises_after_the_complete_items(
    documents: dict[str, bytes],
    name: str,
    path: str | None,
    reader: Callable[..., Iterator[Any]],
    marker: re.Pattern[bytes],
    cut: float,
) -> None:
    data = documents[name]
    whole = _whole(documents, name)
    end = int(len(data) * cut)
    head = data[:end]
    complete = len(marker.findall(head)) - (1 if name.endswith(".json") else 0)
    assert 0 < complete < VEHICLES - 1
    got: list[Any] = []
    with pytest.raises(nc.NetContractError) as raised:
        for item in reader(
            Trickle(head) if cut == CUTS[0] else io.BytesIO(head), VehicleLightDto, path=path
        ):
            got.append(item)
    error = raised.value
    assert isinstance(error, nc.XmlSyntaxError if name.endswith(".xml") else nc.JsonSyntaxError)
    # the items before the cut, never one cut short; the last complete one may be withheld
    assert complete - 1 <= len(got) <= complete
    assert got == whole[: len(got)]
    # named with the path of the first item not yielded, as a refused item is
    assert [p.path for p in error.problems] == [f"{path or ''}[{len(got)}]"]
    assert str(error).startswith(f"{path or ''}[{len(got)}]: ")
