"""Python side of ``dotnet/ImportProbe.cs``: Mono's XsdDataContractImporter over a schema set,
the imported C# compiled, and payloads converted by those classes (DataContractSerializer and
Json.NET), one Mono process per schema set."""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
from pathlib import Path

import attrs
from lxml import etree

from ._mono import DOTNET_DIR, find_newtonsoft

WSDL = "http://schemas.xmlsoap.org/wsdl/"
XS = "http://www.w3.org/2001/XMLSchema"


Output = bytes | str
"""bytes: what Mono wrote; str: "ExceptionType: message" of the failure."""


@attrs.frozen
class Answer:
    error: str | None  #: "ExceptionType: message" when Mono refused the payload
    xml: Output = b""  #: DataContractSerializer, not indented
    json: Output = b""  #: JsonConvert.SerializeObject
    wcf: Output = b""  #: DataContractJsonSerializer


def _output(field: str) -> Output:
    return field[1:] if field.startswith("!") else base64.b64decode(field)


def build_probe(build: Path) -> Path:
    """Compile ImportProbe.exe into ``build`` (with Newtonsoft.Json.dll next to it)."""
    newtonsoft = find_newtonsoft()
    assert newtonsoft is not None
    shutil.copyfile(newtonsoft, build / "Newtonsoft.Json.dll")
    exe = build / "ImportProbe.exe"
    cmd = [
        "mcs",
        "-nologo",
        f"-out:{exe}",
        "-r:System.Runtime.Serialization",
        "-r:System.Xml",
        f"-r:{build / 'Newtonsoft.Json.dll'}",
        str(DOTNET_DIR / "ImportProbe.cs"),
        str(DOTNET_DIR / "ImportFiller.cs"),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return exe


def xsd_folder(source: Path, target: Path) -> Path:
    """``source``'s schemas as .xsd files in ``target``: each ``.xsd`` copied, each schema of a
    ``.wsdl``'s ``wsdl:types`` written as its own file (what XmlSchemaSet takes)."""
    target.mkdir(parents=True, exist_ok=True)
    files = sorted(source.iterdir()) if source.is_dir() else [source]
    for path in files:
        if path.suffix.lower() == ".xsd":
            shutil.copyfile(path, target / path.name)
        elif path.suffix.lower() == ".wsdl":
            root = etree.parse(str(path)).getroot()
            schemas = root.iterfind(f"{{{WSDL}}}types/{{{XS}}}schema")
            for index, schema in enumerate(schemas):
                (target / f"{path.stem}.{index}.xsd").write_bytes(etree.tostring(schema))
    return target


@attrs.frozen
class Imported:
    contracts: list[str]  #: the imported contracts, ``{ns}Name``
    known_types: dict[str, list[str]]  #: the [KnownType]s declared on each, ``{ns}Name``
    answers: list[Answer]  #: one per request


def convert(
    exe: Path,
    schemas: Path,
    build: Path,
    requests: list[tuple[str, str, bytes]],
    export: bool = False,
) -> Imported:
    """Run ImportProbe once over ``schemas``: the imported contracts, their [KnownType]s and
    the answer to each (contract, "xml"|"json"|"wcf", payload) request (contract
    ``"{ns}Read|{ns}Written"``: read as one, written as the other, as a root of a base type),
    or (contract, "fill", int32 variant): an instance ImportFiller.cs builds, written; with
    ``export``, Mono's XsdDataContractExporter schemas of the imported contracts are written to
    ``build/export``."""
    build.mkdir(parents=True, exist_ok=True)
    lines = "".join(
        f"{key}\t{fmt}\t{base64.b64encode(data).decode()}\n" for key, fmt, data in requests
    )
    done = subprocess.run(
        ["mono", str(exe), str(schemas), str(build), *(["export"] if export else [])],
        input=lines.encode(),
        capture_output=True,
        check=False,
        env={**os.environ, "TZ": "UTC", "MONO_PATH": str(exe.parent)},
        timeout=600,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    head, known, *rows = done.stdout.decode().split("\n")[:-1]
    answers = []
    for row in rows:
        status, *rest = row.split("\t")
        if status == "OK":
            answers.append(Answer(None, _output(rest[0]), _output(rest[1]), _output(rest[2])))
        else:
            answers.append(Answer(rest[0]))
    assert len(answers) == len(requests)
    return Imported(head.split("\t") if head else [], json.loads(known), answers)
