"""Corpora (``draw_corpus``, ``write_corpus``) and the ``sample`` and ``fixtures`` commands."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import netcontract as nc
from netcontract.cli import main
from vehizen import CustomerGroupDto, ResponseDto
from vehizen.domain.dto import CameraType

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures"
GUID = re.compile(rb"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def run(*args: str) -> tuple[int, bytes, str]:
    out, err = io.BytesIO(), io.StringIO()
    status = main(list(args), stdin=io.BytesIO(), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def tree(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


# ------------------------------------------------------------------------------ draw_corpus


def test_draw_corpus_is_deterministic_for_a_seed():
    a = [nc.to_json(v) for v in nc.draw_corpus(CustomerGroupDto, count=15, seed=4)]
    b = [nc.to_json(v) for v in nc.draw_corpus(CustomerGroupDto, count=15, seed=4)]
    c = [nc.to_json(v) for v in nc.draw_corpus(CustomerGroupDto, count=15, seed=5)]
    assert a == b
    assert a != c


def test_draw_corpus_gives_exactly_count_distinct_values():
    values = nc.draw_corpus(CustomerGroupDto, count=40, seed=0)
    assert len(values) == 40
    assert all(type(v) is CustomerGroupDto for v in values)
    assert len({nc.to_json(v) for v in values}) == 40
    assert nc.draw_corpus(CustomerGroupDto, count=0) == []


def test_draw_corpus_refuses_more_values_than_the_type_has():
    assert nc.draw_corpus(CameraType, count=1) == [CameraType.WITHOUT_CAMERA]
    with pytest.raises(ValueError, match="only 1 distinct"):
        nc.draw_corpus(CameraType, count=2)


def test_draw_corpus_bad_arguments():
    with pytest.raises(ValueError, match="count"):
        nc.draw_corpus(CustomerGroupDto, count=-1)
    with pytest.raises(TypeError, match="seed"):
        nc.draw_corpus(CustomerGroupDto, count=1, seed="1")  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- write_corpus


def test_write_corpus_files_and_manifest(tmp_path):
    manifest = nc.write_corpus(CustomerGroupDto, tmp_path / "new" / "dir", count=6, seed=2)
    out = tmp_path / "new" / "dir"
    on_disk = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert on_disk == manifest
    assert manifest["type"] == "vehizen.domain.dto.customer_group:CustomerGroupDto"
    assert manifest["contract"] == {
        "name": "CustomerGroupDto",
        "namespace": "http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto.CustomerGroup",
    }
    assert (manifest["count"], manifest["seed"], manifest["formats"]) == (6, 2, ["json", "xml"])
    assert set(manifest["versions"]) == {"netcontract", "hypothesis"}
    assert len(manifest["documents"]) == 6
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(
        ["manifest.json"]
        + [f"CustomerGroupDto-{i:04d}.{ext}" for i in range(6) for ext in ("json", "xml")]
    )
    for doc in manifest["documents"]:
        for fmt, entry in doc["files"].items():
            data = (out / entry["file"]).read_bytes()
            assert entry["bytes"] == len(data)
            assert entry["sha256"] == hashlib.sha256(data).hexdigest()
            assert not data.endswith(b"\n")
            # every document reads back and is written again byte for byte
            obj = nc.from_json(data, CustomerGroupDto) if fmt == "json" else nc.from_xml(data)
            again = nc.to_json(obj) if fmt == "json" else nc.to_xml(obj)
            assert again == data
        # the two files of one document hold the same value (JSON carries all XML carries)
        json_file, xml_file = doc["files"]["json"]["file"], doc["files"]["xml"]["file"]
        from_json = nc.from_json((out / json_file).read_bytes(), CustomerGroupDto)
        assert nc.to_xml(from_json) == (out / xml_file).read_bytes()


def test_write_corpus_one_format_indented(tmp_path):
    manifest = nc.write_corpus(ResponseDto, tmp_path, count=3, formats=["xml"], indent=True)
    assert manifest["formats"] == ["xml"]
    assert manifest["indent"] is True
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".json", ".xml", ".xml", ".xml"]
    first = (tmp_path / "ResponseDto-0000.xml").read_bytes()
    assert b"\n  <" in first


def test_write_corpus_refuses_bad_arguments(tmp_path):
    with pytest.raises(ValueError, match="formats"):
        nc.write_corpus(CustomerGroupDto, tmp_path, count=1, formats=["yaml"])
    with pytest.raises(ValueError, match="formats"):
        nc.write_corpus(CustomerGroupDto, tmp_path, count=1, formats=[])
    with pytest.raises(TypeError, match="not a contract"):
        nc.write_corpus(CameraType, tmp_path, count=1)
    assert list(tmp_path.iterdir()) == []


# -------------------------------------------------------------------------- the sample command


@pytest.mark.parametrize(("base", "fmt"), [("customer_group", "json"), ("response", "xml")])
def test_sample_command_prints_the_help_page_sample(base, fmt):
    status, out, err = run(
        "sample", base.title().replace("_", "") + "Dto", "--format", fmt, "--indent"
    )
    assert (status, err) == (0, "")
    expected = (FIXTURES / f"{base}.{fmt}").read_bytes() + b"\n"
    # only the GUIDs differ from the help page (the default clock is the page's DateTime.Now)
    assert GUID.sub(b"G", out) == GUID.sub(b"G", expected)


def test_sample_command_default_is_compact_json_and_seed_changes_only_guids():
    status, out, _ = run("sample", "CustomerGroupDto")
    assert status == 0
    assert out == nc.to_json(nc.help_page_sample(CustomerGroupDto)) + b"\n"
    _, seeded, _ = run("sample", "CustomerGroupDto", "--seed", "42")
    assert seeded == nc.to_json(nc.help_page_sample(CustomerGroupDto, seed=42)) + b"\n"
    assert seeded != out
    assert GUID.sub(b"G", seeded) == GUID.sub(b"G", out)


def test_sample_command_errors(capsys):
    status, out, err = run("sample", "NoSuchDto")
    assert (status, out) == (2, b"")
    assert err.startswith("netcontract: error: unknown type 'NoSuchDto'")
    status, _, _ = run("sample", "CustomerGroupDto", "--format", "yaml")
    assert status == 2
    argparse_err = capsys.readouterr().err  # argparse writes its usage errors to sys.stderr
    assert "invalid choice: 'yaml'" in argparse_err
    assert "Traceback" not in argparse_err


# ------------------------------------------------------------------------ the fixtures command


def test_fixtures_command_is_deterministic_for_a_seed(tmp_path):
    args = ["fixtures", "CustomerGroupDto", "--count", "5", "--seed", "11", "--out"]
    status, out, err = run(*args, str(tmp_path / "a"))
    assert (status, err) == (0, "")
    assert out.decode() == (
        f"{tmp_path / 'a' / 'manifest.json'}: 5 CustomerGroupDto documents"
        " (10 files: json, xml), seed 11\n"
    )
    run(*args, str(tmp_path / "b"))
    run(*args[:-2], "12", "--out", str(tmp_path / "c"))
    assert tree(tmp_path / "a") == tree(tmp_path / "b")
    assert tree(tmp_path / "a") != tree(tmp_path / "c")


def test_fixtures_command_gives_the_same_bytes_in_another_process(tmp_path):
    # another interpreter, another hash seed: the corpus depends on --seed alone
    run("fixtures", "ResponseDto", "--count", "8", "--seed", "3", "--out", str(tmp_path / "here"))
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    command = [sys.executable, "-m", "netcontract", "fixtures", "ResponseDto", "--count", "8"]
    done = subprocess.run(
        [*command, "--seed", "3", "--out", str(tmp_path / "there")],
        env=env,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert tree(tmp_path / "here") == tree(tmp_path / "there")


def test_fixtures_command_one_format(tmp_path):
    status, out, _ = run(
        "fixtures",
        "ResponseDto",
        "--count",
        "2",
        "--format",
        "json",
        "--indent",
        "--out",
        str(tmp_path),
    )
    assert status == 0
    assert b"(2 files: json)" in out
    assert sorted(tree(tmp_path)) == [
        "ResponseDto-0000.json",
        "ResponseDto-0001.json",
        "manifest.json",
    ]


def test_fixtures_command_usage_errors(tmp_path, monkeypatch, capsys):
    a_file = tmp_path / "file"
    a_file.write_bytes(b"")
    cases = [
        (["fixtures", "CustomerGroupDto", "--count", "-1", "--out", str(tmp_path)], "--count"),
        (["fixtures", "CustomerGroupDto", "--count", "1", "--out", str(a_file / "x")], "write"),
        (["fixtures", "CustomerGroupDto", "--count", "x", "--out", str(tmp_path)], "invalid count"),
        (["fixtures", "CustomerGroupDto", "--count", "1"], "--out"),
        (["fixtures", "NoSuchDto", "--out", str(tmp_path)], "unknown type"),
    ]
    for args, message in cases:
        status, out, err = run(*args)
        err += capsys.readouterr().err  # argparse writes its usage errors to sys.stderr
        assert (status, out) == (2, b""), args
        assert message in err, (args, err)
        assert "Traceback" not in err
    # without hypothesis installed
    monkeypatch.setitem(sys.modules, "hypothesis", None)
    monkeypatch.delitem(sys.modules, "netcontract.strategies")
    status, _, err = run("fixtures", "CustomerGroupDto", "--out", str(tmp_path / "h"))
    assert status == 2
    assert "pip install 'netcontract[test]'" in err


def test_write_corpus_honours_the_umask_and_keeps_an_existing_mode(tmp_path):
    import stat

    (tmp_path / "CustomerGroupDto-0000.json").write_bytes(b"old")
    (tmp_path / "CustomerGroupDto-0000.json").chmod(0o600)
    previous = os.umask(0o027)
    try:
        nc.write_corpus(CustomerGroupDto, tmp_path, count=1, formats=["json", "xml"])
    finally:
        os.umask(previous)
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir()}
    assert modes == {
        "CustomerGroupDto-0000.json": 0o600,  # kept
        "CustomerGroupDto-0000.xml": 0o640,  # 0o666 minus the umask
        "manifest.json": 0o640,
    }
