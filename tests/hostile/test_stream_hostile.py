"""Hostile input against the streaming readers (issue 18): the defences of ``from_xml`` and
``from_json`` hold for ``iter_xml`` and ``iter_json``, a bad item is refused after the good
items before it, and memory stays bounded whatever the document's size.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import netcontract as nc
from vehizen import CustomerGroupDto, VehicleLightDto

from .test_hostile import CASES, EXPECTED, GENERATED, Canaries, canaries  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
MIB = 1024 * 1024


def _collection(count: int, indent: bool = False) -> bytes:
    out = io.BytesIO()
    nc.write_xml_items(
        out, [VehicleLightDto(id_ws=i) for i in range(count)], VehicleLightDto, indent=indent
    )
    return out.getvalue()


def _array(count: int) -> bytes:
    out = io.BytesIO()
    nc.write_json_items(out, [VehicleLightDto(id_ws=i) for i in range(count)], VehicleLightDto)
    return out.getvalue()


def _error_after(iterator: Any) -> tuple[int, nc.NetContractError]:
    count = 0
    try:
        for _ in iterator:
            count += 1
    except nc.NetContractError as exc:
        return count, exc
    raise AssertionError("no error")


def _insert_in_item(data: bytes, index: int, extra: bytes, xml: bool = True) -> bytes:
    """``extra`` inserted at the start of item ``index``'s content."""
    marker = b"<VehicleLightDto>" if xml else b"{"
    position = -1
    for _ in range(index + 1):
        position = data.index(marker, position + 1)
    position += len(marker)
    return data[:position] + extra + data[position:]


# -- the whole-document readers' refusals of syntax -----------------------------------


def _syntax_cases() -> list[str]:
    """The XML cases from_xml refuses as syntax (DTDs, entities, encodings, characters)."""
    return sorted(
        name
        for name, expect in EXPECTED.items()
        if name.endswith(".xml")
        and expect.error is nc.XmlPayloadError
        and ":" not in expect.fragment.split(" ")[0]  # not a member's problem
    )


@pytest.mark.parametrize("name", _syntax_cases())
def test_streaming_refuses_what_from_xml_refuses_as_syntax(name: str, canaries: Canaries) -> None:  # noqa: F811
    raw = (CASES / name).read_bytes()
    data = raw.replace(b"{CANARY_FILE}", str(canaries.fifo).encode()).replace(
        b"{CANARY_URL}", canaries.url.encode()
    )
    with pytest.raises(nc.XmlPayloadError) as whole:
        nc.from_xml(data)
    if not isinstance(whole.value, nc.XmlSyntaxError):
        pytest.skip("a problem of the document's members, not of its syntax")
    with pytest.raises(nc.XmlSyntaxError) as streamed:
        list(nc.iter_xml(io.BytesIO(data), VehicleLightDto, path="Vehicles"))
    if name != "undeclared_entity.xml":
        assert EXPECTED[name].fragment in str(streamed.value)
    # (libxml2's push parser stops at an undeclared entity without a word: lxml then says
    # "no element found" at the end; the document is refused all the same)
    assert not canaries.file_opened.wait(0.05), f"{name} opened the canary file"
    assert not canaries.connection_attempted(), f"{name} connected to the canary URL"


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_streaming_refuses_the_generated_cases(name: str) -> None:
    make, expect = GENERATED[name]
    data = make()
    if expect.error is None or not name.endswith(".xml"):
        return
    with pytest.raises(nc.PayloadError) as whole:
        nc.from_xml(data)
    if not isinstance(whole.value, nc.XmlSyntaxError):
        return
    with pytest.raises(nc.XmlSyntaxError) as streamed:
        list(nc.iter_xml(io.BytesIO(data), VehicleLightDto))
    assert expect.fragment in str(streamed.value)


def test_billion_laughs_in_a_collection_is_refused_before_any_item() -> None:
    laughs = (CASES / "billion_laughs.xml").read_bytes()
    dtd = laughs[laughs.index(b"<!DOCTYPE") : laughs.index(b"]>") + 2]
    data = b'<?xml version="1.0"?>\n' + dtd + _collection(3)
    count, exc = _error_after(nc.iter_xml(io.BytesIO(data), VehicleLightDto))
    assert count == 0
    assert "a DOCTYPE (DTD) is not allowed" in str(exc)


