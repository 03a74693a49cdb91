"""Hostile and broken documents: each gets its required outcome, fast and in little memory,
without reading a local file or opening a connection.

The cases are the files in ``cases/`` (one per attack or defect; README.md in this folder
describes each) plus a few generated here because they are large. ``{CANARY_FILE}`` and
``{CANARY_URL}`` in a case are replaced by a named pipe and a listening loopback socket: if
the parser ever opened either, the test would see it.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import netcontract as nc
from netcontract.xml import walk
from netcontract.xml.parse import parse_xml_bytes
from vehizen import CustomerGroupDto, ResponseDto

CASES = Path(__file__).resolve().parent / "cases"
# CPU seconds per case: CPU time, not wall time, so other processes on a busy machine do not
# count (CI's 2 cores once made a 0.4 s case take 2.3 s of wall time); a quadratic path
# would still take far longer
TIME_LIMIT = 1.0
MEMORY_LIMIT = 64 * 1024 * 1024  # peak Python allocations per case (tracemalloc)


@dataclass(frozen=True)
class Expect:
    cls: type | None  # None: XML, the root element picks the class
    error: type[nc.NetContractError] | None  # None: the document must be read
    fragment: str  # in the error message, or in repr() of the value read
    check: Callable[[object], bool] | None = None


DOCTYPE = "a DOCTYPE (DTD) is not allowed"
XML = None
CG, RESP = CustomerGroupDto, ResponseDto
PE, JE, QE = nc.XmlPayloadError, nc.JsonPayloadError, nc.QuotaExceededError

EXPECTED: dict[str, Expect] = {
    # entity and DTD attacks: refused before libxml2 sees the DTD
    "billion_laughs.xml": Expect(XML, PE, DOCTYPE),
    "quadratic_blowup.xml": Expect(XML, PE, DOCTYPE),
    "xxe_local_file.xml": Expect(XML, PE, DOCTYPE),
    "xxe_url.xml": Expect(XML, PE, DOCTYPE),
    "external_dtd.xml": Expect(XML, PE, DOCTYPE),
    "parameter_entity.xml": Expect(XML, PE, DOCTYPE),
    "parameter_entity_url.xml": Expect(XML, PE, DOCTYPE),
    "entity_cycle.xml": Expect(XML, PE, DOCTYPE),
    "undeclared_entity.xml": Expect(XML, PE, "Entity 'nope' not defined"),
    # XInclude is never processed: an include element is just an element
    "xinclude.xml": Expect(XML, PE, "Name: expected text, found the element <include>"),
    "xinclude_ignored_position.xml": Expect(XML, None, "name='ok'"),
    # schemaLocation hints and processing instructions are not followed
    "xsi_schemalocation.xml": Expect(XML, None, "name='ok'"),
    "processing_instruction.xml": Expect(XML, None, "name='ok'"),
    # characters XML 1.0 cannot carry, as references or raw
    "char_ref_control.xml": Expect(XML, PE, "invalid xmlChar value 1"),
    "char_ref_nul.xml": Expect(XML, PE, "invalid xmlChar value 0"),
    "char_ref_surrogate.xml": Expect(XML, PE, "invalid xmlChar value 55296"),
    "char_ref_fffe.xml": Expect(XML, PE, "invalid xmlChar value 65534"),
    "raw_control_char.xml": Expect(XML, PE, "invalid Char value 1"),
    "raw_fffe.xml": Expect(XML, PE, "invalid Char value 65534"),
    "char_ref_cr.xml": Expect(XML, None, "name='a\\rb'"),
    "comment_and_cdata.xml": Expect(XML, None, "name='ab<&>c'"),
    # encodings
    "utf8_bom.xml": Expect(XML, None, "name='héllo'"),
    "utf16_bom.xml": Expect(XML, None, "name='héllo'"),
    "latin1_declared.xml": Expect(XML, PE, "declares encoding 'iso-8859-1'"),
    "encoding_mismatch.xml": Expect(XML, PE, "declares encoding 'utf-16' but is not UTF-16"),
    "invalid_utf8.xml": Expect(XML, PE, "Invalid bytes in character encoding"),
    "gzip_bytes.xml": Expect(XML, PE, "Start tag expected"),  # never un-gzipped
    # malformed
    "trailing_garbage.xml": Expect(XML, PE, "Extra content at the end of the document"),
    "not_xml.xml": Expect(XML, PE, "Start tag expected"),
    "empty.xml": Expect(XML, PE, "the document is empty"),
    "many_attributes.xml": Expect(XML, None, "name='ok'"),
    # JSON
    "deep_nesting.json": Expect(RESP, JE, "nested too deeply"),
    "deep_object_data.json": Expect(RESP, QE, "quota max_depth exceeded"),
    "huge_number.json": Expect(RESP, JE, "number with 10000 digits is too long"),
    "overflow_double.json": Expect(CG, JE, "TotalFuelUsed: '1E+400' is outside the Double range"),
    "nan_literal.json": Expect(
        CG, None, "total_fuel_used=nan", lambda g: g.vehicles[0].theoretical_consumption < 0
    ),
    "duplicate_keys.json": Expect(CG, JE, "duplicate member name 'Name'"),
    "duplicate_keys_other_case.json": Expect(CG, JE, "Name: member given twice (as 'NAME')"),
    "wrong_top_level.json": Expect(CG, JE, "expected an object (CustomerGroupDto), got an array"),
    "null_document.json": Expect(CG, JE, "the document is null"),
    "empty.json": Expect(CG, JE, "Expecting value"),
    "true_for_number.json": Expect(CG, JE, "Tolerance: expected an integer (Int32), got true"),
    "string_for_list.json": Expect(CG, JE, "Vehicles: expected an array, got the string '101'"),
    "dollar_type.json": Expect(CG, JE, "$type: metadata members"),
    "dollar_ref.json": Expect(CG, JE, "Vehicles[0].$ref: metadata members"),
    "dunder_type.json": Expect(CG, None, "name='x'"),  # an unknown member, ignored
    "lone_surrogate.json": Expect(CG, JE, "Name: the string holds a lone surrogate"),
    "lone_surrogate_in_data.json": Expect(RESP, JE, "lone surrogate"),
    "escaped_nul.json": Expect(CG, None, "name='a\\x00b'"),  # valid JSON; XML would refuse it
    "int32_overflow.json": Expect(CG, JE, "IdWS: 2147483648 is outside the Int32 range"),
    "trailing_comma.json": Expect(CG, JE, "Expecting property name"),
    "single_quotes.json": Expect(CG, JE, "Expecting property name"),
    "comment.json": Expect(CG, JE, "Expecting ','"),
    "trailing_text.json": Expect(CG, JE, "Extra data"),
    "invalid_utf8.json": Expect(CG, JE, "invalid UTF-8 at byte 10"),
    "encoded_surrogates.json": Expect(CG, JE, "invalid UTF-8 at byte 10"),
    "utf16.json": Expect(CG, JE, "invalid UTF-8 at byte 0"),
    "utf8_bom.json": Expect(CG, None, "name='x'"),
}


def _big_string_xml() -> bytes:
    return (
        b'<CustomerGroupDto xmlns="http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto.'
        b'CustomerGroup"><Name>' + b"x" * 2_000_000 + b"</Name></CustomerGroupDto>"
    )


def _many_items_xml() -> bytes:
    items = b"<a:string>e</a:string>" * 70_000
    return (
        b'<ResponseDto xmlns="http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto">'
        b'<Errors xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays">'
        + items
        + b"</Errors></ResponseDto>"
    )


def _declared(case: Path, declared: str, codec: str) -> bytes:
    """A case's text with an XML declaration of ``declared``, encoded with ``codec``."""
    text = case.read_text(encoding="utf-8").split("?>", 1)[-1].lstrip()
    return f'<?xml version="1.0" encoding="{declared}"?>\n{text}'.encode(codec)


