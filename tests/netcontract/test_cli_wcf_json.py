"""``netcontract convert --from wcf-json`` and ``--to wcf-json`` (DataContractJsonSerializer)."""

from __future__ import annotations

import io
from pathlib import Path

import netcontract as nc
from netcontract.cli import main
from vehizen import CustomerGroupDto, VehicleLightDto

GROUP = CustomerGroupDto(name="a/b", vehicles=[VehicleLightDto(id_ws=7)])


def run(*args: str, stdin: bytes = b"") -> tuple[int, bytes, str]:
    out, err = io.BytesIO(), io.StringIO()
    status = main(list(args), stdin=io.BytesIO(stdin), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_convert_xml_to_wcf_json_writes_dotnet_bytes() -> None:
    # a Vehizen group has Unspecified DateTimes: --lossy writes them as .NET does
    status, out, err = run("convert", "--to", "wcf-json", "--lossy", "-", stdin=nc.to_xml(GROUP))
    assert (status, err) == (0, "")
    assert out == nc.to_wcf_json(GROUP, lossy=True) + b"\n"
    assert b'"Name":"a\\/b"' in out


def test_convert_to_wcf_json_refuses_what_dotnet_would_lose_without_lossy() -> None:
    status, out, err = run("convert", "--to", "wcf-json", "-", stdin=nc.to_xml(GROUP))
    assert (status, out) == (1, b"")
    assert "Unspecified" in err and "Vehicles[0]." in err


def test_convert_from_wcf_json_to_xml_by_default() -> None:
    data = nc.to_wcf_json(GROUP, lossy=True)
    status, out, err = run(
        "convert", "--from", "wcf-json", "--type", "CustomerGroupDto", stdin=data
    )
    assert (status, err) == (0, "")
    assert out == nc.to_xml(nc.from_wcf_json(data, CustomerGroupDto)) + b"\n"


def test_convert_from_wcf_json_indented_round_trip() -> None:
    data = nc.to_wcf_json(GROUP, lossy=True)
    status, out, _ = run(
        "convert", "--from", "wcf-json", "--to", "wcf-json", "--indent", "--type",
        "CustomerGroupDto", stdin=data,
    )  # fmt: skip
    assert status == 0
    assert out == nc.to_wcf_json(GROUP, indent=True, lossy=True) + b"\n"
    assert b"\r\n" in out


def test_convert_from_wcf_json_needs_a_type_and_refuses_with_paths() -> None:
    status, _, err = run("convert", "--from", "wcf-json", stdin=b"{}")
    assert status == 2 and "--type is required" in err
    status, _, err = run(
        "convert", "--from", "wcf-json", "--type", "CustomerGroupDto", stdin=b'{"Vehicles":{}}'
    )
    assert status == 1
    assert err == "netcontract: Vehicles: expected an array, got an object\n"
    assert "Traceback" not in err


def test_convert_folder_to_wcf_json_names_files_json(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "g.xml").write_bytes(nc.to_xml(GROUP))
    status, _, err = run(
        "convert", str(source), "--to", "wcf-json", "--lossy", "--out", str(tmp_path / "out")
    )
    assert status == 0, err
    assert (tmp_path / "out" / "g.json").read_bytes() == nc.to_wcf_json(GROUP, lossy=True) + b"\n"


@nc.contract("SimpleDictCli")
class HS:
    d: dict[str, nc.Int32] | None = nc.member("D", default=None)


def test_convert_simple_dictionaries_both_ways() -> None:
    # UseSimpleDictionaryFormat: dict[str, V] as a JSON object (tests/netcontract/json/
    # test_wcf_simple_dictionaries.py has Mono's bytes)
    value = HS(d={"a": 1, "b/": 2})
    simple = nc.to_wcf_json(value, simple_dictionaries=True)
    assert simple == b'{"D":{"a":1,"b\\/":2}}'
    status, out, err = run(
        "convert", "--to", "wcf-json", "--simple-dictionaries", "-", stdin=nc.to_xml(value)
    )
    assert (status, out, err) == (0, simple + b"\n", "")
    type_name = f"{HS.__module__}:HS"
    status, out, err = run(
        "convert",
        "--from",
        "wcf-json",
        "--simple-dictionaries",
        "--type",
        type_name,
        "--to",
        "xml",
        "-",
        stdin=simple,
    )
    assert (status, err) == (0, ""), err
    assert out == nc.to_xml(value) + b"\n"
    status, out, err = run("convert", "--to", "json", "--simple-dictionaries", "-", stdin=b"<a/>")
    assert status == 2 and "--simple-dictionaries applies to WCF JSON" in err