def test_a_doctype_behind_a_prolog_longer_than_max_item_bytes_is_refused() -> None:
    data = b"<!--" + b"x" * (2 * MIB) + b"-->" + b"<!DOCTYPE a []>" + _collection(1)
    limits = nc.Limits(max_item_bytes=MIB)
    with pytest.raises(nc.QuotaExceededError) as info:
        list(nc.iter_xml(io.BytesIO(data), VehicleLightDto, limits=limits))
    assert info.value.quota == "max_item_bytes"


# -- deep, wide, huge, truncated --------------------------------------------------------


def test_deep_nesting_in_an_item_is_refused_after_the_items_before_it() -> None:
    deep = b"<X>" * 300 + b"</X>" * 300  # past libxml2's 256 levels (huge_tree is off)
    data = _insert_in_item(_collection(5), 3, deep)
    count, exc = _error_after(nc.iter_xml(io.BytesIO(data), VehicleLightDto))
    assert count == 3
    assert isinstance(exc, nc.XmlSyntaxError)
    assert "Excessive depth" in str(exc)
    deep_json = b'"X":' + b"[" * 100 + b"]" * 100 + b","
    text = _insert_in_item(_array(5), 3, deep_json, xml=False)
    count, exc = _error_after(nc.iter_json(io.BytesIO(text), VehicleLightDto))
    assert count == 3
    assert isinstance(exc, nc.QuotaExceededError)
    assert exc.quota == "max_depth"


@pytest.mark.falls_back  # an unknown member: the reference reader, as in from_json
def test_max_depth_counts_the_levels_above_the_item_as_from_json() -> None:
    # the array is one level: an item of depth max_depth - 1 passes, one more does not
    limits = nc.Limits(max_depth=4)
    ok = b'[{"X":[[]]}]'  # array, item, X, inner: 4
    assert len(list(nc.iter_json(io.BytesIO(ok), VehicleLightDto, limits=limits))) == 1
    with pytest.raises(nc.QuotaExceededError):
        list(nc.iter_json(io.BytesIO(b'[{"X":[[[]]]}]'), VehicleLightDto, limits=limits))


def test_a_wide_item_is_bounded_by_max_item_bytes() -> None:
    wide = b"<X/>" * 300_000  # 1.2 MB of unknown siblings in one item
    limits = nc.Limits(max_item_bytes=MIB)
    data = _insert_in_item(_collection(5), 2, wide)
    count, exc = _error_after(nc.iter_xml(io.BytesIO(data), VehicleLightDto, limits=limits))
    assert count == 2
    assert isinstance(exc, nc.QuotaExceededError)
    assert exc.quota == "max_item_bytes"
    assert exc.problems[0].path == "[2]"
    wide_json = b"".join(b'"X%d":0,' % i for i in range(150_000))
    text = _insert_in_item(_array(5), 2, wide_json, xml=False)
    count, exc = _error_after(nc.iter_json(io.BytesIO(text), VehicleLightDto, limits=limits))
    assert count == 2
    assert isinstance(exc, nc.QuotaExceededError)
    assert (exc.quota, exc.problems[0].path) == ("max_item_bytes", "[2]")
    # within the quota, a wide item is read (its unknown members ignored, as from_json)
    assert len(list(nc.iter_xml(io.BytesIO(data), VehicleLightDto))) == 5


def test_a_huge_item_is_refused_without_being_buffered_whole() -> None:
    huge = b"<Name>" + b"a" * (3 * MIB) + b"</Name>"
    limits = nc.Limits(max_item_bytes=MIB)
    data = _insert_in_item(_collection(3), 1, huge)
    count, exc = _error_after(nc.iter_xml(io.BytesIO(data), VehicleLightDto, limits=limits))
    assert (count, getattr(exc, "quota", None)) == (1, "max_item_bytes")
    text = _insert_in_item(_array(3), 1, b'"Name":"' + b"a" * (3 * MIB) + b'",', xml=False)
    count, exc = _error_after(nc.iter_json(io.BytesIO(text), VehicleLightDto, limits=limits))
    assert (count, getattr(exc, "quota", None)) == (1, "max_item_bytes")


