"""Python side of the .NET twin: compile tests/interop/dotnet/*.cs with Mono and drive it.

The twin (``dotnet/Contracts.cs``) mirrors the Vehizen DTOs; ``dotnet/EdgeContracts.cs`` holds
the contracts that test the generic engine (their Python twins: ``edge_models.py``), resolved by
CLR full name (``EDGE_TYPE_NAMES``). ``dotnet/Driver.cs`` is a long-lived console program that
reads one JSON request per line and answers one JSON line (protocol described at the top of
Driver.cs). Mono starts slowly, so one process serves a whole test session.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

DOTNET_DIR = Path(__file__).resolve().parent / "dotnet"
SOURCES = ("Contracts.cs", "EdgeContracts.cs", "Driver.cs")

#: the generic-engine contracts of dotnet/EdgeContracts.cs (EdgeTypes.All), by CLR full name
EDGE_TYPE_NAMES = (
    "Edge.A.Color",
    "Edge.A.Ordering",
    "Edge.A.Names",
    "Edge.A.Encoded",
    "Edge.A.Animal",
    "Edge.A.Numbers",
    "Edge.A.Decimals",
    "Edge.A.Doubles",
    "Edge.A.Texts",
    "Edge.A.Dates",
    "Edge.A.Chars",
    "Edge.A.Durations",
    "Edge.A.Blobs",
    "Edge.A.Singles",
    "Edge.A.Offsets",
    "Edge.A.Lists",
    "Edge.A.Maps",
    "Edge.A.Holder",
    "Edge.A.Box",
    "Edge.A.Progress",
    "Edge.A.Access",
    "Edge.A.Marks",
    "Edge.A.Enums",
    "Edge.A.Own",
    "Edge.B.Shade",
    "Edge.B.Dog",
    "Edge.B.Middle",
    "Edge.B.Nothing",
    "Edge.B.Zoo",
    "Edge.C.Puppy",
    "Edge.C.Leaf",
    "Edge.D.Far",
    "Edge.E.OrderedBase",
    "Edge.E.Ordered",
    "Edge.E.Required",
    "Edge.E.Defaults",
    "Edge.E.AllDefault",
    "Edge.E.HoldsAllDefault",
    "Edge.A.KeyMaps",
)

TYPE_NAMES = (
    "CustomerGroupDto",
    "ResponseDto",
    "VehicleLightDto",
    "ExternalInterfaceHeaderDto",
    *EDGE_TYPE_NAMES,
)

MONO_MISSING_REASON = (
    "Mono (mono, mcs, System.Runtime.Serialization) and Newtonsoft.Json are needed for the "
    ".NET interop tests; install them with: apt-get install -y mono-mcs mono-runtime "
    "libmono-system-runtime-serialization4.0-cil libnewtonsoft-json5.0-cil"
)

_NEWTONSOFT_CANDIDATES = (
    Path("/usr/lib/cli/Newtonsoft.Json-5.0/Newtonsoft.Json.dll"),
    Path("/usr/lib/mono/gac/Newtonsoft.Json/6.0.0.0__b9a188c8922137c6/Newtonsoft.Json.dll"),
)


def find_newtonsoft() -> Path | None:
    """The Newtonsoft.Json.dll to compile against ($NETCONTRACT_NEWTONSOFT_DLL wins)."""
    override = os.environ.get("NETCONTRACT_NEWTONSOFT_DLL")
    candidates = (Path(override),) if override else _NEWTONSOFT_CANDIDATES
    return next((p for p in candidates if p.is_file()), None)


def mono_available() -> bool:
    """True when mono, mcs and Newtonsoft.Json.dll are all present."""
    return (
        shutil.which("mono") is not None
        and shutil.which("mcs") is not None
        and find_newtonsoft() is not None
    )


def mono_unavailable_reason() -> str:
    return MONO_MISSING_REASON


Output = bytes | str | None
"""bytes = what .NET wrote; str = "ExceptionType: message" of the failure; None = not run."""


@dataclass(frozen=True)
class TwinResult:
    read_error: str | None  # "ExceptionType: message" when .NET refused the payload
    xml: Output  # DataContractSerializer, path B, not indented
    xml_indent: Output  # same, Indent=true
    json: Output  # JsonConvert.SerializeObject(obj)
    json_indent: Output  # JsonConvert.SerializeObject(obj, Formatting.Indented)

    @property
    def ok(self) -> bool:
        return self.read_error is None


class TwinError(RuntimeError):
    """The driver died or answered something unexpected."""


def _output(raw: dict[str, object] | None) -> Output:
    if raw is None:
        return None
    if raw["ok"]:
        return base64.b64decode(str(raw["b64"]))
    return str(raw["error"])


def _result(answer: dict[str, object]) -> TwinResult:
    if "error" in answer:
        raise TwinError(f"driver refused the request: {answer['error']}")
    read_error = answer["read_error"]
    return TwinResult(
        read_error=None if read_error is None else str(read_error),
        xml=_output(answer["xml"]),  # type: ignore[arg-type]
        xml_indent=_output(answer["xml_indent"]),  # type: ignore[arg-type]
        json=_output(answer["json"]),  # type: ignore[arg-type]
        json_indent=_output(answer["json_indent"]),  # type: ignore[arg-type]
    )


class DotNetTwin:
    """Compiles the twin once and keeps one ``mono Driver.exe`` process (TZ=UTC) running."""

    def __init__(self, build_dir: Path | None = None) -> None:
        if not mono_available():
            raise RuntimeError(MONO_MISSING_REASON)
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        if build_dir is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="netcontract-twin-")
            build_dir = Path(self._tmp.name)
        self.build_dir = build_dir
        self.exe = self._compile(build_dir)
        self._stderr_path = build_dir / "driver.stderr"
        self._stderr = self._stderr_path.open("wb")
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = subprocess.Popen(
            ["mono", str(self.exe)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            cwd=build_dir,
            env={**os.environ, "TZ": "UTC", "MONO_PATH": str(build_dir)},
        )

    @staticmethod
    def _compile(build_dir: Path) -> Path:
        newtonsoft = find_newtonsoft()
        assert newtonsoft is not None
        local_dll = build_dir / "Newtonsoft.Json.dll"
        shutil.copyfile(newtonsoft, local_dll)
        exe = build_dir / "Driver.exe"
        cmd = [
            "mcs",
            "-nologo",
            "-optimize+",
            f"-out:{exe}",
            "-r:System.Runtime.Serialization",
            "-r:System.Xml",
            f"-r:{local_dll}",
            *(str(DOTNET_DIR / name) for name in SOURCES),
        ]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise TwinError(f"mcs failed:\n{done.stdout}\n{done.stderr}")
        return exe

    # -- protocol ---------------------------------------------------------------------------

    def _exchange(self, requests: Sequence[dict[str, object]]) -> list[dict[str, object]]:
        """Send all requests (from a thread, so that full pipes cannot deadlock), read answers."""
        proc = self._proc
        if proc is None or proc.stdin is None or proc.stdout is None:
            raise TwinError("the twin is closed")
        data = b"".join(json.dumps(r).encode("ascii") + b"\n" for r in requests)
        with self._lock:
            errors: list[BaseException] = []

            def feed() -> None:
                try:
                    assert proc.stdin is not None
                    proc.stdin.write(data)
                    proc.stdin.flush()
                except BaseException as exc:  # reported below
                    errors.append(exc)

            writer = threading.Thread(target=feed, daemon=True)
            writer.start()
            answers = []
            for _ in requests:
                line = proc.stdout.readline()
                if not line:
                    writer.join(timeout=5)
                    raise TwinError(
                        f"the driver stopped (exit {proc.poll()}): {self._stderr_tail()}"
                    )
                answers.append(json.loads(line))
            writer.join()
            if errors:
                raise TwinError(f"writing to the driver failed: {errors[0]!r}")
        return answers

    def _stderr_tail(self) -> str:
        self._stderr.flush()
        return self._stderr_path.read_text(errors="replace")[-2000:]

    @staticmethod
    def _request(
        type_name: str, fmt: str, payload: bytes, json_settings: dict[str, object] | None = None
    ) -> dict[str, object]:
        if type_name not in TYPE_NAMES:
            raise ValueError(f"unknown twin type {type_name!r}")
        if fmt not in ("json", "xml"):
            raise ValueError(f"format must be 'json' or 'xml', not {fmt!r}")
        request: dict[str, object] = {
            "type": type_name,
            "format": fmt,
            "payload_b64": base64.b64encode(payload).decode("ascii"),
        }
        if json_settings:
            request["json_settings"] = json_settings
        return request

    # -- public API -------------------------------------------------------------------------

    def roundtrip(self, type_name: str, fmt: str, payload: bytes) -> TwinResult:
        """Read ``payload`` (``fmt`` = "json" or "xml") as ``type_name`` and write it 4 ways."""
        return self.roundtrip_many([(type_name, fmt, payload)])[0]

    def roundtrip_many(
        self,
        items: Iterable[tuple[str, str, bytes]],
        json_settings: dict[str, object] | None = None,
    ) -> list[TwinResult]:
        """Pipelined :meth:`roundtrip` over (type_name, fmt, payload) items, answers in order;
        ``json_settings`` (netcontract's ``JsonSettings`` fields) configure Json.NET."""
        requests = [self._request(t, f, p, json_settings) for t, f, p in items]
        if not requests:
            return []
        return [_result(a) for a in self._exchange(requests)]

    def schemas(self, type_name: str) -> dict[str, bytes]:
        """XsdDataContractExporter over the type: {target namespace: indented XSD bytes}."""
        if type_name not in TYPE_NAMES:
            raise ValueError(f"unknown twin type {type_name!r}")
        (answer,) = self._exchange([{"type": type_name, "op": "schema"}])
        if "error" in answer:
            raise TwinError(f"schema export failed: {answer['error']}")
        items = answer["schemas"]
        assert isinstance(items, list)
        return {str(s["namespace"]): base64.b64decode(s["b64"]) for s in items}

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            assert proc.stdin is not None
            try:
                proc.stdin.close()
                proc.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                proc.kill()
                proc.wait()
            if proc.stdout is not None:
                proc.stdout.close()
        if not self._stderr.closed:
            self._stderr.close()
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> DotNetTwin:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
