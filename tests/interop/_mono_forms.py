"""Python side of ``dotnet/FormDriver.cs``: ASP.NET Web API's form formatter and content
negotiator, as Mono ships them, driven from the tests.

The driver is compiled with the twins (``Contracts.cs``, ``EdgeContracts.cs``) against Mono's
``System.Web.Http.dll`` and ``System.Net.Http.Formatting.dll`` (Debian packages
``libmono-system-web-http4.0-cil`` and ``libmono-system-net-http-formatting4.0-cil``) and
Json.NET 6 (under an alias: Formatting carries its own older copy of the Json.NET types).
One process serves many requests; a form the binder never finishes makes the driver answer
``timeout`` and exit, and the next request starts a new process. Protocol: top of
FormDriver.cs. Facts found with it: ``dotnet/FORMS.md``.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from ._mono import DOTNET_DIR, find_newtonsoft, mono_available

SOURCES = ("Contracts.cs", "EdgeContracts.cs", "FormExtras.cs", "FormDriver.cs")

WEB_API_PACKAGES = "libmono-system-web-http4.0-cil libmono-system-net-http-formatting4.0-cil"
MISSING_REASON = (
    "Mono with ASP.NET Web API (System.Web.Http, System.Net.Http.Formatting) and Newtonsoft.Json "
    "is needed for the form interop tests; install it with: apt-get install -y mono-mcs "
    f"mono-runtime libnewtonsoft-json5.0-cil {WEB_API_PACKAGES}"
)

_WEB_API_DLLS = (
    Path("/usr/lib/mono/4.5/System.Web.Http.dll"),
    Path("/usr/lib/mono/4.5/System.Net.Http.Formatting.dll"),
)


def web_api_available() -> bool:
    """True when Mono, mcs, Json.NET and Mono's Web API assemblies are all installed."""
    return mono_available() and all(p.exists() for p in _WEB_API_DLLS)


@dataclass(frozen=True)
class Bound:
    """What ``JQueryMvcFormUrlEncodedFormatter`` made of one form body."""

    json: bytes | None  #: Json.NET 6 ``SerializeObject`` of the bound object; None if null
    log: tuple[str, ...]  #: the errors the formatter logged (IFormatterLogger)
    error: str | None = None  #: "Type: message" when the formatter threw
    timeout: bool = False  #: no answer within 10 s (the driver was restarted)

    @property
    def bound(self) -> bool:
        return self.json is not None


class FormsDriverError(RuntimeError):
    """The driver died or answered something unexpected."""