def test_a_long_stretch_between_items_is_bounded() -> None:
    limits = nc.Limits(max_item_bytes=MIB)
    data = _collection(2).replace(
        b"</VehicleLightDto>", b"</VehicleLightDto>" + b" " * (2 * MIB), 1
    )
    count, exc = _error_after(nc.iter_xml(io.BytesIO(data), VehicleLightDto, limits=limits))
    assert (count, getattr(exc, "quota", None)) == (1, "max_item_bytes")
    text = _array(2).replace(b"},", b"}," + b" " * (2 * MIB), 1)
    count, exc = _error_after(nc.iter_json(io.BytesIO(text), VehicleLightDto, limits=limits))
    assert (count, getattr(exc, "quota", None)) == (1, "max_item_bytes")


@pytest.mark.parametrize("cut", [0.3, 0.5, 0.99])
def test_truncation_mid_stream_raises_after_the_good_items(cut: float) -> None:
    data = _collection(50, indent=True)
    end = int(len(data) * cut)
    complete = data[:end].count(b"</VehicleLightDto>")
    count, exc = _error_after(nc.iter_xml(io.BytesIO(data[:end]), VehicleLightDto))
    assert isinstance(exc, nc.XmlSyntaxError)
    # never an item cut short (lxml ends the open elements on an error: those events are
    # dropped); the parser may hold the last complete one back
    assert complete - 2 <= count <= complete
    # named with the first item not yielded, as a refused item is
    assert exc.problems[0].path == f"[{count}]"
    text = _array(50)
    end = int(len(text) * cut)
    count, exc = _error_after(nc.iter_json(io.BytesIO(text[:end]), VehicleLightDto))
    assert isinstance(exc, nc.JsonSyntaxError)
    assert count == text[:end].count(b"},") or count == text[:end].count(b"},") + 1
    assert exc.problems[0].path == f"[{count}]"


def test_a_syntax_error_before_the_list_is_the_documents() -> None:
    data = _collection(3)
    cut = data.index(b">")  # in the root's start tag: before the list
    count, exc = _error_after(nc.iter_xml(io.BytesIO(data[:cut]), VehicleLightDto))
    assert (count, type(exc), exc.problems[0].path) == (0, nc.XmlSyntaxError, "")
    # (after the root's end the last item may still be withheld: the first not yielded)
    count, exc = _error_after(nc.iter_xml(io.BytesIO(data + b"<x>"), VehicleLightDto))
    assert count in (2, 3)
    assert (type(exc), exc.problems[0].path) == (nc.XmlSyntaxError, f"[{count}]")
    count, exc = _error_after(nc.iter_json(io.BytesIO(_array(3) + b"x"), VehicleLightDto))
    assert (count, type(exc), exc.problems[0].path) == (3, nc.JsonSyntaxError, "")
    count, exc = _error_after(nc.iter_json(io.BytesIO(b'{"Name":'), VehicleLightDto, path="V"))
    assert (count, type(exc), exc.problems[0].path) == (0, nc.JsonSyntaxError, "")


@pytest.mark.parametrize(
    "skipped",
    [b"[1}", b'{"a"]]', b"tru", b'"a\\q"', b'"\xff"', b"01", b"1 2", b"[" * 5000 + b"]" * 5000],
    ids=["bracket", "brace", "word", "escape", "utf8", "leading-zero", "two", "deep"],
)
@pytest.mark.parametrize("before", [True, False], ids=["before", "after"])
def test_a_member_skipped_beside_the_list_is_checked_as_from_json_checks_it(
    skipped: bytes, before: bool
) -> None:
    # The README promises the syntax of the skipped members is checked: iter_json scanned
    # only their extent, and yielded the items of documents from_json refuses (and Json.NET
    # 6.0.8 on Mono: "Unexpected character", "Bad JSON escape sequence").
    vehicles = b'"Vehicles":[{"IdWs":1}]'
    data = (
        b'{"Name":' + skipped + b"," + vehicles + b"}"
        if before
        else b"{" + vehicles + b',"Name":' + skipped + b"}"
    )
    with pytest.raises(nc.JsonSyntaxError):
        nc.from_json(data, CustomerGroupDto)
    with pytest.raises(nc.JsonSyntaxError):
        list(nc.iter_json(io.BytesIO(data), VehicleLightDto, path="Vehicles"))


