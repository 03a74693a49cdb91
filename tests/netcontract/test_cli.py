"""The command line: sniffing, types, exit codes, messages without tracebacks."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from netcontract._cli import main

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
