"""Streaming against .NET (issue 18): a large ``ArrayOfVehicleLightDto`` written by Mono's
DataContractSerializer is read by ``iter_xml`` as the whole-document list reader reads it,
``write_xml_items`` gives back Mono's bytes, and Mono reads the streamed document back.

Mono: ``dotnet/StreamList.cs`` (the Vehizen twin of ``dotnet/Contracts.cs``).
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest

import netcontract as nc
from netcontract.cli import main
from netcontract.limits import ReadContext
from netcontract.model.wire import Slot, list_type, resolve_annotation
from netcontract.xml.parse import parse_xml
from netcontract.xml.read import reader_for
from vehizen import VehicleLightDto

from ._mono import DOTNET_DIR, MONO_MISSING_REASON, find_newtonsoft, mono_available

ITEMS = 20_000


@pytest.fixture(scope="module")
def stream_list(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not mono_available():
        pytest.skip(MONO_MISSING_REASON)
    newtonsoft = find_newtonsoft()
    assert newtonsoft is not None
    build = tmp_path_factory.mktemp("stream-list")
    shutil.copyfile(newtonsoft, build / "Newtonsoft.Json.dll")
    exe = build / "StreamList.exe"
    subprocess.run(
        [
            "mcs",
            "-nologo",
            f"-out:{exe}",
            "-r:System.Runtime.Serialization",
            "-r:System.Xml",
            f"-r:{build / 'Newtonsoft.Json.dll'}",
            str(DOTNET_DIR / "Contracts.cs"),
            str(DOTNET_DIR / "StreamList.cs"),
        ],
        check=True,
        capture_output=True,
    )
    return exe


def _mono(exe: Path, *args: str, stdin: bytes = b"") -> bytes:
    done = subprocess.run(
        ["mono", str(exe), *args],
        input=stdin,
        capture_output=True,
        cwd=exe.parent,
        env={"MONO_PATH": str(exe.parent), "TZ": "UTC", "PATH": "/usr/bin:/bin"},
        check=True,
        timeout=600,
    )
    return done.stdout


def _whole(data: bytes) -> list[VehicleLightDto]:
    slot = Slot(list_type(resolve_annotation(VehicleLightDto)), optional=False)
    ctx = ReadContext()
    items = reader_for(slot)(parse_xml(data), "", ctx)
    assert not ctx.problems
    return items  # type: ignore[no-any-return]


@pytest.mark.parametrize("layout", ["none", "indent"])
def test_a_large_mono_collection_streams_exactly(stream_list: Path, layout: str) -> None:
    mono_bytes = _mono(stream_list, "write", str(ITEMS), layout)
    assert len(mono_bytes) > 20_000_000  # tens of thousands of vehicles
    streamed = list(nc.iter_xml(io.BytesIO(mono_bytes), VehicleLightDto))
    assert len(streamed) == ITEMS
    assert streamed == _whole(mono_bytes)  # (no NaN in these values: == is exact here)
    assert streamed[1].name == "Véhicule <1> & \r\n"
    # the streamed write is what Mono writes for the same document read (not always its first
    # bytes: Mono's double text does not round-trip, "1247.3012473" is read back as
    # 1247.3012472999999 by Mono and by netcontract alike, which emulates the CLR's parse)
    out = io.BytesIO()
    nc.write_xml_items(out, streamed, VehicleLightDto, indent=layout == "indent")
    assert out.getvalue() == _mono(stream_list, "read", layout, stdin=mono_bytes)
    # and Mono reads the streamed document back, writing the same bytes
    assert _mono(stream_list, "read", layout, stdin=out.getvalue()) == out.getvalue()


@pytest.mark.parametrize("layout", ["none", "indent"])
def test_cli_converts_a_mono_list_root_to_monos_bytes(stream_list: Path, layout: str) -> None:
    """``netcontract convert --type 'list[vehizen:VehicleLightDto]'``: Mono's List<T> document
    to JSON and back to XML gives the bytes Mono writes for the list it reads."""

    def convert(data: bytes, *options: str) -> bytes:
        out, err = io.BytesIO(), io.StringIO()
        args = ["convert", "--type", "list[vehizen:VehicleLightDto]", *options, "-"]
        status = main(args, stdin=io.BytesIO(data), stdout=out, stderr=err)
        assert status == 0, err.getvalue()
        return out.getvalue()

    mono_bytes = _mono(stream_list, "write", "50", layout)
    json_text = convert(mono_bytes)
    assert json_text.startswith(b'[{"IdWS":0,')
    indent = ["--indent"] if layout == "indent" else []
    xml = convert(json_text, "--to", "xml", *indent)
    assert xml == _mono(stream_list, "read", layout, stdin=mono_bytes) + b"\n"