def test_the_per_item_quotas_apply_and_the_document_size_does_not() -> None:
    limits = nc.Limits(max_bytes=1000, max_total_items=1000)
    # far more than max_bytes and max_total_items in all: each item is within them
    assert (
        len(list(nc.iter_xml(io.BytesIO(_collection(2000)), VehicleLightDto, limits=limits)))
        == 2000
    )
    assert len(list(nc.iter_json(io.BytesIO(_array(2000)), VehicleLightDto, limits=limits))) == 2000
    long = VehicleLightDto(name="a" * 20)  # (a DateTime's text has 19 characters)
    out = io.BytesIO()
    nc.write_xml_items(out, [VehicleLightDto(), long], VehicleLightDto)
    count, exc = _error_after(
        nc.iter_xml(
            io.BytesIO(out.getvalue()), VehicleLightDto, limits=nc.Limits(max_string_length=19)
        )
    )
    assert (count, getattr(exc, "quota", None)) == (1, "max_string_length")
    assert exc.problems[0].path == "[1].Name"


# -- memory ----------------------------------------------------------------------------

CHILD = r"""
import io, json, sys
import netcontract as nc
from vehizen import VehicleLightDto

kind, total = sys.argv[1], int(sys.argv[2])
NAME = "v" * 100_000


class Generated(io.RawIOBase):
    # a document of ``total`` bytes made as it is read: nothing of it is held here
    def __init__(self):
        one = VehicleLightDto(name=NAME)
        if kind == "xml":
            out = io.BytesIO()
            nc.write_xml_items(out, [one], VehicleLightDto)
            data = out.getvalue()
            start = data.index(b">") + 1
            end = data.rindex(b"</")
            self.head, self.item, self.tail = data[:start], data[start:end], data[end:]
            self.sep = b""
        else:
            self.head, self.item, self.tail, self.sep = b"[", nc.to_json(one), b"]", b","
        self.count = total // len(self.item)
        self.parts = self._parts()
        self.buffer = b""

    def _parts(self):
        yield self.head
        for i in range(self.count):
            if i:
                yield self.sep
            yield self.item
        yield self.tail

    def readable(self):
        return True

    def read(self, size=-1):
        while len(self.buffer) < size:
            part = next(self.parts, None)
            if part is None:
                break
            self.buffer += part
        chunk, self.buffer = self.buffer[:size], self.buffer[size:]
        return chunk


def status(key):
    for line in open("/proc/self/status"):
        if line.startswith(key + ":"):
            return int(line.split()[1]) * 1024
    raise AssertionError(key)


read = nc.iter_xml if kind == "xml" else nc.iter_json
source = Generated()
items = read(source, VehicleLightDto)
next(items)  # warmed up: the readers are built
with open("/proc/self/clear_refs", "w") as f:
    f.write("5")
before = status("VmRSS")
count = 1 + sum(1 for _ in items)
print(json.dumps({"count": count, "expected": source.count, "rise": status("VmHWM") - before,
                  "peak": status("VmHWM")}))
"""


@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="Linux's /proc")
@pytest.mark.parametrize("kind", ["xml", "json"])
def test_a_200_mb_document_streams_in_bounded_memory(kind: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, kind, str(200 * 1000 * 1000)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        timeout=600,
    )
    result = json.loads(done.stdout)
    assert result["count"] == result["expected"] > 900
    # measured: a rise of a few MB; a reader that kept the items' trees would take > 200 MB
    assert result["rise"] < 64 * MIB, result
    assert result["peak"] < 150 * MIB, result