def _doctype_after_long_prolog() -> bytes:
    # past the prolog pre-check's window: the post-parse check must still refuse it
    return (
        b"<!--"
        + b"c" * 40_000
        + b"-->"
        + (CASES / "billion_laughs.xml").read_bytes().split(b"\n", 1)[1]
    )


GENERATED: dict[str, tuple[Callable[[], bytes], Expect]] = {
    "huge_string.xml": (_big_string_xml, Expect(XML, QE, "Name: quota max_string_length")),
    "huge_string.json": (
        lambda: b'{"Name":"' + b"x" * 2_000_000 + b'"}',
        Expect(CG, QE, "Name: quota max_string_length"),
    ),
    "many_items.xml": (_many_items_xml, Expect(XML, QE, "Errors: quota max_collection_items")),
    "many_items.json": (
        lambda: b'{"Errors":[' + b",".join([b'"e"'] * 70_000) + b"]}",
        Expect(RESP, QE, "Errors: quota max_collection_items"),
    ),
    "deep_unknown_elements.xml": (
        lambda: (
            b"<ResponseDto xmlns='http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto'>"
            + b"<x>" * 10_000
            + b"</x>" * 10_000
            + b"</ResponseDto>"
        ),
        Expect(XML, PE, "Excessive depth"),
    ),
    "doctype_after_long_prolog.xml": (_doctype_after_long_prolog, Expect(XML, PE, "DOCTYPE")),
    # a DOCTYPE in encodings the prolog check once did not look at (libxml2 read them)
    "doctype_utf16_no_bom.xml": (
        lambda: _declared(CASES / "billion_laughs.xml", "utf-16", "utf-16-le"),
        Expect(XML, PE, DOCTYPE),
    ),
    "doctype_utf32.xml": (
        lambda: _declared(CASES / "xxe_local_file.xml", "utf-32", "utf-32"),
        Expect(XML, PE, "the document is UTF-32"),
    ),
}


