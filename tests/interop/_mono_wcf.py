"""Python side of the WCF JSON twin: ``dotnet/WcfDriver.cs`` (DataContractJsonSerializer).

One ``mono WcfDriver.exe`` process (TZ=UTC) serves a test session, as the Json.NET/XML twin
does (:class:`~tests.interop._mono.DotNetTwin`, whose process handling it reuses): a request
reads a payload (DataContract XML or WCF JSON) as a twin type and answers with what .NET
writes back as XML, WCF JSON and indented WCF JSON.
"""

from __future__ import annotations

import base64
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ._mono import (
    DOTNET_DIR,
    SOURCES,
    TYPE_NAMES,
    DotNetTwin,
    Output,
    TwinError,
    _output,
    find_newtonsoft,
)


@dataclass(frozen=True)
class WcfResult:
    read_error: str | None  # "ExceptionType: message" when .NET refused the payload
    xml: Output  # DataContractSerializer, as the Json.NET twin writes it
    wcfjson: Output  # DataContractJsonSerializer.WriteObject(stream, obj)
    wcfjson_indent: Output  # ... through CreateJsonWriter(indent: true, "  ")

    @property
    def ok(self) -> bool:
        return self.read_error is None


class WcfTwin(DotNetTwin):
    """The WCF JSON driver: compiled once, one process."""

    @staticmethod
    def _compile(build_dir: Path) -> Path:
        newtonsoft = find_newtonsoft()
        assert newtonsoft is not None
        local_dll = build_dir / "Newtonsoft.Json.dll"
        shutil.copyfile(newtonsoft, local_dll)
        exe = build_dir / "WcfDriver.exe"
        cmd = [
            "mcs",
            "-nologo",
            "-optimize+",
            f"-out:{exe}",
            "-main:NetContractTwin.WcfDriver",
            "-r:System.Runtime.Serialization",
            "-r:System.Xml",
            f"-r:{local_dll}",
            *(str(DOTNET_DIR / name) for name in (*SOURCES, "WcfDriver.cs")),
        ]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise TwinError(f"mcs failed:\n{done.stdout}\n{done.stderr}")
        return exe

    def wcf_many(self, items: Iterable[tuple[str, str, bytes]]) -> list[WcfResult]:
        """Read each (type name, "xml" | "wcfjson", payload) and write it back three ways."""
        requests = []
        for type_name, fmt, payload in items:
            if type_name not in TYPE_NAMES or fmt not in ("xml", "wcfjson"):
                raise ValueError(f"bad request {type_name!r} {fmt!r}")
            requests.append(
                {
                    "type": type_name,
                    "format": fmt,
                    "payload_b64": base64.b64encode(payload).decode("ascii"),
                }
            )
        if not requests:
            return []
        results = []
        for answer in self._exchange(requests):
            if "error" in answer:
                raise TwinError(f"driver refused the request: {answer['error']}")
            read_error = answer["read_error"]
            results.append(
                WcfResult(
                    read_error=None if read_error is None else str(read_error),
                    xml=_output(answer["xml"]),  # type: ignore[arg-type]
                    wcfjson=_output(answer["wcfjson"]),  # type: ignore[arg-type]
                    wcfjson_indent=_output(answer["wcfjson_indent"]),  # type: ignore[arg-type]
                )
            )
        return results
