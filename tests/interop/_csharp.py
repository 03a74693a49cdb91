"""Compile a small C# program with Mono and run it: for the checks that need no long-lived twin.

The programs live in ``dotnet/`` (``ByteRules.cs``, ``StoredTables.cs``); each prints plain
lines that its Python caller parses.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from ._mono import DOTNET_DIR, TwinError, find_newtonsoft


def compile_program(name: str, build_dir: Path, sources: Sequence[str] = ()) -> Path:
    """``mcs`` over ``dotnet/<name>.cs`` (and ``sources``) into ``build_dir/<name>.exe``."""
    newtonsoft = find_newtonsoft()
    if newtonsoft is None:
        raise TwinError("Newtonsoft.Json.dll not found")
    local_dll = build_dir / "Newtonsoft.Json.dll"
    if not local_dll.exists():
        shutil.copyfile(newtonsoft, local_dll)
    exe = build_dir / f"{name}.exe"
    done = subprocess.run(
        [
            "mcs",
            "-nologo",
            f"-out:{exe}",
            "-r:System.Runtime.Serialization",
            "-r:System.Xml",
            f"-r:{local_dll}",
            *(str(DOTNET_DIR / s) for s in (*sources, f"{name}.cs")),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise TwinError(f"mcs failed:\n{done.stdout}\n{done.stderr}")
    return exe


def run_program(
    exe: Path, *args: str, tz: str = "UTC", stdin: bytes = b"", timeout: float = 120
) -> bytes:
    """Run ``exe`` on Mono with ``TZ=tz`` (its stdout); a failure raises TwinError."""
    done = subprocess.run(
        ["mono", str(exe), *args],
        input=stdin,
        capture_output=True,
        cwd=exe.parent,
        env={**os.environ, "TZ": tz, "MONO_PATH": str(exe.parent)},
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise TwinError(f"{exe.name} exited {done.returncode}: {done.stderr.decode()[-2000:]}")
    return done.stdout