class Canaries:
    """A named pipe and a loopback listener that record whether anything touched them."""

    def __init__(self, tmp: Path) -> None:
        self.fifo = tmp / "canary.txt"
        os.mkfifo(self.fifo)
        self.file_opened = threading.Event()
        self._writer = threading.Thread(target=self._wait_for_reader, daemon=True)
        self._writer.start()
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(8)
        self.server.setblocking(False)
        self.url = f"http://127.0.0.1:{self.server.getsockname()[1]}/canary.dtd"

    def _wait_for_reader(self) -> None:
        # opening a FIFO for writing blocks until somebody opens it for reading
        with open(self.fifo, "wb") as pipe:  # noqa: PTH123
            if not self.closing:
                self.file_opened.set()
            pipe.write(b"SECRET")

    closing = False

    def connection_attempted(self) -> bool:
        try:
            conn, _ = self.server.accept()
        except BlockingIOError:
            return False
        conn.close()
        return True

    def close(self) -> None:
        self.closing = True
        fd = os.open(self.fifo, os.O_RDONLY | os.O_NONBLOCK)  # release the writer thread
        self._writer.join(2)
        os.close(fd)
        self.server.close()


@pytest.fixture
def canaries(tmp_path: Path) -> Iterator[Canaries]:
    found = Canaries(tmp_path)
    yield found
    found.close()


def _run(data: bytes, expect: Expect) -> tuple[object, float, int]:
    tracemalloc.start()
    started = time.process_time()
    try:
        if expect.error is None:
            result: object = (
                nc.from_xml(data) if expect.cls is None else nc.from_json(data, expect.cls)
            )
        else:
            with pytest.raises(expect.error) as info:
                if expect.cls is None:
                    nc.from_xml(data)
                else:
                    nc.from_json(data, expect.cls)
            result = info.value
        elapsed = time.process_time() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return result, elapsed, peak


