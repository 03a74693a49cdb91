"""The command line: sniffing, types, exit codes, messages without tracebacks."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from netcontract.cli import main

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def run(*args: str, stdin: bytes = b"") -> tuple[int, bytes, str]:
    out, err = io.BytesIO(), io.StringIO()
    status = main(list(args), stdin=io.BytesIO(stdin), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_types_lists_the_bundled_contracts():
    status, out, _ = run("types")
    assert status == 0
    lines = out.decode().splitlines()
    assert any(
        line.startswith("CustomerGroupDto\tvehizen.domain.dto.customer_group:") for line in lines
    )
    assert any(line.startswith("ResponseDto\t") for line in lines)


def test_type_by_module_path():
    status, out, _ = run(
        "convert",
        "--type",
        "vehizen.domain.dto:ResponseDto",
        str(FIXTURES / "response.json"),
    )
    assert status == 0
    assert out == (FIXTURES / "response.compact.xml").read_bytes() + b"\n"


def test_json_to_json_with_explicit_formats():
    status, out, _ = run(
        "convert",
        "--type",
        "ResponseDto",
        "--from",
        "json",
        "--to",
        "json",
        "-",
        stdin=(FIXTURES / "response.json").read_bytes(),
    )
    assert (status, out) == (0, (FIXTURES / "response.compact.json").read_bytes() + b"\n")


def test_bad_payload_exits_1_with_one_line_per_problem():
    status, out, err = run(
        "convert",
        "--type",
        "CustomerGroupDto",
        "-",
        stdin=b'{"CustomerId":"x","Vehicles":[{"Tolerance":1.5}]}',
    )
    assert status == 1
    assert out == b""
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("netcontract: CustomerId: ")
    assert lines[1].startswith("netcontract: Vehicles[0].Tolerance: ")
    assert "Traceback" not in err


def test_unwritable_value_exits_1():
    status, _, err = run(
        "convert",
        "--type",
        "CustomerGroupDto",
        "--to",
        "xml",
        "-",
        stdin=b'{"Vehicles":[{"CameraType":7}]}',
    )
    assert status == 1
    assert err.startswith("netcontract: Vehicles[0].CameraType: enum value '7' is invalid")


@pytest.mark.parametrize(
    ("args", "stdin", "fragment"),
    [
        (("convert", "--type", "Nope", "-"), b"{}", "unknown type 'Nope'"),
        (("convert", "-"), b"{}", "--type is required"),
        (("convert", "-"), b"hello", "cannot tell the input format"),
        (("convert", "/no/such/file"), b"", "cannot read"),
        (("convert", "--type", "os:path", "-"), b"{}", "not a contract class"),
    ],
)
def test_usage_errors_exit_2(args, stdin, fragment):
    status, out, err = run(*args, stdin=stdin)
    assert status == 2
    assert out == b""
    assert fragment in err


def test_argparse_errors_exit_2(capsys):
    assert main(["convert", "--to", "yaml"]) == 2
    assert main([]) == 2
    capsys.readouterr()


def test_console_script_entry_point_runs_without_traceback():
    proc = subprocess.run(
        [sys.executable, "-m", "netcontract", "convert", "-"],
        input=b"<CustomerGroupDto",
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 1
    assert b"Traceback" not in proc.stderr
    assert proc.stderr.startswith(b"netcontract: <root>: ")


def test_out_file_is_written_whole(tmp_path):
    target = tmp_path / "group.xml"
    status, out, _ = run(
        "convert",
        "--type",
        "CustomerGroupDto",
        "--out",
        str(target),
        str(FIXTURES / "customer_group.json"),
    )
    assert (status, out) == (0, b"")
    assert target.read_bytes() == (FIXTURES / "customer_group.compact.xml").read_bytes() + b"\n"


def test_failed_conversion_leaves_the_out_file_untouched(tmp_path):
    target = tmp_path / "group.xml"
    target.write_bytes(b"previous content")
    status, _, err = run(
        "convert",
        "--type",
        "CustomerGroupDto",
        "--out",
        str(target),
        "-",
        stdin=b'{"Vehicles":[{"CameraType":7}]}',  # readable, but not writable as XML
    )
    assert status == 1
    assert "CameraType" in err
    assert target.read_bytes() == b"previous content"
    assert [p.name for p in tmp_path.iterdir()] == ["group.xml"]  # no temporary file left


def test_a_write_that_fails_midway_leaves_nothing(tmp_path, monkeypatch):
    import os

    from netcontract import cli as _cli

    target = tmp_path / "out.json"

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="No space"):
        _cli.write_atomically(target, b"x" * 100_000)
    assert list(tmp_path.iterdir()) == []


def test_folder_conversion_reports_bad_files_and_converts_the_good_ones(tmp_path):
    source, out_dir = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    (source / "a.xml").write_bytes((FIXTURES / "customer_group.xml").read_bytes())
    (source / "b.xml").write_bytes((FIXTURES / "response.xml").read_bytes())
    (source / "broken.xml").write_bytes(b"<CustomerGroupDto")
    (source / "bad.json").write_bytes(b'{"IdWS":1}')  # no --type: JSON cannot name its type
    (source / "notes.txt").write_bytes(b"ignored")
    status, _, err = run("convert", "--indent", "--out", str(out_dir), str(source))
    assert status == 1
    assert sorted(p.name for p in out_dir.iterdir()) == ["a.json", "b.json"]
    assert (out_dir / "a.json").read_bytes() == (
        FIXTURES / "customer_group.json"
    ).read_bytes() + b"\n"
    lines = err.splitlines()
    assert any(line.startswith(f"netcontract: {source / 'broken.xml'}: <root>: ") for line in lines)
    assert any(f"{source / 'bad.json'}: --type is required" in line for line in lines)
    assert lines[-1] == f"netcontract: 2 converted, 2 refused, into {out_dir}"


def test_folder_needs_out(tmp_path):
    status, _, err = run("convert", str(tmp_path))
    assert status == 2
    assert "needs --out" in err