class WebApiForms:
    """Compiles FormDriver.exe once and keeps a ``mono FormDriver.exe`` (TZ=UTC) running."""

    def __init__(self) -> None:
        if not web_api_available():
            raise RuntimeError(MISSING_REASON)
        self._tmp = tempfile.TemporaryDirectory(prefix="netcontract-forms-")
        self.build_dir = Path(self._tmp.name)
        self.exe = self._compile(self.build_dir)
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self.restarts = 0

    @staticmethod
    def _compile(build_dir: Path) -> Path:
        newtonsoft = find_newtonsoft()
        assert newtonsoft is not None
        local_dll = build_dir / "Newtonsoft.Json.dll"
        shutil.copyfile(newtonsoft, local_dll)
        exe = build_dir / "FormDriver.exe"
        cmd = [
            "mcs",
            "-nologo",
            "-nowarn:618",
            f"-out:{exe}",
            "-r:System.Net.Http",
            "-r:System.Net.Http.Formatting",
            "-r:System.Web.Http",
            "-r:System.Runtime.Serialization",
            "-r:System.Xml",
            f"-r:NJ={local_dll}",
            *(str(DOTNET_DIR / name) for name in SOURCES),
        ]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise FormsDriverError(f"mcs failed:\n{done.stdout}\n{done.stderr}")
        return exe

    def _process(self) -> subprocess.Popen[bytes]:
        if self._proc is None or self._proc.poll() is not None:
            self._proc = subprocess.Popen(
                ["mono", str(self.exe)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                cwd=self.build_dir,
                # a binder that never finishes also eats memory: cap Mono's heap
                env={
                    **os.environ,
                    "TZ": "UTC",
                    "MONO_PATH": str(self.build_dir),
                    "MONO_GC_PARAMS": "max-heap-size=1g",
                },
            )
        return self._proc

    def _ask(self, request: dict[str, object]) -> dict[str, object]:
        with self._lock:
            proc = self._process()
            assert proc.stdin is not None and proc.stdout is not None
            proc.stdin.write(json.dumps(request).encode("ascii") + b"\n")
            proc.stdin.flush()
            line = proc.stdout.readline()
            if not line:  # the process died (e.g. out of memory while binding): restart
                code = proc.wait()
                proc.stdin.close()
                proc.stdout.close()
                self._proc = None
                self.restarts += 1
                if request.get("op") != "bind":
                    raise FormsDriverError(f"the form driver stopped (exit {code})")
                return {"error": f"the driver died while binding (exit {code})", "log": []}
            answer: dict[str, object] = json.loads(line)
            if answer.get("timeout"):
                proc.wait(timeout=30)
                proc.stdin.close()
                proc.stdout.close()
                self._proc = None
                self.restarts += 1
            return answer

    # -- public API -------------------------------------------------------------------------

    def bind(
        self,
        type_name: str,
        body: bytes,
        content_type: str | None = None,
        *,
        timeout_s: float | None = None,
    ) -> Bound:
        """Read ``body`` as ``type_name`` with ``JQueryMvcFormUrlEncodedFormatter``; a bind that
        takes over 10 s (or ``timeout_s``, if longer) is reported as a timeout."""
        answer = self._ask(
            {
                "op": "bind",
                "type": type_name,
                "body_b64": base64.b64encode(body).decode("ascii"),
                "content_type": content_type,
                "timeout_s": timeout_s,
            }
        )
        if answer.get("timeout"):
            return Bound(json=None, log=(), timeout=True)
        log = tuple(str(line) for line in answer.get("log", ()))  # type: ignore[attr-defined]
        if "error" in answer:
            return Bound(json=None, log=log, error=str(answer["error"]))
        raw = answer.get("json_b64")
        return Bound(json=None if raw is None else base64.b64decode(str(raw)), log=log)

    def pairs(self, body: bytes) -> list[tuple[str | None, str | None]]:
        """The (key, value) pairs ``FormDataCollection`` reads from ``body``."""
        answer = self._ask({"op": "pairs", "body_b64": base64.b64encode(body).decode("ascii")})
        if "error" in answer:
            raise FormsDriverError(str(answer["error"]))
        return [(k, v) for k, v in answer["pairs"]]  # type: ignore[attr-defined]

    def negotiate(
        self,
        type_name: str,
        accept: str | None = None,
        content_type: str | None = None,
        accept_charset: str | None = None,
    ) -> tuple[str | None, str | None]:
        """(formatter class name, media type with charset) that DefaultContentNegotiator picks."""
        answer = self._ask(
            {
                "op": "negotiate",
                "type": type_name,
                "accept": accept,
                "content_type": content_type,
                "accept_charset": accept_charset,
            }
        )
        if "error" in answer:
            raise FormsDriverError(str(answer["error"]))
        formatter, media_type = answer["formatter"], answer["media_type"]
        return (
            None if formatter is None else str(formatter),
            None if media_type is None else str(media_type),
        )

    def write(self, type_name: str, xml: bytes, media_type: str, charset: str) -> bytes:
        """The answer body Web API's formatter for ``media_type`` writes for the object that
        DataContractSerializer reads from ``xml``, in ``charset`` (``utf-8``/``utf-16``)."""
        answer = self._ask(
            {
                "op": "write",
                "type": type_name,
                "xml_b64": base64.b64encode(xml).decode("ascii"),
                "media_type": media_type,
                "charset": charset,
            }
        )
        if "error" in answer:
            raise FormsDriverError(str(answer["error"]))
        return base64.b64decode(str(answer["b64"]))

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            assert proc.stdin is not None and proc.stdout is not None
            try:
                proc.stdin.close()
                proc.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                proc.kill()
                proc.wait()
            proc.stdout.close()
        self._tmp.cleanup()

    def __enter__(self) -> WebApiForms:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
