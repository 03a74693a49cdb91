"""``--json-settings FILE`` on ``convert`` and ``serve`` (README, "Matching your server's JSON
settings"). Non-default settings are honoured by the reference code (marked ``falls_back``)."""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

import netcontract as nc
from netcontract.cli import main
from vehizen import CustomerGroupDto, VehicleLightDto

pytestmark = pytest.mark.falls_back

GROUP = CustomerGroupDto(name="Flotte", vehicles=[VehicleLightDto(id_ws=5)])


def run(*args: str, stdin: bytes = b"") -> tuple[int, bytes, str]:
    out, err = io.BytesIO(), io.StringIO()
    status = main(list(args), stdin=io.BytesIO(stdin), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def camel_toml(tmp_path: Path) -> Path:
    path = tmp_path / "server.toml"
    path.write_text(
        '# an ASP.NET Web API server\ncontract_resolver = "CamelCase"\n'
        'null_value_handling = "Ignore"\nstring_enum_converter = true\n'
    )
    return path


def test_convert_writes_and_reads_with_the_settings(camel_toml: Path) -> None:
    settings = nc.JsonSettings.from_file(camel_toml)
    status, out, err = run(
        "convert",
        "--type",
        "CustomerGroupDto",
        "--json-settings",
        str(camel_toml),
        "--to",
        "json",
        "-",
        stdin=nc.to_json(GROUP),
    )
    assert (status, err) == (0, "")
    assert out == nc.to_json(GROUP, settings=settings) + b"\n"
    assert b'"vehicles":[{"idws":5,' in out and b"null" not in out
    # and back to XML, read with the same settings
    status, xml, err = run(
        "convert", "--type", "CustomerGroupDto", "--json-settings", str(camel_toml), "-", stdin=out
    )
    assert (status, err) == (0, "")
    assert xml == nc.to_xml(GROUP) + b"\n"


def test_convert_refuses_unknown_members_with_missing_member_handling_error(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text('{"MissingMemberHandling": "Error"}')
    status, _, err = run(
        "convert",
        "--type",
        "CustomerGroupDto",
        "--json-settings",
        str(path),
        "-",
        stdin=b'{"Name":"x","Nmae":"y"}',
    )
    assert status == 1
    assert err == (
        "netcontract: Nmae: CustomerGroupDto has no member of this name"
        " (MissingMemberHandling.Error)\n"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"null_value_handling": "Skip"}', "'Skip' is not one of Include, Ignore"),
        ('{"Resolver": "CamelCase"}', "unknown JSON setting 'Resolver'"),
        ("not json", "not a readable settings file"),
    ],
)
def test_a_bad_settings_file_is_a_usage_error_naming_it(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text)
    status, out, err = run(
        "convert", "--type", "CustomerGroupDto", "--json-settings", str(path), "-"
    )
    assert (status, out) == (2, b"")
    assert message in err and str(path) in err and "Traceback" not in err


def test_a_missing_settings_file_is_a_usage_error(tmp_path: Path) -> None:
    status, _, err = run("serve", "--json-settings", str(tmp_path / "none.toml"))
    assert status == 2
    assert "cannot read" in err and "none.toml" in err


def test_serve_with_settings_answers_as_the_configured_server(camel_toml: Path) -> None:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "netcontract",
            "serve",
            "--port",
            "0",
            "--log-level",
            "warning",
            "--json-settings",
            str(camel_toml),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # the settings are honoured by the reference code: the falls_back marker does not
        # reach a child process, so the no-fallback switch is left out of its environment
        env={k: v for k, v in os.environ.items() if k != "NETCONTRACT_NO_FALLBACK"},
    )
    try:
        assert proc.stdout is not None
        banner = proc.stdout.readline()
        port = re.search(rb"http://127\.0\.0\.1:(\d+)/api/v2/CustomerGroup", banner)
        assert port is not None, banner
        url = f"http://127.0.0.1:{int(port.group(1))}/api/v2/CustomerGroup"
        body = nc.to_json(GROUP, settings=nc.JsonSettings.from_file(camel_toml))
        answer = httpx.post(url, content=body, headers={"Content-Type": "application/json"})
        assert answer.status_code == 200
        assert answer.content.startswith(b'{"isValid":true,"errors":[],"data":"')
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    assert (proc.returncode, err) == (130, b"netcontract: interrupted\n")


@pytest.mark.parametrize(
    "formats", [("--from", "xml", "--to", "wcf-json"), ("--from", "wcf-json", "--to", "xml")]
)
def test_settings_where_no_json_net_json_is_read_or_written_are_a_usage_error(
    camel_toml: Path, formats: tuple[str, ...]
) -> None:
    # they would be silently ignored: DataContractJsonSerializer has no Json.NET settings
    data = nc.to_xml(GROUP) if formats[1] == "xml" else nc.to_wcf_json(GROUP, lossy=True)
    status, out, err = run(
        "convert",
        "--type",
        "CustomerGroupDto",
        *formats,
        "--json-settings",
        str(camel_toml),
        "-",
        stdin=data,
    )
    assert (status, out) == (2, b"")
    assert "--json-settings applies to Json.NET JSON (json, ndjson), not to xml or wcf-json" in err
