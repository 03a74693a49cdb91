"""The benchmark document as .NET writes it: bench/DotnetDocument.cs, compiled and run with Mono.

    python bench/dotnet_document.py [--vehicles 2000]

writes ``bench/data/customer_group_dotnet_<n>_<hash of the C# sources>.xml`` and ``.json``
(kept: later calls reuse them) and prints their paths. DataContractSerializer writes the XML
and Json.NET the JSON, from values as live data has them (all 7 tick digits, computed
doubles): the values .NET sends, which cost netcontract more than the ones
``bench/generate.py`` writes. Needs mono, mcs and Newtonsoft.Json.dll (as the interop tests
do)."""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOTNET = HERE.parent / "tests" / "interop" / "dotnet"
CONTRACTS = DOTNET / "Contracts.cs"
#: the generator of the values, shared with tests/interop/test_stream_document_interop.py
LIVE_VEHICLES = DOTNET / "LiveVehicles.cs"
NEWTONSOFT = (
    Path("/usr/lib/cli/Newtonsoft.Json-5.0/Newtonsoft.Json.dll"),
    Path("/usr/lib/mono/gac/Newtonsoft.Json/6.0.0.0__b9a188c8922137c6/Newtonsoft.Json.dll"),
)

__all__ = ["dotnet_documents"]


def _newtonsoft() -> Path:
    override = os.environ.get("NETCONTRACT_NEWTONSOFT_DLL")
    for path in (Path(override),) if override else NEWTONSOFT:
        if path.is_file():
            return path
    raise RuntimeError("Newtonsoft.Json.dll not found (set NETCONTRACT_NEWTONSOFT_DLL)")


def _xml_path(vehicles: int, folder: Path) -> Path:
    # named by the generator's sources too: an edit of them makes a new document
    sources = (CONTRACTS, LIVE_VEHICLES, HERE / "DotnetDocument.cs")
    digest = hashlib.sha256(b"".join(path.read_bytes() for path in sources))
    return folder / f"customer_group_dotnet_{vehicles}_{digest.hexdigest()[:8]}.xml"


def dotnet_documents(vehicles: int = 2000, folder: Path = HERE / "data") -> tuple[bytes, bytes]:
    """(XML, JSON) of ``vehicles`` vehicles as Mono writes them, made once and kept."""
    xml_path = _xml_path(vehicles, folder)
    json_path = xml_path.with_suffix(".json")
    if not (xml_path.exists() and json_path.exists()):
        mono, mcs = shutil.which("mono"), shutil.which("mcs")
        if mono is None or mcs is None:
            raise RuntimeError("the .NET-written document needs mono and mcs")
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            build = Path(tmp)
            shutil.copyfile(_newtonsoft(), build / "Newtonsoft.Json.dll")
            exe = build / "DotnetDocument.exe"
            subprocess.run(
                [
                    mcs, "-nologo", f"-out:{exe}", "-r:System.Runtime.Serialization",
                    "-r:System.Xml", f"-r:{build / 'Newtonsoft.Json.dll'}",
                    str(CONTRACTS), str(LIVE_VEHICLES), str(HERE / "DotnetDocument.cs"),
                ],
                check=True,
                capture_output=True,
            )  # fmt: skip
            subprocess.run(
                [mono, str(exe), str(vehicles), str(xml_path), str(json_path)],
                check=True,
                capture_output=True,
                cwd=build,
                # TZ=UTC: a Local DateTime is written with +00:00 on every machine
                env={"MONO_PATH": str(build), "TZ": "UTC", "PATH": "/usr/bin:/bin"},
            )
    return xml_path.read_bytes(), json_path.read_bytes()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vehicles", type=int, default=2000)
    args = parser.parse_args()
    dotnet_documents(args.vehicles)
    xml_path = _xml_path(args.vehicles, HERE / "data")
    print(xml_path)
    print(xml_path.with_suffix(".json"))


if __name__ == "__main__":
    main()
