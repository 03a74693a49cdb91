"""netcontract convert --layout stream: XML as DataContractSerializer.WriteObject(Stream)
writes it (to_xml(obj, layout="stream"); its bytes are proven against Mono in
tests/interop/test_stream_layout_interop.py)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import netcontract as nc
from netcontract.cli import main
from vehizen import CustomerGroupDto

# a short document (members left out) is read by the reference JSON reader
pytestmark = pytest.mark.falls_back

GROUP_JSON = (
    b'{"Name": "g", "Vehicles": [{"Name": "v <1>", "IdWS": 3}],'
    b' "Id": "0f8fad5b-d9cb-469f-a165-70867728950e"}'
)


def run(*args: str, stdin: bytes = b"") -> tuple[int, bytes, str]:
    out, err = io.BytesIO(), io.StringIO()
    status = main(list(args), stdin=io.BytesIO(stdin), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_convert_writes_the_stream_layout() -> None:
    group = nc.from_json(GROUP_JSON, CustomerGroupDto)
    status, out, err = run(
        "convert", "--type", "CustomerGroupDto", "--layout", "stream", "-", stdin=GROUP_JSON
    )
    assert (status, err) == (0, "")
    assert out == nc.to_xml(group, layout="stream") + b"\n"
    assert out != nc.to_xml(group) + b"\n"
    # and back: XML in either layout is read
    status, back, _ = run("convert", "--type", "CustomerGroupDto", "-", stdin=out)
    assert status == 0
    assert nc.from_json(back, CustomerGroupDto) == group


def test_default_layout_is_the_writer_layout() -> None:
    group = nc.from_json(GROUP_JSON, CustomerGroupDto)
    _, out, _ = run("convert", "--type", "CustomerGroupDto", "-", stdin=GROUP_JSON)
    assert out == nc.to_xml(group) + b"\n"


def test_stream_layout_with_indent_is_a_usage_error() -> None:
    status, out, err = run(
        "convert",
        "--type",
        "CustomerGroupDto",
        "--layout",
        "stream",
        "--indent",
        "-",
        stdin=GROUP_JSON,
    )
    assert (status, out) == (2, b"")
    assert err == (
        "netcontract: error: --layout stream cannot be indented (.NET's WriteObject(Stream) writer"
        " has no indentation)\n"
    )


def test_stream_layout_to_json_is_a_usage_error() -> None:
    xml = nc.to_xml(nc.from_json(GROUP_JSON, CustomerGroupDto))
    status, out, err = run("convert", "--layout", "stream", "-", stdin=xml)
    assert (status, out) == (2, b"")
    assert err == "netcontract: error: --layout stream applies to XML output, not to json\n"


def test_folder_stream_layout_applies_to_the_xml_it_writes(tmp_path: Path) -> None:
    group = nc.from_json(GROUP_JSON, CustomerGroupDto)
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.json").write_bytes(GROUP_JSON)
    (src / "b.xml").write_bytes(nc.to_xml(group))
    out = tmp_path / "out"
    status, _, err = run(
        "convert",
        str(src),
        "--type",
        "CustomerGroupDto",
        "--layout",
        "stream",
        "--out",
        str(out),
        "--quiet",
    )
    assert status == 0, err
    assert (out / "a.xml").read_bytes() == nc.to_xml(group, layout="stream") + b"\n"
    assert nc.from_json((out / "b.json").read_bytes(), CustomerGroupDto) == group