def _check(
    name: str,
    data: bytes,
    expect: Expect,
    canaries: Canaries | None = None,
) -> None:
    result, elapsed, peak = _run(data, expect)
    text = str(result) if expect.error is not None else repr(result)
    assert expect.fragment in text, f"{name}: {text[:300]}"
    if expect.check is not None:
        assert expect.check(result), name
    assert elapsed < TIME_LIMIT, f"{name} took {elapsed:.2f}s"
    assert peak < MEMORY_LIMIT, f"{name} peaked at {peak / 2**20:.1f} MiB"
    if canaries is not None:
        assert not canaries.file_opened.wait(0.05), f"{name} opened the canary file"
        assert not canaries.connection_attempted(), f"{name} connected to the canary URL"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_case(name: str, canaries: Canaries) -> None:
    raw = (CASES / name).read_bytes()
    data = raw.replace(b"{CANARY_FILE}", str(canaries.fifo).encode()).replace(
        b"{CANARY_URL}", canaries.url.encode()
    )
    _check(name, data, EXPECTED[name], canaries)


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_case(name: str) -> None:
    make, expect = GENERATED[name]
    # (the compiled walk declines a list of more items than max_collection_items before it
    # makes a tuple: the reader of lxml's elements meets the quota first, in the same bound)
    data = make()
    if name == "many_items.xml" and walk.ACTIVE:
        assert walk.walk(parse_xml_bytes(data), nc.Limits()) == (
            "more child elements than max_collection_items"
        )
    _check(name, data, expect)


def test_every_case_file_has_an_expectation_and_a_readme_row() -> None:
    files = {p.name for p in CASES.iterdir()}
    assert files == set(EXPECTED)
    readme = (CASES.parent / "README.md").read_text(encoding="utf-8")
    for name in [*EXPECTED, *GENERATED]:
        assert f"`{name}`" in readme, f"{name} is not described in tests/hostile/README.md"


def test_canaries_do_detect_access(canaries: Canaries) -> None:
    """The detectors themselves work: opening the pipe and connecting are both seen."""
    with open(canaries.fifo, "rb") as pipe:  # noqa: PTH123
        assert pipe.read() == b"SECRET"
    assert canaries.file_opened.wait(2)
    with socket.create_connection(canaries.server.getsockname()):
        time.sleep(0.05)
        assert canaries.connection_attempted()


def test_max_bytes_is_checked_before_parsing() -> None:
    limits = nc.Limits(max_bytes=100)
    big = b"{" + b" " * 200 + b"}"
    for call in (
        lambda: nc.from_json(big, CustomerGroupDto, limits=limits),
        lambda: nc.from_xml(b"<" + b"x" * 200, limits=limits),
    ):
        with pytest.raises(nc.QuotaExceededError) as info:
            call()
        assert info.value.quota == "max_bytes"
        assert "quota max_bytes exceeded (more than 100 bytes)" in str(info.value)


@pytest.mark.parametrize(
    ("limits", "quota"),
    [
        (nc.Limits(max_depth=2), "max_depth"),
        (nc.Limits(max_string_length=3), "max_string_length"),
        (nc.Limits(max_collection_items=1), "max_collection_items"),
        (nc.Limits(max_total_items=4), "max_total_items"),
    ],
)
def test_every_limit_has_an_effect_in_both_formats(limits: nc.Limits, quota: str) -> None:
    from vehizen import ExternalInterfaceHeaderDto, VehicleLightDto

    group = CustomerGroupDto(
        name="long name",
        vehicles=[
            VehicleLightDto(external_interfaces=[ExternalInterfaceHeaderDto()] * 2),
            VehicleLightDto(),
        ],
    )
    assert nc.from_xml(nc.to_xml(group)) == group  # the defaults let it through
    for read in (
        lambda: nc.from_xml(nc.to_xml(group), limits=limits),
        lambda: nc.from_json(nc.to_json(group), CustomerGroupDto, limits=limits),
    ):
        with pytest.raises(nc.QuotaExceededError) as info:
            read()
        assert info.value.quota == quota


def test_every_test_the_promise_table_names_exists() -> None:
    """tests/hostile/README.md names the test behind each promise of the README: they exist."""
    readme = (CASES.parent / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Each promise of the README") :]
    names = re.findall(r"::(\w+)`", table) + re.findall(r"`(test_\w+)`", table)
    assert len(names) >= 15
    tests = Path(__file__).resolve().parents[1]
    source = "\n".join(p.read_text(encoding="utf-8") for p in tests.rglob("test_*.py"))
    for name in names:
        stem = name.replace("*", "\\w*")
        pattern = rf"def {stem}\b"
        assert re.search(pattern, source), f"{name} is named in the promise table but not defined"
